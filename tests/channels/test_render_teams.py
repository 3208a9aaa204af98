"""Adaptive Card rendering of real results of the core."""
import json

import pytest
from channel_harness import MATCHED, NEEDS_INFO, OUT_OF_SCOPE, payload_of, payload_with_evidence

import bot
from bot import render
from channels import render_teams
from channels.payload import options

COLOURS = {"Usually Appropriate": "Good", "May Be Appropriate": "Warning", "Usually Not Appropriate": "Attention"}


def card_of(activity):
    (attachment,) = activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4" and card["fallbackText"]
    return card


@pytest.mark.parametrize("text", MATCHED)
def test_a_recommendation_is_a_card_with_a_table_of_options(text):
    result = bot.analyze(text)
    assert result.status == bot.MATCHED
    activity = render_teams.activity(render.answer_text(result), payload_of(result), [])
    json.dumps(activity)

    body = card_of(activity)["body"]
    assert activity["summary"] == render.answer_text(result)
    assert body[0]["text"] == f"Variant {result.variant['number']}: {result.variant['title']}"
    header, *rows = [e for e in body if e["type"] == "ColumnSet"]
    assert [c["items"][0]["text"] for c in header["columns"]] == ["Procedure", "Category", "Radiation", "Source"]
    assert len(rows) == len(result.recommendations)
    for row, option in zip(rows, result.recommendations):
        procedure, category, radiation, source = (c["items"][0] for c in row["columns"])
        assert procedure["text"] == option.procedure
        assert category["text"].endswith(option.category)
        assert category["color"] == COLOURS[option.category.split(" (")[0]]
        assert radiation["text"] == f"{option.rrl} ({option.dose})"
        assert source["text"]
    texts = [e.get("text") for e in body]
    for reason in result.reasons:
        assert f"• {reason}" in texts
    assert body[-1]["items"][1]["text"] == result.order_text


def test_a_question_is_a_card_whose_buttons_send_the_quick_replies():
    result = bot.analyze(NEEDS_INFO)
    slot = result.missing[0]
    buttons = [{"title": title, "payload": value} for title, value in render.quick_replies(slot)]
    card = card_of(render_teams.activity(render.question_text(slot, result), payload_of(result), options(buttons)))
    assert [(a["title"], a["data"]["msteams"]) for a in card["actions"]] == [
        (title, {"type": "messageBack", "displayText": title, "text": value})
        for title, value in render.quick_replies(slot)]


def test_other_answers_stay_text():
    result = bot.analyze(OUT_OF_SCOPE)
    text = render.answer_text(result)
    assert render_teams.activity(text, payload_of(result), []) == {"type": "message", "text": text}


ORDER_CHECK = {"type": "order_check", "procedure": "MRI breast without and with IV contrast",
               "category": "May Be Appropriate", "variant": "axilla-6", "rrl": "O", "source": "acr-axilla-2022",
               "alternatives": [{"procedure": "US axilla", "category": "Usually Appropriate"}]}


def texts_of(body):
    for element in body:
        if element["type"] == "TextBlock":
            yield element["text"]
        for item in element.get("items", []):
            if item["type"] == "TextBlock":
                yield item["text"]


def test_an_order_check_is_a_card_with_the_rating_in_its_colour():
    card = card_of(render_teams.activity("An MRI is not the first test for this case.", ORDER_CHECK, []))
    first = card["body"][0]
    assert first["text"] == "MRI breast without and with IV contrast: 🟡 May Be Appropriate"
    assert first["color"] == "Warning"
    texts = list(texts_of(card["body"]))
    assert "axilla-6" in texts and "Radiation: O · Source: acr-axilla-2022" in texts
    assert "• 🟢 US axilla: Usually Appropriate" in texts
    assert "An MRI is not the first test for this case." in texts


def test_the_evidence_of_a_recommendation_is_quoted():
    custom = payload_with_evidence()
    without = {key: value for key, value in custom.items() if key != "evidence"}
    texts = list(texts_of(card_of(render_teams.activity("", custom, []))["body"]))
    assert "Read from your words" in texts and "> tumour 3 cm ← '3 cm'" in texts
    assert any(t.endswith("'palpable left axillary' — from an earlier message") for t in texts)
    assert "Read from your words" not in list(texts_of(card_of(render_teams.activity("", without, []))["body"]))


def test_unplaced_words_of_a_question_are_quoted():
    question = {"type": "question", "slot": "tumor_size_cm", "facts": {},
                "unplaced": [{"fact": "tumor_size_cm", "start": 0, "end": 4, "text": "2 cm"}]}
    texts = list(texts_of(card_of(render_teams.activity("How big is the tumour?", question, []))["body"]))
    assert "• '2 cm' (tumour)" in texts
