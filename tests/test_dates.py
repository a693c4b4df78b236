"""Tests for hoinghi.clean.dates: publication lines, date lines, event dates, document dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from hoinghi.clean.dates import (
    EventDate,
    Published,
    find_event_date,
    is_date_line,
    parse_date,
    parse_published,
    same_day,
    weekday_name,
)
from hoinghi.text import normalize

SEEDS = Path(__file__).parent / "fixtures" / "seeds"

# ---------------------------------------------------------------------------------------------------------------
# parse_published

PUBLISHED = [
    ("Cập nhật: 14-12-2021 | 15:58:28", "2021-12-14T15:58:28+07:00"),
    ("Thứ tư - 03/07/2024 17:59 0", "2024-07-03T17:59:00+07:00"),
    ("13/12/2021 19:44:34 Xem cỡ chữ Google", "2021-12-13T19:44:34+07:00"),
    ("Ngày đăng: 13/09/2019", "2019-09-13"),
    ("14/12/2021 - 10:05", "2021-12-14T10:05:00+07:00"),
    ("Chủ nhật, 10/11/2024, 10:05 [GMT+7]", "2024-11-10T10:05:00+07:00"),
    ("Thứ Năm, 11/1/2024 18:30'(GMT+7)", "2024-01-11T18:30:00+07:00"),
    ("08:07, 12/07/2018", "2018-07-12T08:07:00+07:00"),
    ("11:49 17/10/2020", "2020-10-17T11:49:00+07:00"),
    ("03/05/2021, 21:48", "2021-05-03T21:48:00+07:00"),
    ("11-10-2023, 18:32", "2023-10-11T18:32:00+07:00"),
    ("• Cập nhật: Thứ sáu, 18/10/2019 | 1:36:31 PM", "2019-10-18T13:36:31+07:00"),
    ("Đăng ngày 06/06/2019", "2019-06-06"),
    ("ngày 5 tháng 6 năm 2024", "2024-06-05"),
    ("Thứ Hai, 05/06/2024 - 08:30", "2024-06-05T08:30:00+07:00"),
    ("2024-07-03T17:59:00+07:00", "2024-07-03T17:59:00+07:00"),
    # more shapes
    ("Ngày xuất bản: 05.11.2020", "2020-11-05"),
    ("Thời gian đăng: 01/02/2023 07:05", "2023-02-01T07:05:00+07:00"),
    ("Published: 14 December 2021", "2021-12-14"),
    ("Dec 14, 2021 10:05", "2021-12-14T10:05:00+07:00"),
    ("Cập nhật lúc 15:58 ngày 14/12/2021", "2021-12-14T15:58:00+07:00"),
    ("10h05 ngày 14/12/2021", "2021-12-14T10:05:00+07:00"),
    ("15 giờ 30 phút, ngày 14/12/2021", "2021-12-14T15:30:00+07:00"),
    ("14/12/2021 12:05 AM", "2021-12-14T00:05:00+07:00"),
    ("14/12/2021 12:05 PM", "2021-12-14T12:05:00+07:00"),
    ("14/12/2021 1:05 CH", "2021-12-14T13:05:00+07:00"),
    ("2024/07/03 17:59", "2024-07-03T17:59:00+07:00"),
    ("2024-07-03 17:59", "2024-07-03T17:59:00+07:00"),
    ("2024-07-03", "2024-07-03"),
    ("2024-07-03T17:59:00.123+07:00", "2024-07-03T17:59:00+07:00"),
    ("ngày 5 tháng Sáu năm 2024", "2024-06-05"),
]


@pytest.mark.parametrize(("line", "value"), PUBLISHED)
def test_parse_published_shapes(line, value):
    pub = parse_published(line)
    assert pub is not None, line
    assert pub.value == value
    assert pub.date == dt.date.fromisoformat(value[:10])
    assert pub.has_time == ("T" in value)


def test_parse_published_iso_offsets():
    assert parse_published("2024-07-03T10:59:00Z").value == "2024-07-03T17:59:00+07:00"
    assert parse_published("2024-07-03T10:59:00+00:00").value == "2024-07-03T17:59:00+07:00"
    late = parse_published("2024-07-03T20:00:00Z")  # crosses midnight in Vietnam
    assert late.value == "2024-07-04T03:00:00+07:00"
    assert late.date == dt.date(2024, 7, 4)
    assert parse_published("2024-07-03T17:59:00+0800").value == "2024-07-03T17:59:00+08:00"
    assert parse_published("2024-07-03T17:59:00-05:00").value == "2024-07-03T17:59:00-05:00"


def test_parse_published_spans():
    line = "Cập nhật: 14-12-2021 | 15:58:28"
    pub = parse_published(line)
    assert line[pub.start : pub.end] == "14-12-2021 | 15:58:28"
    line = "Thứ tư - 03/07/2024 17:59 0"
    pub = parse_published(line)
    assert line[pub.start : pub.end] == "Thứ tư - 03/07/2024 17:59"
    line = "Xem: 08:07, 12/07/2018"
    pub = parse_published(line)
    assert line[pub.start : pub.end] == "08:07, 12/07/2018"
    line = "Ngày đăng: ngày 5 tháng 6 năm 2024"
    pub = parse_published(line)
    assert line[pub.start : pub.end] == "ngày 5 tháng 6 năm 2024"


def test_parse_published_seconds_and_datetime():
    pub = parse_published("13/12/2021 19:44:34")
    assert pub.datetime == dt.datetime(2021, 12, 13, 19, 44, 34, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert parse_published("13/12/2021").datetime is None


@pytest.mark.parametrize(
    ("line", "mismatch"),
    [
        ("Thứ tư - 03/07/2024 17:59 0", False),  # 2024-07-03 is a Wednesday
        ("Thứ Hai, 05/06/2024 - 08:30", True),  # 2024-06-05 is a Wednesday, not a Monday
        ("THỨ NĂM, 11/1/2024", False),
        ("thứ năm, 11/1/2024", False),
        ("Thứ 5, 11/1/2024", False),
        ("Thứ 6, 11/1/2024", True),
        ("T5, 18/4/2024", False),
        ("T2, 18/4/2024", True),
        ("CN, 10/11/2024", False),
        ("CN, 11/11/2024", True),
        ("Chủ nhật, 10/11/2024, 10:05 [GMT+7]", False),
        ("Thứ bảy, 10/11/2024", True),
        ("Thứ Bảy, 09/11/2024", False),
        ("13/12/2021 19:44:34", False),  # no weekday printed
    ],
)
def test_weekday_mismatch(line, mismatch):
    assert parse_published(line).weekday_mismatch is mismatch


@pytest.mark.parametrize(
    "line",
    [
        "Đường dây nóng: 02163.818.555",
        "nhiệm kỳ 2020-2025",
        "giai đoạn 2012-2020",
        "31/02/2024",
        "30/02/2021 10:00",
        "29/2/2023",
        "32/01/2024",
        "12/13/2024",  # never month-first
        "12/2021",
        "Sáng 14-12",  # no year
        "15:58:28",
        "Nghị định 18/2024/NĐ-CP",
        "1/1/1850",
        "",
        "lần thứ 5 2024",
    ],
)
def test_parse_published_rejects(line):
    assert parse_published(line) is None


def test_parse_published_leap_day():
    assert parse_published("29/02/2024").value == "2024-02-29"


def test_published_is_dataclass():
    pub = parse_published("Ngày đăng: 13/09/2019")
    assert isinstance(pub, Published)
    assert (pub.value, pub.date, pub.has_time, pub.weekday_mismatch) == ("2019-09-13", dt.date(2019, 9, 13), False,
                                                                          False)


# ---------------------------------------------------------------------------------------------------------------
# is_date_line


@pytest.mark.parametrize("line", [value for value, _ in PUBLISHED] + [
    "Thứ Năm, 18/4/2024",
    "Hôm nay: Thứ Năm, 18/4/2024",
    "T5, 18/4/2024 | A- A A+ | In bài | 1234 lượt xem",
    "Thứ Năm, 18/4/2024 - 09:12 GMT+7 | 12 bình luận",
    "Cập nhật: 14-12-2021 | 15:58:28 | Aa",
    "  13/12/2021 19:44:34 Xem cỡ chữ Google  ",
])
def test_is_date_line_true(line):
    assert is_date_line(line), line


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 6/8, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 12",
        "Ngày 6/8/2024, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 12",
        "Cũng tại Hội nghị, các đại biểu được quán triệt Kết luận số 92 ngày 05/11/2020",
        "Thứ tư - 03/07/2024 17:59 0 | Tác giả: Nguyễn Văn Bình",
        "Sáng 14-12, Bộ Chính trị, Ban Bí thư Trung ương Đảng tổ chức Hội nghị",
        "Đường dây nóng: 02163.818.555",
        "Thứ Năm",
        "",
        "x" * 300 + " 13/12/2021",
    ],
)
def test_is_date_line_false(line):
    assert not is_date_line(line)


# ---------------------------------------------------------------------------------------------------------------
# find_event_date

BASE = dt.date(2024, 7, 3)

EVENTS = [
    # text, base, date, part of day, printed text
    ("(BDO) Sáng 14-12, Bộ Chính trị, Ban Bí thư", dt.date(2021, 12, 14), "2021-12-14", "sáng", "Sáng 14-12"),
    ("Chiều ngày 03/7, Ban Chỉ đạo công tác", BASE, "2024-07-03", "chiều", "Chiều ngày 03/7"),
    ("Ngày 05/6, Tỉnh ủy tổ chức", BASE, "2024-06-05", None, "Ngày 05/6"),
    ("Sáng ngày 27/5, tại Hà Nội", BASE, "2024-05-27", "sáng", "Sáng ngày 27/5"),
    ("Hà Nội, sáng nay (23/9), Bộ Ngoại giao", dt.date(2024, 9, 23), "2024-09-23", "sáng", "sáng nay (23/9)"),
    ("Chiều nay (11/10), tại Hà Nội", dt.date(2023, 10, 11), "2023-10-11", "chiều", "Chiều nay (11/10)"),
    ("Hà Nội, chiều nay (17/10), Ban", dt.date(2023, 10, 17), "2023-10-17", "chiều", "chiều nay (17/10)"),
    ("Sáng nay - 7/7, Ban Tuyên giáo", BASE, "2024-07-07", "sáng", "Sáng nay - 7/7"),
    ("Từ ngày 22-24/9, tại Đà Nẵng", dt.date(2024, 9, 25), "2024-09-22", None, "ngày 22-24/9"),
    ("Chiều 8 - 9, Tỉnh ủy tổ chức", dt.date(2024, 9, 9), "2024-09-08", "chiều", "Chiều 8 - 9"),
    ("Hội nghị diễn ra ngày 5 tháng 6 năm 2024 tại", None, "2024-06-05", None, "ngày 5 tháng 6 năm 2024"),
    ("Ngày 9-4, Ban Thường vụ", dt.date(2024, 4, 10), "2024-04-09", None, "Ngày 9-4"),
    ("Theo TTXVN, ngày 18/8, đoàn", dt.date(2024, 8, 19), "2024-08-18", None, "ngày 18/8"),
    ("Chuyên cơ hạ cánh vào 9h27' (giờ địa phương) ngày 18/8 tại", dt.date(2024, 8, 19), "2024-08-18", None,
     "ngày 18/8"),
    ("Vào tối 20/11, đoàn công tác", dt.date(2024, 11, 21), "2024-11-20", "tối", "tối 20/11"),
    ("CTTĐT - Sáng 3/10, tại trụ sở", dt.date(2024, 10, 3), "2024-10-03", "sáng", "Sáng 3/10"),
    ("Ngày 15/6/2023, tại Hà Nội", None, "2023-06-15", None, "Ngày 15/6/2023"),
    ("Trưa 15/6, đoàn", dt.date(2024, 6, 16), "2024-06-15", "trưa", "Trưa 15/6"),
    ("Đêm 15/6, lực lượng", dt.date(2024, 6, 16), "2024-06-15", "đêm", "Đêm 15/6"),
    ("Rạng sáng 15/6, lực lượng", dt.date(2024, 6, 16), "2024-06-15", "sáng", "Rạng sáng 15/6"),
    ("Sáng thứ Năm (18/4), tại", dt.date(2024, 4, 18), "2024-04-18", "sáng", "Sáng thứ Năm (18/4)"),
    ("Trong 2 ngày (22-23/9), hội nghị", dt.date(2024, 9, 23), "2024-09-22", None, "(22-23/9)"),
    ("Trong hai ngày 14 và 15/12, Đại hội", dt.date(2024, 12, 15), "2024-12-14", None, "ngày 14 và 15/12"),
    ("Sáng 3-3-2022, Tỉnh ủy", None, "2022-03-03", "sáng", "Sáng 3-3-2022"),
    ("Sáng 14.12, Tỉnh ủy", dt.date(2024, 12, 14), "2024-12-14", "sáng", "Sáng 14.12"),
    ("Hôm nay (5/6), Bộ", dt.date(2024, 6, 5), "2024-06-05", None, "Hôm nay (5/6)"),
    ("Sáng 13/9, Tỉnh ủy tổ chức hội nghị", "2019-09-13", "2019-09-13", "sáng", "Sáng 13/9"),
    ("Ngày 2/9/1945, Chủ tịch Hồ Chí Minh", BASE, "1945-09-02", None, "Ngày 2/9/1945"),
]


@pytest.mark.parametrize(("text", "base", "date", "pod", "printed"), EVENTS)
def test_find_event_date(text, base, date, pod, printed):
    ev = find_event_date(text, base)
    assert ev is not None, text
    assert (ev.date, ev.part_of_day, ev.text) == (date, pod, printed)
    assert text[ev.start : ev.end] == printed


def test_event_year_resolution():
    # the base's year, unless that puts the event more than about a week after the base: prefer the past
    assert find_event_date("Sáng 30-12, hội nghị", dt.date(2022, 1, 3)).date == "2021-12-30"
    assert find_event_date("Tối 31/12, hội nghị", dt.date(2025, 1, 1)).date == "2024-12-31"
    assert find_event_date("Sáng 8/7, hội nghị", dt.date(2024, 7, 3)).date == "2024-07-08"  # a few days ahead
    assert find_event_date("Sáng 20/7, hội nghị", dt.date(2024, 7, 3)).date == "2023-07-20"
    assert find_event_date("Sáng 2/1, hội nghị", dt.date(2022, 1, 3)).date == "2022-01-02"
    # 29/2 in a year without one: the leap year before
    assert find_event_date("Ngày 29/2, hội nghị", dt.date(2025, 3, 1)).date == "2024-02-29"
    # base as a datetime or an ISO string, or only a month (its last day)
    assert find_event_date("Sáng 14-12, hội nghị", dt.datetime(2021, 12, 14, 15, 58)).date == "2021-12-14"
    assert find_event_date("Sáng 14-12, hội nghị", "2021-12-14T15:58:28+07:00").date == "2021-12-14"
    assert find_event_date("Sáng 14-12, hội nghị", "2021-12").date == "2021-12-14"
    # a printed year is kept whatever the base
    ev = find_event_date("Sáng 14/12/2020, hội nghị", dt.date(2024, 1, 1))
    assert ev.date == "2020-12-14" and ev.year_printed


def test_event_without_base():
    # no year to give the day: no date, but the part of day is known
    ev = find_event_date("Sáng 30-12, hội nghị", None)
    assert ev.date is None and ev.part_of_day == "sáng" and ev.text == "Sáng 30-12"
    assert find_event_date("Chiều ngày 3/7, Tỉnh ủy tổ chức hội nghị").part_of_day == "chiều"
    assert find_event_date("Ngày 31/2, hội nghị") is None
    assert find_event_date("Sáng 30-12-2021, hội nghị", None).date == "2021-12-30"
    assert find_event_date("ngày 5 tháng 6 năm 2024", None).date == "2024-06-05"


def test_event_skips_document_dates():
    text = ("Cũng tại Hội nghị, các đại biểu được quán triệt, triển khai thực hiện Kết luận số 92 ngày 05/11/2020 về "
            "tiếp tục thực hiện Nghị quyết Trung ương 5 khóa XI một số vấn đề về chính sách xã hội giai đoạn "
            "2012-2020 và Kết luận số 93 ngày 20/11/2020 về việc tiếp tục thực hiện Chỉ thị số 42")
    assert find_event_date(text, None) is None
    assert find_event_date(text, dt.date(2021, 1, 5)) is None
    assert find_event_date("Chỉ thị số 35, ngày 30/5/2019 của Bộ Chính trị về tăng cường", BASE) is None
    assert find_event_date("Quyết định số 123/QĐ-UBND ngày 5/6/2024 của UBND tỉnh", BASE) is None
    assert find_event_date("Nghị quyết 05-NQ/TW ngày 1/11/2016 về", BASE) is None
    assert find_event_date("văn bản được ban hành ngày 5/6/2024", BASE) is None
    assert find_event_date("Luật có hiệu lực từ ngày 1/7/2024", BASE) is None
    assert find_event_date("Nghị định 18/2024/NĐ-CP quy định", BASE) is None
    # the event date after the document date is found
    text = "Thực hiện Kết luận số 92 ngày 05/11/2020 của Bộ Chính trị, sáng 5/6, Tỉnh ủy tổ chức hội nghị"
    ev = find_event_date(text, BASE)
    assert (ev.date, ev.part_of_day, ev.text) == ("2024-06-05", "sáng", "sáng 5/6")
    text = "Thực hiện Kết luận 57-KL/TW của Bộ Chính trị, ngày 5/6, Tỉnh ủy tổ chức hội nghị"
    assert find_event_date(text, BASE).date == "2024-06-05"


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết Đại hội Đảng bộ lần thứ XX, nhiệm kỳ 2020-2025.",
        "giai đoạn 2021 - 2025 và 2012-2020",
        "Mã hồ sơ 57-KL/TW và 12-CT/TU",
        "lúc 15:58 đã có 5/7 chỉ tiêu đạt",
        "tỷ lệ đạt 98,5/100 điểm",
        "Đường dây nóng: 02163.818.555",
        "Ngày 31/2, hội nghị",
        "Sáng 30/4/2023/QĐ",
        "Khoản 2-3 Điều 5 của Luật",
        "thắng với tỷ số 3-1",
        "sáng nay, tại Hà Nội",
        "",
    ],
)
def test_event_traps(text):
    assert find_event_date(text, BASE) is None, text


def test_event_date_is_dataclass():
    ev = find_event_date("Sáng 14-12, Bộ Chính trị", dt.date(2021, 12, 15))
    assert isinstance(ev, EventDate)
    assert ev == EventDate("2021-12-14", "sáng", 0, 10, "Sáng 14-12", False, "--12-14")


# ---------------------------------------------------------------------------------------------------------------
# parse_date, weekday_name


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("15/6/2023", "2023-06-15"),
        ("3-3-2022", "2022-03-03"),
        ("ngày 05/11/2020", "2020-11-05"),
        ("05.11.2020", "2020-11-05"),
        ("ngày 5 tháng 6 năm 2024", "2024-06-05"),
        ("Ngày 5 tháng 6, năm 2024", "2024-06-05"),
        ("2020-11-05", "2020-11-05"),
        ("ký ngày 29/02/2024", "2024-02-29"),
        ("31/02/2024", None),
        ("29/02/2023", None),
        ("Nghị định 18/2024/NĐ-CP", None),
        ("2020-2025", None),
        ("02163.818.555", None),
        ("5/6", None),
        ("", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_weekday_name():
    assert weekday_name(dt.date(2024, 7, 3)) == "Thứ Tư"
    assert weekday_name(dt.date(2024, 11, 10)) == "Chủ nhật"
    assert weekday_name(0) == "Thứ Hai"
    # the names read back as the same weekday
    for offset in range(7):
        day = dt.date(2024, 7, 1) + dt.timedelta(days=offset)
        pub = parse_published(f"{weekday_name(day)}, {day:%d/%m/%Y}")
        assert pub is not None and not pub.weekday_mismatch


# ---------------------------------------------------------------------------------------------------------------
# the seed pages against their gold records


def _seed_cases():
    gold = [json.loads(line) for line in (SEEDS.parent / "seeds.gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [pytest.param(g, id=g["id"]) for g in gold]


@pytest.mark.parametrize("gold", _seed_cases())
def test_seed_pages(gold):
    lines = [normalize(line) for line in (SEEDS / f"{gold['id']}.txt").read_text(encoding="utf-8").splitlines()]
    date_lines = [line for line in lines if is_date_line(line)]
    published = parse_published(date_lines[0]).value if date_lines else None
    assert published == gold["published"]
    base = dt.date.fromisoformat(published[:10]) if published else None
    body = "\n".join(line for line in lines[1:] if not is_date_line(line))
    ev = find_event_date(body, base)
    want = gold["events"][0] if gold["events"] else {}
    assert (ev.date if ev else None) == want.get("date")
    assert (ev.part_of_day if ev else None) == want.get("part_of_day")


# ---------------------------------------------------------------------------------------------------------------
# Ranges, planned events, the year around a base, held dates

RANGES = [
    ("Trong hai ngày 14 và 15-8, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị giữa nhiệm kỳ.", "2024-08-14"),
    ("Từ ngày 23 - 25/9, Đại hội đại biểu Đảng bộ tỉnh lần thứ XX diễn ra tại Hội trường Tỉnh ủy.", "2024-09-23"),
    ("Trong hai ngày 14, 15/8, Hội đồng nhân dân tỉnh tổ chức Kỳ họp thứ 20.", "2024-08-14"),
    ("Ngày 14 và ngày 15-8, Ban Chấp hành Đảng bộ tỉnh họp Hội nghị lần thứ 18.", "2024-08-14"),
    ("Từ ngày 28/9 đến 02/10, các đại biểu Quốc hội của tỉnh tiếp xúc cử tri.", "2024-09-28"),
]


@pytest.mark.parametrize("text, date", RANGES)
def test_a_range_gives_its_first_day(text, date):
    ev = find_event_date(text, "2024-12-20")
    assert ev is not None and ev.date == date


def test_a_dash_between_three_numbers_is_no_range():
    assert find_event_date("Sáng 14-15-8, Hội nghị", "2024-12-20") is None


PLANNED = [
    # announced in December: the next January
    ("Từ ngày 3 đến 8/1, Hội nghị Ban Chấp hành Đảng bộ tỉnh sẽ diễn ra tại Hội trường Tỉnh ủy.", "2024-12-20",
     "2025-01-03", True),
    ("Hội nghị tổng kết công tác đối ngoại dự kiến tổ chức vào ngày 15/1.", "2024-12-20", "2025-01-15", True),
    # the same days reported as past: last January
    ("Từ ngày 3 đến 8/1, Ban Chấp hành Đảng bộ tỉnh họp Hội nghị lần thứ 18.", "2024-12-20", "2024-01-03", False),
    # planned, and this year's day is still ahead
    ("Sáng 28-12, Hội đồng nhân dân tỉnh sẽ khai mạc Kỳ họp thứ 20.", "2024-12-20", "2024-12-28", True),
    # a day close after the base, across the new year (a late page): the next year, planned or not
    ("Sáng 2-1, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị.", "2024-12-30", "2025-01-02", False),
    ("Sáng 28-12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị.", "2025-01-02", "2024-12-28", False),
]


@pytest.mark.parametrize("text, base, date, planned", PLANNED)
def test_planned_events_are_ahead(text, base, date, planned):
    ev = find_event_date(text, base)
    assert ev is not None and (ev.date, ev.planned) == (date, planned)


def test_a_base_known_to_the_year_or_month_keeps_its_year():
    text = "Sáng 2-1, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị."
    assert find_event_date(text, "2024").date == "2024-01-02"
    assert find_event_date(text, "2024-12").date == "2024-01-02"
    assert find_event_date(text, dt.date(2024, 12, 31)).date == "2025-01-02"


def test_day_and_month_known_without_a_year():
    ev = find_event_date("Sáng 14-12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị.")
    assert (ev.date, ev.month_day, ev.part_of_day) == (None, "--12-14", "sáng")


def test_held_dates():
    from hoinghi.clean.dates import held_dates

    text = ("Đại hội đại biểu Đảng bộ tỉnh lần thứ XX diễn ra từ ngày 01/10/2025 đến ngày 03/10/2025, tại Hội "
            "trường Trung tâm tỉnh. Đại hội lần thứ XXI sẽ diễn ra ngày 5/10/2030. Thực hiện Kết luận số 57-KL/TW "
            "ngày 15/6/2023 của Bộ Chính trị, Tỉnh ủy ban hành kế hoạch.")
    assert held_dates(text) == [dt.date(2025, 10, 1), dt.date(2025, 10, 3)]


# ---------------------------------------------------------------------------------------------------------------
# The page's date and the base (hoinghi.steps)

URLS = [
    ("https://baothainguyen.vn/chinh-tri/202309/tiep-xuc-cu-tri-367522.html", "2023-09"),
    ("https://example.vn/tin-tuc/2021/hoi-nghi-ban-chap-hanh.html", "2021"),
    ("https://example.vn/2024/07/04/hoi-nghi-quan-triet.html", "2024-07-04"),
    ("http://vietnamese.cri.cn/1/2005/07/04/1@32765.htm", "2005-07-04"),
    ("https://example.vn/day-manh-cong-tac-doi-ngoai-15082019-a22016.html", "2019-08-15"),
    ("https://vtv.vn/trong-nuoc/hop-thuong-nien-lan-thu-25-20160620161240022.htm", "2016-06-20"),
    ("https://example.vn/60-nam-thanh-lap-tinh-30101963-30102023-20231013190354869.htm", "2023-10-13"),
    # nothing unambiguous
    ("https://example.vn/60-nam-thanh-lap-tinh-30101963-30102023.htm", None),
    ("https://example.vn/dai-hoi-nhiem-ky-2025-2030-10307613.html", None),
    ("https://example.vn/web/guest/-/2018/6908/hoi-nghi.aspx", None),
    ("https://example.vn/khan-truong-hoan-thien-196251027210932268.htm", None),
    ("https://example.vn/tin-tuc/chi-tiet?ItemID=20230915", None),
    (None, None),
]


@pytest.mark.parametrize("url, date", URLS)
def test_url_date(url, date):
    from hoinghi.steps import url_date

    assert url_date(url) == date


LEAD_1210 = "Sáng 12-10, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị."


def _extract(text: str, url: str | None = None, date: str | None = None):
    from hoinghi.pipeline import extract

    return extract(text=text, url=url, date=date)


def test_published_from_the_url_when_the_page_and_input_print_none():
    art = _extract("Tỉnh ủy quán triệt Kết luận 57\n\n" + LEAD_1210,
                   url="https://baoyenbai.vn/chinh-tri/202310/quan-triet-ket-luan-57-123.html")
    assert (art.published, art.published_source, art.events[0].date) == ("2023-10", "url", "2023-10-12")


def test_a_url_date_never_overrides_a_printed_one():
    art = _extract("Tỉnh ủy quán triệt Kết luận 57\n\nCập nhật: 13-10-2023 | 09:12:05\n\n" + LEAD_1210,
                   url="https://baoyenbai.vn/chinh-tri/202210/quan-triet-ket-luan-57-123.html", date="2022-10-20")
    assert (art.published, art.published_source) == ("2023-10-13T09:12:05+07:00", "page")
    art = _extract("Tỉnh ủy quán triệt Kết luận 57\n\n" + LEAD_1210,
                   url="https://baoyenbai.vn/chinh-tri/202210/quan-triet-ket-luan-57-123.html", date="2023-10-13")
    assert (art.published, art.published_source, art.events[0].date) == ("2023-10-13", "input", "2023-10-12")


@pytest.mark.parametrize("title, date", [
    ("Hội nghị sơ kết công tác đối ngoại tháng 9.2020", "2020-09-12"),
    ("Hội nghị sơ kết công tác đối ngoại năm 2021", "2021-09-12"),
    # the end of a range or a year after `đến năm` is not the article's
    ("Hội nghị triển khai chiến lược giai đoạn 2021 - 2025, tầm nhìn đến năm 2030", None),
])
def test_base_from_a_month_or_year_in_the_headline(title, date):
    art = _extract(title + "\n\nSáng 12-9, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.")
    assert art.events and art.events[0].date == date


def test_base_from_the_year_in_the_event_name():
    art = _extract("Khai mạc Đại hội Đảng bộ tỉnh Nghệ An lần thứ XX, nhiệm kỳ 2020-2025\n\nSáng 14-10, Đại hội Đảng bộ "
                   "tỉnh Nghệ An lần thứ XX, nhiệm kỳ 2020-2025 khai mạc tại Trung tâm Hội nghị tỉnh.")
    assert art.events[0].date == "2020-10-14"
    art = _extract("Tin hoạt động\n\nSáng 14-10, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị báo cáo viên năm 2022.")
    assert art.events[0].date == "2022-10-14"


def test_an_outside_date_the_page_contradicts_gives_way():
    # day and month swapped in the outside date: the lead's `Sáng 3/10` is the page's day
    art = _extract("Bế mạc Đại hội Đảng bộ tỉnh\n\nSáng 3/10, Đại hội đại biểu Đảng bộ tỉnh lần thứ XX bế mạc.",
                   date="2025-03-10")
    assert art.published == "2025-03-10" and art.events[0].date == "2025-10-03"
    assert any("gives way to the page" in w for w in art.warnings)
    # the page prints its event's full dates, after the outside date
    art = _extract("Nghị quyết Đại hội\n\nSáng 3/10, Đại hội thông qua Nghị quyết.\n\nĐại hội lần thứ XX diễn ra "
                   "từ ngày 01/10/2025 đến ngày 03/10/2025 tại phường Thành Vinh.", date="2025-03-09")
    assert art.events[0].date == "2025-10-03"
    # nothing against it: the outside date stands
    art = _extract("Hội nghị Tỉnh ủy\n\nSáng 3/10, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị.", date="2025-10-05")
    assert art.events[0].date == "2025-10-03" and not art.warnings


@pytest.mark.parametrize(("text", "said"), [
    ("Tối cùng ngày, Thủ tướng chủ trì tiệc chiêu đãi Đoàn.", (True, "tối")),
    ("Cùng ngày, đoàn đến thăm tỉnh Vân Nam.", (True, None)),
    ("Buổi chiều cùng ngày, hai bên ký kết biên bản.", (True, "chiều")),
    ("Ngày 20-8, đoàn đến thăm tỉnh Vân Nam.", (False, None)),
    ("Hai bên cùng ngồi lại bàn bạc.", (False, None)),
])
def test_same_day(text, said):
    assert same_day(text) == said
