"""The action server crashes mid-conversation: the user is told, and the case goes on once it is back."""
import signal
import uuid

from service_harness import CASES, Single, custom


def test_a_crashed_action_server_gets_an_answer_and_the_facts_survive(single: Single) -> None:
    sender = f"outage-{uuid.uuid4().hex[:8]}"
    (first, size), expected = CASES[2]
    assert custom(single.say(sender, first))["slot"] == "tumor_size_cm"

    single.stop("actions", signal.SIGKILL)
    try:
        messages = single.say(sender, size)
    finally:
        single.start_actions()
    assert custom(messages) == {"type": "unavailable"}
    assert "temporarily unavailable" in messages[0]["text"]

    answer = custom(single.say(sender, size))
    assert (answer["type"], answer["variant"]["id"]) == ("recommendation", expected)
    assert answer["facts"]["age"] == 45 and answer["facts"]["clinical_nodes"] == "negative"
