"""`make bench`: the assistant against a stock Rasa 3.6 assistant (`rasa init`), side by side in one run.

A benchmark, not a test: it prints figures and writes them to docs/benchmarks.md; it asserts nothing.
Each figure is the median over --repeat runs (a fresh pair of servers per run, ours and stock alternating):
end-to-end latency over the REST channel at 1, 10 and 50 concurrent conversations and the throughput at
saturation, cold start until the REST channel answers, peak RSS of both servers; training from scratch and a
cached re-train in temporary copies (models/ is never touched); the core's own figures (scripts/bench_core.py);
a long hypothesis run of the core's safety properties. Where our p95 is over 1.5x stock's, both of our
servers are sampled with py-spy and the table says where their CPU time goes.

    .venv/bin/python -m scripts.bench [--repeat 3] [--train-repeat 1] [--fuzz-examples 3000] [--out FILE]
"""
from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Dict, List, Sequence, Tuple

from scripts.bench.client import run_level
from scripts.bench.servers import RASA, ROOT, STOCK_ACTION_SERVER, Servers
from scripts.bench_core import pct

PY = str(ROOT / ".venv" / "bin" / "python")
# Rasa's per-component training log (tqdm's progress bar may precede it on the same line).
TRAIN_LOG_LINE = re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) INFO\s+rasa\.engine\.training\.hooks\s+- "
                            r"(Starting to train|Finished training) component '(\w+)'")
OWN_CODE = ("rasa", "rasa_sdk", "bot", "actions", "service", "channels")  # whose innermost frame says who called
PROFILED_PACKAGES = ("bot", "spacy", "tensorflow", "rasa", "rasa_sdk", "sqlalchemy", "sanic")
# Concurrent conversations -> conversations per run at that level: at least 60 turns, 120 at one conversation
# (a tail percentile of 30 turns is the second-slowest turn, noise more than a figure), in a few seconds.
CONVERSATIONS = {1: 40, 10: 20, 50: 50}
CONCURRENCY = tuple(CONVERSATIONS)
# The same conversation shape for both: three turns, each answered (ours: a question, a recommendation, a FAQ).
OUR_TURNS = ["45F, new IDC left breast, no palpable nodes, no treatment yet", "3 cm", "why not MRI?"]
STOCK_TURNS = ["hello", "I am feeling very sad", "yes"]
TARGET_P95_RATIO = 1.2  # issue 12
Row = Tuple[str, float, float, str, str]  # figure, ours, stock, unit, target


def new_dir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def stock_project(folder: Path) -> Path:
    """`rasa init --no-prompt` (which also trains it) in `folder`."""
    subprocess.run([RASA, "init", "--no-prompt", "--quiet"], cwd=folder, check=True, capture_output=True)
    return folder


def trainable_copy(src: Path, dst: Path, extra: Sequence[str]) -> Path:
    """What `rasa train` reads (config, domain, data and `extra`), copied without models/ or the cache."""
    for name in ("config.yml", "domain.yml", "data", *extra):  # ours: the saved spaCy pipeline config.yml names
        (dst / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if (src / name).is_dir() else shutil.copy)(src / name, dst / name)
    return dst


def train_times(project: Path, repeat: int) -> Tuple[List[float], List[float], str]:
    """Seconds of `rasa train` from scratch (empty cache) and re-trained from the cache (model deleted), and the
    slowest components of the last training from scratch."""
    scratch: List[float] = []
    cached: List[float] = []
    slowest = ""
    for _ in range(repeat):
        for run in (scratch, cached):
            if run is scratch:
                shutil.rmtree(project / ".rasa", ignore_errors=True)
            shutil.rmtree(project / "models", ignore_errors=True)
            start = time.perf_counter()
            done = subprocess.run([RASA, "train", "--fixed-model-name", "bench"], cwd=project, check=True,
                                  capture_output=True, text=True)
            run.append(time.perf_counter() - start)
            if run is scratch:
                slowest = train_log_summary(done.stdout + done.stderr)
    return scratch, cached, slowest


class Profiler:
    """py-spy sampling the given processes (raw collapsed stacks) while a block runs."""

    def __init__(self, pids: Dict[str, int], folder: Path) -> None:
        self.files = {name: folder / f"{name}.pyspy" for name in pids}
        record = [str(ROOT / ".venv" / "bin" / "py-spy"), "record", "--format", "raw", "--rate", "200",
                  "--nonblocking", "--full-filenames"]
        self.procs = [subprocess.Popen([*record, "--pid", str(pid), "--output", str(self.files[name])],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                      for name, pid in pids.items()]
        time.sleep(1)  # py-spy attaches

    def stop(self) -> Dict[str, str]:
        for proc in self.procs:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
        return {name: summarize(path) for name, path in self.files.items() if path.exists()}


def package_of(frame: str) -> str:
    """`func (path/to/pkg/mod.py:12)` -> pkg (the project's own top-level packages by name)."""
    path = frame.rsplit("(", 1)[-1]
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].split(".py")[0]
    if str(ROOT) in path:
        return path.split(str(ROOT) + "/", 1)[1].split("/", 1)[0]
    return "python stdlib"


def summarize(raw: Path) -> str:
    """Where the samples' leaf frames are, by package, and the share of samples inside some packages."""
    by_package: Counter = Counter()
    inside: Counter = Counter()
    handing_off: Counter = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        frames, n = stack.split(";"), int(count)
        total += n
        by_package[package_of(frames[-1])] += n
        inside.update({pkg: n for pkg in {package_of(frame) for frame in frames}})
        ours = [frame for frame in frames if package_of(frame) in OWN_CODE]
        if ours:
            handing_off[ours[-1].split(" (")[0] + f" ({package_of(ours[-1])})"] += n
    if not total:
        return "no samples"
    leaves = ", ".join(f"{pkg} {n / total:.0%}" for pkg, n in by_package.most_common(6))
    within = ", ".join(f"{pkg} {inside[pkg] / total:.0%}" for pkg in PROFILED_PACKAGES)
    calls = ", ".join(f"{function} {n / total:.0%}" for function, n in handing_off.most_common(5))
    return (f"{total} samples (busy threads only); leaf frame in: {leaves}; stack inside: {within}; "
            f"innermost Rasa/project function: {calls}")


def train_log_summary(log: str) -> str:
    """The components that took longest in a `rasa train` log (its per-component start/finish lines)."""
    started: Dict[str, datetime] = {}
    took: Dict[str, float] = {}
    for match in TRAIN_LOG_LINE.finditer(log):
        when, what, component = datetime.fromisoformat(match[1]), match[2], match[3]
        if what == "Starting to train":
            started[component] = when
        elif component in started:
            took[component] = took.get(component, 0.0) + (when - started.pop(component)).total_seconds()
    slowest = sorted(took.items(), key=lambda item: item[1], reverse=True)[:3]
    return ", ".join(f"{name} {seconds:.0f} s" for name, seconds in slowest) or "no component log"


def serve_and_measure(servers: Servers, turns: Sequence[str], profile: bool = False) -> Dict[str, Any]:
    """One cold start, then every concurrency level; optionally a py-spy profile of an extra 10-level run."""
    tag = servers.workdir.name
    start = time.perf_counter()
    servers.start()
    try:
        servers.wait_answering(turns[0])
        figures: Dict[str, Any] = {"cold start": time.perf_counter() - start}
        asyncio.run(run_level(servers.url, turns, 1, 2, f"{tag}-warm"))
        figures["calls per turn"] = servers.calls_per_turn(turns, f"{tag}-calls")
        levels = [asyncio.run(run_level(servers.url, turns, c, CONVERSATIONS[c], tag)) for c in CONCURRENCY]
        figures["levels"] = levels
        figures.update({f"peak RSS {name}": mb for name, mb in servers.peak_rss_mb().items()})
        if profile:
            profiler = Profiler({name: proc.pid for name, proc in servers.procs.items()}, servers.workdir)
            asyncio.run(run_level(servers.url, turns, 10, 20, f"{tag}-profile"))
            figures["profile"] = profiler.stop()
        return figures
    finally:
        servers.stop()
        shutil.rmtree(servers.workdir, ignore_errors=True)


def median_of(runs: List[Dict[str, Any]], get: Callable[[Dict[str, Any]], float]) -> float:
    return statistics.median(get(run) for run in runs)


def latency_rows(ours: List[Dict[str, Any]], stock: List[Dict[str, Any]]) -> List[Row]:
    rows: List[Row] = []
    for i, c in enumerate(CONCURRENCY):
        for name, q in (("p50", 0.50), ("p95", 0.95), ("p99", 0.99)):
            target = f"<= {TARGET_P95_RATIO}x" if name == "p95" else ""
            ours_ms, stock_ms = (median_of(runs, lambda r: pct(r["levels"][i].latencies, q) * 1e3)
                                 for runs in (ours, stock))
            rows.append((f"REST turn {name}, {c} concurrent", ours_ms, stock_ms, "ms", target))
    ours_tps, stock_tps = (median_of(runs, lambda r: max(level.throughput for level in r["levels"]))
                           for runs in (ours, stock))
    rows.append(("REST throughput at saturation (best level)", ours_tps, stock_tps, "turns/s", ">= 0.9x"))
    ours_errors, stock_errors = (float(sum(level.errors for r in runs for level in r["levels"]))
                                 for runs in (ours, stock))
    rows.append(("REST errors (all levels, all runs)", ours_errors, stock_errors, "", "0"))
    return rows


def ratio(ours: float, stock: float) -> str:
    return f"{ours / stock:.2f}" if stock else "-"


def table(rows: List[Row]) -> str:
    lines = ["| figure | ours | stock Rasa 3.6 | ours/stock | target |", "|---|---|---|---|---|"]
    for figure, ours, stock, unit, target in rows:
        digits = 0 if unit in ("MB", "") else 1 if unit in ("ms", "turns/s") else 2
        lines.append(f"| {figure} | {ours:.{digits}f} {unit} | {stock:.{digits}f} {unit} | {ratio(ours, stock)} "
                     f"| {target} |")
    return "\n".join(lines)


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    mem_gb = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.system()} {platform.machine()}, {model}, {os.cpu_count()} cores, {mem_gb:.0f} GB RAM, "
            f"Python {platform.python_version()}; {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; "
            f"load average at start {load}")


def core_table(repeat: int) -> str:
    """scripts/bench_core.py's table (it pins itself to one core, so it runs in its own process)."""
    done = subprocess.run([PY, "scripts/bench_core.py", "--repeat", str(repeat)], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    return done.stdout.strip()


def long_fuzz(examples: int) -> str:
    """tests/core/test_properties.py's safety check over its strategy, `examples` times, plus determinism."""
    from hypothesis import HealthCheck, given, settings

    import bot

    spec = importlib.util.spec_from_file_location("core_properties", ROOT / "tests" / "core" / "test_properties.py")
    assert spec is not None and spec.loader is not None
    props = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(props)

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(props.any_text)
    def safe_and_deterministic(text: str) -> None:
        result = bot.analyze(text)
        props.check_safe(result)
        assert result.to_dict() == bot.analyze(text).to_dict()

    start = time.perf_counter()
    try:
        safe_and_deterministic()
        verdict = "no failure"
    except Exception as e:  # the falsifying example is the finding
        verdict = f"FAILED: {type(e).__name__}: {str(e)[:300]}"
    return f"{examples} random texts (never raises, never `matched` on an unknown deciding fact, " \
           f"deterministic): {verdict}; {time.perf_counter() - start:.0f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="server runs per assistant")
    parser.add_argument("--train-repeat", type=int, default=1, help="trainings from scratch per assistant")
    parser.add_argument("--fuzz-examples", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    began = time.perf_counter()
    header = machine()
    print(header, flush=True)
    with tempfile.TemporaryDirectory(prefix="axilla-bench-") as tmp_name:
        tmp = Path(tmp_name)
        print("core figures (scripts/bench_core.py) ...", flush=True)
        core = core_table(args.repeat)
        print("stock assistant: rasa init ...", flush=True)
        stock = stock_project(new_dir(tmp / "stock"))
        print("training in temporary copies ...", flush=True)
        ours_train = train_times(trainable_copy(ROOT, new_dir(tmp / "ours-train"), ["build/spacy_tokenizer"]),
                                 args.train_repeat)
        stock_train = train_times(trainable_copy(stock, new_dir(tmp / "stock-train"), []), args.train_repeat)
        ours_runs, stock_runs = [], []
        for n in range(args.repeat):
            print(f"servers, run {n + 1}/{args.repeat} ...", flush=True)
            ours_runs.append(serve_and_measure(Servers(ROOT, tmp / f"ours-{n}"), OUR_TURNS))
            stock_runs.append(serve_and_measure(Servers(stock, tmp / f"stock-{n}", action_server=STOCK_ACTION_SERVER),
                                                STOCK_TURNS))
        rows = latency_rows(ours_runs, stock_runs)
        over = [c for i, c in enumerate(CONCURRENCY) if rows[3 * i + 1][1] > TARGET_P95_RATIO * rows[3 * i + 1][2]]
        profile: Dict[str, str] = {}
        if over:
            print(f"p95 over {TARGET_P95_RATIO}x stock at {over} concurrent: profiling ours ...", flush=True)
            profile = serve_and_measure(Servers(ROOT, tmp / "ours-profiled"), OUR_TURNS, profile=True)["profile"]
    rows += [
        ("cold start until the REST channel answers", median_of(ours_runs, lambda r: r["cold start"]),
         median_of(stock_runs, lambda r: r["cold start"]), "s", "<= 1x"),
        ("training from scratch", statistics.median(ours_train[0]), statistics.median(stock_train[0]), "s", "<= 2x"),
        ("cached re-train (nothing changed, model deleted)", statistics.median(ours_train[1]),
         statistics.median(stock_train[1]), "s", "<= 1x"),
    ]
    calls = {name: [statistics.median(r["calls per turn"][i] for r in runs) for i in range(len(turns))]
             for name, runs, turns in (("ours", ours_runs, OUR_TURNS), ("stock", stock_runs, STOCK_TURNS))}
    rows.append(("action-server calls per turn (mean over the conversation's turns)",
                 statistics.mean(calls["ours"]), statistics.mean(calls["stock"]), "calls", ""))
    for server in ("rasa", "actions"):
        ours_mb, stock_mb = (median_of(runs, lambda r: r[f"peak RSS {server}"]) for runs in (ours_runs, stock_runs))
        rows.append((f"peak RSS, {'Rasa' if server == 'rasa' else 'action'} server", ours_mb, stock_mb,
                     "MB", "<= stock + 200 MB"))
    print("long fuzz of the core ...", flush=True)
    fuzz = long_fuzz(args.fuzz_examples)
    slowest = {"ours": ours_train[2], "stock": stock_train[2]}
    doc = render(header, core, rows, profile, slowest, fuzz, args, time.perf_counter() - began, calls)
    print(doc)
    args.out.write_text(doc)
    print(f"written to {args.out}")


def render(header: str, core: str, rows: List[Row], profile: Dict[str, str], slowest: Dict[str, str],
           fuzz: str, args: argparse.Namespace, seconds: float, calls: Dict[str, List[float]]) -> str:
    levels = ", ".join(f"{c} concurrent: {CONVERSATIONS[c]} conversations" for c in CONCURRENCY)
    parts = [
        "# Benchmarks", "",
        "Written by `make bench` (scripts/bench/); do not edit by hand. Figures from one machine shared with other "
        "work: compare the ratios, not the absolute values.", "",
        f"Machine: {header}.", "",
        "## End to end: ours against a stock Rasa 3.6 assistant", "",
        f"Stock = `rasa init --no-prompt` (default pipeline and policies) trained in a temporary folder. Both run as "
        f"`scripts/run.sh` runs ours: an action server (ours `python -m service.action_server`, stock `rasa run "
        f"actions`) + `rasa run`, REST channel, SQLite tracker store in a temporary file, on 127.0.0.1. One "
        f"conversation = three turns, each answered: ours {' / '.join(repr(t) for t in OUR_TURNS)} (a question, "
        f"the recommendation, a FAQ: NLU, policies and an action server round trip every turn); stock "
        f"{' / '.join(repr(t) for t in STOCK_TURNS)} (responses only, no action calls). Per run: {levels}, "
        f"after a warm-up conversation. Medians over {args.repeat} runs "
        f"(fresh servers each, ours and stock alternating); training: {args.train_repeat} run(s) from scratch, "
        f"the same number of cached re-trains. Throughput at saturation = the best turns/s of the three levels.", "",
        table(rows), "",
        "Action-server calls per turn (the action server's count of /webhook requests before and after each turn "
        "of one conversation, median over the runs): "
        + "; ".join(f"{name}: " + ", ".join(f"{text!r} {n:g}" for text, n in zip(turns, calls[name]))
                    for name, turns in (("ours", OUR_TURNS), ("stock", STOCK_TURNS))) + ".", "",
        "Slowest components when training from scratch: "
        + "; ".join(f"{name}: {components}" for name, components in slowest.items()) + ".", "",
    ]
    if profile:
        parts += ["## Where our time goes (py-spy, 10 concurrent conversations)", "",
                  *(f"- {name} server: {summary}" for name, summary in profile.items()), ""]
    parts += ["## The core (scripts/bench_core.py)", "", core, "",
              "## Long fuzz of the core (hypothesis, tests/core/test_properties.py's strategy and check)", "",
              fuzz, "", f"Whole run: {seconds / 60:.0f} min.", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    main()
