"""SQLite search index for large stores: filters as indexed tokens, content read through a view of the latest
articles.

`articles_fts` gets a third column, `tags`: tokens for the article's year, month and day (`y2023 m202310 d20231011`), its
province before and after the 2025 merger (`pyenbai plaocai`) and the kinds of event it reports (`khoithao`), so
that `--from/--to`, `--province` and `--kind` narrow the full-text match inside the index instead of filtering its
results afterwards. The tokens are computed by the view `articles_search` (the index's external content, the
latest version of each article only), so the store, `rebuild` and `integrity-check` read the same text. The
index is rebuilt from the view (on a store of a million articles this takes a few minutes).

PostgreSQL is unchanged (its filters use B-tree indexes next to the GIN index).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _tag(column: str, prefix: str) -> str:
    """A value as one token: `prefix` + the value without spaces and hyphens (`yen bai` -> `pyenbai`)."""
    return f"'{prefix}' || replace(replace({column}, ' ', ''), '-', '')"


VIEW = f"""
CREATE VIEW articles_search(pk, title_fold, body_fold, tags) AS
SELECT a.pk, a.title_fold, a.body_fold,
       CASE WHEN a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'
            THEN 'y' || substr(a.date, 1, 4) || ' m' || substr(a.date, 1, 4) || substr(a.date, 6, 2)
                 || CASE WHEN a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                         THEN ' d' || substr(a.date, 1, 4) || substr(a.date, 6, 2) || substr(a.date, 9, 2) ELSE '' END
            ELSE '' END
       || coalesce(' ' || {_tag('a.province_fold', 'p')}, '')
       || coalesce(' ' || {_tag('a.province_2025_fold', 'p')}, '')
       || coalesce((SELECT ' ' || group_concat({_tag('e.kind_fold', 'k')}, ' ')
                    FROM article_events e WHERE e.article_pk = a.pk), '')
FROM articles a
WHERE a.latest
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS articles_fts_vocab")
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute(VIEW)
    op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title_fold, body_fold, tags, content='articles_search', "
               "content_rowid='pk', tokenize='unicode61')")
    op.execute("CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row')")
    # FTS5's own ranking when it is asked for (`ORDER BY rank`): a title word weighs five body words, tags nothing
    op.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('rank', 'bm25(5.0, 1.0, 0.0)')")
    op.execute("INSERT INTO articles_fts(articles_fts) VALUES('rebuild')")
    op.execute("INSERT INTO articles_fts(articles_fts) VALUES('optimize')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS articles_fts_vocab")
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute("DROP VIEW IF EXISTS articles_search")
    op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title_fold, body_fold, content='articles', "
               "content_rowid='pk', tokenize='unicode61')")
    op.execute("CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row')")
    op.execute("INSERT INTO articles_fts(rowid, title_fold, body_fold) "
               "SELECT pk, title_fold, body_fold FROM articles WHERE latest")
