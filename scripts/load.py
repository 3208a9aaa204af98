"""`make load`: 200 concurrent conversations of 8 turns each (Locust, headless) against servers this script
starts on free loopback ports (SQLite tracker store in a temporary folder), bounded in time; it stops them
after, prints Locust's figures and the servers' peak memory, and exits non-zero on any error.

    .venv/bin/python -m scripts.load [--conversations 200] [--think 5,15] [--run-time 10m]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.bench.servers import ROOT, Servers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=200, help="all of them at once")
    parser.add_argument("--think", default="5,15", help="seconds a clinician waits between turns: min,max")
    parser.add_argument("--run-time", default="10m", help="Locust stops here even if conversations remain")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="axilla-load-") as tmp:
        with Servers(ROOT, Path(tmp)) as servers:
            servers.wait_answering()
            print(f"servers up at {servers.url}; {args.conversations} conversations of 8 turns ...", flush=True)
            env = {**os.environ, "LOAD_CONVERSATIONS": str(args.conversations), "LOAD_THINK": args.think}
            locust = subprocess.run(
                [str(ROOT / ".venv" / "bin" / "locust"), "-f", str(ROOT / "scripts" / "locustfile.py"),
                 "--headless", "--only-summary", "--host", servers.url, "--users", str(args.conversations),
                 "--spawn-rate", str(max(1, args.conversations // 10)), "--run-time", args.run_time,
                 "--stop-timeout", "60", "--loglevel", "WARNING"],
                cwd=ROOT, env=env)
            rss = ", ".join(f"{name} {mb:.0f} MB" for name, mb in servers.peak_rss_mb().items())
            print(f"peak RSS of the servers: {rss}")
    sys.exit(locust.returncode)


if __name__ == "__main__":
    main()
