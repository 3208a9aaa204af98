#!/usr/bin/env bash
# Installs Debian's PostgreSQL, Redis and nginx when missing (idempotent; apt-get update at most once).
# The cluster runs its own instances of them in a private folder, so the system services are not started.
set -euo pipefail

missing=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[[ -x "$pg_bin/initdb" && -x "$pg_bin/pg_ctl" ]] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
(( ${#missing[@]} )) || exit 0

sudo=""
(( EUID == 0 )) || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
# A temporary policy-rc.d keeps the packages' system services (nginx on 0.0.0.0:80) from starting:
# the cluster runs its own instances on 127.0.0.1.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee $policy >/dev/null
  $sudo chmod +x $policy
  trap '$sudo rm -f $policy' EXIT
fi
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
