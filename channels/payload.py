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
