"""A draft review as a page: conflicts with the draft's side beside the published one, and
the draft itself with every claim highlighted and the disputed ones outlined.

`sections` is shared by `claimcheck review --format html` and the `serve` page; neither
needs script, so the page forbids all of it.
"""

from __future__ import annotations

from checker.models import Conflict
from checker.report.html import View, article_view, conflict_card, errors_html
from checker.report.htmlkit import esc, legend, page
from checker.review import ReviewResult


def _verdict(result: ReviewResult) -> str:
    total = len(result.report.conflicts)
    if result.draft is None:
        return '<p class="notice bad">The draft could not be analysed; see the errors below.</p>'
    if not total:
        return (f'<p class="notice" id="verdict" data-conflicts="0">No conflicts: nothing in this draft contradicts '
                f"the {result.corpus_size} published articles, or itself.</p>")
    return (f'<p class="notice bad" id="verdict" data-conflicts="{total}">{total} conflict{"s" if total != 1 else ""}: '
            f"{len(result.with_corpus)} with published articles, {len(result.inside_draft)} inside the draft.</p>")


def _cards(view: View, title: str, conflicts: list[Conflict], draft_id: str) -> str:
    if not conflicts:
        return ""
    return f"<h2>{esc(title)}</h2>" + "".join(conflict_card(view, k, draft_id) for k in conflicts)


def sections(result: ReviewResult) -> str:
    """The review body: verdict, conflicts, the highlighted draft and the articles it disagrees with."""
    report = result.report
    view = View.of(report)
    published = [d for d in report.documents if d.id != result.draft_id]
    draft = result.draft
    return (
        _verdict(result)
        + _cards(view, "Conflicts with published articles", result.with_corpus, result.draft_id)
        + _cards(view, "Conflicts inside the draft", result.inside_draft, result.draft_id)
        + (f"<h2>The draft</h2>{legend()}{article_view(view, draft, open_=True, label='Draft ')}" if draft else "")
        + (("<h2>Published articles it disagrees with</h2>"
            + "".join(article_view(view, d, label="Published ") for d in published)) if published else "")
        + errors_html(report)
    )


def render(result: ReviewResult) -> str:
    body = (f"<h1>claimcheck review: {esc(result.draft_id)}</h1>"
            f'<p class="lead">The draft\'s claims compared with {result.corpus_size} published articles. '
            "Each conflict shows the draft's words beside the published article it disagrees with.</p>"
            + sections(result))
    return page(f"claimcheck review: {result.draft_id}", body)
