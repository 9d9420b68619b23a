#!/usr/bin/env python3
"""Validates probe result files against docs/probe-format.schema.json (python3-jsonschema).

usage: check_schema.py [--ranks N] SCHEMA FILE...
Also checks what a schema cannot: median/min/max agree with the samples, and with --ranks
that the document holds exactly N ranks.
"""
import argparse
import json
import statistics
import sys

import jsonschema


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ranks", type=int)
    ap.add_argument("schema")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    with open(args.schema) as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator = validator_cls(schema)
    bad = 0
    for path in args.files:
        with open(path) as f:
            doc = json.load(f)
        for err in validator.iter_errors(doc):
            print(f"{path}: {'/'.join(map(str, err.absolute_path))}: {err.message}")
            bad += 1
        for r in doc.get("results", []):
            s = r["samples_s"]
            if abs(statistics.median(s) - r["median_s"]) > 1e-12 or min(s) != r["min_s"] or max(s) != r["max_s"]:
                print(f"{path}: {r['probe']}: statistics do not match samples")
                bad += 1
        if args.ranks is not None:
            if doc.get("ranks") != args.ranks or len(doc.get("machines", [])) != args.ranks:
                print(f"{path}: expected {args.ranks} ranks, got {doc.get('ranks')}")
                bad += 1
            seen = {r.get("rank") for r in doc.get("results", [])}
            if seen != set(range(args.ranks)):
                print(f"{path}: results come from ranks {sorted(seen)}")
                bad += 1
        if not doc.get("results"):
            print(f"{path}: no results")
            bad += 1
    print("ok" if bad == 0 else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
