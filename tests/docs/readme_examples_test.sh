#!/usr/bin/env bash
# Every `tools/plainsight ...` example in the README's shell blocks runs and exits 0, with the
# built binary, from a scratch folder (files the examples write land there, not in the source
# tree). The hardware probe example is left out: it measures this machine for minutes.
set -u
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$root/scenarios" "$tmp/scenarios"
ln -s "$root/tests" "$tmp/tests"
ln -s "$root/model" "$tmp/model"
mkdir -p "$tmp/docs/images"
# The examples inside ```sh blocks, continuation lines joined.
awk '/^```sh/{on=1; next} /^```/{on=0} on' "$root/README.md" |
  sed -e ':a' -e '/\\$/N; s/\\\n//; ta' |
  grep '^tools/plainsight ' | grep -v '^tools/plainsight probe ' | sed 's/ *#.*$//' >"$tmp/examples"
n=$(wc -l <"$tmp/examples")
[ "$n" -ge 10 ] || { echo "FAIL only $n examples found in README.md"; exit 1; }
fail=0
while IFS= read -r line; do
  args=${line#tools/plainsight }
  # Word-split as the shell would (the examples hold no quotes with spaces).
  (cd "$tmp" && eval "\"$bin\" $args" >"$tmp/out" 2>"$tmp/err")
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL (exit $rc): $line"
    head -3 "$tmp/err"
    fail=1
  else
    # What it writes: stdout, or the file it names.
    written="$tmp/out"
    if [[ "$line" =~ (-o|--plot)\ ([^ ]+) ]]; then written="$tmp/${BASH_REMATCH[2]}"; fi
    [ -s "$written" ] || { echo "FAIL (wrote nothing to $written): $line"; fail=1; }
    echo "ok   $line"
  fi
done <"$tmp/examples"
exit $fail
