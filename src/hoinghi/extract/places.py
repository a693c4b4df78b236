"""Places named in a page: Vietnam's provinces (63 before the merger of 1 July 2025, 34 after), their districts,
wards and communes, countries, international bodies and foreign provinces.

    find_places(text, skip=person_spans, when=date, context_province="Yên Bái") -> [PlaceMatch, ...]
    dedupe(matches) -> [Place, ...]                  first occurrence of each place
    province_info("Yên Bái") -> ("Yên Bái", "Lào Cai", "province")
    province_2025("Phúc Yên") -> "Phú Thọ"
    all_provinces() -> the 63 legacy and 34 new province names (no repeats)

The data: `lexicons/admin_units.json.gz` (built by scripts/build_gazetteer.py from the `vietnamadminunits` package)
and `lexicons/countries.toml`. Both are read once, on first use, into one precompiled regular expression (a trie of
every name that may stand without a unit word, or that must be kept from yielding a shorter name inside it) and a
second small one for `xã X`, `phường X`, `thị trấn X`, `Quận 1`.

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
from functools import cache

from hoinghi.lexicons import load
from hoinghi.model import Place
from hoinghi.text import normalize, trie_regex

MERGER = dt.date(2025, 7, 1)


@dataclass
class PlaceMatch:
    place: Place
    start: int
    end: int
    text: str
    country: str | None = None  # for a foreign province: the country it belongs to
    key: str = field(default="", repr=False)  # identity of the place, for dedupe (`Mỹ` and `Hoa Kỳ` share one)


@dataclass(frozen=True, slots=True)
class _Entry:
    cat: str  # province, new_province, district, country, international, foreign_province, region
    canon: str  # canonical name: legacy province, new province, district, country
    name: str | None = None  # the name to report when it is not the text as printed (`TP.HCM` -> `Hồ Chí Minh`)
    province: str | None = None
    p25: str | None = None
    dtype: str | None = None  # district type: q quận, h huyện, x thị xã, t thành phố
    listed: bool = True
    bare: bool = True  # may stand without a unit word
    after: tuple[str, ...] = ()  # if set: only right after one of these words
    not_before: frozenset[str] = frozenset()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class _Info:
    """Everything one surface may name, sorted out once when the data is loaded."""

    legacy: _Entry | None  # a province before the merger
    new: _Entry | None  # a province after it
    districts: tuple[_Entry, ...]
    foreign: _Entry | None
    other: _Entry | None  # the country, international body or foreign province, for a bare name
    region: bool

    @classmethod
    def of(cls, entries: list[_Entry]) -> _Info:
        def first(*cats: str) -> _Entry | None:
            return next((e for e in entries if e.cat in cats), None)

        return cls(first("province"), first("new_province"), tuple(e for e in entries if e.cat == "district"),
                   first("foreign_province"), first("country", "international", "foreign_province"),
                   any(e.cat == "region" for e in entries))


@dataclass(frozen=True, slots=True)
class _Commune:
    wtype: str  # x xã, p phường, t thị trấn, d đặc khu
    district: str | None
    province: str
    p25: str
    new: bool


_DTYPE_KIND = {"q": "district", "h": "district", "x": "town", "t": "city"}
_UNIT_PREFER = {"D": "qh", "T": "x", "C": "t"}
_UNIT_KIND = {"D": "district", "T": "town", "C": "city"}
_WTYPE = {"xã": "x", "phường": "p", "thị trấn": "t", "đặc khu": "d"}

# Unit words and the bodies named after a unit (`Thành ủy Phúc Yên` is the city's party committee).
# P province, C city (of a province, or a centrally-run one), K capital, T town, D district, B bridge point.
_UNITS = {
    "P": ["tỉnh", "tỉnh ủy"],
    "C": ["thành phố", "thành ủy"],
    "K": ["thủ đô"],
    "T": ["thị xã", "thị ủy"],
    "D": ["huyện", "quận", "huyện ủy", "quận ủy"],
    "B": ["điểm cầu"],
    "W": ["xã", "phường", "thị trấn", "đặc khu"],
}
_ABBREVIATIONS = {"C": ["TP.", "TP", "Tp.", "Tp", "tp.", "T.P.", "T.P"], "T": ["TX.", "TX", "Tx.", "Tx", "tx."]}
_DASH = re.compile(r"\s*[-–—]\s*")
_LIST_GAP = re.compile(r"\s*(?:,|và|,\s*và|hoặc|,\s*hoặc)\s*")
_WORD = re.compile(r"\w")
_AFTER_UNIT = re.compile(r"(?:\s*:)?[ \t]+(?=\w)")
_TOKEN = re.compile(r"\w[\w'’]*")
_NUMBER = re.compile(r"\d{1,2}(?!\w)")


def _variants(word: str) -> set[str]:
    title = " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
    return {word, word[:1].upper() + word[1:], title, word.upper()}


def _key(surface: str) -> str:
    return _DASH.sub("-", surface)


def _title(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" "))


def _char(ch: str) -> str:
    return r"\s*[-–—]\s*" if ch == "-" else re.escape(ch)


def _trie_pattern(words: Iterable[str]) -> str:
    return trie_regex(words, _char)


class _Index:
    def __init__(self) -> None:
        admin = load("admin_units.json.gz")
        world = load("countries.toml")
        self.surfaces: dict[str, list[_Entry]] = {}
        self.communes: dict[str, list[_Commune]] = {}
        self.provinces: dict[str, tuple[str, str]] = {}  # any province surface -> (legacy canon, p25)
        self.numbered: dict[str, list[_Entry]] = {}
        self.legacy: list[str] = []
        self.new: list[str] = []
        settings = world.get("settings", {})
        self.titles = frozenset(settings.get("person_titles", ()))
        self.name_syllables = frozenset(settings.get("name_syllables", ()))
        self.single_prev_allow = frozenset(settings.get("single_prev_allow", ()))

        new = admin["N"]
        legacy = admin["P"]
        self.new = [normalize(n["n"]) for n in new]
        self.legacy = [normalize(p["n"]) for p in legacy]
        for p in legacy:
            canon = normalize(p["n"])
            p25 = self.new[p["p25"]]
            no_bare = {normalize(s) for s in p.get("nb", ())}
            short = normalize(p.get("s", canon))
            # `Thành phố Hồ Chí Minh` printed in full is reported without its unit word, as `Hồ Chí Minh`.
            surfaces = [(canon, short if canon.startswith("Thành phố ") else None), (short, None)]
            surfaces += [(normalize(a), normalize(n) if n else None) for a, n in p.get("a", ())]
            for surface, name in surfaces:
                if surface not in no_bare:
                    self._add(surface, _Entry("province", canon, name, canon, p25))
                self.provinces.setdefault(surface, (canon, p25))
            for surface in no_bare:  # `TP HCM` is reported as `Hồ Chí Minh`
                self._add(surface, _Entry("province", canon, short, canon, p25, bare=False))
                self.provinces.setdefault(surface, (canon, p25))
        for n in new:
            canon = normalize(n["n"])
            sources = [self.legacy[i] for i in n["from"]]
            # A new province's legacy province: the one of the same name, else the first it was made of.
            legacy_of = next((s for s in sources if s == canon), None) or sources[0]
            short = normalize(n.get("s", canon))
            for surface in {canon, short}:
                bare = all(e.bare for e in self.surfaces.get(_key(surface), ()) if e.cat == "province")
                name = short if surface == canon and canon.startswith("Thành phố ") else None
                # Named in an article written after the merger, the province is the new one.
                self._add(surface, _Entry("new_province", canon, name, canon, canon, bare=bare))
                self.provinces.setdefault(surface, (legacy_of, canon))
            for item in filter(None, n["w"].split("|")):
                self._add_commune(item, None, canon, canon, new=True)
        for name, dtype, pi, ni, wards in admin["D"]:
            name = normalize(name)
            province, p25 = self.legacy[pi], self.new[ni]
            entry = _Entry("district", name, None, province, p25, dtype=dtype, bare=False)
            if name.startswith("Quận ") and name[5:].isdigit():
                self.numbered.setdefault(name, []).append(entry)  # `Quận 1`: found after its unit word
            else:
                self._add(name, entry)
            for item in filter(None, wards.split("|")):
                ward_p25 = p25
                if "@" in item:
                    item, other = item.rsplit("@", 1)
                    ward_p25 = self.new[int(other)]
                self._add_commune(item, name, province, ward_p25, new=False)

        for cat in ("country", "international", "foreign_province"):
            for canon, spec in world.get(cat, {}).items():
                if isinstance(spec, list):
                    spec = {"variants": spec}
                canon = normalize(canon)
                only = {normalize(s) for s in spec.get("only_after", ())}
                after = tuple(normalize(w) for w in spec.get("after", ()))
                not_before = frozenset(normalize(w) for w in spec.get("not_before", ()))
                listed = spec.get("listed", True)
                country = normalize(spec["country"]) if spec.get("country") else None
                for surface in [canon, *(normalize(v) for v in spec.get("variants", ()))]:
                    for form in {surface, _title(surface)}:
                        self._add(form, _Entry(cat, canon, None, listed=listed, not_before=not_before,
                                               after=after if form in only else (), country=country))
        for name in world.get("region", {}).get("names", ()):
            name = normalize(name)
            for form in {name, _title(name)}:
                self._add(form, _Entry("region", name, listed=False, bare=False))

        unit_of: dict[str, str] = {}
        for cat, words in _UNITS.items():
            for word in words:
                for form in _variants(word) | _variants(word.replace("ủy", "Ủy")):
                    unit_of[form] = cat
        for cat, words in _ABBREVIATIONS.items():
            for word in words:
                unit_of[word] = cat
        self.unit_of = unit_of
        self.unit_last = frozenset(w[-1] for w in unit_of)
        alternation = "|".join(re.escape(w) for w in sorted(unit_of, key=len, reverse=True))
        self.unit_before = re.compile(r"(?<!\w)(" + alternation + r")(?:\s*:)?(?:\s+|(?<=\.))\Z")
        # One pass over the text, one trie of the names and of the commune unit words (`xã`, `phường`, `thị trấn`,
        # `đặc khu`, and `Quận` for the numbered districts). Every branch of the trie starts with a literal
        # character, which lets the regex engine skip fast to the positions where a match can begin; a look-behind
        # or a group at the start would not, so the caller checks the word boundary before a match.
        self.lower_units = (*_UNITS["W"], "quận")
        self.commune_units = frozenset(f for w in self.lower_units for f in _variants(w)) - set(self.lower_units)
        self.scan = re.compile("(?:" + _trie_pattern([*self.surfaces, *self.commune_units]) + r")(?!\w)")
        self.info = {key: _Info.of(entries) for key, entries in self.surfaces.items()}
        self.run = re.compile(r"\w[\w'’]*(?:(?: | ?[-–—] ?)\w[\w'’]*){0,5}")

    def _add(self, surface: str, entry: _Entry) -> None:
        bucket = self.surfaces.setdefault(_key(surface), [])
        if entry not in bucket:
            bucket.append(entry)

    def _add_commune(self, item: str, district: str | None, province: str, p25: str, new: bool) -> None:
        wtype, name = item[0], normalize(item[1:])
        self.communes.setdefault(_key(name), []).append(_Commune(wtype, district, province, p25, new))


@cache
def _index() -> _Index:
    return _Index()


def _as_date(when) -> dt.date | None:
    if when is None or isinstance(when, dt.date):
        return when.date() if isinstance(when, dt.datetime) else when
    text = str(when).strip()
    try:
        if len(text) == 7:
            return dt.date.fromisoformat(text + "-01")
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


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


def _kind_of_commune(wtype: str) -> str:
    return "ward" if wtype == "p" else "commune"


class _Candidates:
    """One mention whose unit has several candidates (`huyện Châu Thành`), resolved once the text is read."""

    def __init__(self, start, end, printed, kind, options, key_prefix):
        self.start, self.end, self.printed, self.kind = start, end, printed, kind
        # (province, p25, kind or None, rank: 0 for the units of the article's time, identity within the province)
        self.options = options
        self.key_prefix = key_prefix


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
    date = _as_date(when)
    post = date is not None and date >= MERGER
    skip = list(skip)
    out: list[PlaceMatch | _Candidates] = []

    # 1. Communes after a lower-case unit word (`xã X`, `phường X`, `thị trấn X`, `quận 1`), found with str.find:
    #    in the trie, these common lower-case first letters would slow the whole scan down.
    taken: list[tuple[int, int]] = []
    for word in idx.lower_units:
        start = text.find(word)
        while start >= 0:
            if not (start and text[start - 1].isalnum()):
                taken += _communes_after(idx, text, start, start + len(word), word, post, skip, out)
            start = text.find(word, start + 1)
    taken.sort()

    # 2. Everything else, from the trie (with the capitalised commune unit words: `Xã X`, `Phường X`, `Quận 1`).
    last_unit: tuple[int, str] | None = None  # (end, unit) of the last name a unit word applied to
    for m in idx.scan.finditer(text):
        start, end = m.span()
        if start and text[start - 1].isalnum():
            continue
        printed = m.group()
        if printed in idx.commune_units:
            taken += _communes_after(idx, text, start, end, printed.lower(), post, skip, out)
            continue
        if (skip and _overlaps(start, end, skip)) or (taken and _overlaps(start, end, taken)):
            continue
        info = idx.info.get(_key(printed) if "-" in printed or "–" in printed or "—" in printed else printed)
        if info is None:
            continue
        unit = None
        k = start - 1
        while k > 0 and text[k] in " \t:":
            k -= 1
        if k >= 0 and text[k] in idx.unit_last:  # cheap test before the regex: does a unit word end here?
            u = idx.unit_before.search(text, max(0, start - 24), start)
            if u:
                unit = idx.unit_of[u.group(1)]
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

    # 3. Resolve the names several units share (`huyện Châu Thành`, `xã Tân Lập`): the context province first,
    #    then the provinces the text names (most often first), then the provinces of the units it names unambiguously.
    if not any(isinstance(item, _Candidates) for item in out):
        out.sort(key=lambda p: p.start)
        return out  # type: ignore[return-value]
    context: list[str] = []
    if context_province:
        known = province_info(context_province)
        context += [known[0], known[1]] if known and known[0] else [normalize(context_province)]
    counts = Counter(p.place.province for p in out if isinstance(p, PlaceMatch) and p.place.kind == "province")
    context += [p for p, _ in counts.most_common() if p]
    counts = Counter(item.options[0][0] for item in out
                     if isinstance(item, _Candidates) and len({o[0] for o in item.options}) == 1)
    context += [p for p, _ in counts.most_common() if p]
    matches: list[PlaceMatch] = []
    for item in out:
        if isinstance(item, PlaceMatch):
            matches.append(item)
            continue
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
        matches.append(PlaceMatch(place, item.start, item.end, text[item.start:item.end],
                                  key=f"{item.key_prefix}|{item.printed}|{province}|{ident}"))
    matches.sort(key=lambda p: p.start)
    return matches


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
        num = _NUMBER.match(text, pos)
        entries = idx.numbered.get("Quận " + num.group()) if num else None
        if not entries or _overlaps(start, num.end(), skip):
            return []
        options = [(e.province, e.p25, "district", 0, e.dtype) for e in entries]
        out.append(_Candidates(start, num.end(), "Quận " + num.group(), "district", options, "D"))
        return [(start, num.end())]
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
        lookup = (unit[:1].upper() + unit[1:] + " " + name) if name.isdigit() else _key(name)
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
        return _Candidates(pos, end, printed, _kind_of_commune(wtype or typed[0].wtype), options, "W")
    return None


def _decide(idx: _Index, text, start, end, printed, info: _Info, unit, inherited, post):
    """A PlaceMatch or _Candidates for a name; True when it is a name that reports nothing; None when no name."""
    province = info.new if post and info.new else (info.legacy or info.new)
    districts = info.districts
    foreign = info.foreign

    if inherited:
        # An item of a list after a unit word: a province stays a province (`huyện Văn Yên, Yên Bái`), and a name
        # with nothing at the list's level is read as if it stood alone (`huyện Văn Yên, Lào`).
        if province:
            return _province_match(start, end, printed, province)
        if not (districts and unit in "CTDB") and not (foreign and unit in "PKCB"):
            unit = None
    if unit is None:
        pass
    elif unit == "W":
        return True  # a commune the data does not know: not a province or a country either
    elif unit in ("P", "K"):
        if province:
            return _province_match(start, end, printed, province)
        if foreign:
            return _foreign_match(start, end, printed, foreign)
        return True
    elif unit in ("C", "T", "D"):
        if districts:
            prefer = _UNIT_PREFER[unit]
            chosen = [d for d in districts if d.dtype in prefer] or districts
            options = [(d.province, d.p25, _UNIT_KIND[unit], 0, d.dtype) for d in chosen]
            return _Candidates(start, end, printed, _UNIT_KIND[unit], options, "D")
        if unit == "C" and province:
            return _province_match(start, end, printed, province)
        if unit == "C" and foreign:
            return _foreign_match(start, end, printed, foreign)
        return True
    elif unit == "B":
        if province:
            return _province_match(start, end, printed, province)
        if districts:
            options = [(d.province, d.p25, _DTYPE_KIND[d.dtype], 0, d.dtype) for d in districts]
            return _Candidates(start, end, printed, None, options, "D")
        if foreign:
            return _foreign_match(start, end, printed, foreign)

    # No unit word: provinces, countries, international bodies, foreign provinces.
    entry = province or info.other
    if entry is None or not entry.bare or info.region:
        return True
    if not _bare_ok(idx, text, start, end, printed, entry):
        return None
    if not entry.listed:
        return True
    if entry.cat in ("province", "new_province"):
        return _province_match(start, end, printed, entry)
    if entry.cat == "foreign_province":
        return _foreign_match(start, end, printed, entry)
    place = Place(entry.name or printed, entry.cat)
    return PlaceMatch(place, start, end, printed, key=f"X|{entry.canon}")


def _province_match(start, end, printed, entry: _Entry) -> PlaceMatch:
    name = entry.name or printed
    place = Place(name, "province", entry.province, entry.p25)
    return PlaceMatch(place, start, end, printed, key=f"P|{entry.province}")


def _foreign_match(start, end, printed, entry: _Entry) -> PlaceMatch:
    place = Place(printed, "foreign_province")
    return PlaceMatch(place, start, end, printed, country=entry.country, key=f"F|{entry.canon}")


def _bare_ok(idx: _Index, text: str, start: int, end: int, printed: str, entry: _Entry) -> bool:
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


_UNIT_PREFIX = re.compile(
    r"^(?:(tỉnh|thành phố|tp\.?|thủ đô|thị xã|tx\.?|huyện|quận|xã|phường|thị trấn)\s*)", re.IGNORECASE)


def province_info(name: str) -> tuple[str | None, str | None, str] | None:
    """(legacy province, province after 2025, kind) for a province, district-level unit, country or foreign
    province name, with or without its unit word (`thành phố Phúc Yên` -> ("Vĩnh Phúc", "Phú Thọ", "city")).
    None when unknown, or when a district name is shared by several provinces."""
    if not name:
        return None
    idx = _index()
    text = normalize(name).strip()
    numbered = idx.numbered.get(text[:1].upper() + text[1:])
    if numbered:  # `Quận 1`
        return (numbered[0].province, numbered[0].p25, "district")
    unit = None
    m = _UNIT_PREFIX.match(text)
    if m:
        unit = m.group(1).lower().rstrip(".")
        text = text[m.end():]
    entries = idx.surfaces.get(_key(text), [])
    provinces = [e for e in entries if e.cat in ("province", "new_province")]
    districts = [e for e in entries if e.cat == "district"]
    if unit in ("thành phố", "tp", "thị xã", "tx", "huyện", "quận") and districts:
        prefer = {"thành phố": "t", "tp": "t", "thị xã": "x", "tx": "x"}.get(unit, "qh")
        districts = [d for d in districts if d.dtype in prefer] or districts
        provinces = []
    if provinces and unit not in ("xã", "phường", "thị trấn"):
        e = provinces[0]
        return (e.province, e.p25, "province")
    if districts and unit not in ("xã", "phường", "thị trấn"):
        if len({(d.province, d.p25) for d in districts}) == 1:
            d = districts[0]
            kind = {"thành phố": "city", "tp": "city", "thị xã": "town", "tx": "town"}.get(unit or "",
                                                                                         _DTYPE_KIND[d.dtype])
            return (d.province, d.p25, kind)
        return None
    communes = idx.communes.get(text, [])
    if communes and len({(c.province, c.p25) for c in communes}) == 1:
        c = communes[0]
        return (c.province, c.p25, _kind_of_commune(c.wtype))
    for e in entries:
        if e.cat in ("country", "international", "foreign_province", "region"):
            return (None, None, e.cat)
    return None


def province_2025(name: str) -> str | None:
    """The province after the merger of 1 July 2025 that a province or district-level unit lies in."""
    info = province_info(name)
    return info[1] if info else None


def all_provinces() -> list[str]:
    """The 63 legacy and 34 new province names (canonical, no repeats): legacy first, then the new-only ones."""
    idx = _index()
    return list(dict.fromkeys(idx.legacy + idx.new))


def province_surfaces() -> dict[str, str]:
    """Every way the data knows to write a province (aliases included) -> its legacy canonical name."""
    return {surface: legacy for surface, (legacy, _) in _index().provinces.items()}
