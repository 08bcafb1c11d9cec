#!/usr/bin/env bash
# Run newsgraph on the shared reference sets and print the score summaries (seeds, then PLOVER dev).
# Usage: scripts/eval.sh [-v]     (-v lists every missed and extra event)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
OUT="${TMPDIR:-/tmp}/newsgraph-eval"
mkdir -p "$OUT"
NEWSGRAPH="${NEWSGRAPH:-.venv/bin/newsgraph}"
PY="${PY:-python3}"
for set in seeds plover_dev; do
    rm -f "$OUT/$set.db"   # a fresh store, so every article is analysed again
    "$NEWSGRAPH" analyze "$SHARED/corpus/$set" --db "$OUT/$set.db" --jsonl "$OUT/$set.jsonl" 2>/dev/null
    echo "== $set"
    "$PY" "$SHARED/eval/score.py" "$SHARED/gold/$set.json" "$OUT/$set.jsonl" "$@" | { if [ "${1:-}" = "-v" ]; then cat; else tail -n 1; fi; }
done
