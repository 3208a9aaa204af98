"""Checking a proposed order ("I'm going to order a PET/CT", "is a breast MRI OK for her?", "can I skip the
US?") against the current variant: its rating, its radiation, the better-rated alternatives, the source.

The payload is `custom.type: order_check` (docs/core-api.md, "Contract extension: order_check").
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from bot.kb import RANK, find_procedures, knowledge

NOT_RATED = "Not rated"


def proposed_procedure(text: str) -> Optional[str]:
    """The knowledge base's name of the exam a message proposes (the last one named: "skip the US and go
    straight to PET/CT" proposes the PET/CT), or None."""
    found = find_procedures(text)
    return found[-1] if found else None


# Words that make a message about ordering an exam, though it names none ("can I order imaging?", "which test?")
_ORDERING = re.compile(r"(?i)\b(?:order|request|book|refer|requisition|exams?|imaging|image|scans?|stud(?:y|ies)"
                       r"|tests?|modality|modalities|procedures?)\b")


def speaks_of_ordering(text: str) -> bool:
    """True when a message speaks of ordering or of an exam without naming which ("can I order some imaging?");
    false for "ok" or "her sister has a node", which a classifier may still take for an order check."""
    return bool(_ORDERING.search(text))


def check(procedure: Optional[str], variant_id: Optional[str]) -> Dict[str, Any]:
    """The order check's payload (without `type`): `procedure`, `category` (None without a case; "Not rated"
    when the variant does not rate it), `variant`, `alternatives` (better-rated procedures, best first, each
    {procedure, category}; the Usually Appropriate ones when it is itself one), `rrl`, `dose`, `source`."""
    kb = knowledge()
    variant = kb.variants.get(variant_id) if variant_id else None
    proc = kb.procedures.get(procedure) if procedure else None
    payload: Dict[str, Any] = {
        "procedure": procedure, "category": None, "variant": variant_id if variant else None,
        "alternatives": [], "rrl": proc.rrl if proc else None, "dose": proc.dose if proc else None,
        "source": None, "source_text": None,
    }
    if variant is None or proc is None:
        return payload
    rating = next((r for r in variant.ratings if r.procedure == procedure), None)
    category = rating.category if rating else NOT_RATED
    rank = RANK.get(category, len(RANK))
    ordered = sorted(variant.ratings, key=lambda r: RANK[r.category])
    better = [r for r in ordered if RANK[r.category] < rank and r.procedure != procedure]
    if not better and rank == 0:
        better = [r for r in ordered if RANK[r.category] == 0 and r.procedure != procedure]
    payload.update(
        category=category,
        alternatives=[{"procedure": r.procedure, "category": r.category, "rrl": kb.procedures[r.procedure].rrl}
                      for r in better],
        source=rating.source if rating else None,
        source_text=kb.sources[rating.source].short if rating else None,
    )
    return payload


def text(payload: Dict[str, Any], variant_title: Optional[str] = None) -> str:
    """The order check as a message."""
    procedure = payload["procedure"]
    if procedure is None:
        return ("Which exam do you want to check? Name it as you would order it (e.g. US axilla, breast MRI, "
                "PET/CT, CT CAP, mammo, tomo, MBI).")
    if payload["variant"] is None:
        return (f"To check {procedure} I need the case first: describe the patient (age, diagnosis, tumour "
                "size, axillary exam or imaging, treatment so far) and I will rate it for her ACR variant.")
    number = payload["variant"].split("-")[-1]
    radiation = f"radiation {payload['rrl']} ({payload['dose']})"
    if payload["category"] == NOT_RATED:
        lines = [f"{procedure} is not rated for ACR variant {number}: the topic gives it no rating for this "
                 f"situation ({radiation})."]
    else:
        lines = [f"{procedure} is **{payload['category']}** for ACR variant {number} ({radiation}) "
                 f"[{payload['source_text']}]."]
    if variant_title:
        lines[0] += f" Variant {number}: {variant_title}."
    alternatives: List[Dict[str, Any]] = payload["alternatives"]
    if alternatives and payload["category"] != "Usually Appropriate":
        best = "; ".join(f"{a['procedure']} ({a['category']}, {a['rrl']})" for a in alternatives)
        lines.append(f"Rated better here: {best}.")
    elif alternatives:
        lines.append("Also Usually Appropriate here: " + "; ".join(a["procedure"] for a in alternatives) + ".")
    return "\n".join(lines)
