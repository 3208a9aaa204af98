"""The messages the actions send: text for people, a `custom` object for programs (contract §2)."""
from typing import Any, Dict, Text

from rasa_sdk.executor import CollectingDispatcher

import bot
from bot import faq, render

NEW_PATIENT_QUESTION = "Is this a new patient, or a correction to the current one?"
NEW_PATIENT_BUTTONS = [
    {"title": "New patient", "payload": "/new_patient"},
    {"title": "Correction to this patient", "payload": "/correct"},
]
CASE_CLEARED = "OK, the previous case is cleared. Describe the new patient."
NOT_UNDERSTOOD = ("Sorry, I didn't understand that. Describe a patient (e.g. \"58F, new 3 cm IDC left breast, "
                  "palpable left axillary node, no treatment yet\"), ask a follow-up question about the "
                  "recommendation, or type \"help\".")


def answer(dispatcher: CollectingDispatcher, result: bot.Analysis) -> None:
    """The core's answer for a case: a recommendation, why it is out of scope, or a question."""
    if result.status == bot.MATCHED:
        dispatcher.utter_message(text=render.answer_text(result),
                                 json_message={"type": "recommendation", **result.to_dict()})
    elif result.status == bot.OUT_OF_SCOPE:
        dispatcher.utter_message(text=render.answer_text(result),
                                 json_message={"type": "out_of_scope", **result.to_dict()})
    else:
        ask(dispatcher, result.missing[0], result)


def ask(dispatcher: CollectingDispatcher, slot: Text, result: bot.Analysis) -> None:
    """The question for a missing fact, with its quick replies."""
    buttons = [{"title": title, "payload": payload} for title, payload in render.quick_replies(slot)]
    dispatcher.utter_message(text=render.question_text(slot, result), buttons=buttons,
                             json_message={"type": "question", "slot": slot, "facts": result.facts,
                                           "missing": list(result.missing)})


def ask_new_patient(dispatcher: CollectingDispatcher, facts: Dict[Text, Any]) -> None:
    """Whether a message that contradicts the case's identity is another patient."""
    dispatcher.utter_message(text=NEW_PATIENT_QUESTION, buttons=NEW_PATIENT_BUTTONS,
                             json_message={"type": "question", "slot": "new_patient", "facts": facts})


def faq_answer(dispatcher: CollectingDispatcher, topic: Text, variant_id: Any,
               facts: Dict[Text, Any]) -> None:
    """A follow-up answer, specific to the current variant where that matters."""
    reply = faq.answer(topic, variant_id=variant_id, facts=facts)
    dispatcher.utter_message(text=reply.text,
                             json_message={"type": "faq", "topic": topic, "variant": variant_id})


def case_cleared(dispatcher: CollectingDispatcher) -> None:
    """Confirms "new patient" / "start over" when no new case came with it."""
    dispatcher.utter_message(text=CASE_CLEARED, json_message={"type": "smalltalk", "intent": "new_patient"})


def not_understood(dispatcher: CollectingDispatcher) -> None:
    """The fallback answer."""
    dispatcher.utter_message(text=NOT_UNDERSTOOD, json_message={"type": "fallback"})
