"""Tumour size: which measurement of a message is the primary tumour's, and in cm.

Rulings (shared/reference/matching-rules.md, "Which number is the tumour size", "Several sizes of the
primary", "Size for the neoadjuvant rows", "Text as channels deliver it"):
- a node's size or cortex, a distance, a depth, height/weight, calcifications, a separate DCIS area, a
  second focus and an older measurement of a lesion that has since grown are not the size;
- several sizes of the primary on the same side of 2 cm: the largest stands; on both sides: ask;
- during or after neoadjuvant chemotherapy the size is the one at diagnosis, not the residual one;
- "> 2 cm" / "< 2 cm" give the side of 2 cm; "≥ 2 cm" straddles it: ask.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Set, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from bot.facts import MAX_TUMOR_CM, SIZE_THRESHOLD_CM, Facts
from bot.nlp.components import Cue
from bot.nlp.pipeline import answer_fillers
from bot.nlp.reading import DATED, NOTHING, Read, Reading, inside, with_context
from bot.reasons import Note

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_GLUED_MARK = re.compile(r"\d+['’`´]\d")  # "1'5 cm": a decimal mark that is no point, or a typo
_MM = re.compile(r"\bmm\b|millim|\dmm")
# (and "with"/"and" in the languages of foreign.yml: con, y, e, avec, et, mit, und, met, z, i, ile, ve)
_PHRASE_BREAKS = {"with", "and", "plus", "&", "w/", "but", "while", "whereas", "+", "(",
                  "con", "y", "e", "avec", "et", "mit", "und", "met", "z", "i", "ile", "ve"}
# between a lump and its axilla, "i" is Swedish, Czech or Italian "in"/"the" ("knölar i båda armhålorna"), as
# often as Polish "and"; a node or breast named between them still breaks the phrase
_LUMP_PLACE_BREAKS = _PHRASE_BREAKS - {"i"}
_COMPARISONS = ("SIZE_COMPARE_LE", "SIZE_COMPARE_GT", "SIZE_COMPARE_GE", "SIZE_BELOW_1CM")
_NAC = ("neoadjuvant_ongoing", "neoadjuvant_completed")
_OLD_SECTIONS = ("COMPARISON", "TECHNIQUE")
Sized = List[Tuple[Cue, float, Optional[str]]]  # (measurement, cm, when it was measured)


def size_cm(cue: Cue) -> Optional[float]:
    """The largest dimension of a size phrase in cm ("30 mm" -> 3.0, "2.5 x 1.8 cm" -> 2.5); None if implausible."""
    text = cue.text.lower()
    values = [float(v) for v in _NUMBER.findall(text)]
    if not values or text.lstrip().startswith(("-", "−")):
        return None
    largest = max(values) / (10.0 if _MM.search(text) else 1.0)
    return largest if 0 < largest <= MAX_TUMOR_CM else None


def _number(cue: Cue) -> float:
    """The number a BARE_NUMBER cue holds. Its span is widened to whole tokens, so it may carry a symbol the
    pattern stopped before ("0§")."""
    found = _NUMBER.search(cue.text)
    return float(found.group()) if found else 0.0


def _kind(reading: Reading, c: Cue) -> Optional[str]:
    """What a head word says a measurement measures: 'tumor', 'node', 'other' or None."""
    if c.negated and c.label in ("NODE", "LUMP", "AXILLA", "OTHER_ORGAN", "OTHER_FOCUS"):
        return None  # "4cm nodes not palpable", "2.5 cm without skin involvement": what is absent has no size
    if c.label == "CANCER" and inside(c, reading.all("DCIS")):
        c = next(d for d in reading.all("DCIS") if d.start <= c.start and c.end <= d.end)
    if c.label in ("NON_TUMOR_HEAD", "OTHER_ORGAN", "OTHER_FOCUS"):
        return "other"
    if c.label == "DCIS":
        # a DCIS area beside an invasive cancer is not the tumour ("the 17 mm was the DCIS component; the invasive
        # mass is 24 mm"); DCIS alone is
        lowered = [t.lower() for t in reading.tokens]
        invasive = any(x.label == "CANCER" and not x.negated for x in reading.all("CANCER")
                       if not inside(x, reading.all("DCIS"))) or any(
            t == "invasive" and not {"no", "without", "non", "not"} & set(lowered[max(0, i - 3):i])
            for i, t in enumerate(lowered))
        return "other" if invasive or reading.tokens[c.end:c.end + 1] == ["component"] else "tumor"
    if c.label in ("NODE", "AXILLA"):
        return "node"
    if c.label in ("LUMP", "TUMOR") and in_distant_organ(reading, c):
        return "other"  # "a 9 mm lesion in the right lobe of the liver"
    if c.label == "LUMP":
        return "node" if axillary(reading, c) else "tumor"
    if c.label in ("CANCER", "TUMOR", "BREAST", "AXILLARY_TAIL"):
        return "tumor"
    return None


_NO_ORGAN = frozenset({"distant", "systemic", "widespread"})  # DISTANT_SITE words that name no organ


def in_distant_organ(reading: Reading, lesion: Cue) -> bool:
    """The lesion is placed in a distant organ by the words after it ("lesion in the left lobe of the liver")."""
    breasts = reading.near(lesion, ["BREAST"])
    return any(0 <= s.start - lesion.end <= 8 and s.text.lower() not in _NO_ORGAN and not s.negated
               and not any(lesion.end <= b.start < s.start for b in breasts)
               for s in reading.near(lesion, ["DISTANT_SITE"]))


def inside_any(token: int, cues: List[Cue]) -> bool:
    """True when token index `token` lies inside one of `cues`."""
    return any(c.start <= token < c.end for c in cues)


_APPOSING = {",", "there", "in", "the", "her", "his", "at"}
_SIDE_JOINS = {"and", "&", "+", "/"}


def apposed_axilla(reading: Reading, lump: Cue) -> Optional[Cue]:
    """The axilla named right after a lump, after a comma ("new palpable lump, R axilla", "a lump there, in the right
    armpit")."""
    sides = reading.all("SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH")
    for c in reading.all("AXILLA"):
        if c.negated and not lump.negated:
            continue  # "1.3 cm mass, axilla clinically negative": the axilla's own statement
        # ("lumps, right and left axilla": the sides joined by "and" are one phrase)
        if c.clause == lump.clause + 1 and c.sentence == lump.sentence and lump.end < c.start <= lump.end + 7 \
                and "," in reading.tokens[lump.end:c.start] \
                and all(t.lower() in _APPOSING or any(s.start == i for s in sides)
                        or (t.lower() in _SIDE_JOINS and any(s.end == i for s in sides))
                        for i, t in enumerate(reading.tokens[lump.end:c.start], lump.end)):
            return c
    return None


def axillary(reading: Reading, lump: Cue) -> bool:
    """A lump or mass in the axilla ("R axillary mass", "lump in her left armpit"), not "breast mass + ax node"."""
    return axilla_of(reading, lump) is not None or _told_again(reading, lump)


def axilla_of(reading: Reading, lump: Cue) -> Optional[Cue]:
    """The axilla word that places a lump or mass in the axilla, or None (see axillary)."""
    # the lump's own size between them does not count ("L breast 1.3 cm mass")
    sized = max((s.end - s.start for s in reading.all("SIZE") if s.end == lump.start), default=0)
    if any(c.clause == lump.clause and lump.start - 2 - sized <= c.start < lump.start for c in reading.all("BREAST")):
        return None  # "L breast mass", "L breast 1.3 cm mass"
    apposed = apposed_axilla(reading, lump)
    if apposed:
        return apposed
    sides = reading.all("SIDE_LEFT", "SIDE_RIGHT", "SIDE_BOTH")
    tails = reading.all("AXILLARY_TAIL")
    for c in reading.all("AXILLA"):
        if _labels_it(reading, c, lump) or _site_field(reading, c, lump) or _fronted(reading, c, lump):
            return c  # "R axilla: one firm mobile swelling", "Palpable area: R axilla, ...; feels a lump"
        if c.clause != lump.clause or inside(c, tails):
            continue  # "a mass in the axillary tail of the breast" is a breast mass
        if c.negated and not lump.negated:
            continue  # "1.3 cm mass, axilla clinically negative": the axilla's own statement
        # the words that describe the lump do not count in the reach ("bagal mein ek naya palpable lump")
        described = sum(1 for i in range(c.end, lump.start) if inside_any(i, reading.all("NEW", "PALPABLE", "SIZE")))
        if lump.start - 4 - described <= c.start < lump.start:
            return c
        # "lumps in the right and left axillae": a list of sides is one phrase, and does not count in the reach
        listed = [s for s in sides if lump.end <= s.start < c.start]
        # a side in brackets is an aside that names the side ("lump in the ipsilateral (left) axilla"), not a break
        aside = {i for s in listed for i in _brackets(reading.tokens, s)}
        between = [t.lower() for i, t in enumerate(reading.tokens[lump.end:c.start], lump.end)
                   if i not in aside
                   and not (t.lower() in ("and", "&", "+") and listed and any(s.end == i for s in listed))]
        # the lump's own size does not count in the reach either ("a lump of about 2 cm in the left axilla")
        measured = sum(1 for i in range(lump.end, c.start) if inside_any(i, reading.all("SIZE"))
                       or reading.tokens[i].lower() in _APPROXIMATE | {"of", "measuring"})
        reach = 4 + 2 * len(listed) + len(aside) + measured
        if lump.end <= c.start <= lump.end + reach and not (set(between) & _LUMP_PLACE_BREAKS) \
                and not any(lump.end <= b.start < c.start for b in reading.all("BREAST", "NODE")):
            return c
    return None


def _told_again(reading: Reading, lump: Cue) -> bool:
    """The lump told just before it is axillary, and this one is it again or one more like it ("the lump is only on
    the left", "there's a lump on the right as well"); its side is its own, not the earlier one's."""
    before = [c for c in reading.all("LUMP") if c.end <= lump.start]
    definite = lump.start > 0 and reading.tokens[lump.start - 1].lower() in ("the", "this", "that")
    return bool(before) and (definite or any(a.clause == lump.clause and -2 <= a.start - lump.end <= 4
                                             for a in reading.all("ADDITION"))) and axillary(reading, before[-1])


def _brackets(tokens: List[str], side: Cue) -> Tuple[int, ...]:
    """The token indices of the brackets round a side ("(left)", "(R)": the cue may hold them), or none."""
    start = side.start if tokens[side.start] == "(" else side.start - 1
    end = side.end - 1 if tokens[side.end - 1] == ")" else side.end
    if start < 0 or end >= len(tokens) or (tokens[start], tokens[end]) != ("(", ")"):
        return ()
    return start, end


def _labels_it(reading: Reading, axilla: Cue, lump: Cue) -> bool:
    """The axilla is the field label of the lump's line ("R axilla: one firm mobile swelling", "L axilla - lump"):
    a colon or dash right after it, the lump later in its sentence, no breast or node named between them."""
    return axilla.sentence == lump.sentence and axilla.end <= lump.start \
        and any(t in (":", "-", "–") for t in reading.tokens[axilla.end:axilla.end + 1]) \
        and not any(axilla.end <= c.start < lump.start for c in reading.all("BREAST", "NODE", "AXILLA"))


# A place put first in its sentence ("Under her right arm there is a hard swelling", "In the left armpit, a firm
# lump is felt"): the words that may come before the axilla, and those between it and the lump.
_FRONTING = frozenset({"in", "under", "within", "inside", "at", "the", "her", "his", "their", "right", "left", "r", "l",
                       "rt", "lt"})
_FRONTED_TO_LUMP = frozenset({",", "there", "is", "was", "'s", "are", "a", "an", "one", "she", "he", "has", "had",
                              "feels", "felt", "we", "i", "now", "today", "also"})


def _fronted(reading: Reading, axilla: Cue, lump: Cue) -> bool:
    """The axilla opens the lump's sentence as its place ("Under her right arm there is a hard swelling"): only a
    preposition, article or side before it, only a verb of being or feeling (and the lump's own descriptions)
    between it and the lump."""
    start, _ = reading.sentence_span(axilla)
    tokens = reading.tokens
    if axilla.negated or lump.sentence != axilla.sentence or lump.start < axilla.end \
            or not all(t.lower() in _FRONTING for t in tokens[start:axilla.start]):
        return False
    described = {i for c in reading.all("NEW", "PALPABLE", "SIZE") for i in range(c.start, c.end)}
    between = [i for i in range(axilla.end, lump.start) if i not in described]
    return len(between) <= 6 and all(tokens[i].lower() in _FRONTED_TO_LUMP for i in between)


_SITE_FIELDS = frozenset({"area", "site", "location", "region", "where"})


def _site_field(reading: Reading, axilla: Cue, lump: Cue) -> bool:
    """The axilla is the value of a form's site field ("Palpable area: R axilla, marked with a skin BB; patient feels
    a ~2 cm lump"): the lump later on that line is there, when no breast, node or other axilla is named between."""
    tokens = reading.tokens
    head = [t.lower() for t in tokens[max(0, axilla.start - 3):axilla.start]]
    return ":" in head and bool(_SITE_FIELDS & set(head)) and axilla.end <= lump.start \
        and not any("\n" in t for t in tokens[axilla.end:lump.start]) \
        and not any(axilla.end <= c.start < lump.start for c in reading.all("BREAST", "NODE", "AXILLA"))


_LARGEST = frozenset({"largest", "biggest", "larger", "bigger", "dominant"})
_LARGEST_REACH = 4  # tokens between the things named and "largest" with its size
_HEAD_LABELS = ("NODE", "LUMP", "TUMOR", "CANCER", "NON_TUMOR_HEAD", "OTHER_FOCUS")


def _largest_of(reading: Reading, cue: Cue) -> Optional[str]:
    """The largest of the things named just before ("2 normal appearing nodes, largest 2.3 cm", "no suspicious
    nodes, the largest 8 mm", "several cysts, the biggest 1.2 cm"): what they are, said or denied."""
    if not _LARGEST & {t.lower() for t in reading.tokens[max(0, cue.start - 3):cue.start]}:
        return None
    heads = [c for c in reading.cues if c.sentence == cue.sentence and c.end <= cue.start and c.label in _HEAD_LABELS]
    if not heads or cue.start - heads[-1].end > _LARGEST_REACH:
        return None  # "L axillary LAP largest 1.8 cm": the things are not named (LAP), not the lesion before them
    return _kind(reading, with_context(heads[-1], negated=False))


def _claimed(reading: Reading, head: Cue, sizes: List[Cue]) -> bool:
    """A head that directly follows another measurement, in its phrase, belongs to it ("6 cm from the nipple")."""
    return any(s.end <= head.start <= s.end + 3 and s.clause == head.clause
               and not {t.lower() for t in reading.tokens[s.end:head.start]} & _PHRASE_BREAKS for s in sizes)


# BI-RADS margin descriptors (mammography and ultrasound lexicons): the margins of a mass seen on imaging
_DESCRIBED_MARGIN = frozenset({"spiculated", "angular", "indistinct", "microlobulated", "circumscribed", "obscured",
                               "irregular", "ill-defined", "lobulated", "smooth", "not"})
_COPULAS = {"is", "was", "are", "=", "belongs"}
_EXTENT_OF_TUMOUR = {"enhancement", "tumour", "tumor", "mass", "disease", "lesion", "malignancy"}


_STUDY_WORDS = ("IMAGING_GENERIC", "MODALITY_MUS", "MODALITY_OTHER", "STAGING_WORKUP")


_DENYING = frozenset({"no", "not", "without", "non", "nil", "none", "negative", "neg", "-ve", "w/o", "absent", "clear"})


def _named_normal(reading: Reading, size: Cue, head: Cue) -> Optional[str]:
    """'node' for a node "negated" only by what it is called after the size ("a 9 mm axillary node of normal
    morphology"): a normal node is there and measures that; not one denied ("no 9 mm node", "4 cm nodes not
    palpable")."""
    if not (head.negated and head.label in ("NODE", "AXILLA")):
        return None
    words = {t.lower() for t in reading.tokens[max(0, size.start - 3):head.end + 3]}
    return None if words & _DENYING else "node"


def measured(reading: Reading, cue: Cue) -> Optional[str]:
    """What a measurement measures: 'tumor', 'node', 'other', or None when the text does not say.

    The words after it decide first, up to a phrase break; a copula reaches three words further ("the 2.2 cm on
    the US report is the axillary node")."""
    tokens = reading.tokens
    window = min(cue.end + 6, len(tokens))
    stop = next((i for i in range(cue.end, window) if tokens[i].lower() in _PHRASE_BREAKS), window)
    copula = next((i for i in range(cue.end, stop) if tokens[i].lower() in _COPULAS), None)
    if copula is not None:
        stop = min(copula + 4, len(tokens))
    others = [s for s in reading.all("SIZE") if s is not cue]
    # a landmark after another number is that number's ("mass of 34 mm located 7 cm from the nipple")
    landmark_stop = min((s.start for s in others if cue.end <= s.start < stop), default=stop)
    clauses = (cue.clause, cue.clause + 1) if _adjectives_to_a_noun(reading, cue) else (cue.clause,)
    after = sorted((c for c in reading.cues if c.clause in clauses and cue.end <= c.start < stop
                    and not (c.start >= landmark_stop and c.label in ("NON_TUMOR_HEAD", "OTHER_FOCUS"))),
                   key=lambda c: c.start)
    # what a measurement is of, said right before it, comes first ("calcifications spanning 5 cm: highly suggestive
    # of malignancy": the span is the calcifications', whatever the words after it name)
    adjacent = [kind for c in reading.cues if c.label == "NON_TUMOR_HEAD" and _names_the_next(reading, c, cue)
                and not (_follows_its_number(c) and any(s.end == c.start for s in others))
                and not _mass_margin(reading, c)
                for kind in [_kind(reading, c)] if kind]
    if adjacent:
        return adjacent[0]
    superlative = _largest_of(reading, cue)
    if superlative:
        return superlative
    studies = reading.all(*_STUDY_WORDS)
    for c in after:
        if c.label == "AXILLA" and any(s.start == c.end or s.start <= c.start < s.end for s in studies):
            continue  # "1.6 cm cN1 - axillary imaging?": the axilla's imaging, not a node that measures 1.6 cm
        kind = _kind(reading, c) or _named_normal(reading, cue, c)
        if kind and (_follows_its_number(c) or not any(s.start == c.end or s.end == c.start for s in others)):
            # not a label of the next measurement ("1.5 cm at depth 3 cm": the depth is the 3 cm), nor of the one
            # it follows ("1.2 cm at 10 o'clock 4 cm below the crease": the 4 cm is below); a distance from a
            # landmark is always the number's before it ("5 cm from nipple 1.3 cm mass", "6 cm FN 1.3 cm")
            return kind
    # an aside between dashes or in brackets before the measurement does not name what it measures ("The mass - the
    # lump she feels near the armpit - measures 2.6 cm", "It was 1.8 cm (thought a fibroadenoma then), now 2.6 cm")
    asides = [(a, b) for a, b in reading.cached("asides", lambda: [m.span() for m in _ASIDE.finditer(reading.plain)])
              if b <= cue.start_char]
    before = sorted((c for c in reading.cues if c.sentence == cue.sentence and c.end <= cue.start
                     and not any(a <= c.start_char and c.end_char <= b for a, b in asides)),
                    key=lambda c: (c.clause != cue.clause, -c.start))
    foci = reading.all("OTHER_FOCUS")
    own_field = False  # "depth 2.5 cm from skin, size 1.2 cm": a size field of its own
    for c in before:
        if c.label == "SIZE_WORD" and c.text.lower() == "size" and all(
                t in (":", "=", "-", "of") for t in reading.tokens[c.end:cue.start]) \
                and (not c.start or reading.tokens[c.start - 1] in (",", ";", "(", ".")):
            own_field = True
            continue
        if own_field and c.label in ("OTHER_FOCUS", "NON_TUMOR_HEAD", "NODE") \
                and any(c.end <= s.start < cue.start for s in others):
            continue  # what an earlier measurement measured ("depth"), not what the size field's is of
        if _follows_its_number(c) and any(s.end == c.start for s in others):
            continue  # "5 cm from nipple 1.3 cm mass": the distance is the 5 cm's
        if c.label in ("LUMP", "TUMOR") and inside(c, foci):
            continue  # "a satellite nodule of 0.8 cm": the focus it names, not a tumour
        kind = _kind(reading, c)
        if c.label == "NODE" and c.end == cue.start:
            return "node"  # "node 0.9 cm with normal fatty hilum": a node called normal still measures 0.9 cm
        if c.label == "BREAST" and _locates(reading, c):
            continue  # "two simple cysts in the left breast, the larger 0.8 cm": the cysts', where they are
        if c.text.lower().startswith("margin") and cue.start - c.end > 3 or _mass_margin(reading, c):
            continue  # "a mass with angular margins, ..., measuring 1.6 cm": the margins describe the mass
        if c.text.lower() == "extent" and _EXTENT_OF_TUMOUR & {t.lower() for t in reading.tokens[c.end:c.end + 3]}:
            continue  # "MRI extent of enhancement 2.6 cm": the tumour's extent on MRI, not calcifications'
        if kind and (c.end == cue.start or not _claimed(reading, c, others)):
            return kind  # a label right before the number is its own ("... at depth 3 cm")
    return "tumor" if _size_field(reading, cue) else _continued(reading, cue, others)


_LOCATIVE = frozenset({"in", "of", "within", "at"})
_HEADS = ("NON_TUMOR_HEAD", "LUMP", "TUMOR", "CANCER", "NODE", "DCIS", "OTHER_FOCUS")


def _locates(reading: Reading, breast: Cue) -> bool:
    """A breast named as where something before it is ("cysts in the left breast", "IDC of the R breast"): that
    head, not the breast, says what a measurement after them measures."""
    words = [t.lower() for t in reading.tokens[max(0, breast.start - 3):breast.start]]
    at = max((i for i, w in enumerate(words) if w in _LOCATIVE), default=None)
    if at is None:
        return False
    preposition = breast.start - len(words) + at
    return any(c.clause == breast.clause and preposition - 3 <= c.end <= preposition for c in reading.all(*_HEADS))


def _mass_margin(reading: Reading, head: Cue) -> bool:
    """Margins named by a BI-RADS margin descriptor ("mass with spiculated margins measuring 2.4 cm"): the imaged
    mass's outline, so the measurement is the mass's, not an excision margin's."""
    return head.text.lower().startswith("margin") and bool(_DESCRIBED_MARGIN & {
        t.lower() for t in reading.tokens[max(0, head.start - 2):head.start]})


# Words between an object and its measurement ("a simple cyst of 2.5 cm", "lipoma measuring 3 cm", "core length: 2 cm")
_OF_ITS_SIZE = frozenset({"of", "measuring", "measures", "measured", "about", "approximately", "approx", "~", "size",
                          "sized", ":", "-", "=", "is"})


def _names_the_next(reading: Reading, head: Cue, cue: Cue) -> bool:
    """A head word right before the measurement, or before it with at most two words that give its size."""
    between = reading.tokens[head.end:cue.start]
    return head.end <= cue.start and len(between) <= 2 and all(t.lower() in _OF_ITS_SIZE for t in between)


def _adjectives_to_a_noun(reading: Reading, cue: Cue) -> bool:
    """One adjective, a comma, and the rest of a list that ends in what is measured ("a 2 cm dense, round right
    axillary node"): one phrase across the comma."""
    tokens = reading.tokens
    comma = cue.end + 1
    if comma >= len(tokens) or tokens[comma] != "," or not tokens[cue.end].isalpha() \
            or tokens[cue.end].lower() in STOP_WORDS:
        return False
    heads = [c for c in reading.cues if c.label in ("NODE", "LUMP", "TUMOR") and comma < c.start <= comma + 4]
    return bool(heads) and all(t.isalpha() for t in tokens[comma + 1:heads[0].start])


def _continued(reading: Reading, cue: Cue, others: List[Cue]) -> Optional[str]:
    """A measurement in a part after a semicolon that names nothing it could measure ("a lump in the left armpit;
    confirmed on exam, firm, about 1.5 cm"): the last thing the part before it named, or what the measurement
    that part ends with measures ("28mm US / 31mm MRI")."""
    prior = [c for c in reading.cues if c.sentence == cue.sentence - 1]
    if not prior:
        return None
    gap = reading.tokens[prior[-1].end:cue.start]
    if ";" not in gap and "/" not in gap:
        return None
    for c in sorted(prior, key=lambda c: -c.start):
        if c.label == "SIZE" and _by_study(reading, c) and _by_study(reading, cue):
            return measured(reading, c)  # "28mm US / 31mm MRI": readings of the same thing by two studies
        kind = _kind(reading, c)
        if kind and not _claimed(reading, c, others):
            return kind
    return None


_FROM_LANDMARK = re.compile(r"(?i)^(?:from\b|of\s+(?:the\s+)?(?:chest|nipple|skin|pectoral|areola)|to\s+the\b"
                            r"|f\.?t?n\b|cmfn\b)")


_LIST_MARKS = frozenset({"/", ";", ",", "and"})


def _listed_with(reading: Reading, size: Cue, later: Cue) -> bool:
    """Two readings of the tumour by two studies listed together ("1.8 cm on US / 2.6 cm on MRI"): what is said of
    the list's time after it is said of both."""
    between = reading.tokens[size.end:later.start]
    return 0 < len(between) <= 4 and bool(_LIST_MARKS & set(between)) and _by_study(reading, size) \
        and _by_study(reading, later)


def _by_study(reading: Reading, size: Cue) -> bool:
    """A size with the study that took it right after it ("28mm US")."""
    return any(0 <= s.start - size.end <= 1 for s in reading.all(*_STUDIES))


def _follows_its_number(head: Cue) -> bool:
    """A head that comes after the number it labels, never before one: a distance from a landmark."""
    return bool(_FROM_LANDMARK.match(head.text))


_ASIDE = re.compile(r"(?<=\s)[-–—]\s[^-–—\n]{1,150}?\s[-–—](?=\s)|\([^()\n]{1,150}\)")
_SIZE_FIELDS = frozenset({"size", "dimension", "diameter", "measurement", "greatest", "largest", "max", "maximum"})


def _size_field(reading: Reading, cue: Cue) -> bool:
    """A form's field for the size, alone on its line ("Size: 31 mm", "Size (US): 31 mm", "Max dimension - 2.2 cm"):
    the primary's, the form being about it."""
    start = cue.start
    while start > 0 and "\n" not in reading.tokens[start - 1] and cue.start - start < 6:
        start -= 1
    words = [t.lower() for t in reading.tokens[start:cue.start] if any(ch.isalpha() for ch in t)]
    return (start == 0 or "\n" in reading.tokens[start - 1]) and bool(words) and words[0] in _SIZE_FIELDS \
        and any(t in (":", "-", "=") for t in reading.tokens[start:cue.start])


def _when(reading: Reading, cue: Cue) -> Optional[str]:
    """'diagnosis' (at diagnosis, before chemotherapy), 'later' (residual, now) or 'old' (an older study).

    The nearest qualifier in the clause decides ("5.1 cm at diagnosis, shrunk to 1.9 cm" qualifies each), never
    across another measurement ("4 cm (was 29 mm in 2020)"); a field label names it for its field
    ("Residual (post-NAC MRI): 1.1 cm")."""
    kinds = {"SIZE_OLD": "old", "SIZE_OLD_POST": "old", "SIZE_AT_DX": "diagnosis", "SIZE_LATER": "later"}
    others = [s for s in reading.all("SIZE") if s is not cue]
    sizes = [s.start for s in others]
    # "... 1.2 cm mass ... on ultrasound in March 2024": a date after a measurement reaches to the sentence's end
    found = [q for q in reading.within(cue, kinds, before=8, after=6) if q.label != "SIZE_OLD_POST"]
    # "0.7 cm on MRI now": "now" and "today" start a clause of their own (context.yml), yet qualify what precedes
    found += [q for q in reading.near(cue, ["SIZE_LATER"], "sentence")
              if reading.norm_of(q) in ("now", "today") and q.clause == cue.clause + 1
              and cue.end <= q.start <= cue.end + 6]
    # "the outside mammogram from 2023, where it measured 1.4 cm": a relative clause of a dated study
    found += [q for q in reading.near(cue, ["SIZE_OLD", "SIZE_OLD_POST"], "sentence")
              if 0 <= cue.start - q.end <= _RELATIVE_REACH
              and _RELATIVE & {t.lower() for t in reading.tokens[q.end:cue.start]}]
    found += [q for q in reading.near(cue, ["SIZE_OLD_POST"], "sentence") if (cue.end <= q.start <= cue.end + 20
              or (q.end <= cue.start and q.text.lower().endswith("ago")
                  and q.start - _sentence_start(reading, q) <= 2))  # "Six months ago, a mass of 18 mm ..."
              and not _dates_the_diagnosis(reading, q)]
    # "now it's barely visible, maybe 6 mm": a time ahead of a measurement reaches over a comma in its sentence
    # (not "post-NAC, surgery for 2.1 cm IDC", nor "currently on cycle 4 of AC-T for a 3.8 cm cancer", nor past the
    # bracket it is in: "(currently cycle 5) for a 2.2 cm IDC")
    found += [q for q in reading.near(cue, ["SIZE_LATER"], "sentence") if 0 <= cue.start - q.end <= 14
              and reading.norm_of(q) in ("now", "currently", "today")
              and ")" not in reading.tokens[q.end:cue.start]
              and not any(q.end <= t.start < cue.start and not inside(t, reading.all("SIZE_LATER"))
                          for t in reading.all("NAC", "TREATMENT_WORD", "CYCLES_FRACTION"))]
    found = [q for q in found if not any(min(q.start, cue.start) < s < max(q.start, cue.start) for s in sizes)]
    # "currently midway through neoadjuvant chemotherapy for a 2.6 cm cancer": a time before the treatment it dates
    # is the treatment's, not that of the cancer it is given for (a size after it with no "for" is asked as before)
    treated_for = "for" in [t.lower() for t in reading.tokens[max(0, cue.start - 3):cue.start]]
    found = [q for q in found if not (treated_for and q.label == "SIZE_LATER" and q.end <= cue.start and any(
        q.end <= t.start < cue.start and not inside(t, reading.all("SIZE_LATER"))
        for t in reading.all("NAC", "TREATMENT_WORD", "CYCLES_FRACTION")))]
    # "3.2 cm before chemo and 0.9 cm now": a time right after another measurement is that one's ("increased
    # from 1.6 cm" introduces what follows it)
    ends = {s.end for s in others}
    found = [q for q in found if not (q.end <= cue.start and q.label in ("SIZE_AT_DX", "SIZE_LATER")
                                      and q.start in ends)]
    # "2.9cm cN1 post NAC", "2.2 cm (not 1.2 as previously dictated)": a time after the nodal category or another
    # number is the case's or that number's, not the measurement's
    numbers = [n.start for n in reading.all("BARE_NUMBER") if n.start >= cue.end and not inside(n, others)]
    staged = [c.start for c in reading.all("NSTAGE", "TNM", "NODE_POS", "NODE_NEG")] + numbers
    found = [q for q in found if not (q.start >= cue.end and any(cue.end <= n < q.start for n in staged))]
    # "1.9 cm (previously 1.2 cm in 2024)", "2.6 cm (the earlier note said 1.6, a typo)": a qualifier right before
    # the next number is that one's
    starts = [s.start for s in others]
    found = [q for q in found if not (q.start >= cue.end and q.label != "SIZE_OLD_POST" and (
        q.end in starts or any(0 <= n - q.end <= _QUALIFIED_REACH for n in numbers)))]
    if not found:
        corrections = {c.end for c in reading.all("CORRECTION")}
        colon = [i for i in range(cue.start) if reading.tokens[i].endswith(":") and i not in corrections
                 and i + 1 not in corrections]
        field = [q for q in reading.near(cue, kinds, "sentence") if colon and q.end <= colon[-1] < cue.start
                 and q.start >= _sentence_start(reading, cue)
                 and not any(q.start < s < cue.start for s in sizes)]
        found = field[-1:]
    # "thx for earlier 🙌 another: new R ILC 16mm": a qualifier before "new" does not reach what is new
    news = [n.start for n in reading.near(cue, ["NEW"])]
    found = [q for q in found if not any(q.end <= n < cue.start for n in news)]
    if not found:
        return "old" if reading.past_entry(cue) else None
    nearest = min(found, key=lambda q: q.start - cue.end if q.start >= cue.end else cue.start - q.end)
    if nearest.label == "SIZE_OLD_POST" and _RECENT.search(" ".join(reading.tokens[nearest.start - 1:nearest.end])):
        # "the diagnostic mammogram 6 weeks ago showed 1.8 cm": a study of this work-up, whose size stands beside
        # today's (another study's reading may differ), not an older measurement of a tumour since grown
        return None
    return kinds[nearest.label]


# A time weeks or days back: the same diagnostic work-up ("2 weeks ago", "ten days ago"), not an older study.
_RECENT = re.compile(r"(?i)\b(?:[1-9]|1[0-2]|a|one|two|three|four|five|six|seven|eight|few|several|couple)\s+"
                     r"(?:weeks?|wks?|days?)\s+ago\b")


_QUALIFIED_REACH = 3  # tokens after a time word within which the number it dates stands ("earlier note said 1.6")


def _sentence_start(reading: Reading, cue: Cue) -> int:
    same = [c.start for c in reading.cues if c.sentence == cue.sentence]
    return min(same) if same else cue.start


def _after_correction(reading: Reading, found: List[Tuple[Cue, float]]) -> List[Tuple[Cue, float]]:
    """The values given after the last correction word that stands between sizes ("3.2 cm, sorry, 1.2 cm"), without
    a value called a mistake ("2.9 cm - that's my typo")."""
    wrong = reading.all("ERRONEOUS")
    kept = [(s, v) for s, v in found if not any(s.sentence == w.sentence and 0 <= w.start - s.end <= 3 for w in wrong)]
    found = kept or found
    corrections = [c for c in reading.all("CORRECTION") if any(s.end <= c.start for s, _ in found)
                   and any(s.start >= c.end for s, _ in found) and not _new_study(reading, c, found)]
    if not corrections:
        return found
    last = max(c.start for c in corrections)
    after = [(s, v) for s, v in found if s.start >= last]
    return after or found


def _new_study(reading: Reading, update: Cue, found: List[Tuple[Cue, float]]) -> bool:
    """An update that gives another study's size ("1.6 cm on US. Update: MRI today measures 2.7 cm"): a new reading
    beside the earlier one, not a correction of it."""
    if not update.text.lower().startswith("update"):
        return False
    before = {_study(reading, s) for s, _ in found if s.end <= update.start}
    after = {_study(reading, s) for s, _ in found if s.start >= update.end}
    return None not in before | after and not before & after


def _comparisons(reading: Reading) -> List[Cue]:
    """The bounds on a size ("< 2 cm", "over 3 cm", "IDC up to 2.5 cm": testers read that as a bound and as a size,
    so it is asked); not "up to 2.4 cm on ultrasound", the extent a study measured (as "measuring up to 2.4 cm" is),
    which is a size."""
    return [c for c in reading.all(*_COMPARISONS) if not (c.text.lower().startswith("up") and (
        any(0 <= s.start - c.end <= 2 for s in reading.all(*_STUDIES))))]


def _split_decimal(reading: Reading, cue: Cue) -> bool:
    """One digit right after one digit and a full stop ("measuring 1. 5 cm"): a decimal with a stray space, not
    the end of a sentence ("Mrs Smith, 34. 42mm IDC"); or a number right after a lone digit ("1 5 cm", a decimal
    mark lost to a no-break space) or glued to it by a mark that is no decimal point ("1'5 cm")."""
    tokens = reading.tokens
    number = _NUMBER.match(cue.text)
    if number is None or cue.start < 1:
        return False
    if (tokens[cue.start - 1].isdigit() and len(tokens[cue.start - 1]) == 1) or _GLUED_MARK.match(cue.text):
        return True
    return cue.start >= 2 and tokens[cue.start - 1] == "." and len(tokens[cue.start - 2]) == 1 \
        and tokens[cue.start - 2].isdigit() and len(number.group()) == 1


def _from_to(reading: Reading, before: str) -> Dict[int, str]:
    """A size changed "from X to Y" ("shrank from 3.1 cm to 1.2 cm", "grew from 1.6 to 2.4 cm"): X is the earlier
    measurement (`before`: at diagnosis, or an older one), Y the later. {id(size cue): when}."""
    found: Dict[int, str] = {}
    sizes = reading.all("SIZE")
    for first, then in zip(sizes, sizes[1:]):
        if reading.tokens[first.end:then.start] == ["to"] and reading.tokens[first.start - 1:first.start] == ["from"]:
            found[id(first)], found[id(then)] = before, "later"
    return found


_SOURCE_WRONG = re.compile(r"(?i)\b(referral|report|letter|note|mammogram|ultrasound|us|mri|ct|gp)\s+"
                           r"(?:was|is|were|had it)\s+"
                           r"(?:wrong|incorrect|mistaken|in\s+error|an?\s+(?:error|mistake|typo))\b")


def _denied_numbers(reading: Reading) -> Set[Optional[float]]:
    """Numbers denied right after a size, in its unit ("It's 2.9 cm, not 1.9" denies 1.9 cm), sizes said to be
    another structure's ("the 2.3 cm I quoted was the node": 2.3 cm wherever the message gives it) or a wrong
    source's."""
    tokens = reading.tokens
    found: Set[Optional[float]] = {size_cm(c) for c in reading.all("SIZE") if inside(c, reading.all("REASSIGNED"))}
    # ... and the size a source gave that is said to be wrong ("2.5 cm per referral, but our US shows 1.5 cm -
    # referral was wrong")
    sources = {m.group(1).lower() for m in _SOURCE_WRONG.finditer(reading.plain)}
    found |= {size_cm(c) for c in reading.all("SIZE") if sources & {t.lower() for t in tokens[c.end:c.end + 4]}}
    for size in reading.all("SIZE"):
        after = [t.lower() for t in tokens[size.end:size.end + 3]]
        at = 2 if after[:1] in ([","], ["("]) else 1  # "2.9 cm, not 1.9", "2.2 cm (not 1.2 as dictated)"
        if size.negated or size.family or after[at - 1:at] != ["not"] or len(after) <= at:
            continue
        number = _NUMBER.fullmatch(after[at])
        if number:
            found.add(float(number.group()) / (10.0 if _MM.search(size.text.lower()) else 1.0))
    return found


def tumor_size(reading: Reading, facts: Facts) -> Read:
    """The primary tumour's largest dimension in cm; conflicting sizes, unplaceable ones and notes."""
    unknown = [c for c in reading.all("SIZE_UNKNOWN") if not (c.family or c.uncertain)]
    if unknown:
        return NOTHING  # "the size isn't in the referral": asked, whatever other numbers there are
    nac = facts.get("treatment") in _NAC or bool(facts.get("neoadjuvant_unclear"))
    comparisons = _comparisons(reading)
    placed: Sized = []
    bare: Sized = []
    notes: List[Note] = []
    older: List[Tuple[Cue, float]] = []  # an earlier study's sizes: not the size, unless the tumour shrank
    foci: List[Tuple[Cue, float]] = []  # a second focus of the cancer ("satellite 2.4 cm"): T is the largest's
    short = len(reading.tokens) <= 15 and not reading.has("NODE", "LUMP", "NON_TUMOR_HEAD", "OTHER_ORGAN")
    cancer_context = bool(reading.live("CANCER", "TUMOR", "NAC", "NEW_DX")) or reading.expecting == "tumor_size_cm"
    affirmed = {c.sentence for c in reading.all("SIZE") if not (c.negated or c.family)}
    # "the mass is 1.2 cm, not 3.2 cm" denies 3.2 cm wherever else the message says it (a reply above the message it
    # corrects)
    denied = {size_cm(c) for c in reading.all("SIZE") if c.negated and not c.family and c.sentence in affirmed}
    denied |= _denied_numbers(reading)
    changed = _from_to(reading, "diagnosis" if nac else "old")
    current = [c for c in reading.live("CANCER") if not c.historical]  # beside a past cancer, a current one
    smaller, named_by = _labelled_dimensions(reading)
    for cue in reading.all("SIZE"):
        if id(cue) in smaller:
            continue  # "1.5 cm AP by 2.1 cm transverse": one mass, its largest dimension the size
        if cue.family or reading.supposed(cue) or any(c.start <= cue.start < c.end for c in comparisons):
            continue  # a relative's tumour; "larger than 2 cm" is a comparison, not a size
        if inside(cue, reading.all("REASSIGNED")):
            continue  # "2.8 cm is the node": the node's
        if cue.negated and cue.sentence in affirmed or (not cue.negated and size_cm(cue) in denied - {None}):
            continue  # "13 mm, not 3 cm", "measures 1.8 cm, not 2.8 cm": the size denied beside the one stated
        if cue.negated and reading.expecting == "tumor_size_cm":
            return Read(residue=(cue,))  # "no, not 2 cm" to the size question: which size, then?
        if _split_decimal(reading, cue):
            return Read(residue=(cue,))  # "1. 5 cm": 1.5 cm, or item 1 of a list and 5 cm? Asked
        if reading.section_of(cue) in _OLD_SECTIONS:
            continue  # the prior study a report compares with
        if facts.get("diagnosis") == "local_recurrence" and _first_cancer(reading, cue):
            continue  # "mastectomy in 2012 for a 2.2 cm IDC": the first cancer's size, not the recurrence's
        if current and any(c.historical and c.sentence == cue.sentence
                           and (0 <= c.start - cue.end <= 3 or 0 <= cue.start - c.end <= _PAST_DETAILS)
                           for c in reading.all("CANCER")):
            continue  # "a 3 cm L breast IDC in 2010, treated; now a new R IDC", "her previous L breast cancer (2010,
            # 1.5 cm)": the past cancer's size
        head, value = measured(reading, named_by.get(id(cue), cue)), size_cm(cue)
        when = changed.get(id(cue)) or _when(reading, cue)
        if nac and when == "old":
            when = "diagnosis"  # "when you found it in August it was 4 cm", now on chemotherapy: before it
        if nac and when == "diagnosis" and head == "node" and _after_a_new_lump(reading, cue):
            head = "tumor"  # "mid-NAC, new palpable L axillary lump, 3.5 cm at diagnosis": no new lump has a size then
        if when == "old" and head not in ("node", "other") and not nac and value is not None:
            older.append((cue, value))
        if head == "other" and value is not None and when != "old" and _cancer_focus(reading, cue):
            foci.append((cue, value))
        if head in ("node", "other") or when == "old" or (nac and when == "later"):
            continue
        lost = _unreadable(reading, cue) if head == "tumor" or cancer_context or short else None
        if lost is not None:
            return Read(residue=(lost,), notes=tuple(notes))  # "?.? x 1.1 cm [illegible on scan]": asked
        if value is None:
            notes.append(Note.of("implausible_size", text=cue.text))
        elif head == "tumor":
            placed.append((cue, value, when))
        elif cancer_context or short or bool(reading.all("CORRECTION")):
            bare.append((cue, value, when))
    if nac and any(w == "diagnosis" for _, _, w in placed + bare):
        # "30 mm on US and 22 mm on mammography initially": the qualifier covers the sizes listed with it
        dx = [c for c, _, w in placed + bare if w == "diagnosis"]
        def at_dx(size: Cue) -> bool:  # ("1.8 cm on US / 2.6 cm on MRI at dx": both readings of the list)
            return any(size.sentence == d.sentence or _listed_with(reading, size, d) for d in dx)
        placed = [p for p in placed if p[2] == "diagnosis" or (p[2] is None and at_dx(p[0]))]
        bare = [b for b in bare if b[2] == "diagnosis" or (b[2] is None and at_dx(b[0]))]
    if not nac:
        placed, bare = _grown(reading, placed), _grown(reading, bare)
    benign = _benign_items(reading, [c for c, _, _ in placed + bare])
    placed, bare = [p for p in placed if id(p[0]) not in benign], [b for b in bare if id(b[0]) not in benign]
    unitless, unsure = _unitless(reading, placed + bare)
    bare += unitless + _corrected_unitless(reading, placed + bare)
    if placed and bare:
        # "mass measuring 2.7 cm ... transcription error; the correct dimension is 1.7 cm": a correction that
        # supersedes every size placed on the tumour leaves the corrected value, placed or not
        corrected = {id(c) for c, _ in _after_correction(reading, [(c, v) for c, v, _ in placed + bare])}
        if not corrected & {id(c) for c, _, _ in placed}:
            placed, bare = [], [b for b in bare if id(b[0]) in corrected]
    found = _after_correction(reading, [(c, v) for c, v, _ in (placed or bare)])
    misread = _misread_digits(reading)
    if not found and misread and not placed:
        return Read(residue=(next(iter(misread.values())),), notes=tuple(notes))  # "hang on, I misread the 2"
    if not found and not reading.all("SIZE"):
        return _bare_number(reading, notes)
    if not found and foci:
        return Read(residue=tuple(c for c, _ in foci[:1]), notes=tuple(notes))  # "a second focus, 2.6 cm": and the
        # tumour's own size? asked, quoting the focus
    if not found:
        return Read(notes=tuple(notes))
    # "2.9 cm. No wait, I misread the 2": a digit of the size said to be wrong, and no size given for it: asked ("2.9
    # cm, I misread the 1" puts an earlier 1.9 right instead)
    if any(digit in c.text for c, _ in found for digit in misread):
        return Read(residue=(misread[next(iter(misread))],), notes=tuple(notes))
    residue: Tuple[Cue, ...] = ()
    if placed and bare:
        # a size with no noun of its own beside the tumour's: harmless on the same side of 2 cm, and
        # superseded when a correction follows it
        sides = {v <= SIZE_THRESHOLD_CM for _, v in found}
        kept = _after_correction(reading, [(c, v) for c, v, _ in placed + bare])
        residue = tuple(c for c, v, _ in bare if (c, v) in kept and {v <= SIZE_THRESHOLD_CM} != sides)
    # An older measurement stands aside when the tumour has since grown; an untreated tumour does not shrink, so a
    # larger earlier size is a second reading of the same tumour ("18 mm today; 2.2 cm on last week's mammogram").
    found += [(c, v) for c, v in older if v > max(v for _, v in found)]
    cues = tuple(c for c, _ in found)
    if len({v <= SIZE_THRESHOLD_CM for _, v in found}) > 1 and not _separate_tumours(reading, found):
        return Read(cues=cues, conflict=True, notes=tuple(notes))
    # beside a size placed on the tumour an unplaced one is no range of it, and beside another size an approximate
    # "~2 cm" is not the tumour's only reading
    tumour = {id(c) for c, _, _ in placed}
    straddling = tuple(c for c, v in found if (not tumour or id(c) in tumour)
                       and straddles(reading, c, v, alone=len(found) == 1))
    if straddling:
        return Read(residue=straddling[:1], notes=tuple(notes))  # not a contradiction: asked, quoting it
    largest = max(v for _, v in found)
    # a larger focus across 2 cm from the one called the tumour ("index lesion 1.4 cm, second focus 2.6 cm"): the
    # largest focus sets the T category (AJCC 8th ed., multiple tumours), so which is the size is asked
    larger = [c for c, v in foci if v > largest and (v <= SIZE_THRESHOLD_CM) != (largest <= SIZE_THRESHOLD_CM)]
    if larger:
        return Read(residue=tuple(larger[:1]), notes=tuple(notes))
    if len({round(v, 2) for _, v in found}) > 1:
        notes.append(Note.of("several_sizes", size=f"{largest:g}"))
    if unsure:
        return Read(residue=tuple(unsure[:1]), notes=tuple(notes))  # "18 mm on US, 2.6 on MRI": 2.6 mm or cm?
    return Read(largest, cues, residue=residue, notes=tuple(notes))


def _after_a_new_lump(reading: Reading, size: Cue) -> bool:
    """The head before a size is a lump or node called new ("new palpable L axillary lump, 3.5 cm")."""
    heads = [c for c in reading.all("LUMP", "NODE") if c.sentence == size.sentence and c.end <= size.start]
    # (the word "new" itself, not "at diagnosis", which the NEW label holds too)
    return bool(heads) and any(c.text.lower() in ("new", "newly") for c in reading.within(heads[-1], ["NEW"], 5, 0))


# an item of a list: a line that starts with a bullet, a dash or an item's number or letter ("- ", "2) ", "(b) ")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*–·]|\(?\d{1,2}[.)]|\(?[a-h][.)])[ \t]")


def _benign_items(reading: Reading, sizes: List[Cue]) -> Set[int]:
    """ids of the sizes in a list of lesions whose item calls its lesion benign ("- 1:00 1.0 cm oval mass - BI-RADS 3",
    "3) 2.5 cm mass, known fibroadenoma") and names no cancer, when another item's size is the cancer's ("- 12:00
    3.7 cm mass - core: IDC"): each item of such a list is a lesion of its own, so the benign ones are not the
    tumour's readings."""
    plain = reading.plain
    items: Dict[int, Tuple[int, int]] = {}
    for cue in sizes:
        start = plain.rfind("\n", 0, cue.start_char) + 1
        end = plain.find("\n", cue.start_char)
        end = len(plain) if end < 0 else end
        if _LIST_ITEM.match(plain, start):
            items[id(cue)] = (start, end)
    if len(set(items.values())) < 2:
        return set()

    def named(labels: Tuple[str, ...], span: Tuple[int, int]) -> bool:
        return any(span[0] <= c.start_char < span[1] and not (c.negated or c.family) for c in reading.all(*labels))

    cancer = {key for key, span in items.items() if named(("CANCER",), span)}
    benign = {key for key, span in items.items() if key not in cancer and named(("BENIGN_LOOK",), span)}
    return benign if cancer else set()


# A cancer of several tumours ("multicentric IDC: UOQ focus 2.4 cm, LIQ focus 1.1 cm")
_MULTIFOCAL = re.compile(r"(?i)\b(?:multi-?focal|multi-?centric|bifocal|multiple\s+foci|(?:two|three|2|3)\s+foci)\b")


def _separate_tumours(reading: Reading, found: List[Tuple[Cue, float]]) -> bool:
    """The sizes are of a multifocal or multicentric cancer's separate tumours, each from the same kind of study (or
    none named): not readings that disagree; the largest sets the T category (AJCC 8th ed., multiple tumours)."""
    sentences = {c.sentence for c, _ in found}
    studies = {_study_kind(s.text) for s in reading.all(*_STUDIES) if s.sentence in sentences}
    # (not when one is called the index tumour: which size stands is asked, as beside a larger satellite)
    return bool(_MULTIFOCAL.search(reading.plain)) and len(studies) <= 1 and not _INDEX.search(reading.plain)


_INDEX = re.compile(r"(?i)\b(?:index|dominant|main)\s+(?:tumou?r|lesion|mass|focus)\b")


_RANGE_WORDS = {"-", "–", "to", "bis", "a", "à"}
# "between 1.5 and 2.5 cm" and its German, French, Spanish, Italian, Dutch and Polish forms
_BETWEEN = {"between", "zwischen", "entre", "tra", "fra", "tussen", "między", "miedzy"}
_AND_WORDS = {"and", "und", "et", "y", "e", "en", "i"}
_APPROXIMATE = {"~", "about", "approximately", "approx", "approx.", "around", "roughly", "circa", "ca", "ca.",
                "maybe", "perhaps"}
_UPWARD = {"more", "bigger", "larger", "over", "above", "plus"}
_CLAUSE_END = {",", ";", ".", ":", "(", ")", "\n"}


def straddles(reading: Reading, cue: Cue, value: float, alone: bool = True) -> bool:
    """The size may lie on either side of 2 cm: a range across it ("between 1.5 and 2.5 cm", "1.8-2.4 cm"), or 2 cm
    itself given as approximate or as a lower bound ("about 2 cm", "2 cm, maybe a bit more", "2cm+"), when it is
    the message's only size (`alone`). Asked, not read as one side (matching-rules.md: the side of 2 cm decides
    the variant)."""
    tokens, start = [t.lower() for t in reading.tokens], cue.start
    low = _range_low(tokens, start)
    if low is not None:
        low = low / 10.0 if _MM.search(cue.text.lower()) else low
        return low <= SIZE_THRESHOLD_CM < value
    if value != SIZE_THRESHOLD_CM or not alone:
        return False
    before = tokens[max(0, start - 2):start]
    after: List[str] = []
    for token in tokens[cue.end:cue.end + 5]:  # "2 cm, maybe a bit more" but not "2 cm; ER+"
        if token in _CLAUSE_END and after:
            break
        after.append(token)
    approximate = _APPROXIMATE & set(before)
    if approximate <= {"ca", "ca."} and start >= 2 and tokens[start - 2] in _BREAST_BEFORE_CA:
        approximate = set()  # "L breast ca 20mm": the cancer, not "circa"
    return (cue.text.startswith("~") or cue.text.endswith("+") or bool(approximate)
            or bool(_UPWARD & set(after)) or _approximate_after(after))


_BREAST_BEFORE_CA = frozenset({"breast", "brst", "br", "mammary", "l", "r", "left", "right", "lt", "rt"})


def _approximate_after(after: List[str]) -> bool:
    """"2 cm-ish", "2 cm or so", "2 cm give or take", "2 cm-ish?": approximate, said after the size."""
    words = " ".join(after).replace("- ", "-")
    return any(w.strip("-") == "ish" for w in after) or "-ish" in words or words.startswith(("or so", "give or take"))


def _range_low(tokens: List[str], start: int) -> Optional[float]:
    """The lower end of a range that ends at the size starting at token `start`, if it is one."""
    if start >= 2 and (tokens[start - 1] in _RANGE_WORDS
                       or tokens[start - 1] in _AND_WORDS and start >= 3 and tokens[start - 3] in _BETWEEN):
        found = _NUMBER.fullmatch(tokens[start - 2].replace(",", "."))  # "1,5-2,5 cm": a decimal comma
        return float(found.group()) if found else None
    return None


_STUDIES = ("MODALITY_MUS", "MODALITY_OTHER")
_NOT_A_SIZE = ("SIZE", "AGE", "AGE_SEX", "TNM", "NSTAGE", "CYCLES_FRACTION", "REASSIGNED")


def _unitless(reading: Reading, sized: Sized) -> Tuple[Sized, List[Cue]]:
    """A number without its unit that a study reports, beside a size that has one ("the mammogram says 1.9 cm and the
    ultrasound says 2.3", "1.2 cm on US, 2.4 on MRI", "1.2cm US / 2.4 MRI", "12 mm on US, 24 on MRI"): another
    reading of the tumour, in that unit; a decimal beside a size in mm may be cm ("18 mm on US, 2.6 on MRI"): asked
    (the second list)."""
    found: Sized = []
    unsure: List[Cue] = []
    taken = reading.all(*_NOT_A_SIZE)
    studies = reading.all(*_STUDIES)
    for cue in reading.all("BARE_NUMBER"):
        # the value of what it follows ("SUVmax 4.6", "Ki-67 20"), not a reading of the tumour
        if cue.family or cue.negated or inside(cue, taken) or _valued(reading, cue):
            continue
        # a size with a unit in its sentence, or a few words before it ("1.2cm US / 2.4 MRI")
        units = [c for c, _, _ in sized if c.sentence == cue.sentence or 0 <= cue.start - c.end <= 6]
        if units and _doubted_alternative(reading, cue):
            unsure.append(cue)  # "2.5 cm - or was it 1.5?": which, is asked
            continue
        if not units or not any(-4 <= s.start - cue.start <= 3 for s in studies):
            continue
        mm = bool(_MM.search(units[0].text.lower()))
        if "." not in cue.text:
            if mm and 0 < _number(cue) / 10.0 <= MAX_TUMOR_CM:
                found.append((cue, _number(cue) / 10.0, None))  # "12 mm on US, 24 on MRI"
        elif mm:
            unsure.append(cue)
        elif 0 < _number(cue) <= MAX_TUMOR_CM:
            found.append((cue, _number(cue), None))
    return found, unsure


_DOUBTING_OR = frozenset({"was", "is", "it", "maybe", "perhaps", "possibly", "even", "rather", "actually"})


def _doubted_alternative(reading: Reading, cue: Cue) -> bool:
    """A number offered as another reading of the size just given ("2.5 cm - or was it 1.5?", "or maybe 1.5")."""
    before = [t.lower() for t in reading.tokens[max(0, cue.start - 4):cue.start]]
    if "or" not in before:
        return False
    said = before[before.index("or") + 1:]
    return bool(said) and set(said) <= _DOUBTING_OR


def _valued(reading: Reading, cue: Cue) -> bool:
    """A number right after a measure other than a length ("SUVmax 4.6", "SUV max of 7.2")."""
    return any(0 <= cue.start - c.end <= 2 for c in reading.near(cue, ["NON_TUMOR_HEAD"])
               if not c.text.lower().startswith(("cortex", "cortic")))


_CORRECTED_REACH = 5  # tokens after a correction word within which a bare number is the corrected size


def _corrected_unitless(reading: Reading, sized: Sized) -> Sized:
    """A number without its unit right after a correction of a size ("1.5 cm, no wait, 2.5", "2.9 cm - sorry, 1.9"):
    the corrected size, in the unit of the size it corrects."""
    found: Sized = []
    taken = reading.all(*_NOT_A_SIZE)
    for fix in reading.all("CORRECTION"):
        # "2.5 cm? no wait, 1.5": a correction that opens its sentence corrects the sentence before
        opens = fix.start - _sentence_start(reading, fix) <= 1
        before = [c for c, _, _ in sized if c.end <= fix.start
                  and (c.sentence == fix.sentence or (opens and c.sentence == fix.sentence - 1))]
        if not before:
            continue
        unit_mm = bool(_MM.search(before[-1].text.lower()))
        for cue in reading.all("BARE_NUMBER"):
            if 0 <= cue.start - fix.end <= _CORRECTED_REACH and not (cue.negated or inside(cue, taken)) \
                    and not inside(cue, reading.all("SIZE")) and not _a_digit_named(reading, cue):
                value = _number(cue) / (10.0 if unit_mm else 1.0)
                if 0 < value <= MAX_TUMOR_CM:
                    found.append((cue, value, None))
                break
    return found


def _a_digit_named(reading: Reading, cue: Cue) -> bool:
    """A number named as a character ("I misread the 2", "the 1 was a typo"): which digit was wrong, not a size."""
    return cue.start > 0 and reading.tokens[cue.start - 1].lower() == "the"


# a focus of the cancer itself, beside the one called the tumour (not a smaller one, nor a distance: "2 cm away")
_FOCI = frozenset({"satellite", "second focus", "additional focus", "separate focus", "second lesion",
                   "additional lesion", "satellite lesion", "satellite nodule"})


def _cancer_focus(reading: Reading, cue: Cue) -> bool:
    """A size whose nearest measured-object word names a second focus of the cancer ("second focus 2.6 cm", "an
    additional 2.4 cm satellite"), not a DCIS area."""
    near = [c for c in reading.near(cue, ["OTHER_FOCUS", "NON_TUMOR_HEAD"], "sentence")
            if -6 <= c.start - cue.start <= 3
            and not any(min(c.start, cue.start) < s.start < max(c.start, cue.start) for s in reading.all("SIZE"))]
    # (a word after it first: "satellite lesion 2.4 cm away" is a distance)
    nearest = min(near, key=lambda c: (abs(c.start - cue.start), c.start < cue.start), default=None)
    return nearest is not None and nearest.text.lower() in _FOCI and not reading.near(cue, ["DCIS"])


_PAST_DETAILS = 6  # tokens after a past cancer within which its details ("(2010, 1.5 cm)") are told


_DIMENSION_JOINS = frozenset({"x", "×", "*", "by"})
_ILLEGIBLE_REACH = 8  # tokens between a size and a mark that says it could not be read


# the axis a dimension is measured along ("1.5 cm AP by 2.1 cm transverse", "2.2 cm long axis x 1.1 cm short axis")
_AXES = frozenset({"ap", "transverse", "trans", "tr", "cc", "craniocaudal", "sagittal", "sag", "ml", "mediolateral",
                   "lateral", "long", "short", "axis", "width", "wide", "length", "height", "anteroposterior"})


def _labelled_dimensions(reading: Reading) -> Tuple[Set[int], Dict[int, Cue]]:
    """Pairs of sizes that label their axes and join them ("mass 1.5 cm AP by 2.1 cm transverse"): one object's
    dimensions, written one by one. The ids of the smaller ones, left out; and for a larger second one, the first,
    whose words say what both measure."""
    tokens, found, named_by = reading.tokens, set(), {}
    sizes = reading.all("SIZE")
    for first, second in zip(sizes, sizes[1:]):
        i = first.end
        while i < second.start and i - first.end < 2 and tokens[i].lower() in _AXES:
            i += 1
        if i == first.end or i + 1 != second.start or tokens[i].lower() not in _DIMENSION_JOINS | {","}:
            continue
        a, b = size_cm(first), size_cm(second)
        if a is not None and b is not None:
            found.add(id(first) if a < b else id(second))
            if a < b:
                named_by[id(second)] = first
    return found, named_by


_RELATIVE = frozenset({"where", "when", "which"})  # words that open a relative clause of a study
_RELATIVE_REACH = 6


_DIAGNOSED = frozenset({"dx", "dx'd", "diagnosed", "diagnosis", "biopsied"})


def _dates_the_diagnosis(reading: Reading, ago: Cue) -> bool:
    """A time that dates the diagnosis ("IDC 2.5 cm dx 2 weeks ago", "diagnosed 3 weeks ago"), not a measurement."""
    return bool(_DIAGNOSED & {t.lower() for t in reading.tokens[max(0, ago.start - 3):ago.start]})


def _unreadable(reading: Reading, cue: Cue) -> Optional[Cue]:
    """What says a size was not all read: the dimension before it ("?.? x 1.1 cm", "__ x 1.1 cm": a dimension list
    whose first number is lost), or an illegible mark next to it ("2.? cm", "1.4 cm [illegible on scan]")."""
    tokens = reading.tokens
    if cue.start >= 1 and tokens[cue.start - 1].lower() in _DIMENSION_JOINS \
            and not (cue.start >= 2 and _NUMBER.fullmatch(tokens[cue.start - 2].replace(",", "."))) \
            and not any(0 <= cue.start - 1 - s.end <= 2 for s in reading.all("SIZE")):  # "1.5 cm AP by 2.1 cm"
        return cue
    return next((c for c in reading.all("ILLEGIBLE") if c.sentence == cue.sentence
                 and -_ILLEGIBLE_REACH <= c.start - cue.start <= _ILLEGIBLE_REACH), None)


def _misread_digits(reading: Reading) -> Dict[str, Cue]:
    """Digits named as wrong right after a correction word ("I misread the 2"): digit -> the correction's cue."""
    found: Dict[str, Cue] = {}
    for fix in reading.all("CORRECTION"):
        after = reading.tokens[fix.end:fix.end + _CORRECTED_REACH]
        for word, digit in zip(after, after[1:]):
            if word.lower() == "the" and re.fullmatch(r"\d", digit):
                found[digit] = fix  # the nearest correction before it
    return found


def _first_cancer(reading: Reading, cue: Cue) -> bool:
    """A size in the clause of an operation dated by its year ("right mastectomy in 2012 for a 2.2 cm IDC"), or
    right after a cancer told as past ("Left breast cancer in 2014 (1,9 cm, node-negative)")."""
    return any(DATED.fullmatch(y.text.strip()) for s in reading.near(cue, ["SURGERY"])
               for y in reading.within(s, ["SURGERY_PAST_POST"], 0, 3)) or any(
        c.historical and c.sentence == cue.sentence and 0 <= cue.start - c.end <= 5 for c in reading.all("CANCER"))


def _grown(reading: Reading, sizes: Sized) -> Sized:
    """Without treatment, a smaller size stated before one qualified as current ("... 1.8 cm mass. 02/2026 repeat US:
    now 2.4 cm") is an older measurement of a tumour that has since grown; not when another study took it, undated
    ("the outside US measured 1.7 cm. MRI today: 2.6 cm"): two modalities disagree, and both stand."""
    current = [(c, v) for c, v, w in sizes if w == "later"]
    if not current:
        return sizes
    first, top = min((c for c, _ in current), key=lambda c: c.start), max(v for _, v in current)
    now = {_study(reading, c) for c, _ in current}
    dates = reading.all("TIMELINE_DATE", "SIZE_OLD", "SIZE_OLD_POST")
    # before it: in an earlier sentence, or in its own with a date between them ("1.5 cm on mammogram 2024, now 2.5
    # cm on today's US")
    years = [d for d in dates + reading.all("SURGERY_PAST_POST") if DATED.fullmatch(d.text.strip())]
    dated = {d.sentence for d in dates + years}  # ("1.6 cm on the 04/2025 mammogram")
    def earlier(c: Cue) -> bool:
        return c.sentence < first.sentence or (c.sentence == first.sentence and any(
            c.end <= d.start < first.start for d in years))
    return [(c, v, w) for c, v, w in sizes if w == "later" or not (earlier(c) and v < top and (
        None in now or _study(reading, c) in now | {None} or c.sentence in dated or c.sentence == first.sentence))]


_STUDY_KINDS = (("mri", re.compile(r"mri?|m r i|magnetic")), ("pet", re.compile(r"pet|p e t")),
                ("ct", re.compile(r"ct\w*|c t|tomograph")), ("mammography", re.compile(r"mammo|tomo|dbt|screen")),
                ("us", re.compile(r"u/?s|ultras|sono|echo")))


def _study(reading: Reading, cue: Cue) -> Optional[str]:
    """The kind of study ('mri', 'pet', 'ct', 'mammography', 'us') named nearest a size in its sentence: before it,
    or just after it ("1.7 cm on US"); None when none is."""
    near = [s for s in reading.all(*_STUDIES) if s.sentence == cue.sentence
            and (s.end <= cue.start or 0 <= s.start - cue.end <= 3)]
    if not near:
        return None
    nearest = min(near, key=lambda s: cue.start - s.end if s.end <= cue.start else s.start - cue.end)
    return _study_kind(nearest.text)


def _study_kind(text: str) -> str:
    """'mri', 'pet', 'ct', 'mammography' or 'us' for a study's name (else the name itself)."""
    text = text.lower()
    return next((kind for kind, pattern in _STUDY_KINDS if pattern.search(text)), text)


_BARE_CM_MAX = 10.0  # a bare number up to this is read as cm; above it, mm or cm is asked


# what an answer to the size question may hold beside its number ("it was 1.7 at diagnosis": the size the
# neoadjuvant variants go by)
_ANSWER_LABELS = ("BARE_NUMBER", "SIZE_WORD", "CORRECTION", "ERRONEOUS", "SIZE_AT_DX")
# and, when it gives one number only, the study it was measured on ("go with 2.6, radiology confirmed the MRI
# measurement is right"); with two numbers a study may own each ("2.6 on US, 3.1 on MRI")
_SOURCE_LABELS = ("MODALITY_MUS", "MODALITY_OTHER", "IMAGING_GENERIC", "RIGHT_NOT_SIDE")


def _only_a_number(reading: Reading) -> bool:
    """A message that is a number and nothing else that could own it: fillers (answers.yml), size and correction
    words ("sorry, I meant 1.8", "about 2.2"), the study of a lone number ("2.6 on MRI"), punctuation. "grade 3",
    "BI-RADS 5", "at 2 o'clock" or "cycle 2" to the size question are no size."""
    labels = _ANSWER_LABELS + (_SOURCE_LABELS if len(reading.all("BARE_NUMBER")) == 1 else ())
    covered = {i for c in reading.cues if c.label in labels for i in range(c.start, c.end)}
    fillers = answer_fillers()
    return len(reading.tokens) <= 12 and all(
        i in covered or t.lower() in fillers or not any(ch.isalnum() for ch in t) for i, t in enumerate(reading.tokens))


_COPULA_BEFORE = frozenset({"is", "was", "=", ":", "measures", "measured"})


def _said_of_tumour(reading: Reading, cue: Cue) -> bool:
    """A number right after the tumour and a copula ("tumour is 1.8", "the primary was 18"), in a message that
    gives another number to the node ("the 2.8 was the node, tumour is 1.8")."""
    copula = cue.start - 1
    return bool(reading.all("REASSIGNED")) and copula > 0 and reading.tokens[copula].lower() in _COPULA_BEFORE \
        and any(copula - 2 <= c.end <= copula for c in reading.all("TUMOR", "LUMP", "CANCER"))


def unit_meant(reading: Reading) -> Optional[str]:
    """The unit a message without a number says a size is in ("sorry, mm not cm", "that should be millimetres",
    "not cm"): "mm" or "cm"; None when it gives a number, names no unit, means both, or neither corrects nor denies
    a unit ("what is it in mm?" asks)."""
    if reading.all("BARE_NUMBER", "SIZE"):
        return None
    meant = {c.label for c in reading.all("UNIT_MM", "UNIT_CM") if not c.negated}
    denied = {c.label for c in reading.all("UNIT_MM", "UNIT_CM") if c.negated}
    if not (denied or reading.all("CORRECTION")):
        return None
    if len(meant) == 1:
        return "mm" if meant == {"UNIT_MM"} else "cm"
    if not meant and len(denied) == 1:
        return "cm" if denied == {"UNIT_MM"} else "mm"
    return None


_UNIT_WORD = re.compile(r"(?i)(?<=\d)(\s*)(?:cms?|mms?|centimet(?:er|re)s?|millimet(?:er|re)s?)\b")


def in_unit(words: str, unit: str) -> Optional[str]:
    """The words a size was read from, said in another unit ("3 cm", "mm" -> "3 mm"); None when they hold no unit
    or already say that one."""
    said = _UNIT_WORD.sub(lambda m: m.group(1) + unit, words)
    return said if said != words else None


def _bare_number(reading: Reading, notes: List[Note]) -> Read:
    """A number with no unit as the size: the answer to the size question, a short correction ("sorry, I meant
    1.8") or after a size word ("size is 1.6"). Up to 10 it is read as cm, and said so; above, the unit is asked."""
    asked = (reading.expecting == "tumor_size_cm" or bool(reading.all("CORRECTION"))) and _only_a_number(reading)
    numbers = [c for c in reading.all("BARE_NUMBER") if not (c.family or c.negated)
               and not any(o.start <= c.start < o.end for o in reading.all("AGE", "AGE_SEX", "TNM", "NSTAGE",
                                                                           "REASSIGNED", *_COMPARISONS))
               and (asked or reading.within(c, ["SIZE_WORD"], 3, 0) or _said_of_tumour(reading, c))]
    if not numbers:
        return Read(notes=tuple(notes))
    cue = _after_correction(reading, [(c, 0.0) for c in numbers])[-1][0]
    value = _number(cue)
    if not 0 < value <= _BARE_CM_MAX or straddles(reading, cue, value) or _other_unit(reading, cue) \
            or _in_dimensions(reading, cue) or _a_digit_named(reading, cue):  # "I misread the 2": no size
        return Read(residue=(cue,), notes=tuple(notes))  # "around 2": either side of 2 cm; "2.4 x 1.9": in what?
    other = _alternative(reading, cue)
    if other is not None:
        return Read(residue=(cue, other), notes=tuple(notes))
    return Read(value, (cue,), notes=tuple(notes) + (Note.of("bare_number_cm", text=cue.text),))


_BY = frozenset({"x", "×", "*", "by"})


def _in_dimensions(reading: Reading, cue: Cue) -> bool:
    """A number with no unit among the dimensions of one thing ("measuring 2.4 x 1.9"): neither the unit nor which
    number is the largest dimension is said."""
    tokens = reading.tokens
    before = tokens[cue.start - 1].lower() if cue.start else ""
    after = tokens[cue.end].lower() if cue.end < len(tokens) else ""
    return before in _BY or after in _BY or bool(re.search(r"\d\s*[x×*]\s*\d", cue.text))


# what may stand between a number and another offered for it ("2.2 - hmm, or 1.8", "2.4 or maybe 2.6")
_OR_WORDS = frozenset({"or", ",", "-", "–", "—", "...", "…", "hmm", "um", "uh", "er", "erm", "maybe", "perhaps",
                       "possibly", "rather"})


def _alternative(reading: Reading, cue: Cue) -> Optional[Cue]:
    """Another value offered for the same number, before or after it ("size 2.2 - hmm, or 1.8", "2.4 or maybe
    2.6"): which one is meant is asked."""
    for other in reading.all("BARE_NUMBER", "SIZE"):
        first, second = sorted((cue, other), key=lambda c: c.start)
        between = [t.lower() for t in reading.tokens[first.end:second.start] if t.strip()]
        if first.end <= second.start and "or" in between and set(between) <= _OR_WORDS \
                and _number(other) != _number(cue):
            return other
    return None


_OTHER_UNITS = frozenset({"inch", "inches", "in.", '"', "″", "”", "''", "ft", "feet"})


def _other_unit(reading: Reading, cue: Cue) -> bool:
    """A number followed by a unit other than cm or mm ("measuring 1.5 inches", "0.9 in."): asked, never read as cm."""
    after = [t.lower() for t in reading.tokens[cue.end:cue.end + 2]]
    return bool(after) and (after[0] in _OTHER_UNITS
                            or (after[0] == "in" and not (len(after) > 1 and after[1][:1].isalpha())))


def tumor_over_2cm(reading: Reading, facts: Facts) -> Read:
    """'> 2 cm' -> True, '< 2 cm' / '2 cm or less' -> False; '≥ 2 cm' straddles 2 cm and is asked about. Beside a
    size on the other side of 2 cm ("'sub-centimetre' per the stereo report but MRI 2.6 cm") it is a conflict."""
    def own(cues: List[Cue]) -> List[Cue]:
        return [c for c in cues if measured(reading, c) not in ("node", "other")]  # a node "over 3 cm" is not

    gt, le = own(reading.live("SIZE_COMPARE_GT")), own(reading.live("SIZE_COMPARE_LE"))
    # "subcentimetre ILC", "< 1 cm mass": below 2 cm, when it is the tumour's (a node "< 1 cm" is not)
    le += [c for c in reading.live("SIZE_BELOW_1CM") if measured(reading, c) == "tumor"]
    size = facts.get("tumor_size_cm")
    if size is not None:
        # only a bound said of the tumour itself, before any chemotherapy ("under 2 cm now" after it is the response;
        # "T1 is 2 cm or less" defines a category)
        other_side = [c for c in (le if size > SIZE_THRESHOLD_CM else gt) if measured(reading, c) == "tumor"]
        if other_side and facts.get("treatment") not in _NAC and not reading.has("TNM"):
            return Read(cues=tuple(other_side[:1]), conflict=True)
        return NOTHING
    ge = own(reading.live("SIZE_COMPARE_GE"))
    # "no bigger than 2 cm" is 2 cm or less; "not under 2 cm" is 2 cm or more, which straddles the line
    le += own([c for c in reading.all("SIZE_COMPARE_GT") if c.negated and not (c.uncertain or c.family)])
    ge += own([c for c in reading.all("SIZE_COMPARE_LE") if c.negated and not (c.uncertain or c.family)])
    if ge and not (gt or le or facts.get("t_category")):
        return Read(residue=tuple(ge))
    # a bound that leaves both sides open is consistent with either side, so another bound or the T category
    # decides ("T1c: more than 1 cm, not more than 2")
    if bool(gt) == bool(le):
        return Read(cues=tuple(gt + le), conflict=bool(gt))
    return Read(bool(gt), tuple(gt or le))
