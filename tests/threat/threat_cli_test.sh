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
grep -q "OC3 -> OC3" "$tmp/diff.txt" || { echo "FAIL diff ceiling line"; fail=1; }
"$bin" diff "$s/../tests/data/aws-frontier-one-platform.yaml" --set platform.confidential_mode=on \
  --set platform.cpu_tee=sev_snp --set platform.multi_gpu_mode=protected_pcie --trials 0 \
  --format json >"$tmp/diff.json"
check "diff with --set" 0 $?
"$bin" diff "$s/aws-frontier.yaml" >/dev/null 2>&1
check "diff needs B or --set" 2 $?

"$bin" generate cluster --nodes 2 --gpus-per-node 2 -o "$tmp/c.yaml"
check "generate" 0 $?
"$bin" analyze "$tmp/c.yaml" --format json >/dev/null
check "generated scenario analyses" 0 $?

# Measured durations: simulate draws the schedule's jitter from the measured spread (the
# same for any --threads), diff prices both sides with them; a bad file is exit 2. The
# hand-made fixtures match the scenarios' platforms (the committed host file applies to
# neither stage: docs/measurements.md).
m=$root/tests/measure/data/rules/h2d-fast.json
gpu="--measurements $root/tests/measure/data/fixture-h100-cc-off.json --measurements $root/tests/measure/data/rules/h100-protected-pcie.json"
bad=$root/tests/measure/data/bad/truncated.json
for t in 1 3; do
  "$bin" simulate "$s/aws-frontier.yaml" --actor OC4 --trials 4000 --seed 5 --threads $t \
    --measurements "$m" --format json -o "$tmp/m$t.json"
  check "simulate --measurements, $t threads" 0 $?
done
cmp -s "$tmp/m1.json" "$tmp/m3.json" || { echo "FAIL measured simulate differs by --threads"; fail=1; }
grep -q '"jitter_s"' "$tmp/m1.json" || { echo "FAIL measured simulate json lacks jitter_s"; fail=1; }
grep -q '"jitter": \[\]' "$tmp/t1.json" || { echo "FAIL simulate without measurements has jitter"; fail=1; }
"$bin" simulate "$s/aws-frontier.yaml" --actor OC4 --trials 2000 --measurements "$m" >"$tmp/m.txt"
check "simulate --measurements, table" 0 $?
grep -q "^jitter: pcie (workload_root): event start sd .*in h2d-fast.json: cuda.h2d" \
  "$tmp/m.txt" || { echo "FAIL simulate table lacks the jitter line: $(cat "$tmp/m.txt")"; fail=1; }
grep -q "no measured jitter" "$tmp/m.txt" && { echo "FAIL no-jitter note with measurements"; fail=1; }
"$bin" simulate "$s/aws-frontier.yaml" --actor OC4 --trials 2000 >"$tmp/n.txt"
grep -q "no measured jitter" "$tmp/n.txt" || { echo "FAIL no-jitter note missing"; fail=1; }
"$bin" simulate "$s/aws-frontier.yaml" --measurements "$bad" >/dev/null 2>"$tmp/err"
check "simulate, bad measurement file" 2 $?
grep -q "truncated.json" "$tmp/err" || { echo "FAIL simulate error does not name the file"; fail=1; }
"$bin" diff "$s/silo-hopper.yaml" --set platform.confidential_mode=off --trials 0 >"$tmp/d0.txt"
"$bin" diff "$s/silo-hopper.yaml" --set platform.confidential_mode=off --trials 0 \
  $gpu >"$tmp/d1.txt"
check "diff --measurements" 0 $?
grep -q "workload run time: .*priced with: per step measured.*(probe results: fixture-h100-cc-off.json: cuda.h2d" \
  "$tmp/d1.txt" || { echo "FAIL diff time cost lacks measured figures: $(cat "$tmp/d1.txt")"; fail=1; }
grep -q "^measurements: fixture-h100-cc-off.json" "$tmp/d1.txt" || { echo "FAIL diff lacks the file"; fail=1; }
cmp -s "$tmp/d0.txt" "$tmp/d1.txt" && { echo "FAIL diff the same with and without measurements"; fail=1; }
grep -q "probe results" "$tmp/d0.txt" && { echo "FAIL diff without measurements cites probes"; fail=1; }
"$bin" diff "$s/silo-hopper.yaml" --set platform.confidential_mode=off --measurements "$bad" \
  >/dev/null 2>"$tmp/err"
check "diff, bad measurement file" 2 $?
grep -q "truncated.json" "$tmp/err" || { echo "FAIL diff error does not name the file"; fail=1; }

mkdir -p "$tmp/model"
cp "$root"/model/*.yaml "$tmp/model/"
sed -i 's/ttc: "HardAndCertain"/ttc: "Exponential(-2)"/' "$tmp/model/capabilities.yaml"
"$bin" --model "$tmp/model" analyze "$s/silo-hopper.yaml" >/dev/null 2>"$tmp/err"
check "bad ttc in the catalog" 2 $?
grep -q "capabilities.yaml:[0-9]*:[0-9]*: error: capability '.*' ttc: Exponential: the rate must be positive" "$tmp/err" \
  || { echo "FAIL bad ttc message: $(cat "$tmp/err")"; fail=1; }
exit $fail
