#!/usr/bin/env bash
# The landing-page matrix query served by Crossroads (plain GraphQL POST, and the GET form) against nginx serving
# the identical JSON bytes as a static file: wrk -t2 -c32, warm, interleaved, in one run. See docs/benchmarks.md.
#
#   ./mvnw package -DskipTests && src/test/bench/matrix-vs-nginx.sh [rounds=3] [seconds=15]
#
# Needs wrk and nginx (apt-get install -y wrk nginx-light) and ../shared/corpus (the family it serves).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROUNDS=${1:-3}
SECONDS_PER_RUN=${2:-15}
CONFIG=${CONFIG:-config/examples/powertools-corpus.yaml}
APP_PORT=18180
NGINX_PORT=18181
WORK=$(mktemp -d)
trap 'kill $(cat "$WORK/app.pid" 2>/dev/null) 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; sleep 1; rm -rf "$WORK"' EXIT

CROSSROADS_CONFIG_FILE=$CONFIG CROSSROADS_DB_DATA_DIR="$WORK/pg" QUARKUS_HTTP_PORT=$APP_PORT \
  java -Xmx256m -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
echo $! >"$WORK/app.pid"
for _ in $(seq 120); do
  curl -sf "localhost:$APP_PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
python3 - "$WORK/landing.json" <<'PY'
import json, sys
json.dump({"query": open("src/main/resources/queries/landing.graphql").read()}, open(sys.argv[1], "w"))
PY
# wait until the start-up sync is in the matrix
for _ in $(seq 120); do
  rows=$(curl -s "localhost:$APP_PORT/graphql" -H 'Content-Type: application/json' --data-binary @"$WORK/landing.json" \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["parityMatrix"]["rows"]))')
  [ "$rows" -gt 0 ] && break
  sleep 0.5
done
mkdir -p "$WORK/www"
curl -s "localhost:$APP_PORT/graphql" -H 'Content-Type: application/json' --data-binary @"$WORK/landing.json" \
  -o "$WORK/www/landing.json"
curl -s "localhost:$APP_PORT/api/queries/landing" -o "$WORK/get.json"
cmp -s "$WORK/www/landing.json" "$WORK/get.json" || { echo "GET and POST answers differ" >&2; exit 1; }
echo "landing response: $(wc -c <"$WORK/www/landing.json") bytes, $rows rows"

cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type application/json;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
chmod -R a+rX "$WORK" # nginx workers run unprivileged
nginx -c "$WORK/nginx.conf"
for _ in $(seq 20); do curl -sf "localhost:$NGINX_PORT/landing.json" -o /dev/null && break; sleep 0.2; done
cmp -s "$WORK/www/landing.json" <(curl -s "localhost:$NGINX_PORT/landing.json") || { echo "nginx bytes differ" >&2; exit 1; }

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$WORK/landing.json", "r")
wrk.body = f:read("*a")
f:close()
LUA

run() { # name, seconds, wrk args...
  local name=$1 secs=$2; shift 2
  wrk -t2 -c32 -d"${secs}s" --latency "$@" >"$WORK/wrk.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")
  grep -q "Non-2xx" "$WORK/wrk.txt" && { echo "$name: non-2xx answers" >&2; cat "$WORK/wrk.txt" >&2; exit 1; }
  echo "$name $rps $p50 $p99"
}
echo "warming up"
for _ in 1 2; do
  run nginx 5 "http://127.0.0.1:$NGINX_PORT/landing.json" >/dev/null
  run post 5 -s "$WORK/post.lua" "http://127.0.0.1:$APP_PORT/graphql" >/dev/null
  run get 5 "http://127.0.0.1:$APP_PORT/api/queries/landing" >/dev/null
done
echo "round target req/s p50 p99"
for round in $(seq "$ROUNDS"); do
  echo "$round $(run nginx "$SECONDS_PER_RUN" "http://127.0.0.1:$NGINX_PORT/landing.json")"
  echo "$round $(run graphql-post "$SECONDS_PER_RUN" -s "$WORK/post.lua" "http://127.0.0.1:$APP_PORT/graphql")"
  echo "$round $(run graphql-get "$SECONDS_PER_RUN" "http://127.0.0.1:$APP_PORT/api/queries/landing")"
done
echo "service heap after the run: $(jcmd "$(cat "$WORK/app.pid")" GC.heap_info 2>/dev/null | grep -m1 -i 'total' || true)"
