"""The summarizer: budget, support across outlets, no repeats, citations, order."""

from __future__ import annotations

from datetime import date

from storyline.model import Article
from storyline.represent.document import build_document
from storyline.summary.summarize import summarize
from storyline.text import word_count

SHARED = "Engineers found a crack in the Kessling Dam spillway on Monday and ordered the east bank evacuated."


def _story() -> list[Article]:
    return [
        Article(id="wire", title="Dam crack forces evacuation", published=date(2025, 3, 4), text=(
            f"{SHARED}\n\nAbout 1,800 residents spent the night in shelters at the sports centre.\n\n"
            "The rail line through the valley was suspended until further notice.")),
        Article(id="courier", title="Evacuation after dam crack", published=date(2025, 3, 5), text=(
            "Brenfield woke to sirens and police cars on Tuesday.\n\n"
            f"{SHARED}\n\nThe mayor said the town hall would stay open through the night.")),
        Article(id="herald", title="Dam repairs begin", published=date(2025, 3, 3), text=(
            "Engineers found a crack in the spillway of the Kessling Dam on Monday, and the east bank was "
            "ordered evacuated.\n\nWater is being released from the reservoir to ease the pressure on the wall.")),
    ]


def _summary(articles: list[Article], words: int):
    return summarize(build_document(articles), words)


def test_summarize_stays_within_budget() -> None:
    for words in (12, 25, 40, 200):
        summary = _summary(_story(), words)
        assert sum(word_count(s.text) for s in summary) <= words
    assert len(_summary(_story(), 200)) >= 4


def test_summarize_prefers_fact_reported_by_several_outlets_and_cites_them() -> None:
    first = _summary(_story(), 20)
    assert len(first) == 1
    assert "crack" in first[0].text
    assert set(first[0].citations) == {"wire", "courier", "herald"}
    assert first[0].citations[0] == first[0].article


def test_summarize_never_repeats_a_fact() -> None:
    summary = _summary(_story(), 200)
    crack_sentences = [s for s in summary if "crack" in s.text]
    assert len(crack_sentences) == 1


def test_summarize_cites_only_articles_reporting_the_fact() -> None:
    summary = _summary(_story(), 200)
    rail = next(s for s in summary if "rail line" in s.text)
    assert rail.citations == ("wire",)


def test_summarize_orders_by_earliest_report() -> None:
    summary = _summary(_story(), 200)
    assert "crack" in summary[0].text  # first reported on March 3 by the herald
    for sentence in summary:
        article = next(a for a in _story() if a.id == sentence.article)
        assert article.text[sentence.start:sentence.end] == sentence.text


def test_summarize_empty_when_nothing_fits() -> None:
    assert _summary(_story(), 3) == ()


def test_summarize_digests_stand_alone_on_seeds_examples_and_multinews(
    seed_articles: list[Article], example_articles: list[Article], shared_data
) -> None:
    from storyline.evaluate.multinews import load_multinews
    from storyline.summary.standalone import leaning_sentences

    clusters, _ = load_multinews(shared_data / "multinews" / "validation.csv")
    stories = {"seeds": seed_articles, "examples": example_articles,
               **{f"multinews {k}": list(clusters[k].articles) for k in (3, 9, 176)}}
    for name, articles in stories.items():
        for words in (120, 250):
            texts = [s.text for s in _summary(articles, words)]
            assert texts, name
            assert leaning_sentences(texts) == [], (name, words, texts)


def test_summarize_takes_a_quotation_over_two_sentences_whole(example_articles: list[Article]) -> None:
    summary = _summary(example_articles, 300)
    voss = [s for s in summary if "spillway was inspected" in s.text or "whole history" in s.text]
    assert len(voss) == 1
    sentence = voss[0]
    assert sentence.text.startswith("Asked whether the crack could have been found sooner")
    assert sentence.text.endswith('once the immediate danger has passed."')
    article = next(a for a in example_articles if a.id == sentence.article)
    assert article.text[sentence.start:sentence.end] == sentence.text
    assert sentence.cited[0].start == sentence.start and sentence.cited[0].end == sentence.end
