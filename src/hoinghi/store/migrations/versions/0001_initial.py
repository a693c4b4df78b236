"""The first schema: articles with their mentions and events, the linked entities, full-text search.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(200)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("page_key", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("latest", sa.Boolean, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("date", sa.String(10)),
        sa.Column("province", sa.Text),
        sa.Column("province_2025", sa.Text),
        sa.Column("province_fold", sa.Text),
        sa.Column("province_2025_fold", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title_fold", sa.Text, nullable=False),
        sa.Column("body_fold", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("ingested_at", sa.String(32)),
    )
    op.create_index("ix_articles_id", "articles", ["id"])
    op.create_index("ix_articles_page_key", "articles", ["page_key", "latest"])
    op.create_index("ix_articles_date", "articles", ["date"])
    op.create_index("ix_articles_province", "articles", ["province_fold"])
    op.create_index("ix_articles_province_2025", "articles", ["province_2025_fold"])

    op.create_table(
        "mentions",
        sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("fold", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("ref", sa.Integer),
    )
    op.create_index("ix_mentions_type_fold", "mentions", ["type", "fold"])

    op.create_table(
        "article_events",
        sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("kind_fold", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("date", sa.String(10)),
    )
    op.create_index("ix_article_events_kind", "article_events", ["kind_fold"])

    op.create_table("meta", sa.Column("key", sa.String(100), primary_key=True), sa.Column("value", sa.Text))

    op.create_table(
        "people",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_fold", sa.Text, nullable=False),
        sa.Column("provinces", sa.Text),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_people_name_fold", "people", ["name_fold"])
    op.create_table(
        "person_positions",
        sa.Column("person_id", ID, sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("position", sa.Text, nullable=False),
        sa.Column("position_full", sa.Text),
        sa.Column("first_seen", sa.String(10)),
        sa.Column("last_seen", sa.String(10)),
        sa.Column("former", sa.Boolean, nullable=False),
        sa.Column("articles", sa.Text),
    )
    op.create_table(
        "documents",
        sa.Column("id", ID, primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("kind_fold", sa.Text, nullable=False),
        sa.Column("number", sa.String(40)),
        sa.Column("code", sa.String(40)),
        sa.Column("code_fold", sa.String(40)),
        sa.Column("label", sa.Text),
        sa.Column("label_fold", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_documents_number", "documents", ["number"])
    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("kind_fold", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("province", sa.Text),
        sa.Column("level", sa.String(20)),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_table(
        "event_people",
        sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("person_id", ID, primary_key=True),
        sa.Column("role", sa.String(20), primary_key=True),
    )
    op.create_index("ix_event_people_person", "event_people", ["person_id"])
    op.create_table(
        "event_documents",
        sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("document_id", ID, primary_key=True),
    )
    op.create_index("ix_event_documents_document", "event_documents", ["document_id"])
    op.create_table(
        "bridge_points",
        sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("province", sa.Text),
        sa.Column("province_2025", sa.Text),
        sa.Column("article_id", ID),
        sa.Column("chairs", sa.Text),
        sa.Column("attendees", sa.Text),
    )
    op.create_table(
        "event_reports",
        sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", ID, primary_key=True),
    )
    op.create_index("ix_event_reports_article", "event_reports", ["article_id"])
    op.create_table(
        "cascades",
        sa.Column("document_id", ID, primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("event_id", ID, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "duplicates",
        sa.Column("group_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("article_id", ID, primary_key=True),
        sa.Column("canonical", sa.Boolean, nullable=False),
    )
    op.create_index("ix_duplicates_article", "duplicates", ["article_id"])
    op.create_table(
        "article_entities",
        sa.Column("article_id", ID, primary_key=True),
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("entity_id", ID, nullable=False),
    )
    op.create_index("ix_article_entities_entity", "article_entities", ["kind", "entity_id"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # External content: the index refers to articles(title_fold, body_fold) by rowid = pk; the store keeps it in
        # step in the same transaction as the rows (only the latest version of each page is indexed).
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title_fold, body_fold, content='articles', "
                   "content_rowid='pk', tokenize='unicode61')")
        op.execute("CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row')")
    elif dialect == "postgresql":
        # Every character that is not a letter or digit becomes a space (one for one, so offsets into the folded
        # text hold for ts_headline) and the parser sees plain words, as FTS5's tokenizer does.
        op.execute(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('simple', regexp_replace(title_fold, '[^a-z0-9]', ' ', 'g')), 'A') || "
            "setweight(to_tsvector('simple', regexp_replace(body_fold, '[^a-z0-9]', ' ', 'g')), 'B')) STORED")
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts_vocab")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for name in ["article_entities", "duplicates", "cascades", "event_reports", "bridge_points", "event_documents",
                 "event_people", "events", "documents", "person_positions", "people", "meta", "article_events",
                 "mentions", "articles"]:
        op.drop_table(name)
