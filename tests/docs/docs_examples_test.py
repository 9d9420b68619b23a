#!/usr/bin/env python3
"""Runs the examples of a document and checks what it shows against what they print.

    docs_examples_test.py PLAINSIGHT_BIN REPO_ROOT DOC [MIN_RUN] [--shell]

Every `plainsight ...` command in a ```sh block (continuation lines joined) is run from the
repository root with PLAINSIGHT_BIN, unless it is `plainsight probe` (it measures the
machine) or names a file the repository does not have (`gpu-cc-off.json`, `nodes.txt`: the
reader's own). It must exit 0, or N when the line ends with `# exit N`. A ```text block right
after a ```sh block whose commands all ran lists lines that must appear in their stdout or
stderr. Fails when fewer than MIN_RUN commands ran, so that the test cannot pass by running
nothing.

With --shell, every command of the sh blocks but `plainsight probe` runs, in order, through
bash in a scratch directory that holds copies of the repository's model/, scenarios/,
tests/data/, tests/bad_input/ and docs/, with `plainsight` on the PATH: a page whose
example edits files (`cp -r model my-model`) runs as a reader would run it, and leaves the
repository as it was.

A ```yaml block whose first line is `# file: PATH` must be PATH's content, exactly; one whose
first line is `# from: PATH` must appear in PATH as it is shown (a snippet of a bundled
scenario stays one).
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

FILE_ARGUMENT = (".json", ".yaml", ".txt")


def commands(block, shell):
    """(text, argv or None, expected exit code) for each command of a sh block."""
    out, current = [], ""
    for line in block.splitlines():
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        text, expect = current.strip(), 0
        current = ""
        m = re.search(r"#\s*exit\s+(\d+)\s*$", text)
        if m:
            expect = int(m.group(1))
        if shell:
            if text and not text.startswith("#") and not text.startswith("plainsight probe"):
                out.append((text, None, expect))
            continue
        text = text.split("#", 1)[0].strip()
        if text.startswith("plainsight "):
            out.append((text, shlex.split(text), expect))
    return out


def check_included(root, doc, body):
    """Failures of a yaml block that stands for a file or a snippet of one."""
    first, _, rest = body.partition("\n")
    m = re.match(r"#\s*(file|from):\s*(\S+)\s*$", first)
    if not m:
        return [], 0
    path = os.path.join(root, m.group(2))
    if not os.path.exists(path):
        return [f"{doc}: {m.group(2)} is shown but the repository has no such file"], 1
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if m.group(1) == "file" and rest != text:
        return [f"{doc}: the block shown as {m.group(2)} differs from the file"], 1
    if m.group(1) == "from" and rest not in text:
        return [f"{doc}: the snippet shown from {m.group(2)} is not in it:\n{rest}"], 1
    return [], 1


def scratch(root, binary):
    """A directory holding copies of what the examples read, and `plainsight` on a PATH."""
    work = tempfile.mkdtemp(prefix="plainsight-doc-")
    for part in ("model", "scenarios", "docs", os.path.join("tests", "data"),
                 os.path.join("tests", "bad_input")):
        shutil.copytree(os.path.join(root, part), os.path.join(work, part))
    bindir = os.path.join(work, ".bin")
    os.mkdir(bindir)
    os.symlink(os.path.abspath(binary), os.path.join(bindir, "plainsight"))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
    return work, env


def main():
    args = [a for a in sys.argv[1:] if a != "--shell"]
    shell = "--shell" in sys.argv[1:]
    binary, root, doc = args[0:3]
    min_run = int(args[3]) if len(args) > 3 else 1
    with open(os.path.join(root, doc), encoding="utf-8") as f:
        blocks = re.findall(r"^```(\w*)\n(.*?)^```", f.read(), re.S | re.M)
    work, env = scratch(root, binary) if shell else (root, None)
    failures, ran, skipped, checked, included = [], 0, 0, 0, 0
    last_output, last_complete = None, False
    try:
        for kind, body in blocks:
            if kind == "yaml":
                f, n = check_included(root, doc, body)
                failures += f
                included += n
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
            for text, argv, expect in commands(body, shell):
                if argv is not None:
                    files = [a for a in argv if a.endswith(FILE_ARGUMENT)]
                    if argv[1] == "probe" or not all(
                            os.path.exists(os.path.join(root, p)) for p in files):
                        skipped += 1
                        complete = False
                        continue
                    r = subprocess.run([binary] + argv[1:], cwd=root, capture_output=True,
                                       text=True)
                else:
                    r = subprocess.run(["bash", "-o", "pipefail", "-c", text], cwd=work,
                                       env=env, capture_output=True, text=True)
                ran += 1
                any_ran = True
                output += r.stdout + r.stderr
                if r.returncode != expect:
                    failures.append(f"{doc}: `{text}` exited {r.returncode}, expected "
                                    f"{expect}: {r.stderr.strip()[:500]}")
            last_output, last_complete = (output, complete) if any_ran else (None, False)
    finally:
        if shell:
            shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL", f)
    print(f"{doc}: {ran} commands run, {skipped} skipped, {checked} shown lines checked, "
          f"{included} included files checked")
    if ran < min_run:
        print(f"FAIL {doc}: only {ran} commands ran, expected at least {min_run}")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
