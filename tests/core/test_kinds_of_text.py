"""Kinds of text the core once misread, one kind per test, in words written for the test: coded forms, other
languages, spoken alternatives and corrections, treatment told by its schedule, and where a finding is."""
import pytest

import bot
from bot.nlp.normalise import normalise

# ---------------------------------------------------------------- forms

@pytest.mark.parametrize("given_text, read_as", [
    ("Q3 Node felt on exam (1=yes, 2=no, 9=unknown): 2", "Q3 no Node felt on exam."),
    ("Q5 Largest size (mm; 999=missing): 31", "Q5 Largest size: 31 mm"),
    ("Q8 Therapy so far (0=none, 1=NAC running, 2=operated): 1", "Q8 Therapy so far: NAC running"),
    ("Q2 Age (years): 48", "Q2 Age (years): 48"),
])
def test_a_coded_answer_is_said_in_its_legend_s_words(given_text: str, read_as: str) -> None:
    assert normalise(given_text)[0].text == read_as


@pytest.mark.parametrize("form", ["Axillary exam: palpable ☐ not palpable ☒", "LN felt? yes [ ] no [x]",
                                  "axillary nodes palpable Yes □ No ■", "cN: N1 [ ] N0 [X]"])
def test_boxes_after_their_options_keep_the_ticked_one(form: str) -> None:
    result = bot.analyze(f"61F, new R IDC 2.7 cm, untreated\n{form}")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-5", "negative")


def test_a_box_after_a_ticked_yes_keeps_the_node() -> None:
    assert bot.analyze("61F, new R IDC 2.7 cm, untreated\nR axillary node felt: yes ☒ no ☐").variant_id == "axilla-6"


@pytest.mark.parametrize("escaped, read_as", [
    ("Exam:\\nno nodes felt", "Exam:\nno nodes felt"),
    ("size\\t2.4 cm", "size\t2.4 cm"),
    ('the \\"axilla\\" note', 'the "axilla" note'),
])
def test_escapes_spelt_out_by_a_second_json_encoding_are_read_as_meant(escaped: str, read_as: str) -> None:
    assert normalise(escaped)[0].text == read_as


def test_a_negation_after_a_spelt_out_line_break_still_denies() -> None:
    result = bot.analyze("61F, new R IDC 2.7 cm, untreated.\\nno R axillary nodes on palpation")
    assert result.variant_id == "axilla-5"


def test_a_row_pasted_as_an_sql_insert_is_read_column_by_column() -> None:
    result = bot.analyze("insert into breast_cases (pt_age, pt_sex, diagnosis, size_mm, axillary_exam, therapy) values "
                         "(54, 'F', 'new R ILC', 27, 'palpable R axillary node, hard', 'none yet');")
    assert (result.variant_id, result.facts["tumor_size_cm"], result.facts["age"]) == ("axilla-6", 2.7, 54)


def test_a_log_line_of_key_value_pairs_is_a_field_per_pair() -> None:
    result = bot.analyze('t=2026-05-01T09:00Z lvl=info age=54 sex=F dx="new R ILC" size_mm=17 '
                         'axilla="clinically negative" tx=none')
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", 1.7)


def test_a_label_that_ends_in_its_unit_gives_the_number_its_unit() -> None:
    assert normalise("new IDC, size_mm: 24, cN0")[0].text == "new IDC, size: 24 mm, cN0"


def test_a_coded_form_is_read() -> None:
    form = ("Item A Patient sex (1=female, 2=male): 1\nItem B Age (years): 66\n"
            "Q1 Invasive breast cancer, biopsy proven (1=yes, 2=no): 1\nQ2 Tumour diameter (mm; 999=missing): 16\n"
            "Q3 Palpable axillary node, examined today (1=yes, 2=no): 2\nQ4 Treatment so far (0=none, 1=NAC): 0")
    result = bot.analyze(form)
    assert (result.variant_id, result.facts["age"], result.facts["tumor_size_cm"]) == ("axilla-3", 66, 1.6)


def test_an_exam_field_answered_not_done_is_no_negative_exam() -> None:
    result = bot.analyze("59F, new L IDC 2.9 cm, untreated. Staging US: no suspicious axillary nodes. Axillary exam: "
                         "not done today (could not raise her arm).")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_report_s_numbered_item_is_a_heading_not_a_lump() -> None:
    result = bot.analyze("US R breast and axilla. 57 yo woman, core biopsy: IDC.\nLesion 1 - R 10:00: mass 2.4 cm, "
                         "BI-RADS 6.\nLesion 2 - Right axilla: no abnormal-looking nodes seen. BI-RADS 1.\n(Exam "
                         "findings not sent.)")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_benign_mass_in_the_other_breast_is_no_second_cancer() -> None:
    result = bot.analyze("57 yo woman, L IDC on core. L 10:00 mass 1.8 cm. R 4:00: 9 mm circumscribed mass, likely "
                         "fibroadenoma. L axilla: one node with 5 mm cortex, suspicious.")
    assert result.variant_id == "axilla-4"


@pytest.mark.parametrize("exam", ["Axillary exam recorded as “not performed”.",
                                  "Axilla ka exam abhi tak nahi hua."])
def test_an_exam_recorded_as_not_done_is_no_negative_exam(exam: str) -> None:
    result = bot.analyze(f"57F, new L IDC 1.8 cm, untreated. {exam}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_the_dicom_code_of_mammography_names_the_study() -> None:
    result = bot.analyze("MG bilateral screening: enlarged right axillary lymph node 2.2 cm, no hilum. Breasts "
                         "clear. 63 yo woman, never had breast cancer.")
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-11", "mammography_or_us")


def test_a_lump_on_the_line_of_a_site_field_is_at_that_site() -> None:
    result = bot.analyze("Site: left axilla, skin marker placed; she feels a 1 cm lump there. No breast cancer "
                         "history. No imaging yet. 44F")
    assert result.variant_id == "axilla-1"


@pytest.mark.parametrize("text, age", [
    ("Mrs K (58): new L IDC 1.4 cm, cN0. She's 6 years out from a hysterectomy.", 58),
    ("She's 7 yrs out from her appendicectomy; 66F, new L IDC 1.4 cm, cN0", 66),
])
def test_years_out_from_an_operation_are_no_age(text: str, age: int) -> None:
    assert bot.analyze(text).facts["age"] == age


def test_a_mass_imaging_calls_benign_needs_no_breast_work_up() -> None:
    result = bot.analyze("46F, never had breast cancer. US: R breast 7 mm oval mass, a simple cyst, BI-RADS 2. R "
                         "axilla: 2.6 cm node, hilum effaced, BI-RADS 4.")
    assert result.variant_id == "axilla-11"


def test_a_recurrence_whose_biopsy_showed_its_histology_is_proven_whatever_is_still_said() -> None:
    result = bot.analyze("70F, L mastectomy 2016 for IDC, treatment complete. New 9 mm L chest wall nodule; core "
                         "biopsy done Tuesday shows invasive ductal carcinoma, a local recurrence. Onc: fine, if the "
                         "histology holds up on review.")
    assert result.variant_id == "axilla-10"


def test_a_regimen_named_beside_a_field_of_no_treatment_is_asked_about() -> None:
    result = bot.analyze("Regimen: ddAC then weekly paclitaxel, neoadjuvant\nDiagnosis: new L IDC 2.8 cm, palpable L "
                         "axillary node\nTreatment: none so far")
    assert result.status == bot.NEEDS_INFO and result.missing == ["treatment"]


def test_sr_in_a_text_message_is_sure_and_sr_before_a_name_is_a_man() -> None:
    assert bot.analyze("61F nw dx R brst ca 2.8cm, ?ax LN, nt sr").facts["sex"] == "female"
    assert bot.analyze("Sr. Ortega, 66 años, carcinoma de mama 2,8 cm").facts["sex"] == "male"


def test_a_text_message_without_vowels_is_read() -> None:
    result = bot.analyze("61F nw dx R brst IDC 1.6cm. ax clncly ngtv, no plpbl nds. nthng strtd yt.")
    assert result.variant_id == "axilla-3"


# ---------------------------------------------------------------- other languages

@pytest.mark.parametrize("text", [
    "Kvinna 52 år, nyupptäckt bröstcancer vänster, 31 mm, möjligen palpabel körtel i vänster axill. Obehandlad.",
    "Žena 52 let, nově zjištěný karcinom levého prsu 31 mm, možná hmatná uzlina v levé axile.",
    "52 yaşında kadın, yeni tanı sol meme kanseri 3,1 cm, sol aksillada belki ele gelen lenf nodu.",
])
def test_a_hedged_node_in_another_language_is_asked_about(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing, result.facts["diagnosis"]) == (
        bot.NEEDS_INFO, ["clinical_nodes"], "new_primary")


@pytest.mark.parametrize("text", [
    "Žena 52 let, karcinom pravého prsu 1,6 cm, cN0, dokončená neoadjuvantní chemoterapie, operace za týden.",
    "Kvinna 52 år, högersidig bröstcancer 16 mm, cN0, har avslutat neoadjuvant cytostatikabehandling.",
])
def test_neoadjuvant_chemotherapy_finished_in_another_language_is_not_an_untreated_cancer(text: str) -> None:
    assert bot.analyze(text).facts["treatment"] == "neoadjuvant_completed"


@pytest.mark.parametrize("text, variant", [
    ("Kvinne 51 år, aldri hatt brystkreft. Følbar kul i venstre armhule, ingen bildediagnostikk ennå.", "axilla-1"),
    ("Kvinne 51 år, nylig diagnostisert brystkreft i venstre bryst, 16 mm, ingen palpable lymfeknuter i venstre "
     "aksille, ingen behandling ennå.", "axilla-3"),
])
def test_a_case_in_norwegian_is_read(text: str, variant: str) -> None:
    assert bot.analyze(text).variant_id == variant


def test_metastases_named_in_norwegian_are_distant_disease() -> None:
    result = bot.analyze("Kvinne 51 år, nylig diagnostisert brystkreft, 3,1 cm, palpabel lymfeknute i aksillen. CT: "
                         "levermetastaser, bekreftet ved biopsi.")
    assert (result.status, result.facts["distant_metastases"]) == (bot.OUT_OF_SCOPE, True)


def test_a_compound_that_names_the_organ_of_a_metastasis_is_distant_disease() -> None:
    result = bot.analyze("Kvinna 61 år, nyupptäckt bröstcancer vänster, 34 mm, palpabel körtel i vänster axill. "
                         "CT: skelettmetastaser.")
    assert (result.status, result.facts["distant_metastases"]) == (bot.OUT_OF_SCOPE, True)


@pytest.mark.parametrize("spread", [
    "the cancer has already spread to her bones", "staging: distant spread to both lungs",
    "a positive bone scan", "widespread disease on the staging CT", "pleural fluid cytology positive for carcinoma",
    "Staging-CT: Metastasen in der Leber", "PET: ossäre Metastasierung",
])
def test_metastatic_disease_told_by_what_shows_it_is_out_of_scope(spread: str) -> None:
    result = bot.analyze(f"49F, new L IDC 3.3 cm, palpable L axillary node, untreated; {spread}")
    assert (result.status, result.facts["distant_metastases"]) == (bot.OUT_OF_SCOPE, True)


@pytest.mark.parametrize("lesion", ["CT: two small lesions in the liver",
                                    "CT: a 9 mm lesion in the right lobe of the liver"])
def test_a_lesion_in_a_distant_organ_beside_a_current_cancer_is_asked_about(lesion: str) -> None:
    result = bot.analyze(f"49F, new L IDC 3.3 cm, palpable L axillary node, untreated; {lesion}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["distant_metastases"])


def test_spread_to_the_axillary_nodes_is_no_distant_disease() -> None:
    result = bot.analyze("49F, new L IDC 3.3 cm, untreated; it has spread to the L axillary nodes (palpable)")
    assert result.variant_id == "axilla-6"


def test_an_inflected_melanoma_explains_the_node() -> None:
    result = bot.analyze("Žena 55 let, hmatná uzlina v levé axile, biopsie prokázala metastázu melanomu.")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "other_cancer")


def test_a_lump_in_both_armpits_said_with_a_swedish_in() -> None:
    result = bot.analyze("39-årig kvinna utan känd bröstcancer, nya palpabla knölar i båda armhålorna.")
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-2", "bilateral")


def test_a_recurrence_in_the_breast_in_another_language_is_local() -> None:
    result = bot.analyze("70 yaşında kadın. 2015'te sol meme koruyucu cerrahi. Şimdi sol memede biyopsi ile "
                         "kanıtlanmış lokal nüks.")
    assert result.variant_id == "axilla-10"


def test_an_armpit_named_before_a_described_lump_places_it() -> None:
    result = bot.analyze("Mahila 48 saal, right breast IDC 3.6 cm at diagnosis, cN0. Neoadjuvant chemo chal rahi hai, "
                         "cycle 3 of 6. Kal right bagal mein ek naya hard palpable lump mila.")
    assert result.variant_id == "axilla-7"


def test_done_already_in_tagalog_is_chemotherapy_completed() -> None:
    result = bot.analyze("51F, R breast cancer 3.4 cm at diagnosis, cN0 noon, tapos na ang neoadjuvant chemo, "
                         "surgery next month")
    assert result.facts["treatment"] == "neoadjuvant_completed"


# ---------------------------------------------------------------- spoken alternatives and corrections

@pytest.mark.parametrize("text", [
    "47F, new R IDC, size 1.9 - um, or 2.3, I will check, cN0, untreated",
    "47F, new R IDC, size 2.1 or maybe 1.7, cN0, untreated",
])
def test_a_size_offered_with_another_is_asked(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_numbers_joined_by_or_elsewhere_are_no_alternative_size() -> None:
    assert bot.analyze("47F, new R IDC, size 2.6, cN0, seen 1 or 2 times, untreated").variant_id == "axilla-5"


def test_a_study_corrected_to_another_is_the_other() -> None:
    result = bot.analyze("60F, no breast cancer ever, abnormal R axillary node on the ultrasound - correction, "
                         "on the chest CT for cough.")
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-12", "other_imaging")


def test_a_size_taken_back_keeps_the_words_that_name_what_it_measures() -> None:
    result = bot.analyze("New diagnosis, 61F. Tumour one point six - scratch that, two point six cm. Axilla "
                         "clinically negative.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.6)


# ---------------------------------------------------------------- treatment by its schedule

@pytest.mark.parametrize("text", [
    "L breast ca 2025, WLE, radiotherapy ends in two weeks; new palpable L axillary lump",
    "L breast ca 2025, WLE, 12 of 20 fractions of radiotherapy given; new palpable L axillary lump",
])
def test_radiotherapy_still_being_given_is_current_treatment(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "adjuvant_therapy")


@pytest.mark.parametrize("drug", ["has been taking letrozole for six weeks", "started on Femara in May",
                                  "currently on tamoxifen"])
def test_an_endocrine_drug_taken_before_the_operation_is_neoadjuvant_endocrine_therapy(drug: str) -> None:
    result = bot.analyze(f"71F, new R IDC 2.8 cm, ER strongly positive, cN0, {drug}, surgery not yet booked")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "endocrine_therapy")


@pytest.mark.parametrize("text", [
    "71F, new R IDC 2.8 cm, cN0, untreated; adjuvant tamoxifen discussed in clinic",
    "71F, new R IDC 2.8 cm, cN0, untreated. Her sister is on anastrozole.",
])
def test_an_endocrine_drug_only_talked_about_or_someone_else_s_is_no_treatment(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-5"


@pytest.mark.parametrize("therapy", ["now having post-mastectomy radiotherapy", "on adjuvant trastuzumab",
                                     "still on chest wall RT, week 4 of 5", "currently receiving Phesgo"])
def test_a_past_cancer_still_under_adjuvant_treatment_is_current(therapy: str) -> None:
    result = bot.analyze(f"54F, L breast cancer 2024, mastectomy; {therapy}; new palpable L axillary lump")
    assert result.status == bot.OUT_OF_SCOPE


@pytest.mark.parametrize("end", ["finishing her neoadjuvant chemo next week", "NAC ends in 3 weeks",
                                 "chemotherapy will be done next month"])
def test_chemotherapy_that_ends_later_is_under_way(end: str) -> None:
    result = bot.analyze(f"54F, L IDC 3.4 cm at diagnosis, cN0; {end}, then surgery")
    assert (result.status, result.facts["treatment"]) == (bot.OUT_OF_SCOPE, "neoadjuvant_ongoing")


def test_radiotherapy_finished_long_ago_leaves_a_past_cancer() -> None:
    result = bot.analyze("L breast ca 2015, WLE and radiotherapy, finished 2016; new palpable L axillary lump")
    assert result.variant_id == "axilla-1"


@pytest.mark.parametrize("schedule", ["C2D8 weekly paclitaxel", "cycle 2, day 8 of paclitaxel",
                                      "3. ciclo di 6, neoadjuvant"])
def test_a_cycle_day_or_an_ordinal_cycle_is_chemotherapy_under_way(schedule: str) -> None:
    text = f"{schedule}; L IDC 3.9 cm, cN0 at diagnosis; now a new palpable L axillary node"
    assert bot.analyze(text).variant_id == "axilla-7"


@pytest.mark.parametrize("operation", ["s/p prophylactic left mastectomy 2021",
                                       "status post risk-reducing L nipple-sparing mastectomy"])
def test_a_risk_reducing_mastectomy_is_no_operation_of_the_cancer(operation: str) -> None:
    result = bot.analyze(f"47F, BRCA1 carrier, {operation}; now newly diagnosed R IDC 2.6 cm, axilla clinically "
                         "negative")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-5", None)


@pytest.mark.parametrize("where", ["in the opposite armpit", "in the contralateral axilla",
                                   "above the clavicle (supraclavicular)", "in the SCF"])
def test_a_new_node_during_chemotherapy_outside_the_cancer_s_axilla_is_not_row_7(where: str) -> None:
    result = bot.analyze(f"50F, IDC 3.6 cm, cN0 at diagnosis, on NAC cycle 4 of 6; a new palpable node {where}")
    assert result.status != bot.MATCHED


@pytest.mark.parametrize("last", ["the final docetaxel dose was given 9 days ago",
                                  "last neoadjuvant infusion a week ago", "last chemo three weeks ago"])
def test_a_last_dose_in_the_past_is_chemotherapy_completed(last: str) -> None:
    result = bot.analyze(f"57F, L IDC 3.2 cm at diagnosis, cN0; {last}; operation booked for next month")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-8", "neoadjuvant_completed")


def test_a_plan_after_then_leaves_the_treatment_before_it_done() -> None:
    result = bot.analyze("57F, L IDC 3.2 cm at diagnosis, cN0; 4 x TC completed then WLE planned")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-8", "neoadjuvant_completed")


def test_a_post_operative_day_from_another_operation_is_no_breast_surgery() -> None:
    result = bot.analyze("Post-op day 2 after an unrelated knee arthroscopy. 66F, new R IDC 1.3 cm, no palpable "
                         "axillary nodes, untreated.")
    assert result.variant_id == "axilla-3"


# ---------------------------------------------------------------- where a finding is

def test_a_size_measuring_up_to_is_its_largest_dimension() -> None:
    result = bot.analyze("62F, new R IDC measuring up to 2.3 cm on ultrasound, axilla clinically negative, untreated")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.3)


@pytest.mark.parametrize("number", ["it has grown 1.2 cm since March", "lies within 2.5 cm of the chest wall",
                                    "3 cm interval growth on the new MRI"])
def test_a_change_in_size_or_a_distance_as_a_bound_is_no_size(number: str) -> None:
    result = bot.analyze(f"56F, new L IDC, {number}; L axilla clinically negative; untreated")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_what_the_tumour_grew_to_is_its_size() -> None:
    result = bot.analyze("56F, new L IDC, it grew to 2.6 cm over the summer; L axilla clinically negative; untreated")
    assert result.variant_id == "axilla-5"


def test_a_landmark_after_a_second_number_is_that_number_s() -> None:
    result = bot.analyze("49F, core biopsy: IDC. Mammography: an irregular mass of 31 mm lying 6 cm from the nipple. "
                         "Exam: firm R axillary node. No treatment yet.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-6", 3.1)


def test_a_size_before_a_list_of_adjectives_measures_the_noun_they_end_in() -> None:
    result = bot.analyze("49F, new R IDC 1.7 cm, untreated, exam negative; mammogram: a 2.5 cm dense, lobulated R "
                         "axillary node, called suspicious")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-4", 1.7)


def test_a_study_on_the_comparison_line_did_not_find_the_node() -> None:
    result = bot.analyze("EXAM: PET-CT\nINDICATION: 52 yo woman, no cancer history, fatigue.\nCOMPARISON: US "
                         "03/2023; mammogram 2024, normal.\nFINDINGS: R axillary node 2.1 cm, SUVmax 9, suspicious.")
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-12", "other_imaging")


def test_a_size_after_a_semicolon_that_names_nothing_is_the_lump_s() -> None:
    result = bot.analyze("On weekly paclitaxel (neoadjuvant) for R IDC 3.8 cm, cN0 at diagnosis. New lump in the "
                         "right armpit; firm, mobile, about 1.2 cm.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-7", 3.8)


def test_a_positive_node_field_about_another_region_is_not_axillary() -> None:
    result = bot.analyze("ROS 57F: no breast lumps, no axillary lumps. Lymph: POSITIVE for a 1.8 cm left "
                         "inguinal node. No history of breast cancer.")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "other_site")


def test_an_axillary_exam_is_the_axilla_s_beside_a_groin_operation() -> None:
    result = bot.analyze("Day 1 after an inguinal hernia repair. 68F, new L IDC 1.5 cm, untreated. Axillary exam "
                         "by the surgeon: no palpable nodes on either side.")
    assert result.variant_id == "axilla-3"


# ---------------------------------------------------------------- what a "no" or a later word denies

@pytest.mark.parametrize("text", [
    "63F, new L IDC 2.8 cm, no interval change in the palpable L axillary node, untreated",
    "63F, new L IDC 2.8 cm; no doubt about it, a palpable L axillary node; untreated",
])
def test_a_no_that_denies_another_word_leaves_the_node(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-6"


@pytest.mark.parametrize("denial", ["excluded on palpation", "not present on exam", "not appreciated by me"])
def test_a_denial_after_the_node(denial: str) -> None:
    result = bot.analyze(f"66F, new R IDC 1.7 cm, untreated; palpable axillary nodes {denial}")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


@pytest.mark.parametrize("exam", [
    "no hard, tender, fixed or otherwise worrying R axillary nodes on palpation",
    "there were no matted, firm, or large nodes to feel in her right axilla",
    "exam: no enlarged, hard or fixed R axillary lymph nodes palpable",
])
def test_a_no_before_a_series_of_single_word_modifiers_denies_the_node_they_describe(exam: str) -> None:
    result = bot.analyze(f"71F, new R IDC 1.9 cm, untreated, {exam}")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


def test_a_no_before_a_list_of_findings_stops_where_a_but_brings_a_node() -> None:
    result = bot.analyze("71F, new R IDC 1.9 cm, untreated, no fever, night sweats, or weight loss, but a hard "
                         "palpable right axillary node")
    assert result.variant_id == "axilla-4"


@pytest.mark.parametrize("text", [
    "57F, new R IDC 1.8 cm, untreated, firm R axillary node on exam, not mobile",
    "57F, new R IDC 1.8 cm, untreated. R axilla: one node palpated; non-mobile, not tender.",
])
def test_denying_what_a_felt_node_is_like_is_no_negative_exam(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-4"


@pytest.mark.parametrize("finding", ["an FDG-avid L axillary node, SUVmax 7", "hypermetabolic L axillary nodes",
                                     "CT chest: left axillary lymphadenopathy, largest 2.4 cm"])
def test_a_node_only_pet_or_ct_shows_names_its_study(finding: str) -> None:
    result = bot.analyze(f"63F, never had breast cancer; {finding}")
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-12", "other_imaging")


def test_a_felt_lump_that_pet_calls_abnormal_is_past_its_first_imaging() -> None:
    result = bot.analyze("63F, never had breast cancer, a palpable L axillary lump, markedly FDG-avid on PET-CT")
    assert result.variant_id == "axilla-12"


def test_lymphadenopathy_called_reactive_on_imaging_is_no_suspicious_node() -> None:
    result = bot.analyze("63F, new L IDC 1.6 cm, untreated, L axilla clinically negative; US: reactive-appearing "
                         "lymphadenopathy")
    assert result.variant_id == "axilla-3"


def test_a_no_reaches_the_last_item_of_a_list_that_ends_its_sentence() -> None:
    result = bot.analyze("63F, new L IDC 1.6 cm, untreated. Exam: no palpable inguinal, cervical or axillary "
                         "lymphadenopathy on either side.")
    assert result.variant_id == "axilla-3"


@pytest.mark.parametrize("exam", ["R axilla feels a little full, no discrete mass", "some R axillary fullness"])
def test_an_axilla_that_feels_full_is_asked_about(exam: str) -> None:
    result = bot.analyze(f"64F, new R IDC 3.3 cm, untreated; {exam}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_fullness_felt_as_discrete_lumps_is_a_lump() -> None:
    result = bot.analyze("64F, no breast cancer ever; fullness in both armpits, each palpable as a discrete lump")
    assert result.variant_id == "axilla-2"


def test_a_node_that_was_not_present_before_is_there_now() -> None:
    result = bot.analyze("66F, R IDC 3.9 cm, cN0, on neoadjuvant chemotherapy (cycle 3 of 6); a palpable R axillary "
                         "lump that was not present at diagnosis")
    assert result.variant_id == "axilla-7"


def test_metastasis_called_unlikely_is_asked_about() -> None:
    result = bot.analyze("66F, new R IDC 1.7 cm, untreated; US: nodal metastasis unlikely")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("impression", [
    "an irregular 2.9 cm R breast mass, compatible with carcinoma on the mammogram",
    "a 2.9 cm R breast mass with malignant-looking margins on US",
    "a 2.9 cm breast cancer in the R breast detected on MRI",
    "a new breast cancer per the radiologist, 2.9 cm",
])
def test_a_cancer_known_only_by_its_imaging_has_no_tissue_diagnosis(impression: str) -> None:
    result = bot.analyze(f"52F with {impression}; hard palpable R axillary node")
    assert result.status in (bot.OUT_OF_SCOPE, bot.NEEDS_INFO) and result.variant_id is None


@pytest.mark.parametrize("text", [
    "52F, R breast mass 2.9 cm; core biopsy consistent with invasive ductal carcinoma; palpable R axillary node",
    "52F, breast cancer detected on MRI; US-guided core: IDC, 2.9 cm; palpable R axillary node",
])
def test_a_biopsy_that_names_the_cancer_is_its_tissue_diagnosis(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-6"


def test_an_unbiopsied_breast_mass_beside_an_abnormal_node_is_worked_up_as_a_breast_mass() -> None:
    result = bot.analyze("52F, never had cancer. US: R breast mass 1.7 cm, irregular; R axillary node, cortex 4 mm")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


@pytest.mark.parametrize("text", [
    "66F with recurrent mastitis, now new R IDC 2.6 cm on core biopsy, cN0, untreated",
    "66F, new R IDC 2.6 cm, cN0, untreated; recurrence score 31",
])
def test_a_recurrence_word_about_no_cancer_s_return(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-5"


@pytest.mark.parametrize("text", [
    "54F, 3.5 cm R breast mass, clinically malignant, palpable R axillary node",
    "54F, R breast cancer diagnosed clinically, 3.5 cm, palpable R axillary node",
])
def test_a_cancer_by_impression_has_no_tissue_diagnosis(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


@pytest.mark.parametrize("text", ["M/71 new R IDC 2.2 cm, cN0", "71 yo grandfather, new R IDC 2.2 cm, cN0",
                                  "19 yo boy, new R breast IDC 2.2 cm on core, cN0"])
def test_a_man_written_as_a_code_or_as_what_he_is(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["sex"]) == (bot.OUT_OF_SCOPE, "male")


@pytest.mark.parametrize("history", ["treated for prostate adenocarcinoma in 2019", "s/p TURP for BPH",
                                     "left orchidectomy as a teenager", "known Klinefelter's"])
def test_a_history_only_a_man_can_have_states_the_patient_s_sex(history: str) -> None:
    result = bot.analyze(f"68 yo, {history}; new R breast IDC 2.2 cm, cN0, untreated")
    assert (result.status, result.facts["sex"]) == (bot.OUT_OF_SCOPE, "male")


def test_a_relative_s_prostate_cancer_says_nothing_of_her_sex() -> None:
    result = bot.analyze("68 yo, new R breast IDC 2.2 cm, cN0, untreated; her father died of prostate cancer")
    assert result.variant_id == "axilla-5"


@pytest.mark.parametrize("text", ["60F with ILC, palpable R axillary node", "60F with IDC; palpable R axillary node"])
def test_a_named_histology_is_her_cancer_not_an_axillary_lump_without_one(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing, result.facts["diagnosis"]) == (
        bot.NEEDS_INFO, ["tumor_size_cm"], "new_primary")


@pytest.mark.parametrize("text", [
    "62F, no breast cancer. Corrected Ca 2.41 mmol/L. New palpable L axillary lump, not imaged.",
    "CANCER GENETICS CLINIC. 62F, no personal cancer history. New palpable L axillary lump, not imaged.",
])
def test_calcium_and_a_service_s_name_are_no_cancer(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["diagnosis"], result.facts["cancer_named"]) == (
        "axilla-1", "none_known", None)


# ---------------------------------------------------------------- distances, sides and time of a node

@pytest.mark.parametrize("text", [
    "66F, new L IDC at 3:00, 7 cm from nipple 1.4 cm irregular mass, axilla clinically negative",
    "66F, new L IDC: 3:00 7 cm FN 1.4 x 1.0 cm mass. No palpable axillary nodes on exam.",
])
def test_a_distance_from_the_nipple_before_the_size_is_no_size(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", 1.4)


def test_a_mass_before_an_axilla_with_its_own_statement_is_the_breast_s() -> None:
    result = bot.analyze("66F, core-proven IDC R breast 1.4 cm mass, axilla normal on exam")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", 1.4)


def test_a_suspicious_node_in_the_other_axilla_is_not_this_cancer_s() -> None:
    result = bot.analyze("66F, new 1.4 cm IDC R breast, no palpable nodes on exam; US: a suspicious LEFT axillary "
                         "node")
    assert result.facts["clinical_nodes"] != "positive"


def test_a_node_found_after_chemotherapy_with_the_status_before_it_untold_is_asked() -> None:
    result = bot.analyze("52F R IDC 4.1 cm at diagnosis, finished NAC; MRI now shows an abnormal right axillary "
                         "node; surgery in 2 weeks")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_sizes_of_two_studies_in_a_list_are_both_the_tumour_s() -> None:
    result = bot.analyze("49F; L IDC G2; 24mm US / 33mm MRI; cN0; untreated")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 3.3)


def test_chemotherapy_in_the_story_of_a_finished_past_cancer_is_history() -> None:
    result = bot.analyze("47F, R breast cancer 2014 treated with neoadjuvant chemo, mastectomy and RT, all done by "
                         "2015. Now a new palpable R axillary lump, not imaged yet.")
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_a_breast_primary_named_as_the_origin_of_a_node_s_metastasis_is_no_tumour() -> None:
    result = bot.analyze("61F, palpable right axillary node; FNA: metastatic carcinoma in keeping with a breast "
                         "primary; mammography and MRI show no breast lesion")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "occult_primary")



# ---------------------------------------------------------------- who, when, and what a question asks

@pytest.mark.parametrize("text", ["57-year-old mother of two with a new 2.3 cm R IDC and a palpable R axillary node",
                                  "a grandmother of five, 57, new 2.3 cm R IDC, palpable R axillary node"])
def test_the_patient_named_by_her_family_role_is_the_patient(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_romance_abbreviation_of_ductal_carcinoma_named_with_the_breast() -> None:
    result = bot.analyze("Paciente de 52 años, CDI de mama derecha 2,6 cm, recientemente diagnosticado, sin "
                         "adenopatías axilares palpables")
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-5", "new_primary")


def test_a_recurrence_ruled_out_leaves_a_past_cancer() -> None:
    result = bot.analyze("61F, R breast ca 2012 s/p WLE + RT; recurrence excluded on biopsy; now a new palpable L "
                         "axillary lump")
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_operations_dated_by_month_and_year_are_a_past_cancer_s() -> None:
    result = bot.analyze("F 70. R breast IDC dx 05/2013, mastectomy 06/2013, RT completed 09/2013; now (10/2026) a "
                         "new palpable L axillary lump, not imaged")
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_a_smaller_dated_size_before_a_current_one_in_its_sentence_is_older() -> None:
    result = bot.analyze("49F core-proven IDC R breast; 1.6 cm on US 2025, now 2.4 cm on today's US; no palpable "
                         "axillary nodes")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.4)


@pytest.mark.parametrize("text", ["49F new IDC R breast 2.7 cm, amended to 1.7 cm on review, cN0, untreated",
                                  "49F new IDC R breast 2.7 cm, revised to 1.7 cm, cN0, untreated"])
def test_a_report_s_amended_size_replaces_the_first(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-3", 1.7)


def test_a_case_inside_a_question_about_a_study_is_given() -> None:
    result = bot.analyze("Does a 63F with a new 2.9 cm IDC and a palpable axillary node need axillary US?")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-6", "positive")


def test_the_size_of_a_dcis_component_is_not_the_invasive_tumour_s() -> None:
    result = bot.analyze("57F, new left breast lesion, core: DCIS and invasive disease, untreated, cN0. The 15 mm is "
                         "the DCIS component; the invasive mass itself is 26 mm")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.6)


@pytest.mark.parametrize("text", [
    "A 59-year-old woman with a new right breast IDC [1] and a palpable right axillary node [2]. No treatment.\n"
    "[1] 1.3 cm, 6 cm from the nipple.\n[2] 2.6 cm, firm.",
    "59F, new right breast IDC³, palpable right axillary node⁴, no treatment.\n³ 1.3 cm on US.\n⁴ 2.6 cm.",
])
def test_a_footnote_is_read_where_its_marker_stands(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-4", 1.3)


def test_a_query_inside_brackets_ends_with_them() -> None:
    result = bot.analyze("CT chest (for ?PE): suspicious R axillary LN.\nNo breast ca history.\n64 F.")
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-12", "other_imaging")


def test_a_queried_size_in_a_transcribed_note_is_approximate() -> None:
    result = bot.analyze("Mid-NAC (C2 of 6) - new palpable R axillary lump [?1.5cm].\nDx: R breast IDC 3.6cm, axilla "
                         "clin neg @ dx.\n51 F.")
    assert result.variant_id == "axilla-7"


# ---------------------------------------------------------------- more ways to say none, and numbers with extras

@pytest.mark.parametrize("none", ["zero palpable axillary nodes", "0 palpable axillary nodes", "palpable axillary "
                                  "nodes x0", "an axilla devoid of palpable nodes", "lacking palpable adenopathy",
                                  "I was unable to palpate any axillary node", "w/o palpable axillary nodes",
                                  "palpable axillary LN (-)", "palpable axillary nodes Ø"])
def test_more_ways_to_say_there_is_no_node(none: str) -> None:
    result = bot.analyze(f"new IDC 1.6 cm, untreated, {none}")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


def test_a_dimension_with_a_zero_is_no_count_of_zero() -> None:
    result = bot.analyze("new IDC 1.6 x 0.8 cm, untreated, palpable axillary node")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-4", 1.6)


@pytest.mark.parametrize("text", ["new IDC 1.6 cm, untreated; axillary node not tender but firm and palpable",
                                  "new IDC 1.6 cm, untreated; palpable axillary node, not mobile, not tender"])
def test_denying_what_a_felt_node_is_like_leaves_it_felt(text: str) -> None:
    assert bot.analyze(text).facts["clinical_nodes"] != "negative"


@pytest.mark.parametrize("negator", ["fără", "tanpa", "nincs", "xoris"])
def test_a_negator_of_another_language_before_english_words(negator: str) -> None:
    result = bot.analyze(f"newly diagnosed IDC 2.8 cm, untreated, {negator} palpable axillary nodes")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-5", "negative")


@pytest.mark.parametrize("man", ["Bărbat 66 ani", "Pria 66 tahun", "Mies 66 v"])
def test_a_man_in_another_language(man: str) -> None:
    result = bot.analyze(f"{man}, newly diagnosed IDC 2.8 cm, palpable axillary node")
    assert (result.status, result.facts["sex"]) == (bot.OUT_OF_SCOPE, "male")


@pytest.mark.parametrize("size, cm", [("2.4 ± 0.2 cm", 2.4), ("2.6 +/- 0.3 cm", 2.6), ("18 mm x 2.3 cm", 2.3),
                                      ("15 mm x 2.6 cm x 12 mm", 2.6)])
def test_a_tolerance_or_mixed_units_leave_the_size(size: str, cm: float) -> None:
    result = bot.analyze(f"new IDC {size}, palpable axillary node, untreated")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-6", cm)


def test_done_said_of_a_port_placement_is_not_chemotherapy_done() -> None:
    result = bot.analyze("new IDC 3.1 cm, palpable axillary node, s/p port placement, chemo starts Monday")
    assert result.facts["treatment"] != "neoadjuvant_completed"


def test_a_tolerance_that_reaches_across_two_centimetres_is_asked() -> None:
    result = bot.analyze("new IDC 1.9 ± 0.3 cm, palpable axillary node, untreated")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_an_axillary_met_proven_by_biopsy_is_a_node() -> None:
    result = bot.analyze("new 2.7 cm IDC R, biopsy-proven R axillary met, untreated")
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-6", "positive")


@pytest.mark.parametrize("text", ["new IDC 2.9 cm, cN0, awaiting NAC", "new IDC 2.9 cm, cN0, she declined neoadjuvant "
                                  "chemotherapy", "new IDC 2.9 cm, cN0, chemo-naive", "new IDC 2.9 cm, cN0, NAC starts "
                                  "in 3 days"])
def test_chemotherapy_still_to_come_is_no_treatment_yet(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-5", "none")


@pytest.mark.parametrize("text", ["IBTR proven on core biopsy, WLE 2015", "core-proven LRR in the right breast, first "
                                  "cancer treated 2016"])
def test_recurrence_abbreviations_name_a_local_recurrence(text: str) -> None:
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-10", "local_recurrence")


def test_dimensions_labelled_by_their_axes_are_one_measurement() -> None:
    result = bot.analyze("new IDC, dimensions 1.4 cm (AP) and 2.3 cm (TR), palpable axillary node, untreated")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-6", 2.3)


def test_a_table_whose_header_has_no_rule_line() -> None:
    result = bot.analyze("| size | axilla | treatment |\n| 2.7 cm | palpable axillary node | none |\nnewly diagnosed "
                         "IDC, 52F")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-6", 2.7)


def test_treatment_to_come_after_surgery_leaves_the_operation_ahead() -> None:
    result = bot.analyze("61F, R IDC 3.4 cm, cN0 at diagnosis; neoadjuvant chemotherapy completed last week. "
                         "Lumpectomy booked for the 20th. Radiotherapy consult to follow after surgery.")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-8", "neoadjuvant_completed")


def test_the_size_of_a_past_cancer_told_beside_it_is_not_the_recurrence_s() -> None:
    result = bot.analyze("69F. Right breast cancer in 2013 (1.7 cm, node-negative) treated with WLE and RT. New 2.4 "
                         "cm mass at the right lumpectomy scar; core biopsy: recurrent IDC.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-10", 2.4)


def test_a_group_s_median_age_is_no_second_patient() -> None:
    result = bot.analyze("Audit: 140 women seen, median age 51. Today: a 63-year-old woman with a new palpable left "
                         "axillary lump, no breast cancer history, not imaged yet.")
    assert (result.variant_id, result.facts["age"]) == ("axilla-1", 63)


def test_a_first_cycle_still_due_is_no_treatment_yet() -> None:
    result = bot.analyze("Newly diagnosed R breast IDC 4.2 cm, palpable R axillary node. Cycle 1 of neoadjuvant EC "
                         "is due on Thursday, not yet given.")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-6", "none")


def test_an_operation_weeks_ahead_keeps_a_cancer_after_chemotherapy_current() -> None:
    result = bot.analyze("S: 41F finished neoadjuvant TCHP 2 weeks ago.\nHx: R IDC 3.8 cm at diagnosis with a biopsy-"
                         "proven R axillary node (cN1).\nP: surgery in 4/52; axillary imaging beforehand?")
    assert (result.variant_id, result.facts["treatment"]) == ("axilla-9", "neoadjuvant_completed")


# ---------------------------------------------------------------- conversation kinds (qa27)

@pytest.mark.parametrize("opener", ["Cheers, next up -", "Perfect, thank you. And another:",
                                    "thanks for that! here's another -", "OK, noted. Next one:"])
def test_a_pleasantry_before_a_new_case_opener_still_opens_a_new_case(opener: str) -> None:
    assert bot.extract(f"{opener} 49F, 1.4 cm R breast ILC, cN1").new_case


def test_a_word_that_only_sounds_like_an_opener_opens_no_case() -> None:
    assert not bot.extract("she also has another: a node in the right axilla").new_case


@pytest.mark.parametrize("said", ["we are still waiting on the histology", "path not back yet, only imaging so far",
                                  "she has not had any biopsy so far"])
def test_a_follow_up_without_a_tissue_diagnosis_takes_the_case_out_of_scope(said: str) -> None:
    assert bot.extract(said, diagnosis="new_primary").stated.get("encounter") == "no_tissue_diagnosis"


@pytest.mark.parametrize("said", ["node core biopsy results pending", "the FNA of the node has not been done"])
def test_a_node_biopsy_still_to_come_takes_no_tissue_diagnosis_away(said: str) -> None:
    assert bot.extract(said, diagnosis="new_primary").stated.get("encounter") is None


@pytest.mark.parametrize("text", ["61F, new 2.6 cm L IDC, palpable L node; two infusions given so far",
                                  "61F, new 2.6 cm L IDC, palpable L node, four cycles in",
                                  "61F, new 2.6 cm L IDC, palpable L node, has received 5 rounds of chemotherapy"])
def test_cycles_counted_without_their_total_are_no_finished_chemotherapy(text: str) -> None:
    result = bot.analyze(text)
    assert result.status != bot.MATCHED and result.facts["treatment"] != "neoadjuvant_completed"


def test_a_round_node_is_no_round_of_chemotherapy() -> None:
    result = bot.analyze("47F, no breast cancer history, US of the L axilla: one round lymph node without hilum, "
                         "suspicious. Mammogram normal.")
    assert result.variant_id == "axilla-11"


def test_she_is_a_count_of_rounds_is_no_age() -> None:
    assert bot.extract("she is six rounds into her chemo").stated.get("age") is None


@pytest.mark.parametrize("text, cm", [("not 2.4 cm, 2.4 mm", 0.24), ("not 1.5 but 2.5", 2.5)])
def test_a_value_denied_then_the_one_meant_is_a_correction(text: str, cm: float) -> None:
    found = bot.extract(text, expecting="tumor_size_cm")
    assert (found.corrected, found.stated.get("tumor_size_cm")) == (True, cm)


@pytest.mark.parametrize("text, unit", [("oops, I meant millimetres", "mm"), ("cm not mm", "cm"),
                                        ("wrong unit, not cm", "mm"), ("what is it in mm?", None)])
def test_a_unit_said_alone_is_the_unit_meant(text: str, unit: str) -> None:
    assert bot.extract(text).unit == unit


@pytest.mark.parametrize("text", ["sorry, 3.1 cm is the size of the axillary node, the tumour is 1.6 cm",
                                  "the 3.1 belongs to the lymph node; primary is 1.6",
                                  "that 3.1 was for the node. the mass is 16 mm"])
def test_a_number_given_back_to_the_node_corrects_the_tumour_size(text: str) -> None:
    found = bot.extract(text)
    assert (found.corrected, found.stated.get("tumor_size_cm")) == (True, 1.6)


@pytest.mark.parametrize("text, topic", [("und falls die Stanzbiopsie negativ ausfällt?", "biopsy_negative"),
                                         ("y si la biopsia es benigna?", "biopsy_negative"),
                                         ("comment rédiger la demande d'examen ?", "order_wording"),
                                         ("wie hoch ist die Strahlung bei der Mammographie?", "radiation")])
def test_follow_up_questions_in_other_languages_find_their_topic(text: str, topic: str) -> None:
    from bot.faq import detect_topic
    assert detect_topic(text) == topic


def test_a_bracketed_aside_before_a_size_does_not_name_what_it_measures() -> None:
    result = bot.analyze("58F, new R breast IDC. Measured 1.6 cm on a mammogram in May (called a cyst then), has "
                         "grown and now measures 2.4 cm on today's US. Axilla clinically negative, untreated.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.4)
