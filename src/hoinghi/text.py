"""Vietnamese text normalisation: one form for matching, the original kept for display.

- `normalize(text)`: NFC, one tone-mark placement (`hoà` -> `hòa`, `thuỷ` -> `thủy`, `Uỷ` -> `Ủy`), `Ð`/`ð` (the
  Icelandic eth, common in old portals) -> `Đ`/`đ`, non-breaking and zero-width spaces removed. Lengths may change,
  so offsets are always taken in the normalised text.
- `fold(text)`: lower case ASCII without diacritics (`Đối ngoại` -> `doi ngoai`), for search and lookups; other
  non-ASCII signs (quotes, `°`) are dropped, so lengths change.
"""

from __future__ import annotations

import re
import unicodedata

# Syllables ending in oa / oe / uy carry the tone on the first vowel in the placement we keep (hòa, khỏe, thủy);
# the other placement (hoà, khoẻ, thuỷ) marks the second. Only at a syllable's end: `hoàn`, `khoảng`, `quý` stay.
# Vietnamese letters as regular-expression classes (a range like `à-ỹ` would take capitals in between).
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ", "O": "ÒÓỎÕỌ", "U": "ÙÚỦŨỤ"}
_SECOND = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "A": "ÀÁẢÃẠ", "E": "ÈÉẺẼẸ", "Y": "ỲÝỶỸỴ"}
_MOVES: dict[str, str] = {}
for first in "oOuU":
    for second in ("ae" if first in "oO" else "y") + ("AE" if first in "oO" else "Y"):
        for i, marked in enumerate(_SECOND[second]):
            _MOVES[first + marked] = _FIRST[first][i] + second

_VN_LETTER = "a-zA-ZÀ-ỹđĐ"
_TONE_RE = re.compile(r"[oOuU][" + "".join(sorted({k[1] for k in _MOVES})) + r"](?![" + _VN_LETTER + r"])")
# The same, one pattern for each first letter: a literal first character is what `re` scans for fastest (a class
# like `[oOuU]` is tested character by character). Their matches never overlap, so applying them one after the
# other is the same as applying `_TONE_RE`.
_TONE_BY_FIRST = tuple(
    (first, re.compile(first + "[" + "".join(sorted({k[1] for k in _MOVES if k[0] == first})) + "](?![" + _VN_LETTER
                       + "])"))
    for first in "oOuU"
)

_SPACES = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u3000": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u2060": "", "\u00ad": "",
    "\u00d0": "Đ", "\u00f0": "đ", "\r": "",
}
_SPECIAL = re.compile("[" + "".join(_SPACES) + "]")


def normalize(text: str) -> str:
    """The one form hoinghi matches on: NFC, one tone-mark placement, clean spaces."""
    if not text:
        return text or ""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for special, replacement in _SPACES.items():  # no replacement is itself special: one by one is all at once
        if special in text:
            text = text.replace(special, replacement)
    for first, pattern in _TONE_BY_FIRST:
        if first in text:
            text = pattern.sub(_move_tone, text)
    return text


def _move_tone(m: re.Match) -> str:
    start = m.start()
    if start and m.string[start - 1] in "qQ":  # `quý`, `Quỳnh`: the u belongs to qu
        return m.group()
    return _MOVES.get(m.group(), m.group())


def fold(text: str, normalized: bool = False) -> str:
    """Lower case, no diacritics, `đ` -> `d`, ASCII only: `Đối ngoại` and `doi ngoai` fold alike.
    `normalized`: the text has been through `normalize` already."""
    text = (text if normalized else normalize(text)).lower().replace("đ", "d")
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip."""
    return " ".join(text.split())


def word_count(text: str) -> int:
    return len(text.split())


def trie_regex(words, char=re.escape, after_first: str = "") -> str:
    """One regular expression for a word list, as a trie (`Bí thư|Bộ trưởng` -> `B(?:í thư|ộ trưởng)`): Python's
    `re` tries every branch of a plain alternation at each position, a trie only the ones that can still match.
    `char` writes one character of the pattern (default: escaped as is). `after_first` is written after each
    word's first character: a look-behind there (`(?<!\\w.)`, no word character before the word) keeps the first
    characters the pattern's prefix, which `re` scans for quickly, where one written before the trie makes it try
    a match at every position of the text."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, extra: str = "") -> str:
        alts = [char(ch) + extra + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    return emit(trie, after_first)


def words_regex(words, cases: bool = False) -> str:
    """A pattern for any of `words` as whole words (`\\b(là|được)\\b`), written so that `re` scans for their first
    letters; `cases`: also Capitalised and UPPER CASE (cheaper than `re.IGNORECASE`, which `re` cannot scan for)."""
    if cases:
        words = {v for w in words for v in (w, w[:1].upper() + w[1:], w.upper())}
    return trie_regex(sorted(words), after_first=r"(?<!\w.)") + r"(?!\w)"
