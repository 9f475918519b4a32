"""`claimcheck eval GOLD`: precision and recall of the rules on a labelled corpus."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checker.commands.common import EXIT_CONFLICTS, EXIT_INPUT, EXIT_OK
from checker.evaluate import ClusterResult, conflict_kind, describe, evaluate, load_gold, summarise
from checker.models import Claim
from checker.pipeline import Toolkit
from checker.values import render
from checker.yamlio import ConfigError
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the rules against a labelled corpus")
    p.add_argument("gold", type=Path, help="gold file (YAML or JSON)")
    p.add_argument("--corpus", type=Path, help="folder holding the clusters (default: the gold file's folder)")
    p.add_argument("--min-precision", type=float, default=None, metavar="P",
                   help="exit 1 when precision is below P (default: no minimum)")
    p.add_argument("--min-recall", type=float, default=None, metavar="R",
                   help="exit 1 when recall is below R (default: no minimum)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    corpus = args.corpus or args.gold.parent
    try:
        gold, located = load_gold(args.gold, corpus)
    except ConfigError as exc:
        print(f"claimcheck: {exc.render()}", file=sys.stderr)
        return EXIT_INPUT
    toolkit = Toolkit.load(rules)
    if toolkit.errors:
        for e in toolkit.errors:
            print(f"claimcheck: {e.render()}", file=sys.stderr)
        return EXIT_INPUT
    results = evaluate(gold, located, corpus, toolkit)
    summary = summarise(results)
    if args.format == "json":
        sys.stdout.write(json.dumps({"summary": summary, "clusters": [_cluster_json(r) for r in results]},
                                    ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(render_text(summary, results))
    failed = []
    if args.min_precision is not None and summary["precision"] < args.min_precision:
        failed.append(f"precision {summary['precision']:.3f} < {args.min_precision}")
    if args.min_recall is not None and summary["recall"] < args.min_recall:
        failed.append(f"recall {summary['recall']:.3f} < {args.min_recall}")
    for f in failed:
        print(f"claimcheck: threshold not met: {f}", file=sys.stderr)
    return EXIT_CONFLICTS if failed else EXIT_OK


def render_text(summary: dict, results: list[ClusterResult]) -> str:
    out = [
        f"conflicts: precision {summary['precision']:.3f} ({summary['correct']}/{summary['reported']}), "
        f"recall {summary['recall']:.3f} ({summary['found']}/{summary['gold']}), F1 {summary['f1']:.3f}",
        f"traps hit: {len(summary['traps_hit'])} of {summary['traps']}",
        "", "per kind:",
    ]
    for kind, v in summary["by_kind"].items():
        out.append(f"  {kind:9} precision {v['precision']:.3f} ({v['correct']}/{v['reported']})  recall {v['recall']:.3f} ({v['found']}/{v['gold']})")
    if summary["missed_by_stage"]:
        out += ["", "misses by the first stage where they break:"]
        out.extend(f"  {stage:22} {n}" for stage, n in summary["missed_by_stage"].items())
    out += ["", "per rule:"]
    for rule, v in summary["by_rule"].items():
        out.append(f"  {rule:30} precision {v['precision']:.3f} ({v['correct']}/{v['reported']})  gold found {v['found']}")
    for r in results:
        for g in r.missed:
            out.append(f"\nMISSED {r.name}/{g.id} ({g.kind}): {g.description}")
            out.extend(f"    {e.doc}: {e.quote!r}" for e in g.evidence)
            d = r.diagnoses[g.id]
            out.append(f"    breaks at: {d.stage}" + (f" ({d.detail})" if d.detail else ""))
            out.extend(f"      {c.document}: {c.text!r} = {render(c.value)}, subject {c.subject!r}, "
                       f"{c.attribute}{_scope(c)}" for c in d.claims)
        for c in r.false_alarms:
            out.append(f"\nFALSE ALARM {r.name} {c.rule} ({conflict_kind(c, r.claims)}): {c.message}")
            out.extend(f"    {line}" for line in describe(c, r.claims))
        for trap, c in r.traps_hit:
            out.append(f"\nTRAP HIT {r.name}/{trap.id} by {c.rule}: {trap.description}")
        for e in r.errors:
            out.append(f"\nERROR {r.name}: {e}")
    if summary["claims"]:
        out += ["", "extraction (gold claims):"]
        for kind, v in summary["claims"].items():
            out.append(f"  {kind:9} recall {v['recall']:.3f} ({v['found']}/{v['gold']})  precision {v['precision']:.3f} "
                       f"({v['extracted_matching']}/{v['extracted']})  value accuracy {v['value_accuracy']:.3f} ({v['value_ok']}/{v['found']})")
        for r in results:
            for row in r.claim_rows:
                if not row["value_ok"]:
                    out.append(f"  {r.name}/{row['doc']} {row['kind']} {row['quote']!r}: gold {json.dumps(row['gold'], ensure_ascii=False, default=str)}"
                               f" | got {json.dumps(row['found'], ensure_ascii=False) if row['found'] else 'nothing'}")
    return "\n".join(out) + "\n"


def _cluster_json(r: ClusterResult) -> dict:
    return {
        "name": r.name,
        "matched": [{"gold": gid, "rule": c.rule, "claims": describe(c, r.claims)} for c, gid in r.matched],
        "missed": [{"gold": g.id, "stage": r.diagnoses[g.id].stage, "detail": r.diagnoses[g.id].detail,
                    "claims": [c.id for c in r.diagnoses[g.id].claims]} for g in r.missed],
        "false_alarms": [{"rule": c.rule, "message": c.message, "claims": describe(c, r.claims)} for c in r.false_alarms],
        "traps_hit": [t.id for t, _ in r.traps_hit],
        "claims": r.claim_rows,
        "errors": r.errors,
    }


def _scope(c: Claim) -> str:
    return " {" + ", ".join(f"{k}={v}" for k, v in sorted(c.scope.items())) + "}" if c.scope else ""
