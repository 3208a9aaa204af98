"""Concurrent conversations over Rasa's REST channel (aiohttp): latency per turn and turns per second."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import List, Sequence

import aiohttp


@dataclass
class Level:
    """What one concurrency level measured."""

    concurrency: int
    latencies: List[float] = field(default_factory=list)  # seconds per turn
    errors: int = 0
    wall: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0


async def converse(session: aiohttp.ClientSession, url: str, sender: str, turns: Sequence[str], level: Level) -> None:
    """One conversation, turn after turn; a turn that is not a 200 with bot messages counts as an error."""
    for text in turns:
        start = time.perf_counter()
        try:
            async with session.post(url, json={"sender": sender, "message": text}) as response:
                answer = await response.json()
                ok = response.status == 200 and bool(answer)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            ok = False
        level.latencies.append(time.perf_counter() - start)
        level.errors += not ok


async def run_level(base_url: str, turns: Sequence[str], concurrency: int, conversations: int, tag: str) -> Level:
    """`conversations` conversations, `concurrency` of them at any time, each with its own sender id."""
    level = Level(concurrency)
    pending = iter(range(conversations))
    url = f"{base_url}/webhooks/rest/webhook"
    timeout = aiohttp.ClientTimeout(total=120)

    async def worker(session: aiohttp.ClientSession) -> None:
        for n in pending:
            await converse(session, url, f"{tag}-c{concurrency}-{n}", turns, level)

    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        start = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        level.wall = time.perf_counter() - start
    return level
