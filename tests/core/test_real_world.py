"""Real-world text (issue 9 and matching-rules.md, "Rulings for real-world text"): each kind of fault, with
the right answer. The first table is the issue's own list of inputs that failed; the others are fresh
sentences written for these tests, one or more per kind."""
from typing import Optional

import pytest

import bot

ISSUE_TABLE = [
    ("sixty-eight yo woman, new one point four centimetre IDC right breast, axilla clinically negative, untreated",
     "matched", "axilla-3", 1.4),
    ("new left breast cancer measuring two and a half cm, palpable left axillary node, no treatment",
     "matched", "axilla-6", 2.5),
    ("new R IDC twenty two mm, cN0, pre-treatment, 50F", "matched", "axilla-5", 2.2),
    ("new R IDC three by two cm, no palpable nodes, 61F, untreated", "matched", "axilla-5", 3.0),
    ("done 3 of 6 cycles of neoadjuvant TCHP for a 4 cm L IDC, node-negative at diagnosis, now a new palpable L "
     "axillary lump. 45F", "matched", "axilla-7", 4.0),
    ("new L IDC &gt;2 cm, palpable L axillary LN, no tx, 57F", "matched", "axilla-6", None),
    ("new 3.5 cm R IDC, cN1, untreated, 60F; CT shows liver lesions, biopsy confirms metastatic breast carcinoma",
     "out_of_scope", None, 3.5),
    ("newly diagnosed 2.5 cm L breast cancer, 70F, nothing started; L axilla possibly a little full, can't tell "
     "whether there's a node", "needs_info", "clinical_nodes", 2.5),
    ("62F, 4 cm hard mass in the R breast with two palpable R axillary nodes, no imaging or biopsy yet",
     "out_of_scope", None, 4.0),
    ("new R IDC 2.7 cm on US, no enlarged axillary nodes seen on US, 58F, pre-treatment",
     "needs_info", "clinical_nodes", 2.7),
    ("44F, new L IDC 3.1 cm, palpable L axillary node 1 cm, no palpable R axillary nodes, untreated",
     "matched", "axilla-6", 3.1),
    ("55F, palpable mass high in the axillary tail of the L breast, core bx = IDC 1.6 cm, no axillary adenopathy on "
     "exam or US, untreated", "matched", "axilla-3", 1.6),
    ("HISTORY: 48F, L breast lump. Height 162 cm, weight 70 kg. / US L breast: irregular mass at 2 o'clock, 6 cm from "
     "the nipple, 33 x 21 x 18 mm, depth 9 mm. L axilla: 1.6 cm node with 5 mm cortex and effaced hilum. / "
     "IMPRESSION: BI-RADS 5. Core bx: IDC grade 2. / No treatment yet.", "matched", "axilla-6", 3.3),
]


def decided(text: str) -> tuple:
    """(status, the variant when matched else the first missing fact)."""
    result = bot.analyze(text)
    return result.status, result.variant_id if result.status == "matched" else (result.missing or [None])[0]


@pytest.mark.parametrize("text, status, answer, size", ISSUE_TABLE)
def test_the_issue_inputs_get_their_right_answer(text: str, status: str, answer: Optional[str],
                                                  size: Optional[float]) -> None:
    assert decided(text) == (status, answer)
    assert bot.extract(text).facts["tumor_size_cm"] == (pytest.approx(size) if size else None)


KINDS = [
    # a mid-message self-correction: the corrected value stands
    ("new L IDC measuring 2.6 cm - sorry, misread the report - 1.6 cm, axilla clinically negative, no tx, 51F",
     "matched", "axilla-3"),
    # two examiners who disagree about the same axilla
    ("49F new R IDC 2.4 cm, untreated. The registrar felt a R axillary node; on my exam the R axilla is clear.",
     "needs_info", "clinical_nodes"),
    # a plan is not a treatment
    ("new R breast IDC 2.3 cm, 63F, no palpable adenopathy, oncology considering NAC, nothing given yet",
     "matched", "axilla-5"),
    ("new L IDC 1.2 cm, cN0, SLNB planned next month, 70F", "matched", "axilla-3"),
    # an outside screening mammogram in a second-opinion story does not make it a screening question
    ("second opinion: her screening mammogram at another hospital led to a diagnostic work-up; core biopsy of the "
     "2.2 cm right breast mass shows IDC. No nodes felt in the right axilla. 57F, no therapy so far.",
     "matched", "axilla-5"),
    # a report's diagnosis line is the diagnosis
    ("FINDINGS: left breast mass 1.9 cm; left axillary node with 4 mm cortex, suspicious.\nPATHOLOGY: core "
     "biopsy of the mass: invasive lobular carcinoma.\nNo treatment yet.", "matched", "axilla-4"),
    # the residual size after chemotherapy is not the size
    ("finished neoadjuvant chemo; residual 1.2 cm on MRI; L axilla was clinically negative before chemo. 52F",
     "needs_info", "tumor_size_cm"),
    ("completed NAC, surgery next week. At diagnosis the tumour was 3.4 cm and she had a palpable R axillary node; "
     "residual now 0.8 cm. 60F", "matched", "axilla-9"),
    # an older measurement of a lesion that has since grown
    ("new R IDC, now 2.3 cm; the same mass measured 1.5 cm on an ultrasound 9 months ago. No palpable nodes. 66F",
     "matched", "axilla-5"),
    # sizes on both sides of 2 cm, and a size against its T category
    ("new IDC left breast, 1.7 cm on mammography and 2.6 cm on MRI, clinically N0, untreated", "needs_info",
     "tumor_size_cm"),
    ("new L IDC about 2 cm, cT2, palpable L axillary node, untreated", "needs_info", "tumor_size_cm"),
    # comparisons give a side of 2 cm; "≥ 2 cm" straddles it
    ("new R IDC under 2 cm, cN0, untreated", "matched", "axilla-3"),
    ("new R IDC &ge; 2 cm, cN0, untreated", "needs_info", "tumor_size_cm"),
    # a past breast cancer, treatment finished, is history
    ("71F treated for a L breast cancer in 2012 (lumpectomy, radiotherapy), discharged; now a new palpable L "
     "axillary lump, nothing imaged yet", "matched", "axilla-1"),
    # still under adjuvant chemotherapy: not a row of this topic
    ("50F, R mastectomy for IDC in June, currently receiving adjuvant chemotherapy, new palpable R axillary lump",
     "out_of_scope", None),
    # occult primary, other cancers, other node sites
    ("L axillary node core biopsy: metastatic adenocarcinoma, ER positive; mammogram, US and MRI show no breast "
     "primary (T0). 58F", "out_of_scope", None),
    ("known chronic lymphocytic leukaemia, new bilateral axillary nodes on exam, 69F", "out_of_scope", None),
    ("47F with a firm 2 cm node in the right groin, axillae normal, no cancer history", "out_of_scope", None),
    ("new L IDC 2.4 cm with a palpable L supraclavicular node, untreated", "matched", "axilla-6"),
    # neoadjuvant endocrine therapy is not neoadjuvant chemotherapy
    ("new 3 cm R ILC, cN0, on neoadjuvant anastrozole for 4 months, no chemotherapy", "out_of_scope", None),
    # a new lump during chemotherapy in a patient who was node-positive at diagnosis
    ("on cycle 4 of 6 of neoadjuvant chemotherapy for a 3.5 cm L IDC that was cN1 at diagnosis; now a new L "
     "axillary lump", "out_of_scope", None),
    # a node-negative exam on the other side says nothing about the cancer's side
    ("new R IDC 2.8 cm, L axilla clinically negative, untreated, 64F", "needs_info", "clinical_nodes"),
    # channel markup around the words
    ("<at>Assistant</at><p>59F new *L breast IDC* 1.3&nbsp;cm</p><p>&lt;@U123&gt; no palpable L ax nodes, no tx</p>",
     "matched", "axilla-3"),
    # templated notes: fields, and check boxes whose unchecked options say nothing
    ("Age: 61 | Sex: F | Dx: new R breast IDC | Size: 16 mm | Axillary exam: [x] palpable node [ ] no nodes | "
     "Treatment: none", "matched", "axilla-4"),
    # dictation: spoken punctuation and number words
    ("fifty seven year old woman comma newly diagnosed right breast cancer two point eight centimetres period no "
     "palpable axillary nodes period not treated yet period", "matched", "axilla-5"),
    # letters: the writer and the addressee are not the patient
    ("Dear Mr Osei,\nRe: Mrs Ada Brandt, 66\nCore biopsy confirmed a 2.6 cm IDC in her left breast; no palpable left "
     "axillary nodes. No treatment yet.\nKind regards,\nMr Peter Lamb", "matched", "axilla-5"),
    # a node called contralateral, biopsy-proven: distant disease
    ("63F new L IDC 3 cm, palpable L axillary node; the contralateral axillary node biopsy showed metastatic "
     "carcinoma. Untreated.", "out_of_scope", None),
    # the study that showed the node comes before it; a later normal study does not
    ("no history of breast cancer. An MRI of the shoulder showed a suspicious 1.5 cm right axillary node. Her "
     "mammogram last year was normal. 58F", "matched", "axilla-12"),
    # a date in words after an older measurement
    ("new R IDC, now 2.8 cm; it was 1.4 cm on ultrasound in February 2025. Axilla clinically negative. No treatment.",
     "matched", "axilla-5"),
    # an interim size during chemotherapy is not the size
    ("on neoadjuvant chemotherapy, cycle 3 of 6; interim MRI shows the tumour at 1.5 cm; node-negative at diagnosis; "
     "new palpable L axillary lump", "needs_info", "tumor_size_cm"),
    # "not started" with chemotherapy only as a plan
    ("52F new R IDC 3.6 cm, palpable R axillary node; not started treatment; MDT outcome: NAC then surgery",
     "matched", "axilla-6"),
    # a past cancer told in one long sentence
    ("She was treated in 2016 with a left mastectomy and sentinel node biopsy for a 1.3 cm IDC, finished all "
     "treatment, and now has a new palpable left axillary lump, not imaged yet. 70F", "matched", "axilla-1"),
    # a surveillance question after a past cancer, and a screening question put as a question
    ("Treated for R breast cancer in 2019, all treatment completed; no lumps, normal exam. Should she have a yearly "
     "axillary ultrasound as part of follow-up?", "out_of_scope", None),
    ("Healthy 50F, no symptoms, normal exam; she asks whether her screening should include an axillary ultrasound.",
     "out_of_scope", None),
    # a normal axilla on the other side of a lump is no disagreement
    ("45F, no breast cancer history, firm 2 cm lump in the R axilla on exam, L axilla normal, no imaging yet",
     "matched", "axilla-1"),
    # an imaging report alone, told in one sentence, is not the exam
    ("59F with a new 2.3 cm R IDC had an axillary US, which showed no abnormal nodes; no treatment yet",
     "needs_info", "clinical_nodes"),
    # a negation does not reach across a new statement
    ("51F without any history of breast cancer underwent an ultrasound for breast pain that showed a suspicious "
     "1.8 cm left axillary node; not palpable", "matched", "axilla-11"),
    # someone else's illness or surgery is not the patient's
    ("57F new L IDC 2.5 cm, no palpable L axillary nodes, nothing started. Her husband had surgery last month and "
     "her uncle had a melanoma removed.", "matched", "axilla-5"),
    # an impression of cancer while the biopsy is still to come
    ("hard 4 cm lump in the right breast and a hard right axillary node; clinically looking like cancer, biopsy not "
     "done yet", "out_of_scope", None),
    # the exam of one side only, when the other could not be examined
    ("new R IDC 3.1 cm; I examined the left axilla: no node palpable; the right could not be examined (dressing). "
     "No treatment yet.", "needs_info", "clinical_nodes"),
    # the size at diagnosis in other words
    ("finished all cycles of neoadjuvant chemo; at time of diagnosis the tumour was 3.5 cm, clinically node "
     "negative; residual 0.9 cm", "matched", "axilla-8"),
    # a separate DCIS area is not the size
    ("new L IDC 1.4 cm with surrounding DCIS across a 5 cm area, no palpable nodes, untreated", "matched", "axilla-3"),
    # a pasted table: each row is one statement; a proven node in the other axilla is distant disease
    ("| Primary | R breast IDC 3.2 cm, newly diagnosed |\n|---|---|\n| R axilla | firm node on exam |\n"
     "| L axilla | core biopsy: metastatic carcinoma |", "out_of_scope", None),
    ("| Age | 49 |\n|---|---|\n| Diagnosis | new L breast ILC, 1.7 cm |\n| Axilla | no palpable nodes |\n"
     "| Treatment | none |", "matched", "axilla-3"),
    # a possible distant lesion is asked about
    ("new L IDC 2.2 cm, palpable L axillary node, untreated; staging CT: indeterminate 8 mm lung nodule",
     "needs_info", "distant_metastases"),
    # a size tied to a node by a copula, not by the words next to it
    ("new R IDC, core bx Monday; the 2.6 cm on the MRI report is the axillary node, suspicious. 61F, no tx",
     "needs_info", "tumor_size_cm"),
    # an earlier study that measured the untreated tumour larger: two readings on both sides of 2 cm
    ("new L IDC, 47F, untreated. Breast US today: mass 1.6 cm. Prior MRI (4 days ago): same mass 2.3 cm. "
     "No palpable axillary nodes.", "needs_info", "tumor_size_cm"),
    # an earlier, smaller measurement of a tumour that has since grown
    ("09/2025 mammo: 1.5 cm mass R breast, biopsy deferred.\n01/2026 US: same mass, now 2.6 cm; core bx IDC.\n"
     "Axilla clinically negative. Untreated. 66F", "matched", "axilla-5"),
    # an exam that has not been done is no negative exam
    ("new L IDC 2.9 cm on US, untreated, 52F\nAxillary exam: not yet performed (telephone consult)",
     "needs_info", "clinical_nodes"),
    # after chemotherapy, today's exam is not the nodal status before it
    ("R breast IDC 3.6 cm at dx, baseline nodal status unknown; neoadjuvant chemo completed last week; on exam "
     "today no palpable nodes; surgery pending", "needs_info", "clinical_nodes"),
    # "us" the pronoun is no ultrasound
    ("L breast IDC 3.1 cm at diagnosis, node negative at diagnosis on exam; finished neoadjuvant chemo and was "
     "referred to us for surgery", "matched", "axilla-8"),
    # a recurrence at a distant site, beside an axillary finding
    ("58F, h/o R breast IDC 2016 treated, now biopsy-proven recurrence in the bones and a new R axillary node on "
     "PET", "out_of_scope", None),
    # a metastasis proven in a vertebra
    ("new L IDC 2.8 cm, palpable L axillary node, no tx. Bone scan: T10 lesion; bx T10: metastatic carcinoma of "
     "breast origin", "out_of_scope", None),
    # one part of the regimen done, the next still to start: chemotherapy is under way
    ("46F, L IDC 3.4 cm, cN0 at diagnosis; EC x4 done, docetaxel due to start Monday; new palpable L axillary node",
     "matched", "axilla-7"),
    # a cancer under a history heading whose chemotherapy is done and whose surgery is still to come
    ("Hx: R breast IDC 2.8 cm at dx (2025), cN1 proven by core bx.\nNAC completed; surgery next week.\n"
     "Pt 50F", "matched", "axilla-9"),
    # surgery named in a pre-op checklist is planned
    ("PRE-OP LIST - mastectomy + SLNB 02/14/2026\n[x] neoadjuvant chemo completed\n"
     "[x] at diagnosis: R breast IDC 4.1 cm, axilla clinically negative\nPt 61F", "matched", "axilla-8"),
    # a node "suspicious for metastasis" on imaging is a suspicious node, whatever the exam found
    ("new L IDC 2.6 cm, untreated, 57F; MRI: L axillary node suspicious for metastatic disease (no node palpable)",
     "matched", "axilla-6"),
    # cancers in both breasts whose axillae differ give two variants: ask
    ("63F, synchronous bilateral IDC, both biopsied: R 2.8 cm with a palpable R axillary node; L 2.4 cm, "
     "L axilla clinically negative. No treatment yet.", "needs_info", "clinical_nodes"),
    ("63F, synchronous bilateral IDC, both biopsied: R 2.8 cm with a palpable R axillary node; L 2.4 cm with a "
     "suspicious L axillary node on US. No treatment yet.", "matched", "axilla-6"),
    # a value called a mistake; a correction said as "wait no"
    ("new L IDC, 1.6 cm on US (the referral says 2.6 cm, which was a typo), cN0, untreated, 55F", "matched",
     "axilla-3"),
    ("48F new R IDC 3.4cm, wait no, 1.4cm. no palpable nodes. untreated", "matched", "axilla-3"),
    # a hyphenated comparison agrees with the size
    ("new IDC L breast 27 mm on US, the over-2-cm node-negative case: axilla clear on exam, untreated",
     "matched", "axilla-5"),
    # a cancer only suspected, with its biopsy still to be read, is no diagnosis, even without a "mass"
    ("70F, skin thickening and redness of the R breast, looks just like inflammatory cancer, palpable R axillary "
     "node; punch biopsy taken, no path yet", "out_of_scope", None),
    # an age in brackets after a relative stays with the relative
    ("sister (44) diagnosed with breast cancer last year. Patient 41F: no breast cancer herself; new palpable R "
     "axillary lump, nothing imaged", "matched", "axilla-1"),
    # lumps listed with their sides; under the arms in lay words; one in each armpit
    ("37F, no personal hx of breast cancer: firm lumps in the left and right axillae for 2 weeks, no imaging yet",
     "matched", "axilla-2"),
    ("patient writes: I found a lump under both of my arms last week, never had cancer, no scans yet",
     "matched", "axilla-2"),
    ("no breast cancer ever. One lump in each axilla, both palpable, none imaged. 50F", "matched", "axilla-2"),
    # a pronoun about a colleague is not the patient's sex
    ("pt 66, new dx L breast IDC, palpable L axillary node, the surgeon said he would send the size", "needs_info",
     "tumor_size_cm"),
    # a decimal without its unit that a study reports, beside a size that has one
    ("new R IDC, mammo shows 1.7 cm and the MRI shows 2.4, palpable R axillary node, 52F", "needs_info",
     "tumor_size_cm"),
    # speech: fillers between a lump and its axilla
    ("so, uh, she's 45, got a lump in, um, her left, uh, armpit, no cancer history, nothing imaged", "matched",
     "axilla-1"),
    # a size said to be unknown is asked, whatever figures of other patients or textbooks the message quotes
    ("our unit's average tumour at diagnosis is 2.2 cm. This lady: 61F, new L IDC, cN0, untreated; the size is "
     "not in the letter", "needs_info", "tumor_size_cm"),
    ("teaching point: 2 cm is the T1 threshold. My patient, 52F, new R breast cancer, no palpable nodes; size "
     "pending", "needs_info", "tumor_size_cm"),
    # an animal patient; a dog in a human patient's story is not the patient
    ("vet referral: 'Milly', 7-year-old female labrador, 2.5 cm mammary carcinoma on biopsy, enlarged axillary "
     "node", "out_of_scope", None),
    # a big node on CT with no cancer known
    ("CT chest for cough showed a large R axillary node; she has no breast cancer history. 61F", "matched",
     "axilla-12"),
    # an unsided lump in a question and the same lump with its side later
    ("first imaging for an armpit lump? 44F, never had cancer, new lump in the left axilla, R axilla normal",
     "matched", "axilla-1"),
    # session 10 (set H): not knowing the baseline exam leaves it open
    ("51F on AC-T cycle 3 for a 2.9 cm L IDC, new L axillary lump this week; I don't know whether the axilla was "
     "clear when she was diagnosed", "needs_info", "clinical_nodes"),
    # a biopsy said not to have been done yet: no tissue diagnosis
    ("66F, 3 cm irregular mass on the R mammogram and a hard R axillary node, surely malignant, but the biopsy "
     "has not been done yet", "out_of_scope", None),
    # the pathology of an operation's specimen: after surgery
    ("Surgical pathology: left lumpectomy and SLNB. IDC 1.9 cm, margins clear, 0/2 nodes. 57F. Axillary imaging "
     "now?", "out_of_scope", None),
    # an operation for a new cancer that is not placed in time is asked about
    ("new 2.4 cm R IDC, 49F, cN0, right mastectomy", "needs_info", "treatment"),
    # a specimen line and the result that opens the next sentence: a proven node in the other axilla
    ("Specimen: left axillary node, core biopsy. Metastatic carcinoma. Clinical: 63F, new R breast IDC 2.8 cm, "
     "R axilla clinically normal", "out_of_scope", None),
    # an addendum that finds metastases replaces the body's "no distant disease"
    ("Staging PET/CT, 58F, new 3.4 cm L IDC with a palpable L axillary node. Impression: no distant disease.\n"
     "Addendum: the 1 cm liver lesion was biopsied and shows metastatic breast carcinoma", "out_of_scope", None),
    # an addendum that speaks of the body's suspicious node again, without a status: asked
    ("US L breast, 47F, new IDC 1.6 cm. Impression: suspicious L axillary node.\nAddendum: on review with the "
     "prior study the node is stable and probably reactive; no clinical exam recorded", "needs_info",
     "clinical_nodes"),
    # a cortex thicker than 3 mm is a suspicious node on US (reference), whatever the exam
    ("60F, new R IDC 1.3 cm, R axillary node on US with a 4.5 mm cortex, not palpable, untreated", "matched",
     "axilla-4"),
    # a lower-case clinical N category
    ("44f new L IDC 1.1 cm, cn0, not treated yet", "matched", "axilla-3"),
    # "thanks for earlier" does not make the next case's size an older one
    ("thanks for earlier! next one: 70f new L IDC 14mm, cN0, nothing started", "matched", "axilla-3"),
    # an age limit of a protocol is not a second patient
    ("study check: women aged 50 or over. Ours is 67F, new 1.5 cm L IDC, cN0, untreated", "matched", "axilla-3"),
    # a neoadjuvant trial's name is not the patient's chemotherapy
    ("Screening for a neoadjuvant trial: 46F, new R IDC 3.6 cm, cN0, no prior systemic therapy", "matched",
     "axilla-5"),
    # yearly mammograms for a woman who never had breast cancer: screening
    ("38F, no lumps, her sister had breast cancer; she asks when to start yearly mammograms", "out_of_scope", None),
    # a dated operation for an earlier cancer: history, and the new finding on the other side is the case
    ("70F, R mastectomy 2009 for IDC, treatment finished 2014. New US: 1.6 cm L axillary node, suspicious, no "
     "new breast cancer found", "matched", "axilla-11"),
    # an addendum that corrects a dictated size replaces it
    ("US L breast: 2.4 x 1.2 cm irregular mass.\nAddendum: transcription error, the mass measures 1.4 x 1.2 cm. "
     "59F, core bx IDC, axilla clinically negative, untreated", "matched", "axilla-3"),
    # "now" qualifies the size before it (a residual after chemotherapy), though it starts a clause of its own
    ("finished NAC last week, 61F, L IDC 3.2 cm before chemo and 0.9 cm on MRI now, axilla clinically negative "
     "at diagnosis", "matched", "axilla-8"),
    # set I: fractions in words ("five and a quarter", "a centimetre and a half")
    ("finished neoadjuvant chemo 2 weeks ago; four and a quarter centimetres at diagnosis, L breast IDC, node "
     "palpable at diagnosis", "matched", "axilla-9"),
    ("new L breast IDC, a centimetre and a half on US, no palpable L axillary node, 48F, untreated", "matched",
     "axilla-3"),
    # "and is booked" starts a statement of its own: the completed chemotherapy is not a plan
    ("3.1 cm L IDC, node-positive at diagnosis on US biopsy; she completed neoadjuvant chemo and is booked for "
     "surgery", "matched", "axilla-9"),
    # a size with no noun of its own in a newly diagnosed case, against a T category on the other side of 2 cm
    ("Roughly 2 cm on US, staged cT2 elsewhere. Newly diagnosed, L breast, palpable L axillary node", "needs_info",
     "tumor_size_cm"),
    # a hypothetical node or size is not a finding
    ("new 1.6 cm L IDC, 59F, axilla normal on exam, untreated; if the US showed a suspicious node would that change "
     "things?", "matched", "axilla-3"),
    ("if the mass were 3 cm what would change? new L breast IDC, 62F, cN0, untreated, size not yet measured",
     "needs_info", "tumor_size_cm"),
    # "recurrent breast carcinoma" in a vertebra is a distant recurrence
    ("71F, R breast cancer 2012, treatment finished; now a biopsy of an L2 vertebral lesion shows recurrent breast "
     "carcinoma", "out_of_scope", None),
    # a biopsy still to come: no tissue diagnosis yet
    ("63F, 3.5 cm mass in the L breast, looks malignant, palpable L axillary node; the biopsy isn't until Monday",
     "out_of_scope", None),
    # a second examiner who felt nothing disagrees with the first
    ("new R IDC 2.2 cm, 50F, untreated; I felt a R axillary node, my registrar examined the same axilla and felt "
     "nothing", "needs_info", "clinical_nodes"),
    # follow-up after an operation is surveillance, not screening, though no cancer word is written
    ("62F s/p left lumpectomy and SLNB 2 years ago, routine surveillance, any axillary imaging?", "out_of_scope",
     None),
    # "approx." does not end the sentence
    ("66F, new approx. 2.6 cm IDC of the L breast, no palpable L axillary nodes, untreated", "matched", "axilla-5"),
    # a carcinoma's metastasis in an axillary node, the breasts normal on imaging: an occult primary
    ("R axillary LN excision: metastatic adenoCa, CK7+. Both breasts normal on mammo/US; MRI breasts negative. 61F",
     "out_of_scope", None),
    # "Ca" for carcinoma in shorthand, beside a breast
    ("k/c/o Ca L breast on trucut, 49 F, 1.6 cm on USG, no palpable LN, untreated", "matched", "axilla-3"),
    # a second examiner's denial a few words after the examiner
    ("new L IDC 1.7 cm, 66F, untreated. I feel a small L axillary node; the fellow saw her on Friday and felt no "
     "nodes", "needs_info", "clinical_nodes"),
    # a node or lump queried with question marks in a fragment
    ("Ca L breast (core +), 1.4 cm on USG, 60 F. O/E slight swelling L axilla ?? maybe a node", "needs_info",
     "clinical_nodes"),
    # an unfelt node that imaging calls suspicious, said in the next phrase, is found on imaging
    ("61F, new R IDC 1.9 cm, untreated; axillary node impalpable, however it appears suspicious on the ultrasound",
     "matched", "axilla-4"),
    ("61F, new R IDC 2.9 cm, untreated. Nodes: not palpable, abnormal on US (cortex 4 mm)", "matched", "axilla-6"),
    ("61F, new R IDC 2.9 cm, untreated, no palpable nodes; US: suspicious mass in the breast only", "matched",
     "axilla-5"),
    # a study's decimal without its unit beside the tumour's size: another reading of it (or mm or cm: asked)
    ("new L IDC, 44F, untreated, cN0: 1.6 cm on ultrasound, 2.7 on the MRI", "needs_info", "tumor_size_cm"),
    ("new L IDC, 44F, untreated, cN0: 17 mm on ultrasound, 2.7 on the MRI", "needs_info", "tumor_size_cm"),
    # struck-out text is taken back (Slack ~...~, Markdown ~~...~~, HTML <del>)
    ("new R IDC 3.3 cm, 52F, untreated, ~axilla clear~ hard R axillary node felt", "matched", "axilla-6"),
    ("new R IDC 3.3 cm, 52F, untreated, <del>axilla clear</del> hard R axillary node felt", "matched", "axilla-6"),
    # a report's title-case "Findings:" describe the images: a normal axilla there is no exam
    ("US RIGHT BREAST AND AXILLA\nIndication: palpable lump, 47F.\nFindings: 2.4 cm irregular mass at 10 o'clock. "
     "Right axilla: normal nodes.\nCore biopsy: IDC. Untreated.", "needs_info", "clinical_nodes"),
    # an operation that adjuvant therapy follows is done, though the therapy is to start
    ("60F about to begin adjuvant letrozole after a R quadrantectomy for a 1.3 cm IDC; axilla normal to palpation",
     "out_of_scope", None),
    # "nothing administered yet", the chemotherapy a plan: untreated
    ("Oncology pharmacy, pre-cycle 1, nothing administered yet. Plan: neoadjuvant TCHP. 39F, new R IDC 2.8 cm, "
     "palpable R axillary node", "matched", "axilla-6"),
    # a referral pathway's name is no suspicion of a breast cancer
    ("Urgent suspected cancer referral from the GP: 36F, 1.8 cm mobile lump in the L axilla, breasts normal on "
     "exam, no history of breast cancer", "matched", "axilla-1"),
    # "not yet ...": what has not been done yet
    ("49F, 2.5 cm firm lump in the R breast, not yet biopsied; R axilla unremarkable on exam", "out_of_scope", None),
    ("63F new R IDC 2.3 cm, not yet started on chemotherapy, hard R axillary node on exam", "matched", "axilla-6"),
    # a trial's screening visit is no breast screening
    ("Trial screening log #31: 56F, new L IDC 1.7 cm, axilla negative on exam, untreated", "matched", "axilla-3"),
    # a screening programme's "screen" is its mammogram
    ("Breast screening assessment: 58F, no breast cancer history, no mass; the routine screen shows a rounded L "
     "axillary node without its fatty hilum, called suspicious", "matched", "axilla-11"),
    # a cortex measured right after the node
    ("Axillary US, R, 47F, never had breast cancer: a single node, cortical thickness 4.5 mm", "matched",
     "axilla-11"),
    # another cancer newly diagnosed
    ("Newly diagnosed follicular lymphoma in a 52F; CT shows enlarged L axillary nodes", "out_of_scope", None),
    # a size on a study dated a year back is older than today's
    ("new L IDC in a 70F: 1.7 cm on the 2024 ultrasound, 2.4 cm on this week's MRI, axilla clinically clear, "
     "untreated", "matched", "axilla-5"),
    # an unfelt node that the next sentence calls suspicious on imaging, nothing else named between
    ("new R IDC 2.2 cm, 57F, untreated. The node cannot be felt; it looks suspicious on the ultrasound.", "matched",
     "axilla-6"),
    ("new R IDC 2.2 cm, 57F, untreated; no palpable nodes; suspicious microcalcifications on the mammogram",
     "matched", "axilla-5"),
    # a number without its unit right after a correction of the size is the corrected size
    ("69F, new L IDC 1.7 cm, sorry, 2.7, axilla clinically negative, untreated", "matched", "axilla-5"),
    # a lesion in a distant organ beside a current breast cancer may be distant disease: asked
    ("new L IDC 2.1 cm, 57F, no palpable nodes, untreated; staging CT: two small liver lesions", "needs_info",
     "distant_metastases"),
    # a biopsy dated ahead has not been done: no tissue diagnosis yet
    ("61F, 3.1 cm R breast mass, BI-RADS 5 on US, core biopsy next Thursday; R axillary node palpable",
     "out_of_scope", None),
    # "wait" set off as an interjection corrects the size before it
    ("61F new R IDC 1.6 cm - wait, the report says 2.6, R axilla negative on exam, untreated", "matched", "axilla-5"),
    # an unfelt node that a study is only said to show: asked
    ("61F new R IDC 2.6 cm, untreated; the node can't be felt, it is only visible on the CT", "needs_info",
     "clinical_nodes"),
    # a man titled in Polish or Turkish
    ("Pan Nowak, 71 lat, rak piersi prawej 2 cm, bez węzłów", "out_of_scope", None),
    ("Mehmet Bey, 69 yaş, sağ meme kanseri 2 cm", "out_of_scope", None),
    # whether the node is felt is itself queried
    ("new R IDC 2.8 cm, 51F, untreated, axillary LN ?palpable", "needs_info", "clinical_nodes"),
    # a known melanoma may explain the node beside a breast cancer; an ovarian cancer does not
    ("new L IDC 2.3 cm, 60F, untreated, palpable L axillary node; under oncology for metastatic melanoma",
     "out_of_scope", None),
    # margins exist only after an excision
    ("55F, R IDC 1.9 cm, cN0, involved margins, re-excision booked", "out_of_scope", None),
    # a study's integer without its unit beside a size in mm
    ("new L IDC, 44F, untreated, cN0: 16 mm on ultrasound, 27 on MRI", "needs_info", "tumor_size_cm"),
    # 'neoadjuvant' after an endocrine drug: neoadjuvant endocrine therapy
    ("exemestane 25 mg od, neoadjuvant, month 5 of 6; 77F, R IDC 2.9 cm, cN0. Axillary imaging before surgery?",
     "out_of_scope", None),
]


@pytest.mark.parametrize("text, status, answer", KINDS)
def test_each_kind_gets_its_right_answer(text: str, status: str, answer: Optional[str]) -> None:
    assert decided(text) == (status, answer)


def test_a_question_quotes_the_words_it_could_not_place() -> None:
    text = "new L IDC 2.2 cm, palpable L axillary node, untreated; staging CT: indeterminate 8 mm lung nodule"
    result = bot.analyze(text).to_dict()
    quoted = result["unplaced"][0]
    assert quoted["fact"] == "distant_metastases"
    assert text[quoted["start"]:quoted["end"]] == quoted["text"]
    assert "lung nodule" in quoted["text"] and quoted["text"] in result["reasons"][0]


def test_evidence_quotes_the_message_as_given() -> None:
    text = "new L IDC &gt;2 cm, palpable L axillary LN, no tx, 57F"
    evidence = bot.analyze(text).to_dict()["evidence"]
    for spans in evidence.values():
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"]
    assert [s["text"] for s in evidence["tumor_over_2cm"]] == ["&gt;2 cm"]
    assert evidence["age"][0]["text"] == "57F"


def test_a_follow_up_lump_mid_chemotherapy_is_a_new_lump_during_treatment() -> None:
    text = "oh and she found a new lump in her left armpit last week"
    assert bot.extract(text).facts["new_lump_during_treatment"] is None
    during = bot.extract(text, treatment="neoadjuvant_ongoing")
    assert during.facts["new_lump_during_treatment"] is True
    assert during.facts["treatment"] is None and during.facts["clinical_nodes"] is None  # the case's, unchanged


def test_an_addendum_s_facts_quote_the_whole_message() -> None:
    text = ("Staging CT, 61F, new L IDC 2.5 cm, cN0. Impression: no distant disease.\n"
            "ADDENDUM: the 9 mm lung nodule was biopsied: metastatic breast carcinoma")
    ext = bot.extract(text)
    assert ext.facts["distant_metastases"] is True
    assert all(text[e.start:e.end] == e.text and e.start > text.index("ADDENDUM")
               for e in ext.evidence["distant_metastases"])


def test_an_addendum_that_revises_the_node_quotes_its_words() -> None:
    text = ("US R breast, 52F, new IDC 1.2 cm. Impression: suspicious R axillary node.\n"
            "Addendum: the node has a normal fatty hilum on review")
    result = bot.analyze(text)
    assert (result.status, result.missing) == ("needs_info", ["clinical_nodes"])
    assert any(u["text"] in text[text.index("Addendum"):] for u in result.to_dict()["unplaced"])


# --- session 11: code-switching, ICD wording, relatives described in a list ------------------------------------

@pytest.mark.parametrize("text, variant", [
    # Portuguese and Italian clinical words beside English ones
    ("Senhora de 61 anos, carcinoma ductal da mama direita 1,4 cm, sem linfonodos palpáveis, no treatment yet.",
     "axilla-3"),
    ("Signora di 49 anni: carcinoma della mammella sinistra di 3 cm, linfonodo ascellare palpabile. "
     "Chemioterapia neoadiuvante completata la settimana scorsa, surgery in two weeks.", "axilla-9"),
    ("Patientin, 57 Jahre, neu diagnostiziertes Mammakarzinom rechts 2,8 cm, keine tastbaren Lymphknoten, untreated.",
     "axilla-5"),
    # Dutch, Polish and Turkish
    ("Mevrouw, 64 jaar, nieuw gediagnosticeerd mammacarcinoom links 1,3 cm, palpabele klier in de linker oksel, "
     "nog geen behandeling.", "axilla-4"),
    ("Pacjentka 58 lat, nowo rozpoznany rak piersi prawej 3,2 cm, węzły pachowe niewyczuwalne klinicznie, bez "
     "leczenia.", "axilla-5"),
    ("62 yaşında kadın hasta, bilinen kanser yok; toraks BT: sol aksillada şüpheli lenf nodu.", "axilla-12"),
    # whole sentences: a history of "tumore", a node "aumentado, sem hilo", "okselklieren", a chemotherapy
    # "zakończyła", a node of the "pachwina" (groin)
    ("Donna di 44 anni, nessuna storia di tumore al seno; ecografia: linfonodo ascellare destro sospetto.",
     "axilla-11"),
    ("Senhora de 70 anos, sem câncer de mama; ultrassom: linfonodo axilar direito aumentado, sem hilo gorduroso.",
     "axilla-11"),
    ("Vrouw van 51 jaar, nieuw mammacarcinoom rechts 1,6 cm, geen palpabele okselklieren, onbehandeld.",
     "axilla-3"),
    ("Pacjentka 47 lat zakończyła chemioterapię neoadiuwantową; rak piersi lewej 3,5 cm, węzeł pachowy "
     "wyczuwalny przy rozpoznaniu.", "axilla-9"),
    ("Pacjentka 39 lat, powiększony węzeł w prawej pachwinie, pachy bez zmian, bez raka piersi.", None),
    # two examiners who disagree, in Polish: asked
    ("Pacjentka 66 lat, nowy rak prawej piersi 1,7 cm, nieleczona. Rezydent wyczuwa węzeł w prawej pasze, "
     "ordynator nie wyczuwa żadnego węzła.", None),
])
def test_the_clinical_words_of_other_languages_are_read(text: str, variant: Optional[str]) -> None:
    assert bot.analyze(text).variant_id == variant


def test_an_elided_article_is_no_left_side_and_its_noun_is_read() -> None:
    ext = bot.extract("new 2.2 cm IDC right breast. L'ecografia ascellare: nessun linfonodo sospetto.")
    assert ext.side == "right"
    assert ext.stated.get("clinical_nodes") is None  # an ultrasound alone is not the exam


def test_the_icd_wording_names_a_cancer() -> None:
    assert bot.extract("C50.911 malignant neoplasm of right breast, 1.7 cm").facts["cancer_named"] is True


@pytest.mark.parametrize("text", [
    "Family: aunt, 62, breast cancer with positive axillary nodes. Patient: 47F new 1.9 cm IDC, cN0, untreated.",
    "Family: positive for breast cancer with nodal disease. Patient: 47F new 1.9 cm IDC, cN0, untreated.",
])
def test_a_relative_s_nodes_are_not_the_patient_s(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-3"


@pytest.mark.parametrize("relative", ["Her cousin (44) had", "Her uncle, 70, had", "Her niece aged 29 had"])
def test_a_relative_s_lump_told_with_the_relative_s_age_is_not_the_patient_s(relative: str) -> None:
    text = f"36F, never had cancer, new lump in the left armpit, no imaging so far. {relative} a right axillary lump."
    assert (bot.analyze(text).variant_id, bot.extract(text).facts["axillary_lump"]) == ("axilla-1", "unilateral")


def test_what_a_colleague_did_not_say_is_not_a_negative_exam() -> None:
    text = "63F, new R breast IDC 2.2 cm, untreated. The referring GP didn't say anything about her lymph nodes."
    assert bot.analyze(text).missing == ["clinical_nodes"]


def test_a_box_marked_with_a_question_mark_holds_a_doubt_not_a_fact() -> None:
    text = "Intake form: [?] tissue-proven carcinoma (biopsy booked), 3.4 cm R breast mass [x] R axillary node felt"
    assert bot.analyze(text).status != bot.MATCHED


def test_a_quoted_phrase_called_an_error_is_not_read() -> None:
    text = ("60F, new 1.7 cm L IDC, untreated, L axilla clear on exam. Correction to the US report: \"enlarged L "
            "axillary node\" was a voice-recognition error; the L axillary nodes are normal.")
    assert bot.analyze(text).variant_id == "axilla-3"


@pytest.mark.parametrize("text, status", [
    ("new R breast IDC, size somewhere between 1.7 and 2.6 cm, cN0, untreated", "needs_info"),
    ("new R breast IDC 16-24 mm, cN0, untreated", "needs_info"),
    ("new R breast IDC roughly 2 cm, cN0, untreated", "needs_info"),
    ("new R breast IDC 2 cm or perhaps larger, cN0, untreated", "needs_info"),
    ("new R breast IDC 1.1 to 1.7 cm, cN0, untreated", "matched"),    # a range on one side of 2 cm
    ("new R breast IDC 2 cm, cN0, untreated", "matched"),             # 2 cm exactly is 2 cm or less
])
def test_a_size_that_may_lie_on_either_side_of_2_cm_is_asked(text: str, status: str) -> None:
    result = bot.analyze(text)
    assert result.status == status
    if status == "needs_info":
        assert result.missing[:1] == ["tumor_size_cm"] and result.facts["tumor_size_cm"] is None


def test_what_follows_a_study_s_heading_is_imaging_not_the_exam() -> None:
    text = "62F new 2.4 cm L breast IDC, untreated.\nAXILLARY US LEFT: two nodes with thin cortex. No suspicious nodes."
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("text", [
    "new 2.8 cm R breast IDC, untreated; I could feel a R axillary node, the other examiner didn't.",
    "new 2.8 cm R breast IDC, untreated; her surgeon felt a R axillary node but my colleague could not feel it.",
])
def test_a_second_examiner_s_elliptical_denial_is_a_contradiction(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_dated_cancer_with_its_surgery_is_history() -> None:
    result = bot.analyze("61F, R breast cancer 2016 treated with mastectomy and radiotherapy, "
                         "now a new palpable L axillary lump, no imaging yet")
    assert (result.variant_id, result.facts["cancer_history"]) == ("axilla-1", True)


def test_an_axilla_called_contralateral_in_brackets_with_a_proven_node_is_distant_disease() -> None:
    result = bot.analyze("new 2.3 cm IDC of the R breast, 52F; L (contralateral) axilla: FNA of a node shows "
                         "metastatic carcinoma")
    assert result.status == bot.OUT_OF_SCOPE and result.facts["distant_metastases"] is True


# --- session 12: letters, forms, typographic dashes, written fractions ------------------------------------------

@pytest.mark.parametrize("text, age", [
    ("Re: Ms Dana Whitfield, 66\n\nShe has a new right breast IDC.", 66),
    ("Please review Mrs. R. Okonjo, 58, who has a new left breast cancer.", 58),
    ("Kindly see Mrs. Kavya Rao, 47 yrs, female, a new case of carcinoma breast.", 47),
    ("Clinical history: 71 y F, new R IDC.", 71),
    ("Señora, mujer de 64 años, carcinoma de mama.", 64),
    ("Her husband, Mr. Adeyemi, 70, came with her. She is a 52 year old woman with a new L IDC.", 52),
    ("next one is a different lady, 41, with a new right axillary lump", 41),
])
def test_an_age_is_read_from_a_letter_s_name_line_and_other_languages(text: str, age: int) -> None:
    assert bot.extract(text).facts["age"] == age


def test_a_clinician_s_initial_is_no_sex() -> None:
    text = "This 60 yrs old female patient has a new L breast IDC.\nRegards,\nDr. M. Okafor"
    assert bot.extract(text).facts["sex"] == "female"


@pytest.mark.parametrize("text, size", [
    ("54F new R IDC 2 1/2 cm, cN0, untreated", 2.5),
    ("54F new R IDC 1 3/4 cm, cN0, untreated", 1.75),
    ("Sex: F\nAge: 54\nNew primary, right breast\nTumour size, greatest (mm): 23\ncN0\nTreatment: none", 2.3),
])
def test_a_written_fraction_or_a_field_s_unit_gives_the_size(text: str, size: float) -> None:
    assert bot.extract(text).facts["tumor_size_cm"] == size


@pytest.mark.parametrize("text", [
    "54F new R IDC, size 1.7–2.3 cm on the two studies, cN0, untreated",   # en dash
    "54F new R IDC 2.3 cm, cT1 or cT2 on the imaging review, cN0, untreated",
])
def test_a_range_across_2_cm_or_two_t_categories_is_asked(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_t_category_spoken_of_in_general_is_not_the_patient_s() -> None:
    text = "Reminder: T1 is 2 cm or less. Our patient: 54F, new R IDC 2.6 cm, no palpable nodes, untreated."
    assert bot.analyze(text).variant_id == "axilla-5"


def test_an_old_size_that_was_never_re_measured_is_asked() -> None:
    text = ("55F, 1.4 cm L breast mass on a mammogram last year, bigger now but it has not been re-measured; core bx "
            "IDC, palpable L axillary node, untreated")
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_named_primary_is_a_diagnosis_not_a_lump_without_known_cancer() -> None:
    text = ("Sex: F\nAge: 70\nDiagnosis: new primary, left breast, core biopsy\nSize: not recorded\n"
            "Palpable L axillary node")
    result = bot.analyze(text)
    assert (result.facts["diagnosis"], result.status) == ("new_primary", bot.NEEDS_INFO)


def test_a_node_described_by_its_effaced_hilum_is_suspicious() -> None:
    text = "43F new L IDC 2.9 cm; axilla clinically clear; US: L axillary node, cortex 4 mm, fatty hilum effaced; no tx"
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_field_answer_that_goes_on_negates_nothing_before_it() -> None:
    text = "71F. CTPA for chest pain: no PE. Incidental suspicious 1.9 cm R axillary node. No known breast cancer."
    assert bot.analyze(text).facts["node_finding"] == "other_imaging"


def test_nothing_palpable_said_of_the_breasts_is_not_the_axillary_exam() -> None:
    text = ("44F with a lump of about 1.5 cm in the right axilla. Both breasts are normal, nothing palpable. "
            "No breast cancer history.")
    assert bot.analyze(text).variant_id == "axilla-1"


def test_a_checkbox_drops_only_its_own_option() -> None:
    assert bot.extract("Sex: [x] F  [ ] M        Age: 61").facts["age"] == 61


@pytest.mark.parametrize("text", [
    "61F new L IDC 1.3 cm, palpable L node per the GP, not palpable per the breast surgeon, untreated",
    "61F new L IDC 1.3 cm, untreated; the surgeon feels a L node, the oncologist does not",
    "61F new L IDC 1.3 cm, untreated; a palpable L node on my exam but the registrar found none",
])
def test_a_second_examiner_s_denial_in_other_words_is_a_contradiction(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("text", [
    "Patient 1: 3.5 cm L IDC, palpable L node. Patient 2: 0.9 cm R IDC, cN0",
    "case A - new 2.2 cm IDC, cN1; case B - new 1.1 cm IDC, cN0",
])
def test_patients_labelled_in_one_message_are_several_patients(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "several_patients")
    # one patient per case: neither patient's facts are shown, nor kept, as the case's
    assert {k: v for k, v in result.facts.items() if v is not None} == {"encounter": "several_patients"}
    assert set(bot.extract(text).evidence) <= {"encounter"} and not result.unplaced


def test_a_terse_not_palpable_in_a_case_is_about_its_axilla() -> None:
    assert bot.extract("nope, not palpable", side="right").stated["clinical_nodes"] == "negative"
    assert bot.extract("nope, not palpable").stated.get("clinical_nodes") is None  # no case: about nothing


def test_a_note_wrapped_into_short_lines_is_read_as_its_sentences() -> None:
    text = ("Pt: F, 49\nc/o lump L\naxilla x 2/52,\nnon-tender.\nNo history of\nbreast ca.\nNo imaging\nyet.\n"
            "O/E: 1.5 cm mobile\nlump L axilla;\nR axilla clear.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-1", None)


@pytest.mark.parametrize("text, over", [("no bigger than 2 cm", False), ("not more than 2 cm", False)])
def test_a_negated_comparison_is_the_other_side_of_2_cm(text: str, over: bool) -> None:
    assert bot.extract(text, expecting="tumor_size_cm").facts["tumor_over_2cm"] is over


def test_the_side_after_a_comma_is_the_lump_s() -> None:
    assert bot.extract("axillary lump, right, 35F").facts["axillary_lump"] == "unilateral"


def test_a_supraclavicular_node_without_a_breast_cancer_is_another_node_site() -> None:
    result = bot.analyze("38F, no history of breast cancer, a firm supraclavicular node on the left")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "other_site")
    assert bot.analyze("52F new 3.1 cm R IDC, palpable R supraclavicular node, untreated").variant_id == "axilla-6"


def test_a_label_right_before_a_number_is_that_number_s() -> None:
    text = "57F new L IDC 1.2 cm at depth 2.8 cm, axilla clinically negative, untreated"
    assert bot.analyze(text).facts["tumor_size_cm"] == 1.2


def test_a_decimal_split_by_a_space_is_asked() -> None:
    result = bot.analyze("57F new L IDC measuring 2. 4 cm, axilla clinically negative, untreated")
    assert (result.status, result.missing[:1]) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_metastases_named_by_their_site_beside_a_node_are_distant() -> None:
    result = bot.analyze("63F new 2.7 cm R IDC with a palpable node and bone metastases on the scan")
    assert result.status == bot.OUT_OF_SCOPE and result.facts["distant_metastases"] is True


def test_a_mass_in_the_axillary_tail_is_no_axillary_lump() -> None:
    assert bot.extract("49F, palpable mass in the axillary tail of the left breast").facts["axillary_lump"] is None


def test_a_proven_node_after_a_past_breast_cancer_is_a_regional_recurrence() -> None:
    result = bot.analyze("70F hx R mastectomy 2012, FNA of a R axillary node: metastatic breast carcinoma")
    assert (result.facts["diagnosis"], result.variant_id) == ("local_recurrence", "axilla-10")


def test_a_breast_mass_with_no_known_cancer_and_no_axillary_finding_is_worked_up_first() -> None:
    result = bot.analyze("52F, firm 2 cm mass in the axillary tail of the left breast, no history of breast cancer")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


def test_a_hedged_side_of_the_lump_is_asked() -> None:
    ext = bot.extract("the right for sure, possibly the left as well", expecting="axillary_lump")
    assert ext.facts["axillary_lump"] is None and ext.residue


def test_a_full_stop_that_ends_a_sentence_before_a_size_is_no_split_decimal() -> None:
    assert bot.analyze("Ms Lee, 47. 28mm IDC of the L breast, cN0, untreated").facts["tumor_size_cm"] == 2.8


# --- session 13: timelines, synoptic fields, other languages, initials, addenda ---------------------------------

def test_a_past_timeline_entry_with_its_surgery_is_history_and_its_size_is_old() -> None:
    result = bot.analyze("Mrs P, 66\n2011: L breast ILC 2.8 cm, mastectomy, chemo and RT, all done 2012\n"
                         "2012-2022: anastrozole\n09/2026: hard lump in the L armpit, never imaged")
    facts = result.facts
    assert (result.variant_id, facts["cancer_history"], facts["tumor_size_cm"]) == ("axilla-1", True, None)


def test_timeline_entries_of_one_year_are_one_current_story() -> None:
    result = bot.analyze("08/2026: US-guided core bx L breast, IDC 1.3 cm, surgery to be booked\n"
                         "10/2026: new palpable L axillary node. 48F, nothing started")
    assert (result.facts["diagnosis"], result.variant_id) == ("new_primary", "axilla-4")


def test_a_timeline_entry_at_diagnosis_keeps_its_size_during_chemotherapy() -> None:
    result = bot.analyze("02/2025 dx R IDC 3.6 cm, axilla clinically negative\n04/2025 cycle 3 of 6 docetaxel\n"
                         "06/2026 new hard R axillary lump while still on chemo")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (3.6, "axilla-7")


@pytest.mark.parametrize("text, size", [
    ("Largest dimension in Millimeters (mm): 17\n59F new L IDC, axilla clinically clear, untreated", 1.7),
    ("Greatest diameter, centimetres (cm): 2.35 cm\n59F new L IDC, axilla clinically clear, untreated", 2.35),
])
def test_a_field_s_unit_keeps_the_whole_decimal(text: str, size: float) -> None:
    assert bot.analyze(text).facts["tumor_size_cm"] == size


@pytest.mark.parametrize("text", [
    "new L IDC 3 cm, 66F, axilla could not be examined reliably (patient in pain), untreated",
    "new L IDC 3 cm, 66F, axillary examination suboptimal due to habitus, untreated",
    "new L IDC 3 cm, 66F, no axillary exam has been documented so far, untreated",
])
def test_an_exam_that_could_not_be_done_or_read_leaves_the_nodes_open(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.facts["clinical_nodes"]) == (bot.NEEDS_INFO, None)


def test_could_not_feel_anything_is_still_a_negative_exam() -> None:
    result = bot.analyze("new L IDC 3 cm, 66F, I couldn't feel anything in her axilla, untreated")
    assert result.variant_id == "axilla-5"


@pytest.mark.parametrize("text, want", [
    ("Patient 64 J., männlich, tastbarer Knoten in der linken Achsel, kein Brustkrebs bekannt",
     {"sex": "male", "age": 64, "diagnosis": "none_known"}),
    ("Signora di 57 anni, nessuna storia di cancro al seno, linfonodo ascellare destro sospetto all'ecografia",
     {"sex": "female", "age": 57, "diagnosis": "none_known", "node_finding": "mammography_or_us"}),
    ("Mulher de 61 anos, recidiva local na mama esquerda comprovada por biópsia, sem metástases",
     {"sex": "female", "age": 61, "diagnosis": "local_recurrence"}),
    ("Homem de 70 anos com nódulo palpável na axila esquerda", {"sex": "male", "age": 70}),
])
def test_german_italian_and_portuguese_clinical_words(text: str, want: dict) -> None:
    facts = bot.extract(text).facts
    assert {key: facts[key] for key in want} == want


def test_a_new_lump_said_in_german_during_chemotherapy_is_the_new_lump() -> None:
    result = bot.analyze("54F, R IDC 2.6 cm, cN0 at diagnosis, on neoadjuvant chemo, cycle 5 of 6. "
                         "Jetzt neu tastbarer Knoten in der rechten Achsel.")
    assert (result.facts["new_lump_during_treatment"], result.variant_id) == (True, "axilla-7")


def test_nodules_in_both_armpits_in_italian_are_bilateral() -> None:
    facts = bot.extract("Donna di 45 anni, noduli palpabili in entrambe le ascelle, nessun tumore noto").facts
    assert facts["axillary_lump"] == "bilateral"


def test_ca_before_a_number_is_circa_not_cancer() -> None:
    result = bot.analyze("33F, Knoten in der linken Axilla, ca. 2 cm, verschieblich, keine Brustkrebsanamnese")
    assert (result.facts["cancer_named"], result.facts["tumor_size_cm"], result.variant_id) == (None, None, "axilla-1")


@pytest.mark.parametrize("text", ["R.F., 66F, new R IDC 1.5 cm, cN0, untreated",
                                  "Pt M.T. 66F new R IDC 1.5 cm cN0 untreated"])
def test_a_patient_s_initials_are_no_sex(text: str) -> None:
    assert bot.analyze(text).facts["sex"] == "female"


def test_a_correction_in_an_addendum_supersedes_the_size_placed_on_the_mass() -> None:
    result = bot.analyze("IMPRESSION: 3.1 cm spiculated L breast mass; bx IDC. ADDENDUM: dictation error; the "
                         "correct measurement is 1.3 cm. 58F, newly diagnosed, axilla clinically negative.")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (1.3, "axilla-3")


def test_a_size_dated_by_month_and_year_is_an_older_study() -> None:
    result = bot.analyze("60F. R breast lump 1.6 cm in 11/2024, watched. Now 2.4 cm on US and core bx shows IDC. "
                         "Axilla normal on exam. Untreated.")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (2.4, "axilla-5")


def test_a_pre_treatment_study_does_not_contradict_chemotherapy_given() -> None:
    result = bot.analyze("Baseline MRI: L IDC 3.3 cm, biopsy-proven L axillary node. Neoadjuvant chemo completed "
                         "last month, surgery in two weeks. 51F.")
    assert (result.facts["treatment"], result.variant_id) == ("neoadjuvant_completed", "axilla-9")


@pytest.mark.parametrize("text, variant", [
    ("70F, subcentimeter IDC of the L breast, axilla clinically negative, untreated", "axilla-3"),
    ("70F, new L IDC < 1 cm, axilla clinically negative, untreated", "axilla-3"),
])
def test_a_tumour_below_1_cm_is_2_cm_or_less(text: str, variant: str) -> None:
    assert bot.analyze(text).variant_id == variant


def test_a_node_below_1_cm_says_nothing_about_the_tumour() -> None:
    result = bot.analyze("70F, new L IDC, size pending, axillary nodes all < 1 cm on US, axilla negative on exam")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["tumor_size_cm"])


def test_a_size_dated_by_a_month_alone_is_an_older_study() -> None:
    result = bot.analyze("47F new R IDC, 1.7 cm on US in June, 2.3 cm on today's MRI, cN0, untreated")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (2.3, "axilla-5")


def test_a_size_dated_in_the_past_is_the_size_at_diagnosis_during_chemotherapy() -> None:
    result = bot.analyze("on cycle 3 of 6 of neoadjuvant chemo; when diagnosed in May the L IDC was 3.4 cm and her "
                         "axilla was clear; now a new hard L axillary lump. 44F")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (3.4, "axilla-7")


@pytest.mark.parametrize("text, size", [
    ("57F new L IDC 1.4 cm, 3 cm from the chest wall, cN0, untreated", 1.4),  # a distance from a landmark
    ("57F new L IDC 1.4 cm at 3:00, 6 cmFN, cN0, untreated", 1.4),
    ("she's 54, new R IDC 16 mm, not 2.6 cm as first typed, cN0, untreated", 1.6),  # a size denied beside it
    ("54F new R IDC: the tumour is 1.6 cm, not 2.6 cm; cN0; untreated", 1.6),
])
def test_a_distance_or_a_denied_size_is_not_a_second_size(text: str, size: float) -> None:
    result = bot.analyze(text)
    assert (result.facts["tumor_size_cm"], result.variant_id) == (size, "axilla-3")


def test_shorthand_for_newly_diagnosed_and_a_positive_node() -> None:
    result = bot.analyze("63F nwly dx'd R IDC 3.3cm, LN+ on exam, no tx yet")
    assert (result.facts["diagnosis"], result.facts["clinical_nodes"], result.variant_id) == \
        ("new_primary", "positive", "axilla-6")


def test_a_proven_node_after_a_treated_cancer_named_in_the_node_s_result_is_a_recurrence() -> None:
    result = bot.analyze("71F hx R breast cancer 2013 (mastectomy+RT, finished), now core bx of a R axillary node: "
                         "metastatic breast carcinoma")
    assert (result.facts["diagnosis"], result.variant_id) == ("local_recurrence", "axilla-10")


@pytest.mark.parametrize("text, side", [("hx L IDC, WLE + RT 2016", "left"), ("RT breast lump", "right"),
                                        ("adjuvant RT completed, L breast", "left")])
def test_rt_after_a_treatment_is_radiotherapy_not_the_right_side(text: str, side: str) -> None:
    from bot.nlp.extract import read

    reading, _ = read(text)
    assert {c.label for c in reading.cues if c.label.startswith("SIDE_")} == {f"SIDE_{side.upper()}"}


# --- session 13, qa13: a chat tried as a new user would --------------------------------------------------------

@pytest.mark.parametrize("answer", ["grade 2, PR positive", "BI-RADS 4", "it's at 10 o'clock", "stage 1",
                                    "she's on cycle 3"])
def test_a_number_owned_by_another_word_does_not_answer_the_size_question(answer: str) -> None:
    assert bot.extract(answer, expecting="tumor_size_cm").facts["tumor_size_cm"] is None


@pytest.mark.parametrize("answer, size", [("1.7", 1.7), ("about 2.4", 2.4), ("ok, it's 1.9", 1.9)])
def test_a_bare_number_with_fillers_answers_the_size_question(answer: str, size: float) -> None:
    assert bot.extract(answer, expecting="tumor_size_cm").facts["tumor_size_cm"] == size


def test_a_field_answered_no_with_its_full_stop_negates_nothing_after_it() -> None:
    result = bot.analyze("Chemo: no. New R IDC 1.2 cm, palpable right axillary node, 61F")
    assert (result.facts["diagnosis"], result.variant_id) == ("new_primary", "axilla-4")


@pytest.mark.parametrize("text", [
    "64F new R IDC 1.3 cm, axillary nodes non-palpable, untreated",
    "Donna 64 anni, carcinoma mammario destro 1,3 cm, linfonodi non palpabili, nessuna terapia",
    "Mulher 64 anos, carcinoma da mama direita 1,3 cm, linfonodos não palpáveis, sem tratamento",
    "Patientin 64 J., Mammakarzinom rechts 1,3 cm, Lymphknoten nicht tastbar, keine Therapie",
])
def test_a_negation_after_the_node_or_in_another_language_makes_it_node_negative(text: str) -> None:
    assert bot.analyze(text).facts["clinical_nodes"] == "negative"


@pytest.mark.parametrize("text", ["Herr Weber, 68 J., Mammakarzinom links 2 cm, Lymphknoten tastbar",
                                  "Sr. Pérez, 71 años, carcinoma de mama izquierda 2 cm"])
def test_a_man_named_by_his_title_in_another_language_is_male(text: str) -> None:
    result = bot.analyze(text)
    assert (result.facts["sex"], result.status) == ("male", bot.OUT_OF_SCOPE)


def test_nodes_called_normal_on_imaging_alone_leave_the_exam_open() -> None:
    result = bot.analyze("49F new L IDC 2.2 cm, no abnormal nodes on imaging, untreated")
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


@pytest.mark.parametrize("text", ["49F new L IDC 2.2 cm, nodes positive? US booked, untreated",
                                  "49F new L IDC 2.2 cm, cN0?, untreated"])
def test_a_nodal_status_with_a_question_mark_is_asked(text: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing) == (bot.NEEDS_INFO, ["clinical_nodes"])


def test_a_question_that_ends_with_the_nodal_status_keeps_it() -> None:
    result = bot.analyze("Should we image the axilla of a 52F with a new 1.6 cm L IDC, untreated, clinically N0?")
    assert result.variant_id == "axilla-3"


@pytest.mark.parametrize("text, nodes", [("52F new L IDC 2.6 cm. Palpable nodes? No. Treated? No.", "negative"),
                                         ("52F new L IDC 2.6 cm. Palpable nodes? Yes. Treated? No.", "positive")])
def test_a_checklist_item_takes_its_answer(text: str, nodes: str) -> None:
    assert bot.analyze(text).facts["clinical_nodes"] == nodes


def test_a_recurrence_whose_biopsy_is_still_to_come_is_worked_up_first() -> None:
    result = bot.analyze("67F, local recurrence in the L breast 1.1 cm on US, core biopsy booked for Friday")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "no_tissue_diagnosis")


@pytest.mark.parametrize("answer, over", [("below 2", False), ("<1.5", False), ("more than 2", True), (">3", True)])
def test_a_comparison_without_its_unit_answers_the_size_question_as_a_side_of_2_cm(answer: str, over: bool) -> None:
    facts = bot.extract(answer, expecting="tumor_size_cm").facts
    assert (facts["tumor_size_cm"], facts["tumor_over_2cm"]) == (None, over)


def test_at_least_2_without_its_unit_is_asked() -> None:
    ext = bot.extract("at least 2", expecting="tumor_size_cm")
    assert ext.facts["tumor_over_2cm"] is None and ext.residue


def test_misspelt_side_words_are_read() -> None:
    facts = bot.extract("49 yo woman, rubbery lumps in boht armpits (rite and lfet), no breast cancer hx").facts
    assert facts["axillary_lump"] == "bilateral"


def test_impalpable_nodes_are_a_negative_exam() -> None:
    assert bot.analyze("59F new R IDC 2.7 cm, axillary nodes impalpable, untreated").variant_id == "axilla-5"


@pytest.mark.parametrize("text", ["59F new R IDC 1.1 cm at 7 o'clock 3 cm below the inframammary fold, cN0, untreated",
                                  "59F new R IDC, two foci of 1.1 cm and 0.9 cm 4 cm apart, cN0, untreated"])
def test_a_distance_after_a_size_does_not_take_its_place(text: str) -> None:
    assert bot.analyze(text).variant_id == "axilla-3"


def test_a_cancer_sent_for_neoadjuvant_chemotherapy_is_untreated() -> None:
    result = bot.analyze("59F new R IDC 3.2 cm, cN1, referred for neoadjuvant chemo")
    assert (result.facts["treatment"], result.variant_id) == (None, "axilla-6")


def test_markdown_bold_field_labels_are_read() -> None:
    result = bot.analyze("**Age**: 57F  \n**Dx**: new R IDC  \n**Size**: 2.2 cm  \n__Axilla__: clinically clear  \n"
                         "**Treatment**: none yet")
    assert result.variant_id == "axilla-5"


def test_a_clinical_stage_beside_post_nac_is_the_stage_before_it() -> None:
    result = bot.analyze("48F, cT3N1 R IDC, post-NAC, op booked for Monday")
    assert (result.facts["clinical_nodes"], result.variant_id) == ("positive", "axilla-9")


@pytest.mark.parametrize("answer, finding", [("yes, on the ultrasound", "mammography_or_us"),
                                             ("exam negative but the MRI looks suspicious", "other_imaging")])
def test_a_node_seen_on_imaging_answers_the_node_question(answer: str, finding: str) -> None:
    facts = bot.extract(answer, expecting="clinical_nodes").facts
    assert (facts["clinical_nodes"], facts["node_finding"]) == ("positive", finding)


def test_the_span_of_calcifications_is_not_the_tumour_size() -> None:
    result = bot.analyze("IMPRESSION: R breast 10 o'clock 1.4 cm irregular mass with calcifications spanning 4 cm: "
                         "highly suggestive of malignancy. Core bx: IDC. 66F, axilla clinically negative, untreated.")
    assert (result.facts["tumor_size_cm"], result.variant_id) == (1.4, "axilla-3")


def test_a_denied_sex_is_no_vote_for_it() -> None:
    assert bot.analyze("61F new R IDC 1.2 cm, cN0, untreated (the patient is not male)").facts["sex"] == "female"


FORMS_AND_REPORTS = [
    # MRI sequences and signal are no T category: the size is still asked
    ("66F, biopsy-proven R IDC, untreated; breast MRI: spiculated mass dark on T1 fat-sat, cN0", "needs_info",
     "tumor_size_cm"),
    ("new L ILC, no palpable nodes, untreated. Mass hyperintense on T2 STIR images.", "needs_info", "tumor_size_cm"),
    ("new L ILC, no palpable nodes, untreated. Mass bright on T2, 2.4 cm.", "matched", "axilla-5"),
    # a node called normal still measures what follows it
    ("new R IDC 2.3 cm, untreated, no nodes felt. Axillae: nothing suspicious; biggest R node 0.8 cm with normal "
     "fatty hilum.", "matched", "axilla-5"),
    # two modalities, undated, on both sides of 2 cm: asked, even when one is "today"
    ("new L IDC, axilla clinically negative, untreated. Referral US: 1.6 cm. Our MRI today: 2.5 cm.",
     "needs_info", "tumor_size_cm"),
    # a negation does not reach past a spaced dash, nor past "and a" / "and with"
    ("new R IDC 2.6 cm, untreated. Nipple retraction - none - hard R axillary node felt.", "matched", "axilla-6"),
    ("new R IDC 2.6 cm, untreated, no peau d'orange and a firm palpable R axillary node", "matched", "axilla-6"),
    ("new R IDC 2.6 cm, untreated, free of skin changes and with a palpable R axillary node", "matched", "axilla-6"),
    # a felt node called not suspicious is still felt (a palpable node is node-positive)
    ("new L IDC 1.7 cm, untreated; palpable but soft non-suspicious L axillary node", "matched", "axilla-4"),
    ("new R IDC 1.3 cm, untreated; on exam a small mobile reactive-feeling R axillary node", "matched", "axilla-4"),
    # code-mixed notes: Hindi's negation after what it denies, Spanish and German words for a man
    ("54 saal ki mahila, left breast IDC 2.2 cm, axilla mein node palpable nahi hai, treatment nahi hua",
     "matched", "axilla-5"),
    ("varón de 70 años, carcinoma ductal de mama derecha 2 cm, sin ganglios palpables", "out_of_scope", None),
    # a message about another node region, whose axilla is only denied
    ("INGUINAL US: 52F, lump in the left groin. Findings: 2.1 cm lymph node, rounded, no hilum. Axillae not "
     "involved; no breast cancer history.", "out_of_scope", None),
    ("50F, no cancer history, mammogram: 8 mm intramammary lymph node, upper outer left breast", "out_of_scope",
     None),
    # a CSV export with a header line
    ("mrn,age,sex,dx,size_mm,axilla,treatment\n443,49,F,new L IDC,27,no palpable nodes,none", "matched",
     "axilla-5"),
    ("ref,age,sex,presenting,side,ca_history,imaging\nA7,45,F,palpable axillary lump,right,none,none yet",
     "matched", "axilla-1"),
    # an operation's sentinel node biopsy is no biopsy awaited for the mass
    ("53F just completed neoadjuvant chemotherapy for a 3.1 cm right breast cancer; no nodes felt at diagnosis. The "
     "residual tumour is 1 cm and a lumpectomy with sentinel node biopsy is scheduled.", "matched", "axilla-8"),
    # a regimen's T before a time ("EC-T three weeks ago") is no spoken T category
    ("R IDC 2.9 cm, palpable R axillary node at diagnosis, completed neoadjuvant EC-T three weeks ago, surgery "
     "next", "matched", "axilla-9"),
    # a size taken part-way through chemotherapy is not the size at diagnosis
    ("on neoadjuvant chemo for a 3.8 cm L IDC, cN0 at diagnosis; after cycle 4 the mass is 1.6 cm; new palpable L "
     "axillary lump", "matched", "axilla-7"),
    # two adverbs sharing one finding
    ("R IDC 2.6 cm; at diagnosis the axilla was clinically and radiologically negative; NAC completed", "matched",
     "axilla-8"),
    # a thing's age is no patient's age
    ("47F, 15-year-old saline implants, no cancer history; MRI: suspicious L axillary node", "matched",
     "axilla-12"),
    # a node's absent hilum is a suspicious feature, not an absent node
    ("new L IDC 1.6 cm, untreated; axillary US: node with absent fatty hilum; no nodes felt", "matched", "axilla-4"),
    # Spanish operations: surgery done
    ("paciente de 60 años, ya tuvo tumorectomía derecha con ganglio centinela; patología: 1 de 2 ganglios positivos",
     "out_of_scope", None),
    # an aside between dashes does not say what the size measures
    ("new L IDC - the mass she noticed high up near the armpit - measuring 2.4 cm, cN0, untreated", "matched",
     "axilla-5"),
    # what is denied has no size
    ("new R IDC 2.2 cm without skin involvement; no palpable nodes; untreated", "matched", "axilla-5"),
    # a negation before a study's verb does not reach what the study shows
    ("CT of a 51F with no cancer history reveals a suspicious R axillary node", "matched", "axilla-12"),
    # axillary levels between a negation and the nodes
    ("new L IDC 1.2 cm, untreated. Exam: no palpable level I or level II axillary lymph nodes on the left.",
     "matched", "axilla-3"),
    # a start to come is a plan
    ("new L IDC 3.1 cm, cN0; begins neoadjuvant TC in two weeks", "matched", "axilla-5"),
    # a post-operative day: the operation is done
    ("WR / 66F / POD1 R mastectomy + SLNB for 2.7cm IDC / drain ok / ?US axilla pre d/c", "out_of_scope", None),
    # a treatment to be discussed is a plan
    ("new L IDC 2.5 cm, palpable L axillary node; nothing given yet, oncology clinic next week to discuss "
     "neoadjuvant chemotherapy", "matched", "axilla-6"),
    # a side denied is no side of the lumps ("not just one side: both armpits")
    ("No cancer history and no scans yet. Not just one side: lumps in both armpits, left and right. 45F", "matched",
     "axilla-2"),
    # what cannot be excluded is possible, not a known other cancer
    ("61F, no cancer history, new palpable lumps in both armpits; melanoma cannot be ruled out yet, never imaged",
     "matched", "axilla-2"),
    # words hyphenated at a PDF's line ends are one word again
    ("Diagnosis: invasive lobular carci-\nnoma, right breast, 2.8 cm on ultra-\nsound.\nAxil-\nla: clinically "
     "negative.\nTreatment: none so far.\nPatient: 66-year-\nold woman.", "matched", "axilla-5"),
    # Turkish: case endings after an abbreviation, "lenf nodu"
    ("58 yaşında kadın, meme kanseri öyküsü yok; toraks BT'de sağ aksillada şüpheli lenf nodu", "matched",
     "axilla-12"),
    # the site of a proven metastasis on the line before it
    ("2016: L breast IDC, lumpectomy and RT, done.\n2025: MRI: lesion in the spine.\nCT-guided core: metastatic "
     "breast carcinoma.\n63F, no axillary lump. Axillary imaging?", "out_of_scope", None),
    # a bulleted timeline whose months have names: the old cancer's operation is history
    ("Timeline, Ms P (70):\n- March 2013: right breast IDC 1.1 cm, wide excision and SLNB\n- 2013-2018: "
     "anastrozole, finished\n- October 2025: new firm 2 cm lump in the LEFT armpit, not imaged yet",
     "matched", "axilla-1"),
    # a property that could not be judged denies nothing
    ("Core biopsy of a new 1.9 cm mass at the R lumpectomy scar (IDC treated 2015): recurrent carcinoma. "
     "LVI: not evaluable (core). No distant disease on CT. 72F", "matched", "axilla-10"),
    # NST beside a grade or receptors is the histology, not neoadjuvant systemic therapy
    ("58F, new L breast cancer on core: NST, G2, ER+, 1.7 cm, palpable L axillary node, before any treatment",
     "matched", "axilla-4"),
    # Italian: a new axillary swelling during chemotherapy
    ("paziente di 50 anni, carcinoma mammario destro 3.2 cm alla diagnosi, ascella negativa alla diagnosi; in "
     "chemioterapia neoadiuvante, ciclo 4 di 6; nuova tumefazione ascellare destra", "matched", "axilla-7"),
    # an asymmetry elsewhere is a finding, not a second cancer
    ("new L IDC 2.4 cm, no palpable nodes, untreated; mammo also shows a 6 mm asymmetry in the right breast, "
     "probably benign", "matched", "axilla-5"),
    # the English of Portuguese and Spanish writers: "terminated" is completed, "pretend to" intends
    ("Patient 52 years, female, carcinoma of the left breast 3.3 cm at diagnosis, axilla clinically negative then. "
     "She terminated the neoadjuvant chemotherapy last week; we pretend to operate next month.", "matched",
     "axilla-8"),
    # "pre-chemo" names a time, not a chemotherapy given
    ("44F new R IDC 3.6 cm, palpable R axillary nodes. Pre-chemo, no treatment started, port next week",
     "matched", "axilla-6"),
    # an operation dated years before a new cancer is the earlier cancer's
    ("L lumpectomy 2011 for DCIS. Now a new 2.3 cm IDC in the left breast on core biopsy, palpable L axillary node",
     "matched", "axilla-6"),
]


@pytest.mark.parametrize("text, status, answer", FORMS_AND_REPORTS)
def test_forms_reports_and_mixed_languages_get_their_right_answer(text: str, status: str,
                                                                  answer: Optional[str]) -> None:
    assert decided(text) == (status, answer)


@pytest.mark.parametrize("text, status, answer", [
    # a husband's words in a woman's case are his: "Mr.", "his"
    ("64-year-old woman, new L IDC 2.3 cm on core biopsy, no palpable nodes, untreated. Her husband, Mr. Osei, "
     "came along and asked about his own hernia.", "matched", "axilla-5"),
    # a cancer dated by its year whose treatment is said to be over is history
    ("Mrs. Lind, 70. Background: left breast cancer 2011, treated, all therapy completed 2016. Now a suspicious "
     "right axillary node on a CT chest done for cough.", "matched", "axilla-12"),
    # a record that cannot be found is no negative exam: asked
    ("61F new R IDC 2.6 cm, untreated; I couldn't locate any documentation of her axillary exam", "needs_info",
     "clinical_nodes"),
    ("61F new R IDC 2.6 cm, untreated; no record of an axillary examination in the referral", "needs_info",
     "clinical_nodes"),
    # after chemotherapy, today's exam is not the status at diagnosis, and the earlier one cannot be found
    ("58F, L IDC 3.5 cm at diagnosis, finished neoadjuvant chemo, surgery booked. Axilla clinically clear on "
     "today's exam; I can't find the baseline nodal assessment.", "needs_info", "clinical_nodes"),
    # a statement taken back is not read
    ("49F new L IDC 2.9 cm, suspicious L axillary node on US - disregard that, wrong report; no node felt and the "
     "US axilla is still to be done; untreated", "matched", "axilla-5"),
])
def test_people_and_histories_around_the_patient(text: str, status: str, answer: Optional[str]) -> None:
    assert decided(text) == (status, answer)


@pytest.mark.parametrize("value, status, answer", [
    ("false", "matched", "axilla-5"), ("0", "matched", "axilla-5"), ("N", "matched", "axilla-5"),
    ("No", "matched", "axilla-5"), ("not assessed", "needs_info", "clinical_nodes"),
    ("unknown", "needs_info", "clinical_nodes"), ("n/a", "needs_info", "clinical_nodes"),
    ("?", "needs_info", "clinical_nodes"), ("not known", "needs_info", "clinical_nodes"),
    ("yes", "matched", "axilla-6"),
])
def test_a_forms_node_field_is_read_by_its_value(value: str, status: str, answer: Optional[str]) -> None:
    form = f"Dx: new L IDC\nSize: 3.3 cm\nL axillary node palpable: {value}\nTx: none"
    assert decided(form) == (status, answer)


@pytest.mark.parametrize("text, status, answer", [
    # "=" and pipes are field separators as the colon is
    ("Dx = new R IDC, Size = 2.8 cm, Node palpable = no, Tx = none", "matched", "axilla-5"),
    ("| Dx | new R IDC |\n| Size | 2.8 cm |\n| Node palpable | No |\n| Tx | none |", "matched", "axilla-5"),
    # a negative field answered "no" is a double negative: not known
    ("Dx: new R IDC 2.8 cm\nAxilla negative: no\nTx: none", "needs_info", "clinical_nodes"),
    # rows of two patients in one CSV are two patients
    ("dx,size_cm,axilla,tx\nnew IDC,1.2,negative,none\nnew IDC,4.1,palpable node,none", "out_of_scope", None),
    # a statement taken back in the next sentence or in brackets
    ("new R IDC 2.8 cm, untreated. Palpable R axillary node. Disregard that.", "needs_info", "clinical_nodes"),
    ("new R IDC 2.8 cm, untreated, firm R axillary node (scratch that)", "needs_info", "clinical_nodes"),
    # an MRI sequence after "and" is no T category
    ("new R IDC, no palpable nodes, untreated; mass bright on STIR and T2", "needs_info", "tumor_size_cm"),
    # an internal mammary node without a cancer is another node site; beside one it is regional (positive)
    ("60F, no cancer history, CT: 1.4 cm L internal mammary node", "out_of_scope", None),
    ("new L IDC 1.6 cm, untreated, suspicious L internal mammary node on MRI", "matched", "axilla-4"),
    # a husband's own lump is not the patient's
    ("61F, new R IDC 1.4 cm, untreated. Her husband felt a lump in his own armpit.", "needs_info", "clinical_nodes"),
    # a cycle under way without the therapy named: which treatment is asked
    ("new L IDC 3.4 cm, cN0, currently in cycle 2", "needs_info", "treatment"),
    # a field with one bar, a field left empty, an empty CSV cell, a wide markdown table
    ("Dx | new L IDC\nSize | 3.1 cm\nNode palpable | No\nTx | none", "matched", "axilla-5"),
    ("Dx: new L IDC\nSize: 3.1 cm\nNode palpable:\nTx: none", "needs_info", "clinical_nodes"),
    ("age,sex,dx,size_cm,node_palpable,tx\n61,F,new L IDC,3.1,,none", "needs_info", "clinical_nodes"),
    ("| age | dx | size | node palpable | tx |\n|---|---|---|---|---|\n| 61 | new L IDC | 3.1 cm | no | none |",
     "matched", "axilla-5"),
    ("new L IDC 3.1 cm, untreated, nodal status unknown", "needs_info", "clinical_nodes"),
    # an exam not done, or a record of a node not found, says nothing of the node
    ("new L IDC 3.1 cm, untreated; axillary nodes have not been examined yet", "needs_info", "clinical_nodes"),
    ("new L IDC 3.1 cm, untreated; nobody has checked for palpable nodes", "needs_info", "clinical_nodes"),
    ("new L IDC 3.1 cm, untreated; I couldn't find any note of a palpable node", "needs_info", "clinical_nodes"),
    # a negative denied is no negative
    ("new L IDC 1.1 cm, untreated, the axilla is not clinically negative", "needs_info", "clinical_nodes"),
    # a node called contralateral and proven is distant; the contralateral axilla's normal exam is the other side's
    ("new IDC 1.9 cm, untreated, contralateral axillary node FNA positive for carcinoma", "out_of_scope", None),
    ("new L IDC 1.9 cm, untreated, palpable L axillary node; contralateral axilla normal", "matched", "axilla-4"),
    # not felt but suspicious on imaging: node-positive
    ("new L IDC 1.9 cm, untreated, axillary node not palpable but suspicious on MRI", "matched", "axilla-4"),
    # a size taken back by name: asked; a size said after it stands
    ("new R IDC 2.3 cm, cN0, untreated - disregard the measurement, it was another lesion", "needs_info",
     "tumor_size_cm"),
    # an exam that has changed: which holds is asked
    ("new R IDC 1.3 cm, untreated; R axillary node not palpable in March, today palpable", "needs_info",
     "clinical_nodes"),
    # Hindi "don't know whether": not known
    ("new R IDC 1.3 cm, untreated, axilla mein node hai ya nahi pata nahi", "needs_info", "clinical_nodes"),
    # a post-operative day counts from the operation named after it, not from a port
    ("new L IDC 3.2 cm, palpable L axillary node; POD1 after port insertion, first chemo next week", "matched",
     "axilla-6"),
    # a chemotherapy with a time to come right after it is a plan
    ("new R IDC 2.9 cm, cN0, seen after her echo; chemo in two weeks", "matched", "axilla-5"),
    # a denied organ is no region of the node after it; a compound hyphen at a line end is kept
    ("new R IDC 2.2 cm, untreated. No skin changes - palpable node in the right axilla.", "matched", "axilla-6"),
    ("new R IDC 2.2 cm, untreated, axilla clinically node-\nnegative", "matched", "axilla-5"),
    # the referrer's title and pronoun are not the patient's
    ("new L IDC 3 cm, cN0, untreated, sent by Mr. Okoye; the referring surgeon, he asks about the axilla",
     "matched", "axilla-5"),
    # a recurrence: the first cancer's size, told with its dated operation, is not asked about
    ("74F: L mastectomy in 2010 for a 3.1 cm IDC. Now a 6 mm nodule in the mastectomy scar, core biopsy: "
     "recurrent carcinoma. No distant disease.", "matched", "axilla-10"),
    # a litre is no left side
    ("R breast Ca 2.4 cm, palpable R axillary node, untreated. Corrected Ca 2.31 mmol/L.", "matched", "axilla-6"),
    # a negation reaches every short item of its list to the "or"
    ("new L IDC 2.2 cm, untreated. Exam: no dimpling, nipple discharge, or palpable axillary lymph nodes.",
     "matched", "axilla-5"),
    # ... and not past a list that has no "or"
    ("new L IDC 2.2 cm, untreated. Exam: no dimpling, hard palpable L axillary lymph node.", "matched", "axilla-6"),
    # a husband's pronoun is his
    ("new L IDC 3 cm, cN0, untreated. Her husband wonders whether he needs a scan too.", "matched", "axilla-5"),
    # tab- and semicolon-separated exports (the latter with a decimal comma in centimetres)
    ("age\tsex\tdx\tsize_mm\tnode palpable\ttx\n58\tF\tnew R IDC\t24\tno\tnone", "matched", "axilla-5"),
    ("age;sex;dx;size_cm;node palpable;tx\n58;F;new R IDC;1,6;yes;none", "matched", "axilla-4"),
    # units glued to their studies
    ("new L IDC 1.7cm(mammo)/2.3cm(US), cN0, untreated", "needs_info", "tumor_size_cm"),
])
def test_fields_retractions_and_other_sites(text: str, status: str, answer: Optional[str]) -> None:
    assert decided(text) == (status, answer)


@pytest.mark.parametrize("text, variant", [
    # the earlier reading of a node, since revised, gives way to the revised one
    ("71F, new L IDC 2.4 cm, untreated, axilla clear to palpation. The L axillary node first read as abnormal is, on "
     "re-review, a normal reactive node.", "axilla-5"),
    ("71F, new L IDC 1.2 cm, untreated, axilla clear to palpation. US: a node originally reported as benign now "
     "shows a 5 mm cortex, suspicious.", "axilla-4"),
])
def test_a_revised_reading_of_a_node_replaces_the_first(text: str, variant: str) -> None:
    assert bot.analyze(text).variant_id == variant


@pytest.mark.parametrize("text", ["70 yo m, new R IDC 1.6 cm, cN0, untreated",
                                  "70 m with a new R IDC 1.6 cm, cN0, untreated",
                                  "a 70 yo gent, new R IDC 1.6 cm, cN0, untreated"])
def test_a_man_written_in_lower_case_or_as_a_gent_is_out_of_scope(text: str) -> None:
    assert bot.extract(text).facts["sex"] == "male"


@pytest.mark.parametrize("said", ["N0 on the MRI", "CT chest: N0", "N0 (mammogram)"])
def test_an_n_category_a_study_gives_is_no_exam(said: str) -> None:
    assert bot.analyze(f"49F, new R IDC 2.7 cm, untreated; {said}.").missing == ["clinical_nodes"]


@pytest.mark.parametrize("text", [
    "49F, 2.7 cm R breast cancer on MRI, core biopsy in two weeks, cN0",
    "49F new R IDC 2.7 cm, cN0. Histology not back: IDC presumed, no tissue obtained yet.",
    "49F, new R breast cancer 2.7 cm on imaging diagnosis only, cN0",
    "49F, new R carcinoma? 2.7 cm, cN0",
])
def test_a_cancer_without_its_tissue_yet_gets_no_recommendation(text: str) -> None:
    assert bot.analyze(text).status != bot.MATCHED


@pytest.mark.parametrize("said", ["de novo metastatic disease", "a malignant pleural effusion",
                                  "leptomeningeal disease", "widely metastatic"])
def test_distant_disease_by_its_other_names_is_out_of_scope(said: str) -> None:
    assert bot.extract(f"49F new R IDC 2.7 cm, palpable R axillary node, {said}").facts["distant_metastases"] is True


@pytest.mark.parametrize("history", ["breast cancer treated in 2016", "a breast cancer survivor",
                                     "in remission from breast cancer", "breast cancer (treated)"])
def test_a_cancer_told_as_treated_or_in_remission_is_history(history: str) -> None:
    result = bot.analyze(f"66F, {history}, now a new lump in the R armpit, not imaged")
    assert result.variant_id == "axilla-1"


@pytest.mark.parametrize("said", ["Not found: nipple changes, skin dimpling, palpable axillary nodes, arm oedema.",
                                  "Negative for: skin tethering, nipple inversion, axillary adenopathy on palpation."])
def test_a_negative_heading_negates_every_item_of_its_list(said: str) -> None:
    assert bot.extract(f"52F new R IDC 2.6 cm, untreated. {said}").facts["clinical_nodes"] != "positive"


@pytest.mark.parametrize("answer", ["- no", "(N)", ": ✘"])
def test_a_checklist_s_no_after_a_dash_in_brackets_or_as_a_cross_is_no(answer: str) -> None:
    assert bot.extract(f"52F new R IDC 2.6 cm, untreated. Palpable axillary lymph node {answer}").facts[
        "clinical_nodes"] == "negative"


def test_axis_labels_between_dimensions_leave_the_dimensions() -> None:
    assert bot.extract("52F new R IDC 1.9 (CC) x 2.3 (ML) cm, cN0, untreated").facts["tumor_size_cm"] == 2.3


@pytest.mark.parametrize("text, lump", [
    ("37F, no cancer history, R armpit lump and another on the opposite side, not imaged", "bilateral"),
    ("37F, no cancer history, R armpit lump. The left armpit has one as well. Not imaged.", "bilateral"),
    ("37F, no cancer history, R armpit lump, opposite axilla normal, not imaged", "unilateral"),
    ("37F, no cancer history, lumps in both armpits - sorry, only the right one, not imaged", "unilateral"),
    ("37F, no cancer history, lumps in both armpits, the right only a little larger, not imaged", "bilateral"),
])
def test_the_other_side_said_without_its_name_and_one_side_said_only(text: str, lump: str) -> None:
    assert bot.extract(text).facts["axillary_lump"] == lump


@pytest.mark.parametrize("text", [
    "61F, ILC 2.3 cm removed at lumpectomy, axilla clinically negative",
    "Lumpectomy specimen: ILC 2.3 cm. 61F, axilla clinically negative.",
    "61F, ILC 2.3 cm, pT2 pN0(sn), axilla clinically negative",
])
def test_a_cancer_said_removed_or_a_specimen_is_after_surgery(text: str) -> None:
    assert bot.extract(text).facts["treatment"] == "post_surgery"


def test_clear_margins_as_a_plan_s_aim_are_no_operation() -> None:
    text = "61F new ILC 2.3 cm, cN0, untreated; the aim is wide excision with clear margins next month"
    assert bot.analyze(text).variant_id == "axilla-5"


def test_a_node_offered_with_its_denial_is_asked() -> None:
    assert bot.analyze("61F new ILC 2.3 cm, untreated, L axillary node palpable or not, hard to say").missing == [
        "clinical_nodes"]


@pytest.mark.parametrize("text, status, variant", [
    ("69F, R BCT in 2012, now a R axillary lump whose core shows metastatic breast carcinoma", "matched",
     "axilla-10"),
    ("69F, R BCT in 2012, now a L axillary lump whose core shows metastatic breast carcinoma", "out_of_scope", None),
    ("69F, R mastectomy in 2012 for ILC, now a biopsy-proven R chest wall nodule", "matched", "axilla-10"),
])
def test_after_breast_conserving_therapy_a_proven_node_or_chest_wall_lesion_is_a_recurrence_by_its_side(
        text: str, status: str, variant: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.variant_id) == (status, variant)


def test_a_breast_operation_years_ago_with_a_new_axillary_lump_is_a_past_cancer() -> None:
    text = "57F, L mastectomy and radiotherapy 2014, all done. New lump in the R armpit for a week, no imaging yet."
    assert bot.analyze(text).variant_id == "axilla-1"


def test_chemotherapy_given_proves_the_cancer_it_treats() -> None:
    text = ("57F finished neoadjuvant chemo last week; original tumour 3.3 cm in the L breast (BI-RADS 5 at "
            "diagnosis), L axilla clinically clear at diagnosis; surgery in 2 weeks")
    assert bot.analyze(text).variant_id == "axilla-8"


def test_b4_as_text_speak_is_no_biopsy_code() -> None:
    text = "57F new R IDC 2.8 cm, palpable R axillary node, untreated. what axillary imaging b4 the MDT?"
    assert bot.analyze(text).variant_id == "axilla-6"
    assert bot.analyze("57F, 2.8 cm R breast mass, core: B4, palpable R axillary node").status == bot.OUT_OF_SCOPE


def test_neoadjuvant_dictated_as_two_words_is_neoadjuvant() -> None:
    text = "57F on neo adjuvant chemo, cycle 2 of 6, for a 3.3 cm L IDC, cN0 at diagnosis, now a new L axillary lump"
    assert bot.analyze(text).variant_id == "axilla-7"


def test_lines_that_open_with_a_symbol_are_bullets_not_a_wrapped_sentence() -> None:
    text = "✅ 33F\n⛔ never had cancer\n➡️ new lumps in both armpits\n➡️ not imaged\n❔ which test first"
    assert bot.analyze(text).variant_id == "axilla-2"


@pytest.mark.parametrize("said", ["R axillary nodes not convincingly palpable",
                                  "no clearly enlarged R axillary node felt",
                                  "Lymphknoten rechts axillär nicht eindeutig tastbar"])
def test_a_hedged_denial_of_a_node_is_asked(said: str) -> None:
    assert bot.analyze(f"52F new R IDC 2.6 cm, untreated; {said}").missing == ["clinical_nodes"]


def test_a_cancer_in_a_differential_diagnosis_is_no_diagnosis() -> None:
    text = "52F, 2.6 cm R breast mass; differential diagnosis: ILC vs phyllodes; R axilla clear on exam"
    assert bot.analyze(text).status == bot.OUT_OF_SCOPE


@pytest.mark.parametrize("text, variant", [
    ("Donna di 47 anni, carcinoma della mammella destra di 2,6 cm alla diagnosi con linfonodo ascellare destro "
     "palpabile (cN1). Ha completato la chemioterapia neoadiuvante.", "axilla-9"),
    ("Femme de 47 ans, carcinome du sein droit de 3 cm, axille cliniquement négative au diagnostic. En cours de "
     "chimiothérapie néoadjuvante (cure 3/6), nouvelle masse axillaire droite palpable.", "axilla-7"),
])
def test_a_size_at_diagnosis_and_chemotherapy_under_way_in_other_languages(text: str, variant: str) -> None:
    assert bot.analyze(text).variant_id == variant


def test_a_size_reported_in_error_gives_way_to_the_right_one() -> None:
    text = "Addendum: the mass was measured as 1.4 cm in error; it is 2.7 cm. 49F, new L IDC, cN0, untreated."
    assert bot.extract(text).facts["tumor_size_cm"] == 2.7


def test_snake_case_keys_are_their_words() -> None:
    text = "diagnosis=new ILC; size_cm=1.6; palpable_axillary_node=yes; treatment_status=none; age=70"
    assert bot.analyze(text).variant_id == "axilla-4"


def test_a_node_a_second_study_did_not_confirm_is_no_suspicious_node() -> None:
    text = ("52F new R IDC 2.6 cm, untreated, axilla clear on exam; the abnormal node on the outside MRI was not "
            "reproduced")
    assert bot.analyze(text).status != bot.MATCHED or bot.analyze(text).variant_id == "axilla-5"
    assert bot.extract(text).facts["clinical_nodes"] != "positive"


@pytest.mark.parametrize("text", [
    "Relayed message: lumpectomy 4 years ago, on letrozole, feels well; should she have her armpits scanned each year?",
    "38F, BRCA1 carrier, no symptoms, breast and axillary exam normal: what yearly imaging should she have?",
])
def test_a_question_about_routine_yearly_imaging_without_a_finding_is_out_of_scope(text: str) -> None:
    assert bot.analyze(text).status == bot.OUT_OF_SCOPE


def test_an_operation_asked_about_for_the_future_has_not_happened() -> None:
    text = ("45F new ILC 2.6 cm, palpable R axillary node, untreated; will she need an axillary US each year after "
            "surgery?")
    assert bot.analyze(text).variant_id == "axilla-6"


@pytest.mark.parametrize("text, status", [
    ("47F, no known cancer; PET-CT: avid 1.8 cm L axillary node, suspicious; no breast lesion found", "matched"),
    ("47F; L axillary node core: metastatic adenocarcinoma, breast primary likely; no breast lesion found",
     "out_of_scope"),
])
def test_no_breast_lesion_found_is_an_occult_primary_only_beside_a_proven_node(text: str, status: str) -> None:
    assert bot.analyze(text).status == status


def test_an_interview_s_answers_are_read_about_their_questions() -> None:
    text = ("Q: Cancer history?\nA: Never.\nQ: Lumps where?\nA: Both armpits, new this month.\nQ: Imaged?\nA: Not yet."
            "\nQ: Age?\nA: 44, female.")
    assert bot.analyze(text).variant_id == "axilla-2"


def test_the_same_side_axilla_is_the_ipsilateral_one() -> None:
    text = ("41F, cycle 2 of 6 of neoadjuvant chemo for a 3.1 cm L IDC, cN0 at diagnosis; new lump in the same-side "
            "armpit")
    assert bot.analyze(text).variant_id == "axilla-7"


def test_a_faxed_page_read_by_text_recognition_gives_its_facts() -> None:
    text = ("FAX 1/1 -- Westgate Breast Unit\nRe: Mrs H., 58 y/o fema1e. New1y diagnosed right breast 1obu1ar "
            "carcinorna, 2.8 crn on MRl. Right axi11a: no pa1pab1e 1ymph nodes on exarn. No treatrnent yet.")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.8)


def test_a_phones_autocorrect_gives_its_facts() -> None:
    text = "61F newly diagnosed ICD R breast 3.1 cm, sentinel mode? no - a hard axial mode on the right. Not started tx"
    assert bot.analyze(text).variant_id == "axilla-6"


def test_a_registry_abstract_gives_its_facts() -> None:
    text = ("CANCER REGISTRY ITEMS\nSex [220]: 2 (Female)\nAge at Diagnosis [230]: 071\nLaterality [410]: 1 Right\n"
            "Histology [522]: 8500 ductal carcinoma\nTumor Size Clinical [752]: 026 (mm)\nTNM Clin N [950]: cN0\n"
            "Chemo [1390]: 00 (none yet)\nNote: newly diagnosed, untreated; axillary imaging?")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"], result.facts["age"]) == ("axilla-5", 2.6, 71)


def test_a_message_as_long_as_the_channels_accept_is_read_to_its_end() -> None:
    filler = "Past history: hypertension, well controlled on amlodipine. " * 75  # about 4,400 characters
    result = bot.analyze("Referral for staging: left-sided ductal carcinoma of 2.6 cm, firm left axillary node felt, "
                         "no therapy so far. " + filler
                         + "Staging CT: liver metastases.")
    assert result.status == bot.OUT_OF_SCOPE and result.facts["distant_metastases"] is True


def test_a_lay_word_for_the_lump_and_an_age_of_years_are_read() -> None:
    result = bot.analyze("Woman of 33 years, never any breast cancer, she feels a knot under the left arm since two "
                         "weeks, no image done")
    assert (result.variant_id, result.facts["age"]) == ("axilla-1", 33)


def test_an_arrow_between_two_sizes_is_no_comparison() -> None:
    result = bot.analyze("68F, L breast mass 1.6 cm (Feb) -> 2.4 cm (Oct), core bx IDC, new dx, cN0, no treatment")
    assert result.variant_id != "axilla-3"  # not "> 2.4 cm" beside 1.6 cm read as 1.6 cm
