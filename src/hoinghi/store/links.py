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
    people = list(linked.people.values() if isinstance(linked.people, Mapping) else linked.people)
    docs = list(linked.documents.values() if isinstance(linked.documents, Mapping) else linked.documents)
    events = list(linked.events.values() if isinstance(linked.events, Mapping) else linked.events)

    person_rows, position_rows = [], []
    for p in people:
        person_rows.append({"id": p.id, "name": p.name, "name_fold": fold(p.name),
                            "provinces": _json(list(p.provinces)), "data": _json(p)})
        for i, pos in enumerate(p.positions):
            position_rows.append({"person_id": p.id, "idx": i, "position": pos.position,
                                  "position_full": pos.position_full, "first_seen": iso_date(pos.first_seen),
                                  "last_seen": iso_date(pos.last_seen), "former": bool(pos.former),
                                  "articles": _json(list(pos.articles))})
    doc_rows = []
    for d in docs:
        data = dataclasses.asdict(d)
        label = doc_label(d.kind, d.number, d.code, data)
        doc_rows.append({"id": d.id, "key": "|".join("" if x is None else str(x) for x in (d.key or ())),
                         "kind": d.kind, "kind_fold": fold(d.kind), "number": d.number, "code": d.code,
                         "code_fold": fold(d.code) if d.code else None, "label": label, "label_fold": fold(label),
                         "date": iso_date(d.date), "data": _json(data)})
    event_rows, roles, ev_docs, bridges, reports = [], set(), set(), [], set()
    for e in events:
        event_rows.append({"id": e.id, "kind": e.kind, "kind_fold": fold(e.kind or ""), "name": e.name,
                           "date": iso_date(e.date), "province": e.province, "level": e.level, "data": _json(e)})
        roles.update((e.id, pid, "chair") for pid in e.chairs)
        roles.update((e.id, pid, "speaker") for pid in e.speakers)
        ev_docs.update((e.id, did) for did in e.documents)
        reports.update((e.id, aid) for aid in e.reports)
        for i, bp in enumerate(e.bridge_points):
            bridges.append({"event_id": e.id, "idx": i, "place": bp.place, "province": bp.province,
                            "province_2025": bp.province_2025, "article_id": bp.article_id,
                            "chairs": _json(list(bp.chairs)), "attendees": _json(list(bp.attendees))})
            roles.update((e.id, pid, "bridge_chair") for pid in bp.chairs)
            roles.update((e.id, pid, "attendee") for pid in bp.attendees)
    event_ids = {e.id for e in events}
    for p in people:
        for eid, rs in (getattr(p, "event_roles", None) or {}).items():
            if eid in event_ids:
                roles.update((eid, p.id, r) for r in rs)
    cascade_rows = []
    for d in docs:
        for i, row in enumerate(linked.cascade(d.id) or []):
            cascade_rows.append({"document_id": d.id, "idx": i, "event_id": row.event_id,
                                 "date": iso_date(row.date), "data": _json(row)})
    entity_rows = []
    for kind, mapping in (("person", linked.person_of), ("document", linked.document_of),
                          ("event", linked.event_of)):
        for (article_id, idx), entity_id in (mapping or {}).items():
            if entity_id is not None:
                entity_rows.append({"article_id": article_id, "kind": kind, "idx": int(idx),
                                    "entity_id": entity_id})
    dup_rows = []
    for g, (members, canon) in enumerate(_duplicate_groups(getattr(linked, "duplicates", None))):
        dup_rows += [{"group_id": g, "article_id": a, "canonical": a == canon} for a in members]

    with store.engine.begin() as conn:
        for table in s.LINK_TABLES:
            conn.execute(table.delete())
        for table, rows in ((s.people, person_rows), (s.person_positions, position_rows), (s.documents, doc_rows),
                            (s.events, event_rows), (s.bridge_points, bridges), (s.cascades, cascade_rows),
                            (s.article_entities, entity_rows), (s.duplicates, dup_rows)):
            for i in range(0, len(rows), 5000):
                conn.execute(table.insert(), rows[i:i + 5000])
        for table, cols, rows in ((s.event_people, ("event_id", "person_id", "role"), roles),
                                  (s.event_documents, ("event_id", "document_id"), ev_docs),
                                  (s.event_reports, ("event_id", "article_id"), reports)):
            if rows:
                conn.execute(table.insert(), [dict(zip(cols, r, strict=True)) for r in sorted(rows)])
        store.set_meta(conn, "linked_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        store.set_meta(conn, "linked_articles", str(len(list(article_ids))))
    return {"people": len(person_rows), "documents": len(doc_rows), "events": len(event_rows),
            "bridge_points": len(bridges), "duplicate_groups": len({r["group_id"] for r in dup_rows}),
            "mention_links": len(entity_rows)}


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
