"""Sender ids (the tracker store's conversation keys) namespaced per channel.

Every channel names its conversations `<channel>:<id>` (`web:…`, `slack:…`, `teams:…`, `rest:…`), so what one
channel's client sends as an id can never address a conversation of another channel: a REST client that
sends "slack:U123" talks in the conversation "rest:slack:U123".
"""
from typing import Text, Tuple

CHANNELS = ("web", "slack", "teams", "rest")


def namespaced(channel: Text, conversation: Text) -> Text:
    """The sender id of `conversation` in `channel`."""
    assert channel in CHANNELS, channel
    return f"{channel}:{conversation}"


def split(sender_id: Text) -> Tuple[Text, Text]:
    """(channel, conversation) of a namespaced sender id; ("", sender_id) for one without a channel."""
    channel, sep, conversation = sender_id.partition(":")
    return (channel, conversation) if sep and channel in CHANNELS else ("", sender_id)
