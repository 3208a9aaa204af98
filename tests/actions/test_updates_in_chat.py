"""Replies and updates after the first message (session 27, breaker qa33), through the actions with real trackers,
in words written for these tests: short replies to the questions asked, a lump added on the other side, an update of
the patient's treatment, a new patient introduced by a heading, a supposed case."""
import pytest
from action_harness import answered, customs, form_turn, only_custom, run_followed

from actions.followup import ActionAnswerFaq


def test_a_decimal_comma_alone_answers_the_size_question(domain):
    slots, messages = form_turn(domain, {}, "new R breast IDC, hard R axillary node on exam, 49F, untreated",
                                "describe_case")
    assert only_custom(messages)["slot"] == "tumor_size_cm"
    _, messages = form_turn(domain, slots, "3,4", "inform", requested="tumor_size_cm", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-6")


@pytest.mark.parametrize("reply", ["yes, there is a node", "there's one lump"])
def test_a_node_said_to_be_there_answers_the_node_question(domain, reply):
    slots, messages = form_turn(domain, {}, "new L breast IDC 2.6 cm, 63F, no treatment yet", "describe_case")
    assert only_custom(messages)["slot"] == "clinical_nodes"
    _, messages = form_turn(domain, slots, reply, "inform", requested="clinical_nodes", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-6")


def test_a_lump_on_the_other_side_too_makes_the_lumps_bilateral(domain):
    slots = answered(domain, "39F, no breast history, new lump in the right armpit, no imaging yet", "axilla-1")
    _, messages = form_turn(domain, slots, "oh, she has a lump on the left too", "inform", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-2")


def test_an_update_of_the_patient_s_treatment_is_the_case_s(domain):
    slots = answered(domain, "cT2N0 R IDC 3.8 cm, 44F, untreated", "axilla-5")
    _, messages = form_turn(domain, slots, "she's on weekly paclitaxel now, cycle 4, op after; new R axillary lump",
                            "inform", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-7")


def test_a_new_patient_heading_keeps_the_description_s_facts(domain):
    slots = answered(domain, "58F, new L IDC 1.4 cm, cN0, untreated", "axilla-3")
    text = "Another patient: 66F new R IDC, axilla clinically normal"
    slots, messages = form_turn(domain, slots, text, "new_patient", turn=2)
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "tumor_size_cm")
    assert question["facts"]["age"] == 66 and question["facts"]["clinical_nodes"] == "negative"


def test_a_biopsy_of_the_case_s_lump_showing_a_recurrence_is_row_10(domain):
    slots = answered(domain, "57F, R breast cancer 2014, lumpectomy and RT, all done. New R axillary lump, no imaging",
                     "axilla-1")
    _, messages = form_turn(domain, slots, "core of the lump came back: recurrent breast cancer", "inform", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-10")


def test_a_node_taken_back_as_another_patient_s_keeps_the_case(domain):
    slots = answered(domain, "47F, new L IDC 3.1 cm, palpable L axillary node, untreated", "axilla-6")
    _, messages = form_turn(domain, slots, "sorry, node not palpable, I was looking at a different pt", "correct",
                            turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-5")


def test_a_larger_focus_found_later_asks_the_size_again(domain):
    slots = answered(domain, "newly diagnosed R IDC 1.6 cm, axilla clinically normal, 61F", "axilla-3")
    _, messages = form_turn(domain, slots, "MRI found an additional focus, 2.7 cm, also IDC", "inform", turn=2)
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "tumor_size_cm")


def test_a_positive_result_heard_as_the_negative_topic_gets_the_positive_answer(domain):
    """The classifier may hear "was positive" as the negative-biopsy question; the result its words give wins."""
    slots = answered(domain, "58F new L IDC 2.6 cm, cN0, untreated", "axilla-5")
    _, messages = run_followed(ActionAnswerFaq(), "the result of the US-guided core of the axilla was positive, what "
                               "happens now?", "faq_biopsy_negative", domain, slots)
    answer = only_custom(messages)
    assert (answer["type"], answer["topic"]) == ("faq", "biopsy_positive")


def test_the_same_case_sent_again_is_answered_again(domain):
    text = "61F new L IDC 2.3 cm, cN0, no treatment yet"
    slots = answered(domain, text, "axilla-5")
    _, messages = form_turn(domain, slots, text, "describe_case", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-5")


def test_a_timeline_told_on_in_later_messages_updates_the_case(domain):
    slots = answered(domain, "new R IDC 3.2 cm, axilla clinically clear, 57F, untreated", "axilla-5")
    text = "months later: she's now on cycle 4 of EC, with a new palpable R axillary lump"
    slots, messages = form_turn(domain, slots, text, "inform", turn=2)
    assert only_custom(messages)["variant"]["id"] == "axilla-7"
    _, messages = form_turn(domain, slots, "okay, she has completed the chemo now and the lump has gone", "inform",
                            turn=3)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-8")


def test_chemotherapy_said_to_be_over_without_its_name_completes_the_case_s_course(domain):
    slots, messages = form_turn(domain, {}, "47F, L IDC 3.8 cm, palpable L axillary node at diagnosis, currently on "
                                "neoadjuvant EC-T", "describe_case")
    assert only_custom(messages)["type"] == "out_of_scope"
    _, messages = form_turn(domain, slots, "she's now done with all of it, op in 10 days", "inform", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-9")


def test_an_operation_booked_is_no_untreated_patient_in_a_case_on_chemotherapy(domain):
    slots, messages = form_turn(domain, {}, "52F, R IDC 2.9 cm, axilla clinically negative at diagnosis, midway "
                                "through neoadjuvant TC, new firm R axillary lump", "describe_case")
    assert only_custom(messages)["variant"]["id"] == "axilla-7"
    _, messages = form_turn(domain, slots, "op in 2 weeks", "inform", turn=2)
    assert all(c.get("variant", {}).get("id") != "axilla-6" for c in customs(messages))
