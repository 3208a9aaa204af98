"""Real servers for the channel tests.

One Rasa server (the trained model in models/, with its action server) runs with channels.slack.SlackInput
and channels.teams.TeamsInput configured from environment variables, as in production; the variables point
them at one local stand-in that plays the Slack Web API and the Bot Framework (token endpoint, OpenID
metadata and signing keys, the conversation's reply endpoint) and records every call made to it.
"""
import os
import signal
import subprocess
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from typing import Callable, Dict, Iterator, Tuple

import pytest
from channel_harness import BIN, CREDENTIALS, PROJECT, StandIn, channel_env, start
from servers import free_port, wait_until_up


@pytest.fixture(scope="session")
def stand_in() -> Iterator[StandIn]:
    server = StandIn()
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.server.shutdown()


class Servers:
    """The running Rasa server (url) and action server (its process, to stall it)."""

    def __init__(self, url: str, actions: subprocess.Popen) -> None:
        self.url, self.actions = url, actions

    @contextmanager
    def stalled_actions(self) -> Iterator[None]:
        """The action server stopped (SIGSTOP: it accepts calls and never answers) for the block."""
        os.kill(self.actions.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.actions.pid, signal.SIGCONT)


@pytest.fixture(scope="session")
def servers(stand_in: StandIn, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """A Rasa server with REST, web chat, Slack and Teams on, and its action server."""
    models = sorted((PROJECT / "models").glob("*.tar.gz"), key=os.path.getmtime)
    if not models:
        pytest.fail("No trained model in models/: run `make train` (make test does).")
    tmp = tmp_path_factory.mktemp("channels")
    rasa_port, actions_port = free_port(), free_port()
    (tmp / "credentials.yml").write_text(CREDENTIALS)
    (tmp / "endpoints.yml").write_text(f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n")
    env = {**os.environ, **channel_env(stand_in), "SANIC_HOST": "127.0.0.1"}
    actions = start([str(BIN / "rasa"), "run", "actions", "--port", str(actions_port)], env, tmp / "actions.log")
    rasa = start([str(BIN / "rasa"), "run", "--model", str(models[-1]), "--interface", "127.0.0.1",
                   "--port", str(rasa_port), "--credentials", str(tmp / "credentials.yml"),
                   "--endpoints", str(tmp / "endpoints.yml")], env, tmp / "rasa.log")
    try:
        wait_until_up(f"http://127.0.0.1:{actions_port}/health", actions, tmp / "actions.log")
        wait_until_up(f"http://127.0.0.1:{rasa_port}/webhooks/slack/", rasa, tmp / "rasa.log")
        yield Servers(f"http://127.0.0.1:{rasa_port}", actions)
    finally:
        for process in (rasa, actions):
            process.terminate()
        for process in (rasa, actions):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="session")
def rasa_url(servers: Servers) -> str:
    """The base URL of the Rasa server."""
    return servers.url


Post = Callable[[str, bytes, Dict[str, str]], Tuple[int, str]]


PostWithHeaders = Callable[[str, bytes, Dict[str, str]], Tuple[int, str, Dict[str, str]]]


@pytest.fixture(scope="session")
def post(post_with_headers: PostWithHeaders) -> Post:
    """POST to a path of the Rasa server; (status, body text) whatever the status."""
    def post_to(path: str, body: bytes, headers: Dict[str, str]) -> Tuple[int, str]:
        return post_with_headers(path, body, headers)[:2]

    return post_to


@pytest.fixture(scope="session")
def post_with_headers(rasa_url: str) -> PostWithHeaders:
    """POST to a path of the Rasa server; (status, body text, response headers) whatever the status."""
    def post_to(path: str, body: bytes, headers: Dict[str, str]) -> Tuple[int, str, Dict[str, str]]:
        request = urllib.request.Request(rasa_url + path, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                return answer.status, answer.read().decode(), dict(answer.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)
    return post_to
