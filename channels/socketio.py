"""Rasa's socket.io channel, sending each bot message as one event shaped like the REST channel's."""
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from service.logs import handling


class WebChatOutput(SocketIOOutput):
    """Emits `{text, quick_replies, custom}` in one `bot_uttered` event."""

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """Send a message with a `custom` payload whole; Rasa's own output crashes on it."""
        if not message.get("custom"):
            await super().send_response(recipient_id, message)
            return
        event: Dict[Text, Any] = {"text": message.get("text"), "custom": message["custom"]}
        if message.get("buttons"):
            event["quick_replies"] = [
                {"content_type": "text", "title": b["title"], "payload": b["payload"]}
                for b in message["buttons"]
            ]
        await self._send_message(recipient_id, event)


class WebChatInput(SocketIOInput):
    """Rasa's socket.io input channel answering through `WebChatOutput`."""

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """Rasa's blueprint, with each message's output channel replaced."""

        async def handle(message: UserMessage) -> None:
            message.output_channel = WebChatOutput(self.sio, self.bot_message_evt)
            with handling(message.text or ""):  # no message text in the logs
                await on_new_message(message)

        blueprint = super().blueprint(handle)

        @self.sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            # Rasa's handler forgets to await enter_room, a coroutine in python-socketio 5.
            session_id = (data or {}).get("session_id") or uuid.uuid4().hex
            if self.session_persistence:
                await self.sio.enter_room(sid, session_id, namespace=self.namespace)
            await self.sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        return blueprint
