#!/usr/bin/env bash
# The gate catches a weakened order in a reference primitive and its text
# report explains it (issue 10, "Done when"): the gate exits 1, a gate
# failure names the changed line, every model finding shows at most 15 steps
# and no raw address, report.txt fits 120 columns, and (for a one-step
# weakening) the checked fix puts the original order back. Slow (builds the model preset in a copy of the tree,
# ~15 min on 2 cores: the copy's paths miss ccache), so it is a documented
# check run by hand, not a CTest test:
#   ci/report/tests/weakened_order_check.sh [FILE LINE FROM TO]
# default: impl/ordercheck/refcounted_deleter/reference.hpp line 34,
# acq_rel -> release; the fix expected is "release -> acq_rel". Other
# weakenings check the fix line only when FIX is set ("FROM -> TO" text).
# Works on a copy of the tree (build/ left out): impl/ is never modified.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
file=${1:-impl/ordercheck/refcounted_deleter/reference.hpp} line=${2:-34} from=${3:-Sync::acq_rel} to=${4:-Sync::release}
fix=${FIX:-}
[ $# -gt 0 ] || fix=${FIX:-release -> acq_rel}
copy=${WEAKENED_COPY:-$(mktemp -d)/tree}
mkdir -p "$copy"
tar -C "$root" --exclude=./build --exclude=./ordercheck-report -cf - . | tar -C "$copy" -xf -
grep -q "$from" <(sed -n "${line}p" "$copy/$file") || { echo "FAIL: $file:$line has no '$from'"; exit 2; }
sed -i "${line}s/$from/$to/" "$copy/$file"
echo "weakened $file:$line: $(sed -n "${line}p" "$copy/$file" | sed 's/^ *//')"
status=0
"$copy/ci/gate" --no-bootstrap --layers model --out "$copy/ordercheck-report" > "$copy/gate.log" 2>&1 || status=$?
grep -E '^gate:' "$copy/gate.log"
[ "$status" = 1 ] || { echo "FAIL: the gate exited $status, not 1"; exit 1; }
report=$copy/ordercheck-report/report.txt
sed -n '/^GATE FAILURES/,/^EXPECTED FINDINGS/p' "$report" > "$copy/failures.txt"
short=${file#impl/ordercheck/}
failed=0
grep -q "$short:$line" "$copy/failures.txt" || { echo "FAIL: no gate failure's swimlane points at $short:$line"; failed=1; }
echo "gate failures: $(grep -c '^== GATE FAILURE' "$copy/failures.txt"); lines naming $short:$line: $(grep -c "$short:$line" "$copy/failures.txt")"
if [ -n "$fix" ]; then
  if grep -q "fix: $short:$line [a-z_]* $fix makes this cell pass" "$copy/failures.txt"; then
    grep -m1 "fix: $short:$line" "$copy/failures.txt"
  else
    echo "FAIL: no gate failure prints the checked fix '$short:$line ... $fix'"; failed=1
  fi
fi
# Every model finding's swimlane (report.txt, failures and expected findings).
most=0
while read -r n; do [ "$n" -le "$most" ] || most=$n; done < <(
  grep -oE '^interleaving, (compact: [0-9]+ of|all [0-9]+ steps)' "$report" | grep -oE '[0-9]+')
echo "most steps shown by a finding: $most"
[ "$most" -le 15 ] || { echo "FAIL: a finding shows $most steps (at most 15)"; failed=1; }
if grep -nE '0x[0-9a-fA-F]{5,}' "$report" | head -3 | grep .; then echo "FAIL: report.txt shows raw addresses"; failed=1; fi
wide=$(awk 'length > 120' "$report" | wc -l)
[ "$wide" = 0 ] || { echo "FAIL: report.txt has $wide lines over 120 columns"; failed=1; }
[ "$failed" = 0 ] || exit 1
echo "report: $report"
