"""Locust users of `make load` (scripts/load.py starts the servers and runs this headless).

Each user is one conversation of 8 turns with its own sender id, age and tumour sizes, as a clinician would
type them (think time between turns); every recommendation must carry that conversation's own facts and
variant, so an answer meant for another conversation fails the turn. The run quits once every conversation
has ended. LOAD_CONVERSATIONS (default 200) and LOAD_THINK ("min,max" seconds, default "5,15") tune it.
"""
from __future__ import annotations

import itertools
import os
import uuid
from typing import Any, Dict, List, Optional, Tuple

import gevent
from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

CONVERSATIONS = int(os.environ.get("LOAD_CONVERSATIONS", "200"))
THINK = tuple(float(s) for s in os.environ.get("LOAD_THINK", "5,15").split(","))
FAQS = ["why not MRI?", "what if the biopsy is negative?", "how should I word the order?", "how much radiation?"]
SIZES = [round(0.6 + 0.1 * n, 1) for n in range(45) if round(0.6 + 0.1 * n, 1) != 2.0]  # 2.0 cm sits on the line
_numbers = itertools.count()
ended = {"ok": 0, "failed": 0}
Turn = Tuple[str, str, Optional[Dict[str, Any]]]  # text, request name, what the custom payload must hold


def variant(nodes_positive: bool, size: float) -> str:
    """The variant a newly diagnosed, untreated case gets (ACR Imaging of the Axilla 3-6)."""
    return f"axilla-{(4 if nodes_positive else 3) + (2 if size > 2 else 0)}"


def recommendation(age: int, size: float, nodes_positive: bool) -> Dict[str, Any]:
    return {"type": "recommendation", "variant": variant(nodes_positive, size), "age": age, "size": size}


def conversation(n: int) -> List[Turn]:
    """Conversation n: one of three shapes, with its own age and two sizes (the second one a correction)."""
    age, size, size2 = 30 + n % 60, SIZES[n % len(SIZES)], SIZES[(n * 7 + 11) % len(SIZES)]
    shape = n % 3
    nodes_positive = shape != 0
    opening: List[Tuple[str, str, Optional[Dict[str, Any]]]]
    if shape == 0:  # the size comes in a later turn
        opening = [(f"{age}F, new IDC left breast, no palpable nodes, no treatment yet", "case",
                    {"type": "question", "slot": "tumor_size_cm"}),
                   (f"{size} cm", "size", recommendation(age, size, False))]
    elif shape == 1:  # one message
        opening = [(f"{age}F, new {size} cm IDC left breast, palpable 1.5 cm left axillary node, no treatment yet",
                    "case", recommendation(age, size, True)),
                   ("thanks", "small talk", None)]
    else:  # node-positive, size later
        opening = [(f"{age}F newly diagnosed L breast IDC, firm palpable L axillary node, no tx yet", "case",
                    {"type": "question", "slot": "tumor_size_cm"}),
                   (f"it's {size} cm", "size", recommendation(age, size, True))]
    faqs = [(text, "faq", {"type": "faq"}) for text in FAQS]
    return [("hello", "greeting", None), *opening, *faqs,
            (f"actually it's {size2} cm", "correction", recommendation(age, size2, nodes_positive))]


def mismatch(answer: Any, expected: Optional[Dict[str, Any]]) -> Optional[str]:
    """Why the answer is not the one expected (None when it is)."""
    if not isinstance(answer, list) or not answer:
        return f"no bot message: {answer!r}"[:300]
    payloads = [m["custom"] for m in answer if isinstance(m.get("custom"), dict)]
    if any(p.get("type") == "unavailable" for p in payloads):
        return "the assistant answered 'temporarily unavailable'"
    if expected is None:
        return None
    if len(payloads) != 1:
        return f"{len(payloads)} custom payloads"
    got = payloads[0]
    facts = got.get("facts") or {}
    checks = {"type": got.get("type"), "slot": got.get("slot"), "variant": (got.get("variant") or {}).get("id")
              if isinstance(got.get("variant"), dict) else got.get("variant"),
              "age": facts.get("age"), "size": facts.get("tumor_size_cm")}
    wrong = {key: (value, checks[key]) for key, value in expected.items() if checks[key] != value}
    return f"expected/got {wrong}" if wrong else None


class Clinician(FastHttpUser):
    """One conversation of 8 turns, then the user stops."""

    wait_time = between(*THINK)

    def on_start(self) -> None:
        self.number = next(_numbers)
        if self.number >= CONVERSATIONS:
            raise StopUser()
        self.sender = f"load-{self.number}-{uuid.uuid4().hex[:8]}"
        self.turns = conversation(self.number)
        self.failed = False

    @task
    def turn(self) -> None:
        text, name, expected = self.turns.pop(0)
        with self.client.post("/webhooks/rest/webhook", json={"sender": self.sender, "message": text}, name=name,
                              catch_response=True) as response:
            problem = f"HTTP {response.status_code}" if response.status_code != 200 else \
                mismatch(response.json(), expected)
            if problem:
                self.failed = True
                response.failure(problem)
        if not self.turns:
            self.end()

    def end(self) -> None:
        ended["failed" if self.failed else "ok"] += 1
        if sum(ended.values()) >= CONVERSATIONS:
            gevent.spawn(self.environment.runner.quit)  # not from this user's greenlet: quit kills users
        raise StopUser()


@events.quitting.add_listener
def report(environment: Any, **_: Any) -> None:
    """The conversations' verdict, after Locust's own figures."""
    print(f"conversations: {ended['ok']} of {CONVERSATIONS} with every answer their own, "
          f"{ended['failed']} failed, {CONVERSATIONS - sum(ended.values())} unfinished")
    if ended["ok"] != CONVERSATIONS:
        environment.process_exit_code = 1
