"""Rasa's REST channel behind a bearer token or a signed JWT, with validated input and an answer on failures.

credentials.yml:

    service.rest_auth.TokenRestInput:

Settings (credentials keys, else environment variables):
    token          / REST_AUTH_TOKEN       shared secret: `Authorization: Bearer <token>`
    jwt_secret     / REST_JWT_SECRET       key that signs JWTs: `Authorization: Bearer <jwt>` (with `exp`)
    jwt_algorithm  / REST_JWT_ALGORITHM    default HS256 (RS256 etc. take the public key as `jwt_secret`)
    turn_timeout   / REST_TURN_TIMEOUT     seconds one turn may take before the user is told to retry
                                           (else TURN_TIMEOUT, else 30)
With neither token nor secret the channel is open: local development only, and a warning says so at start-up;
a server bound to an address other than loopback (`rasa run --interface`) then refuses to start.

The client's `sender` names a conversation of the REST channel only: it is stored as `rest:<sender>`
(service/senders.py), so no REST client can reach a web, Slack or Teams conversation.
"""
import hmac
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import jwt
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from service import exposure, logs, senders, turns

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 250  # the SQL tracker store's sender_id column holds 255, less the "rest:" prefix
MAX_MESSAGE_CHARS = 5000
UNAVAILABLE_TEXT = turns.UNAVAILABLE_TEXT
CHANNEL = "rest"


class RequestError(Exception):
    """A request the channel refuses, with its HTTP status."""

    def __init__(self, status: int, message: Text) -> None:
        super().__init__(message)
        self.status = status


EMPTY_TEXT = "Your message was empty. Describe the patient, or ask a question about the guidance."
TOO_LONG_TEXT = ("Your message is {length} characters long; I read at most {limit}. Paste the part about this "
                 "patient (history, findings, impression) and send it again; the case so far is kept.")


def refusal(sender: Text, message: Text) -> Optional[List[Dict[Text, Any]]]:
    """The answer to an empty or too long message, in the shape of a turn's answer (`custom` type "refused",
    reason "empty" or "too_long", as the web chat's `message_refused` event); None for a message Rasa reads."""
    if not message.strip():
        return [{"recipient_id": sender, "text": EMPTY_TEXT, "custom": {"type": "refused", "reason": "empty"}}]
    if len(message) > MAX_MESSAGE_CHARS:
        return [{"recipient_id": sender, "text": TOO_LONG_TEXT.format(length=len(message), limit=MAX_MESSAGE_CHARS),
                 "custom": {"type": "refused", "reason": "too_long", "limit": MAX_MESSAGE_CHARS,
                            "length": len(message)}}]
    return None


class TokenRestInput(RestInput):
    """REST channel (`/webhooks/rest/webhook`) that requires a token or a signed JWT."""

    def __init__(
        self,
        token: Optional[Text] = None,
        jwt_secret: Optional[Text] = None,
        jwt_algorithm: Text = "HS256",
        turn_timeout: float = 30.0,
    ) -> None:
        self.token = token
        self.jwt_secret = jwt_secret
        self.jwt_algorithm = jwt_algorithm
        self.turn_timeout = turn_timeout

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TokenRestInput":
        """Reads the settings; called once when the server starts."""
        credentials = credentials or {}

        def setting(key: Text, env: Text, default: Optional[Text] = None) -> Optional[Text]:
            return credentials.get(key) or os.environ.get(env) or default

        channel = cls(
            token=setting("token", "REST_AUTH_TOKEN"),
            jwt_secret=setting("jwt_secret", "REST_JWT_SECRET"),
            jwt_algorithm=setting("jwt_algorithm", "REST_JWT_ALGORITHM") or "HS256",
            turn_timeout=turns.timeout_setting(credentials, "REST_TURN_TIMEOUT"),
        )
        logs.install()
        turns.install()  # also Rasa's action-response validation shim (service/rasa_shim.py)
        try:
            exposure.require_auth("Rasa server's REST channel", exposure.rasa_interface(),
                                  bool(channel.token or channel.jwt_secret), ["REST_AUTH_TOKEN", "REST_JWT_SECRET"])
        except exposure.OpenServerError as refused:
            raise InvalidConfigException(str(refused))
        if not (channel.token or channel.jwt_secret):
            logger.warning(
                "REST channel authentication is OFF: anyone who can reach /webhooks/rest/webhook can chat. "
                "Local development only; set REST_AUTH_TOKEN or REST_JWT_SECRET everywhere else."
            )
        return channel

    def authorize(self, request: Request) -> Dict[Text, Any]:
        """The JWT's claims ({} for the token or when off); raises a RequestError for missing or bad credentials."""
        if not (self.token or self.jwt_secret):
            return {}
        scheme, _, credential = (request.headers.get("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not credential:
            raise RequestError(401, "missing credentials: send 'Authorization: Bearer <token>'")
        if self.token and hmac.compare_digest(credential.encode(), self.token.encode()):
            return {}
        if not self.jwt_secret:
            raise RequestError(403, "invalid token")
        try:
            return jwt.decode(
                credential, self.jwt_secret, algorithms=[self.jwt_algorithm], options={"require": ["exp"]}
            )
        except jwt.PyJWTError:
            raise RequestError(403, "invalid or expired token")

    @staticmethod
    def parse(request: Request) -> Dict[Text, Any]:
        """The request body, checked: {"sender": str, "message": str, "metadata": optional object}."""
        try:
            body = request.json
        except InvalidUsage:
            raise RequestError(400, "the body must be JSON")
        if not isinstance(body, dict):
            raise RequestError(400, 'the body must be a JSON object: {"sender": "...", "message": "..."}')
        sender, message = body.get("sender"), body.get("message")
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
            raise RequestError(400, f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters")
        if not isinstance(message, str):
            raise RequestError(400, "'message' must be a string")
        if not isinstance(body.get("metadata") or {}, dict):
            raise RequestError(400, "'metadata' must be an object")
        return body

    async def answer(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]], request: Request, body: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """The assistant's messages for one turn, or the 'temporarily unavailable' answer if the turn failed
        or timed out (a turn that succeeds with no message, e.g. "/restart", answers nothing)."""
        sender = body["sender"]
        collector = CollectingOutputChannel()
        message = UserMessage(
            body["message"],
            collector,
            senders.namespaced(CHANNEL, sender),
            input_channel=self._extract_input_channel(request),
            metadata=body.get("metadata"),
        )
        # A failed custom action is logged by Rasa and leaves the turn without its answer; a slow one is cut
        # off (the turn is then not saved, so the facts stay as they were).
        if await turns.run(on_new_message, message, self.turn_timeout):
            return turns.unavailable_messages(sender)
        # The client knows its conversation by the id it sent, not by the stored one.
        return [{**m, "recipient_id": sender} for m in collector.messages]

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The health and webhook routes of Rasa's REST channel, guarded."""
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                claims = self.authorize(request)
                body = self.parse(request)
                # A JWT issued for one conversation cannot be used for another.
                if claims.get("sender", body["sender"]) != body["sender"]:
                    raise RequestError(403, "token not valid for this conversation")
            except RequestError as e:
                headers = {"WWW-Authenticate": "Bearer"} if e.status == 401 else None
                return response.json({"error": str(e)}, status=e.status, headers=headers)
            refused = refusal(body["sender"], body["message"])
            if refused:
                return response.json(refused)  # said in the conversation; Rasa never sees it, the case stays
            return response.json(await self.answer(on_new_message, request, body))

        return webhook
