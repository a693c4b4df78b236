"""Tests for hoinghi.extract.documents: the grammar of party and state document references."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from hoinghi.extract.documents import DocumentMatch, document_key, find_documents, implied_code, normalize_code
from hoinghi.model import Document
from hoinghi.text import normalize

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def found(text: str, **kw) -> list[DocumentMatch]:
    return find_documents(normalize(text), **kw)


def docs(text: str, **kw) -> list[Document]:
    return [m.document for m in found(text, **kw)]


def one(text: str, **kw) -> Document:
    got = docs(text, **kw)
    assert len(got) == 1, got
    return got[0]


# ---------------------------------------------------------------------------------------------------------------
# Kinds, numbers and codes

@pytest.mark.parametrize(
    ("text", "kind", "number", "code"),
    [
        ("Các địa phương triển khai Chỉ thị số 25-CT/TW về công tác đối ngoại.", "Chỉ thị", "25", "CT/TW"),
        ("Đảng ủy quán triệt Kết luận 57-KL/TW của Bộ Chính trị.", "Kết luận", "57", "KL/TW"),
        ("Sở đã xây dựng Đề án số 01- ĐA/TW trình Thường trực.", "Đề án", "01", "ĐA/TW"),
        ("Tỉnh ủy thực hiện Chỉ thị 12/CT-TW trên địa bàn.", "Chỉ thị", "12", "CT/TW"),
        ("Ban hành theo Hướng dẫn số 06-HD/BĐNTW của cơ quan tham mưu.", "Hướng dẫn", "06", "HD/BĐNTW"),
        ("Thực hiện Quy định số 02-QĐi/TW, cấp ủy rà soát.", "Quy định", "02", "QĐi/TW"),
        ("Căn cứ Nghị định số 18/2024/NĐ-CP, Sở trình phương án.", "Nghị định", "18", "NĐ-CP"),
        ("Hội nghị học tập Chỉ thị 25, chiều cùng ngày.", "Chỉ thị", "25", None),
        ("Cần quán triệt Chỉ thị số 42 tới chi bộ.", "Chỉ thị", "42", None),
        ("Thực hiện Kết luận số 100 - KL/TW của Ban Bí thư.", "Kết luận", "100", "KL/TW"),
        ("Thực hiện Kế hoạch số 25-KH/TU, các huyện báo cáo.", "Kế hoạch", "25", "KH/TU"),
        ("Theo Quyết định số 1234/QĐ-TTg, tỉnh thành lập ban chỉ đạo.", "Quyết định", "1234", "QĐ-TTg"),
        ("Triển khai Nghị quyết số 35-NQ/TW trong toàn Đảng bộ.", "Nghị quyết", "35", "NQ/TW"),
        ("Quốc hội đã thông qua Luật số 59/2020/QH14 tại kỳ họp.", "Luật", "59", "QH14"),
        # a kind qualified by `hành động` / `liên tịch` is the kind itself (the answer sets' convention)
        ("Thành phố ban hành Chương trình hành động số 40-CTr/TU ngay sau đó.", "Chương trình", "40", "CTr/TU"),
        ("Huyện ủy ban hành Kế hoạch hành động số 12-KH/HU để thực hiện.", "Kế hoạch", "12", "KH/HU"),
        ("Theo Thông tư liên tịch số 01/2015/TTLT-BNV-BTC, các sở rà soát.", "Thông tư", "01", "TTLT-BNV-BTC"),
        # a spaced en dash before the code
        ("Thực hiện Kết luận số 05 – KL/TW về công tác dân vận.", "Kết luận", "05", "KL/TW"),
        ("Quán triệt Chỉ thị số 35 –CT/TW của Bộ Chính trị.", "Chỉ thị", "35", "CT/TW"),
        ("UBND tỉnh gửi Công văn số 215/UBND-NC tới các sở.", "Công văn", "215", "UBND-NC"),
        ("Thực hiện Thông tư số 12/2023/TT-BNG, Sở Ngoại vụ hướng dẫn.", "Thông tư", "12", "TT-BNG"),
    ],
)
def test_number_and_code(text, kind, number, code):
    d = one(text)
    assert (d.kind, d.number, d.code) == (kind, number, code)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Các cấp ủy thực hiện nghiêm túc theo 57-KL/TW và báo cáo kết quả.", "Kết luận"),
        ("Tiếp tục thực hiện 41-CT/TW trong năm 2024.", "Chỉ thị"),
        ("Đảng bộ tổ chức học tập 35-NQ/TW cho đảng viên mới.", "Nghị quyết"),
        ("Sửa đổi theo 08-QĐi/TW về trách nhiệm nêu gương.", "Quy định"),
        ("Áp dụng 1234/QĐ-TTg đối với các dự án.", "Quyết định"),
        ("Căn cứ 120-KH/TU, Sở xây dựng nhiệm vụ.", "Kế hoạch"),
        ("Theo 123-TB/TU, lịch tiếp dân thay đổi.", "Thông báo"),
        ("Ban hành kèm 18/2024/NĐ-CP.", "Nghị định"),
    ],
)
def test_kind_from_code(text, kind):
    d = one(text)
    assert d.kind == kind and d.number is not None


def test_kind_case_and_canonical_spelling():
    assert one("NGHỊ QUYẾT SỐ 12-NQ/TW VỀ XÂY DỰNG ĐẢNG").kind == "Nghị quyết"
    assert one("Hà Tĩnh làm gì để cụ thể hóa nghị quyết 57?").kind == "Nghị quyết"
    assert one("căn cứ quyết định số 1234/QĐ-UBND của tỉnh").kind == "Quyết định"
    assert one("quán triệt Nghị Quyết số 18 trong toàn Đảng bộ").number == "18"


def test_abbreviated_nq():
    d = one("Các chi bộ học tập NQ 57 trong tháng 3.")
    assert (d.kind, d.number) == ("Nghị quyết", "57")


# ---------------------------------------------------------------------------------------------------------------
# Issuers

@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("của Bộ Chính trị", "Bộ Chính trị"),
        ("của Ban Bí thư TƯ", "Ban Bí thư"),
        ("của Ban Bí thư TW", "Ban Bí thư"),
        ("của Ban Bí thư Trung ương Đảng", "Ban Bí thư"),
        ("của BBT", "Ban Bí thư"),
        ("của Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương"),
        ("của Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương"),
        ("của Ban Chấp hành T.Ư Đảng", "Ban Chấp hành Trung ương"),
        ("của BCH TW", "Ban Chấp hành Trung ương"),
        ("của Chính phủ", "Chính phủ"),
        ("của Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
        ("của Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("của BTV Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("của Tỉnh ủy", "Tỉnh ủy"),
        ("của Tỉnh ủy Yên Bái", "Tỉnh ủy Yên Bái"),
        ("của HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("của HĐND tỉnh Yên Bái", "Hội đồng nhân dân tỉnh Yên Bái"),
        ("của UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("của Quốc hội", "Quốc hội"),
        ("của Ủy ban Thường vụ Quốc hội", "Ủy ban Thường vụ Quốc hội"),
        ("của Bộ Ngoại giao", "Bộ Ngoại giao"),
    ],
)
def test_printed_issuer(printed, canonical):
    """The issuer as printed (the answer sets' convention), spelt out in `issuer_full`."""
    d = one(f"Các ngành quán triệt Kế hoạch số 7 {printed} về công tác năm 2024.")
    assert d.issuer == printed.removeprefix("của ")
    assert d.issuer_full == canonical
    assert d.subject == "công tác năm 2024"


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Thực hiện Nghị định 18/2024/NĐ-CP, Sở đã rà soát.", "Chính phủ"),
        ("Thực hiện Quyết định 1234/QĐ-TTg, Sở đã rà soát.", "Thủ tướng Chính phủ"),
        ("Thực hiện Chỉ thị 05/CT-TTg, Sở đã rà soát.", "Thủ tướng Chính phủ"),
        ("Thực hiện Luật số 59/2020/QH14, Sở đã rà soát.", "Quốc hội"),
        ("Thực hiện Kế hoạch 45-KH/TU, Sở đã rà soát.", "Tỉnh ủy"),
        # /TW party codes are shared by the Politburo, the Secretariat and the Central Committee: no guess
        ("Thực hiện Chỉ thị 45-CT/TW, Sở đã rà soát.", None),
        ("Thực hiện Kết luận 57-KL/TW, Sở đã rà soát.", None),
    ],
)
def test_issuer_from_code(text, issuer):
    assert one(text).issuer == issuer


def test_printed_issuer_beats_code():
    assert one("Chỉ thị 05/CT-TTg của Chính phủ về phòng dịch").issuer == "Chính phủ"


def test_issuer_from_plural_phrase_covers_the_list():
    text = (
        "Hội nghị quán triệt các chỉ thị của Ban Bí thư Trung ương Đảng gồm: Chỉ thị số 41-CT/TW về an ninh mạng; "
        "Chỉ thị số 42-CT/TW về phòng chống thiên tai; Chỉ thị số 43-CT/TW về Hội Nhà báo."
    )
    got = docs(text)
    assert [d.number for d in got] == ["41", "42", "43"]
    assert {(d.issuer, d.issuer_full) for d in got} == {("Ban Bí thư Trung ương Đảng", "Ban Bí thư")}
    assert [d.subject for d in got] == ["an ninh mạng", "phòng chống thiên tai", "Hội Nhà báo"]


def test_issuer_from_title_phrase():
    text = (
        "Hội nghị triển khai các kết luận của Bộ Chính trị\n\n"
        "Đại biểu được quán triệt Kết luận số 92 ngày 05/11/2020 về chính sách xã hội và Kết luận số 93 "
        "ngày 20/11/2020 về khoa học kỹ thuật."
    )
    got = docs(text)
    assert [(d.number, d.issuer) for d in got] == [("92", "Bộ Chính trị"), ("93", "Bộ Chính trị")]


def test_plural_phrase_only_covers_its_kinds_and_one_issuer():
    # the phrase is about Kết luận; a Chỉ thị keeps no issuer
    assert one("Triển khai các kết luận của Bộ Chính trị. Sau đó học Chỉ thị số 7 về tiết kiệm.").issuer is None
    # two issuers in the phrase: none can be given to a document
    text = "Thực hiện các nghị quyết, chỉ thị, kết luận của Bộ Chính trị, Ban Bí thư; Kết luận số 21 về xây dựng Đảng."
    assert one(text).issuer is None


def test_issuer_from_enacting_sentence():
    d = one("Năm 2020, Bộ Chính trị đã ban hành Chỉ thị số 45-CT/TW về lãnh đạo cuộc bầu cử.")
    assert d.issuer == "Bộ Chính trị"
    d = one("Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 về việc tăng cường công tác dư luận xã hội.")
    assert d.issuer == "Ban Thường vụ Tỉnh ủy Yên Bái"


def test_issuer_after_a_quoted_name():
    d = one("Tỉnh triển khai Đề án số 05 “Phát triển du lịch cộng đồng” của UBND tỉnh trong năm nay.")
    assert (d.kind, d.subject, d.issuer, d.issuer_full) == (
        "Đề án", "Phát triển du lịch cộng đồng", "UBND tỉnh", "Ủy ban nhân dân tỉnh")


def test_term_after_issuer():
    d = one("Tiếp tục thực hiện Chỉ thị số 42 của Bộ Chính trị khóa X trong tình hình mới.")
    assert (d.issuer, d.term) == ("Bộ Chính trị", "X")
    assert one("Nghị quyết số 18 của Ban Chấp hành Trung ương Đảng (khóa XII) được tổng kết.").term == "XII"


# ---------------------------------------------------------------------------------------------------------------
# Dates

@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("ngày 15/6/2023", "2023-06-15"),
        (", ngày 3-3-2022", "2022-03-03"),
        ("ngày 05/11/2020", "2020-11-05"),
        ("ngày 30/5/2019", "2019-05-30"),
        ("ngày 17 tháng 5 năm 2005", "2005-05-17"),
        ("ban hành ngày 8.10.2025", "2025-10-08"),
        ("ngày 31/2/2020", None),
    ],
)
def test_signing_date(printed, iso):
    d = one(f"Thực hiện Chỉ thị số 35 {printed} của Bộ Chính trị về đại hội đảng bộ các cấp.")
    assert d.date == iso
    assert d.issuer == "Bộ Chính trị"


def test_date_not_taken_from_far_away():
    assert one("Chỉ thị số 35 được quán triệt. Ngày 30/5/2019 hội nghị bế mạc.").date is None


# ---------------------------------------------------------------------------------------------------------------
# Plenum and congress resolutions

@pytest.mark.parametrize(
    ("text", "plenum", "term"),
    [
        ("tiếp tục thực hiện Nghị quyết Trung ương 5 khóa XI về chính sách xã hội", 5, "XI"),
        ("học tập Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII trong hai ngày", 8, "XIII"),
        ("học tập Nghị quyết Hội nghị lần thứ Tám, Ban Chấp hành Trung ương Đảng khóa XIII trong hai ngày", 8, "XIII"),
        ("triển khai Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành T.Ư Đảng khóa XIII", 8, "XIII"),
        ("triển khai Nghị quyết Hội nghị lần thứ mười hai Ban Chấp hành Trung ương khóa XII", 12, "XII"),
        ("Quán triệt Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng", 4, "XII"),
        ("Quán triệt Nghị quyết Hội nghị Trung ương 8, khoá XIII, nhằm nâng cao nhận thức", 8, "XIII"),
        ("Quán triệt NQ TW 6 khóa 12 tới chi bộ", 6, "XII"),
        ("Quán triệt NQ TW 6 tới chi bộ", 6, None),
    ],
)
def test_plenum_resolution(text, plenum, term):
    d = one(text)
    assert (d.kind, d.plenum, d.term, d.number) == ("Nghị quyết", plenum, term, None)
    assert (d.issuer_full, d.level) == ("Ban Chấp hành Trung ương", "national")
    assert d.issuer.startswith(("Ban Chấp hành", "BCH"))


def test_plenum_resolution_issuer_as_printed():
    d = one("triển khai Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành T.Ư Đảng khóa XIII")
    assert (d.issuer, d.issuer_full) == ("Ban Chấp hành T.Ư Đảng", "Ban Chấp hành Trung ương")
    d = one("Quán triệt Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng")
    assert (d.issuer, d.issuer_full) == ("Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương")


@pytest.mark.parametrize(
    "text",
    [
        "Tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XI, khóa XII) về xây dựng, chỉnh đốn Đảng.",
        "Tiếp tục thực hiện Nghị quyết Trung ương 4 khóa XI và khóa XII về xây dựng, chỉnh đốn Đảng.",
        "Tiếp tục thực hiện Nghị quyết Trung ương 4 khóa XI, XII về xây dựng, chỉnh đốn Đảng.",
    ],
)
def test_plenum_of_two_terms_is_two_resolutions(text):
    got = docs(text)
    assert [(d.plenum, d.term) for d in got] == [(4, "XI"), (4, "XII")]
    assert {d.subject for d in got} == {"xây dựng, chỉnh đốn Đảng"}


@pytest.mark.parametrize(
    ("text", "kind", "congress", "level"),
    [
        ("đẩy mạnh thực hiện Nghị quyết Đại hội XIII của Đảng", "Nghị quyết", "XIII", "national"),
        ("triển khai Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Nghị quyết", "XIII", "national"),
        ("triển khai Nghị quyết Đại hội lần thứ XIII", "Nghị quyết", "XIII", "national"),
        ("theo tinh thần Nghị quyết Đại hội 13 của Đảng", "Nghị quyết", "XIII", "national"),
        ("theo Nghị quyết Đại hội Đảng lần thứ XIV", "Nghị quyết", "XIV", "national"),
        ("triển khai Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020-2025", "Nghị quyết", "XX", "provincial"),
        ("tập trung triển khai Nghị quyết Đại hội Đảng bộ lần thứ XX", "Nghị quyết", "XX", "provincial"),
        ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Nghệ An khóa XX, nhiệm kỳ 2025 - 2030", "Nghị quyết", "XX", "provincial"),
        ("thực hiện Nghị quyết Đại hội XI Đảng bộ tỉnh", "Nghị quyết", "XI", "provincial"),
        ("hiện thực hóa Nghị quyết Đại hội Đảng bộ tỉnh Lào Cai lần thứ Nhất", "Nghị quyết", "I", "provincial"),
        ("tổng kết Nghị quyết Đại hội Đảng bộ TP lần thứ XIII, nhiệm kỳ 2015 - 2020", "Nghị quyết", "XIII", "provincial"),
        ("theo Nghị quyết Đại hội lần thứ I, nhiệm kỳ 2025-2030 của Đảng bộ", "Nghị quyết", "I", "provincial"),
        ("nghiên cứu văn kiện Đại hội XIV của Đảng", "Văn kiện", "XIV", "national"),
    ],
)
def test_congress_document(text, kind, congress, level):
    d = one(text)
    assert (d.kind, d.congress, d.level, d.number, d.plenum) == (kind, congress, level, None, None)


def test_congress_level_from_context():
    text = "Theo Nghị quyết Đại hội lần thứ XX, tỉnh phấn đấu tăng trưởng 8%."
    assert one(text).level == "national"
    assert one(text, context_level="provincial").level == "provincial"
    # said outright, the context does not matter
    assert one("Nghị quyết Đại hội XIII của Đảng", context_level="provincial").level == "national"


@pytest.mark.parametrize("context_level", [None, "provincial"])
def test_congress_level_said_at_another_mention_wins(context_level):
    for text in (
        "Học tập Nghị quyết Đại hội XIII của Đảng, Nghị quyết Đại hội XI Đảng bộ tỉnh; với Nghị quyết Đại hội XIII: 97%.",
        "Với Nghị quyết Đại hội XIII: 97% đảng viên tham gia. Nghị quyết Đại hội XIII của Đảng đi vào cuộc sống.",
    ):
        got = found(text, context_level=context_level)
        xiii = [m for m in got if m.document.congress == "XIII"]
        assert len(xiii) == 1 and xiii[0].document.level == "national" and len(xiii[0].spans) == 2
    got = docs("Nghị quyết Đại hội XX: 8 chỉ tiêu. Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", context_level=context_level)
    assert [(d.congress, d.level) for d in got] == [("XX", "provincial")]


# ---------------------------------------------------------------------------------------------------------------
# Subjects

def test_subject_after_ve_and_ve_viec():
    assert one("Chỉ thị số 17 về việc tăng cường công tác nắm bắt dư luận xã hội; các huyện").subject == (
        "việc tăng cường công tác nắm bắt dư luận xã hội"
    )
    assert one("Chỉ thị số 25 của Ban Bí thư về đẩy mạnh đối ngoại đa phương đến năm 2030. Sau đó").subject == (
        "đẩy mạnh đối ngoại đa phương đến năm 2030"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết số 45-NQ/TW của Bộ Chính trị về “Xây dựng thành phố Cần Thơ” được tổng kết.",
        'Nghị quyết số 45-NQ/TW của Bộ Chính trị về "Xây dựng thành phố Cần Thơ" được tổng kết.',
        "Nghị quyết số 45-NQ/TW của Bộ Chính trị “về Xây dựng thành phố Cần Thơ” được tổng kết.",
        "Nghị quyết số 45-NQ/TW của Bộ Chính trị về 'Xây dựng thành phố Cần Thơ' được tổng kết.",
        "Nghị quyết số 45-NQ/TW của Bộ Chính trị “V/v Xây dựng thành phố Cần Thơ” được tổng kết.",
    ],
)
def test_quoted_subject(text):
    d = one(text)
    assert d.subject == "Xây dựng thành phố Cần Thơ"


def test_subject_stops_at_next_document_of_a_list():
    got = docs(
        "Quán triệt Chỉ thị số 25 của Ban Bí thư TƯ về đẩy mạnh đối ngoại đa phương và Chỉ thị số 32 của Bộ Chính trị "
        "về quan hệ đối ngoại Đảng, Kế hoạch số 9 về tuyên truyền."
    )
    assert [(d.number, d.issuer, d.subject) for d in got] == [
        ("25", "Ban Bí thư TƯ", "đẩy mạnh đối ngoại đa phương"),
        ("32", "Bộ Chính trị", "quan hệ đối ngoại Đảng"),
        ("9", None, "tuyên truyền"),
    ]


def test_subject_closed_by_issuer():
    d = one("Triển khai Đề án số 3 về phát triển văn hóa đọc của Chính phủ; các sở báo cáo.")
    assert (d.subject, d.issuer) == ("phát triển văn hóa đọc", "Chính phủ")


def test_subject_stops_at_paragraph_and_enacting_clause():
    d = one("Kế hoạch 45-KH/TU về thực hiện công tác đối ngoại nhân dân do tỉnh Nghệ An ban hành")
    assert d.subject == "thực hiện công tác đối ngoại nhân dân"
    d = one("Chỉ thị số 12 về đối ngoại nhân dân\nThực hiện tốt nhiệm vụ")
    assert d.subject == "đối ngoại nhân dân"
    # a line broken inside a sentence goes on
    d = one("Chỉ thị số 12 về tăng cường sự lãnh đạo của Đảng,\nnâng cao hiệu quả đối ngoại\n\nThực hiện")
    assert d.subject == "tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả đối ngoại"


def test_embedded_reference_is_its_own_document():
    text = (
        "quán triệt Kết luận số 92 ngày 05/11/2020 về tiếp tục thực hiện Nghị quyết Trung ương 5 khóa XI một số vấn đề "
        "về chính sách xã hội giai đoạn 2012-2020 và Kết luận số 93 ngày 20/11/2020 về việc tiếp tục thực hiện "
        "Chỉ thị số 42 của Bộ Chính trị khóa X về tiếp tục đổi mới hoạt động của Liên hiệp các Hội Khoa học./."
    )
    got = docs(text)
    by_key = {document_key(d): d for d in got}
    assert len(got) == 4
    k92 = by_key[("kết luận", "no", "92")]
    assert k92.subject == (
        "tiếp tục thực hiện Nghị quyết Trung ương 5 khóa XI một số vấn đề về chính sách xã hội giai đoạn 2012-2020"
    )
    assert k92.date == "2020-11-05"
    k93 = by_key[("kết luận", "no", "93")]
    # the inner Chỉ thị has its own `về`: the outer subject ends before it
    assert k93.subject == "việc tiếp tục thực hiện Chỉ thị số 42 của Bộ Chính trị khóa X"
    assert k93.issuer is None  # `của Bộ Chính trị` belongs to the inner Chỉ thị
    assert by_key[("nghị quyết", "plenum", 5, "XI")].issuer == "Ban Chấp hành Trung ương"
    ct42 = by_key[("chỉ thị", "no", "42")]
    assert (ct42.issuer, ct42.term, ct42.subject) == (
        "Bộ Chính trị", "X", "tiếp tục đổi mới hoạt động của Liên hiệp các Hội Khoa học"
    )


def test_subject_holding_a_coded_reference():
    got = docs("Thông báo Kết luận số 12-KL/TW của Ban Bí thư về tiếp tục thực hiện Kết luận số 102-KL/TW của Bộ Chính "
               "trị khóa XI về hội quần chúng trong tình hình mới;")
    assert [(d.kind, d.number, d.issuer) for d in got] == [
        ("Kết luận", "12", "Ban Bí thư"), ("Kết luận", "102", "Bộ Chính trị")
    ]
    assert got[0].subject == "tiếp tục thực hiện Kết luận số 102-KL/TW của Bộ Chính trị khóa XI"
    assert got[1].subject == "hội quần chúng trong tình hình mới"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a capitalised word after a comma opens the next clause
        ("Thực hiện Chỉ thị số 12-CT/TW về nâng cao hiệu quả đối ngoại nhân dân trong tình hình mới, Ban Thường vụ "
         "Huyện ủy ban hành Kế hoạch hành động.", "nâng cao hiệu quả đối ngoại nhân dân trong tình hình mới"),
        ("Theo Kế hoạch số 8-KH/TU về phát triển du lịch đến năm 2030, Sở Văn hóa đã tổ chức 12 lớp.",
         "phát triển du lịch đến năm 2030"),
        # so does a clause-opening word
        ("Nghị quyết số 22-NQ/TW của Bộ Chính trị về hội nhập quốc tế, với 6 quan điểm chỉ đạo, được triển khai.",
         "hội nhập quốc tế"),
        ("Kết luận số 9-KL/TW về công tác cán bộ, trong đó nhấn mạnh khâu đánh giá.", "công tác cán bộ"),
        # but names in a list, and lower-case items, go on
        ("Kết luận số 5-KL/TW về công tác của Đảng, Nhà nước, Mặt trận Tổ quốc trong tình hình mới.",
         "công tác của Đảng, Nhà nước, Mặt trận Tổ quốc trong tình hình mới"),
        ("Chỉ thị số 7-CT/TW về tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả công tác dân vận.",
         "tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả công tác dân vận"),
    ],
)
def test_subject_stops_at_the_end_of_its_clause(text, subject):
    assert docs(text)[0].subject == subject


# ---------------------------------------------------------------------------------------------------------------
# What is not a document

@pytest.mark.parametrize(
    "text",
    [
        "Kết quả của Đại hội XIII của Đảng đã mở ra thời kỳ mới.",
        "Các cấp ủy quán triệt các nghị quyết, chỉ thị, kết luận của Đảng.",
        "Tiếp tục thực hiện nghiêm các Nghị quyết, Kết luận, Quy định của Trung ương về xây dựng Đảng.",
        "Đại hội thảo luận Báo cáo chính trị trình Đại hội.",
        "Kết luận hội nghị, đồng chí Bí thư yêu cầu các cấp ủy vào cuộc.",
        "Thông báo về kết quả hội nghị, đồng chí Trưởng ban cho biết.",
        "Hội nghị quyết định 3 nội dung quan trọng và kết luận 2 vấn đề.",
        "Nâng cao ý thức chấp hành pháp luật của nhân dân.",
        "Yêu cầu các chi bộ xây dựng kế hoạch thực hiện nghị quyết.",
        "Kế hoạch thực hiện của BTV Tỉnh ủy được thông qua.",
        "Chương trình văn nghệ chào mừng kỷ niệm ngày thành lập.",
        "Hội nghị lần thứ chín Ban Chấp hành Trung ương Đảng khóa XIII đã bế mạc.",
        "Kế hoạch phát triển KT-XH 5 năm 2016-2020 đạt nhiều kết quả.",
        "Giai đoạn 2021-2025, COVID-19 và Su-30MK2 không phải là văn bản.",
    ],
)
def test_not_documents(text):
    assert docs(text) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # a headline restating what a resolution is about
        ("Nghị quyết về phát triển văn hóa Thăng Long - Hà Nội trong giai đoạn mới", []),
        # a draft is not issued
        ("Đại biểu góp ý vào dự thảo Nghị quyết về chính sách hỗ trợ doanh nghiệp nhỏ và vừa.", []),
        ("Các đại biểu thảo luận dự thảo Văn kiện Đại hội XIV của Đảng.", []),
        # an unnumbered rule named by what it is about, enacted under a numbered one: only that one
        ("Công bố Quy định về chức năng, nhiệm vụ của Ban Chỉ đạo ban hành theo Quy định số 02-QĐ/BCĐ.", ["02"]),
        ("Tỉnh tổ chức quán triệt Đề án “Nâng cao chất lượng công tác dân vận” trong lực lượng vũ trang.", []),
        ("Triển khai Chương trình hành động của Tỉnh ủy về thông tin đối ngoại.", []),
        ("Thực hiện Nghị quyết Tỉnh ủy quý I-2022, các huyện đã rà soát.", []),
    ],
)
def test_unnumbered_restatements_are_not_documents(text, numbers):
    assert [d.number for d in docs(text)] == numbers


# ---------------------------------------------------------------------------------------------------------------
# Merging, order, spans

def test_same_document_twice_is_merged_with_fullest_details():
    text = (
        "Học tập Chỉ thị 25 của Ban Bí thư. Tỉnh ủy quán triệt Chỉ thị số 25-CT/TW ngày 08/8/2018 về đẩy mạnh "
        "đối ngoại đa phương. Cuối cùng, Chỉ thị 25 được triển khai."
    )
    got = found(text)
    assert len(got) == 1
    d = got[0].document
    assert (d.number, d.code, d.issuer, d.date, d.subject) == (
        "25", "CT/TW", "Ban Bí thư", "2018-08-08", "đẩy mạnh đối ngoại đa phương"
    )
    assert len(got[0].spans) == 3
    t = normalize(text)
    assert all(t[a:b].startswith("Chỉ thị") for a, b in got[0].spans)
    assert d.text and d.text.startswith("Chỉ thị số 25-CT/TW ngày 08/8/2018")


def test_leading_zeros_and_bare_code_merge():
    got = docs("Chỉ thị 05-CT/TW của Bộ Chính trị. Tiếp tục thực hiện 05-CT/TW và Chỉ thị số 5.")
    assert len(got) == 1 and got[0].issuer == "Bộ Chính trị"


def test_clashing_codes_stay_apart():
    got = docs("Kế hoạch số 120-KH/TU của Ban Thường vụ Tỉnh ủy và Kế hoạch số 120/KH-UBND của UBND tỉnh.")
    assert [(d.code, d.issuer) for d in got] == [
        ("KH/TU", "Ban Thường vụ Tỉnh ủy"), ("KH-UBND", "UBND tỉnh")
    ]


def test_plenum_without_term_merges_with_the_one_with_it():
    got = docs("Nghị quyết Trung ương 5 đã đi vào cuộc sống. Tổng kết Nghị quyết Trung ương 5 khóa XI.")
    assert [(d.plenum, d.term) for d in got] == [(5, "XI")]
    got = docs("Nghị quyết Trung ương 5 khóa XI và Nghị quyết Trung ương 5 khóa XIII")
    assert [(d.plenum, d.term) for d in got] == [(5, "XI"), (5, "XIII")]


def test_order_of_first_mention():
    got = docs("Nghị quyết Đại hội XIII của Đảng, Chỉ thị số 5, Kết luận số 7 và Nghị quyết Đại hội XIII.")
    assert [(d.kind, d.number or d.congress) for d in got] == [
        ("Nghị quyết", "XIII"), ("Chỉ thị", "5"), ("Kết luận", "7")
    ]


def test_text_whose_lower_case_is_longer():
    # `İ` lowers to two characters: offsets must still point into the text as given
    text = normalize("Đoàn thăm İzmir. Quán triệt Chỉ thị số 5 về đối ngoại.")
    got = find_documents(text)
    assert [m.document.number for m in got] == ["5"]
    a, b = got[0].spans[0]
    assert text[a:b] == "Chỉ thị số 5 về đối ngoại"


def test_unnormalised_spellings():
    # the old tone placement (khoá) and the Icelandic eth (Ð) for Đ, once normalised
    got = docs("Nghị quyết Trung ương 4 khoá XII và Ðề án số 3-ÐA/TU")
    assert [(d.kind, d.plenum, d.term, d.number, d.code) for d in got] == [
        ("Nghị quyết", 4, "XII", None, None), ("Đề án", None, None, "3", "ĐA/TU")
    ]


# ---------------------------------------------------------------------------------------------------------------
# Helpers shared with linking

@pytest.mark.parametrize(
    ("code", "norm"),
    [("CT/TW", "CT/TW"), ("CT-TW", "CT/TW"), ("CT/ TƯ", "CT/TW"), ("KL/T.Ư", "KL/TW"), ("NĐ-CP", "NĐ-CP"),
     ("QĐi/TW", "QĐi/TW"), ("QĐ-TTg", "QĐ-TTg"), ("KH - TU", "KH/TU")],
)
def test_normalize_code(code, norm):
    assert normalize_code(code) == norm


@pytest.mark.parametrize(
    "doc",
    [
        Document(kind="Chỉ thị", number="05"),
        Document(kind="Nghị quyết", congress="XIII", level="national"),
        Document(kind="Nghị quyết", congress="XX", level="provincial"),
        Document(kind="Nghị quyết", plenum=5, term="XI"),
        Document(kind="Nghị quyết", plenum=6),
        Document(kind="Đề án", subject="Nâng cao chất lượng “dân vận”."),
        Document(kind="Văn kiện", congress="XIII"),
    ],
)
def test_document_key_is_the_scorers(doc, scorer):
    doc_key = scorer.doc_key
    assert document_key(doc) == doc_key(dataclasses.asdict(doc))


# ---------------------------------------------------------------------------------------------------------------
# Seeds: the gold documents are found, and nothing else

def _gold():
    path = SEEDS / "gold.jsonl"
    if not path.exists():
        path = SEEDS.parent / "seeds.gold.jsonl"
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _gold_key(d: dict) -> tuple:
    fields = {f.name for f in dataclasses.fields(Document)}
    return document_key(Document(**{k: v for k, v in d.items() if k in fields}))


@pytest.mark.parametrize("record", _gold(), ids=lambda r: r["id"])
def test_seed_documents(record):
    text = normalize((SEEDS / f"{record['id']}.txt").read_text(encoding="utf-8"))
    got = {document_key(m.document): m.document for m in find_documents(text)}
    gold = {_gold_key(d): d for d in record["documents"]}
    assert set(got) == set(gold)
    for key, g in gold.items():
        for name in ("date", "term", "level"):
            if g.get(name):
                assert getattr(got[key], name) == g[name], (key, name)
        if g.get("issuer"):  # the scorer's test: one contains the other
            a, b = got[key].issuer.casefold(), g["issuer"].casefold()
            assert a in b or b in a, (key, got[key].issuer, g["issuer"])


@pytest.mark.parametrize(("sentence", "date"), [
    ("Ngày 22/12/2024, Tổng Bí thư Tô Lâm đã ký ban hành Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học.",
     "2024-12-22"),
    ("Ngay từ ngày 20/6/2020, Bộ Chính trị đã ban hành Chỉ thị số 45-CT/TW về lãnh đạo đại hội.", "2020-06-20"),
    ("Ngày 6/11/1961 Ban Thường vụ Khu ủy Hồng Quảng đã ra Nghị quyết số 31-NQ/KU về xây dựng Đảng.", "1961-11-06"),
    # the day of the conference that studied it is not the day it was signed
    ("Ngày 5/6/2024, Tỉnh ủy tổ chức hội nghị quán triệt Chỉ thị số 35-CT/TW.", None),
])
def test_signing_date_printed_before_the_issuer(sentence, date):
    assert [d.document.date for d in find_documents(sentence)] == [date]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("theo Kết luận số 57-KL/TW của Bộ Chính trị", "numbered code"),
        ("theo Chỉ thị 25 của Ban Bí thư", "kind + number"),
        ("Nghị quyết Trung ương 4 khóa XIII", "plenum resolution"),
        ("Nghị quyết Đại hội XIII của Đảng", "congress resolution"),
        ("theo 1234/QĐ-TTg", "bare code"),
        ("học tập Nghị quyết của Hội nghị lần thứ 8 Ban Chấp hành Trung ương", "plenum resolution (named after the kind)"),
    ],
)
def test_rule_names_how_the_document_was_found(text, rule):
    got = found(text)
    assert [m.rule for m in got] == [rule]
    assert "rule" not in got[0].document.__dict__


@pytest.mark.parametrize(("kind", "issuer", "code"), [
    ("Kết luận", "Bộ Chính trị", "KL/TW"),
    ("Chỉ thị", "Ban Bí thư", "CT/TW"),
    ("Quy định", "Ban Chấp hành Trung ương", "QĐi/TW"),
    ("Kế hoạch", "Ban Thường vụ Tỉnh ủy Yên Bái", "KH/TU"),
    ("Nghị quyết", "Huyện ủy", "NQ/HU"),
    ("Nghị định", "Chính phủ", None),  # a state code carries a year: not implied
    ("Kết luận", None, None),
    ("Tờ trình", "Bộ Chính trị", None),
])
def test_implied_code(kind, issuer, code):
    assert implied_code(kind, issuer) == code


def test_signing_date_from_the_documents_own_header():
    text = ("Thực hiện Kế hoạch 716/KH-UBND năm 2022 của tỉnh.\nỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 716/KH-UBND\n"
            "Nghệ An, ngày 14 tháng 10 năm 2022\nKẾ HOẠCH\nThực hiện Kế hoạch số 120-KH/TU của Tỉnh ủy.")
    got = {d.number: d.date for d in docs(text)}
    assert got == {"716": "2022-10-14", "120": None}  # the header's date is its own document's only


@pytest.mark.parametrize(
    ("text", "congress"),
    [
        # `nghị quyết Đại hội` with no number: the one congress the text names
        ("Đại hội Đảng bộ tỉnh khóa XVI có ý nghĩa quan trọng. Nhìn lại nửa nhiệm kỳ Đại hội Đảng bộ tỉnh lần thứ XVI, "
         "tỉnh đã vượt các mục tiêu nghị quyết Đại hội đã đề ra.", [("XVI", "provincial")]),
        # two congresses named: which one is not said
        ("Đại hội Đảng bộ tỉnh lần thứ XX và Đại hội XIII của Đảng. Thực hiện nghị quyết Đại hội đã đề ra.", []),
        # none named
        ("Các chi bộ thực hiện nghị quyết Đại hội trong năm nay.", []),
        # another body's congress, or the congresses of every level
        ("Đại hội Đảng bộ tỉnh lần thứ XX thành công. Quán triệt nghị quyết Đại hội Đoàn các cấp.", []),
        ("Đại hội Đảng bộ tỉnh lần thứ XX thành công. Quán triệt nghị quyết đại hội Đảng các cấp.", []),
    ],
)
def test_congress_resolution_named_by_the_congress_of_the_text(text, congress):
    got = [(d.congress, d.level) for d in docs(text, context_level="provincial") if d.kind == "Nghị quyết"]
    assert got == congress
