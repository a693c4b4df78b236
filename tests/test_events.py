"""Events (`hoinghi.extract.events.build_events`, run through `hoinghi.pipeline.extract`): the kind and name from the
headline or the lead, the larger event and the theme, the date resolved against the published date, part of day,
mode, venue and city, organizers, chairs, speakers, bridge points, attendance, and the documents the event studied.

Every page here is a short page written for the test in the style of Vietnamese official news; none is taken from
a real page.
"""

from __future__ import annotations

import pytest

from hoinghi.model import Article, Event
from hoinghi.pipeline import extract


def run(page: str, date: str | None = None) -> tuple[Article, Event]:
    art = extract(text=page.strip() + "\n", date=date)
    assert art.events, f"no event in {art.title!r}"
    return art, art.events[0]


def event(page: str, date: str | None = None) -> Event:
    return run(page, date)[1]


def page(title: str, *paragraphs: str) -> str:
    return "\n\n".join([title, *paragraphs])


# ---------------------------------------------------------------------------------------------------------------
# Kind and name

@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        (page("Hội nghị quán triệt Nghị quyết Trung ương 4 khóa XIII",
              "Sáng 14-12, Tỉnh ủy Bình Dương tổ chức hội nghị quán triệt nghị quyết."),
         "hội nghị", "Hội nghị quán triệt Nghị quyết Trung ương 4 khóa XIII"),
        (page("Khai mạc Hội thảo khoa học về ngoại giao văn hóa",
              "Chiều 3/7, Học viện Ngoại giao tổ chức hội thảo."),
         "hội thảo", "Hội thảo khoa học về ngoại giao văn hóa"),
        (page("Khai mạc Kỳ họp thứ 20 HĐND tỉnh khóa XVII",
              "Sáng 18/10, HĐND tỉnh Quảng Ngãi khai mạc kỳ họp."),
         "kỳ họp", "Kỳ họp thứ 20 HĐND tỉnh khóa XVII"),
        (page("Đại hội đại biểu Đảng bộ xã Tân Lập lần thứ XV",
              "Ngày 15/10, Đảng bộ xã Tân Lập long trọng tổ chức đại hội."),
         "đại hội", "Đại hội đại biểu Đảng bộ xã Tân Lập lần thứ XV"),
        # the headline names no event: the name comes from the lead, after `tổ chức`
        (page("Bình Dương quán triệt nghị quyết mới của Trung ương",
              "Sáng 14-10, Tỉnh ủy Bình Dương tổ chức Hội nghị học tập, quán triệt Nghị quyết Hội nghị lần thứ mười "
              "Ban Chấp hành Trung ương Đảng khóa XIII theo hình thức trực tuyến."),
         "hội nghị", "Hội nghị học tập, quán triệt Nghị quyết Hội nghị lần thứ mười Ban Chấp hành Trung ương Đảng "
                     "khóa XIII"),
    ],
)
def test_kind_and_name(text, kind, name):
    ev = event(text, date="2024-10-20")
    assert (ev.kind, ev.name) == (kind, name)


def test_parent_and_theme():
    ev = event(page(
        "Hội thảo quốc tế về hợp tác địa phương",
        "Sáng 22/4, trong khuôn khổ Diễn đàn hợp tác địa phương Việt Nam - Lào lần thứ 3, Liên hiệp các tổ chức hữu "
        "nghị Việt Nam tổ chức Hội thảo quốc tế về hợp tác địa phương với chủ đề: “Chung tay vì sự phát triển bền "
        "vững” tại Trung tâm Hội nghị Quốc gia, thành phố Hà Nội."), date="2023-04-23")
    assert ev.parent == "Diễn đàn hợp tác địa phương Việt Nam - Lào lần thứ 3"
    assert ev.theme == "Chung tay vì sự phát triển bền vững"
    assert (ev.venue, ev.city) == ("Trung tâm Hội nghị Quốc gia", "Hà Nội")


def test_no_parent_no_theme():
    ev = event(page("Hội nghị sơ kết công tác đối ngoại",
                    "Sáng 12/7, Sở Ngoại vụ tỉnh Điện Biên tổ chức hội nghị sơ kết công tác đối ngoại."),
               date="2023-07-14")
    assert (ev.parent, ev.theme) == (None, None)


# ---------------------------------------------------------------------------------------------------------------
# Date and part of day, resolved against the published date

@pytest.mark.parametrize(
    ("lead", "published", "date", "part_of_day"),
    [
        ("Sáng 14-12, Tỉnh ủy Bình Dương tổ chức hội nghị báo cáo viên.", "2021-12-20", "2021-12-14", "sáng"),
        ("Chiều ngày 03/7, Tỉnh ủy Bình Dương tổ chức hội nghị báo cáo viên.", "2024-07-03", "2024-07-03", "chiều"),
        ("Ngày 05/6, Tỉnh ủy Bình Dương tổ chức hội nghị báo cáo viên.", "2024-06-07", "2024-06-05", None),
        ("Tối 20/11, Tỉnh ủy Bình Dương tổ chức hội nghị báo cáo viên.", "2022-11-21", "2022-11-20", "tối"),
        # across a new year the past is preferred
        ("Chiều 28/12, Tỉnh ủy Bình Dương tổ chức hội nghị báo cáo viên.", "2025-01-03", "2024-12-28", "chiều"),
        ("Sáng 2/1, Tỉnh ủy Bình Dương tổ chức hội nghị báo cáo viên.", "2025-01-03", "2025-01-02", "sáng"),
        # a date with its year needs no base
        ("Ngày 15/11/2023, Tỉnh ủy Bình Dương tổ chức hội nghị báo cáo viên.", None, "2023-11-15", None),
    ],
)
def test_event_date(lead, published, date, part_of_day):
    ev = event(page("Hội nghị báo cáo viên", lead), date=published)
    assert (ev.date, ev.part_of_day) == (date, part_of_day)


def test_event_date_against_the_date_printed_on_the_page():
    art, ev = run(page("Hội nghị quán triệt nghị quyết của Tỉnh ủy", "Cập nhật: 16-12-2021 | 09:12:05",
                       "Sáng 14-12, Tỉnh ủy Bình Dương tổ chức hội nghị quán triệt nghị quyết."))
    assert art.published == "2021-12-16T09:12:05+07:00"
    assert (ev.date, ev.part_of_day) == ("2021-12-14", "sáng")


def test_no_date_at_all():
    ev = event(page("Hội nghị sơ kết công tác đối ngoại",
                    "Sáng 12/7, Sở Ngoại vụ tỉnh Điện Biên tổ chức hội nghị sơ kết công tác đối ngoại."))
    assert ev.date is None
    assert ev.part_of_day == "sáng"  # known without the year


def test_date_from_a_year_in_the_text():
    ev = event(page("Hội nghị sơ kết công tác đối ngoại 6 tháng đầu năm 2023",
                    "Sáng 12/7, Ban Chỉ đạo công tác đối ngoại tỉnh Điện Biên tổ chức hội nghị sơ kết công tác đối "
                    "ngoại 6 tháng đầu năm 2023."))
    assert (ev.date, ev.part_of_day) == ("2023-07-12", "sáng")


def test_date_against_a_month_precision_page_date():
    ev = event(page("Hội nghị sơ kết công tác đối ngoại",
                    "Sáng 12/7, Sở Ngoại vụ tỉnh Điện Biên tổ chức hội nghị sơ kết công tác đối ngoại."),
               date="2023-07")
    assert ev.date == "2023-07-12"


# ---------------------------------------------------------------------------------------------------------------
# Mode

@pytest.mark.parametrize(
    ("lead", "mode"),
    [
        ("Sáng 9/12, Học viện Ngoại giao tổ chức hội thảo theo hình thức trực tiếp kết hợp trực tuyến.", "hybrid"),
        ("Sáng 9/12, Học viện Ngoại giao tổ chức hội thảo theo hình thức trực tiếp và trực tuyến.", "hybrid"),
        ("Sáng 9/12, Học viện Ngoại giao tổ chức hội thảo trực tuyến với các chuyên gia.", "online"),
        ("Sáng 9/12, Học viện Ngoại giao tổ chức hội thảo tại Hà Nội.", "in_person"),
        # sites linked up, with no word for how
        ("Sáng 9/11, tại điểm cầu Bộ Chỉ huy Quân sự tỉnh, UBND tỉnh tổ chức hội thảo về quốc phòng.", "online"),
        # said further down, with `hình thức` left out
        ("Sáng 9/12, Học viện Ngoại giao tổ chức hội thảo. Hội thảo được tổ chức theo hình trực tuyến.", "online"),
    ],
)
def test_mode(lead, mode):
    assert event(page("Hội thảo khoa học về ngoại giao kinh tế", lead), date="2022-12-15").mode == mode


# ---------------------------------------------------------------------------------------------------------------
# Venue and city

def test_venue_and_city():
    ev = event(page(
        "Hội nghị triển khai nhiệm vụ công tác đối ngoại năm 2023",
        "Sáng 14-12, tại Hội trường Diên Hồng, Nhà Quốc hội, Thủ đô Hà Nội, Ban Đối ngoại Trung ương tổ chức Hội "
        "nghị triển khai nhiệm vụ công tác đối ngoại năm 2023."), date="2022-12-15")
    assert ev.venue == "Hội trường Diên Hồng, Nhà Quốc hội"
    assert ev.city == "Hà Nội"


def test_city_of_a_provincial_event_in_person():
    ev = event(page("Hội nghị Ban Chấp hành Đảng bộ tỉnh",
                    "Sáng 1/3, Tỉnh ủy Sơn La tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15."),
               date="2024-03-02")
    assert (ev.mode, ev.venue, ev.city) == ("in_person", None, "Sơn La")


# ---------------------------------------------------------------------------------------------------------------
# Organizers

@pytest.mark.parametrize(
    ("lead", "organizers"),
    [
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị báo cáo viên.", ["Tỉnh ủy Sơn La"]),
        ("Sáng 1/3, Bộ Chính trị, Ban Bí thư Trung ương Đảng tổ chức hội nghị toàn quốc.",
         ["Bộ Chính trị", "Ban Bí thư Trung ương Đảng"]),
        ("Ngày 5/6, Ban Chỉ đạo công tác đối ngoại tỉnh, Sở Ngoại vụ tổ chức hội nghị sơ kết.",
         ["Ban Chỉ đạo công tác đối ngoại tỉnh", "Sở Ngoại vụ"]),
        ("Sáng 1/3, Tỉnh ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam tỉnh tổ chức lễ kỷ niệm.",
         ["Tỉnh ủy", "HĐND", "UBND", "Ủy ban MTTQ Việt Nam tỉnh"]),
        # `do X tổ chức`; the body inside a person's position (`UBND tỉnh`) is not an organizer
        ("Sáng 1/3, đồng chí Hà Văn Bình, Phó Chủ tịch UBND tỉnh dự hội nghị do Sở Ngoại vụ tổ chức.",
         ["Sở Ngoại vụ"]),
        ("Sáng 1/3, hội nghị báo cáo viên đã diễn ra tại Hà Nội.", []),
        # the body whose seat is the venue did not hold it
        ("Chiều 11/10, tại Trụ sở Bộ Ngoại giao, Ban Chỉ đạo công tác thông tin đối ngoại tổ chức hội nghị.",
         ["Ban Chỉ đạo công tác thông tin đối ngoại"]),
        ("Ngày 9-4, tại Hội trường Tỉnh ủy, Ban Thường vụ Tỉnh ủy tổ chức hội nghị báo cáo viên.",
         ["Ban Thường vụ Tỉnh ủy"]),
        ("Sáng 1/3, tại Hội trường Diên Hồng – Nhà Quốc hội, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc.",
         ["Bộ Chính trị", "Ban Bí thư"]),
        # `khai mạc`, with the body's term between it and the verb
        ("Sáng 1/3, HĐND tỉnh Yên Bái khóa XIX, nhiệm kỳ 2021-2026 đã khai mạc Kỳ họp thứ 12.", ["HĐND tỉnh Yên Bái"]),
        # `tiến hành`, `tiếp tục` a sitting of the event
        ("Chiều 5/4, Ban Chấp hành (BCH) Đảng bộ tỉnh tiếp tục phiên họp hội nghị thảo luận nhiệm vụ quý II.",
         ["Ban Chấp hành Đảng bộ tỉnh"]),
        ("Sáng 5/4, HĐND tỉnh tiến hành kỳ họp chuyên đề.", ["HĐND tỉnh"]),
        # an abbreviation the text defines stands between the body and the verb
        ("Chiều 26/4, Đoàn đại biểu Quốc hội (ĐBQH) tỉnh đã tổ chức hội nghị tiếp xúc cử tri.",
         ["Đoàn đại biểu Quốc hội tỉnh"]),
    ],
)
def test_organizers(lead, organizers):
    assert event(page("Hội nghị báo cáo viên", lead), date="2024-03-02").organizers == organizers


def test_organizers_joined_by_and():
    ev = event(page("Hội thảo khoa học về ngoại giao văn hóa",
                    "Chiều 3/7, Bộ Ngoại giao và Học viện Ngoại giao tổ chức Hội thảo khoa học về ngoại giao văn "
                    "hóa."), date="2024-07-05")
    assert ev.organizers == ["Bộ Ngoại giao", "Học viện Ngoại giao"]


def test_organizer_whose_name_contains_to_chuc():
    ev = event(page("Hội thảo quốc tế về hợp tác địa phương",
                    "Sáng 22/4, Liên hiệp các tổ chức hữu nghị Việt Nam tổ chức Hội thảo quốc tế về hợp tác địa "
                    "phương."), date="2023-04-23")
    assert ev.organizers == ["Liên hiệp các tổ chức hữu nghị Việt Nam"]


# ---------------------------------------------------------------------------------------------------------------
# Chairs

@pytest.mark.parametrize(
    ("lead", "chairs"),
    [
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị. Đồng chí Hoàng Văn Chất, Bí thư Tỉnh ủy chủ trì hội nghị.",
         ["Hoàng Văn Chất"]),
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị. Đồng chí Hoàng Văn Chất, Bí thư Tỉnh ủy và đồng chí Nguyễn "
         "Thái Hưng, Phó Bí thư Thường trực Tỉnh ủy đồng chủ trì hội nghị.", ["Hoàng Văn Chất", "Nguyễn Thái Hưng"]),
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị dưới sự chủ trì của đồng chí Hoàng Văn Chất, Bí thư Tỉnh ủy.",
         ["Hoàng Văn Chất"]),
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị. Tổng Bí thư Trần Đức Lương chủ trì và chỉ đạo hội nghị.",
         ["Trần Đức Lương"]),
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị. Đồng chí Hoàng Văn Chất phát biểu khai mạc.", []),
        # a list whose items `;` closes, then the verb
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị. Các đồng chí: Hoàng Văn Chất, Bí thư Tỉnh ủy; Nguyễn Thái "
         "Hưng, Phó Bí thư Thường trực Tỉnh ủy; Lò Minh Hùng, Chủ tịch UBND tỉnh chủ trì hội nghị.",
         ["Hoàng Văn Chất", "Nguyễn Thái Hưng", "Lò Minh Hùng"]),
        # a long title between the name and the verb
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị. Đồng chí Hoàng Văn Chất, Ủy viên Trung ương Đảng, Bí thư Tỉnh "
         "ủy, Trưởng Ban Chỉ đạo xây dựng Đề án “Tổng kết 10 năm thực hiện Nghị quyết số 22-NQ/TW ngày 10/4/2013 của "
         "Bộ Chính trị về hội nhập quốc tế” chủ trì hội nghị.", ["Hoàng Văn Chất"]),
        # the verb, then the list
        ("Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị. Đồng chủ trì có các đồng chí: Hoàng Văn Chất - Bí thư Tỉnh "
         "ủy; Lò Minh Hùng - Chủ tịch UBND tỉnh. Hội nghị đã nghe báo cáo.", ["Hoàng Văn Chất", "Lò Minh Hùng"]),
    ],
)
def test_chairs(lead, chairs):
    assert event(page("Hội nghị Ban Chấp hành Đảng bộ tỉnh", lead), date="2024-03-02").chairs == chairs


def test_chair_after_sentence_initial_duoi_su_chu_tri():
    ev = event(page("Hội nghị sơ kết công tác đối ngoại",
                    "Ngày 05/6, Ban Chỉ đạo công tác đối ngoại tỉnh Bắc Giang tổ chức Hội nghị sơ kết công tác đối "
                    "ngoại. Dưới sự chủ trì của đồng chí Phan Đức Long, Phó Chủ tịch UBND tỉnh, hội nghị đã đánh giá "
                    "kết quả."), date="2024-06-07")
    assert ev.chairs == ["Phan Đức Long"]


# ---------------------------------------------------------------------------------------------------------------
# Speakers

@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("Đồng chí Trương Thị Hạnh, Giám đốc Sở Ngoại vụ phát biểu tham luận.", ["Trương Thị Hạnh"]),
        ("Đồng chí Trương Thị Hạnh, Giám đốc Sở Ngoại vụ trình bày báo cáo tóm tắt.", ["Trương Thị Hạnh"]),
        ("Tại hội nghị, Tiến sĩ Lục Minh Châu, Phó Viện trưởng Viện Chiến lược thông tin chuyên đề về tình hình "
         "thế giới.", ["Lục Minh Châu"]),
        ("Đồng chí Trương Thị Hạnh, Giám đốc Sở Ngoại vụ báo cáo kết quả công tác đối ngoại.", ["Trương Thị Hạnh"]),
        ("Đồng chí Trương Thị Hạnh kết luận hội nghị.", ["Trương Thị Hạnh"]),
        ("Phát biểu tại hội nghị, đồng chí Trương Thị Hạnh, Giám đốc Sở Ngoại vụ nhấn mạnh yêu cầu đổi mới.",
         ["Trương Thị Hạnh"]),
        ("Hội nghị đã nghe đồng chí Trương Thị Hạnh, Giám đốc Sở Ngoại vụ báo cáo chuyên đề.", ["Trương Thị Hạnh"]),
        ("Đồng chí Trương Thị Hạnh, Giám đốc Sở Ngoại vụ dự hội nghị.", []),
    ],
)
def test_speakers(sentence, speakers):
    ev = event(page("Hội nghị tổng kết công tác đối ngoại",
                    "Sáng 20/12, Tỉnh ủy Cà Mau tổ chức hội nghị tổng kết công tác đối ngoại năm 2023.", sentence),
               date="2023-12-21")
    assert ev.speakers == speakers


def test_speaker_named_by_a_title_that_refers_back():
    ev = event(page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết. Tổng Bí thư Trần Đức "
        "Lương chủ trì hội nghị.",
        "Phát biểu bế mạc hội nghị, Tổng Bí thư nhấn mạnh yêu cầu nghiên cứu kỹ các nghị quyết. Hội nghị đã nghe "
        "đồng chí Phạm Quang Vinh, Trưởng ban Tuyên giáo Trung ương trình bày chuyên đề."), date="2023-11-16")
    assert ev.chairs == ["Trần Đức Lương"]
    assert ev.speakers == ["Trần Đức Lương", "Phạm Quang Vinh"]


# ---------------------------------------------------------------------------------------------------------------
# Bridge points

def test_bridge_point_with_attendees_listed_after_co():
    ev = event(page(
        "Hội nghị toàn quốc quán triệt nghị quyết",
        "Sáng 15-11, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc quán triệt nghị quyết theo hình thức trực "
        "tiếp kết hợp trực tuyến.",
        "Tại điểm cầu Tỉnh ủy Bình Dương có: đồng chí Trịnh Hồng Sơn, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; "
        "đồng chí Lê Thị Ngọc, Phó Bí thư Thường trực Tỉnh ủy cùng các đồng chí trong Ban Thường vụ Tỉnh ủy."),
        date="2023-11-16")
    assert [(bp.place, bp.chairs, bp.attendees) for bp in ev.bridge_points] == [
        ("Bình Dương", [], ["Trịnh Hồng Sơn", "Lê Thị Ngọc"])]
    assert ev.chairs == []


def test_bridge_point_chairs_and_attendees():
    ev = event(page(
        "Hội nghị triển khai nhiệm vụ công tác đối ngoại năm 2023",
        "Sáng 14-12, Ban Đối ngoại Trung ương tổ chức hội nghị triển khai nhiệm vụ công tác đối ngoại năm 2023 theo "
        "hình thức trực tuyến tới 63 điểm cầu trong cả nước.",
        "Tại điểm cầu tỉnh Lào Cai, đồng chí Vàng Seo Lử, Phó Bí thư Tỉnh ủy chủ trì, cùng dự có đồng chí Hoàng "
        "Quốc Bảo, Giám đốc Sở Ngoại vụ.",
        "Tại điểm cầu tỉnh Yên Bái, đồng chí Ngô Thị Hạnh, Phó Chủ tịch UBND tỉnh chủ trì; tham dự có đồng chí Đinh "
        "Văn Sang, Giám đốc Sở Ngoại vụ."), date="2022-12-15")
    assert [(bp.place, bp.chairs, bp.attendees) for bp in ev.bridge_points] == [
        ("Lào Cai", ["Vàng Seo Lử"], ["Hoàng Quốc Bảo"]),
        ("Yên Bái", ["Ngô Thị Hạnh"], ["Đinh Văn Sang"]),
    ]
    assert ev.bridge_point_count == 63
    assert ev.mode == "online"
    assert ev.chairs == []  # chairs at a bridge point are not the event's chairs


def test_main_venue_named_as_a_bridge_point():
    ev = event(page(
        "Hội nghị toàn quốc về công tác đối ngoại",
        "Sáng 1/3, Ban Bí thư Trung ương Đảng tổ chức hội nghị toàn quốc về công tác đối ngoại theo hình thức trực "
        "tuyến. Đồng chí Trương Văn Thành, Thường trực Ban Bí thư chủ trì hội nghị tại điểm cầu Hà Nội.",
        "Tại điểm cầu tỉnh Phú Yên, đồng chí Cao Thị Hòa An, Phó Bí thư Thường trực Tỉnh ủy chủ trì."),
        date="2024-03-02")
    assert ev.chairs == ["Trương Văn Thành"]
    assert ev.city == "Hà Nội"
    assert [(bp.place, bp.chairs, bp.attendees) for bp in ev.bridge_points] == [
        ("Phú Yên", ["Cao Thị Hòa An"], [])]
    assert ev.bridge_point_count is None


# ---------------------------------------------------------------------------------------------------------------
# Attendance

@pytest.mark.parametrize(
    ("sentence", "attendance"),
    [
        ("Dự hội nghị có gần 170 đại biểu là báo cáo viên các cấp.", {"count": 170, "approx": True}),
        ("Với 1.268 đại biểu tham dự, hội nghị đã thảo luận sôi nổi.", {"count": 1268, "approx": False}),
        ("Hội nghị có hơn 300 cán bộ chủ chốt tham dự.", {"count": 300, "approx": True}),
        ("Về dự đại hội có 120 đại biểu chính thức.", {"count": 120, "approx": False}),
        ("Hội nghị thảo luận sôi nổi, thẳng thắn.", None),
        ("Kỳ họp có sự tham dự của 77/86 đại biểu HĐND tỉnh.", {"count": 77, "approx": False}),  # 77 of 86
        ("Ban Chấp hành Đảng bộ tỉnh khóa I gồm 65 người.", None),  # how many a body has
    ],
)
def test_attendance(sentence, attendance):
    ev = event(page("Hội nghị báo cáo viên", "Sáng 1/3, Tỉnh ủy Sơn La tổ chức hội nghị báo cáo viên.", sentence),
               date="2024-03-02")
    assert ev.attendance == attendance


# ---------------------------------------------------------------------------------------------------------------
# Documents the event studied, not those only mentioned

def _studied(art: Article, ev: Event) -> list[tuple[str, str | None]]:
    return [(art.documents[i].kind, art.documents[i].number) for i in ev.documents]


@pytest.mark.parametrize(
    ("paragraph", "studied", "all_documents"),
    [
        ("Sáng 12/7, Tỉnh ủy Hà Giang tổ chức hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị.",
         [("Kết luận", "57")], [("Kết luận", "57")]),
        ("Sáng 12/7, Tỉnh ủy Hà Giang tổ chức hội nghị triển khai Chỉ thị số 25-CT/TW của Ban Bí thư.",
         [("Chỉ thị", "25")], [("Chỉ thị", "25")]),
        ("Sáng 12/7, Huyện ủy Vị Xuyên tổ chức hội nghị học tập Chỉ thị số 05-CT/TW của Bộ Chính trị.",
         [("Chỉ thị", "05")], [("Chỉ thị", "05")]),
        ("Sáng 12/7, Tỉnh ủy Hà Giang tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư.",
         [("Chỉ thị", "12")], [("Chỉ thị", "12")]),
        ("Chiều 10/7, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị tổng kết 10 năm thực hiện Nghị quyết số "
         "29-NQ/TW và triển khai Quy định số 08-QĐi/TW.",
         [("Nghị quyết", "29"), ("Quy định", "08")], [("Nghị quyết", "29"), ("Quy định", "08")]),
        # mentioned in passing, in a sentence that is not about the event
        ("Sáng 12/7, Tỉnh ủy Hà Giang tổ chức hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị. Năm 2020, "
         "tỉnh đã ban hành Kế hoạch số 40-KH/TU.",
         [("Kết luận", "57")], [("Kết luận", "57"), ("Kế hoạch", "40")]),
        ("Sáng 12/7, Tỉnh ủy Hà Giang tổ chức hội nghị quán triệt Kết luận số 57-KL/TW. Trước đó, tỉnh đã thực "
         "hiện tốt Chỉ thị số 03-CT/TW của Bộ Chính trị.",
         [("Kết luận", "57")], [("Kết luận", "57"), ("Chỉ thị", "03")]),
    ],
)
def test_documents_studied(paragraph, studied, all_documents):
    art, ev = run(page("Tỉnh ủy tổ chức hội nghị chuyên đề", paragraph), date="2023-07-14")
    assert [(d.kind, d.number) for d in art.documents] == all_documents
    assert _studied(art, ev) == studied


def test_document_in_the_headline_is_studied():
    art, ev = run(page("Hội nghị học tập, quán triệt Chỉ thị số 25-CT/TW của Ban Bí thư",
                       "Sáng 13/9, Tỉnh ủy Vĩnh Phúc tổ chức hội nghị trực tuyến. Dịp này, các đại biểu cũng được "
                       "nghe giới thiệu Kết luận số 12-KL/TW của Bộ Chính trị."), date="2019-09-14")
    assert _studied(art, ev) == [("Chỉ thị", "25"), ("Kết luận", "12")]


@pytest.mark.parametrize(
    ("lead", "kind"),
    [
        ("Chiều 24/2, Phó Chủ tịch UBND tỉnh Bùi Minh Thạnh đã chủ trì buổi tiếp và làm việc Đoàn đại biểu tỉnh "
         "Ibaraki.", "tiếp"),
        ("Ngày 2/12, Ban Tuyên giáo Trung ương phối hợp với Tỉnh ủy Quảng Ninh tổ chức Hội thi Báo cáo viên giỏi.",
         "hội thi"),
        ("Sáng 6/12, Đoàn công tác tỉnh Bình Dương đã đến thăm và chào xã giao lãnh đạo tỉnh Champasak.", "thăm"),
        ("Chiều 27/11, đồng chí Nguyễn Cảnh Toàn, Chủ tịch UBND tỉnh đã đón tiếp và hội đàm với đoàn đại biểu.",
         "hội đàm"),
        ("Sáng 22/12, Tỉnh ủy tổ chức họp cho ý kiến vào dự thảo báo cáo tổng kết.", "họp"),
    ],
)
def test_visits_receptions_and_other_kinds(lead, kind):
    assert event(page("Tin hoạt động của lãnh đạo tỉnh trong tuần", lead), date="2024-12-30").kind == kind


def test_an_event_noun_inside_a_body_name_is_no_event():
    ev = event(page("Lãnh đạo tỉnh Quảng Ninh tiếp Ban Tổ chức Lễ hội Việt Nam tại Nhật Bản",
                    "Chiều 5/9, Phó Chủ tịch UBND tỉnh tiếp đoàn Ban Tổ chức Lễ hội Việt Nam tại Nhật Bản."),
               date="2024-09-06")
    assert ev.kind == "tiếp"


def test_a_venue_in_the_capital_gives_the_city():
    ev = event(page("Hội nghị toàn quốc về công tác thông tin đối ngoại",
                    "Chiều 11/10, tại Trụ sở Bộ Ngoại giao, Ban Chỉ đạo công tác thông tin đối ngoại tổ chức Hội nghị "
                    "toàn quốc về công tác thông tin đối ngoại."), date="2024-10-12")
    assert ev.city == "Hà Nội"


def test_an_event_the_headline_prepares_for_is_not_the_one_reported():
    ev = event(page("Các xã mới vận hành thông suốt, sẵn sàng các điều kiện chuẩn bị Đại hội Đảng bộ",
                    "Chiều 18-7, các đoàn công tác của Ban Thường vụ Tỉnh ủy đã đến làm việc, kiểm tra vận hành chính "
                    "quyền địa phương 2 cấp tại các địa phương trong tỉnh."), date="2025-07-19")
    assert (ev.kind, ev.date, ev.part_of_day) == ("làm việc", "2025-07-18", "chiều")


def test_mode_from_the_sentence_that_names_the_event_after_a_sapo():
    ev = event(page("Triển khai công tác đối ngoại năm 2022",
                    "Công tác đối ngoại năm 2021 đạt nhiều kết quả quan trọng.",
                    "Sáng 14/12, Bộ Chính trị, Ban Bí thư Trung ương Đảng tổ chức Hội nghị trực tuyến đối ngoại toàn "
                    "quốc."), date="2021-12-15")
    assert (ev.mode, ev.organizers) == ("online", ["Bộ Chính trị", "Ban Bí thư Trung ương Đảng"])


# ---------------------------------------------------------------------------------------------------------------
# Reasons (`why`): one per field decided, and none of them in the record


def test_why_names_the_rule_of_each_field(monkeypatch):
    import hoinghi.pipeline
    from hoinghi.extract import events

    reasons: list = []
    build = events.build_events

    def explained(*args, **kw):
        return build(*args, **kw, why=reasons)

    text = page("Hội nghị quán triệt Nghị quyết Trung ương 4 khóa XIII",
                "Sáng 14-12, Tỉnh ủy Bình Dương tổ chức hội nghị trực tuyến quán triệt Nghị quyết Trung ương 4 khóa "
                "XIII. Đồng chí Nguyễn Văn Lợi, Bí thư Tỉnh ủy chủ trì hội nghị.")
    plain = extract(text=text, date="2021-12-31")
    monkeypatch.setattr(events, "build_events", explained)  # wherever the pipeline imports it from
    monkeypatch.setattr(hoinghi.pipeline, "build_events", explained, raising=False)
    art = extract(text=text, date="2021-12-31")
    assert art.to_dict() == plain.to_dict()
    why = {field: reason for i, field, reason in reasons if i == 0}
    assert why["kind"] == "'Hội nghị' in the headline"
    assert why["date"] == "'Sáng 14-12' in the lead resolved against 2021-12-31"
    assert why["mode"] == "printed 'trực tuyến' in the headline or lead"
    assert why["chairs"] == "before 'chủ trì' in sentence 2: Nguyễn Văn Lợi"
    assert why["organizers"].endswith(": " + ", ".join(art.events[0].organizers))
    assert set(why) <= set(Event.__dataclass_fields__)


def test_chair_verbs_come_from_the_lexicon():
    from hoinghi.extract.events import lex

    assert lex().chair_tails == ("hủ trì",)
    assert lex().chair.search("Đồng chủ trì hội nghị").group(1) == "Đồng chủ trì"


# ---------------------------------------------------------------------------------------------------------------
# The whole lead section: abbreviations, later verbs, foreign and printed cities, more speech verbs

def test_a_dot_inside_an_abbreviated_position_ends_no_sentence():
    ev = event(page("Hội nghị Ban Thường vụ Tỉnh ủy",
                    "Chiều ngày 6/8, đồng chí Trần Văn Hải, UVT.Ư Đảng, Bí thư Tỉnh ủy chủ trì hội nghị Ban Thường vụ "
                    "Tỉnh ủy để cho ý kiến vào một số nội dung."), date="2024-08-07")
    assert ev.chairs == ["Trần Văn Hải"]


@pytest.mark.parametrize(
    ("title", "lead", "city", "city_name"),
    [
        # a foreign city is the city, before the foreign province after it
        ("Lễ kỷ niệm 75 năm quan hệ ngoại giao Việt Nam - Trung Quốc",
         "Ngày 3/3, tại thành phố Côn Minh, tỉnh Vân Nam, Trung Quốc, Tổng Lãnh sự quán Việt Nam tổ chức Lễ kỷ niệm "
         "75 năm quan hệ ngoại giao Việt Nam - Trung Quốc.", "Côn Minh", "Côn Minh"),
        ("Hội thảo xúc tiến đầu tư tỉnh Bắc Giang",
         "Chiều 12/4, tại Tokyo, UBND tỉnh Bắc Giang tổ chức Hội thảo xúc tiến đầu tư tỉnh Bắc Giang.",
         "Tokyo", "Tokyo"),
        # the city as printed, its canonical name beside it; read in the headline when the lead prints none
        ("Họp mặt kỷ niệm ngày thành lập Hội hữu nghị Việt - Lào tại TPHCM",
         "Ngày 20-5, đã diễn ra buổi họp mặt kỷ niệm ngày thành lập Hội hữu nghị Việt - Lào.",
         "TPHCM", "Hồ Chí Minh"),
    ],
)
def test_city_as_printed_foreign_cities_and_the_headline(title, lead, city, city_name):
    ev = event(page(title, lead), date="2024-06-01")
    assert (ev.city, ev.city_name) == (city, city_name)


def test_a_foreign_city_is_no_place_of_vietnam():
    art, _ev = run(page("Hội thảo xúc tiến đầu tư tỉnh Bắc Giang",
                        "Chiều 12/4, tại Tokyo, UBND tỉnh Bắc Giang tổ chức Hội thảo xúc tiến đầu tư."), "2024-04-13")
    assert "Tokyo" not in [p.name for p in art.places]


@pytest.mark.parametrize(
    ("lead", "mode"),
    [
        ("Sáng 5/6, Hội nghị được tổ chức trực tiếp tại Hà Nội và trực tuyến tại 63 điểm cầu các tỉnh, thành phố.",
         "hybrid"),
        ("Sáng 5/6, Tỉnh ủy tổ chức Hội nghị theo hình thức trực tiếp ở Hội trường Tỉnh ủy; kết hợp trực tuyến đến "
         "các huyện.", "hybrid"),
    ],
)
def test_hybrid_across_a_venue_or_a_semicolon(lead, mode):
    assert event(page("Hội nghị tổng kết công tác năm 2024", lead), date="2024-06-06").mode == mode


@pytest.mark.parametrize(
    ("title", "lead", "organizers"),
    [
        # `đã thống nhất với`: both hold it; the phrase before the subject (`giữa A và B,`) holds nothing
        ("Tiếp xúc cử tri trước kỳ họp thứ 8 của Quốc hội",
         "Căn cứ Nghị quyết liên tịch giữa Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam và Ủy ban Thường vụ Quốc "
         "hội, Đoàn đại biểu Quốc hội tỉnh đã thống nhất với Ban Thường trực Ủy ban MTTQ tỉnh tổ chức tiếp xúc cử "
         "tri tại các huyện.", ["Đoàn đại biểu Quốc hội tỉnh", "Ban Thường trực Ủy ban MTTQ tỉnh"]),
        # the body that acts for the others holds the meeting it had (`đã gặp mặt`)
        ("Gặp mặt nhân dịp kỷ niệm Quốc khánh nước bạn",
         "Chiều ngày 29/9, tại Cửa khẩu quốc tế Lào Cai, thừa ủy quyền của Tỉnh ủy, UBND tỉnh, Sở Ngoại vụ tỉnh Lào "
         "Cai đã gặp mặt đại diện phía huyện Hà Khẩu.", ["Sở Ngoại vụ tỉnh Lào Cai"]),
        # `được tổ chức` has no subject: the next `tổ chức` of the lead gives it
        ("Gặp mặt báo chí về Giao lưu hữu nghị quốc phòng biên giới",
         "Hội nghị được tổ chức nhằm đánh giá kết quả. Sáng 1/12, Bộ Quốc phòng tổ chức buổi gặp mặt báo chí.",
         ["Bộ Quốc phòng"]),
    ],
)
def test_organizers_later_in_the_lead(title, lead, organizers):
    assert event(page(title, lead), date="2024-12-02").organizers == organizers


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("Tại Hội nghị, đồng chí Lê Văn Nam đã thông báo nhanh tới các đại biểu những nội dung chính.", ["Lê Văn Nam"]),
        ("Đồng chí Lê Văn Nam, Chủ tịch UBND tỉnh bày tỏ vui mừng đón Đoàn.", ["Lê Văn Nam"]),
        ("Đồng chí Lê Văn Nam cảm ơn các đại biểu đã tham dự.", ["Lê Văn Nam"]),
        ("Ông Lê Văn Nam đánh giá cao kết quả hợp tác giữa hai bên.", ["Lê Văn Nam"]),
        # a speech verb as a noun: its speaker after `của`
        ("Hội nghị kết thúc sau phát biểu kết luận của đồng chí Lê Văn Nam, Bí thư Tỉnh ủy.", ["Lê Văn Nam"]),
        ("Trong bài phát biểu bế mạc của đồng chí Lê Văn Nam, Bí thư Tỉnh ủy nêu nhiều nhiệm vụ.", ["Lê Văn Nam"]),
        # a speech studied at this event was given at another one; a report-giver is a role noun
        ("Đồng chí Trần Minh quán triệt bài phát biểu của đồng chí Lê Văn Nam tại hội nghị trước.", ["Trần Minh"]),
        ("Đồng chí Lê Văn Nam làm báo cáo viên tại hội nghị.", []),
        # the verb opens the clause after a colon: the speaker follows it
        ("Theo Đài Phát thanh tỉnh: Phát biểu tại Diễn đàn, Phó Chủ tịch tỉnh Lê Văn Nam nói hai bên cần hợp tác.",
         ["Lê Văn Nam"]),
    ],
)
def test_more_speech_verbs_and_nominal_speeches(sentence, speakers):
    ev = event(page("Hội nghị sơ kết công tác đối ngoại năm 2024",
                    "Sáng 5/6, Tỉnh ủy tổ chức Hội nghị sơ kết công tác đối ngoại năm 2024.", sentence),
               date="2024-06-06")
    assert ev.speakers == speakers


# ---------------------------------------------------------------------------------------------------------------
# Kind and name: an event named as the subject of its verb, by the headline's verb, or by the section line

@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        # the subject of `được tổ chức`, no verb before it: the numbered name wins over the bare noun
        (page("Nỗ lực chuẩn bị chu đáo cho ngày làm việc đầu tiên",
              "Ngày 24/1, các công việc chuẩn bị đã hoàn tất để Đại hội có thể khai mạc vào sáng mai. Cả nước đã nỗ lực vượt "
              "qua khó khăn để đảm bảo cho Đại hội 13 được tổ chức đúng tiến độ.",
              "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, trách nhiệm vào các nội dung được đặt ra."),
         "đại hội", "Đại hội 13"),
        (page("Bàn nhiều giải pháp phát triển kinh tế - xã hội",
              "Sáng 8/10, nhiều vấn đề quan trọng được đặt ra khi Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20 khai "
              "mạc tại Hội trường Tỉnh ủy.",
              "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, trách nhiệm vào các nội dung được đặt ra."),
         "hội nghị", "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20"),
        (page("Tưởng nhớ các anh hùng liệt sĩ",
              "Sáng 27/7, trong không khí trang nghiêm, Lễ kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ diễn ra tại Nghĩa trang "
              "liệt sĩ tỉnh.",
              "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, trách nhiệm vào các nội dung được đặt ra."),
         "lễ", "Lễ kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ"),
        # the headline's verb says a signing; the lead names the ceremony after `Đại diện buổi`
        (page("Hai tỉnh ký Biên bản hợp tác phát triển du lịch",
              "Ngày 16/8, đại diện buổi lễ ký kết Biên bản hợp tác phát triển du lịch giai đoạn 2023 – 2025 có ông Nguyễn Văn "
              "An - Phó Chủ tịch UBND tỉnh.",
              "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, trách nhiệm vào các nội dung được đặt ra."),
         "ký kết", "Lễ ký kết Biên bản hợp tác phát triển du lịch giai đoạn 2023 – 2025"),
    ],
)
def test_kind_and_name_without_trigger(text, kind, name):
    ev = event(text, date="2024-10-20")
    assert (ev.kind, ev.name) == (kind, name)


def test_signing_named_by_a_dated_sentence_in_a_caption():
    """A sentence that reports the signing (a date, `diễn ra`) names it, in a caption too."""
    ev = event(page("Hai tỉnh ký Biên bản hợp tác toàn diện",
                    "Ngày 16/8, đại diện hai tỉnh có ông Nguyễn Văn An - Phó Chủ tịch UBND tỉnh.",
                    "Theo Biên bản hợp tác, hai tỉnh nhất trí phối hợp tuyên truyền.",
                    "Ngày 16/8, diễn ra lễ ký Biên bản hợp tác toàn diện giai đoạn 2022 – 2024 - (Ảnh: baotinh.vn).",
                    "Hai tỉnh sẽ tiếp tục trao đổi thông tin về công tác đối ngoại."), date="2022-08-17")
    assert (ev.kind, ev.name) == ("ký kết", "Lễ ký Biên bản hợp tác toàn diện giai đoạn 2022 – 2024")


def test_no_event_from_a_passing_subject():
    """A lower-case noun or one after `chuẩn bị cho` is no event; a headline verb of no event kind adds none."""
    art = extract(text=page("Tỉnh tăng cường công tác tuyên truyền",
                            "Ngày 16/8, công tác chuẩn bị cho Đại hội được tổ chức chu đáo. Các hội nghị được tổ chức đúng kế "
                            "hoạch.",
                            "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, trách nhiệm vào các nội dung được đặt ra.").strip() + "\n", date="2024-10-20")
    assert art.events == []


@pytest.mark.parametrize(
    ("section", "name"),
    [
        ("Hội nghị toàn quốc công tác Đối ngoại nhân dân", "Hội nghị toàn quốc công tác Đối ngoại nhân dân"),
        ("Hội nghị - Hội thảo", None),  # a section of many events
        ("Đại hội Đảng các cấp", None),
        ("Thời sự", None),
    ],
)
def test_event_named_by_its_section_line(section, name):
    from hoinghi.extract.events import _from_section
    found = _from_section([section])
    assert (found[1] if found else None) == name


def test_event_named_by_its_section_line_on_a_page():
    """A breadcrumb that is a conference's own name names the event of a page about one of its discussions."""
    art = extract(text=page("Hội nghị toàn quốc công tác Đối ngoại nhân dân",
                            "Bàn giải pháp về mô hình bộ máy Liên hiệp các tổ chức hữu nghị địa phương",
                            "Liên hiệp các tổ chức hữu nghị địa phương cần có biên chế, tài chính, trụ sở để hoạt "
                            "động. Nhưng hiện chưa có một mô hình thống nhất cho bộ máy ở các địa phương.").strip()
                  + "\n")
    assert art.section == ["Hội nghị toàn quốc công tác Đối ngoại nhân dân"]
    assert [(e.kind, e.name) for e in art.events] == [("hội nghị", "Hội nghị toàn quốc công tác Đối ngoại nhân dân")]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # a live-blog entry names no event: the lead's does
        ("9H15: Đại hội thảo luận về các văn kiện", "Đại hội đại biểu Đảng bộ tỉnh lần thứ XX"),
        # a headline's bare noun gives way to the lead's formal name
        ("Bế mạc Đại hội", "Đại hội đại biểu Đảng bộ tỉnh lần thứ XX"),
        # a headline that names the event keeps it
        ("Bế mạc Đại hội Đảng bộ tỉnh lần thứ XX", "Đại hội Đảng bộ tỉnh lần thứ XX"),
    ],
)
def test_headline_or_lead_name(title, name):
    ev = event(page(title, "Sáng 16/10, Tỉnh ủy long trọng tổ chức Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm "
                           "kỳ 2020 - 2025.",
                    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết vào các văn kiện trình Đại hội."),
               date="2020-10-16")
    assert (ev.kind, ev.name) == ("đại hội", name)


def test_city_after_a_later_tai_of_the_same_sentence():
    """The first `tại` of a sentence may name the event, not the place: a later `tại` still gives the city."""
    from hoinghi.pipeline import extract

    art = extract(text="Diễn đàn hợp tác biên giới năm 2024\n\nPhát biểu tại Diễn đàn hợp tác biên giới năm 2024 "
                       "khai mạc ngày 3 tại Côn Minh, đồng chí Nguyễn Văn Sơn, Phó Chủ tịch UBND tỉnh Lào Cai "
                       "khẳng định hai bên sẽ tăng cường hợp tác.\n", date="2024-06-05")
    assert art.events and art.events[0].city == "Côn Minh"


def test_online_in_the_headline_hybrid_in_a_later_paragraph_is_hybrid():
    ev = event(page(
        "Hội nghị trực tuyến toàn quốc quán triệt Nghị quyết số 57-NQ/TW",
        "Sáng 13-1, Bộ Chính trị tổ chức Hội nghị toàn quốc quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
        "Hội nghị được tổ chức trực tiếp tại Hội trường Diên Hồng và trực tuyến đến các điểm cầu trong cả nước."),
        date="2025-01-14")
    assert ev.mode == "hybrid"


def test_online_alone_stays_online():
    ev = event(page(
        "Hội nghị trực tuyến toàn quốc quán triệt Nghị quyết số 57-NQ/TW",
        "Sáng 13-1, Bộ Chính trị tổ chức Hội nghị toàn quốc quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
        "Hội nghị được kết nối đến các điểm cầu trong cả nước."), date="2025-01-14")
    assert ev.mode == "online"


@pytest.mark.parametrize(
    ("title", "lead", "name", "parent"),
    [
        ("Hội nghị Trung ương 10 họp phiên toàn thể về công tác nhân sự",
         "Sáng 19-9, Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII đã họp phiên toàn thể về công tác "
         "nhân sự.",
         "Phiên toàn thể Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII",
         "Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII"),
        ("Bế mạc Hội nghị Trung ương 10",
         "Chiều 20-9, tại Hà Nội, phiên bế mạc Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII đã diễn "
         "ra dưới sự chủ trì của đồng chí Tô Lâm, Tổng Bí thư, Chủ tịch nước.",
         "Phiên bế mạc Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII",
         "Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII"),
        ("Kỳ họp thứ 8: Quốc hội thảo luận về dự án luật",
         "Sáng 30-10, Kỳ họp thứ 8, Quốc hội khóa XV tiến hành phiên thảo luận tại hội trường về dự án Luật Công "
         "chứng (sửa đổi).",
         "Phiên thảo luận Kỳ họp thứ 8", "Kỳ họp thứ 8"),
    ],
)
def test_a_session_of_a_conference_has_the_conference_as_parent(title, lead, name, parent):
    ev = event(page(title, lead), date="2024-10-31")
    assert (ev.kind, ev.name, ev.parent) == ("phiên họp", name, parent)


def test_a_conference_that_opens_is_no_session():
    ev = event(page(
        "Khai mạc Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII",
        "Sáng 18-9, tại Hà Nội, Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII khai mạc."),
        date="2024-09-19")
    assert (ev.kind, ev.parent) == ("hội nghị", None)


def test_a_speech_verb_in_the_events_name_makes_no_speaker():
    ev = event(page(
        "Tỉnh ủy quán triệt Kết luận số 05-KL/TW",
        "Sáng 13-1, đồng chí Nguyễn Văn Dũng, Ủy viên BCH T.Ư Đảng, Bí thư Tỉnh ủy chủ trì hội nghị quán triệt Kết "
        "luận số 05-KL/TW của Ban Bí thư. Đồng chí Lê Thị Hoa, Trưởng Ban Tuyên giáo Tỉnh ủy quán triệt nội dung "
        "kết luận."), date="2025-01-14")
    assert ev.chairs == ["Nguyễn Văn Dũng"]
    assert ev.speakers == ["Lê Thị Hoa"]


def test_an_event_had_by_someone_da_co_buoi():
    ev = event(page(
        "Các Đại sứ đem lại nguồn lực cho đất nước",
        "Chiều 7/11, tại Hà Nội, Trưởng ban Tổ chức Trung ương Trần Văn Nam đã có buổi gặp mặt các Đại sứ, Tổng "
        "Lãnh sự trước khi lên đường nhận nhiệm vụ.",
        "Phát biểu tại buổi gặp mặt, ông Trần Văn Nam đề nghị các Đại sứ phát huy vai trò nòng cốt."), date="2019-11-08")
    assert (ev.kind, ev.date, ev.city) == ("họp mặt", "2019-11-07", "Hà Nội")
    assert ev.speakers == ["Trần Văn Nam"]


def test_the_lead_is_the_first_sentence_naming_an_event_of_its_own():
    ev = event(page(
        "Thái Nguyên: Ngày hội lớn của Đảng bộ tỉnh",
        "Kính thưa Đoàn Chủ tịch Đại hội.",
        "Các đảng bộ trong tỉnh đã tích cực chuẩn bị Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.",
        "Sáng 14-10, Ban Chấp hành Đảng bộ tỉnh Thái Nguyên long trọng tổ chức Đại hội đại biểu Đảng bộ tỉnh lần "
        "thứ XX, nhiệm kỳ 2020-2025."), date="2020-10-15")
    assert (ev.kind, ev.date) == ("đại hội", "2020-10-14")
    assert ev.name.startswith("Đại hội đại biểu Đảng bộ tỉnh lần thứ XX")
    assert ev.organizers == ["Ban Chấp hành Đảng bộ tỉnh Thái Nguyên"]


def test_a_speech_at_another_named_event_is_not_this_events():
    ev = event(page(
        "Ủy ban Quốc gia UNESCO Việt Nam tổng kết công tác năm 2021",
        "Sáng 10/1, Ủy ban Quốc gia UNESCO Việt Nam tổ chức Hội nghị tổng kết công tác năm 2021 và phương hướng năm "
        "2022. Thứ trưởng Ngoại giao Đặng Hoàng Giang phát biểu khai mạc.",
        "Tại Hội nghị Văn hóa toàn quốc triển khai thực hiện Nghị quyết Đại hội XIII của Đảng, Tổng Bí thư Nguyễn "
        "Phú Trọng đã khẳng định văn hóa là bản sắc của dân tộc.",
        "Tại hội nghị, ông Lê Thị Thu Hằng, Tổng Thư ký Ủy ban cho biết năm 2021 đã hoàn thành nhiều nhiệm vụ."),
        date="2022-01-11")
    assert ev.speakers == ["Đặng Hoàng Giang", "Lê Thị Thu Hằng"]


@pytest.mark.parametrize(("lead", "city"), [
    # a city abroad that no gazetteer holds, printed with its unit word before its province and country
    ("Chiều 18/8, Tổng Bí thư Tô Lâm cùng Đoàn đại biểu cấp cao Việt Nam đã đến thành phố Quảng Châu, tỉnh Quảng "
     "Đông (Trung Quốc), bắt đầu chuyến thăm cấp Nhà nước.", "Quảng Châu"),
    ("Chiều 18/8, tại thành phố Quảng Châu, tỉnh Quảng Đông (Trung Quốc), Tổng Bí thư Tô Lâm gặp gỡ cộng đồng người "
     "Việt Nam.", "Quảng Châu"),
    # `đến thăm` + a place right after it
    ("Sáng 5/6, đoàn công tác của Ban Đối ngoại Trung ương đến thăm tỉnh Hà Giang.", "Hà Giang"),
    # a town merged away since, printed with its unit word, over the article's province
    ("Sáng 6/6, tại thị xã Cửa Lò, Ban Tuyên giáo Tỉnh ủy Nghệ An tổ chức hội nghị báo cáo viên.", "Cửa Lò"),
    # a city of Việt Nam with its unit word is the gazetteer's
    ("Sáng 5/6, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức hội nghị.", "Vinh"),
])
def test_city_after_tai_or_den(lead, city):
    assert event(page("Đoàn đại biểu thăm và làm việc", lead), date="2024-08-19").city == city


@pytest.mark.parametrize(("lead", "name"), [
    ("Sáng 5/6, Đảng ủy Khối tổ chức Hội nghị nghiên cứu, học tập, quán triệt các nghị quyết, chỉ thị, kết luận của "
     "Bộ Chính trị.", "Hội nghị nghiên cứu, học tập, quán triệt các nghị quyết, chỉ thị, kết luận của Bộ Chính trị"),
    ("Sáng 5/6, UBND tỉnh tổ chức hội nghị quán triệt, hướng dẫn triển khai thực hiện quy hoạch cửa khẩu.",
     "Hội nghị quán triệt, hướng dẫn triển khai thực hiện quy hoạch cửa khẩu"),
])
def test_a_name_goes_on_over_a_list_of_document_kinds(lead, name):
    assert event(page("Tin hoạt động trong tuần", lead), date="2024-06-06").name == name
