#!/usr/bin/env bash
# Gets what the web chat and its browser test need: Debian's chromium and web/'s npm packages
# (socket.io-client for the widget, playwright-core to drive chromium). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x /usr/bin/chromium ]]; then
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi

# Playwright drives the system chromium by its path; it must never download browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ ! -f web/node_modules/.package-lock.json || web/package-lock.json -nt web/node_modules/.package-lock.json ]]; then
    npm ci --prefix web --no-audit --no-fund --loglevel=error
fi
# The page loads socket.io from its own server (hospital networks block CDNs).
install -D -m 644 web/node_modules/socket.io-client/dist/socket.io.min.js web/static/vendor/socket.io.min.js
