"""``kill -9`` during ``storyline ingest``, for real, then the same command again.

The stream is ECB+ topics 1-3 (about seventy short news articles on six events),
written to a JSONL file in a temporary folder. ``storyline ingest`` runs in a subprocess
and is killed with SIGKILL at several moments: while the schema is being created, after
its first batch, in the middle of the stream, and while digests are being built; each
killed run starts from what the one before it left. After every kill the database must
pass ``Store.check`` (articles, sentences, stories, search index and tracker state
agree); after a final full run it must hold exactly the articles and the stories of one
uninterrupted run, with a fresh digest for every story.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from storyline.config import Config
from storyline.ingest import read_inputs
from storyline.store import Store
from storyline.store.schema import articles

BATCH = "4"
WORKERS = "2"
"""Cleaning runs in worker processes, which must not outlive a killed ingest."""
JITTER_S = 0.03
"""Each kill comes up to this long after its moment, so it can land inside a transaction."""

COMMAND = [sys.executable, "-c", "from storyline.cli import main; main()"]


@pytest.fixture(scope="module")
def stream(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storyline.evaluate.ecbplus import load_ecbplus

    path = tmp_path_factory.mktemp("kill") / "stream.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for gold in load_ecbplus(shared_data / "ecbplus", topics=[1, 2, 3]):
            a = gold.article
            out.write(json.dumps({"id": a.id, "title": a.title, "text": a.text}) + "\n")
    return path


def count_rows(db: Path, table: str) -> int:
    """Rows of ``table`` committed so far (0 while the table does not exist yet)."""
    if not db.exists():
        return -1
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def kill_when(args: list[str], ready: Callable[[], bool], jitter: float) -> int:
    """Start ``storyline ARGS``, SIGKILL it once ``ready()`` holds (plus ``jitter`` seconds).

    Returns:
        The exit status: ``-9`` when it was killed, else the status it finished with.
    """
    process = subprocess.Popen([*COMMAND, *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    while process.poll() is None and not ready():
        time.sleep(0.005)
    time.sleep(jitter)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    return process.wait()


def _processes_using(db: Path, wait_s: float = 10.0) -> list[str]:
    """Process ids whose command line names ``db``, once they had ``wait_s`` to exit."""
    deadline = time.monotonic() + wait_s
    while True:
        found = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if str(db).encode() in cmdline.read_bytes():
                    found.append(cmdline.parent.name)
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _partition(store: Store) -> set[frozenset[str]]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(articles.c.story_id, articles.c.id)).all()
    groups: dict[str, set[str]] = {}
    for story_id, article_id in rows:
        groups.setdefault(story_id, set()).add(article_id)
    return {frozenset(group) for group in groups.values()}


def test_store_kill_9_at_any_moment_loses_and_duplicates_nothing(
    stream: Path, tmp_path: Path
) -> None:
    read = read_inputs([stream], Config())
    with Store(tmp_path / "one-run.db", create=True) as reference:
        one_run = reference.ingest(read.articles, batch_size=int(BATCH), digests=False)
        expected, total = _partition(reference), one_run.stored
    db = tmp_path / "killed.db"
    moments: list[tuple[str, Callable[[], bool]]] = [
        ("while creating the schema", lambda: db.exists()),
        ("after the first batch", lambda: count_rows(db, "articles") >= 1),
        ("in the middle of the stream", lambda: count_rows(db, "articles") >= total // 2),
        ("while building digests", lambda: count_rows(db, "digests") >= 1),
    ]
    rng = random.Random(9)
    killed, before = 0, 0
    for name, ready in moments:
        args = ["ingest", str(stream), "--db", str(db), "--batch-size", BATCH, "--workers", WORKERS]
        status = kill_when(args, ready, rng.uniform(0, JITTER_S))
        stored = count_rows(db, "articles")
        with Store(db, create=True) as store:
            problems = store.check()
        print(f"kill -9 {name}: exit {status}, {stored} of {total} articles stored, "
              f"{count_rows(db, 'digests')} digests, consistent: {not problems}")
        assert problems == [], f"after kill -9 {name}: {problems}"
        assert _processes_using(db) == [], f"worker processes outlived kill -9 {name}"
        assert stored >= before
        before, killed = stored, killed + (status == -signal.SIGKILL)
    assert killed >= 3, "the ingest finished before most kills; use a longer stream"
    final = subprocess.run([*COMMAND, "ingest", str(stream), "--db", str(db),
                            "--batch-size", BATCH], check=False, capture_output=True, text=True)
    summary = [line for line in final.stderr.splitlines() if line.startswith("stored ")]
    print(f"rerun: exit {final.returncode}: {summary}")
    assert summary and "Traceback" not in final.stderr, final.stderr
    assert final.returncode == 1  # ECB+ articles with no prose left are skipped (exit 1)
    with Store(db) as store:
        assert store.check() == []
        assert _partition(store) == expected
        assert sum(row.article_count for row in store.stories()) == total
        assert store.ingest(read.articles).stored == 0
        with store.engine.connect() as connection:
            missing = connection.exec_driver_sql(
                "SELECT count(*) FROM stories LEFT JOIN digests ON digests.story_id = stories.id "
                "WHERE digests.articles_hash IS NULL"
            ).scalar()
        # every story has a digest, and none owes a rebuild (store.digests.owes_rebuild:
        # a digest whose story grew a little since is kept on purpose)
        assert missing == 0 and store.refresh() == 0
