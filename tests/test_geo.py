"""hoinghi.geo: province lookup before and after the 2025 merger, the merger table, unit-word stripping."""

from __future__ import annotations

import datetime as dt

import pytest

from hoinghi import geo
from hoinghi.extract import places
from hoinghi.geo import (
    MERGER,
    ProvinceInfo,
    after_merger,
    all_provinces,
    merger_table,
    province_2025,
    province_info,
    province_surfaces,
    strip_unit,
    unit_words,
)


def test_lookup_returns_named_fields_and_still_indexes_as_a_tuple():
    info = province_info("Yên Bái")
    assert isinstance(info, ProvinceInfo)
    assert (info.province, info.province_2025, info.kind) == ("Yên Bái", "Lào Cai", "province")
    assert info[0] == "Yên Bái" and info[1] == "Lào Cai" and info[2] == "province"
    assert info == ("Yên Bái", "Lào Cai", "province")


def test_old_and_new_names():
    # A legacy province merged away, and the new province it went into.
    assert province_info("Hà Giang") == ("Hà Giang", "Tuyên Quang", "province")
    assert province_info("Tuyên Quang") == ("Tuyên Quang", "Tuyên Quang", "province")
    # A new name that no legacy province had: its legacy province is the one of that name it was made from.
    assert province_info("Huế") == ("Thừa Thiên Huế", "Huế", "province")
    assert province_info("Thừa Thiên Huế").province_2025 == "Huế"
    # Aliases of a province.
    assert province_info("TP.HCM") == ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "province")


def test_a_merged_province():
    assert province_2025("Bình Dương") == "Thành phố Hồ Chí Minh"
    assert province_2025("Bà Rịa - Vũng Tàu") == "Thành phố Hồ Chí Minh"
    table = merger_table()
    assert len(table) == 63 and len(set(table.values())) == 34
    assert [old for old, new in table.items() if new == "Phú Thọ"] == ["Hòa Bình", "Phú Thọ", "Vĩnh Phúc"]
    assert table["Yên Bái"] == "Lào Cai" and table["Hà Nội"] == "Hà Nội"


def test_a_district_and_the_unit_word_before_it():
    assert province_info("Văn Yên") == ("Yên Bái", "Lào Cai", "district")
    assert province_info("Phúc Yên") == ("Vĩnh Phúc", "Phú Thọ", "city")
    assert province_info("Quận 1") == ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "district")
    # `thành phố` prefers the city over the province of the same name; `tỉnh` keeps the province.
    assert province_info("thành phố Thái Nguyên") == ("Thái Nguyên", "Thái Nguyên", "city")
    assert province_info("tỉnh Thái Nguyên") == ("Thái Nguyên", "Thái Nguyên", "province")
    assert province_info("Châu Thành") is None  # a district name shared by several provinces
    # A commune unit word: the ward of that name (created in 2025), not the province.
    assert province_info("phường Yên Bái") == ("Lào Cai", "Lào Cai", "ward")


def test_other_kinds_and_unknown_names():
    assert province_info("Lào") == (None, None, "country")
    assert province_info("Khăm Muộn") == (None, None, "foreign_province")
    assert province_info("Tây Nguyên") == (None, None, "region")
    assert province_info("Không Có") is None
    assert province_info("") is None


@pytest.mark.parametrize(("name", "level", "rest"), [
    ("TP. Hồ Chí Minh", "city", "Hồ Chí Minh"),
    ("TP.Hồ Chí Minh", "city", "Hồ Chí Minh"),
    ("tỉnh Yên Bái", "province", "Yên Bái"),
    ("Tỉnh Yên Bái", "province", "Yên Bái"),
    ("Thành phố Huế", "city", "Huế"),
    ("THÀNH PHỐ Huế", "city", "Huế"),
    ("TX. Nghĩa Lộ", "town", "Nghĩa Lộ"),
    ("huyện Văn Yên", "district", "Văn Yên"),
    ("Thủ đô Hà Nội", "capital", "Hà Nội"),
    ("phường Hồng Hà", "commune", "Hồng Hà"),
    ("Yên Bái", None, "Yên Bái"),
    ("Tỉnh ủy Yên Bái", "province", "ủy Yên Bái"),  # a committee is not taken off whole: `ủy` stays
    ("Tân Thành", None, "Tân Thành"),  # no unit word, though it starts with the letters of `tân`
])
def test_strip_unit(name, level, rest):
    assert strip_unit(name) == (level, rest)


def test_stripped_names_are_looked_up():
    assert province_info("TP. Hồ Chí Minh") == ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "province")
    assert province_info("Thành phố Huế").province_2025 == "Huế"
    assert province_info("tỉnh Yên Bái") == ("Yên Bái", "Lào Cai", "province")


def test_unit_words_come_from_the_lexicon_in_every_case():
    words = unit_words()
    assert words["tỉnh"] == words["Tỉnh"] == words["TỈNH"] == words["Tỉnh Ủy"] == "province"
    assert words["TP."] == words["Thành ủy"] == "city"
    assert words["điểm cầu"] == "bridge" and words["đặc khu"] == "commune"
    assert "tp" not in words  # abbreviations are matched only as written


def test_the_merger_date():
    assert MERGER.isoformat() == geo.MERGER_DAY == "2025-07-01"
    assert after_merger(MERGER) and not after_merger(MERGER - dt.timedelta(days=1))
    assert after_merger("2025-07-01") and after_merger(dt.datetime(2025, 8, 1, 9)) and after_merger("2025-09")
    assert not after_merger("2025-06-30") and not after_merger(None) and not after_merger("not a date")


def test_all_provinces_and_surfaces():
    provinces = all_provinces()
    assert len(provinces) == 64 and provinces[:63] == list(merger_table())
    assert province_surfaces()["TP.HCM"] == "Thành phố Hồ Chí Minh"


def test_places_re_exports_geo():
    assert places.province_info is province_info and places.province_2025 is province_2025
    assert places.all_provinces is all_provinces and places.province_surfaces is province_surfaces
