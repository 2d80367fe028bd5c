"""Fact alignment: which sentences of a story's articles report the same fact.

Input: the story's kept sentences and their TF-IDF rows (``represent.TfidfEncoder``, the
same vectors the digest's summary uses) plus the encoder's vocabulary; output: groups of
sentences, each one fact, and from them the corroborated facts and single-source claims.

TF-IDF over stems misses paraphrase ("deal" / "agreement", "aid" / "assistance"), so the
rows are first folded through ``FACT_SYNONYMS`` (a sparse stem-to-stem matrix) before
sentences are compared as facts. Sentences whose folded cosine reaches ``ALIGN_MIN`` are
aligned; aligned sentences are grouped by average linkage (a sentence joins a fact only
if it is close to the fact's sentences on average, so chains of loosely related sentences
do not merge). The articles a fact is credited to also include every article the summary
would cite for it (``summarize.cite``), so summary citations and corroboration agree.
MiniLM embeddings would catch more paraphrases but need torch, which is not installed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize

from storyline.compare_words import FACT_SYNONYMS, NUMBER
from storyline.model import Fact, Sentence, Span
from storyline.summarize import CITE_MIN, MIN_WORDS, UNREADABLE_ALONE, cite
from storyline.text import word_count

__all__ = [
    "ALIGN_MIN",
    "MAX_SINGLE_SOURCE",
    "PAIR_BLOCK",
    "PairCosines",
    "SentencePairs",
    "best_match",
    "fact_vectors",
    "group_facts",
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
    ``row(i)`` maps every sentence paired with ``i`` to their cosine, built on first use.
    """

    def __init__(self, first: np.ndarray, second: np.ndarray, value: np.ndarray, count: int) -> None:
        self.first, self.second, self.value, self.count = first, second, value, count
        self._rows: dict[int, dict[int, float]] = {}
        self._matrix: csr_matrix | None = None

    def row(self, i: int) -> dict[int, float]:
        """Sentence ``j`` -> cosine of ``(i, j)``, for every pair of ``i`` kept."""
        found = self._rows.get(i)
        if found is None:
            if self._matrix is None:
                both = (np.concatenate([self.first, self.second]), np.concatenate([self.second, self.first]))
                values = np.concatenate([self.value, self.value])
                self._matrix = csr_matrix((values, both), shape=(self.count, self.count))
            lo, hi = self._matrix.indptr[i], self._matrix.indptr[i + 1]
            found = dict(zip(self._matrix.indices[lo:hi].tolist(), self._matrix.data[lo:hi].tolist()))
            self._rows[i] = found
        return found

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


def fact_vectors(vectors: csr_matrix, vocabulary: dict[str, int]) -> csr_matrix:
    """``vectors`` with synonym stems merged into one column, rows L2-normalised again."""
    columns: dict[str, int] = {}
    rows, cols = [], []
    for stem, index in vocabulary.items():
        rows.append(index)
        cols.append(columns.setdefault(FACT_SYNONYMS.get(stem, stem), len(columns)))
    fold = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(vocabulary), len(columns)))
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


def group_facts(count: int, folded: PairCosines) -> list[list[int]]:
    """Group ``count`` sentences into facts by average linkage over aligned pairs.

    The summed cosines between groups are kept up to date as groups merge (``_Links``),
    so a merge decision costs a look-up, not a pass over both groups' pairs.

    Returns:
        Lists of sentence indices, each sorted; every sentence is in exactly one group.
    """
    group_of = list(range(count))
    members: dict[int, list[int]] = {k: [k] for k in range(count)}
    links = _Links(folded, group_of)
    for i, j in _aligned(folded):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        first, second = members[gi], members[gj]
        # two single sentences average to their own cosine, which is aligned
        if (len(first) > 1 or len(second) > 1) and \
                links.of(gi).get(gj, 0.0) / (len(first) * len(second)) < GROUP_MIN:
            continue
        links.merge(gi, gj)
        for k in second:
            group_of[k] = gi
        members[gi] += members.pop(gj)
    return [sorted(group) for group in members.values()]


class _Links:
    """Summed cosines between the groups of ``group_facts`` (missing pairs count 0).

    A sentence never merged gets its sums from its own pairs, read by the groups their
    other sentences are in at that moment; merged groups add up their sums.
    """

    def __init__(self, folded: PairCosines, group_of: list[int]) -> None:
        self.folded, self.group_of = folded, group_of
        self.sums: dict[int, dict[int, float]] = {}

    def of(self, group: int) -> dict[int, float]:
        """Other group -> summed cosine of their sentence pairs."""
        found = self.sums.get(group)
        if found is None:
            found = defaultdict(float)
            for other, cosine in self.folded.row(group).items():
                found[self.group_of[other]] += cosine
            self.sums[group] = found
        return found

    def merge(self, kept: int, gone: int) -> None:
        """Fold group ``gone`` into group ``kept`` (call before ``group_of`` changes)."""
        into, out = self.of(kept), self.of(gone)
        into.pop(gone, None)
        out.pop(kept, None)
        for other, total in out.items():
            into[other] += total
            theirs = self.sums.get(other)
            if theirs is not None:
                theirs[kept] = theirs.get(kept, 0.0) + theirs.pop(gone, 0.0)
        del self.sums[gone]


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
        members = group + extra
        outlets = {outlet_of[sentences[k].article] for k in members}
        if len(outlets) > 1:
            corroborated.append(_fact(lead, members, sentences, outlet_of))
        elif _checkable(sentences[lead].text):
            single.append((float(centrality[lead]), lead, members))
            unique[outlets.pop()] += 1
    corroborated.sort(key=lambda f: (-len(f.outlets), -len({s.article for s in f.support})))
    single.sort(key=lambda claim: -claim[0])
    claims = tuple(_fact(lead, members, sentences, outlet_of) for _, lead, members in single[:MAX_SINGLE_SOURCE])
    return tuple(corroborated), claims, dict(unique)


def best_match(
    sentences: Sequence[Sentence], raw: PairCosines, wanted: Sequence[int], article_ids: Sequence[str]
) -> dict[int, list[tuple[int, float, int]]]:
    """For each ``wanted`` sentence, its closest sentence in every article close enough to cite.

    Returns:
        ``sentence -> [(article index in article_ids, raw cosine, closest sentence)]`` by
        article index, for the articles whose closest sentence reaches ``summarize.CITE_MIN``
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
