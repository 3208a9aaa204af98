"""How far an axillary lump has been worked up, for a woman with no current breast cancer.

Variants 1 and 2 are the *initial* imaging of a *new* palpable lump (their ACR titles, in
shared/reference/acr-imaging-of-the-axilla.md), and variant 11 the next study after a *suspicious* node. A lump
already imaged and called benign, or one unchanged for years, is neither: no row covers it (scope.yml).
"""
from __future__ import annotations

from typing import List

from bot.facts import Facts
from bot.nlp.components import Cue
from bot.nlp.nodes import NodeMention, mentions
from bot.nlp.reading import Reading

_STUDIES = ("MODALITY_MUS", "MODALITY_OTHER", "IMAGING_GENERIC")
_NODAL = ("NODE", "LUMP", "AXILLA")
_BREAST_ONLY = ("BREAST", "TUMOR", "CANCER")
_RESULT_REACH = 4  # tokens after a study within which a benign word past a clause break is its result
_LABEL_REACH = 5  # tokens after a study within which a colon makes it the label of its result


def _lumps(reading: Reading, facts: Facts) -> List[NodeMention]:
    """The felt axillary lumps of a woman with no current breast cancer and no node called suspicious or proven
    ([] otherwise: those are other rows' facts)."""
    if facts.get("diagnosis") not in (None, "none_known") or facts.get("cancer_named") or facts.get("treatment"):
        return []
    found = [m for m in mentions(reading) if not (m.negated or m.uncertain)]
    if any(m.suspicious or m.proven for m in found):
        return []
    return [m for m in found if m.is_lump or m.palpable]


def _done(reading: Reading, study: Cue) -> bool:
    """The study was done: not planned, supposed, a relative's or years back, nor negated unless it labels its
    result ("US of the axilla: negative" negates the study it follows)."""
    labelled = ":" in reading.tokens[study.end:study.end + _LABEL_REACH]
    return not (study.planned or study.uncertain or study.family or study.historical or reading.supposed(study)
                or study.negated and not labelled)


def _benign_result(reading: Reading, study: Cue, first_lump: Cue) -> List[Cue]:
    """The benign words that give this study's result for the lump: in a clause that names a node, a lump or the
    axilla, or in the study's own clause when that names no breast finding and the study is not a mammogram
    (which does not clear an axillary lump); [] for a study told before the lump (a normal mammogram last
    spring, then a new lump) or a screening study."""
    if not _done(reading, study) or study.sentence < first_lump.sentence \
            or reading.near(study, ["SCREENING"], "sentence"):
        return []
    # a mammogram's benign rating is the breasts': it clears an axillary lump only by naming its node
    mammogram = "mammo" in study.text.lower()
    found = []
    for word in reading.near(study, ["BENIGN_LOOK"], "sentence"):
        if word.negated or word.uncertain:
            continue
        clause = reading.near(word, _NODAL + _BREAST_ONLY)
        nodal = any(c.label == "NODE" or c.label in _NODAL and not mammogram for c in clause)
        # the study's own result, in its clause or just after it ("had an ultrasound which was normal")
        own = word.clause == study.clause or 0 <= word.start - study.end <= _RESULT_REACH
        bare = own and not any(c.label in _BREAST_ONLY for c in clause) and not mammogram
        if nodal or bare:
            found.append(word)
    return found


def imaged_benign(reading: Reading, facts: Facts) -> List[Cue]:
    """[the study, its benign result] when the lump has already been imaged and nothing suspicious was seen ("US
    last week: reactive node with a fatty hilum", "ultrasound of the lump was normal"); [] otherwise."""
    lumps = _lumps(reading, facts)
    if not lumps:
        return []
    first = min((m.cue for m in lumps), key=lambda c: c.start)
    studies = reading.all(*_STUDIES)
    if any(not _done(reading, s) and s.negated and reading.near(s, _NODAL, "sentence") for s in studies):
        return []  # "no imaging has been performed for the lump"
    for study in studies:
        result = _benign_result(reading, study, first)
        if result:
            return [study, result[0]]
    return []


def longstanding(reading: Reading, facts: Facts) -> List[Cue]:
    """[the words] when the lump is said to be long-standing and unchanged ("present for years", "stable for
    three years"), with no growth or change said in its sentence; [] otherwise."""
    lumps = _lumps(reading, facts)
    for m in lumps:
        said = [c for c in reading.near(m.cue, ["LONGSTANDING"], "sentence") if not (c.negated or c.uncertain)]
        grown = [c for c in reading.near(m.cue, ["GROWING"], "sentence") if not c.negated]
        if said and not grown and not m.new:
            return said[:1]
    return []
