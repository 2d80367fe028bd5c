"""The web app in a real browser: Playwright driving Debian's Chromium against uvicorn on loopback.

Screenshots of each page go to ``benchmarks/output/screenshots/`` for review. Skipped when
``/usr/bin/chromium`` (Debian package ``chromium``) or the ``playwright`` package is missing;
``playwright install`` is never needed.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).parents[2] / "benchmarks" / "output" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) "
                "to run the browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
uvicorn = pytest.importorskip("uvicorn")

from storyline.web import create_app  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed_articles: list) -> Iterator[str]:
    """A uvicorn server on 127.0.0.1 serving the seeds, stopped after the module."""
    path = tmp_path_factory.mktemp("browser") / "seeds.db"
    with Store(path, create=True) as store:
        store.ingest(seed_articles)
    port = _free_port()
    config = uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser, server: str) -> Iterator[object]:
    """A fresh page that fails the test if it asks for anything not on the server."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    foreign: list[str] = []
    opened.on("request", lambda request: None if request.url.startswith(server) else foreign.append(request.url))
    yield opened
    context.close()
    assert not foreign, f"requests left the server: {foreign}"


def _shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def test_web_browser_stories_page_lists_the_story(page, server: str) -> None:
    page.goto(server + "/")
    link = page.locator("ol.stories h2 a").first
    assert "Russia" in link.inner_text()
    assert "5 articles, outlet unknown" in page.locator(".story-card .meta").first.inner_text()
    _shot(page, "stories")


def test_web_browser_citation_reveals_its_source_sentence(page, server: str) -> None:
    page.goto(server + "/")
    page.locator("ol.stories h2 a").first.click()
    cite = page.locator(".summary a.cite").first
    popover = page.locator(".summary .pop").first
    assert not popover.is_visible()
    cite.focus()
    assert popover.is_visible()
    source = popover.locator("mark.src").inner_text()
    sentence = page.locator(".summary .sentence").first.inner_text()
    assert source.split() == sentence.split()
    _shot(page, "story", full_page=False)
    _shot(page, "story-full")
    page.keyboard.press("Escape")
    assert not popover.is_visible()
    page.locator(".summary .cite-wrap").nth(1).hover()
    assert page.locator(".summary .pop").nth(1).is_visible()


def test_web_browser_article_page_highlights_the_cited_sentence(page, server: str) -> None:
    page.goto(server + "/")
    page.locator("ol.stories h2 a").first.click()
    sentence = page.locator(".summary .sentence").first.inner_text()
    page.locator(".summary a.cite").first.click()
    page.wait_for_url("**/articles/**#cited")
    target = page.locator("mark#cited")
    assert target.is_visible()
    assert target.inner_text().split() == sentence.split()
    colour = target.evaluate("node => getComputedStyle(node).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("details.removed summary").is_visible()
    assert not page.locator("details.removed li").first.is_visible()
    _shot(page, "article", full_page=False)


def test_web_browser_search_finds_the_story(page, server: str) -> None:
    page.goto(server + "/")
    page.get_by_label("Search articles").fill("Lavrov Aleppo")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    results = page.locator("ol.hits > li")
    assert results.count() >= 1
    assert "Russia" in results.first.locator("a[href^='/stories/']").inner_text()
    _shot(page, "search")


def test_web_browser_story_and_storyline_fit_a_phone(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.goto(server + "/")
    phone.locator("ol.stories h2 a").first.click()
    phone.wait_for_url("**/stories/**")
    assert phone.locator("svg.volume rect.bar").count() >= 1
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the phone"
    _shot(phone, "story-phone", full_page=False)
    phone.locator("a[href^='/storylines/']").first.click()
    phone.wait_for_url("**/storylines/**")  # is_visible does not wait for the page to come
    assert phone.locator("svg.story-axis").is_visible()
    _shot(phone, "storyline-phone")
    context.close()


NARROWEST_NAME_CHARS = 4
"""An outlet name's cell must hold at least this many characters per line (~0.6em each)."""
CONTENT_WIDTH = """n => {
  const style = getComputedStyle(n);
  const width = n.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [width, parseFloat(style.fontSize)];
}"""
"""The width of an element's text box (without padding) and its font size, in CSS px."""


def _outlet_cells_readable(page) -> None:
    """Assert that no outlet-name cell of the comparison table is squeezed to a few letters
    a line (the phone-width bug: "A l d e r n  V al le y" down the page)."""
    cells = page.locator(".coverage tbody th[scope='row']")
    assert cells.count() >= 2
    for k in range(cells.count()):
        width, font = cells.nth(k).evaluate(CONTENT_WIDTH)
        assert width >= NARROWEST_NAME_CHARS * 0.6 * font, (cells.nth(k).inner_text(), width, font)


@pytest.mark.parametrize("width", [390, 1280])
def test_web_browser_html_digest_outlet_table_reads_at_phone_and_desktop_width(
    browser, tmp_path: Path, width: int
) -> None:
    from storyline.cli import app
    from typer.testing import CliRunner

    examples = Path(__file__).parents[2] / "examples"
    target = tmp_path / "digest.html"
    result = CliRunner().invoke(app, ["digest", str(examples), "--format", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    context = browser.new_context(viewport={"width": width, "height": 844}, device_scale_factor=2)
    opened = context.new_page()
    opened.goto(target.as_uri())
    _outlet_cells_readable(opened)
    overflow = opened.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the window"
    opened.locator("section.comparison").scroll_into_view_if_needed()
    _shot(opened, f"digest-html-{width}")
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_web_browser_story_page_outlet_table_reads_at_phone_and_desktop_width(
    browser, server: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844}, device_scale_factor=2)
    opened = context.new_page()
    opened.goto(server + "/")
    opened.locator("ol.stories h2 a").first.click()
    assert opened.locator("section.comparison h2").inner_text() == "How the outlets compare"
    _outlet_cells_readable(opened)
    overflow = opened.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the window"
    _shot(opened, f"story-full-{width}")
    for name, url in (("stories", "/"), ("search", "/search?q=Lavrov+Aleppo"), ("beyond", "/?page=99")):
        opened.goto(server + url)
        assert opened.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1, url
        _shot(opened, f"{name}-{width}")
    context.close()
