"""Read the contract's facts from one message: normalise, run the rule pipeline, then a declared sequence of readers.

Each reader (bot/nlp/sizes.py, nodes.py, stage.py, course.py) is a pure function of the message's cues and
the facts read before it (its `needs`). It returns the value, the cues it was read from (the evidence shown to
the clinician), whether the message contradicts itself, and the words it could not place (asked about instead
of guessed).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Dict, List, Optional, Sequence, Tuple

from bot.facts import Evidence, Extraction, Facts, Residue, empty, validate
from bot.features import size_class
from bot.nlp import bilateral, course, nodes, patients, sizes, stage
from bot.nlp.components import CONTEXT_KEY, Cue, token_table
from bot.nlp.normalise import normalise
from bot.nlp.pipeline import answer_fillers, parse
from bot.nlp.reading import Read, Reader, Reading, inside
from bot.reasons import Note

READERS: Tuple[Reader, ...] = (
    Reader("sex", course.sex),
    Reader("age", course.age),
    Reader("cancer_history", course.history),
    Reader("diagnosis", course.diagnosis),
    Reader("t_category", stage.t_category),
    Reader("cancer_named", course.cancer_named, needs=("t_category",)),
    Reader("treatment", course.treatment, needs=("diagnosis", "cancer_history")),
    Reader("neoadjuvant_unclear", course.neoadjuvant_unclear, needs=("treatment", "cancer_history")),
    Reader("tumor_size_cm", sizes.tumor_size, needs=("treatment", "neoadjuvant_unclear")),
    Reader("tumor_over_2cm", sizes.tumor_over_2cm, needs=("t_category", "tumor_size_cm")),
    Reader("new_lump_during_treatment", course.new_lump_during, needs=("treatment",)),
    Reader("clinical_nodes", nodes.clinical_nodes, needs=("cancer_history", "treatment", "new_lump_during_treatment")),
    Reader("node_finding", nodes.node_finding, needs=("clinical_nodes", "diagnosis", "cancer_named")),
    Reader("axillary_lump", nodes.axillary_lump, needs=("cancer_history",)),
    Reader("distant_metastases", course.distant_metastases, needs=("diagnosis", "cancer_named")),
    Reader("encounter", course.encounter,
           needs=("diagnosis", "cancer_named", "clinical_nodes", "axillary_lump", "treatment")),
)
# A contradiction in a comparison is a contradiction about the size.
_CONFLICT_KEY = {"tumor_over_2cm": "tumor_size_cm", "t_category": "tumor_size_cm"}


def _check_order(readers: Tuple[Reader, ...]) -> None:
    """Every reader's inputs are read before it (checked once, at import)."""
    seen: set = set()
    for reader in readers:
        missing = set(reader.needs) - seen
        if missing:
            raise ValueError(f"reader {reader.fact} needs {sorted(missing)} read before it")
        seen.add(reader.fact)


_check_order(READERS)


def read(text: str, expecting: Optional[str] = None, explain: bool = False,
         case_side: Optional[str] = None, case_lump: Optional[str] = None,
         case_diagnosis: Optional[str] = None) -> Tuple[Reading, List[Note]]:
    """Normalise the message, run the pipeline and index its cues (and, to explain them, the context cues)."""
    norm, notes = normalise(text)
    doc = parse(norm.text)
    tokens = token_table(doc)
    return Reading(cues=list(doc._.cues), tokens=tokens.text, expecting=expecting, text=norm, norms=tokens.norm,
                   modifiers=tuple(_modifiers(doc)) if explain else (), case_side=case_side,
                   case_lump=case_lump, case_diagnosis=case_diagnosis), notes


def _modifiers(doc) -> List[Cue]:
    """The context phrases that matched (labelled by ConText category), as cues with offsets, for explanations."""
    return [Cue(label=s.label_, start=s.start, end=s.end, text=s.text, clause=-1, sentence=-1,
                start_char=s.start_char, end_char=s.end_char)
            for s in doc.spans.get(CONTEXT_KEY, [])]


# Cue labels of each question's own topic; a yes/no in a clause about another topic answers that topic, not the
# question asked ("no chemo" to the node question, "no palpable nodes" to the treatment question).
_NODE_TOPIC = frozenset({"NODE", "LUMP", "AXILLA", "PALPABLE", "EXAM", "NODE_NEG", "NODE_POS", "SUSPICIOUS",
                         "MODALITY_MUS", "MODALITY_OTHER", "FINDING_WORD", "NSTAGE"})
_TREATMENT_TOPIC = frozenset({"NAC", "NAC_ONGOING", "NAC_ONGOING_WEAK", "NAC_DONE", "NO_TREATMENT", "TREATMENT_WORD",
                              "SURGERY", "SURGERY_DONE", "SURGERY_GENERIC", "NEOADJUVANT", "ADJUVANT", "ENDOCRINE"})
_METASTASIS_TOPIC = frozenset({"METASTASIS", "DISTANT_SITE", "MSTAGE", "FINDING_WORD"})
_QUESTION_TOPICS = {"clinical_nodes": _NODE_TOPIC | {"SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH"},
                    "treatment": _TREATMENT_TOPIC, "distant_metastases": _METASTASIS_TOPIC}
_ALL_TOPICS = _NODE_TOPIC | _TREATMENT_TOPIC | _METASTASIS_TOPIC


_FINDING_NO = {"normal", "negative", "absent"}


def _bare(reading: Reading, key: str, label: str) -> List[Cue]:
    """The stated yes (or no) cues of a message that is only an answer to the question asked: every other word is
    a filler (answers.yml), punctuation or a word of the question's own topic; none otherwise ("no pain",
    "triple negative", "no, not started chemo" to the node question)."""
    found = reading.live(label)
    if not found:
        return []
    own = _QUESTION_TOPICS.get(key, frozenset()) | {"ANSWER_YES", "ANSWER_NO"}
    covered = {i for c in reading.cues if c.label in own for i in range(c.start, c.end)}
    fillers = answer_fillers()
    for i, token in enumerate(reading.tokens):
        if i not in covered and token.lower() not in fillers and any(ch.isalnum() for ch in token):
            return []
    return found


_EXAM_NAMED = frozenset({"exam", "examination", "clinical exam", "physical exam"})


# The words of a reply that says a node is there, to the question whether one is felt ("yes, there's a node",
# "re-examined together: definite node"): those that say it is there, and the exam's own words
_PRESENT = frozenset({"there", "present", "definite", "definitely", "clearly", "obvious", "obviously", "certainly"})
_EXAMINED = frozenset({"exam", "examined", "re", "reexamined", "examination", "again", "on", "we", "i", "together",
                       "felt", "feel", "can", "her", "-", "–", "—", ":"})
_THERE_IS = _PRESENT | _EXAMINED | frozenset({"yes", "yeah", "yep", "'s", "’s", "is", "a", "an", "one", "she", "has",
                                              "got", "indeed", "axillary", ",", ".", "!"})


def _node_said_there(reading: Reading) -> bool:
    """A short reply that only says there is a node or lump, named with no side, study or doubt ("there's a node",
    "yes she has a lump"): the answer yes to the node question."""
    nodes = reading.all("NODE", "LUMP")
    covered = {i for c in nodes + reading.live("PALPABLE") for i in range(c.start, c.end)}
    said = [t.lower() for t in reading.tokens]
    return len(nodes) == 1 and not (nodes[0].negated or nodes[0].uncertain or nodes[0].family) \
        and (bool(_PRESENT.intersection(said)) or reading.has("ANSWER_YES")) \
        and all(i in covered or t in _THERE_IS for i, t in enumerate(said))


def short_answer(reading: Reading, facts: Facts) -> Optional[str]:
    """The fact a bare 'yes', 'no', 'both sides' or 'on the mammogram' answers, set in `facts`; none when the
    message says it does not know ("no idea")."""
    key = reading.expecting
    if key is None or facts.get(key) is not None or reading.has("ANSWER_UNKNOWN"):
        return None
    if key == "clinical_nodes" and reading.live("NOT_EXAMINED"):
        return None  # "no exam yet", "exam not done": no answer, whatever its "no"
    if key == "clinical_nodes" and any(
            c.uncertain and not c.family for c in reading.all("ANSWER_YES", "ANSWER_NO", "PALPABLE", "NODE", "EXAM")):
        return None  # "yes?": asked again
    yes, no = _bare(reading, key, "ANSWER_YES"), _bare(reading, key, "ANSWER_NO")
    # a bare "yes"/"no" answers the node question; a message about nodes that the readers left open does not
    # ("axillary US showed no enlarged nodes": imaging alone, not the exam)
    imaged = reading.has("MODALITY_MUS", "MODALITY_OTHER")
    # "yep, can feel one in the R armpit": felt, in the case's own axilla
    sides = {"left" if c.label == "SIDE_LEFT" else "right" for c in reading.all("SIDE_LEFT", "SIDE_RIGHT")}
    felt_there = bool(yes and reading.live("PALPABLE")) and sides <= {reading.case_side}
    if key == "clinical_nodes" and (yes or no) and not (yes and no) \
            and not reading.has("NODE", "LUMP", "MODALITY_MUS", "MODALITY_OTHER") \
            and (felt_there or not reading.has("AXILLA")):
        facts[key] = "positive" if yes else "negative"
    elif key == "clinical_nodes" and imaged and not reading.has("NODE", "LUMP") \
            and ((yes and not no) or reading.live("SUSPICIOUS")):
        # "yes, on US", "neg on exam, US suspicious": a node seen on imaging answers it, whatever the exam found
        facts[key] = "positive"
        facts["node_finding"] = "mammography_or_us" if reading.has("MODALITY_MUS") else "other_imaging"
    elif key == "clinical_nodes" and _node_said_there(reading):
        facts[key], facts["node_finding"] = "positive", "palpable"  # "there's a node", "yes, she has one"
    elif key == "clinical_nodes" and not reading.has("NODE", "LUMP", "AXILLA", "TUMOR", "CANCER"):
        # "it's not palpable; US negative", "it is palpable": the exam said of the node asked about
        # (tenderness is the patient's, not a node: "she's very tender"; "the exam is difficult" names the exam only)
        felt = [c for c in reading.all("PALPABLE") if not (c.negated or c.uncertain or c.family)
                and "tender" not in c.text.lower() and c.text.lower() not in _EXAM_NAMED]
        unfelt = [c for c in reading.all("PALPABLE") if c.negated and not (c.uncertain or c.family)]
        # a study that shows something ("no palpable but the mammogram shows one") is left to be asked
        shown = [m for m in reading.live("MODALITY_MUS", "MODALITY_OTHER")
                 if not reading.within(m, ["FINDING_WORD", "ANSWER_NO"], 0, 2)]
        if unfelt and not felt and not shown:
            facts[key] = "negative"
        elif felt and not unfelt and not reading.has("SUSPICIOUS", "MODALITY_MUS", "MODALITY_OTHER"):
            facts[key], facts["node_finding"] = "positive", "palpable"
    elif key == "node_finding":
        # the study named, not the one denied ("found on CT not mammogram") nor one that found nothing ("US was
        # normal": no finding at all)
        for label, value in (("MODALITY_MUS", "mammography_or_us"), ("MODALITY_OTHER", "other_imaging"),
                             ("PALPABLE", "palpable"), ("LUMP", "palpable")):
            if [c for c in reading.live(label) if not reading.within(c, ["FINDING_WORD", "ANSWER_NO"], 0, 3)]:
                facts[key] = value
                break
    elif key == "diagnosis":
        if reading.has("NEW"):
            facts[key] = "new_primary"
        elif no:
            facts[key] = "none_known"
    elif key == "treatment" and [c for c in no if c.text.lower() not in _FINDING_NO]:
        facts[key] = "none"  # "no", "none", "not yet"; a finding's "normal" or "negative" says nothing of it
    elif key == "treatment":
        # "she finished it", "last cycle is next week": of the stages asked about, chemotherapy's, done or under way
        ongoing, done = _bare(reading, key, "NAC_ONGOING"), _bare(reading, key, "NAC_DONE")
        if bool(ongoing) != bool(done) and not reading.has("SURGERY", "SURGERY_DONE", "ADJUVANT", "ENDOCRINE"):
            facts[key] = "neoadjuvant_ongoing" if ongoing else "neoadjuvant_completed"
    elif key == "distant_metastases" and (yes or no) and not (yes and no):
        facts[key] = bool(yes)
    return key if facts.get(key) is not None else None


_JOIN_GAP = 24  # characters: spans of one fact closer than this in one sentence are quoted as one phrase


def _evidence(reading: Reading, cues: Tuple[Cue, ...]) -> Tuple[Evidence, ...]:
    """The phrases of the original message a fact was read from ("palpable 1.5 cm L axillary node")."""
    groups: List[List[Cue]] = []
    for cue in sorted(set(cues), key=lambda c: (c.start_char, c.end_char, c.label)):
        last = groups[-1][-1] if groups else None
        if last is not None and last.sentence == cue.sentence and cue.start_char - last.end_char <= _JOIN_GAP:
            groups[-1].append(cue)
        else:
            groups.append([cue])
    spans = []
    for group in groups:
        start, end, text = reading.quote(group)
        if text.strip():
            spans.append(Evidence(start, end, text))
    return tuple(spans)


_NOT_IN_PHRASE = {"CANCER", "BREAST", "SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH", "NEW", "NEW_DX", "AGE", "AGE_SEX"}


def _phrase(reading: Reading, cue: Cue) -> List[Cue]:
    """A cue with the words touching it that make it a phrase ("indeterminate 8 mm lung nodule", not "lung")."""
    pool = [c for c in reading.cues if c.label not in _NOT_IN_PHRASE and c.clause == cue.clause]
    phrase = [cue]
    grown = True
    while grown:
        start, end = min(c.start for c in phrase), max(c.end for c in phrase)
        more = [c for c in pool if c not in phrase and (end <= c.start <= end + 1 or start - 1 <= c.end <= start)]
        phrase += more
        grown = bool(more)
    return phrase


def extract(text: str, expecting: Optional[str] = None, treatment: Optional[str] = None,
            side: Optional[str] = None, lump: Optional[str] = None, focus: Optional[str] = None,
            diagnosis: Optional[str] = None) -> Extraction:
    """The facts one message states (null when unstated), where each was read, contradictions and residue.

    `treatment` is the case's treatment status, for a message that states none: the readers after it see it
    ("she noticed a new lump in her armpit" during chemotherapy is a new lump during treatment), but it is not
    reported as stated. `side` ("left", "right", "bilateral") is the side of the case a follow-up adds to: a
    message that names no cancer side reads its axillary findings against it ("R axilla negative" about a
    left cancer is the other axilla). `Extraction.side` stays the message's own. `lump` is the case's axillary
    lump ("unilateral", "bilateral"), for a short correction of its sides ("sorry, only the left"). A report's
    ADDENDUM revises the report (see `revised`). A message with a cancer in each breast whose sides lead to
    different variants leaves the differing facts unknown, with a `both_sides` residue (which side is meant?);
    `focus` ("left", "right") reads that message for one breast only (bot/nlp/bilateral.py). `diagnosis` is the
    case's diagnosis, for a follow-up that takes it back ("no histology yet": no tissue diagnosis). A list of
    patients whose question names one of them is read for that patient's entry only (bot/nlp/patients.py)."""
    entry = patients.asked_entry(text)
    if entry is not None:
        # a list of patients whose question names one of them: only that one's entry is read, after a heading
        # that numbers it (the "#3" of "#3 J.N. 61F" is no age; "Mrs Bello, 52" is the patient)
        start = entry.start + (0 if patients.named(entry) else len(entry.heading))
        alone = extract(text[start:entry.end], expecting, treatment, side, lump, focus, diagnosis)
        return replace(shifted(alone, start),
                       notes=alone.notes + (Note.of("one_of_several", heading=entry.heading),))
    whole, _ = _extract(text, expecting, treatment, side, lump, focus, diagnosis)
    found = _ADDENDUM.search(text)
    if found is None or not text[:found.start()].strip():
        return whole
    addendum, reading = _extract(text[found.start():], None, treatment, side, lump, diagnosis=diagnosis)
    return revised(whole, shifted(addendum, found.start()), found.start(), [
        shifted_residue(reading, cue, "clinical_nodes", found.start()) for cue in reading.all("NODE")[:1]],
        examined=reading.has("EXAM", "PALPABLE"), denied=[
            shifted_residue(reading, c, "diagnosis", found.start()) for c in reading.all("CANCER")
            if c.negated and not (c.family or c.historical)][:1])


_ADDENDUM = re.compile(r"(?i)\baddend(?:um|a)\b")
# "she's 75 not 57", "1.8, not 2.8": one value said instead of another, a correction of the case
_INSTEAD = re.compile(r"(?i)\b\d{1,3}(?:[.,]\d{1,2})?\s*(?:cm|mm)?\s*,?\s*(?:not|instead\s+of|rather\s+than)\s+\d")
# What an addendum revises in a report: the axillary node's status and distant disease (a node reclassified
# benign, bone lesions found to be metastases). The study that showed a node stays the one the report's body
# names; other facts are read from the whole text, addendum included.
_REVISED = ("clinical_nodes", "distant_metastases")
_FOUND = ("positive", True)


def shifted(ext: Extraction, offset: int) -> Extraction:
    """An extraction of the text's part that starts at `offset`, with its spans as offsets into the whole text."""
    return replace(ext, evidence={k: tuple(replace(e, start=e.start + offset, end=e.end + offset) for e in spans)
                                  for k, spans in ext.evidence.items()},
                   residue=tuple(replace(r, start=r.start + offset, end=r.end + offset) for r in ext.residue))


def shifted_residue(reading: Reading, cue: Cue, fact: str, offset: int) -> Residue:
    """The words of the sentence of `cue` (in a part of the text that starts at `offset`), asked about for `fact`."""
    start, end, quoted = reading.quote([c for c in reading.cues if c.sentence == cue.sentence])
    return Residue(fact, start + offset, end + offset, quoted)


def revised(whole: Extraction, addendum: Extraction, offset: int, node_words: List[Residue],
            examined: bool = False, denied: Sequence[Residue] = ()) -> Extraction:
    """A report (read whole) with its addendum (read alone, from character `offset`), for the facts an addendum
    revises when the whole text's value was read from the body only. What the addendum finds replaces the body's
    ("the bone lesions are metastases"); what it takes back is asked about, quoting it, unless it is the clinical
    exam's negative axilla (`examined`: the addendum speaks of the exam), since read alone it has lost the
    report's context (an imaging "benign node" alone is not node-negative). An addendum that speaks of the node
    again without a status that can be read leaves the body's status to be asked, quoting the addendum's words. An
    addendum that denies a carcinoma (`denied`: "pathology revised: benign phyllodes, no carcinoma identified") takes
    the report's cancer back: the diagnosis is asked, quoting it."""
    facts, evidence, residue = dict(whole.facts), dict(whole.evidence), list(whole.residue)
    conflicts = list(whole.conflicts)
    if denied and facts.get("diagnosis") in ("new_primary", "local_recurrence"):
        facts["diagnosis"] = None
        evidence.pop("diagnosis", None)
        residue += denied
    # an addendum that says it corrects ("dictation error: the mass measures 1.3 cm") also corrects the size
    corrected = ("tumor_size_cm",) if addendum.corrected and addendum.facts.get("tumor_size_cm") else ()
    for key in _REVISED + corrected:
        from_body = key in corrected or all(e.end <= offset for e in whole.evidence.get(key, ()))
        if not from_body or whole.facts.get(key) is None and key not in whole.conflicts:
            continue
        value = addendum.facts.get(key)
        if value in _FOUND or key in corrected or (key == "clinical_nodes" and value == "negative" and examined):
            facts[key], evidence[key] = value, addendum.evidence.get(key, ())
            conflicts = [k for k in conflicts if k != key]
        elif value is not None and value != whole.facts.get(key):
            # taken back by the addendum, read without the report's own context (which study, which exam): asked
            facts[key] = None
            evidence.pop(key, None)
            residue += [Residue(key, e.start, e.end, e.text) for e in addendum.evidence.get(key, ())[:1]]
        elif value is None and key == "clinical_nodes" and node_words:
            facts[key] = facts["node_finding"] = None
            evidence.pop(key, None)
            residue += node_words
    return replace(whole, facts=validate(facts), evidence=evidence, residue=tuple(residue), conflicts=tuple(conflicts))


def _extract(text: str, expecting: Optional[str], treatment: Optional[str],
             side: Optional[str] = None, lump: Optional[str] = None,
             focus: Optional[str] = None, diagnosis: Optional[str] = None) -> Tuple[Extraction, Reading]:
    """extract() of one text, with the reading it was made from."""
    reading, notes = read(text, expecting, case_side=side, case_lump=lump, case_diagnosis=diagnosis)
    if focus in bilateral.SIDES:
        reading = bilateral.focused(reading, focus)
        notes.append(Note.of("one_breast", side=focus))
    found = _run(reading, treatment)
    facts, conflicts, residue = found.facts, list(found.conflicts), list(found.residue)
    evidence = dict(found.evidence)
    if focus is None and bilateral.cancer_each_side(reading):
        left, right = (_run(bilateral.focused(reading, s), treatment) for s in bilateral.SIDES)
        differing = _differing(left, right)
        if bilateral.unsided_finding(reading) and "clinical_nodes" not in differing:
            differing += ("clinical_nodes",)  # a node of neither breast: whose it is decides both
        for key in differing:
            # two breasts, two variants: which side the question is about is asked (matching-rules.md)
            for fact in _DECIDED_WITH[key]:
                facts[fact] = None
                evidence.pop(fact, None)
            conflicts = [k for k in conflicts if k != key]
            residue = [r for r in residue if r.fact != key]
            residue.append(_both_sides_residue(reading, key, left, right))
    if reading.expecting == "clinical_nodes" and facts.get("tumor_size_cm") is not None \
            and reading.has("PALPABLE", "NODE", "LUMP") and not reading.has("TUMOR", "CANCER", "BREAST"):
        # "definitely palpable on re-exam, about 1.5 cm", to the node question: the node's size
        facts["tumor_size_cm"] = facts["tumor_over_2cm"] = None
        evidence.pop("tumor_size_cm", None)
    answered = short_answer(reading, facts)
    if answered and reading.cues:
        evidence[answered] = _evidence(reading, tuple(reading.cues))
    if reading.expecting == "clinical_nodes" and nodes.doubted(reading):
        # "felt something but not convinced", "resident felt one, I didn't": the answer is in doubt, asked again
        facts["clinical_nodes"] = facts["node_finding"] = None
        conflicts = [k for k in conflicts if k != "clinical_nodes"]
    if facts.get("encounter") == "several_patients":
        # one patient per case: the facts of two patients are never shown or used as one patient's
        facts = {**empty(), "encounter": "several_patients"}
        conflicts, residue = [], []
    facts = validate(facts)
    return Extraction(
        facts=facts, conflicts=tuple(dict.fromkeys(conflicts)),
        corrected=bool(reading.all("CORRECTION", "REASSIGNED") or _INSTEAD.search(reading.plain)),
        # "I confused her with another patient" corrects this case: no new one
        new_case=any(not inside(c, reading.all("CORRECTION")) for c in reading.all("NEW_CASE")),
        notes=tuple(notes + list(found.notes)),
        cues=tuple(sorted({c.label for c in reading.cues})),
        evidence={k: v for k, v in evidence.items() if facts.get(k) is not None or k in conflicts},
        residue=tuple(residue), side=focus if focus in bilateral.SIDES else _side(reading),
        patient=course.patient_label(reading), unit=sizes.unit_meant(reading),
    ), reading


_ON_CHEMOTHERAPY = ("neoadjuvant_ongoing", "neoadjuvant_completed")


def _against_the_case(reading: Reading, value: Optional[str], found: Read, treatment: str
                      ) -> Tuple[Optional[str], Read, bool]:
    """The message's treatment read against the case's (`treatment`): (value, its reading, taken from the case)."""
    if treatment in _ON_CHEMOTHERAPY and value == "none" and all(c.label == "BEFORE_SURGERY" for c in found.cues):
        value, found = None, Read()  # "op in 10 days" in a case on chemotherapy: the operation after it
    if value is not None or found.conflict:
        return value, found, False
    over = course.finished_it(reading) if treatment == "neoadjuvant_ongoing" else []
    if over:  # "finished all of it, surgery next week"
        return "neoadjuvant_completed", Read("neoadjuvant_completed", tuple(over)), False
    # the case's own status, unless the message puts it in doubt ("still on cycle 3")
    return (treatment, found, True) if course.nac_status(reading)[0] != "unclear" else (None, found, False)


def _run(reading: Reading, treatment: Optional[str]) -> Extraction:
    """The readers in their declared order over one reading: facts, conflicts, evidence, residue and notes."""
    facts: Facts = empty()
    conflicts: List[str] = []
    residue: List[Residue] = []
    evidence: Dict[str, Tuple[Evidence, ...]] = {}
    notes: List[Note] = []
    context = False
    for reader in READERS:
        found: Read = reader.read(reading, facts)
        notes += found.notes
        if found.conflict:
            conflicts.append(_CONFLICT_KEY.get(reader.fact, reader.fact))
        else:
            facts[reader.fact] = found.value
        if reader.fact == "treatment" and treatment:
            facts["treatment"], found, context = _against_the_case(reading, facts["treatment"], found, treatment)
        if found.cues and (found.value is not None or found.conflict):
            evidence[reader.fact] = _evidence(reading, found.cues)
        for cue in found.residue:
            start, end, quoted = reading.quote(_phrase(reading, cue))
            residue.append(Residue(_CONFLICT_KEY.get(reader.fact, reader.fact), start, end, quoted))
    if context:
        facts["treatment"] = None  # the case's, not the message's
    return Extraction(facts=facts, conflicts=tuple(conflicts), notes=tuple(notes), evidence=evidence,
                      residue=tuple(residue))


# A deciding fact and the facts read with it, left unknown together when the two breasts differ on it.
_DECIDED_WITH = {"tumor_size_cm": ("tumor_size_cm", "tumor_over_2cm", "t_category"),
                 "clinical_nodes": ("clinical_nodes", "node_finding", "axillary_lump")}


def _differing(left: Extraction, right: Extraction) -> Tuple[str, ...]:
    """The deciding facts (size class, clinical nodal status) on which two breasts, each read alone, differ."""
    keys = []
    if size_class(_unconflicted(left))[0] != size_class(_unconflicted(right))[0]:
        keys.append("tumor_size_cm")
    if _unconflicted(left).get("clinical_nodes") != _unconflicted(right).get("clinical_nodes"):
        keys.append("clinical_nodes")
    return tuple(keys)


def _unconflicted(ext: Extraction) -> Facts:
    return {k: (None if k in ext.conflicts else v) for k, v in ext.facts.items()}


def _both_sides_residue(reading: Reading, key: str, left: Extraction, right: Extraction) -> Residue:
    """What each breast was read as ("left: 3 cm, node-positive; right: 1 cm, node-negative"), for the question of
    which side is meant; its offsets span the words that describe the two breasts."""
    start, end, _ = reading.quote([c for c in reading.cues if bilateral.cue_side(reading, c) in bilateral.SIDES])
    said = "; ".join(f"{side}: {_summary(ext)}" for side, ext in zip(bilateral.SIDES, (left, right)))
    return Residue(key, start, end, said, kind="both_sides")


def _summary(ext: Extraction) -> str:
    facts = _unconflicted(ext)
    size = facts.get("tumor_size_cm")
    over = {"le2": "2 cm or less", "gt2": "over 2 cm"}.get(size_class(facts)[0] or "", "size not given")
    nodes_said = {"positive": "node-positive", "negative": "node-negative"}.get(facts.get("clinical_nodes") or "",
                                                                               "nodal status not given")
    return f"{size:g} cm, {nodes_said}" if size is not None else f"{over}, {nodes_said}"


def _side(reading: Reading) -> Optional[str]:
    """The side the message is about: the cancer's, else that of its axillary findings."""
    sides = set(nodes.stated_primary_sides(reading)) \
        or {m.side for m in nodes.mentions(reading) if m.side and not m.negated}
    if "bilateral" in sides or {"left", "right"} <= sides:
        return "bilateral"
    return sides.pop() if sides else None
