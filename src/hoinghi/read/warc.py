"""WARC files, plain or gzipped: every successful HTML `response` record is a page; other records are not pages.

A damaged plain WARC (bad header, a record cut short) yields the pages before the damage, then one ReadError, and is
read no further. A gzipped WARC is read member by member: a damaged member (bad data, wrong checksum, cut short)
is one ReadError, and the reading goes on at the next gzip header.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zlib
from collections.abc import Iterator
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from hoinghi.model import Page

from .base import ReadError, Unreadable, describe
from .html import read_html


class _Stream:
    """A binary stream whose read error ends it instead of raising. fastwarc reads ahead, so an error raised at a
    broken gzip member would lose the good records already buffered; this way they come out and the error after."""

    def __init__(self, raw: io.BufferedIOBase):
        self.raw, self.error, self.pos = raw, None, 0

    def read(self, size: int = -1) -> bytes:
        try:  # read1: one read of the raw stream, so that data decoded before an error is not dropped with it
            data = b"" if self.error else self.raw.read1(size)
        except (OSError, EOFError, zlib.error) as err:
            self.error, data = err, b""
        self.pos += len(data)
        return data

    def tell(self) -> int:
        return self.pos


def read_warc(path: str) -> Iterator[Page | ReadError]:
    if path.lower().endswith(".gz"):
        yield from _read_members(path)
        return
    with open(path, "rb") as raw:
        stream = _Stream(raw)
        records = yield from _read_records(stream, path, 0)
        if stream.error:
            raise _corrupt(records, describe(stream.error))
        if not records:
            raise Unreadable("no WARC records: not a WARC file, or truncated" if stream.pos else "empty file")


def _read_records(stream, path: str, records: int) -> Iterator[Page | ReadError]:
    """The pages of the records in `stream`; returns how many records were read in all."""
    try:
        for record in ArchiveIterator(stream, auto_decode="none"):
            records += 1
            yield from _read_record(record, path)
    except OSError as err:  # fastwarc: "Invalid WARC header"
        raise _corrupt(records, err) from None
    except BaseException as err:  # a panic in fastwarc (Rust) is a BaseException; let anything else through
        if type(err).__name__ != "PanicException":
            raise
        raise _corrupt(records, f"fastwarc failed: {err}") from None
    return records


def _read_members(path: str) -> Iterator[Page | ReadError]:
    """A gzipped WARC member by member (a record to a member, as crawlers write them): each member is decompressed
    and its checksum checked before its records are read, so a corrupt member is skipped with a ReadError and the
    reading goes on at the next member."""
    records = members = 0
    with open(path, "rb") as raw:
        for start, member, error in _members(raw):
            if error is not None:
                yield ReadError(path, f"corrupt WARC ({records} records read): gzip member at byte {start}: "
                                      f"{describe(error)}; skipped")
                continue
            members += 1
            try:
                records = yield from _read_records(_Stream(member), path, records)
            except Unreadable as err:
                yield ReadError(path, f"{err} (gzip member at byte {start}; skipped)")
            finally:
                member.close()
    if not members and not records:
        raise Unreadable("empty file" if not os.path.getsize(path) else "no WARC records: not a gzipped WARC file")


_MAGIC = b"\x1f\x8b\x08"
_CHUNK = 1 << 20


def _members(raw) -> Iterator[tuple[int, Any, Exception | None]]:
    """(offset, the member decompressed in a spooled temporary file, None) for each gzip member of `raw`, or
    (offset, None, the error) for damaged bytes, after which it goes on at the next gzip header."""
    offset, pending = 0, raw.read(_CHUNK)
    while pending:
        start = offset
        out = tempfile.SpooledTemporaryFile(max_size=32 << 20)  # noqa: SIM115 - closed by the reader
        try:
            offset, pending = _inflate(raw, start, pending, out)
        except (zlib.error, EOFError) as err:
            out.close()
            yield start, None, err
            offset, pending = _resync(raw, start + 1)
            continue
        out.seek(0)
        yield start, out, None


def _inflate(raw, offset: int, pending: bytes, out) -> tuple[int, bytes]:
    """Decompress the member starting at `offset` (its first bytes in `pending`) into `out`; returns the offset
    and first bytes of what follows it."""
    if not pending.startswith(_MAGIC[:2]):
        raise zlib.error("not a gzip header")
    d = zlib.decompressobj(31)  # gzip: the CRC and length at the member's end are checked
    used = 0
    while True:
        out.write(d.decompress(pending))
        if d.eof:
            used += len(pending) - len(d.unused_data)
            rest = d.unused_data or raw.read(_CHUNK)
            return offset + used, rest
        used += len(pending)
        pending = raw.read(_CHUNK)
        if not pending:
            raise EOFError("gzip member cut short")


def _resync(raw, at: int) -> tuple[int, bytes]:
    """The offset and first bytes of the next gzip header at or after `at`."""
    raw.seek(at)
    while True:
        block = raw.read(_CHUNK + 2)
        if len(block) < 3:
            return at, b""
        found = block.find(_MAGIC)
        if found >= 0:
            raw.seek(at + found)
            return at + found, raw.read(_CHUNK)
        at += len(block) - 2
        raw.seek(at)


def _corrupt(records: int, why: object) -> Unreadable:
    return Unreadable(f"corrupt WARC ({records} records read): {why}")


def _read_record(record: WarcRecord, path: str) -> Iterator[Page | ReadError]:
    """The page of one record if it is an HTML response with status 2xx; raises `Unreadable` for a cut record."""
    if not record.headers.get("Content-Length"):
        raise Unreadable("truncated WARC record header")
    is_page = (record.record_type == WarcRecordType.response and "html" in (record.http_content_type or "")
               and 200 <= (record.http_headers.status_code or 0) < 300)
    expected = record.content_length  # of the block; of the HTTP payload once the HTTP headers are parsed
    payload = record.reader.read() if is_page else b""
    got = len(payload) if is_page else record.consume()
    uuid = (record.record_id or "").removeprefix("<urn:uuid:").removesuffix(">") or None
    if got < expected:
        raise Unreadable(f"truncated WARC record {uuid}: {got} of {expected} bytes")
    if not is_page:
        return
    source = f"{path}#{uuid}"
    try:
        yield from read_html(_decode_http(payload, record), id=uuid, source=source, charset=record.http_charset,
                             url=record.headers.get("WARC-Target-URI"),
                             date=fetch_date(record.headers.get("WARC-Date")), what="record")
    except Exception as err:
        yield ReadError(source, describe(err))


VIETNAM = dt.timezone(dt.timedelta(hours=7))


def fetch_date(warc_date: str | None) -> str | None:
    """The day a record was fetched, in Vietnam's time (UTC+7, where the pages are written): the page's outside
    date, the base for its dates without a year. `2024-12-14T18:30:00Z` → `2024-12-15`."""
    value = (warc_date or "").strip()
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value[:10] or None
    return (when.astimezone(VIETNAM) if when.tzinfo else when).date().isoformat()


def _decode_http(payload: bytes, record: WarcRecord) -> bytes:
    """The body without HTTP transfer and content encodings (chunked, gzip, deflate)."""
    headers = record.http_headers
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        payload = _dechunk(payload)
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        raw_deflate = encoding == "deflate" and payload[:1] != b"\x78"  # no zlib header, as some servers send it
        payload = zlib.decompress(payload, wbits=-15 if raw_deflate else 47)  # 47: a gzip or zlib header
    elif encoding not in ("", "identity"):
        raise Unreadable(f"unsupported Content-Encoding: {encoding}")
    return payload


def _dechunk(data: bytes) -> bytes:
    out, pos = bytearray(), 0
    while True:
        eol = data.index(b"\r\n", pos)
        size = int(data[pos:eol].split(b";")[0], 16)
        if not size:
            return bytes(out)
        out += data[eol + 2:eol + 2 + size]
        pos = eol + 4 + size
