"""The treatment question asked because a message named some treatment the core could not place, answered with
"not known" (qa37): asked again, never answered as if nothing had started; a real answer is taken. Through the
actions with real trackers, in words written for these tests."""
import pytest
from action_harness import customs, form_turn

FIRSTS = ["47F, R breast IDC 3.3 cm, clinically N0, preoperative systemic therapy completed",
          "47F, R breast IDC 3.3 cm, clinically N0, last infusion was a fortnight ago"]


def asked(domain, first):
    slots, messages = form_turn(domain, {}, first, "describe_case")
    assert [(c["type"], c.get("slot")) for c in customs(messages)] == [("question", "treatment")]
    return slots


@pytest.mark.parametrize("first", FIRSTS)
@pytest.mark.parametrize("reply", ["unsure tbh", "I'd need to look that up", "no clue, sorry"])
def test_a_doubted_treatment_answered_not_known_is_asked_again(domain, first, reply):
    slots = asked(domain, first)
    _, messages = form_turn(domain, slots, reply, "inform", requested="treatment", turn=2)
    found = customs(messages)
    assert not any(c["type"] == "recommendation" for c in found)
    assert ("question", "treatment") in [(c["type"], c.get("slot")) for c in found]


def test_a_doubted_treatment_answered_is_taken(domain):
    slots = asked(domain, FIRSTS[1])
    _, messages = form_turn(domain, slots, "no, nothing given yet - that infusion was iron, not chemo",
                            "inform", requested="treatment", turn=2)
    answer = customs(messages)[-1]
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-5")


def test_a_contradicted_treatment_answered_not_known_is_asked_again(domain):
    slots = asked(domain, "51F, R IDC 2.9 cm, cN0, untreated. Chemotherapy: done.")
    _, messages = form_turn(domain, slots, "can't say for sure", "inform", requested="treatment", turn=2)
    found = customs(messages)
    assert not any(c["type"] == "recommendation" for c in found)
