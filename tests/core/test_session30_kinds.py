"""Kinds of text found failing in session 30 (kinds left from session 29, blind set s30a, breaker qa37), each in
words of its own."""
from __future__ import annotations

import pytest

import bot


def facts(text: str) -> dict:
    return bot.analyze(text).facts


# --- assertions: brackets and answered questions ----------------------------------------------------------------------

def test_a_modifier_in_brackets_with_its_own_target_keeps_to_them() -> None:
    text = "49F, newly diagnosed L breast IDC 1.7 cm, clinically N0 (an earlier letter had N1, since corrected), no tx"
    result = bot.analyze(text)
    assert (result.status, result.variant_id, result.facts["clinical_nodes"]) == ("matched", "axilla-3", "negative")


def test_a_modifier_in_brackets_without_a_target_there_still_reaches_out() -> None:
    text = "61F, new R IDC 2.9 cm, untreated; R axillary adenopathy (not palpable) seen on CT only"
    assert facts(text)["node_finding"] != "palpable"


def test_a_question_answered_no_before_a_dash_is_denied() -> None:
    text = "R breast IDC 2.4 cm, new dx, 66F. Node positive? Nope - cN0 on my exam today. Untreated."
    result = bot.analyze(text)
    assert (result.status, result.variant_id) == ("matched", "axilla-5")


def test_a_question_answered_no_on_the_next_speakers_line_is_denied() -> None:
    text = ("Nurse: Has she started any chemo or hormone tablets?\nDr Okafor: No.\n"
            "Dr Okafor: new L IDC 1.2 cm on core, axilla clear to palpation, 57 year old lady.")
    result = bot.analyze(text)
    assert (result.status, result.variant_id, result.facts["treatment"]) == ("matched", "axilla-3", "none")


def test_a_no_that_only_narrows_the_question_denies_nothing() -> None:
    text = "52F, never had breast cancer; lumps in both armpits? no - only the left one. Nothing imaged yet."
    result = bot.analyze(text)
    assert (result.status, result.variant_id) == ("matched", "axilla-1")


# --- chemotherapy: an early numbered cycle ----------------------------------------------------------------------------

def test_an_early_numbered_cycle_given_is_chemotherapy_under_way() -> None:
    text = "L IDC 3.2 cm, cN0, 44F; got C1 of neoadjuvant EC-T on Tuesday, i.e. had cycle 1 three days ago."
    assert facts(text)["treatment"] == "neoadjuvant_ongoing"


def test_a_later_numbered_cycle_with_no_course_length_is_asked() -> None:
    text = "R IDC 4.1 cm at diagnosis, cN0, 47F; completed cycle 6 of neoadjuvant TCHP last week"
    result = bot.analyze(text)
    assert result.status == "needs_info" and "treatment" in result.missing


# --- treatment: operations by other names, and treatment words no reader places ---------------------------------------

@pytest.mark.parametrize("done", ["she had a sectorectomy ten days ago", "post axillary node clearance",
                                  "s/p SNB (0/2)", "lumpectomies on both sides last month",
                                  "Operation: done", "she is back from theatre"])
def test_an_operation_by_another_name_is_surgery_done(done: str) -> None:
    text = f"63F, R breast IDC 2.7 cm, node-negative on exam; {done}."
    result = bot.analyze(text)
    assert (result.status, result.facts["treatment"]) == ("out_of_scope", "post_surgery")


@pytest.mark.parametrize("given", ["C2D8 was yesterday", "her last infusion was on Friday", "she is on immunotherapy",
                                   "currently receiving therapy at the cancer centre", "s/p ablatio mammae"])
def test_treatment_words_no_reader_places_ask_the_treatment(given: str) -> None:
    text = f"63F, R breast IDC 2.7 cm, node-negative on exam; {given}."
    result = bot.analyze(text)
    assert result.status == "needs_info" and "treatment" in result.missing


@pytest.mark.parametrize("text", [
    "63F, new R breast IDC 2.7 cm, node-negative on exam. Her earlier L breast cancer (2009, 1.1 cm) was treated "
    "with a lumpectomy.",
    "63F, new R breast IDC 2.7 cm, node-negative on exam; treatment to be decided at the MDT.",
    "63F, new R breast IDC 2.7 cm, node-negative on exam; s/p staging CT, clear."])
def test_a_past_cancers_treatment_a_plan_or_a_study_asks_nothing(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.variant_id) == ("matched", "axilla-5")


def test_neoadjuvant_systemic_therapy_abbreviated_is_asked_when_done_and_ongoing_when_under_way() -> None:
    done = bot.analyze("R IDC 3.1 cm at dx, cN0, 52F, NAST completed, surgery in 2 weeks")
    assert done.status == "needs_info" and "treatment" in done.missing
    assert facts("R IDC 3.1 cm at dx, cN0, 52F, on NAT, cycle 4 of 6")["treatment"] == "neoadjuvant_ongoing"


def test_primary_endocrine_therapy_is_neoadjuvant_endocrine_therapy() -> None:
    result = bot.analyze("77F, L IDC 3.6 cm, ER strongly positive, cN0; primary endocrine therapy with anastrozole "
                         "since June, operation later")
    assert result.status == "out_of_scope" and result.facts["encounter"] == "endocrine_therapy"


# --- nodes: a study that shows it too, a relative's nodes -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "47F, no breast cancer ever. PET-CT: avid L axillary node; targeted ultrasound confirms a suspicious node.",
    "47F, no breast cancer ever; suspicious L axillary node on MRI and on ultrasound.",
    "47F, no breast cancer ever; suspicious L axillary node (MRI, US)."])
def test_a_node_another_study_found_that_us_shows_too_is_row_11(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-11"


@pytest.mark.parametrize("text", [
    "47F, no breast cancer ever; suspicious L axillary node on MRI, ultrasound booked for Monday.",
    "47F, no breast cancer ever; MRI: suspicious L axillary node, normal mammogram last spring.",
    "47F, no breast cancer ever; suspicious L axillary node on MRI - ultrasound next?"])
def test_a_us_to_come_asked_for_or_normal_leaves_row_12(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-12"


def test_a_relative_who_opens_a_sentence_is_its_subject() -> None:
    text = ("34F, never had breast cancer. Her aunt was diagnosed at the age of 44 with a 4 cm tumour and suspicious "
            "axillary nodes on ultrasound. Today a new palpable R axillary lump, nothing imaged.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-1", "palpable")


def test_a_node_measured_and_called_normal_is_a_node() -> None:
    text = ("New L breast IDC on core. US: 2.4 cm irregular mass; 11 mm L axillary lymph node of normal appearance. "
            "Exam: axilla clinically negative. 59F, untreated.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.4)


def test_uptake_on_a_nuclear_study_is_a_suspicious_node() -> None:
    text = "Sestamibi scan (done elsewhere): focal uptake in a right axillary node. No known breast cancer. 61F."
    assert bot.analyze(text).variant_id == "axilla-12"


def test_a_lump_under_each_arm_is_bilateral() -> None:
    assert bot.analyze("40F, no breast ca hx, a firm lump under each arm, no imaging").variant_id == "axilla-2"
    assert bot.analyze("40F, no breast ca hx, lumps in both underarms, no imaging").variant_id == "axilla-2"


# --- diagnosis: the same breast again ---------------------------------------------------------------------------------

def test_a_new_cancer_in_a_breast_treated_before_is_its_recurrence() -> None:
    text = ("71F. L breast IDC in 2012 treated with wide local excision and radiotherapy, finished. Now core bx: IDC "
            "1.3 cm, L breast; cN0.")
    assert bot.analyze(text).variant_id == "axilla-10"


def test_a_second_primary_named_or_the_other_breast_is_a_new_cancer() -> None:
    other = ("71F. L breast IDC in 2012 treated with wide local excision and radiotherapy, finished. Now core bx: IDC "
             "1.3 cm, R breast; cN0.")
    named = ("71F. L breast IDC in 2012 treated with wide local excision and radiotherapy, finished. Now a second "
             "primary: IDC 1.3 cm in the L breast; cN0.")
    assert bot.analyze(other).variant_id == "axilla-3" and bot.analyze(named).variant_id == "axilla-3"


# --- sizes ------------------------------------------------------------------------------------------------------------

def test_a_t_category_then_a_dash_then_its_size_is_both() -> None:
    result = bot.analyze("cT2 - 3.8 cm mass R breast, core: ILC, new. cN0. 66F. Untreated.")
    assert (result.variant_id, result.facts["tumor_size_cm"], result.facts["t_category"]) == ("axilla-5", 3.8, "T2")


def test_the_size_of_the_cancer_chemotherapy_is_given_for_is_its_size_at_diagnosis() -> None:
    text = ("52F now halfway through neoadjuvant EC for a 3.4 cm L breast cancer, clinically N0 at diagnosis; a new "
            "palpable L axillary lump this week")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-7", 3.4)


# --- dictation --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, variant", [
    ("forty four year old woman no breast cancer history see tea chest shows a suspicious node in the left axle airy "
     "what next", "axilla-12"),
    ("thirty nine year old woman lumps in both axe ill a for too weeks no history of breast cancer know imaging yet",
     "axilla-2"),
    ("new left breast IDC two point six centimetres, the lymph no'd in the left axilla is palpable, fifty year old "
     "woman, no treatment", "axilla-6")])
def test_dictation_homophones_of_the_topics_words(text: str, variant: str) -> None:
    assert bot.analyze(text).variant_id == variant


def test_a_negation_stops_at_a_study_named_after_it_in_run_on_dictation() -> None:
    text = ("fifty two year old woman no prior breast cancer ultrasound shows a suspicious lymph node in the right "
            "axilla what is next")
    assert bot.analyze(text).variant_id == "axilla-11"


def test_ill_defined_margins_make_no_cancer_or_size_uncertain() -> None:
    text = "New R breast cancer: 2.8 cm ill-defined IDC on core biopsy, no palpable axillary nodes, 57F, untreated."
    assert bot.analyze(text).variant_id == "axilla-5"


def test_a_cancer_that_has_come_back_is_a_recurrence() -> None:
    text = ("80F, her cancer's come back at the mastectomy scar, L chest wall, proven on punch biopsy. What for the "
            "axilla?")
    assert bot.analyze(text).facts["diagnosis"] == "local_recurrence"


def test_an_operation_not_yet_done_says_nothing_of_a_treatment_given() -> None:
    result = bot.analyze("57F, L IDC 3.4 cm, clinically N0. Systemic therapy: completed. Operation: not yet.")
    assert result.status == "needs_info" and "treatment" in result.missing


@pytest.mark.parametrize("text", ["44F, R IDC 2.6 cm at diagnosis, cN0. Chemotherapy: 6/6. Operation booked.",
                                  "44F, R IDC 2.6 cm at diagnosis, cN0. NAC: completed. Operation: not yet."])
def test_a_form_of_chemotherapy_done_and_the_operation_to_come_is_row_8(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-8"


def test_an_operation_named_before_the_dated_cancer_it_treated_makes_it_past() -> None:
    text = "68F, s/p L mastectomy and reconstruction for ILC 2011; now core bx: ILC 1.2 cm in the L breast, cN0"
    assert bot.analyze(text).variant_id == "axilla-10"
