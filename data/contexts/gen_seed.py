#!/usr/bin/env python3
"""Regenerate the seed of credreg.context in src/jsonld/jsonld.sql.

Reads data/contexts/index.json, checks every file against its SHA-256, and
rewrites the block between the "BEGIN generated seed" and "END generated
seed" marker lines of src/jsonld/jsonld.sql with one INSERT per context URL.
Entries whose URL carries a "#...-variant" suffix are alternative byte
versions of another URL (see SOURCE.md); they are kept in this folder for
tests but are not seeded.  Run from the top of the tree:

    python3 data/contexts/gen_seed.py
"""
import hashlib
import json
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(TOP, "data", "contexts")
SQL = os.path.join(TOP, "src", "jsonld", "jsonld.sql")
BEGIN = "-- BEGIN generated seed (data/contexts/gen_seed.py)"
END = "-- END generated seed"


def quote(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    entries = json.load(open(os.path.join(DIR, "index.json"), encoding="utf-8"))
    lines = []
    for e in sorted(entries, key=lambda e: e["url"]):
        if "#" in e["url"]:
            continue
        raw = open(os.path.join(DIR, e["file"]), "rb").read()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != e["sha256"]:
            sys.exit("%s: SHA-256 %s does not match index.json" % (e["file"], digest))
        text = raw.decode("utf-8")
        if "\x00" in text:
            sys.exit("%s: contains NUL" % e["file"])
        lines.append("INSERT INTO context (url, document, sha256, builtin) VALUES (%s, %s,\n\t'\\x%s', true);"
                     % (quote(e["url"]), quote(text), digest))
    src = open(SQL, encoding="utf-8").read()
    head, rest = src.split(BEGIN + "\n", 1)
    _, tail = rest.split(END + "\n", 1)
    out = head + BEGIN + "\n" + "\n".join(lines) + "\n" + END + "\n" + tail
    with open(SQL, "w", encoding="utf-8") as f:
        f.write(out)
    print("seeded %d contexts" % len(lines))


if __name__ == "__main__":
    main()
