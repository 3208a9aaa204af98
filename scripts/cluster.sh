#!/usr/bin/env bash
# A cluster on one machine: PostgreSQL, Redis, N Rasa servers and N action servers behind nginx, all on
# 127.0.0.1, with their data, logs and secrets in one folder.
#
#   scripts/cluster.sh start [DIR]            start everything (DIR defaults to build/cluster)
#   scripts/cluster.sh stop [DIR]             stop everything (the data stays: start again to resume)
#   scripts/cluster.sh restart rasa|actions [DIR]     restart one kind of server
#
# After start, DIR/cluster.env holds the addresses and secrets (CHAT_URL, RASA_URLS, REST_AUTH_TOKEN, ...).
# Settings: MODEL (models), ACTIONS (actions), INSTANCES (2), CREDENTIALS (deploy/credentials.cluster.yml),
# LISTEN_ADDRESS (127.0.0.1: nginx's chat address), LOG_LEVEL (INFO).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=$ROOT/.venv/bin/python
cmd=${1:-}
[[ $cmd =~ ^(start|stop|restart)$ ]] || { sed -n '2,12p' "$0" >&2; exit 2; }
[[ $cmd == restart ]] && { what=${2:-}; DIR=${3:-$ROOT/build/cluster}; } || DIR=${2:-$ROOT/build/cluster}
mkdir -p "$DIR" && DIR=$(cd "$DIR" && pwd)
ENV_FILE=$DIR/cluster.env
MODEL=${MODEL:-models}
ACTIONS=${ACTIONS:-actions}
INSTANCES=${INSTANCES:-2}
CREDENTIALS=${CREDENTIALS:-$ROOT/deploy/credentials.cluster.yml}
LISTEN_ADDRESS=${LISTEN_ADDRESS:-127.0.0.1}
LOG_LEVEL=${LOG_LEVEL:-INFO}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
secret() { "$PY" -c 'import secrets; print(secrets.token_hex(24))'; }

# PostgreSQL refuses to run as root: then its files belong to, and it runs as, the postgres user.
as_pg() { if (( EUID == 0 )); then runuser -u postgres -- "$@"; else "$@"; fi; }

wait_http() {  # URL NAME LOG: until the URL answers (Rasa may take minutes on a busy machine), or fail
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "$2 did not come up; last lines of $3:" >&2
  tail -n 30 "$3" >&2
  return 1
}

# Writes cluster.env once: ports and secrets stay the same across stop/start.
init_env() {
  [[ -f $ENV_FILE ]] && return
  local rasa_ports=() action_ports=()
  for _ in $(seq 1 "$INSTANCES"); do rasa_ports+=("$(free_port)"); action_ports+=("$(free_port)"); done
  local chat_port actions_port
  chat_port=$(free_port) actions_port=$(free_port)
  (umask 077; cat >"$ENV_FILE" <<EOF
DB_HOST=127.0.0.1
DB_PORT=$(free_port)
DB_NAME=rasa
DB_USER=rasa
DB_PASSWORD=$(secret)
REDIS_HOST=127.0.0.1
REDIS_PORT=$(free_port)
REDIS_PASSWORD=$(secret)
REDIS_DB=1
RASA_PORTS="${rasa_ports[*]}"
ACTION_PORTS="${action_ports[*]}"
CHAT_PORT=$chat_port
ACTIONS_PORT=$actions_port
CHAT_URL=http://$LISTEN_ADDRESS:$chat_port
RASA_URLS="$(printf 'http://127.0.0.1:%s ' "${rasa_ports[@]}")"
ACTION_ENDPOINT_URL=http://127.0.0.1:$actions_port/webhook
REST_AUTH_TOKEN=${REST_AUTH_TOKEN:-$(secret)}
ACTION_SERVER_TOKEN=$(secret)
RASA_API_TOKEN=$(secret)
EOF
  )
}

start_postgres() {
  local pg=$DIR/postgres
  if [[ ! -f $pg/PG_VERSION ]]; then
    mkdir -p "$pg" && chmod 700 "$pg"
    as_pg test -x "$DIR" || { echo "the postgres user cannot reach $DIR: pick a folder outside private dirs" >&2; exit 1; }
    printf '%s\n' "$DB_PASSWORD" >"$DIR/.pgpass" && chmod 600 "$DIR/.pgpass"
    (( EUID == 0 )) && chown postgres "$pg" "$DIR/.pgpass"
    as_pg "$PG_BIN/initdb" -D "$pg" -U "$DB_USER" --auth=scram-sha-256 --pwfile="$DIR/.pgpass" >"$DIR/logs/postgres-init.log"
    rm -f "$DIR/.pgpass"
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$pg" -l "$pg/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $DB_PORT -k $pg" start >/dev/null
  PGPASSWORD=$DB_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1 ||
    PGPASSWORD=$DB_PASSWORD "$PG_BIN/createdb" -h 127.0.0.1 -p "$DB_PORT" -U "$DB_USER" "$DB_NAME"
}

start_redis() {
  mkdir -p "$DIR/redis"
  (umask 077; cat >"$DIR/redis/redis.conf" <<EOF
bind 127.0.0.1
port $REDIS_PORT
requirepass $REDIS_PASSWORD
dir $DIR/redis
daemonize yes
pidfile $DIR/redis/redis.pid
logfile $DIR/logs/redis.log
save ""
appendonly no
EOF
  )
  redis-server "$DIR/redis/redis.conf"
}

# ${RUN_DIR} and friends in the template, nothing else (nginx's own $variables stay).
start_nginx() {
  mkdir -p "$DIR/nginx"
  local rasa_servers="" action_servers=""
  for p in $RASA_PORTS; do rasa_servers+="        server 127.0.0.1:$p;"$'\n'; done
  for p in $ACTION_PORTS; do action_servers+="        server 127.0.0.1:$p;"$'\n'; done
  RUN_DIR=$DIR RASA_SERVERS=$rasa_servers ACTION_SERVERS=$action_servers LISTEN_ADDRESS=$LISTEN_ADDRESS \
    "$PY" -c '
import os, re, sys
names = ("RUN_DIR", "RASA_SERVERS", "ACTION_SERVERS", "LISTEN_ADDRESS", "CHAT_PORT", "ACTIONS_PORT")
text = open(sys.argv[1]).read()
print(re.sub(r"\$\{(%s)\}" % "|".join(names), lambda m: os.environ[m.group(1)], text), end="")
' "$ROOT/deploy/nginx.conf.template" >"$DIR/nginx/nginx.conf"
  nginx -q -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
}

start_actions() {
  local i=0
  for p in $ACTION_PORTS; do
    i=$((i + 1))
    (cd "$ROOT" && SANIC_HOST=127.0.0.1 exec "$PY" -m service.action_server --actions "$ACTIONS" --port "$p") \
      </dev/null >"$DIR/logs/actions-$i.log" 2>&1 &
    echo $! >"$DIR/run/actions-$i.pid"
  done
  i=0
  for p in $ACTION_PORTS; do i=$((i + 1)); wait_http "http://127.0.0.1:$p/health" "action server $i" "$DIR/logs/actions-$i.log"; done
}

start_rasa() {
  # Creates the tables before the servers start side by side, and applies the retention period.
  (cd "$ROOT" && "$PY" -W ignore -m service --endpoints deploy/endpoints.cluster.yml purge) >>"$DIR/logs/retention.log" 2>&1
  local i=0
  for p in $RASA_PORTS; do
    i=$((i + 1))
    (cd "$ROOT" && exec "$ROOT/.venv/bin/rasa" run --model "$MODEL" --endpoints deploy/endpoints.cluster.yml \
      --credentials "$CREDENTIALS" --interface 127.0.0.1 --port "$p" --enable-api --auth-token "$RASA_API_TOKEN") \
      </dev/null >"$DIR/logs/rasa-$i.log" 2>&1 &
    echo $! >"$DIR/run/rasa-$i.pid"
  done
  i=0
  for p in $RASA_PORTS; do i=$((i + 1)); wait_http "http://127.0.0.1:$p/" "Rasa server $i" "$DIR/logs/rasa-$i.log"; done
}

stop_pids() {  # NAME: the processes started from DIR/run/NAME-*.pid
  local f pid
  for f in "$DIR"/run/"$1"-*.pid; do
    [[ -f $f ]] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

stop_all() {
  [[ -f $DIR/nginx.pid ]] && nginx -q -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s stop 2>/dev/null || true
  stop_pids rasa
  stop_pids actions
  [[ -f $DIR/redis/redis.pid ]] && kill "$(cat "$DIR/redis/redis.pid")" 2>/dev/null || true
  [[ -f $DIR/postgres/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$DIR/postgres" -m fast -w stop >/dev/null || true
}

[[ $cmd == start ]] && init_env
[[ -f $ENV_FILE ]] || { echo "no cluster in $DIR: $0 start $DIR" >&2; exit 1; }
set -a; source "$ENV_FILE"; set +a
mkdir -p "$DIR/logs" "$DIR/run"
export LOG_LEVEL  # Rasa's and the SDK's default level

case $cmd in
  start)
    "$ROOT/scripts/install_services.sh"
    start_postgres
    start_redis
    start_actions
    start_nginx
    start_rasa
    echo "cluster up: chat at $CHAT_URL/webhooks/rest/webhook (token in $ENV_FILE); stop with: $0 stop $DIR"
    ;;
  stop) stop_all ;;
  restart)
    case $what in
      rasa) stop_pids rasa; start_rasa ;;
      actions) stop_pids actions; start_actions ;;
      *) echo "usage: $0 restart rasa|actions [DIR]" >&2; exit 2 ;;
    esac
    ;;
esac
