#!/usr/bin/env bash
# README's "Adding your own primitive", followed literally in a scratch copy of
# the tree: copy the three files of fixtures/demo_flag/ into
# impl/ordercheck/demo_flag/, configure, build, run. Checks that the model
# layer finds the broken variant (data_race) and passes the reference, that
# the stress layer runs both cells as declared (gcc, no sanitizer: the broken
# one may pass), that the properties layer (declared in the same subject.hpp)
# runs its cells and its Relacy mode finds the broken
# variant (data_race), and, as negative controls, that dropping the broken
# variant's stress expectation or emptying its model or property expectation
# makes the runner refuse to start (exit 2, one line naming the cell).
#
# Cost: to build only what it needs, the scratch copy keeps no other subject
# (their subject.hpp are removed) and builds three executables in one build
# folder, ordercheck-stress (gcc, no sanitizer), ordercheck-model and
# ordercheck-properties (gcc + Relacy), without optimisation or debug
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
# Step 1-3: the three files.
mkdir -p "$scratch/impl/ordercheck/demo_flag"
cp -r "$source_dir"/impl/tests/howto/fixtures/demo_flag/. "$scratch/impl/ordercheck/demo_flag/"

# Step 4: configure, build, run. One build folder for the three layers, so the
# libraries they share (results, report writers) compile once; no build type,
# so no optimisation and no debug information (see Cost above).
cmake -S "$scratch" -B "$scratch/build/all" -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=g++ \
  -DORDERCHECK_UNIT=OFF -DORDERCHECK_TOOLS=OFF -DORDERCHECK_BENCHMARKS=OFF \
  -DORDERCHECK_STRESS=ON -DORDERCHECK_PROPERTIES=ON -DORDERCHECK_MODEL=ON > "$scratch/configure.log"
cmake --build "$scratch/build/all" --target ordercheck-stress ordercheck-model ordercheck-properties \
  > "$scratch/build.log" || fail "build failed: $(grep -m3 -B2 -A8 'error' "$scratch/build.log")"
stress=$scratch/build/all/stress/ordercheck-stress
model=$scratch/build/all/model/ordercheck-model
properties=$scratch/build/all/properties/ordercheck-properties

"$model" --run 'demo_flag/*' --json "$scratch/model.jsonl" > "$scratch/model.log" || fail "model: a cell did not match"
grep -q '"check":"demo_flag/relaxed_publish/none/publish_once".*"observed":"data_race"' "$scratch/model.jsonl" ||
  fail "model: relaxed_publish not found as data_race"
grep -q '"check":"demo_flag/reference/none/publish_once".*"observed":"pass"' "$scratch/model.jsonl" ||
  fail "model: the reference did not pass"
"$stress" --run 'demo_flag/*' --seconds 0.3 > /dev/null 2>&1 || fail "stress: a check did not match"
[ "$("$stress" --list | grep -c '^demo_flag/')" -eq 2 ] || fail "stress: expected 2 demo_flag checks"
"$properties" --run 'demo_flag/*' --programs 50 --runs 5 --seed 1 --json "$scratch/properties.jsonl" \
  > "$scratch/properties.log" || fail "properties: a cell did not match: $(grep -A12 UNEXPECTED "$scratch/properties.log")"
[ "$(grep -c '^demo_flag/' < <("$properties" --list))" -eq 4 ] || fail "properties: expected 4 demo_flag cells"
grep -q '"check":"demo_flag/relaxed_publish/none/publication/relacy".*"observed":"data_race"' "$scratch/properties.jsonl" ||
  fail "properties: the Relacy mode did not find relaxed_publish as data_race"
grep -q '"check":"demo_flag/reference/none/linearizability/relacy".*"observed":"pass"' "$scratch/properties.jsonl" ||
  fail "properties: the reference did not pass in the Relacy mode"

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
echo "howto_test: demo_flag runs in the model, stress and properties layers; the model and the properties' Relacy mode find relaxed_publish; undeclared expectations exit 2"
