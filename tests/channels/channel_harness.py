"""The channel tests' harness: local stand-ins for the Slack Web API and the Bot Framework, recording every
call made to them, and the environment and credentials that point the channels at them."""
import json
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

import bot

PROJECT = Path(__file__).resolve().parents[2]
BIN = PROJECT / ".venv" / "bin"
STARTUP_S = 240  # loading the model (spaCy, TensorFlow) is slow on a busy machine

SLACK_TOKEN, SLACK_SECRET = "xoxb-stand-in", "stand-in-signing-secret"
APP_ID, APP_PASSWORD, TENANT = "11111111-2222-3333-4444-555555555555", "stand-in-secret", "contoso-tenant-id"
ISSUER, KEY_ID, STAND_IN_TOKEN = "https://api.botframework.com", "stand-in-key", "stand-in-access-token"


# A case, and cases of other variants for the renderers (the core decides their variants).
CASE = "58F new 3 cm IDC left breast, palpable left axillary node, no treatment yet"
MATCHED = [
    "70F newly diagnosed 1.5 cm IDC right breast, no palpable or suspicious nodes, no treatment yet",
    "58F newly diagnosed 1.8 cm IDC left breast, palpable left axillary node, untreated",
    "61F newly diagnosed 2.8 cm ILC left breast, clinically node negative, no treatment yet",
    CASE,
    "46F left breast IDC 3.5 cm, cN0 at diagnosis, on neoadjuvant chemotherapy, new lump in her left axilla",
    "54F 4.2 cm left breast IDC, cN0 at diagnosis, completed neoadjuvant chemotherapy, surgery next month",
    "55F 4 cm IDC with biopsy-proven axillary node, completed neoadjuvant chemotherapy, pre-surgery",
    "68F with a biopsy-proven local recurrence of breast cancer at the lumpectomy scar, no distant disease",
]
NEEDS_INFO = "62F newly diagnosed 3 cm IDC right breast, no treatment yet"
OUT_OF_SCOPE = "35M with a sprained ankle, what imaging?"


def payload_of(result: Any) -> Dict[str, Any]:
    """The contract's `custom` payload (§2) an action sends for a core result."""
    if result.status == "matched":
        return {"type": "recommendation", **result.to_dict()}
    if result.status == "needs_info":
        return {"type": "question", "slot": result.missing[0], "facts": result.facts}
    return {"type": "out_of_scope", **result.to_dict()}


def payload_with_evidence() -> Dict[str, Any]:
    """A recommendation payload (MATCHED[3]) with hand-written evidence: one span of this message, one carried."""
    without = {key: value for key, value in payload_of(bot.analyze(MATCHED[3])).items() if key != "evidence"}
    return {**without, "evidence": {
        "tumor_size_cm": [{"start": 8, "end": 12, "text": "3 cm"}],
        "clinical_nodes": [{"start": 30, "end": 52, "text": "palpable left axillary", "turn": 1, "carried": True}]}}





def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class StandIn:
    """The Slack Web API and the Bot Framework on 127.0.0.1, recording each call."""

    def __init__(self, echo: bool = False) -> None:
        self.echo = echo
        self.key = new_key()
        self.calls: List[Dict[str, Any]] = []
        self._changed = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.service_url = f"{self.url}/connector/"

    def jwks(self) -> Dict[str, Any]:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**jwk, "kid": KEY_ID, "use": "sig", "endorsements": ["msteams", "emulator"]}]}

    def token(self, key: Optional[rsa.RSAPrivateKey] = None, **claims: Any) -> str:
        """A connector token signed as the Bot Framework signs it; a claim given as None is left out."""
        now = int(time.time())
        body = {"iss": ISSUER, "aud": APP_ID, "serviceUrl": self.service_url,
                "nbf": now - 10, "iat": now - 10, "exp": now + 3600, **claims}
        return jwt.encode({k: v for k, v in body.items() if v is not None}, key or self.key,
                          algorithm="RS256", headers={"kid": KEY_ID})

    def record(self, call: Dict[str, Any]) -> None:
        if self.echo:
            print(json.dumps(call, indent=1, ensure_ascii=False), flush=True)
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def wait_for(self, wanted: Callable[[Dict[str, Any]], bool], count: int = 1,
                 timeout: float = 120) -> List[Dict[str, Any]]:
        """The first `count` calls matching `wanted`, once they have arrived."""
        with self._changed:
            self._changed.wait_for(lambda: len(self.matching(wanted)) >= count, timeout)
            found = self.matching(wanted)
        assert len(found) >= count, f"expected {count} matching calls, got {found}"
        return found[:count]

    def matching(self, wanted: Callable[[Dict[str, Any]], bool]) -> List[Dict[str, Any]]:
        return [call for call in list(self.calls) if wanted(call)]


def _handler(stand_in: StandIn) -> type:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/openid":
                self._json({"issuer": ISSUER, "jwks_uri": f"{stand_in.url}/keys",
                            "id_token_signing_alg_values_supported": ["RS256"]})
            elif self.path == "/keys":
                self._json(stand_in.jwks())
            else:
                self._json({"error": "not found"}, 404)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            call = {"path": self.path, "auth": self.headers.get("Authorization")}
            if self.path == "/slack/api/chat.postMessage":
                call.update(kind="slack", json=json.loads(body))
                answer = {"ok": True, "channel": call["json"]["channel"], "ts": f"{time.time():.6f}"}
            elif self.path.startswith("/login/") and self.path.endswith("/oauth2/v2.0/token"):
                call.update(kind="token", form=dict(urllib.parse.parse_qsl(body.decode())))
                answer = {"token_type": "Bearer", "expires_in": 3600, "access_token": STAND_IN_TOKEN}
            elif self.path.startswith("/connector/v3/conversations/"):
                call.update(kind="reply", json=json.loads(body))
                answer = {"id": f"reply-{len(stand_in.calls)}"}
            else:
                return self._json({"error": "not found"}, 404)
            stand_in.record(call)
            self._json(answer)

        def _json(self, data: Dict[str, Any], status: int = 200) -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


def channel_env(stand_in: StandIn) -> Dict[str, str]:
    """The environment that turns both channels on, pointed at the stand-in."""
    return {
        "SLACK_BOT_TOKEN": SLACK_TOKEN, "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": f"{stand_in.url}/slack/api/",
        "TEAMS_APP_ID": APP_ID, "TEAMS_APP_PASSWORD": APP_PASSWORD, "TEAMS_TENANT_ID": TENANT,
        "TEAMS_LOGIN_URL": f"{stand_in.url}/login", "TEAMS_OPENID_METADATA_URL": f"{stand_in.url}/openid",
        "REST_AUTH_TOKEN": REST_TOKEN, "WEB_JWT_SECRET": WEB_SECRET, "TURN_TIMEOUT": str(TURN_TIMEOUT_S),
    }


# The entries the project's credentials.yml has for these channels: the secrets come from the environment.
CREDENTIALS = """\
service.rest_auth.TokenRestInput:
channels.socketio.WebChatInput:
  user_message_evt: user_uttered
  bot_message_evt: bot_uttered
channels.slack.SlackInput:
  use_threads: true
  conversation_granularity: thread
channels.teams.TeamsInput:
"""
# The REST and web chat secrets of the test server, and its turn time limit (service/turns.py).
REST_TOKEN, WEB_SECRET, TURN_TIMEOUT_S = "rest-stand-in-token", "web-stand-in-secret-of-32-bytes!", 15


def web_token(conversation: str, secret: str = WEB_SECRET, ttl: int = 600, **claims: Any) -> str:
    """A web chat token as the token endpoint (scripts/serve_web.py) issues it."""
    now = int(time.time())
    body = {"sub": f"web:{conversation}", "aud": "axilla-web", "iat": now, "exp": now + ttl, "started": now,
            **claims}
    return jwt.encode({k: v for k, v in body.items() if v is not None}, secret, algorithm="HS256")





def start(args: List[str], env: Dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen(args, cwd=PROJECT, env=env, stdout=out, stderr=subprocess.STDOUT)


def main() -> None:
    """Serve the stand-in for trying the channels by hand (docs/slack.md, docs/teams.md) until Ctrl-C."""
    stand_in = StandIn(echo=True)
    print("# Export these for `make run`; each call the assistant makes here is printed below.")
    for name, value in channel_env(stand_in).items():
        print(f"export {name}={value}")
    print(f"export TEAMS_SERVICE_URL={stand_in.service_url}")
    print(f"export TEAMS_TEST_TOKEN={stand_in.token()}  # valid for an hour", flush=True)
    try:
        stand_in.server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
