#!/usr/bin/env bash
# Checks that the tree's documentation is self-contained:
#  - no file cites the design notes that lived outside the repository (the
#    project's own are docs/design.md and docs/upstream.md);
#  - every docs/... path README.md cites exists.
#   ci/docs_links.sh [ROOT]     ROOT defaults to this checkout
# Exit 0 when both hold; 1 with one line per problem; 2 for a bad ROOT.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
[ -f "$root/README.md" ] || { echo "docs_links: '$root' has no README.md: give the repository's root" >&2; exit 2; }
problems=0
# The old names, spelled so that this script does not cite them itself.
old_notes="DESIGN[.]md|UPSTREAM[.]md"
while IFS= read -r hit; do
  echo "docs_links: ${hit#"$root"/} cites an outside design note: point at docs/design.md or docs/upstream.md"
  problems=$((problems + 1))
done < <(grep -rInE --exclude-dir=.git --exclude-dir=build "$old_notes" "$root" | cut -d: -f1,2 || true)
while IFS= read -r path; do
  path=${path%.}  # a sentence's full stop
  if [ ! -e "$root/$path" ]; then
    echo "docs_links: README.md cites $path, which does not exist"
    problems=$((problems + 1))
  fi
done < <(grep -oE '(^|[^A-Za-z0-9_./-])docs/[A-Za-z0-9_./-]+' "$root/README.md" | sed -E 's|^[^d]*||' | sort -u)
[ "$problems" = 0 ]
