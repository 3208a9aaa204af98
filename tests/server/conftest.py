"""The assistant as `make run` starts it (scripts/run.sh), on free loopback ports, for the whole session."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 300  # seconds: both servers load TensorFlow and the model


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    """Polls `url` until it answers; fails with the servers' log if they die or take too long."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"scripts/run.sh exited {proc.returncode}:\n{log.read_text()[-3000:]}"
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(1)
    pytest.fail(f"{url} did not come up in {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def rasa_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Starts scripts/run.sh (action server + Rasa server); stops both as Ctrl-C would."""
    assert list((ROOT / "models").glob("*.tar.gz")), "no trained model in models/: run `make train` first"
    tmp = tmp_path_factory.mktemp("server")
    port, actions_port = free_port(), free_port()
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    if (endpoints.get("tracker_store") or {}).get("dialect") == "sqlite":
        endpoints["tracker_store"]["db"] = str(tmp / "tracker.db")  # not the development database
    (tmp / "endpoints.yml").write_text(yaml.safe_dump(endpoints))
    env = {**os.environ, "AXILLA_HOST": "127.0.0.1", "AXILLA_PORT": str(port),
           "AXILLA_ACTIONS_PORT": str(actions_port), "AXILLA_ENDPOINTS": str(tmp / "endpoints.yml")}
    log = tmp / "servers.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(ROOT / "scripts" / "run.sh")], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{actions_port}/health", proc, log)
        wait_until_up(f"http://127.0.0.1:{port}/", proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def say(url: str, sender: str, text: str) -> List[Dict[str, Any]]:
    """One message through the REST channel; the bot's messages."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"[]")
