"""Plain-text pages: the whole file is `Page.text`."""

from __future__ import annotations

from collections.abc import Iterator

from hoinghi.model import Page

from .base import ReadError, decode_page


def read_text(data: bytes, *, id: str | None, source: str) -> Iterator[Page | ReadError]:
    """One page, then a warning if some bytes were not UTF-8. Raises `Unreadable` for an empty or binary file."""
    text, warning = decode_page(data, source)
    yield Page(id=id, text=text, source=source)
    if warning:
        yield warning
