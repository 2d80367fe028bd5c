"""Versioned schema migrations (Alembic), run by ``storyline.store.engine.migrate`` on open.

A new migration: ``alembic -c src/storyline/store/migrations/alembic.ini revision -m "what"``
then write its ``upgrade``/``downgrade`` by hand (both SQLite and PostgreSQL), and update
``storyline.store.schema`` to match (``tests/test_store.py`` checks that they agree).
"""
