"""Kinds of text found failing in session 32 (blind set s32a, breaker qa39, kinds left from earlier sets), each in
words of its own."""
from __future__ import annotations

import pytest

import bot


def decision(text: str) -> tuple:
    result = bot.analyze(text)
    return result.status, result.variant_id, tuple(result.missing)


# --- the course of neoadjuvant chemotherapy ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "49F, L breast IDC 4.1 cm when diagnosed, no nodes felt then; cycles 1-4 of 8 of neoadjuvant chemo given; "
    "a new lump is palpable in the L axilla",
    "49F, L breast IDC 4.1 cm when diagnosed, no nodes felt then; neoadjuvant chemo, C1–2/6 done; a new lump is "
    "palpable in the L axilla",
    "49F, L breast IDC 4.1 cm when diagnosed, no nodes felt then; 4 cycles of NAC so far, two more planned; a new lump "
    "is palpable in the L axilla",
])
def test_a_course_counted_short_of_its_end_is_under_way(text: str) -> None:
    assert decision(text) == ("matched", "axilla-7", ())


def test_a_range_of_cycles_reaching_the_total_is_not_under_way() -> None:
    assert decision("49F, L breast IDC 4.1 cm when diagnosed, no nodes felt then; NAC cycles 1-6 of 6 given, "
                    "mastectomy in 3 weeks")[1] != "axilla-7"


# --- lists of lesions -------------------------------------------------------------------------------------------------

def test_a_listed_lesion_called_benign_is_not_the_tumour() -> None:
    text = ("US R breast, 3 lesions:\n"
            "1) 9 o'clock, 0.9 cm irregular hypoechoic mass; biopsy: invasive ductal carcinoma\n"
            "2) 1 o'clock, 2.4 cm oval circumscribed mass, probably benign, BI-RADS 3\n"
            "3) 6 o'clock, 0.5 cm simple cyst\n"
            "Axilla: no palpable adenopathy on exam. 61F, no treatment yet.")
    assert decision(text) == ("matched", "axilla-3", ())


def test_a_listed_lesion_not_called_benign_still_disagrees() -> None:
    text = ("US R breast, 2 lesions:\n"
            "- 9 o'clock, 0.9 cm irregular mass; biopsy: invasive ductal carcinoma\n"
            "- 1 o'clock, 2.4 cm irregular mass, biopsy pending\n"
            "Axilla: no palpable adenopathy on exam. 61F, no treatment yet.")
    assert decision(text)[0] == "needs_info"


def test_a_benign_reading_outside_a_list_does_not_set_a_size_aside() -> None:
    text = ("61F. US: 2.4 cm oval mass at 1 o'clock, thought benign. MRI: 1.6 cm enhancing mass. Core biopsy: invasive "
            "ductal carcinoma. No palpable axillary nodes; untreated.")
    assert decision(text)[0] == "needs_info"


# --- bounds on a size -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [
    "1.7 cm or larger", "1.6+ cm", "1.4 cm minimum", "min. 1.9 cm", "≥ 1.7 cm", "1.6 cm, perhaps bigger",
    "1.3 cm and enlarging", "no less than 1.8 cm",
    "2.8 cm or smaller", "2.4 cm max", "max. 4 cm", "3.5 cm at most", "2.6 cm tops", "no bigger than 2.9 cm",
    "not exceeding 4 cm", "≤ 2.2 cm", "up to 2.7 cm",
])
def test_a_bound_on_either_side_of_2_cm_is_asked(size: str) -> None:
    assert decision(f"new R breast ILC {size}, R axilla clinically clear, no treatment given, 67F") \
        == ("needs_info", None, ("tumor_size_cm",))


@pytest.mark.parametrize("size, variant", [
    ("1.2 cm max", "axilla-3"), ("no larger than 1.9 cm", "axilla-3"), ("≤ 1.5 cm", "axilla-3"),
    ("2.4 cm or more", "axilla-5"), ("not less than 3 cm", "axilla-5"), ("2.6+ cm", "axilla-5"),
])
def test_a_bound_on_one_side_of_2_cm_gives_that_side(size: str, variant: str) -> None:
    assert decision(f"new R breast ILC {size}, R axilla clinically clear, no treatment given, 67F") \
        == ("matched", variant, ())


def test_a_plus_between_a_size_and_the_next_finding_is_no_bound() -> None:
    assert decision("new R breast ILC 2.7 cm + firm palpable R axillary node, no treatment given, 67F") \
        == ("matched", "axilla-6", ())


def test_a_measuring_maximum_is_the_size() -> None:
    assert decision("new R breast ILC, maximal diameter 2.7 cm, R axilla clinically clear, untreated, 67F") \
        == ("matched", "axilla-5", ())


def test_a_size_offered_again_as_another_number_is_asked() -> None:
    assert decision("58F, new L IDC 2.4 cm — or was it 1.4? will check the report. L axilla clear on exam, "
                    "untreated")[0] == "needs_info"


@pytest.mark.parametrize("size, cm", [
    ("a centimetre", 1.0), ("a centimetre and a quarter", 1.25), ("a cm and three quarters", 1.75),
    ("three inches", 7.62),
])
def test_a_unit_counted_in_words_is_read(size: str, cm: float) -> None:
    result = bot.analyze(f"44F, biopsy-proven L breast IDC of {size}, no palpable L axillary nodes, untreated")
    assert result.facts["tumor_size_cm"] == cm


# --- the nodal status -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("denial", [
    "it isn't correct that her axilla is clear",
    "I cannot accept that there are no nodes",
    "her axilla is not devoid of palpable nodes",
    "there is no lack of palpable adenopathy",
    "axilla negative? incorrect",
])
def test_a_denied_negative_exam_is_not_negative(denial: str) -> None:
    assert decision(f"63F, new R breast IDC 2.9 cm, untreated; {denial}") == ("needs_info", None, ("clinical_nodes",))


@pytest.mark.parametrize("site", ["supraclavicular", "infraclavicular"])
def test_a_clavicular_node_beside_a_clear_axilla_is_node_positive(site: str) -> None:
    assert decision(f"63F, new R breast IDC 2.9 cm, no palpable R axillary nodes, palpable R {site} node, untreated") \
        == ("matched", "axilla-6", ())


def test_a_doubt_about_something_else_leaves_the_nodal_status() -> None:
    assert decision("63F, new R breast IDC 2.9 cm, untreated, cN0, not sure whether the MDT meets on Friday") \
        == ("matched", "axilla-5", ())


def test_a_doubt_about_the_node_still_leaves_it_open() -> None:
    assert decision("63F, new R breast IDC 2.9 cm, firm R axillary node, not sure about it, untreated")[0] \
        == "needs_info"


@pytest.mark.parametrize("text, status", [
    ("70F, screening mammography shows a L axillary lymph node that looks unusual; breasts clear, no cancer "
     "history", ("matched", "axilla-11", ())),
])
def test_a_node_that_looks_unusual_is_suspicious(text: str, status: tuple) -> None:
    assert decision(text) == status


def test_a_node_biopsied_in_the_other_axilla_that_shows_cancer_is_distant_disease() -> None:
    result = bot.analyze("71F, new R breast IDC 2.9 cm; FNA of a L axillary lymph node came back as carcinoma")
    assert result.status == "out_of_scope" and result.facts["distant_metastases"]


def test_a_node_biopsied_with_cancer_cells_and_clear_breasts_is_an_occult_primary() -> None:
    result = bot.analyze("71F, enlarged R axillary lymph node with carcinoma cells on core biopsy; mammogram, US and "
                         "MRI show no tumour in either breast")
    assert result.status == "out_of_scope" and result.facts["encounter"] == "occult_primary"


# --- who the patient is, and her history ------------------------------------------------------------------------------

def test_a_meetings_attendees_are_not_the_patient() -> None:
    text = ("Tumour board 4/9. Present: Mr Okoro (breast surgery), Dr Lind (radiology). Case 2: 66-year-old woman, "
            "new L breast IDC 1.4 cm, biopsy-proven, L axilla clear on exam, untreated.")
    assert decision(text) == ("matched", "axilla-3", ())


@pytest.mark.parametrize("greeting, status", [
    ("Dear Mr Pryce", ("out_of_scope", None, ())),
    ("Dear Mrs Pryce", ("matched", "axilla-4", ())),
])
def test_a_letter_to_the_patient_names_the_patient(greeting: str, status: tuple) -> None:
    text = (f"{greeting},\nThe biopsy of your left breast showed a 1.8 cm cancer, and I could feel a swollen gland in "
            "your left armpit. No treatment has been started.")
    assert decision(text) == status


def test_a_letter_to_a_colleague_does_not_name_the_patient() -> None:
    text = ("Dear Mr Pryce,\nI would be grateful if you could see this 57-year-old lady with a new 1.8 cm L breast "
            "IDC and a palpable L axillary node, untreated.")
    assert decision(text) == ("matched", "axilla-4", ())


@pytest.mark.parametrize("denial", ["She has never had any breast problems.", "No previous breast issues."])
def test_a_breast_history_denied_in_lay_words_is_no_known_cancer(denial: str) -> None:
    assert decision(f"52F. {denial} Palpable masses in both armpits, 2 cm each, not imaged yet.") \
        == ("matched", "axilla-2", ())


def test_the_primary_reader_is_no_tumour() -> None:
    text = ("Second opinion: I concur with the primary reader. 61F, had a R lumpectomy and radiotherapy in 2012, "
            "treatment complete. Palpable masses in both axillae, nothing imaged yet.")
    assert decision(text) == ("matched", "axilla-2", ())


def test_a_cancer_whose_treatment_finished_in_a_year_past_is_history() -> None:
    result = bot.analyze("63F, annual review after her breast cancer treatment, which ended in 2019. No new lumps, "
                         "examination normal. Any axillary imaging?")
    assert result.status == "out_of_scope" and result.facts["cancer_history"]


def test_a_treatment_some_years_ago_is_history() -> None:
    assert decision("60F, finished chemotherapy 3 years ago, s/p R mastectomy. New palpable L axillary lump, not "
                    "imaged yet.") == ("matched", "axilla-1", ())


def test_an_operation_days_ago_is_done() -> None:
    assert decision("61F, R breast IDC 2.2 cm; mastectomy and SLNB 12 days ago; 2/4 sentinel nodes positive")[0] \
        == "out_of_scope"


def test_a_cancer_supposed_contrary_to_the_facts_is_not_hers() -> None:
    assert decision("If she had a breast cancer this would be a staging question, but she has none: 39F, new 2 cm "
                    "lump in the L axilla, no imaging yet.") == ("matched", "axilla-1", ())


def test_a_category_asked_about_is_not_stated() -> None:
    assert decision("Finished neoadjuvant chemotherapy, surgery in a fortnight. Is it T1 or T2? I can't find the "
                    "staging. Node-negative at diagnosis. 53F.") == ("needs_info", None, ("tumor_size_cm",))


# --- layout -----------------------------------------------------------------------------------------------------------

def test_ditto_marks_repeat_the_field_above() -> None:
    text = ("Ward note, 71F, no breast cancer history\n"
            "R axilla: new firm lump, 1.5 cm, not imaged\n"
            "L axilla:  \"     \"     \"\n")
    assert decision(text) == ("matched", "axilla-2", ())


def test_the_present_study_after_a_comparison_is_current() -> None:
    text = ("Comparison: mammogram 03/2024 (mass 1.1 cm). Today: the L breast mass measures 1.7 cm; core biopsy: IDC. "
            "No palpable axillary nodes. 69F, untreated.")
    assert decision(text) == ("matched", "axilla-3", ())


def test_a_side_in_latin_shorthand_is_read() -> None:
    assert decision("Fem. 58 a., carcinoma mammae dext. (IDC) 2.4 cm, axilla dext. sine adenopathia palpabili, "
                    "nil tx adhuc")[:2] == ("matched", "axilla-5")


def test_a_hyphenated_chest_wall_is_the_chest_wall() -> None:
    assert decision("68F, core-proven chest-wall recurrence, L mastectomy 2016")[:2] == ("matched", "axilla-10")


def test_a_size_at_diagnosis_after_a_new_lump_is_the_tumours() -> None:
    result = bot.analyze("On NAC now (cycle 3). New firm L axillary lump, 4.1 cm at diagnosis; nothing felt in the "
                         "axilla before chemo. 50F")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (4.1, "axilla-7")


def test_cycles_counted_in_words_are_counted() -> None:
    assert bot.analyze("47F, R IDC 3.4 cm at dx, node-negative then; had two cycles of AC so far, now a new "
                       "palpable R axillary lump").variant_id == "axilla-7"


def test_a_dose_reduction_is_no_count_of_doses() -> None:
    result = bot.analyze("52F, L IDC 4 cm at dx with a biopsy-proven L axillary node; TCHP x6 given with one dose "
                         "reduction, all six cycles complete; surgery in 3 weeks")
    assert result.variant_id == "axilla-9"


@pytest.mark.parametrize("answer, facts", [
    ("axilla is clean on palpation", {"clinical_nodes": "negative"}),
    ("go with 2.4", {"tumor_size_cm": 2.4}),
])
def test_short_answers_in_other_words(answer: str, facts: dict) -> None:
    expecting = next(iter(facts))
    got = bot.extract(answer, expecting=expecting, treatment="none", side="left").facts
    assert {k: got[k] for k in facts} == facts


def test_a_smaller_size_supposed_without_its_unit_is_the_small_tumour_question() -> None:
    from bot import faq
    assert faq.detect_topic("and if the tumour were 1.4 instead, would that change things?") == "small_tumor"


def test_red_flags_of_a_node_are_the_suspicious_features_question() -> None:
    from bot import faq
    assert faq.detect_topic("which warning signs on the nodal ultrasound matter?") == "suspicious_features"
