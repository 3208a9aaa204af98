"""Case features: what the variants' `when` conditions test, derived from the facts.

A feature is None when the facts do not decide it. Assumptions made while deriving a feature
(a new diagnosis means no treatment yet, unstated sex is female) are returned so they can be shown.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot.facts import ENCOUNTERS, size_class_of, size_disagrees_with_t

Features = Dict[str, Any]

FEATURES: Mapping[str, Tuple[Any, ...]] = {
    "sex": ("female", "male"),
    "population": ("new_primary", "local_recurrence", "none_known", "known_cancer"),
    "presentation": ("lump", "mammography_or_us", "other_imaging"),
    "size": ("le2", "gt2"),
    "clinical_nodes": ("positive", "negative"),
    "axillary_lump": ("unilateral", "bilateral"),
    "treatment": ("none", "neoadjuvant_ongoing", "neoadjuvant_completed", "post_surgery"),
    "new_lump": (True, False),
    "distant_metastases": (True, False),
    "encounter": ENCOUNTERS,
}

# The fact to ask for when a feature is unknown and decides between outcomes.
ASK_FOR: Mapping[str, str] = {
    "size": "tumor_size_cm",
    "clinical_nodes": "clinical_nodes",
    "axillary_lump": "axillary_lump",
    "presentation": "node_finding",
    "population": "diagnosis",
    "treatment": "treatment",
}

_NAC = ("neoadjuvant_ongoing", "neoadjuvant_completed")


def size_class(facts: Mapping[str, Any]) -> Tuple[Optional[str], bool]:
    """('le2' | 'gt2' | None, contradictory?) from the size, the T category or a stated comparison."""
    classes = {c for key in ("tumor_size_cm", "t_category") for c in [size_class_of(key, facts.get(key))] if c}
    if facts.get("tumor_over_2cm") is not None:
        classes.add("gt2" if facts["tumor_over_2cm"] else "le2")
    if len(classes) > 1 or size_disagrees_with_t(facts.get("tumor_size_cm"), facts.get("t_category")):
        return None, True
    return (classes.pop() if classes else None), False


def population(facts: Mapping[str, Any]) -> Tuple[Optional[str], Optional[str]]:
    """(population, the key of the assumption made, or None)."""
    dx, tx = facts.get("diagnosis"), facts.get("treatment")
    if dx == "local_recurrence":
        return dx, None
    if tx in _NAC or tx == "post_surgery" and dx is None or facts.get("neoadjuvant_unclear"):
        return "known_cancer", None
    if dx in ("new_primary", "none_known"):
        return dx, None
    if facts.get("cancer_history"):
        return "none_known", "past_cancer_history"
    tumour = any(facts.get(k) is not None for k in ("tumor_size_cm", "t_category", "tumor_over_2cm"))
    if tumour and facts.get("cancer_named"):
        return "new_primary", "new_primary"  # a named cancer, neither history nor recurrence: assumed new
    if tumour or facts.get("cancer_named"):
        return None, None  # a size with no cancer named ("1 cm mass"), or a cancer with neither: asked
    if facts.get("axillary_lump") or facts.get("node_finding") in ("palpable", "mammography_or_us", "other_imaging"):
        return "none_known", "none_known"
    return None, None


def presentation(facts: Mapping[str, Any]) -> Optional[str]:
    """How an axillary finding without known cancer presented; imaging beats a lump (next study)."""
    finding = facts.get("node_finding")
    if finding in ("mammography_or_us", "other_imaging"):
        return finding
    if facts.get("axillary_lump") or finding == "palpable":
        return "lump"
    return None


def derive(facts: Mapping[str, Any]) -> Tuple[Features, List[str], List[str]]:
    """(features, assumption keys of reasons.yml, contradicted fact keys) for a case."""
    assumptions: List[str] = []
    contradictions: List[str] = []
    pop, assumed = population(facts)
    if assumed:
        assumptions.append(assumed)
    size, contradictory = size_class(facts)
    if contradictory:
        contradictions.append("tumor_size_cm")
    sex = facts.get("sex")
    if sex is None and facts.get("encounter") != "unrelated":
        sex = "female"
        assumptions.append("sex_female")
    treatment = facts.get("treatment")
    if treatment is None and pop in ("new_primary", "local_recurrence"):
        treatment = "none"
        assumptions.append("no_treatment")
    elif treatment is None and pop == "none_known":
        treatment = "none"  # no known cancer: nothing to have treated
    new_lump = facts.get("new_lump_during_treatment")
    features: Features = {
        "sex": sex,
        "population": pop,
        "presentation": presentation(facts),
        "size": size,
        "clinical_nodes": facts.get("clinical_nodes"),
        "axillary_lump": facts.get("axillary_lump"),
        "treatment": treatment,
        "new_lump": bool(new_lump),  # a new lump during treatment is either stated or absent
        "distant_metastases": bool(facts.get("distant_metastases")),
        "encounter": facts.get("encounter"),
    }
    return features, assumptions, contradictions
