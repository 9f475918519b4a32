"""The Dask engine: the same check on Dask's distributed scheduler, for corpora one machine
is too slow for.

It plugs into the pipeline at the seams the local engine uses (`pipeline.Engine`): the
per-article stages are a map over batches of documents, each worker keeping the tables it
compiled, and the rules are a group-by on each rule's comparison key (hash-partitioned,
so that each group meets whole in one task), each group judged by `engine.check_group`,
the function the local engine runs. Results come back in the local engine's order, so the reports are byte for byte the
same. Stories and resolution read the whole corpus and stay in the client.

Workers must run the same claimcheck with the same data tables as the client: each one
checks the extraction version (`cache.extraction_version`) before its first article.
"""

from __future__ import annotations

import logging
import threading
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dask
from distributed import Client, LocalCluster

from checker.cache import Article, extraction_version
from checker.engine import RuleHit, StoredGroups, check_group, group_key, select, worth_checking
from checker.engine.checks import CheckContext, Hit
from checker.engine.loader import Rule
from checker.lexicon import Lexicon, default_rules_dir
from checker.models import Claim, Document, InputError
from checker.pipeline import EngineError, Extraction
from checker.ruleset import RuleSet

BATCH = 16  # documents per extraction task: large enough to hide the per-task overhead, small enough to balance
CLAIMS_PER_PART = 5000  # claims per partition of the rules' group-by, beyond two partitions a worker


class DaskEngine:
    """A Dask client, and the LocalCluster it started when no scheduler was named."""

    def __init__(self, client: Client, cluster: LocalCluster | None = None) -> None:
        self.client = client
        self.cluster = cluster

    @classmethod
    def start(cls, scheduler: str | None, workers: int) -> "DaskEngine":
        """Connect to `scheduler` (an address such as tcp://10.0.0.5:8786, or a scheduler file's
        path), or start a LocalCluster of `workers` single-threaded processes on this machine.
        Connecting, and then waiting for a first worker (a scheduler without workers would
        leave the run waiting for ever), each take at most dask's
        `distributed.comm.timeouts.connect` (30 s by default)."""
        try:
            if scheduler is None:
                # no dashboard, and the scheduler's own HTTP server on a free port, not 8787
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                                       silence_logs=logging.ERROR)
                return cls(Client(cluster), cluster)
            client = Client(scheduler_file=scheduler) if Path(scheduler).is_file() else Client(scheduler)
        except Exception as exc:  # noqa: BLE001 - dask raises many kinds (OSError, ValueError, TimeoutError...)
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
            raise EngineError(f"cannot connect to {where}: {_one_line(exc)}") from None
        try:
            client.wait_for_workers(1, timeout=dask.config.get("distributed.comm.timeouts.connect"))
        except Exception:  # noqa: BLE001 - a TimeoutError, or the scheduler went away
            client.close()
            raise EngineError(f"the Dask scheduler at {scheduler} has no workers") from None
        return cls(client)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def articles(self, extraction: Extraction, documents: list[Document],
                 rules: RuleSet) -> Iterator[Article | InputError]:
        """The per-article stages as a map over batches of documents, yielded in order as they
        finish (so progress moves). Workers load the tables themselves: the client's compiled
        `extraction` is not shipped. The shipped rules alone are each worker's own."""
        if not documents:
            return
        version = extraction_version(rules)
        shipped = not rules.newsroom and rules.shipped.resolve() == default_rules_dir().resolve()
        batches = [documents[i:i + BATCH] for i in range(0, len(documents), BATCH)]
        futures = self.client.map(_extract_batch, batches, rules=None if shipped else rules,
                                  version=version, pure=False)
        for future in futures:
            yield from self._result(future)

    def judge(self, rules: list[Rule], claims: list[Claim], ctx: CheckContext,
              groups: StoredGroups | None = None) -> list[RuleHit]:
        """Every rule's groups as one group-by, hash-partitioned on the comparison keys (made on
        the cluster: `groups` made in the client are not sent): each task keys a slice of the
        claims by (rule, group key) for every rule that selects them and deals the keys into one
        bucket per partition by their hash; each partition's task gathers its bucket from every
        slice, so a group meets whole in one task, and checks its groups. The claims, context and rules go to each worker once, unhashed (dask's
        hashing of pydantic objects costs more than the rules); tasks pass only (rule, key,
        claim number). Groups are sorted as `run_rules` sorts them, by rule then by the key's
        repr (keys are strings, numbers, dates and None, equal exactly when their reprs are),
        and each group's claims keep the corpus's order."""
        if not claims:
            return []
        parts = min(len(claims), max(2 * self._workers(), len(claims) // CLAIMS_PER_PART))
        [shared] = self.client.scatter([_Shared(claims, ctx, rules)], broadcast=True, hash=False)
        bounds = [len(claims) * k // parts for k in range(parts + 1)]
        keyed = [dask.delayed(_keyed, nout=parts)(lo, hi, shared, parts) for lo, hi in zip(bounds, bounds[1:])]
        checked = [dask.delayed(_check_groups)([buckets[j] for buckets in keyed], shared) for j in range(parts)]
        found = [row for future in self.client.compute(checked) for row in self._result(future)]
        return [RuleHit(rules[index], hit) for index, _, hits in sorted(found, key=lambda r: r[:2]) for hit in hits]

    def _workers(self) -> int:
        return max(1, len(self.client.nthreads()))

    def _result(self, future):  # noqa: ANN202 - whatever the task returns
        try:
            return future.result()
        except EngineError:
            raise
        except Exception as exc:  # noqa: BLE001 - a lost worker, a closed connection, a task that failed
            raise EngineError(f"the Dask cluster failed: {_one_line(exc)}") from None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


# --- on the workers -----------------------------------------------------------------------

_EXTRACTIONS: dict[tuple[str, str], Extraction] = {}  # a worker's compiled tables, by rules layers and version
_LOADING = threading.Lock()  # a worker with several threads compiles its tables once


def _extract_batch(documents: list[Document], rules: RuleSet | None, version: str) -> list[Article | InputError]:
    extraction = _worker_extraction(rules or RuleSet(default_rules_dir()), version)
    return [extraction.article(d) for d in documents]


def _worker_extraction(rules: RuleSet, version: str) -> Extraction:
    key = (repr(rules), version)
    with _LOADING:
        if key not in _EXTRACTIONS:
            missing = [f for f in (rules.shipped, *rules.newsroom) if not f.is_dir()]
            if missing:
                raise EngineError(f"a Dask worker has no rules folder {missing[0]}: "
                                   "put it on a path every worker reads, or use the shipped rules")
            if extraction_version(rules) != version:
                raise EngineError("a Dask worker runs another version of claimcheck, its libraries or its data "
                                   "tables than this one: install the same on every worker")
            lexicon = Lexicon.for_rules(rules)
            lexicon.load_all()
            _EXTRACTIONS[key] = Extraction(lexicon)
        return _EXTRACTIONS[key]


@dataclass(frozen=True)
class _Shared:
    """What every rules task reads, sent to each worker as one object (dask sends a bare list
    item by item, which took twice as long)."""

    claims: list[Claim]
    ctx: CheckContext
    rules: list[Rule]


Keyed = tuple[int, str, int]  # (rule number, group key's repr, claim number)


def _keyed(lo: int, hi: int, shared: _Shared, parts: int) -> tuple[list[Keyed], ...]:
    """Claims lo to hi keyed for each rule that puts them in a group, dealt into `parts`
    buckets by a hash of the key that every process computes alike (not `hash`, which is
    seeded per process)."""
    claims = shared.claims[lo:hi]
    buckets: tuple[list[Keyed], ...] = tuple([] for _ in range(parts))
    for r, rule in enumerate(shared.rules):
        chosen = {id(c) for c in select(rule, claims)}
        for i, c in enumerate(claims, lo):
            if id(c) in chosen and (key := group_key(rule, c)) is not None:
                text = repr(key)
                buckets[zlib.crc32(f"{r} {text}".encode()) % parts].append((r, text, i))
    return buckets


def _check_groups(buckets: list[list[Keyed]], shared: _Shared) -> list[tuple[int, str, list[Hit]]]:
    """The groups whose keys hash to this partition, each checked by its rule."""
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for bucket in buckets:
        for r, key, i in bucket:
            groups[r, key].append(i)
    out = []
    for (r, key), numbers in groups.items():
        rule = shared.rules[r]
        group = [shared.claims[i] for i in sorted(numbers)]
        if worth_checking(rule, group):
            out.append((r, key, check_group(rule, group, shared.ctx)))
    return out
