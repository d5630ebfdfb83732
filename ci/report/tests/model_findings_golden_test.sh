#!/usr/bin/env bash
# Golden compact text of every upstream defect's model finding, with no
# masking: the quick profile's runs are deterministic (fixed seeds, heap
# objects named, not printed as addresses), so report.txt's section of each
# finding (title, verdict, scenario, sites, fix, compact swimlane; the replay
# token left out, being opaque) is compared byte for byte with
# golden/model_findings/<check>.txt. Every finding also shows at most 15
# steps, numbered 1..N without gaps. ORDERCHECK_UPDATE_GOLDEN=1 rewrites the
# golden files.
# Negative controls: a golden file with one step edited is caught, a section
# with 16 steps shown is caught by the step limit, and one whose step numbers
# skip one is caught by the numbering check.
#   model_findings_golden_test.sh ORDERCHECK_REPORT TESTS_DIR ORDERCHECK_MODEL
set -euo pipefail
report=$1 tests=$2 model=$3
golden=$tests/golden/model_findings
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT

status=0
"$model" --run '*/upstream/*/*' --profile quick --json "$work/model.jsonl" > "$work/model.log" 2>&1 || status=$?
[ "$status" -le 1 ] || { echo "FAIL: ordercheck-model exited $status: $(tail -3 "$work/model.log")"; exit 1; }
"$report" "$work/model.jsonl" --out "$work/report" --format text > /dev/null

# One file per finding: from its "== EXPECTED FINDING n/N: " title (the
# numbering left out) up to, not including, its replay line.
mkdir -p "$work/sections"
awk -v dir="$work/sections" '
  /^== (EXPECTED FINDING|GATE FAILURE) [0-9]+\/[0-9]+: / {
    name = $5; gsub("/", "__", name); file = dir "/" name ".txt"
    sub(/ [0-9]+\/[0-9]+:/, ":"); printing = 1 }
  /^replay: / { printing = 0 }
  printing { print > file }' "$work/report/report.txt"
count=$(find "$work/sections" -name '*.txt' | wc -l)
[ "$count" -gt 0 ] || { echo "FAIL: no model finding in the report"; exit 1; }

steps_shown() {  # steps_shown FILE: the number of steps its swimlane shows
  grep -oE '^interleaving, (compact: [0-9]+ of|all [0-9]+ steps)' "$1" | grep -oE '[0-9]+' | head -1
}
too_long() {  # too_long FILE: more than 15 steps shown
  local n
  n=$(steps_shown "$1")
  [ -z "$n" ] || [ "$n" -gt 15 ]
}

numbering_gap() {  # numbering_gap FILE: its swimlane's step numbers are not 1..N, N the steps shown
  awk -v shown="$(steps_shown "$1")" '
    /^step \|/ { lane = 1; next }
    lane && /^[0-9]+ +\|/ { if ($1 != ++n) bad = 1 }
    END { exit !(bad || n != shown) }' "$1"
}

if [ -n "${ORDERCHECK_UPDATE_GOLDEN:-}" ]; then
  rm -rf "$golden" && mkdir -p "$golden" && cp "$work/sections/"*.txt "$golden/"
  echo "rewrote $count golden files in $golden"; exit 0
fi
failed=0
for file in "$work/sections/"*.txt; do
  name=$(basename "$file")
  if [ ! -f "$golden/$name" ]; then echo "FAIL: no golden file for $name (ORDERCHECK_UPDATE_GOLDEN=1 writes it)"; failed=1; continue; fi
  diff -u "$golden/$name" "$file" > "$work/diff" || { echo "FAIL: $name differs from its golden file:"; head -40 "$work/diff"; failed=1; }
  if too_long "$file"; then echo "FAIL: $name shows $(steps_shown "$file") steps (at most 15)"; failed=1; fi
  if numbering_gap "$file"; then echo "FAIL: $name's step numbers do not run 1..$(steps_shown "$file") without gaps"; failed=1; fi
done
for file in "$golden/"*.txt; do
  [ -f "$work/sections/$(basename "$file")" ] || { echo "FAIL: $(basename "$file") is golden but no longer found"; failed=1; }
done
[ "$failed" = 0 ] || exit 1
echo "$count model findings match their golden compact text; each shows at most 15 steps, numbered without gaps"

# Negative controls.
first=$(find "$work/sections" -name '*.txt' | sort | head -1)
sed '0,/^[0-9][0-9]* *|/s/^\([0-9][0-9]*\)\( *|\)/9999\2/' "$first" > "$work/edited"
if diff -q "$golden/$(basename "$first")" "$work/edited" > /dev/null; then
  echo "FAIL: a step number edited to 9999 was not caught"; exit 1
fi
sed -E 's/^interleaving, compact: [0-9]+ of/interleaving, compact: 16 of/' "$first" > "$work/long"
too_long "$work/long" || { echo "FAIL: a finding with 16 steps shown passed the limit"; exit 1; }
sed '0,/^2 *|/s/^2\( *|\)/3\1/' "$first" > "$work/gap"
numbering_gap "$work/gap" || { echo "FAIL: step numbers 1, 3, 3, ... passed the numbering check"; exit 1; }
echo "negative controls: an edited step, a 16-step finding and a gap in the step numbers are caught"
