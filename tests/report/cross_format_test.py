#!/usr/bin/env python3
"""Every format renders the same facts: for every bundled scenario, each number and verdict
in the text table's window rows, its exposure ceiling and its attack-path rows is in the JSON
(as a number within the table's rounding, or the same enum), and as the same words in the
HTML and the Markdown.

  cross_format_test.py PLAINSIGHT SOURCE_DIR
"""
import glob
import html
import json
import os
import re
import subprocess
import sys

UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "min": 60, "h": 3600,
         "d": 86400, "y": 365.25 * 86400, "B": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
         "PB": 1e15, "EB": 1e18, "GB/s": 1e9}
QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s?(ns|us|µs|ms|min|s|h|d|y|kB|MB|GB|TB|PB|EB)\b")


def render(plainsight, scenario, fmt):
    return subprocess.run([plainsight, "analyze", scenario, "-f", fmt], check=True,
                          stdout=subprocess.PIPE).stdout.decode()


def numbers(value, out):
    """Every number anywhere in a JSON value."""
    if isinstance(value, bool):
        return out
    if isinstance(value, (int, float)):
        out.append(float(value))
    elif isinstance(value, dict):
        for v in value.values():
            numbers(v, out)
    elif isinstance(value, list):
        for v in value:
            numbers(v, out)
    return out


def near(x, values):
    """x as the table prints it (4 significant digits) matches one of values."""
    return any(abs(v - x) <= 0.0006 * max(abs(v), abs(x)) + 1e-12 for v in values)


def columns(line, starts):
    return [line[a:b].strip() for a, b in zip(starts, starts[1:] + [None])]


def table_rows(text, first_header):
    """Rows of the aligned table whose header starts with first_header: cut at the columns
    the rule line under the header marks."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(first_header) and i + 1 < len(lines) and lines[i + 1].startswith("-"):
            starts = [m.start() for m in re.finditer(r"-+", lines[i + 1])]
            header = columns(line, starts)
            rows = []
            for row in lines[i + 2:]:
                if not row.strip():
                    break
                rows.append(dict(zip(header, columns(row, starts))))
            return rows
    return []


def main():
    plainsight, src = sys.argv[1], sys.argv[2]
    problems = []
    for scenario in sorted(glob.glob(os.path.join(src, "scenarios", "*.yaml"))):
        name = os.path.basename(scenario)
        table = render(plainsight, scenario, "table")
        doc = json.loads(render(plainsight, scenario, "json"))
        page = html.unescape(re.sub(r"<[^>]+>", " ", render(plainsight, scenario, "html")))
        page = " ".join(page.split())
        md = " ".join(re.sub(r"\\([\[\]|`\\])", r"\1", html.unescape(
            render(plainsight, scenario, "md"))).split())
        windows = {w["name"]: w for w in doc["windows"]}

        def everywhere(what, text):
            for fmt, body in (("HTML", page), ("Markdown", md)):
                if " ".join(text.split()) not in body:
                    problems.append(f"{name}: {what} {text!r} is not in the {fmt} report")

        rows = table_rows(table, "Stage ")
        if len(rows) != len(doc["windows"]):
            problems.append(f"{name}: {len(rows)} table rows for {len(doc['windows'])} windows")
        for row in rows:
            # A stage standing for replicas is named "Name (x N)" in the table.
            w = windows.get(re.sub(r" \(x [\d,]+\)$", "", row["Stage"]))
            if w is None:
                problems.append(f"{name}: window {row['Stage']!r} is not in the JSON")
                continue
            values = numbers(w, [])
            for col in ("Bytes", "Window", "Plaintext total"):
                everywhere(col, row[col])
                for m in QUANTITY.finditer(row[col]):
                    x = float(m.group(1)) * UNITS[m.group(2)]
                    if not near(x, values):
                        problems.append(f"{name}: {row['Stage']}: {col} {m.group(0)} is not in "
                                        f"the JSON window")
                for m in re.finditer(r"x (\d+)", row[col]):
                    if not near(float(m.group(1)), values):
                        problems.append(f"{name}: {row['Stage']}: {m.group(0)} events not in JSON")
            for col, key in (("Provenance", None), ("Rests on", "rests_on"),
                             ("State", "state_phrase"), ("Protection", "protection")):
                everywhere(col, row[col])
                expect = w["per_event_s"]["provenance"] if key is None else w[key]
                if row[col] != expect:
                    problems.append(f"{name}: {row['Stage']}: {col} {row[col]!r} vs JSON "
                                    f"{expect!r}")
        ceiling = re.search(r"Exposure ceiling: (\S+)", table)
        if ceiling:
            if doc["exposure_ceiling"]["label"] != ceiling.group(1):
                problems.append(f"{name}: ceiling {ceiling.group(1)} vs JSON")
            everywhere("ceiling", "Exposure ceiling: " + ceiling.group(1))
        paths = {p["actor"]: p for p in doc.get("attack_paths", [])}
        actor_rows = table_rows(table, "Actor ")
        if len(actor_rows) != len(paths):
            problems.append(f"{name}: {len(actor_rows)} path rows for {len(paths)} actors")
        for row in actor_rows:
            level = re.match(r"OC(\d)", row["Actor"])
            p = next((x for x in paths.values() if level and x["level"] == int(level.group(1))),
                     None)
            if p is None:
                problems.append(f"{name}: actor {row['Actor']!r} has no JSON path")
                continue
            everywhere("actor", row["Actor"])
            if row["Within dwell"] in ("yes", "no") and \
                    (row["Within dwell"] == "yes") != p["within_dwell"]:
                problems.append(f"{name}: {row['Actor']}: within dwell differs from the JSON")
            for m in QUANTITY.finditer(row["Expected after foothold"]):
                if not near(float(m.group(1)) * UNITS[m.group(2)], [p["expected_s"]]):
                    problems.append(f"{name}: {row['Actor']}: expected {m.group(0)} vs JSON")
    for p in problems:
        print("FAIL:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
