#!/usr/bin/env bash
# The threat commands end to end: the CI gate's exit codes, simulate's determinism across
# --threads, diff, generate, and bad input (exit 2, message naming the problem).
set -u
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check NAME EXPECTED_RC ACTUAL_RC
  if [ "$2" != "$3" ]; then
    echo "FAIL $1: exit $3, expected $2"
    fail=1
  else
    echo "ok   $1"
  fi
}
s=$root/scenarios
"$bin" analyze "$s/aws-frontier.yaml" --require-ceiling OC3 >/dev/null 2>"$tmp/err"
check "aws-frontier below OC3 fails the gate" 1 $?
grep -q "below the required OC3" "$tmp/err" || { echo "FAIL gate message"; fail=1; }
"$bin" analyze "$s/silo-hopper.yaml" --require-ceiling oc3 >/dev/null
check "silo-hopper meets OC3" 0 $?
"$bin" analyze "$s/silo-hopper.yaml" --require-ceiling OC9 >/dev/null 2>"$tmp/err"
check "bad level is bad usage" 2 $?
"$bin" analyze "$s/silo-hopper.yaml" --format json -o "$tmp/r.json"
check "json report" 0 $?
for k in windows exposure_matrix attack_paths minimal_defense exposure_ceiling; do
  grep -q "\"$k\"" "$tmp/r.json" || { echo "FAIL json lacks $k"; fail=1; }
done
grep -q '"level": 3' "$tmp/r.json" || { echo "FAIL ceiling level"; fail=1; }

"$bin" simulate "$s/aws-frontier.yaml" --actor OC3 --trials 4000 --seed 5 --threads 1 \
  --format json -o "$tmp/t1.json"
check "simulate, 1 thread" 0 $?
"$bin" simulate "$s/aws-frontier.yaml" --actor OC3 --trials 4000 --seed 5 --threads 3 \
  --format json -o "$tmp/t3.json"
check "simulate, 3 threads" 0 $?
cmp -s "$tmp/t1.json" "$tmp/t3.json" || { echo "FAIL simulate output differs by --threads"; fail=1; }
grep -q '"simulation"' "$tmp/t1.json" || { echo "FAIL json lacks simulation"; fail=1; }
"$bin" simulate "$s/aws-frontier.yaml" --actor OC7 >/dev/null 2>"$tmp/err"
check "unknown actor" 2 $?

"$bin" diff "$s/silo-hopper.yaml" "$s/silo-blackwell.yaml" --trials 500 >"$tmp/diff.txt"
check "diff two scenarios" 0 $?
grep -q "OC3 -> OC4" "$tmp/diff.txt" || { echo "FAIL diff ceiling line"; fail=1; }
"$bin" diff "$s/aws-frontier.yaml" --set platform.confidential_mode=on --trials 0 \
  --format json >"$tmp/diff.json"
check "diff with --set" 0 $?
"$bin" diff "$s/aws-frontier.yaml" >/dev/null 2>&1
check "diff needs B or --set" 2 $?

"$bin" generate cluster --nodes 2 --gpus-per-node 2 -o "$tmp/c.yaml"
check "generate" 0 $?
"$bin" analyze "$tmp/c.yaml" --format json >/dev/null
check "generated scenario analyses" 0 $?

mkdir -p "$tmp/model"
cp "$root"/model/*.yaml "$tmp/model/"
sed -i 's/ttc: "HardAndCertain"/ttc: "Exponential(-2)"/' "$tmp/model/capabilities.yaml"
"$bin" --model "$tmp/model" analyze "$s/silo-hopper.yaml" >/dev/null 2>"$tmp/err"
check "bad ttc in the catalog" 2 $?
grep -q "capabilities.yaml:[0-9]*:[0-9]*: error: capability '.*' ttc: Exponential: the rate must be positive" "$tmp/err" \
  || { echo "FAIL bad ttc message: $(cat "$tmp/err")"; fail=1; }
exit $fail
