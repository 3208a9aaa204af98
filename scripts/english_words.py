"""Write bot/nlp/patterns/english.yml: the English words the typo component would otherwise "correct" into
another lexicon word ("symptomatic" -> asymptomatic, "gender" -> tender, "finishes" -> finished, "soon" -> sono).

A word of English is what it says, not a slip: the list is every word of pyspellchecker's English word list seen
more than MIN_COUNT times (its floor, 50, holds misspellings such as "brest") that the typo component mends into
a different word; a plural for its singular or the other way round ("cancers" -> cancer) keeps its meaning and
stays mended. pyspellchecker is a development tool only: the runtime reads the written list.

    .venv/bin/python -m scripts.english_words [--check]
"""
from __future__ import annotations

import argparse
import sys
from typing import List

import yaml

from bot.nlp import components, pipeline  # noqa: F401 (components registers typo_norms)

MIN_COUNT = 50
PATH = pipeline.PATTERNS / "english.yml"
HEADER = ("# English words one slip from a lexicon word: never \"corrected\" by the typo component.\n"
          "# Written by `python -m scripts.english_words` from pyspellchecker's English list; do not edit by hand.\n")


def _number(a: str, b: str) -> bool:
    """A plural and its singular ("cancers", "cancer"): the same word."""
    return a in (b + "s", b + "es") or b in (a + "s", a + "es")


def english_words() -> List[str]:
    """The English words (lower case, sorted) that the typo component, without this list, mends into a
    different word."""
    from spacy.lang.en.stop_words import STOP_WORDS  # after bot, which imports spaCy without TensorFlow
    from spellchecker import SpellChecker

    norms, protected = pipeline.vocabulary(english=False)
    typos = pipeline.tokenizer().add_pipe("typo_norms")  # the factory's own settings
    typos.add_vocabulary(norms, sorted(STOP_WORDS) + protected)
    found = []
    for word, count in SpellChecker(language="en").word_frequency.dictionary.items():
        if count <= MIN_COUNT or not (word.isascii() and word.isalpha()) or len(word) < typos.min_swap_length \
                or word in typos.known:
            continue
        mended = typos.correct(word)
        if mended and not _number(word, mended):
            found.append(word)
    return sorted(found)


def text() -> str:
    """english.yml's text."""
    return HEADER + yaml.safe_dump(english_words(), default_flow_style=True, width=116)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the written list is not current")
    args = parser.parse_args()
    if args.check:
        current = PATH.exists() and PATH.read_text() == text()
        print(f"{PATH}: {'current' if current else 'out of date: run python -m scripts.english_words'}")
        return 0 if current else 1
    written = text()
    PATH.write_text(written)
    print(f"{PATH}: {len(yaml.safe_load(written))} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
