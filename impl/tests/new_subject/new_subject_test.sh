#!/usr/bin/env bash
# ci/new-subject in a scratch copy: it writes exactly the three files README's
# "Adding your own primitive" names, with the next free table_row, and they
# compile; a bad or taken NAME is refused with exit 2 and one line (negative
# controls). Cost: one g++ -fsyntax-only (~5 s).
#   new_subject_test.sh SOURCE_DIR COMPILER
set -euo pipefail
source_dir=$1
compiler=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mkdir -p "$scratch/ci" "$scratch/impl"
cp "$source_dir/ci/new-subject" "$scratch/ci/"
cp -r "$source_dir/impl/ordercheck" "$scratch/impl/"
before=$(cd "$scratch" && find . -type f | sort)

fail() { echo "new_subject_test: $*" >&2; exit 1; }

"$scratch/ci/new-subject" my_lock > /dev/null
after=$(cd "$scratch" && find . -type f | sort)
added=$(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')
[ "$added" = "./impl/ordercheck/my_lock/reference.hpp ./impl/ordercheck/my_lock/subject.hpp ./impl/ordercheck/my_lock/upstream.hpp " ] ||
  fail "expected exactly the three files, got: $added"
[ "$(comm -23 <(echo "$before") <(echo "$after"))" = "" ] || fail "a file disappeared"
largest=$(grep -ho 'table_row = [0-9]*' "$source_dir"/impl/ordercheck/*/subject.hpp | awk '{ if ($3 > m) m = $3 } END { print m }')
grep -q "table_row = $((largest + 1));" "$scratch/impl/ordercheck/my_lock/subject.hpp" || fail "table_row is not $((largest + 1))"
printf '#include "ordercheck/my_lock/subject.hpp"\n#include "ordercheck/sync/std_sync.hpp"\n' > "$scratch/unit.cpp"
"$compiler" -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I"$scratch/impl" "$scratch/unit.cpp" ||
  fail "the starter's files do not compile"

expect_refused() {
  local status=0
  "$scratch/ci/new-subject" "$@" > /dev/null 2> "$scratch/err" || status=$?
  [ "$status" -eq 2 ] || fail "ci/new-subject $* exited $status, not 2"
  [ "$(wc -l < "$scratch/err")" -eq 1 ] || fail "ci/new-subject $*: not one line on stderr"
}
expect_refused my_lock
expect_refused Bad-Name
expect_refused
echo "new_subject_test: three files, table_row $((largest + 1)), they compile; bad names refused"
