"""The storyline and entity pages and their API routes, on real coverage (``h1n1_db``)."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import pytest

from storyline.store import Store

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
TestClient = pytest.importorskip("fastapi.testclient").TestClient

from storyline.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(h1n1_db: str):
    with TestClient(create_app(h1n1_db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def longest(h1n1_db: str) -> str:
    with Store(h1n1_db) as store:
        return Counter(row.storyline for row in store.stories()).most_common(1)[0][0]


def test_web_storyline_page_draws_every_story_on_the_time_axis(client, longest: str) -> None:
    line = client.get(f"/api/storylines/{longest}").json()
    html = client.get(f"/storylines/{longest}").text
    assert unescape(re.search(r"<h1>(.*?)</h1>", html).group(1)) == line["headline"]
    axis = re.search(r'<svg[^>]*class="story-axis".*?</svg>', html, re.DOTALL).group(0)
    drawn = re.findall(r'<a href="/stories/([^"]+)" class="axis-story( central)?"', axis)
    assert sorted(i for i, _ in drawn) == sorted(s["id"] for s in line["stories"] if s["first_seen"])
    central = [i for i, flag in drawn if flag]
    assert len(central) == 1
    assert next(s["headline"] for s in line["stories"] if s["id"] == central[0]) == line["headline"]
    assert line["article_count"] == sum(s["article_count"] for s in line["stories"])
    assert 'href="/entities/world-health-organization"' in html


def test_web_entity_page_cites_each_quote_by_its_span(client) -> None:
    entity = client.get("/api/entities/jose-angel-cordova").json()
    assert entity["name"] == "Jose Angel Cordova" and entity["quotes"]
    html = client.get("/entities/jose-angel-cordova").text
    for quote in entity["quotes"]:
        link = f'/articles/{quote["article"]}?start={quote["start"]}&amp;end={quote["end"]}#cited'
        assert link in html
        article = client.get(f"/api/articles/{quote['article']}").json()
        assert article["text"][quote["start"]:quote["end"]] == quote["text"]
    assert 'class="story-axis"' in html
    assert {s["id"] for s in entity["storylines"]} == {s["storyline"] for s in entity["stories"]}
    assert client.get("/api/entities/Jose Angel Cordova").json()["id"] == "jose-angel-cordova"


def test_web_follow_routes_answer_404_and_422_as_declared(client) -> None:
    assert client.get("/storylines/nope").status_code == 404
    assert client.get("/entities/nobody-at-all").status_code == 404
    assert client.get("/api/storylines/nope").json() == {"detail": "no storyline 'nope'"}
    assert client.get("/api/entities/nobody-at-all").status_code == 404
    assert client.get("/api/entities").status_code == 422
    found = client.get("/api/entities", params={"q": "world health"}).json()["entities"]
    assert found[0]["id"] == "world-health-organization"


def test_web_story_page_links_each_entity_to_its_page(client) -> None:
    story = client.get("/api/entities/jose-angel-cordova").json()["stories"][0]["id"]
    html = client.get(f"/stories/{story}").text
    linked = re.findall(r'<a href="/entities/([^"]+)">(.*?)</a>', html)
    assert len(linked) >= 5
    for entity_id, name in linked[:6]:
        entity = client.get(f"/api/entities/{entity_id}").json()
        assert story in {s["id"] for s in entity["stories"]}
        assert unescape(name) in {entity["name"], *entity["aliases"]}
