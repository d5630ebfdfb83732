#!/usr/bin/env bash
# ci/gate keeps the stress layer's raw ThreadSanitizer reports: it passes its
# report folder to the stress layer (--raw-reports), the kept file ends up in
# the published folder's logs/stress-tsan/, and report.txt and report.html name
# it. Negative control: the model layer is not given --raw-reports, and its
# findings name no raw report.
#   gate_raw_report_test.sh ORDERCHECK_REPORT TESTS_DIR
set -euo pipefail
report=$1 tests=$2
gate=$(cd "$tests/../.." && pwd)/gate
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
mkdir "$work/layers"
fail() { echo "FAIL: $*"; [ ! -f "$work/out.log" ] || cat "$work/out.log"; exit 1; }

# Both stand-ins note their arguments; the stress one keeps a raw report per
# finding, as ordercheck-stress does, and names it in the record.
cat > "$work/layers/stress" <<SCRIPT
#!/usr/bin/env bash
echo "\$*" > "$work/stress.args"
dir="" json=""
while [ \$# -gt 0 ]; do
  case "\$1" in --raw-reports) dir=\$2; shift ;; --json) json=\$2; shift ;; esac
  shift
done
bash "$tests/fake_layer.sh" --json "\$json"
mkdir -p "\$dir/logs/stress-tsan"
printf 'WARNING: ThreadSanitizer: data race\n  Thread T1 (tid=2, running) created by main thread at:\n' \
  > "\$dir/logs/stress-tsan/fake.txt"
jq -c 'if .observed != "pass" then .raw_report = "logs/stress-tsan/fake.txt" else . end' "\$json" > "\$json.x"
mv "\$json.x" "\$json"
SCRIPT
printf '#!/usr/bin/env bash\necho "$*" > %q\nexec bash %q "$@"\n' "$work/model.args" "$tests/fake_layer.sh" \
  > "$work/layers/model"
chmod +x "$work/layers/stress" "$work/layers/model"

status=0
ORDERCHECK_GATE_TEST_LAYERS=$work/layers ORDERCHECK_GATE_TEST_REPORT=$report \
  "$gate" --no-bootstrap --layers model,stress --out "$work/out" > "$work/out.log" 2>&1 || status=$?
[ "$status" = 0 ] || fail "gate exited $status"
grep -q -- "--raw-reports " "$work/stress.args" || fail "the stress layer got no --raw-reports: $(cat "$work/stress.args")"
grep -q "created by main thread" "$work/out/logs/stress-tsan/fake.txt" || fail "the raw report is not in the published logs/"
grep -q "fake's own report: logs/stress-tsan/fake.txt" "$work/out/report.txt" || fail "report.txt does not name the raw report"
grep -q '<a href="logs/stress-tsan/fake.txt">' "$work/out/report.html" || fail "report.html does not link it"
echo "stress: raw report kept in logs/stress-tsan/ and linked from report.txt and report.html"

# Negative control: the model layer gets no such option, its records no path.
grep -q -- "--raw-reports" "$work/model.args" && fail "the model layer was given --raw-reports"
[ "$(jq -s '[.[] | select(has("raw_report"))] | length' "$work/out/results/model.jsonl")" = 0 ] \
  || fail "a model record names a raw report"
echo "model: no --raw-reports, no raw report named"
