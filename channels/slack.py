"""Slack: Rasa's SlackInput configured from the environment, answering in Block Kit in the user's thread.

Rasa's connector already refuses requests without a valid X-Slack-Signature (400) and replies in threads
when `use_threads` is on; this adds the settings from the environment, a configurable Web API URL, Slack's
URL check answered as Slack asks, direct messages answered outside threads, and the contract payload
rendered as Block Kit.
"""
import json
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels import slack as rasa_slack
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from channels import payload, render_slack
from channels.config import ChannelOff, is_off, read_settings
from service.logs import redacting

SLACK_API_URL = "https://slack.com/api/"
ENV = {"slack_token": "SLACK_BOT_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET",
       "slack_api_url": "SLACK_API_URL"}
REQUIRED = {key: ENV[key] for key in ("slack_token", "slack_signing_secret")}


class SlackBot(rasa_slack.SlackBot):
    """Rasa's Slack output channel, sending the contract payload as Block Kit."""

    def __init__(self, token: str, slack_channel: Optional[str] = None, thread_id: Optional[str] = None,
                 proxy: Optional[str] = None, api_url: str = SLACK_API_URL) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, base_url=api_url, proxy=proxy)

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """One chat.postMessage for an answer with a contract payload; Rasa's handling otherwise."""
        custom = payload.contract_payload(message)
        if custom is None:
            return await super().send_response(recipient_id, message)
        reply = render_slack.message(message.get("text") or "", custom, payload.options(message.get("buttons")))
        await self._post_message(channel=self.slack_channel or recipient_id, **reply)


class SlackInput(rasa_slack.SlackInput):
    """Rasa's SlackInput with its token and signing secret from SLACK_BOT_TOKEN / SLACK_SIGNING_SECRET."""

    api_url = SLACK_API_URL

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        settings = read_settings(credentials, ENV)
        if is_off(settings, REQUIRED, cls.name()):
            return ChannelOff(cls.name())
        channel = super().from_credentials({
            "use_threads": True,
            # one case per Slack thread; a new top-level message starts a new thread
            "conversation_granularity": "thread",
            **(credentials or {}),
            "slack_token": settings["slack_token"],
            "slack_signing_secret": settings["slack_signing_secret"],
        })
        channel.api_url = settings["slack_api_url"] or SLACK_API_URL
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's webhook, answering Slack's URL check with the bare challenge as Slack's docs ask (Rasa
        answers it JSON-encoded, in quotes)."""
        slack_webhook = super().blueprint(redacting(on_new_message))  # no message text in the logs

        @slack_webhook.middleware("request")
        async def url_verification(request: Request) -> Optional[HTTPResponse]:
            if (request.headers.get("content-type") == "application/json"
                    and isinstance(request.json, dict) and request.json.get("type") == "url_verification"
                    and self.is_request_from_slack_authentic(request)):
                return response.text(str(request.json.get("challenge", "")))
            return None  # on to Rasa's webhook, which checks the signature of everything

        return slack_webhook

    def get_metadata(self, request: Request) -> Dict[str, Any]:
        """Rasa's metadata, answering in the user's thread, or opening one under a top-level message in a
        channel; a direct message outside a thread is answered in the conversation (one case per DM)."""
        metadata = super().get_metadata(request)
        if not metadata:
            return metadata
        if request.headers.get("content-type") == "application/json":
            message = request.json.get("event", {})
            opens_thread = message.get("channel_type") != "im"
        else:  # a button click: `message` is the bot's message that carries the button
            message = json.loads(request.form["payload"][0]).get("message", {})
            opens_thread = False
        if not message.get("thread_ts") and not opens_thread:
            metadata["thread_id"] = None
        return metadata

    def get_output_channel(self, channel: Optional[str] = None,
                           thread_id: Optional[str] = None) -> OutputChannel:
        return SlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url)
