"""Memory over a long extraction: resident memory every tenth of the way through N distinct pages, streamed.

    python bench/bench_memory.py [--pages 200000] [--engine local|process] [--workers 2]

The pages are generated as they are read (`bench/synth.py`: the seeds' and the examples' sentences recombined with
other names, provinces, dates and documents, so that no two are alike and no cache is ever warm for free), run
through `hoinghi.engines.run` as `hoinghi extract` runs them, and each record is encoded as its JSON line and
dropped. Printed at every tenth: pages done, pages/s, the resident memory of this process and of its workers
(VmRSS), and this process's peak (ru_maxrss). Flat memory: the last tenth's figure about the first's.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = [str(HERE.parent / "src" / "hoinghi" / "examples"), str(HERE.parent / "tests" / "fixtures" / "seeds")]


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process, MiB (0 when it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children_mb() -> float:
    me = str(os.getpid())
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if stat.read_text().split(") ", 1)[1].split()[1] == me:
                total += rss_mb(stat.parent.name)
        except (OSError, IndexError):
            continue
    return total


def pages(n: int):
    sys.path.insert(0, str(HERE))
    import synth
    from hoinghi.model import Page

    for name, text in synth.pages(n, seed=5, sources=SOURCES, sentences=(2, 6)):
        yield Page(id=name, text=text, url=f"https://bench.invalid/{name}.html")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=200_000)
    ap.add_argument("--engine", choices=("local", "process"), default="local")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    from hoinghi.engines import run
    from hoinghi.model import record_line

    step = max(1, args.pages // 10)
    print(f"{args.pages:,} generated pages, engine {args.engine}"
          + (f" ({args.workers} workers)" if args.engine == "process" else ""))
    print(f"{'pages':>9} {'pages/s':>8} {'this MiB':>9} {'workers MiB':>12} {'peak MiB':>9}")
    start, written = time.perf_counter(), 0
    first = None
    results = run(pages(args.pages), engine=args.engine, workers=args.workers)
    for done, (_item, art, _error) in enumerate(results, 1):
        if art is not None:
            written += len(record_line(art))
        if done % step == 0 or done == args.pages:
            now = rss_mb()
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            rate = done / (time.perf_counter() - start)
            print(f"{done:9,d} {rate:8.0f} {now:9.0f} {children_mb():12.0f} {peak:9.0f}", flush=True)
            first = first if first is not None else now
    print(f"{written / 2**20:,.0f} MiB of records encoded; resident memory at the end {rss_mb():.0f} MiB, "
          f"after the first tenth {first:.0f} MiB ({rss_mb() / first:.2f}×)")


if __name__ == "__main__":
    main()
