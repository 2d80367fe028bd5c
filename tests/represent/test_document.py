"""The story document and the same-fact layer: one cleaning, one encoding, citations as spans."""

from __future__ import annotations

import pytest

import storyline
from storyline.clean import clean
from storyline.represent.document import build_document


def test_represent_document_keeps_sentence_order_and_one_row_each(seed_articles) -> None:
    doc = build_document(seed_articles)
    assert doc.vectors.shape[0] == len(doc.sentences)
    order = [(doc.articles.index(next(a for a in doc.articles if a.id == s.article)), s.index)
             for s in doc.sentences]
    assert order == sorted(order)
    for s in doc.sentences:
        article = next(a for a in doc.articles if a.id == s.article)
        assert article.text[s.start:s.end] == s.text


def test_represent_document_headline_is_the_digests(example_articles) -> None:
    assert build_document(example_articles).headline == storyline.digest(example_articles).headline != ""


@pytest.mark.parametrize("story", ["seed_articles", "example_articles"])
def test_represent_citation_spans_are_kept_sentences_of_the_cited_article(story, request) -> None:
    articles = request.getfixturevalue(story)
    kept = {a.id: {(s.start, s.end) for s in clean(a).sentences} for a in articles}
    text = {a.id: a.text for a in articles}
    digest = storyline.digest(articles, words=300)
    cited = [*digest.summary, *(s for day in digest.timeline or () for s in day.sentences)]
    assert any(len(s.citations) > 1 for s in cited)
    for sentence in cited:
        assert [span.article for span in sentence.cited] == list(sentence.citations)
        assert (sentence.cited[0].start, sentence.cited[0].end) == (sentence.start, sentence.end)
        own = sentence.cited[0]  # a summary quotation over several kept sentences spans them all (issue 19)
        assert own.start in {a for a, _ in kept[own.article]} and own.end in {b for _, b in kept[own.article]}
        for span in sentence.cited:
            assert span is own or (span.start, span.end) in kept[span.article]
            assert text[span.article][span.start:span.end] == span.text
    as_json = digest.to_dict()["summary"][0]
    assert as_json["cited"][0] == {"article": as_json["article"], "start": as_json["start"],
                                   "end": as_json["end"], "text": as_json["text"]}
