#!/usr/bin/env python3
"""`plainsight diff A B --format md|html|json` leads with the verdict's change: the Markdown's
third line, HTML's first section, JSON's `verdict` (right after `tool`); the same ceilings in
all three and in the table.

  diff_formats_test.py PLAINSIGHT SOURCE_DIR
"""
import html
import json
import os
import re
import subprocess
import sys


def main():
    plainsight, src = sys.argv[1], sys.argv[2]
    a = os.path.join(src, "scenarios", "silo-hopper.yaml")
    b = os.path.join(src, "scenarios", "silo-blackwell.yaml")

    def diff(fmt):
        return subprocess.run([plainsight, "diff", a, b, "-f", fmt, "--trials", "500"],
                              check=True, stdout=subprocess.PIPE).stdout.decode()

    problems = []
    doc = json.loads(diff("json"))
    if list(doc)[:3] != ["format", "tool", "verdict"]:
        problems.append("JSON: verdict is not first after the tool")
    summary = doc["verdict"]["summary"]
    if not re.match(r"Verdict: exposure ceiling OC\d -> OC\d \((raised|lowered|unchanged)\)",
                    summary):
        problems.append(f"JSON: verdict summary {summary!r}")
    if doc["verdict"]["a"]["ceiling"] != doc["exposure_ceiling"]["a"]:
        problems.append("JSON: the verdict's ceiling is not the diff's")
    md = diff("md").splitlines()
    if md[2] != f"**{summary}**":
        problems.append(f"Markdown: line 3 is {md[2]!r}")
    page = diff("html")
    first = page.find("<section")
    if not page[first:].startswith('<section id="verdict">') or \
            summary not in html.unescape(page[first:page.find("</section>", first)]):
        problems.append("HTML: the first section is not the verdict")
    table = diff("table").splitlines()
    if table[2] != summary:
        problems.append(f"table: line 3 is {table[2]!r}")
    for p in problems:
        print("FAIL:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
