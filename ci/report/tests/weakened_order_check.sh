#!/usr/bin/env bash
# The gate catches a weakened order in a reference primitive and its text
# report points at the changed line. Slow (builds the model preset in a copy
# of the tree), so it is a documented check, not a CTest test:
#   ci/report/tests/weakened_order_check.sh [FILE LINE FROM TO]
# default: impl/ordercheck/refcounted_deleter/reference.hpp line 34, acq_rel -> relaxed.
# Works on a copy of the tree (build/ left out): impl/ is never modified.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
file=${1:-impl/ordercheck/refcounted_deleter/reference.hpp} line=${2:-34} from=${3:-Sync::acq_rel} to=${4:-Sync::relaxed}
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
grep -q "$short:$line" "$copy/failures.txt" || { echo "FAIL: no gate failure's swimlane points at $short:$line"; exit 1; }
echo "gate exited 1; gate failures pointing at $short:$line:"
grep -c "$short:$line" "$copy/failures.txt"
echo "report: $report"
