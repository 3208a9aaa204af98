"""Access control and input checks of the REST channel and the action server (real servers)."""
import logging
import time
import uuid

import jwt
import pytest
from service_harness import Single, bearer, post

from service.rest_auth import TokenRestInput


def webhook(single: Single) -> str:
    return f"{single.url}/webhooks/rest/webhook"


def test_chat_requires_the_token(single: Single) -> None:
    body = {"sender": f"auth-{uuid.uuid4().hex}", "message": "hello"}
    assert post(webhook(single), body)[0] == 401
    assert post(webhook(single), body, {"Authorization": single.token})[0] == 401  # no "Bearer"
    assert post(webhook(single), body, bearer("not-the-token"))[0] == 403
    status, answer = post(webhook(single), body, bearer(single.token))
    assert status == 200 and answer


@pytest.mark.parametrize("raw, status, error", [
    (b"not json", 400, "the body must be JSON"),
    (b'["a list"]', 400, "the body must be a JSON object"),
    (b'{"message": "hi"}', 400, "'sender' must be a non-empty string"),
    (b'{"sender": "s", "message": 42}', 400, "'message' must be a string"),
    (b'{"sender": "s", "message": "hi", "metadata": [1]}', 400, "'metadata' must be an object"),
])
def test_malformed_requests_get_a_clear_4xx(single: Single, raw: bytes, status: int, error: str) -> None:
    got, answer = post(webhook(single), None, bearer(single.token), raw=raw)
    assert got == status and answer["error"].startswith(error)


def test_an_empty_or_too_long_message_is_answered_in_the_conversation_and_loses_nothing(single: Single) -> None:
    sender = f"refused-{uuid.uuid4().hex}"
    say = lambda text: post(webhook(single), {"sender": sender, "message": text}, bearer(single.token))  # noqa: E731
    assert say("52F, new L IDC, no palpable axillary nodes, untreated")[0] == 200
    for text, reason in (("   ", "empty"), ("x" * 6000, "too_long")):
        status, [answer] = say(text)
        assert (status, answer["recipient_id"], answer["custom"]["reason"]) == (200, sender, reason)
        assert answer["text"]
    status, answers = say("2.6 cm")
    assert status == 200 and [a["custom"]["variant"]["id"] for a in answers if a.get("custom", {}).get("variant")] \
        == ["axilla-5"]


def test_a_jwt_signed_with_the_secret_is_accepted_for_its_conversation_only(single: Single) -> None:
    sender = f"jwt-{uuid.uuid4().hex}"
    claims = {"sender": sender, "exp": int(time.time()) + 300}
    token = jwt.encode(claims, single.jwt_secret, algorithm="HS256")
    assert post(webhook(single), {"sender": sender, "message": "hello"}, bearer(token))[0] == 200
    other = {"sender": "someone-else", "message": "hello"}
    assert post(webhook(single), other, bearer(token)) == (403, {"error": "token not valid for this conversation"})
    expired = jwt.encode({**claims, "exp": int(time.time()) - 10}, single.jwt_secret, algorithm="HS256")
    forged = jwt.encode(claims, "not-the-secret-" * 3, algorithm="HS256")
    unlimited = jwt.encode({"sender": sender}, single.jwt_secret, algorithm="HS256")
    for bad in (expired, forged, unlimited):
        assert post(webhook(single), {"sender": sender, "message": "hello"}, bearer(bad))[0] == 403


def test_the_action_server_takes_calls_only_from_rasa(single: Single) -> None:
    url = f"http://127.0.0.1:{single.actions_port}"
    call = {"next_action": "action_fallback", "tracker": {"sender_id": "x", "latest_message": {}}, "domain": {}}
    assert post(f"{url}/webhook", call)[0] == 401
    assert post(f"{url}/webhook", call, {"X-Action-Token": "wrong"})[0] == 403


def test_an_open_channel_says_so_at_start_up(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    for name in ("REST_AUTH_TOKEN", "REST_JWT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with caplog.at_level(logging.WARNING, logger="service.rest_auth"):
        TokenRestInput.from_credentials(None)
    assert "authentication is OFF" in caplog.text
    caplog.clear()
    monkeypatch.setenv("REST_AUTH_TOKEN", "secret")
    with caplog.at_level(logging.WARNING, logger="service.rest_auth"):
        assert TokenRestInput.from_credentials(None).token == "secret"
    assert "OFF" not in caplog.text
