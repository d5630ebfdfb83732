#!/usr/bin/env bash
# README's "Adding your own primitive", followed literally in a scratch copy of
# the tree: copy the three files of fixtures/demo_flag/ into
# impl/ordercheck/demo_flag/, configure, build, run. Checks that the model
# layer finds the broken variant (data_race) and passes the reference, that
# the stress layer runs both cells as declared (gcc, no sanitizer: the broken
# one may pass), that the properties layer (declared in the same subject.hpp)
# runs its cells and its Relacy mode finds the broken variant (data_race):
# all through `ci/gate --prebuilt` in the scratch tree, which must pass and
# show the subject's rows. Negative controls: dropping the broken variant's
# stress expectation or emptying its model or property expectation makes the
# runner refuse to start (exit 2, one line naming the cell).
#
# Cost: to build only what it needs, the scratch copy keeps no other subject
# (their subject.hpp are removed) and builds four executables in one build
# folder, ordercheck-stress (gcc, no sanitizer), ordercheck-model,
# ordercheck-properties (gcc + Relacy) and ordercheck-report, without
# optimisation or debug
# information: the test checks what the layers find, not speed, and -O0
# compiles a Relacy translation unit in 10 s of CPU where the model preset's
# -O3 takes 37 s (g++ 12). Measured numbers are in the README (issue 13).
#   howto_test.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "howto_test: $*" >&2; exit 1; }

git -C "$source_dir" ls-files -z | tar -C "$source_dir" --null -T - -c | tar -x -C "$scratch"
rm -f "$scratch"/impl/ordercheck/*/subject.hpp
# Steps 1-3: the three files, and nothing else.
mkdir -p "$scratch/impl/ordercheck/demo_flag"
cp -r "$source_dir"/impl/tests/howto/fixtures/demo_flag/. "$scratch/impl/ordercheck/demo_flag/"

# Step 4: configure, build, run. One build folder for the three layers, so the
# libraries they share (results, report writers) compile once; no build type,
# so no optimisation and no debug information (see Cost above).
cmake -S "$scratch" -B "$scratch/build/all" -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=g++ \
  -DORDERCHECK_UNIT=OFF -DORDERCHECK_TOOLS=OFF -DORDERCHECK_BENCHMARKS=OFF \
  -DORDERCHECK_STRESS=ON -DORDERCHECK_PROPERTIES=ON -DORDERCHECK_MODEL=ON > "$scratch/configure.log"
cmake --build "$scratch/build/all" --target ordercheck-stress ordercheck-model ordercheck-properties ordercheck-report \
  > "$scratch/build.log" || fail "build failed: $(grep -m3 -B2 -A8 'error' "$scratch/build.log")"
stress=$scratch/build/all/stress/ordercheck-stress
model=$scratch/build/all/model/ordercheck-model
properties=$scratch/build/all/properties/ordercheck-properties

# Step 5: the gate, over the runners just built (its layers model, stress,
# properties and properties-model). It must pass, every layer must have run
# demo_flag, and the model and the properties' Relacy mode must find
# relaxed_publish.
"$scratch/ci/gate" --no-bootstrap --prebuilt "$scratch/build/all" --out "$scratch/gate" > "$scratch/gate.log" 2>&1 ||
  fail "ci/gate --prebuilt did not pass: $(grep -m5 'FAIL\|ERROR\|CRASH\|TIMEOUT' "$scratch/gate.log")"
results=$scratch/gate/results.jsonl
[ -s "$results" ] || fail "ci/gate wrote no $results"
for layer in model stress properties properties-model; do
  jq -e --arg layer "$layer" -s 'any(.[]; .layer == $layer and .subject == "demo_flag")' "$results" > /dev/null ||
    fail "ci/gate: no demo_flag record from the $layer layer"
done
found() {  # found LAYER CHECK VERDICT: the gate's record of CHECK in LAYER observed VERDICT
  jq -e --arg l "$1" --arg c "$2" --arg v "$3" -s 'any(.[]; .layer == $l and .check == $c and .observed == $v)' \
    "$results" > /dev/null || fail "ci/gate: $1 $2 did not observe $3"
}
found model demo_flag/relaxed_publish/none/publish_once data_race
found model demo_flag/reference/none/publish_once pass
found properties-model demo_flag/relaxed_publish/none/publication/relacy data_race
found properties-model demo_flag/reference/none/linearizability/relacy pass
found properties demo_flag/reference/none/linearizability pass
grep -q 'demo_flag' "$scratch/gate/report.txt" || fail "ci/gate: report.txt shows no demo_flag row"
[ "$("$stress" --list | grep -c '^demo_flag/')" -eq 2 ] || fail "stress: expected 2 demo_flag checks"
[ "$(grep -c '^demo_flag/' < <("$properties" --list))" -eq 4 ] || fail "properties: expected 4 demo_flag cells"

# Negative controls: no silent defaults.
expect_refused() {  # runner, what the one line must name
  local status=0
  "$1" --list > /dev/null 2> "$scratch/err" || status=$?
  [ "$status" -eq 2 ] || fail "$(basename "$1") --list exited $status with an undeclared expectation, not 2"
  [ "$(wc -l < "$scratch/err")" -eq 1 ] && grep -q "$2" "$scratch/err" ||
    fail "$(basename "$1"): not one line naming $2: $(cat "$scratch/err")"
}
subject=$scratch/impl/ordercheck/demo_flag/subject.hpp
sed -i '/stress_expectation({"relaxed_publish"/d' "$subject"
cmake --build "$scratch/build/all" --target ordercheck-stress > /dev/null || fail "stress rebuild failed"
expect_refused "$stress" 'demo_flag/relaxed_publish/none/publish_once'
sed -i 's/{description, {"data_race"}/{description, {}/' "$subject"
cmake --build "$scratch/build/all" --target ordercheck-model > /dev/null || fail "model rebuild failed"
expect_refused "$model" 'demo_flag/relaxed_publish/none/publish_once'
sed -i 's/{"data_race"},$/{},/' "$subject"
cmake --build "$scratch/build/all" --target ordercheck-properties > /dev/null || fail "properties rebuild failed"
expect_refused "$properties" 'demo_flag/relaxed_publish/none/publication/relacy'
echo "howto_test: ci/gate runs demo_flag in the model, stress and properties layers and passes; the model and the properties' Relacy mode find relaxed_publish; undeclared expectations exit 2"
