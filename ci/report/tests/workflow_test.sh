#!/usr/bin/env bash
# ci/github/ordercheck.yml stays in step with ci/gate: it parses as YAML, its
# gate matrix lists exactly the gate's layers, its shard list matches SHARDS,
# and the merge job merges, uploads the SARIF and posts the summary.
# Negative control: a matrix missing layers is caught.
#   workflow_test.sh ORDERCHECK_REPORT TESTS_DIR
set -euo pipefail
tests=$2
ci=$(cd "$tests/../.." && pwd)
# The first python3 that has yaml (ci/bootstrap installs Debian's python3-yaml).
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import yaml' 2> /dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "SKIP: no python3 with yaml (Debian: python3-yaml; run ci/bootstrap)"; exit 77; }
gate_layers=$(sed -n 's/^all_layers=(\(.*\))$/\1/p' "$ci/gate")
[ -n "$gate_layers" ] || { echo "FAIL: cannot find all_layers in ci/gate"; exit 1; }
check_workflow() {  # check_workflow FILE
"$python" - "$1" "$gate_layers" <<'PY'
import sys, yaml
workflow = yaml.safe_load(open(sys.argv[1]))
gate_layers = sys.argv[2].split()
jobs = workflow["jobs"]
matrix = jobs["gate"]["strategy"]["matrix"]
problems = []
if matrix["layer"] != gate_layers:
    problems.append(f"gate matrix layers {matrix['layer']} != ci/gate layers {gate_layers}")
if len(matrix["shard"]) != int(workflow["env"]["SHARDS"]):
    problems.append(f"{len(matrix['shard'])} shards in the matrix, SHARDS={workflow['env']['SHARDS']}")
if jobs["merge"]["needs"] != "gate" or jobs["merge"]["if"] != "always()":
    problems.append("the merge job must need the gate jobs and run always()")
steps = jobs["merge"]["steps"]
uses = [s.get("uses", "") for s in steps]
runs = "\n".join(s.get("run", "") for s in steps)
if not any(u.startswith("github/codeql-action/upload-sarif") for u in uses):
    problems.append("the merge job does not upload the SARIF")
for needle in ("ordercheck-report", "GITHUB_STEP_SUMMARY"):
    if needle not in runs:
        problems.append(f"the merge job never mentions {needle}")
if "security-events" not in jobs["merge"].get("permissions", {}):
    problems.append("upload-sarif needs security-events: write")
if problems:
    print("FAIL: " + "; ".join(problems))
    sys.exit(1)
print(f"workflow: {len(gate_layers)} layers x {len(matrix['shard'])} shards, merge job uploads SARIF and posts the summary")
PY
}
check_workflow "$ci/github/ordercheck.yml"

# Negative control: a layer dropped from the matrix is caught.
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
sed 's/layer: \[model, stress, properties, properties-tsan, properties-model, orders\]/layer: [model, stress]/' \
  "$ci/github/ordercheck.yml" > "$work/dropped.yml"
if check_workflow "$work/dropped.yml" > "$work/dropped.log"; then
  echo "FAIL: a workflow without the properties and orders jobs was accepted"; exit 1
fi
echo "negative control: $(cat "$work/dropped.log")"
