"""Stores half made by older hoinghi: what an interrupted schema change left behind, found and cleared.

Before hoinghi ran each schema change as one transaction, SQLite committed every `CREATE` of a migration on its own.
A process killed in the middle left the objects made so far without the revision that explains them: a store
with `articles` but no schema revision, or at revision 0001 with the view `articles_search` of 0002 already there.
Running the migration again then stops at the first object it finds made (`table articles already exists`).

`upgrade_clearing_residue` runs the upgrade in a savepoint; when it stops on an object that already exists, the
object is dropped (an index, a view, a full-text table: all rebuilt by the migration from the data; a table only
when it holds no rows) and the upgrade runs again, until it passes. A table with rows in the way is not dropped:
the store is then not one hoinghi made, and the user is told so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from hoinghi.store.base import StoreError

# how each database says an object is there already: SQLite `table x already exists` (also view, index),
# PostgreSQL `relation "x" already exists`
_EXISTS = re.compile(r'\b(?:table|view|index|relation)\s+"?([\w.]+)"?\s+already exists', re.IGNORECASE)
# as many objects as the largest migration makes, with room to spare: a loop that clears more is not residue
MAX_CLEARED = 200


def existing_object(exc: BaseException) -> str | None:
    """The name of the object a failed `CREATE` found already made, or None when the failure is another one."""
    m = _EXISTS.search(str(getattr(exc, "orig", None) or exc))
    return m.group(1).split(".")[-1] if m else None


def _kind(conn, name: str) -> str | None:
    """'table', 'view', 'index' or 'derived table' (full-text: rebuilt from the data), None when not there."""
    if conn.dialect.name == "sqlite":
        row = conn.execute(text("SELECT type, sql FROM sqlite_master WHERE name = :n"), {"n": name}).first()
        if row is None:
            return None
        virtual = row[0] == "table" and (row[1] or "").upper().startswith("CREATE VIRTUAL TABLE")
        return "derived table" if virtual else row[0]
    kind = conn.execute(text("SELECT relkind FROM pg_class WHERE relname = :n AND "
                             "pg_table_is_visible(oid)"), {"n": name}).scalar()
    return {"r": "table", "p": "table", "v": "view", "m": "view", "i": "index"}.get(kind)


def clear(conn, name: str, revision: str | None) -> str:
    """Drop `name`, left by an interrupted schema change; refuse a table that holds rows. Returns what was
    dropped, for the user."""
    kind = _kind(conn, name)
    if kind is None:
        raise StoreError(f"the schema change stopped on {name}, which the store does not hold")
    quoted = conn.dialect.identifier_preparer.quote(name)
    if kind == "table" and conn.execute(text(f"SELECT 1 FROM {quoted} LIMIT 1")).first() is not None:
        raise StoreError(f"the store's table {name} holds rows, but its schema revision "
                         f"({revision or 'none'}) says it should not be there: this is not a store hoinghi made "
                         "and left half way. Use a new --db, or move the file away.")
    cascade = " CASCADE" if conn.dialect.name == "postgresql" and kind != "index" else ""
    drop = "TABLE" if kind == "derived table" else kind.upper()
    conn.execute(text(f"DROP {drop} IF EXISTS {quoted}{cascade}"))
    return f"{kind} {name}"


def upgrade_clearing_residue(conn, upgrade: Callable[[], None], revision: str | None) -> list[str]:
    """Run `upgrade()` on `conn` (in a transaction), clearing what an interrupted older schema change left in its
    way. Returns the objects cleared, in order (empty for a store that was whole)."""
    cleared: list[str] = []
    while True:
        point = conn.begin_nested()
        try:
            upgrade()
        except DBAPIError as exc:
            point.rollback()
            name = existing_object(exc)
            if name is None or len(cleared) >= MAX_CLEARED:
                raise
            cleared.append(clear(conn, name, revision))
            continue
        point.commit()
        return cleared
