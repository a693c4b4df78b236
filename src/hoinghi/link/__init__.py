"""The link stage: across articles, the same person, the same document, the same event, near-duplicate pages.

    linked = link(articles)          # articles: iterable of hoinghi.model.Article (records of `hoinghi extract`)
    linked.people / .documents / .events / .duplicates
    linked.person_of[(article_id, person_index)] -> person entity id   (likewise document_of, event_of)
    linked.cascade(document_id) -> rows: every event that studied or carried out the document

The entities are plain dataclasses so the store can persist them and the CLI and web can show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass
class DocumentEntity:
    id: str  # stable: from the canonical key (`kết luận|57|kl/tw` …)
    key: tuple
    kind: str
    number: str | None = None
    code: str | None = None
    issuer: str | None = None
    date: str | None = None
    congress: str | None = None
    level: str | None = None
    plenum: int | None = None
    term: str | None = None
    subject: str | None = None
    articles: list[str] = field(default_factory=list)


@dataclass
class BridgePointSeen:
    place: str
    province: str | None  # as of the event
    province_2025: str | None
    article_id: str
    chairs: list[str] = field(default_factory=list)  # person entity ids
    attendees: list[str] = field(default_factory=list)


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
    reports: list[str] = field(default_factory=list)  # article ids that report it


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
    articles: list[str]
