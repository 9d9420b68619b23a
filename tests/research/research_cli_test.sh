#!/usr/bin/env bash
# The research commands end to end: a sweep point against `simulate` on the same --set, seed
# and trials; the same bytes whatever --threads; a refused platform as a row (exit 0); the
# plot files; sensitivity's decisive assumption; simulate --draw-parameters; the calibrated
# actors in `catalog actors --detail`; bad input (exit 2 naming the option).
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
bad() {  # bad NAME EXPECTED_TEXT ARGS...
  local name=$1 text=$2
  shift 2
  "$bin" "$@" >/dev/null 2>"$tmp/err"
  check "$name" 2 $?
  grep -qF -- "$text" "$tmp/err" || { echo "FAIL $name message: $(cat "$tmp/err")"; fail=1; }
}
set_=(--set stages.fabric.protection=derived)

# A sweep point is what simulate gives on the same --set, seed and trials.
"$bin" sweep "$s/aws-frontier.yaml" "${set_[@]}" --vary actors.oc3.dwell=12d,40d --actor OC3 \
  --trials 5000 --seed 9 --format json -o "$tmp/sweep.json"
check "sweep json" 0 $?
"$bin" simulate "$s/aws-frontier.yaml" "${set_[@]}" --set actors.oc3.dwell=40d --actor OC3 \
  --trials 5000 --seed 9 --format json -o "$tmp/sim.json"
check "simulate json" 0 $?
python3 - "$tmp/sweep.json" "$tmp/sim.json" <<'PY' || fail=1
import json, sys
sweep = json.load(open(sys.argv[1]))
sim = json.load(open(sys.argv[2]))["simulation"]
point = [p for p in sweep["points"] if p["values"]["actors.oc3.dwell"] == "40d"][0]
got = point["actors"][0]
if (got["successes"], got["probability"]) != (sim["successes"], sim["probability"]):
    print(f"FAIL sweep point {got} differs from simulate {sim['successes']} {sim['probability']}")
    sys.exit(1)
print("ok   a sweep point agrees with simulate")
PY

# A point that needs its own window analysis (platform keys) is what simulate gives too, for
# every actor; the points differ, so a point analysed as its neighbour would not agree.
"$bin" sweep "$s/silo-hopper.yaml" --vary platform.confidential_mode=off,on \
  --vary platform.cpu_tee=none,sev_snp --trials 3000 --seed 5 --format json -o "$tmp/own.json"
check "sweep of platform keys" 0 $?
for point in off,none off,sev_snp on,sev_snp; do
  mode=${point%,*} tee=${point#*,}
  for level in 1 2 3 4 5; do
    "$bin" simulate "$s/silo-hopper.yaml" --set platform.confidential_mode="$mode" \
      --set platform.cpu_tee="$tee" --actor "OC$level" --trials 3000 --seed 5 --format json \
      -o "$tmp/own-$mode-$tee-oc$level.json" || { echo "FAIL simulate $mode $tee OC$level"; fail=1; }
  done
done
python3 - "$tmp" <<'PY' || fail=1
import json, sys
tmp = sys.argv[1]
sweep = json.load(open(f"{tmp}/own.json"))
seen = set()
for p in sweep["points"]:
    mode, tee = p["values"]["platform.confidential_mode"], p["values"]["platform.cpu_tee"]
    if p["refused"]:
        continue
    for a in p["actors"]:
        sim = json.load(open(f"{tmp}/own-{mode}-{tee}-{a['actor']}.json"))
        want = sim["simulation"]
        if (a["successes"], a["probability"]) != (want["successes"], want["probability"]):
            print(f"FAIL {mode},{tee} {a['actor']}: sweep {a['successes']} simulate {want['successes']}")
            sys.exit(1)
        seen.add((mode, tee, a["actor"], a["successes"]))
    if p["shared_analysis"] or p["ceiling_label"] != sim["exposure_ceiling"]["label"]:
        print(f"FAIL {mode},{tee}: shared analysis or ceiling differs")
        sys.exit(1)
oc4 = {s for (_, _, actor, s) in seen if actor == "oc4"}
if len(oc4) < 3:
    print(f"FAIL the platform points do not differ for OC4: {sorted(seen)}")
    sys.exit(1)
print("ok   points with their own analysis agree with simulate --set")
PY

# The same output whatever --threads.
for t in 1 3; do
  "$bin" sweep "$s/silo-hopper.yaml" --vary platform.confidential_mode=off,on \
    --vary actors.oc4.dwell=20d..200d:4:log --trials 3000 --threads $t --format csv \
    -o "$tmp/t$t.csv"
  check "sweep --threads $t" 0 $?
  "$bin" sensitivity "$s/transfer-cloud-relay.yaml" --trials 2000 --threads $t --format json \
    -o "$tmp/s$t.json"
  check "sensitivity --threads $t" 0 $?
  "$bin" simulate "$s/aws-frontier.yaml" --actor OC3 --trials 4000 --draw-parameters \
    --threads $t --format json -o "$tmp/d$t.json"
  check "simulate --draw-parameters --threads $t" 0 $?
done
cmp -s "$tmp/t1.csv" "$tmp/t3.csv" || { echo "FAIL sweep differs by --threads"; fail=1; }
cmp -s "$tmp/s1.json" "$tmp/s3.json" || { echo "FAIL sensitivity differs by --threads"; fail=1; }
cmp -s "$tmp/d1.json" "$tmp/d3.json" || { echo "FAIL drawn simulate differs by --threads"; fail=1; }
grep -q "drew the actor's foothold_rate, dwell, read_bandwidth, egress_bandwidth" "$tmp/d1.json" \
  || { echo "FAIL drawn simulate does not say what it drew"; fail=1; }
"$bin" simulate "$s/aws-frontier.yaml" --actor OC3 --trials 4000 --format json -o "$tmp/p.json"
cmp -s "$tmp/d1.json" "$tmp/p.json" && { echo "FAIL drawing changed nothing"; fail=1; }

# A refused platform is a row that says so, and the sweep goes on.
"$bin" sweep "$s/silo-hopper.yaml" --vary platform.gpu=h100,b200,h200 --trials 500 \
  --format csv >"$tmp/refused.csv"
check "a refused point is not an error" 0 $?
grep -q '^2,"b200",refused,.*protected_pcie_is_hopper_only' "$tmp/refused.csv" \
  || { echo "FAIL no refused row: $(cat "$tmp/refused.csv")"; fail=1; }
grep -q '^3,"h200",ok,' "$tmp/refused.csv" || { echo "FAIL the sweep stopped at the refusal"; fail=1; }
"$bin" sweep "$s/silo-hopper.yaml" --vary platform.gpu=h100,b200 --trials 200 >"$tmp/refused.txt"
grep -q "refused  .*platform refused (model/platform_rules.yaml" "$tmp/refused.txt" || { echo "FAIL table lacks refusal"; fail=1; }

# Plots: the file the extension names, nothing written on a refusal.
"$bin" sweep "$s/aws-frontier.yaml" --vary actors.oc3.dwell=5d..60d:4 --actor OC3 --trials 500 \
  --plot "$tmp/line.svg" >/dev/null
check "sweep --plot svg" 0 $?
grep -q "actors.oc3.dwell (days)" "$tmp/line.svg" || { echo "FAIL svg plot axis"; fail=1; }
"$bin" sweep "$s/aws-frontier.yaml" --vary actors.oc3.dwell=5d..60d:4 --actor OC3 --trials 500 \
  --plot "$tmp/line.html" >/dev/null
check "sweep --plot html" 0 $?
head -c 15 "$tmp/line.html" | grep -q "<!DOCTYPE html>" || { echo "FAIL html plot"; fail=1; }
"$bin" sensitivity "$s/aws-frontier.yaml" --trials 500 --plot "$tmp/tornado.svg" >/dev/null
check "sensitivity --plot svg" 0 $?
grep -q "<svg" "$tmp/tornado.svg" || { echo "FAIL tornado svg"; fail=1; }
"$bin" sweep "$s/aws-frontier.yaml" --vary actors.oc3.dwell=5d,6d --plot "$tmp/x.jpg" \
  >/dev/null 2>"$tmp/err"
check "plot extension" 2 $?
[ -e "$tmp/x.jpg" ] && { echo "FAIL wrote a .jpg"; fail=1; }
"$bin" sweep "$s/aws-frontier.yaml" --vary actors.oc3.dwell=5d,6d --vary actors.oc2.dwell=1d,2d \
  --vary actors.oc1.dwell=1d,2d --plot "$tmp/three.svg" >/dev/null 2>"$tmp/err"
check "three keys cannot be plotted" 2 $?
grep -q "one key (a line chart) or two" "$tmp/err" || { echo "FAIL three-key message"; fail=1; }

# Nothing half-written: a --plot or -o that cannot be written is refused (exit 2) before the
# command runs, with nothing on stdout and neither file written.
mkdir -p "$tmp/dir.svg" "$tmp/ro"
chmod 555 "$tmp/ro"
targets=("$tmp/missing/x.svg" "$tmp/dir.svg")
# Root writes into a read-only folder anyway: the unwritable case needs another user.
[ "$(id -u)" != 0 ] && targets+=("$tmp/ro/x.svg")
for target in "${targets[@]}"; do
  for cmd in "sweep --vary actors.oc3.dwell=1d..2d:3 --format csv" "sensitivity --format json"; do
    for out in "$tmp/ok.out" ""; do
      rm -f "$tmp/ok.out"
      # shellcheck disable=SC2086  # $cmd is words
      "$bin" $cmd "$s/aws-frontier.yaml" --trials 10 --plot "$target" ${out:+-o "$out"} \
        >"$tmp/stdout" 2>"$tmp/err"
      check "${cmd%% *} --plot ${target#"$tmp/"} ${out:+-o}" 2 $?
      [ -e "$tmp/ok.out" ] && { echo "FAIL ${cmd%% *}: -o written though --plot was refused"; fail=1; }
      [ -s "$tmp/stdout" ] && { echo "FAIL ${cmd%% *}: stdout written though --plot was refused"; fail=1; }
      grep -qF "cannot write here" "$tmp/err" || { echo "FAIL plot target message: $(cat "$tmp/err")"; fail=1; }
    done
  done
  # The other way round: -o refused, the plot not drawn.
  rm -f "$tmp/p.svg"
  "$bin" sweep "$s/aws-frontier.yaml" --vary actors.oc3.dwell=1d,2d --trials 10 \
    --plot "$tmp/p.svg" -o "$target" >"$tmp/stdout" 2>"$tmp/err"
  check "sweep -o ${target#"$tmp/"} --plot" 2 $?
  [ -e "$tmp/p.svg" ] && { echo "FAIL plot written though -o was refused"; fail=1; }
done
# Checked before the scenario is even read, and the plot cannot be the -o file.
"$bin" sweep "$tmp/no-such.yaml" --vary actors.oc3.dwell=1d,2d --plot "$tmp/missing/x.svg" \
  2>"$tmp/err"
check "plot target before the scenario" 2 $?
grep -qF "$tmp/missing/x.svg" "$tmp/err" || { echo "FAIL not the plot's error: $(cat "$tmp/err")"; fail=1; }
bad "plot is the -o file" "is also the -o file" sweep "$s/aws-frontier.yaml" \
  --vary actors.oc3.dwell=1d,2d --plot "$tmp/same.svg" -o "$tmp/same.svg"

# Sensitivity names what decides the answer.
python3 - "$tmp/s1.json" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1]))
if r["decisive"] is None or "decides the answer" not in r["decides"]:
    print("FAIL no decisive assumption:", r["decides"]); sys.exit(1)
flips = [f for a in r["assumptions"] for f in a["flips"]]
if not any(f["verdict"] == "ceiling" for f in flips):
    print("FAIL no ceiling flip in transfer-cloud-relay"); sys.exit(1)
print("ok   sensitivity names the decisive assumption:", r["decides"])
PY

# The calibrated actors, with their sources.
"$bin" catalog actors --detail >"$tmp/actors.txt"
check "catalog actors --detail" 0 $?
for want in "oc3    dwell             30 d      16 d .. 60 d          low end: mandiant-m-trends-2026, claimed; high end: x2, assumed" \
            "oc4    dwell             90 d      45 d .. 176 d         low end: x1/2, assumed; high end: mandiant-m-trends-2026, claimed" \
            "oc5    dwell             365 d     176 d .. 730 d        low end: mandiant-m-trends-2026, claimed; high end: x2, assumed" \
            "oc3 dwell range, low end: [claimed: Mandiant" \
            "Global median dwell time rose to 14 days from 11 days." \
            "the median dwell time for both categories was 122 days." \
            "59% of organizations were hit by ransomware last year"; do
  grep -qF "$want" "$tmp/actors.txt" || { echo "FAIL catalog actors lacks: $want"; fail=1; }
done

# Bad input: exit 2, naming what was wrong.
bad "unknown key" "--vary platform.gpuu=h100" sweep "$s/aws-frontier.yaml" --vary platform.gpuu=h100
bad "unknown value" "--vary platform.gpu=nonesuch" sweep "$s/aws-frontier.yaml" \
  --vary platform.gpu=h100,nonesuch
bad "range of a word key" "holds no number" sweep "$s/aws-frontier.yaml" --vary platform.gpu=a..b:3
bad "bad bound" "LO:" sweep "$s/aws-frontier.yaml" --vary actors.oc3.dwell=1parsec..9d:3
bad "a value twice" "the value '1d' is listed twice" sweep "$s/aws-frontier.yaml" \
  --vary actors.oc3.dwell=1d,1d
bad "varied twice" "varied twice" sweep "$s/aws-frontier.yaml" --vary actors.oc3.dwell=1d,2d \
  --vary actors.oc3.dwell=3d,4d
bad "grid too large" "more than 10000 points" sweep "$s/aws-frontier.yaml" \
  --vary actors.oc3.dwell=1d..100d:200 --vary actors.oc2.dwell=1d..100d:200
bad "no --vary" "--vary is required" sweep "$s/aws-frontier.yaml"
bad "unknown actor" "unknown actor" sweep "$s/aws-frontier.yaml" --vary actors.oc3.dwell=1d,2d \
  --actor OC9
bad "factor" "factor must be above 1" sensitivity "$s/aws-frontier.yaml" --factor 1
bad "threshold" "threshold is a probability" sensitivity "$s/aws-frontier.yaml" --threshold 1.5
exit $fail
