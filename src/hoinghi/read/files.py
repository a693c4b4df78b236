"""Walking the inputs and handing every file to its reader."""

from __future__ import annotations

import codecs
import gzip
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
    path or a folder that cannot be listed as a ReadError."""
    for item, _id in expand_ids(inputs):
        yield item


def expand_ids(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str | ReadError, str | None]]:
    """`expand`, each file with the id of its page: its path under the folder given, without the suffix
    (`a/index`, `b/index`: two pages), which for a file directly in the folder or named alone is its stem."""
    for item in map(os.fspath, inputs):
        path = Path(item)
        if item == "-":
            yield item, None
        elif path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield item, path.stem
        else:
            yield ReadError(item, "no such file or directory"), None


def _walk(root: Path) -> Iterator[tuple[str | ReadError, str | None]]:
    """The readable files under `root`, sorted by path, with a ReadError in its place for every folder that
    cannot be listed (no permission, gone while walking)."""
    found: list[tuple[Path, str | ReadError]] = []

    def unreadable(err: OSError) -> None:
        where = Path(err.filename or root)
        found.append((where, ReadError(str(where), f"cannot read the folder: {err.strerror or err}")))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs.sort()
        found.extend((Path(folder, f), os.path.join(folder, f)) for f in files if kind_of(f))
    for p, item in sorted(found, key=lambda x: x[0]):
        if isinstance(item, ReadError):
            yield item, None
        elif p.is_file():
            rel = p.relative_to(root)
            yield item, "/".join([*rel.parent.parts, p.stem])


def iter_pages(inputs: list[str]) -> Iterator[Page | ReadError]:
    """Every page of every input in order, and a ReadError for everything that could not be read. Never raises for
    bad input: a failure inside a file ends that file with a ReadError, the other inputs are still read."""
    for item, page_id in expand_ids(inputs):
        if isinstance(item, ReadError):
            yield item
            continue
        source = STDIN if item == "-" else item
        try:
            yield from read_stream(_stdin_lines(), STDIN) if item == "-" else read_path(item, page_id)
        except Exception as err:
            yield ReadError(source, describe(err))


def read_path(path: str, page_id: str | None = None) -> Iterator[Page | ReadError]:
    """The pages of one file; `page_id` names the page of a .txt or .html file (default: the file's stem)."""
    kind = kind_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path)
    elif kind == "warc":
        yield from read_warc(path)
    else:
        with open(path, "rb") as f:
            yield from read_stream(f, path, id=page_id or Path(path).stem, kind=kind)


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
    if buffer is None:
        return (line.encode("utf-8", "surrogateescape") for line in sys.stdin)
    return gzip.GzipFile(fileobj=buffer) if _gzipped(buffer) else buffer  # `cat pages.jsonl.gz | hoinghi …`


def _gzipped(stream) -> bool:
    """The stream starts with gzip's magic bytes (looked at without consuming them)."""
    if hasattr(stream, "peek"):
        return stream.peek(2)[:2] == b"\x1f\x8b"
    if stream.seekable():
        head = stream.read(2)
        stream.seek(-len(head), os.SEEK_CUR)
        return head == b"\x1f\x8b"
    return False


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
