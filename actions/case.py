"""Case intake: the form that reads facts into slots, the questions it asks, and the answer."""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

import bot
from actions import case_state as cs
from actions import messages
from actions.followup import MAX_TOPICS, faq_topics, question_topics
from bot import intake


def message_update(tracker: Tracker) -> Dict[Text, Any]:
    """Slot changes for the latest message, as the intake decision (bot/intake.py) says: its facts merged
    into the case, a new case, a pending "another patient or a correction?", or nothing (a follow-up
    question: the form is rejected and the rules answer it)."""
    resumed = cs.resumed(tracker)
    decision, ext = cs.decide(tracker, resumed=resumed)
    if answered_aside(decision.kind, decision.why) and not resumed:
        # the form says it did not understand, or answers the scope or follow-up question (resumed: the rules have
        # said so, the form asks again); the case stays as it was
        return {cs.INTAKE_SLOT: {"kind": decision.kind, "why": decision.why}}
    if decision.kind in (intake.OTHER, intake.SCOPE):
        return {}
    if side_unsaid(tracker, decision, ext):
        return {cs.INTAKE_SLOT: {"kind": intake.OTHER, "why": intake.SIDE_UNSAID}}
    update = cs.apply(tracker, decision, ext)
    moved = cs.side_moved(tracker, update) if decision.kind in (intake.CONTINUE, intake.CORRECT) else {}
    if moved:
        # the node told with the old side is set aside, and the question about it says why
        update.update(moved, **{cs.INTAKE_SLOT: {**(update.get(cs.INTAKE_SLOT) or {}), "side_moved": True}})
    if unchanged(tracker, decision, ext, update):
        # never the old answer again as if the correction had been read: say so, and withdraw that answer (the
        # follow-ups no longer speak for its variant)
        return {cs.INTAKE_SLOT: {"kind": intake.OTHER, "why": intake.UNCHANGED}, cs.VARIANT_SLOT: None}
    requested = tracker.get_slot(cs.REQUESTED_SLOT)
    if decision.kind in (intake.ANSWER, intake.CONTINUE, intake.CORRECT) and requested \
            and not any(key in bot.FACT_KEYS for key in update):
        update[requested] = None  # nothing new: the form asks again
    if decision.kind == intake.ASK:
        update[cs.NEW_PATIENT_SLOT] = None  # the question is asked (again)
    return update


def unchanged(tracker: Tracker, decision: intake.Decision, ext: bot.Extraction, update: Dict[Text, Any]) -> bool:
    """A message that says it corrects an answered case ("scrap that, ...", "correction: ...") and changes none of
    its facts. Not while a question waits (the form asks it again) nor the reply to "another patient?"."""
    # a number that changes nothing and is not asked about is an attempted change too ("ok so 26 then"): never the
    # old answer again
    # (a whole description sent again, "57F new L IDC 2 cm, cN0, untreated", is no attempted change: answered again)
    correcting = ext.corrected or cs.intent_of(tracker) == "correct" or (
        "BARE_NUMBER" in ext.cues and not ext.residue and not intake.is_description(ext))
    waiting = tracker.get_slot(cs.REQUESTED_SLOT) or cs.pending(tracker)
    # (a correction the core could not place, "I misread the 2", is asked about instead, quoting it)
    # (a side put right, "sorry, it's the left breast", changes the case though no fact: its answer is given again)
    return correcting and not (waiting or ext.residue) and decision.kind in (intake.CONTINUE, intake.CORRECT) \
        and cs.has_case(tracker) and not any(key in bot.FACT_KEYS or key == cs.SIDE_SLOT for key in update)


def side_unsaid(tracker: Tracker, decision: intake.Decision, ext: bot.Extraction) -> bool:
    """A size or nodal status that names no breast ("actually it's 3 cm"), while the case has a cancer in each and
    no answer for one breast yet: which breast it is for is asked, nothing is merged."""
    both = tracker.get_slot(cs.SIDE_SLOT) == "bilateral" and cs.known_facts(tracker).get("cancer_named") \
        and tracker.get_slot("axillary_lump") != "bilateral"
    return bool(both) and decision.kind in (intake.CONTINUE, intake.CORRECT, intake.ANSWER) \
        and decision.why != intake.SIDE_CHOSEN and intake.side_of(ext) is None \
        and any(ext.stated.get(key) is not None for key in ("tumor_size_cm", "clinical_nodes", "t_category"))


def requested_by(events: List[EventType]) -> Optional[Text]:
    """The slot the form will ask for next: the last `requested_slot` the events set (None: the form ends)."""
    return next((e.get("value") for e in reversed(events)
                 if e.get("event") == "slot" and e.get("name") == cs.REQUESTED_SLOT), None)


def answered_aside(kind: Optional[Text], why: Optional[Text]) -> bool:
    """True for the intake decisions the form answers without touching the case: nothing to read, a scope
    question, a question about the guidance, a message about a patient other than the case's."""
    return kind == intake.SCOPE or (kind == intake.OTHER and why in (intake.NO_CUE, intake.GENERAL_QUESTION,
                                                                      intake.OTHER_NAMED, intake.UNCHANGED,
                                                                      intake.SIDE_UNSAID))


def answer_aside(dispatcher: CollectingDispatcher, tracker: Tracker, note: Dict[Text, Any],
                 variant: Optional[Text]) -> None:
    """The answer to a message the case does not take: the scope answer, the follow-up answers its keywords name,
    or "not understood"."""
    if note.get("kind") == intake.SCOPE:
        messages.answer(dispatcher, cs.alone(bot.extract(cs.text_of(tracker))), note={"kind": "scope"})
        return
    if note.get("why") == intake.OTHER_NAMED:
        messages.other_patient_named(dispatcher, tracker.get_slot(cs.PATIENT_SLOT) or "", faq_topics(tracker))
        return
    if note.get("why") == intake.UNCHANGED:
        messages.correction_not_read(dispatcher, cs.text_of(tracker), cs.analysis(tracker))
        return
    if note.get("why") == intake.SIDE_UNSAID:
        messages.which_breast(dispatcher, cs.text_of(tracker), cs.analysis(tracker))
        return
    topics = faq_topics(tracker) if note.get("why") == intake.GENERAL_QUESTION else []
    for topic in topics[:MAX_TOPICS]:
        messages.faq_answer(dispatcher, topic, variant, cs.known_facts(tracker))
    if not topics:
        messages.not_understood(dispatcher)


def intake_note(events: List[EventType]) -> Dict[Text, Any]:
    """The intake note the events set ({"kind", "why"}; empty without one), which says whether the form answers
    the message aside (answered_aside)."""
    return next((e.get("value") or {} for e in reversed(events)
                 if e.get("event") == "slot" and e.get("name") == cs.INTAKE_SLOT), {})


def rejected(tracker: Tracker, requested: Optional[Text], events: List[EventType]) -> bool:
    """True when Rasa will reject the form for this message (it answered the question asked with nothing the
    form reads), so the rules answer it instead and whatever this call said is dropped (rasa FormAction.validate)."""
    return bool(requested) and not cs.resumed(tracker) and not any(
        e.get("event") == "slot" and e.get("name") != cs.REQUESTED_SLOT for e in events)


class ValidateCaseForm(FormValidationAction):
    """Reads every fact a message states into the case, then asks for the fact the core still misses or
    answers the case. It is the form's one call to the action server per turn: the domain has no
    `action_ask_<slot>` and no response for one, so Rasa's form asks nothing itself."""

    def name(self) -> Text:
        return "validate_case_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        """The slot events of the message, and the question or the answer that follows from them."""
        requested = tracker.get_slot(cs.REQUESTED_SLOT)
        events = await super().run(dispatcher, tracker, domain)
        if rejected(tracker, requested, events):
            return events
        following = requested_by(events)
        variant = tracker.get_slot(cs.VARIANT_SLOT)
        note = intake_note(events)
        if answered_aside(note.get("kind"), note.get("why")):
            answer_aside(dispatcher, tracker, note, variant)
            if following in bot.FACT_KEYS:
                messages.ask(dispatcher, following, cs.analysis(tracker))  # the question still waits
            return [*events, SlotSet(cs.INTAKE_SLOT, None)]
        if following == cs.NEW_PATIENT_SLOT:
            waiting = cs.pending(tracker)
            messages.ask_new_patient(dispatcher, cs.known_facts(tracker), waiting["text"] if waiting else "")
        elif following:
            unknown = following == requested and intake.says_unknown(cs.text_of(tracker))
            prefix = messages.UNKNOWN_FACT if unknown else messages.SIDE_MOVED if note.get("side_moved") else ""
            messages.ask(dispatcher, following, cs.analysis(tracker), prefix=prefix)
        else:
            events.extend(answer_case(dispatcher, tracker))
            variant = next((e.get("value") for e in reversed(events) if e.get("name") == cs.VARIANT_SLOT), variant)
        answer_questions_beside(dispatcher, tracker, variant)
        return events

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """The new-patient question while a conflicting message waits, else what the core misses."""
        if tracker.get_slot(cs.PENDING_SLOT):
            return [cs.NEW_PATIENT_SLOT]
        return cs.askable_missing(tracker)

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        """All slots the latest message changes, not only the requested one. A slot set to the value it has is
        left out (each event is sent back to Rasa, which checks it against its schema and stores it), except the
        intake note and a question's slot cleared to be asked again: Rasa's form needs those to accept the turn."""
        kept = (cs.INTAKE_SLOT, cs.NEW_PATIENT_SLOT, tracker.get_slot(cs.REQUESTED_SLOT))
        return [SlotSet(key, value) for key, value in message_update(tracker).items()
                if key in kept or tracker.get_slot(key) != value]

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        """The core has validated the facts already: every extracted slot is kept."""
        return [SlotSet(key, value) for key, value in tracker.slots_to_validate().items()]


def answer_questions_beside(dispatcher: CollectingDispatcher, tracker: Tracker, variant: Optional[Text]) -> None:
    """A case message that also asks ("3 cm - and why not MRI?") gets the follow-up answers too, after the case's;
    only when the form read the message first (when it resumes after the rules answered it, they were given)."""
    text = cs.text_of(tracker)
    if cs.resumed(tracker) or intake.statement_part(text) is None:
        return
    # a question part that names no topic by itself, in a message the classifier heard as a follow-up ("FNA was
    # benign, but the node looked abnormal on US. Do I trust the FNA?"): the topic of the whole message
    heard = (cs.intent_of(tracker) or "").startswith("faq_") and bool(intake.question_parts(text))
    topics = question_topics(text) or (faq_topics(tracker)[:1] if heard else [])
    for topic in topics[:MAX_TOPICS]:
        messages.faq_answer(dispatcher, topic, variant, cs.known_facts(tracker))


def answer_case(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """The finished intake's answer (recommendation, out of scope, or what is still missing) and the slots it
    sets: the case's variant, and the intake note cleared."""
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
