"""Bad input over the REST channel: each gets a clear answer (bot text + one custom payload) or a 4xx, never a
5xx, never a recommendation from nonsense, and the same conversation then goes on normally with a valid case."""
import itertools
from typing import Any, Dict, List, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robustness_harness import VALID_CASE, VALID_VARIANT, customs, post

_senders = itertools.count()


def sender() -> str:
    return f"robust-{next(_senders)}"


def case_with(size: str) -> str:
    """A case complete but for its size, which is `size`."""
    return f"58F, new {size} IDC left breast, no palpable axillary nodes, no treatment yet"


TEN_CASES = " ".join(f"{age}F, new {size} cm IDC {side} breast, {nodes}, {tx}." for age, size, side, nodes, tx in [
    (58, 3, "left", "palpable left axillary node", "no treatment yet"),
    (62, 1.2, "right", "no palpable nodes", "no treatment yet"),
    (45, 2.5, "left", "no palpable nodes", "completed neoadjuvant chemotherapy"),
    (71, 4, "right", "palpable right axillary node", "on NAC"),
    (39, 0.8, "left", "no palpable nodes", "no treatment yet"),
    (50, 5, "left", "palpable left axillary node", "completed NAC"),
    (66, 1.9, "right", "no palpable nodes", "no treatment yet"),
    (48, 2.2, "left", "palpable left axillary node", "no treatment yet"),
    (55, 3.5, "right", "no palpable nodes", "s/p lumpectomy"),
    (80, 1.1, "left", "palpable left axillary node", "no treatment yet"),
])

# Messages that must never be answered with a recommendation.
NONSENSE: Dict[str, str] = {
    "control characters": "\x00\x01\x02\x07\x08\x1b[31m\x1b[2J\x7f\u200b\ufeff",
    "emoji": "🙂🩺🎉 👩‍⚕️👍🏽 🏳️‍🌈",
    "right-to-left": "مرحبا، ما هو التصوير المناسب؟ שלום, מה שלומך?",
    "html and script": "<script>alert(1)</script><img src=x onerror=alert(1)><b>bold</b>",
    "sql injection": "'; DROP TABLE events; -- 1' OR '1'='1\" OR 1=1; SELECT * FROM events",
    "template injection": "{{7*7}} ${7*7} {slot} %s %(x)s {0} <%= 7*7 %> #{7*7} {{config.items()}}",
    "size 1e309 cm": case_with("1e309 cm"),
    "size -3 cm": case_with("-3 cm"),
    "size 0 mm": case_with("0 mm"),
    "size 99 cm": case_with("99 cm"),
    "ten cases in one message": TEN_CASES,
    "contradictory sizes": "58F, new IDC left breast measuring 1.2 cm, the mass is 4 cm, no palpable nodes, "
                           "no treatment yet",
    "contradictory nodes": "58F, new 3 cm IDC left breast, no palpable axillary nodes, palpable left axillary node, "
                           "no treatment yet",
    "contradictory sex": "58 year old man, 58F, new 3 cm IDC left breast, no palpable nodes, no treatment yet",
    "contradictory treatment": "58F, new 3 cm IDC left breast, no palpable nodes, no treatment yet, "
                               "completed neoadjuvant chemotherapy",
}

# Assistant bugs found by these tests, reported to the lead (strict: the test fails once the bug is fixed).


def cases(table: Dict[str, Any]) -> List[Any]:
    """pytest params named by their key."""
    return [pytest.param(value, id=key) for key, value in table.items()]


# Requests the channel must refuse with a 4xx (JSON with wrong types or missing fields, bodies that are not JSON).
REFUSED: Dict[str, Dict[str, Any]] = {
    "message is a number": {"json": {"message": 5}},
    "message is a list": {"json": {"message": ["58F", "3 cm"]}},
    "message is null": {"json": {"message": None}},
    "message missing": {"json": {}},
    "sender is a number": {"json": {"sender": 12, "message": "hello"}},
    "sender missing": {"json": {"sender": None, "message": "hello"}},
    "sender too long": {"json": {"sender": "x" * 1000, "message": "hello"}},
    "metadata is a string": {"json": {"message": "hello", "metadata": "oops"}},
    "body is a list": {"raw": b'["hello"]'},
    "body is a string": {"raw": b'"hello"'},
    "body is empty": {"raw": b""},
    "body is not JSON": {"raw": b"sender=x&message=hello"},
    "body is truncated JSON": {"raw": b'{"sender": "x", "message": "hel'},
    "invalid UTF-8 in the body": {"raw": b'{"sender": "x", "message": "58F \xff\xfe\xc3\x28 3 cm"}'},
}


def request_body(spec: Dict[str, Any], conversation: str) -> Dict[str, Any]:
    """The spec's JSON with the conversation's sender unless the spec sets its own."""
    return {"sender": conversation, **spec["json"]}


def assert_clear_answer(status: int, answer: Any, recommendation_allowed: bool = False) -> Optional[str]:
    """A 4xx, or a 200 with text and exactly one custom payload; the payload's type."""
    assert status < 500, (status, answer)
    if status >= 400:
        return None
    assert status == 200 and isinstance(answer, list) and answer, answer
    assert all(m.get("text", "").strip() for m in answer if "custom" not in m), answer
    [payload] = customs(answer)
    assert payload.get("type") != "unavailable", f"the turn failed inside the assistant: {answer}"
    if not recommendation_allowed:
        assert payload.get("type") != "recommendation", answer
    return payload["type"]


def assert_goes_on(url: str, conversation: str) -> None:
    """The valid case, in the same conversation, gets its recommendation."""
    status, answer = post(url, {"sender": conversation, "message": VALID_CASE})
    assert status == 200, answer
    [payload] = customs(answer)
    assert payload["type"] == "recommendation", answer
    assert payload["variant"]["id"] == VALID_VARIANT and payload["facts"]["tumor_size_cm"] == 3.0, payload


@pytest.mark.parametrize("text", cases(NONSENSE))
def test_nonsense_gets_a_clear_answer_never_a_recommendation(rasa_url: str, text: str) -> None:
    conversation = sender()
    status, answer = post(rasa_url, {"sender": conversation, "message": text})
    assert_clear_answer(status, answer)
    if status == 200:
        texts = " ".join(m.get("text", "") for m in answer)
        assert "<script" not in texts and "49" not in texts, f"input echoed or evaluated: {texts}"
    assert_goes_on(rasa_url, conversation)


# Messages answered in the conversation without reaching Rasa (custom type "refused"): nothing read, nothing lost.
UNREAD: Dict[str, str] = {
    "empty message": "",
    "whitespace message": " \t\n\r  ",
    "100 KB message": ("58F new 3 cm IDC left breast " * 4000)[:100_000],
}


@pytest.mark.parametrize("text", cases(UNREAD))
def test_an_empty_or_huge_message_is_answered_and_loses_nothing(rasa_url: str, text: str) -> None:
    conversation = sender()
    status, answer = post(rasa_url, {"sender": conversation, "message": text})
    assert assert_clear_answer(status, answer) == "refused"
    assert_goes_on(rasa_url, conversation)


@pytest.mark.parametrize("spec", cases(REFUSED))
def test_malformed_requests_are_refused_with_a_4xx(rasa_url: str, spec: Dict[str, Any]) -> None:
    conversation = sender()
    if "raw" in spec:
        status, answer = post(rasa_url, raw=spec["raw"])
    else:
        status, answer = post(rasa_url, request_body(spec, conversation))
    assert 400 <= status < 500, (status, answer)
    assert_goes_on(rasa_url, conversation)


def test_sql_in_the_sender_id_is_just_a_name(rasa_url: str) -> None:
    conversation = "x'); DROP TABLE events; --"
    assert_goes_on(rasa_url, conversation)
    status, answer = post(rasa_url, {"sender": conversation, "message": "why not MRI?"})
    assert assert_clear_answer(status, answer) == "faq"


# A short, derandomized fuzz over the channel (the core's own long fuzz is in tests/core and `make bench`).
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=200))
def test_random_text_never_breaks_the_channel(rasa_url: str, text: str) -> None:
    status, answer = post(rasa_url, {"sender": sender(), "message": text})
    assert_clear_answer(status, answer)
