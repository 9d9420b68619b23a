#!/usr/bin/env bash
# tools/probe-cluster: a --dry-run prints both passes; --merge-only flattens per-node
# files (and a multi-rank file where mpirun exists) into one cluster.json, and refuses a
# file that is not plainsight-probe/1.
set -euo pipefail
tool=$1
probe=$2
mpiexec=${3:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$tool" --dry-run --launcher mpirun --probe "$probe" --out "$out" >"$out/dry.txt"
grep -q "PLAINSIGHT_NO_MPI=1" "$out/dry.txt"
grep -q -- "--suite fabric,nccl" "$out/dry.txt"
args=(--suite fabric --quick --sizes 4KiB --trials 2)
mkdir "$out/run"
"$probe" "${args[@]}" -o "$out/run/node-a.json" >/dev/null
"$probe" "${args[@]}" -o "$out/run/node-b.json" >/dev/null
want=2
if [ -n "$mpiexec" ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  timeout 120 "$mpiexec" --allow-run-as-root --oversubscribe --mca btl self,tcp \
    --mca btl_tcp_if_include lo -np 2 "$probe" "${args[@]}" -o "$out/run/multinode.json" >/dev/null
  want=4
fi
"$tool" --merge-only --out "$out/run"
python3 - "$out/run/cluster.json" "$want" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
want = int(sys.argv[2])
assert doc["format"] == "plainsight-probe/1"
assert doc["ranks"] == want == len(doc["machines"]), (doc["ranks"], want)
ranks = {r["rank"] for r in doc["results"]}
assert ranks == set(range(want)), ranks
assert [r["name"] for r in doc["runs"]][:2] == ["node-a", "node-b"], doc["runs"]
if want == 4:
    assert doc["runs"][2] == {**doc["runs"][2], "name": "multinode", "first_rank": 2, "ranks": 2}
print("merged", want, "ranks")
PY
echo '{"format": "something-else"}' >"$out/run/bad.json"
if "$tool" --merge-only --out "$out/run" 2>/dev/null; then
  echo "a foreign file was merged"; exit 1
fi
