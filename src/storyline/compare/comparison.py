"""How the outlets of one story compare: corroborated facts, single-source claims, conflicts, copies.

``compare(articles)`` builds the story document itself; ``build_comparison(doc)`` takes the
document a digest has already built, so a digest compares its sources without cleaning or
encoding twice. Steps:

0. budget (``storyline.represent.budget``): a story of more than ``MAX_COMPARED`` sentences
   is compared on that many, shared fairly over its outlets and days;
1. facts (``storyline.compare.facts``): align sentences reporting the same fact, group them;
2. copies (``storyline.compare.copies``): MinHash near-copies and reworded sentences between
   articles, shared passages, article pairs that copy each other;
3. conflicts (``storyline.compare.conflicts``): aligned sentences with different values;
4. outlets: per outlet, articles, words, unique facts and the share of text shared.

Outlets are told apart by ``ingest.names.outlet_key``: the outlet's name (source, else URL
host), else the article id, so two articles without a source or URL never count as one outlet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
from scipy.sparse import csr_matrix

from storyline.compare.conflicts import find_conflicts
from storyline.compare.copies import TokenCache, find_copies, sentence_words
from storyline.compare.facts import (
    fact_vectors,
    group_facts,
    make_facts,
    sentence_pairs,
)
from storyline.ingest.names import outlet_key
from storyline.model import Article, CleanArticle, Comparison, Outlet, Sentence, StoryComparison
from storyline.represent.budget import MAX_COMPARED, budgeted_sentences
from storyline.represent.document import StoryDocument, build_document
from storyline.text import word_count

__all__ = ["build_comparison", "compare"]


def compare(articles: Iterable[Article]) -> StoryComparison:
    """Compare the outlets covering one story.

    Returns:
        The comparison (``sources``) and the story's headline, chosen as the digest chooses
        it (``StoryDocument.headline``; ``""`` when no article has a usable line);
        articles with no prose left after cleaning are listed under ``skipped``.

    Raises:
        UsageError: two articles share an id.

    Example:
        >>> a = Article(id="a", source="Wire", text="Floods forced 1,800 people from their homes in the valley on Monday.")
        >>> b = Article(id="b", source="Daily", text="Floods forced 2,300 people from their homes in the valley on Monday.")
        >>> c = compare([a, b]).sources
        >>> [(s.article, s.value) for s in c.conflicts[0].sides]
        [('a', '1,800'), ('b', '2,300')]
    """
    doc = build_document(list(articles))
    return StoryComparison(build_comparison(doc), doc.headline, doc.skipped, articles=doc.articles)


def build_comparison(doc: StoryDocument) -> Comparison:
    """The comparison of one story document's articles, read from at most
    ``MAX_COMPARED`` of its sentences (``represent.budget.budgeted_sentences``)."""
    if not doc.sentences:
        return Comparison((), (), (), (), ())
    chosen = budgeted_sentences(doc.sentences, doc.articles, budget=MAX_COMPARED)
    sentences = [doc.sentences[k] for k in chosen]
    vectors = doc.vectors if len(chosen) == len(doc.sentences) else doc.vectors[chosen]
    outlet_of = {a.id: outlet_key(a) for a in doc.articles}
    pairs = sentence_pairs(vectors, fact_vectors(vectors, doc.encoder.get_feature_names_out()))
    tokens = TokenCache(sentences, [sentence_words(s) for s in sentences])
    centrality = _centrality(vectors)
    groups = group_facts([s.article for s in sentences], pairs.folded)
    corroborated, single, unique = make_facts(sentences, groups, pairs, outlet_of, centrality)
    copies, shared = find_copies(sentences, tokens, pairs.raw, outlet_of)
    return Comparison(
        outlets=_outlets(doc.cleaned, outlet_of, unique, (shared, _word_counts(sentences))),
        corroborated=corroborated,
        single_source=single,
        conflicts=find_conflicts(sentences, tokens, pairs, outlet_of),
        copies=copies,
    )


def _centrality(vectors: csr_matrix) -> np.ndarray:
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    return np.asarray(vectors @ (centroid / norm)).ravel()


def _word_counts(sentences: Sequence[Sentence]) -> dict[str, int]:
    """Words of the given sentences per article id."""
    words: dict[str, int] = defaultdict(int)
    for sentence in sentences:
        words[sentence.article] += word_count(sentence.text)
    return words


def _outlets(
    cleaned: Sequence[CleanArticle], outlet_of: dict[str, str], unique: dict[str, int],
    shared: tuple[dict[str, set[int]], dict[str, int]],
) -> tuple[Outlet, ...]:
    """Per outlet, in order of first appearance: articles, words, unique facts, shared share.

    ``shared`` holds per article the token starts shared with other outlets and the words
    of its compared sentences: the share is taken over the words compared.
    """
    tokens, compared = shared
    articles: dict[str, list[str]] = defaultdict(list)
    words: dict[str, int] = defaultdict(int)
    compared_words: dict[str, int] = defaultdict(int)
    shared_words: dict[str, int] = defaultdict(int)
    for c in cleaned:
        outlet = outlet_of[c.article.id]
        articles[outlet].append(c.article.id)
        words[outlet] += sum(word_count(s.text) for s in c.sentences)
        compared_words[outlet] += compared.get(c.article.id, 0)
        shared_words[outlet] += len(tokens.get(c.article.id, ()))
    return tuple(
        Outlet(name, tuple(ids), words[name], unique.get(name, 0),
               round(min(1.0, shared_words[name] / max(compared_words[name], 1)), 3))
        for name, ids in articles.items()
    )
