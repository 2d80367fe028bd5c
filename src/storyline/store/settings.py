"""The ``Config`` a database was created with: one JSON row of the ``config`` table.

Every command that reads or writes the database (``ingest``, ``show``, ``serve``, digest
refreshes) uses this saved config rather than the defaults, so digests built by any of
them agree. A database migrated from before configs were saved has no row and reads as
``Config()``, the options it was built with.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from storyline.config import Config
from storyline.errors import UsageError
from storyline.store.schema import config as config_table
from storyline.store.writer import upsert

__all__ = ["load_config", "save_config"]

CONFIG_ROW = 1


def load_config(connection: Connection) -> Config | None:
    """The saved config (``None`` when none is saved).

    Raises:
        UsageError: the saved config cannot be read.
    """
    document = connection.scalar(select(config_table.c.document).where(config_table.c.id == CONFIG_ROW))
    if document is None:
        return None
    try:
        return Config.from_dict(json.loads(document))
    except (AttributeError, TypeError, ValueError) as error:  # UsageError is a ValueError
        raise UsageError(
            f"cannot read the options saved in this database ({error}); ingest into a new database"
        ) from None


def save_config(connection: Connection, config: Config) -> None:
    """Save ``config`` as the database's config (the caller commits)."""
    document = json.dumps(config.to_dict(), sort_keys=True)
    upsert(connection, config_table, [{"id": CONFIG_ROW, "document": document}])
