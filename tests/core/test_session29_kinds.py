"""Kinds of text found failing in session 29 (blind set s29a, breaker qa36, and kinds left from session 28), each
in words of its own."""
from __future__ import annotations

import pytest

import bot
from bot.nlp.normalise import normalise


def facts(text: str) -> dict:
    return bot.analyze(text).facts


# --- forms ------------------------------------------------------------------------------------------------------------

def test_an_unchecked_option_ends_at_its_sentence() -> None:
    text = "Systemic therapy: [X] none so far [ ] in progress. 73F, new R ILC 2.3 cm; R axillary node felt on exam."
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"], result.facts["age"]) == ("axilla-6", 2.3, 73)


# --- chemotherapy: parts and cycles -----------------------------------------------------------------------------------

def test_the_next_part_of_the_course_begun_is_chemotherapy_under_way() -> None:
    text = ("39F, R breast IDC 4.2 cm, node-negative on exam before treatment. Neoadjuvant: completed 4 cycles of EC, "
            "weekly docetaxel commenced 5 days ago. Today a new firm R axillary lump.")
    assert facts(text)["treatment"] == "neoadjuvant_ongoing"


def test_a_numbered_cycle_done_is_how_far_she_is() -> None:
    text = "L IDC 2.7 cm, clinically N0 at diagnosis, 58F; neoadjuvant chemotherapy: finished cycle 3 on Friday."
    result = bot.analyze(text)
    assert result.status != "matched" and result.facts["treatment"] != "neoadjuvant_completed"


def test_the_last_numbered_cycle_of_a_told_course_completes_it() -> None:
    text = ("R IDC 3.9 cm at diagnosis, cN0, 50F. Neoadjuvant EC-T for 8 cycles, she completed cycle 8 three "
            "weeks ago. Surgery booked.")
    assert facts(text)["treatment"] == "neoadjuvant_completed"


# --- N categories and node-status words not stated of her -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "57F, newly diagnosed 1.7 cm L IDC, clinically node negative, untreated. The GP letter's cN1 was a mistake.",
    "57F, newly diagnosed 1.7 cm L IDC, cN0 (N1 disease excluded on careful exam), untreated.",
    "57F, newly diagnosed 1.7 cm L IDC, exam shows no axillary nodes, untreated. Were she N1, would you biopsy?",
])
def test_an_n_category_withdrawn_denied_or_supposed_is_not_hers(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


@pytest.mark.parametrize("text", [
    "66F, new 2.9 cm R IDC, no nodes felt in the R axilla, untreated. Prior to this visit she was labelled cN1.",
    "66F, new 2.9 cm R IDC, cN0, untreated. Her tumour board form says N1 though.",
    "66F, new 2.9 cm R IDC, R axilla normal to palpation, untreated; chance of node-positive disease ~25%.",
])
def test_a_positive_status_named_beside_a_negative_exam_is_asked(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == ("needs_info", ["clinical_nodes"])


def test_a_node_of_a_supposed_status_is_no_node_of_hers() -> None:
    text = "70F, new 1.6 cm R IDC, no palpable R axillary nodes, untreated. Would positive nodes alter management?"
    assert bot.analyze(text).variant_id == "axilla-3"


def test_no_special_type_denies_nothing() -> None:
    text = "A 52-year-old with a 3.3 cm right breast carcinoma of no special type, cT2 cN0, before any treatment."
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-5", "negative")


# --- exams that disagree ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "New L IDC 3.4 cm, 61F, untreated; one surgeon palpated a firm L axillary node, a second did not.",
    "New L IDC 3.4 cm, 61F, untreated. Axillary examination discordant between the two surgeons (node vs no node).",
])
def test_exams_said_to_disagree_leave_the_status_asked(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == ("needs_info", ["clinical_nodes"])


# --- questions and ranges ---------------------------------------------------------------------------------------------

def test_a_yes_no_question_about_her_states_nothing() -> None:
    text = ("62F, 3.6 cm R IDC, on neoadjuvant AC (3rd cycle), now a new R axillary lump. Is she clinically "
            "node-negative from before chemo? The referral letter is silent on it.")
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == ("needs_info", ["clinical_nodes"])


def test_an_approximate_range_across_2_cm_is_asked() -> None:
    result = bot.analyze("59F, new R IDC ~1.7–2.4 cm, clinically N0, untreated")
    assert (result.status, result.missing[:1]) == ("needs_info", ["tumor_size_cm"])


# --- sizes of one work-up ---------------------------------------------------------------------------------------------

def test_a_study_weeks_ago_of_this_work_up_stands_beside_today_s() -> None:
    text = ("68F, new R ILC. US two weeks ago measured it at 1.6 cm; MRI yesterday measures 3.2 cm. "
            "Axilla clinically negative. Not yet treated.")
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == ("needs_info", ["tumor_size_cm"])


# --- past treatment, occult primary, plans ----------------------------------------------------------------------------

def test_tamoxifen_finished_beside_chemotherapy_is_no_neoadjuvant_endocrine_therapy() -> None:
    text = ("70F. L breast cancer 2009, treated with surgery, chemotherapy and tamoxifen, all completed. "
            "Now a L axillary node, biopsy: recurrent breast carcinoma.")
    assert bot.analyze(text).variant_id == "axilla-10"


@pytest.mark.parametrize("text", [
    "CUP: 63F, biopsy of a R axillary node shows carcinoma, likely breast; breast imaging unremarkable. Next?",
    "63F, R axillary node core biopsy = adenocarcinoma; mammogram, ultrasound and breast MRI all negative.",
])
def test_a_node_s_carcinoma_with_clear_breasts_is_an_occult_primary(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == ("out_of_scope", "occult_primary")


def test_a_first_cycle_on_a_day_to_come_is_no_treatment_yet() -> None:
    text = "54F, new L IDC 3.0 cm with a palpable L axillary node; C1D1 of neoadjuvant TC is scheduled for Friday."
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-6", "none")


# --- English as other languages shape it ------------------------------------------------------------------------------

def test_calques_of_history_lump_and_ct() -> None:
    text = ("Lady of 59 years without antecedents of cancer; painless tumefaction of the left axilla seen on the "
            "scanner done for a cough, suspect. First exam?")
    result = bot.analyze(text)
    assert (result.facts["diagnosis"], result.facts["node_finding"]) == ("none_known", "other_imaging")


# --- other people's titles and pronouns ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "New L IDC 1.3 cm in a 66-year-old, axilla clinically negative, untreated. Consultant: Mr K. Osei.",
    "New L IDC 1.3 cm in a 66-year-old, axilla clinically negative, untreated. Referred by the breast team "
    "(Mr P. Lowe, consultant surgeon).",
    "New L IDC 1.3 cm in a 66-year-old, axilla clinically negative, untreated. Letter copied to Dr. Haddad (he/him).",
    "New L IDC 1.3 cm in a 66-year-old, axilla clinically negative, untreated. Booked for clinic F (Friday).",
])
def test_a_clinician_s_title_pronoun_or_a_stray_letter_is_not_the_patient_s_sex(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["sex"]) == ("axilla-3", None)


def test_a_man_s_title_that_opens_the_case_is_the_patient_s() -> None:
    result = bot.analyze("Mr T. Nakamura, 71, new R breast IDC 2.4 cm, palpable R axillary node, untreated.")
    assert (result.status, result.facts["sex"]) == ("out_of_scope", "male")


# --- a node statement taken back -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "74F, new L IDC 1.1 cm, untreated. I initially thought I could feel a L axillary node, but on repeat exam the "
    "axilla is clear.",
    "74F, new L IDC 1.1 cm, untreated. The palpable L axillary node in the GP letter is wrong; no nodes on my exam.",
    "74F, new L IDC 1.1 cm, untreated; I wrote 'palpable node' before but I was mistaken - axilla clinically clear.",
])
def test_a_node_statement_taken_back_leaves_the_negative_exam(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


# --- suppositions asked about after the case -------------------------------------------------------------------------

def test_metastases_supposed_in_a_question_are_not_hers() -> None:
    result = bot.analyze("63F, new R IDC 2.6 cm, axilla clinically negative, untreated. And what if her staging CT "
                         "showed liver metastases?")
    assert (result.variant_id, result.facts["distant_metastases"]) == ("axilla-5", None)


def test_a_breast_mass_supposed_in_a_would_question_is_not_hers() -> None:
    result = bot.analyze("52F, never had breast cancer, new lump in the R armpit, no imaging yet. Would a mass in the "
                         "R breast on exam make a difference?")
    assert result.variant_id == "axilla-1"


def test_a_replacement_across_reordered_parts_maps_to_the_range_of_both() -> None:
    norm = normalise("one \n&gt; cm")[0]  # the quoted line is read first, and "cm one" becomes "cM1" across the parts
    assert all(s <= e for s, e in zip(norm.starts, norm.ends))


# --- what else a report measures -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "New L IDC: 3.1 cm of associated architectural distortion, the mass itself 1.4 cm. cN0, untreated, 58F.",
    "New L IDC, 58F: NME over 5 cm on MRI, invasive component 1.4 cm on US; cN0; untreated.",
    "New L IDC in a 58F, lesion depth 2.8 cm, size 1.4 cm; cN0; untreated.",
])
def test_what_surrounds_or_lies_over_the_mass_is_not_its_size(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", 1.4)


@pytest.mark.parametrize("text, size, variant", [
    ("New R IDC 0.7 in on the outside US, cN0, 62F, untreated.", 1.78, "axilla-3"),
    ("New R IDC, about an inch and a half, cN0, 62F, untreated.", 3.81, "axilla-5"),
    ("New R IDC measuring 1.2 inches, cN0, 62F, untreated.", 3.05, "axilla-5"),
])
def test_a_size_in_inches_is_read_in_centimetres(text: str, size: float, variant: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == (variant, size)


def test_in_after_a_number_is_a_preposition_before_a_place() -> None:
    assert "in the" in normalise("had 2 in the right breast")[0].text


# --- both axillae, several tumours, "ca" -----------------------------------------------------------------------------

def test_both_axillae_named_before_a_negative_exam_are_both_clear() -> None:
    text = "61F, new L IDC 3.0 cm, untreated. PE: L and R axillae without palpable adenopathy."
    assert bot.analyze(text).variant_id == "axilla-5"


def test_a_node_of_one_side_after_both_axillae_named_stays_on_its_side() -> None:
    text = "61F, new L IDC 3.0 cm, untreated. Left axilla and right axilla: one hard node, right side only."
    assert bot.analyze(text).status != "matched"


def test_the_largest_of_a_multicentric_cancer_s_tumours_is_the_size() -> None:
    text = "Multicentric L breast IDC - lower inner focus 1.3 cm, upper outer focus 2.2 cm; cN0; untreated; 47F."
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.2)


def test_two_studies_of_a_multifocal_cancer_that_disagree_are_asked() -> None:
    result = bot.analyze("Multifocal R IDC, largest 1.7 cm on mammography but 2.6 cm on MRI, cN0, untreated, 47F.")
    assert (result.status, result.missing[:1]) == ("needs_info", ["tumor_size_cm"])


def test_ca_after_breast_is_the_cancer_not_circa() -> None:
    assert bot.analyze("R breast ca 20 mm, axilla clinically negative, untreated, 70F").variant_id == "axilla-3"


@pytest.mark.parametrize("text", [
    "HISTORY: Mr. Osei, 71. GP letter attached. New R IDC 1.6 cm, no palpable nodes, untreated.",
    "Seen in clinic with Mr Brennan, 67, who has a new L breast IDC 2.5 cm and a palpable L axillary node.",
])
def test_a_man_named_before_a_later_clinician_or_after_with_is_still_the_patient(text: str) -> None:
    assert bot.analyze(text).facts["sex"] == "male"


# --- scanned and mistyped characters ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, size", [
    ("L IDC 2.O cm at diagnosis, cN0, completed neoadjuvant chemo, 49F", 2.0),
    ("L IDC 3O mm at diagnosis, cN0, completed neoadjuvant chemo, 49F", 3.0),
    ("L IDC 2.6 сm at diagnosis, cN0, completed neoadjuvant chemo, 49F", 2.6),  # a Cyrillic "с"
])
def test_a_scanner_s_or_a_keyboard_s_look_alike_letters_in_a_size_are_read(text: str, size: float) -> None:
    assert bot.analyze(text).facts["tumor_size_cm"] == size


def test_a_word_wholly_in_another_script_keeps_its_letters() -> None:
    assert normalise("рак 3 см")[0].text == "рак 3 см"


def test_a_size_field_beside_another_study_s_size_across_2_cm_is_asked() -> None:
    result = bot.analyze("new L breast IDC, size 1.5 cm on US, 2.8 cm on MRI; axilla clinically negative; 66F")
    assert (result.status, result.missing[:1]) == ("needs_info", ["tumor_size_cm"])


def test_a_breast_infection_without_cancer_or_axillary_finding_is_not_this_topic() -> None:
    result = bot.analyze("34F, 3 weeks postpartum, hot swollen R breast, febrile, query breast abscess. Imaging?")
    assert (result.status, result.facts["encounter"]) == ("out_of_scope", "unrelated")


def test_an_axillary_lump_beside_a_breast_infection_is_still_an_axillary_lump() -> None:
    text = "29F breastfeeding, L mastitis treated last month; now a tender L axillary lump, never had breast cancer"
    assert bot.analyze(text).variant_id == "axilla-1"


def test_a_size_in_a_fraction_of_a_metre_is_read_in_centimetres() -> None:
    result = bot.analyze("new R IDC, size 0.026 m, axilla clinically negative, untreated, 59F")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.6)
