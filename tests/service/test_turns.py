"""service/turns.py: what counts as a failed turn, for every channel (unit tests, no server)."""
import asyncio
import logging
from types import SimpleNamespace

from service import turns


def run(handler, timeout: float = 2.0) -> bool:
    return asyncio.run(turns.run(handler, SimpleNamespace(text="58F 3 cm IDC"), timeout))


def test_a_turn_that_answers_nothing_is_not_a_failure() -> None:
    async def empty(_message):  # "/restart" with Rasa's own action: no bot message at all
        return None
    assert run(empty) is False


def test_a_failed_action_logged_by_rasa_is_a_failure() -> None:
    async def action_failed(_message):  # Rasa's processor catches the action's exception and logs it
        logging.getLogger("rasa.core.processor").error("Encountered an exception while running action 'x'")
    assert run(action_failed) is True


def test_an_exception_and_a_timeout_are_failures() -> None:
    async def raises(_message):
        raise RuntimeError("boom")

    async def slow(_message):
        await asyncio.sleep(5)
    assert run(raises) is True
    assert run(slow, timeout=0.2) is True


def test_another_turns_failure_does_not_leak_into_this_one() -> None:
    async def both():
        async def fails(_message):
            logging.getLogger("rasa.core.processor").error("Encountered an exception while running action 'x'")

        async def fine(_message):
            await asyncio.sleep(0.05)
        message = SimpleNamespace(text="x")
        return await asyncio.gather(turns.run(fails, message, 2), turns.run(fine, message, 2))
    assert asyncio.run(both()) == [True, False]


class Collected:
    """An output channel that keeps what it is sent."""

    def __init__(self) -> None:
        self.sent = []

    async def send_response(self, recipient_id, message) -> None:
        self.sent.append((recipient_id, message))


def turn_of(text: str, handler) -> Collected:
    output = Collected()
    message = SimpleNamespace(text=text, sender_id="rest:u1", output_channel=output)
    assert asyncio.run(turns.run(handler, message, 2.0)) is False
    return output


async def nothing(_message):  # Rasa's own session start sends no message
    return None


def test_a_typed_session_start_is_confirmed_with_its_payload() -> None:
    [(recipient, message)] = turn_of(" /session_start ", nothing).sent
    assert recipient == "rest:u1" and message["custom"] == {"type": "smalltalk", "intent": "session_start"}
    assert "new session" in message["text"]


def test_other_messages_get_no_confirmation() -> None:
    assert turn_of("58F, new 3 cm IDC", nothing).sent == []
