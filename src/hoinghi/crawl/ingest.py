"""`hoinghi crawl --ingest`: the fetched article pages extracted and stored as the crawl goes, in batches, read
exactly as `hoinghi ingest OUT.warc.gz` would read their records (same url, date and hash: ingesting the WARC
afterwards adds nothing), then linked once at the end."""

from __future__ import annotations

import re

from hoinghi.engines import run_local
from hoinghi.model import Page
from hoinghi.read.base import ReadError
from hoinghi.read.html import read_html
from hoinghi.read.warc import _decode_http, fetch_date
from hoinghi.store.core import Store
from hoinghi.store.ingest import skip_stored, store_results

from .fetch import Response

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


class _Headers:
    """Just what `read.warc._decode_http` asks of a record: its HTTP headers."""

    def __init__(self, resp: Response):
        self.http_headers = self
        self._resp = resp

    def get(self, name: str) -> str | None:
        return self._resp.header(name)


class Ingester:
    def __init__(self, store: Store, batch: int = 50, warc: str | None = None):
        self.store, self.batch, self.warc = store, batch, warc
        self.pages: list[Page] = []
        self.errors: list[str] = []
        self.stored = 0

    def add(self, resp: Response, warc_date: str, record_id: str | None) -> int:
        """Queue one fetched page; returns how many pages were stored (when the batch was written)."""
        source = f"{self.warc}#{record_id}" if self.warc and record_id else resp.url
        match = _CHARSET.search(resp.header("Content-Type") or "")
        try:
            body = _decode_http(resp.body, _Headers(resp))
            items = list(read_html(body, id=record_id, source=source, url=resp.url, date=fetch_date(warc_date),
                                   charset=match.group(1) if match else None, what="record"))
        except Exception as err:
            self.errors.append(f"{resp.url}: {err}")
            return 0
        self.pages += [x for x in items if isinstance(x, Page)]
        self.errors += [f"{x.source}: {x.reason}" for x in items if isinstance(x, ReadError)]
        return self.flush() if len(self.pages) >= self.batch else 0

    def flush(self) -> int:
        pages, self.pages = self.pages, []
        if not pages:
            return 0
        results = []
        for page, art, why in run_local(skip_stored(self.store)(pages)):
            if art is None:
                self.errors.append(f"{page.source}: {why}")
            else:
                results.append((page, art))
        stored = store_results(self.store, results, self.batch).added
        self.stored += stored
        return stored

    def finish(self) -> int:
        """Write what is left, then link the store if anything was stored in this crawl."""
        done = self.flush()
        if self.stored:
            from hoinghi.store.links import LinkUnavailable, run_link

            try:
                run_link(self.store)
            except LinkUnavailable as err:
                self.errors.append(f"not linked: {err}")
        return done
