"""Bounds on a size, written in one way each, so that the lexicon's comparison patterns read them all.

A bound says on which side of a number the size lies; which side of 2 cm that puts the tumour depends on the
number (matching-rules.md, "Rulings for real-world text": a comparison gives the side of 2 cm, and "≥ 2 cm"
straddles the line). The lexicon's SIZE_COMPARE_* patterns classify "at least N", "at most N", "over N" and
"under N" by N; this step writes every other form of a bound as "at least N unit" or "at most N unit":

- after the size: "1.8 cm or more", "1.5+ cm", "1.5 cm+" (not "3 cm + a palpable node"), "1.5 cm minimum",
  "1.8 cm, possibly larger", "1.5 cm and growing" (at least); "3 cm or smaller", "3 cm max", "2.5 cm at most",
  "3 cm tops" (at most);
- before it, in words a negation would otherwise turn around: "no larger than 2.5 cm", "not exceeding 3 cm",
  "max. 3 cm", "≤ 2.5 cm" (at most); "not less than 2.5 cm", "min. 1.5 cm", "≥ 1.8 cm" (at least);
- the signs "≥" and "≤" in every typed form ("&gt;/=", "> or =", "≧", LaTeX's geq, "equal to or greater than")
  first, and "beyond", "surpassing", "topping", "past" a size as "over" it.

A unit is needed, except at the message's end (a reply: "no more than 2.5"). "Maximum" after a measuring word
("maximal diameter 2.5 cm", "size max 2.5 cm") names the largest dimension, a size, and is left alone.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from bot.nlp.fastre import Scanner

if TYPE_CHECKING:
    from bot.nlp.normalise import Normalised

_UNIT = r"(cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?)\b"
_SIZE = rf"(?<![\w.])(\d{{1,3}}(?:\.\d{{1,2}})?)\s*{_UNIT}"
_SIZE_OR_REPLY = rf"(?<![\w.])(\d{{1,3}}(?:\.\d{{1,2}})?)\s*(?:{_UNIT}|(?=\s*[.!]?\s*$))"
_MORE = r"(?:more|larger|bigger|greater)"
_PLUS = Scanner(rf"(?i)(?<![\w.])(\d{{1,3}}(?:\.\d{{1,2}})?)\s*\+\s*{_UNIT}")  # "1.5+ cm"
_AT_LEAST_AFTER = Scanner(
    rf"(?i){_SIZE}(\+(?=\s*(?:[,;.)]|$))|\s*,?\s*or\s+(?:{_MORE}|above|over)\b|\s+minimum\b|\s+min\b\.?"
    r"|\s+at\s+(?:the\s+)?(?:very\s+)?least\b"
    rf"|[\s,]*\(?(?:maybe|possibly|probably|likely|perhaps|prob\.?|or\s+even|if\s+not)\s+(?:even\s+)?{_MORE}\b"
    r"(?:\s+on\s+(?:the\s+)?[A-Za-z]+)?\)?|\s+and\s+(?:growing|enlarging|increasing|getting\s+(?:bigger|larger)))")
_AT_MOST_AFTER = Scanner(
    rf"(?i){_SIZE}(\s*,?\s*or\s+(?:less|smaller|under|below)\b|\s+max(?:imum)?\b\.?"
    r"(?!\s*(?:dimension|diameter|extent|size|length|width|depth|span|axis))"
    r"|\s+at\s+(?:the\s+)?most\b|\s+tops\b|\s+at\s+the\s+outside\b)")
_MEASURING = ("size", "diameter", "dimension", "measuring", "measures", "measured", "extent", "maximal")
_AT_LEAST_BEFORE = Scanner(
    r"(?i)(?:≥|>=|=>|\bmin(?:imum)?\b\.?(?:\s+of)?|\b(?:no|not)\s+(?:less|smaller)\s+than|\bnot\s+(?:under|below))"
    rf"\s*{_SIZE_OR_REPLY}")
_AT_MOST_BEFORE = Scanner(
    r"(?i)(?:≤|<=|=<|\bmax(?:imum)?\b\.?(?:\s+of)?|\b(?:no|not)\s+(?:more|larger|bigger|greater)\s+than"
    r"|\bnot\s+(?:exceeding|in\s+excess\s+of|over)|\b(?:does\s+not|doesn['’]t|did\s+not|didn['’]t)\s+exceed"
    rf"|\bat\s+the\s+most)\s*{_SIZE_OR_REPLY}")


# "≥"/"≤" typed without the sign: ">/=", "> or =", "=>", "=/>", "≧", LaTeX's "\geq", and in words
_GE_TYPED = Scanner(r"(?i)>\s*(?:/|or)\s*=|=\s*/?\s*>|≧|\\geq?\b"
                    r"|\b(?:greater|more|larger|bigger)\s+than\s+or\s+equal\s+to\b"
                    r"|\bequal\s+(?:to\s+)?or\s+(?:greater|more|larger|bigger)\s+than\b")
_LE_TYPED = Scanner(r"(?i)<\s*(?:/|or)\s*=|=\s*/?\s*<|≦|\\leq?\b|\b(?:less|smaller)\s+than\s+or\s+equal\s+to\b"
                    r"|\bequal\s+(?:to\s+)?or\s+(?:less|smaller)\s+than\b")
_OVER_WORDS = Scanner(r"(?i)\b(?:beyond|surpassing|topping|past)(?=\s+\d{1,3}(?:\.\d{1,2})?\s*(?:cm|mm)\b)")


def _after(bound: str) -> Callable[["re.Match[str]"], str]:
    def write(m: "re.Match[str]") -> str:
        return f"{bound} {m.group(1)} {m.group(2)}"
    return write


def _before(bound: str) -> Callable[["re.Match[str]"], str]:
    def write(m: "re.Match[str]") -> str:
        before = m.string[max(0, m.start() - 20):m.start()].lower()
        if bound == "at most" and m.group(0)[:1].lower() == "m" and any(w in before for w in _MEASURING):
            return m.group(0)  # "size max 2.5 cm": the largest dimension
        return f"{bound} {m.group(1)}" + (f" {m.group(2)}" if m.group(2) else "")
    return write


def signs(norm: "Normalised") -> "Normalised":
    """"≥" and "≤" for their typed forms, before a field's "=" ("Size = 2 cm") is read as a colon."""
    return norm.sub(_GE_TYPED, lambda m: "≥").sub(_LE_TYPED, lambda m: "≤")


def bounds(norm: "Normalised") -> "Normalised":
    """The text with every bound on a size written "at least N unit" or "at most N unit" (offsets kept)."""
    norm = norm.sub(_OVER_WORDS, lambda m: "over")
    norm = norm.sub(_PLUS, _after("at least"))
    norm = norm.sub(_AT_LEAST_AFTER, _after("at least"))
    norm = norm.sub(_AT_MOST_AFTER, _after("at most"))
    norm = norm.sub(_AT_LEAST_BEFORE, _before("at least"))
    return norm.sub(_AT_MOST_BEFORE, _before("at most"))
