"""The deterministic variant matcher: facts -> matched / needs_info / out_of_scope.

Variants and out-of-scope rules are data (bot/knowledge). Each is a set of conditions on case
features; a condition is met, violated, or open (the feature is unknown). A recommendation is
given only when exactly one variant remains and none of its conditions is open.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from bot import reasons
from bot.facts import Evidence, Facts, Residue, validate
from bot.features import ASK_FOR, Features, derive
from bot.kb import RANK, Knowledge, ScopeRule, Variant, knowledge
from bot.reasons import Note
from bot.result import MATCHED, NEEDS_INFO, OUT_OF_SCOPE, Analysis, Recommendation

# Order in which open features are asked for (matching-rules.md: size, nodes, side).
_ASK_ORDER = ("size", "clinical_nodes", "presentation", "axillary_lump", "treatment", "sex")
Outcome = Union[Variant, ScopeRule]


def evaluate(when: Mapping[str, Tuple[Any, ...]], features: Features) -> Tuple[bool, List[str]]:
    """(violated?, open features) of a set of conditions."""
    open_features = []
    for feature, allowed in when.items():
        value = features.get(feature)
        if value is None and feature in ASK_FOR:
            open_features.append(feature)
        elif value not in allowed:
            return True, []
    return False, open_features


def _candidates(kb: Knowledge, features: Features) -> Tuple[Optional[ScopeRule], List[Tuple[Outcome, List[str]]]]:
    """(a scope rule that fully applies, or the outcomes still possible with their open features)."""
    possible: List[Tuple[Outcome, List[str]]] = []
    for rule in kb.scope_rules:
        violated, open_features = evaluate(rule.when, features)
        if not violated and not open_features:
            return rule, []
        if not violated:
            possible.append((rule, open_features))
    for variant in kb.variants.values():
        violated, open_features = evaluate(variant.when, features)
        if not violated:
            possible.append((variant, open_features))
    return None, possible


def _missing(possible: Sequence[Tuple[Outcome, List[str]]], features: Features) -> List[str]:
    if features.get("population") is None:
        return ["diagnosis"]
    open_features = {f for _, fs in possible for f in fs}
    return [ASK_FOR[f] for f in _ASK_ORDER if f in open_features]


def recommendations(kb: Knowledge, variant: Variant) -> List[Recommendation]:
    """Every sourced rating of the variant, best category first."""
    rows = sorted(variant.ratings, key=lambda r: RANK[r.category])
    return [
        Recommendation(
            procedure=r.procedure, category=r.category, rrl=kb.procedures[r.procedure].rrl,
            dose=kb.procedures[r.procedure].dose, source=r.source,
            source_text=kb.sources[r.source].short, rating=r.rating, median=r.median,
        )
        for r in rows
    ]


def _fmt_size(facts: Facts) -> Optional[str]:
    if facts.get("tumor_size_cm") is not None:
        return f"{facts['tumor_size_cm']:.1f} cm"
    if facts.get("t_category"):
        return facts["t_category"]
    return None


def reasons_for(facts: Facts, features: Features, when: Iterable[str]) -> List[str]:
    """Why each condition of the chosen variant holds, in words a clinician can check."""
    size = _fmt_size(facts)
    finding = {"palpable": "palpable axillary node", "mammography_or_us": "suspicious node on mammography/US",
               "other_imaging": "suspicious node on CT/MRI/PET"}.get(facts.get("node_finding") or "", "")
    texts = {
        "population": {
            "new_primary": "newly diagnosed breast cancer",
            "local_recurrence": "newly diagnosed local recurrence of breast cancer",
            "none_known": "no known breast cancer",
            "known_cancer": "known breast cancer treated with neoadjuvant chemotherapy",
        }.get(features.get("population") or ""),
        "size": (f"tumour {size} > 2 cm" if features.get("size") == "gt2" else f"tumour {size} ≤ 2 cm")
        if size else ("tumour > 2 cm" if features.get("size") == "gt2" else "tumour ≤ 2 cm"),
        "clinical_nodes": (f"{finding} → clinically node-positive" if finding else "clinically node-positive")
        if features.get("clinical_nodes") == "positive"
        else "no palpable or suspicious node → clinically node-negative",
        "treatment": {
            "none": "before any treatment",
            "neoadjuvant_ongoing": "mid-way through neoadjuvant chemotherapy",
            "neoadjuvant_completed": "neoadjuvant chemotherapy completed, before surgery",
        }.get(features.get("treatment") or ""),
        "new_lump": "new palpable axillary lump during chemotherapy",
        "axillary_lump": "new palpable axillary lump, "
                         + ("both sides" if features.get("axillary_lump") == "bilateral" else "one side"),
        "presentation": {
            "lump": "palpable lump, not yet imaged: initial imaging",
            "mammography_or_us": "suspicious node already seen on mammography/ultrasound: next study",
            "other_imaging": "suspicious node seen on CT, MRI or PET: next study",
        }.get(features.get("presentation") or ""),
    }
    return [str(texts[f]) for f in when if texts.get(f)]


def _asked(keys: Sequence[str]) -> List[str]:
    return [reasons.text("asked", k) for k in keys if k in reasons.texts()["asked"]]


def _unplaced_question(residue: Sequence[Residue]) -> Tuple[List[str], List[str]]:
    """(fact keys to ask for, reasons quoting the words) for what the extraction could not place."""
    keys = list(dict.fromkeys(r.fact for r in residue))
    return keys, list(dict.fromkeys(reasons.text(r.kind, r.fact, text=r.text) for r in residue))


def match(facts: Mapping[str, Any], conflicts: Sequence[str] = (), notes: Sequence[Note] = (),
          evidence: Optional[Mapping[str, Sequence[Evidence]]] = None, residue: Sequence[Residue] = ()) -> Analysis:
    """Decide a case. `conflicts` are facts stated with contradictory values (they are treated as unknown).

    `evidence` is carried into the result; any `residue` (words that bear on a deciding fact but could not
    be placed) blocks a recommendation: the case becomes needs_info, asking for those facts."""
    result = _decide(facts, conflicts, notes)
    extras: Dict[str, Any] = {
        "evidence": {k: [e.to_dict() for e in spans] for k, spans in (evidence or {}).items() if spans},
        "unplaced": [r.to_dict() for r in residue],
    }
    if residue and result.status == MATCHED:
        keys, quoted = _unplaced_question(residue)
        result = Analysis(NEEDS_INFO, result.facts, assumptions=result.assumptions, missing=keys,
                          reasons=quoted + _asked(keys), assumption_keys=result.assumption_keys)
    elif residue and result.status == NEEDS_INFO:
        keys, quoted = _unplaced_question(residue)
        result = replace(result, missing=list(dict.fromkeys(result.missing + keys)), reasons=quoted + result.reasons)
    if residue:
        result = _withdraw_assumptions(result)
    return replace(result, **extras)


# The fact each assumption of reasons.yml stands in for: once that fact is asked, the assumption is not made.
_ASSUMED_FACT = {"no_treatment": "treatment", "sex_female": "sex", "new_primary": "diagnosis",
                 "none_known": "diagnosis", "past_cancer_history": "diagnosis"}


def _withdraw_assumptions(result: Analysis) -> Analysis:
    """The answer without the assumptions about facts it asks for ("no treatment has started" beside "has any
    treatment been given?"). assumption_keys and assumptions run in step (notes, then assumptions)."""
    pairs = [(k, a) for k, a in zip(result.assumption_keys, result.assumptions)
             if _ASSUMED_FACT.get(k) not in result.missing]
    return replace(result, assumption_keys=[k for k, _ in pairs], assumptions=[a for _, a in pairs])


def _decide(facts: Mapping[str, Any], conflicts: Sequence[str], notes: Sequence[Note]) -> Analysis:
    kb = knowledge()
    clean = validate(facts)
    for key in conflicts:
        clean[key] = None
    features, assumed, contradictions = derive(clean)
    contradictions = list(dict.fromkeys(list(conflicts) + contradictions))
    if "sex" in contradictions:
        features["sex"] = None
        assumed = [a for a in assumed if a != "sex_female"]
    if "tumor_size_cm" in contradictions:
        features["size"] = None
    for key in ("clinical_nodes", "treatment"):
        if key in contradictions:
            features[key] = None
    keys = [reasons.key_of(n) for n in notes] + assumed
    assumptions = [str(n) for n in notes] + [reasons.text("assumptions", a) for a in assumed]
    public = {k: clean[k] for k in clean}
    common: Dict[str, Any] = {"assumptions": assumptions, "assumption_keys": keys, "contradictions": contradictions}

    rule, possible = _candidates(kb, features)
    if rule is not None:
        why = [rule.reason] + ([f"See instead: {rule.refer_to}"] if rule.refer_to else [])
        return Analysis(OUT_OF_SCOPE, public, reasons=why, refer_to=rule.refer_to, scope_rule=rule.id, **common)
    if not possible:
        return Analysis(OUT_OF_SCOPE, public,
                        reasons=["No variant of Imaging of the Axilla fits this combination of facts."], **common)
    variants = [o for o, open_ in possible if isinstance(o, Variant)]
    if len(possible) == 1 and not possible[0][1] and variants and not contradictions:
        variant = variants[0]
        return Analysis(
            MATCHED, public,
            variant={"id": variant.id, "topic": kb.topic, "number": variant.number, "title": variant.title},
            reasons=reasons_for(clean, features, variant.when),
            recommendations=recommendations(kb, variant),
            order_text=variant.order_text,
            has_usually_appropriate=variant.has_usually_appropriate,
            **common,
        )
    missing = _missing(possible, features)
    for key in contradictions:
        if key not in missing:
            missing.insert(0, key)
    why = [reasons.text("contradictions", k) for k in contradictions if k in reasons.texts()["contradictions"]]
    why += _asked([k for k in missing if k not in contradictions])
    return Analysis(NEEDS_INFO, public, missing=missing, reasons=why, **common)
