"""Reading the contract's `custom` payload (shared/contract.md §2) the same way in every channel."""
from typing import Any, Dict, List, Optional, Tuple

Option = Tuple[str, str]  # (button title, the text it sends back)

RECOMMENDATION = "recommendation"

# The ACR's green / yellow / red; "May Be Appropriate (Disagreement)" is still yellow.
_MARKS = (("Usually Appropriate", "🟢", "good"), ("May Be Appropriate", "🟡", "warning"),
          ("Usually Not Appropriate", "🔴", "attention"))


def contract_payload(message: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The message's `custom` object when it is one of the contract's typed payloads."""
    custom = message.get("custom")
    return custom if isinstance(custom, dict) and isinstance(custom.get("type"), str) else None


def options(buttons: Optional[List[Dict[str, Any]]]) -> List[Option]:
    """Rasa buttons ({"title", "payload"}) as (title, text sent back) pairs."""
    return [(str(b["title"]), str(b["payload"])) for b in buttons or [] if b.get("title") and b.get("payload")]


def category_mark(category: str) -> Tuple[str, str]:
    """The coloured emoji and colour name of a rating category ("" and "default" if unknown)."""
    for prefix, emoji, colour in _MARKS:
        if category.startswith(prefix):
            return emoji, colour
    return "", "default"


def heading(variant: Dict[str, Any]) -> str:
    """"Variant 6: <title>"."""
    return f"Variant {variant['number']}: {variant['title']}"


def radiation(recommendation: Dict[str, Any]) -> str:
    """The relative radiation level with its effective dose, e.g. "☢☢ (0.1-1 mSv)"."""
    return f"{recommendation['rrl']} ({recommendation['dose']})"


def source_label(recommendation: Dict[str, Any]) -> str:
    """The short citation of the option's rating (the source key when the result has none)."""
    return recommendation.get("source_text") or recommendation["source"]


def notes(result: Dict[str, Any]) -> List[str]:
    """What to say beside the table: a warning when no option is Usually Appropriate, where else to look."""
    said = []
    if not result.get("has_usually_appropriate", True):
        said.append("No imaging option is rated Usually Appropriate for this variant.")
    if result.get("refer_to"):
        said.append(f"See also: {result['refer_to']}")
    return said


ORDER_CHECK, QUESTION = "order_check", "question"
FACT_LABELS = {
    "sex": "sex", "age": "age", "diagnosis": "diagnosis", "tumor_size_cm": "tumour", "t_category": "T",
    "clinical_nodes": "clinical nodes", "node_finding": "node found by", "axillary_lump": "axillary lump",
    "treatment": "treatment", "new_lump_during_treatment": "new lump during treatment",
    "tumor_over_2cm": "tumour > 2 cm", "distant_metastases": "distant metastases", "encounter": "encounter",
}
CARRIED = " — from an earlier message"


def fact_label(key: str) -> str:
    return FACT_LABELS.get(key, key.replace("_", " "))


def fact_value(key: str, value: Any) -> str:
    """A fact's value as a clinician reads it: "3 cm", "positive", "yes"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "tumor_size_cm" and isinstance(value, (int, float)):
        return f"{value:g} cm"
    return str(value).replace("_", " ")


def evidence_lines(result: Dict[str, Any]) -> List[str]:
    """The words each deciding fact was read from, one line a fact: "tumour 3 cm ← '3 cm'" (with
    "— from an earlier message" when the words were carried from an earlier turn); [] without `evidence`."""
    evidence = result.get("evidence")
    if not isinstance(evidence, dict):
        return []
    facts = result.get("facts") or {}
    lines = []
    for key, spans in evidence.items():
        spans = [s for s in spans or [] if isinstance(s, dict) and s.get("text")]
        if not spans:
            continue
        said = " ".join(part for part in (fact_label(key), fact_value(key, facts.get(key))) if part)
        quoted = ", ".join(f"'{s['text']}'" for s in spans)
        lines.append(f"{said} ← {quoted}" + (CARRIED if any(s.get("carried") for s in spans) else ""))
    return lines


def unplaced_lines(question: Dict[str, Any]) -> List[str]:
    """Words of the message read as a fact that could not be placed in the case: "'2 cm' (tumour?)"."""
    unplaced = question.get("unplaced")
    if not isinstance(unplaced, list):
        return []
    return [f"'{u['text']}'" + (f" ({fact_label(u['fact'])})" if u.get("fact") else "")
            for u in unplaced if isinstance(u, dict) and u.get("text")]


def variant_name(variant: Any) -> str:
    """A variant given as its record or its id."""
    if isinstance(variant, dict):
        return heading(variant) if "number" in variant and "title" in variant else str(variant.get("id", ""))
    return str(variant or "")


def order_check_lines(check: Dict[str, Any]) -> Dict[str, Any]:
    """What an order check says: the procedure's rating for the variant, its radiation and source, and the
    alternatives rated better or alike."""
    emoji, colour = category_mark(str(check.get("category") or ""))
    return {
        "procedure": str(check.get("procedure") or "this order"),
        "category": str(check.get("category") or "not rated for this variant"),
        "emoji": emoji, "colour": colour,
        "variant": variant_name(check.get("variant")),
        "details": [part for part in (
            f"Radiation: {check['rrl']}" if check.get("rrl") else "",
            f"Source: {check['source']}" if check.get("source") else "") if part],
        "alternatives": [f"{category_mark(str(a.get('category') or ''))[0]} {a.get('procedure')}: "
                         f"{a.get('category')}".strip()
                         for a in check.get("alternatives") or [] if isinstance(a, dict) and a.get("procedure")],
    }
