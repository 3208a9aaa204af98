"""Channel settings from credentials.yml or the environment, and the stand-in for a channel left off.

Rasa's `${VAR}` substitution in credentials.yml stops the server when VAR is unset, so the secrets are read
here instead: one credentials.yml then serves machines with and without Slack or Teams. A channel none of
whose variables is set is off (every request refused); a channel with only some of them set does not start.
"""
import logging
import os
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

Settings = Dict[str, Optional[str]]


def read_settings(credentials: Optional[Mapping[str, Any]], env_names: Mapping[str, str]) -> Settings:
    """Each setting from credentials.yml, else from its environment variable; empty means unset."""
    credentials = credentials or {}
    return {key: str(credentials.get(key) or os.environ.get(env) or "") or None
            for key, env in env_names.items()}


def is_off(settings: Settings, required: Mapping[str, str], channel: str) -> bool:
    """True when none of the required settings is given; an error when only some are."""
    missing = [env for key, env in required.items() if not settings[key]]
    if len(missing) == len(required):
        logger.warning(f"The {channel} channel is off: set {', '.join(required.values())} to turn it on.")
        return True
    if missing:
        raise InvalidConfigException(
            f"The {channel} channel is half configured: set {', '.join(missing)} too "
            f"(or unset all of {', '.join(required.values())} to turn it off).")
    return False


class ChannelOff(InputChannel):
    """Holds a channel's webhook URL while it is not configured: refuses every request."""

    def __init__(self, channel: str) -> None:
        self.channel = channel

    def url_prefix(self) -> str:
        return self.channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        off = Blueprint(f"{self.channel}_off", __name__)

        @off.route("/webhook", methods=["GET", "POST"])
        async def webhook(_: Request) -> HTTPResponse:
            return response.text(f"The {self.channel} channel is not configured.",
                                 status=HTTPStatus.SERVICE_UNAVAILABLE)

        return off
