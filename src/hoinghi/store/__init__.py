"""The store: extracted articles, their mentions and what linking found, in SQLite (default, a file) or
PostgreSQL (a URL), with full-text search over folded text.

    from hoinghi.store import open_store
    store = open_store("hoinghi.db")            # or "postgresql://user@host/db"; migrated on open (Alembic)
    store.write_batch([(page, article), ...])   # one transaction
    search(store, "doi ngoai", province="Yên Bái")
    person_view(store, "Lương Đức Hiển"); document_view(store, "57-KL/TW"); event_view(store, EVENT_ID)
    export(store, "articles", "parquet", "articles.parquet")

Modules: `schema` (tables), `core` (open, migrate, write, read), `ingest` (skip stored pages, batches), `links`
(run `hoinghi.link.link` and persist), `search`, `snippets` (highlights mapped back to the original text),
`views`, `export`. The command line renders what they return with `hoinghi.render`.
"""

from hoinghi.store.core import EmptyStoreError, Store, StoreError, open_store, page_hash, resolve_url

__all__ = ["EmptyStoreError", "Store", "StoreError", "open_store", "page_hash", "resolve_url"]
