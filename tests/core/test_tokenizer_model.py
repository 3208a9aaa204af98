"""The spaCy pipeline Rasa loads is the core's tokenizer alone: Rasa's NLU sees the same tokens and token
attributes as with the whole rule pipeline, so intent classification cannot change (docs/nlu.md)."""
from pathlib import Path

import spacy
import yaml

from bot.nlp.pipeline import build, save_tokenizer, tokenizer

DATA = Path(__file__).resolve().parents[2] / "data" / "nlu"


def training_texts():
    for path in sorted(DATA.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in str(item.get("examples", "")).splitlines():
                text = line.strip().lstrip("- ").strip()
                if text:
                    yield text


def attributes(doc):
    """What Rasa's SpacyTokenizer and featurizers read of a token."""
    return [(t.text, t.idx, t.lemma_, t.pos_, t.tag_, t.is_space) for t in doc]


def test_rasa_sees_the_same_tokens_as_with_the_rule_pipeline() -> None:
    texts = list(training_texts())
    assert len(texts) > 500
    full, alone = build(), tokenizer()
    for text in texts:
        assert attributes(alone(text)) == attributes(full(text)), text


def test_the_saved_tokenizer_has_no_components_and_keeps_the_special_cases(tmp_path) -> None:
    nlp = spacy.load(save_tokenizer(tmp_path / "tok"))
    assert nlp.pipe_names == []
    assert [t.text for t in nlp("s/p lumpectomy, 58 y/o")] == ["s/p", "lumpectomy", ",", "58", "y/o"]
