#!/usr/bin/env python3
"""Build `src/hoinghi/lexicons/admin_units.json.gz` from the data shipped in the `vietnamadminunits` package.

    .venv/bin/python scripts/build_gazetteer.py [--check]

Sources (all inside the installed package, nothing typed by hand but the few aliases below):
- `data/dataset.db`, table `admin_units_legacy`: the 63 provinces, their district-level units and wards/communes
  before the merger of 1 July 2025 (as the package has them: the state just before the merger);
- `data/dataset.db`, table `admin_units`: the 34 provinces and the wards/communes/special zones after it;
- `data/converter_2025.json`: which new province (and ward) each legacy ward went to. A legacy district's
  `province_2025` is the new province most of its wards went to; a legacy province's is the new province most of
  its wards went to (in 2025 no province was split, so this is simply the one it merged into).

Output (gzip JSON, compact keys; every name passed through `hoinghi.text.normalize`):

    {"v": 1, "source": "vietnamadminunits 1.0.4",
     "P": [{"n": canonical name, "s": surface if it differs, "t": "t"|"tp" (tỉnh / thành phố),
            "p25": index into N, "a": [[alias, printed name or null], ...], "nb": [surfaces matched only after a
            unit word]}, ...],                        # 63 legacy provinces
     "N": [{"n": canonical name, "s": surface, "t": "t"|"tp", "from": [indexes into P],
            "w": "xName|pName|dName..."}, ...],        # 34 provinces from 2025, with their wards (x xã, p phường,
                                                        # d đặc khu)
     "D": [[name, type, index into P, index into N, "xName|pName|tName..."], ...]}
                                                        # legacy district-level units, type q quận, h huyện,
                                                        # x thị xã, t thành phố; wards x xã, p phường,
                                                        # t thị trấn; a ward that went to another new province
                                                        # than its district carries "@<index into N>"
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from hoinghi.text import normalize  # noqa: E402

OUT = ROOT / "src" / "hoinghi" / "lexicons" / "admin_units.json.gz"

# Canonical names where the package's short name is not the one the articles use.
# Legacy Huế: the package has the state of mid-2025 (`Thành phố Huế`, a centrally-run city since 1 January 2025);
# the articles of the years before call it `Thừa Thiên Huế`, which we keep as the legacy name.
LEGACY_NAME = {"Hồ Chí Minh": "Thành phố Hồ Chí Minh", "Huế": "Thừa Thiên Huế"}
NEW_NAME = {"Hồ Chí Minh": "Thành phố Hồ Chí Minh", "Huế": "Huế"}
# Surfaces that name the province only after a unit word (`TP. Hồ Chí Minh`); bare `Hồ Chí Minh` is the President
# (`Chủ tịch Hồ Chí Minh`, `tư tưởng Hồ Chí Minh`, `Học viện Chính trị quốc gia Hồ Chí Minh`).
NO_BARE = {"Hồ Chí Minh": ["Hồ Chí Minh", "HCM"]}
# Spelling variants and abbreviations printed in the pages: [alias, printed name] (None: the alias as printed).
ALIASES = {
    "Hồ Chí Minh": [["TP.HCM", "Hồ Chí Minh"], ["TPHCM", "Hồ Chí Minh"], ["TP.Hồ Chí Minh", "Hồ Chí Minh"],
                    ["Tp.HCM", "Hồ Chí Minh"], ["Sài Gòn", None]],
    "Huế": [["Thừa Thiên Huế", None], ["Thừa Thiên - Huế", None], ["Huế", None], ["TT-Huế", "Thừa Thiên Huế"],
            ["TT.Huế", "Thừa Thiên Huế"]],
    "Bà Rịa - Vũng Tàu": [["BR-VT", "Bà Rịa - Vũng Tàu"], ["Bà Rịa Vũng Tàu", None]],
    "Đắk Lắk": [["Đăk Lăk", None], ["Đắc Lắc", None], ["Đắk Lăk", None], ["Đăk Lắk", None], ["Đắklắk", None],
                ["Daklak", None]],
    "Đắk Nông": [["Đăk Nông", None], ["Đắc Nông", None], ["Đắknông", None]],
    "Kon Tum": [["Kontum", None], ["KonTum", None]],
    "Bắc Kạn": [["Bắc Cạn", None]],
}
DISTRICT_TYPE = {"Quận": "q", "Huyện": "h", "Thị xã": "x", "Thành phố": "t"}
WARD_TYPE = {"Xã": "x", "Phường": "p", "Thị trấn": "t", "Đặc khu": "d"}

# What tests/test_places.py checks too: the build refuses to write a file that gets these wrong.
EXPECTED = {
    "Yên Bái": "Lào Cai", "Bình Dương": "Thành phố Hồ Chí Minh", "Thái Nguyên": "Thái Nguyên", "Hà Nội": "Hà Nội",
    "Vĩnh Phúc": "Phú Thọ", "Bắc Kạn": "Thái Nguyên", "Hà Giang": "Tuyên Quang", "Quảng Bình": "Quảng Trị",
    "Thừa Thiên Huế": "Huế", "Thành phố Hồ Chí Minh": "Thành phố Hồ Chí Minh",
}


def package_dir() -> Path:
    """The installed package's folder, found without importing it (its modules load all its data at import)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("vietnamadminunits is not installed: pip install -e .")
    return Path(next(iter(spec.submodule_search_locations)))


def short_name(short: str) -> str:
    """A unit's name as the pages print it. The package tells apart two units of one name in one province with
    the type in brackets (`Cao Lãnh (Thành phố)`, `Yên Viên (Thị trấn)`): the type is kept apart, so drop it.
    Numbered units keep their unit word (`Quận 1`, `Phường 1`), as the package writes them."""
    return normalize(re.sub(r"\s*\([^)]*\)\s*$", "", short.strip()))


def build() -> dict:
    pkg = package_dir()
    db = sqlite3.connect(pkg / "data" / "dataset.db")
    db.row_factory = sqlite3.Row
    conv = json.loads((pkg / "data" / "converter_2025.json").read_text(encoding="utf-8"))

    # Legacy ward key (province_district_ward, as the converter writes it) -> new province key.
    ward_new_prov: dict[str, str] = {}
    for new_key, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for olds in wards.values():
            for old in olds:
                ward_new_prov[old] = new_key
    for new_key, divided in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old in divided:
            ward_new_prov.setdefault(old, new_key)

    # New provinces, in the package's order (by code).
    new_rows = db.execute(
        "SELECT provinceKey, provinceShort, province, wardShort, wardType, provinceCode, wardCode "
        "FROM admin_units ORDER BY provinceCode, wardCode").fetchall()
    new_keys: list[str] = []
    new_info: dict[str, dict] = {}
    for r in new_rows:
        key = r["provinceKey"]
        if key not in new_info:
            new_keys.append(key)
            short = normalize(r["provinceShort"])
            new_info[key] = {"n": normalize(NEW_NAME.get(short, short)), "s": short,
                             "t": "tp" if r["province"].startswith("Thành phố") else "t", "w": []}
        if r["wardShort"]:
            new_info[key]["w"].append(WARD_TYPE[r["wardType"]] + short_name(r["wardShort"]))
    new_index = {k: i for i, k in enumerate(new_keys)}

    legacy_rows = db.execute(
        "SELECT provinceKey, provinceShort, province, districtKey, districtShort, district, districtType, "
        "wardKey, wardShort, wardType, provinceCode, districtCode, wardCode "
        "FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode").fetchall()
    prov_keys: list[str] = []
    prov_info: dict[str, dict] = {}
    prov_votes: dict[str, Counter] = defaultdict(Counter)
    dist_keys: list[tuple[str, str]] = []
    dist_info: dict[tuple[str, str], dict] = {}
    dist_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in legacy_rows:
        pkey, dkey = r["provinceKey"], r["districtKey"]
        if pkey not in prov_info:
            prov_keys.append(pkey)
            short = normalize(r["provinceShort"])
            prov_info[pkey] = {"short": short, "t": "tp" if r["province"].startswith("Thành phố") else "t"}
        if (pkey, dkey) not in dist_info:
            dist_keys.append((pkey, dkey))
            dist_info[(pkey, dkey)] = {"n": short_name(r["districtShort"]),
                                       "t": DISTRICT_TYPE[r["districtType"]], "w": []}
        new_key = ward_new_prov[f"{pkey}_{dkey}_{r['wardKey'] or ''}"]
        prov_votes[pkey][new_key] += 1
        dist_votes[(pkey, dkey)][new_key] += 1
        if r["wardShort"]:
            dist_info[(pkey, dkey)]["w"].append((WARD_TYPE[r["wardType"]] + short_name(r["wardShort"]), new_key))

    # Legacy provinces.
    P = []
    prov_index = {k: i for i, k in enumerate(prov_keys)}
    for pkey in prov_keys:
        info = prov_info[pkey]
        short = info["short"]
        new_key = prov_votes[pkey].most_common(1)[0][0]
        # The converter's own province table must agree (no province was split in 2025).
        assert pkey in conv["DICT_PROVINCE"][new_key], (pkey, new_key)
        entry: dict = {"n": normalize(LEGACY_NAME.get(short, short)), "t": "t" if short == "Huế" else info["t"],
                       "p25": new_index[new_key]}
        if entry["n"] != short:
            entry["s"] = short
        if short in ALIASES:
            entry["a"] = [[normalize(a), normalize(p) if p else None] for a, p in ALIASES[short]]
        if short in NO_BARE:
            entry["nb"] = [normalize(s) for s in NO_BARE[short]]
        P.append(entry)

    N = []
    for key in new_keys:
        info = new_info[key]
        sources = [prov_index[k] for k in conv["DICT_PROVINCE"][key]]
        entry = {"n": info["n"], "t": info["t"], "from": sorted(sources), "w": "|".join(info["w"])}
        if info["s"] != info["n"]:
            entry["s"] = info["s"]
        N.append(entry)

    D = []
    for pkey, dkey in dist_keys:
        info = dist_info[(pkey, dkey)]
        new_key = dist_votes[(pkey, dkey)].most_common(1)[0][0]
        wards = [w if nk == new_key else f"{w}@{new_index[nk]}" for w, nk in info["w"]]
        D.append([info["n"], info["t"], prov_index[pkey], new_index[new_key], "|".join(wards)])

    version = metadata.version("vietnamadminunits")
    return {"v": 1, "source": f"vietnamadminunits {version}", "P": P, "N": N, "D": D}


def check(data: dict) -> None:
    P, N, D = data["P"], data["N"], data["D"]
    assert len(P) == 63, len(P)
    assert len(N) == 34, len(N)
    by_name = {p["n"]: N[p["p25"]]["n"] for p in P}
    for legacy, new in EXPECTED.items():
        assert by_name[legacy] == new, (legacy, by_name[legacy], new)
    phuc_yen = [d for d in D if d[0] == "Phúc Yên"]
    assert len(phuc_yen) == 1 and P[phuc_yen[0][2]]["n"] == "Vĩnh Phúc" and N[phuc_yen[0][3]]["n"] == "Phú Thọ"
    assert "Thành phố Hồ Chí Minh" in {n["n"] for n in N}
    assert len(D) > 690, len(D)
    wards = sum(len(d[4].split("|")) for d in D if d[4])
    assert wards > 10000, wards


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="build in memory and compare with the file on disk")
    args = parser.parse_args(argv)
    data = build()
    check(data)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if args.check:
        current = json.loads(gzip.decompress(OUT.read_bytes()))
        if current != json.loads(raw):
            print(f"{OUT} is out of date: run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        print(f"{OUT.name} is up to date")
        return 0
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    wards = sum(len(d[4].split("|")) for d in data["D"] if d[4])
    new_wards = sum(len(n["w"].split("|")) for n in data["N"])
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['P'])} legacy provinces, {len(data['N'])} new provinces, "
          f"{len(data['D'])} districts, {wards} legacy wards, {new_wards} new wards; "
          f"{len(raw)} bytes raw, {OUT.stat().st_size} gzipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
