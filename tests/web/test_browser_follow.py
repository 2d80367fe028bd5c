"""The storyline and entity pages in Debian's Chromium at phone (390 px) and desktop
(1280 px) width, over real coverage (``h1n1_db``). Screenshots go to
``benchmarks/output/screenshots/`` for review. Skipped without ``/usr/bin/chromium`` or
the ``playwright`` package.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).parents[2] / "benchmarks" / "output" / "screenshots"
WIDTHS = {"phone": 390, "desktop": 1280}

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
uvicorn = pytest.importorskip("uvicorn")

from storyline.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def server(h1n1_db: str) -> Iterator[str]:
    """uvicorn on a free loopback port serving ``h1n1_db``."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(create_app(h1n1_db), host="127.0.0.1", port=port, log_level="warning"))
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


@pytest.fixture(scope="module", params=list(WIDTHS))
def page(request: pytest.FixtureRequest, server: str) -> Iterator[object]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
        opened = context.new_page()
        opened.width_name = request.param
        yield opened
        browser.close()


def _fits(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the window"


def test_web_browser_storyline_page_shows_its_stories_in_time(page, server: str, h1n1_db: str) -> None:
    with Store(h1n1_db) as store:
        longest = Counter(row.storyline for row in store.stories()).most_common(1)[0][0]
        stories = store.storyline(longest).stories
    page.goto(f"{server}/storylines/{longest}")
    axis = page.locator("svg.story-axis")
    assert axis.is_visible()
    box = axis.bounding_box()
    assert box["width"] > 0.8 * min(page.viewport_size["width"], 700) and box["height"] > 60
    assert page.locator("svg.story-axis a.axis-story").count() == sum(1 for s in stories if s.first_seen)
    _fits(page)
    page.screenshot(path=str(SHOTS / f"storyline-{page.width_name}.png"), full_page=True)
    page.locator("svg.story-axis a.axis-story.central").click()
    page.wait_for_url("**/stories/**")
    assert page.locator("h1").inner_text().strip()


def test_web_browser_entity_page_shows_quotes_and_links_them(page, server: str) -> None:
    page.goto(f"{server}/entities/jose-angel-cordova")
    assert page.locator("h1").inner_text() == "Jose Angel Cordova"
    quotes = page.locator("ul.said > li")
    assert quotes.count() >= 5 and quotes.first.is_visible()
    _fits(page)
    page.screenshot(path=str(SHOTS / f"entity-{page.width_name}.png"), full_page=True)
    quote = quotes.first.locator("blockquote").inner_text().strip("“”")
    quotes.first.locator("a[href^='/articles/']").first.click()
    page.wait_for_url("**/articles/**#cited")
    assert page.locator("mark#cited").inner_text().split() == quote.split()
