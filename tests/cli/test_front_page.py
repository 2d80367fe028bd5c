"""The front page on real untitled articles: top stories first, clean headlines, no invented outlets.

A slice of the Timeline17 stream (the last ``SLICE`` haiti_bbc articles, written as JSON
Lines with no title, as archives deliver them) and the seeds (plain ``.txt``, no outlet
line) are ingested with ``storyline ingest``; the CLI list, the API and the front page
are then read as a user would. The whole stream's figures: ``benchmarks/front_page.py``.
"""

from __future__ import annotations

import json
import re
import statistics
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluate.headlines import headline_problems
from storyline.evaluate.streams import timeline17
from storyline.store import Store
from storyline.web import create_app

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

runner = CliRunner()
SLICE = 150
"""Articles of haiti_bbc ingested (the last ones: three weeks of January 2010)."""
TOP = 10
CARD = re.compile(r'<h2><a href="/stories/([^"]+)">(.*?)</a></h2>\s*<p class="meta">([^·<]*)', re.S)


def _stories(db: str, *args: str) -> list[dict]:
    result = runner.invoke(app, ["stories", "--db", db, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["stories"]


@pytest.fixture(scope="module")
def front_db(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("front")
    items, _ = timeline17(shared_data / "timeline17", collections=["haiti_bbc"])
    stream = folder / "haiti.jsonl"
    stream.write_text("".join(json.dumps({
        "id": i.article.id, "text": i.article.text, "source": "bbc",
        "published": i.article.published.isoformat()}) + "\n" for i in items[-SLICE:]), encoding="utf-8")
    db = str(folder / "front.db")
    done = runner.invoke(app, ["ingest", str(stream), str(shared_data / "seeds"), "--db", db, "--workers", "1"])
    assert done.exit_code in (0, 1), done.output  # 1: empty or duplicate files skipped
    return db


@pytest.fixture(scope="module")
def client(front_db: str):
    with TestClient(create_app(front_db)) as test_client:
        yield test_client


def test_front_page_top_stories_are_big_with_clean_short_headlines(front_db: str) -> None:
    top = _stories(front_db, "--limit", str(TOP))
    assert statistics.median(s["article_count"] for s in top) >= 4
    assert {s["headline"]: headline_problems(s["headline"]) for s in top} == {s["headline"]: [] for s in top}
    recent = _stories(front_db, "--sort", "recent", "--limit", str(TOP))
    assert statistics.median(s["article_count"] for s in recent) < 4  # what the old order showed
    everything = _stories(front_db)
    assert min(s["article_count"] for s in everything) == 1  # single-article stories are listed, last
    assert sum(bool(headline_problems(s["headline"])) for s in everything) <= len(everything) // 20


def test_front_page_web_and_api_list_the_cli_order_and_headlines(front_db: str, client) -> None:
    top = _stories(front_db, "--limit", str(TOP))
    cards = CARD.findall(client.get("/").text)[:TOP]
    assert [(i, unescape(h)) for i, h, _ in cards] == [(s["id"], s["headline"]) for s in top]
    api = client.get("/api/stories", params={"per_page": TOP}).json()["stories"]
    assert [(s["id"], s["headline"]) for s in api] == [(s["id"], s["headline"]) for s in top]
    with Store(front_db) as store:  # the one headline: the list's is the digest's, for every story
        assert all(store.digest(row.id).headline == row.headline for row in store.stories())


def test_front_page_seeds_show_no_outlet(front_db: str, client, seeds_dir: Path) -> None:
    seeds = next(s for s in _stories(front_db) if "Kerry" in s["headline"] or "Russia" in s["headline"])
    assert (seeds["article_count"], seeds["outlet_count"], seeds["unknown_outlet_count"]) == (5, 0, 5)
    table = runner.invoke(app, ["stories", "--db", front_db], env={"COLUMNS": "200"}).stdout
    assert re.search(rf"{seeds['id']}\s.*\s5\s+unknown\s", table)
    titles = [p.read_text(encoding="utf-8").strip().splitlines()[0] for p in seeds_dir.glob("*.txt")]
    page = unescape(client.get("/stories/" + seeds["id"]).text)
    assert "5 articles, outlet unknown" in page
    for article in client.get(f"/api/stories/{seeds['id']}").json()["articles"]:
        assert client.get(f"/api/articles/{article['id']}").json()["outlet"] == "unknown outlet"
    listed = unescape(client.get("/", params={"sort": "recent"}).text)
    for title in titles:
        assert f"from {title}" not in listed and f"from {title}" not in page


def test_front_page_filters_by_date_outlet_and_entity(front_db: str, client) -> None:
    dated = _stories(front_db, "--since", "2010-01-25", "--until", "2010-01-27")
    assert dated and all(s["last_seen"] >= "2010-01-25" and s["first_seen"] <= "2010-01-27T99" for s in dated)
    assert {s["article_count"] for s in _stories(front_db, "--outlet", "unknown outlet")} == {5}
    bbc = _stories(front_db, "--outlet", "BBC")
    assert len(bbc) == len(_stories(front_db)) - 1  # all but the seeds' story
    kerry = _stories(front_db, "--entity", "John Kerry")
    assert [s["article_count"] for s in kerry] == [5]
    assert client.get("/api/stories", params={"entity": "John Kerry"}).json()["total"] == 1
    assert client.get("/api/stories", params={"since": "2010-02-01", "until": "2010-01-01"}).status_code == 422
    page = client.get("/", params={"outlet": "bbc", "sort": "recent"}).text
    assert 'href="/?page=2&amp;sort=recent&amp;outlet=bbc"' in page
    assert date.fromisoformat(dated[0]["last_seen"][:10]) >= date(2010, 1, 25)
