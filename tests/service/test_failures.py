"""The action server crashes or hangs mid-conversation: the user is told, and the case goes on once it is back."""
import os
import signal
import uuid
from typing import Callable

from service_harness import CASES, Single, custom


def outage_then_recovery(single: Single, outage: Callable[[], None], recovery: Callable[[], None]) -> None:
    """Turn 1 asks for the size; the size sent during the outage gets 'unavailable'; sent again, the case ends."""
    sender = f"outage-{uuid.uuid4().hex[:8]}"
    (first, size), expected = CASES[2]
    assert custom(single.say(sender, first))["slot"] == "tumor_size_cm"
    outage()
    try:
        messages = single.say(sender, size)
    finally:
        recovery()
    assert custom(messages) == {"type": "unavailable"}
    assert "temporarily unavailable" in messages[0]["text"]

    answer = custom(single.say(sender, size))
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", expected)
    assert answer["facts"]["age"] == 45 and answer["facts"]["clinical_nodes"] == "negative"


def test_a_crashed_action_server(single: Single) -> None:
    outage_then_recovery(single, lambda: single.stop("actions", signal.SIGKILL), single.start_actions)


def test_a_hung_action_server(single: Single) -> None:
    """Stopped (SIGSTOP), it accepts the call and never answers: the turn times out (REST_TURN_TIMEOUT)."""
    pid = single.procs["actions"].pid
    outage_then_recovery(single, lambda: os.kill(pid, signal.SIGSTOP), lambda: os.kill(pid, signal.SIGCONT))
