"""Lists of several patients (ward handovers, clinic lists) whose question names one of them.

"Bed 3 - ... Bed 4 - ... Bed 5 - ... advice needed on bed 4 only": the message is about one patient, and only
that patient's entry may be read, so that no fact of another patient reaches the case (one patient per case).
A list whose question names no entry, or names several, stays a message about several patients (scope.yml).
"""
from __future__ import annotations

import re
from typing import List, NamedTuple, Optional

# An entry's heading at the start of a line, a sentence or a list ("Handover: Bed 4 -"): "Bed 8 -", "Patient 2:",
# "Pt B)", "Room 12 -", "Item 2:", "P2.", or a bare number or letter "2)", "(2)", "B)" of a list; at the start of
# a line also "2.", "#3", "B." and a bulleted name ("- Mrs Bello, 52 -").
_ENTRY = re.compile(r"(?im)(?:^|[.;:\n]\s*)((?:bed|bay|room|patient|pt|case|item|p(?=\d))\s*#?\s*(\d{1,3}[a-z]?|[a-d])"
                    r"(?=\s*[:.)\-–—])|\(?(\d{1,2}|[a-d](?=\)\s))(?=\)))"
                    r"|^[ \t]*((?:#\s*(\d{1,2})|(\d{1,2})\.|\((\d{1,2})\)|([a-d])[.)])(?=[ \t])"
                    r"|[-*•][ \t]*(?:mrs|mr|ms|miss|dr)\.?[ \t]+([a-z][a-z'-]+))")
# A later mention of an entry, as the question names it ("bed 8's node", "about patient B", "for #3", "query (P2
# only)", "QUESTION (b):").
_MENTION = re.compile(r"(?i)\b(?:bed|bay|room|patient|pt|case|item|p(?=\d))\s*#?\s*(\d{1,3}[a-z]?|[a-d])\b"
                      r"|#\s*(\d{1,2})\b|(?<=question )\(([a-d]|\d{1,2})\)")
# The name an entry's heading gives its patient: initials ("P.K.") or a title and surname ("Mrs Eze")
_NAME = re.compile(r"\b([A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?|(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+[A-Z][a-z'-]+)")
_WARD = re.compile(r"(?i)bed|bay|room|patient|pt|case|\d{1,2}$")  # headings that name a patient's place or number
_PERSON = re.compile(r"\b(?:[A-Z]\.\s?[A-Z]\.|(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+[A-Z]|\d{1,3}\s?(?:[FMfm]|yo|y/o|years?)\b)"
                     r"|,\s*\d{2}\b")
_NAME_REACH = 40  # characters after an entry's heading within which its patient's name is given


class Entry(NamedTuple):
    """One patient's entry: its label ("8", "b"), its heading ("Bed 8") and its characters [start, end) in the
    message, heading included."""

    label: str
    heading: str
    start: int
    end: int


def entries(text: str) -> List[Entry]:
    """The message's patient entries in order; [] unless it lists at least two different labels."""
    heads, seen = [], set()
    for h in _ENTRY.finditer(text):
        label = _label(h)
        if label not in seen:  # a label again is the question naming its entry ("Radiology question: (2) Ms A")
            heads.append(h)
            seen.add(label)
    starts = [h.start(1) if h.group(1) else h.start(4) for h in heads]
    found = [Entry(_label(h), h.group(1) or h.group(4), start, end)
             for h, start, end in zip(heads, starts, starts[1:] + [len(text)])]
    # a list of patients, not a numbered problem list of one: two entries or more open with a patient (a name, an
    # age: "2. P.K., 48F", "Room 3 - 52F", "- Mrs Hart, 66")
    people = [e for e in found if _WARD.match(e.heading)
              or _PERSON.search(text, e.start, min(e.end, e.start + len(e.heading) + _NAME_REACH))]
    return found if len({e.label for e in found}) > 1 and len(people) > 1 else []


def _label(heading: "re.Match[str]") -> str:
    """The label an entry's heading gives ("8", "b", "bello")."""
    return next(g for g in heading.groups()[1:3] + heading.groups()[4:] if g).lower()


def named(entry: Entry) -> bool:
    """The entry's heading is its patient's name ("- Mrs Bello"), not a number or letter ("#3", "Bed 4")."""
    return len(entry.label) > 1 and entry.label.isalpha()


def _names(text: str, entry: Entry) -> List[str]:
    """The names the entry's heading gives its patient ("P.K.", "Mrs Eze"), without their spaces."""
    head = text[entry.start:min(entry.end, entry.start + len(entry.heading) + _NAME_REACH)]
    return [re.sub(r"\s", "", m.group(1)).lower() for m in _NAME.finditer(head)]


def asked_entry(text: str) -> Optional[Entry]:
    """The one entry of a patient list that the message's own words ask about (a mention outside the entries'
    headings: "which imaging for bed 4?", "bed 8's node", "please advise on #3 (J.N.)", "about Mrs Bello");
    None when it lists no patients or names no single one."""
    listed = entries(text)
    headings = {e.start for e in listed}
    asked = {next(g for g in m.groups() if g).lower() for m in _MENTION.finditer(text) if m.start() not in headings}
    chosen = {e for e in listed if e.label in asked}
    if asked and not chosen:
        return None  # "what about room 9?": a patient the list does not hold
    # a name said again away from its own heading names its entry
    said = [(m.start(), re.sub(r"\s", "", m.group(1)).lower()) for m in _NAME.finditer(text)]
    for entry in listed:
        own = _names(text, entry)
        reach = entry.start + len(entry.heading) + _NAME_REACH
        if any(name in own and not entry.start <= at < reach for at, name in said):
            chosen.add(entry)
    return chosen.pop() if len(chosen) == 1 and len(asked) <= 1 else None
