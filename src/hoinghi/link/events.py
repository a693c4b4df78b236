"""Events: the reports of one event across articles become one event with all its bridge points.

Every event of every article is a report. Reports are indexed by kind and day and taken in order of publication
(originals before syndicated copies). A report joins an event of the same kind and day when:

- the scope agrees: a `central` event (organised by `Bộ Chính trị`, `Ban Bí thư`, `Trung ương`, a ministry,
  `Chính phủ`, `Quốc hội`, a national `Ban Chỉ đạo`) merges only with central events; a `province`, `district` or
  `unit` event only with one of the same level and province. A `Ban Chỉ đạo` that names no level, or no organiser
  at all, is central when the report shows a national event (`toàn quốc`/`cả nước` in its name, a chair with a
  central post, a bridge point in another province, a main venue in Hà Nội reported from elsewhere), else it is an
  event of the article's province. So a provincial conference stays apart per province even when twenty provinces
  hold one on the same day about the same document;
- nothing clashes: two parts of day (`sáng` / `chiều`), two disjoint sets of documents, two disjoint sets of
  numbers in the names (`lần thứ 20` / `lần thứ 21`, `Kết luận 57` / `Kết luận 58`; dates removed first);
- the names agree by token overlap (folded words without stop words and the kind's own words; overlap coefficient
  with a floor of four words, so `Hội nghị Quốc tế` is not a match for everything): at least 0.6, or at least 0.3
  with a document in common, or a document in common and the same chair or organiser.

The day of a report is the event's own date; an undated event takes its article's publication day, so it never
merges with a dated event of another day. With no day at all it merges only with undated reports whose names
nearly coincide (Jaccard similarity of their words at least 0.8). Two reports from one article are two events. A syndicated copy's report that matched nothing joins
the event its original reported.

The event's fields are voted by its reports (copies only when there is no original): name the medoid by token
overlap; date, part of day by majority; mode and city by the reports that print them (`voted_mode`, `voted_city`:
a default given to a page that printed none counts only when no report prints one); venue and organisers grouping
forms that contain one another; chairs and speakers most reported first. Bridge points are merged from all reports,
one per place, each keeping the chairs and attendees its reports name there, as person ids. `reports` are
the original articles, `copies` the syndicated ones; `province` is the province of a non-central event, with
`province_2025` after the merger.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from hoinghi import lexicons
from hoinghi.link import BridgePointSeen, EventEntity
from hoinghi.link.common import (
    assign_ids,
    body_level,
    cfold,
    expand,
    full_day,
    group_contained,
    is_central,
    is_provincial,
    name_key,
    p2025,
    place_info,
    provinces_named,
    publish_order,
    unique_ids,
    vote,
    vote_contained,
)
from hoinghi.model import Article, Event
from hoinghi.text import fold

if TYPE_CHECKING:
    from hoinghi.link.people import PeopleIndex

_WORD = re.compile(r"[a-z0-9]+")
_DATE_IN_NAME = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}")
_STOP = frozenset(fold(w) for w in lexicons.load("link.toml")["events"]["stop_words"])  # left out of names
_DEFAULT_MODES = frozenset(lexicons.load("link.toml")["events"]["default_modes"])  # modes no page printed
_PLACE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|thi tran)\s+")
_NATIONAL_NAME = re.compile(r"\b(?:toan quoc|ca nuoc)\b")
MAX_NAME_FORMS = 50  # distinct name forms kept per event for matching (a national event has dozens of reports)


@dataclass(eq=False)
class _Report:
    article: Article
    index: int
    event: Event
    copy_of: str | None
    kind: str
    day: str | None
    part: str | None
    tokens: frozenset[str]
    numbers: frozenset[str]
    level: str | None
    province: str | None
    docs: list[str]
    chairs: set[str]
    org_tokens: frozenset[str]
    order: int
    published: tuple = ()  # publish_order of the article
    month_day: str | None = None  # `--12-14` of a report whose year nothing gives


@dataclass(eq=False)
class _Event:
    kind: str
    day: str | None
    level: str | None
    province: str | None
    order: int
    members: list[_Report] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    chairs: set[str] = field(default_factory=set)
    org_tokens: set[str] = field(default_factory=set)
    forms: list[frozenset[str]] = field(default_factory=list)
    numbers: set[str] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


@lru_cache(maxsize=1 << 14)
def _org_words(org: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(expand(org))))


@lru_cache(maxsize=1 << 16)
def name_tokens(name: str | None, kind: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words, numbers) of an event name, for comparing names by token overlap."""
    if not name:
        return frozenset(), frozenset()
    text = fold(_DATE_IN_NAME.sub(" ", expand(name)))
    own = set(_WORD.findall(fold(kind)))
    words = frozenset(w for w in _WORD.findall(text) if w not in _STOP and w not in own)
    return words, frozenset(w for w in words if w.isdigit())


def overlap(a: frozenset[str] | set[str], b: frozenset[str] | set[str], floor: int = 4) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(min(len(a), len(b)), floor)


def event_scope(ev: Event, art: Article, positions: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """(level, province) of a reported event: `central` events have no province."""
    levels = [body_level(o, art.province) for o in ev.organizers]
    if "central" in levels:
        return "central", None
    for level in ("province", "district"):
        if level in levels:
            return level, _province_of(ev, art, level)
    if "steering" in levels or not levels:
        if _national_signals(ev, art, positions):
            return "central", None
        if art.province:
            return "province", art.province
        return ("central", None) if levels else (None, None)
    return "unit", _province_of(ev, art, "unit")


def _province_of(ev: Event, art: Article, level: str) -> str | None:
    for org in ev.organizers:
        if body_level(org, art.province) == level:
            named = provinces_named(org)
            if named:
                return named[0]
    return art.province


def _national_signals(ev: Event, art: Article, positions: dict[str, list[str]]) -> bool:
    if _NATIONAL_NAME.search(cfold(ev.name or "")):
        return True
    for chair in ev.chairs:
        held = positions.get(name_key(chair), [])
        if held and any(is_central(p) for p in held) and not any(is_provincial(p) for p in held):
            return True
    for bp in ev.bridge_points:
        info = place_info(bp.place)
        if info and info.province and art.province and info.province != art.province:
            return True
    return bool(ev.city == "Hà Nội" and art.province and art.province != "Hà Nội")


def _report(art: Article, index: int, ev: Event, copy_of: str | None, people: PeopleIndex,
            document_of: dict[tuple[str, int], str], positions: dict[str, list[str]], order: int) -> _Report:
    kind = " ".join((ev.kind or "").casefold().split())
    tokens, numbers = name_tokens(ev.name, kind)
    level, province = event_scope(ev, art, positions)
    if level and level != "central" and not province:
        province = f"?{art.id}"
    docs = list(dict.fromkeys(document_of[(art.id, i)] for i in ev.documents if (art.id, i) in document_of))
    chairs = {pid for pid in (people.resolve(art, n) for n in ev.chairs) if pid}
    org_tokens = frozenset(w for o in ev.organizers for w in _org_words(o))
    day = (ev.date or "")[:10] or full_day(art.published)
    return _Report(art, index, ev, copy_of, kind, day, ev.part_of_day, tokens, numbers, level, province, docs,
                   chairs, org_tokens, order, publish_order(art), None if day else ev.month_day)


def _match(r: _Report, e: _Event) -> float | None:
    """The strength of the match between a report and an event, None when they are not one event."""
    if _clash(r, e):
        return None
    if r.day is None:  # no day to go by: the names must nearly coincide (Jaccard similarity)
        sim = max((len(r.tokens & f) / len(r.tokens | f) for f in e.forms if r.tokens), default=0.0)
        return sim if sim >= 0.8 else None
    sim = max((overlap(r.tokens, f) for f in e.forms), default=0.0)
    shared_docs = bool(set(r.docs) & e.docs)
    shared_chair = bool(r.chairs & e.chairs)
    org = overlap(r.org_tokens, e.org_tokens, floor=1)
    if sim >= 0.6 or (sim >= 0.3 and shared_docs) or (shared_docs and (shared_chair or org >= 0.5)):
        return sim + 0.5 * shared_docs + 0.3 * shared_chair + 0.2 * org
    return None


def _clash(r: _Report, e: _Event) -> bool:
    """A report and an event that cannot be one: same article, another scope, another part of day, disjoint
    documents, disjoint numbers in the names."""
    if r.article.id in e.articles or r.level != e.level or r.province != e.province:
        return True
    if r.part and e.parts and r.part not in e.parts:
        return True
    if r.docs and e.docs and not (set(r.docs) & e.docs):
        return True
    return bool(r.numbers and e.numbers and not (r.numbers & e.numbers))


def _add(e: _Event, r: _Report) -> None:
    e.members.append(r)
    e.docs.update(r.docs)
    e.chairs |= r.chairs
    e.org_tokens |= r.org_tokens
    if r.tokens and r.tokens not in e.forms and len(e.forms) < MAX_NAME_FORMS:
        e.forms.append(r.tokens)
    e.numbers |= r.numbers
    if r.part:
        e.parts.add(r.part)
    e.articles.add(r.article.id)


def link_events(articles: list[Article], copies: dict[str, str], people: PeopleIndex,
                document_of: dict[tuple[str, int], str]) -> tuple[list[EventEntity], dict[tuple[str, int], str]]:
    events = _group(_reports(articles, copies, people, document_of))
    events.sort(key=lambda e: (e.day or "9999", e.order))
    entities = [_entity(e, people) for e in events]
    # the scope hashed is the grouping's: an event of no known province keeps its article's `?id`, so events of
    # unplaced articles never compete for one id (and an id depends only on the reports of its bucket)
    ids = unique_ids("evt_", [[f"{ent.kind}|{ent.date or e.day or '-'}|{ent.level}|{e.province or ''}|"
                               + ",".join(sorted(e.docs)), " ".join(sorted(name_tokens(ent.name, ent.kind)[0])),
                               min(m.article.id for m in e.members)]
                              for e, ent in zip(events, entities, strict=True)])
    event_of = assign_ids(events, entities, ids)
    return entities, event_of


def _reports(articles: list[Article], copies: dict[str, str], people: PeopleIndex,
             document_of: dict[tuple[str, int], str]) -> list[_Report]:
    """Every event of every article, originals before copies, then by day."""
    reports: list[_Report] = []
    for art in sorted(articles, key=lambda a: (a.id in copies, publish_order(a))):
        positions: dict[str, list[str]] = {}
        for p in art.people:
            positions.setdefault(name_key(p.name), []).extend(p.positions_full or p.positions)
        for j, ev in enumerate(art.events):
            reports.append(_report(art, j, ev, copies.get(art.id), people, document_of, positions, len(reports)))
    reports.sort(key=lambda r: (r.day or "9999", r.copy_of is not None, r.order))
    return reports


def _group(reports: list[_Report]) -> list[_Event]:
    """Each report joins the event it matches best, else (a copy) its original's event, else founds one."""
    buckets: dict[tuple, list[_Event]] = {}  # a report only ever joins an event of its kind, day and scope
    events: list[_Event] = []
    by_article: dict[str, list[_Event]] = {}
    by_month_day: dict[tuple, list[_Event]] = {}  # dated events by kind, day and month, scope
    for r in reports:
        bucket = buckets.setdefault((r.kind, r.day, r.level, r.province), [])
        best = _best_match(r, bucket)
        if best is None and r.month_day:
            best = _dated_match(r, by_month_day.get((r.kind, r.month_day[2:], r.level, r.province), []))
        if best is None and r.copy_of:
            best = _original_event(r, by_article.get(r.copy_of, []))
        if best is None:
            best = _Event(r.kind, r.day, r.level, r.province, len(events))
            bucket.append(best)
            events.append(best)
            if r.day and len(r.day) == 10:
                by_month_day.setdefault((r.kind, r.day[5:], r.level, r.province), []).append(best)
        _add(best, r)
        by_article.setdefault(r.article.id, []).append(best)
    return events


def _best_match(r: _Report, bucket: list[_Event]) -> _Event | None:
    """The event of the bucket the report matches best (the first on a tie), None when it matches none."""
    best, best_score = None, None
    for e in bucket:
        score = _match(r, e)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = e, score
    return best


def _dated_match(r: _Report, dated: list[_Event]) -> _Event | None:
    """The dated event a report without a year joins: same kind, day and month and scope (the caller's index), no
    clash, names agreeing (overlap at least 0.6, or 0.3 with a document in common), and nothing in its article
    against the event's year (a document it cites signed after that day)."""
    latest_doc = max((d.date[:10] for d in r.article.documents if d.date), default="")
    best, best_score = None, None
    for e in dated:
        if _clash(r, e) or (e.day or "") < latest_doc:
            continue
        sim = max((overlap(r.tokens, f) for f in e.forms), default=0.0)
        shared = bool(set(r.docs) & e.docs)
        score = sim + 0.5 * shared
        if (sim >= 0.6 or (sim >= 0.3 and shared)) and (best_score is None or score > best_score):
            best, best_score = e, score
    return best


def _original_event(r: _Report, of_original: list[_Event]) -> _Event | None:
    """The event the original of a syndicated copy reported, for a copy whose report matched nothing."""
    candidates = [e for e in of_original if e.kind == r.kind and r.article.id not in e.articles]
    if not candidates:
        return None
    return max(candidates, key=lambda e: (max((overlap(r.tokens, f) for f in e.forms), default=0.0), -e.order))


def _entity(e: _Event, people: PeopleIndex) -> EventEntity:
    originals = [m for m in e.members if m.copy_of is None]
    primary = sorted(originals or e.members, key=lambda m: m.published)  # copies only when there is no original
    ent = _voted(e, primary)
    ent.chairs, ent.chair_names = _roles(primary, e.members, "chairs", people)
    ent.speakers, ent.speaker_names = _roles(primary, e.members, "speakers", people)
    ent.documents = list(dict.fromkeys(d for m in primary + e.members for d in m.docs))
    counts = [m.event.bridge_point_count for m in e.members if m.event.bridge_point_count]
    ent.bridge_point_count = max(counts) if counts else None
    ent.reports = list(dict.fromkeys(m.article.id for m in sorted(originals, key=lambda m: m.published)))
    ent.copies = list(dict.fromkeys(m.article.id for m in sorted(e.members, key=lambda m: m.published)
                                    if m.copy_of is not None))
    ent.bridge_points = _bridge_points(e.members, people)
    return ent


def _voted(e: _Event, primary: list[_Report]) -> EventEntity:
    """The event's fields voted by its primary reports: name, date, part of day, mode, city, organisers, venue,
    parent, theme; its scope from the grouping."""
    evs = [m.event for m in primary]
    name = _medoid_name([(ev.name, m.tokens) for ev, m in zip(evs, primary, strict=True)])
    province = e.province if e.province and not e.province.startswith("?") else None
    ent = EventEntity(
        id="", kind=primary[0].event.kind, name=name, date=vote(ev.date for ev in evs),
        part_of_day=vote(ev.part_of_day for ev in evs), mode=voted_mode(evs), city=voted_city(primary),
        province=province, level=e.level,
        organizers=group_contained(o for ev in evs for o in ev.organizers),
    )
    ent.venue = vote_contained(ev.venue for ev in evs)
    ent.province_2025 = p2025(ent.province)
    ent.parent = vote(ev.parent for ev in evs)
    ent.theme = vote(ev.theme for ev in evs)
    return ent


def voted_mode(evs: list[Event]) -> str | None:
    """The mode most reports print (`trực tuyến`, `trực tiếp kết hợp trực tuyến`); a default (`in_person`, given by
    extraction to a page that prints no mode) only when no report prints one."""
    return vote(ev.mode for ev in evs if ev.mode not in _DEFAULT_MODES) or vote(ev.mode for ev in evs)


def voted_city(reports: list[_Report]) -> str | None:
    """The city most reports print, compared by canonical name (`TPHCM` = `TP.HCM`), shown as printed most often.
    A city a report took by default (its own province, for an event held in person that printed no place: the
    city is not printed after a `tại` in its article) counts only when no report prints one."""
    with_city = [m for m in reports if m.event.city]
    voters = [m for m in with_city if _city_printed(m)] or with_city
    best = vote(m.event.city_name or m.event.city for m in voters)
    return vote(m.event.city for m in voters if (m.event.city_name or m.event.city) == best) if best else None


def _city_printed(m: _Report) -> bool:
    """The report's city is printed, not its article's province taken by default (known already for an article
    read for linking, `link_city`, which carries no text)."""
    flags = getattr(m.article, "link_city", None)
    if flags is not None:
        return flags[m.index]
    return city_printed(m.article, m.event)


def city_printed(art: Article, ev: Event) -> bool:
    """An event's city is printed in its article, not the article's province taken by default."""
    if not ev.city:
        return False
    if ev.mode not in _DEFAULT_MODES or (ev.city_name or ev.city) != art.province:
        return True
    text = (art.title or "") + "\n" + (art.text or "")
    return re.search(r"(?<!\w)tại\s[^.;\n]{0,80}?" + re.escape(ev.city), text, re.I) is not None


def _bridge_points(members: list[_Report], people: PeopleIndex) -> list[BridgePointSeen]:
    """One bridge point per place from all reports (originals first), chairs and attendees as person ids."""
    points: dict[str, BridgePointSeen] = {}
    for m in sorted(members, key=lambda m: (m.copy_of is not None, m.published)):
        for bp in m.event.bridge_points:
            key = _PLACE_PREFIX.sub("", name_key(bp.place))
            seen = points.get(key)
            if seen is None:
                seen = points[key] = _bridge_point(bp.place, m.article.id)
            if m.article.id not in seen.articles:
                seen.articles.append(m.article.id)
            _add_people(seen, bp, m.article, people)
    return list(points.values())


def _bridge_point(place: str, article_id: str) -> BridgePointSeen:
    info = place_info(place)
    return BridgePointSeen(place=place, province=info.province if info else None, province_2025=info.province_2025 if info else None,
                           article_id=article_id)


def _add_people(seen: BridgePointSeen, bp, art: Article, people: PeopleIndex) -> None:
    """A report's chairs and attendees of a bridge point, as person ids; a chair is never also an attendee."""
    for target, names in ((seen.chairs, bp.chairs), (seen.attendees, bp.attendees)):
        for n in names:
            pid = people.resolve(art, n)
            if pid and pid not in seen.chairs and pid not in target:
                target.append(pid)
    seen.attendees = [p for p in seen.attendees if p not in seen.chairs]


def _medoid_name(names: list[tuple[str | None, frozenset[str]]]) -> str | None:
    """The name sharing most words with the others (then the longest): a report's odd name is not chosen."""
    named = [(n, t) for n, t in names if n]
    if not named:
        return None
    counts = Counter(n for n, _t in named)
    return max(dict.fromkeys(named), key=lambda nt: (
        sum(overlap(nt[1], t) for _n, t in named) + counts[nt[0]] * 1e-3, len(nt[0])))[0]


def _roles(primary: list[_Report], members: list[_Report], role: str, people: PeopleIndex
           ) -> tuple[list[str], list[str]]:
    """Person ids and printed names of an event's chairs or speakers, most often reported first."""
    ids: Counter = Counter()
    names: dict[str, Counter] = {}
    first: dict[str, int] = {}
    seen = {id(m) for m in primary}
    for m in primary + [x for x in members if id(x) not in seen]:
        weight = 1 if id(m) in seen else 0
        for n in getattr(m.event, role):
            key = name_key(n)
            names.setdefault(key, Counter())[n] += 1
            first.setdefault(key, len(first))
            pid = people.resolve(m.article, n)
            if pid:
                ids[pid] += weight
                first.setdefault(pid, len(first))
    keys = sorted(names, key=lambda k: (-sum(names[k].values()), first[k]))
    pids = sorted(ids, key=lambda p: (-ids[p], first[p]))
    return pids, [names[k].most_common(1)[0][0] for k in keys]
