"""A draft review in the terminal: each conflict with the published side, then the draft's
disputed sentences with the disputed words marked (ANSI on a terminal, »…« elsewhere).
"""

from __future__ import annotations

from checker.models import Claim
from checker.report.evidence import Evidence, Side, clean, published_words, quote
from checker.review import ReviewResult
from checker.values import render as render_value

ANSI_ON, ANSI_OFF = "\x1b[1;31m", "\x1b[0m"
PLAIN_ON, PLAIN_OFF = "»", "«"


def render(result: ReviewResult, color: bool = False) -> str:
    report = result.report
    draft_claims = [c for c in report.claims if c.document == result.draft_id]
    evidence = Evidence(report)
    lines = [
        f"claimcheck review: {clean(result.draft_id)} against {result.corpus_size} published articles: "
        f"claims in the draft {len(draft_claims)}, conflicts with published articles {len(result.with_corpus)}, "
        f"conflicts inside the draft {len(result.inside_draft)}, errors {len(report.errors)}",
    ]
    for title, conflicts in (("Conflicts with published articles", result.with_corpus),
                             ("Conflicts inside the draft", result.inside_draft)):
        if conflicts:
            lines += ["", f"{title}:"]
        for conflict in conflicts:
            lines.append("")
            lines.append(f"{conflict.severity.upper()} {conflict.rule} [{conflict.id}]")
            lines.append(f"  {clean(conflict.message)}")
            ordered = sorted(evidence.sides(conflict), key=lambda s: s.claim.document != result.draft_id)
            lines.extend(_side(s, result.draft_id) for s in ordered)
            lines.append(f"  why: {clean(conflict.reason)}")
    in_conflict = {cid for k in report.conflicts for cid in k.claims}
    disputed = [c for c in draft_claims if c.id in in_conflict]
    if disputed:
        lines += ["", "Draft sentences with the disputed words marked:"]
        lines.extend(_sentences(result, disputed, color, evidence))
    if not report.conflicts and result.draft is not None:
        lines += ["", "No conflicts: nothing in the draft contradicts the published articles or itself."]
    lines.extend(f"error: {clean(e.render())}" for e in report.errors)
    lines.extend(f"warning: {clean(w.render())}" for w in report.warnings)
    return "\n".join(lines) + "\n"


def _side(side: Side, draft_id: str) -> str:
    c = side.claim
    who = "draft" if c.document == draft_id else f"published article {c.document}"
    path = side.document.path if side.document else c.document
    return (f"  - {who}, {path}:{side.line}:{side.column}, {published_words(side.document)}\n"
            f"      \"{clean(quote(side))}\"\n"
            f"      value: {clean(render_value(c.value))}")


def _sentences(result: ReviewResult, disputed: list[Claim], color: bool, evidence: Evidence) -> list[str]:
    """Each disputed sentence once, with every disputed claim in it marked."""
    on, off = (ANSI_ON, ANSI_OFF) if color else (PLAIN_ON, PLAIN_OFF)
    by_sentence: dict[int, list[Claim]] = {}
    for c in disputed:
        by_sentence.setdefault(c.sentence_start, []).append(c)
    out = []
    for start, claims in sorted(by_sentence.items()):
        sentence = claims[0].sentence
        pieces, pos = [], 0
        for c in sorted(claims, key=lambda c: c.start):
            a, b = c.start - start, c.end - start
            if a < pos or not (0 <= a <= b <= len(sentence)):
                continue
            pieces += [clean(sentence[pos:a]), on, clean(sentence[a:b]), off]
            pos = b
        pieces.append(clean(sentence[pos:]))
        out.append(f"  line {evidence.line_col(result.draft, start)[0] if result.draft else 1}: {' '.join(''.join(pieces).split())}")
    return out
