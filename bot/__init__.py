"""The deterministic core: free text -> case facts -> ACR "Imaging of the Axilla" variant.

Nothing here imports Rasa; the Rasa actions are thin adapters over these functions.
"""
from bot.facts import ASK_ORDER, CONTRACT_KEYS, FACT_KEYS, Extraction, against, merge
from bot.result import MATCHED, NEEDS_INFO, OUT_OF_SCOPE, Analysis, Recommendation


def extract(text: str, expecting: "str | None" = None, treatment: "str | None" = None,
            side: "str | None" = None, lump: "str | None" = None, focus: "str | None" = None,
            diagnosis: "str | None" = None) -> Extraction:
    """The facts one message states; `expecting` is the fact just asked for, to read short answers;
    `treatment` the case's treatment status, `side` its side, `lump` its axillary lump and `diagnosis` its
    diagnosis, for a follow-up; `focus` ("left", "right") reads a message with a cancer in each breast for that
    breast only. An intent payload typed as a message ("/inform{...}") describes no patient: nothing is read."""
    from bot.intake import is_typed_payload
    from bot.nlp.extract import extract as _extract
    if is_typed_payload(text):
        text = ""
    return _extract(text, expecting=expecting, treatment=treatment, side=side, lump=lump, focus=focus,
                    diagnosis=diagnosis)


def match(facts: dict, conflicts=(), notes=(), evidence=None, residue=()) -> Analysis:
    """Decide the variant (or what is missing, or why it is out of scope) for merged facts.

    `evidence` (fact key -> spans) is passed through to the result; `residue` (bot.facts.Residue items the
    extraction could not place) turns a would-be recommendation into a question that quotes them."""
    from bot.matcher import match as _match
    return _match(facts, conflicts=conflicts, notes=notes, evidence=evidence, residue=residue)


def analyze(text: str) -> Analysis:
    """One message, one decision: what `python -m bot match` prints."""
    found = extract(text)
    return match(found.facts, conflicts=found.conflicts, notes=found.notes, evidence=found.evidence,
                 residue=found.residue)


__all__ = [
    "ASK_ORDER", "CONTRACT_KEYS", "FACT_KEYS", "MATCHED", "NEEDS_INFO", "OUT_OF_SCOPE",
    "Analysis", "Extraction", "Recommendation", "against", "analyze", "extract", "match", "merge",
]
