"""An assistant's two servers (action server + `rasa run`) on free loopback ports, as scripts/run.sh starts
them, with the tracker store in a temporary SQLite file (never build/tracker.db)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import yaml

ROOT = Path(__file__).resolve().parents[2]
RASA = str(ROOT / ".venv" / "bin" / "rasa")
PY = str(ROOT / ".venv" / "bin" / "python")
# Runs an action server with a count of its action calls at GET /bench/calls (scripts/bench/counted.py).
COUNTED = (PY, "-m", "scripts.bench.counted")
# The action server as scripts/run.sh starts it (Rasa SDK's, behind the project's token guard); a stock
# assistant passes STOCK_ACTION_SERVER (`rasa run actions`). Both take the arguments of `rasa run actions`.
OUR_ACTION_SERVER = (*COUNTED, "-m", "service.action_server")
STOCK_ACTION_SERVER = (*COUNTED, RASA, "run", "actions")
START_TIMEOUT = 300  # seconds: Rasa loads TensorFlow and the model


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for pid {pid}")


class Servers:
    """The action server and the Rasa server of the assistant in `project` (its models/ and actions/)."""

    def __init__(self, project: Path, workdir: Path, credentials: Optional[Path] = None,
                 action_server: Sequence[str] = OUR_ACTION_SERVER) -> None:
        self.project, self.workdir, self.action_server = project, workdir, action_server
        self.port, self.actions_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.credentials = credentials or project / "credentials.yml"
        self.procs: Dict[str, subprocess.Popen] = {}
        workdir.mkdir(parents=True, exist_ok=True)
        self.endpoints = workdir / "endpoints.yml"
        self.endpoints.write_text(yaml.safe_dump({
            "action_endpoint": {"url": f"http://127.0.0.1:{self.actions_port}/webhook"},
            "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(workdir / "tracker.db")},
        }))

    def _spawn(self, name: str, args: List[str]) -> subprocess.Popen:
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)  # scripts.bench.counted
        env = {**os.environ, "SANIC_HOST": "127.0.0.1", "LOG_LEVEL": "WARNING", "PYTHONPATH": path}
        with open(self.workdir / f"{name}.log", "a") as log:
            proc = subprocess.Popen(args, cwd=self.project, env=env, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        self.procs[name] = proc
        return proc

    def start(self) -> None:
        """Starts both servers (returns at once: `wait_answering` waits)."""
        self._spawn("actions", [*self.action_server, "--actions", "actions", "--port", str(self.actions_port)])
        self._spawn("rasa", [RASA, "run", "--model", "models", "--interface", "127.0.0.1", "--port", str(self.port),
                             "--credentials", str(self.credentials), "--endpoints", str(self.endpoints)])

    def wait_answering(self, message: str = "hello") -> None:
        """Waits until the action server is healthy and the REST channel answers `message`."""
        deadline = time.monotonic() + START_TIMEOUT
        self._wait(f"http://127.0.0.1:{self.actions_port}/health", None, deadline)
        body = json.dumps({"sender": "warm-up", "message": message}).encode()
        self._wait(f"{self.url}/webhooks/rest/webhook", body, deadline)

    def _wait(self, url: str, body: Optional[bytes], deadline: float) -> None:
        while time.monotonic() < deadline:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} server exited {proc.returncode}:\n{self.log_tail()}")
            request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=30):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"{url} did not answer in {START_TIMEOUT} s:\n{self.log_tail()}")

    def action_calls(self) -> int:
        """How many action calls the action server has answered so far (scripts/bench/counted.py)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.actions_port}/bench/calls", timeout=30) as answer:
            return int(json.load(answer)["calls"])

    def calls_per_turn(self, turns: Sequence[str], sender: str) -> List[int]:
        """One conversation, turn after turn: the action server's calls during each turn."""
        counts = []
        for text in turns:
            before = self.action_calls()
            body = json.dumps({"sender": sender, "message": text}).encode()
            request = urllib.request.Request(f"{self.url}/webhooks/rest/webhook", data=body,
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=120):
                pass
            counts.append(self.action_calls() - before)
        return counts

    def peak_rss_mb(self) -> Dict[str, float]:
        return {name: peak_rss_mb(proc.pid) for name, proc in self.procs.items()}

    def log_tail(self) -> str:
        return "".join(log.read_text()[-2000:] for log in self.workdir.glob("*.log"))

    def stop(self) -> None:
        """Stops both servers as Ctrl-C would (SIGKILL after 60 s)."""
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs.clear()

    def __enter__(self) -> "Servers":
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
