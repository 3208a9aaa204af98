"""Read the contract's facts from one message: the cues of the rule pipeline, in their context."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from bot.facts import Extraction, Facts, empty, validate
from bot.nlp.components import Cue
from bot.nlp.pipeline import load

MAX_CHARS = 4000          # longer messages are cut (and the cut is stated)
MAX_SIZE_CM = 20.0        # larger "tumour sizes" are implausible: ignored, and said so
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "half": 0.5,
}
# Labels that show a message is about breast cancer or the axilla at all.
_TOPICAL = {"BREAST", "AXILLA", "NODE", "CANCER", "NEW_DX", "TNM", "NSTAGE", "NODE_POS", "NODE_NEG", "NAC",
            "SURGERY", "RECURRENCE", "SIZE_COMPARE_LE", "SIZE_COMPARE_GT", "AXILLARY_TAIL", "TUMOR"}


@dataclass
class Reading:
    """The cues of one message, indexed for the fact readers below."""

    cues: List[Cue]
    tokens: List[str]
    expecting: Optional[str]

    def __post_init__(self) -> None:
        self.by_label: Dict[str, List[Cue]] = defaultdict(list)
        for cue in self.cues:
            self.by_label[cue.label].append(cue)

    def all(self, *labels: str) -> List[Cue]:
        return [c for label in labels for c in self.by_label.get(label, [])]

    def live(self, *labels: str) -> List[Cue]:
        """Cues stated as fact: not negated, uncertain, about a relative, or planned."""
        return [c for c in self.all(*labels) if not (c.negated or c.uncertain or c.family or c.planned)]

    def has(self, *labels: str) -> bool:
        return any(self.by_label.get(label) for label in labels)

    def near(self, cue: Cue, labels: Iterable[str], scope: str = "clause") -> List[Cue]:
        """Cues of `labels` in the same clause (or sentence) as `cue`."""
        key = (lambda c: c.clause) if scope == "clause" else (lambda c: c.sentence)
        return [c for c in self.all(*labels) if key(c) == key(cue) and c is not cue]


def clean(text: str) -> Tuple[str, List[str]]:
    """Printable text of bounded length; what was changed is returned as notes."""
    notes = []
    if not isinstance(text, str):
        text = ""
    for fraction, decimal in (("½", ".5"), ("¼", ".25"), ("¾", ".75")):
        text = text.replace(fraction, decimal)  # before NFKC, which would make "1½" into "11⁄2"
    text = unicodedata.normalize("NFKC", text)
    text = _ANSI.sub(" ", text)  # terminal colour codes: "\x1b[31m" must not read as "31M"
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notes.append(f"the message was longer than {MAX_CHARS} characters: only its beginning was read")
    return text.replace("×", " x "), notes


# ---------------------------------------------------------------- sizes

def _number(word: str) -> Optional[float]:
    found = _NUMBER.findall(word)
    if found:
        return float(found[0])
    return _WORD_NUMBERS.get(word.lower())


def size_cm(cue: Cue) -> Optional[float]:
    """The largest dimension of a size phrase, in cm ("30 mm" -> 3.0, "2.5 x 1.8 cm" -> 2.5)."""
    text = re.sub(r"(\d),(\d)", r"\1.\2", cue.text.lower())  # "1,5 cm" is a decimal comma
    values = [float(v) for v in _NUMBER.findall(text)] or [
        _WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", text) if w in _WORD_NUMBERS]
    if not values or text.lstrip().startswith(("-", "−")):
        return None
    largest = max(values) / (10.0 if re.search(r"\bmm\b|millim|\dmm", text) else 1.0)
    return largest if 0 < largest <= MAX_SIZE_CM else None


_PHRASE_BREAKS = {"with", "and", "plus", "&", "w/", "but", "while", "whereas", "+"}


def _head(reading: Reading, cue: Cue) -> Optional[str]:
    """What a measurement measures: 'tumor', 'node', 'other', or None when the text does not say."""
    stop = next((i for i in range(cue.end, min(cue.end + 6, len(reading.tokens)))
                 if reading.tokens[i].lower() in _PHRASE_BREAKS), cue.end + 6)
    after = [c for c in reading.cues if c.clause == cue.clause and cue.end <= c.start < stop]
    for c in sorted(after, key=lambda c: c.start):
        kind = _head_kind(reading, c)
        if kind:
            return kind
    before = [c for c in reading.cues if c.sentence == cue.sentence and c.end <= cue.start]
    for c in sorted(before, key=lambda c: -c.start):
        kind = _head_kind(reading, c)
        if kind:
            return kind
    return None


def _head_kind(reading: Reading, c: Cue) -> Optional[str]:
    if c.negated and c.label in ("NODE", "LUMP", "AXILLA"):
        return None  # "4cm nodes not palpable": an absent node has no size
    if c.label in ("NON_TUMOR_HEAD", "OTHER_ORGAN"):
        return "other"
    if c.label in ("NODE", "AXILLA"):
        return "node"
    if c.label == "LUMP":
        return "node" if _axillary(reading, c) else "tumor"
    if c.label in ("CANCER", "TUMOR", "BREAST", "AXILLARY_TAIL"):
        return "tumor"
    return None


def _axillary(reading: Reading, lump: Cue) -> bool:
    """A lump or mass in the axilla ("R axillary mass", "lump in her left armpit")."""
    return any(
        c.clause == lump.clause and (lump.start - 3 <= c.start < lump.start or lump.end <= c.start <= lump.end + 4)
        for c in reading.all("AXILLA")
    )


def tumor_size(reading: Reading, corrected: bool) -> Tuple[Optional[float], bool, List[str]]:
    """(size in cm, contradictory?, notes). Sizes of nodes, cysts, heights and distances are skipped."""
    notes, sizes = [], []
    short = len(reading.tokens) <= 15 and not reading.has("NODE", "LUMP", "NON_TUMOR_HEAD", "OTHER_ORGAN")
    cancer_context = bool(reading.live("CANCER", "TUMOR", "NAC"))
    comparisons = reading.all("SIZE_COMPARE_LE", "SIZE_COMPARE_GT")
    for cue in reading.all("SIZE"):
        if any(c.start <= cue.start < c.end for c in comparisons):
            continue  # "larger than 2 cm" states a comparison, not a size
        head = _head(reading, cue)
        # A size with no noun of its own ("Initially 3 cm.", "sorry, it's 1.8 cm") in a message about a
        # known cancer, a correction or a short answer is the tumour's.
        bare = head is None and (reading.expecting == "tumor_size_cm" or short or cancer_context or corrected)
        if head == "tumor" or bare:
            value = size_cm(cue)
            if value is None:
                notes.append(f"ignored an implausible tumour size ({cue.text})")
            else:
                sizes.append(value)
    if not sizes:
        return None, False, notes
    if len({round(s, 2) for s in sizes}) > 1 and not corrected:
        return None, True, notes
    return sizes[-1], False, notes


def size_comparison(reading: Reading) -> Optional[bool]:
    """'> 2 cm' -> True, '2 cm or less' -> False (a size given only as a comparison)."""
    gt, le = reading.live("SIZE_COMPARE_GT"), reading.live("SIZE_COMPARE_LE")
    if bool(gt) == bool(le):
        return None
    cue = (gt or le)[0]
    threshold = size_cm(cue) or 0
    if abs(threshold - 2.0) > 0.01:
        return None  # only the 2 cm threshold decides a variant
    return bool(gt)


# ---------------------------------------------------------------- T, N, M categories

_TNM = re.compile(r"^[cpy]?t(is|[0-4])[a-d]?(?:mi)?(?:[cpy]?n([0-3x])[a-c]?(?:mi)?)?(?:[cpy]?m([01x]))?", re.I)


def tnm(reading: Reading) -> Tuple[Optional[str], Optional[str], Optional[bool]]:
    """(T category, nodal status, distant metastases) from cT2N1-style and separate N/M tokens."""
    t = n = m = None
    for cue in reading.all("TNM"):
        found = _TNM.match(cue.text.strip(",.;:"))
        if not found:
            continue
        if found.group(1) in "1234":
            t = "T" + found.group(1)
        if found.group(2) and found.group(2) in "0123":
            n = "negative" if found.group(2) == "0" else "positive"
        if found.group(3) == "1":
            m = True
    for cue in reading.all("NSTAGE"):
        digits = re.findall(r"[0-3]", cue.text)
        n = "positive" if "+" in cue.text or (digits and digits[0] != "0") else "negative"
    if reading.live("MSTAGE"):
        m = True
    return t, n, m


# ---------------------------------------------------------------- nodes and lumps

@dataclass(frozen=True)
class NodeMention:
    cue: Cue
    palpable: bool
    suspicious: bool
    modality: Optional[str]   # 'mammography_or_us' | 'other_imaging' | None
    new: bool
    is_lump: bool

    @property
    def negated(self) -> bool:
        return self.cue.negated

    @property
    def uncertain(self) -> bool:
        return self.cue.uncertain


def node_mentions(reading: Reading) -> List[NodeMention]:
    """Axillary nodes and lumps, with how they were found and whether they look abnormal."""
    mentions = []
    for cue in reading.all("NODE", "LUMP"):
        if cue.family or (cue.label == "LUMP" and not _axillary(reading, cue)) or _elsewhere(reading, cue):
            continue
        if any(c.start <= cue.start < c.end for c in reading.all("AXILLARY_TAIL")):
            continue
        palpable = any(not c.negated for c in reading.near(cue, ["PALPABLE"]))
        suspicious = any(not (c.negated or c.uncertain) for c in reading.near(cue, ["SUSPICIOUS", "PROVEN"], "sentence"))
        # A lump is felt; only a node can have been found on imaging.
        modality = None if cue.label == "LUMP" else _modality(reading, cue, palpable)
        negated = cue.negated or any(c.negated for c in reading.near(cue, ["PALPABLE", "SUSPICIOUS"]))
        if negated and not cue.negated:
            cue = _with(cue, negated=True)
        new = any(not c.negated for c in reading.near(cue, ["NEW"]))
        mentions.append(NodeMention(cue, palpable, suspicious, modality, new, cue.label == "LUMP"))
    return mentions


def _elsewhere(reading: Reading, cue: Cue) -> bool:
    """A node of another region ("cervical LN", "inguinal nodes") and no axilla named with it."""
    near = [c for c in reading.near(cue, ["OTHER_ORGAN", "AXILLA"]) if abs(c.start - cue.start) <= 3]
    return bool(near) and all(c.label == "OTHER_ORGAN" for c in near)


def _with(cue: Cue, **changes) -> Cue:
    data = dict(cue.__dict__)
    data.update(changes)
    return Cue(**data)


def _modality(reading: Reading, cue: Cue, palpable: bool) -> Optional[str]:
    """The imaging that showed a node: in its clause or, if it was not felt on exam, its sentence or message."""
    for scope in ("clause", "sentence", "message"):
        if scope != "clause" and palpable:
            break
        found = [c for c in (reading.all("MODALITY_MUS", "MODALITY_OTHER") if scope == "message"
                             else reading.near(cue, ["MODALITY_MUS", "MODALITY_OTHER"], scope)) if not c.negated]
        if found:
            mus = any(c.label == "MODALITY_MUS" for c in found)
            return "mammography_or_us" if mus else "other_imaging"
    return None


def _positive(m: NodeMention) -> bool:
    return not (m.negated or m.uncertain) and (m.palpable or m.suspicious or m.is_lump)


def nodal_status(reading: Reading, mentions: Sequence[NodeMention], n_category: Optional[str]) -> Optional[str]:
    """Clinical N status: positive beats negative; an uncertain mention without proof leaves it open."""
    positive = any(_positive(m) for m in mentions) or bool(reading.live("NODE_POS")) or n_category == "positive"
    if positive:
        return "positive"
    uncertain = any(m.uncertain and not m.negated for m in mentions) or any(c.uncertain for c in reading.all("NODE_POS"))
    negative = (bool(reading.live("NODE_NEG")) or n_category == "negative"
                or any(m.negated and not m.uncertain for m in mentions))
    if uncertain:
        return None
    return "negative" if negative else None


def exam_conflict(reading: Reading, mentions: Sequence[NodeMention]) -> bool:
    """A node felt on exam and an exam said to be negative, with no imaging to settle it."""
    felt = [m for m in mentions if _positive(m) and (m.palpable or m.is_lump) and not m.modality]
    negative = reading.live("NODE_NEG") or [m for m in mentions if m.negated and reading.near(m.cue, ["PALPABLE"])]
    imaging = [m for m in mentions if _positive(m) and m.modality]
    return bool(felt and negative and not imaging)


def node_finding(mentions: Sequence[NodeMention]) -> Optional[str]:
    """How the abnormal node was found; imaging takes precedence over a lump felt on exam."""
    found = [m for m in mentions if _positive(m)]
    for kind in ("mammography_or_us", "other_imaging"):
        if any(m.modality == kind and (m.suspicious or not m.palpable) for m in found):
            return kind
    return "palpable" if any(m.palpable or m.is_lump for m in found) else None


def lump_sides(reading: Reading, mentions: Sequence[NodeMention]) -> Optional[str]:
    """'unilateral' or 'bilateral' for palpable axillary lumps/nodes, from the sides named with them."""
    palpable = [m for m in mentions if _positive(m) and (m.palpable or m.is_lump)]
    sides = set()
    for m in palpable:
        for c in reading.near(m.cue, ["SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH", "SIDE_ONE"], "clause"):
            if m.cue.start - 5 <= c.start <= m.cue.end + 5:
                sides.add(c.label)
    # A short answer to the side question, or a short correction ("actually it's bilateral").
    answer = reading.expecting == "axillary_lump" or (
        reading.has("CORRECTION") and len(reading.tokens) <= 12 and not reading.has("BREAST", "MODALITY_MUS", "MODALITY_OTHER"))
    if not palpable and answer:
        sides = {c.label for c in reading.all("SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH", "SIDE_ONE")}
    if "SIDE_BOTH" in sides or {"SIDE_LEFT", "SIDE_RIGHT"} <= sides:
        return "bilateral"
    return "unilateral" if sides else None


# ---------------------------------------------------------------- diagnosis, treatment, scope

def diagnosis(reading: Reading) -> Optional[str]:
    """New primary, local recurrence, or no known breast cancer (a negated cancer history)."""
    if reading.live("RECURRENCE"):
        return "local_recurrence"
    cancers = [c for c in reading.all("CANCER") if not c.family]
    new = [c for c in reading.all("NEW", "NEW_DX") if not c.negated]  # "no new findings" is not a new cancer
    if any(not c.negated and c.sentence in {n.sentence for n in new} for c in cancers):
        return "new_primary"
    if reading.live("NEW_DX") and (reading.live("TUMOR", "BREAST") or any(not c.negated for c in cancers)):
        return "new_primary"
    if any(c.negated for c in cancers) and not any(not c.negated for c in cancers):
        return "none_known"
    return None


def _surgery_done(reading: Reading) -> bool:
    for cue in reading.live("SURGERY"):
        pre = [c for c in reading.near(cue, ["SURGERY_PAST_PRE"]) if c.end <= cue.start and cue.start - c.end <= 4]
        post = [c for c in reading.near(cue, ["SURGERY_PAST_POST"]) if c.start >= cue.end and c.start - cue.end <= 5]
        if pre or post:
            return True
    return False


def _nac_status(reading: Reading) -> Optional[str]:
    """Ongoing or completed neoadjuvant chemotherapy; 'unclear' when it is mentioned but its stage is not."""
    ongoing = done = weak = False
    for cue in reading.live("NAC"):
        ongoing |= bool(reading.near(cue, ["NAC_ONGOING"], "sentence"))
        done |= any(not c.negated for c in reading.near(cue, ["NAC_DONE"], "sentence"))
        weak |= bool(reading.near(cue, ["NAC_ONGOING_WEAK"], "sentence"))
    next_regimen = any(c.planned for c in reading.all("NAC"))  # "finished AC, starting paclitaxel"
    if ongoing or (done and next_regimen):
        return "neoadjuvant_ongoing"
    if done:
        return "neoadjuvant_completed"
    if weak:
        return "neoadjuvant_ongoing"
    return "unclear" if reading.live("NAC") else None


def treatment_conflict(reading: Reading, tx: Optional[str]) -> bool:
    """'No treatment yet' and 'completed neoadjuvant chemotherapy' in one message cannot both be true."""
    return tx in ("neoadjuvant_ongoing", "neoadjuvant_completed", "post_surgery") and bool(reading.live("NO_TREATMENT"))


def treatment(reading: Reading, dx: Optional[str], nac: Optional[str]) -> Optional[str]:
    """Where the patient is in treatment; the surgery of an earlier cancer does not count for a recurrence."""
    if dx != "local_recurrence" and (_surgery_done(reading) or reading.live("SURGERY_DONE")):
        return "post_surgery"
    if nac == "unclear":
        return None  # said to be on or after chemotherapy, but not which: never assume "no treatment"
    if nac:
        return nac
    negated = [c for c in reading.all("TREATMENT_WORD", "NAC") if c.negated]
    if reading.live("NO_TREATMENT", "BEFORE_SURGERY") or negated:
        return "none"
    return None


def new_lump_during(reading: Reading, mentions: Sequence[NodeMention], tx: Optional[str]) -> Optional[bool]:
    """A new axillary lump while on neoadjuvant chemotherapy ("no new lumps" -> False)."""
    if tx != "neoadjuvant_ongoing":
        return None
    new = [m for m in mentions if m.new]
    if any(_positive(m) for m in new):
        return True
    return False if any(m.negated for m in new) else None


def metastases(reading: Reading, m_category: Optional[bool]) -> Optional[bool]:
    """Known distant metastatic disease (nodal 'metastatic carcinoma' is not distant)."""
    for cue in reading.all("METASTASIS"):
        distant = "distant" in cue.text.lower() or "stage" in cue.text.lower() or "disease" in cue.text.lower() \
            or "breast cancer" in cue.text.lower() or reading.near(cue, ["DISTANT_SITE"])
        if distant and cue.negated:
            return False
        if distant and not (cue.uncertain or cue.family):
            return True
    return True if m_category else None


def encounter(reading: Reading, facts: Facts) -> Optional[str]:
    """Surveillance, screening of a woman with no finding, or a question about something else."""
    finding = facts["clinical_nodes"] == "positive" or facts["axillary_lump"] or facts["diagnosis"] in (
        "new_primary", "local_recurrence")
    if reading.live("SURVEILLANCE") and not finding:
        return "surveillance"
    if reading.live("SCREENING") and not (finding or reading.live("CANCER")):
        return "screening"
    stated = any(v is not None for k, v in facts.items() if k not in ("sex", "age"))
    topical = reading.has(*_TOPICAL) and not (set(reading.by_label) & _TOPICAL == {"NODE"} and reading.has("OTHER_ORGAN"))
    if not topical and not stated and reading.expecting is None:
        return "unrelated"
    return None


# ---------------------------------------------------------------- sex and age

def sex(reading: Reading) -> Tuple[Optional[str], bool]:
    """(sex, contradictory?): explicit words and '58F' beat pronouns."""
    def votes(label: str, compact: str) -> Tuple[int, int]:
        cues = [c for c in reading.all(label) if not c.family]
        strong = sum(c.text.lower() not in ("she", "her", "hers", "herself", "he", "his", "him") for c in cues)
        strong += sum(c.text.rstrip(".,;:)").endswith(compact) for c in reading.all("AGE_SEX"))
        return strong, len(cues)
    female, male = votes("FEMALE", ("F", "f")), votes("MALE", ("M", "m"))
    if female[0] and male[0]:
        return None, True
    if female[0] or male[0]:
        return ("female" if female[0] else "male"), False
    if female[1] and not male[1]:
        return "female", False
    if male[1] and not female[1]:
        return "male", False
    return None, False


def age(reading: Reading) -> Optional[int]:
    for cue in reading.all("AGE_SEX", "AGE"):
        if cue.family:
            continue
        value = _number(next((w for w in re.findall(r"\d+|[A-Za-z]+", cue.text) if _number(w) is not None), ""))
        if value and 0 < value < 111 and value == int(value):
            return int(value)
    return None


# ---------------------------------------------------------------- short answers

def short_answer(reading: Reading, facts: Facts) -> None:
    """Read 'yes', 'no', 'both sides', 'on the mammogram' as the answer to the question just asked."""
    key, yes, no = reading.expecting, reading.live("ANSWER_YES"), reading.has("ANSWER_NO")
    if key is None or facts.get(key) is not None:
        return
    if key == "clinical_nodes" and (yes or no) and not (yes and no):
        facts[key] = "positive" if yes else "negative"
    elif key == "node_finding":
        if reading.has("MODALITY_MUS"):
            facts[key] = "mammography_or_us"
        elif reading.has("MODALITY_OTHER"):
            facts[key] = "other_imaging"
        elif reading.has("PALPABLE", "LUMP"):
            facts[key] = "palpable"
    elif key == "diagnosis":
        if reading.has("NEW"):
            facts[key] = "new_primary"
        elif no:
            facts[key] = "none_known"
    elif key == "treatment" and no:
        facts[key] = "none"


# ---------------------------------------------------------------- the whole message

def read(text: str, expecting: Optional[str] = None) -> Tuple[Reading, List[str]]:
    """Run the pipeline and index its cues."""
    text, notes = clean(text)
    doc = load()(text)
    return Reading(cues=list(doc._.cues), tokens=[t.text for t in doc], expecting=expecting), notes


def extract(text: str, expecting: Optional[str] = None) -> Extraction:
    """The facts one message states (null when unstated), with contradictions and corrections."""
    reading, notes = read(text, expecting)
    corrected = bool(reading.all("CORRECTION"))
    facts, conflicts = empty(), []
    size, contradictory, size_notes = tumor_size(reading, corrected)
    notes += size_notes
    if contradictory:
        conflicts.append("tumor_size_cm")
    t, n, m = tnm(reading)
    mentions = node_mentions(reading)
    facts["sex"], sex_conflict = sex(reading)
    if sex_conflict:
        conflicts.append("sex")
    facts["age"] = age(reading)
    facts["diagnosis"] = diagnosis(reading)
    facts["tumor_size_cm"] = size
    facts["t_category"] = t
    nac = _nac_status(reading)
    facts["treatment"] = treatment(reading, facts["diagnosis"], nac)
    if treatment_conflict(reading, facts["treatment"]):
        conflicts.append("treatment")
    facts["neoadjuvant_unclear"] = True if facts["treatment"] is None and nac == "unclear" else None
    facts["new_lump_during_treatment"] = new_lump_during(reading, mentions, facts["treatment"])
    baseline = [m_ for m_ in mentions if not (facts["new_lump_during_treatment"] and m_.new)]
    facts["clinical_nodes"] = nodal_status(reading, baseline, n)
    if facts["treatment"] in (None, "none") and exam_conflict(reading, baseline):
        conflicts.append("clinical_nodes")
    facts["node_finding"] = node_finding(baseline) if facts["clinical_nodes"] != "negative" else None
    facts["axillary_lump"] = lump_sides(reading, mentions)
    facts["tumor_over_2cm"] = size_comparison(reading) if size is None else None
    facts["distant_metastases"] = metastases(reading, m)
    short_answer(reading, facts)
    facts["encounter"] = encounter(reading, facts)
    return Extraction(
        facts=validate(facts), conflicts=tuple(conflicts), corrected=corrected,
        new_case=bool(reading.all("NEW_CASE")), notes=tuple(notes),
        cues=tuple(sorted({c.label for c in reading.cues})),
    )
