"""AJCC T, N and M categories stated in a message ("cT2N1", "T1c N0", "cN3", "M1", "stage IV")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from bot.facts import Facts
from bot.nlp.components import Cue
from bot.nlp.reading import NOTHING, Read, Reading

_TNM = re.compile(r"^[cpy]?t(is|[0-4])[a-d]?(?:mi)?(?:[cpy]?n([0-3x])[a-c]?(?:mi)?)?(?:[cpy]?m([01x]))?", re.I)


@dataclass(frozen=True)
class Stage:
    """(cues, value) per category: T 'T1'..'T4' or 'T0'; N 'positive'/'negative'; M True."""

    t: Tuple[List[Cue], Optional[str]] = field(default_factory=lambda: ([], None))
    n: Tuple[List[Cue], Optional[str]] = field(default_factory=lambda: ([], None))
    m: Tuple[List[Cue], Optional[bool]] = field(default_factory=lambda: ([], None))
    t_all: Tuple[Tuple[Cue, str], ...] = ()  # every T category stated, in order, with its cue
    n_all: Tuple[Tuple[Cue, str], ...] = ()  # every N category stated, in order, with its value


_DEFINING = {"is", "are", "=", "means", "tumors", "tumours", "cancers", "lesions", "defined"}


def _generic(reading: Reading, cue: Cue) -> bool:
    """A category spoken of in general ("T1 is 2 cm or less", "nodal positivity for T2 tumors"), not this patient's."""
    following = reading.tokens[cue.end].lower() if cue.end < len(reading.tokens) else ""
    return following in _DEFINING


def n_positive(cue: Cue) -> bool:
    """An NSTAGE cue's category is node-positive ("cN1", "N2a", "N+"), not "N0"."""
    digits = re.findall(r"[0-3]", cue.text)
    return "+" in cue.text or bool(digits and digits[0] != "0")


def _not_stated(reading: Reading, cue: Cue) -> bool:
    """A category not stated of this patient now: a relative's, a past, hedged, denied or supposed one ("if she were
    cN1"), or one of a list a denial opens ("no N1, N2 or N3 disease"); not one of two offered ("cN1-2")."""
    if cue.family or cue.historical or cue.uncertain or cue.negated:
        return True
    return cue.planned and (reading.supposed(cue) or _listed_after_denial(reading, cue))


_LIST_WORDS = frozenset({",", "or", "nor", "/", "and"})


def _listed_after_denial(reading: Reading, cue: Cue) -> bool:
    """The category follows a denied one of its kind across list words only ("no N1, N2 or N3")."""
    tokens = reading.tokens
    for other in reading.all(cue.label):
        if other.negated and other.end <= cue.start and all(
                t.lower() in _LIST_WORDS or any(o.start <= i < o.end for o in reading.all(cue.label))
                for i, t in enumerate(tokens[other.end:cue.start], other.end)):
            return True
    return False


def tnm(reading: Reading) -> Stage:
    """The categories of the message, read once."""
    return reading.cached("tnm", lambda: _tnm(reading))


def _tnm(reading: Reading) -> Stage:
    t: Tuple[List[Cue], Optional[str]] = ([], None)
    n: Tuple[List[Cue], Optional[str]] = ([], None)
    m: Tuple[List[Cue], Optional[bool]] = ([], None)
    t_all: List[Tuple[Cue, str]] = []
    n_all: List[Tuple[Cue, str]] = []
    for cue in reading.all("TNM"):
        if _not_stated(reading, cue) or reading.within(cue, ["NON_TUMOR_HEAD"], 0, 2) or _generic(reading, cue):
            continue  # not stated of her now, or a reference figure ("2 cm is the T1 cut-off")
        found = _TNM.match(cue.text.strip(",.;:"))
        if not found:
            continue
        if found.group(1) in "01234":
            t = ([cue], "T" + found.group(1))
            t_all.append((cue, t[1]))
        if found.group(2) and found.group(2) in "0123":
            n = ([cue], "negative" if found.group(2) == "0" else "positive")
            n_all.append((cue, n[1]))
        if found.group(3) == "1":
            m = ([cue], True)
    for cue in reading.all("NSTAGE"):
        if _not_stated(reading, cue):
            continue  # "not the cN1 pathway", "if she were cN1", "N1 excluded on exam"
        positive = n_positive(cue)
        if not positive and _by_imaging(reading, cue):
            continue  # "N0 on PET-CT", "breast MRI: N0": imaging alone, not the exam (asked)
        n = ([cue], "positive" if positive else "negative")
        n_all.append((cue, n[1]))
    if reading.live("MSTAGE"):
        m = (reading.live("MSTAGE"), True)
    return Stage(t, n, m, tuple(t_all), tuple(sorted(n_all, key=lambda c: c[0].start)))


_IMAGED_BY = frozenset({"on", "by", "per", "at", "(", "via", "from"})
_STUDIES = ["MODALITY_MUS", "MODALITY_OTHER", "IMAGING_GENERIC"]


def _by_imaging(reading: Reading, cue: Cue) -> bool:
    """An N category a study gives: the study named just before it ("PET/CT: N0", "MRI N0") or after it by a
    preposition ("N0 on PET-CT", "N0 (US)", "cN0 by ultrasound") (matching-rules.md: node-negative needs the exam)."""
    tokens = reading.tokens
    for study in reading.within(cue, _STUDIES, 4, 3):
        between = tokens[study.end:cue.start] if study.end <= cue.start else tokens[cue.end:study.start]
        if study.end <= cue.start and all(t in (":", "-", "=") for t in between):
            return True
        if study.start >= cue.end and between[:1] and between[0].lower() in _IMAGED_BY \
                and all(t.lower() in ("the", "a", "an") for t in between[1:]):
            return True
    return False


def t_category(reading: Reading, facts: Facts) -> Read:
    """'T1'..'T4' as stated; T0 (no primary found) is read as an occult primary instead. Categories on both
    sides of 2 cm ("?T1 vs T2", "cT2 ... cT1c") are asked about, quoting the first (AJCC: T1 is at most 2 cm, T2
    and T3 more); a post-treatment ypT beside a clinical category is a later reading and does not count."""
    stage = tnm(reading)
    cues, value = stage.t
    stated = [(c, v) for c, v in stage.t_all if v in ("T1", "T2", "T3")]
    clinical = [(c, v) for c, v in stated if not c.text.lower().startswith("y")] or stated
    if len({v == "T1" for _, v in clinical}) > 1:
        return Read(residue=(clinical[0][0],))
    return Read(value, tuple(cues)) if value and value != "T0" else NOTHING
