"""Linking over the stored records (`hoinghi.link.link`) and persisting what it found.

Every run replaces the previous results whole, in one transaction: people and their positions, documents,
events with their bridge points, reports and cascades, duplicate groups, and the mention -> entity maps.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Iterable, Mapping
from typing import Any

from hoinghi.store import schema as s
from hoinghi.store.core import Store, StoreError, iso_date
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
        value = dataclasses.asdict(value)
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


def save_links(store: Store, linked: Any, article_ids: Iterable[str] = ()) -> dict[str, int]:
    """Replace the stored link results by `linked` (a `hoinghi.link.Linked`) in one transaction."""
    people, docs, events = _values(linked.people), _values(linked.documents), _values(linked.events)
    dup_rows = _duplicate_rows(linked)
    rows = {  # in the order they are inserted
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
    _replace(store, rows, article_ids)
    return {"people": len(people), "documents": len(docs), "events": len(events),
            "bridge_points": len(rows[s.bridge_points]), "duplicate_groups": len({r["group_id"] for r in dup_rows}),
            "mention_links": len(rows[s.article_entities])}


def _replace(store: Store, rows: Mapping[Any, list[dict]], article_ids: Iterable[str]) -> None:
    """Empty the link tables and insert `rows` (table -> rows) in one transaction, stamping the run."""
    from hoinghi.store.core import writing

    with writing(store.engine) as conn:
        for table in s.LINK_TABLES:
            conn.execute(table.delete())
        for table, table_rows in rows.items():
            for i in range(0, len(table_rows), 5000):
                conn.execute(table.insert(), table_rows[i:i + 5000])
        store.set_meta(conn, "linked_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        store.set_meta(conn, "linked_articles", str(len(list(article_ids))))


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
        data = dataclasses.asdict(d)
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


def run_link(store: Store) -> dict[str, Any]:
    """Link every latest stored article and persist the result; returns counts and seconds."""
    link = link_function()
    started = time.perf_counter()
    articles = list(store.iter_articles())
    linked = link(articles)
    counts = save_links(store, linked, (a.id for a in articles))
    counts["articles"] = len(articles)
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts
