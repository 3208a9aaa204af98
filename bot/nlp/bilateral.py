"""Synchronous bilateral breast cancers: which breast each cue belongs to, and a reading of one breast alone.

matching-rules.md ("Other situations no row covers"): synchronous bilateral breast cancers give the variant both
sides give; when the sides give different ones, the assistant asks which side the question is about. A message
describes bilateral cancers when each breast has a live cancer of its own (not a past, negated, family or
uncertain one); extract() then reads each breast alone (`focused`) and compares them.

A cue belongs to a side when a side word stands in its own phrase ("left 3 cm", "an 8 mm IDC in the left breast";
phrases end at , ; : . "and" "/"), else when its sentence is headed by one side ("Left: IDC 3 cm. Palpable node.",
"R breast - 1.2 cm IDC, cN0"), else when its sentence named one side only before it ("a 1.2 cm focus in the right
breast, biopsy-proven IDC"). A finding with no side of its own ("no palpable nodes either side") is both sides'.
"""
from __future__ import annotations

from typing import List, Optional, Set, Tuple

from bot.nlp import course, nodes, sizes
from bot.nlp.components import Cue
from bot.nlp.reading import Reading

SIDES = ("left", "right")
OTHER_SIDE = {"left": "right", "right": "left"}
_SIDE_OF_LABEL = {"SIDE_LEFT": "left", "SIDE_RIGHT": "right"}
_BREAKS = frozenset({",", ";", ".", ":", "and", "while", "whereas", "but", "/", "|", "•", "-", "–", "—"})
# A side word heads its sentence when it starts it, or a few words before a colon or dash ("Left breast:").
_HEAD_MARKS = frozenset({":", "-", "–", "—"})
_HEAD_REACH = 3
# Cues of a breast's own size or axillary finding.
_OWN_FACTS = ("SIZE", "NSTAGE", "NODE", "LUMP", "AXILLA", "NODE_NEG", "NODE_POS")
# Cues that describe one breast's cancer or axilla; a focused reading leaves out the other breast's.
_SIDED = frozenset({"SIZE", "CANCER", "TUMOR", "RECURRENCE", "NODE", "LUMP", "AXILLA", "NODE_NEG", "NODE_POS",
                    "PALPABLE", "NSTAGE", "TNM", "SUSPICIOUS", "SIZE_COMPARE_GT", "SIZE_COMPARE_LE",
                    "SIZE_COMPARE_GE", "SIDE_LEFT", "SIDE_RIGHT"})


def _phrases(reading: Reading) -> Tuple[List[int], List[Tuple[Cue, str]], List[Tuple[Cue, str]], Set[int]]:
    """(the phrase of each token, each one-side word with its side, the side words that head a sentence, the
    phrases that name both sides)."""
    ids, current = [], 0
    for token in reading.tokens:
        ids.append(current)
        if token.lower() in _BREAKS or "\n" in token:
            current += 1
    words = [(c, _SIDE_OF_LABEL[c.label]) for c in reading.all("SIDE_LEFT", "SIDE_RIGHT")]
    heads = [(c, side) for c, side in words if _heads(reading, c)]
    both = {ids[c.start] for c in reading.all("SIDE_BOTH")}
    return ids, words, heads, both


def _heads(reading: Reading, cue: Cue) -> bool:
    tokens = reading.tokens
    before = [t for t in tokens[max(0, cue.start - 2):cue.start] if t.strip()]
    first = not before or before[-1] in (".", "\n", "•", "-", "*") or before[-1].endswith("\n")
    marked = any(t in _HEAD_MARKS for t in tokens[cue.end:cue.end + _HEAD_REACH])
    return first or marked


def cue_side(reading: Reading, cue: Cue) -> Optional[str]:
    """'left' or 'right' when the cue belongs to one breast; None when it is both sides' or names no side."""
    ids, words, heads, both = reading.cached("bilateral_phrases", lambda: _phrases(reading))
    own = {side for w, side in words if ids[w.start] == ids[cue.start]}
    if own:
        return own.pop() if len(own) == 1 else None
    if ids[cue.start] in both:
        return None
    heading = [side for w, side in heads if w.sentence == cue.sentence and w.end <= cue.start]
    if heading:
        return heading[-1]
    # "a second 1.2 cm focus in the right breast, biopsy-proven IDC": the one side its sentence named before it
    before = {side for w, side in words if w.sentence == cue.sentence and w.end <= cue.start}
    return before.pop() if len(before) == 1 else None


def cancer_each_side(reading: Reading) -> bool:
    """Each breast has a live cancer of its own (not past, negated, family or uncertain); or one cancer is called
    bilateral ("bilateral IDC", "cancers in both breasts") and each breast has a size or axillary finding of its own;
    or a cancer is named and each breast has a tumour's size of its own."""
    if not (reading.has("SIDE_LEFT") and reading.has("SIDE_RIGHT")):
        return False  # every way needs both sides named (most messages name one): read no further
    # a past cancer: told as history, or dated with its treatment ("R DCIS 2015, lumpectomy + RT, done")
    past = [c for c in reading.all("CANCER") if c.family or c.negated or c.historical
            or course.treated_in_the_past(reading, c)]
    found = set()
    for cue in reading.all("CANCER", "TUMOR", "RECURRENCE"):
        if cue.family or cue.negated or cue.uncertain or (cue.label != "RECURRENCE" and (
                cue.historical or any(abs(p.start - cue.start) <= 3 for p in past))):
            continue  # a recurrence is of a past cancer, and is current itself
        if cue.label == "TUMOR" and sizes.in_distant_organ(reading, cue):
            continue  # "a lesion in the right lobe of the liver": no breast's
        found.add(cue_side(reading, cue) or reading.side_of(cue, before=4, after=4))
    if set(SIDES) <= found:
        return True
    own = {cue_side(reading, c) for c in reading.all(*_OWN_FACTS) if not c.family}
    # "two new cancers: L breast 1.3 cm and R breast 1.9 cm": a cancer, and a tumour's size in each breast
    # (not a past cancer's: "a 3 cm L breast IDC in 2010, treated; now a new R IDC 1.1 cm")
    sized = {cue_side(reading, c) for c in reading.all("SIZE") if not (c.family or c.negated or c.historical)
             and not any(abs(p.start - c.start) <= 4 for p in past)
             and sizes.size_cm(c) is not None and sizes.measured(reading, c) not in ("node", "other")
             and not reading.near(c, ["BENIGN_LOOK"], "sentence")}  # "11 mm mass, probable fibroadenoma"
    return bool(found) and ("bilateral" in found and set(SIDES) <= own or set(SIDES) <= sized)


def unsided_finding(reading: Reading) -> bool:
    """A positive axillary finding that belongs to neither breast ("palpable axillary node" beside cancers in both):
    which axilla it is decides each breast's variant."""
    return any(m.positive and cue_side(reading, m.cue) is None and m.side != "bilateral"
               and not reading.within(m.cue, ["SIDE_BOTH"], 4, 4) for m in nodes.mentions(reading))


def focused(reading: Reading, side: str) -> Reading:
    """The reading of one breast: the other breast's cancer, sizes and axillary findings left out."""
    kept = [c for c in reading.cues if not (c.label in _SIDED and cue_side(reading, c) == OTHER_SIDE[side])]
    return Reading(cues=kept, tokens=reading.tokens, expecting=reading.expecting, text=reading.text,
                   modifiers=reading.modifiers, case_side=side, case_lump=reading.case_lump, norms=reading.norms,
                   case_diagnosis=reading.case_diagnosis)
