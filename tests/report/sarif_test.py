#!/usr/bin/env python3
"""Every bundled scenario's SARIF (and the hostile one's) is valid against the OASIS SARIF
2.1.0 schema (python3-jsonschema) and clean under Microsoft's SARIF multitool with GitHub's
rules (`validate --rule-kind "Sarif;Gh"`: no error or warning); findings carry a
security-severity, a fingerprint, a %SRCROOT%-relative URI, and the 'error' level only with a
plaintext exposure above zero. Exits 77 (skipped, with the reason) where the multitool or the
schema is not installed: tools/setup-report-tools installs them into build/report-tools.

  sarif_test.py PLAINSIGHT SOURCE_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77


def main():
    plainsight, src = sys.argv[1], sys.argv[2]
    tools = os.path.join(src, "build", "report-tools", "node_modules", "@microsoft")
    multitool = os.path.join(tools, "sarif-multitool-linux", "Sarif.Multitool")
    schema_path = os.path.join(tools, "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json")
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    missing = [what for what, ok in (("the SARIF multitool", os.access(multitool, os.X_OK)),
                                     ("the SARIF 2.1.0 schema", os.path.exists(schema_path)),
                                     ("python3-jsonschema", jsonschema is not None)) if not ok]
    if missing:
        print(f"SKIPPED: {', '.join(missing)} not installed (tools/setup-report-tools)")
        return SKIP
    schema = json.load(open(schema_path, encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    scenarios = sorted(glob.glob(os.path.join(src, "scenarios", "*.yaml")))
    scenarios.append(os.path.join(src, "tests", "report", "data", "hostile.yaml"))
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for s in scenarios:
            name = os.path.splitext(os.path.basename(s))[0]
            out = os.path.join(tmp, name + ".sarif")
            # From the source root, as in CI: URIs are relative to it.
            r = subprocess.run([plainsight, "analyze", os.path.relpath(s, src), "-f", "sarif",
                                "-o", out], cwd=src, stderr=subprocess.PIPE)
            if r.returncode != 0:
                problems.append(f"{name}: plainsight failed: {r.stderr.decode()}")
                continue
            files.append((name, out))
            doc = json.load(open(out, encoding="utf-8"))
            for e in validator.iter_errors(doc):
                problems.append(f"{name}: schema: {'/'.join(map(str, e.path))}: {e.message[:200]}")
            run = doc["runs"][0]
            for rule in run["tool"]["driver"]["rules"]:
                if not rule.get("help", {}).get("text"):
                    problems.append(f"{name}: rule {rule['id']} has no help text")
                if "security-severity" not in rule.get("properties", {}):
                    problems.append(f"{name}: rule {rule['id']} has no security-severity")
            seen = set()
            for res in run["results"]:
                loc = res["locations"][0]["physicalLocation"]["artifactLocation"]
                if loc.get("uriBaseId") != "%SRCROOT%" or loc["uri"].startswith(("/", "..")):
                    problems.append(f"{name}: artifact {loc} is not relative to %SRCROOT%")
                fp = res.get("partialFingerprints", {}).get("plainsightFinding/v1")
                if not fp or fp in seen:
                    problems.append(f"{name}: missing or repeated fingerprint {fp}")
                seen.add(fp)
                sev = float(res["properties"]["security-severity"])
                if not 0 < sev <= 10:
                    problems.append(f"{name}: security-severity {sev}")
                text = res["message"]["text"]
                if res["level"] == "error" and re.search(r"(plaintext|Plaintext) for 0 s", text):
                    problems.append(f"{name}: level error for a window of 0 s: {text[:200]}")
        out = os.path.join(tmp, "multitool.sarif")
        r = subprocess.run([multitool, "validate", "--rule-kind", "Sarif;Gh", "-o", out,
                            *[f for _, f in files]], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=300)
        log = r.stdout.decode(errors="replace")
        for line in log.splitlines():
            if re.search(r": (error|warning) ", line):
                problems.append("multitool: " + line.replace(tmp + "/", ""))
        if r.returncode != 0 and not problems:
            problems.append(f"multitool exited {r.returncode}: {log[-1000:]}")
    for p in problems:
        print("FAIL:", p)
    print(f"{len(scenarios)} scenarios: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
