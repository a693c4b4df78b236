"""JSON Lines pages, plain or gzipped: one `{"id", "url", "text" | "html", "date"?}` object a line."""

from __future__ import annotations

import codecs
import gzip
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from hoinghi.model import Page

from .base import ReadError, Unreadable, describe
from .html import html_page


def _open(path: str) -> IO[bytes]:
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115


def read_jsonl(path: str) -> Iterator[Page | ReadError]:
    with _open(path) as f:
        yield from read_lines(utf8_lines(f), path)


def utf8_lines(f: IO[bytes]) -> Iterable[bytes]:
    """The lines of a binary file as UTF-8: a UTF-16 file (by its BOM, or NUL bytes between ASCII ones, as a
    `{"` starts) is decoded first, or its lines would be cut inside characters and all but the first lost."""
    head = f.peek(4)[:4] if hasattr(f, "peek") else b""
    codec = None
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        codec = "utf-16"
    elif len(head) == 4 and head[1] == 0 == head[3] and head[0] and head[2]:
        codec = "utf-16-le"
    elif len(head) == 4 and head[0] == 0 == head[2] and head[1] and head[3]:
        codec = "utf-16-be"
    if codec is None:
        return f
    text = io.TextIOWrapper(f, encoding=codec, errors="replace", newline=None)
    return (line.encode("utf-8") for line in text)


def read_lines(lines: Iterable[bytes], name: str) -> Iterator[Page | ReadError]:
    """A page or a ReadError (`name:lineno`) for every non-blank line; a bad line never stops the rest."""
    empty = True
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        empty = False
        source = f"{name}:{lineno}"
        try:
            page = page_from_record(_loads(line), source)
        except Exception as err:
            yield ReadError(source, describe(err))
            continue
        yield page
        if getattr(page, "read_warning", None):
            yield ReadError(source, page.read_warning, "warning")
    if empty:
        raise Unreadable("empty file")


def count_lines(path: str) -> int:
    with _open(path) as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))


def _loads(line: bytes) -> Any:
    try:
        return json.loads(line.strip())
    except ValueError as err:  # JSONDecodeError, or UnicodeDecodeError for a line that is not UTF-8
        raise Unreadable(f"not JSON: {err}") from None


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Unreadable(f'"{key}" is a {type(value).__name__}, not a string')
    return str(value)


def page_from_record(record: Any, source: str) -> Page:
    """A page from one decoded JSON object: its `text` if it has one, else the text of its `html`."""
    if not isinstance(record, dict):
        raise Unreadable(f"a JSON {type(record).__name__}, not an object")
    id, url, date, text, markup = (_optional_str(record, key) for key in ("id", "url", "date", "text", "html"))
    if text and text.strip():
        return Page(id=id, url=url, text=text, html=markup, date=date, source=source)
    if markup and markup.strip():
        return html_page(markup, id=id, url=url, date=date, source=source)
    raise Unreadable('no "text" or "html"')
