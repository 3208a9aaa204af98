"""Follow-up questions about the current case, and messages the classifier did not understand."""
from typing import List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import case_state as cs
from actions import messages
from bot import faq

FAQ_PREFIX = "faq_"


def faq_topic(tracker: Tracker) -> Optional[Text]:
    """The FAQ topic of the latest message: the classifier's, or the keywords' when it is unsure."""
    name = cs.intent_of(tracker) or ""
    topic = name[len(FAQ_PREFIX):] if name.startswith(FAQ_PREFIX) else None
    if topic is None or cs.is_unsure(tracker):
        return faq.detect_topic(cs.text_of(tracker)) or topic
    return topic


class ActionAnswerFaq(Action):
    """Answers a follow-up question, for the current variant when there is one."""

    def name(self) -> Text:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """Sends the answer for the message's topic."""
        messages.faq_answer(dispatcher, faq_topic(tracker), tracker.get_slot(cs.VARIANT_SLOT),
                            cs.known_facts(tracker))
        return []


class ActionFallback(Action):
    """Answers what the classifier did not understand: a follow-up the keywords recognise, else a hint."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """Sends a follow-up answer or the fallback message."""
        topic = faq_topic(tracker)
        if topic:
            messages.faq_answer(dispatcher, topic, tracker.get_slot(cs.VARIANT_SLOT), cs.known_facts(tracker))
        else:
            messages.not_understood(dispatcher)
        return []
