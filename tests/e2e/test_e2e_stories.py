"""Runs the end-to-end test stories against the trained model: the NLU classifies every user text (the stories
carry no intent labels) and the dialogue policy predicts the actions (`rasa test core --e2e`)."""
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA = ROOT / ".venv" / "bin" / "rasa"
STORIES = Path(__file__).parent / "stories.yml"


def test_every_e2e_story_is_predicted_exactly(tmp_path: Path) -> None:
    assert list((ROOT / "models").glob("*.tar.gz")), "no trained model in models/: run `make train` first"
    proc = subprocess.run(
        [str(RASA), "test", "core", "--e2e", "--model", str(ROOT / "models"), "--stories", str(STORIES),
         "--fail-on-prediction-errors", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    failed = tmp_path / "failed_test_stories.yml"
    detail = failed.read_text() if failed.exists() else proc.stderr[-3000:]
    assert proc.returncode == 0, detail


def test_the_stories_are_end_to_end_user_text_only() -> None:
    import yaml
    stories = yaml.safe_load(STORIES.read_text())["stories"]
    steps = [step for story in stories for step in story["steps"]]
    assert [s for s in steps if "user" in s] and not [s for s in steps if "intent" in s]
    names = " ".join(story["story"] for story in stories)
    assert all(f"fault {n}" in names for n in range(1, 6))
