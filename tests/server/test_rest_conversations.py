"""The running assistant over the REST channel: the dev evaluation and conversations of our own."""
import re
import subprocess
import sys
import uuid
from typing import Any, Dict, List

from server_harness import ROOT, say

SHARED = ROOT.parent / "shared"


def customs(messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]


def test_the_dev_evaluation_passes(rasa_url: str) -> None:
    proc = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "chat", str(SHARED / "eval" / "dev"), "--url", rasa_url],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )
    last = proc.stdout.strip().splitlines()[-1]
    found = re.search(r"faq \d+/\d+ \(([\d.]+)\) turns \d+/\d+ \(([\d.]+)\)", last)
    assert found, proc.stdout + proc.stderr
    faq, turns = map(float, found.groups())
    assert faq >= 0.95 and turns >= 0.95, proc.stdout


def test_intake_follow_ups_correction_and_reset(rasa_url: str) -> None:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    messages = say(rasa_url, sender,
                   "L breast IDC diagnosed this week in a 52 yo, firm L axillary node felt, nothing started")
    assert customs(messages) == [{"type": "question", "slot": "tumor_size_cm",
                                  "facts": customs(messages)[0]["facts"], "missing": ["tumor_size_cm"],
                                  "evidence": customs(messages)[0]["evidence"]}]
    assert any(m.get("buttons") for m in messages)

    [answer] = customs(say(rasa_url, sender, "it's 2.7 cm"))
    assert (answer["type"], answer["variant"]["id"], answer["status"]) == ("recommendation", "axilla-6", "matched")
    assert answer["recommendations"][0]["category"] == "Usually Appropriate"

    assert customs(say(rasa_url, sender, "why not an MRI?")) == [
        {"type": "faq", "topic": "why_not_mri", "variant": "axilla-6"}]

    [corrected] = customs(say(rasa_url, sender, "sorry, the tumour is actually 1.5 cm"))
    assert corrected["variant"]["id"] == "axilla-4"

    assert customs(say(rasa_url, sender, "start over")) == [{"type": "smalltalk", "intent": "new_patient"}]
    assert customs(say(rasa_url, sender, "what if the biopsy is positive?")) == [
        {"type": "faq", "topic": "biopsy_positive", "variant": None}]


def test_another_patient_is_asked_about_and_small_talk_answered(rasa_url: str) -> None:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    assert customs(say(rasa_url, sender, "hello")) == [{"type": "smalltalk", "intent": "greet"}]
    [first] = customs(say(rasa_url, sender, "61F, new 3.4 cm R breast IDC, no palpable nodes, untreated"))
    assert first["variant"]["id"] == "axilla-5"

    # Another age, but not a whole description: another patient or a correction? (asked, with both readings)
    [question] = customs(say(rasa_url, sender, "39F, 1.2 cm tumour, palpable L axillary node"))
    assert (question["type"], question["slot"]) == ("question", "new_patient")
    assert set(question["readings"]) == {"new", "correction"}
    [second] = customs(say(rasa_url, sender, "/new_patient"))
    assert second["facts"]["age"] == 39 and second["facts"]["treatment"] is None

    assert customs(say(rasa_url, sender, "xqzv blorptang")) == [{"type": "fallback"}]
    assert customs(say(rasa_url, sender, "what's the weather like?"))[0]["type"] == "out_of_scope"
