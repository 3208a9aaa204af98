"""Adaptive Card rendering of real results of the core."""
import json

import pytest

import bot
from bot import render
from channel_harness import MATCHED, NEEDS_INFO, OUT_OF_SCOPE, payload_of
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
