"""Walking the inputs and handing every file to its reader."""

from __future__ import annotations

import codecs
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from hoinghi.model import Page

from .base import ReadError, describe
from .html import read_html
from .jsonl import count_lines, read_jsonl, read_lines
from .text import read_text
from .warc import read_warc

STDIN = "<stdin>"
KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".jsonl.gz": "jsonl",
         ".warc": "warc", ".warc.gz": "warc"}


def kind_of(path: str) -> str | None:
    """text, html, jsonl or warc by the file name; None for a name hoinghi does not read."""
    name = path.lower()
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix)), None)


def expand(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[str | ReadError]:
    """Each input as files to read: `-` as is, a directory as its readable files (recursively, sorted), a missing
    path as a ReadError."""
    for item in map(os.fspath, inputs):
        path = Path(item)
        if item == "-":
            yield item
        elif path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if kind_of(p.name) and p.is_file())
        elif path.exists():
            yield item
        else:
            yield ReadError(item, "no such file or directory")


def iter_pages(inputs: list[str]) -> Iterator[Page | ReadError]:
    """Every page of every input in order, and a ReadError for everything that could not be read. Never raises for
    bad input: a failure inside a file ends that file with a ReadError, the other inputs are still read."""
    for item in expand(inputs):
        if isinstance(item, ReadError):
            yield item
            continue
        source = STDIN if item == "-" else item
        try:
            yield from read_stream(_stdin_lines(), STDIN) if item == "-" else read_path(item)
        except Exception as err:
            yield ReadError(source, describe(err))


def read_path(path: str) -> Iterator[Page | ReadError]:
    kind = kind_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path)
    elif kind == "warc":
        yield from read_warc(path)
    else:
        with open(path, "rb") as f:
            yield from read_stream(f, path, id=Path(path).stem, kind=kind)


def read_stream(lines: Iterable[bytes], source: str, id: str | None = None,
                kind: str | None = None) -> Iterator[Page | ReadError]:
    """Pages from a byte stream of `kind`, or if None as sniffed: JSONL if it starts with `{`, HTML with `<`, else
    plain text."""
    lines, head = iter(lines), []
    if kind is None:
        for line in lines:
            head.append(line)
            if line.strip():
                break
        first = b"".join(head).removeprefix(codecs.BOM_UTF8).lstrip()[:1]
        kind = {b"{": "jsonl", b"<": "html"}.get(first, "text")
    rest = itertools.chain(head, lines)
    if kind == "jsonl":
        yield from read_lines(rest, source)
    else:
        yield from (read_html if kind == "html" else read_text)(b"".join(rest), id=id, source=source)


def _stdin_lines() -> Iterable[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else (line.encode("utf-8", "surrogateescape") for line in sys.stdin)


def count_pages(inputs: list[str]) -> int | None:
    """A cheap estimate of how many items `iter_pages` yields, for a progress bar: a file counts one, a JSONL file its
    lines. None when it cannot be known without reading everything (standard input, WARC)."""
    total = 0
    for item in expand(inputs):
        kind = None if isinstance(item, ReadError) else "stdin" if item == "-" else kind_of(item)
        if kind in ("stdin", "warc"):
            return None
        try:
            total += count_lines(item) if kind == "jsonl" else 1
        except Exception:  # unreadable: iter_pages reports it as one error
            total += 1
    return total
