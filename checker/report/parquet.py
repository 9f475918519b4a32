"""The claims of a corpus as a Parquet table (`claimcheck claims --format parquet`), so other
engines and notebooks can read the claims of a whole archive.

One row per claim, in the report's order, with flat typed columns: where it was read
(`document`, `path`, `start`, `end`: character offsets into the article's decoded text,
so `text == source[start:end]`), what it says (`kind`, `attribute`, `subject`, `scope`,
`time_*`, `tense`), its value both as words (`value`) and as fields (`value_*`, filled for
the kinds that have them, else null), and `keys`: for each rule that compares the claim,
the group it joins there (two claims are compared by a rule only when their keys match).
"""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq

from checker.engine import group_key, group_parts, select
from checker.engine.loader import Rule
from checker.models import Claim, DateValue, PeriodValue, Report
from checker.values import render as render_value

_NUMBER_FIELDS = ("low", "high")
_TEXT_FIELDS = ("currency", "unit", "noun", "person", "office", "organisation")

SCHEMA = pa.schema([
    ("id", pa.string()),
    ("document", pa.string()),
    ("path", pa.string()),
    ("kind", pa.string()),
    ("attribute", pa.string()),
    ("subject", pa.string()),
    ("subject_text", pa.string()),
    ("link", pa.string()),
    ("scope", pa.map_(pa.string(), pa.string())),
    ("text", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("sentence", pa.string()),
    ("sentence_start", pa.int64()),
    ("region", pa.string()),
    ("tense", pa.string()),
    ("time_start", pa.date32()),
    ("time_end", pa.date32()),
    ("value", pa.string()),
    ("value_type", pa.string()),
    ("value_low", pa.float64()),
    ("value_high", pa.float64()),
    ("value_start", pa.date32()),
    ("value_end", pa.date32()),
    ("value_start_year", pa.int32()),
    ("value_end_year", pa.int32()),
    *((f"value_{name}", pa.string()) for name in _TEXT_FIELDS),
    ("keys", pa.list_(pa.struct([("rule", pa.string()), ("key", pa.string())]))),
])


def claims_table(report: Report, rules: list[Rule]) -> pa.Table:
    paths = {d.id: d.path for d in report.documents}
    return pa.Table.from_pylist([_row(c, paths.get(c.document), rules) for c in report.claims], schema=SCHEMA)


def render(report: Report, rules: list[Rule]) -> bytes:
    """The Parquet file's bytes: the same claims give the same bytes."""
    sink = io.BytesIO()
    pq.write_table(claims_table(report, rules), sink)
    return sink.getvalue()


def _row(c: Claim, path: str | None, rules: list[Rule]) -> dict:
    value = c.value
    row = {
        "id": c.id, "document": c.document, "path": path, "kind": c.kind, "attribute": c.attribute,
        "subject": c.subject, "subject_text": c.subject_text, "link": c.link, "scope": sorted(c.scope.items()),
        "text": c.text, "start": c.start, "end": c.end, "sentence": c.sentence, "sentence_start": c.sentence_start,
        "region": c.region, "tense": c.tense,
        "time_start": c.time.start if c.time else None, "time_end": c.time.end if c.time else None,
        "value": render_value(value), "value_type": type(value).__name__.removesuffix("Value").lower(),
        "value_start": value.start if isinstance(value, DateValue) else None,
        "value_end": value.end if isinstance(value, DateValue) else None,
        "value_start_year": value.start if isinstance(value, PeriodValue) else None,
        "value_end_year": value.end if isinstance(value, PeriodValue) else None,
        "keys": [{"rule": rule.id, "key": _key(rule, c)} for rule in rules
                 if select(rule, [c]) and group_key(rule, c) is not None],
    }
    row.update({f"value_{name}": getattr(value, name, None) for name in _NUMBER_FIELDS + _TEXT_FIELDS})
    return row


def _key(rule: Rule, c: Claim) -> str:
    """The claim's group for the rule in words: `time=day 2024-03-14; subject=hieu giang bridge; scope={}`."""
    return "; ".join(f"{name}={_part(value)}" for name, value in group_parts(rule, c))


def _part(value: object) -> str:
    if isinstance(value, tuple) and all(isinstance(v, tuple) and len(v) == 2 for v in value):
        return "{" + ", ".join(f"{k}={v}" for k, v in value) + "}"  # a scope's pairs
    if isinstance(value, tuple):
        return " ".join(str(v) for v in value)  # a moment: ("day", 2024-03-14)
    return "-" if value is None else str(value)
