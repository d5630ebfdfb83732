#!/usr/bin/env bash
# ci/gate never reports a broken layer as a pass: with stand-in layer binaries
# (ORDERCHECK_GATE_TEST_LAYERS, one executable per layer name), a layer that
# crashes, times out, exits 0 without records, exits 0 despite a mismatching
# record, or is missing each becomes a failing record with the right verdict
# and the gate exits 1. Control: with healthy stand-ins the gate exits 0.
#   gate_robustness_test.sh ORDERCHECK_REPORT TESTS_DIR
set -euo pipefail
report=$1 tests=$2
gate=$(cd "$tests/../.." && pwd)/gate
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
mkdir "$work/healthy" "$work/broken"

good() { printf '#!/usr/bin/env bash\nexec bash %q "$@"\n' "$tests/fake_layer.sh" > "$1"; chmod +x "$1"; }
good "$work/healthy/model"
good "$work/healthy/properties"
good "$work/broken/model"
printf '#!/usr/bin/env bash\necho "cell 1 done"\nkill -SEGV $$\n' > "$work/broken/stress"
printf '#!/usr/bin/env bash\nexec sleep 60\n' > "$work/broken/properties"
printf '#!/usr/bin/env bash\nexit 0\n' > "$work/broken/properties-tsan"
# Exit 0 with a mismatching record (a layer contradicting itself).
printf '#!/usr/bin/env bash\nbash %q "$@"\njq -c ".expected = [\\"pass\\"] | .matches = false" "${@: -1}" > "${@: -1}.x" && mv "${@: -1}.x" "${@: -1}"\nexit 0\n' \
  "$tests/fake_layer.sh" > "$work/broken/orders"
chmod +x "$work"/broken/*
rm "$work/broken/model" && good "$work/broken/model"

run_gate() {  # run_gate STAND_INS OUT LAYERS
  local status=0
  ORDERCHECK_GATE_TEST_LAYERS=$1 ORDERCHECK_GATE_TEST_REPORT=$report \
    "$gate" --no-bootstrap --layer-timeout 8 --layers "$3" --out "$2" > "$2.log" 2>&1 || status=$?
  echo "$status"
}

status=$(run_gate "$work/healthy" "$work/healthy-out" model,properties)
[ "$status" = 0 ] || { echo "FAIL: healthy layers: gate exited $status"; cat "$work/healthy-out.log"; exit 1; }
echo "healthy stand-ins: gate exit 0"

status=$(run_gate "$work/broken" "$work/broken-out" model,stress,properties,properties-tsan,orders)
[ "$status" = 1 ] || { echo "FAIL: broken layers: gate exited $status, not 1"; cat "$work/broken-out.log"; exit 1; }
verdict() { jq -r 'select(.engine.name == "ci/gate") | .observed' "$work/broken-out/results/$1.jsonl"; }
expect() {
  local got
  got=$(verdict "$1")
  [ "$got" = "$2" ] || { echo "FAIL: layer $1: gate record '$got', expected '$2'"; grep "$1" "$work/broken-out.log"; exit 1; }
  echo "layer $1: $2 ($(grep -E "^gate: \[[0-9]/5\] $1:" "$work/broken-out.log" | tail -1 | sed 's/^gate: \[[0-9]\/5\] //'))"
}
[ -z "$(verdict model)" ] || { echo "FAIL: the healthy model stand-in got a gate record"; exit 1; }
expect stress crash
expect properties timeout
expect properties-tsan error
expect orders error
grep -q '^GATE: FAIL' "$work/broken-out.log" || { echo "FAIL: the summary does not say FAIL"; exit 1; }

# A missing layer binary is an error too.
rm "$work/broken/stress"
status=$(run_gate "$work/broken" "$work/missing-out" model,stress)
[ "$status" = 1 ] || { echo "FAIL: missing binary: gate exited $status"; exit 1; }
[ "$(jq -r 'select(.engine.name == "ci/gate") | .observed' "$work/missing-out/results/stress.jsonl")" = error ] \
  || { echo "FAIL: missing binary not recorded as error"; exit 1; }
echo "layer stress missing: error"
