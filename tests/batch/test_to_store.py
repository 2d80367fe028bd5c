"""``storyline batch --db``: the batch stories, articles and digests loaded into the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from test_batch import stories_of, timeline_records, write_shards
from typer.testing import CliRunner

from storyline.cli import app
from storyline.config import Config
from storyline.digest import build_digest
from storyline.model import Article, Story, Storyline
from storyline.store import Store
from storyline.store.schema import articles, digests, sentences, stories, storylines

RUN = ["--window-days", "7", "--overlap-days", "2"]


def counts(db: Path) -> dict[str, int]:
    with Store(db) as store, store.engine.connect() as connection:
        return {t.name: connection.scalar(select(func.count()).select_from(t))
                for t in (articles, sentences, stories, storylines, digests)}


def stored_stories(db: Path) -> dict[str, tuple[str, set[str]]]:
    with Store(db) as store, store.engine.connect() as connection:
        lines = dict(connection.execute(select(stories.c.id, stories.c.storyline_id)).all())
        members: dict[str, set[str]] = {}
        for article_id, story_id in connection.execute(select(articles.c.id, articles.c.story_id)):
            members.setdefault(story_id, set()).add(article_id)
    return {story_id: (line, members.get(story_id, set())) for story_id, line in lines.items()}


@pytest.fixture(scope="module")
def loaded(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("store-batch")
    write_shards(folder / "corpus", timeline_records(shared_data))
    output, db = folder / "out", folder / "stories.db"
    result = CliRunner().invoke(app, ["batch", str(folder / "corpus"), "--output", str(output),
                                      *RUN, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return output, db


def test_batch_store_keeps_the_batch_stories(loaded: tuple[Path, Path]) -> None:
    output, db = loaded
    expected = {row["story_id"]: (row["storyline_id"], set(row["article_ids"]))
                for row in stories_of(output)}
    assert len(expected) > 3
    assert stored_stories(db) == expected
    with Store(db) as store, store.engine.connect() as connection:
        assert store.check() == []
        texts = dict(connection.execute(select(articles.c.id, articles.c.text)).all())
    run = json.loads((output / "run.json").read_text())
    assert run["counts"]["db_articles_stored"] == run["counts"]["articles"] == len(texts)
    assert run["counts"]["db_digests_stored"] == len(expected)


def test_batch_store_show_prints_the_batch_digest(loaded: tuple[Path, Path]) -> None:
    output, db = loaded
    first = json.loads((output / "digests.jsonl").read_text().splitlines()[0])
    result = CliRunner().invoke(app, ["show", first["story_id"], "--db", str(db),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["headline"] == first["headline"]
    assert shown["summary"] == first["summary"]
    assert [a["id"] for a in shown["articles"]] == [a["id"] for a in first["articles"]]


def test_batch_store_rerun_stores_nothing_twice(loaded: tuple[Path, Path]) -> None:
    output, db = loaded
    before = counts(db)
    result = CliRunner().invoke(app, ["batch", str(output.parent / "corpus"), "--output",
                                      str(output), *RUN, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert counts(db) == before
    run = json.loads((output / "run.json").read_text())["counts"]
    assert run["db_articles_stored"] == 0 and run["db_digests_stored"] == 0
    assert run["db_articles_known"] == run["articles"]
    with Store(db) as store:
        assert store.check() == []


def test_batch_store_partial_load_is_consistent_and_resumes(tmp_path: Path) -> None:
    texts = {
        "a1": "Dock workers in Rotterdam went on strike on Monday over staffing.",
        "a2": "The Rotterdam dock strike entered its second day as ships waited.",
        "b1": "Heavy rain flooded streets in Dresden and closed two bridges.",
    }
    story_a = Story("story-a", "Rotterdam dock strike", ("a1", "a2"), "line-a")
    story_b = Story("story-b", "Dresden floods", ("b1",), "line-b")
    lines = [Storyline("line-a", "Rotterdam dock strike", ("story-a",)),
             Storyline("line-b", "Dresden floods", ("story-b",))]
    every = [Article(text, id=key, url=f"https://example.org/{key}") for key, text in texts.items()]
    copy = Article(texts["b1"], id="b1-copy")
    document = {"story_id": "story-a", **build_digest(every[:2], Config()).to_dict()}
    with Store(tmp_path / "s.db", create=True) as store:
        first = store.store_batch([story_a, story_b], lines, every[:1], [document], batch_size=1)
        assert (first.stored, first.digests, store.check()) == (1, 0, [])
        again = store.store_batch([story_a, story_b], lines, [*every, every[0]], [document],
                                  batch_size=2)
        assert (again.stored, again.known, again.digests, store.check()) == (2, 2, 1, [])
        assert store.digest("story-a").headline == document["headline"]
        story_c = Story("story-c", "Dresden floods again", ("b1-copy",), "line-b")
        dup = store.store_batch([story_c], lines, [copy], [])
        assert dup.stored == 0 and [s.code for s in dup.skipped] == ["already_stored"]
        assert sorted(r.id for r in store.stories()) == ["story-a", "story-b"]
        assert store.check() == []
        later = Article("A third day of the Rotterdam dock strike left ships waiting.", id="a3")
        assert store.ingest([later], digests=False).stored == 1
        assert stored_stories(tmp_path / "s.db")["story-a"] == ("line-a", {"a1", "a2"})
        assert len(store.stories()) == 3 and store.check() == []
