#!/usr/bin/env sh
# Writes app.aot, the JDK 25 ahead-of-time cache (JEP 483/514/515) that brings `java -jar` to ready in under 2 s:
# classes loaded and linked, and method profiles, recorded from a real run of the service. It starts the service
# from an aot-jar package with -XX:AOTCacheOutput, lets it start and sync the offline Gizmo example, reads the
# landing page, the shipped queries, a search and a report as users do, and stops it; the JVM writes the cache as
# it exits. A cache only serves the same JDK build and the same jars: make it where it will run (the image does).
#
#   deploy/aot-training.sh [app-dir=target/quarkus-app] [config-dir=config]
#
# Database: the one QUARKUS_DATASOURCE_REACTIVE_URL / _JDBC_URL / _USERNAME / _PASSWORD name (the image's build
# stage starts a throwaway PostgreSQL), or else the embedded one in a temporary folder. Needs curl.
set -eu
APP_DIR=${1:-target/quarkus-app}
CONFIG_DIR=$(cd "${2:-config}" && pwd)
PORT=${AOT_TRAINING_PORT:-18290}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$APP_DIR"
rm -f app.aot

CROSSROADS_CONFIG_FILE="$CONFIG_DIR/examples/gizmo.yaml" CROSSROADS_PARITY_CATALOG="$CONFIG_DIR/features.yaml" \
  CROSSROADS_DB_DATA_DIR="$WORK/postgres" QUARKUS_HTTP_PORT=$PORT \
  java -XX:AOTCacheOutput=app.aot ${JAVA_OPTS:-} -jar quarkus-run.jar >"$WORK/service.log" 2>&1 &
PID=$!

fail() {
  echo "AOT training failed: $1" >&2
  tail -n 30 "$WORK/service.log" >&2
  kill "$PID" 2>/dev/null || true
  exit 1
}

tries=0
until curl -sf -o /dev/null "http://localhost:$PORT/q/health/ready"; do
  kill -0 "$PID" 2>/dev/null || fail "the service exited before it was ready"
  tries=$((tries + 1))
  [ "$tries" -lt 600 ] || fail "not ready after 60 s"
  sleep 0.1
done
# the start-up sync, then what readers ask for, a few rounds so that the profiles see the hot paths
tries=0
until curl -sf "http://localhost:$PORT/graphql" -H 'Content-Type: application/json' \
    -d '{"query":"{ syncRuns(last: 1) { outcome } }"}' | grep -q SUCCEEDED; do
  tries=$((tries + 1))
  [ "$tries" -lt 600 ] || fail "the start-up sync did not succeed within 60 s"
  sleep 0.1
done
for round in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  for path in / /app.css /js/app.js /api/queries/landing /api/queries/activity /features/logger /languages/python \
      /api/reports/parity?format=md /api/reports/parity?format=csv /api/feed.atom /api/charts/coverage.svg \
      /q/health/ready /q/metrics; do
    curl -s -o /dev/null "http://localhost:$PORT$path"
  done
  curl -s -o /dev/null "http://localhost:$PORT/graphql" -H 'Content-Type: application/json' \
    -d "{\"query\":\"{ features(query: \\\"available_on:python -available_on:go OR name:log$round\\\", first: 20) { nodes { id name } } }\"}"
  curl -s -o /dev/null "http://localhost:$PORT/graphql" -H 'Content-Type: application/json' \
    -d '{"query":"{ sources { language kind stale latest { status durationMs } } }"}'
done

kill -TERM "$PID"
wait "$PID" || true # 143: stopped by the signal, as intended
[ -s app.aot ] || fail "no app.aot was written"
echo "AOT cache written: $(pwd)/app.aot ($(du -h app.aot | cut -f1))"
