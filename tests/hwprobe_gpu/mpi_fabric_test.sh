#!/usr/bin/env bash
# Two MPI ranks of fabric.tcp on this machine: one JSON on rank 0 with "ranks": 2 and
# results from both ranks, plain and TLS.
set -euo pipefail
mpiexec=$1
probe=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
extra=()
if "$mpiexec" --version 2>&1 | grep -q "Open MPI"; then
  extra=(--allow-run-as-root --oversubscribe --mca btl self,tcp --mca btl_tcp_if_include lo)
fi
timeout 120 "$mpiexec" "${extra[@]}" -np 2 "$probe" --suite fabric --quick --sizes 4KiB,1MiB \
  --trials 3 -o "$out/r.json"
python3 - "$out/r.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["ranks"] == 2, doc.get("ranks")
assert len(doc["machines"]) == 2
rows = [r for r in doc["results"] if r["probe"] == "fabric.tcp"]
ranks = {r["rank"] for r in rows}
assert ranks == {0, 1}, ranks
for rank in (0, 1):
    modes = {r["params"]["mode"] for r in rows if r["rank"] == rank}
    assert modes == {"plain", "tls"}, (rank, modes)
assert all(r["params"]["path"] == "mpi" for r in rows)
assert doc["failed"] == [], doc["failed"]
print("fabric.tcp rows per rank:", {k: sum(r["rank"] == k for r in rows) for k in (0, 1)})
PY
