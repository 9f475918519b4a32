#!/usr/bin/env python3
"""The claims cache, parallel extraction and incremental review, timed on bench.py's corpus.

For each size N, in fresh subprocesses (so each peak belongs to one step), with one cache:

* cold: the whole check (`run_check` with the cache, `--jobs`), the cache empty,
* again: the same check, nothing changed,
* added: one new article in the corpus, checked again,
* review: one draft reviewed against the checked corpus (`claimcheck review` as a library call:
  the corpus read from the cache, the draft analysed and judged), with the time of the draft
  alone once the corpus is loaded (what `serve` pays per draft),
* peak memory: `ru_maxrss` of each step's process (the workers' are reported apart),
* CPU seconds of each step, its workers' included, beside the wall seconds: on a shared
  machine they move far less than the wall time.

Reports are not rendered: their cost belongs to checker/report/ and is measured there.

    .venv/bin/python benchmarks/incremental.py --sizes 1000 --jobs 2
    .venv/bin/python benchmarks/incremental.py --sizes 10000 --keep DIR --steps again,added,review  # DIR's cache
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import RULES_DIR, SEEDS_DIR, build_corpus, vary  # noqa: E402

STEPS = ("cold", "again", "added", "review")


def worker(step: str, corpus: Path, cache: Path, jobs: int, draft: Path) -> dict:
    """One step, timed in this process (wall and CPU seconds, the workers' CPU included)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    cpu_at_start = own.ru_utime + own.ru_stime
    start = time.perf_counter()
    if step == "review":
        from checker.review import Reviewer
        reviewer = Reviewer.load([corpus], RULES_DIR, cache_dir=cache, jobs=jobs)
        loaded = time.perf_counter()
        result = reviewer.review(draft.read_text(encoding="utf-8"), "draft", str(draft))
        end = time.perf_counter()
        figures = {"seconds": end - start, "draft_seconds": end - loaded, "conflicts": len(result.report.conflicts)}
    else:
        from checker.pipeline import run_check
        report = run_check([corpus], RULES_DIR, cache_dir=cache, jobs=jobs)
        figures = {"seconds": time.perf_counter() - start, "claims": len(report.claims),
                   "conflicts": len(report.conflicts)}
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    figures["cpu_seconds"] = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime - cpu_at_start
    figures["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["workers_rss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return figures


def run_step(step: str, corpus: Path, cache: Path, jobs: int, draft: Path, timeout: float) -> dict:
    code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import incremental; "
            f"print(json.dumps(incremental.worker({step!r}, __import__('pathlib').Path({str(corpus)!r}), "
            f"__import__('pathlib').Path({str(cache)!r}), {jobs}, __import__('pathlib').Path({str(draft)!r}))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise SystemExit(f"{step} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def new_article(n: int, seed: int = 7) -> str:
    """An article that is not in the corpus: a seed varied with a generator the corpus never used."""
    seeds = sorted(p for p in SEEDS_DIR.iterdir() if p.suffix in (".txt", ".md"))
    return vary(seeds[n % len(seeds)].read_text(encoding="utf-8"), random.Random(f"new:{seed}:{n}"))


def bench_size(n: int, jobs: int, workdir: Path, timeout: float, steps: tuple[str, ...] = STEPS) -> dict:
    corpus = workdir / f"N{n}"
    cache = workdir / f"cache{n}"
    if "cold" in steps:
        shutil.rmtree(cache, ignore_errors=True)  # cold means cold, also in a kept folder
    (corpus / "zz_added.txt").unlink(missing_ok=True)
    build_corpus(n, corpus)
    draft = workdir / "draft.txt"
    draft.write_text(new_article(n + 1), encoding="utf-8")
    row: dict = {"n": n, "jobs": jobs}
    for step in steps:
        if step == "added":
            (corpus / "zz_added.txt").write_text(new_article(n), encoding="utf-8")
        row[step] = run_step(step, corpus, cache, jobs, draft, timeout)
        print(f"  N={n} {step}: {row[step]}", file=sys.stderr, flush=True)
    return row


def print_table(rows: list[dict]) -> None:
    head = ("N", "jobs", "cold s", "again s", "added s", "review s", "draft s", "peak MiB", "workers MiB", "claims")
    # each step as "wall (CPU)" seconds: on a shared machine the CPU seconds are the steadier figure
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---:" for _ in head) + "|")
    for r in rows:
        done = [s for s in STEPS if s in r]
        peak = max(r[s]["rss_mib"] for s in done)
        workers = max(r[s]["workers_rss_mib"] for s in done)
        cells = (f"{r['n']:,}", str(r["jobs"]),
                 *(f"{r[s]['seconds']:.2f} ({r[s]['cpu_seconds']:.2f})" if s in r else "-" for s in STEPS),
                 f"{r['review']['draft_seconds']:.3f}" if "review" in r else "-", f"{peak:.0f}", f"{workers:.0f}",
                 f"{r[done[0]].get('claims', 0):,}")
        print("| " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes (default 1000,10000)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="--jobs of the check")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed for each step")
    parser.add_argument("--json", type=Path, help="save the figures as JSON")
    parser.add_argument("--keep", type=Path, help="build corpora and caches here and keep them")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help="steps to run (default all); without cold, the cache kept in --keep is used as it is")
    args = parser.parse_args(argv)
    steps = tuple(s for s in STEPS if s in args.steps.split(","))
    if "cold" not in steps and not args.keep:
        parser.error("--steps without cold needs --keep (the folder whose cache the steps use)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        for n in (int(s) for s in args.sizes.split(",")):
            rows.append(bench_size(n, args.jobs, workdir, args.timeout, steps))
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
