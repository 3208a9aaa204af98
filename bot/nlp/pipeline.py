"""Build the blank-English rule pipeline from the pattern files, and save it for Rasa."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, List

import yaml

PATTERNS = Path(__file__).parent / "patterns"


def _read(name: str) -> Any:
    with open(PATTERNS / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def norm_patterns() -> List[Dict[str, Any]]:
    """Attribute-ruler patterns that give every variant spelling one NORM."""
    return [
        {"patterns": [[{"LOWER": variant.lower()}] for variant in variants], "attrs": {"NORM": norm}}
        for norm, variants in _read("norms.yml").items()
    ]


def span_patterns() -> List[Dict[str, Any]]:
    """Span-ruler phrase patterns (matched on NORM), by label."""
    lexicon = _read("lexicon.yml")["labels"]
    return [
        {"label": label, "pattern": pattern}
        for label, patterns in lexicon.items()
        for pattern in patterns
    ]


def build():
    """A fresh pipeline: tokenizer special cases, norms, phrase and regex rulers, context component."""
    import spacy

    from bot.nlp import components  # registers axilla_context

    nlp = spacy.blank("en")
    for case in _read("lexicon.yml")["special_cases"]:
        nlp.tokenizer.add_special_case(case, [{"ORTH": case}])
    nlp.add_pipe("attribute_ruler").add_patterns(norm_patterns())
    ruler = nlp.add_pipe("span_ruler", config={
        "spans_key": components.CUES_KEY, "phrase_matcher_attr": "NORM",
    })
    ruler.add_patterns(span_patterns())
    nlp.add_pipe("regex_ruler").add_patterns(_read("lexicon.yml")["regex"])
    nlp.add_pipe("axilla_context")
    nlp.meta.update(name="axilla_rules", version="0.1.0",
                    description="Rule pipeline for axillary-imaging case descriptions")
    return nlp


@functools.lru_cache(maxsize=1)
def load():
    """The pipeline of this process, built once."""
    return build()


def save(path: Path) -> Path:
    """Write the pipeline where Rasa's SpacyNLP loads it (meta.json included)."""
    nlp = build()
    path.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    return path
