#!/usr/bin/env bash
# History backfill figures for docs/benchmarks.md (issue 10): the four runtimes' docs history (the bundles in
# ../shared/corpus/history) backfilled from local clones (3 rounds, beside the walk alone), then from a GitHub
# stand-in that answers every request 20 ms late (requests counted). Needs ../shared beside the repository.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -o test -Dtest='HistoryBackfillBenchmark,GitHubHistoryBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
    | tee target/history-backfill-bench.log | grep '^BENCH' || true
grep -q '^BENCH github second' target/history-backfill-bench.log
