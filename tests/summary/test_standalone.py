"""The readability check: quotations whole, no pronoun or bare "The <noun>" opening."""

from __future__ import annotations

from pathlib import Path

from storyline.evaluate.multinews import load_multinews
from storyline.model import Article
from storyline.represent.document import build_document
from storyline.summary.standalone import (
    definite_nouns,
    leaning_reason,
    leaning_sentences,
    quote_scan,
)


def _sentence(articles: list[Article], words: str) -> str:
    """The first kept sentence of ``articles`` that holds ``words``, as the summarizer sees it."""
    return next(s.text for s in build_document(articles).sentences if words in s.text)


def test_standalone_flags_the_seeds_testy_exchange(seed_articles: list[Article]) -> None:
    testy = _sentence(seed_articles, "The testy exchange")
    assert leaning_reason(testy, "Kerry called Lavrov on Wednesday.") == (
        "opens with 'The <noun>' not named before")
    assert leaning_reason(testy, "Kerry and Lavrov had a testy phone call.") is None
    assert leaning_sentences(["Kerry called Lavrov on Wednesday.", testy]) == [
        (1, "opens with 'The <noun>' not named before")]


def test_standalone_flags_both_halves_of_the_examples_split_quotation(
    example_articles: list[Article],
) -> None:
    asked = _sentence(example_articles, "Asked whether the crack could have been found sooner")
    after = _sentence(example_articles, "We will look at the whole history")
    assert leaning_reason(asked) == "ends inside a quotation"
    assert leaning_reason(after) == "starts inside a quotation"
    whole = f"{asked} {after}"
    assert quote_scan(whole).spoken and leaning_reason(whole) is None


def test_standalone_flags_a_multinews_closing_fragment(shared_data: Path) -> None:
    clusters, _ = load_multinews(shared_data / "multinews" / "validation.csv")
    fragment = _sentence(list(clusters[9].articles), "If anything, it has become clearer")
    assert quote_scan(fragment).starts_inside
    assert leaning_reason(fragment) == "starts inside a quotation"


def test_standalone_definite_nouns_need_no_antecedent_when_modified() -> None:
    assert definite_nouns("The rail line through the valley was suspended.") is None
    assert definite_nouns("The Lower Aldern Water Authority said on Thursday.") is None
    assert definite_nouns("The latter said nothing.") == frozenset()
    assert leaning_reason("“It is a bandage, not a cure,” she said.") == "opens with a pronoun"
