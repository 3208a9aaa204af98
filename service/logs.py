"""Keeps the text of the message being handled out of every log record at INFO and above."""
import contextlib
import contextvars
import json
import logging
from typing import Any, Awaitable, Callable, Iterator, Optional, Text

REDACTED = "[redacted]"

# Set by the channel and the action server for the duration of one message; asyncio copies it into tasks.
current_text: contextvars.ContextVar[Optional[Text]] = contextvars.ContextVar("current_text", default=None)


@contextlib.contextmanager
def handling(text: Text) -> Iterator[None]:
    """Marks `text` as the message being handled (what channels wrap around `on_new_message`)."""
    token = current_text.set(text)
    try:
        yield
    finally:
        current_text.reset(token)


def redacting(on_new_message: Callable[[Any], Awaitable[Any]]) -> Callable[[Any], Awaitable[Any]]:
    """`on_new_message` of a Rasa input channel, with the message's text marked for redaction while it runs."""
    async def handle(message: Any) -> Any:
        with handling(message.text or ""):
            return await on_new_message(message)
    return handle


def redact(message: Text, text: Text) -> Text:
    """`message` with `text` (as written and as JSON would escape it) replaced."""
    for form in {text, json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1]}:
        message = message.replace(form, REDACTED)
    return message


class MessageTextFilter(logging.Filter):
    """Redacts the current message's text from records at INFO and above, tracebacks included."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = current_text.get()
        if not text or record.levelno < logging.INFO:
            return True
        try:
            record.msg, record.args = redact(record.getMessage(), text), ()
        except (TypeError, ValueError):  # a broken format string: logging would print its arguments
            record.msg, record.args = f"unformattable log record from {record.name}", ()
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, text)
        return True


def install() -> None:
    """Adds the filter to every handler configured so far (root, Sanic's and the SDK's loggers)."""
    loggers = [logging.getLogger()] + [
        logger for logger in logging.root.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    for handler in {handler for logger in loggers for handler in logger.handlers}:
        if not any(isinstance(f, MessageTextFilter) for f in handler.filters):
            handler.addFilter(MessageTextFilter())
