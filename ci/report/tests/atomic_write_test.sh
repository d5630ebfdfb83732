#!/usr/bin/env bash
# Nothing lost when ordercheck-report is killed: SIGKILL at several moments of
# a run over a large input leaves every report either the previous run's,
# byte for byte, or the new one, whole; never a half-written file. The next
# run sweeps the temporary files a killed run left, and finishes cleanly.
#   atomic_write_test.sh ORDERCHECK_REPORT TESTS_DIR
set -euo pipefail
report=$1 tests=$2
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
out=$work/out
files=(results.jsonl report.txt ordercheck.sarif junit.xml report.html summary.md)

# The previous report: from the small fixtures.
"$report" "$tests"/data/*.jsonl --out "$out" 2>/dev/null || true
mkdir "$work/old" && for f in "${files[@]}"; do cp "$out/$f" "$work/old/$f"; done

# A large input: n copies of the model race, each its own check.
n=5000
jq -c --argjson n "$n" '. as $r | range($n) as $i | $r | .check = "\(.check)/\($i)"' "$tests/data/model_race.jsonl" > "$work/big.jsonl"

# Each file is the old one, or a whole new one.
whole_new() {
  case "$1" in
    results.jsonl) [ "$(wc -l < "$out/$1")" = "$n" ] && tail -1 "$out/$1" | jq -e .check > /dev/null ;;
    ordercheck.sarif) jq -e --argjson n "$n" '.runs[0].results | length == $n' "$out/$1" > /dev/null ;;
    junit.xml) tail -1 "$out/$1" | grep -q '^</testsuites>$' ;;
    report.html) tail -1 "$out/$1" | grep -q '^</html>$' && grep -q "claim_and_read/$((n - 1))" "$out/$1" ;;
    report.txt) grep -q "EXPECTED FINDING $n/$n" "$out/$1" ;;
    summary.md) grep -q "$n checks" "$out/$1" ;;
  esac
}
check_every_file() {
  local new=0
  for f in "${files[@]}"; do
    if cmp -s "$out/$f" "$work/old/$f"; then continue; fi
    whole_new "$f" || { echo "FAIL ($1): $f is neither the old report nor a whole new one"; exit 1; }
    new=$((new + 1))
  done
  echo "killed $1: $new of ${#files[@]} files new, the rest old, none half-written"
}

# Negative control: the check above does catch a half-written file.
head -c $(( $(stat -c %s "$work/old/report.html") / 2 )) "$work/old/report.html" > "$work/half.html"
cp "$work/half.html" "$out/report.html"
if (check_every_file control) > /dev/null 2>&1; then echo "FAIL: a half-written report.html was not caught"; exit 1; fi
cp "$work/old/report.html" "$out/report.html"

# Kill 1: as soon as the run starts (reading, rendering, or mid-write of the first file).
"$report" "$work/big.jsonl" --out "$out" --slow-write-for-test 400 2>/dev/null & pid=$!
sleep 0.3; kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
check_every_file "early"

# Kill 2: after the first file was replaced, while the others are pending.
"$report" "$work/big.jsonl" --out "$out" --slow-write-for-test 400 2>/dev/null & pid=$!
for _ in $(seq 600); do cmp -s "$out/results.jsonl" "$work/old/results.jsonl" || break; sleep 0.05; done
kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
check_every_file "mid-run"
cmp -s "$out/results.jsonl" "$work/old/results.jsonl" && { echo "FAIL: the mid-run kill came before any file was written"; exit 1; }

# A full run afterwards: every file new and whole, no temporary file left.
"$report" "$work/big.jsonl" --out "$out" 2>/dev/null || true
for f in "${files[@]}"; do whole_new "$f" || { echo "FAIL: $f is not whole after a full run"; exit 1; }; done
leftover=$(find "$out" -name '*.tmp.*')
[ -z "$leftover" ] || { echo "FAIL: temporary files linger: $leftover"; exit 1; }
echo "full run after the kills: every file whole, no temporary file left"
