#!/usr/bin/env python3
"""Generates rdfc_cases.tsv (a COPY text-format file) from tests/manifest.jsonld,
so that test/rdf_canon.sql can load every case with \\copy.  Run from this
directory: ./make_cases.py > rdfc_cases.tsv"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
tests = os.path.join(here, "tests")
manifest = json.load(open(os.path.join(tests, "manifest.jsonld"), encoding="utf-8"))

kinds = {
    "rdfc:RDFC10EvalTest": "eval",
    "rdfc:RDFC10MapTest": "map",
    "rdfc:RDFC10NegativeEvalTest": "negative",
}


def copy_escape(s):
    return (s.replace("\\", "\\\\").replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def read(rel):
    with open(os.path.join(tests, rel), encoding="utf-8", newline="") as f:
        return f.read()


out = sys.stdout
for e in manifest["entries"]:
    kind = kinds[e["type"]]
    hash_ = {"SHA384": "sha384"}.get(e.get("hashAlgorithm"), "sha256")
    expected = ""
    if kind == "eval":
        expected = read(e["result"])
    elif kind == "map":
        expected = json.dumps(json.loads(read(e["result"])), sort_keys=True)
    row = [e["id"].lstrip("#"), kind, e["name"], e["computationalComplexity"],
           hash_, read(e["action"]), expected]
    out.write("\t".join(copy_escape(x) for x in row) + "\n")
