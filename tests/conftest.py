"""Shared test fixtures: the reference seeds next to the repository and the example story."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.config import Config
from storyline.ingest import read_inputs
from storyline.model import Article
from loopback import LoopbackSite, start_site  # tests/loopback.py: the live-source test site

ROOT = Path(__file__).parents[1]
SHARED_DATA = (ROOT / "../shared/data").resolve()
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared reference data (``../shared/data``); skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA} (expected ../shared/data)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seeds_dir(shared_data: Path) -> Path:
    """The five seed articles (``../shared/data/seeds``)."""
    return shared_data / "seeds"


@pytest.fixture(scope="session")
def seed_articles(seeds_dir: Path) -> list[Article]:
    """The seed articles as read by ``storyline.ingest`` (nothing may be skipped)."""
    result = read_inputs([seeds_dir], Config())
    assert result.skipped == (), result.skipped
    return list(result.articles)


@pytest.fixture(scope="session")
def example_articles() -> list[Article]:
    """The example story in ``examples/``, read as ``make run`` reads it."""
    result = read_inputs([EXAMPLES], Config())
    assert result.skipped == (), result.skipped
    return list(result.articles)


H1N1_ARTICLES = 60
"""The first articles (publication order) of Timeline17's H1N1_bbc in ``h1n1_db``: two weeks
of swine flu coverage, tracked into a storyline of about ten stories, with quotes."""


@pytest.fixture(scope="session")
def h1n1_db(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store of the first ``H1N1_ARTICLES`` dated H1N1_bbc articles, digests built."""
    from storyline.evaluate.timeline17 import load_topic
    from storyline.store import Store

    found = load_topic(shared_data / "timeline17" / "H1N1_bbc").articles
    chosen = sorted(found, key=lambda a: (a.published, a.path))[:H1N1_ARTICLES]
    path = tmp_path_factory.mktemp("h1n1") / "h1n1.db"
    with Store(path, create=True) as store:
        store.ingest(chosen)
    return str(path)


@pytest.fixture()
def site() -> Iterator[LoopbackSite]:
    """A news site with feeds, pages and bad answers on 127.0.0.1 (``tests/loopback.py``)."""
    with start_site() as running:
        yield running
