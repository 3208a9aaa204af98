"""`python -m bot match --explain TEXT`: the decision, each fact beside the words it was read from, and every
recognised phrase with the context that changed it (negated by, uncertain because of, ...).

For a clinician or a developer checking a reading; the JSON of `python -m bot match` stays the interface.
"""
from __future__ import annotations

from typing import List, Optional

from bot import match
from bot.nlp.components import Cue
from bot.nlp.extract import extract, read
from bot.nlp.reading import Reading

# Cue flag -> (the ConText category that sets it, patterns/context.yml; how the explanation names it)
FLAGS = (
    ("negated", ("NEGATED_EXISTENCE",), "negated by"),
    ("uncertain", ("POSSIBLE_EXISTENCE",), "uncertain because of"),
    ("family", ("FAMILY",), "about a relative:"),
    ("planned", ("HYPOTHETICAL",), "planned:"),
    ("historical", ("HISTORICAL",), "historical:"),
)
_WINDOW = 12  # tokens: context cues further away than this cannot have changed a cue


def _trigger(reading: Reading, cue: Cue, labels: tuple) -> Optional[Cue]:
    near = [m for m in reading.modifiers if m.label in labels
            and min(abs(m.start - cue.end), abs(cue.start - m.end)) <= _WINDOW]
    return min(near, key=lambda m: min(abs(m.start - cue.end), abs(cue.start - m.end))) if near else None


def _quote(reading: Reading, cue: Cue) -> str:
    start, end, text = reading.quote([cue])
    return f'"{text}" [{start}:{end}]'


def cue_line(reading: Reading, cue: Cue) -> str:
    """'LABEL "words" [start:end]' and the context that changed it."""
    parts = [f"{cue.label:<18} {_quote(reading, cue)}"]
    for flag, labels, name in FLAGS:
        if getattr(cue, flag):
            trigger = _trigger(reading, cue, labels)
            parts.append(f"{name} {_quote(reading, trigger)}" if trigger else name.rstrip(":"))
    return "  ".join(parts)


def explain(text: str) -> str:
    """The explanation of one message, as lines of text."""
    reading, _ = read(text, explain=True)
    found = extract(text)
    result = match(found.facts, conflicts=found.conflicts, notes=found.notes, evidence=found.evidence,
                   residue=found.residue)
    lines: List[str] = [f"status: {result.status}" + (f"  variant: {result.variant_id}" if result.variant_id else "")
                        + (f"  missing: {', '.join(result.missing)}" if result.missing else "")]
    lines.append("facts (value <- the words it was read from):")
    for key, value in found.stated.items():
        spans = ", ".join(f'"{e.text}" [{e.start}:{e.end}]' for e in found.evidence.get(key, ()))
        lines.append(f"  {f'{key} = {value!r}':<40} <- {spans or '(answer to the question asked)'}")
    for key in found.conflicts:
        spans = ", ".join(f'"{e.text}"' for e in found.evidence.get(key, ()))
        lines.append(f"  {key}: contradictory <- {spans}")
    for r in found.residue:
        lines.append(f"  could not place \"{r.text}\" [{r.start}:{r.end}] (asks for {r.fact})")
    lines += [f"assumption: {a}" for a in result.assumptions]
    lines += [f"reason: {r}" for r in result.reasons]
    lines.append("recognised phrases:")
    lines += [f"  {cue_line(reading, cue)}" for cue in sorted(reading.cues, key=lambda c: c.start)]
    return "\n".join(lines)
