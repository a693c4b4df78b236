"""Linking a store stage by stage, one key group at a time: memory bounded by the largest group, not the store.

Every stage of `hoinghi.link.link` compares only what shares one key of its own kind (`hoinghi.link.inputs.keys_of`,
stored in `link_keys`), and every id it gives hashes that key; so each stage runs over the store one group of keys
at a time (several small groups together), reading the views of just that group's articles, and writes its rows
before the next group is read:

1. near-duplicate pages: per component of the LSH band keys (`b:`), `find_duplicates`;
2. documents: per document key (`d:`), `link_documents` on that key's documents: the document rows and each
   mention's document;
3. people: per folded name (`p:`), `link_people` on that name's mentions: each mention's person, and the person
   each name printed in an article's events resolves to (`link_names`);
4. events: per component of the event keys (`e:`, `i:`, `m:`; each syndicated copy with its original), `link_events`
   with the duplicates, documents and people stored by 1-3: the event rows, and each person's roles at each event
   in the order reported (`link_roles`);
5. people again, per name: placed again, the mentions of undated articles dated by the events they report, each
   person's events and roles: the people rows;
6. documents' events: per document that events studied, its events by date and its cascade.

The rows are those `link` gives for the same articles (duplicate groups may be numbered otherwise).
`scope` restricts each stage to the groups of some keys (incremental linking, `hoinghi.store.links`).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select

from hoinghi.link import CascadeRow, PersonEntity
from hoinghi.link.common import article_day, name_key, publish_order
from hoinghi.link.roles import named
from hoinghi.model import Article
from hoinghi.store import schema as s
from hoinghi.store.core import iso_date
from hoinghi.store.schema import link_inputs, link_keys, link_names, link_roles

BATCH = 2000  # article slots a batch of small groups may take; a larger group is linked alone
PAGE = 900  # values per `IN (...)`


@dataclass
class Scope:
    """What an incremental link relinks: the keys of each kind whose groups are linked again (None: all)."""

    keys: dict[str, set[str]] | None = None  # prefix (`b:`, `d:`, `p:`, `e:`) -> keys
    events: set[str] = field(default_factory=set)  # articles whose events are relinked (components of)


def link_stages(conn) -> None:
    """Link every stored view, stage by stage (the link tables empty before)."""
    _duplicates_stage(conn)
    _documents_stage(conn)
    _people_stage(conn)
    _events_stage(conn)
    _people_entities_stage(conn)
    _document_events_stage(conn)


# ---------------------------------------------------------------------------------------------------------------
# Reading groups and views


def key_groups(conn, prefix: str) -> Iterator[tuple[str, list[str]]]:
    """(key, article ids) for every current key starting with `prefix`, in key order, read a page at a time."""
    lk = link_keys
    last = ""
    while True:
        keys = list(conn.execute(select(lk.c.key).where(lk.c.key.like(prefix + "%"), lk.c.key > last,
                                                        lk.c.stale.is_(False))
                                 .distinct().order_by(lk.c.key).limit(PAGE)).scalars())
        if not keys:
            return
        members: dict[str, list[str]] = {}
        for key, article_id in conn.execute(select(lk.c.key, lk.c.article_id).where(lk.c.key.in_(keys),
                                                                                     lk.c.stale.is_(False))):
            members.setdefault(key, []).append(article_id)
        for key in keys:
            yield key, sorted(set(members[key]))
        last = keys[-1]


def batches(groups: Iterable[tuple[str, list[str]]], size: int = BATCH) -> Iterator[tuple[set[str], set[str]]]:
    """(keys, article ids): consecutive groups packed while their articles fit in `size`."""
    keys: set[str] = set()
    ids: set[str] = set()
    for key, members in groups:
        if ids and len(ids) + len(members) > size:
            yield keys, ids
            keys, ids = set(), set()
        keys.add(key)
        ids.update(members)
    if keys:
        yield keys, ids


class _Components:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, members: list[str]) -> None:
        first = self.root(members[0])
        for m in members[1:]:
            r = self.root(m)
            if r != first:
                self.parent[r] = first

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for x in list(self.parent):
            found.setdefault(self.root(x), []).append(x)
        return [sorted(g) for g in found.values()]


def components(conn, prefixes: tuple[str, ...], pairs: Iterable[tuple[str, str]] = ()) -> list[list[str]]:
    """The articles connected through shared keys of `prefixes` (and `pairs`), one list per component. Holds one
    id per article with such keys: what the store's size costs here, a few bytes an article."""
    found = _Components()
    for prefix in prefixes:
        for _key, members in key_groups(conn, prefix):
            found.join(members)
    for a, b in pairs:
        found.join([a, b])
    return found.groups()


def decode_view(blob: bytes) -> Article:
    from hoinghi.link.inputs import view_from_dict

    return view_from_dict(json.loads(zlib.decompress(blob)))


def views_of(conn, ids: Iterable[str]) -> list[Article]:
    """The stored views of `ids`, in order of publication (the order `link` takes articles in)."""
    li = link_inputs
    views = [decode_view(blob) for part in _pages(sorted(ids))
             for (blob,) in conn.execute(select(li.c.view).where(li.c.article_id.in_(part)))]
    return sorted(views, key=publish_order)


def _pages(values: list) -> Iterator[list]:
    return (values[i:i + PAGE] for i in range(0, len(values), PAGE))


def _insert(conn, rows: dict) -> None:
    for table, table_rows in rows.items():
        for part in _pages(table_rows):
            if part:
                conn.execute(table.insert(), part)


def _mention_rows(kind: str, mapping: dict[tuple[str, int], str]) -> list[dict]:
    return [{"article_id": aid, "kind": kind, "idx": idx, "entity_id": eid} for (aid, idx), eid in mapping.items()]


def _stored_mentions(conn, kind: str, ids: Iterable[str]) -> dict[tuple[str, int], str]:
    """(article id, index) -> entity id of the articles' mentions of `kind`, as stored by an earlier stage."""
    ae = s.article_entities
    return {(aid, idx): eid for part in _pages(sorted(ids))
            for aid, idx, eid in conn.execute(select(ae.c.article_id, ae.c.idx, ae.c.entity_id)
                                              .where(ae.c.kind == kind, ae.c.article_id.in_(part)))}


# ---------------------------------------------------------------------------------------------------------------
# 1. Near-duplicate pages


def _duplicates_stage(conn) -> None:
    from hoinghi.link.duplicates import find_duplicates

    numbered = 0
    groups = [(str(i), c) for i, c in enumerate(components(conn, ("b:",))) if len(c) > 1]
    for _keys, ids in batches(groups):
        rows = duplicate_rows(find_duplicates(views_of(conn, ids)), numbered)
        numbered += len({r["group_id"] for r in rows})
        _insert(conn, {s.duplicates: rows})


def duplicate_rows(copies: dict[str, str], first_group: int) -> list[dict]:
    """The rows of the duplicate groups (copy -> original), numbered from `first_group`."""
    groups: dict[str, list[str]] = {}
    for copy, original in copies.items():
        groups.setdefault(original, [original]).append(copy)
    return [{"group_id": first_group + g, "article_id": a, "canonical": a == original}
            for g, (original, members) in enumerate(groups.items()) for a in dict.fromkeys(members)]


def _stored_copies(conn) -> dict[str, str]:
    """copy id -> original id, from the stored duplicate groups."""
    d = s.duplicates
    canonical: dict[int, str] = {}
    members: list[tuple[int, str]] = []
    for group, aid, is_canonical in conn.execute(select(d.c.group_id, d.c.article_id, d.c.canonical)):
        if is_canonical:
            canonical[group] = aid
        else:
            members.append((group, aid))
    return {aid: canonical[group] for group, aid in members}


# ---------------------------------------------------------------------------------------------------------------
# 2. Documents


def _documents_stage(conn) -> None:
    from hoinghi.link.documents import link_documents
    from hoinghi.link.inputs import document_link_key
    from hoinghi.store.links import _document_rows

    for keys, ids in batches(key_groups(conn, "d:")):
        docs, document_of = link_documents(views_of(conn, ids), only=lambda d, keys=keys: document_link_key(d) in keys)
        _insert(conn, {s.documents: _document_rows(docs), s.article_entities: _mention_rows("document", document_of)})


# ---------------------------------------------------------------------------------------------------------------
# 3. People: each mention's person, and whom the names printed in events resolve to


def _names_of(views: list[Article], keys: set[str]) -> set[str]:
    """The folded names of the views' people whose group is one of `keys`."""
    from hoinghi.link.inputs import person_link_key

    return {name_key(p.name) for v in views for p in v.people if p.name and person_link_key(p.name) in keys}


def _people_of(conn, keys: set[str], ids: set[str]):
    from hoinghi.link.people import link_people

    views = views_of(conn, ids)
    names = _names_of(views, keys)
    return views, names, link_people(views, names)


def _people_stage(conn) -> None:
    for keys, ids in batches(key_groups(conn, "p:")):
        views, names, index = _people_of(conn, keys, ids)
        _insert(conn, {s.article_entities: _mention_rows("person", index.person_of),
                       link_names: resolved_rows(views, names, index)})


def resolved_rows(views: list[Article], names: set[str], index) -> list[dict]:
    """(article, folded name) -> the person a name of `names` printed in the article's events resolves to."""
    found: dict[tuple[str, str], str] = {}
    for v in views:
        for ev in v.events:
            for _role, name in named(ev):
                key = name_key(name) if name else ""
                if key in names and (v.id, key) not in found and (pid := index.resolve(v, name)):
                    found[(v.id, key)] = pid
    return [{"article_id": aid, "key": key, "person_id": pid} for (aid, key), pid in found.items()]


class StoredNames:
    """`PeopleIndex.resolve` over what the people stage stored (`link_names`) for some articles."""

    def __init__(self, conn, ids: Iterable[str]) -> None:
        ln = link_names
        self._found = {(aid, key): pid for part in _pages(sorted(ids))
                       for aid, key, pid in conn.execute(select(ln.c.article_id, ln.c.key, ln.c.person_id)
                                                         .where(ln.c.article_id.in_(part)))}

    def resolve(self, article: Article, name: str) -> str | None:
        return self._found.get((article.id, name_key(name) if name else ""))


# ---------------------------------------------------------------------------------------------------------------
# 4. Events


def _events_stage(conn) -> None:
    copies = _stored_copies(conn)
    for _keys, ids in batches((str(i), c) for i, c in enumerate(components(conn, ("e:", "i:", "m:"),
                                                                            copies.items()))):
        _insert(conn, event_rows(conn, ids, copies))


def event_rows(conn, ids: set[str], copies: dict[str, str]) -> dict:
    """The rows of the events the articles `ids` (whole components) report."""
    from hoinghi.link import _reported_roles
    from hoinghi.link.events import link_events
    from hoinghi.store.links import _bridge_rows, _event_rows, _pairs

    views = views_of(conn, ids)
    people = StoredNames(conn, ids)
    events, event_of = link_events(views, {a: copies[a] for a in ids if a in copies}, people,
                                   _stored_mentions(conn, "document", ids))
    roles = _reported_roles(views, event_of, people)
    return {
        s.events: _event_rows(events),
        s.bridge_points: _bridge_rows(events),
        s.article_entities: _mention_rows("event", event_of),
        s.event_people: _pairs(("event_id", "person_id", "role"), roles),
        s.event_documents: _pairs(("event_id", "document_id"), ((e.id, d) for e in events for d in e.documents)),
        s.event_reports: _pairs(("event_id", "article_id"), ((e.id, a) for e in events for a in e.reports)),
        link_roles: _role_order_rows(roles, {e.id: e.date or "9999" for e in events}),
    }


def _role_order_rows(roles: list[tuple[str, str, str]], days: dict[str, str]) -> list[dict]:
    """Each person's roles at each event, in the order reported, with the event's day."""
    held: dict[tuple[str, str], list[str]] = {}
    for eid, pid, role in roles:
        held.setdefault((pid, eid), []).append(role)
    return [{"person_id": pid, "event_id": eid, "day": days[eid], "roles": json.dumps(r)}
            for (pid, eid), r in held.items()]


# ---------------------------------------------------------------------------------------------------------------
# 5. People entities: timelines dated by the events, events and roles


def _people_entities_stage(conn) -> None:
    for keys, ids in batches(key_groups(conn, "p:")):
        _insert(conn, people_rows(conn, keys, ids))


def people_rows(conn, keys: set[str], ids: set[str]) -> dict:
    """The rows of the people of the names `keys` (whose mentions are in the articles `ids`)."""
    from hoinghi.store.links import _person_rows, _position_rows

    views, _names, index = _people_of(conn, keys, ids)
    index.redate(reported_days(conn, views))
    _attach_events(conn, index.entities)
    return {s.people: _person_rows(index.entities), s.person_positions: _position_rows(index.entities)}


def reported_days(conn, views: list[Article]) -> dict[str, str]:
    """Article id -> the date of the first dated event it reports, for articles without a day of their own (what
    `link` redates their mentions by)."""
    undated = [v for v in views if v.events and not article_day(v)]
    event_of = _stored_mentions(conn, "event", (v.id for v in undated))
    dates = _event_dates(conn, set(event_of.values()))
    days: dict[str, str] = {}
    for v in undated:
        day = next((dates[eid] for j in range(len(v.events)) if (eid := event_of.get((v.id, j))) in dates), None)
        if day:
            days[v.id] = day
    return days


def _event_dates(conn, event_ids: set[str]) -> dict[str, str]:
    """Event id -> the day of its date (`date[:10]`), for the dated ones."""
    ev = s.events
    dates = {}
    for part in _pages(sorted(event_ids)):
        for eid, data in conn.execute(select(ev.c.id, ev.c.data).where(ev.c.id.in_(part))):
            date = json.loads(data).get("date")
            if date:
                dates[eid] = date[:10]
    return dates


def _attach_events(conn, persons: list[PersonEntity]) -> None:
    """Each person's events, by date, and their roles at each (stored by the events stage)."""
    lr = link_roles
    by_id = {p.id: p for p in persons}
    held: list[tuple[str, str, str, str]] = []
    for part in _pages(sorted(by_id)):
        held += conn.execute(select(lr.c.day, lr.c.event_id, lr.c.person_id, lr.c.roles)
                             .where(lr.c.person_id.in_(part))).all()
    for _day, eid, pid, roles in sorted(held):
        person = by_id[pid]
        person.events.append(eid)
        person.event_roles[eid] = json.loads(roles)


# ---------------------------------------------------------------------------------------------------------------
# 6. Documents' events and cascades


def _document_events_stage(conn) -> None:
    ed = s.event_documents
    last = ""
    while True:
        part = list(conn.execute(select(ed.c.document_id).where(ed.c.document_id > last).distinct()
                                 .order_by(ed.c.document_id).limit(PAGE)).scalars())
        if not part:
            return
        document_events(conn, part)
        last = part[-1]


def document_events(conn, document_ids: list[str]) -> None:
    """Give the documents their events (by date) and write their cascades."""
    ed, docs = s.event_documents, s.documents
    pairs = conn.execute(select(ed.c.document_id, ed.c.event_id).where(ed.c.document_id.in_(document_ids))).all()
    events = _events_data(conn, {eid for _d, eid in pairs})
    by_doc: dict[str, list[dict]] = {}
    for did, eid in pairs:
        by_doc.setdefault(did, []).append(events[eid])
    updates, cascades = [], []
    for did, data in conn.execute(select(docs.c.id, docs.c.data).where(docs.c.id.in_(document_ids))):
        held = sorted(by_doc[did], key=lambda e: (e["date"] or "9999", e["id"]))
        updates.append({"doc_id": did, "doc_data": _with_events(data, [e["id"] for e in held])})
        cascades += [_cascade_row(did, i, e) for i, e in enumerate(held)]
    if updates:
        conn.execute(docs.update().where(docs.c.id == bindparam("doc_id")).values(data=bindparam("doc_data")),
                     updates)
    _insert(conn, {s.cascades: cascades})


def _events_data(conn, event_ids: set[str]) -> dict[str, dict]:
    ev = s.events
    return {eid: json.loads(data) for part in _pages(sorted(event_ids))
            for eid, data in conn.execute(select(ev.c.id, ev.c.data).where(ev.c.id.in_(part)))}


def _with_events(data: str, event_ids: list[str]) -> str:
    from hoinghi.store.links import _json

    doc = json.loads(data)
    doc["events"] = event_ids
    return _json(doc)


def _cascade_row(document_id: str, idx: int, e: dict) -> dict:
    from hoinghi.store.links import _json

    row = CascadeRow(event_id=e["id"], date=e["date"], name=e["name"], province=e["province"],
                     province_2025=e["province_2025"], level=e["level"], chairs=list(e["chair_names"]),
                     articles=list(e["reports"]), copies=list(e["copies"]), city=e["city"], kind=e["kind"])
    return {"document_id": document_id, "idx": idx, "event_id": row.event_id, "date": iso_date(row.date),
            "data": _json(row)}
