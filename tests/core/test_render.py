"""The message texts every channel shows: recommendation, question, out of scope; quick replies."""
import re
from typing import Any, Dict

import pytest

import bot
from bot import render
from bot.kb import knowledge

NO_UA = {3, 5, 8, 10}
NO_UA_SENTENCE = "No imaging is rated Usually Appropriate"
# One matched case per variant, as text, so that these also run through extraction.
CASES = {
    1: "45F with a new left armpit lump she can feel, no breast cancer ever, not imaged",
    2: "45F with bilateral axillary lumps, no known breast cancer",
    3: "58F newly diagnosed 1.5 cm IDC, cN0",
    4: "58F newly diagnosed 1.5 cm IDC, palpable left axillary node",
    5: "58F newly diagnosed 3 cm IDC, no palpable adenopathy",
    6: "58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet",
    7: "55F 3.5 cm IDC, cN0 at diagnosis, cycle 3 of AC-T, new palpable left axillary lump",
    8: "55F 3.5 cm IDC, cN0, completed neoadjuvant chemotherapy, surgery next week",
    9: "55F 3.5 cm IDC, palpable axillary node at diagnosis, completed neoadjuvant chemotherapy, surgery next week",
    10: "62F s/p L mastectomy 2019 for IDC, now biopsy-proven local recurrence in the chest wall",
    11: "52F no history of breast cancer, suspicious left axillary node on ultrasound",
    12: "52F no known breast ca, CT chest incidentally showed an enlarged left axillary node",
}


def analysis(number: int) -> bot.Analysis:
    result = bot.analyze(CASES[number])
    assert result.variant_id == f"axilla-{number}", result.to_dict()
    return result


@pytest.mark.parametrize("number", CASES)
def test_recommendation_text(number: int) -> None:
    result = analysis(number)
    text = render.answer_text(result)
    assert f"variant {number}" in text and result.variant["title"] in text
    assert result.order_text in text
    assert (NO_UA_SENTENCE in text) is (number in NO_UA)
    for reason in result.reasons:
        assert reason in text


@pytest.mark.parametrize("number", sorted(NO_UA))
def test_without_usually_appropriate_nothing_is_called_the_recommendation(number: int) -> None:
    text = render.answer_text(analysis(number))
    assert "**Usually Appropriate**" not in text
    assert "recommend" not in text.lower().replace("not a standard recommendation", "")
    assert text.index(NO_UA_SENTENCE) < text.index("**May Be Appropriate**")


@pytest.mark.parametrize("number", CASES)
def test_every_option_is_shown_with_its_source(number: int) -> None:
    result = analysis(number)
    text = render.answer_text(result)
    sources_line = next(line for line in text.splitlines() if line.startswith("Sources: "))
    notes = {short: n for n, short in re.findall(r"\[(\d+)\] ([^;\[]+?)(?:;|$)", sources_line[len("Sources: "):])}
    for r in result.recommendations:
        assert r.source_text in notes, (r.procedure, sources_line)
        category_line = next(line for line in text.splitlines() if line.startswith(f"- **{r.category}**"))
        assert re.search(rf"{re.escape(r.procedure)} \([^)]*\) \[{notes[r.source_text]}\]", category_line), r.procedure


def test_categories_best_first_and_variant_one_ratings() -> None:
    text = render.answer_text(analysis(1))
    assert text.index("**Usually Appropriate**") < text.index("**May Be Appropriate**") < text.index(
        "**Usually Not Appropriate**")
    assert "US axilla (O, rating 9)" in text


def test_assumptions_are_shown() -> None:
    result = bot.analyze("new 3 cm IDC, palpable left axillary node")
    text = render.answer_text(result)
    assert result.assumptions and all(a in text for a in result.assumptions)


@pytest.mark.parametrize("text, slot", [
    ("58F newly diagnosed IDC", "tumor_size_cm"),
    ("58F newly diagnosed 3 cm IDC", "clinical_nodes"),
    ("45F, no history of breast cancer, palpable axillary lump", "axillary_lump"),
    ("58F, no history of breast cancer, an axillary node", "node_finding"),
])
def test_the_question_for_the_first_missing_fact(text: str, slot: str) -> None:
    result = bot.analyze(text)
    assert (result.status, result.missing[0]) == ("needs_info", slot)
    assert render.answer_text(result) == render.question_text(slot, result)


def test_the_question_for_the_diagnosis() -> None:
    result = bot.match({"sex": "female", "age": 58})
    assert result.missing == ["diagnosis"]
    assert render.answer_text(result) == render.question_text("diagnosis") == render.questions()["diagnosis"]["text"]


def test_a_conflict_is_named_in_the_question() -> None:
    result = bot.analyze("new IDC 2.4 cm on mammogram, 1.8 cm on ultrasound, cN0")
    text = render.answer_text(result)
    assert text.startswith("Two different sizes") and render.question_text("tumor_size_cm") in text


SLOTS = ("tumor_size_cm", "clinical_nodes", "axillary_lump", "node_finding", "diagnosis", "treatment", "sex")


@pytest.mark.parametrize("slot", SLOTS)
def test_each_missing_fact_has_a_question_and_quick_replies(slot: str) -> None:
    assert "?" in render.question_text(slot)
    replies = render.quick_replies(slot)
    assert len(replies) >= 2 and all(title and payload for title, payload in replies)


# What each quick reply, sent back as the user's answer, must state.
REPLY_FACTS: Dict[str, Dict[str, Any]] = {
    "the tumour is 2 cm or less": {"tumor_over_2cm": False, "tumor_size_cm": None},
    "the tumour is larger than 2 cm": {"tumor_over_2cm": True, "tumor_size_cm": None},
    "clinically node-positive": {"clinical_nodes": "positive"},
    "clinically node-negative": {"clinical_nodes": "negative"},
    "one side": {"axillary_lump": "unilateral"},
    "both sides": {"axillary_lump": "bilateral"},
    "a palpable lump felt on exam": {"node_finding": "palpable"},
    "seen on mammogram or ultrasound": {"node_finding": "mammography_or_us"},
    "seen on CT, MRI or PET": {"node_finding": "other_imaging"},
    "newly diagnosed breast cancer": {"diagnosis": "new_primary"},
    "local recurrence of breast cancer": {"diagnosis": "local_recurrence"},
    "no known breast cancer": {"diagnosis": "none_known"},
    "no treatment yet": {"treatment": "none"},
    "currently on neoadjuvant chemotherapy": {"treatment": "neoadjuvant_ongoing"},
    "completed neoadjuvant chemotherapy": {"treatment": "neoadjuvant_completed"},
    "female": {"sex": "female"},
    "male": {"sex": "male"},
}


@pytest.mark.parametrize("slot, payload",
                         [(slot, payload) for slot in SLOTS for _, payload in render.quick_replies(slot)])
def test_a_quick_reply_answers_its_question(slot: str, payload: str) -> None:
    facts = bot.extract(payload, expecting=slot).facts
    want = REPLY_FACTS[payload]
    assert {key: facts[key] for key in want} == want


@pytest.mark.parametrize("text, words", [
    ("67M, new 2.5 cm L breast IDC, palpable L axillary node", ["female patients", "Where to look instead"]),
    ("55F 3.5 cm IDC, cN0 at diagnosis, currently on neoadjuvant chemo, no new lumps",
     ["Monitoring Response to Neoadjuvant Systemic Therapy"]),
    ("What is the best treatment for type 2 diabetes?", ["does not cover"]),
])
def test_out_of_scope_text(text: str, words: list) -> None:
    result = bot.analyze(text)
    assert result.status == "out_of_scope"
    message = render.answer_text(result)
    assert message.startswith(f"{knowledge().topic} does not cover this case.")
    assert result.reasons[0] in message
    for word in words:
        assert word in message
    assert "Usually Appropriate" not in message


def test_the_facts_used_name_the_message_of_carried_facts() -> None:
    facts = {"sex": "female", "age": 58, "tumor_size_cm": 3.0, "clinical_nodes": "positive", "t_category": None}
    text = render.facts_used_text(facts, {"sex": 1, "age": 1, "tumor_size_cm": 1, "clinical_nodes": 3}, current=3)
    assert text.startswith("Facts used: ")
    assert "tumour 3 cm — from your first message" in text and "58 y — from your first message" in text
    assert "clinically node-positive" in text and "node-positive —" not in text
    assert render.facts_used_text({"age": 58}, {"age": 12}, current=13).endswith("from your message 12.")
    assert render.facts_used_text({"age": None}, {}, current=1) == ""


def test_the_new_patient_question_offers_both_readings() -> None:
    as_new = bot.analyze("62F with a 1.8 cm tumour and a palpable L axillary node")
    as_correction = analysis(4)
    text = render.new_or_correction_text(as_new, as_correction)
    assert "another patient" in text and "**New patient**" in text and "**Correction to this patient**" in text
    assert "62 y" in text and "ACR variant 4" in text


def test_during_chemotherapy_the_node_question_asks_for_the_status_at_diagnosis() -> None:
    result = bot.analyze("47F on cycle 3 of neoadjuvant AC-T for a 3 cm L IDC, new palpable L axillary lump")
    assert result.missing == ["clinical_nodes"]
    assert "at diagnosis" in render.question_text("clinical_nodes", result)
    assert "at diagnosis" not in render.question_text("clinical_nodes", bot.analyze("58F, new 3 cm L IDC"))


def test_every_fact_value_has_a_clinician_s_phrase() -> None:
    # no internal label ("encounter no_axillary_finding", "cancer_named True") is shown to a clinician
    from bot.facts import ALLOWED
    for key, values in ALLOWED.items():
        for value in values:
            # the fallback for a value without a phrase is the key and the value as they are
            assert render.fact_phrase(key, value) != f"{key.replace('_', ' ')} {value}", (key, value)
