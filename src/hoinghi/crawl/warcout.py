"""Writing WARC/1.1 `response` records by hand, one gzip member a record (as crawlers write them), appended to a
file so that a resumed crawl adds to the same WARC. `hoinghi extract` / `ingest` read them back: the record's
`WARC-Target-URI` becomes the page's url and its `WARC-Date` (the fetch time) the page's outside date."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import threading
import uuid
from datetime import UTC, datetime

from .fetch import Response

_DROP = frozenset(("transfer-encoding",))  # the body is stored de-chunked


def warc_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def http_block(resp: Response) -> bytes:
    """The HTTP response as received: status line, headers (without Transfer-Encoding), blank line, body."""
    lines = [f"HTTP/1.1 {resp.status} {resp.reason}".rstrip()]
    lines += [f"{k}: {v}" for k, v in resp.headers if k.lower() not in _DROP]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace") + resp.body


class WarcWriter:
    def __init__(self, path: str, software: str = "hoinghi crawl"):
        self.path = path
        self._lock = threading.Lock()
        new = not os.path.exists(path) or not os.path.getsize(path)
        self._out = open(path, "ab")  # noqa: SIM115 - closed by close()
        if new:
            self._warcinfo(software)

    def _warcinfo(self, software: str) -> None:
        fields = f"software: {software}\r\nformat: WARC File Format 1.1\r\n".encode()
        self._write([("WARC-Type", "warcinfo"), ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                     ("WARC-Date", warc_date(datetime.now(UTC))),
                     ("WARC-Filename", os.path.basename(self.path)), ("Content-Type", "application/warc-fields")],
                    fields)

    def write_response(self, resp: Response, fetched: datetime) -> str:
        """Append `resp` as a response record fetched at `fetched`; returns the record's UUID."""
        rid = str(uuid.uuid4())
        block = http_block(resp)
        self._write([("WARC-Type", "response"), ("WARC-Record-ID", f"<urn:uuid:{rid}>"),
                     ("WARC-Date", warc_date(fetched)), ("WARC-Target-URI", resp.url),
                     ("Content-Type", "application/http;msgtype=response"),
                     ("WARC-Payload-Digest", _digest(resp.body)), ("WARC-Block-Digest", _digest(block))], block)
        return rid

    def _write(self, headers: list[tuple[str, str]], block: bytes) -> None:
        data = gzip.compress(_record(headers, block)) if self.path.lower().endswith(".gz") else _record(headers, block)
        with self._lock:
            self._out.write(data)
            self._out.flush()

    def close(self) -> None:
        self._out.close()
