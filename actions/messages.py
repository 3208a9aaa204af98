"""The messages the actions send: text for people, a `custom` object for programs (contract §2)."""
from typing import Any, Dict, List, Mapping, Optional, Text

from rasa_sdk.executor import CollectingDispatcher

import bot
from bot import faq, render

NEW_PATIENT_QUESTION = "Is this another patient, or a correction to the current one?"
NEW_PATIENT_BUTTONS = [
    {"title": "New patient", "payload": "/new_patient"},
    {"title": "Correction to this patient", "payload": "/correct"},
]
CASE_CLEARED = "OK, the previous case is cleared. Describe the new patient."
OTHER_PATIENT_NAMED = ("I hold one case per conversation, and it is {held}: I cannot go back to another "
                       "patient. Describe that patient again (as a new patient) to get answers for them.")
GENERAL_ANSWER = " Meanwhile, the general answer (not for a particular variant):"
UNKNOWN_FACT = ("Understood, it is not known yet. The variant depends on it, so I cannot recommend without it; "
                "the case is kept, so send it when you have it.\n")
SIDE_MOVED = ("The case is now on the other breast. The node you described was named on the old side, so it would "
              "now be in the opposite axilla; I have set the nodal status aside rather than move it.\n")
NO_EARLIER_CASE = ("I have no earlier case in this conversation (a new session starts without the previous "
                   "case's facts), so I read this message on its own.")
NEW_CASE_FROM_PENDING = "New patient, from the description you sent before:"
RESTARTED = "OK, the conversation was restarted and the case was cleared. Describe the next patient."
OUT_OF_SCOPE = ("That is outside what I cover: I only advise on imaging of the axilla (breast cancer and axillary "
                "lumps, ACR \"Imaging of the Axilla\"). Describe such a patient, or ask \"what can you do?\".")
NOT_UNDERSTOOD = ("Sorry, I didn't understand that. Describe a patient (e.g. \"58F, new 3 cm IDC left breast, "
                  "palpable left axillary node, no treatment yet\"), ask a follow-up question about the "
                  "recommendation, or type \"help\".")


CORRECTION_NOT_READ = ("I could not tell what \"{said}\" changes in the case, so {current}. "
                       "Please state the fact that is different in full (for example \"the tumour is 2.5 cm\", "
                       "\"no palpable axillary node\", \"the node was seen on CT\"), or describe the patient again.")


def correction_not_read(dispatcher: CollectingDispatcher, text: Text, result: bot.Analysis) -> None:
    """A correction that changed no fact the core could read: the case's facts are kept, but its answer is withdrawn
    until the changed fact is stated (a correction may take away what the answer rests on), never given again."""
    variant = result.variant or {}
    current = (f"the earlier answer (variant {variant['number']}, {variant['title']}) is withdrawn until it is "
               "clear: nothing is recommended for now" if result.status == bot.MATCHED
               else "the case is as it was")
    dispatcher.utter_message(text=CORRECTION_NOT_READ.format(said=_quoted(text), current=current),
                             json_message={"type": "fallback", "reason": "correction_not_read",
                                           "facts": result.facts, "variant": None, "withdrawn": result.variant_id})


WHICH_BREAST = ("There is a cancer in each breast: which breast is \"{said}\" about? Nothing was changed. "
                "Please say it with its side (for example \"the left tumour is 3 cm\" or \"the right axilla has a "
                "palpable node\").")


def which_breast(dispatcher: CollectingDispatcher, text: Text, result: bot.Analysis) -> None:
    """A fact of one breast that does not say which, in a case with a cancer in each: asked, merged nowhere."""
    dispatcher.utter_message(text=WHICH_BREAST.format(said=_quoted(text)),
                             buttons=[{"title": side, "payload": f"the {side} side"} for side in ("left", "right")],
                             json_message={"type": "fallback", "reason": "which_breast", "facts": result.facts,
                                           "variant": result.variant_id})


def _quoted(text: Text) -> Text:
    said = " ".join(text.split())
    return said if len(said) <= 120 else said[:117] + "..."


def _prefix(note: Optional[Mapping[str, Any]]) -> str:
    """What the intake decision adds in front of an answer: no earlier case, or which case it is for."""
    note = note or {}
    lines = []
    if note.get("no_earlier_case"):
        lines.append(NO_EARLIER_CASE)
    if note.get("from_pending") and note.get("kind") == "new_case":
        lines.append(NEW_CASE_FROM_PENDING)
    return "\n".join(lines) + "\n" if lines else ""


def answer(dispatcher: CollectingDispatcher, result: bot.Analysis, turns: Optional[Dict[Text, int]] = None,
           current: int = 1, note: Optional[Mapping[str, Any]] = None) -> None:
    """The core's answer for a case: a recommendation, why it is out of scope, or a question; each shows the
    facts it used, naming the message of those carried from earlier ones."""
    used = render.facts_used_text(result.facts, turns or {}, current)
    if result.status == bot.NEEDS_INFO:
        ask(dispatcher, result.missing[0], result, prefix=_prefix(note), used=used)
        return
    kind = "recommendation" if result.status == bot.MATCHED else "out_of_scope"
    text = _prefix(note) + render.answer_text(result) + (f"\n{used}" if used else "")
    dispatcher.utter_message(text=text, json_message={"type": kind, **result.to_dict()})


def ask(dispatcher: CollectingDispatcher, slot: Text, result: bot.Analysis, prefix: str = "",
        used: str = "") -> None:
    """The question for a missing fact, with its quick replies."""
    buttons = [{"title": title, "payload": payload} for title, payload in render.quick_replies(slot, result)]
    text = prefix + render.question_text(slot, result) + (f"\n{used}" if used else "")
    dispatcher.utter_message(text=text, buttons=buttons,
                             json_message={"type": "question", "slot": slot, "facts": result.facts,
                                           "missing": list(result.missing), "evidence": result.evidence})


def ask_new_patient(dispatcher: CollectingDispatcher, facts: Dict[Text, Any], pending_text: Text = "") -> None:
    """Whether a message that does not fit the case is another patient; offers both readings, with the
    facts each would give and what the assistant would answer."""
    ext = bot.extract(pending_text) if pending_text else None
    if ext is None:
        dispatcher.utter_message(text=NEW_PATIENT_QUESTION, buttons=NEW_PATIENT_BUTTONS,
                                 json_message={"type": "question", "slot": "new_patient", "facts": facts})
        return
    as_new = bot.match(bot.merge({}, ext), conflicts=ext.conflicts, notes=ext.notes)
    as_correction = bot.match(bot.merge(facts, ext), conflicts=ext.conflicts, notes=ext.notes)
    readings = {name: {"facts": r.facts, "status": r.status, "variant": r.variant_id, "missing": list(r.missing)}
                for name, r in (("new", as_new), ("correction", as_correction))}
    dispatcher.utter_message(text=render.new_or_correction_text(as_new, as_correction), buttons=NEW_PATIENT_BUTTONS,
                             json_message={"type": "question", "slot": "new_patient", "facts": facts,
                                           "readings": readings})


def faq_answer(dispatcher: CollectingDispatcher, topic: Text, variant_id: Any,
               facts: Dict[Text, Any], no_earlier_case: bool = False, prefix: Text = "") -> None:
    """A follow-up answer, specific to the current variant where that matters."""
    reply = faq.answer(topic, variant_id=variant_id, facts=facts)
    dispatcher.utter_message(text=prefix + (NO_EARLIER_CASE + "\n" if no_earlier_case else "") + reply.text,
                             json_message={"type": "faq", "topic": topic, "variant": variant_id})


def other_patient_named(dispatcher: CollectingDispatcher, held: Text, topics: List[Text]) -> None:
    """A message about a patient other than the case's ("back to Mrs A - why not PET?"): the follow-up answers in
    general, not for the case held, and how to get them for that patient; or only that, as a fallback."""
    label = held.upper() if len(held) == 1 else held.title()
    note = OTHER_PATIENT_NAMED.format(held=f"patient {label}'s" if held else "the latest patient's")
    for n, topic in enumerate(topics):
        faq_answer(dispatcher, topic, None, {}, prefix=note + GENERAL_ANSWER + "\n" if not n else "")
    if not topics:
        dispatcher.utter_message(text=note, json_message={"type": "fallback"})


def case_cleared(dispatcher: CollectingDispatcher) -> None:
    """Confirms "new patient" / "start over" when no new case came with it."""
    dispatcher.utter_message(text=CASE_CLEARED, json_message={"type": "smalltalk", "intent": "new_patient"})


def restarted(dispatcher: CollectingDispatcher) -> None:
    """Confirms "/restart": the case was cleared (not a failure)."""
    dispatcher.utter_message(text=RESTARTED, json_message={"type": "smalltalk", "intent": "restart"})


def out_of_scope(dispatcher: CollectingDispatcher) -> None:
    """A message that is not about the axilla at all."""
    dispatcher.utter_message(text=OUT_OF_SCOPE, json_message={
        "type": "out_of_scope", "reasons": ["not a question about imaging of the axilla"]})


def not_understood(dispatcher: CollectingDispatcher) -> None:
    """The fallback answer."""
    dispatcher.utter_message(text=NOT_UNDERSTOOD, json_message={"type": "fallback"})
