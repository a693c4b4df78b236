"""People: the mentions of one person across articles become one entity with a timeline of positions.

Mentions are indexed by the folded name (`hoinghi.text.fold`: NFC, one tone placement, no diacritics, lower case)
and taken in order of publication. A mention with positions joins a same-name person unless something clashes:

- provinces: each position names its province (`Phó Chủ tịch UBND tỉnh Thái Nguyên`, `Bí thư Thành ủy Phúc Yên` ->
  Vĩnh Phúc) or, being a provincial post without a name (`Giám đốc Sở Ngoại vụ`, `Phó Chủ tịch UBND tỉnh`), takes
  the article's province (`positions_full` already completes most of them). A person's provinces are those of
  their provincial posts; two sets that share no province clash. Central posts (`Bộ trưởng`, `Trưởng Ban Tuyên
  giáo Trung ương`, anything with `Trung ương`/`TƯ`/`Bộ …` and no province) and posts of no place (`Đại sứ`, `Phó
  Giám đốc Học viện Ngoại giao`) give no province, so they are compatible with any. Disjoint provinces do not
  clash either when both sides hold one central post (a member of the Central Committee who moves from one
  province's Tỉnh ủy to another's: `Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy` of Bình Phước, then of Bình Dương).
  After the 2025 merger, two provinces that merged into one do not clash (`Yên Bái` then `Lào Cai`).
- the names themselves: two spellings that fold alike but differ in their diacritics (`Hải` / `Hài`) are two names;
- one article: two mentions in one article are two people.

Among the compatible persons the one sharing most positions (then provinces, then the article's province) wins; none
founds a new person. A name printed without any position joins the only same-name person if there is exactly one,
else the only one of the article's province; when that is still ambiguous it goes to a person marked
`ambiguous` that collects such mentions of the name.

Each person's timeline holds every position once, compared on `position_key` (the abbreviations of
`abbreviations.toml` expanded, `TƯ`, `T.Ư`, `UBND`, `BCH`, `UVBTV` …; one `Ủy` placement, case and spaces; the
variants of one post in `link.toml`: `Bộ trưởng Công Thương` = `Bộ trưởng Bộ Công Thương`), with the printed form
of its first sighting, the first and last day that printed it and the articles. A mention's day is its article's
(`article_day`: the article's date, else its event's, else its URL's); a mention without one takes, once events are
linked, the date of the linked event its article reports (`PeopleIndex.redate`: a report printed without a year
joins the dated event of its day). A position printed without its unit (`Ủy viên Ban Thường vụ`, `Bí thư Tỉnh ủy`)
is merged into the one completed with it (`Ủy viên Ban Thường vụ Tỉnh ủy Thái Nguyên`, `Bí thư Tỉnh ủy Tuyên
Quang`) when there is exactly one such.
Ids hash the folded name and the person's main province (`""` for central or unplaced people, `?` for the
ambiguous).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field

from hoinghi.link import PersonEntity, PositionSeen
from hoinghi.link.common import (
    MERGER_DAY,
    article_day,
    exact_name,
    is_central,
    is_provincial,
    lex,
    name_key,
    p2025,
    position_key,
    provinces_named,
    same_province,
    unique_ids,
)
from hoinghi.model import Article, Person
from hoinghi.text import normalize


@dataclass(eq=False)
class _Mention:
    article: Article
    index: int
    person: Person
    key: str
    exact: str
    day: str | None
    positions: list[tuple[str, str, bool]]  # (printed, completed, former)
    provinces: set[str]
    pos_keys: set[str]
    order: int
    central: set[str] = field(default_factory=set)  # keys of its central posts (`Ủy viên Ban Chấp hành Trung ương`)


@dataclass(eq=False)
class _Person:
    key: str
    order: int
    members: list[_Mention] = field(default_factory=list)
    provinces: Counter = field(default_factory=Counter)
    pos_keys: set[str] = field(default_factory=set)
    central: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    marked: set[str] = field(default_factory=set)  # the spellings with diacritics
    last_day: str = ""
    ambiguous: bool = False


def _positions(p: Person) -> list[tuple[str, str, bool]]:
    """(printed, completed, former) for each position: the printed form kept as printed (`Uỷ viên …`), spaces
    squashed; positions are compared on `position_key`."""
    full = p.positions_full if len(p.positions_full) == len(p.positions) else []
    out = [(" ".join(pos.split()), " ".join(full[i].split()) if full else " ".join(pos.split()), False)
           for i, pos in enumerate(p.positions)]
    out += [(" ".join(pos.split()), " ".join(pos.split()), True) for pos in p.former_positions]
    return [x for x in out if x[0].strip()]


def mention(art: Article, index: int, p: Person, order: int) -> _Mention:
    positions = _positions(p)
    provinces: set[str] = set()
    for printed, full, former in positions:
        if former:
            continue
        named = provinces_named(full) or provinces_named(printed)
        if named:
            provinces.update(named)
        elif art.province and is_provincial(full):
            provinces.add(art.province)
    pos_keys = {position_key(full) for _p, full, former in positions if not former}
    central = {position_key(full) for _p, full, former in positions if not former and is_central(full)}
    return _Mention(art, index, p, name_key(p.name), exact_name(p.name), article_day(art), positions,
                    provinces, pos_keys, order, central)


def _diacritics(name: str) -> bool:
    return not name.isascii()


def _names_agree(m: _Mention, e: _Person) -> bool:
    return not e.marked or m.exact in e.marked or not _diacritics(m.exact)


def _provinces_agree(m: _Mention, e: _Person) -> bool:
    """No provinces on one side, a province in common, a central post in common (a member of the Central Committee
    who moves from one province to another), or two provinces merged in 2025 seen after the merger."""
    if not m.provinces or not e.provinces or not m.provinces.isdisjoint(e.provinces):
        return True
    if m.central & e.central:
        return True
    if (m.day or "") < MERGER_DAY and e.last_day < MERGER_DAY:
        return False
    return any(same_province(a, b, True) for a in m.provinces for b in e.provinces)


def _compatible(m: _Mention, e: _Person) -> bool:
    return m.article.id not in e.articles and _names_agree(m, e) and _provinces_agree(m, e)


def _add(e: _Person, m: _Mention) -> None:
    e.members.append(m)
    e.provinces.update(m.provinces)
    e.pos_keys |= m.pos_keys
    e.central |= m.central
    e.articles.add(m.article.id)
    e.exact.add(m.exact)
    if _diacritics(m.exact):
        e.marked.add(m.exact)
    e.last_day = max(e.last_day, m.day or "")


class PeopleIndex:
    """The people found, and how to resolve a name printed in an article (an event's chair, a bridge point's
    attendee) to a person id."""

    def __init__(self, entities: list[PersonEntity], person_of: dict[tuple[str, int], str],
                 by_article: dict[str, dict[str, str]], by_name: dict[str, list[str]],
                 persons: list[_Person] | None = None):
        self.entities = entities
        self._persons = list(zip(persons or [], entities, strict=bool(persons)))
        self.person_of = person_of
        self._by_article = by_article
        self._by_name = by_name

    def redate(self, days: dict[str, str]) -> None:
        """Date the mentions of articles that had no day by `days` (article id -> the date of the event it reports,
        known once events are linked) and rebuild those people's timelines."""
        for e, ent in self._persons:
            undated = [m for m in e.members if not m.day and m.article.id in days]
            for m in undated:
                m.day = days[m.article.id]
            if undated:
                ent.positions = timeline(sorted(e.members, key=lambda m: (m.day or "9999", m.order)))

    def name_keys(self) -> dict[str, str]:
        """Person id -> the folded name (`name_key`) its mentions share."""
        return {ent.id: e.key for e, ent in self._persons}

    def resolve(self, article: Article, name: str) -> str | None:
        key = name_key(name)
        pid = self._by_article.get(article.id, {}).get(key)
        if pid is not None:
            return pid
        ids = self._by_name.get(key, [])
        return ids[0] if len(ids) == 1 else None


def link_people(articles: list[Article], names: Container[str] | None = None) -> PeopleIndex:
    """The people of the articles; `names`: only the mentions of these folded names (`name_key`: people of other
    names never meet, so a store links one group of names at a time)."""
    mentions = _mentions(articles, names)
    found = _Persons()
    bare: list[_Mention] = []
    for m in mentions:
        if m.positions:
            found.place(m)
        else:
            bare.append(m)
    for m in bare:  # once every person with positions is known
        found.place_bare(m)
    return _index(found.persons)


def _mentions(articles: list[Article], names: Container[str] | None = None) -> list[_Mention]:
    """Every named person of every article (of `names`), by day of publication."""
    mentions: list[_Mention] = []
    for art in articles:
        for i, p in enumerate(art.people):
            if p.name and p.name.strip() and (names is None or name_key(p.name) in names):
                mentions.append(mention(art, i, p, len(mentions)))
    mentions.sort(key=lambda m: (m.day or "9999", m.article.id, m.index))
    return mentions


class _Persons:
    """The persons found so far, listed by name. Within a name, persons are also listed under each province they
    hold (and its province after the merger), and under None while they hold none: a mention with provinces only
    looks at the persons it could join."""

    def __init__(self) -> None:
        self.persons: list[_Person] = []
        self.by_name: dict[str, list[_Person]] = {}
        self.placed: dict[tuple[str, object], list[_Person]] = {}

    def new(self, key: str, ambiguous: bool = False) -> _Person:
        person = _Person(key, len(self.persons), ambiguous=ambiguous)
        self.by_name.setdefault(key, []).append(person)
        self.persons.append(person)
        return person

    def place(self, m: _Mention) -> None:
        """A mention with positions joins the compatible person that fits it best, else founds a new one."""
        fits = [e for e in self._candidates(m) if _compatible(m, e)]
        if fits:
            best = max(fits, key=lambda e: (_fit(m, e), -e.order))
        else:
            best = self.new(m.key)
            if not m.provinces:
                self.placed.setdefault((m.key, None), []).append(best)
        for p in m.provinces - set(best.provinces):
            self.placed.setdefault((m.key, p), []).append(best)
            self.placed.setdefault((m.key, (25, p2025(p))), []).append(best)
        _add(best, m)

    def _candidates(self, m: _Mention) -> list[_Person]:
        same_name = self.by_name.get(m.key, [])
        if not (m.provinces and len(same_name) > 8):
            return same_name
        keys = [None, *m.provinces, *((25, p2025(p)) for p in m.provinces)]
        seen = {id(e): e for k in keys for e in self.placed.get((m.key, k), ())}
        return sorted(seen.values(), key=lambda e: e.order)

    def place_bare(self, m: _Mention) -> None:
        """A mention without position joins the only compatible person, else the only one of the article's
        province, else the ambiguous person of its name; with no compatible person it founds a new one."""
        fits = [e for e in self.by_name.get(m.key, []) if not e.ambiguous and _compatible(m, e)]
        if len(fits) > 1:
            fits = [e for e in fits if m.article.province and m.article.province in e.provinces]
            if len(fits) != 1:
                fits = [self._ambiguous(m)]
        _add(fits[0] if fits else self.new(m.key), m)

    def _ambiguous(self, m: _Mention) -> _Person:
        """The person collecting the mentions of the name that fit several people (one per article)."""
        same_name = self.by_name.get(m.key, [])
        found = next((e for e in same_name if e.ambiguous and m.article.id not in e.articles), None)
        return found if found is not None else self.new(m.key, ambiguous=True)


def _fit(m: _Mention, e: _Person) -> float:
    """How well a mention fits a compatible person: shared positions, then provinces, then the article's province."""
    return 2 * len(m.pos_keys & e.pos_keys) + bool(m.provinces & set(e.provinces)) + 0.5 * (
        m.article.province in e.provinces)


def _index(persons: list[_Person]) -> PeopleIndex:
    """The entities with their ids, and the maps from mentions and printed names to them."""
    entities = [_entity(e) for e in persons]
    ids = unique_ids("per_", [[e.key + "|" + ("?" if e.ambiguous else ent.province or ""), sorted(e.exact)[0]]
                              for e, ent in zip(persons, entities, strict=True)])
    person_of: dict[tuple[str, int], str] = {}
    by_article: dict[str, dict[str, str]] = {}
    by_name: dict[str, list[str]] = {}
    for e, ent, pid in zip(persons, entities, ids, strict=True):
        ent.id = pid
        for m in e.members:
            person_of[(m.article.id, m.index)] = pid
            by_article.setdefault(m.article.id, {})[m.key] = pid
        if not e.ambiguous:
            by_name.setdefault(e.key, []).append(pid)
    return PeopleIndex(entities, person_of, by_article, by_name, persons)


def _entity(e: _Person) -> PersonEntity:
    members = sorted(e.members, key=lambda m: (m.day or "9999", m.order))
    names = Counter(normalize(" ".join(m.person.name.split())) for m in members)
    best = max(names.values())
    name = next(n for n in (normalize(" ".join(m.person.name.split())) for m in members) if names[n] == best)
    provinces = [p for p, _n in sorted(e.provinces.items(), key=lambda pn: (-pn[1], _first_day(e, pn[0])))]
    ent = PersonEntity(id="", name=name, positions=timeline(members), provinces=provinces,
                       articles=list(dict.fromkeys(m.article.id for m in members)))
    ent.province = provinces[0] if provinces else None
    ent.ambiguous = e.ambiguous
    ent.honorifics = list(dict.fromkeys(h for m in members for h in m.person.honorifics))
    return ent


def _first_day(e: _Person, province: str) -> str:
    return min((m.day or "9999" for m in e.members if province in m.provinces), default="9999")


def timeline(members: list[_Mention]) -> list[PositionSeen]:
    """Every position of the person once (compared on `position_key`), with the first and last day seen and the
    articles that printed it; shown as printed most often (`_display_form`)."""
    entries: dict[tuple[bool, str], PositionSeen] = {}
    articles: dict[tuple[bool, str], dict[str, None]] = {}
    forms: dict[tuple[bool, str], Counter] = {}
    for m in members:
        for printed, full, former in m.positions:
            key = (former, position_key(full))
            if key not in entries:
                entries[key] = PositionSeen(position=printed, position_full=full, first_seen=None, last_seen=None,
                                            former=former)
                articles[key], forms[key] = {}, Counter()
            _seen_on(entries[key], m.day)
            articles[key][m.article.id] = None
            forms[key][(printed, full)] += 1
    for key, seen in entries.items():
        seen.articles = list(articles[key])
        seen.position, seen.position_full = _display_form(forms[key])
    _merge_incomplete(entries)
    return sorted(entries.values(), key=lambda s: (s.former, s.first_seen or "9999", s.last_seen or "", s.position))


def _seen_on(seen: PositionSeen, day: str | None) -> None:
    if day:
        seen.first_seen = min(filter(None, (seen.first_seen, day)))
        seen.last_seen = max(filter(None, (seen.last_seen, day)))


def _display_form(forms: Counter) -> tuple[str, str]:
    """(printed, completed) printed most often; on a tie one whose title is written out (`Phó Bí thư Tỉnh ủy` over
    `PBT Tỉnh ủy`), then the first seen (`Phó Chủ tịch UBND tỉnh` stays as first printed)."""
    order = {form: i for i, form in enumerate(forms)}
    table = lex().table
    return max(forms, key=lambda f: (forms[f], f[0].split(" ", 1)[0] not in table, -order[f]))


def _completes(short: str, long: str, tails: tuple[str, ...]) -> bool:
    """`long` is `short` with its unit (`Ủy viên Ban Thường vụ` + `Tỉnh ủy Thái Nguyên`) or, `short` ending with a
    unit, with the unit's name (`Bí thư Tỉnh ủy` + `Tuyên Quang`): keys, folded. `tails`: `link.toml` unit_tails."""
    if not long.startswith(short + " "):
        return False
    return long[len(short) + 1:].startswith(tails) or any(short.endswith(" " + t) for t in tails)


def _merge_incomplete(entries: dict[tuple[bool, str], PositionSeen]) -> None:
    """`Ủy viên Ban Thường vụ` into `Ủy viên Ban Thường vụ Tỉnh ủy Thái Nguyên`, `Bí thư Tỉnh ủy` into `Bí thư Tỉnh
    ủy Tuyên Quang`, when that is the only completion."""
    tails = lex().unit_tails
    for key in sorted(entries, key=lambda k: len(k[1])):
        former, text = key
        longer = [k for k in entries if k[0] == former and _completes(text, k[1], tails)]
        if len(longer) != 1:
            continue
        short, into = entries.pop(key), entries[longer[0]]
        days = [d for d in (short.first_seen, short.last_seen, into.first_seen, into.last_seen) if d]
        into.first_seen, into.last_seen = (min(days), max(days)) if days else (None, None)
        into.articles = list(dict.fromkeys(short.articles + into.articles))
