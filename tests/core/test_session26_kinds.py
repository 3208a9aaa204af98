"""Kinds of text found failing in session 26's blind set, each tested in words written for the test (never the
set's sentence): a node denied at another site, an exam said not done, emoji between statements, a bound on the
tumour beside a size on the other side of 2 cm, BI-RADS margins, a benign finding located in a breast, and the
short chat follow-ups "nothing done yet", "she's actually 85"."""
import pytest

import bot


@pytest.mark.parametrize("site", ["No palpable inguinal lymphadenopathy.", "Neck soft, no cervical adenopathy.",
                                  "no submandibular nodes felt"])
def test_a_node_denied_at_another_site_says_nothing_of_the_axilla(site: str) -> None:
    """matching-rules.md, other node sites: the neck and groin are not the axilla (node-negative needs its exam)."""
    result = bot.analyze(f"71F, core-proven R breast ILC 3.3 cm, not yet treated. Exam: {site}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_the_axilla_denied_beside_another_site_is_still_a_negative_exam() -> None:
    result = bot.analyze("71F, core-proven R breast ILC 3.3 cm, not yet treated. No cervical or axillary "
                         "lymphadenopathy on exam.")
    assert result.variant_id == "axilla-5"


@pytest.mark.parametrize("not_done", ["I haven't examined her yet.", "She has not been examined by anyone so far.",
                                      "No one has examined the axilla."])
def test_an_exam_said_not_done_leaves_a_bare_node_denial_open(not_done: str) -> None:
    result = bot.analyze(f"New L IDC 2.2 cm, 39F, pretreatment. No axillary lymphadenopathy. {not_done}")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_node_not_palpated_on_the_exam_is_still_a_negative_exam() -> None:
    result = bot.analyze("New L IDC 2.2 cm, 39F, pretreatment. On clinical examination the axillary nodes were not "
                         "palpated.")
    assert result.variant_id == "axilla-5"


def test_an_emoji_between_statements_ends_a_denial() -> None:
    """'no adenopathy 🙂 not examined': the emoji parts two statements, so the second is not denied by the first."""
    result = bot.analyze("57F new R IDC 2.8 cm 🙏 US shows no axillary adenopathy 🙂 haven't examined her yet")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_emoji_leave_the_facts_around_them() -> None:
    result = bot.analyze("57F 😟 new R IDC 2.8 cm 🙏 hard R axillary node on exam 👌 untreated")
    assert result.variant_id == "axilla-6"


@pytest.mark.parametrize("bound", ["subcentimetre on the outside mammogram", "under 1 cm per the first report",
                                   "less than 2 cm on palpation"])
def test_a_bound_on_the_tumour_beside_a_size_over_2_cm_is_asked(bound: str) -> None:
    """matching-rules.md: two sizes of the primary on either side of 2 cm are contradictory."""
    result = bot.analyze(f"New left IDC, {bound}, yet 2.9 cm on MRI. 63F, untreated, axilla clinically clear.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_bound_on_the_same_side_as_the_size_is_no_conflict() -> None:
    result = bot.analyze("New left IDC 1.6 cm on US (under 2 cm), 63F, untreated, axilla clinically clear.")
    assert result.variant_id == "axilla-3"


def test_a_bound_after_chemotherapy_is_the_response_not_the_size() -> None:
    result = bot.analyze("Finished neoadjuvant AC-T. The tumour was 3.4 cm at diagnosis and is under 1 cm now; "
                         "axilla clinically negative at diagnosis. 49F.")
    assert result.variant_id == "axilla-8"


@pytest.mark.parametrize("margins", ["microlobulated margins", "indistinct margins", "circumscribed margins"])
def test_a_mass_measured_after_its_bi_rads_margins_is_the_tumour(margins: str) -> None:
    result = bot.analyze(f"US R breast: hypoechoic mass with {margins} measuring 2.3 cm; core bx IDC. Tender "
                         f"palpable R axillary node. 44F, no treatment yet.")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (2.3, "axilla-6")


def test_a_benign_finding_located_in_a_breast_is_not_the_tumour() -> None:
    """'cysts in the left breast, the larger 0.7 cm': the breast says where the cysts are; the size is theirs."""
    result = bot.analyze("New R IDC 2.5 cm, cN0, untreated, 58F. Also several simple cysts in the left breast, the "
                         "largest 0.7 cm.")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (2.5, "axilla-5")


@pytest.mark.parametrize("said", ["nothing done yet", "nothing has been given so far", "nothing's been started as yet"])
def test_nothing_done_by_now_is_no_treatment(said: str) -> None:
    result = bot.analyze(f"new L IDC 3.1 cm, palpable L axillary node, surgery booked, {said}. 66F")
    assert (result.facts["treatment"], result.variant_id) == ("none", "axilla-6")


@pytest.mark.parametrize("said", ["she's actually 81", "she is really 81", "pt is in fact 81"])
def test_an_age_put_right_with_an_adverb_is_the_age(said: str) -> None:
    assert bot.extract(said).facts["age"] == 81


@pytest.mark.parametrize("node", ["the node showed up on her screening mammogram",
                                  "a 1.6 cm axillary node with a thick cortex on screening mammography"])
def test_a_node_the_screening_study_showed_is_a_finding_not_screening(node: str) -> None:
    assert bot.analyze(f"{node}, 55F").facts["encounter"] != "screening"


@pytest.mark.parametrize("dictated, meant", [
    ("a firm lump in the right axle a", "a firm lump in the right axilla"),
    ("know palpable adenopathy", "no palpable adenopathy"),
    ("a for centimetre mass", "a 4 cm mass"),
    ("measuring too centimetres", "measuring 2 cm"),
    ("on new adjuvant chemotherapy", "on neoadjuvant chemotherapy"),
    ("I LC of the left breast", "ILC of the left breast"),
])
def test_speech_recognition_homophones_read_as_meant(dictated: str, meant: str) -> None:
    assert bot.analyze(f"61F, {dictated}").facts == bot.analyze(f"61F, {meant}").facts


def test_know_before_a_word_that_is_no_finding_is_left() -> None:
    assert bot.extract("I don't know, the exam was not done").facts["clinical_nodes"] is None


def test_a_smaller_size_on_a_dated_earlier_study_stands_aside_for_today_s() -> None:
    """An untreated tumour grows: 1.4 cm on a dated earlier mammogram and 2.6 cm today is one tumour, now 2.6 cm."""
    result = bot.analyze("Left breast mass 1.4 cm on the 11/2024 mammogram; on today's ultrasound it measures 2.6 cm "
                         "and the core biopsy shows IDC. Axilla clinically negative. 59F, untreated.")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (2.6, "axilla-5")


def test_a_node_absent_on_every_earlier_exam_is_new_during_chemotherapy() -> None:
    result = bot.analyze("On neoadjuvant EC, cycle 2 of 4, for a 3.2 cm R IDC, cN0 at baseline. Exam today: 1.2 cm "
                         "mobile R axillary node, not present on any prior examination. 50F")
    assert (result.facts["new_lump_during_treatment"], result.variant_id) == (True, "axilla-7")


def test_an_anti_her2_antibody_kept_up_after_chemotherapy_is_no_next_regimen() -> None:
    result = bot.analyze("52F, R IDC 3.1 cm, palpable R node proven on core. Finished all 6 cycles of neoadjuvant "
                         "TCHP. Plan: continue pertuzumab and trastuzumab to complete a year. Imaging before surgery?")
    assert (result.facts["treatment"], result.variant_id) == ("neoadjuvant_completed", "axilla-9")


def test_an_attendee_s_initial_is_no_sex() -> None:
    result = bot.analyze("Attendees: M. Hoffmann (radiology), K. Osei (surgery). 63F, new L IDC 1.4 cm, cN0, "
                         "untreated.")
    assert (result.facts["sex"], result.variant_id) == ("female", "axilla-3")


@pytest.mark.parametrize("note", [
    "Paciente de 62 anos, cancro da mama direita 3,3 cm, cN0; completou a quimioterapia neoadjuvante.",
    "62 yaşında kadın, sağ meme kanseri 3,3 cm, cN0; neoadjuvan kemoterapiyi tamamladi.",
    "Patientin 62 J., Mammakarzinom rechts 3,3 cm, cN0, nach abgeschlossener neoadjuvanter Chemotherapie.",
])
def test_chemotherapy_said_completed_in_another_language_is_completed(note: str) -> None:
    result = bot.analyze(note)
    assert (result.facts["treatment"], result.variant_id) == ("neoadjuvant_completed", "axilla-8")


def test_a_danish_local_recurrence_proven_by_biopsy_is_variant_10() -> None:
    result = bot.analyze("Kvinde, 66 år, lumpektomi af venstre bryst i 2016; nu biopsiverificeret lokalrecidiv i "
                         "venstre bryst. Hvilken billeddiagnostik af aksillen?")
    assert result.variant_id == "axilla-10"


@pytest.mark.parametrize("edited", ["1.7 cm (edit: 2.7 cm after re-measuring)", "1.7 cm. Edited: 2.7 cm"])
def test_a_value_edited_in_place_is_the_corrected_value(edited: str) -> None:
    result = bot.analyze(f"New R ILC {edited}, axilla clinically negative, untreated, 70F")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (2.7, "axilla-5")


@pytest.mark.parametrize("gone", ["the R axillary node is no longer palpable", "no longer any palpable R axillary node",
                                  "R axillary node not palpable any more (felt at diagnosis)"])
def test_a_node_no_longer_palpable_after_chemotherapy_was_there_before_it(gone: str) -> None:
    """matching-rules.md: rows 8 and 9 go by the nodal status before chemotherapy; "no longer" says it was positive."""
    result = bot.analyze(f"Finished neoadjuvant chemotherapy; R IDC 2.9 cm at diagnosis; {gone}. Surgery next month.")
    assert (result.facts["clinical_nodes"], result.variant_id) == ("positive", "axilla-9")


def test_an_extent_a_study_measured_up_to_is_a_size() -> None:
    """'up to 2.7 cm on MRI' is a reading of the tumour; beside 1.7 cm on another study the sizes disagree: asked."""
    result = bot.analyze("New L ILC, 1.7 cm on mammography and up to 2.7 cm on MRI, axilla clinically clear, "
                         "untreated, 66F")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_two_studies_listed_with_one_time_are_both_at_diagnosis() -> None:
    result = bot.analyze("Post neoadjuvant chemo. R IDC 1.6 cm on US / 2.8 cm on MRI at diagnosis, cN0. Surgery "
                         "in a fortnight.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_tumour_up_to_a_size_past_2_cm_is_asked() -> None:
    """"up to 2.6 cm" said of the tumour is read as a bound by some clinicians and as its size by others (session 32
    reversed session 26 here): a bound past 2 cm leaves both sides open, so the size is asked."""
    result = bot.analyze("Newly diagnosed R ILC up to 2.6 cm, axilla clinically negative, not yet treated, 71F")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_tumour_up_to_a_size_under_2_cm_is_2_cm_or_less() -> None:
    result = bot.analyze("Newly diagnosed R ILC up to 1.6 cm, axilla clinically negative, not yet treated, 71F")
    assert (result.status, result.variant_id) == (bot.MATCHED, "axilla-3")


def test_a_satellite_lesion_some_distance_away_gives_no_size() -> None:
    result = bot.analyze("New L IDC 1.5 cm and a satellite nodule 2.4 cm away; axilla clinically clear; untreated")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (1.5, "axilla-3")


@pytest.mark.parametrize("label", ["Post-NAC: none palpable.", "post chemo: no palpable axillary nodes."])
def test_a_chemotherapy_time_label_is_not_denied_by_its_field(label: str) -> None:
    result = bot.analyze(f"{label} At diagnosis: 2.7 cm L IDC, cN0. Surgery next week.")
    assert (result.facts["treatment"], result.variant_id) == ("neoadjuvant_completed", "axilla-8")


def test_a_negative_exam_said_of_the_diagnosis_decides_beside_a_node_found_after_chemotherapy() -> None:
    """matching-rules.md: rows 8 and 9 go by the nodal status before chemotherapy."""
    result = bot.analyze("Completed neoadjuvant AC-T. 3.4 cm R IDC at diagnosis with a normal axillary exam at that "
                         "point; now a new palpable R axillary node. Operation in 2 weeks.")
    assert result.variant_id == "axilla-8"


@pytest.mark.parametrize("change, size, variant", [
    ("Neoadjuvant chemotherapy finished; the R IDC went down from 2.8 cm to 0.9 cm.", 2.8, "axilla-8"),
    ("Untreated R IDC that grew from 1.5 cm to 2.5 cm in 2 months.", 2.5, "axilla-5")])
def test_a_size_changed_from_one_to_another_is_read_in_time(change: str, size: float, variant: str) -> None:
    result = bot.analyze(f"{change} Axilla clinically negative at diagnosis. 57F")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (size, variant)


def test_a_named_neoadjuvant_regimen_that_starts_on_a_day_ahead_is_not_yet_given() -> None:
    result = bot.analyze("Line in, neoadjuvant EC begins next week. New 3.6 cm L IDC with a hard L axillary node. 45F")
    assert (result.facts["treatment"], result.variant_id) == ("none", "axilla-6")


def test_a_past_cancer_s_size_in_the_other_breast_is_neither_a_second_cancer_nor_the_size() -> None:
    result = bot.analyze("Previous 2.8 cm right breast IDC in 2012, all treatment finished. Now a new left breast IDC "
                         "1.3 cm, axilla clinically negative, no treatment yet. 68F")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (1.3, "axilla-3")
