#!/usr/bin/env bash
# report.html renders in headless Chromium: the page's own layout check
# (inline script, run after layout) marks every swimlane "ok" (one column per
# thread, every step boxed, steps top to bottom), and a screenshot is not
# blank. Negative controls: a page whose steps are all forced into one column
# is marked broken, and a blank page's screenshot is recognised as blank.
#   html_render_test.sh ORDERCHECK_REPORT TESTS_DIR
set -euo pipefail
report=$1 tests=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (ci/bootstrap --browser installs it)"; exit 77
fi
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT

chrome() {
  # No network, no profile of the user's, no first-run work.
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
    --window-size=1400,2400 "$@" 2>/dev/null
}

"$report" "$tests"/data/*.jsonl --out "$work" --format html 2>/dev/null || true
chrome --dump-dom "file://$work/report.html" > "$work/dom.html"

# The fixtures hold two interleavings: 2 threads x 4 steps, 3 threads x 7 steps.
grep -q 'data-swimlanes-drawn="2"' "$work/dom.html" || { echo "FAIL: not every swimlane was drawn:"; grep -o 'data-layout="[^"]*"' "$work/dom.html"; exit 1; }
for expected in 'data-threads="3" data-steps="7"' 'data-threads="2" data-steps="4"'; do
  grep -o "<div class=\"swimlane\" $expected[^>]*>" "$work/dom.html" | grep -q 'data-layout="ok"' \
    || { echo "FAIL: swimlane with $expected not laid out ok"; exit 1; }
done
steps=$(grep -o 'class="step[ "][^>]*data-step=' "$work/dom.html" | wc -l)
[ "$steps" = 11 ] || { echo "FAIL: $steps step boxes in the DOM, expected 11"; exit 1; }
echo "swimlanes drawn: 2 (11 steps), layout ok"

# Negative control: every step forced into the first lane must be caught.
sed 's/grid-column: [3-9]; grid-row: \([0-9]*\);">/grid-column: 2; grid-row: \1;">/g' "$work/report.html" > "$work/broken.html"
chrome --dump-dom "file://$work/broken.html" > "$work/broken-dom.html"
if grep -q 'data-swimlanes-drawn="2"' "$work/broken-dom.html"; then
  echo "FAIL: the layout check accepted a page whose threads share one column"; exit 1
fi
echo "negative control: $(grep -o 'data-layout="broken[^"]*"' "$work/broken-dom.html" | head -1)"

# The screenshot has ink: much larger than a blank page's (PNG compresses blank away).
chrome --screenshot="$work/report.png" "file://$work/report.html" > /dev/null
printf '<!DOCTYPE html><html><body></body></html>' > "$work/blank.html"
chrome --screenshot="$work/blank.png" "file://$work/blank.html" > /dev/null
report_size=$(stat -c %s "$work/report.png") blank_size=$(stat -c %s "$work/blank.png")
echo "screenshot: $report_size bytes (blank page: $blank_size bytes)"
[ "$report_size" -gt $((blank_size * 5)) ] || { echo "FAIL: the screenshot looks blank"; exit 1; }
if [ -n "${ORDERCHECK_KEEP_SCREENSHOT:-}" ]; then cp "$work/report.png" "$ORDERCHECK_KEEP_SCREENSHOT"; fi
