"""The claims cache: the same reports with and without it, exactly the right entries
invalidated, and a database that survives a killed run and two runs at once."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import checker.cache as cache_module
from checker.cache import CacheError, ClaimsCache, article_key, decode, encode, extraction_version
from checker.documents import read_corpus
from checker.pipeline import Extraction, run_check

from conftest import REPO, RULES_DIR, SAMPLE_CLUSTERS, SEEDS_DIR, load_toolkit

CLUSTERS = SAMPLE_CLUSTERS[:6]


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def reports(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("report.json", "report.md", "report.html")}


def test_reports_are_byte_identical_with_and_without_the_cache(tmp_path: Path) -> None:
    plain = cli("check", "seeds/", "--reports-dir", str(tmp_path / "plain"), "--no-cache")
    cold = cli("check", "seeds/", "--reports-dir", str(tmp_path / "cached"))
    assert (tmp_path / "cached" / ".cache" / "claims.sqlite3").is_file()  # the default place
    warm = cli("check", "seeds/", "--reports-dir", str(tmp_path / "cached"))
    assert not (tmp_path / "plain" / ".cache").exists()
    assert plain.returncode == cold.returncode == warm.returncode == 1, plain.stderr + cold.stderr + warm.stderr
    assert plain.stdout == cold.stdout == warm.stdout
    assert plain.stderr == cold.stderr == warm.stderr == ""
    assert reports(tmp_path / "plain") == reports(tmp_path / "cached")


def test_a_warm_cache_gives_the_same_report_on_a_corpus_folder(tmp_path: Path) -> None:
    plain = run_check(CLUSTERS, RULES_DIR)
    run_check(CLUSTERS, RULES_DIR, cache_dir=tmp_path)
    assert run_check(CLUSTERS, RULES_DIR, cache_dir=tmp_path).model_dump_json() == plain.model_dump_json()


def test_an_entry_reads_back_equal_to_what_was_stored() -> None:
    extraction = Extraction(load_toolkit().lexicon)
    for doc in read_corpus([SEEDS_DIR, *CLUSTERS]).documents:
        article = extraction.article(doc)
        back = decode(encode(article), doc.text)
        assert back == article, doc.id
        assert [type(c.value) for c in back.claims] == [type(c.value) for c in article.claims]
        assert list(back.entities.weights) == list(article.entities.weights)  # orders kept, ties stay broken alike


def _analyse(folder: Path, cache_dir: Path, rules_dir: Path = RULES_DIR) -> ClaimsCache:
    from checker.pipeline import Toolkit
    toolkit = Toolkit.load(rules_dir)
    cache = toolkit.open_cache(cache_dir)
    toolkit.analyse(read_corpus([folder]).documents, cache=cache)
    cache.close()
    return cache


def test_only_an_edited_article_is_analysed_again(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    first = _analyse(corpus, tmp_path / "cache")
    assert (first.hits, first.misses) == (0, 5)
    again = _analyse(corpus, tmp_path / "cache")
    assert (again.hits, again.misses) == (5, 0)
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe bridge cost VND 9 billion.\n", encoding="utf-8")
    after_edit = _analyse(corpus, tmp_path / "cache")
    assert (after_edit.hits, after_edit.misses) == (4, 1)


def test_a_data_change_invalidates_every_entry_and_a_rule_change_none(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    assert extraction_version(rules) == extraction_version(RULES_DIR)
    _analyse(SEEDS_DIR, tmp_path / "cache", rules)
    rule_file = sorted(p for p in rules.glob("*/*.yaml") if p.parent.name != "data")[0]
    rule_file.write_text(rule_file.read_text(encoding="utf-8") + "\n# reworded\n", encoding="utf-8")
    assert extraction_version(rules) == extraction_version(RULES_DIR)
    assert _analyse(SEEDS_DIR, tmp_path / "cache", rules).misses == 0
    data_file = sorted((rules / "data").glob("*.yaml"))[0]
    data_file.write_text(data_file.read_text(encoding="utf-8") + "\n# reworded\n", encoding="utf-8")
    assert extraction_version(rules) != extraction_version(RULES_DIR)
    assert _analyse(SEEDS_DIR, tmp_path / "cache", rules).hits == 0


def test_extraction_code_is_in_the_version_and_report_code_is_not(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "checker"
    shutil.copytree(REPO / "checker", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    before = extraction_version(RULES_DIR)
    (package / "report" / "text.py").write_text("# another layout\n", encoding="utf-8")
    (package / "engine" / "checks.py").write_text("# another comparison\n", encoding="utf-8")
    assert extraction_version(RULES_DIR) == before
    (package / "extract" / "dates.py").write_text("# another extractor\n", encoding="utf-8")
    assert extraction_version(RULES_DIR) != before


def _killed_while_writing(folder: Path, keys_and_articles: dict) -> None:
    """In a forked child: store entries and die (as by SIGKILL) after the second row is sent."""
    cache = ClaimsCache(folder, "v1")
    written = []

    def dying_encode(article):
        written.append(article)
        if len(written) == 3:
            os._exit(9)
        return encode(article)

    cache_module.encode = dying_encode
    cache.put_many(keys_and_articles)
    os._exit(0)


def test_a_run_killed_while_writing_leaves_whole_entries_or_none(tmp_path: Path) -> None:
    extraction = Extraction(load_toolkit().lexicon)
    docs = read_corpus([SEEDS_DIR]).documents
    entries = {article_key(d): extraction.article(d) for d in docs}
    first = dict(list(entries.items())[:1])
    cache = ClaimsCache(tmp_path, "v1")
    cache.put_many(first)
    child = multiprocessing.get_context("fork").Process(target=_killed_while_writing, args=(tmp_path, entries))
    child.start()
    child.join(60)
    assert child.exitcode == 9  # it died inside the transaction
    again = ClaimsCache(tmp_path, "v1")
    found = again.get_many({article_key(d): d for d in docs})
    assert list(found) == list(first) and not again.problems  # the killed batch left nothing, the earlier entry is whole
    again.put_many(entries)
    assert len(again.get_many({article_key(d): d for d in docs})) == len(docs)


def test_two_runs_at_once_share_one_cache(tmp_path: Path) -> None:
    shared = tmp_path / "cache"
    runs = [subprocess.Popen([sys.executable, "-m", "checker", "check", "seeds/", "--reports-dir",
                              str(tmp_path / f"r{i}"), "--cache", str(shared), "--jobs", "1"],
                             cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
    outs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [1, 1], [o[1] for o in outs]
    assert outs[0] == outs[1] and outs[0][1] == ""  # no cache warning: neither run was locked out
    assert reports(tmp_path / "r0") == reports(tmp_path / "r1")
    with sqlite3.connect(shared / "claims.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (5,)


def test_an_unusable_cache_is_a_warning_and_the_check_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = cli("check", "seeds/", "--reports-dir", str(tmp_path / "r"), "--cache", str(blocker))
    assert result.returncode == 1  # the conflicts, not an input error
    assert "warning:" in result.stderr and "cache not used" in result.stderr
    assert "date.event-dates" in result.stdout


def test_a_database_another_run_is_creating_is_opened_on_a_later_try(tmp_path: Path, monkeypatch) -> None:
    """Two runs creating one cache at the same moment: the WAL switch of one may report the
    database locked at once; the other run's switch is over in moments, so the cache is used."""
    opened = ClaimsCache._open
    failures = iter([sqlite3.OperationalError("database is locked")] * 2)
    monkeypatch.setattr(cache_module, "_OPEN_PAUSE", 0)

    def locked_twice(self: ClaimsCache) -> sqlite3.Connection:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return opened(self)

    monkeypatch.setattr(ClaimsCache, "_open", locked_twice)
    cache = ClaimsCache(tmp_path, "v1")
    cache.put_parsed({"k": "{}"})
    assert not cache.problems and next(failures, None) is None


def test_a_database_that_stays_locked_or_is_broken_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(cache_module, "_OPEN_PAUSE", 0)

    def locked(self: ClaimsCache) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(ClaimsCache, "_open", locked)
    with pytest.raises(CacheError, match="cache not used: database is locked"):
        ClaimsCache(tmp_path, "v1")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "claims.sqlite3").write_bytes(b"not a database" * 100)
    monkeypatch.undo()
    with pytest.raises(CacheError, match="cache not used"):
        ClaimsCache(tmp_path / "broken", "v1")
