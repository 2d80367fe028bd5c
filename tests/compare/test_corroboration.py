"""Corroboration needs the same actors and event; conflicts inside one article (issue 18, part 6)."""

from __future__ import annotations

from storyline.compare.comparison import build_comparison
from storyline.compare.corroboration import same_fact
from storyline.model import Article, Comparison
from storyline.represent.document import build_document


def _comparison(articles: list[Article]) -> Comparison:
    return build_comparison(build_document(articles))


def _pairs(comparison: Comparison) -> set[tuple[str, str]]:
    """(lead sentence opening, supporting sentence opening) of every corroborated fact."""
    return {(fact.text[:40], span.text[:40]) for fact in comparison.corroborated for span in fact.support[1:]}


def test_corroborated_seed_facts_share_their_actors_and_event(seed_articles: list[Article]) -> None:
    pairs = _pairs(_comparison(seed_articles))
    texts = " | ".join(f"{a} ~ {b}" for a, b in pairs)
    # a phone call with a warning is not a meeting of the same two ministers
    assert not any("called his Russian counterpart" in a + b and "set to meet" in a + b for a, b in pairs), texts
    # the White House regretting Russia's decision is not Russia regretting America's
    assert not any("White House has said it regrets" in a and "Russia has said" in b for a, b in pairs), texts
    assert not any("White House has said it regrets" in a for a, _ in pairs), texts
    # the same warning told by two outlets still counts
    assert any(a.startswith("The US has warned Russia") and b.startswith("The United States warned Russia")
               for a, b in pairs), texts


def test_a_group_size_given_two_ways_in_one_article_is_a_conflict(seed_articles: list[Article]) -> None:
    conflicts = _comparison(seed_articles).conflicts
    inside = [c for c in conflicts if c.sides[0].article == c.sides[1].article]
    assert [(c.about, sorted(s.value for s in c.sides)) for c in inside] == [("countries", ["20", "23"])]
    assert all("Support Group" in s.text for s in inside[0].sides)


def test_same_fact_needs_a_shared_event_word_beyond_names_titles_and_saying() -> None:
    assert not same_fact("Mayor Ilse Brandt met Governor Tom Okafor in Harlow on Monday.",
                         "Mayor Ilse Brandt called Governor Tom Okafor on Monday, an aide said.")
    assert same_fact("Mayor Ilse Brandt closed the Harlow bridge on Monday.",
                     "The Harlow bridge was closed by Mayor Ilse Brandt, an aide said.")
