"""Cleaning: boilerplate out, offsets exact, prose kept."""

from __future__ import annotations

import pytest

from storyline.clean.prose import clean, paragraph_spans
from storyline.model import Article

BOILERPLATE_LINES = [
    "Share",
    "Tweet | Email",
    "Advertisement",
    "Leave a Reply",
    "Do you like the content of this article?",
    "Related Video:",
    "Show Full Article",
    "Copyright 2025 Daily Ledger. All rights reserved.",
    "By Mara Quill, Staff Reporter",
    "Rescue crews at the quay on Monday | Photo: Ivo Sand / Ledger Pictures",
    "Crowds gather at the gates (Ledger/Ivo Sand)",
    "Reporting by Ivo Sand; Editing by Mara Quill",
]


def _article(text: str, title: str = "Port strike ends after nine days") -> Article:
    return Article(id="a", title=title, text=text)


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_clean_drops_boilerplate_line(line: str) -> None:
    body = "Dock workers returned to the cranes on Tuesday after a nine-day strike."
    result = clean(_article(f"{line}\n\n{body}"))
    assert [s.text for s in result.sentences] == [body]
    assert result.removed[0].start == 0


def test_clean_keeps_prose_that_mentions_boilerplate_words() -> None:
    text = (
        "The union said it would share the offer with members by Friday.\n\n"
        "By Tuesday, the convoy of trucks had left the port.\n\n"
        "Watch lists at the border were updated, officials said."
    )
    assert len(clean(_article(text)).sentences) == 3


def test_clean_drops_title_repeats_and_captions() -> None:
    text = (
        "Port strike ends after nine days\n\n"
        "Port strike ends after nine days\n\n"
        "Dockers vote at the union hall in Brenfield\n\n"
        "Dock workers voted to accept the new contract on Sunday.\n\n"
        "Dock workers voted to accept the new contract on Sunday."
    )
    result = clean(_article(text))
    assert [s.text for s in result.sentences] == ["Dock workers voted to accept the new contract on Sunday."]
    assert [r.reason for r in result.removed] == ["title", "title", "caption or heading", "repeated paragraph"]


def test_clean_offsets_point_into_text_as_read() -> None:
    text = "\ufeffHeadline here\r\n\r\nFirst sentence is here.  Second one follows!\r\n“Quoted,” she said.\r\n"
    result = clean(_article(text, title="Headline here"))
    assert [s.text for s in result.sentences] == [
        "First sentence is here.",
        "Second one follows!",
        "“Quoted,” she said.",
    ]
    for sentence in result.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    assert [s.index for s in result.sentences] == [0, 1, 2]
    assert [s.paragraph for s in result.sentences] == [0, 0, 1]


def test_paragraph_spans_joins_hard_wrapped_lines() -> None:
    wrapped = (
        "The regional water board said on Monday that the reservoir\n"
        "would be kept three metres lower than usual until the end\n"
        "of the summer, while engineers finish the repair of the\n"
        "spillway that cracked during the storm last week.\n"
        "\n"
        "Residents of the east bank were told they could return home\n"
        "from Friday, when the evacuation order is expected to end,\n"
        "according to the county's emergency management office, which\n"
        "runs the shelters at the sports centre and the school.\n"
    )
    spans = paragraph_spans(wrapped)
    assert len(spans) == 2
    assert wrapped[spans[1][0]:spans[1][1]].startswith("Residents")
    assert len(clean(_article(wrapped)).sentences) == 2


def test_clean_seeds_drop_known_boilerplate(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        kept = " ".join(s.text for s in clean(article).sentences)
        for junk in ("Advertisement", "Leave a Reply", "Show Full Article", "Related Video",
                     "All rights reserved", "| Image:", "Krystal Ardrey", "contributed to this report",
                     "Do you like the content"):
            assert junk not in kept, (article.id, junk)
        assert not kept.startswith(article.title)


def test_clean_seeds_every_offset_holds(seed_articles: list[Article]) -> None:
    for article in seed_articles:
        result = clean(article)
        assert result.sentences, article.id
        spans = [(s.start, s.end) for s in result.sentences] + [(r.start, r.end) for r in result.removed]
        for sentence in result.sentences:
            assert article.text[sentence.start:sentence.end] == sentence.text
        spans.sort()
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False)), article.id


def test_clean_an_archive_crawl_notice_leaves_no_prose(shared_data) -> None:
    from storyline.evaluate.multinews import load_multinews

    clusters, _ = load_multinews(shared_data / "multinews" / "validation.csv")
    pages = [a for c in clusters for a in c.articles if "Wayback Machine" in a.text]
    notices = [a for a in pages if a.text.strip().startswith("Starting in 1996, Alexa Internet")]
    assert len(notices) >= 10  # Multi-News scraped the archive's page, not the article
    for article in notices:
        cleaned = clean(article)
        assert cleaned.sentences == () and "archive notice" in {r.reason for r in cleaned.removed}
    story = clean(Article("The Internet Archive said on Monday that its crawl of court websites "
                          "had saved 40,000 filings before they were taken down .", id="a"))
    assert len(story.sentences) == 1  # news about the archive stays news


@pytest.mark.parametrize(("line", "reason"), [
    ("A full transcript is after the jump .", "read-more link"),
    ("Story continues after the jump", "read-more link"),
    ("The skier fell after the jump .", None),
    ("Views expressed in the comments do not represent those of the newspaper .", "comment prompt"),
    ("Critics said the views expressed in the report were wrong .", None),
    ("Please credit all usage of the interview to the Evening Report on Channel 9", "copyright line"),
])
def test_line_reason_blog_and_comment_notices(line: str, reason: str | None) -> None:
    from storyline.text import line_reason

    assert line_reason(line) == reason
