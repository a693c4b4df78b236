"""Vietnamese pages in legacy encodings, and UTF-8 decoded twice: recognised by their bytes, converted when the
evidence is clear.

- TCVN3 (ABC, TCVN 5712 VN3): one byte per lower-case letter with its tone, upper case only for the bare letters
  (`Héi nghÞ` is `Hội nghị`, `§¶ng` is `Đảng`); the table below, as data.
- Windows-1258: base letters and combining tone marks (Python's codec).
- Double-encoded UTF-8 (`Há»™i nghá»‹`): UTF-8 bytes read as Windows-1252, then written as UTF-8 again.

Evidence is the share of the text's words that are common Vietnamese syllables written with their marks
(`COMMON`): a candidate is taken only if it reaches `MIN_SHARE` and beats the text as it was read.
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

_COMMON = """của và các là được có trong những cho với đã để một này không người năm tỉnh hội nghị
công tác đồng chí phát triển thực hiện ban thường vụ tổ chức ủy đảng nhân dân việt nam về theo tại nhiệm kỳ
lãnh đạo chỉ đạo kết luận nghị quyết quán triệt triển khai tuyên giáo đối ngoại sáng chiều ngày tháng chủ trì
tịch bí thư huyện xã cấp ủy thành phố trung ương bộ chính trị sở kinh tế xã hội đề nghị yêu cầu"""
COMMON = frozenset(_COMMON.split())
MIN_SHARE = 0.12
_WORD = re.compile(r"\w+")


def share(text: str) -> float:
    """The share of the words of `text` that are common Vietnamese syllables written with their marks."""
    words = _WORD.findall(unicodedata.normalize("NFC", text[:20000]).lower())
    return sum(w in COMMON for w in words) / len(words) if words else 0.0


def from_tcvn3(data: bytes) -> str:
    return "".join(_TCVN3_TABLE[b] for b in data)


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


LEGACY = (("TCVN3", from_tcvn3), ("Windows-1258", from_cp1258))


def best_legacy(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) of the legacy encoding that reads `data` as Vietnamese clearly better than the others."""
    scored = sorted(((share(conv(data)), name, conv) for name, conv in LEGACY), reverse=True)
    top, name, conv = scored[0]
    if top >= MIN_SHARE and top > 1.5 * scored[1][0]:
        return name, conv(data)
    return None


def repaired(text: str) -> str | None:
    """The text with double-encoded UTF-8 undone, if it is that and reads better undone; else None."""
    if "Ã" not in text and "á»" not in text and "Æ" not in text:
        return None
    fixed = undo_double_utf8(text)
    return fixed if fixed is not None and share(fixed) >= MIN_SHARE and share(fixed) > 1.5 * share(text) else None
