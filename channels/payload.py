"""Reading the contract's `custom` payload (shared/contract.md §2) the same way in every channel."""
from typing import Any, Dict, List, Optional, Tuple

from bot import render

Option = Tuple[str, str]  # (button title, the text it sends back)

RECOMMENDATION, QUESTION, OUT_OF_SCOPE = "recommendation", "question", "out_of_scope"

# The ACR's green / yellow / red; "May Be Appropriate (Disagreement)" is still yellow.
_MARKS = (("Usually Appropriate", "🟢", "good"), ("May Be Appropriate", "🟡", "warning"),
          ("Usually Not Appropriate", "🔴", "attention"))


def contract_payload(message: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The message's `custom` object when it is one of the contract's typed payloads."""
    custom = message.get("custom")
    return custom if isinstance(custom, dict) and isinstance(custom.get("type"), str) else None


def options(message: Dict[str, Any], custom: Dict[str, Any]) -> List[Option]:
    """The quick replies the action attached (Rasa buttons), else the core's for the fact asked for."""
    buttons = message.get("buttons") or message.get("quick_replies")
    if buttons:
        return button_options(buttons)
    if custom["type"] == QUESTION and custom.get("slot"):
        return list(render.quick_replies(custom["slot"]))
    return []


def button_options(buttons: List[Dict[str, Any]]) -> List[Option]:
    """Rasa buttons ({"title", "payload"}) as options."""
    return [(str(b["title"]), str(b["payload"])) for b in buttons if b.get("title") and b.get("payload")]


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
    """The relative radiation level with its dose range, e.g. "☢☢ 0.1-1 mSv"."""
    return " ".join(str(recommendation[k]) for k in ("rrl", "dose") if recommendation.get(k))


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
