"""Rasa SDK's action server that accepts calls only from Rasa and listens on 127.0.0.1 unless configured.

    python -m service.action_server --actions actions --port 5055     (the arguments of `rasa run actions`)

ACTION_SERVER_TOKEN  the secret Rasa sends in the X-Action-Token header (endpoints.yml: action_endpoint.headers);
                     unset: local development only, and a warning says so at start-up; the server then refuses
                     to start on an address other than loopback.
SANIC_HOST           the interface to listen on (default 127.0.0.1).
"""
import hmac
import logging
import os
import sys
from typing import Optional

import pluggy
import rasa_sdk.__main__
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from service import exposure, logs

TOKEN_HEADER = "X-Action-Token"
logger = logging.getLogger(__name__)
hookimpl = pluggy.HookimplMarker("rasa_sdk")


def latest_text(request: Request) -> Optional[str]:
    """The user's message in an action call (what the logs must not show)."""
    try:
        call = request.json
    except InvalidUsage:
        return None
    tracker = call.get("tracker") if isinstance(call, dict) else None
    return ((tracker or {}).get("latest_message") or {}).get("text")


class Guard:
    """Rasa SDK plugin: a token check on every route but /health, and conversations kept out of logs."""

    def __init__(self, token: Optional[str]) -> None:
        self.token = token

    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        """Installs the log filter and the request middleware (the SDK calls this before serving)."""
        logs.install()
        if not self.token:
            logger.warning(
                "Action server authentication is OFF: anyone who can reach it can run actions. "
                "Local development only; set ACTION_SERVER_TOKEN (and the same header in endpoints.yml)."
            )

        @app.middleware("request")
        async def guard(request: Request) -> Optional[HTTPResponse]:
            if request.path == "/health":
                return None
            sent = request.headers.get(TOKEN_HEADER)
            if self.token and not sent:
                return response.json({"error": f"missing {TOKEN_HEADER} header"}, status=401)
            if self.token and not hmac.compare_digest((sent or "").encode(), self.token.encode()):
                return response.json({"error": f"invalid {TOKEN_HEADER}"}, status=403)
            logs.current_text.set(latest_text(request) if request.path == "/webhook" else None)
            return None

        # The SDK answers a failed action with the whole call (the conversation) in the body, which Rasa logs.
        @app.middleware("response")
        async def no_conversation_in_errors(request: Request, answer: HTTPResponse) -> Optional[HTTPResponse]:
            if answer.status < 500:
                return None
            return response.json({"error": "the action failed: see the action server's log"}, status=answer.status)


def main() -> None:
    """Runs `rasa run actions` with the guard."""
    os.environ.setdefault("SANIC_HOST", "127.0.0.1")
    token = os.environ.get("ACTION_SERVER_TOKEN")
    try:
        exposure.require_auth("action server", os.environ["SANIC_HOST"], bool(token), ["ACTION_SERVER_TOKEN"])
    except exposure.OpenServerError as refused:
        print(refused, file=sys.stderr)
        sys.exit(2)
    plugin_manager().register(Guard(token))
    rasa_sdk.__main__.main()


if __name__ == "__main__":
    main()
