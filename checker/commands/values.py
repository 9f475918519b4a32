"""`claimcheck values FILE...`: every value the value layer reads, with its kind, exact span
and normalised value, whether or not it becomes a claim. How a user inspects the value layer."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from checker.commands.common import EXIT_INPUT, EXIT_OK, iso_day
from checker.documents import parse_document, read_document
from checker.models import DateRange, Document, InputError, ValueMention
from checker.pipeline import Toolkit
from checker.values import render
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("values", help="print every value read from files (dates, amounts, measures, counts, "
                                      "shares, periods, durations), before linking")
    p.add_argument("paths", nargs="+", help="articles (.txt or .md); - reads one from standard input")
    p.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    p.add_argument("--published", type=iso_day, default=None,
                   help="the articles' publication date, YYYY-MM-DD, for relative dates (default: as the article states)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    toolkit = Toolkit.load(rules)
    errors = list(toolkit.errors)
    if errors:
        for e in errors:
            print(f"claimcheck: {e.render()}", file=sys.stderr)
        return EXIT_INPUT
    documents: list[Document] = []
    for name in args.paths:
        doc = parse_document("stdin", "-", sys.stdin.read()) if name == "-" else read_document(Path(name))
        if isinstance(doc, InputError):
            errors.append(doc)
            continue
        documents.append(published_on(doc, args.published) if args.published else doc)
    values = [v for doc in documents for v in toolkit.values(doc)]
    for e in errors:
        print(f"claimcheck: {e.render()}", file=sys.stderr)
    if args.format == "json":
        out = {"documents": [d.id for d in documents], "values": [as_dict(v) for v in values]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        for v in values:
            print(f"{v.document}\t{v.start}-{v.end}\t{v.kind}\t{render(v.value)}\t{v.text!r}")
    return EXIT_INPUT if errors else EXIT_OK


def published_on(doc: Document, day: dt.date) -> Document:
    """The article as if it stated this publication date."""
    return doc.model_copy(update={"published": day, "published_range": DateRange(start=day, end=day),
                                  "published_source": "stated"})


def as_dict(v: ValueMention) -> dict:
    return {"document": v.document, "kind": v.kind, "text": v.text, "start": v.start, "end": v.end,
            "value": v.value.model_dump(mode="json"), **({"measure": v.measure} if v.measure else {})}
