"""Every list kept in more than one place agrees with its one source (issue 12): the FAQ topics (bot.faq.TOPICS)
in the knowledge base, the domain's intents, both FAQ rules and the NLU data; the fact keys (bot.FACT_KEYS) in
the domain's slots and the web widget's labels; the askable facts (questions.yml) and their ask actions; the
quick replies of the widget's fallback and questions.yml. A topic missing from one rule would otherwise fail
silently into the fallback at run time."""
import re
from pathlib import Path

import yaml

import bot
from bot import faq, render

ROOT = Path(__file__).resolve().parents[2]


def load(path: str) -> dict:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


DOMAIN = load("domain.yml")
TOPICS = set(faq.TOPICS)


def rule_intents(rule: dict) -> set:
    found = set()
    for step in rule["steps"]:
        for option in step.get("or", [step]):
            if "intent" in option:
                found.add(option["intent"])
    return found


def test_the_faq_topics_agree_everywhere() -> None:
    assert TOPICS == set(load("bot/knowledge/faq.yml"))
    intents = {i[len("faq_"):] for i in DOMAIN["intents"] if i.startswith("faq_")}
    assert intents == TOPICS
    faq_rules = [r for r in load("data/rules/faq.yml")["rules"] if "action_answer_faq" in
                 [s.get("action") for s in r["steps"]]]
    assert len(faq_rules) == 2
    for rule in faq_rules:
        assert {i[len("faq_"):] for i in rule_intents(rule)} == TOPICS, rule["rule"]
    trained = {item["intent"][len("faq_"):] for path in (ROOT / "data" / "nlu").glob("*.yml")
               for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", [])
               if item.get("intent", "").startswith("faq_")}
    assert trained == TOPICS


def test_every_fact_has_a_slot() -> None:
    assert set(bot.FACT_KEYS) <= set(DOMAIN["slots"])


def test_the_widget_labels_every_fact() -> None:
    widget = (ROOT / "web" / "static" / "widget.js").read_text(encoding="utf-8")
    block = re.search(r"const FACT_LABELS = \{(.*?)\};", widget, re.S).group(1)
    assert set(re.findall(r"(\w+):", block)) == set(bot.FACT_KEYS)


def test_every_askable_fact_has_its_question_and_no_ask_action_or_response() -> None:
    # validate_case_form asks; an `action_ask_<slot>` or `utter_ask_<slot>` would make Rasa ask again.
    asks = [name for name in [*DOMAIN["actions"], *DOMAIN["responses"]]
            if name.startswith(("action_ask_", "utter_ask_"))]
    assert asks == []
    assert set(bot.ASK_ORDER) <= set(render.questions())


def test_the_widget_fallback_replies_are_the_questions() -> None:
    widget = (ROOT / "web" / "static" / "widget.js").read_text(encoding="utf-8")
    block = re.search(r"const SLOT_REPLIES = \{(.*?)\};", widget, re.S).group(1)
    for slot, titles in re.findall(r"(\w+): \[(.*?)\]", block):
        assert re.findall(r'"(.*?)"', titles) == [t for t, _ in render.quick_replies(slot)], slot
