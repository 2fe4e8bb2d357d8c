#!/usr/bin/env python3
"""Independent brute-force reference for credreg stack evaluation.

Generates random small stack rules and award sets, and for each computes
`complete` and `progress` by enumerating EVERY assignment of awards to
requirement leaves (no flow, no pruning), following the rule semantics
written in SEMANTICS.md §4.1/§4.4 and README section "stacks":

- an award may be placed in at most maxUsesPerItem sharing classes; an
  exclusive leaf is its own class; the leaves of a share group form one
  class, and an award placed in a group counts for every leaf of the group
  it is eligible for;
- a nonExclusive leaf takes, independently of everything else, the set of
  eligible awards that maximises its own fraction;
- a cap (limits on all/nOf) bounds the distinct awards matching its
  predicate placed anywhere under it, and their credits;
- completionWindow: all placed awards lie in [d, d + window] for a d that is
  an earning date (undated awards are always inside);
- progress: leaf w = weight or max(minItems, minCredits/unitCredits),
  f = min(1, have/need...); all = weighted mean; nOf(n) = weighted mean of
  the n children with highest f (ties: smaller w, then id).

This file shares no code with the C evaluator.  Run it to regenerate
test/vectors/stack_bruteforce/cases.tsv (fixed seed, deterministic).
"""
import itertools
import json
import random
import sys

TAGS = ["a", "b", "c", "d"]


def rand_pred(rng):
    r = rng.random()
    if r < 0.55:
        return {"tag": rng.choice(TAGS)}
    if r < 0.8:
        return {"anyOf": [{"tag": t} for t in rng.sample(TAGS, 2)]}
    if r < 0.9:
        return {"allOf": [{"tag": rng.choice(TAGS)}, {"issuerIn": "home"}]}
    return {"not": {"tag": rng.choice(TAGS)}}


def rand_leaf(rng, ident, groups):
    leaf = {"id": ident, "type": "items", "select": rand_pred(rng)}
    r = rng.random()
    if r < 0.5:
        leaf["minItems"] = rng.randint(1, 3)
    elif r < 0.8:
        leaf["minCredits"] = rng.randint(1, 7)
    else:
        leaf["minItems"] = rng.randint(1, 2)
        leaf["minCredits"] = rng.randint(1, 6)
    if rng.random() < 0.15:
        leaf["filter"] = {"minLevel": rng.randint(1, 3)}
    s = rng.random()
    if s < 0.15:
        leaf["share"] = "nonExclusive"
    elif s < 0.3:
        leaf["share"] = {"group": rng.choice(groups)}
    if rng.random() < 0.1:
        leaf["weight"] = rng.choice([1, 2, 3.5])
    return leaf


def rand_limits(rng):
    if rng.random() < 0.3:
        lim = {"select": rng.choice([{"not": {"issuerIn": "home"}}, {"tag": rng.choice(TAGS)}])}
        if rng.random() < 0.5:
            lim["maxItems"] = rng.randint(0, 2)
        else:
            lim["maxCredits"] = rng.randint(1, 5)
        return [lim]
    return None


def rand_rule(rng, case):
    groups = ["G1", "G2"]
    counter = [0]

    def leaf():
        counter[0] += 1
        return rand_leaf(rng, "L%d" % counter[0], groups)

    def composite(ident, depth):
        kids = []
        for _ in range(rng.randint(1, 3)):
            if depth < 1 and rng.random() < 0.3:
                counter[0] += 1
                kids.append(composite("N%d" % counter[0], depth + 1))
            else:
                kids.append(leaf())
        node = {"id": ident, "children": kids}
        if rng.random() < 0.4 and len(kids) > 1:
            node["type"] = "nOf"
            node["n"] = rng.randint(1, len(kids))
        else:
            node["type"] = "all"
        lim = rand_limits(rng)
        if lim:
            node["limits"] = lim
        return node

    root = composite("root", 0)
    rule = {"id": "urn:case:%d" % case, "root": root}
    policy = {}
    if rng.random() < 0.2:
        policy["maxUsesPerItem"] = 2
    if rng.random() < 0.3:
        policy["unitCredits"] = 2
    if rng.random() < 0.15:
        policy["completionWindow"] = {"years": rng.randint(1, 2)}
    if policy:
        rule["policy"] = policy
    return rule


def rand_items(rng, n):
    items = []
    for i in range(n):
        it = {"id": "i%d" % i, "credits": rng.randint(0, 4),
              "tags": sorted(rng.sample(TAGS, rng.randint(1, 2)))}
        if rng.random() < 0.5:
            it["home"] = True
        if rng.random() < 0.7:
            it["level"] = rng.randint(1, 4)
        if rng.random() < 0.08:
            it["verified"] = False
        it["earnedAt"] = "%04d-01-01" % rng.randint(2019, 2024)
        items.append(it)
    return items


# ---------------------------------------------------------------- semantics

def matches(pred, it):
    if "tag" in pred:
        return pred["tag"] in it["tags"]
    if "issuerIn" in pred:
        return bool(it.get("home"))
    if "anyOf" in pred:
        return any(matches(p, it) for p in pred["anyOf"])
    if "allOf" in pred:
        return all(matches(p, it) for p in pred["allOf"])
    if "not" in pred:
        return not matches(pred["not"], it)
    raise ValueError(pred)


def eligible(leaf, it):
    if it.get("verified") is False:
        return False
    if not matches(leaf["select"], it):
        return False
    f = leaf.get("filter")
    if f and "minLevel" in f:
        if it.get("level") is None or it["level"] < f["minLevel"]:
            return False
    return True


def flatten(node, out, ancestors):
    """Collects leaves (with their composite ancestors) and composites."""
    if node["type"] in ("all", "nOf"):
        out["composites"].append((node, list(ancestors)))
        for k in node["children"]:
            flatten(k, out, ancestors + [node["id"]])
    else:
        out["leaves"].append((node, list(ancestors)))


def leaf_need(leaf):
    return leaf.get("minItems"), leaf.get("minCredits")


def leaf_f(leaf, hi, hc):
    mi, mc = leaf_need(leaf)
    f = 1.0
    if mi is not None:
        f = min(f, hi / mi)
    if mc is not None:
        f = min(f, hc / mc)
    sat = (mi is None or hi >= mi) and (mc is None or hc >= mc - 1e-9)
    return f, sat


def value(node, have, unit):
    """Returns (w, f, satisfied) of a node given leaf holdings."""
    if node["type"] == "items":
        hi, hc = have[node["id"]]
        f, sat = leaf_f(node, hi, hc)
        mi, mc = leaf_need(node)
        w = max(mi or 0, (mc or 0) / unit)
        if "weight" in node:
            w = node["weight"]
        return w, f, sat
    vals = []
    for k in node["children"]:
        w, f, s = value(k, have, unit)
        vals.append((w, f, s, k["id"]))
    n = node["n"] if node["type"] == "nOf" else len(vals)
    chosen = sorted(vals, key=lambda v: (-v[1], v[0], v[3]))[:n] if n < len(vals) else vals
    sw = sum(v[0] for v in chosen)
    swf = sum(v[0] * v[1] for v in chosen)
    f = swf / sw if sw > 0 else 1.0
    sat = sum(1 for v in vals if v[2]) >= n
    if "weight" in node:
        return node["weight"], f, sat
    return sw, f, sat


def best_own(leaf, items):
    """A nonExclusive leaf alone: the best own fraction over all subsets."""
    el = [it for it in items if eligible(leaf, it)]
    best = None
    for r in range(len(el) + 1):
        for sub in itertools.combinations(el, r):
            hi = len(sub)
            hc = sum(it["credits"] for it in sub)
            f, _ = leaf_f(leaf, hi, hc)
            if best is None or f > best[0] + 1e-12:
                best = (f, hi, hc)
    return best[1], best[2]


def solve(rule, items):
    unit = rule.get("policy", {}).get("unitCredits", 1)
    b = rule.get("policy", {}).get("maxUsesPerItem", 1)
    flat = {"leaves": [], "composites": []}
    flatten(rule["root"], flat, [])
    leaves = flat["leaves"]
    comps = {c["id"]: c for c, _ in flat["composites"]}
    have = {}
    for leaf, _ in leaves:
        have[leaf["id"]] = (0, 0)
    for leaf, _ in leaves:
        if leaf.get("share") == "nonExclusive":
            have[leaf["id"]] = best_own(leaf, items)
    excl = [(lf, anc) for lf, anc in leaves if lf.get("share") != "nonExclusive"]
    # sharing classes
    classes = []
    for lf, anc in excl:
        sh = lf.get("share")
        if isinstance(sh, dict):
            key = ("g", sh["group"])
        else:
            key = ("l", lf["id"])
        if key not in classes:
            classes.append(key)

    def class_leaves(key):
        return [(lf, anc) for lf, anc in excl
                if (isinstance(lf.get("share"), dict) and key == ("g", lf["share"]["group"]))
                or key == ("l", lf["id"])]

    caps = []
    for cid, c in comps.items():
        for lim in c.get("limits", []):
            caps.append((cid, lim))

    per_item_opts = []
    for it in items:
        elig_classes = [k for k in classes if any(eligible(lf, it) for lf, _ in class_leaves(k))]
        opts = [()]
        for r in range(1, min(b, len(elig_classes)) + 1):
            opts.extend(itertools.combinations(elig_classes, r))
        per_item_opts.append(opts)

    best = None
    for choice in itertools.product(*per_item_opts):
        h = dict(have)
        placed_under = {cid: [] for cid in comps}
        for it, opt in zip(items, choice):
            under = set()
            for key in opt:
                for lf, anc in class_leaves(key):
                    if eligible(lf, it):
                        hi, hc = h[lf["id"]]
                        h[lf["id"]] = (hi + 1, hc + it["credits"])
                        under.update(anc)
            for cid in under:
                placed_under[cid].append(it)
        ok = True
        for cid, lim in caps:
            sel = [it for it in placed_under[cid] if matches(lim["select"], it)]
            if "maxItems" in lim and len(sel) > lim["maxItems"]:
                ok = False
            if "maxCredits" in lim and sum(it["credits"] for it in sel) > lim["maxCredits"] + 1e-9:
                ok = False
        if not ok:
            continue
        _, f, sat = value(rule["root"], h, unit)
        if best is None or f > best[0] + 1e-12:
            best = (f, sat)
    return best


def evaluate(rule, items):
    window = rule.get("policy", {}).get("completionWindow")
    if not window:
        return solve(rule, items)
    years = window["years"]
    best = None
    starts = sorted(set(it["earnedAt"] for it in items))
    for d in starts:
        y = int(d[:4])
        end = "%04d%s" % (y + years, d[4:])
        uni = [it for it in items if d <= it["earnedAt"] <= end]
        r = solve(rule, uni)
        if best is None or r[0] > best[0] + 1e-12:
            best = r
    if best is None:
        best = solve(rule, [])
    return best


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    rng = random.Random(20251125)
    out = sys.stdout
    for case in range(n):
        rule = rand_rule(rng, case)
        b = rule.get("policy", {}).get("maxUsesPerItem", 1)
        items = rand_items(rng, rng.randint(2, 4 if b > 1 else 5))
        f, sat = evaluate(rule, items)
        out.write("%d\t%s\t%s\t%s\t%.15g\n" % (case, json.dumps(rule, separators=(",", ":")),
                                                json.dumps(items, separators=(",", ":")),
                                                "t" if sat else "f", f))


if __name__ == "__main__":
    main()
