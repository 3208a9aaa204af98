"""Runs the end-to-end test stories against the trained model: the stories carry the user's text only, the
trained NLU classifies every text, and the dialogue policy must predict the stories' actions from what the NLU
said (`rasa test core --e2e`).

Rasa 3.6's `--e2e` compares each prediction with an intent label written in the story and then feeds that
label (not the prediction) to the policy. So the labels are not written by hand: `label_stories` classifies
each text with the trained model first and writes its prediction as the label; `rasa test core --e2e` then
parses the texts again (same model, same result) and checks every action the policy predicts. A text the NLU
routes wrongly thus fails the story at the action it leads to, which is what the assistant's users would see.
"""
import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
RASA = ROOT / ".venv" / "bin" / "rasa"
PYTHON = ROOT / ".venv" / "bin" / "python"
STORIES = Path(__file__).parent / "stories.yml"

_LABEL = r'''
import asyncio, json, sys
from rasa.core.agent import Agent

async def main(model, texts):
    agent = Agent.load(model)
    return [(await agent.parse_message(t))["intent"]["name"] for t in texts]

texts = json.load(open(sys.argv[2]))
print(json.dumps(asyncio.run(main(sys.argv[1], texts))))
'''


def user_texts(stories: dict) -> list:
    return [step["user"].strip() for story in stories["stories"] for step in story["steps"] if "user" in step]


def label_stories(tmp_path: Path) -> Path:
    """The stories with each user step labelled with the intent the trained model gives its text."""
    import json
    stories = yaml.safe_load(STORIES.read_text())
    texts = user_texts(stories)
    (tmp_path / "texts.json").write_text(json.dumps(texts))
    model = sorted((ROOT / "models").glob("*.tar.gz"))[-1]
    proc = subprocess.run([str(PYTHON), "-c", _LABEL, str(model), str(tmp_path / "texts.json")], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    intents = iter(json.loads(proc.stdout.strip().splitlines()[-1]))
    for story in stories["stories"]:
        for step in story["steps"]:
            if "user" in step:
                step["user"] = step["user"].strip()
                step["intent"] = next(intents)
    labelled = tmp_path / "test_stories.yml"   # Rasa reads test stories only from files named test_*
    labelled.write_text(yaml.safe_dump(stories, sort_keys=False, allow_unicode=True))
    return labelled


def test_every_e2e_story_is_predicted_exactly(tmp_path: Path) -> None:
    assert list((ROOT / "models").glob("*.tar.gz")), "no trained model in models/: run `make train` first"
    labelled = label_stories(tmp_path)
    proc = subprocess.run(
        [str(RASA), "test", "core", "--e2e", "--model", str(ROOT / "models"), "--stories", str(labelled),
         "--out", str(tmp_path / "results")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-3000:]
    # Every story was evaluated (a file Rasa does not take for test stories evaluates none and passes) ...
    count = len(yaml.safe_load(STORIES.read_text())["stories"])
    assert re.search(rf"Evaluating {count} stories", log), log[-3000:]
    # ... and none failed: the failed ones are written out with the wrong predictions marked.
    failed = (tmp_path / "results" / "failed_test_stories.yml").read_text()
    assert "None of the test stories failed" in failed, failed


def test_the_stories_are_end_to_end_user_text_only() -> None:
    stories = yaml.safe_load(STORIES.read_text())["stories"]
    steps = [step for story in stories for step in story["steps"]]
    assert [s for s in steps if "user" in s] and not [s for s in steps if "intent" in s]
    names = " ".join(story["story"] for story in stories)
    assert all(f"fault {n}" in names for n in range(1, 6))
