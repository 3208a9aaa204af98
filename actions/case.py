"""Case intake: the form that reads facts into slots, the questions it asks, and the answer."""
import re
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

import bot
from actions import case_state as cs
from actions import messages
from bot import render

_YES = re.compile(r"^\s*(yes|yeah|yep|yup|y|new)\b", re.IGNORECASE)
_NO = re.compile(r"^\s*(no|nope|nah|n|same)\b", re.IGNORECASE)


def new_or_correction(intent: Optional[Text], text: Text) -> Optional[Text]:
    """The answer to "new patient or correction?": "new", "correction", or None when unclear."""
    if intent == "new_patient" or (intent != "correct" and _YES.match(text)):
        return "new"
    if intent == "correct" or _NO.match(text):
        return "correction"
    return None


def resolve_pending(tracker: Tracker) -> Dict[Text, Any]:
    """Applies the waiting message as a new patient or as a correction, as the user answered."""
    choice = new_or_correction(cs.intent_of(tracker), cs.text_of(tracker))
    if choice is None:
        return {cs.NEW_PATIENT_SLOT: None}  # unclear: the form asks again
    base = {} if choice == "new" else cs.known_facts(tracker)
    return cs.case_update(tracker, base, bot.extract(tracker.get_slot(cs.PENDING_SLOT)))


def message_update(tracker: Tracker) -> Dict[Text, Any]:
    """Slot changes for the latest message: its facts merged into the case, or a pending conflict."""
    intent, text = cs.intent_of(tracker), cs.text_of(tracker)
    unsure = intent not in cs.CASE_INTENTS
    if unsure and not cs.may_answer(tracker):
        return {}  # a follow-up question: the form is rejected and the rules answer it
    requested = tracker.get_slot("requested_slot")
    ext = bot.extract(text, expecting=requested if requested in bot.FACT_KEYS else None)
    # Only a case description can be about an unrelated encounter; an answer or correction cannot.
    in_context = intent != "describe_case" or bool(requested) or ext.new_case or cs.has_case(tracker)
    ext = cs.without_noise(ext, in_context)
    if unsure and (requested is None or not bot.facts.answers(ext, requested)):
        return {}  # only as the answer to the question asked; else the rules answer it
    if tracker.get_slot(cs.PENDING_SLOT) and not (ext.new_case and ext.stated):
        return resolve_pending(tracker)
    if bot.facts.looks_like_new_patient(cs.known_facts(tracker), ext):
        return {cs.PENDING_SLOT: text, cs.VARIANT_SLOT: None}
    update = cs.case_update(tracker, cs.known_facts(tracker), ext)
    if requested and not any(key in bot.FACT_KEYS for key in update):
        update[requested] = None  # nothing new: the form asks again
    return update


class ValidateCaseForm(FormValidationAction):
    """Reads every fact a message states into the case and names the fact the core still misses."""

    def name(self) -> Text:
        return "validate_case_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """The new-patient question while a conflicting message waits, else what the core misses."""
        if tracker.get_slot(cs.PENDING_SLOT):
            return [cs.NEW_PATIENT_SLOT]
        return cs.askable_missing(tracker)

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        """All slots the latest message changes, not only the requested one."""
        return [SlotSet(key, value) for key, value in message_update(tracker).items()]

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        """The core has validated the facts already: every extracted slot is kept."""
        return [SlotSet(key, value) for key, value in tracker.slots_to_validate().items()]


class AskForFact(Action, ABC):
    """Asks for one missing fact, with quick replies."""

    @property
    @abstractmethod
    def slot(self) -> Text:
        """The fact key this action asks for."""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """Sends the question for this fact."""
        messages.ask(dispatcher, self.slot, cs.analysis(tracker))
        return []


# One `action_ask_<fact>` per fact the core has a question for (bot/knowledge/questions.yml); the form
# runs the one named after the slot it requests. domain.yml lists the same names.
ASK_ACTIONS = {
    slot: type(f"ActionAsk_{slot}", (AskForFact,), {"slot": slot, "__doc__": f"Asks for {slot}."})
    for slot in render.questions()
}


class ActionAskNewPatient(Action):
    """Asks whether a conflicting message is a new patient or a correction."""

    def name(self) -> Text:
        return f"action_ask_{cs.NEW_PATIENT_SLOT}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """Sends the question with its two answers as buttons."""
        messages.ask_new_patient(dispatcher, cs.known_facts(tracker))
        return []


class ActionAnswerCase(Action):
    """Answers the finished intake: recommendation, out of scope, or what is still missing."""

    def name(self) -> Text:
        return "action_answer_case"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """Sends the core's answer for the case and remembers its variant."""
        if not cs.has_case(tracker):
            if cs.intent_of(tracker) == "new_patient" or bot.extract(cs.text_of(tracker)).new_case:
                messages.case_cleared(dispatcher)
            else:
                messages.not_understood(dispatcher)
            return [SlotSet(cs.VARIANT_SLOT, None)]
        result = cs.analysis(tracker)
        messages.answer(dispatcher, result)
        return [SlotSet(cs.VARIANT_SLOT, result.variant_id)]
