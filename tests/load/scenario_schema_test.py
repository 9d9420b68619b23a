#!/usr/bin/env python3
"""docs/scenario.schema.json against what it describes.

1. The committed file is what `plainsight catalog --schema` prints now (it is generated from
   the loader's key tables and the catalog, never edited by hand).
2. It is a valid JSON Schema (draft 2020-12), and every bundled scenario, every grouped test
   scenario and the scenarios `generate cluster` writes (grouped, --expand, --from-slurm)
   validate against it, read as an editor reads them (YAML 1.2 core schema, the one
   yaml-language-server uses: `on` stays a word, `1e6` is a number).
3. It rejects structural errors: an unknown key at each level, a wrong type, a value not in
   the catalog, a malformed quantity. Each of those is also refused by `plainsight validate`,
   so the schema is never stricter than the loader on these cases.

usage: scenario_schema_test.py PLAINSIGHT_BINARY REPO_ROOT
"""
import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1 (yes/no/on/off are booleans, 1e6 a string); editors read 1.2."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:bool",
                                                   "tag:yaml.org,2002:float",
                                                   "tag:yaml.org,2002:int")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                                   list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    return int(text, 0) if text.startswith(("0o", "0x")) else int(text)


def construct_float(loader, node):
    v = float(loader.construct_scalar(node).replace(".inf", "inf").replace(".Inf", "inf")
              .replace(".INF", "inf").replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan"))
    return int(v) if v.is_integer() and abs(v) < 2**53 else v


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", construct_float)


def load_yaml(text):
    return yaml.load(text, Loader=Yaml12Loader)


failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def main():
    binary, root = sys.argv[1], sys.argv[2]
    os.chdir(root)
    printed = subprocess.run([binary, "catalog", "--schema"], capture_output=True, text=True)
    check(printed.returncode == 0, "catalog --schema exits 0: " + printed.stderr)
    with open("docs/scenario.schema.json") as f:
        committed = f.read()
    check(printed.stdout == committed,
          "docs/scenario.schema.json is current (regenerate: plainsight catalog --schema > "
          "docs/scenario.schema.json)")
    schema = json.loads(committed)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    def errors(doc):
        return [e.message for e in validator.iter_errors(doc)]

    # Every bundled scenario names the schema on its first line, and validates.
    docs = {}
    for path in sorted(glob.glob("scenarios/*.yaml")):
        with open(path) as f:
            text = f.read()
        check(text.startswith("# yaml-language-server: $schema=../docs/scenario.schema.json\n"),
              path + " starts with its yaml-language-server schema line")
        docs[path] = load_yaml(text)
    for path in sorted(glob.glob("tests/threat/data/grouped*.yaml")):
        with open(path) as f:
            docs[path] = load_yaml(f.read())
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            "grouped": ["--nodes", "1000", "--gpus-per-node", "8"],
            "confidential": ["--nodes", "4", "--gpu", "b200", "--cc", "on", "--cpu-tee", "sev_snp"],
            "expanded": ["--nodes", "3", "--gpus-per-node", "4", "--expand"],
            "slurm": ["--from-slurm", "tests/cli/data/scontrol_nodes.txt"],
            "onprem": ["--nodes", "32", "--offering", "dgx_h100", "--onprem"],
        }
        for name, args in runs.items():
            out = os.path.join(tmp, name + ".yaml")
            r = subprocess.run([binary, "generate", "cluster", *args, "-o", out],
                               capture_output=True, text=True)
            check(r.returncode == 0, f"generate cluster {' '.join(args)}: {r.stderr}")
            if r.returncode == 0:
                with open(out) as f:
                    docs["generate cluster " + " ".join(args)] = load_yaml(f.read())
    check(len(docs) >= 10, f"scenarios to validate: {len(docs)}")
    for name, doc in docs.items():
        e = errors(doc)
        check(not e, f"{name} validates: {e[:3]}")

    # Structural errors, each also refused by the loader.
    base = docs["scenarios/silo-hopper.yaml"]
    stage0 = base["stages"][0]["id"]

    def mutated(fn):
        d = copy.deepcopy(base)
        fn(d)
        return d

    bad = {
        "unknown top-level key": lambda d: d.update(stagez=[]),
        "unknown stage key": lambda d: d["stages"][0].update(duraton="5s"),
        "unknown platform key": lambda d: d["platform"].update(gpuz="h100"),
        "stage id of the wrong type": lambda d: d["stages"][0].update(id=["a"]),
        "stages not a list": lambda d: d.update(stages={"a": 1}),
        "unknown GPU": lambda d: d["platform"].update(gpu="h900"),
        "unknown medium": lambda d: d["stages"][0].update(medium="floppy"),
        "malformed duration": lambda d: d["stages"][0].update(duration="5 parsecs"),
        "on/off as a number": lambda d: d["platform"].update(confidential_mode=3),
        "missing stage id": lambda d: d["stages"][0].pop("id"),
        "unknown place kind": lambda d: d["places"][0].update(kind="datacenter"),
        "unknown offering": lambda d: d["places"][0].update(offering="aws_p9"),
        "unknown place key": lambda d: d["places"][0].update(operater="us"),
        "stage place of the wrong type": lambda d: d["stages"][0].update(place=["tee"]),
    }
    for what, fn in bad.items():
        d = mutated(fn)
        check(errors(d), f"the schema rejects: {what}")
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            f.write(yaml.safe_dump(d, sort_keys=False))
            path = f.name
        try:
            r = subprocess.run([binary, "validate", path], capture_output=True, text=True)
            check(r.returncode == 2, f"plainsight validate also refuses ({what}): exit {r.returncode}")
        finally:
            os.unlink(path)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print(f"scenario schema: {len(docs)} scenarios validate, {len(bad)} structural errors rejected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
