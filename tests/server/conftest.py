"""The assistant as `make run` starts it (scripts/run.sh), on free loopback ports, for the whole session."""
import os
import signal
import subprocess
from typing import Any, Dict, Iterator

import pytest
import yaml
from server_harness import ROOT
from servers import free_port, wait_until_up

# What the supervision tests need of the running scripts/run.sh: its log, pid and the action server's port.
RUN: Dict[str, Any] = {}


@pytest.fixture(scope="session")
def run_sh(rasa_url: str) -> Dict[str, Any]:
    return {**RUN, "url": rasa_url}


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
    # The evaluation script talks to an open REST channel, as in local development (no token).
    env = {key: value for key, value in os.environ.items() if key not in ("REST_AUTH_TOKEN", "REST_JWT_SECRET")}
    env.update(AXILLA_HOST="127.0.0.1", AXILLA_PORT=str(port), AXILLA_ACTIONS_PORT=str(actions_port),
               AXILLA_WEB_PORT=str(free_port()), AXILLA_ENDPOINTS=str(tmp / "endpoints.yml"),
               AXILLA_RUN_DIR=str(tmp / "run"))
    log = tmp / "servers.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(ROOT / "scripts" / "run.sh")], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    RUN["log"], RUN["pid"], RUN["actions_port"], RUN["process"] = log, proc.pid, actions_port, proc
    try:
        wait_until_up(f"http://127.0.0.1:{actions_port}/health", proc, log)
        wait_until_up(f"http://127.0.0.1:{port}/", proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
