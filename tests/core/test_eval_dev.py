"""The shared scorer on the dev set (the issue's bar) and on our own blind sets: no unsafe answer.

The blind sets (tests/data) were written by people who had not seen the code, each in styles unlike the dev
set; they were scored untuned first (the session notes give those scores) and then used to find kinds of
faults, so they now guard against regressions rather than measure generalisation."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
DATA = ROOT / "tests" / "data"
SUMMARY = re.compile(r"cases (\d+): status ([\d.]+) variant ([\d.]+) unsafe (\d+)")


def score(folder: Path, *bounds: str) -> subprocess.CompletedProcess:
    """`score.py cases FOLDER` from the project root, with this interpreter running the core."""
    assert (EVAL / "score.py").exists(), f"{EVAL} is not available: the evaluation needs ../shared"
    return subprocess.run([sys.executable, str(EVAL / "score.py"), "cases", str(folder), "--python", sys.executable,
                           *bounds], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_dev_set_meets_the_bar() -> None:
    proc = score(EVAL / "dev", "--require-status", "0.97", "--require-variant", "0.97", "--max-unsafe", "0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert SUMMARY.search(proc.stdout)


# (set, lowest status accuracy): each set's floor is the bar (0.97) once its kinds were fixed; sets G (end of
# session 9: multi-bed handovers answered "one patient at a time"), H and I (session 10: trial screens, addenda,
# code-switching, hypotheticals, rambling narratives), s16 O and P (discharge summaries, synoptic pathology,
# FHIR, non-native English) still have over-cautious answers left, so their floor is their score, to catch
# regressions. s17 Q and R (forms, CSV and pipe tables, PDF pastes, MRI reports, code-mixed text) were written
# blind in session 17 and scored 0.890 and 0.846 before any tuning; s18 S (dictation, MDT minutes, SOAP notes,
# HL7/FHIR/INI pastes, genetics notes, addenda, emoji bullets, whole-sentence German, French and Spanish) scored
# 0.824 before any tuning in session 18 (0.969 at its end, 0.981 in session 19). s19 T (OCR of faxes, phone
# autocorrect, chat exports, e-consult forms, registry abstracts, board lists asking about one patient, symbol-dense
# notes, translation-tool English, whole-sentence Italian, Portuguese, Dutch and Polish) scored 0.757 with 3 unsafe
# answers before any tuning in session 19 (0.944 at its end). s20 U (I-PASS handoffs, ICD-10 problem lists, CDA XML,
# newest-first logs, flowsheets, sonographer worksheets, coded research forms, footnoted summaries, spoken
# corrections, whole-sentence Swedish, Turkish, Czech and Tagalog-English) scored 0.729 with 5 unsafe answers before
# any tuning in session 20 (0.987 at its end). s21 V (journal case reports with figure legends, BI-RADS per lesion
# with a COMPARISON line, advice-line logs, MDT e-mail disagreements, voice memos, timelines by age, order sets,
# SQL inserts, logfmt lines, vowel-dropped texts, Hinglish, Norwegian) scored 0.768 with 3 unsafe answers before any
# tuning in session 21 (0.921 at its end: over-cautious answers left). s24 Y (tumour-board minutes, SBAR, URL queries,
# command options, log lines, XML records, Markdown tables by side, OCR slips, prompt wrappers, Scots, Singlish,
# Māori-English, Danish, Japanese) scored 0.867 with 7 unsafe answers before any tuning in session 24; its breaker's
# qa29 set (unread scripts, biopsy measures, impressions of cancer, imaged axillary masses, other patients' findings)
# gave 30 unsafe answers in 200 (0.936 and 0.930, both with no unsafe answer, at the end of session 24). s29 A (OCR'd
# faxes, spoken punctuation, SBAR/I-PASS, CAP synoptic reports, prior-authorisation forms, telehealth transcripts,
# Spanish/French/Italian/Japanese/Chinese/Arabic clinicians' English, sizes in inches) scored 0.924 with 4 unsafe
# answers before any tuning in session 29; its breaker's qa36 set (N categories denied, withdrawn or supposed beside a
# negative exam, numbered cycles done, other people's titles) 0.863 with 30 unsafe (0.893, none unsafe, at its end).
# s30 A (HL7/FHIR fragments, nurse triage and navigator phone logs, insurance appeals, trial screening logs, reported
# speech, speech-to-text homophones, arrows and symbols, struck-through handovers, Irish/Nigerian/Singaporean English)
# scored 0.929 with 2 unsafe answers before any tuning in session 30; its breaker's qa37 set (899 confidently labelled
# of 976: operations and systemic therapy in words the core did not know, read as no treatment; surgery form fields;
# a node seen on CT and on US; a new cancer in a breast treated before) 0.879 with 72 unsafe (0.909, none, at its end).
# s31 A (MCQ stems, referral and consultant letters, e-mail threads with quoted corrections, smartphrase templates,
# discharge summaries, full radiology reports, lesion lists, Russian/Portuguese/German/Korean clinicians' English)
# scored 0.917 with 3 unsafe answers before any tuning in session 31 (0.975, none, at its end); its breaker's qa38 set
# (761 confidently labelled of 815: fractions of an inch, part of a chemotherapy course called done or planned, men
# named by what they are to someone, doubted answers, other people's and past entries' findings) 0.842 with 67
# unsafe (0.950, none, at its end).
# s32 A (published case-report prose, journal-club vignettes, tumour-board minutes with attendees, Slack exports,
# voice memos, letters to the patient, medicolegal statements, second-read addenda, ward rounds with ditto marks, Latin
# shorthand, Scottish/Welsh/Jamaican/Swedish clinicians' English) scored 0.905 with 2 unsafe answers before any tuning
# in session 32 (0.989, none, at its end); its breaker's qa39 set (745 confidently labelled of 805: bounds on a size in
# every form, double negations of a negative exam, clavicular nodes beside a clear axilla, doubts about something
# else) 0.850 with 72 unsafe (0.944, none, at its end). breaker_s26_qa32's floor went to 0.90 in session 32: "IDC up
# to 2.3 cm", which it reads as a size and qa39 as a bound, is asked.
# s33 A (HL7 CDA XML, chemo order sets and regimen calendars, MDT Impression/Plan lists, phone autocorrect, trainee
# quizzes, radiation-oncology consults, TSV rows, QI checklists with boxes, survivorship plans, LaTeX, Farsi/Swahili/
# Thai/Indonesian/Romanian/Finnish clinicians' English) scored 0.863 with 6 unsafe answers before any tuning in
# session 33 (0.920, none, at its end; its floor is that end score, short of 0.97).
BLIND_SETS = [("holdout_cases", "0.97"), ("blind_s8_a", "0.97"), ("blind_s8_b", "0.97"), ("blind_s8_c", "0.97"),
              ("blind_s8_d", "0.97"), ("blind_s8_e", "0.97"), ("blind_s9_f", "0.97"), ("blind_s9_g", "0.92"),
              ("blind_s10_h", "0.96"), ("blind_s10_i", "0.94"), ("blind_s16_o", "0.94"), ("blind_s16_p", "0.96"),
              ("blind_s17_q", "0.98"), ("blind_s17_r", "0.97"), ("blind_s18_s", "0.97"),
              ("blind_s19_t", "0.96"), ("blind_s20_u", "0.98"), ("blind_s21_v", "0.96"), ("blind_s22_w", "0.97"),
              ("blind_s24_y", "0.94"), ("breaker_s24_qa29", "0.93"), ("blind_s25_z", "0.99"),
              ("breaker_s25_qa30", "0.96"), ("breaker_s25_qa31", "0.93"), ("blind_s26_a", "0.98"),
              ("breaker_s26_qa32", "0.90"), ("blind_s27_a", "0.99"), ("breaker_s27_qa33", "0.98"),
              ("breaker_s27_qa34", "0.95"), ("blind_s28_a", "0.97"), ("breaker_s28_qa35", "0.90"),
              ("blind_s29_a", "0.97"), ("breaker_s29_qa36", "0.89"), ("blind_s30_a", "0.97"),
              ("breaker_s30_qa37", "0.90"), ("blind_s31_a", "0.97"), ("breaker_s31_qa38", "0.94"),
              ("blind_s32_a", "0.97"), ("breaker_s32_qa39", "0.94"), ("blind_s33_a", "0.92")]


@pytest.mark.parametrize("name, floor", BLIND_SETS)
def test_our_blind_sets_have_no_unsafe_answer(name: str, floor: str, tmp_path: Path) -> None:
    shutil.copy(DATA / f"{name}.jsonl", tmp_path / "cases.jsonl")
    proc = score(tmp_path, "--max-unsafe", "0", "--require-status", floor)
    summary = SUMMARY.search(proc.stdout)
    assert summary, proc.stdout + proc.stderr
    print(f"{name}: {summary.group(0)}")               # shown with -s / in the report
    assert proc.returncode == 0 and summary.group(4) == "0", proc.stdout
