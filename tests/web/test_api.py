"""The web app through FastAPI's TestClient: JSON API, pages, errors, escaping, headers."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from storyline.store import Store

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

fastapi_testclient = pytest.importorskip("fastapi.testclient")
TestClient = fastapi_testclient.TestClient

from storyline.web import create_app
from storyline.web.api import MAX_BODY_BYTES, MAX_TEXT_CHARS

HOSTILE = {
    "id": "hostile-1",
    "title": 'Breaking "><img src=x onerror=alert(1)> news',
    "source": "<script>alert('outlet')</script>",
    "url": "javascript:alert(document.cookie)",
    "text": (
        "Breaking news\n\n"
        "The council met on Monday and voted <script>alert('x')</script> to close the bridge.\n\n"
        'The mayor said "><img src=x onerror=alert(2)> the bridge would reopen in spring.\n'
    ),
}


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seed_articles: list) -> str:
    """A SQLite database holding the five seed articles, digests built."""
    path = tmp_path_factory.mktemp("web") / "seeds.db"
    with Store(path, create=True) as store:
        store.ingest(seed_articles)
    return str(path)


@pytest.fixture(scope="module")
def client(seeds_db: str):
    with TestClient(create_app(seeds_db)) as test_client:
        yield test_client


@pytest.fixture()
def ingest_client(tmp_path: Path):
    Store(tmp_path / "ingest.db", create=True).close()  # serve never creates a database
    with TestClient(create_app(str(tmp_path / "ingest.db"), allow_ingest=True)) as test_client:
        yield test_client


def _story_id(client) -> str:
    return client.get("/api/stories").json()["stories"][0]["id"]


def test_web_api_stories_lists_the_seed_story(client) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == 1 and body["page"] == 1 and body["has_next"] is False
    story = body["stories"][0]
    assert story["article_count"] == 5 and story["outlet_count"] == 0 and story["unknown_outlet_count"] == 5
    assert "Russia" in story["headline"]


def test_web_api_story_digest_cites_spans_of_its_articles(client) -> None:
    digest = client.get(f"/api/stories/{_story_id(client)}").json()
    assert digest["schema"] == "storyline.digest/1"
    texts = {a["id"]: a["text"] for a in digest["articles"]}
    assert digest["summary"]
    for sentence in digest["summary"]:
        assert texts[sentence["article"]][sentence["start"]:sentence["end"]] == sentence["text"]


def test_web_api_article_gives_kept_sentences_and_removed_boilerplate(client) -> None:
    digest = client.get(f"/api/stories/{_story_id(client)}").json()
    article_id = digest["summary"][0]["article"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["story"] == _story_id(client)
    for sentence in article["sentences"]:
        assert article["text"][sentence["start"]:sentence["end"]] == sentence["text"]
    assert article["removed"], "the seeds carry boilerplate that cleaning removes"


def test_web_api_search_finds_aleppo_in_the_story(client) -> None:
    hits = client.get("/api/search", params={"q": "Aleppo aid"}).json()["hits"]
    assert hits and all(hit["story"] == _story_id(client) for hit in hits)
    assert "Aleppo" in hits[0]["text"] or "Aleppo" in hits[0]["title"]


@pytest.mark.parametrize("url", [
    "/api/stories/no-such-story", "/api/articles/no-such-article", "/api/nothing-here",
])
def test_web_api_unknown_paths_are_404_json(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "detail" in response.json()


@pytest.mark.parametrize("url, status", [
    ("/api/stories?page=0", 422), ("/api/stories?page=abc", 422), ("/api/stories?per_page=1000", 422),
    ("/api/search", 422), ("/api/search?q=", 422), ("/api/search?q=the+and", 400),
    ("/api/search?q=aid&limit=-1", 422), ("/api/search?q=" + "x" * 600, 422),
    ("/api/search?q=aid%22%29%20OR%20*%3A", 200),
])
def test_web_api_bad_parameters_are_4xx_json(client, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")


def test_web_api_post_is_refused_without_allow_ingest(client) -> None:
    response = client.post("/api/articles", json={"text": "The bridge closed on Monday."})
    assert response.status_code == 403
    assert "allow-ingest" in response.json()["detail"]


BAD_BODIES = [
    ("missing text", json.dumps({"title": "No text"}), 422),
    ("empty text", json.dumps({"text": ""}), 422),
    ("text not a string", json.dumps({"text": 42}), 422),
    ("title a list", json.dumps({"text": "Some text.", "title": ["a"]}), 422),
    ("bad date", json.dumps({"text": "Some text.", "published": "last Friday"}), 422),
    ("bad id", json.dumps({"text": "Some text.", "id": "../../etc/passwd"}), 422),
    ("unknown field", json.dumps({"text": "Some text.", "colour": "red"}), 422),
    ("not an object", json.dumps(["text"]), 422),
    ("null body", "null", 422),
    ("broken JSON", '{"text": "unterminated', 400),
    ("not UTF-8", b"\xff\xfe{", 400),
    ("huge text", json.dumps({"text": "word " * (MAX_TEXT_CHARS // 5 + 1)}), 422),
    ("huge body", json.dumps({"text": "x" * (MAX_BODY_BYTES + 10)}), 413),
]


@pytest.mark.parametrize("name, body, status", BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_web_api_post_bad_bodies_are_4xx_json(ingest_client, name: str, body, status: int) -> None:
    response = ingest_client.post("/api/articles", content=body,
                                  headers={"content-type": "application/json"})
    assert response.status_code == status, (name, response.text)
    assert response.headers["content-type"].startswith("application/json")
    assert "detail" in response.json()


def test_web_api_post_adds_an_article_to_a_story(ingest_client) -> None:
    article = {"id": "bridge-1", "title": "Bridge closes", "source": "Daily Bugle",
               "published": "2024-03-04", "url": "https://example.org/bridge",
               "text": "Bridge closes\n\nThe city closed the old bridge on Monday after inspectors found cracks.\n"}
    response = ingest_client.post("/api/articles", json=article)
    assert response.status_code == 201, response.text
    assert response.json()["stored"] == 1 and response.json()["story"]
    again = ingest_client.post("/api/articles", json=article).json()
    assert again["stored"] == 0 and again["known"] == 1
    stored = ingest_client.get("/api/articles/bridge-1").json()
    assert stored["outlet"] == "Daily Bugle" and stored["published"] == "2024-03-04"


def test_web_pages_escape_every_article_field(ingest_client) -> None:
    assert ingest_client.post("/api/articles", json=HOSTILE).status_code == 201
    story = ingest_client.get("/api/articles/hostile-1").json()["story"]
    pages = [f"/stories/{story}", "/articles/hostile-1", "/search?q=bridge+council", "/"]
    for url in pages:
        html = ingest_client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert 'href="javascript:' not in html, url
    article_html = ingest_client.get("/articles/hostile-1").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in article_html


def test_web_story_page_numbers_citations_that_reveal_their_sentence(client) -> None:
    story_id = _story_id(client)
    html = client.get(f"/stories/{story_id}").text
    digest = client.get(f"/api/stories/{story_id}").json()
    first = digest["summary"][0]
    link = f'/articles/{first["article"]}?start={first["start"]}&amp;end={first["end"]}#cited'
    assert link in html
    popovers = re.findall(r'<mark class="src">(.*?)</mark>', html, re.DOTALL)
    assert unescape(popovers[0]) == " ".join(first["text"].split())
    assert '<svg viewBox' in html and 'class="bar o0"' in html and 'class="event"' in html
    assert "Who said what" in html and "Key people" in html


def test_web_story_page_says_when_its_digest_was_built(client) -> None:
    story_id = _story_id(client)
    count = len(client.get(f"/api/stories/{story_id}").json()["articles"])
    html = client.get(f"/stories/{story_id}").text
    note = re.search(r'<span class="built">Digest built (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC '
                     r'from its (\d+) articles?\.</span>', html)
    assert note and int(note.group(2)) == count


def test_web_article_page_highlights_the_cited_sentence(client) -> None:
    digest = client.get(f"/api/stories/{_story_id(client)}").json()
    first = digest["summary"][0]
    html = client.get(f'/articles/{first["article"]}',
                      params={"start": first["start"], "end": first["end"]}).text
    target = re.search(r'<mark class="target" id="cited"[^>]*>(.*?)</mark>', html, re.DOTALL)
    assert target and unescape(target.group(1)) == first["text"]
    assert '<details class="removed">' in html


def test_web_pages_storyline_and_search_render(client) -> None:
    line = client.get("/api/stories").json()["stories"][0]["storyline"]
    assert client.get(f"/storylines/{line}").status_code == 200
    html = client.get("/search", params={"q": "Lavrov"}).text
    assert _story_id(client) in html
    assert client.get("/search", params={"q": "the"}).status_code == 200
    assert client.get("/storylines/nope").status_code == 404


@pytest.mark.parametrize("url", [
    "/static/../pyproject.toml", "/static/%2e%2e/pyproject.toml", "/static/..%2fpyproject.toml",
    "/articles/..%2F..%2Fpyproject.toml", "/stories/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
])
def test_web_paths_do_not_traverse(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "[project]" not in response.text and "root:" not in response.text


def test_web_responses_carry_security_headers(client) -> None:
    for url in ["/", "/api/stories", "/static/style.css", "/api/nope"]:
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_web_openapi_documents_the_api_and_docs_are_local(client) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
            "/api/search", "/api/articles"} <= set(schema["paths"])
    assert "requestBody" in schema["paths"]["/api/articles"]["post"]
    assert client.get("/docs").status_code == 404
    assert "cdn" not in client.get("/stories/" + _story_id(client)).text.lower()


def test_web_api_get_routes_never_500_on_odd_input(client) -> None:
    schema = client.get("/openapi.json").json()
    odd = ["", "0", "-1", "%00", "%ff", "' OR 1=1 --", "a" * 300, "../..", "😀", "1e309"]
    for path, methods in schema["paths"].items():
        if "get" not in methods:
            continue
        for value in odd:
            url = path.replace("{story_id}", value or "x").replace("{article_id}", value or "x")
            for query in ("", f"?q={value}", f"?page={value}&per_page={value}&limit={value}"):
                response = client.get(url + query)
                assert response.status_code < 500, (url + query, response.text)


PAGING_TEXTS = (
    "The city closed the old bridge on Monday after inspectors found cracks in two piers.",
    "Farmers in the valley began the grape harvest early because of the long dry summer.",
    "The national orchestra named a new conductor who will lead its autumn tour abroad.",
    "A ferry company added night crossings to the islands after the tunnel was shut.",
)
PAGING_DAYS = ("2024-03-01", "2024-03-03", "2024-03-03", None)


def _paging_store(path: Path) -> None:
    """Four one-article stories written by the store's writer: two share a last day, one has none."""
    from datetime import date

    from storyline.clean.prose import clean
    from storyline.model import Article, Story, Storyline
    from storyline.store.writer import Batch, write_batch

    batch = Batch()
    for k, (text, day) in enumerate(zip(PAGING_TEXTS, PAGING_DAYS, strict=True)):
        published = date.fromisoformat(day) if day else None
        article = Article(text=text, id=f"p{k}", title=text[:20], source=f"Outlet {k}", published=published)
        batch.cleaned.append(clean(article))
        batch.seqs[article.id], batch.home[article.id] = k + 1, f"s{k}"
        batch.stories.append(Story(f"s{k}", text[:20], (article.id,), f"l{k}", published, published))
        batch.storylines.append(Storyline(f"l{k}", text[:20], (f"s{k}",)))
    with Store(path, create=True) as store, store.engine.begin() as connection:
        write_batch(connection, batch)


def test_web_api_pages_of_stories_agree_with_the_full_list(tmp_path: Path) -> None:
    _paging_store(tmp_path / "paging.db")
    with TestClient(create_app(str(tmp_path / "paging.db"))) as paging:
        recent = {"sort": "recent"}  # newest activity first (the default is top stories)
        full = paging.get("/api/stories", params=recent).json()
        assert full["total"] == 4 and [s["id"] for s in full["stories"]] == ["s2", "s1", "s0", "s3"]
        pages = [paging.get("/api/stories", params={**recent, "page": n, "per_page": 1}).json()
                 for n in (1, 2, 3, 4, 5)]
        assert [p["stories"] for p in pages[:4]] == [[s] for s in full["stories"]]
        assert [p["has_next"] for p in pages] == [True, True, True, False, False] and pages[4]["stories"] == []
        second = paging.get("/api/stories", params={**recent, "page": 2, "per_page": 3}).json()["stories"]
        assert [s["id"] for s in second] == ["s3"]
        html = paging.get("/", params={**recent, "page": 2}).text
        assert "Page 2" in html and "/stories/s1" not in html


def test_web_pages_name_a_story_by_its_digest_headline(client) -> None:
    story_id = _story_id(client)
    headline = client.get(f"/api/stories/{story_id}").json()["headline"]
    shown = unescape(re.search(rf'<a href="/stories/{story_id}">(.*?)</a>', client.get("/").text).group(1))
    assert " ".join(headline.split()) == shown
    story_html = client.get(f"/stories/{story_id}").text
    assert unescape(re.search(r"<h1>(.*?)</h1>", story_html, re.DOTALL).group(1)) == shown


def test_web_story_page_reads_kept_sentences_as_clean_finds_them(seeds_db: str, seed_articles: list) -> None:
    from storyline.clean.prose import clean

    with Store(seeds_db) as store:
        story_id = store.stories()[0].id
        kept = store.sentences(story_id)
    assert kept == {a.id: clean(a).sentences for a in seed_articles}


def test_web_stories_page_past_the_last_is_404_and_links_the_last(tmp_path: Path) -> None:
    _paging_store(tmp_path / "paging.db")
    with TestClient(create_app(str(tmp_path / "paging.db"))) as paging:
        last = paging.get("/", params={"page": 1})
        assert last.status_code == 200 and "Page 1 of 1" in last.text and "No stories here yet" not in last.text
        beyond = paging.get("/", params={"page": 99})
        assert beyond.status_code == 404
        text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", beyond.text)))
        assert "Page 99 of 1: there are no stories this far back. Go to the last page" in text
        assert 'href="/?page=1"' in beyond.text
        assert "No stories here yet" not in text and "/stories/s" not in beyond.text


@pytest.fixture(scope="module")
def examples_client(tmp_path_factory: pytest.TempPathFactory, example_articles: list):
    """The web app over the example story (five outlets, one conflict, shared text)."""
    path = tmp_path_factory.mktemp("web") / "examples.db"
    with Store(path, create=True) as store:
        store.ingest(example_articles)
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


def test_web_story_page_compares_the_outlets_as_the_digest_does(examples_client) -> None:
    from storyline.render import to_html

    story_id = _story_id(examples_client)
    page = examples_client.get(f"/stories/{story_id}").text
    digest_html = to_html(examples_client.app.state.store.digest(story_id))
    section = re.search(r'<section class="comparison".*?</section>', page, re.DOTALL)
    assert section, "the story page has no outlet comparison"
    expected = re.search(r'<section class="comparison".*?</section>', digest_html, re.DOTALL).group(0)
    assert section.group(0) == expected  # the same section as the HTML digest's
    text = unescape(re.sub(r"<[^>]+>", "", section.group(0)))
    assert "How the outlets compare" in text and "Aldern Valley Press" in text
    assert re.search(r"Corroborated \(\d+\)", text) and "Conflicts (1)" in text and "Shared text (2)" in text
    for number in set(re.findall(r'href="#source-(\d+)"', section.group(0))):
        assert f'id="source-{number}"' in page  # every citation lands on a listed source


def test_web_search_marks_the_matched_words_and_escapes_the_rest(client, ingest_client) -> None:
    page = client.get("/search", params={"q": "Lavrov talks"}).text
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", page, re.DOTALL)
    assert quotes
    for quote in quotes:
        marks = re.findall(r"<mark>(.*?)</mark>", quote)
        assert marks and {m.lower() for m in marks} <= {"lavrov", "talks", "talk", "talked", "talking"}
        assert "<" not in re.sub(r"</?mark>", "", quote)  # nothing else is markup
    assert ingest_client.post("/api/articles", json=HOSTILE).status_code == 201
    hostile = ingest_client.get("/search", params={"q": "bridge council"}).text
    quote = re.search(r"<blockquote>(.*?)</blockquote>", hostile, re.DOTALL).group(1)
    assert "<mark>council</mark>" in quote and "<mark>bridge</mark>" in quote
    assert "<script>" not in hostile and "&lt;script&gt;" in quote


def test_web_story_page_timeline_date_window(client) -> None:
    story_id = _story_id(client)
    days = re.findall(r'<time datetime="([\d-]+)"', client.get(f"/stories/{story_id}").text)
    assert "2016-09-09" in days and any(d >= "2016-09-20" for d in days)
    page = client.get(f"/stories/{story_id}?since=2016-09-20&until=2016-09-30")
    assert page.status_code == 200
    kept = re.findall(r'<time datetime="([\d-]+)"', page.text)
    assert kept == [d for d in days if "2016-09-20" <= d <= "2016-09-30"] and kept
    assert client.get(f"/stories/{story_id}?since=September").status_code == 422
