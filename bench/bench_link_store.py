"""Linking a store: time and peak memory of a full re-link and of an incremental one, at several sizes.

    python bench/bench_link_store.py [--sizes 5000,20000,50000] [--new 0.01] [--seed 1] [--legacy]

For each size N a SQLite store gets N - 1% synthetic articles (`bench_link.corpus`: clones of the examples), and
each measurement runs in its own process (peak memory is that process's maximum resident set, `ru_maxrss`):

- full: `run_link(store, full=True)` (each article's view read from its record once, then every stage linked one
  key group at a time: `hoinghi.store.link_stages`);
- incremental: the last 1% stored, then `run_link(store)` (the groups the new articles touch, and what depends on
  what changed there);
- legacy (`--legacy`): every stored article rebuilt whole (`iter_articles`) and linked at once in memory.

Peak memory is bounded by the largest key group, not the store: on these generated stores a few names and documents
are printed by most articles, so those groups grow with the store (and so does their entities' size: the articles
list of a person printed everywhere).
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _pages(arts):
    from hoinghi.model import Page

    return [(Page(id=a.id, url=f"https://bench.invalid/{a.id}", text=a.text or "\n".join(a.body)), a) for a in arts]


def build(db: str, n: int, new_share: float, seed: int, rest: str) -> None:
    sys.path.insert(0, str(HERE))
    from bench_link import corpus
    from hoinghi.store import open_store

    arts = corpus(n, seed, 0.05)
    for a in arts:
        a.text = "\n".join(([a.title] if a.title else []) + a.body + a.captions)
    keep = n - max(1, int(n * new_share))
    store = open_store(db)
    for i in range(0, keep, 2000):
        store.write_batch(_pages(arts[i:min(i + 2000, keep)]))
    store.close()
    Path(rest).write_bytes(pickle.dumps(arts[keep:]))


def measure(db: str, mode: str, rest: str) -> dict:
    from hoinghi.store import open_store
    from hoinghi.store.links import refresh_inputs, run_link

    store = open_store(db)
    start = time.perf_counter()
    if mode == "legacy":
        from hoinghi.link import link

        linked = link(list(store.iter_articles()))
        out = {"people": len(linked.people), "events": len(linked.events)}
    elif mode == "full":
        out = run_link(store, full=True)
    else:
        store.write_batch(_pages(pickle.loads(Path(rest).read_bytes())))
        start = time.perf_counter()
        refresh_inputs(store)
        out = run_link(store)
    out["seconds"] = round(time.perf_counter() - start, 2)
    out["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    store.close()
    return out


def _child(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5000,20000,50000")
    ap.add_argument("--new", type=float, default=0.01, help="share of the articles added for the incremental run")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--legacy", action="store_true", help="also measure the former whole-article link")
    ap.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        what, *rest = args.child
        if what == "build":
            build(rest[0], int(rest[1]), float(rest[2]), int(rest[3]), rest[4])
            print("{}")
        else:
            print(json.dumps(measure(rest[0], what, rest[1])))
        return
    modes = (["legacy"] if args.legacy else []) + ["full", "incremental"]
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            db, rest = str(Path(tmp) / "bench.db"), str(Path(tmp) / "rest.pickle")
            start = time.perf_counter()
            _child("--child", "build", db, str(n), str(args.new), str(args.seed), rest)
            print(f"{n:>6} articles: store built in {time.perf_counter() - start:.0f} s", flush=True)
            for mode in modes:
                r = _child("--child", mode, db, rest)
                extra = f", relinked {r['relinked']:,} of {r['articles']:,}" if "relinked" in r else ""
                print(f"        {mode:12} {r['seconds']:7.1f} s  peak {r['peak_mb']:5,} MB{extra}", flush=True)


if __name__ == "__main__":
    main()
