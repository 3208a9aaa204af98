#!/usr/bin/env bash
# Starts the assistant: the action server, the Rasa server (REST + socket.io) and the web chat page, under
# supervisord (PyPI's supervisor, pinned in requirements), which restarts a process that dies and logs it.
#   scripts/run.sh          serve on $AXILLA_HOST:$AXILLA_PORT (default 127.0.0.1:5005); Ctrl-C stops all
#   scripts/run.sh shell    chat in the terminal (rasa shell) with the action server running
# Environment: AXILLA_HOST, AXILLA_PORT, AXILLA_ACTIONS_PORT (default 5055; endpoints.yml must point to it),
# AXILLA_WEB_PORT (8080), AXILLA_ENDPOINTS (default endpoints.yml), AXILLA_RUN_DIR (build/run: supervisord's
# configuration, socket and log). WEB_JWT_SECRET is made up for this run when unset (the page server and the
# Rasa server share it). Installs and trains nothing: `make run` / `make shell` do.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

HOST="${AXILLA_HOST:-127.0.0.1}"
PORT="${AXILLA_PORT:-5005}"
ACTIONS_PORT="${AXILLA_ACTIONS_PORT:-5055}"
WEB_PORT="${AXILLA_WEB_PORT:-8080}"
ENDPOINTS="${AXILLA_ENDPOINTS:-endpoints.yml}"
RUN_DIR="${AXILLA_RUN_DIR:-build/run}"
VENV="$ROOT/.venv/bin"

if ! compgen -G "models/*.tar.gz" >/dev/null; then
    echo "No trained model in models/: run 'make train' first." >&2
    exit 1
fi

# The assistant's output, not the libraries' deprecation warnings (TensorFlow, SQLAlchemy, setuptools, ...):
# service/quiet.py keeps them off even after Sanic turns them back on.
export PYTHONWARNINGS="ignore" TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1 \
    TF_ENABLE_ONEDNN_OPTS=0 PYTHONUNBUFFERED=1
# The web chat's token key, shared by the page server (which signs) and the Rasa server (which checks).
export WEB_JWT_SECRET="${WEB_JWT_SECRET:-$("$VENV/python" -c 'import secrets; print(secrets.token_hex(32))')}"

if [[ "${1:-}" == "shell" ]]; then
    SANIC_HOST="$HOST" "$VENV/python" -m service.quiet -m service.action_server --actions actions \
        --port "$ACTIONS_PORT" &
    actions=$!
    trap 'kill $actions 2>/dev/null || true; wait 2>/dev/null || true' EXIT
    "$VENV/rasa" shell --model models/ --endpoints "$ENDPOINTS"
    exit
fi

mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
CONF="$RUN_DIR/supervisord.conf"
# Each process restarts when it dies (supervisord logs "exited: ... not expected" and "spawned: ..."); its
# output goes to this terminal; Ctrl-C (SIGINT to supervisord) stops them all, each with its process group.
cat >"$CONF" <<EOF
[supervisord]
nodaemon=true
logfile=$RUN_DIR/supervisord.log
logfile_maxbytes=5MB
logfile_backups=2
pidfile=$RUN_DIR/supervisord.pid
loglevel=info
directory=$ROOT
silent=false

[unix_http_server]
file=$RUN_DIR/supervisor.sock
chmod=0700

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://$RUN_DIR/supervisor.sock

[program:actions]
command=$VENV/python -m service.quiet -m service.action_server --actions actions --port $ACTIONS_PORT
environment=SANIC_HOST="$HOST"
priority=10
startsecs=5
startretries=5
autorestart=true
stopasgroup=true
killasgroup=true
stopwaitsecs=20
redirect_stderr=true
stdout_logfile=/dev/stdout
stdout_logfile_maxbytes=0

[program:rasa]
command=$VENV/python -m service.quiet rasa run --model models/ --interface $HOST --port $PORT --cors "*" --credentials credentials.yml --endpoints $ENDPOINTS
priority=20
startsecs=10
startretries=3
autorestart=true
stopasgroup=true
killasgroup=true
stopwaitsecs=30
redirect_stderr=true
stdout_logfile=/dev/stdout
stdout_logfile_maxbytes=0

[program:web]
command=$VENV/python scripts/serve_web.py --host $HOST --port $WEB_PORT --rasa-url "${AXILLA_RASA_PUBLIC_URL:-}"
priority=30
startsecs=2
autorestart=true
stopasgroup=true
killasgroup=true
redirect_stderr=true
stdout_logfile=/dev/stdout
stdout_logfile_maxbytes=0
EOF

echo "Axilla assistant: REST + web chat socket on http://$HOST:$PORT, actions on :$ACTIONS_PORT," \
     "web chat on http://$HOST:$WEB_PORT/ (supervised; '$VENV/supervisorctl -c $CONF status'; Ctrl-C stops all)"
exec "$VENV/supervisord" -c "$CONF"
