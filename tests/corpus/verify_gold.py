#!/usr/bin/env python3
"""Stand-alone checker for claimcheck corpus gold files.

Usage: python3 tests/corpus/verify_gold.py tests/corpus/gold.yaml [more.gold.yaml ...]

Checks that every cluster folder exists next to the gold file, every evidence /
claim doc exists in its cluster folder (as .txt or .md), every quote occurs
exactly once (case-sensitive) in its file, kinds are valid, ids are unique in a
cluster, conflicts have >= 2 evidence items, and gold claim values have the
documented shape. Prints a summary; exits 1 on any problem.
"""
import collections
import os
import re
import sys

import yaml

KINDS = ("date", "money", "count", "quantity", "percent", "period", "role")
VALUE_KEYS = {
    "date": {"start", "end"},
    "money": {"low", "high", "currency"},
    "quantity": {"low", "high", "unit"},
    "count": {"low", "high", "noun"},
    "percent": {"low", "high"},
    "period": {"start", "end"},
    "role": {"person", "office", "organisation"},
}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def find_doc(folder, doc):
    for ext in (".txt", ".md"):
        p = os.path.join(folder, doc + ext)
        if os.path.isfile(p):
            return p
    return None


def check_value(kind, value, where, problems):
    if not isinstance(value, dict):
        problems.append(f"{where}: value is not a mapping")
        return
    if set(value) != VALUE_KEYS[kind]:
        problems.append(f"{where}: value keys {sorted(value)} != {sorted(VALUE_KEYS[kind])}")
        return
    if kind == "date":
        for k in ("start", "end"):
            v = value[k]
            if v is not None and not DATE_RE.match(str(v)):
                problems.append(f"{where}: date {k} {v!r} not YYYY-MM-DD or null")
        if value["start"] and value["end"] and str(value["start"]) > str(value["end"]):
            problems.append(f"{where}: date start after end")
    elif kind in ("money", "quantity", "count", "percent"):
        lo, hi = value["low"], value["high"]
        if not isinstance(lo, (int, float)) or not isinstance(hi, (int, float)) or lo > hi:
            problems.append(f"{where}: bad low/high {lo!r}/{hi!r}")
        if kind == "money" and not re.match(r"^[A-Z]{3}$", str(value["currency"])):
            problems.append(f"{where}: bad currency {value['currency']!r}")
    elif kind == "period":
        if not isinstance(value["start"], int) or not isinstance(value["end"], int):
            problems.append(f"{where}: period start/end must be years")


def main(paths):
    problems = []
    total = collections.Counter()
    conf_kinds = collections.Counter()
    trap_kinds = collections.Counter()
    claim_kinds = collections.Counter()
    in_article = []
    pubdate = []
    claim_docs = collections.Counter()
    words = {}
    for path in paths:
        base = os.path.dirname(os.path.abspath(path))
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        if not isinstance(data, dict) or not isinstance(data.get("clusters"), list):
            problems.append(f"{path}: top level must be a mapping with a 'clusters' list")
            continue
        for cl in data["clusters"]:
            name = cl.get("name")
            folder = os.path.join(base, str(name))
            if not os.path.isdir(folder):
                problems.append(f"{path}: cluster folder {name!r} missing")
                continue
            total["clusters"] += 1
            for fn in sorted(os.listdir(folder)):
                if fn.endswith((".txt", ".md")):
                    total["articles"] += 1
                    with open(os.path.join(folder, fn), encoding="utf-8") as fh:
                        words[f"{name}/{fn}"] = len(fh.read().split())
            texts = {}

            def text_of(doc, where):
                if doc not in texts:
                    p = find_doc(folder, doc)
                    if p is None:
                        problems.append(f"{where}: doc {doc!r} not found in {name}/")
                        texts[doc] = None
                    else:
                        with open(p, encoding="utf-8") as fh:
                            texts[doc] = fh.read()
                return texts[doc]

            def check_quote(doc, quote, where):
                t = text_of(doc, where)
                if t is None:
                    return
                if not isinstance(quote, str) or not quote:
                    problems.append(f"{where}: empty quote")
                    return
                n = t.count(quote)
                if n != 1:
                    problems.append(f"{where}: quote {quote!r} found {n} times in {doc}")

            ids = set()
            for section, counter in (("conflicts", conf_kinds), ("traps", trap_kinds)):
                for item in cl.get(section) or []:
                    iid = item.get("id")
                    where = f"{name}/{section}/{iid}"
                    if iid in ids:
                        problems.append(f"{where}: duplicate id")
                    ids.add(iid)
                    kind = item.get("kind")
                    if kind not in KINDS:
                        problems.append(f"{where}: bad kind {kind!r}")
                    if not item.get("description"):
                        problems.append(f"{where}: missing description")
                    ev = item.get("evidence") or []
                    need = 2 if section == "conflicts" else 1
                    if len(ev) < need:
                        problems.append(f"{where}: needs >= {need} evidence items")
                    for e in ev:
                        check_quote(e.get("doc"), e.get("quote"), where)
                    counter[kind] += 1
                    if section == "conflicts":
                        if len({e.get('doc') for e in ev}) == 1:
                            in_article.append(f"{name}/{iid}")
                        if str(iid).startswith("pubdate"):
                            pubdate.append(f"{name}/{iid}")
            for i, c in enumerate(cl.get("claims") or []):
                where = f"{name}/claims[{i}]"
                kind = c.get("kind")
                if kind not in KINDS:
                    problems.append(f"{where}: bad kind {kind!r}")
                    continue
                check_quote(c.get("doc"), c.get("quote"), where)
                check_value(kind, c.get("value"), where, problems)
                claim_kinds[kind] += 1
                claim_docs[f"{name}/{c.get('doc')}"] += 1

    print(f"gold files: {', '.join(paths)}")
    print(f"clusters: {total['clusters']}  articles: {total['articles']}")
    print(f"conflicts: {sum(conf_kinds.values())}  " + ", ".join(f"{k}={conf_kinds[k]}" for k in KINDS))
    print(f"traps:     {sum(trap_kinds.values())}  " + ", ".join(f"{k}={trap_kinds[k]}" for k in KINDS))
    print(f"in-article conflicts: {len(in_article)}  ({', '.join(in_article)})")
    print(f"publication-date conflicts (id pubdate-*): {len(pubdate)}  ({', '.join(pubdate)})")
    print(f"gold claims: {sum(claim_kinds.values())} in {len(claim_docs)} articles  "
          + ", ".join(f"{d}={n}" for d, n in sorted(claim_docs.items())))
    if words:
        short = {k: v for k, v in words.items() if v < 250 or v > 700}
        print(f"article words: min {min(words.values())}, max {max(words.values())}"
              + (f"; outside 250-700: {short}" if short else ""))
    if problems:
        print(f"\n{len(problems)} PROBLEM(S):")
        for p in problems:
            print("  - " + p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
