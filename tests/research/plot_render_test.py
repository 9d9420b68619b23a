#!/usr/bin/env python3
"""The research plots rendered as people open them: each sweep line chart, heat map and tornado
chart (SVG and HTML) is screenshot by headless Chromium and the PNG checked for drawn content
(not blank: enough non-white pixels, several colours); printed to PDF by Chromium, pdftotext
finds the axes' labels with their units; the PNG plainsight writes itself (rsvg-convert) is
decoded and checked the same way. Exits 77 (skipped, saying why) where Chromium, poppler-utils
or rsvg-convert is missing: tools/setup and tools/setup-report-tools install them.

  plot_render_test.py PLAINSIGHT SOURCE_DIR
"""
import concurrent.futures
import os
import shutil
import struct
import sys
import tempfile
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
                r = run([plainsight, *cmd, "--plot", out])
                if r.returncode != 0 or not os.path.exists(out):
                    problems.append(f"{name}.{ext}: plainsight failed: {r.stderr.decode()[-400:]}")
            # plainsight's own PNG: twice the drawing's size, drawn.
            png = os.path.join(tmp, f"{name}.png")
            if os.path.exists(png):
                p, (w, _) = drawn(png, f"{name}.png (rsvg-convert)")
                problems += p
                svg = open(os.path.join(tmp, f"{name}.svg"), encoding="utf-8").read()
                width = int(svg.split('width="', 1)[1].split('"', 1)[0])
                if w != 2 * width:
                    problems.append(f"{name}.png: {w} px wide, expected {2 * width}")
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
