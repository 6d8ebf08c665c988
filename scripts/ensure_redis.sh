#!/usr/bin/env bash
# Make sure a Redis server answers on 127.0.0.1:6379 (the scale-out tests and `make bench` use it).
# Finds a running one, starts the installed one, or installs Debian's redis-server (as root or through sudo).
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
ping() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

if ping; then exit 0; fi
if ! command -v redis-server >/dev/null; then
  echo "Redis not found: installing it from the distribution's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
ping || redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no >/dev/null
for _ in $(seq 1 20); do ping && exit 0; sleep 0.5; done
echo "Redis did not start on 127.0.0.1:6379" >&2
exit 1
