"""Follow-up questions about the current case, order checks, scope questions, sessions, and messages the
classifier did not understand."""
from typing import List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, Restarted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import case_state as cs
from actions import messages
from bot import faq, intake, orders
from bot.kb import CATEGORIES, find_procedures, knowledge

FAQ_PREFIX = "faq_"


def faq_topic(tracker: Tracker) -> Optional[Text]:
    """The FAQ topic of the latest message: the classifier's, or the keywords' when it is unsure."""
    name = cs.intent_of(tracker) or ""
    text = cs.text_of(tracker)
    topic = name[len(FAQ_PREFIX):] if name.startswith(FAQ_PREFIX) else None
    keywords = faq.detect_topic(text)
    if topic is None or cs.is_unsure(tracker):
        topic = keywords or topic
    if {topic, keywords} == _RESULTS:
        topic = keywords  # "the core was positive, what now?": the result its words give, never the opposite one
    # "contrast MRI versus ultrasound: what makes them go with the US?" is why-not-MRI, whatever else it says;
    # "the dose of PET/CT vs US" stays a radiation question
    if "radiation" not in (topic, keywords):
        topic = compared_exam_topic(text) or topic
    if faq.asks_dose_of_an_exam(topic, keywords, text):
        topic = "radiation"  # "Strahlendosis vom PET-CT?": the exam's name is all the classifier knew of it
    if topic == "biopsy_positive" and faq.negated_result(text):
        return "biopsy_negative"  # "the node biopsy shows no cancer": the confusable pair
    return topic


_RESULTS = {"biopsy_positive", "biopsy_negative"}  # the confusable pair of follow-up topics
MAX_TOPICS = 3  # follow-up answers to one message ("why not MRI, and why not PET/CT?")


def faq_topics(tracker: Tracker) -> List[Text]:
    """Every follow-up topic of the latest message: with several question parts whose keywords each name a
    topic clearly, those topics in the message's order; else the message's one topic (faq_topic)."""
    first = faq_topic(tracker)
    found = question_topics(cs.text_of(tracker))
    if len(found) < 2:
        return [first] if first else []
    return (found + ([first] if first and first not in found else []))[:MAX_TOPICS]


def question_topics(text: Text) -> List[Text]:
    """The follow-up topics that the message's question parts name clearly, in order."""
    found: List[Text] = []
    for part in intake.question_parts(text):
        topic = compared_exam_topic(part) or faq.detect_topic(part)
        if topic and topic not in found:
            found.append(topic)
    return found


def answered_as_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
    """A message the rules took for a question or did not understand that the intake decision reads as a case
    message (another patient, a description, a scope question). A scope question is answered here; a case
    message is handed to the case form (it reads it, and asks again after later interruptions). None when it
    is a follow-up after all."""
    decision, ext = cs.decide(tracker)
    if decision.kind == intake.SCOPE:
        messages.answer(dispatcher, cs.alone(ext), note={"kind": "scope"})
        return []
    if decision.kind == intake.OTHER and decision.why == intake.OTHER_NAMED:  # "back to Mrs A - why not PET?"
        messages.other_patient_named(dispatcher, tracker.get_slot(cs.PATIENT_SLOT) or "", faq_topics(tracker))
        return []
    if decision.kind in (intake.OTHER, intake.CLEAR):
        return None
    return [FollowupAction(cs.FORM)]


# Cues that make a message clinical: read on its own as out of scope, it gets the out-of-scope answer.
_CLINICAL_CUES = frozenset({"SCREENING", "MODALITY_MUS", "MODALITY_OTHER", "NODE", "LUMP", "BREAST", "CANCER"})


def clinical_but_out_of_scope(tracker: Tracker) -> bool:
    ext = cs.read_raw(tracker, cs.text_of(tracker))
    return bool(intake.scope_of(ext)) and bool(_CLINICAL_CUES & set(ext.cues))


def _no_case_note(tracker: Tracker) -> bool:
    return not cs.has_case(tracker) and intake.says_same_patient(cs.text_of(tracker))


class ActionAnswerFaq(Action):
    """Answers a follow-up question, for the current variant when there is one."""

    def name(self) -> Text:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """Sends the answer for the message's topic (or the case's answer when the message is a patient)."""
        events = answered_as_case(dispatcher, tracker)
        if events is not None:
            return events
        text = cs.text_of(tracker)
        # "can I order MRI breast without IV contrast?" heard as "why not MRI", or "CT w/wo contrast?" heard as how
        # to word an order: the rating of that one exam
        named_only = cs.intent_of(tracker) == "faq_order_wording" and not faq.asks_wording(text) \
            and not faq.declines_an_exam(text)
        if len(find_procedures(text)) == 1 and (faq.proposes_an_order(text) or named_only):
            return await ActionOrderCheck().run(dispatcher, tracker, domain)
        topics = faq_topics(tracker)
        if not topics:  # the rules run this for FAQ intents only; a topic-less one is not understood
            messages.not_understood(dispatcher)
            return []
        for n, topic in enumerate(topics):
            messages.faq_answer(dispatcher, topic, tracker.get_slot(cs.VARIANT_SLOT),
                                cs.known_facts(tracker), no_earlier_case=not n and _no_case_note(tracker))
        return []


# The follow-up topic of a comparison that names one of these exams.
_COMPARED = {"FDG-PET/CT skull base to mid-thigh": "why_not_pet", "MRI breast without and with IV contrast":
             "why_not_mri", "MRI breast without IV contrast": "why_not_mri",
             "CT chest abdomen pelvis with IV contrast": "why_not_pet"}


def _compared(text: Text) -> Optional[List[Text]]:
    """The exams a message compares ("PET vs US", or two exams named), else None."""
    named = find_procedures(text)
    return named if intake.is_comparison(text) or len(named) > 1 else None


def compared_exam_topic(text: Text) -> Optional[Text]:
    """The why-not topic of a message that compares an exam of _COMPARED with another, else None."""
    return next((_COMPARED[p] for p in reversed(_compared(text) or []) if p in _COMPARED), None)


def comparison_topic(text: Text) -> Optional[Text]:
    """The follow-up topic of a message that compares exams rather than checks one, else None."""
    if _compared(text) is None:
        return None
    return compared_exam_topic(text) or faq.detect_topic(text)


def quotes_a_category(text: Text) -> bool:
    """The message names a rating category ("may be appropriate"): it asks what the rating means."""
    low = " ".join(text.lower().replace("'", " ").replace('"', " ").split())
    return any(category.lower() in low for category in CATEGORIES.values())


class ActionOrderCheck(Action):
    """Rates a proposed exam for the current variant: category, radiation, better-rated alternatives, source."""

    def name(self) -> Text:
        return "action_order_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        text = cs.text_of(tracker)
        procedure = orders.proposed_procedure(text)
        if procedure is None and not orders.speaks_of_ordering(text):
            # "ok", "her sister has a palpable node": the classifier's guess, with no exam and no order in it
            return await ActionFallback().run(dispatcher, tracker, domain)
        if quotes_a_category(text):  # "the US is only may be appropriate?": what the rating means
            messages.faq_answer(dispatcher, "rating_meaning", tracker.get_slot(cs.VARIANT_SLOT),
                                cs.known_facts(tracker))
            return []
        # A comparison ("skip the US and go straight to PET/CT?") or a declined MRI or PET ("no MRI for her then?")
        # is the follow-up question (why not MRI, why not PET);
        # so is a message that names no exam ("what goes on the order?") or one the classifier only guessed
        # to be an order check when the follow-up keywords recognise a topic.
        declined = _COMPARED.get(procedure or "") if faq.declines_an_exam(text) else None
        topic = comparison_topic(text) or declined or ("order_wording" if faq.asks_wording(text) else None) or (
            faq.detect_topic(text) if procedure is None or cs.is_unsure(tracker) and not faq.proposes_an_order(text)
            else None)
        if topic:
            messages.faq_answer(dispatcher, topic, tracker.get_slot(cs.VARIANT_SLOT), cs.known_facts(tracker))
            return []
        variant_id = tracker.get_slot(cs.VARIANT_SLOT)
        payload = orders.check(procedure, variant_id)
        variant = knowledge().variants.get(variant_id) if variant_id else None
        text = orders.text(payload, variant.title if variant else None)
        if _no_case_note(tracker):
            text = f"{messages.NO_EARLIER_CASE}\n{text}"
        dispatcher.utter_message(text=text, json_message={"type": "order_check", **payload})
        return []


class ActionOutOfScope(Action):
    """Answers a message that is not about the axilla: the core's reason and pointer when it has one."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        events = answered_as_case(dispatcher, tracker)
        if events is not None:
            return events
        ext = cs.read(tracker, cs.text_of(tracker))
        scope = intake.scope_of(ext)
        if scope and scope[0] != "unrelated":
            messages.answer(dispatcher, cs.alone(ext), note={"kind": "scope"})
        else:
            messages.out_of_scope(dispatcher)
        return []


class ActionFallback(Action):
    """Answers what the classifier did not understand: a follow-up the keywords recognise, else a hint."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """Sends a patient's answer, a follow-up answer or the fallback message."""
        events = answered_as_case(dispatcher, tracker)
        if events is not None:
            return events
        topic = faq_topic(tracker)
        if topic:
            messages.faq_answer(dispatcher, topic, tracker.get_slot(cs.VARIANT_SLOT), cs.known_facts(tracker),
                                no_earlier_case=_no_case_note(tracker))
        elif clinical_but_out_of_scope(tracker):
            messages.out_of_scope(dispatcher)  # e.g. a relative's screening question: not a fallback
        else:
            messages.not_understood(dispatcher)
        return []


class ActionRestart(Action):
    """"/restart": clears the conversation and says so (Rasa's own restart says nothing, and an empty turn
    looks like a failure to the channels)."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        messages.restarted(dispatcher)
        return [Restarted()]
