"""Runs the end-to-end test stories against the trained model (NLU routing + dialogue policy)."""
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA = ROOT / ".venv" / "bin" / "rasa"
STORIES = Path(__file__).parent / "stories.yml"


def test_every_e2e_story_is_predicted_exactly(tmp_path: Path) -> None:
    assert list((ROOT / "models").glob("*.tar.gz")), "no trained model in models/: run `make train` first"
    proc = subprocess.run(
        [str(RASA), "test", "core", "--model", str(ROOT / "models"), "--stories", str(STORIES),
         "--fail-on-prediction-errors", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    failed = tmp_path / "failed_test_stories.yml"
    detail = failed.read_text() if failed.exists() else proc.stderr[-3000:]
    assert proc.returncode == 0, detail
