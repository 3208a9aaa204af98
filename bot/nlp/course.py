"""The patient and the course of her disease: sex, age, diagnosis, history, treatment, metastases, encounter.

Rulings (shared/reference/matching-rules.md): "Treatment status", "Sex", "No tissue diagnosis yet", "A past
breast cancer", "Occult primary", "Other situations no row covers", "Other node sites".
"""
from __future__ import annotations

import re
from datetime import date
from itertools import takewhile
from typing import List, Optional, Tuple

from bot.facts import MAX_AGE, Facts
from bot.nlp import workup
from bot.nlp.components import Cue
from bot.nlp.nodes import NodeMention, beyond_axilla, contralateral, contralateral_proven, mentions
from bot.nlp.reading import DATED, NOTHING, YEAR, Read, Reading, corrected_of, inside
from bot.nlp.sizes import axillary
from bot.nlp.stage import tnm

_PRONOUNS = ("she", "her", "hers", "herself", "he", "his", "him", "himself", "she's", "he's")
# (given, of the total): the last two numbers, for a range given comes first ("cycles 1-3 of 6")
_CYCLES = re.compile(r"(\d{1,2})\D+(\d{1,2})\D*$")
# Labels that show a message is about breast cancer or the axilla at all.
_TOPICAL = {"BREAST", "AXILLA", "NODE", "CANCER", "NEW_DX", "TNM", "NSTAGE", "NODE_POS", "NODE_NEG", "NAC",
            "SURGERY", "RECURRENCE", "SIZE_COMPARE_LE", "SIZE_COMPARE_GT", "SIZE_COMPARE_GE", "AXILLARY_TAIL",
            "TUMOR"}


# ---------------------------------------------------------------- sex and age

def _about_patient(reading: Reading, cue: Cue) -> bool:
    """Not the letter's addressee ("Dear Mr Lund") nor its writer (after "Yours sincerely"), nor a colleague
    ("the surgeon said he'd send the report")."""
    if any(s.start < cue.start for s in reading.all("SIGNOFF")):
        return False
    # "the referring doctor, he wants an MRI": the clinician's pronoun, across the comma too
    if cue.text.lower() in _PRONOUNS and any(c.sentence == cue.sentence and 0 <= cue.start - c.end <= 3
                                             for c in reading.all("CLINICIAN")):
        return False
    # "Referred by Dr. John Miller; he wants to know ...": the pronoun right after a doctor's name is the doctor's
    if cue.text.lower() in _PRONOUNS and _after_doctor(reading.tokens, cue.start):
        return False
    # "referred by Mr. Jones", "letter from Mr Patel": the referrer's title (not "brought in by his daughter", the
    # patient's own relative)
    if cue.start and reading.tokens[cue.start - 1].lower() in ("by", "from", "cc", "to") \
            and not _relative_of(reading, cue):
        return False
    if cue.text.lower().rstrip(".") in _TITLES and _someone_else_s_title(reading, cue):
        return False
    return not any(0 <= cue.start - a.end <= 1 for a in reading.all("ADDRESSEE")) or _to_the_patient(reading)


# a letter that speaks to the patient of her own body and care ("your left breast", "your biopsy"): its addressee
# ("Dear Mrs Osei") is the patient
_YOUR_CARE = re.compile(r"(?i)\byour\s+(?:(?:right|left|own)\s+)?(?:breasts?|armpits?|axilla|biopsy|mammogram|scans?|"
                        r"cancer|lumps?|chemotherapy|chemo|operation|glands?|ultrasound)\b")


def _to_the_patient(reading: Reading) -> bool:
    # asked for each sex word of a message: the text is searched once
    return reading.cached("to_the_patient", lambda: bool(_YOUR_CARE.search(reading.plain)))


_TITLES = frozenset({"mr", "mister", "sir", "herr", "monsieur", "sr", "signor"})
# what names the holder of a title as someone other than the patient: a role before it ("Surgeon: Mr Jones",
# "Referring: Mr A. Smith", "her husband Mr Brown"); not "with" ("seen in clinic with Mr Brown, 67": the patient)
_ROLE_BEFORE = frozenset({"referring", "referrer", "cc", "husband", "partner", "son", "brother", "father",
                          "author", "signed", "dictated", "reviewed"})


def _someone_else_s_title(reading: Reading, cue: Cue) -> bool:
    """A man's title that a role names as another person's: a clinician's role or a companion's before it, or a
    clinician's role after the name ("Mr A. Smith, consultant surgeon")."""
    i = cue.start - 1
    while i >= 0 and reading.tokens[i] in (":", "-", ",", "("):
        i -= 1
    if i >= 0 and (reading.tokens[i].lower() in _ROLE_BEFORE or any(c.end == i + 1 for c in reading.all("CLINICIAN"))):
        return True
    after = reading.tokens[cue.end:cue.end + 5]
    comma = after.index(",") if "," in after else None
    if comma is None or not all(t[:1].isupper() or t == "." for t in after[:comma]):
        return False
    at = cue.end + comma + 1  # the role right after the name's comma ("consultant surgeon"), not a later sentence's
    return any(c.start == at or (c.start == at + 1 and reading.tokens[at].isalpha()) for c in reading.all("CLINICIAN"))


_DOCTOR_TITLES = frozenset({"dr", "dr.", "doctor", "prof", "prof.", "professor"})


def _after_doctor(tokens: List[str], at: int) -> bool:
    """A doctor's name ends right before token `at` ("Dr. John Miller; he"): only its capitalised words and a
    comma or semicolon between the title and it."""
    i = at - 1
    while i >= 0 and (tokens[i] in (",", ";", ".", "-", "(", "/") or tokens[i].lower() in _PRONOUNS):
        i -= 1  # "Dr. Miller (he/him)"
    names = 0
    while i >= 0 and tokens[i][:1].isupper() and tokens[i].lower() not in _DOCTOR_TITLES and names < 3:
        i, names = i - 1, names + 1
    return names > 0 and i >= 0 and tokens[i].lower() in _DOCTOR_TITLES


def _relative_of(reading: Reading, cue: Cue) -> bool:
    """The patient's pronoun before a relative ("his father had breast cancer"): the relative's phrase, but the
    pronoun is the patient's."""
    after = reading.norms[cue.end] if reading.norms is not None and cue.end < len(reading.norms) else ""
    word = reading.tokens[cue.end].lower() if cue.end < len(reading.tokens) else ""
    # norms.yml reads most relatives as "mother"; a spouse keeps its word
    return cue.text.lower() in ("his", "her") and (after == "mother" or word in _RELATIVES)


_MALE_RELATIVES = frozenset({"husband", "father", "dad", "brother", "son", "grandfather", "uncle", "nephew",
                             "boyfriend"})
_FEMALE_RELATIVES = frozenset({"wife", "mother", "mum", "mom", "sister", "daughter", "grandmother", "aunt", "niece",
                               "girlfriend"})
_RELATIVES = _MALE_RELATIVES | _FEMALE_RELATIVES


def _of_relative(reading: Reading, cue: Cue, relatives: frozenset) -> bool:
    """A sex word after a relative of that sex in its sentence ("her husband, Mr. Kaur ... his"): the relative's."""
    start = max(0, cue.start - 12)
    return any(t.lower() in relatives for t in reading.tokens[start:cue.start]) and not any(
        c.sentence == cue.sentence and c.start < cue.start for c in reading.all("AGE_SEX"))


# "she's a he, actually", "he is really a woman": the pronoun used so far, corrected to the other sex
_IS_REALLY = re.compile(r"(?i)\b(?:she|he)(?:'s|’s|\s+is)\s+(?:actually\s+|really\s+|in\s+fact\s+)?(?:a\s+)?"
                        r"(he|she|man|woman|male|female|guy|lady)\b")
_MALE_WORDS = frozenset({"he", "man", "male", "guy"})


def sex(reading: Reading, facts: Facts) -> Read:
    """Explicit words and '58F' beat pronouns; both sexes stated strongly is a contradiction."""
    said = _IS_REALLY.search(reading.plain)
    if said:
        value = "male" if said.group(1).lower() in _MALE_WORDS else "female"
        label = "MALE" if value == "male" else "FEMALE"
        return Read(value, tuple(c for c in reading.all(label) if c.start_char >= said.start(1))[:1])
    def votes(label: str, compact: Tuple[str, ...]) -> tuple:
        # "the patient is not male" denies that sex: no vote for it
        relatives = _FEMALE_RELATIVES if label == "FEMALE" else _MALE_RELATIVES
        cues = [c for c in reading.all(label) if not (c.family and not _relative_of(reading, c) or c.negated)
                and _about_patient(reading, c) and not _letter_named(reading, c) and not _stray_letter(reading, c)
                and not (c.text.lower() in _PRONOUNS and _of_relative(reading, c, relatives))]
        strong = [c for c in cues if c.text.lower() not in _PRONOUNS]
        strong += [c for c in reading.all("AGE_SEX") if not c.family and c.text.rstrip(".,;:)").endswith(compact)]
        return strong, cues
    (f_strong, f_all), (m_strong, m_all) = votes("FEMALE", ("F", "f")), votes("MALE", ("M", "m"))
    if f_strong and m_strong:
        corrected = corrected_of(reading, f_strong, m_strong)
        if corrected:
            return Read("female" if corrected is f_strong else "male", tuple(corrected))
        # "59-year-old woman ... Her husband, Mr. Kaur, 61, asked about his own gynecomastia": his words are the
        # husband's
        f_own = [c for c in f_strong if not _of_relative(reading, c, _FEMALE_RELATIVES)]
        m_own = [c for c in m_strong if not _of_relative(reading, c, _MALE_RELATIVES)]
        if bool(f_own) != bool(m_own):
            return Read("female", tuple(f_own)) if f_own else Read("male", tuple(m_own))
        return Read(conflict=True, cues=tuple(f_strong + m_strong))
    if f_strong or m_strong:
        return Read("female", tuple(f_strong)) if f_strong else Read("male", tuple(m_strong))
    if f_all and not m_all:
        return Read("female", tuple(f_all[:1]))
    if m_all and not f_all:
        return Read("male", tuple(m_all[:1]))
    return NOTHING


_ARTICLES = frozenset({"the", "that", "this"})


def _letter_named(reading: Reading, cue: Cue) -> bool:
    """A sex's letter spoken of as a letter ("the F was the template default", "ignore that M"): no sex stated."""
    return len(cue.text.strip(".,;:'\"")) == 1 and cue.start >= 1 and reading.tokens[cue.start - 1].lower() in _ARTICLES


_SEX_FIELDS = frozenset({"sex", "gender", "pt", "patient", "f/m", "m/f"})


def _stray_letter(reading: Reading, cue: Cue) -> bool:
    """A lone "M" or "F" with no age beside it and no sex field before it ("seen in clinic M (Monday)"): no sex."""
    if len(cue.text.strip(".,;:()'\"")) != 1 or not cue.start or not reading.tokens[cue.start - 1].isalpha():
        return False  # ("F - timeline by age", "DOB 07/22/1961, F": a letter where a form puts the sex)
    near = reading.tokens[max(0, cue.start - 3):cue.end + 3]
    return not (reading.within(cue, ["AGE", "AGE_SEX"], 3, 3) or _SEX_FIELDS & {t.lower().strip(":") for t in near}
                or any(re.fullmatch(r"\d{1,3}", t) for t in near))


def _age_value(cue: Cue) -> Optional[int]:
    found = re.search(r"\d{1,3}", cue.text)
    return int(found.group()) if found and 0 < int(found.group()) < MAX_AGE else None


_THRESHOLD_AFTER = {("or", "over"), ("or", "older"), ("or", "above"), ("and", "over"), ("and", "above"),
                    ("or", "more"), ("or", "under"), ("or", "younger"), ("or", "below"), ("and", "under")}
_THRESHOLD_BEFORE = {"over", "under", "above", "below", "least", "than", ">", "<", "≥", "≤", ">=", "<="}


def _threshold(reading: Reading, cue: Cue) -> bool:
    """An age limit, not the patient's age ("age 50 or over: yes", "aged ≥ 50", "older than 40")."""
    after = tuple(t.lower() for t in reading.tokens[cue.end:cue.end + 2])
    before = reading.tokens[cue.start - 1].lower() if cue.start else ""
    return after in _THRESHOLD_AFTER or (after[:1] == ("+",)) or before in _THRESHOLD_BEFORE


def _ages(reading: Reading) -> List[Cue]:
    """The patient's stated ages (not a relative's, not an age limit)."""
    return [c for c in reading.all("AGE_SEX", "AGE") if not c.family and _age_value(c) and not _threshold(reading, c)
            and not _earlier_age(reading, c) and not _duration(reading, c)]


# Words after "N years" that make it a time since something, in the languages of foreign.yml ("8 anos após a
# cirurgia", "9 jaar na mastectomie", "5 Jahre nach"): a duration, not an age
_SINCE_WORDS = frozenset({"after", "post", "since", "ago", "later", "earlier", "before", "previously", "prior",
                          "após", "apos", "depois", "na", "nach", "seit", "après", "apres", "depuis", "después",
                          "despues", "dopo", "fa", "po", "sonra", "önce", "efter", "etter", "siden", "sitten"})


def _duration(reading: Reading, cue: Cue) -> bool:
    """An age-like "N years" followed by after, since or ago: how long since something, not the patient's age (not
    "41F. Before ...", nor Tagalog's "42 y/o na babae", whose "na" only joins words)."""
    after = [t.lower() for t in reading.tokens[cue.end:cue.end + 1]]
    return cue.label == "AGE" and bool(after) and after[0] in _SINCE_WORDS \
        and (after[0] != "na" or cue.text.lower().endswith("jaar"))


def _earlier_age(reading: Reading, cue: Cue) -> bool:
    """An age at which something happened ("lymphoma at age 20", "treated at the age of 31", "when she was 40",
    "postmenopausal since age 51"),
    or a relative's ("mother, age 71"): not the patient's age now."""
    before = [t.lower() for t in reading.tokens[max(0, cue.start - 3):cue.start]]
    # "(maternal grandmother, age 71)", "two children aged 4 and 7": a relative's age (norms.yml reads every
    # relative as "mother")
    relative = reading.norms is not None and bool({"mother", "children", "kids", "child", "grandchildren"}
                                                  & set(reading.norms[max(0, cue.start - 3):cue.start]))
    return relative or before[-1:] in (["at"], ["since"]) or before[-2:] == ["at", "the"] \
        or before[-2:] in (["she", "was"], ["he", "was"])


def age(reading: Reading, facts: Facts) -> Read:
    found = _ages(reading)
    return Read(_age_value(found[0]), tuple(found[:1])) if found else NOTHING


# ---------------------------------------------------------------- diagnosis and history

def _cancers(reading: Reading) -> List[Cue]:
    """The cancer words about the patient: not a relative's, not a service's name ("cancer genetics clinic"), not
    calcium ("corrected Ca 2.38 mmol/L")."""
    return [c for c in reading.all("CANCER") if not (c.family or _service(reading, c) or _calcium(reading, c))]


_LAB_BEFORE = frozenset({"corrected", "serum", "ionised", "ionized", "adjusted", "total"})


def _calcium(reading: Reading, cue: Cue) -> bool:
    """"Ca" as a blood result: a number right after it, or a laboratory word right before it."""
    if cue.text.lower() not in ("ca", "ca."):
        return False
    after = [t.lower() for t in reading.tokens[cue.end:cue.end + 2]]
    before = reading.tokens[cue.start - 1:cue.start] if cue.start else []
    value = bool(after) and re.fullmatch(r"\d{1,2}(?:[.,]\d{1,2})?|\+\+|2\+", after[0]) is not None
    sized = len(after) > 1 and after[1] in ("cm", "mm")  # "R breast Ca 2.4 cm": the cancer's size
    return (value and not sized) or bool(before and before[0].lower() in _LAB_BEFORE)


def _current_cancers(reading: Reading) -> List[Cue]:
    """Cancers stated as current: "newly diagnosed" beats a date that belongs to something else."""
    new = [n for n in reading.all("NEW", "NEW_DX") if not n.negated]
    return [c for c in _cancers(reading) if not (c.negated or c.uncertain or treated_in_the_past(reading, c))
            and (not c.historical or any(n.clause == c.clause and 0 <= c.start - n.end <= 4 for n in new))]


_HISTOLOGY = re.compile(r"(?i)idc|ilc|dcis|tnbc|carcinoma|nst\b|\bb5[ab]?\b|rads\s*6|\bc[dcl]i\b")


def _proven_cancers(reading: Reading) -> List[Cue]:
    """Cancers with a tissue diagnosis: a histological type ("IDC", "carcinoma"), or a cancer named with its biopsy.
    "Clinically I'm sure this is a cancer" is an impression, not a diagnosis (matching-rules.md)."""
    undone = reading.all("NO_BIOPSY")  # "biopsy is not done"
    # "newly diagnosed breast cancer (biopsy pending)": the biopsy awaited in its sentence is what would prove it
    awaited = {u.sentence for u in undone if not (reading.near(u, ["NODE", "AXILLA"]) or _node_s_result(reading, u))}
    # "newly diagnosed" is no proof where the breast's result is still awaited elsewhere ("newly diagnosed cancer.
    # Path not back."; not a node's, nor the final pathology of an operation)
    proofs = ["BIOPSY", "PROVEN"] + ([] if _breast_result_awaited(reading, undone) else ["NEW_DX"])
    # "new IDC 3 cm. Note: IDC presumed, no tissue yet": a histology named is no proof where the message says the
    # tissue is still awaited; its biopsy named beside it is
    return [c for c in _current_cancers(reading) if c.sentence not in awaited and (
        (_HISTOLOGY.search(c.text) and not awaited) or any(
        not (b.negated or b.planned or any(u.start <= b.start < u.end for u in undone))
        for b in reading.near(c, proofs, "sentence")))]


def _breast_result_awaited(reading: Reading, undone: List[Cue]) -> bool:
    return any(not (reading.near(u, ["NODE", "AXILLA"], "sentence") or _node_s_result(reading, u)) and not _FINAL & {
        t.lower() for t in reading.tokens[max(0, u.start - 3):u.end]} for u in undone)


_FINAL = frozenset({"final", "surgical", "operative"})  # the pathology of an operation, not of the diagnosis


def treated_in_the_past(reading: Reading, cue: Cue) -> bool:
    """A cancer in a sentence that dates its surgery ("treated in 2018 with wide local excision ... for a 1.1 cm
    IDC") or dates the cancer and names its surgery ("breast cancer 2019 treated with lumpectomy"), with no word
    that makes the cancer itself new."""
    dated = [s for s in reading.all("SURGERY") if s.sentence == cue.sentence and (s.historical or any(
        DATED.fullmatch(y.text) for y in reading.within(s, ["SURGERY_PAST_POST"], 0, 2)))]
    said_treated = False
    # (or a year earlier in its sentence: "In 2019 she was diagnosed with a 2.5 cm IDC")
    years_before = [y for y in reading.all("SURGERY_PAST_POST") if y.sentence == cue.sentence and y.end <= cue.start
                    and DATED.fullmatch(y.text.strip())]
    if years_before or any(DATED.fullmatch(y.text) for y in reading.within(cue, ["SURGERY_PAST_POST"], 0, 2)):
        dated += [s for s in reading.all("SURGERY") if s.sentence == cue.sentence and s.start > cue.start]
        # ... or named before it, as done for it ("s/p R lumpectomy/RT for IDC 2010")
        dated += [s for s in reading.all("SURGERY") if s.sentence == cue.sentence and 0 <= cue.start - s.end <= 6
                  and "for" in {t.lower() for t in reading.tokens[s.end:cue.start]}]
        # "breast cancer 2010, treated, all therapy finished 2015", "... 2019; she completed treatment in 2020":
        # dated, and its treatment over (not a neoadjuvant course, which the operation follows)
        dated += [d for d in reading.all("NAC_DONE") if d.start > cue.start and d.sentence - cue.sentence in (0, 1)
                  and reading.near(d, ["TREATMENT_WORD"], "sentence")
                  and not reading.near(d, ["NEOADJUVANT"], "sentence")]
        # "L breast cancer 2015 treated", "a L breast cancer 2008, treated, NED": dated, and said treated or in
        # remission since
        dated += [d for d in reading.near(cue, ["SURVEILLANCE"], "sentence") if d.start > cue.start]
        # "R breast ca 2011, still on adjuvant letrozole": dated, and its adjuvant therapy follows the operation
        dated += [d for d in reading.near(cue, ["ADJUVANT"], "sentence")
                  if d.start > cue.start and not (d.negated or d.planned)]
        said_treated = "treated" in {t.lower() for t in reading.tokens[cue.end:reading.sentence_span(cue)[1]]}
    # "after her breast cancer treatment, which finished in 2020": its treatment said over in a year gone by
    dated += [d for d in reading.all("NAC_DONE") if d.sentence == cue.sentence and d.start > cue.start
              and not (d.negated or d.planned) and reading.near(d, ["TREATMENT_WORD"], "sentence")
              and not reading.near(d, ["NEOADJUVANT"], "sentence")
              and any(DATED.fullmatch(y.text.strip()) for y in reading.within(d, ["SURGERY_PAST_POST"], 0, 3))]
    fresh = [n for n in reading.all("NEW", "NEW_DX", "RECURRENCE") if not n.negated
             and n.clause == cue.clause and 0 <= cue.start - n.end <= 4]
    return bool((dated or said_treated or reading.past_entry(cue)) and not fresh)


# What recurs that is no cancer ("recurrent breast cysts", "recurrent mastitis"), and a recurrence that is a
# prediction ("Oncotype recurrence score 28", "risk of recurrence")
_BENIGN_RECURRING = frozenset({"cyst", "cysts", "mastitis", "abscess", "abscesses", "infection", "infections",
                               "cellulitis", "uti", "utis", "fibroadenoma", "fibroadenomas", "papilloma", "papillomas",
                               "seroma", "seromas", "hidradenitis", "boils", "furuncles", "sebaceous", "pain"})
_PREDICTION = frozenset({"score", "risk", "rs", "index"})


def _not_cancer_s(reading: Reading, cue: Cue) -> bool:
    """A recurrence word about something other than a cancer's return: a benign condition or a predicted risk."""
    after = {t.lower() for t in reading.tokens[cue.end:cue.end + 3]}
    before = [t.lower() for t in reading.tokens[max(0, cue.start - 2):cue.start]]
    return bool(after & _BENIGN_RECURRING) or bool(after & _PREDICTION) or before[-2:] == ["risk", "of"]


def diagnosis(reading: Reading, facts: Facts) -> Read:
    """New primary, local recurrence, or no known breast cancer (a negated cancer history)."""
    recurrence = [c for c in reading.live("RECURRENCE") if not (_distant(reading, c) or _not_cancer_s(reading, c))]
    cancers = reading.all("CANCER")
    if cancers and all(c.negated for c in cancers):
        # "recurrent left axillary lump, no history of breast cancer", "recurrent UTIs": the adjective says the
        # lump came back, not a cancer, where the only cancer named is denied
        recurrence = [c for c in recurrence if not c.text.lower().startswith("recurrent")]
    if recurrence and all(_site_unknown(reading, c) or _beyond_axilla(reading, c) for c in recurrence):
        # "recurrence, site not yet known", "recurrence in the supraclavicular nodes": local (row 10: breast,
        # chest wall, axilla) or not is asked
        return Read(residue=tuple(recurrence[:1]))
    if recurrence:
        return Read("local_recurrence", tuple(recurrence[:1]))
    # a past breast cancer and now a biopsy-proven axillary node, no new primary named: a regional recurrence
    # (row 10 covers a recurrence in the ipsilateral axilla; a contralateral one is distant disease)
    proven_nodes = [m for m in mentions(reading) if m.proven and m.positive]
    if proven_nodes:
        # (not the past cancer's own staging: "breast cancer in 2019 (2.5 cm, node positive), treated")
        past = [c for c in _cancers(reading) if not c.negated and (c.historical or treated_in_the_past(reading, c))]
        proven_nodes = [m for m in proven_nodes if not any(
            c.sentence == m.cue.sentence and 0 <= m.cue.start - c.end <= 8
            and not reading.near(m.cue, ["SIZE_LATER", "NEW", "NEW_DX"], "clause") for c in past)]
    if proven_nodes and history(reading, facts).value and not (reading.live("NEW_DX") or contralateral_proven(reading)):
        return Read("local_recurrence", tuple(proven_nodes[0].cues[:2]))
    cancers = _current_cancers(reading)
    # after a treated cancer, one at its scar or on the chest wall is its local recurrence (matching-rules.md)
    treated = facts.get("cancer_history") or any(c.historical or treated_in_the_past(reading, c)
                                                 for c in _cancers(reading) if not c.negated)
    scarred = [c for c in cancers if treated and any(
        any(w in b.text.lower() for w in _OPERATED_SITES) for b in reading.near(c, ["BREAST"], "sentence"))]
    # ... and so is a lesion there proven by biopsy, its cancer unnamed ("biopsy-proven chest wall nodule")
    scarred += [lump for lump in reading.live("LUMP") if treated and not cancers and any(
        any(w in b.text.lower() for w in _OPERATED_SITES) for b in reading.near(lump, ["BREAST"], "sentence"))
        and any(not (p.negated or p.uncertain) for p in reading.near(lump, ["PROVEN"], "sentence"))]
    if scarred:
        return Read("local_recurrence", tuple(scarred[:1]))
    again = _same_breast_again(reading, cancers) if treated else []
    if again:
        return Read("local_recurrence", tuple(again[:1]))
    new = [c for c in reading.all("NEW", "NEW_DX") if not c.negated]  # "no new findings" is not a new cancer
    with_new = [c for c in cancers
                if any(n.clause == c.clause or (n.sentence == c.sentence and 0 <= c.start - n.end <= 8) for n in new)]
    if with_new:
        return Read("new_primary", (with_new[0],) + tuple(n for n in new if n.sentence == with_new[0].sentence)[:1])
    # "newly diagnosed Hodgkin lymphoma": another cancer's diagnosis
    dx_words = [d for d in reading.live("NEW_DX") if not reading.within(d, ["OTHER_CANCER"], 0, 3)]
    if dx_words and (reading.live("TUMOR", "BREAST") or cancers):
        return Read("new_primary", tuple(dx_words[:1] + cancers[:1]))
    negated = [c for c in _cancers(reading) if c.negated]
    if negated and not cancers and not history(reading, facts).value:
        return Read("none_known", tuple(negated[:1]))
    denied = [c for c in reading.all("BREAST_HISTORY_DENIED") if not (c.family or c.uncertain)]
    if denied and not cancers and not history(reading, facts).value:
        return Read("none_known", tuple(denied[:1]))  # "never had any breast problems"
    benign = _benign_breast_biopsy(reading)
    if benign and not (cancers or history(reading, facts).value):
        return Read("none_known", tuple(benign))  # "core bx of the breast mass: fibroadenoma": no breast cancer
    proven = [c for c in cancers if c.label == "CANCER" and reading.near(c, ["BIOPSY", "PROVEN", "NEW"], "sentence")]
    if proven:
        # a biopsied cancer that is neither history nor a recurrence is the new diagnosis ("Core bx: IDC")
        return Read("new_primary", tuple(proven[:1]))
    # a histological type named as the patient's, where no cancer is denied or past ("58F with IDC, palpable L
    # axillary node"): her cancer now, not an axillary lump without known cancer
    # ... and so is a breast cancer named as hers ("61F, R breast cancer, hard R axillary node"): never "no known
    # breast cancer" because no size or "new" is given
    typed = [c for c in cancers if _HISTOLOGY.search(c.text) or _of_the_breast(reading, c)]
    if typed and not any(c.negated or c.historical for c in reading.all("CANCER")) \
            and not (history(reading, facts).value or _surgery_done(reading)):
        return Read("new_primary", tuple(typed[:1]))
    return NOTHING


_SECOND_PRIMARY = re.compile(r"(?i)\b(?:new|second|2nd|separate|metachronous)\s+primary\b|\bcontralateral\b")


def _same_breast_again(reading: Reading, cancers: List[Cue]) -> List[Cue]:
    """A current cancer in the breast whose cancer was treated in the past ("prior L lumpectomy + RT 2013 for IDC;
    now biopsy-proven IDC in the L breast"): its recurrence in the breast, row 10 (matching-rules.md: a
    biopsy-proven recurrence in the breast), unless the message calls it a new or second primary. [] when the past
    cancer's side is not told."""
    if _SECOND_PRIMARY.search(reading.plain):
        return []
    # (an invasive cancer's: after DCIS, an invasive cancer in that breast is a new primary)
    dcis = reading.all("DCIS")
    past = [c for c in _cancers(reading) if not c.negated and c not in cancers and c.label != "DCIS"
            and not inside(c, dcis) and (c.historical or treated_in_the_past(reading, c))]
    operated = [o for c in past for o in reading.all("SURGERY") if o.sentence == c.sentence]
    sides = {reading.side_of(c) for c in past + operated} - {None}
    if len(sides) != 1 or "bilateral" in sides:
        return []
    # "a new mass near the lumpectomy scar ... core biopsy shows IDC": at the earlier operation's site
    scar = bool(_AT_THE_SCAR.search(reading.plain))
    found = []
    for c in cancers:
        side = reading.side_of(c, 6, 6) or _sentence_side(reading, c)
        if side in sides or "ipsilateral" in reading.tokens[max(0, c.start - 3):c.start] or scar and side is None:
            found.append(c)
    return found


_AT_THE_SCAR = re.compile(r"(?i)\b(?:at|near|in|along|beneath|under|adjacent\s+to|close\s+to|next\s+to)\s+"
                          r"(?:the\s+|her\s+|previous\s+|prior\s+|old\s+)*(?:(?:lumpectomy|mastectomy|surgical|excision|operative|wle|"
                          r"incision|tumou?r)\s+)?(?:scar|bed|site|cavity)\b")


def _sentence_side(reading: Reading, cue: Cue) -> Optional[str]:
    """The one side named in a cue's sentence ("new L breast mass 2.5 cm, core bx IDC"), else None."""
    sides = {c.label for c in reading.all("SIDE_LEFT", "SIDE_RIGHT") if c.sentence == cue.sentence}
    return {"SIDE_LEFT": "left", "SIDE_RIGHT": "right"}.get(sides.pop()) if len(sides) == 1 else None


def _benign_breast_biopsy(reading: Reading) -> List[Cue]:
    """A breast mass's biopsy whose result is benign ("Core bx of the L breast mass: fibroadenoma, concordant
    benign"), not a node's: the biopsy and the benign result, or [] when the message says no such thing (read once:
    the diagnosis and the encounter both ask)."""
    def compute() -> List[Cue]:
        for biopsy in reading.live("BIOPSY"):
            result = [b for b in reading.near(biopsy, ["BENIGN_LOOK"], "sentence")
                      if not (b.negated or b.uncertain) and b.start > biopsy.end]
            if result and reading.near(biopsy, ["BREAST"], "sentence") \
                    and not reading.near(biopsy, ["NODE", "AXILLA"], "sentence"):
                return [biopsy, result[0]]
        return []
    return reading.cached("benign_breast_biopsy", compute)


def _of_the_breast(reading: Reading, cancer: Cue) -> bool:
    """A cancer word named as one breast's: "R breast cancer", "cancer of the left breast" (a side: "never had
    breast ca", "no known breast cancer" name no breast of hers)."""
    return any((0 <= cancer.start - b.end <= 1 or 0 <= b.start - cancer.end <= 4)
               and (reading.sides_near(b, 3, 0) or reading.sides_near(cancer, 0, 3))
               for b in reading.near(cancer, ["BREAST"]) if not (b.negated or b.family))


_OPERATED_SITES = ("scar", "site", "bed", "chest wall")
_UNKNOWN_SITE = re.compile(r"(?i)\b(?:sites?|locations?)\s+(?:(?:is|are|still|not\s+yet|yet\s+to\s+be)\s+)*"
                           r"(?:unknown|unclear|not\s+(?:yet\s+)?(?:known|clear|defined|determined|established|"
                           r"confirmed|specified|stated|given|documented)|undetermined|unspecified|tbc|tbd|pending|"
                           r"to\s+be\s+(?:determined|confirmed))")
_LOCAL = re.compile(r"(?i)\b(?:local(?:ly)?|loco-?regional|regional|in-breast|ibtr|lrr|ipsilateral|scar|chest\s+wall|"
                    r"(?:lumpectomy|surgical|excision|operative|tumou?r|mastectomy)\s+(?:site|bed|cavity)|skin|nodes?|axilla\w*|armpit|breast\b(?!\s+(?:cancer|ca|carcinoma)\b))")


def _site_unknown(reading: Reading, cue: Cue) -> bool:
    """A recurrence whose site the message says is not known yet ("recurrence, site still unknown"): row 10 is for
    a local one, a distant one is out of scope (matching-rules.md)."""
    words = " ".join(t for t in reading.tokens[cue.start:cue.end + 10])
    # or not named at all ("recurrent breast cancer, biopsy confirmed"): no local word anywhere in the message, nor
    # a breast or axilla in any language ("memede ... lokal nüks": in the breast; not the breast of "breast cancer")
    sites = reading.all("AXILLA") + [b for b in reading.all("BREAST") if not reading.within(b, ["CANCER"], 0, 1)]
    if reading.case_lump:
        sites += reading.all("LUMP")  # "biopsy of the lump: recurrent carcinoma" in a case of an axillary lump
    return bool(_UNKNOWN_SITE.search(words)) or not (_LOCAL.search(reading.plain) or sites)


def cancer_named(reading: Reading, facts: Facts) -> Read:
    """True when the message names a current breast cancer (or gives its T category): a size alone ("1 cm mass")
    does not say that there is one, so no new cancer is assumed from it."""
    cancers = _current_cancers(reading) + [c for c in reading.live("TUMOR") if reading.norm_of(c).startswith("tum")]
    if cancers:
        return Read(True, tuple(cancers[:1]))  # "tumour" in a breast note is the cancer; a "mass" or "lesion" is not
    return Read(True) if facts.get("t_category") else NOTHING


_BEYOND = ("supraclavicular", "infraclavicular", "internal mammary", "cervical", "neck")


def _beyond_axilla(reading: Reading, cue: Cue) -> bool:
    """A recurrence whose site, said after it, is a node station beyond the axilla ("recurrence in the left
    supraclavicular nodes"), with no breast, chest wall or axilla of its own."""
    sites = [c for c in reading.near(cue, ["AXILLA", "BREAST", "OTHER_ORGAN"], "sentence")
             if 0 <= c.start - cue.end <= 6]
    return bool(sites) and all(c.text.lower().startswith(_BEYOND) for c in sites)


_DISTANT_NODES = ("mediastin", "hilar", "retroperiton", "para-aortic", "mesenteric")  # nodal stations of M1 disease


def _distant(reading: Reading, cue: Cue) -> bool:
    """A recurrence named with a distant site ("recurrence in the liver"), not "local recurrence; no distant
    disease"."""
    if "local" in cue.text.lower():
        return False
    # in the other axilla than the past cancer's: distant disease (matching-rules.md, other situations)
    after = [c for c in reading.near(cue, ["AXILLA", "CONTRALATERAL"], "sentence") if 0 <= c.start - cue.end <= 10]
    axillae = [a for a in after if a.label == "AXILLA" and not a.negated]
    past = {reading.side_of(c) for c in reading.all("CANCER") if c.historical or treated_in_the_past(reading, c)}
    if axillae and (any(c.label == "CONTRALATERAL" for c in after) or any(
            reading.side_of(a) in ("left", "right") and past & {"left", "right"} and reading.side_of(a) not in past
            for a in axillae)):
        return True
    if any(not (c.negated or c.uncertain) for c in reading.within(cue, ["DISTANT_SITE"], 0, 4)):
        return True  # "recurrence in the liver and a new axillary node"
    if any(c.text.lower().startswith(_DISTANT_NODES) and not (c.negated or c.uncertain)
           for c in reading.near(cue, ["OTHER_ORGAN"], "sentence")):
        return True  # "recurrence in the supraclavicular and mediastinal nodes": nodes beyond the regional ones
    sites = [c for c in reading.near(cue, ["DISTANT_SITE"], "sentence") if not (c.negated or c.uncertain)]
    # "recurrent breast carcinoma" names the cancer, not where it recurred
    cancers = {c.start for c in reading.all("CANCER")}
    local = [c for c in reading.near(cue, ["AXILLA", "BREAST"]) if not (c.label == "BREAST" and c.end in cancers)]
    return bool(sites) and not local


def _treatment_unfinished(reading: Reading) -> bool:
    """Neoadjuvant chemotherapy under way, or completed with the surgery still to come ("Hx: IDC 2025 ... NAC
    completed 2 wks ago; surgery next wk"): the cancer is current, whatever heading it stands under."""
    nac, _ = nac_status(reading)
    if nac not in ("neoadjuvant_ongoing", "neoadjuvant_completed") or _surgery_done(reading):
        return False
    planned = [c for c in reading.all("SURGERY", "SURGERY_GENERIC") if c.planned and not c.negated] \
        + reading.live("BEFORE_SURGERY")
    return bool(planned) or (nac == "neoadjuvant_ongoing" and bool(reading.live("NEOADJUVANT")))


def history(reading: Reading, facts: Facts) -> Read:
    """A past breast cancer, treatment finished: history, when no current cancer is stated."""
    if _treatment_unfinished(reading):
        return NOTHING
    # "metastatic breast carcinoma" in a node biopsied now names the node's disease, not a current primary
    # (and so does "metastatic carcinoma": the cancer word right after it)
    spread = reading.all("METASTASIS")
    current = [c for c in _current_cancers(reading)
               if not (inside(c, spread) or any(0 <= c.start - m.end <= 1 for m in spread))]
    past = [c for c in _cancers(reading) if (c.historical or treated_in_the_past(reading, c))
            and not c.negated and not c.uncertain and c not in current]  # not a question ("any history of ...?")
    if past and not current and not reading.live("RECURRENCE"):
        return Read(True, tuple(past[:1]))
    # its operation alone, dated two years or more before the story's latest year, no cancer named now ("R
    # lumpectomy + radiotherapy 2019, both finished; new lump in the left armpit"): a past breast cancer
    if current or _cancers(reading) or reading.live("RECURRENCE", "NEW_DX") \
            or not any(m.positive for m in mentions(reading)):
        return NOTHING
    operated = _long_operated(reading)
    return Read(True, tuple(operated[:1])) if operated else NOTHING


_BREAST_OPERATIONS = re.compile(r"(?i)lumpectom|mastectom|\bbc[st]\b|conserving|\bwle\b|local\s+excision|quadrant")


def _long_operated(reading: Reading) -> List[Cue]:
    """Breast operations dated by a year at least two years before the message's latest year (or this year)."""
    years = [int(found.group()) for found in YEAR.finditer(reading.plain)]
    latest = max(years + [date.today().year])
    found = []
    # (said to be in the past, "had a lumpectomy ... in 2009, long finished", as well as plainly)
    for cue in [c for c in reading.all("SURGERY") if not (c.negated or c.uncertain or c.family or c.planned)]:
        dated = [c for c in reading.near(cue, ["SURGERY_PAST_POST"]) if 0 <= c.start - cue.end <= 5
                 and DATED.fullmatch(c.text.strip())]
        if _BREAST_OPERATIONS.search(cue.text) and (
                dated and int(dated[0].text.strip()[-4:]) <= latest - 2 or _years_ago(reading, cue)):
            found.append(cue)
    return found


_SOME_YEARS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "several": 2, "many": 2, "few": 2}


def _years_ago(reading: Reading, operation: Cue) -> bool:
    """Two or more years ago, said of a treatment in the operation's sentence ("completed NAC 2 years ago, s/p
    lumpectomy and RT", "lumpectomy five years ago")."""
    for ago in reading.near(operation, ["SURGERY_PAST_POST"], "sentence"):
        count = reading.tokens[ago.start - 1].lower() if ago.start else ""
        years = int(count) if count.isdigit() else _SOME_YEARS.get(count, 0)
        if ago.text.lower().startswith(("years", "yrs")) and years >= 2 and (
                reading.within(ago, ["NAC", "TREATMENT_WORD", "SURGERY", "ADJUVANT"], 4, 0)):
            return True
    return False


# ---------------------------------------------------------------- treatment

_CLEAR_MARGINS = re.compile(r"(?i)clear|negative|free|uninvolved")


def _surgery_done(reading: Reading) -> List[Cue]:
    """An operation said to be done ("s/p lumpectomy", "mastectomy in May"); one that adjuvant or endocrine therapy
    comes after is done, even inside that therapy's plan ("starting tamoxifen after L WLE": the plan is the drug)."""
    for cue in reading.live("SURGERY"):
        pre = [c for c in reading.near(cue, ["SURGERY_PAST_PRE"]) if c.end <= cue.start and cue.start - c.end <= 4]
        post = [c for c in reading.near(cue, ["SURGERY_PAST_POST"]) if c.start >= cue.end and c.start - cue.end <= 5]
        if (pre or post) and not _earlier_episode(reading, cue, post):
            return [cue] + pre[:1] + post[:1]
    for cue in reading.all("SURGERY"):
        after = [c for c in reading.all("SURGERY_PAST_PRE")
                 if 0 <= cue.start - c.end <= 2 and c.sentence == cue.sentence]
        therapy = [c for c in reading.all("ADJUVANT", "ENDOCRINE") if 0 <= after[0].start - c.end <= 6] if after else []
        if cue.planned and therapy and not (cue.negated or cue.family or cue.uncertain or cue.historical) \
                and not any(t.lower() in _TO_COME for t in reading.tokens[after[0].end:cue.start]):
            return [cue, after[0]]
    # margins exist only after an excision ("re-excision planned for positive margins"), whatever is planned next;
    # so does a pathological node count beside an operation ("SLNB in July (0/3 nodes)", "pN1 on sentinel node
    # biopsy"): the nodes were removed
    # (clear margins can be a plan's aim, "to be excised with clear margins": they count beside an operation done)
    operated = bool(reading.live("SURGERY", "SURGERY_DONE"))
    margins = [c for c in reading.all("MARGINS") if not (c.negated or c.family or c.historical or c.uncertain)
               and not ((c.planned or not operated) and _CLEAR_MARGINS.search(c.text))]
    removed = [c for c in reading.live("SURGERY")
               if _NODES_REMOVED.search(reading.plain[max(0, c.start_char - 40):c.end_char + 40])]
    done = [c for c in reading.live("SURGERY_DONE")
            if not (_other_operation(reading, c) or _after_it_to_come(reading, c))]
    return done[:1] or margins[:1] or removed[:1]


_TO_COME_WORDS = frozenset({"will", "follow", "planned", "scheduled", "consult", "continue", "booked", "going"})


def _after_it_to_come(reading: Reading, cue: Cue) -> bool:
    """"After surgery" in a sentence about what will come ("radiation oncology consult to follow after surgery",
    "trastuzumab will continue after surgery"): the operation is still ahead."""
    if not cue.text.lower().startswith("after"):
        return False
    start = cue.start
    while start > 0 and cue.start - start < 15 and reading.tokens[start - 1] not in (".", ";", "\n"):
        start -= 1
    return bool(_TO_COME_WORDS & {t.lower() for t in reading.tokens[start:cue.end]})


def _other_operation(reading: Reading, cue: Cue) -> bool:
    """A post-operative state from an operation elsewhere ("post-op day 1 from an unrelated inguinal hernia repair"):
    its clause names another organ, or calls it unrelated, and names no breast or axillary operation."""
    if reading.near(cue, ["SURGERY", "BREAST", "AXILLA"]):
        return False
    return bool(reading.near(cue, ["OTHER_ORGAN"])) or "unrelated" in (
        t.lower() for t in reading.tokens[cue.end:cue.end + _OTHER_OPERATION_REACH])


_OTHER_OPERATION_REACH = 8  # tokens after "post-op" within which "unrelated" names the operation as another


def _adjuvant_given(reading: Reading) -> List[Cue]:
    """Adjuvant chemotherapy or radiotherapy given or completed ("completed adjuvant chemo"): it follows the
    operation, so the operation is done. Not endocrine therapy, not a plan, not the word inside "neoadjuvant"."""
    return [c for c in reading.live("ADJUVANT") if c.text.lower() != "neoadjuvant"
            and not reading.within(c, ["ENDOCRINE"], 0, 2)
            and [d for d in reading.near(c, ["NAC_DONE", "NAC_ONGOING"], "sentence")
                 if not _after_it_to_come(reading, d)]][:1]


def _earlier_episode(reading: Reading, surgery: Cue, dates: List[Cue]) -> bool:
    """An operation dated by its year, with a new cancer told in a later sentence ("R mastectomy 2015 for IDC. Now
    newly diagnosed IDC in the left breast"): the operation of an earlier cancer, not this one's."""
    dated = any(DATED.fullmatch(d.text.strip()) for d in dates)
    later = [c for c in reading.live("NEW_DX", "NEW") if c.sentence > surgery.sentence
             and reading.near(c, ["CANCER"], "sentence")]
    # or told in the sentence of a past cancer, with a current one told apart ("newly diagnosed R IDC ... Her
    # previous L breast cancer (2010) was treated with lumpectomy")
    past = [c for c in reading.all("CANCER") if c.sentence == surgery.sentence and not c.negated
            and (c.historical or treated_in_the_past(reading, c))]
    current = [c for c in _current_cancers(reading) if c.sentence != surgery.sentence]
    return dated and bool(later) or bool(past and current)


# Nodes counted by the pathologist ("0/3 nodes", "2 of 14 lymph nodes") or a pathological N category ("pN1").
_NODES_REMOVED = re.compile(r"(?i)\b\d{1,2}\s*(?:/|of)\s*\d{1,2}\s*(?:\+\s*)?(?:lymph\s+)?(?:nodes?|lns?|sln)\b"
                            r"|\b(?:yp|p)N[0-3]")


# "a neoadjuvant platform study": the name of a trial, not the patient's treatment.
_STUDY = frozenset({"study", "studies", "trial", "trials", "platform", "protocol", "registry"})


def _chemo(reading: Reading) -> List[Cue]:
    """Neoadjuvant chemotherapy cues: not 'adjuvant chemotherapy', not 'neoadjuvant letrozole', not a study."""
    endocrine = reading.all("ENDOCRINE")
    adjuvant = reading.all("ADJUVANT")
    before = reading.all("SIZE_AT_DX")  # "Pre-chemo, no tx started": a time named by the chemotherapy to come
    return [c for c in reading.live("NAC")
            if not inside(c, before)
            and not any(abs(e.start - c.end) <= 3 or abs(c.start - e.end) <= 1 for e in endocrine)
            and not any(a.start <= c.start <= a.end and a.text.lower() != "neoadjuvant" for a in adjuvant)
            and not _STUDY & {t.lower() for t in reading.tokens[c.end:c.end + 2]}
            and not _for_other_cancer(reading, c)]


def _for_other_cancer(reading: Reading, cue: Cue) -> bool:
    """A treatment whose nearest cancer in its sentence is another one ("chemo in 2015 for ovarian cancer",
    "PMH: Hodgkin lymphoma, ABVD"): that cancer's treatment, not this breast cancer's."""
    others = [c for c in reading.all("OTHER_CANCER") if c.sentence == cue.sentence and not c.negated]
    if not others:
        return False
    near = others + [c for c in reading.near(cue, ["CANCER"], "sentence") if not inside(c, others)]
    nearest = min(near, key=lambda c: min(abs(c.start - cue.end), abs(cue.start - c.end)))
    return nearest.label == "OTHER_CANCER"


_PROCEDURES = frozenset({"port", "portacath", "port-a-cath", "picc", "line", "placement", "insertion", "biopsy", "bx",
                         "clip", "marker", "aspiration", "fna", "excision", "echo", "echocardiogram"})


def _done_of_procedure(reading: Reading, done: Cue) -> bool:
    """'s/p port placement, chemo starts Monday': what is done is the procedure named right after it, not the
    chemotherapy (not one after a comma: "NAC complete, clip in the biopsied node")."""
    after = takewhile(lambda t: t not in (",", ";", ".", ":"), reading.tokens[done.end:done.end + 3])
    return bool(_PROCEDURES & {t.lower() for t in after})


def nac_status(reading: Reading) -> tuple:
    """(status, cues): 'neoadjuvant_ongoing' | 'neoadjuvant_completed' | 'unclear' | None."""
    return reading.cached("nac", lambda: _nac_status(reading))


def _cycles(reading: Reading) -> Optional[bool]:
    """'4 of 6 cycles' -> False (not finished), '6/6 cycles' -> True."""
    for cue in reading.live("CYCLES_FRACTION"):
        found = _CYCLES.search(cue.text)
        if found and 0 < int(found.group(1)) <= int(found.group(2)) <= 12:
            return int(found.group(1)) == int(found.group(2))
    return None


# A count of cycles with no total ("2 cycles of AC"); fewer than a full course (4 or more) says only how far she is.
_CYCLE_COUNT = re.compile(r"(?i)(?<![/\d])\b([1-3])\s*(?:x\s*)?(?:cycles?|rounds?|courses?|doses?|infusions?)\b"
                          r"(?!\s*(?:of|/)\s*\d)")


_PRE_OP = re.compile(r"(?i)(?:pre-?op(?:erative)?|presurgical)$")  # "on pre-op tamoxifen"
# words that say a drug is being taken ("started tamoxifen", "on anastrozole", "has been taking letrozole")
_TAKING = frozenset({"on", "started", "commenced", "began", "begun", "taking", "takes", "receiving", "currently"})
_RADIOTHERAPY = re.compile(r"(?i)^(?:radi|irradiat)|rt$")  # "radiotherapy", "whole-breast RT", "PMRT", "XRT"


def _radiotherapy_under_way(reading: Reading) -> List[Cue]:
    """Radiotherapy still being given: it ends later ("radiation finishes next week") or has fractions to go ("15
    of 25 fractions given"); radiotherapy follows the operation, so the cancer is current, under treatment."""
    found = []
    for cue in reading.live("ADJUVANT") + reading.live("TREATMENT_WORD"):
        if not _RADIOTHERAPY.search(cue.text):
            continue
        counts = [_CYCLES.search(c.text) for c in reading.near(cue, ["CYCLES_FRACTION"], "sentence")]
        if reading.near(cue, ["NAC_ONGOING"], "clause") or any(
                m and 0 < int(m.group(1)) < int(m.group(2)) for m in counts):
            found.append(cue)
    return found


# A later cycle named by its order alone ("completed the 5th cycle"): how far she is, not that the course is over.
_LATER_CYCLE = re.compile(r"(?i)\b(?:[4-9]|1[0-2])th\s+(?:(?:neoadjuvant|nac|chemo(?:therapy)?)\s+)?"
                          r"(?:cycle|course|round|infusion)\b(?!\s*(?:of|/|out\s+of)\s*\d)")
# A cycle named by its number as given ("finished cycle 2 of neoadjuvant chemo", "cycle 3 completed"), and the
# course's length where it is told ("TCHP for 6 cycles", "6 cycles planned")
_NUMBERED_CYCLE_DONE = re.compile(
    r"(?i)\b(?:completed?|finished|had|received|done\s+with|through)\s+(?:her\s+|the\s+)?(?:cycle|course|round)\s*"
    r"#?\s*(\d{1,2})\b(?!\s*(?:of|/|out\s+of)\s*\d)"
    r"|\b(?:cycle|course|round)\s*#?\s*(\d{1,2})\s+(?:was\s+|is\s+|has\s+been\s+)?(?:completed|finished|done|given)\b")
_COURSE_LENGTH = re.compile(r"(?i)\b(\d{1,2})\s+(?:planned\s+)?(?:cycles|courses|rounds)\b"
                            r"(?!\s+(?:so\s+far|to\s+date))")


def _numbered_cycles_done(reading: Reading) -> Tuple[List[int], List[int]]:
    """(the numbered cycles said to be done, the course lengths told of 4 cycles or more)."""
    done = [int(m.group(1) or m.group(2)) for m in _NUMBERED_CYCLE_DONE.finditer(reading.plain)]
    return done, [int(m.group(1)) for m in _COURSE_LENGTH.finditer(reading.plain) if int(m.group(1)) >= 4]


def _numbered_cycle_so_far(reading: Reading) -> bool:
    """A numbered cycle said to be done, short of the course's told length (or with no length told): how far she is
    ("completed cycle 2 of neoadjuvant chemo"); not the last one ("TCHP for 6 cycles ... cycle 6 was given")."""
    done, lengths = _numbered_cycles_done(reading)
    return any(not lengths or n < max(lengths) for n in done)


_EARLY_CYCLE = 3  # no course of neoadjuvant chemotherapy is this short (a full one is 4-8 cycles)


def _early_cycle_done(reading: Reading) -> bool:
    """Only an early numbered cycle said to be done ("had cycle 1 last week", "completed cycle 2"): chemotherapy is
    under way; a later one may be the course's last, and is asked."""
    done, lengths = _numbered_cycles_done(reading)
    return bool(done) and all(n <= _EARLY_CYCLE and (not lengths or n < max(lengths)) for n in done)


def _few_cycles(reading: Reading) -> bool:
    return bool(_CYCLE_COUNT.search(reading.plain) or _LATER_CYCLE.search(reading.plain)) \
        or _numbered_cycle_so_far(reading)


# What says only that a treatment was given, not that its course is over ("she's had 4 rounds"; not "completed").
_GIVEN = frozenset({"had", "has had", "received"})


def _counted_so_far(reading: Reading, done: List[Cue]) -> bool:
    """Cycles counted without their total, said only to have been given ("she's had 4 rounds of chemo"): how far
    she is, not that chemotherapy is over (a full course is often 6-8 cycles)."""
    return bool(reading.live("CYCLE_COUNT")) and all(c.text.lower() in _GIVEN for c in done)


_LISTS = frozenset({"list", "waiting", "schedule", "rota", "books"})


def _on_a_list(reading: Reading, cue: Cue) -> bool:
    """"she's on the list for surgery": on a waiting list, not on chemotherapy."""
    return bool(_LISTS & {t.lower() for t in reading.tokens[cue.end:cue.end + 3]})


# Chemotherapy still under way whatever word of completion it uses: "will complete NAC on Friday", "due to finish
# next week", "nearly completed", "last cycle tomorrow", "the first half of", "the taxane part still to go".
_UNDER_WAY = re.compile(
    r"(?i)\b(?:will|due\s+to|going\s+to|about\s+to|set\s+to)\s+(?:complete|finish)\b"
    r"|\b(?:nearly|almost)\s+(?:complete[ds]?|finished|done|through)\b"
    r"|\b(?:first|second)\s+half\s+of\b|\bhalf\s*-?\s*way\b"
    r"|\blast\s+(?:cycle|dose|infusion|treatment)\s+(?:is\s+)?(?:tomorrow|next|on|due|scheduled|booked)\b"
    r"|\b(?:still\s+to\s+(?:go|come)|yet\s+to\s+(?:start|begin|come|complete|finish|be\s+completed))\b"
    r"|\bcycle\s*\d{1,2}\s+(?:is\s+)?(?:next|tomorrow|due|booked|scheduled)\b"
    # "not yet finished", "is not done with", "in progress", "half of her planned chemotherapy", "planned and started",
    # "completed the anthracycline phase", "final cycle of neoadjuvant TCHP scheduled next week"
    r"|(?:\bnot|n['’]t)\s+(?:yet\s+)?(?:finished|completed?|done\s+with|through(?:\s+with)?|over)\b"
    r"|\b(?:in\s+progress|under\s?way)\b|\bhalf\s+(?:of\s+)?(?:her\s+|the\s+)?(?:planned\s+)?(?:course|cycles|chemo|"
    r"treatment|regimen|neoadjuvant)|\bplanned\s+and\s+(?:started|begun|commenced|initiated)\b"
    r"|\b(?:anthracycline|ac|ec|fec|first|initial)\s+(?:phase|part|portion|component|block|segment)\b"
    r"|\b\d{1,2}\s+(?:more\s+)?(?:cycles?|doses?|rounds?|infusions?)\s+(?:left|remaining|to\s+go)\b"
    r"|\b(?:\d{1,2}|one|two|three|four|five|six)\s+more\s+(?:planned|scheduled|due|to\s+come|to\s+go|left|remaining)\b"
    r"|\b(?:just|recently)\s+(?:began|begun|started|commenced|initiated)\b"
    r"|\b(?:chemo\w*|nac|cycles?|treatment)\s+(?:is\s+|will\s+)?(?:to\s+)?(?:resume[sd]?|resuming|restart(?:s|ed|ing)?)\b"
    r"|\b(?:has|have|gets?|is\s+getting)\s+(?:her\s+|the\s+)?(?:last|final)\s+(?:[\w-]+\s+){0,2}?(?:next|tomorrow|on\s+\w+day)\b"
    r"|\b(?:taxane|paclitaxel|docetaxel|taxol|second|next)\s+(?:phase|part|half|block)\s+(?:is\s+)?(?:next|to\s+follow"
    r"|to\s+come|pending|planned|due)\b|\bfirst\s+\d{1,2}\s+(?:cycles|doses|rounds|courses|infusions)\b"
    r"|\b(?:last|final)\s+(?:[\w-]+\s+){0,4}?(?:cycle|dose|infusion|treatment)(?:\s+of(?:\s+[\w-]+){1,3}?)?\s+(?:is\s+)?"
    r"(?:tomorrow|next|due|scheduled|booked"
    r"|planned)\b")
# An anthracycline part counted as done with no taxane named ("post 4 cycles of AC"): a taxane usually follows, so
# whether chemotherapy is finished is asked
# (not an identifier's letters: "#EC-20472")
_ANTHRACYCLINE_ONLY = re.compile(r"(?i)(?<!#)\b(?:dd)?(?:AC|EC|FEC)\b(?![- ]?T\b)(?![-#]?\d{3})")
_TAXANE = re.compile(r"(?i)taxel|taxol|taxotere|\b(?:dd)?(?:AC|EC|FEC)[- ]?T\b|\bT[CH]{1,2}P?\b"
                     r"|(?:\+|\band|\bthen|\bfollowed\s+by|→|->|>)\s*(?:\d{1,2}\s*(?:x\s*)?)?(?:wkly|weekly)?\s*T\b")


# The next part of the course begun ("finished 4 cycles AC, weekly paclitaxel started last week"): chemotherapy is
# under way, whatever part of it is finished
_NEXT_PART_STARTED = re.compile(
    r"(?i)\b(?:paclitaxel|docetaxel|taxol|taxotere|taxanes?|T|TC|TCH|TCHP|TH|THP)\s+(?:was\s+|has\s+been\s+|were\s+)?"
    r"(?:started|begun|began|commenced|initiated|under\s?way)\b"
    r"|(?<!not\s)(?<!n't\s)(?<!n’t\s)(?<!never\s)\b(?:started|began|begun|commenced|initiated|switched\s+to|moved\s+on\s+to)"
    r"\s+(?:on\s+)?(?:(?:weekly|wkly|\d{1,2}\s*x)\s+)?(?:paclitaxel|docetaxel|taxol|taxotere|taxanes?)\b")
_ANTI_HER2 = re.compile(r"(?i)trastuzumab|pertuzumab|herceptin|perjeta|phesgo|kadcyla|t-?dm-?1|^HP$")


def _anthracycline_part(reading: Reading) -> bool:
    return bool(_ANTHRACYCLINE_ONLY.search(reading.plain)) and not _TAXANE.search(reading.plain)


# cycles given out of a course planned ("planned for 6 cycles; she's had 3", "planned 8 cycles, 4 given")
_PLANNED_COURSE = re.compile(r"(?i)\bplanned\s+(?:for\s+)?(\d{1,2})\s+(?:cycles|doses|rounds|courses|infusions)\b"
                             r"|\b(\d{1,2})\s+(?:cycles|doses|rounds|courses|infusions)\s+(?:were\s+|are\s+)?planned\b")
_GIVEN_SO_FAR = re.compile(r"(?i)\b(?:had|received|given|completed|done)\s+(\d{1,2})\b"
                           r"(?!\s*(?:cm|mm|weeks?|days?|months?))"
                           r"|\b(\d{1,2})\s+(?:given|done|received|completed|administered)\b")


def _given_of_planned(reading: Reading) -> bool:
    """Fewer cycles said given than the course planned."""
    planned = [int(m.group(1) or m.group(2)) for m in _PLANNED_COURSE.finditer(reading.plain)]
    given = [int(m.group(1) or m.group(2)) for m in _GIVEN_SO_FAR.finditer(reading.plain)]
    return bool(planned and given) and max(given) < max(planned)


def _under_way(reading: Reading) -> List[Cue]:
    chemo = [c for c in reading.all("NAC") if not (c.negated or c.family or c.historical)]
    return chemo[:1] if chemo and (_UNDER_WAY.search(reading.plain) or _given_of_planned(reading)) else []


# the last cycle given on a day to come ("last cycle of neoadjuvant chemo is tomorrow", "final dose due next week")
_GIVEN_LATER = re.compile(r"(?i)^(?:\S+\s+){0,5}?(?:is|are|will\s+be|due|scheduled|planned|booked)\s+(?:for\s+|on\s+)?"
                      r"(?:tomorrow|tmrw|later\s+today|next\s+\w+|on\s+\w+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                      r"in\s+(?:a|one|two|three|\d{1,2})\s+(?:days?|weeks?|wks?))\b")


def _still_to_come(reading: Reading, cue: Cue) -> bool:
    """A last or final cycle said to be given on a day to come: not yet given."""
    after = list(takewhile(lambda t: t not in (";", ".", ",", ":", "\n"), reading.tokens[cue.end:cue.end + 12]))
    return cue.text.lower().startswith(("last", "final")) and bool(_GIVEN_LATER.search(" ".join(after)))


# cycles still to be given before the operation ("two more cycles, then surgery", "3 remaining")
_MORE_TO_GIVE = re.compile(r"(?i)\b(?:more|remaining|further|another|outstanding)\s+"
                           r"(?:\d{1,2}\s+|one\s+|two\s+|three\s+)?"
                           r"(?:cycles?|rounds?|doses?|infusions?|courses?|weeks?)\b|\b\d{1,2}\s+(?:cycles?|rounds?)\s+"
                           r"(?:left|remaining|to\s+go)\b|\bto\s+go\b")


def _operation_next(reading: Reading) -> List[Cue]:
    """The operation planned as the next step ("surgery next week", "mastectomy scheduled"), with no cycles said to
    remain: neoadjuvant chemotherapy is given whole before the operation, so a course given or counted is over."""
    if _MORE_TO_GIVE.search(reading.plain):
        return []
    return [c for c in reading.all("SURGERY", "SURGERY_GENERIC")
            if c.planned and not (c.negated or c.family or c.uncertain)]


_ADMINISTERED = frozenset({"given", "administered", "delivered", "received"})  # "chemotherapy was given"


def _nac_status(reading: Reading) -> tuple:
    under_way = _under_way(reading)
    if under_way:
        return "neoadjuvant_ongoing", under_way
    # not the regimen named inside a statement that nothing is given yet ("cycle 1 of AC-T is due Monday")
    chemo = [c for c in _chemo(reading) if not inside(c, reading.live("NO_TREATMENT"))]
    ongoing: List[Cue] = []
    done: List[Cue] = []
    weak: List[Cue] = []
    for cue in chemo:
        ongoing += [c for c in reading.near(cue, ["NAC_ONGOING"], "sentence") if not _on_a_list(reading, c)]
        done += [c for c in reading.near(cue, ["NAC_DONE"], "sentence")
                 if not (c.negated or c.planned or _done_of_procedure(reading, c) or _still_to_come(reading, c))]
        # "Feb-Jun neoadjuvant ddAC-T; Jun 30 last dose": a timeline's next entry, the last dose of the chemotherapy
        done += [c for c in reading.all("NAC_DONE") if c.sentence == cue.sentence + 1 and _LAST_DOSE.search(c.text)
                 and not (c.negated or c.planned)
                 and not reading.near(c, ["NAC", "TREATMENT_WORD", "SURGERY", "SURGERY_GENERIC"], "sentence")]
        weak += reading.near(cue, ["NAC_ONGOING_WEAK"], "sentence")
    operation = _operation_next(reading)
    # "surgery next week": the week is the operation's
    weak = [w for w in weak if not any(o.clause == w.clause and o.end <= w.start for o in operation)]
    cycles = _cycles(reading) if chemo or reading.live("CYCLES_FRACTION") else None
    fraction = reading.live("CYCLES_FRACTION")[:1]
    # "finished AC, starting paclitaxel"; not an anti-HER2 antibody kept up after chemotherapy ("completed TCHP; will
    # continue trastuzumab to complete a year"), which is given for a year whatever the surgery
    # (nor a trial's setting: "not eligible for the post-neoadjuvant study")
    next_regimen = any(c.planned and not (c.negated or c.family or _ANTI_HER2.search(c.text)
                                          or c.text.lower().startswith(("neoadjuvant", "neo-adjuvant")))
                       for c in reading.all("NAC")) or bool(_NEXT_PART_STARTED.search(reading.plain))
    if cycles is False:
        return "neoadjuvant_ongoing", chemo[:1] + fraction
    if cycles is True and chemo and not next_regimen:  # "4 of 4 cycles of AC, starting paclitaxel next week"
        return "neoadjuvant_completed", chemo[:1] + fraction
    if ongoing or (done and next_regimen):
        return "neoadjuvant_ongoing", chemo[:1] + (ongoing or done)[:1]
    if done and _early_cycle_done(reading):
        return "neoadjuvant_ongoing", chemo[:1] + done[:1]
    given = done or reading.live("CYCLE_COUNT") or [c for c in chemo if _ADMINISTERED & {
        t.lower() for t in reading.tokens[c.end:c.end + 3]}]
    if given and operation and not weak and not _few_cycles(reading):
        return "neoadjuvant_completed", chemo[:1] + operation[:1]  # "had 4 rounds of chemo, surgery next month"
    if done and (_few_cycles(reading) or _anthracycline_part(reading) or _counted_so_far(reading, done)):
        return "unclear", chemo[:1]  # "s/p 2 cycles of ddAC": the cycles so far, not the whole course
    if done:
        return "neoadjuvant_completed", chemo[:1] + done[:1]
    if weak:
        return "neoadjuvant_ongoing", chemo[:1] + weak[:1]
    if not chemo:
        # "still on cycle 3", "3 cycles so far" without the therapy's name: some treatment is under way, which one is
        # asked
        cycle = [c for c in reading.live("NAC_ONGOING") if "cycle" in c.text.lower()] + reading.live("CYCLE_COUNT")
        counted = [c for c in reading.live("CYCLE_COUNT") if not _few_cycles(reading)]
        if counted and operation and not reading.live("NAC_ONGOING"):
            return "neoadjuvant_completed", counted[:1] + operation[:1]  # "after 6 cycles, surgery next week"
        return ("unclear", cycle[:1]) if cycle else (None, [])
    return "unclear", chemo[:1]


# Chemotherapy said to be over without its name, in a case on it ("finished all of it, surgery next week", "all
# done now"): read against the case's ongoing chemotherapy (extract's context)
_FINISHED_IT = re.compile(r"(?i)(?<!not\s)(?<!n't\s)\b(?:finished|completed|done\s+with|through\s+with)\s+"
                          r"(?:all\s+(?:of\s+)?)?(?:it|them|everything|the\s+lot|the\s+course|the\s+whole\s+thing)\b"
                          r"|\ball\s+(?:done|finished|complete|completed|over)\b")


def finished_it(reading: Reading) -> List[Cue]:
    """The words that say the case's treatment is over, naming none ("finished all of it"), in a message that names
    no cycle count (how far she is) nor an operation done; [] otherwise."""
    found = _FINISHED_IT.search(reading.plain)
    if found is None or _few_cycles(reading) or reading.live("SURGERY_DONE"):
        return []
    return [c for c in reading.cues if found.start() <= c.start_char < found.end()][:1]


def treatment(reading: Reading, facts: Facts) -> Read:
    """Where the patient is in treatment; the surgery of an earlier cancer does not count for a recurrence."""
    if facts.get("cancer_history"):
        return NOTHING  # the surgery and chemotherapy of a past cancer are its history
    surgery = _surgery_done(reading) or _adjuvant_given(reading)
    untreated = reading.live("NO_TREATMENT")
    if facts.get("diagnosis") != "local_recurrence" and surgery:
        if corrected_of(reading, list(surgery), untreated) is untreated:
            return Read("none", tuple(untreated[:1]))  # "s/p lumpectomy - no wait, only scheduled, untreated"
        return Read("post_surgery", tuple(surgery))
    nac, cues = nac_status(reading)
    if facts.get("diagnosis") == "local_recurrence" and nac != "neoadjuvant_ongoing":
        nac, cues = None, []  # the first cancer's chemotherapy
    # "untreated" under a PLAN: heading is still untreated: a statement of no treatment cannot be a plan
    none = [c for c in reading.all("NO_TREATMENT", "BEFORE_SURGERY") if not (c.negated or c.family or c.uncertain)]
    stated = [c for c in none if c.label == "NO_TREATMENT"]  # "before surgery" also follows chemotherapy
    if nac == "unclear" and stated:
        return Read("none", tuple(stated[:1]))  # "not started; MDT outcome: NAC": the chemotherapy is the plan
    if nac == "unclear":
        return NOTHING  # said to be on or after chemotherapy, but not which: never assume "no treatment"
    if nac:
        # "pre-treatment core biopsy", "baseline MRI", "the pre-treatment nodal assessment": when a study or an exam
        # was done, not that nothing has started
        conflict = any(not reading.within(c, _MEASURED_BEFORE, 0, 3) and not _timepoint(reading, c)
                       for c in reading.live("NO_TREATMENT")) or any(  # "Treatment: none given yet"
            c.negated and not (c.uncertain or c.family) and reading.tokens[c.end:c.end + 1] == [":"]
            and not inside(c, reading.all("SURGERY_GENERIC"))  # "Chemo: done. Surgery: not yet": the operation next
            for c in reading.all("TREATMENT_WORD"))
        # "untreated. Update: she actually started NAC last week": the status a correction gives stands
        fixed = corrected_of(reading, untreated, list(cues)) if conflict else None
        if fixed is not None:
            return Read(nac, tuple(cues)) if fixed is not untreated else Read("none", tuple(untreated[:1]))
        sequel = _sequel_operation(reading) if nac == "neoadjuvant_completed" else []
        if sequel and not conflict:
            return Read(residue=tuple(sequel[:1]))  # "completed NAC followed by mastectomy": done, or to come?
        systemic = [c for c in reading.live("NAC") if _SYSTEMIC.search(c.text)]
        if nac == "neoadjuvant_completed" and systemic and len(systemic) == len(reading.live("NAC")):
            # "post-NST", "primary systemic therapy completed": chemotherapy (rows 8-9) or endocrine therapy (no
            # row), the words do not say: asked
            return Read(residue=tuple(systemic[:1]))
        return Read(nac, tuple(cues), conflict=conflict)
    # (an operation not yet done says nothing of a treatment said given: "Systemic therapy: completed. Operation: not
    # yet")
    operation = reading.all("SURGERY_GENERIC")
    given = [c for c in reading.live("TREATMENT_WORD", "TREATMENT_GIVEN") if not inside(c, operation)]
    none += [c for c in reading.all("TREATMENT_WORD", "NAC") if c.negated and not c.uncertain
             and not (given and inside(c, operation))]
    if none:
        return Read("none", tuple(none[:1]))
    # "not sure whether she has started chemo": asked, not assumed
    doubted = [c for c in reading.all("TREATMENT_WORD", "NAC") if c.uncertain and not (c.family or c.planned)]
    if doubted and facts.get("diagnosis") != "none_known":  # (no cancer known: no treatment of it to doubt)
        return Read(residue=tuple(doubted[:1]))
    return Read(residue=tuple((_unplaced_surgery(reading, facts) or _treatment_given(reading, facts)
                               or _dated_before_operation(reading, facts))[:1]))


# "at diagnosis" in so many words: not "initial(ly)", which names a first study ("initial imaging") as often as a time
_AT_DIAGNOSIS = re.compile(r"(?i)\b(?:at|on|when)\b.*\b(?:diagnos\w*|dx|presentation)\b")
_DATED_FINDINGS = ["SIZE", "NSTAGE", "TNM", "NODE_NEG", "NODE_POS", "EXAM"]


def _dated_before_operation(reading: Reading, facts: Facts) -> List[Cue]:
    """A finding dated at diagnosis ("cN0 at dx", "3 cm at presentation") in a new cancer whose operation is still to
    come, and not a word of treatment: the date says time has passed since, in which chemotherapy may have been given
    (rows 7-9), so what has been given is asked rather than assumed to be nothing. Not "Age at diagnosis", nor in a
    cancer also called new ("Newly diagnosed L IDC ... US (done at diagnosis)")."""
    if facts.get("diagnosis") not in (None, "new_primary") or not any(
            c.planned for c in reading.all("SURGERY", "SURGERY_GENERIC")):
        return []
    dated = [c for c in reading.all("SIZE_AT_DX") if _AT_DIAGNOSIS.search(c.text) and not c.negated
             and reading.near(c, _DATED_FINDINGS, "sentence")]
    return [] if any(not inside(n, dated) for n in reading.live("NEW")) else dated


def _treatment_given(reading: Reading, facts: Facts) -> List[Cue]:
    """Words that say some treatment was given or is under way without saying which ("s/p excision", "last infusion
    2 weeks ago", "on pembro"), in a new cancer whose treatment no reader placed: asked, never assumed not to have
    started (the assumption of no treatment is for a message with no word of treatment)."""
    if facts.get("diagnosis") not in (None, "new_primary"):
        return []
    # not in a sentence of a past cancer ("her previous cancer (2010, 1.5 cm) was treated with lumpectomy")
    past = {c.sentence for c in reading.all(*_PAST_CANCER) if c.historical}
    risk_reducing = reading.all("RISK_REDUCING_SURGERY")
    return [c for c in reading.all("TREATMENT_GIVEN", "CYCLES_FRACTION")
            if not (c.negated or c.planned or c.family or c.uncertain or c.sentence in past)
            and not any(r.start < c.end and c.start < r.end for r in risk_reducing)]


_PAST_CANCER = ("CANCER", "DCIS", "OTHER_CANCER", "TUMOR", "SIZE", "RECURRENCE")


_LAST_DOSE = re.compile(r"(?i)\b(?:last|final)\s+(?:dose|cycle|infusion)\b")
# systemic therapy named without its kind: chemotherapy or endocrine therapy
_SYSTEMIC = re.compile(r"(?i)\bsystemic\b|\b(?:[np]st|nast|nat)\b")
_BEFORE_WORDS = ("before", "prior", "pre")
# what "pre-treatment" may name the time of ("pre-treatment core biopsy", "pre-treatment size 2.5 cm", "pre-treatment
# cN0"): a study, an exam or a measure, not the treatment status
_MEASURED_BEFORE = ["BIOPSY", "MODALITY_MUS", "MODALITY_OTHER", "NODE", "EXAM", "AXILLA", "SIZE", "SIZE_WORD", "NSTAGE",
                    "TNM"]


def _timepoint(reading: Reading, cue: Cue) -> bool:
    """"Before treatment" said of a finding ("a palpable node before treatment", "cN1 prior to treatment", "3 cm
    pre-treatment", "node negative on exam before starting"): when the finding was made, not that nothing has been
    given since."""
    return cue.text.lower().startswith(_BEFORE_WORDS) and any(
        c.end <= cue.start and cue.start - c.end <= 2 and not c.negated
        for c in reading.near(cue, ["NODE", "NSTAGE", "SIZE", "TUMOR", "CANCER", "AXILLA", "EXAM", "PALPABLE",
                                    "NODE_NEG"]))


_IN_THE = frozenset({"in", "of", "the", "her", "left", "right", "l", "r", "lt", "rt"})


def _a_breast_s(reading: Reading, lump: Cue) -> bool:
    """A lump named as the breast's ("L breast lump", "a lump in the right breast"), not the axilla's."""
    return not axillary(reading, lump) and any(
        b.end == lump.start or (lump.end <= b.start <= lump.end + 3
                                and all(t.lower() in _IN_THE for t in reading.tokens[lump.end:b.start]))
        for b in reading.all("BREAST"))


def _glossed_site(reading: Reading, cue: Cue) -> bool:
    """A site named before a bracketed gloss of it ("cervical (neck) node"): the bracket ends a clause, not the
    node's name."""
    start = reading.tokens[max(0, cue.start - 5):cue.start]
    return start[-1:] == [")"] and "(" in start and any(
        o.sentence == cue.sentence and 0 <= cue.start - o.end <= 5 and "(" in reading.tokens[o.end:cue.start]
        for o in reading.all("OTHER_ORGAN"))


# Words before an operation that make it one to come ("listed for WLE", "before SLNB", "straight to SLNB").
_TO_COME = frozenset({"for", "before", "prior", "pre", "to", "then", "awaiting", "planned", "booked", "scheduled"})


_SEQUEL = frozenset({"then", "followed", "subsequently", "afterwards"})


def _sequel_operation(reading: Reading) -> List[Cue]:
    """An operation told as what followed a completed treatment ("completed NAC followed by mastectomy", "and then
    mastectomy"), not dated, planned or asked about: whether it has happened is not said."""
    return [c for c in reading.live("SURGERY") if reading.near(c, ["NAC_DONE"], "sentence")
            and _SEQUEL & {t.lower() for t in reading.tokens[max(0, c.start - 3):c.start]}
            and not reading.near(c, ["QUESTION_WORD", "SURGERY_PAST_POST", "SURGERY_PAST_PRE"], "sentence")
            and not any(t.lower() in _TO_COME - _SEQUEL for t in reading.tokens[max(0, c.start - 3):c.start])]


def _unplaced_surgery(reading: Reading, facts: Facts) -> List[Cue]:
    """An operation for a new cancer named as a fact but not placed in time ("right mastectomy and sentinel node
    biopsy"): done or to come decides the variant, so it is asked, never assumed not to have happened. Not an
    operation to come, asked about, dated (an earlier cancer's), or a place ("lumpectomy scar")."""
    if facts.get("diagnosis") not in (None, "new_primary"):
        return []
    return [c for c in reading.live("SURGERY")
            if not any(t.lower() in _TO_COME for t in reading.tokens[max(0, c.start - 3):c.start])
            and not reading.near(c, ["QUESTION_WORD", "BREAST", "SURGERY_PAST_POST", "RECURRENCE"], "sentence")]


def neoadjuvant_unclear(reading: Reading, facts: Facts) -> Read:
    """Chemotherapy named without saying where it stands; not in the story of a past cancer whose treatment is over
    ("breast cancer 2015 treated with NAC, mastectomy, RT; completed 2016")."""
    nac, cues = nac_status(reading)
    if facts.get("treatment") is not None or nac != "unclear" or facts.get("cancer_history"):
        return NOTHING
    return Read(True, tuple(cues))


def new_lump_during(reading: Reading, facts: Facts) -> Read:
    """A new axillary lump while on neoadjuvant chemotherapy ("no new lumps" -> False)."""
    if facts.get("treatment") != "neoadjuvant_ongoing":
        return NOTHING
    new = [m for m in mentions(reading) if m.new]
    found = [m for m in new if m.positive]
    # row 7 is a new lump that is felt; a new node seen only on imaging ("interval US: new suspicious node,
    # nothing palpable") is response monitoring, which is asked about or out of this topic
    felt = [m for m in found if m.palpable or m.is_lump]
    if found and not felt:
        return Read(residue=(found[0].cue,))
    found = felt
    own = [m for m in found if not (contralateral(reading, m) or _elsewhere_than_its_axilla(reading, m))]
    if found and not own:
        # a new lump in the other axilla or above the clavicle: not row 7's lump (the cancer's own axilla): asked
        return Read(residue=(found[0].cue,))
    if own:
        return Read(True, own[0].cues)
    negated = [m for m in new if m.negated]
    return Read(False, (negated[0].cue,)) if negated else NOTHING


def _elsewhere_than_its_axilla(reading: Reading, m: NodeMention) -> bool:
    """A node called the other side's ("in the opposite axilla", "other armpit"), with or without the cancer's side,
    or one beyond the axilla ("supraclavicular", "in the SCF", "internal mammary")."""
    named = any(-5 <= c.start - m.cue.start <= 3 for c in reading.near(m.cue, ["CONTRALATERAL"], "sentence"))
    return named or any(beyond_axilla(a) for a in reading.near(m.cue, ["AXILLA"]))


# ---------------------------------------------------------------- scope

def _distant_words(reading: Reading, cue: Cue) -> tuple:
    """(is the metastasis distant?, the site cues): a named distant site or word, not a node in the axilla."""
    text = cue.text.lower()
    # the site may be the line before ("MRI spine: T10 lesion. / CT-guided biopsy: metastatic breast carcinoma")
    sites = reading.near(cue, ["DISTANT_SITE"], "sentence") or [
        s for s in reading.all("DISTANT_SITE") if cue.sentence - 2 <= s.sentence < cue.sentence
        and not (s.negated or s.family)]
    nodal = reading.near(cue, ["NODE", "AXILLA"])
    if cue.uncertain and cue.text.lower().startswith(("mets", "metast")) and not sites:
        # "L axillary LN 2.1 cm, hilum effaced, ?mets": the node's query, in the node's sentence
        nodal = nodal or reading.near(cue, ["NODE", "AXILLA"], "sentence")
    # the words that make it distant disease by themselves ("de novo metastatic", "malignant pleural effusion")
    named = any(w in text for w in ("stage", "disease", "breast cancer", "mets", "oligo", "de novo", "widely",
                                    "disseminated", "effusion", "mening", "carcinomatosis", "mbc",
                                    # compounds name the site (German "Lebermetastasen", "Fernmetastasen";
                                    # Swedish and Dutch "levermetastaser", "skelettmetastaser", "botmetastasen")
                                    "leber", "knochen", "lung", "hirn", "fern", "lever", "skelet", "hjärn",
                                    "hersen", "bot", "skjelett"))
    # "liver metastases", "mets to bone": a site that names the metastasis itself, whatever node the clause names
    own_site = bool(reading.within(cue, ["DISTANT_SITE"], 2, 2))
    return "distant" in text or own_site or bool((named or sites) and not nodal), sites


def _m0_field(reading: Reading, cue: Cue) -> bool:
    """A field of distant metastasis whose value is the M0 category ("Distant metastasis: cM0", "mets - M0")."""
    after = [t for t in reading.tokens[cue.end:cue.end + 3] if t not in (":", "-", "=")]
    return bool(after) and re.fullmatch(r"(?i)[cp]?M0", after[0]) is not None


def distant_metastases(reading: Reading, facts: Facts) -> Read:
    """Known distant metastatic disease (a nodal 'metastatic carcinoma' is not distant); a possible one is asked."""
    possible: List[Cue] = []
    for cue in reading.all("METASTASIS"):
        if cue.family or cue.historical or reading.in_differential(cue) or reading.supposed(cue):
            continue  # (nor "what if she had distant metastases?")
        distant, sites = _distant_words(reading, cue)
        if distant and _m0_field(reading, cue):
            return Read(False, (cue,))  # "Distant metastasis: cM0"
        if distant and cue.negated:
            return Read(False, (cue,))
        if distant and cue.uncertain:
            possible.append(cue)
        elif distant:
            return Read(True, (cue,) + tuple(sites[:1]))
    distant = [c for c in reading.live("RECURRENCE") if _distant(reading, c)]  # a distant recurrence
    proven = distant or contralateral_proven(reading)
    if proven:
        return Read(True, tuple(proven[:1]))
    cues, m = tnm(reading).m
    if m:
        return Read(True, tuple(cues))
    # "?liver mets", "indeterminate lung nodule": a possible distant lesion is asked about, never assumed away; beside
    # a current breast cancer any lesion in a distant organ may be distant disease ("FDG-avid ... liver lesions"),
    # unless called benign ("liver lesion, benign")
    current = bool(facts.get("cancer_named")) or facts.get("diagnosis") in ("new_primary", "local_recurrence")
    possible += [c for c in reading.all("DISTANT_SITE") if not (c.family or c.negated or c.historical)
                 and any((x.uncertain or current) and not (x.negated or x.family)
                         for x in reading.within(c, ["LUMP", "TUMOR", "NODE"], 8, 3))  # "lesion in the liver"
                 and not _called_benign(reading, c)]
    return Read(residue=tuple(possible[:1])) if possible else NOTHING


def _grades_a_node(reading: Reading, category: Cue) -> bool:
    """A BI-RADS category whose line last named a node or the axilla ("Left axilla: 23 mm node ... BI-RADS 4"): the
    node's grade, which makes no breast cancer."""
    line_start = reading.plain.rfind("\n", 0, category.start_char) + 1
    before = [c for c in reading.all("NODE", "AXILLA", "BREAST", "LUMP", "CANCER", "TUMOR")
              if line_start <= c.start_char and c.end <= category.start]
    return bool(before) and max(before, key=lambda c: c.start).label in ("NODE", "AXILLA")


def _biopsy_showed(reading: Reading) -> bool:
    """A biopsy done whose sentence names a histology ("punch-biopsied last Friday and shows IDC"): a tissue
    diagnosis, whatever confirmation is still spoken of."""
    return any(reading.near(b, ["CANCER"], "sentence") and any(
        _HISTOLOGY.search(c.text) and not (c.negated or c.uncertain) for c in reading.near(b, ["CANCER"], "sentence"))
        for b in reading.live("BIOPSY"))


def _breast_mass(reading: Reading) -> List[Cue]:
    """Masses that are not axillary, nor at another site named with them ("a lump in the right groin"), nor one of
    a differential diagnosis ("the differential includes ... a benign lesion such as a lipoma")."""
    return [c for c in reading.all("LUMP")
            if not (c.negated or c.family or c.historical) and not axillary(reading, c)
            and not (reading.near(c, ["OTHER_ORGAN"]) and not reading.near(c, ["BREAST"]))
            and not _axillary_sentence(reading, c)
            and not reading.in_differential(c) and not reading.supposed(c)
            and not _the_axillary_lump_again(reading, c)
            and not any(not reading.near(b, ["AXILLA", "NODE"]) for b in reading.near(c, ["BENIGN_LOOK"], "sentence"))
            ] \
        + [c for c in reading.all("AXILLARY_TAIL") if not c.negated]


_DEFINITE = frozenset({"this", "that", "the", "her", "these", "those", "same"})


def _the_axillary_lump_again(reading: Reading, lump: Cue) -> bool:
    """"this lump", "the mass" in a sentence that names no breast, after an axillary lump: that lump again."""
    if lump.start == 0 or reading.tokens[lump.start - 1].lower() not in _DEFINITE \
            or reading.near(lump, ["BREAST"], "sentence"):
        return False
    return any(c.start < lump.start and axillary(reading, c) for c in reading.all("LUMP"))


def _axillary_sentence(reading: Reading, lump: Cue) -> bool:
    """A lump told in a sentence about the axilla that names no breast nor node ("R axilla - single firm mobile
    swelling", "axillary fullness, both sides palpable as discrete lumps"): the axillary finding itself."""
    near = reading.near(lump, ["AXILLA", "BREAST", "NODE"], "sentence")  # a node there has the axilla to itself
    return any(a.label == "AXILLA" and not a.negated for a in near) \
        and not any(b.label in ("BREAST", "NODE") and not b.negated for b in near)


def _asked_about(reading: Reading, label: str) -> List[Cue]:
    """Encounter words, also inside a question ("she asks whether her screening should include ...")."""
    return [c for c in reading.all(label) if not (c.negated or c.family)]


# Patients labelled in one message ("patient A: ...", "Pt 2) ...", "case #3 -", "Mrs B:"): several labels, several
# patients.
_PATIENT_LABEL = re.compile(r"(?im)(?:^|[.;,\n]\s*)(?:patient|pt|case|mrs\.?|mr\.?|ms\.?)\s*#?\s*([a-d]|[1-9])"
                            r"\s*[:)\-–]")
# The patient a message is about, by label or by titled name: "patient A", "pt 2", "Mrs A", "Ms Okafor".
_NAMED = re.compile(r"(?i:\b(?:patient|pt)\s*#?\s*)([A-Da-d]|[1-9])\b|\b(?:Mrs|Ms|Miss|Mx)\.?\s+([A-Z][\w'’-]*)"
                    # a ward's or a list's label ("Bed 12:", "Case 2 -", "Room 4)"), or a record number ("MRN 448291")
                    r"|(?i:\b((?:case|bed|bay|room)\s*#?\s*(?:\d{1,3}|[A-Da-d]))(?=\s*[:)\-–—])|\b(mrn\s*[:#]?\s*\d{4,10})\b)")


def patient_label(reading: Reading) -> Optional[str]:
    """The label or surname the message gives its patient ("patient A" -> "a", "Mrs Okafor" -> "okafor"), or
    None; the first one named."""
    if reading.text is None:
        return None
    found = _NAMED.search(reading.text.text)
    return re.sub(r"[\s:#]+", " ", next(g for g in found.groups() if g)).lower() if found else None


# Cancers that spread to or arise in the axillary nodes themselves (matching-rules.md: lymphoma, melanoma).
# stems, so that inflected and foreign forms count too ("melanomu", "lymfom", "linfoma")
_NODAL_CANCER = re.compile(r"(?i)l[iy]mph?om|lymfom|lenfom|hodgkin|\bnhl\b|\bdlbcl\b|mantle|marginal|leuk|\bcll\b|"
                           r"melanom")
# "suspected cancer pathway", "cancer referral", "breast cancer clinic": the name of a service, not a diagnosis
_SERVICES = frozenset({"pathway", "referral", "clinic", "service", "team", "centre", "center", "unit", "mdt"})


def _service(reading: Reading, cue: Cue) -> bool:
    """The cancer word names a service ("cancer genetics clinic", "suspected cancer pathway"): a service word in
    the two words after it, before any punctuation ("breast ca. Referral: ..." is no service)."""
    for t in reading.tokens[cue.end:cue.end + 2]:
        word = t.lower().strip("()")
        if word in _SERVICES:
            return True
        if not word or not word[0].isalnum():
            return False
    return False


# A trial's screening ("screening log", "trial screening visit", "pre-screen #12") is eligibility, not breast screening.
_TRIAL_BEFORE = frozenset({"trial", "study", "eligibility", "pre", "pre-", "research"})
_TRIAL_AFTER = frozenset({"log", "visit", "number", "id", "period", "failure", "fail", "failed", "list", "entry"})


def _trial_screening(reading: Reading, cue: Cue) -> bool:
    before = {t.lower().strip("#:") for t in reading.tokens[max(0, cue.start - 2):cue.start]}
    after = {t.lower().strip("#:") for t in reading.tokens[cue.end:cue.end + 2]}
    return bool(before & _TRIAL_BEFORE or after & _TRIAL_AFTER)


def _bare_neoadjuvant(reading: Reading, cue: Cue) -> bool:
    """'neoadjuvant' on its own, qualifying the drug before it ("letrozole 2.5 mg daily, neoadjuvant"), not the
    start of "neoadjuvant chemotherapy"."""
    return not any(n.start <= cue.start and n.end > cue.end for n in reading.all("NAC"))


_RESULT_WORDS = frozenset({"=", ":", "->", "→", "shows", "showed", "show", "revealed", "reveals", "confirmed",
                           "confirms", "demonstrated", "demonstrates", "positive", "found", "yielded"})


def _result_of(reading: Reading, biopsy: Cue, cancer: Cue) -> bool:
    """The cancer is what the biopsy found ("core bx = adenocarcinoma", "FNA showed carcinoma"), not what it was
    done for ("sentinel node biopsy in 2021 for a 23 mm carcinoma")."""
    between = [t.lower() for t in reading.tokens[biopsy.end:cancer.start]]
    return 0 < len(between) <= 6 and bool(_RESULT_WORDS & set(between)) and "for" not in between


def _unknown_primary(reading: Reading, facts: Facts) -> List[Cue]:
    """A carcinoma's metastasis proven in an axillary node while the breasts show nothing ("node core: metastatic
    adenocarcinoma; breasts normal on mammography, US and MRI"): an occult primary (matching-rules.md), whose
    breast tumour has no size. [] when a breast tumour or cancer of the breast is named."""
    # the node may be named in the part before its result ("palpable right axillary node; FNA: metastatic ...")
    spread = [c for c in reading.live("METASTASIS") if reading.near(c, ["CANCER"], "sentence") and any(
        c.sentence - 1 <= n.sentence <= c.sentence for n in reading.all("NODE", "AXILLA"))]
    spread += reading.live("NODE_BIOPSY_RESULT")  # "the node's core shows metastatic adenocarcinoma"
    # ... or a carcinoma that a node's biopsy found ("R axillary node core biopsy = adenocarcinoma")
    spread += [c for c in reading.live("CANCER") if any(_result_of(reading, b, c) for b in reading.near(
        c, ["BIOPSY"], "sentence") if any(n.end <= b.start for n in reading.near(c, ["NODE"], "sentence")))
               and not any(b.end <= c.start for b in reading.near(c, ["BREAST"], "sentence"))]
    # "consistent with breast primary" names the origin, not a tumour found
    found = [t for t in reading.live("TUMOR") if t.text.lower() != "primary"]
    # (a cancer of the breast named: "right breast IDC 2.5 cm")
    named = facts.get("diagnosis") == "new_primary" and not facts.get("cancer_history") and any(
        0 <= c.start - b.end <= 2 for c in reading.live("CANCER") for b in reading.near(c, ["BREAST"]))
    if not spread or facts.get("tumor_size_cm") is not None or facts.get("t_category") or found or named \
            or _breast_mass(reading):
        return []
    clear = [b for b in reading.all("BREAST") if b.negated or reading.within(b, ["FINDING_WORD"], 0, 4)
             or any(t.negated for t in reading.near(b, ["TUMOR"], "sentence"))]  # "breasts show no lesion"
    return spread[:1] if clear else []


# Words that suspect a cancer ("looks like", "appears to be") rather than say its biopsy is not done
_SUSPECTING = re.compile(r"(?i)\b(?:look|appear)")


# What a lesion elsewhere is when it is no metastasis ("liver lesion on CT was a simple cyst", "haemangioma")
_BENIGN_LESION = re.compile(r"(?i)\b(?:benign|simple\s+cysts?|cysts?|h[a]?emangioma|granuloma|fnh|fatty|lipoma|"
                            r"calcified|bone\s+island|enostosis)\b")


def _called_benign(reading: Reading, cue: Cue) -> bool:
    """A distant organ's lesion its sentence calls benign."""
    start, end = reading.sentence_span(cue)
    return bool(_BENIGN_LESION.search(" ".join(reading.tokens[start:end])))


_BIOPSIED = re.compile(r"(?i)biops|bx|proven|confirm|patholog|histolog|cytolog")


def _node_s_result(reading: Reading, cue: Cue) -> bool:
    """A result awaited for the node last named in its sentence ("US: node with a 3.6 mm cortex, suspicious -> FNA
    pending"): it says nothing of the breast cancer's own diagnosis."""
    if cue.label != "NO_BIOPSY":
        return False
    findings = reading.all("NODE", "AXILLA", "LUMP", "TUMOR", "BREAST", "CANCER")
    before = [c for c in findings if c.sentence == cue.sentence and c.end <= cue.start]
    if not any(c.sentence == cue.sentence for c in findings):
        # a sentence of its own that names nothing ("US: L axillary node suspicious; biopsy pending"): the last
        # one's, when that one names a node and nothing of the breast
        before = [c for c in findings if c.sentence == cue.sentence - 1]
        return bool(before) and all(c.label in ("NODE", "AXILLA") for c in before) \
            and any(c.label == "NODE" and reading.is_live(c) for c in before)
    return bool(before) and before[-1].label in ("NODE", "AXILLA")


def _diagnosis_taken_back(reading: Reading, facts: Facts) -> List[Cue]:
    """A follow-up that says the case's cancer has no tissue diagnosis yet ("no histology so far, only imaging",
    "she has not been biopsied"): the words that say so. The case's diagnosis was then a mass on imaging, which is
    worked up as a breast mass first (matching-rules.md). A node's biopsy, a cancer the message proves, or one under
    chemotherapy say nothing of the kind."""
    if reading.case_diagnosis not in ("new_primary", "local_recurrence") or _proven_cancers(reading) \
            or facts.get("treatment") not in (None, "none") or reading.live("PROVEN"):
        return []
    # (a biopsy denied, not "no metastases": PROVEN holds the words of a positive node too)
    said = [c for c in reading.live("NO_BIOPSY") if not _SUSPECTING.search(c.text)] + [
        c for c in reading.all("BIOPSY", "PROVEN") if c.negated and not (c.family or c.planned)
        and (c.label == "BIOPSY" or _BIOPSIED.search(c.text))]
    return [c for c in said if not (reading.near(c, ["NODE", "AXILLA"]) or inside(c, reading.all("SURGERY")))][:1]


# Letters of scripts the readers do not read: a word of CJK, Hangul, Arabic, Hebrew, Devanagari or Thai, or two
# Greek or Cyrillic letters together (one alone is a symbol: "ER-α", "TGF-β")
_UNREAD_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0590-\u05ff\u0600-\u06ff"
                            r"\u0900-\u097f\u0e00-\u0e7f]|[\u0370-\u03ff\u0400-\u04ff]{2}")


def _unread_words(reading: Reading) -> bool:
    """A word of a script the readers do not read, which foreign.yml does not know either (its courtesies are
    known: "Спасибо")."""
    if reading.text is None or reading.text.text.isascii():
        return False  # most messages: no per-token search
    norms = reading.norms or [t.lower() for t in reading.tokens]
    return any(_UNREAD_SCRIPT.search(token) and norm == token.lower()
               for token, norm in zip(reading.tokens, norms))


def encounter(reading: Reading, facts: Facts) -> Read:
    """What kind of question this is when no variant can cover it (scope.yml names each with its pointer)."""
    if _unread_words(reading):
        # words it cannot read may hold any deciding fact ("男性", "метастазы в печени"): no variant is guessed
        return Read("unread_script")
    current = facts.get("diagnosis") in ("new_primary", "local_recurrence") or bool(_current_cancers(reading))
    finding = facts.get("clinical_nodes") == "positive" or facts.get("axillary_lump") or current
    aged = _ages(reading)
    if len({_age_value(c) for c in aged}) > 1:  # "58F, new 3 cm IDC ... 62F, new 1.2 cm IDC ..."
        return Read("several_patients", tuple(aged[:2]))
    if reading.text is not None and len({m.group(1).lower() for m in _PATIENT_LABEL.finditer(reading.text.text)}) > 1:
        return Read("several_patients")  # "patient A: ... patient B: ..."
    # the animal is the patient when the patient's own description names it ("9-year-old spayed female spaniel");
    # "her dog", "a kitten scratch" elsewhere in a message leave the patient human
    animal = [c for c in reading.all("ANIMAL") if not c.negated and any(
        s.text.lower() not in _PRONOUNS for s in reading.within(c, ["FEMALE", "MALE", "AGE", "AGE_SEX"], 4, 4))]
    if animal:
        return Read("animal", tuple(animal[:1]))
    # "no breast lesion identified" is an occult primary once the node is proven a metastasis; beside a node only
    # suspicious on imaging it is the search for one (variants 11, 12)
    occult = reading.live("OCCULT")
    searched = [c for c in occult if not re.search(r"(?i)occult|unknown|^cup$", c.text)]  # CUP: "of unknown primary"
    if searched and not (reading.live("METASTASIS") or any(m.proven and m.positive for m in mentions(reading))):
        occult = [c for c in occult if c not in searched]
    occult = occult or [c for c in reading.all("TNM") if re.match(r"(?i)^[cpy]?t0", c.text)] \
        or _unknown_primary(reading, facts)
    if occult:
        return Read("occult_primary", tuple(occult[:1]))
    # (not a benign one operated on before: "lumpectomy 2016 for a benign phyllodes")
    sarcoma = [c for c in reading.all("NON_CARCINOMA") if not (c.negated or c.family or c.historical)
               and not inside(c, reading.all("BENIGN_SURGERY"))]
    if sarcoma and not any(_HISTOLOGY.search(c.text) for c in _current_cancers(reading)):
        return Read("not_carcinoma", tuple(sarcoma[:1]))  # "phyllodes tumour": not a breast cancer's variant
    other_cancer = reading.live("OTHER_CANCER")
    # a known lymphoma or melanoma may explain the axillary node even beside a breast cancer (matching-rules.md); a
    # past one ("chemotherapy for Hodgkin lymphoma in 1990") only where no breast cancer is current
    past = [c for c in reading.all("OTHER_CANCER") if c.historical and not (c.negated or c.family or c.uncertain)]
    nodal = [c for c in other_cancer if _NODAL_CANCER.search(c.text)]
    if (other_cancer or past) and not current or nodal and any(m.positive for m in mentions(reading)):
        return Read("other_cancer", tuple((nodal or other_cancer or past)[:1]))
    # a cancer in a differential diagnosis of an axillary lump ("DDx: reactive LAD vs r/o malignancy") is no mass
    # (a past one asked about is no suspected mass: "can you confirm any history of breast cancer?")
    # (nor the cancer an axillary lump makes one fear, with no breast finding nor a breast named: "new axillary lump,
    # r/o breast cancer" is the lump's work-up, row 1; not "looks like inflammatory cancer of the L breast")
    cancers = _cancers(reading)
    breast_named = any(not (b.negated or any(c.start <= b.start < c.end or b.end == c.start for c in cancers))
                       for b in reading.all("BREAST"))
    axillary_only = any(m.positive for m in mentions(reading)) and not (
        _breast_mass(reading) or reading.has("TUMOR") or breast_named)
    suspected = [c for c in _cancers(reading) if c.uncertain and not (c.negated or c.historical or _service(reading, c))
                 and not (axillary_only and not reading.sides_near(c))
                 and not (any(m.positive for m in mentions(reading)) and not reading.near(c, ["BREAST"], "sentence"))]
    # a recurrence only suspected ("possible local recurrence on the mammogram") is still to be proven
    suspected += [r for r in reading.all("RECURRENCE") if r.uncertain and not (r.negated or r.family)]
    # "core biopsy of the mass scheduled for Friday": the plan's scope reaches the mass, not the biopsy before it
    # "lumpectomy with sentinel node biopsy scheduled": an operation's biopsy, not the mass's
    unproven = reading.live("NO_BIOPSY") + suspected + [c for c in reading.all("BIOPSY") if not c.family and (
        c.negated or c.planned or any(m.planned and m.start > c.start for m in reading.near(c, ["LUMP", "TUMOR"])))
        and not inside(c, reading.all("SURGERY"))]
    # a breast mass, or a cancer only suspected ("looks like inflammatory breast cancer"), without its pathology,
    # or a cancer named while its own biopsy is awaited ("breast cancer on the mammogram, awaiting biopsy"; not a
    # node's: "FNA of the node pending")
    unproven = [u for u in unproven if not _node_s_result(reading, u)]
    awaited = [u for u in unproven if (u.label == "NO_BIOPSY" or u.planned) and not reading.near(u, ["NODE", "AXILLA"])]
    # a cancer named without "new" (no past cancer, no recurrence) is a new one too
    new = facts.get("diagnosis") == "new_primary" or (facts.get("diagnosis") is None and not (
        facts.get("cancer_history") or reading.has("RECURRENCE")))
    # a cancer told by its imaging category alone ("breast cancer 3 cm on imaging (BI-RADS 5)"), no biopsy named
    graded = [c for c in reading.all("SUSPICIOUS") if "rads" in c.text.lower() and not c.negated
              and not _grades_a_node(reading, c)] if not reading.live("BIOPSY", "PROVEN") else []
    unproven += graded
    mass = _breast_mass(reading) or suspected or (_current_cancers(reading) if (awaited and new) or graded else [])
    # ... and a breast mass (an axillary-tail one too) with no known cancer and no axillary finding at all
    alone = facts.get("diagnosis") == "none_known" and not any(m.positive for m in mentions(reading))
    # ... or a mass called the breast's beside an abnormal node, no cancer named ("US: irregular L breast mass and an
    # abnormal L axillary node"): the breast mass is worked up first, even with a node (matching-rules.md)
    # (not the mass of the case's own cancer, measured in a later message: "US: R breast mass 2.3 cm" for a new IDC)
    alone = alone or (facts.get("diagnosis") in ("none_known", None) and not facts.get("cancer_named")
                      and reading.case_diagnosis not in ("new_primary", "local_recurrence") and any(
        m.label == "LUMP" and reading.near(m, ["BREAST"]) and (m.text.lower().startswith(("mass", "lesion")) or (
            m.text.lower() == "lump" and not (m.negated or m.uncertain or m.planned) and _a_breast_s(reading, m)))
        for m in mass))
    # chemotherapy given for it proves a cancer ("finished neoadjuvant chemo for a 3.9 cm tumour")
    treated = facts.get("treatment") in ("neoadjuvant_ongoing", "neoadjuvant_completed")
    if mass and (unproven or alone) and not _proven_cancers(reading) and not treated \
            and facts.get("diagnosis") != "local_recurrence":
        return Read("no_tissue_diagnosis", tuple(mass[:1] + unproven[:1]))
    taken_back = _diagnosis_taken_back(reading, facts)
    if taken_back:
        return Read("no_tissue_diagnosis", tuple(taken_back))
    # a recurrence named while its biopsy is still to come ("local recurrence R breast, biopsy not yet done"): row 10
    # is for a biopsy-proven one (matching-rules.md)
    recurrence = reading.live("RECURRENCE")
    biopsy_to_come = [c for c in unproven if c.label != "CANCER"]
    if facts.get("diagnosis") == "local_recurrence" and recurrence and biopsy_to_come \
            and not any(reading.near(r, ["PROVEN"], "sentence") for r in recurrence) and not _biopsy_showed(reading):
        return Read("no_tissue_diagnosis", tuple(recurrence[:1] + biopsy_to_come[:1]))
    elsewhere = [c for c in reading.all("NODE", "LUMP")
                 if (reading.near(c, ["OTHER_ORGAN"]) or _glossed_site(reading, c))
                 and not reading.near(c, ["AXILLA"]) and not (c.negated or c.family)]
    axillary_finding = any(m.positive for m in mentions(reading))
    if elsewhere and not axillary_finding and not current:
        return Read("other_site", tuple(elsewhere[:1]))
    # a supraclavicular or infraclavicular node is cN3 beside a breast cancer, but without one it is a neck or chest
    # wall node, not an axillary lump (matching-rules.md, other node sites)
    clavicular = [a for a in reading.all("AXILLA") if beyond_axilla(a) and not (a.negated or a.family)]
    if clavicular and not current and not facts.get("cancer_history") and all(
            beyond_axilla(a) for a in reading.all("AXILLA") if not a.negated):
        return Read("other_site", tuple(clavicular[:1]))
    # a lump past variant 1's initial imaging of a new lump: already imaged and benign, or unchanged for years
    imaged = workup.imaged_benign(reading, facts)
    if imaged:
        return Read("lump_imaged_benign", tuple(imaged))
    settled = workup.longstanding(reading, facts)
    if settled:
        return Read("lump_longstanding", tuple(settled))
    # a breast mass biopsied benign with nothing in the axilla ("core bx: fibroadenoma; axilla normal"): no cancer
    benign = _benign_breast_biopsy(reading)
    if benign and facts.get("diagnosis") == "none_known" and not axillary_finding:
        return Read("no_axillary_finding", tuple(benign[:1]))
    # nothing found there, pain alone, something that is no node ("accessory breast tissue"), or a node called
    # benign ("reactive after her flu vaccine")
    quiet = [m.cue for m in mentions(reading) if m.negated] + reading.live("PAIN", "AXILLARY_OTHER") + [
        m.cue for m in mentions(reading) if not (m.positive or m.negated or m.uncertain)
        and reading.near(m.cue, ["BENIGN_LOOK"], "sentence")]
    case = any(facts.get(k) for k in ("tumor_size_cm", "t_category", "tumor_over_2cm", "treatment", "cancer_history",
                                      "axillary_lump", "neoadjuvant_unclear"))
    if quiet and not (axillary_finding or current or case or _breast_mass(reading)):
        return Read("no_axillary_finding", tuple(quiet[:1]))
    # (named neoadjuvant: "neoadjuvant letrozole", "primary (neoadjuvant) anastrozole" across its brackets, not a
    # chemotherapy beside it: "completed chemo and tamoxifen")
    endocrine = [c for c in reading.live("ENDOCRINE") if any(
        n.text.lower().startswith(("neo", "pre", "primary"))
        for n in reading.near(c, ["NAC", "NEOADJUVANT"], "sentence")
        if c.start - 3 <= n.start < c.start or c.end <= n.start <= c.end + 1)
                 or bool(_PRE_OP.search("".join(reading.tokens[max(0, c.start - 3):c.start])))
                 or any(_bare_neoadjuvant(reading, n) for n in reading.near(c, ["NEOADJUVANT"], "sentence")
                        if c.end <= n.start <= c.end + 6)]
    # ... or taken now for a current cancer not yet operated on ("new IDC 3 cm, on anastrozole since March"): given
    # before surgery, it is neoadjuvant whatever it is called (matching-rules.md)
    untreated_new = "new_primary" in (facts.get("diagnosis"), reading.case_diagnosis)  # the message's, or the case's
    endocrine += [c for c in reading.live("ENDOCRINE") if untreated_new
                  and not facts.get("cancer_history") and facts.get("treatment") in (None, "none")
                  and _TAKING & {t.lower() for t in reading.tokens[max(0, c.start - 3):c.start]}
                  and not any(x.family for x in reading.cues if x.sentence == c.sentence)]  # not her brother's
    if endocrine:
        return Read("endocrine_therapy", tuple(endocrine[:1]))
    # its completion said in its clause or after it ("adjuvant chemo, completed in May"), not an earlier clause's
    # "had" ("who had undergone a mastectomy was in the middle of her adjuvant chemotherapy")
    # endocrine therapy alone leaves a past cancer history ("now on adjuvant letrozole"; matching-rules.md)
    adjuvant = [c for c in reading.live("ADJUVANT") if reading.near(c, ["NAC_ONGOING", "NAC_ONGOING_WEAK"], "sentence")
                and not reading.within(c, ["ENDOCRINE"], 0, 2)
                and not any(d.clause == c.clause or d.start > c.end for d in reading.near(c, ["NAC_DONE"], "sentence"))]
    adjuvant += _radiotherapy_under_way(reading)
    if adjuvant and facts.get("diagnosis") != "local_recurrence":
        return Read("adjuvant_therapy", tuple(adjuvant[:1]))
    # a past cancer on chemotherapy again now ("now she is on chemotherapy for it again"): current, under treatment
    again = [c for c in reading.live("NAC") if reading.within(c, ["NAC_ONGOING"], 3, 0)
             and not reading.near(c, ["NEOADJUVANT", "NAC_DONE", "ENDOCRINE"])]
    if facts.get("cancer_history") and again:
        return Read("under_treatment", tuple(again[:1]))
    surveillance = _asked_about(reading, "SURVEILLANCE")
    # a node the screening study showed ("the node was on her screening mammogram") is a finding, not screening
    screening = [c for c in _asked_about(reading, "SCREENING") if not _trial_screening(reading, c)
                 and not any(not (n.negated or n.family) for n in reading.near(c, ["NODE"], "sentence"))]
    if surveillance and not finding:
        # "yearly mammograms" for a woman who never had breast cancer (a relative's does not count) is screening
        own = facts.get("cancer_history") or facts.get("treatment") == "post_surgery" \
            or any(not c.negated for c in _cancers(reading) + reading.all("SURGERY") if not c.family)
        return Read("surveillance" if own else "screening", tuple(surveillance[:1]))
    if screening and not (finding or _current_cancers(reading)):
        return Read("screening", tuple(screening[:1]))
    # a breast infection, even one queried ("painful red breast, fever, ?mastitis vs abscess"), with no cancer and no
    # axillary finding: not a question of this topic
    infection = [c for c in reading.all("BREAST_INFECTION") if not (c.negated or c.family or c.historical)]
    if infection and not (current or finding or facts.get("cancer_history")):
        return Read("unrelated", tuple(infection[:1]))
    stated = any(v is not None for k, v in facts.items() if k not in ("sex", "age"))
    # what the message is about, not what it says it is not about ("nothing to do with breast: ... her knee")
    named = {c.label for c in reading.cues if c.label in _TOPICAL and not c.negated}
    topical = bool(named) and not (named == {"NODE"} and reading.has("OTHER_ORGAN"))
    if not topical and not stated and reading.expecting is None:
        return Read("unrelated")
    return NOTHING
