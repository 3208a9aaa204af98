#!/usr/bin/env bash
# Starts the assistant: the action server, the Rasa server (REST + socket.io) and the web chat page.
#   scripts/run.sh          serve on $AXILLA_HOST:$AXILLA_PORT (default 127.0.0.1:5005); Ctrl-C stops both
#   scripts/run.sh shell    chat in the terminal (rasa shell) with the action server running
# Environment: AXILLA_HOST, AXILLA_PORT, AXILLA_ACTIONS_PORT (default 5055; endpoints.yml must point to it),
# AXILLA_ENDPOINTS (default endpoints.yml). Installs and trains nothing: `make run` / `make shell` do.
set -euo pipefail
cd "$(dirname "$0")/.."

HOST="${AXILLA_HOST:-127.0.0.1}"
PORT="${AXILLA_PORT:-5005}"
ACTIONS_PORT="${AXILLA_ACTIONS_PORT:-5055}"
ENDPOINTS="${AXILLA_ENDPOINTS:-endpoints.yml}"
RASA=.venv/bin/rasa

if ! compgen -G "models/*.tar.gz" >/dev/null; then
    echo "No trained model in models/: run 'make train' first." >&2
    exit 1
fi

pids=()
stop_all() {
    kill "${pids[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# The action server behind its token guard (service/action_server.py), same arguments as `rasa run actions`.
SANIC_HOST="$HOST" .venv/bin/python -m service.action_server --actions actions --port "$ACTIONS_PORT" &
pids+=($!)

if [[ "${1:-}" == "shell" ]]; then
    "$RASA" shell --model models/ --endpoints "$ENDPOINTS"
else
    "$RASA" run --model models/ --interface "$HOST" --port "$PORT" --cors "*" \
        --credentials credentials.yml --endpoints "$ENDPOINTS" &
    pids+=($!)
    # The residents' web chat on :8080; an empty Rasa URL means "this page's host, port 5005".
    .venv/bin/python scripts/serve_web.py --host "$HOST" --port "${AXILLA_WEB_PORT:-8080}" \
        --rasa-url "${AXILLA_RASA_PUBLIC_URL:-}" &
    pids+=($!)
    wait -n  # until one of them stops (or Ctrl-C); the trap stops the other
fi
