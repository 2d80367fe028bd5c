"""The config saved with a store: digests are rebuilt when an option that changes them, or
the digest code's version, changes - and only then. Every test runs on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_store import db_url, postgres_server  # noqa: F401  (fixtures)
from typer.testing import CliRunner

import storyline.config
from storyline.cli import app
from storyline.config import Config
from storyline.model import Article, Digest
from storyline.store import Store
from storyline.store import read as store_read


def summary_words(digest: Digest) -> int:
    return sum(len(s.text.split()) for s in digest.summary)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ``words`` option of every digest the store builds, in order."""
    built: list[int] = []
    real = store_read.digest_story

    def counting(kept: Any, options: Config, skipped: Any = ()) -> Any:
        built.append(options.words)
        return real(kept, options, skipped)

    monkeypatch.setattr(store_read, "digest_story", counting)
    return built


def test_store_config_is_saved_and_kept_by_later_openings(
    db_url: str, seed_articles: list[Article]  # noqa: F811
) -> None:
    with Store(db_url, config=Config(words=40, dates=3), create=True) as store:
        store.ingest(seed_articles[:2], digests=False)
    with Store(db_url) as reader:
        assert (reader.config.words, reader.config.dates) == (40, 3)
    with Store(db_url, config=Config(words=200), create=True) as again:
        assert again.config.words == 40


def test_store_digest_rebuilt_when_words_change_and_not_otherwise(
    db_url: str, seed_articles: list[Article], builds: list[int]  # noqa: F811
) -> None:
    with Store(db_url, config=Config(words=40), create=True) as store:
        report = store.ingest(seed_articles)
        story = max(store.stories(), key=lambda row: row.article_count).id
        short = store.digest(story)
    stories = report.digests
    assert builds == [40] * stories and summary_words(short) <= 60
    with Store(db_url) as store:
        assert store.refresh() == 0 and store.digest(story) == short
        store.configure(Config(words=40, max_bytes=1_000_000))
        assert store.refresh() == 0 and builds == [40] * stories
        store.configure(Config(words=150))
        long = store.digest(story)
        assert builds[stories:] == [150] and summary_words(long) > summary_words(short)
        assert store.refresh() == stories - 1
    with Store(db_url) as store:
        assert store.config.words == 150
        assert store.digest(story) == long and store.refresh() == 0
        assert builds == [40] * stories + [150] * stories


def test_store_digest_rebuilt_when_the_digest_code_version_changes(
    db_url: str, seed_articles: list[Article], builds: list[int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Store(db_url, create=True) as store:
        stories = store.ingest(seed_articles).digests
        story = store.stories()[0].id
        before = store.digest_version(story)
        monkeypatch.setattr(storyline.config, "DIGEST_VERSION", storyline.config.DIGEST_VERSION + 1)
        assert store.digest_version(story) != before
        assert store.refresh() == stories and len(builds) == 2 * stories
        assert store.refresh() == 0


def test_store_cli_ingest_saves_its_options_at_creation(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "new" / "stories.db"
    result = CliRunner().invoke(app, ["ingest", str(seeds_dir), "--db", str(db),
                                      "--max-bytes", "100000"])
    assert result.exit_code == 0, result.stderr
    with Store(db) as store:
        assert store.config == Config(max_bytes=100_000)
