#!/usr/bin/env python3
"""The research plots rendered as people open them: each sweep line chart, heat map and tornado
chart (SVG and HTML) is screenshot by headless Chromium and the PNG checked for drawn content
(not blank: enough non-white pixels, several colours); printed to PDF by Chromium, pdftotext
finds the axes' labels with their units; the PNG plainsight writes itself (rsvg-convert) is
decoded and checked the same way. The data must be there, not only the frame: the SVG holds,
per actor, one mark for every point the JSON of the same run has (a line chart's markers in
the actor's colour, a heat map's cells, a tornado's bars), and the PNGs show each series'
colour inside the area where the data are drawn (a heat map: each actor's highest cell in the
colour its P maps to). Exits 77 (skipped, saying why) where Chromium, poppler-utils or
rsvg-convert is missing: tools/setup and tools/setup-report-tools install them.

  plot_render_test.py PLAINSIGHT SOURCE_DIR
"""
import collections
import concurrent.futures
import json
import os
import re
import shutil
import struct
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

SKIP = 77

# The report tests' way of running Chromium (headless, no sandbox, no profile left behind).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "report"))
from browser_test import chromium, run  # noqa: E402


def png_rows(path):
    """(width, height, bytes per pixel, the unfiltered rows) of an 8-bit RGB or RGBA,
    non-interlaced PNG. The 'up' filter, most rows of these images, is undone a whole row at a
    time (byte lanes added without carries, on Python's big integers); the others byte by byte.
    """
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{path}: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    high = int.from_bytes(b"\x80" * stride, "big")
    low = int.from_bytes(b"\x7f" * stride, "big")
    rows, prev = [], bytes(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)]
        if kind == 2:
            a, b = int.from_bytes(line, "big"), int.from_bytes(prev, "big")
            line = (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, "big")
        elif kind != 0:
            line = bytearray(line)
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                if kind == 1:
                    line[i] = (line[i] + a) & 255
                elif kind == 3:
                    line[i] = (line[i] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            line = bytes(line)
        rows.append(line)
        prev = line
    return width, height, bpp, rows


# Byte values a drawing inks (darker than near-white), for bytes.translate.
INK = bytes(1 if v < 235 else 0 for v in range(256))


def drawn(path, name):
    """Problems if the PNG at `path` looks blank, and its size."""
    width, height, bpp, rows = png_rows(path)
    inked = sum(row.translate(INK).count(1) for row in rows)
    colours = {row[x:x + 3] for row in rows[::4] for x in range(0, len(row), bpp * 2)}
    out = []
    if inked < 0.01 * width * height * bpp:
        out.append(f"{name}: only {inked} of {width * height * bpp} channel values inked: blank")
    if len(colours) < 8:
        out.append(f"{name}: only {len(colours)} colours: nothing plotted")
    return out, (width, height)


# The colours the plots draw their data in (src/report/plot_svg.cc): an actor's series by its
# level (Okabe and Ito), the tornado's ends, and the heat maps' scale (ColorBrewer Blues).
SERIES = {"OC1": "#E69F00", "OC2": "#56B4E9", "OC3": "#009E73", "OC4": "#0072B2",
          "OC5": "#D55E00"}
TORNADO = {"low": "#56B4E9", "high": "#D55E00"}
BLUES = [(247, 251, 255), (198, 219, 239), (107, 174, 214), (33, 113, 181), (8, 48, 107)]
SVG = "{http://www.w3.org/2000/svg}"


def rgb(colour):
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def heat_colour(t):
    """What plot_svg.cc's heat_colour(t) gives, written again from the palette."""
    t = min(max(t, 0.0), 1.0) * (len(BLUES) - 1)
    i = min(int(t), len(BLUES) - 2)
    f = t - i
    # C++'s lround: halves away from zero.
    return tuple(int(a + f * (b - a) + 0.5) for a, b in zip(BLUES[i], BLUES[i + 1]))


def nice_top(hi):
    """The top of the heat maps' colour scale: plot_axis.cc's linear axis from 0 to `hi`,
    widened to its last round tick (a 1, 2 or 5 step near a sixth of the span)."""
    import math
    raw = hi / 6
    mag = 10 ** math.floor(math.log10(raw))
    step = next((m * mag for m in (1, 2, 5, 10) if m * mag >= raw * (1 - 1e-9)), mag)
    return max(hi, math.ceil(hi / step - 1e-9) * step)


def box(elements):
    """The extent (x0, y0, x1, y1) of rects, circles and paths, in SVG pixels."""
    xs, ys = [], []
    for e in elements:
        tag = e.tag.replace(SVG, "")
        if tag == "rect":
            x, y = float(e.get("x")), float(e.get("y"))
            xs += [x, x + float(e.get("width"))]
            ys += [y, y + float(e.get("height"))]
        elif tag == "circle":
            cx, cy, r = (float(e.get(k)) for k in ("cx", "cy", "r"))
            xs += [cx - r, cx + r]
            ys += [cy - r, cy + r]
        elif tag == "path":
            v = [float(n) for n in re.findall(r"-?[0-9.]+", e.get("d"))]
            xs += v[0::2]
            ys += v[1::2]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def filled(group):
    """A group's marks: its filled rects, circles and paths (not the line through them)."""
    return [e for e in group if e.tag.replace(SVG, "") in ("rect", "circle", "path")
            and e.get("fill", "none") != "none"]


def svg_data(svg_path, kind, data):
    """Problems with the marks in the SVG, and what the PNGs must show: a list of
    (what, colour, region in SVG pixels, least pixels at scale 1)."""
    root = ET.parse(svg_path).getroot()
    groups = root.iter(SVG + "g")
    by = collections.defaultdict(list)
    for g in groups:
        by[(g.get("class"), g.get("data-actor") or g.get("data-panel"))].append(g)
    problems, expect = [], []
    if kind == "tornado":
        rows = data["assumptions"][:25]
        bars = [e for (cls, _), gs in by.items() if cls == "bars" for g in gs for e in filled(g)]
        for end, colour in TORNADO.items():
            want = sum(2 if a["simulated"] else 1 for a in rows)
            got = [e for e in bars if e.get("fill").upper() == colour]
            if len(got) != want:
                problems.append(f"{len(got)} bars of the {end} end, expected {want}")
            if got:
                expect.append((f"the {end} ends' bars", colour, box(got), 20))
        return problems, expect
    actors = [a.upper() for a in data["actors"]]
    points = data["points"]
    if kind == "line":
        panel = next(e for e in root.iter(SVG + "rect") if e.get("class") == "panel")
        x0, y0, x1, y1 = box([panel])
        region = (x0 - 12, y0 - 5, x1 + 12, y1 + 5)  # markers on the frame, set side by side
        drawn = sum(not p["refused"] for p in points)
        for tag in actors:
            gs = by.get(("series", tag), [])
            marks = [e for g in gs for e in filled(g)]
            if len(marks) != drawn:
                problems.append(f"{tag}: {len(marks)} markers, expected one per point drawn ({drawn})")
            if any(e.get("fill").upper() != SERIES[tag] for e in marks):
                problems.append(f"{tag}: a marker not in its colour {SERIES[tag]}")
            # A marker (r 3.5: 38 px) per point; others' bars and the edges' smoothing may take
            # most of one, never all.
            expect.append((f"{tag}'s series", SERIES[tag], region, 8 * drawn))
        return problems, expect
    # A heat map: a panel per actor (a cell per point), and the ceiling's.
    top = nice_top(max((a["probability"] for p in points if not p["refused"]
                        for a in p["actors"]), default=0) or 1)
    for j, tag in enumerate(actors + ["ceiling"]):
        gs = by.get(("cells", tag), [])
        cells = [e for g in gs for e in filled(g) if e.tag == SVG + "rect"]
        if len(cells) != len(points):
            problems.append(f"{tag}: {len(cells)} cells, expected one per point ({len(points)})")
            continue
        if tag == "ceiling":
            continue
        best = max((p["actors"][j]["probability"] for p in points if not p["refused"]),
                   default=None)
        if best is None:
            continue
        colour = "#%02x%02x%02x" % heat_colour(best / top)
        area = float(cells[0].get("width")) * float(cells[0].get("height"))
        expect.append((f"{tag}'s highest cell (P {best:.4f})", colour, box(cells), 0.5 * area))
    return problems, expect


def shows(png, expect, scale, name):
    """Problems where the PNG lacks, inside its region, the pixels of a colour it must show.
    `scale`: PNG pixels per SVG pixel."""
    width, height, bpp, rows = png_rows(png)
    problems = []
    for what, colour, (x0, y0, x1, y1), least in expect:
        want = rgb(colour)
        xa, xb = max(0, int(x0 * scale)), min(width, int(x1 * scale) + 1)
        ya, yb = max(0, int(y0 * scale)), min(height, int(y1 * scale) + 1)
        seen = collections.Counter()
        for row in rows[ya:yb]:
            seen.update(row[x * bpp:x * bpp + 3] for x in range(xa, xb))
        count = sum(n for px, n in seen.items() if all(abs(a - b) <= 8 for a, b in zip(px, want)))
        if count < least * scale * scale:
            problems.append(f"{name}: {what} ({colour}): {count} pixels in its area, expected at "
                            f"least {least * scale * scale:.0f}: the data are not drawn")
    return problems


def main():
    plainsight, src = sys.argv[1], sys.argv[2]
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    missing = [t for t, found in (("chromium", browser), ("pdftotext", shutil.which("pdftotext")),
                                   ("rsvg-convert", shutil.which("rsvg-convert"))) if not found]
    if missing:
        print(f"SKIPPED: {', '.join(missing)} not installed (tools/setup and "
              "tools/setup-report-tools install them)")
        return SKIP
    s = os.path.join(src, "scenarios")
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        plots = {
            # name: (command, labels the rendered page must show)
            "line": (["sweep", f"{s}/aws-frontier.yaml", "--vary", "actors.oc3.dwell=5d..60d:6",
                      "--trials", "2000"],
                     ["actors.oc3.dwell (days)", "P(full copy within the horizon, 30 d)",
                      "exposure ceiling", "OC3"]),
            "refused": (["sweep", f"{s}/silo-hopper.yaml", "--vary",
                         "platform.gpu=h100,b200,h200,gb200", "--trials", "2000"],
                        ["platform.gpu", "refused", "exposure ceiling", "OC4"]),
            "heat": (["sweep", f"{s}/silo-hopper.yaml", "--vary", "platform.gpu=h100,b200,h200",
                      "--vary", "actors.oc4.dwell=20d..200d:4:log", "--actor", "OC4",
                      "--trials", "2000"],
                     ["platform.gpu", "actors.oc4.dwell (days, log scale)", "refused",
                      "OC4: P(full copy within the horizon, 30 d)", "exposure ceiling"]),
            "tornado": (["sensitivity", f"{s}/transfer-cloud-relay.yaml", "--trials", "2000"],
                        ["P(full copy within 30 d), OC3", "OC level kept out", "OC2 dwell",
                         "verdict flips at"]),
        }

        def check(item):
            name, (cmd, labels) = item
            problems = []
            for ext in ("svg", "html", "png"):
                out = os.path.join(tmp, f"{name}.{ext}")
                # The same run's numbers, to hold the drawing to.
                extra = ["--format", "json", "-o", os.path.join(tmp, f"{name}.json")] \
                    if ext == "svg" else []
                r = run([plainsight, *cmd, "--plot", out, *extra])
                if r.returncode != 0 or not os.path.exists(out):
                    problems.append(f"{name}.{ext}: plainsight failed: {r.stderr.decode()[-400:]}")
            kind = "tornado" if cmd[0] == "sensitivity" else \
                "heat" if cmd.count("--vary") == 2 else "line"
            expect = []
            if os.path.exists(os.path.join(tmp, f"{name}.json")):
                data = json.load(open(os.path.join(tmp, f"{name}.json")))
                p, expect = svg_data(os.path.join(tmp, f"{name}.svg"), kind, data)
                problems += [f"{name}.svg: {x}" for x in p]
            # plainsight's own PNG: twice the drawing's size, drawn, the data in it.
            png = os.path.join(tmp, f"{name}.png")
            if os.path.exists(png):
                p, (w, _) = drawn(png, f"{name}.png (rsvg-convert)")
                problems += p
                svg = open(os.path.join(tmp, f"{name}.svg"), encoding="utf-8").read()
                width = int(svg.split('width="', 1)[1].split('"', 1)[0])
                if w != 2 * width:
                    problems.append(f"{name}.png: {w} px wide, expected {2 * width}")
                problems += shows(png, expect, 2, f"{name}.png (rsvg-convert)")
            for ext in ("svg", "html"):
                page = os.path.join(tmp, f"{name}.{ext}")
                if not os.path.exists(page):
                    continue
                shot = os.path.join(tmp, f"{name}.{ext}.png")
                r = chromium(browser, f"--screenshot={shot}", "--window-size=1300,1400",
                             "--force-device-scale-factor=0.5", "file://" + page)
                if r.returncode != 0 or not os.path.exists(shot):
                    problems.append(f"{name}.{ext}: chromium --screenshot failed: "
                                    f"{r.stderr.decode()[-400:]}")
                    continue
                problems += drawn(shot, f"{name}.{ext} in Chromium")[0]
                if ext == "svg":
                    # The drawing alone, at its own size: its data where they belong.
                    svg = open(page, encoding="utf-8").read()
                    w, h = (int(float(re.search(f'{k}="([0-9.]+)"', svg).group(1)))
                            for k in ("width", "height"))
                    full = os.path.join(tmp, f"{name}.svg.full.png")
                    r = chromium(browser, f"--screenshot={full}", f"--window-size={w},{h}",
                                 "--force-device-scale-factor=1", "file://" + page)
                    if r.returncode != 0 or not os.path.exists(full):
                        problems.append(f"{name}.svg: chromium --screenshot at full size failed")
                    else:
                        problems += shows(full, expect, 1, f"{name}.svg in Chromium")
                pdf = os.path.join(tmp, f"{name}.{ext}.pdf")
                r = chromium(browser, "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                             "file://" + page)
                if r.returncode != 0 or not os.path.exists(pdf):
                    problems.append(f"{name}.{ext}: chromium --print-to-pdf failed")
                    continue
                text = " ".join(run(["pdftotext", "-layout", pdf, "-"]).stdout.decode().split())
                flat = text.replace(" ", "")
                for label in labels:
                    # Turned labels (the y axes) come out of the PDF in pieces: compare without
                    # spaces, so that every character of the label must still be printed in order.
                    if label not in text and label.replace(" ", "") not in flat:
                        problems.append(f"{name}.{ext}: label '{label}' not in the rendered page")
            return problems

        # Chromium keeps a profile per run: one per process, two at a time.
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            for found in pool.map(check, plots.items()):
                problems += found
    for p in problems:
        print("FAIL:", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
