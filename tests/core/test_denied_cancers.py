"""A breast cancer that is named but is not hers now: denied, asked about, a service's name, a relative's, another
patient's, or past (bot/nlp). One kind per test, in words written for the test, never an evaluation set's
sentence. matching-rules.md: a named cancer without a side or a size is asked about, never taken for "no known
breast cancer"; a node with no known cancer follows rows 1, 2, 11 and 12."""
import pytest

import bot


def test_a_named_cancer_with_neither_size_nor_history_is_asked_not_taken_for_none_known() -> None:
    """A node beside "breast cancer" with no size, side or "new": whether the cancer is new or past is asked
    (variant 1, "no known breast cancer", would be unsafe)."""
    result = bot.analyze("71-year-old woman with breast cancer; firm axillary lump on the left, nothing treated")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["diagnosis"])


@pytest.mark.parametrize("programme", ["Bowel cancer screening colonoscopy was normal",
                                       "Seen in the cancer genetics clinic for her BRCA2 variant",
                                       "Referred by the breast cancer risk service"])
def test_a_cancer_word_naming_a_service_is_no_cancer_of_hers(programme: str) -> None:
    result = bot.analyze(f"{programme}. 52F, no personal history of breast cancer; mammogram shows a suspicious "
                         "right axillary node, breasts clear.")
    assert result.variant_id == "axilla-11"


@pytest.mark.parametrize("denied", ["Nobody has ever said she had breast cancer",
                                    "no one ever told her she had cancer",
                                    "not a known case of breast carcinoma or any other malignancy"])
def test_a_cancer_denied_in_other_words_is_no_cancer(denied: str) -> None:
    result = bot.analyze(f"49F. {denied}. New lump in the right armpit for a month, nothing imaged.")
    assert result.variant_id == "axilla-1"


def test_a_number_glued_to_the_next_word_by_a_comma_leaves_the_word_its_own() -> None:
    result = bot.analyze("mammo: abnormal L axillary node, breasts clear. she's 44,never had breast ca.")
    assert result.variant_id == "axilla-11"


def test_a_cancer_asked_about_is_not_known() -> None:
    result = bot.analyze("56F with a new lump in her left armpit, not imaged yet. She asks: could this be cancer? "
                         "She has had no cancer before.")
    assert result.variant_id == "axilla-1"


def test_relatives_who_both_had_the_cancer_keep_it_theirs() -> None:
    result = bot.analyze("47F, aunt + mother both had breast ca; she has none. US: suspicious R axillary node, no "
                         "breast lesion.")
    assert result.variant_id == "axilla-11"


@pytest.mark.parametrize("past", ["past breast cancer, treatment finished 2016", "old left breast cancer, "
                                  "all treatment over", "former breast carcinoma, discharged from follow-up"])
def test_a_cancer_called_past_old_or_former_is_history(past: str) -> None:
    result = bot.analyze(f"68F, {past}. New lump in the right axilla, no imaging yet.")
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_an_age_s_old_is_not_a_past_cancer() -> None:
    result = bot.analyze("a 58 year old breast cancer patient, new R IDC 1.2 cm, cN0, untreated")
    assert result.variant_id == "axilla-3"


def test_a_post_negation_in_czech_denies_the_cancer() -> None:
    result = bot.analyze("Žena 61 let, rakovinu prsu nemá. Ultrazvuk: podezřelá uzlina v pravé axile, prsy v normě.")
    assert result.variant_id == "axilla-11"


def test_scots_words_for_no_armpit_both_and_woman() -> None:
    result = bot.analyze("Auld wifie, 77, lumps in baith oxters. Nae cancer ever. Nae scans yet.")
    assert result.variant_id == "axilla-2"


@pytest.mark.parametrize("other", ["Unlike my patient from last week (who had a palpable node)",
                                   "Re last week's query about the node-positive lady: thanks."])
def test_another_patient_named_by_when_keeps_her_findings(other: str) -> None:
    result = bot.analyze(f"{other} This woman, 48, new R IDC 1.6 cm, has not had her axilla examined. Untreated.")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_romance_ct_is_a_scan_not_the_tc_regimen() -> None:
    result = bot.analyze("Donna di 63 anni, TC torace per tosse: linfonodo ascellare sinistro sospetto di 2 cm. "
                         "Nessuna storia di cancro.")
    assert result.variant_id == "axilla-12"


def test_the_tc_regimen_is_still_chemotherapy() -> None:
    result = bot.analyze("52F, L IDC 3.1 cm, cN0 at diagnosis, on neoadjuvant TC cycle 3 of 4, now a new L "
                         "axillary lump")
    assert result.variant_id == "axilla-7"


def test_a_dictated_abbreviation_spelled_letter_by_letter() -> None:
    result = bot.analyze("sixty one year old lady new left I L C one point six centimeters axilla clinically "
                         "negative untreated")
    assert (result.variant_id, result.facts["diagnosis"]) == ("axilla-3", "new_primary")


def test_romance_idc_beside_its_breast() -> None:
    result = bot.analyze("Paciente de 55 años, mujer, CDI mama izquierda 1.5 cm, recién diagnosticado, axila "
                         "clínicamente negativa, sin tratamiento.")
    assert result.variant_id == "axilla-3"


def test_a_class_of_findings_defined_is_no_patient_s_finding() -> None:
    result = bot.analyze("explain what makes an axillary node suspicious on ultrasound")
    assert result.status != bot.MATCHED
