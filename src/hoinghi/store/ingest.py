"""`hoinghi ingest`: read, skip what is stored, extract, store in batches, then link.

- Idempotent: a page is identified by a hash of its url and normalised raw text (`core.page_hash`), computed
  before extraction; a stored hash is skipped without extracting it, and a page seen twice in one run is kept once.
- Versions: a page whose key (url, else id) is stored with other content is stored as a new version, the
  latest one marked (`articles.latest`); search and linking see the latest versions only.
- Transactional in batches: each batch of `batch_size` pages is written in one transaction, so a run killed at
  any moment loses at most its last, uncommitted batch, and running it again stores exactly what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from hoinghi.model import Page
from hoinghi.store.core import Store, Stored, now_stamp, page_hash

BATCH = 500


def skip_stored(store: Store, on_skip: Callable[[Page], None] | None = None,
                chunk: int = BATCH) -> Callable[[Iterable], Iterator]:
    """A filter over read items: pages whose hash is stored (or already seen in this run) are dropped before
    extraction; read errors pass through. Each page kept carries its hash in `page.content_hash`."""
    seen: set[str] = set()

    def run(items: Iterable) -> Iterator:
        items = iter(items)
        while True:
            batch = list(islice(items, chunk))
            if not batch:
                return
            pages = [x for x in batch if isinstance(x, Page)]
            for p in pages:
                p.content_hash = page_hash(p)
            known = store.known_hashes({p.content_hash for p in pages})
            for x in batch:
                if isinstance(x, Page):
                    if x.content_hash in known or x.content_hash in seen:
                        if on_skip:
                            on_skip(x)
                        continue
                    seen.add(x.content_hash)
                yield x

    return run


def store_results(store: Store, results: Iterable[tuple[Page, object]], batch_size: int = BATCH,
                  on_batch: Callable[[Stored], None] | None = None) -> Stored:
    """Write (page, article) pairs in transactions of `batch_size`: each pair turned into its rows as it comes
    (`Store.prepare`), each batch of rows written with one `executemany` a table (`Store.write_rows`)."""
    total = Stored()
    batch: list = []
    now = now_stamp()

    def flush() -> None:
        done = store.write_rows(batch)
        total.added += done.added
        total.versions += done.versions
        total.skipped += done.skipped
        batch.clear()
        if on_batch:
            on_batch(done)

    for page, art in results:
        if not batch:
            now = now_stamp()
        batch.append(store.prepare(page, art, now))
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return total
