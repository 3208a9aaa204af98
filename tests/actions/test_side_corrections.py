"""Corrections and answers after the first message (session 26), through the actions with real trackers, in words
written for these tests: a side put right gives the answer again for the other breast, and a node told with the old
side is asked about again (it is now the other axilla's); a report line answering the size question is the size."""
from action_harness import answered, customs, form_turn, only_custom, run_followed

from actions.followup import ActionAnswerFaq


def test_a_side_put_right_gives_the_answer_again_when_the_node_named_no_side(domain):
    slots = answered(domain, "58F, new right IDC 2.7 cm, untreated, axilla clinically negative", "axilla-5")
    _, messages = form_turn(domain, slots, "oops, it's actually the left breast", "correct", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-5")


def test_a_side_put_right_asks_again_about_a_node_told_with_the_old_side(domain):
    slots = answered(domain, "58F, new right IDC 2.7 cm, untreated, hard right axillary node on exam", "axilla-6")
    _, messages = form_turn(domain, slots, "correction: the cancer is in the left breast", "correct", turn=2)
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "clinical_nodes")
    assert "opposite axilla" in messages[0]["text"]  # the question says why the node is asked again


def test_the_same_side_said_again_is_no_new_answer(domain):
    slots = answered(domain, "58F, new right IDC 2.7 cm, untreated, axilla clinically negative", "axilla-5")
    _, messages = form_turn(domain, slots, "sorry, to be clear it is the right breast", "correct", turn=2)
    assert not any(c.get("type") == "recommendation" for c in customs(messages))


def test_a_report_line_answering_the_size_question_is_the_case_s_tumour(domain):
    """The case's cancer is known; "US: R breast mass 2.5 cm" gives its size, not a mass still to be biopsied."""
    slots, messages = form_turn(domain, {}, "new right IDC, 47F, hard R axillary node on exam, untreated",
                                "describe_case")
    assert only_custom(messages)["slot"] == "tumor_size_cm"
    _, messages = form_turn(domain, slots, "US: R breast mass 2.5 cm", "inform", requested="tumor_size_cm", turn=2)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-6")


def test_a_value_said_right_after_all_is_the_size_and_moves_no_side(domain):
    """"right" as correct (session 27): the earlier size stands again, on the same breast, the node kept."""
    slots = answered(domain, "61F, new left IDC 3.3 cm, hard left axillary node, untreated", "axilla-6")
    slots, messages = form_turn(domain, slots, "sorry, 1.3 cm", "correct", turn=2)
    assert only_custom(messages)["variant"]["id"] == "axilla-4"
    _, messages = form_turn(domain, slots, "no hang on, 3.3 was right", "correct", turn=3)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-6")
    assert answer["facts"]["clinical_nodes"] == "positive"


def test_a_question_that_names_a_study_is_answered_not_read_as_the_node_s_study(domain):
    """"the surgeon prefers a breast MRI" asks why not MRI; it does not say the case's node was found on MRI."""
    slots = answered(domain, "52F, new right IDC 2.9 cm, firm right axillary node on exam, untreated", "axilla-6")
    _, messages = run_followed(ActionAnswerFaq(), "radiology suggested breast MRI for the nodes; why isn't MRI first?",
                               "faq_why_not_mri", domain, slots)
    answer = only_custom(messages)
    assert (answer["type"], answer["topic"]) == ("faq", "why_not_mri")
