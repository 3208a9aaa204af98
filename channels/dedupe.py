"""Remembers recently handled event ids (Slack's event_id, the Bot Framework's activity id) so that a platform's
retry of an event already handled is acknowledged without being answered again.

The memory is the server's own: behind a load balancer, route one conversation to one server (sticky sessions,
as socket.io needs anyway) or a retry reaching another server is answered again (docs/deployment.md).
"""
import asyncio
import collections
import logging
from typing import Any, Awaitable, Hashable, Set

logger = logging.getLogger(__name__)


class Seen:
    """The last `size` ids; `first(id)` is True only the first time an id is offered."""

    def __init__(self, size: int = 10000) -> None:
        self.size = size
        self._ids: "collections.OrderedDict[Hashable, None]" = collections.OrderedDict()

    def first(self, key: Hashable) -> bool:
        if key in self._ids:
            self._ids.move_to_end(key)
            return False
        self._ids[key] = None
        if len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True


_background: Set["asyncio.Task[Any]"] = set()


def in_background(turn: Awaitable[Any]) -> None:
    """Runs a turn after the webhook has answered (the task is kept until it ends)."""
    task = asyncio.ensure_future(turn)
    _background.add(task)
    task.add_done_callback(_background.discard)
