"""No evaluation sentence in the training data or the tests: every NLU example, e2e story text and test string
differs from every text of ../shared/eval/dev (difflib ratio < 0.85 on lowercased text). Fails, not skips, when
../shared is missing."""
import ast
import difflib
import json
from pathlib import Path
from typing import Iterator, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev"
LIMIT = 0.85
MIN_CHARS = 12   # shorter strings ("T1", "3.5 cm", "new patient") are answers anyone would type


def eval_texts() -> List[str]:
    assert DEV.is_dir(), f"{DEV} is missing: the check cannot run"
    texts = []
    for name in ("faq.jsonl", "conversations.jsonl", "cases.jsonl"):
        path = DEV / name
        assert path.exists(), f"{path} is missing"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            texts += [row.get("message"), row.get("context"), row.get("text")]
            texts += [turn.get("user") for turn in row.get("turns", [])]
    found = [t.lower() for t in texts if isinstance(t, str) and len(t) >= MIN_CHARS]
    assert len(found) > 100, "the dev evaluation set looks empty"
    return found


def nlu_examples() -> Iterator[Tuple[str, str]]:
    for path in sorted((ROOT / "data").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu", []) or []:
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    yield str(path.relative_to(ROOT)), line[2:]


def story_texts() -> Iterator[Tuple[str, str]]:
    for path in sorted((ROOT / "tests").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for story in (data.get("stories") or []) if isinstance(data, dict) else []:
            for step in story.get("steps", []):
                if isinstance(step, dict) and isinstance(step.get("user"), str):
                    yield str(path.relative_to(ROOT)), step["user"].strip()


def strings_in_tests() -> Iterator[Tuple[str, str]]:
    """Every one-line string constant of every test module (and test data written as Python)."""
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path == Path(__file__).resolve():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" not in node.value:
                yield str(path.relative_to(ROOT)), node.value


def too_close(texts: Iterator[Tuple[str, str]]) -> List[str]:
    dev = eval_texts()
    hits = []
    for where, text in texts:
        low = text.lower()
        if len(low) < MIN_CHARS:
            continue
        matcher = difflib.SequenceMatcher(None, "", low, autojunk=False)
        for other in dev:
            matcher.set_seq1(other)
            if matcher.real_quick_ratio() >= LIMIT and matcher.quick_ratio() >= LIMIT and matcher.ratio() >= LIMIT:
                hits.append(f"{where}: {text!r} ~ {other!r}")
                break
    return hits


def test_no_training_example_is_an_evaluation_sentence() -> None:
    assert not (hits := too_close(nlu_examples())), "\n".join(hits)


def test_no_e2e_story_is_an_evaluation_sentence() -> None:
    assert not (hits := too_close(story_texts())), "\n".join(hits)


def test_no_test_string_is_an_evaluation_sentence() -> None:
    assert not (hits := too_close(strings_in_tests())), "\n".join(hits)


def test_the_check_catches_a_copied_sentence() -> None:
    dev = eval_texts()
    copied = [("copied", dev[0].upper()), ("edited", dev[1][:-1] + "!")]
    assert len(too_close(iter(copied))) == 2
