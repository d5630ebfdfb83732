#!/usr/bin/env bash
# Measures how often the stress layer finds each upstream defect, with
# ThreadSanitizer (the tsan build) and without (the default gcc build), and
# prints the README's table. A measurement, not a gate: CI never runs it.
# It also writes stress/detection_rates.json, from which ordercheck-stress
# derives each check's budget by need (stress/runner/check_budget.hpp).
#
#   stress/measure_detection_rates.sh [--runs N] [--seconds S] [--seed S] [--jobs N]
#                                     [--tsan-build DIR] [--default-build DIR] [--out DIR]
#                                     [--rates FILE] [--run PATTERN]...
#
# Defaults: 20 runs per check, 0.5 s per run, seed 1, --jobs = the core count
# (the runs of a check run that many at once, as the gate runs its checks),
# rates into stress/detection_rates.json, build/tsan and
# build/default (configure and build them first: cmake --preset tsan &&
# cmake --build build/tsan --target ordercheck-stress, likewise default).
# Writes OUT/with_tsan.jsonl, OUT/without_tsan.jsonl and OUT/table.md
# (OUT defaults to build/detection-rates).
# The checks measured: every check the rates file already has (the cells whose
# contract does not hide their defect, as measured before), plus each
# --run PATTERN (a glob over check ids: a subject you add).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20
seconds=0.5
seed=1
tsan_build=build/tsan
default_build=build/default
out=build/detection-rates
jobs=$(nproc)
rates=stress/detection_rates.json
extra_patterns=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --tsan-build) tsan_build="$2"; shift 2 ;;
    --default-build) default_build="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --rates) rates="$2"; shift 2 ;;
    --run) extra_patterns+=("$2"); shift 2 ;;
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

# The checks measured before (the cells whose contract does not hide the
# defect), read from the rates file so that this script names no subject,
# plus the --run patterns.
patterns=()
if [ -f "$rates" ]; then
  mapfile -t patterns < <(jq -r '.engines.tsan | keys[]' "$rates")
fi
patterns+=("${extra_patterns[@]}")
if [ ${#patterns[@]} -eq 0 ]; then
  echo "measure_detection_rates.sh: no checks to measure: $rates has none; name them with --run PATTERN" >&2
  exit 2
fi

mkdir -p "$out"
rm -f "$out/with_tsan.jsonl" "$out/without_tsan.jsonl"
load_before=$(cut -d' ' -f1 /proc/loadavg)
echo "measure_detection_rates.sh: $runs runs per check, $seconds s per run, seeds $seed.., $jobs at once ($(nproc) cores, load $load_before)"
for pattern in "${patterns[@]}"; do
  # Exit status 1 would mean a record does not match; upstream cells expect
  # pass too, so it only happens on a hang or an error: keep going, the table
  # shows it.
  "$with_tsan" --run "$pattern" --runs "$runs" --seconds "$seconds" --seed "$seed" --jobs "$jobs" --json "$out/with_tsan.jsonl" || true
  "$without_tsan" --run "$pattern" --runs "$runs" --seconds "$seconds" --seed "$seed" --jobs "$jobs" --json "$out/without_tsan.jsonl" || true
done
"$with_tsan" --detection-table "$out/with_tsan.jsonl" "$out/without_tsan.jsonl" > "$out/table.md"
cat "$out/table.md"

# The rates the runner's budgets come from: per engine, per check, found/runs
# and the seconds the runs spent in rounds (the exposure).
jq -n --slurpfile tsan "$out/with_tsan.jsonl" --slurpfile threads "$out/without_tsan.jsonl" \
  --arg date "$(date -u +%Y-%m-%dT%H:%MZ)" --arg machine "$(nproc) cores, $(uname -sr)" \
  --arg load "$load_before .. $(cut -d' ' -f1 /proc/loadavg)" \
  --argjson runs "$runs" --argjson seconds "$seconds" --argjson jobs "$jobs" '
  def rates: map({key: .check, value: {runs: .engine.settings.runs, found: .engine.settings.found,
                                       exposure_seconds: .engine.settings.exposure_seconds}}) | from_entries;
  {schema: "ordercheck.detection_rates/1",
   measured: ({date: $date, machine: $machine, load_average: $load, runs_per_check: $runs,
               seconds_per_run: $seconds, jobs: $jobs, by: "stress/measure_detection_rates.sh"}
              | {tsan: ., threads: .}),
   engines: {tsan: ($tsan | rates), threads: ($threads | rates)}}' > "$rates.tmp"
mv "$rates.tmp" "$rates"
echo "measure_detection_rates.sh: wrote $rates"
