#!/usr/bin/env bash
# A minute of mixed hostile requests, several at once, against the packaged service at -Xmx256m, while a probe asks
# `{ languages { id } }` every 200 ms. Reports the probe's latencies, every status code the hostile requests got,
# and whether the service stayed ready and out of OutOfMemoryError. See docs/operations.md.
#
#   ./mvnw package -DskipTests && src/test/bench/hostile-soak.sh [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_TOTAL=${1:-60}
PORT=18200
WORK=$(mktemp -d)
trap 'kill "${PIDS[@]:-}" 2>/dev/null || true; kill $(cat "$WORK/app.pid" 2>/dev/null) 2>/dev/null || true; sleep 1; rm -rf "$WORK"' EXIT
URL="http://127.0.0.1:$PORT"

CROSSROADS_CONFIG_FILE=config/examples/gizmo.yaml CROSSROADS_DB_DATA_DIR="$WORK/pg" QUARKUS_HTTP_PORT=$PORT \
  CROSSROADS_GITHUB_WEBHOOK_SECRET=soak-secret \
  java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar target/quarkus-app/quarkus-run.jar >"$WORK/app.log" 2>&1 &
echo $! >"$WORK/app.pid"
for _ in $(seq 120); do curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

# the hostile bodies
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
open(f"{w}/nested.md", "w").write("## Key areas\n\n### Deep\n\n" + "- " * 100_000 + "x\n")
open(f"{w}/aliases.json", "w").write(json.dumps({"query": "{" + " ".join(
    f'a{i}: parseRoadmap(markdown: {json.dumps("## Themes" + chr(10) + "- " * 25_000 + "x")}) {{ title }}' for i in range(8)) + "}"}))
open(f"{w}/big.bin", "wb").write(b"x" * (15 * 1024 * 1024))
open(f"{w}/vars.json", "w").write('{"query":"{ languages { id } }","variables":"text"}')
open(f"{w}/multipart.txt", "w").write('--XX\r\nContent-Disposition: form-data; name="mkdocs"\r\n\r\nnav: []\r\n')
open(f"{w}/nullpage.json", "w").write('{"mkdocs": "nav: []", "pages": {"a.md": null}}')
open(f"{w}/aliases-sources.json", "w").write(json.dumps({"query": "{" + " ".join(f"s{i}: sources {{ language }}" for i in range(2400)) + "}"}))
PY

# warm the probe's path first: the figure is about a running service, not a cold JIT
for _ in $(seq 200); do
  curl -s -o /dev/null "$URL/graphql" -H 'Content-Type: application/json' -d '{"query":"{ languages { id } }"}'
done

PIDS=()
hostile() { # name, curl args...
  local name=$1; shift
  local end=$((SECONDS + SECONDS_TOTAL))
  while [ $SECONDS -lt $end ]; do
    code=$(curl -s -o /dev/null -w "%{http_code}" --max-time 30 "$@" || echo "000")
    echo "$name $code" >>"$WORK/codes.txt"
  done
}
hostile nested-preview "$URL/api/parse/roadmap" -H 'Content-Type: text/markdown' --data-binary @"$WORK/nested.md" &
PIDS+=($!)
hostile alias-previews "$URL/graphql" -H 'Content-Type: application/json' --data-binary @"$WORK/aliases.json" &
PIDS+=($!)
hostile big-webhook "$URL/api/webhooks/github" -H 'Content-Type: application/json' -H 'X-GitHub-Event: push' --data-binary @"$WORK/big.bin" &
PIDS+=($!)
hostile big-preview "$URL/api/parse/roadmap" -H 'Content-Type: text/markdown' --data-binary @"$WORK/big.bin" &
PIDS+=($!)
hostile big-graphql "$URL/graphql" -H 'Content-Type: application/json' --data-binary @"$WORK/big.bin" &
PIDS+=($!)
hostile string-variables "$URL/graphql" -H 'Content-Type: application/json' --data-binary @"$WORK/vars.json" &
PIDS+=($!)
hostile broken-multipart "$URL/api/parse/docs" -H 'Content-Type: multipart/form-data; boundary=XX' --data-binary @"$WORK/multipart.txt" &
PIDS+=($!)
hostile null-page "$URL/api/parse/docs" -H 'Content-Type: application/json' --data-binary @"$WORK/nullpage.json" &
PIDS+=($!)
hostile many-aliases "$URL/graphql" -H 'Content-Type: application/json' --data-binary @"$WORK/aliases-sources.json" &
PIDS+=($!)

end=$((SECONDS + SECONDS_TOTAL))
while [ $SECONDS -lt $end ]; do
  curl -s -o /dev/null -w "%{time_total} %{http_code}\n" --max-time 10 "$URL/graphql" -H 'Content-Type: application/json' \
    -d '{"query":"{ languages { id } }"}' >>"$WORK/probe.txt" || echo "10 000" >>"$WORK/probe.txt"
  sleep 0.2
done
wait "${PIDS[@]}" 2>/dev/null || true

echo "probe { languages { id } }: $(wc -l <"$WORK/probe.txt") requests"
echo "  slowest probes (n-th of the run: ms): $(awk '{printf "%d:%.0f\n", NR, $1*1000}' "$WORK/probe.txt" \
  | sort -t: -k2 -rn | head -5 | tr '\n' ' ')"
sort -n "$WORK/probe.txt" | awk '{t[NR]=$1*1000; if ($2 != 200) bad++} END {printf "  p50 %.1f ms, p99 %.1f ms, max %.1f ms, non-200: %d\n", t[int(NR*0.5)], t[int(NR*0.99)], t[NR], bad}'
echo "hostile requests: name status count"
sort "$WORK/codes.txt" | uniq -c | awk '{print "  " $2, $3, $1}'
echo "5xx answers: $(awk '$2 ~ /^5/' "$WORK/codes.txt" | grep -vc "503" || true) (503 Retry-After from the large-body gate counted apart: $(grep -c " 503" "$WORK/codes.txt" || true))"
echo "ready after the soak: $(curl -s -o /dev/null -w '%{http_code}' "$URL/q/health/ready")"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$WORK/app.log" || true); ERROR lines: $(grep -c ' ERROR ' "$WORK/app.log" || true)"
grep ' ERROR ' "$WORK/app.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -5
