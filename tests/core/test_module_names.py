"""No module of the core or the actions binds one top-level name twice: a second `_SEEN = ...` further down silently
replaces the first for every function that reads it (session 27 found one; ruff's F811 checks only functions and
imports)."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(p for package in ("bot", "actions") for p in (ROOT / package).rglob("*.py"))


def _bound_twice(path: Path) -> list:
    seen, twice = set(), []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names = [node.name]
        else:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
                node, ast.AnnAssign) else []
            names = [t.id for t in targets if isinstance(t, ast.Name)]
        for name in names:
            if name in seen:
                twice.append(name)
            seen.add(name)
    return twice


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_bound_twice(path: Path) -> None:
    assert _bound_twice(path) == []


def test_the_check_finds_a_name_bound_twice(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("_SEEN = {1}\n\ndef f():\n    return _SEEN\n\n_SEEN = {2}\n")
    assert _bound_twice(module) == ["_SEEN"]
