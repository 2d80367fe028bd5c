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
from scipy.sparse import csr_matrix, triu
from sklearn.preprocessing import normalize

from storyline.compare_words import FACT_SYNONYMS, NUMBER
from storyline.model import Fact, Sentence, Span
from storyline.summarize import MIN_WORDS, UNREADABLE_ALONE, cite
from storyline.text import word_count

__all__ = [
    "ALIGN_MIN",
    "MAX_SINGLE_SOURCE",
    "SentencePairs",
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
MAX_SINGLE_SOURCE = 30
"""Single-source claims listed, the most central to the story first."""


@dataclass(frozen=True)
class SentencePairs:
    """Cosines of sentence pairs ``(i, j)``, ``i < j``, at or above ``PAIR_FLOOR``.

    ``raw`` is the TF-IDF cosine, ``folded`` the cosine after ``FACT_SYNONYMS``.
    """

    raw: dict[tuple[int, int], float]
    folded: dict[tuple[int, int], float]


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


def _pairs(vectors: csr_matrix) -> dict[tuple[int, int], float]:
    product = triu(vectors @ vectors.T, k=1).tocoo()
    keep = product.data >= PAIR_FLOOR
    return {(int(i), int(j)): float(v) for i, j, v in
            zip(product.row[keep], product.col[keep], product.data[keep], strict=True)}


def group_facts(count: int, folded: dict[tuple[int, int], float]) -> list[list[int]]:
    """Group ``count`` sentences into facts by average linkage over aligned pairs.

    Returns:
        Lists of sentence indices, each sorted; every sentence is in exactly one group.
    """
    group_of = {k: k for k in range(count)}
    members: dict[int, list[int]] = {k: [k] for k in range(count)}
    aligned = sorted(((v, i, j) for (i, j), v in folded.items() if v >= ALIGN_MIN), reverse=True)
    for _, i, j in aligned:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or _average(members[gi], members[gj], folded) < GROUP_MIN:
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] += members.pop(gj)
    return [sorted(group) for group in members.values()]


def _key(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def _average(first: list[int], second: list[int], folded: dict[tuple[int, int], float]) -> float:
    total = sum(folded.get((min(a, b), max(a, b)), 0.0) for a in first for b in second)
    return total / (len(first) * len(second))


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
    best = _best_match(sentences, pairs.raw)
    article_ids = list(dict.fromkeys(s.article for s in sentences))
    corroborated, single, unique = [], [], defaultdict(int)
    for group in groups:
        lead = _representative(group, sentences, pairs.folded)
        closest = [best[lead].get(a, (0.0, -1))[0] for a in article_ids]
        cited = cite(sentences[lead].article, closest, article_ids)
        grouped = {sentences[k].article for k in group}
        extra = [k for a in cited[1:] if a not in grouped
                 and pairs.folded.get(_key(lead, k := best[lead][a][1]), 0.0) >= ALIGN_MIN]
        fact = _fact(lead, group + extra, sentences, outlet_of)
        if len(fact.outlets) > 1:
            corroborated.append(fact)
        elif _checkable(sentences[lead].text):
            single.append((float(centrality[lead]), fact))
            unique[fact.outlets[0]] += 1
    corroborated.sort(key=lambda f: (-len(f.outlets), -len({s.article for s in f.support})))
    single.sort(key=lambda pair: -pair[0])
    return tuple(corroborated), tuple(f for _, f in single[:MAX_SINGLE_SOURCE]), dict(unique)


def _best_match(
    sentences: Sequence[Sentence], raw: dict[tuple[int, int], float]
) -> list[dict[str, tuple[float, int]]]:
    """Per sentence and other article: the best raw cosine and the sentence reaching it."""
    best: list[dict[str, tuple[float, int]]] = [{} for _ in sentences]
    for (i, j), value in raw.items():
        for a, b in ((i, j), (j, i)):
            article = sentences[b].article
            if value > best[a].get(article, (0.0, -1))[0]:
                best[a][article] = (value, b)
    return best


def _representative(group: list[int], sentences: Sequence[Sentence], folded: dict[tuple[int, int], float]) -> int:
    """The group's sentence closest to the others, preferring sentences that read alone."""
    def key(i: int) -> tuple[bool, float, int]:
        closeness = sum(folded.get((min(i, k), max(i, k)), 0.0) for k in group if k != i)
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
