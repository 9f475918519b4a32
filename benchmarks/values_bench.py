#!/usr/bin/env python3
"""Speed of the value layer alone against dateparser's date search, on the same text, in one run.

The value layer (`claimcheck values`: segmentation, dating, the sentence analysis and every
value extractor, before any linking) reads dates, amounts, measures, counts, shares, periods
and durations; ``dateparser.search.search_dates(text, languages=['en'])`` finds dates only.
Both read the same articles: the synthetic corpus of ``bench.py`` (seed articles varied with a
fixed random seed). Each is timed ``--repeat`` times over the whole text; the table gives the
median characters per second and the ratio.

Usage (from the repository root):

    .venv/bin/python benchmarks/values_bench.py --articles 100 --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import build_corpus  # noqa: E402

from checker.documents import read_corpus  # noqa: E402
from checker.pipeline import Toolkit  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100, help="articles in the corpus (default: 100)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each reader (default: 5)")
    args = parser.parse_args(argv)
    from dateparser.search import search_dates

    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(args.articles, Path(tmp))
        documents = read_corpus([Path(tmp)]).documents
    chars = sum(len(d.text) for d in documents)
    toolkit = Toolkit.load(ROOT / "rules")
    toolkit.values(documents[0])  # load the tagger and compile the patterns before timing
    search_dates(documents[0].text[:200], languages=["en"])

    def values() -> int:
        return sum(len(toolkit.values(d)) for d in documents)

    def dates() -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return sum(len(search_dates(d.text, languages=["en"]) or []) for d in documents)

    rows = []
    for name, run in (("value layer (all kinds)", values), ("dateparser search_dates (dates only)", dates)):
        times, found = [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            found = run()
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        rows.append((name, median, chars / median, found))
    print(f"{len(documents)} articles, {chars:,} characters, median of {args.repeat} runs")
    print(f"{'reader':40} {'seconds':>8} {'chars/s':>10} {'found':>7}")
    for name, median, rate, found in rows:
        print(f"{name:40} {median:8.2f} {rate:10,.0f} {found:7}")
    print(f"value layer / dateparser speed: {rows[0][2] / rows[1][2]:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
