"""Only ``ingest`` makes a database: the read-only commands (``stories``, ``show``,
``search``, ``serve``) given a missing path or something that is not a storyline database
say so in one line, exit 2 and make nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from test_store import db_url, postgres_server  # noqa: F401  (fixtures)
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import UsageError
from storyline.store import Store

runner = CliRunner()
READ_ONLY = [["stories"], ["show", "some-story"], ["search", "Lavrov"], ["serve"]]


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<dir>"
            for p in sorted(folder.rglob("*"))}


def one_line_error(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_store_open_missing_path_exits_2_and_makes_nothing(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "no" / "such" / "stories.db"
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 2
    line = one_line_error(result.stderr)
    assert str(db) in line and "storyline ingest" in line
    assert files_under(tmp_path) == {}


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_store_open_non_database_file_exits_2_and_is_left_alone(
    tmp_path: Path, seeds_dir: Path, command: list[str]
) -> None:
    db = tmp_path / "stories.db"
    db.write_bytes(next(seeds_dir.glob("000_*.txt")).read_bytes())
    before = files_under(tmp_path)
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 2
    assert f"{db} is not a storyline database" in one_line_error(result.stderr)
    assert files_under(tmp_path) == before


def test_store_open_bare_stories_leaves_no_database_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    result = runner.invoke(app, ["stories"])
    assert result.exit_code == 2
    assert "no storyline database at storyline.db" in one_line_error(result.stderr)
    assert files_under(tmp_path) == {}


def test_store_open_empty_database_is_refused_and_left_empty(db_url: str) -> None:  # noqa: F811
    """An empty PostgreSQL database (or, on SQLite, no file) is not a storyline database."""
    result = runner.invoke(app, ["stories", "--db", db_url])
    assert result.exit_code == 2
    line = one_line_error(result.stderr)
    assert "is not a storyline database" in line or "no storyline database at" in line
    if db_url.startswith("postgresql"):
        engine = create_engine(db_url)
        assert inspect(engine).get_table_names() == []
        engine.dispose()
    else:
        assert not Path(db_url).exists()


def test_store_open_ingest_refuses_a_non_database_file(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("Shopping list: milk, bread, and a new kettle.\n" * 40, encoding="utf-8")
    before = files_under(tmp_path)
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db)])
    assert result.exit_code == 2
    assert f"{db} is not a storyline database" in one_line_error(result.stderr)
    assert files_under(tmp_path) == before


def test_store_open_without_create_raises_and_with_create_makes_the_folders(tmp_path: Path) -> None:
    db = tmp_path / "a" / "b.db"
    with pytest.raises(UsageError, match="no storyline database"):
        Store(db)
    assert not (tmp_path / "a").exists()
    with Store(db, create=True) as store:
        assert store.stories() == []
    with Store(db) as store:
        assert store.version == "0007"
