#!/usr/bin/env python3
"""Writes the hand-made probe files the measure tests use. They are test fixtures with exact,
known timings (t = latency + bytes / bandwidth, no noise), not measurements of any machine:
their machine identity says so. Run from this directory; the output is committed."""
import json

HOST = {"hostname": "test-fixture (not a measurement)", "cpu": {"model": "Fixture CPU", "logical_cores": 4},
        "kernel": {"release": "fixture"}}
def gpu_machine(cc):
    m = dict(HOST)
    m["gpu"] = {"nvml": "ok", "confidential_computing": {"cc": cc},
                "gpus": [{"index": 0, "name": "NVIDIA H100 80GB HBM3"}]}
    return m

def result(probe, params, t):
    return {"probe": probe, "params": params, "samples_s": [t, t, t], "median_s": t,
            "min_s": t, "max_s": t, "cv": 0.0}

def doc(machine, results):
    return {"format": "plainsight-probe/1", "started_at": "2026-01-01T00:00:00Z", "duration_s": 1.0,
            "options": {}, "machine": machine, "results": results, "skipped": [], "failed": []}

MiB = 1 << 20
SIZES = [MiB, 16 * MiB, 256 * MiB]

host = []
for b in SIZES:  # bounce-buffer emulation: off 10 us + b / 8 GB/s, on 40 us + b / 2 GB/s
    host.append(result("host.bounce_buffer", {"bytes": b, "mode": "cc_off", "threads": 4}, 10e-6 + b / 8e9))
    host.append(result("host.bounce_buffer", {"bytes": b, "mode": "cc_on", "threads": 4}, 40e-6 + b / 2e9))
    # a slower 2-thread sweep the map must not prefer over the 4-thread one
    host.append(result("host.bounce_buffer", {"bytes": b, "mode": "cc_off", "threads": 2}, 10e-6 + b / 4e9))
    host.append(result("host.bounce_buffer", {"bytes": b, "mode": "cc_on", "threads": 2}, 40e-6 + b / 1e9))
    host.append(result("host.envelope", {"bytes": b, "phase": "open", "threads": 1}, 5e-6 + b / 4e9))
    host.append(result("host.envelope", {"bytes": b, "phase": "seal", "threads": 1}, 6e-6 + b / 4e9))

def h2d(cc, latency, bw):
    return [result("cuda.h2d", {"bytes": b, "memory": "pinned", "clock": "host", "device": 0, "cc": cc,
                                "gpu": "NVIDIA H100 80GB HBM3"}, latency + b / bw) for b in SIZES]

files = {
    "fixture-host.json": doc(HOST, host),
    "fixture-h100-cc-off.json": doc(gpu_machine("off"), h2d("off", 8e-6, 50e9)),
    "fixture-h100-cc-on.json": doc(gpu_machine("on"), h2d("on", 30e-6, 4e9)),
}
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
for name, text in bad.items():
    with open("bad/" + name, "w") as f:
        f.write(text)
