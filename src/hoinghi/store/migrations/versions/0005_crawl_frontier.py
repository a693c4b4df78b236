"""The crawler's frontier: one row a URL `hoinghi crawl` found (its kind, state, validators for conditional GET,
when it was fetched, how many tries, the last error), so that a stopped crawl resumes where it stopped and a new
crawl sends `If-None-Match` / `If-Modified-Since`.

Revision ID: 0005
Revises: 0004
Create Date: 2025-01-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "crawl_frontier",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("fetched_at", sa.String(40)),
        sa.Column("tries", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
    )
    op.create_index("ux_crawl_frontier_url", "crawl_frontier", ["url"], unique=True)
    op.create_index("ix_crawl_frontier_state", "crawl_frontier", ["host", "state"])


def downgrade() -> None:
    op.drop_table("crawl_frontier")
