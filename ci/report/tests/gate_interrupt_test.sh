#!/usr/bin/env bash
# ci/gate under interrupts and bad input, with stand-in layers
# (ORDERCHECK_GATE_TEST_LAYERS). A slow stand-in starts a grandchild and
# sleeps; then:
# - SIGINT to the gate, SIGINT to its whole process group (a terminal's
#   Ctrl-C) and SIGTERM: exit 130, "interrupted", no process of the layer
#   left, no unfinished folder left, the previous reports byte for byte intact;
# - SIGKILL of the gate: the layer's processes die with it (the watcher), the
#   previous reports are intact, and the next run removes the dead run's folder;
# - a layer timeout names the check in flight (ORDERCHECK_IN_FLIGHT);
# - empty or duplicate --layers and an unusable --out: exit 2, one line.
# Control: a healthy run exits 0 and replaces the reports.
#   gate_interrupt_test.sh ORDERCHECK_REPORT TESTS_DIR
set -euo pipefail
set -m  # background jobs get their own process group and keep SIGINT
report=$1 tests=$2
gate=$(cd "$tests/../.." && pwd)/gate
work=$(mktemp -d)
cleanup() {
  if [ -f "$work/grandchild.pid" ]; then kill -KILL "$(cat "$work/grandchild.pid")" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$work/gate.log" ] && sed 's/^/  | /' "$work/gate.log"; exit 1; }

mkdir "$work/healthy" "$work/slow"
printf '#!/usr/bin/env bash\nexec bash %q "$@"\n' "$tests/fake_layer.sh" > "$work/healthy/model"
# The slow layer: names its check in flight, starts a grandchild, sleeps.
cat > "$work/slow/model" <<EOF
#!/usr/bin/env bash
[ -z "\${ORDERCHECK_IN_FLIGHT:-}" ] || echo "slow_subject/upstream/gil/cell_7" > "\$ORDERCHECK_IN_FLIGHT"
sleep 300 &
echo \$! > "$work/grandchild.pid"
echo "slow layer: started"
wait
EOF
chmod +x "$work/healthy/model" "$work/slow/model"

gate_env() { ORDERCHECK_GATE_TEST_LAYERS=$1 ORDERCHECK_GATE_TEST_REPORT=$report "${@:2}"; }
fingerprint() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
leftovers() { find "$work" -maxdepth 1 -name '.out.*' | wc -l; }

gate_env "$work/healthy" "$gate" --no-bootstrap --layers model --out "$work/out" > "$work/gate.log" 2>&1 \
  || fail "healthy run exited $?"
before=$(fingerprint "$work/out")
[ -n "$before" ] && [ -f "$work/out/report.txt" ] || fail "the healthy run wrote no report"
echo "control: healthy run exit 0, reports in place"

start_slow_gate() {  # sets gate_pid; waits until the slow layer runs
  rm -f "$work/grandchild.pid"
  # Not through a function: $! must be the gate itself, not a subshell.
  ORDERCHECK_GATE_TEST_LAYERS=$work/slow ORDERCHECK_GATE_TEST_REPORT=$report \
    "$gate" --no-bootstrap --layers model --layer-timeout 120 --out "$work/out" > "$work/gate.log" 2>&1 &
  gate_pid=$!
  for _ in $(seq 100); do [ -s "$work/grandchild.pid" ] && return 0; sleep 0.1; done
  fail "the slow layer never started"
}
gate_exit() {  # gate_exit: sets status to the gate's, at most 20 s after the signal
  for _ in $(seq 200); do kill -0 "$gate_pid" 2> /dev/null || break; sleep 0.1; done
  kill -0 "$gate_pid" 2> /dev/null && fail "the gate still runs 20 s after the signal"
  status=0
  wait "$gate_pid" || status=$?
}
layer_gone() {  # layer_gone: within 5 s, no process of the slow layer is left
  local grandchild
  grandchild=$(cat "$work/grandchild.pid")
  for _ in $(seq 50); do kill -0 "$grandchild" 2> /dev/null || return 0; sleep 0.1; done
  fail "the layer's grandchild $grandchild outlived the gate"
}

for how in "INT gate" "INT group" "TERM gate"; do
  start_slow_gate
  signal=${how% *}
  if [ "${how#* }" = group ]; then kill -"$signal" -- "-$gate_pid"; else kill -"$signal" "$gate_pid"; fi
  gate_exit
  [ "$status" = 130 ] || fail "SIG$how: gate exited $status, not 130"
  grep -q interrupted "$work/gate.log" || fail "SIG$how: the gate did not say 'interrupted'"
  layer_gone
  [ "$(leftovers)" = 0 ] || fail "SIG$how: an unfinished run folder is left: $(ls -a "$work")"
  [ "$(fingerprint "$work/out")" = "$before" ] || fail "SIG$how: the previous reports changed"
  echo "SIG$how: exit 130, interrupted, layer stopped, previous reports intact"
done

start_slow_gate
kill -KILL "$gate_pid"
wait "$gate_pid" 2> /dev/null || true
layer_gone
[ "$(fingerprint "$work/out")" = "$before" ] || fail "SIGKILL: the previous reports changed"
gate_env "$work/healthy" "$gate" --no-bootstrap --layers model --out "$work/out" > "$work/gate.log" 2>&1 \
  || fail "run after SIGKILL exited $?"
[ "$(leftovers)" = 0 ] || fail "the run after SIGKILL left the dead run's folder: $(ls -a "$work")"
echo "SIGKILL: layer died with the gate, previous reports intact, next run cleaned up"

status=0
gate_env "$work/slow" "$gate" --no-bootstrap --layers model --layer-timeout 2 --out "$work/timeout-out" \
  > "$work/gate.log" 2>&1 || status=$?
[ "$status" = 1 ] || fail "timeout: gate exited $status, not 1"
message=$(jq -r 'select(.engine.name == "ci/gate") | .message' "$work/timeout-out/results/model.jsonl")
[[ "$message" == *"during slow_subject/upstream/gil/cell_7"* ]] || fail "timeout record does not name the check: $message"
layer_gone
echo "timeout: $message"

bad() {  # bad WHAT ARGS...: exit 2 and exactly one line
  local status=0 lines
  gate_env "$work/healthy" "$gate" --no-bootstrap "${@:2}" > "$work/gate.log" 2>&1 || status=$?
  lines=$(wc -l < "$work/gate.log")
  [ "$status" = 2 ] && [ "$lines" = 1 ] || fail "$1: exit $status with $lines lines, not exit 2 with one line"
  echo "$1: exit 2: $(cat "$work/gate.log")"
}
touch "$work/a-file"
bad "empty --layers" --layers '' --out "$work/bad-out"
bad "duplicate layers" --layers model,model --out "$work/bad-out"
bad "--out under a file" --layers model --out "$work/a-file/out"
bad "--out is a file" --layers model --out "$work/a-file"
bad "--prebuilt is a file" --prebuilt "$work/a-file" --out "$work/bad-out"
bad "--prebuilt with orders" --prebuilt "$work" --layers model,orders --out "$work/bad-out"
[ ! -e "$work/bad-out" ] || fail "a refused run created its --out folder"

# --prebuilt over a folder with none of the layers' runners: bad input. With
# one layer's runner missing: that layer's error record, never a pass.
mkdir -p "$work/empty-build" "$work/half-build"
bad "--prebuilt with no runner" --prebuilt "$work/empty-build" --layers model --out "$work/bad-out"
printf '#!/bin/sh\nexit 0\n' > "$work/half-build/ordercheck-stress" && chmod +x "$work/half-build/ordercheck-stress"
status=0
ORDERCHECK_GATE_TEST_REPORT=$report "$gate" --no-bootstrap --prebuilt "$work/half-build" --layers model,stress \
  --out "$work/prebuilt-out" > "$work/gate.log" 2>&1 || status=$?
[ "$status" = 1 ] || fail "--prebuilt without ordercheck-model: gate exited $status, not 1"
message=$(jq -r 'select(.engine.name == "ci/gate") | .message' "$work/prebuilt-out/results/model.jsonl")
[[ "$message" == "ordercheck-model is missing from $work/half-build"* ]] ||
  fail "--prebuilt without ordercheck-model: the record says '$message'"
echo "--prebuilt without one runner: exit 1, $message"
