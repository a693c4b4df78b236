"""Highlights found in the folded text, shown on the original Vietnamese.

The search index holds `fold(text)` (`Đối ngoại` -> `doi ngoai`); the database marks the matched words in that
folded text (FTS5 `highlight()`, PostgreSQL `ts_headline`). `fold_aligned` folds the original character by
character, remembering where each folded character came from, so the marks are moved back onto the original and
a person reads `… công tác **đối ngoại** của tỉnh …`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hoinghi.text import fold

OPEN, CLOSE = "\u00ab", "\u00bb"  # « »: never in folded text (ASCII only)

Segments = list[tuple[str, bool]]  # (text, highlighted)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


def fold_aligned(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for every folded character, the index of the original character it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = ch if ("a" <= ch <= "z" or "0" <= ch <= "9" or ch == " ") else _fold_char(ch)
        if f:
            out.append(f)
            origin.extend([i] * len(f))
    return "".join(out), origin


def marked_spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip OPEN/CLOSE marks, returning the plain text and the marked spans in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start = None
    for part in re.split(f"([{OPEN}{CLOSE}])", marked):
        if part == OPEN:
            start = pos
        elif part == CLOSE:
            if start is not None and pos > start:
                spans.append((start, pos))
            start = None
        else:
            plain.append(part)
            pos += len(part)
    return "".join(plain), spans


def term_spans(folded: str, terms: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Where the query's words occur in folded text (whole words; `prefix` words as word starts)."""
    spans = []
    for word, prefix in terms:
        pattern = r"(?<![a-z0-9])" + re.escape(word) + (r"[a-z0-9]*" if prefix else r"(?![a-z0-9])")
        spans.extend(m.span() for m in re.finditer(pattern, folded))
    return sorted(spans)


def to_original(text: str, folded_spans: list[tuple[int, int]], folded: str, origin: list[int]) -> list[tuple[int, int]]:
    spans = []
    for a, b in folded_spans:
        if a >= len(origin) or b <= a:
            continue
        spans.append((origin[a], origin[min(b, len(origin)) - 1] + 1))
    return spans


def original_spans(text: str, marked: str | None, terms: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Highlight spans in the original `text`, from the database's marked folded text when it lines up with
    `fold_aligned(text)`, else from the query's words."""
    folded, origin = fold_aligned(text)
    spans: list[tuple[int, int]] | None = None
    if marked:
        plain, fspans = marked_spans(marked)
        if len(plain) == len(folded):  # PostgreSQL's copy has punctuation as spaces: same length, same offsets
            spans = fspans
    if spans is None:
        spans = term_spans(folded, terms)
    return to_original(text, spans, folded, origin)


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
