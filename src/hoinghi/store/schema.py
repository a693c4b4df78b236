"""The store's tables, one schema for SQLite and PostgreSQL (SQLAlchemy Core).

The migrations in `migrations/versions/` create exactly these tables (a test compares them); the full-text index
is dialect-specific and lives only in the migrations: on SQLite an FTS5 table `articles_fts(title_fold, body_fold,
tags)` whose external content is the view `articles_search` (the latest articles; `tags` are tokens for their
date, province and event kinds, so search filters narrow inside the index; the text is stored once), on
PostgreSQL a generated `tsv` column with a GIN index.

Articles (one row per stored version of a page)
    pk            integer key (the FTS rowid)
    id            the record's id (`Article.id`); the same for every version of a page
    hash          sha256 of the page's normalised raw text and url: one row per distinct page content
    page_key      the page's identity across versions: its url, else its id
    version       1, 2, … per page_key in the order ingested; `latest` marks the newest (a unique partial index
                  `ux_articles_latest` holds one latest row per page_key)
    text          the cleaned text as extracted (original Vietnamese); mention offsets point into it
    title_fold / body_fold / province_fold …  `hoinghi.text.fold`ed copies for search and filters
    record        the contract's JSON minus `text` and `mentions` (kept in `text` and `mentions`)
    raw           the original page (text or HTML) as ingested, zlib-compressed UTF-8
Mentions, article_events: what extraction found, per article. The rest is what linking found, replaced whole by
every `hoinghi link`.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
    Column("page_key", Text, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("latest", Boolean, nullable=False, default=True),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", String(40)),
    Column("date", String(10)),
    Column("province", Text),
    Column("province_2025", Text),
    Column("province_fold", Text),
    Column("province_2025_fold", Text),
    Column("text", Text, nullable=False),
    Column("title_fold", Text, nullable=False),
    Column("body_fold", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("raw", LargeBinary),
    Column("ingested_at", String(32)),
    Index("ix_articles_id", "id"),
    Index("ix_articles_page_key", "page_key", "latest"),
    # one latest version per page, whatever writes: the database refuses a second
    Index("ux_articles_latest", "page_key", unique=True, sqlite_where=text("latest"), postgresql_where=text("latest")),
    Index("ix_articles_date", "date"),
    Index("ix_articles_province", "province_fold"),
    Index("ix_articles_province_2025", "province_2025_fold"),
)

mentions = Table(
    "mentions", metadata,
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("type", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("fold", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("ref", Integer),
    Index("ix_mentions_type_fold", "type", "fold"),
)

article_events = Table(
    "article_events", metadata,
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("kind", Text, nullable=False),
    Column("kind_fold", Text, nullable=False),
    Column("name", Text),
    Column("date", String(10)),
    Index("ix_article_events_kind", "kind_fold"),
)

# --- what linking found (replaced whole by each run) ---

meta = Table(
    "meta", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text),
)

people = Table(
    "people", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_fold", Text, nullable=False),
    Column("provinces", Text),  # JSON list
    Column("data", Text, nullable=False),  # the PersonEntity as JSON
    Index("ix_people_name_fold", "name_fold"),
)

person_positions = Table(
    "person_positions", metadata,
    Column("person_id", String(200), ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("position", Text, nullable=False),
    Column("position_full", Text),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("former", Boolean, nullable=False, default=False),
    Column("articles", Text),  # JSON list of article ids
)

documents = Table(
    "documents", metadata,
    Column("id", String(200), primary_key=True),
    Column("key", Text, nullable=False),  # the canonical key, parts joined by `|`
    Column("kind", Text, nullable=False),
    Column("kind_fold", Text, nullable=False),
    Column("number", String(40)),
    Column("code", String(40)),
    Column("code_fold", String(40)),
    Column("label", Text),  # `Kết luận số 57-KL/TW` as shown
    Column("label_fold", Text),
    Column("date", String(10)),
    Column("data", Text, nullable=False),
    Index("ix_documents_number", "number"),
)

events = Table(
    "events", metadata,
    Column("id", String(200), primary_key=True),
    Column("kind", Text, nullable=False),
    Column("kind_fold", Text, nullable=False),
    Column("name", Text),
    Column("date", String(10)),
    Column("province", Text),
    Column("level", String(20)),
    Column("data", Text, nullable=False),
    Index("ix_events_date", "date"),
)

event_people = Table(
    "event_people", metadata,
    Column("event_id", String(200), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", String(200), primary_key=True),
    Column("role", String(20), primary_key=True),  # chair, speaker, bridge_chair, attendee
    Index("ix_event_people_person", "person_id"),
)

event_documents = Table(
    "event_documents", metadata,
    Column("event_id", String(200), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String(200), primary_key=True),
    Index("ix_event_documents_document", "document_id"),
)

bridge_points = Table(
    "bridge_points", metadata,
    Column("event_id", String(200), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("place", Text, nullable=False),
    Column("province", Text),
    Column("province_2025", Text),
    Column("article_id", String(200)),
    Column("chairs", Text),  # JSON list of person ids
    Column("attendees", Text),
)

event_reports = Table(
    "event_reports", metadata,
    Column("event_id", String(200), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(200), primary_key=True),
    Index("ix_event_reports_article", "article_id"),
)

cascades = Table(
    "cascades", metadata,
    Column("document_id", String(200), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("event_id", String(200), nullable=False),
    Column("date", String(10)),
    Column("data", Text, nullable=False),  # the CascadeRow as JSON
)

duplicates = Table(
    "duplicates", metadata,
    Column("group_id", Integer, primary_key=True, autoincrement=False),
    Column("article_id", String(200), primary_key=True),
    Column("canonical", Boolean, nullable=False, default=False),
    Index("ix_duplicates_article", "article_id"),
)

# mention -> entity: (article, person/document/event index in the record) -> entity id
article_entities = Table(
    "article_entities", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("kind", String(20), primary_key=True),  # person, document, event
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("entity_id", String(200), nullable=False),
    Index("ix_article_entities_entity", "kind", "entity_id"),
)

# --- the crawler's frontier (`hoinghi crawl`): one row a URL, kept so a stopped crawl resumes ---
crawl_frontier = Table(
    "crawl_frontier", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the order URLs were found in
    Column("url", Text, nullable=False),
    Column("host", String(255), nullable=False),
    Column("kind", String(20), nullable=False),  # start (a listing page, a sitemap or a feed), sitemap, page
    Column("state", String(20), nullable=False),  # queued, done, unchanged (304), error, blocked (robots.txt)
    Column("etag", Text),
    Column("last_modified", Text),
    Column("fetched_at", String(40)),  # UTC, ISO 8601
    Column("tries", Integer, nullable=False, default=0),
    Column("error", Text),
    Index("ux_crawl_frontier_url", "url", unique=True),
    Index("ix_crawl_frontier_state", "host", "state"),
)

LINK_TABLES = [article_entities, duplicates, cascades, event_reports, bridge_points, event_documents, event_people,
               events, documents, person_positions, people]


# --- what linking reads: one view per article, and the keys that tie articles together (owned by linking) ---
link_inputs = Table(
    "link_inputs", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("article_pk", Integer, nullable=False),  # the stored version it was read from
    Column("linked", Boolean, nullable=False, default=False),  # its component was linked since
    Column("view", LargeBinary, nullable=False),  # zlib-compressed JSON (`hoinghi.link.inputs.view_dict`)
)
link_keys = Table(
    "link_keys", metadata,
    Column("key", Text, nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("stale", Boolean, nullable=False, default=False),  # a key of a replaced version, until relinked
    Index("ix_link_keys_key", "key"),
    Index("ix_link_keys_article", "article_id"),
)

# --- what the stages of a streamed link hand on to the later ones (`hoinghi.store.link_stages`) ---
# the person a name printed in an article's events resolves to (`PeopleIndex.resolve`), from its name's group
link_names = Table(
    "link_names", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("key", Text, primary_key=True),  # the folded name (`name_key`)
    Column("person_id", String(200), nullable=False),
)
# the group each document (`d:` key) and person (`p:` key) was linked in: what relinking a group replaces
link_groups = Table(
    "link_groups", metadata,
    Column("entity_id", String(200), primary_key=True),
    Column("key", Text, nullable=False),
    Index("ix_link_groups_key", "key"),
)
# a person's roles at an event, in the order its reports name them, from the event's group
link_roles = Table(
    "link_roles", metadata,
    Column("person_id", String(200), primary_key=True),
    Column("event_id", String(200), primary_key=True),
    Column("day", String(40), nullable=False),  # the event's date (`9999` undated): a person's events sort by it
    Column("roles", Text, nullable=False),  # JSON list
    Index("ix_link_roles_event", "event_id"),
)
