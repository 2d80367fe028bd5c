"""Fact alignment: which sentences of a story's articles report the same fact.

Input: the story document's sentences and rows (the same vectors the digest's summary
uses) plus the names of the encoder's columns; output: groups of
sentences, each one fact, and from them the corroborated facts and single-source claims.

TF-IDF over stems misses paraphrase ("deal" / "agreement", "aid" / "assistance"), so the
rows are first folded through ``FACT_SYNONYMS`` (a sparse stem-to-stem matrix) before
sentences are compared as facts. Sentences whose folded cosine reaches ``ALIGN_MIN`` are
aligned. Between two articles, sentences are then linked one to one (competitive linking:
pairs from the highest cosine down, each sentence linked to at most one sentence of each
other article), because a long sentence carrying two facts is often a little closer to a
sentence that another of its article's sentences copies than to the sentence that reports
its own fact ("Kerry and Lavrov reached a deal last week ... aid ... Aleppo" is closer to a
copied Kirby quote about aid to Aleppo than to "The agreement that Kerry and Lavrov reached
last week ..."). Aligned pairs of one article and linked aligned pairs of two articles are
grouped by average linkage (a sentence joins a fact only if it is close to the fact's
sentences on average, so chains of loosely related sentences do not merge); in that
average, a pair counts 0 when one of its sentences is aligned and linked to another
sentence of the other's article outside the fact, since it reports that sentence's fact.
An outlet that restates a fact in two sentences still joins with both. The articles a
fact is credited to also include every article the summary would cite for it (``represent.facts.cite``), so summary citations and corroboration agree.
MiniLM embeddings would catch more paraphrases but need torch, which is not installed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize

from storyline.compare.corroboration import same_fact
from storyline.compare.words import FACT_SYNONYMS, NUMBER
from storyline.model import Fact, Sentence, Span
from storyline.represent.facts import CITE_MIN, cite
from storyline.summary.summarize import MIN_WORDS
from storyline.summary.words import UNREADABLE_ALONE
from storyline.text import word_count

__all__ = [
    "ALIGN_MIN",
    "MAX_SINGLE_SOURCE",
    "PAIR_BLOCK",
    "ArticleLinks",
    "PairCosines",
    "SentencePairs",
    "best_match",
    "fact_vectors",
    "group_facts",
    "link_articles",
    "make_facts",
    "sentence_pairs",
]

ALIGN_MIN = 0.3
"""Folded TF-IDF cosine at or above which two sentences report the same fact."""
GROUP_MIN = 0.28
"""Average cosine a sentence needs to the sentences of a fact to join it."""
PAIR_FLOOR = 0.15
"""Sentence pairs below this cosine (raw and folded) are not kept at all."""
PAIR_BLOCK = 1000
"""Sentences whose pairs are computed at once (bounds the memory of a large story)."""
MAX_SINGLE_SOURCE = 30
"""Single-source claims listed, the most central to the story first."""


class PairCosines:
    """Cosines of sentence pairs ``(first[k], second[k])``, ``first < second``, at or above ``PAIR_FLOOR``.

    The arrays keep the order of the sparse product, which decides ties (see ``best_match``);
    ``row(i)`` maps every sentence paired with ``i`` to their cosine, built on first use;
    ``rows(sentences)`` gives the pairs of several sentences as arrays.
    """

    def __init__(self, first: np.ndarray, second: np.ndarray, value: np.ndarray, count: int) -> None:
        self.first, self.second, self.value, self.count = first, second, value, count
        self._rows: dict[int, dict[int, float]] = {}
        self._matrix: csr_matrix | None = None

    def row(self, i: int) -> dict[int, float]:
        """Sentence ``j`` -> cosine of ``(i, j)``, for every pair of ``i`` kept."""
        found = self._rows.get(i)
        if found is None:
            matrix = self._csr()
            lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
            found = dict(zip(matrix.indices[lo:hi].tolist(), matrix.data[lo:hi].tolist()))
            self._rows[i] = found
        return found

    def rows(self, sentences: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(paired, cosine, count)`` of the pairs of the ``sentences``, row after row:
        the sentences paired with them, the cosines, and how many pairs each has."""
        matrix = self._csr()
        if len(sentences) == 1:
            lo, hi = matrix.indptr[sentences[0]], matrix.indptr[sentences[0] + 1]
            return matrix.indices[lo:hi], matrix.data[lo:hi], np.array([hi - lo])
        starts = matrix.indptr[sentences]
        counts = matrix.indptr[np.add(sentences, 1)] - starts
        ends = np.cumsum(counts)
        spans = np.arange(ends[-1]) + np.repeat(starts - ends + counts, counts)
        return matrix.indices[spans], matrix.data[spans], counts

    def _csr(self) -> csr_matrix:
        """Both orders of every pair as a symmetric sparse matrix, built on first use."""
        if self._matrix is None:
            both = (np.concatenate([self.first, self.second]), np.concatenate([self.second, self.first]))
            values = np.concatenate([self.value, self.value])
            self._matrix = csr_matrix((values, both), shape=(self.count, self.count))
        return self._matrix

    def get(self, i: int, j: int) -> float:
        """The cosine of sentences ``i`` and ``j`` (0.0 when below ``PAIR_FLOOR``)."""
        return self.row(i).get(j, 0.0)

    def at_least(self, threshold: float) -> tuple[list[int], list[int], list[float]]:
        """``(first, second, value)`` of the pairs reaching ``threshold``, sorted by ``(first, second)``."""
        keep = np.flatnonzero(self.value >= threshold)
        keep = keep[np.lexsort((self.second[keep], self.first[keep]))]
        return self.first[keep].tolist(), self.second[keep].tolist(), self.value[keep].tolist()


@dataclass(frozen=True)
class SentencePairs:
    """Cosines of sentence pairs ``(i, j)``, ``i < j``, at or above ``PAIR_FLOOR``.

    ``raw`` is the TF-IDF cosine, ``folded`` the cosine after ``FACT_SYNONYMS``.
    """

    raw: PairCosines
    folded: PairCosines


def fact_vectors(vectors: csr_matrix, features: Sequence[str]) -> csr_matrix:
    """``vectors`` with synonym stems merged into one column, rows L2-normalised again.

    Args:
        vectors: one row per sentence.
        features: the name of each column (``Encoder.get_feature_names_out``); columns
            whose names are not stems in ``FACT_SYNONYMS`` are kept as they are.
    """
    columns: dict[str, int] = {}
    cols = [columns.setdefault(FACT_SYNONYMS.get(stem, stem), len(columns)) for stem in features]
    fold = csr_matrix((np.ones(len(cols)), (np.arange(len(cols)), cols)),
                      shape=(len(cols), len(columns)))
    return normalize(vectors @ fold)


def sentence_pairs(vectors: csr_matrix, folded: csr_matrix) -> SentencePairs:
    """The cosines of every sentence pair close enough to matter (sparse, no n-by-n array)."""
    return SentencePairs(_pairs(vectors), _pairs(folded))


def _pairs(vectors: csr_matrix) -> PairCosines:
    """The pairs at or above ``PAIR_FLOOR``, computed ``PAIR_BLOCK`` rows at a time so that
    memory follows the pairs kept, not every small cosine of a story with thousands of
    sentences. The entries keep the order of the whole product (which decides ties in
    ``best_match``): by row, and within a row as the sparse product yields them."""
    transposed = vectors.T.tocsr()
    first, second, value = [], [], []
    for start in range(0, vectors.shape[0], PAIR_BLOCK):
        product = (vectors[start:start + PAIR_BLOCK] @ transposed).tocoo()
        rows = product.row.astype(np.int64) + start
        keep = (rows < product.col) & (product.data >= PAIR_FLOOR)
        first.append(rows[keep])
        second.append(product.col[keep].astype(np.int64))
        value.append(product.data[keep])
    return PairCosines(np.concatenate(first), np.concatenate(second), np.concatenate(value),
                       vectors.shape[0])


def group_facts(articles: Sequence[str], folded: PairCosines) -> list[list[int]]:
    """Group sentences into facts by average linkage over aligned pairs, linked one to one.

    Args:
        articles: the article id of each sentence.
        folded: the folded cosines of the sentence pairs.

    Sentences of two articles are first linked one to one (``link_articles``); aligned
    pairs of one article and linked aligned pairs of two articles are taken from the
    highest cosine down, and a sentence or group joins another when their average cosine
    (``_linkage``) reaches ``GROUP_MIN`` (``_joins``).

    Returns:
        Lists of sentence indices, each sorted; every sentence is in exactly one group.
    """
    links = link_articles(articles, folded)
    group_of = np.arange(len(articles))
    members: dict[int, list[int]] = {k: [k] for k in range(len(articles))}
    apart: set[tuple[int, int, int, int]] = set()
    for i, j in _aligned(links.kept):
        gi, gj = int(group_of[i]), int(group_of[j])
        if gi == gj:
            continue
        first, second = members[gi], members[gj]
        # two single sentences average to their own cosine, which is aligned
        if (len(first) > 1 or len(second) > 1) and not _joins(first, second, links, group_of, apart):
            continue
        group_of[second] = gi
        members[gi] += members.pop(gj)
    return [sorted(group) for group in members.values()]


def _joins(first: list[int], second: list[int], links: ArticleLinks, group_of: np.ndarray,
           apart: set[tuple[int, int, int, int]]) -> bool:
    """Whether the groups ``first`` and ``second`` are close enough to be one fact.

    ``apart`` holds ``(group, size, group, size)`` of the pairs of groups found too far
    apart: a group only grows, so its number and size name its sentences, and the pair is
    not read again until one of them grows.
    """
    gi, gj = int(group_of[first[0]]), int(group_of[second[0]])
    key = (gi, len(first), gj, len(second)) if gi < gj else (gj, len(second), gi, len(first))
    if key in apart:
        return False
    if _linkage(first, second, links, group_of) < GROUP_MIN:
        apart.add(key)
        return False
    return True


@dataclass(frozen=True)
class ArticleLinks:
    """Sentence pairs linked one to one between articles (``link_articles``).

    ``folded``: every pair; ``kept``: the pairs within one article and the linked pairs of
    two articles; ``linked``: the linked pairs only; ``aligned``: ``(sentence, article
    index) ->`` the sentence of that article it is linked to, for the links reaching
    ``ALIGN_MIN``; ``elsewhere``: the pairs of two articles where a sentence has such a
    link to another sentence of the other's article; ``article``: each sentence's article index.
    """

    folded: PairCosines
    kept: PairCosines
    linked: PairCosines
    aligned: dict[tuple[int, int], int]
    elsewhere: PairCosines
    article: np.ndarray


def link_articles(articles: Sequence[str], folded: PairCosines) -> ArticleLinks:
    """Competitive linking: each sentence is linked to at most one sentence of every other article.

    Pairs of two different articles are taken from the highest cosine down (equal cosines
    in the order of ``folded``); a pair is dropped when either sentence is already linked
    to another sentence of the other's article. Pairs within one article are all kept.
    ``kept``, ``linked`` and ``elsewhere`` keep the order of ``folded``.
    """
    position = {article: k for k, article in enumerate(dict.fromkeys(articles))}
    article = np.array([position[a] for a in articles], dtype=np.int64)
    keep = article[folded.first] == article[folded.second]
    cross = np.flatnonzero(~keep)
    order = cross[np.argsort(-folded.value[cross], kind="stable")]
    i, j = folded.first[order], folded.second[order]
    # a link fills two slots: (i, the article of j) and (j, the article of i)
    names, slots = np.unique(np.concatenate([i * len(position) + article[j], j * len(position) + article[i]]),
                             return_inverse=True)
    slots = slots.reshape(2, -1)
    taken = _greedy_matching(slots[0], slots[1], len(names))
    keep[order[taken]] = True
    strong = taken & (folded.value[order] >= ALIGN_MIN)
    away = _linked_away(slots, strong, i, j, len(names))
    aligned = dict(zip(zip(i[strong].tolist(), article[j[strong]].tolist()), j[strong].tolist()))
    aligned.update(zip(zip(j[strong].tolist(), article[i[strong]].tolist()), i[strong].tolist()))
    return ArticleLinks(folded, _subset(folded, keep), _subset(folded, np.sort(order[taken])), aligned,
                        _subset(folded, np.sort(order[away])), article)


def _linked_away(slots: np.ndarray, strong: np.ndarray, i: np.ndarray, j: np.ndarray, count: int) -> np.ndarray:
    """Which pairs ``(i[k], j[k])`` have a sentence whose slot for the other's article
    (``slots[:, k]``, out of ``count``) is filled by a ``strong`` link to another sentence."""
    partner = np.full(count, -1, dtype=np.int64)
    partner[slots[0, strong]], partner[slots[1, strong]] = j[strong], i[strong]
    left, right = partner[slots[0]], partner[slots[1]]
    return ((left >= 0) & (left != j)) | ((right >= 0) & (right != i))


def _subset(pairs: PairCosines, keep: np.ndarray) -> PairCosines:
    """The pairs of ``pairs`` that ``keep`` (a mask, or indices in order) selects."""
    return PairCosines(pairs.first[keep], pairs.second[keep], pairs.value[keep], pairs.count)


def _greedy_matching(left: np.ndarray, right: np.ndarray, ends: int) -> np.ndarray:
    """Which edges ``(left[k], right[k])`` between ``ends`` ends, best first, a greedy matching keeps.

    Taking the edges in order and keeping each whose two ends are still free keeps the same
    edges as these rounds: keep every edge that comes first at both its ends, then drop the
    edges touching an end kept (the best edge left always comes first at both its ends).
    """
    count = len(left)
    kept = np.zeros(count, dtype=bool)
    used = np.zeros(ends, dtype=bool)
    best = np.full(ends, count)
    alive = np.arange(count)
    while alive.size:
        sides = (left[alive], right[alive])
        for side in sides:
            best[side] = count
        for side in sides:
            np.minimum.at(best, side, alive)
        won = alive[(best[sides[0]] == alive) & (best[sides[1]] == alive)]
        kept[won] = True
        used[left[won]] = True
        used[right[won]] = True
        alive = alive[~(used[sides[0]] | used[sides[1]])]
    return kept


def _linkage(first: list[int], second: list[int], links: ArticleLinks, group_of: np.ndarray) -> float:
    """Average folded cosine of the pairs of ``first`` x ``second`` (missing pairs count 0),
    read from the rows of the smaller group, less ``_discounted`` where that still matters."""
    small, large = (first, second) if len(first) <= len(second) else (second, first)
    paired, value, _ = links.folded.rows(small)
    size = len(first) * len(second)
    total = float(value[group_of[paired] == group_of[large[0]]].sum())
    if total / size >= GROUP_MIN:
        total -= _discounted(small, int(group_of[large[0]]), links, group_of)
    return total / size


def _discounted(small: list[int], there: int, links: ArticleLinks, group_of: np.ndarray) -> float:
    """Summed cosine of the pairs of ``small`` x group ``there`` that count 0.

    A pair of two articles counts 0 when neither sentence is linked to a sentence of the
    other group and one of them is aligned and linked to another sentence of the other's
    article outside both groups: it reports that sentence's fact, not this one. Only the
    ``links.elsewhere`` pairs can, so only they are read.
    """
    here = int(group_of[small[0]])
    paired, value, counts = links.elsewhere.rows(small)
    sentence = np.repeat(small, counts)
    total = 0.0
    for k in np.flatnonzero(group_of[paired] == there).tolist():
        i, j = int(sentence[k]), int(paired[k])
        if (_away(i, j, (here, there), links, group_of) or _away(j, i, (here, there), links, group_of)) \
                and not (_linked_to(i, there, links, group_of) or _linked_to(j, here, links, group_of)):
            total += float(value[k])
    return total


def _away(i: int, j: int, groups: tuple[int, int], links: ArticleLinks, group_of: np.ndarray) -> bool:
    """Whether ``i`` is aligned and linked to a sentence of ``j``'s article other than ``j``,
    outside ``groups``."""
    partner = links.aligned.get((i, int(links.article[j])))
    return partner is not None and partner != j and int(group_of[partner]) not in groups


def _linked_to(i: int, group: int, links: ArticleLinks, group_of: np.ndarray) -> bool:
    """Whether ``i`` is linked to a sentence of ``group``."""
    return bool((group_of[links.linked.rows([i])[0]] == group).any())


def _aligned(folded: PairCosines) -> list[tuple[int, int]]:
    """The aligned pairs ``(i, j)`` by cosine, then ``i``, then ``j``, all descending."""
    keep = np.flatnonzero(folded.value >= ALIGN_MIN)
    order = keep[np.lexsort((folded.second[keep], folded.first[keep], folded.value[keep]))[::-1]]
    return list(zip(folded.first[order].tolist(), folded.second[order].tolist(), strict=True))


def make_facts(
    sentences: Sequence[Sentence],
    groups: list[list[int]],
    pairs: SentencePairs,
    outlet_of: dict[str, str],
    centrality: np.ndarray,
) -> tuple[tuple[Fact, ...], tuple[Fact, ...], dict[str, int]]:
    """Corroborated facts, single-source claims, and unique facts per outlet.

    Args:
        sentences: the story's kept sentences.
        groups: ``group_facts`` output.
        pairs: the sentence pair cosines.
        outlet_of: outlet name of each article id.
        centrality: per sentence, its cosine to the story centroid (ranks claims).

    Returns:
        ``(corroborated, single_source, unique)``: corroborated facts by outlets, then
        articles, descending; at most ``MAX_SINGLE_SOURCE`` claims by centrality; and per
        outlet the number of checkable claims only it reports.
    """
    leads = [_representative(group, sentences, pairs.folded) for group in groups]
    article_ids = list(dict.fromkeys(s.article for s in sentences))
    best = best_match(sentences, pairs.raw, leads, article_ids)
    corroborated, single, unique = [], [], defaultdict(int)
    for group, lead in zip(groups, leads, strict=True):
        found = best.get(lead, [])
        cited = cite(sentences[lead].article, [v for _, v, _ in found], [article_ids[a] for a, _, _ in found])
        closest = {article_ids[a]: k for a, _, k in found}
        grouped = {sentences[k].article for k in group}
        extra = [k for a in cited[1:] if a not in grouped
                 and pairs.folded.get(lead, k := closest[a]) >= ALIGN_MIN]
        candidates = group + extra
        # one outlet among the candidates: a single-source claim whatever same_fact says,
        # so its members are worked out only if it is among the claims shown
        one_outlet = len({outlet_of[sentences[k].article] for k in candidates}) == 1
        members = candidates if one_outlet else _same_fact_members(lead, candidates, sentences)
        outlets = {outlet_of[sentences[k].article] for k in members}
        if len(outlets) > 1:
            corroborated.append(_fact(lead, members, sentences, outlet_of))
        elif _checkable(sentences[lead].text):
            single.append((float(centrality[lead]), lead, members, one_outlet))
            unique[outlets.pop()] += 1
    corroborated.sort(key=lambda f: (-len(f.outlets), -len({s.article for s in f.support})))
    single.sort(key=lambda claim: -claim[0])
    claims = tuple(
        _fact(lead, _same_fact_members(lead, members, sentences) if one_outlet else members,
              sentences, outlet_of)
        for _, lead, members, one_outlet in single[:MAX_SINGLE_SOURCE]
    )
    return tuple(corroborated), claims, dict(unique)


def _same_fact_members(lead: int, candidates: list[int], sentences: Sequence[Sentence]) -> list[int]:
    """The ``candidates`` that report the same fact as sentence ``lead`` (``same_fact``), lead included."""
    return [k for k in candidates if k == lead or same_fact(sentences[lead].text, sentences[k].text)]


def best_match(
    sentences: Sequence[Sentence], raw: PairCosines, wanted: Sequence[int], article_ids: Sequence[str]
) -> dict[int, list[tuple[int, float, int]]]:
    """For each ``wanted`` sentence, its closest sentence in every article close enough to cite.

    Returns:
        ``sentence -> [(article index in article_ids, raw cosine, closest sentence)]`` by
        article index, for the articles whose closest sentence reaches ``represent.facts.CITE_MIN``
        (``cite`` drops the others). Of equal cosines the pair coming first in ``raw`` wins.
    """
    position = {article: k for k, article in enumerate(article_ids)}
    article = np.array([position[s.article] for s in sentences], dtype=np.int64)
    order = np.arange(len(raw.value))
    source, target = np.concatenate([raw.first, raw.second]), np.concatenate([raw.second, raw.first])
    value, order = np.concatenate([raw.value, raw.value]), np.concatenate([order, order])
    is_wanted = np.zeros(len(sentences), dtype=bool)
    is_wanted[list(wanted)] = True
    keep = np.flatnonzero(is_wanted[source] & (value >= CITE_MIN))
    source, target, value, order = source[keep], target[keep], value[keep], order[keep]
    sort = np.lexsort((order, -value, article[target], source))
    source, target, value = source[sort], target[sort], value[sort]
    other = article[target]
    first = np.ones(len(source), dtype=bool)
    first[1:] = (source[1:] != source[:-1]) | (other[1:] != other[:-1])
    best: dict[int, list[tuple[int, float, int]]] = defaultdict(list)
    for i, a, v, k in zip(source[first].tolist(), other[first].tolist(), value[first].tolist(),
                          target[first].tolist(), strict=True):
        best[i].append((a, v, k))
    return best


def _representative(group: list[int], sentences: Sequence[Sentence], folded: PairCosines) -> int:
    """The group's sentence closest to the others, preferring sentences that read alone."""
    if len(group) == 1:
        return group[0]

    def key(i: int) -> tuple[bool, float, int]:
        row = folded.row(i)
        closeness = 0.0
        for k in group:
            if k != i and k in row:
                closeness += row[k]
        return (_readable(sentences[i].text), closeness, -i)

    return max(group, key=key)


def _fact(lead: int, group: list[int], sentences: Sequence[Sentence], outlet_of: dict[str, str]) -> Fact:
    """The fact led by sentence ``lead``, supported by the sentences of ``group``."""
    head = sentences[lead]
    members = [head] + [sentences[k] for k in group if k != lead]
    articles = list(dict.fromkeys(s.article for s in members))
    counts: dict[str, int] = defaultdict(int)
    for article in articles:
        counts[outlet_of[article]] += 1
    outlets = sorted(counts, key=lambda o: (o != outlet_of[head.article], -counts[o], o))
    support = tuple(Span(s.article, s.start, s.end, s.text) for s in members)
    return Fact(head.text, head.article, head.start, head.end, tuple(outlets), support)


def _readable(text: str) -> bool:
    return word_count(text) >= MIN_WORDS and not UNREADABLE_ALONE.search(text)


def _checkable(text: str) -> bool:
    """A claim a reader can check: it reads alone and names a number or a proper name."""
    if not _readable(text):
        return False
    words = text.split()
    return bool(NUMBER.search(text)) or any(w[:1].isupper() for w in words[1:])
