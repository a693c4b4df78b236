"""Vietnam's administrative units, before and after the merger of 1 July 2025 (63 provinces into 34), and the names
of other countries: the one home of the gazetteer, for the place recogniser (`hoinghi.extract.places`), the linker
and the store.

    province_info("Yên Bái") -> ProvinceInfo(province="Yên Bái", province_2025="Lào Cai", kind="province")
    province_2025("Phúc Yên") -> "Phú Thọ"
    all_provinces() -> the 63 legacy and 34 new province names (no repeats)
    province_surfaces() -> every way the data writes a province -> its legacy name
    merger_table() -> legacy province -> the province it lies in after the merger
    after_merger("2025-08-01") -> True          MERGER, MERGER_DAY: the day the merger took effect
    strip_unit("TP. Hồ Chí Minh") -> ("city", "Hồ Chí Minh")

The data: `lexicons/admin_units.json.gz` (built by scripts/build_gazetteer.py from the `vietnamadminunits` package)
and `lexicons/countries.toml` (countries, international bodies, foreign provinces, regions, and the unit words
`tỉnh`, `thành phố`, `TP.`, `huyện` …), read once, on first use, by `gazetteer()`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from hoinghi.lexicons import load
from hoinghi.text import normalize

MERGER = dt.date(2025, 7, 1)  # the day the 2025 merger of provinces took effect
MERGER_DAY = MERGER.isoformat()

# Unit levels, as `countries.toml` [units] names them.
LEVELS = ("province", "city", "capital", "town", "district", "bridge", "commune")
DTYPE_KIND = {"q": "district", "h": "district", "x": "town", "t": "city"}  # district types in the data
_LEVEL_DTYPES = {"city": "t", "town": "x", "district": "qh"}  # the district types a unit word prefers
_DASH = re.compile(r"\s*[-–—]\s*")


class ProvinceInfo(NamedTuple):
    """What a name is: its legacy province (before the merger), the province after it, and its kind (`province`,
    `city`, `town`, `district`, `commune`, `ward`, `country`, `international`, `foreign_province`, `region`)."""

    province: str | None
    province_2025: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a surface may name."""

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
class Commune:
    wtype: str  # x xã, p phường, t thị trấn, d đặc khu
    district: str | None
    province: str
    p25: str
    new: bool


def surface_key(surface: str) -> str:
    """The form surfaces are indexed by: dashes with one spelling and no spaces around (`Bà Rịa-Vũng Tàu`)."""
    return _DASH.sub("-", surface)


def commune_kind(wtype: str) -> str:
    return "ward" if wtype == "p" else "commune"


def _title(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" "))


class Gazetteer:
    """Every surface the data knows, what it may name, and the communes, read once from the lexicons."""

    def __init__(self) -> None:
        admin = load("admin_units.json.gz")
        world = load("countries.toml")
        self.surfaces: dict[str, list[Entry]] = {}
        self.communes: dict[str, list[Commune]] = {}
        self.provinces: dict[str, tuple[str, str]] = {}  # any province surface -> (legacy canon, p25)
        self.numbered: dict[str, list[Entry]] = {}  # `Quận 1`: found after its unit word only
        self.new = [normalize(n["n"]) for n in admin["N"]]
        self.legacy = [normalize(p["n"]) for p in admin["P"]]
        self.merger = {self.legacy[i]: self.new[p["p25"]] for i, p in enumerate(admin["P"])}
        for p in admin["P"]:
            self._add_legacy_province(p)
        for n in admin["N"]:
            self._add_new_province(n)
        for district in admin["D"]:
            self._add_district(*district)
        for cat in ("country", "international", "foreign_province"):
            for canon, spec in world.get(cat, {}).items():
                self._add_world(cat, canon, spec)
        for name in world.get("region", {}).get("names", ()):
            name = normalize(name)
            for form in {name, _title(name)}:
                self._add(form, Entry("region", name, listed=False, bare=False))

    def _add_legacy_province(self, p: dict) -> None:
        canon = normalize(p["n"])
        p25 = self.new[p["p25"]]
        no_bare = {normalize(s) for s in p.get("nb", ())}
        short = normalize(p.get("s", canon))
        # `Thành phố Hồ Chí Minh` printed in full is reported without its unit word, as `Hồ Chí Minh`.
        surfaces = [(canon, short if canon.startswith("Thành phố ") else None), (short, None)]
        surfaces += [(normalize(a), normalize(n) if n else None) for a, n in p.get("a", ())]
        for surface, name in surfaces:
            if surface not in no_bare:
                self._add(surface, Entry("province", canon, name, canon, p25))
            self.provinces.setdefault(surface, (canon, p25))
        for surface in no_bare:  # `TP HCM` is reported as `Hồ Chí Minh`
            self._add(surface, Entry("province", canon, short, canon, p25, bare=False))
            self.provinces.setdefault(surface, (canon, p25))

    def _add_new_province(self, n: dict) -> None:
        canon = normalize(n["n"])
        sources = [self.legacy[i] for i in n["from"]]
        # A new province's legacy province: the one of the same name, else the first it was made of.
        legacy_of = next((s for s in sources if s == canon), None) or sources[0]
        short = normalize(n.get("s", canon))
        for surface in {canon, short}:
            bare = all(e.bare for e in self.surfaces.get(surface_key(surface), ()) if e.cat == "province")
            name = short if surface == canon and canon.startswith("Thành phố ") else None
            # Named in an article written after the merger, the province is the new one.
            self._add(surface, Entry("new_province", canon, name, canon, canon, bare=bare))
            self.provinces.setdefault(surface, (legacy_of, canon))
        for item in filter(None, n["w"].split("|")):
            self._add_commune(item, None, canon, canon, new=True)

    def _add_district(self, name: str, dtype: str, pi: int, ni: int, wards: str) -> None:
        name = normalize(name)
        province, p25 = self.legacy[pi], self.new[ni]
        entry = Entry("district", name, None, province, p25, dtype=dtype, bare=False)
        if name.startswith("Quận ") and name[5:].isdigit():
            self.numbered.setdefault(name, []).append(entry)
        else:
            self._add(name, entry)
        for item in filter(None, wards.split("|")):
            ward_p25 = p25
            if "@" in item:  # a ward that went to another new province than its district
                item, other = item.rsplit("@", 1)
                ward_p25 = self.new[int(other)]
            self._add_commune(item, name, province, ward_p25, new=False)

    def _add_world(self, cat: str, canon: str, spec: list | dict) -> None:
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
                self._add(form, Entry(cat, canon, None, listed=listed, not_before=not_before,
                                      after=after if form in only else (), country=country))

    def _add(self, surface: str, entry: Entry) -> None:
        bucket = self.surfaces.setdefault(surface_key(surface), [])
        if entry not in bucket:
            bucket.append(entry)

    def _add_commune(self, item: str, district: str | None, province: str, p25: str, new: bool) -> None:
        wtype, name = item[0], normalize(item[1:])
        self.communes.setdefault(surface_key(name), []).append(Commune(wtype, district, province, p25, new))


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


# --- the merger -------------------------------------------------------------------------------------------------

def as_date(when) -> dt.date | None:
    """A date from a date, a datetime or an ISO string (`2025-07-01`, `2025-07-01T08:00`, `2025-07`); else None."""
    if when is None or isinstance(when, dt.date):
        return when.date() if isinstance(when, dt.datetime) else when
    text = str(when).strip()
    try:
        if len(text) == 7:
            return dt.date.fromisoformat(text + "-01")
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def after_merger(when) -> bool:
    """Whether `when` (a date, or an ISO string) is on or after the merger of 1 July 2025; False when unknown."""
    date = as_date(when)
    return date is not None and date >= MERGER


def merger_table() -> dict[str, str]:
    """Each of the 63 legacy provinces -> the province (of 34) it lies in after the merger."""
    return dict(gazetteer().merger)


# --- unit words -------------------------------------------------------------------------------------------------

def _variants(word: str) -> set[str]:
    return {word, word[:1].upper() + word[1:], _title(word), word.upper()}


@cache
def unit_words() -> dict[str, str]:
    """Every written form of a unit word -> its level (`tỉnh`, `Tỉnh`, `TỈNH`, `Tỉnh Ủy` -> `province`;
    `TP.` -> `city`): the words of `countries.toml` [units] in each case, and the abbreviations as written."""
    units = load("countries.toml")["units"]
    forms: dict[str, str] = {}
    for level in LEVELS:
        for word in units[level]:
            for form in _variants(word) | _variants(word.replace("ủy", "Ủy")):
                forms[form] = level
    for level in ("city", "town"):
        for word in units[f"{level}_abbreviations"]:
            forms[word] = level
    return forms


@cache
def _strip_rx() -> tuple[re.Pattern[str], dict[str, str]]:
    words = load("countries.toml")["units"]["strip"]
    level_of = {form.lower(): level for form, level in unit_words().items()}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"^(?:(" + alternation + r")\s*)", re.IGNORECASE), {w: level_of[w] for w in words}


def strip_unit(name: str) -> tuple[str | None, str]:
    """(the level of the unit word a name starts with, or None; the name without it): `TP. Hồ Chí Minh` ->
    ("city", "Hồ Chí Minh"), `tỉnh Yên Bái` -> ("province", "Yên Bái"). The words are those of [units] `strip`,
    in any case; a party committee (`Tỉnh ủy`) is not taken off."""
    rx, level_of = _strip_rx()
    m = rx.match(name)
    if not m:
        return None, name
    return level_of[m.group(1).lower()], name[m.end():]


# --- lookups ----------------------------------------------------------------------------------------------------

def _district_info(districts: list[Entry], level: str | None) -> ProvinceInfo | None:
    """A district-level unit, when all the districts of that name lie in one province."""
    if len({(d.province, d.p25) for d in districts}) != 1:
        return None
    d = districts[0]
    kind = level if level in ("city", "town") else DTYPE_KIND[d.dtype]
    return ProvinceInfo(d.province, d.p25, kind)


def _commune_info(gaz: Gazetteer, name: str) -> ProvinceInfo | None:
    communes = gaz.communes.get(name, [])
    if communes and len({(c.province, c.p25) for c in communes}) == 1:
        c = communes[0]
        return ProvinceInfo(c.province, c.p25, commune_kind(c.wtype))
    return None


def province_info(name: str) -> ProvinceInfo | None:
    """(legacy province, province after 2025, kind) for a province, district-level unit, commune, country or
    foreign province name, with or without its unit word (`thành phố Phúc Yên` -> ("Vĩnh Phúc", "Phú Thọ", "city")).
    None when unknown, or when a name is shared by several provinces."""
    if not name:
        return None
    gaz = gazetteer()
    text = normalize(name).strip()
    numbered = gaz.numbered.get(text[:1].upper() + text[1:])
    if numbered:  # `Quận 1`
        return ProvinceInfo(numbered[0].province, numbered[0].p25, "district")
    level, text = strip_unit(text)
    entries = gaz.surfaces.get(surface_key(text), [])
    provinces = [e for e in entries if e.cat in ("province", "new_province")]
    districts = [e for e in entries if e.cat == "district"]
    if level in _LEVEL_DTYPES and districts:  # `thành phố Thái Nguyên`: the city, not the province
        districts = [d for d in districts if d.dtype in _LEVEL_DTYPES[level]] or districts
        provinces = []
    if level != "commune":
        if provinces:
            return ProvinceInfo(provinces[0].province, provinces[0].p25, "province")
        if districts:
            return _district_info(districts, level)
    found = _commune_info(gaz, text)
    if found:
        return found
    other = next((e for e in entries if e.cat in ("country", "international", "foreign_province", "region")), None)
    return ProvinceInfo(None, None, other.cat) if other else None


def province_2025(name: str) -> str | None:
    """The province after the merger of 1 July 2025 that a province or district-level unit lies in."""
    info = province_info(name)
    return info.province_2025 if info else None


def all_provinces() -> list[str]:
    """The 63 legacy and 34 new province names (canonical, no repeats): legacy first, then the new-only ones."""
    gaz = gazetteer()
    return list(dict.fromkeys(gaz.legacy + gaz.new))


def province_surfaces() -> dict[str, str]:
    """Every way the data knows to write a province (aliases included) -> its legacy canonical name."""
    return {surface: legacy for surface, (legacy, _) in gazetteer().provinces.items()}
