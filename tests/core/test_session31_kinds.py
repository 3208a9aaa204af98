"""Kinds of text found failing in session 31 (blind set s31a, breaker qa38, kinds left from qa37), each in words
of its own."""
from __future__ import annotations

from typing import Optional

import pytest

import bot


def decision(text: str) -> tuple:
    result = bot.analyze(text)
    return result.status, result.variant_id, tuple(result.missing)


def answer(text: str, expecting: str) -> dict:
    """The facts a chat answer gives to the question just asked, in a case known to be untreated."""
    return {k: v for k, v in bot.extract(text, expecting=expecting, treatment="none", side="left").facts.items()
            if v is not None}


# --- operations that are not the cancer's -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "63F, new R breast ILC 3.2 cm, cN0, no treatment; s/p L lumpectomy 2008 for a fibroadenoma",
    "63F, new R breast ILC 3.2 cm, cN0, untreated. PSH: tonsillectomy, R lumpectomy (benign fibroadenoma 2015)",
    "63F, new R breast ILC 3.2 cm, cN0; had a L mastectomy for risk reduction (BRCA1) in 2012",
])
def test_an_operation_for_a_benign_lesion_or_for_prophylaxis_is_not_the_cancers(text: str) -> None:
    assert decision(text) == ("matched", "axilla-5", ())


def test_an_operation_whose_result_is_benign_is_still_an_operation() -> None:
    status, _, _ = decision("63F, R breast IDC 3.2 cm, cN0, s/p lumpectomy and SLNB (benign, 0/2)")
    assert status == "out_of_scope"


# --- the course of neoadjuvant chemotherapy ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "47F, R breast IDC 3.8 cm at diagnosis, palpable R axillary node at diagnosis; chemo was given, operation next "
    "week",
    "47F, R breast IDC 3.8 cm at diagnosis, palpable R axillary node at diagnosis; had five rounds of chemotherapy, "
    "mastectomy scheduled next month",
])
def test_chemotherapy_given_with_the_operation_next_is_completed(text: str) -> None:
    assert decision(text) == ("matched", "axilla-9", ())


def test_chemotherapy_to_follow_the_operation_is_not_neoadjuvant() -> None:
    assert decision("new 2.7 cm R IDC, axilla clinically clear; will have a lumpectomy, chemotherapy afterwards. 52F") \
        != ("matched", "axilla-8", ())


@pytest.mark.parametrize("text", [
    "55F, 3.3 cm L IDC, cN0 at dx; she has completed 5 of 8 docetaxel cycles; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; received 2 of 6 TCH; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; anthracycline part done, paclitaxel in progress; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; she is yet to finish NAC; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; she isn't done with neoadjuvant chemo; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; chemo planned for 8 cycles, she has had 5; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; NAC planned and commenced last month; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; wk 6 of 12 weekly paclitaxel; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; three cycles left of neoadjuvant chemo; new palpable L axillary lump",
    "55F, 3.3 cm L IDC, cN0 at dx; last dose of neoadjuvant docetaxel is planned for Friday; new palpable L axillary "
    "lump",
])
def test_a_course_part_given_is_under_way(text: str) -> None:
    assert decision(text) == ("matched", "axilla-7", ())


def test_neoadjuvant_endocrine_therapy_planned_and_started_is_out_of_scope() -> None:
    status, _, _ = decision("2.8 cm R IDC, ER+, cN0, 71F; primary letrozole planned and started two weeks ago")
    assert status == "out_of_scope"


def test_a_new_node_that_developed_during_chemotherapy_is_row_7() -> None:
    text = ("50F, L IDC 2.9 cm at dx, cN0 at baseline, on NAC (cycle 3 of 6). Interval appearance of a palpable L "
            "axillary node.")
    assert decision(text) == ("matched", "axilla-7", ())


# --- the patient ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "her father, 74, biopsy-proven L breast IDC 2.2 cm, palpable L axillary node, untreated",
    "Mrs Ali's husband, 66: new R breast IDC 2.6 cm, cN1, no treatment",
    "retired fisherman, 70, core bx R breast IDC 3 cm, palpable R axillary node, untreated",
    "Mister Okoro, 59, new L breast IDC 2.1 cm, cN0, untreated",
    "a 64-year-old monk with a new R breast IDC 2.4 cm, palpable R axillary node, untreated",
])
def test_a_man_named_by_what_he_is_to_someone_is_male(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["sex"]) == ("out_of_scope", "male")


@pytest.mark.parametrize("text", [
    "57F, new L IDC 2.3 cm, palpable L axillary node, untreated. Her husband, 59, came with her.",
    "62-year-old woman, new R IDC 1.4 cm, untreated. Clinical exam (Mr Patel, 2 May): no palpable axillary nodes.",
    "57F, new L IDC 2.3 cm, cN0, untreated. Seen with Mr. Ade, her husband.",
])
def test_a_man_beside_the_patient_is_not_the_patient(text: str) -> None:
    assert bot.analyze(text).facts["sex"] == "female"


# --- nodes and the exam -----------------------------------------------------------------------------------------------

def test_an_exam_said_not_documented_is_no_negative_exam() -> None:
    text = ("51F, R breast ca 3.4 cm at dx; US at dx: no axillary adenopathy (exam not recorded). NAC finished, "
            "surgery soon.")
    assert decision(text) == ("needs_info", None, ("clinical_nodes",))


def test_a_node_not_palpated_is_felt_for_and_absent() -> None:
    assert decision("66F, new L IDC 1.6 cm on core, untreated. On examination the axillary nodes are not palpated.") \
        == ("matched", "axilla-3", ())


def test_a_list_of_node_sites_denied_on_exam_includes_the_axilla() -> None:
    text = "70F, new L ILC 3.1 cm on core bx, untreated. On exam, no axillary, supraclavicular or cervical adenopathy."
    assert decision(text) == ("matched", "axilla-5", ())


def test_a_normal_breast_after_an_axillary_mass_does_not_deny_the_mass() -> None:
    text = "44F, no breast cancer history. A 1.8 cm hard right axillary mass with normal breasts on exam; not imaged."
    assert decision(text) == ("matched", "axilla-1", ())


def test_imaging_before_a_named_operation_asks_nothing_of_the_nodes() -> None:
    text = ("61F, new R breast cancer on core biopsy, 1.6 cm on US, axilla clinically negative, untreated. Does she "
            "need an axillary US before her sentinel node biopsy?")
    assert decision(text) == ("matched", "axilla-3", ())


def test_a_node_suspicious_for_metastasis_with_its_biopsy_pending_keeps_the_cancer_proven() -> None:
    text = ("58F newly diagnosed R breast IDC 2.6 cm, untreated. No palpable adenopathy. US: R axillary node "
            "suspicious for metastasis; FNA pending.")
    assert decision(text) == ("matched", "axilla-6", ())


def test_a_metastasis_only_feared_is_no_metastasis() -> None:
    text = "59F newly diagnosed 3.3 cm R breast IDC, palpable R axillary node, concerned about mets but staging clear"
    assert decision(text) == ("matched", "axilla-6", ())


def test_a_lump_in_other_languages_english_is_a_lump() -> None:
    assert decision("Woman 48 years. Palpable formation in the left axillary region, 2 cm. Breast cancer in anamnesis "
                    "is absent. Imaging not done yet.") == ("matched", "axilla-1", ())


def test_a_tomography_is_ct() -> None:
    text = ("Patient feminine 52 years, without cancer history. On tomography of the chest for pneumonia, a left "
            "axillary lymph node of 1,9 cm, suspicious.")
    assert decision(text) == ("matched", "axilla-12", ())


def test_an_imaging_exam_not_done_is_no_negative_clinical_exam() -> None:
    text = ("Feminine patient, 41 years, palpable nodules in both axillas. No history of breast cancer. She has not "
            "made any exam of image so far.")
    assert decision(text) == ("matched", "axilla-2", ())


def test_computed_tomography_in_full_is_ct() -> None:
    text = "67F. At computed tomography for cough: suspicious R axillary lymph node 2 cm. No history of cancer."
    assert decision(text) == ("matched", "axilla-12", ())


# --- no known cancer: a fear of one -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "52F, new palpable R axillary lump, not imaged. Worried about breast cancer.",
    "52F, new palpable R axillary lump, not imaged. R/O breast malignancy.",
])
def test_a_breast_cancer_feared_beside_an_axillary_lump_alone_is_row_1(text: str) -> None:
    assert decision(text) == ("matched", "axilla-1", ())


def test_a_breast_that_looks_cancerous_beside_an_axillary_node_is_worked_up_first() -> None:
    status, _, _ = decision("60F, L breast red and thickened, clinically looks like inflammatory cancer; palpable L "
                            "axillary node")
    assert status == "out_of_scope"


def test_a_bracketed_template_value_is_read() -> None:
    text = ("Pt: 47 y/o female / Breast cancer history: [none] / Diagnostic US [03/03/2025]: suspicious L axillary "
            "lymph node, cortex 4 mm")
    assert decision(text) == ("matched", "axilla-11", ())


def test_a_tick_box_is_not_a_bracketed_value() -> None:
    text = ("Sex: [x] F [ ] M / Age 50 / History of breast cancer: [ ] yes [x] no / Axillary lump: [x] L [ ] R, "
            "not imaged")
    assert bot.analyze(text).facts["sex"] == "female"


# --- sizes ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, size", [
    ("new L breast IDC about half an inch across, axilla clinically negative, untreated, 66F", 1.27),
    ("new L breast IDC three-quarters of an inch, axilla clinically negative, untreated, 66F", 1.91),
    ("new L breast IDC 5/8 inch, axilla clinically negative, untreated, 66F", 1.59),
    ("new L breast IDC, a quarter of an inch, axilla clinically negative, untreated, 66F", 0.64),
])
def test_a_fraction_of_an_inch_is_read_in_cm(text: str, size: float) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", size)


def test_a_lower_bound_under_2_cm_is_no_size() -> None:
    text = "61F, new R breast IDC, invasive focus at least 3 mm on the core, no mass on US, axilla clinically negative"
    assert decision(text) == ("needs_info", None, ("tumor_size_cm",))


def test_a_spelled_t_category_is_read() -> None:
    assert bot.analyze("new L IDC, T-two N-one, untreated, 59F").facts["t_category"] == "T2"


def test_years_out_from_an_operation_are_no_age() -> None:
    text = ("51-year-old woman, 6 years out from L lumpectomy and RT for IDC, now a biopsy-proven recurrence in the L "
            "breast; no distant disease")
    result = bot.analyze(text)
    assert (result.status, result.variant_id, result.facts["age"]) == ("matched", "axilla-10", 51)


# --- past cancers -----------------------------------------------------------------------------------------------------

def test_a_dated_cancer_on_adjuvant_endocrine_therapy_is_history() -> None:
    text = "70F, L breast ca 2016, on adjuvant anastrozole; now a new palpable R axillary lump, not yet imaged"
    result = bot.analyze(text)
    assert (result.status, result.variant_id, result.facts["cancer_history"]) == ("matched", "axilla-1", True)


def test_a_cancer_at_the_scar_of_an_earlier_one_is_its_recurrence() -> None:
    text = ("A 58-year-old woman treated 6 years ago with right lumpectomy and radiotherapy for a 1.4-cm IDC presents "
            "with a new mass near the scar. Core biopsy shows invasive ductal carcinoma.")
    assert decision(text)[:2] == ("matched", "axilla-10")


def test_a_recurrence_in_mediastinal_nodes_is_distant() -> None:
    status, _, _ = decision("Recurrent breast carcinoma, bx-proven in the R axillary and mediastinal nodes. 66F")
    assert status == "out_of_scope"


def test_a_lump_glossed_as_the_opposite_side_is_one_lump() -> None:
    text = ("72F. Hx R breast IDC 2012: mastectomy, tamoxifen 5 years, all finished 2018. Now a palpable lump in the L "
            "axilla (opposite side), 2 cm, not imaged.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-1", "unilateral")


# --- answers in chat --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "palpated something, but not convinced",
    "yeah?",
    "the fellow felt one, I didn't",
    "nothing on my exam but the sonographer thinks there may be one",
])
def test_a_doubted_answer_to_the_node_question_answers_nothing(text: str) -> None:
    assert "clinical_nodes" not in answer(text, "clinical_nodes")


@pytest.mark.parametrize("text, value", [("yes", "positive"), ("none felt", "negative")])
def test_a_plain_answer_to_the_node_question_still_answers(text: str, value: Optional[str]) -> None:
    assert answer(text, "clinical_nodes")["clinical_nodes"] == value


def test_a_size_in_the_answer_to_the_node_question_is_the_nodes() -> None:
    found = answer("yes, clearly palpable today, roughly 1.2 cm", "clinical_nodes")
    assert (found.get("clinical_nodes"), found.get("tumor_size_cm")) == ("positive", None)


# --- whose facts ------------------------------------------------------------------------------------------------------

def test_an_intent_payload_typed_as_a_message_describes_no_patient() -> None:
    assert decision('/describe_case{"tumor_size_cm": 2.5, "clinical_nodes": "negative"}')[0] == "out_of_scope"


def test_the_nodes_of_a_past_timeline_entry_are_not_todays() -> None:
    text = "2011: R IDC with a palpable R node, treated, done. Now: new 3.4 cm L breast IDC, untreated. 64F"
    assert decision(text) == ("needs_info", None, ("clinical_nodes",))


def test_a_relatives_record_quoted_is_not_the_patients() -> None:
    text = ("Report copied from her sister's file: 2.8 cm mass. Our patient: new R IDC, axilla clinically clear, "
            "untreated.")
    assert decision(text) == ("needs_info", None, ("tumor_size_cm",))


def test_a_relative_named_with_a_bracket_is_still_the_subject() -> None:
    text = "49F, new 3.1 cm R IDC, untreated. Her aunt (a different patient) has a palpable R axillary node."
    assert decision(text) == ("needs_info", None, ("clinical_nodes",))


def test_chemotherapy_to_resume_is_under_way() -> None:
    text = ("41F with R breast IDC 3.6 cm at diagnosis, clinically N0 at baseline, on neoadjuvant chemo; admitted with "
            "febrile neutropenia. New firm R axillary lump felt on the ward. Plan: chemo to resume after recovery.")
    assert decision(text) == ("matched", "axilla-7", ())


def test_a_bracketed_template_number_is_the_size() -> None:
    text = ("Dx: R breast IDC, [2.7] cm at diagnosis; axilla at diagnosis: [cN0]; Neoadjuvant: [EC-T], status: "
            "[completed]; surgery planned")
    assert decision(text) == ("matched", "axilla-8", ())


# --- follow-up questions ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, topic", [
    ("Everyone at the MDT keeps saying 'TAD' and I'd like to know what it entails", "clip_tad"),
    ("Which sort of patients was this designed for?", "scope"),
    ("why did the radiologist leave a marker clip in her node?", "clip_tad"),
])
def test_a_follow_up_asked_in_new_words_finds_its_topic(text: str, topic: str) -> None:
    from bot import faq
    assert faq.detect_topic(text) == topic


def test_a_question_put_as_a_statement_is_a_question() -> None:
    from bot import intake
    assert intake.is_question("A PET would show everything at once, so I don't understand why it isn't done first.")


# --- more of qa38 -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "49F, newly diagnosed 2.9 cm L IDC, LN(+) clinically, no treatment",
    "49F, newly diagnosed 2.9 cm L IDC, untreated; L axillary lymphadenopathy +",
    "49F, newly diagnosed 2.9 cm L IDC, untreated. Firm palpable ax. LN on the left.",
])
def test_a_node_positive_in_shorthand_is_node_positive(text: str) -> None:
    assert decision(text) == ("matched", "axilla-6", ())


@pytest.mark.parametrize("text, size", [
    ("54F, core bx R breast IDC measuring 5/8 in., axilla clinically negative, untreated", 1.59),
    ("54F, core bx R breast IDC measuring half-an-inch, axilla clinically negative, untreated", 1.27),
])
def test_an_abbreviated_inch_and_a_hyphenated_fraction_are_read(text: str, size: float) -> None:
    assert bot.analyze(text).facts["tumor_size_cm"] == size


def test_a_relatives_operation_is_not_the_patients() -> None:
    assert decision("46F, new 3.4 cm L IDC, axilla clinically negative, untreated. Her twin sister had a mastectomy "
                    "in 2019.") == ("matched", "axilla-5", ())


def test_a_drug_taken_to_lower_the_risk_is_no_treatment() -> None:
    assert decision("Newly diagnosed R breast IDC 3.2 cm, axilla clinically negative, untreated. Had been on "
                    "raloxifene for prevention.") == ("matched", "axilla-5", ())


def test_a_benign_phyllodes_operated_on_before_is_no_sarcoma() -> None:
    assert decision("51F, excision 2014 for a benign phyllodes; now a new palpable L axillary lump, not imaged, "
                    "no history of breast cancer") == ("matched", "axilla-1", ())


def test_the_cancer_of_a_past_timeline_entry_has_no_side_today() -> None:
    text = ("69F. 2008: L breast IDC, mastectomy + RT. Now: new 2.9 cm R breast mass, core bx IDC. Palpable R axillary "
            "node. Untreated.")
    assert decision(text) == ("matched", "axilla-6", ())


def test_a_negative_exam_of_the_other_side_says_nothing_of_this_one() -> None:
    text = "new 2.6 cm R breast IDC. Exam: no palpable adenopathy on the left; right axilla has a firm 1.5 cm node. 61F"
    assert decision(text) == ("matched", "axilla-6", ())
