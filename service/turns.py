"""One turn of a conversation, the same in every channel: a time limit, and the 'temporarily unavailable'
answer when the turn fails or times out.

A turn fails when it raises, when it exceeds the time limit (the turn is then cancelled before Rasa saves
the tracker, so the case's facts stay as they were), or when Rasa logs that an action failed (Rasa's processor
catches that exception itself, logs it and goes on with an answer missing). A turn that succeeds without a bot
message is not a failure. A typed "/session_start" runs Rasa's own session start (no call to the action server,
which a custom one would cost at the start of every conversation), and is confirmed here.

Settings: `turn_timeout` in a channel's credentials, else TURN_TIMEOUT (REST_TURN_TIMEOUT for the REST
channel first), else 30 seconds.
"""
import asyncio
import contextvars
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Text

from service import logs, rasa_shim

logger = logging.getLogger(__name__)

UNAVAILABLE_TEXT = (
    "The case analysis is temporarily unavailable. Please send your last message again in a moment; "
    "the case details given so far are kept."
)
UNAVAILABLE: Dict[Text, Any] = {"type": "unavailable"}
SESSION_STARTED_TEXT = "A new session has started, with no case yet. Describe the patient."
SESSION_STARTED: Dict[Text, Any] = {"type": "smalltalk", "intent": "session_start"}
SESSION_START_COMMAND = "/session_start"
DEFAULT_TIMEOUT_S = 30.0
# Where Rasa logs an action that failed (e.g. the action server down): "Encountered an exception while running
# action ...", then it carries on without the action's events.
ACTION_FAILURE_LOGGERS = ("rasa.core.processor",)

# The current turn's record: set by run(), marked by the log filter below; asyncio copies it into tasks.
_turn: contextvars.ContextVar[Optional[Dict[Text, Any]]] = contextvars.ContextVar("turn", default=None)


class ActionFailureFlag(logging.Filter):
    """Marks the current turn as failed when Rasa logs an error while running it (lets the record through)."""

    def filter(self, record: logging.LogRecord) -> bool:
        turn = _turn.get()
        if turn is not None and record.levelno >= logging.ERROR:
            turn["failed"] = True
        return True


def install() -> None:
    """Adds the failure flag to the loggers where Rasa reports failed actions (once), and the action-response
    validation shim when Rasa's action module is loaded (service/rasa_shim.py)."""
    rasa_shim.install_if_loaded()
    for name in ACTION_FAILURE_LOGGERS:
        target = logging.getLogger(name)
        if not any(isinstance(f, ActionFailureFlag) for f in target.filters):
            target.addFilter(ActionFailureFlag())


def timeout_setting(credentials: Optional[Mapping[Text, Any]], *env_names: Text) -> float:
    """The turn time limit in seconds: credentials' `turn_timeout`, else the first variable set, else 30."""
    for value in [(credentials or {}).get("turn_timeout"), *(os.environ.get(n) for n in (*env_names, "TURN_TIMEOUT"))]:
        if value not in (None, ""):
            return float(value)
    return DEFAULT_TIMEOUT_S


async def run(on_new_message: Callable[[Any], Awaitable[Any]], message: Any, timeout: float) -> bool:
    """Handles one user message within `timeout` seconds, its text kept out of the logs; True if it failed."""
    install()
    turn: Dict[Text, Any] = {"failed": False}
    token = _turn.set(turn)
    try:
        with logs.handling(message.text or ""):
            try:
                await asyncio.wait_for(on_new_message(message), timeout)
            except asyncio.TimeoutError:
                logger.error("turn timed out after %ss (action server slow or stopped?)", timeout)
                turn["failed"] = True
            except Exception:
                logger.exception("turn failed")
                turn["failed"] = True
    finally:
        _turn.reset(token)
    if not turn["failed"] and (message.text or "").strip() == SESSION_START_COMMAND:
        await confirm_session_start(message)
    return turn["failed"]


async def confirm_session_start(message: Any) -> None:
    """Says that a typed "/session_start" started a session with no case (contract: smalltalk, session_start)."""
    try:
        await message.output_channel.send_response(message.sender_id, {"text": SESSION_STARTED_TEXT,
                                                                       "custom": dict(SESSION_STARTED)})
    except Exception:
        logger.exception("could not confirm the new session")


async def answer_unavailable(output_channel: Any, recipient_id: Text) -> None:
    """The 'temporarily unavailable' answer, as one message with its `custom` payload."""
    try:
        await output_channel.send_response(recipient_id, {"text": UNAVAILABLE_TEXT, "custom": dict(UNAVAILABLE)})
    except Exception:
        logger.exception("could not send the 'temporarily unavailable' answer")


def unavailable_messages(recipient_id: Text) -> List[Dict[Text, Any]]:
    """The REST channel's form of that answer: the text, then the payload (as Rasa's collector gives them)."""
    return [{"recipient_id": recipient_id, "text": UNAVAILABLE_TEXT},
            {"recipient_id": recipient_id, "custom": dict(UNAVAILABLE)}]
