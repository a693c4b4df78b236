"""The store's figures: ingest speed end to end, search latency on a large store, store size per article.

    python bench/bench_store.py                          # 2,000 pages ingested, 1,000,000 articles searched
    python bench/bench_store.py --articles 100000        # a smaller search store
    python bench/bench_store.py --db postgresql://…      # the same on PostgreSQL (an empty database)

1. Ingest: the seeds (`tests/fixtures/seeds/*.txt`) repeated to --pages pages (each with its own url, so none is
   a duplicate), through `hoinghi ingest`'s path (read, hash, extract, store in batches of 500; linking left out),
   in one process and in a process pool; and the store's own share (writing already-extracted records).
   Target: 500 pages/s per core end to end. Before that, extraction alone and ingest (`--no-link`) in one process
   each, in turns --repeats times: their best pages/s, the ratio (target: ingest at 0.90 of extraction's speed or
   more) and the share of the ingest spent in the store's writes.
2. Search: a store of --articles records generated directly (no extraction) by recombining the sentences and
   headlines of the seeds and the example corpus with varied provinces, dates, names and documents
   (`bench/synth.py`), loaded in bulk with the full-text index built after the insert; then --queries
   searches of a realistic mix (topics, names, document keys; with and without filters), timed end to end
   (ranking, highlighted snippets). Target: p95 under 50 ms. Most words of the generated articles are in a large
   share of them, so nearly every query takes the capped path (`hoinghi.store.search.RANK_CAP`); `--keep` a store
   to time changes to the search without building it again (a store kept from an older schema is migrated when
   opened: on SQLite that rebuilds the search index, a few minutes for a million articles). Then filtered searches
   on a cold cache: each a query never run, after the store's files are evicted from the page cache and the
   connections closed (`--cold-cmd` runs a command instead, e.g. a PostgreSQL restart).
3. Size: bytes on disk per stored article (on SQLite, the full-text index's share).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
EXAMPLES = ROOT / "src" / "hoinghi" / "examples"
SOURCES = (str(SEEDS), str(EXAMPLES))


def _fresh(db: str | None, name: str, tmp: Path) -> str:
    if db:
        if db.startswith(("postgresql", "postgres")):
            from sqlalchemy import create_engine, text

            engine = create_engine(db.replace("postgresql://", "postgresql+psycopg://", 1))
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            engine.dispose()
        return db
    return str(tmp / f"{name}.db")


def seed_corpus(pages: int, tmp: Path) -> Path:
    """The seeds repeated to `pages` pages, each with its own url (none a duplicate), as JSON Lines."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    corpus = tmp / "seeds.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(pages):
            out.write(json.dumps({"id": f"seed-{i}", "url": f"https://seed.example.vn/{i}",
                                  "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    avg = sum(len(texts[i % len(texts)]) for i in range(pages)) / pages
    print(f"ingest: {pages:,} pages (the {len(texts)} seeds repeated, {avg:,.0f} characters on average)")
    from hoinghi.pipeline import extract

    extract(text=texts[0])  # load the lexicons outside the timing
    return corpus


def _clock() -> tuple[float, float]:
    """(wall seconds, this process's CPU seconds): on a busy machine the process waits for a core, and its CPU
    time is what it would take on a core of its own."""
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    now = _clock()
    return now[0] - start[0], now[1] - start[1]


def _timed_pipeline(corpus: Path) -> tuple[int, tuple[float, float]]:
    """Extraction alone in one process (read, extract; the records dropped): (pages, (wall, CPU s))."""
    from hoinghi.cli import Summary, run_pipeline

    start = _clock()
    n = sum(1 for _ in run_pipeline([str(corpus)], "local", 1, Summary(), quiet=True))
    return n, _since(start)


def _timed_extract(corpus: Path) -> tuple[int, tuple[float, float]]:
    """`hoinghi extract CORPUS -o FILE` in this process (read, extract, write the records): (pages, (wall, CPU s))."""
    from hoinghi.cli import main

    out = corpus.with_suffix(".out.jsonl")
    start = _clock()
    main(["extract", str(corpus), "-o", str(out), "-q"], standalone_mode=False)
    took = _since(start)
    with out.open(encoding="utf-8") as f:
        return sum(1 for _ in f), took


def _timed_ingest(corpus: Path, db: str) -> tuple[int, tuple[float, float], tuple[float, float]]:
    """`hoinghi ingest CORPUS --db DB --no-link` in this process (read, hash and skip, extract, store in batches of
    500) into `db`, created and migrated before the clock starts: (pages, (wall, CPU s), the same inside the
    store's writes)."""
    from hoinghi.cli import main
    from hoinghi.store import Store, open_store
    from hoinghi.store import schema as s

    open_store(db).close()
    writing = [0.0, 0.0]
    # the store's writes: the rows made of each article (`Store.prepare`) and the batches written (`write_rows`);
    # an older store (to compare with) made them in `write_batch`
    names = ("prepare", "write_rows") if "prepare" in Store.__dict__ else ("write_batch",)
    saved = {name: Store.__dict__[name] for name in names}

    def timed(fn):
        def run(*args, **kwargs):
            start = _clock()
            try:
                return fn(*args, **kwargs)
            finally:
                wall, cpu = _since(start)
                writing[0] += wall
                writing[1] += cpu
        return run

    for name, fn in saved.items():
        setattr(Store, name, staticmethod(timed(fn.__func__)) if isinstance(fn, staticmethod) else timed(fn))
    try:
        start = _clock()
        main(["ingest", str(corpus), "--db", db, "--no-link", "-q"], standalone_mode=False)
        secs = _since(start)
    finally:
        for name, fn in saved.items():
            setattr(Store, name, fn)
    with open_store(db) as store:
        return store.count(s.articles), secs, (writing[0], writing[1])


def bench_ratio(corpus: Path, repeats: int, db: str | None, tmp: Path) -> None:
    """Extraction and ingest side by side, one process each, repeated in turns (the machine's load falls on all
    alike): the best pages/s of each, the ratios (target: ingest at 0.90 of extraction or more) and the store's
    writes' share of the ingest, by the wall clock and by the process's CPU time (pages/s on a core of its own).
    Linking is left out (`--no-link`): `bench/bench_link.py` times it."""
    runs: dict[str, list] = {"pipeline": [], "extract": [], "ingest": []}
    for r in range(repeats):
        runs["pipeline"].append(_timed_pipeline(corpus))
        runs["extract"].append(_timed_extract(corpus))
        runs["ingest"].append(_timed_ingest(corpus, _fresh(db, f"ratio-{r}", tmp)))
    pages = {x[0] for kind in runs.values() for x in kind}
    assert len(pages) == 1, runs
    _report(runs, pages.pop(), db.split("://")[0] if db else "a fresh SQLite store")


def _report(runs: dict[str, list], n: int, where: str) -> None:
    repeats = len(runs["ingest"])
    labels = {"pipeline": "extraction alone (read, extract)", "extract": "`hoinghi extract -o FILE`",
              "ingest": f"`hoinghi ingest --no-link` ({where})"}
    print(f"  one process, best of {repeats}:{'':22} {'wall clock':>16} {'CPU time':>16}")
    best = {kind: [min(x[1][k] for x in xs) for k in (0, 1)] for kind, xs in runs.items()}
    for kind, label in labels.items():
        print(f"  {label:48} " + " ".join(f"{n / t:10,.1f} pages/s" for t in best[kind]))
    for k, clock in ((0, "wall clock"), (1, "CPU time")):
        t_ing, t_write = min((i[1][k], i[2][k]) for i in runs["ingest"])
        ratios = ", ".join(f"{best[kind][k] / t_ing:.2f} of {labels[kind].split(' (')[0]}"
                           for kind in ("pipeline", "extract"))
        print(f"  by {clock:10}: ingest at {ratios} (target >= 0.90); store writes {t_write / t_ing:.1%} of the "
              f"ingest ({n / t_write:,.0f} pages/s alone)")


def bench_ingest(pages: int, workers: int, db: str | None, tmp: Path, repeats: int = 3) -> None:
    from hoinghi.cli import Summary, run_pipeline
    from hoinghi.store import open_store
    from hoinghi.store.ingest import skip_stored, store_results

    corpus = seed_corpus(pages, tmp)
    if repeats:
        bench_ratio(corpus, repeats, db, tmp)
    results = None
    for engine, cores in (("local", 1), ("process", workers)):
        if engine == "process" and workers < 2:
            continue
        store = open_store(_fresh(db, f"ingest-{engine}", tmp))
        summary = Summary()
        start = time.perf_counter()
        pairs = run_pipeline([str(corpus)], engine, workers, summary, quiet=True, prefilter=skip_stored(store))
        if results is None:
            results = []

            def keep(it, out=results):
                for x in it:
                    out.append(x)
                    yield x

            pairs = keep(pairs)
        done = store_results(store, pairs)
        secs = time.perf_counter() - start
        assert done.added == pages, done
        print(f"  end to end, {engine:7} ({cores} core{'s' if cores > 1 else ''}): {pages / secs:8,.0f} pages/s, "
              f"{pages / secs / cores:6,.0f} pages/s per core")
        store.close()
    store = open_store(_fresh(db, "ingest-store-only", tmp))
    start = time.perf_counter()
    store_results(store, iter(results))
    secs = time.perf_counter() - start
    print(f"  the store's share alone (records already extracted): {pages / secs:8,.0f} pages/s")
    store.close()


def _prepare(args):
    """Generate `n` records from `start` and turn them into rows (in a worker process)."""
    start, n, seed = args
    import datetime as dt

    import synth
    from hoinghi.model import Page
    from hoinghi.store.core import article_rows, page_hash

    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    out = []
    for art, raw in synth.records(n, seed=seed, start=start, sources=SOURCES):
        out.append(article_rows(art, hash=page_hash(Page(url=art.url, text=raw)), key=art.url, raw=raw,
                                source=None, now=now))
    return start, out


def build(store, n: int, workers: int, chunk: int = 5000, seed: int = 1) -> float:
    """Bulk-load `n` generated records: rows generated in parallel, inserted in large transactions, the search
    index built once at the end."""
    from hoinghi.store import schema as s

    started = time.perf_counter()
    jobs = [(i, min(chunk, n - i), seed) for i in range(0, n, chunk)]
    done = 0
    conn = store.engine.connect()
    if store.dialect == "sqlite":  # a bulk build of a bench store: no need to survive a power cut
        raw = conn.connection.dbapi_connection  # outside a transaction, where SQLite takes these settings
        raw.execute("PRAGMA synchronous=OFF")
        raw.execute("PRAGMA wal_autocheckpoint=100000")
    tx = conn.begin()
    with Pool(workers) as pool:
        for start, rows in pool.imap(_prepare, jobs):
            arts, ments, evs = [], [], []
            for k, (row, ms, es) in enumerate(rows):
                pk = start + k + 1
                arts.append(dict(row, pk=pk))
                ments += [dict(m, article_pk=pk) for m in ms]
                evs += [dict(e, article_pk=pk) for e in es]
            conn.execute(s.articles.insert(), arts)
            conn.execute(s.mentions.insert(), ments)
            conn.execute(s.article_events.insert(), evs)
            done += len(rows)
            if done % 50_000 < chunk or done == n:
                tx.commit()
                tx = conn.begin()
                rate = done / (time.perf_counter() - started)
                print(f"\r  loaded {done:,} / {n:,} articles ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    tx.commit()
    if store.dialect == "postgresql":
        from sqlalchemy import text

        conn.execute(text("SELECT setval(pg_get_serial_sequence('articles', 'pk'), :n)"), {"n": n})
        conn.commit()
        conn.exec_driver_sql("ANALYZE")  # the planner's word statistics, as autovacuum would gather them
        conn.commit()
    conn.close()
    loaded = time.perf_counter() - started
    print(f"\r  loaded {n:,} articles in {loaded:,.0f} s; building the search index …", file=sys.stderr)
    t = time.perf_counter()
    store.rebuild_search_index()
    print(f"  index built in {time.perf_counter() - t:,.0f} s", file=sys.stderr)
    return time.perf_counter() - started


def queries(rng: random.Random, n: int) -> list[tuple[str, dict]]:
    import synth

    provinces = synth._provinces()
    topics = ["thông tin đối ngoại", "doi ngoai da phuong", "chuyển đổi số", "hội nhập quốc tế", "thuỷ điện",
              "xây dựng Đảng", "đội ngũ trí thức", "Biển Đông", "xúc tiến đầu tư", "phong cách Hồ Chí Minh",
              "sap xep to chuc bo may", "khoa học, công nghệ", "hội thảo khoa học", "ket luan 57", "57-KL/TW",
              "Chỉ thị 25-CT/TW", "nghị quyết 45", "\"thông tin đối ngoại\"", "đổi mới sáng tạo", "tổng kết"]
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.45:
            out.append((rng.choice(topics), {}))
        elif r < 0.65:
            out.append((f"{rng.choice(synth.SURNAMES)} {rng.choice(synth.MIDDLES)} {rng.choice(synth.GIVEN)}", {}))
        elif r < 0.8:
            out.append((rng.choice(topics), {"province": rng.choice(provinces)}))
        elif r < 0.9:
            y = rng.randint(2019, 2025)
            out.append((rng.choice(topics), {"date_from": f"{y}-01", "date_to": f"{y}-06"}))
        else:
            out.append((rng.choice(topics), {"kind": "hội thảo", "province": rng.choice(provinces)}))
    return out


def bench_search(store, n_queries: int, limit: int = 10) -> None:
    from hoinghi.store.search import search

    rng = random.Random(5)
    qs = queries(rng, n_queries)
    for q, f in qs[:20]:  # warm the cache
        search(store, q, limit=limit, **f)
    times, empty = [], 0
    by_kind: dict[str, list[float]] = {}
    for q, f in qs:
        t = time.perf_counter()
        hits = search(store, q, limit=limit, **f)
        ms = (time.perf_counter() - t) * 1000
        times.append(ms)
        by_kind.setdefault("filtered" if f else "plain", []).append(ms)
        empty += not hits
    times.sort()

    def p95(xs):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]

    print(f"search: {len(qs)} queries, top {limit} with snippets: median {statistics.median(times):.1f} ms, "
          f"p95 {p95(times):.1f} ms, max {times[-1]:.1f} ms ({empty} without results)")
    for kind, xs in sorted(by_kind.items()):
        print(f"  {kind:8}: {len(xs):4d} queries, median {statistics.median(xs):6.1f} ms, p95 {p95(xs):6.1f} ms")


def _evict_files(store) -> str:
    """Drop the store's files from the operating system's page cache (posix_fadvise DONTNEED: no root needed);
    says what was evicted."""
    from sqlalchemy import text

    if store.dialect == "sqlite":
        path = Path(store.url.database)
        files = list(path.parent.glob(path.name + "*"))
    else:
        try:
            with store.engine.connect() as conn:
                folder = conn.execute(text("SHOW data_directory")).scalar_one()
            files = [f for f in Path(folder, "base").rglob("*") if f.is_file()]
        except Exception:  # not a superuser, or the server's files are on another machine
            return "the server's files are not readable here: only a new connection"
    for f in files:
        try:
            fd = os.open(f, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
    return f"{len(files)} files evicted from the page cache and a new connection each time" + (
        "; PostgreSQL's own shared buffers stay warm (restart the server with --cold-cmd for a colder figure)"
        if store.dialect == "postgresql" else "")


def bench_cold(store, n_queries: int, cold_cmd: str | None, limit: int = 10) -> None:
    """Filtered searches on a cold cache: before each query the store's files are dropped from the page cache
    (or `cold_cmd` is run, e.g. a server restart) and the connections are closed; each query is one never run."""
    import subprocess

    from hoinghi.store.search import search

    qs = [(q, f) for q, f in queries(random.Random(11), n_queries * 8) if f][:n_queries]
    times, how = [], ""
    for q, f in qs:
        store.engine.dispose()
        if cold_cmd:
            subprocess.run(cold_cmd, shell=True, check=True)
            how = f"`{cold_cmd}` before each query"
        else:
            how = _evict_files(store)
        t = time.perf_counter()
        search(store, q, limit=limit, **f)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"  filtered, cold: {len(times):4d} queries, median {statistics.median(times):6.1f} ms, p95 {p95:6.1f} ms "
          f"({how})")


def size(store) -> tuple[int, int | None]:
    """(bytes of the whole store, bytes of the full-text index where it can be told apart)."""
    from sqlalchemy import text

    if store.dialect == "sqlite":
        path = Path(store.url.database)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            try:
                index = sum(conn.exec_driver_sql("SELECT pgsize FROM dbstat WHERE name = ? AND aggregate = TRUE",
                                                 (f"articles_fts_{part}",)).scalar() or 0
                            for part in ("data", "idx", "docsize", "config"))
            except Exception:  # SQLite built without dbstat
                index = None
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")), index
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one(), None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000, help="pages for the ingest figure (0: skip)")
    ap.add_argument("--articles", type=int, default=1_000_000, help="articles in the search store (0: skip)")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeats", type=int, default=3, help="runs of extraction and of ingest, in turns, for the "
                                                           "ratio of their speeds (the best of each; 0: skip)")
    ap.add_argument("--db", help="a PostgreSQL URL to bench on (its public schema is dropped!); default: SQLite "
                                 "files in a temporary folder")
    ap.add_argument("--keep", metavar="PATH", help="build the search store at PATH (SQLite) and keep it; reuse it "
                                                   "when it holds --articles articles already")
    ap.add_argument("--cold-queries", type=int, default=40, help="filtered searches timed on a cold cache")
    ap.add_argument("--cold-cmd", metavar="SHELL", help="run before each cold query instead of evicting the store's "
                    "files from the page cache (e.g. restart PostgreSQL and `echo 3 > /proc/sys/vm/drop_caches`)")
    args = ap.parse_args()
    from hoinghi.store import open_store
    from hoinghi.store import schema as s

    with tempfile.TemporaryDirectory(prefix="hoinghi-bench-") as tmp:
        tmp = Path(tmp)
        if args.pages:
            bench_ingest(args.pages, args.workers, args.db, tmp, args.repeats)
        if args.articles:
            url = args.keep or _fresh(args.db, "search", tmp)
            store = open_store(url)
            have = store.count(s.articles)
            if have != args.articles:
                if have:
                    sys.exit(f"{url} holds {have:,} articles, not {args.articles:,}: give another --keep path")
                secs = build(store, args.articles, args.workers)
                print(f"search store: {args.articles:,} generated articles loaded and indexed in {secs / 60:.1f} "
                      f"min ({args.articles / secs:,.0f} articles/s)")
            else:
                print(f"search store: reusing {url} ({have:,} articles)")
            bench_search(store, args.queries)
            bench_cold(store, args.cold_queries, args.cold_cmd)
            total, index = size(store)
            print(f"size: {total / 2**20:,.0f} MiB, {total / args.articles:,.0f} bytes per article ({store.dialect}"
                  + (f"; the full-text index {index / args.articles:,.0f})" if index else ")"))
            store.close()


if __name__ == "__main__":
    main()
