"""Deciding which conflicts count, apart from reporting them.

Every conflict gets one label: `new`, `baseline` (known from a baseline file),
`accepted` (reviewed and accepted), `suppressed` (a side's passage carries the article's
own `claimcheck: ignore` note for the rule), or `out_of_scope` (touches no file changed
since a git ref). Reporters show the label; only `new` conflicts at or above the fail level
(a rule's severity: `error` by default, `warning`, or `none` for never) fail a run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from checker.fingerprint import fingerprint
from checker.models import Claim, Conflict, Document, Report
from checker.reviewed import Review, covers

Status = Literal["new", "baseline", "accepted", "suppressed", "out_of_scope"]
FailLevel = Literal["error", "warning", "none"]
FAIL_LEVELS: tuple[FailLevel, ...] = ("error", "warning", "none")
_RANK = {"warning": 1, "error": 2, "none": 3}


@dataclass(frozen=True)
class Decision:
    status: Status
    note: str = ""  # for readers: who accepted it and why, or where it is known from
    lead: str | None = None  # the document whose side a reader (or code scanning) sees first


Decisions = Mapping[str, Decision]


def decide(
    report: Report,
    baseline: frozenset[str] = frozenset(),
    reviewed: Sequence[Review] = (),
    changed_documents: frozenset[str] | None = None,
) -> dict[str, Decision]:
    """Conflict id -> Decision. Out of scope wins over suppressed, suppressed over accepted,
    accepted over baseline."""
    claims = {c.id: c for c in report.claims}
    documents = {d.id: d for d in report.documents}
    newest = newest_first(report)
    out: dict[str, Decision] = {}
    for conflict in report.conflicts:
        fp = fingerprint(conflict, claims)
        accepted = next((r for r in reviewed if covers(r, conflict, claims)), None)
        lead = lead_document(conflict, newest, changed_documents)
        note = suppression(conflict, claims, documents)
        if changed_documents is not None and not changed_documents.intersection(conflict.documents):
            out[conflict.id] = Decision("out_of_scope", "no side changed", lead)
        elif note is not None:
            out[conflict.id] = Decision("suppressed", note, lead)
        elif accepted is not None:
            out[conflict.id] = Decision("accepted", f"accepted by {accepted.by} on {accepted.date}: {accepted.reason}", lead)
        elif fp in baseline:
            out[conflict.id] = Decision("baseline", "known from the baseline", lead)
        else:
            out[conflict.id] = Decision("new", lead=lead)
    return out


def suppression(conflict: Conflict, claims: Mapping[str, Claim], documents: Mapping[str, Document]) -> str | None:
    """Why a conflict is silenced, when a side's claim lies in a passage whose article
    ignores the conflict's rule ("suppressed in a:12: reason"); None otherwise."""
    for cid in conflict.claims:
        claim = claims[cid]
        doc = documents.get(claim.document)
        for note in doc.suppressions if doc else ():
            if note.rule == conflict.rule and note.start <= claim.start < note.end:
                return f"suppressed in {doc.id}:{note.line}: {note.reason}"
    return None


def newest_first(report: Report) -> dict[str, int]:
    """Document id -> rank, 0 for the most recently published (latest possible date, then
    earliest, then id); articles with no known date rank last."""
    def key(doc: Document) -> tuple:
        r = doc.published_range
        latest, earliest = r.end or r.start, r.start or r.end
        return (latest is None, -(latest.toordinal() if latest else 0), -(earliest.toordinal() if earliest else 0), doc.id)
    return {d.id: i for i, d in enumerate(sorted(report.documents, key=key))}


def lead_document(conflict: Conflict, newest: Mapping[str, int],
                  changed_documents: frozenset[str] | None = None) -> str | None:
    """The side to show first: an article changed in this change set (the newest of them),
    else the newest article. Code scanning places an alert only at its first location, so
    it must be the file the change being reviewed touched."""
    if not conflict.documents:
        return None
    changed = [d for d in conflict.documents if changed_documents and d in changed_documents]
    return min(changed or conflict.documents, key=lambda d: (newest.get(d, len(newest)), d))


def lead_of(decisions: Decisions | None, conflict: Conflict) -> str | None:
    """The document whose side comes first, when decided."""
    decision = decisions.get(conflict.id) if decisions else None
    return decision.lead if decision else None


def status_of(decisions: Decisions | None, conflict: Conflict) -> Status:
    """A conflict's label; with no decisions every conflict is new."""
    return decisions[conflict.id].status if decisions and conflict.id in decisions else "new"


def shown(report: Report, decisions: Decisions | None) -> list[Conflict]:
    """The conflicts a human or CI report lists: all but the out-of-scope ones."""
    return [k for k in report.conflicts if status_of(decisions, k) != "out_of_scope"]


def failing(report: Report, decisions: Decisions | None, level: FailLevel = "error") -> list[Conflict]:
    """The conflicts that fail a run: the new ones whose severity is at or above `level`."""
    return [k for k in report.conflicts
            if status_of(decisions, k) == "new" and _RANK[k.severity] >= _RANK[level]]
