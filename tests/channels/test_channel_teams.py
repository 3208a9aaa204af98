"""Microsoft Teams end to end: Bot Framework activities with signed JWTs to a running Rasa server."""
import json
import time
from typing import Any, Callable, Dict

import pytest
from channel_harness import APP_ID, APP_PASSWORD, CASE, NEEDS_INFO, STAND_IN_TOKEN, TENANT, StandIn, new_key

import bot
from channels.render_teams import CARD_TYPE

WEBHOOK = "/webhooks/teams/webhook"


def activity(stand_in: StandIn, conversation: str, text: str, **overrides: Any) -> Dict[str, Any]:
    """A message activity as Teams' Bot Connector posts it; the bot replies to the stand-in's serviceUrl."""
    return {"type": "message", "id": f"{conversation}-1", "channelId": "msteams",
            "serviceUrl": stand_in.service_url, "from": {"id": "29:clinician", "name": "Dr Who"},
            "conversation": {"id": conversation, "tenantId": TENANT},
            "recipient": {"id": f"28:{APP_ID}", "name": "Axilla imaging"}, "text": text, **overrides}


def send(post, data: Dict[str, Any], token: str = "") -> int:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    return post(WEBHOOK, json.dumps(data).encode(), headers)[0]


def replies(conversation: str) -> Callable[[Dict[str, Any]], bool]:
    """Matches the bot's replies posted to a conversation."""
    path = f"/connector/v3/conversations/{conversation}/activities"
    return lambda call: call["kind"] == "reply" and call["path"] == path


def first_card(stand_in: StandIn, conversation: str) -> Dict[str, Any]:
    """The first reply in a conversation carrying an Adaptive Card, once it has arrived."""
    is_reply = replies(conversation)
    call = stand_in.wait_for(lambda c: is_reply(c) and bool(c["json"].get("attachments")))[0]
    assert call["auth"] == f"Bearer {STAND_IN_TOKEN}"
    return call["json"]


BAD_TOKENS = {
    "garbage": lambda sign: "not-a-jwt",
    "another-key": lambda sign: sign(key=new_key()),
    "another-audience": lambda sign: sign(aud="some-other-bot"),
    "another-issuer": lambda sign: sign(iss="https://sts.windows.net/evil/"),
    "expired": lambda sign: sign(exp=int(time.time()) - 3600, nbf=int(time.time()) - 7200),
    "no-expiry": lambda sign: sign(exp=None),
    "another-service-url": lambda sign: sign(serviceUrl="https://attacker.example/"),
}


def test_requests_without_a_token_are_refused(post, stand_in):
    assert send(post, activity(stand_in, "conv-no-token", CASE)) == 401


@pytest.mark.parametrize("bad", BAD_TOKENS, ids=list(BAD_TOKENS))
def test_requests_with_a_bad_token_are_refused(post, stand_in, bad):
    conversation = f"conv-{bad}"
    assert send(post, activity(stand_in, conversation, CASE), BAD_TOKENS[bad](stand_in.token)) == 401
    assert not stand_in.matching(replies(conversation))


def test_a_key_not_endorsed_for_the_channel_is_refused(post, stand_in):
    assert send(post, activity(stand_in, "conv-slack", CASE, channelId="slack"), stand_in.token()) == 403


def test_a_case_gets_an_adaptive_card_with_a_token_of_the_bots_tenant(post, stand_in):
    expected = bot.analyze(CASE).to_dict()
    # In a channel Teams writes the @-mention into the text.
    mention = activity(stand_in, "conv-case", f"<at>Axilla imaging</at> {CASE}")
    assert send(post, mention, stand_in.token()) == 200

    reply = first_card(stand_in, "conv-case")
    assert reply["recipient"]["id"] == "29:clinician" and reply["summary"]
    attachment = reply["attachments"][0]
    assert attachment["contentType"] == CARD_TYPE
    body = attachment["content"]["body"]
    assert body[0]["text"] == f"Variant {expected['variant']['number']}: {expected['variant']['title']}"
    rows = [e for e in body if e["type"] == "ColumnSet"][1:]  # after the header row
    assert [row["columns"][0]["items"][0]["text"] for row in rows] == [
        r["procedure"] for r in expected["recommendations"]]
    assert rows[0]["columns"][1]["items"][0]["color"] == "Good"
    order = [e for e in body if e["type"] == "Container"][0]["items"][1]
    assert order == {"type": "TextBlock", "text": expected["order_text"], "wrap": True, "fontType": "Monospace"}

    token_calls = stand_in.matching(lambda call: call["kind"] == "token")
    assert token_calls and {call["path"] for call in token_calls} == {f"/login/{TENANT}/oauth2/v2.0/token"}
    assert token_calls[0]["form"] == {"grant_type": "client_credentials", "client_id": APP_ID,
                                      "client_secret": APP_PASSWORD,
                                      "scope": "https://api.botframework.com/.default"}


def test_a_question_offers_buttons_whose_answer_continues_the_case(post, stand_in):
    assert bot.analyze(NEEDS_INFO).status == "needs_info"
    assert send(post, activity(stand_in, "conv-question", NEEDS_INFO), stand_in.token()) == 200
    question = first_card(stand_in, "conv-question")["attachments"][0]["content"]
    buttons = question["actions"]
    assert len(buttons) >= 2 and all(b["type"] == "Action.Submit" for b in buttons)

    # Action.Submit with messageBack: Teams shows the title in the chat and posts the text to the bot.
    answer = activity(stand_in, "conv-question", buttons[0]["data"]["msteams"]["text"], id="conv-question-2")
    assert send(post, answer, stand_in.token()) == 200
    is_reply = replies("conv-question")
    recommendation = stand_in.wait_for(lambda c: is_reply(c) and any(
        a["content"]["body"][0]["text"].startswith("Variant ") for a in c["json"].get("attachments", [])))
    assert recommendation


def test_a_repeated_activity_is_answered_once(post, stand_in):
    data = activity(stand_in, "conv-repeat", NEEDS_INFO, id="activity-repeat-1")
    for _ in range(3):  # the Bot Framework's retries carry the same activity id
        assert send(post, data, stand_in.token()) == 200
    first_card(stand_in, "conv-repeat")
    time.sleep(8)  # time for a second answer, if one were coming
    assert len(stand_in.matching(replies("conv-repeat"))) == 1


def test_the_html_teams_wraps_around_the_text_is_removed(post, stand_in):
    text = "<p><at>Axilla imaging</at>&nbsp;new L IDC &gt;2 cm,<br>palpable L axillary LN, no tx, 57F</p>"
    assert send(post, activity(stand_in, "conv-html", text, textFormat="xml"), stand_in.token()) == 200
    card = first_card(stand_in, "conv-html")["attachments"][0]["content"]
    assert card["body"][0]["text"].startswith("Variant 6:")


def test_teams_text_is_plain():
    from channels.teams import plain_text
    assert plain_text("<at>Axilla imaging</at> 3 cm &amp; node<br/>57F") == "3 cm & node\n57F"
