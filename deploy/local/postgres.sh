#!/usr/bin/env bash
# Runs a throwaway PostgreSQL cluster on loopback with the OS's own binaries (no Docker).
#   postgres.sh start        initdb once, start on 127.0.0.1:$TANDEM_PG_PORT, wait until it
#                            accepts connections, ensure role `tandem` and the databases
#   postgres.sh stop         stop the cluster (its data stays; `reset` removes it)
#   postgres.sh status       exit 0 when our cluster runs and accepts connections
#   postgres.sh reset        stop and delete the cluster
#   postgres.sh url <db>     print the SQLAlchemy URL of a database, e.g.
#                            postgresql+asyncpg://tandem:tandem@127.0.0.1:55432/tandem_test
#   postgres.sh psql [db]    open psql on a database as `tandem` (default tandem_test)
# Idempotent: start on a running cluster and stop on a stopped one are no-ops, and start
# (re)creates only what is missing. Safe to call concurrently (a lock serialises callers).
#
# Environment:
#   TANDEM_PG_PORT  port on 127.0.0.1 (default 55432, away from a distribution cluster on 5432)
#   TANDEM_PG_BASE  directory for data, socket and log (default <repo>/.cache/postgres)
#   TANDEM_PG_USER  OS user that owns and runs the cluster when this script runs as root
#                   (default tandem-pg, created as a system user if missing: initdb and
#                   postgres refuse to run as root)
#   TANDEM_PG_BIN   directory with initdb/pg_ctl/postgres (default: found automatically)
#
# Needs the server binaries: on Debian/Ubuntu `apt-get install -y postgresql` (any major
# version; the distribution's own cluster on 5432 is left alone).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${TANDEM_PG_PORT:-55432}"
PG_USER="${TANDEM_PG_USER:-tandem-pg}"
ROLE="tandem"
ROLE_PASSWORD="tandem"
DATABASES=(tandem_matching tandem_messaging tandem_meetings tandem_analytics tandem_test)

log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# --- binaries ----------------------------------------------------------------------------

find_bindir() {
  if [ -n "${TANDEM_PG_BIN:-}" ]; then echo "$TANDEM_PG_BIN"; return 0; fi
  # Debian installs the server outside PATH, one directory per major version; take the
  # newest. pg_config only helps when it belongs to a server install (libpq-dev's copy
  # may point elsewhere), so it is checked for initdb like every other candidate.
  local candidates=() dir
  while IFS= read -r dir; do candidates+=("$dir"); done < <(
    printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5nr
  )
  if command -v pg_config >/dev/null 2>&1; then candidates+=("$(pg_config --bindir 2>/dev/null || true)"); fi
  if command -v initdb >/dev/null 2>&1; then candidates+=("$(dirname "$(command -v initdb)")"); fi
  for dir in "${candidates[@]}"; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"; return 0
    fi
  done
  return 1
}

BIN="$(find_bindir)" || die "PostgreSQL server binaries not found (apt-get install -y postgresql, or set TANDEM_PG_BIN)"

# --- who runs the cluster, and where it lives ------------------------------------------

if [ "$(id -u)" -eq 0 ]; then AS_ROOT=1; else AS_ROOT=0; fi

ensure_user() {
  [ "$AS_ROOT" -eq 1 ] || return 0
  if ! id -u "$PG_USER" >/dev/null 2>&1; then
    log "creating system user $PG_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$PG_USER"
  fi
}

# Runs a command as the cluster's owner, from a directory it can read (initdb and pg_ctl
# fail when they cannot resolve the current directory), with no ~/.psqlrc.
as_owner() {
  if [ "$AS_ROOT" -eq 1 ]; then
    (cd / && runuser -u "$PG_USER" -- env HOME=/nonexistent PSQLRC=/dev/null LC_ALL=C "$@")
  else
    (cd / && env PSQLRC=/dev/null LC_ALL=C "$@")
  fi
}

# The owner must reach the base directory: under a root-only parent (say, a checkout in
# /root) it cannot, so fall back to a directory under /var/tmp keyed by the repo path.
resolve_base() {
  if [ -n "${TANDEM_PG_BASE:-}" ]; then echo "$TANDEM_PG_BASE"; return 0; fi
  local default="$ROOT/.cache/postgres"
  if [ "$AS_ROOT" -eq 0 ] || ! id -u "$PG_USER" >/dev/null 2>&1; then echo "$default"; return 0; fi
  local parent="$ROOT/.cache"
  mkdir -p "$parent"
  if as_owner test -x "$parent"; then echo "$default"; return 0; fi
  local key; key=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
  echo "/var/tmp/tandem-postgres-$key"
}

# Only `start` creates the user; the other commands just look for it.
if [ "${1:-}" = start ]; then ensure_user; fi
BASE="$(resolve_base)"
DATA="$BASE/data"
LOG="$BASE/postgres.log"
# A Unix socket path is limited to ~107 bytes; a deep checkout would exceed it.
SOCKDIR="$BASE/run"
if [ $(( ${#SOCKDIR} + 20 )) -gt 100 ]; then SOCKDIR="/tmp/tandem-pg-$PORT"; fi

prepare_dirs() {
  mkdir -p "$BASE" "$SOCKDIR"
  if [ "$AS_ROOT" -eq 1 ]; then
    # Also takes over a directory left by an earlier run as another user.
    if [ "$(stat -c %U "$BASE")" != "$PG_USER" ] \
      || { [ -d "$DATA" ] && [ "$(stat -c %U "$DATA")" != "$PG_USER" ]; }; then
      chown -R "$PG_USER:" "$BASE"
    fi
    chown "$PG_USER:" "$SOCKDIR"
  fi
  chmod 700 "$BASE" "$SOCKDIR"
  if [ "$BASE" != "$ROOT/.cache/postgres" ]; then log "cluster lives in $BASE"; fi
}

# Administration goes through the private socket (trust auth, directory mode 0700: only
# the owner and root reach it); clients use TCP on loopback with a password.
admin_psql() {
  as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKDIR" -p "$PORT" -U postgres -d postgres
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

accepting() {
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d postgres -t 2
}

# --- commands ------------------------------------------------------------------------

initdb_once() {
  [ -f "$DATA/PG_VERSION" ] && return 0
  log "initdb in $DATA"
  rm -rf "$DATA"
  local locale_opts=(--no-locale)
  # A UTF-8 locale so that lower()/upper() and ordering work beyond ASCII (names, forums).
  if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then locale_opts=(--locale=C.UTF-8); fi
  # --no-sync: a throwaway cluster (see tandem.conf below) need not wait for the disk.
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --encoding=UTF8 "${locale_opts[@]}" \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >/dev/null
  echo "include 'tandem.conf'" >>"$DATA/postgresql.conf"
}

write_config() {
  # Rewritten on every start so that a changed port or socket directory takes effect.
  local conf="$DATA/tandem.conf"
  cat >"$conf" <<CONF
# Written by deploy/local/postgres.sh on every start; edits are lost.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKDIR'
max_connections = 200
shared_buffers = 128MB
# Durability is switched off on purpose: this cluster holds only test and development data
# that the tests recreate, and a crash of the machine losing the last transactions (or
# corrupting the cluster; \`postgres.sh reset\` fixes that) costs nothing. Without fsync
# the test suite's many short transactions run several times faster. Never copy these
# lines to a cluster that holds real data.
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
checkpoint_timeout = 30min
log_min_messages = warning
log_min_duration_statement = -1
CONF
  [ "$AS_ROOT" -eq 1 ] && chown "$PG_USER:" "$conf"
  return 0
}

ensure_roles_and_databases() {
  admin_psql <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB', '$ROLE')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$ROLE_PASSWORD';
SQL
  local db
  for db in "${DATABASES[@]}"; do
    admin_psql <<SQL
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$ROLE')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db') \gexec
SQL
  done
}

start() {
  prepare_dirs
  if running && accepting; then
    ensure_roles_and_databases
    log "already running on 127.0.0.1:$PORT"
    return 0
  fi
  if accepting; then
    die "port $PORT on 127.0.0.1 is taken by another server; set TANDEM_PG_PORT"
  fi
  initdb_once
  write_config
  log "starting PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data in $DATA)"
  # 9>&-: the server must not inherit the lock's descriptor, or it would hold the lock
  # for its whole life and the next caller would wait forever.
  if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null 9>&-; then
    log "server did not start; last lines of $LOG:"; tail -n 30 "$LOG" >&2 || true
    return 1
  fi
  for _ in $(seq 1 60); do
    if accepting; then
      ensure_roles_and_databases
      log "ready"
      return 0
    fi
    sleep 0.5
  done
  die "server started but does not accept connections on 127.0.0.1:$PORT (see $LOG)"
}

stop() {
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    log "stopped"
  fi
}

status() {
  if running && accepting; then
    log "running on 127.0.0.1:$PORT (data in $DATA)"
    return 0
  fi
  log "not running"
  return 1
}

url() {
  [ -n "${1:-}" ] || die "usage: $0 url <database>"
  echo "postgresql+asyncpg://$ROLE:$ROLE_PASSWORD@127.0.0.1:$PORT/$1"
}

locked() {
  # One caller at a time: parallel test workers may all call `start`.
  mkdir -p "$BASE"
  exec 9>"$BASE/.lock"
  flock -w 180 9 || die "another postgres.sh holds $BASE/.lock for more than 180 s"
  "$@"
}

case "${1:-}" in
  start) locked start ;;
  stop) locked stop ;;
  status) status ;;
  reset) locked stop; rm -rf "$DATA" "$LOG"; log "reset" ;;
  url) url "${2:-}" ;;
  psql) PGPASSWORD="$ROLE_PASSWORD" exec "$BIN/psql" -X -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "${2:-tandem_test}" ;;
  *) echo "usage: $0 start|stop|status|reset|url <database>|psql [database]" >&2; exit 2 ;;
esac
