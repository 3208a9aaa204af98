"""Kinds of text first seen failing in blind sets and breakers' probes (bot/nlp): one kind per test, in words
written for the test, never a set's sentence."""
import pytest

import bot


@pytest.mark.parametrize("finding", ["a hard right axillary node prior to treatment", "cN1 before treatment",
                                     "right axilla clinically positive pre-treatment"])
def test_before_treatment_said_of_a_finding_is_when_it_was_found(finding: str) -> None:
    result = bot.analyze(f"R IDC 4.2 cm, {finding}. Neoadjuvant chemotherapy finished last week. 53F")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-9", "neoadjuvant_completed")


def test_before_treatment_alone_beside_finished_chemotherapy_is_still_a_conflict() -> None:
    result = bot.analyze("R IDC 4.2 cm, cN1. Before treatment. Neoadjuvant chemotherapy finished last week. 53F")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["treatment"])


@pytest.mark.parametrize("now", ["now, on the post-chemo MRI, hardly seen, perhaps 5 mm",
                                 "currently it is much smaller, roughly 0.4 cm"])
def test_a_time_before_a_comma_reaches_the_measurement_after_it(now: str) -> None:
    result = bot.analyze(f"Completed neoadjuvant chemo for a 4.1 cm L IDC at diagnosis, {now}. Axilla negative on "
                         "exam at presentation. 47F")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-8", 4.1)


@pytest.mark.parametrize("field", ["cN=1", "cN: 1", "clinical N = 1"])
def test_an_n_category_given_as_a_field_value_is_read(field: str) -> None:
    result = bot.analyze(f"sex=F age=66 dx='right breast ILC' size_mm=31 {field} therapy=none")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-6", "positive")


def test_a_site_before_a_bracketed_gloss_is_the_node_s_site() -> None:
    result = bot.analyze("61-year-old woman, never had breast cancer: a hard inguinal (groin) lymph "
                         "node of 2.2 cm, both axillae unremarkable to palpation.")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "other_site")


@pytest.mark.parametrize("back", ["the pathologist says the cancer is back in the same breast",
                                  "core biopsy: tumour back in her right breast"])
def test_a_cancer_said_to_be_back_is_a_recurrence(back: str) -> None:
    result = bot.analyze(f"Lumpectomy and radiotherapy on the right in 2017. New lump near the scar; {back}. "
                         "Staging CT clear. 66F")
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-10", "local_recurrence")


def test_a_cancer_back_in_a_year_is_a_date_not_a_recurrence() -> None:
    result = bot.analyze("66F, she had breast cancer back in 2009, lumpectomy and RT, discharged. Now a new firm "
                         "right axillary lump, 2 cm, not yet imaged")
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-1", None)


def test_a_size_denied_in_one_sentence_is_denied_where_it_is_repeated() -> None:
    text = ("Update: the tumour is 1.4 cm, not 2.6 cm as I wrote. Sorry.\n\nEarlier: 52F, new L IDC 2.6 cm, "
            "palpable L axillary node, nothing given yet.")
    assert bot.analyze(text).facts["tumor_size_cm"] == 1.4


def test_a_field_value_starting_with_zero_point_is_a_number_not_a_no() -> None:
    result = bot.analyze("64F, new R breast ILC: 0.8 cm (US), 0.9 cm (MRI); axilla not palpable; no treatment")
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-3", "new_primary")


@pytest.mark.parametrize("missing", ["We don't have a record of her axillary exam.",
                                     "I do not have any documentation of the axillary examination."])
def test_an_exam_without_a_record_is_not_known(missing: str) -> None:
    result = bot.analyze(f"41F, new right breast IDC 2.7 cm, untreated. {missing}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("side", ["RIGHT", "LEFT"])
def test_a_specimen_line_and_its_diagnosis_line_are_one_finding(side: str) -> None:
    text = (f"Source: {side} axilla lymph node, core biopsy\nFinal diagnosis: metastatic carcinoma\n"
            "History: new RIGHT breast IDC 3.4 cm, no treatment yet, 58F")
    result = bot.analyze(text)
    assert (result.variant_id, result.status) == (("axilla-6", bot.MATCHED) if side == "RIGHT"
                                                  else (None, bot.OUT_OF_SCOPE))


@pytest.mark.parametrize("text, variant", [
    ("Henvisning: 58-årig kvinde, nydiagnosticeret brystkræft i venstre bryst, 26 mm. Palpabel lymfeknude i venstre "
     "aksil. Ikke behandlet endnu.", "axilla-6"),
    ("Lähete: 66-vuotias nainen, uusi rintasyöpä oikealla, 14 mm. Oikeassa kainalossa palpoituu imusolmuke. "
     "Hoitoja ei ole aloitettu.", "axilla-4"),
])
def test_danish_and_finnish_clinical_words_are_read(text: str, variant: str) -> None:
    assert bot.analyze(text).variant_id == variant


@pytest.mark.parametrize("check", ["my 12-month check is on Friday", "I have my annual check-up soon"])
def test_a_routine_check_after_treatment_is_surveillance(check: str) -> None:
    result = bot.analyze(f"I'm 61 and finished treatment for breast cancer on the right three years ago; {check}. "
                         "No new lumps. Should I have an ultrasound of my armpit?")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "surveillance")


def test_a_timeline_by_age_makes_the_earlier_entries_history() -> None:
    text = ("Timeline (age):\n- 44: R breast IDC 2.2 cm; mastectomy; 0/3 nodes\n- 45-54: tamoxifen, discharged\n"
            "- 57 (now): new tender L axillary lump 1.5 cm, nothing imaged yet")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_a_time_ago_opening_a_sentence_dates_the_size_after_it() -> None:
    result = bot.analyze("58F. Ten months ago, a left breast nodule of 12 mm was called probably benign, but this "
                         "time it was 27 mm and core biopsy showed IDC. Axilla normal on exam, untreated.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.7)


@pytest.mark.parametrize("said", ["Corrected size: 2.6 cm.", "The correct size is 2.6 cm."])
def test_a_value_said_to_be_the_correct_one_supersedes_the_others(said: str) -> None:
    result = bot.analyze(f"67F, new R IDC, untreated, cN0. Clinic letter gave 1.6 cm; the path report gave 2.6 cm. "
                         f"{said}")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.6)


@pytest.mark.parametrize("candidate", ["Candidate for neoadjuvant chemotherapy: yes", "eligible for NAC"])
def test_a_treatment_she_is_a_candidate_for_is_not_one_given(candidate: str) -> None:
    result = bot.analyze(f"70F, new L IDC 1.2 cm, no palpable axillary nodes. {candidate}. Treatment to date: none.")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-3", "none")


def test_a_speaker_s_answer_on_the_next_line_answers_the_question_above() -> None:
    text = ("Nurse: Calling about Ms P, 52, new right breast IDC 2.3 cm, nothing given yet.\n"
            "Dr: Any lumps under her right arm?\nNurse: None that I could feel, and I checked carefully.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-5", "negative")


@pytest.mark.parametrize("text, variant", [
    ("61F new R IDC 3.2 cm no rx firm R axillary node", "axilla-6"),
    ("61F new R IDC 3.2 cm nil else hard R ax node untreated", "axilla-6"),
    ("61F no ca hx new tender R axillary lump not imaged", "axilla-1"),
])
def test_in_shorthand_a_negation_ends_with_its_object_before_a_new_finding(text: str, variant: str) -> None:
    assert bot.analyze(text).variant_id == variant


def test_in_shorthand_a_history_denied_keeps_its_cancer_denied() -> None:
    result = bot.analyze("61F no hx R breast ca, new tender R axillary lump not imaged")
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-1", "none_known")


@pytest.mark.parametrize("other", ["newly diagnosed gastric adenocarcinoma 4 cm", "known hepatocellular carcinoma",
                                   "biopsy-proven recurrent bladder cancer", "recurrence of her cervix cancer"])
def test_a_cancer_of_another_organ_is_not_a_breast_cancer(other: str) -> None:
    result = bot.analyze(f"67F, {other}; CT shows an enlarged right axillary node.")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "other_cancer")


def test_another_organ_s_cancer_screening_is_no_cancer() -> None:
    result = bot.analyze("Colon cancer screening clinic letter: 70F, no breast cancer history; CT incidentally shows "
                         "a 2 cm right axillary node with an effaced hilum.")
    assert result.variant_id == "axilla-12"


@pytest.mark.parametrize("hedged", ["The right axilla may have a palpable node.",
                                    "There could be a hard node in the right axilla.",
                                    "Firm right axillary node, to be confirmed on repeat exam.",
                                    "Axilla negative on exam, I think, but not sure.",
                                    "No palpable nodes but I am not confident."])
def test_a_hedge_before_or_after_the_finding_leaves_the_nodes_unknown(hedged: str) -> None:
    result = bot.analyze(f"63F, new right breast IDC 1.6 cm, no treatment. {hedged}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_node_that_could_be_felt_was_felt() -> None:
    assert bot.analyze("63F, new right breast IDC 1.6 cm, no treatment. A firm right axillary node could be "
                       "palpated.").variant_id == "axilla-4"


@pytest.mark.parametrize("said", ["<gender>male</gender>", "gender = M,", "Pt: male/64;", "64 y/o, father of two,",
                                  "64 y/o widower,"])
def test_a_man_said_in_markup_codes_or_by_who_he_is_is_male(said: str) -> None:
    result = bot.analyze(f"{said} new left breast IDC 2.2 cm, axilla clinically negative, untreated")
    assert (result.status, result.facts["sex"]) == (bot.OUT_OF_SCOPE, "male")


def test_a_relative_s_fatherhood_is_not_the_patient_s_sex() -> None:
    result = bot.analyze("64F; her father of 88 had bowel cancer; new left breast IDC 2.2 cm, cN0, untreated")
    assert (result.variant_id, result.facts["sex"]) == ("axilla-5", "female")


@pytest.mark.parametrize("other", ["A simple cyst of 1.4 cm in the other breast.", "Known lipoma measuring 3 cm, back.",
                                   "Uterine fibroid 5 cm.", "Core length 1.8 cm."])
def test_another_object_s_measurement_is_not_the_tumour_s(other: str) -> None:
    result = bot.analyze(f"59F, newly diagnosed R IDC, cN0 on exam, untreated. {other}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_aln_is_an_axillary_lymph_node() -> None:
    result = bot.analyze("59F, newly diagnosed R IDC 1.7 cm, untreated; hard palpable R ALN on exam")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-4", "positive")


@pytest.mark.parametrize("pair", ["measuring 2.2 x 1.7", "size 14 x 11", "1.8 by 2.3 on US"])
def test_dimensions_without_a_unit_are_asked(pair: str) -> None:
    result = bot.analyze(f"59F, newly diagnosed R IDC {pair}, cN0 on exam, untreated")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


@pytest.mark.parametrize("ahead", ["due to finish her neoadjuvant chemo on 3 March",
                                   "the chemo is to be completed next month",
                                   "neoadjuvant course completion expected in April"])
def test_chemotherapy_whose_end_is_still_ahead_is_under_way(ahead: str) -> None:
    result = bot.analyze(f"49F L IDC 4 cm, cN1 at diagnosis; {ahead}. Axillary imaging?")
    assert (result.status, result.facts["treatment"]) == (bot.OUT_OF_SCOPE, "neoadjuvant_ongoing")


def test_an_operation_done_next_week_is_no_chemotherapy_under_way() -> None:
    result = bot.analyze("49F L IDC 4 cm, cN1 at diagnosis; neoadjuvant chemo finished last month, the mastectomy will "
                         "be done next week")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-9", "neoadjuvant_completed")


@pytest.mark.parametrize("endocrine", ["completed 6 months of neoadjuvant AI", "on preoperative tamoxifen since June"])
def test_endocrine_therapy_before_surgery_by_abbreviation_or_timing_is_out_of_scope(endocrine: str) -> None:
    result = bot.analyze(f"72F R IDC 3.1 cm, cN0; {endocrine}; surgery soon")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "endocrine_therapy")


@pytest.mark.parametrize("done", ["pT2 pN1a on the final pathology", "sentinel node biopsy: 0/3",
                                  "it was removed two weeks ago at lumpectomy"])
def test_an_operation_told_by_its_pathology_is_done(done: str) -> None:
    result = bot.analyze(f"61F R IDC 2.3 cm, cN0; {done}. Does she need axillary imaging?")
    assert (result.status, result.facts["treatment"]) == (bot.OUT_OF_SCOPE, "post_surgery")


@pytest.mark.parametrize("second", ["and one under the right arm too", "; a similar lump on the R"])
def test_a_second_lump_named_by_reference_on_the_other_side_is_bilateral(second: str) -> None:
    result = bot.analyze(f"39F, no history of cancer, tender lump in the left armpit {second}; nothing imaged")
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-2", "bilateral")


def test_the_other_side_called_normal_is_no_second_lump() -> None:
    result = bot.analyze("39F, no history of cancer, tender lump in the left armpit, the right one is normal; "
                         "nothing imaged")
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-1", "unilateral")


@pytest.mark.parametrize("text", [
    "53F, R breast mass 3 cm worrying for cancer on exam, hard R axillary node",
    "53F, newly diagnosed R breast cancer 3 cm, core biopsy inconclusive, hard R axillary node",
    "53F, newly diagnosed R breast cancer. 3 cm mass on US; awaiting histology. Hard R axillary node.",
    "53F, never had cancer, a new lump in the right breast and a lump in the right armpit, nothing imaged yet",
])
def test_a_breast_finding_without_a_tissue_diagnosis_is_worked_up_first(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


def test_the_final_pathology_awaited_after_a_diagnosis_is_no_missing_diagnosis() -> None:
    result = bot.analyze("53F, newly diagnosed right breast cancer 2.4 cm, no palpable nodes, untreated; final "
                         "pathology pending")
    assert result.variant_id == "axilla-5"


@pytest.mark.parametrize("imaging", ["Axillary nodes show normal cortices and preserved hila.",
                                     "Normal appearing axillary nodes, unremarkable morphology."])
def test_what_only_an_image_shows_is_no_clinical_exam(imaging: str) -> None:
    result = bot.analyze(f"66F new R IDC 3.3 cm, no treatment. {imaging}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("stated", ["cT3, 3.4 cm", "cT2 (6 cm)"])
def test_a_size_outside_its_t_category_is_asked(stated: str) -> None:
    result = bot.analyze(f"new R IDC {stated}, cN0, untreated, 66F")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


@pytest.mark.parametrize("other", ["a sebaceous cyst in the right armpit", "hidradenitis of the right axilla",
                                   "a right axillary node on US called reactive after her COVID booster"])
def test_what_is_no_suspicious_node_is_no_axillary_finding(other: str) -> None:
    result = bot.analyze(f"44F, never had breast cancer, {other}.")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_axillary_finding")


def test_no_metastases_said_of_a_diagnosed_cancer_takes_no_diagnosis_back() -> None:
    answer = bot.extract("no, no mets anywhere", expecting="distant_metastases", diagnosis="new_primary",
                         treatment="none")
    assert answer.stated == {"distant_metastases": False}


@pytest.mark.parametrize("lesion", ["A 1 cm liver lesion on staging CT is a haemangioma.",
                                    "Staging CT: simple cysts in the liver."])
def test_a_distant_lesion_called_benign_asks_nothing(lesion: str) -> None:
    assert bot.analyze(f"60F new R IDC 2.8 cm, cN0, untreated. {lesion}").variant_id == "axilla-5"


@pytest.mark.parametrize("age", ["Woman, 47 years of age,", "Patient, 47 years,"])
def test_ages_in_years_of_age_and_after_a_comma_are_read(age: str) -> None:
    assert bot.analyze(f"{age} new left breast IDC 1.1 cm, cN0, untreated").facts["age"] == 47


def test_pre_treatment_naming_a_measure_is_when_it_was_measured() -> None:
    result = bot.analyze("53F L IDC, pre-treatment size 4.1 cm, cN0 at diagnosis, completed neoadjuvant chemo")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-8", "neoadjuvant_completed")


def test_a_breast_carcinoma_with_skin_ulceration_is_no_skin_cancer() -> None:
    result = bot.analyze("58F newly diagnosed L breast carcinoma 6 cm, cT4b with skin ulceration carcinoma, "
                         "palpable L axillary node, untreated")
    assert (result.variant_id, result.facts["encounter"]) == ("axilla-6", None)


@pytest.mark.parametrize("gone", ["a hard right axillary node at diagnosis that regressed during chemo",
                                  "a palpable right axillary node which has since resolved"])
def test_a_node_gone_during_chemotherapy_was_there_at_diagnosis(gone: str) -> None:
    result = bot.analyze(f"61F R IDC 3.8 cm, {gone}; neoadjuvant chemo completed, surgery planned")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-9", "positive")


def test_a_node_gone_before_any_treatment_leaves_today_s_exam() -> None:
    result = bot.analyze("61F new R IDC 3.8 cm, untreated; a palpable right axillary node last month has since "
                         "resolved and the axilla is normal on exam today")
    assert result.variant_id == "axilla-5"


def test_a_recurrence_matched_to_the_earlier_cancer_is_no_history() -> None:
    result = bot.analyze("58F, firm nodule on the left chest wall; punch biopsy shows recurrent carcinoma c/w prior "
                         "breast primary (L mastectomy 2016)")
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-10", "local_recurrence")


@pytest.mark.parametrize("both", ["Axillary palpation and ultrasound were both normal.",
                                  "Axillary exam and sonography have all been negative."])
def test_an_axilla_s_exam_and_imaging_said_negative_together_is_a_negative_exam(both: str) -> None:
    result = bot.analyze(f"71F, newly diagnosed right breast ILC, 14 mm, untreated. {both}")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


@pytest.mark.parametrize("fronted", ["In her left armpit there is now a firm 1.5 cm lump.",
                                     "Under the left arm, a hard swelling is felt."])
def test_an_axilla_put_first_in_its_sentence_places_the_lump_after_it(fronted: str) -> None:
    result = bot.analyze(f"58 year old woman, core biopsy: invasive ductal carcinoma left breast, 27 mm. {fronted} "
                         "No therapy given.")
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-6", "unilateral")


@pytest.mark.parametrize("unknown", ["there is no documentation regarding her axillary nodes",
                                     "we have no real information as to the lymph nodes",
                                     "no axillary palpation has been done so far",
                                     "we honestly don't really know what the nodes are like",
                                     "no way of telling about the axilla from this letter"])
def test_no_record_or_exam_of_the_nodes_is_no_negative_exam(unknown: str) -> None:
    result = bot.analyze(f"Woman aged 66, new invasive carcinoma of the right breast, 2.3 cm; {unknown}. "
                         "Not yet treated.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("count", ["axillary lymph nodes palpable: zero", "palpable LNs 0 right / 0 left",
                                   "adenopathy on palpation = 0"])
def test_a_count_of_zero_nodes_is_a_negative_exam(count: str) -> None:
    result = bot.analyze(f"Female, 71. Newly diagnosed R breast carcinoma, 17 mm on biopsy. Exam: {count}. "
                         "Not yet treated.")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


@pytest.mark.parametrize("done, treatment", [
    ("she finished her second neoadjuvant course on Monday", "neoadjuvant_ongoing"),
    ("has completed the 3rd of 8 weekly paclitaxel doses", "neoadjuvant_ongoing"),
    ("the 7th cycle of her neoadjuvant regimen is done", None),  # how far she is, not that the course is over
])
def test_an_early_cycle_done_is_chemotherapy_still_under_way(done: str, treatment: str) -> None:
    result = bot.analyze(f"52F, L breast IDC 3.9 cm at diagnosis, node-negative on exam then; {done}. "
                         "No new axillary findings.")
    assert result.facts["treatment"] == treatment and result.status != bot.MATCHED
