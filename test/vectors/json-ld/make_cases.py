#!/usr/bin/env python3
"""Turn the W3C JSON-LD test manifests into CSV files for the pgTAP suites.

Run from the top of the tree:  python3 test/vectors/json-ld/make_cases.py

Writes, under test/vectors/json-ld/:
  documents.csv      url,document: every .jsonld/.json file of tests/expand and
                     tests/toRdf under the suite's base IRI; the test setup
                     loads them into credreg.context (the "remote documents").
  expand_cases.csv   one row per test of tests/expand-manifest.jsonld
  toRdf_cases.csv    one row per test of tests/toRdf-manifest.jsonld
  SKIPPED.md         (the part between the generated markers) every test that
                     is not run, with the reason.
Case columns: ord,id,name,kind,input,base,expect,skip
  kind: positive | negative | syntax; expect: expected output text
  (positive), expected error code (negative), empty (syntax); skip: reason
  or empty.
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "tests")
BASE_IRI = "https://w3c.github.io/json-ld-api/tests/"


def skip_reason(opt):
    if opt.get("specVersion") == "json-ld-1.0":
        return "specVersion json-ld-1.0: a JSON-LD 1.0 only test; credreg is a JSON-LD 1.1 processor"
    if opt.get("processingMode") == "json-ld-1.0":
        return "processingMode json-ld-1.0 is not supported (credreg runs json-ld-1.1 only)"
    if "expandContext" in opt:
        return "the expandContext option is not supported"
    if opt.get("produceGeneralizedRdf"):
        return "the produceGeneralizedRdf option is not supported"
    if "rdfDirection" in opt:
        return "the rdfDirection option is not supported (rdfDirection is null)"
    return ""


def read(path):
    with open(os.path.join(TESTS, path), encoding="utf-8") as f:
        return f.read()


def cases(manifest):
    m = json.load(open(os.path.join(TESTS, manifest), encoding="utf-8"))
    out = []
    for ord_, t in enumerate(m["sequence"]):
        types = t["@type"]
        opt = t.get("option", {})
        kind = ("negative" if "jld:NegativeEvaluationTest" in types else
                "syntax" if "jld:PositiveSyntaxTest" in types else "positive")
        base = opt.get("base", BASE_IRI + t["input"])
        if kind == "negative":
            expect = t["expectErrorCode"]
        elif kind == "positive":
            expect = read(t["expect"])
        else:
            expect = ""
        out.append([ord_, t["@id"], t.get("name", ""), kind, read(t["input"]), base,
                    expect, skip_reason(opt)])
    return out


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    docs = []
    for sub in ("expand", "toRdf"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(TESTS, sub)):
            dirnames.sort()
            for fn in sorted(filenames):
                if fn.endswith(".jsonld") or fn.endswith(".json"):
                    rel = os.path.relpath(os.path.join(dirpath, fn), TESTS)
                    docs.append([BASE_IRI + rel, read(rel)])
    write_csv("documents.csv", ["url", "document"], docs)
    header = ["ord", "id", "name", "kind", "input", "base", "expect", "skip"]
    md = []
    for suite in ("expand", "toRdf"):
        rows = cases(suite + "-manifest.jsonld")
        write_csv(suite + "_cases.csv", header, rows)
        skipped = [r for r in rows if r[7]]
        md.append("### %s: %d tests, %d skipped\n" % (suite, len(rows), len(skipped)))
        md.append("| test | reason |\n|---|---|")
        for r in skipped:
            md.append("| %s%s | %s |" % (suite, r[1], r[7]))
        md.append("")
    path = os.path.join(HERE, "SKIPPED.md")
    begin, end = "<!-- BEGIN generated -->\n", "<!-- END generated -->\n"
    src = open(path, encoding="utf-8").read()
    head, rest = src.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + begin + "\n".join(md) + "\n" + end + tail)
    print("%d documents" % len(docs))


if __name__ == "__main__":
    main()
