"""The shortcuts of issue 12's speed work give what the full computation gives: files read
back from the cache rather than parsed, the claims of allowed pairs found without listing
every pair, and the extraction compiled once per toolkit."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

import checker.pipeline as pipeline_module
from checker.engine.checks import _paired
from checker.models import Claim, CountValue
from checker.pipeline import Toolkit, run_check

from conftest import RULES_DIR, SEEDS_DIR

# Files whose reading gives warnings and errors besides documents: broken YAML (ignored with
# a warning), a refused date (an error), a note with no reason (a warning), and a plain article.
ODD_FILES = {
    "broken.txt": "---\ntitle: [unclosed\n---\nThe bridge opened on 2 May 2024, the ministry said.\n",
    "refused.txt": "---\npublished: 2024-02-30\n---\nThe bridge opened in May.\n",
    "noted.txt": "Published 2024-05-03\n\nThe bridge cost US$12 million. <!-- claimcheck: ignore -->\n",
    "dated.md": "---\npublished: 2024-05-04\ntitle: Bridge\n---\nThe bridge cost US$15 million.\n",
}


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the documents stage parses through the cache (a file read back is not)."""
    calls: list[str] = []
    parse = pipeline_module.parse_document
    monkeypatch.setattr(pipeline_module, "parse_document", lambda doc_id, *a: calls.append(doc_id) or parse(doc_id, *a))
    return calls


def test_files_read_back_from_the_cache_give_the_same_reports_warnings_and_errors(tmp_path: Path,
                                                                                   parses: list[str]) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    for name, text in ODD_FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    plain = run_check([corpus], RULES_DIR)
    assert plain.warnings and plain.errors
    parses.clear()
    cold = run_check([corpus], RULES_DIR, cache_dir=tmp_path / "cache")
    assert len(parses) == len(plain.documents) + 1  # every file parsed once, the refused one included
    parses.clear()
    warm = run_check([corpus], RULES_DIR, cache_dir=tmp_path / "cache")
    assert parses == []
    assert plain.model_dump_json() == cold.model_dump_json() == warm.model_dump_json()


def test_an_edited_or_renamed_file_is_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    run_check([corpus], RULES_DIR, cache_dir=tmp_path / "cache")
    edited, renamed = sorted(corpus.glob("*.txt"))[:2]
    edited.write_text("---\npublished: 2031-01-02\n---\n" + edited.read_text(encoding="utf-8"), encoding="utf-8")
    renamed.rename(corpus / "zz_renamed.txt")
    parses.clear()
    warm = run_check([corpus], RULES_DIR, cache_dir=tmp_path / "cache")
    assert sorted(parses) == sorted([edited.stem, "zz_renamed"])
    assert warm.model_dump_json() == run_check([corpus], RULES_DIR).model_dump_json()


def test_a_review_reads_its_corpus_files_back_and_judges_the_same(tmp_path: Path, parses: list[str]) -> None:
    from checker.review import review
    draft = (SEEDS_DIR / sorted(p.name for p in SEEDS_DIR.glob("*.txt"))[0]).read_text(encoding="utf-8")
    plain = review(draft, "draft", [SEEDS_DIR], RULES_DIR)
    run_check([SEEDS_DIR], RULES_DIR, cache_dir=tmp_path / "cache")
    parses.clear()
    cached = review(draft, "draft", [SEEDS_DIR], RULES_DIR, cache_dir=tmp_path / "cache")
    assert parses == []
    assert cached.report.model_dump_json() == plain.report.model_dump_json()


def _claim(i: int, document: str, sentence: int, day: int) -> Claim:
    return Claim(id=f"c{i}", document=document, kind="count", attribute="visitors", subject="bridge",
                 value=CountValue(low=day, high=day, noun="visitors"), text="x", start=i, end=i + 1, sentence="x",
                 sentence_start=sentence)


@pytest.mark.parametrize("seed", range(40))
def test_the_claims_of_allowed_pairs_are_those_listing_every_pair_gives(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(1, 12)
    claims = [_claim(rng.randint(0, 20) if seed % 4 == 0 else i,  # every fourth case shares ids
                     rng.choice("abc"), rng.randint(0, 2), i) for i in range(n)]
    cut = rng.randint(0, n)
    xs, ys = claims[:cut], claims[cut:]
    banned = {(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, n * n))}

    def allowed(x: Claim, y: Claim) -> bool:  # asymmetric on purpose
        return x.document != y.document and (claims.index(x), claims.index(y)) not in banned

    every_pair = {c.id: c for x in xs for y in ys if allowed(x, y) for c in (x, y)}
    found = _paired(xs, ys, allowed)
    assert sorted(found, key=lambda c: c.id) == sorted(every_pair.values(), key=lambda c: c.id)
    assert [id(c) for c in sorted(found, key=lambda c: c.id)] == \
        [id(c) for c in sorted(every_pair.values(), key=lambda c: c.id)]


def test_a_toolkit_analyses_with_one_extraction_and_gives_what_a_fresh_one_gives() -> None:
    toolkit = Toolkit.load(RULES_DIR)
    from checker.documents import read_corpus
    docs = read_corpus([SEEDS_DIR]).documents
    first = toolkit.analyse(docs[:2])
    assert toolkit.extraction is toolkit.extraction
    again = toolkit.analyse(docs[:2])
    assert first == again == Toolkit.load(RULES_DIR).analyse(docs[:2])


def test_the_datelines_a_review_judges_with_are_the_corpus_s_with_the_draft_s_in_place() -> None:
    from checker.review import _WithDraft
    corpus = {d: _claim(i, d, 0, i) for i, d in enumerate("abc")}
    draft = _claim(9, "b", 0, 9)
    for draft_id, own in (("b", {"b": draft}), ("b", {}), ("new", {})):
        expected = {k: v for k, v in corpus.items() if k != draft_id}
        expected.update(own)
        view = _WithDraft(corpus, draft_id, own)
        assert dict(view) == expected and len(view) == len(expected)
        assert all(view.get(k) == expected.get(k) for k in (*corpus, "new", "zz"))
