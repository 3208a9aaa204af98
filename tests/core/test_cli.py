"""`python -m bot match` as contract §1 specifies it, run as a real subprocess."""
import json
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_CASE = "58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet"
LONG = "58F new 3 cm IDC left breast, palpable left axillary node. " * 1800        # about 100 KB
ODD_TEXTS = {
    "empty": "",
    "blank": "   \n\t  ",
    "binary": "\x00\x01\x02\ufffd\x7f\x1b[31m\udcff PK\x03\x04 \u202e",
    "long": LONG,
}


def bot_match(args: List[str], stdin: Optional[bytes] = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "match", *args], input=stdin, cwd=ROOT,
                          capture_output=True, timeout=120)


def results(proc: subprocess.CompletedProcess) -> List[dict]:
    """Every stdout line is one JSON object (nothing else is printed there)."""
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def check_error(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2
    assert proc.stdout == b""
    error = proc.stderr.decode("utf-8", "replace").strip()
    assert error and "\n" not in error, error
    assert "Traceback" not in error
    for word in words:
        assert word in error, error


def test_one_case() -> None:
    [result] = results(bot_match([SEED_CASE]))
    assert result["status"] == "matched"
    assert result["variant"]["id"] == "axilla-6"
    assert result["facts"]["tumor_size_cm"] == 3.0
    assert result["recommendations"][0]["procedure"] == "US axilla"


def test_an_empty_argument_is_a_case() -> None:
    [result] = results(bot_match([""]))
    assert result["status"] == "out_of_scope" and result["reasons"]


@pytest.fixture(scope="module")
def jsonl_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cases.jsonl"
    lines = [{"id": "seed", "text": SEED_CASE}, {"id": 7, "text": "new IDC, cN0"}]
    lines += [{"id": name, "text": text} for name, text in ODD_TEXTS.items()]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def from_file(jsonl_file: Path) -> List[dict]:
    return results(bot_match(["--jsonl", str(jsonl_file)]))


def test_jsonl_file_carries_ids(from_file: List[dict]) -> None:
    assert [r["id"] for r in from_file] == ["seed", 7, *ODD_TEXTS]
    assert from_file[0]["variant"]["id"] == "axilla-6"
    assert (from_file[1]["status"], from_file[1]["missing"]) == ("needs_info", ["tumor_size_cm"])


@pytest.mark.parametrize("name", ODD_TEXTS)
def test_odd_texts_get_a_result(from_file: List[dict], name: str) -> None:
    result = next(r for r in from_file if r["id"] == name)
    assert result["status"] in ("matched", "needs_info", "out_of_scope")
    if name != "long":
        assert result["status"] == "out_of_scope" and result["reasons"]


def test_a_long_text_is_cut_and_says_so(from_file: List[dict]) -> None:
    result = next(r for r in from_file if r["id"] == "long")
    assert any("longer than" in a for a in result["assumptions"])


def test_jsonl_stdin(jsonl_file: Path, from_file: List[dict]) -> None:
    assert results(bot_match(["--jsonl", "-"], stdin=jsonl_file.read_bytes())) == from_file


def test_unreadable_file(tmp_path: Path) -> None:
    check_error(bot_match(["--jsonl", str(tmp_path / "absent.jsonl")]), "absent.jsonl")
    check_error(bot_match(["--jsonl", str(tmp_path)]), str(tmp_path))


def test_a_line_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps({"id": 1, "text": SEED_CASE}) + "\n{not json\n", encoding="utf-8")
    check_error(bot_match(["--jsonl", str(path)]), "cases.jsonl:2", "JSON")


@pytest.mark.parametrize("line", ['{"id": 1}', '{"id": 1, "text": 5}', '["text"]', '"text"'])
def test_a_line_without_text(line: str) -> None:
    check_error(bot_match(["--jsonl", "-"], stdin=f'{{"id": 0, "text": "x"}}\n{line}\n'.encode()), ":2", "text")


def test_non_utf8_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b'{"id": 1, "text": "fine"}\n{"id": 2, "text": "caf\xe9 \xff"}\n')
    check_error(bot_match(["--jsonl", str(path)]), "cases.jsonl:2")


def test_non_utf8_bytes_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b'{"id": 1, "text": "fine"}\n{"id": 2, "text": "caf\xe9 \xff"}\n')
    check_error(bot_match(["--jsonl", str(path)]), "UTF-8")


def test_no_text_and_no_file() -> None:
    check_error(bot_match([]))


def test_explain_shows_each_fact_beside_its_words_and_the_context_that_changed_a_phrase() -> None:
    text = "61F, new 2.4 cm IDC R breast, no palpable R axillary nodes, untreated"
    proc = bot_match(["--explain", text])
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert out.startswith("status: matched  variant: axilla-5")
    assert 'tumor_size_cm = 2.4' in out and '<- "2.4 cm" [9:15]' in out
    assert 'negated by "no"' in out
    assert "Traceback" not in proc.stderr.decode()


def test_explain_names_the_words_it_could_not_place() -> None:
    proc = bot_match(["--explain", "new L IDC &ge; 2 cm, cN0, untreated"])
    out = proc.stdout.decode()
    assert out.startswith("status: needs_info  missing: tumor_size_cm")
    assert 'could not place "&ge; 2 cm"' in out


def test_explain_reads_one_text_only() -> None:
    check_error(bot_match(["--explain", "--jsonl", "-"], stdin=b'{"text": "x"}\n'), "--explain")
