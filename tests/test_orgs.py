"""Organisations (`hoinghi.extract.orgs`): party, state and mass bodies by their head nouns, abbreviations expanded
(`UBND tỉnh X` -> `Ủy ban nhân dân tỉnh X`, the printed form kept), an abbreviation the text defines, and the traps
(`Hội nghị`, `Hội trường` are no organisations).

Every sentence here is written for the test in the style of Vietnamese official news; none is taken from a page.
"""

from __future__ import annotations

import pytest

from hoinghi.extract.orgs import OrgMatch, expand, find_organizations, kind_of
from hoinghi.text import normalize


def found(text: str) -> list[OrgMatch]:
    return find_organizations(normalize(text))


def orgs(text: str) -> list[tuple[str, str | None, str | None]]:
    """(name, kind, abbreviation) of every organisation, in order of first mention."""
    return [(om.org.name, om.org.kind, om.org.abbreviation) for om in found(text)]


def names(text: str) -> list[str]:
    return [om.org.name for om in found(text)]


# ---------------------------------------------------------------------------------------------------------------
# Central bodies, ministries, commissions

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thực hiện chủ trương của Bộ Chính trị, Ban Bí thư, các cấp ủy đã xây dựng kế hoạch.",
         [("Bộ Chính trị", "party", None), ("Ban Bí thư", "party", None)]),
        ("Bộ Chính trị, Ban Bí thư Trung ương Đảng tổ chức hội nghị toàn quốc.",
         [("Bộ Chính trị", "party", None), ("Ban Bí thư Trung ương Đảng", "party", None)]),
        ("Ban Chấp hành Trung ương đã thảo luận, cho ý kiến về nhiều nội dung quan trọng.",
         [("Ban Chấp hành Trung ương", "party", None)]),
        ("Bộ Ngoại giao phối hợp với Bộ Thông tin và Truyền thông hướng dẫn các địa phương.",
         [("Bộ Ngoại giao", "state", None), ("Bộ Thông tin và Truyền thông", "state", None)]),
        ("Bộ Kế hoạch và Đầu tư chủ trì thẩm định dự án.", [("Bộ Kế hoạch và Đầu tư", "state", None)]),
        ("Ban Tuyên giáo Trung ương hướng dẫn tuyên truyền kỷ niệm các ngày lễ lớn.",
         [("Ban Tuyên giáo Trung ương", "party", None)]),
        ("Ủy ban Kiểm tra Trung ương đã kết luận nhiều vụ việc.", [("Ủy ban Kiểm tra Trung ương", "party", None)]),
        ("Tỉnh ủy Quảng Trị đã ban hành kế hoạch thực hiện.", [("Tỉnh ủy Quảng Trị", "party", None)]),
        ("Sở Ngoại vụ tham mưu cho UBND tỉnh nhiều nội dung quan trọng.",
         [("Sở Ngoại vụ", "state", None), ("Ủy ban nhân dân tỉnh", "state", "UBND tỉnh")]),
        ("Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Ngoại vụ tổ chức hội nghị.",
         [("Ban Tuyên giáo Tỉnh ủy", "party", None), ("Sở Ngoại vụ", "state", None)]),
        ("Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội đã vào cuộc.",
         [("Mặt trận Tổ quốc Việt Nam", "mass", None)]),
        ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam biểu dương các điển hình.",
         [("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "mass", None)]),
        ("Liên hiệp các tổ chức hữu nghị Việt Nam đã tổ chức nhiều hoạt động giao lưu.",
         [("Liên hiệp các tổ chức hữu nghị Việt Nam", "mass", None)]),
        ("Học viện Ngoại giao phối hợp mở lớp bồi dưỡng kiến thức đối ngoại.",
         [("Học viện Ngoại giao", "academic", None)]),
    ],
)
def test_central_and_provincial_bodies(text, expected):
    assert orgs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh họp phiên thường kỳ quý II.",
         [("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", "steering", None)]),
        ("Ban Chỉ đạo 389 tỉnh triển khai đợt cao điểm chống buôn lậu.",
         [("Ban Chỉ đạo 389 tỉnh", "steering", None)]),
        ("Tỉnh đã kiện toàn Ban Chỉ đạo công tác hội nhập quốc tế tỉnh Kon Tum.",
         [("Ban Chỉ đạo công tác hội nhập quốc tế tỉnh Kon Tum", "steering", None)]),
    ],
)
def test_steering_committees(text, expected):
    assert orgs(text) == expected


def test_steering_committee_with_a_comma_in_its_name():
    assert names("Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh họp phiên thứ năm.") == [
        "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Tổ chức Trung ương, Ủy ban Kiểm tra Trung ương đã phối hợp thẩm định hồ sơ.",
         ["Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương"]),
        ("Ban Tổ chức Tỉnh ủy đã hoàn thành thẩm định nhân sự.", ["Ban Tổ chức Tỉnh ủy"]),
    ],
)
def test_organisation_commission(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Đối ngoại Trung ương và Ban Tuyên giáo Trung ương đã ban hành hướng dẫn.",
         ["Ban Đối ngoại Trung ương", "Ban Tuyên giáo Trung ương"]),
        ("Bộ Ngoại giao và Học viện Ngoại giao phối hợp mở lớp bồi dưỡng.",
         ["Bộ Ngoại giao", "Học viện Ngoại giao"]),
        ("Đại diện HĐND và MTTQ các huyện cùng dự.", ["Hội đồng nhân dân", "Mặt trận Tổ quốc các huyện"]),
    ],
)
def test_two_organisations_joined_by_and(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam gửi thư khen các tập thể.",
         ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
        ("Tỉnh ủy Quảng Trị họp phiên thường kỳ tháng 7.", ["Tỉnh ủy Quảng Trị"]),
        ("Các đồng chí Ủy viên BCH Trung ương Đảng dự hội nghị.", ["Ban Chấp hành Trung ương Đảng"]),
        ("UBND tỉnh Yên Bái chỉ đạo các sở triển khai ngay.", ["Ủy ban nhân dân tỉnh Yên Bái"]),
        ("Sở Ngoại vụ tham mưu cho UBND tỉnh Yên Bái nhiều nội dung.", ["Sở Ngoại vụ", "Ủy ban nhân dân tỉnh Yên Bái"]),
    ],
)
def test_word_after_a_capitalised_name(text, expected):
    assert names(text) == expected


# ---------------------------------------------------------------------------------------------------------------
# Abbreviations: expanded in `name`, kept as printed in `abbreviation`

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND tỉnh Sóc Trăng vừa ban hành quyết định thành lập tổ công tác.",
         [("Ủy ban nhân dân tỉnh Sóc Trăng", "state", "UBND tỉnh Sóc Trăng")]),
        ("HĐND tỉnh Kon Tum đã thông qua nghị quyết về phát triển du lịch.",
         [("Hội đồng nhân dân tỉnh Kon Tum", "state", "HĐND tỉnh Kon Tum")]),
        ("Ủy ban MTTQ tỉnh Bắc Kạn phát động phong trào thi đua.",
         [("Ủy ban Mặt trận Tổ quốc tỉnh Bắc Kạn", "mass", "Ủy ban MTTQ tỉnh Bắc Kạn")]),
        ("Các đồng chí ủy viên BCH Đảng bộ tỉnh, BTV Huyện ủy dự hội nghị.",
         [("Ban Chấp hành Đảng bộ tỉnh", "party", "BCH Đảng bộ tỉnh"),
          ("Ban Thường vụ Huyện ủy", "party", "BTV Huyện ủy")]),
        ("Văn phòng TƯ Đảng đã phối hợp thẩm định hồ sơ.",
         [("Văn phòng Trung ương Đảng", "party", "Văn phòng TƯ Đảng")]),
        ("Ban Đối ngoại TW đã có văn bản hướng dẫn.",
         [("Ban Đối ngoại Trung ương", "party", "Ban Đối ngoại TW")]),
        ("Tỉnh ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam tỉnh tổ chức lễ kỷ niệm.",
         [("Tỉnh ủy", "party", None), ("Hội đồng nhân dân", "state", "HĐND"), ("Ủy ban nhân dân", "state", "UBND"),
          ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "mass", "Ủy ban MTTQ Việt Nam tỉnh")]),
    ],
)
def test_abbreviations_expanded(text, expected):
    assert orgs(text) == expected


def test_organisation_spans_point_at_the_printed_form():
    text = normalize("Sở Ngoại vụ đã tham mưu cho UBND tỉnh Yên Bái về nhiều nội dung.")
    got = {om.org.name: [text[s:e] for s, e in om.spans] for om in find_organizations(text)}
    assert got == {"Sở Ngoại vụ": ["Sở Ngoại vụ"], "Ủy ban nhân dân tỉnh Yên Bái": ["UBND tỉnh Yên Bái"]}


def test_mentions_of_one_organisation_are_merged():
    text = normalize("UBND tỉnh Yên Bái đã chỉ đạo các sở. Ủy ban nhân dân tỉnh Yên Bái cũng yêu cầu báo cáo.")
    (om,) = find_organizations(text)
    assert om.org.name == "Ủy ban nhân dân tỉnh Yên Bái"
    assert [text[s:e] for s, e in om.spans] == ["UBND tỉnh Yên Bái", "Ủy ban nhân dân tỉnh Yên Bái"]


@pytest.mark.parametrize(
    ("printed", "expanded"),
    [
        ("UBND tỉnh Yên Bái", "Ủy ban nhân dân tỉnh Yên Bái"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("BCH Đảng bộ tỉnh", "Ban Chấp hành Đảng bộ tỉnh"),
        ("BTV Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("Ban Bí thư TƯ", "Ban Bí thư Trung ương"),
        ("Ban Tổ chức TW", "Ban Tổ chức Trung ương"),
        ("Sở TT-TT", "Sở Thông tin và Truyền thông"),
        # only whole words: an abbreviation inside a longer word is left alone
        ("UBNDtỉnh", "UBNDtỉnh"),
        ("TWO", "TWO"),
    ],
)
def test_expand(printed, expanded):
    assert expand(printed) == expanded


def test_expand_with_an_abbreviation_the_text_defined():
    assert expand("Ban Chỉ đạo TTĐN tỉnh", {"TTĐN": "Thông tin đối ngoại"}) == "Ban Chỉ đạo Thông tin đối ngoại tỉnh"


def test_expand_with_a_new_abbreviation():
    assert expand("Ban Chỉ đạo CCHC tỉnh", {"CCHC": "Cải cách hành chính"}) == \
        "Ban Chỉ đạo Cải cách hành chính tỉnh"


def test_abbreviation_defined_in_the_text():
    text = ("Tỉnh đã kiện toàn Ban Chỉ đạo công tác Thông tin đối ngoại (TTĐN) tỉnh Gia Lai. Thời gian tới, Ban Chỉ "
            "đạo TTĐN tỉnh sẽ tăng cường phối hợp với Sở Ngoại vụ.")
    assert orgs(text) == [
        # the definition `(TTĐN)` is dropped from the name
        ("Ban Chỉ đạo công tác Thông tin đối ngoại tỉnh Gia Lai", "steering", None),
        # the later mention uses the words the text gave, in the text's own case
        ("Ban Chỉ đạo Thông tin đối ngoại tỉnh", "steering", "Ban Chỉ đạo TTĐN tỉnh"),
        ("Sở Ngoại vụ", "state", None),
    ]


def test_new_abbreviation_defined_in_the_text():
    text = ("Tỉnh đã kiện toàn Ban Chỉ đạo Cải cách hành chính (CCHC) tỉnh Kon Tum. Ban Chỉ đạo CCHC tỉnh họp định "
            "kỳ hằng quý.")
    assert orgs(text) == [
        ("Ban Chỉ đạo Cải cách hành chính tỉnh Kon Tum", "steering", None),
        ("Ban Chỉ đạo Cải cách hành chính tỉnh", "steering", "Ban Chỉ đạo CCHC tỉnh"),
    ]


# ---------------------------------------------------------------------------------------------------------------
# Kinds

@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Bộ Chính trị", "party"),
        ("Ban Bí thư", "party"),
        ("Ban Chấp hành Trung ương Đảng", "party"),
        ("Tỉnh ủy Bình Dương", "party"),
        ("Ban Tuyên giáo Tỉnh ủy", "party"),
        ("Văn phòng Trung ương Đảng", "party"),
        ("Bộ Ngoại giao", "state"),
        ("Sở Ngoại vụ", "state"),
        ("Ủy ban nhân dân tỉnh Yên Bái", "state"),
        ("Mặt trận Tổ quốc Việt Nam", "mass"),
        ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "mass"),
        ("Liên hiệp các tổ chức hữu nghị Việt Nam", "mass"),
        ("Học viện Ngoại giao", "academic"),
        ("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", "steering"),
        ("Báo Nhân Dân", "media"),
        ("Liên Hợp quốc", "international"),
    ],
)
def test_kind_of(name, kind):
    assert kind_of(name) == kind


# ---------------------------------------------------------------------------------------------------------------
# Traps: events and halls are no organisations

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội nghị diễn ra trong một ngày với nhiều tham luận.", []),
        ("Hội thảo thu hút đông đảo nhà khoa học tham gia.", []),
        ("Hội trường Nhà văn hóa tỉnh chật kín đại biểu.", []),
        ("Hội nghị diễn ra tại Hội trường Tỉnh ủy.", ["Tỉnh ủy"]),
        ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 đã bế mạc.", ["Ban Chấp hành Đảng bộ tỉnh"]),
        ("Hội đàm diễn ra trong không khí hữu nghị.", []),
        ("Bộ trưởng nhấn mạnh vai trò của ngoại giao kinh tế.", []),
    ],
)
def test_events_and_halls_are_not_organisations(text, expected):
    assert names(text) == expected


def test_a_person_name_is_not_swallowed():
    text = normalize("Sở Ngoại vụ Nguyễn Văn An cho biết.")
    start = text.index("Nguyễn")
    got = find_organizations(text, [(start, start + len("Nguyễn Văn An"))])
    assert [om.org.name for om in got] == ["Sở Ngoại vụ"]
