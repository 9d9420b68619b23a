#!/usr/bin/env bash
# Runs the examples of docs/research.md (tests/docs/docs_examples_test.py) in a scratch
# folder that links the repository's scenarios, model, tests and docs, so that the files the
# examples write (-o, --plot) land there and not in the source tree.
set -eu
python=$1
bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
root=$(cd "$3" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in scenarios model tests docs; do ln -s "$root/$d" "$tmp/$d"; done
"$python" "$root/tests/docs/docs_examples_test.py" "$bin" "$tmp" docs/research.md 6
# The examples' plots were written, and are drawings.
for f in dwell.svg grid.html tornado.svg; do
  [ -s "$tmp/$f" ] || { echo "FAIL docs/research.md example did not write $f"; exit 1; }
  grep -q "<svg" "$tmp/$f" || { echo "FAIL $f holds no drawing"; exit 1; }
done
