"""Decisions as keys (bot/knowledge/reasons.yml): every key the code names is defined, every defined key is
used, and results carry the keys that renderers and tests look at."""
import re
from pathlib import Path

import bot
from bot import reasons, render
from bot.facts import FACT_KEYS

BOT = Path(bot.__file__).parent
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in BOT.rglob("*.py"))


def test_every_note_and_assumption_the_code_names_is_defined() -> None:
    named = set(re.findall(r'Note\.of\("(\w+)"', SOURCE)) | set(re.findall(r'assumptions\.append\("(\w+)"\)', SOURCE))
    named |= set(re.findall(r'return "\w+", "(\w+)"', SOURCE))  # features.population's (value, assumption key)
    defined = set(reasons.texts()["notes"]) | set(reasons.texts()["assumptions"])
    assert named and named <= defined, named - defined


def test_every_defined_key_is_used() -> None:
    for section in ("notes", "assumptions"):
        for key in reasons.texts()[section]:
            assert f'"{key}"' in SOURCE, f"reasons.yml {section}.{key} is used nowhere"
    for section in ("contradictions", "asked", "unplaced"):
        assert set(reasons.texts()[section]) <= set(FACT_KEYS), section


def test_assumptions_come_as_keys_with_their_sentences() -> None:
    result = bot.analyze("new 3 cm IDC, palpable axillary node")
    assert result.assumption_keys == ["sex_female", "no_treatment"]
    assert result.assumptions == [reasons.text("assumptions", "sex_female"),
                                  reasons.text("assumptions", "no_treatment")]


def test_a_stated_sex_is_not_assumed() -> None:
    assert "sex_female" not in bot.analyze("58F new 3 cm IDC, palpable axillary node, untreated").assumption_keys


def test_notes_keep_their_keys() -> None:
    result = bot.analyze("new IDC 1.2 cm on mammography and 1.6 cm on US, cN0, untreated")
    assert result.assumption_keys[0] == "several_sizes"
    assert "1.6 cm" in result.assumptions[0]


def test_a_contradiction_is_a_key_and_the_question_says_it() -> None:
    result = bot.analyze("new IDC, 2.4 cm on the mammogram, 1.8 cm on ultrasound, cN0, untreated")
    assert result.contradictions == ["tumor_size_cm"]
    assert render.question_text("tumor_size_cm", result).startswith("Two different sizes were given")


def test_a_question_without_a_contradiction_does_not_claim_one() -> None:
    result = bot.analyze("new IDC, cN0, untreated")
    assert result.contradictions == [] and result.missing == ["tumor_size_cm"]
    assert "which is right" not in render.question_text("tumor_size_cm", result)


def test_an_out_of_scope_answer_names_its_rule() -> None:
    assert bot.analyze("67M, new 2.5 cm L breast IDC, palpable L axillary node").scope_rule == "male"
    assert bot.analyze("new 3 cm IDC, palpable axillary node").scope_rule is None


def test_every_fact_the_assistant_asks_for_can_quote_words_it_could_not_place() -> None:
    # a reader's residue for any askable fact is asked about with its own sentence, never a KeyError mid-chat
    for key in render.questions():
        assert "'x'" in reasons.text("unplaced", key, text="x")
