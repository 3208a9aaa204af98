"""One message as the fact readers see it: its cues, indexed, and what each reader returns."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Tuple

from bot.facts import Facts
from bot.nlp.components import Cue
from bot.nlp.normalise import Normalised
from bot.reasons import Note

YEAR = re.compile(r"(?:19|20)\d\d")  # a year of a date
SENTENCE_ENDS = frozenset({".", "?", "!", ";", "|", "\n"})  # the sentence ends of components._ends_sentence
_NOW_LABEL = re.compile(r"(?i)\b(?:now|current|today|present)\b")
_AGE_LABEL = re.compile(r"\d{1,3}")
_PRESENT_LABEL = re.compile(r"(?i)\s*(?:now|today|currently|at\s+present)\b")  # a timeline's entry of the present
DATED = re.compile(r"(?:[0-3]?\d[./-])?(?:[01]?\d[./-])?(?:19|20)\d\d")  # a year with its month, day: "04/2015"

SIDE_LABELS = ("SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH")
_NODAL = ("NODE", "LUMP", "AXILLA", "NODE_NEG", "NODE_POS", "PALPABLE")


# A phrase that says what the words inside it are not: the axillary tail is breast, so its "axillary" is no axilla
# (matching-rules.md); nor is "us" in "transferred care to us" an ultrasound, "right" in "the right scenario" a
# side, "metastatic" in "metastatic workup" a metastasis, a "systemic therapy" a site, "hard" in "hard to tell" a
# hard node, nor a risk-reducing mastectomy or an operation for a benign lesion the operation of the cancer, nor a
# treatment "not yet finished" or "finishing next week" done, nor a report's "Lesion 2 -" heading a lump.
_VOIDED_INSIDE: Dict[str, FrozenSet[str]] = {
    "AXILLARY_TAIL": frozenset({"AXILLA"}),
    "US_PRONOUN": frozenset({"MODALITY_MUS"}),
    "RIGHT_NOT_SIDE": frozenset({"SIDE_RIGHT"}),
    "STAGING_WORKUP": frozenset({"METASTASIS", "PROVEN"}),
    "TREATMENT_WORD": frozenset({"DISTANT_SITE"}),
    "HARD_TO_SAY": frozenset({"PALPABLE", "EXAM"}),
    "RISK_REDUCING_SURGERY": frozenset({"SURGERY"}),
    "BENIGN_SURGERY": frozenset({"SURGERY", "SURGERY_GENERIC", "SURGERY_PAST_PRE", "SURGERY_PAST_POST", "NAC_DONE",
                                 "TREATMENT_GIVEN", "TREATMENT_WORD"}),
    "NAC_ONGOING": frozenset({"NAC_DONE"}),  # "not yet finished", "finishing next week": not done
    "NAC_DONE": frozenset({"NAC_ONGOING_WEAK"}),  # "last infusion a week ago": the week is when it ended
    "ITEM_LABEL": frozenset({"LUMP", "TUMOR"}),
    "PRIMARY_NOT_TUMOR": frozenset({"TUMOR", "NEOADJUVANT"}),  # "the primary reader", "primary care physician"
    "NODE_BIOPSY_RESULT": frozenset({"CANCER"}),  # "a node in her right armpit came back as cancer": the node's
    "CANCER_SERVICE": frozenset({"CANCER"}),  # "lung cancer screening", "cancer genetics clinic": no one's cancer
    "CANCER_QUESTION": frozenset({"CANCER", "RECURRENCE"}),  # "Is it cancer?": asked, not known
    "SIGN_OFF": frozenset({"MALE", "FEMALE", "AGE_SEX", "SIDE_LEFT", "SIDE_RIGHT"}),  # "Thanks, M": the writer
    "MALE": frozenset({"FEMALE"}),  # "her husband, 61": whose husband he is
    "IMAGING_GENERIC": frozenset({"PALPABLE", "EXAM"}),  # "no exam of image yet": a study, not the exam
    "PREVENTIVE_THERAPY": frozenset({"ENDOCRINE", "TREATMENT_WORD", "NAC_ONGOING", "NAC_ONGOING_WEAK"}),
    "SIZE_UNKNOWN": frozenset({"NO_BIOPSY"}),  # "size pending path": the size awaits it, not the diagnosis
    "BEFORE_SURGERY": frozenset({"NAC_ONGOING_WEAK"}),  # "surgery in 2 wk": the weeks are the operation's
    "OTHER_CANCER": frozenset({"CANCER", "RECURRENCE"}),  # "recurrent ovarian cancer": neither this cancer nor its
}


def inside(cue: Cue, spans: List[Cue]) -> bool:
    """The cue lies within one of the spans (token offsets)."""
    return any(s.start <= cue.start and cue.end <= s.end for s in spans)


@dataclass
class Reading:
    """The cues of one message, indexed for the fact readers."""

    cues: List[Cue]
    tokens: List[str]
    expecting: Optional[str]
    text: Optional[Normalised] = None
    modifiers: Tuple[Cue, ...] = ()  # the context cues (negation, uncertainty, ...) themselves, for --explain
    case_side: Optional[str] = None  # a follow-up's context: the side of the case it adds to (see nodes.primary_sides)
    case_lump: Optional[str] = None  # and the case's axillary lump, "unilateral" or "bilateral" (nodes.axillary_lump)
    case_diagnosis: Optional[str] = None  # and the case's diagnosis, which a follow-up may take back (course.encounter)
    norms: Optional[List[str]] = None  # the tokens' NORMs (norms.yml, foreign.yml: German "neu" -> "newly")

    def __post_init__(self) -> None:
        voiding = {c.label for c in self.cues if c.label in _VOIDED_INSIDE}
        if voiding:
            spans = {label: [c for c in self.cues if c.label == label] for label in voiding}
            self.cues = [c for c in self.cues if not any(
                c.label in _VOIDED_INSIDE[label] and inside(c, spans[label]) for label in voiding)]
        self.cues = _relatives_sentences(_alternatives(self.cues, self.tokens), self.tokens)
        self.by_label: Dict[str, List[Cue]] = defaultdict(list)
        for cue in self.cues:
            self.by_label[cue.label].append(cue)
        self.memo: Dict[str, Any] = {}  # values shared by several readers, computed once
        # the readers ask for the same labels many times per message: both computed once per labels
        self._all: Dict[Tuple[str, ...], List[Cue]] = {}
        self._live: Dict[Tuple[str, ...], List[Cue]] = {}
        # and `near`'s cues of the same labels grouped by clause (or sentence)
        self._grouped: Dict[Tuple[Tuple[str, ...], bool], Dict[int, List[Cue]]] = {}

    @property
    def plain(self) -> str:
        """The normalised message text ("" for a reading built without it), for the few patterns on the words."""
        return self.text.text if self.text is not None else ""

    def _of(self, labels: Tuple[str, ...]) -> List[Cue]:
        """The cues of these labels (the shared list: not to be changed)."""
        found = self._all.get(labels)
        if found is None:
            by_label = self.by_label
            if len(labels) == 1:  # (one label's own list: most lookups are of one)
                found = self._all[labels] = by_label.get(labels[0]) or []
            else:
                found = self._all[labels] = [c for label in labels if label in by_label for c in by_label[label]]
        return found

    def all(self, *labels: str) -> List[Cue]:
        """The cues of these labels (a fresh list: callers may extend it)."""
        found = self._all.get(labels)  # (_of's lookup, without a call: the readers ask hundreds of times a message)
        return (found if found is not None else self._of(labels))[:]

    def live(self, *labels: str) -> List[Cue]:
        """Cues stated as a current fact: not negated, uncertain, about a relative, planned or historical."""
        found = self._live.get(labels)
        if found is None:
            found = self._live[labels] = [c for c in self._of(labels) if self.is_live(c)]
        return found[:]

    @staticmethod
    def is_live(cue: Cue) -> bool:
        """The cue is stated as a current fact (what `live` keeps)."""
        return not (cue.negated or cue.uncertain or cue.family or cue.planned or cue.historical)

    def has(self, *labels: str) -> bool:
        return any(self.by_label.get(label) for label in labels)

    def near(self, cue: Cue, labels: Iterable[str], scope: str = "clause") -> List[Cue]:
        """Cues of `labels` in the same clause (or sentence) as `cue`."""
        key = (labels if type(labels) is tuple else tuple(labels), scope == "clause")
        groups = self._grouped.get(key)
        if groups is None:  # the cues of these labels by clause (or sentence), in their order: once per labels
            groups = self._grouped[key] = {}
            for c in self._of(key[0]):
                groups.setdefault(c.clause if key[1] else c.sentence, []).append(c)
        return [c for c in groups.get(cue.clause if key[1] else cue.sentence, ()) if c is not cue]

    def within(self, cue: Cue, labels: Iterable[str], before: int, after: int) -> List[Cue]:
        """Cues of `labels` in the clause of `cue`, at most `before` tokens before it or `after` after it."""
        return [c for c in self.near(cue, labels)
                if cue.start - before <= c.start < cue.start or cue.end <= c.start <= cue.end + after]

    def sides_near(self, cue: Cue, before: int = 5, after: int = 5, labels: Iterable[str] = SIDE_LABELS) -> List[Cue]:
        """Side words next to a cue, except those that belong to another noun ("both breasts" for a node)."""
        own = {"BREAST", "CANCER", "TUMOR"} if cue.label in _NODAL else {"NODE", "AXILLA"}
        near = [c for c in self.within(cue, labels, before, after)
                if not any(o.start == c.end and o.label in own for o in self.cues)]
        if any(c.end <= cue.start for c in near):
            # "L axillary lump (R side checked and normal)": a bracket that says more than a side after a cue named
            # with its side is a statement of its own
            near = [c for c in near if not (c.start >= cue.end and "(" in self.tokens[cue.end:c.start]
                                            and self.tokens[c.end:c.end + 1] != [")"])]
        return near

    def side_of(self, cue: Cue, before: int = 5, after: int = 5) -> Optional[str]:
        """'left', 'right' or 'bilateral' named next to a cue ("L axillary node", "node in the left axilla")."""
        near = self.sides_near(cue, before, after)
        # the side word right before it is its own ("a node in the left axilla and the right axilla is clear")
        own = [c for c in near if c.end == cue.start and c.label != "SIDE_BOTH"]
        labels = {c.label for c in (own or near)}
        if "SIDE_BOTH" in labels or {"SIDE_LEFT", "SIDE_RIGHT"} <= labels:
            return "bilateral"
        return {"SIDE_LEFT": "left", "SIDE_RIGHT": "right"}.get(labels.pop()) if labels else None

    def supposed(self, cue: Cue) -> bool:
        """A planned cue that is a supposition, not a plan ("if the US showed a node", "were the tumour 3 cm"):
        a condition word before it in its sentence, or "would"/"could" before it in a question ("Would a 3 cm breast
        mass change the approach?")."""
        if not cue.planned:
            return False
        before = [t.lower() for t in self.tokens[max(0, cue.start - 8):cue.start]]
        if any(t in _CONDITIONS for t in before):
            return True
        end = self.sentence_span(cue)[1]
        return bool({"would", "could"} & set(before)) and end < len(self.tokens) and self.tokens[end] == "?"

    def in_differential(self, cue: Cue) -> bool:
        """The cue is one of a differential diagnosis ("the differential includes ... metastatic disease"): a
        possibility weighed, not a finding."""
        return any(d.start < cue.start for d in self.near(cue, ["DIFFERENTIAL"], "sentence"))

    def section_of(self, cue: Cue) -> Optional[str]:
        """The report section a cue stands in ("FINDINGS", "COMPARISON", ...), or None outside a report."""
        heads = [c for c in self.all("SECTION") if c.start <= cue.start]
        return " ".join(heads[-1].text.rstrip(": ").upper().split()) if heads else None

    def past_entry(self, cue: Cue) -> bool:
        """A cue in a timeline entry that names a surgery done (or says its treatment is over), dated a year or more
        before the last entry or above a "Now:" entry ("2014: R IDC 1.6 cm, lumpectomy + RT" above "10/2026: new
        lump"): a past episode. Entries of the last entry's year
        are one current story, and an entry without surgery may be this cancer's diagnosis ("06/2025 dx IDC 4.4 cm"
        above "02/2026 surgery scheduled")."""
        labels = self.all("TIMELINE_DATE")
        if not labels:
            return False
        # a timeline by age ("- 38: DCIS, mastectomy" above "- 52 (now): new lump") when one entry is said to be now
        by_age = any(_NOW_LABEL.search(d.text) and _AGE_LABEL.search(d.text) for d in labels)
        dates = [(d, found) for d in labels for found in [YEAR.search(d.text) or (by_age and _AGE_LABEL.search(d.text))]
                 if found]
        # "Now:" is the latest entry, however the others are dated
        latest = [d for d in labels if _PRESENT_LABEL.match(d.text)]
        # the entry a cue stands in runs from its label to the next one, over sentences ("- 60: IDC; lumpectomy")
        before = [(d, found) for d, found in dates if d.start <= cue.start]
        if not before or not any(d.sentence == cue.sentence for d, _ in dates) and not by_age:
            return False
        label, found = before[-1]
        end = min([d.start for d, _ in dates if d.start > label.start]
                  + [d.start for d in latest if d.start > label.start], default=len(self.tokens))
        later = int(found.group()) < max(int(f.group()) for _, f in dates) or any(d.start > label.start for d in latest)
        # an operation done in the entry, or its treatment said over ("2010: L IDC, treated, done")
        return later and (any(label.start <= s.start < end and not (s.negated or s.planned)
                              for s in self.all("SURGERY")) or any(
            label.start <= s.start < end and not (s.negated or s.planned) for s in self.all("NAC_DONE", "SURVEILLANCE"))
            and "treated" in {t.lower() for t in self.tokens[label.start:end]})

    def sentence_ends(self) -> List[int]:
        """The token indices that end a sentence (components._ends_sentence's ends), computed once per message."""
        return self.cached("sentence_ends", lambda: [i for i, t in enumerate(self.tokens)
                                                     if t in SENTENCE_ENDS or "\n" in t])

    def sentence_span(self, cue: Cue) -> Tuple[int, int]:
        """(start, end) token indices of the sentence `cue` stands in, its end token excluded."""
        ends = self.sentence_ends()
        return (max((i + 1 for i in ends if i < cue.start), default=0),
                next((i for i in ends if i >= cue.end), len(self.tokens)))

    def norm_of(self, cue: Cue) -> str:
        """The cue's words as the patterns read them (their NORMs), or its text lower-cased without them."""
        if self.norms is None:
            return cue.text.lower()
        return " ".join(self.norms[cue.start:cue.end])

    def cached(self, name: str, compute: Callable[[], Any]) -> Any:
        if name not in self.memo:
            self.memo[name] = compute()
        return self.memo[name]

    def quote(self, cues: Iterable[Cue]) -> Tuple[int, int, str]:
        """(start, end, text) of the original message covering `cues`."""
        cues = list(cues)
        start, end = min(c.start_char for c in cues), max(c.end_char for c in cues)
        if self.text is None:
            return start, end, ""
        o_start, o_end = self.text.original_span(start, end)
        return o_start, o_end, self.text.original[o_start:o_end]


@dataclass(frozen=True)
class Read:
    """What a reader found: the value, the cues it was read from, and whether the message contradicts itself.

    `residue` holds cues the reader could not place although they may change its value: the core asks
    about them instead of guessing."""

    value: Any = None
    cues: Tuple[Cue, ...] = ()
    conflict: bool = False
    residue: Tuple[Cue, ...] = ()
    notes: Tuple[Note, ...] = ()


NOTHING = Read()


@dataclass(frozen=True)
class Reader:
    """A fact reader: the fact it sets, the facts it needs to have been read first, and the function."""

    fact: str
    read: Callable[[Reading, Facts], Read]
    needs: Tuple[str, ...] = ()


_CONDITIONS = frozenset({"if", "hypothetically", "suppose", "supposing", "were", "imagine"})


# What names the patient again after a relative: her age or sex, her own new cancer, a pronoun or "patient".
_PATIENT_LABELS = frozenset({"AGE", "AGE_SEX", "FEMALE", "MALE", "NEW", "NEW_DX"})
_PATIENT_WORDS = frozenset({"she", "patient", "pt", "our", "he"})


def _relatives_sentences(cues: List[Cue], tokens: List[str]) -> List[Cue]:
    """A sentence that starts with a relative's cancer stays about the relative past its commas ("Her sister had
    breast cancer, node negative"): its later cues are the relative's too, until the patient is named again
    ("..., she has a 2 cm IDC", "..., 58F with ...")."""
    if not any(c.family and c.label == "CANCER" for c in cues):
        return cues
    ordered = sorted(cues, key=lambda c: c.start)
    until: Dict[int, Tuple[int, int]] = {}  # sentence -> tokens [from, to) that are about the relative
    for n in {c.sentence for c in ordered}:
        own = [c for c in ordered if c.sentence == n]
        cancer = next((c for c in own if c.label == "CANCER"), None)
        if cancer is None or not cancer.family or any(not c.family for c in own if c.start < cancer.start):
            continue
        again = [c.start for c in own if c.start >= cancer.end and c.label in _PATIENT_LABELS]
        again += [i for i in range(cancer.end, len(tokens)) if tokens[i].lower() in _PATIENT_WORDS]
        until[n] = (cancer.end, min(again, default=len(tokens)))
    return [with_context(c, family=True) if c.sentence in until and not c.family
            and until[c.sentence][0] <= c.start < until[c.sentence][1] else c for c in cues]


_POLAR = frozenset({"NODE_POS", "NODE_NEG", "NSTAGE"})


def _polarity(cue: Cue) -> bool:
    """True for a positive nodal statement ("node-positive", "cN1"), False for a negative one ("cN0")."""
    if cue.label == "NSTAGE":
        return not re.search(r"[nN]0", cue.text)
    return cue.label == "NODE_POS"


_OR = frozenset({"or", "vs", "vs.", "versus", "/"})


def _alternatives(cues: List[Cue], tokens: List[str]) -> List[Cue]:
    """Two opposite statements offered as alternatives ("is she node-positive or node-negative?", "cN0 vs cN1")
    state neither: both are uncertain."""
    polar = [c for c in cues if c.label in _POLAR]
    if len(polar) < 2:
        return cues
    offered = [c for a in polar for b in polar if _polarity(a) != _polarity(b)
               and b.start - a.end == 1 and tokens[a.end].lower() in _OR for c in (a, b)]
    # and the words inside them ("node" in "node-positive")
    return [with_context(c, uncertain=True) if inside(c, offered) else c for c in cues] if offered else cues


def corrected_of(reading: Reading, one: List[Cue], other: List[Cue]) -> Optional[List[Cue]]:
    """Of two contradicting statements, the one a correction introduces ("you assumed a female patient.
    Correction: the patient is male", "node-negative, actually no, scratch that, I felt a node"): all its cues
    come after a correction word that follows all the other's. None when neither is."""
    if not one or not other:
        return None
    for first, later in ((one, other), (other, one)):
        if any(max(c.start for c in first) < w.start <= min(c.start for c in later) for w in reading.all("CORRECTION")):
            return later
    return None


def with_context(cue: Cue, **changes: Any) -> Cue:
    """A copy of `cue` with other context flags."""
    return cue._replace(**changes)

