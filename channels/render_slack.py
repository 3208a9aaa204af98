"""The assistant's answers as Slack Block Kit messages (pure functions: payload in, chat.postMessage args out)."""
import re
from typing import Any, Dict, List

from channels import payload
from channels.payload import Option

Block = Dict[str, Any]

BOLD = re.compile(r"\*\*(.+?)\*\*")
# Slack's limits: header text 150 characters, section text 3000, button text 75, actions block 25 elements.
HEADER_MAX, TEXT_MAX, BUTTON_MAX, BUTTONS_MAX = 150, 3000, 75, 25


def message(text: str, custom: Dict[str, Any], options: List[Option]) -> Dict[str, Any]:
    """chat.postMessage arguments for one answer: blocks, and `text` for notifications and old clients."""
    if custom["type"] == payload.RECOMMENDATION:
        blocks = recommendation_blocks(custom)
        text = mrkdwn(text) if text else payload.heading(custom["variant"])
    elif custom["type"] == payload.ORDER_CHECK:
        blocks = order_check_blocks(custom, text)
        text = mrkdwn(text) if text else blocks[0]["text"]["text"]
    else:
        text = mrkdwn(text)
        blocks = [{"type": "section", "text": _mrkdwn(_clip(text, TEXT_MAX))}] if text else []
        if custom["type"] == payload.QUESTION and payload.unplaced_lines(custom):
            blocks.append(_context("Read but not placed", payload.unplaced_lines(custom)))
    if options:
        blocks.append(buttons_block(options))
    return {"text": text, "blocks": blocks}


def recommendation_blocks(result: Dict[str, Any]) -> List[Block]:
    """The variant (header and title), one two-column row per option, the reasons, and the order wording."""
    variant = result["variant"]
    blocks: List[Block] = [
        {"type": "header", "text": _plain(_clip(f"Variant {variant['number']} · {variant['topic']}", HEADER_MAX))},
        {"type": "section", "text": _mrkdwn(_clip(f"*{escape(variant['title'])}*", TEXT_MAX))},
        {"type": "context", "elements": [_mrkdwn(f"ACR Appropriateness Criteria · {escape(variant['id'])}")]},
        {"type": "divider"},
        *[option_block(r) for r in result["recommendations"]],
        {"type": "divider"},
    ]
    for label, lines in (("Why", result.get("reasons")), ("Assumed", result.get("assumptions")),
                         ("Note", payload.notes(result))):
        if lines:
            blocks.append(_context(label, lines))
    if payload.evidence_lines(result):
        blocks.append(evidence_block(result))
    if result.get("order_text"):
        blocks.append({"type": "section", "text": _mrkdwn(
            f"*Order wording*\n```{escape(result['order_text'])}```")})
    return blocks


def evidence_block(result: Dict[str, Any]) -> Block:
    """The words each deciding fact was read from, quoted."""
    quoted = "\n".join(f"> {escape(line)}" for line in payload.evidence_lines(result))
    return {"type": "section", "text": _mrkdwn(_clip(f"*Read from your words*\n{quoted}", TEXT_MAX))}


def order_check_blocks(check: Dict[str, Any], text: str) -> List[Block]:
    """An order checked against the variant: its rating, radiation and source, and the alternatives."""
    said = payload.order_check_lines(check)
    blocks: List[Block] = [{"type": "section", "text": _mrkdwn(_clip(
        f"*{escape(said['procedure'])}*: {said['emoji']} {escape(said['category'])}".replace("  ", " ")
        + (f" for {escape(said['variant'])}" if said["variant"] else ""), TEXT_MAX))}]
    if text:
        blocks.append({"type": "section", "text": _mrkdwn(_clip(mrkdwn(text), TEXT_MAX))})
    if said["details"]:
        blocks.append({"type": "context", "elements": [_mrkdwn(escape(" · ".join(said["details"])))]})
    if said["alternatives"]:
        blocks.append(_context("Alternatives", said["alternatives"]))
    return blocks


def option_block(recommendation: Dict[str, Any]) -> Block:
    """One option as a table row: procedure | category, radiation | source."""
    emoji, _ = payload.category_mark(recommendation["category"])
    return {"type": "section", "fields": [
        _mrkdwn(f"*{escape(recommendation['procedure'])}*"),
        _mrkdwn(f"{emoji} {escape(recommendation['category'])}".strip()),
        _mrkdwn(f"Radiation: {escape(payload.radiation(recommendation))}"),
        _mrkdwn(f"Source: {escape(payload.source_label(recommendation))}"),
    ]}


def buttons_block(options: List[Option]) -> Block:
    """Quick replies as buttons; a click sends the button's value back as the user's message."""
    return {"type": "actions", "block_id": "quick_replies", "elements": [
        {"type": "button", "action_id": f"quick_reply_{i}", "text": _plain(_clip(title, BUTTON_MAX)),
         "value": value}
        for i, (title, value) in enumerate(options[:BUTTONS_MAX])]}


def mrkdwn(text: str) -> str:
    """The core's light markdown (**bold**, "- " lists) as Slack mrkdwn, escaped."""
    return BOLD.sub(r"*\1*", escape(text))


def escape(text: str) -> str:
    """Slack mrkdwn's three control characters, so case text can't form mentions or links."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _context(label: str, lines: List[str]) -> Block:
    return {"type": "context", "elements": [
        _mrkdwn(_clip(f"*{label}:* " + " · ".join(escape(line) for line in lines), TEXT_MAX))]}


def _plain(text: str) -> Dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def _mrkdwn(text: str) -> Dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
