#!/usr/bin/env python3
"""Runs the examples of a document and checks the output it shows.

    docs_examples_test.py PLAINSIGHT_BIN REPO_ROOT DOC [MIN_RUN]

Every `plainsight ...` command in a ```sh block (continuation lines joined) is run from the
repository root with PLAINSIGHT_BIN, unless it is `plainsight probe` (it measures the
machine) or names a file the repository does not have (`gpu-cc-off.json`: the reader's own).
It must exit 0, or N when the line ends with `# exit N`. A ```text block right after a ```sh
block whose commands all ran lists lines that must appear in their stdout or stderr. Fails
when fewer than MIN_RUN commands ran, so that the test cannot pass by running nothing.
"""
import os
import re
import shlex
import subprocess
import sys


def commands(block):
    """(argv, expected exit code) for each command of a sh block."""
    out, current = [], ""
    for line in block.splitlines():
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        text, expect = current, 0
        m = re.search(r"#\s*exit\s+(\d+)\s*$", text)
        if m:
            expect = int(m.group(1))
        text = text.split("#", 1)[0].strip()
        current = ""
        if text.startswith("plainsight "):
            out.append((shlex.split(text), expect))
    return out


def main():
    binary, root, doc = sys.argv[1:4]
    min_run = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    with open(os.path.join(root, doc), encoding="utf-8") as f:
        blocks = re.findall(r"^```(\w*)\n(.*?)^```", f.read(), re.S | re.M)
    failures, ran, skipped, checked = [], 0, 0, 0
    last_output, last_complete = None, False
    for kind, body in blocks:
        if kind == "text" and last_output is not None:
            if last_complete:
                for line in body.splitlines():
                    if line.strip() and line.strip() not in last_output:
                        failures.append(f"{doc}: shown but not printed: {line.strip()}")
                    checked += bool(line.strip())
            last_output = None
            continue
        last_output = None
        if kind != "sh":
            continue
        output, complete, any_ran = "", True, False
        for argv, expect in commands(body):
            files = [a for a in argv if a.endswith((".json", ".yaml"))]
            if argv[1] == "probe" or not all(os.path.exists(os.path.join(root, p)) for p in files):
                skipped += 1
                complete = False
                continue
            r = subprocess.run([binary] + argv[1:], cwd=root, capture_output=True, text=True)
            ran += 1
            any_ran = True
            output += r.stdout + r.stderr
            if r.returncode != expect:
                failures.append(f"{doc}: `{' '.join(argv)}` exited {r.returncode}, expected "
                                f"{expect}: {r.stderr.strip()[:500]}")
        last_output, last_complete = (output, complete) if any_ran else (None, False)
    for f in failures:
        print("FAIL", f)
    print(f"{doc}: {ran} commands run, {skipped} skipped, {checked} shown lines checked")
    if ran < min_run:
        print(f"FAIL {doc}: only {ran} commands ran, expected at least {min_run}")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
