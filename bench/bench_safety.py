"""The store's safety under kills and concurrent writers, counted with real processes.

    python bench/bench_safety.py                         # SQLite, about a minute
    python bench/bench_safety.py --db postgresql://…     # the same on PostgreSQL (an empty database: its public
                                                         # schema is dropped and made again for each trial)
    python bench/bench_safety.py --kills 5 --races 2 --pages 300

1. Kills during ingest: `hoinghi ingest` of --pages synthetic pages (batches of 50) killed with SIGKILL at a random
   moment while it holds the store's write lock (a batch being written), then run again to the end: articles lost
   (pages not stored) and duplicated (a page stored twice, or two latest rows of a page) are counted.
2. Kills during schema changes: `hoinghi migrate` killed while it holds the write lock (creating a new store's
   schema, or upgrading a store of the first schema holding --pages articles, which rebuilds its search index);
   then a read command must say what to run (not crash), `hoinghi migrate` must finish and every article be there.
3. Concurrent ingests: four `hoinghi ingest` at once on a new store, two of one corpus and two of another with
   the same page ids and other text (so every page gets two versions): runs that failed and page keys with more
   than one latest row are counted.

Every count but the kills tried should be 0. The helpers are used by `tests/test_store_safety.py`.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "src" / "hoinghi" / "examples"
sys.path.insert(0, str(Path(__file__).resolve().parent))

ENV = dict(os.environ, PYTHONUNBUFFERED="1")


def hoinghi(*args: str) -> list[str]:
    return [sys.executable, "-m", "hoinghi.cli", *args]


def ingest_cmd(corpus: Path | str, db: str, batch: int = 50) -> list[str]:
    return hoinghi("ingest", str(corpus), "--db", db, "--batch", str(batch), "--no-link", "--engine", "local")


def _engine(db: str):
    from sqlalchemy import create_engine

    from hoinghi.store.core import resolve_url

    return create_engine(resolve_url(db))


def lock_held(db: str) -> bool:
    """Whether some process holds the store's write lock now (SQLite: a write transaction is open; PostgreSQL:
    the advisory lock is granted)."""
    from hoinghi.store.core import WRITE_LOCK, resolve_url

    url = resolve_url(db)
    if url.get_backend_name() == "sqlite":
        if not Path(url.database).exists():
            return False
        conn = sqlite3.connect(url.database, timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()
    import psycopg

    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = %s",
                           (WRITE_LOCK,)).fetchone()
    return bool(row[0])


def kill_when_locked(cmd: list[str], db: str, delay: float = 0.0, timeout: float = 120.0) -> bool:
    """Start `cmd`, wait until it holds the write lock (and `delay` seconds more, if it still holds it), SIGKILL
    it. True if it was killed holding the lock; False if it ended first."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if lock_held(db):
                time.sleep(delay)
                if lock_held(db) and proc.poll() is None:
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=30)
                    return proc.returncode == -signal.SIGKILL
            time.sleep(0.001)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def reset(db: str) -> None:
    """Empty a PostgreSQL store (every table, the schema's version); a SQLite file is removed."""
    from hoinghi.store.core import resolve_url

    url = resolve_url(db)
    if url.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(url.database + suffix).unlink(missing_ok=True)
        return
    from sqlalchemy import text

    engine = _engine(db)
    with engine.begin() as conn:
        for table in ("alembic_version", "articles", "mentions", "article_events", "meta", "people",
                      "person_positions", "documents", "events", "event_people", "event_documents",
                      "bridge_points", "event_reports", "cascades", "duplicates", "article_entities"):
            conn.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
    engine.dispose()


def health(db: str) -> dict[str, int]:
    """What the store holds: latest articles, all rows, distinct hashes, page keys with more than one latest row,
    and (SQLite) whether the search index matches its content (1 when it does)."""
    from sqlalchemy import text

    engine = _engine(db)
    with engine.connect() as conn:
        def one(sql: str) -> int:
            return conn.execute(text(sql)).scalar_one()

        out = {"latest": one("SELECT count(*) FROM articles WHERE latest"),
               "rows": one("SELECT count(*) FROM articles"),
               "hashes": one("SELECT count(DISTINCT hash) FROM articles"),
               "double_latest": one("SELECT count(*) FROM (SELECT page_key FROM articles WHERE latest "
                                    "GROUP BY page_key HAVING count(*) > 1) x"),
               "index_ok": 1}
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            try:
                conn.execute(text("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)"))
            except Exception:
                out["index_ok"] = 0
    engine.dispose()
    return out


def first_schema_store(db: str, n: int, seed: int = 3) -> None:
    """A store at the first schema (0001) holding `n` generated articles, as that version wrote them."""
    import synth

    write_first_schema(db, ((art, art.url, raw) for art, raw in synth.records(n, seed=seed)))


def write_first_schema(db: str, records, now: str = "2025-01-01") -> None:
    """A store at the first schema (0001) holding `records` — (article, page key, original text) — as that version
    wrote them: its search index over title and body only."""
    from alembic import command
    from sqlalchemy import text

    from hoinghi.store import schema as s
    from hoinghi.store.core import _alembic, article_rows

    engine = _engine(db)
    cfg, _head = _alembic()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        for i, (art, key, raw) in enumerate(records):
            row, _m, evs = article_rows(art, hash=f"h{i}", key=key, raw=raw, source=None, now=now)
            pk = conn.execute(s.articles.insert().returning(s.articles.c.pk), [row]).scalar_one()
            conn.execute(s.article_events.insert(), [dict(e, article_pk=pk) for e in evs])
            if engine.dialect.name == "sqlite":
                conn.execute(text("INSERT INTO articles_fts(rowid, title_fold, body_fold) VALUES(:pk, :t, :b)"),
                             {"pk": pk, "t": row["title_fold"], "b": row["body_fold"]})
    engine.dispose()


def kills_during_ingest(db: str, corpus: Path, n: int, kills: int, rng: random.Random) -> dict[str, int]:
    tried = lost = duplicated = 0
    for _ in range(kills):
        reset(db)
        tried += kill_when_locked(ingest_cmd(corpus, db), db, delay=rng.uniform(0, 0.05))
        subprocess.run(ingest_cmd(corpus, db), env=ENV, capture_output=True, timeout=600, check=True)
        h = health(db)
        lost += max(0, n - h["latest"])
        duplicated += (h["rows"] - h["hashes"]) + max(0, h["latest"] - n) + h["double_latest"] + (1 - h["index_ok"])
    return {"kills": tried, "lost": lost, "duplicated": duplicated}


def kills_during_schema(db: str, n: int, kills: int, rng: random.Random) -> dict[str, int]:
    tried = lost = duplicated = unopenable = 0
    for i in range(kills):
        reset(db)
        upgrade = i % 2 == 1
        if upgrade:
            first_schema_store(db, n)
        tried += kill_when_locked(hoinghi("migrate", "--db", db), db, delay=rng.uniform(0, 0.02))
        said = subprocess.run(hoinghi("search", "hoi nghi", "--db", db), env=ENV, capture_output=True, text=True)
        unopenable += "Traceback" in said.stderr or "already exists" in said.stderr
        done = subprocess.run(hoinghi("migrate", "--db", db), env=ENV, capture_output=True, text=True)
        unopenable += done.returncode != 0
        if upgrade:
            h = health(db)
            lost += max(0, n - h["latest"])
            duplicated += max(0, h["latest"] - n) + h["double_latest"] + (1 - h["index_ok"])
    return {"kills": tried, "lost": lost, "duplicated": duplicated, "unopenable": unopenable}


def race(db: str, corpora: list[Path], copies: int = 2) -> dict[str, int]:
    """`copies` ingests of each corpus at once on a new store; returns failed runs, the store's health."""
    reset(db)
    procs = [subprocess.Popen(ingest_cmd(c, db), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True) for c in corpora for _ in range(copies)]
    failed = 0
    for p in procs:
        _out, err = p.communicate(timeout=600)
        failed += p.returncode != 0 or "Traceback" in err
    return {"failed": failed, **health(db)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", help="a PostgreSQL URL (an empty database); default: SQLite files in a temporary folder")
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--kills", type=int, default=4, help="kills of each kind")
    ap.add_argument("--races", type=int, default=2, help="rounds of four concurrent ingests")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    import synth

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = args.db or str(tmp / "safety.db")
        a, b = tmp / "a", tmp / "b"
        synth.write_pages(a, args.pages, seed=7, sources=[str(EXAMPLES)])
        synth.write_pages(b, args.pages, seed=8, sources=[str(EXAMPLES)])
        started = time.perf_counter()
        k = kills_during_ingest(db, a, args.pages, args.kills, rng)
        print(f"kills during ingest: {k['kills']} tried; articles lost {k['lost']}, duplicated {k['duplicated']}")
        m = kills_during_schema(db, args.pages, args.kills, rng)
        print(f"kills during schema changes: {m['kills']} tried; articles lost {m['lost']}, duplicated "
              f"{m['duplicated']}; stores left unopenable {m['unopenable']}")
        runs = failed = double = missing = 0
        for _ in range(args.races):
            r = race(db, [a, b])
            runs += 4
            failed += r["failed"]
            double += r["double_latest"]
            missing += abs(r["latest"] - args.pages) + abs(r["rows"] - 2 * args.pages)
        print(f"concurrent ingests: {runs} run ({args.races} rounds of 4); failed {failed}; duplicate latest rows "
              f"{double}; articles lost or extra {missing}")
        print(f"({time.perf_counter() - started:.0f} s, {args.pages} pages a corpus, "
              f"{'PostgreSQL' if args.db else 'SQLite'})")


if __name__ == "__main__":
    main()
