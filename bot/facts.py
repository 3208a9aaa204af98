"""The case facts of the contract: their keys, allowed values, and how a new message updates them."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Dict, Mapping, Optional, Tuple

from bot.reasons import Note

SIZE_THRESHOLD_CM = 2.0  # the size that separates the variants (ACR Imaging of the Axilla, variants 3-9)
_IMAGING = {"mammography_or_us", "other_imaging"}
_NAC = {"neoadjuvant_ongoing", "neoadjuvant_completed"}

Facts = Dict[str, Any]

# Contract keys (shared/contract.md §1), in the order they are shown.
CONTRACT_KEYS: Tuple[str, ...] = (
    "sex", "age", "diagnosis", "tumor_size_cm", "t_category", "clinical_nodes",
    "node_finding", "axillary_lump", "treatment", "new_lump_during_treatment",
)
# Extensions: facts that decide scope, or stand in for a size given only as a comparison.
EXTRA_KEYS: Tuple[str, ...] = ("tumor_over_2cm", "distant_metastases", "encounter", "neoadjuvant_unclear",
                               "cancer_history", "cancer_named")
FACT_KEYS: Tuple[str, ...] = CONTRACT_KEYS + EXTRA_KEYS

# Situations no variant covers, each with a scope rule in bot/knowledge/scope.yml.
ENCOUNTERS: Tuple[str, ...] = (
    "screening", "surveillance", "unrelated", "no_tissue_diagnosis", "occult_primary", "other_cancer",
    "other_site", "endocrine_therapy", "adjuvant_therapy", "no_axillary_finding", "several_patients", "animal",
    "not_carcinoma", "lump_imaged_benign", "lump_longstanding", "under_treatment", "unread_script",
)

ALLOWED: Mapping[str, Tuple[Any, ...]] = {
    "sex": ("female", "male"),
    "diagnosis": ("new_primary", "local_recurrence", "none_known"),
    "t_category": ("T1", "T2", "T3", "T4"),
    "clinical_nodes": ("positive", "negative"),
    "node_finding": ("palpable", "mammography_or_us", "other_imaging"),
    "axillary_lump": ("unilateral", "bilateral"),
    "treatment": ("none", "neoadjuvant_ongoing", "neoadjuvant_completed", "post_surgery"),
    "new_lump_during_treatment": (True, False),
    "tumor_over_2cm": (True, False),
    "distant_metastases": (True, False),
    "encounter": ENCOUNTERS,
    "neoadjuvant_unclear": (True,),  # chemotherapy mentioned, but not whether it is ongoing or done
    "cancer_history": (True,),       # a past breast cancer, treatment finished (matching-rules.md)
    "cancer_named": (True,),         # a current breast cancer is named (IDC, carcinoma, cancer, a T category)
}

# Plausibility limits, for every reader and for facts that come back from a slot: a larger "tumour size" or an
# older "age" is a misreading (the extraction ignores it and says so).
MAX_TUMOR_CM = 20.0
MAX_AGE = 120

# The facts the assistant asks for, one at a time, in this order (matching-rules.md).
ASK_ORDER: Tuple[str, ...] = ("tumor_size_cm", "clinical_nodes", "axillary_lump")

# The facts that answer the question for an askable fact: a size may come as a T category or a comparison.
ANSWERED_BY: Mapping[str, Tuple[str, ...]] = {"tumor_size_cm": ("tumor_size_cm", "t_category", "tumor_over_2cm")}

# Facts that identify a patient rather than describe the case's progress: a different value
# in a later message, without a correction word, suggests a different patient.
IDENTITY_KEYS: Tuple[str, ...] = ("sex", "age", "diagnosis")


def empty() -> Facts:
    """All fact keys, none stated."""
    return {key: None for key in FACT_KEYS}


def validate(facts: Mapping[str, Any]) -> Facts:
    """Keep known keys with allowed values; anything else becomes None (never guessed)."""
    clean = empty()
    for key, value in facts.items():
        if key not in clean or value is None:
            continue
        if key == "age":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < MAX_AGE:
                clean[key] = int(value)
        elif key == "tumor_size_cm":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value <= MAX_TUMOR_CM:
                clean[key] = round(float(value), 2)
        elif value in ALLOWED[key]:
            clean[key] = value
    return clean


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: character offsets [start, end) into the message as it was given."""

    start: int
    end: int
    text: str

    def to_dict(self) -> Dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Residue:
    """Words the core could not place, and the fact they may bear on (asked for instead of guessed)."""

    fact: str        # the fact key to ask for, e.g. "tumor_size_cm"
    start: int       # character offsets into the message as it was given
    end: int
    text: str        # the words themselves, quoted in the question
    kind: str = "unplaced"  # why they are asked about: a section of reasons.yml ("unplaced", "both_sides")

    def to_dict(self) -> Dict[str, Any]:
        return {"fact": self.fact, "start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(frozen=True)
class Extraction:
    """What one message states, before it is merged into a case."""

    facts: Facts
    conflicts: Tuple[str, ...] = ()   # keys stated twice with different values in this message
    corrected: bool = False           # the message corrects something ("actually", "sorry", "typo")
    new_case: bool = False            # "new patient", "start over"
    notes: Tuple[Note, ...] = ()      # what the extraction noticed (e.g. a text was cut): bot.reasons.Note
    cues: Tuple[str, ...] = field(default=())  # clinical cues seen, for scope decisions
    evidence: Mapping[str, Tuple[Evidence, ...]] = field(default_factory=dict)  # fact key -> spans read
    residue: Tuple[Residue, ...] = ()  # what the message says that the core could not place
    side: Optional[str] = None        # side the message is about: "left", "right", "bilateral"
    patient: Optional[str] = None     # the patient's name or label in the message ("a" for "Mrs A:", "2" for "Pt 2")
    unit: Optional[str] = None        # the unit a message without a number says a size is in ("sorry, mm not cm")

    @property
    def stated(self) -> Facts:
        """Only the facts this message states."""
        return {k: v for k, v in self.facts.items() if v is not None}


def answers(new: Extraction, asked: str) -> bool:
    """True when the message states a fact that answers the question asked for `asked`."""
    return any(new.stated.get(key) is not None for key in ANSWERED_BY.get(asked, (asked,)))


def changed_keys(known: Mapping[str, Any], new: Extraction) -> Tuple[str, ...]:
    """Keys whose stated value differs from a value already known."""
    return tuple(
        key for key, value in new.stated.items()
        if known.get(key) is not None and known.get(key) != value
    )


def looks_like_new_patient(known: Mapping[str, Any], new: Extraction) -> bool:
    """A different age, sex or diagnosis without a correction word is probably another patient."""
    if new.new_case or new.corrected:
        return False
    return any(key in IDENTITY_KEYS for key in changed_keys(known, new))


# AJCC: T1 <= 2 cm, T2 > 2 to 5 cm, T3 > 5 cm; T4 is any size with skin or chest-wall involvement.
_T_SIZE_CLASS = {"T1": "le2", "T2": "gt2", "T3": "gt2"}
# The largest dimension each T category allows, in cm (AJCC 8th edition, breast: T1 <= 2, T2 > 2 and <= 5, T3 > 5;
# T4 is defined by extension, whatever the size).
_T_RANGE_CM = {"T1": (0.0, 2.0), "T2": (2.0, 5.0), "T3": (5.0, float("inf"))}


def size_disagrees_with_t(size_cm: Any, t_category: Any) -> bool:
    """True when a size (cm) lies outside its stated T category's range ("cT3 (3 cm)", "cT2, 5.5 cm")."""
    if size_cm is None or t_category not in _T_RANGE_CM:
        return False
    low, high = _T_RANGE_CM[t_category]
    return not (low < size_cm <= high or (t_category == "T1" and size_cm <= high))


def size_class_of(key: str, value: Any) -> Optional[str]:
    """'le2' | 'gt2' for a tumour size (cm) or a T category; None when it says neither."""
    if value is None:
        return None
    if key == "tumor_size_cm":
        return "le2" if value <= SIZE_THRESHOLD_CM else "gt2"
    return _T_SIZE_CLASS.get(value)


def merge(known: Mapping[str, Any], new: Extraction) -> Facts:
    """The case after a message: stated facts replace known ones; contradictions are cleared."""
    merged = validate(known)
    if new.new_case:
        merged = empty()
    for key, value in new.stated.items():
        if key == "encounter" and value == "unrelated":
            continue  # a message about something else says nothing about this case
        merged[key] = value
    if new.stated.get("tumor_size_cm") is not None or new.stated.get("t_category") is not None:
        # A size given as a comparison is superseded by a measurement or category...
        merged["tumor_over_2cm"] = new.stated.get("tumor_over_2cm")
        # ... and a measurement or category given alone replaces the other where they disagree ("actually it's
        # cT1c" after "3 cm")
        for said, other in (("t_category", "tumor_size_cm"), ("tumor_size_cm", "t_category")):
            before = size_class_of(other, merged.get(other))
            if new.stated.get(said) is not None and new.stated.get(other) is None and before is not None and (
                    before != size_class_of(said, merged[said])
                    or size_disagrees_with_t(merged["tumor_size_cm"], merged["t_category"])):
                merged[other] = None
    elif new.stated.get("tumor_over_2cm") is not None:
        # ...and a comparison given now replaces an earlier measurement it may contradict.
        merged["tumor_size_cm"] = merged["t_category"] = None
    if new.stated.get("clinical_nodes") == "negative" and new.stated.get("node_finding") is None \
            and merged.get("node_finding") == "palpable":
        merged["node_finding"] = None  # "actually the node is not palpable": the felt node is taken back
        if new.stated.get("axillary_lump") is None:
            merged["axillary_lump"] = None  # and so is the lump it was
    if new.stated.get("diagnosis") in ("new_primary", "local_recurrence") and new.stated.get("encounter") is None \
            and merged.get("encounter") == "no_tissue_diagnosis":
        merged["encounter"] = None  # "biopsy came back: IDC": the tissue diagnosis the case was waiting for
    if new.stated.get("treatment") == "none" and known.get("treatment") == "post_surgery" and not new.corrected \
            and not {"SURGERY", "SURGERY_DONE", "BEFORE_SURGERY"} & set(new.cues):
        # "no chemo" after a resection specimen: no other treatment, the operation stays done
        merged["treatment"] = "post_surgery"
    if new.stated.get("neoadjuvant_unclear") and new.stated.get("treatment") is None:
        merged["treatment"] = None  # "actually she is still on cycle 3" after "completed NAC": asked again
    if new.stated.get("treatment") is not None:
        merged["neoadjuvant_unclear"] = None  # the stage asked about is answered ("not yet"): no longer unclear
    for key in new.conflicts:
        merged[key] = None
    return merged


def against(known: Mapping[str, Any], new: Extraction) -> Extraction:
    """A follow-up message read against the case, when it is not a correction: a fact it states that cannot be
    true together with the case's becomes a contradiction, asked about (matching-rules.md: two sizes on both
    sides of 2 cm, two examiners who disagree about the same axilla, a nodal status that differs from the one
    known once neoadjuvant chemotherapy is under way or done, when variants 7-9 read the status at diagnosis),
    instead of silently replacing it.

    A "no known breast cancer" beside a case with a diagnosed cancer says only that there was none before: dropped.

    known: the case's facts; new: the message's reading. Returns `new` with those keys unstated and in conflicts.
    """
    clashes, kept = [], []
    size, was = new.stated.get("tumor_size_cm"), known.get("tumor_size_cm")
    if size is not None and was is not None and (size <= SIZE_THRESHOLD_CM) != (was <= SIZE_THRESHOLD_CM):
        clashes.append("tumor_size_cm")
    nodes, had = new.stated.get("clinical_nodes"), known.get("clinical_nodes")
    findings = {new.stated.get("node_finding"), known.get("node_finding")}
    if nodes == "negative" and had == "positive" and known.get("node_finding") in _IMAGING:
        kept.append("clinical_nodes")  # a negative exam does not cancel a node suspicious on imaging
    elif nodes and had and nodes != had and "palpable" in findings and not findings & _IMAGING:
        clashes.append("clinical_nodes")  # one exam feels a node, another does not
    elif nodes and had and nodes != had and _NAC & {known.get("treatment"), new.stated.get("treatment")}:
        clashes.append("clinical_nodes")  # after chemotherapy the status at diagnosis decides: a later one is asked
    if new.stated.get("diagnosis") == "none_known" and known.get("diagnosis") in ("new_primary", "local_recurrence"):
        kept.append("diagnosis")  # "no prior breast cancer" beside the new one: no earlier cancer, not no cancer
    if not (clashes or kept):
        return new
    return replace(new, facts={**new.facts, **{k: None for k in clashes + kept}},
                   conflicts=new.conflicts + tuple(clashes))
