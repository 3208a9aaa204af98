"""Microsoft Teams: Rasa's Bot Framework connector for single-tenant bots, answering with Adaptive Cards.

Rasa 3.6's `botframework` connector asks the botframework.com tenant for its token, which only multi-tenant
bots may do, and Azure creates only single-tenant bots since July 2025. TeamsInput takes the bot's tenant id
("botframework.com" keeps the multi-tenant behaviour) and checks incoming requests as Rasa does (bearer JWT
signed by a key from the Bot Framework's OpenID metadata, audience = app id) and as the Bot Framework's
authentication spec asks on top (issuer, expiry, RS256, the serviceUrl claim, the key's channel endorsement).

An activity is acknowledged at once (the Bot Framework retries one not answered within 15 s) and answered
through the connector afterwards; a repeated activity (same conversation and activity id) is acknowledged and
not answered twice; the HTML Teams wraps around the text (<at>mentions</at>, <p>, <br>, entities) is removed; a
turn that fails or times out answers "temporarily unavailable"; conversations are `teams:<conversation>|<user>`.
"""
import datetime
import html
import logging
import re
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

import aiohttp
import jwt
import requests
from jwt import InvalidKeyError, PyJWTError
from jwt.algorithms import RSAAlgorithm
from rasa.core.channels.botframework import (
    BEARER_REGEX,
    MICROSOFT_OAUTH2_URL,
    MICROSOFT_OPEN_ID_URI,
    BotFramework,
    BotFrameworkInput,
)
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import payload, render_teams
from channels.config import ChannelOff, is_off, read_settings
from channels.dedupe import Seen, in_background
from service import senders, turns

logger = logging.getLogger(__name__)

ENV = {"app_id": "TEAMS_APP_ID", "app_password": "TEAMS_APP_PASSWORD", "tenant_id": "TEAMS_TENANT_ID",
       "login_url": "TEAMS_LOGIN_URL", "openid_metadata_url": "TEAMS_OPENID_METADATA_URL"}
REQUIRED = {key: ENV[key] for key in ("app_id", "app_password", "tenant_id")}
TOKEN_SCOPE = "https://api.botframework.com/.default"
TOKEN_MARGIN = datetime.timedelta(minutes=5)  # renew a token this long before it expires
CLOCK_SKEW_S = 300  # the Bot Framework SDKs accept tokens 5 minutes either side of their validity
KEYS_MAX_AGE = datetime.timedelta(days=1)  # Rasa's refresh interval for the signing keys
MENTION = re.compile(r"<at\b[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)  # "@bot" arrives as <at>Bot name</at>
BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</li>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
CHANNEL = "teams"


def plain_text(text: str) -> str:
    """The text the user typed, from an activity's text: mentions dropped, Teams' HTML and entities removed."""
    text = BREAK.sub("\n", MENTION.sub(" ", text or ""))
    text = html.unescape(TAG.sub("", text)).replace("\xa0", " ")
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def token_url(login_url: str, tenant_id: str) -> str:
    """The client-credentials token endpoint of the bot's tenant."""
    return f"{login_url.rstrip('/')}/{tenant_id}/oauth2/v2.0/token"


class TeamsBot(BotFramework):
    """Rasa's Bot Framework output channel, with its token from the bot's tenant and Adaptive Cards."""

    # (token URL, app id) -> (renew after, headers); shared by all conversations, as in Rasa's connector
    _tokens: Dict[Tuple[str, str], Tuple[datetime.datetime, Dict[str, str]]] = {}

    @classmethod
    def name(cls) -> str:
        return "teams"

    def __init__(self, app_id: str, app_password: str, activity: Dict[str, Any], token_endpoint: str) -> None:
        super().__init__(app_id, app_password, activity["conversation"], activity["recipient"],
                         activity["serviceUrl"])
        self.user = activity["from"]
        self.token_endpoint = token_endpoint

    async def _get_headers(self) -> Optional[Dict[str, str]]:
        """Authorization headers with a client-credentials token of the bot's tenant."""
        key = (self.token_endpoint, self.app_id)
        renew_after, headers = self._tokens.get(key, (datetime.datetime.min, {}))
        if datetime.datetime.now() < renew_after:
            return headers
        form = {"grant_type": "client_credentials", "client_id": self.app_id,
                "client_secret": self.app_password, "scope": TOKEN_SCOPE}
        async with aiohttp.ClientSession() as session:
            async with session.post(self.token_endpoint, data=form) as token_response:
                if token_response.status != HTTPStatus.OK:
                    logger.error(f"No Bot Framework token from {self.token_endpoint}: "
                                 f"HTTP {token_response.status} {await token_response.text()}")
                    return None
                token = await token_response.json()
        headers = {"content-type": "application/json", "Authorization": f"Bearer {token['access_token']}"}
        lifetime = datetime.timedelta(seconds=int(token["expires_in"]))
        self._tokens[key] = (datetime.datetime.now() + lifetime - TOKEN_MARGIN, headers)
        return headers

    def prepare_message(self, recipient_id: str, message_data: Dict[str, Any]) -> Dict[str, Any]:
        """Rasa's activity, addressed to the user who wrote (the sender id also names the conversation)."""
        return {**super().prepare_message(recipient_id, message_data), "recipient": self.user}

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """One activity for an answer with a contract payload; Rasa's handling otherwise."""
        custom = payload.contract_payload(message)
        if custom is None:
            return await super().send_response(recipient_id, message)
        reply = render_teams.activity(message.get("text") or "", custom, payload.options(message.get("buttons")))
        await self.send(self.prepare_message(recipient_id, reply))


class TeamsInput(BotFrameworkInput):
    """Rasa's Bot Framework input for a single-tenant (or multi-tenant) Azure Bot in Microsoft Teams."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        settings = read_settings(credentials, ENV)
        if is_off(settings, REQUIRED, cls.name()):
            return ChannelOff(cls.name())
        channel = cls(settings["app_id"] or "", settings["app_password"] or "", settings["tenant_id"] or "",
                      login_url=settings["login_url"] or MICROSOFT_OAUTH2_URL,
                      openid_metadata_url=settings["openid_metadata_url"] or MICROSOFT_OPEN_ID_URI)
        channel.turn_timeout = turns.timeout_setting(credentials, "TEAMS_TURN_TIMEOUT")
        channel.seen = Seen()
        return channel

    def __init__(self, app_id: str, app_password: str, tenant_id: str,
                 login_url: str = MICROSOFT_OAUTH2_URL, openid_metadata_url: str = MICROSOFT_OPEN_ID_URI) -> None:
        self.token_endpoint = token_url(login_url, tenant_id)
        self.openid_metadata_url = openid_metadata_url
        self.jwt_issuer = ""
        super().__init__(app_id, app_password)  # fetches the signing keys: unreachable metadata stops start-up

    def _update_cached_jwk_keys(self) -> None:
        """Rasa's key refresh from the configured OpenID metadata, keeping its issuer too."""
        metadata = requests.get(self.openid_metadata_url, timeout=10)
        metadata.raise_for_status()
        conf = metadata.json()
        keys = requests.get(conf["jwks_uri"], timeout=10)
        keys.raise_for_status()
        self.jwt_issuer = conf["issuer"]
        self.jwt_keys = {key["kid"]: key for key in keys.json()["keys"]}
        self.jwt_update_time = datetime.datetime.now()

    def _refresh_keys(self) -> None:
        """Daily, as Rasa does; a failed refresh keeps the keys already known."""
        if datetime.datetime.now() - self.jwt_update_time > KEYS_MAX_AGE:
            try:
                self._update_cached_jwk_keys()
            except (requests.RequestException, KeyError, ValueError):
                logger.exception(f"Could not update the JWT keys from {self.openid_metadata_url}.")

    def _verified_claims(self, token: str) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        """The token's claims and signing key, once its signature, audience, issuer and expiry hold."""
        key_id = jwt.get_unverified_header(token).get("kid")
        if key_id not in self.jwt_keys:
            raise InvalidKeyError(f"JWT key {key_id} not found.")
        key = self.jwt_keys[key_id]
        public_key: Any = RSAAlgorithm.from_jwk(key)  # a JWK set's key is a public key
        claims = jwt.decode(token, key=public_key, algorithms=["RS256"],
                            audience=self.app_id, issuer=self.jwt_issuer, leeway=CLOCK_SKEW_S,
                            options={"require": ["exp", "iss", "aud"]})
        return claims, key

    def refusal(self, auth_header: Optional[str], activity: Dict[str, Any]) -> Optional[HTTPResponse]:
        """The answer refusing a request that is not from the Bot Framework for this bot, else None."""
        bearer = BEARER_REGEX.match(auth_header or "")
        if not bearer:
            return response.text("No Bearer token in the Authorization header.", status=HTTPStatus.UNAUTHORIZED)
        self._refresh_keys()
        try:
            claims, key = self._verified_claims(bearer.group(1))
        except PyJWTError as error:
            logger.warning(f"Refused a Bot Framework request: {error}")
            return response.text("Could not validate JWT token.", status=HTTPStatus.UNAUTHORIZED)
        # The bot posts its answers, with its own token, to serviceUrl: only trust one the token vouches for.
        if claims.get("serviceUrl") != activity.get("serviceUrl"):
            logger.warning("Refused a Bot Framework request: serviceUrl differs from the token's.")
            return response.text("The token is not valid for this serviceUrl.", status=HTTPStatus.UNAUTHORIZED)
        if activity.get("channelId") and activity["channelId"] not in key.get("endorsements", []):
            logger.warning(f"Refused a Bot Framework request: key not endorsed for {activity['channelId']}.")
            return response.text("The signing key is not endorsed for this channel.", status=HTTPStatus.FORBIDDEN)
        return None

    turn_timeout = turns.DEFAULT_TIMEOUT_S
    seen = Seen()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's webhook, with the checks above and the Teams output channel; turns.run keeps the message
        text out of the logs."""
        teams_webhook = Blueprint("teams_webhook", __name__)

        @teams_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @teams_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            activity = request.json
            if not isinstance(activity, dict):
                return response.text("The body is not an activity.", status=HTTPStatus.BAD_REQUEST)
            refused = self.refusal(request.headers.get("Authorization"), activity)
            if refused:
                return refused
            if activity.get("type") != "message":
                return response.text("")  # conversationUpdate, typing, ...: nothing to answer
            conversation_id, user_id = activity["conversation"]["id"], activity["from"]["id"]
            if activity.get("id") and not self.seen.first((conversation_id, activity["id"])):
                logger.info("repeated Teams activity: acknowledged, not answered again")
                return response.text("duplicate")
            output = TeamsBot(self.app_id, self.app_password, activity, self.token_endpoint)
            # one case per user and conversation (chat, or thread of a Teams channel)
            sender_id = senders.namespaced(CHANNEL, f"{conversation_id}|{user_id}")
            message = UserMessage(
                text=plain_text(activity.get("text") or ""),
                output_channel=output,
                sender_id=sender_id,
                input_channel=self.name(),
                metadata=self.add_attachments_to_metadata(activity, self.get_metadata(request)),
            )

            async def turn() -> None:
                if await turns.run(on_new_message, message, self.turn_timeout):
                    await turns.answer_unavailable(output, sender_id)

            in_background(turn())  # answered through the connector; the Bot Framework gets its 200 now
            return response.text("success")

        return teams_webhook
