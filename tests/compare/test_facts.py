"""Tests of storyline.compare.facts: sentences of different outlets grouped into facts."""

from __future__ import annotations

import numpy as np

from storyline.compare.comparison import compare
from storyline.compare.facts import PairCosines, group_facts, link_articles
from storyline.model import Article

WIRE = Article(id="wire", source="Wire", text=(
    "Mayor Lena Ortiz and union leader Sam Brody reached a deal on Monday that lets buses run on "
    "the night routes again.\n\n"
    "Ortiz said the city expects the union to keep buses running on the night routes through the "
    "winter, a city spokesman said.\n\n"
    "Fares will stay at two dollars until the end of the year."
))
DAILY = Article(id="daily", source="Daily", text=(
    "The deal that Ortiz and Brody reached on Monday also raises drivers' pay by four percent over "
    "two years.\n\n"
    "Ortiz \"said the city expects the union to keep buses running on the night routes through the "
    "winter,\" the spokesman said.\n\n"
    "Lena Ortiz and Sam Brody were seen leaving City Hall together after the talks."
))


def _pairs(pairs: dict[tuple[int, int], float], count: int) -> PairCosines:
    first, second = zip(*pairs, strict=True)
    return PairCosines(np.array(first), np.array(second), np.array(list(pairs.values())), count)


def _support(fact) -> set[tuple[str, str]]:
    return {(s.article, s.text.split()[0]) for s in fact.support}


def test_facts_seeds_corroborate_the_kerry_lavrov_deal_by_000_and_004(seed_articles):
    result = compare(seed_articles).sources
    deal = [f for f in result.corroborated
            if any("reached a deal last week" in s.text for s in f.support)]
    assert deal, [f.text for f in result.corroborated]
    assert {s.article[:3] for s in deal[0].support} >= {"000", "004"}
    assert any("The agreement that Kerry and Lavrov reached" in s.text for s in deal[0].support)
    kirby = [f for f in result.corroborated if any("emphasi" in s.text for s in f.support)]
    assert kirby and all("reached a deal" not in s.text for f in kirby for s in f.support)


def test_facts_a_sentence_joins_the_fact_its_outlet_pair_reports_not_a_closer_quote():
    # The wire's deal sentence shares more words with the daily's quote (folded cosine 0.38)
    # than with the daily's deal sentence (0.33), but the quote is the copy of the wire's own
    # quote, so the deal sentences are linked to each other and form their own fact.
    result = compare([WIRE, DAILY]).sources
    facts = {frozenset(_support(f)) for f in result.corroborated}
    assert frozenset({("wire", "Mayor"), ("daily", "The")}) in facts
    assert frozenset({("wire", "Ortiz"), ("daily", "Ortiz")}) in facts


def test_facts_sentences_sharing_only_names_are_not_one_fact():
    result = compare([WIRE, DAILY]).sources
    # "Lena Ortiz and Sam Brody were seen leaving City Hall" shares both names with the
    # wire's deal sentence (folded cosine 0.26) but not the deal
    supported = {pair for f in result.corroborated for pair in _support(f)}
    assert ("wire", "Mayor") in supported
    assert ("daily", "Lena") not in supported


def test_facts_link_articles_links_each_sentence_once_per_other_article():
    # sentences 0, 1 in article a; 2, 3 in article b
    links = link_articles(["a", "a", "b", "b"], _pairs({(0, 2): 0.8, (1, 2): 0.5, (1, 3): 0.4, (0, 3): 0.3}, 4))
    assert sorted(zip(links.kept.first.tolist(), links.kept.second.tolist(), strict=True)) == [(0, 2), (1, 3)]
    assert links.aligned[0, 1] == 2 and links.aligned[1, 1] == 3 and links.aligned[3, 0] == 1
    # 1 and 2 are each linked to another sentence of the other's article, and so are 0 and 3
    assert sorted(zip(links.elsewhere.first.tolist(), links.elsewhere.second.tolist(), strict=True)) == [(0, 3), (1, 2)]


def _greedy_links(articles: list[str], pairs: PairCosines) -> set[tuple[int, int]]:
    """Competitive linking one pair at a time, as its definition reads."""
    order = sorted(range(len(pairs.value)), key=lambda k: -pairs.value[k])
    taken, links = set(), set()
    for k in order:
        i, j = int(pairs.first[k]), int(pairs.second[k])
        if articles[i] != articles[j] and (i, articles[j]) not in taken and (j, articles[i]) not in taken:
            taken |= {(i, articles[j]), (j, articles[i])}
            links.add((i, j))
    return links


def test_facts_link_articles_matches_linking_one_pair_at_a_time():
    rng = np.random.default_rng(7)
    for _ in range(30):
        articles = sorted(rng.choice(list("abcd"), size=12).tolist())
        cosines = {(i, j): float(rng.choice([0.2, 0.35, 0.5, rng.uniform(0.15, 1)]))
                   for i in range(12) for j in range(i + 1, 12) if rng.random() < 0.6}
        pairs = _pairs(cosines, 12)
        links = link_articles(articles, pairs)
        assert set(zip(links.linked.first.tolist(), links.linked.second.tolist(), strict=True)) == \
            _greedy_links(articles, pairs)


def test_facts_group_leaves_a_sentence_linked_elsewhere_out_of_a_closer_group():
    # 1 is closer to 2 (0.34) than to 3 (0.30), but 2 is the copy of 1's neighbour 0 (0.8):
    # 1 reports the fact of 3, not the fact of 0 and 2.
    pairs = _pairs({(0, 2): 0.8, (1, 2): 0.34, (0, 1): 0.31, (1, 3): 0.30}, 4)
    assert sorted(group_facts(["a", "a", "b", "b"], pairs)) == [[0, 2], [1, 3]]


def test_facts_group_keeps_an_outlet_restating_a_fact_in_two_sentences():
    # 1 and 2 are one outlet's two sentences on one fact; 0 is linked to 1 only, and its
    # cosine to 2 (0.25) still counts, so the three form one fact.
    pairs = _pairs({(1, 2): 0.46, (0, 1): 0.35, (0, 2): 0.25}, 3)
    assert group_facts(["a", "b", "b"], pairs) == [[0, 1, 2]]
