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
`views`, `export`; `base` (errors, the schema's revision, `open_reader` and plain-SQL reading without
SQLAlchemy, for the commands that only read). The command line renders what they return with `hoinghi.render`.
"""

from hoinghi.store.base import EmptyStoreError, StoreError, open_reader

__all__ = ["EmptyStoreError", "Store", "StoreError", "open_reader", "open_store", "page_hash", "resolve_url"]
_CORE = {"Store", "open_store", "page_hash", "resolve_url"}


def __getattr__(name: str):
    """`Store`, `open_store` … from `core` when first asked for: reading a store needs no SQLAlchemy
    (`base.open_reader`), so importing the package does not import it."""
    if name in _CORE:
        from hoinghi.store import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
