"""Every channel as safe as REST (issue 11), against the running Rasa server of conftest.py.

- the web chat (socket.io) refuses the hijack of a conversation: no token, a wrong token, a token for another
  conversation;
- sender ids are namespaced per channel: a REST conversation cannot be reached from socket.io or Slack ids;
- a stalled action server (SIGSTOP) answers "temporarily unavailable" on web, Slack and Teams, the case's
  facts kept; an empty turn ("/restart") is no failure.
"""
import json
import time
import urllib.request
import uuid
from typing import Any, Dict, List

import pytest
from channel_harness import REST_TOKEN, TURN_TIMEOUT_S, StandIn, web_token
from test_channel_slack import WEBHOOK as SLACK_WEBHOOK
from test_channel_slack import event_body, signed
from test_channel_teams import activity, replies, send
from web_client import WebClient, customs

CASE_6 = "58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet"
FIRST, SIZE = "45F, new IDC left breast, no palpable nodes, no treatment yet", "3 cm"  # -> axilla-5
CHANGE = "actually the tumour is 1.5 cm"


def rest(url: str, sender: str, text: str) -> List[Dict[str, Any]]:
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {REST_TOKEN}"},
        data=json.dumps({"sender": sender, "message": text}).encode())
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read())


def rest_customs(url: str, sender: str, text: str) -> List[Dict[str, Any]]:
    return [m["custom"] for m in rest(url, sender, text) if isinstance(m.get("custom"), dict)]


def victim(url: str) -> str:
    """A REST conversation with a case of variant 6."""
    sender = f"victim-{uuid.uuid4().hex[:6]}"
    [answer] = rest_customs(url, sender, CASE_6)
    assert answer["variant"]["id"] == "axilla-6"
    return sender


def victims_variant(url: str, sender: str) -> Any:
    """The variant the victim's follow-up answers are given for."""
    [faq] = rest_customs(url, sender, "why not MRI?")
    return faq["variant"]


# --- the web chat refuses the hijack ------------------------------------------------------------------------

def hijack(url: str, token: Any, target: str) -> Dict[str, Any]:
    """Connects with `token`, asks for `target`'s conversation and sends a correction into it."""
    client = WebClient(url)
    try:
        refused = client.connect(token)
        if refused:
            return {"connected": False, "refusal": refused}
        client.emit("session_request", {"session_id": target})
        client.wait_for(("session_confirm", "session_refused"), 15)
        if client.client.connected:
            client.emit("user_uttered", {"message": CHANGE, "session_id": target})
            client.wait_for(("bot_uttered", "session_refused"), 30)
        return {"connected": True, "events": client.events}
    finally:
        client.close()


@pytest.mark.parametrize("token", [
    pytest.param(None, id="no-token"),
    pytest.param("not-a-jwt", id="garbage"),
    pytest.param(web_token("attacker", secret="another-secret-of-the-same-length"), id="wrong-key"),
    pytest.param(web_token("attacker", ttl=-60), id="expired"),
    pytest.param(web_token("attacker", aud=None), id="no-audience"),
])
def test_the_web_chat_refuses_a_connection_without_a_valid_token(rasa_url, token):
    sender = victim(rasa_url)
    result = hijack(rasa_url, token, sender)
    assert result == {"connected": False, "refusal": result.get("refusal")}
    assert victims_variant(rasa_url, sender) == "axilla-6"


def test_a_token_for_another_conversation_is_refused(rasa_url):
    """The issue's hijack: a valid token of the attacker's own conversation, session_request for another."""
    for target_of in ("rest", "web"):
        if target_of == "rest":
            target = victim(rasa_url)
        else:  # another resident's web conversation, with a case
            target = f"resident-{uuid.uuid4().hex[:6]}"

            def resident() -> None:
                client = WebClient(rasa_url)
                assert client.connect(web_token(target)) is None
                assert customs(client.answer(CASE_6, target))[0]["variant"]["id"] == "axilla-6"
                client.close()
            resident()
        result = hijack(rasa_url, web_token(f"attacker-{uuid.uuid4().hex[:6]}"), target)
        names = [name for name, _ in result["events"]]
        assert result["connected"] and "session_refused" in names, names
        assert "session_confirm" not in names and "bot_uttered" not in names, result["events"]
        if target_of == "rest":
            assert victims_variant(rasa_url, target) == "axilla-6"

    # A message naming another conversation, without a session_request, is refused the same way.
    def direct() -> List[str]:
        client = WebClient(rasa_url)
        assert client.connect(web_token("attacker-direct")) is None
        message = "what exact request text goes in the system?"
        client.emit("user_uttered", {"message": message, "session_id": "victim-x"})
        client.wait_for(("bot_uttered", "session_refused"), 20)
        client.close()
        return [name for name, _ in client.events]
    assert "bot_uttered" not in direct()


def test_the_web_chat_answers_the_conversation_of_its_token(rasa_url):
    conversation = f"resident-{uuid.uuid4().hex[:6]}"

    def chat() -> List[Dict[str, Any]]:
        client = WebClient(rasa_url)
        assert client.connect(web_token(conversation)) is None
        client.emit("session_request", {"session_id": None})
        [(_, confirmed)] = client.wait_for(("session_confirm",), 15)
        assert confirmed == conversation  # the token's conversation, whatever the client asked
        first = customs(client.answer(FIRST, conversation))
        second = customs(client.answer(SIZE, conversation))
        client.emit("last_answer_request", {})
        [(_, last)] = client.wait_for(("last_answer",), 15)
        client.close()
        return first + second + customs(last["messages"])
    question, answer, again = chat()
    assert question["type"] == "question" and answer["variant"]["id"] == "axilla-5"
    assert again == answer  # the last answer, re-read from the tracker


def test_a_message_over_the_limit_is_refused_with_the_limit(rasa_url):
    def long_message() -> List[Any]:
        client = WebClient(rasa_url)
        assert client.connect(web_token("long")) is None
        client.emit("user_uttered", {"message": "x" * 6000, "session_id": "long"})
        found = client.wait_for(("message_refused", "bot_uttered"), 20)
        client.close()
        return found
    [(name, data)] = long_message()
    assert name == "message_refused" and data["limit"] == 5000 and data["reason"] == "too_long"


# --- no channel reaches another's conversation ------------------------------------------------------------

def test_a_rest_conversation_cannot_be_reached_from_socketio_or_slack_ids(rasa_url, post, stand_in: StandIn):
    sender = victim(rasa_url)

    # socket.io: even a valid token whose conversation id is the REST sender's talks in web:<id>.
    def from_web() -> List[Dict[str, Any]]:
        client = WebClient(rasa_url)
        assert client.connect(web_token(sender)) is None
        answer = client.answer(CHANGE, sender)
        client.close()
        return answer
    web_answer = customs(from_web())
    assert all(c.get("type") != "recommendation" for c in web_answer), web_answer

    # Slack: a direct message from a Slack user whose id is the REST sender's.
    body = event_body(CHANGE, f"D{sender}", "1700009000.000100", user=sender, direct=True)
    assert post(SLACK_WEBHOOK, body, signed(body))[0] == 200
    stand_in.wait_for(lambda c: c["kind"] == "slack" and c["json"]["channel"] == f"D{sender}")

    # A REST client naming the Slack conversation reaches a REST one of that name, with no case.
    [faq] = rest_customs(rasa_url, f"slack:{sender}", "why not MRI?")
    assert faq["variant"] is None
    assert victims_variant(rasa_url, sender) == "axilla-6"


# --- one failure answer for every channel ----------------------------------------------------------------

def test_a_restart_is_not_a_failure(rasa_url):
    """"/restart" and "/session_start" are answered by the assistant, never with "unavailable" (a turn with no
    message at all is no failure either: tests/service/test_turns.py)."""
    sender = f"empty-{uuid.uuid4().hex[:6]}"
    rest(rasa_url, sender, "hello")
    for command in ("/restart", "/session_start"):
        assert all(c.get("type") != "unavailable" for c in rest_customs(rasa_url, sender, command))


def test_the_web_chat_answers_unavailable_while_the_action_server_is_stalled(servers):
    conversation = f"stall-{uuid.uuid4().hex[:6]}"

    def chat() -> List[List[Dict[str, Any]]]:
        client = WebClient(servers.url)
        assert client.connect(web_token(conversation)) is None
        first = client.answer(FIRST, conversation)
        with servers.stalled_actions():
            started = time.monotonic()
            stalled = client.answer(SIZE, conversation, timeout=TURN_TIMEOUT_S + 30)
            assert time.monotonic() - started < TURN_TIMEOUT_S + 15
        again = client.answer(SIZE, conversation)
        client.close()
        return [first, stalled, again]
    first, stalled, again = chat()
    assert customs(first)[0]["type"] == "question"
    assert customs(stalled) == [{"type": "unavailable"}]
    assert "temporarily unavailable" in stalled[0]["text"]
    [answer] = customs(again)
    assert answer["variant"]["id"] == "axilla-5" and answer["facts"]["age"] == 45  # the facts were kept


def test_slack_answers_unavailable_while_the_action_server_is_stalled(servers, post, stand_in: StandIn):
    channel = f"DSTALL{uuid.uuid4().hex[:6]}"
    posts = lambda: [c["json"] for c in stand_in.matching(  # noqa: E731
        lambda c: c["kind"] == "slack" and c["json"]["channel"] == channel)]

    def say(text: str, ts: str, count: int) -> Dict[str, Any]:
        body = event_body(text, channel, ts, user="USTALL", direct=True)
        assert post(SLACK_WEBHOOK, body, signed(body))[0] == 200
        stand_in.wait_for(lambda c: c["kind"] == "slack" and c["json"]["channel"] == channel, count=count,
                          timeout=TURN_TIMEOUT_S + 60)
        return posts()[count - 1]

    say(FIRST, "1700010000.000100", 1)
    with servers.stalled_actions():
        stalled = say(SIZE, "1700010001.000100", 2)
    assert "temporarily unavailable" in stalled["text"]
    answer = say(SIZE, "1700010002.000100", 3)
    assert answer["blocks"][0]["type"] == "header" and "Variant 5" in answer["blocks"][0]["text"]["text"]


def test_teams_acknowledges_at_once_and_answers_unavailable_while_stalled(servers, post, stand_in: StandIn):
    conversation = f"conv-stall-{uuid.uuid4().hex[:6]}"
    is_reply = replies(conversation)

    def say(text: str, number: int) -> float:
        started = time.monotonic()
        data = activity(stand_in, conversation, text, id=f"{conversation}-{number}")
        assert send(post, data, stand_in.token()) == 200
        return time.monotonic() - started

    say(FIRST, 1)
    stand_in.wait_for(is_reply)
    with servers.stalled_actions():
        acknowledged_in = say(SIZE, 2)
        assert acknowledged_in < 1.0  # while the turn waits for the stalled action server
        stalled = stand_in.wait_for(is_reply, count=2, timeout=TURN_TIMEOUT_S + 60)[1]["json"]
    assert "temporarily unavailable" in json.dumps(stalled)
    say(SIZE, 3)
    answer = stand_in.wait_for(is_reply, count=3, timeout=120)[2]["json"]
    assert answer["attachments"][0]["content"]["body"][0]["text"].startswith("Variant 5")
