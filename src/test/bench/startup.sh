#!/usr/bin/env bash
# Time from `java -jar` to /q/health/ready answering 200, on an existing data directory with the embedded
# PostgreSQL (the second and later starts an operator sees), ROUNDS times; then the resident memory of the last
# start under read load. See docs/benchmarks.md.
#
#   ./mvnw package -DskipTests && src/test/bench/startup.sh [rounds=10] [load-seconds=30]
#
# Needs curl and wrk. JAVA_OPTS sets JVM options (default -Xmx256m), APP_DIR the build to run (default
# target/quarkus-app; an absolute path). The family is the offline Gizmo example.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
ROUNDS=${1:-10}
LOAD_SECONDS=${2:-30}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
APP_DIR=${APP_DIR:-target/quarkus-app} # another build to compare with, such as a checkout of an older commit
# NICE=-10 (as root) runs the service ahead of whatever else the machine is busy with, as on a machine of its own
NICE=${NICE:-0}
PORT=18280
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; sleep 2; rm -rf "$WORK"' EXIT

# from target/quarkus-app, as an AppCDS archive wants (JAVA_OPTS=-XX:SharedArchiveFile=app-cds.jsa)
start() {
  (cd "$APP_DIR" && CROSSROADS_CONFIG_FILE="$ROOT/config/examples/gizmo.yaml" \
    CROSSROADS_PARITY_CATALOG="$ROOT/config/features.yaml" CROSSROADS_DB_DATA_DIR="$WORK/pg" \
    QUARKUS_HTTP_PORT=$PORT exec nice -n "$NICE" java $JAVA_OPTS -jar quarkus-run.jar >"$WORK/app-$1.log" 2>&1) &
  # the subshell execs java: $! is the JVM
  PID=$!
}

# sets MS to the milliseconds from launch until ready
time_to_ready() {
  local t0 t1
  t0=$(date +%s%N)
  start "$1"
  until curl -sf -o /dev/null "localhost:$PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { echo "service exited; log:" >&2; cat "$WORK/app-$1.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  MS=$(( (t1 - t0) / 1000000 ))
  # CPU the JVM used until then (user + system, clock ticks): less bent by other load on the machine than wall time
  CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$PID/stat")
}

stop() {
  kill "$PID"
  wait "$PID" 2>/dev/null || true
  PID=
}

# the first start creates the data directory (initdb) and syncs: not what is measured
time_to_ready init
sleep 5
stop

times=()
cpus=()
for i in $(seq "$ROUNDS"); do
  time_to_ready "$i"
  times+=("$MS")
  cpus+=("$CPU_MS")
  echo "start $i: ready in $MS ms, JVM CPU $CPU_MS ms ($(grep -o 'started in [0-9.]*s' "$WORK/app-$i.log" || true))"
  if [ "$i" -lt "$ROUNDS" ]; then
    stop
  fi
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "ready after java -jar: min %d ms, median %d ms, max %d ms (%d starts)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {printf "JVM CPU until ready: min %d ms, median %d ms, max %d ms\n", a[1], a[int((NR+1)/2)], a[NR]}'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# resident memory under read load: the landing query (GET, cached bytes) and an uncached search, side by side
sleep 3
cat >"$WORK/search.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local body = '{"query":"{ features(query: \\"-available_on:go OR name:log' .. n .. '\\", first: 20) { nodes { id name } } }"}'
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json"}, body)
end
LUA
rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
echo "RSS before load: $(( $(rss) / 1024 )) MB"
wrk -t1 -c16 -d"${LOAD_SECONDS}s" "http://localhost:$PORT/api/queries/landing" >"$WORK/wrk-get.txt" &
WRK1=$!
wrk -t1 -c4 -d"${LOAD_SECONDS}s" -s "$WORK/search.lua" "http://localhost:$PORT/graphql" >"$WORK/wrk-search.txt" &
WRK2=$!
peak=0
while kill -0 "$WRK1" 2>/dev/null || kill -0 "$WRK2" 2>/dev/null; do
  r=$(rss); [ "$r" -gt "$peak" ] && peak=$r
  sleep 0.5
done
wait "$WRK1" "$WRK2" || true
echo "landing GET: $(grep 'Requests/sec' "$WORK/wrk-get.txt"); search POST: $(grep 'Requests/sec' "$WORK/wrk-search.txt")"
echo "peak RSS under read load ($LOAD_SECONDS s, JAVA_OPTS=$JAVA_OPTS): $(( peak / 1024 )) MB; after: $(( $(rss) / 1024 )) MB"
grep -c -E ' ERROR ' "$WORK"/app-*.log | awk -F: '{s+=$2} END {print "ERROR lines in the logs: " s}'
