"""Places named in a page: Vietnam's provinces (63 before the merger of 1 July 2025, 34 after), their districts,
wards and communes, countries, international bodies and foreign provinces.

    find_places(text, skip=person_spans, when=date, context_province="Yên Bái") -> [PlaceMatch, ...]
    dedupe(matches) -> [Place, ...]                  first occurrence of each place
    PlaceMatch.rule: how the place was found (`gazetteer: province`, `commune after unit word` …), for explaining

`province_info`, `province_2025`, `all_provinces`, `province_surfaces` and `MERGER` live in `hoinghi.geo` (the
gazetteer, the merger, the unit words) and are imported from here only for the callers not yet moved there.

The data: `hoinghi.geo.gazetteer()` (from `lexicons/admin_units.json.gz` and `lexicons/countries.toml`), compiled
once, on first use, into one precompiled regular expression (a trie of every name that may stand without a unit
word, or that must be kept from yielding a shorter name inside it, and of the capitalised commune unit words); the
lower-case commune unit words (`xã X`, `phường X`, `thị trấn X`, `quận 1`) are found with str.find.

Rules, in the order they apply to a name found in the (normalised) text:
- a name inside a `skip` span (a person's name) is ignored;
- the longest name wins: `Thái Bình Dương` (the ocean) hides `Thái Bình`, `Nga Sơn` hides `Nga`, `Điện Biên Phủ`
  hides `Điện Biên`;
- a unit word right before decides the level: `tỉnh`/`Tỉnh ủy` a province; `thành phố`/`TP.`/`Thành ủy` a city of
  a province (`thành phố Thái Nguyên`) or, failing one, a centrally-run city (`TP. Hồ Chí Minh`); `thị xã`/`TX.`/
  `Thị ủy` a town; `huyện`/`quận`/`Huyện ủy`/`Quận ủy` a district; `điểm cầu` a province or else a district;
  items of a list after a unit word (`các huyện Văn Yên, Trấn Yên và Lục Yên`) share it;
- without one, only provinces, countries, international bodies and foreign provinces count, and only when
  capitalised as listed (`Hòa Bình`, never `hòa bình`); not right after a surname or middle name (`Lê Hòa Bình`),
  nor a single syllable right after a personal title or a capitalised word (`bà Nga`, `Thị Nga`), nor before a word
  that makes it a common noun (`Pháp luật`, `Áo dài`); district names alone are too ambiguous and yield nothing;
- `xã X`, `phường X`, `thị trấn X` only when X is a known commune; several of the same name are told apart by
  `context_province`, then by the provinces the text names;
- names the data marks `listed = false` (`Việt Nam`, `Biển Đông`, `Tây Nguyên`, `Đông Nam Á`) are never reported.

`when`: the article's date. From 1 July 2025 on, a commune name resolves first to the units created then (their
`province` is the new province), and a province name that is also a new province's is that new province.
`Place.province` is otherwise the legacy province (the one the unit lay in before the merger); `province_2025` is
always the province after it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from hoinghi.extract.spans import Cover
from hoinghi.geo import (
    DTYPE_KIND,
    MERGER,
    Entry,
    Gazetteer,
    after_merger,
    all_provinces,
    commune_kind,
    gazetteer,
    province_2025,
    province_info,
    province_surfaces,
    surface_key,
    unit_words,
)
from hoinghi.lexicons import load
from hoinghi.model import Place
from hoinghi.text import fold, normalize, trie_regex

__all__ = ["MERGER", "PlaceMatch", "all_provinces", "dedupe", "find_places", "province_2025", "province_info",
           "province_surfaces"]


@dataclass
class PlaceMatch:
    place: Place
    start: int
    end: int
    text: str
    country: str | None = None  # for a foreign province: the country it belongs to
    key: str = field(default="", repr=False)  # identity of the place, for dedupe (`Mỹ` and `Hoa Kỳ` share one)
    rule: str = ""  # how it was found: `gazetteer: province`, `commune after unit word` … (not in the output)


@dataclass(frozen=True, slots=True)
class _Info:
    """Everything one surface may name, sorted out once when the data is loaded."""

    legacy: Entry | None  # a province before the merger
    new: Entry | None  # a province after it
    districts: tuple[Entry, ...]
    foreign: Entry | None
    other: Entry | None  # the country, international body or foreign province, for a bare name
    region: bool

    @classmethod
    def of(cls, entries: list[Entry]) -> _Info:
        def first(*cats: str) -> Entry | None:
            return next((e for e in entries if e.cat in cats), None)

        return cls(first("province"), first("new_province"), tuple(e for e in entries if e.cat == "district"),
                   first("foreign_province"), first("country", "international", "foreign_province"),
                   any(e.cat == "region" for e in entries))


_UNIT_PREFER = {"D": "qh", "T": "x", "C": "t"}
_UNIT_KIND = {"D": "district", "T": "town", "C": "city"}
_WTYPE = {"xã": "x", "phường": "p", "thị trấn": "t", "đặc khu": "d"}

# The unit word before a name, by the level it gives (hoinghi.geo.unit_words): P province, C city (of a province,
# or a centrally-run one), K capital, T town, D district, B bridge point, W commune.
_UNIT_CODE = {"province": "P", "city": "C", "capital": "K", "town": "T", "district": "D", "bridge": "B",
              "commune": "W"}
_LIST_GAP = re.compile(r"\s*(?:,|và|,\s*và|hoặc|,\s*hoặc)\s*")
_WORD = re.compile(r"\w")
_AFTER_UNIT = re.compile(r"(?:\s*:)?[ \t]+(?=\w)")
_TOKEN = re.compile(r"\w[\w'’]*")
_NUMBER = re.compile(r"\d{1,2}(?!\w)")


def _variants(word: str) -> set[str]:
    title = " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
    return {word, word[:1].upper() + word[1:], title, word.upper()}


def _char(ch: str) -> str:
    return r"\s*[-–—]\s*" if ch == "-" else re.escape(ch)


def _trie_pattern(words: Iterable[str]) -> str:
    return trie_regex(words, _char)


class _Index:
    """The recogniser's view of the gazetteer: its names and the commune unit words in one precompiled regular
    expression, the unit words before a name, and the words that make a bare name part of a person's."""

    def __init__(self) -> None:
        gaz = gazetteer()
        self.surfaces = gaz.surfaces
        self.communes = gaz.communes
        self.numbered = gaz.numbered
        settings = load("countries.toml").get("settings", {})
        self.titles = frozenset(settings.get("person_titles", ()))
        self.name_syllables = frozenset(settings.get("name_syllables", ()))
        self.single_prev_allow = frozenset(settings.get("single_prev_allow", ()))
        self._compile_unit_words()
        self._compile_scan(gaz)

    def _compile_unit_words(self) -> None:
        """`unit_before`: a unit word ending right before a name (`tỉnh`, `Tỉnh ủy`, `TP.`), a colon allowed."""
        self.unit_of = {form: _UNIT_CODE[level] for form, level in unit_words().items()}
        self.unit_last = frozenset(w[-1] for w in self.unit_of)
        alternation = "|".join(re.escape(w) for w in sorted(self.unit_of, key=len, reverse=True))
        self.unit_before = re.compile(r"(?<!\w)(" + alternation + r")(?:\s*:)?(?:\s+|(?<=\.))\Z")

    def _compile_scan(self, gaz: Gazetteer) -> None:
        # One pass over the text, one trie of the names and of the commune unit words (`xã`, `phường`, `thị trấn`,
        # `đặc khu`, and `Quận` for the numbered districts). Every branch of the trie starts with a literal
        # character, which lets the regex engine skip fast to the positions where a match can begin; a look-behind
        # or a group at the start would not, so the caller checks the word boundary before a match.
        self.lower_units = (*load("countries.toml")["units"]["commune"], "quận")
        self.commune_units = frozenset(f for w in self.lower_units for f in _variants(w)) - set(self.lower_units)
        # The few names that start with a lower-case letter (`châu Á`) have a trie of their own: in the main one,
        # their first letter, frequent in running text, would start a match at many positions.
        names = [*gaz.surfaces, *self.commune_units]
        self.scan = _scan_regex(w for w in names if not w[:1].islower())
        self.scan_lower = _scan_regex(w for w in names if w[:1].islower())
        self.info = {key: _Info.of(entries) for key, entries in gaz.surfaces.items()}
        self.run = re.compile(r"\w[\w'’]*(?:(?: | ?[-–—] ?)\w[\w'’]*){0,5}")


def _scan_regex(names: Iterable[str]) -> re.Pattern:
    return re.compile("(?:" + (_trie_pattern(names) or "(?!)") + r")(?!\w)")  # `(?!)`: no names, no match


@cache
def _index() -> _Index:
    return _Index()


def _overlaps(start: int, end: int, spans: Cover) -> bool:
    return spans.overlaps(start, end)


def _prev_token(text: str, start: int) -> str:
    """The word right before `start` when only one space separates them (the same run of words)."""
    if start < 2 or text[start - 1] != " " or not _WORD.match(text, start - 2):
        return ""
    i = start - 2
    while i >= 0 and (text[i].isalnum() or text[i] in "/'’"):
        i -= 1
    return text[i + 1:start - 1]


def _next_token(text: str, end: int) -> str:
    if end >= len(text) - 1 or text[end] != " ":
        return ""
    j = end + 1
    while j < len(text) and text[j].isalnum():
        j += 1
    return text[end + 1:j]


class _Candidates:
    """One mention whose unit has several candidates (`huyện Châu Thành`), resolved once the text is read."""

    def __init__(self, start, end, printed, kind, options, key_prefix, rule):
        self.start, self.end, self.printed, self.kind = start, end, printed, kind
        # (province, p25, kind or None, rank: 0 for the units of the article's time, identity within the province)
        self.options = options
        self.key_prefix = key_prefix
        self.rule = rule


def _choose(options: list, context: list[str]):
    """Narrow the options to the first context province any of them lies in (legacy or new)."""
    for province in context:
        hit = [o for o in options if o[0] == province] or [o for o in options if o[1] == province]
        if hit:
            options = hit
            break
    if len(options) > 1:
        best = min(o[3] for o in options)
        options = [o for o in options if o[3] == best]
    return options


def find_places(text: str, skip: Sequence[tuple[int, int]] = (), when: dt.date | str | None = None,
                context_province: str | None = None) -> list[PlaceMatch]:
    """Every place named in a normalised text, in order; spans inside `skip` (people's names) are ignored."""
    if not text:
        return []
    idx = _index()
    post = after_merger(when)
    skip = Cover(len(text), skip)
    out: list[PlaceMatch | _Candidates] = []
    taken = _find_lower_case_communes(idx, text, post, skip, out)
    _find_names(idx, text, post, skip, taken, out)
    if not any(isinstance(item, _Candidates) for item in out):
        out.sort(key=lambda p: p.start)
        return out  # type: ignore[return-value]
    return _resolve(text, out, context_province)


def _find_lower_case_communes(idx: _Index, text: str, post: bool, skip: Cover, out: list) -> Cover:
    """Step 1. Communes after a lower-case unit word (`xã X`, `phường X`, `thị trấn X`, `quận 1`), found with
    str.find: in the trie, these common lower-case first letters would slow the whole scan down. Their spans."""
    taken = Cover(len(text))
    for word in idx.lower_units:
        start = text.find(word)
        while start >= 0:
            if not (start and text[start - 1].isalnum()):
                for s, e in _communes_after(idx, text, start, start + len(word), word, post, skip, out):
                    taken.add(s, e)
            start = text.find(word, start + 1)
    return taken


def _find_names(idx: _Index, text: str, post: bool, skip: Cover, taken: Cover, out: list) -> None:
    """Step 2. Everything else, from the trie (with the capitalised commune unit words: `Xã X`, `Phường X`,
    `Quận 1`); the items of a list after a unit word (`các huyện Văn Yên, Trấn Yên`) share it."""
    last_unit: tuple[int, str] | None = None  # (end, unit) of the last name a unit word applied to
    for m in _scan(idx, text):
        start, end = m.span()
        if start and text[start - 1].isalnum():
            continue
        printed = m.group()
        if printed in idx.commune_units:
            for s, e in _communes_after(idx, text, start, end, printed.lower(), post, skip, out):
                taken.add(s, e)
            continue
        if skip.overlaps(start, end) or taken.overlaps(start, end):
            continue
        info = idx.info.get(surface_key(printed) if "-" in printed or "–" in printed or "—" in printed else printed)
        if info is None:
            continue
        unit = _unit_before(idx, text, start)
        inherited = False
        if unit is None and last_unit and _LIST_GAP.fullmatch(text, last_unit[0], start):
            unit, inherited = last_unit[1], True
        result = _decide(idx, text, start, end, printed, info, unit, inherited, post)
        if result is None:
            last_unit = None
            continue
        last_unit = (end, unit) if unit and unit != "W" else None
        if result is not True:
            out.append(result)


def _scan(idx: _Index, text: str) -> Iterable[re.Match]:
    """The names in the text, left to right, as one regular expression of both tries would find them."""
    lower = idx.scan_lower.search(text)
    return idx.scan.finditer(text) if lower is None else _merged(idx, text, lower)


def _merged(idx: _Index, text: str, lower: re.Match | None) -> Iterable[re.Match]:
    """The matches of the two tries (their first letters differ: they never start at the same offset) in order;
    a match hides those of the other trie that start inside it, as in one regular expression."""
    upper = idx.scan.search(text)
    while upper or lower:
        m = upper if lower is None or (upper is not None and upper.start() < lower.start()) else lower
        yield m
        end = m.end()
        if upper is not None and upper.start() < end:
            upper = idx.scan.search(text, end)
        if lower is not None and lower.start() < end:
            lower = idx.scan_lower.search(text, end)


def _unit_before(idx: _Index, text: str, start: int) -> str | None:
    """The code of the unit word right before a name at `start`, if any."""
    k = start - 1
    while k > 0 and text[k] in " \t:":
        k -= 1
    if k >= 0 and text[k] in idx.unit_last:  # cheap test before the regex: does a unit word end here?
        u = idx.unit_before.search(text, start - 24 if start > 24 else 0, start)
        if u:
            return idx.unit_of[u.group(1)]
    return None


def _resolve(text: str, out: list, context_province: str | None) -> list[PlaceMatch]:
    """Step 3. Resolve the names several units share (`huyện Châu Thành`, `xã Tân Lập`)."""
    context = _context_provinces(out, context_province)
    matches = [item if isinstance(item, PlaceMatch) else _resolved(text, item, context) for item in out]
    matches.sort(key=lambda p: p.start)
    return matches


def _context_provinces(out: list, context_province: str | None) -> list[str]:
    """The provinces that tell shared names apart, in order: the context province, then the provinces the text
    names (most often first), then the provinces of the units it names unambiguously."""
    context: list[str] = []
    if context_province:
        known = province_info(context_province)
        context += [known[0], known[1]] if known and known[0] else [normalize(context_province)]
    counts = Counter(p.place.province for p in out if isinstance(p, PlaceMatch) and p.place.kind == "province")
    context += [p for p, _ in counts.most_common() if p]
    counts = Counter(item.options[0][0] for item in out
                     if isinstance(item, _Candidates) and len({o[0] for o in item.options}) == 1)
    context += [p for p, _ in counts.most_common() if p]
    return context


def _resolved(text: str, item: _Candidates, context: list[str]) -> PlaceMatch:
    """The place of a mention with several candidates: what the options left by the context agree on."""
    options = _choose(item.options, context)
    provinces = {o[0] for o in options}
    p25s = {o[1] for o in options}
    kinds = {o[2] for o in options}
    idents = {o[4] for o in options}
    ident = idents.pop() if len(idents) == 1 else ""
    province = provinces.pop() if len(provinces) == 1 else None
    p25 = p25s.pop() if len(p25s) == 1 else None
    kind = item.kind or (kinds.pop() if len(kinds) == 1 else "district")
    place = Place(item.printed, kind, province, p25)
    return PlaceMatch(place, item.start, item.end, text[item.start:item.end],
                      key=f"{item.key_prefix}|{item.printed}|{province}|{ident}", rule=item.rule)


def _communes_after(idx: _Index, text: str, start: int, end: int, unit: str, post: bool, skip,
                    out: list) -> list[tuple[int, int]]:
    """After a commune unit word at text[start:end]: the communes it names (a list: `các xã A, B và C`), or for
    `quận` a numbered district of Hồ Chí Minh City. Appends them to `out`; returns their spans."""
    after = _AFTER_UNIT.match(text, end)
    if not after:
        return []
    if unit == "xã" and text[max(0, start - 4):start].lower() == "thị ":
        return []  # `thị xã`
    pos = after.end()
    if unit == "quận":
        return _numbered_district(idx, text, start, pos, skip, out)
    if not (text[pos].isupper() or text[pos].isdigit()):
        return []  # `xã hội`: a commune's name starts with a capital letter or a number
    spans = []
    while True:
        run = idx.run.match(text, pos)
        found = _commune_at(idx, text, pos, run.group(), unit, post, skip) if run else None
        if not found:
            break
        out.append(found)
        spans.append((found.start, found.end))
        nxt = _LIST_GAP.match(text, found.end)
        if not nxt or nxt.end() == found.end:
            break
        pos = nxt.end()
    return spans


def _numbered_district(idx: _Index, text: str, start: int, pos: int, skip, out: list) -> list[tuple[int, int]]:
    """`quận 1` (the unit word at `start`, the number at `pos`): a numbered district of Hồ Chí Minh City."""
    num = _NUMBER.match(text, pos)
    entries = idx.numbered.get("Quận " + num.group()) if num else None
    if not entries or _overlaps(start, num.end(), skip):
        return []
    options = [(e.province, e.p25, "district", 0, e.dtype) for e in entries]
    out.append(_Candidates(start, num.end(), "Quận " + num.group(), "district", options, "D",
                           "numbered district after quận"))
    return [(start, num.end())]


def _commune_at(idx: _Index, text: str, pos: int, run: str, unit: str, post: bool, skip) -> _Candidates | None:
    """The longest known commune name at the start of `run` (capitalised words, or a number: `Phường 1`)."""
    ends = []
    for token in _TOKEN.finditer(run):
        word = token.group()
        if not (word[:1].isupper() or (word.isdigit() and not ends)):
            break
        ends.append(token.end())
        if word.isdigit():
            break
    wtype = _WTYPE.get(unit)
    for size in reversed(ends):
        name = run[:size]
        lookup = (unit[:1].upper() + unit[1:] + " " + name) if name.isdigit() else surface_key(name)
        cands = idx.communes.get(lookup)
        if not cands:
            continue
        end = pos + size
        if _overlaps(pos, end, skip):
            return None
        typed = [c for c in cands if c.wtype == wtype] or cands
        # Options carry a rank: the units of the article's time (legacy before the merger, new after it) first,
        # used only when the context leaves several.
        options = [(c.p25 if c.new else c.province, c.p25, None, int(c.new != post), f"{c.wtype}{c.district}")
                   for c in typed]
        printed = lookup if name.isdigit() else name
        return _Candidates(pos, end, printed, commune_kind(wtype or typed[0].wtype), options, "W",
                           "commune after unit word")
    return None


def _decide(idx: _Index, text, start, end, printed, info: _Info, unit, inherited, post):
    """A PlaceMatch or _Candidates for a name; True when it is a name that reports nothing; None when no name."""
    province = info.new if post and info.new else (info.legacy or info.new)
    if inherited:
        # An item of a list after a unit word: a province stays a province (`huyện Văn Yên, Yên Bái`), and a name
        # with nothing at the list's level is read as if it stood alone (`huyện Văn Yên, Lào`).
        if province:
            return _province_match(start, end, printed, province, "province in a list after a unit word")
        if not (info.districts and unit in "CTDB") and not (info.foreign and unit in "PKCB"):
            unit = None
    if unit is not None:
        found = _after_unit(start, end, printed, info, province, unit)
        if found is not None:
            return found
    return _bare_name(idx, text, start, end, printed, info, province)


def _after_unit(start, end, printed, info: _Info, province: Entry | None, unit: str):
    """A name after a unit word: a match, or True (a name that reports nothing); None after `điểm cầu` when the
    name is neither a province, a district nor a foreign province (it is then read as if it stood alone)."""
    if unit == "W":
        return True  # a commune the data does not know: not a province or a country either
    if unit in ("P", "K"):
        if province:
            return _province_match(start, end, printed, province, "province after unit word")
        if info.foreign:
            return _foreign_match(start, end, printed, info.foreign, "foreign province after unit word")
        return True
    if unit in ("C", "T", "D"):
        return _after_district_unit(start, end, printed, info, province, unit)
    return _at_bridge_point(start, end, printed, info, province)


def _after_district_unit(start, end, printed, info: _Info, province: Entry | None, unit: str):
    """After `thành phố`, `thị xã`, `huyện`, `quận`: the districts of that name (of the unit's type first), else
    for `thành phố` a centrally-run city (`TP. Hồ Chí Minh`) or a foreign one."""
    if info.districts:
        prefer = _UNIT_PREFER[unit]
        chosen = [d for d in info.districts if d.dtype in prefer] or info.districts
        options = [(d.province, d.p25, _UNIT_KIND[unit], 0, d.dtype) for d in chosen]
        return _Candidates(start, end, printed, _UNIT_KIND[unit], options, "D", "district after unit word")
    if unit == "C" and province:
        return _province_match(start, end, printed, province, "province after unit word")
    if unit == "C" and info.foreign:
        return _foreign_match(start, end, printed, info.foreign, "foreign province after unit word")
    return True


def _at_bridge_point(start, end, printed, info: _Info, province: Entry | None):
    """After `điểm cầu`: a province, else a district, else a foreign province; None for none of them."""
    if province:
        return _province_match(start, end, printed, province, "province at a bridge point")
    if info.districts:
        options = [(d.province, d.p25, DTYPE_KIND[d.dtype], 0, d.dtype) for d in info.districts]
        return _Candidates(start, end, printed, None, options, "D", "district at a bridge point")
    if info.foreign:
        return _foreign_match(start, end, printed, info.foreign, "foreign province at a bridge point")
    return None


def _bare_name(idx: _Index, text, start, end, printed, info: _Info, province: Entry | None):
    """No unit word: provinces, countries, international bodies, foreign provinces, capitalised as listed."""
    entry = province or info.other
    if entry is None or not entry.bare or info.region:
        return True
    if not _bare_ok(idx, text, start, end, printed, entry):
        return None
    if not entry.listed:
        return True
    if entry.cat in ("province", "new_province"):
        return _province_match(start, end, printed, entry, "gazetteer: province")
    if entry.cat == "foreign_province":
        return _foreign_match(start, end, printed, entry, "foreign province")
    place = Place(entry.name or printed, entry.cat)
    return PlaceMatch(place, start, end, printed, key=f"X|{entry.canon}", rule=f"{entry.cat} lexicon")


def _province_match(start, end, printed, entry: Entry, rule: str) -> PlaceMatch:
    name, canonical = entry.name or printed, None
    if entry.name and _abbreviates(entry.name, printed):  # an abbreviation (`TPHCM`): kept as printed
        name, canonical = printed, entry.name
    place = Place(name, "province", entry.province, entry.p25, canonical)
    return PlaceMatch(place, start, end, printed, key=f"P|{entry.province}", rule=rule)


@lru_cache(maxsize=4096)
def _abbreviates(name: str, printed: str) -> bool:
    """Whether `printed` abbreviates `name` (`TPHCM` for `Hồ Chí Minh`) rather than spelling it out."""
    return fold(name) not in fold(printed)


def _foreign_match(start, end, printed, entry: Entry, rule: str) -> PlaceMatch:
    place = Place(printed, "foreign_province")
    return PlaceMatch(place, start, end, printed, country=entry.country, key=f"F|{entry.canon}", rule=rule)


def _bare_ok(idx: _Index, text: str, start: int, end: int, printed: str, entry: Entry) -> bool:
    prev = _prev_token(text, start)
    single = " " not in printed and "-" not in printed
    if entry.after:
        before = text[max(0, start - 24):start]
        if not any(before.endswith(w + " ") for w in entry.after):
            return False
    elif prev:
        if prev in idx.titles:
            return False
        if prev in idx.name_syllables and entry.cat != "international":
            return False
        if single and prev[:1].isupper() and prev not in idx.single_prev_allow:
            return False
    nxt = _next_token(text, end)
    if nxt:
        if nxt in entry.not_before:
            return False
        if nxt[:1].isupper() and f"{printed} {nxt}" in idx.communes:
            return False  # `Pháp Vân`, a ward: not France
    return True


def dedupe(matches: Iterable[PlaceMatch]) -> list[Place]:
    """The places of `matches`, each once, in the order of their first mention."""
    seen: set[str] = set()
    places: list[Place] = []
    for m in matches:
        key = m.key or f"{m.place.kind}|{m.place.name}|{m.place.province}"
        if key in seen:
            continue
        seen.add(key)
        places.append(m.place)
    return places
