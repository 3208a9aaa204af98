"""Follow-ups that speak of the case's patient (session 28, breaker qa35), through the actions with real trackers, in
words written for these tests: a finding told by pronoun, an update after a time, a past cancer of the other breast,
and the other axilla's negative exam given to the node question."""
from action_harness import form_turn, only_custom, reply_after


def test_a_finding_told_of_her_on_re_examination_updates_the_case(domain):
    answer = reply_after(domain, "63F, new R IDC 3.1 cm, axilla clinically negative, untreated", "axilla-5",
                         "on re-examination she has a firm R axillary node after all")
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-6")


def test_an_update_told_after_a_time_is_the_case_s(domain):
    text = "Update six weeks on: she is mid-way through neoadjuvant EC and has a new palpable R axillary lump"
    answer = reply_after(domain, "49F new R IDC 2.9 cm, cN0, no treatment", "axilla-5", text)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-7")


def test_her_past_cancer_of_the_other_breast_keeps_the_case(domain):
    answer = reply_after(domain, "61F new L IDC 1.2 cm, no palpable nodes, untreated", "axilla-3",
                         "she also had a R breast cancer in 2006, all treatment long finished")
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", "axilla-3")


def test_the_other_axilla_s_negative_exam_leaves_the_node_question(domain):
    slots, messages = form_turn(domain, {}, "58F, new R breast IDC 2.7 cm, untreated", "describe_case")
    assert only_custom(messages)["slot"] == "clinical_nodes"
    _, messages = form_turn(domain, slots, "nothing palpable in the left axilla", "inform", requested="clinical_nodes",
                            turn=2)
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "clinical_nodes")
