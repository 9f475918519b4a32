"""The whole check as one readable sequence of stages:
documents -> segments -> dating -> analysis -> extraction -> stories -> resolution -> rules -> findings -> Report.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

from checker.aliases import AliasTable
from checker.cache import DATABASE, Article, CacheError, ClaimsCache, CorpusState, article_key, corpus_version, \
    extraction_version, parsed_entry, parsed_key
from checker.analyse import FigureLinks, analyse, place_name_starts
from checker.dating import date_document, today_days
from checker.documents import Corpus, Walk, parse_document, read_corpus, year_datelines
from checker.engine import RuleHit, StoredGroups, run_rules, stored_groups
from checker.engine.checks import CheckContext
from checker.engine.loader import Rule, load_ruleset
from checker.extract import build_extractors, extract_document
from checker.extract.clock import StateClock
from checker.extract.mentions import read_values
from checker.extract.reporting import ReportingPeriods
from checker.findings import build_conflicts
from checker.lexicon import Lexicon
from checker.models import Claim, Conflict, DateRange, Document, InputError, Report, ValueMention
from checker.periods import PeriodLinker
from checker.resolve import Resolver
from checker.ruleset import RuleSet
from checker.stories import group_stories, story_words
from checker.segment import segment, titled
from checker.text import compile_spellings
from checker.yamlio import ConfigError

Progress = Callable[[int, int], None]  # (document number being analysed, total): callers draw progress; the pipeline never prints


class EngineError(Exception):
    """An engine that cannot run (a cluster that cannot be reached, a worker lost); the
    message is one line for the user."""


class Engine(Protocol):
    """Where the two costly steps run: the per-article stages (a map over documents) and the
    rules (a group-by on each rule's comparison keys). Everything between them (stories,
    resolution) reads the whole corpus and runs here. Every engine returns the same results
    in the same order, so the reports do not depend on it. An engine that cannot go on
    raises EngineError."""

    def articles(self, extraction: "Extraction", documents: list[Document],
                 rules: RuleSet) -> Iterator[Article | InputError]:
        """Each document's per-article result, in the documents' order."""
        ...

    def judge(self, rules: list[Rule], claims: list[Claim], ctx: CheckContext,
              groups: StoredGroups | None = None) -> list[RuleHit]:
        """The hits of every rule, in `run_rules`' order; `groups` are the rules' groups of
        `claims` when the caller has made them (`stored_groups`), for an engine that can use them."""
        ...


@dataclass(frozen=True)
class LocalEngine:
    """This machine: the per-article stages on `jobs` processes, the rules in this process."""

    jobs: int = 1

    def articles(self, extraction: "Extraction", documents: list[Document],
                 rules: RuleSet) -> Iterator[Article | InputError]:
        return _run(extraction, documents, self.jobs, rules)

    def judge(self, rules: list[Rule], claims: list[Claim], ctx: CheckContext,
              groups: StoredGroups | None = None) -> list[RuleHit]:
        return run_rules(rules, claims, ctx, groups)


@contextmanager
def paused_collection() -> Iterator[None]:
    """Python's cycle collector paused while a check, an analysis or a review's loading builds a
    corpus's worth of objects that live on (documents and claims read back, resolved, grouped,
    stored): each collection would scan every object made so far again, over a third of a check
    after one article is added at 10,000 articles. These steps leave next to no cycles (300
    articles analysed leave none), and the next collection after the pause finds any. Only the
    outermost pause resumes it."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


@dataclass
class Toolkit:
    """Everything loaded once per run: data tables, rules, extractors."""

    lexicon: Lexicon
    rules: list[Rule]
    errors: list[InputError]
    ruleset: RuleSet

    @classmethod
    def load(cls, rules: RuleSet | Path) -> "Toolkit":
        """The tables and rules of `rules`: the shipped ones with newsroom folders over them, or
        one folder standing alone."""
        ruleset = RuleSet.of(rules)
        lexicon = Lexicon.for_rules(ruleset)
        errors: list[InputError] = []
        try:
            lexicon.load_all()
        except ConfigError as exc:
            return cls(lexicon, [], [_config_error(exc)], ruleset)
        loaded, rule_errors = load_ruleset(ruleset)
        errors.extend(_config_error(e) for e in rule_errors)
        return cls(lexicon, loaded, errors, ruleset)

    @property
    def clause_words(self) -> frozenset[str]:
        return frozenset(self.lexicon.nouns.clause_conjunctions)

    @cached_property
    def name_starts(self) -> frozenset[tuple[str, str]]:
        return place_name_starts(self.lexicon)

    @cached_property
    def figure_links(self) -> FigureLinks:
        return FigureLinks.of(self.lexicon)

    def open_cache(self, folder: Path) -> ClaimsCache:
        """The claims cache in `folder` for this toolkit's data tables (raises CacheError)."""
        return ClaimsCache(folder, extraction_version(self.ruleset), corpus_version(self.ruleset))

    @paused_collection()
    def read(self, paths: list[Path], walk: Walk | None = None,
             cache_dir: Path | None = None) -> tuple[Corpus, ClaimsCache | None, list[InputError]]:
        """The corpus as read, the claims cache in `cache_dir` (None when not asked for, not
        usable, or no article was found: a run that reads nothing leaves no cache folder
        behind) and why a cache asked for is not used. A file the cache holds as parsed is read
        back rather than parsed again; the files parsed are stored for the next run."""
        cache, problems = (self._open(cache_dir) if cache_dir is not None and (cache_dir / DATABASE).is_file()
                           else (None, []))
        version = extraction_version(self.ruleset) if cache_dir is not None else ""
        fresh: dict[str, str] = {}

        def parse(doc_id: str, path: str, text: str, warnings: list[InputError]) -> Document | InputError:
            key = parsed_key(version, doc_id, path, text) if cache_dir is not None else ""
            stored = cache.get_parsed(key, text, warnings) if cache is not None else None
            if stored is not None:
                return stored
            own: list[InputError] = []
            doc = parse_document(doc_id, path, text, own)
            warnings.extend(own)
            if cache_dir is not None:
                fresh[key] = parsed_entry(doc, own)
            return doc

        corpus = read_corpus(paths, walk, parse)
        if cache is None and cache_dir is not None and corpus.documents and not problems:
            cache, problems = self._open(cache_dir)
        if cache is not None and not corpus.documents:  # every file refused: nothing to analyse
            cache.close()
            cache = None
        if cache is not None:
            cache.put_parsed(fresh)
        return corpus, cache, problems

    def _open(self, folder: Path) -> tuple[ClaimsCache | None, list[InputError]]:
        try:
            return self.open_cache(folder), []
        except CacheError as exc:
            return None, [InputError(path=str(folder), message=str(exc))]

    def state_key(self, documents: list[Document], cache: ClaimsCache | None) -> str | None:
        """The key of this corpus's state in the cache: every article, the rules, the data and
        the code are in it, so a state stored under it is what analysing and judging the corpus
        again would give."""
        return cache.state_key([article_key(d) for d in documents]) if cache is not None and documents else None

    @paused_collection()
    def analyse(self, documents: list[Document], progress: Progress | None = None,
                cache: ClaimsCache | None = None, jobs: int = 1,
                engine: Engine | None = None) -> tuple[list[Document], list[Claim], list[InputError]]:
        """Dated documents and their resolved claims; a document that breaks an extractor is reported, not fatal.

        The per-article stages run only for articles the cache does not hold, on the engine
        (by default this machine with `jobs` processes); the corpus-level steps (stories,
        resolution) always run here over every article, in the corpus's order, so the result
        is the same with or without cache, jobs or cluster."""
        engine = engine or LocalEngine(jobs)
        extraction = self.extraction
        # a dateline's year from its folder: before any article's stages
        documents, own_years = today_days(documents, self.lexicon)
        documents = year_datelines(documents, own_years)
        keys = [article_key(d) for d in documents] if cache is not None else []
        found = cache.get_many(dict(zip(keys, documents))) if cache is not None else {}
        results: list[Article | InputError | None] = [found.get(k) for k in keys] or [None] * len(documents)
        todo = [i for i, r in enumerate(results) if r is None]
        if progress and found:
            progress(len(documents) - len(todo), len(documents))
        fresh: dict[str, Article] = {}
        for done, (i, result) in enumerate(zip(todo, engine.articles(extraction, [documents[i] for i in todo],
                                                                     self.ruleset)), 1):
            if progress:
                progress(len(documents) - len(todo) + done, len(documents))
            results[i] = result
            if cache is not None and isinstance(result, Article):
                fresh[keys[i]] = result
                if len(fresh) >= CACHE_BATCH:  # a killed run keeps what it wrote before
                    cache.put_many(fresh)
                    fresh = {}
        if cache is not None and fresh:
            cache.put_many(fresh)
        articles = [r for r in results if isinstance(r, Article)]
        errors = [r for r in results if isinstance(r, InputError)]
        dated = [a.document for a in articles]
        claims = [c for a in articles for c in a.claims]
        entities = {a.document.id: a.entities for a in articles}
        words = {a.document.id: a.words for a in articles}
        stories = group_stories(words, {d.id: d.published_range for d in dated})
        resolved = extraction.resolver.resolve(claims, entities, stories)
        return dated, self.period_linker.link(resolved, stories), errors

    @cached_property
    def period_linker(self) -> PeriodLinker:
        return PeriodLinker(self.rules, self.lexicon.calendar.period_report_days,
                            ReportingPeriods.of(self.lexicon).names_occasion)

    @cached_property
    def extraction(self) -> "Extraction":
        """The per-article stages, compiled once for every analysis of this toolkit: a server
        reviewing draft after draft does not compile the extractors and aliases each time."""
        return Extraction(self.lexicon)

    def values(self, doc: Document) -> list[ValueMention]:
        """The value layer alone on one article: every value read, before claims and links."""
        segments = segment(doc, self.lexicon)
        doc = date_document(doc, segments, self.lexicon)
        analysis = analyse(doc.text, segments, self.clause_words, self.name_starts, self.figure_links)
        return read_values(doc, segments, self._value_extractors, StateClock(self.lexicon), analysis)

    @cached_property
    def _value_extractors(self) -> list:
        return build_extractors(self.lexicon, AliasTable(self.lexicon))

    @paused_collection()
    def check(self, documents: list[Document], progress: Progress | None = None, cache: ClaimsCache | None = None,
              jobs: int = 1, engine: Engine | None = None) -> tuple[list[Document], list[Claim], list, list[InputError]]:
        """Analyse and judge the corpus on the engine (by default this machine, `jobs`
        processes); a corpus the cache holds a state for is read back instead, and a new state
        is stored for the next run."""
        key = self.state_key(documents, cache)
        state = cache.get_state(key, documents) if key is not None and cache is not None else None
        if state is not None:
            if progress:
                progress(len(documents), len(documents))
        else:
            engine = engine or LocalEngine(jobs)
            dated, claims, errors = self.analyse(documents, progress, cache, engine=engine)
            groups = stored_groups(self.rules, claims)  # made once: judged, then stored
            state = CorpusState(documents=dated, claims=claims, conflicts=self.judge(dated, claims, engine, groups),
                                errors=errors)
            if key is not None and cache is not None:
                cache.put_state(key, state, groups)
        return state.documents, state.claims, state.conflicts, state.errors

    def judge(self, dated: list[Document], claims: list[Claim], engine: Engine | None = None,
              groups: StoredGroups | None = None) -> list[Conflict]:
        """The rules over documents already analysed, so a review re-runs them without re-reading
        the corpus; `groups` are the rules' groups of `claims` (`stored_groups`) when made already."""
        ctx = self.context({d.id: d.published_range for d in dated},
                           {c.document: c for c in claims if c.attribute == "published"})
        return build_conflicts((engine or LocalEngine()).judge(self.rules, claims, ctx, groups))

    def context(self, published: dict[str, DateRange], publication_claims: Mapping[str, Claim]) -> CheckContext:
        """What the checks read besides a group: each article's date and dateline claim, and the office tables."""
        return CheckContext(
            published=published,
            exclusive=self.lexicon.offices.exclusive,
            single_seat=frozenset(k for k, t in self.lexicon.offices.titles.items() if t.seats == "single"),
            publication_claims=publication_claims,
            spellings=compile_spellings(self.lexicon.names.spelling_variants),
            spans=self.lexicon.spans.spans,
        )


class Extraction:
    """The per-article stages with their tables compiled once: an article in, what the
    corpus-level steps need from it out (or the error that stopped it)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.clause_words = frozenset(lexicon.nouns.clause_conjunctions)
        self.name_starts = place_name_starts(lexicon)
        self.figure_links = FigureLinks.of(lexicon)
        aliases = AliasTable(lexicon)  # compiled once: its patterns cover every alias and place
        self.extractors = build_extractors(lexicon, aliases)
        self.clock = StateClock(lexicon)
        self.resolver = Resolver(lexicon, aliases)

    def article(self, doc: Document) -> Article | InputError:
        try:
            segments = segment(doc, self.lexicon)
            doc = titled(date_document(doc, segments, self.lexicon), segments)
            analysis = analyse(doc.text, segments, self.clause_words, self.name_starts, self.figure_links)
            found = extract_document(doc, segments, self.extractors, self.clock, analysis)
            return Article(document=doc, claims=found, entities=self.resolver.entities(doc.text, segments, analysis),
                           words=story_words(analysis))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the corpus
            return InputError(path=doc.path, message=f"could not be analysed: {type(exc).__name__}: {exc}")


CACHE_BATCH = 200  # articles per cache transaction
_WORKER: tuple[RuleSet, Extraction] | None = None  # a worker process's own extraction


def _run(extraction: Extraction, documents: list[Document], jobs: int,
         ruleset: RuleSet) -> Iterator[Article | InputError]:
    """The per-article stages over `documents`, in their order, on `jobs` processes. Workers
    are forked with the tables already compiled where the system can fork."""
    if jobs <= 1 or len(documents) < 2:
        yield from (extraction.article(d) for d in documents)
        return
    global _WORKER
    _WORKER = (ruleset, extraction)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    workers = min(jobs, len(documents))
    chunk = max(1, min(16, len(documents) // (workers * 4)))
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                 initargs=(ruleset,)) as pool:
            yield from pool.map(_worker_article, documents, chunksize=chunk)
    finally:
        _WORKER = None


def _start_worker(ruleset: RuleSet) -> None:
    """A worker that was not forked from the run loads the same layered tables itself."""
    global _WORKER
    if _WORKER is None or _WORKER[0] != ruleset:
        lexicon = Lexicon.for_rules(ruleset)
        lexicon.load_all()
        _WORKER = (ruleset, Extraction(lexicon))


def _worker_article(doc: Document) -> Article | InputError:
    assert _WORKER is not None, "worker started without _start_worker"
    return _WORKER[1].article(doc)


def default_jobs() -> int:
    """One process per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_check(paths: list[Path], rules: RuleSet | Path, progress: Progress | None = None, walk: Walk | None = None,
              cache_dir: Path | None = None, jobs: int = 1, engine: Engine | None = None) -> Report:
    """The whole check; with `cache_dir`, articles already analysed are read from the claims
    cache there, and new ones stored (a cache that cannot be used is a warning, not an error).
    `engine` runs the per-article stages and the rules (default: this machine, `jobs` processes)."""
    toolkit = Toolkit.load(rules)
    if not toolkit.rules:  # a broken data file or no usable rule: nothing can be checked
        return Report(documents=[], claims=[], conflicts=[], errors=toolkit.errors)
    corpus, cache, unused = toolkit.read(paths, walk, cache_dir)
    errors = list(toolkit.errors) + corpus.errors
    warnings = list(corpus.warnings) + unused
    if not corpus.documents and not corpus.errors:
        errors.append(InputError(path=", ".join(str(p) for p in paths), message="no .txt or .md articles found"))
    try:
        docs, claims, conflicts, analysis_errors = toolkit.check(corpus.documents, progress, cache, jobs, engine)
    finally:
        if cache is not None:
            warnings.extend(InputError(path=str(cache.path), message=m) for m in cache.problems)
            cache.close()
    return Report(documents=docs, claims=claims, conflicts=conflicts, errors=errors + analysis_errors,
                  rules=[rule_meta(r) for r in toolkit.rules], warnings=warnings)


def rule_meta(rule: Rule) -> dict:
    """What reports show of a rule: enough for an editor to see why it fired."""
    return {"id": rule.id, "title": rule.title, "severity": rule.severity, "rationale": rule.rationale.strip(),
            "extends": rule.extends}


def _config_error(exc: ConfigError) -> InputError:
    return InputError(path=exc.path, line=exc.line, message=exc.message)
