#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on $PG_HOST:5432 for the test suite.
# Uses DATABASE_URL's server when that is set; otherwise finds, starts or installs a local one.
set -euo pipefail
host=${PG_HOST:-127.0.0.1}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -n "${DATABASE_URL:-}" ]; then exit 0; fi
if command -v pg_isready >/dev/null && pg_isready -q -h "$host" -p 5432; then exit 0; fi
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "PostgreSQL not found: installing it from the distribution's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
conf=/etc/postgresql/$version/main
# Tests connect as postgres over TCP without a password: trust on loopback only.
if ! as_root grep -q "ospo-nl test trust" "$conf/pg_hba.conf"; then
  as_root sed -i '1i host all all 127.0.0.1/32 trust # ospo-nl test trust\nhost all all ::1/128 trust # ospo-nl test trust' "$conf/pg_hba.conf"
fi
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
for _ in $(seq 1 30); do pg_isready -q -h "$host" -p 5432 && exit 0; sleep 1; done
echo "PostgreSQL did not start on $host:5432" >&2
exit 1
