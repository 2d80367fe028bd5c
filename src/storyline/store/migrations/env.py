"""Alembic environment: run the migrations on the connection storyline hands over.

``storyline.store.engine.migrate`` puts an open connection in
``config.attributes["connection"]``; the whole upgrade runs in that connection's
transaction, so a run killed half-way leaves the previous schema version intact. Run by
hand (``alembic -c .../alembic.ini -x db=URL upgrade head``), it connects to ``db``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from storyline.store.engine import create_store_engine
from storyline.store.schema import metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_store_engine(context.get_x_argument(as_dictionary=True)["db"])
    with engine.begin() as connection:
        _run(connection)


if hasattr(context, "config"):  # run by Alembic (not merely imported, e.g. by pytest)
    _main()
