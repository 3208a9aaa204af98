"""Case intake: the form that reads facts into slots, the questions it asks, and the answer."""
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

import bot
from actions import case_state as cs
from actions import messages
from bot import intake, render


def message_update(tracker: Tracker) -> Dict[Text, Any]:
    """Slot changes for the latest message, as the intake decision (bot/intake.py) says: its facts merged
    into the case, a new case, a pending "another patient or a correction?", or nothing (a follow-up
    question: the form is rejected and the rules answer it)."""
    decision, ext = cs.decide(tracker)
    if decision.kind in (intake.OTHER, intake.SCOPE):
        return {}
    update = cs.apply(tracker, decision, ext)
    requested = tracker.get_slot("requested_slot")
    if decision.kind in (intake.ANSWER, intake.CONTINUE, intake.CORRECT) and requested \
            and not any(key in bot.FACT_KEYS for key in update):
        update[requested] = None  # nothing new: the form asks again
    if decision.kind == intake.ASK:
        update[cs.NEW_PATIENT_SLOT] = None  # the question is asked (again)
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
        waiting = cs.pending(tracker)
        messages.ask_new_patient(dispatcher, cs.known_facts(tracker), waiting["text"] if waiting else "")
        return []


class ActionAnswerCase(Action):
    """Answers the finished intake: recommendation, out of scope, or what is still missing."""

    def name(self) -> Text:
        return "action_answer_case"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """Sends the core's answer for the case and remembers its variant."""
        note = tracker.get_slot(cs.INTAKE_SLOT) or {}
        if not cs.has_case(tracker):
            if note.get("kind") == intake.CLEAR or cs.intent_of(tracker) == "new_patient" \
                    or bot.extract(cs.text_of(tracker)).new_case:
                messages.case_cleared(dispatcher)
            else:
                messages.not_understood(dispatcher)
            return [SlotSet(cs.VARIANT_SLOT, None)]
        result = cs.analysis(tracker)
        messages.answer(dispatcher, result, cs.provenance(tracker), cs.case_turn(tracker), note)
        return [SlotSet(cs.VARIANT_SLOT, result.variant_id), SlotSet(cs.INTAKE_SLOT, None)]
