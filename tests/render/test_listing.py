"""Tests for storyline.render.listing: the ``stories`` table as a person scans it."""

from __future__ import annotations

import json

from storyline.model import Article
from storyline.render.listing import SAME_HEADLINE, stories_json, stories_text
from storyline.store import StoryRow


def _rows(articles: list[Article]) -> list[StoryRow]:
    """One stored-story row per example article: its title as the story headline; the first
    two share the first one's storyline (titled by it), the others head their own."""
    first = articles[0].title
    return [
        StoryRow(id=f"story-{n:012x}", headline=a.title, article_count=n + 1, outlet_count=1,
                 first_seen="2025-03-04", last_seen="2025-03-12",
                 storyline="line-000000000000" if n < 2 else f"line-{n:012x}",
                 storyline_headline=first if n < 2 else a.title)
        for n, a in enumerate(articles)
    ]


def test_stories_table_one_line_per_story_headline_cut_with_ellipsis(example_articles: list[Article]) -> None:
    rows = _rows(example_articles)
    lines = stories_text(rows, width=100).splitlines()
    assert len(lines) == 1 + len(rows)
    assert all(len(line) <= 100 for line in lines)
    for row, line in zip(rows, lines[1:], strict=True):
        assert line.startswith(f"{row.id}  ")
        assert f"  {row.article_count}  " in line and "2025-03-12" in line
        shown = line.split("  ")[1].strip()
        assert row.headline.startswith(shown.removesuffix("\u2026"))
        assert shown.endswith("\u2026") == (shown != row.headline)
    assert any(line.count("\u2026") for line in lines)  # the examples' headlines are long


def test_stories_table_storyline_column_never_repeats_the_headline(example_articles: list[Article]) -> None:
    rows = _rows(example_articles)
    lines = stories_text(rows, width=200).splitlines()
    assert lines[1].endswith(f"  {SAME_HEADLINE}")  # the story that titles its storyline
    other = lines[2].split("  ")[-1]  # another story of that storyline: its headline, cut
    assert len(other) > 20 and example_articles[0].title.startswith(other.removesuffix("\u2026"))
    assert all(line.endswith(f"  {SAME_HEADLINE}") for line in lines[3:])
    assert all(line.count(row.headline) == 1 for row, line in zip(rows, lines[1:], strict=True))


def test_stories_json_keeps_both_headlines(example_articles: list[Article]) -> None:
    rows = _rows(example_articles)
    listed = json.loads(stories_json(rows))["stories"]
    assert [(s["headline"], s["storyline_headline"]) for s in listed] == [
        (r.headline, r.storyline_headline) for r in rows]
