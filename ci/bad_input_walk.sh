#!/usr/bin/env bash
# A walk over every binary's options with bad values: each case must exit 2
# with one line on stderr, within 60 s, and never print a stack trace, an
# uncaught exception or a sanitizer report. Numbers that would wrap, NaN,
# infinity, out-of-range environment overrides, corrupted replay tokens and
# unusable output paths are all here.
#   ci/bad_input_walk.sh NAME=PATH...   NAME: model, properties, stress, orders, report,
#                                     properties-relacy (ordercheck-properties with Relacy cells)
# Only the named binaries are walked (each preset builds some of them).
# Exit 0 when every case behaves, 1 otherwise (each bad case is listed).
set -uo pipefail
declare -A binary
for arg in "$@"; do
  [[ "$arg" == *=* ]] || { echo "bad_input_walk.sh: arguments are NAME=PATH, not '$arg'" >&2; exit 2; }
  path=${arg#*=}
  [ -x "$path" ] || { echo "bad_input_walk.sh: '$path' is not an executable" >&2; exit 2; }
  binary[${arg%%=*}]=$(realpath "$path")  # the cases run inside a scratch folder
done
[ ${#binary[@]} -gt 0 ] || { echo "bad_input_walk.sh: name at least one binary (NAME=PATH)" >&2; exit 2; }
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
touch "$work/a-file"
# A results file whose step number does not fit an int (UB before the check).
printf '%s\n' '{"schema":"ordercheck.result/1","check":"a/b/c/d","subject":"a","variant":"b","contract":"c","layer":"model","engine":{"name":"relacy"},"expected":["pass"],"observed":"pass","interleaving":[{"step":1e22}]}' \
  > "$work/huge-step.jsonl"
# Each binary's first cell in --list: the cheap check the cases narrow a run
# to, named from the binary so that this walk names no subject.
first_cell() { [ -n "${binary[$1]:-}" ] && "${binary[$1]}" --list 2>/dev/null | head -1 | cut -d' ' -f1; }
model_cell=$(first_cell model)
properties_cell=$(first_cell properties)
stress_cell=$(first_cell stress)
model_subject=${model_cell%%/*}
token() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
state_token() {  # state_token SCHEDULER STATE
  token "{\"cell\":\"$model_subject/upstream/gil/x\",\"scheduler\":\"$1\",\"iterations\":1,\"context_bound\":2,\"seed\":0,\"state\":\"$2\",\"mutations\":[]}"
}
huge_iterations=$(token '{"cell":"'"$model_subject"'/upstream/gil/x","scheduler":"random","iterations":1e300,"context_bound":2,"seed":0,"state":"5 ","mutations":[]}')
negative_seed=$(token '{"cell":"'"$model_subject"'/upstream/gil/x","scheduler":"random","iterations":1,"context_bound":2,"seed":-5,"state":"5 ","mutations":[]}')

# One case per line: NAME|ENVIRONMENT (space-separated, or -)|ARGUMENTS (one per ;)
# Runs that would start work are narrowed to one cheap check with --run.
cases=$(cat <<EOF
model|-|--seed;-1
model|-|--seed;99999999999999999999
model|-|--seed;1e3
model|-|--iterations;0
model|-|--iterations;nan
model|-|--context-bound;0
model|-|--jobs;0
model|-|--jobs;two
model|-|--context-bound;-1
model|-|--detection-stats;-1
model|-|--profile;fast
model|-|--scheduler;sideways
model|-|--replay;
model|-|--replay;not-a-token!
model|-|--replay;$(state_token random 0)
model|-|--replay;$(state_token random x)
model|-|--replay;$(state_token random 'a b')
model|-|--replay;$(state_token full '1 ')
model|-|--replay;$(state_token full '0 0 0')
model|-|--replay;$huge_iterations
model|-|--replay;$negative_seed
model|-|--mutate;nonsense
model|-|--run;no/such/cell
model|GTEST_TOTAL_SHARDS=-3 GTEST_SHARD_INDEX=0|--list
model|GTEST_TOTAL_SHARDS=abc GTEST_SHARD_INDEX=0|--list
model|GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=2|--list
model|GTEST_TOTAL_SHARDS=2|--list
model|-|--run;$model_cell;--json;$work
model|-|--run;$model_cell;--json;$work/missing/x.jsonl
model|-|--run;$model_cell;--reached-sites;$work
model|-|--run;$model_cell;--reached-sites;$work/missing/x.json
properties|-|--engine;sideways
properties|-|--seed;-1
properties|-|--seed;99999999999999999999
properties|-|--programs;0
properties|-|--programs;-1
properties|-|--runs;nan
properties|-|--jobs;0
properties|-|--jobs;-2
properties|-|--jobs;257
properties|-|--run;no-such-check
properties-relacy|ORDERCHECK_RELACY_CONTEXT_BOUND=abc|--list
properties-relacy|ORDERCHECK_RELACY_CONTEXT_BOUND=0|--list
properties-relacy|ORDERCHECK_RELACY_MAX_THREADS=9|--list
properties-relacy|ORDERCHECK_RELACY_MAX_OPERATIONS=-1|--list
properties-relacy|ORDERCHECK_RELACY_PROGRAMS=1e3|--list
properties|GTEST_TOTAL_SHARDS=-3 GTEST_SHARD_INDEX=0|--list
properties|-|--run;$properties_cell;--json;$work/missing/x.jsonl
stress|-|--seed;-1
stress|-|--seed;99999999999999999999
stress|-|--seconds;nan
stress|-|--seconds;inf
stress|-|--seconds;-1
stress|-|--seconds;1e400
stress|-|--hang-seconds;nan
stress|-|--threads;0
stress|-|--threads;-1
stress|-|--rounds;-1
stress|-|--runs;0
stress|GTEST_TOTAL_SHARDS=-3 GTEST_SHARD_INDEX=0|--run;$stress_cell
stress|-|--run;$stress_cell;--json;$work/missing/x.jsonl
stress|-|--run;$stress_cell;--raw-reports;$work/a-file
orders|-|mutate;--iterations;-1
orders|-|mutate;--seed;99999999999999999999
orders|-|mutate;--context-bound;0
orders|-|mutate;--jobs;0
orders|-|mutate;--json;$work
orders|-|mutate;--markdown;$work/missing/matrix.md
orders|-|mutate;--work-dir;$work/a-file
orders|-|diff;HEAD;--json;$work
orders|GTEST_TOTAL_SHARDS=-3 GTEST_SHARD_INDEX=0|mutate
orders|GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=5|mutate
report|-|$work/huge-step.jsonl;--out;$work/report
report|-|$work/no-such.jsonl
report|-|$work/huge-step.jsonl;--format;pdf
EOF
)

failures=0 ran=0
while IFS='|' read -r name environment arguments; do
  [ -n "${binary[$name]:-}" ] || continue
  IFS=';' read -r -a argv <<< "$arguments"
  [[ "$arguments" == *';' ]] && argv+=("")  # a trailing empty value (--replay '')
  env_words=()
  [ "$environment" = - ] || read -r -a env_words <<< "$environment"
  ran=$((ran + 1))
  status=0
  (cd "$work" && env "${env_words[@]}" timeout 60 "${binary[$name]}" "${argv[@]}") \
    > "$work/out" 2> "$work/err" < /dev/null || status=$?
  lines=$(wc -l < "$work/err")
  problem=""
  if [ "$status" != 2 ]; then problem="exit $status, not 2"
  elif [ "$lines" != 1 ]; then problem="$lines lines on stderr, not 1"
  elif grep -Eq 'terminate called|Aborted|Sanitizer|runtime error|#[0-9]+ 0x' "$work/out" "$work/err"; then
    problem="a crash report"
  fi
  shown="$name ${environment#-} ${argv[*]}"
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "BAD  $shown: $problem"
    head -3 "$work/err" | sed 's/^/       /'
  else
    echo "ok   $shown: $(cut -c1-150 "$work/err")"
  fi
done <<< "$cases"
echo "bad_input_walk: $ran cases, $failures misbehaved"
[ "$ran" -gt 0 ] || { echo "bad_input_walk: no case ran (no known binary named)"; exit 1; }
[ "$failures" = 0 ]
