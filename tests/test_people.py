"""People and their positions (`hoinghi.extract.people`): names after honorifics and titles, chains of positions on
either side of a name, former positions, titles that refer back to a person, the unit an article implies, and the
traps of the genre (places that look like names, delegations, `tư tưởng Hồ Chí Minh`).

Every sentence here is written for the test in the style of Vietnamese official news; none is taken from a page.
"""

from __future__ import annotations

import pytest

from hoinghi.extract import entities, is_place, is_region
from hoinghi.extract.people import PersonMatch, complete_positions, expand_position, find_people
from hoinghi.model import Person
from hoinghi.pipeline import extract
from hoinghi.text import normalize


def found(text: str) -> list[PersonMatch]:
    return find_people(normalize(text), is_place, is_region)


def names(text: str) -> list[str]:
    return [pm.person.name for pm in found(text)]


def one(text: str) -> Person:
    got = found(text)
    assert len(got) == 1, [pm.person for pm in got]
    return got[0].person


def mentions(text: str, pm: PersonMatch) -> list[str]:
    text = normalize(text)
    return [text[s:e] for s, e in sorted(pm.spans)]


# ---------------------------------------------------------------------------------------------------------------
# Full names after honorifics

@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        ("Sáng nay, đồng chí Trần Quốc Vượng đến dự lễ khánh thành công trình.", "Trần Quốc Vượng", "đồng chí"),
        ("Đồng chí Mai Văn Chính trao đổi với cán bộ chủ chốt của huyện.", "Mai Văn Chính", "đồng chí"),
        ("Ông Phạm Minh Tuấn cho biết, tỉnh đã hoàn thành kế hoạch năm.", "Phạm Minh Tuấn", "ông"),
        ("Bà Hoàng Thị Thu Hà trình bày tham luận tại hội thảo.", "Hoàng Thị Thu Hà", "bà"),
        ("Tiến sĩ Vũ Đức Minh nêu rõ những thách thức của khu vực.", "Vũ Đức Minh", "Tiến sĩ"),
        ("PGS.TS Đinh Xuân Trường giới thiệu chuyên đề về kinh tế biển.", "Đinh Xuân Trường", "PGS.TS"),
        ("Thiếu tướng Lương Văn Hòa báo cáo tình hình an ninh biên giới.", "Lương Văn Hòa", "Thiếu tướng"),
    ],
)
def test_name_after_honorific(text, name, honorific):
    p = one(text)
    assert p.name == name
    assert p.honorifics == [honorific]
    assert p.positions == []
    assert p.former_positions == []


def test_ambassador_is_an_honorific_and_a_position():
    p = one("Đại sứ Ngô Quang Khải chia sẻ kinh nghiệm vận động đầu tư từ châu Âu.")
    assert (p.name, p.honorifics, p.positions) == ("Ngô Quang Khải", ["Đại sứ"], ["Đại sứ"])


# ---------------------------------------------------------------------------------------------------------------
# Positions before the name

@pytest.mark.parametrize(
    ("text", "name", "positions"),
    [
        ("Phó Bí thư Thường trực Tỉnh ủy Bạch Văn Sơn chủ trì hội nghị.", "Bạch Văn Sơn",
         ["Phó Bí thư Thường trực Tỉnh ủy"]),
        ("Bộ trưởng Bộ Ngoại giao Bùi Quang Huy khẳng định vai trò của ngoại giao kinh tế.", "Bùi Quang Huy",
         ["Bộ trưởng Bộ Ngoại giao"]),
        ("Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Hải phát biểu chào mừng.", "Võ Trọng Hải",
         ["Chủ tịch UBND tỉnh Hà Tĩnh"]),
        ("Thứ trưởng Bộ Ngoại giao, Chủ nhiệm Ủy ban Nhà nước về người Việt Nam ở nước ngoài Lê Thị Hồng Nhung dự "
         "và phát biểu.", "Lê Thị Hồng Nhung",
         ["Thứ trưởng Bộ Ngoại giao", "Chủ nhiệm Ủy ban Nhà nước về người Việt Nam ở nước ngoài"]),
        ("Tổng Bí thư Nguyễn Văn Khải chủ trì hội nghị.", "Nguyễn Văn Khải", ["Tổng Bí thư"]),
    ],
)
def test_title_before_name(text, name, positions):
    p = one(text)
    assert p.name == name
    assert p.positions == positions
    assert p.former_positions == []
    assert p.honorifics == []


def test_honorific_then_title_then_name():
    p = one("Đồng chí Bí thư Tỉnh ủy Lưu Quang Huy chủ trì hội nghị.")
    assert (p.name, p.positions, p.honorifics) == ("Lưu Quang Huy", ["Bí thư Tỉnh ủy"], ["đồng chí"])


# ---------------------------------------------------------------------------------------------------------------
# Positions after the name: `, A, B`, ` - A`, ` (A)`

@pytest.mark.parametrize(
    ("text", "name", "positions", "honorifics"),
    [
        ("Dự hội nghị có đồng chí Lò Văn Thắng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng đoàn đại biểu Quốc "
         "hội tỉnh.", "Lò Văn Thắng",
         ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy", "Trưởng đoàn đại biểu Quốc hội tỉnh"], ["đồng chí"]),
        ("Đồng chí Đặng Thanh Bình - Phó Chủ tịch UBND tỉnh phát biểu tại buổi làm việc.", "Đặng Thanh Bình",
         ["Phó Chủ tịch UBND tỉnh"], ["đồng chí"]),
        ("Tiến sĩ Phùng Thị Lan, Phó Giám đốc Học viện Ngoại giao, thông tin chuyên đề về tình hình thế giới.",
         "Phùng Thị Lan", ["Phó Giám đốc Học viện Ngoại giao"], ["Tiến sĩ"]),
        ("Đồng chí Cù Văn Định (Bí thư Huyện ủy) phát biểu kết luận.", "Cù Văn Định", ["Bí thư Huyện ủy"],
         ["đồng chí"]),
        ("Đồng chí Võ Thành Nam, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy chủ trì buổi làm việc.",
         "Võ Thành Nam", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Dân vận Tỉnh ủy"], ["đồng chí"]),
    ],
)
def test_chain_after_name(text, name, positions, honorifics):
    p = one(text)
    assert p.name == name
    assert p.positions == positions
    assert p.honorifics == honorifics
    assert p.former_positions == []


def test_position_spans_are_recorded():
    text = "Đồng chí Đặng Thanh Bình - Phó Chủ tịch UBND tỉnh phát biểu tại buổi làm việc."
    (pm,) = found(text)
    assert [phrase for _s, _e, phrase in pm.position_spans] == ["Phó Chủ tịch UBND tỉnh"]
    s, e, _ = pm.position_spans[0]
    assert normalize(text)[s:e] == "Phó Chủ tịch UBND tỉnh"


# ---------------------------------------------------------------------------------------------------------------
# `nguyên`: a former position

@pytest.mark.parametrize(
    ("text", "name", "positions", "former"),
    [
        ("Dự buổi lễ có đồng chí Hà Văn Lực, nguyên Chủ tịch UBND tỉnh.", "Hà Văn Lực", [], ["Chủ tịch UBND tỉnh"]),
        ("Đồng chí Trịnh Xuân Hùng, nguyên Phó Bí thư Tỉnh ủy, nguyên Chủ tịch HĐND tỉnh phát biểu.",
         "Trịnh Xuân Hùng", [], ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]),
        ("Đồng chí Tòng Văn Xôm - nguyên Bí thư Đảng ủy xã phát biểu.", "Tòng Văn Xôm", [], ["Bí thư Đảng ủy xã"]),
        ("Đồng chí Kha Minh Đức, Phó Bí thư Tỉnh ủy, nguyên Chủ tịch UBND tỉnh dự buổi gặp mặt.", "Kha Minh Đức",
         ["Phó Bí thư Tỉnh ủy"], ["Chủ tịch UBND tỉnh"]),
    ],
)
def test_former_positions_after_name(text, name, positions, former):
    p = one(text)
    assert (p.name, p.positions, p.former_positions) == (name, positions, former)


@pytest.mark.parametrize(
    ("text", "name", "former"),
    [
        ("Buổi gặp mặt có sự tham dự của nguyên Bí thư Tỉnh ủy Kiều Văn Tâm.", "Kiều Văn Tâm", ["Bí thư Tỉnh ủy"]),
        ("Nguyên Phó Chủ tịch Quốc hội Tòng Thị Phóng dự buổi gặp mặt.", "Tòng Thị Phóng",
         ["Phó Chủ tịch Quốc hội"]),
    ],
)
def test_former_position_before_name(text, name, former):
    p = one(text)
    assert (p.name, p.positions, p.former_positions) == (name, [], former)


# ---------------------------------------------------------------------------------------------------------------
# A later title alone refers back to the person: one person, several mentions

def test_general_secretary_refers_back():
    text = ("Tổng Bí thư Nguyễn Văn Khải chủ trì hội nghị. Kết luận hội nghị, Tổng Bí thư nhấn mạnh yêu cầu đổi mới "
            "phương thức lãnh đạo.")
    (pm,) = found(text)
    assert pm.person.name == "Nguyễn Văn Khải"
    assert mentions(text, pm) == ["Nguyễn Văn Khải", "Tổng Bí thư"]
    # the second mention is the title printed alone, after the first sentence
    assert sorted(pm.spans)[1][0] > normalize(text).index("Kết luận")


def test_comrade_provincial_secretary_refers_back():
    text = ("Đồng chí Lưu Quang Huy, Bí thư Tỉnh ủy chủ trì hội nghị. Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy đề "
            "nghị các cấp ủy quán triệt nghiêm túc. Đồng chí Bí thư Tỉnh ủy cũng lưu ý công tác tuyên truyền.")
    got = found(text)
    assert [pm.person.name for pm in got] == ["Lưu Quang Huy"]
    assert mentions(text, got[0]) == ["Lưu Quang Huy", "Bí thư Tỉnh ủy", "Bí thư Tỉnh ủy"]


def test_refer_back_goes_to_the_right_person():
    text = ("Dự hội nghị có đồng chí Hồ Minh Khang, Bí thư Tỉnh ủy và đồng chí Lê Văn Dũng, Chủ tịch UBND tỉnh. "
            "Chủ tịch UBND tỉnh đề nghị các sở, ngành phối hợp chặt chẽ.")
    got = {pm.person.name: mentions(text, pm) for pm in found(text)}
    assert got == {"Hồ Minh Khang": ["Hồ Minh Khang"], "Lê Văn Dũng": ["Lê Văn Dũng", "Chủ tịch UBND tỉnh"]}


def test_refer_back_mentions_reach_entities():
    text = ("Tổng Bí thư Nguyễn Văn Khải chủ trì hội nghị.\nPhát biểu bế mạc, Tổng Bí thư yêu cầu các cấp ủy "
            "khẩn trương triển khai.")
    ents = entities(normalize(text))
    person_mentions = [(m.text, m.ref) for m in ents.mentions if m.type == "person"]
    assert person_mentions == [("Nguyễn Văn Khải", 0), ("Tổng Bí thư", 0)]


# ---------------------------------------------------------------------------------------------------------------
# A bare unit completed from the article's province (positions_full); the printed form is kept

def test_bare_unit_completed_from_article_province():
    text = normalize(
        "Bình Dương quán triệt nghị quyết của Trung ương\n"
        "Sáng 20-3, Tỉnh ủy Bình Dương tổ chức hội nghị quán triệt nghị quyết. Đồng chí Võ Văn Minh, Ủy viên Trung "
        "ương Đảng, Bí thư Tỉnh ủy, Trưởng đoàn đại biểu Quốc hội tỉnh chủ trì. Dự có đồng chí Mai Hùng Dũng, Phó Chủ "
        "tịch Thường trực UBND tỉnh Bình Dương.")
    ents = entities(text, title="Bình Dương quán triệt nghị quyết của Trung ương")
    assert ents.province == "Bình Dương"
    by_name = {p.name: p for p in ents.people}
    assert list(by_name) == ["Võ Văn Minh", "Mai Hùng Dũng"]
    minh = by_name["Võ Văn Minh"]
    assert minh.positions == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy", "Trưởng đoàn đại biểu Quốc hội tỉnh"]
    assert minh.positions_full == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Bình Dương",
                                   "Trưởng đoàn đại biểu Quốc hội tỉnh Bình Dương"]
    # a position that already names the province is not completed twice
    assert by_name["Mai Hùng Dũng"].positions_full == ["Phó Chủ tịch Thường trực UBND tỉnh Bình Dương"]


@pytest.mark.parametrize(
    ("positions", "province", "full"),
    [
        (["Bí thư Tỉnh ủy"], "Bình Dương", ["Bí thư Tỉnh ủy Bình Dương"]),
        (["Phó Chủ tịch UBND tỉnh"], "Yên Bái", ["Phó Chủ tịch UBND tỉnh Yên Bái"]),
        (["Chủ tịch HĐND tỉnh"], "Nghệ An", ["Chủ tịch HĐND tỉnh Nghệ An"]),
        (["Bộ trưởng Bộ Ngoại giao"], "Bình Dương", ["Bộ trưởng Bộ Ngoại giao"]),
        (["Bí thư Tỉnh ủy"], None, ["Bí thư Tỉnh ủy"]),
    ],
)
def test_complete_positions(positions, province, full):
    p = Person(name="Nguyễn Văn A", positions=list(positions))
    assert complete_positions(p, province) == full
    assert p.positions == positions  # the printed form is kept


# ---------------------------------------------------------------------------------------------------------------
# Traps

@pytest.mark.parametrize(
    "text",
    [
        "Thái Nguyên tổ chức hội nghị chuyên đề về công tác đối ngoại.",
        "Tại Hà Nội, đoàn công tác đã làm việc với Bộ Ngoại giao.",
        "Đại biểu tỉnh Hà Tĩnh và tỉnh Cao Bằng cùng dự hội nghị tại Lâm Đồng.",
        "Hà Tĩnh, Hà Nội và Cao Bằng được biểu dương tại hội nghị.",
        "Lâm Đồng thu hút thêm nhiều dự án đầu tư nước ngoài.",
        "Cao Bằng đẩy mạnh hợp tác với các địa phương của nước bạn.",
    ],
)
def test_place_names_are_not_people(text):
    assert names(text) == []


def test_place_before_a_name_is_not_part_of_it():
    assert names("Đoàn công tác của tỉnh Thái Nguyên do đồng chí Mạc Đăng Khoa dẫn đầu.") == ["Mạc Đăng Khoa"]


@pytest.mark.parametrize(
    "text",
    [
        "Phó Chủ tịch UBND tỉnh phát biểu chào mừng các đại biểu.",
        "Bí thư Tỉnh ủy nhấn mạnh yêu cầu đổi mới công tác tuyên truyền.",
        "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy trình bày báo cáo.",
    ],
)
def test_title_with_no_name_is_no_person(text):
    assert names(text) == []


def test_two_people_in_one_sentence():
    got = found("Đồng chí Doãn Văn Kiên, Bí thư Tỉnh ủy và đồng chí Khúc Thị Mai, Chủ tịch UBND tỉnh đồng chủ trì "
                "hội nghị.")
    assert [(pm.person.name, pm.person.positions, pm.person.honorifics) for pm in got] == [
        ("Doãn Văn Kiên", ["Bí thư Tỉnh ủy"], ["đồng chí"]),
        ("Khúc Thị Mai", ["Chủ tịch UBND tỉnh"], ["đồng chí"]),
    ]


def test_two_people_with_plain_honorifics():
    got = found("Ông Nguyễn Thái Sơn và bà Lê Thị Thu Hà cùng dự buổi tiếp.")
    assert [(pm.person.name, pm.person.honorifics) for pm in got] == [
        ("Nguyễn Thái Sơn", ["ông"]), ("Lê Thị Thu Hà", ["bà"])]


def test_list_of_comrades():
    got = found("Dự hội nghị có các đồng chí: Tô Minh Quang, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Lâm Thị Hương, "
                "Phó Chủ tịch HĐND tỉnh; Đàm Văn Đông, Giám đốc Sở Ngoại vụ.")
    assert [(pm.person.name, pm.person.positions) for pm in got] == [
        ("Tô Minh Quang", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]),
        ("Lâm Thị Hương", ["Phó Chủ tịch HĐND tỉnh"]),
        ("Đàm Văn Đông", ["Giám đốc Sở Ngoại vụ"]),
    ]


@pytest.mark.parametrize(
    ("text", "name", "positions"),
    [
        ("Đồng chí Giàng A Páo, Phó Bí thư Huyện ủy, trình bày báo cáo.", "Giàng A Páo", ["Phó Bí thư Huyện ủy"]),
        ("Đồng chí Sùng A Hồ phát biểu tham luận.", "Sùng A Hồ", []),
        ("Đồng chí Lầu Mí Chứ, Chủ tịch UBND xã, báo cáo kết quả.", "Lầu Mí Chứ", ["Chủ tịch UBND xã"]),
    ],
)
def test_ethnic_minority_names(text, name, positions):
    p = one(text)
    assert (p.name, p.positions, p.honorifics) == (name, positions, ["đồng chí"])


@pytest.mark.parametrize(
    "text",
    [
        "Cán bộ, đảng viên học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Hội nghị quán triệt tư tưởng Hồ Chí Minh về công tác đối ngoại.",
        "Cán bộ các cấp vận dụng sáng tạo chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.",
    ],
)
def test_ho_chi_minh_thought_is_no_person(text):
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đoàn Việt Nam đã tham gia tích cực vào các phiên thảo luận.", []),
        ("Đoàn Lào đánh giá cao sự hỗ trợ của tỉnh.", []),
        ("Đoàn Việt Nam do Thứ trưởng Đỗ Hùng Việt dẫn đầu đã tham dự diễn đàn.", ["Đỗ Hùng Việt"]),
        # a person whose family name is Đoàn
        ("Đồng chí Đoàn Văn Việt, Phó Chủ tịch UBND tỉnh, dự buổi làm việc.", ["Đoàn Văn Việt"]),
    ],
)
def test_delegation_is_no_person(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tỉnh ủy tổ chức lễ kỷ niệm 110 năm Ngày sinh đồng chí Nguyễn Văn Cừ, nguyên Tổng Bí thư của Đảng.",
         ["Nguyễn Văn Cừ"]),
        ("Cố Tổng Bí thư Nguyễn Văn Linh là nhà lãnh đạo kiệt xuất của Đảng.", ["Nguyễn Văn Linh"]),
    ],
)
def test_cued_name_that_is_also_a_ward(text, expected):
    assert names(text) == expected



def test_a_photo_credit_is_no_person():
    art = extract(text="Hội nghị báo cáo viên tháng 5\nSáng 3/5, Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 5.\n"
                       "Quang cảnh hội nghị. Ảnh: Đinh Tuấn")
    assert [p.name for p in art.people] == []


@pytest.mark.parametrize(("sentence", "name", "positions"), [
    # an age between the name and its positions
    ("Hội đồng đã bầu ông Trần Huy Tuấn, 46 tuổi, Phó Bí thư Tỉnh ủy, giữ chức vụ Chủ tịch UBND tỉnh nhiệm kỳ "
     "2021-2026.", "Trần Huy Tuấn", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]),
    # elected or appointed to a post
    ("Đồng chí Nguyễn Xuân Ký được tín nhiệm tái bầu làm Bí thư Tỉnh ủy nhiệm kỳ mới.", "Nguyễn Xuân Ký",
     ["Bí thư Tỉnh ủy"]),
    ("Ông Trịnh Việt Hùng, Bí thư Tỉnh ủy Thái Nguyên giữ chức Bí thư Tỉnh ủy Lào Cai, nhiệm kỳ 2025-2030.",
     "Trịnh Việt Hùng", ["Bí thư Tỉnh ủy Thái Nguyên", "Bí thư Tỉnh ủy Lào Cai"]),
    # `làm` before no title is the verb `làm việc`
    ("Đồng chí Nguyễn Văn An làm việc với đoàn công tác của tỉnh.", "Nguyễn Văn An", []),
])
def test_positions_by_election_and_appointment(sentence, name, positions):
    assert positions_in(sentence) == {name: positions}


def positions_in(sentence: str) -> dict[str, list[str]]:
    """The people of a one-sentence page, with their positions."""
    return {p.name: p.positions for p in extract(text="Tin hoạt động của lãnh đạo tỉnh\n" + sentence).people}


@pytest.mark.parametrize(("sentence", "people"), [
    # a last syllable that also opens a title word (`Nghị quyết`, `Học viện`)
    ("Tham dự có ông Nguyễn Thanh Nghị, Trưởng ban Chính sách Trung ương và đồng chí Đinh Hữu Học, Phó Chủ tịch "
     "Thường trực UBND tỉnh.", {"Nguyễn Thanh Nghị": ["Trưởng ban Chính sách Trung ương"],
                               "Đinh Hữu Học": ["Phó Chủ tịch Thường trực UBND tỉnh"]}),
    # a title that runs into the next name is that person's
    ("Dự kỳ họp có Chủ tịch UBND tỉnh Lê Trí Thanh, Chủ tịch UBMTTQ Việt Nam tỉnh Võ Xuân Ca.",
     {"Lê Trí Thanh": ["Chủ tịch UBND tỉnh"], "Võ Xuân Ca": ["Chủ tịch UBMTTQ Việt Nam tỉnh"]}),
    # names in Latin script after a title; a country after an honorific is the title's; no title, no person
    ("Chủ tịch Quốc hội Lào Xaysomphone Phomvihane và Thủ tướng Chính phủ Sonexay Siphandone dự lễ. Đại sứ Hoa Kỳ "
     "Marc Knapper thăm tỉnh. Tập đoàn Mitani Sangyo đầu tư vào tỉnh, theo Facebook Fanpage của tỉnh.",
     {"Xaysomphone Phomvihane": ["Chủ tịch Quốc hội Lào"], "Sonexay Siphandone": ["Thủ tướng Chính phủ"],
      "Marc Knapper": ["Đại sứ Hoa Kỳ"]}),
    # titles in Title Case
    ("Bộ Trưởng Quốc phòng Chansamone Chanyalath và Phó Chủ Tịch UBND tỉnh Nguyễn Văn Sơn dự lễ.",
     {"Chansamone Chanyalath": ["Bộ Trưởng Quốc phòng"], "Nguyễn Văn Sơn": ["Phó Chủ Tịch UBND tỉnh"]}),
    # a plural title before a list of names is each one's; a singular one is the first name's only
    ("Dự kỳ họp có các Phó Chủ tịch HĐND tỉnh Trần Xuân Vinh, Nguyễn Công Thanh và Lê Văn Hòa.",
     {"Trần Xuân Vinh": ["Phó Chủ tịch HĐND tỉnh"], "Nguyễn Công Thanh": ["Phó Chủ tịch HĐND tỉnh"],
      "Lê Văn Hòa": ["Phó Chủ tịch HĐND tỉnh"]}),
    ("Dự kỳ họp có Phó Chủ tịch HĐND tỉnh Trần Xuân Vinh, ông Nguyễn Công Thanh.",
     {"Trần Xuân Vinh": ["Phó Chủ tịch HĐND tỉnh"], "Nguyễn Công Thanh": []}),
    # a plural title heading a list
    ("Các Phó Bí thư gồm: ông Hoàng Văn Giang, ông Trần Huy Tuấn và bà Giàng Thị Dung.",
     {"Hoàng Văn Giang": ["Phó Bí thư"], "Trần Huy Tuấn": ["Phó Bí thư"], "Giàng Thị Dung": ["Phó Bí thư"]}),
    ("Dự hội nghị có các đồng chí là ông Nguyễn Văn An, ông Lê Văn Bình.",  # no title: nothing to share
     {"Nguyễn Văn An": [], "Lê Văn Bình": []}),
    # `danh dự` is no verb `dự`
    ("Ông Nguyễn Văn An, Lãnh sự danh dự Việt Nam tại Sapporo dự lễ.",
     {"Nguyễn Văn An": ["Lãnh sự danh dự Việt Nam tại Sapporo"]}),
])
def test_names_and_positions(sentence, people):
    assert positions_in(sentence) == people


# ---------------------------------------------------------------------------------------------------------------
# Chains: abbreviations, commas inside a body's name, `kiêm`, lower-case heads, where a chain ends

def chain(text: str) -> dict[str, list[str]]:
    return {pm.person.name: pm.person.positions for pm in found(text)}


@pytest.mark.parametrize(("text", "people"), [
    # an abbreviation with a full stop or in capitals goes on with the chain; the printed form is kept
    ("Chiều 6/8, đồng chí Lò Thị Mai, UVT.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh chủ trì hội nghị.",
     {"Lò Thị Mai": ["UVT.Ư Đảng", "Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"]}),
    ("Ủy viên BCH T.Ư Đảng, Bí thư Tỉnh ủy Hà Quang Dũng phát biểu khai mạc.",
     {"Hà Quang Dũng": ["Ủy viên BCH T.Ư Đảng", "Bí thư Tỉnh ủy"]}),
    ("Đ/c Vi Văn Sơn, UVBTV, PBT Tỉnh ủy dự. Sau đó đoàn thăm nhà máy.",
     {"Vi Văn Sơn": ["UVBTV", "PBT Tỉnh ủy"]}),
    ("Ông Kiều Văn Hải, Phó Chủ tịch UBND TP. Hải Phòng cho biết kế hoạch.",
     {"Kiều Văn Hải": ["Phó Chủ tịch UBND TP. Hải Phòng"]}),
    # commas inside a body's name
    ("Dự có đồng chí Trần Văn Nam, Trưởng ban Chính sách, chiến lược Trung ương, Phó Chủ tịch Quốc hội.",
     {"Trần Văn Nam": ["Trưởng ban Chính sách, chiến lược Trung ương", "Phó Chủ tịch Quốc hội"]}),
    ("Trưởng ban Chính sách, chiến lược Trung ương Đinh Văn Lực phát biểu.",
     {"Đinh Văn Lực": ["Trưởng ban Chính sách, chiến lược Trung ương"]}),
    ("Đồng chí Mai Văn Chính, Thủ tướng Chính phủ, Trưởng Ban Chỉ đạo Trung ương về phát triển khoa học, công "
     "nghệ, đổi mới sáng tạo và chuyển đổi số, Ủy viên Bộ Chính trị, kết luận hội nghị.",
     {"Mai Văn Chính": ["Thủ tướng Chính phủ", "Trưởng Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, "
                        "đổi mới sáng tạo và chuyển đổi số", "Ủy viên Bộ Chính trị"]}),
    # an organisation after a comma goes on with a sub-unit, up to `và` and what is no title
    ("Ông Đỗ Văn Trung, Vụ trưởng Vụ Đông Bắc Á, Bộ Ngoại giao và đại diện lãnh đạo một số sở, ngành dự.",
     {"Đỗ Văn Trung": ["Vụ trưởng Vụ Đông Bắc Á, Bộ Ngoại giao"]}),
    ("Ông Lê Văn Đảng, Phó Trưởng ban Thường trực Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh báo cáo.",
     {"Lê Văn Đảng": ["Phó Trưởng ban Thường trực Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh"]}),
    ("Đồng chí Vũ Thị Lan, thành viên Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh, Chánh Thanh "
     "tra tỉnh dự.",
     {"Vũ Thị Lan": ["thành viên Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh", "Chánh Thanh tra tỉnh"]}),
    # … but what follows a position after a comma in lower case is not its body
    ("Đồng chí Lê Văn An, Phó Chủ tịch UBND tỉnh, lãnh đạo các sở, ngành dự.", {"Lê Văn An": ["Phó Chủ tịch UBND tỉnh"]}),
    ("Ông Lê Văn Tâm, Giám đốc Sở Nội vụ, người gắn bó nhiều năm với ngành, cho biết.",
     {"Lê Văn Tâm": ["Giám đốc Sở Nội vụ"]}),
    # `kiêm` joins two positions
    ("Đồng chí Nguyễn Văn Hùng, Bí thư Tỉnh ủy kiêm Chủ tịch HĐND tỉnh phát biểu.",
     {"Nguyễn Văn Hùng": ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}),
    ("Bí thư Huyện ủy kiêm Chủ tịch UBND huyện Sầm Văn Tú báo cáo.",
     {"Sầm Văn Tú": ["Bí thư Huyện ủy", "Chủ tịch UBND huyện"]}),
    # heads in lower case
    ("Phó viện trưởng Viện Kinh tế Lê Văn Bình và thành viên Ban Chỉ đạo Trần Thị Hoa dự.",
     {"Lê Văn Bình": ["Phó viện trưởng Viện Kinh tế"], "Trần Thị Hoa": ["thành viên Ban Chỉ đạo"]}),
    ("Bà Trần Thị Hoa, ủy viên Ban Thường vụ Tỉnh ủy, nêu ý kiến.", {"Trần Thị Hoa": ["ủy viên Ban Thường vụ Tỉnh ủy"]}),
    # a chain ends at a verb or a clause word, listed or not
    ("Ông Nguyễn Hồng Sơn, Bộ trưởng Bộ Công Thương nhận định thị trường còn khó khăn.",
     {"Nguyễn Hồng Sơn": ["Bộ trưởng Bộ Công Thương"]}),
    ("Ông Trần Văn An, Giám đốc Sở Tài chính cũng cho rằng nguồn thu tăng.", {"Trần Văn An": ["Giám đốc Sở Tài chính"]}),
    ("Đồng chí Lê Văn Hùng, Bí thư Tỉnh ủy Tại Hội nghị, các đại biểu thảo luận.", {"Lê Văn Hùng": ["Bí thư Tỉnh ủy"]}),
    ("Ông Phan Văn Lộc, Giám đốc Sở Xây dựng Yên Bái đánh giá công trình.",
     {"Phan Văn Lộc": ["Giám đốc Sở Xây dựng Yên Bái"]}),
    # … but a proper name goes on with `tại`, and two-syllable words go on
    ("Tổng Lãnh sự Việt Nam tại Côn Minh Ngô Trung Hiếu phát biểu.", {"Ngô Trung Hiếu": ["Tổng Lãnh sự Việt Nam tại Côn Minh"]}),
    ("Đồng chí Tô Văn Lâm, Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam gửi thư.",
     {"Tô Văn Lâm": ["Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"]}),
])
def test_chains_of_positions(text, people):
    assert chain(text) == people


def test_the_printed_form_is_kept_and_expanded_for_linking():
    assert expand_position("UVT.Ư Đảng") == "Ủy viên Trung ương Đảng"
    assert expand_position("Ủy viên BCH T.Ư Đảng") == "Ủy viên Ban Chấp hành Trung ương Đảng"
    assert expand_position("UVBTV Tỉnh ủy, PBT Tỉnh ủy") == "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Bí thư Tỉnh ủy"
    assert expand_position("Bí thư Tỉnh ủy") == "Bí thư Tỉnh ủy"


def test_an_abbreviation_does_not_hide_the_chair():
    text = ("Hội nghị Ban Thường vụ Tỉnh ủy\nChiều ngày 6/8, đồng chí Lò Thị Mai, UVT.Ư Đảng, Bí thư Tỉnh ủy, "
            "Trưởng đoàn ĐBQH tỉnh chủ trì hội nghị Ban Thường vụ Tỉnh ủy.")
    art = extract(text=text)
    assert [p.positions for p in art.people] == [["UVT.Ư Đảng", "Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"]]
    assert art.events[0].chairs == ["Lò Thị Mai"]


@pytest.mark.parametrize(("text", "people"), [
    # a counted plural title before `gồm`
    ("UBND tỉnh có 3 Phó Chủ tịch gồm ông Nguyễn Văn An, ông Trần Văn Bình và bà Lê Thị Cúc.",
     {"Nguyễn Văn An": ["Phó Chủ tịch"], "Trần Văn Bình": ["Phó Chủ tịch"], "Lê Thị Cúc": ["Phó Chủ tịch"]}),
    # a shared title before a colon list, each name with its own position too
    ("Đồng chủ trì có các đồng chí Ủy viên Bộ Chính trị: Ngô Xuân Phúc - Chủ tịch nước; Phạm Minh Chiến - Thủ tướng "
     "Chính phủ; Võ Văn Thành - Thường trực Ban Bí thư.",
     {"Ngô Xuân Phúc": ["Ủy viên Bộ Chính trị", "Chủ tịch nước"],
      "Phạm Minh Chiến": ["Ủy viên Bộ Chính trị", "Thủ tướng Chính phủ"],
      "Võ Văn Thành": ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"]}),
    # the list ends with a sentence
    ("Dự có các Phó Chủ tịch UBND tỉnh: Lê Văn Lâm, Trần Thị Mai. Ông Nguyễn Văn Tâm phát biểu.",
     {"Lê Văn Lâm": ["Phó Chủ tịch UBND tỉnh"], "Trần Thị Mai": ["Phó Chủ tịch UBND tỉnh"], "Nguyễn Văn Tâm": []}),
])
def test_shared_plural_titles(text, people):
    assert chain(text) == people


# ---------------------------------------------------------------------------------------------------------------
# Names

@pytest.mark.parametrize(("text", "expected"), [
    # a given name that is a province's name
    ("Ông Nguyễn Thái Bình, Bộ trưởng Bộ Nội vụ cho biết.", ["Nguyễn Thái Bình"]),
    ("Đồng chí Trần Quảng Ninh dự lễ.", ["Trần Quảng Ninh"]),
    # a last syllable that is also a noun of titles and bodies
    ("Đồng chí Lê Văn Đảng, Bí thư Huyện ủy phát biểu.", ["Lê Văn Đảng"]),
    ("Đồng chí Lê Văn Đảng phát biểu.", ["Lê Văn Đảng"]),
    ("Ông Vũ Văn Sở cho biết.", ["Vũ Văn Sở"]),
    # … also of a name of two syllables, before the dash of a chain
    ("Dự có các đồng chí: Hà Ban - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; Giàng A Chu - Phó Bí thư Tỉnh ủy.",
     ["Hà Ban", "Giàng A Chu"]),
    # … but not when it opens a title after the name
    ("Ông Nguyễn Văn Hùng Bộ trưởng cho biết.", ["Nguyễn Văn Hùng"]),
    # a Chinese name in Vietnamese syllables right after a title
    ("Tổng Bí thư, Chủ tịch nước Trung Quốc Tập Cận Bình hội đàm với Tổng Bí thư Tô Văn Lâm.",
     ["Tập Cận Bình", "Tô Văn Lâm"]),
    ("Tham dự có Giám đốc Sở Ngoại vụ tỉnh Vân Nam Dương Mộc, Phó Giám đốc Hạ Kiến Phong và lãnh đạo các phòng.",
     ["Dương Mộc", "Hạ Kiến Phong"]),
    # … and only there
    ("Đoàn đã thăm Tập Cận Bình Dương và Hạ Long.", []),
    # a Lao name in syllables joined by hyphens right after a title; its chain is not the next person's
    ("Bí thư, Tỉnh trưởng tỉnh Khăm Muộn Văn-xay Phong-sạ-vẳn và Chủ tịch UBND tỉnh Quảng Bình Trần Thắng dự.",
     ["Văn-xay Phong-sạ-vẳn", "Trần Thắng"]),
    ("Phó Thủ tướng Lào Xổm-đi Đuông-đi tiếp đoàn.", ["Xổm-đi Đuông-đi"]),
    ("Hợp tác trong lưu vực sông Mê-kông được tăng cường.", []),
    # a middle initial inside a name in Latin script
    ("Ngài Jerril G. Santos, Đại sứ Philippines tại Việt Nam phát biểu.", ["Jerril G. Santos"]),
    ("Đại sứ Hoa Kỳ Marc E. Knapper chúc mừng.", ["Marc E. Knapper"]),
    # streets, schools, awards, eras named after someone
    ("Hội nghị diễn ra tại số 12 Lý Thường Kiệt, thành phố Vinh.", []),
    ("Trường THCS Chu Văn An tổ chức lễ khai giảng.", []),
    ("Tỉnh trao Giải thưởng Lê Văn Thiêm và Huân chương Lê Duẩn cho các tập thể.", []),
    ("Chúng ta đang sống trong thời đại Hồ Chí Minh, học tập tư tưởng Trần Hưng Đạo.", []),
    ("Buổi lễ được tổ chức tại Bảo tàng Nguyễn Văn Trỗi và phường Nguyễn Trãi.", []),
])
def test_names(text, expected):
    assert names(text) == expected


def test_given_name_after_honorific_or_title_refers_back():
    text = ("Ông Nguyễn Anh Tuấn, Giám đốc Sở Nội vụ cho biết. Theo ông Tuấn, năm nay tỉnh tinh giản. Đồng chí Lê "
            "Văn Hùng, Bí thư Tỉnh ủy dự. Bí thư Hùng nhấn mạnh.")
    got = found(text)
    assert [mentions(text, pm) for pm in got] == [["Nguyễn Anh Tuấn", "Tuấn"], ["Lê Văn Hùng", "Hùng"]]


def test_a_given_name_two_people_share_refers_to_none():
    text = "Ông Nguyễn Anh Tuấn và ông Trần Văn Tuấn dự họp. Ông Tuấn cho biết."
    assert [mentions(text, pm) for pm in found(text)] == [["Nguyễn Anh Tuấn"], ["Trần Văn Tuấn"]]


@pytest.mark.parametrize(("positions", "province", "when", "full"), [
    (["Chủ tịch UBND tỉnh"], "Hà Giang", "2025-08-01", ["Chủ tịch UBND tỉnh Tuyên Quang"]),
    (["Chủ tịch UBND tỉnh"], "Hà Giang", "2025-06-30", ["Chủ tịch UBND tỉnh Hà Giang"]),
    (["Bí thư Thành ủy"], "Hà Nội", "2025-08-01", ["Bí thư Thành ủy Hà Nội"]),
    (["Bí thư Tỉnh ủy"], "Nghệ An", None, ["Bí thư Tỉnh ủy Nghệ An"]),
])
def test_complete_positions_as_of_the_date(positions, province, when, full):
    assert complete_positions(Person(name="Nguyễn Văn A", positions=list(positions)), province, when) == full


def test_the_province_the_text_names_completes_before_the_portals():
    text = normalize("Lào Cai tổng kết công tác đối ngoại\nSáng 20-3, Tỉnh ủy Lào Cai tổ chức hội nghị tại tỉnh Lào "
                     "Cai. Đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì.")
    ents = entities(text, url="https://yenbai.gov.vn/tin/1", title="Lào Cai tổng kết công tác đối ngoại")
    assert ents.people[0].positions_full == ["Bí thư Tỉnh ủy Lào Cai"]


def test_a_bare_city_committee_is_completed_only_by_a_city_province():
    p = Person(name="Nguyễn Văn A", positions=["Phó Bí thư Thường trực Thành ủy"])
    assert complete_positions(p, "Vĩnh Phúc") == ["Phó Bí thư Thường trực Thành ủy"]  # Phúc Yên's, not the province's
    assert complete_positions(p, "Cần Thơ") == ["Phó Bí thư Thường trực Thành ủy Cần Thơ"]
