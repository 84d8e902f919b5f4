#!/usr/bin/env bash
# A synthetic family of FEATURES × LANGUAGES (src/test/bench/synthetic-family.py) synced from local folders by the
# packaged service at -Xmx256m, no catalog. Reports: the matrix build, the heap after a full GC, search latency
# (distinct features(query:) POSTs, never cached) at 1 and 32 connections, and how long after a sync run ends its
# change is visible in the matrix. See docs/benchmarks.md.
#
#   ./mvnw package -DskipTests && src/test/bench/synthetic-load.sh 10000 4
#   ./mvnw package -DskipTests && src/test/bench/synthetic-load.sh 500 10
set -euo pipefail
cd "$(dirname "$0")/../../.."
FEATURES=${1:-10000}
LANGUAGES=${2:-4}
SECONDS_PER_RUN=${3:-15}
PORT=18190
TOKEN=bench-admin-token
WORK=$(mktemp -d)
trap 'kill $(cat "$WORK/app.pid" 2>/dev/null) 2>/dev/null || true; sleep 1; rm -rf "$WORK"' EXIT

python3 src/test/bench/synthetic-family.py "$WORK/family" "$FEATURES" "$LANGUAGES"
CROSSROADS_CONFIG_FILE="$WORK/family/family.yaml" CROSSROADS_PARITY_CATALOG=none CROSSROADS_DB_DATA_DIR="$WORK/pg" \
  CROSSROADS_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT \
  java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
echo $! >"$WORK/app.pid"
gql() { curl -s "localhost:$PORT/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d "$1"; }
# the start-up sync has ended and its last snapshot is in the matrix
for _ in $(seq 600); do
  grep -q "Sync run 1 " "$WORK/app.log" && break
  sleep 1
done
# the matrix the run's end asks for: the first one logged after the run (none is built while a sync writes)
matrix_after_run() {
  awk '/Sync run 1 /{ended=1} ended && /Matrix at data version/{print; exit}' "$WORK/app.log" \
    | grep -o "Matrix at data version [0-9]*" | grep -o "[0-9]*$" || true
}
for _ in $(seq 600); do
  version=$(matrix_after_run)
  [ -n "$version" ] && break
  sleep 1
done
for _ in $(seq 120); do
  sleep 2
  latest=$(grep -o "Matrix at data version [0-9]*" "$WORK/app.log" | tail -1 | grep -o "[0-9]*$")
  [ "$latest" = "$version" ] && break
  version=$latest
done
n=$(gql '{"query":"{ features(first: 1) { totalCount } }"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["features"]["totalCount"])')
grep -E "Sync run|Matrix at" "$WORK/app.log" | sed 's/^.*\] //' | tail -3
echo "features in the matrix: $n"
jcmd "$(cat "$WORK/app.pid")" GC.run >/dev/null
echo "heap after a full GC: $(jcmd "$(cat "$WORK/app.pid")" GC.heap_info | grep -m1 -i 'total')"

cat >"$WORK/search.lua" <<'LUA'
local words = {"alpha", "bravo", "echo", "kilo", "tango", "zulu", "amber", "cobalt", "quartz", "willow"}
local forms = {
  '%s -available_on:lang01',
  'missing_in_one_of(lang00,lang01,lang02,lang03) OR %s',
  'status:planned %s',
  'parity:partial name:\\"%s\\"',
  '(%s OR status:in_progress) -parity:universal',
}
local n = 0
request = function()
  n = n + 1
  local q = string.format(forms[(n % #forms) + 1], words[(n % #words) + 1] .. " " .. string.format("%05d", n % 99991))
  local body = '{"query":"{ features(query: \\"' .. q .. '\\", first: 20) { totalCount edges { node { id name parity } } } }"}'
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json"}, body)
end
LUA
echo "search (distinct queries, none cached): connections req/s p50 p90 p99"
wrk -t1 -c1 -d5s -s "$WORK/search.lua" "http://127.0.0.1:$PORT" >/dev/null # warm-up
for c in 1 32; do
  t=$([ "$c" = 1 ] && echo 1 || echo 2)
  wrk -t"$t" -c"$c" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/search.lua" "http://127.0.0.1:$PORT" >"$WORK/wrk.txt"
  grep -q "Non-2xx" "$WORK/wrk.txt" && { cat "$WORK/wrk.txt"; exit 1; }
  echo "$c $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") $(awk '$1=="50%" {print $2}' "$WORK/wrk.txt") \
$(awk '$1=="90%" {print $2}' "$WORK/wrk.txt") $(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")"
done

# One roadmap changes: an item of lang00 gets every entry ticked (now coming soon). Measured from the
# end of the sync run (the mutation answers when the run is closed) to the change showing in the matrix.
roadmap="$WORK/family/lang00/docs/roadmap.md"
for attempt in 1 2 3 4 5; do
  title=$(python3 - "$roadmap" <<'PY'
import re, sys
page = open(sys.argv[1]).read()
for block in page.split("\n### ")[1:]:
    if "- [ ]" in block:
        title = block.split("\n", 1)[0]
        open(sys.argv[1], "w").write(page.replace("### " + block, "### " + block.replace("- [ ]", "- [x]"), 1))
        print(re.sub(r"\s*\([pP][0-3]\)$", "", title))
        break
PY
)
  [ -n "$title" ] || { echo "no unticked roadmap item left"; break; }
  start=$(date +%s%N)
  gql '{"query":"mutation { triggerSync(language: \"lang00\", source: ROADMAP) { outcome } }"}' >/dev/null
  ended=$(date +%s%N)
  query="{\"query\":\"{ parityMatrix(query: \\\"status:lang00=coming_soon name:\\\\\\\"$title\\\\\\\"\\\") { rows { feature { id } } } }\"}"
  for _ in $(seq 2000); do
    found=$(gql "$query" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["parityMatrix"]["rows"]))')
    [ "$found" -gt 0 ] && break
    sleep 0.005
  done
  seen=$(date +%s%N)
  echo "roadmap of lang00 ('$title' ticked): run took $(( (ended - start) / 1000000 )) ms, in the matrix $(( (seen - ended) / 1000000 )) ms after it ended"
done
jcmd "$(cat "$WORK/app.pid")" GC.run >/dev/null
echo "heap after the run and a full GC: $(jcmd "$(cat "$WORK/app.pid")" GC.heap_info | grep -m1 -i 'total')"
grep -c "OutOfMemoryError" "$WORK/app.log" | sed 's/^/OutOfMemoryError lines in the log: /'
