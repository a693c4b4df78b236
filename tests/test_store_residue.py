"""Stores half made by an older hoinghi are repaired by `hoinghi ingest` and `hoinghi migrate`.

Older versions let SQLite commit each statement of a schema change on its own, so a kill left a prefix of a
migration's statements in the file. These tests record the statements a real upgrade runs, replay every prefix of
them one statement per transaction (as those versions did), and check that migrating the result gives the same
schema as a new store, with every article kept."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event

from conftest import EXAMPLES
from hoinghi.store import StoreError, open_store
from hoinghi.store.core import HEAD_REVISION, _sqlite_pragmas, migrate
from hoinghi.store.residue import existing_object

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import bench_safety as bs  # noqa: E402

_SKIP = ("SELECT", "PRAGMA", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT")


def _recorded_upgrade(path: Path) -> list[tuple[str, object, bool]]:
    """The statements that change the store, in order, as a real upgrade of the file at `path` runs them."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _sqlite_pragmas)
    seen: list[tuple[str, object, bool]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_conn, _cur, statement, params, _ctx, many):
        if not statement.lstrip().upper().startswith(_SKIP):
            seen.append((statement, params, many))

    migrate(engine)
    engine.dispose()
    return seen


def _replay_alone(path: Path, statements) -> None:
    """Run `statements` on the file one per transaction, as SQLite did for hoinghi before schema changes were
    atomic."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    for statement, params, many in statements:
        (conn.executemany if many else conn.execute)(statement, params or ())
    conn.close()


def _schema(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(), key=str)
    conn.close()
    return rows


def _latest(path: Path) -> int:
    conn = sqlite3.connect(path)
    n = conn.execute("SELECT count(*) FROM articles WHERE latest").fetchone()[0]
    conn.close()
    return n


@pytest.fixture(scope="module")
def whole(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("whole") / "new.db"
    open_store(str(path)).close()
    return path


def _halves(statements, step: int = 1):
    """Every prefix of `statements` that stops inside the schema change (not before it, not after it)."""
    return range(1, len(statements), step)


def test_a_new_store_killed_after_any_statement_of_its_creation_is_made_whole(tmp_path, whole):
    statements = _recorded_upgrade(tmp_path / "record.db")
    assert len(statements) > 30  # the first schema alone makes tables, indexes, the search index
    for k in _halves(statements):
        path = tmp_path / f"half{k}.db"
        _replay_alone(path, statements[:k])
        store = open_store(str(path))
        assert store.revision == HEAD_REVISION and store.migrated_from in (None, "0001", "0002", "0003", "0004",
                                                                            "0005", "0006")
        store.close()
        assert _schema(path) == _schema(whole), f"after {k} of {len(statements)} statements"


def test_an_upgrade_killed_after_any_statement_keeps_every_article(tmp_path, whole):
    first = tmp_path / "first.db"
    bs.first_schema_store(str(first), 60)
    shutil.copy(first, tmp_path / "record.db")
    statements = _recorded_upgrade(tmp_path / "record.db")
    assert statements
    cleared_some = 0
    for k in _halves(statements):
        path = tmp_path / f"half{k}.db"
        shutil.copy(first, path)
        _replay_alone(path, statements[:k])
        store = open_store(str(path))
        cleared_some += bool(store.cleared)
        store.close()
        assert _schema(path) == _schema(whole), f"after {k} of {len(statements)} statements"
        h = bs.health(str(path))
        assert h["latest"] == 60 and h["double_latest"] == 0 and h["index_ok"] == 1, (k, h)
    assert cleared_some  # some prefixes stop on an object made already: the case this is about


def _half_made_store(tmp_path: Path) -> Path:
    """A new store killed part way through its creation by an older hoinghi: the first tables and indexes made
    (half the statements of the first revision, before its version is stamped)."""
    statements = _recorded_upgrade(tmp_path / "record.db")
    stamped = next(i for i, (sql, _params, _many) in enumerate(statements) if "INTO alembic_version" in sql)
    path = tmp_path / "half.db"
    _replay_alone(path, statements[: stamped // 2])
    return path


def test_ingest_repairs_a_half_made_store_and_says_so(tmp_path):
    path = _half_made_store(tmp_path)
    said = subprocess.run(bs.hoinghi("search", "hội nghị", "--db", str(path)), capture_output=True, text=True,
                          env=bs.ENV, timeout=300)
    assert said.returncode == 1 and "hoinghi ingest" in said.stderr and "Traceback" not in said.stderr
    done = subprocess.run(bs.hoinghi("ingest", str(EXAMPLES), "--db", str(path), "--no-link"), capture_output=True,
                          text=True, env=bs.ENV, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "half way through a schema change" in done.stderr and "already exists" not in done.stderr
    assert _latest(path) == 10
    found = subprocess.run(bs.hoinghi("search", "ket luan 57", "--db", str(path), "--json"), capture_output=True,
                           text=True, env=bs.ENV, timeout=300)
    assert found.returncode == 0 and "ex01_quang-ninh-ket-luan-57" in found.stdout


def test_a_table_with_rows_in_the_way_is_never_dropped(tmp_path):
    path = _half_made_store(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO meta(key, value) VALUES ('owner', 'someone else')")
    conn.commit()
    conn.close()
    before = _schema(path)
    with pytest.raises(StoreError, match="holds rows"):
        open_store(str(path))
    said = subprocess.run(bs.hoinghi("migrate", "--db", str(path)), capture_output=True, text=True, env=bs.ENV,
                          timeout=300)
    assert said.returncode == 1 and "holds rows" in said.stderr and "Traceback" not in said.stderr
    assert _schema(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta").fetchall() == [("someone else",)]
    conn.close()


@pytest.mark.parametrize("message, name", [
    ("table articles already exists", "articles"),
    ("view articles_search already exists", "articles_search"),
    ("index ix_articles_id already exists", "ix_articles_id"),
    ('relation "link_keys" already exists', "link_keys"),
    ('relation "public.ux_articles_latest" already exists', "ux_articles_latest"),
    ("no such table: articles", None),
    ("UNIQUE constraint failed: articles.hash", None),
])
def test_the_object_in_the_way_is_read_from_each_database_s_message(message, name):
    assert existing_object(Exception(message)) == name


def test_postgresql_upgrade_with_an_object_of_the_next_revision_made(db_url):
    """PostgreSQL's schema changes were always transactional; a store someone half-upgraded by hand still opens."""
    bs.first_schema_store(db_url, 20)
    engine = bs._engine(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE crawl_frontier (x integer)")
    engine.dispose()
    store = open_store(db_url)
    assert store.revision == HEAD_REVISION and store.cleared == ["table crawl_frontier"]
    store.close()
    assert bs.health(db_url)["latest"] == 20
