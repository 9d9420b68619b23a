#!/usr/bin/env bash
# `--suite cuda,nccl` on a machine without a GPU: exit 0, every CUDA and NCCL probe listed
# under "skipped" with its reason, nothing failed. Skipped (77) where a GPU is present.
set -euo pipefail
probe=$1
if ls /dev/nvidia[0-9]* >/dev/null 2>&1; then
  echo "GPU present: the no-GPU path does not apply"; exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$probe" --suite cuda,nccl --quick -o "$out/r.json"
python3 - "$out/r.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
skipped = {s["probe"]: s["reason"] for s in doc["skipped"]}
want = ["cuda.h2d", "cuda.d2h", "cuda.peer", "cuda.checkpoint", "cuda.hbm_scrub",
        "nccl.all_reduce", "nccl.all_gather", "nccl.reduce_scatter", "nccl.sendrecv"]
missing = [k for k in want if k not in skipped]
assert not missing, f"not listed as skipped: {missing}"
# With the toolkit the probe looked for a device; without it, it says it was not built.
reasons = ("no CUDA device: ", "this build has no ")
assert all(skipped[k].startswith(reasons) for k in want), skipped
assert doc["results"] == [] and doc["failed"] == [], doc
print("skipped with reasons:", len(want))
PY
