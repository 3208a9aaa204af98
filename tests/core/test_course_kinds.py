"""Where the patient is in her course, who she is, and what tumour it is (bot/nlp/course.py, nodes.py, sizes.py).

One kind per test, in words written for the test."""
import pytest

import bot


@pytest.mark.parametrize("text", [
    "new R IDC 2.4 cm, cN0, untreated, 49F; had chemotherapy in 2009 for a non-Hodgkin lymphoma",
    "49F new R IDC 2.4 cm, cN0, no treatment yet. PMH: ovarian cancer 2016 treated with carboplatin and surgery.",
])
def test_chemotherapy_for_another_cancer_is_not_this_cancer_s_treatment(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-5", "none")


def test_an_age_at_which_something_happened_is_not_a_second_patient() -> None:
    result = bot.analyze("49F, new R IDC 2.4 cm, cN0, untreated; treated for Hodgkin lymphoma at age 19")
    assert (result.variant_id, result.facts["age"]) == ("axilla-5", 49)


@pytest.mark.parametrize("text", [
    "57F, L IDC 3.6 cm, cN0 at presentation, s/p 3 cycles of EC",
    "57F, L IDC 3.6 cm, cN0 initially, completed 2 rounds of docetaxel",
])
def test_a_few_cycles_done_with_no_total_asks_whether_chemotherapy_is_finished(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["treatment"])


def test_a_full_course_counted_is_still_completed() -> None:
    result = bot.analyze("57F, L IDC 3.6 cm, cN0 at presentation, completed 6 cycles of TCHP, surgery in 10 days")
    assert result.facts["treatment"] == "neoadjuvant_completed"


@pytest.mark.parametrize("text", [
    "71 y/o with long-standing gynaecomastia, new L breast IDC 1.8 cm, cN0, untreated",
    "new R IDC 1.8 cm, cN0, untreated, 64 y/o; his brother had prostate cancer",
])
def test_a_man_named_only_by_his_condition_or_his_pronoun_is_male(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["sex"]) == (bot.OUT_OF_SCOPE, "male")


@pytest.mark.parametrize("size", ["2cm-ish", "2 cm or so", "2 cm give or take"])
def test_two_centimetres_said_to_be_approximate_after_it_is_asked(size: str) -> None:
    result = bot.analyze(f"52F, new R IDC {size}, axilla clinically negative, untreated")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


@pytest.mark.parametrize("text", [
    "63F, DLBCL in remission since 2021, now an enlarged R axillary node on CT",
    "63F with marginal zone lymphoma, new palpable R axillary node",
])
def test_lymphoma_by_its_subtype_explains_the_node(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "other_cancer")


def test_a_phyllodes_tumour_is_not_a_breast_carcinoma() -> None:
    result = bot.analyze("44F, core biopsy: borderline phyllodes tumour L breast 3.1 cm, axilla clinically negative")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "not_carcinoma")


def test_a_past_benign_phyllodes_leaves_a_new_carcinoma_in_scope() -> None:
    result = bot.analyze("44F, new L IDC 3.1 cm, cN0, untreated; benign phyllodes removed from the R breast in 2015")
    assert result.variant_id == "axilla-5"


def test_after_chemotherapy_the_nodal_status_at_diagnosis_decides() -> None:
    text = "L IDC 2.9 cm, node negative at diagnosis, NAC completed, and now a new firm L axillary node, 55F"
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-8", "negative")
    assert any("before it" in a for a in result.assumptions)


def test_a_mass_whose_biopsy_is_scheduled_has_no_tissue_diagnosis_yet() -> None:
    text = ("L BREAST US. 50F, palpable L breast lump. 2.8 cm irregular mass; L axilla: node with a 5 mm cortex, "
            "suspicious. Ultrasound-guided biopsy of the mass booked for Monday.")
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


def test_morbidity_and_mortality_is_no_male_patient() -> None:
    assert bot.analyze("Surgical M&M, case 4: 53F, new L IDC 2.2 cm, cN0, untreated").variant_id == "axilla-5"


@pytest.mark.parametrize("text, age", [("Patient 63 years woman, new L IDC 2.2 cm, cN0, untreated", 63),
                                       ("Patient female 63, new L IDC 2.2 cm, cN0, untreated", 63)])
def test_an_age_in_another_language_s_word_order(text: str, age: int) -> None:
    assert bot.analyze(text).facts["age"] == age


@pytest.mark.parametrize("text, status", [
    ("60F, L IDC 3.3 cm at diagnosis, cN0. She already finish the neoadjuvant chemo, surgery soon.",
     "neoadjuvant_completed"),
    ("60F, L IDC 3.3 cm, cN0, neoadjuvant chemotherapy 2nd cycle of 6.", "neoadjuvant_ongoing"),
])
def test_treatment_said_in_non_native_english_or_with_an_ordinal(text: str, status: str) -> None:
    assert bot.analyze(text).facts["treatment"] == status


def test_a_correction_of_the_patient_s_sex_stands() -> None:
    result = bot.analyze("I wrote female by mistake. Correction: male patient, 70, new R IDC 1.2 cm, cN0, untreated")
    assert (result.status, result.facts["sex"]) == (bot.OUT_OF_SCOPE, "male")


def test_margins_that_describe_a_mass_do_not_take_its_size() -> None:
    text = ("61F, new R IDC on core biopsy, untreated, no palpable R axillary node. US: oval mass with "
            "microlobulated margins, posterior enhancement, measuring 1.3 x 0.9 x 0.8 cm.")
    assert bot.analyze(text).facts["tumor_size_cm"] == 1.3


def test_right_that_is_no_side_leaves_one_breast() -> None:
    text = "To get the right answer: 66F, new L IDC 2.8 cm, palpable left axillary node, no treatment so far"
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_friend_s_cancer_in_a_relative_clause_is_not_the_patient_s() -> None:
    text = ("49F, new R IDC 1.4 cm, axilla clinically negative, untreated. Her neighbour (who had breast cancer "
            "in 2018, 4 cm with nodes) told her to ask for scans.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", 1.4)


def test_distant_disease_not_found_is_none() -> None:
    text = "70F, L breast cancer treated 2011, now biopsy-proven local recurrence in the L breast; metastases not found"
    assert bot.analyze(text).variant_id == "axilla-10"


def test_a_cancer_come_back_in_a_distant_organ_is_metastatic() -> None:
    result = bot.analyze("Breast cancer in 2016, all treatment done. Now the cancer has come back in her liver.")
    assert (result.status, result.facts["distant_metastases"]) == (bot.OUT_OF_SCOPE, True)


def test_a_biopsy_that_came_back_is_no_recurrence() -> None:
    result = bot.analyze("52F, core biopsy came back IDC, new L breast cancer 1.7 cm, cN0, untreated")
    assert result.variant_id == "axilla-3"


def test_a_relative_s_age_is_not_a_second_patient() -> None:
    text = ("FHx: breast cancer (paternal aunt, age 66). Pt 51F, new palpable lumps in both axillae, no cancer "
            "history, no imaging")
    assert bot.analyze(text).variant_id == "axilla-2"


def test_a_form_s_fields_are_read_each_on_its_line() -> None:
    # short field lines are no wrapped sentence: the size is the "Size" field's, the node line's words its own,
    # and a distant metastasis field whose value is M0 says there is none
    text = ("Side: R\nHistology: IDC\nSize (US): 31 mm\nNodes (clinical): cN0\nDistant metastasis: M0\n"
            "Status: untreated\n60F")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"], result.facts["distant_metastases"]) == (
        "axilla-5", 3.1, False)


def test_a_distance_to_the_pectoralis_is_not_a_size() -> None:
    text = "57F, new L IDC 1.8 cm, 9 mm from pectoralis, no palpable L axillary node, untreated"
    assert bot.analyze(text).variant_id == "axilla-3"


def test_malignancy_in_the_differential_of_an_axillary_lump_is_no_breast_mass() -> None:
    text = ("39F, new tender L axillary lump for 2 weeks, no breast cancer history, nothing imaged; ddx reactive vs "
            "?malignancy")
    assert bot.analyze(text).variant_id == "axilla-1"


def test_a_plan_reaches_each_operation_listed_before_it() -> None:
    text = "64F, R IDC 3.3 cm at dx, cN1, NAC completed last month; mastectomy + axillary dissection booked for 3 Dec"
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-9", "neoadjuvant_completed")


def test_a_recurrence_whose_site_is_not_known_is_asked_about() -> None:
    result = bot.analyze("68F, breast cancer 2012; now recurrent disease, site still unknown, biopsy awaited")
    assert result.status == bot.NEEDS_INFO and result.variant_id is None


@pytest.mark.parametrize("text", [
    "59F, R IDC 4 cm, cN0 at diagnosis, NAC cycle 4 of 6; the new R axillary lump found in October has since resolved",
    "59F, R IDC 4 cm, cN0 at diagnosis, NAC cycle 4 of 6; new lump in the LEFT axilla",
])
def test_a_lump_that_has_gone_or_is_in_the_other_axilla_is_not_row_7_s(text: str) -> None:
    result = bot.analyze(text)
    assert result.variant_id is None and not result.facts["new_lump_during_treatment"]


def test_the_side_word_right_before_an_axilla_is_its_own() -> None:
    text = ("50F, no history of breast cancer, a firm 1.5 cm node in the right axilla on exam and the left axilla is "
            "normal; nothing imaged yet")
    assert bot.analyze(text).variant_id == "axilla-1"


def test_on_the_list_for_surgery_is_no_chemotherapy_under_way() -> None:
    text = "L IDC 3.1 cm at diagnosis, cN0 then; she has finished her NAC and she's on the list for surgery. 48F"
    assert bot.analyze(text).variant_id == "axilla-8"


def test_children_s_ages_are_not_other_patients() -> None:
    text = "44F, mother of three kids aged 2, 5 and 9; new R IDC 1.1 cm, cN0, untreated"
    assert bot.analyze(text).variant_id == "axilla-3"


def test_a_node_status_taken_back_by_a_correction_is_the_later_one() -> None:
    text = "new R IDC 2.4 cm, 59F, untreated; axilla clear - no wait, scratch that, there is a hard R axillary node"
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_residual_size_does_not_make_the_n_category_today_s() -> None:
    result = bot.analyze("55F, R IDC cN0, NAC finished, residual 0.8 cm on MRI; 3.9 cm at diagnosis")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-8", 3.9)


def test_a_qualifier_right_before_the_next_measurement_is_that_one_s() -> None:
    result = bot.analyze("new R IDC 1.7 cm (earlier 1.1 cm in 2023), cN0, 47F, untreated")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", 1.7)


def test_a_referral_s_query_the_exam_did_not_confirm_leaves_the_exam_negative() -> None:
    text = "47F, new R IDC 1.3 cm, untreated; sent in for ?R axillary node, unconfirmed - axilla clinically negative"
    assert bot.analyze(text).variant_id == "axilla-3"


def test_the_visit_s_own_date_does_not_make_a_size_an_older_study() -> None:
    text = "66F, new R breast cancer, 2.6 cm on mammography, 15 mm on MRI, R axilla negative on exam, seen on 2/3/2026"
    assert bot.analyze(text).missing[:1] == ["tumor_size_cm"]  # the two sizes straddle 2 cm: asked


def test_a_sex_letter_after_an_abbreviation_s_full_stop_is_no_initial() -> None:
    assert bot.analyze("New R IDC 2.6 cm. No palpable R axillary LAD. M, 66.").facts["sex"] == "male"


@pytest.mark.parametrize("text, variant", [
    ("Paciente de 52 años, cáncer de mama izquierda 2,9 cm al diagnóstico, cN0. Terminó la quimioterapia "
     "neoadyuvante; cirugía en dos semanas.", "axilla-8"),
    ("Mujer de 58 años, carcinoma de mama derecha recién diagnosticado, 1,4 cm. Adenopatía axilar derecha palpable. "
     "Su hermana tuvo cáncer de mama (tumor de 3 cm). Sin tratamiento.", "axilla-4"),
    ("Mme L., 57 ans. Ganglions axillaires palpables des deux côtés, pas d'antécédent de cancer du sein, aucune "
     "imagerie.", "axilla-2"),
])
def test_the_words_of_other_languages_clinicians_mix_in(text: str, variant: str) -> None:
    assert bot.analyze(text).variant_id == variant


@pytest.mark.parametrize("text", [
    "61F, 3.4 cm R IDC, cN0 at diagnosis; she will finish her neoadjuvant chemo next Wednesday",
    "61F, 3.4 cm R IDC, cN0 at diagnosis; almost done with NAC, last dose on Monday",
    "61F, 3.4 cm R IDC, cN0 at diagnosis; halfway through neoadjuvant EC-T",
    "61F, 3.4 cm R IDC, cN1 at diagnosis; completed the AC part of NAC, weekly paclitaxel still to come",
])
def test_chemotherapy_said_with_a_word_of_completion_yet_still_under_way_is_ongoing(text: str) -> None:
    assert bot.analyze(text).facts["treatment"] == "neoadjuvant_ongoing"


@pytest.mark.parametrize("text", [
    "64F, R IDC 3.2 cm, cN0 at diagnosis, NAC finished in May, then mastectomy and SLNB in June (0/2 nodes)",
    "64F, new R IDC 1.9 cm, wide local excision, pN1a on sentinel node biopsy",
])
def test_nodes_counted_by_the_pathologist_mean_the_operation_is_done(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["treatment"]) == (bot.OUT_OF_SCOPE, "post_surgery")


@pytest.mark.parametrize("size", ["greater than or equal to 2 cm", "no less than 20 mm"])
def test_at_least_2_cm_in_words_is_asked(size: str) -> None:
    assert bot.analyze(f"55F, new L IDC {size}, cN0, untreated").missing == ["tumor_size_cm"]


@pytest.mark.parametrize("text, status", [
    ("3.1 cm R IDC, cN1 at diagnosis; finished EC, docetaxel cycle 3 due Tuesday", "neoadjuvant_ongoing"),
    ("3.1 cm R IDC, cN1 at diagnosis, after 4 cycles of EC", None),  # a taxane usually follows: asked
    ("3.1 cm R IDC, cN1 at diagnosis, completed NAC (4 EC + 12 weekly T), surgery booked", "neoadjuvant_completed"),
])
def test_an_anthracycline_part_done_is_not_the_whole_course(text: str, status: "str | None") -> None:
    assert bot.analyze(text).facts["treatment"] == status


def test_the_extent_of_enhancement_on_mri_is_a_size_of_the_tumour() -> None:
    result = bot.analyze("new R IDC, 54F, untreated, US 1.7 cm, MRI extent of enhancement 2.8 cm, cN0")
    assert result.missing[:1] == ["tumor_size_cm"]  # 1.7 and 2.8 straddle 2 cm


def test_a_correction_that_opens_the_next_sentence_corrects_the_size_before_it() -> None:
    assert bot.extract("3.5 cm? sorry, 1.2", expecting="tumor_size_cm").stated["tumor_size_cm"] == 1.2


@pytest.mark.parametrize("text, sex", [("sorry - she's a he, actually", "male"), ("he is in fact a woman", "female")])
def test_a_pronoun_corrected_to_the_other_sex(text: str, sex: str) -> None:
    assert bot.extract(text).stated["sex"] == sex


def test_a_report_that_recommends_the_mass_s_biopsy_has_no_tissue_diagnosis() -> None:
    text = ("LEFT BREAST ULTRASOUND\nHistory: 49F, lump.\nFindings: 2.6 cm irregular mass at 2 o'clock; L axillary "
            "node with a 4 mm cortex.\nImpression: BI-RADS 5. Recommend core biopsy of the mass and the node.")
    assert bot.analyze(text).facts["encounter"] == "no_tissue_diagnosis"


@pytest.mark.parametrize("text, status", [
    ("62F, 2.8 cm L IDC, cN0, operated 10 days ago", "post_surgery"),
    ("62F, 2.8 cm L IDC, cN0, untreated; we will operate next week", "none"),
])
def test_operated_some_time_ago_is_after_surgery(text: str, status: str) -> None:
    assert bot.analyze(text).facts["treatment"] == status


@pytest.mark.parametrize("text", [
    "56F, firm lump high in her L armpit. Axillary US done Tuesday: a reactive-looking node with a normal fatty "
    "hilum. No cancer history.",
    "41F, right axillary mass; ultrasound of it last month: lipoma. never had breast cancer",
    "R axillary lump in a 63F, US of the axilla: negative. No known malignancy.",
])
def test_a_lump_already_imaged_and_benign_is_past_initial_imaging(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "lump_imaged_benign")


def test_a_normal_study_told_before_the_lump_leaves_it_new() -> None:
    result = bot.analyze("Diagnostic mammogram in June unremarkable. Since then a new L axillary lump, 44F, "
                         "no cancer history")
    assert result.variant_id == "axilla-1"


@pytest.mark.parametrize("text", [
    "70F, soft R axillary lump she says has been there for 10 years, unchanged; no cancer history",
    "58F with a longstanding small L axillary lump, no breast cancer",
])
def test_a_lump_unchanged_for_years_is_not_new(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "lump_longstanding")


def test_a_long_standing_lump_that_has_grown_is_imaged_as_new() -> None:
    result = bot.analyze("66F, R axillary lump present for years but it has grown over the summer, no cancer history")
    assert result.variant_id == "axilla-1"


def test_a_case_told_in_retrospect_is_set_in_its_own_year() -> None:
    text = ("In 2020 she completed neoadjuvant chemotherapy for a 3.4 cm left breast cancer, node-negative at "
            "diagnosis; surgery was planned for the next week. What axillary imaging was indicated?")
    assert bot.analyze(text).variant_id == "axilla-8"


def test_a_story_that_comes_up_to_today_keeps_its_year_as_history() -> None:
    text = "In 2014 she had a right lumpectomy for IDC; now a new left axillary lump, 64F. What imaging is appropriate?"
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_a_new_event_in_a_story_is_not_the_history_before_it() -> None:
    text = "58F treated for L breast cancer in 2015 presented with biopsy-proven bone metastases and a palpable L node"
    result = bot.analyze(text)
    assert (result.status, result.facts["distant_metastases"]) == (bot.OUT_OF_SCOPE, True)


def test_adjuvant_chemotherapy_under_way_after_an_earlier_operation_is_current() -> None:
    text = ("47F who had undergone a right mastectomy for breast cancer is midway through her adjuvant chemotherapy "
            "cycles, new right axillary lump")
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "adjuvant_therapy")


@pytest.mark.parametrize("text", [
    "63F, new left breast cancer on the screening recall, 3.1 cm, axilla clinically negative, awaiting histology",
    "63F, R breast mass 3.1 cm on US, core biopsy B4, axilla clinically negative",
])
def test_a_cancer_whose_own_biopsy_is_awaited_or_not_malignant_has_no_tissue_diagnosis(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


def test_a_nodes_biopsy_awaited_leaves_the_cancer_diagnosed() -> None:
    text = "63F, new L IDC 3.1 cm, palpable L axillary node, FNA of the node pending, untreated"
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_uk_b5b_core_is_a_tissue_diagnosis() -> None:
    assert bot.analyze("61F, L breast mass 24 mm, core B5b, axilla clinically N0, untreated").variant_id == "axilla-5"


@pytest.mark.parametrize("text", [
    "invasive carcinoma (NST), grade 3, L breast, 2.7 cm, palpable L axillary node, 49F, nothing started",
    "L breast IDC-NST 2.7 cm, palpable L axillary node, 49F, nothing started",
])
def test_no_special_type_is_a_histology_not_neoadjuvant_therapy(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_recurrence_in_the_other_axilla_than_the_past_cancer_is_distant() -> None:
    result = bot.analyze("treated R breast cancer in 2016; now biopsy-proven recurrence in the left axilla, 70F")
    assert (result.status, result.facts["distant_metastases"]) == (bot.OUT_OF_SCOPE, True)


def test_a_recurrence_only_suspected_has_no_tissue_diagnosis() -> None:
    result = bot.analyze("72F, L breast cancer treated 2018, suspected recurrence at the lumpectomy scar on US")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


def test_a_recurrence_whose_sites_are_not_established_is_asked_about() -> None:
    result = bot.analyze("recurrent breast cancer in a 66F, locations not yet established")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["diagnosis"])


def test_a_timeline_gives_the_nodal_status_told_before_chemotherapy() -> None:
    text = ("Mar: new dx R IDC 3.8 cm, cN0. Apr-Aug: neoadjuvant chemo, done. Sep: palpable R axillary lump before "
            "surgery.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-8", "negative")


def test_a_lump_at_another_site_is_not_a_breast_mass() -> None:
    result = bot.analyze("39F, never had cancer, new 1.5 cm lump in the left groin")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "other_site")


def test_a_lymphoma_long_treated_does_not_explain_a_new_breast_cancers_node() -> None:
    text = "55F, new L IDC 2.4 cm, palpable L axillary node, untreated; she had chemo for lymphoma in 1998"
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_past_lymphoma_may_explain_a_new_node_without_breast_cancer() -> None:
    result = bot.analyze("47F, treated for follicular lymphoma in 2011, new palpable L axillary lump")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "other_cancer")


def test_a_treatment_still_to_start_is_no_treatment() -> None:
    text = "52F, new R IDC 3.6 cm, palpable R axillary node; axillary imaging please before she starts neoadjuvant Rx"
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_metastatic_workup_is_a_search_not_metastases() -> None:
    text = "52F, new R IDC 3.6 cm, palpable R axillary node, untreated; metastatic work-up (CT, bone scan) requested"
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_lump_not_there_before_during_chemotherapy_is_new() -> None:
    text = ("47F, L IDC 3.3 cm, axilla clinically negative at diagnosis, cycle 3 of 6 neoadjuvant AC-T; today a firm "
            "L axillary node, which was not there before")
    assert bot.analyze(text).variant_id == "axilla-7"


def test_nil_negates_what_follows() -> None:
    result = bot.analyze("47F, new L IDC 1.3 cm, nil palpable nodes, no treatment yet")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


@pytest.mark.parametrize("text", [
    "42F, R axilla: one firm mobile swelling about 2 cm, no cancer history, never had a breast biopsy",
    "42F, new painless R axillary lump, never had breast cancer nor a biopsy. Which first imaging for this lump?",
])
def test_the_axillary_lump_told_again_is_no_breast_mass(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-1"


def test_a_differential_diagnosis_lists_no_findings() -> None:
    text = ("42F, new painless R axillary lump, no cancer history. Differential diagnosis: reactive node, lipoma, a "
            "benign breast lesion, less likely metastatic disease.")
    assert bot.analyze(text).variant_id == "axilla-1"


def test_a_cancer_at_the_scar_of_a_treated_one_is_its_local_recurrence() -> None:
    text = "L breast cancer 2017, wide local excision + RT. Now IDC on core biopsy at the L excision site, 73F"
    assert bot.analyze(text).facts["diagnosis"] == "local_recurrence"


def test_a_normal_baseline_us_during_chemotherapy_is_not_a_lump_already_imaged() -> None:
    text = ("61F, halfway through neoadjuvant AC-T for a 3.4 cm IDC R breast; now a new palpable R axillary lump. "
            "Exam at diagnosis: no axillary nodes; axillary US normal initially.")
    assert bot.analyze(text).variant_id == "axilla-7"


def test_a_json_field_of_imaging_is_not_the_exam() -> None:
    text = ('{"pt": {"sex": "F", "age": 49}, "dx": "new L breast IDC on core biopsy", "studies": [{"kind": "MRI", '
            '"size_cm": 1.7, "axilla": "no suspicious nodes"}], "exam": null, "treatment": "none"}')
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_taxane_after_an_arrow_completes_the_course() -> None:
    text = "58F, L IDC 3.2 cm, cN0 at diagnosis, s/p 8 cycles (4 EC → 4 T) finished, surgery next week"
    assert bot.analyze(text).variant_id == "axilla-8"


def test_options_listed_after_a_comma_are_still_options() -> None:
    text = ("58F, new 2.6 cm IDC R breast, palpable R axillary node. We discussed the options, including primary "
            "surgery or neoadjuvant chemotherapy.")
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_treatment_said_to_be_unknown_is_asked() -> None:
    result = bot.analyze("61F, new R IDC 2.8 cm, cN0; I am not sure whether chemotherapy has been started")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["treatment"])


def test_a_mass_whose_core_result_is_awaited_has_no_tissue_diagnosis() -> None:
    result = bot.analyze("61F, L breast mass 2.4 cm, histology awaited, palpable L axillary node")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")



def test_a_relatives_colon_cancer_is_no_breast_cancer_of_the_patient() -> None:
    result = bot.analyze("61F, no cancer history; brother had colon cancer at 59. New palpable R axillary lump")
    assert result.variant_id == "axilla-1"


@pytest.mark.parametrize("text", [
    "63F, postmenopausal since age 50, new L IDC 1.9 cm, cN0, untreated",
    "63F, new L IDC 1.9 cm, cN0, untreated; three daughters aged 30, 33 and 36",
])
def test_an_age_since_something_or_of_her_children_is_not_a_second_patient(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-3"


@pytest.mark.parametrize("flag, variant", [("false", "axilla-5"), ("true", "axilla-6")])
def test_a_json_boolean_says_yes_or_no_of_its_key(flag: str, variant: str) -> None:
    text = ('{"age": 61, "sex": "female", "diagnosis": "new R IDC", "size_mm": 24, "exam": {"palpable_axillary_node": '
            f'{flag}}}, "treatment": "none"}}')
    assert bot.analyze(text).variant_id == variant


@pytest.mark.parametrize("nodes", ["cN0-1", "cN0/cN1", "cN0 or cN1", "cN1 vs cN0"])
def test_an_n_category_offered_both_ways_is_asked(nodes: str) -> None:
    result = bot.analyze(f"57F, new R IDC 1.6 cm, {nodes}, untreated")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_an_n_range_that_stays_positive_is_positive() -> None:
    assert bot.analyze("57F, new R IDC 1.6 cm, cN1-2, untreated").variant_id == "axilla-4"


@pytest.mark.parametrize("sizes", ["masses 17, 24 mm", "lesions of 1.6, 2.2 cm", "1.6 vs 2.2 cm"])
def test_sizes_listed_by_commas_or_vs_on_both_sides_of_2_cm_are_asked(sizes: str) -> None:
    result = bot.analyze(f"new L IDC, {sizes}, cN0, untreated, 48F")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_proven_node_opposite_a_past_cancer_is_distant() -> None:
    result = bot.analyze("66F, hx L breast cancer; now a biopsy-proven metastatic node in the right axilla")
    assert (result.status, result.facts["distant_metastases"]) == (bot.OUT_OF_SCOPE, True)


@pytest.mark.parametrize("text", ["64F, recurrent breast cancer confirmed on biopsy",
                                  "64F, biopsy-proven breast cancer recurrence, site not documented"])
def test_a_recurrence_named_without_its_site_is_asked(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["diagnosis"])


def test_a_carcinoma_named_while_its_histology_is_awaited_has_no_tissue_diagnosis() -> None:
    result = bot.analyze("52F, clinically a T2N1 left breast carcinoma, histology awaited")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


@pytest.mark.parametrize("text, encounter", [
    ("48F, L axillary lump, stable since 2017, no cancer history", "lump_longstanding"),
    ("48F, L axillary lump, no change from her previous scan, no cancer history", "lump_longstanding"),
    ("48F, L axillary lump, she had an ultrasound that was normal, no cancer history", "lump_imaged_benign"),
])
def test_a_lump_stable_for_long_or_already_imaged_normal_is_past_variant_1(text: str, encounter: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, encounter)


def test_radiotherapy_after_a_typo_is_no_side() -> None:
    text = "59F, s/p R lumpectomy adn RT for IDC in 2012. Biopsy-proven R axillary recurrence, newly diagnosed."
    assert bot.analyze(text).variant_id == "axilla-10"


def test_a_names_initial_before_a_chat_time_is_no_sex() -> None:
    text = ("Dana R 9:14 AM: 51 yo woman, new L IDC 2.4 cm on core, palpable L node\nKeith M 9:16 AM: untreated? "
            "\nDana R 9:17 AM: yes nothing started")
    assert bot.analyze(text).variant_id == "axilla-6"


def test_treatment_not_yet_started_in_a_form_is_none() -> None:
    text = "Sex: F. Age: 66. Dx: new R IDC 2.3 cm. Axilla: clinically negative. Treatment: not yet started"
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-5", "none")


def test_a_cancer_told_by_its_imaging_category_alone_has_no_tissue_diagnosis() -> None:
    result = bot.analyze("53F, left breast cancer 2.6 cm on the mammogram, BI-RADS 5, palpable L axillary node")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


def test_a_past_cancer_on_chemotherapy_again_is_under_treatment() -> None:
    result = bot.analyze("L breast cancer in 2012; she is on chemotherapy again since spring. New R axillary lump, 70F")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "under_treatment")


def test_a_past_cancer_on_endocrine_therapy_alone_stays_history() -> None:
    text = "L breast cancer treated in 2015 (surgery, chemotherapy), now on letrozole only; new R axillary lump, 70F"
    assert bot.analyze(text).variant_id == "axilla-1"


def test_adjuvant_endocrine_therapy_alone_leaves_a_past_cancer_history() -> None:
    text = "R breast cancer 2016, lumpectomy; she is now on adjuvant anastrozole. New L axillary lump, not imaged, 62F"
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_a_forms_duration_in_years_makes_the_lump_long_standing() -> None:
    text = '{"sex": "F", "age": 51, "axillaryLump": {"side": "right", "durationYears": 4}, "priorCancer": false}'
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "lump_longstanding")


def test_a_forms_duration_in_weeks_leaves_the_lump_new() -> None:
    assert bot.analyze("Axillary lump: right. Duration: 5 weeks. No cancer history. 51F").variant_id == "axilla-1"


@pytest.mark.parametrize("history", ["no personal or family history of breast cancer",
                                     "no fam/personal hx of breast malignancy",
                                     "no personal or family history of brest cancer"])
def test_a_history_denied_for_the_patient_and_her_family_is_the_patients_too(history: str) -> None:
    result = bot.analyze(f"37yo F {history}, felt a firm lump in the right armpit, no imaging yet")
    assert (result.variant_id, result.facts["age"]) == ("axilla-1", 37)


def test_an_identifier_s_letters_are_no_regimen() -> None:
    text = ("Referral #AC-55012. 49F, completed neoadjuvant chemotherapy last week; at diagnosis L IDC 3.8 cm, "
            "palpable L axillary node. Imaging before surgery?")
    assert bot.analyze(text).variant_id == "axilla-9"


def test_imaging_before_surgery_does_not_say_that_no_treatment_has_started() -> None:
    result = bot.analyze("49F, s/p 2 cycles of ddAC for a 3.8 cm L IDC, cN1 at diagnosis; axillary imaging before "
                         "surgery?")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["treatment"])


@pytest.mark.parametrize("spread", ["secondary deposits in both lungs", "known MBC since diagnosis",
                                    "peritoneal and pleural carcinomatosis", "skeletal secondaries on the bone scan"])
def test_distant_disease_by_its_other_names_is_out_of_scope(spread: str) -> None:
    result = bot.analyze(f"66F, newly diagnosed R IDC 2.8 cm with a palpable R axillary node; {spread}")
    assert result.status == bot.OUT_OF_SCOPE and result.facts["distant_metastases"] is True


@pytest.mark.parametrize("text", [
    "Donna di 58 anni, carcinoma mammario destro 2,6 cm, linfonodo ascellare palpabile; metastasi ossee alla PET",
    "Mujer de 58 años, carcinoma de mama derecha 2,6 cm, ganglio axilar palpable; metástasis pulmonares en la TC",
    "58-jährige Patientin, Mammakarzinom rechts 2,6 cm, tastbarer Lymphknoten axillär; Knochenmetastasen im CT",
])
def test_distant_disease_in_another_language_is_out_of_scope(text: str) -> None:
    assert bot.analyze(text).facts["distant_metastases"] is True


@pytest.mark.parametrize("therapy", ["neo-adjuvant chemotherapy", "PST (EC then docetaxel)", "neo-adj CTx"])
def test_a_neoadjuvant_course_by_its_other_names_is_neoadjuvant(therapy: str) -> None:
    result = bot.analyze(f"44F, L IDC 3.3 cm, cN1 at diagnosis, has completed {therapy}")
    assert result.variant_id == "axilla-9"


@pytest.mark.parametrize("therapy", ["primary systemic therapy", "NST", "preoperative systemic therapy"])
def test_a_systemic_therapy_completed_without_its_kind_is_asked(therapy: str) -> None:
    # chemotherapy (rows 8-9) or endocrine therapy (no row): the words do not say
    result = bot.analyze(f"44F, L IDC 3.3 cm, cN1 at diagnosis, has completed {therapy}")
    assert result.status == bot.NEEDS_INFO and result.missing == ["treatment"]


def test_recurrent_said_of_a_lump_where_any_cancer_is_denied_is_no_recurrence() -> None:
    result = bot.analyze("39F, recurrent swelling in the right armpit, never had breast cancer, not imaged")
    assert result.facts["diagnosis"] == "none_known"


@pytest.mark.parametrize("unfinished", ["the neoadjuvant regimen is not completed", "she hasn't completed her NAC",
                                        "NAC never finished"])
def test_chemotherapy_not_finished_is_under_way(unfinished: str) -> None:
    result = bot.analyze(f"51F, R IDC 2.9 cm, node-negative at diagnosis; {unfinished}")
    assert result.facts["treatment"] == "neoadjuvant_ongoing"


def test_an_operation_told_as_what_followed_completed_chemotherapy_is_asked() -> None:
    result = bot.analyze("57F, L IDC 4 cm, node-negative, finished neoadjuvant EC-T, subsequently a mastectomy")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["treatment"])


@pytest.mark.parametrize("given", ["has completed adjuvant chemotherapy", "adjuvant radiotherapy completed in May"])
def test_adjuvant_therapy_given_means_the_operation_is_done(given: str) -> None:
    result = bot.analyze(f"63F, R IDC 2.2 cm, cN0, {given}; axillary imaging?")
    assert (result.status, result.facts["treatment"]) == (bot.OUT_OF_SCOPE, "post_surgery")


def test_a_new_node_seen_only_on_imaging_during_chemotherapy_is_no_new_lump() -> None:
    result = bot.analyze("50F, L IDC 3.7 cm, cN0 at diagnosis, on neoadjuvant chemo cycle 4 of 6; the mid-treatment "
                         "MRI shows a new enlarged L axillary node, not palpable on exam")
    assert result.variant_id is None and result.facts["new_lump_during_treatment"] is None


def test_a_node_found_after_chemotherapy_beside_an_undated_negative_status_is_asked() -> None:
    result = bot.analyze("46F, R IDC 3.1 cm, cN0, neoadjuvant chemotherapy completed; the post-NAC ultrasound shows a "
                         "suspicious R axillary node")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_recurrence_in_a_node_station_beyond_the_axilla_is_no_local_recurrence() -> None:
    result = bot.analyze("R breast cancer treated in 2015; now a biopsy-proven recurrence in the right infraclavicular "
                         "nodes")
    assert result.variant_id is None


@pytest.mark.parametrize("part", ["finished the EC part of neoadjuvant EC-T",
                                  "neoadjuvant ddAC completed, paclitaxel to follow"])
def test_a_part_of_a_regimen_done_with_the_rest_to_come_is_chemotherapy_under_way(part: str) -> None:
    assert bot.analyze(f"41F, L IDC 3.9 cm, cN1; {part}").facts["treatment"] == "neoadjuvant_ongoing"


def test_a_heading_s_words_do_not_join_across_a_line_break() -> None:
    # "... right breast" ends one line and "History:" opens the next: no "breast history:" heading
    text = ("Planned procedure: wider excision, right breast\nHistory: s/p R lumpectomy + SLNB 10 days ago (0/2 nodes) "
            "for a 1.9 cm IDC\nShould the axilla be imaged first?")
    assert bot.analyze(text).facts["treatment"] == "post_surgery"


def test_a_query_of_metastasis_in_a_nodes_sentence_is_the_nodes() -> None:
    result = bot.analyze("36F, no h/o malignancy. Outside USG: R axillary LN 1.8 cm, round, no fatty hilum, ?mets. "
                         "Breasts normal. Next step?")
    assert result.variant_id == "axilla-11"


def test_a_message_that_says_it_is_not_about_the_breast_is_unrelated() -> None:
    result = bot.analyze("Off topic, not a breast question at all: 35-year-old man, sprained ankle, X-ray or MRI?")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "unrelated")


@pytest.mark.parametrize("left", ["three cycles of adjuvant chemotherapy still to go",
                                  "adjuvant chemo: 2 more doses left"])
def test_adjuvant_therapy_with_cycles_left_is_under_way(left: str) -> None:
    result = bot.analyze(f"L breast cancer 2025, lumpectomy, {left}; now a new palpable L axillary lump")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "adjuvant_therapy")


@pytest.mark.parametrize("ago", ["mamografía normal hace 3 años", "mammografia normale 3 anni fa"])
def test_a_time_ago_in_another_language_is_no_second_patients_age(ago: str) -> None:
    result = bot.analyze(f"Paciente de 64 años, carcinoma ductal 2,4 cm, adenopatía axilar palpable; {ago}")
    assert (result.facts["encounter"], result.facts["age"]) == (None, 64)


def test_cycles_given_for_a_left_breast_cancer_are_not_cycles_left() -> None:
    result = bot.analyze("70F, completed 6 cycles of neoadjuvant TCHP for left breast IDC 3.1 cm, cN0 at diagnosis")
    assert result.facts["treatment"] == "neoadjuvant_completed"


def test_the_n_category_at_presentation_decides_after_chemotherapy_not_today_s() -> None:
    """Rows 8-9 go by the nodal status before chemotherapy (matching-rules.md)."""
    result = bot.analyze("58F, L IDC 4.1 cm, cN2 at diagnosis, neoadjuvant chemo finished, cN0 on today's exam")
    assert result.variant_id == "axilla-9"


def test_an_exam_before_starting_chemotherapy_is_a_timepoint_not_no_treatment() -> None:
    result = bot.analyze("on weekly paclitaxel (week 8 of 12) for a 3.4 cm R IDC, axilla clear on exam before "
                         "starting; now a new R axillary lump. 44F")
    assert result.variant_id == "axilla-7"


def test_a_proven_axillary_met_in_short_form_is_node_positive() -> None:
    result = bot.analyze("L IDC 2.8 cm, FNA-proven L ax mets at diagnosis, neoadjuvant chemo completed, pre-op. 62F")
    assert result.variant_id == "axilla-9"


def test_a_procedure_after_a_comma_is_not_what_was_completed() -> None:
    result = bot.analyze("cT3N1 R breast cancer, neoadjuvant chemo complete, marker clip in the positive node, 53F")
    assert result.variant_id == "axilla-9"


def test_the_weeks_until_surgery_are_not_chemotherapy_under_way() -> None:
    result = bot.analyze("L IDC 3.5 cm, cN1, neoadjuvant AC-T, surgery in 2 wk, 49F")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["treatment"])


def test_a_size_pending_pathology_is_the_size_awaited_not_the_diagnosis() -> None:
    result = bot.analyze("58F, newly diagnosed R IDC on core, size pending path, axilla clinically negative")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])
