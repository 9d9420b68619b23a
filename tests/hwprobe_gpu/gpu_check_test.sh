#!/usr/bin/env bash
# tools/gpu-check without a GPU: one line saying so, exit 0, nothing written; the same where
# nvidia-smi lists a GPU but cudaGetDeviceCount fails (a fake nvidia-smi on PATH). Then the
# summary of a folder of fabricated outputs: nvbandwidth's matrix and nccl-tests' table are
# read, and the ratios are probe / reference at the same size. Skipped (77) on a GPU machine.
set -euo pipefail
tool=$1
probe=$2
if command -v nvidia-smi >/dev/null 2>&1 || ls /dev/nvidia[0-9]* >/dev/null 2>&1; then
  echo "GPU present: the no-GPU path does not apply"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. No nvidia-smi.
out=$("$tool" --out "$tmp/run1")
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || { echo "more than one line: $out"; exit 1; }
case $out in "gpu-check: no GPU on this machine (nvidia-smi not found); nothing run") ;;
  *) echo "unexpected: $out"; exit 1 ;; esac
[ ! -e "$tmp/run1" ] || { echo "wrote $tmp/run1"; exit 1; }

# 2. nvidia-smi lists a GPU, CUDA finds none (the probe binary asks cudaGetDeviceCount).
if "$probe" --list | grep -q '^cuda.h2d .*no: no CUDA device'; then
  mkdir "$tmp/bin"
  printf '#!/bin/sh\necho "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-0)"\n' >"$tmp/bin/nvidia-smi"
  chmod +x "$tmp/bin/nvidia-smi"
  out=$(PATH="$tmp/bin:$PATH" "$tool" --probe "$probe" --out "$tmp/run2")
  [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || { echo "more than one line: $out"; exit 1; }
  case $out in "gpu-check: no GPU on this machine (no CUDA device: cudaGetDeviceCount"*) ;;
    *) echo "unexpected: $out"; exit 1 ;; esac
  [ ! -e "$tmp/run2" ] || { echo "wrote $tmp/run2"; exit 1; }
fi

# 3. The summary of a folder: cuda.h2d 20 GB/s against nvbandwidth's 25 (0.80), all_reduce
# algbw 100 GB/s against nccl-tests' 125 (0.80), reduce_scatter's tool missing.
d=$tmp/folder
mkdir "$d"
python3 - "$d" <<'PY'
import json, sys
d = sys.argv[1]
mib4 = 4 << 20
doc = {"machine": {"gpu": {"driver_version": "580.1", "gpus": [{"name": "NVIDIA H100"}] * 2,
                           "confidential_computing": {"cc": "on", "multi_gpu_mode": "none",
                                                      "environment": "production"}}},
       "results": [{"probe": "cuda.h2d", "median_s": mib4 / 20e9,
                    "params": {"bytes": mib4, "device": 0, "memory": "pinned", "clock": "event"}},
                   {"probe": "cuda.h2d", "median_s": mib4 / 5e9,
                    "params": {"bytes": mib4, "device": 0, "memory": "pageable", "clock": "event"}},
                   {"probe": "nccl.all_reduce", "median_s": 1,
                    "params": {"bytes": mib4, "placement": "out_of_place", "algbw_GBps": 100.0}}],
       "skipped": [], "failed": []}
json.dump(doc, open(f"{d}/probes.json", "w"))
open(f"{d}/nvbandwidth-host_to_device_memcpy_ce-4MiB.txt", "w").write(
    "nvbandwidth Version: v0.8\n\nRunning host_to_device_memcpy_ce.\n"
    "memcpy CE CPU(row) -> GPU(column) bandwidth (GB/s)\n"
    "           0         1\n 0     25.00     24.00\n\nSUM host_to_device_memcpy_ce 49.00\n")
open(f"{d}/nccl-tests-all_reduce_perf.txt", "w").write(
    "#       size         count      type   redop    root     time   algbw   busbw #wrong"
    "     time   algbw   busbw #wrong\n"
    "     4194304       1048576     float     sum      -1    33.55  125.00  125.00      0"
    "    33.10  126.71  126.71      0\n"
    "    16777216       4194304     float     sum      -1    99.00  169.47  169.47      0"
    "    98.00  171.20  171.20      0\n")
open(f"{d}/nccl-tests-reduce_scatter_perf.missing", "w").write(
    "nccl-tests: reduce_scatter_perf not installed (PATH or --nccl-tests DIR): no reference "
    "for nccl.reduce_scatter\n")
PY
"$tool" --summarize "$d" >"$tmp/summary.txt"
cat "$tmp/summary.txt"
grep -q "confidential computing as the machine has it: cc=on, multi_gpu_mode=none" "$tmp/summary.txt"
grep -Eq '^cuda\.h2d +4 MiB  nvbandwidth host_to_device_memcpy_ce +20\.00 +25\.00 +0\.80$' "$tmp/summary.txt"
grep -Eq '^nccl\.all_reduce +4 MiB  nccl-tests all_reduce_perf \(algbw\) +100\.00 +125\.00 +0\.80$' "$tmp/summary.txt"
grep -q "reduce_scatter_perf not installed" "$tmp/summary.txt"
grep -q "summary: 2 comparisons, ratio 0.80 .. 0.80 (median 0.80); 2 below 0.90" "$tmp/summary.txt"
cmp -s "$tmp/summary.txt" "$d/summary.txt"
