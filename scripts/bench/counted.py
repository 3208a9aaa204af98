"""Runs an action server (Rasa SDK's, ours or stock) with a count of its action calls, for `make bench`.

    python -m scripts.bench.counted -m service.action_server --actions actions --port 5055
    python -m scripts.bench.counted .venv/bin/rasa run actions --actions actions --port 5055

A Rasa SDK plugin counts the requests to /webhook (one per custom action Rasa runs) and answers the count at
GET /bench/calls, so the benchmark reads it before and after a turn. The server is otherwise as started without it.
"""
import os
import runpy
import sys
from typing import List

import pluggy
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

COUNT_PATH = "/bench/calls"
hookimpl = pluggy.HookimplMarker("rasa_sdk")


class CallCounter:
    def __init__(self) -> None:
        self.calls = 0

    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        @app.middleware("request")
        async def count(request: Request) -> None:
            if request.path == "/webhook":
                self.calls += 1

        @app.get(COUNT_PATH)
        async def calls(_request: Request) -> HTTPResponse:
            return response.json({"calls": self.calls})


def main(argv: List[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    plugin_manager().register(CallCounter())
    if argv[0] == "-m":
        sys.argv = argv[1:]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        return
    sys.argv = [os.path.abspath(argv[0]), *argv[1:]]
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
