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

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from storyline.errors import UsageError

__all__ = [
    "DEFAULT_DB", "MIGRATIONS", "create_store_engine", "database_url", "migrate", "missing_database",
    "not_a_database",
]

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


def create_store_engine(db: str | os.PathLike[str], *, create: bool = True) -> Engine:
    """An engine for ``db`` (see ``database_url``), with storyline's SQLite settings.

    With ``create`` an SQLite file and its folders are made when missing; without, a
    missing file is refused before anything is made.

    Raises:
        UsageError: the URL is malformed or unsupported, its driver is missing, or (without
            ``create``) the SQLite file does not exist or is a folder.
    """
    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise UsageError(f"--db {db}: {error}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, db, create)
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except ImportError:
        raise UsageError(
            "PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'"
        ) from None


def missing_database(db: str | os.PathLike[str]) -> UsageError:
    """The error for a ``--db`` where no database is."""
    return UsageError(
        f"no storyline database at {os.fspath(db)}; check --db, or create one there with "
        f"'storyline ingest FILES --db {os.fspath(db)}'"
    )


def not_a_database(db: str | os.PathLike[str]) -> UsageError:
    """The error for a ``--db`` that is something other than a storyline database."""
    return UsageError(
        f"{os.fspath(db)} is not a storyline database; give the --db of one made by "
        "'storyline ingest'"
    )


def _sqlite_engine(url: Any, db: str | os.PathLike[str], create: bool) -> Engine:
    database = url.database or ""
    if database and database != ":memory:":
        path = Path(database)
        if path.is_dir():
            raise not_a_database(db)
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.is_file():
            raise missing_database(db)
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


def migrate(engine: Engine, *, create: bool = True, db: str | os.PathLike[str] = "") -> str:
    """Upgrade the database behind ``engine`` to the newest schema version, in one transaction.

    Args:
        engine: from ``create_store_engine``.
        create: an empty database gets the storyline schema; without, it is refused.
        db: the ``--db`` the errors name (``engine``'s URL when empty).

    Returns:
        The schema version (Alembic revision) the database is at.

    Raises:
        UsageError: the database cannot be reached, is not a storyline database (another
            kind of file, or tables without a storyline schema version; an empty one
            without ``create``), or is at a version this storyline does not know.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    shown = db or engine.url.render_as_string(hide_password=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    current = None
    try:
        with engine.begin() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                return head
            if current is None and (inspect(connection).get_table_names() or not create):
                raise not_a_database(shown)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        reason = " ".join(str(error.orig).split())
        raise UsageError(f"cannot open the database {shown}: {reason}") from None
    except DatabaseError:
        raise not_a_database(shown) from None
    except CommandError:
        raise UsageError(
            f"the database is at schema version {current!r}, which this storyline "
            f"does not know (newest: {head}); upgrade storyline"
        ) from None
    return head
