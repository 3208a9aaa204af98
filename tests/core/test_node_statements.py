"""What a sentence about a node says of the axilla's clinical exam (bot/nlp/nodes.py, reading.py).

Each case is one kind of statement, in words written for the test: a normal exam in plain words, an exam named
but not what it found, a node of another site, a node's biopsy, the patient's own account, a relative's node."""
import pytest

import bot

CASE = "new R breast IDC 2.9 cm, 63F, nothing started yet. "


def nodes(text: str) -> "str | None":
    return bot.analyze(CASE + text).facts["clinical_nodes"]


@pytest.mark.parametrize("said", [
    "Axillary nodes fine on examination.",
    "R axillary nodes ok on exam today.",
    "Nodes: nil on exam.",
    "Axilla WNL.",
    "R axilla within normal limits on examination.",
])
def test_a_normal_exam_in_plain_words_is_node_negative(said: str) -> None:
    assert nodes(said) == "negative"


def test_fine_needle_is_no_normal_finding() -> None:
    assert nodes("Palpable R axillary node, fine needle aspiration booked.") == "positive"


@pytest.mark.parametrize("said", [
    "Lymph nodes checked on exam.",
    "R axillary nodes reviewed at examination.",
])
def test_an_exam_named_without_its_finding_is_asked_about(said: str) -> None:
    result = bot.analyze(CASE + said)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("said", [
    "1.2 cm R axillary node on exam.",
    "Firm R axillary node present on examination.",
])
def test_a_node_right_before_its_exam_was_felt(said: str) -> None:
    assert nodes(said) == "positive"


@pytest.mark.parametrize("said", [
    "No palpable cervical or supraclavicular lymphadenopathy.",  # another site's exam
    "R axillary node FNA negative.",                             # a node was biopsied: not the exam
    "Core of the enlarged right axillary node: benign.",          # the node named as what the core sampled
    "Aspiration of the R axilla negative for malignancy.",
    "She denies any lump in her right armpit.",                  # her account, not the exam
    "Her aunt had breast cancer, node negative.",                # a relative's node
])
def test_a_negative_that_is_not_the_axilla_s_exam_leaves_it_asked(said: str) -> None:
    result = bot.analyze(CASE + said)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("said", [
    "No palpable axillary or supraclavicular nodes.",
    "She denies lumps under the arm, and examination finds no R axillary node.",
])
def test_an_exam_that_names_the_axilla_is_node_negative_beside_other_sites_or_her_account(said: str) -> None:
    assert nodes(said) == "negative"


@pytest.mark.parametrize("said", ["R infraclavicular node seen on US; axilla clinically negative.",
                                  "Palpable R supraclavicular node, axillary exam negative."])
def test_a_node_above_or_below_the_clavicle_is_node_positive(said: str) -> None:
    assert nodes(said) == "positive"  # cN3 (matching-rules.md, other node sites)


def test_the_patient_named_again_after_a_relative_s_cancer_owns_what_follows() -> None:
    text = "Her mother had breast cancer at 52, she herself has a new 1.1 cm L IDC, cN0, untreated, 47F"
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["clinical_nodes"]) == ("axilla-3", "negative")


@pytest.mark.parametrize("text", [
    CASE + "On my exam the R axilla is clear, but the registrar thinks she felt a node.",
    CASE + "cT2N0 in the clinic letter; today I can feel a hard R axillary node.",
])
def test_an_examiner_s_opinion_or_a_second_exam_that_disagrees_is_asked_about(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("text", [
    # a report's title names its study: the axilla it describes is imaging, not the exam
    "BILATERAL BREAST MRI, staging. 52F, new R IDC on core biopsy, no treatment yet. Index lesion 2.6 cm. "
    "No abnormal axillary nodes.",
    # "Findings:" after a sentence end is still the report's section; "Clinical:" a field, not an exam
    "RIGHT BREAST ULTRASOUND. Clinical: 52F, new R IDC on core biopsy, untreated. Findings: 2.6 cm mass. "
    "R axilla: normal nodes.",
])
def test_an_imaging_report_s_normal_axilla_leaves_the_exam_asked(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])
    assert result.facts["tumor_size_cm"] == 2.6


@pytest.mark.parametrize("said", ["R axilla NAD.", "T 2.9 cm, N clin. neg."])
def test_a_normal_axilla_in_shorthand_is_node_negative(said: str) -> None:
    assert nodes(said) == "negative"


def test_a_lump_someone_close_noticed_is_the_patient_s() -> None:
    text = "Her partner found a lump in her right armpit. 38F, no history of cancer, nothing imaged yet."
    assert bot.analyze(text).variant_id == "axilla-1"


@pytest.mark.parametrize("text", [
    "Axillary masses: left 1.2 cm, right 2 cm, both new and palpable, no history of cancer, 47F",
    "47F, new palpable nodes in her left armpit and in her right armpit, never had cancer",
])
def test_lumps_in_the_plural_take_every_side_listed_after_them(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-2"


def test_a_side_whose_axilla_is_clear_is_not_one_of_the_lumps() -> None:
    result = bot.analyze("47F, new palpable nodes in the L axilla, R axilla clear, never had cancer")
    assert result.facts["axillary_lump"] == "unilateral"


def test_a_clear_axilla_does_not_deny_a_supraclavicular_node_felt_before_it() -> None:
    text = "55F, new L IDC 1.7 cm, firm L supraclavicular node felt on exam (the axilla itself feels normal), untreated"
    assert bot.analyze(text).variant_id == "axilla-4"


def test_the_other_axilla_not_palpable_says_nothing_of_the_cancers_side() -> None:
    result = bot.analyze("49F, new R IDC 1.1 cm, R axillary node, L axilla not palpable, no treatment yet")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_node_positive_or_negative_asked_as_alternatives_states_neither() -> None:
    result = bot.analyze("Would she count as node-positive or node-negative? 60F, new L IDC 1.2 cm, untreated")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_the_cancers_side_is_the_breast_with_the_mass_not_a_breast_said_to_be_clear() -> None:
    text = ("Path: IDC grade 1. Imaging: irregular mass in the left breast, 2.2 cm. Exam: right breast no mass, right "
            "axilla no palpable node. 66F, no treatment")
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("text", [
    "64F, new L IDC 1.3 cm, no treatment. Firm L axillary node?",
    "64F, new L IDC 1.3 cm, no treatment. L axillary node palpable - or only a sebaceous cyst?",
])
def test_a_node_asked_about_in_a_fragment_is_uncertain(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_question_about_the_imaging_of_a_felt_node_keeps_it() -> None:
    result = bot.analyze("64F, new L IDC 1.3 cm, no treatment, palpable L node. Which study first?")
    assert result.variant_id == "axilla-4"


def test_two_exams_of_the_same_axilla_in_separate_sentences_disagree() -> None:
    text = ("69F, new L IDC 2.2 cm, untreated. My registrar felt a left axillary node. When I examined her the left "
            "axilla was normal.")
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_denial_belongs_to_the_noun_right_after_it() -> None:
    text = "new R IDC 1.4 cm, a 2 cm lump in the right axilla and no palpable breast abnormality, untreated, 57F"
    assert bot.analyze(text).variant_id == "axilla-4"


def test_one_more_side_said_as_well_makes_the_lumps_bilateral() -> None:
    ext = bot.extract("on re-examination there's one in the left armpit as well", lump="unilateral")
    assert ext.facts["axillary_lump"] == "bilateral"


@pytest.mark.parametrize("said", [
    "R axilla at first visit: clinically normal.",
    "Right axilla on presentation: clinically clear.",
])
def test_a_field_answered_clinically_negative_negates_its_whole_label(said: str) -> None:
    assert nodes(said) == "negative"


@pytest.mark.parametrize("text", [
    "F 61, cycle 4 of 6 neoadjuvant EC-T for a 3.6 cm R IDC, cN0 at diagnosis; this week a new swelling in the "
    "ipsilateral (right) armpit",
    "F 61, cycle 4 of 6 neoadjuvant EC-T for a 3.6 cm R IDC, cN0 at diagnosis; this week a new lump in the (R) axilla",
])
def test_a_side_in_brackets_does_not_part_a_lump_from_its_axilla(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-7"


def test_the_axillas_imaging_after_a_size_does_not_make_it_a_nodes() -> None:
    result = bot.analyze("s/p neoadjuvant chemo; at diagnosis 1.7 cm cN1 - axillary US next?")
    assert (result.status, result.facts["tumor_size_cm"]) == (bot.OUT_OF_SCOPE, 1.7)


@pytest.mark.parametrize("said", ["Axilla: exam not performed.", "R axilla not palpated today.",
                                  "Axilla: no clinical examination so far."])
def test_an_exam_not_done_is_no_negative_exam(said: str) -> None:
    result = bot.analyze(CASE + said)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_an_organs_echo_in_dutch_is_its_ultrasound() -> None:
    result = bot.analyze("Vrouw, 61 jaar, nieuw mammacarcinoom links 1,2 cm, onbehandeld. Echo van de oksel: normaal.")
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_query_mark_after_a_pipe_asks_nothing_of_the_field_before_it() -> None:
    text = "F 47 | R IDC 3.9 cm at dx, cN0 | NAC cycle 2/6 ongoing | new R ax lump | ? what next"
    assert bot.analyze(text).variant_id == "axilla-7"


def test_a_minus_sign_before_ve_is_negative() -> None:
    assert nodes("Axilla: palpation −ve.") == "negative"


def test_a_dutch_side_written_with_its_organ_gives_the_side() -> None:
    text = "Vrouw, 66 jaar, nieuw carcinoom 2,3 cm in de linkerborst; voelbare klier in de rechteroksel, onbehandeld."
    result = bot.analyze(text)
    # the node is across from the cancer: it says nothing of the cancer's own axilla
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_one_more_lump_said_as_one_on_the_other_named_side_makes_the_lumps_bilateral() -> None:
    result = bot.analyze("44F, no breast cancer ever, tender lump in the left armpit and a firmer one on the right")
    assert result.facts["axillary_lump"] == "bilateral"


@pytest.mark.parametrize("said", ["Axillary US booked to look for abnormal nodes.",
                                  "Referred to radiology with concern for nodal spread.",
                                  "If the US finds a suspicious node she will have a core biopsy."])
def test_a_node_searched_for_or_supposed_is_no_finding(said: str) -> None:
    assert nodes(said) != "positive"


@pytest.mark.parametrize("said", ["R axilla unremarkable apart from one firm mobile node.",
                                  "No axillary lymphadenopathy except a 1 cm hard node high in the R axilla."])
def test_a_negative_exam_with_an_exception_is_the_exception_s_finding(said: str) -> None:
    assert nodes(said) == "positive"


def test_a_yes_no_question_about_a_node_on_imaging_is_no_finding() -> None:
    result = bot.analyze(CASE + "Are the R axillary nodes on the US suspicious? The largest is 8 mm, hilum preserved.")
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_thick_cortex_given_after_the_nodes_own_size_makes_it_suspicious() -> None:
    result = bot.analyze("52F, no history of breast cancer; annual MRI: R axillary LN 1.4 cm, cortex 5 mm; "
                         "breasts clear")
    assert (result.variant_id, result.facts["node_finding"]) == ("axilla-12", "other_imaging")
