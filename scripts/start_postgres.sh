#!/usr/bin/env bash
# Start a real PostgreSQL server for the store tests and print the line that points them at it:
#     eval "$(bash scripts/start_postgres.sh)"
# Does nothing when GROTIUS_TEST_PG_URL is already set. As root on Debian it installs the
# `postgresql` package when missing, starts the cluster and creates a user and database; elsewhere
# (no root) it prints nothing and the PostgreSQL tests skip, except under CI=true where they fail.
set -euo pipefail
if [ -n "${GROTIUS_TEST_PG_URL:-}" ]; then
  echo "export GROTIUS_TEST_PG_URL='$GROTIUS_TEST_PG_URL'"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "start_postgres: not root; PostgreSQL tests will skip (set GROTIUS_TEST_PG_URL to run them)" >&2
  exit 0
fi
log() { echo "start_postgres: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$VERSION main"; then
  pg_createcluster "$VERSION" main >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  log "starting cluster $VERSION/main on port $PORT"
  pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -p $PORT -Atqc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
# A test user that may create databases: each test gets a fresh one.
su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qc \"DO \\\$\\\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'grotius') THEN
    CREATE ROLE grotius LOGIN CREATEDB PASSWORD 'grotius';
  END IF; END \\\$\\\$;\"" >&2
if ! su postgres -c "psql -p $PORT -Atqc \"SELECT 1 FROM pg_database WHERE datname = 'grotius_test'\"" | grep -q 1; then
  su postgres -c "createdb -p $PORT -O grotius grotius_test" >&2
fi
echo "export GROTIUS_TEST_PG_URL='postgresql://grotius:grotius@127.0.0.1:$PORT/grotius_test'"
