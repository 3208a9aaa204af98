"""The vocabulary fallback on Rasa's own storage and messages: trained, stored, loaded, applied."""
from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.vocabulary_fallback import VocabularyFallbackClassifier, unknown, words

RESOURCE = Resource("vocabulary_fallback")
CONTEXT = ExecutionContext(GraphSchema({}), "test")


def _message(text: str, intent: str = "inform") -> Message:
    message = Message.build(text=text)
    message.set("intent", {"name": intent, "confidence": 0.9}, add_to_output=True)
    message.set("intent_ranking", [{"name": intent, "confidence": 0.9}, {"name": "nlu_fallback", "confidence": 0.5}],
                add_to_output=True)
    return message


@pytest.fixture
def storage(tmp_path: Path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


@pytest.fixture
def trained(storage: LocalModelStorage) -> VocabularyFallbackClassifier:
    component = VocabularyFallbackClassifier.create({}, storage, RESOURCE, CONTEXT)
    component.train(TrainingData([Message.build(text="the patient has a sore elbow", intent="inform")]))
    return VocabularyFallbackClassifier.load({}, storage, RESOURCE, CONTEXT)


def test_words_are_runs_of_letters_in_any_script() -> None:
    assert words("63F, L-axilla: Größe?") == ["f", "l", "axilla", "größe"]


def test_a_message_of_unknown_words_only_is_unknown() -> None:
    assert unknown("zorbly wexit", {"elbow"})
    assert not unknown("zorbly elbow", {"elbow"})


def test_a_digit_or_a_single_letter_keeps_the_message_for_the_classifier() -> None:
    assert not unknown("zorbly 4", set())
    assert not unknown("zorbly a", set())
    assert not unknown("?!", set())  # no words at all: nothing to judge


def test_an_unknown_message_becomes_the_fallback_intent_first_in_the_ranking(
        trained: VocabularyFallbackClassifier) -> None:
    message = trained.process([_message("zorbly wexit")])[0]
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    assert [i["name"] for i in message.get("intent_ranking")] == ["nlu_fallback", "inform"]


def test_a_training_word_keeps_the_classifiers_intent(trained: VocabularyFallbackClassifier) -> None:
    message = trained.process([_message("zorbly elbow")])[0]
    assert message.get("intent")["name"] == "inform"


def test_the_core_lexicon_is_known_without_training_examples(trained: VocabularyFallbackClassifier) -> None:
    assert trained.process([_message("lipoma")])[0].get("intent")["name"] == "inform"


def test_an_untrained_component_changes_nothing(storage: LocalModelStorage) -> None:
    untrained = VocabularyFallbackClassifier.load({}, storage, RESOURCE, CONTEXT)
    assert untrained.process([_message("zorbly wexit")])[0].get("intent")["name"] == "inform"
