"""The Dask engine: the same check on Dask's distributed scheduler, for corpora one machine
is too slow for.

It plugs into the pipeline at the seams the local engine uses (`pipeline.Engine`): the
per-article stages are a map over batches of documents, each worker keeping the tables it
compiled, and the rules are a group-by on each rule's comparison key (a task shuffle of
the claims), each group judged by `engine.check_group`, the function the local engine
runs. Results come back in the local engine's order, so the reports are byte for byte the
same. Stories and resolution read the whole corpus and stay in the client.

Workers must run the same claimcheck with the same data tables as the client: each one
checks the extraction version (`cache.extraction_version`) before its first article.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import dask
import dask.bag as db
from distributed import Client, LocalCluster

from checker.cache import Article, extraction_version
from checker.engine import RuleHit, check_group, group_key, select, worth_checking
from checker.engine.checks import CheckContext, Hit
from checker.engine.loader import Rule
from checker.lexicon import Lexicon, default_rules_dir
from checker.models import Claim, Document, InputError
from checker.pipeline import EngineError, Extraction

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
                 rules_dir: Path) -> Iterator[Article | InputError]:
        """The per-article stages as a map over batches of documents, yielded in order as they
        finish (so progress moves). Workers load the tables themselves: the client's compiled
        `extraction` is not shipped."""
        if not documents:
            return
        version = extraction_version(rules_dir)
        shipped = rules_dir.resolve() == default_rules_dir().resolve()
        batches = [documents[i:i + BATCH] for i in range(0, len(documents), BATCH)]
        futures = self.client.map(_extract_batch, batches, rules_dir=None if shipped else str(rules_dir),
                                  version=version, pure=False)
        for future in futures:
            yield from self._result(future)

    def judge(self, rules: list[Rule], claims: list[Claim], ctx: CheckContext) -> list[RuleHit]:
        """Every rule's groups as one group-by: each claim is keyed by (rule, group key) for every
        rule that selects it, the keys are shuffled so that a group meets on one worker, and
        each group is checked there. The claims and the context are sent to each worker once
        (not hashed: dask's hashing of pydantic objects costs more than the rules), and the
        shuffle moves only (rule, key, claim number). Groups are sorted as `run_rules` sorts
        them, by rule then by the key's repr (keys are strings, numbers, dates and None, equal
        exactly when their reprs are), and each group's claims keep the corpus's order."""
        if not claims:
            return []
        parts = min(len(claims), max(2 * self._workers(), len(claims) // CLAIMS_PER_PART))
        shared_claims, shared_ctx = self.client.scatter([claims, ctx], broadcast=True, hash=False)
        numbers = db.from_sequence(range(len(claims)), npartitions=parts)
        keyed = numbers.map_partitions(_keyed, shared_claims, rules)
        groups = keyed.groupby(_group_of, shuffle="tasks", npartitions=parts)
        checked = groups.map_partitions(_check_groups, shared_claims, rules, shared_ctx)
        found = self._result(self.client.compute(checked))
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

_EXTRACTIONS: dict[tuple[str, str], Extraction] = {}  # a worker's compiled tables, by rules folder and version
_LOADING = threading.Lock()  # a worker with several threads compiles its tables once


def _extract_batch(documents: list[Document], rules_dir: str | None, version: str) -> list[Article | InputError]:
    extraction = _worker_extraction(Path(rules_dir) if rules_dir else default_rules_dir(), version)
    return [extraction.article(d) for d in documents]


def _worker_extraction(rules_dir: Path, version: str) -> Extraction:
    key = (str(rules_dir), version)
    with _LOADING:
        if key not in _EXTRACTIONS:
            if not (rules_dir / "data").is_dir():
                raise EngineError(f"a Dask worker has no rules folder {rules_dir}: "
                                   "put it on a path every worker reads, or use the shipped rules")
            if extraction_version(rules_dir) != version:
                raise EngineError("a Dask worker runs another version of claimcheck, its libraries or its data "
                                   "tables than this one: install the same on every worker")
            lexicon = Lexicon(rules_dir / "data")
            lexicon.load_all()
            _EXTRACTIONS[key] = Extraction(lexicon)
        return _EXTRACTIONS[key]


def _keyed(numbers: Iterable[int], claims: list[Claim], rules: list[Rule]) -> list[tuple[int, str, int]]:
    """(rule number, group key's repr, claim number) for each rule that puts one of these claims in a group."""
    numbers = list(numbers)
    out = []
    for r, rule in enumerate(rules):
        chosen = {id(c) for c in select(rule, [claims[i] for i in numbers])}
        for i in numbers:
            if id(claims[i]) in chosen and (key := group_key(rule, claims[i])) is not None:
                out.append((r, repr(key), i))
    return out


def _group_of(item: tuple[int, str, int]) -> tuple[int, str]:
    return item[0], item[1]


def _check_groups(groups: Iterable[tuple[tuple[int, str], list[tuple[int, str, int]]]], claims: list[Claim],
                  rules: list[Rule], ctx: CheckContext) -> list[tuple[int, str, list[Hit]]]:
    out = []
    for (r, key), items in groups:
        group = [claims[i] for i in sorted(i for _, _, i in items)]
        if worth_checking(rules[r], group):
            out.append((r, key, check_group(rules[r], group, ctx)))
    return out
