"""`hoinghi export`: the stored articles, people, documents or events as JSON Lines, CSV or Parquet.

JSON Lines keeps each record whole (articles exactly as `hoinghi extract` writes them); CSV and Parquet get one
flat row per item, streamed in batches so a large store exports in constant memory. Parquet keeps the values'
types (`COLUMNS`): dates as dates, counts as integers, lists as lists of strings; CSV joins lists with `; ` (an
article's section with ` › `).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from sqlalchemy import func, select

from hoinghi.store import schema as s
from hoinghi.store.core import Store, StoreError

WHAT = ("articles", "people", "documents", "events")
FORMATS = ("jsonl", "csv", "parquet")


def _join(values) -> list[str]:
    """The values of a list column (CSV joins them, Parquet keeps the list)."""
    return [str(v) for v in values if v]


# each export's flat columns and their Parquet types: s string, i integer, d date, l list of strings
COLUMNS = {
    "articles": "id url title published date:d province province_2025 version:i section:l authors:l sources:l "
                "people:l documents:l events:l places:l words:i text",
    "people": "id name provinces:l positions:l first_seen:d last_seen:d articles:i events:i",
    "documents": "id label kind number code issuer date:d subject articles:i events:i",
    "events": "id kind name date:d part_of_day mode city province level chairs:l speakers:l documents:l "
              "bridge_points:l reports:i",
}


def article_items(store: Store) -> Iterator[tuple[dict, dict]]:
    from hoinghi.store.links import doc_label

    with store.engine.connect() as conn:
        meta = {r.id: r for r in conn.execute(select(s.articles.c.id, s.articles.c.date, s.articles.c.province,
                                                     s.articles.c.province_2025, s.articles.c.version)
                                              .where(s.articles.c.latest.is_(True)))}
    for art in store.iter_articles():
        m = meta.get(art.id)
        full = art.to_dict()
        flat = {
            "id": art.id, "url": art.url, "title": art.title, "published": art.published,
            "date": m.date if m else None, "province": m.province if m else art.province,
            "province_2025": m.province_2025 if m else None, "version": m.version if m else 1,
            "section": _join(art.section), "authors": _join(art.authors), "sources": _join(art.sources),
            "people": _join(p.name for p in art.people),
            "documents": _join(doc_label(d.kind, d.number, d.code) for d in art.documents),
            "events": _join(f"{e.kind} {e.date or ''}".strip() for e in art.events),
            "places": _join(p.name for p in art.places), "words": sum(len(b.split()) for b in art.body),
            "text": art.text,
        }
        yield full, flat


def _entities(store: Store, table) -> Iterator[dict[str, Any]]:
    with store.engine.connect() as conn:
        for row in conn.execute(select(table.c.data).order_by(table.c.id)).scalars():
            yield json.loads(row)


def people_items(store: Store) -> Iterator[tuple[dict, dict]]:
    for p in _entities(store, s.people):
        seen = [x for pos in p.get("positions") or [] for x in (pos.get("first_seen"), pos.get("last_seen")) if x]
        yield p, {
            "id": p["id"], "name": p["name"], "provinces": _join(p.get("provinces") or []),
            "positions": _join(pos.get("position_full") or pos.get("position") for pos in p.get("positions") or []),
            "first_seen": min(seen) if seen else None, "last_seen": max(seen) if seen else None,
            "articles": len(p.get("articles") or []), "events": len(p.get("events") or []),
        }


def document_items(store: Store) -> Iterator[tuple[dict, dict]]:
    from hoinghi.store.links import doc_label

    with store.engine.connect() as conn:
        counts = dict(conn.execute(select(s.cascades.c.document_id, func.count())
                                   .group_by(s.cascades.c.document_id)).all())
    for d in _entities(store, s.documents):
        d = dict(d, key=list(d.get("key") or []))
        yield d, {
            "id": d["id"], "label": doc_label(d["kind"], d.get("number"), d.get("code"), d), "kind": d["kind"],
            "number": d.get("number"), "code": d.get("code"), "issuer": d.get("issuer"), "date": d.get("date"),
            "subject": d.get("subject"), "articles": len(d.get("articles") or []), "events": counts.get(d["id"], 0),
        }


def event_items(store: Store) -> Iterator[tuple[dict, dict]]:
    with store.engine.connect() as conn:
        names = dict(conn.execute(select(s.people.c.id, s.people.c.name)).all())
        labels = dict(conn.execute(select(s.documents.c.id, s.documents.c.label)).all())
    for e in _entities(store, s.events):
        yield e, {
            "id": e["id"], "kind": e.get("kind"), "name": e.get("name"), "date": e.get("date"),
            "part_of_day": e.get("part_of_day"), "mode": e.get("mode"), "city": e.get("city"),
            "province": e.get("province"), "level": e.get("level"),
            "chairs": _join(names.get(p, p) for p in e.get("chairs") or []),
            "speakers": _join(names.get(p, p) for p in e.get("speakers") or []),
            "documents": _join(labels.get(d, d) for d in e.get("documents") or []),
            "bridge_points": _join(b.get("place") for b in e.get("bridge_points") or []),
            "reports": len(e.get("reports") or []),
        }


def export(store: Store, what: str, fmt: str, out: IO | str, batch: int = 10_000) -> int:
    """Write every item of `what` to `out` (a text stream for jsonl/csv, a path for parquet); returns the count."""
    if what not in WHAT:
        raise StoreError(f"cannot export {what!r}: choose one of {', '.join(WHAT)}")
    if fmt not in FORMATS:
        raise StoreError(f"cannot export as {fmt!r}: choose one of {', '.join(FORMATS)}")
    items = {"articles": article_items, "people": people_items, "documents": document_items,
             "events": event_items}[what](store)
    n = 0
    if fmt == "jsonl":
        for full, _flat in items:
            out.write(json.dumps(full, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = None
        for _full, flat in items:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(flat))
                writer.writeheader()
            writer.writerow({k: _csv_value(k, v) for k, v in flat.items()})
            n += 1
    else:
        n = _parquet(items, what, out, batch)
    return n


def _csv_value(key: str, value):
    if isinstance(value, list):
        return (" › " if key == "section" else "; ").join(value)
    return value


def _parquet(items, what: str, out: str, batch: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema(what)
    n, rows = 0, []
    with pq.ParquetWriter(out, schema) as writer:
        for _full, flat in items:
            rows.append(_typed(flat, schema))
            n += 1
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n


def _typed(flat: dict, schema) -> dict:
    """A flat row with its dates as `datetime.date` (a value that is not a whole ISO date is left out)."""
    import datetime as dt

    import pyarrow as pa

    row = dict(flat)
    for f in schema:
        if f.type == pa.date32() and row.get(f.name) is not None:
            try:
                row[f.name] = dt.date.fromisoformat(str(row[f.name])[:10])
            except ValueError:
                row[f.name] = None
    return row


def _schema(what: str):
    import pyarrow as pa

    types = {"s": pa.string(), "i": pa.int64(), "d": pa.date32(), "l": pa.list_(pa.string())}
    cols = [(col + ":s").split(":")[:2] for col in COLUMNS[what].split()]
    return pa.schema([(name, types[typ]) for name, typ in cols])
