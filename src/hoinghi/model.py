"""The record that flows through every stage: a raw `Page` in, an `Article` out.

`Article.to_dict()` gives exactly the contract of `shared/spec/ARTICLE.md` (field names kept, extra fields added).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Page:
    """One input page as a reader found it, before any cleaning."""

    id: str | None = None
    url: str | None = None
    text: str | None = None
    html: str | None = None
    date: str | None = None  # the page's date known from outside (sitemap, crawl): YYYY-MM-DD or YYYY-MM
    source: str | None = None  # where the reader found it: a path, path:line, a WARC record id

    def stable_id(self) -> str:
        if self.id:
            return str(self.id)
        digest = hashlib.sha1(((self.url or "") + "\n" + (self.text or self.html or "")).encode("utf-8"))
        return digest.hexdigest()[:16]


@dataclass(slots=True)
class Mention:
    type: str  # person, position, organization, place, foreign_place, document, date, event
    text: str
    start: int
    end: int
    ref: int | None = None  # index into the article's list of that type


@dataclass
class Person:
    name: str
    positions: list[str] = field(default_factory=list)
    former_positions: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    positions_full: list[str] = field(default_factory=list)  # positions with the unit the article implies


@dataclass
class Organization:
    name: str
    kind: str | None = None  # party, state, mass, academic, media, steering, business, international
    abbreviation: str | None = None
    province: str | None = None  # a provincial body's province: printed, or the article's for a bare `Tỉnh ủy`


@dataclass
class Place:
    name: str  # as printed (`TPHCM`), or the unit's name without its unit word (`Hồ Chí Minh`)
    kind: str
    province: str | None = None
    province_2025: str | None = None
    canonical: str | None = None  # the unit's name where the printed form abbreviates it (`TPHCM` -> `Hồ Chí Minh`)


@dataclass
class Document:
    kind: str
    number: str | None = None
    code: str | None = None
    issuer: str | None = None  # as printed (`HĐND tỉnh Yên Bái`, `Ban Chấp hành T.Ư Đảng`, `BBT`)
    date: str | None = None
    congress: str | None = None
    level: str | None = None
    plenum: int | None = None
    term: str | None = None
    subject: str | None = None
    text: str | None = None  # the fullest mention as printed
    issuer_full: str | None = None  # the issuer spelt out (`Hội đồng nhân dân tỉnh Yên Bái`, `Ban Bí thư`)


@dataclass
class BridgePoint:
    place: str
    chairs: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)


@dataclass
class Event:
    kind: str
    name: str | None = None
    date: str | None = None
    month_day: str | None = None  # `--12-14`: the day and month of an event whose year nothing gives (`date` null)
    part_of_day: str | None = None
    mode: str | None = None
    venue: str | None = None
    city: str | None = None  # as printed (`TPHCM`, `Côn Minh`)
    city_name: str | None = None  # its canonical name (`Hồ Chí Minh`)
    organizers: list[str] = field(default_factory=list)
    chairs: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    bridge_points: list[BridgePoint] = field(default_factory=list)
    bridge_point_count: int | None = None
    attendance: dict[str, Any] | None = None
    documents: list[int] = field(default_factory=list)
    parent: str | None = None
    theme: str | None = None


@dataclass
class Article:
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    published_source: str | None = None  # where `published` came from: `page`, `input` (the outside date) or `url`
    kind: str = "article"  # `digest` for a page joining several items (`Điểm báo ngày …`, a tag or listing page)
    authors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # `Theo TTXVN`, `(Ảnh: TTXVN)`: agencies, not authors
    section: list[str] = field(default_factory=list)
    views: int | None = None
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    foreign_places: list[Place] = field(default_factory=list)  # provinces and cities abroad (`Vân Nam`, `Champasak`)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    text: str = ""  # the cleaned text (title, body, captions joined by newlines): mention offsets point into it
    province: str | None = None  # the province the article is about, where it is clear
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON form: as `dataclasses.asdict`, several times faster (it is run for every page)."""
        return plain(self)


SHIPPED = "_shipped_json"  # an Article from a worker keeps the JSON line it travelled as (`hoinghi.engines`)


def record_line(art: Article) -> str:
    """The record's JSON line as `hoinghi extract` writes it: the one a worker shipped, else encoded now."""
    return art.__dict__.get(SHIPPED) or json.dumps(art.to_dict(), ensure_ascii=False)


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any, skip: tuple[str, ...] = ()) -> Any:
    """Dataclasses to dicts, lists and dicts copied, all the way down: `dataclasses.asdict` at a fraction of its
    cost. `skip`: fields of the outer record to leave out."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [v if type(v) in _SCALARS else plain(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _SCALARS else plain(v) for k, v in value.items()}
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
    out = {}
    for name in names:
        if name not in skip:
            v = getattr(value, name)
            out[name] = v if type(v) in _SCALARS else plain(v)
    return out


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an Article from its JSON form (as written by `hoinghi extract`)."""
    data = dict(data)
    known = set(Article.__dataclass_fields__)

    def build(cls, items):
        fields = set(cls.__dataclass_fields__)
        return [cls(**{k: v for k, v in item.items() if k in fields}) for item in items or []]

    events = []
    for ev in data.get("events") or []:
        ev = dict(ev)
        ev["bridge_points"] = build(BridgePoint, ev.get("bridge_points"))
        events.extend(build(Event, [ev]))
    art = Article(**{k: v for k, v in data.items() if k in known and k not in {
        "people", "organizations", "documents", "places", "foreign_places", "events", "mentions"}})
    art.people = build(Person, data.get("people"))
    art.organizations = build(Organization, data.get("organizations"))
    art.documents = build(Document, data.get("documents"))
    art.places = build(Place, data.get("places"))
    art.foreign_places = build(Place, data.get("foreign_places"))
    art.mentions = build(Mention, data.get("mentions"))
    art.events = events
    return art
