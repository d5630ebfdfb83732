#!/usr/bin/env bash
# report.html renders in headless Chromium: the page's own layout check
# (inline script, run after layout) marks every swimlane "ok" (one column per
# thread, every step boxed, steps top to bottom), the page is no wider than a
# 1400 px window (no horizontal scrolling), gate failures come before expected
# findings, the page names nothing to fetch, and a screenshot is not blank.
# Negative controls: a page whose steps are all forced into one column is
# marked broken, a page with a 2000 px wide element is caught as too wide, a
# page with a gate failure after a finding is caught, and a blank page's
# screenshot is recognised as blank.
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
# #open-findings: the page opens its folded findings, so every swimlane is laid out.
chrome --dump-dom "file://$work/report.html#open-findings" > "$work/dom.html"

body_attribute() {  # body_attribute NAME DOM_FILE: the value of data-NAME on <body>
  grep -o "<body[^>]*>" "$2" | grep -o "data-$1=\"[^\"]*\"" | cut -d'"' -f2
}
fits_window() {  # fits_window DOM_FILE: the page is no wider than the window
  local width window
  width=$(body_attribute scroll-width "$1") window=$(body_attribute window-width "$1")
  [ -n "$width" ] && [ "$window" = 1400 ] && [ "$width" -le "$window" ]
}
failures_first() {  # failures_first DOM_FILE: F (gate failure) sections, then E (expected finding) ones
  [[ "$(body_attribute section-order "$1")" =~ ^F+E*$ ]]
}
fits_window "$work/dom.html" || { echo "FAIL: the page is $(body_attribute scroll-width "$work/dom.html") px wide in a 1400 px window"; exit 1; }
failures_first "$work/dom.html" || { echo "FAIL: sections in the order $(body_attribute section-order "$work/dom.html"), gate failures must come first"; exit 1; }
if grep -Eiq '<(img|link|iframe|object|embed)[ >]|<script[^>]*src=|url\(' "$work/report.html"; then
  echo "FAIL: the page fetches something"; exit 1
fi
echo "width: $(body_attribute scroll-width "$work/dom.html") px of 1400; sections: $(body_attribute section-order "$work/dom.html")"

# Negative controls: a wide element, and a gate failure after a finding.
sed 's|<h1>|<div style="width: 2000px">wide</div><h1>|' "$work/report.html" > "$work/wide.html"
chrome --dump-dom "file://$work/wide.html#open-findings" > "$work/wide-dom.html"
if fits_window "$work/wide-dom.html"; then echo "FAIL: a 2000 px wide page was taken to fit 1400 px"; exit 1; fi
perl -0pe 's/(.*)details class="record expected-finding"/$1details class="record gate-failure"/s' \
  "$work/report.html" > "$work/late-failure.html"
chrome --dump-dom "file://$work/late-failure.html" > "$work/late-failure-dom.html"
if failures_first "$work/late-failure-dom.html"; then
  echo "FAIL: a gate failure after an expected finding was accepted"; exit 1
fi
echo "negative controls: width $(body_attribute scroll-width "$work/wide-dom.html") px caught;" \
  "order $(body_attribute section-order "$work/late-failure-dom.html") caught"

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
chrome --dump-dom "file://$work/broken.html#open-findings" > "$work/broken-dom.html"
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
