"""Kinds of text found failing in session 27 (blind set s27a and breaker qa33), each in words of its own."""
from __future__ import annotations

import pytest

import bot


def facts(text: str) -> dict:
    return bot.analyze(text).facts


# --- sizes -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", ["?.? x 1.3 cm", "__ x 1.3 cm", "1.? cm", "1.3 cm (first digit illegible)",
                                  "1.3 x ?? x 0.9 cm [smudged]"])
def test_a_size_not_all_read_is_asked(size: str) -> None:
    result = bot.analyze(f"faxed referral: right breast IDC, new, {size}, axilla clinically normal, 71F")
    assert result.status == bot.NEEDS_INFO and result.missing == ["tumor_size_cm"]


def test_a_full_dimension_list_is_still_read() -> None:
    assert facts("new R breast IDC 2.6 x 1.3 cm, axilla clinically normal, 71F")["tumor_size_cm"] == 2.6


@pytest.mark.parametrize("biopsy", ["core needle biopsy", "needle core biopsy", "fine needle aspiration"])
def test_a_needle_that_names_a_biopsy_is_not_what_a_size_measures(biopsy: str) -> None:
    text = f"Left breast carcinoma proven on {biopsy}, 2.4 cm in sonography. Nodes impalpable. 63 yo woman."
    assert facts(text)["tumor_size_cm"] == 2.4


@pytest.mark.parametrize("focus", ["a satellite nodule of 2.3 cm", "second focus 2.3 cm",
                                   "an additional 2.3 cm lesion"])
def test_a_larger_focus_across_2_cm_is_asked(focus: str) -> None:
    result = bot.analyze(f"New multicentric R IDC: index tumour 1.6 cm and {focus}. cN0. 48F")
    assert result.status == bot.NEEDS_INFO and result.missing == ["tumor_size_cm"]


def test_a_smaller_focus_and_a_focus_distance_leave_the_size() -> None:
    assert bot.analyze("New R IDC 2.6 cm and a satellite nodule of 0.8 cm. cN0. 48F").variant_id == "axilla-5"
    assert bot.analyze("New R IDC 1.6 cm, satellite nodule 2.3 cm away. cN0. 48F").variant_id == "axilla-3"


@pytest.mark.parametrize("nodes", ["two normal-appearing nodes, largest 2.2 cm", "3 normal nodes, the largest 2.2 cm",
                                   "several reactive nodes, the biggest 2.2 cm"])
def test_the_largest_of_nodes_is_a_node_size(nodes: str) -> None:
    text = f"US L breast: 1.2 cm irregular mass, core bx IDC. L axilla: {nodes}. Exam: axilla normal. 57F"
    assert bot.analyze(text).variant_id == "axilla-3"


# --- nodes -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["Nobody has really examined the axilla yet.", "I doubt anyone examined her axilla.",
                                  "Her axilla was never examined.", "The surgeon didn't examine the axilla."])
def test_an_exam_said_not_done_leaves_the_nodes_unknown(said: str) -> None:
    result = bot.analyze(f"New L ILC 3.4 cm, axilla negative, 59F. {said}")
    assert result.status == bot.NEEDS_INFO and result.missing == ["clinical_nodes"]


@pytest.mark.parametrize("field", ["Neck: no lymphadenopathy.", "HEENT: normal, no nodes.", "ENT exam: nil nodes.",
                                   "Inguinal area: no palpable nodes.", "Supraclavicular: no nodes felt.",
                                   "Nodes (cervical, supraclavicular): none palpable.",
                                   "No lymph nodes enlarged in the groin."])
def test_a_node_exam_of_another_region_says_nothing_of_the_axilla(field: str) -> None:
    result = bot.analyze(f"New R IDC 1.4 cm, 66F, untreated. {field}")
    assert result.status == bot.NEEDS_INFO and result.missing == ["clinical_nodes"]


def test_an_axilla_field_is_still_the_axilla() -> None:
    assert bot.analyze("New R IDC 1.4 cm, 66F, untreated. Axilla: no nodes felt.").variant_id == "axilla-3"


@pytest.mark.parametrize("site", ["behind the left ear", "near the right elbow", "at the angle of the jaw",
                                  "in the tonsillar region", "left occipital"])
def test_a_node_of_the_head_or_arm_is_no_axillary_node(site: str) -> None:
    result = bot.analyze(f"New L IDC 1.4 cm, 52F, untreated. Palpable node {site}.")
    assert result.status == bot.NEEDS_INFO and result.missing == ["clinical_nodes"]


def test_a_node_of_the_head_without_a_cancer_is_out_of_scope() -> None:
    assert bot.analyze("29F, firm node behind the right ear x 2 weeks, no cancer history").status == bot.OUT_OF_SCOPE


@pytest.mark.parametrize("line", ["Right axillary node; ultrasound-guided core: metastatic carcinoma.",
                                  "Specimen: right axillary LN | Result: metastatic carcinoma | Clip: yes"])
def test_a_biopsy_result_told_after_its_node_proves_it(line: str) -> None:
    text = f"Core biopsy report. {line} Right breast IDC 3.9 cm. Neoadjuvant chemo now completed. 51F"
    assert bot.analyze(text).variant_id == "axilla-9"


def test_a_node_proven_after_a_past_cancer_is_a_regional_recurrence() -> None:
    text = "Hx L breast cancer 2016 (WLE, SLNB, RT, all finished). Now a L axillary node; FNA = metastatic carcinoma."
    assert facts(text)["diagnosis"] == "local_recurrence"


def test_a_minus_sign_glued_to_lad_denies_it() -> None:
    assert bot.analyze("71F new R IDC 2.2cm, -LAD on palpation, untreated").variant_id == "axilla-5"


def test_a_node_seen_on_an_mlo_view_is_a_mammography_finding() -> None:
    text = "Recall from screening: dense enlarged R axillary node on the MLO view only, breasts clear. 62F, no ca hx."
    assert bot.analyze(text).variant_id == "axilla-11"


def test_the_sides_of_an_exam_of_both_axillae_are_not_the_lumps() -> None:
    text = "38F, no cancer history. Both axillae palpated: a lump on the R, nothing on the L. No imaging yet."
    assert bot.analyze(text).variant_id == "axilla-1"


def test_contralateral_said_of_the_lump_itself_is_no_second_lump() -> None:
    text = "70F, hx L breast ca 2012 (mastectomy + chemo, completed). New firm R axillary lump (contralateral)."
    assert bot.analyze(text).variant_id == "axilla-1"


@pytest.mark.parametrize("side", ["right side only", "only on the right"])
def test_a_side_told_as_the_only_one_is_the_lumps(side: str) -> None:
    text = f"Solitary axillary lump, 1 cm, {side}. 47 year old woman, no breast history, nothing imaged."
    assert bot.analyze(text).variant_id == "axilla-1"


def test_a_side_opening_a_list_of_adjectives_is_the_lumps() -> None:
    text = "A 61-year-old woman presented with bilateral, mobile, rubbery axillary lumps; no breast mass; no imaging."
    assert bot.analyze(text).variant_id == "axilla-2"


# --- course ------------------------------------------------------------------------------------------------------

def test_a_dated_past_cancer_said_treated_is_not_a_second_breast() -> None:
    text = "64F, L breast ca 2009, treated. New R breast IDC 1.3 cm, cN0, untreated."
    assert bot.analyze(text).variant_id == "axilla-3"


def test_a_past_dcis_dated_with_its_operation_is_not_a_second_breast() -> None:
    text = "Background: L DCIS 2013, wide excision and RT, finished. Today: new R IDC 2.6 cm, axilla clinically clear."
    assert bot.analyze(text).variant_id == "axilla-5"


def test_the_last_cycle_said_given_completes_the_course() -> None:
    text = "Oct: final dose of neoadjuvant chemo administered. Mar: R IDC 3.1 cm, palpable R node. 44F"
    assert facts(text)["treatment"] == "neoadjuvant_completed"


@pytest.mark.parametrize("ongoing", ["receiving NST", "on neo-adj CTx, cycle 3",
                                     "having chemo prior to mastectomy", "on AC, surgery after"])
def test_chemotherapy_under_way_by_its_other_names_is_ongoing(ongoing: str) -> None:
    assert facts(f"3.6 cm R IDC, cN0, {ongoing}. 50F")["treatment"] == "neoadjuvant_ongoing"


def test_a_contralateral_axillary_recurrence_is_distant_disease() -> None:
    text = "Breast cancer recurrence in the opposite, i.e. contralateral (L) axilla, core-proven, 6 years after R WLE."
    assert bot.analyze(text).status == bot.OUT_OF_SCOPE


def test_metastatic_disease_queried_is_not_known() -> None:
    result = bot.analyze("New R IDC 2.2 cm, palpable R node, 47F, untreated. Bone mets? Scan booked.")
    assert result.status == bot.NEEDS_INFO and result.facts["distant_metastases"] is None


# --- who the words are about ---------------------------------------------------------------------------------------

def test_a_sex_letter_spoken_of_as_a_letter_is_no_sex() -> None:
    text = 'Form says "55F, new R IDC 2.4 cm, cN0". Correction: this is a 55-year-old man; the F was the form default.'
    assert facts(text)["sex"] == "male"


def test_the_pronoun_after_a_doctors_name_is_the_doctors() -> None:
    assert facts("49 yo, new R IDC 1.2 cm, cN0. From Dr Ana Costa Reis; he asks about the axilla.")["sex"] is None


def test_an_acronym_in_capitals_is_not_mended_as_a_typo() -> None:
    assert facts("3.6 cm R IDC, cN0, on NST. 50F")["treatment"] == "neoadjuvant_ongoing"


@pytest.mark.parametrize("text", ["no wait, 2.9 was right", "right, and she is 61", "2.9 cm, right?"])
def test_right_meaning_correct_is_no_side(text: str) -> None:
    assert facts(text).get("axillary_lump") is None and bot.extract(text).side is None


# --- text as it arrives ----------------------------------------------------------------------------------------------

def test_a_no_read_as_n_zero_in_a_scanned_note_is_no() -> None:
    text = "PT 5O y/o F. New R IDC 2.4 crn, axi1la c1inically neg. N0 distant disease on PET. N0 treatment yet."
    result = bot.analyze(text)
    assert result.facts["distant_metastases"] is False and result.variant_id == "axilla-5"


@pytest.mark.parametrize("header", ["finding\tsize\tcortex", "lesion,size,cortex"])
def test_a_table_of_findings_is_one_patients(header: str) -> None:
    sep = "\t" if "\t" in header else ","
    rows = [sep.join(["R breast mass", "23 mm", "-"]), sep.join(["R axillary node", "14 mm", "5 mm suspicious"])]
    text = "\n".join([header] + rows) + "\nMass core biopsy: IDC, new. 58F, untreated."
    assert bot.analyze(text).variant_id == "axilla-6"


def test_what_the_patient_had_not_noticed_is_no_negative_exam() -> None:
    text = ("Her GP felt a lump in the left armpit; she had not noticed it herself. No breast cancer history, no "
            "imaging yet. On exam: 1.5 cm mobile left axillary lump. 61F")
    assert bot.analyze(text).variant_id == "axilla-1"


def test_a_timeline_s_last_dose_entry_completes_the_chemotherapy_before_it() -> None:
    text = "Dx: L IDC 3.3 cm, cN1. Mar-Jul neoadjuvant EC-T; 28 Jul final cycle; op planned 20 Aug. 46F"
    assert bot.analyze(text).variant_id == "axilla-9"


# --- breaker qa34 ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("nodes", ["no suspicious lymph nodes", "no axillary nodes seen", "no nodes identified"])
def test_nodes_denied_in_the_words_of_imaging_leave_the_exam_unknown(nodes: str) -> None:
    result = bot.analyze(f"62F, new L IDC 2.8 cm, {nodes}, untreated")
    assert result.status == bot.NEEDS_INFO and result.missing == ["clinical_nodes"]


@pytest.mark.parametrize("doubt", ["though I'm not sure about the exact size", "size uncertain (old report)"])
def test_a_size_the_writer_doubts_is_asked(doubt: str) -> None:
    result = bot.analyze(f"new L IDC 2.2 cm, cN0, untreated, 52F, {doubt}")
    assert result.status == bot.NEEDS_INFO and result.missing == ["tumor_size_cm"]


@pytest.mark.parametrize("said, variant", [("axilla clinically suspicious", "axilla-6"),
                                           ("axillary examination abnormal", "axilla-6"),
                                           ("axilla clinically uninvolved", "axilla-5"),
                                           ("axilla clinically not suspicious", "axilla-5"),
                                           ("LN- on exam", "axilla-5")])
def test_the_axillas_exam_in_other_words(said: str, variant: str) -> None:
    assert bot.analyze(f"55F, new R IDC 3.3 cm, {said}, not yet treated").variant_id == variant


def test_a_node_said_not_normal_on_imaging_is_abnormal() -> None:
    text = "55F, new R IDC 1.2 cm, no node felt but the US says the node is not entirely normal, untreated"
    assert bot.analyze(text).variant_id == "axilla-4"


def test_adenopathy_on_imaging_beside_an_exam_not_documented_is_positive() -> None:
    text = "55F, new R IDC 3.3 cm, R axillary adenopathy on MRI (no exam documented), untreated"
    assert bot.analyze(text).facts["clinical_nodes"] == "positive"


def test_an_icd10_breast_cancer_code_is_a_diagnosis() -> None:
    assert bot.analyze("F 66, C50.9 left, 1.7 cm, axilla cN0, untreated").variant_id == "axilla-3"


def test_oedema_around_a_mass_is_not_its_size() -> None:
    text = "New L IDC 1.3 cm with 2.4 cm of surrounding edema, cN0, untreated, 70F"
    assert bot.analyze(text).variant_id == "axilla-3"


def test_a_past_cancer_told_after_a_new_one_keeps_its_size_and_operation() -> None:
    text = ("52F, new L IDC 2.7 cm, axilla clinically normal, untreated. Her earlier R breast cancer (2009, 1.2 cm) "
            "was treated with mastectomy.")
    assert bot.analyze(text).variant_id == "axilla-5"


def test_an_operation_named_in_brackets_and_then_scheduled_is_planned() -> None:
    text = "52F, new L IDC 2.7 cm, axilla clinically normal. Operation (mastectomy) planned for next month."
    assert bot.analyze(text).variant_id == "axilla-5"


def test_a_recurrence_said_after_its_first_cancer_s_history_is_current() -> None:
    text = "she mentions her L breast cancer treated in 2009 - so this is a recurrence in the same breast, core proven"
    assert bot.extract(text, side="left").facts["diagnosis"] == "local_recurrence"


def test_a_size_revised_with_words_between_is_corrected() -> None:
    text = "63F new R IDC, first read as 1.7 cm, amended after double reading to 2.4 cm. cN0. untreated."
    assert bot.analyze(text).variant_id == "axilla-5"
