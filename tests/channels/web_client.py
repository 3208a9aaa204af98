"""A socket.io client of the web chat channel, as a script (or an attacker) would use it.

python-socketio's synchronous client over websocket-client (its asyncio client needs a newer aiohttp than
Rasa 3.6 pins)."""
import threading
import time
from typing import Any, Dict, List, Optional, Tuple

import socketio

EVENTS = ("session_confirm", "bot_uttered", "session_refused", "message_refused", "last_answer", "disconnect")


class WebClient:
    """One connection; every event it receives recorded as (name, data)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.Client(reconnection=False)
        self.events: List[Tuple[str, Any]] = []
        self._lock = threading.Lock()
        for name in EVENTS:
            self.client.on(name, self._recorder(name))

    def _recorder(self, name: str) -> Any:
        def record(*data: Any) -> None:
            with self._lock:
                self.events.append((name, data[0] if data else None))
        return record

    def connect(self, token: Optional[str]) -> Optional[str]:
        """None when connected, else the refusal's message."""
        try:
            self.client.connect(self.url, transports=["websocket"], socketio_path="/socket.io",
                                auth={"token": token} if token else None, wait_timeout=10)
        except socketio.exceptions.ConnectionError as error:
            return str(error) or "refused"
        return None

    def emit(self, event: str, data: Dict[str, Any]) -> None:
        self.client.emit(event, data)

    def found(self, names: Tuple[str, ...]) -> List[Tuple[str, Any]]:
        with self._lock:
            return [e for e in self.events if e[0] in names]

    def wait_for(self, names: Tuple[str, ...], timeout: float = 90, count: int = 1) -> List[Tuple[str, Any]]:
        """The events of these names once `count` have arrived (fewer if the time runs out)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.found(names)) < count:
            time.sleep(0.1)
        return self.found(names)

    def answer(self, text: str, session_id: str, timeout: float = 90) -> List[Dict[str, Any]]:
        """Sends `text`; the bot's messages once they stop coming (at least one)."""
        before = len(self.found(("bot_uttered",)))
        self.emit("user_uttered", {"message": text, "session_id": session_id})
        self.wait_for(("bot_uttered",), timeout, before + 1)
        time.sleep(1.5)  # the rest of the same answer
        return [data for _, data in self.found(("bot_uttered",))][before:]

    def close(self) -> None:
        if self.client.connected:
            self.client.disconnect()


def customs(messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [m["custom"] for m in messages if isinstance(m, dict) and isinstance(m.get("custom"), dict)]
