"""Linking over the stored records (`hoinghi.link.link`) and persisting what it found.

Linking reads what it needs of each article (`hoinghi.link.inputs.view_of`: no text; the body's sketch instead),
computed once per stored version and kept in `link_inputs`, with the keys that tie articles together in
`link_keys` (both tables belong to linking). `run_link` links the store stage by stage, one key group at a time
(`hoinghi.store.link_stages`: duplicates, documents, people, events, then the people's and documents' events), so
memory is bounded by the largest group (a very common name's mentions), never by the store. It is incremental: only
the groups the new articles touch and what depends on what changed there are linked again, the rest left as they
are; the result is the one a full re-link gives (`run_link(full=True)`, `hoinghi link --full`), save the numbers of
duplicate groups. Either runs in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy import text as sql

from hoinghi.model import plain
from hoinghi.store import schema as s
from hoinghi.store.core import Store, StoreError, iso_date, record_article, writing
from hoinghi.store.schema import link_inputs, link_keys
from hoinghi.text import fold


class LinkUnavailable(StoreError):
    pass


def link_function():
    try:
        from hoinghi.link import link
    except ImportError as exc:
        raise LinkUnavailable("linking is not available in this version of hoinghi (hoinghi.link.link is missing)"
                              ) from exc
    return link


def link_available() -> bool:
    try:
        link_function()
    except LinkUnavailable:
        return False
    return True


def _json(value: Any) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = plain(value)  # `dataclasses.asdict` for entities of lists, dicts and scalars, at a fraction of its cost
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=list)


def doc_label(kind: str, number: str | None, code: str | None, data: Mapping | None = None) -> str:
    label = kind + (f" số {number}" if number else "") + (f"-{code}" if code and number else (f" {code}" if code else ""))
    data = data or {}
    if not number:
        if data.get("plenum"):
            label += f" Trung ương {data['plenum']}"
        if data.get("congress"):
            label += f" Đại hội {data['congress']}"
        if data.get("term"):
            label += f" khóa {data['term']}"
    return label


def _duplicate_groups(duplicates: Any) -> list[tuple[list[str], str]]:
    """(members, canonical) from whatever shape the linker gives: {dup: canonical}, [[ids]], [(a, b)], or objects
    with `.articles` (and `.canonical`)."""
    groups: list[tuple[list[str], str]] = []
    if not duplicates:
        return groups
    if isinstance(duplicates, Mapping):
        by_canon: dict[str, list[str]] = {}
        for dup, canon in duplicates.items():
            if isinstance(canon, str):
                by_canon.setdefault(canon, [canon]).append(dup)
            else:  # {canonical: [duplicates]}
                by_canon.setdefault(dup, [dup]).extend(canon)
        return [(list(dict.fromkeys(m)), c) for c, m in by_canon.items()]
    for item in duplicates:
        if hasattr(item, "articles"):
            members = list(item.articles)
            canon = getattr(item, "canonical", None) or members[0]
        else:
            members = list(item)
            canon = members[0]
        if members:
            groups.append((list(dict.fromkeys(members)), canon))
    return groups


def save_links(store: Store, linked: Any, article_ids: Iterable[str] = (), finish=None) -> dict[str, int]:
    """Replace the stored link results by `linked` (a `hoinghi.link.Linked`) in one transaction."""
    rows, counts = link_rows(linked)
    _replace(store, rows, article_ids, finish)
    return counts


def link_rows(linked: Any) -> tuple[dict[Any, list[dict]], dict[str, int]]:
    """The rows of every link table for `linked` (table -> rows, in the order they are inserted), and counts."""
    people, docs, events = _values(linked.people), _values(linked.documents), _values(linked.events)
    dup_rows = _duplicate_rows(linked)
    rows = {
        s.people: _person_rows(people),
        s.person_positions: _position_rows(people),
        s.documents: _document_rows(docs),
        s.events: _event_rows(events),
        s.bridge_points: _bridge_rows(events),
        s.cascades: _cascade_rows(linked, docs),
        s.article_entities: _entity_rows(linked),
        s.duplicates: dup_rows,
        s.event_people: _pairs(("event_id", "person_id", "role"), _role_rows(linked, events)),
        s.event_documents: _pairs(("event_id", "document_id"), ((e.id, d) for e in events for d in e.documents)),
        s.event_reports: _pairs(("event_id", "article_id"), ((e.id, a) for e in events for a in e.reports)),
    }
    return rows, {"people": len(people), "documents": len(docs), "events": len(events),
                  "bridge_points": len(rows[s.bridge_points]),
                  "duplicate_groups": len({r["group_id"] for r in dup_rows}),
                  "mention_links": len(rows[s.article_entities])}


def _replace(store: Store, rows: Mapping[Any, list[dict]], article_ids: Iterable[str], finish=None) -> None:
    """Empty the link tables and insert `rows` (table -> rows) in one transaction, stamping the run."""
    with writing(store.engine) as conn:
        for table in s.LINK_TABLES:
            conn.execute(table.delete())
        _insert(conn, rows)
        if finish is not None:
            finish(conn)
        store.set_meta(conn, "linked_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        store.set_meta(conn, "linked_articles", str(len(list(article_ids))))


def _insert(conn, rows: Mapping[Any, list[dict]]) -> None:
    for table, table_rows in rows.items():
        for i in range(0, len(table_rows), 5000):
            conn.execute(table.insert(), table_rows[i:i + 5000])


def _values(entities: Any) -> list:
    return list(entities.values() if isinstance(entities, Mapping) else entities)


def _person_rows(people: list) -> list[dict]:
    return [{"id": p.id, "name": p.name, "name_fold": fold(p.name), "provinces": _json(list(p.provinces)),
             "data": _json(p)} for p in people]


def _position_rows(people: list) -> list[dict]:
    return [{"person_id": p.id, "idx": i, "position": pos.position, "position_full": pos.position_full,
             "first_seen": iso_date(pos.first_seen), "last_seen": iso_date(pos.last_seen), "former": bool(pos.former),
             "articles": _json(list(pos.articles))}
            for p in people for i, pos in enumerate(p.positions)]


def _document_rows(docs: list) -> list[dict]:
    rows = []
    for d in docs:
        data = plain(d)
        label = doc_label(d.kind, d.number, d.code, data)
        rows.append({"id": d.id, "key": "|".join("" if x is None else str(x) for x in (d.key or ())),
                     "kind": d.kind, "kind_fold": fold(d.kind), "number": d.number, "code": d.code,
                     "code_fold": fold(d.code) if d.code else None, "label": label, "label_fold": fold(label),
                     "date": iso_date(d.date), "data": _json(data)})
    return rows


def _event_rows(events: list) -> list[dict]:
    return [{"id": e.id, "kind": e.kind, "kind_fold": fold(e.kind or ""), "name": e.name, "date": iso_date(e.date),
             "province": e.province, "level": e.level, "data": _json(e)} for e in events]


def _bridge_rows(events: list) -> list[dict]:
    return [{"event_id": e.id, "idx": i, "place": bp.place, "province": bp.province,
             "province_2025": bp.province_2025, "article_id": bp.article_id, "chairs": _json(list(bp.chairs)),
             "attendees": _json(list(bp.attendees))}
            for e in events for i, bp in enumerate(e.bridge_points)]


def _role_rows(linked: Any, events: list) -> set[tuple[str, str, str]]:
    """(event id, person id, role): those the linker collected from the reports (`Linked.roles`), or, from a linker
    that gives only entities, those its events name."""
    from hoinghi.link.roles import event_roles

    collected = getattr(linked, "roles", None)
    if collected is None:
        return {row for e in events for row in event_roles(e.id, e)}
    event_ids = {e.id for e in events}
    return {row for row in collected if row[0] in event_ids}


def _pairs(cols: tuple[str, ...], rows: Iterable[tuple]) -> list[dict]:
    """Association rows, once each and sorted."""
    return [dict(zip(cols, r, strict=True)) for r in sorted(set(rows))]


def _cascade_rows(linked: Any, docs: list) -> list[dict]:
    return [{"document_id": d.id, "idx": i, "event_id": row.event_id, "date": iso_date(row.date), "data": _json(row)}
            for d in docs for i, row in enumerate(linked.cascade(d.id) or [])]


def _entity_rows(linked: Any) -> list[dict]:
    """The mention -> entity maps."""
    return [{"article_id": article_id, "kind": kind, "idx": int(idx), "entity_id": entity_id}
            for kind, mapping in (("person", linked.person_of), ("document", linked.document_of),
                                  ("event", linked.event_of))
            for (article_id, idx), entity_id in (mapping or {}).items() if entity_id is not None]


def _duplicate_rows(linked: Any) -> list[dict]:
    return [{"group_id": g, "article_id": a, "canonical": a == canon}
            for g, (members, canon) in enumerate(_duplicate_groups(getattr(linked, "duplicates", None)))
            for a in members]




# ---------------------------------------------------------------------------------------------------------------
# Running the linker over the store: views, keys, components


def run_link(store: Store, full: bool = False) -> dict[str, Any]:
    """Link the latest stored articles and persist the result; returns counts and seconds. Incremental unless
    `full` or nothing was linked this way before: only what the articles new since the last run can change
    (`relinked`: the articles whose events were linked again)."""
    link_function()
    started = time.perf_counter()
    refresh_inputs(store)
    incremental = not full and store.get_meta("linked_at") is not None and _has_linked(store)
    counts = _link_incremental(store) if incremental else _link_full(store)
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts


def _link_full(store: Store) -> dict[str, Any]:
    """Every stored view linked again, stage by stage in bounded memory (`link_stages`), in one transaction."""
    from hoinghi.store.link_stages import link_stages

    with writing(store.engine) as conn:
        for table in (*s.LINK_TABLES, s.link_names, s.link_groups, s.link_roles):
            conn.execute(table.delete())
        link_stages(conn)
        _all_linked(conn)
        _stamp(store, conn)
    counts = _stored_counts(store)
    counts.update(relinked=counts["articles"], mode="full")
    return counts


def _stamp(store: Store, conn) -> None:
    store.set_meta(conn, "linked_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    store.set_meta(conn, "linked_articles", str(conn.execute(select(func.count()).select_from(link_inputs))
                                                .scalar_one()))


def _stored_counts(store: Store) -> dict[str, Any]:
    counts = {k: v for k, v in store.counts().items() if k not in ("versions", "mentions", "linked_at")}
    counts["articles"] = _count(store, link_inputs)
    return counts


def _link_incremental(store: Store) -> dict[str, Any]:
    """The groups the pending articles touch, and what depends on what changed, linked again stage by stage
    (`link_stages.relink`), in one transaction."""
    from hoinghi.store.link_stages import relink

    pending = pending_ids(store)
    relinked = 0
    if pending:
        with writing(store.engine) as conn:
            relinked = relink(conn, pending)
            _mark_linked(conn, set(pending))
            _stamp(store, conn)
    counts = _stored_counts(store)
    counts.update(relinked=relinked, mode="incremental")
    return counts


def refresh_inputs(store: Store, batch: int = 500) -> int:
    """Read every latest article not read since it was stored (new, or a new version) into its view and keys;
    the keys of a replaced version stay, marked stale, until its component is linked. Returns how many."""
    todo = _unread(store)
    for i in range(0, len(todo), batch):
        _read_batch(store, todo[i:i + batch])
    return len(todo)


def _unread(store: Store) -> list[int]:
    """The keys of the latest articles (the first stored of an id) whose view is missing or of another version."""
    q = sql("SELECT a.pk FROM (SELECT id, MIN(pk) AS pk FROM articles WHERE latest GROUP BY id) a "
            "LEFT JOIN link_inputs li ON li.article_id = a.id "
            "WHERE li.article_id IS NULL OR li.article_pk != a.pk ORDER BY a.pk")
    with store.engine.connect() as conn:
        return list(conn.execute(q).scalars())


def _read_batch(store: Store, pks: list[int]) -> None:
    from hoinghi.link.inputs import keys_of, view_dict, view_of

    a = s.articles
    with store.engine.connect() as conn:
        rows = conn.execute(select(a.c.pk, a.c.text, a.c.record).where(a.c.pk.in_(pks))).all()
    views = [(r.pk, view_of(record_article(r.record, r.text, []))) for r in rows]
    ids = [v.id for _pk, v in views]
    with writing(store.engine) as conn:
        conn.execute(link_keys.update().where(link_keys.c.article_id.in_(ids)).values(stale=True))
        conn.execute(link_inputs.delete().where(link_inputs.c.article_id.in_(ids)))
        conn.execute(link_inputs.insert(), [{"article_id": v.id, "article_pk": pk, "linked": False,
                                             "view": zlib.compress(_json(view_dict(v)).encode("utf-8"), 6)}
                                            for pk, v in views])
        keys = [{"key": k, "article_id": v.id, "stale": False} for _pk, v in views for k in sorted(keys_of(v))]
        if keys:
            conn.execute(link_keys.insert(), keys)


def iter_views(store: Store, ids: Iterable[str] | None = None, batch: int = 1000) -> Iterator:
    """The stored views (all, or those of `ids`), read `batch` at a time."""
    from hoinghi.link.inputs import view_from_dict

    li = link_inputs
    with store.engine.connect() as conn:
        for part in _parts(store, ids, batch):
            q = select(li.c.view).where(li.c.article_id.in_(part)) if ids is not None else part
            for (blob,) in conn.execute(q):
                yield view_from_dict(json.loads(zlib.decompress(blob)))


def _parts(store: Store, ids: Iterable[str] | None, batch: int) -> Iterator:
    """Batches of ids, or (no ids) queries for the next batch of all views in key order."""
    if ids is not None:
        ids = list(ids)
        yield from (ids[i:i + batch] for i in range(0, len(ids), batch))
        return
    li = link_inputs
    last = ""
    with store.engine.connect() as conn:
        while True:
            part = list(conn.execute(select(li.c.article_id).where(li.c.article_id > last)
                                     .order_by(li.c.article_id).limit(batch)).scalars())
            if not part:
                return
            yield select(li.c.view).where(li.c.article_id.in_(part))
            last = part[-1]


def pending_ids(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(link_inputs.c.article_id).where(link_inputs.c.linked.is_(False))).scalars())


def _mark_linked(conn, ids: set[str]) -> None:
    ids_ = list(ids)
    for i in range(0, len(ids_), 900):
        part = ids_[i:i + 900]
        conn.execute(link_inputs.update().where(link_inputs.c.article_id.in_(part)).values(linked=True))
        conn.execute(link_keys.delete().where(link_keys.c.article_id.in_(part), link_keys.c.stale.is_(True)))


def _all_linked(conn) -> None:
    conn.execute(link_inputs.update().values(linked=True))
    conn.execute(link_keys.delete().where(link_keys.c.stale.is_(True)))


def _has_linked(store: Store) -> bool:
    with store.engine.connect() as conn:
        return conn.execute(select(link_inputs.c.article_id).where(link_inputs.c.linked.is_(True)).limit(1)
                            ).first() is not None


def _count(store: Store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()
