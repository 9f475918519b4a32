"""Reviewing a draft before publication: which of its claims disagree with the published corpus.

The corpus and rules are loaded and analysed once (`Reviewer.load`); each draft is then
analysed alone and the rules run over the corpus claims plus the draft's, so a server can
review many drafts without re-reading the corpus. A draft whose id matches a corpus
article replaces it: a new version is not compared with the one it supersedes. A draft
that states no date of its own may be given one (`published`), as its front matter would,
so the after-publication rule can judge it; the date comes from the caller, never the clock.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from checker.cache import StoredClaims
from checker.documents import Walk, parse_document, with_published
from checker.engine import GroupIndex
from checker.findings import build_conflicts
from checker.models import Claim, Conflict, Document, InputError, Report
from checker.pipeline import Toolkit, paused_collection, rule_meta
from checker.ruleset import RuleSet


@dataclass(frozen=True)
class ReviewResult:
    """The draft, the published articles it disagrees with, and the conflicts involving the draft."""

    draft_id: str
    report: Report
    corpus_size: int
    dated_by_caller: bool = False  # the draft stated no date and was given one

    @property
    def draft(self) -> Document | None:
        """None when the draft could not be analysed (the reason is in `report.errors`)."""
        return next((d for d in self.report.documents if d.id == self.draft_id), None)

    @property
    def with_corpus(self) -> list[Conflict]:
        return [k for k in self.report.conflicts if set(k.documents) - {self.draft_id}]

    @property
    def inside_draft(self) -> list[Conflict]:
        return [k for k in self.report.conflicts if set(k.documents) == {self.draft_id}]


class Reviewer:
    """A corpus analysed once, ready to judge drafts against: its claims indexed by each
    rule's groups, so a draft is compared only with the groups its claims join."""

    def __init__(self, toolkit: Toolkit, documents: list[Document], claims: list[Claim] | StoredClaims,
                 errors: list[InputError], warnings: list[InputError] | None = None,
                 unusable: list[InputError] | None = None) -> None:
        """`claims` are the corpus's resolved claims, or a stored corpus's (read back from the
        cache as a check left them), whose groups are read only as drafts join them."""
        self.toolkit = toolkit
        self.documents = documents
        self.errors = errors
        self.warnings = warnings or []
        self.unusable = unusable or []
        self._claims = claims
        if isinstance(claims, StoredClaims):
            self.index = GroupIndex.stored(toolkit.rules, lambda rule, key: claims.group(rule.id, key))
            self._datelines = claims.datelines()
        else:
            self.index = GroupIndex(toolkit.rules, claims)
            self._datelines = {c.document: c for c in claims if c.attribute == "published"}
        self._published = {d.id: d.published_range for d in documents}
        # Extractors and dateparser keep caches; one review at a time keeps them consistent.
        self._lock = threading.Lock()

    @property
    def claims(self) -> list[Claim]:
        """Every claim of the corpus (a stored corpus reads them all)."""
        return self._claims.all() if isinstance(self._claims, StoredClaims) else self._claims

    @classmethod
    @paused_collection()
    def load(cls, corpus_paths: list[Path], rules: RuleSet | Path, walk: Walk | None = None,
             cache_dir: Path | None = None, jobs: int = 1) -> "Reviewer":
        """Read and analyse the corpus; with `cache_dir`, a corpus already checked is read from
        the cache as the check left it (its resolved claims and groups), and otherwise the
        articles the claims cache holds are read from it (and what is new analysed on `jobs`
        processes and stored). `unusable` says why no draft can be judged against it (no rules,
        a named path that cannot be read, not one article): reviewing against nothing would
        tell editors every draft is clean."""
        toolkit = Toolkit.load(rules)
        corpus, cache, unused = toolkit.read(corpus_paths, walk, cache_dir)
        warnings = list(corpus.warnings) + unused
        try:
            key = toolkit.state_key(corpus.documents, cache)
            stored = cache.get_stored(key, corpus.documents) if key is not None and cache is not None else None
            if stored is not None:  # a checked corpus: nothing to analyse, resolve or group again
                documents, claims, errors = stored
            else:
                documents, claims, errors = toolkit.analyse(corpus.documents, cache=cache, jobs=jobs)
        finally:
            if cache is not None:
                warnings.extend(InputError(path=str(cache.path), message=m) for m in cache.problems)
                cache.close()
        errors = list(toolkit.errors) + corpus.errors + errors
        named = {str(p) for p in corpus_paths}
        unusable = list(toolkit.errors) if not toolkit.rules else []
        unusable += [e for e in corpus.errors if e.path in named]
        if not documents:
            empty = InputError(path=", ".join(str(p) for p in corpus_paths) or "(no corpus)",
                               message="no published article to review against")
            errors.append(empty)
            unusable.append(empty)
        return cls(toolkit, documents, claims, errors, warnings, unusable)

    def review(self, draft_text: str, draft_id: str = "draft", draft_path: str = "draft",
               published: dt.date | None = None) -> ReviewResult:
        """The draft judged against the corpus; `published` dates a draft that states no date."""
        stated = parse_document(draft_id, draft_path, draft_text)
        dated_by_caller = (published is not None and isinstance(stated, Document)
                           and stated.published_source == "unknown")
        if dated_by_caller:
            draft_text = with_published(draft_text, published)
        warnings: list[InputError] = []
        draft = parse_document(draft_id, draft_path, draft_text, warnings)
        with self._lock:
            if isinstance(draft, InputError):  # refused front matter: the review says why, nothing is compared
                dated, draft_claims, errors = [], [], [draft]
            else:
                dated, draft_claims, errors = self.toolkit.analyse([draft])
            days = {k: v for k, v in self._published.items() if k != draft_id}
            days.update((d.id, d.published_range) for d in dated)
            datelines = _WithDraft(self._datelines, draft_id,
                                   {c.document: c for c in draft_claims if c.attribute == "published"})
            with paused_collection():  # the draft's groups' claims are read from a stored corpus here
                hits = self.index.run(draft_claims, self.toolkit.context(days, datelines), frozenset({draft_id}))
            # A conflict with the draft merges only hits that hold a claim of the draft (no corpus
            # claim is the draft's, so another hit's sides differ): the others' conflicts are not built.
            conflicts = build_conflicts([h for h in hits if any(c.document == draft_id for c in h.hit.claims)])
            involved = [c for c in self._with_ids({c for k in conflicts for c in k.claims}) if c.document != draft_id]
        others = {d for k in conflicts for d in k.documents} - {draft_id}
        report = Report(
            documents=dated + [d for d in self.documents if d.id in others and d.id != draft_id],
            claims=draft_claims + involved,
            conflicts=conflicts,
            errors=self.errors + errors,
            rules=[rule_meta(r) for r in self.toolkit.rules],
            warnings=self.warnings + warnings,
        )
        return ReviewResult(draft_id=draft_id, report=report,
                            corpus_size=sum(1 for d in self.documents if d.id != draft_id), dated_by_caller=dated_by_caller)

    def _with_ids(self, ids: set[str]) -> list[Claim]:
        """The corpus claims with these ids, in the corpus's order (under the lock: a stored
        corpus reads claims as they are asked for)."""
        if isinstance(self._claims, StoredClaims):
            return self._claims.with_ids(ids)
        return [c for c in self._claims if c.id in ids]


class _WithDraft(Mapping[str, Claim]):
    """The corpus's dateline claims with the draft's in place of its namesake's (a corpus
    article the draft replaces), without copying the corpus's: a stored corpus reads a
    dateline only when a check asks for it."""

    def __init__(self, corpus: Mapping[str, Claim], draft_id: str, draft: dict[str, Claim]) -> None:
        self._corpus = corpus
        self._draft_id = draft_id
        self._draft = draft

    def __getitem__(self, document: str) -> Claim:
        if document in self._draft:
            return self._draft[document]
        if document == self._draft_id:
            raise KeyError(document)
        return self._corpus[document]

    def __iter__(self) -> Iterator[str]:
        yield from self._draft
        yield from (d for d in self._corpus if d != self._draft_id and d not in self._draft)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def review(draft_text: str, draft_id: str, corpus_paths: list[Path], rules: RuleSet | Path,
           draft_path: str | None = None, walk: Walk | None = None, cache_dir: Path | None = None,
           jobs: int = 1, published: dt.date | None = None) -> ReviewResult:
    """Review one draft against a corpus read from disk (or, for a checked corpus, from the claims cache)."""
    reviewer = Reviewer.load(corpus_paths, rules, walk, cache_dir, jobs)
    return reviewer.review(draft_text, draft_id, draft_path or draft_id, published)
