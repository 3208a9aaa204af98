"""The page server's token endpoint (scripts/serve_web.py): server-issued conversations, short-lived tokens, the
single sign-on header example (an OIDC / reverse proxy passing X-Auth-Request-User), and the refusal to serve
beyond loopback without authentication."""
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

import jwt
import pytest
from servers import free_port, wait_until_up

PROJECT = Path(__file__).resolve().parents[2]
SECRET = "token-endpoint-test-key-of-32-bytes"


def serve(tmp: Path, **env: str) -> Tuple[subprocess.Popen, str]:
    port = free_port()
    log = tmp / f"page-{port}.log"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WEB_")}
    proc = subprocess.Popen([sys.executable, "scripts/serve_web.py", "--port", str(port), "--rasa-url",
                             "http://127.0.0.1:1"], cwd=PROJECT, env={**clean, **env},
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    wait_until_up(f"http://127.0.0.1:{port}/", proc, log, 60)
    return proc, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def open_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Tokens on, no single sign-on (local development)."""
    proc, url = serve(tmp_path_factory.mktemp("open"), WEB_JWT_SECRET=SECRET, WEB_TOKEN_TTL="600")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def sso_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Behind an SSO proxy on 127.0.0.1 that passes the signed-in user in X-Auth-Request-User."""
    proc, url = serve(tmp_path_factory.mktemp("sso"), WEB_JWT_SECRET=SECRET,
                      WEB_AUTH_USER_HEADER="X-Auth-Request-User", WEB_TRUSTED_PROXIES="127.0.0.1")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def token_request(url: str, body: Optional[Dict[str, Any]] = None, **headers: str) -> Tuple[int, Dict[str, Any]]:
    request = urllib.request.Request(f"{url}/token", data=json.dumps(body or {}).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def claims(token: str) -> Dict[str, Any]:
    return jwt.decode(token, SECRET, algorithms=["HS256"], audience="axilla-web")


def test_each_token_is_bound_to_a_new_server_chosen_conversation(open_page: str) -> None:
    status, first = token_request(open_page)
    assert status == 200 and first["max_chars"] == 5000
    granted = claims(first["token"])
    assert granted["sub"] == f"web:{first['conversation_id']}"
    assert granted["exp"] - granted["iat"] == 600  # short-lived
    _, second = token_request(open_page, {"conversation_id": first["conversation_id"]})
    assert second["conversation_id"] != first["conversation_id"]  # the client never chooses the conversation


def test_an_earlier_token_continues_its_conversation_even_when_expired(open_page: str) -> None:
    _, first = token_request(open_page)
    expired = jwt.encode({**claims(first["token"]), "exp": int(time.time()) - 60}, SECRET, algorithm="HS256")
    status, again = token_request(open_page, {"token": expired})
    assert status == 200 and again["conversation_id"] == first["conversation_id"]
    assert claims(again["token"])["exp"] > time.time()
    forged = jwt.encode({**claims(first["token"]), "sub": "web:someone-else"}, "another-key-of-32-bytes-xxxxxxxx",
                        algorithm="HS256")
    assert token_request(open_page, {"token": forged})[0] == 403


def test_the_sso_header_is_not_honoured_unless_configured(open_page: str) -> None:
    status, answer = token_request(open_page, **{"X-Auth-Request-User": "mallory"})
    assert status == 200 and "user" not in claims(answer["token"])


def test_behind_the_sso_proxy_a_token_needs_the_signed_in_user(sso_page: str) -> None:
    assert token_request(sso_page)[0] == 401  # the proxy did not vouch for anyone
    status, alice = token_request(sso_page, **{"X-Auth-Request-User": "alice"})
    assert status == 200 and claims(alice["token"])["user"] == "alice"
    # Alice's conversation continues for Alice, never for Bob.
    status, again = token_request(sso_page, {"token": alice["token"]}, **{"X-Auth-Request-User": "alice"})
    assert status == 200 and again["conversation_id"] == alice["conversation_id"]
    assert token_request(sso_page, {"token": alice["token"]}, **{"X-Auth-Request-User": "bob"})[0] == 403


def test_the_page_server_refuses_to_serve_beyond_loopback_without_auth(tmp_path: Path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WEB_")}
    run = subprocess.run([sys.executable, "scripts/serve_web.py", "--host", "0.0.0.0", "--port", str(free_port())],
                         cwd=PROJECT, env=clean, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "WEB_JWT_SECRET" in run.stderr and "WEB_AUTH_USER_HEADER" in run.stderr
