#!/usr/bin/env python3
"""How the check and every report grow with one figure-dense article.

Writes one article of each size (100 kB, 1 MB and 4 MB by default) made of short
paragraphs that each carry a date, an amount, a share, a count and a length, with the
same few subjects repeated so that claims disagree, and times the whole check
(`run_check`) and each reporter on it. Linear work shows as a constant time per MB
across sizes; quadratic work as a time per MB that grows with the size.

Usage (from the repository root):

    .venv/bin/python benchmarks/dense_bench.py                 # 100 kB, 1 MB, 4 MB
    .venv/bin/python benchmarks/dense_bench.py --sizes 100000,400000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.decide import decide  # noqa: E402
from checker.pipeline import run_check  # noqa: E402
from checker.report import REPORTERS  # noqa: E402

PARAGRAPH = ("The {place} bridge cost {amount} billion VND and was completed on March {day}, 2024. "
             "About {share}% of the {count} households in {place} received power, and the road is {km} km long.\n\n")
PLACES = ("Hanoi", "Hue", "Da Nang", "Can Tho", "Vinh")


def article(size: int) -> str:
    """A deterministic article of at least `size` characters, dense with figures."""
    parts = ["Bridge figures\n\npublished: 2024-04-01\n\n"]
    length, i = len(parts[0]), 0
    while length < size:
        part = PARAGRAPH.format(place=PLACES[i % len(PLACES)], amount=i % 90 + 10, day=i % 27 + 1,
                                share=i % 80 + 10, count=1000 + i, km=i % 40 + 2)
        parts.append(part)
        length += len(part)
        i += 1
    return "".join(parts)


def measure(size: int, folder: Path) -> dict[str, float]:
    path = folder / f"dense-{size}.txt"
    path.write_text(article(size), encoding="utf-8")
    started = time.perf_counter()
    report = run_check([path], ROOT / "rules")
    times = {"check": time.perf_counter() - started}
    decisions = decide(report)
    for fmt in sorted(REPORTERS):
        started = time.perf_counter()
        REPORTERS[fmt](report, decisions)
        times[fmt] = time.perf_counter() - started
    print(f"{size:>9,} chars  {len(report.claims):>7,} claims  {len(report.conflicts):>6,} conflicts  "
          + "  ".join(f"{k} {v:7.2f}s ({v / size * 1e6:6.2f} s/MB)" for k, v in times.items()), flush=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,4000000", help="article sizes in characters")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            measure(size, Path(folder))


if __name__ == "__main__":
    main()
