"""The result of matching a case: the JSON object of contract §1."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

MATCHED, NEEDS_INFO, OUT_OF_SCOPE = "matched", "needs_info", "out_of_scope"


@dataclass(frozen=True)
class Recommendation:
    """One rated imaging option, always with the source of its rating."""

    procedure: str
    category: str
    rrl: str
    dose: str
    source: str                      # key into bot/knowledge/sources.yml
    source_text: str = ""            # its short citation, for display
    rating: Optional[int] = None
    median: Optional[int] = None

    def to_dict(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {"procedure": self.procedure, "category": self.category, "rrl": self.rrl,
                "dose": self.dose, "source": self.source, "source_text": self.source_text}
        if self.rating is not None:
            data.update(rating=self.rating, median=self.median)
        return data


@dataclass(frozen=True)
class Analysis:
    """Status, variant, facts, and the reasons for the decision."""

    status: str
    facts: Dict[str, Any]
    variant: Optional[Dict[str, Any]] = None
    assumptions: List[str] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)
    reasons: List[str] = field(default_factory=list)
    recommendations: List[Recommendation] = field(default_factory=list)
    order_text: Optional[str] = None
    has_usually_appropriate: bool = False
    refer_to: Optional[str] = None
    # Extensions (docs/core-api.md): fact key -> spans of the message it was read from, and the
    # words the core could not place (each with the fact it asks for instead).
    evidence: Dict[str, List[Dict[str, Any]]] = field(default_factory=dict)
    unplaced: List[Dict[str, Any]] = field(default_factory=list)
    # The keys behind the sentences (bot/knowledge/reasons.yml, scope.yml), for renderers and tests.
    assumption_keys: List[str] = field(default_factory=list)
    contradictions: List[str] = field(default_factory=list)   # fact keys stated with values that conflict
    scope_rule: Optional[str] = None                          # the scope.yml rule of an out_of_scope answer

    @property
    def variant_id(self) -> Optional[str]:
        return self.variant["id"] if self.variant else None

    def to_dict(self) -> Dict[str, Any]:
        """The contract's JSON object."""
        return {
            "status": self.status,
            "variant": self.variant,
            "facts": dict(self.facts),
            "assumptions": list(self.assumptions),
            "missing": list(self.missing),
            "reasons": list(self.reasons),
            "recommendations": [r.to_dict() for r in self.recommendations],
            "order_text": self.order_text,
            "has_usually_appropriate": self.has_usually_appropriate,
            "refer_to": self.refer_to,
            "evidence": {k: list(v) for k, v in self.evidence.items()},
            "unplaced": list(self.unplaced),
            "assumption_keys": list(self.assumption_keys),
            "contradictions": list(self.contradictions),
            "scope_rule": self.scope_rule,
        }
