"""The extract stage: people and positions, organisations, places, documents, events from an article's text.

`entities(text, when=..., url=...)` runs the recognisers in the order they depend on each other (people first, so
their names are kept from places and organisations) and returns them with every mention's offsets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from hoinghi.extract.documents import find_documents
from hoinghi.extract.orgs import find_organizations
from hoinghi.extract.people import complete_positions, find_people
from hoinghi.extract.places import dedupe, find_places
from hoinghi.extract.spans import ByStart
from hoinghi.geo import all_provinces, province_info
from hoinghi.model import Document, Mention, Organization, Person, Place
from hoinghi.text import fold


@lru_cache(maxsize=65536)
def is_place(name: str) -> bool:
    """A name that is a place (province, district, country …), so not a person's. Wards and communes named after
    people (`Nguyễn Văn Cừ`) do not count."""
    info = province_info(name)
    if info is not None:
        return info.kind not in ("commune", "ward") or len(name.split()) < 3
    return any(m.start == 0 and m.end == len(name) for m in find_places(name))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from hoinghi.lexicons import load

    names = set()
    for canonical, entry in load("countries.toml")["country"].items():
        names.add(canonical)
        names.update(entry if isinstance(entry, list) else entry.get("variants", []))
    return frozenset(names)


@lru_cache(maxsize=65536)
def is_region(name: str) -> bool:
    """A province or a country (`Đoàn Lào` is a delegation, not a person)."""
    if name in _countries():
        return True
    info = province_info(name)
    return info is not None and info.kind == "province"


@dataclass
class Entities:
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    foreign_places: list[Place] = field(default_factory=list)  # provinces and cities abroad: not `places`
    documents: list[Document] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    province: str | None = None
    # raw matches, for the events stage
    people_matches: list = field(default_factory=list)
    org_matches: list = field(default_factory=list)
    place_matches: list = field(default_factory=list)
    document_matches: list = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # the rule that found each mention


def entities(text: str, *, when: dt.date | None = None, url: str | None = None, title: str | None = None) -> Entities:
    """Every recogniser over `text`, in the order they depend on each other (the pipeline's steps do the same)."""
    people = find_people(text, is_place, is_region)
    person_spans = sorted(span for pm in people for span in pm.spans)
    places = find_places(text, skip=person_spans, when=when)
    province = article_province(places, url, title_len=len(title or ""))
    if province is not None and any(m.place.kind in ("commune", "ward") for m in places):
        places = find_places(text, skip=person_spans, when=when, context_province=province)
    orgs = find_organizations(text, person_spans)
    docs = find_documents(text, context_level="provincial" if province else None)
    return assemble(text, people, orgs, places, docs, province, when=when)


def assemble(text: str, people: list, orgs: list, places: list, docs: list, province: str | None,
             when: dt.date | None = None) -> Entities:
    """The record's lists from the recognisers' matches, with every mention (and the rule that found it). `when`
    (the article's date) decides whether a bare unit is completed with the province before or after the 2025
    merger."""
    out = Entities(province=province, people_matches=people, org_matches=orgs, place_matches=places,
                   document_matches=docs)
    found: list[tuple[Mention, str]] = []
    _add_people(out, found, text, people, article_province(places, None) or province, when)
    _add_organizations(out, found, text, orgs, places, province)
    places = _add_places(out, found, places)
    for i, dm in enumerate(docs):
        out.documents.append(dm.document)
        rule = _rule(dm)
        found += [(Mention("document", text[s:e], s, e, i), rule) for s, e in dm.spans]
    offsets = [(m.start, m.end) for m, _ in found]
    order = sorted(range(len(found)), key=offsets.__getitem__)  # stable: as sorting `found` by offsets
    out.mentions = [found[i][0] for i in order]
    out.rules = [found[i][1] for i in order]
    return out


def _rule(match) -> str:
    return getattr(match, "rule", "") or ""


def _add_people(out: Entities, found: list, text: str, people: list, province: str | None,
                when: dt.date | None) -> None:
    """The people, with positions completed by the province the text names (else the portal's) as of `when`."""
    for i, pm in enumerate(people):
        pm.person.positions_full = complete_positions(pm.person, province, when)
        out.people.append(pm.person)
        rule = _rule(pm)
        found += [(Mention("person", text[s:e], s, e, i), rule) for s, e in pm.spans]
        rules = getattr(pm, "position_rules", None) or [""] * len(pm.position_spans)
        found += [(Mention("position", phrase, s, e, i), r) for (s, e, phrase), r in zip(pm.position_spans, rules, strict=True)]


def _add_organizations(out: Entities, found: list, text: str, orgs: list, places: list, province: str | None) -> None:
    provinces = ByStart((m for m in places if m.place.kind == "province"), lambda m: m.start)
    for i, om in enumerate(orgs):
        om.org.province = _org_province(om.org.name, provinces, om.spans, province)
        out.organizations.append(om.org)
        rule = _rule(om)
        found += [(Mention("organization", text[s:e], s, e, i), rule) for s, e in om.spans]
    for m in places:
        if m.place.kind == "international" and all(o.name != m.place.name for o in out.organizations):
            out.organizations.append(Organization(name=m.place.name, kind="international"))  # bodies, not places


def _add_places(out: Entities, found: list, places: list) -> list:
    """The contract's places are Vietnam's units and countries; provinces and cities abroad are kept apart."""
    abroad = [m for m in places if m.place.kind == "foreign_province"]
    places = [m for m in places if m.place.kind not in ("international", "foreign_province")]
    out.places, out.foreign_places = dedupe(places), dedupe(abroad)
    for kind, matches, listed in (("place", places, out.places), ("foreign_place", abroad, out.foreign_places)):
        index = {(p.name, p.kind): i for i, p in enumerate(listed)}
        for m in matches:
            found.append((Mention(kind, m.text, m.start, m.end, index.get((m.place.name, m.place.kind))), _rule(m)))
    return places


_PROVINCIAL = re.compile(r"(?:Tỉnh ủy|Tỉnh|tỉnh|Thành ủy|thành phố|Ủy ban nhân dân tỉnh|Hội đồng nhân dân tỉnh)(?:\s|$)")


def _org_province(name: str, provinces: ByStart, spans: list[tuple[int, int]], province: str | None) -> str | None:
    """The province of a provincial body: one named inside it (`Tỉnh ủy Yên Bái`; `provinces`: the places that are
    provinces, by start), else the article's for a bare `Tỉnh ủy`, `UBND tỉnh`, `Sở Ngoại vụ tỉnh`."""
    for s, e in spans:
        m = provinces.first(s, e)
        if m is not None:
            return m.place.province or m.place.name
    if province and _PROVINCIAL.search(name):
        return province
    return None


_DOMAIN_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _province_slugs() -> dict[str, str]:
    """`yenbai` -> `Yên Bái`, `binhduong` -> `Bình Dương`: province names as they appear in portal domains."""
    slugs = {}
    for name in all_provinces():
        slug = fold(name).replace(" ", "")
        info = province_info(name)
        if len(slug) >= 5 and info and info.kind == "province":
            slugs[slug] = name
    return slugs


_UNIT_KINDS = frozenset(("province", "city", "town", "district", "commune", "ward"))


def article_province(places: list, url: str | None, title_len: int = 0) -> str | None:
    """The province an article is about: the one its portal's domain names (`yenbai.gov.vn`), else the
    Vietnamese province (or the province of a district) it names first and most."""
    if url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
        for word in _DOMAIN_WORD.findall(host):
            for slug, name in _province_slugs().items():
                if slug in word:
                    return name
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in places:
        prov = m.place.province if m.place.kind in _UNIT_KINDS else None
        if not prov or prov == "Hà Nội" and m.place.kind == "province" and len(places) > 1:
            continue  # the capital is named as where central bodies sit, rarely what a provincial page is about
        if prov in counts:
            counts[prov] += 1
        else:
            counts[prov], first[prov] = 1, m.start
    if not counts:
        return None
    return max(counts, key=lambda p: (counts[p], -first[p]))
