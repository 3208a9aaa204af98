"""Plain-text (light markdown) messages for an Analysis: what every channel shows as `text`."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from bot import reasons
from bot.kb import CATEGORIES, knowledge
from bot.result import MATCHED, NEEDS_INFO, Analysis, Recommendation

QUESTIONS = Path(__file__).parent / "knowledge" / "questions.yml"


@functools.lru_cache(maxsize=1)
def questions() -> Dict[str, dict]:
    with open(QUESTIONS, encoding="utf-8") as f:
        return yaml.safe_load(f)


_ON_CHEMOTHERAPY = ("neoadjuvant_ongoing", "neoadjuvant_completed")


def question_text(slot: str, analysis: Optional[Analysis] = None) -> str:
    """The question for a missing fact, with why it matters when the analysis says so. With a cancer in each
    breast whose sides lead to different variants, the question is which side is meant."""
    both = _both_sides(slot, analysis)
    if both:
        return f"{both[0].upper()}{both[1:]}"
    question = questions()[slot]
    text = question["text"]
    if analysis is not None and analysis.facts.get("treatment") in _ON_CHEMOTHERAPY:
        text = question.get("text_on_chemotherapy", text)
    if analysis is not None and slot in analysis.contradictions:
        said = reasons.text("contradictions", slot)
        text = f"{said[0].upper()}{said[1:]}: which is right? {text}"
    elif analysis is not None:
        # the words the core could not place, quoted, so the clinician sees why it asks (issue 9)
        quoted = [reasons.text("unplaced", u["fact"], text=u["text"]) for u in analysis.unplaced
                  if u.get("fact") == slot and u.get("text") and u.get("kind", "unplaced") == "unplaced"]
        if quoted:
            text = f"{quoted[0][0].upper()}{quoted[0][1:]}. {text}"
    return text


def _both_sides(slot: str, analysis: Optional[Analysis]) -> Optional[str]:
    """The which-side question when the analysis left `slot` open because the two breasts differ on it."""
    if analysis is None:
        return None
    return next((reasons.text("both_sides", u["fact"], text=u["text"]) for u in analysis.unplaced
                 if u.get("fact") == slot and u.get("kind") == "both_sides"), None)


def quick_replies(slot: str, analysis: Optional[Analysis] = None) -> List[Tuple[str, str]]:
    """(title, payload) pairs offered with a question ("left" / "right" for the which-side question)."""
    if _both_sides(slot, analysis):
        return [(side, f"the {side} side") for side in ("left", "right")]
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
    variant = analysis.variant or {}
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


# ---------------------------------------------------------------- the facts an answer used

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_VALUES: Dict[str, Dict[object, str]] = {
    "diagnosis": {"new_primary": "newly diagnosed breast cancer", "local_recurrence": "local recurrence",
                  "none_known": "no known breast cancer"},
    "clinical_nodes": {"positive": "clinically node-positive", "negative": "clinically node-negative"},
    "node_finding": {"palpable": "node felt on exam", "mammography_or_us": "node seen on mammography/US",
                     "other_imaging": "node seen on CT/MRI/PET"},
    "axillary_lump": {"unilateral": "lump on one side", "bilateral": "lumps on both sides"},
    "treatment": {"none": "no treatment yet", "neoadjuvant_ongoing": "on neoadjuvant chemotherapy",
                  "neoadjuvant_completed": "neoadjuvant chemotherapy completed", "post_surgery": "after surgery"},
    "new_lump_during_treatment": {True: "new lump during treatment", False: "no new lump during treatment"},
    "tumor_over_2cm": {True: "tumour > 2 cm", False: "tumour ≤ 2 cm"},
    "distant_metastases": {True: "distant metastases", False: "no distant metastases"},
    "encounter": {"screening": "screening", "surveillance": "surveillance", "unrelated": "not about the axilla",
                  "no_tissue_diagnosis": "no tissue diagnosis yet", "occult_primary": "occult primary",
                  "other_cancer": "another cancer", "other_site": "node outside the axilla",
                  "endocrine_therapy": "on endocrine therapy", "adjuvant_therapy": "on adjuvant therapy",
                  "no_axillary_finding": "no axillary finding", "several_patients": "several patients",
                  "animal": "not a human patient", "not_carcinoma": "not a breast carcinoma",
                  "lump_imaged_benign": "lump already imaged, nothing suspicious",
                  "lump_longstanding": "long-standing lump, not new",
                  "under_treatment": "cancer under treatment now",
                  "unread_script": "words in a script it cannot read"},
    "neoadjuvant_unclear": {True: "chemotherapy status unclear"},
    "cancer_history": {True: "past breast cancer, treatment finished"},
    "cancer_named": {True: "breast cancer named"},
}


def fact_phrase(key: str, value) -> str:
    """One fact as a clinician would write it: "tumour 3 cm", "58 y", "clinically node-positive"."""
    if key == "age":
        return f"{value} y"
    if key == "sex":
        return str(value)
    if key == "tumor_size_cm":
        return f"tumour {value:g} cm"
    if key == "t_category":
        return f"{value}"
    values: Dict[object, str] = _VALUES.get(key, {})
    return values.get(value, f"{key.replace('_', ' ')} {value}")


def message_name(turn: int) -> str:
    """'your first message', ..., 'your message 12'."""
    return f"your {_ORDINALS[turn - 1]} message" if 0 < turn <= len(_ORDINALS) else f"your message {turn}"


def facts_used_text(facts: Dict[str, object], turns: Dict[str, int], current: int) -> str:
    """"Facts used: 58 y; female; tumour 3 cm — from your first message; ..." (the origin is named for
    facts carried from an earlier message of the case)."""
    parts = []
    for key, value in facts.items():
        if value is None:
            continue
        phrase = fact_phrase(key, value)
        turn = turns.get(key)
        if turn is not None and turn < current:
            phrase += f" — from {message_name(turn)}"
        parts.append(phrase)
    return "Facts used: " + "; ".join(parts) + "." if parts else ""


def reading_summary(analysis: Analysis) -> str:
    """What a reading of the case would lead to: a variant, the question it needs, or out of scope."""
    if analysis.status == MATCHED:
        return f"ACR variant {(analysis.variant or {}).get('number')}"
    if analysis.status == NEEDS_INFO:
        return f"I would ask: {questions().get(analysis.missing[0], {}).get('text', analysis.missing[0])}"
    return "out of scope"


def facts_list(facts: Dict[str, object]) -> str:
    return ", ".join(fact_phrase(k, v) for k, v in facts.items() if v is not None) or "no facts"


def new_or_correction_text(as_new: Analysis, as_correction: Analysis) -> str:
    """The question for a message that may be another patient, with both readings and what each gives."""
    return (
        "Is this another patient, or a correction to the current one?\n"
        f"- **New patient**: {facts_list(as_new.facts)} → {reading_summary(as_new)}\n"
        f"- **Correction to this patient**: {facts_list(as_correction.facts)} → {reading_summary(as_correction)}"
    )
