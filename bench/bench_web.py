"""The web app under a bounded local load: requests/s and p95 latency of the search, article and document pages
on a generated store (bench/synth.py), served by uvicorn on 127.0.0.1 and fetched by a few client threads.

    python bench/bench_web.py                          # 20,000 generated articles, linked
    python bench/bench_web.py --articles 100000 --requests 400 --clients 8
    python bench/bench_web.py --db bench-web.db        # keep the store (built once, reused)
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _load_store(st, n: int, chunk: int = 2000) -> None:
    """Write `n` generated records through the store's own batched writer (search index kept as it goes)."""
    import datetime as dt

    import synth
    from hoinghi.model import Page
    from hoinghi.store.core import article_rows, page_hash

    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    started = time.perf_counter()
    for start in range(0, n, chunk):
        rows = [article_rows(art, hash=page_hash(Page(url=art.url, text=raw)), key=art.url, raw=raw, source=None,
                             now=now) for art, raw in synth.records(min(chunk, n - start), seed=1, start=start)]
        st.write_rows(rows)
        print(f"\r  stored {start + len(rows):,} / {n:,}", end="", file=sys.stderr, flush=True)
    print(f"\r  stored {n:,} articles in {time.perf_counter() - started:,.0f} s", file=sys.stderr)


def _store(db: str, n: int):
    from hoinghi.store import open_store
    from hoinghi.store import schema as s
    from hoinghi.store.links import run_link

    st = open_store(db)
    if not st.count(s.articles):
        _load_store(st, n)
        t = time.perf_counter()
        counts = run_link(st)
        print(f"  linked in {time.perf_counter() - t:,.0f} s: {counts['documents']:,} documents, "
              f"{counts['events']:,} events", file=sys.stderr)
    return st


def _serve(st):
    import uvicorn

    from hoinghi.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(st), host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def _urls(st, rng: random.Random, n: int) -> dict[str, list[str]]:
    from sqlalchemy import select

    from hoinghi.store import schema as s

    with st.engine.connect() as conn:
        ids = list(conn.execute(select(s.articles.c.id).where(s.articles.c.latest.is_(True)).limit(5000)).scalars())
        docs = list(conn.execute(select(s.documents.c.id).limit(500)).scalars())
    words = ["doi ngoai", "hoi nghi", "quan triet ket luan", "chuyen doi so", "thong tin doi ngoai", "nghi quyet",
             "tuyen giao", "dan van", "so ket", "hoi nghi truc tuyen"]
    provinces = ["", "&province=" + quote("Yên Bái"), "&province=" + quote("Nghệ An"), "&year=2023"]
    return {
        "search": [f"/search?q={quote(rng.choice(words))}{rng.choice(provinces)}" for _ in range(n)],
        "article": [f"/articles/{quote(rng.choice(ids), safe='')}" for _ in range(n)],
        "document": [f"/documents/{quote(rng.choice(docs), safe='')}" for _ in range(n)] if docs else [],
    }


def _load(base: str, urls: list[str], clients: int) -> tuple[float, list[float], int]:
    import httpx

    def one(client, url):
        t = time.perf_counter()
        r = client.get(base + url)
        return time.perf_counter() - t, r.status_code

    with httpx.Client(timeout=30) as client, ThreadPoolExecutor(clients) as pool:
        client.get(base + urls[0])  # warm
        started = time.perf_counter()
        results = list(pool.map(lambda u: one(client, u), urls))
        wall = time.perf_counter() - started
    errors = sum(1 for _t, code in results if code != 200)
    return wall, [t for t, _c in results], errors


def _articles():
    from hoinghi.store import schema as s

    return s.articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000, help="generated articles (default 20,000)")
    ap.add_argument("--requests", type=int, default=200, help="requests per page kind")
    ap.add_argument("--clients", type=int, default=4, help="concurrent client threads (loopback only)")
    ap.add_argument("--db", help="a store to build once and reuse (default: a temporary one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench-web.db")
        st = _store(db, args.articles)
        server, base = _serve(st)
        urls = _urls(st, random.Random(1), args.requests)
        print(f"{st.count(_articles()):,} articles, "
              f"{args.clients} clients, {args.requests} requests a page kind, {base}")
        for kind, batch in urls.items():
            if not batch:
                print(f"{kind:>9}: no linked documents to ask for")
                continue
            wall, times, errors = _load(base, batch, args.clients)
            p95 = statistics.quantiles(times, n=20)[18] * 1000
            print(f"{kind:>9}: {len(batch) / wall:7.1f} requests/s  p50 {statistics.median(times) * 1000:6.1f} ms  "
                  f"p95 {p95:6.1f} ms  errors {errors}")
        server.should_exit = True
        st.close()


if __name__ == "__main__":
    main()
