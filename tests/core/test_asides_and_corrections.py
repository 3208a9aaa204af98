"""Corrections, asides and sign-offs around the facts (bot/nlp): one kind per test, in words written for the test,
never an evaluation set's sentence."""
import pytest

import bot


def test_a_lump_side_put_right_mid_sentence_is_one_lump() -> None:
    """A correction between two sides names one lump, not two (variant 2 would be unsafe)."""
    result = bot.analyze("39F, never had breast cancer, new lump in the right armpit, no wait, the LEFT armpit, "
                         "nothing imaged")
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-1", "unilateral")


@pytest.mark.parametrize("aside", ["(R axilla examined too: normal)", "(right side felt, nothing there)"])
def test_a_bracketed_statement_about_the_other_side_is_not_the_lump_s_side(aside: str) -> None:
    result = bot.analyze(f"new L axillary lump {aside}, 57F, no history of cancer, not yet imaged")
    assert (result.variant_id, result.facts["axillary_lump"]) == ("axilla-1", "unilateral")


def test_a_side_in_brackets_alone_is_the_lump_s_side() -> None:
    result = bot.analyze("new axillary lump (right), 57F, no history of cancer, not yet imaged")
    assert result.variant_id == "axilla-1"


def test_a_benign_biopsy_of_the_breast_mass_with_a_normal_axilla_is_out_of_scope() -> None:
    result = bot.analyze("US-guided core of the 1.7 cm right breast lump in this 33F: benign, a fibroadenoma. "
                         "Axillae normal on exam. Any axillary imaging?")
    assert (result.status, result.facts["diagnosis"], result.facts["encounter"]) == (
        bot.OUT_OF_SCOPE, "none_known", "no_axillary_finding")


def test_a_benign_breast_biopsy_beside_a_suspicious_node_is_no_known_cancer() -> None:
    result = bot.analyze("49F, core bx of the left breast mass: benign (fibroadenoma). US also shows a round left "
                         "axillary node without a fatty hilum.")
    assert result.variant_id == "axilla-11"


def test_a_value_denied_after_the_size_is_denied_wherever_it_is_repeated() -> None:
    """A reply above the message it corrects: "3.1 cm, not 1.3" drops the quoted 1.3 cm."""
    result = bot.analyze("Typo in the note I sent - it is 3.1 cm, not 1.3.\n\n> 66F, new R IDC 1.3 cm, cN0, "
                         "untreated.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 3.1)


@pytest.mark.parametrize("signed", ["Thanks,\nM", "cheers, M.", "Best, L"])
def test_a_sign_off_initial_is_the_writer_not_a_sex_or_side(signed: str) -> None:
    result = bot.analyze(f"59-year-old woman, new R IDC 1.8 cm, palpable R axillary node, untreated.\n{signed}")
    assert (result.variant_id, result.facts["sex"]) == ("axilla-4", "female")


def test_not_sure_there_is_a_node_doubts_it_rather_than_denies_it() -> None:
    result = bot.analyze("62F new L IDC 2.5 cm, untreated; not sure there is a palpable L axillary node")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_question_and_its_answer_by_two_speakers_on_one_line_is_a_field() -> None:
    result = bot.analyze("Daughter: she's 71 and found a lump under her right arm. Triage RN: any breast cancer "
                         "in the past? Daughter: none. RN: imaging? Daughter: nothing yet.")
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-1", "none_known")


@pytest.mark.parametrize("both", ["adénopathies axillaires bilatérales", "adenopatías axilares bilaterales"])
def test_bilateral_in_french_and_spanish(both: str) -> None:
    result = bot.analyze(f"66F, {both} palpables, no breast cancer history, no imaging yet")
    assert result.variant_id == "axilla-2"


@pytest.mark.parametrize("height", ["pt is 5 ft 6", "she is 5' 2\"", "patient is 5 foot 3"])
def test_a_height_in_feet_is_not_an_age(height: str) -> None:
    result = bot.analyze(f"{height}, 59F, new R IDC 1.5 cm, cN0, untreated")
    assert (result.variant_id, result.facts["age"]) == ("axilla-3", 59)


def test_a_digit_of_the_size_said_to_be_misread_leaves_the_size_asked() -> None:
    """"I misread the 2" says which digit was wrong, not a size of 2 cm (variant 4 would be unsafe)."""
    result = bot.analyze("51F new R IDC 2.6 cm, palpable R axillary node, untreated. Hold on, I misread the 2.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_digit_misread_in_an_earlier_value_leaves_the_corrected_size() -> None:
    result = bot.analyze("51F new R IDC, palpable R axillary node, untreated. Sorry, 1.6... no, 2.6 cm - I misread "
                         "the 1.")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-6", 2.6)


def test_a_bracketed_denial_after_the_size_keeps_the_size_and_its_time() -> None:
    result = bot.analyze("new L breast IDC 2.4 cm (not 1.4 as previously typed), axilla clinically negative, untreated")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.4)
