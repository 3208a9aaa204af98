"""A Rasa NLU component: a message without one known word is not understood, whatever DIET makes of it.

DIET places a keyboard mash ("qwxz plorf") wherever its weights happen to put it, and that moves each time the
training data grows: a FAQ phrasing added once let a mash pass as `inform` at a confidence above the fallback
threshold. This component makes that decision deterministic. It learns the words of the training examples and
of the core's lexicon (bot/nlp/patterns) at training time; a message whose words are all unknown, and that
holds no digit, gets `nlu_fallback`, as Rasa's FallbackClassifier would give it.

Place it after FallbackClassifier in config.yml.
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Iterable, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

_WORD = re.compile(r"[^\W\d_]+")  # a run of letters, in any script
_FILE = "vocabulary.json"


def words(text: str) -> List[str]:
    """The lower-cased runs of letters of `text` ("58F, L-axilla" -> ["f", "l", "axilla"])."""
    return _WORD.findall(text.lower())


def unknown(text: str, vocabulary: Set[str]) -> bool:
    """The message has words, no digit, and not one word of two letters or more that `vocabulary` holds; a
    single letter counts as known ("a", "L"): the mash is a message of unknown words only."""
    if any(ch.isdigit() for ch in text):
        return False
    found = words(text)
    return bool(found) and not any(len(w) < 2 or w in vocabulary for w in found)


def core_words() -> Set[str]:
    """The words of the core's lexicon and assertion rules (bot.nlp.pipeline.vocabulary), in lower case."""
    from bot.nlp.pipeline import vocabulary

    norms, kept = vocabulary()
    return {w for entry in [*norms, *norms.values(), *kept] for w in words(entry)}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class VocabularyFallbackClassifier(GraphComponent):
    """Sets `nlu_fallback` (confidence 1.0, first in the ranking) on a message none of whose words the assistant
    has seen in training or reads in its lexicon (see `unknown`)."""

    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 vocabulary: Optional[Iterable[str]] = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary: Set[str] = set(vocabulary or ())

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "VocabularyFallbackClassifier":
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Learn the words of every training example and of the core's lexicon; stored with the model."""
        self.vocabulary = core_words()
        for example in training_data.training_examples:
            self.vocabulary.update(words(example.get(TEXT) or ""))
        with self._model_storage.write_to(self._resource) as directory:
            (directory / _FILE).write_text(json.dumps(sorted(self.vocabulary), ensure_ascii=False))
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "VocabularyFallbackClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                vocabulary = json.loads((directory / _FILE).read_text())
        except ValueError:  # not trained yet (Rasa's own components load empty then)
            vocabulary = []
        return cls(model_storage, resource, vocabulary)

    def process(self, messages: List[Message]) -> List[Message]:
        """Mark each message of unknown words only as not understood."""
        for message in messages:
            if self.vocabulary and unknown(message.get(TEXT) or "", self.vocabulary):
                fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, fallback, add_to_output=True)
                ranking = [i for i in message.get(INTENT_RANKING_KEY) or []
                           if i.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME]
                message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
        return messages
