"""Answers to the assistant's question that the classifier heard as follow-up questions (session 29), through the
actions with real trackers, in words written for these tests."""
import pytest
from action_harness import answered, customs, form_turn, make_tracker, only_custom, run, run_followed

from actions.followup import ActionAnswerFaq, ActionFallback


@pytest.mark.parametrize("reply", ["yeah I can feel one in the L axilla", "yes, can palpate one in her left armpit"])
def test_a_yes_felt_in_the_case_s_axilla_answers_the_node_question_whatever_the_intent(domain, reply):
    slots, messages = form_turn(domain, {}, "66F, new L IDC 2.8 cm, not treated yet", "describe_case")
    assert only_custom(messages)["slot"] == "clinical_nodes"
    events, sent = run(ActionAnswerFaq(), make_tracker(reply, "faq_us_negative", slots, "clinical_nodes", turn=2),
                       domain)
    assert (events, sent) == ([{"event": "followup", "name": "case_form", "timestamp": None}], [])
    _, messages = form_turn(domain, slots, reply, "faq_us_negative", requested="clinical_nodes", turn=2,
                            after="action_answer_faq")
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-6")


def test_a_lump_of_the_other_side_added_that_the_classifier_did_not_understand_updates_the_case(domain):
    slots = answered(domain, "36F, never had breast cancer, new lump in the R axilla, not imaged", "axilla-1")
    _, messages = run_followed(ActionFallback(), "ah, and another one on the left as well", "nlu_fallback", domain,
                               slots, confidence=0.3)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-2")


def test_no_and_a_number_after_the_answer_corrects_the_size(domain):
    slots = answered(domain, "66F, new R IDC 2.7 cm, no palpable R axillary nodes, untreated", "axilla-5")
    _, messages = form_turn(domain, slots, "nope, 17 mm", "inform", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"], answer["facts"]["tumor_size_cm"]) == \
        ("recommendation", "axilla-3", 1.7)


def test_a_finding_with_a_question_of_no_topic_of_its_own_gets_the_message_s_follow_up(domain):
    slots = answered(domain, "57F, new L IDC 2.9 cm, firm L axillary node on exam, untreated", "axilla-6")
    text = "The node core came back benign, yet on ultrasound it looks really bad. Can I believe that result?"
    _, messages = form_turn(domain, slots, text, "faq_biopsy_negative", turn=2)
    assert "biopsy_negative" in [c.get("topic") for c in customs(messages)]
