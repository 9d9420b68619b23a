#!/usr/bin/env python3
"""Every format opens with the verdict (the same headline in its first lines: the table's and
the Markdown's second, HTML's summary, the CSV's first row, JSON's `verdict`, SARIF's run
properties and its first result). Every format renders the same facts: for every bundled scenario, each number and verdict
in the text table's window rows, its exposure ceiling and its attack-path rows is in the JSON
(as a number within the table's rounding, or the same enum), and as the same words in the
HTML and the Markdown.

  cross_format_test.py PLAINSIGHT SOURCE_DIR
"""
import csv
import glob
import io
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


def render(plainsight, scenario, fmt, *extra, columns=None):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns:
        env["COLUMNS"] = str(columns)
    return subprocess.run([plainsight, "analyze", scenario, "-f", fmt, *extra], check=True,
                          stdout=subprocess.PIPE, env=env).stdout.decode()


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


def verdict_first(name, plainsight, scenario, doc, table, problems):
    """The verdict leads every format: the JSON's headline, word for word, near the top."""
    verdict = doc.get("verdict")
    if not verdict or not verdict.get("headline"):
        problems.append(f"{name}: the JSON has no verdict")
        return
    headline = verdict["headline"]
    if list(doc)[:3] != ["format", "tool", "verdict"]:
        problems.append(f"{name}: JSON: verdict is not the first member after the tool")
    if table.splitlines()[1] != "Verdict: " + headline:
        problems.append(f"{name}: table --wide: line 2 is not the verdict")
    # The default table fits 120 columns (or COLUMNS) and opens with the verdict, wrapped.
    for columns in (None, 80):
        compact = render(plainsight, scenario, "table", columns=columns).splitlines()
        limit = columns or 120
        wide_lines = [l for l in compact if len(l) > limit]
        if wide_lines:
            problems.append(f"{name}: table (COLUMNS={columns}): {len(wide_lines)} lines over "
                            f"{limit} columns, e.g. {wide_lines[0]!r}")
        opening = " ".join(l.strip() for l in compact[1:8])
        if not compact[1].startswith("Verdict: ") or \
                " ".join(headline.split()) not in " ".join(opening.split()):
            problems.append(f"{name}: table (COLUMNS={columns}): no verdict on top")
    # Its short windows count events as the JSON does: a window open per event says "x N",
    # even when its bytes stay resident between events (never "resident 57.86 s" for 30).
    compact_lines = render(plainsight, scenario, "table").splitlines()
    for w in doc.get("windows", []):
        events = w.get("events", 1)
        if not (events > 1 and float(events).is_integer()):
            continue
        # The row's first line starts with the stage's name: its first words, as many as fit
        # the narrowest name column before a wrap.
        start = ""
        for word in w["name"].split():
            if len(start) + len(word) + 1 > 28:
                break
            start = f"{start} {word}".strip()
        row = next((l for l in compact_lines if l.startswith(start)), None)
        if row is not None and f"x {int(events):,}" not in row:
            problems.append(f"{name}: table: {w['stage']} does not count its {int(events)} "
                            f"events: {row!r}")
    detail = render(plainsight, scenario, "table", "--detail").splitlines()
    if any(len(l) > 120 for l in detail):
        problems.append(f"{name}: table --detail: lines over 120 columns")
    md = render(plainsight, scenario, "md").splitlines()
    plain_md = [html.unescape(re.sub(r"\\(.)", r"\1", line)) for line in md[:4]]
    if f"**Verdict: {headline}**" not in plain_md:
        problems.append(f"{name}: Markdown: the verdict is not in its first lines")
    page = render(plainsight, scenario, "html")
    summary = page.find('<section id="summary">')
    after = page.find("<section", summary + 1)
    if summary < 0 or headline not in html.unescape(page[summary:after]):
        problems.append(f"{name}: HTML: the summary does not open with the verdict")
    csv_rows = list(csv.DictReader(io.StringIO(render(plainsight, scenario, "csv"))))
    if not csv_rows or csv_rows[0]["row"] != "verdict" or csv_rows[0]["name"] != headline:
        problems.append(f"{name}: CSV: the first row is not the verdict")
    sarif = json.loads(render(plainsight, scenario, "sarif"))
    run = sarif["runs"][0]
    if run.get("properties", {}).get("verdict", {}).get("headline") != headline:
        problems.append(f"{name}: SARIF: run.properties carry no verdict")
    if verdict["breached_by"] and run["results"] and \
            headline not in run["results"][0]["message"]["text"]:
        problems.append(f"{name}: SARIF: the top alert does not carry the verdict")
    # Every deciding exposure is an error-level result at its stage that names the minimal
    # defence; nothing that does not decide is an error.
    errors = {r["properties"]["stage"]: r for r in run["results"] if r["level"] == "error"}
    for w in doc["windows"]:
        deciding = [f for f in w.get("full_copy", []) if f["deciding"]]
        if deciding and w["stage"] not in errors:
            problems.append(f"{name}: SARIF: {w['stage']} decides the verdict but has no error")
        elif deciding and "Minimal defence" not in errors[w["stage"]]["message"]["text"]:
            problems.append(f"{name}: SARIF: the error at {w['stage']} names no minimal defence")
        if not deciding and w["stage"] in errors:
            problems.append(f"{name}: SARIF: {w['stage']} is an error but decides nothing")
    if verdict["breached_by"] and not errors:
        problems.append(f"{name}: SARIF: a level breaks the ceiling but no result is an error")


def main():
    plainsight, src = sys.argv[1], sys.argv[2]
    problems = []
    for scenario in sorted(glob.glob(os.path.join(src, "scenarios", "*.yaml"))):
        name = os.path.basename(scenario)
        table = render(plainsight, scenario, "table", "--wide")
        doc = json.loads(render(plainsight, scenario, "json"))
        page = html.unescape(re.sub(r"<[^>]+>", " ", render(plainsight, scenario, "html")))
        page = " ".join(page.split())
        md = " ".join(re.sub(r"\\([\[\]|`\\])", r"\1", html.unescape(
            render(plainsight, scenario, "md"))).split())
        windows = {w["name"]: w for w in doc["windows"]}
        verdict_first(name, plainsight, scenario, doc, table, problems)

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
