"""The store against real databases: every test runs on SQLite and on a PostgreSQL server.

The PostgreSQL server is started once per session from Debian's ``postgresql`` package
(``initdb`` into a temporary folder, ``pg_ctl start`` on a free loopback port, as the
``postgres`` user when the tests run as root); each test gets a database of its own. When
the binaries are missing, the PostgreSQL half skips and says what to install.
"""

from __future__ import annotations

import glob
import json
import os
import random
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import create_engine, func, select, text
from typer.testing import CliRunner

from storyline.clean.prose import clean
from storyline.cli import app
from storyline.cluster.tracker import StoryTracker
from storyline.config import Config
from storyline.digest import build_digest, digest_story
from storyline.errors import UsageError
from storyline.evaluate.ecbplus import load_ecbplus
from storyline.model import Article, Story, Storyline
from storyline.store import Store, database_url, writer
from storyline.store import read as store_read
from storyline.store.digests import digest_from_dict
from storyline.store.schema import (
    articles,
    digests,
    metadata,
    sentences,
    storylines,
)

runner = CliRunner()
PG_MISSING = (
    "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb): "
    "apt-get install postgresql to run the PostgreSQL store tests"
)


# -- databases -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server for this test session; yields the URL of its test database."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip(PG_MISSING)
    bin_dir = Path(found[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    root.chmod(0o755)
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data = root / "data"
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -F"
    subprocess.run([*as_user, bin_dir / "initdb", "-D", data, "-U", "storyline", "--auth=trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"], check=True, capture_output=True)
    subprocess.run([*as_user, bin_dir / "pg_ctl", "-D", data, "-l", root / "server.log", "-w",
                    "-o", options, "start"], check=True, capture_output=True)
    server = f"postgresql+psycopg://storyline@127.0.0.1:{port}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE storyline_test"))
    admin.dispose()
    try:
        yield f"{server}/storyline_test"
    finally:
        subprocess.run([*as_user, bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: an SQLite file path, or the test PostgreSQL database emptied."""
    if request.param == "sqlite":
        return str(tmp_path / "stories.db")
    url = request.getfixturevalue("postgres_server")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url, create=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def story_articles(seed_articles: list[Article], example_articles: list[Article]) -> list[Article]:
    """Two real stories: the five seed articles (Syria talks) and the example (a dam)."""
    return [*seed_articles, *example_articles]


# -- a stand-in tracker whose stories, storylines and merges are scripted -------------------


class ScriptedTracker:
    """A ``StoryTracker`` stand-in: ``PLAN[article id] = (story, storyline, merged)``, or
    ``(story, storyline, merged, taken)`` where ``story`` also takes the stored articles
    ``taken`` from the stories they were in (a split)."""

    PLAN: ClassVar[dict[str, tuple[Any, ...]]] = {}

    def __init__(self) -> None:
        self.members: dict[str, list[str]] = {}
        self.lines: dict[str, str] = {}
        self.days: dict[str, list[str | None]] = {}

    @classmethod
    def from_config(cls, _config: object) -> ScriptedTracker:
        return cls()

    def add(self, article: Article, _row: object = None) -> Any:
        story, line, merged, *taken = self.PLAN[article.id]
        for moved in taken[0] if taken else ():
            self._take(moved, story)
        self.members.setdefault(story, []).append(article.id)
        self.lines[story] = line
        day = article.published.isoformat() if article.published else None
        self.days.setdefault(story, []).append(day)
        for old in merged:
            self.members[story] += self.members.pop(old)
            self.days[story] += self.days.pop(old)
            self.lines.pop(old)
        return type("Assignment", (), {"story": story, "storyline": line, "merged": merged})

    def _take(self, article_id: str, story: str) -> None:
        source = next(s for s, ids in self.members.items() if article_id in ids)
        k = self.members[source].index(article_id)
        self.members.setdefault(story, []).append(self.members[source].pop(k))
        self.days.setdefault(story, []).append(self.days[source].pop(k))

    def stories(self) -> tuple[Story, ...]:
        return tuple(
            Story(s, f"headline of {s}", tuple(ids), self.lines[s], *_span(self.days[s]))
            for s, ids in self.members.items()
        )

    def storylines(self) -> tuple[Storyline, ...]:
        lines = sorted(set(self.lines.values()))
        return tuple(
            Storyline(line, f"thread {line}", tuple(s for s in self.members if self.lines[s] == line))
            for line in lines
        )

    def to_state(self) -> dict[str, Any]:
        return {"members": self.members, "lines": self.lines, "days": self.days}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> ScriptedTracker:
        tracker = cls()
        tracker.members, tracker.lines, tracker.days = state["members"], state["lines"], state["days"]
        return tracker


def _span(days: list[str | None]) -> tuple[date | None, date | None]:
    known = sorted(date.fromisoformat(d) for d in days if d)
    return (known[0], known[-1]) if known else (None, None)


def _article(article_id: str, words: str, day: str, source: str = "", url: str = "") -> Article:
    body = (f"{words.capitalize()} was reported by officials on the day in question. "
            f"Residents described how {words} changed the town. Officials promised answers.")
    return Article(text=f"{words.title()}\n\n{body}", id=article_id, title=words.title(),
                   source=source, url=url, published=date.fromisoformat(day))


def _partition(store: Store) -> dict[str, set[str]]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(articles.c.story_id, articles.c.id)).all()
    groups: dict[str, set[str]] = {}
    for story_id, article_id in rows:
        groups.setdefault(story_id, set()).add(article_id)
    return groups


def _count(store: Store, table: Any) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table))


# -- ingest ---------------------------------------------------------------------------------


def test_store_ingest_keeps_articles_sentences_stories_and_digests(
    store: Store, story_articles: list[Article]
) -> None:
    report = store.ingest(story_articles)
    assert (report.stored, report.known, report.skipped) == (len(story_articles), 0, ())
    assert store.check() == []
    assert _count(store, sentences) == sum(len(clean(a).sentences) for a in story_articles)
    rows = store.stories()
    assert sum(r.article_count for r in rows) == len(story_articles)
    assert report.digests == len(rows) == _count(store, digests)
    dam = [r for r in rows if "Dam" in r.headline or "dam" in r.headline]
    assert dam and all(r.storyline for r in rows)


def test_store_ingest_twice_stores_nothing_twice(store: Store, story_articles: list[Article]) -> None:
    store.ingest(story_articles)
    before = (_partition(store), _count(store, sentences))
    again = store.ingest(story_articles)
    assert (again.stored, again.known, again.skipped, again.digests) == (0, len(story_articles), (), 0)
    assert (_partition(store), _count(store, sentences)) == before
    assert store.check() == []


@pytest.mark.parametrize("batch_size", [1, 3])
def test_store_ingest_skips_same_url_or_text_under_another_id(store: Store, batch_size: int) -> None:
    """In one batch, or in the batch after the first one's (not written yet when it is read)."""
    ScriptedTracker.PLAN = {"a": ("s1", "l1", ()), "b": ("s1", "l1", ()), "c": ("s1", "l1", ())}
    first = _article("a", "flood waters", "2020-01-01", url="https://example.org/flood")
    same_url = _article("b", "river levels", "2020-01-02", url="https://example.org/flood")
    same_text = Article(text=first.text, id="c", title=first.title)
    report = store.ingest(
        [first, same_url, same_text], tracker_type=ScriptedTracker, batch_size=batch_size
    )
    assert report.stored == 1
    reasons = [(s.path, s.code, s.reason) for s in report.skipped]
    assert reasons == [
        ("b", "already_stored", "same URL as article 'a' in the database; stored once"),
        ("c", "already_stored", "same text as article 'a' in the database; stored once"),
    ]


def test_store_resumed_ingest_equals_one_run(
    db_url: str, tmp_path: Path, story_articles: list[Article]
) -> None:
    with Store(tmp_path / "one-run.db", create=True) as whole:
        whole.ingest(story_articles, batch_size=3)
        expected = _partition(whole)
    with Store(db_url, create=True) as first:
        first.ingest(story_articles[:4], batch_size=3, digests=False)
    with Store(db_url) as resumed:
        report = resumed.ingest(story_articles, batch_size=3)
        assert (report.stored, report.known) == (len(story_articles) - 4, 4)
        assert _partition(resumed) == expected
        assert resumed.check() == []


def test_store_ingest_with_worker_processes_equals_one_process(
    tmp_path: Path, story_articles: list[Article]
) -> None:
    with Store(tmp_path / "one.db", create=True) as one:
        one.ingest(story_articles, batch_size=3)
        expected = (_partition(one), _count(one, sentences), _documents(one))
    with Store(tmp_path / "two.db", create=True) as two:
        report = two.ingest(story_articles, batch_size=3, workers=2)
        assert (report.stored, report.digests) == (len(story_articles), len(expected[2]))
        assert (_partition(two), _count(two, sentences), _documents(two)) == expected
        assert two.check() == []


def _documents(store: Store) -> dict[str, str]:
    """Stored digest JSON by story."""
    with store.engine.connect() as connection:
        return dict(connection.execute(select(digests.c.story_id, digests.c.document)).all())


def test_store_ingest_refuses_no_workers(tmp_path: Path, story_articles: list[Article]) -> None:
    with Store(tmp_path / "none.db", create=True) as store, pytest.raises(UsageError, match="--workers"):
        store.ingest(story_articles, workers=0)


def test_store_error_inside_a_batch_writes_none_of_it(
    db_url: str, tmp_path: Path, story_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "one-run.db", create=True) as whole:
        whole.ingest(story_articles, batch_size=3, digests=False)
        expected = _partition(whole)
    real, calls = writer.index_articles, []

    def failing(connection: Any, rows: Any) -> None:
        calls.append(len(rows))
        if len(calls) == 2:  # the second batch fails after its articles and sentences
            raise RuntimeError("disk full")
        real(connection, rows)

    monkeypatch.setattr(writer, "index_articles", failing)
    with Store(db_url, create=True) as broken:
        with pytest.raises(RuntimeError, match="disk full"):
            broken.ingest(story_articles, batch_size=3)
        assert broken.check() == [] and _count(broken, articles) == 3
    monkeypatch.undo()
    with Store(db_url) as again:
        assert again.ingest(story_articles, batch_size=3).stored == len(story_articles) - 3
        assert _partition(again) == expected and again.check() == []


def test_store_merged_stories_fold_into_one(store: Store) -> None:
    ScriptedTracker.PLAN = {
        "a": ("s-a", "l-a", ()),
        "b": ("s-b", "l-b", ()),
        "c": ("s-a", "l-a", ("s-b",)),
    }
    stream = [_article("a", "dam crack", "2020-01-01"), _article("b", "dam repair", "2020-01-02"),
              _article("c", "dam inquiry", "2020-01-03")]
    store.ingest(stream[:2], tracker_type=ScriptedTracker)
    assert _partition(store) == {"s-a": {"a"}, "s-b": {"b"}}
    store.ingest(stream, tracker_type=ScriptedTracker, batch_size=1)
    assert _partition(store) == {"s-a": {"a", "b", "c"}}
    assert [r.id for r in store.stories()] == ["s-a"]
    assert _count(store, storylines) == 1 and _count(store, digests) == 1
    assert store.check() == []


def test_store_stories_follow_the_tracker_through_splits(db_url: str, shared_data: Path) -> None:
    stream = [item.article for item in load_ecbplus(shared_data / "ecbplus", topics=[2, 5, 7, 8])]
    random.Random(0).shuffle(stream)
    tracker = StoryTracker()
    assert sum(len(tracker.add(article).split) for article in stream) >= 2
    with Store(db_url, create=True) as store:
        store.ingest(stream, batch_size=7, digests=False)
        assert _partition(store) == {s.id: set(s.articles) for s in tracker.stories()}
        assert [s.id for s in store.stories()] and store.check() == []


def test_store_story_merged_away_and_split_off_again_in_one_batch_stays(store: Store) -> None:
    ScriptedTracker.PLAN = {
        "a": ("s-a", "l-a", ()),
        "b": ("s-b", "l-a", ()),
        "c": ("s-a", "l-a", ("s-b",)),
        "d": ("s-b", "l-a", (), ("b",)),
    }
    stream = [_article("a", "dam crack", "2020-01-01"), _article("b", "bridge repair", "2020-01-02"),
              _article("c", "dam inquiry", "2020-01-03"), _article("d", "bridge reopening", "2020-01-04")]
    store.ingest(stream, tracker_type=ScriptedTracker, batch_size=4, digests=False)
    assert _partition(store) == {"s-a": {"a", "c"}, "s-b": {"b", "d"}}
    assert sorted(r.id for r in store.stories()) == ["s-a", "s-b"]
    assert store.check() == []


def test_store_stories_list_newest_activity_first_with_counts(store: Store) -> None:
    ScriptedTracker.PLAN = {
        "old1": ("s-old", "l-1", ()), "old2": ("s-old", "l-1", ()), "new": ("s-new", "l-1", ()),
    }
    stream = [
        _article("old1", "budget vote", "2020-01-01", source="Daily Post"),
        _article("old2", "budget passed", "2020-01-05", source="Evening Star"),
        _article("new", "harbour fire", "2020-03-01", source="Daily Post"),
    ]
    store.ingest(stream, tracker_type=ScriptedTracker)
    rows = store.stories()
    assert [(r.id, r.article_count, r.outlet_count, r.last_seen) for r in rows] == [
        ("s-new", 1, 1, "2020-03-01"),
        ("s-old", 2, 2, "2020-01-05"),
    ]
    # issue 16: the storyline is titled by its central story (the budget, two articles), not
    # by the tracker ("thread l-1") nor by its newest story
    assert {r.storyline_headline for r in rows} == {rows[1].headline}
    assert store.stories(limit=1)[0].id == "s-new"


# -- digests --------------------------------------------------------------------------------


def test_store_digest_rebuilt_only_when_its_articles_change(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ScriptedTracker.PLAN = {"a": ("s", "l", ()), "b": ("s", "l", ())}
    built: list[int] = []

    def counting(kept: Any, options: Config, skipped: Any = ()) -> Any:
        built.append(len(kept))
        return digest_story(kept, options, skipped)

    monkeypatch.setattr(store_read, "digest_story", counting)
    store.ingest([_article("a", "port strike", "2020-05-01")], tracker_type=ScriptedTracker)
    first = store.digest("s").to_dict()
    assert store.digest("s").to_dict() == first and built == [1]
    store.ingest([_article("b", "port strike ends", "2020-05-02")], tracker_type=ScriptedTracker,
                 digests=False)
    assert len(store.digest("s").articles) == 2 and built == [1, 2]
    assert len(store.digest("s").articles) == 2 and built == [1, 2]


def test_store_digest_kept_until_its_story_changed_enough(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = ["port strike", "strike talks", "union vote", "port closed", "ships wait",
             "talks resume", "strike ends", "port reopens", "backlog clears", "ships sail",
             "union deal", "pay rise"]
    stream = [_article(f"a{k}", w, f"2020-05-{k + 1:02d}", source="Daily Post" if k != 9 else "Evening Star")
              for k, w in enumerate(words)]
    ScriptedTracker.PLAN = {a.id: ("s", "l", ()) for a in stream}
    store.ingest(stream[:8], tracker_type=ScriptedTracker)

    def shown() -> tuple[int, int]:
        with store.engine.connect() as connection:
            built, now = store_read.digest_built(connection, "s")
        return built.articles, now

    assert shown() == (8, 8) and len(store.digest("s").articles) == 8
    # one more article of the same outlet: +12%, kept (by ingest, and when shown)
    assert store.ingest(stream[8:9], tracker_type=ScriptedTracker).digests == 0
    assert len(store.digest("s").articles) == 8 and shown() == (8, 9)
    # a new outlet: rebuilt
    assert store.ingest(stream[9:10], tracker_type=ScriptedTracker).digests == 1
    assert shown() == (10, 10)
    # two more (+20%) wait; an hour later any change is rebuilt
    assert store.ingest(stream[10:], tracker_type=ScriptedTracker).digests == 0
    later = (datetime.now(timezone.utc) + timedelta(hours=1, minutes=1)).isoformat()
    monkeypatch.setattr(store_read, "built_now", lambda: later)
    assert len(store.digest("s").articles) == 12 and shown() == (12, 12)


def test_store_digest_json_comes_back_as_the_same_digest(story_articles: list[Article]) -> None:
    digest = build_digest(story_articles[:5], Config())
    document = json.loads(json.dumps(digest.to_dict()))
    back = digest_from_dict(document)
    assert back.to_dict() == digest.to_dict()
    assert back.articles == digest.articles and back.summary == digest.summary
    for name in ("timeline", "entities", "quotes"):
        assert getattr(back, name) == getattr(digest, name)


def test_store_show_unknown_story_is_a_usage_error(store: Store) -> None:
    with pytest.raises(UsageError, match="no story 'missing'"):
        store.digest("missing")


# -- search ---------------------------------------------------------------------------------


def test_store_search_finds_articles_with_their_sentence(
    store: Store, story_articles: list[Article]
) -> None:
    store.ingest(story_articles, digests=False)
    by_id = {a.id: a for a in story_articles}
    hits = store.search("Lavrov Kerry")
    assert hits and all(h.article in by_id for h in hits)
    for hit in hits:
        assert by_id[hit.article].text[hit.start : hit.end] == hit.text
        assert "Lavrov" in hit.text or "Kerry" in hit.text
    assert not {h.article for h in store.search("spillway")} & {a.id for a in story_articles[:5]}
    assert store.search("penguins xylophone") == []


def test_store_search_takes_operators_as_plain_words(store: Store, story_articles: list[Article]) -> None:
    store.ingest(story_articles, digests=False)
    assert store.search('Aleppo" OR (NEAR* -') == store.search("Aleppo near")
    with pytest.raises(UsageError, match="content word"):
        store.search("the and of")


# -- schema and URLs ------------------------------------------------------------------------


def test_store_migrations_build_the_declared_schema(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    def ours(_obj: Any, name: str | None, kind: str, *_: Any) -> bool:
        return not (kind == "table" and (name or "").startswith(("article_fts", "alembic")))

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        assert compare_metadata(context, metadata) == []
        assert context.get_current_revision() == store.version == "0007"


def test_store_reopen_keeps_data_and_version(db_url: str, story_articles: list[Article]) -> None:
    with Store(db_url, create=True) as first:
        first.ingest(story_articles[:2], digests=False)
    with Store(db_url) as again:
        assert again.version == "0007" and _count(again, articles) == 2


def test_store_refuses_a_database_from_a_newer_storyline(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db", create=True) as opened, opened.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(UsageError, match="schema version '9999'"):
        Store(tmp_path / "new.db")


def test_store_unreadable_tracker_state_is_a_usage_error(tmp_path: Path) -> None:
    ScriptedTracker.PLAN = {"a": ("s", "l", ())}
    with Store(tmp_path / "t.db", create=True) as opened:
        opened.ingest([_article("a", "port strike", "2020-05-01")], tracker_type=ScriptedTracker)
        with opened.engine.begin() as connection:
            connection.execute(text("UPDATE tracker SET state = '{\"version\": 99}'"))
        with pytest.raises(UsageError, match="another storyline version"):
            opened.ingest([_article("b", "port strike ends", "2020-05-02")],
                          tracker_type=ScriptedTracker)


def test_store_database_url_reads_paths_and_schemes(tmp_path: Path) -> None:
    assert database_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u@h/n") == "postgresql+psycopg://u@h/n"
    assert database_url(":memory:") == "sqlite://"
    for bad in ("", "mysql://u@h/n"):
        with pytest.raises(UsageError):
            database_url(bad)


def test_store_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db", create=True) as opened, opened.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# -- the commands ---------------------------------------------------------------------------


def test_store_cli_ingest_stories_show_search(db_url: str, seeds_dir: Path) -> None:
    ingest = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db_url])
    assert ingest.exit_code == 0, ingest.stderr
    assert "stored 5 new articles" in ingest.stderr
    listed = json.loads(runner.invoke(app, ["stories", "--db", db_url, "--format", "json"]).stdout)
    assert sum(s["article_count"] for s in listed["stories"]) == 5
    story = listed["stories"][0]["id"]
    shown = runner.invoke(app, ["show", story, "--db", db_url, "--format", "json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["schema"] == "storyline.digest/1"
    text_view = runner.invoke(app, ["stories", "--db", db_url])
    assert story in text_view.stdout and "articles" in text_view.stdout
    shown_text = runner.invoke(app, ["show", story, "--db", db_url])
    assert shown_text.exit_code == 0 and "[1]" in shown_text.stdout
    found = runner.invoke(app, ["search", "Lavrov", "--db", db_url, "--format", "json"])
    assert found.exit_code == 0 and json.loads(found.stdout)["hits"]
    again = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db_url])
    assert again.exit_code == 0 and "stored 0 new articles (5 already stored)" in again.stderr


def test_store_cli_ingest_reports_skipped_inputs(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "copy.txt").write_bytes(next(seeds_dir.glob("000_*.txt")).read_bytes())
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "skipped" in result.stderr and "empty file" in result.stderr
    assert "same text as article '000_" in result.stderr
    assert "2 input(s) skipped" in result.stderr
    bad = runner.invoke(app, ["stories", "--db", "mysql://x@y/z"])
    assert bad.exit_code == 2 and "unsupported database URL" in bad.stderr

