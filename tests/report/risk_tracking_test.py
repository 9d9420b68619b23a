#!/usr/bin/env python3
"""A scenario's risk_tracking shows in every format: silo-hopper with four decisions keyed by
its findings' ids (an acceptance that holds, one that expired, a mitigation, a false positive)
and one id that matches nothing, read as of 2026-06-01. An acceptance that holds and a false
positive are SARIF suppressions; the expired acceptance is a finding again (no suppression,
still an error); `validate` and every report warn on the id that matches nothing.

  risk_tracking_test.py PLAINSIGHT SOURCE_DIR
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

# Ids are the SARIF fingerprints of silo-hopper's findings (rule|stage): stable by design.
HELD = "25ad47892f5a105a"      # plaintext/physical at nvlink: the verdict's own exposure
EXPIRED = "dc3d9f6366474a9b"   # plaintext/software at hbm
MITIGATED = "8cba96636683e9ce"  # plaintext/software at nvlink
FALSE_POSITIVE = "ebcfad11efb1abac"  # metadata/visible at object_store
NOTHING = "0123456789abcdef"

TRACKING = f"""
risk_tracking:
  {HELD}:
    status: accepted
    justification: the NVLink cage is sealed and inspected weekly
    owner: Alice
    ticket: SEC-101
    expires: 2026-12-31
  {EXPIRED}:
    status: accepted
    justification: accepted for the pilot only
    owner: Bob
    expires: 2026-01-31
  {MITIGATED}:
    status: mitigated
    justification: the workload image has no shell
    ticket: SEC-102
  {FALSE_POSITIVE}:
    status: false_positive
    justification: the bucket name is random
  {NOTHING}:
    status: in_progress
    justification: a finding that is gone
"""


def run(plainsight, *args, check=True):
    r = subprocess.run([plainsight, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and r.returncode != 0:
        raise SystemExit(f"plainsight {' '.join(args)} failed: {r.stderr.decode()}")
    return r


def main():
    plainsight, src = sys.argv[1], sys.argv[2]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        scenario = os.path.join(tmp, "tracked.yaml")
        with open(os.path.join(src, "scenarios", "silo-hopper.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(scenario, "w", encoding="utf-8") as f:
            f.write(text + TRACKING)

        def report(fmt, *extra):
            return run(plainsight, "analyze", scenario, "-f", fmt, "--as-of", "2026-06-01",
                       *extra).stdout.decode()

        sarif = json.loads(report("sarif", "--set", "target=OC4"))
        # A scenario outside any checkout: its URI is relative to its own folder, and the run
        # records its command line and overrides.
        loc = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        if loc["artifactLocation"] != {"uri": "tracked.yaml", "uriBaseId": "%SRCROOT%"}:
            problems.append(f"SARIF: artifact {loc['artifactLocation']}")
        inv = sarif["runs"][0].get("invocations", [{}])[0]
        if not inv.get("commandLine", "").startswith("plainsight analyze ") or \
                inv.get("properties", {}).get("overrides") != ["target=OC4"]:
            problems.append(f"SARIF: invocations {inv}")
        results = {r["partialFingerprints"]["plainsightFinding/v1"]: r
                   for r in sarif["runs"][0]["results"]}
        for fid, suppressed in ((HELD, True), (FALSE_POSITIVE, True), (EXPIRED, False),
                                (MITIGATED, False)):
            r = results.get(fid)
            if r is None:
                problems.append(f"SARIF: no result {fid}")
                continue
            if bool(r.get("suppressions")) != suppressed:
                problems.append(f"SARIF: {fid} suppressed is {bool(r.get('suppressions'))}")
            if "risk_tracking" not in r["properties"]:
                problems.append(f"SARIF: {fid} carries no risk_tracking")
        if EXPIRED in results:
            r = results[EXPIRED]
            if r["level"] != "error" or "expired: a finding again" not in r["message"]["text"]:
                problems.append("SARIF: the expired acceptance is not an error again")
        # As of a later date the held acceptance has expired too.
        later = json.loads(run(plainsight, "analyze", scenario, "-f", "sarif", "--as-of",
                               "2027-01-01").stdout.decode())
        for r in later["runs"][0]["results"]:
            if r["partialFingerprints"]["plainsightFinding/v1"] == HELD and r.get("suppressions"):
                problems.append("SARIF: an acceptance past its date is still suppressed")

        doc = json.loads(report("json"))
        findings = {f["id"]: f for f in doc["findings"]}
        if not findings.get(HELD, {}).get("suppressed"):
            problems.append("JSON: the held acceptance is not suppressed")
        if findings.get(EXPIRED, {}).get("tracking", {}).get("expired") is not True:
            problems.append("JSON: the expired acceptance is not marked expired")
        if not any(NOTHING in u for u in doc.get("risk_tracking_unmatched", [])):
            problems.append("JSON: the id that matches nothing is not listed")

        for fmt, extra in (("table", ()), ("table", ("--detail",)), ("md", ()), ("html", ())):
            body = report(fmt, *extra)
            for words in ("accepted until 2026-12-31 (owner Alice, SEC-101)",
                          "expired: a finding again", "mitigated", NOTHING):
                if words not in body.replace("&#39;", "'") and \
                        words not in " ".join(body.split()):
                    problems.append(f"{fmt} {' '.join(extra)}: {words!r} is not shown")
        rows = list(csv.DictReader(io.StringIO(report("csv"))))
        nvlink = [r for r in rows if r["stage"] == "nvlink"]
        if not nvlink or HELD not in nvlink[0]["risk_tracking"]:
            problems.append("CSV: the nvlink row has no risk_tracking")

        v = run(plainsight, "validate", scenario)
        if NOTHING not in v.stderr.decode() or v.returncode != 0:
            problems.append(f"validate: no warning on {NOTHING}: {v.stderr.decode()}")
    for p in problems:
        print("FAIL:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
