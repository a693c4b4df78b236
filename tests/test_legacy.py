"""VNI (VNI-Windows) pages (issue 12): the conversion table checked against UniKey's, a bijection over the 134 marked
letters, round trips of sentences of the genre; pages recognised as VNI by their bytes, or as text read as
Windows-1252, and converted with a warning; UTF-8, Windows-1258 and TCVN3 Vietnamese, English and French never taken
for VNI."""

from __future__ import annotations

import unicodedata

import pytest

from hoinghi.read import ReadError, iter_pages
from hoinghi.read.legacy import TCVN3, VNI, best_legacy, from_vni, from_vni_text, repaired, syllable, vni_evident

# UniKey's VNI-WIN table (vnconv `DoubleByteTables`, ukengine/data.cpp): per vowel, upper then lower case of the
# letter bare, with sắc, huyền, hỏi, ngã, nặng. A word is the base byte, and in its high byte the mark byte if any.
UNIKEY_VNI_WIN = {
    "a": (0x0041, 0x0061, 0xd941, 0xf961, 0xd841, 0xf861, 0xdb41, 0xfb61, 0xd541, 0xf561, 0xcf41, 0xef61),
    "â": (0xc241, 0xe261, 0xc141, 0xe161, 0xc041, 0xe061, 0xc541, 0xe561, 0xc341, 0xe361, 0xc441, 0xe461),
    "ă": (0xca41, 0xea61, 0xc941, 0xe961, 0xc841, 0xe861, 0xda41, 0xfa61, 0xdc41, 0xfc61, 0xcb41, 0xeb61),
    "e": (0x0045, 0x0065, 0xd945, 0xf965, 0xd845, 0xf865, 0xdb45, 0xfb65, 0xd545, 0xf565, 0xcf45, 0xef65),
    "ê": (0xc245, 0xe265, 0xc145, 0xe165, 0xc045, 0xe065, 0xc545, 0xe565, 0xc345, 0xe365, 0xc445, 0xe465),
    "i": (0x0049, 0x0069, 0x00cd, 0x00ed, 0x00cc, 0x00ec, 0x00c6, 0x00e6, 0x00d3, 0x00f3, 0x00d2, 0x00f2),
    "o": (0x004f, 0x006f, 0xd94f, 0xf96f, 0xd84f, 0xf86f, 0xdb4f, 0xfb6f, 0xd54f, 0xf56f, 0xcf4f, 0xef6f),
    "ô": (0xc24f, 0xe26f, 0xc14f, 0xe16f, 0xc04f, 0xe06f, 0xc54f, 0xe56f, 0xc34f, 0xe36f, 0xc44f, 0xe46f),
    "ơ": (0x00d4, 0x00f4, 0xd9d4, 0xf9f4, 0xd8d4, 0xf8f4, 0xdbd4, 0xfbf4, 0xd5d4, 0xf5f4, 0xcfd4, 0xeff4),
    "u": (0x0055, 0x0075, 0xd955, 0xf975, 0xd855, 0xf875, 0xdb55, 0xfb75, 0xd555, 0xf575, 0xcf55, 0xef75),
    "ư": (0x00d6, 0x00f6, 0xd9d6, 0xf9f6, 0xd8d6, 0xf8f6, 0xdbd6, 0xfbf6, 0xd5d6, 0xf5f6, 0xcfd6, 0xeff6),
    "y": (0x0059, 0x0079, 0xd959, 0xf979, 0xd859, 0xf879, 0xdb59, 0xfb79, 0xd559, 0xf579, 0x00ce, 0x00ee),
    "đ": (0x00d1, 0x00f1),
}


def read(*inputs):
    return list(iter_pages([str(i) for i in inputs]))


TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng


def _letter(vowel: str, tone: str, upper: bool) -> str:
    letter = unicodedata.normalize("NFC", vowel + tone)
    return letter.upper() if upper else letter


def _unikey_pairs():
    for vowel, words in UNIKEY_VNI_WIN.items():
        for i, word in enumerate(words):
            seq = bytes(b for b in (word & 0xFF, word >> 8) if b).decode("cp1252")
            yield seq, _letter(vowel, TONES[i // 2], i % 2 == 0)


MARKED = {_letter(v, t, up) for v in "aăâeêioôơuưy" for t in TONES for up in (False, True)} - set("aeiouyAEIOUY")
MARKED |= {"đ", "Đ"}
TO_VNI = {letter: seq for seq, letter in VNI.items()}


def to_vni(text: str) -> str:
    """Unicode -> VNI as Windows-1252 shows it, from the same table."""
    return "".join(TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))


SENTENCES = (
    "Hội nghị quán triệt Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII",
    "Sáng 14-12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị quán triệt Kết luận của Bộ Chính trị về công tác đối ngoại.",
    "Đồng chí Nguyễn Văn Được, Ủy viên Trung ương Đảng, Bí thư Thành ủy Thành phố Hồ Chí Minh chủ trì hội nghị.",
    "Tỉnh ủy Quảng Ngãi, Thừa Thiên Huế, Bà Rịa - Vũng Tàu, Đắk Lắk, Hà Tĩnh, Khánh Hòa, Bình Dương, Bạc Liêu.",
    "Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; Quy định 08-QĐi/TW.",
    "NGHỊ QUYẾT VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA",
    "Phó Chủ tịch Ủy ban nhân dân tỉnh Lê Thị Thủy, Trưởng ban Tuyên giáo Nguyễn Thị Yến, ông Trần Quốc Vượng dự.",
    "Ưu tiên nguồn lực, khuyến khích doanh nghiệp; tiếp thu ý kiến, sửa đổi, bổ sung, hoàn thiện dự thảo Báo cáo.",
)
VI = " ".join(SENTENCES[:3]) + "\n"


def test_the_vni_table_is_unikeys():
    pairs = list(_unikey_pairs())
    assert len(pairs) == 146  # 12 vowels x 6 x 2 cases, and đ Đ
    assert [(seq, VNI.get(seq, seq)) for seq, _ in pairs] == [(seq, letter) for seq, letter in pairs]
    assert {letter: seq for seq, letter in pairs if seq != letter or letter in VNI.values()} == TO_VNI


def test_the_vni_table_is_a_bijection_over_the_134_marked_letters():
    assert len(VNI) == len(set(VNI.values())) == len(MARKED) == 134
    assert set(VNI.values()) == MARKED


@pytest.mark.parametrize("text", [*SENTENCES, "".join(sorted(MARKED)), *sorted(MARKED),
                                  *(f"ngh{c}ng {c.upper()}" for c in sorted(MARKED))])
def test_vni_round_trips(text):
    assert from_vni_text(to_vni(text)) == text
    assert from_vni(to_vni(text).encode("cp1252")) == text


def test_vni_looks_as_vni_fonts_show_it():
    assert to_vni("Hội nghị Ban Chấp hành Trung ương Đảng") == "Hoäi nghò Ban Chaáp haønh Trung öông Ñaûng"


def test_a_vni_page_is_converted_with_a_warning(tmp_path):
    path = tmp_path / "vni.txt"
    path.write_bytes(to_vni(VI).encode("cp1252"))
    page, warning = read(path)
    assert page.text == VI and warning.severity == "warning" and "read as VNI" in warning.reason
    html = tmp_path / "vni.html"
    html.write_bytes(b'<html><head><meta charset="windows-1252"></head><body><h1>' + to_vni(SENTENCES[0]).encode(
        "cp1252") + b"</h1><p>" + to_vni(VI).encode("cp1252") + b"</p></body></html>")
    page, warning = read(html)
    assert SENTENCES[1] in page.text and "VNI" in warning.reason


def test_vni_read_as_windows_1252_and_stored_as_utf8_is_converted(tmp_path):
    path = tmp_path / "vni-utf8.txt"
    path.write_text(to_vni(VI), encoding="utf-8")
    page, warning = read(path)
    assert page.text == VI and "VNI shown as Windows-1252" in warning.reason


FRENCH = ("Où est la bibliothèque ? Le maïs coûte cher, dit-il, naïf. Noël à Hanoï : l'être aimé, la fenêtre, "
          "le côté, l'hôtel, le dîner. Ça a coûté où ? Aïe, où sont les clés de la boîte ? Il a dû naître à Orléans.\n")
ENGLISH = ("The Provincial Party Committee held a conference on the resolution of the Central Committee. The "
           "secretary chaired the meeting and spoke about foreign affairs.\n")


@pytest.mark.parametrize("text", [VI, FRENCH, ENGLISH, VI.upper(), to_vni(FRENCH)])
def test_utf8_vietnamese_english_and_french_are_never_vni(tmp_path, text):
    assert repaired(text) is None
    path = tmp_path / "tin.txt"
    path.write_text(text, encoding="utf-8")
    (page,) = read(path)  # no warning
    assert page.text == text


@pytest.mark.parametrize("text", [FRENCH, FRENCH.upper(), FRENCH * 20])
def test_latin1_french_is_never_vni(tmp_path, text):
    data = text.encode("latin-1")
    assert not vni_evident(text) and best_legacy(data) is None
    path = tmp_path / "fr.html"
    path.write_bytes(b'<html><head><meta charset="iso-8859-1"></head><body><p>' + data + b"</p></body></html>")
    (item,) = read(path)
    assert isinstance(item, ReadError) and "VNI" in item.reason and "not UTF-8" in item.reason


def _cp1258(text: str) -> bytes:
    """Letters precomposed as far as Windows-1258 has them, the tone combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            tone = next(m for m in marks if m in TONES)
            head = unicodedata.normalize("NFC", base + "".join(m for m in marks if m != tone))
            out += head.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def _tcvn3(text: str) -> bytes:
    back = {v: k for k, v in TCVN3.items()}
    return bytes(back[c] if c in back else back.get(c.lower(), ord(c)) for c in text)


def test_windows_1258_and_tcvn3_are_not_taken_for_vni():
    assert best_legacy(_cp1258(VI)) == ("Windows-1258", VI)
    tcvn3 = " ".join(SENTENCES[:2])  # TCVN3 has no upper-case letters with tones (Ủ)
    assert best_legacy(_tcvn3(tcvn3)) == ("TCVN3", tcvn3)
    for data in (_cp1258(VI), _tcvn3(tcvn3)):
        assert not vni_evident(data.decode("cp1252", errors="replace"))
    assert best_legacy(to_vni(VI).encode("cp1252")) == ("VNI", VI)


def test_unclear_vni_is_left_alone():
    few = "Hoäi nghò. " + ENGLISH  # two VNI words in English: no clear evidence
    assert repaired(few) is None and not vni_evident(few)
    assert best_legacy(few.encode("cp1252")) is None


def test_syllables():
    assert all(map(syllable, ["hội", "nghị", "nghiêng", "khuyến", "trường", "quốc", "Đảng", "ngoặt", "Lắk"]))
    assert not any(map(syllable, ["mạs", "nạve", "cóụ", "ạơ", "bibliothèque", "hanọ"]))
