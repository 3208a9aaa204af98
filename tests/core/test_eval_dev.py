"""The shared scorer on the dev set (the issue's bar) and on our own held-out cases: no unsafe answer."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
HOLDOUT = ROOT / "tests" / "data" / "holdout_cases.jsonl"
SUMMARY = re.compile(r"cases (\d+): status ([\d.]+) variant ([\d.]+) unsafe (\d+)")


def score(folder: Path, *bounds: str) -> subprocess.CompletedProcess:
    """`score.py cases FOLDER` from the project root, with this interpreter running the core."""
    if not (EVAL / "score.py").exists():
        pytest.skip(f"{EVAL} is not available")
    return subprocess.run([sys.executable, str(EVAL / "score.py"), "cases", str(folder), "--python", sys.executable,
                           *bounds], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_dev_set_meets_the_bar() -> None:
    proc = score(EVAL / "dev", "--require-status", "0.97", "--require-variant", "0.97", "--max-unsafe", "0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert SUMMARY.search(proc.stdout)


@pytest.mark.skipif(not HOLDOUT.exists(), reason="tests/data/holdout_cases.jsonl is not written yet")
def test_holdout_has_no_unsafe_answer(tmp_path: Path) -> None:
    shutil.copy(HOLDOUT, tmp_path / "cases.jsonl")
    proc = score(tmp_path, "--max-unsafe", "0")
    summary = SUMMARY.search(proc.stdout)
    assert summary, proc.stdout + proc.stderr
    print(f"holdout: {summary.group(0)}")               # shown with -s / in the report
    assert proc.returncode == 0 and summary.group(4) == "0", proc.stdout
