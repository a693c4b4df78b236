"""hoinghi.text: one normal form for Vietnamese text (NFC, one tone-mark placement, clean spaces) and the folded form
used for matching (lower case ASCII without diacritics)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from hoinghi.text import fold, normalize, squash, trie_regex, word_count, words_regex


@pytest.mark.parametrize(("old", "new"), [
    ("hoà", "hòa"),
    ("Hoà Bình", "Hòa Bình"),
    ("HOÀ", "HÒA"),
    ("thuỷ", "thủy"),
    ("THUỶ", "THỦY"),
    ("Uỷ ban", "Ủy ban"),
    ("Tỉnh uỷ", "Tỉnh ủy"),
    ("khoẻ", "khỏe"),
    ("toà án", "tòa án"),
    ("toạ đàm", "tọa đàm"),
    ("hoạ sĩ", "họa sĩ"),
    ("thuý", "thúy"),
    ("tuỳ", "tùy"),
    ("huỷ", "hủy"),
    ("xoè", "xòe"),
    ("hoà.", "hòa."),
    ("(hoà)", "(hòa)"),
    ("hoà-bình", "hòa-bình"),
    ("Đoàn kết, hoà hợp", "Đoàn kết, hòa hợp"),
])
def test_tone_mark_moves_to_the_first_vowel(old, new):
    assert normalize(old) == new


@pytest.mark.parametrize("word", [
    "hoàn", "hoàn thành", "quý", "Quý", "QUÝ", "quỹ", "quỷ", "khoảng", "kế hoạch", "ngoài", "quà", "quyền",
    "thuyết", "hòa", "thủy", "Ủy ban", "khỏe", "Nguyễn", "Thường trực", "Tuyên giáo",
])
def test_words_already_in_form_are_unchanged(word):
    assert normalize(word) == word


def test_nfd_input_becomes_nfc():
    nfc = "Hội nghị Ban Chấp hành Đảng bộ tỉnh"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    out = normalize(nfd)
    assert out == nfc
    assert unicodedata.is_normalized("NFC", out)


def test_nfd_input_with_old_tone_placement():
    assert normalize(unicodedata.normalize("NFD", "Uỷ ban nhân dân, hoà bình")) == "Ủy ban nhân dân, hòa bình"


def test_icelandic_eth_becomes_d_with_stroke():
    assert normalize("\u00d0ảng bộ") == "Đảng bộ"
    assert normalize("\u00f0ồng chí") == "đồng chí"
    assert "\u00d0" not in normalize("Ban Chấp hành \u00d0ảng bộ")


def test_real_d_with_stroke_is_kept():
    assert normalize("\u0110ảng \u0111oàn") == "\u0110ảng \u0111oàn"


@pytest.mark.parametrize(("raw", "clean"), [
    ("Đồng chí\u00a0Bí thư", "Đồng chí Bí thư"),
    ("Hội\u202fnghị", "Hội nghị"),
    ("Hội\u2009nghị", "Hội nghị"),
    ("\u200bHội nghị", "Hội nghị"),
    ("Hội\u200b nghị", "Hội nghị"),
    ("Tỉnh\u200củy", "Tỉnhủy"),
    ("\ufeffSáng 14/12", "Sáng 14/12"),
    ("đối\u00adngoại", "đốingoại"),
    ("dòng\r", "dòng"),
])
def test_nbsp_and_zero_width_spaces(raw, clean):
    assert normalize(raw) == clean


def test_normalize_is_idempotent():
    text = "Uỷ ban\u00a0nhân dân tỉnh Hoà Bình \u200bkhoẻ mạnh"
    once = normalize(text)
    assert once == "Ủy ban nhân dân tỉnh Hòa Bình khỏe mạnh"
    assert normalize(once) == once


def test_normalize_empty():
    assert normalize("") == ""
    assert normalize(None) == ""


@pytest.mark.parametrize(("text", "folded"), [
    ("Đối ngoại", "doi ngoai"),
    ("ĐẢNG CỘNG SẢN VIỆT NAM", "dang cong san viet nam"),
    ("Thủ tướng Chính phủ", "thu tuong chinh phu"),
    ("Uỷ ban", "uy ban"),
    ("Ủy ban", "uy ban"),
    ("hoà", "hoa"),
    ("\u00d0ảng", "dang"),
    ("Đang truy cập311", "dang truy cap311"),
    ("Tổng lượt truy cập 24,101,277", "tong luot truy cap 24,101,277"),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_of_nfd_matches_fold_of_nfc():
    text = "Hội nghị Ngoại vụ toàn quốc"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "hoi nghi ngoai vu toan quoc"


def test_fold_is_ascii_and_drops_other_signs():
    folded = fold("“Quang cảnh” Hội nghị 28°C")
    assert folded.isascii()
    assert folded == "quang canh hoi nghi 28c"


def test_old_and_new_placement_fold_alike():
    assert fold("thuỷ lợi") == fold("thủy lợi") == "thuy loi"


def test_squash_and_word_count():
    assert squash("  Hội   nghị\t tổng\nkết  ") == "Hội nghị tổng kết"
    assert word_count("Hội nghị  tổng kết") == 4
    assert word_count("") == 0


# --- patterns for word lists -------------------------------------------------------------------------------------

def test_trie_regex_matches_each_word_and_prefers_the_longest():
    pattern = re.compile(trie_regex(["Bí thư", "Bí thư Tỉnh ủy", "Bộ trưởng"]))
    assert pattern.match("Bí thư Tỉnh ủy Bình Dương").group() == "Bí thư Tỉnh ủy"
    assert pattern.match("Bí thư Thành ủy").group() == "Bí thư"
    assert pattern.match("Bộ trưởng Bộ Ngoại giao").group() == "Bộ trưởng"
    assert pattern.match("Bộ Ngoại giao") is None


@pytest.mark.parametrize("text, found", [
    ("Đồng chí Lê Văn A phát biểu", ["Lê"]),
    ("Lê Văn A phát biểu", ["Lê"]),  # at the very start of the text
    ("(Lê Văn A)", ["Lê"]),
    ("HàLê Văn A", []),  # inside a word: no boundary before it
    ("Thành phố Lê Lợi", ["Lê"]),
])
def test_trie_regex_with_a_boundary_after_the_first_letter(text, found):
    pattern = re.compile(trie_regex(["Lê", "Lý"], after_first=r"(?<!\w.)"))
    assert [m.group() for m in pattern.finditer(text)] == found


def test_words_regex_whole_words_only():
    pattern = re.compile(words_regex(["phat bieu", "du"]))
    assert pattern.search("dong chi a phat bieu tai hoi nghi")
    assert pattern.search("cac dai bieu du hoi nghi")
    assert pattern.search("du an giao thong")  # `du` alone is a word here
    assert not pattern.search("duong pho")  # not a word: part of `duong`
    assert not pattern.search("phat bieuu")


def test_words_regex_cases():
    plain = re.compile(words_regex(["là", "được"]))
    any_case = re.compile(words_regex(["là", "được"], cases=True))
    for text in ("Là nhiệm vụ", "ĐƯỢC TỔ CHỨC", "đây là một"):
        assert any_case.search(text), text
    assert not plain.search("Là nhiệm vụ")
    assert not any_case.search("Hoàng Lâm")  # `Là` is not in `Lâm`
