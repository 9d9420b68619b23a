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


def scenario(name, description, stage_name, location):
    """A one-stage scenario whose texts are the given ones (each a YAML double-quoted string)."""
    return f"""name: "{name}"
description: "{description}"
horizon: 30d
asset:
  parameters: 70e9
platform:
  gpu: h100
stages:
  - id: pcie
    name: "{stage_name}"
    location: "{location}"
    medium: pcie
    duration: 2s
"""


EMPHASIS = ["**Encrypted**", "_safe_", "~~plaintext~~", "*one*", "~gone~", "__bold__"]


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
            f.write(scenario("Bare {0} and [a link](https://evil.example/l) and "
                             "<https://evil.example/a>".format(*URLS),
                             "See {1} or {2}; mail {3}; fetch {4}".format(*URLS),
                             "Copy via {0}".format(*URLS), "{2} bucket".format(*URLS)))
        emphasis = os.path.join(tmp, "emphasis.yaml")
        with open(emphasis, "w", encoding="utf-8") as f:
            three, rest = " ".join(EMPHASIS[:3]), " ".join(EMPHASIS[3:])
            f.write(scenario(three, rest, three, rest))
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
