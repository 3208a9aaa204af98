"""Extraction: every phenomenon of issue 2, read from free text into the contract's facts."""
import re
import warnings
from typing import Any, Dict, Optional

import pytest

import bot


def check(text: str, want: Dict[str, Any], expecting: Optional[str] = None) -> None:
    """The message states exactly these values for these keys (None: does not state it)."""
    facts = bot.extract(text, expecting=expecting).facts
    assert {key: facts[key] for key in want} == want, text




# ---------------------------------------------------------------- sizes

@pytest.mark.parametrize("text, size", [
    ("58F, new 3 cm IDC of the left breast", 3.0),
    ("new 30mm IDC left breast", 3.0),
    ("new 30 mm IDC left breast", 3.0),
    ("newly diagnosed IDC measuring 2.5 x 1.8 x 1.2 cm", 2.5),
    ("newly diagnosed IDC measuring 1.9 x 3.4 x 2.2 cm", 3.4),   # largest is not the first
    ("newly diagnosed IDC 25 x 18 mm", 2.5),
    ("new 4-cm IDC left breast", 4.0),
    ("new three centimeter IDC of the right breast", 3.0),
    ("new six centimeter breast mass, biopsy proven IDC", 6.0),
    ("new IDC 2.5 cm", 2.5),
    ("new IDC 25x18x12mm", 2.5),
    pytest.param("new IDC 1,5 cm, cN0", 1.5),
    pytest.param("new IDC 1½ cm, cN0", 1.5),
    pytest.param("new IDC 2.5 cm x 1.8 cm, cN0", 2.5),
    pytest.param("new IDC measuring 1.8 cm x 1.2 cm x 1.0 cm", 1.8),
    pytest.param("new IDC 3 cms, cN0", 3.0),
])
def test_tumour_size(text: str, size: float) -> None:
    assert bot.extract(text).facts["tumor_size_cm"] == pytest.approx(size)


@pytest.mark.parametrize("text, size", [
    # the seed's own case: the node's size is not the tumour's
    ("58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet", 3.0),
    ("newly diagnosed 1.6 cm IDC of the left breast with a palpable 2.4 cm left axillary node", 1.6),
    ("new 1.6 cm IDC left breast; palpable L axillary LN measuring 2.4 cm", 1.6),
    ("newly diagnosed 1.5 cm IDC left breast, also a 2.8 cm simple cyst in the right breast", 1.5),
    ("newly diagnosed IDC 1.5 cm, located 6 cm from the nipple", 1.5),
    ("58F, 165 cm tall, newly diagnosed 1.8 cm IDC", 1.8),
])
def test_other_measurements_are_not_the_tumour(text: str, size: float) -> None:
    assert bot.extract(text).facts["tumor_size_cm"] == pytest.approx(size)


def test_a_node_size_alone_is_not_a_tumour_size() -> None:
    assert bot.extract("newly diagnosed IDC, palpable 2.4 cm left axillary node").facts["tumor_size_cm"] is None


def test_two_sizes_for_the_primary_conflict() -> None:
    ext = bot.extract("new IDC, 2.4 cm on the mammogram, 1.8 cm on ultrasound")
    assert ext.conflicts == ("tumor_size_cm",)
    assert ext.facts["tumor_size_cm"] is None


def test_the_same_size_twice_does_not_conflict() -> None:
    ext = bot.extract("new IDC 30 mm on mammogram and 3 cm on US")
    assert ext.conflicts == ()
    assert ext.facts["tumor_size_cm"] == 3.0


@pytest.mark.parametrize("text", ["new IDC 3.2 cm, sorry, typo: 1.2 cm", "new IDC 3.2 cm, actually 1.2 cm"])
def test_a_stated_correction_stands(text: str) -> None:
    ext = bot.extract(text)
    assert ext.corrected
    assert ext.conflicts == ()
    assert ext.facts["tumor_size_cm"] == 1.2


# ---------------------------------------------------------------- T and N categories

@pytest.mark.parametrize("text, want", [
    ("newly diagnosed breast cancer cT2N1", {"t_category": "T2", "clinical_nodes": "positive", "tumor_size_cm": None}),
    ("newly diagnosed breast cancer T1c N0", {"t_category": "T1", "clinical_nodes": "negative"}),
    ("newly diagnosed breast cancer cT3 N2", {"t_category": "T3", "clinical_nodes": "positive"}),
    ("newly diagnosed cT1cN1 IDC", {"t_category": "T1", "clinical_nodes": "positive"}),
    ("newly diagnosed 2.5 cm IDC, cN0", {"clinical_nodes": "negative", "t_category": None}),
    ("newly diagnosed 2.5 cm IDC, cN2", {"clinical_nodes": "positive"}),
    ("new T4b breast cancer with skin involvement", {"t_category": "T4", "tumor_size_cm": None}),
])
def test_tnm(text: str, want: Dict[str, Any]) -> None:
    check(text, want)


# ---------------------------------------------------------------- age and sex

@pytest.mark.parametrize("text, age", [
    ("58F with newly diagnosed IDC", 58),
    ("58 yo woman with newly diagnosed IDC", 58),
    ("60 y/o female with newly diagnosed breast cancer", 60),
    ("45-year-old woman with newly diagnosed breast cancer", 45),
])
def test_age_and_female_sex(text: str, age: int) -> None:
    check(text, {"age": age, "sex": "female"})


def test_male_patient() -> None:
    check("67M, new 2.5 cm L breast IDC, palpable L axillary node", {"age": 67, "sex": "male"})


def test_a_relatives_age_is_not_the_patients() -> None:
    check("newly diagnosed 2.5 cm IDC; her mother had breast cancer at 50", {"age": None})


# ---------------------------------------------------------------- abbreviations

@pytest.mark.parametrize("text, want", [
    ("new IDC", {"diagnosis": "new_primary"}),
    ("new IDC, palpable LN", {"clinical_nodes": "positive", "node_finding": "palpable"}),
    ("new IDC, palpable L ax node", {"clinical_nodes": "positive", "node_finding": "palpable",
                                     "axillary_lump": "unilateral"}),
    ("new IDC 3 cm, currently on NAC", {"treatment": "neoadjuvant_ongoing"}),
    ("new IDC 3 cm, AC-T cycle 3", {"treatment": "neoadjuvant_ongoing"}),
    ("IDC 3 cm s/p lumpectomy", {"treatment": "post_surgery"}),
])
def test_abbreviations(text: str, want: Dict[str, Any]) -> None:
    check(text, want)


# ---------------------------------------------------------------- nodes: negation, scope, uncertainty

@pytest.mark.parametrize("text", [
    "newly diagnosed 2.5 cm IDC. No palpable adenopathy.",
    "newly diagnosed 2.5 cm IDC, axilla clinically negative",
    "newly diagnosed 2.5 cm IDC, normal axillary exam",
    "new idc left breast 4cm nodes not palpable 58 yo woman",
    "58F new 3 cm IDC. Axilla: no lymphadenopathy.",
    pytest.param("58F new 3 cm IDC. Axillary exam: negative."),
])
def test_negated_nodes_are_node_negative(text: str) -> None:
    check(text, {"clinical_nodes": "negative", "node_finding": None, "axillary_lump": None})


@pytest.mark.parametrize("text", [
    "newly diagnosed 2.5 cm IDC, no suspicious nodes on US",
    "new R IDC 2.7 cm on US, no enlarged axillary nodes seen on US, 58F, pre-treatment",
])
def test_imaging_alone_does_not_make_the_axilla_clinically_negative(text: str) -> None:
    check(text, {"clinical_nodes": None})


def test_negation_ends_at_but() -> None:
    text = "newly diagnosed 2.5 cm IDC. No palpable adenopathy, but the mammogram shows a suspicious node."
    check(text, {"clinical_nodes": "positive", "node_finding": "mammography_or_us"})


@pytest.mark.parametrize("text, finding", [
    ("newly diagnosed 2.5 cm IDC, palpable left axillary node", "palpable"),
    ("newly diagnosed 2.5 cm IDC, suspicious L axillary node on ultrasound", "mammography_or_us"),
    ("newly diagnosed 2.5 cm IDC, enlarged L axillary node on MRI", "other_imaging"),
    ("52F no known breast ca, CT chest incidentally showed an enlarged left axillary node", "other_imaging"),
])
def test_how_a_positive_node_was_found(text: str, finding: str) -> None:
    check(text, {"clinical_nodes": "positive", "node_finding": finding})


@pytest.mark.parametrize("text", [
    "newly diagnosed 2.5 cm IDC, ?LN",
    "newly diagnosed 2.5 cm IDC, ? LN",
    "newly diagnosed 2.5 cm IDC, ?palpable node",
    "newly diagnosed 2.5 cm IDC, possible node on exam",
    "newly diagnosed 2.5 cm IDC, questionable L axillary node",
    pytest.param("newly diagnosed 2.5 cm IDC, ? palpable LN"),
])
def test_an_uncertain_node_leaves_the_status_open(text: str) -> None:
    check(text, {"clinical_nodes": None, "node_finding": None})


def test_rule_out_applies_to_what_follows() -> None:
    check("45F no hx breast ca, new palpable L axillary lump r/o lymphoma",
          {"axillary_lump": "unilateral", "clinical_nodes": "positive"})


# ---------------------------------------------------------------- family history

def test_family_history_is_not_the_patients_cancer() -> None:
    check("58F, mother had breast cancer, no imaging yet", {"diagnosis": None, "sex": "female"})


def test_family_history_next_to_a_new_lump() -> None:
    text = ("58F. Her mother had breast cancer at 50. Now she has a new lump in her left axilla, "
            "no personal history of breast cancer.")
    check(text, {"diagnosis": "none_known", "axillary_lump": "unilateral", "age": 58})


def test_family_history_does_not_hide_the_patients_cancer() -> None:
    check("newly diagnosed 2.5 cm IDC, palpable L axillary node; sister had breast cancer at 40",
          {"diagnosis": "new_primary", "tumor_size_cm": 2.5, "clinical_nodes": "positive"})


# ---------------------------------------------------------------- misspellings

@pytest.mark.parametrize("text, want", [
    ("52F no hx of breast cancer, the utlrasound shows a suspicious left axillary node",
     {"node_finding": "mammography_or_us", "clinical_nodes": "positive"}),
    ("52F no history of breast cancer, new lump in the right axila",
     {"axillary_lump": "unilateral", "node_finding": "palpable"}),
    ("new 2.5 cm IDC, palpable left axillary lymphnode", {"clinical_nodes": "positive", "axillary_lump": "unilateral"}),
])
def test_misspellings(text: str, want: Dict[str, Any]) -> None:
    check(text, want)


# ---------------------------------------------------------------- diagnosis and treatment

@pytest.mark.parametrize("text, treatment", [
    ("new 3 cm IDC, NAC planned", None),
    ("new 3 cm IDC, will start neoadjuvant chemotherapy next week", None),
    ("new 3 cm IDC, currently on neoadjuvant chemotherapy", "neoadjuvant_ongoing"),
    ("3.5 cm IDC, mid-NAC, new palpable L axillary lump", "neoadjuvant_ongoing"),
    ("3 cm IDC, completed neoadjuvant chemotherapy, surgery next week", "neoadjuvant_completed"),
    ("3 cm IDC, finished NAC", "neoadjuvant_completed"),
    ("3.5 cm IDC, post-NAC, surgery next week", "neoadjuvant_completed"),
    ("newly diagnosed 2.5 cm IDC, pre-treatment, cN0", "none"),
    pytest.param("newly diagnosed 2.5 cm IDC, just biopsied, cN0", "none"),
    pytest.param("newly diagnosed 2.5 cm IDC, before surgery, cN0", "none"),
    pytest.param("55F newly diagnosed 3.5 cm IDC, cN1, NAC not yet started", "none"),
    pytest.param("55F 3.5 cm IDC, cN1, NAC done, surgery planned next week", "neoadjuvant_completed"),
    pytest.param("55F 3.5 cm IDC, cN0, 2 cycles of neoadjuvant chemotherapy so far, new lump in the L axilla",
                 "neoadjuvant_ongoing"),
    pytest.param("55F 3.5 cm IDC, cN0, neoadjuvant chemotherapy was not given, now post-op", "post_surgery"),
    ("3.5 cm IDC, s/p mastectomy", "post_surgery"),
    ("3.5 cm IDC, after ALND", "post_surgery"),
])
def test_treatment(text: str, treatment: Optional[str]) -> None:
    check(text, {"treatment": treatment})


def test_a_new_lump_during_nac() -> None:
    check("3.5 cm IDC, cN0 at diagnosis, mid-NAC, new palpable L axillary lump",
          {"new_lump_during_treatment": True, "clinical_nodes": "negative", "axillary_lump": "unilateral"})


def test_a_new_lump_during_nac_keeps_the_baseline_nodal_status() -> None:
    check("55F 3.5 cm IDC, cN0, 2 cycles of neoadjuvant chemotherapy so far, new lump in the L axilla",
          {"clinical_nodes": "negative", "new_lump_during_treatment": True})


@pytest.mark.parametrize("text", [
    "s/p L mastectomy 2019 for IDC, now biopsy-proven local recurrence in the chest wall",
    "local recurrence in the left breast 5 years after lumpectomy",
])
def test_recurrence_after_surgery_is_a_recurrence(text: str) -> None:
    check(text, {"diagnosis": "local_recurrence"})
    assert bot.extract(text).facts["treatment"] != "post_surgery"


def test_surveillance_after_an_old_cancer_is_not_a_new_diagnosis() -> None:
    text = "62F s/p lumpectomy and SLNB 3 years ago for IDC, routine surveillance, no new findings"
    ext = bot.extract(text)
    assert ext.facts["diagnosis"] != "new_primary"
    assert ext.facts["encounter"] == "surveillance"


@pytest.mark.parametrize("text, want", [
    ("58F newly diagnosed 3 cm IDC, palpable L axillary node, known bone metastases", {"distant_metastases": True}),
    ("52F screening mammogram due, no complaints, no lumps", {"encounter": "screening"}),
    ("What is the best treatment for type 2 diabetes?", {"encounter": "unrelated"}),
])
def test_scope_facts(text: str, want: Dict[str, Any]) -> None:
    check(text, want)


# ---------------------------------------------------------------- short answers to a question

@pytest.mark.parametrize("text, expecting, want", [
    ("3.5 cm", "tumor_size_cm", {"tumor_size_cm": 3.5}),
    ("about 25mm", "tumor_size_cm", {"tumor_size_cm": 2.5}),
    ("T1", "tumor_size_cm", {"t_category": "T1", "tumor_size_cm": None}),
    ("both sides", "axillary_lump", {"axillary_lump": "bilateral"}),
    ("one side", "axillary_lump", {"axillary_lump": "unilateral"}),
    ("left", "axillary_lump", {"axillary_lump": "unilateral"}),
    ("yes", "clinical_nodes", {"clinical_nodes": "positive"}),
    # the exam said of "it", the node asked about; a study that shows something is left to be asked
    ("it can't be felt; ultrasound normal", "clinical_nodes", {"clinical_nodes": "negative"}),
    ("it is palpable", "clinical_nodes", {"clinical_nodes": "positive", "node_finding": "palpable"}),
    ("can't feel it but the CT shows one", "clinical_nodes", {"clinical_nodes": None}),
    ("no", "clinical_nodes", {"clinical_nodes": "negative"}),
    ("the tumour is larger than 2 cm", "tumor_size_cm", {"tumor_over_2cm": True, "tumor_size_cm": None}),
    ("the tumour is 2 cm or less", "tumor_size_cm", {"tumor_over_2cm": False, "tumor_size_cm": None}),
    ("under 2 cm", "tumor_size_cm", {"tumor_over_2cm": False, "tumor_size_cm": None}),
    ("nope", "treatment", {"treatment": "none"}),
    # not knowing is no answer, whatever "no" it holds
    ("no idea", "treatment", {"treatment": None}),
    ("honestly not sure", "clinical_nodes", {"clinical_nodes": None}),
    ("dunno, no", "distant_metastases", {"distant_metastases": None}),
    # a yes/no about another question's topic answers that one, not the question asked
    ("no chemo given", "clinical_nodes", {"clinical_nodes": None, "treatment": "none"}),
    ("no nodes palpable", "treatment", {"treatment": None, "clinical_nodes": "negative"}),
    ("probably not", "clinical_nodes", {"clinical_nodes": None}),
    # a yes/no answers only in a message that holds nothing else (patterns/answers.yml)
    ("no, she doesn't", "clinical_nodes", {"clinical_nodes": "negative"}),
    ("yes, on the right", "clinical_nodes", {"clinical_nodes": "positive"}),
    ("not yet", "treatment", {"treatment": "none"}),
    ("no itching", "clinical_nodes", {"clinical_nodes": None}),
    ("ER negative", "clinical_nodes", {"clinical_nodes": None}),
    ("no, not diabetic", "clinical_nodes", {"clinical_nodes": None}),
    ("no, hasn't started chemo", "clinical_nodes", {"clinical_nodes": None, "treatment": "none"}),
    ("normal", "treatment", {"treatment": None}),
    # the size question: a negated or an approximate 2 is no size
    ("no, not 2 cm", "tumor_size_cm", {"tumor_size_cm": None}),
    ("roughly 2", "tumor_size_cm", {"tumor_size_cm": None}),
])
def test_short_answers(text: str, expecting: str, want: Dict[str, Any]) -> None:
    check(text, want, expecting=expecting)


@pytest.mark.parametrize("text, over", [
    ("newly diagnosed IDC, tumor > 2 cm, palpable left axillary node", True),
    ("newly diagnosed IDC, the tumour is larger than 2 cm, palpable left axillary node", True),
    ("newly diagnosed IDC, tumour 2 cm or less, cN0", False),
    ("newly diagnosed IDC, tumour well in excess of two centimeters, cN0", True),
    ("newly diagnosed IDC, the mass exceeds 2 cm, cN0", True),
    ("newly diagnosed IDC, the mass is over 4 cm, cN0", True),       # a bound past 2 cm is past it too
    ("newly diagnosed IDC, mass smaller than 12 mm, cN0", False),
])
def test_a_size_given_as_a_comparison(text: str, over: bool) -> None:
    check(text, {"tumor_over_2cm": over, "tumor_size_cm": None})


@pytest.mark.parametrize("text", [
    "newly diagnosed IDC, mass smaller than 4 cm, cN0",           # either side of 2 cm: asked
    "newly diagnosed IDC, tumour larger than 1.5 cm, cN0",
    "newly diagnosed IDC, tumour greater than or equal to two centimetres, cN0",
])
def test_a_bound_that_leaves_both_sides_of_2_cm_open_is_asked(text: str) -> None:
    check(text, {"tumor_over_2cm": None, "tumor_size_cm": None})
    assert "tumor_size_cm" in bot.analyze(text).missing


def test_a_bound_on_a_node_says_nothing_of_the_tumour() -> None:
    check("newly diagnosed IDC, palpable axillary node over 3 cm", {"tumor_over_2cm": None, "tumor_size_cm": None})


def test_an_open_bound_beside_the_t_category_is_consistent_with_it() -> None:
    check("newly diagnosed IDC, cT1c, i.e. more than 1 cm but not more than 2, cN0", {"t_category": "T1"})
    assert bot.analyze("newly diagnosed IDC, cT1c, i.e. more than 1 cm but not more than 2, cN0").variant_id \
        == "axilla-3"


@pytest.mark.parametrize("text", [
    "newly diagnosed IDC 1'4 cm, cN0",      # a mark that is no decimal point
    "newly diagnosed IDC 1 4 cm, cN0",      # a decimal point lost to a space
    "newly diagnosed IDC ranging 1,6 to 2,7 cm, cN0",
    "neu diagnostiziertes Karzinom, zwischen 1,6 und 2,7 cm, cN0",
])
def test_a_number_that_cannot_be_read_as_one_size_is_asked(text: str) -> None:
    assert bot.analyze(text).missing[:1] == ["tumor_size_cm"]


def test_a_measured_size_beats_a_comparison() -> None:
    check("newly diagnosed 3 cm IDC, i.e. larger than 2 cm", {"tumor_size_cm": 3.0, "tumor_over_2cm": None})


def test_yes_without_a_question_states_nothing() -> None:
    assert bot.extract("yes").facts["clinical_nodes"] is None


# ---------------------------------------------------------------- unstated facts, corrections, new cases

def test_unstated_facts_are_none() -> None:
    facts = bot.extract("58F new 3 cm IDC").facts
    assert set(facts) == set(bot.FACT_KEYS)
    assert bot.extract("58F new 3 cm IDC").stated == {
        "sex": "female", "age": 58, "diagnosis": "new_primary", "tumor_size_cm": 3.0, "cancer_named": True}


@pytest.mark.parametrize("text, named", [
    ("1 cm mass, no palpable node", None),
    ("2.5 cm", None),
    ("2.5 cm IDC, cN0", True),
    ("cT2 cN0", True),
    ("sister had a 3 cm breast cancer", None),
])
def test_a_cancer_is_named_or_not(text: str, named) -> None:
    assert bot.extract(text).facts["cancer_named"] is named


def test_a_size_without_a_named_cancer_asks_whether_there_is_one() -> None:
    result = bot.analyze("1 cm mass, no palpable node")
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["diagnosis"])
    assert bot.analyze("1 cm IDC, no palpable node").variant_id == "axilla-3"


def test_no_fact_is_guessed_from_an_empty_message() -> None:
    ext = bot.extract("")
    assert {k: v for k, v in ext.stated.items() if k != "encounter"} == {}


@pytest.mark.parametrize("text", ["new patient: 45F with bilateral axillary lumps",
                                  "start over. 45F with bilateral axillary lumps"])
def test_new_case(text: str) -> None:
    ext = bot.extract(text)
    assert ext.new_case
    assert ext.stated["axillary_lump"] == "bilateral"


def test_a_correction_word() -> None:
    ext = bot.extract("actually the mass is 1.8 cm")
    assert ext.corrected and not ext.new_case
    assert ext.facts["tumor_size_cm"] == 1.8


def test_an_ordinary_message_is_neither_a_correction_nor_a_new_case() -> None:
    ext = bot.extract("58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node")
    assert not ext.corrected and not ext.new_case


def test_the_pattern_regexes_compile_without_warnings() -> None:
    from bot.nlp.pipeline import build
    re.purge()   # a pattern compiled earlier in the session would not warn again
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build()
    assert [str(w.message) for w in caught if "/bot/" in w.filename] == []


@pytest.mark.parametrize("text, expecting, size", [
    ("sorry, I meant 1.8", None, 1.8),             # a short correction
    ("2.2", "tumor_size_cm", 2.2),                 # the answer to the size question
    ("oops no wait, size is 1.6", None, 1.6),      # after a size word
])
def test_a_bare_number_is_read_as_cm_and_said_so(text: str, expecting: Optional[str], size: float) -> None:
    ext = bot.extract(text, expecting=expecting)
    assert ext.facts["tumor_size_cm"] == size
    assert [n.key for n in ext.notes] == ["bare_number_cm"]


def test_a_bare_number_above_ten_asks_for_the_unit() -> None:
    result = bot.match(bot.merge({"diagnosis": "new_primary", "clinical_nodes": "negative"},
                                 ext := bot.extract("25", expecting="tumor_size_cm")), residue=ext.residue)
    assert result.status == "needs_info" and result.missing == ["tumor_size_cm"]
    assert "'25'" in result.reasons[0]


@pytest.mark.parametrize("text, size", [("2§", 2.0), ("oh, 0§", None)])
def test_a_bare_number_stuck_to_a_symbol_is_read_without_it(text: str, size: Optional[float]) -> None:
    # the cue's span is widened to the whole token "2§": the number is read from it, never float("2§")
    assert bot.extract(text, expecting="tumor_size_cm").facts["tumor_size_cm"] == size


@pytest.mark.parametrize("text", ["I meant 3 of 6 cycles", "she is 58, sorry", "sorry, it's the left side"])
def test_other_bare_numbers_are_not_sizes(text: str) -> None:
    assert bot.extract(text, expecting="tumor_size_cm").facts["tumor_size_cm"] is None


def test_a_node_taken_back_loses_how_it_was_found() -> None:
    known = bot.merge({}, bot.extract("58F new 3 cm IDC, palpable L axillary node"))
    assert known["node_finding"] == "palpable"
    after = bot.merge(known, bot.extract("actually the node is not palpable"))
    assert (after["clinical_nodes"], after["node_finding"], after["axillary_lump"]) == ("negative", None, None)


@pytest.mark.parametrize("answer, stage", [("not yet", "none"), ("she finished it", "neoadjuvant_completed"),
                                           ("last cycle is next week", "neoadjuvant_ongoing")])
def test_a_short_answer_to_the_stage_question_settles_where_chemotherapy_stands(answer: str, stage: str) -> None:
    known = bot.merge({}, bot.extract("53F R IDC 3.6 cm, cN1, neoadjuvant chemotherapy"))
    assert known["neoadjuvant_unclear"] is True
    after = bot.merge(known, bot.extract(answer, expecting="treatment"))
    assert (after["treatment"], after["neoadjuvant_unclear"]) == (stage, None)


@pytest.mark.parametrize("first, then, size, category", [
    ("61F new 2.8 cm R IDC, cN0, untreated", "sorry, it is T1b", None, "T1"),
    ("61F new cT3 R IDC, cN0, untreated", "correction: 1.6 cm", 1.6, None),
    ("61F new 2.8 cm R IDC, cN0, untreated", "cT2", 2.8, "T2"),  # agreeing: both kept
])
def test_a_size_or_category_given_later_replaces_the_one_it_disagrees_with(
        first: str, then: str, size: Optional[float], category: Optional[str]) -> None:
    after = bot.merge(bot.merge({}, bot.extract(first)), bot.extract(then))
    assert (after["tumor_size_cm"], after["t_category"]) == (size, category)


@pytest.mark.parametrize("answer", ["the ultrasound was normal", "MRI negative"])
def test_a_study_that_found_nothing_does_not_say_how_a_node_was_found(answer: str) -> None:
    assert bot.extract(answer, expecting="node_finding").facts["node_finding"] is None


def test_a_cycle_under_way_after_completed_chemotherapy_asks_the_treatment_again() -> None:
    known = bot.merge({}, bot.extract("new R IDC 3.2 cm, cN0, completed neoadjuvant chemotherapy"))
    follow_up = bot.extract("sorry, she is still in cycle 4", treatment=known["treatment"])  # as the chat reads it
    assert bot.merge(known, follow_up)["treatment"] is None


def test_a_tissue_diagnosis_that_arrives_later_ends_the_wait_for_it() -> None:
    known = bot.merge({}, bot.extract("3 cm L breast mass, not yet biopsied, palpable L axillary node"))
    assert known["encounter"] == "no_tissue_diagnosis"
    after = bot.merge(known, bot.extract("the core biopsy came back: IDC"))
    assert (after["diagnosis"], after["encounter"]) == ("new_primary", None)


def test_after_chemotherapy_today_s_n_category_is_not_the_one_at_diagnosis() -> None:
    assert bot.extract("cN0 now", expecting="clinical_nodes",
                       treatment="neoadjuvant_completed").facts["clinical_nodes"] is None
    assert bot.extract("cN0 at diagnosis", expecting="clinical_nodes",
                       treatment="neoadjuvant_completed").facts["clinical_nodes"] == "negative"


@pytest.mark.parametrize("text, corrected, new_case", [
    ("she is 64 not 46", True, False),                 # one value instead of another
    ("tumour 1.6, not 2.6", True, False),
    ("the node isn't there, I mixed her up with another patient", True, False),
    ("another patient: 71F, new R IDC", False, True),
])
def test_a_value_instead_of_another_corrects_and_a_mix_up_is_no_new_patient(text, corrected, new_case) -> None:
    found = bot.extract(text)
    assert (found.corrected, found.new_case) == (corrected, new_case)


def test_sizes_on_both_sides_of_2_cm_in_one_list_are_asked() -> None:
    result = bot.analyze("new R IDC, two lesions of 2.3 and 1.7 cm in the R breast, cN0, untreated, 52F")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_an_mri_sequence_is_no_t_category() -> None:
    result = bot.analyze("MRI, T1/T2-weighted: 2.6 cm mass. New R IDC, cN0, untreated, 52F")
    assert (result.variant_id, result.facts["t_category"]) == ("axilla-5", None)


def test_a_size_after_shes_is_not_an_age() -> None:
    result = bot.analyze("new R IDC, she's 1.8 cm on US, cN0, untreated, 52F")
    assert (result.facts["age"], result.facts["tumor_size_cm"]) == (52, 1.8)


def test_a_time_after_the_nodal_category_is_the_cases_not_the_sizes() -> None:
    result = bot.analyze("pager: 52F R ILC 3.4cm cN0 post NAC, op next wk, axillary imaging?")
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-8", 3.4)


@pytest.mark.parametrize("then, treatment", [
    ("no chemotherapy", "post_surgery"),                    # no other treatment: the operation stays done
    ("sorry, no surgery yet, untreated", "none"),           # a correction of the operation itself
])
def test_no_treatment_said_after_an_operation_done_does_not_undo_it(then: str, treatment: str) -> None:
    known = bot.merge({}, bot.extract("64F, ILC 1.7 cm excised at wide local excision, axilla clinically negative"))
    assert known["treatment"] == "post_surgery"
    assert bot.merge(known, bot.extract(then))["treatment"] == treatment


# (inches are read, in centimetres: test_session29_kinds; a quote mark may be an inch or a closing quote)
@pytest.mark.parametrize("text", ['new IDC measuring 1.1", cN0', "new IDC measuring 1.1'', cN0"])
def test_a_size_in_another_unit_is_asked_not_read_as_cm(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


@pytest.mark.parametrize("answer", ["no exam yet", "exam not done", "no, not examined"])
def test_an_exam_not_done_is_no_answer_to_the_node_question(answer: str) -> None:
    assert bot.extract(answer, expecting="clinical_nodes").facts["clinical_nodes"] is None
