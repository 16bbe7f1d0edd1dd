#!/usr/bin/env bash
# What the web and store tests need beyond Python, from Debian's packages:
#   PostgreSQL (store tests on PostgreSQL), Chromium at /usr/bin/chromium (browser tests),
#   Pango and a font (PDF reports with WeasyPrint), a Java 17+ runtime (the Spark adapter's test).
# Idempotent: installs only what is missing, starts PostgreSQL when it is not running, creates
# the test role and database once. Needs root (or sudo) only when something must be installed.
# The last line of standard output is the URL for the store tests, e.g.
#   eval "$(scripts/ci-services.sh | tail -n 1)"   # sets MYOSCOPE_TEST_POSTGRES_URL
set -euo pipefail

PG_USER=myoscope_test
PG_DB=myoscope_test
PG_PASSWORD=myoscope_test          # a local throwaway test role on 127.0.0.1, not a secret
PG_PORT="${MYOSCOPE_TEST_POSTGRES_PORT:-5432}"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -q "^$version main$"; then
  $SUDO pg_createcluster --port "$PG_PORT" "$version" main >&2
fi
if ! pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
  $SUDO pg_ctlcluster "$version" main start >&2
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p "$PG_PORT" >&2

as_postgres() { $SUDO runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
  as_postgres -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'" >&2
fi
if [ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
  as_postgres -c "CREATE DATABASE $PG_DB OWNER $PG_USER" >&2
fi

echo "MYOSCOPE_TEST_POSTGRES_URL=postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
