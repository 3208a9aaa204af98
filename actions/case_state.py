"""The case as the tracker holds it: one slot per fact, where each fact was read, and the intake's state."""
from dataclasses import replace
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker

import bot
from bot import intake, render
from bot.facts import Evidence, Extraction, Residue
from bot.nlp.bilateral import OTHER_SIDE
from bot.nlp.extract import shifted
from bot.nlp.sizes import in_unit

CASE_INTENTS = intake.CASE_INTENTS
LOW_CONFIDENCE = intake.LOW_CONFIDENCE
NOTES_SLOT = "case_notes"          # {"conflicts", "notes", "residue", "turn"} of the latest case message
PENDING_SLOT = "pending_case"      # {"text", "turn"}: a description that may be another patient
NEW_PATIENT_SLOT = "new_patient"   # the form's "another patient or a correction?" question
VARIANT_SLOT = "variant"
EVIDENCE_SLOT = "case_evidence"    # fact -> {"turn": user message number, "spans": [{start, end, text}]}
CASE_START_SLOT = "case_start"     # how many user messages came before this case's first one
SIDE_SLOT = "case_side"            # the side the case is about ("left", "right", "bilateral")
PATIENT_SLOT = "case_patient"      # the name or label the case's patient was given ("a", "okafor")
INTAKE_SLOT = "intake"             # the latest intake decision: {"kind", "why", "from_pending", "no_earlier_case"}
REQUESTED_SLOT = "requested_slot"  # Rasa's: the slot the form asks for
FORM = "case_form"
NAC_STATES = ("neoadjuvant_ongoing", "neoadjuvant_completed")  # a follow-up is read in their context
UNRELATED = "unrelated"            # the `encounter` the core reads from a message without a clinical cue
CASE_SLOTS = (NOTES_SLOT, PENDING_SLOT, VARIANT_SLOT, EVIDENCE_SLOT, CASE_START_SLOT, SIDE_SLOT, PATIENT_SLOT)


def known_facts(tracker: Tracker) -> Dict[Text, Any]:
    """Every fact key with its slot value (None = unknown)."""
    return {key: tracker.get_slot(key) for key in bot.FACT_KEYS}


def has_case(tracker: Tracker) -> bool:
    """True when any fact of a case is known."""
    return intake.has_case(known_facts(tracker))


def user_turn(tracker: Tracker) -> int:
    """The number of the latest user message in this conversation (1 for the first)."""
    return sum(1 for e in tracker.events if e.get("event") == "user") or 1


def case_turn(tracker: Tracker, turn: Optional[int] = None) -> int:
    """The number of a user message within the current case (1 = the message that started it)."""
    turn = user_turn(tracker) if turn is None else turn
    return max(1, turn - int(tracker.get_slot(CASE_START_SLOT) or 0))


def residue(tracker: Tracker) -> Tuple[Residue, ...]:
    noted = tracker.get_slot(NOTES_SLOT) or {}
    return tuple(Residue(**r) for r in noted.get("residue", ()) if isinstance(r, dict))


def analysis(tracker: Tracker) -> bot.Analysis:
    """The core's decision for the case the slots hold, with where each fact was read."""
    noted = tracker.get_slot(NOTES_SLOT) or {}
    result = bot.match(known_facts(tracker), conflicts=tuple(noted.get("conflicts", ())),
                       notes=tuple(noted.get("notes", ())), residue=residue(tracker))
    return replace(result, evidence=evidence_items(tracker, result.facts))


def alone(ext: Extraction) -> bot.Analysis:
    """The core's decision for a message read on its own (a scope question, another patient out of scope)."""
    return bot.match(ext.facts, conflicts=ext.conflicts, notes=ext.notes)


def provenance(tracker: Tracker) -> Dict[Text, int]:
    """Fact key -> the number (within the case) of the user message it was read from."""
    start = int(tracker.get_slot(CASE_START_SLOT) or 0)
    return {key: max(1, int(entry.get("turn") or 1) - start)
            for key, entry in (tracker.get_slot(EVIDENCE_SLOT) or {}).items() if isinstance(entry, dict)}


def evidence_items(tracker: Tracker, facts: Dict[Text, Any]) -> Dict[Text, List[Dict[Text, Any]]]:
    """The payload's `evidence`: per fact the spans it was read from, each with the message number in the
    case (`turn`) and `carried: true` when that was an earlier message than the current one."""
    current = case_turn(tracker)
    turns = provenance(tracker)
    items: Dict[Text, List[Dict[Text, Any]]] = {}
    for key, entry in (tracker.get_slot(EVIDENCE_SLOT) or {}).items():
        if key not in turns or known_facts(tracker).get(key) is None:
            continue
        turn = turns[key]
        spans = entry.get("spans") or [{"start": None, "end": None, "text": None}]
        items[key] = [{**span, "turn": turn, "carried": turn < current} for span in spans]
    return items


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


def confidence_of(tracker: Tracker) -> float:
    return float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)


def is_unsure(tracker: Tracker) -> bool:
    """True when the classifier did not understand the latest message or only guessed its intent."""
    return intent_of(tracker) == "nlu_fallback" or confidence_of(tracker) < LOW_CONFIDENCE


def may_answer(tracker: Tracker) -> bool:
    """True when a message the classifier did not take for a case message may still answer the question
    asked: the classifier only guessed, or the message is not phrased as a question."""
    return is_unsure(tracker) or not intake.is_question(text_of(tracker))


def resumed(tracker: Tracker) -> bool:
    """True when the form reads the latest message again after another action answered it (Rasa resumes the
    form after a rule's follow-up answer). The validation's tracker ends with the form's own execution."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") not in (FORM, "action_listen"):
            return True
    return False


def text_of(tracker: Tracker) -> Text:
    """The latest message's raw text, which the core reads."""
    return tracker.latest_message.get("text") or ""


def pending(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    """The description waiting for "another patient or a correction?", as {"text", "turn"}."""
    value = tracker.get_slot(PENDING_SLOT)
    if isinstance(value, str):
        return {"text": value, "turn": user_turn(tracker) - 1}
    return value if isinstance(value, dict) and value.get("text") else None


# Encounters the core reads from a message judged on its own ("no clinical cue", "no axillary finding"): in
# the context of a case (a short answer, a correction, "new patient", a button payload) they say nothing.
ALONE_ENCOUNTERS = frozenset({UNRELATED, "no_axillary_finding"})


def without_noise(ext: Extraction, in_context: bool) -> Extraction:
    """The extraction, minus the encounter the core reads from a message judged on its own, in context."""
    if in_context and ext.stated.get("encounter") in ALONE_ENCOUNTERS:
        return replace(ext, facts={**ext.facts, "encounter": None})
    return ext


def reading_context(tracker: Tracker, in_case: bool) -> Tuple[Optional[Text], Optional[Text], Optional[Text]]:
    """(side, lump, treatment) of the case that a message is read in (see read_raw); all None without a case."""
    case = in_case and has_case(tracker)
    treatment = tracker.get_slot("treatment")
    return (tracker.get_slot(SIDE_SLOT) if case else None, tracker.get_slot("axillary_lump") if case else None,
            treatment if treatment in (NAC_STATES if in_case else NAC_STATES[:1]) else None)


def untreated_diagnosis(tracker: Tracker) -> Optional[Text]:
    """The case's diagnosis while no treatment is under way or done: a follow-up may take it back ("no histology
    yet"), whoever the message is about (a new patient's own cancer is read as proven or not by the core)."""
    untreated = has_case(tracker) and tracker.get_slot("treatment") in (None, "none")
    return tracker.get_slot("diagnosis") if untreated else None


def read_raw(tracker: Tracker, text: Text, expecting: Optional[Text] = None, in_case: bool = True) -> Extraction:
    """The core's reading of a message. In the case (`in_case`, unless it says it is a new patient) it is read
    against the case's side, lump and completed chemotherapy; a case's ongoing chemotherapy is always its context.
    A bare correction ("sorry, I meant 1.8") of a case that has a tumour size is read as the size, as the answer
    to a size question would be; so is a bare number ("it's 2.5"), and an exam said of "it" ("it's not palpable")
    is read as the answer to the node question, and a study named alone ("found on CT not mammogram") as the answer
    to how the node was found."""
    expecting = expecting if expecting in bot.FACT_KEYS else None
    if intake.is_typed_payload(text):
        return bot.extract("")  # "/describe_case{...}": slots typed as an intent payload are not a description
    side, lump, treatment = reading_context(tracker, in_case)
    diagnosis = untreated_diagnosis(tracker)
    ext = bot.extract(text, expecting=expecting, side=side, lump=lump, diagnosis=diagnosis)
    if side and ext.new_case:
        ext = bot.extract(text, expecting=expecting)
    if treatment and ext.stated.get("treatment") in (None, "none") and not (
            ext.new_case or ext.stated.get("age") is not None or ext.stated.get("diagnosis") is not None):
        # "she noticed a new lump in her armpit", mid-chemotherapy: a new lump during treatment; "no palpable nodes
        # now", after it: today's exam, not the status at diagnosis; "op in 10 days": the operation after it
        ext = bot.extract(text, expecting=expecting, treatment=treatment, side=side, lump=lump, diagnosis=diagnosis)
    if expecting or intake.has_facts(ext):
        return ext
    # a short follow-up that states no fact on its own may still correct one the case holds
    if tracker.get_slot("tumor_size_cm") and ext.unit:
        return in_unit_meant(tracker, text, ext)
    cues = set(ext.cues)
    imaged, felt = bool(cues & {"MODALITY_MUS", "MODALITY_OTHER"}), bool(cues & {"PALPABLE", "EXAM"})
    if tracker.get_slot("tumor_size_cm") and any(ch.isdigit() for ch in text):
        # "sorry, I meant 1.8", "it's 2.5": a number and nothing else that could own it corrects the size
        again = bot.extract(text, expecting="tumor_size_cm", side=side, lump=lump, diagnosis=diagnosis)
        if again.stated.get("tumor_size_cm") is not None:
            return replace(again, corrected=True)
        if "BARE_NUMBER" in cues and imaged:
            # "MRI says 2.4", "2.4 on MRI though": another reading of the tumour, its unit not given: asked, quoted
            return replace(ext, residue=ext.residue + (Residue("tumor_size_cm", 0, len(text), text),))
    if tracker.get_slot("node_finding") and imaged and not felt and not intake.is_question(text):
        # "found on CT not mammogram": the study that found the case's node, as the answer to that question (not a
        # question that names a study: "the surgeon likes an MRI, why isn't that first?")
        again = bot.extract(text, expecting="node_finding", side=side, lump=lump, diagnosis=diagnosis)
        if again.stated.get("node_finding") not in (None, tracker.get_slot("node_finding")):
            return replace(again, corrected=True)
    if tracker.get_slot("clinical_nodes") and felt:
        # "it's not palpable; US negative" about the case's node: read as the answer to the node question would be
        again = bot.extract(text, expecting="clinical_nodes", side=side, lump=lump, diagnosis=diagnosis)
        if again.stated.get("clinical_nodes") is not None:
            return replace(again, corrected=True)
    return ext


def size_words(tracker: Tracker) -> Optional[Text]:
    """The words the case's tumour size was read from ("3 cm"), when the case keeps them."""
    spans = ((tracker.get_slot(EVIDENCE_SLOT) or {}).get("tumor_size_cm") or {}).get("spans") or []
    return next((s.get("text") for s in spans if isinstance(s, dict) and s.get("text")), None)


def in_unit_meant(tracker: Tracker, text: Text, ext: Extraction) -> Extraction:
    """A unit-only correction ("sorry, mm not cm") read as the case's size in that unit ("3 cm" -> 3 mm); the size
    is asked, quoting the message, when its words cannot be said again in that unit or give no plausible size."""
    said = size_words(tracker)
    restated = in_unit(said, ext.unit) if said and ext.unit else None
    again = bot.extract(restated, expecting="tumor_size_cm") if restated else None
    if again is not None and again.stated.get("tumor_size_cm") is not None:
        return replace(again, corrected=True, evidence={"tumor_size_cm": (Evidence(0, len(text), text),)})
    return replace(ext, corrected=True, residue=ext.residue + (Residue("tumor_size_cm", 0, len(text), text),))


def read(tracker: Tracker, text: Text, expecting: Optional[Text] = None, in_case: bool = True) -> Extraction:
    """The core's reading of a message, without the noise of an unrelated encounter in context."""
    ext = read_raw(tracker, text, expecting, in_case)
    in_context = bool(expecting) or ext.new_case or has_case(tracker) or intent_of(tracker) != "describe_case"
    return without_noise(ext, in_context)


def decide(tracker: Tracker, resumed: bool = False) -> Tuple[intake.Decision, Extraction]:
    """The intake decision for the latest message, and the core's reading of it. `resumed`: the form reads the
    message again after the rules answered it (a follow-up question beside an answer)."""
    text = text_of(tracker)
    requested = tracker.get_slot(REQUESTED_SLOT)
    side = side_chosen(tracker, text)
    if side is not None:
        return side
    # Who the message is about is decided on its own reading; what it adds to this case, on its reading
    # against the case (the case's side, lump and chemotherapy).
    raw = read_raw(tracker, text, requested, in_case=False)
    in_context = bool(requested) or raw.new_case or has_case(tracker) or intent_of(tracker) != "describe_case"
    ext = without_noise(raw, in_context)
    waiting = pending(tracker)
    # the same reading when the case gives no context of its own (no case yet): not read twice
    in_case = ext if reading_context(tracker, True) == reading_context(tracker, False) \
        else without_noise(read_raw(tracker, text, requested), in_context)
    decision = intake.decide(intent_of(tracker), confidence_of(tracker), text, ext,
                             requested=requested if requested in bot.FACT_KEYS else None,
                             pending=waiting["text"] if waiting else None, known=known_facts(tracker),
                             known_side=case_side(tracker), alone_scope=intake.scope_of(raw),
                             in_case=in_case, known_patient=tracker.get_slot(PATIENT_SLOT))
    if decision.why == intake.BOTH_BREASTS:
        return decision, both_breasts(tracker, text)
    if decision.kind in (intake.CONTINUE, intake.ANSWER, intake.CORRECT) and decision.text == text:
        ext = in_case
    if decision.kind == intake.OTHER and requested in bot.FACT_KEYS and resumed:
        stated = answer_beside_question(tracker, text, requested)
        if stated is not None:
            return intake.Decision(intake.ANSWER, text=text, why="answers the question asked beside a question"), stated
    return decision, (raw if decision.why == intake.OUT_OF_SCOPE_PATIENT else ext)


def case_side(tracker: Tracker) -> Optional[Text]:
    """The case's side; "bilateral" while an answer is for one breast of a cancer in each."""
    return "bilateral" if (tracker.get_slot(NOTES_SLOT) or {}).get("focus") else tracker.get_slot(SIDE_SLOT)


def side_chosen(tracker: Tracker, text: Text) -> Optional[Tuple[intake.Decision, Extraction]]:
    """The answer to "which side is the question about?" (a cancer in each breast, the sides giving different
    variants), or a later switch to the other breast ("now the left", "what about the other side?"): the
    description of both breasts, read again for the side picked; None for any other message."""
    noted = tracker.get_slot(NOTES_SLOT) or {}
    asked = any(r.get("kind") == "both_sides" for r in noted.get("residue", ()) if isinstance(r, dict))
    focus = noted.get("focus")
    if not (asked or focus):
        return None
    said = bot.extract(text)
    side = intake.chosen_side(said) or (OTHER_SIDE.get(str(focus)) if intake.names_other_side(said) else None)
    described = described_both(tracker)
    if side is None or side == focus or not described:
        return None
    ext = bot.extract(described, focus=side)
    return (intake.Decision(intake.ANSWER, text=text, why=intake.SIDE_CHOSEN),
            replace(ext, evidence={}) if noted.get("text") else ext)


def described_both(tracker: Tracker) -> Optional[Text]:
    """The description of both breasts the case keeps (the case's messages read as one, or the one message)."""
    noted = tracker.get_slot(NOTES_SLOT) or {}
    said = user_texts(tracker)
    turn = int(noted.get("turn") or 0)
    return noted.get("text") or (said[turn - 1] if 0 < turn <= len(said) else None)


def case_text(tracker: Tracker, text: Text) -> Text:
    """The messages the case took in and the latest one as one text, one message a line (a message answered
    aside, such as "which breast?", is not one of them)."""
    said = (tracker.get_slot(NOTES_SLOT) or {}).get("said")
    if not isinstance(said, list):
        start = int(tracker.get_slot(CASE_START_SLOT) or 0)
        said = user_texts(tracker)[start:-1]
    return "\n".join([*said, text])


def both_breasts(tracker: Tracker, text: Text) -> Extraction:
    """The case read again with a second cancer in the other breast: the case's messages and this one as one
    description (bot/nlp/bilateral.py gives each breast its facts). Its words are quoted from no single message."""
    return replace(bot.extract(case_text(tracker, text)), evidence={})


def user_texts(tracker: Tracker) -> List[Text]:
    """The conversation's user messages, first to latest."""
    return [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]


def answer_beside_question(tracker: Tracker, text: Text, requested: Text) -> Optional[Extraction]:
    """The answer to the question asked in a message that also asks a follow-up ("1.5 cm - and why not
    MRI?"), read from its statement part (offsets into the whole message); None when that part answers nothing.
    Read when the form resumes after the follow-up was answered, so the message gets both answers."""
    part = intake.statement_part(text)
    if part is None or not has_case(tracker):
        return None
    offset, statement = part
    ext = shifted(read(tracker, statement, requested), offset)
    return ext if intake.answers(ext, requested) else None


def case_update(tracker: Tracker, base: Dict[Text, Any], ext: Extraction, turn: int,
                fresh: bool = False, described_over_turns: Optional[Text] = None,
                focus: Optional[Text] = None, said: Optional[Text] = None) -> Dict[Text, Any]:
    """Slot values that change when `ext` (read from user message number `turn`, whose text is `said`) is merged into
    `base`; `fresh` starts a new case. A changed case loses its variant. The case notes keep the texts the case
    took in, and for a cancer in each breast its description (`described_over_turns`) and the breast answered."""
    values: Dict[Text, Any] = dict(bot.merge(base, ext))
    fresh = fresh or ext.new_case or not has_case(tracker)
    earlier = [] if fresh else list((tracker.get_slot(NOTES_SLOT) or {}).get("said") or [])
    # a doubt or a contradiction of an earlier message stays while its fact is unanswered ("completed NST" -> "not
    # sure"): a fact the core would otherwise assume (no treatment yet) is asked again, never assumed once doubted
    def unanswered(key: str) -> bool:
        return values.get(key) is None and ext.stated.get(key) is None

    kept = [] if fresh else [r for r in residue(tracker) if unanswered(r.fact)
                             and r.fact not in {x.fact for x in ext.residue}]
    earlier_conflicts = [] if fresh else (tracker.get_slot(NOTES_SLOT) or {}).get("conflicts") or []
    conflicts = list(dict.fromkeys(list(ext.conflicts) + [k for k in earlier_conflicts if unanswered(k)]))
    values[NOTES_SLOT] = {"conflicts": conflicts, "notes": list(ext.notes),
                          "residue": [r.to_dict() for r in list(ext.residue) + kept], "turn": turn,
                          "said": earlier + ([said] if said else [])}  # the messages the case took in
    if described_over_turns:
        values[NOTES_SLOT]["text"] = described_over_turns  # the case's messages read as one (a second breast)
    if focus:
        values[NOTES_SLOT]["focus"] = focus  # the breast the answer is for (a cancer in each)
    values[PENDING_SLOT] = None
    evidence = {} if fresh else dict(tracker.get_slot(EVIDENCE_SLOT) or {})
    for key, value in ext.stated.items():
        if values.get(key) is not None and key in bot.FACT_KEYS:
            evidence[key] = {"turn": turn, "spans": [e.to_dict() for e in ext.evidence.get(key, ())]}
    values[EVIDENCE_SLOT] = {key: entry for key, entry in evidence.items() if values.get(key) is not None}
    if fresh:
        values[CASE_START_SLOT] = turn - 1
    side = intake.side_of(ext)
    if side or fresh:
        values[SIDE_SLOT] = side
    if fresh or (ext.patient and not tracker.get_slot(PATIENT_SLOT)):
        values[PATIENT_SLOT] = ext.patient  # the first name or label the case is given
    if fresh:
        return {**cleared(), **values}
    changed = {key: value for key, value in values.items() if tracker.get_slot(key) != value}
    if any(key in bot.FACT_KEYS for key in changed):
        changed[VARIANT_SLOT] = None
    return changed


NODE_KEYS = ("clinical_nodes", "node_finding", "axillary_lump")


def side_moved(tracker: Tracker, update: Dict[Text, Any]) -> Dict[Text, Any]:
    """Slot changes when an update moves the case to the other breast ("sorry, it's the left breast"): a node told
    with the old side ("palpable R axillary node") is now the other axilla's, so the node facts are cleared and asked
    again; a node told without a side ("no" to the node question) is the case's axilla whichever breast it is."""
    old, new = tracker.get_slot(SIDE_SLOT), update.get(SIDE_SLOT)
    if not ({old, new} == {"left", "right"}):
        return {}
    evidence = dict(update.get(EVIDENCE_SLOT) or tracker.get_slot(EVIDENCE_SLOT) or {})
    if not any(intake.side_of(bot.extract(span.get("text") or "")) for key in NODE_KEYS
               for span in (evidence.get(key) or {}).get("spans", ())):
        return {}
    return {**{key: None for key in NODE_KEYS}, VARIANT_SLOT: None,
            EVIDENCE_SLOT: {key: entry for key, entry in evidence.items() if key not in NODE_KEYS}}


def replaced(tracker: Tracker, ext: Extraction, turn: int, **notes: Any) -> Dict[Text, Any]:
    """Slot changes that make `ext` the case's facts (a fact it leaves unknown is cleared), keeping the case; `notes`
    go to case_update."""
    update = case_update(tracker, {}, ext, turn, **notes)
    update.update({key: None for key in bot.FACT_KEYS
                   if key not in update and tracker.get_slot(key) is not None and ext.facts.get(key) is None})
    return update


def cleared() -> Dict[Text, Any]:
    """Slot values of no case at all."""
    return {**{key: None for key in bot.FACT_KEYS}, **{slot: None for slot in CASE_SLOTS}}


def apply(tracker: Tracker, decision: intake.Decision, ext: Extraction) -> Dict[Text, Any]:
    """The slot changes a decision makes (none for `other` and `scope`)."""
    turn = user_turn(tracker)
    note: Dict[Text, Any] = {"kind": decision.kind, "why": decision.why}
    if not has_case(tracker) and intake.says_same_patient(text_of(tracker)):
        note["no_earlier_case"] = True
    waiting = pending(tracker)
    if decision.why == intake.SIDE_CHOSEN:
        # one breast's facts replace the case's (the other breast's too); the description is kept for a switch
        noted = tracker.get_slot(NOTES_SLOT) or {}
        return {**replaced(tracker, ext, int(noted.get("turn") or turn), described_over_turns=noted.get("text"),
                           focus=ext.side), INTAKE_SLOT: note}
    if waiting is not None and decision.text is not None and decision.text == waiting["text"] \
            and decision.text != text_of(tracker):
        ext = read(tracker, decision.text, in_case=decision.kind != intake.NEW_CASE)
        turn = int(waiting["turn"])
        note["from_pending"] = True
    if decision.kind in (intake.OTHER, intake.SCOPE):
        return {INTAKE_SLOT: note} if note.get("no_earlier_case") else {}
    if decision.kind == intake.ASK:
        keep = waiting if waiting and waiting["text"] == decision.pending else {"text": decision.pending,
                                                                                 "turn": turn}
        return {PENDING_SLOT: keep, INTAKE_SLOT: note}
    if decision.kind == intake.CLEAR:
        return {**cleared(), INTAKE_SLOT: note}
    if decision.kind == intake.NEW_CASE:
        update = {**case_update(tracker, {}, ext, turn, fresh=True, said=decision.text), INTAKE_SLOT: note}
        if decision.why == intake.OUT_OF_SCOPE_PATIENT and ext.stated.get("encounter") == UNRELATED:
            update["encounter"] = UNRELATED  # a patient with a node elsewhere: out of scope, as read alone
        return update
    # the answer to a question asked, or to the doubt the case's last message raised ("not sure there is a node" ->
    # "no, nothing palpable"), is what the case now holds, whatever it held before
    doubted = {r.fact for r in residue(tracker)}
    answering = (decision.kind == intake.ANSWER and tracker.get_slot(REQUESTED_SLOT) is not None) or any(
        ext.stated.get(key) is not None for key in doubted)
    if not (ext.corrected or intent_of(tracker) == "correct" or note.get("from_pending") or intake.is_description(ext)
            or answering):
        # a clash without a correction word is asked about; a whole description of the patient restates the case
        ext = bot.against(known_facts(tracker), ext)
    if decision.why == intake.BOTH_BREASTS:
        # the case read again as a whole: its facts replace the case's, the other breast's included
        return {**replaced(tracker, ext, turn, described_over_turns=case_text(tracker, text_of(tracker)),
                           said=text_of(tracker)), INTAKE_SLOT: note}
    update = case_update(tracker, known_facts(tracker), ext, turn, said=decision.text)
    update[INTAKE_SLOT] = note
    return update
