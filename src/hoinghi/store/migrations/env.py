"""Alembic environment for the hoinghi store.

hoinghi runs the migrations itself whenever it opens a store (`hoinghi.store.open_store`), passing its connection in
`config.attributes["connection"]`. To run Alembic by hand, point `sqlalchemy.url` at the store:

    alembic -x url=sqlite:///hoinghi.db -c /dev/null upgrade head     # or use hoinghi.store.migrate(url)
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from hoinghi.store.schema import metadata

config = context.config


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=False)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:  # pragma: no cover - by-hand use
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        run(conn)
