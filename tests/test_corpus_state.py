"""The corpus state in the cache: a corpus checked again unchanged (or reviewed against) is read
back whole, with the same reports as analysing and judging it afresh, and any change to an
article, a rule, the data or the code is a miss."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import checker.cache as cache_module
from checker.cache import _STATE_COLUMNS, ClaimsCache, CorpusState, corpus_version, decode_state, encode_state
from checker.engine import group_key, run_rules, select, stored_groups
from checker.documents import read_corpus
from checker.models import QuantityValue
from checker.pipeline import Toolkit, run_check
from checker.review import Reviewer

from conftest import REPO, RULES_DIR, SAMPLE_CLUSTERS, SEEDS_DIR

CLUSTERS = SAMPLE_CLUSTERS[:6]
ADDED = ("Vientiane bridge opens\n\nPublished 2024-04-02\n\nThe Pakkading Mekong Bridge was opened on "
         "April 1, 2024. It cost US$12 million, the ministry said.\n")


@pytest.fixture
def no_analysis(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every corpus analysed or judged: a run that reads a stored state does neither."""
    calls: list[str] = []
    analyse, judge = Toolkit.analyse, Toolkit.judge
    monkeypatch.setattr(Toolkit, "analyse",
                        lambda self, docs, *a, **k: calls.append("analyse") or analyse(self, docs, *a, **k))
    monkeypatch.setattr(Toolkit, "judge", lambda self, *a, **k: calls.append("judge") or judge(self, *a, **k))
    return calls


def test_a_state_reads_back_equal_to_what_was_stored() -> None:
    toolkit = Toolkit.load(RULES_DIR)
    docs = read_corpus([SEEDS_DIR, *CLUSTERS]).documents
    dated, claims, errors = toolkit.analyse(docs)
    # a quantity in days also fits a duration, the class tried first: it must come back a quantity
    days = next(c for c in claims if c.kind == "quantity")
    days = days.model_copy(update={"value": QuantityValue(low=3.0, high=3.0, unit="day")})
    state = CorpusState(documents=dated, claims=[*claims, days], conflicts=toolkit.judge(dated, claims), errors=errors)
    columns = dict(zip(_STATE_COLUMNS, encode_state(state, stored_groups(toolkit.rules, state.claims))))
    back = decode_state(*(columns[c] for c in ("documents", "claims", "value_types", "errors", "conflicts")),
                        texts={d.id: d.text for d in docs})
    assert back == state and back.conflicts
    assert [type(c.value) for c in back.claims] == [type(c.value) for c in state.claims]
    assert [d.text for d in back.documents] == [d.text for d in dated]


def test_a_corpus_checked_again_unchanged_is_read_back_and_reports_the_same(tmp_path: Path,
                                                                              no_analysis: list[str]) -> None:
    plain = run_check(CLUSTERS, RULES_DIR).model_dump_json()
    assert run_check(CLUSTERS, RULES_DIR, cache_dir=tmp_path).model_dump_json() == plain
    no_analysis.clear()
    assert run_check(CLUSTERS, RULES_DIR, cache_dir=tmp_path).model_dump_json() == plain
    assert no_analysis == []


def test_an_added_or_edited_article_misses_the_state_and_reports_as_without_the_cache(
        tmp_path: Path, no_analysis: list[str]) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    cache = tmp_path / "cache"
    run_check([corpus], RULES_DIR, cache_dir=cache)
    edited = sorted(corpus.glob("*.txt"))[0]
    for change in (lambda: (corpus / "zz_added.txt").write_text(ADDED, encoding="utf-8"),
                   lambda: edited.write_text(edited.read_text(encoding="utf-8") + "\nThe bridge cost US$15 million.\n",
                                             encoding="utf-8"),
                   lambda: edited.rename(corpus / "renamed.txt")):
        change()
        no_analysis.clear()
        cached = run_check([corpus], RULES_DIR, cache_dir=cache).model_dump_json()
        assert no_analysis == ["analyse", "judge"]
        assert cached == run_check([corpus], RULES_DIR).model_dump_json()


def test_a_rule_data_or_code_change_gives_another_corpus_version(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    package = tmp_path / "checker"
    shutil.copytree(REPO / "checker", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    seen = {corpus_version(rules)}
    assert corpus_version(RULES_DIR) in seen
    for changed in (sorted(p for p in rules.glob("*/*.yaml") if p.parent.name != "data")[0],
                    sorted((rules / "data").glob("*.yaml"))[0],
                    package / "engine" / "checks.py", package / "resolve.py", package / "stories.py"):
        changed.write_text(changed.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        seen.add(corpus_version(rules))
    assert len(seen) == 6


def test_a_review_reads_the_corpus_as_its_check_left_it(tmp_path: Path, no_analysis: list[str]) -> None:
    draft = sorted(SEEDS_DIR.glob("*.txt"))[0].read_text(encoding="utf-8") + "\nIt cost VND 1 billion.\n"
    expected = Reviewer.load([SEEDS_DIR, *CLUSTERS], RULES_DIR).review(draft).report
    run_check([SEEDS_DIR, *CLUSTERS], RULES_DIR, cache_dir=tmp_path)
    no_analysis.clear()
    reviewer = Reviewer.load([SEEDS_DIR, *CLUSTERS], RULES_DIR, cache_dir=tmp_path)
    assert no_analysis == []  # neither analysed nor resolved again
    assert reviewer.review(draft).report == expected
    assert no_analysis == ["analyse"]  # the draft alone


def test_a_stored_corpus_reviews_every_draft_as_the_corpus_in_memory(tmp_path: Path) -> None:
    corpus = [SEEDS_DIR, *CLUSTERS]
    run_check(corpus, RULES_DIR, cache_dir=tmp_path)
    stored = Reviewer.load(corpus, RULES_DIR, cache_dir=tmp_path)
    in_memory = Reviewer.load(corpus, RULES_DIR)
    assert stored.documents == in_memory.documents and stored.claims == in_memory.claims
    found = 0
    for doc in read_corpus(corpus).documents[::4]:
        for draft_id in ("draft", doc.id):  # a new article, and a new version replacing its corpus article
            result = stored.review(doc.text, draft_id)
            assert result.report == in_memory.review(doc.text, draft_id).report, (doc.id, draft_id)
            found += len(result.report.conflicts)
    assert found > 0


def test_group_keys_are_stored_by_a_repr_that_tells_them_apart_exactly() -> None:
    toolkit = Toolkit.load(RULES_DIR)
    _, claims, _ = toolkit.analyse(read_corpus([SEEDS_DIR, *CLUSTERS]).documents)
    for rule in toolkit.rules:
        keys = {k for k in (group_key(rule, c) for c in select(rule, claims)) if k is not None}
        assert len({repr(k) for k in keys}) == len(keys), rule.id
    groups = stored_groups(toolkit.rules, claims)
    assert sum(len(p) for g in groups.values() for p in g.values()) > len(claims)  # most claims join several rules


def test_only_the_last_few_corpus_states_are_kept(tmp_path: Path) -> None:
    cache = ClaimsCache(tmp_path, "v1", "c1")
    empty = CorpusState(documents=[], claims=[], conflicts=[], errors=[])
    keys = [cache.state_key([f"article {i}"]) for i in range(cache_module.STATES_KEPT + 2)]
    for key in keys:
        cache.put_state(key, empty, {})
    kept = [k for k in keys if cache.get_state(k, []) is not None]
    assert kept == keys[-cache_module.STATES_KEPT:] and not cache.problems
    with sqlite3.connect(tmp_path / "claims.sqlite3") as db:
        assert db.execute(f"SELECT count(*) FROM {cache_module.STATE_TABLE}").fetchone() == (cache_module.STATES_KEPT,)


def test_reports_after_an_article_is_added_are_byte_identical_with_and_without_the_cache(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)

    def check(name: str, *options: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "checker", "check", str(corpus), "--reports-dir",
                               str(tmp_path / name), "--quiet", *options], cwd=REPO, capture_output=True, text=True,
                              timeout=300)

    cache = str(tmp_path / "cache")
    check("first", "--cache", cache)
    (corpus / "zz_added.txt").write_text(ADDED, encoding="utf-8")
    runs = [check("plain", "--no-cache"), check("cold", "--cache", cache), check("warm", "--cache", cache)]
    assert [r.returncode for r in runs] == [1, 1, 1], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert "zz_added" in (tmp_path / "plain" / "report.json").read_text(encoding="utf-8")
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "cold" / name).read_bytes() \
            == (tmp_path / "warm" / name).read_bytes(), name


def test_rules_judged_from_stored_groups_hit_as_grouping_again() -> None:
    """A check groups the claims once, judges those groups and stores them: the hits are the
    ones `run_rules` finds by grouping, on the corpus and on random parts of it in any order."""
    toolkit = Toolkit.load(RULES_DIR)
    dated, claims, _ = toolkit.analyse(read_corpus([SEEDS_DIR, *CLUSTERS]).documents)
    ctx = toolkit.context({d.id: d.published_range for d in dated},
                          {c.document: c for c in claims if c.attribute == "published"})
    rng = random.Random(12)
    for part in [claims] + [rng.sample(claims, rng.randrange(len(claims) + 1)) for _ in range(8)]:
        expected = run_rules(toolkit.rules, part, ctx)
        assert expected or part is not claims
        assert run_rules(toolkit.rules, part, ctx, stored_groups(toolkit.rules, part)) == expected
