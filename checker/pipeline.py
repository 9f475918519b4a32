"""The whole check as one readable sequence of stages:
documents -> segments -> dating -> analysis -> extraction -> stories -> resolution -> rules -> findings -> Report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from checker.aliases import AliasTable
from checker.analyse import analyse
from checker.dating import date_document
from checker.documents import Walk, read_corpus
from checker.engine import run_rules
from checker.engine.checks import CheckContext
from checker.engine.loader import Rule, load_rules
from checker.extract import build_extractors, extract_document
from checker.extract.clock import StateClock
from checker.extract.mentions import read_values
from checker.findings import build_conflicts
from checker.lexicon import Lexicon
from checker.models import Claim, Conflict, Document, InputError, Report, ValueMention
from checker.resolve import Resolver
from checker.stories import group_stories, story_words
from checker.segment import segment, titled
from checker.text import compile_spellings
from checker.yamlio import ConfigError

Progress = Callable[[int, int], None]  # (document number being analysed, total): callers draw progress; the pipeline never prints


@dataclass
class Toolkit:
    """Everything loaded once per run: data tables, rules, extractors."""

    lexicon: Lexicon
    rules: list[Rule]
    errors: list[InputError]

    @classmethod
    def load(cls, rules_dir: Path) -> "Toolkit":
        lexicon = Lexicon(rules_dir / "data")
        errors: list[InputError] = []
        try:
            lexicon.load_all()
        except ConfigError as exc:
            return cls(lexicon, [], [_config_error(exc)])
        rules, rule_errors = load_rules(rules_dir)
        errors.extend(_config_error(e) for e in rule_errors)
        return cls(lexicon, rules, errors)

    @property
    def clause_words(self) -> frozenset[str]:
        return frozenset(self.lexicon.nouns.clause_conjunctions)

    def analyse(self, documents: list[Document],
                progress: Progress | None = None) -> tuple[list[Document], list[Claim], list[InputError]]:
        """Dated documents and their resolved claims; a document that breaks an extractor is reported, not fatal."""
        aliases = AliasTable(self.lexicon)  # compiled once: its patterns cover every alias and place
        extractors = build_extractors(self.lexicon, aliases)
        clock = StateClock(self.lexicon)
        resolver = Resolver(self.lexicon, aliases)
        entities = {}
        words = {}
        dated: list[Document] = []
        claims: list[Claim] = []
        errors: list[InputError] = []
        for number, doc in enumerate(documents, 1):
            if progress:
                progress(number, len(documents))
            try:
                segments = segment(doc, self.lexicon)
                doc = titled(date_document(doc, segments, self.lexicon), segments)
                analysis = analyse(doc.text, segments, self.clause_words)
                found = extract_document(doc, segments, extractors, clock, analysis)
                entities[doc.id] = resolver.entities(doc.text, segments)
                words[doc.id] = story_words(analysis)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the corpus
                errors.append(InputError(path=doc.path, message=f"could not be analysed: {type(exc).__name__}: {exc}"))
                continue
            dated.append(doc)
            claims.extend(found)
        return dated, resolver.resolve(claims, entities, group_stories(words, {d.id: d.published_range for d in dated})), errors

    def values(self, doc: Document) -> list[ValueMention]:
        """The value layer alone on one article: every value read, before claims and links."""
        segments = segment(doc, self.lexicon)
        doc = date_document(doc, segments, self.lexicon)
        analysis = analyse(doc.text, segments, self.clause_words)
        return read_values(doc, segments, self._value_extractors, StateClock(self.lexicon), analysis)

    @cached_property
    def _value_extractors(self) -> list:
        return build_extractors(self.lexicon, AliasTable(self.lexicon))

    def check(self, documents: list[Document],
              progress: Progress | None = None) -> tuple[list[Document], list[Claim], list, list[InputError]]:
        dated, claims, errors = self.analyse(documents, progress)
        return dated, claims, self.judge(dated, claims), errors

    def judge(self, dated: list[Document], claims: list[Claim]) -> list[Conflict]:
        """The rules over documents already analysed, so a review re-runs them without re-reading the corpus."""
        ctx = CheckContext(
            published={d.id: d.published_range for d in dated},
            exclusive=self.lexicon.offices.exclusive,
            single_seat=frozenset(k for k, t in self.lexicon.offices.titles.items() if t.seats == "single"),
            publication_claims={c.document: c for c in claims if c.attribute == "published"},
            spellings=compile_spellings(self.lexicon.names.spelling_variants),
        )
        return build_conflicts(run_rules(self.rules, claims, ctx))


def run_check(paths: list[Path], rules_dir: Path, progress: Progress | None = None, walk: Walk | None = None) -> Report:
    toolkit = Toolkit.load(rules_dir)
    if not toolkit.rules:  # a broken data file or no usable rule: nothing can be checked
        return Report(documents=[], claims=[], conflicts=[], errors=toolkit.errors)
    corpus = read_corpus(paths, walk)
    errors = list(toolkit.errors) + corpus.errors
    if not corpus.documents and not corpus.errors:
        errors.append(InputError(path=", ".join(str(p) for p in paths), message="no .txt or .md articles found"))
    docs, claims, conflicts, analysis_errors = toolkit.check(corpus.documents, progress)
    return Report(documents=docs, claims=claims, conflicts=conflicts, errors=errors + analysis_errors,
                  rules=[rule_meta(r) for r in toolkit.rules], warnings=corpus.warnings)


def rule_meta(rule: Rule) -> dict:
    """What reports show of a rule: enough for an editor to see why it fired."""
    return {"id": rule.id, "title": rule.title, "severity": rule.severity, "rationale": rule.rationale.strip(),
            "extends": rule.extends}


def _config_error(exc: ConfigError) -> InputError:
    return InputError(path=exc.path, line=exc.line, message=exc.message)
