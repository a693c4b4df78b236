"""Linking a store stage by stage, one key group at a time: memory bounded by the largest group, not the store.

Every stage of `hoinghi.link.link` compares only what shares one key of its own kind (`hoinghi.link.inputs.keys_of`,
stored in `link_keys`), and every id it gives hashes that key; so each stage runs over the store one group of keys
at a time (several small groups together), reading the views of just that group's articles, and writes its rows
before the next group is read:

1. near-duplicate pages: per component of the LSH band keys (`b:`), `find_duplicates`;
2. documents: per document key (`d:`), `link_documents` on that key's documents: the document rows and each
   mention's document;
3. people: per folded name (`p:`), `link_people` on that name's mentions: the people rows, each mention's person,
   each person's group (`link_groups`, also for documents) and the person each name printed in an article's events
   resolves to (`link_names`);
4. events: per component of the event keys (`e:`, `i:`, `m:`; each syndicated copy with its original), `link_events`
   with the duplicates, documents and people stored by 1-3: the event rows, and each person's roles at each event
   in the order reported (`link_roles`);
5. people's events: the names whose groups hold an article without a day of its own are placed again and their
   mentions dated by the events (`PeopleIndex.redate`); every person gets their events and roles;
6. documents' events: per document that events studied, its events by date and its cascade.

The rows are those `link` gives for the same articles (duplicate groups may be numbered otherwise). What stays in
memory besides one batch of groups is an id per article while components are found, and the copies' originals.

`relink` is the incremental run: the same stages over the groups the new (or re-versioned) articles' keys name, old
and new, and, through what changed, the groups that depend on them: the events of the articles whose duplicates,
documents or resolved names changed, and the people and documents of the events linked again.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import bindparam, select

from hoinghi.link import CascadeRow
from hoinghi.link.common import article_day, name_key, publish_order
from hoinghi.link.roles import named
from hoinghi.model import Article
from hoinghi.store import schema as s
from hoinghi.store.core import iso_date
from hoinghi.store.schema import link_groups, link_inputs, link_keys, link_names, link_roles

BATCH = 2000  # article slots a batch of small groups may take; a larger group is linked alone
PAGE = 900  # values per `IN (...)`
EVENT_KEYS = ("e:", "i:", "m:")
_DUPLICATE_FIELDS = ("id", "published", "published_source")
_DOCUMENT_FIELDS = ("id", "published", "published_source", "province", "documents")
_PEOPLE_FIELDS = ("id", "published", "published_source", "province", "people", "events")


def link_stages(conn) -> None:
    """Link every stored view, stage by stage (the link tables empty before)."""
    for ids in packed(c for c in components(conn, ("b:",)) if len(c) > 1):
        _insert(conn, {s.duplicates: duplicate_rows(conn, ids, _next_group(conn))})
    for keys, ids in batches(key_groups(conn, "d:")):
        _insert(conn, document_rows(conn, keys, ids))
    undated: set[str] = set()
    for keys, ids in batches(key_groups(conn, "p:")):
        rows, found = person_rows(conn, keys, ids)
        _insert(conn, rows)
        undated |= found
    copies = stored_copies(conn)
    for ids in packed(components(conn, EVENT_KEYS, copies.items())):
        _insert(conn, event_rows(conn, views_of(conn, ids), copies))
    redate_people(conn, undated)
    for part in _distinct_pages(conn, link_roles.c.person_id):
        person_events(conn, part)
    for part in _distinct_pages(conn, s.event_documents.c.document_id):
        document_events(conn, part)


# ---------------------------------------------------------------------------------------------------------------
# Reading groups and views


def key_groups(conn, prefix: str) -> Iterator[tuple[str, list[str]]]:
    """(key, article ids) for every current key starting with `prefix`, in key order, read a page at a time."""
    lk = link_keys
    last = prefix  # sorts before every key it starts
    while True:
        keys = list(conn.execute(select(lk.c.key).where(lk.c.key.like(prefix + "%"), lk.c.key > last,
                                                        lk.c.stale.is_(False))
                                 .distinct().order_by(lk.c.key).limit(PAGE)).scalars())
        if not keys:
            return
        yield from groups_of(conn, keys)
        last = keys[-1]


def groups_of(conn, keys: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """(key, article ids) for each of `keys` some current article has."""
    lk = link_keys
    for part in _pages(sorted(keys)):
        members: dict[str, set[str]] = {}
        for key, article_id in conn.execute(select(lk.c.key, lk.c.article_id).where(lk.c.key.in_(part),
                                                                                     lk.c.stale.is_(False))):
            members.setdefault(key, set()).add(article_id)
        for key in part:
            if key in members:
                yield key, sorted(members[key])


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


def packed(comps: Iterable[list[str]], size: int = BATCH) -> Iterator[set[str]]:
    """Components packed while their articles fit in `size`."""
    for _keys, ids in batches(((str(i), c) for i, c in enumerate(comps)), size):
        yield ids


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

    def join(self, members: Iterable[str]) -> None:
        members = iter(members)
        first = self.root(next(members))
        for m in members:
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


def closure(conn, seeds: Iterable[str], prefixes: tuple[str, ...],
            mates: Callable[[str], Iterable[str]] = lambda _a: ()) -> list[list[str]]:
    """The components (through current keys of `prefixes`, and `mates`) of the articles `seeds`."""
    found = _Components()
    frontier = set(seeds)
    ids = set(frontier)
    seen: set[str] = set()
    for a in frontier:
        found.root(a)
    while frontier:
        keys = {k for k in _lookup(conn, link_keys.c.key, link_keys.c.article_id, frontier, current=True)
                if k.startswith(prefixes)} - seen
        seen |= keys
        reached: set[str] = set()
        for _key, members in groups_of(conn, keys):
            found.join(members)
            reached.update(members)
        for a in frontier:
            for m in mates(a):
                found.join([a, m])
                reached.add(m)
        frontier = reached - ids
        ids |= frontier
    return found.groups()


def decode_view(blob: bytes, fields: tuple[str, ...] | None = None) -> Article:
    from hoinghi.link.inputs import view_from_dict

    data = json.loads(zlib.decompress(blob))
    return view_from_dict(data) if fields is None else view_from_dict(data, fields)


def views_of(conn, ids: Iterable[str], fields: tuple[str, ...] | None = None) -> list[Article]:
    """The stored views of `ids` (only `fields` of them), in order of publication (the order `link` takes)."""
    li = link_inputs
    views = [decode_view(blob, fields) for part in _pages(sorted(ids))
             for (blob,) in conn.execute(select(li.c.view).where(li.c.article_id.in_(part)))]
    return sorted(views, key=publish_order)


def _pages(values: list) -> Iterator[list]:
    return (values[i:i + PAGE] for i in range(0, len(values), PAGE))


def _distinct_pages(conn, column) -> Iterator[list[str]]:
    """The distinct values of `column`, a page at a time, in order."""
    last = ""
    while True:
        part = list(conn.execute(select(column).where(column > last).distinct().order_by(column).limit(PAGE))
                    .scalars())
        if not part:
            return
        yield part
        last = part[-1]


def _lookup(conn, want, by, values: Iterable[str], current: bool = False, **equal) -> set:
    """The distinct `want` of the rows whose `by` is one of `values` (and whose columns `equal` hold those values;
    `current`: link keys not stale)."""
    out: set = set()
    table = want.table
    for part in _pages(sorted(set(values))):
        q = select(want).where(by.in_(part), *(table.c[k] == v for k, v in equal.items())).distinct()
        if current:
            q = q.where(link_keys.c.stale.is_(False))
        out.update(conn.execute(q).scalars())
    return out


def _delete_in(conn, column, values: Iterable, **equal) -> None:
    table = column.table
    for part in _pages(sorted(set(values))):
        conn.execute(table.delete().where(column.in_(part), *(table.c[k] == v for k, v in equal.items())))


def _insert(conn, rows: dict) -> None:
    for table, table_rows in rows.items():
        for part in _pages(table_rows):
            conn.execute(table.insert(), part)


def _mention_rows(kind: str, mapping: dict[tuple[str, int], str]) -> list[dict]:
    return [{"article_id": aid, "kind": kind, "idx": idx, "entity_id": eid} for (aid, idx), eid in mapping.items()]


def _stored_mentions(conn, kind: str, ids: Iterable[str]) -> dict[tuple[str, int], str]:
    """(article id, index) -> entity id of the articles' mentions of `kind`, as stored by an earlier stage."""
    ae = s.article_entities
    return {(aid, idx): eid for part in _pages(sorted(ids))
            for aid, idx, eid in conn.execute(select(ae.c.article_id, ae.c.idx, ae.c.entity_id)
                                              .where(ae.c.kind == kind, ae.c.article_id.in_(part)))}


def _group_rows(groups: dict[str, str]) -> list[dict]:
    return [{"entity_id": eid, "key": key} for eid, key in groups.items()]


# ---------------------------------------------------------------------------------------------------------------
# 1. Near-duplicate pages


def duplicate_rows(conn, ids: set[str], first_group: int) -> list[dict]:
    """The duplicate groups (copy -> original) among the articles `ids` (whole components), numbered from
    `first_group`."""
    from hoinghi.link.duplicates import find_duplicates

    groups: dict[str, list[str]] = {}
    for copy, original in find_duplicates(views_of(conn, ids, _DUPLICATE_FIELDS)).items():
        groups.setdefault(original, [original]).append(copy)
    return [{"group_id": first_group + g, "article_id": a, "canonical": a == original}
            for g, (original, members) in enumerate(groups.items()) for a in dict.fromkeys(members)]


def _next_group(conn) -> int:
    from sqlalchemy import func

    return (conn.execute(select(func.max(s.duplicates.c.group_id))).scalar() or -1) + 1


def stored_copies(conn) -> dict[str, str]:
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


def document_rows(conn, keys: set[str], ids: set[str]) -> dict:
    """The documents of the keys `keys` (whose mentions are in the articles `ids`), each mention's document and
    each document's group."""
    from hoinghi.link.documents import link_documents
    from hoinghi.link.inputs import document_group, document_link_key
    from hoinghi.store.links import _document_rows

    docs, document_of = link_documents(views_of(conn, ids, _DOCUMENT_FIELDS),
                                       only=lambda d: document_link_key(d) in keys)
    return {s.documents: _document_rows(docs), s.article_entities: _mention_rows("document", document_of),
            link_groups: _group_rows({d.id: document_group(d.key) for d in docs})}


# ---------------------------------------------------------------------------------------------------------------
# 3. People: each mention's person, and whom the names printed in events resolve to


def _people_of(conn, keys: set[str], ids: set[str]):
    """(views, folded names, `PeopleIndex`) of the names of `keys`, whose mentions are in the articles `ids`."""
    from hoinghi.link.inputs import person_link_key
    from hoinghi.link.people import link_people

    views = views_of(conn, ids, _PEOPLE_FIELDS)
    names = {name_key(p.name) for v in views for p in v.people if p.name and person_link_key(p.name) in keys}
    return views, names, link_people(views, names)


def person_rows(conn, keys: set[str], ids: set[str]) -> tuple[dict, set[str]]:
    """The people of the names of `keys` as placed (no events yet, mentions not redated), each mention's person,
    whom those names printed in events resolve to, each person's group; and the groups that hold an article
    without a day of its own, whose people the events will date (`redate_people`)."""
    from hoinghi.link.inputs import name_group
    from hoinghi.store.links import _person_rows, _position_rows

    views, names, index = _people_of(conn, keys, ids)
    rows = {s.people: _person_rows(index.entities), s.person_positions: _position_rows(index.entities),
            s.article_entities: _mention_rows("person", index.person_of),
            link_names: resolved_rows(views, names, index),
            link_groups: _group_rows({pid: name_group(key) for pid, key in index.name_keys().items()})}
    return rows, undated_groups(views) & keys


def undated_groups(views: list[Article]) -> set[str]:
    """The name groups of the people of the articles that report events but give no day of their own."""
    from hoinghi.link.inputs import person_link_key

    return {person_link_key(p.name) for v in views if v.events and not article_day(v) for p in v.people if p.name}


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


def event_rows(conn, views: list[Article], copies: dict[str, str]) -> dict:
    """The rows of the events the articles of `views` (whole components) report."""
    from hoinghi.link import _reported_roles
    from hoinghi.link.events import link_events
    from hoinghi.store.links import _bridge_rows, _event_rows, _pairs

    ids = [v.id for v in views]
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


def redate_people(conn, keys: set[str]) -> None:
    """Write again the people of the name groups `keys`, placed again and their undated mentions dated by the
    events their articles report (`PeopleIndex.redate`), with their events."""
    current = _lookup(conn, link_groups.c.entity_id, link_groups.c.key, keys)
    _delete_in(conn, s.people.c.id, current)
    _delete_in(conn, s.person_positions.c.person_id, current)
    for group_keys, ids in batches(groups_of(conn, keys)):
        rows = redated_rows(conn, group_keys, ids)
        _insert(conn, rows)
        person_events(conn, [r["id"] for r in rows[s.people]])


def redated_rows(conn, keys: set[str], ids: set[str]) -> dict:
    """The rows of the people of the names `keys` (whose mentions are in the articles `ids`), redated."""
    from hoinghi.store.links import _person_rows, _position_rows

    views, _names, index = _people_of(conn, keys, ids)
    index.redate(reported_days(conn, views))
    return {s.people: _person_rows(index.entities), s.person_positions: _position_rows(index.entities)}


def person_events(conn, person_ids: list[str]) -> None:
    """Give the people their events (by date) and their roles at each, from `link_roles`."""
    from hoinghi.store.links import _json

    lr, people = link_roles, s.people
    held: dict[str, list[tuple[str, str, str]]] = {}
    for part in _pages(sorted(person_ids)):
        for pid, day, eid, roles in conn.execute(select(lr.c.person_id, lr.c.day, lr.c.event_id, lr.c.roles)
                                                 .where(lr.c.person_id.in_(part))):
            held.setdefault(pid, []).append((day, eid, roles))
    updates = []
    for part in _pages(sorted(person_ids)):
        for pid, data in conn.execute(select(people.c.id, people.c.data).where(people.c.id.in_(part))):
            person, events = json.loads(data), sorted(held.get(pid, []))
            person["events"] = [eid for _day, eid, _roles in events]
            person["event_roles"] = {eid: json.loads(roles) for _day, eid, roles in events}
            updates.append({"person_id": pid, "person_data": _json(person)})
    if updates:
        conn.execute(people.update().where(people.c.id == bindparam("person_id"))
                     .values(data=bindparam("person_data")), updates)


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
    return {eid: e["date"][:10] for eid, e in _events_data(conn, event_ids).items() if e.get("date")}


# ---------------------------------------------------------------------------------------------------------------
# 6. Documents' events and cascades


def document_events(conn, document_ids: list[str]) -> None:
    """Give the documents their events (by date, from `event_documents`) and write their cascades anew."""
    ed, docs = s.event_documents, s.documents
    _delete_in(conn, s.cascades.c.document_id, document_ids)
    pairs = [r for part in _pages(sorted(document_ids))
             for r in conn.execute(select(ed.c.document_id, ed.c.event_id).where(ed.c.document_id.in_(part)))]
    events = _events_data(conn, {eid for _d, eid in pairs})
    by_doc: dict[str, list[dict]] = {}
    for did, eid in pairs:
        by_doc.setdefault(did, []).append(events[eid])
    updates, cascades = [], []
    for part in _pages(sorted(document_ids)):
        for did, data in conn.execute(select(docs.c.id, docs.c.data).where(docs.c.id.in_(part))):
            held = sorted(by_doc.get(did, []), key=lambda e: (e["date"] or "9999", e["id"]))
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


# ---------------------------------------------------------------------------------------------------------------
# Incremental: the groups the pending articles touch, and what depends on what changed


def relink(conn, pending: list[str]) -> int:
    """Link again what the articles `pending` (new, or stored again with other content; their replaced keys
    still stored, stale) can change; returns how many articles' events were linked again."""
    touched = _keys_by_kind(_lookup(conn, link_keys.c.key, link_keys.c.article_id, pending))
    old_events = _lookup(conn, s.article_entities.c.entity_id, s.article_entities.c.article_id, pending, kind="event")
    _delete_in(conn, s.article_entities.c.article_id, pending)
    _delete_in(conn, link_names.c.article_id, pending)
    moved = _relink_duplicates(conn, set(pending) | _holders(conn, touched["b:"]))
    changed_docs, new_docs = _relink_documents(conn, touched["d:"])
    changed_names, new_people, undated = _relink_names(conn, touched["p:"])
    seeds = set(pending) | moved | changed_docs | changed_names | _holders(conn, touched["e:"])
    relinked, persons, docs, redated = _relink_events(conn, seeds, old_events)
    redate_people(conn, undated | redated)
    person_events(conn, sorted(new_people | persons))
    document_events(conn, sorted(new_docs | docs))
    return relinked


def _keys_by_kind(keys: set[str]) -> dict[str, set[str]]:
    """The keys by stage: `b:`, `d:`, `p:`, and the event keys under `e:`."""
    kinds: dict[str, set[str]] = {"b:": set(), "d:": set(), "p:": set(), "e:": set()}
    for k in keys:
        kinds.setdefault("e:" if k.startswith(EVENT_KEYS) else k[:2], set()).add(k)
    return kinds


def _holders(conn, keys: set[str]) -> set[str]:
    """The current articles that have one of `keys`."""
    return _lookup(conn, link_keys.c.article_id, link_keys.c.key, keys, current=True)


def _relink_duplicates(conn, seeds: set[str]) -> set[str]:
    """Link again the band components of `seeds` (their old groups replaced); returns their articles."""
    comps = closure(conn, seeds, ("b:",))
    ids = {a for c in comps for a in c}
    _delete_in(conn, s.duplicates.c.group_id, _lookup(conn, s.duplicates.c.group_id, s.duplicates.c.article_id, ids))
    for part in packed(c for c in comps if len(c) > 1):
        _insert(conn, {s.duplicates: duplicate_rows(conn, part, _next_group(conn))})
    return ids


def _drop_groups(conn, keys: set[str], kind: str, tables: tuple) -> set[str]:
    """Delete the entities linked in the groups `keys` (their rows in `tables`, by id, and their mentions);
    returns their ids."""
    old = _lookup(conn, link_groups.c.entity_id, link_groups.c.key, keys)
    for column in tables:
        _delete_in(conn, column, old)
    _delete_in(conn, s.article_entities.c.entity_id, old, kind=kind)
    _delete_in(conn, link_groups.c.key, keys)
    return old


def _mention_pairs(conn, kind: str, entity_ids: set[str]) -> set[tuple[str, int, str]]:
    ae = s.article_entities
    return {tuple(r) for part in _pages(sorted(entity_ids))
            for r in conn.execute(select(ae.c.article_id, ae.c.idx, ae.c.entity_id)
                                  .where(ae.c.kind == kind, ae.c.entity_id.in_(part)))}


def _relink_documents(conn, keys: set[str]) -> tuple[set[str], set[str]]:
    """Link again the document groups `keys`; returns (the articles whose mentions now link otherwise, the new
    documents)."""
    old_ids = _lookup(conn, link_groups.c.entity_id, link_groups.c.key, keys)
    before = _mention_pairs(conn, "document", old_ids)
    _drop_groups(conn, keys, "document", (s.documents.c.id, s.cascades.c.document_id))
    after: set[tuple[str, int, str]] = set()
    new_ids: set[str] = set()
    for group_keys, ids in batches(groups_of(conn, keys)):
        rows = document_rows(conn, group_keys, ids)
        _insert(conn, rows)
        after |= {(r["article_id"], r["idx"], r["entity_id"]) for r in rows[s.article_entities]}
        new_ids |= {r["id"] for r in rows[s.documents]}
    return {a for a, _i, _e in before ^ after}, new_ids


def _relink_names(conn, keys: set[str]) -> tuple[set[str], set[str], set[str]]:
    """Place again the people of the name groups `keys`; returns the articles whose names printed in events now
    resolve otherwise (what events read of people), the new people, and the groups to redate."""
    from hoinghi.link.inputs import name_group

    members = {a for _k, group in groups_of(conn, keys) for a in group}
    before = {(a, k, p) for a, k, p in _names_resolved(conn, members) if name_group(k) in keys}
    _drop_groups(conn, keys, "person", (s.people.c.id, s.person_positions.c.person_id))
    if before:
        conn.execute(link_names.delete().where(link_names.c.article_id == bindparam("a"),
                                               link_names.c.key == bindparam("k")),
                     [{"a": a, "k": k} for a, k, _p in before])
    after: set[tuple[str, str, str]] = set()
    new_ids: set[str] = set()
    undated: set[str] = set()
    for group_keys, ids in batches(groups_of(conn, keys)):
        rows, found = person_rows(conn, group_keys, ids)
        _insert(conn, rows)
        after |= {(r["article_id"], r["key"], r["person_id"]) for r in rows[link_names]}
        new_ids |= {r["id"] for r in rows[s.people]}
        undated |= found
    return {a for a, _k, _p in before ^ after}, new_ids, undated


def _names_resolved(conn, ids: set[str]) -> set[tuple[str, str, str]]:
    ln = link_names
    return {tuple(r) for part in _pages(sorted(ids))
            for r in conn.execute(select(ln.c.article_id, ln.c.key, ln.c.person_id).where(ln.c.article_id.in_(part)))}


_EVENT_TABLES = (s.events.c.id, s.bridge_points.c.event_id, s.event_people.c.event_id, s.event_documents.c.event_id,
                 s.event_reports.c.event_id, link_roles.c.event_id)


def _relink_events(conn, seeds: set[str], old_events: set[str]) -> tuple[int, set[str], set[str], set[str]]:
    """Link again the events of the event components of `seeds` (with `old_events`, those the pending articles'
    old versions reported); returns (how many articles, the people and documents of the old and new events, the
    name groups of the people of undated articles, which the events date)."""
    copies = stored_copies(conn)
    originals: dict[str, list[str]] = {}
    for copy, original in copies.items():
        originals.setdefault(original, []).append(copy)
    comps = closure(conn, seeds, EVENT_KEYS, lambda a: [*originals.get(a, ()), *filter(None, [copies.get(a)])])
    ids = {a for c in comps for a in c}
    old = old_events | _lookup(conn, s.article_entities.c.entity_id, s.article_entities.c.article_id, ids,
                               kind="event")
    persons = _lookup(conn, link_roles.c.person_id, link_roles.c.event_id, old)
    docs = _lookup(conn, s.event_documents.c.document_id, s.event_documents.c.event_id, old)
    for column in _EVENT_TABLES:
        _delete_in(conn, column, old)
    _delete_in(conn, s.article_entities.c.entity_id, old, kind="event")
    names: set[str] = set()
    for part in packed(comps):
        views = views_of(conn, part)
        rows = event_rows(conn, views, copies)
        _insert(conn, rows)
        persons |= {r["person_id"] for r in rows[link_roles]}
        docs |= {r["document_id"] for r in rows[s.event_documents]}
        names |= undated_groups(views)
    return len(ids), persons, docs, names
