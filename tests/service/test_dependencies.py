"""The dependency lists agree: pyproject.toml's runtime = requirements/base.in, and the locks pin what they name."""
import re
import sys
from pathlib import Path
from typing import Dict, List

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT / "requirements"


def requirements(path: Path) -> List[Requirement]:
    """The requirement lines of a pip requirements file (options such as `-c` and comments left out)."""
    lines = (line.split(" #")[0].strip() for line in path.read_text().splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith(("#", "-"))]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> Dict[str, str]:
    found = {}
    for req in requirements(path):
        (spec,) = req.specifier
        assert spec.operator == "==", f"{path.name}: {req} is not pinned"
        found[canonical(req.name)] = spec.version
    return found


def pyproject_dependencies() -> List[Requirement]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return [Requirement(r) for r in data["project"]["dependencies"]]


def test_pyproject_states_the_runtime_of_base_in() -> None:
    assert sorted(map(str, pyproject_dependencies())) == sorted(map(str, requirements(REQUIREMENTS / "base.in")))


@pytest.mark.parametrize("source, lock", [("base.in", "lock.txt"), ("dev.in", "dev-lock.txt")])
def test_each_lock_pins_what_its_source_asks_for(source: str, lock: str) -> None:
    locked = pins(REQUIREMENTS / lock)
    for req in requirements(REQUIREMENTS / source):
        assert canonical(req.name) in locked, f"{lock} does not pin {req.name} ({source})"
        assert req.specifier.contains(locked[canonical(req.name)], prereleases=True), f"{lock}: {req}"


def test_the_dev_lock_moves_no_runtime_package() -> None:
    runtime, dev = pins(REQUIREMENTS / "lock.txt"), pins(REQUIREMENTS / "dev-lock.txt")
    moved = {name: (runtime[name], dev[name]) for name in runtime.keys() & dev.keys() if runtime[name] != dev[name]}
    assert moved == {}


def test_test_tools_stay_out_of_the_runtime_lock() -> None:
    runtime = pins(REQUIREMENTS / "lock.txt")
    assert not {"pytest", "hypothesis", "locust", "py-spy", "ruff", "mypy", "pip-tools", "gevent"} & runtime.keys()


def test_rasa_is_the_version_the_shim_is_pinned_to() -> None:
    from service import rasa_shim

    assert pins(REQUIREMENTS / "lock.txt")["rasa"] == rasa_shim.RASA_VERSION
