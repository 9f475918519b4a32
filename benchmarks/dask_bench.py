#!/usr/bin/env python3
"""The local engine against a 2-worker Dask LocalCluster, on bench.py's corpus.

For each size N and each engine, in a fresh subprocess per run (no claims cache), times:

* start: starting the engine (a LocalCluster of --workers single-threaded processes, and
  connecting to it; nothing for the local engine),
* analyse: the per-article stages and resolution (`Toolkit.analyse`): for Dask, the map over
  documents, including the workers compiling their tables,
* rules: the rules and findings (`Toolkit.judge`): for Dask, the group-by on the comparison keys,
* total: start + analyse + rules (reading the corpus is left out: it is the same for all),
* again: analyse + rules once more on the same engine, what a cluster kept running pays
  (its workers have their tables compiled); the local engine starts its processes anew,

and prints the median of --repeat runs of each, with a digest of the claims and conflicts
found, which must be the same for every engine.

    .venv/bin/python benchmarks/dask_bench.py --sizes 300,1000 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import RULES_DIR, build_corpus  # noqa: E402

ENGINES = ("local --jobs 1", "local --jobs 2", "dask 2 workers")
STEPS = ("start", "analyse", "rules", "total", "again")


def worker(engine_name: str, corpus: Path, workers: int) -> dict:
    """One timed run in this process."""
    from checker.documents import read_corpus
    from checker.pipeline import LocalEngine, Toolkit

    toolkit = Toolkit.load(RULES_DIR)
    documents = read_corpus([corpus]).documents
    start = time.perf_counter()
    if engine_name.startswith("dask"):
        from checker.cluster import DaskEngine
        engine = DaskEngine.start(None, workers)
    else:
        engine = LocalEngine(int(engine_name.rsplit(" ", 1)[1]))
    started = time.perf_counter()
    try:
        dated, claims, errors = toolkit.analyse(documents, engine=engine)
        analysed = time.perf_counter()
        conflicts = toolkit.judge(dated, claims, engine)
        judged = time.perf_counter()
        toolkit.judge(*toolkit.analyse(documents, engine=engine)[:2], engine)
        again = time.perf_counter() - judged
    finally:
        if not isinstance(engine, LocalEngine):
            engine.close()
    digest = hashlib.sha256()
    for item in [*claims, *conflicts]:
        digest.update(item.model_dump_json().encode())
    return {"start": started - start, "analyse": analysed - started, "rules": judged - analysed,
            "total": judged - start, "again": again, "claims": len(claims), "conflicts": len(conflicts), "errors": len(errors),
            "digest": digest.hexdigest()[:16]}


def run_once(engine_name: str, corpus: Path, workers: int, timeout: float) -> dict:
    code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import dask_bench; "
            f"print(json.dumps(dask_bench.worker({engine_name!r}, __import__('pathlib').Path({str(corpus)!r}), "
            f"{workers})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise SystemExit(f"{engine_name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_size(n: int, args: argparse.Namespace, workdir: Path) -> list[dict]:
    corpus = workdir / f"N{n}"
    build_corpus(n, corpus)
    rows = []
    for engine_name in args.engines:
        runs = []
        for i in range(args.repeat):
            runs.append(run_once(engine_name, corpus, args.workers, args.timeout))
            print(f"  N={n} {engine_name} run {i + 1}: {runs[-1]}", file=sys.stderr, flush=True)
        row = {"n": n, "engine": engine_name, "runs": runs,
               **{step: statistics.median(r[step] for r in runs) for step in STEPS},
               **{key: runs[0][key] for key in ("claims", "conflicts", "digest")}}
        rows.append(row)
    digests = {r["digest"] for r in rows for r in r["runs"]}
    if len(digests) != 1:
        raise SystemExit(f"N={n}: the engines found different claims or conflicts: {sorted(digests)}")
    return rows


def print_table(rows: list[dict]) -> None:
    head = ("N", "engine", "start s", "analyse s", "rules s", "total s", "again s", "claims", "conflicts")
    print("| " + " | ".join(head) + " |")
    print("|---:|---|" + "|".join("---:" for _ in head[2:]) + "|")
    for r in rows:
        cells = (f"{r['n']:,}", r["engine"], *(f"{r[s]:.2f}" for s in STEPS), f"{r['claims']:,}",
                 f"{r['conflicts']:,}")
        print("| " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000", help="corpus sizes (default 300,1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each engine per size; medians are shown")
    parser.add_argument("--engines", type=lambda text: text.split(","), default=list(ENGINES),
                        help=f"which engines, separated by commas (default: {','.join(ENGINES)})")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the LocalCluster (default 2)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed for each run")
    parser.add_argument("--json", type=Path, help="save every run's figures as JSON")
    parser.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    args = parser.parse_args(argv)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        for n in (int(s) for s in args.sizes.split(",")):
            rows.extend(bench_size(n, args, workdir))
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
