"""Synchronous bilateral breast cancers (bot/nlp/bilateral.py; matching-rules.md: the same variant on both sides
is that variant, otherwise the side is asked)."""
import pytest

import bot
from bot.nlp import bilateral
from bot.nlp.extract import read


def side_of(text: str, words: str) -> object:
    reading, _ = read(text)
    cue = next(c for c in reading.cues if c.text == words)
    return bilateral.cue_side(reading, cue)


@pytest.mark.parametrize("text, words, side", [
    ("two cancers: right 1.1 cm and left 2.9 cm", "2.9 cm", "left"),
    ("two cancers: right 1.1 cm and left 2.9 cm", "1.1 cm", "right"),
    ("a 14 mm IDC in the left breast and a 25 mm IDC in the right breast", "14 mm", "left"),
    ("Left breast: IDC 2.2 cm.\nRight breast - IDC, 1.7 cm.", "1.7 cm", "right"),
    ("right 1.1 cm, left 2.9 cm; no nodes felt on either side", "nodes", None),
])
def test_a_cue_belongs_to_the_side_named_in_its_phrase_or_heading_its_sentence(text, words, side):
    assert side_of(text, words) == side


@pytest.mark.parametrize("text, each", [
    ("bilateral IDC, right 1.1 cm and left 2.9 cm", True),
    ("new IDC in each breast: L 12 mm, R 31 mm", True),
    ("bilateral mammogram: 2.9 cm IDC in the left breast", False),
    ("left IDC 2.9 cm; right breast cancer treated in 2009", False),
])
def test_a_cancer_in_each_breast_needs_each_breast_to_have_its_own(text, each):
    reading, _ = read(text)
    assert bilateral.cancer_each_side(reading) is each


@pytest.mark.parametrize("text, status, missing", [
    # one side > 2 cm, the other not: two variants
    ("70F, new bilateral IDC, untreated, no palpable nodes either side: right 1.1 cm and left 2.9 cm",
     "needs_info", ["tumor_size_cm"]),
    # the same size class, one axilla positive: two variants
    ("new IDC in each breast, 52F, untreated: L 12 mm with a palpable L axillary node, R 15 mm, R axilla clear "
     "on exam", "needs_info", ["clinical_nodes"]),
    # a recurrence in the other breast is that breast's cancer
    ("63F, new R IDC 2.6 cm with a hard R axillary node; in the left breast a biopsy-proven local recurrence of her "
     "2012 cancer", "needs_info", ["tumor_size_cm", "clinical_nodes"]),
    # a node of neither breast decides both
    ("new IDC in each breast, 52F, untreated: L 2.4 cm, R 3.1 cm, hard axillary node felt", "needs_info",
     ["clinical_nodes"]),
    # both over 2 cm and node-negative: one variant
    ("new IDC in each breast, 52F, untreated: L 2.4 cm, R 3.1 cm, no palpable nodes either side",
     "matched", []),
])
def test_sides_that_give_different_variants_are_asked_about(text, status, missing):
    result = bot.analyze(text)
    assert (result.status, list(result.missing)) == (status, missing)
    if missing:
        assert {u["kind"] for u in result.unplaced} == {"both_sides"}


@pytest.mark.parametrize("side, size, nodes", [("left", 1.2, "positive"), ("right", 1.5, "negative")])
def test_a_focused_reading_keeps_only_that_breast(side, size, nodes):
    text = ("new IDC in each breast, 52F, untreated: L 12 mm with a palpable L axillary node, R 15 mm, R axilla "
            "clear on exam")
    ext = bot.extract(text, focus=side)
    assert (ext.facts["tumor_size_cm"], ext.facts["clinical_nodes"], ext.side) == (size, nodes, side)
    assert not ext.residue


def test_a_table_with_a_row_per_side_is_one_patient_s_two_breasts() -> None:
    text = ("laterality,diameter_mm,exam\nleft,12,no palpable nodes\nright,16,no palpable nodes\n"
            "68F, both new IDC, untreated")
    result = bot.analyze(text)
    assert (result.variant_id, result.facts["encounter"]) == ("axilla-3", None)


def test_a_table_of_people_is_still_several_patients() -> None:
    text = "age,side,diameter_mm,exam\n68,left,12,no palpable nodes\n44,right,16,no palpable nodes\nboth new IDC"
    assert bot.analyze(text).facts["encounter"] == "several_patients"
