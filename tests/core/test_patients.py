"""A list of patients whose question names one of them is read for that patient only (bot/nlp/patients.py)."""
import pytest

import bot
from bot.nlp import patients

WARD = ("Night list. Room 3 - 52F, pyelonephritis, on IV co-amoxiclav. Room 4 - 61F, admitted with a fall, "
        "new 1.4 cm L breast IDC on core biopsy last week, no palpable L axillary node on exam, no treatment yet. "
        "Room 7 - 88M, AKI. ")


@pytest.mark.parametrize("text, labels", [
    ("Bed 1 - 40M, asthma. Bed 2 - 70F, COPD.", ["1", "2"]),
    ("Patient A: 3 cm IDC.\nPatient B: 1 cm IDC.", ["a", "b"]),
    ("Bed 5 - 55F, new L IDC 2 cm.", []),  # one entry: not a list
    ("She was moved to bed 5 - the side room.", []),  # a bed named inside a sentence is no heading
    ("Handover: Bed 1 - 40M, asthma. Bed 2 - 70F, COPD.", ["1", "2"]),  # a list after its title's colon
    ("Clinic list: 1) 52F, IDC. 2) 61F, ILC.", ["1", "2"]),             # a numbered list
])
def test_entries_are_headings_at_the_start_of_a_line_or_sentence(text, labels):
    assert [e.label for e in patients.entries(text)] == labels


def test_the_asked_entry_spans_its_heading_to_the_next_heading():
    entry = patients.asked_entry(WARD + "Surgeons ask about room 4: which axillary imaging?")
    assert entry is not None and entry.heading == "Room 4"
    assert WARD[entry.start:entry.end].startswith("Room 4 - 61F") and WARD[entry.end:].startswith("Room 7")


@pytest.mark.parametrize("question", [
    "Which axillary imaging?",                      # names no entry
    "Rooms 3 and 4 - anything for room 3 or room 4?",  # names two
    "What about room 9?",                            # names one not listed
])
def test_a_list_whose_question_names_no_single_entry_has_no_asked_entry(question):
    assert patients.asked_entry(WARD + question) is None


def test_only_the_asked_patient_is_read_and_no_other_patient_s_fact_reaches_the_case():
    result = bot.analyze(WARD + "The admitting team asks about room 4 only.")
    assert (result.status, result.variant_id) == (bot.MATCHED, "axilla-3")
    assert (result.facts["age"], result.facts["sex"]) == (61, "female")  # not 52 or male
    assert any("(Room 4)" in a for a in result.assumptions)
    ext = bot.extract(WARD + "The admitting team asks about room 4 only.")
    assert all(WARD.index("Room 4") <= e.start < WARD.index("Room 7") for spans in ext.evidence.values() for e in spans)


def test_a_list_whose_question_names_no_patient_stays_several_patients():
    result = bot.analyze(WARD + "Any imaging advice?")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "several_patients")


@pytest.mark.parametrize("text, heading", [
    ("Clinic list\n1. D.R., 59F - R IDC 1.1 cm, cN0, untreated\n2. F.O., 47F - L IDC 2.9 cm, cN1, untreated\n"
     "Advice please for F.O.", "2."),
    ("Board\n#1 H.S. 70F: L ILC 1.9 cm, cN0\n#2 B.T. 52F: R IDC 3.3 cm, cN0, mid-NAC\nQuestion: #2 only", "#2"),
    ("Worklist\n- Mrs Oduya, 63 - L IDC 1.5 cm, cN0\n- Mrs Lind, 49 - R IDC 2.7 cm, palpable R node\n"
     "Radiology: what for Mrs Lind?", "- Mrs Lind"),
])
def test_a_numbered_or_named_list_s_question_names_its_patient(text: str, heading: str) -> None:
    entry = patients.asked_entry(text)
    assert entry is not None and entry.heading == heading


def test_a_numbered_problem_list_of_one_patient_is_no_list_of_patients() -> None:
    text = ("A/P Mrs Quayle\n1. L IDC 3.2 cm, cN0, neoadjuvant chemotherapy finished last week\n2. Hypertension\n"
            "3. Asthma\nMrs Quayle asks about axillary imaging before surgery")
    assert patients.entries(text) == []
    assert bot.analyze(text).variant_id == "axilla-8"


def test_a_number_heading_is_no_age_of_the_patient_it_heads() -> None:
    text = "MDT\n#4 K.L. 66F: R IDC 2.4 cm, cN0, untreated\n#5 M.P. 58F: L IDC 1.2 cm, cN1\nPlease advise on #4 (K.L.)"
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["age"]) == ("axilla-5", 66)


@pytest.mark.parametrize("text", ["Next up: 71F, L IDC 1.3 cm, cN0", "and another - 44F, R ILC 2.9 cm, cN1",
                                  "Following case: 58F, new R IDC 2 cm"])
def test_a_message_that_opens_with_the_next_of_a_series_is_a_new_case(text: str) -> None:
    assert bot.extract(text).new_case


def test_patients_labelled_by_title_and_letter_are_several_patients() -> None:
    result = bot.analyze("Clinic. Ms A: new L IDC 1.8 cm, cN0. Ms B: new R IDC 4 cm, cN1, finished NAC.")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "several_patients")


def test_a_list_numbered_in_brackets_is_read_for_the_patient_its_question_names() -> None:
    text = ("MDT list\n(1) Ms Quinlan 63 - L IDC 1.2 cm, cN0, untreated\n"
            "(2) Ms Abara 55 - R IDC 2.7 cm, cN0, untreated\nRadiology question: (2) Ms Abara")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["tumor_size_cm"]) == ("axilla-5", 2.7)


@pytest.mark.parametrize("listed, asked, variant", [
    ("Today's list: (1) 52F, new R IDC 1.2 cm, cN0, untreated. (2) 70F, new L IDC 3.3 cm, palpable L node, "
     "untreated.", "Question about #1.", "axilla-3"),
    ("Two referrals: A) 52F, new R IDC 1.2 cm, cN0, untreated; B) 70F, new L IDC 3.3 cm, palpable L node, "
     "untreated.", "Advice on patient B please.", "axilla-6")])
def test_a_list_with_its_labels_inside_a_line_is_read_for_the_patient_asked_about(listed, asked, variant):
    assert bot.analyze(f"{listed} {asked}").variant_id == variant
