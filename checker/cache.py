"""The claims cache: what the per-article stages found, kept in an embedded SQLite database.

Segmentation, dating, analysis and extraction read one article at a time and nothing else,
so their result for an article depends only on the article as read (its id, path, text and
front matter), on the code of those stages and on the data tables in `rules/data/` (with
the data folders of a newsroom's own rules over them). The
cache keeps, for each article, what the corpus-level steps need from it: the dated
document, its claims before resolution, its named entities and its story words. Stories,
resolution and the rules always run over the whole corpus, so a changed rule file needs no
re-extraction and is not part of the key.

An entry is found by the hash of the article as read and the extraction version (the hash
of the extraction code, the data tables and the versions of the libraries they use): an
edited article, a changed data file or a changed extractor each miss, and nothing else
does. Entries are written in transactions (a killed run leaves whole entries or none) and
the database runs in WAL mode with a busy timeout, so two runs may share one cache.

After a whole check the cache also keeps the corpus-level result (`CorpusState`: the dated
documents, the resolved claims, the conflicts), found by the keys of every article in the
corpus's order and the corpus version (the hash of the whole package, the rules directory and
the libraries): a corpus checked again unchanged, or reviewed against, is read back rather than
resolved and judged again, and any change to an article, the rules, the data or the code
misses. Only the last few corpora are kept, as each entry holds a whole corpus's claims.

To find that state, every file must be read and keyed; the cache also keeps what the documents
stage made of each file (its front matter and stated date, dateparser included), by the file's
id, path and text and the extraction version, so a corpus read again is not parsed again.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sqlite3
import sys
import time
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from importlib import metadata
from pathlib import Path

from pydantic import TypeAdapter

from checker.models import Claim, Conflict, DateValue, Document, DurationValue, InputError, MoneyValue, \
    PercentValue, PeriodValue, QuantityValue, CountValue, RoleValue
from checker.resolve import Capitals, DocEntities
from checker.ruleset import RuleSet

DATABASE = "claims.sqlite3"
SCHEMA = 5  # the layout of an entry; bumped when `Article` is stored differently
STATES_KEPT = 3  # corpus states kept: a few corpora (a check, a review's corpus) share one cache
STATE_TABLE = "corpus_states_1"  # numbered by the layout of a state: a new layout starts a new table
READ_TABLE = "read_files_1"  # each file as the documents stage parsed it, by `parsed_key`
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
_LIBRARIES = ("textblob", "nltk", "lemminflect", "dateparser", "pint", "pydantic", "PyYAML")
_VALUES = {cls.__name__: cls for cls in (PeriodValue, DateValue, MoneyValue, DurationValue, QuantityValue,
                                         CountValue, PercentValue, RoleValue)}


@dataclass(frozen=True)
class Article:
    """One article after the per-article stages: what the corpus-level steps read from it."""

    document: Document  # dated
    claims: list[Claim]  # before resolution
    entities: DocEntities
    words: Counter  # story words


def extraction_version(rules: RuleSet | Path) -> str:
    """The hash of everything an article's entry depends on besides the article itself: with
    newsroom folders, their data files too, in the order they apply."""
    digest = hashlib.sha256(f"schema {SCHEMA}\n".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        relative = path.relative_to(_PACKAGE)
        if relative.parts[0] in _DOWNSTREAM:
            continue
        digest.update(f"code {relative.as_posix()}\n".encode())
        digest.update(path.read_bytes())
    ruleset = RuleSet.of(rules)
    for layer, data in enumerate((ruleset.shipped / "data", *ruleset.data_layers)):
        for path in sorted(p for p in data.rglob("*") if p.is_file()):
            digest.update(f"data {layer} {path.relative_to(data).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    _hash_libraries(digest)
    return digest.hexdigest()


def _hash_libraries(digest: "hashlib._Hash") -> None:
    """The versions of the libraries the stages use: another version may read text otherwise."""
    for name in _LIBRARIES:
        try:
            digest.update(f"lib {name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"lib {name} none\n".encode())


@dataclass(frozen=True)
class CorpusState:
    """What the corpus-level steps made of a whole corpus: all a check reports besides the
    reading of its files, and all a review needs of the corpus."""

    documents: list[Document]  # dated, in the corpus's order
    claims: list[Claim]  # resolved
    conflicts: list[Conflict]
    errors: list[InputError]  # articles that could not be analysed


def corpus_version(rules: RuleSet | Path) -> str:
    """The hash of everything a corpus's state depends on besides its articles: every module
    of the package (corpus-level steps included), every file of every rules folder in the
    order they apply (rules and data) and the libraries."""
    digest = hashlib.sha256(f"corpus schema {SCHEMA} python {platform.python_version()}\n".encode())
    ruleset = RuleSet.of(rules)
    roots = [(_PACKAGE, "code")] + [(folder, f"rules {layer}") for layer, folder in
                                    enumerate((ruleset.shipped, *ruleset.newsroom))]
    for root, label in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and (label != "code" or p.suffix == ".py")):
            digest.update(f"{label} {path.relative_to(root).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    _hash_libraries(digest)
    return digest.hexdigest()


def article_key(doc: Document) -> str:
    """The hash of the article as read: its text and what the documents stage made of it."""
    digest = hashlib.sha256(doc.model_dump_json().encode())
    digest.update(b"\0")
    digest.update(doc.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class CacheError(Exception):
    """The cache could not be opened; the run goes on without it."""


_OPEN_ATTEMPTS = 8  # tries at opening a database another run is creating at the same moment
_OPEN_PAUSE = 0.25  # seconds, times the attempt's number, between two tries


class ClaimsCache:
    """Entries by (article key, extraction version) in `folder/claims.sqlite3`, and, given a
    corpus version, whole corpus states by the corpus's article keys."""

    def __init__(self, folder: Path, version: str, corpus_version: str | None = None) -> None:
        self.path = folder / DATABASE
        self.version = version
        self.corpus_version = corpus_version
        self.hits = 0
        self.misses = 0
        self.problems: list[str] = []  # reads or writes that failed: the run went on without them
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(f"{self.path}: cache not used: {exc}") from None
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                self._db = self._open()
                return
            except sqlite3.OperationalError as exc:
                # Two runs creating one new database at once: switching it to WAL can report
                # "database is locked" at once, past the busy timeout; the other run's switch
                # is over in moments, so try again before giving the cache up
                if "locked" not in str(exc) or attempt == _OPEN_ATTEMPTS - 1:
                    raise CacheError(f"{self.path}: cache not used: {exc}") from None
                time.sleep(_OPEN_PAUSE * (attempt + 1))
            except (OSError, sqlite3.Error) as exc:
                raise CacheError(f"{self.path}: cache not used: {exc}") from None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout = 60000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("CREATE TABLE IF NOT EXISTS articles (key TEXT NOT NULL, version TEXT NOT NULL, "
                       "entry TEXT NOT NULL, PRIMARY KEY (key, version)) WITHOUT ROWID")
            db.execute(f"CREATE TABLE IF NOT EXISTS {STATE_TABLE} (id INTEGER PRIMARY KEY, key TEXT NOT NULL "
                       f"UNIQUE, {', '.join(f'{c} BLOB NOT NULL' for c in _STATE_COLUMNS)})")
            db.execute(f"CREATE TABLE IF NOT EXISTS {READ_TABLE} (key TEXT NOT NULL PRIMARY KEY, "
                       f"entry TEXT NOT NULL) WITHOUT ROWID")
        except sqlite3.Error:
            db.close()
            raise
        return db

    def close(self) -> None:
        self._db.close()

    def get_parsed(self, key: str, text: str, warnings: list[InputError]) -> Document | InputError | None:
        """The file of this `parsed_key` as the documents stage parsed it when it was stored, its
        warnings added to `warnings`; None when it was not (or cannot be read)."""
        if self.problems:
            return None
        try:
            row = self._db.execute(f"SELECT entry FROM {READ_TABLE} WHERE key = ?", [key]).fetchone()
            return None if row is None else _parsed(json.loads(row[0]), text, warnings)
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:  # a damaged database or entry
            self.problems.append(f"cache not read: {type(exc).__name__}: {exc}")
            return None

    def put_parsed(self, entries: dict[str, str]) -> None:
        """Store parsed files (`parsed_key` -> `parsed_entry`) in one transaction."""
        if self.problems or not entries:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(f"INSERT OR REPLACE INTO {READ_TABLE} (key, entry) VALUES (?, ?)",
                                     list(entries.items()))
        except sqlite3.Error as exc:
            self.problems.append(f"cache not written: {exc}")

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

    def state_key(self, keys: list[str]) -> str | None:
        """The key of the corpus of these articles (their keys in the corpus's order), or None
        when this cache was opened without a corpus version."""
        if self.corpus_version is None:
            return None
        digest = hashlib.sha256(f"{self.corpus_version}\n".encode())
        for key in keys:
            digest.update(f"{key}\n".encode())
        return digest.hexdigest()

    def get_state(self, key: str, documents: list[Document]) -> CorpusState | None:
        """The state stored for this corpus (its documents as read give back their texts), or None."""
        row = self._state_row(key, ("documents", "claims", "value_types", "errors", "conflicts"))
        if row is None:
            return None
        try:
            return decode_state(*row, texts={d.id: d.text for d in documents})
        except (ValueError, KeyError, TypeError) as exc:  # a damaged entry
            self.problems.append(f"cache not read: {type(exc).__name__}: {exc}")
            return None

    def get_stored(self, key: str, documents: list[Document]) -> tuple[list[Document], "StoredClaims",
                                                                         list[InputError]] | None:
        """What a review needs of this corpus's stored state, or None: its documents, its
        claims read one at a time as groups are asked for, and the errors of its check."""
        row = self._state_row(key, ("documents", "claims", "claim_ends", "value_types", "ids", "groups",
                                    "datelines", "errors"))
        if row is None:
            return None
        try:
            documents_json, claims, ends, types, ids, groups, datelines, errors = row
            texts = {d.id: d.text for d in documents}
            docs = [Document.model_validate({**d, "text": texts[d["id"]]}) for d in json.loads(documents_json)]
            stored = StoredClaims(claims, json.loads(ends), json.loads(types), json.loads(ids), json.loads(groups),
                                  json.loads(datelines))
            return docs, stored, _ERRORS.validate_json(errors)
        except (ValueError, KeyError, TypeError) as exc:  # a damaged entry
            self.problems.append(f"cache not read: {type(exc).__name__}: {exc}")
            return None

    def _state_row(self, key: str, columns: tuple[str, ...]) -> list[bytes] | None:
        try:
            row = self._db.execute(f"SELECT {', '.join(columns)} FROM {STATE_TABLE} WHERE key = ?", [key]).fetchone()
            return None if row is None else [zlib.decompress(part) for part in row]
        except (sqlite3.Error, zlib.error) as exc:  # a damaged database or entry
            self.problems.append(f"cache not read: {type(exc).__name__}: {exc}")
            return None

    def put_state(self, key: str, state: CorpusState, groups: dict[str, dict[str, list[int]]]) -> None:
        """Store a corpus's state, with each rule's groups of its claims (as `stored_groups`
        gives them), in one transaction, keeping only the last STATES_KEPT."""
        if self.problems:
            return
        parts = [zlib.compress(part, 1) for part in encode_state(state, groups)]
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute(f"DELETE FROM {STATE_TABLE} WHERE key = ?", [key])
                self._db.execute(f"INSERT INTO {STATE_TABLE} (key, {', '.join(_STATE_COLUMNS)}) "
                                 f"VALUES (?{', ?' * len(_STATE_COLUMNS)})", [key, *parts])
                self._db.execute(f"DELETE FROM {STATE_TABLE} WHERE id NOT IN "
                                 f"(SELECT id FROM {STATE_TABLE} ORDER BY id DESC LIMIT ?)", [STATES_KEPT])
        except sqlite3.Error as exc:
            self.problems.append(f"cache not written: {exc}")


def parsed_key(version: str, doc_id: str, path: str, text: str) -> str:
    """The key of a file as the documents stage reads it: its id, path and text, and the
    extraction version, which holds that stage's code and libraries (dateparser, PyYAML)."""
    return hashlib.sha256(f"{version}\0{doc_id}\0{path}\0".encode() + text.encode("utf-8", "surrogatepass")).hexdigest()


def parsed_entry(doc: Document | InputError, warnings: list[InputError]) -> str:
    """What `parse_document` made of a file, to store: the document without its text (the
    file holds it) or the error, and the warnings it gave."""
    return json.dumps({
        "document": doc.model_dump(mode="json", exclude={"text"}) if isinstance(doc, Document) else None,
        "error": doc.model_dump(mode="json") if isinstance(doc, InputError) else None,
        "warnings": [w.model_dump(mode="json") for w in warnings]}, ensure_ascii=False, separators=(",", ":"))


def _parsed(entry: dict, text: str, warnings: list[InputError]) -> Document | InputError:
    """A stored `parsed_entry` back: its document or error, its warnings added."""
    found = [InputError.model_validate(w) for w in entry["warnings"]]
    doc = InputError.model_validate(entry["error"]) if entry["error"] is not None else \
        Document.model_validate({**entry["document"], "text": text})
    warnings.extend(found)
    return doc


# --- corpus states: pydantic's own JSON, read back in one pass per list -----------------

_CLAIMS = TypeAdapter(list[Claim])
_CONFLICTS = TypeAdapter(list[Conflict])
_ERRORS = TypeAdapter(list[InputError])
_STATE_COLUMNS = ("documents", "claims", "claim_ends", "value_types", "ids", "groups", "datelines", "errors",
                  "conflicts")


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def encode_state(state: CorpusState, groups: dict[str, dict[str, list[int]]]) -> tuple[bytes, ...]:
    """The columns of `_STATE_COLUMNS` as JSON: documents without their texts (the files hold
    them); the claims as one list, with where each ends, the class of its value and its id, so a
    review reads only the claims it needs; the groups; the position of each dateline claim."""
    pieces = [Claim.model_dump_json(c).encode() for c in state.claims]
    ends, at = [], 1
    for piece in pieces:
        at += len(piece) + 1
        ends.append(at - 1)
    datelines = [i for i, c in enumerate(state.claims) if c.attribute == "published"]
    return (_json([d.model_dump(mode="json") for d in state.documents]), b"[" + b",".join(pieces) + b"]",
            _json(ends), _json([type(c.value).__name__ for c in state.claims]), _json([c.id for c in state.claims]),
            _json(groups), _json(datelines), _ERRORS.dump_json(state.errors), _CONFLICTS.dump_json(state.conflicts))


def decode_state(documents: bytes, claims: bytes, value_types: bytes, errors: bytes, conflicts: bytes, *,
                 texts: dict[str, str]) -> CorpusState:
    """A state back as the objects it was made from. A claim's value is read as the first class
    of `Value` it fits; the few whose class was another (a quantity in days fits a duration)
    are read again as the class stored."""
    back = _CLAIMS.validate_json(claims)
    types = json.loads(value_types)
    if len(types) != len(back):
        raise ValueError("corpus state: claims and value classes differ in number")
    for i, (c, kind) in enumerate(zip(back, types)):
        if type(c.value).__name__ != kind:
            back[i] = _retyped(c.model_dump(mode="json"), kind)
    docs = [Document.model_validate({**d, "text": texts[d["id"]]}) for d in json.loads(documents)]
    return CorpusState(documents=docs, claims=back, conflicts=_CONFLICTS.validate_json(conflicts),
                       errors=_ERRORS.validate_json(errors))


def _retyped(data: dict, kind: str) -> Claim:
    return Claim.model_validate({**data, "value": _VALUES[kind].model_validate(data["value"])})


class StoredClaims:
    """A stored corpus's claims, each read from its JSON only when a review asks for it: the
    groups a draft joins, the dateline claims, the claims of the conflicts found."""

    def __init__(self, claims: bytes, ends: list[int], types: list[str], ids: list[str],
                 groups: dict[str, dict[str, list[int]]], datelines: list[int]) -> None:
        if not len(ends) == len(types) == len(ids):
            raise ValueError("corpus state: claims, value classes and ids differ in number")
        self._json = claims
        self._ends = ends
        self._types = types
        self.ids = ids
        self._groups = groups
        self._datelines = datelines
        self._read: dict[int, Claim] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def _piece(self, i: int) -> bytes:
        return self._json[self._ends[i - 1] + 1 if i else 1:self._ends[i]]

    def at(self, i: int) -> Claim:
        """The claim at position `i` of the corpus's claims."""
        if i not in self._read:
            claim = Claim.model_validate_json(self._piece(i))
            if type(claim.value).__name__ != self._types[i]:
                claim = _retyped(claim.model_dump(mode="json"), self._types[i])
            self._read[i] = claim
        return self._read[i]

    def group(self, rule_id: str, key: tuple) -> list[Claim]:
        """The claims of one rule's group (see `checker.engine.stored_groups`)."""
        return [self.at(i) for i in self._groups.get(rule_id, {}).get(repr(key), ())]

    def datelines(self) -> "Datelines":
        """Each article's dateline claim (the last, if it had several), by document id; a claim
        is read only when a check asks for its article's."""
        return Datelines(self, {json.loads(self._piece(i))["document"]: i for i in self._datelines})

    def with_ids(self, ids: set[str]) -> list[Claim]:
        """The claims with these ids, in the corpus's order."""
        return [self.at(i) for i, claim_id in enumerate(self.ids) if claim_id in ids]

    def all(self) -> list[Claim]:
        return [self.at(i) for i in range(len(self.ids))]


# --- entries as JSON (never pickle: a cache folder may come from anywhere) --------------

_ENTITY_FIELDS = {"weights", "by_head", "first_seen", "titled", "located", "bracketed", "in_lead", "as_subject", "capitals",
                  "headline_heads", "headline_things", "others", "main_country", "topic", "fallback", "fallback_place", "things", "main_place", "rival_place",
                  "event_topic"}


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
            "bracketed": [[k, sorted(v)] for k, v in ents.bracketed.items()],
            "in_lead": sorted(ents.in_lead),
            "as_subject": sorted(ents.as_subject),
            "capitals": [list(ents.capitals.at), ents.capitals.words],
            "headline_heads": sorted(ents.headline_heads), "headline_things": sorted(ents.headline_things),
            "others": sorted(ents.others), "main_country": ents.main_country,
            "topic": ents.topic, "fallback": ents.fallback, "fallback_place": ents.fallback_place,
            "things": list(ents.things.items()),
            "main_place": ents.main_place, "rival_place": ents.rival_place, "event_topic": ents.event_topic,
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
    bracketed: defaultdict[str, set[str]] = defaultdict(set)
    for key, keys in e["bracketed"]:
        bracketed[key] = set(keys)
    entities = DocEntities(weights=Counter(dict(e["weights"])), by_head=by_head, first_seen=dict(e["first_seen"]),
                           titled=set(e["titled"]), located=located, bracketed=bracketed, in_lead=set(e["in_lead"]),
                           as_subject=set(e["as_subject"]), capitals=Capitals(array("I", e["capitals"][0]), [sys.intern(w) for w in e["capitals"][1]]),
                           headline_heads=set(e["headline_heads"]), headline_things=set(e["headline_things"]),
                           others=set(e["others"]),
                           main_country=e["main_country"],
                           topic=e["topic"], fallback=e["fallback"],
                           fallback_place=e["fallback_place"], things=Counter(dict(e["things"])),
                           main_place=e["main_place"], rival_place=e["rival_place"], event_topic=e["event_topic"])
    claims = [Claim.model_validate({**c, "value": _VALUES[kind].model_validate(c["value"])})
              for kind, c in data["claims"]]
    document = Document.model_validate({**data["document"], "text": text})
    return Article(document=document, claims=claims, entities=entities, words=Counter(dict(data["words"])))


class Datelines(Mapping[str, Claim]):
    """A stored corpus's dateline claims by document id, each read when asked for: a review
    reads the few of the articles its draft's groups hold, not one per article."""

    def __init__(self, claims: StoredClaims, positions: dict[str, int]) -> None:
        self._claims = claims
        self._positions = positions

    def __getitem__(self, document: str) -> Claim:
        return self._claims.at(self._positions[document])

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)
