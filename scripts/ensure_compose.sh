#!/usr/bin/env bash
# Make sure `docker compose config` can be checked (tests/ops/test_deploy_files.py): the compose plugin when the
# machine has it, else Debian's docker-compose (no Docker engine is needed for `config`). Never fails the build:
# without either the test is skipped and says why.
set -uo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
if docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null; then exit 0; fi
echo "Installing Debian's docker-compose to check docker-compose.yml"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null 2>&1 \
  || { as_root apt-get update -qq >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null 2>&1; } \
  || echo "docker-compose could not be installed: the compose config test will be skipped" >&2
exit 0
