"""Block Kit rendering of real results of the core (every matched case of the shared dev set)."""
import json

import pytest
from channel_harness import MATCHED, NEEDS_INFO, OUT_OF_SCOPE, payload_of, payload_with_evidence

import bot
from bot import render
from channels import render_slack
from channels.payload import options


def texts(blocks):
    """Every text object in the blocks, with the limit Slack puts on it."""
    for block in blocks:
        if block["type"] == "header":
            yield block["text"]["text"], render_slack.HEADER_MAX
        for field in block.get("fields", []):
            yield field["text"], 2000
        if block["type"] == "section" and "text" in block:
            yield block["text"]["text"], render_slack.TEXT_MAX
        for element in block.get("elements", []):  # context texts, or buttons with their own text object
            text = element["text"]
            yield (text["text"], render_slack.BUTTON_MAX) if isinstance(text, dict) else (text, render_slack.TEXT_MAX)


@pytest.mark.parametrize("text", MATCHED)
def test_a_recommendation_is_a_header_a_row_per_option_and_the_order_in_a_code_block(text):
    result = bot.analyze(text)
    assert result.status == bot.MATCHED
    custom = payload_of(result)
    message = render_slack.message(render.answer_text(result), custom, [])

    json.dumps(message)  # what slack_sdk sends
    blocks = message["blocks"]
    assert message["text"] and len(blocks) <= 50
    assert all(len(text) <= limit for text, limit in texts(blocks))
    assert blocks[0]["text"]["text"] == f"Variant {result.variant['number']} · {result.variant['topic']}"
    assert blocks[1]["text"]["text"] == f"*{result.variant['title']}*"
    rows = [b for b in blocks if "fields" in b]
    assert [row["fields"][0]["text"] for row in rows] == [f"*{r.procedure}*" for r in result.recommendations]
    for row, option in zip(rows, result.recommendations):
        emoji = {"Usually Appropriate": "🟢", "May Be Appropriate": "🟡", "Usually Not Appropriate": "🔴"}[
            option.category.split(" (")[0]]
        assert row["fields"][1]["text"] == f"{emoji} {option.category}"
        assert option.rrl in row["fields"][2]["text"] and option.dose in row["fields"][2]["text"]
    assert blocks[-1]["text"]["text"] == f"*Order wording*\n```{result.order_text}```"
    why = [b for b in blocks if b["type"] == "context" and b["elements"][0]["text"].startswith("*Why:*")]
    assert len(why) == (1 if result.reasons else 0)


def test_case_text_cannot_mention_or_link():
    result = bot.analyze(MATCHED[0])
    custom = {**payload_of(result), "reasons": ["<!channel> look", "a & b", "<https://x.example|click>"]}
    why = [b for b in render_slack.message("", custom, [])["blocks"]
           if b["type"] == "context" and b["elements"][0]["text"].startswith("*Why:*")][0]
    assert why["elements"][0]["text"] == \
        "*Why:* &lt;!channel&gt; look · a &amp; b · &lt;https://x.example|click&gt;"


def test_without_text_the_variant_is_the_notification_text():
    result = bot.analyze(MATCHED[0])
    assert render_slack.message("", payload_of(result), [])["text"].startswith("Variant ")


def test_a_question_offers_the_actions_buttons():
    result = bot.analyze(NEEDS_INFO)
    slot = result.missing[0]
    buttons = [{"title": title, "payload": value} for title, value in render.quick_replies(slot)]
    message = render_slack.message(render.question_text(slot, result), payload_of(result), options(buttons))
    section, actions = message["blocks"]
    assert section["text"]["text"] == message["text"] == render_slack.mrkdwn(render.question_text(slot, result))
    assert [(b["text"]["text"], b["value"]) for b in actions["elements"]] == render.quick_replies(slot)
    assert len({b["action_id"] for b in actions["elements"]}) == len(actions["elements"])


def test_other_answers_are_mrkdwn_text():
    result = bot.analyze(OUT_OF_SCOPE)
    message = render_slack.message("**Scope**: <b>not</b> & more", payload_of(result), [])
    assert message["blocks"] == [{"type": "section", "text": {
        "type": "mrkdwn", "text": "*Scope*: &lt;b&gt;not&lt;/b&gt; &amp; more"}}]


ORDER_CHECK = {"type": "order_check", "procedure": "MRI breast without and with IV contrast",
               "category": "May Be Appropriate", "variant": "axilla-6", "rrl": "O", "source": "acr-axilla-2022",
               "alternatives": [{"procedure": "US axilla", "category": "Usually Appropriate"}]}


def all_text(message):
    return json.dumps(message, ensure_ascii=False)


def test_an_order_check_shows_the_rating_the_source_and_the_alternatives():
    message = render_slack.message("An MRI is not the first test for this case.", ORDER_CHECK, [])
    first = message["blocks"][0]["text"]["text"]
    assert first.startswith("*MRI breast without and with IV contrast*: 🟡 May Be Appropriate")
    assert "axilla-6" in first
    text = all_text(message)
    assert "Source: acr-axilla-2022" in text and "Radiation: O" in text
    assert "🟢 US axilla: Usually Appropriate" in text
    assert message["text"] == "An MRI is not the first test for this case."


def test_the_evidence_of_a_recommendation_is_quoted():
    custom = payload_with_evidence()
    without = {key: value for key, value in custom.items() if key != "evidence"}
    blocks = render_slack.message("", custom, [])["blocks"]
    [evidence] = [b for b in blocks if b.get("text", {}).get("text", "").startswith("*Read from your words*")]
    lines = evidence["text"]["text"].split("\n")[1:]
    assert lines[0] == "> tumour 3 cm ← '3 cm'"
    assert lines[1].startswith("> clinical nodes") and lines[1].endswith(
        "← 'palpable left axillary' — from an earlier message")
    # without the key: nothing
    assert "Read from your words" not in all_text(render_slack.message("", without, []))


def test_unplaced_words_of_a_question_are_quoted():
    question = {"type": "question", "slot": "tumor_size_cm", "facts": {},
                "unplaced": [{"fact": "tumor_size_cm", "start": 0, "end": 4, "text": "2 cm"}]}
    text = all_text(render_slack.message("How big is the tumour?", question, []))
    assert "'2 cm' (tumour)" in text
    assert "not placed" not in all_text(render_slack.message("How big?", {"type": "question", "slot": "x"}, []))
