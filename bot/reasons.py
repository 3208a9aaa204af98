"""The sentences of a decision, by key (bot/knowledge/reasons.yml).

Code names keys; a key becomes a sentence only when a result is built (`text`), so renderers and tests can
look at keys. Raises `KeyError` for a key the file does not define (a test checks every key the code uses)."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict

import yaml

REASONS = Path(__file__).parent / "knowledge" / "reasons.yml"
SECTIONS = ("assumptions", "notes", "contradictions", "asked", "unplaced", "both_sides")


@functools.lru_cache(maxsize=1)
def texts() -> Dict[str, Dict[str, str]]:
    """{section: {key: text}}; raises ValueError naming the file when a section is missing or not a mapping."""
    with open(REASONS, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    for section in SECTIONS:
        if not isinstance(data.get(section), dict):
            raise ValueError(f"{REASONS.name}: section {section!r} is missing or not a mapping")
    return data


def text(section: str, key: str, **params: Any) -> str:
    """The sentence of `key` in `section`, with its parameters filled in."""
    return texts()[section][key].format(**params)


class Note(str):
    """Something the extraction noticed about a message: its sentence (a str, so it travels in a Rasa slot as
    one), with the key of reasons.yml `notes` it was made from. A note that went through a slot comes back as
    a plain str: `key_of` then gives "note"."""

    key: str = "note"

    @classmethod
    def of(cls, key: str, **params: Any) -> "Note":
        note = cls(text("notes", key, **params))
        note.key = key
        return note


def key_of(note: str) -> str:
    """The reasons.yml key of a note, or "note" for one that lost it on the way."""
    return getattr(note, "key", "note")
