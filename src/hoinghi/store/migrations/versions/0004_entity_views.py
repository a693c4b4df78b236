"""The person, document and event views as SQL views, so `datasette hoinghi.db` or any SQL client browses what
`hoinghi person/document/event` show (one row a position, a cascade event, a bridge point):

- `person_view`: each linked person with each position, first and last seen;
- `document_view`: each linked document with each event of its cascade (date, kind, name, province, level);
- `event_view`: each linked event with each bridge point (place, province then and after 2025).

On SQLite, `hoinghi serve` also registers `fold()` (lower case, no diacritics) for queries such as
`SELECT * FROM person_view WHERE fold(name) = 'luong duc hien'`.

Revision ID: 0004
Revises: 0003
Create Date: 2025-01-04
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

VIEWS = {
    "person_view": """
        SELECT p.id AS person_id, p.name, p.provinces, pp.idx AS position_idx, pp.position, pp.position_full,
               pp.first_seen, pp.last_seen, pp.former
        FROM people p LEFT JOIN person_positions pp ON pp.person_id = p.id""",
    "document_view": """
        SELECT d.id AS document_id, d.label, d.kind AS document_kind, d.number, d.code, d.date AS document_date,
               c.idx AS cascade_idx, c.event_id, c.date AS event_date, e.kind AS event_kind, e.name AS event_name,
               e.province AS event_province, e.level AS event_level
        FROM documents d LEFT JOIN cascades c ON c.document_id = d.id LEFT JOIN events e ON e.id = c.event_id""",
    "event_view": """
        SELECT e.id AS event_id, e.kind, e.name, e.date, e.province, e.level, b.idx AS bridge_idx,
               b.place AS bridge_place, b.province AS bridge_province, b.province_2025 AS bridge_province_2025,
               b.article_id AS bridge_article_id
        FROM events e LEFT JOIN bridge_points b ON b.event_id = e.id""",
}


def upgrade() -> None:
    for name, sql in VIEWS.items():
        op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
