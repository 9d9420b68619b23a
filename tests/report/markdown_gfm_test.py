#!/usr/bin/env python3
"""Markdown through GitHub's own renderer (cmark-gfm with its autolink, table and
strikethrough extensions, raw HTML kept as GitHub keeps a span) makes no link from scenario
text: bare URLs, www. names, e-mail addresses, Markdown links and autolinks in a hostile
scenario, and every bundled scenario's report. The words stay readable: each URL's text is
still there once the tags are stripped. Emphasis and strikethrough in names and descriptions
(**strong**, _em_, ~~del~~) stay literal text, in paragraphs and table cells alike.
Exits 77 (skipped) without cmark-gfm (tools/setup-report-tools installs it).

  markdown_gfm_test.py PLAINSIGHT SOURCE_DIR
"""
import glob
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
URLS = ["https://evil.example/path?q=1", "http://evil.example", "www.evil.example",
        "mail@evil.example", "ftp://evil.example/f"]
SCENARIO = """name: "Bare {0} and [a link](https://evil.example/l) and <https://evil.example/a>"
description: "See {1} or {2}; mail {3}; fetch {4}"
horizon: 30d
asset:
  parameters: 70e9
platform:
  gpu: h100
stages:
  - id: pcie
    name: "Copy via {0}"
    location: "{2} bucket"
    medium: pcie
    duration: 2s
"""


EMPHASIS = ["**Encrypted**", "_safe_", "~~plaintext~~", "*one*", "~gone~", "__bold__"]
EMPHASIS_SCENARIO = """name: "{0} {1} {2}"
description: "{3} {4} {5}"
horizon: 30d
asset:
  parameters: 70e9
platform:
  gpu: h100
stages:
  - id: pcie
    name: "{0} {1} {2}"
    location: "{3} {4} {5}"
    medium: pcie
    duration: 2s
"""


def gfm(text):
    return subprocess.run(["cmark-gfm", "--unsafe", "-e", "autolink", "-e", "table",
                           "-e", "strikethrough"],
                          input=text.encode(), stdout=subprocess.PIPE, check=True).stdout.decode()


def main():
    plainsight, src = sys.argv[1], sys.argv[2]
    if not shutil.which("cmark-gfm"):
        print("SKIPPED: cmark-gfm not installed (tools/setup-report-tools)")
        return SKIP
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        hostile = os.path.join(tmp, "urls.yaml")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(SCENARIO.format(*URLS))
        emphasis = os.path.join(tmp, "emphasis.yaml")
        with open(emphasis, "w", encoding="utf-8") as f:
            f.write(EMPHASIS_SCENARIO.format(*EMPHASIS))
        scenarios = [hostile, emphasis,
                     os.path.join(src, "tests", "report", "data", "hostile.yaml")]
        scenarios += sorted(glob.glob(os.path.join(src, "scenarios", "*.yaml")))
        for s in scenarios:
            md = subprocess.run([plainsight, "analyze", s, "-f", "md"], check=True,
                                stdout=subprocess.PIPE).stdout.decode()
            page = gfm(md)
            links = re.findall(r"<a\s[^>]*>", page)
            if links:
                problems.append(f"{os.path.basename(s)}: {len(links)} links, e.g. {links[0]}")
            if s == emphasis:
                marked = re.findall(
                    r"<(strong|em|del)>(?:Encrypted|safe|plaintext|one|gone|bold)</\1>", page)
                if marked:
                    problems.append(f"emphasis.yaml: rendered as markup, e.g. {marked[0]}")
                text = html.unescape(re.sub(r"<[^>]+>", "", page))
                for e in EMPHASIS:
                    if e not in text:
                        problems.append(f"emphasis.yaml: {e!r} is not readable in the rendered page")
            if s == hostile:
                text = html.unescape(re.sub(r"<[^>]+>", "", page))
                for u in URLS:
                    if u not in text:
                        problems.append(f"urls.yaml: {u!r} is not readable in the rendered page")
    for p in problems:
        print("FAIL:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
