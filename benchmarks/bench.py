#!/usr/bin/env python3
"""Throughput and memory benchmark for claimcheck on a synthetic corpus.

Builds N articles by varying the seed articles in ``seeds/`` (numbers, dates, years,
stated publication dates, people and places) with a seeded ``random.Random`` so the
corpus is the same on every run, writes them to a temporary folder, and measures for
each size, each measurement in a fresh subprocess so peaks are per size:

* extraction alone: ``Toolkit.load(rules).analyse(documents)`` (documents already read),
* the whole check: ``run_check([folder], rules)`` (reading, rules, findings included),
* peak memory: ``ru_maxrss`` of the timed process, and the ``tracemalloc`` peak of a
  separate traced process (tracemalloc slows Python down, so it is never timed),
* claims and conflicts found.

Usage (from the repository root):

    .venv/bin/python benchmarks/bench.py --sizes 100,1000 --json benchmarks/results.json
    .venv/bin/python benchmarks/bench.py --sizes 1000 --profile   # cProfile of the whole check
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES_DIR = ROOT / "rules"
SEEDS_DIR = ROOT / "seeds"

# --------------------------------------------------------------------------- corpus

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

# People named in the seeds (as written there, diacritics included) and a pool to swap in.
PEOPLE = ["Nguyen Manh Quyen", "Dinh Tien Dung", "Phouvong Vongkham", "Anouphap Tounalom",
          "Nguyễn Duy Ngọc", "Phung Thi Hong Ha", "Lamphoy Siakkhachanh", "Vuong Dinh Hue",
          "Xaysomphone Phomvihane", "Sonexay Siphandone", "Pham Minh Chinh", "Nguyen Xuan Phuc"]
PEOPLE_POOL = ["Tran Van Minh", "Le Thi Thu Hang", "Vo Quang Huy", "Do Thanh Binh", "Bui Anh Tuan",
               "Somphone Keomany", "Khamphao Ernthavanh", "Vilay Phommachanh", "Bounthong Chitmany",
               "Nguyen Manh Quyen", "Dinh Tien Dung", "Anouphap Tounalom"]
# Places: each seed spelling maps to a pool; a replacement is chosen once per article.
PLACES = {
    "Hanoi": ["Hanoi", "Hai Phong", "Da Nang", "Hue", "Can Tho"],
    "Vientiane": ["Vientiane", "Luang Prabang", "Savannakhet", "Pakse", "Champasak"],
}

_MONTH = "|".join(MONTHS)
_TOKEN = re.compile(
    r"(?P<keep>\d{1,2}:\d{2})"                                      # times: left alone
    r"|(?P<dmy>\b\d{1,2}/\d{1,2}/\d{4}\b)"                          # Publish date 14/03/2024
    r"|(?P<iso>\b\d{4}-\d{1,2}-\d{1,2}\b)"                          # date 2025-12-03
    r"|(?P<month>\b(?:" + _MONTH + r")\b)(?P<day> \d{1,2}\b(?!\d|:))?"  # March / March 11
    r"|(?P<year>\b(?:19|20)\d{2}\b)"                                # 2022 (also in 2022-2025)
    r"|(?P<num>(?<![\w.,])\d+(?:[.,]\d+)*(?![\d]|st\b|nd\b|rd\b|th\b|TH\b))"
    r"|(?P<word>\b(?:" + "|".join(NUMBER_WORDS) + r")\b)"
    r"|(?P<person>" + "|".join(re.escape(p) for p in PEOPLE) + r")"
    r"|(?P<place>\b(?:" + "|".join(PLACES) + r")\b)"
)


def _vary_number(text: str, rng: random.Random) -> str:
    digits = text.replace(",", "")
    if "." in digits and text.count(".") == 1 and "," not in text:
        decimals = len(digits.split(".")[1])
        value = float(digits) * rng.uniform(0.5, 2.0)
        return f"{value:.{decimals}f}"
    try:
        value = int(digits.replace(".", ""))
    except ValueError:
        return text
    if value <= 20:                                 # small counts: "8 agreements"
        return str(rng.randint(1, 20))
    new = max(1, round(value * rng.uniform(0.5, 2.0)))
    return f"{new:,}" if "," in text else str(new)


def vary(text: str, rng: random.Random) -> str:
    """One synthetic article from a seed: same wording, different facts."""
    year_shift = rng.choice([-2, -1, 0, 0, 1, 2])
    month_shift = rng.choice([0, 0, 1, 2, -1, 3])
    places = {k: rng.choice(v) for k, v in PLACES.items()}
    people = {p: (rng.choice(PEOPLE_POOL) if rng.random() < 0.5 else p) for p in PEOPLE}

    def pub_date() -> tuple[int, int, int]:
        return rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)

    def sub(m: re.Match) -> str:
        kind = m.lastgroup
        s = m.group(0)
        if kind == "keep":
            return s
        if kind == "dmy":
            y, mo, d = pub_date()
            return f"{d:02d}/{mo:02d}/{y}"
        if kind == "iso":
            y, mo, d = pub_date()
            return f"{y}-{mo:02d}-{d:02d}"
        if kind in ("month", "day"):   # "day" is only ever matched with "month"
            month = MONTHS[(MONTHS.index(m.group("month")) + month_shift) % 12]
            day = f" {rng.randint(1, 28)}" if m.group("day") else ""
            return month + day
        if kind == "year":
            return str(int(s) + year_shift)
        if kind == "num":
            return _vary_number(s, rng)
        if kind == "word":
            return rng.choice(NUMBER_WORDS[1:])
        if kind == "person":
            return people[s]
        if kind == "place":
            return places[s]
        return s

    return _TOKEN.sub(sub, text)


def build_corpus(n: int, out_dir: Path, seed: int = 20240314) -> list[Path]:
    """Write n varied articles to out_dir; article i comes from seed i % len(seeds)."""
    seeds = sorted(p for p in SEEDS_DIR.iterdir() if p.suffix in (".txt", ".md"))
    if not seeds:
        raise SystemExit(f"no seed articles in {SEEDS_DIR}")
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        k = i % len(seeds)
        rng = random.Random(f"{seed}:{i}")
        path = out_dir / f"syn{i:05d}_{seeds[k].stem[:3]}.txt"
        path.write_text(vary(texts[k], rng), encoding="utf-8")
        written.append(path)
    return written


# --------------------------------------------------------------------------- workers

def _maxrss_mib() -> float:
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


def _warm_up() -> None:
    """Imports and first-use costs (dateparser language data) paid before the clock starts."""
    from checker.documents import read_corpus
    from checker.pipeline import Toolkit
    Toolkit.load(RULES_DIR).analyse(read_corpus([SEEDS_DIR]).documents)


def _largest_group(claims) -> int:
    groups = Counter((c.kind, c.attribute, c.subject) for c in claims if c.subject)
    return max(groups.values(), default=0)


def worker(mode: str, corpus: Path, mem_limit_gib: float = 0) -> dict:
    from checker.documents import read_corpus
    from checker.pipeline import Toolkit, run_check

    if mem_limit_gib > 0:  # a runaway size fails with MemoryError instead of exhausting the machine
        import resource
        limit = int(mem_limit_gib * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _warm_up()
    out: dict = {"mode": mode}
    if mode == "extract":
        docs = read_corpus([corpus]).documents
        t0 = time.perf_counter()
        toolkit = Toolkit.load(RULES_DIR)
        t1 = time.perf_counter()
        dated, claims, errors = toolkit.analyse(docs)
        t2 = time.perf_counter()
        out.update(articles=len(docs), seconds=t2 - t1, load_seconds=t1 - t0, claims=len(claims),
                   errors=len(errors), largest_group=_largest_group(claims))
    elif mode == "check":
        t0 = time.perf_counter()
        report = run_check([corpus], RULES_DIR)
        t1 = time.perf_counter()
        out.update(articles=len(report.documents), seconds=t1 - t0, claims=len(report.claims),
                   conflicts=len(report.conflicts), errors=len(report.errors),
                   largest_group=_largest_group(report.claims))
    elif mode == "traced":
        import tracemalloc
        tracemalloc.start()
        tracemalloc.reset_peak()
        docs = read_corpus([corpus]).documents
        _dated, claims, _errors = Toolkit.load(RULES_DIR).analyse(docs)
        out["extract_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
        del docs, _dated, claims, _errors
        tracemalloc.reset_peak()
        report = run_check([corpus], RULES_DIR)
        out["check_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        del report
    elif mode == "profile":
        import cProfile
        import io
        import pstats
        prof = cProfile.Profile()
        prof.enable()
        report = run_check([corpus], RULES_DIR)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
        out.update(claims=len(report.claims), conflicts=len(report.conflicts), profile=buf.getvalue())
    else:
        raise SystemExit(f"unknown mode {mode}")
    out["maxrss_mib"] = _maxrss_mib()
    return out


def run_worker(mode: str, corpus: Path, timeout: float, mem_limit_gib: float = 0) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, str(corpus),
           "--mem-limit-gib", str(mem_limit_gib)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"mode": mode, "timed_out": True, "wall_seconds": time.perf_counter() - t0}
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1:] or ["exit code %d" % proc.returncode]
        return {"mode": mode, "failed": True, "error": last[0], "stderr": proc.stderr[-2000:],
                "wall_seconds": time.perf_counter() - t0}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = time.perf_counter() - t0
    return result


# --------------------------------------------------------------------------- driver

def _fmt(value, spec: str = "") -> str:
    return "-" if value is None else format(value, spec)


def bench_size(n: int, args, workdir: Path) -> dict:
    corpus = workdir / f"n{n}"
    t0 = time.perf_counter()
    build_corpus(n, corpus, seed=args.seed)
    row: dict = {"n": n, "build_seconds": time.perf_counter() - t0}
    print(f"[n={n}] corpus written to {corpus} in {row['build_seconds']:.1f}s", file=sys.stderr, flush=True)
    modes = ["extract", "check"] + ([] if args.no_tracemalloc else ["traced"])
    for mode in modes:
        res = run_worker(mode, corpus, args.timeout, args.mem_limit_gib)
        row[mode] = res
        status = "timed out" if res.get("timed_out") else "FAILED" if res.get("failed") else f"{res['seconds']:.1f}s" if "seconds" in res else "done"
        print(f"[n={n}] {mode}: {status} (wall {res.get('wall_seconds', 0):.1f}s)", file=sys.stderr, flush=True)
        if res.get("failed"):
            print(res["stderr"], file=sys.stderr)
    ex, ck, tr = row["extract"], row["check"], row.get("traced", {})
    row["summary"] = {
        "extract_articles_per_s": ex["articles"] / ex["seconds"] if ex.get("seconds") else None,
        "check_articles_per_s": ck["articles"] / ck["seconds"] if ck.get("seconds") else None,
        "extract_seconds": ex.get("seconds"),
        "check_seconds": ck.get("seconds"),
        "extract_maxrss_mib": ex.get("maxrss_mib"),
        "check_maxrss_mib": ck.get("maxrss_mib"),
        "extract_tracemalloc_peak_mib": tr.get("extract_peak_mib"),
        "check_tracemalloc_peak_mib": tr.get("check_peak_mib"),
        "claims": ck.get("claims", ex.get("claims")),
        "conflicts": ck.get("conflicts"),
        "largest_group": ex.get("largest_group"),
        "errors": ck.get("errors", ex.get("errors")),
        "notes": "; ".join(f"{m}: {'timed out after %.0fs' % r['wall_seconds'] if r.get('timed_out') else 'failed after %.0fs (%s)' % (r['wall_seconds'], r['error'])}"
                           for m, r in ((m, row[m]) for m in modes) if r.get("timed_out") or r.get("failed")),
    }
    if args.profile:
        prof = run_worker("profile", corpus, args.timeout, args.mem_limit_gib)
        row["profile"] = prof.get("profile") or prof
        print(f"\n=== cProfile, whole check, n={n} (top by cumulative time) ===", flush=True)
        print(prof.get("profile", prof), flush=True)
    return row


def print_table(rows: list[dict]) -> None:
    head = ["N", "extract art/s", "check art/s", "extract s", "check s", "RSS ext MiB", "RSS chk MiB",
            "tm ext MiB", "tm chk MiB", "claims", "conflicts", "max group"]
    lines = [head]
    for r in rows:
        s = r["summary"]
        lines.append([str(r["n"]), _fmt(s["extract_articles_per_s"], ".1f"), _fmt(s["check_articles_per_s"], ".1f"),
                      _fmt(s["extract_seconds"], ".2f"), _fmt(s["check_seconds"], ".2f"),
                      _fmt(s["extract_maxrss_mib"], ".0f"), _fmt(s["check_maxrss_mib"], ".0f"),
                      _fmt(s["extract_tracemalloc_peak_mib"], ".0f"), _fmt(s["check_tracemalloc_peak_mib"], ".0f"),
                      _fmt(s["claims"]), _fmt(s["conflicts"]), _fmt(s["largest_group"])])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for j, line in enumerate(lines):
        print("  ".join(c.rjust(w) for c, w in zip(line, widths)))
        if j == 0:
            print("  ".join("-" * w for w in widths))
    for r in rows:
        if r["summary"]["notes"]:
            print(f"N={r['n']}: {r['summary']['notes']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes (default 100,1000,10000)")
    ap.add_argument("--seed", type=int, default=20240314, help="random seed for the synthetic corpus")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds allowed per measurement subprocess")
    ap.add_argument("--mem-limit-gib", type=float, default=8,
                    help="address-space limit per measurement subprocess, GiB (0 = none; default 8)")
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the (untimed) tracemalloc run")
    ap.add_argument("--profile", action="store_true", help="also cProfile the whole check for each size")
    ap.add_argument("--keep", type=Path, help="write corpora under this folder and keep them (default: temp dir)")
    ap.add_argument("--worker", nargs=2, metavar=("MODE", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker[0], Path(args.worker[1]), args.mem_limit_gib)))
        return 0

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        workdir = args.keep or Path(tmp)
        for n in sizes:
            rows.append(bench_size(n, args, workdir))
    print()
    print_table(rows)
    if args.json:
        meta = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
                "seed": args.seed, "sizes": sizes, "command": " ".join([Path(sys.executable).name, *sys.argv])}
        args.json.write_text(json.dumps({"meta": meta, "results": rows}, indent=2) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
