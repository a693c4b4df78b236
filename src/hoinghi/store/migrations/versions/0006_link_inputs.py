"""What incremental linking reads: one compressed view per stored article (`link_inputs`) and the keys that tie
articles together (`link_keys`: folded names, document keys, event groups, near-duplicate buckets), so that
`hoinghi link` relinks only the articles connected to new ones (`hoinghi.store.links`).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_inputs",
        sa.Column("article_id", sa.String(200), primary_key=True),
        sa.Column("article_pk", sa.Integer, nullable=False),
        sa.Column("linked", sa.Boolean, nullable=False),
        sa.Column("view", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "link_keys",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("stale", sa.Boolean, nullable=False),
    )
    op.create_index("ix_link_keys_key", "link_keys", ["key"])
    op.create_index("ix_link_keys_article", "link_keys", ["article_id"])


def downgrade() -> None:
    op.drop_table("link_keys")
    op.drop_table("link_inputs")
