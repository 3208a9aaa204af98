"""The residents' web chat in headless Chromium against the real assistant.

Starts the action server, a Rasa server with the project's socket.io channel (tokens on: WEB_JWT_SECRET) and the
page server (its token endpoint signs with the same key) on free ports, then runs chat_flow.mjs (Playwright
driving Debian's chromium) and checks its report. Screenshots: artifacts/web/.
"""
import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
import yaml
from servers import free_port, wait_until_up

PROJECT = Path(__file__).resolve().parents[2]
RASA = PROJECT / ".venv" / "bin" / "rasa"
FLOW = Path(__file__).with_name("chat_flow.mjs")
ARTIFACTS = PROJECT / "artifacts" / "web"
CHROMIUM = "/usr/bin/chromium"
STARTUP_S = 240  # loading the model (spaCy, TensorFlow) is slow on a busy machine
FLOW_S = 600
WEB_SECRET = "browser-test-web-chat-key-32-bytes"
TURN_TIMEOUT_S = 12





def start(args: List[str], log: Path, env: Dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(args, cwd=PROJECT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)





def tail(log: Path, lines: int = 30) -> str:
    """The end of a server's log, without the libraries' warnings."""
    text = log.read_text(errors="replace").splitlines()
    kept = [line for line in text
            if "Warning" not in line and "declare_namespace" not in line and not line.startswith(" ")]
    return "\n".join(kept[-lines:])


def socketio_credentials() -> str:
    """The project's socket.io channel entry of credentials.yml, alone (the other channels need secrets)."""
    entries = yaml.safe_load((PROJECT / "credentials.yml").read_text()) or {}
    web = {name: conf for name, conf in entries.items()
           if "socketio" in name.lower() or "bot_message_evt" in (conf or {})}
    if not web:
        pytest.fail("credentials.yml configures no socket.io channel: the web chat cannot connect.")
    return yaml.safe_dump(web)


def require_browser() -> None:
    missing = [p for p in (Path(CHROMIUM), PROJECT / "web/node_modules/playwright-core",
                           PROJECT / "web/static/vendor/socket.io.min.js") if not p.exists()]
    if missing or not shutil.which("node"):
        pytest.fail(f"missing {[str(p) for p in missing] or 'node'}: run `make web` (scripts/install_browser.sh).")


def stop(processes: List[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def page_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, str]]:
    """The page server alone, pointed at a Rasa URL that nothing needs to answer."""
    log = tmp_path_factory.mktemp("page") / "page.log"
    port, rasa_url = free_port(), f"http://127.0.0.1:{free_port()}"
    page = start([sys.executable, "scripts/serve_web.py", "--port", str(port), "--rasa-url", rasa_url], log,
                 dict(os.environ))
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", page, log, STARTUP_S)
        yield {"url": f"http://127.0.0.1:{port}/", "rasa_url": rasa_url}
    finally:
        stop([page])


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, str]]:
    """Action server, Rasa server (socket.io channel) and page server; the page's URL and the logs' folder."""
    models = sorted((PROJECT / "models").glob("*.tar.gz"), key=os.path.getmtime)
    if not models:
        pytest.fail("No trained model in models/: run `make train` (make test does).")
    require_browser()
    tmp = tmp_path_factory.mktemp("web")
    rasa_port, actions_port, page_port = free_port(), free_port(), free_port()
    (tmp / "credentials.yml").write_text(socketio_credentials())
    (tmp / "endpoints.yml").write_text(f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n")
    env = {**os.environ, "SANIC_HOST": "127.0.0.1", "WEB_JWT_SECRET": WEB_SECRET, "TURN_TIMEOUT": str(TURN_TIMEOUT_S)}
    processes = [
        start([str(RASA), "run", "actions", "--actions", "actions", "--port", str(actions_port)],
              tmp / "actions.log", env),
        start([str(RASA), "run", "--model", str(models[-1]), "--interface", "127.0.0.1", "--port", str(rasa_port),
               "--credentials", str(tmp / "credentials.yml"), "--endpoints", str(tmp / "endpoints.yml")],
              tmp / "rasa.log", env),
        start([sys.executable, "scripts/serve_web.py", "--port", str(page_port),
               "--rasa-url", f"http://127.0.0.1:{rasa_port}"], tmp / "page.log", env),
    ]
    try:
        wait_until_up(f"http://127.0.0.1:{actions_port}/health", processes[0], tmp / "actions.log", STARTUP_S)
        wait_until_up(f"http://127.0.0.1:{rasa_port}/webhooks/socketio/", processes[1], tmp / "rasa.log", STARTUP_S)
        wait_until_up(f"http://127.0.0.1:{page_port}/", processes[2], tmp / "page.log", STARTUP_S)
        yield {"url": f"http://127.0.0.1:{page_port}/", "logs": str(tmp), "actions_pid": str(processes[0].pid)}
    finally:
        stop(processes)


def test_page_server_points_the_page_at_rasa(page_server: Dict[str, str]) -> None:
    with urllib.request.urlopen(page_server["url"] + "config.js") as response:
        config = response.read().decode()
    assert json.dumps(page_server["rasa_url"]) in config


def test_page_forbids_inline_scripts_and_serves_utf8(page_server: Dict[str, str]) -> None:
    with urllib.request.urlopen(page_server["url"]) as page, \
            urllib.request.urlopen(page_server["url"] + "widget.js") as js:
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        assert js.headers["Content-Type"] == "text/javascript; charset=utf-8"
        assert js.headers["Access-Control-Allow-Origin"] == "*"  # other sites embed it


def test_chat_in_headless_chromium(assistant: Dict[str, str]) -> None:
    """Card, copy, follow-up, quick replies, markup as text, keyboard, phone view, one-tag embedding."""
    run = subprocess.run(["node", str(FLOW), assistant["url"], str(ARTIFACTS)], cwd=PROJECT,
                         capture_output=True, text=True, timeout=FLOW_S,
                         env={**os.environ, "ACTIONS_PID": assistant["actions_pid"],
                              "STALL_WAIT_MS": str((TURN_TIMEOUT_S + 40) * 1000)})
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"no report from chat_flow.mjs (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")
    failed = [c for c in report["checks"] if not c["ok"]]
    if run.returncode or failed or not report["ok"]:
        logs = Path(assistant["logs"])
        pytest.fail(f"chat_flow.mjs exit {run.returncode}, failed checks:\n{json.dumps(failed or report, indent=1)}"
                    f"\n--- rasa.log ---\n{tail(logs / 'rasa.log')}\n--- actions.log ---\n{tail(logs / 'actions.log')}")
    names = {c["name"] for c in report["checks"]}
    assert {"card shows variant axilla-6", "copy button puts the order wording on the clipboard",
            "follow-up 'why not MRI?' answered as FAQ", "quick replies completed the case into a card",
            "the card after \"> 2 cm\" and \"node-positive\" is variant axilla-6",
            "no dialog fired anywhere", "360 px phone view: nothing wider than the screen",
            # issue 11
            "a page reload keeps the server-issued conversation",
            "after a reload the last answer is fetched again from the server",
            "a message too long is refused with the limit",
            "server unreachable: the widget says so and that it is retrying",
            "reconnected: the answer that was lost is fetched again from the tracker",
            "a stalled action server: the web chat says 'temporarily unavailable'",
            "after the outage the case goes on with its facts (axilla-5)",
            # issues 9 and 10: hand-written payloads
            "web: the words each deciding fact was read from are listed", "web: the evidence words are highlighted",
            "web: no evidence shown when the payload has none", "web: words read but not placed are listed",
            "web: an order check shows the procedure, its rating in colour and the variant",
            "web: an order check lists the alternatives, radiation and source"} <= names
    for shot in ("card.png", "phone.png", "embedded.png", "reloaded.png", "unreachable.png", "unavailable.png",
                 "evidence.png", "order-check.png"):
        assert (ARTIFACTS / shot).stat().st_size > 0
