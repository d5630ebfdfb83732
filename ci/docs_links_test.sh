#!/usr/bin/env bash
# Test of ci/docs_links.sh: this tree passes; negative controls, on scratch
# copies of README.md and docs/, must fail with the expected line: a file that
# cites an outside design note, and a README citing a docs/ file that is gone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
check=$here/docs_links.sh
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ordercheck-docs-links-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

out=$("$check" "$root" 2>&1) || fail "this tree: $out"

fresh() {  # fresh NAME: a scratch tree with this README.md and docs/
  rm -rf "${scratch:?}/$1"
  mkdir -p "$scratch/$1"
  cp "$root/README.md" "$scratch/$1/"
  cp -r "$root/docs" "$scratch/$1/"
}

fresh cites
printf '// see %s for why\n' "DESIGN"".md" > "$scratch/cites/primitive.hpp"
if out=$("$check" "$scratch/cites" 2>&1); then fail "a citation of the old design note passed"; fi
grep -q "^docs_links: primitive.hpp:1 cites an outside design note" <<< "$out" || fail "unexpected output: $out"

fresh missing
rm "$scratch/missing/docs/upstream.md"
if out=$("$check" "$scratch/missing" 2>&1); then fail "a README citing a missing docs/ file passed"; fi
grep -q "^docs_links: README.md cites docs/upstream.md, which does not exist" <<< "$out" || fail "unexpected output: $out"

set +e; "$check" "$scratch/no-such-root" > /dev/null 2>&1; status=$?; set -e
[ "$status" = 2 ] || fail "a bad root gave exit $status, not 2"

[ "$failed" = 0 ] && echo "docs_links_test: passed (this tree, two negative controls, bad root)"
exit "$failed"
