"""`finditer` with a fast first-character scan, for the many small regexes run on every message.

Python's regex engine skips ahead quickly only when a pattern starts with a literal or a case-sensitive
character class; a pattern starting with `\\b`, a lookaround or `(?i)` is tried at every position, which costs
about 25 ns a character. `Scanner` works out from the parsed pattern which ASCII characters a match can start
with, and searches with a second regex that starts with a case-sensitive class of them (which the engine skips
ahead to in C) and then asserts, from that character, that the pattern matches there: one search finds the next
match's start, without a call from Python per candidate place; the pattern itself then matches there. The matches
are exactly `pattern.finditer(text)`'s: any match starts at such a place, and matching from a position sees the
whole text (lookbehinds, `\\b`, `^`). Before that, the words a match must contain ("cm" or "mm" for a size;
what a lookahead or lookbehind must see) are looked for in the lower-cased text: a pattern whose words are absent
is not run at all. `ScannerIndex` does that for many scanners at once, keying each by one of its words. Non-ASCII
text, and patterns whose first characters cannot be worked out (or that can match the empty string, or start at a
space), use plain finditer.

Three shapes of pattern start where no search for a start character is needed, or a better one exists: a pattern
that starts at the text's beginning (`^`, `\\A`) is tried there only; one that starts at a line's beginning
(`(?m)^`) at the text's start and after each line break; and one that starts with a whole word holding what
follows it (`\\b\\w*` then a pattern that starts with a word character: "\\b\\w*(?:idc|carcinoma)\\w*\\b") at the
start of each word in which what follows matches, found by that pattern's own finder: a word character is met
about every other character, the words of a cancer seldom.
"""
from __future__ import annotations

import re
import sre_compile
import sre_constants as sre
import sre_parse
import warnings
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Sequence, Tuple

_ASCII = tuple(chr(i) for i in range(128))

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


def _starts(parsed: sre_parse.SubPattern) -> Optional[str]:
    """A case-sensitive class of one character at each place a match of the pattern can start in ASCII text; None
    when that cannot be worked out or a match can start at a space."""
    found = _sequence(parsed.data, parsed.state.flags)
    if found is None or found[1]:
        return None
    chars = found[0]
    if " " in chars:
        return None  # a match can start at any space: nothing to skip
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else r"[^\x00-\x7f]"  # or nowhere


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _finder(pattern: str, parsed: sre_parse.SubPattern, starts: str) -> Optional["re.Pattern[str]"]:
    """A regex whose search finds the next place where `pattern` matches in ASCII text: a start character (a class
    outside the pattern's flags, so the engine skips to it in C), then, looking back at that character, the
    pattern matching from it. No groups of its own, so the pattern's group references keep their numbers. None
    when it cannot be built (a group reference inside the lookbehind)."""
    body = pattern
    while (leading := _GLOBAL_FLAGS.match(body)) is not None:  # the pattern's global flags go to the compiled flags
        body = body[leading.end():]
    flags = parsed.state.flags
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            finder = re.compile(f"(?-i:{starts})(?<=(?=(?:{body}))(?s:.))", flags)
    except (re.error, Warning):
        return None
    return finder if sre_parse.parse(finder.pattern, flags).state.flags == flags else None


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


Seen = Tuple[str, str, bool, Dict[Any, Any]]
_SEEN: Seen = ("", "", True, {})  # the last text scanned: (text, lower-cased, ASCII?, found sets of strings)


def _remember(text: str) -> Seen:
    """Note a text's lower-cased form and whether it is ASCII, for the scanners that read it next, and a memo of
    which sets of strings it contains one of (many scanners share a set). One tuple, assigned at once: a thread
    that reads it sees a whole entry."""
    global _SEEN
    _SEEN = (text, text.lower(), text.isascii(), {})
    return _SEEN


_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")  # \w in ASCII text
_WORD_PREFIX = re.compile(r"((?:\(\?[aiLmsux]+\))*)\\b\\w\*")  # the source of a pattern that starts so


def _anchor(parsed: sre_parse.SubPattern) -> Optional[str]:
    """"text" for a pattern whose matches start at the text's beginning, "line" for one whose matches start at a
    line's beginning, else None; None too when a match may be empty (finditer then goes on from the next
    character, which this does not follow)."""
    if not parsed.data or parsed.data[0][0] is not sre.AT:
        return None
    found = _sequence(parsed.data, parsed.state.flags)
    if found is None or found[1]:
        return None
    at = parsed.data[0][1]
    if at is sre.AT_BEGINNING_STRING or (at is sre.AT_BEGINNING and not parsed.state.flags & re.M):
        return "text"
    return "line" if at is sre.AT_BEGINNING else None


def _whole_word(op: Any, av: Any) -> bool:
    """The item is `\\w*`."""
    return op is sre.MAX_REPEAT and av[:2] == (0, sre.MAXREPEAT) \
        and list(av[2].data) == [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])]


def _word_tail(pattern: str, parsed: sre_parse.SubPattern, flags: int) -> Optional["Scanner"]:
    """For a pattern `\\b\\w*` + TAIL whose TAIL starts with a word character (and has a finder), TAIL's Scanner,
    with the pattern's global flags: a match starts where the word in which TAIL matches starts."""
    if len(parsed.data) < 2 or parsed.data[0] != (sre.AT, sre.AT_BOUNDARY) or not _whole_word(*parsed.data[1]):
        return None
    prefix = _WORD_PREFIX.match(pattern)
    if prefix is None:
        return None
    tail = prefix.group(1) + pattern[prefix.end():]
    parsed_tail = sre_parse.parse(tail, flags)
    first = _sequence(parsed_tail.data, parsed_tail.state.flags)
    if first is None or first[1] or not first[0] or not first[0] <= _WORD:
        return None
    scanner = Scanner(tail, flags)
    return scanner if scanner._finder is not None else None


class Scanner:
    """A compiled pattern whose finditer tries it only where a match can start (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        parsed = sre_parse.parse(pattern, flags)
        # sre itself skips ahead to a case-sensitive literal the pattern starts with
        self._plain = bool(parsed.data) and parsed.data[0][0] is sre.LITERAL and not self.regex.flags & re.I
        self.words, self.either = _words(parsed)
        self.starts = _starts(parsed)  # the class of start characters, or None
        self._finder = _finder(pattern, parsed, self.starts) if self.starts is not None else None
        self._anchor = _anchor(parsed)  # "text", "line" or None
        self._tail = _word_tail(pattern, parsed, flags) if self._anchor is None else None

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
                    has = False
                    for word in either:  # (a loop: no generator to build, as any() needs)
                        if word in lower:
                            has = True
                            break
                    found[either] = has
                if not has:
                    return iter(())
        if self._anchor is not None:
            return self._at_text_start(text) if self._anchor == "text" else self._at_line_starts(text)
        if self._tail is not None:
            return self._at_word_starts(text)
        if self._finder is None:
            return self.regex.finditer(text)
        first = self._finder.search(text)
        if first is None:
            return iter(())
        return self._jumping(text, first.start())

    def search(self, text: str) -> Optional["re.Match[str]"]:
        """The first match, as `pattern.search(text)`."""
        return next(iter(self.finditer(text)), None)

    def _jumping(self, text: str, first: int) -> Iterator["re.Match[str]"]:
        """The matches from `first` (where one starts), each found by one search of the finder from the end of the
        last (as finditer goes on; a match is never empty)."""
        search, match = self._finder.search, self.regex.match  # type: ignore[union-attr]
        found = match(text, first)
        while found is not None:
            yield found
            start = search(text, found.end())
            found = match(text, start.start()) if start is not None else None


    def _at_text_start(self, text: str) -> Iterator["re.Match[str]"]:
        """The match at the text's start, if any: after it (never empty) the pattern's `^` holds nowhere."""
        found = self.regex.match(text)
        return iter((found,) if found is not None else ())

    def _at_line_starts(self, text: str) -> Iterator["re.Match[str]"]:
        """The matches at the text's start and after its line breaks (where `(?m)^` holds), each looked for from the
        end of the last."""
        match, at = self.regex.match, 0
        while True:
            found = match(text, at)
            if found is not None:
                yield found
            after = found.end() if found is not None else at + 1  # the next match starts here or later
            newline = text.find("\n", after - 1)
            if newline < 0:
                return
            at = newline + 1

    def _at_word_starts(self, text: str) -> Iterator["re.Match[str]"]:
        """The matches at the starts of the words in which the tail (see _word_tail) matches, in order: the tail's
        finder finds the next place it matches, and the pattern is tried at its word's start, unless that word
        began before the last match's end."""
        search, match = self._tail._finder.search, self.regex.match  # type: ignore[union-attr]
        at = 0
        while True:
            tail = search(text, at)
            if tail is None:
                return
            start = tail.start()
            while start > at and text[start - 1] in _WORD:
                start -= 1
            found = None if start == at and at and text[at - 1] in _WORD else match(text, start)
            if found is not None:
                yield found
            at = found.end() if found is not None else tail.start() + 1


_GRAM = 3  # characters of the pieces a text's keys are looked up by
_PIECES = "pieces"


def _grams(seen: Seen) -> FrozenSet[str]:
    """Every piece of _GRAM characters of the lower-cased text, computed once per text (kept in its memo under a
    string, where the sets of strings are tuples)."""
    found = seen[3].get(_PIECES)
    if found is None:
        lower = seen[1]
        found = seen[3][_PIECES] = frozenset([lower[i:i + _GRAM] for i in range(len(lower) - _GRAM + 1)])
    return found


class ScannerIndex:
    """Which of many scanners may match a text, found in one pass: each scanner is keyed by strings one of which any
    match of it contains (its longest required word, or one set of alternatives), so a text is looked at once per
    key instead of once per scanner. The keys are looked up by one of their pieces of _GRAM characters: only those
    whose piece is in the text (one set intersection) are looked for. `candidates` never leaves out a scanner that
    matches (the scanners check their words again); for non-ASCII text, where the words are not looked for, it
    gives all."""

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
        self._short = tuple((word, indexes) for word, indexes in keyed.items() if len(word) < _GRAM)
        self._by_gram: Dict[str, List[Tuple[str, List[int]]]] = {}
        for word, indexes in keyed.items():
            if len(word) >= _GRAM:
                self._by_gram.setdefault(word[-_GRAM:], []).append((word, indexes))
        self._grams = frozenset(self._by_gram)

    def candidates(self, text: str) -> List[int]:
        """Indexes (in order) of the scanners that may match `text`."""
        seen = _SEEN if _SEEN[0] is text else _remember(text)
        if not seen[2]:
            return list(range(self._count))
        lower = seen[1]
        found = set(self._always)
        for word, indexes in self._short:
            if word in lower:
                found.update(indexes)
        by_gram = self._by_gram
        for gram in _grams(seen) & self._grams:
            for word, indexes in by_gram[gram]:
                if word in lower:
                    found.update(indexes)
        return sorted(found)
