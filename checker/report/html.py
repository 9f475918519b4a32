"""report.html: the audit report for an editor who has never seen the tool.

A summary, every conflict with its evidence side by side, every article with its claims
highlighted, and filters. One self-contained file: inline CSS and one inline script, no
network, byte-identical for the same report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checker.decide import Decisions, shown, status_of
from checker.models import Claim, Conflict, DateValue, Document, Report
from checker.report.evidence import Evidence, Side, as_written, fold, published_words, value_counts
from checker.report.htmlkit import KINDS, Span, esc, highlight, legend, page
from checker.values import phrase, render as render_value


# Filters work on data attributes only; no article text is ever read or written by script.
SCRIPT = """(function () {
  var byId = function (id) { return document.getElementById(id); };
  var f = {rule: byId("f-rule"), severity: byId("f-severity"), doc: byId("f-doc")};
  var cards = Array.prototype.slice.call(document.querySelectorAll(".conflict"));
  var articles = Array.prototype.slice.call(document.querySelectorAll(".article"));
  function apply() {
    var shown = 0;
    cards.forEach(function (c) {
      var ok = (!f.rule.value || c.dataset.rule === f.rule.value) &&
        (!f.severity.value || c.dataset.severity === f.severity.value) &&
        (!f.doc.value || c.dataset.docs.split(" ").indexOf(f.doc.value) >= 0);
      c.hidden = !ok;
      if (ok) { shown += 1; }
    });
    articles.forEach(function (a) { a.hidden = !!f.doc.value && a.dataset.doc !== f.doc.value; });
    byId("f-count").textContent = shown + " of " + cards.length + " conflicts shown";
  }
  function reveal() {
    var target = location.hash ? byId(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target) { return; }
    var article = target.closest(".article");
    if (article) {
      if (article.hidden) { f.doc.value = ""; apply(); }
      article.open = true;
    }
    target.scrollIntoView({block: "center"});
  }
  [f.rule, f.severity, f.doc].forEach(function (s) { s.addEventListener("change", apply); });
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
})();"""


@dataclass(frozen=True)
class View:
    """The lookups a page needs, built once per report, so each article and conflict costs
    its own claims, not all of them."""

    report: Report
    evidence: Evidence
    anchors: dict[str, str]
    rules: dict[str, dict]
    disputed: dict[str, list[str]]
    claims_of: dict[str, list[Claim]]
    conflicts_of: dict[str, list[Conflict]]

    @classmethod
    def of(cls, report: Report) -> "View":
        disputed: dict[str, list[str]] = {}
        conflicts_of: dict[str, list[Conflict]] = {}
        for conflict in report.conflicts:
            for cid in conflict.claims:
                disputed.setdefault(cid, []).append(conflict.id)
            for doc_id in conflict.documents:
                conflicts_of.setdefault(doc_id, []).append(conflict)
        claims_of: dict[str, list[Claim]] = {}
        for claim in report.claims:
            claims_of.setdefault(claim.document, []).append(claim)
        return cls(
            report=report,
            evidence=Evidence(report),
            anchors={d.id: f"doc-{i}" for i, d in enumerate(report.documents)},
            rules={r["id"]: r for r in report.rules},
            disputed=disputed,
            claims_of=claims_of,
            conflicts_of=conflicts_of,
        )

    def doc_link(self, doc_id: str) -> str:
        anchor = self.anchors.get(doc_id)
        return f'<a href="#{anchor}">{esc(doc_id)}</a>' if anchor else esc(doc_id)


def quote_html(claim: Claim, classes: tuple[str, ...] = ()) -> str:
    """The claim's whole sentence with the claim's own words marked."""
    if not (claim.sentence_start <= claim.start <= claim.end <= claim.sentence_start + len(claim.sentence)):
        return f'<mark class="{esc(" ".join(classes))}">{esc(claim.text)}</mark>'
    span = Span(claim.start, claim.end, classes, f"{claim.kind}: {render_value(claim.value)}")
    return highlight(claim.sentence, claim.sentence_start, [span])


def side_html(view: View, side: Side, draft_id: str | None = None) -> str:
    c = side.claim
    path = side.document.path if side.document else c.document
    title = f" — {esc(side.document.title)}" if side.document and side.document.title else ""
    label = "Draft " if c.document == draft_id else ""
    return (
        f'<div class="side{" draft" if c.document == draft_id else ""}">'
        f'<div class="who">{label}{view.doc_link(c.document)}{title}</div>'
        f'<div class="meta">{esc(published_words(side.document))} · {esc(path)}:{side.line}:{side.column}</div>'
        f"<blockquote>{quote_html(c, ('disputed',))}</blockquote>"
        f'<div>Value read: <span class="value" title="{esc(render_value(c.value))}">{esc(as_written(c))}</span></div>'
        f'<div><a href="#claim-{esc(c.id)}">show in the article</a></div>'
        "</div>"
    )


def conflict_card(view: View, conflict: Conflict, draft_id: str | None = None, status: str = "new", note: str = "") -> str:
    """One conflict: what disagrees, each side's quote, value and date, and why it cannot all be true."""
    ordered = sorted(view.evidence.sides(conflict), key=lambda s: s.claim.document != draft_id)
    listed, folded = fold(ordered)
    rule = view.rules.get(conflict.rule, {})
    docs = " ".join(dict.fromkeys(view.anchors[s.claim.document] for s in ordered if s.claim.document in view.anchors))
    rationale = " ".join(str(rule.get("rationale", "")).split())
    about = f'<p class="rationale"><b>About this rule:</b> {esc(rationale)}</p>' if rationale else ""
    return (
        f'<article class="conflict {esc(conflict.severity)}" id="conflict-{esc(conflict.id)}" '
        f'data-rule="{esc(conflict.rule)}" data-severity="{esc(conflict.severity)}" data-docs="{esc(docs)}">'
        f'<h3><span class="badge {esc(conflict.severity)}">{esc(conflict.severity)}</span>'
        + (f' <span class="badge known">{esc(status.replace("_", " "))}</span>' if status != "new" else "")
        + f' {esc(headline(conflict, ordered) if draft_id else conflict.message)}</h3>'
        f'<div class="rule">Rule: {esc(rule.get("title", conflict.rule))} (<code>{esc(conflict.rule)}</code>) · '
        f'<a href="#conflict-{esc(conflict.id)}">{esc(conflict.id)}</a></div>'
        + (f'<p class="note"><b>{esc(status.replace("_", " ").capitalize())}:</b> {esc(note)}</p>' if note else "")
        + (_values_html(ordered) if folded else "")
        + f'<div class="sides">{"".join(side_html(view, s, draft_id) for s in listed)}</div>'
        + (f'<details class="more-sides"><summary>{len(folded)} more sides</summary>'
           f'<div class="sides">{"".join(side_html(view, s, draft_id) for s in folded)}</div></details>' if folded else "")
        + f'<p class="why"><b>Why they cannot all be true:</b> {esc(conflict.reason)}.</p>{about}'
        "</article>"
    )


def _values_html(sides: list[Side]) -> str:
    """A group's distinct values with how many sides give each, above its first sides."""
    items = "".join(f'<li><span class="value">{esc(value)}</span> ({n} side{"s" if n != 1 else ""})</li>'
                    for value, n in value_counts(sides))
    return f'<div class="values"><b>{len(sides)} sides give these values:</b><ul>{items}</ul></div>'


def headline(conflict: Conflict, ordered: list[Side]) -> str:
    """The conflict's message with its values in the order of `ordered` (the draft's first on
    a review page), where the message lists them in document order."""
    by_document = sorted(ordered, key=lambda s: (s.claim.document, s.claim.start, s.claim.id))
    written = " vs ".join(dict.fromkeys(phrase(s.claim.value) for s in by_document))
    wanted = " vs ".join(dict.fromkeys(phrase(s.claim.value) for s in ordered))
    return conflict.message.replace(written, wanted, 1)


def claim_span(view: View, claim: Claim) -> Span:
    """A claim in its article: coloured by kind, outlined when disputed, titled with its value."""
    classes = ["claim", f"k-{claim.kind}"]
    conflicts = view.disputed.get(claim.id, [])
    if conflicts:
        classes.append("disputed")
    title = f"{claim.kind} · {claim.attribute.replace('_', ' ')}: {render_value(claim.value)}"
    if conflicts:
        title += f" · in conflict {', '.join(conflicts)}"
    return Span(claim.start, claim.end, tuple(classes), title, f"claim-{claim.id}")


def article_view(view: View, doc: Document, open_: bool = False, label: str = "") -> str:
    """The full article text with every extracted claim highlighted and anchored by claim id."""
    claims = sorted(view.claims_of.get(doc.id, []), key=lambda c: (c.start, c.end, c.id))
    conflicts = view.conflicts_of.get(doc.id, [])
    links = ", ".join(f'<a href="#conflict-{esc(k.id)}">{esc(k.id)}</a>' for k in conflicts)
    title = f" — {esc(doc.title)}" if doc.title else ""
    anchor = view.anchors[doc.id]
    return (
        f'<details class="article" id="{anchor}" data-doc="{anchor}"{" open" if open_ else ""}>'
        f"<summary>{esc(label)}{esc(doc.id)}{title} "
        f'<span class="meta">{esc(published_words(doc))} · {esc(doc.path)} · {len(claims)} claims, '
        f"{len(conflicts)} conflicts</span></summary>"
        + (f"<p>Conflicts involving this article: {links}</p>" if links else "")
        + f'<div class="text">{highlight(doc.text, 0, [claim_span(view, c) for c in claims])}</div>'
        "</details>"
    )


def errors_html(report: Report) -> str:
    """Inputs that could not be checked, then those read only in part or skipped."""
    out = ""
    if report.errors:
        items = "".join(f"<li>{esc(e.render())}</li>" for e in report.errors)
        out += f'<h2 id="errors">Input errors</h2><p>These inputs could not be checked:</p><ul class="errors">{items}</ul>'
    if report.warnings:
        items = "".join(f"<li>{esc(w.render())}</li>" for w in report.warnings)
        out += f'<h2 id="warnings">Warnings</h2><p>These inputs were skipped or read in part:</p><ul class="errors">{items}</ul>'
    return out


def _zero(count: int) -> str:
    """Rows that count nothing are shown faded, so the ones that matter stand out."""
    return "" if count else ' class="zero"'


def _summary(report: Report) -> str:
    kinds = Counter(c.kind for c in report.claims)
    per_rule = Counter((k.rule, k.severity) for k in report.conflicts)
    kind_rows = "".join(f'<tr{_zero(kinds[k])}><td>{esc(k)}</td><td class="num">{kinds[k]}</td></tr>'
                        for k in sorted(set(KINDS) | set(kinds)))
    rule_rows = "".join(
        f'<tr{_zero(per_rule[(r["id"], r["severity"])])}><td><code>{esc(r["id"])}</code></td>'
        f'<td>{esc(r.get("title", ""))}</td><td>{esc(r["severity"])}</td>'
        f'<td class="num">{per_rule[(r["id"], r["severity"])]}</td></tr>'
        for r in sorted(report.rules, key=lambda r: r["id"]))
    stray = sorted(set(per_rule) - {(r["id"], r["severity"]) for r in report.rules})
    rule_rows += "".join(f'<tr><td><code>{esc(rid)}</code></td><td></td><td>{esc(sev)}</td>'
                         f'<td class="num">{per_rule[(rid, sev)]}</td></tr>' for rid, sev in stray)
    return (
        '<h2 id="summary">Summary</h2><div class="grid">'
        f'<table><tr><th>Articles</th><td class="num">{len(report.documents)}</td></tr>'
        f'<tr><th>Claims</th><td class="num">{len(report.claims)}</td></tr>'
        f'<tr><th>Conflicts</th><td class="num">{len(report.conflicts)}</td></tr>'
        f'<tr><th>Input errors</th><td class="num">{len(report.errors)}</td></tr></table>'
        f"<table><tr><th>Claim kind</th><th>Claims</th></tr>{kind_rows}</table>"
        f"<table><tr><th>Rule</th><th>Checks that</th><th>Severity</th><th>Conflicts</th></tr>{rule_rows}</table>"
        "</div>"
    )


def _documents_table(view: View) -> str:
    report = view.report
    claims = Counter(c.document for c in report.claims)
    conflicts = Counter(d for k in report.conflicts for d in k.documents)
    rows = "".join(
        f"<tr><td>{view.doc_link(d.id)}</td><td>{esc(d.title or '')}</td><td>{esc(published_words(d))}</td>"
        f'<td class="num">{claims[d.id]}</td><td class="num">{conflicts[d.id]}</td></tr>'
        for d in report.documents)
    return ("<table><tr><th>Article</th><th>Title</th><th>Publication date</th><th>Claims</th><th>Conflicts</th></tr>"
            f"{rows}</table>")


def _filters(view: View) -> str:
    report = view.report
    rules = sorted({k.rule for k in report.conflicts})
    severities = sorted({k.severity for k in report.conflicts})

    def options(pairs: list[tuple[str, str]]) -> str:
        return "".join(f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in pairs)

    return (
        '<div class="filters">'
        f'<label>Rule <select id="f-rule"><option value="">all rules</option>{options([(r, r) for r in rules])}</select></label>'
        f'<label>Severity <select id="f-severity"><option value="">all</option>{options([(s, s) for s in severities])}</select></label>'
        f'<label>Article <select id="f-doc"><option value="">all articles</option>'
        f'{options([(view.anchors[d.id], d.id) for d in report.documents])}</select></label>'
        f'<span id="f-count" class="muted">{len(report.conflicts)} conflicts</span>'
        "</div>"
    )


def _note(decisions: Decisions | None, conflict: Conflict) -> str:
    """Why a conflict is not new (who accepted it, the article's suppression), for its card."""
    decision = decisions.get(conflict.id) if decisions else None
    return decision.note if decision and decision.status != "new" else ""


# The overview lists at most this many articles and timeline entries; the rest are counted.
OVERVIEW_ITEMS = 12


def _overview(view: View, listed: list[Conflict], decisions: Decisions | None) -> str:
    """What an editor reads in ten seconds: how many conflicts of each severity, which
    articles they involve, and when the disputed dates fall."""
    new = [k for k in listed if status_of(decisions, k) == "new"]
    severity = Counter(k.severity for k in new)
    others = Counter(status_of(decisions, k).replace("_", " ") for k in listed if status_of(decisions, k) != "new")
    counts = (f'<p class="counts"><b>{severity["error"]}</b> error{"" if severity["error"] == 1 else "s"} · '
              f'<b>{severity["warning"]}</b> warning{"" if severity["warning"] == 1 else "s"}'
              + "".join(f" · <b>{n}</b> {esc(label)}" for label, n in sorted(others.items()))
              + f" in {len(view.report.documents)} articles</p>")
    involved = Counter(d for k in listed for d in k.documents)
    ranked = sorted(involved, key=lambda d: (-involved[d], d))
    items = "".join(f"<li>{view.doc_link(d)}{_title(view, d)} ({involved[d]} conflict{'s' if involved[d] != 1 else ''})</li>"
                    for d in ranked[:OVERVIEW_ITEMS])
    more = f"<li>and {len(ranked) - OVERVIEW_ITEMS} more</li>" if len(ranked) > OVERVIEW_ITEMS else ""
    articles = f"<h3>Articles involved</h3><ul>{items}{more}</ul>" if ranked else ""
    return (f'<section id="overview" aria-labelledby="overview-title"><h2 id="overview-title">At a glance</h2>'
            f"{counts}{articles}{_timeline(view, listed)}</section>")


def _title(view: View, doc_id: str) -> str:
    doc = view.evidence.documents.get(doc_id)
    return f" — {esc(doc.title)}" if doc and doc.title else ""


def _timeline(view: View, listed: list[Conflict]) -> str:
    """The disputed dates in order: one entry per date a conflict's sides give, with how many articles give it."""
    entries: dict[tuple, list[str]] = {}
    for conflict in listed:
        for side in view.evidence.sides(conflict):
            value = side.claim.value
            if side.claim.kind != "date" or not isinstance(value, DateValue):
                continue
            day = value.start or value.end
            if day is None:
                continue
            entries.setdefault((day, phrase(value), conflict.id, conflict.subject or ""), []).append(side.claim.document)
    if not entries:
        return ""
    ordered = sorted(entries.items())
    items = "".join(
        f'<li><time datetime="{day.isoformat()}">{day.isoformat()}</time> <span class="value">{esc(words)}</span> '
        f'in {len(set(docs))} article{"s" if len(set(docs)) != 1 else ""} '
        f'(<a href="#conflict-{esc(cid)}">{esc(subject or cid)}</a>)</li>'
        for (day, words, cid, subject), docs in ordered[:OVERVIEW_ITEMS * 4])
    more = f"<li>and {len(ordered) - OVERVIEW_ITEMS * 4} more dates</li>" if len(ordered) > OVERVIEW_ITEMS * 4 else ""
    return f'<h3>Disputed dates</h3><ol class="timeline">{items}{more}</ol>'


def render(report: Report, decisions: Decisions | None = None) -> str:
    view = View.of(report)
    listed = shown(report, decisions)
    cards = "".join(conflict_card(view, k, status=status_of(decisions, k), note=_note(decisions, k)) for k in listed) or "<p>No conflicts found.</p>"
    body = (
        '<a class="skip" href="#conflicts">Skip to the conflicts</a>'
        "<h1>claimcheck audit report</h1>"
        + (f'<p class="notice bad">Incomplete: {len(report.errors)} inputs could not be checked '
           '(see <a href="#errors">Input errors</a>).</p>' if report.errors else "")
        + _overview(view, listed, decisions)
        + '<p class="lead">claimcheck read these articles, picked out their factual claims (dates, amounts, '
        "counts, percentages, periods, who holds which office) and compared them. A <b>conflict</b> is a set of "
        "claims, in one article or several, that cannot all be true. Each conflict below quotes every side, "
        "with the claim marked, the value claimcheck read from it and the article's publication date.</p>"
        + f'<h2 id="conflicts">Conflicts</h2>{_filters(view)}{cards}'
        + f'<h2 id="article-table">Articles</h2>{_documents_table(view)}'
        + _summary(report)
        + f'<h2 id="articles">Articles with their claims</h2>{legend()}'
        + "".join(article_view(view, d) for d in report.documents)
        + errors_html(report)
    )
    return page("claimcheck audit report", body, SCRIPT)
