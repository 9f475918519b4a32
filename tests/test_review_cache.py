"""Incremental review: a draft is judged through the corpus's group index (only the groups its
claims join) and the corpus of a checked run is read from the claims cache, with the same
review as judging everything afresh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import checker.pipeline as pipeline
from checker.documents import parse_document, read_corpus
from checker.pipeline import Toolkit
from checker.review import Reviewer

from conftest import REPO, RULES_DIR, SAMPLE_CLUSTERS, SEEDS_DIR

CLUSTERS = SAMPLE_CLUSTERS[:10]


@pytest.fixture(scope="module")
def reviewer() -> Reviewer:
    return Reviewer.load([SEEDS_DIR, *CLUSTERS], RULES_DIR)


def _judged_afresh(reviewer: Reviewer, text: str, draft_id: str) -> list:
    """The review as it was before the index: every rule over the corpus plus the draft."""
    toolkit = reviewer.toolkit
    dated, draft_claims, _ = toolkit.analyse([parse_document(draft_id, draft_id, text)])
    corpus = [d for d in reviewer.documents if d.id != draft_id]
    claims = [c for c in reviewer.claims if c.document != draft_id]
    return [k for k in toolkit.judge(corpus + dated, claims + draft_claims) if draft_id in k.documents]


def test_the_group_index_finds_what_judging_everything_finds(reviewer: Reviewer) -> None:
    docs = read_corpus([SEEDS_DIR, *CLUSTERS]).documents
    assert len(docs) > 30
    found = 0
    for doc in docs[::3]:
        for draft_id in ("draft", doc.id):  # a new article, and a new version replacing its corpus article
            result = reviewer.review(doc.text, draft_id)
            assert result.report.conflicts == _judged_afresh(reviewer, doc.text, draft_id), (doc.id, draft_id)
            found += len(result.report.conflicts)
    assert found > 0  # the comparison saw conflicts, not only silence


def test_a_review_reads_a_checked_corpus_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = sorted(SEEDS_DIR.glob("*.txt"))[0].read_text(encoding="utf-8") + "\nIt cost VND 1 billion.\n"
    expected = Reviewer.load([SEEDS_DIR], RULES_DIR).review(draft).report
    Reviewer.load([SEEDS_DIR], RULES_DIR, cache_dir=tmp_path)  # as `check` leaves it
    analysed = []
    article = pipeline.Extraction.article
    monkeypatch.setattr(pipeline.Extraction, "article", lambda self, doc: analysed.append(doc.id) or article(self, doc))
    opened = []
    open_cache = Toolkit.open_cache
    monkeypatch.setattr(Toolkit, "open_cache", lambda self, folder: opened.append(open_cache(self, folder)) or opened[-1])
    cached = Reviewer.load([SEEDS_DIR], RULES_DIR, cache_dir=tmp_path)
    assert analysed == [] and (opened[0].hits, opened[0].misses) == (5, 0)
    assert cached.review(draft).report == expected
    assert analysed == ["draft"]


def test_review_prints_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(sorted(SEEDS_DIR.glob("*.txt"))[1].read_text(encoding="utf-8").replace("2024", "2022"),
                     encoding="utf-8")

    def review(*options: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "checker", "review", str(draft), "--corpus", "seeds/", *options],
                              cwd=REPO, capture_output=True, text=True, timeout=300)

    plain = review("--no-cache")
    cold, warm = review("--cache", str(tmp_path / "c")), review("--cache", str(tmp_path / "c"))
    assert (tmp_path / "c" / "claims.sqlite3").is_file()
    assert plain.returncode == cold.returncode == warm.returncode == 1, plain.stderr
    assert plain.stdout == cold.stdout == warm.stdout and "conflict" in plain.stdout
