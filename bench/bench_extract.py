"""Throughput of `extract` on text pages: the seeds repeated to N pages, one process, then a process pool.

    python bench/bench_extract.py [--pages 5000] [--workers 2] [--repeat 5]

Prints pages per second per core for the whole extraction (clean + extract stages), and for the clean stage
alone. Target: 500 pages/s per core on seed-sized pages for the whole of extraction.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from hoinghi.clean import analyse
from hoinghi.engines import run
from hoinghi.model import Page
from hoinghi.pipeline import extract_page

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"


def pages(n: int) -> list[Page]:
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    return [Page(id=f"{texts[i % len(texts)][0]}-{i}", text=texts[i % len(texts)][1]) for i in range(n)]


REPEAT = 3


def timed(label: str, fn, n: int, cores: int = 1) -> float:
    """The best of REPEAT runs (the machine's other work only ever slows a run down)."""
    secs = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        secs = min(secs, time.perf_counter() - start)
    rate = n / secs
    print(f"{label:38} {n:6d} pages {secs:7.2f} s {rate:9.0f} pages/s {rate / cores:9.0f} pages/s/core")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each measure; the best is printed")
    args = ap.parse_args()
    global REPEAT
    REPEAT = args.repeat
    batch = pages(args.pages)
    avg = sum(len(p.text) for p in batch) / len(batch)
    print(f"{args.pages} pages, {avg:,.0f} characters on average, {args.workers} workers for the pool")
    extract_page(batch[0])  # load lexicons once, outside the timing
    # records are streamed and dropped, as `hoinghi extract` writes them, not kept in memory
    timed("clean stage alone (1 process)", lambda: consume(analyse(p.text) for p in batch), len(batch))
    timed("whole extraction (1 process)", lambda: consume(extract_page(Page(id=p.id, text=p.text)) for p in batch),
          len(batch))
    if args.workers > 1:
        timed(f"whole extraction ({args.workers} processes)",
              lambda: consume(run(iter(batch), engine="process", workers=args.workers)), len(batch), args.workers)


def consume(items) -> None:
    for _ in items:
        pass


if __name__ == "__main__":
    main()
