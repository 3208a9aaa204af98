"""Follow-ups a black-box tester found mishandled (qa30), through the actions with real trackers, in words written
for these tests: a size put right with "make that", a number the core cannot read after an answer, a doubt about the
node and its answer, an update with its question, and a first pasted report that ends in a question."""
import pytest
from action_harness import answered, customs, form_turn, only_custom, run_followed, slot_values

from actions.followup import ActionFallback, ActionOutOfScope

FIRST = "61F, new L breast IDC 1.4 cm, palpable L axillary node, no treatment"


def case_4(domain):
    return answered(domain, FIRST, "axilla-4")


@pytest.mark.parametrize("text", ["make that 2.6", "change it to 26 mm", "make it 2.6 cm please"])
def test_a_size_put_right_with_make_that_changes_the_answer(domain, text):
    slots = case_4(domain)
    _, messages = form_turn(domain, slots, text, "inform", turn=2)
    answer = only_custom(messages)
    assert (answer["variant"]["id"], answer["facts"]["tumor_size_cm"]) == ("axilla-6", 2.6)


def test_a_number_that_changes_nothing_is_never_answered_with_the_old_recommendation(domain):
    slots = case_4(domain)
    _, messages = form_turn(domain, slots, "ok so 26 then", "inform", turn=2)
    assert not any(c.get("type") == "recommendation" for c in customs(messages))


@pytest.mark.parametrize("action, intent, doubt", [
    (ActionFallback, "nlu_fallback", "on second feel I'm not certain there is a node at all"),
    (ActionOutOfScope, "out_of_scope", "re-examined: not sure there's a node, could just be breast tissue")])
def test_a_doubt_about_the_node_is_asked_and_its_answer_is_taken(domain, action, intent, doubt):
    slots = case_4(domain)
    events, messages = run_followed(action(), doubt, intent, domain, slots, confidence=0.4)
    slots = {**slots, **slot_values(events)}
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "clinical_nodes")
    _, messages = form_turn(domain, slots, "no, nothing palpable after all", "inform", turn=3)
    answer = only_custom(messages)
    assert (answer["variant"]["id"], answer["facts"]["clinical_nodes"]) == ("axilla-3", "negative")


def test_a_digit_said_to_be_misread_after_the_answer_asks_the_size_again(domain):
    slots = answered(domain, "44F, new R IDC 2.8 cm, palpable R axillary node, untreated", "axilla-6")
    _, messages = form_turn(domain, slots, "hang on, I misread the 2", "correct", turn=2)
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "tumor_size_cm")
