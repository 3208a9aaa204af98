"""Real servers for the service tests, on free loopback ports: one Rasa + one action server on SQLite, and the
cluster of scripts/cluster.sh. MODEL and ACTIONS (as for scripts/cluster.sh) pick another model or actions."""
import json
import os
import secrets
import signal
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml
from servers import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
PY = ROOT / ".venv" / "bin" / "python"
MODEL = os.environ.get("MODEL", "models")
ACTIONS = os.environ.get("ACTIONS", "actions")
START_TIMEOUT = 300  # seconds: Rasa loads TensorFlow, spaCy and the model

# (turns, the variant the last turn must recommend): one-message cases and ones whose size comes in turn 2.
CASES: List[Tuple[List[str], str]] = [
    (["58F, new 3 cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet"], "axilla-6"),
    (["62F, newly diagnosed 1.2 cm IDC right breast, no palpable axillary nodes, no treatment yet"], "axilla-3"),
    (["45F, new IDC left breast, no palpable nodes, no treatment yet", "3 cm"], "axilla-5"),
    (["45F, new IDC left breast, no palpable nodes, no treatment yet", "1.5 cm"], "axilla-3"),
    (["52 year old, biopsy-proven left IDC; the left armpit has a hard node on exam; nothing given so far",
      "it's 2.7 cm"], "axilla-6"),
]





def bearer(token: str) -> Dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def post(url: str, body: Any, headers: Optional[Dict[str, str]] = None, raw: Optional[bytes] = None) -> Tuple[int, Any]:
    """POSTs JSON (or raw bytes); the status and the decoded answer."""
    data = raw if raw is not None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def custom(messages: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The one `custom` object of an answer (contract §2)."""
    [found] = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]
    return found





class Single:
    """One Rasa server and one action server as a hospital would run them: tokens on, SQLite, INFO logs."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.rasa_port, self.actions_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        self.token, self.jwt_secret, self.action_token = (secrets.token_hex(16) for _ in range(3))
        self.endpoints = folder / "endpoints.yml"
        self.endpoints.write_text(yaml.safe_dump({
            "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(folder / "tracker.db")},
            "action_endpoint": {
                "url": f"http://127.0.0.1:{self.actions_port}/webhook",
                "headers": {"X-Action-Token": self.action_token},
            },
        }))
        (folder / "credentials.yml").write_text("service.rest_auth.TokenRestInput:\n")
        self.procs: Dict[str, subprocess.Popen] = {}
        self.env = {**os.environ, "LOG_LEVEL": "INFO", "REST_AUTH_TOKEN": self.token,
                    "REST_JWT_SECRET": self.jwt_secret,
                    "ACTION_SERVER_TOKEN": self.action_token, "SANIC_HOST": "127.0.0.1",
                    "REST_TURN_TIMEOUT": "15"}

    def start(self, name: str, args: List[str], health: str) -> None:
        """Starts one server, its output appended to folder/NAME.log, and waits for its health URL."""
        log = self.folder / f"{name}.log"
        with open(log, "a") as out:
            proc = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        self.procs[name] = proc
        wait_until_up(health, proc, log, START_TIMEOUT)

    def start_actions(self) -> None:
        self.start("actions", [str(PY), "-m", "service.action_server", "--actions", ACTIONS,
                               "--port", str(self.actions_port)], f"http://127.0.0.1:{self.actions_port}/health")

    def start_rasa(self) -> None:
        self.start("rasa", [str(ROOT / ".venv" / "bin" / "rasa"), "run", "--model", MODEL,
                            "--endpoints", str(self.endpoints), "--credentials", str(self.folder / "credentials.yml"),
                            "--interface", "127.0.0.1", "--port", str(self.rasa_port)], f"{self.url}/")

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        """Stops one server (SIGKILL: as if it crashed)."""
        proc = self.procs.pop(name, None)
        if proc is None:
            return
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def say(self, sender: str, text: str) -> List[Dict[str, Any]]:
        """One authenticated message; the bot's messages (the request must succeed)."""
        status, answer = post(f"{self.url}/webhooks/rest/webhook", {"sender": sender, "message": text},
                              bearer(self.token))
        assert status == 200, answer
        return answer

    def logs(self) -> str:
        return "".join(log.read_text() for log in self.folder.glob("*.log"))


class Cluster:
    """scripts/cluster.sh in a folder of its own; `env` is its cluster.env."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env: Dict[str, str] = {}

    def run(self, *args: str) -> None:
        proc = subprocess.run([str(ROOT / "scripts" / "cluster.sh"), *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=2 * START_TIMEOUT)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        lines = (self.folder / "cluster.env").read_text().splitlines()
        self.env = dict(line.split("=", 1) for line in lines)
        self.env = {key: value.strip('"') for key, value in self.env.items()}

    def say(self, url: str, sender: str, text: str) -> Tuple[List[Dict[str, Any]], str]:
        """One authenticated message to `url`; the bot's messages and the Rasa server that answered."""
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self.env['REST_AUTH_TOKEN']}"}
        request = urllib.request.Request(f"{url}/webhooks/rest/webhook", headers=headers,
                                         data=json.dumps({"sender": sender, "message": text}).encode())
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read()), response.headers.get("X-Upstream", url)
