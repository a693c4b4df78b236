"""The link stage: across articles, the same person, the same document, the same event, near-duplicate pages.

    linked = link(articles)          # articles: iterable of hoinghi.model.Article (records of `hoinghi extract`),
                                     # or the views linking reads of them (`hoinghi.link.inputs.view_of`: no text)
    linked.people / .documents / .events / .duplicates
    linked.person_of[(article_id, person_index)] -> person entity id   (likewise document_of, event_of)
    linked.cascade(document_id) -> rows: every event that studied or carried out the document
    linked.roles -> (event id, person id, role): chair, speaker, bridge_chair, attendee (`hoinghi.link.roles`)

The entities are plain dataclasses so the store can persist them and the CLI and web can show them.

The stages run in this order, each in its module: near-duplicate pages (`duplicates`), documents (`documents`),
people (`people`), events (`events`, which need the document and person ids), then the people's and documents'
events. The rules are in each module's docstring. Ids are stable: the same input gives the same ids, and they
hash what identifies an entity (a folded name and province, a document key, an event's kind, day and scope), not
positions in the input; articles are taken in order of publication, so the input's order does not matter. An
article id seen twice is linked once (the first record is kept).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from hoinghi.model import Article, Document


@dataclass
class PositionSeen:
    """One position a person held, with the first and last date it was seen and where."""

    position: str  # as printed (normalised), e.g. `Bí thư Tỉnh ủy`
    position_full: str  # completed with the unit the article implies, e.g. `Bí thư Tỉnh ủy Yên Bái`
    first_seen: str | None  # ISO date of the earliest article that printed it
    last_seen: str | None
    articles: list[str] = field(default_factory=list)
    former: bool = False  # printed as `nguyên …`


@dataclass
class PersonEntity:
    id: str  # stable: derived from the normalised name and a disambiguating key
    name: str
    positions: list[PositionSeen] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)  # provinces of the articles/positions that name them
    articles: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # event entity ids they chaired, spoke at or attended
    province: str | None = None  # their main province (most provincial posts); None for central or unplaced people
    event_roles: dict[str, list[str]] = field(default_factory=dict)  # event id -> chair, speaker, bridge_chair, attendee
    honorifics: list[str] = field(default_factory=list)
    ambiguous: bool = False  # collects mentions of a name without position that fit several people


@dataclass(kw_only=True)
class DocumentEntity(Document):
    """One document across articles: `Document`'s fields, merged from every mention, and where it was seen."""

    id: str  # stable: from the canonical key (`kết luận|57|kl/tw` …)
    key: tuple
    articles: list[str] = field(default_factory=list)  # every article that mentions it (syndicated copies included)
    province: str | None = None  # the province of a provincial document (a /TU plan, a provincial congress)
    province_2025: str | None = None
    scope: str | None = None  # national, provincial, or unknown (only bare mentions such as `Kế hoạch 25`)
    events: list[str] = field(default_factory=list)  # event ids that studied or carried it out
    texts: list[str] = field(default_factory=list)  # the mentions as printed, fullest first


@dataclass
class BridgePointSeen:
    place: str
    province: str | None  # as of the event
    province_2025: str | None
    article_id: str  # the first (original first) report that names it
    chairs: list[str] = field(default_factory=list)  # person entity ids
    attendees: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # every report that names it


@dataclass
class EventEntity:
    id: str
    kind: str
    name: str | None
    date: str | None
    part_of_day: str | None = None
    mode: str | None = None
    city: str | None = None
    province: str | None = None  # the province that held it (None for a central event)
    level: str | None = None  # central, province, district, unit
    organizers: list[str] = field(default_factory=list)
    chairs: list[str] = field(default_factory=list)  # person entity ids
    speakers: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # document entity ids
    bridge_points: list[BridgePointSeen] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)  # article ids that report it (originals only)
    copies: list[str] = field(default_factory=list)  # syndicated copies of reports: linked, never counted twice
    venue: str | None = None
    province_2025: str | None = None
    chair_names: list[str] = field(default_factory=list)  # as printed, most reported first
    speaker_names: list[str] = field(default_factory=list)
    bridge_point_count: int | None = None  # the largest number of bridge points a report gives
    parent: str | None = None
    theme: str | None = None


@dataclass
class CascadeRow:
    """One event that studied or carried out a document (`hoinghi document KEY`)."""

    event_id: str
    date: str | None
    name: str | None
    province: str | None
    province_2025: str | None
    level: str | None
    chairs: list[str]  # person names
    articles: list[str]  # the event's reports (originals)
    copies: list[str] = field(default_factory=list)  # syndicated copies of those reports
    city: str | None = None
    kind: str | None = None


@dataclass
class Linked:
    people: list[PersonEntity]
    documents: list[DocumentEntity]
    events: list[EventEntity]
    duplicates: dict[str, str]  # article id -> id of the original it copies
    person_of: dict[tuple[str, int], str]  # (article id, index in article.people) -> person id
    document_of: dict[tuple[str, int], str]  # (article id, index in article.documents) -> document id
    event_of: dict[tuple[str, int], str]  # (article id, index in article.events) -> event id
    roles: list[tuple[str, str, str]] = field(default_factory=list)  # (event id, person id, role): `link.roles`

    def __post_init__(self) -> None:
        self._people = {p.id: p for p in self.people}
        self._documents = {d.id: d for d in self.documents}
        self._events = {e.id: e for e in self.events}

    def person(self, person_id: str) -> PersonEntity:
        return self._people[person_id]

    def document(self, document_id: str) -> DocumentEntity:
        return self._documents[document_id]

    def event(self, event_id: str) -> EventEntity:
        return self._events[event_id]

    def cascade(self, document_id: str) -> list[CascadeRow]:
        """Every event that studied or carried out the document, sorted by date (undated last)."""
        doc = self._documents.get(document_id)
        if doc is None:
            return []
        rows = []
        for eid in doc.events:
            ev = self._events[eid]
            rows.append(CascadeRow(event_id=ev.id, date=ev.date, name=ev.name, province=ev.province,
                                   province_2025=ev.province_2025, level=ev.level, chairs=list(ev.chair_names),
                                   articles=list(ev.reports), copies=list(ev.copies), city=ev.city, kind=ev.kind))
        return sorted(rows, key=lambda r: (r.date or "9999", r.event_id))


def link(articles: Iterable[Article]) -> Linked:
    """Link the records of `hoinghi extract`: people, documents, events across articles, and near-duplicate pages."""
    # The linker allocates many small objects next to a large heap of articles and makes no reference cycles worth
    # collecting meanwhile: the cyclic garbage collector would only rescan the articles (a fifth of the time).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _link(articles)
    finally:
        if paused:
            gc.enable()


def _link(articles: Iterable[Article]) -> Linked:
    from hoinghi.link.common import publish_order
    from hoinghi.link.documents import link_documents
    from hoinghi.link.duplicates import find_duplicates
    from hoinghi.link.events import link_events
    from hoinghi.link.people import link_people

    unique: dict[str, Article] = {}
    for art in articles:
        unique.setdefault(art.id, art)
    arts = sorted(unique.values(), key=publish_order)  # the result does not depend on the input's order
    duplicates = find_duplicates(arts)
    documents, document_of = link_documents(arts)
    people = link_people(arts)
    events, event_of = link_events(arts, duplicates, people, document_of)
    people.redate(_reported_days(arts, event_of, events))
    _documents_events(documents, events)
    roles = _reported_roles(arts, event_of, people)
    _people_events(people.entities, events, roles)
    return Linked(people=people.entities, documents=documents, events=events, duplicates=duplicates,
                  person_of=people.person_of, document_of=document_of, event_of=event_of, roles=roles)


def _reported_days(arts: list[Article], event_of: dict[tuple[str, int], str], events: list[EventEntity]
                   ) -> dict[str, str]:
    """Article id -> the date of the linked event it reports first, for articles that give no day of their own (a
    report printed without a year that joined a dated event)."""
    from hoinghi.link.common import article_day

    dated = {e.id: e.date[:10] for e in events if e.date}
    days: dict[str, str] = {}
    for art in arts:
        if article_day(art) or not art.events:
            continue
        day = next((dated[eid] for j in range(len(art.events))
                    if (eid := event_of.get((art.id, j))) in dated), None)
        if day:
            days[art.id] = day
    return days


def _documents_events(documents: list[DocumentEntity], events: list[EventEntity]) -> None:
    """Each document's events, by date."""
    docs = {d.id: d for d in documents}
    for ev in sorted(events, key=_event_day):
        for did in ev.documents:
            docs[did].events.append(ev.id)


def _reported_roles(arts: list[Article], event_of: dict[tuple[str, int], str], people) -> list[tuple[str, str, str]]:
    """(event id, person id, role) for everyone an event's reports name, once each, in the order first reported."""
    from hoinghi.link.roles import event_roles

    by_article = {a.id: a for a in arts}
    rows: dict[tuple[str, str, str], None] = {}
    for (aid, j), eid in event_of.items():
        art = by_article[aid]
        rows.update(dict.fromkeys(event_roles(eid, art.events[j], partial(people.resolve, art))))
    return list(rows)


def _people_events(persons: list[PersonEntity], events: list[EventEntity], roles: list[tuple[str, str, str]]) -> None:
    """Each person's events, by date, and their roles at each."""
    by_event: dict[str, dict[str, list[str]]] = {}
    for eid, pid, role in roles:
        by_event.setdefault(eid, {}).setdefault(pid, []).append(role)
    event_day = {e.id: _event_day(e) for e in events}
    by_id = {p.id: p for p in persons}
    for eid in sorted(by_event, key=event_day.__getitem__):
        for pid, held in by_event[eid].items():
            person = by_id[pid]
            person.events.append(eid)
            person.event_roles[eid] = held


def _event_day(ev: EventEntity) -> tuple[str, str]:
    return ev.date or "9999", ev.id


__all__ = ["BridgePointSeen", "CascadeRow", "DocumentEntity", "EventEntity", "Linked", "PersonEntity",
           "PositionSeen", "link"]
