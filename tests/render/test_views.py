"""Tests for storyline.render: the text, JSON, Markdown and HTML views of a digest."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

import storyline
from storyline.errors import UsageError, skip
from storyline.model import Article, Digest, Quote, Skipped, SummarySentence
from storyline.render import (
    FORMATS,
    print_text,
    render,
    to_html,
    to_json,
    to_markdown,
    to_text,
)
from storyline.render.view import (
    SourceEntry,
    build_view,
    meta_line,
    source_order,
    speaker_groups,
)

# A small fictional story told by four outlets.
HARBOUR_TEXT = (
    "Ferry service suspended at Port Ellin\n\n"
    "The Port Ellin ferry will not sail until Thursday, the harbour board said on Monday. "
    "Inspectors found a cracked hinge on the loading ramp during a routine check. "
    "About 1,200 commuters use the crossing each weekday."
)
COURIER_TEXT = (
    "Ramp fault halts island ferry\n\n"
    "Inspectors found a cracked hinge on the loading ramp during a routine check. "
    "Board chair Mira Okafor said repairs would cost roughly 40,000 pounds. "
    "A replacement bus will run every hour from the north pier."
)
FORUM_TEXT = (
    "Commuters angry over ferry closure\n\n"
    "One commuter posted <script>alert(1)</script> and [bold]x[/bold] under the "
    "*stars* banner of the council page. "
    "Campaigners want a second ramp built before winter."
)
GAZETTE_TEXT = (
    "Council to review harbour budget\n\n"
    "The council will review the harbour budget in November."
)

SENTENCE_DAYS = (
    "The Port Ellin ferry will not sail until Thursday, the harbour board said on Monday."
)
SENTENCE_HINGE = "Inspectors found a cracked hinge on the loading ramp during a routine check."
SENTENCE_COST = "Board chair Mira Okafor said repairs would cost roughly 40,000 pounds."
SENTENCE_HOSTILE = (
    "One commuter posted <script>alert(1)</script> and [bold]x[/bold] under the "
    "*stars* banner of the council page."
)


def _articles() -> dict[str, Article]:
    return {
        "harbour": Article(
            HARBOUR_TEXT,
            id="harbour",
            title="Ferry service suspended at Port Ellin",
            source="Harbour Herald",
            url="https://herald.example/ferry-suspended",
            published=date(2023, 3, 6),
            path="news/harbour.txt",
        ),
        "courier": Article(
            COURIER_TEXT,
            id="courier",
            title="Ramp fault halts island ferry",
            source="Island Courier",
            url="javascript:alert(2)",
            published=datetime(2023, 3, 7, 9, 30),
            path="news/courier.html",
        ),
        "forum": Article(
            FORUM_TEXT,
            id="forum",
            title="Commuters angry over ferry closure <b>live</b>",
            source="",
            path="news/forum.txt",
        ),
        "gazette": Article(
            GAZETTE_TEXT,
            id="gazette",
            title="Council to review harbour budget",
            source="Ellin Gazette",
            published=date(2023, 3, 20),
            path="news/gazette.txt",
        ),
    }


def _cite(article: Article, text: str, *others: Article) -> SummarySentence:
    """A summary sentence taken from ``article`` (its real span), also cited to ``others``."""
    start = article.text.index(text)
    ids = (article.id, *(o.id for o in others))
    return SummarySentence(text, article.id, start, start + len(text), ids)


def _digest(skipped: tuple[Skipped, ...] = ()) -> Digest:
    a = _articles()
    summary = (
        _cite(a["courier"], SENTENCE_HINGE, a["harbour"]),
        _cite(a["harbour"], SENTENCE_DAYS),
        _cite(a["courier"], SENTENCE_COST),
        _cite(a["forum"], SENTENCE_HOSTILE),
    )
    articles = (a["harbour"], a["courier"], a["forum"], a["gazette"])
    return Digest("Port Ellin ferry halted by ramp fault", articles, summary, skipped)


SKIPPED = (
    skip("news/empty.txt", "empty"),
    skip("feeds/wire.jsonl", "bad_json", line=7, detail="Expecting value"),
)


class _Tags(HTMLParser):
    """Collects start tags with their attributes and checks that key tags balance."""

    CHECKED = ("html", "head", "body", "main", "section", "ol", "ul", "li", "p", "span", "a", "h1")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag in self.CHECKED:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.CHECKED:
            assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.starts if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], f"unclosed tags: {parser.stack}"
    return parser


# --- shared numbering and meta line ---------------------------------------------------


def test_view_numbers_sources_by_publication_undated_last() -> None:
    # harbour (6 March), courier (7 March), gazette (20 March), forum (undated), in any input order.
    a = _articles()
    for order in (_digest().articles, tuple(reversed(_digest().articles))):
        assert [x.id for x in source_order(order)] == ["harbour", "courier", "gazette", "forum"]
    assert [x.id for x in source_order([replace(a["forum"], id="b"), replace(a["forum"], id="a")])] == ["a", "b"]


def test_view_sentence_numbers_point_at_the_cited_articles() -> None:
    view = build_view(_digest())
    sentences = [s for paragraph in view.paragraphs for s in paragraph]
    assert [s.numbers for s in sentences] == [(1, 2), (1,), (2,), (4,)]
    assert [s.index for s in sentences] == [1, 2, 3, 4]
    assert view.sources[0].title == "Ferry service suspended at Port Ellin"
    assert view.sources[1].title == "Ramp fault halts island ferry"


def test_view_meta_line_counts_outlets_and_date_range() -> None:
    # The forum article has no source nor URL: its outlet is unknown, counted as its own; it has no date.
    expected = "4 articles from 3 outlets and 1 of unknown outlet, 2023-03-06 to 2023-03-20"
    assert meta_line(_digest().articles) == expected


def test_view_meta_line_without_dates_and_with_shared_outlet() -> None:
    articles = (Article("One.", source="Wire"), Article("Two.", source="Wire"))
    assert meta_line(articles) == "2 articles from 1 outlet"


def test_view_only_web_urls_become_links() -> None:
    sources = {s.article_id: s for s in build_view(_digest()).sources}
    assert sources["harbour"].link == "https://herald.example/ferry-suspended"
    assert sources["courier"].link == ""
    assert sources["courier"].location == "javascript:alert(2)"
    assert sources["forum"].location == "news/forum.txt"


def test_view_ignores_citation_of_unknown_article() -> None:
    a = _articles()
    sentence = SummarySentence(SENTENCE_HINGE, "courier", 0, 1, ("courier", "missing"))
    view = build_view(Digest("h", (a["courier"],), (sentence,)))
    assert view.paragraphs[0][0].numbers == (1,)
    assert len(view.sources) == 1


# --- dispatch and JSON ----------------------------------------------------------------


def test_render_dispatches_every_format() -> None:
    digest = _digest()
    assert FORMATS == ("text", "json", "markdown", "html")
    assert render(digest, "text") == to_text(digest)
    assert render(digest, "json") == to_json(digest)
    assert render(digest, "markdown") == to_markdown(digest)
    assert render(digest, "html") == to_html(digest)


def test_render_unknown_format_raises_usage_error_naming_formats() -> None:
    with pytest.raises(UsageError, match="text, json, markdown, html") as caught:
        render(_digest(), "pdf")
    assert "'pdf'" in str(caught.value)


def test_json_round_trips_to_digest_dict() -> None:
    digest = _digest(SKIPPED)
    out = to_json(digest)
    assert out.endswith("}\n")
    assert json.loads(out) == digest.to_dict()
    assert "<script>alert(1)</script>" in out  # JSON keeps the text as read


def test_json_keeps_non_ascii_characters() -> None:
    digest = Digest("Café owner speaks", (Article("Zoë said «no».", id="z"),), ())
    assert "Zoë said «no»." in to_json(digest)


# --- text view -------------------------------------------------------------------------


def test_text_shows_headline_meta_and_every_sentence_with_citations() -> None:
    out = to_text(_digest(), width=400)
    lines = out.splitlines()
    assert lines[0] == "Port Ellin ferry halted by ramp fault"
    assert lines[1] == "4 articles from 3 outlets and 1 of unknown outlet, 2023-03-06 to 2023-03-20"
    assert f"{SENTENCE_HINGE} [1][2]" in out
    assert f"{SENTENCE_DAYS} [1]" in out
    assert f"{SENTENCE_COST} [2]" in out
    assert f"{SENTENCE_HOSTILE} [4]" in out


def test_text_sources_list_maps_numbers_to_articles() -> None:
    lines = to_text(_digest(), width=400).splitlines()
    start = lines.index("Sources")
    assert lines[start + 1 : start + 5] == [
        "[1] Ferry service suspended at Port Ellin - Harbour Herald, 2023-03-06 "
        "(https://herald.example/ferry-suspended)",
        "[2] Ramp fault halts island ferry - Island Courier, 2023-03-07 (javascript:alert(2))",
        "[3] Council to review harbour budget - Ellin Gazette, 2023-03-20 (news/gazette.txt)",
        "[4] Commuters angry over ferry closure <b>live</b> (news/forum.txt)",
    ]


def test_text_prints_markup_in_article_text_literally() -> None:
    out = to_text(_digest(), width=400)
    assert "[bold]x[/bold]" in out
    assert "*stars*" in out
    assert "\x1b[" not in out  # no colour unless asked


def test_text_wraps_to_width() -> None:
    out = to_text(_digest(), width=40)
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "[bold]x[/bold]" in out


def test_text_color_adds_ansi_styles() -> None:
    out = to_text(_digest(), color=True)
    assert "\x1b[1m" in out  # bold headline
    assert "[bold]x[/bold]" in out


def test_text_lists_skipped_inputs() -> None:
    lines = to_text(_digest(SKIPPED), width=400).splitlines()
    start = lines.index("Skipped")
    assert lines[start + 1] == "news/empty.txt: empty file: nothing to read"
    assert lines[start + 2] == "feeds/wire.jsonl:7: not valid JSON (Expecting value)"
    assert "Skipped" not in to_text(_digest(), width=400).splitlines()


def test_print_text_writes_to_the_given_console() -> None:
    console = Console(record=True, width=400, force_terminal=False)
    print_text(_digest(), console)
    assert SENTENCE_HOSTILE in console.export_text()


def test_text_handles_digest_without_articles() -> None:
    out = to_text(Digest("", (), ()))
    assert out.splitlines()[:2] == ["Untitled story", "0 articles from 0 outlets"]


# --- Markdown view ---------------------------------------------------------------------


def test_markdown_structure_and_citation_links() -> None:
    md = to_markdown(_digest())
    assert md.startswith("# Port Ellin ferry halted by ramp fault\n")
    assert "*4 articles from 3 outlets and 1 of unknown outlet, 2023-03-06 to 2023-03-20*" in md
    assert f"{SENTENCE_HINGE} \\[[1](#source-1)\\]\\[[2](#source-2)\\]" in md
    assert f"{SENTENCE_COST} \\[[2](#source-2)\\]" in md
    assert "\n## Sources\n" in md
    assert '1. <a id="source-1"></a>Ferry service suspended at Port Ellin' in md
    assert '2. <a id="source-2"></a>Ramp fault halts island ferry - Island Courier' in md
    assert "(<https://herald.example/ferry-suspended>)" in md


def test_markdown_escapes_article_text() -> None:
    md = to_markdown(_digest())
    assert "\\*stars\\*" in md
    assert "\\<script\\>" in md
    assert "\\[bold\\]x\\[/bold\\]" in md


def test_markdown_renders_article_text_literally() -> None:
    page = MarkdownIt("commonmark").render(to_markdown(_digest(SKIPPED)))
    assert page.count("<em>") == 1  # the meta line only
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold]x[/bold] under the *stars* banner" in page
    assert page.count("<h1>") == 1
    assert '<a href="#source-4">4</a>' in page
    assert 'href="javascript' not in page


def test_markdown_escapes_leading_heading_and_list_markers() -> None:
    a = Article("# 1. Breaking - news", id="a", title="# Breaking", source="- Wire")
    sentence = SummarySentence("1. Breaking - news", "a", 2, 20, ("a",))
    page = MarkdownIt("commonmark").render(to_markdown(Digest("#1 story", (a,), (sentence,))))
    assert page.count("<h1>") == 1 and "<h2>Sources</h2>" in page
    assert "<h1>#1 story</h1>" in page
    assert "<p>1. Breaking - news" in page
    assert "# Breaking - - Wire" in page


def test_markdown_lists_skipped_inputs() -> None:
    md = to_markdown(_digest(SKIPPED))
    assert "\n## Skipped inputs\n" in md
    assert "- news/empty.txt: empty file: nothing to read" in md
    assert "- feeds/wire.jsonl:7: not valid JSON (Expecting value)" in md
    assert "Skipped" not in to_markdown(_digest())


# --- HTML view -------------------------------------------------------------------------


def test_html_is_a_standalone_page() -> None:
    page = to_html(_digest())
    assert page.startswith("<!doctype html>\n")
    assert '<html lang="en">' in page
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport"' in page
    assert "prefers-color-scheme: dark" in page
    assert "max-width: 42rem" in page
    assert not re.search(r"<script|<link|@import|src=", page, re.IGNORECASE)
    assert not re.search(r"https?://(?!herald\.example)", page)  # no CDN, no asset


def test_html_parses_with_one_h1_and_one_source_item_per_article() -> None:
    tags = _parse(to_html(_digest(SKIPPED)))
    assert len(tags.find("h1")) == 1
    items = [a for t, a in tags.starts if t == "li" and (a.get("id") or "").startswith("source-")]
    assert [a["id"] for a in items] == ["source-1", "source-2", "source-3", "source-4"]


def test_html_shows_every_sentence_with_linked_citations() -> None:
    page = to_html(_digest())
    text = " ".join("".join(_parse(page).text).split())
    for sentence in (SENTENCE_HINGE, SENTENCE_DAYS, SENTENCE_COST, SENTENCE_HOSTILE):
        assert sentence in text
    assert f"{SENTENCE_HINGE}[1][2]" in text
    first = re.search(r'<span class="sentence" id="s-1"[^>]*>(.*?)</span>\n', page).group(1)
    assert re.findall(r'href="(#source-\d+)"', first) == ["#source-1", "#source-2"]


def test_html_sentence_title_names_its_source_article() -> None:
    tags = _parse(to_html(_digest()))
    spans = tags.find("span", **{"class": "sentence"})
    assert [s["id"] for s in spans] == ["s-1", "s-2", "s-3", "s-4"]
    assert spans[0]["title"] == "From: Ramp fault halts island ferry - Island Courier, 2023-03-07"
    assert spans[3]["title"] == "From: Commuters angry over ferry closure <b>live</b>"


def test_html_escapes_article_text() -> None:
    page = to_html(_digest())
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>live</b>" not in page
    assert "[bold]x[/bold]" in page


def test_html_links_only_web_urls() -> None:
    tags = _parse(to_html(_digest()))
    hrefs = [a["href"] for a in tags.find("a")]
    assert "https://herald.example/ferry-suspended" in hrefs
    assert not any(h.startswith("javascript") for h in hrefs)
    assert len(tags.find("li", id="source-1")) == 1
    assert "(javascript:alert(2))" in "".join(tags.text)  # shown as text, not a link


def test_html_lists_skipped_inputs() -> None:
    page = to_html(_digest(SKIPPED))
    text = " ".join("".join(_parse(page).text).split())
    assert "Skipped inputs" in text
    assert "news/empty.txt: empty file: nothing to read" in text
    assert "feeds/wire.jsonl:7: not valid JSON (Expecting value)" in text
    assert "Skipped inputs" not in to_html(_digest())


def test_html_escapes_hostile_skipped_path_and_headline() -> None:
    hostile = Skipped(path='<img src=x onerror="alert(3)">.txt', reason="empty", code="empty")
    page = to_html(Digest("<script>alert(4)</script>", (), (), (hostile,)))
    assert "<img" not in page and "<script>" not in page
    assert "&lt;img src=x" in page
    assert len(_parse(page).find("h1")) == 1


def test_render_speaker_groups_show_a_syndicated_quote_once_with_every_source() -> None:
    words = "The ferry will run again on Monday,"
    quotes = [
        Quote("Ana Holm", "Ana Holm", words, "wire", 1, 36, "said", True),
        Quote("Holm", "Ana Holm", "the ferry will run again on Monday", "courier", 5, 40, "said", True),
        Quote("Ana Holm", "Ana Holm", "Tickets are refunded.", "courier", 50, 71, "said", True),
    ]
    by_id = {
        article: SourceEntry(number, article, article, article, "", "", "")
        for number, article in ((1, "courier"), (2, "wire"))
    }
    (group,) = speaker_groups(quotes, by_id)
    assert group.speaker == "Ana Holm"
    assert [(q.text, q.numbers) for q in group.quotes] == [(words, (2, 1)), ("Tickets are refunded.", (1,))]


def test_view_outlet_is_source_then_url_host_never_the_title() -> None:
    with_url = Article("Floods hit the valley.", id="w", title="Floods hit the valley",
                       url="https://www.reuters.com/world/floods")
    bare = Article("Floods hit the valley.", id="b", title="Valley floods", path="news/b.txt")
    view = build_view(Digest(headline="Floods", articles=(with_url, bare), summary=()))
    entries = {e.article_id: e for e in view.sources}
    assert entries["w"].outlet == "reuters.com"
    assert entries["w"].byline == "Floods hit the valley - reuters.com"
    assert entries["b"].outlet == "unknown outlet"
    assert entries["b"].byline == "Valley floods"
    assert meta_line((with_url, bare)).startswith("2 articles from 1 outlet and 1 of unknown outlet")


def test_view_comparison_shows_an_unknown_outlet_as_such_with_its_source_number(seed_articles) -> None:
    result = storyline.compare(seed_articles)
    view = build_view(Digest(result.headline, result.articles, (), sources=result.sources))
    names = [row.name for row in view.comparison.outlets]
    ids = {a.id for a in seed_articles}
    assert len(names) == 5 and not ids & set(names)
    assert sorted(names) == [f"unknown outlet [{n}]" for n in range(1, 6)]
    shown = [o for fact in view.comparison.corroborated for o in fact.outlets]
    assert shown and not ids & set(shown)
