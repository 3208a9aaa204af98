"""Axillary nodes and lumps: clinical nodal status, how a node was found, and the side(s) of a lump.

Rulings (shared/reference/matching-rules.md, "Facts that decide" and "Node-negative needs the exam"):
a palpable node or a suspicious node on any imaging makes a new cancer node-positive; node-negative needs
the clinical exam (an imaging statement alone leaves the status open); a negative exam of the other side says
nothing about the cancer's side; two exams of the same axilla that disagree are contradictory; an uncertain
mention leaves the status open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile
from typing import List, Optional, Sequence, Set, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from bot.facts import Facts
from bot.nlp.components import Cue
from bot.nlp.reading import NOTHING, Read, Reading, corrected_of, inside, with_context
from bot.nlp.sizes import apposed_axilla, axilla_of, axillary, size_cm
from bot.reasons import Note

_MODALITIES = ("MODALITY_MUS", "MODALITY_OTHER")


@dataclass(frozen=True)
class NodeMention:
    """One axillary node or lump, with how it was found and whether it looks abnormal."""

    cue: Cue
    palpable: bool
    suspicious: bool
    proven: bool
    modality: Optional[str]   # 'mammography_or_us' | 'other_imaging' | None
    new: bool
    is_lump: bool
    exam: bool                # the clinical exam is what the mention reports
    side: Optional[str]
    support: Tuple[Cue, ...]  # the cues that qualify it (palpable, suspicious, modality, side)

    @property
    def negated(self) -> bool:
        return self.cue.negated

    @property
    def uncertain(self) -> bool:
        return self.cue.uncertain

    @property
    def positive(self) -> bool:
        return not (self.negated or self.uncertain) and (self.palpable or self.suspicious or self.proven
                                                         or self.is_lump)

    @property
    def cues(self) -> Tuple[Cue, ...]:
        return (self.cue,) + self.support


_LIST_JOINS = frozenset({",", "or", "and", "nor", "/", "&"})


def _site_list(reading: Reading, first: Cue, node: Cue) -> bool:
    """Only sites and the joins of a list stand between a site word and the node ("axillary, supraclavicular or
    cervical adenopathy")."""
    sites = {i for c in reading.all("AXILLA", "OTHER_ORGAN") for i in range(c.start, c.end)}
    return all(i in sites or reading.tokens[i].lower() in _LIST_JOINS for i in range(first.end, node.start))


def _elsewhere(reading: Reading, cue: Cue) -> bool:
    """A node of another region ("cervical LN", "R level II cervical node"): the nearest region word decides; with
    none beside it, a message that names a region of nodes and no axilla but to deny it ("NECK ULTRASOUND ...
    Findings: level II lymph node ... no axillary lumps") is about that region."""
    # "no skin changes - palpable node": no region; but the negated node's own region words ("no cervical
    # lymphadenopathy", "no lymph nodes enlarged in the groin") are denied with it, and still say where the node is
    near = [c for c in reading.near(cue, ["OTHER_ORGAN", "AXILLA"]) if -4 <= c.start - cue.start <= 6
            and not (c.label == "OTHER_ORGAN" and c.negated and not (
                cue.negated and (0 <= cue.start - c.end <= 1 or _node_region(reading, c))))]
    # (across the commas of a list: "no axillary, supraclavicular or cervical adenopathy")
    listed = [a for a in reading.near(cue, ["AXILLA"], "sentence") if -7 <= a.start - cue.start < 0
              and _site_list(reading, a, cue)]
    if near:
        if any(c.label == "AXILLA" and not beyond_axilla(c) and c.end <= cue.start for c in near + listed):
            return False  # "no axillary or cervical nodes felt": the axilla's among them
        return min(near, key=lambda c: abs(c.start - cue.start)).label == "OTHER_ORGAN"
    field = _field_region(reading, cue)
    if field is not None:
        return field.label == "OTHER_ORGAN"  # "Inguinal region: no palpable nodes", "Neck: shotty nodes"
    # the regions its sentence names: "Axillary exam ...: no palpable nodes" beside an inguinal hernia told elsewhere;
    # "Lymph: POSITIVE for a 2 cm right inguinal node"
    regions = [c for c in reading.near(cue, ["OTHER_ORGAN", "AXILLA"], "sentence")
               if not (c.label == "OTHER_ORGAN" and c.negated)]  # "axilla: no nodes" still names the axilla
    if regions and all(c.label == "AXILLA" for c in regions):
        return False
    if regions and all(c.label == "OTHER_ORGAN" for c in regions) and any(_node_region(reading, c) for c in regions):
        return True
    denied = ("NODE", "LUMP", "PALPABLE", "SUSPICIOUS", "PROVEN")  # "axillae not involved", "axilla: no nodes"
    axillae = [a for a in reading.live("AXILLA") if not any(c.negated for c in reading.near(a, denied))]
    return not axillae and any(_node_region(reading, c) for c in reading.live("OTHER_ORGAN"))


def _field_region(reading: Reading, cue: Cue) -> Optional[Cue]:
    """The region that heads the field a node is told in ("Groin: no palpable nodes", "Supraclavicular: none",
    "HEENT: no lymphadenopathy"): a region word right before a colon earlier in the node's sentence, with no other
    colon between."""
    tokens = reading.tokens
    colons = [i for i in range(max(0, cue.start - _FIELD_REACH), cue.start) if tokens[i] == ":"]
    if not colons:
        return None
    colon = colons[-1]
    # the field's name, up to four words ("Inguinal region:", "Axilla and groin:"): the axilla first, if named
    named = [c for c in reading.near(cue, ["AXILLA", "OTHER_ORGAN"], "sentence") if colon - 4 <= c.start < colon
             and all(t.isalpha() for t in tokens[c.end:colon]) and (c.label == "AXILLA" or _node_region(reading, c))]
    return min(named, key=lambda c: (c.label != "AXILLA" or beyond_axilla(c), c.label), default=None)


_FIELD_REACH = 8  # tokens between a field's colon and the node it tells of


def _beside_axilla(reading: Reading, cue: Cue) -> bool:
    """A statement of nodes in another region, or in a field of one ("Neck: no nodes felt", "Supraclavicular: no
    nodes felt"): not the axilla's."""
    return _elsewhere(reading, cue) or _in_regional_field(reading, cue)


def _in_regional_field(reading: Reading, cue: Cue) -> bool:
    """Told in the field of a regional site beside the axilla ("Supraclavicular: no nodes felt")."""
    field = _field_region(reading, cue)
    return field is not None and beyond_axilla(field)


def _node_region(reading: Reading, cue: Cue) -> bool:
    """A region word with nodes of its own, in any language ("inguinal", Turkish "boynun": neck)."""
    return cue.text.lower() in _NODE_REGIONS or reading.norm_of(cue) in _NODE_REGIONS


# Regions with lymph nodes of their own, other than the axilla (matching-rules.md, other node sites)
_NODE_REGIONS = frozenset({"neck", "cervical", "groin", "inguinal", "submandibular", "submental", "parotid",
                           "femoral", "popliteal", "epitrochlear", "mediastinal", "intramammary", "heent", "ent",
                           "head and neck", "ear", "ears", "auricular", "postauricular", "preauricular", "occipital",
                           "elbow", "jaw", "mandibular", "tonsillar", "abdomen", "abdominal", "pelvic"})


def _trailing(reading: Reading, cue: Cue, label: str) -> List[Cue]:
    """Attributes in the next clause when it names nothing else: "R axillary node 1.7 cm, palpable"."""
    nxt = [c for c in reading.cues if c.clause == cue.clause + 1 and c.sentence == cue.sentence]
    if any(c.label in ("NODE", "LUMP", "BREAST", "CANCER", "TUMOR", "AXILLA") for c in nxt):
        return []
    return [c for c in nxt if c.label == label]


_LIST_GLUE = frozenset({",", "and", "roughly", "about", "approximately", "approx", "~", "cm", "mm", "x"})


def _listed_before(reading: Reading, cue: Cue, label: str) -> List[Cue]:
    """Attributes in a comma list of adjectives that ends in the node, its article first ("a firm, mobile, roughly
    1.5 cm node"): the commas split clauses, the list is one phrase."""
    tokens = reading.tokens
    within = {i for c in reading.all(label, "SIZE", "BARE_NUMBER") for i in range(c.start, c.end)}
    at = cue.start - 1
    while at >= 0 and cue.start - at <= 12 and (at in within or tokens[at].lower() in _LIST_GLUE
                                                or tokens[at].replace(".", "", 1).isdigit()):
        at -= 1
    if at < 0 or tokens[at].lower() not in ("a", "an", "one", "the") or "," not in tokens[at:cue.start]:
        return []
    return [c for c in reading.all(label) if at < c.start and c.end <= cue.start and c.sentence == cue.sentence]


def _modality(reading: Reading, cue: Cue, palpable: bool) -> Tuple[Optional[str], List[Cue]]:
    """The imaging that showed a node: in its clause or, if it was not felt on exam, its sentence or message."""
    for scope in ("clause", "sentence", "message"):
        if scope != "clause" and palpable:
            break
        pool = reading.all(*_MODALITIES) if scope == "message" else reading.near(cue, _MODALITIES, scope)
        found = [c for c in pool if (not c.negated or _field_label(reading, c)) and not _retracted(reading, c)
                 and not _compared_with(reading, c)]
        if found:
            # the study that showed a node is told before it; a later one is a fallback ("... screening
            # mammogram 10 months earlier was normal")
            before = [c for c in found if c.start < cue.start]
            nearest = max(before, key=lambda c: c.start) if before else min(found, key=lambda c: c.start)
            if nearest.label != "MODALITY_MUS":
                also = _also_on_mammography_or_us(reading, cue, found)
                if also:
                    return "mammography_or_us", also[:1]
            return ("mammography_or_us" if nearest.label == "MODALITY_MUS" else "other_imaging"), [nearest]
    return None, []


_CONFIRM_REACH = 6  # tokens either side of a later study within which it is said to show the node too
_CONFIRMING = re.compile(r"(?i)\b(?:too|also|as\s+well|likewise|confirm\w*|correlat\w*|same\s+node)\b")
# words that ask for a study rather than report one ("CT: suspicious node, for US", "what next - US?")
_ASKED_FOR = frozenset({"for", "re", "advise", "next", "recommend", "recommended", "consider", "suggest", "need",
                        "needs", "order", "book", "request", "requested", "get", "arrange", "then", "or", "?"})


def _also_on_mammography_or_us(reading: Reading, node: Cue, found: List[Cue]) -> List[Cue]:
    """A node another study found that mammography or US shows as well ("on CT and on US", "(CT, US)", "PET-avid,
    correlated on US", "...; the diagnostic mammogram shows it too"): seen on mammography or US, whose next study is
    row 11's (not row 12's, which orders the mammography or US already done). Not a study called normal, asked for
    ("for US", "US next?") or to come."""
    listed = [c for c in reading.near(node, ["MODALITY_MUS"], "sentence") if c.start > node.end and (
        _confirming(reading, c) or _listed_after_a_study(reading, c))]
    later = [c for c in reading.all("MODALITY_MUS") if c.sentence > node.sentence and _confirming(reading, c)]
    shown = [c for c in found if c.label == "MODALITY_MUS" and c.sentence == node.sentence] + listed + later
    return [c for c in shown if reading.is_live(c) and not reading.near(c, ["BENIGN_LOOK", "NODE_NEG"], "clause")
            and not _asked_for(reading, c)]


def _confirming(reading: Reading, study: Cue) -> bool:
    """A word that says the study shows the node too ("correlated", "also", "confirms") within reach of it."""
    return bool(_CONFIRMING.search(" ".join(reading.tokens[max(0, study.start - _CONFIRM_REACH):
                                                          study.end + _CONFIRM_REACH])))


def _asked_for(reading: Reading, study: Cue) -> bool:
    """A study asked for, not reported: a word of asking just before it, or a "?" or "next" right after it."""
    after = list(takewhile(lambda t: t not in (".", ";", ",", "\n"), reading.tokens[study.end:study.end + 2]))
    return bool(_ASKED_FOR & {t.lower() for t in reading.tokens[max(0, study.start - 3):study.start]}
                or _TO_COME_AFTER & {t.lower() for t in after})


_TO_COME_AFTER = frozenset({"?", "next", "to", "tomorrow", "pending", "planned", "booked", "scheduled", "requested",
                            "awaited", "ordered", "due", "needed", "recommended"})


def _listed_after_a_study(reading: Reading, study: Cue) -> bool:
    """A study named right after another, in a list ("(CT, US)", "CT/US", "on CT and US")."""
    closed = study.end == len(reading.tokens) or reading.tokens[study.end] in (")", "]", ".", ";", "\n")
    return closed and study.start >= 2 and reading.tokens[study.start - 1].lower() in (",", "/", "and", "+", "&") \
        and any(c.end == study.start - 1 for c in reading.all("MODALITY_OTHER"))


_FIX_REACH = 6  # tokens after a correction word within which the study it puts right is named


def _adenopathy_on_imaging(reading: Reading, node: Cue) -> bool:
    """Lymphadenopathy a study reports, and calls nothing benign in its sentence ("CT: axillary lymphadenopathy";
    not "reactive-appearing adenopathy on US", nor the exam's "no palpable lymphadenopathy")."""
    return "adenopath" in node.text.lower() and not (node.negated or node.uncertain or node.historical) \
        and bool(reading.near(node, _MODALITIES, "sentence")) \
        and not any(not inside(c, reading.all("NOT_EXAMINED"))  # "(no exam documented)" names no exam done
                    for c in reading.near(node, ["BENIGN_LOOK", "PALPABLE", "EXAM"], "sentence"))


# Words by which a study reports what it found ("CT shows a mass", "mammogram: mass in the axilla")
_SHOWN = frozenset({"shows", "showed", "show", "shown", "demonstrates", "demonstrated", "reveals", "revealed",
                    "found", "detected", "identified", "noted", "incidental", "incidentally", ":", "seen"})


def _imaged_lump(reading: Reading, lump: Cue, suspicious: List[Cue], felt: bool) -> Tuple[Optional[str], List[Cue]]:
    """The study of a lump's sentence that called it abnormal (a suspicious word between them or after the study),
    or that found a lump no one felt ("CT chest: a 2.3 cm mass in the right axilla"): an imaging finding, which
    takes precedence over a lump (matching-rules.md)."""
    studies = [c for c in reading.near(lump, _MODALITIES, "sentence") if not c.negated]
    found = [] if felt or reading.near(lump, ["BENIGN_LOOK"]) else [
        c for c in studies if c.start < lump.start and _SHOWN & {t.lower() for t in reading.tokens[c.end:lump.start]}]
    if not (studies and (suspicious or found)):
        return None, []
    study = min(studies, key=lambda c: abs(c.start - lump.start))
    return ("mammography_or_us" if study.label == "MODALITY_MUS" else "other_imaging"), [study]


def _compared_with(reading: Reading, study: Cue) -> bool:
    """A study on a report's COMPARISON line ("COMPARISON: MRI 06/2024; mammogram 6 months ago"): an older one, not
    the study that found the node."""
    return any(s.text.lower().startswith("comparison") and s.end_char <= study.start_char
               and "\n" not in reading.plain[s.end_char:study.start_char] for s in reading.all("SECTION"))


def _retracted(reading: Reading, study: Cue) -> bool:
    """A study corrected to another right after it is named ("seen on the mammogram - correction, on the MRI")."""
    studies = reading.all(*_MODALITIES)
    return any(0 <= fix.start - study.end <= 3 and any(
        fix.end <= s.start <= fix.end + _FIX_REACH and s.text.lower() != study.text.lower() for s in studies)
        for fix in reading.all("CORRECTION"))


def _field_label(reading: Reading, cue: Cue) -> bool:
    """A modality that labels its findings ("CT aortogram: no dissection; ... node"): its result may be negative,
    the study itself was done."""
    return any(t.endswith(":") for t in reading.tokens[cue.end:cue.end + 3])


def mentions(reading: Reading) -> List[NodeMention]:
    """Axillary nodes and lumps of the message (computed once per message)."""
    return reading.cached("node_mentions", lambda: _mentions(reading))


# A node's cortex thicker than this is suspicious on ultrasound (reference/acr-imaging-of-the-axilla.md:
# "cortical thickness > 3 mm").
SUSPICIOUS_CORTEX_CM = 0.3


def thick_cortex(reading: Reading, node: Cue) -> List[Cue]:
    """The measurement of a cortex thicker than 3 mm in the node's clause ("node w 5mm cortex", "cortex 4 mm",
    "cortical thickness 5 mm")."""
    heads = [c for c in reading.near(node, ["NON_TUMOR_HEAD"]) if c.text.lower().startswith(("cortex", "cortic"))]
    # "one node, cortical thickness 5 mm", "LN 1.6 cm, cortex 6 mm": a cortex named right after the node (and its
    # own size), past a comma
    sized = {i for s in reading.all("SIZE") for i in range(s.start, s.end)}
    heads += [c for c in reading.near(node, ["NON_TUMOR_HEAD"], "sentence") if c not in heads
              and c.text.lower().startswith(("cortex", "cortic"))
              and 0 <= c.start - node.end - len(sized & set(range(node.end, c.start))) <= 2]
    sizes = sorted({s for h in heads for s in reading.near(h, ["SIZE"])}, key=lambda c: c.start)
    return [s for s in sizes if any(abs(s.start - h.end) <= 2 or abs(h.start - s.end) <= 2 for h in heads)
            and (size_cm(s) or 0) > SUSPICIOUS_CORTEX_CM and not s.negated]


def _result_line(reading: Reading, cue: Cue) -> List[Cue]:
    """The result that opens the sentence after a specimen line ("Right axillary lymph node, core biopsy.
    Metastatic ductal carcinoma."), as pathology reports set them out; or after a node that ends its sentence, the
    biopsy of it told next ("Now a R axillary node; US-guided core = metastatic carcinoma") or a result field of a
    biopsy report's row ("Site: Right axillary LN | Result: metastatic carcinoma")."""
    following = sorted((c for c in reading.cues if c.sentence == cue.sentence + 1), key=lambda c: c.start)
    lead = list(takewhile(lambda c: c.label in _RESULT_LEAD, following))
    opening = [c for c in following[len(lead):] if c.start == following[len(lead)].start]
    result = next((c for c in opening if c.label == "PROVEN"), None)
    if result is None or result.negated or result.uncertain:
        return []
    if reading.near(cue, ["BIOPSY"], "sentence"):
        return [result] if not lead else []
    if any(c.sentence == cue.sentence and c.start >= cue.end and c.label in _OTHER_HEADS + _NODAL
           for c in reading.cues):
        return []  # the node is not the last thing its sentence names
    tokens = reading.tokens
    field = not lead and result.start >= 2 and tokens[result.start - 1] == ":" \
        and tokens[result.start - 2].lower() in _RESULT_FIELDS \
        and any(b.end <= cue.start for b in reading.all("BIOPSY"))
    return [result] if field or any(c.label == "BIOPSY" for c in lead) else []


# what may come before a biopsy's result in the sentence that tells it ("US-guided core:"); a result field's names
_RESULT_LEAD = frozenset({"BIOPSY", "MODALITY_MUS", "MODALITY_OTHER", "IMAGING_GENERIC", "SIDE_LEFT", "SIDE_RIGHT"})
_RESULT_FIELDS = frozenset({"result", "results", "pathology", "path", "histology", "cytology", "diagnosis", "dx"})
# a lump said to have come up ("has developed a R axillary lump", "noticed a lump under her arm"): a new one
_ARISEN = frozenset({"developed", "develops", "developing", "development", "appeared", "appearance", "emerged",
                     "noticed"})
_SAME_NODE_REACH = 12  # tokens after an unfelt node within which "but suspicious on US" still describes it
_OTHER_HEADS = ("TUMOR", "CANCER", "BREAST")
_NODAL = ("NODE", "LUMP")
_PARTS = ("NON_TUMOR_HEAD", "OTHER_FOCUS")  # "suspicious calcifications", "a suspicious cyst"; not a node's cortex
_NODE_PARTS = ("cortex", "cortic", "hilum", "hilar", "fatty hilum")


def _same_node(reading: Reading, node: Cue, suspicious: Cue) -> bool:
    """A suspicion that describes this node: in its clause, or just after it ("node not palpable but suspicious on
    US", "nodes not palpable, one looks suspicious on ultrasound", "not palpable; it is suspicious on US") with no
    other node, lump or tumour named between them or right after it ("suspicious mass in the breast")."""
    if suspicious.clause == node.clause:
        return True
    if not 0 <= suspicious.start - node.end <= _SAME_NODE_REACH:
        return False
    # nothing else named between them or right after it that the suspicion could describe ("the node is not
    # palpable; it is suspicious on ultrasound")
    between = [c for c in reading.cues if node.end <= c.start < suspicious.start and c.label in _OTHER_HEADS + _NODAL]
    after = [c for c in reading.cues if 0 <= c.start - suspicious.end <= 3 and c.sentence == suspicious.sentence
             and (c.label in _OTHER_HEADS or c.label in _PARTS and not c.text.lower().startswith(_NODE_PARTS))]
    # a node of the other side named right after it is the one it describes ("no palpable nodes; US shows a
    # suspicious RIGHT axillary node" beside a left cancer)
    sides = primary_sides(reading)
    across = [c for c in reading.all("NODE") if 0 <= c.start - suspicious.end <= 4 and len(sides) == 1
              and reading.side_of(c) in ("left", "right") and reading.side_of(c) not in sides]
    return not between and not after and not across


_SEEN = frozenset({"seen", "visible", "visualised", "visualized", "shown", "shows", "showed", "demonstrated"})


def _seen_on(reading: Reading, node: Cue) -> bool:
    """The unfelt node said to be seen on a study just after it ("it's only seen on the MRI", "seen on US only"),
    nothing else named between them and no finding word that says what it looked like."""
    for study in reading.live(*_MODALITIES):
        gap = range(node.end, study.start)
        if 0 <= study.start - node.end <= _SAME_NODE_REACH and any(reading.tokens[i].lower() in _SEEN for i in gap) \
                and not reading.within(study, ["FINDING_WORD"], 3, 2) \
                and not [c for c in reading.cues
                         if node.end <= c.start < study.start and c.label in _OTHER_HEADS + _NODAL]:
            return True
    return False


# Words that may stand between a node and the exam that found it ("node present on exam", "node felt on exam").
_FOUND_WORDS = frozenset({"is", "are", "was", "were", "present", "noted", "found", "felt", "detected", "identified",
                          "enlarged", "palpable", "palpated", "also", "again", "now", "clinically", "a", "an", "the",
                          "her", "my", "your", "our", "cm", "mm", "x", "at", "in", "of", "on", "by", "'s", "’s"})


_GONE = frozenset({"resolved", "disappeared", "regressed"})


def _gone(reading: Reading, lump: Cue) -> bool:
    """A lump said to have gone since ("a new lump noted last month has since resolved"), across the "and has" that
    starts a clause of its own: there is no lump now."""
    after = reading.tokens[lump.end:lump.end + 10]
    ends = [i for i, t in enumerate(after) if t in (".", ";", "\n", "but")]
    return any(t.lower() in _GONE for t in after[:ends[0] if ends else len(after)])


_NO_LONGER = re.compile(r"(?i)\b(?:no|not|n['’]t)\s+(?:\w+\s+)?longer\b|\bany\s*more\b")
_NO_LONGER_REACH = 6  # tokens either side of the node ("no longer any palpable L axillary node")


def _no_longer(reading: Reading, node: Cue) -> bool:
    """A node denied as "no longer" there ("the L node is no longer palpable", "no longer any palpable node"): it was
    there before, so it is gone since, not a negative exam of the time before."""
    ends = reading.sentence_ends()
    end = min([e for e in ends if e >= node.end] + [node.end + _NO_LONGER_REACH])
    start = max([e for e in ends if e < node.start] + [node.start - _NO_LONGER_REACH, 0])
    return bool(_NO_LONGER.search(" ".join(reading.tokens[start:end])))


def _exam_only(reading: Reading, node: Cue, exam: Cue) -> bool:
    """The exam named after a node with other words between them ("nodes assessed on exam", "nodes as before on
    exam"): it says the node was examined, not that it was felt. A node right before its exam ("node on exam",
    "1.5 cm L node present on exam") was felt."""
    if "exam" not in reading.norm_of(exam) or exam.start < node.end:
        return False
    # the examiner named between them is who felt it ("lymphadenopathy on GP exam", "node on the surgeon's exam")
    covered = {i for c in reading.cues if c.label in ("SIZE", "SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH", "AXILLA",
                                                       "PALPABLE", "SUSPICIOUS", "CLINICIAN")
               for i in range(c.start, c.end)}
    return any(any(ch.isalpha() for ch in reading.tokens[i]) and reading.tokens[i].lower() not in _FOUND_WORDS
               for i in range(node.end, exam.start) if i not in covered)


# Words of a question about what to do, not about the finding ("what imaging for the palpable node?")
_PROPERTY_ASKED = frozenset({"side", "sides", "laterality", "size", "grade", "date", "when"})
_ASKING = frozenset({"what", "which", "how", "should", "need", "needs", "next", "recommend", "recommended", "order",
                     "best", "plan", "approach", "workup", "work-up", "image", "imaging", "do", "does", "can",
                     "would", "anything", "further", "why", "when", "options", "step"})


_YES_NO = frozenset({"is", "are", "was", "were", "does", "do", "did", "could", "might"})  # a yes/no question's opening


_MANAGEMENT = frozenset({"need", "needs", "require", "requires", "indicated", "appropriate", "warranted", "order",
                         "recommended", "worth"})


# what a felt node is like: denying one ("not tender but firm", "not mobile") leaves the node felt
_NOTICED = frozenset({"noticed", "notice", "notices", "noticing"})  # what the patient herself was aware of
_ATTRIBUTES = frozenset({"tender", "mobile", "fixed", "matted", "firm", "hard", "soft", "non-tender"})


_VAGUE = frozenset({"full", "fullness"})  # an axilla that feels full: no discrete node (asked, matching-rules.md)


def _discrete(reading: Reading, fullness: Cue) -> bool:
    """The fullness's sentence calls what is felt discrete ("fullness, palpable as discrete lumps"; not "no discrete
    node")."""
    start, end = reading.sentence_span(fullness)
    tokens = [t.lower() for t in reading.tokens[start:end]]
    return any(t == "discrete" and (i == 0 or tokens[i - 1] not in ("no", "nothing", "without", "not", "any"))
               for i, t in enumerate(tokens))


def _attribute(palpable: Cue) -> bool:
    """The word tells what a felt node is like ("not mobile", "non-tender"): denied, it says nothing of whether a
    node is felt."""
    return palpable.text.lower() in _ATTRIBUTES


def _queried(reading: Reading, node: Cue) -> bool:
    """The node's own sentence asks whether it is there ("Palpable R axillary node?", "Node is palpable? To be
    confirmed.", "node - or is it just a lipoma?"): it ends with a question mark and asks nothing else."""
    tokens = reading.tokens
    ends = reading.sentence_ends()
    end = next((i for i in ends if i >= node.end), len(tokens))
    if end == len(tokens) or tokens[end] != "?":
        return False
    if any(c.start in (end + 1, end + 2) for c in reading.all("ANSWER_YES", "ANSWER_NO")):
        return False  # a checklist item with its answer ("Palpable nodes? Yes.")
    start = max((i + 1 for i in ends if i < node.start), default=0)
    if end - 1 > node.end and tokens[end - 1].lower() in _PROPERTY_ASKED:
        return False  # "lymphadenopathy on exam, side?": the side is asked, not the node
    if tokens[start].lower() in _YES_NO and _MANAGEMENT & {t.lower() for t in tokens[start:end]} \
            and any(c.sentence == node.sentence for c in reading.all(*_MODALITIES, "IMAGING_GENERIC")):
        return False  # "Does a 58F with ... a palpable node need an axillary US?": the study is asked, the node given
    if tokens[start].lower() in _YES_NO:
        return True  # "Is the node on mammo suspicious?": asked, whatever the question names
    return not any(t.lower() in _ASKING for t in tokens[start:end]) \
        and not any(c.sentence == node.sentence for c in reading.all(*_MODALITIES, "IMAGING_GENERIC"))


def _denied_of_another(reading: Reading, node: Cue, denial: Cue) -> bool:
    """A negated finding that belongs to another axilla or node named, and itself denied, between them ("hard
    supraclavicular node on exam (axilla itself feels clear)"), or to the denied noun right after it ("lump in the
    axilla and no palpable breast mass")."""
    low, high = sorted((node.end, denial.start)) if denial.start >= node.end else (denial.end, node.start)
    heads = reading.near(node, _NODAL + ("AXILLA", "BREAST", "TUMOR"))
    return any(low <= c.start < high and c.negated and c.label in _NODAL + ("AXILLA",) for c in heads) \
        or denial.start > node.end and any(c.negated and 0 <= c.start - denial.end <= 2 for c in heads)


_FINDERS = frozenset({"she", "he", "patient", "pt", "i", "we", "husband", "partner", "gp", "doctor"})


def _found_by_study(reading: Reading, cue: Cue) -> bool:
    """"found a" after a study named earlier in its sentence ("on a CT for cough one has found a suspect node"): the
    study found it, nobody felt it; not "she found a lump"."""
    return cue.text.lower().startswith("found") and cue.start > 0 \
        and reading.tokens[cue.start - 1].lower() not in _FINDERS \
        and any(m.sentence == cue.sentence and m.end <= cue.start
                for m in reading.all("MODALITY_MUS", "MODALITY_OTHER"))


def _mentions(reading: Reading) -> List[NodeMention]:
    found = []
    for cue in reading.all("NODE", "LUMP"):
        if cue.family or cue.historical or reading.supposed(cue) or reading.past_entry(cue) \
                or (cue.label == "LUMP" and not axillary(reading, cue)) or _elsewhere(reading, cue):
            continue
        if any(c.start <= cue.start < c.end for c in reading.all("AXILLARY_TAIL")):
            continue  # the axillary tail is breast
        if cue.uncertain and any(inside(cue, [c]) and c.end - c.start > 1 for c in reading.all("SURGERY")):
            continue  # "imaging before her sentinel node biopsy?": the operation's name, asked about, no finding
        if any(inside(cue, [c]) and not reading.is_live(c) for c in reading.all("NODE_POS")):
            continue  # the node of a status not stated of her ("would a positive node change it?", "her sister's")
        palpable_cues = [c for c in reading.near(cue, ["PALPABLE"]) + _trailing(reading, cue, "PALPABLE")
                         + _listed_before(reading, cue, "PALPABLE")
                         if not (c.negated or c.uncertain or _found_by_study(reading, c))]
        # (not the exam of "no exam documented": an exam not done hedges no finding of imaging)
        hedged = [c for c in reading.near(cue, ["PALPABLE"]) if c.uncertain and not c.negated
                  and not inside(c, reading.all("NOT_EXAMINED"))]
        # "nodes assessed on exam": the exam named, not what it found
        named_only = [c for c in palpable_cues if _exam_only(reading, cue, c)]
        hedged += named_only
        palpable_cues = [c for c in palpable_cues if c not in named_only]
        suspicious_cues = [c for c in reading.near(cue, ["SUSPICIOUS"], "sentence")
                           if not (c.negated or c.uncertain or c.historical or c.family)] + thick_cortex(reading, cue)
        if not suspicious_cues and _adenopathy_on_imaging(reading, cue):
            suspicious_cues = [cue]  # "CT: R axillary lymphadenopathy": enlarged nodes, by the word itself
        proven_cues = [c for c in reading.near(cue, ["PROVEN"], "sentence") if not (c.negated or c.uncertain)] \
            or [c for c in reading.near(cue, ["NODE_BIOPSY_RESULT"], "sentence")
                if c.start <= cue.start < c.end and not (c.negated or c.uncertain)] or _result_line(reading, cue)
        palpable = bool(palpable_cues)
        # A lump is felt; only a node can have been found on imaging, or a lump imaging has called abnormal since
        # ("a palpable lump, hypermetabolic on PET": the next study's variant, matching-rules.md)
        modality, modality_cues = _modality(reading, cue, palpable) if cue.label != "LUMP" else \
            _imaged_lump(reading, cue, suspicious_cues, palpable or bool(reading.near(cue, ["PALPABLE"], "sentence")))
        # "no palpable node" beside it negates a node, unless imaging calls that node suspicious: a negative exam
        # does not cancel a suspicious node on imaging (matching-rules.md)
        unfelt = any(c.negated for c in reading.near(cue, ["PALPABLE"])) or inside(cue, reading.all("NODE_NEG"))
        if unfelt and modality:
            # "suspicious node on US (not palpable)", "node not palpable but suspicious on US", "not palpable; it is
            # suspicious on ultrasound": found on imaging
            later = [c for c in reading.all("SUSPICIOUS") if not (c.negated or c.uncertain or c.historical or c.family)
                     and c not in suspicious_cues and 0 <= c.start - cue.end <= _SAME_NODE_REACH]
            same = [c for c in suspicious_cues + later if _same_node(reading, cue, c)]
            if same:
                cue = with_context(cue, negated=False) if cue.negated else cue
                suspicious_cues = suspicious_cues or same
            elif _seen_on(reading, cue):
                # "the node isn't palpable, it's only seen on the MRI": seen, not called abnormal: asked
                cue = with_context(cue, negated=False, uncertain=True)

        if suspicious_cues and not (palpable_cues or proven_cues or cue.negated) and _called_benign(reading, cue):
            cue = with_context(cue, uncertain=True)  # "avid node, favoured reactive": the study is in two minds
        elif hedged and not (palpable_cues or suspicious_cues or proven_cues) and not cue.negated:
            cue = with_context(cue, uncertain=True)  # "LN ?palp": whether it is felt is itself in doubt
        elif cue.text.lower() in _VAGUE and not (suspicious_cues or proven_cues or cue.negated) \
                and not _discrete(reading, cue):
            cue = with_context(cue, uncertain=True)  # "axillary fullness": no node or lump said to be felt
        elif (palpable_cues or suspicious_cues or cue.label == "LUMP") and not (cue.negated or proven_cues) \
                and _queried(reading, cue):
            cue = with_context(cue, uncertain=True)
        # a node felt and called not suspicious ("palpable but non-suspicious node") is still felt: a palpable node
        # is enough for node-positive (matching-rules.md)
        # (not an earlier exam's: "palpable - not present on any previous examination" is a new node)
        denials = [c for c in reading.near(cue, ["PALPABLE", "SUSPICIOUS"])
                   if c.negated and not _denied_of_another(reading, cue, c) and not inside(c, reading.all("NOT_BEFORE"))
                   and not (palpable_cues and (c.label == "SUSPICIOUS" or _attribute(c)))
                   and not _of_the_breasts_named_since(reading, cue, c)]
        negated = cue.negated or _gone(reading, cue) or (not (suspicious_cues or proven_cues) and bool(denials))
        if negated and _felt_since(reading, cue):
            # "not palpable last month, now palpable": the exam has changed; which holds is asked
            cue, negated = with_context(cue, negated=False, uncertain=True), False
        if negated and not cue.negated:
            cue = with_context(cue, negated=True)
        elif not (negated or _denied_list(reading, cue)):
            suspicious_cues += _clavicular(reading, cue)  # a node there is cN3 (matching-rules.md)
        exam = bool(reading.near(cue, ["PALPABLE", "EXAM"])) or not (
            _imaged(reading, cue) or _imaging_section(reading, cue) or cue.negated and _seen_words(reading, cue))
        # "a new lump", "a new, palpable 1.5 cm lump": "new" in its clause or just before it in its sentence
        new = any(not c.negated and "new" in reading.norm_of(c) for c in reading.near(cue, ["NEW"])
                  + [n for n in reading.near(cue, ["NEW"], "sentence") if 0 <= cue.start - n.end <= 5]) \
            or any(0 <= n.start - cue.end <= 8 for n in reading.near(cue, ["NOT_BEFORE"], "sentence")) \
            or bool(_ARISEN & {t.lower() for t in reading.tokens[max(0, cue.start - 7):cue.start]})
        side_cues = reading.sides_near(cue)
        support = tuple(palpable_cues[:1] + suspicious_cues[:1] + proven_cues[:1] + modality_cues + side_cues)
        apposed = apposed_axilla(reading, cue)
        side = reading.side_of(cue) or next((reading.side_of(a) for a in reading.near(cue, ["AXILLA"])
                                             + ([apposed] if apposed else []) if reading.side_of(a)), None)
        if side in ("left", "right") and cue.negated and _both_axillae_named(reading, cue):
            side = "bilateral"  # "R axilla and L axilla without palpable lymphadenopathy": both are clear
        found.append(NodeMention(cue, palpable, bool(suspicious_cues), bool(proven_cues), modality, new,
                                 cue.label == "LUMP", exam, side, support))
    return found + _node_parts(reading)


# Both axillae named together ("R axilla and L axilla", "right and left axillae")
_BOTH_AXILLAE = re.compile(r"(?i)\b(?:r|l|right|left)\s+(?:axilla|axillae|axillary)\s*(?:and|&|\+|,)\s*"
                           r"(?:r|l|right|left)\s+(?:axilla|axillae)\b|\b(?:right|r)\s+(?:and|&)\s+(?:left|l)\s+axillae?\b"
                           r"|\b(?:left|l)\s+(?:and|&)\s+(?:right|r)\s+axillae?\b")


def _both_axillae_named(reading: Reading, cue: Cue) -> bool:
    """Both axillae are named together just before the node, in its sentence: the node statement is of both."""
    before = reading.plain[max(0, cue.start_char - 70):cue.start_char]
    found = list(_BOTH_AXILLAE.finditer(before))
    return bool(found) and len(before) - found[-1].end() <= 40 and not re.search(r"[.;\n]", before[found[-1].end():])


_BENIGN_CALL = re.compile(r"(?i)reactive|benign")
_BENIGN_REACH = 8  # tokens after a node within which "..., likely reactive" still describes it


def _called_benign(reading: Reading, node: Cue) -> bool:
    """The node's study calls it reactive or benign as well as abnormal ("mildly avid node, favoured reactive",
    "enlarged node, probably reactive"): whether it is suspicious is open."""
    return any(0 <= c.start - node.end <= _BENIGN_REACH and not c.negated and _BENIGN_CALL.search(c.text)
               and not _EARLIER & {t.lower() for t in reading.tokens[node.end:c.start]}
               for c in reading.near(node, ["BENIGN_LOOK"], "sentence"))


# "the node previously described as benign-appearing": an older call, which the study has since changed
_EARLIER = frozenset({"previously", "formerly", "initially", "originally", "earlier", "once", "prior"})


def _node_parts(reading: Reading) -> List[NodeMention]:
    """A node told by its abnormal parts alone ("Axillary US: cortex thickened, hilum effaced"): only a lymph node
    has a cortex and a fatty hilum, so an axilla's imaging that calls them abnormal shows a suspicious node, with no
    node or lump named in the sentence."""
    found = []
    for cue in reading.all("SUSPICIOUS"):
        if cue.negated or cue.uncertain or cue.family or cue.historical or reading.supposed(cue) \
                or not _PART_WORD.search(cue.text) \
                or reading.near(cue, _NODAL, "sentence") or not reading.near(cue, ["AXILLA"], "sentence"):
            continue
        modality, modality_cues = _modality(reading, cue, False)
        found.append(NodeMention(cue, False, True, False, modality, False, False, False, reading.side_of(cue),
                                 tuple(modality_cues + reading.sides_near(cue))))
        break  # one node: its parts are not nodes of their own
    return found


_PART_WORD = re.compile(r"(?i)\b(?:cortex|cortical|hil(?:um|ar))\b")


def primary_sides(reading: Reading) -> Set[str]:
    """Sides of the breast cancer: those the message names with it, else (a follow-up that names none) the side
    of the case it adds to, so that "R axilla clinically negative" about a left cancer is the other side."""
    stated = stated_primary_sides(reading)
    if stated or reading.case_side not in ("left", "right", "bilateral"):
        return stated
    return {"left", "right"} if reading.case_side == "bilateral" else {reading.case_side}


def stated_primary_sides(reading: Reading) -> Set[str]:
    """Sides named with the breast cancer itself in the message ("L breast IDC", "right breast cancer")."""
    def compute() -> Set[str]:
        # (a past timeline entry's too: "2009: R IDC, lumpectomy. Now: new L IDC")
        past = [c for c in reading.all("CANCER") if c.family or c.negated or c.historical or reading.past_entry(c)]
        # the cancer's own side first, then a breast with a mass in its clause ("a new mass in the left breast",
        # not "right breast: no mass" nor "a benign right breast cyst"), then any breast
        for labels, massed in ((("CANCER", "TUMOR", "AXILLARY_TAIL"), False), (("BREAST",), True),
                               (("BREAST",), False)):
            sides: Set[str] = set()
            for cue in reading.all(*labels):
                if cue.family or cue.negated or cue.historical or cue.uncertain \
                        or any(abs(p.start - cue.start) <= 3 for p in past) \
                        or massed and not reading.near(cue, ["LUMP", "TUMOR", "CANCER", "SIZE"]) \
                        or massed and any(c.negated for c in reading.near(cue, ["LUMP", "TUMOR"])):
                    continue
                side = reading.side_of(cue, before=4, after=4)
                if side == "bilateral":
                    sides |= {"left", "right"}
                elif side:
                    sides.add(side)
            if sides:
                return sides
        return set()
    return reading.cached("stated_primary_sides", compute)


def contralateral(reading: Reading, m: NodeMention) -> bool:
    """A node on the other side from a one-sided breast cancer, or called contralateral."""
    named = [c for c in reading.near(m.cue, ["CONTRALATERAL"], "sentence") if -5 <= c.start - m.cue.start <= 3]
    if named and primary_sides(reading):
        return True
    sides = primary_sides(reading)
    return m.side in ("left", "right") and len(sides) == 1 and m.side not in sides


def relevant(reading: Reading, facts: Facts) -> List[NodeMention]:
    """The mentions that bear on the case's axilla: not the other side, not a new lump during treatment (nor a
    felt node that is not said to date from diagnosis: that is the new lump again)."""
    during = bool(facts.get("new_lump_during_treatment"))
    history = bool(facts.get("cancer_history"))  # a past cancer's side is not the case's: the finding is
    return [m for m in mentions(reading) if (history or not contralateral(reading, m))
            and not (during and (m.new or _felt_now(reading, m)))]


def _regional(reading: Reading, m: NodeMention) -> bool:
    """An infraclavicular or supraclavicular node (cN3): not the axilla's own exam."""
    return bool(_clavicular(reading, m.cue)) or _in_regional_field(reading, m.cue)


_NOW = frozenset({"now", "today", "currently", "ab"})  # Hindi "ab": now


def _felt_since(reading: Reading, node: Cue) -> bool:
    """A palpable finding said of the present after the node's denial, in its sentence ("... now palpable"); not
    beside chemotherapy, where the status before it and a new lump are told apart (rows 7-9)."""
    if reading.has("NAC", "NEOADJUVANT") or reading.near(node, ["SIZE_AT_DX"], "sentence"):
        return False
    return any(p.start > node.end and not (p.negated or p.uncertain or p.family)
               and _NOW & {t.lower() for t in reading.tokens[max(0, p.start - 3):p.start]}
               for p in reading.near(node, ["PALPABLE"], "sentence"))


def beyond_axilla(cue: Cue) -> bool:
    """An AXILLA cue that names a regional site other than the axilla: above or below the clavicle, or the internal
    mammary chain (cN2-N3 beside a breast cancer; another node site without one, matching-rules.md)."""
    text = cue.text.lower()
    return "clav" in text or "collar" in text or "internal mammary" in text or text == "scf"


def _clavicular(reading: Reading, node: Cue) -> List[Cue]:
    """The words that place a node beyond the axilla ("supraclavicular node", "internal mammary node"); [] for an
    axillary one."""
    near = [a for a in reading.within(node, ["AXILLA"], 3, 2)]
    # (across the commas of a list, which end a clause)
    wider = reading.within(node, ["AXILLA"], 7, 2) + [
        a for a in reading.near(node, ["AXILLA"], "sentence") if node.start - 7 <= a.start < node.start]
    # "axillary or supraclavicular nodes", "axillary, supraclavicular or infraclavicular nodes": the axilla's too;
    # not an axilla with its own node or status before ("no palpable axillary nodes, palpable R supraclavicular node",
    # "axilla clinically negative, palpable infraclavicular node")
    heads = [n.end for n in reading.near(node, ["NODE", "NODE_NEG", "NODE_POS"], "sentence") if n.end <= node.start]
    wider = [a for a in wider if not any(a.end <= h <= node.start for h in heads)]
    return near if near and all(beyond_axilla(a) for a in wider) else []


_DENIES = frozenset({"denies", "denied", "deny", "denying"})
_NEGATIONS = frozenset({"no", "without", "nil", "neither", "nor", "not", "negative", "denies", "denied"})


def _denied_list(reading: Reading, node: Cue) -> bool:
    """A negation a few words before or after a node, across the commas of a list ("no palpable axillary,
    supraclavicular or infraclavicular nodes") that end its clause."""
    return any(t.lower() in _NEGATIONS for t in reading.tokens[max(0, node.start - 8):node.end + 3])


def _status_before_nac(reading: Reading, facts: Facts, negative: List[Cue], positive: List[NodeMention]) -> List[Cue]:
    """After neoadjuvant chemotherapy, a negative status said to be the one at diagnosis ("cN0 at diagnosis",
    "node negative initially"), beside nodes found since then: the status before chemotherapy is the one that
    counts for variants 8 and 9 (matching-rules.md). Its cues; [] otherwise."""
    if facts.get("treatment") != "neoadjuvant_completed" or any(reading.near(m.cue, ["SIZE_AT_DX"]) for m in positive):
        return []
    # or told before the chemotherapy, the nodes found after it ("Jan: dx 3 cm IDC, cN0. Feb-Jun: NAC, completed.
    # Jul: new palpable lump"): a timeline
    chemo = [n for n in reading.all("NAC") if not (n.negated or n.family)]
    return [c for c in negative if reading.within(c, ["SIZE_AT_DX"], 5, 4) or any(
        c.sentence < n.sentence and positive and all(n.sentence < m.cue.sentence for m in positive) for n in chemo)]


def _since_chemotherapy(reading: Reading, m: NodeMention) -> bool:
    """A node said to be new or of the present ("now", "today") and not of the diagnosis."""
    return (m.new or bool(reading.near(m.cue, ["SIZE_LATER"], "sentence"))) \
        and not reading.near(m.cue, ["SIZE_AT_DX", "NSTAGE", "TNM"])


def _felt_now(reading: Reading, m: NodeMention) -> bool:
    baseline = reading.near(m.cue, ["SIZE_AT_DX", "NSTAGE", "TNM"], "sentence")
    return m.positive and (m.palpable or m.is_lump) and not (m.proven or m.modality or baseline)


# What only an image shows of a node ("normal cortical thickness", "preserved fatty hila", "normal in size and
# morphology", "normal-appearing nodes"): a statement in these words reports imaging, named or not.
_IMAGE_WORDS = re.compile(r"(?i)\b(?:cort(?:ex|ices|ical)|hil(?:um|a|ar)|morpholog\w*|normal[\s-]+appearing"
                          r"|short[\s-]+axis|fatty\s+hil\w*)\b")


def _imaged(reading: Reading, cue: Cue) -> bool:
    """A study named in the statement's clause, or earlier in its sentence ("US, which showed no abnormal nodes"),
    or what only an image shows said of the node in its sentence."""
    studies = _MODALITIES + ("IMAGING_GENERIC",)  # "no suspicious nodes on imaging": whichever study it was
    if reading.near(cue, studies) or any(m.start < cue.start for m in reading.near(cue, studies, "sentence")):
        return True
    around = reading.tokens[max(0, cue.start - 6):cue.end + 8]
    return bool(_IMAGE_WORDS.search(" ".join(around))) and not reading.near(cue, ["PALPABLE", "EXAM"], "sentence")


def _imaging_section(reading: Reading, cue: Cue) -> bool:
    """The findings or impression of an imaging report describe the images, not the clinical exam; so does what
    follows a study's own heading ("US LEFT AXILLA: ...", "Post-NAC MRI: ...") until an exam is named."""
    if reading.section_of(cue) in ("FINDINGS", "IMPRESSION") and reading.has(*_MODALITIES):
        return True
    heading = _study_heading(reading)
    # "Clinical: 56F, biopsy-proven IDC": a field's label, not an exam
    return heading is not None and heading.start < cue.start and not any(
        heading.start < e.start <= cue.start and reading.tokens[e.end:e.end + 1] != [":"]
        for e in reading.all("EXAM", "PALPABLE"))


def _study_heading(reading: Reading) -> Optional[Cue]:
    """A study named at the head of a line and followed by a colon ("US LEFT AXILLA:", "Post-NAC MRI:"), or in the
    first words of the message (a report's title)."""
    def compute() -> Optional[Cue]:
        tokens = reading.tokens
        for m in reading.all(*_MODALITIES):
            line_start = m.start
            while line_start > 0 and "\n" not in tokens[line_start - 1] and m.start - line_start < 3:
                line_start -= 1
            if (line_start == 0 or "\n" in tokens[line_start - 1]) and ":" in tokens[m.end:m.end + 4]:
                return m
            if line_start == 0 and m.end <= 4:
                return m  # a report's title: "BREAST MRI (pre-treatment), 47F, ...", "DIAGNOSTIC MAMMOGRAPHY, RIGHT."
        return None
    return reading.cached("study_heading", compute)


def _denies_the_other_side(reading: Reading, exam: Cue) -> bool:
    """The exam word of a sentence whose denied node is the other side's ("Exam: no palpable adenopathy on the
    right", beside a left cancer): the denial says nothing of the cancer's axilla."""
    return any(m.negated and m.cue.sentence == exam.sentence and contralateral(reading, m) for m in mentions(reading))


def _exam_not_done(reading: Reading, exam: Cue) -> bool:
    """The exam named only to say it was not done or not written down ("(exam not documented)"), whatever a "no"
    before it does to those words."""
    return any(inside(exam, [n]) or n.start == exam.end for n in reading.all("NOT_EXAMINED")
               if not n.family and n.text.lower().startswith(("not", "no "))
               and not any(w in n.text.lower() for w in ("imag", "palpat")))  # a node "not palpated" is felt for


def _exam_negative(reading: Reading, cue: Cue) -> bool:
    """A negative statement that reports the clinical exam (or names no imaging at all), not "not examined"."""
    if reading.near(cue, ["NOT_EXAMINED"], "sentence"):
        return False
    if "clinical" in reading.norm_of(cue) or cue.text.lower().startswith("cn") \
            or reading.near(cue, ["PALPABLE", "EXAM"]):
        return True
    return not (_imaged(reading, cue) or _imaging_section(reading, cue) or _seen_words(reading, cue))


_IMAGING_VERBS = frozenset({"seen", "visualised", "visualized", "identified", "demonstrated", "detected", "depicted"})


def _seen_words(reading: Reading, cue: Cue) -> bool:
    """Nodes denied in the words of imaging, no study named ("no suspicious nodes", "no nodes seen"): what a study
    shows, not what the exam feels (matching-rules.md, node-negative needs the exam)."""
    near = reading.tokens[max(0, cue.start - 3):cue.end + 2]
    return bool(_IMAGING_VERBS & {t.lower() for t in near}) or any(
        s.negated and -3 <= s.start - cue.start <= 0 for s in reading.near(cue, ["SUSPICIOUS"]))


_LATER_BEFORE = 10  # tokens before a finding within which its time is told ("today's exam shows no palpable L nodes")


def _unknown_before_chemotherapy(reading: Reading, facts: Facts) -> List[Cue]:
    """After or during neoadjuvant chemotherapy, the nodal status before it said to be unknown ("don't know what the
    axilla was like before chemo", "nodal status at diagnosis unknown"): that status decides rows 7-9, so it is
    asked whatever today's exam shows."""
    if facts.get("treatment") not in ("neoadjuvant_ongoing", "neoadjuvant_completed"):
        return []
    return [c for c in reading.all("SIZE_AT_DX") if c.uncertain and not c.family
            and reading.near(c, ["AXILLA", "NODE", "NSTAGE", "NODE_NEG", "NODE_POS"], "sentence")]


def _after_chemotherapy(reading: Reading, cue: Cue, facts: Facts) -> bool:
    """After neoadjuvant chemotherapy an exam said to be today's is not the status before it, which is the one
    that counts for variants 8 and 9 (matching-rules.md)."""
    if facts.get("treatment") != "neoadjuvant_completed" or reading.near(cue, ["SIZE_AT_DX"]):
        return False
    # "nothing palpable in the axilla today": the time word may stand in a clause of its own after the finding
    later = [q for q in reading.near(cue, ["SIZE_LATER"], "sentence") if -_LATER_BEFORE <= q.start - cue.start <= 6
             and not reading.within(q, ["SIZE"], 0, 3)]  # "residual 1.2 cm": the time of a measurement
    # "post-NAC", "after NAC": the time of the treatment, not of the exam
    chemo = reading.all("NAC")
    return any(not (reading.within(q, ["NAC"], 0, 1) or _holds(q, chemo)) for q in later)


def _holds(cue: Cue, spans: List[Cue]) -> bool:
    """A span of `spans` starts inside the cue ("post-NAC" holds "NAC")."""
    return any(cue.start <= s.start < cue.end for s in spans)


def _negative_exams(reading: Reading, facts: Facts) -> List[Cue]:
    """Statements that the clinical exam of the case's axilla is negative (before chemotherapy, after it)."""
    return [c for c in _negatives(reading, facts) if not _after_chemotherapy(reading, c, facts)]


def _denied_negative(reading: Reading, cue: Cue) -> bool:
    """A negative statement denied ("not node-negative", "isn't clinically negative"): not a negative exam, and not
    said what it is instead (asked)."""
    before = [t.lower() for t in reading.tokens[max(0, cue.start - 2):cue.start]]
    return any(t in ("not", "n't", "isn't", "never") for t in before)


def _negatives(reading: Reading, facts: Facts) -> List[Cue]:
    """Statements that the case's axilla is negative, not those denied in turn ("not true that there are no nodes")."""
    return [c for c in _negative_statements(reading, facts) if not _deniers(reading, c)]


def _denied_negatives(reading: Reading, facts: Facts) -> List[Cue]:
    """The deniers of negative statements ("it is not true that", "can't agree", "no nodes? wrong"): a double
    negation says only that the exam is not negative, not what it found: asked, unless a node is found."""
    return [d for c in _negative_statements(reading, facts) for d in _deniers(reading, c)][:1]


_DENIED_REACH = 12  # tokens from a denier to the negative statement it denies


def _deniers(reading: Reading, cue: Cue) -> List[Cue]:
    return [d for d in reading.all("NEGATION_DENIED") if not d.family and (
        d.sentence == cue.sentence and 0 <= cue.start - d.end <= _DENIED_REACH
        or d.text.startswith("?") and 0 <= d.start - cue.end <= 3)]


def _negative_statements(reading: Reading, facts: Facts) -> List[Cue]:
    # (an exam said not done; not "not palpated": said of a node, it is felt for and absent)
    if any("exam" in c.text.lower() for c in reading.live("NOT_EXAMINED")) or any(
            _exam_not_done(reading, c) for c in reading.all("PALPABLE", "EXAM") if not c.family):
        return []  # "no axillary adenopathy ... haven't examined her yet": whatever denied a node was not the exam
    found = relevant(reading, facts)
    cues = [c for c in reading.live("NODE_NEG") if _exam_negative(reading, c) and not _other_side(reading, c)
            and not _about_breasts(reading, c) and not _denied_negative(reading, c) and not _beside_axilla(reading, c)]
    # (a node "no longer palpable" was there before: no negative exam of the time before chemotherapy)
    cues += [c for m in found if m.negated and not m.uncertain and m.exam and not _not_the_exam(reading, m)
             and not _no_longer(reading, m.cue) for c in m.cues]
    axillae = [a for a in reading.all("AXILLA") if not (a.family or a.uncertain)]
    cues += _clear_axillae(reading)
    # a terse "not palpable" in a case with a side, or to the node question, is about the case's axilla
    terse = len(reading.tokens) <= 6 and not reading.has("BREAST", "CANCER", "TUMOR", "LUMP", "NODE") and (
        reading.case_side is not None or reading.expecting == "clinical_nodes")
    cues += [p for p in reading.all("PALPABLE") if p.negated and not p.uncertain
             and not _attribute(p) and not reading.near(p, ["NOT_EXAMINED"], "sentence")
             and not reading.near(p, ["NODE", "LUMP", "BREAST"])  # a node or mass speaks for itself
             and (terse or _own_axilla(reading, p, axillae)) and not _other_side(reading, p)
             and not _denies_the_other_side(reading, p)]
    # "FNA of the L axillary node: negative": the biopsy's result, not the exam's
    return [c for c in cues if not _biopsied(reading, c) and not _excepted(reading, c)]


_EXCEPT = frozenset({"except", "apart", "besides"})


def _excepted(reading: Reading, negative: Cue) -> bool:
    """A negative statement with an exception after it in its sentence ("axilla negative except for a small
    palpable node"): the exception is what was found, the statement no negative exam."""
    ends = reading.sentence_ends()
    end = next((e for e in ends if e >= negative.end), len(reading.tokens))
    return any(t.lower() in _EXCEPT for t in reading.tokens[negative.end:end])


def _own_axilla(reading: Reading, denial: Cue, axillae: List[Cue]) -> bool:
    """The axilla a bare "not palpable" is said of, the nearest before it in its sentence (else after it), is the
    case's ("L axillary node, R axilla not palpable" says nothing of the left)."""
    same = [a for a in axillae if a.sentence == denial.sentence]
    before = [a for a in same if a.end <= denial.start]
    nearest = max(before, key=lambda a: a.start) if before else min(same, key=lambda a: a.start, default=None)
    return nearest is not None and not _other_side(reading, nearest) and not beyond_axilla(nearest)


def _clear_axillae(reading: Reading) -> List[Cue]:
    """The case's axilla said to be clear on exam: "axilla clinically normal", "normal axillary examination",
    "nothing palpable in the axilla" (not "axillary node biopsy negative": a node was biopsied)."""
    return [a for a in reading.all("AXILLA") if a.negated and not (a.family or a.uncertain or beyond_axilla(a))
            and reading.within(a, ["FINDING_WORD"], 3, 4) and _exam_negative(reading, a)
            and not _other_side(reading, a) and not reading.within(a, ["BIOPSY"], 0, 3)]


def _not_the_exam(reading: Reading, m: NodeMention) -> bool:
    """A node said not to be there by something other than the axilla's exam: a supraclavicular or infraclavicular
    node ("no palpable cervical or supraclavicular nodes"), a node's negative biopsy ("axillary node biopsy
    negative": a node was biopsied) or the patient's own account ("denies lumps under her arm": history)."""
    before = reading.tokens[max(0, m.cue.start - 7):m.cue.start]
    return _regional(reading, m) or bool(reading.within(m.cue, ["BIOPSY"], 2, 2)) \
        or (any(t.lower() in _DENIES for t in before) and not any(
            "exam" in reading.norm_of(e) for e in reading.near(m.cue, ["EXAM", "PALPABLE"], "sentence")))


# Words between a biopsy and the node it sampled ("core of the enlarged left axillary node")
_OF_THE = frozenset({"of", "the", "a", "an", "this", "that", "her", "his"})
_NODE_WORDS = ("SIDE_LEFT", "SIDE_RIGHT", "AXILLA", "SUSPICIOUS", "SIZE")


def _biopsied(reading: Reading, node: Cue) -> bool:
    """The node is named as what a biopsy sampled ("core of the node", "FNA of the left axillary node"), so its
    benign or negative result is the biopsy's, not the exam's."""
    for biopsy in reading.near(node, ["BIOPSY"]):
        if biopsy.end <= node.start and node.start - biopsy.end <= 6:
            named = {i for c in reading.near(node, _NODE_WORDS) for i in range(c.start, c.end)}
            between = [(i, reading.tokens[i].lower()) for i in range(biopsy.end, node.start)]
            if any(word in _OF_THE for _, word in between) and all(i in named or w in _OF_THE for i, w in between):
                return True
    return False


_SUBJECTS = ("BREAST", "AXILLA", "NODE", "LUMP")


_NODAL_STATEMENT = re.compile(r"(?i)N\s*clin|LNs?\b|LAD\b|nodes?\b")  # "N clin. neg.", "LN- clinically"


def _of_the_breasts_named_since(reading: Reading, node: Cue, denial: Cue) -> bool:
    """The breasts are named between the node and a denial after it ("axillary mass with normal breasts on exam"):
    the denial is theirs."""
    between = [s for s in reading.all(*_SUBJECTS) if node.end <= s.start and s.end <= denial.start]
    return bool(between) and between[-1].label == "BREAST"


def _about_breasts(reading: Reading, cue: Cue) -> bool:
    """An exam word in a clause that names no breast, axilla, node or lump, said after the breast was the last of
    them named in its sentence ("both breasts are normal, nothing palpable")."""
    if (cue.label == "NODE_NEG" and _NODAL_STATEMENT.match(cue.text)) or reading.near(cue, _SUBJECTS) \
            or any(cue.start <= s.start < cue.end for s in reading.all(*_SUBJECTS)):
        return False  # a nodal statement ("N clin. neg.", "LN-") is about the nodes, whatever was named before it
    before = [s for s in reading.all(*_SUBJECTS) if s.sentence == cue.sentence and s.end <= cue.start]
    return bool(before) and before[-1].label == "BREAST"


def _other_side(reading: Reading, cue: Cue) -> bool:
    """The cue is of the axilla across from the cancer: by its side, or called contralateral ("contralateral
    axilla normal")."""
    if any(0 <= cue.start - c.end <= 2 for c in reading.near(cue, ["CONTRALATERAL"], "sentence")):
        return True
    side, sides = reading.side_of(cue), primary_sides(reading)
    if not sides and side in ("left", "right"):
        # no cancer's side: "only on the right - the left axilla is normal" (the lump's side, then the other's)
        sides = _lone_side_besides(reading, {side})
    return side in ("left", "right") and len(sides) == 1 and side not in sides


def _lone_side_besides(reading: Reading, besides: Set[Optional[str]]) -> Set[str]:
    """The one side the message names (left or right) other than `besides`, or an empty set when it names none or
    both: "only on the right - the left axilla is normal" names the right besides the left."""
    named = {"left" if c.label == "SIDE_LEFT" else "right" for c in reading.all("SIDE_LEFT", "SIDE_RIGHT")
             if not (c.negated or c.family)} - besides
    return set(named) if len(named) == 1 else set()


_AFTER_DIAGNOSIS = ("neoadjuvant_ongoing", "neoadjuvant_completed", "post_surgery")  # an exam now may differ


def clinical_nodes(reading: Reading, facts: Facts) -> Read:
    """Clinical N status: positive beats negative; an uncertain mention or an imaging-only negative leaves it open."""
    found = relevant(reading, facts)
    n_cues, n_value = n_category(reading)
    if any(_after_chemotherapy(reading, c, facts) for c in n_cues):
        # "cN0 now", after chemotherapy: today's category, not the one at diagnosis, which an earlier one may give
        # ("cN1 at presentation, now cN0")
        n_cues, n_value = _n_before_chemotherapy(reading, facts)
    positive = [m for m in found if m.positive]
    node_pos = [c for c in reading.live("NODE_POS") if not _elsewhere(reading, c)]
    pos_cues = ([c for m in positive for c in m.cues] + node_pos
                + (n_cues if n_value == "positive" else []))
    negative = _negative_exams(reading, facts) + (n_cues if n_value == "negative" else [])
    discordant = _discordant_exams(reading) if facts.get("treatment") in (None, "none") else []
    if discordant:
        return Read(residue=tuple(discordant))
    if exam_conflict(reading, facts):
        corrected = corrected_of(reading, pos_cues, negative)  # "node-negative, scratch that, I felt a node"
        if corrected:
            return Read("positive" if corrected is pos_cues else "negative", tuple(corrected))
        return Read(cues=tuple(pos_cues + negative), conflict=True)
    # "node positive. Correction: node negative, exam normal": the exam put right (not a node imaging found, which a
    # negative exam does not cancel)
    if corrected_of(reading, pos_cues, negative) is negative and not any(m.modality for m in positive):
        return Read("negative", tuple(negative))
    if facts.get("treatment") not in _AFTER_DIAGNOSIS and _statuses_disagree(reading, facts, positive, pos_cues):
        # "cN1" or "node-positive" named, no node found, beside an exam that found none or "cN0" ("SYSTEM: the patient
        # is cN1. ... axilla clinically negative"): two statements of the same status that disagree, asked
        return Read(cues=tuple(pos_cues + negative), conflict=True)
    unknown = _unknown_before_chemotherapy(reading, facts)
    if unknown:
        return Read(residue=tuple(unknown[:1]))
    before = _status_before_nac(reading, facts, negative, positive)
    if pos_cues and before and not node_pos:
        # "cN0 at diagnosis, ... now a new palpable lump" after chemotherapy: rows 8-9 go by the status before it
        return Read("negative", tuple(before), notes=(Note.of("status_before_nac"),))
    if negative and positive and facts.get("treatment") == "neoadjuvant_completed" and all(
            m.new or reading.near(m.cue, ["SIZE_LATER"], "sentence") for m in positive):
        # "cN0, completed NAC, the US after NAC shows a suspicious node": today's node beside a negative status
        # not said to be the one at diagnosis: which status was before chemotherapy is asked
        return Read(cues=tuple(pos_cues + negative), conflict=True)
    since = positive and all(_since_chemotherapy(reading, m) for m in positive)
    if since and facts.get("treatment") == "neoadjuvant_completed" and not (negative or node_pos or n_value):
        # "completed NAC; US now shows a suspicious node": found after chemotherapy, and the status before it, which
        # decides variants 8 and 9, is not told: asked
        return Read(residue=tuple(pos_cues[:1]))
    if pos_cues:
        return Read("positive", tuple(pos_cues))
    # "a palpable node at diagnosis that resolved during NAC": gone since, so there before chemotherapy, whose status
    # variants 8 and 9 go by
    gone = [m for m in found if m.negated and ((m.palpable or m.suspicious or m.proven or m.is_lump)
                                               and _gone(reading, m.cue) or _no_longer(reading, m.cue))]
    gone_in = {m.cue.sentence for m in gone}
    if gone and facts.get("treatment") in ("neoadjuvant_ongoing", "neoadjuvant_completed") \
            and not any(c.sentence not in gone_in for c in negative):
        return Read("positive", gone[0].cues, notes=(Note.of("status_before_nac"),))
    uncertain = [m.cue for m in found if m.uncertain]
    uncertain += [c for c in reading.all("NSTAGE") if c.uncertain and not (c.negated or c.family)]
    uncertain += [c for c in reading.live("NODE_NEG") if _denied_negative(reading, c)]
    uncertain += _denied_negatives(reading, facts)
    uncertain += [c for c in reading.all("NODE_POS", "LUMP") if c.uncertain and not (c.negated or c.family)
                  and (c.label == "NODE_POS" or axillary(reading, c) or reading.near(c, ["AXILLA"], "sentence"))]
    if negative:
        # "referred for ?axillary lump, not confirmed on exam - axilla clinically negative": the query the exam
        # answered is no doubt left
        uncertain = [u for u in uncertain if not _unconfirmed(reading, u)]
        # "me: no nodes. consultant: 'definitely a node there'": a node said to be there, outside the negative's
        # clauses, with nothing that reads it (felt, abnormal, benign): not accounted for, so asked
        uncertain += [m.cue for m in found if _said_there(reading, m) and not any(
            c.clause == m.cue.clause for c in negative)]
        uncertain += _felt_in_the_axilla(reading, negative)
    if uncertain:
        return Read(residue=tuple(uncertain[:1]))
    return Read("negative", tuple(negative)) if negative else NOTHING


def _felt_in_the_axilla(reading: Reading, negative: List[Cue]) -> List[Cue]:
    """"The axilla is palpable on re-exam", "axilla palpable after all": something felt in the axilla, no node named,
    outside the clauses of the negative status beside it: not accounted for, so asked."""
    nodal = {c.clause for c in reading.all("NODE", "LUMP")} | {c.clause for c in negative}
    return [c for c in reading.live("PALPABLE") if c.text.lower().startswith("palpa") and c.clause not in nodal
            and reading.near(c, ["AXILLA"])]


def _statuses_disagree(reading: Reading, facts: Facts, positive: List[NodeMention], pos_cues: List[Cue]) -> bool:
    """A positive status named (cN1, "positive nodes") with no node found, beside a negative exam or category, and
    no correction saying which stands."""
    from bot.nlp.stage import n_positive, tnm
    found = [m for m in positive if not _status_word_only(reading, m)]
    # an earlier N category of this cancer ("prior to this visit she was labelled cN1"), not a past cancer's
    earlier = [] if facts.get("cancer_history") else [
        c for c in reading.all("NSTAGE") if c.historical and n_positive(c)
        and not (c.negated or c.uncertain or c.family or c.planned)]
    named = pos_cues + earlier
    if not named or found:
        return False
    n_negative = [c for c, v in tnm(reading).n_all if v == "negative"]
    negative = _negative_exams(reading, facts) + n_negative
    return bool(negative) and corrected_of(reading, named, negative) is None


def _status_word_only(reading: Reading, m: NodeMention) -> bool:
    """A node whose only finding is the status word it stands in ("positive nodes", "node-positive")."""
    statuses = reading.all("NODE_POS")
    return not (m.palpable or m.modality or m.is_lump) and inside(m.cue, statuses) \
        and all(inside(s, statuses) for s in m.support)


def _said_there(reading: Reading, m: NodeMention) -> bool:
    """A bare node said to exist ("a node there", "there is a node"): not denied, doubted, felt or called anything."""
    cue, tokens = m.cue, reading.tokens
    before = tokens[cue.start - 1].lower() if cue.start else ""
    after = tokens[cue.end].lower() if cue.end < len(tokens) else ""
    return m.cue.label == "NODE" and not (m.negated or m.uncertain or m.positive or m.modality or cue.planned
                                          or cue.family or cue.historical) \
        and (before in ("a", "one") and after in ("there", "present", "is", "felt")) \
        and not reading.near(cue, ["BENIGN_LOOK", "NODE_NEG", "SURGERY", "BIOPSY"], "sentence")


def _unconfirmed(reading: Reading, cue: Cue) -> bool:
    after = " ".join(t.lower() for t in reading.tokens[cue.end:cue.end + 6])
    return any(w in after for w in ("not confirmed", "unconfirmed", "not substantiated", "not found on exam"))


# A second examiner's denial said by ellipsis: "the other didn't", "her colleague could not" (nothing after it).
_EXAMINER = (r"(?:(?:the|her|my|a|an|our|his)\s+)?(?:other\s+|second\s+|breast\s+|medical\s+|med\s+|radiation\s+|"
             r"rad\s+|surgical\s+)?(?:colleague|registrar|resident|surgeon|consultant|oncologist|onc|gp|doctor|nurse|"
             r"attending|fellow|physician|examiner|intern|student|np|pa)")
# A second examiner's denial: "the other didn't", "my colleague could not feel it", "the oncologist does not",
# "the resident found none", "the surgeon examined her on Monday and found nothing", "not palpable per breast surgeon"
_DENIED = re.compile(
    r"(?i)\b(?:(?:the other|another|the second|a second)(?:\s+[a-z]+)?|" + _EXAMINER + r"|i|we)\s+"
    r"(?:(?:did|could|can|ca|does|do)\s*(?:n['’]?t|not)(?:\s+(?:feel|find|palpate)\s+(?:it|one|them|anything|any))?"
    r"\s*(?:[.,;!)]|$)|(?:[a-z]+\s+){0,5}?(?:found|felt|finds|feels|palpated)\s+(?:none|nothing|no\s+nodes?)\b)"
    r"|\b(?:not|n['’]t)\s+(?:palpable|felt|palpated)\s+(?:per|by|on|according\s+to)\s+" + _EXAMINER + r"\b")


# Exams said to disagree without telling which found what ("axillary exam discordant between two examiners",
# "examiners disagree about the node", "conflicting exam findings").
_DISCORDANT = re.compile(r"(?i)\b(?:exams?|examinations?|examiners?|palpation)\s+(?:\w+\s+){0,3}?(?:are\s+|were\s+)?"
                         r"(?:discordant|disagree\w*|conflicting|inconsistent|differ(?:s|ed)?)\b"
                         r"|\b(?:discordant|conflicting|inconsistent|differing)\s+(?:\w+\s+){0,2}?"
                         r"(?:exams?|examinations?|examiners?)\b")


def _discordant_exams(reading: Reading) -> List[Cue]:
    """The exam or axilla words of a statement that two exams disagree, with nothing said of which is right."""
    found = _DISCORDANT.search(reading.plain)
    if found is None:
        return []
    return [c for c in reading.all("EXAM", "PALPABLE", "AXILLA", "NODE")
            if found.start() - 40 <= c.start_char <= found.end() + 40][:1]


# A doubt said of an answer about the exam ("felt something but not convinced", "the radiologist thinks there might
# be one"): the exam is not settled
_DOUBTED = re.compile(r"(?i)(?:\bnot|n['’]t)\s+(?:(?:so|too|very|really|entirely|totally|quite|100%)\s+)?"
                      r"(?:convinced|sure|"
                      r"certain|confident)\b|\bunconvinced\b|\bthinks?\s+(?:there\s+)?(?:is|might|may|could)\b"
                      r"|\b(?:might|may|could)\s+be\s+(?:one|a\s+node|something)\b")


def doubted(reading: Reading) -> bool:
    """The message doubts what it says of the exam, or one examiner denies another's finding."""
    return bool(_DOUBTED.search(reading.plain)) or second_examiner_denies(reading)


def second_examiner_denies(reading: Reading) -> bool:
    """One examiner's denial said beside another's finding ("resident felt one, I didn't")."""
    return reading.text is not None and bool(_DENIED.search(reading.text.text))


def exam_conflict(reading: Reading, facts: Facts) -> bool:
    """A node felt on exam and an exam of the same axilla that finds none, with no imaging to settle it
    ("the surgeon feels a node; the oncologist's exam finds none")."""
    if facts.get("treatment") not in (None, "none"):
        return False
    found = relevant(reading, facts)
    felt = [m for m in found
            if m.positive and (m.palpable or m.is_lump) and not m.modality and not _regional(reading, m)]
    imaging = [m for m in found if m.positive and m.modality]
    if not felt or imaging:
        return False
    if second_examiner_denies(reading):
        return True  # "one examiner felt a node, the other didn't"
    negative = [c for c in reading.live("NODE_NEG") if _exam_negative(reading, c) and not _other_side(reading, c)
                and not _about_breasts(reading, c)]
    negative += [m.cue for m in found if m.negated and reading.near(m.cue, ["PALPABLE", "EXAM"])]
    # "On my exam the L axilla was clear", in a sentence of its own
    negative += [a for a in _clear_axillae(reading) if reading.near(a, ["PALPABLE", "EXAM"])
                 and not any(a.clause == m.cue.clause for m in felt)]
    n_cues, n_value = n_category(reading)
    if n_value == "negative" and not facts.get("cancer_history"):
        # "cT2N0 per the surgeon's note; on my exam a firm node": one exam says N0, one a node (not a past pN0)
        negative += [c for c in n_cues if not (c.historical or c.text.lower().startswith(("p", "yp")))]
    negative += [p for p in reading.all("PALPABLE") if p.negated and not (p.uncertain or p.family or _attribute(p))
                 and p.text.lower() not in _NOTICED  # "she hadn't noticed it herself": not an exam
                 and not reading.near(p, ["BREAST"]) and not _about_breasts(reading, p) and not _other_side(reading, p)
                 and not _denies_the_other_side(reading, p) and not any(p.clause == m.cue.clause for m in felt)]
    negative = [c for c in negative if not _excepted(reading, c)]
    sided: Set[Optional[str]] = {m.side for m in felt if m.side}
    if not sided:
        sided = set(_lone_side_besides(reading, {reading.side_of(c) for c in negative}))
    felt_sides = sided or {None}  # "an armpit lump ... a lump in the right axilla": one lump
    return any(not (reading.side_of(c) in ("left", "right") and None not in felt_sides
                    and reading.side_of(c) not in felt_sides) for c in negative)


def n_category(reading: Reading) -> Tuple[List[Cue], Optional[str]]:
    """(cues, 'positive' | 'negative' | None) from cN1-style tokens and TNM groups."""
    from bot.nlp.stage import tnm  # stage reads T, N and M together
    return tnm(reading).n


def _n_before_chemotherapy(reading: Reading, facts: Facts) -> Tuple[List[Cue], Optional[str]]:
    """The last N category not said of the time after chemotherapy, as n_category gives it (([], None): none)."""
    from bot.nlp.stage import tnm
    before = [(c, v) for c, v in tnm(reading).n_all if not _after_chemotherapy(reading, c, facts)]
    return ([before[-1][0]], before[-1][1]) if before else ([], None)


def node_finding(reading: Reading, facts: Facts) -> Read:
    """How the abnormal node was found; imaging takes precedence over a lump felt on exam."""
    if facts.get("clinical_nodes") == "negative":
        return NOTHING
    found = [m for m in relevant(reading, facts) if m.positive]
    for kind in ("mammography_or_us", "other_imaging"):
        hits = [m for m in found if m.modality == kind and (m.suspicious or m.proven or not m.palpable)]
        if hits:
            return Read(kind, hits[0].cues)
    # a node described as a study describes it ("2 cm node, cortex 5 mm, hilum not identified") with no study named:
    # imaged, but whether by mammography or US (row 11) or another study (row 12) is asked, not taken for the exam
    # (where no cancer is known: rows 3-10 do not turn on it)
    known = facts.get("cancer_named") or facts.get("diagnosis") in ("new_primary", "local_recurrence")
    unnamed = [] if known else [m for m in found if not (m.palpable or m.is_lump) and any(
        _PART_WORD.search(c.text) or "rads" in c.text.lower()
        for c in reading.near(m.cue, ["SUSPICIOUS", "NON_TUMOR_HEAD"], "sentence"))]
    if unnamed:
        return Read(residue=(unnamed[0].cue,))
    felt = [m for m in found if m.palpable or m.is_lump]
    return Read("palpable", felt[0].cues) if felt else NOTHING


_ADDED = {"too", "also", "another", "additionally"}


_SIDE_PLACE = frozenset({"on", "in", "at", "the", "her", "his"})


def _side_after_comma(reading: Reading, cue: Cue, labels: Tuple[str, ...]) -> List[Cue]:
    """The side named right after a comma that follows a lump ("axillary lump, left, 40F", "another lump, on the
    left")."""
    at = cue.end + 1
    if at >= len(reading.tokens) or reading.tokens[cue.end] != ",":
        return []
    while at < len(reading.tokens) - 1 and at - cue.end <= 2 and reading.tokens[at].lower() in _SIDE_PLACE:
        at += 1
    return [c for c in reading.all(*labels) if c.start == at and (
        c.end == len(reading.tokens) or reading.tokens[c.end] in (",", ";", ".", "side", "axilla", "only"))]


_EXAMINED = frozenset({"examined", "checked", "palpated", "assessed", "felt", "exam", "examination"})


def _exam_of_both(reading: Reading, side: Cue) -> bool:
    """Both axillae named as what was examined ("Both axillae examined: palpable node on the L"): the exam's sides,
    not the lump's."""
    return side.label == "SIDE_BOTH" and bool(
        _EXAMINED & {t.lower() for t in reading.tokens[side.end:side.end + 3]})


def _side_before_list(reading: Reading, cue: Cue, labels: Tuple[str, ...]) -> List[Cue]:
    """The side that opens a list of adjectives ending in the lump ("bilateral, non-tender axillary masses")."""
    tokens = reading.tokens
    return [c for c in reading.all(*labels) if c.sentence == cue.sentence and 2 <= cue.start - c.end <= 6
            and tokens[c.end] == "," and all(t in ("-", ",") or t.isalpha() and t.lower() not in STOP_WORDS
                                              for t in tokens[c.end + 1:cue.start])]


_SIDE_FIELDS = frozenset({"side", "sides", "laterality"})


def _side_field(reading: Reading, labels: Tuple[str, ...]) -> List[Cue]:
    """The sides a form's side field holds ("complaint: axillary lump, side: left only", "Laterality: R"), or that a
    message says alone as the only one ("left side only"), for the one lump it is about."""
    tokens = reading.tokens
    return [c for c in reading.all(*labels) if not (c.negated or c.uncertain) and (
        c.start >= 2 and tokens[c.start - 1] == ":" and tokens[c.start - 2].lower() in _SIDE_FIELDS
        # or said alone, as only that side ("left side only", "only the right")
        or _said_only(tokens, c) and not any(o.start == c.end and o.label in _HEADS for o in reading.cues))]


def _said_only(tokens: List[str], side: Cue) -> bool:
    """A side told as the only one ("left side only", "right only,", "only on the left")."""
    after = [t.lower() for t in tokens[side.end:side.end + 2]]
    return after[:1] == ["only"] or after == ["side", "only"] or bool(
        _ONLY & {t.lower() for t in tokens[max(0, side.start - 3):side.start]})


_HEADS = ("BREAST", "CANCER", "TUMOR")


def _plural_sides(reading: Reading, lumps: Cue) -> List[Cue]:
    """Lumps or nodes in the plural take the sides listed after them in their sentence ("lumps in the right axilla
    and in the left axilla", "lumps: R ~2 cm, L ~1 cm"), not a side of the breast nor one whose axilla is said to be
    clear ("nodes in the R axilla, L axilla normal")."""
    if not reading.tokens[lumps.end - 1].lower().endswith("s"):
        return []
    clear = [a for a in reading.all("AXILLA", "NODE_NEG") if a.negated or a.label == "NODE_NEG"]
    return [c for c in reading.all("SIDE_LEFT", "SIDE_RIGHT") if c.sentence == lumps.sentence
            and c.start >= lumps.end and not (c.negated or c.uncertain)
            and not any(a.start <= c.start < a.end or 0 <= a.start - c.end <= 1 for a in clear)
            and not any(o.start == c.end and o.label in _HEADS for o in reading.cues)]


def _sides_in(reading: Reading, place: Cue, labels: Tuple[str, ...]) -> List[Cue]:
    """Side words inside a place's own words ("under her right arm")."""
    return [c for c in reading.all(*labels) if place.start <= c.start < place.end]


def axillary_lump(reading: Reading, facts: Facts) -> Read:
    """'unilateral' or 'bilateral' for palpable axillary lumps or nodes, from the sides named with them."""
    felt = [m for m in mentions(reading) if m.positive and (m.palpable or m.is_lump)]
    if facts.get("cancer_history"):
        # "a 2.5 cm L IDC with a palpable L node in 2019, treated; today a new R axillary lump": the past cancer's
        # node is its history, beside a lump told of elsewhere
        now = [m for m in felt if not any(c.sentence == m.cue.sentence for c in reading.all("CANCER"))]
        felt = now or felt
    sides: Set[str] = set()
    cues: List[Cue] = []
    labels = ("SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH", "SIDE_ONE")
    for m in felt:
        apposed = apposed_axilla(reading, m.cue)
        # "a lump of about 2 cm in the left axilla": the side named just before the lump's axilla
        placed = axilla_of(reading, m.cue) if m.cue.label == "LUMP" and not apposed else None
        for c in [c for c in reading.sides_near(m.cue, labels=labels) if not _exam_of_both(reading, c)] or (
                reading.sides_near(apposed, labels=labels) if apposed else []) or (
                reading.sides_near(placed, before=3, after=0, labels=labels) + _sides_in(reading, placed, labels)
                if placed else []) or (
                _side_after_comma(reading, m.cue, labels) or _side_before_list(reading, m.cue, labels)) or (
                _side_field(reading, labels) if len(felt) == 1 else []):
            if c.negated or c.historical:
                continue  # "not just one side: lumps in both armpits", "initially thought bilateral"
            sides.add(c.label)
            cues += [m.cue, c]
        for c in _plural_sides(reading, m.cue):
            sides.add(c.label)
            cues += [m.cue, c]
    # A short answer to the side question, or a short correction about the lumps ("actually it's bilateral",
    # "sorry, lumps in both armpits"); "actually it's the left side" alone does not say that there is a lump.
    short = len(reading.tokens) <= 16 and not reading.has("BREAST", "MODALITY_MUS", "MODALITY_OTHER")
    short_correction = short and reading.has("CORRECTION")
    lowered = [t.lower() for t in reading.tokens]
    added = bool(_ADDED & set(lowered)) or any(a == "as" and b == "well" for a, b in zip(lowered, lowered[1:]))
    # in a case with an axillary lump, "sorry, only the left" or "there is one on the right too" is about it
    about_the_lump = short and (short_correction or added) and reading.case_lump is not None
    answer = reading.expecting == "axillary_lump" or about_the_lump or (
        short_correction and reading.has("AXILLA", "LUMP", "NODE", "SIDE_BOTH", "SIDE_ONE"))
    if not felt and answer:
        # "I meant the left only - the right axilla is normal": a side said to be normal has no lump
        normal = [a for a in reading.all("AXILLA", "NODE_NEG") if a.negated or a.label == "NODE_NEG"]
        side_cues = [c for c in reading.all("SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH", "SIDE_ONE")
                     if not (c.negated or any(0 <= a.start - c.end <= 1 for a in normal))]
        sides, cues = {c.label for c in side_cues}, list(side_cues)
        hedged = [c for c in side_cues if c.uncertain]
        if hedged:
            return Read(residue=tuple(hedged[:1]))  # "mostly the right, maybe the left too": which, then?
    if felt and len(sides & {"SIDE_LEFT", "SIDE_RIGHT"}) == 1 and "SIDE_BOTH" not in sides:
        more = _another_side(reading, felt, next(iter(sides & {"SIDE_LEFT", "SIDE_RIGHT"})))
        if more:
            return Read("bilateral", tuple(cues + more))
    if {"SIDE_ONE", "SIDE_BOTH"} <= sides:
        return NOTHING  # "one side or both?": the question, not the answer
    if not felt and about_the_lump and added and len(sides & {"SIDE_LEFT", "SIDE_RIGHT"}) == 1:
        return Read("bilateral", tuple(cues))  # one more side, "too"
    # (not "correction - there's a lump on the right as well": one more side)
    one_more = any(a.clause == c.clause for c in cues for a in reading.all("ADDITION") if not a.negated)
    if {"SIDE_LEFT", "SIDE_RIGHT"} <= sides and "SIDE_BOTH" not in sides and not one_more:
        # "new R axillary lump -- sorry, LEFT axillary lump": the side after the correction is the lump's
        kept = corrected_of(reading, [c for c in cues if c.label == "SIDE_LEFT"],
                            [c for c in cues if c.label == "SIDE_RIGHT"])
        if kept:
            return Read("unilateral", tuple(kept))
    if "SIDE_BOTH" in sides or {"SIDE_LEFT", "SIDE_RIGHT"} <= sides:
        alone = _one_side_only(reading)
        return Read("unilateral", tuple(alone)) if alone else Read("bilateral", tuple(cues))
    return Read("unilateral", tuple(cues)) if sides else NOTHING


_ONLY = frozenset({"only", "just", "solely"})


def _one_side_only(reading: Reading) -> List[Cue]:
    """A side said to be the only one after both were named ("bilateral axillary lumps - correction, only on the
    left", "bilaterally? no - only left"): the correction stands."""
    both = [c.start for c in reading.all("SIDE_BOTH") if not c.negated]
    tokens = [t.lower() for t in reading.tokens]
    # "only on the left", "just the left", "left only." (not "the left only slightly bigger")
    return [c for c in reading.live("SIDE_LEFT", "SIDE_RIGHT") if both and c.start > max(both) and (
        _ONLY & set(tokens[max(0, c.start - 3):c.start])
        or tokens[c.end:c.end + 1] == ["only"] and (c.end + 1 == len(tokens) or not tokens[c.end + 1].isalnum()))]


_NORMAL = ("NODE_NEG", "BENIGN_LOOK")


_LIKE_IT = frozenset({"one", "similar", "same", "mirror", "mirror-image", "identical", "likewise", "matching"})


def _another_side(reading: Reading, felt: List[NodeMention], known: str) -> List[Cue]:
    """Without a cancer, a lump on the other side (than `known`, a side label) beside the one named with its side:
    "a left axillary lump and a smaller one on the other side", "the opposite armpit also has a lump", "left
    axillary lump; right side too", "and one in the left", "a similar lump on the R" ("contralateral axilla normal"
    is no lump)."""
    if primary_sides(reading):
        return []  # beside a cancer, the other side is the cancer's other axilla
    lumps = {m.cue.sentence for m in felt}
    found = []
    for c in reading.live("CONTRALATERAL"):
        named = [m.cue for m in felt] + [a for a in reading.all("AXILLA") if a.sentence in lumps]
        if any(0 <= c.start - n.end <= 2 and set(reading.tokens[n.end:c.start]) <= {"(", ",", "-"} for n in named):
            # "new L axillary lump (contralateral)", "a lump in the L axilla (opposite side)": the lump itself,
            # opposite an earlier cancer
            continue
        near = reading.near(c, ["AXILLA", "LUMP", "NODE"] + list(_NORMAL))
        if (c.sentence in lumps or any(n.label == "LUMP" for n in near)) \
                and not any(n.negated or n.label in _NORMAL for n in near):
            found.append(c)
    tokens = [t.lower() for t in reading.tokens]
    for c in reading.live("SIDE_LEFT", "SIDE_RIGHT"):
        around = tokens[max(0, c.start - 3):c.end + 5]
        # "and a smaller one on the left": "one" before the side stands for another lump
        added = bool(_ADDED & set(around)) or " as well" in " ".join(around) \
            or bool(_LIKE_IT & set(tokens[max(0, c.start - 5):c.start]))
        if (c.sentence in lumps or c.sentence - 1 in lumps) and added and c.label != known \
                and not reading.near(c, ["BREAST", "CANCER", "TUMOR"] + list(_NORMAL)):
            found.append(c)
    return found


def contralateral_proven(reading: Reading) -> Sequence[Cue]:
    """A biopsy-proven node in the other axilla: distant disease (matching-rules.md, other situations); the
    axilla may be named without the node ("R axilla: core bx: metastatic carcinoma")."""
    sides = primary_sides(reading) or _past_sides(reading)
    found = [m.cue for m in mentions(reading) if m.proven and not m.negated and (contralateral(reading, m) or (
        m.side in ("left", "right") and len(sides) == 1 and m.side not in sides))]
    # "RIGHT (contralateral) axilla: core bx: ...", "contralateral axillary node positive on FNA" (no side needed)
    found += [a for a in reading.all("AXILLA") if not (a.negated or a.family)
              and (len(sides) == 1 and reading.side_of(a) in ("left", "right") and reading.side_of(a) not in sides
                   or _named_contralateral(reading, a))
              and any(not (p.negated or p.uncertain) for p in reading.near(a, ["PROVEN"], "sentence"))]
    return found


def _past_sides(reading: Reading) -> Set[str]:
    """Sides of a past breast cancer ("hx R breast cancer"): the axilla on the other side is not its region."""
    sides = {reading.side_of(c, before=4, after=4) for c in reading.all("CANCER", "BREAST", "SURGERY")
             if c.historical and not (c.family or c.negated)}
    return {s for s in sides if s in ("left", "right")}


def _named_contralateral(reading: Reading, axilla: Cue) -> bool:
    """The axilla is called contralateral just before it, brackets and all ("(contralateral) axilla")."""
    return any(0 < axilla.start - c.start <= 3 for c in reading.near(axilla, ["CONTRALATERAL"], "sentence"))
