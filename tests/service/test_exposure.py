"""A server bound to an address other than loopback with no authentication configured refuses to start, and
says which variable to set (the servers exit before they listen)."""
import os
import subprocess
from pathlib import Path

import pytest
from servers import free_port
from service_harness import PY, ROOT

from service import exposure

SECRETS = ("REST_AUTH_TOKEN", "REST_JWT_SECRET", "WEB_JWT_SECRET", "ACTION_SERVER_TOKEN", "SLACK_BOT_TOKEN",
           "SLACK_SIGNING_SECRET", "TEAMS_APP_ID", "TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID")


def clean_env(**extra: str) -> dict:
    return {**{k: v for k, v in os.environ.items() if k not in SECRETS}, **extra}


def rasa_run(tmp_path: Path, interface: str, **env: str) -> subprocess.CompletedProcess:
    (tmp_path / "credentials.yml").write_text((ROOT / "credentials.yml").read_text())
    return subprocess.run([str(ROOT / ".venv" / "bin" / "rasa"), "run", "--model", "models", "--interface", interface,
                           "--port", str(free_port()), "--credentials", str(tmp_path / "credentials.yml")],
                          cwd=ROOT, env=clean_env(**env), capture_output=True, text=True, timeout=240)


@pytest.mark.parametrize("env, variable", [
    ({}, "REST_AUTH_TOKEN or REST_JWT_SECRET"),
    ({"REST_AUTH_TOKEN": "t0ken"}, "WEB_JWT_SECRET"),
])
def test_the_rasa_server_refuses_an_open_channel_beyond_loopback(tmp_path: Path, env: dict, variable: str) -> None:
    run = rasa_run(tmp_path, "0.0.0.0", **env)
    assert run.returncode != 0
    output = run.stdout + run.stderr
    assert "Refusing to start" in output and variable in output, output[-3000:]


def test_the_action_server_refuses_to_listen_beyond_loopback_without_its_token() -> None:
    run = subprocess.run([str(PY), "-m", "service.action_server", "--actions", "actions", "--port", str(free_port())],
                         cwd=ROOT, env=clean_env(SANIC_HOST="0.0.0.0"), capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "ACTION_SERVER_TOKEN" in run.stderr, run.stderr[-2000:]


def test_loopback_and_what_is_not() -> None:
    assert all(map(exposure.is_loopback, ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"]))
    assert not any(map(exposure.is_loopback, ["0.0.0.0", "", "::", "10.1.2.3", "chat.example.org"]))
    assert exposure.rasa_interface(["/x/.venv/bin/rasa", "run", "--port", "1"]) == "0.0.0.0"  # rasa's default
    assert exposure.rasa_interface(["rasa", "run", "-i", "127.0.0.1"]) == "127.0.0.1"
    assert exposure.rasa_interface(["rasa", "run", "--interface=10.0.0.5"]) == "10.0.0.5"
    assert exposure.rasa_interface(["pytest", "tests"]) == "127.0.0.1"  # not a server
