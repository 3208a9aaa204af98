"""`finditer` with a fast first-character scan, for the many small regexes run on every message.

Python's regex engine skips ahead quickly only when a pattern starts with a literal or a case-sensitive
character class; a pattern starting with `\\b`, a lookaround or `(?i)` is tried at every position, which costs
about 25 ns a character. `Scanner` works out from the parsed pattern which ASCII characters a match can start
with (and, after a leading `\\b`, that it starts a word), finds those places with a case-sensitive class, and
tries the pattern only there. The matches are exactly `pattern.finditer(text)`'s: any match starts at such a
place, and matching from a position sees the whole text (lookbehinds, `\\b`, `^`). Before that, the words a
match must contain ("cm" or "mm" for a size; what a lookahead or lookbehind must see) are looked for in the
lower-cased text: a pattern whose words are absent is not run at all. `ScannerIndex` does that for many scanners
at once, keying each by one of its words. Non-ASCII text, and patterns whose first characters cannot be worked out
(or that can match the empty string, or start at a space), use plain finditer.
"""
from __future__ import annotations

import re
import sre_compile
import sre_constants as sre
import sre_parse
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Sequence, Tuple

_ASCII = tuple(chr(i) for i in range(128))
_WORD = frozenset(c for c in _ASCII if re.fullmatch(r"\w", c))
_FEW = 12  # with at most this many start characters, candidates are rare enough to try one by one

First = Optional[Tuple[FrozenSet[str], bool]]  # (ASCII characters a match can start with, can it be empty)


def _one_char(op: Any, av: Any, flags: int) -> FrozenSet[str]:
    """The ASCII characters a one-character item matches, asking the regex engine itself (case folding)."""
    item = sre_compile.compile(sre_parse.SubPattern(sre_parse.State(), [(op, av)]), flags)
    return frozenset(c for c in _ASCII if item.fullmatch(c))


def _sequence(items: Sequence[Tuple[Any, Any]], flags: int) -> First:
    chars: FrozenSet[str] = frozenset()
    for op, av in items:
        found = _item(op, av, flags)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


def _item(op: Any, av: Any, flags: int) -> First:
    """First characters of one parsed item; None for what this does not follow (group references, ...)."""
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return _one_char(op, av, flags), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: they only narrow where a match starts
        return frozenset(), True
    if op is sre.SUBPATTERN:
        _, add, remove, pattern = av
        return _sequence(pattern.data, (flags | add) & ~remove)
    if op is sre.BRANCH:
        found = [_sequence(branch.data, flags) for branch in av[1]]
        if any(f is None for f in found):
            return None
        return frozenset().union(*(f[0] for f in found if f)), any(f[1] for f in found if f)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _, pattern = av
        inner = _sequence(pattern.data, flags)
        return None if inner is None else (inner[0], inner[1] or low == 0)
    return None


def _starts(parsed: sre_parse.SubPattern) -> Optional[Tuple["re.Pattern[str]", int]]:
    """(a case-sensitive regex of one character at each place a match of the pattern can start in ASCII text,
    how many characters it takes); None when that cannot be worked out or a match can start at a space."""
    found = _sequence(parsed.data, parsed.state.flags)
    if found is None or found[1]:
        return None
    chars = found[0]
    if " " in chars:
        return None  # a match can start at any space: nothing to skip
    starts = "[" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else r"[^\x00-\x7f]"  # or nowhere
    leading = []
    for op, av in parsed.data:
        if op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            break
        leading.append((op, av))
    if (sre.AT, sre.AT_BOUNDARY) in leading and chars <= _WORD:
        starts += r"(?<!\w\w)"  # the \b: a word character with none before it
    return re.compile(starts), len(chars)


Needs = List[FrozenSet[str]]  # every match contains one string of each set (lower case); an empty set: no match


def _needs(items: Sequence[Tuple[Any, Any]], flags: int) -> Needs:
    """What a match of this sequence contains in ASCII text: its runs of literal characters, and what its
    groups, branches and repeats contain."""
    needs: Needs = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL:
            chars = {c.lower() for c in _one_char(op, av, flags)}
            if not chars:
                return [frozenset()]  # a character that is not in ASCII text
            if len(chars) == 1:
                run += chars.pop()
                continue
        if run:
            needs.append(frozenset([run]))
            run = ""
        needs += _item_needs(op, av, flags)
    return needs


def _strength(need: FrozenSet[str]) -> int:
    return min(map(len, need), default=1 << 30)


def _item_needs(op: Any, av: Any, flags: int) -> Needs:
    if op is sre.IN and not _one_char(op, av, flags):
        return [frozenset()]  # a class of non-ASCII characters only ("[☐☑☒]"): no match in ASCII text
    if op is sre.SUBPATTERN:
        _, add, remove, pattern = av
        return _needs(pattern.data, (flags | add) & ~remove)
    if op is sre.ASSERT:  # a lookahead or lookbehind: what it must see is in the text too ("(?<=\\bchemo )")
        return _needs(av[1].data, flags)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        return _needs(av[2].data, flags)
    if op is sre.BRANCH:  # one string of each branch's strongest need
        picks = []
        for branch in av[1]:
            needs = _needs(branch.data, flags)
            if not needs:
                return []
            picks.append(max(needs, key=_strength))
        return [frozenset().union(*picks)]
    return []


def _words(parsed: sre_parse.SubPattern) -> Tuple[Tuple[str, ...], Tuple[Tuple[str, ...], ...]]:
    """(the strings a match of the pattern contains, the sets of strings it contains one of), to look for in the
    lower-cased text; not sets with a lone letter or digit: nearly every message has those."""
    needs = sorted({tuple(sorted(need)) for need in _needs(parsed.data, parsed.state.flags)
                    if not any(len(s) == 1 and s.isalnum() for s in need)})
    return (tuple(need[0] for need in needs if len(need) == 1),
            tuple(need for need in sorted(needs, key=len) if len(need) != 1))


Seen = Tuple[str, str, bool, Dict[Tuple[str, ...], bool]]
_SEEN: Seen = ("", "", True, {})  # the last text scanned: (text, lower-cased, ASCII?, found sets of strings)


def _remember(text: str) -> Seen:
    """Note a text's lower-cased form and whether it is ASCII, for the scanners that read it next, and a memo of
    which sets of strings it contains one of (many scanners share a set). One tuple, assigned at once: a thread
    that reads it sees a whole entry."""
    global _SEEN
    _SEEN = (text, text.lower(), text.isascii(), {})
    return _SEEN


class Scanner:
    """A compiled pattern whose finditer tries it only where a match can start (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        parsed = sre_parse.parse(pattern, flags)
        # sre itself skips ahead to a case-sensitive literal the pattern starts with
        self._plain = bool(parsed.data) and parsed.data[0][0] is sre.LITERAL and not self.regex.flags & re.I
        self.words, self.either = _words(parsed)
        found = _starts(parsed)
        self.starts = found[0] if found else None
        self._few = found is not None and found[1] <= _FEW

    def finditer(self, text: str) -> Iterator["re.Match[str]"]:
        """The matches of `pattern.finditer(text)`."""
        if self._plain:
            return self.regex.finditer(text)
        seen = _SEEN
        if seen[0] is not text:  # the many scanners of a message see one string: looked at once
            seen = _remember(text)
        if not seen[2]:
            return self.regex.finditer(text)
        if self.words or self.either:
            lower = seen[1]
            for word in self.words:
                if word not in lower:
                    return iter(())
            found = seen[3]
            for either in self.either:
                has = found.get(either)
                if has is None:  # (a substring test per string: 4x faster than one regex of the alternatives)
                    has = found[either] = any(word in lower for word in either)
                if not has:
                    return iter(())
        if self.starts is None:
            return self.regex.finditer(text)
        first = self.starts.search(text)
        if first is None:
            return iter(())
        if not self._few:
            return self.regex.finditer(text, first.start())
        return self._one_by_one(text, first.start())

    def search(self, text: str) -> Optional["re.Match[str]"]:
        """The first match, as `pattern.search(text)`."""
        return next(iter(self.finditer(text)), None)

    def _one_by_one(self, text: str, first: int) -> Iterator["re.Match[str]"]:
        """Try the pattern at each candidate from `first`, past the end of the last match (as finditer does)."""
        regex, at = self.regex, 0
        assert self.starts is not None
        for start in self.starts.finditer(text, first):
            if start.start() >= at:
                found = regex.match(text, start.start())
                if found:
                    at = found.end()
                    yield found


class ScannerIndex:
    """Which of many scanners may match a text, found in one pass: each scanner is keyed by strings one of which any
    match of it contains (its longest required word, or one set of alternatives), so a text is looked at once per
    key instead of once per scanner. `candidates` never leaves out a scanner that matches (the scanners check
    their words again); for non-ASCII text, where the words are not looked for, it gives all."""

    def __init__(self, scanners: Sequence[Scanner]) -> None:
        self._count = len(scanners)
        self._always: List[int] = []
        keyed: Dict[str, List[int]] = {}
        for i, scanner in enumerate(scanners):
            if scanner._plain or not (scanner.words or scanner.either):
                self._always.append(i)
                continue
            # the cheapest requirement to look for: few strings, none very short (a short one is in most texts)
            options = [(word,) for word in scanner.words] + list(scanner.either)
            key = min(options, key=lambda need: (min(map(len, need), default=0) < 3, len(need),
                                                 -min(map(len, need), default=0)))
            for word in key:
                keyed.setdefault(word, []).append(i)
        self._keys = tuple(keyed.items())

    def candidates(self, text: str) -> List[int]:
        """Indexes (in order) of the scanners that may match `text`."""
        seen = _SEEN if _SEEN[0] is text else _remember(text)
        if not seen[2]:
            return list(range(self._count))
        lower = seen[1]
        found = set(self._always)
        for word, indexes in self._keys:
            if word in lower:
                found.update(indexes)
        return sorted(found)
