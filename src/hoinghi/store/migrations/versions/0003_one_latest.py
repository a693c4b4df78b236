"""One latest version per page, held by the database.

Two ingests running at once could each read the stored versions before the other wrote, and leave a page with two
rows marked `latest` (both version 1): export then wrote more records than pages and search showed the page twice.
Writers now take the store's write lock before they read (`hoinghi.store.core.writing`); this migration repairs a
store written before (the last row written stays latest, versions are numbered again in the order written) and
adds the unique partial index `ux_articles_latest` on `page_key` where `latest`, so that no writer can do it again.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from hoinghi.store.core import repair_latest

    bind = op.get_bind()
    repair_latest(bind, bind.dialect.name)
    op.create_index("ux_articles_latest", "articles", ["page_key"], unique=True,
                    sqlite_where=sa.text("latest"), postgresql_where=sa.text("latest"))


def downgrade() -> None:
    op.drop_index("ux_articles_latest", table_name="articles")
