"""The knowledge base: YAML files under bot/knowledge, loaded and validated once.

A malformed file fails at start-up with the file, the entry and what is wrong.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

import yaml

from bot.features import FEATURES

log = logging.getLogger(__name__)

KNOWLEDGE = Path(__file__).parent / "knowledge"
CATEGORIES = {
    "UA": "Usually Appropriate",
    "MBA": "May Be Appropriate",
    "MBA-D": "May Be Appropriate (Disagreement)",
    "UNA": "Usually Not Appropriate",
}
RANK = {name: i for i, name in enumerate(CATEGORIES.values())}


class KnowledgeError(ValueError):
    """A knowledge file that cannot be trusted: says which file, which entry, what is wrong."""

    def __init__(self, path: Path, entry: str, problem: str) -> None:
        super().__init__(f"{path.name}: {entry}: {problem}")


@dataclass(frozen=True)
class Procedure:
    name: str
    rrl: str
    dose: str
    aliases: Tuple[str, ...] = ()   # names clinicians use for it ("PET", "breast MRI", "mammo")


@dataclass(frozen=True)
class Source:
    key: str
    citation: str
    short: str


@dataclass(frozen=True)
class Rating:
    procedure: str
    category: str
    source: str
    rating: Optional[int] = None
    median: Optional[int] = None


@dataclass(frozen=True)
class Variant:
    id: str
    number: int
    title: str
    when: Mapping[str, Tuple[Any, ...]]
    ratings: Tuple[Rating, ...]
    order_text: str
    order_source: Optional[str] = None

    def category_of(self, procedure: str) -> Optional[str]:
        """The category this variant gives a procedure, or None if it does not rate it."""
        return next((r.category for r in self.ratings if r.procedure == procedure), None)

    @property
    def has_usually_appropriate(self) -> bool:
        return any(r.category == CATEGORIES["UA"] for r in self.ratings)


@dataclass(frozen=True)
class ScopeRule:
    id: str
    when: Mapping[str, Tuple[Any, ...]]
    reason: str
    refer_to: Optional[str]


@dataclass(frozen=True)
class Knowledge:
    topic: str
    topic_source: str
    variants: Mapping[str, Variant]
    procedures: Mapping[str, Procedure]
    sources: Mapping[str, Source]
    scope_rules: Tuple[ScopeRule, ...]


def _read(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        raise KnowledgeError(path, "file", f"cannot be read as YAML ({e})") from e


def _require(path: Path, entry: str, data: Any, key: str, kind: type) -> Any:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise KnowledgeError(path, entry, f"`{key}` must be a non-empty {kind.__name__}")
    return value


def _load_map(path: Path, make: Callable[..., Any], fields: Tuple[str, ...], what: str) -> Dict[str, Any]:
    """A file mapping names to records of string fields, e.g. procedure -> {rrl, dose}."""
    data = _read(path)
    if not isinstance(data, dict) or not data:
        raise KnowledgeError(path, "file", f"must map {what} to {{{', '.join(fields)}}}")
    return {key: make(key, *(_require(path, key, value, f, str) for f in fields)) for key, value in data.items()}


def load_sources(path: Path) -> Dict[str, Source]:
    return _load_map(path, Source, ("citation", "short"), "source keys")


def load_procedures(path: Path) -> Dict[str, Procedure]:
    """Procedure name -> its radiation level, dose and aliases; an alias may name one procedure only."""
    procedures = _load_map(path, Procedure, ("rrl", "dose"), "procedure names")
    data = _read(path)
    owner: Dict[Tuple[str, ...], str] = {}
    for name in procedures:
        aliases = data[name].get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise KnowledgeError(path, name, "`aliases` must be a list of non-empty strings")
        for alias in [name] + aliases:
            key = alias_key(alias)
            if owner.get(key, name) != name:
                raise KnowledgeError(path, f"{name} / {alias}", f"alias already names `{owner[key]}`")
            owner[key] = name
        procedures[name] = Procedure(name, procedures[name].rrl, procedures[name].dose, tuple(aliases))
    return procedures


_ALIAS_WORD = re.compile(r"[A-Za-z0-9]+")
# One-word aliases that are also English words match only as written ("US", not "us" the pronoun).
_CASED_ALIASES = frozenset({"US", "MR"})


def alias_key(alias: str) -> Tuple[str, ...]:
    """An alias as the words it is matched on: lowercased, except the one-word aliases that are also English
    words ("US", "MR"), which keep their case."""
    words = _ALIAS_WORD.findall(alias)
    if len(words) == 1 and words[0] in _CASED_ALIASES:
        return tuple(words)
    return tuple(w.lower() for w in words)


def find_procedures(text: str, kb: Optional["Knowledge"] = None) -> List[str]:
    """The knowledge base's procedures a message names, in the order it names them (longest alias wins:
    "breast MRI without contrast" is the non-contrast MRI, not also the contrast one)."""
    kb = kb or knowledge()
    table: Dict[Tuple[str, ...], str] = {}
    for p in kb.procedures.values():
        for alias in (p.name,) + p.aliases:
            table[alias_key(alias)] = p.name
    raw = _ALIAS_WORD.findall(text or "")
    lower = [w.lower() for w in raw]
    longest = max(len(k) for k in table)
    found, i = [], 0
    while i < len(raw):
        for n in range(min(longest, len(raw) - i), 0, -1):
            hit = table.get(tuple(lower[i:i + n])) or table.get(tuple(raw[i:i + n]))
            if hit:
                if hit not in found:
                    found.append(hit)
                i += n
                break
        else:
            i += 1
    return found


def parse_when(path: Path, entry: str, when: Any) -> Dict[str, Tuple[Any, ...]]:
    """Conditions: each a known feature and one or more of its allowed values."""
    if not isinstance(when, dict) or not when:
        raise KnowledgeError(path, entry, "`when` must map features to values")
    parsed = {}
    for feature, value in when.items():
        if feature not in FEATURES:
            raise KnowledgeError(path, entry, f"unknown feature `{feature}` (known: {', '.join(FEATURES)})")
        values = tuple(value) if isinstance(value, list) else (value,)
        bad = [v for v in values if v not in FEATURES[feature]]
        if bad:
            raise KnowledgeError(path, entry, f"`{feature}` cannot be {bad[0]!r} (allowed: {FEATURES[feature]})")
        parsed[feature] = values
    return parsed


def _ratings(path: Path, entry: str, rows: Any, groups: Mapping[str, List[str]],
             procedures: Mapping[str, Procedure], sources: Mapping[str, Source]) -> Tuple[Rating, ...]:
    if not isinstance(rows, list) or not rows:
        raise KnowledgeError(path, entry, "`ratings` must be a non-empty list")
    ratings = []
    for row in rows:
        name = _require(path, entry, row, "procedure", str)
        names = groups.get(name, [name])
        category = CATEGORIES.get(row.get("category"))
        if category is None:
            raise KnowledgeError(path, f"{entry} / {name}", f"category must be one of {', '.join(CATEGORIES)}")
        source = row.get("source")
        if not source:
            log.warning("%s: %s / %s has no source: not shown", path.name, entry, name)
            continue
        if source not in sources:
            raise KnowledgeError(path, f"{entry} / {name}", f"unknown source `{source}`")
        for rating_key in ("rating", "median"):
            value = row.get(rating_key)
            if value is not None and not (isinstance(value, int) and 1 <= value <= 9):
                raise KnowledgeError(path, f"{entry} / {name}", f"`{rating_key}` must be a whole number 1-9")
        for procedure in names:
            if procedure not in procedures:
                raise KnowledgeError(path, f"{entry} / {procedure}", "unknown procedure (see procedures.yml)")
            ratings.append(Rating(procedure, category, source, row.get("rating"), row.get("median")))
    seen = [r.procedure for r in ratings]
    duplicate = next((p for p in seen if seen.count(p) > 1), None)
    if duplicate:
        raise KnowledgeError(path, f"{entry} / {duplicate}", "rated twice")
    return tuple(ratings)


def load_variants(path: Path, procedures: Mapping[str, Procedure],
                  sources: Mapping[str, Source]) -> Tuple[str, str, Dict[str, Variant]]:
    data = _read(path)
    topic = _require(path, "topic", data, "topic", str)
    topic_source = _require(path, "source", data, "source", str)
    groups = data.get("groups") or {}
    variants: Dict[str, Variant] = {}
    for row in _require(path, "variants", data, "variants", list):
        number = _require(path, "variant", row, "number", int)
        entry = f"variant {number}"
        vid = f"axilla-{number}"
        if vid in variants:
            raise KnowledgeError(path, entry, "defined twice")
        order_source = row.get("order_source")
        if order_source is not None and order_source not in sources:
            raise KnowledgeError(path, entry, f"unknown order_source `{order_source}`")
        variants[vid] = Variant(
            id=vid, number=number, title=_require(path, entry, row, "title", str),
            when=parse_when(path, entry, row.get("when")),
            ratings=_ratings(path, entry, row.get("ratings"), groups, procedures, sources),
            order_text=_require(path, entry, row, "order_text", str), order_source=order_source,
        )
    return topic, topic_source, variants


def load_scope(path: Path) -> Tuple[ScopeRule, ...]:
    data = _read(path)
    rules = []
    for row in _require(path, "rules", data, "rules", list):
        rid = _require(path, "rule", row, "id", str)
        rules.append(ScopeRule(rid, parse_when(path, rid, row.get("when")),
                               _require(path, rid, row, "reason", str), row.get("refer_to")))
    return tuple(rules)


def load(folder: Path = KNOWLEDGE) -> Knowledge:
    """Read and validate every knowledge file of `folder`."""
    sources = load_sources(folder / "sources.yml")
    procedures = load_procedures(folder / "procedures.yml")
    topic, topic_source, variants = load_variants(folder / "axilla.yml", procedures, sources)
    if topic_source not in sources:
        raise KnowledgeError(folder / "axilla.yml", "source", f"unknown source `{topic_source}`")
    return Knowledge(topic, topic_source, variants, procedures, sources, load_scope(folder / "scope.yml"))


@functools.lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The knowledge base of this process, loaded once."""
    return load()
