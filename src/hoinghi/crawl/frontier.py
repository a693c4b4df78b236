"""The crawl frontier kept in the store (`crawl_frontier`, migration 0005): every URL found, its kind and state,
the validators of its last fetch for conditional GET, when it was fetched, tries and last error."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, update

from hoinghi.store import schema as s
from hoinghi.store.core import Store, writing

from .discover import host

T = s.crawl_frontier
QUEUED, DONE, UNCHANGED, ERROR, BLOCKED = "queued", "done", "unchanged", "error", "blocked"


def _insert(dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(T).on_conflict_do_nothing(index_elements=["url"])


class Frontier:
    def __init__(self, store: Store):
        self.engine, self.dialect = store.engine, store.dialect

    def add(self, urls: Iterable[str], kind: str) -> int:
        """Queue the URLs not in the frontier yet; returns how many were new."""
        rows = [{"url": u, "host": host(u), "kind": kind, "state": QUEUED, "tries": 0} for u in dict.fromkeys(urls)]
        if not rows:
            return 0
        with writing(self.engine) as conn:
            return max(conn.execute(_insert(self.dialect), rows).rowcount or 0, 0)

    def queued(self, limit: int, skip: set[str]) -> list:
        q = select(T).where(T.c.state == QUEUED).order_by(T.c.id).limit(limit + len(skip))
        with self.engine.connect() as conn:
            return [r for r in conn.execute(q) if r.url not in skip][:limit]

    def pending(self, hosts: Iterable[str]) -> int:
        q = select(func.count()).select_from(T).where(T.c.state == QUEUED, T.c.host.in_(list(hosts)))
        with self.engine.connect() as conn:
            return conn.execute(q).scalar_one()

    def new_pass(self, hosts: Iterable[str]) -> int:
        """Queue again every URL of these hosts (validators kept, so unchanged pages answer 304)."""
        q = update(T).where(T.c.host.in_(list(hosts)), T.c.state != QUEUED).values(state=QUEUED, tries=0, error=None)
        with writing(self.engine) as conn:
            return max(conn.execute(q).rowcount or 0, 0)

    def set(self, url: str, **values) -> None:
        with writing(self.engine) as conn:
            conn.execute(update(T).where(T.c.url == url).values(**values))

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return dict(conn.execute(select(T.c.state, func.count()).group_by(T.c.state)).all())
