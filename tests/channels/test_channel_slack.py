"""Slack end to end: signed Events API and interactivity requests to a running Rasa server."""
import hashlib
import hmac
import json
import time
import urllib.parse
from typing import Any, Dict, List, Optional

import pytest
from channel_harness import CASE, NEEDS_INFO, SLACK_SECRET, SLACK_TOKEN, StandIn

import bot

WEBHOOK = "/webhooks/slack/webhook"
BOT_USER = "UAXILLABOT"


def signed(body: bytes, content_type: str = "application/json", secret: str = SLACK_SECRET,
           timestamp: Optional[int] = None) -> Dict[str, str]:
    """Headers as Slack sends them: X-Slack-Signature = v0=HMAC-SHA256(secret, "v0:<ts>:<body>")."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


def event_body(text: str, channel: str, ts: str, user: str = "UCLINICIAN", direct: bool = False) -> bytes:
    """An Events API callback: an @-mention of the bot in a channel, or a direct message to it."""
    if direct:
        event = {"type": "message", "channel_type": "im", "text": text}
    else:
        event = {"type": "app_mention", "text": f"<@{BOT_USER}> {text}"}
    event.update(user=user, ts=ts, channel=channel, event_ts=ts)
    return json.dumps({"type": "event_callback", "team_id": "TTEAM", "api_app_id": "AAPP", "event": event,
                       "authorizations": [{"user_id": BOT_USER, "is_bot": True}]}).encode()


def first_post(stand_in: StandIn, channel: str, block_type: str) -> Dict[str, Any]:
    """The first chat.postMessage to a channel with a block of this type, once it has arrived."""
    return stand_in.wait_for(lambda call: call["kind"] == "slack" and call["json"]["channel"] == channel
                             and any(b["type"] == block_type for b in call["json"].get("blocks", [])))[0]["json"]


def test_url_verification_is_answered_when_signed(post):
    body = json.dumps({"type": "url_verification", "token": "x", "challenge": "c-123"}).encode()
    assert post(WEBHOOK, body, signed(body)) == (200, "c-123")  # the bare challenge, as Slack asks
    assert post(WEBHOOK, body, {"Content-Type": "application/json"})[0] == 400


@pytest.mark.parametrize("headers", [
    pytest.param(lambda body: {"Content-Type": "application/json"}, id="unsigned"),
    pytest.param(lambda body: signed(body, secret="not-the-secret"), id="wrong-secret"),
    pytest.param(lambda body: signed(b"{}"), id="signature-of-another-body"),
    pytest.param(lambda body: signed(body, timestamp=int(time.time()) - 600), id="replayed-10-min-later"),
    pytest.param(lambda body: {**signed(body), "X-Slack-Signature": "v0=" + "0" * 64}, id="forged"),
])
def test_requests_without_a_valid_signature_are_refused(post, stand_in, headers):
    body = event_body(CASE, "CREFUSED", "1700000000.000001")
    status, _ = post(WEBHOOK, body, headers(body))
    assert status == 400
    assert not stand_in.matching(lambda call: call.get("json", {}).get("channel") == "CREFUSED")


def test_a_case_gets_block_kit_in_the_users_thread(post, stand_in):
    expected = bot.analyze(CASE).to_dict()
    body = event_body(CASE, "CCASE", "1700000100.000100")
    assert post(WEBHOOK, body, signed(body))[0] == 200

    answer = first_post(stand_in, "CCASE", "header")
    assert answer["thread_ts"] == "1700000100.000100"
    assert answer["text"]  # what notifications and old clients show
    header = answer["blocks"][0]
    assert header["type"] == "header"
    assert header["text"]["text"] == f"Variant {expected['variant']['number']} · {expected['variant']['topic']}"
    rows = [b for b in answer["blocks"] if b["type"] == "section" and "fields" in b]
    assert [row["fields"][0]["text"] for row in rows] == [
        f"*{r['procedure']}*" for r in expected["recommendations"]]
    assert rows[0]["fields"][1]["text"] == f"🟢 {expected['recommendations'][0]['category']}"
    order = [b["text"]["text"] for b in answer["blocks"] if "```" in b.get("text", {}).get("text", "")]
    assert order == [f"*Order wording*\n```{expected['order_text']}```"]
    assert all(call["auth"] == f"Bearer {SLACK_TOKEN}" for call in stand_in.matching(
        lambda call: call["kind"] == "slack"))


def click(user: str, channel: str, bot_message: Dict[str, str], button: Dict[str, Any]) -> bytes:
    """The form Slack posts when a button of a message is clicked."""
    action = {"type": "button", "action_id": button["action_id"], "value": button["value"]}
    payload = {"type": "block_actions", "user": {"id": user}, "channel": {"id": channel},
               "message": bot_message, "actions": [action]}
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


def buttons_of(message: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [b for b in message["blocks"] if b["type"] == "actions"][0]["elements"]


def test_a_question_in_a_channel_and_the_click_on_its_answer_stay_in_the_thread(post, stand_in):
    assert bot.analyze(NEEDS_INFO).status == bot.NEEDS_INFO
    body = event_body(NEEDS_INFO, "CTHREAD", "1700000200.000200", user="UTHREAD")
    assert post(WEBHOOK, body, signed(body))[0] == 200
    question = first_post(stand_in, "CTHREAD", "actions")
    assert question["thread_ts"] == "1700000200.000200"

    bot_message = {"ts": "1700000201.000300", "thread_ts": "1700000200.000200"}
    form = click("UTHREAD", "CTHREAD", bot_message, buttons_of(question)[0])
    assert post(WEBHOOK, form, signed(form, "application/x-www-form-urlencoded"))[0] == 200
    answer = first_post(stand_in, "CTHREAD", "header")  # the case went on: its recommendation
    assert answer["thread_ts"] == "1700000200.000200"


def test_direct_messages_are_one_conversation_outside_threads(post, stand_in):
    body = event_body(NEEDS_INFO, "DDIRECT", "1700000300.000100", user="UDIRECT", direct=True)
    assert post(WEBHOOK, body, signed(body))[0] == 200
    question = first_post(stand_in, "DDIRECT", "actions")
    assert "thread_ts" not in question

    # The answer typed as a new message, not a click: it is read for the same case.
    value = buttons_of(question)[0]["value"]
    reply = event_body(value, "DDIRECT", "1700000310.000100", user="UDIRECT", direct=True)
    assert post(WEBHOOK, reply, signed(reply))[0] == 200
    answer = first_post(stand_in, "DDIRECT", "header")
    assert "thread_ts" not in answer


def posts_to(stand_in: StandIn, channel: str) -> List[Dict[str, Any]]:
    return [c["json"] for c in stand_in.matching(lambda c: c["kind"] == "slack" and c["json"]["channel"] == channel)]


def test_slack_escaping_is_decoded_before_the_assistant_reads_the_text(post, stand_in):
    """Slack sends ">" as "&gt;": "&gt;2 cm" must be read as more than 2 cm (variant 6), not as 2.0 cm (4)."""
    text = "new L IDC &gt;2 cm, palpable L axillary LN, no tx, 57F"
    body = event_body(text, "DENTITY", "1700000400.000100", user="UENTITY", direct=True)
    assert post(WEBHOOK, body, signed(body))[0] == 200
    answer = first_post(stand_in, "DENTITY", "header")
    assert answer["blocks"][0]["text"]["text"].startswith("Variant 6 ")


def test_slack_markup_is_decoded():
    from channels.slack import decode
    text = ("<@UAXILLABOT> see <@U0CLIN|dr.who> in <#C0RAD|radiology>, mail <mailto:a@b.org|a@b.org>, "
            "<http://x.org/case|the case> <https://y.org>: *new* _L_ ~R~ IDC &gt;2 cm &lt;b&gt; &amp; ~2 cm")
    assert decode(text, ["UAXILLABOT"]) == (
        "see @dr.who in #radiology, mail a@b.org, the case https://y.org: new L R IDC >2 cm <b> & ~2 cm")


@pytest.mark.parametrize("reason", ["http_timeout", "http_error"])
def test_a_retried_event_is_acknowledged_and_answered_once(post_with_headers, stand_in, reason):
    channel = f"DRETRY{reason.upper()}"
    body = json.loads(event_body(NEEDS_INFO, channel, "1700000500.000100", user=f"U{reason}", direct=True))
    raw = json.dumps({**body, "event_id": f"Ev{reason}"}).encode()
    assert post_with_headers(WEBHOOK, raw, signed(raw))[0] == 200
    for number in (1, 2):  # Slack's retries: same event, same event_id
        status, _, headers = post_with_headers(
            WEBHOOK, raw, {**signed(raw), "X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": reason})
        assert status == 200 and headers.get("X-Slack-No-Retry") == "1"
    first_post(stand_in, channel, "actions")
    time.sleep(8)  # time for a second answer, if one were coming
    assert len(posts_to(stand_in, channel)) == 1


def test_an_edited_message_gets_a_note_and_is_not_re_read(post, stand_in):
    channel = "DEDIT"
    body = event_body(NEEDS_INFO, channel, "1700000600.000100", user="UEDIT", direct=True)
    assert post(WEBHOOK, body, signed(body))[0] == 200
    first_post(stand_in, channel, "actions")
    edit = {"type": "event_callback", "team_id": "TTEAM", "event_id": "EvEdit1",
            "authorizations": [{"user_id": BOT_USER, "is_bot": True}],
            "event": {"type": "message", "subtype": "message_changed", "channel": channel, "channel_type": "im",
                      "ts": "1700000610.000100", "event_ts": "1700000610.000100",
                      "message": {"type": "message", "user": "UEDIT", "text": NEEDS_INFO.replace("3 cm", "1.5 cm"),
                                  "ts": "1700000600.000100", "edited": {"user": "UEDIT", "ts": "1700000610"}},
                      "previous_message": {"type": "message", "user": "UEDIT", "text": NEEDS_INFO,
                                           "ts": "1700000600.000100"}}}
    raw = json.dumps(edit).encode()
    assert post(WEBHOOK, raw, signed(raw))[0] == 200
    stand_in.wait_for(lambda c: c["kind"] == "slack" and c["json"]["channel"] == channel, count=2, timeout=30)
    time.sleep(3)
    answers = posts_to(stand_in, channel)
    assert len(answers) == 2, answers  # the note, and no answer to the edited text
    assert "edited" in answers[1]["text"] and "new message" in answers[1]["text"]
