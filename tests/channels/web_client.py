"""A socket.io client of the web chat channel, as a script (or an attacker) would use it."""
import asyncio
import time
from typing import Any, Dict, List, Optional, Tuple

import socketio

EVENTS = ("session_confirm", "bot_uttered", "session_refused", "message_refused", "last_answer", "disconnect")


class WebClient:
    """One connection; every event it receives recorded as (name, data)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.events: List[Tuple[str, Any]] = []
        for name in EVENTS:
            self.client.on(name, self._recorder(name))

    def _recorder(self, name: str) -> Any:
        async def record(*data: Any) -> None:
            self.events.append((name, data[0] if data else None))
        return record

    async def connect(self, token: Optional[str]) -> Optional[str]:
        """None when connected, else the refusal's message."""
        try:
            await self.client.connect(self.url, transports=["websocket"], socketio_path="/socket.io",
                                      auth={"token": token} if token else None, wait_timeout=10)
        except socketio.exceptions.ConnectionError as error:
            return str(error) or "refused"
        return None

    async def emit(self, event: str, data: Dict[str, Any]) -> None:
        await self.client.emit(event, data)

    async def wait_for(self, names: Tuple[str, ...], timeout: float = 90, count: int = 1) -> List[Tuple[str, Any]]:
        """The events of these names once `count` have arrived (fewer if the time runs out)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [e for e in self.events if e[0] in names]
            if len(found) >= count:
                return found
            await asyncio.sleep(0.1)
        return [e for e in self.events if e[0] in names]

    async def answer(self, text: str, session_id: str, timeout: float = 90) -> List[Dict[str, Any]]:
        """Sends `text`; the bot's messages once they stop coming (at least one)."""
        before = len([e for e in self.events if e[0] == "bot_uttered"])
        await self.emit("user_uttered", {"message": text, "session_id": session_id})
        await self.wait_for(("bot_uttered",), timeout, before + 1)
        await asyncio.sleep(1.5)  # the rest of the same answer
        return [data for name, data in self.events if name == "bot_uttered"][before:]

    async def close(self) -> None:
        if self.client.connected:
            await self.client.disconnect()


def customs(messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [m["custom"] for m in messages if isinstance(m, dict) and isinstance(m.get("custom"), dict)]
