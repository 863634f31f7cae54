#!/usr/bin/env bash
# Runs a real Keycloak (the OIDC provider the sign-in tests and the web app talk to) on
# loopback without Docker, from the distribution published on Maven Central.
#   keycloak.sh fetch   download the distribution (checksum pinned below), build it once
#   keycloak.sh start   fetch, start with the tandem realm imported, wait until it answers
#   keycloak.sh stop    stop the server (its data stays; `reset` removes it)
#   keycloak.sh status  exit 0 when the tandem realm's discovery document answers
#   keycloak.sh url     print the tandem realm's issuer URL
#   keycloak.sh reset   stop and delete the data directory
# Idempotent: start on a running server and stop on a stopped one are no-ops.
#
# Production mode (`start --optimized`), not `start-dev`: the server is built once in
# fetch (local cache, no cluster discovery on a shared machine; the H2 file database),
# so each start skips Quarkus' re-augmentation, and it runs with the production
# defaults the real deployment has (strict hostname, so the issuer is stable; theme
# caching; no dev-mode relaxations). HTTP only, bound to 127.0.0.1: Keycloak's
# "external" SSL requirement lets loopback through, and nothing else can reach it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="26.7.3"
# SHA-512 of keycloak-quarkus-dist-$VERSION.tar.gz as Maven Central publishes it, pinned
# here so that a changed or corrupted download is refused, not run.
SHA512="664c8ac2997d94b69825af70acc3a6017a7a53a1504a6e21b2d82a04e5f53593b30cabdf80ffe3eb661f13442a57fbc15c4186a1899f2841e8145532e5ae7e1c"
URL="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$VERSION/keycloak-quarkus-dist-$VERSION.tar.gz"
CACHE="${TANDEM_CACHE_DIR:-$ROOT/.cache}/keycloak"
HOME_DIR="$CACHE/keycloak-$VERSION"
DATA="${TANDEM_KEYCLOAK_DATA:-$CACHE/data}"
PORT="${TANDEM_KEYCLOAK_PORT:-18080}"
REALM_FILE="$ROOT/deploy/local/keycloak/tandem-realm.json"
PIDFILE="$DATA/keycloak.pid"
LOG="$DATA/keycloak.out"
HEAP="${TANDEM_KEYCLOAK_HEAP:--Xms64m -Xmx512m}"
BASE="http://127.0.0.1:$PORT"

log() { echo "keycloak.sh: $*" >&2; }

# Keycloak supports OpenJDK 17, 21 and 25 and recommends the newest; use the machine's
# Temurin 25 when it is there, else the default java.
java_home() {
  if [ -n "${TANDEM_KEYCLOAK_JAVA_HOME:-}" ]; then echo "$TANDEM_KEYCLOAK_JAVA_HOME"
  elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then echo /usr/lib/jvm/temurin-25-jdk-amd64
  else dirname "$(dirname "$(readlink -f "$(command -v java)")")"; fi
}

fetch() {
  if [ -f "$HOME_DIR/.complete" ]; then return 0; fi
  mkdir -p "$CACHE"
  local archive="$CACHE/keycloak-quarkus-dist-$VERSION.tar.gz"
  if ! echo "$SHA512  $archive" | sha512sum --quiet -c - >/dev/null 2>&1; then
    log "downloading Keycloak $VERSION from Maven Central (about 170 MB)"
    if command -v curl >/dev/null 2>&1; then
      curl -fsSL --retry 3 -o "$archive.part" "$URL"
    else  # a bare CI image may lack curl; python3 is there (make setup needs it)
      python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' \
        "$URL" "$archive.part"
    fi
    if ! echo "$SHA512  $archive.part" | sha512sum --quiet -c - >/dev/null 2>&1; then
      rm -f "$archive.part"; log "checksum mismatch for $URL: refusing it"; return 1
    fi
    mv "$archive.part" "$archive"
  fi
  rm -rf "$HOME_DIR"
  tar -xzf "$archive" -C "$CACHE"
  rm -f "$archive"  # the unpacked tree is the cache; the archive would double it
  # Build-time options, fixed here once so that `start --optimized` needs no rebuild:
  # a local cache (no JGroups cluster discovery), the embedded H2 file database.
  log "building Keycloak (once)"
  JAVA_HOME="$(java_home)" "$HOME_DIR/bin/kc.sh" build --db=dev-file --cache=local >"$CACHE/build.out" 2>&1 \
    || { tail -n 30 "$CACHE/build.out" >&2; return 1; }
  touch "$HOME_DIR/.complete"
}

answers() {
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' \
    "$BASE/realms/tandem/.well-known/openid-configuration" >/dev/null 2>&1
}

start() {
  fetch
  if answers; then log "already running on $BASE"; return 0; fi
  mkdir -p "$DATA"
  # Keycloak imports a realm only when it does not exist yet; when the realm file has
  # changed since the database was made, start from an empty database so that the
  # running realm is always the one in the repository.
  local digest; digest=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
  if [ "$(cat "$DATA/realm.sha256" 2>/dev/null)" != "$digest" ]; then rm -rf "$DATA/h2"; fi
  # --import-realm reads the distribution's data/import directory.
  mkdir -p "$HOME_DIR/data/import"
  rm -f "$HOME_DIR/data/import/"*.json
  cp "$REALM_FILE" "$HOME_DIR/data/import/"
  log "starting Keycloak $VERSION on $BASE (data in $DATA)"
  # The bootstrap admin (master realm) is created with an empty database only; it is
  # for the admin console on this machine and for the tests' admin calls.
  KC_BOOTSTRAP_ADMIN_USERNAME="${TANDEM_KEYCLOAK_ADMIN:-admin}" \
  KC_BOOTSTRAP_ADMIN_PASSWORD="${TANDEM_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
  JAVA_HOME="$(java_home)" JAVA_OPTS_KC_HEAP="$HEAP" \
    nohup "$HOME_DIR/bin/kc.sh" start --optimized \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$PORT" \
      --hostname="$BASE" \
      --db-url="jdbc:h2:file:$DATA/h2/keycloakdb;NON_KEYWORDS=VALUE" \
      --import-realm >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  echo "$digest" >"$DATA/realm.sha256"
  for _ in $(seq 1 180); do
    if answers; then log "ready"; return 0; fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      log "Keycloak exited; last lines of $LOG:"; tail -n 30 "$LOG" >&2; return 1
    fi
    sleep 1
  done
  log "Keycloak did not answer within 180 s"; return 1
}

stop() {
  if [ -f "$PIDFILE" ]; then
    local pid; pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null; then
      # kc.sh forwards TERM to the JVM and waits for it.
      kill "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      log "stopped"
    fi
    rm -f "$PIDFILE"
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) answers ;;
  url) echo "$BASE/realms/tandem" ;;
  reset) stop; rm -rf "$DATA" ;;
  *) echo "usage: $0 fetch|start|stop|status|url|reset" >&2; exit 2 ;;
esac
