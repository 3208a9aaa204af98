"""Plain-text (light markdown) messages for an Analysis: what every channel shows as `text`."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from bot.kb import CATEGORIES, knowledge
from bot.matcher import CONTRADICTIONS
from bot.result import MATCHED, NEEDS_INFO, Analysis, Recommendation

QUESTIONS = Path(__file__).parent / "knowledge" / "questions.yml"


@functools.lru_cache(maxsize=1)
def questions() -> Dict[str, dict]:
    with open(QUESTIONS, encoding="utf-8") as f:
        return yaml.safe_load(f)


def question_text(slot: str, analysis: Analysis = None) -> str:
    """The question for a missing fact, with why it matters when the analysis says so."""
    text = questions()[slot]["text"]
    if analysis is not None and analysis.reasons and analysis.reasons[0] in CONTRADICTIONS.values():
        text = f"{analysis.reasons[0][0].upper()}{analysis.reasons[0][1:]}: which is right? {text}"
    return text


def quick_replies(slot: str) -> List[Tuple[str, str]]:
    """(title, payload) pairs offered with a question."""
    return [(r["title"], r["payload"]) for r in questions().get(slot, {}).get("quick_replies", [])]


def _option(r: Recommendation, note: int) -> str:
    rating = f", rating {r.rating}" if r.rating is not None else ""
    return f"{r.procedure} ({r.rrl}{'' if r.rrl == 'O' else ' ' + r.dose}{rating}) [{note}]"


def recommendation_text(analysis: Analysis) -> str:
    """The variant, its rated options best first, why, what was assumed, and the order wording."""
    notes: Dict[str, int] = {}
    by_category: Dict[str, List[str]] = {}
    for r in analysis.recommendations:
        note = notes.setdefault(r.source_text, len(notes) + 1)
        by_category.setdefault(r.category, []).append(_option(r, note))
    variant = analysis.variant
    lines = [f"**ACR {variant['topic']}, variant {variant['number']}**: {variant['title']}"]
    if not analysis.has_usually_appropriate:
        lines.append("No imaging is rated Usually Appropriate here: the May Be Appropriate options are "
                     "choices to weigh case by case, not a standard recommendation.")
    for category in CATEGORIES.values():
        if by_category.get(category):
            lines.append(f"- **{category}**: " + "; ".join(by_category[category]))
    lines.append("Radiation: O = none; ☢☢ 0.1-1 mSv; ☢☢☢ 1-10 mSv; ☢☢☢☢ 10-30 mSv.")
    lines.append("Why this variant: " + "; ".join(analysis.reasons) + ".")
    if analysis.assumptions:
        lines.append("I assumed: " + "; ".join(analysis.assumptions) + ". Tell me if any of this is wrong.")
    lines.append(f"Order wording: \"{analysis.order_text}\"")
    lines.append("Sources: " + "; ".join(f"[{n}] {text}" for text, n in notes.items()))
    return "\n".join(lines)


def out_of_scope_text(analysis: Analysis) -> str:
    text = f"{knowledge().topic} does not cover this case. {analysis.reasons[0]}"
    if analysis.refer_to:
        text += f"\nWhere to look instead: {analysis.refer_to}"
    return text


def answer_text(analysis: Analysis) -> str:
    """The message for any outcome: recommendation, question for the first missing fact, or scope."""
    if analysis.status == MATCHED:
        return recommendation_text(analysis)
    if analysis.status == NEEDS_INFO:
        return question_text(analysis.missing[0], analysis)
    return out_of_scope_text(analysis)
