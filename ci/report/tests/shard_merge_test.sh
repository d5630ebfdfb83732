#!/usr/bin/env bash
# Sharding is lossless: N shards of a layer (GTEST_TOTAL_SHARDS and
# GTEST_SHARD_INDEX) together run exactly the checks of one unsharded run,
# none twice, and merging the shards' results gives the same reports as the
# unsharded run, byte for byte but for wall-clock times (heap addresses are
# named object#N by the model's history parser, so the address layout of each
# process does not show). Negative control: leaving one shard out is caught.
#   shard_merge_test.sh ORDERCHECK_REPORT TESTS_DIR LAYER_BINARY [LAYER_ARGS...]
#   SHARDS=3 by default.
set -euo pipefail
report=$1 tests=$2 layer=$3
shift 3
shards=${SHARDS:-3}
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT

run_layer_args=("$@")
run() {  # run OUTPUT [VAR=value...]
  local output=$1 status=0
  shift
  env "$@" "$layer" "${run_layer_args[@]}" --json "$output" > "$output.log" 2>&1 || status=$?
  [ "$status" -le 1 ] || { echo "FAIL: $layer exited $status ($*); log: $(tail -3 "$output.log")"; exit 1; }
}

run "$work/whole.jsonl"
for i in $(seq 0 $((shards - 1))); do
  run "$work/shard$i.jsonl" GTEST_TOTAL_SHARDS="$shards" GTEST_SHARD_INDEX="$i"
done

checks() { jq -r '.check + " [" + .engine.name + "]"' "$@" | sort; }
checks "$work/whole.jsonl" > "$work/whole.checks"
checks "$work"/shard*.jsonl > "$work/shards.checks"
count=$(wc -l < "$work/whole.checks")
[ "$count" -gt 0 ] || { echo "FAIL: the unsharded run wrote no record"; exit 1; }
if ! diff -u "$work/whole.checks" "$work/shards.checks"; then
  echo "FAIL: the $shards shards did not run exactly the unsharded run's checks"; exit 1
fi
for i in $(seq 0 $((shards - 1))); do
  [ -s "$work/shard$i.jsonl" ] || echo "note: shard $i of $shards ran no check (fewer checks than shards?)"
done
echo "$count checks: the $shards shards ran each exactly once"

# Negative control: without the last shard, the comparison fails.
checks $(seq -f "$work/shard%g.jsonl" 0 $((shards - 2))) > "$work/missing.checks"
if cmp -s "$work/whole.checks" "$work/missing.checks"; then
  echo "FAIL: leaving shard $((shards - 1)) out was not noticed"; exit 1
fi

# The merged report equals the unsharded one (times aside).
"$report" "$work/whole.jsonl" --out "$work/whole-report" 2>/dev/null || true
"$report" "$work"/shard*.jsonl --out "$work/merged-report" 2>/dev/null || true
without_times() {
  case "$1" in
    *.jsonl) jq -c 'del(.. | .wall_seconds?)' "$1" ;;
    *.xml) sed 's/ time="[0-9.]*"//g' "$1" ;;
    *) cat "$1" ;;
  esac  # no address masking: model histories name objects (object#N), not addresses
}
for f in report.txt ordercheck.sarif junit.xml report.html summary.md results.jsonl; do
  if ! cmp -s <(without_times "$work/whole-report/$f") <(without_times "$work/merged-report/$f"); then
    echo "FAIL: merged $f differs from the unsharded one:"
    diff <(without_times "$work/whole-report/$f") <(without_times "$work/merged-report/$f") | head -20 | cut -c1-300 || true
    exit 1
  fi
done
echo "merged report of $shards shards = unsharded report (6 formats)"
