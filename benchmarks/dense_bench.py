#!/usr/bin/env python3
"""How the check and every report grow with one figure-dense article.

Writes one article of each size (100 kB, 1 MB and 4 MB by default) made of short
paragraphs that each carry a date, an amount, a share, a count and a length, with the
same few subjects repeated so that claims disagree, and times the whole check
(`run_check`) and each reporter on it, in CPU seconds of this process (so other work on
a shared machine does not skew the figures) and wall seconds. Linear work shows as a
constant time per MB across sizes; quadratic work as a time per MB that grows with the size.

Usage (from the repository root):

    .venv/bin/python benchmarks/dense_bench.py                 # 100 kB, 1 MB, 4 MB
    .venv/bin/python benchmarks/dense_bench.py --sizes 100000,400000
    .venv/bin/python benchmarks/dense_bench.py --one-sentence   # the same figures with no sentence break
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


def article(size: int, one_sentence: bool = False) -> str:
    """A deterministic article of at least `size` characters, dense with figures; with
    `one_sentence`, its paragraphs run together with no sentence break (a table flattened into
    one line), so every figure is in one sentence."""
    parts = ["Bridge figures\n\npublished: 2024-04-01\n\n"]
    length, i = len(parts[0]), 0
    while length < size:
        part = PARAGRAPH.format(place=PLACES[i % len(PLACES)], amount=i % 90 + 10, day=i % 27 + 1,
                                share=i % 80 + 10, count=1000 + i, km=i % 40 + 2)
        if one_sentence:
            part = part.replace(". ", ", ").replace(".\n\n", ", ")
        parts.append(part)
        length += len(part)
        i += 1
    return "".join(parts)


def measure(size: int, folder: Path, one_sentence: bool = False) -> dict[str, float]:
    """CPU seconds of the check and of each reporter on one article of `size` characters; prints a line."""
    path = folder / f"dense-{size}.txt"
    path.write_text(article(size, one_sentence), encoding="utf-8")
    wall, cpu = time.perf_counter(), time.process_time()
    report = run_check([path], ROOT / "rules")
    times = {"check": time.process_time() - cpu}
    decisions = decide(report)
    for fmt in sorted(REPORTERS):
        started = time.process_time()
        REPORTERS[fmt](report, decisions)
        times[fmt] = time.process_time() - started
    wall = time.perf_counter() - wall
    print(f"{size:>9,} chars  {len(report.claims):>7,} claims  {len(report.conflicts):>4,} conflicts  "
          f"wall {wall:7.1f}s  CPU: " + "  ".join(f"{k} {v:.2f}s ({v / size * 1e6:.2f} s/MB)" for k, v in times.items()),
          flush=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000,4000000", help="article sizes in characters")
    parser.add_argument("--one-sentence", action="store_true", help="no sentence break: every figure in one sentence")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            measure(size, Path(folder), args.one_sentence)


if __name__ == "__main__":
    main()
