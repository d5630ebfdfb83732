#!/usr/bin/env bash
# The drivers name no subject in code: no code line of a non-test file under
# model/, stress/, properties/ or ci/ (tests/ and golden/ folders excepted)
# contains the folder name of a declared subject (impl/ordercheck/*/subject.hpp).
# Benchmarks are excepted like tests: they measure the checker on a named
# subject's histories (properties/benchmarks/).
# Comments may use a subject as an example: `//` comments in C++ files and
# `#` comments in scripts and CMake files are skipped; data files (.json,
# .jsonl, .txt, .md) are not code.
#
#   no_subject_names_test.sh SOURCE_DIR               the check (exit 1 naming each line)
#   no_subject_names_test.sh --negative-control SOURCE_DIR
#       copies the driver folders to a temporary tree, plants a subject's name
#       in a code line there, and expects the check to fail on exactly that line.
set -euo pipefail

usage() {
  echo "usage: $0 [--negative-control] SOURCE_DIR (the ordercheck checkout)" >&2
  exit 2
}

negative_control=0
if [[ ${1:-} == --negative-control ]]; then
  negative_control=1
  shift
fi
[[ $# -eq 1 && -d $1/impl/ordercheck ]] || usage
source_dir=$1

# The subjects: every folder with a subject.hpp.
subjects=()
for header in "$source_dir"/impl/ordercheck/*/subject.hpp; do
  subjects+=("$(basename "$(dirname "$header")")")
done
((${#subjects[@]} > 0)) || { echo "no impl/ordercheck/*/subject.hpp under $source_dir" >&2; exit 2; }
pattern=$(IFS='|'; echo "${subjects[*]}")

# Prints "file:line: text" for each code line in TREE naming a subject.
offending_lines() {
  local tree=$1
  (cd "$tree" && find model stress properties ci -type f \
      -not -path '*/tests/*' -not -path '*/golden/*' -not -path '*/benchmarks/*' \
      -not -name '*.json' -not -name '*.jsonl' -not -name '*.txt' -not -name '*.md' | sort) |
  while read -r file; do
    case $file in
      *.hpp | *.cpp | *.h | *.cpp.in) strip='s#//.*$##' ;;  # C++: drop // comments
      *) strip='s/(^|[[:space:]])#.*$//' ;;                  # scripts, CMake: drop # comments
    esac
    sed -E "$strip" "$tree/$file" | grep -nE "$pattern" | sed "s#^#$file:#" || true
  done
}

if ((negative_control)); then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  cp -r "$source_dir"/model "$source_dir"/stress "$source_dir"/properties "$source_dir"/ci "$scratch"/
  # A copy that already fails says nothing about the plant: start from a clean one.
  before=$(offending_lines "$scratch")
  [[ -z $before ]] || { echo "negative control: the tree already names a subject:"; echo "$before"; exit 1; }
  echo "const char* planted = \"${subjects[0]}/reference\";  // a driver that names a subject" >>"$scratch"/model/cell.hpp
  after=$(offending_lines "$scratch")
  if [[ $after == *"model/cell.hpp:"*"planted"* ]]; then
    echo "negative control: the planted name is caught: $after"
    exit 0
  fi
  echo "negative control: the planted name in model/cell.hpp was not caught (got: '$after')"
  exit 1
fi

found=$(offending_lines "$source_dir")
if [[ -n $found ]]; then
  echo "driver files name a subject in code (declare it in impl/ordercheck/<subject>/ instead):"
  echo "$found"
  exit 1
fi
echo "no driver file names a subject (${subjects[*]}) in code"
