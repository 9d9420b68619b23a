#!/usr/bin/env python3
"""Validates `plainsight analyze --format json` of every bundled scenario against
docs/report.schema.json (JSON Schema draft 2020-12), and checks what a schema cannot:
the exposure matrix and the windows agree.

usage: schema_test.py PLAINSIGHT_BINARY REPO_ROOT
"""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema


def main():
    binary, root = sys.argv[1], sys.argv[2]
    os.chdir(root)
    with open("docs/report.schema.json") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    runs = [[s] for s in sorted(glob.glob("scenarios/*.yaml"))]
    runs.append(["tests/data/aws-frontier-one-platform.yaml", "--set", "platform.confidential_mode=on",
                 "--set", "platform.cpu_tee=sev_snp", "--set", "platform.multi_gpu_mode=protected_pcie"])
    runs.append(["tests/data/aws-frontier-one-platform.yaml", "--set", "platform.gpu=b200",
                 "--set", "platform.confidential_mode=on", "--set", "platform.cpu_tee=tdx"])
    runs.append(["scenarios/aws-frontier.yaml", "--set", "stages.fabric.protection=derived"])
    # Measured: the figures' `considered` chains, and an `emulated` provenance.
    runs.append(["scenarios/aws-frontier.yaml", "--measurements",
                 "model/measurements/host-vm-amd-epyc.json"])
    runs.append(["scenarios/silo-hopper.yaml", "--allow-emulation", "--measurements",
                 "tests/measure/data/fixture-host.json"])
    failures = 0
    report = None
    for args in runs:
        name = " ".join(args)
        p = subprocess.run([binary, "analyze", *args, "--format", "json"],
                           capture_output=True, text=True)
        if p.returncode != 0:
            print(f"FAIL {name}: exit {p.returncode}: {p.stderr.strip()}")
            failures += 1
            continue
        report = json.loads(p.stdout)
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
        for e in errors:
            print(f"FAIL {name}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        failures += len(errors)

        # Consistency the schema cannot express.
        windows = report["windows"]
        caps = report["exposure_matrix"]["capabilities"]
        rows = report["exposure_matrix"]["rows"]
        if [w["stage"] for w in windows] != [r["stage"] for r in rows]:
            print(f"FAIL {name}: exposure matrix rows do not follow the windows")
            failures += 1
        for w, r in zip(windows, rows):
            if [c["capability"] for c in r["cells"]] != caps:
                print(f"FAIL {name}: {w['stage']}: cells do not follow the capabilities")
                failures += 1
            readers = [c["capability"] for c in r["cells"] if c["access"] == "plaintext"]
            if readers != w["plaintext_readers"]:
                print(f"FAIL {name}: {w['stage']}: plaintext_readers {w['plaintext_readers']} "
                      f"but cells say {readers}")
                failures += 1
            if w["plaintext_coverage_s"] > report["scenario"]["horizon_s"] * (1 + 1e-12):
                print(f"FAIL {name}: {w['stage']}: coverage beyond the horizon")
                failures += 1
        sets = [v for k, v in zip(args, args[1:]) if k == "--set"]
        if report["scenario"]["overrides"] != sets:
            print(f"FAIL {name}: overrides {report['scenario']['overrides']}")
            failures += 1
        print(f"ok {name}")

    # The schema is not vacuous: broken reports fail it.
    if report is not None:
        for label, mutate in [
            ("no windows", lambda j: j.pop("windows")),
            ("unknown state", lambda j: j["windows"][0].__setitem__("state", "scrambled")),
            ("provenance missing", lambda j: j["windows"][0]["per_event_s"].pop("provenance")),
            ("bad access", lambda j: j["exposure_matrix"]["rows"][0]["cells"][0]
             .__setitem__("access", "all")),
            ("wrong format", lambda j: j.__setitem__("format", "plainsight-report/2")),
        ]:
            broken = copy.deepcopy(report)
            mutate(broken)
            if validator.is_valid(broken):
                print(f"FAIL the schema accepts a report with {label}")
                failures += 1
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
