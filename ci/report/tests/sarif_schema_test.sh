#!/usr/bin/env bash
# The SARIF that ordercheck-report writes validates against the official SARIF
# 2.1.0 JSON schema (vendored in sarif-schema/), and a broken log does not
# (negative control: the validator really rejects).
#   sarif_schema_test.sh ORDERCHECK_REPORT TESTS_DIR
set -euo pipefail
report=$1 tests=$2
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
schema=$tests/sarif-schema/sarif-2.1.0-rtm.5.json
# The first python3 that has jsonschema (ci/bootstrap installs Debian's python3-jsonschema).
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import jsonschema' 2> /dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "SKIP: no python3 with jsonschema (Debian: python3-jsonschema; run ci/bootstrap)"; exit 77; }

"$report" "$tests"/data/*.jsonl --out "$work" --format sarif 2>/dev/null || true
"$python" "$tests/validate_sarif.py" "$schema" "$work/ordercheck.sarif" || exit $?

# Negative controls: a wrong version, and a region with startLine 0.
jq '.version = "2.0.0"' "$work/ordercheck.sarif" > "$work/wrong-version.sarif"
jq '(.runs[0].results[] | select(.locations) | .locations[0].physicalLocation.region.startLine) = 0' \
  "$work/ordercheck.sarif" > "$work/line-zero.sarif"
for broken in wrong-version line-zero; do
  if "$python" "$tests/validate_sarif.py" "$schema" "$work/$broken.sarif" > "$work/$broken.log"; then
    echo "FAIL: the schema validator accepted $broken.sarif"; exit 1
  fi
  echo "negative control $broken rejected: $(head -1 "$work/$broken.log")"
done
