"""Custom spaCy components, registered by name (and as `spacy_factories` entry points for Rasa)."""
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

CUES_KEY = "cues"

# Words that end the scope of a negation or uncertainty cue (the ConText algorithm's terminators).
_TERMINATORS = {"but", "however", "although", "though", "except", "yet", "whereas", "while", "now", "today", "which",
                "who"}
# "had" starts a new statement ("no history of cancer had a CT"), except after a negation or auxiliary
# ("has not had chemo", "never had surgery") or a relative ("mother had breast cancer": norms.yml maps relatives
# to "mother").
_SOFT_TERMINATORS = {"had": {"not", "n't", "never", "has", "have", "she", "he", "'s", "hasn't", "haven't", "also",
                             "already", "mother"}}
# Not ":" ("nodes: none palpable") nor an opening bracket ("on NAC (cycle 3 of AC-T)"); a closing
# bracket does end one ("(no cancer history) shows a suspicious node").
_CLAUSE_PUNCT = {".", ";", "!", "?", "\n", ")"}
# Post-posed negation ("axilla negative", "nodes normal") only applies to findings, never to the
# diagnosis: "triple negative breast cancer" or "IDC, ER negative" must not negate the cancer.
_POST_NEGATABLE = {"NODE", "LUMP", "AXILLA", "PALPABLE", "SUSPICIOUS", "METASTASIS", "NAC"}
# Only these cues can be historical: a past cancer and its treatment ("treated for IDC in 2015"), not the
# nodes or sizes that an older study is compared with (those have their own qualifiers, see sizes.py).
_HISTORICAL = {"CANCER", "SURGERY", "SURGERY_DONE", "NAC", "RECURRENCE", "ADJUVANT", "ENDOCRINE", "TNM", "NSTAGE",
               "DCIS", "METASTASIS"}
_ABBREVIATIONS = {"mrs.", "mr.", "ms.", "dr.", "vs.", "e.g.", "i.e.", "y.o.", "approx.", "no.", "pt."}


@dataclass(frozen=True)
class Cue:
    """A recognised phrase with the context it stands in."""

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


def _ends_sentence(doc: Doc, token) -> bool:
    """A full stop, a question mark after a word ("imaging?", not "? LN"), or a word with its own full stop ("58F.")."""
    text = token.norm_
    if text in {".", ";", "!", "\n", "|"} or (token.is_space and "\n" in token.text):
        return True  # a line break ends a sentence: pasted lists and report lines
    if text == "?":
        return token.i > 0 and not doc[token.i - 1].whitespace_ and bool(token.whitespace_ or token.i == len(doc) - 1)
    return len(text) > 1 and text.endswith(".") and text not in _ABBREVIATIONS and bool(token.whitespace_)


def clause_ids(doc: Doc) -> Tuple[List[int], List[int]]:
    """Clause and sentence index of every token: clauses end at punctuation and contrastive words."""
    clauses, sentences = [], []
    clause = sentence = 0
    for token in doc:
        text = token.norm_
        previous = doc[token.i - 1].norm_ if token.i else ""
        if text in _TERMINATORS or (text in _SOFT_TERMINATORS and previous not in _SOFT_TERMINATORS[text]):
            clause += 1
        clauses.append(clause)
        sentences.append(sentence)
        ends_sentence = _ends_sentence(doc, token)
        if ends_sentence or (text in _CLAUSE_PUNCT and text != "?") or text == ",":
            clause += 1
        if ends_sentence:
            sentence += 1
    return clauses, sentences


def _scoped(context: Dict[int, List[Span]], labels: Tuple[str, ...], span: Span, clause: int,
            before: int, after: int) -> bool:
    """True when a cue of `labels` stands in the span's clause, fewer than `before`/`after` tokens away."""
    for cue in context.get(clause, ()):
        if cue.label_ not in labels:
            continue
        if cue.end <= span.start and span.start - cue.end < before:
            return True
        if cue.start >= span.end and cue.start - span.end < after:
            return True
    return False


def _longest_per_label(spans: Sequence[Span]) -> List[Span]:
    """Within one label keep the longest of overlapping spans ("3.2 x 2.1 cm", not also "2.1 cm")."""
    by_label: dict = {}
    for span in spans:
        by_label.setdefault(span.label_, []).append(span)
    kept = [span for group in by_label.values() for span in filter_spans(group)]
    return sorted(kept, key=lambda s: (s.start, -s.end))


@Language.factory("axilla_context", default_config={"before": 7, "after": 4})
def make_context(nlp: Language, name: str, before: int, after: int) -> "AxillaContext":
    """Mark each recognised phrase as negated, uncertain, about a relative, or planned."""
    return AxillaContext(before=before, after=after)


class AxillaContext:
    """Context of the span ruler's cues (negation, uncertainty, family history, plans), stored in doc._.cues."""

    def __init__(self, before: int, after: int) -> None:
        self.before, self.after = before, after
        if not Doc.has_extension("cues"):
            Doc.set_extension("cues", default=None)

    def __call__(self, doc: Doc) -> Doc:
        spans = _longest_per_label(doc.spans.get(CUES_KEY, []))
        clauses, sentences = clause_ids(doc)
        context: Dict[int, List[Span]] = {}
        for span in spans:
            if span.label_.startswith("CTX_"):
                context.setdefault(clauses[span.start], []).append(span)
        cues = []
        for span in spans:
            if span.label_.startswith("CTX_"):
                continue
            clause = clauses[span.start]
            cues.append(Cue(
                label=span.label_, start=span.start, end=span.end, text=span.text,
                clause=clause, sentence=sentences[span.start],
                negated=_scoped(context, ("CTX_NEG",), span, clause, self.before, 0)
                or _scoped(context, ("CTX_NEG_FIELD",), span, clause, 0, self.after + 2)
                or (span.label_ in _POST_NEGATABLE
                    and _scoped(context, ("CTX_NEG_POST",), span, clause, 0, self.after)),
                uncertain=_scoped(context, ("CTX_UNCERTAIN", "CTX_UNCERTAIN_PRE"), span, clause, self.before, 0)
                or _scoped(context, ("CTX_UNCERTAIN",), span, clause, 0, self.after),
                family=_scoped(context, ("CTX_FAMILY",), span, clause, 9, 5),
                planned=_scoped(context, ("CTX_PLAN",), span, clause, 7, 3),
                historical=span.label_ in _HISTORICAL
                and _scoped(context, ("CTX_HISTORICAL",), span, clause, self.before, 10),
                start_char=span.start_char, end_char=span.end_char,
            ))
        doc._.cues = cues
        return doc

    # The component has no state of its own beyond its config: nothing to serialise.
    def to_disk(self, path, exclude=tuple()) -> None:  # noqa: D102
        pass

    def from_disk(self, path, exclude=tuple()) -> "AxillaContext":  # noqa: D102
        return self


_SEEN_MAX = 50_000


@Language.factory("typo_norms", default_config={"min_length": 5, "min_target_length": 6})
def make_typo_norms(nlp: Language, name: str, min_length: int, min_target_length: int) -> "TypoNorms":
    """Give a misspelt word ("palpabel", "neoadjuvent") the NORM of the known word one edit away."""
    return TypoNorms(min_length, min_target_length)


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


class TypoNorms:
    """Spelling tolerance for the lexicon's own vocabulary: a word within one edit (insertion, deletion,
    substitution or transposition) of exactly one known word takes that word's NORM."""

    def __init__(self, min_length: int, min_target_length: int) -> None:
        # Short targets are common words one slip away from other real words ("fever" -> "never").
        self.min_length, self.min_target_length = min_length, min_target_length
        self.known: set = set()
        self.norms: Dict[str, str] = {}     # vocabulary word -> its NORM
        self._index: Dict[str, set] = {}    # word or one-deletion of it -> vocabulary words
        self._seen: Dict[str, str] = {}     # unknown word -> its correction ('' for none)

    def add_vocabulary(self, norms: Dict[str, str], known: Sequence[str]) -> None:
        self._seen.clear()
        self.norms.update(norms)
        self.known.update(known, norms)
        for word in norms:
            if len(word) >= self.min_target_length:
                for key in [word] + _deletes(word):
                    self._index.setdefault(key, set()).add(word)

    def correct(self, word: str) -> str:
        """The vocabulary word meant by `word`, or '' when no single best word is one edit away.

        Ties go to the longer word: a dropped letter ("clinicaly") is the commonest slip."""
        candidates: set = set()
        for key in [word] + _deletes(word):
            candidates |= {c for c in self._index.get(key, ()) if _one_edit(word, c)}
        if not candidates:
            return ""
        longest = max(len(c) for c in candidates)
        best = {c for c in candidates if len(c) == longest}
        return best.pop() if len({self.norms[c] for c in best}) == 1 else ""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lower = token.lower_
            if len(lower) < self.min_length or lower in self.known or not token.is_alpha:
                continue
            word = self._seen.get(lower)
            if word is None:
                word = self.correct(lower)
                if len(self._seen) < _SEEN_MAX:  # words recur across messages; bounded, so memory stays flat
                    self._seen[lower] = word
            if word:
                token.norm_ = self.norms[word]
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


@Language.factory("regex_ruler", default_config={"spans_key": CUES_KEY})
def make_regex_ruler(nlp: Language, name: str, spans_key: str) -> "RegexRuler":
    """Mark numeric and case-sensitive phrases (sizes, TNM, '58F', 'L'/'R') with compiled regexes."""
    return RegexRuler(spans_key)


class RegexRuler:
    """Adds labelled spans found by regular expressions on the text: one pass per label, no per-token callbacks."""

    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key
        self.patterns: Dict[str, List[str]] = {}
        self._compiled: List[Tuple[str, "re.Pattern[str]"]] = []

    def add_patterns(self, patterns: Dict[str, List[str]]) -> None:
        for label, regexes in patterns.items():
            self.patterns.setdefault(label, []).extend(regexes)
        # One regex per pattern: inline flags such as (?i) then apply to that pattern only.
        self._compiled = [(label, re.compile(r)) for label, regexes in self.patterns.items() for r in regexes]

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(self.spans_key, []))
        text = doc.text  # built from the tokens on every access
        for label, regex in self._compiled:
            for found in regex.finditer(text):
                span = doc.char_span(found.start(), found.end(), label=label, alignment_mode="expand")
                if span is not None and len(span):
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:  # noqa: D102
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.json").write_text(json.dumps(self.patterns, ensure_ascii=False, indent=1))

    def from_disk(self, path, exclude=tuple()) -> "RegexRuler":  # noqa: D102
        self.add_patterns(json.loads((Path(path) / "patterns.json").read_text()))
        return self
