"""Vietnamese pages in legacy encodings, and UTF-8 decoded twice: recognised by their bytes, converted when the
evidence is clear.

- TCVN3 (ABC, TCVN 5712 VN3): one byte per lower-case letter with its tone, upper case only for the bare letters
  (`Héi nghÞ` is `Hội nghị`, `§¶ng` is `Đảng`); the table below, as data.
- VNI (VNI-Windows fonts): a letter is its base letter, then one mark byte, both as Windows-1252 shows them
  (`Hoäi nghò` is `Hội nghị`, `Ñaûng` is `Đảng`); ơ ư đ and the i's are single bytes (`VNI` below, built from the
  marks; checked against UniKey's VNI-WIN table, see tests/test_legacy.py). It is also recognised as text, when a
  page was read as Windows-1252 before it reached us.
- Windows-1258: base letters and combining tone marks (Python's codec).
- Double-encoded UTF-8 (`Há»™i nghá»‹`): UTF-8 bytes read as Windows-1252, then written as UTF-8 again.

Evidence is the share of the text's words that are common Vietnamese syllables written with their marks
(`COMMON`): a candidate is taken only if it reaches `MIN_SHARE` and beats the text as it was read. VNI, whose
marks are letters of French and other Western text (`où`, `naïve`), must also show its signature: mark pairs in many
of the words (`VNI_MIN_PAIRS`), and the words it changes valid Vietnamese syllables (`VNI_MIN_VALID`).
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 byte -> letter (bytes below 0x80 are ASCII)
TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TCVN3_TABLE = {b: TCVN3.get(b, chr(b)) for b in range(256)}

# VNI-Windows marks as Windows-1252 shows them: (lower case, upper case), after a letter of the same case.
_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc huyền hỏi ngã nặng
_VNI_TONE = ("ùøûõï", "ÙØÛÕÏ")  # after a e o u y, ơ ư (y nặng is the single ỵ)
_VNI_HAT = ("âáàåãä", "ÂÁÀÅÃÄ")  # circumflex, then with each tone; after a e o
_VNI_BREVE = ("êéèúüë", "ÊÉÈÚÜË")  # breve, then with each tone; after a
_VNI_I = ("íìæóò", "ÍÌÆÓÒ")  # i with each tone, one byte
_VNI_ONE = (("ñ", "đ"), ("ô", "ơ"), ("ö", "ư"), ("î", "ỵ"))  # one byte


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _marked(base: str, letter: str, marks: str, combining: tuple[str, ...]) -> dict[str, str]:
    """`base` followed by each mark -> `letter` with the combining mark(s) of the same place."""
    return {base + m: _nfc(letter + c) for m, c in zip(marks, combining, strict=True)}


def _vni_case(up: int) -> dict[str, str]:
    """VNI sequence -> letter, for lower (`up` 0) or upper-case letters."""
    case, tones = (str.upper if up else str.lower), _VNI_TONE[up]
    table = {case(vni): case(letter) for vni, letter in _VNI_ONE}
    for base in case("aeouôö"):
        table |= _marked(base, table.get(base, base), tones, _TONES)
    table |= _marked(case("y"), case("y"), tones[:4], _TONES[:4])  # y nặng is the one-byte ỵ
    for base in case("aeo"):
        table |= _marked(base, base + "\u0302", _VNI_HAT[up], ("", *_TONES))
    table |= _marked(case("a"), case("a") + "\u0306", _VNI_BREVE[up], ("", *_TONES))
    return table | _marked("", case("i"), _VNI_I[up], _TONES)


VNI = {**_vni_case(0), **_vni_case(1)}  # VNI sequence -> letter: the 134 marked letters and đ Đ
_VNI_SEQ = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))


def _pairs(up: int) -> str:
    """The two-byte sequences of `VNI` (a letter and its mark) as a pattern, for lower (`up` 0) or upper case."""
    case, tone = (str.upper if up else str.lower), _VNI_TONE[up]
    return (f"[{case('aeo')}][{_VNI_HAT[up]}]|{case('a')}[{_VNI_BREVE[up]}]|[{case('aeouôö')}][{tone}]"
            f"|{case('y')}[{tone[:4]}]")


# A mark byte after the letter it marks: the signature of VNI, not its one-byte letters (ô ò ó í ì, common in French)
_VNI_PAIR = re.compile(f"{_pairs(0)}|{_pairs(1)}")
VNI_MIN_PAIRS = 0.5  # of the words with letters beyond ASCII
VNI_MIN_VALID = 0.9  # of the words VNI changes
VNI_MIN_WORDS = 3  # words with a pair
_CP1252 = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)}

_COMMON = """của và các là được có trong những cho với đã để một này không người năm tỉnh hội nghị
công tác đồng chí phát triển thực hiện ban thường vụ tổ chức ủy đảng nhân dân việt nam về theo tại nhiệm kỳ
lãnh đạo chỉ đạo kết luận nghị quyết quán triệt triển khai tuyên giáo đối ngoại sáng chiều ngày tháng chủ trì
tịch bí thư huyện xã cấp ủy thành phố trung ương bộ chính trị sở kinh tế xã hội đề nghị yêu cầu"""
COMMON = frozenset(_COMMON.split())
MIN_SHARE = 0.12
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_NUCLEI = ("iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",  # vowel groups
           "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi",
           "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
           "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
_SYLLABLE = re.compile(rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:{'|'.join(_NUCLEI)})"
                       r"(?:ch|ng|nh|[cmnptk])?")  # k: Đắk Lắk


def share(text: str) -> float:
    """The share of the words of `text` that are common Vietnamese syllables written with their marks."""
    words = _WORD.findall(unicodedata.normalize("NFC", text[:20000]).lower())
    return sum(w in COMMON for w in words) / len(words) if words else 0.0


def from_tcvn3(data: bytes) -> str:
    return "".join(_TCVN3_TABLE[b] for b in data)


def western(data: bytes) -> str:
    """The bytes as Windows-1252 shows them (Latin-1 for the five bytes it leaves undefined)."""
    return "".join(_CP1252[b] for b in data)


def from_vni_text(text: str) -> str:
    """`Hoäi nghò` -> `Hội nghị`: VNI as Windows-1252 shows it, converted."""
    return _VNI_SEQ.sub(lambda m: VNI[m.group()], text)


def from_vni(data: bytes) -> str:
    return from_vni_text(western(data))


def syllable(word: str) -> bool:
    """Whether `word` is written as a Vietnamese syllable: an onset, a vowel group, a coda, at most one tone."""
    bare = unicodedata.normalize("NFD", word.lower())
    toneless = "".join(c for c in bare if c not in _TONES)
    return len(bare) - len(toneless) <= 1 and _SYLLABLE.fullmatch(_nfc(toneless)) is not None


def _maybe_vni(sample: str) -> bool:
    """Cheap: `sample` has letters beyond ASCII, next to none that VNI never shows (ư ơ đ ạ …: Unicode Vietnamese;
    Windows-1252's “ ” – … are few), and VNI pairs."""
    if sample.isascii() or len(sample) - len(sample.encode("latin-1", errors="ignore")) > 0.03 * len(sample):
        return False
    return len(_VNI_PAIR.findall(sample)) >= VNI_MIN_WORDS


def vni_evident(shown: str) -> bool:
    """Whether text as Windows-1252 shows it (`shown`) bears VNI's signature: a letter and its mark in
    `VNI_MIN_PAIRS` of the words with letters beyond ASCII, and `VNI_MIN_VALID` of the words converting changes
    valid Vietnamese syllables."""
    sample = shown[:20000]
    if not _maybe_vni(sample):
        return False
    marked = [word for word in _LETTERS.findall(sample) if not word.isascii()]
    paired = [word for word in marked if _VNI_PAIR.search(word)]
    changed = [new for word in marked if (new := from_vni_text(word)) != word]
    return (len(paired) >= max(VNI_MIN_WORDS, VNI_MIN_PAIRS * len(marked))
            and sum(map(syllable, changed)) >= VNI_MIN_VALID * len(changed))


def from_cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def undo_double_utf8(text: str) -> str | None:
    """`Há»™i` -> `Hội`: the text's characters as Windows-1252 (or Latin-1) bytes, read as UTF-8; None if they are
    not such bytes."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return None


LEGACY = (("TCVN3", from_tcvn3), ("Windows-1258", from_cp1258), ("VNI", from_vni))
# What an encoding must show besides reading better: its signature in the bytes
_EVIDENT = {"VNI": lambda data: vni_evident(western(data))}


def _no_signature_needed(data: bytes) -> bool:
    return True


def best_legacy(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) of the legacy encoding that reads `data` as Vietnamese clearly better than the others."""
    scored = sorted(((share(conv(data)), name, conv) for name, conv in LEGACY), reverse=True)
    top, name, conv = scored[0]
    if top >= MIN_SHARE and top > 1.5 * scored[1][0] and _EVIDENT.get(name, _no_signature_needed)(data):
        return name, conv(data)
    return None


def _undo_double(text: str) -> str | None:
    if "Ã" not in text and "á»" not in text and "Æ" not in text:
        return None
    return undo_double_utf8(text)


def _undo_vni(text: str) -> str | None:
    return from_vni_text(text) if vni_evident(text) else None


REPAIRS = (("UTF-8 decoded twice (mojibake such as `Há»™i`): repaired", _undo_double),
           ("VNI shown as Windows-1252 (such as `Hoäi nghò`): converted", _undo_vni))


def repaired(text: str) -> tuple[str, str] | None:
    """(what was undone, text) for text that is double-encoded UTF-8 or VNI as Windows-1252 shows it, and reads
    clearly better undone; else None."""
    for reason, undo in REPAIRS:
        fixed = undo(text)
        if fixed is not None and share(fixed) >= MIN_SHARE and share(fixed) > 1.5 * share(text):
            return reason, fixed
    return None
