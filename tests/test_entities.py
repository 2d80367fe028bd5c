"""Entities: mentions, types, merging across articles, salience, offsets."""

from __future__ import annotations

import pytest

from storyline.entities import entities
from storyline.mentions import build_vocabulary, find_mentions
from storyline.model import Article


def _by_name(found):
    return {e.name: e for e in found}


def test_entities_seeds_merge_variants_once(seed_articles):
    found = entities(seed_articles)
    for surname in ("Kerry", "Lavrov", "Assad", "Kirby"):
        people = [e for e in found if e.type == "PERSON" and surname in e.name]
        assert len(people) == 1, (surname, [e.name for e in people])
    lavrov = next(e for e in found if "Lavrov" in e.name)
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= {lavrov.name, *lavrov.aliases}
    kerry = next(e for e in found if "Kerry" in e.name)
    assert kerry.name == "John Kerry" and "Kerry" in kerry.aliases


def test_entities_seeds_places_and_acronyms(seed_articles):
    found = _by_name(entities(seed_articles))
    assert {"US", "U.S.", "USA", "America"} <= set(found["United States"].aliases)
    assert "Russian Federation" in found["Russia"].aliases
    assert "ISSG" in found["International Syria Support Group"].aliases
    assert found["United States"].type == "GPE"
    assert found["State Department"].type == "ORG"


def test_entities_offsets_point_into_article_text(seed_articles):
    texts = {a.id: a.text for a in seed_articles}
    for entity in entities(seed_articles):
        for m in entity.mentions:
            assert texts[m.article][m.start : m.end] == m.text


def test_entities_salience_ranks_story_protagonists_first(seed_articles):
    found = entities(seed_articles)
    assert found[0].salience == 1.0
    assert all(a.salience >= b.salience for a, b in zip(found, found[1:]))
    top_people = [e.name for e in found if e.type == "PERSON"][:2]
    assert top_people == ["John Kerry", "Sergei Lavrov"]


def test_entities_titles_are_not_part_of_names():
    text = "Secretary of State John Kerry met Foreign Minister Sergei Lavrov. Mr Kerry left."
    spans = [m.text for m in find_mentions(text, 0, len(text), build_vocabulary([text]))]
    assert spans == ["John Kerry", "Sergei Lavrov", "Kerry"]


def test_entities_sentence_starts_are_not_names():
    article = Article(id="a", text="However, talks in Geneva failed. Meanwhile the UN waited.")
    names = {e.name for e in entities([article])}
    assert names == {"Geneva", "UN"}


@pytest.mark.parametrize(
    "text",
    [
        "THE UNITED STATES AND RUSSIA CLASH OVER SYRIA AT THE UN.",
        "“Unbalanced quote. ” \" mixed “ marks",
        "A" * 5000,
        "",
        "- — ' ’ \" “",
    ],
)
def test_entities_odd_input_keeps_spans_inside(text):
    article = Article(id="odd", text=text)
    for entity in entities([article]):
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
