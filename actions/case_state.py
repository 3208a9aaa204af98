"""The case as the tracker holds it: one slot per fact, plus what the latest case message noted."""
import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker

import bot
from bot import render
from bot.facts import Extraction

# Intents whose messages state or change facts of the case.
CASE_INTENTS = frozenset({"describe_case", "inform", "correct", "new_patient"})
# Below this confidence an intent is a guess: a follow-up intent may then be an answer to the
# question asked, and the core's keyword rules may pick a follow-up topic.
LOW_CONFIDENCE = 0.6
NOTES_SLOT = "case_notes"          # {"conflicts": [...], "notes": [...]} of the latest case message
PENDING_SLOT = "pending_case"      # text of a message that looks like another patient
NEW_PATIENT_SLOT = "new_patient"   # the form's "new patient or correction?" question
VARIANT_SLOT = "variant"
UNRELATED = "unrelated"            # the `encounter` the core reads from a message without a clinical cue
_QUESTION = re.compile(r"\?|^\s*(what|why|how|when|which|who|should|can|could|would|will|is|are|does|do|any)\b",
                       re.IGNORECASE)


def known_facts(tracker: Tracker) -> Dict[Text, Any]:
    """Every fact key with its slot value (None = unknown)."""
    return {key: tracker.get_slot(key) for key in bot.FACT_KEYS}


def has_case(tracker: Tracker) -> bool:
    """True when any fact of a case is known."""
    return any(value is not None for value in known_facts(tracker).values())


def analysis(tracker: Tracker) -> bot.Analysis:
    """The core's decision for the case the slots hold."""
    noted = tracker.get_slot(NOTES_SLOT) or {}
    return bot.match(known_facts(tracker), conflicts=tuple(noted.get("conflicts", ())),
                     notes=tuple(noted.get("notes", ())))


def askable_missing(tracker: Tracker) -> List[Text]:
    """The facts the form asks for, in the core's order; none unless the core needs information."""
    if not has_case(tracker):
        return []
    result = analysis(tracker)
    if result.status != bot.NEEDS_INFO:
        return []
    return [key for key in result.missing if key in render.questions()]


def intent_of(tracker: Tracker) -> Optional[Text]:
    """The latest message's intent name."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def is_unsure(tracker: Tracker) -> bool:
    """True when the classifier did not understand the latest message or only guessed its intent."""
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name") == "nlu_fallback" or (intent.get("confidence") or 0.0) < LOW_CONFIDENCE


def may_answer(tracker: Tracker) -> bool:
    """True when a message the classifier did not take for a case message may still answer the question
    asked: the classifier only guessed, or the message is not phrased as a question."""
    return is_unsure(tracker) or not _QUESTION.search(text_of(tracker))


def text_of(tracker: Tracker) -> Text:
    """The latest message's raw text, which the core reads."""
    return tracker.latest_message.get("text") or ""


def without_noise(ext: Extraction, in_context: bool) -> Extraction:
    """The extraction, minus the "unrelated encounter" the core reads from a message without a clinical
    cue: in context (a short answer, a correction, "new patient", a button payload) it says nothing."""
    if in_context and ext.stated.get("encounter") == UNRELATED:
        return replace(ext, facts={**ext.facts, "encounter": None})
    return ext


def case_update(tracker: Tracker, base: Dict[Text, Any], ext: Extraction) -> Dict[Text, Any]:
    """Slot values that change when `ext` is merged into `base`; a changed case loses its variant."""
    values: Dict[Text, Any] = dict(bot.merge(base, ext))
    values[NOTES_SLOT] = {"conflicts": list(ext.conflicts), "notes": list(ext.notes)}
    values[PENDING_SLOT] = None
    changed = {key: value for key, value in values.items() if tracker.get_slot(key) != value}
    if any(key in bot.FACT_KEYS for key in changed):
        changed[VARIANT_SLOT] = None
    return changed
