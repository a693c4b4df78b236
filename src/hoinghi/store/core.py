"""Opening a store (SQLite file or PostgreSQL URL), migrating it, writing batches of articles, reading them back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, create_engine, event, func, select, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from hoinghi.model import Article, Mention, Page, article_from_dict, plain
from hoinghi.store import schema as s
from hoinghi.store.base import (  # noqa: F401 - DEFAULT_DB, ENV: where they were
    DEFAULT_DB,
    ENV,
    HEAD_REVISION,
    SQLITE_PRAGMAS,
    VERSION_SQL,
    EmptyStoreError,
    Reading,
    StoreError,
    check_revision,
    no_file_message,
    no_version_table,
    version_of,
)
from hoinghi.text import _SPACES, fold, normalize

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def resolve_url(db: str | None = None) -> URL:
    """`--db`, else $HOINGHI_DB, else ./hoinghi.db: a plain file path (SQLite) or a URL (sqlite:///…,
    postgresql://…)."""
    db = db or os.environ.get(ENV) or DEFAULT_DB
    if "://" not in db:
        return URL.create("sqlite", database=str(Path(db).expanduser().resolve()))
    try:
        url = make_url(db)
    except ArgumentError as exc:
        raise StoreError(f"cannot read the database URL {db!r}: {exc}. Give a file path (hoinghi.db) or a URL "
                         "such as postgresql://user:password@localhost:5432/hoinghi") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise StoreError(f"unsupported database {url.drivername!r} in {url.render_as_string(hide_password=True)}: "
                     "hoinghi stores in SQLite (a file path or sqlite:///path) or PostgreSQL (postgresql://…)")


def describe(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


# PostgreSQL: the advisory lock every writer (ingest batch, migration, link) takes first, so that what it reads
# (stored hashes, latest versions, the schema's revision) cannot change before it writes
WRITE_LOCK = 0x686F696E  # "hoin"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # the driver must not open transactions itself (it would not for DDL, which then commits alone, nor take the
    # write lock first): SQLAlchemy's "begin" event does, below
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    for pragma in SQLITE_PRAGMAS:
        cur.execute(pragma)
    cur.close()


def _sqlite_begin(conn) -> None:
    """BEGIN for readers; BEGIN IMMEDIATE (the database's write lock, waited for) for a connection marked
    `writer`, before it reads anything it will write on."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN")


@contextmanager
def writing(engine: Engine):
    """A transaction that holds the store's write lock from its first statement: SQLite `BEGIN IMMEDIATE`,
    PostgreSQL a transaction-scoped advisory lock. Writers queue; each reads what the one before committed."""
    with engine.connect() as conn:
        conn.execution_options(writer=True)
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
            yield conn


def _alembic():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg, ScriptDirectory.from_config(cfg).get_current_head()


def revision(engine: Engine) -> str | None:
    """The schema revision the store is at (None: no schema), read with one query (no Alembic)."""
    with engine.connect() as conn:
        try:
            return version_of(conn.exec_driver_sql(VERSION_SQL).all())
        except DBAPIError as exc:
            if no_version_table(exc.orig):
                return None
            raise


def head_revision() -> str:
    """The newest revision shipped (`HEAD_REVISION`, which a test keeps equal to Alembic's head)."""
    return HEAD_REVISION


def migrate(engine: Engine, cleared: list[str] | None = None) -> str:
    """Bring the schema to the newest migration shipped in the package (Alembic); returns the revision.

    All of it in one transaction under the write lock (SQLite runs DDL inside the transaction, PostgreSQL's DDL is
    transactional): a process killed while migrating leaves the store as it was, and of two processes opening a
    new store at once, the second finds it made. What an older hoinghi, killed in a schema change, left half made
    is cleared on the way (`hoinghi.store.residue`); the objects cleared are added to `cleared`."""
    if revision(engine) == HEAD_REVISION:  # a store up to date: Alembic is not even imported
        return HEAD_REVISION
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from hoinghi.store.residue import upgrade_clearing_residue

    cfg, head = _alembic()
    with writing(engine) as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current != head:
            cfg.attributes["connection"] = conn
            done = upgrade_clearing_residue(conn, lambda: command.upgrade(cfg, "head"), current)
            if cleared is not None:
                cleared.extend(done)
    return head


def page_hash(page: Page) -> str:
    """The page's identity for ingest: its url and its raw text normalised (NFC, one tone placement, spaces)."""
    raw = page.text if page.text is not None else (page.html or "")
    key = (page.url or "") + "\n" + " ".join(normalize(raw).split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def page_key(page: Page, art: Article | None = None) -> str:
    return page.url or (art.url if art else None) or page.id or (art.id if art else None) or page_hash(page)


_ISO = re.compile(r"^\d{4}-\d{2}(-\d{2})?")


def iso_date(value: str | None) -> str | None:
    m = _ISO.match(value or "")
    return m.group(0) if m else None


@lru_cache(maxsize=4096)
def province_pair(name: str | None) -> tuple[str | None, str | None]:
    """(the province as named before 2025, the province after the 2025 merger)."""
    if not name:
        return None, None
    try:
        from hoinghi.geo import province_info

        info = province_info(name)
    except Exception:  # the gazetteer is optional for the store
        info = None
    if info and info[2] == "province":
        return info[0] or name, info[1] or info[0] or name
    return name, None


# a mention's or an event kind's text folds alike in every article that has it: folded once a process
_fold_name = lru_cache(maxsize=1 << 16)(fold)


def _fold_text(text_: str) -> str:
    """`fold(text_)`, without `normalize` first where it could not change the result: on NFC text without the signs
    it replaces (spaces, eth, CR), it only moves tone marks from one vowel to the next, which folding drops."""
    if unicodedata.is_normalized("NFC", text_) and not any(c in text_ for c in _SPACES):
        return fold(text_, normalized=True)
    return fold(text_)


def article_rows(art: Article, *, hash: str, key: str, raw: str | None, source: str | None,
                 now: str) -> tuple[dict, list[dict], list[dict]]:
    """The row of one article and the rows of its mentions and events (without article_pk)."""
    body = "\n".join(art.body + art.captions)
    date = iso_date(art.published) or next((iso_date(e.date) for e in art.events if iso_date(e.date)), None)
    prov, prov25 = province_pair(art.province)
    row = {
        "id": art.id, "hash": hash, "page_key": key, "version": 1, "latest": True, "url": art.url,
        "source": source, "title": art.title, "published": art.published, "date": date,
        "province": prov, "province_2025": prov25,
        "province_fold": _fold_name(prov) if prov else None,
        "province_2025_fold": _fold_name(prov25) if prov25 else None,
        "text": art.text, "title_fold": _fold_text(art.title or ""), "body_fold": _fold_text(body),
        "record": record_json(art),
        # level 1: half the time of level 6 for a tenth more bytes (the raw page is kept, seldom read)
        "raw": zlib.compress(raw.encode("utf-8"), 1) if raw is not None else None, "ingested_at": now,
    }
    ments = [{"idx": i, "type": m.type, "text": m.text, "fold": _fold_name(m.text), "start": m.start, "end": m.end,
              "ref": m.ref} for i, m in enumerate(art.mentions)]
    evs = [{"idx": i, "kind": e.kind, "kind_fold": _fold_name(e.kind), "name": e.name, "date": iso_date(e.date)}
           for i, e in enumerate(art.events)]
    return row, ments, evs


def _stored_fields(art: Article, record: dict[str, Any]) -> dict[str, Any]:
    """`record` (the article's fields but `text` and `mentions`) without `body` and `captions` when they are the
    lines of `text` (then `lines` says how many): the cleaned text is stored once, in the column `text`."""
    lines = art.body + art.captions
    if all("\n" not in x for x in lines) and art.text == "\n".join(([art.title] if art.title else []) + lines) \
            and (art.title is None or "\n" not in art.title):
        record["lines"] = [len(art.body), len(art.captions)]
        del record["body"], record["captions"]
    return record


def record_dict(art: Article) -> dict[str, Any]:
    """The record as stored: the contract's JSON without `text` and `mentions` (kept in their own columns and
    table), and without `body` and `captions` when they are the lines of `text` (then `lines` says how many)."""
    return _stored_fields(art, plain(art, ("text", "mentions")))


_RECORD_FIELDS = tuple(f for f in Article.__dataclass_fields__ if f not in ("text", "mentions"))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _as_dict(value: Any) -> Any:
    """`json.dumps`'s hook for what it cannot encode itself: a dataclass as the dict of its fields (its own
    `__dict__` when that holds exactly its fields, in their order, as it does unless an attribute was added)."""
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    own = getattr(value, "__dict__", None)
    if own is not None and tuple(own) == names:
        return own
    return {name: getattr(value, name) for name in names}


def record_json(art: Article) -> str:
    """`record_dict(art)` encoded, the one encoding of the record: the C encoder walks the article's lists itself
    and asks for a dict only at each dataclass (no copy of the record made first)."""
    record = _stored_fields(art, {name: getattr(art, name) for name in _RECORD_FIELDS})
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=_as_dict)


def now_stamp() -> str:
    """When a batch is written (`articles.ingested_at`): UTC, to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Stored:
    """What `write_batch` did: new articles, of which new versions of a page already stored, and pages skipped."""

    added: int = 0
    versions: int = 0
    skipped: int = 0


def _fts(conn, action: str, pks: Sequence[int]) -> None:
    """Add articles to the SQLite search index, or take them out ("delete": FTS5 must be given the text it
    indexed, which the view `articles_search` shows while the article is the latest version)."""
    if not pks:
        return
    cmd = "articles_fts, " if action == "delete" else ""
    val = "'delete', " if action == "delete" else ""
    conn.execute(text(f"INSERT INTO articles_fts({cmd}rowid, title_fold, body_fold, tags) "
                      f"SELECT {val}pk, title_fold, body_fold, tags FROM articles_search WHERE pk IN :pks")
                 .bindparams(bindparam("pks", expanding=True)), {"pks": list(pks)})


def _values(table) -> Any:
    """The getter of a row dict's values for the table's columns after its first (the key the rows are inserted
    under, put before them), in the table's order."""
    return itemgetter(*[c.name for c in table.columns][1:])


_ARTICLE_VALUES = _values(s.articles)
_MENTION_VALUES = _values(s.mentions)
_EVENT_VALUES = _values(s.article_events)


@lru_cache(maxsize=32)
def _insert_sql(dialect, table_name: str) -> str:
    table = s.metadata.tables[table_name]
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    names = [c.name for c in table.columns]
    return (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
            f"VALUES ({', '.join([mark] * len(names))})")


def _insert_many(conn, table, rows: list[tuple]) -> None:
    """Insert rows (tuples in the table's column order) with one `executemany` of the driver's: no statement
    compiled, no parameters processed row by row on the way."""
    if rows:
        conn.exec_driver_sql(_insert_sql(conn.dialect, table.name), rows)


def _new_keys(conn, n: int) -> list[int]:
    """Keys for `n` new articles, increasing, taken under the write lock: on SQLite those it would give them itself
    (the largest stored + 1, …: `pk` is a rowid without AUTOINCREMENT), on PostgreSQL drawn from the column's
    sequence (so the sequence moves past them, as an insert that drew them itself would)."""
    if conn.dialect.name == "sqlite":
        top = conn.exec_driver_sql("SELECT max(pk) FROM articles").scalar() or 0
        return list(range(top + 1, top + 1 + n))
    return sorted(conn.exec_driver_sql("SELECT nextval(pg_get_serial_sequence('articles', 'pk')) "
                                       "FROM generate_series(1, %s)", (n,)).scalars())


def _fresh(conn, prepared: list[tuple[dict, list[dict], list[dict]]]) -> list[tuple[dict, list[dict], list[dict]]]:
    """The prepared rows whose page is not stored yet (by hash), each page once."""
    a = s.articles
    known = set()
    for part in _chunks([r[0]["hash"] for r in prepared], 900):
        known.update(conn.execute(select(a.c.hash).where(a.c.hash.in_(part))).scalars())
    fresh, seen = [], set()
    for row, ments, evs in prepared:
        if row["hash"] in known or row["hash"] in seen:
            continue
        seen.add(row["hash"])
        fresh.append((row, ments, evs))
    return fresh


def _number_versions(conn, fresh: list[tuple[dict, list[dict], list[dict]]]) -> tuple[list[int], int]:
    """Give each fresh row its version at its page key and mark the last of each key latest; returns the keys of
    the stored rows they supersede and how many rows are new versions of a page."""
    a = s.articles
    keys = list({r[0]["page_key"] for r in fresh})
    latest: dict[str, int] = {}
    versions: dict[str, int] = {}
    for part in _chunks(keys, 900):
        for pk, key in conn.execute(select(a.c.pk, a.c.page_key)
                                    .where(a.c.page_key.in_(part), a.c.latest.is_(True))):
            latest[key] = pk
        for key, version in conn.execute(select(a.c.page_key, func.max(a.c.version))
                                         .where(a.c.page_key.in_(part)).group_by(a.c.page_key)):
            versions[key] = version
    last_of = {r[0]["page_key"]: i for i, r in enumerate(fresh)}
    new_versions = 0
    for i, (row, _m, _e) in enumerate(fresh):
        key = row["page_key"]
        versions[key] = versions.get(key, 0) + 1
        row["version"] = versions[key]
        row["latest"] = last_of[key] == i
        new_versions += row["version"] > 1
    return [latest[k] for k in last_of if k in latest], new_versions


def repair_latest(conn, dialect: str) -> int:
    """Make a store that two writers raced on whole again (before writers took the lock first): of the rows of a
    page key marked latest, the last written stays latest; versions of a key numbered again 1, 2, … in the order
    written. Returns how many rows stopped being latest. Used by migration 0003, under the write lock."""
    losers = conn.execute(text(
        "SELECT a.pk FROM articles a WHERE a.latest AND EXISTS (SELECT 1 FROM articles b WHERE b.latest "
        "AND b.page_key = a.page_key AND b.pk > a.pk)")).scalars().all()
    for part in _chunks(losers, 900):
        if dialect == "sqlite":  # out of the search index while the view still shows what it holds
            _fts(conn, "delete", part)
        conn.execute(s.articles.update().where(s.articles.c.pk.in_(part)).values(latest=False))
    conn.execute(text(
        "UPDATE articles SET version = (SELECT count(*) FROM articles b WHERE b.page_key = articles.page_key "
        "AND b.pk <= articles.pk) WHERE page_key IN (SELECT page_key FROM articles GROUP BY page_key, version "
        "HAVING count(*) > 1)"))
    return len(losers)


def _chunks(seq: Sequence, n: int) -> Iterator[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


class Store(Reading):
    """A hoinghi store: `open_store(db)` gives one. The same interface over SQLite and PostgreSQL. It reads
    (`Reading`: `reading`, `count`, `get_meta`) a SQLite file with sqlite3, the rest with its engine."""

    def __init__(self, url: URL, create: bool = True, migrate: bool | None = None) -> None:
        self.url = url
        self.name = describe(url)
        self.dialect = url.get_backend_name()
        self.cleared: list[str] = []  # what an interrupted older schema change had left, cleared when migrating
        if self.dialect == "sqlite" and url.database and url.database != ":memory:":
            self.sqlite_path = url.database
        self.engine = self._engine(url, create)
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            self.revision = self._schema(create if migrate is None else migrate)
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            if self.dialect == "sqlite":
                raise StoreError(f"cannot open the SQLite store {self.name}: {reason}") from None
            raise StoreError(f"cannot reach the PostgreSQL server for {self.name}: {reason}. Is the server "
                             "running, and the host, port, user, password and database name right?") from None
        except DBAPIError as exc:
            raise StoreError(f"cannot use the store {self.name}: {str(exc.orig or exc).strip()}") from None

    def _engine(self, url: URL, create: bool) -> Engine:
        if self.dialect != "sqlite":
            try:
                return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
            except NoSuchModuleError as exc:  # pragma: no cover - depends on the install
                raise StoreError(f"cannot use {self.name}: {exc} (pip install 'psycopg[binary]')") from None
        path = url.database
        if path and path != ":memory:":
            if not create and not Path(path).exists():
                raise EmptyStoreError(no_file_message(path))
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def _schema(self, migrate_it: bool) -> str:
        """Migrate the schema to the newest revision, or (for commands that only read) check that it is there."""
        current = self.migrated_from = revision(self.engine)
        if migrate_it:
            return migrate(self.engine, self.cleared)
        return check_revision(self.name, current)

    # --- lifecycle ---
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        found: set[str] = set()
        if not hashes:
            return found
        with self.engine.connect() as conn:
            for part in _chunks(hashes, 900):
                found.update(conn.execute(select(s.articles.c.hash).where(s.articles.c.hash.in_(part))).scalars())
        return found

    def write_batch(self, items: Sequence[tuple[Page, Article]], hashes: Sequence[str] | None = None) -> Stored:
        """Store extracted pages in one transaction: all of the batch or none of it. A page whose hash is stored is
        skipped; a page whose key (url, else id) is stored with other content becomes its new latest version."""
        now = now_stamp()
        return self.write_rows([self.prepare(page, art, now, hashes[i] if hashes else None)
                                for i, (page, art) in enumerate(items)])

    @staticmethod
    def prepare(page: Page, art: Article, now: str | None = None, hash: str | None = None) -> tuple:
        """The rows `write_rows` stores for one extracted page. Made as pages come, they let the page and its
        article go: a batch held as rows (dicts and lists of plain values) keeps the garbage collector idle, where
        a batch of articles (hundreds of objects each) has it walk every object of the process again and again."""
        h = hash or getattr(page, "content_hash", None) or page_hash(page)
        raw = page.html if page.html is not None else page.text
        return article_rows(art, hash=h, key=page_key(page, art), raw=raw, source=page.source, now=now or now_stamp())

    def write_rows(self, prepared: list[tuple[dict, list[dict], list[dict]]]) -> Stored:
        out = Stored()
        with writing(self.engine) as conn:  # the lock first: then the hashes and versions read stay true
            fresh = _fresh(conn, prepared)
            out.skipped = len(prepared) - len(fresh)
            if not fresh:
                return out
            superseded, out.versions = _number_versions(conn, fresh)
            pks = self._insert(conn, fresh, superseded)
            if self.dialect == "sqlite":
                for part in _chunks([pk for pk, r in zip(pks, fresh, strict=True) if r[0]["latest"]], 900):
                    _fts(conn, "insert", part)
            out.added = len(fresh)
        return out

    def _insert(self, conn, fresh: list[tuple[dict, list[dict], list[dict]]], superseded: list[int]) -> list[int]:
        """Mark the superseded versions no longer latest, insert the articles with their mentions and events (one
        `executemany` a table, the rows handed to the driver as tuples); returns the articles' keys."""
        a = s.articles
        for part in _chunks(superseded, 900):
            if self.dialect == "sqlite":  # out of the index first, while the view still shows what it holds
                _fts(conn, "delete", part)
            conn.execute(a.update().where(a.c.pk.in_(part)).values(latest=False))
        pks = _new_keys(conn, len(fresh))
        _insert_many(conn, a, [(pk, *_ARTICLE_VALUES(r)) for pk, (r, _m, _e) in zip(pks, fresh, strict=True)])
        _insert_many(conn, s.mentions, [(pk, *_MENTION_VALUES(m)) for pk, (_r, ms, _e) in zip(pks, fresh, strict=True)
                                        for m in ms])
        _insert_many(conn, s.article_events, [(pk, *_EVENT_VALUES(e))
                                              for pk, (_r, _m, es) in zip(pks, fresh, strict=True) for e in es])
        return pks

    def rebuild_search_index(self) -> None:
        """Rebuild the full-text index from the latest articles (after a bulk load that bypassed it)."""
        with writing(self.engine) as conn:
            if self.dialect == "sqlite":
                conn.execute(text("INSERT INTO articles_fts(articles_fts) VALUES('rebuild')"))
                conn.execute(text("INSERT INTO articles_fts(articles_fts) VALUES('optimize')"))
            else:
                conn.execute(text("ANALYZE articles"))

    # --- reading (`count`, `get_meta`, `require_articles`: `Reading`) ---
    def counts(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            def n(q):
                return conn.execute(q).scalar_one()

            a = s.articles
            return {
                "articles": n(select(func.count()).select_from(a).where(a.c.latest.is_(True))),
                "versions": n(select(func.count()).select_from(a)),
                "mentions": n(select(func.count()).select_from(s.mentions)),
                "people": n(select(func.count()).select_from(s.people)),
                "documents": n(select(func.count()).select_from(s.documents)),
                "events": n(select(func.count()).select_from(s.events)),
                "bridge_points": n(select(func.count()).select_from(s.bridge_points)),
                "duplicate_groups": n(select(func.count(func.distinct(s.duplicates.c.group_id)))),
                "linked_at": self.get_meta("linked_at"),
            }

    def article_ids(self, latest: bool = True) -> list[str]:
        with self.engine.connect() as conn:
            q = select(s.articles.c.id).order_by(s.articles.c.pk)
            if latest:
                q = q.where(s.articles.c.latest.is_(True))
            return list(conn.execute(q).scalars())

    def iter_articles(self, latest: bool = True, batch: int = 2000, where=None) -> Iterator[Article]:
        """The stored records rebuilt as `Article`s (text and mentions put back), in ingest order."""
        a, m = s.articles, s.mentions
        last = 0
        with self.engine.connect() as conn:
            while True:
                q = select(a.c.pk, a.c.text, a.c.record).where(a.c.pk > last).order_by(a.c.pk).limit(batch)
                if latest:
                    q = q.where(a.c.latest.is_(True))
                if where is not None:
                    q = q.where(where)
                rows = conn.execute(q).all()
                if not rows:
                    return
                pks = [r.pk for r in rows]
                by_pk: dict[int, list[Mention]] = {}
                for r in conn.execute(select(m).where(m.c.article_pk.between(pks[0], pks[-1]))
                                      .order_by(m.c.article_pk, m.c.idx)):
                    by_pk.setdefault(r.article_pk, []).append(Mention(r.type, r.text, r.start, r.end, r.ref))
                for r in rows:
                    yield record_article(r.record, r.text, by_pk.get(r.pk, []))
                last = pks[-1]

    def raw_page(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            raw = conn.execute(select(s.articles.c.raw).where(s.articles.c.id == article_id)
                               .order_by(s.articles.c.latest.desc(), s.articles.c.version.desc())).first()
        return zlib.decompress(raw[0]).decode("utf-8") if raw and raw[0] is not None else None

    def set_meta(self, conn, key: str, value: str) -> None:
        conn.execute(s.meta.delete().where(s.meta.c.key == key))
        conn.execute(s.meta.insert().values(key=key, value=value))


def record_article(record: str | dict, text_: str, mentions: list[Mention]) -> Article:
    data = json.loads(record) if isinstance(record, str) else dict(record)
    lines = data.pop("lines", None)
    if lines is not None:
        rest = text_.split("\n")[1 if data.get("title") else 0:] if text_ else []
        data["body"], data["captions"] = rest[:lines[0]], rest[lines[0]:lines[0] + lines[1]]
    art = article_from_dict(data)
    art.text = text_
    art.mentions = mentions
    return art


def open_store(db: str | None = None, create: bool = True, migrate: bool | None = None) -> Store:
    """Open (and create or migrate) the store at `db` (a path or URL; default $HOINGHI_DB or ./hoinghi.db).
    `create=False` is for commands that only read: it refuses to create a new SQLite file and, unless `migrate`,
    to change the schema (a store behind the package's schema says to run `hoinghi migrate`)."""
    return Store(resolve_url(db), create=create, migrate=migrate)


__all__ = ["Store", "StoreError", "EmptyStoreError", "open_store", "resolve_url", "page_hash"]
