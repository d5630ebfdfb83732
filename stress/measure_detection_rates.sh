#!/usr/bin/env bash
# Measures how often the stress layer finds each upstream defect, with
# ThreadSanitizer (the tsan build) and without (the default gcc build), and
# prints the README's table. A measurement, not a gate: CI never runs it.
#
#   stress/measure_detection_rates.sh [--runs N] [--seconds S] [--seed S]
#                                     [--tsan-build DIR] [--default-build DIR] [--out DIR]
#
# Defaults: 20 runs per check, 0.5 s per run, seed 1, build/tsan and
# build/default (configure and build them first: cmake --preset tsan &&
# cmake --build build/tsan --target ordercheck-stress, likewise default).
# Writes OUT/with_tsan.jsonl, OUT/without_tsan.jsonl and OUT/table.md
# (OUT defaults to build/detection-rates).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20
seconds=0.5
seed=1
tsan_build=build/tsan
default_build=build/default
out=build/detection-rates
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --tsan-build) tsan_build="$2"; shift 2 ;;
    --default-build) default_build="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "measure_detection_rates.sh: unknown argument '$1' (see the header of this script)" >&2; exit 2 ;;
  esac
done

with_tsan="$tsan_build/stress/ordercheck-stress"
without_tsan="$default_build/stress/ordercheck-stress"
for binary in "$with_tsan" "$without_tsan"; do
  if [ ! -x "$binary" ]; then
    echo "measure_detection_rates.sh: $binary is missing: build the ordercheck-stress target of that preset first" >&2
    exit 2
  fi
done

# The upstream cells whose contract does not hide the defect.
patterns=(
  'owner_tag/upstream/free_threaded/*'
  'handle_cache/upstream/gil_released_in_slow/*'
  'handle_cache/upstream/free_threaded/*'
  'refcounted_deleter/upstream/*'
  'code_context/upstream/*'
)

mkdir -p "$out"
rm -f "$out/with_tsan.jsonl" "$out/without_tsan.jsonl"
echo "measure_detection_rates.sh: $runs runs per check, $seconds s per run, seeds $seed.. ($(nproc) cores)"
for pattern in "${patterns[@]}"; do
  # Exit status 1 would mean a record does not match; upstream cells expect
  # pass too, so it only happens on a hang or an error: keep going, the table
  # shows it.
  "$with_tsan" --run "$pattern" --runs "$runs" --seconds "$seconds" --seed "$seed" --json "$out/with_tsan.jsonl" || true
  "$without_tsan" --run "$pattern" --runs "$runs" --seconds "$seconds" --seed "$seed" --json "$out/without_tsan.jsonl" || true
done
"$with_tsan" --detection-table "$out/with_tsan.jsonl" "$out/without_tsan.jsonl" > "$out/table.md"
cat "$out/table.md"
