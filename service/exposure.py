"""Servers bound to an address other than loopback must have their authentication configured.

Each server checks at start-up: the Rasa server's channels (REST: REST_AUTH_TOKEN or REST_JWT_SECRET; web chat:
WEB_JWT_SECRET), the action server (ACTION_SERVER_TOKEN) and the web page server (WEB_AUTH_USER_HEADER). On
loopback they run open for local development, with a warning.
"""
import ipaddress
import sys
from typing import List, Optional, Sequence, Text

# `rasa run` listens on 0.0.0.0 unless --interface (-i) says otherwise.
RASA_DEFAULT_INTERFACE = "0.0.0.0"


class OpenServerError(Exception):
    """A server that would listen beyond loopback with no authentication."""


def is_loopback(host: Optional[Text]) -> bool:
    """True for localhost and 127.0.0.0/8 / ::1; False for everything else (0.0.0.0, '', a LAN address)."""
    if not host:
        return False
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def rasa_interface(argv: Optional[Sequence[Text]] = None) -> Text:
    """The interface `rasa run` binds, read from its command line (its default 0.0.0.0); "127.0.0.1" when
    the process is not `rasa run` (a test or a script that builds the channel itself binds nothing)."""
    args: List[Text] = list(sys.argv if argv is None else argv)
    program = args[0].replace("\\", "/").rstrip("/") if args else ""
    is_rasa = program.endswith("/rasa") or program == "rasa" or program.endswith("rasa/__main__.py")
    if not is_rasa or "run" not in args[1:2] or "actions" in args[2:3]:
        return "127.0.0.1"
    interface = RASA_DEFAULT_INTERFACE
    for i, arg in enumerate(args):
        if arg in ("-i", "--interface") and i + 1 < len(args):
            interface = args[i + 1]
        elif arg.startswith("--interface="):
            interface = arg.split("=", 1)[1]
    return interface


def refusal(server: Text, host: Text, variables: Sequence[Text]) -> Text:
    """The message of a refused start."""
    return (f"Refusing to start the {server} on {host or 'all interfaces'} without authentication: set "
            f"{' or '.join(variables)} (docs/deployment.md), or bind to 127.0.0.1 for local development.")


def require_auth(server: Text, host: Text, configured: bool, variables: Sequence[Text]) -> None:
    """Raises OpenServerError naming the variables to set when `host` is not loopback and no auth is configured."""
    if not configured and not is_loopback(host):
        raise OpenServerError(refusal(server, host, variables))
