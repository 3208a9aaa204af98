"""The residents' web chat: Rasa's socket.io channel with its JWT authentication, each connection bound to one
server-issued conversation.

credentials.yml:

    channels.socketio.WebChatInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered

Settings (credentials keys, else environment variables):
    jwt_key      / WEB_JWT_SECRET      key that signs the web chat's tokens (Rasa's socket.io `jwt_key`); the
                                       page server's token endpoint (scripts/serve_web.py) signs with the same
    jwt_method   / WEB_JWT_ALGORITHM   default HS256 (Rasa's `jwt_method`)
    turn_timeout / WEB_TURN_TIMEOUT    seconds a turn may take before "temporarily unavailable" (else
                                       TURN_TIMEOUT, else 30)

With a key, a client connects only with `auth: {token}`, a JWT whose `sub` is the conversation it may use
(`web:<id>`, chosen by the token endpoint, never by the client); `session_request` and `user_uttered` for any
other conversation are refused. Without a key (local development, with a warning) the client's session id is
used, still in the `web:` namespace; a Rasa server bound to an address other than loopback then refuses to
start. Every bot message is one `bot_uttered` event shaped like the REST channel's message, a failed or
timed-out turn answers "temporarily unavailable", and `last_answer_request` re-sends the conversation's last
answer from the tracker (after a reconnect or a page reload).
"""
import inspect
import json
import logging
import os
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import jwt
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from service import exposure, senders, turns

logger = logging.getLogger(__name__)

CHANNEL = "web"
AUDIENCE = "axilla-web"  # tokens of the web chat; a REST JWT (another key, no such audience) is refused
MAX_MESSAGE_CHARS = 5000  # as the REST channel
REFUSED_EVT = "session_refused"  # {reason}: the connection is closed after it
MESSAGE_REFUSED_EVT = "message_refused"  # {reason, limit}: the message was not handled
LAST_ANSWER_REQUEST_EVT, LAST_ANSWER_EVT = "last_answer_request", "last_answer"


def verify_token(token: Any, key: Text, algorithm: Text) -> Optional[Text]:
    """The `web:` sender id a web chat token grants, or None for a missing, forged or expired token."""
    if not isinstance(token, str) or not token:
        return None
    try:
        claims = jwt.decode(token, key, algorithms=[algorithm], audience=AUDIENCE,
                            options={"require": ["exp", "sub", "aud"]})
    except jwt.PyJWTError as error:
        logger.info("web chat connection refused: %s", type(error).__name__)
        return None
    channel, conversation = senders.split(str(claims["sub"]))
    return claims["sub"] if channel == CHANNEL and conversation else None


def web_event(text: Optional[Text], data: Dict[Text, Any]) -> Dict[Text, Any]:
    """One bot message as the widget receives it: {text, custom, quick_replies} (Rasa's own sends `custom`
    alone, without the text, and splits text at blank lines)."""
    event: Dict[Text, Any] = {"text": text}
    if data.get("custom"):
        event["custom"] = data["custom"]
    buttons = data.get("buttons") or data.get("quick_replies") or []
    if buttons:
        event["quick_replies"] = [{"content_type": "text", "title": b.get("title"), "payload": b.get("payload")}
                                  for b in buttons]
    return event


class WebChatOutput(SocketIOOutput):
    """Emits `{text, quick_replies, custom}` in one `bot_uttered` event to the conversation's room."""

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """Send a message with a `custom` payload whole; Rasa's own output crashes on it."""
        if not message.get("custom"):
            await super().send_response(recipient_id, message)
            return
        await self._send_message(recipient_id, web_event(message.get("text"), message))


class WebChatInput(SocketIOInput):
    """Rasa's socket.io input channel, authenticated, one conversation per token."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        jwt_key = credentials.get("jwt_key") or os.environ.get("WEB_JWT_SECRET") or None
        try:
            exposure.require_auth("Rasa server's web chat (socket.io)", exposure.rasa_interface(), bool(jwt_key),
                                  ["WEB_JWT_SECRET"])
        except exposure.OpenServerError as refused:
            raise InvalidConfigException(str(refused))
        if not jwt_key:
            logger.warning("Web chat authentication is OFF: any socket.io client can open a web conversation. "
                           "Local development only; set WEB_JWT_SECRET (scripts/run.sh does) everywhere else.")
        channel = cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            True,  # session persistence: a conversation outlives its connection (reconnects, reloads)
            credentials.get("socketio_path", "/socket.io"),
            jwt_key,
            credentials.get("jwt_method") or os.environ.get("WEB_JWT_ALGORITHM") or "HS256",
            credentials.get("metadata_key", "metadata"),
        )
        channel.turn_timeout = turns.timeout_setting(credentials, "WEB_TURN_TIMEOUT")
        turns.install()  # also Rasa's action-response validation shim (service/rasa_shim.py)
        return channel

    turn_timeout = turns.DEFAULT_TIMEOUT_S
    app: Optional[Sanic] = None

    async def bound_sender(self, sio: AsyncServer, sid: Text, requested: Any) -> Optional[Text]:
        """The sender id this connection may use for a request naming `requested` (a conversation id, or
        None), or None when that is another conversation than the token's."""
        session = await sio.get_session(sid, namespace=self.namespace)
        bound = session.get("sender")
        if bound:  # a token: its conversation only
            if requested and senders.namespaced(CHANNEL, str(requested)) != bound and str(requested) != bound:
                return None
            return bound
        if self.jwt_key:
            return None
        conversation = str(requested) if requested else session.setdefault("conversation", uuid.uuid4().hex)
        return senders.namespaced(CHANNEL, senders.split(conversation)[1] if conversation.startswith("web:")
                                  else conversation)

    async def last_answer(self, sender: Text) -> List[Dict[Text, Any]]:
        """The bot messages after the conversation's last user message, from the tracker store."""
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return []
        tracker = store.retrieve(sender)
        if inspect.isawaitable(tracker):
            tracker = await tracker
        answer: List[Dict[Text, Any]] = []
        for event in reversed(list(tracker.events) if tracker else []):
            kind = getattr(event, "type_name", "")
            if kind == "user":
                break
            if kind == "bot":
                answer.insert(0, web_event(event.text, event.data or {}))
        return answer

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's socket.io blueprint, with the handlers below."""
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        channel = self

        class Webhook(SocketBlueprint):
            def register(self, app: Sanic, options: Dict[Text, Any]) -> None:
                channel.app = app  # for the tracker store (the last answer)
                super().register(app, options)

        webhook = Webhook(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            if not self.jwt_key:
                return True
            sender = verify_token((auth or {}).get("token") if isinstance(auth, dict) else None,
                                  self.jwt_key, self.jwt_algorithm)
            if not sender:
                raise ConnectionRefusedError("unauthorized: a valid token is needed")
            await sio.save_session(sid, {"sender": sender}, namespace=self.namespace)
            return True

        async def refuse(sid: Text, reason: Text) -> None:
            logger.warning("web chat: refused a request for another conversation")
            await sio.emit(REFUSED_EVT, {"reason": reason}, room=sid, namespace=self.namespace)
            await sio.disconnect(sid, namespace=self.namespace)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            requested = (data or {}).get("session_id") if isinstance(data, dict) else None
            sender = await self.bound_sender(sio, sid, requested)
            if not sender:
                return await refuse(sid, "this token is not valid for that conversation")
            await sio.save_session(sid, {**await sio.get_session(sid, namespace=self.namespace),
                                         "sender": sender}, namespace=self.namespace)
            await sio.enter_room(sid, sender, namespace=self.namespace)
            await sio.emit("session_confirm", senders.split(sender)[1], room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            sender = await self.bound_sender(sio, sid, data.get("session_id"))
            if not sender:
                return await refuse(sid, "this token is not valid for that conversation")
            text = data.get("message")
            if not isinstance(text, str) or not text.strip():
                return
            if len(text) > MAX_MESSAGE_CHARS:
                await sio.emit(MESSAGE_REFUSED_EVT, {"reason": "too_long", "limit": MAX_MESSAGE_CHARS,
                                                     "length": len(text)}, room=sid, namespace=self.namespace)
                return
            await sio.enter_room(sid, sender, namespace=self.namespace)
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            output = WebChatOutput(sio, self.bot_message_evt)
            message = UserMessage(text, output, sender, input_channel=self.name(),
                                  metadata=metadata if isinstance(metadata, dict) else {})
            if await turns.run(on_new_message, message, self.turn_timeout):
                await turns.answer_unavailable(output, sender)

        @sio.on(LAST_ANSWER_REQUEST_EVT, namespace=self.namespace)
        async def last_answer_request(sid: Text, data: Any = None) -> None:
            sender = (await sio.get_session(sid, namespace=self.namespace)).get("sender")
            if not sender:
                return
            try:
                messages = await self.last_answer(sender)
            except Exception:
                logger.exception("could not read the last answer from the tracker store")
                messages = []
            await sio.emit(LAST_ANSWER_EVT, {"messages": messages}, room=sid, namespace=self.namespace)

        return webhook
