"""Case intake actions: recommendations, questions, corrections, new patients, conflicts."""
import pytest
from action_harness import customs, form_turn, make_tracker, only_custom, run, slot_values

from actions.case import ValidateCaseForm
from actions.followup import ActionAnswerFaq

# One description per variant, in words of our own (not the evaluation set's).
VARIANT_CASES = {
    1: "44F, new palpable R axillary lump, no history of breast cancer, nothing imaged yet",
    2: "51 yo woman with new lumps in both axillae, never had breast cancer, no imaging so far",
    3: "62 yo woman, new 1.4 cm IDC of the left breast, axilla clinically negative, untreated",
    4: "57F, new 1.8 cm R breast IDC, palpable R axillary node, untreated",
    5: "48F, newly diagnosed 3.2 cm L breast IDC, axilla clinically negative, pre-treatment",
    6: "58F, new 3 cm IDC left breast, palpable left axillary node, no treatment yet",
    7: "45F on cycle 3 of neoadjuvant chemo for a 3.5 cm R breast IDC, cN0 at diagnosis, "
       "now a new palpable R axillary lump",
    8: "60F completed neoadjuvant chemo for a 4 cm L breast IDC, clinically node negative at diagnosis, "
       "surgery next week",
    9: "53F finished neoadjuvant chemo for a 3.8 cm R breast IDC, node positive at diagnosis with a "
       "palpable node, surgery in 2 weeks",
    10: "69F, L breast conserving surgery in 2016, biopsy now confirms a recurrence in the same breast",
    11: "50F without any breast cancer history, abnormal L axillary node seen on her mammogram",
    12: "66F, no history of breast cancer, chest CT shows a suspicious R axillary lymph node",
}
CASE_6 = {"sex": "female", "age": 58, "diagnosis": "new_primary", "tumor_size_cm": 3.0,
          "clinical_nodes": "positive", "node_finding": "palpable", "axillary_lump": "unilateral",
          "treatment": "none", "variant": "axilla-6"}



@pytest.mark.parametrize("number", sorted(VARIANT_CASES))
def test_a_complete_case_is_answered_with_its_recommendation(domain, number):
    slots, messages = form_turn(domain, {}, VARIANT_CASES[number], "describe_case")
    custom = only_custom(messages)
    assert custom["type"] == "recommendation"
    assert custom["status"] == "matched"
    assert custom["variant"]["id"] == f"axilla-{number}"
    assert custom["recommendations"] and all(r["source"] for r in custom["recommendations"])
    assert slots["variant"] == f"axilla-{number}"
    assert slots["requested_slot"] is None
    assert messages[0]["text"]


@pytest.mark.parametrize("first, slot, answer, variant", [
    ("R breast IDC just diagnosed in a 54 yo woman, R axillary node felt on exam, nothing started", "tumor_size_cm",
     "3.5 cm", "axilla-6"),
    ("new dx L breast ILC, 61 yo woman, axilla clinically negative", "tumor_size_cm", "about 25mm",
     "axilla-5"),
    ("58F new R breast cancer, suspicious R axillary node on diagnostic mammo, pre-treatment", "tumor_size_cm",
     "T1", "axilla-4"),
    ("47F just diagnosed L breast IDC 2.6 cm, no tx yet", "clinical_nodes", "no nodes on exam", "axilla-5"),
    ("47F just diagnosed L breast IDC 1.6 cm, no tx yet", "clinical_nodes", "yes there's a palpable node",
     "axilla-4"),
    ("50F never had breast cancer, enlarged nodes felt in the armpit, laterality not recorded, not imaged",
     "axillary_lump", "both sides", "axilla-2"),
])
def test_a_missing_fact_is_asked_then_the_answer_completes_the_case(domain, first, slot, answer, variant):
    slots, messages = form_turn(domain, {}, first, "describe_case")
    question = only_custom(messages)
    assert question == {"type": "question", "slot": slot, "facts": question["facts"],
                        "missing": question["missing"], "evidence": question["evidence"]}
    assert question["facts"]["sex"] == "female"
    assert messages[0]["text"] and messages[0]["buttons"]
    assert slots["requested_slot"] == slot

    slots, messages = form_turn(domain, slots, answer, "inform", requested=slot)
    custom = only_custom(messages)
    assert (custom["type"], custom["variant"]["id"]) == ("recommendation", variant)


def test_back_in_the_form_after_a_follow_up_the_question_is_asked_again(domain):
    # Rasa calls the validation again when the form resumes, after the rule's action answered the message.
    slots = {"sex": "female", "diagnosis": "new_primary", "clinical_nodes": "positive", "treatment": "none"}
    tracker = make_tracker("would MRI not be the better test?", "faq_why_not_mri", slots, requested="tumor_size_cm",
                           after="action_answer_faq", validating=True)
    events, messages = run(ValidateCaseForm(), tracker, domain)
    assert slot_values(events) == {"requested_slot": "tumor_size_cm"}
    assert only_custom(messages)["slot"] == "tumor_size_cm"


def test_the_answer_sets_the_variant_and_clears_the_intake_note(domain):
    slots, messages = form_turn(domain, {}, VARIANT_CASES[6], "describe_case")
    assert (slots["variant"], slots["intake"], slots["requested_slot"]) == ("axilla-6", None, None)
    assert [only_custom(messages)["type"]] == ["recommendation"]


def test_a_short_answer_fills_every_fact_it_states_not_only_the_requested_one(domain):
    slots, _ = form_turn(domain, {}, "new L breast IDC, 55F, no treatment yet", "describe_case")
    assert slots["requested_slot"] == "tumor_size_cm"
    slots, messages = form_turn(domain, slots, "2.4 cm, and a hard palpable L axillary node", "inform",
                                requested="tumor_size_cm")
    assert (slots["tumor_size_cm"], slots["clinical_nodes"]) == (2.4, "positive")
    assert only_custom(messages)["variant"]["id"] == "axilla-6"


def test_an_answer_without_the_fact_asks_the_same_question_again(domain):
    slots = {"sex": "female", "age": 54, "diagnosis": "new_primary", "clinical_nodes": "positive",
             "treatment": "none"}
    slots, messages = form_turn(domain, slots, "not sure, let me check", "inform", requested="tumor_size_cm")
    assert slots["requested_slot"] == "tumor_size_cm"
    assert only_custom(messages)["slot"] == "tumor_size_cm"


def test_a_follow_up_question_during_intake_is_left_to_the_rules(domain):
    tracker = make_tracker("would MRI not be the better test?", "faq_why_not_mri", {"diagnosis": "new_primary"},
                           requested="tumor_size_cm")
    events, messages = run(ValidateCaseForm(), tracker, domain)
    # No slot is filled, so the Rasa server rejects the form and the FAQ rule answers.
    assert [e for e in events if e["name"] != "requested_slot"] == [] and messages == []


@pytest.mark.parametrize("confidence", [0.5, 0.95])
def test_a_statement_classified_as_a_follow_up_still_answers_the_question(domain, confidence):
    slots = {"sex": "female", "diagnosis": "new_primary", "treatment": "neoadjuvant_completed",
             "tumor_size_cm": 4.5}
    slots, messages = form_turn(domain, slots, "she was node positive at diagnosis, FNA positive",
                                "faq_biopsy_positive", requested="clinical_nodes", confidence=confidence)
    assert only_custom(messages)["variant"]["id"] == "axilla-9"


@pytest.mark.parametrize("reply, variant", [("the tumour is larger than 2 cm", "axilla-6"),
                                            ("the tumour is 2 cm or less", "axilla-4"), ("cT2", "axilla-6")])
def test_a_size_quick_reply_classified_as_a_follow_up_answers_the_size_question(domain, reply, variant):
    slots = {"sex": "female", "diagnosis": "new_primary", "treatment": "none", "clinical_nodes": "positive"}
    slots, messages = form_turn(domain, slots, reply, "faq_small_tumor", requested="tumor_size_cm", confidence=0.9)
    assert only_custom(messages)["variant"]["id"] == variant


def test_a_confident_follow_up_question_is_not_taken_for_an_answer(domain):
    tracker = make_tracker("what if the node biopsy is positive?", "faq_biopsy_positive",
                           {"diagnosis": "new_primary", "tumor_size_cm": 3.0}, requested="clinical_nodes")
    events, _ = run(ValidateCaseForm(), tracker, domain)
    assert slot_values(events).get("clinical_nodes") is None


@pytest.mark.parametrize("text, variant", [
    ("actually the mass is 1.8 cm", "axilla-4"),
    ("sorry, nodes are negative", "axilla-5"),
])
def test_a_correction_updates_the_case_and_answers_again(domain, text, variant):
    slots, messages = form_turn(domain, CASE_6, text, "correct")
    custom = only_custom(messages)
    assert (custom["type"], custom["variant"]["id"]) == ("recommendation", variant)
    assert slots["variant"] == variant


def test_new_patient_clears_the_case(domain):
    slots, messages = form_turn(domain, CASE_6, "start over", "new_patient")
    assert all(slots[key] is None for key in ("sex", "age", "tumor_size_cm", "clinical_nodes", "variant"))
    assert only_custom(messages) == {"type": "smalltalk", "intent": "new_patient"}


def test_new_patient_with_a_case_analyses_the_new_case_alone(domain):
    slots, messages = form_turn(domain, CASE_6, "new patient: 81M, core-proven 1.6 cm R breast IDC, axilla negative",
                                "new_patient")
    custom = only_custom(messages)
    assert custom["type"] == "out_of_scope" and custom["reasons"]
    assert (slots["sex"], slots["age"], slots["clinical_nodes"]) == ("male", 81, "negative")


def conflicting_case(domain):
    """CASE_6, then a message about a different patient without a correction word."""
    text = "41F, 1.2 cm tumour, no palpable nodes"
    slots, messages = form_turn(domain, CASE_6, text, "describe_case")
    return slots, messages


def test_a_different_patient_is_not_merged_silently(domain):
    slots, messages = conflicting_case(domain)
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "new_patient")
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/new_patient", "/correct"]
    assert slots["age"] == 58 and slots["pending_case"]


def test_answering_new_patient_analyses_the_waiting_message_alone(domain):
    slots, _ = conflicting_case(domain)
    slots, messages = form_turn(domain, slots, "/new_patient", "new_patient", requested="new_patient")
    assert only_custom(messages)["variant"]["id"] == "axilla-3"
    assert (slots["age"], slots["pending_case"]) == (41, None)


def test_answering_correction_merges_the_waiting_message(domain):
    slots, _ = conflicting_case(domain)
    slots, messages = form_turn(domain, slots, "/correct", "correct", requested="new_patient")
    assert only_custom(messages)["variant"]["id"] == "axilla-3"
    assert (slots["age"], slots["tumor_size_cm"], slots["clinical_nodes"]) == (41, 1.2, "negative")
    assert slots["pending_case"] is None


def test_an_unclear_answer_to_the_new_patient_question_asks_again(domain):
    slots, _ = conflicting_case(domain)
    slots, messages = form_turn(domain, slots, "hmm", "inform", requested="new_patient")
    assert only_custom(messages)["slot"] == "new_patient"


def test_a_message_without_any_case_is_not_understood(domain):
    slots, messages = form_turn(domain, {}, "hmm ok", "describe_case")
    assert only_custom(messages)["type"] in {"fallback", "out_of_scope"}


# --- follow-ups read against the case (session 10: a new user's conversations) ----------------------------

def turns(domain, *messages):
    """The conversation's turns through the form; the custom payloads of the last one."""
    return turns_from(domain, {}, *messages)


def turns_from(domain, slots, *messages):
    """Further turns of a conversation whose slots (with `requested_slot`) are `slots`."""
    requested, messages_sent = slots.get("requested_slot"), []
    for text, intent in messages:
        slots, messages_sent = form_turn(domain, slots, text, intent, requested=requested)
        requested = slots.get("requested_slot")
    return slots, customs(messages_sent)


def test_a_second_size_on_the_other_side_of_2_cm_without_a_correction_word_is_asked(domain):
    slots, [answer] = turns(domain, ("61F new L IDC, 1.7 cm on US, cN0, untreated", "describe_case"),
                            ("on the MRI it is 2.6 cm", "inform"))
    assert (answer["type"], answer["slot"], slots["tumor_size_cm"]) == ("question", "tumor_size_cm", None)


def test_a_second_examiner_who_feels_nothing_is_asked_about(domain):
    _, [answer] = turns(domain, ("61F new 2.8 cm R IDC, untreated, I can feel a R axillary node", "describe_case"),
                        ("the consultant examined her and found no palpable R axillary node", "inform"))
    assert (answer["type"], answer["slot"]) == ("question", "clinical_nodes")


def test_a_negative_exam_later_does_not_cancel_a_node_suspicious_on_imaging(domain):
    _, [answer] = turns(domain, ("61F new 2.8 cm R IDC, untreated, US: suspicious R axillary node", "describe_case"),
                        ("nothing palpable in the R axilla on exam", "inform"))
    assert answer["variant"]["id"] == "axilla-6"


def test_an_explicit_correction_still_replaces_the_size(domain):
    _, [answer] = turns(domain, ("61F new L IDC, 1.7 cm, cN0, untreated", "describe_case"),
                        ("sorry, typo, it is 2.6 cm", "correct"))
    assert answer["variant"]["id"] == "axilla-5"


@pytest.mark.parametrize("text, intent, key, value", [
    ("she has since finished her neoadjuvant chemotherapy", "faq_neoadjuvant", "treatment", "neoadjuvant_completed"),
    ("oh and the staging CT shows bone metastases", "out_of_scope", "distant_metastases", True),
])
def test_a_statement_of_the_case_s_facts_during_intake_is_read_whatever_the_intent(domain, text, intent, key, value):
    slots, _ = turns(domain, ("L breast IDC, 57F, palpable L axillary node at diagnosis", "describe_case"),
                     (text, intent))
    assert slots[key] == value


def test_an_imaging_only_answer_to_the_node_question_asks_again(domain):
    slots, [answer] = turns(domain, ("57F new 2.2 cm L IDC, untreated", "describe_case"),
                            ("axillary ultrasound showed no enlarged nodes", "inform"))
    assert (answer["slot"], slots["clinical_nodes"]) == ("clinical_nodes", None)


@pytest.mark.parametrize("reply", ["same patient", "correction"])
def test_a_negative_exam_of_the_other_axilla_says_nothing_about_the_case_s_axilla(domain, reply):
    slots, _ = turns(domain, ("53F new 2.4 cm L breast IDC, untreated", "describe_case"),
                     ("no palpable R axillary nodes", "inform"))
    _, messages = form_turn(domain, slots, reply, "correct", requested=slots.get("requested_slot"))
    [answer] = customs(messages)
    assert (answer["type"], answer.get("slot"), answer["facts"]["clinical_nodes"]) == (
        "question", "clinical_nodes", None)


def test_a_proven_node_in_the_other_axilla_later_is_distant_disease(domain):
    slots, _ = turns(domain, ("53F new 2.4 cm L breast IDC, untreated", "describe_case"),
                     ("core biopsy of a right axillary node: metastatic breast carcinoma", "inform"))
    if slots.get("requested_slot") == "new_patient":
        slots, messages = form_turn(domain, slots, "same patient", "correct", requested="new_patient")
    else:
        messages = []
    answer = customs(messages)[-1] if messages else None
    assert answer is not None and answer["type"] == "out_of_scope", answer


def test_an_answer_with_a_follow_up_question_in_one_message_keeps_the_answer(domain):
    slots, _ = turns(domain, ("new IDC left breast, palpable left axillary node, no treatment yet", "describe_case"))
    assert slots["requested_slot"] == "tumor_size_cm"
    text = "1.5 cm - and why not MRI?"
    # First the form leaves the question to the rules (the follow-up is answered) ...
    first, messages = form_turn(domain, slots, text, "faq_why_not_mri", requested="tumor_size_cm")
    assert first["tumor_size_cm"] is None and not customs(messages)
    # (the rules run it after the rejected form: its tracker's latest action is the form)
    _, sent = run(ActionAnswerFaq(), make_tracker(text, "faq_why_not_mri", slots, "tumor_size_cm", after="case_form"),
                  domain)
    assert [c["topic"] for c in customs(sent)] == ["why_not_mri"]
    # ... then the form resumes and reads the answer from the statement beside the question.
    after, messages = form_turn(domain, slots, text, "faq_why_not_mri", requested="tumor_size_cm",
                                after="action_answer_faq")
    [answer] = customs(messages)
    assert (after["tumor_size_cm"], answer["type"], answer["variant"]["id"]) == (1.5, "recommendation", "axilla-4")
    assert answer["evidence"]["tumor_size_cm"][0]["text"] == "1.5 cm"


def test_a_hypothetical_question_is_no_answer_when_the_form_resumes(domain):
    slots, _ = turns(domain, ("new IDC left breast, palpable left axillary node, no treatment yet", "describe_case"))
    after, messages = form_turn(domain, slots, "does it change if the tumour is 2 cm or smaller?",
                                "faq_small_tumor", requested="tumor_size_cm", after="action_answer_faq")
    [question] = customs(messages)
    assert (after["tumor_size_cm"], question["slot"]) == (None, "tumor_size_cm")


def test_today_s_exam_after_chemotherapy_is_no_answer_to_the_status_at_diagnosis(domain):
    slots, [question] = turns(domain, ("52F L breast IDC 3.4 cm at diagnosis, neoadjuvant chemotherapy finished, "
                                       "surgery in 10 days", "describe_case"))
    assert question["slot"] == "clinical_nodes"
    _, [again] = turns_from(domain, slots, ("nothing palpable in the axilla today", "inform"))
    assert (again["type"], again["slot"]) == ("question", "clinical_nodes")


def test_a_post_chemotherapy_study_does_not_replace_the_status_at_diagnosis(domain):
    slots, _ = turns(domain, ("49F R breast carcinoma, palpable R axillary node at diagnosis", "describe_case"))
    slots, [answer] = turns_from(domain, slots, ("Restaging MRI after chemo: residual 0.8 cm. No suspicious axillary "
                                                 "lymph nodes. Chemo completed last week.", "inform"))
    assert slots["clinical_nodes"] == "positive"  # the study's images are not the exam at diagnosis
    assert (answer.get("variant") or {}).get("id") != "axilla-8"


def test_a_different_nodal_status_once_chemotherapy_is_known_is_asked(domain):
    slots, _ = turns(domain, ("49F R breast carcinoma 3.6 cm, palpable R axillary node at diagnosis, "
                              "neoadjuvant chemotherapy completed", "describe_case"))
    slots, [answer] = turns_from(domain, slots, ("axilla clinically negative", "inform"))
    assert (answer["type"], answer["slot"], slots["clinical_nodes"]) == ("question", "clinical_nodes", None)


@pytest.mark.parametrize("first, correction, variant", [
    ("39F new palpable R axillary lump, no known breast cancer, no imaging yet", "oh and there's one on the left too",
     "axilla-2"),
    ("39F new palpable lumps in both axillae, no known breast cancer, no imaging yet", "sorry - just the right",
     "axilla-1"),
])
def test_a_short_correction_of_the_lump_s_sides_is_applied(domain, first, correction, variant):
    slots, [answer] = turns(domain, (first, "describe_case"))
    slots, [answer] = turns_from(domain, slots, (correction, "correct"))
    assert answer["variant"]["id"] == variant


def test_a_case_message_that_also_asks_gets_both_answers(domain):
    slots, _ = turns(domain, ("new IDC left breast, palpable left axillary node, no treatment yet", "describe_case"))
    _, answers = turns_from(domain, slots, ("2.4 cm; why not PET/CT?", "inform"))
    assert [(a["type"], a.get("topic")) for a in answers] == [("recommendation", None), ("faq", "why_not_pet")]
    assert answers[0]["variant"]["id"] == answers[1]["variant"] == "axilla-6"


def test_the_form_sends_back_only_the_slots_a_message_changes(domain):
    slots, _ = turns(domain, ("52F, new IDC right breast, axilla clinically negative, untreated", "describe_case"))
    events, _ = run(ValidateCaseForm(), make_tracker("2.4 cm", "inform", slots, "tumor_size_cm", validating=True),
                    domain)
    changed = set(slot_values(events))
    assert {"tumor_size_cm", "intake", "variant"} <= changed
    assert not changed & {"sex", "age", "diagnosis", "clinical_nodes", "treatment", "axillary_lump"}


# A cancer in each breast, the two sides giving different variants (matching-rules.md: ask which side).
BOTH_BREASTS = ("61F, two new cancers, nothing started yet. Left breast: 3.3 cm IDC with a firm palpable left "
                "axillary node. Right breast: 9 mm IDC, right axilla clear on exam.")


@pytest.mark.parametrize("answer, variant", [("the left one", "axilla-6"), ("R", "axilla-3")])
def test_with_a_cancer_in_each_breast_the_side_is_asked_and_the_answer_reads_that_breast(domain, answer, variant):
    slots, messages = form_turn(domain, {}, BOTH_BREASTS, "describe_case")
    question = only_custom(messages)
    assert question["type"] == "question" and question["facts"]["tumor_size_cm"] is None
    assert "which side" in messages[0]["text"] and "left: 3.3 cm, node-positive" in messages[0]["text"]
    assert [b["title"] for b in messages[0]["buttons"]] == ["left", "right"]

    slots, messages = form_turn(domain, slots, answer, "inform", requested=slots["requested_slot"],
                                earlier_texts=[BOTH_BREASTS])
    custom = only_custom(messages)
    assert (custom["type"], custom["variant"]["id"]) == ("recommendation", variant)
    side = "left" if variant == "axilla-6" else "right"
    assert any(f"for the {side} breast" in a for a in custom["assumptions"])
    assert custom["evidence"]["tumor_size_cm"][0]["turn"] == 1  # read from the message that described both


@pytest.mark.parametrize("first, later, answer, variant", [
    # a second cancer in the other breast of the same patient, told later
    ("66F, new R breast IDC 2.7 cm with a hard R axillary node, untreated",
     "she also has a 12 mm IDC in the left breast, left axilla normal on exam", "right", "axilla-6"),
    # a fact of one breast, told later, while the case has a cancer in each
    ("two new cancers, 47F, untreated: L breast 1.3 cm and R breast 1.9 cm, R axilla clear on exam",
     "correction: the left axilla has a firm palpable node", "L", "axilla-4"),
])
def test_a_cancer_in_each_breast_told_over_two_messages_asks_which_side(domain, first, later, answer, variant):
    slots, _ = form_turn(domain, {}, first, "describe_case")
    slots, messages = form_turn(domain, slots, later, "inform", requested=slots["requested_slot"],
                                earlier_texts=[first])
    question = only_custom(messages)
    assert question["type"] == "question" and "which side" in messages[0]["text"]
    slots, messages = form_turn(domain, slots, answer, "inform", requested=slots["requested_slot"],
                                earlier_texts=[first, later])
    assert only_custom(messages)["variant"]["id"] == variant


def test_after_one_breast_s_answer_the_other_breast_can_be_asked_for_and_corrected(domain):
    slots, _ = form_turn(domain, {}, BOTH_BREASTS, "describe_case")
    said = [BOTH_BREASTS]
    for text, variant in (("R", "axilla-3"), ("and the other side?", "axilla-6"), ("the right one", "axilla-3")):
        slots, messages = form_turn(domain, slots, text, "inform", requested=slots["requested_slot"],
                                    earlier_texts=said)
        said.append(text)
        assert only_custom(messages)["variant"]["id"] == variant, text
    # a correction to the breast the answer is not for: both breasts again, and the side is asked
    slots, messages = form_turn(domain, slots, "correction: the right tumour is 2.6 cm", "correct",
                                requested=slots["requested_slot"], earlier_texts=said)
    assert only_custom(messages)["type"] == "question" and "which side" in messages[0]["text"]


def test_a_size_that_names_no_breast_in_a_case_with_a_cancer_in_each_is_asked_about(domain):
    first = "new IDC in each breast, 50F, untreated: L 14 mm and R 17 mm, both axillae negative on exam"
    slots, messages = form_turn(domain, {}, first, "describe_case")
    assert only_custom(messages)["variant"]["id"] == "axilla-3"  # the same variant on both sides
    after, messages = form_turn(domain, slots, "correction, it's 2.8 cm", "correct", earlier_texts=[first])
    custom = only_custom(messages)
    assert (custom["type"], custom["reason"]) == ("fallback", "which_breast")
    assert after["tumor_size_cm"] == slots["tumor_size_cm"]


def test_a_terse_result_after_the_answer_gets_its_follow_up_not_the_answer_again(domain):
    slots, [answer] = turns(domain, ("61F new 2.8 cm R IDC, untreated, I can feel a R axillary node", "describe_case"),
                            ("core of the node: benign", "inform"))
    assert (answer["type"], answer["topic"]) == ("faq", "biopsy_negative")
    assert slots["variant"] == "axilla-6" and slots["clinical_nodes"] == "positive"


@pytest.mark.parametrize("reply", ["hard to tell", "hmm, hard to say, she is very large"])
def test_an_answer_that_cannot_tell_leaves_the_nodal_question_open(domain, reply):
    slots = {"sex": "female", "diagnosis": "new_primary", "treatment": "none", "tumor_size_cm": 3.2}
    slots, messages = form_turn(domain, slots, reply, "inform", requested="clinical_nodes")
    custom = only_custom(messages)
    assert (custom["type"], custom.get("slot"), slots.get("clinical_nodes")) == ("question", "clinical_nodes", None)
