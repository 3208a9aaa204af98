"""`python -m bot match TEXT [--explain] | --jsonl FILE|-` and `python -m bot build-nlp DIR`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Iterator, List, Optional

from bot import analyze


class InputError(Exception):
    """Input that cannot be used at all: exit status 2 with a one-line message."""


def _cases(stream: IO[bytes], name: str) -> Iterator[dict]:
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(f"{name}:{number}: not UTF-8 text") from e
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{number}: not JSON ({e.msg})") from e
        if not isinstance(case, dict) or not isinstance(case.get("text"), str):
            raise InputError(f"{name}:{number}: needs an object with a string \"text\"")
        yield case


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from e


def match_command(args: argparse.Namespace) -> None:
    if args.jsonl is None:
        if args.text is None:
            raise InputError("give a case text, or --jsonl FILE (- for standard input)")
        if args.explain:
            from bot.explain import explain
            print(explain(args.text))
        else:
            print(json.dumps(analyze(args.text).to_dict(), ensure_ascii=False))
        return
    if args.explain:
        raise InputError("--explain reads one case text, not --jsonl")
    # Validate everything first so that bad input prints no partial results.
    cases = list(_cases(_open(args.jsonl), "<stdin>" if args.jsonl == "-" else args.jsonl))
    for case in cases:
        result = analyze(case["text"]).to_dict()
        print(json.dumps({"id": case.get("id"), **result}, ensure_ascii=False))


def build_nlp_command(args: argparse.Namespace) -> None:
    from bot.nlp.pipeline import save_tokenizer
    print(f"saved the spaCy tokenizer for Rasa to {save_tokenizer(Path(args.path))}", file=sys.stderr)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    match = commands.add_parser("match", help="match a case text to an ACR variant (JSON out)")
    match.add_argument("text", nargs="?", help="the case, in free text")
    match.add_argument("--jsonl", metavar="FILE", help='one {"id", "text"} object per line; - for stdin')
    match.add_argument("--explain", action="store_true",
                       help="print each fact beside the words it was read from, and the context of every phrase")
    match.set_defaults(run=match_command)
    build = commands.add_parser("build-nlp", help="save the spaCy tokenizer Rasa's SpacyNLP loads")
    build.add_argument("path")
    build.set_defaults(run=build_nlp_command)
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0
