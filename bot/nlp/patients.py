"""Lists of several patients (ward handovers, clinic lists) whose question names one of them.

"Bed 3 - ... Bed 4 - ... Bed 5 - ... advice needed on bed 4 only": the message is about one patient, and only
that patient's entry may be read, so that no fact of another patient reaches the case (one patient per case).
A list whose question names no entry, or names several, stays a message about several patients (scope.yml).
"""
from __future__ import annotations

import re
from typing import List, NamedTuple, Optional

# An entry's heading at the start of a line, a sentence or a list ("Handover: Bed 4 -"): "Bed 8 -", "Patient 2:",
# "Pt B)", "Room 12 -", or a bare number "2)" of a numbered ward list.
_ENTRY = re.compile(r"(?im)(?:^|[.;:\n]\s*)((?:bed|bay|room|patient|pt|case)\s*#?\s*(\d{1,3}[a-z]?|[a-d])"
                    r"(?=\s*[:)\-–—])|(\d{1,2})(?=\)))")
# A later mention of an entry, as the question names it ("bed 8's node", "about patient B").
_MENTION = re.compile(r"(?i)\b(?:bed|bay|room|patient|pt|case)\s*#?\s*(\d{1,3}[a-z]?|[a-d])\b")


class Entry(NamedTuple):
    """One patient's entry: its label ("8", "b"), its heading ("Bed 8") and its characters [start, end) in the
    message, heading included."""

    label: str
    heading: str
    start: int
    end: int


def entries(text: str) -> List[Entry]:
    """The message's patient entries in order; [] unless it lists at least two different labels."""
    heads = list(_ENTRY.finditer(text))
    ends = [h.start(1) for h in heads[1:]] + [len(text)]
    found = [Entry((h.group(2) or h.group(3)).lower(), h.group(1), h.start(1), end) for h, end in zip(heads, ends)]
    return found if len({e.label for e in found}) > 1 else []


def asked_entry(text: str) -> Optional[Entry]:
    """The one entry of a patient list that the message's own words ask about (a mention outside the entries'
    headings: "which imaging for bed 4?", "bed 8's node"); None when it lists no patients or names no single one."""
    listed = entries(text)
    headings = {e.start for e in listed}
    asked = {m.group(1).lower() for m in _MENTION.finditer(text) if m.start() not in headings}
    chosen = [e for e in listed if e.label in asked]
    return chosen[0] if len(asked) == 1 and len(chosen) == 1 else None
