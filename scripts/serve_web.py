#!/usr/bin/env python3
"""Serves the residents' chat page and the embeddable widget (web/static) on port 8080."""
import argparse
import functools
import json
import logging
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
VENDOR = STATIC / "vendor" / "socket.io.min.js"
# Our own page runs no inline code: a script smuggled into it could not run either.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' ws: wss: http: https:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)

logger = logging.getLogger("serve_web")


class Handler(SimpleHTTPRequestHandler):
    """Static files, plus config.js made from --rasa-url when given."""

    config_js: Optional[bytes] = None
    # Pages of other sites load widget.js: without a charset they would decode it as windows-1252.
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
    }

    def do_GET(self) -> None:
        if self.config_js is not None and self.path.split("?")[0] == "/config.js":
            self._send_bytes(self.config_js, self.extensions_map[".js"])
        else:
            super().do_GET()

    def _send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        # Other sites embed widget.js/css, so those may be fetched from any origin.
        self.send_header("Access-Control-Allow-Origin", "*")
        if self.path.split("?")[0].endswith((".html", "/")):
            self.send_header("Content-Security-Policy", PAGE_CSP)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        logger.debug(format, *args)


def config_script(rasa_url: str) -> bytes:
    """The page's config.js pointing at `rasa_url`."""
    return f"window.AXILLA_CHAT_CONFIG = {json.dumps({'rasaUrl': rasa_url})};\n".encode()


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (0.0.0.0 for the LAN)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-url", help="Rasa server the page talks to (default: the page's host, port 5005)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if not VENDOR.is_file():
        print(f"{VENDOR} is missing: run `make web` (scripts/install_browser.sh) first", file=sys.stderr)
        return 2
    handler = functools.partial(Handler, directory=str(STATIC))
    if args.rasa_url:
        Handler.config_js = config_script(args.rasa_url)
    server = ThreadingHTTPServer((args.host, args.port), handler)
    logger.info("chat page on http://%s:%d/", args.host, server.server_address[1])
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
