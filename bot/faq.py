"""Follow-up answers (the FAQ topics of contract §2): texts in knowledge/faq.yml, filled in per variant."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional, Pattern, Tuple

import yaml

from bot.kb import knowledge

FAQ_FILE = Path(__file__).parent / "knowledge" / "faq.yml"

TOPICS: Tuple[str, ...] = (
    "why_not_mri", "why_not_pet", "biopsy_positive", "biopsy_negative", "us_negative", "small_tumor",
    "neoadjuvant", "suspicious_features", "radiation", "fna_vs_core", "order_wording", "clip_tad",
    "discordant", "pitfalls", "scope", "rating_meaning",
)

_REQUIRED = ("question", "answer", "sources", "keywords")
_FIELDS = frozenset(_REQUIRED + ("by_variant",))
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_PLAIN_FIELDS = ("variant_title", "order_text")

_INVITE_NEW = ("Describe the patient (sex, age, diagnosis, tumour size, clinical nodal status, treatment so far) "
               "and I will answer for her ACR variant.")
_INVITE_MORE = "Once I have the missing details of the case, I can answer for its ACR variant."
_OUT_OF_SCOPE = ("The current case has no ACR variant of this topic to answer for. {reason} What follows is the "
                 "general answer, not a recommendation for this patient.")

# A keyword hit scores its matched characters up to this cap, so one sprawling match cannot outweigh
# several specific ones; below the minimum nothing is convincing.
_MAX_HIT = 20
_MIN_SCORE = 2


class FaqError(ValueError):
    """faq.yml is malformed; the message names the file, the entry and what is wrong."""


@dataclass(frozen=True)
class FaqAnswer:
    """The text of a follow-up answer, for the variant it was given for, with its source keys."""

    topic: str
    variant: Optional[str]
    text: str
    sources: Tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One validated topic of faq.yml."""

    question: str
    answer: str
    sources: Tuple[str, ...]
    by_variant: Mapping[str, str]
    keywords: Tuple[Pattern[str], ...]


@lru_cache(maxsize=None)
def load(path: Path) -> Mapping[str, Entry]:
    """Read and validate a FAQ file once: every contract topic, nothing else."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FaqError(f"{path}: cannot read the file: {exc}") from exc
    if not isinstance(raw, dict):
        raise FaqError(f"{path}: expected a mapping of topic ids to entries")
    for topic in raw:
        if topic not in TOPICS:
            raise FaqError(f"{path}: entry '{topic}': unknown topic id (contract topics: {', '.join(TOPICS)})")
    for topic in TOPICS:
        if topic not in raw:
            raise FaqError(f"{path}: entry '{topic}': missing (every contract topic needs an answer)")
    return {topic: _entry(raw[topic], f"{path}: entry '{topic}'") for topic in TOPICS}


def _entry(data: Any, where: str) -> Entry:
    """One entry, checked against the knowledge base; `where` prefixes every error."""
    if not isinstance(data, dict):
        raise FaqError(f"{where}: expected a mapping with {', '.join(_REQUIRED)}")
    for field in _REQUIRED:
        if not data.get(field):
            raise FaqError(f"{where}: '{field}' is missing or empty")
    if set(data) - _FIELDS:
        raise FaqError(f"{where}: unknown field(s) {sorted(map(str, set(data) - _FIELDS))}")
    question, answer = _text(data["question"], f"{where}, question"), _text(data["answer"], f"{where}, answer")
    if "{" in answer or "}" in answer:
        raise FaqError(f"{where}, answer: the general answer cannot hold placeholders or braces")
    by_variant = data.get("by_variant") or {}
    if not isinstance(by_variant, dict):
        raise FaqError(f"{where}: 'by_variant' must map variant ids to texts")
    return Entry(
        question=question,
        answer=answer,
        sources=_sources(data["sources"], where),
        by_variant={vid: _template(vid, text, where) for vid, text in by_variant.items()},
        keywords=_keywords(data["keywords"], where),
    )


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FaqError(f"{where}: expected non-empty text")
    return value.strip()


def _sources(keys: Any, where: str) -> Tuple[str, ...]:
    if not isinstance(keys, list):
        raise FaqError(f"{where}: 'sources' must be a list of source keys")
    for key in keys:
        if key not in knowledge().sources:
            raise FaqError(f"{where}: unknown source key {key!r} (not in sources.yml)")
    return tuple(keys)


def _template(variant_id: Any, text: Any, where: str) -> str:
    """A variant's text whose placeholders all name something the knowledge base can fill."""
    where = f"{where}, by_variant '{variant_id}'"
    if variant_id not in knowledge().variants:
        raise FaqError(f"{where}: unknown variant id")
    text = _text(text, where)
    for name in _PLACEHOLDER.findall(text):
        kind, _, procedure = name.partition(":")
        if kind == "category" and procedure not in knowledge().procedures:
            raise FaqError(f"{where}: placeholder {{{name}}} names an unknown procedure {procedure!r}")
        if kind != "category" and name not in _PLAIN_FIELDS:
            raise FaqError(f"{where}: unknown placeholder {{{name}}}")
    leftover = _PLACEHOLDER.sub("", text)
    if "{" in leftover or "}" in leftover:
        raise FaqError(f"{where}: unbalanced brace")
    return text


def _keywords(patterns: Any, where: str) -> Tuple[Pattern[str], ...]:
    if not isinstance(patterns, list):
        raise FaqError(f"{where}: 'keywords' must be a list of regexes")
    compiled = []
    for pattern in patterns:
        try:
            regex = re.compile(str(pattern), re.IGNORECASE)
        except re.error as exc:
            raise FaqError(f"{where}: bad keyword regex {pattern!r}: {exc}") from exc
        if regex.search(""):
            raise FaqError(f"{where}: keyword regex {pattern!r} matches empty text")
        compiled.append(regex)
    return tuple(compiled)


def answer(topic: str, variant_id: Optional[str] = None, facts: Optional[Mapping] = None) -> FaqAnswer:
    """The answer to a topic: the variant's own text when it has one that resolves, else the general one."""
    entries = load(FAQ_FILE)
    if topic not in entries:
        raise ValueError(f"unknown FAQ topic {topic!r}")
    entry, kb = entries[topic], knowledge()
    if variant_id is not None and variant_id not in kb.variants:
        raise ValueError(f"unknown variant {variant_id!r}")
    template = entry.by_variant.get(variant_id) if variant_id else None
    body = (_resolve(template, kb.variants[variant_id]) if template and variant_id else None) or entry.answer
    parts = [body, "Sources: " + "; ".join(kb.sources[key].short for key in entry.sources)]
    if variant_id is None:
        invitation, out_of_scope = _invitation(facts or {})
        # a case with no variant: said first, so that a general answer (an order's wording) is not read as its own
        parts = [invitation, *parts] if out_of_scope else [*parts, invitation]
    return FaqAnswer(topic=topic, variant=variant_id, text="\n\n".join(parts), sources=entry.sources)


def _invitation(facts: Mapping) -> Tuple[str, bool]:
    """What a general answer adds for the case so far (describe one, finish it, or why it has no variant), and
    whether the case is out of scope."""
    if not any(value is not None for value in facts.values()):
        return _INVITE_NEW, False
    from bot.matcher import match
    from bot.result import OUT_OF_SCOPE
    result = match(dict(facts))
    if result.status == OUT_OF_SCOPE and result.reasons:
        return _OUT_OF_SCOPE.format(reason=result.reasons[0]), True
    return _INVITE_MORE, False


def _resolve(template: str, variant: Any) -> Optional[str]:
    """The template filled in for a variant, or None when the variant lacks a value it needs."""
    values = {name: _value(name, variant) for name in set(_PLACEHOLDER.findall(template))}
    if any(value is None for value in values.values()):
        return None
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)] or "", template)


def _value(name: str, variant: Any) -> Optional[str]:
    if name in _PLAIN_FIELDS:
        return getattr(variant, name)
    return variant.category_of(name.partition(":")[2])


# A biopsy result stated as an absence ("no evidence of metastasis", "without cancer cells", "free of tumour").
_NEGATED_RESULT = re.compile(
    r"\b(no|not|without|free of|negative for|absence of|nothing|clear of|isn'?t|wasn'?t)\b(\W+\w+){0,3}?\W+"
    r"(cancer|malignan\w*|metasta\w*|mets|carcinoma|tumou?r|disease|atypi\w*)\b")


# How to write an order, as opposed to whether to order the exam: "want the indication wording right".
_WORDING = re.compile(r"\b(word(s|ing|ed)?|phras(e|ing)|indication|what (do|should) i (write|put|type))\b")


def asks_wording(text: str) -> bool:
    """True when a message about an exam asks how to word its order (the order_wording topic), not its rating."""
    return bool(_WORDING.search(text.lower()))


def negated_result(text: str) -> bool:
    """True when the message states a finding as absent: a positive-sounding question that is a negative one."""
    return bool(_NEGATED_RESULT.search(text.lower()))


# Words that turn an exam named in a message into one declined or questioned ("no MRI for her then?", "why isn't
# she getting one"): the why-not follow-up, not a check of that order.
_DECLINING = frozenset({"no", "not", "isn't", "isnt", "without", "skip", "instead", "why", "rather", "n't"})


def declines_an_exam(text: str) -> bool:
    """True when the message declines or questions an exam ("no MRI for her then?") instead of proposing it; a
    protocol "without contrast" is an exam, not a declined one."""
    text = _PROTOCOL.sub(" ", text.lower().replace("’", "'"))
    return bool(_DECLINING & set(text.replace("?", " ").replace(",", " ").split()))


_PROTOCOL = re.compile(r"\b(?:without|w/o|no)\s+(?:and\s+with\s+)?(?:iv\s+)?(?:contrast|gadolinium|gad)\b"
                       r"|\bwith\s+and\s+without\s+(?:iv\s+)?contrast\b|\bw/wo\b")
# A proposal to order an exam ("can I order ...", "I'm going to order ...", "is a ... OK for her?")
_PROPOSAL = re.compile(r"\b(?:can|could|may|should|shall)\s+(?:i|we)\s+(?:just\s+)?(?:order|get|request|book)\b"
                       r"|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:going\s+to|gonna|about\s+to|planning\s+to)\s+"
                       r"(?:order|request|book)\b|\bis\s+(?:a|an|the)\b[^?.]{0,60}\b(?:ok|okay|appropriate|fine)\b")


_EXAM_TOPICS = frozenset({"why_not_pet", "why_not_mri"})


def asks_dose_of_an_exam(heard: Optional[str], keywords: Optional[str], text: str) -> bool:
    """True when a message the classifier took for why-not-that-exam asks that exam's radiation dose (its dose
    words, in any language the keywords know, outscore the exam's name), and does not question the exam itself
    ("why not PET - is it the dose?")."""
    return heard in _EXAM_TOPICS and keywords == "radiation" and not declines_an_exam(text)


def proposes_an_order(text: str) -> bool:
    """True when the message proposes ordering an exam ("can I order a non-contrast breast MRI?") rather than
    asking why one is not recommended: the order check answers it, whatever follow-up it sounded like."""
    return bool(_PROPOSAL.search(text.lower().replace("’", "'"))) and not declines_an_exam(text)


def detect_topic(text: str) -> Optional[str]:
    """The topic whose keywords score clearly highest in a message, or None when none is convincing."""
    message = " ".join(text.lower().replace("’", "'").replace("‘", "'").split())
    entries = load(FAQ_FILE)
    scores = sorted(((_score(entry.keywords, message), topic) for topic, entry in entries.items()), reverse=True)
    (best, topic), (runner_up, _) = scores[0], scores[1]
    return topic if best >= _MIN_SCORE and best > runner_up else None


def _score(patterns: Tuple[Pattern[str], ...], message: str) -> int:
    hits = (pattern.search(message) for pattern in patterns)
    return sum(min(len(hit.group(0)), _MAX_HIT) for hit in hits if hit)
