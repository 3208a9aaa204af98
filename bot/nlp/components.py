"""Custom spaCy components, registered by name (and as `spacy_factories` entry points for Rasa)."""
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import (
    Any,
    Collection,
    Dict,
    Iterable,
    Iterator,
    List,
    NamedTuple,
    Optional,
    Sequence,
    Set,
    Tuple,
    TypeVar,
    Union,
)

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from bot.nlp.fastre import Scanner, ScannerIndex

CUES_KEY = "cues"        # the span group of the findings (lexicon.yml's labels)
CONTEXT_KEY = "context"  # the span group of the assertion modifiers that matched, labelled by category

# ConText's categories (medspaCy's vocabulary) and the Cue flag each sets; TERMINATE ends a clause, and a
# PSEUDO phrase contains a trigger without being one ("triple negative" is no negation).
FLAGS = {"NEGATED_EXISTENCE": "negated", "POSSIBLE_EXISTENCE": "uncertain", "FAMILY": "family",
         "HYPOTHETICAL": "planned", "HISTORICAL": "historical"}
CATEGORIES = (*FLAGS, "TERMINATE", "PSEUDO")
DIRECTIONS = ("FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO")
_RULE_KEYS = ("literal", "pattern", "category", "direction", "max_scope", "allowed_types")
_ABBREVIATIONS = {"mrs.", "mr.", "ms.", "dr.", "vs.", "e.g.", "i.e.", "y.o.", "approx.", "no.", "pt."}
_DASHES = {"-", "–", "—"}  # between the items of a list: a dash, a hyphen only when spaced
_STUDY_VERBS = {"shows", "showed", "reveals", "revealed", "demonstrates", "demonstrated", "flagged", "flags",
                "detected", "identified", "found", "discovered"}
_STUDIES = {"us", "ultrasound", "mri", "ct", "pet", "mammogram", "mammography", "imaging", "scan", "exam", "biopsy"}


_DENIED_STUDY = 3  # tokens after a negation within which a study named is the one denied ("no US showed a node")


def _study_stop(norms: List[str], e: int, verbs: List[int], stop: int) -> int:
    """Where a negation ending at token `e` stops before a study's verb: at the verb ("a woman with no history shows
    a node"), or at the study named before it ("no history of breast cancer mammogram shows a node", as dictation
    runs sentences together); not when the study follows the negation ("no US showed a node": the study is denied)."""
    for i in verbs:
        if i <= e:
            continue
        studies = [j for j in range(e, i) if norms[j] in _STUDIES]
        if not studies:
            return min(stop, i)
        if studies[0] - e >= _DENIED_STUDY:
            return min(stop, studies[0])
    return stop


Tag = TypeVar("Tag")
_TEXT_KEY = "bot:text"


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per doc: spaCy joins the tokens again on every access (10 µs a message), and the
    regex ruler and the context component both need it. No component changes the tokens after the tokenizer."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TABLE_KEY = "bot:tokens"


class TokenTable(NamedTuple):
    """The doc's tokens' attributes as lists, read once per doc: reading a token of the doc builds a Token object
    each time (the components read hundreds a message)."""

    text: List[str]
    norm: List[str]
    space: List[str]  # the whitespace after each token
    idx: List[int]    # where each token starts in the doc's text


def token_table(doc: Doc) -> TokenTable:
    """The doc's TokenTable, computed on first use: after the typo component, which sets NORMs (the regex ruler and
    the context component run after it)."""
    table = doc.user_data.get(_TABLE_KEY)
    if table is None:
        text, norm, space, idx = [], [], [], []
        for token in doc:
            text.append(token.text)
            norm.append(token.norm_)
            space.append(token.whitespace_)
            idx.append(token.idx)
        table = doc.user_data[_TABLE_KEY] = TokenTable(text, norm, space, idx)
    return table


_MENDED_KEY = "bot:mended"


def scanned_text(doc: Doc) -> str:
    """The text the regexes read: the doc's, with the words the typo component mended spelt right ("no
    persnal/family hx" reads as "personal"), as the phrase matchers read the mended NORMs."""
    mended = doc.user_data.get(_MENDED_KEY)
    return _mended_text(doc, mended)[0] if mended else doc_text(doc)


def regex_matches(doc: Doc, scanners: Iterable[Tuple[Tag, Scanner]]) -> Iterator[Tuple[Tag, int, int]]:
    """(tag, start, end) of each tagged scanner's matches in scanned_text(doc), scanner by scanner, as token offsets
    widened to whole tokens (as char_span's "expand"); the tokens are the doc's own. The text, and how its
    characters map to tokens, are looked up once for all the scanners."""
    mended = doc.user_data.get(_MENDED_KEY)
    if mended:
        text, starts = _mended_text(doc, mended)
        for tag, scanner in scanners:
            for m in scanner.finditer(text):
                if m.end() > m.start():
                    yield tag, bisect_right(starts, m.start()) - 1, bisect_left(starts, m.end())
        return
    text = doc_text(doc)
    tokens: Optional[TokenTable] = None
    for tag, scanner in scanners:
        for m in scanner.finditer(text):
            # doc.char_span(start, end, alignment_mode="expand"): the tokens holding the first and the last
            # character, a first character that is a token's trailing space belonging to the next token
            first, last = m.start(), m.end() - 1
            if first >= len(text) or last < 0:
                continue
            if tokens is None:
                tokens = token_table(doc)
            start = bisect_right(tokens.idx, first) - 1
            if first == tokens.idx[start] + len(tokens.text[start]):
                start += 1
            end = bisect_right(tokens.idx, last)
            if end > start:
                yield tag, start, end


def _mended_text(doc: Doc, mended: Dict[int, str]) -> Tuple[str, List[int]]:
    """The doc's text with its mended words spelt right, and where each token starts in it (computed once)."""
    found = doc.user_data.get(_MENDED_KEY + ":text")
    if found is None:
        pieces, starts, at = [], [], 0
        for token in doc:
            word = mended.get(token.i, token.text)
            starts.append(at)
            pieces.append(word + token.whitespace_)
            at += len(word) + len(token.whitespace_)
        found = doc.user_data[_MENDED_KEY + ":text"] = ("".join(pieces), starts)
    return found


class Cue(NamedTuple):
    """A recognised phrase with the context it stands in (a named tuple: a message makes dozens, and a frozen
    dataclass takes three times as long to build)."""

    label: str
    start: int          # token offsets in the doc
    end: int
    text: str
    clause: int         # index of the clause it stands in
    sentence: int       # index of the sentence it stands in
    negated: bool = False
    uncertain: bool = False
    family: bool = False
    planned: bool = False
    historical: bool = False  # about a past episode (ConText's "historical")
    start_char: int = 0  # character offsets in the doc's text
    end_char: int = 0


@dataclass(frozen=True)
class ContextRule:
    """One assertion rule, as medspaCy's ConTextRule has it: a phrase (`literal`, or a `pattern`: a regular
    expression on the text, or a spaCy token pattern), its `category`, its `direction`, how many tokens its scope
    reaches (`forward` after the phrase, `backward` before it; None: to the clause's edge) and the target labels
    it may modify (`allowed_types`; None: all)."""

    literal: str
    category: str
    direction: str
    pattern: Union[None, str, Tuple[Dict[str, Any], ...]] = None
    forward: Optional[int] = None
    backward: Optional[int] = None
    allowed_types: Optional[Tuple[str, ...]] = None

    @property
    def kind(self) -> Tuple[Any, ...]:
        """What the rule does: rules of one kind differ only in their phrase."""
        return self.category, self.direction, self.forward, self.backward, self.allowed_types

    @classmethod
    def from_dict(cls, rule: Any) -> "ContextRule":
        """The rule a mapping describes (medspaCy's keys); ValueError naming the problem otherwise."""
        if not isinstance(rule, dict):
            raise ValueError(f"a rule is a mapping of {', '.join(_RULE_KEYS)}, not {rule!r}")
        unknown = sorted(set(rule) - set(_RULE_KEYS))
        if unknown:
            raise ValueError(f"unknown key {', '.join(map(repr, unknown))} (a rule has {', '.join(_RULE_KEYS)})")
        literal, pattern = rule.get("literal"), rule.get("pattern")
        if not isinstance(literal, str) or not literal.strip():
            raise ValueError("no literal: every rule names its phrase (the pattern's name when it has a pattern)")
        category, direction = rule.get("category"), rule.get("direction")
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r} (one of {', '.join(CATEGORIES)})")
        if direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {direction!r} (one of {', '.join(DIRECTIONS)})")
        if direction == "TERMINATE" and category != "TERMINATE":
            raise ValueError(f"direction TERMINATE with category {category}: a terminator's category is TERMINATE")
        if category == "TERMINATE" and direction not in ("TERMINATE", "PSEUDO"):
            raise ValueError(f"category TERMINATE with direction {direction}: use TERMINATE (or PSEUDO for a phrase "
                             "that contains a terminator without ending the clause)")
        if category == "PSEUDO" and direction != "PSEUDO":
            raise ValueError(f"category PSEUDO with direction {direction}: a pseudo phrase's direction is PSEUDO")
        if isinstance(pattern, list):
            if not pattern or not all(isinstance(t, dict) for t in pattern):
                raise ValueError("a token pattern is a list of token descriptions (mappings)")
            pattern = tuple(pattern)
        elif isinstance(pattern, str):
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"the pattern is no regular expression: {error}") from None
        elif pattern is not None:
            raise ValueError(f"a pattern is a regular expression or a token pattern, not {pattern!r}")
        forward, backward = _scopes(direction, rule.get("max_scope"))
        types = rule.get("allowed_types")
        if types is not None:
            if direction in ("TERMINATE", "PSEUDO"):
                raise ValueError(f"allowed_types on a {direction} rule: it modifies no target")
            if not isinstance(types, list) or not types or not all(isinstance(t, str) and t for t in types):
                raise ValueError(f"allowed_types is a non-empty list of target labels, not {types!r}")
            types = tuple(sorted(set(types)))
        return cls(literal, category, direction, pattern, forward, backward, types)

    def to_dict(self) -> Dict[str, Any]:
        """The rule in the file's shape (what from_dict reads)."""
        rule: Dict[str, Any] = {"literal": self.literal, "category": self.category, "direction": self.direction}
        if self.pattern is not None:
            rule["pattern"] = self.pattern if isinstance(self.pattern, str) else list(self.pattern)
        if self.direction == "BIDIRECTIONAL" and self.forward != self.backward:
            rule["max_scope"] = {"forward": self.forward, "backward": self.backward}
        elif self.direction in ("FORWARD", "BIDIRECTIONAL") and self.forward is not None:
            rule["max_scope"] = self.forward
        elif self.direction == "BACKWARD" and self.backward is not None:
            rule["max_scope"] = self.backward
        if self.allowed_types is not None:
            rule["allowed_types"] = list(self.allowed_types)
        return rule


def _scope(value: Any, what: str = "max_scope") -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} is a number of tokens, not {value!r}")
    if value < 1:
        raise ValueError(f"{what} {value}: a scope reaches at least one token (leave it out for the whole clause)")
    return value


def _scopes(direction: str, max_scope: Any) -> Tuple[Optional[int], Optional[int]]:
    """(forward, backward) reach in tokens of a rule's max_scope; 0 where the rule does not reach."""
    if direction in ("TERMINATE", "PSEUDO"):
        if max_scope is not None:
            raise ValueError(f"max_scope on a {direction} rule: it has no scope")
        return 0, 0
    if isinstance(max_scope, dict):
        if direction != "BIDIRECTIONAL" or set(max_scope) != {"forward", "backward"}:
            raise ValueError("max_scope {forward: n, backward: m} is for a BIDIRECTIONAL rule, with both keys")
        return _scope(max_scope["forward"], "max_scope forward"), _scope(max_scope["backward"], "max_scope backward")
    reach = _scope(max_scope)
    return (reach if direction != "BACKWARD" else 0), (reach if direction != "FORWARD" else 0)


def _ends_sentence(doc: Doc, tokens: TokenTable, i: int) -> bool:
    """A full stop, a question mark after a word ("imaging?", not "? LN"), or a word with its own full stop ("58F.");
    of token `i` (`tokens`: the doc's token_table)."""
    norms, spaces = tokens.norm, tokens.space
    text = norms[i]
    if text == "." and i > 0 and not spaces[i - 1] and norms[i - 1] + "." in _ABBREVIATIONS:
        # "approx." split by the tokenizer: the abbreviation's own full stop; "no." only before a number
        # ("No. 4"): "Neoadjuvant: no. New IDC" is an answer and its full stop
        return norms[i - 1] == "no" and not (i + 1 < len(norms) and doc[i + 1].like_num)
    if text in {".", ";", "!", "\n", "|"} or ("\n" in tokens.text[i] and tokens.text[i].isspace()):
        return True  # a line break ends a sentence: pasted lists and report lines
    if text == "?":
        return i > 0 and not spaces[i - 1] and bool(spaces[i] or i == len(norms) - 1)
    return len(text) > 1 and text.endswith(".") and text not in _ABBREVIATIONS and bool(spaces[i])


def clause_ids(doc: Doc, terminators: Collection[int] = ()) -> Tuple[List[int], List[int]]:
    """Clause and sentence index of every token: a sentence ends at its final punctuation or a line break, and a
    new clause starts at each token of `terminators` (where a TERMINATE phrase starts) and after a sentence end."""
    tokens = token_table(doc)
    clauses, sentences = [], []
    clause = sentence = 0
    for i in range(len(tokens.text)):
        if i in terminators:
            clause += 1
        clauses.append(clause)
        sentences.append(sentence)
        if _ends_sentence(doc, tokens, i):
            clause += 1
            sentence += 1
    return clauses, sentences


_LIST_ITEM = 4  # tokens of a list's item, its comma included
_NOT_AN_ITEM = frozenset({"so", "not", "more", "less", "something", "similar", "other", "another", "otherwise", "both"})
_ALTERNATIVES = frozenset({"whether", "if", "either", "unclear", "unsure", "one"})  # "unclear whether one or both"


def _list_items(doc: Doc, tokens: TokenTable, clauses: List[int], clause: int, cue_end: int) -> List[int]:
    """The clauses after `clause` (where the cue ending at token `cue_end` stands) that go on with a list of short
    items to its "or" ("no skin changes, nipple retraction, or palpable adenopathy"); [] when they do not end in
    such an item (`tokens`: the doc's token_table). Single words before the last item are modifiers of the noun it
    names ("no enlarged, firm, matted or otherwise abnormal nodes were felt"): that item is as long as its clause."""
    texts, norms = tokens.text, tokens.norm
    items: List[int] = []
    at = clauses.index(clause) if clause in clauses else len(clauses)
    while at < len(clauses) and clauses[at] == clause:
        at += 1
    modifiers = at - cue_end == 1
    # a comma starts the clause it ends (clause_ids): each item is ", words", the last ", or words"
    while at < len(clauses) and texts[at] == "," and len(items) < 4:
        current, first = clauses[at], at
        while at < len(clauses) and clauses[at] == current:
            at += 1
        last = first + 1 < len(norms) and norms[first + 1] in ("or", "nor")
        end = at - 1 if texts[at - 1] in (".", ";", "!", "?") else at  # the sentence's stop is no word of it
        # ", nipple retraction or palpable adenopathy": the last two items after one comma, with no serial comma
        # (not "palpable node or so", "node or two", "palpable or not")
        joined = [i for i in range(first + 2, min(at, first + _LIST_ITEM + 1)) if norms[i] in ("or", "nor")]
        if not last and joined and joined[0] + 1 < at and (norms[joined[0] + 1] not in _NOT_AN_ITEM or (
                modifiers and joined[0] == first + 2 and norms[joined[0] + 1] == "otherwise")) \
                and not doc[joined[0] + 1].like_num \
                and not any(norms[i] in _ALTERNATIVES for i in range(first + 1, joined[0])):
            last = True
            if end - joined[0] > _LIST_ITEM + 2 and not (modifiers and joined[0] == first + 2):
                return []
        elif end - first > _LIST_ITEM + (3 if last else 1) and not (modifiers and last):
            return []  # the last item may name more ("or palpable axillary nodes")
        modifiers = modifiers and (last or end - first == 2)
        items.append(current)
        if last:
            return items
    return []


_OPEN, _CLOSE = frozenset("(["), frozenset(")]")


def _brackets(texts: List[str]) -> Dict[int, Tuple[int, int]]:
    """Token index -> (open, close) token indexes of the innermost closed bracket holding it (`texts`: the tokens')."""
    inside: Dict[int, Tuple[int, int]] = {}
    opened: List[int] = []
    for at, text in enumerate(texts):
        if text in _OPEN:
            opened.append(at)
        elif text in _CLOSE and opened:
            start = opened.pop()
            for i in range(start + 1, at):
                inside.setdefault(i, (start, at))
    return inside


def _kept_in_brackets(inside: Dict[int, Tuple[int, int]], found_cues: Sequence[Tuple[int, int, str, int, int, str]],
                      kind: "_Kind", s: int, e: int, cue: int) -> bool:
    """A modifier (kind, tokens s..e) inside brackets (`inside`: _brackets) with a target of its own there, on the
    side it reaches, does not reach the cue starting at token `cue` past the brackets ("cN0 (not cN1 as previously
    documented)": "previously" is of cN1, not of cN0)."""
    box = inside.get(s)
    if box is None or inside.get(e - 1) != box or box[0] < cue < box[1]:
        return False
    ahead = cue > box[1]
    return any((kind.allowed is None or label in kind.allowed) and box[0] < start and end <= box[1]
               and (start >= e if ahead else end <= s)
               for start, end, label, _, _, _ in found_cues)


def _longest(spans: Iterable[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """spacy.util.filter_spans on (start, end) pairs: of overlapping spans the longest (then the first) stays."""
    kept: List[Tuple[int, int]] = []
    seen: Set[int] = set()
    for start, end in sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            kept.append((start, end))
            seen.update(range(start, end))
    return kept


_FOUND_KEY = "bot:spans:"  # and the span group's key: (start, end, label) of its spans


def _found(doc: Doc, spans_key: str) -> Optional[List[Tuple[int, int, str]]]:
    """The (start, end, label) list the rulers keep beside the span group `spans_key`, in its order; None when
    the group is not theirs alone (a ruler that keeps none filled it first)."""
    found = doc.user_data.get(_FOUND_KEY + spans_key)
    if found is None and spans_key not in doc.spans:
        found = doc.user_data[_FOUND_KEY + spans_key] = []
    return found


def _found_cues(doc: Doc) -> List[Tuple[int, int, str]]:
    """(start, end, label) of every span of doc.spans["cues"], in its order: from the rulers' list when it is the
    group's (reading the group builds every Span again), else from the group."""
    group = doc.spans.get(CUES_KEY, ())
    found = doc.user_data.get(_FOUND_KEY + CUES_KEY)
    if found is None or len(found) != len(group):
        found = [(span.start, span.end, span.label_) for span in group]
    return found


def _longest_per_label(spans: Iterable[Tuple[int, int, str]], text: str, tokens: TokenTable
                       ) -> List[Tuple[int, int, str, int, int, str]]:
    """Within one label keep the longest of overlapping spans ("3.2 x 2.1 cm", not also "2.1 cm"), as
    (start, end, label, start_char, end_char, text) in document order. `spans` are (start, end, label); `text` is
    the doc's and `tokens` its token_table: a span's characters run from its first token's start to its last
    token's end (as Span's start_char and end_char), and slicing the text is span.text without joining the span's
    tokens again."""
    by_label: Dict[str, List[Tuple[int, int]]] = {}
    chars: Dict[Tuple[int, int], Tuple[int, int, str]] = {}
    idx, words = tokens.idx, tokens.text
    for start, end, label in spans:
        by_label.setdefault(label, []).append((start, end))
        if (start, end) not in chars:
            start_char, end_char = idx[start], idx[end - 1] + len(words[end - 1])
            chars[start, end] = start_char, end_char, text[start_char:end_char]
    kept = [(start, end, label, *chars[start, end])
            for label, group in by_label.items() for start, end in (group if len(group) == 1 else _longest(group))]
    return sorted(kept, key=lambda s: (s[0], -s[1]))


@Language.factory("axilla_context", default_config={"phrase_matcher_attr": "NORM"})
def make_context(nlp: Language, name: str, phrase_matcher_attr: str) -> "AxillaContext":
    """Mark each recognised phrase as negated, uncertain, about a relative, planned or historical (ConText)."""
    return AxillaContext(nlp, name, phrase_matcher_attr)


@dataclass(frozen=True)
class _Kind:
    """What the rules of one kind do (ContextRule.kind), in the form the component applies it."""

    category: str
    direction: str
    forward: int      # reach in tokens after the phrase (0: none)
    backward: int     # and before it
    allowed: Optional[frozenset]
    bit: int          # the Cue flag it sets, as a bit of _FLAG_BITS (0: none)


_FLAG_BITS = {category: 1 << i for i, category in enumerate(FLAGS)}
_NEGATED, _UNCERTAIN, _FAMILY, _PLANNED, _HISTORICAL = (_FLAG_BITS[category] for category in FLAGS)
_WHOLE_CLAUSE = 1 << 30


class AxillaContext:
    """The ConText algorithm on the span ruler's findings: each finding of doc.spans["cues"] becomes a Cue
    (doc._.cues) flagged by the assertion modifiers whose scope it stands in. The modifiers come from rules
    (bot/nlp/patterns/context.yml, or `add_rules`), and are kept in doc.spans["context"] for explanations.

    A scope never leaves its clause (clause_ids: sentence ends and TERMINATE phrases). Unlike medspaCy, two
    modifiers of one category do not shorten each other's scope; of overlapping phrases of one kind the longest
    counts ("no evidence of", not also "no"), and a PSEUDO phrase voids the phrases of its category inside it."""

    def __init__(self, nlp: Language, name: str = "axilla_context", phrase_matcher_attr: str = "NORM") -> None:
        self.nlp, self.name = nlp, name
        self.phrase_matcher_attr = phrase_matcher_attr
        self.rules: List[ContextRule] = []
        self.clear()
        if not Doc.has_extension("cues"):
            Doc.set_extension("cues", default=None)

    def clear(self) -> None:
        """Forget every rule."""
        self.rules = []
        self._kinds: List[_Kind] = []
        self._kind_index: Dict[Tuple[Any, ...], int] = {}
        self._key_kind: Dict[int, int] = {}  # match key -> index of its kind
        self._regexes: List[Tuple[int, Scanner]] = []
        self._index = ScannerIndex([])
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr=self.phrase_matcher_attr)
        self.matcher = Matcher(self.nlp.vocab, validate=True)

    def add_rules(self, rules: Iterable[Union[ContextRule, Dict[str, Any]]]) -> None:
        """Add rules (ContextRule, or mappings in medspaCy's shape); ValueError naming the first bad one."""
        parsed = []
        for i, rule in enumerate(rules, 1):
            if isinstance(rule, ContextRule):
                parsed.append(rule)
                continue
            try:
                parsed.append(ContextRule.from_dict(rule))
            except ValueError as error:
                name = rule.get("literal") if isinstance(rule, dict) else None
                raise ValueError(f"context rule {i}{f' ({name!r})' if name else ''}: {error}") from None
        phrases: Dict[str, List[str]] = {}
        for rule in parsed:
            index = self._kind_index.get(rule.kind)
            if index is None:
                index = self._kind_index[rule.kind] = len(self._kinds)
                self._kinds.append(_Kind(
                    rule.category, rule.direction,
                    _WHOLE_CLAUSE if rule.forward is None else rule.forward,
                    _WHOLE_CLAUSE if rule.backward is None else rule.backward,
                    None if rule.allowed_types is None else frozenset(rule.allowed_types),
                    _FLAG_BITS.get(rule.category, 0) if rule.direction not in ("TERMINATE", "PSEUDO") else 0))
            key = f"{self.name}:{index}"
            self._key_kind[self.nlp.vocab.strings.add(key)] = index
            if rule.pattern is None:
                phrases.setdefault(key, []).append(rule.literal)
            elif isinstance(rule.pattern, str):
                self._regexes.append((index, Scanner(rule.pattern)))
            else:
                self.matcher.add(key, [list(rule.pattern)])
            self.rules.append(rule)
        self._index = ScannerIndex([regex for _, regex in self._regexes])
        # Phrases are matched on what the components before this one make of them (norms, typo corrections),
        # as spaCy's span_ruler does.
        before = self.nlp.pipe_names[:self.nlp.pipe_names.index(self.name)] if self.name in self.nlp.pipe_names \
            else self.nlp.pipe_names
        with self.nlp.select_pipes(enable=before):
            for key, texts in phrases.items():
                self.phrase_matcher.add(key, list(self.nlp.pipe(texts)))

    def _matches(self, doc: Doc) -> List[Tuple[int, int, int]]:
        """(kind, start, end) of every rule's phrase in the doc, without those voided by a PSEUDO phrase."""
        found = {(self._key_kind[key], start, end) for key, start, end in self.phrase_matcher(doc)}
        if len(self.matcher):
            found.update((self._key_kind[key], start, end) for key, start, end in self.matcher(doc))
        regexes = self._regexes
        found.update(regex_matches(doc, (regexes[i] for i in self._index.candidates(scanned_text(doc)))))
        kinds = self._kinds
        pseudo = [(kinds[k].category, s, e) for k, s, e in found if kinds[k].direction == "PSEUDO"]
        if pseudo:
            found = {(k, s, e) for k, s, e in found if kinds[k].direction == "PSEUDO" or not any(
                category in ("PSEUDO", kinds[k].category) and ps <= s and e <= pe for category, ps, pe in pseudo)}
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def __call__(self, doc: Doc) -> Doc:
        kinds = self._kinds
        found = self._matches(doc)
        clauses, sentences = clause_ids(doc, {s for k, s, _ in found if kinds[k].direction == "TERMINATE"})
        by_kind: Dict[int, List[Tuple[int, int]]] = {}
        for k, s, e in found:
            if kinds[k].bit:
                by_kind.setdefault(k, []).append((s, e))
        # A scope reaching forward stops at a field's colon ("no hx of cancer: firm lumps"), unless the colon
        # follows the phrase itself ("Denies: lumps"); a negation's stops at a spaced dash too, the one right
        # after it included ("no skin changes - palpable node", "history - none - new IDC"), and at a study's verb
        # ("MRI in a woman with no cancer history shows a node"; not "no US showed a node": the study is denied).
        tokens = token_table(doc)
        texts = tokens.text
        colons, breaks, verbs = [], [], []
        for i, text in enumerate(texts):
            if text == ":" or (text.endswith(":") and not any(ch.isalnum() for ch in text)):  # ":", and "):"
                colons.append(i)
            elif text in _DASHES and (text != "-" or i and tokens.space[i - 1] and tokens.space[i]):
                breaks.append(i)
            elif text in _STUDY_VERBS or text.lower() in _STUDY_VERBS:
                verbs.append(i)
        context: Dict[int, List[Tuple[_Kind, int, int, int, int, bool]]] = {}
        for k, spans in by_kind.items():
            for s, e in _longest(spans):
                stop = next((i for i in colons if i > e), len(doc))
                listed: List[int] = []
                if kinds[k].bit == _UNCERTAIN:
                    # a query ends at a spaced dash too ("CT for ?PE - 1.9 cm L axillary node")
                    stop = min(stop, next((i for i in breaks if i >= e), stop))
                if kinds[k].bit == _NEGATED:
                    stop = min(stop, next((i for i in breaks if i >= e), stop),
                               _study_stop(tokens.norm, e, verbs, stop))
                    if kinds[k].forward and texts[e - 1] == ":":
                        # a negative heading ("Negative for: ...", "Absent: ..."): the rest of its sentence lists
                        listed = sorted({clauses[i] for i in range(e, len(doc)) if sentences[i] == sentences[e - 1]}
                                        - {clauses[e - 1]})
                    elif kinds[k].forward:
                        listed = _list_items(doc, tokens, clauses, clauses[e - 1], e)
                # a phrase that holds a terminator ("not yet": "yet" ends clauses) reaches the clause it ends in too;
                # one that opens with a comma or "but" reaches back into the clause it ends (", but unsure")
                opened = {clauses[s - 1]} if s and texts[s].lower() in (",", "but") and kinds[k].backward else set()
                # a field's value (": none") reaches back to its own field's name only ("cN: 1 therapy: none")
                reach = max((i for i in colons if i < s), default=-1) if texts[s].startswith(":") else -1
                for clause in {clauses[s], clauses[e - 1]} | opened:
                    context.setdefault(clause, []).append((kinds[k], s, e, stop, reach, False))
                for clause in listed:  # the rest of a list it begins, however far its last item
                    context.setdefault(clause, []).append((kinds[k], s, e, stop, reach, True))
        cues = []
        found_cues = _longest_per_label(_found_cues(doc), doc_text(doc), tokens)
        inside = _brackets(texts) if not _CLOSE.isdisjoint(texts) else {}
        for start, end, label, start_char, end_char, text in found_cues:
            clause, flags = clauses[start], 0
            for kind, s, e, stop, reach, item in context.get(clause, ()):
                if (kind.allowed is None or label in kind.allowed) and (
                        (e <= start < stop and (item or start - e < kind.forward))
                        or (not item and s >= end and s - end < kind.backward and start > reach)) \
                        and not (inside and _kept_in_brackets(inside, found_cues, kind, s, e, start)):
                    flags |= kind.bit
            cues.append(Cue(label, start, end, text, clause, sentences[start], bool(flags & _NEGATED),
                            bool(flags & _UNCERTAIN), bool(flags & _FAMILY), bool(flags & _PLANNED),
                            bool(flags & _HISTORICAL), start_char, end_char))
        doc._.cues = cues
        modifiers = dict.fromkeys((kinds[k].category, s, e) for k, s, e in found if kinds[k].bit)
        doc.spans[CONTEXT_KEY] = [Span(doc, s, e, label=category) for category, s, e in modifiers]
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:  # noqa: D102
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        rules = [rule.to_dict() for rule in self.rules]
        (path / "rules.json").write_text(json.dumps(rules, ensure_ascii=False, indent=1))

    def from_disk(self, path, exclude=tuple()) -> "AxillaContext":  # noqa: D102
        self.clear()
        self.add_rules(json.loads((Path(path) / "rules.json").read_text()))
        return self


_SEEN_MAX = 50_000


@Language.factory("typo_norms", default_config={"min_length": 5, "min_target_length": 6, "min_swap_length": 4})
def make_typo_norms(nlp: Language, name: str, min_length: int, min_target_length: int,
                    min_swap_length: int) -> "TypoNorms":
    """Give a misspelt word ("palpabel", "neoadjuvent", "rigth") the NORM of the known word one edit away."""
    return TypoNorms(min_length, min_target_length, min_swap_length)


def _deletes(word: str) -> List[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or adjacent transposition."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_VOWELS = frozenset("aeiou")


def _skeleton(word: str) -> str:
    """The word without its vowels, as a text message writes it ("palpable" -> "plpbl")."""
    return "".join(ch for ch in word if ch not in _VOWELS)


# What text recognition of a scanned or faxed page misreads as two letters: "m" as "rn" ("rneasures", "firrn").
# A word with "rn" is read each way (the normaliser mends a 1 or 0 among letters); only a vocabulary word counts.
def _ocr_readings(word: str) -> Set[str]:
    """The words `word` may be as text recognition misread it ("treatrnent" -> treatment, "firrn" -> firm)."""
    parts = word.split("rn")
    if len(parts) == 1 or len(parts) > 4:
        return set()
    readings = {parts[0]}
    for part in parts[1:]:
        readings = {r + join + part for r in readings for join in ("rn", "m")}
    return readings - {word}


_ACRONYM_MAX = 5  # letters: a word in capitals this short, among small letters, is an acronym


def _mostly_capitals(text: str) -> bool:
    """A message written in capitals, where a short word in capitals is no acronym ("NEW L BRST CA")."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


class TypoNorms:
    """Spelling tolerance for the lexicon's own vocabulary: a word within one edit (insertion, deletion,
    substitution or transposition) of exactly one known word takes that word's NORM. A shorter word (from
    `min_swap_length` letters) is mended only by swapping two adjacent letters back ("rigth", "lumsp", "ndoe"):
    its letters are all there, so it is rarely another real word."""

    def __init__(self, min_length: int, min_target_length: int, min_swap_length: int = 4) -> None:
        # Short targets are common words one slip away from other real words ("fever" -> "never").
        self.min_length, self.min_target_length = min_length, min_target_length
        self.min_swap_length = min_swap_length
        self.known: set = set()
        self.norms: Dict[str, str] = {}     # vocabulary word -> its NORM
        self._index: Dict[str, set] = {}    # word or one-deletion of it -> vocabulary words
        self._seen: Dict[str, str] = {}     # unknown word -> its correction ('' for none)
        self._skeletons: Dict[str, set] = {}  # a word's consonants -> vocabulary words ("plpbl": palpable)

    def add_vocabulary(self, norms: Dict[str, str], known: Sequence[str]) -> None:
        self._seen.clear()
        self.norms.update(norms)
        self.known.update(known, norms)
        for word in norms:
            if len(word) >= self.min_target_length:
                for key in [word] + _deletes(word):
                    self._index.setdefault(key, set()).add(word)
            if len(word) >= 4 and word.isalpha() and _VOWELS & set(word):
                self._skeletons.setdefault(_skeleton(word), set()).add(word)

    def correct(self, word: str) -> str:
        """The vocabulary word meant by `word`, or '' when no single best word is one edit away, or is the word as
        a scanned page's text recognition misreads it ("rneasures", "firrn": see _ocr_readings).

        Ties go to the longer word: a dropped letter ("clinicaly") is the commonest slip. A word of three consonants
        or more and no vowel ("plpbl", "brst", as text messages shorten) is the one vocabulary word of those
        consonants."""
        if len(word) >= 3 and not _VOWELS & set(word):
            written = self._skeletons.get(word, set())
            if len({self.norms[w] for w in written}) == 1:
                return max(written, key=len)
        read = {w for w in _ocr_readings(word) if w in self.norms}
        if len(read) == 1:
            return read.pop()
        candidates: set = set()
        if len(word) >= self.min_length:
            for key in [word] + _deletes(word):
                candidates |= {c for c in self._index.get(key, ()) if _one_edit(word, c)}
        if not candidates:
            swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
            candidates = {w for w in swapped if w in self.norms and w not in STOP_WORDS and w != word}
        if not candidates:
            return ""
        longest = max(len(c) for c in candidates)
        best = {c for c in candidates if len(c) == longest}
        return best.pop() if len({self.norms[c] for c in best}) == 1 else ""

    def __call__(self, doc: Doc) -> Doc:
        shouted: Optional[bool] = None
        for token in doc:
            lower = token.lower_
            if (len(lower) < self.min_swap_length and (len(lower) < 3 or _VOWELS & set(lower))) \
                    or lower in self.known or not token.is_alpha:
                continue
            if token.is_upper and len(lower) <= _ACRONYM_MAX:
                if shouted is None:
                    shouted = _mostly_capitals(doc.text)
                if not shouted:
                    continue  # an acronym in a sentence of small letters ("on NST", "PST"), not a slip of a word
            word = self._seen.get(lower)
            if word is None:
                word = self.correct(lower)
                if len(self._seen) < _SEEN_MAX:  # words recur across messages; bounded, so memory stays flat
                    self._seen[lower] = word
            if word:
                token.norm_ = self.norms[word]
                if not (word.startswith(lower) or lower.startswith(word)):
                    # for the regexes; a word one ending away ("excluded" for "exclude") is most often a
                    # real inflection, written as the regex expects it
                    doc.user_data.setdefault(_MENDED_KEY, {})[token.i] = word
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:  # noqa: D102
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {"norms": self.norms, "known": sorted(self.known)}
        (path / "vocabulary.json").write_text(json.dumps(data, ensure_ascii=False))

    def from_disk(self, path, exclude=tuple()) -> "TypoNorms":  # noqa: D102
        data = json.loads((Path(path) / "vocabulary.json").read_text())
        self.add_vocabulary(data["norms"], data["known"])
        return self


@Language.factory("cue_ruler", default_config={"spans_key": CUES_KEY, "phrase_matcher_attr": "NORM"})
def make_cue_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str) -> "CueRuler":
    """spaCy's span_ruler (as its factory makes it: overwriting its key), for the lexicon's phrases."""
    return CueRuler(nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr, overwrite=True)


class CueRuler(SpanRuler):
    """spaCy's SpanRuler, run without what it does per message that the rule pipeline has no use for: a warnings
    filter and its empty token matcher (which warns) when all its patterns are phrases, and the error-handler
    lookup (an error propagates, as parse() lets every component's). The same spans, in the same order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._hashed: Dict[int, Tuple[Dict[str, str], Tuple[int, int, str]]] = {}  # see _hashes

    def __call__(self, doc: Doc) -> Doc:
        matches = list(self.phrase_matcher(doc))
        if len(self.matcher):
            matches += self.matcher(doc)
        # Span's own order and equality are those of (start_char, end_char, label, kb_id, id): for spans of one
        # doc (whose tokens are never empty), those of (start, end, label, id), as hashes. The spans are made from
        # these, once each, without building, hashing and comparing a Span per match.
        keys = {key: self._hashes(doc, key) for key in {key for key, _, _ in matches}}
        found = sorted({(start, end, *keys[key][:2]): key for key, start, end in matches if start != end}.items())
        self.set_annotations(doc, [Span(doc, start, end, label=label, span_id=span_id)
                                   for (start, end, label, span_id), _ in found])
        if self.key and self.overwrite and not self.spans_filter:  # the group is these spans, in this order
            doc.user_data[_FOUND_KEY + self.key] = [(start, end, keys[key][2]) for (start, end, _, _), key in found]
        return doc

    def _hashes(self, doc: Doc, key: int) -> Tuple[int, int, str]:
        """(label, id, label as text) of a match key's spans, the first two as the doc's strings store hashes them
        (what Span keeps, and takes as they are): worked out once per pattern entry."""
        entry = self._match_label_id_map[key]
        known = self._hashed.get(key)
        if known is None or known[0] is not entry:
            strings = doc.vocab.strings
            known = self._hashed[key] = entry, (strings.add(entry["label"]), strings.add(entry["id"]), entry["label"])
        return known[1]


@Language.factory("regex_ruler", default_config={"spans_key": CUES_KEY})
def make_regex_ruler(nlp: Language, name: str, spans_key: str) -> "RegexRuler":
    """Mark numeric and case-sensitive phrases (sizes, TNM, '58F', 'L'/'R') with compiled regexes."""
    return RegexRuler(spans_key)


class RegexRuler:
    """Adds labelled spans found by regular expressions on the text: one pass per label, no per-token callbacks;
    each pattern is tried only where a match can start (fastre.Scanner)."""

    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key
        self.patterns: Dict[str, List[str]] = {}
        self._compiled: List[Tuple[str, Scanner]] = []
        self._index = ScannerIndex([])

    def add_patterns(self, patterns: Dict[str, List[str]]) -> None:
        for label, regexes in patterns.items():
            self.patterns.setdefault(label, []).extend(regexes)
        # One regex per pattern: inline flags such as (?i) then apply to that pattern only.
        self._compiled = [(label, Scanner(r)) for label, regexes in self.patterns.items() for r in regexes]
        self._index = ScannerIndex([scanner for _, scanner in self._compiled])

    def __call__(self, doc: Doc) -> Doc:
        found = _found(doc, self.spans_key)
        if self.spans_key not in doc.spans:
            doc.spans[self.spans_key] = []
        group = doc.spans[self.spans_key]  # appended to: reading its spans back would build each one again
        compiled = self._compiled
        for label, start, end in regex_matches(doc, (compiled[i] for i in self._index.candidates(scanned_text(doc)))):
            group.append(Span(doc, start, end, label=label))
            if found is not None:
                found.append((start, end, label))
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:  # noqa: D102
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.json").write_text(json.dumps(self.patterns, ensure_ascii=False, indent=1))

    def from_disk(self, path, exclude=tuple()) -> "RegexRuler":  # noqa: D102
        self.add_patterns(json.loads((Path(path) / "patterns.json").read_text()))
        return self
