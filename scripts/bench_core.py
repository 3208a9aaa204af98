"""Benchmark of the deterministic core (a benchmark, not a test: it prints figures, it asserts nothing).

Measured side by side in one run, each figure the median of repeated runs:
- throughput and per-case latency of `bot.analyze` on one core, against the floor of spaCy's tokenizer alone;
- cold start of `python -m bot match TEXT`, against a bare interpreter and against importing spaCy the
  ordinary way (which pulls in TensorFlow).

    .venv/bin/python scripts/bench_core.py [--repeat 5] [--markdown FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Callable, List, Sequence

ROOT = Path(__file__).resolve().parent.parent
CASE_FILES = [ROOT.parent / "shared" / "eval" / "dev" / "cases.jsonl", ROOT / "tests" / "data" / "holdout_cases.jsonl"]
SAMPLE = "58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet"


def texts() -> List[str]:
    found = [json.loads(line)["text"] for f in CASE_FILES if f.exists() for line in open(f) if line.strip()]
    return found or [SAMPLE]


def per_case(fn: Callable[[str], object], cases: Sequence[str], repeat: int) -> List[float]:
    """Seconds per call, one sample per case per round."""
    samples = []
    for _ in range(repeat):
        for text in cases:
            start = time.perf_counter()
            fn(text)
            samples.append(time.perf_counter() - start)
    return samples


def throughput(fn: Callable[[str], object], cases: Sequence[str], repeat: int) -> float:
    """Median over rounds of cases per second."""
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in cases:
            fn(text)
        rates.append(len(cases) / (time.perf_counter() - start))
    return statistics.median(rates)


def cold_start(argv: Sequence[str], repeat: int) -> float:
    """Median wall time of a fresh process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pct(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    import bot
    from bot.nlp.pipeline import load

    cases = texts()
    tokenizer = load().tokenizer
    bot.analyze(SAMPLE)  # warm
    ours = per_case(bot.analyze, cases, args.repeat)
    rows = [
        ("core: cases/s (one core)", f"{throughput(bot.analyze, cases, args.repeat):,.0f}",
         f"{throughput(tokenizer, cases, args.repeat):,.0f}", "spaCy tokenizer alone (floor)"),
        ("core: p50 per case", f"{pct(ours, 0.50) * 1e3:.2f} ms", "", ""),
        ("core: p99 per case", f"{pct(ours, 0.99) * 1e3:.2f} ms", "", ""),
    ]
    py = sys.executable
    ours_cold = cold_start([py, "-m", "bot", "match", SAMPLE], args.repeat)
    bare = cold_start([py, "-c", "pass"], args.repeat)
    naive = cold_start([py, "-c", "import spacy"], args.repeat)
    rows += [
        ("CLI cold start (`python -m bot match`)", f"{ours_cold:.2f} s", f"{naive:.2f} s",
         f"plain `import spacy` (loads TensorFlow); ratio {ours_cold / naive:.2f}"),
        ("bare interpreter start", f"{bare:.2f} s", "", ""),
    ]
    header = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
              f"{date.today()}; {len(cases)} cases x {args.repeat} rounds; medians.", "",
              "| figure | ours | baseline | baseline is |", "|---|---|---|---|"]
    table = "\n".join(header + [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows])
    print(table)
    if args.markdown:
        args.markdown.write_text("# Core benchmark\n\n" + table + "\n")


if __name__ == "__main__":
    main()
