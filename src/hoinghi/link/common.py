"""Helpers shared by the link modules: dates, stable ids, position keys, provinces named in a title or a body's name,
and the level (central, province, district, unit) of an organising body.

Everything here is a pure function of its text argument and cached, because the same few hundred positions and
organisers recur across thousands of articles.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from hoinghi import lexicons
from hoinghi.geo import MERGER_DAY as MERGER_DAY  # the day the 2025 merger of provinces took effect
from hoinghi.geo import ProvinceInfo, province_info, province_surfaces
from hoinghi.model import Article
from hoinghi.text import fold, normalize, trie_regex

# Province-level cities: their `Thành ủy` is a provincial body, not a district's.
PROVINCE_CITIES = {"Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế"}

_LETTER = r"\wÀ-ỹ"
_UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper()}))
_UP = "[" + re.escape(_UPPER) + "]"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"^\d{4}-\d{2}")


def day_of(published: str | None) -> str | None:
    """The date part of a `published` value (`2023-10-11T13:40:00+07:00` -> `2023-10-11`; `2023-10` kept)."""
    if not published:
        return None
    m = _DAY.match(published) or _MONTH.match(published)
    return m.group() if m else None


def article_day(art: Article) -> str | None:
    """The day (or month) an article speaks for: its date (printed, or known from outside the page), else its
    main event's date, else a date its URL carries."""
    if art.published and art.published_source != "url":
        return day_of(art.published)
    for ev in art.events:
        if ev.date:
            return ev.date[:10]
    return day_of(art.published)


def full_day(published: str | None) -> str | None:
    """The date part only when it names a day (not a month)."""
    d = day_of(published)
    return d if d and len(d) == 10 else None


def publish_order(art: Article) -> tuple:
    """Sort key for `earliest published, then smallest id`: a date without a time sorts after the timed pages of
    that day (its time is unknown); a page without any date sorts last."""
    p = art.published or ""
    d = day_of(p)
    if d is None:
        return (1, "", "", art.id)
    time = p[11:19] if len(p) > 10 and p[10] == "T" else "~"
    return (0, d, time, art.id)


def stable_id(prefix: str, *parts: object) -> str:
    text = "|".join("" if p is None else str(p) for p in parts)
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def unique_ids(prefix: str, bases: list[list[object]]) -> list[str]:
    """One id per entity from its list of key parts: the hash of the first part when no other entity has that
    first part, else of the first parts with the next ones added until unique, else numbered. The same input gives
    the same ids; an entity keeps its id as the corpus grows as long as its first part stays its own."""
    ids: list[str] = []
    taken: set[str] = set()
    first = Counter(stable_id(prefix, *b[:1]) for b in bases)
    for parts in bases:
        n = 1
        cand = stable_id(prefix, *parts[:n])
        while (cand in taken or (n == 1 and first[cand] > 1)) and n < len(parts):
            n += 1
            cand = stable_id(prefix, *parts[:n])
        k = 2
        base = cand
        while cand in taken:
            cand = stable_id(prefix, base, k)
            k += 1
        taken.add(cand)
        ids.append(cand)
    return ids


@lru_cache(maxsize=1 << 16)
def cfold(text: str) -> str:
    """`fold`, cached: for the short strings (names, organisers, venues) that recur across articles."""
    return fold(text)


def vote(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value; ties go to the first seen."""
    vals = [v for v in values if v]
    if not vals:
        return None
    counts = Counter(vals)
    best = max(counts.values())
    return next(v for v in vals if counts[v] == best)


def vote_contained(values: Iterable[str | None]) -> str | None:
    """A value supported by the most reports, where `Trung tâm Hội nghị Quốc tế` and `Trung tâm Hội nghị Quốc tế,
    số 11 Lê Hồng Phong` support each other; among equally supported values the most frequent exact form, then the
    shorter one."""
    vals = [v for v in values if v]
    if not vals:
        return None
    counts = Counter(vals)
    distinct = list(counts)
    keys = {v: cfold(v) for v in distinct}

    def support(v: str) -> int:
        return sum(counts[w] for w in distinct if keys[w] in keys[v] or keys[v] in keys[w])

    return max(distinct, key=lambda v: (support(v), counts[v], -len(v)))


def group_contained(values: Iterable[str]) -> list[str]:
    """Distinct values with those that contain one another (after folding) grouped; each group shown by its most
    frequent form. Groups in order of support, then first appearance."""
    vals = [v for v in values if v]
    counts = Counter(vals)
    distinct = list(counts)
    keys = {v: cfold(v) for v in distinct}
    groups: list[list[str]] = []
    for v in distinct:
        for g in groups:
            if any(keys[v] in keys[w] or keys[w] in keys[v] for w in g):
                g.append(v)
                break
        else:
            groups.append([v])
    ranked = sorted(enumerate(groups), key=lambda ig: (-sum(counts[w] for w in ig[1]), ig[0]))
    return [max(g, key=lambda w: (counts[w], -g.index(w))) for _i, g in ranked]


# ---------------------------------------------------------------------------------------------------------------
# Positions

_NON_WORD = re.compile(r"[^a-z0-9]+")


class _Lex:
    """The one table of abbreviations (`abbreviations.toml`: `abbreviations` but document kinds, `positions`,
    `before_capital`) and the variants of one post (`link.toml` [people])."""

    def __init__(self) -> None:
        abbr = lexicons.load("abbreviations.toml")
        people = lexicons.load("link.toml")["people"]
        skip = set(abbr["document_kinds"])
        self.table = {k: v for t in ("abbreviations", "positions") for k, v in abbr[t].items() if k not in skip}
        self.words = re.compile("(" + trie_regex(sorted(self.table), after_first=r"(?<!\w.)") + r")(?!\w)")
        self.capital = abbr["before_capital"]
        self.before_capital = re.compile(
            "(" + trie_regex(sorted(self.capital), after_first=r"(?<!\w.)") + r")\s*(?=" + _UP + ")")
        heads = trie_regex(sorted(people["ministry_heads"]), after_first=r"(?<!\w.)")
        self.ministry_head = re.compile("(" + heads + r") (?!Bộ )(?=" + _UP + ")")
        self.same = [(f" {_folded(k)} ", f" {_folded(v)} ") for k, v in people["same_posts"].items()]
        self.drop_at_end = tuple(" " + _folded(w) for w in people["drop_at_end"])
        self.unit_tails = tuple(_folded(w) for w in people["unit_tails"])


def _folded(text: str) -> str:
    return _NON_WORD.sub(" ", fold(text)).strip()


@lru_cache(maxsize=1)
def lex() -> _Lex:
    return _Lex()


def expand(text: str) -> str:
    """`Trưởng Ban Tuyên giáo TƯ` -> `Trưởng Ban Tuyên giáo Trung ương`, `TP Vinh` -> `Thành phố Vinh` (NFC, one
    tone placement): the abbreviations of `abbreviations.toml`."""
    lx = lex()
    text = normalize(text or "")
    text = lx.before_capital.sub(lambda m: lx.capital[m.group(1)] + " ", text)
    text = lx.words.sub(lambda m: lx.table[m.group(1)], text)
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)
def position_key(text: str) -> str:
    """The form positions are compared on: abbreviations expanded, `Uỷ`/`Ủy` one placement, folded, spaces
    squashed, and the variants of one post made one (`link.toml` [people]): `Uỷ viên BTV Tỉnh uỷ` and `Ủy viên Ban
    Thường vụ Tỉnh ủy` give one key, as do `Bộ trưởng Công Thương` and `Bộ trưởng Bộ Công Thương`, `Ủy viên Trung
    ương Đảng` and `Ủy viên Ban Chấp hành Trung ương Đảng`."""
    lx = lex()
    text = lx.ministry_head.sub(_ministry, expand(text))
    key = f" {_folded(text)} "
    for variant, same in lx.same:
        key = key.replace(variant, same)
    key = key.strip()
    for end in lx.drop_at_end:
        if key.endswith(end):
            key = key[: -len(end)]
    return key


def _ministry(m: re.Match) -> str:
    """`Bộ trưởng ` -> `Bộ trưởng Bộ `, unless a `Bộ` follows further on (`Thứ trưởng Thường trực Bộ Ngoại giao`)."""
    return m.group() if " Bộ " in m.string[m.end():] else m.group(1) + " Bộ "


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The folded name people are indexed by."""
    return _NON_WORD.sub(" ", fold(name)).strip()


@lru_cache(maxsize=1 << 16)
def exact_name(name: str) -> str:
    """The name with its diacritics: NFC, one tone placement, case-folded, spaces squashed."""
    return " ".join(normalize(name).casefold().split())


# ---------------------------------------------------------------------------------------------------------------
# Provinces named in a text


@lru_cache(maxsize=1)
def _province_rx() -> re.Pattern[str]:
    surfaces = sorted(province_surfaces(), key=len, reverse=True)
    return re.compile(r"(?<![" + _LETTER + r"])(" + "|".join(re.escape(s) for s in surfaces) + r")(?![" + _LETTER
                      + r"])")


_UNIT_NAME = re.compile(
    r"(?<![" + _LETTER + r"])(?:Thành ủy|Huyện ủy|Thị ủy|Quận ủy|thành phố|Thành phố|huyện|Huyện|thị xã|Thị xã|quận|Quận"
    r")\s+(" + _UP + "[" + _LETTER + r"]*(?:\s+" + _UP + "[" + _LETTER + r"]*){0,3})")


@lru_cache(maxsize=1 << 16)
def provinces_named(text: str) -> tuple[str, ...]:
    """Legacy provinces a title or a body's name names, directly (`UBND tỉnh Quảng Ninh`) or through a district or
    city (`Bí thư Thành ủy Phúc Yên` -> Vĩnh Phúc)."""
    text = expand(text)
    surfaces = province_surfaces()
    found = [surfaces[m.group(1)] for m in _province_rx().finditer(text)]
    if not found:
        for m in _UNIT_NAME.finditer(text):
            words = m.group(1).split()
            for n in range(len(words), 0, -1):  # the longest run of capitalised words that names a place
                info = place_info(" ".join(words[:n]))
                if info and info[0]:
                    found.append(info[0])
                    break
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=1 << 14)
def place_info(name: str) -> ProvinceInfo | None:
    """`province_info`, cached."""
    return province_info(name)


def p2025(province: str | None) -> str | None:
    info = place_info(province) if province else None
    return info[1] if info else None


def same_province(a: str, b: str, late: bool) -> bool:
    """Two legacy provinces are one place when equal, or (`late`: one side seen after the 2025 merger) when they
    merged into one province."""
    if a == b:
        return True
    return late and p2025(a) is not None and p2025(a) == p2025(b)


# ---------------------------------------------------------------------------------------------------------------
# Levels: central, province, district, unit

_PROVINCIAL = re.compile(
    r"(?<![" + _LETTER + r"])(?:tỉnh|thành phố|ủy ban nhân dân|hội đồng nhân dân|đảng bộ tỉnh|tỉnh ủy|thị xã|thị trấn|"
    r"huyện|quận|xã(?!\s+hội)|phường|thành ủy|huyện ủy|thị ủy|quận ủy)(?![" + _LETTER + r"])", re.I)
_DEPARTMENT = re.compile(r"(?<![" + _LETTER + r"])Sở\s+" + _UP)
_MINISTRY = re.compile(r"(?<![" + _LETTER + r"])Bộ\s+" + _UP)
_DISTRICT = re.compile(
    r"(?<![" + _LETTER + r"])(?:huyện ủy|thị ủy|quận ủy|huyện|quận|thị xã|thị trấn|xã(?!\s+hội)|phường)(?![" + _LETTER + r"])",
    re.I)
_CITY_PARTY = re.compile(r"(?<![" + _LETTER + r"])(?:thành ủy|thành phố)(?![" + _LETTER + r"])", re.I)
_CENTRAL = re.compile(
    r"(?<![" + _LETTER + r"])(?:Trung ương|Bộ Chính trị|Ban Bí thư|Tổng Bí thư|Chủ tịch nước|Thủ tướng|Chính phủ|"
    r"Quốc hội|Bộ trưởng|Thứ trưởng|Nhà nước)(?![" + _LETTER + r"])", re.I)
_CITY_NAME = re.compile(r"Thành ủy\s+(" + _UP + "[" + _LETTER + r"]*(?:\s+" + _UP + "[" + _LETTER + r"]*){0,3})")
_UNIT = re.compile(
    r"^(?:Đảng ủy Khối|Đảng ủy(?!\s+(?:xã|phường|thị trấn|huyện|quận|thị xã)(?![" + _LETTER + r"]))|Công ty|Tổng công ty|Tập đoàn|Ngân hàng|Trường|Bệnh viện|Viện|Học viện|Đại học|Báo|Đài|"
    r"Hợp tác xã|Câu lạc bộ|Chi bộ)(?![" + _LETTER + r"])")
_STEERING = re.compile(r"(?<![" + _LETTER + r"])Ban Chỉ đạo(?![" + _LETTER + r"])", re.I)


@lru_cache(maxsize=1 << 16)
def is_provincial(text: str) -> bool:
    """A post or body of a province or below: `Phó Chủ tịch UBND tỉnh`, `Giám đốc Sở Ngoại vụ`, `Bí thư Huyện ủy`."""
    text = expand(text)
    return bool(_PROVINCIAL.search(text) or _DEPARTMENT.search(text) or provinces_named(text))


@lru_cache(maxsize=1 << 16)
def is_central(text: str) -> bool:
    """A central post or body (`Trưởng Ban Tuyên giáo TƯ`, `Bộ Ngoại giao`) that names no province."""
    text = expand(text)
    return bool(_CENTRAL.search(text) or _MINISTRY.search(text)) and not is_provincial(text)


@lru_cache(maxsize=1 << 16)
def body_level(org: str, article_province: str | None = None) -> str:
    """The level of an organising body: `central` (Bộ Chính trị, Trung ương, a ministry, Chính phủ, Quốc hội),
    `steering` (a `Ban Chỉ đạo` that names no level: national unless the event says otherwise), `province`,
    `district` (Huyện ủy, Thị ủy, the Thành ủy of a city inside a province), `unit` (a Đảng ủy Khối, a company, a
    school, and anything else)."""
    text = expand(org)
    if _UNIT.match(text):
        return "unit"
    if _DISTRICT.search(text):
        return "district"
    if _CITY_PARTY.search(text):
        city_party = _CITY_NAME.search(text)
        named = provinces_named(text)
        if named and any(p in PROVINCE_CITIES for p in named) and not city_party:
            return "province"
        if city_party:
            info = place_info(city_party.group(1))
            return "province" if info and info[2] == "province" else "district"
        if "thành ủy" in text.casefold():
            return "province" if article_province in PROVINCE_CITIES else "district"
        return "province"
    if is_provincial(text):
        return "province"
    if _CENTRAL.search(text) or _MINISTRY.search(text):
        return "central"
    if _STEERING.search(text):
        return "steering"
    return "unit"


def assign_ids(groups: list, entities: list, ids: list[str]) -> dict[tuple[str, int], str]:
    """Give each entity its id and map every mention of its group, (article id, index in the article), to it."""
    mapping: dict[tuple[str, int], str] = {}
    for group, entity, ident in zip(groups, entities, ids, strict=True):
        entity.id = ident
        for m in group.members:
            mapping[(m.article.id, m.index)] = ident
    return mapping
