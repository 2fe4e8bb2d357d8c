#!/usr/bin/env python3
"""Run every ```sql example of README.md against the test cluster.

The examples are read from README.md each time, so they cannot drift from
what the tests check.  Conventions (also in README.md, section Development):

* Every ```sql block runs, through psql (so psql meta-commands such as
  \\gset work), in one database per `## ` section of the README: the blocks of
  a section run in order and share what earlier ones created.  Each section
  gets a fresh database with `CREATE EXTENSION credreg`.
* A marker comment on the line(s) just before a block changes that:
    <!-- readme-test: setup=NAME -->   run test/readme/setup/NAME.sql first
                                        (once per section database), and
                                        put test/readme/setup/NAME.psql (psql
                                        variables, printing nothing) before
                                        the block when it exists
    <!-- readme-test: skip REASON -->  do not run the block (say why)
    <!-- readme-test: citus -->        a Citus example: skipped here, run by
                                        `make test-citus` (run.py --citus DB:
                                        only these blocks, in order, in the
                                        prepared Citus database DB)
  Other fences (```sh, ```text, ...) never run.
* Checked against the output:
    - a statement fails only where the block documents it with a comment
      line `-- ERROR:  message`: the number of errors must equal the number
      of such lines;
    - a comment line with two spaces after `--` (`--  value`, how psql
      indents a result) is expected output: some line of the result must
      equal it, compared with runs of white space collapsed and psql's `+`
      continuation marks removed; an ellipsis (`...` or `…`) stands for any
      text, so `--  "complete": true ...` checks the start of a line and
      `--  ... "complete": true ...` a part of one.  Other comments
      (`-- true`, `-- complete: ...`) are prose and are not compared.
    - an error line `-- ERROR:  message` likewise, with the ellipsis.
* Every file path the README names in backquotes under src/, test/, data/,
  bench/, sql/ or expected/ must exist (one more test line); one with a
  placeholder (<...>, *, {...}, NAME) is a pattern and is not checked.

Usage: run.py [--list] [--citus DB] [README]   (PG* variables select the cluster)
Prints one TAP-like line per block ("ok N - ..." / "not ok N - ...") and a
summary; exits 1 when a block failed.
"""

import os
import re
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETUP_DIR = os.path.join(TOP, "test", "readme", "setup")
MARKER = re.compile(r"<!--\s*readme-test:\s*(.*?)\s*-->")


class Block:
    def __init__(self, section, line, text, setups, skip, citus=False):
        self.section = section      # the `## ` heading the block is under
        self.line = line            # README line of the opening fence
        self.text = text
        self.setups = setups        # fixture names to run first
        self.skip = skip            # reason, or None
        self.citus = citus          # runs on a Citus cluster only


def extract(path):
    """The ```sql blocks of the README with their markers, in order."""
    blocks = []
    section = "(top)"
    pending = []                    # markers seen since the last non-blank line
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = re.match(r"^(\s*)```(\S*)", line)
        if fence:
            lang = fence.group(2)
            start = i
            i += 1
            body = []
            while i < len(lines) and not re.match(r"^\s*```\s*$", lines[i]):
                body.append(lines[i])
                i += 1
            if lang == "sql":
                setups, skip, citus = [], None, False
                for m in pending:
                    if m == "citus":
                        citus = True
                    if m.startswith("skip"):
                        skip = m[4:].strip() or "no reason given"
                    for name in re.findall(r"setup=([\w-]+)", m):
                        setups.append(name)
                blocks.append(Block(section, start + 1, "\n".join(body) + "\n", setups, skip, citus))
            pending = []
            i += 1
            continue
        if line.startswith("## "):
            section = line[3:].strip()
        m = MARKER.search(line)
        if m:
            pending.append(m.group(1))
        elif line.strip():
            pending = []
        i += 1
    return blocks


def normalize(s):
    s = s.strip()
    s = re.sub(r"\s*\+$", "", s)    # psql's continuation mark of a multi-line value
    return re.sub(r"\s+", " ", s).strip()


def pattern(s):
    """A normalized expected line as a regular expression: an ellipsis
    stands for any text, the rest must match a whole line."""
    parts = re.split(r"\s*(?:\.\.\.|…)\s*", s)
    return re.compile(".*".join(re.escape(p) for p in parts))


def expectations(text):
    """(documented error messages, expected output lines) of a block."""
    errors, outputs = [], []
    for raw in text.split("\n"):
        line = raw.strip()
        m = re.match(r"^--\s+ERROR:\s+(.*)$", line)
        if m:
            errors.append(normalize(m.group(1)))
            continue
        if re.match(r"^--\s+(DETAIL|HINT|CONTEXT):", line):
            continue
        if line.startswith("--  "):
            want = normalize(line[2:])
            if want:
                outputs.append(want)
    return errors, outputs


def missing_paths(path):
    """Repository paths named in backquotes that do not exist."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    missing = []
    for p in sorted(set(re.findall(r"`((?:src|test|data|bench|sql|expected)/[^`\s]*)`", text))):
        if re.search(r"[<*{]|NAME", p):
            continue                # a pattern, not a file
        if not os.path.exists(os.path.join(TOP, p)):
            missing.append(p)
    return missing


def psql(args, stdin=None, db="postgres"):
    # From the top of the tree, so that fixtures name files relative to it.
    return subprocess.run(["psql", "-X", "-d", db] + args, input=stdin,
                          capture_output=True, text=True, cwd=TOP)


def fresh_database(name):
    r = psql(["-q", "-v", "ON_ERROR_STOP=1",
              "-c", "DROP DATABASE IF EXISTS %s" % name,
              "-c", "CREATE DATABASE %s" % name])
    if r.returncode == 0:
        r = psql(["-q", "-v", "ON_ERROR_STOP=1", "-c", "CREATE EXTENSION credreg"], db=name)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)


def run_block(block, db):
    """Problems found running the block (empty when it passed)."""
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        # psql variables do not outlive a session: a fixture's are set again
        # in front of every block that names it.
        for name in block.setups:
            preamble = os.path.join(SETUP_DIR, name + ".psql")
            if os.path.exists(preamble):
                with open(preamble, encoding="utf-8") as p:
                    f.write(p.read() + "\n")
        f.write(block.text)
        script = f.name
    try:
        # Errors are collected, not fatal: the block says which it expects.
        r = psql(["-v", "ON_ERROR_STOP=0", "-v", "VERBOSITY=default", "-f", script], db=db)
    finally:
        os.unlink(script)
    out = r.stdout + r.stderr
    errors, outputs = expectations(block.text)
    problems = []
    got_errors = [normalize(re.sub(r"^.*?ERROR:\s*", "", l))
                  for l in r.stderr.split("\n") if re.search(r"\bERROR:", l)]
    if len(got_errors) != len(errors):
        problems.append("%d error(s) where the README shows %d:\n%s"
                        % (len(got_errors), len(errors), "\n".join(got_errors) or "(none)"))
    for e in errors:
        if not any(pattern(e).fullmatch(g) for g in got_errors):
            problems.append("documented error not raised: %s" % e)
    actual = [normalize(l) for l in r.stdout.split("\n")]
    for want in outputs:
        if not any(pattern(want).fullmatch(a) for a in actual):
            problems.append("documented output not found: %s" % want)
    if problems:
        problems.append("---- psql output ----\n" + out.rstrip())
    return problems


def report(n, label, problems):
    """Prints the TAP line of example n (and its problems); True when it passed."""
    if problems:
        print("not ok %d - %s" % (n, label))
        for p in problems:
            for pl in p.split("\n"):
                print("#   " + pl)
        return False
    print("ok %d - %s" % (n, label))
    return True


def main(argv):
    listing = "--list" in argv
    args = [a for a in argv if a != "--list"]
    citus_db = None
    if "--citus" in args:
        i = args.index("--citus")
        citus_db = args[i + 1]
        del args[i:i + 2]
    readme = args[0] if args else os.path.join(TOP, "README.md")
    blocks = extract(readme)
    if citus_db is not None:
        return run_citus(blocks, citus_db)
    if listing:
        for n, b in enumerate(blocks, 1):
            print("-- block %d, line %d, section %s%s%s" % (
                n, b.line, b.section, " setup=" + ",".join(b.setups) if b.setups else "",
                " SKIP " + b.skip if b.skip else ""))
            print(b.text)
        return 0
    passed = failed = skipped = 0
    missing = missing_paths(readme)
    if missing:
        failed += 1
        print("not ok 0 - README.md names files that do not exist")
        for p in missing:
            print("#   " + p)
    else:
        passed += 1
        print("ok 0 - README.md names only files that exist")
    # Roles are cluster-wide: the ones README creates are dropped before and
    # after the run (after their section databases), so a rerun starts clean.
    roles = sorted(set(re.findall(r"CREATE ROLE (\w+)", "\n".join(b.text for b in blocks))))

    def drop_roles():
        for role in roles:
            psql(["-q", "-c", "DROP ROLE IF EXISTS %s" % role])

    drop_roles()
    databases = {}
    set_up = set()
    for n, b in enumerate(blocks, 1):
        label = "README.md line %d (%s)" % (b.line, b.section)
        if b.citus:
            b.skip = "a Citus example (make test-citus runs it)"
        if b.skip:
            print("ok %d - %s # SKIP %s" % (n, label, b.skip))
            skipped += 1
            continue
        problems = []
        try:
            if b.section not in databases:
                databases[b.section] = "credreg_readme_%d" % (len(databases) + 1)
                fresh_database(databases[b.section])
            db = databases[b.section]
            for name in b.setups:
                if (db, name) in set_up:
                    continue
                fixture = os.path.join(SETUP_DIR, name + ".sql")
                if not os.path.exists(fixture):
                    continue
                r = psql(["-q", "-v", "ON_ERROR_STOP=1", "-f", fixture], db=db)
                if r.returncode != 0:
                    problems.append("setup %s failed:\n%s" % (name, r.stderr.rstrip()))
                set_up.add((db, name))
            if not problems:
                problems = run_block(b, db)
        except (RuntimeError, OSError) as e:
            problems = [str(e)]
        if report(n, label, problems):
            passed += 1
        else:
            failed += 1
    for db in databases.values():
        psql(["-q", "-c", "DROP DATABASE IF EXISTS %s" % db])
    drop_roles()
    print("README examples: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


def run_citus(blocks, db):
    """The blocks marked citus, in order, in the prepared Citus database db."""
    passed = failed = 0
    for n, b in enumerate(blocks, 1):
        if not b.citus:
            continue
        label = "README.md line %d (%s, on Citus)" % (b.line, b.section)
        try:
            problems = run_block(b, db)
        except OSError as e:
            problems = [str(e)]
        if report(n, label, problems):
            passed += 1
        else:
            failed += 1
    print("README Citus examples: %d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
