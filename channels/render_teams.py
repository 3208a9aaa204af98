"""The assistant's answers as Bot Framework activities with Adaptive Cards (pure functions)."""
from typing import Any, Dict, List

from channels import payload
from channels.payload import Option

Element = Dict[str, Any]

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.4"  # what Teams renders on desktop, web and mobile
# Adaptive Card colour names of the ACR's green / yellow / red.
_COLOURS = {"good": "Good", "warning": "Warning", "attention": "Attention", "default": "Default"}
# Column widths of the options table: procedure, category, radiation, source.
_WIDTHS = (4, 3, 2, 3)


def activity(text: str, custom: Dict[str, Any], options: List[Option]) -> Dict[str, Any]:
    """The message activity for one answer: a card when there is more than text to show."""
    if custom["type"] == payload.RECOMMENDATION:
        return _card_activity(text or payload.heading(custom["variant"]), recommendation_body(custom), options)
    if custom["type"] == payload.ORDER_CHECK:
        body = order_check_body(custom, text)
        return _card_activity(text or body[0]["text"], body, options)
    unplaced = payload.unplaced_lines(custom) if custom["type"] == payload.QUESTION else []
    if unplaced:
        return _card_activity(text, [_text(text)] + _bullets("Read but not placed", unplaced), options)
    if options:  # a card only to carry the buttons
        return _card_activity(text, [_text(text)], options)
    return {"type": "message", "text": text}


def card(body: List[Element], options: List[Option], fallback: str) -> Element:
    """An Adaptive Card; each option is an Action.Submit that shows its title in the chat as the user's
    message and sends its payload to the bot (Teams' messageBack)."""
    content: Element = {
        "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION, "fallbackText": fallback, "msteams": {"width": "Full"}, "body": body}
    if options:
        content["actions"] = [{"type": "Action.Submit", "title": title,
                               "data": {"msteams": {"type": "messageBack", "displayText": title, "text": value}}}
                              for title, value in options]
    return content


def _card_activity(text: str, body: List[Element], options: List[Option]) -> Dict[str, Any]:
    return {"type": "message", "summary": text, "attachments": [
        {"contentType": CARD_TYPE, "content": card(body, options, fallback=text)}]}


def recommendation_body(result: Dict[str, Any]) -> List[Element]:
    """Title, the options as a table, the reasons and assumptions, and the order wording."""
    variant = result["variant"]
    body: List[Element] = [
        _text(payload.heading(variant), size="Medium", weight="Bolder"),
        _text(f"ACR Appropriateness Criteria · {variant['topic']} · {variant['id']}", isSubtle=True,
              spacing="None"),
        _row(("Procedure", "Category", "Radiation", "Source"), weight="Bolder"),
    ]
    body += [option_row(r) for r in result["recommendations"]]
    body += _bullets("Why", result.get("reasons") or [])
    body += _bullets("Assumed", result.get("assumptions") or [])
    body += _bullets("Note", payload.notes(result))
    evidence = payload.evidence_lines(result)
    if evidence:
        body.append(_text("Read from your words", weight="Bolder", spacing="Medium"))
        body += [_text(f"> {line}", spacing="None", isSubtle=True) for line in evidence]
    if result.get("order_text"):
        body.append({"type": "Container", "style": "emphasis", "items": [
            _text("Order wording", weight="Bolder"),
            _text(result["order_text"], fontType="Monospace")]})
    return body


def order_check_body(check: Dict[str, Any], text: str) -> List[Element]:
    """An order checked against the variant: its rating in the ACR colour, radiation, source, alternatives."""
    said = payload.order_check_lines(check)
    body: List[Element] = [
        _text(f"{said['procedure']}: {said['emoji']} {said['category']}".replace("  ", " "), size="Medium",
              weight="Bolder", color=_COLOURS[said["colour"]])]
    if said["variant"]:
        body.append(_text(said["variant"], isSubtle=True, spacing="None"))
    if text:
        body.append(_text(text))
    if said["details"]:
        body.append(_text(" · ".join(said["details"]), isSubtle=True, size="Small"))
    body += _bullets("Alternatives", said["alternatives"])
    return body


def option_row(recommendation: Dict[str, Any]) -> Element:
    """One option as a table row, its category in the ACR colour."""
    emoji, colour = payload.category_mark(recommendation["category"])
    row = _row((recommendation["procedure"], f"{emoji} {recommendation['category']}".strip(),
                payload.radiation(recommendation), payload.source_label(recommendation)))
    row["columns"][1]["items"][0]["color"] = _COLOURS[colour]
    row["columns"][3]["items"][0].update(isSubtle=True, size="Small")
    return row


def _row(cells: tuple, **style: Any) -> Element:
    return {"type": "ColumnSet", "separator": True, "columns": [
        {"type": "Column", "width": width, "items": [_text(cell, **style)]}
        for cell, width in zip(cells, _WIDTHS)]}


def _bullets(label: str, lines: List[str]) -> List[Element]:
    if not lines:
        return []
    return [_text(label, weight="Bolder", spacing="Medium")] + [_text(f"• {line}", spacing="None")
                                                                for line in lines]


def _text(text: str, **style: Any) -> Element:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}
