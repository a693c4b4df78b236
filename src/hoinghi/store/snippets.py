"""Highlights found in the folded text, shown on the original Vietnamese.

The search index holds `fold(text)` (`Đối ngoại` -> `doi ngoai`); the query's words are found in the folded text
(`term_spans`). `fold_aligned` folds the original character by character, remembering where each folded character
came from, so the spans are moved back onto the original and a person reads `… công tác **đối ngoại** của tỉnh …`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hoinghi.text import fold

Segments = list[tuple[str, bool]]  # (text, highlighted)


class _FoldTable(dict):
    """`str.translate`'s table: each character to `fold` of it alone, filled as characters are first seen."""

    def __init__(self) -> None:
        super().__init__()
        self.odd: set[str] = set()  # characters that fold to none or to several
        self._odd_re: re.Pattern | None = None

    def __missing__(self, code: int) -> str | int:
        ch = chr(code)
        f = fold(ch)
        if len(f) != 1:
            self.odd.add(ch)
            self._odd_re = None
        value = code if f == ch else f
        self[code] = value
        return value

    def odd_re(self) -> re.Pattern | None:
        if self._odd_re is None and self.odd:
            self._odd_re = re.compile("[" + re.escape("".join(sorted(self.odd))) + "]")
        return self._odd_re


_TABLE = _FoldTable()


def fold_aligned(text: str) -> tuple[str, Sequence[int]]:
    """`fold(text)` and, for every folded character, the index of the original character it came from. Each
    character is folded alone (`str.translate`); the few that fold to no character or to several (`…`, `“`) are
    where the folded offsets shift."""
    folded = text.translate(_TABLE)
    odd = _TABLE.odd_re()
    found = list(odd.finditer(text)) if odd else []
    if not found:
        return folded, range(len(text))
    origin: list[int] = []
    pos = 0
    for m in found:
        i = m.start()
        origin.extend(range(pos, i))
        origin.extend([i] * len(fold(text[i])))
        pos = i + 1
    origin.extend(range(pos, len(text)))
    return folded, origin


def term_spans(folded: str, terms: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Where the query's words occur in folded text (whole words; `prefix` words as word starts)."""
    spans = []
    for word, prefix in terms:
        pattern = r"(?<![a-z0-9])" + re.escape(word) + (r"[a-z0-9]*" if prefix else r"(?![a-z0-9])")
        spans.extend(m.span() for m in re.finditer(pattern, folded))
    return sorted(spans)


def to_original(text: str, folded_spans: list[tuple[int, int]], folded: str, origin: Sequence[int]) -> list[tuple[int, int]]:
    spans = []
    for a, b in folded_spans:
        if a >= len(origin) or b <= a:
            continue
        spans.append((origin[a], origin[min(b, len(origin)) - 1] + 1))
    return spans


def original_spans(text: str, terms: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Highlight spans in the original `text`: where the query's words occur in its folded form."""
    folded, origin = fold_aligned(text)
    return to_original(text, term_spans(folded, terms), folded, origin)


def segments(text: str, spans: list[tuple[int, int]]) -> Segments:
    out: Segments = []
    pos = 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def window(text: str, spans: list[tuple[int, int]], width: int = 240) -> Segments:
    """A snippet of about `width` characters around the densest run of highlights, cut at word boundaries."""
    text_len = len(text)
    if not spans:
        end = min(text_len, width)
        while end < text_len and not text[end].isspace():
            end += 1
        return [(text[:end].replace("\n", " ") + (" …" if end < text_len else ""), False)]
    spans = sorted(spans)
    best, best_i = -1, 0
    for i, (a, _b) in enumerate(spans):
        n = sum(1 for x, y in spans[i:] if y <= a + width)
        if n > best:
            best, best_i = n, i
    first = spans[best_i][0]
    start = max(0, first - width // 4)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(text_len, start + width)
    while end < text_len and not text[end].isspace():
        end += 1
    inside = [(max(a, start) - start, min(b, end) - start) for a, b in spans if b > start and a < end]
    segs = [(t.replace("\n", " "), h) for t, h in segments(text[start:end], inside)]
    if start > 0:
        segs.insert(0, ("… ", False))
    if end < text_len:
        segs.append((" …", False))
    return segs


def as_markup(segs: Segments, open_: str = "<b>", close: str = "</b>") -> str:
    return "".join(f"{open_}{t}{close}" if h else t for t, h in segs)
