"""One patient per case (issue 10), over the REST channel against the running servers: the five faults."""
import uuid
from typing import Any, Dict, List

from server_harness import say

FIRST = "61 yo woman, new 3.2 cm IDC of the L breast, hard L axillary node on exam, untreated"


def customs(messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]


def one(messages: List[Dict[str, Any]]) -> Dict[str, Any]:
    found = customs(messages)
    assert len(found) == 1, messages
    return found[0]


def conversation(url: str) -> str:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    first = one(say(url, sender, FIRST))
    assert (first["type"], first["variant"]["id"]) == ("recommendation", "axilla-6")
    return sender


def test_fault_1_another_side_and_description_is_a_new_case_that_asks_for_the_size(rasa_url: str) -> None:
    sender = conversation(rasa_url)
    reply = one(say(rasa_url, sender, "newly diagnosed R breast ILC, axilla negative on exam, no therapy yet"))
    # Not variant 5 with the first patient's 3.2 cm.
    assert (reply["type"], reply["slot"]) == ("question", "tumor_size_cm")
    assert reply["facts"]["tumor_size_cm"] is None and reply["facts"]["age"] is None


def test_fault_2_the_latest_pending_description_wins(rasa_url: str) -> None:
    sender = conversation(rasa_url)
    assert one(say(rasa_url, sender, "64F, 1.7 cm tumour, palpable L axillary node"))["slot"] == "new_patient"
    question = one(say(rasa_url, sender, "46F, 2.8 cm tumour, no palpable nodes"))
    assert question["slot"] == "new_patient" and question["readings"]["new"]["facts"]["age"] == 46
    messages = say(rasa_url, sender, "new patient")
    answer = one(messages)
    assert answer["facts"]["age"] == 46 and answer["facts"]["tumor_size_cm"] == 2.8
    assert "New patient" in messages[0]["text"]


def test_fault_3_different_pt_starts_a_new_case_at_once(rasa_url: str) -> None:
    sender = conversation(rasa_url)
    answer = one(say(rasa_url, sender, "ok, different pt: 71F, new 2.4 cm R breast IDC, firm R axillary node, "
                                       "nothing started"))
    assert (answer["type"], answer["variant"]["id"], answer["facts"]["age"]) == ("recommendation", "axilla-6", 71)


def test_fault_4_a_new_session_starts_without_the_case(rasa_url: str) -> None:
    sender = conversation(rasa_url)
    started = say(rasa_url, sender, "/session_start")
    assert one(started)["type"] == "smalltalk" and "unavailable" not in started[0]["text"]
    messages = say(rasa_url, sender, "same patient - she also has a palpable node in the L axilla")
    reply = one(messages)
    assert reply["facts"]["tumor_size_cm"] is None and reply["facts"]["age"] is None
    assert "no earlier case" in messages[0]["text"]


def test_fault_5_restart_says_the_case_was_cleared(rasa_url: str) -> None:
    sender = conversation(rasa_url)
    messages = say(rasa_url, sender, "/restart")
    assert one(messages) == {"type": "smalltalk", "intent": "restart"}
    assert "cleared" in messages[0]["text"] and "unavailable" not in messages[0]["text"]
    assert one(say(rasa_url, sender, "why not an MRI?"))["variant"] is None


def test_evidence_marks_the_facts_carried_from_earlier_messages(rasa_url: str) -> None:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    assert one(say(rasa_url, sender, "57 yo woman, L breast IDC just diagnosed, palpable L axillary node, "
                                     "untreated"))["slot"] == "tumor_size_cm"
    messages = say(rasa_url, sender, "2.9 cm")
    answer = one(messages)
    assert answer["variant"]["id"] == "axilla-6"
    age = answer["evidence"]["age"][0]
    assert (age["turn"], age["carried"]) == (1, True)
    assert answer["evidence"]["tumor_size_cm"][0]["carried"] is False
    assert "from your first message" in messages[0]["text"]


def test_order_check_and_scope_in_the_conversation(rasa_url: str) -> None:
    sender = f"test-{uuid.uuid4().hex[:8]}"
    check = one(say(rasa_url, sender, "I'm going to order a PET/CT"))
    assert (check["type"], check["variant"]) == ("order_check", None)
    conversation_sender = conversation(rasa_url)
    check = one(say(rasa_url, conversation_sender, "is a breast MRI OK for her?"))
    assert check["type"] == "order_check" and check["variant"] == "axilla-6"
    assert set(check) >= {"procedure", "category", "variant", "alternatives", "rrl", "source"}
    man = one(say(rasa_url, conversation_sender, "next: 59M with a palpable R axillary lump, no cancer history"))
    assert man["type"] == "out_of_scope" and man["refer_to"]
