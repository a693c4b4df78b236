"""SQLite search index for large stores: filters as indexed tokens, content read through a view of the latest
articles.

`articles_fts` gets a third column, `tags`, so that `--from/--to`, `--province` and `--kind` narrow the full-text
match inside the index instead of filtering its results afterwards:

- the article's year, month and day: `y2023 m202310 d20231011`;
- its province before and after the 2025 merger: `pyenbai plaocai` (the folded name without spaces or hyphens);
- the kinds of event it reports: `khoithao`;
- and their pairs, for filters used together (two sparse lists intersect slowly in FTS5, one list of the pair
  is read directly): `pyenbaikhoithao`, `pyenbaim202310` (and `y`, `d`), `khoithaom202310` (and `y`, `d`).

The tokens are made by the view `articles_search` (the index's external content: the latest version of each
article), so writing, `rebuild` and `integrity-check` read the same text; `hoinghi.store.search` writes its
queries for them. The index is rebuilt from the view: a few minutes on a store of a million articles.

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


def _compact(column: str) -> str:
    """A folded value as one token: without spaces and hyphens (`ba ria - vung tau` -> `bariavungtau`)."""
    return f"replace(replace({column}, ' ', ''), '-', '')"


_DATE = "a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
_DAY = "a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
VIEW = f"""
CREATE VIEW articles_search(pk, title_fold, body_fold, tags) AS
SELECT a.pk, a.title_fold, a.body_fold, (
    WITH d(v) AS (SELECT 'y' || substr(a.date, 1, 4) WHERE {_DATE}
                  UNION ALL SELECT 'm' || substr(a.date, 1, 4) || substr(a.date, 6, 2) WHERE {_DATE}
                  UNION ALL SELECT 'd' || substr(a.date, 1, 4) || substr(a.date, 6, 2) || substr(a.date, 9, 2)
                            WHERE {_DAY}),
         p(v) AS (SELECT 'p' || {_compact('a.province_fold')} WHERE a.province_fold IS NOT NULL
                  UNION SELECT 'p' || {_compact('a.province_2025_fold')} WHERE a.province_2025_fold IS NOT NULL),
         k(v) AS (SELECT DISTINCT 'k' || {_compact('e.kind_fold')} FROM article_events e WHERE e.article_pk = a.pk)
    SELECT group_concat(v, ' ') FROM (
        SELECT v FROM d UNION ALL SELECT v FROM p UNION ALL SELECT v FROM k
        UNION ALL SELECT p.v || k.v FROM p, k UNION ALL SELECT p.v || d.v FROM p, d
        UNION ALL SELECT k.v || d.v FROM k, d))
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
