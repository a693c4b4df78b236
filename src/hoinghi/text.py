"""Vietnamese text normalisation: one form for matching, the original kept for display.

- `normalize(text)`: NFC, one tone-mark placement (`hoà` -> `hòa`, `thuỷ` -> `thủy`, `Uỷ` -> `Ủy`), `Ð`/`ð` (the
  Icelandic eth, common in old portals) -> `Đ`/`đ`, non-breaking and zero-width spaces removed. Lengths may change,
  so offsets are always taken in the normalised text.
- `fold(text)`: lower case without diacritics (`Đối ngoại` -> `doi ngoai`), for search and lookups.
"""

from __future__ import annotations

import re
import unicodedata

# Syllables ending in oa / oe / uy carry the tone on the first vowel in the placement we keep (hòa, khỏe, thủy);
# the other placement (hoà, khoẻ, thuỷ) marks the second. Only at a syllable's end: `hoàn`, `khoảng`, `quý` stay.
_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ", "O": "ÒÓỎÕỌ", "U": "ÙÚỦŨỤ"}
_SECOND = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "A": "ÀÁẢÃẠ", "E": "ÈÉẺẼẸ", "Y": "ỲÝỶỸỴ"}
_MOVES: dict[str, str] = {}
for first in "oOuU":
    for second in ("ae" if first in "oO" else "y") + ("AE" if first in "oO" else "Y"):
        for i, marked in enumerate(_SECOND[second]):
            _MOVES[first + marked] = _FIRST[first][i] + second

_VN_LETTER = "a-zA-ZÀ-ỹđĐ"
_TONE_RE = re.compile(
    r"(?<![qQ])(" + "|".join(sorted(_MOVES, key=len, reverse=True)) + r")(?![" + _VN_LETTER + r"])"
)

_SPACES = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u3000": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u2060": "", "\u00ad": "",
    "\u00d0": "Đ", "\u00f0": "đ", "\u0110": "Đ", "\u0111": "đ", "\r": "",
}
_SPACE_TABLE = str.maketrans(_SPACES)


def normalize(text: str) -> str:
    """The one form hoinghi matches on: NFC, one tone-mark placement, clean spaces."""
    if not text:
        return text or ""
    text = unicodedata.normalize("NFC", text).translate(_SPACE_TABLE)
    if _TONE_RE.search(text):
        text = _TONE_RE.sub(lambda m: _MOVES[m.group(1)], text)
    return text


_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower case, no diacritics, `đ` -> `d`: `Đối ngoại` and `doi ngoai` fold alike."""
    text = normalize(text).translate(_FOLD_TABLE).lower()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip."""
    return re.sub(r"\s+", " ", text).strip()


def word_count(text: str) -> int:
    return len(text.split())
