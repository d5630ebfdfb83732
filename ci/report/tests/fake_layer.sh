#!/usr/bin/env bash
# A stand-in layer binary for the shard tests: 12 cells, of which it runs the
# ones GoogleTest's sharding assigns to it (cell i runs in shard i mod
# GTEST_TOTAL_SHARDS == GTEST_SHARD_INDEX), writing one record per cell in
# the results schema. Cells 4 and 9 are upstream defects found as expected.
#   fake_layer.sh [options] --json FILE        exit 0: every cell matched
set -euo pipefail
out=""
while [ $# -gt 0 ]; do  # other options (--profile quick, ...) are accepted and ignored
  [ "$1" = --json ] && [ $# -ge 2 ] && { out=$2; shift; }
  shift
done
[ -n "$out" ] || { echo "fake_layer.sh: usage: fake_layer.sh [options] --json FILE" >&2; exit 2; }
total=${GTEST_TOTAL_SHARDS:-1} index=${GTEST_SHARD_INDEX:-0}
: > "$out"
for cell in $(seq 0 11); do
  [ $((cell % total)) = "$index" ] || continue
  subject=(owner_tag handle_cache refcounted_deleter code_context)
  contract=(gil gil_released_in_slow free_threaded)
  if [ "$cell" = 4 ] || [ "$cell" = 9 ]; then variant=upstream expected='["data_race"]' observed=data_race
  else variant=reference expected='["pass"]' observed=pass; fi
  jq -nc --arg s "${subject[cell % 4]}" --arg c "${contract[cell % 3]}" --arg v "$variant" \
     --argjson expected "$expected" --arg observed "$observed" --argjson cell "$cell" '{
    schema: "ordercheck.result/1", check: "\($s)/\($v)/\($c)/cell_\($cell)", subject: $s, variant: $v,
    contract: $c, layer: "fake", engine: {name: "fake", settings: {}}, expected: $expected,
    observed: $observed, matches: true, message: "fake cell \($cell)", seed: $cell, iterations: 1,
    wall_seconds: 0, scenario: "", replay: {token: "", command: ""}, mutations: [],
    sites: (if $observed == "pass" then [] else [{file: "impl/ordercheck/\($s)/upstream.hpp", line: 40,
            operation: "load", order: "", role: "racing access"}] end),
    interleaving: []}' >> "$out"
  echo "fake layer: cell $cell done"
done
