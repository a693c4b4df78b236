"""The store under concurrent writers and kills, with real `hoinghi` processes: two ingests at once leave one latest
row per page, a store two ingests raced on before is repaired by `hoinghi ingest`, a migration killed half way
leaves a store that opens, and read commands do not migrate. Each test runs on SQLite and, with HOINGHI_TEST_PG
set, on PostgreSQL."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from conftest import EXAMPLES
from hoinghi.store import open_store
from hoinghi.store import schema as s

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import bench_safety as bs  # noqa: E402
import synth  # noqa: E402


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(bs.hoinghi(*args), capture_output=True, text=True, env=bs.ENV, timeout=600)


def test_two_ingests_at_once_leave_one_latest_row_per_page(db_url, tmp_path):
    """Four ingests start together on a new store: two of one corpus, two of the same page ids with other text.
    Every page ends with two versions and exactly one latest; nobody dies of an IntegrityError."""
    n = 120
    a, b = tmp_path / "a", tmp_path / "b"
    names = synth.write_pages(a, n, seed=7, sources=[str(EXAMPLES)])
    assert synth.write_pages(b, n, seed=8, sources=[str(EXAMPLES)]) == names
    got = bs.race(db_url, [a, b])
    assert got == {"failed": 0, "latest": n, "rows": 2 * n, "hashes": 2 * n, "double_latest": 0, "index_ok": 1}
    store = open_store(db_url, create=False)
    with store.engine.connect() as conn:
        versions = conn.execute(select(s.articles.c.page_key, s.articles.c.version)).all()
    assert sorted(v for _k, v in versions) == [1] * n + [2] * n
    assert len(set(versions)) == 2 * n
    from hoinghi.store.export import export

    out = io.StringIO()
    assert export(store, "articles", "jsonl", out) == n
    store.close()


def _raced_store(db_url: str, example_results) -> list[str]:
    """A store at schema 0002 in the state two racing ingests left: each of three pages stored twice as version 1,
    both rows latest (and, on SQLite, both in the search index). Returns the three pages' ids."""
    from alembic import command

    from hoinghi.store.core import _alembic, article_rows, page_key

    engine = bs._engine(db_url)
    cfg, _head = _alembic()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        for i, (page, art) in enumerate(example_results[:3]):
            for copy in (1, 2):
                row, _m, evs = article_rows(art, hash=f"h{i}-{copy}", key=page_key(page, art), raw=page.text,
                                            source=None, now="2025-01-01T00:00:00")
                pk = conn.execute(s.articles.insert().returning(s.articles.c.pk), [row]).scalar_one()
                conn.execute(s.article_events.insert(), [dict(e, article_pk=pk) for e in evs])
                if engine.dialect.name == "sqlite":
                    conn.execute(text("INSERT INTO articles_fts(rowid, title_fold, body_fold, tags) "
                                      "SELECT pk, title_fold, body_fold, tags FROM articles_search WHERE pk = :pk"),
                                 {"pk": pk})
    engine.dispose()
    return [a.id for _p, a in example_results[:3]]


def test_ingest_repairs_a_store_two_ingests_raced_on(db_url, example_results):
    ids = _raced_store(db_url, example_results)
    assert bs.health(db_url)["double_latest"] == 3
    done = _run("ingest", str(EXAMPLES), "--db", db_url, "--no-link")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "IntegrityError" not in done.stderr
    h = bs.health(db_url)
    assert h["double_latest"] == 0 and h["index_ok"] == 1
    assert h["latest"] == 10  # the ten example pages, each once
    store = open_store(db_url, create=False)
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.articles.c.id, s.articles.c.version, s.articles.c.latest)
                            .where(s.articles.c.id == ids[0]).order_by(s.articles.c.version)).all()
    # the two racing rows are versions 1 and 2; the example page itself (another hash: its source differs) is 3
    assert [(r.version, bool(r.latest)) for r in rows] == [(1, False), (2, False), (3, True)]
    from hoinghi.store.search import search

    hits = [h.id for h in search(store, "ket luan", limit=50)]
    assert len(hits) == len(set(hits)) and ids[0] in hits
    store.close()


def test_the_database_refuses_a_second_latest_row(store, example_results):
    from hoinghi.store.core import article_rows, page_key

    page, art = example_results[0]
    store.write_batch([(page, art)])
    row, _m, _e = article_rows(art, hash="other", key=page_key(page, art), raw=None, source=None, now="x")
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(s.articles.insert(), [row])


def _kill_migrate(db_url: str, prepare) -> None:
    """Kill `hoinghi migrate` while it holds the write lock (the schema being made or changed); a few tries, as
    a short migration may end before it is caught."""
    for _ in range(8):
        bs.reset(db_url)
        prepare()
        if bs.kill_when_locked(bs.hoinghi("migrate", "--db", db_url), db_url):
            return
    pytest.fail("hoinghi migrate always ended before it could be killed")


def test_a_killed_schema_creation_leaves_a_store_that_opens(db_url):
    _kill_migrate(db_url, lambda: None)
    said = _run("search", "hội nghị", "--db", db_url)
    assert said.returncode == 1 and "Traceback" not in said.stderr
    assert "hoinghi ingest" in said.stderr and "already exists" not in said.stderr
    done = _run("ingest", str(EXAMPLES), "--db", db_url, "--no-link")
    assert done.returncode == 0, done.stderr[-3000:]
    assert bs.health(db_url)["latest"] == 10
    found = _run("search", "ket luan 57", "--db", db_url, "--json")
    assert found.returncode == 0 and "ex01_quang-ninh-ket-luan-57" in found.stdout


def test_a_killed_upgrade_leaves_the_store_as_it_was(db_url):
    n = 400
    _kill_migrate(db_url, lambda: bs.first_schema_store(db_url, n))
    said = _run("search", "hội nghị", "--db", db_url)
    assert said.returncode == 1 and "hoinghi migrate" in said.stderr and "Traceback" not in said.stderr
    assert bs.health(db_url)["latest"] == n
    done = _run("migrate", "--db", db_url)
    from hoinghi.store.core import head_revision

    assert done.returncode == 0 and f"0001 → {head_revision()}" in done.stderr, done.stderr
    h = bs.health(db_url)
    assert h["latest"] == n and h["double_latest"] == 0 and h["index_ok"] == 1
    found = _run("search", "hội nghị", "--db", db_url, "-n", "3", "--json")
    assert found.returncode == 0 and found.stdout.count('"id"') == 3


def test_read_commands_do_not_migrate(db_url):
    bs.first_schema_store(db_url, 5)
    for args in (["search", "hội nghị"], ["export"], ["person", "Nguyễn Văn Hải"]):
        said = _run(*args, "--db", db_url)
        assert said.returncode == 1 and "schema 0001" in said.stderr and "hoinghi migrate" in said.stderr, said
    from hoinghi.store.core import revision

    assert revision(bs._engine(db_url)) == "0001"
