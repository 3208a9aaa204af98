"""Answers to the assistant's question that the classifier heard as follow-up questions (session 29), through the
actions with real trackers, in words written for these tests."""
import pytest
from action_harness import form_turn, make_tracker, only_custom, run

from actions.followup import ActionAnswerFaq


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
