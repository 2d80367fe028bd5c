"""One story, one headline, one numbering: every command and page agrees on the example story."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.web import create_app

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"
SOURCE_LINE = re.compile(r"^\[(\d+)\] (.{1,30})", re.MULTILINE)


def _text(*args: str) -> str:
    result = runner.invoke(app, [*args], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _numbers(text: str) -> dict[int, str]:
    """Source number -> the start of its title, from a text view's Sources list."""
    return {int(n): title for n, title in SOURCE_LINE.findall(text.split("\nSources\n", 1)[1])}


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("one-story") / "stories.db")
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db]).exit_code == 0
    return db


def test_one_story_headline_and_source_numbers_agree_everywhere(example_db: str) -> None:
    digest = _text("digest", str(EXAMPLES))
    headline = digest.splitlines()[0]
    numbers = _numbers(digest)
    assert headline and len(numbers) == 6
    for command in ("timeline", "compare"):
        view = _text(command, str(EXAMPLES))
        assert view.splitlines()[0] == headline, command
        assert _numbers(view) == numbers, command

    listed = json.loads(_text("stories", "--db", example_db, "--format", "json"))
    stories = listed["stories"] if isinstance(listed, dict) else listed
    assert [s["headline"] for s in stories] == [headline]
    story_id = stories[0]["id"]
    shown = _text("show", story_id, "--db", example_db)
    assert shown.splitlines()[0] == headline
    assert _numbers(shown) == numbers

    client = pytest.importorskip("fastapi.testclient").TestClient(create_app(example_db))
    assert [s["headline"] for s in client.get("/api/stories").json()["stories"]] == [headline]
    assert client.get(f"/api/stories/{story_id}").json()["headline"] == headline
    page = client.get(f"/stories/{story_id}").text
    assert unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)).strip() == headline
    listed_sources = re.findall(r'<li id="source-\d+" value="(\d+)"><a href="/articles/[^"]+">(.*?)</a>', page)
    assert {int(n): unescape(t)[:30] for n, t in listed_sources} == numbers


def test_one_story_cluster_heads_each_story_as_its_digest_does(example_articles) -> None:
    by_id = {a.id: a for a in example_articles}
    result = storyline.cluster(example_articles)
    for story in result.stories:
        assert story.headline == storyline.digest([by_id[i] for i in story.articles]).headline
