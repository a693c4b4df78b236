"""Opening a store (SQLite file or PostgreSQL URL), migrating it, writing batches of articles, reading them back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, create_engine, event, func, select, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from hoinghi.model import Article, Mention, Page, article_from_dict, plain
from hoinghi.store import schema as s
from hoinghi.text import fold, normalize

DEFAULT_DB = "hoinghi.db"
ENV = "HOINGHI_DB"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """A store that cannot be opened or used, with a message that says what to do."""


class EmptyStoreError(StoreError):
    pass


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
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; a killed writer loses only its batch
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.execute("PRAGMA cache_size=-65536")
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
    """The schema revision the store is at (None: no schema)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    return _alembic()[1]


def migrate(engine: Engine) -> str:
    """Bring the schema to the newest migration shipped in the package (Alembic); returns the revision.

    All of it in one transaction under the write lock (SQLite runs DDL inside the transaction, PostgreSQL's DDL is
    transactional): a process killed while migrating leaves the store as it was, and of two processes opening a
    new store at once, the second finds it made."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg, head = _alembic()
    if revision(engine) == head:
        return head
    with writing(engine) as conn:
        if MigrationContext.configure(conn).get_current_revision() != head:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
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


def article_rows(art: Article, *, hash: str, key: str, raw: str | None, source: str | None,
                 now: str) -> tuple[dict, list[dict], list[dict]]:
    """The row of one article and the rows of its mentions and events (without article_pk)."""
    record = record_dict(art)
    body = "\n".join(art.body + art.captions)
    date = iso_date(art.published) or next((iso_date(e.date) for e in art.events if iso_date(e.date)), None)
    prov, prov25 = province_pair(art.province)
    row = {
        "id": art.id, "hash": hash, "page_key": key, "version": 1, "latest": True, "url": art.url,
        "source": source, "title": art.title, "published": art.published, "date": date,
        "province": prov, "province_2025": prov25,
        "province_fold": fold(prov) if prov else None, "province_2025_fold": fold(prov25) if prov25 else None,
        "text": art.text, "title_fold": fold(art.title or ""), "body_fold": fold(body),
        "record": json.dumps(record, ensure_ascii=False, separators=(",", ":")),
        "raw": zlib.compress(raw.encode("utf-8"), 6) if raw is not None else None, "ingested_at": now,
    }
    ments = [{"idx": i, "type": m.type, "text": m.text, "fold": fold(m.text), "start": m.start, "end": m.end,
              "ref": m.ref} for i, m in enumerate(art.mentions)]
    evs = [{"idx": i, "kind": e.kind, "kind_fold": fold(e.kind), "name": e.name, "date": iso_date(e.date)}
           for i, e in enumerate(art.events)]
    return row, ments, evs


def record_dict(art: Article) -> dict[str, Any]:
    """The record as stored: the contract's JSON without `text` and `mentions` (kept in their own columns and
    table), and without `body` and `captions` when they are the lines of `text` (then `lines` says how many)."""
    record = plain(art, ("text", "mentions"))
    lines = art.body + art.captions
    if all("\n" not in x for x in lines) and art.text == "\n".join(([art.title] if art.title else []) + lines) \
            and (art.title is None or "\n" not in art.title):
        record["lines"] = [len(art.body), len(art.captions)]
        del record["body"], record["captions"]
    return record


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


class Store:
    """A hoinghi store: `open_store(db)` gives one. The same interface over SQLite and PostgreSQL."""

    def __init__(self, url: URL, create: bool = True, migrate: bool | None = None) -> None:
        self.url = url
        self.name = describe(url)
        self.dialect = url.get_backend_name()
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
                raise EmptyStoreError(f"no store at {path}: run `hoinghi ingest PAGES/ --db {path}` first "
                                      "(or `hoinghi demo` for the example corpus)")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def _schema(self, migrate_it: bool) -> str:
        """Migrate the schema to the newest revision, or (for commands that only read) check that it is there."""
        current = self.migrated_from = revision(self.engine)
        if migrate_it:
            return migrate(self.engine)
        head = head_revision()
        if current is None:
            raise EmptyStoreError(f"the store {self.name} holds no articles yet: run `hoinghi ingest PAGES/ "
                                  f"--db {self.name}` first (or `hoinghi demo` for the example corpus)")
        if current != head:
            raise StoreError(f"the store {self.name} has schema {current}, this hoinghi needs {head}: run "
                             f"`hoinghi migrate --db {self.name}` (or `hoinghi ingest`, which migrates first)")
        return current

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
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        prepared = []
        for i, (page, art) in enumerate(items):
            h = hashes[i] if hashes else getattr(page, "content_hash", None) or page_hash(page)
            raw = page.html if page.html is not None else page.text
            prepared.append(article_rows(art, hash=h, key=page_key(page, art), raw=raw, source=page.source, now=now))
        return self.write_rows(prepared)

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
        """Mark the superseded versions no longer latest, insert the articles with their mentions and events;
        returns the articles' keys."""
        a = s.articles
        for part in _chunks(superseded, 900):
            if self.dialect == "sqlite":  # out of the index first, while the view still shows what it holds
                _fts(conn, "delete", part)
            conn.execute(a.update().where(a.c.pk.in_(part)).values(latest=False))
        pks = conn.execute(a.insert().returning(a.c.pk, sort_by_parameter_order=True),
                           [r[0] for r in fresh]).scalars().all()
        ments = [dict(m, article_pk=pk) for pk, (_r, ms, _e) in zip(pks, fresh, strict=True) for m in ms]
        evs = [dict(e, article_pk=pk) for pk, (_r, _m, es) in zip(pks, fresh, strict=True) for e in es]
        if ments:
            conn.execute(s.mentions.insert(), ments)
        if evs:
            conn.execute(s.article_events.insert(), evs)
        return pks

    def rebuild_search_index(self) -> None:
        """Rebuild the full-text index from the latest articles (after a bulk load that bypassed it)."""
        with writing(self.engine) as conn:
            if self.dialect == "sqlite":
                conn.execute(text("INSERT INTO articles_fts(articles_fts) VALUES('rebuild')"))
                conn.execute(text("INSERT INTO articles_fts(articles_fts) VALUES('optimize')"))
            else:
                conn.execute(text("ANALYZE articles"))

    # --- reading ---
    def count(self, table) -> int:
        with self.engine.connect() as conn:
            q = select(func.count()).select_from(table)
            if table is s.articles:
                q = q.where(s.articles.c.latest.is_(True))
            return conn.execute(q).scalar_one()

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

    def require_articles(self) -> None:
        if not self.count(s.articles):
            raise EmptyStoreError(f"the store {self.name} holds no articles yet: run `hoinghi ingest PAGES/ "
                                  f"--db {self.name}` first (or `hoinghi demo` for the example corpus)")

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(s.meta.c.value).where(s.meta.c.key == key)).scalar_one_or_none()

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
