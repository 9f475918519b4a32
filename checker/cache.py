"""The claims cache: what the per-article stages found, kept in an embedded SQLite database.

Segmentation, dating, analysis and extraction read one article at a time and nothing else,
so their result for an article depends only on the article as read (its id, path, text and
front matter), on the code of those stages and on the data tables in `rules/data/`. The
cache keeps, for each article, what the corpus-level steps need from it: the dated
document, its claims before resolution, its named entities and its story words. Stories,
resolution and the rules always run over the whole corpus, so a changed rule file needs no
re-extraction and is not part of the key.

An entry is found by the hash of the article as read and the extraction version (the hash
of the extraction code, the data tables and the versions of the libraries they use): an
edited article, a changed data file or a changed extractor each miss, and nothing else
does. Entries are written in transactions (a killed run leaves whole entries or none) and
the database runs in WAL mode with a busy timeout, so two runs may share one cache.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from importlib import metadata
from pathlib import Path

from checker.models import Claim, DateValue, Document, DurationValue, MoneyValue, PercentValue, PeriodValue, \
    QuantityValue, CountValue, RoleValue
from checker.resolve import DocEntities

DATABASE = "claims.sqlite3"
SCHEMA = 1  # the layout of an entry; bumped when `Article` is stored differently
_PACKAGE = Path(__file__).resolve().parent
# Modules that run only after the per-article stages (corpus-level steps, reports, the CLI):
# a change to them leaves every entry valid. Any other module of the package is hashed, so a
# new module invalidates the cache until it is listed here.
_DOWNSTREAM = frozenset({
    "cache.py", "pipeline.py", "review.py", "findings.py", "decide.py", "baseline.py", "reviewed.py",
    "evaluate.py", "docs.py", "changes.py", "progress.py", "config.py", "fingerprint.py", "cli.py",
    "server.py", "__main__.py", "cluster.py", "engine", "report", "commands",
})
# Libraries whose behaviour the per-article stages depend on (the tagger, date parsing, units).
_LIBRARIES = ("textblob", "nltk", "dateparser", "pint", "pydantic", "PyYAML")
_VALUES = {cls.__name__: cls for cls in (PeriodValue, DateValue, MoneyValue, DurationValue, QuantityValue,
                                         CountValue, PercentValue, RoleValue)}


@dataclass(frozen=True)
class Article:
    """One article after the per-article stages: what the corpus-level steps read from it."""

    document: Document  # dated
    claims: list[Claim]  # before resolution
    entities: DocEntities
    words: Counter  # story words


def extraction_version(rules_dir: Path) -> str:
    """The hash of everything an article's entry depends on besides the article itself."""
    digest = hashlib.sha256(f"schema {SCHEMA}\n".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        relative = path.relative_to(_PACKAGE)
        if relative.parts[0] in _DOWNSTREAM:
            continue
        digest.update(f"code {relative.as_posix()}\n".encode())
        digest.update(path.read_bytes())
    data = rules_dir / "data"
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        digest.update(f"data {path.relative_to(data).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"lib {name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"lib {name} none\n".encode())
    return digest.hexdigest()


def article_key(doc: Document) -> str:
    """The hash of the article as read: its text and what the documents stage made of it."""
    digest = hashlib.sha256(doc.model_dump_json().encode())
    digest.update(b"\0")
    digest.update(doc.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class CacheError(Exception):
    """The cache could not be opened; the run goes on without it."""


class ClaimsCache:
    """Entries by (article key, extraction version) in `folder/claims.sqlite3`."""

    def __init__(self, folder: Path, version: str) -> None:
        self.path = folder / DATABASE
        self.version = version
        self.hits = 0
        self.misses = 0
        self.problems: list[str] = []  # reads or writes that failed: the run went on without them
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout = 60000")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS articles (key TEXT NOT NULL, version TEXT NOT NULL, "
                             "entry TEXT NOT NULL, PRIMARY KEY (key, version)) WITHOUT ROWID")
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"{self.path}: cache not used: {exc}") from None

    def close(self) -> None:
        self._db.close()

    def get_many(self, documents: dict[str, Document]) -> dict[str, Article]:
        """The entries found for these articles (by key), each with its article's text back
        (batched, so a large corpus is a few queries)."""
        keys = list(documents)
        found: dict[str, Article] = {}
        try:
            for i in range(0, len(keys), 500):
                batch = keys[i:i + 500]
                marks = ",".join("?" * len(batch))
                rows = self._db.execute(f"SELECT key, entry FROM articles WHERE version = ? AND key IN ({marks})",
                                        [self.version, *batch]).fetchall()
                for key, entry in rows:
                    found[key] = decode(entry, documents[key].text)
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:  # a damaged database or entry
            self.problems.append(f"cache not read: {type(exc).__name__}: {exc}")
            found = {}
        self.hits += len(found)
        self.misses += len(set(keys) - set(found))
        return found

    def put_many(self, entries: dict[str, Article]) -> None:
        """Store entries in one transaction: all of them, or (killed, failed) none. After a
        failed write the run goes on without storing more."""
        if self.problems:
            return
        rows = ((key, self.version, encode(article)) for key, article in entries.items())
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO articles (key, version, entry) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self.problems.append(f"cache not written: {exc}")


# --- entries as JSON (never pickle: a cache folder may come from anywhere) --------------

_ENTITY_FIELDS = {"weights", "by_head", "first_seen", "titled", "located", "in_lead", "headline_heads",
                  "topic", "fallback", "fallback_place", "things", "main_place"}


def encode(article: Article) -> str:
    ents = article.entities
    names = {f.name for f in fields(ents)}
    if names != _ENTITY_FIELDS:  # a new field would be lost silently: say so instead
        raise ValueError(f"DocEntities fields changed: {sorted(names ^ _ENTITY_FIELDS)}; update checker/cache.py")
    return json.dumps({
        "document": article.document.model_dump(mode="json"),
        "claims": [[type(c.value).__name__, c.model_dump(mode="json")] for c in article.claims],
        "entities": {
            "weights": list(ents.weights.items()),
            "by_head": [[head, list(c.items())] for head, c in ents.by_head.items()],
            "first_seen": list(ents.first_seen.items()),
            "titled": sorted(ents.titled),
            "located": [[k, sorted(v)] for k, v in ents.located.items()],
            "in_lead": sorted(ents.in_lead),
            "headline_heads": sorted(ents.headline_heads),
            "topic": ents.topic, "fallback": ents.fallback, "fallback_place": ents.fallback_place,
            "things": list(ents.things.items()),
            "main_place": ents.main_place,
        },
        "words": list(article.words.items()),
    }, ensure_ascii=False, separators=(",", ":"))


def decode(entry: str, text: str) -> Article:
    """An entry back as the objects it was made from (equal to them, orders kept)."""
    data = json.loads(entry)
    e = data["entities"]
    by_head: defaultdict[str, Counter] = defaultdict(Counter)
    for head, pairs in e["by_head"]:
        by_head[head] = Counter(dict(pairs))
    located: defaultdict[str, set[str]] = defaultdict(set)
    for key, keys in e["located"]:
        located[key] = set(keys)
    entities = DocEntities(weights=Counter(dict(e["weights"])), by_head=by_head, first_seen=dict(e["first_seen"]),
                           titled=set(e["titled"]), located=located, in_lead=set(e["in_lead"]),
                           headline_heads=set(e["headline_heads"]), topic=e["topic"], fallback=e["fallback"],
                           fallback_place=e["fallback_place"], things=Counter(dict(e["things"])),
                           main_place=e["main_place"])
    claims = [Claim.model_validate({**c, "value": _VALUES[kind].model_validate(c["value"])})
              for kind, c in data["claims"]]
    document = Document.model_validate({**data["document"], "text": text})
    return Article(document=document, claims=claims, entities=entities, words=Counter(dict(data["words"])))
