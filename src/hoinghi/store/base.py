"""What reading a store needs, without SQLAlchemy or Alembic: the errors, the schema's newest revision, and a
connection that runs plain SQL (`Reader`).

The commands that only read (`hoinghi search`, `person`, `document`, `event`) open a SQLite store here with the
standard library's sqlite3 (`open_reader`): importing SQLAlchemy alone takes longer than such a command's work.
Each query is written once, as SQL text with `:name` parameters (a list is expanded to `(:name_0, :name_1, …)`),
and runs the same through sqlite3 or a SQLAlchemy connection (PostgreSQL, and every store `open_store` opens).
"""

from __future__ import annotations

import re
from collections import namedtuple
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_DB = "hoinghi.db"
ENV = "HOINGHI_DB"
# The newest migration in migrations/versions/ (a test checks it is Alembic's head): a store at this revision is
# read without importing Alembic.
HEAD_REVISION = "0007"
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",  # readers never block the writer; a killed writer loses only its batch
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=60000",
    "PRAGMA cache_size=-65536",
)


class StoreError(Exception):
    """A store that cannot be opened or used, with a message that says what to do."""


class EmptyStoreError(StoreError):
    pass


def empty_message(name: str) -> str:
    return (f"the store {name} holds no articles yet: run `hoinghi ingest PAGES/ --db {name}` first (or `hoinghi "
            "demo` for the example corpus)")


def no_file_message(path: str) -> str:
    return f"no store at {path}: run `hoinghi ingest PAGES/ --db {path}` first (or `hoinghi demo` for the example corpus)"


def check_revision(name: str, current: str | None) -> str:
    """The revision of a store opened to read: its schema must be this hoinghi's, and it is not migrated here."""
    if current is None:
        raise EmptyStoreError(empty_message(name))
    if current != HEAD_REVISION:
        raise StoreError(f"the store {name} has schema {current}, this hoinghi needs {HEAD_REVISION}: run "
                         f"`hoinghi migrate --db {name}` (or `hoinghi ingest`, which migrates first)")
    return current


VERSION_SQL = "SELECT version_num FROM alembic_version"


def version_of(rows: list) -> str | None:
    """The revision in the rows of `alembic_version` (as Alembic reads it: none, or one)."""
    if len(rows) > 1:
        raise StoreError(f"the store's schema has several heads ({', '.join(r[0] for r in rows)}): run "
                         "`hoinghi migrate`")
    return rows[0][0] if rows else None


def no_version_table(exc: Exception) -> bool:
    """Is `exc` (a driver's error) the one of a database without the table `alembic_version` (a new store)?"""
    return "no such table: alembic_version" in str(exc) or getattr(exc, "sqlstate", None) == "42P01"


@lru_cache(maxsize=256)
def _row_type(names: tuple[str, ...]):
    return namedtuple("Row", names, rename=True)


_LIST_PARAM = re.compile(r":(\w+)")


def expand(sql: str, params: dict[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """`IN :ids` with a list `ids` -> `IN (:ids_0, :ids_1, …)` (`(NULL)` for an empty list: nothing is in it)."""
    params = dict(params or {})
    lists = {k: v for k, v in params.items() if isinstance(v, (list, tuple))}
    if not lists:
        return sql, params

    def one(m: re.Match) -> str:
        name = m.group(1)
        if name not in lists:
            return m.group(0)
        keys = [f"{name}_{i}" for i in range(len(lists[name]))]
        params.update(zip(keys, lists[name], strict=True))
        return "(" + ", ".join(":" + k for k in keys) + ")" if keys else "(NULL)"

    sql = _LIST_PARAM.sub(one, sql)
    for name in lists:
        del params[name]
    return sql, params


class Reader:
    """A read connection: plain SQL in, rows (named tuples) out. Over sqlite3 (`raw` is its cursor's rows) or a
    SQLAlchemy connection (`Reader.sqlalchemy`)."""

    def __init__(self, conn, dialect: str, native: bool = True) -> None:
        self.conn, self.dialect, self.native = conn, dialect, native

    @classmethod
    def sqlalchemy(cls, conn) -> Reader:
        return cls(conn, conn.dialect.name, native=False)

    def _run(self, sql: str, params: dict | None) -> tuple[tuple[str, ...], list]:
        sql, params = expand(sql, params)
        if self.native:
            cur = self.conn.execute(sql, params)
            return tuple(d[0] for d in cur.description or ()), cur.fetchall()
        from sqlalchemy import text

        result = self.conn.execute(text(sql), params)
        return tuple(result.keys()), [tuple(r) for r in result]

    def rows(self, sql: str, params: dict | None = None) -> list:
        names, rows = self._run(sql, params)
        make = _row_type(names)._make
        return [make(r) for r in rows]

    def maps(self, sql: str, params: dict | None = None) -> list[dict[str, Any]]:
        names, rows = self._run(sql, params)
        return [dict(zip(names, r, strict=True)) for r in rows]

    def scalars(self, sql: str, params: dict | None = None) -> list:
        return [r[0] for r in self._run(sql, params)[1]]

    def scalar(self, sql: str, params: dict | None = None):
        rows = self._run(sql, params)[1]
        return rows[0][0] if rows else None

    def one(self, sql: str, params: dict | None = None) -> tuple:
        rows = self._run(sql, params)[1]
        if len(rows) != 1:
            raise StoreError(f"expected one row, got {len(rows)}")
        return rows[0]

    def raw(self, sql: str, params: dict | None = None):
        """Plain tuples, without making rows (many rows, read once)."""
        return self._run(sql, params)[1]

    def run(self, sql: str) -> None:
        """A statement that returns no rows (a setting for this transaction)."""
        if self.native:
            self.conn.execute(sql)
        else:
            self.conn.exec_driver_sql(sql)


def sqlite_connect(path: str):
    """A sqlite3 connection set up as the store's SQLAlchemy engine sets its own up (the driver opens no
    transactions itself: `Reading.reading` does)."""
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        for pragma in SQLITE_PRAGMAS:
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


class Reading:
    """What every store reads with: `reading()` gives a `Reader` in a read transaction (one snapshot). A SQLite file
    is read with sqlite3, other stores with their SQLAlchemy engine."""

    name: str
    dialect: str
    sqlite_path: str | None = None  # a SQLite store in a file: read with sqlite3

    @contextmanager
    def reading(self):
        if self.sqlite_path is not None:
            conn = sqlite_connect(self.sqlite_path)
            try:
                conn.execute("BEGIN")
                yield Reader(conn, "sqlite")
            finally:
                conn.close()  # the read transaction ends with the connection
            return
        with self.engine.connect() as conn:
            yield Reader.sqlalchemy(conn)

    def count(self, table) -> int:
        name = getattr(table, "name", table)
        where = " WHERE latest = :true" if name == "articles" else ""
        with self.reading() as r:
            return r.scalar(f"SELECT count(*) FROM {name}{where}", {"true": True})

    def require_articles(self) -> None:
        if not self.count("articles"):
            raise EmptyStoreError(empty_message(self.name))

    def get_meta(self, key: str) -> str | None:
        with self.reading() as r:
            return r.scalar("SELECT value FROM meta WHERE key = :key", {"key": key})


class SqliteReader(Reading):
    """A SQLite store opened to read only, with sqlite3 (`open_reader`)."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        import sqlite3

        self.name = self.sqlite_path = path
        if not Path(path).exists():
            raise EmptyStoreError(no_file_message(path))
        try:
            with self.reading() as r:
                r.scalar("SELECT 1")
                current = self.migrated_from = _revision(r)
        except sqlite3.OperationalError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot open the SQLite store {self.name}: {reason}") from None
        except sqlite3.Error as exc:
            raise StoreError(f"cannot use the store {self.name}: {str(exc).strip()}") from None
        self.revision = check_revision(self.name, current)

    def close(self) -> None:
        pass

    def __enter__(self) -> SqliteReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _revision(r: Reader) -> str | None:
    try:
        return version_of(r.raw(VERSION_SQL))
    except Exception as exc:
        if no_version_table(exc):
            return None
        raise


def open_reader(db: str | None = None) -> Reading:
    """A store to read only: a SQLite file through sqlite3 (no SQLAlchemy, no Alembic); a URL through
    `open_store(db, create=False)`. Neither creates nor migrates: a store behind this hoinghi's schema says to run
    `hoinghi migrate`."""
    import os

    db = db or os.environ.get(ENV) or DEFAULT_DB
    if "://" not in db:
        return SqliteReader(str(Path(db).expanduser().resolve()))
    from hoinghi.store.core import open_store

    return open_store(db, create=False)
