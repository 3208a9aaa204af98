"""Build the blank-English rule pipeline from the pattern files, and save it for Rasa."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import yaml

PATTERNS = Path(__file__).parent / "patterns"


def _read(name: str) -> Any:
    with open(PATTERNS / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


NORM_FILES = ("norms.yml", "foreign.yml")  # variant spellings; words of other languages


def _variants(name: str) -> Dict[str, str]:
    """variant -> NORM of one norms file."""
    return {variant.lower(): norm for norm, variants in _read(name).items() for variant in variants}


@functools.lru_cache(maxsize=1)
def answer_fillers() -> frozenset:
    """The words a short answer may hold beside what it answers ("yes", "no", a bare number): answers.yml."""
    return frozenset(str(word).lower() for word in _read("answers.yml")["fillers"])


def set_norms(vocab) -> None:
    """Give every variant spelling of norms.yml and foreign word of foreign.yml one NORM, in any letter case, on
    the vocabulary's lexemes: every token of those words then carries it at no cost per message (an attribute
    ruler matches each message again). A lexeme's attributes are computed once, when the word is first seen, by
    the vocabulary's getters."""
    from spacy.attrs import NORM

    table = {variant: norm for name in NORM_FILES for variant, norm in _variants(name).items()}
    default = vocab.lex_attr_getters.get(NORM, str.lower)
    vocab.lex_attr_getters[NORM] = lambda string: table.get(string.lower()) or default(string)
    for lexeme in vocab:  # the words the vocabulary already holds
        if lexeme.lower_ in table:
            lexeme.norm_ = table[lexeme.lower_]


def span_patterns() -> List[Dict[str, Any]]:
    """Span-ruler phrase patterns (matched on NORM), by label. ValueError for a regular expression among the
    phrases: it would be matched as words, never as a pattern (regular expressions go under `regex:`)."""
    lexicon = _read("lexicon.yml")["labels"]
    for label, patterns in lexicon.items():
        for pattern in patterns:
            if isinstance(pattern, str) and (pattern.startswith("(?") or "\\b" in pattern):
                raise ValueError(f"lexicon.yml labels.{label}: {pattern!r} is a regular expression: put it under regex")
    return [
        {"label": label, "pattern": pattern}
        for label, patterns in lexicon.items()
        for pattern in patterns
    ]


def labels() -> Set[str]:
    """The labels lexicon.yml defines: its phrase labels and its regex labels."""
    lexicon = _read("lexicon.yml")
    return set(lexicon["labels"]) | set(lexicon["regex"])


def context_rules(name: str = "context.yml") -> List[Dict[str, Any]]:
    """The assertion rules of context.yml (medspaCy's ConTextRule shape), each checked: a known category and
    direction, a sound scope, target labels that lexicon.yml defines, no rule twice. ValueError otherwise,
    naming the file, the rule and the problem."""
    from bot.nlp.components import ContextRule

    path = PATTERNS / name
    data = _read(name)
    if not isinstance(data, dict) or set(data) != {"context_rules"} or not isinstance(data["context_rules"], list):
        raise ValueError(f"{path}: expected one key, context_rules, holding a list of rules")
    known = labels()
    seen: Dict[Tuple[str, Any, Any], int] = {}
    for i, rule in enumerate(data["context_rules"], 1):
        named = isinstance(rule, dict) and rule.get("literal")
        where = f"{path}: rule {i}" + (f" ({rule['literal']!r})" if named else "")
        try:
            parsed = ContextRule.from_dict(rule)
        except ValueError as error:
            raise ValueError(f"{where}: {error}") from None
        unknown = sorted(set(parsed.allowed_types or ()) - known)
        if unknown:
            raise ValueError(f"{where}: allowed_types {', '.join(unknown)}: no such label in lexicon.yml")
        key = (parsed.literal.lower() if parsed.pattern is None else repr(parsed.pattern), parsed.category,
               parsed.direction)
        if key in seen:
            raise ValueError(f"{where}: the same phrase, category and direction as rule {seen[key]}")
        seen[key] = i
    return data["context_rules"]


def vocabulary(english: bool = True) -> Tuple[Dict[str, str], List[str]]:
    """(word -> NORM for every lexicon word a typo may be meant as, words never to correct).

    The lexicon's phrases and the assertion phrases of context.yml; not terminators nor pseudo phrases, nor the
    foreign words (never corrected, never a correction), nor the English words one slip from a lexicon word
    (english.yml, written by scripts/english_words.py; `english=False` leaves them out, to write it)."""
    norms = _variants("norms.yml")
    norms.update({norm: norm for norm in _read("norms.yml")})
    phrases = [entry["pattern"] for entry in span_patterns()] + [
        rule["literal"] for rule in context_rules()
        if "pattern" not in rule and rule["direction"] not in ("TERMINATE", "PSEUDO")]
    for phrase in phrases:
        for word in re.findall(r"[a-z]+", phrase.lower()):
            norms.setdefault(word, word)
    protected = list(_read("protected.yml")) + list(_variants("foreign.yml"))
    return norms, protected + (list(_read("english.yml")) if english else [])


def tokenizer():
    """A blank English pipeline with the lexicon's tokenizer special cases ("s/p", "y/o", ...) and nothing else."""
    import spacy

    nlp = spacy.blank("en")
    tokenizer: Any = nlp.tokenizer
    for case in _read("lexicon.yml")["special_cases"]:
        tokenizer.add_special_case(case, [{"ORTH": case}])
    return nlp


def build():
    """A fresh pipeline: tokenizer special cases, norms, phrase and regex rulers, context component."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from bot.nlp import components  # registers the custom components

    nlp = tokenizer()
    set_norms(nlp.vocab)
    norms, protected = vocabulary()
    nlp.add_pipe("typo_norms").add_vocabulary(norms, sorted(STOP_WORDS) + protected)
    ruler = nlp.add_pipe("cue_ruler", config={
        "spans_key": components.CUES_KEY, "phrase_matcher_attr": "NORM",
    })
    ruler.add_patterns(span_patterns())
    nlp.add_pipe("regex_ruler").add_patterns(_read("lexicon.yml")["regex"])
    nlp.add_pipe("axilla_context").add_rules(context_rules())
    nlp.meta.update(name="axilla_rules", version="0.1.0",
                    description="Rule pipeline for axillary-imaging case descriptions")
    return nlp


@functools.lru_cache(maxsize=1)
def load():
    """The pipeline of this process, built once."""
    return build()


def parse(text: str) -> Any:
    """The Doc of `text` from the pipeline of this process: what nlp(text) does, without Language.__call__'s
    per-message checks and error-handler lookups (20 µs a message); a component's error propagates unwrapped."""
    nlp = load()
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def save_tokenizer(path: Path) -> Path:
    """Write the tokenizer-only pipeline where Rasa's SpacyNLP loads it (meta.json included).

    Rasa's NLU reads tokens only; the facts are read by the core from the raw text, so the Rasa server does not
    run the rule components a second time."""
    nlp = tokenizer()
    nlp.meta.update(name="axilla_tokenizer", version="0.1.0",
                    description="Tokenizer of the axillary-imaging assistant (the lexicon's special cases)")
    path.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    return path
