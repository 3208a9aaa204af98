"""One patient per case (issue 10): the five faults through the actions with real trackers, evidence with its
message numbers, order checks, scope questions mid-conversation, sessions."""

import pytest
from action_harness import customs, form_turn, make_tracker, only_custom, run, run_followed

from actions.followup import (
    ActionAnswerFaq,
    ActionFallback,
    ActionOrderCheck,
    ActionOutOfScope,
    ActionRestart,
)

FIRST = "58F new 3 cm IDC L breast, palpable L axillary node, no tx"



def case_6(domain):
    slots, messages = form_turn(domain, {}, FIRST, "describe_case")
    assert only_custom(messages)["variant"]["id"] == "axilla-6"
    return slots


def test_fault_1_another_side_and_a_new_description_is_a_new_case_not_a_merge(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "new R breast IDC, no palpable adenopathy, untreated",
                                "describe_case")
    question = only_custom(messages)
    # Not variant 5 with the first patient's 3 cm: a new case that asks for the size.
    assert (question["type"], question["slot"]) == ("question", "tumor_size_cm")
    assert slots["tumor_size_cm"] is None and slots["age"] is None
    assert slots["clinical_nodes"] == "negative"


AMBIGUOUS = "62F, 1.8 cm tumour, palpable L axillary node"   # another age, but not a whole description


def test_fault_2_the_latest_pending_description_wins(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, AMBIGUOUS, "describe_case", turn=2)
    assert only_custom(messages)["slot"] == "new_patient"
    slots, messages = form_turn(domain, slots, "45F, 2.5 cm tumour, no palpable nodes", "describe_case",
                                requested="new_patient", turn=3)
    question = only_custom(messages)
    assert question["slot"] == "new_patient"
    assert question["readings"]["new"]["facts"]["age"] == 45
    assert slots["pending_case"]["text"].startswith("45F")
    slots, messages = form_turn(domain, slots, "new patient", "new_patient", requested="new_patient", turn=4)
    answer = only_custom(messages)
    # The 45F patient's case alone, not the 62F one's and not merged into the first patient's.
    assert (answer["facts"]["age"], answer["facts"]["tumor_size_cm"]) == (45, 2.5)
    assert answer["facts"]["clinical_nodes"] == "negative" and answer["facts"]["treatment"] is None
    assert "New patient" in messages[0]["text"] and slots["age"] == 45
    assert answer["evidence"]["age"][0]["turn"] == 1  # the description is the case's first message


def test_a_whole_description_while_the_question_waits_replaces_it(domain):
    slots = case_6(domain)
    slots, _ = form_turn(domain, slots, AMBIGUOUS, "describe_case")
    slots, messages = form_turn(domain, slots, "45F, new 2.5 cm R breast IDC, no palpable nodes, untreated",
                                "describe_case", requested="new_patient")
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"], answer["facts"]["age"]) == ("recommendation", "axilla-5", 45)
    assert slots["pending_case"] is None


def test_the_question_offers_both_readings_with_their_facts(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, AMBIGUOUS, "describe_case")
    question = only_custom(messages)
    new, correction = question["readings"]["new"], question["readings"]["correction"]
    assert new["facts"]["age"] == correction["facts"]["age"] == 62
    assert new["facts"]["treatment"] is None and correction["facts"]["treatment"] == "none"
    assert correction["variant"] == "axilla-4"
    assert "New patient" in messages[0]["text"] and "Correction" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/new_patient", "/correct"]


def test_fault_3_different_pt_words_start_a_new_case_at_once(domain):
    slots = case_6(domain)
    slots, messages = form_turn(
        domain, slots, "ok different pt: 68F, new 2.2 cm R breast IDC with a palpable R axillary node, untreated",
        "describe_case")
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"], answer["facts"]["age"]) == ("recommendation", "axilla-6", 68)
    assert slots["pending_case"] is None


def test_next_pt_opening_is_another_patient(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "next pt: 49F, new 1.5 cm R breast IDC, cN0, no treatment",
                                "describe_case")
    answer = only_custom(messages)
    assert (answer["variant"]["id"], answer["facts"]["age"]) == ("axilla-3", 49)


def test_a_short_correction_is_applied(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "sorry, I meant 1.8", "correct")
    assert only_custom(messages)["variant"]["id"] == "axilla-4"


@pytest.mark.parametrize("text, fact, value", [
    ("she's 64 not 58", "age", 64),
    ("no node after all, I mixed her up with another patient; axilla clinically negative", "clinical_nodes",
     "negative"),
])
def test_a_value_instead_of_another_or_a_mix_up_corrects_the_case(domain, text, fact, value):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, text, "inform", turn=2)
    answer = only_custom(messages)
    # the case kept (its size), the one fact corrected: no "new patient?" question, no case started afresh
    assert (answer["type"], answer["facts"]["tumor_size_cm"], answer["facts"][fact]) == ("recommendation", 3.0, value)


@pytest.mark.parametrize("intent", ["inform", "correct"])
def test_a_bare_number_in_a_case_corrects_its_size(domain, intent):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "it's 1.6", intent, turn=2)
    answer = only_custom(messages)
    assert (answer["variant"]["id"], answer["facts"]["tumor_size_cm"]) == ("axilla-4", 1.6)


@pytest.mark.parametrize("text", ["strike that, she hasn't got one on exam after all",
                                  "correction: I mixed her up with the one before, ignore the last bit"])
def test_a_correction_that_changes_nothing_withdraws_the_answer_and_keeps_the_facts(domain, text):
    slots = case_6(domain)
    after, messages = form_turn(domain, slots, text, "correct", turn=2)
    custom = only_custom(messages)
    assert (custom["type"], custom["reason"], custom["variant"], custom["withdrawn"]) == (
        "fallback", "correction_not_read", None, "axilla-6")
    assert "withdrawn" in messages[0]["text"] and "variant 6" in messages[0]["text"] and after["variant"] is None
    assert {k: after[k] for k in ("tumor_size_cm", "clinical_nodes")} == {"tumor_size_cm": 3.0,
                                                                        "clinical_nodes": "positive"}


def test_a_study_s_number_without_its_unit_later_is_asked_about_quoting_it(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "the MRI has it at 1.4 though", "inform", turn=2)
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "tumor_size_cm")
    assert "'the MRI has it at 1.4 though'" in messages[0]["text"]


def test_a_study_named_alone_corrects_how_the_node_was_found(domain):
    slots, messages = form_turn(domain, {}, "47F, never had breast cancer, abnormal R axillary node on mammography",
                                "describe_case")
    assert only_custom(messages)["variant"]["id"] == "axilla-11"
    slots, messages = form_turn(domain, slots, "sorry, it was the CT that showed it, not the mammogram", "correct",
                                turn=2)
    assert only_custom(messages)["variant"]["id"] == "axilla-12"


def test_every_answer_marks_the_facts_carried_from_earlier_messages(domain):
    slots, messages = form_turn(domain, {}, "54F newly diagnosed R breast IDC, palpable R axillary node, no tx",
                                "describe_case")
    evidence = only_custom(messages)["evidence"]
    assert evidence["age"][0]["turn"] == 1 and evidence["age"][0]["carried"] is False
    slots, messages = form_turn(domain, slots, "3.5 cm", "inform", requested="tumor_size_cm", turn=2)
    answer = only_custom(messages)
    assert answer["variant"]["id"] == "axilla-6"
    assert answer["evidence"]["age"][0] == {**answer["evidence"]["age"][0], "turn": 1, "carried": True}
    assert answer["evidence"]["tumor_size_cm"][0]["turn"] == 2
    assert answer["evidence"]["tumor_size_cm"][0]["carried"] is False
    assert "54 y — from your first message" in messages[0]["text"]
    assert "tumour 3.5 cm" in messages[0]["text"] and "tumour 3.5 cm —" not in messages[0]["text"]


def test_a_man_mid_conversation_is_out_of_scope_not_a_question(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "66M with a palpable L axillary lump, no known cancer",
                                "describe_case")
    answer = only_custom(messages)
    assert answer["type"] == "out_of_scope" and answer["refer_to"]
    assert slots["sex"] == "male"


def test_a_man_asked_about_as_a_follow_up_is_out_of_scope(domain):
    slots = {"sex": "female", "age": 58, "diagnosis": "new_primary", "tumor_size_cm": 3.0,
             "clinical_nodes": "positive", "treatment": "none", "variant": "axilla-6"}
    _, messages = run_followed(ActionAnswerFaq(), "what about a 70M with a palpable axillary node?", "faq_scope",
                               domain, slots)
    assert only_custom(messages)["type"] == "out_of_scope"


def test_a_screening_question_is_out_of_scope_with_the_pointer(domain):
    tracker = make_tracker("should she just have a screening mammogram?", "out_of_scope", form_active=False)
    _, messages = run(ActionOutOfScope(), tracker, domain)
    answer = only_custom(messages)
    assert answer["type"] == "out_of_scope" and "screening" in answer["refer_to"].lower()


def test_a_neck_node_as_a_new_patient_is_out_of_scope(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "47F with a palpable neck node", "describe_case")
    assert only_custom(messages)["type"] == "out_of_scope"


@pytest.mark.parametrize("text, procedure, category", [
    ("I'm going to order a PET/CT", "FDG-PET/CT skull base to mid-thigh", "May Be Appropriate"),
    ("is a breast MRI OK for her?", "MRI breast without and with IV contrast", None),
    ("can I skip the US?", "US axilla", "Usually Appropriate"),
])
def test_an_order_is_checked_against_the_current_variant(domain, text, procedure, category):
    slots = {"sex": "female", "age": 58, "diagnosis": "new_primary", "tumor_size_cm": 3.0,
             "clinical_nodes": "positive", "treatment": "none", "variant": "axilla-6"}
    _, messages = run(ActionOrderCheck(), make_tracker(text, "order_check", slots, form_active=False), domain)
    check = only_custom(messages)
    assert check["type"] == "order_check" and check["procedure"] == procedure and check["variant"] == "axilla-6"
    assert set(check) >= {"procedure", "category", "variant", "alternatives", "rrl", "source"}
    if category:
        assert check["category"] == category
    if check["category"] != "Usually Appropriate":
        assert check["alternatives"] and check["alternatives"][0]["category"] == "Usually Appropriate"
    assert check["source"] and procedure in messages[0]["text"]


def test_an_order_check_without_a_case_asks_for_the_case(domain):
    _, messages = run(ActionOrderCheck(), make_tracker("is a PET-CT ok?", "order_check", form_active=False), domain)
    check = only_custom(messages)
    assert (check["type"], check["variant"], check["category"]) == ("order_check", None, None)
    assert check["procedure"] == "FDG-PET/CT skull base to mid-thigh"
    assert "describe the patient" in messages[0]["text"]


def test_the_same_patient_in_a_new_session_is_said_to_be_unknown(domain):
    slots, messages = form_turn(domain, {}, "same patient: now a palpable L axillary node", "inform")
    assert "no earlier case" in messages[0]["text"]


def test_sessions_do_not_carry_the_case_over(domain):
    assert domain["session_config"]["carry_over_slots_to_new_session"] is False


@pytest.mark.parametrize("text, topic", [
    ("should we drop the US and jump to a PET-CT instead?", "why_not_pet"),
    ("breast MRI instead of the ultrasound?", "why_not_mri"),
])
def test_an_order_check_that_compares_exams_is_answered_as_the_follow_up(domain, text, topic):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive", "variant": "axilla-6"}
    _, messages = run(ActionOrderCheck(), make_tracker(text, "order_check", slots, form_active=False), domain)
    assert only_custom(messages) == {"type": "faq", "topic": topic, "variant": "axilla-6"}


def test_a_restart_says_the_case_was_cleared(domain):
    events, messages = run(ActionRestart(), make_tracker("/restart", "restart", form_active=False), domain)
    assert customs(messages) == [{"type": "smalltalk", "intent": "restart"}]
    assert "cleared" in messages[0]["text"] and events == [{"event": "restart", "timestamp": None}]


def test_an_unrelated_message_gets_the_generic_out_of_scope_answer(domain):
    _, messages = run(ActionOutOfScope(), make_tracker("what's a good pizza place", "out_of_scope",
                                                       form_active=False), domain)
    assert only_custom(messages)["type"] == "out_of_scope" and "outside what I cover" in messages[0]["text"]


def test_an_order_check_that_names_no_exam_is_the_follow_up_it_is_about(domain):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive", "variant": "axilla-6"}
    _, messages = run(ActionOrderCheck(), make_tracker("what should I write on the request for her?",
                                                       "order_check", slots, form_active=False), domain)
    assert only_custom(messages) == {"type": "faq", "topic": "order_wording", "variant": "axilla-6"}


def test_a_guessed_order_check_goes_to_the_follow_up_the_keywords_know(domain):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive", "variant": "axilla-6"}
    tracker = make_tracker("how much radiation would a PET give her?", "order_check", slots, confidence=0.45,
                           form_active=False)
    _, messages = run(ActionOrderCheck(), tracker, domain)
    assert only_custom(messages)["type"] == "faq"


def test_an_order_check_quoting_a_rating_asks_what_it_means(domain):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 1.5, "clinical_nodes": "negative", "variant": "axilla-3"}
    tracker = make_tracker("so the MRI is just 'may be appropriate' for her?", "order_check", slots,
                           form_active=False)
    _, messages = run(ActionOrderCheck(), tracker, domain)
    assert only_custom(messages)["topic"] == "rating_meaning"


def test_a_negated_result_is_a_negative_biopsy(domain):
    tracker = make_tracker("and if the node core shows no sign of malignancy?", "faq_biopsy_positive",
                           form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    assert only_custom(messages)["topic"] == "biopsy_negative"


def test_a_clinical_message_the_classifier_missed_is_out_of_scope_not_a_fallback(domain):
    tracker = make_tracker("her mother asks when she should start screening mammograms", "nlu_fallback",
                           confidence=0.3, form_active=False)
    _, messages = run(ActionFallback(), tracker, domain)
    assert only_custom(messages)["type"] == "out_of_scope"
    tracker = make_tracker("xqzv blorptang", "nlu_fallback", confidence=0.2, form_active=False)
    _, messages = run(ActionFallback(), tracker, domain)
    assert only_custom(messages) == {"type": "fallback"}


def test_a_description_the_classifier_did_not_understand_is_still_asked_about(domain):
    slots = {"sex": "female", "age": 58, "diagnosis": "new_primary", "tumor_size_cm": 3.0,
             "clinical_nodes": "positive", "treatment": "none", "variant": "axilla-6", "case_side": "left"}
    events, messages = run_followed(ActionFallback(), "62F, 1.8 cm tumour, palpable L axillary node", "nlu_fallback",
                                    domain, slots, confidence=0.3)
    assert only_custom(messages)["slot"] == "new_patient"
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["pending_case"]["text"].startswith("62F")


def test_a_first_description_taken_for_a_question_starts_the_form(domain):
    # The form, not the follow-up action, reads it: the question is the form's, so it is asked again after an
    # interruption (the slot Rasa keeps requesting).
    events, messages = run_followed(ActionAnswerFaq(), "61F just diagnosed with L breast IDC, no treatment yet",
                                    "faq_neoadjuvant", domain, confidence=0.55)
    assert events[0] == {"event": "followup", "name": "case_form", "timestamp": None}
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "tumor_size_cm")
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["requested_slot"] == "tumor_size_cm"


def test_a_first_message_with_one_fact_taken_for_a_question_starts_the_case(domain):
    events, messages = run_followed(ActionAnswerFaq(), "she has now completed neoadjuvant chemo, op in 10 days",
                                    "faq_neoadjuvant", domain)
    assert events[0] == {"event": "followup", "name": "case_form", "timestamp": None}
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"}["treatment"] == "neoadjuvant_completed"
    assert only_custom(messages)["type"] == "question"


@pytest.mark.parametrize("text, intent, variant", [
    ("ultrasound shows a suspicious node with a thick cortex", "faq_suspicious_features", "axilla-6"),
    ("sorry, she also has a palpable L axillary node", "faq_pitfalls", "axilla-6"),
])
def test_a_new_fact_after_the_answer_changes_the_case_whatever_the_intent(domain, text, intent, variant):
    slots, messages = form_turn(domain, {}, "58F newly diagnosed L breast IDC 2.5 cm, no palpable adenopathy, no tx",
                                "describe_case")
    assert only_custom(messages)["variant"]["id"] == "axilla-5"
    slots = {k: v for k, v in slots.items() if k != "requested_slot"}
    _, messages = run_followed(ActionAnswerFaq(), text, intent, domain, slots)
    answer = only_custom(messages)
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", variant)


def test_a_fact_while_another_patient_question_waits_stays_with_that_description(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "now a 50F with a 2.5 cm tumour", "describe_case", turn=2)
    assert only_custom(messages)["slot"] == "new_patient"
    slots, messages = form_turn(domain, slots, "palpable node", "inform", requested="new_patient", turn=3)
    assert only_custom(messages)["slot"] == "new_patient" and slots["age"] == 58
    slots, messages = form_turn(domain, slots, "new patient", "new_patient", requested="new_patient", turn=4)
    answer = only_custom(messages)
    assert (answer["facts"]["age"], answer["facts"]["tumor_size_cm"], answer["facts"]["clinical_nodes"]) == (
        50, 2.5, "positive")


def test_a_typed_new_patient_payload_clears_the_case(domain):
    slots = case_6(domain)
    slots, messages = form_turn(domain, slots, "/new_patient", "new_patient", turn=2)
    assert only_custom(messages)["intent"] == "new_patient"
    assert slots["age"] is None and slots["clinical_nodes"] is None


def test_facts_typed_as_an_intent_payload_are_not_a_description(domain):
    text = '/describe_case{"tumor_size_cm": 3.0, "clinical_nodes": "negative", "treatment": "neoadjuvant_completed"}'
    slots, messages = form_turn(domain, {}, text, "describe_case")
    assert only_custom(messages)["type"] == "fallback" and slots.get("tumor_size_cm") is None


def test_a_proven_node_in_the_other_axilla_after_the_answer_is_not_a_follow_up(domain):
    slots, messages = form_turn(domain, {}, "new 2.6 cm IDC of the left breast in a 63 yo woman, firm left "
                                "axillary node", "describe_case")
    assert only_custom(messages)["variant"]["id"] == "axilla-6"
    slots = {k: v for k, v in slots.items() if k != "requested_slot"}
    events, messages = run_followed(ActionAnswerFaq(), "core biopsy of a right axillary node: metastatic carcinoma",
                                    "faq_biopsy_positive", domain, slots)
    answer = only_custom(messages)
    assert answer["type"] != "faq" and (answer["type"], answer.get("slot")) in {
        ("out_of_scope", None), ("question", "new_patient")}


@pytest.mark.parametrize("first, later, intent, variant", [
    # the fact the out-of-scope answer was missing arrives later, classified as anything
    ("3 cm L breast cancer, on neoadjuvant chemo cycle 3, initially node negative", "new palpable L axillary lump",
     "nlu_fallback", "axilla-7"),
    ("3 cm L breast mass, not yet biopsied, palpable L axillary node", "biopsy came back: IDC", "faq_biopsy_negative",
     "axilla-6"),
])
def test_a_fact_after_an_out_of_scope_answer_is_read_into_the_case(domain, first, later, intent, variant):
    slots, messages = form_turn(domain, {}, first, "describe_case")
    assert only_custom(messages)["type"] == "out_of_scope"
    slots = {k: v for k, v in slots.items() if k != "requested_slot"}
    action = ActionFallback() if intent == "nlu_fallback" else ActionAnswerFaq()
    _, messages = run_followed(action, later, intent, domain, slots, confidence=0.3)
    assert only_custom(messages)["variant"]["id"] == variant


def test_a_case_intent_on_a_message_without_one_readable_word_is_not_understood(domain):
    # A complete case: "not understood", not the recommendation again, and the case is kept.
    slots = case_6(domain)
    kept, messages = form_turn(domain, slots, "qwpz trelk", "inform", confidence=0.9)
    assert only_custom(messages) == {"type": "fallback"}
    assert kept["variant"] == "axilla-6" and kept["tumor_size_cm"] == 3.0
    # A question waits: "not understood", then the same question again.
    slots, messages = form_turn(domain, {}, "58F new IDC L breast, palpable L axillary node, no tx", "describe_case")
    assert slots["requested_slot"] == "tumor_size_cm"
    slots, messages = form_turn(domain, slots, "qwpz trelk", "inform", requested="tumor_size_cm", confidence=0.9)
    assert [(m.get("type"), m.get("slot")) for m in customs(messages)] == [("fallback", None),
                                                                         ("question", "tumor_size_cm")]
    assert slots["requested_slot"] == "tumor_size_cm"


def test_several_patients_read_by_the_form_get_the_scope_answer_and_the_case_stays(domain):
    slots = case_6(domain)
    kept, messages = form_turn(domain, slots, "Patient 1: 2.2 cm R IDC, cN1. Patient 2: 0.8 cm L IDC, cN0",
                               "describe_case")
    answer = only_custom(messages)
    assert (answer["type"], answer["facts"]["encounter"]) == ("out_of_scope", "several_patients")
    assert kept["tumor_size_cm"] == 3.0 and kept["variant"] == "axilla-6"


@pytest.mark.parametrize("text, topic", [
    ("so we skip the MRI for her?", "why_not_mri"),
    ("why isn't she getting a PET scan", "why_not_pet"),
])
def test_a_declined_exam_is_the_why_not_follow_up(domain, text, topic):
    slots = {"sex": "female", "age": 58, "diagnosis": "new_primary", "tumor_size_cm": 3.0,
             "clinical_nodes": "positive", "treatment": "none", "variant": "axilla-6"}
    _, messages = run(ActionOrderCheck(), make_tracker(text, "order_check", slots, form_active=False), domain)
    assert (only_custom(messages)["type"], only_custom(messages)["topic"]) == ("faq", topic)


def test_a_question_about_the_guidance_taken_for_a_case_message_gets_the_follow_up_answer(domain):
    slots = case_6(domain)
    kept, messages = form_turn(domain, slots, "does this apply to women without a cancer diagnosis too?",
                               "describe_case", confidence=0.8)
    answer = only_custom(messages)
    assert (answer["type"], answer["topic"]) == ("faq", "scope")
    assert kept["diagnosis"] == "new_primary" and kept["variant"] == "axilla-6"


@pytest.mark.parametrize("text, intent", [("no idea", "inform"), ("I'd have to check", "order_check")])
def test_an_answer_that_the_fact_is_not_known_keeps_the_case_and_says_why_it_asks_again(domain, text, intent):
    slots, _ = form_turn(domain, {}, "61F new IDC L breast, palpable L axillary node, untreated", "describe_case")
    assert slots["requested_slot"] == "tumor_size_cm"
    slots, messages = form_turn(domain, slots, text, intent, requested="tumor_size_cm", confidence=0.7)
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "tumor_size_cm")
    assert messages[0]["text"].startswith("Understood, it is not known yet")
    assert slots["diagnosis"] == "new_primary" and slots["clinical_nodes"] == "positive"


def test_a_message_naming_another_patient_is_not_merged_into_the_case(domain):
    slots, messages = form_turn(domain, {}, "Mrs Adeyemi: 50F new 3 cm IDC left, palpable L axillary node, untreated",
                                "describe_case")
    assert only_custom(messages)["variant"]["id"] == "axilla-6" and slots["case_patient"] == "adeyemi"
    kept, messages = form_turn(domain, slots, "for Mrs Brennan the size is actually 1.5 cm", "correct")
    assert (only_custom(messages)["type"], only_custom(messages)["slot"]) == ("question", "new_patient")
    assert kept["tumor_size_cm"] == 3.0
    tracker = make_tracker("back to Mrs Brennan - why not PET-CT?", "faq_why_not_pet", slots, form_active=False)
    _, messages = run(ActionAnswerFaq(), tracker, domain)
    answer = only_custom(messages)
    assert (answer["type"], answer["topic"], answer["variant"]) == ("faq", "why_not_pet", None)
    assert messages[0]["text"].startswith("I hold one case per conversation, and it is patient Adeyemi's")


@pytest.mark.parametrize("wish, topic", [("the oncologist wants a PET-CT first", "why_not_pet"),
                                         ("the surgeon would prefer a breast MRI first", "why_not_mri")])
def test_a_study_someone_wants_is_the_why_not_question_not_a_finding(domain, wish, topic):
    slots, _ = form_turn(domain, {}, "new IDC 3 cm, palpable axillary node, untreated", "describe_case")
    _, messages = run(ActionAnswerFaq(), make_tracker(wish, f"faq_{topic}", slots, form_active=False), domain)
    assert only_custom(messages) == {"type": "faq", "topic": topic, "variant": "axilla-6"}


def test_a_hedged_answer_to_the_side_question_is_asked_again_quoting_it(domain):
    slots, _ = form_turn(domain, {}, "44F no known breast cancer, new palpable axillary lump", "describe_case")
    assert slots["requested_slot"] == "axillary_lump"
    slots, messages = form_turn(domain, slots, "the left definitely, perhaps the right as well", "inform",
                                requested="axillary_lump")
    question = only_custom(messages)
    assert (question["type"], question["slot"]) == ("question", "axillary_lump")
    assert "perhaps the right" in messages[0]["text"] or "right" in messages[0]["text"]


@pytest.mark.parametrize("text", ["alright", "her brother has an enlarged node in his armpit"])
def test_a_guessed_order_check_naming_no_exam_and_no_order_is_not_asked_which_exam(domain, text):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive", "variant": "axilla-6"}
    events, messages = run(ActionOrderCheck(), make_tracker(text, "order_check", slots, form_active=False), domain)
    # answered as the fallback would: not understood, or handed to the case form to read as a case message
    assert "order_check" not in [c["type"] for c in customs(messages)]
    assert customs(messages) or events[0]["name"] == "case_form"


def test_an_order_check_naming_no_exam_asks_which_one(domain):
    slots = {"diagnosis": "new_primary", "tumor_size_cm": 3.0, "clinical_nodes": "positive", "variant": "axilla-6"}
    _, messages = run(ActionOrderCheck(), make_tracker("can I book her a scan?", "order_check", slots,
                                                       form_active=False), domain)
    assert only_custom(messages)["type"] == "order_check" and "Which exam" in messages[0]["text"]


@pytest.mark.parametrize("text, intent", [("ignore my last message", "faq_biopsy_negative"),
                                          ("please disregard the node, that was another lady's exam", "faq_discordant"),
                                          ("hold on, we don't actually know the size yet", "inform")])
def test_a_fact_taken_back_withdraws_the_answer_whatever_the_intent(domain, text, intent):
    slots = case_6(domain)
    after, messages = form_turn(domain, slots, text, intent, turn=2)
    custom = only_custom(messages)
    assert custom["type"] != "recommendation" and custom.get("variant") is None and after["variant"] is None
