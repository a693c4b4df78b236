"""Place recognition: the gazetteer built from `vietnamadminunits`, the countries lexicon, and `find_places`."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import time
from pathlib import Path

import pytest

from hoinghi.extract.places import (
    PlaceMatch,
    all_provinces,
    dedupe,
    find_places,
    province_2025,
    province_info,
    province_surfaces,
)
from hoinghi.lexicons import load, path
from hoinghi.model import Place
from hoinghi.text import normalize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def found(text: str, **kw) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.place.name, m.place.kind, m.place.province, m.place.province_2025)
            for m in find_places(normalize(text), **kw)]


def names(text: str, **kw) -> list[str]:
    return [m.place.name for m in find_places(normalize(text), **kw)]


# --- the data ---------------------------------------------------------------------------------------------------

def test_admin_units_file_is_small_and_complete():
    assert path("admin_units.json.gz").read_bytes()[:2] == b"\x1f\x8b"
    assert len(path("admin_units.json.gz").read_bytes()) < 150_000
    data = load("admin_units.json.gz")
    assert len(data["P"]) == 63
    assert len(data["N"]) == 34
    assert len(data["D"]) > 690
    assert sum(len(d[4].split("|")) for d in data["D"] if d[4]) > 10_000
    assert "Thành phố Hồ Chí Minh" in [n["n"] for n in data["N"]]


def test_admin_units_file_is_what_the_script_builds():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = json.loads(json.dumps(module.build(), ensure_ascii=False))
    assert built == json.loads(gzip.decompress(path("admin_units.json.gz").read_bytes()))


@pytest.mark.parametrize(("name", "new"), [
    ("Yên Bái", "Lào Cai"),
    ("Bình Dương", "Thành phố Hồ Chí Minh"),
    ("Thái Nguyên", "Thái Nguyên"),
    ("Hà Nội", "Hà Nội"),
    ("Phúc Yên", "Phú Thọ"),
    ("Vĩnh Phúc", "Phú Thọ"),
    ("Bắc Kạn", "Thái Nguyên"),
    ("Hà Giang", "Tuyên Quang"),
    ("Quảng Bình", "Quảng Trị"),
    ("Thừa Thiên Huế", "Huế"),
    ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
    ("TP.HCM", "Thành phố Hồ Chí Minh"),
    ("tỉnh Hòa Bình", "Phú Thọ"),
    ("Quận 1", "Thành phố Hồ Chí Minh"),
])
def test_province_2025(name, new):
    assert province_2025(name) == new


def test_province_info():
    assert province_info("Yên Bái") == ("Yên Bái", "Lào Cai", "province")
    assert province_info("Phúc Yên") == ("Vĩnh Phúc", "Phú Thọ", "city")
    assert province_info("thành phố Thái Nguyên") == ("Thái Nguyên", "Thái Nguyên", "city")
    assert province_info("Thái Nguyên") == ("Thái Nguyên", "Thái Nguyên", "province")
    assert province_info("Văn Yên") == ("Yên Bái", "Lào Cai", "district")
    assert province_info("Huế") == ("Thừa Thiên Huế", "Huế", "province")
    assert province_info("Nga") == (None, None, "country")
    assert province_info("Khăm Muộn") == (None, None, "foreign_province")
    assert province_info("Châu Thành") is None  # ten districts of that name
    assert province_info("Không Có") is None


def test_all_provinces():
    provinces = all_provinces()
    assert len(provinces) == len(set(provinces)) == 64  # 63 legacy + `Huế`, the only new name not among them
    for name in ("Yên Bái", "Thừa Thiên Huế", "Huế", "Thành phố Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "Hà Nội"):
        assert name in provinces
    assert province_surfaces()["TP.HCM"] == "Thành phố Hồ Chí Minh"


def test_countries_lexicon():
    world = load("countries.toml")
    assert len(world["country"]) >= 120
    assert world["country"]["Việt Nam"]["listed"] is False
    for body in ("Liên Hợp quốc", "ASEAN", "Liên minh châu Âu", "APEC", "WTO"):
        assert body in world["international"]
    for province in ("Khăm Muộn", "Xiêng Khoảng", "Hủa Phăn", "Viêng Chăn", "Quảng Tây", "Vân Nam", "Sê Kông"):
        assert world["foreign_province"][province]["country"]


# --- provinces --------------------------------------------------------------------------------------------------

def test_province_bare_and_with_unit_words():
    text = ("Sáng 13/9, Ban Thường vụ Tỉnh ủy Yên Bái tổ chức hội nghị. Tỉnh Yên Bái và tỉnh Lào Cai ký kết; "
            "đại biểu Thủ đô Hà Nội và TP. Hồ Chí Minh dự.")
    assert found(text) == [
        ("Yên Bái", "province", "Yên Bái", "Lào Cai"),
        ("Yên Bái", "province", "Yên Bái", "Lào Cai"),
        ("Lào Cai", "province", "Lào Cai", "Lào Cai"),
        ("Hà Nội", "province", "Hà Nội", "Hà Nội"),
        ("Hồ Chí Minh", "province", "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ]


@pytest.mark.parametrize("text", [
    "Đoàn công tác của TP.HCM", "Đoàn công tác của TP. Hồ Chí Minh", "Đoàn công tác của TPHCM",
    "Đoàn công tác của Thành phố Hồ Chí Minh", "Đoàn công tác của thành phố Hồ Chí Minh",
    "Đoàn công tác của TP HCM", "Đoàn công tác của Sài Gòn",
])
def test_hcmc_aliases(text):
    (place,) = [m.place for m in find_places(normalize(text))]
    assert place.kind == "province"
    assert place.province == place.province_2025 == "Thành phố Hồ Chí Minh"
    # an abbreviation is kept as printed, the unit's name beside it; a name printed in full is the name
    printed = text.removeprefix("Đoàn công tác của ")
    if "Hồ Chí Minh" in printed or printed == "Sài Gòn":
        assert place.name in ("Hồ Chí Minh", "Sài Gòn") and place.canonical is None
    else:
        assert (place.name, place.canonical) == (printed.removeprefix("TP "), "Hồ Chí Minh")  # `TP ` is a unit word


def test_ho_chi_minh_the_president_is_not_a_place():
    assert names("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; Lăng Chủ tịch Hồ Chí Minh; "
                 "Học viện Chính trị quốc gia Hồ Chí Minh.") == []


def test_hue_forms():
    assert found("Tỉnh ủy Thừa Thiên Huế, Thừa Thiên - Huế và Cố đô Huế") == [
        ("Thừa Thiên Huế", "province", "Thừa Thiên Huế", "Huế"),
        ("Thừa Thiên - Huế", "province", "Thừa Thiên Huế", "Huế"),
        ("Huế", "province", "Thừa Thiên Huế", "Huế"),
    ]


def test_province_and_its_capital_city():
    text = "Hội nghị tại thành phố Thái Nguyên, tỉnh Thái Nguyên; Thành ủy Thái Nguyên; Thái Nguyên phát triển."
    assert [(p[1], p[2]) for p in found(text)] == [
        ("city", "Thái Nguyên"), ("province", "Thái Nguyên"), ("city", "Thái Nguyên"), ("province", "Thái Nguyên")]
    assert found("TP. Yên Bái và TP.Lào Cai") == [
        ("Yên Bái", "city", "Yên Bái", "Lào Cai"), ("Lào Cai", "city", "Lào Cai", "Lào Cai")]


def test_peace_is_not_hoa_binh():
    assert names("Việt Nam mong muốn hòa bình, ổn định. Hòa bình là khát vọng.") == []
    assert found("Đoàn đại biểu tỉnh Hòa Bình") == [("Hòa Bình", "province", "Hòa Bình", "Phú Thọ")]
    assert names("Đoàn đại biểu Hòa Bình thăm Lào") == ["Hòa Bình", "Lào"]


def test_regions_and_seas_are_not_places():
    text = ("tình hình Biển Đông; các tỉnh Tây Nguyên, Nam Bộ và Đông Nam Bộ; khu vực Đông Nam Á, "
            "Châu Á - Thái Bình Dương, Ấn Độ Dương; Vụ Tây Âu và Bắc Mỹ; các nước Mỹ Latinh.")
    assert names(text) == []


def test_former_provinces_are_not_current_ones():
    assert names("tỉnh Hà Tây cũ, tỉnh Hà Nam Ninh, tỉnh Nghệ Tĩnh") == []


def test_person_names_are_not_places():
    # Without skip spans: surname or middle name before the place name.
    assert names("Phó Thủ tướng Lê Hòa Bình; Bộ trưởng Nguyễn Thái Bình; bà Nguyễn Thị Nga") == []
    # Personal titles before a single syllable.
    assert names("Bà Nga cho biết, chị Huế và ông Đức đều đồng tình.") == []


def test_skip_spans():
    text = normalize("Đồng chí Phạm Bình Minh và Thứ trưởng Nguyễn Phương Nga làm việc với Nga.")
    skip = [(text.index("Phạm Bình Minh"), text.index("Phạm Bình Minh") + 14),
            (text.index("Nguyễn Phương Nga"), text.index("Nguyễn Phương Nga") + 17)]
    matches = find_places(text, skip=skip)
    assert [(m.place.name, m.start) for m in matches] == [("Nga", text.rindex("Nga"))]
    # Skip spans also hide what would be found inside them.
    assert find_places(normalize("tỉnh Yên Bái"), skip=[(5, 12)]) == []


def test_organisation_names_still_name_their_place():
    assert names("Báo Yên Bái, Đài Phát thanh - Truyền hình Hà Nội, Trường Đại học Thái Nguyên, Hội Nông dân "
                 "Lào Cai") == ["Yên Bái", "Hà Nội", "Thái Nguyên", "Lào Cai"]


# --- districts ------------------------------------------------------------------------------------------------

def test_districts_need_a_unit_word():
    text = "Đoàn làm việc tại huyện Văn Yên, thị xã Nghĩa Lộ và TX. Phú Thọ; Văn Yên là huyện vùng cao."
    assert found(text) == [
        ("Văn Yên", "district", "Yên Bái", "Lào Cai"),
        ("Nghĩa Lộ", "town", "Yên Bái", "Lào Cai"),
        ("Phú Thọ", "town", "Phú Thọ", "Phú Thọ"),
    ]


def test_party_committees_and_bridge_points_name_districts():
    text = ("Dự tại điểm cầu Phúc Yên có đồng chí Bí thư Thành ủy Phúc Yên; Huyện ủy Trấn Yên và Quận ủy Ba Đình; "
            "UBND huyện Lục Yên.")
    assert found(text) == [
        ("Phúc Yên", "city", "Vĩnh Phúc", "Phú Thọ"),
        ("Phúc Yên", "city", "Vĩnh Phúc", "Phú Thọ"),
        ("Trấn Yên", "district", "Yên Bái", "Lào Cai"),
        ("Ba Đình", "district", "Hà Nội", "Hà Nội"),
        ("Lục Yên", "district", "Yên Bái", "Lào Cai"),
    ]


def test_tai_is_not_enough_for_a_district():
    assert names("Hội nghị tổ chức tại Phúc Yên và tại Văn Yên") == []
    assert names("Hội nghị tổ chức tại Yên Bái") == ["Yên Bái"]


def test_lists_after_a_unit_word():
    assert found("các huyện: Văn Yên, Trấn Yên và Lục Yên") == [
        ("Văn Yên", "district", "Yên Bái", "Lào Cai"),
        ("Trấn Yên", "district", "Yên Bái", "Lào Cai"),
        ("Lục Yên", "district", "Yên Bái", "Lào Cai"),
    ]
    # Address style: the province after the district stays a province.
    assert found("huyện Văn Chấn, Yên Bái") == [
        ("Văn Chấn", "district", "Yên Bái", "Lào Cai"), ("Yên Bái", "province", "Yên Bái", "Lào Cai")]


def test_longest_name_wins():
    # `Điện Biên Phủ` (a city) hides the province `Điện Biên`; `Nga Sơn` (a district) hides `Nga`.
    assert names("Kỷ niệm Chiến thắng Điện Biên Phủ; đoàn đến Nga Sơn") == []
    assert found("huyện Nga Sơn, tỉnh Điện Biên") == [
        ("Nga Sơn", "district", "Thanh Hóa", "Thanh Hóa"), ("Điện Biên", "province", "Điện Biên", "Điện Biên")]


def test_shared_district_names_resolve_by_context():
    assert found("huyện Châu Thành, tỉnh Tiền Giang")[0] == ("Châu Thành", "district", "Tiền Giang", "Đồng Tháp")
    assert found("huyện Châu Thành", context_province="Bến Tre")[0] == (
        "Châu Thành", "district", "Bến Tre", "Vĩnh Long")
    assert found("huyện Châu Thành") == [("Châu Thành", "district", None, None)]
    # `thành phố Hòa Bình` is the city; `huyện Hòa Bình` the district of Bạc Liêu.
    assert found("thành phố Hòa Bình")[0][1:3] == ("city", "Hòa Bình")
    assert found("huyện Hòa Bình")[0][1:3] == ("district", "Bạc Liêu")


def test_numbered_districts():
    assert found("tại Quận 1 và quận 3, TP.HCM") == [
        ("Quận 1", "district", "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Quận 3", "district", "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("TP.HCM", "province", "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ]


# --- communes ---------------------------------------------------------------------------------------------------

def test_communes_only_after_their_unit_word():
    text = "Đoàn thăm xã Tân Thịnh, huyện Văn Chấn, tỉnh Yên Bái và phường Hồng Hà; Tân Thịnh đổi mới."
    assert found(text) == [
        ("Tân Thịnh", "commune", "Yên Bái", "Lào Cai"),
        ("Văn Chấn", "district", "Yên Bái", "Lào Cai"),
        ("Yên Bái", "province", "Yên Bái", "Lào Cai"),
        ("Hồng Hà", "ward", "Yên Bái", "Lào Cai"),
    ]


def test_commune_context_province():
    assert found("xã Tân Thịnh", context_province="Yên Bái") == [("Tân Thịnh", "commune", "Yên Bái", "Lào Cai")]
    assert found("xã Tân Thịnh", context_province="Thái Nguyên")[0][2] == "Thái Nguyên"
    assert found("xã Tân Thịnh")[0][2] is None  # several provinces have one


def test_unknown_commune_is_nothing():
    assert names("xã Không Có Tên") == []
    # Not a province either when a commune unit word stands before it.
    assert names("phường Pháp Vân") == []


def test_xa_hoi_and_thi_xa_are_not_communes():
    assert found("kinh tế - xã hội Thái Nguyên; Xã hội hóa; thị xã Nghĩa Lộ") == [
        ("Thái Nguyên", "province", "Thái Nguyên", "Thái Nguyên"), ("Nghĩa Lộ", "town", "Yên Bái", "Lào Cai")]


def test_post_merger_communes_with_when():
    # Wards created on 1 July 2025 exist only in the new list.
    assert found("tại phường Hoàn Kiếm", when=dt.date(2025, 8, 1)) == [("Hoàn Kiếm", "ward", "Hà Nội", "Hà Nội")]
    assert found("tại phường Thành Vinh, tỉnh Nghệ An", when="2025-10-03")[0] == (
        "Thành Vinh", "ward", "Nghệ An", "Nghệ An")
    # A province named in an article after the merger is the new province.
    assert found("tỉnh Lào Cai", when="2025-09") == [("Lào Cai", "province", "Lào Cai", "Lào Cai")]
    assert found("Huế", when=dt.date(2025, 7, 2)) == [("Huế", "province", "Huế", "Huế")]
    assert found("Huế", when=dt.date(2024, 7, 2)) == [("Huế", "province", "Thừa Thiên Huế", "Huế")]


# --- countries, international bodies, foreign provinces --------------------------------------------------------

def test_countries():
    text = ("chuyến thăm Việt Nam của nguyên thủ các nước: Trung Quốc, Hoa Kỳ, Nga; quan hệ với Lào, Campuchia, "
            "Nhật Bản, Hàn Quốc, Triều Tiên, Ấn Độ, Pháp, Đức, Ukraine, Cuba, Singapore, Thái Lan và Mỹ.")
    assert names(text) == ["Trung Quốc", "Hoa Kỳ", "Nga", "Lào", "Campuchia", "Nhật Bản", "Hàn Quốc", "Triều Tiên",
                           "Ấn Độ", "Pháp", "Đức", "Ukraine", "Cuba", "Singapore", "Thái Lan", "Mỹ"]
    assert {p[1] for p in found(text)} == {"country"}


def test_viet_nam_is_never_listed():
    assert names("Việt Nam, Cộng hòa xã hội chủ nghĩa Việt Nam") == []


def test_anh_only_in_context():
    assert names("Anh Tuấn cho biết; anh em; Vương quốc Anh; nước Anh; Thủ tướng Anh") == [
        "Vương quốc Anh", "Anh", "Anh"]


def test_single_syllable_countries_and_common_words():
    assert names("Pháp luật quy định. Ý kiến bạn đọc. Áo dài truyền thống. Mỹ thuật.") == []
    assert names("Tổng thống Nga Vladimir Putin, Tổng thống Mỹ Joe Biden; Liên bang Nga") == [
        "Nga", "Mỹ", "Liên bang Nga"]
    assert names("xung đột Nga-Ukraine; quan hệ Việt - Lào") == ["Nga", "Ukraine", "Lào"]


def test_international_bodies():
    text = "Phái đoàn tại Liên Hợp quốc; ASEAN, EU, Liên minh châu Âu, APEC và WTO"
    assert found(text) == [(n, "international", None, None)
                           for n in ("Liên Hợp quốc", "ASEAN", "EU", "Liên minh châu Âu", "APEC", "WTO")]


def test_foreign_provinces():
    text = ("Hà Tĩnh – Khăm Muộn; tỉnh Xiêng Khoảng (Lào); Hủa Phăn, Thủ đô Viêng Chăn, Luông Pha Băng, "
            "Chăm Pa Sắc, Sê Kông, Attapeu, Savannakhet; Khu tự trị dân tộc Choang Quảng Tây, tỉnh Vân Nam")
    matches = find_places(normalize(text))
    foreign = [(m.place.name, m.country) for m in matches if m.place.kind == "foreign_province"]
    assert foreign == [("Khăm Muộn", "Lào"), ("Xiêng Khoảng", "Lào"), ("Hủa Phăn", "Lào"), ("Viêng Chăn", "Lào"),
                       ("Luông Pha Băng", "Lào"), ("Chăm Pa Sắc", "Lào"), ("Sê Kông", "Lào"), ("Attapeu", "Lào"),
                       ("Savannakhet", "Lào"), ("Khu tự trị dân tộc Choang Quảng Tây", "Trung Quốc"),
                       ("Vân Nam", "Trung Quốc")]
    assert [m.place.name for m in matches if m.place.kind != "foreign_province"] == ["Hà Tĩnh", "Lào"]


# --- spans, dedupe, the seeds -----------------------------------------------------------------------------------

def test_match_spans_point_into_the_text():
    text = normalize("Ngày 6/8, Ban Thường vụ Tỉnh ủy Yên Bái và TP.HCM")
    for m in find_places(text):
        assert isinstance(m, PlaceMatch)
        assert text[m.start:m.end] == m.text
    assert [m.text for m in find_places(text)] == ["Yên Bái", "TP.HCM"]


def test_each_match_says_how_it_was_found():
    text = normalize("tỉnh Yên Bái, Lào Cai; huyện Văn Yên, Trấn Yên; xã Tân Thịnh; Quận 1; điểm cầu Phúc Yên; "
                     "Hoa Kỳ, ASEAN; tỉnh Khăm Muộn; Hủa Phăn")
    assert [(m.text, m.rule) for m in find_places(text)] == [
        ("Yên Bái", "province after unit word"),
        ("Lào Cai", "province in a list after a unit word"),
        ("Văn Yên", "district after unit word"),
        ("Trấn Yên", "district after unit word"),
        ("Tân Thịnh", "commune after unit word"),
        ("Quận 1", "numbered district after quận"),
        ("Phúc Yên", "district at a bridge point"),
        ("Hoa Kỳ", "country lexicon"),
        ("ASEAN", "international lexicon"),
        ("Khăm Muộn", "foreign province after unit word"),
        ("Hủa Phăn", "foreign province"),
    ]
    assert find_places(normalize("Hội nghị tại Yên Bái"))[0].rule == "gazetteer: province"
    assert "rule" not in Place.__dataclass_fields__  # the rule stays out of the output


def test_dedupe_keeps_first_of_each_place():
    text = "Mỹ và Hoa Kỳ; TP.HCM, Thành phố Hồ Chí Minh; Thái Nguyên, thành phố Thái Nguyên, tỉnh Thái Nguyên"
    assert dedupe(find_places(normalize(text))) == [
        Place("Mỹ", "country"),
        Place("TP.HCM", "province", "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        Place("Thái Nguyên", "province", "Thái Nguyên", "Thái Nguyên"),
        Place("Thái Nguyên", "city", "Thái Nguyên", "Thái Nguyên"),
    ]


def _gold() -> dict[str, list[dict]]:
    gold = next((p for p in (SEEDS.parent / "seeds.gold.jsonl", SEEDS / "gold.jsonl") if p.exists()), None)
    if gold is None:
        pytest.skip("no gold answers for the seeds")
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row["places"] for row in rows}


@pytest.mark.parametrize("seed", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_seed_places_match_gold(seed):
    text = normalize((SEEDS / f"{seed}.txt").read_text(encoding="utf-8"))
    places = [p for p in dedupe(find_places(text)) if p.kind != "international"]
    gold = [Place(**g) for g in _gold()[seed]]
    assert sorted(places, key=lambda p: p.name) == sorted(gold, key=lambda p: p.name)


def test_speed_on_seeds():
    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    find_places(texts[0])  # load once
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for text in texts:
            find_places(text)
    per_call = (time.perf_counter() - start) / (rounds * len(texts))
    assert per_call < 0.003  # ~0.15 ms on a developer machine; generous for a loaded CI


def test_provinces_abroad_are_kept_apart_from_places():
    from hoinghi.pipeline import extract

    art = extract(text="Bình Dương tiếp đoàn tỉnh Khăm Muộn\nSáng 6/12, lãnh đạo tỉnh Bình Dương tiếp đoàn tỉnh Khăm "
                       "Muộn (Lào) sang thăm và làm việc.")
    assert [p.name for p in art.places] == ["Bình Dương", "Lào"]
    assert [p.name for p in art.foreign_places] == ["Khăm Muộn"]
    assert {m.text for m in art.mentions if m.type == "foreign_place"} == {"Khăm Muộn"}
