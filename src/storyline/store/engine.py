"""Connecting to a storyline database and bringing its schema up to date.

``--db`` takes a plain file path (SQLite) or a SQLAlchemy URL: ``sqlite:///stories.db``,
``postgresql+psycopg://user@host:5432/name`` (``postgresql://`` and ``postgres://`` are
read as psycopg 3 too). SQLite runs in WAL mode with foreign keys on, and every
transaction - schema changes included - is a real ``BEGIN`` ... ``COMMIT``, so a process
killed at any moment leaves the last committed state. The schema is versioned with
Alembic (``storyline/store/migrations``) and upgraded to the newest version on open.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from storyline.errors import UsageError

__all__ = ["DEFAULT_DB", "MIGRATIONS", "create_store_engine", "database_url", "migrate"]

DEFAULT_DB = "storyline.db"
"""The database used when none is given: an SQLite file in the working directory."""

MIGRATIONS = Path(__file__).parent / "migrations"
"""The Alembic script folder (``env.py``, ``versions/``)."""

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
)
"""Run on every new SQLite connection (WAL with NORMAL sync survives a killed process)."""

POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def database_url(db: str | os.PathLike[str]) -> str:
    """The SQLAlchemy URL for ``--db``: a path becomes ``sqlite:///ABSOLUTE_PATH``
    (``:memory:`` an in-memory SQLite database).

    Raises:
        UsageError: ``db`` is empty, or a URL names a database storyline does not support.

    Example:
        >>> database_url("postgres://u@localhost/news")
        'postgresql+psycopg://u@localhost/news'
    """
    text = os.fspath(db).strip()
    if not text:
        raise UsageError("--db must be a file path or a database URL, got an empty string")
    if text == ":memory:":
        return "sqlite://"
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    scheme, rest = text.split("://", 1)
    if scheme in POSTGRES_SCHEMES:
        return f"postgresql+psycopg://{rest}"
    if scheme in ("sqlite", "sqlite+pysqlite"):
        return text
    raise UsageError(
        f"unsupported database URL scheme '{scheme}'; give a file path (SQLite), "
        "sqlite:///PATH or postgresql+psycopg://USER@HOST/NAME"
    )


def create_store_engine(db: str | os.PathLike[str]) -> Engine:
    """An engine for ``db`` (see ``database_url``), with storyline's SQLite settings.

    Raises:
        UsageError: the URL is malformed or unsupported, or its driver is missing.
    """
    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise UsageError(f"--db {db}: {error}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except ImportError:
        raise UsageError(
            "PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'"
        ) from None


def _sqlite_engine(url: Any) -> Engine:
    database = url.database or ""
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Turn off the sqlite3 module's own transaction handling and set the pragmas."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """Start every SQLAlchemy transaction with a real BEGIN (DDL included)."""
    connection.exec_driver_sql("BEGIN")


def migrate(engine: Engine) -> str:
    """Upgrade the database behind ``engine`` to the newest schema version, in one transaction.

    Returns:
        The schema version (Alembic revision) the database is at.

    Raises:
        UsageError: the database cannot be reached, or is at a version this storyline does
            not know (written by a newer storyline).
    """
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    try:
        with engine.begin() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return head
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        raise UsageError(f"cannot open the database: {error.orig}") from None
    except CommandError:
        raise UsageError(
            f"the database is at schema version {current!r}, which this storyline "
            f"does not know (newest: {head}); upgrade storyline"
        ) from None
    return head
