"""Real rasa_sdk Trackers and CollectingDispatchers for calling the actions' run()."""
import asyncio
from typing import Any, Dict, List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

import bot
from actions.case import ValidateCaseForm


def initial_slots() -> Dict[str, Any]:
    """The slots a new conversation has, as in Rasa: every one exists, unset (None)."""
    return {**{key: None for key in bot.FACT_KEYS}, "case_notes": None, "variant": None, "pending_case": None,
            "new_patient": None}


def make_tracker(text: str, intent: str, slots: Optional[Dict[str, Any]] = None,
                 requested: Optional[str] = None, confidence: float = 0.98,
                 form_active: bool = True, turn: int = 1, after: str = "action_listen",
                 validating: bool = False, earlier_texts: Optional[List[str]] = None) -> Tracker:
    """A tracker right after a user message (the conversation's `turn`-th), as the form (or a rule) runs an
    action for it; `after` is the action that ran since (a follow-up answered before the form resumes).
    `validating`: the tracker Rasa gives the form's validation action, which ends with the form's own execution
    (rasa.core.actions.forms.FormAction._temporary_tracker). `earlier_texts`: the earlier user messages' texts
    (placeholders otherwise); given, they set `turn`."""
    if earlier_texts is not None:
        turn = len(earlier_texts) + 1
    all_slots = {**initial_slots(), **(slots or {})}
    all_slots["requested_slot"] = requested
    message = {"text": text, "intent": {"name": intent, "confidence": confidence},
               "entities": [], "intent_ranking": [{"name": intent, "confidence": confidence}]}
    texts = earlier_texts if earlier_texts is not None else [f"message {n}" for n in range(1, turn)]
    earlier = [{"event": "user", "text": said, "parse_data": {}} for said in texts]
    events = earlier + [
        {"event": "slot", "name": "requested_slot", "value": requested},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": message},
    ] + ([{"event": "action", "name": after}] if after != "action_listen" else [])
    latest = after
    if validating:
        events.append({"event": "action", "name": "case_form"})
        latest = "case_form"
    loop = {"name": "case_form"} if form_active else {}
    return Tracker("test-user", all_slots, message, events, False, None, loop, latest)


def run(action: Action, tracker: Tracker, domain: Dict[str, Any]) -> Tuple[List[Dict], List[Dict]]:
    """The action's events and the messages it sent."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain))
    return events, dispatcher.messages


def run_followed(action: Action, text: str, intent: str, domain: Dict[str, Any],
                 slots: Optional[Dict[str, Any]] = None, confidence: float = 0.98) -> Tuple[List[Dict], List[Dict]]:
    """A rule's action for a message with no active form, then the case form when the action hands the message
    to it (a `followup` event), as the Rasa server runs them: all events and all messages sent."""
    events, messages = run(action, make_tracker(text, intent, slots, confidence=confidence, form_active=False),
                           domain)
    if any(e.get("event") == "followup" and e.get("name") == "case_form" for e in events):
        more, sent = run(ValidateCaseForm(), make_tracker(text, intent, {**(slots or {}), **slot_values(events)},
                                                          confidence=confidence, after=action.name(),
                                                          validating=True), domain)
        events, messages = events + more, messages + sent
    return events, messages


def slot_values(events: List[Dict]) -> Dict[str, Any]:
    """The slots the events set, last value wins."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def customs(messages: List[Dict]) -> List[Dict]:
    """The `custom` objects of the messages, as the REST channel returns them."""
    return [m["custom"] for m in messages if m.get("custom")]


def form_turn(domain: Dict[str, Any], slots: Dict[str, Any], text: str, intent: str,
              requested: Optional[str] = None, confidence: float = 0.98,
              turn: int = 1, after: str = "action_listen",
              earlier_texts: Optional[List[str]] = None) -> Tuple[Dict[str, Any], List[Dict]]:
    """One user turn through the case form as the Rasa server runs it: validate_case_form reads the message
    and sends the question for the slot it requests, or the answer when it requests none.
    Returns the slots after the turn (with `requested_slot`) and the messages sent."""
    events, messages = run(ValidateCaseForm(),
                           make_tracker(text, intent, slots, requested, confidence, turn=turn, after=after,
                                        validating=True, earlier_texts=earlier_texts), domain)
    set_now = slot_values(events)
    # Without a requested slot from the validation, the server requests none (the form's list is empty).
    return {**initial_slots(), **slots, **set_now, "requested_slot": set_now.get("requested_slot")}, messages


def only_custom(messages: List[Dict]) -> Dict:
    """The single custom object an answer turn carries."""
    found = customs(messages)
    assert len(found) == 1, messages
    return found[0]


def answered(domain: Dict[str, Any], first: str, variant: str) -> Dict[str, Any]:
    """The slots after a first description has been answered with the recommendation for `variant`."""
    slots, messages = form_turn(domain, {}, first, "describe_case")
    assert only_custom(messages)["variant"]["id"] == variant
    return {k: v for k, v in slots.items() if k != "requested_slot"}


def reply_after(domain: Dict[str, Any], first: str, variant: str, reply: str, intent: str = "inform") -> Dict[str, Any]:
    """The custom object answering `reply`, sent after `first` was answered with the recommendation for `variant`."""
    _, messages = form_turn(domain, answered(domain, first, variant), reply, intent, turn=2)
    return only_custom(messages)
