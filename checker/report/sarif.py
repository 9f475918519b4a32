"""SARIF 2.1.0 for code-scanning tools: one result per conflict, located at the side in the
changed (or else the newest) article, with every other side as a related location.

Baseline conflicts carry `baselineState: unchanged`, accepted ones an external
suppression with the reviewer's reason, suppressed ones an in-source suppression with the
article's reason; out-of-scope conflicts are left out. The
fingerprint goes in `partialFingerprints` so scanners follow a conflict across edits.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from checker import __version__
from checker.decide import Decisions, decide, lead_of, shown, status_of
from checker.fingerprint import fingerprints
from checker.models import Conflict, Report
from checker.report.evidence import Evidence, published_words
from checker.report.location import Span, spans

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning"}
# Accepted in reviewed.yaml is outside the article; a `claimcheck: ignore` note is in it.
SUPPRESSION_KIND = {"accepted": "external", "suppressed": "inSource"}


def rule_name(rule_id: str) -> str:
    """`date.event-dates` -> `DateEventDates`: SARIF names are identifiers, not sentences."""
    return "".join(part.capitalize() for part in rule_id.replace("-", ".").replace("_", ".").split("."))


def _rule(meta: dict) -> dict:
    rationale = " ".join(str(meta.get("rationale", "")).split())
    return {
        "id": meta["id"],
        "name": rule_name(meta["id"]),
        "shortDescription": {"text": meta["title"]},
        "fullDescription": {"text": rationale},
        "defaultConfiguration": {"level": LEVEL[meta["severity"]]},
        "help": {
            "text": f"{rationale} Run `claimcheck rules {meta['id']}` to see the examples that fire and stay silent.",
            "markdown": f"**{meta['title']}**\n\n{rationale}\n\nCheck kind: `{meta.get('extends', '')}`. "
                        f"Run `claimcheck rules {meta['id']}` to see the examples that fire and stay silent.",
        },
        "properties": {"checkKind": meta.get("extends", "")},
    }


def message(text: str) -> dict:
    """A plain-text SARIF message. Brackets are escaped as SARIF requires (3.11.6), so article
    text such as `[click](javascript:...)` is never read as an embedded link."""
    return {"text": text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")}


def _location(span: Span) -> dict:
    """Where a side's claim is, with its words as the message."""
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(span.path)},
            "region": {
                "startLine": span.start_line, "startColumn": span.start_column,
                "endLine": span.end_line, "endColumn": span.end_column,
                "charOffset": span.offset, "charLength": span.length,
                "snippet": {"text": span.side.claim.text},
            },
        },
        "message": message(f"{span.side.claim.document}: \"{' '.join(span.side.claim.text.split())}\""),
    }


def _related(span: Span, number: int) -> dict:
    """Another side of the conflict, its message naming the article and its date, so the
    alert shown at the first location says what it disagrees with."""
    location = _location(span)
    words = " ".join(span.side.claim.text.split())
    location["id"] = number
    location["message"] = message(f"Other side: {span.side.claim.document}, {published_words(span.side.document)}: "
                                  f"\"{words}\"")
    return location


def _result(evidence: Evidence, conflict: Conflict, index: dict[str, int], fingerprint: str, decisions: Decisions) -> dict:
    """One result whose only location is the lead side (GitHub places an alert at the first
    location alone); the other sides are related locations."""
    status = status_of(decisions, conflict)
    lead = lead_of(decisions, conflict)
    all_spans = spans(evidence, conflict)
    first = next((s for s in all_spans if s.side.claim.document == lead), all_spans[0])
    result: dict = {
        "ruleId": conflict.rule,
        "level": LEVEL[conflict.severity],
        "message": message(f"{conflict.message}. {conflict.reason}."),
        "locations": [_location(first)],
        "relatedLocations": [_related(s, n) for n, s in enumerate((s for s in all_spans if s is not first), 1)],
        "partialFingerprints": {"claimcheck/v1": fingerprint},
        "baselineState": "unchanged" if status == "baseline" else "new",
        "properties": {"id": conflict.id, "status": status, "documents": conflict.documents},
    }
    if conflict.rule in index:
        result["ruleIndex"] = index[conflict.rule]
    if status in SUPPRESSION_KIND and conflict.id in decisions:
        result["suppressions"] = [{"kind": SUPPRESSION_KIND[status], "status": "accepted",
                                   "justification": decisions[conflict.id].note}]
    return result


def as_dict(report: Report, decisions: Decisions | None = None) -> dict:
    rules = sorted(report.rules, key=lambda r: r["id"])
    index = {r["id"]: i for i, r in enumerate(rules)}
    prints = fingerprints(report)
    evidence = Evidence(report)
    decisions = decide(report) if decisions is None else decisions
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "claimcheck", "version": __version__, "rules": [_rule(r) for r in rules]}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": message(e.render())} for e in report.errors
                ] + [{"level": "warning", "message": message(w.render())} for w in report.warnings],
            }],
            "results": [_result(evidence, k, index, prints[k.id], decisions) for k in shown(report, decisions)],
        }],
    }


def render(report: Report, decisions: Decisions | None = None) -> str:
    return json.dumps(as_dict(report, decisions), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
