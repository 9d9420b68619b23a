#!/usr/bin/env python3
"""Writes the hand-made probe files the measure tests use. They are test fixtures with exact,
known timings (t = latency + bytes / bandwidth, no noise), not measurements of any machine:
their machine identity says so. Run from this directory; the output is committed."""
import json

HOST = {"hostname": "test-fixture (not a measurement)", "cpu": {"model": "Fixture CPU", "logical_cores": 4},
        "kernel": {"release": "fixture"}}
H100 = "NVIDIA H100 80GB HBM3"

def gpu_machine(cc, multi_gpu="none", name=H100):
    """A GPU node as hwprobe records it: NVML's CC state and multi-GPU mode (docs/probes.md)."""
    m = dict(HOST)
    m["gpu"] = {"nvml": "ok", "confidential_computing": {"cc": cc, "multi_gpu_mode": multi_gpu},
                "gpus": [{"index": 0, "name": name}]}
    return m

def host_machine(filesystem):
    m = dict(HOST)
    m["dir"] = {"path": "/fixture", "filesystem": filesystem}
    return m

def result(probe, params, t, spread=0.0):
    samples = [t * (1 - spread), t, t * (1 + spread)]
    return {"probe": probe, "params": params, "samples_s": samples, "median_s": t,
            "min_s": samples[0], "max_s": samples[2], "cv": spread}

def doc(machine, results, started="2026-01-01T00:00:00Z"):
    return {"format": "plainsight-probe/1", "started_at": started, "duration_s": 1.0,
            "options": {}, "machine": machine, "results": results, "skipped": [], "failed": []}

MiB = 1 << 20
GiB = 1 << 30
SIZES = [MiB, 16 * MiB, 256 * MiB, GiB]  # the GPU probes' default sweep ends at 1 GiB
HOST_SIZES = SIZES + [4 * GiB]  # 140 GB is 32.6x past 4 GiB, within the fit bounds

host = []
for b in HOST_SIZES:  # bounce-buffer emulation: off 10 us + b / 8 GB/s, on 40 us + b / 2 GB/s
    host.append(result("host.bounce_buffer", {"bytes": b, "mode": "cc_off", "threads": 4}, 10e-6 + b / 8e9))
    host.append(result("host.bounce_buffer", {"bytes": b, "mode": "cc_on", "threads": 4}, 40e-6 + b / 2e9))
    # a slower 2-thread sweep the map must not prefer over the 4-thread one
    host.append(result("host.bounce_buffer", {"bytes": b, "mode": "cc_off", "threads": 2}, 10e-6 + b / 4e9))
    host.append(result("host.bounce_buffer", {"bytes": b, "mode": "cc_on", "threads": 2}, 40e-6 + b / 1e9))
    host.append(result("host.envelope", {"bytes": b, "phase": "open", "threads": 1}, 5e-6 + b / 4e9))
    host.append(result("host.envelope", {"bytes": b, "phase": "seal", "threads": 1}, 6e-6 + b / 4e9))

def h2d(cc, latency, bw, multi_gpu="none", sizes=SIZES, name=H100, spread=0.0):
    return [result("cuda.h2d", {"bytes": b, "memory": "pinned", "clock": "host", "device": 0, "cc": cc,
                                "cc_multi_gpu": multi_gpu, "gpu": name}, latency + b / bw, spread) for b in sizes]

files = {
    "fixture-host.json": doc(HOST, host),
    "fixture-h100-cc-off.json": doc(gpu_machine("off"), h2d("off", 8e-6, 50e9)),
    # CC on for a single GPU (multi-GPU mode none), as a CC-on node without PPCIe reports it
    "fixture-h100-cc-on.json": doc(gpu_machine("on"), h2d("on", 30e-6, 4e9)),
}

# Up to 1 GiB and more, as `plainsight probe --max-bytes 4GiB` sweeps: aws-frontier's PCIe
# shard (101.2 GB) is 94x past 1 GiB, inside the fit bounds.
FIVE = [16 * MiB, 64 * MiB, 256 * MiB, GiB, 4 * GiB]
THREE = [64 * MiB, 256 * MiB, GiB]

# One file per rule of docs/measurements.md ("When a result applies").
rules = {}
# A protected-PCIe node: NVML says CC feature off, multi-GPU mode protected PCIe; hwprobe
# labels its results cc=protected_pcie so they match a protected-PCIe scenario only.
rules["h100-protected-pcie.json"] = doc(gpu_machine("protected_pcie", "protected_pcie"),
                                        h2d("protected_pcie", 30e-6, 4e9, "protected_pcie"))
# Another model of the same generation: an H200 does not stand for an H100.
H200 = "NVIDIA H200"
rules["h200-cc-off.json"] = doc(gpu_machine("off", name=H200), h2d("off", 8e-6, 50e9, sizes=THREE, name=H200))
# Two runs of the same probe on the same kind of node: a fast 5-size sweep and a slow
# 3-size one. The larger sweep is used and the other reported with its disagreement.
# The fast run's samples spread 5% around each median (cv 0.05): a measured jitter.
rules["h2d-fast.json"] = doc(gpu_machine("off"), h2d("off", 8e-6, 50e9, sizes=FIVE, spread=0.05),
                             "2026-01-02T00:00:00Z")
rules["h2d-slow.json"] = doc(gpu_machine("off"), h2d("off", 8e-6, 25e9, sizes=THREE), "2026-01-03T00:00:00Z")
# A poor fit: envelope open times that do not follow one line (a cache cliff past 16 MiB),
# up to 4 GiB so that 140 GB is within the extrapolation bound: only the fit is at fault.
poor = []
for b, t in [(MiB, 2.5e-4), (16 * MiB, 1.0e-3), (256 * MiB, 6.0e-2), (4 * GiB, 2.0)]:
    poor.append(result("host.envelope", {"bytes": b, "phase": "open", "threads": 1}, t))
rules["poor-fit.json"] = doc(HOST, poor)
# Far extrapolation: a clean envelope sweep that stops at 1 MiB (140 GB is 133,514x past it).
far = [result("host.envelope", {"bytes": b, "phase": "open", "threads": 1}, 5e-6 + b / 4e9)
       for b in [16 * 1024, 64 * 1024, 256 * 1024, MiB]]
rules["far-extrapolation.json"] = doc(HOST, far)
# Checkpoint writes into the page cache of ext4 and of Lustre: only the second is FSx's.
# Sizes up to 1 TiB, so that aws-frontier's 5.67 TB checkpoint is within 10x of the sweep.
TiB = 1 << 40
def ckpt(bw):
    return [result("host.checkpoint", {"bytes": b, "phase": "page_cache_write", "mode": "plain",
                                       "threads": 1}, 1e-3 + b / bw) for b in [16 * GiB, 64 * GiB, 256 * GiB, TiB]]
rules["checkpoint-ext4.json"] = doc(host_machine("ext4"), ckpt(3e9))
rules["checkpoint-lustre.json"] = doc(host_machine("lustre"), ckpt(1.5e9))
# Multi-node all-reduce over EFA: matches an EFA fabric, not InfiniBand.
allreduce = [result("nccl.all_reduce", {"bytes": b, "placement": "out_of_place", "process_model": "mpi_rank_per_gpu",
                                         "ranks": 16, "rank": 0, "cc": "off", "cc_multi_gpu": "none", "gpu": H100,
                                         "fabric": "efa"}, 20e-6 + b / 40e9) for b in THREE]
rules["allreduce-efa.json"] = doc(gpu_machine("off"), allreduce)
# Implausible measurements (issue 21, class 4). A cuda.h2d sweep at 7 TB/s, 111x what a PCIe
# Gen5 x16 link carries (63 GB/s): refused by its bound in model/probe_map.yaml.
rules["h2d-beyond-link.json"] = doc(gpu_machine("off"), h2d("off", 8e-6, 7e12, sizes=FIVE))
# A sweep of two sizes 12 decades apart, each a clean 50 GB/s: nothing between them measured.
rules["h2d-far-apart.json"] = doc(gpu_machine("off"), h2d("off", 8e-6, 50e9, sizes=[1024, 10**15]))
# CC on measured 8x faster than CC off (each at its own node): a negative CC cost.
rules["h2d-cc-off-slow.json"] = doc(gpu_machine("off"), h2d("off", 8e-6, 0.5e9, sizes=FIVE))
rules["h2d-cc-on-fast.json"] = doc(gpu_machine("on"), h2d("on", 8e-6, 4e9, sizes=FIVE))
for name, d in rules.items():
    files["rules/" + name] = d

# Forged files for every probe that stands for a stage (issue 21, class 4): each at 5 PB/s,
# under the reader's 10 PB/s cap and far beyond its physical bound (model/probe_map.yaml
# `bound`): a link's datasheet bandwidth, a node's fabric ports, or host memory. The scenarios
# beside them in bounds/ have one per-event stage each, which the probe stands for.
PB5 = 5e15
BIG = [16 * MiB, 64 * MiB, 256 * MiB, GiB, 4 * GiB, 16 * GiB]
CKPT = [16 * GiB, 64 * GiB, 256 * GiB, TiB]
GPU_OFF = {"cc": "off", "cc_multi_gpu": "none", "gpu": H100}
def forged(probe, params, sizes=BIG):
    return [result(probe, dict({"bytes": b}, **params), 1e-6 + b / PB5) for b in sizes]
def gpu_host(fs):
    m = gpu_machine("off")
    m["dir"] = {"path": "/fixture", "filesystem": fs}
    return m
bounds = {
    "h2d.json": doc(gpu_machine("off"), forged("cuda.h2d", dict({"memory": "pinned", "clock": "host", "device": 0}, **GPU_OFF))),
    "bounce-buffer.json": doc(HOST, forged("host.bounce_buffer", {"mode": "cc_on", "threads": 4})),
    "peer.json": doc(gpu_machine("off"), forged("cuda.peer", dict({"direction": "unidirectional", "clock": "host", "src": 0, "dst": 1}, **GPU_OFF))),
    "sendrecv.json": doc(gpu_machine("off"), forged("nccl.sendrecv", dict({"placement": "out_of_place", "process_model": "single_process", "ranks": 8}, **GPU_OFF))),
    "allreduce.json": doc(gpu_machine("off"), forged("nccl.all_reduce", dict({"placement": "out_of_place", "process_model": "mpi_rank_per_gpu", "ranks": 16, "rank": 0, "fabric": "efa"}, **GPU_OFF))),
    "tcp.json": doc(HOST, forged("fabric.tcp", {"mode": "plain", "peer_rank": 1, "path": "mpi", "fabric": "tcp"})),
    "memcpy.json": doc(HOST, forged("host.memcpy", {"threads": 4})),
    "envelope.json": doc(HOST, forged("host.envelope", {"phase": "open", "threads": 1})),
    "aes-gcm.json": doc(HOST, forged("host.aes_gcm", {"mode": "decrypt", "threads": 1})),
    "read-verify.json": doc(host_machine("ext4"), forged("host.checkpoint", {"phase": "read_verify", "mode": "encrypted", "threads": 1})),
    "write-fsync.json": doc(host_machine("ext4"), forged("host.checkpoint", {"phase": "write_fsync", "mode": "plain", "threads": 1})),
    "page-cache.json": doc(host_machine("lustre"), forged("host.checkpoint", {"phase": "page_cache_write", "mode": "plain", "threads": 1}, CKPT)),
    "gpu-page-cache.json": doc(gpu_host("lustre"), forged("cuda.checkpoint", dict({"phase": "page_cache_write", "mode": "plain", "device": 0}, **GPU_OFF), CKPT)),
    "hbm-scrub.json": doc(gpu_machine("off"), forged("cuda.hbm_scrub", dict({"clock": "host", "device": 0}, **GPU_OFF))),
}
# An all-reduce whose 8 ranks shared one node, at an NVLink rate (270 GB/s algbw), within the
# EFA node's bound: it crossed no fabric and never stands for a fabric stage, even forced.
bounds["allreduce-one-node.json"] = doc(gpu_machine("off"), [
    result("nccl.all_reduce", {"bytes": b, "placement": "out_of_place", "process_model": "mpi_rank_per_gpu",
                               "ranks": 8, "rank": 0, "cc": "off", "cc_multi_gpu": "none", "gpu": H100,
                               "fabric": "intra_node"}, 20e-6 + b / 270e9) for b in BIG])
for name, d in bounds.items():
    files["bounds/" + name] = d
# A run on a machine without a GPU: its one probe skipped, nothing measured (issue 21, audit
# 8e/11f). Read, shown, and used for nothing.
d = json.loads(json.dumps(files["fixture-host.json"])); d["results"] = []
d["skipped"] = [{"probe": "cuda.h2d", "reason": "no CUDA device: fixture (not a measurement)"}]
files["all-skipped.json"] = d

for name, d in files.items():
    with open(name, "w") as f:
        json.dump(d, f, indent=1)
        f.write("\n")

# Bad files: each breaks one rule of the format.
good = json.dumps(files["fixture-host.json"], indent=1)
bad = {}
bad["truncated.json"] = good[: len(good) // 2]
d = json.loads(good); d["format"] = "plainsight-probe/2"; bad["wrong-version.json"] = json.dumps(d, indent=1)
d = json.loads(good); del d["results"][3]["samples_s"]; bad["missing-samples.json"] = json.dumps(d, indent=1)
d = json.loads(good); del d["machine"]; bad["missing-machine.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][3]["samples_s"][2] = -0.5; bad["negative.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][3]["samples_s"][1] = None; bad["null-sample.json"] = json.dumps(d, indent=1)
bad["nan.json"] = good.replace('"median_s": %s' % json.dumps(files["fixture-host.json"]["results"][0]["median_s"]),
                               '"median_s": NaN', 1)
assert bad["nan.json"] != good
d = json.loads(good); d["results"] = []; bad["empty-sweep.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][3]["samples_s"] = []; bad["empty-samples.json"] = json.dumps(d, indent=1)
# Files that break docs/probe-format.schema.json, or hold values no measurement has.
bad["duplicate-key.json"] = good.replace('"bytes": 1048576,', '"bytes": 1048576,\n    "bytes": 4096,', 1)
assert bad["duplicate-key.json"] != good
# Text, not json.dumps: Python's own encoder recurses.
bad["deep-params.json"] = good.replace('"bytes": 1048576,', '"x": ' + "[" * 1000 + "]" * 1000 + ',\n    "bytes": 1048576,', 1)
d = json.loads(good); d["duration_s"] = -1.0; bad["negative-duration.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][0]["params"]["threads"] = -4; bad["negative-threads.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][0]["params"]["batch"] = 0; bad["batch-zero.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][0]["params"]["bytes"] = 2**64 - 1; bad["bytes-2-64.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][0]["rank"] = 0; bad["rank-in-single-rank.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["machine"]["hostname"] = "\x1b[2Jhost"; bad["ansi-hostname.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][0]["probe"] = "host.\x1b[31mx"; bad["ansi-probe-key.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["results"][0]["probe"] = "Host memcpy"; bad["bad-probe-key.json"] = json.dumps(d, indent=1)
d = json.loads(good)
r = d["results"][0]; r["samples_s"] = [5e-324] * 3; r["median_s"] = r["min_s"] = r["max_s"] = 5e-324
bad["tiny-time.json"] = json.dumps(d, indent=1)
d = json.loads(good)
r = d["results"][0]; r["samples_s"] = [1e300] * 3; r["median_s"] = r["min_s"] = r["max_s"] = 1e300
bad["huge-time.json"] = json.dumps(d, indent=1)
d = json.loads(good); d["machines"] = [d["machine"]]; bad["machines-without-ranks.json"] = json.dumps(d, indent=1)
# A file that contradicts itself: CC on in a result's params, off in its machine identity.
d = json.loads(json.dumps(files["fixture-h100-cc-off.json"])); d["results"][1]["params"]["cc"] = "on"
bad["cc-contradiction.json"] = json.dumps(d, indent=1)
# Summaries that disagree with their own samples, and a GPU its machine does not have
# (issue 21, class 5).
d = json.loads(json.dumps(files["fixture-h100-cc-off.json"]))
r = d["results"][2]
r["samples_s"] = [0.004, 0.005, 0.0055]; r["min_s"] = 0.004; r["max_s"] = 0.0055; r["median_s"] = 0.0041
r["cv"] = 0.159
bad["median-forged.json"] = json.dumps(d, indent=1)
d = json.loads(json.dumps(files["fixture-h100-cc-off.json"])); d["results"][1]["cv"] = 1e300
bad["cv-forged.json"] = json.dumps(d, indent=1)
d = json.loads(json.dumps(files["fixture-h100-cc-off.json"]))
d["machine"]["gpu"]["gpus"][0]["name"] = "NVIDIA H200"
bad["gpu-contradiction.json"] = json.dumps(d, indent=1)
# A sample of 0 s for 16 MiB: bytes over no time passed every bound while 1e-300 s was
# refused (issue 21, class 5).
d = json.loads(json.dumps(files["rules/h2d-fast.json"]))
r = d["results"][0]; r["samples_s"][0] = 0.0; r["min_s"] = 0.0
mean = sum(r["samples_s"]) / 3
r["cv"] = (sum((x - mean) ** 2 for x in r["samples_s"]) / 2) ** 0.5 / mean
bad["zero-sample.json"] = json.dumps(d, indent=1)
for name, text in bad.items():
    with open("bad/" + name, "w") as f:
        f.write(text)
