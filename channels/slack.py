"""Slack: Rasa's SlackInput configured from the environment, answering in Block Kit in the user's thread.

Rasa's connector already refuses requests without a valid X-Slack-Signature (400) and replies in threads
when `use_threads` is on; this adds the settings from the environment, a configurable Web API URL, Slack's
URL check answered as Slack asks, direct messages answered outside threads, and the contract payload
rendered as Block Kit. On top:
- the event is acknowledged at once and the turn runs afterwards (Slack retries an event not acknowledged
  within 3 s); a retry of an event already received (same event_id) is acknowledged and not answered again;
- Slack's escaping (&gt; &lt; &amp;) and markup (<@U…>, <#C…|name>, <mailto:…|…>, <http…|label>, *bold*,
  _italic_, ~strike~) are decoded before the assistant reads the text: "&gt;2 cm" reaches it as ">2 cm";
- an edited message (`message_changed`) is not re-read: the user gets a note to send the correction as a new
  message (re-reading a whole edited case could silently change an answer already acted on);
- a turn that fails or times out answers "temporarily unavailable" (service/turns.py);
- conversations are `slack:<user>[_<channel>_<thread>]`, apart from every other channel's.
"""
import json
import logging
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels import slack as rasa_slack
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from channels import payload, render_slack
from channels.config import ChannelOff, is_off, read_settings
from channels.dedupe import Seen, in_background
from service import senders, turns

logger = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/"
ENV = {"slack_token": "SLACK_BOT_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET",
       "slack_api_url": "SLACK_API_URL"}
REQUIRED = {key: ENV[key] for key in ("slack_token", "slack_signing_secret")}
CHANNEL = "slack"
EDIT_NOTE = ("I saw that you edited a message. Edits are not re-read: my answer above is for the message as "
             "first sent. Please send the correction as a new message, e.g. \"actually the tumour is 1.5 cm\".")

# Slack's markup (https://api.slack.com/reference/surfaces/formatting): <…> spans, then the text styles.
_SPAN = re.compile(r"<([^<>]*)>")
_STYLES = [re.compile(rf"(?<![\w{m}]){m}(?=\S)([^{m}\n]*?\S){m}(?![\w{m}])") for m in (r"\*", "_", "~")]


def _span(match: "re.Match[str]") -> str:
    inner = match.group(1)
    target, _, label = inner.partition("|")
    if target.startswith("@"):  # a user
        return "@" + (label or target[1:])
    if target.startswith("#"):  # a channel
        return "#" + (label or target[1:])
    if target.startswith("!"):  # @here, @channel, a user group
        return label or "@" + target[1:].split("^")[0]
    if target.startswith("mailto:"):
        return label or target[len("mailto:"):]
    return label or target  # a link, with its label if it has one


def decode(text: str, bot_users: Optional[List[str]] = None) -> str:
    """The text a user typed, from the text Slack sends: the bot's own mention dropped, markup and the three
    escaped characters decoded (last, so "&lt;b&gt;" stays the text "<b>")."""
    for user in bot_users or []:
        text = re.sub(rf"\s*<@{re.escape(user)}(\|[^>]*)?>\s*", " ", text)
    text = _SPAN.sub(_span, text)
    for style in _STYLES:
        text = style.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


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
    turn_timeout = turns.DEFAULT_TIMEOUT_S

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
        channel.turn_timeout = turns.timeout_setting(credentials, "SLACK_TURN_TIMEOUT")
        channel.seen = Seen()
        return channel

    seen = Seen()

    @staticmethod
    def _sanitize_user_message(text: str, uids_to_remove: Optional[List[str]]) -> str:
        return decode(text, uids_to_remove)

    def _get_conversation_id(self, sender_id: Optional[str], channel_id: Optional[str],
                             thread_id: Optional[str]) -> Optional[str]:
        conversation = super()._get_conversation_id(sender_id, channel_id, thread_id)
        return senders.namespaced(CHANNEL, conversation) if conversation else conversation

    async def process_message(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                              text: str, sender_id: Optional[str], metadata: Optional[Dict[str, Any]]) -> Any:
        """Acknowledges the event at once and answers it afterwards, once per event id."""
        if not self.first_delivery(request):
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        metadata = metadata or {}
        output = self.get_output_channel(metadata.get("out_channel"),
                                         metadata.get("thread_id") if self.use_threads else None)
        message = UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata)

        async def turn() -> None:
            if await turns.run(on_new_message, message, self.turn_timeout):
                await turns.answer_unavailable(output, sender_id or "")

        in_background(turn())
        return response.text("")

    def first_delivery(self, request: Request) -> bool:
        """False for an event already received (Slack retries with the same event_id and X-Slack-Retry-Num)."""
        body = request.json if request.headers.get("content-type") == "application/json" else None
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not self.seen.first(event_id):
            logger.info("Slack retry #%s of an event already received: acknowledged, not answered again",
                        request.headers.get("X-Slack-Retry-Num", "?"))
            return False
        return True

    async def note_edit(self, body: Dict[str, Any]) -> None:
        """Answers a user's edit of a message to the bot with the note that edits are not re-read."""
        event = body.get("event") or {}
        edited, before = event.get("message") or {}, event.get("previous_message") or {}
        bots = [a.get("user_id") for a in body.get("authorizations") or [] if a.get("user_id")]
        to_bot = event.get("channel_type") == "im" or any(f"<@{b}" in (edited.get("text") or "") for b in bots)
        if (edited.get("bot_id") or not edited.get("user") or not to_bot
                or edited.get("text") == before.get("text")):
            return
        thread = edited.get("thread_ts") or (None if event.get("channel_type") == "im" else edited.get("ts"))
        output = self.get_output_channel(event.get("channel"), thread if self.use_threads else None)
        await output.send_text_message(event.get("channel") or "", EDIT_NOTE)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's webhook, answering Slack's URL check with the bare challenge as Slack's docs ask (Rasa
        answers it JSON-encoded, in quotes)."""
        slack_webhook = super().blueprint(on_new_message)  # turns.run keeps message text out of the logs

        @slack_webhook.middleware("request")
        async def url_verification(request: Request) -> Optional[HTTPResponse]:
            body = request.json if request.headers.get("content-type") == "application/json" else None
            if not isinstance(body, dict) or not self.is_request_from_slack_authentic(request):
                return None  # on to Rasa's webhook, which checks the signature of everything
            if body.get("type") == "url_verification":
                return response.text(str(body.get("challenge", "")))
            if (body.get("event") or {}).get("subtype") == "message_changed":
                if self.first_delivery(request):
                    in_background(self.note_edit(body))
                return response.text("")
            return None

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
