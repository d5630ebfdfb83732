#!/bin/sh
# ordercheck-properties --jobs: bad values exit 2 with one line on stderr; two
# jobs (cells in forked children at once) write one record per cell in the
# same check order as one job.
#   runner_jobs_test.sh PATH-OF-ordercheck-properties
set -u
runner=$1
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ordercheck-properties-jobs-XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $1"; exit 1; }

for value in 0 many 257; do
  "$runner" --jobs "$value" > "$scratch/out" 2> "$scratch/err"
  status=$?
  [ "$status" = 2 ] || fail "--jobs $value exited $status, not 2"
  [ "$(wc -l < "$scratch/err")" = 1 ] || fail "--jobs $value: not one line on stderr: $(cat "$scratch/err")"
  grep -q '^ordercheck-properties: ' "$scratch/err" || fail "--jobs $value: the line does not name the runner"
done

cells="--run fixture --programs 100 --runs 5 --seed 20261121"  # as properties_runner_smoke
# shellcheck disable=SC2086  # the cells' options are words on purpose
"$runner" $cells --jobs 1 --json "$scratch/one.jsonl" > "$scratch/one.out" 2>&1 || fail "one job: $(tail -3 "$scratch/one.out")"
# shellcheck disable=SC2086
"$runner" $cells --jobs 2 --json "$scratch/two.jsonl" > "$scratch/two.out" 2>&1 || fail "two jobs: $(tail -3 "$scratch/two.out")"
grep -q '2 at once' "$scratch/two.out" || fail "two jobs: the runner did not say it ran 2 at once"
[ "$(wc -l < "$scratch/one.jsonl")" -ge 2 ] || fail "fewer than two fixture cells ran"
jq -r .check "$scratch/one.jsonl" > "$scratch/one.checks" || fail "one job: unreadable records"
jq -r .check "$scratch/two.jsonl" > "$scratch/two.checks" || fail "two jobs: unreadable records"
cmp -s "$scratch/one.checks" "$scratch/two.checks" ||
  fail "two jobs changed the records or their order: $(diff "$scratch/one.checks" "$scratch/two.checks" | head -5)"
echo "ok: --jobs rejects bad values; $(wc -l < "$scratch/one.checks") cells in the same order with 1 and 2 jobs"
