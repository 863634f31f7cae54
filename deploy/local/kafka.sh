#!/usr/bin/env bash
# Runs a real Apache Kafka broker (single KRaft node) on loopback without Docker.
#   kafka.sh fetch   resolve the broker's jars from Maven Central into the cache
#   kafka.sh start   fetch, format storage once, start, wait until it answers
#   kafka.sh stop    stop the broker (its data stays; `reset` removes it)
#   kafka.sh status  exit 0 when the broker answers
#   kafka.sh reset   stop and delete the data directory
# Idempotent: start on a running broker and stop on a stopped one are no-ops.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${TANDEM_CACHE_DIR:-$ROOT/.cache}/kafka"
LIBS="$CACHE/libs"
DATA="${TANDEM_KAFKA_DATA:-$CACHE/data}"
PORT="${TANDEM_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${TANDEM_KAFKA_CONTROLLER_PORT:-9093}"
PIDFILE="$DATA/kafka.pid"
LOG="$DATA/kafka.out"
HEAP="${TANDEM_KAFKA_HEAP:--Xms256m -Xmx768m}"

log() { echo "kafka.sh: $*" >&2; }

fetch() {
  if [ -f "$LIBS/.complete" ]; then return 0; fi
  log "resolving Apache Kafka from Maven Central into $LIBS"
  mkdir -p "$LIBS"
  mvn -B -q -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIBS" -DincludeScope=runtime
  touch "$LIBS/.complete"
}

answers() {
  # A TCP connect is not enough (the socket opens before the broker is ready);
  # ask the broker for its API versions with the tool shipped in the same jars.
  java -cp "$LIBS/*" -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2-tools.properties" \
    org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$PORT" \
    >/dev/null 2>&1
}

write_config() {
  mkdir -p "$DATA/logs"
  cat >"$DATA/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA/logs
# Topics are provisioned explicitly (tandem_kit.kafka.provision), never auto-created.
auto.create.topics.enable=false
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

start() {
  fetch
  if answers; then log "already running on 127.0.0.1:$PORT"; return 0; fi
  write_config
  if [ ! -f "$DATA/logs/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    java -cp "$LIBS/*" -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2-tools.properties" \
      kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$DATA/server.properties" >/dev/null
  fi
  log "starting broker on 127.0.0.1:$PORT (data in $DATA)"
  # shellcheck disable=SC2086
  nohup java $HEAP -XX:+UseG1GC -cp "$LIBS/*" \
    -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" \
    -Dkafka.logs.dir="$DATA" \
    kafka.Kafka "$DATA/server.properties" >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 120); do
    if answers; then log "ready"; return 0; fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      log "broker exited; last lines of $LOG:"; tail -n 30 "$LOG" >&2; return 1
    fi
    sleep 1
  done
  log "broker did not answer within 120 s"; return 1
}

stop() {
  if [ -f "$PIDFILE" ]; then
    local pid; pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null; then
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
  reset) stop; rm -rf "$DATA" ;;
  *) echo "usage: $0 fetch|start|stop|status|reset" >&2; exit 2 ;;
esac
