#!/usr/bin/env python3
"""Serves the residents' chat page and the embeddable widget (web/static) on port 8080, and the token endpoint.

POST /token  ->  {"conversation_id", "token", "expires_in", "max_chars"}: a short-lived JWT (signed with
WEB_JWT_SECRET, checked by the Rasa server's socket.io channel) bound to a conversation id that this server
chooses. Sending {"token": <an earlier token>} continues that token's conversation (after a reload or when the
token expired), for the same signed-in user, up to WEB_CONVERSATION_HOURS (12) after it began.

The endpoint sits behind the hospital's single sign-on (docs/deployment.md): a reverse proxy or an OIDC proxy
(e.g. oauth2-proxy) authenticates the user and passes the user name in a header. Settings (environment):
    WEB_JWT_SECRET         the key shared with the Rasa server (unset: tokens are not issued and the chat is
                           open, local development only)
    WEB_AUTH_USER_HEADER   the header the proxy sets to the signed-in user (e.g. X-Auth-Request-User or
                           X-Forwarded-User); only honoured when set, and then required on every token request
    WEB_TRUSTED_PROXIES    comma-separated addresses the proxy connects from (default: any); requests from
                           others are refused when WEB_AUTH_USER_HEADER is set
    WEB_EMBED_ORIGINS      comma-separated origins of other sites that may embed the widget and ask for tokens
    WEB_TOKEN_TTL          seconds a token is valid (default 900)
Bound to an address other than loopback, the server refuses to start without WEB_JWT_SECRET and
WEB_AUTH_USER_HEADER.
"""
import argparse
import functools
import json
import logging
import os
import sys
import time
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

import jwt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from service import exposure  # noqa: E402

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
VENDOR = STATIC / "vendor" / "socket.io.min.js"
# Our own page runs no inline code: a script smuggled into it could not run either.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' ws: wss: http: https:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)

logger = logging.getLogger("serve_web")

AUDIENCE = "axilla-web"  # channels/socketio.py checks it
MAX_MESSAGE_CHARS = 5000  # channels/socketio.py refuses longer messages
MAX_BODY_BYTES = 16384


class TokenIssuer:
    """Issues the web chat's tokens: each bound to a conversation id chosen here, for the signed-in user."""

    def __init__(self, secret: Optional[str], user_header: Optional[str] = None, trusted_proxies: Tuple[str, ...] = (),
                 ttl_s: int = 900, conversation_hours: float = 12, algorithm: str = "HS256") -> None:
        self.secret, self.user_header, self.trusted_proxies = secret, user_header, trusted_proxies
        self.ttl_s, self.conversation_s, self.algorithm = ttl_s, conversation_hours * 3600, algorithm

    @classmethod
    def from_env(cls) -> "TokenIssuer":
        proxies = tuple(p.strip() for p in os.environ.get("WEB_TRUSTED_PROXIES", "").split(",") if p.strip())
        return cls(os.environ.get("WEB_JWT_SECRET") or None, os.environ.get("WEB_AUTH_USER_HEADER") or None, proxies,
                   int(os.environ.get("WEB_TOKEN_TTL") or 900), float(os.environ.get("WEB_CONVERSATION_HOURS") or 12),
                   os.environ.get("WEB_JWT_ALGORITHM") or "HS256")

    def user(self, peer: str, headers: Any) -> Optional[str]:
        """The signed-in user the proxy vouches for ("" when no SSO is configured); None: not signed in."""
        if not self.user_header:
            return ""  # the header is not trusted unless configured
        if self.trusted_proxies and peer not in self.trusted_proxies:
            return None
        return (headers.get(self.user_header) or "").strip() or None

    def issue(self, user: str, earlier: Any) -> Tuple[int, Dict[str, Any]]:
        """(HTTP status, answer) for a token request by `user`, continuing `earlier`'s conversation if given."""
        now = int(time.time())
        conversation, started = uuid.uuid4().hex, now
        if earlier and self.secret:
            try:
                claims = jwt.decode(earlier, self.secret, algorithms=[self.algorithm], audience=AUDIENCE,
                                    options={"verify_exp": False, "require": ["sub", "started"]})
            except jwt.PyJWTError:
                return 403, {"error": "not a token of this chat"}
            if claims.get("user", "") != user:
                return 403, {"error": "that conversation belongs to another user"}
            if now - int(claims["started"]) > self.conversation_s:
                return 403, {"error": "that conversation has expired: start a new one"}
            conversation, started = str(claims["sub"]).split(":", 1)[1], int(claims["started"])
        answer: Dict[str, Any] = {"conversation_id": conversation, "token": None, "expires_in": self.ttl_s,
                                  "max_chars": MAX_MESSAGE_CHARS}
        if self.secret:
            claims = {"sub": f"web:{conversation}", "aud": AUDIENCE, "iat": now, "exp": now + self.ttl_s,
                      "started": started}
            if user:
                claims["user"] = user
            answer["token"] = jwt.encode(claims, self.secret, algorithm=self.algorithm)
        return 200, answer


ISSUER = TokenIssuer(None)
EMBED_ORIGINS: Tuple[str, ...] = ()


class Handler(SimpleHTTPRequestHandler):
    """Static files, plus config.js made from --rasa-url when given."""

    config_js: Optional[bytes] = None
    # Pages of other sites load widget.js: without a charset they would decode it as windows-1252.
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
    }

    def do_GET(self) -> None:
        if self.config_js is not None and self.path.split("?")[0] == "/config.js":
            self._send_bytes(self.config_js, self.extensions_map[".js"])
        else:
            super().do_GET()

    def do_OPTIONS(self) -> None:
        """CORS preflight of a token request from a page that embeds the widget."""
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        if self.path.split("?")[0] != "/token":
            return self._send_json(404, {"error": "not found"})
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            return self._send_json(413, {"error": "request too large"})
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self._send_json(400, {"error": "the body must be JSON"})
        user = ISSUER.user(self.client_address[0], self.headers)
        if user is None:
            logger.warning("token refused: no signed-in user from the SSO proxy")
            return self._send_json(401, {"error": "sign in through the hospital's single sign-on first"})
        status, answer = ISSUER.issue(user, body.get("token") if isinstance(body, dict) else None)
        self._send_json(status, answer)

    def _send_json(self, status: int, data: Dict[str, Any]) -> None:
        self._send_bytes(json.dumps(data).encode(), "application/json", status)

    def _allowed_origin(self) -> Optional[str]:
        origin = self.headers.get("Origin")
        return origin if origin and (origin in EMBED_ORIGINS or not ISSUER.user_header) else None

    def _send_bytes(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.path.split("?")[0] == "/token" or self.command == "OPTIONS":
            # Tokens only for this page, and for the sites allowed to embed the widget (with their SSO cookies);
            # without SSO (local development) for any page.
            self.send_header("Cache-Control", "no-store")
            origin = self._allowed_origin()
            if origin:
                self.send_header("Access-Control-Allow-Origin", origin)
                self.send_header("Access-Control-Allow-Credentials", "true")
                self.send_header("Vary", "Origin")
        else:
            self.send_header("Cache-Control", "no-cache")
            # Other sites embed widget.js/css, so those may be fetched from any origin.
            self.send_header("Access-Control-Allow-Origin", "*")
        if self.path.split("?")[0].endswith((".html", "/")):
            self.send_header("Content-Security-Policy", PAGE_CSP)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        logger.debug(format, *args)


def config_script(rasa_url: str) -> bytes:
    """The page's config.js pointing at `rasa_url`."""
    return f"window.AXILLA_CHAT_CONFIG = {json.dumps({'rasaUrl': rasa_url})};\n".encode()


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (0.0.0.0 for the LAN)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-url", help="Rasa server the page talks to (default: the page's host, port 5005)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(name)s %(message)s")
    global ISSUER, EMBED_ORIGINS
    ISSUER = TokenIssuer.from_env()
    EMBED_ORIGINS = tuple(o.strip() for o in os.environ.get("WEB_EMBED_ORIGINS", "").split(",") if o.strip())
    missing = [name for name, value in (("WEB_JWT_SECRET", ISSUER.secret), ("WEB_AUTH_USER_HEADER", ISSUER.user_header))
               if not value]
    if missing and not exposure.is_loopback(args.host):
        print(exposure.refusal("web page server", args.host, [" and ".join(missing)]), file=sys.stderr)
        return 2
    if not ISSUER.secret:
        logger.warning("web chat tokens are OFF (no WEB_JWT_SECRET): local development only")
    elif not ISSUER.user_header:
        logger.warning("no single sign-on in front of the token endpoint (WEB_AUTH_USER_HEADER unset): "
                       "anyone who reaches this page gets a conversation; local development only")
    if not VENDOR.is_file():
        print(f"{VENDOR} is missing: run `make web` (scripts/install_browser.sh) first", file=sys.stderr)
        return 2
    handler = functools.partial(Handler, directory=str(STATIC))
    if args.rasa_url:
        Handler.config_js = config_script(args.rasa_url)
    server = ThreadingHTTPServer((args.host, args.port), handler)
    logger.info("chat page on http://%s:%d/", args.host, server.server_address[1])
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
