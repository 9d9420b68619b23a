#!/usr/bin/env python3
"""The HTML report in a real browser: every bundled scenario's report (and a hostile one,
tests/report/data/hostile.yaml) is rendered by headless Chromium; its DOM has every section,
and no element or attribute came from scenario text (only the elements the report writes, no
event handler, nothing fetched); printed to PDF on A4 and on Letter, pdftotext finds every
column of the exposure matrix and keeps every word of the page whole (pdftotext). Exits 77 (skipped, with the reason) where Chromium or
poppler-utils is missing: tools/setup-report-tools installs them.

  browser_test.py PLAINSIGHT SOURCE_DIR
"""
import concurrent.futures
import glob
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
# What the report writes; anything else in the DOM came from somewhere else.
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section",
    "h1", "h2", "h3", "p", "b", "code", "ul", "li", "span", "div", "table", "thead", "tbody",
    "tr", "th", "td", "svg", "defs", "marker", "pattern", "path", "g", "rect", "line", "text",
}
SECTIONS = ["summary", "pipeline", "timeline", "windows", "matrix", "ceiling", "paths",
            "defences", "measurements", "sources"]
PAGES = {"A4": (595, 842), "Letter": (612, 792)}  # points, as pdfinfo prints them


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems, self.ids, self.caps, self.text = [], set(), [], []
        self.printed = []  # text a printed page shows (no <style>, no SVG <title> tooltip)
        self._cap = False
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag not in ELEMENTS:
            self.problems.append(f"element <{tag}> the report does not write")
        for name, value in attrs:
            if name.startswith("on") or name in ("src", "href", "xlink:href", "srcdoc", "action"):
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")
            if name == "id":
                self.ids.add(value)
            if name == "class" and value == "cap":
                self._cap = True
        if tag in ("style", "title", "head"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag == "th":
            self._cap = False
        if tag in ("style", "title", "head"):
            self._hidden -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._hidden == 0:
            self.printed.append(data)
        if self._cap and data.strip():
            self.caps.append(data.strip())


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120, **kw)


def chromium(browser, *args):
    return run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--disable-extensions", *args])


def check(browser, plainsight, scenario, tmp):
    """Problems with one scenario's report, as strings."""
    name = os.path.splitext(os.path.basename(scenario))[0]
    page = os.path.join(tmp, name + ".html")
    r = run([plainsight, "analyze", scenario, "--format", "html", "-o", page])
    if r.returncode != 0:
        return [f"{name}: plainsight failed: {r.stderr.decode()}"]
    dom = chromium(browser, "--dump-dom", "file://" + page)
    if dom.returncode != 0 or not dom.stdout:
        return [f"{name}: chromium --dump-dom failed: {dom.stderr.decode()[-500:]}"]
    d = Dom()
    d.feed(dom.stdout.decode())
    out = [f"{name}: {p}" for p in d.problems]
    out += [f"{name}: no section #{s}" for s in SECTIONS if s not in d.ids]
    if not d.caps:
        out.append(f"{name}: the exposure matrix has no capability columns")
    if name == "hostile":
        text = "".join(d.text)
        for shown in ("<img src=x onerror=alert(1)>", "<script>alert(2)</script>",
                      "&#x202E;reversed location", "</td></tr></table><b>bold</b>"):
            if shown not in text:
                out.append(f"{name}: {shown!r} is not shown as text")
    source = open(page, encoding="utf-8").read()
    # Every drawing label of a bundled scenario is entire: the stage boxes wrap their words
    # onto lines (an ellipsis in a box is a cut label, lost in print where no tooltip shows).
    if os.sep + "scenarios" + os.sep in scenario:
        svg = source[source.find('<svg class="pipeline"'):]
        svg = svg[:svg.find("</svg>")]
        for box in re.findall(r'<g class="stage">(.*?)</g>', svg, re.S):
            for label in re.findall(r"<text[^>]*>(.*?)</text>", box):
                if "\u2026" in label:
                    out.append(f"{name}: drawing label cut: {label}")
    for size, (w, h) in PAGES.items():
        printed = os.path.join(tmp, f"{name}.{size}.html")
        with open(printed, "w", encoding="utf-8") as f:
            f.write(source.replace("</head>", f"<style>@page{{size:{size}}}</style></head>", 1))
        pdf = os.path.join(tmp, f"{name}.{size}.pdf")
        p = chromium(browser, "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
                     "file://" + printed)
        if p.returncode != 0 or not os.path.exists(pdf):
            out.append(f"{name} {size}: chromium --print-to-pdf failed: {p.stderr.decode()[-500:]}")
            continue
        info = run(["pdfinfo", pdf]).stdout.decode()
        m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
        if not m or (round(float(m.group(1))), round(float(m.group(2)))) != (w, h):
            out.append(f"{name} {size}: printed on {m.group(0) if m else 'an unknown page'}")
        text = " ".join(run(["pdftotext", "-layout", pdf, "-"]).stdout.decode().split())
        for cap in d.caps:
            if " ".join(cap.split()) not in text:
                out.append(f"{name} {size}: matrix column '{cap}' is not in the printed PDF")
        # Every word stays whole in print: a word of the page (letters only, 6 or more) is a
        # whole token of the PDF's text, not "ass um ed" across a narrow column's lines.
        # Drawing labels are SVG text cut with an ellipsis: their last word is left out.
        tokens = set(re.findall(r"[A-Za-z]+", text))
        broken = sorted({w for chunk in d.printed
                         for w in re.findall(r"[A-Za-z]{6,}(?![A-Za-z]*\u2026)", chunk)
                         if w not in tokens})
        if broken:
            out.append(f"{name} {size}: {len(broken)} words broken in print, e.g. "
                       f"{', '.join(broken[:8])}")
    return out


def main():
    plainsight, src = sys.argv[1], sys.argv[2]
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    missing = [t for t, found in (("chromium", browser), ("pdftotext", shutil.which("pdftotext")),
                                   ("pdfinfo", shutil.which("pdfinfo"))) if not found]
    if missing:
        print(f"SKIPPED: {', '.join(missing)} not installed (tools/setup-report-tools installs "
              "them)")
        return SKIP
    scenarios = sorted(glob.glob(os.path.join(src, "scenarios", "*.yaml")))
    scenarios.append(os.path.join(src, "tests", "report", "data", "hostile.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        # Chromium keeps a profile per run: one per process, two at a time.
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda s: check(browser, plainsight, s, tmp), scenarios))
    problems = [p for r in results for p in r]
    for p in problems:
        print("FAIL:", p)
    print(f"{len(scenarios) - sum(1 for r in results if r)} passed, "
          f"{sum(1 for r in results if r)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
