"""The intake decision: what one message does to the case, as a pure function (no Rasa, no tracker).

For each message the assistant decides, from what the message states and not only from its intent, whether it

- `continue`s the case (adds facts to it),
- `answer`s the question the assistant asked,
- `correct`s the case (changes a fact of the same patient),
- starts a `new_case` (another patient: "next pt", "different patient", another side with a whole new
  description, an out-of-scope patient such as a man or a neck node),
- must `ask` which of the two it is (the question offers both readings),
- `clear`s the case ("new patient" with nothing else),
- is `other` (a follow-up question, small talk: the rules answer it; the case is untouched), or
- is a `scope` question (screening, a man, a neck node) answered out of scope.

The yes/no, question, "same patient" and "new patient" words come from the core's lexicon
(bot/nlp/patterns/lexicon.yml, labels ANSWER_YES, ANSWER_NO, ANSWER_SAME, ANSWER_NEW, QUESTION_WORD, REQUEST_WORD,
SAME_PATIENT, NEW_CASE, CORRECTION), not from regular expressions in the actions.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Dict, FrozenSet, Mapping, Optional, Sequence, Tuple

import yaml

from bot.facts import Extraction, answers, changed_keys
from bot.faq import detect_topic

LEXICON = Path(__file__).parent / "nlp" / "patterns" / "lexicon.yml"

CONTINUE, ANSWER, CORRECT, NEW_CASE, ASK, CLEAR, OTHER, SCOPE = (
    "continue", "answer", "correct", "new_case", "ask", "clear", "other", "scope")
KINDS = (CONTINUE, ANSWER, CORRECT, NEW_CASE, ASK, CLEAR, OTHER, SCOPE)

# Intents whose messages state or change facts of the case.
CASE_INTENTS = frozenset({"describe_case", "inform", "correct", "new_patient"})
# Below this confidence an intent is a guess: the message may still answer the question asked.
LOW_CONFIDENCE = 0.6
# Facts that say who the patient is: a different value is another patient or a correction (ask).
PERSON_KEYS = ("sex", "age")
# Facts that describe a case; a message stating several of them is a whole description.
CASE_KEYS = ("diagnosis", "tumor_size_cm", "t_category", "clinical_nodes", "axillary_lump", "treatment",
             "tumor_over_2cm", "new_lump_during_treatment")
# Out-of-scope rules that make a message about another patient, whatever the case was (scope.yml ids).
_OTHER_PATIENT_REASONS = ("male", "screening", "other_site")
# A short answer to "new patient or correction?" has at most this many words.
SHORT_REPLY = 6
OUT_OF_SCOPE_PATIENT = "another patient, out of scope"  # the message is read on its own (no context)
NO_CUE = "no clinical cue"  # a message the classifier took for a case message holds not one word the core reads
# Follow-up topics about a result ("biopsy negative", "US normal"): stated without a fact, the follow-up explains it
RESULT_TOPICS = frozenset({"biopsy_positive", "biopsy_negative", "us_negative", "discordant"})
GENERAL_QUESTION = "a question about the guidance"  # "is it only for women with a known cancer?" in a case
OTHER_NAMED = "names a patient other than the case's"  # "back to Mrs A" while the case is Mrs B
UNCHANGED = "a correction that changes no fact the core can read"  # "scrap that, it's not palpable"
SIDE_UNSAID = "a fact of one breast, not saying which, while the case has a cancer in each"  # "actually it's 3 cm"
SIDE_CHOSEN = "picks the breast the question is about"  # "the left one", asked which of two cancers is meant
# read with the case's messages as one description: a second cancer in the other breast ("she also has a new 1 cm R
# IDC"), or a fact of one breast while the case has a cancer in each ("the right axilla has a palpable node")
BOTH_BREASTS = "a cancer in each breast: the case's messages read again with this one"
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|\?")


@dataclass(frozen=True)
class Decision:
    """What a message does to the case. `text` is the message to read into the case (the current one,
    or the description waiting for an answer); `pending` is the description to keep waiting (for `ask`)."""

    kind: str
    text: Optional[str] = None
    pending: Optional[str] = None
    why: str = ""


@functools.lru_cache(maxsize=1)
def _words_of() -> Dict[str, Tuple[Tuple[str, ...], ...]]:
    """Lexicon label -> its phrases, each as a tuple of lowercase words."""
    with open(LEXICON, encoding="utf-8") as f:
        labels = yaml.safe_load(f)["labels"]
    wanted = ("ANSWER_YES", "ANSWER_NO", "ANSWER_UNKNOWN", "ANSWER_SAME", "ANSWER_NEW", "QUESTION_WORD",
              "REQUEST_WORD", "REPORTED_QUESTION", "SAME_PATIENT", "NEW_CASE", "CORRECTION", "COMPARISON", "ADDITION",
              "MODALITY_MUS", "MODALITY_OTHER")
    return {label: tuple(tuple(_WORD.findall(str(p).lower())) for p in labels.get(label, ()))
            for label in wanted}


def words(text: str) -> Tuple[str, ...]:
    return tuple(_WORD.findall((text or "").lower()))


def _has(tokens: Sequence[str], label: str, at_start: bool = False) -> bool:
    for phrase in _words_of()[label]:
        n = len(phrase)
        if not n:
            continue
        starts = (0,) if at_start else range(len(tokens) - n + 1)
        if any(tuple(tokens[i:i + n]) == phrase for i in starts):
            return True
    return False


# A field whose whole value is a question mark ("Plan: ?", "Axilla: ??") says the value is unknown; it asks nothing.
_UNKNOWN_FIELD = re.compile(r"(?m):[ \t]*\?+[ \t]*$")


# A query mark before a word, first or after a punctuation mark ("; ? suspicious node on mammo", "(?mets)"), is
# the notes' "possibly", not a question mark.
_QUERY_MARK = re.compile(r"(?:^|(?<=[;,:(\n]))\s*\?(?=\s?[A-Za-z])")


# A finding offered in doubt and closed by a question mark ("maybe a node?", "possibly 2 cm?"): a hedge, not a
# question to the assistant, when it names no exam to ask about ("maybe an MRI?" asks)
_HEDGE_FIRST = re.compile(r"(?i)^\W*(?:maybe|perhaps|possibly|probably|possible|likely|questionable)\b")


def _doubt(part: str) -> bool:
    tokens = words(part)
    return bool(_HEDGE_FIRST.match(part)) and not any(
        _has(tokens, label) for label in ("QUESTION_WORD", "MODALITY_MUS", "MODALITY_OTHER"))


def is_question(text: str) -> bool:
    """A question: a question mark, a question word first ("why not MRI", "is a PET ok"), or a reported question
    ("she asks if that means she is fine"); a field left as "?" ("Plan: ?") is no question mark, nor is a hedged
    finding's ("maybe a node? hard to say")."""
    tokens = words(_QUERY_MARK.sub(" ", _UNKNOWN_FIELD.sub(":", text or "")))
    marked = "?" in tokens and not all(_doubt(body) for _, body in parts(text) if "?" in body)
    return marked or _has(tokens, "QUESTION_WORD", at_start=True) or _has(tokens, "REQUEST_WORD", at_start=True) \
        or _has(tokens, "REPORTED_QUESTION")


# Where a message divides into parts that may each be a statement or a question: after ? ! ; or a full stop
# before a word, at a dash between spaces, a line break, ", and" / ", but" / ", also", or "but why ..." without a
# comma ("she has no nodes but why not MRI?").
_PART_BREAK = re.compile(r"(?<=[?!;])\s+|(?<=\.)\s+(?=[A-Za-z])|\s+[-–—]+\s+|\n+|,\s*(?=(?:and|but|also|plus)\b)"
                         r"|\s+(?=(?:and|but)\s+(?:why|what|how|should|is|are|do|does|can|could|would|will)\b)")
_LEADING_JOIN = re.compile(r"^(?:(?:and|but|also|plus|so)\b[\s,]*)+", re.I)


def parts(text: str) -> Tuple[Tuple[int, str], ...]:
    """The message's parts as (character offset, text), without a leading "and"/"but": "1.5 cm - and why
    not MRI?" -> ((0, "1.5 cm"), (13, "why not MRI?"))."""
    found, start = [], 0
    for cut in list(_PART_BREAK.finditer(text or "")) + [None]:
        end = cut.start() if cut else len(text or "")
        piece = (text or "")[start:end]
        lead = _LEADING_JOIN.match(piece.strip())
        offset = start + (len(piece) - len(piece.lstrip())) + (lead.end() if lead else 0)
        body = (text or "")[offset:end].strip()
        if body:
            found.append((offset, body))
        start = cut.end() if cut else end
    return tuple(found)


def statement_part(text: str) -> Optional[Tuple[int, str]]:
    """The statement beside the question(s) of a message that states and asks ("1.5 cm - and why not MRI?"
    -> (0, "1.5 cm")): its offset and text, when the statements come together before or after the questions;
    None for a message that only asks or only states."""
    pieces = parts(text)
    asks = [is_question(body) for _, body in pieces]
    if not any(asks) or all(asks):
        return None
    stated = [i for i, q in enumerate(asks) if not q]
    if stated != list(range(stated[0], stated[-1] + 1)) or 0 < stated[0] and stated[-1] < len(pieces) - 1:
        return None  # statements between questions: not one answer
    start = pieces[stated[0]][0]
    last_offset, last_body = pieces[stated[-1]]
    return start, text[start:last_offset + len(last_body)]


def question_parts(text: str) -> Tuple[str, ...]:
    """The parts of a message that are questions ("why not MRI, and why not PET/CT?" -> two)."""
    return tuple(body for _, body in parts(text) if is_question(body))


_TYPED_PAYLOAD = re.compile(r"\s*/\w+\s*[{\[]")


def is_typed_payload(text: str) -> bool:
    """An intent payload with entities ("/describe_case{...}"), typed or sent by a client: not a description."""
    return bool(_TYPED_PAYLOAD.match(text or ""))


def is_comparison(text: str) -> bool:
    """The message compares exams ("why not PET instead of US", "MRI vs US"): a follow-up question, not
    an order check."""
    return _has(words(text), "COMPARISON")


def says_unknown(text: str) -> bool:
    """The message says the fact asked for is not known ("no idea", "not documented", "I'd have to check")."""
    return _has(words(text), "ANSWER_UNKNOWN")


# A message that tells what has happened to the case's patient since ("update: ...", "she's on AC now, ...")
# (after an opening word of a timeline or a reply: "fast forward: she's now on cycle 3", "ok she finished NAC now")
_UPDATE = re.compile(r"(?i)^\s*(?:update\b[^:\n]{0,25}?[:\-–—]|(?:(?:fast[\s-]*forward|later|"
                     r"(?:weeks?|months?)\s+later|ok(?:ay)?|so|and)\s*[:,\-–—]?\s*)?(?:(?:she|he)(?:['’]s|\s+is|\s+has)?\b[^.;\n]*\bnow\b)"
                     r"|now\s*,?\s*(?:she|he)\b)")


# A message that opens on the case's patient by pronoun ("she also had ...", "on re-exam she does have ...",
# "and he's ..."), after at most a few opening words
_PRONOUN_FIRST = re.compile(r"(?i)^\s*(?:(?:and|also|oh|ok(?:ay)?|so|actually|btw|fyi|on\s+re-?exam(?:ination)?|"
                            r"today|now)\s*[,:]?\s*){0,3}(?:she|he)(?:['’]s)?\b")


def says_same_patient(text: str) -> bool:
    """The message refers to a patient discussed before ("same patient", "same pt", "that lady")."""
    return _has(words(text), "SAME_PATIENT")


def pending_reply(text: str, intent: Optional[str] = None, with_facts: bool = False) -> Optional[str]:
    """The answer to "new patient or correction?": "new", "correction", or None when it is not one. A message that
    also states facts (`with_facts`) answers it only in words that name the choice ("new patient", "same patient",
    "correction"): its intent, a "no" ("no nodes") or a "new" ("new palpable node") is about the facts."""
    tokens = words(text)
    if (intent == "new_patient" and not with_facts) or _has(tokens, "NEW_CASE"):
        return "new"
    if (intent == "correct" and not with_facts) or _has(tokens, "SAME_PATIENT") or _has(tokens, "CORRECTION"):
        return "correction"
    if len(tokens) > SHORT_REPLY or with_facts:
        return None
    # "same" / "correction" and "no" answer the question's second reading; "new" / "another" and "yes" its first.
    if _has(tokens, "ANSWER_SAME", at_start=True):
        return "correction"
    if _has(tokens, "ANSWER_NEW", at_start=True) or _has(tokens, "ANSWER_YES", at_start=True):
        return "new"
    if _has(tokens, "ANSWER_NO", at_start=True):
        return "correction"
    return None


def side_of(ext: Extraction) -> Optional[str]:
    """The side the message is about: the core's reading, else its side cues (lumps on both sides: both)."""
    if ext.side:
        return ext.side
    if ext.stated.get("axillary_lump") == "bilateral":
        return "bilateral"
    cues = set(ext.cues)
    if "SIDE_BOTH" in cues or {"SIDE_LEFT", "SIDE_RIGHT"} <= cues:
        return "bilateral"
    if "SIDE_LEFT" in cues:
        return "left"
    if "SIDE_RIGHT" in cues:
        return "right"
    return None


def _both_breasts(ext: Extraction, known: Mapping[str, Any], known_side: Optional[str], text: str) -> bool:
    """A second cancer in the other breast of the case's patient ("she also has a new 1 cm R IDC"), or a fact of one
    breast while the case has a cancer in each ("the right axilla has a palpable node")."""
    side = side_of(ext)
    if side not in ("left", "right") or any(key in changed_keys(known, ext) for key in PERSON_KEYS):
        return False
    second = known_side in ("left", "right") and side != known_side and bool(ext.stated.get("cancer_named")) \
        and _has(words(text), "ADDITION")
    one_of_two = known_side == "bilateral" and bool(known.get("cancer_named")) \
        and known.get("axillary_lump") != "bilateral"
    return second or one_of_two


def chosen_side(ext: Extraction) -> Optional[str]:
    """The side a message picks when it names one side and states no fact ("the left one", "R"): the answer to
    which breast is meant (bilateral cancers); None otherwise."""
    side = side_of(ext)
    return side if side in ("left", "right") and not has_facts(ext) and not ext.residue else None


def names_other_side(ext: Extraction) -> bool:
    """"the other side", "what about the opposite one?": the other breast, with no fact of its own."""
    return "CONTRALATERAL" in ext.cues and not has_facts(ext)


def is_description(ext: Extraction) -> bool:
    """A whole case description: a diagnosis (or lump) with at least two more facts of the case."""
    stated = [key for key in CASE_KEYS if ext.stated.get(key) is not None]
    return len(stated) >= 3 or (len(stated) >= 2 and any(ext.stated.get(k) is not None for k in PERSON_KEYS))


def has_facts(ext: Extraction) -> bool:
    """The message states a fact of a case (an unrelated encounter is no fact)."""
    return any(value is not None for key, value in ext.stated.items()
               if not (key == "encounter" and value == "unrelated"))


def names_patient(ext: Extraction) -> bool:
    """The message names a patient of its own: an age, or a man with a finding ("she" alone is the current
    patient; "is this for male patients?" is a question about the guidance)."""
    if ext.stated.get("age") is not None:
        return True
    return ext.stated.get("sex") == "male" and any(ext.stated.get(k) is not None for k in CASE_KEYS)


def has_case(known: Mapping[str, Any]) -> bool:
    return any(value is not None for value in (known or {}).values())


def scope_of(ext: Extraction) -> Tuple[str, ...]:
    """The ids of the out-of-scope rules (bot/knowledge/scope.yml) the message alone falls under."""
    import bot
    alone = bot.match(ext.facts, conflicts=ext.conflicts, notes=ext.notes)
    return (alone.scope_rule,) if alone.status == bot.OUT_OF_SCOPE and alone.scope_rule else ()


def other_patient_scope(alone_scope: Sequence[str], ext: Extraction) -> bool:
    """The message alone is out of scope for a reason that makes it a patient of its own: a man, screening,
    or a node outside the axilla (an "unrelated" message that names a patient and a node)."""
    if any(r in _OTHER_PATIENT_REASONS for r in alone_scope):
        return True
    person = names_patient(ext)
    return "unrelated" in alone_scope and person and bool({"NODE", "LUMP"} & set(ext.cues))


# A message that opens with a relative who has a new diagnosis of her own ("her sister, 54, was just diagnosed with
# L IDC", "his daughter (34) has a new L IDC 1.1 cm"): not the case's patient (not a family history: "her mother had
# breast cancer at 60").
_RELATIVE_CASE = re.compile(
    r"(?i)^\W*(?:and\s+|also\s+|now\s+)?(?:her|his|the\s+patient[’']s|pt[’']s)\s+(?:twin\s+)?(?:sister|daughter|mother|mum|mom|"
    r"aunt|niece|cousin|brother|son|father|dad)\b(?=[^.;\n]{0,80}?\b(?:new|newly|just|recently|today|this\s+week|"
    r"last\s+week)\b)(?=[^.;\n]{0,80}?\b(?:idc|ilc|cancer|carcinoma|ca|tumou?r|lump|mass|node)\b)")


# An earlier patient of the conversation named again ("back to the first patient", "what about the previous lady?"):
# not the case held, which is the latest patient's
_EARLIER_PATIENT = re.compile(r"(?i)\b(?:back\s+to|about|for|re|regarding)\s+(?:the\s+|my\s+|our\s+)?"
                              r"(?:first|previous|earlier|1st|original)\s+(?:patient|pt|one|lady|woman|case|man)\b")


# A question about using the assistant for someone ("can I use this for ...", "does it work for ...")
_ABOUT_THE_TOOL = re.compile(r"(?i)\b(?:use|using|apply|work|help|cover)\s+(?:this|it|you|the\s+\w+)?\s*"
                             r"(?:\w+\s+){0,2}for\b")


def decide(intent: Optional[str], confidence: float, text: str, ext: Extraction,
           requested: Optional[str] = None, pending: Optional[str] = None,
           known: Optional[Mapping[str, Any]] = None, known_side: Optional[str] = None,
           alone_scope: Sequence[str] = (), in_case: Optional[Extraction] = None,
           known_patient: Optional[str] = None) -> Decision:
    """The intake decision for one message.

    intent, confidence: the classifier's; text, ext: the message and the core's reading of it;
    requested: the fact the assistant asked for (or None); pending: a description waiting for the answer to
    "new patient or correction?"; known: the case's facts; known_side: the side the case is about;
    alone_scope: ids of the out-of-scope rules (scope.yml) the message alone falls under (empty unless the
    message alone is out of scope); in_case: the message read against the case (its side, lump, chemotherapy),
    for what it adds to the case ("a proven node in the right axilla" about a left cancer is distant disease);
    known_patient: the name or label the case's patient was given: a message naming another is not about the case
    (its facts are asked about as another patient's; a question is answered without the case).
    """
    known = known or {}
    if intent == "new_patient" and text.lstrip().startswith("/"):
        ext = replace(ext, new_case=True)  # the "/new_patient" payload, typed or from a button
    unsure = intent == "nlu_fallback" or (confidence or 0.0) < LOW_CONFIDENCE
    # A whole description the classifier did not understand is still a case message.
    case_intent = intent in CASE_INTENTS or (unsure and is_description(ext))
    question = is_question(text)
    # a fact only the case's context gives ("oh and there is one on the right too" beside a left lump) is still one
    facts = has_facts(ext) or (has_case(known) and in_case is not None and not ext.new_case and has_facts(in_case))

    if pending and facts and ext.patient and ext.patient == known_patient and not is_description(ext):
        # "patient 1 now has a palpable node" while "patient 2?" waits: about the case, which it holds
        return Decision(CORRECT if changed_keys(known, ext) else CONTINUE, text=text, why="names the case's patient")
    if pending:
        reply = pending_reply(text, intent, with_facts=facts)
        if reply and not is_description(ext):
            return Decision(NEW_CASE if reply == "new" else CORRECT, text=pending,
                            why=f"answer to the pending question: {reply}")
        if not (facts and (case_intent or not question)):
            if not case_intent and question:
                return Decision(OTHER, pending=pending, why="a follow-up while the question waits")
            return Decision(ASK, pending=pending, why="the pending question is not answered")
        if not is_description(ext):
            # "palpable node" instead of an answer: which patient it is about is still the question, and the
            # fact waits with the description it follows
            return Decision(ASK, pending=f"{pending}\n{text}", why="a fact while the question waits")
        # A further description: the latest one wins, the earlier one is dropped.

    if has_case(known) and not question and _RELATIVE_CASE.search(text):
        # "her sister, 54, was just diagnosed with L IDC too": a relative's own case is another patient's
        return Decision(ASK, pending=text, why="a relative's own case")
    earlier = bool(_EARLIER_PATIENT.search(text))  # "back to the first patient - why not PET for her?"
    if (earlier or ext.patient and known_patient and ext.patient != known_patient) and has_case(known) \
            and not ext.new_case:
        if is_description(ext) and not question:
            return Decision(NEW_CASE, text=text, why=OTHER_NAMED)  # "Mrs B: 70F new 1 cm IDC R, cN0" after Mrs A
        if facts and not question and not earlier:
            # "for Mrs A, the size is 1.5 cm" in Mrs B's case (an earlier patient's fact alone, "back to the first
            # one: palpable node", cannot start her case again: she is described again)
            return Decision(ASK, pending=text, why=OTHER_NAMED)
        return Decision(OTHER, why=OTHER_NAMED)  # "back to patient A - why not PET?"
    if "several_patients" in alone_scope:
        return Decision(SCOPE, text=text, why="several patients in one message")  # the case stays as it was
    if ext.corrected and facts and has_case(known) and not (question or ext.new_case or names_patient(ext)):
        if _both_breasts(ext, known, known_side, text):
            return Decision(CONTINUE, text=text, why=BOTH_BREASTS)  # "actually the right axilla has a node"
        # "oh, I should have said - the patient is male": a correction, whatever the classifier thought
        return Decision(CORRECT, text=text, why="correction words with a fact of the case")
    if question and not (ext.stated.get("age") or ext.stated.get("tumor_size_cm") or ext.patient) \
            and detect_topic(text) == "scope" and _ABOUT_THE_TOOL.search(text):
        # "can I use this for a man with breast cancer?": whom the guidance covers, not a patient of this case
        return Decision(OTHER, why="a scope question")
    if other_patient_scope(alone_scope, ext):
        if names_patient(ext) or is_description(ext):
            return Decision(NEW_CASE, text=text, why=OUT_OF_SCOPE_PATIENT)
        if intent != "faq_scope" and not (requested and answers(ext, requested)) \
                and not (question and detect_topic(text) == "scope"):
            # "which patients ...", "male breast ca covered?": the follow-up about whom the guidance covers
            return Decision(SCOPE, text=text, why="a scope question")

    if case_intent and question and intent != "new_patient" and has_case(known) and not (
            names_patient(ext) or ext.stated.get("tumor_size_cm") is not None or side_of(ext) or ext.corrected
            or ext.new_case or (requested and answers(ext, requested))):
        # a question that names no patient of its own, taken for a case message: about the guidance, not the case
        return Decision(OTHER, why=GENERAL_QUESTION)
    if not case_intent and not question and sum(ext.stated.get(k) is not None for k in CASE_KEYS) >= 2:
        case_intent = True  # "new IDC at least 2 cm, cN0" taken for a follow-up: a statement of the case's facts
    if not case_intent and facts and not question and has_case(known) and not ext.new_case \
            and (not answers(ext, requested) if requested else adds_to(known, in_case or ext)):
        # "she completed NAC, surgery next week" while the size question waits, or "US shows a suspicious node"
        # after the answer: facts of the case, whatever follow-up topic the classifier heard in them
        case_intent = True
    if not case_intent and facts and not question and not has_case(known) and not requested \
            and not _has(words(text), "QUESTION_WORD"):
        # "finished neoadjuvant chemotherapy, surgery next week" to begin with: the case's first fact, whatever
        # follow-up topic the classifier heard in it ("positive node bx - now what" asks, wherever its "what" is)
        case_intent = True
    if not case_intent and facts and question and has_case(known) and not (ext.new_case or requested) \
            and statement_part(text) is not None and adds_to(known, in_case or ext, _FINDINGS):
        # "update: the US has now been done and shows a round node. What next?": a new finding of the case, and its
        # question (answered beside it when it names a follow-up topic); not a plan ("she's getting NAC - still
        # need the US?"), which the question is about
        case_intent = True
    if not case_intent and not has_case(known) and not requested and names_patient(ext) \
            and (is_description(ext) or ext.stated.get("diagnosis") is not None):
        # a pasted report of a patient ("Histologic type: IDC ... Clinical: 66 yo woman. Q: imaging for the axilla?")
        # to begin with: her case, whatever follow-up its question sounded like (the follow-up is answered beside)
        case_intent = True
    if not case_intent and ext.residue and not (facts or question or ext.new_case) and has_case(known):
        # "on re-exam not sure there is a node": a doubt about a fact of the case, which it asks about again
        case_intent = True
    if not case_intent and ext.corrected and not question and has_case(known) and not pending:
        case_intent = True  # "ignore my last message", "disregard the node": the case corrected, whatever the intent
    if requested and not facts and says_unknown(text):
        # "no idea", "I'd have to check": an answer that it is not known, whatever follow-up it sounded like
        return Decision(ANSWER, text=text, why="the fact asked for is not known")
    if not case_intent:
        # the answer read against the case too: "yep, can feel one in the R armpit" answers it in a right case
        if requested and (answers(ext, requested) or in_case is not None and not in_case.new_case
                          and answers(in_case, requested)) and (unsure or not question):
            return Decision(ANSWER, text=text, why="answers the question asked")
        if ext.new_case and facts and not question:
            return Decision(NEW_CASE, text=text, why="new-patient words with a case")
        return Decision(OTHER, why="not a case message")

    if not (facts or ext.cues or ext.side or ext.new_case):
        return Decision(OTHER, why=NO_CUE)  # "xqzv blorptang" as `inform`: not understood, whatever the intent
    if ext.new_case:
        return Decision(NEW_CASE if facts else CLEAR, text=text, why="new-patient words")
    if not has_case(known):
        return Decision(CONTINUE, text=text, why="the first message of a case")
    if not facts:
        if not requested and detect_topic(text) in RESULT_TOPICS:
            # "biopsy negative" after the answer: a result of no fact the case holds, which its follow-up explains
            return Decision(OTHER, why=GENERAL_QUESTION)
        return Decision(CONTINUE, text=text, why="nothing stated")
    if _both_breasts(ext, known, known_side, text):
        # both breasts now: each is read for its own facts, and the side is asked when they give different variants
        # (matching-rules.md, synchronous bilateral cancers)
        return Decision(CONTINUE, text=text, why=BOTH_BREASTS)
    if ext.corrected:
        return Decision(CORRECT, text=text, why="correction words")

    changed = changed_keys(known, ext)
    person = [key for key in changed if key in PERSON_KEYS]
    side = side_of(ext)
    # "no node on the right, but a palpable left one" for a right cancer names the case's side too: not another side
    named = {s for s, label in (("left", "SIDE_LEFT"), ("right", "SIDE_RIGHT")) if label in ext.cues}
    other_side = bool(side and known_side and side != known_side and "bilateral" not in (side, known_side)
                      and known_side not in named)
    description = is_description(ext)
    if person and description and ext.stated.get("diagnosis") is not None:
        return Decision(NEW_CASE, text=text, why=f"a whole description of a patient of another {person[0]}")
    if person:
        return Decision(ASK, pending=text, why=f"a different {', '.join(person)} without a correction word")
    if other_side and description and ext.stated.get("diagnosis") is not None:
        return Decision(NEW_CASE, text=text, why="another side with a whole new description")
    if requested and answers(ext, requested) and not other_side:
        return Decision(ANSWER, text=text, why="answers the question asked")
    if other_side and known.get("axillary_lump") and (in_case or ext).stated.get("axillary_lump") == "bilateral" \
            and _has(words(text), "ADDITION"):
        return Decision(CORRECT, text=text, why="a lump on the other side too")  # "she has one on the right too"
    if other_side and requested == "clinical_nodes" and not description and ext.stated.get("clinical_nodes") != \
            "positive" and not (in_case or ext).stated.get("clinical_nodes"):
        # "no palpable node in the R axilla" for a left cancer: the other axilla's exam, which says nothing of the
        # case's; the question stands
        return Decision(CONTINUE, text=text, why="the other axilla's negative exam")
    if other_side and _PRONOUN_FIRST.search(text) and not ext.stated.get("age") and not (
            description and ext.stated.get("diagnosis") == "new_primary"):
        return Decision(CORRECT, text=text, why="the case's patient, by pronoun")  # "she also had a R cancer in 2010"
    if other_side:
        return Decision(ASK, pending=text, why="another side without a correction word")
    if description and not requested and [k for k in changed if k in CASE_KEYS]:
        if ext.stated.get("age") is not None and ext.stated.get("age") == known.get("age"):
            return Decision(CORRECT, text=text, why="the same patient described again")
        if _UPDATE.search(text) or (_PRONOUN_FIRST.search(text) and ext.stated.get("diagnosis") is None):
            # "update: she's now on ...", "she's on docetaxel now, ... new L axillary lump": the case's patient
            return Decision(CORRECT, text=text, why="an update of the case's patient")
        return Decision(ASK, pending=text, why="a whole description that changes the complete case")
    if known.get("diagnosis") and ext.stated.get("diagnosis") and ext.stated["diagnosis"] != known["diagnosis"]:
        return Decision(ASK, pending=text, why="a different diagnosis without a correction word")
    return Decision(CORRECT if changed else CONTINUE, text=text, why="adds to the case")


_FINDINGS = ("tumor_size_cm", "clinical_nodes", "node_finding", "axillary_lump", "distant_metastases")
_ADDING = CASE_KEYS + PERSON_KEYS + ("node_finding", "distant_metastases", "encounter", "neoadjuvant_unclear")


def adds_to(known: Mapping[str, Any], ext: Extraction, keys: Sequence[str] = _ADDING) -> bool:
    """The message states a fact of the case (of `keys`) that the case does not hold yet, or holds with another
    value (a situation no variant covers, such as "no histology yet", is one: it takes the case out of scope)."""
    return any(value is not None and known.get(key) != value for key, value in ext.stated.items() if key in keys)


def readings(known: Mapping[str, Any], ext: Extraction) -> Dict[str, Dict[str, Any]]:
    """The two readings of an ambiguous message: its facts alone (new patient) or merged (correction)."""
    from bot.facts import merge
    return {"new": dict(merge({}, ext)), "correction": dict(merge(known, ext))}


ALL: FrozenSet[str] = frozenset(KINDS)
