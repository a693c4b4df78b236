"""What the stages of a streamed link hand on to the later ones: the person each name printed in an article's
events resolves to (`link_names`), the key group each document and person was linked in (`link_groups`) and each
person's roles at each event in the order reported (`link_roles`), so that linking runs one key group at a time in
bounded memory (`hoinghi.store.link_stages`).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_names",
        sa.Column("article_id", sa.String(200), primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("person_id", sa.String(200), nullable=False),
    )
    op.create_table(
        "link_groups",
        sa.Column("entity_id", sa.String(200), primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
    )
    op.create_index("ix_link_groups_key", "link_groups", ["key"])
    op.create_table(
        "link_roles",
        sa.Column("person_id", sa.String(200), primary_key=True),
        sa.Column("event_id", sa.String(200), primary_key=True),
        sa.Column("day", sa.String(40), nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
    )
    op.create_index("ix_link_roles_event", "link_roles", ["event_id"])


def downgrade() -> None:
    op.drop_table("link_roles")
    op.drop_table("link_groups")
    op.drop_table("link_names")
