"""The matcher's decision table (shared/reference/matching-rules.md) on hand-built facts."""
from typing import Any, Dict, List

import pytest

import bot
from bot.kb import RANK, knowledge

NO_UA = {3, 5, 8, 10}
FEMALE_ASSUMED = "female"
NO_TREATMENT_ASSUMED = "no treatment"


def facts(**stated: Any) -> Dict[str, Any]:
    """Every fact key; the ones given are stated, the rest unknown."""
    return {**{key: None for key in bot.FACT_KEYS}, **stated}


NEW = dict(diagnosis="new_primary")
DONE = dict(treatment="neoadjuvant_completed")
MID = dict(treatment="neoadjuvant_ongoing")

# (facts, variant number): each variant of the table, with the variations the rules name.
VARIANTS = [
    (facts(diagnosis="none_known", axillary_lump="unilateral", clinical_nodes="positive", node_finding="palpable"), 1),
    (facts(diagnosis="none_known", axillary_lump="unilateral"), 1),
    (facts(axillary_lump="unilateral", node_finding="palpable"), 1),             # no cancer mentioned: assumed none
    (facts(diagnosis="none_known", axillary_lump="bilateral", node_finding="palpable"), 2),
    (facts(**NEW, tumor_size_cm=1.5, clinical_nodes="negative"), 3),
    (facts(**NEW, tumor_size_cm=1.5, clinical_nodes="negative", treatment="none", sex="female", age=50), 3),
    (facts(**NEW, tumor_size_cm=1.5, clinical_nodes="positive", node_finding="palpable"), 4),
    (facts(**NEW, tumor_size_cm=3.0, clinical_nodes="negative"), 5),
    (facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive", node_finding="palpable",
           axillary_lump="unilateral"), 6),
    (facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive", node_finding="mammography_or_us"), 6),
    (facts(tumor_size_cm=3.0, clinical_nodes="positive", cancer_named=True), 6),  # a cancer, no diagnosis: assumed new
    (facts(**MID, tumor_size_cm=3.5, clinical_nodes="negative", new_lump_during_treatment=True), 7),
    (facts(**NEW, **MID, tumor_size_cm=3.5, clinical_nodes="negative", new_lump_during_treatment=True,
           axillary_lump="unilateral"), 7),
    (facts(**DONE, tumor_size_cm=3.5, clinical_nodes="negative"), 8),
    (facts(**DONE, tumor_size_cm=3.5, clinical_nodes="positive"), 9),
    (facts(**NEW, **DONE, t_category="T3", clinical_nodes="positive"), 9),
    (facts(diagnosis="local_recurrence"), 10),
    (facts(diagnosis="local_recurrence", treatment="post_surgery"), 10),       # the surgery was for the first cancer
    (facts(diagnosis="local_recurrence", tumor_size_cm=1.2, clinical_nodes="negative"), 10),
    (facts(diagnosis="none_known", node_finding="mammography_or_us", clinical_nodes="positive"), 11),
    (facts(node_finding="mammography_or_us", clinical_nodes="positive"), 11),
    # imaging takes precedence over a lump: the next study, not the initial one
    (facts(diagnosis="none_known", node_finding="mammography_or_us", axillary_lump="unilateral"), 11),
    (facts(diagnosis="none_known", node_finding="other_imaging", clinical_nodes="positive"), 12),
]


@pytest.mark.parametrize("case, number", VARIANTS)
def test_each_variant(case: Dict[str, Any], number: int) -> None:
    result = bot.match(case)
    assert (result.status, result.variant_id, result.missing) == ("matched", f"axilla-{number}", [])
    assert result.variant["number"] == number
    assert result.variant["title"] == knowledge().variants[f"axilla-{number}"].title
    assert result.variant["topic"] == "Imaging of the Axilla"
    assert result.reasons and result.recommendations and result.order_text


def test_every_variant_is_reachable() -> None:
    assert {number for _, number in VARIANTS} == set(range(1, 13))


# ---------------------------------------------------------------- the 2 cm boundary, T categories

@pytest.mark.parametrize("size, nodes, number", [
    (dict(tumor_size_cm=2.0), "negative", 3), (dict(tumor_size_cm=2.0), "positive", 4),
    (dict(tumor_size_cm=2.01), "negative", 5), (dict(tumor_size_cm=2.1), "positive", 6),
    (dict(tumor_size_cm=0.4), "negative", 3), (dict(tumor_size_cm=12.0), "positive", 6),
    (dict(t_category="T1"), "negative", 3), (dict(t_category="T1"), "positive", 4),
    (dict(t_category="T2"), "negative", 5), (dict(t_category="T3"), "positive", 6),
    (dict(t_category="T4", tumor_size_cm=3.0), "negative", 5),
    (dict(t_category="T2", tumor_size_cm=2.5), "positive", 6),
    (dict(tumor_over_2cm=True), "positive", 6), (dict(tumor_over_2cm=False), "negative", 3),
])
def test_two_cm_boundary(size: Dict[str, Any], nodes: str, number: int) -> None:
    result = bot.match(facts(**NEW, **size, clinical_nodes=nodes))
    assert (result.status, result.variant_id) == ("matched", f"axilla-{number}")


@pytest.mark.parametrize("size, status, number", [
    (2.0, "out_of_scope", None), (2.01, "matched", 9), (2.1, "matched", 9),
])
def test_two_cm_boundary_after_nac(size: float, status: str, number: Any) -> None:
    result = bot.match(facts(**DONE, tumor_size_cm=size, clinical_nodes="positive"))
    assert (result.status, result.variant_id) == (status, number and f"axilla-{number}")


def test_t4_alone_asks_for_the_size() -> None:
    result = bot.match(facts(**NEW, t_category="T4", clinical_nodes="positive"))
    assert (result.status, result.missing) == ("needs_info", ["tumor_size_cm"])


def test_reasons_name_the_size_and_the_nodes() -> None:
    result = bot.match(facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive", node_finding="palpable"))
    text = " ".join(result.reasons)
    assert "3.0 cm" in text and "> 2 cm" in text
    assert "palpable" in text and "node-positive" in text


# ---------------------------------------------------------------- assumptions

def test_female_is_assumed_and_said() -> None:
    result = bot.match(facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive"))
    assert any(FEMALE_ASSUMED in a for a in result.assumptions)
    assert result.facts["sex"] is None                       # assumed, never written into the facts


def test_a_stated_sex_is_not_assumed() -> None:
    result = bot.match(facts(**NEW, sex="female", tumor_size_cm=3.0, clinical_nodes="positive"))
    assert not any(FEMALE_ASSUMED in a for a in result.assumptions)


def test_no_treatment_is_assumed_for_a_new_diagnosis() -> None:
    result = bot.match(facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive"))
    assert any(NO_TREATMENT_ASSUMED in a for a in result.assumptions)
    assert result.facts["treatment"] is None


def test_a_stated_treatment_is_not_assumed() -> None:
    result = bot.match(facts(**NEW, treatment="none", tumor_size_cm=3.0, clinical_nodes="positive"))
    assert not any(NO_TREATMENT_ASSUMED in a for a in result.assumptions)


def test_an_assumed_diagnosis_is_said() -> None:
    result = bot.match(facts(tumor_size_cm=3.0, clinical_nodes="positive", cancer_named=True))
    assert any("newly diagnosed" in a for a in result.assumptions)
    # a size alone does not say there is a cancer: asked, not assumed
    assert bot.match(facts(tumor_size_cm=3.0, clinical_nodes="positive")).missing == ["diagnosis"]
    result = bot.match(facts(axillary_lump="unilateral"))
    assert any("no known breast cancer" in a for a in result.assumptions)


def test_notes_come_first_among_the_assumptions() -> None:
    result = bot.match(facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive"), notes=["the text was cut"])
    assert result.assumptions[0] == "the text was cut"


# ---------------------------------------------------------------- needs_info

@pytest.mark.parametrize("case, missing", [
    (facts(**NEW), ["tumor_size_cm", "clinical_nodes"]),
    (facts(**NEW, clinical_nodes="positive"), ["tumor_size_cm"]),
    (facts(**NEW, tumor_size_cm=3.0), ["clinical_nodes"]),
    (facts(**NEW, t_category="T2"), ["clinical_nodes"]),
    (facts(**DONE), ["tumor_size_cm", "clinical_nodes"]),
    (facts(**DONE, clinical_nodes="negative"), ["tumor_size_cm"]),
    (facts(**DONE, tumor_size_cm=3.0), ["clinical_nodes"]),
    (facts(**MID, new_lump_during_treatment=True), ["tumor_size_cm", "clinical_nodes"]),
    (facts(**MID, new_lump_during_treatment=True, tumor_size_cm=3.0), ["clinical_nodes"]),
    (facts(diagnosis="none_known", node_finding="palpable", clinical_nodes="positive"), ["axillary_lump"]),
    (facts(), ["diagnosis"]),
    (facts(sex="female", age=50), ["diagnosis"]),
])
def test_needs_info(case: Dict[str, Any], missing: List[str]) -> None:
    result = bot.match(case)
    assert (result.status, result.missing, result.variant) == ("needs_info", missing, None)
    assert result.recommendations == [] and result.order_text is None
    assert len(result.reasons) >= 1


def test_a_lump_without_a_side_asks_for_the_side() -> None:
    result = bot.match(facts(node_finding="palpable", clinical_nodes="positive"))
    assert result.status == "needs_info"
    assert "axillary_lump" in result.missing


def test_missing_follows_the_ask_order() -> None:
    for case in (facts(**NEW), facts(**DONE), facts(**MID, new_lump_during_treatment=True)):
        missing = bot.match(case).missing
        asked = [key for key in missing if key in bot.ASK_ORDER]
        assert asked == sorted(asked, key=bot.ASK_ORDER.index)
    assert bot.ASK_ORDER == ("tumor_size_cm", "clinical_nodes", "axillary_lump")


@pytest.mark.parametrize("case, conflict", [
    (facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive"), "tumor_size_cm"),
    (facts(**NEW, sex="female", tumor_size_cm=3.0, clinical_nodes="positive"), "sex"),
    (facts(**NEW, tumor_size_cm=3.0), "tumor_size_cm"),
])
def test_a_conflict_asks_for_the_fact(case: Dict[str, Any], conflict: str) -> None:
    result = bot.match(case, conflicts=[conflict])
    assert result.status == "needs_info"
    assert result.missing[0] == conflict
    assert result.facts[conflict] is None
    assert result.recommendations == []


def test_a_size_that_contradicts_the_t_category_is_a_conflict() -> None:
    result = bot.match(facts(**NEW, tumor_size_cm=3.0, t_category="T1", clinical_nodes="positive"))
    assert (result.status, result.missing[0]) == ("needs_info", "tumor_size_cm")
    assert "two different sizes" in result.reasons[0]


def test_invalid_values_are_unknown() -> None:
    result = bot.match(facts(**NEW, tumor_size_cm="3 cm", clinical_nodes="maybe"))
    assert (result.status, result.missing) == ("needs_info", ["tumor_size_cm", "clinical_nodes"])
    assert result.facts["tumor_size_cm"] is None and result.facts["clinical_nodes"] is None


# ---------------------------------------------------------------- out_of_scope

NAC_TOPIC = "Monitoring Response to Neoadjuvant Systemic Therapy"


@pytest.mark.parametrize("case, reason, refer", [
    (facts(sex="male", **NEW, tumor_size_cm=3.0, clinical_nodes="positive"), "female patients", "any sex"),
    (facts(sex="male", diagnosis="none_known", axillary_lump="unilateral"), "female patients", "any sex"),
    (facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive", distant_metastases=True), "metastatic", "oncology"),
    (facts(encounter="screening", sex="female", age=50), "Screening", "screening"),
    (facts(encounter="surveillance", treatment="post_surgery"), "surveillance", "surveillance"),
    (facts(**NEW, tumor_size_cm=3.0, clinical_nodes="positive", treatment="post_surgery"), "surgery", "variant 10"),
    (facts(tumor_size_cm=3.0, treatment="post_surgery"), "surgery", "variant 10"),
    (facts(**MID, tumor_size_cm=1.5, clinical_nodes="negative", new_lump_during_treatment=True),
     "2 cm or less", NAC_TOPIC),
    (facts(**DONE, tumor_size_cm=1.5, clinical_nodes="positive"), "2 cm or less", NAC_TOPIC),
    (facts(**DONE, t_category="T1", clinical_nodes="negative"), "2 cm or less", NAC_TOPIC),
    (facts(**MID, tumor_size_cm=3.0, clinical_nodes="negative"), "monitoring", NAC_TOPIC),
    (facts(**MID, tumor_size_cm=3.0, clinical_nodes="negative", new_lump_during_treatment=False),
     "monitoring", NAC_TOPIC),
    (facts(**MID, tumor_size_cm=3.0, clinical_nodes="positive", new_lump_during_treatment=True),
     "node-positive", NAC_TOPIC),
    (facts(encounter="unrelated"), "not a question about", None),
])
def test_out_of_scope(case: Dict[str, Any], reason: str, refer: Any) -> None:
    result = bot.match(case)
    assert (result.status, result.variant, result.missing, result.recommendations) == ("out_of_scope", None, [], [])
    assert reason.lower() in result.reasons[0].lower()
    if refer is None:
        assert result.refer_to is None
    else:
        assert refer.lower() in result.refer_to.lower()
        assert any(result.refer_to in r for r in result.reasons)


# ---------------------------------------------------------------- recommendations

MATCHED = {number: case for case, number in VARIANTS}


@pytest.mark.parametrize("number", range(1, 13))
def test_recommendations(number: int) -> None:
    kb = knowledge()
    result = bot.match(MATCHED[number])
    ranks = [RANK[r.category] for r in result.recommendations]
    assert ranks == sorted(ranks), "best category first"
    for r in result.recommendations:
        assert r.source in kb.sources and r.source_text == kb.sources[r.source].short
        assert (r.rrl, r.dose) == (kb.procedures[r.procedure].rrl, kb.procedures[r.procedure].dose)
    variant = kb.variants[f"axilla-{number}"]
    assert {r.procedure for r in result.recommendations} == {r.procedure for r in variant.ratings}
    assert result.has_usually_appropriate is (number not in NO_UA)
    assert (result.recommendations[0].category == "Usually Appropriate") is (number not in NO_UA)
    assert result.order_text == variant.order_text


def test_variant_one_carries_its_ratings() -> None:
    result = bot.match(MATCHED[1]).to_dict()
    us = result["recommendations"][0]
    assert (us["procedure"], us["rating"], us["median"]) == ("US axilla", 9, 9)
    assert all("rating" not in r for r in bot.match(MATCHED[6]).to_dict()["recommendations"])


def test_the_contract_json() -> None:
    data = bot.match(MATCHED[6]).to_dict()
    assert set(data) >= {"status", "variant", "facts", "assumptions", "missing", "reasons",
                         "recommendations", "order_text"}
    assert set(data["facts"]) >= set(bot.CONTRACT_KEYS)
    assert set(data["recommendations"][0]) >= {"procedure", "category", "rrl", "dose", "source"}

