"""Stress the core with generated cases (tests/generated/cases.py): `make stress`.

  python scripts/stress.py [--n 20000] [--seed 9] [--examples 3] [--max-rate 0.005]

Prints the failure rate, the unsafe count (a recommendation where the label says needs_info or out_of_scope,
or the wrong variant), the failure rate by surface-form tag and by kind, and a few failures of each.
Exits 1 when the failure rate is >= --max-rate or any answer is unsafe.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import DefaultDict

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

import bot  # noqa: E402
from tests.generated.cases import check, random_case  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--examples", type=int, default=3, help="failures shown per tag and per kind")
    ap.add_argument("--max-rate", type=float, default=0.005)
    ap.add_argument("--by", choices=("tag", "kind", "both"), default="both")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    n_tag: Counter = Counter()
    f_tag: Counter = Counter()
    u_tag: Counter = Counter()
    n_kind: Counter = Counter()
    f_kind: Counter = Counter()
    u_kind: Counter = Counter()
    examples: DefaultDict[str, list] = defaultdict(list)
    failures = unsafe = crashes = decision_failures = 0
    start = time.perf_counter()
    for _ in range(args.n):
        case = random_case(rng)
        try:
            result = bot.analyze(case.text)
            problems, is_unsafe = check(case, result)
            got = f"{result.status} {result.variant_id or ''} {result.missing}".strip()
        except Exception as exc:  # a crash is a failure too
            problems, is_unsafe, got = [f"crash: {type(exc).__name__}: {exc}"], False, "crash"
            crashes += 1
        n_kind[case.kind] += 1
        for tag in case.tags:
            n_tag[tag] += 1
        if not problems:
            continue
        failures += 1
        unsafe += is_unsafe
        decision_failures += any(p.split()[0] in ("status", "variant", "missing", "crash:") for p in problems)
        f_kind[case.kind] += 1
        u_kind[case.kind] += is_unsafe
        line = (f"{'UNSAFE ' if is_unsafe else ''}{case.text!r}\n      expected {case.status} "
                f"{case.variant or ''} {case.missing0 or ''} | got {got} | {'; '.join(problems)}")
        if len(examples["kind:" + case.kind]) < args.examples:
            examples["kind:" + case.kind].append(line)
        for tag in case.tags:
            f_tag[tag] += 1
            u_tag[tag] += is_unsafe
            if len(examples["tag:" + tag]) < args.examples:
                examples["tag:" + tag].append(line)
    elapsed = time.perf_counter() - start

    rate = failures / max(args.n, 1)
    print(f"core: {Path(bot.__file__).parent}")
    print(f"{args.n} generated cases (seed {args.seed}) in {elapsed:.1f}s: {failures} failures "
          f"({rate:.2%}), {unsafe} unsafe, {crashes} crashes")
    print(f"  of the failures: {decision_failures} with a wrong status/variant/question "
          f"({decision_failures / max(args.n, 1):.2%}), {failures - decision_failures} with right decision but a "
          f"misread fact")

    def table(title, n, f, u, prefix):
        print(f"\n{title:<34} {'cases':>6} {'fail':>6} {'rate':>7} {'unsafe':>7}")
        for key in sorted(n, key=lambda k: (-f[k] / n[k], k)):
            print(f"{key:<34} {n[key]:>6} {f[key]:>6} {f[key] / n[key]:>7.1%} {u[key]:>7}")
        for key in sorted(n, key=lambda k: (-f[k] / n[k], k)):
            if examples[prefix + key]:
                print(f"\n  {prefix}{key}:")
                for ex in examples[prefix + key]:
                    print("    " + ex)

    if args.by in ("kind", "both"):
        table("kind", n_kind, f_kind, u_kind, "kind:")
    if args.by in ("tag", "both"):
        table("surface tag", n_tag, f_tag, u_tag, "tag:")
    ok = rate < args.max_rate and unsafe == 0
    print(f"\n{'PASS' if ok else 'FAIL'}: failure rate {rate:.2%} (limit {args.max_rate:.2%}), {unsafe} unsafe")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
