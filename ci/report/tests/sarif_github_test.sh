#!/usr/bin/env bash
# The SARIF that the workflow uploads passes Microsoft's SARIF multitool with
# GitHub's rules (--rule-kind "Sarif;Gh"): every result has a location (also
# the property-layer and stress results without a recorded site), every rule a
# fullDescription and help, the tool a version.
# Negative control: the same log with one result's locations removed is
# rejected (GH1015), so the validator really runs GitHub's rules.
# The multitool comes from npm (@microsoft/sarif-multitool), installed once
# into ${XDG_CACHE_HOME:-~/.cache}/ordercheck/sarif-multitool. Exit 77 (skipped)
# only when npm is absent.
#   sarif_github_test.sh ORDERCHECK_REPORT TESTS_DIR
set -euo pipefail
report=$1 tests=$2
command -v npm > /dev/null || { echo "SKIP: npm is absent (Debian: npm; ci/bootstrap installs it)"; exit 77; }
cache=${XDG_CACHE_HOME:-$HOME/.cache}/ordercheck/sarif-multitool
multitool=$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$multitool" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund @microsoft/sarif-multitool@5 > "$cache/install.log" 2>&1 \
    || { echo "FAIL: npm could not install @microsoft/sarif-multitool: $(tail -1 "$cache/install.log")"; exit 1; }
  chmod u+x "$multitool"  # its postinstall script does this; npm may not run it
fi
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT

errors() {  # errors SARIF_FILE: the number of error-level findings of the multitool
  "$multitool" validate --rule-kind 'Sarif;Gh' --output "$work/validation.sarif" "$1" > "$work/validation.log" 2>&1 \
    || { echo "FAIL: the multitool did not run: $(tail -3 "$work/validation.log")" >&2; exit 1; }
  jq '[.runs[].results[] | select(.level == "error")] | length' "$work/validation.sarif"
  rm -f "$work/validation.sarif"
}

# Exit 1 is expected: the fixtures hold a gate failure (a mismatch).
status=0
"$report" "$tests"/data/*.jsonl --out "$work" --format sarif > /dev/null 2>&1 || status=$?
[ "$status" -le 1 ] && [ -s "$work/ordercheck.sarif" ] || { echo "FAIL: ordercheck-report exited $status"; exit 1; }
results=$(jq '.runs[0].results | length' "$work/ordercheck.sarif")
found=$(errors "$work/ordercheck.sarif")
[ "$found" = 0 ] || { echo "FAIL: GitHub's rules reject the SARIF ($found errors):"; grep ': error' "$work/validation.log"; exit 1; }
echo "ordercheck.sarif ($results results): 0 errors under --rule-kind Sarif;Gh"

jq 'del(.runs[0].results[0].locations)' "$work/ordercheck.sarif" > "$work/broken.sarif"
found=$(errors "$work/broken.sarif")
[ "$found" -gt 0 ] && grep -q GH1015 "$work/validation.log" \
  || { echo "FAIL: negative control: a result without locations was not rejected"; exit 1; }
echo "control: a result without locations is rejected ($found errors, GH1015)"
