#!/usr/bin/env python3
"""Every `docs/PAGE.md#anchor` that the repository cites resolves to a heading of that page.

    anchors_test.py REPO_ROOT

Catalog citations (`where: docs/model.md#places`), messages in src/, comments in scenarios,
and links between the documents (`(#places)`, `(scenarios.md#groups)`) name sections by
their GitHub anchors; a renamed heading would leave them pointing nowhere.
"""
import os
import re
import sys

CITED = re.compile(r"docs/([a-z-]+\.md)#([a-z0-9_-]+)")
LINKED = re.compile(r"\]\(([a-z-]+\.md)?#([a-z0-9_-]+)\)")


def anchors(path):
    """The GitHub anchors of a Markdown file's headings (outside fenced code)."""
    out, fenced = set(), False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("```"):
                fenced = not fenced
                continue
            m = re.match(r"#+\s+(.*?)\s*$", line)
            if m and not fenced:
                slug = re.sub(r"[^\w\- ]", "", m.group(1).lower()).replace(" ", "-")
                out.add(slug)
    return out


def main():
    root = sys.argv[1]
    docs = os.path.join(root, "docs")
    known = {p: anchors(os.path.join(docs, p)) for p in os.listdir(docs) if p.endswith(".md")}
    failures, checked = [], 0
    files = [os.path.join(root, "README.md")]
    for part in ("model", "src", "scenarios", "docs", os.path.join("tests", "data")):
        for d, _, names in os.walk(os.path.join(root, part)):
            files += [os.path.join(d, n) for n in names
                      if n.endswith((".md", ".yaml", ".cc", ".h", ".json"))]
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        rel = os.path.relpath(path, root)
        refs = [(m.group(1), m.group(2)) for m in CITED.finditer(text)]
        if rel.startswith("docs" + os.sep) and rel.endswith(".md"):
            page = os.path.basename(rel)
            refs += [(m.group(1) or page, m.group(2)) for m in LINKED.finditer(text)]
        for page, anchor in refs:
            checked += 1
            if page not in known:
                failures.append(f"{rel}: docs/{page} does not exist (#{anchor})")
            elif anchor not in known[page]:
                failures.append(f"{rel}: docs/{page} has no section #{anchor}")
    for f in sorted(set(failures)):
        print("FAIL", f)
    print(f"{checked} references to sections checked")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
