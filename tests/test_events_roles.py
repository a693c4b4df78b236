"""Chairs and bridge points of an event (`hoinghi.extract.events`, run through `hoinghi.pipeline.extract`): chairs
listed after `dưới sự chủ trì của` and `Tham dự và chủ trì …, có`, a bridge point's own chair; bridge points named
`Đầu cầu`, counted per province (`Tại tỉnh X có N điểm cầu`), a ministry as a site, a sentence opened by `Điểm cầu`.

Every page here is a short page written for the test in the style of Vietnamese official news; none is taken from
a real page.
"""

from __future__ import annotations

import pytest

from hoinghi.model import Event
from hoinghi.pipeline import extract


def event(page: str, date: str | None = None) -> Event:
    art = extract(text=page.strip() + "\n", date=date)
    assert art.events, f"no event in {art.title!r}"
    return art.events[0]


def page(title: str, *paragraphs: str) -> str:
    return "\n\n".join([title, *paragraphs])


def points(ev: Event) -> list[tuple]:
    return [(bp.place, bp.chairs, bp.attendees) for bp in ev.bridge_points]


# ---------------------------------------------------------------------------------------------------------------
# Chairs

def test_under_chair_of_one_and_the_others_listed():
    ev = event(page(
        "Hội nghị quán triệt Kết luận số 57-KL/TW",
        "Sáng 14-12, Ban Thường vụ Tỉnh ủy Sơn La tổ chức Hội nghị trực tuyến quán triệt Kết luận số 57-KL/TW dưới "
        "sự chủ trì của đồng chí Hoàng Văn Chất, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy và các đồng chí: Nguyễn "
        "Thái Hưng, Phó Bí thư Thường trực Tỉnh ủy; Lò Minh Hùng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
        "Hội nghị đã nghe báo cáo viên trình bày nội dung kết luận."), date="2024-12-15")
    assert ev.chairs == ["Hoàng Văn Chất", "Nguyễn Thái Hưng", "Lò Minh Hùng"]


def test_under_chair_of_one_alone_still_one():
    ev = event(page(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị dưới sự chủ trì của đồng chí Hoàng Văn Chất, Bí thư Tỉnh ủy. "
        "Dự hội nghị có đồng chí Nguyễn Thái Hưng, Phó Bí thư Thường trực Tỉnh ủy."), date="2024-03-02")
    assert ev.chairs == ["Hoàng Văn Chất"]


def test_attended_and_chaired_by_a_list():
    ev = event(page(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20",
        "Sáng 5-7, Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh tổ chức Hội nghị lần thứ 20.",
        "Tham dự và chủ trì Hội nghị, có đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; đồng "
        "chí Trần Thế Dũng - Phó Bí thư Thường trực Tỉnh ủy."), date="2024-07-06")
    assert ev.chairs == ["Hoàng Trung Dũng", "Trần Thế Dũng"]


def test_a_bridge_points_chair_is_not_the_events():
    ev = event(page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết theo hình thức trực "
        "tuyến.",
        "Điểm cầu tỉnh Hà Giang do đồng chí Đặng Quốc Khánh, Bí thư Tỉnh ủy chủ trì."), date="2023-11-16")
    assert ev.chairs == []
    assert points(ev) == [("Hà Giang", ["Đặng Quốc Khánh"], [])]


# ---------------------------------------------------------------------------------------------------------------
# Bridge points

def test_dau_cau_is_a_bridge_point():
    ev = event(page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết theo hình thức trực "
        "tuyến.",
        "Tại đầu cầu tỉnh Lào Cai, đồng chí Vàng Seo Lử, Phó Bí thư Tỉnh ủy chủ trì."), date="2023-11-16")
    assert points(ev) == [("Lào Cai", ["Vàng Seo Lử"], [])]
    assert ev.chairs == []


def test_province_with_a_count_of_bridge_points():
    ev = event(page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết theo hình thức trực "
        "tuyến.",
        "Tại tỉnh Bình Phước có 120 điểm cầu với hơn 6.000 đảng viên tham dự."), date="2023-11-16")
    assert ev.bridge_point_count == 120
    assert points(ev) == [("Bình Phước", [], [])]


def test_a_ministry_as_a_bridge_point():
    ev = event(page(
        "Hội nghị toàn quốc triển khai công tác đối ngoại",
        "Sáng 14-12, Ban Đối ngoại Trung ương tổ chức hội nghị toàn quốc triển khai công tác đối ngoại theo hình "
        "thức trực tuyến.",
        "Tại điểm cầu Bộ Ngoại giao, đồng chí Bùi Thanh Sơn, Bộ trưởng Bộ Ngoại giao chủ trì."), date="2022-12-15")
    assert points(ev) == [("Bộ Ngoại giao", ["Bùi Thanh Sơn"], [])]
    assert ev.chairs == []


def test_a_sentence_opened_by_diem_cau():
    ev = event(page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết theo hình thức trực "
        "tuyến.",
        "Điểm cầu tỉnh Yên Bái có đồng chí Ngô Thị Hạnh, Phó Chủ tịch UBND tỉnh cùng lãnh đạo các sở, ngành."),
        date="2023-11-16")
    assert points(ev) == [("Yên Bái", [], ["Ngô Thị Hạnh"])]


def test_no_bridge_point_without_a_site():
    ev = event(page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết theo hình thức trực "
        "tuyến đến các điểm cầu trong cả nước."), date="2023-11-16")
    assert ev.bridge_points == []


def test_under_chair_of_two_and_no_attendee_after():
    ev = event(page(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị dưới sự chủ trì của đồng chí Hoàng Văn Chất, Bí thư Tỉnh ủy và "
        "đồng chí Lò Minh Hùng, Chủ tịch UBND tỉnh, cùng dự có đồng chí Nguyễn Thái Hưng."), date="2024-03-02")
    assert ev.chairs == ["Hoàng Văn Chất", "Lò Minh Hùng"]


def test_a_chair_verb_inside_its_sentence_takes_no_list_after_co():
    ev = event(page(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị. Đồng chí Hoàng Văn Chất, Bí thư Tỉnh ủy chủ trì hội nghị, có "
        "sự tham dự của đồng chí Lò Minh Hùng, Chủ tịch UBND tỉnh."), date="2024-03-02")
    assert ev.chairs == ["Hoàng Văn Chất"]


def test_a_unit_as_a_site_ends_before_its_people():
    ev = event(page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết theo hình thức trực "
        "tuyến.",
        "Điểm cầu Bộ Quốc phòng do Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng chủ trì."), date="2023-11-16")
    assert points(ev) == [("Bộ Quốc phòng", ["Phan Văn Giang"], [])]
    assert ev.chairs == []


def test_a_count_of_points_in_another_province_names_no_site():
    ev = event(page(
        "Tỉnh ủy Đồng Nai quán triệt nghị quyết",
        "Sáng 15-11, Tỉnh ủy Đồng Nai tổ chức hội nghị quán triệt nghị quyết theo hình thức trực tuyến. Đồng Nai "
        "là tỉnh đầu tiên hoàn thành việc quán triệt.",
        "Trước đó, tại tỉnh Bình Phước có 120 điểm cầu tham gia hội nghị tương tự."), date="2023-11-16")
    assert ev.bridge_points == []


def test_reasons_for_the_new_chairs_and_bridge_points():
    from hoinghi.model import Page
    from hoinghi.pipeline import explain

    text = page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết theo hình thức trực "
        "tuyến dưới sự chủ trì của đồng chí Trương Văn Thành, Thường trực Ban Bí thư và các đồng chí: Phạm Quang "
        "Vinh, Trưởng ban Tuyên giáo Trung ương; Lê Minh Hòa, Chánh Văn phòng Trung ương Đảng.",
        "Tại tỉnh Bình Phước có 120 điểm cầu với hơn 6.000 đảng viên tham dự.",
        "Tại đầu cầu Bộ Ngoại giao, đồng chí Bùi Thanh Sơn, Bộ trưởng Bộ Ngoại giao chủ trì.") + "\n"
    doc = explain(Page(id=None, url=None, text=text, html=None, date="2023-11-16"))
    why = [(field, reason) for i, field, reason in doc.why if i == 0]
    assert ("chairs", "after 'chủ trì', then the others chairing with the first in sentence 1: Trương Văn Thành, "
            "Phạm Quang Vinh, Lê Minh Hòa") in why
    assert ("bridge_points", "'Tại tỉnh Bình Phước có 120 điểm cầu' in sentence 3: Bình Phước") in why
    assert ("bridge_points", "'Tại đầu cầu Bộ Ngoại giao' in sentence 4: Bộ Ngoại giao") in why
    assert doc.article.events[0].bridge_point_count == 120


def test_dau_cau_as_a_gateway_is_no_bridge_point():
    ev = event(page(
        "Hội nghị xúc tiến thương mại tỉnh Lào Cai",
        "Sáng 15-11, UBND tỉnh Lào Cai tổ chức hội nghị xúc tiến thương mại. Lào Cai là đầu cầu kết nối Việt Nam "
        "với Trung Quốc."), date="2023-11-16")
    assert ev.bridge_points == []


def test_a_list_of_others_needs_its_colon():
    ev = event(page(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị dưới sự chủ trì của đồng chí Hoàng Văn Chất, Bí thư Tỉnh ủy và "
        "các đồng chí trong Ban Thường vụ Tỉnh ủy; đồng chí Nguyễn Thái Hưng, Giám đốc Sở Nội vụ báo cáo."),
        date="2024-03-02")
    assert ev.chairs == ["Hoàng Văn Chất"]


# ---------------------------------------------------------------------------------------------------------------
# A chair verb opening its sentence; another occasion's chairs

@pytest.mark.parametrize("sentence, chairs", [
    ("Chủ trì hội nghị, đồng chí Hoàng Trung Dũng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy.", ["Hoàng Trung Dũng"]),
    ("Chủ trì hội nghị, đồng chí Hoàng Trung Dũng - Bí thư Tỉnh ủy; đồng chí Võ Trọng Hải - Phó Bí thư Tỉnh ủy, Chủ "
     "tịch UBND tỉnh. Dự hội nghị có đồng chí Trần Thế Dũng, Phó Bí thư Thường trực Tỉnh ủy.",
     ["Hoàng Trung Dũng", "Võ Trọng Hải"]),
    ("Chủ trì hội nghị, các đồng chí: Hoàng Trung Dũng, Bí thư Tỉnh ủy; Võ Trọng Hải, Chủ tịch UBND tỉnh.",
     ["Hoàng Trung Dũng", "Võ Trọng Hải"]),
    ("Chủ trì Hội nghị là đồng chí Hoàng Trung Dũng, Bí thư Tỉnh ủy và đồng chí Võ Trọng Hải, Chủ tịch UBND tỉnh.",
     ["Hoàng Trung Dũng", "Võ Trọng Hải"]),
    ("Cùng dự và chủ trì hội nghị, đồng chí Hoàng Trung Dũng, Bí thư Tỉnh ủy.", ["Hoàng Trung Dũng"]),
    # the list ends where other words follow a chair's positions: the one named in what he said is none
    ("Chủ trì hội nghị, đồng chí Hoàng Trung Dũng, Bí thư Tỉnh ủy nhấn mạnh vai trò của đồng chí Võ Trọng Hải.",
     ["Hoàng Trung Dũng"]),
])
def test_chairs_after_a_chair_verb_opening_the_sentence(sentence, chairs):
    ev = event(page(
        "Tỉnh ủy Hà Tĩnh sơ kết công tác 6 tháng đầu năm",
        "Chiều 5-7, Ban Thường vụ Tỉnh ủy Hà Tĩnh tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024. " + sentence),
        date="2024-07-06")
    assert ev.chairs == chairs


def test_a_banquet_after_talks_has_chairs_of_its_own():
    art = extract(text=page(
        "Tổng Bí thư, Chủ tịch nước hội đàm với Tổng Bí thư, Chủ tịch nước Trung Quốc",
        "Chiều 19-8, tại Bắc Kinh, Tổng Bí thư, Chủ tịch nước Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước Trung "
        "Quốc Tập Cận Bình.",
        "Tối cùng ngày, Thủ tướng Quốc vụ viện Lý Cường chủ trì tiệc chiêu đãi Tổng Bí thư, Chủ tịch nước Tô Lâm "
        "và Đoàn đại biểu cấp cao Việt Nam.") + "\n", date="2024-08-20")
    talks, banquet = art.events
    assert (talks.kind, talks.chairs) == ("hội đàm", [])
    assert (banquet.kind, banquet.chairs) == ("chiêu đãi", ["Lý Cường"])
    assert (banquet.date, banquet.part_of_day) == ("2024-08-19", "tối")


def test_a_press_conference_is_no_other_occasion_when_it_is_the_event():
    ev = event(page(
        "Họp báo công bố kết quả Đại hội",
        "Chiều 16-10, Ban Tuyên giáo Tỉnh ủy tổ chức họp báo công bố kết quả Đại hội. Đồng chí Nguyễn Văn Hùng, "
        "Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì họp báo."), date="2025-10-17")
    assert (ev.kind, ev.chairs) == ("họp báo", ["Nguyễn Văn Hùng"])
