"""Copies: article pairs sharing text (syndication, wire copy, partial copies, spun rewrites).

Input: a story's kept sentences, their TF-IDF similarity pairs (``facts.SentencePairs``)
and the outlet of each article; output: ``Copy`` records with the shared passages as
spans in both articles, and per article the share of its prose shared with other outlets.

Steps:

1. candidates: sentence pairs from two articles that are near-exact copies - paired by
   MinHash LSH (datasketch) over word 3-shingles - or that are close in TF-IDF
   (``REWORD_MIN``). Only pairs holding a run of ``MIN_RUN`` equal words can share a
   passage, so those are found first with a hash index of ``MIN_RUN``-word runs (numpy,
   cost linear in the words) and only they get MinHash signatures, whose LSH bands are
   compared directly: the same pairs as inserting every sentence into an LSH index;
2. passages: each candidate pair sharing such a run is aligned word by word (``difflib``);
   runs of at least ``MIN_RUN`` identical words are shared passages, and pairs with no
   such run but TF-IDF at or above ``REWORD_MIN`` are reworded sentences (spun rewrites);
3. pairs of articles: the words covered by passages decide whether the pair is reported,
   and as which kind (see ``model.Copy``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy.sparse import csr_matrix

from storyline.compare.words import NUMBER_OR_WORD
from storyline.compare.facts import PairCosines
from storyline.model import Copy, Sentence, SharedPassage, Span
from storyline.text import Token, word_tokens

__all__ = ["MIN_RUN", "REWORD_MIN", "TokenCache", "find_copies", "sentence_tokens", "sentence_words"]

MIN_RUN = 6
"""Identical words in a row that make a shared passage."""
REWORD_MIN = 0.6
"""TF-IDF cosine at or above which two sentences are one reworded from the other."""
SHINGLE = 3
"""Words per shingle for MinHash."""
NUM_PERM = 64
"""MinHash permutations."""
LSH_THRESHOLD = 0.4
"""Estimated Jaccard similarity of shingles at which two sentences are compared word by word."""
COPY_MIN = 0.6
"""Share of the shorter article copied word for word that makes a ``copy``."""
PARTIAL_MIN = 0.25
"""Share of the shorter article shared that makes a ``partial`` copy or a ``rewrite``; the
longer article must share this much too for any kind but ``passages``."""
PASSAGE_WORDS_MIN = 25
"""Words copied word for word that make a ``passages`` pair when the share is small."""


def sentence_tokens(sentence: Sentence) -> list[Token]:
    """The words and numbers (``NUMBER_OR_WORD``) of ``sentence`` with offsets into its article's text."""
    return word_tokens(sentence.text, pattern=NUMBER_OR_WORD, base=sentence.start)


def sentence_words(sentence: Sentence) -> list[str]:
    """The lower-cased texts of ``sentence_tokens(sentence)``, without offsets (cheaper, for comparing)."""
    return list(map(str.lower, NUMBER_OR_WORD.findall(sentence.text)))


class TokenCache:
    """``sentence_tokens`` of the story's sentences, each computed once, when first asked for.

    ``words`` holds the ``sentence_words`` of every sentence.
    """

    def __init__(self, sentences: Sequence[Sentence], words: Sequence[list[str]]) -> None:
        self.sentences, self.words = sentences, words
        self._tokens: dict[int, list[Token]] = {}
        self._ids: np.ndarray | None = None

    def word_ids(self) -> np.ndarray:
        """The words of all sentences, in order, as ids (equal words have equal ids)."""
        if self._ids is None:
            ids: dict[str, int] = {}
            self._ids = np.array([ids.setdefault(w, len(ids)) for words in self.words for w in words],
                                 dtype=np.int64)
        return self._ids

    def lengths(self) -> np.ndarray:
        """The number of words of each sentence."""
        return np.array([len(words) for words in self.words], dtype=np.int64)

    def counts(self) -> csr_matrix:
        """Sentence by word id: how often each word occurs in each sentence."""
        ids = self.word_ids()
        indptr = np.concatenate([[0], np.cumsum(self.lengths())])
        counts = csr_matrix((np.ones(len(ids), dtype=np.int64), ids, indptr),
                            shape=(len(self.words), int(ids.max(initial=-1)) + 1))
        counts.sum_duplicates()
        return counts

    def __getitem__(self, index: int) -> list[Token]:
        found = self._tokens.get(index)
        if found is None:
            found = self._tokens[index] = sentence_tokens(self.sentences[index])
        return found


@dataclass
class _Coverage:
    """Shared passages and covered token offsets of one article pair, while it is built."""

    passages: list[SharedPassage]
    verbatim: dict[str, set[int]]
    reworded: dict[str, set[int]]


def find_copies(
    sentences: Sequence[Sentence],
    tokens: TokenCache,
    similar: PairCosines,
    outlet_of: dict[str, str],
) -> tuple[tuple[Copy, ...], dict[str, set[int]]]:
    """Article pairs that share text, and per article the token starts it shares with other outlets.

    Args:
        sentences: the story's kept sentences.
        tokens: the words and tokens of each sentence.
        similar: TF-IDF cosines of sentence pairs (pairs left out are lower).
        outlet_of: outlet name of each article id.

    Returns:
        ``(copies, shared)``: copies most shared first; ``shared[article]`` holds the start
        offsets of its tokens found in another outlet's article.
    """
    pairs = _candidates(sentences, tokens, similar)
    coverage: dict[tuple[str, str], _Coverage] = {}
    for i, j in sorted(pairs):
        _align(sentences, tokens, (i, j), pairs[i, j], similar.get(i, j), coverage)
    counts = _word_counts(sentences, tokens.words)
    copies = [c for key, cov in coverage.items() if (c := _copy(key, cov, counts))]
    copies.sort(key=lambda c: (-c.shared, c.first, c.second))
    return tuple(copies), _shared_tokens(coverage, outlet_of)


def _candidates(
    sentences: Sequence[Sentence], tokens: TokenCache, similar: PairCosines
) -> dict[tuple[int, int], bool]:
    """Sentence pairs ``(i, j)``, ``i < j``, from two articles, worth aligning word by word.

    A pair is aligned when it is reworded (``REWORD_MIN``) or the MinHash LSH over word
    3-shingles pairs it, but only a pair sharing ``MIN_RUN`` words in a row can have a
    shared passage, so only those are checked with MinHash (the LSH bands are compared
    directly: the same pairs an LSH index would return). The value says whether the pair
    shares such a run of words.
    """
    first, second, _ = similar.at_least(REWORD_MIN)
    pairs = {(i, j): False for i, j in zip(first, second, strict=True)
             if sentences[i].article != sentences[j].article}
    sharing = _sharing_runs(sentences, tokens)
    for pair in sharing & pairs.keys():
        pairs[pair] = True
    unsure = sorted(sharing - pairs.keys())
    for pair, same in zip(unsure, _lsh_pairs(tokens.words, unsure), strict=True):
        if same:
            pairs[pair] = True
    return pairs


def _sharing_runs(sentences: Sequence[Sentence], tokens: TokenCache) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, from two articles that may share ``MIN_RUN`` equal words in a row.

    Every run of ``MIN_RUN`` words is hashed (64-bit, over word ids); pairs of sentences
    holding an equal hash are returned. A hash collision only adds a pair that the word by
    word alignment then finds nothing in.
    """
    flat = tokens.word_ids().astype(np.uint64)
    owner = np.repeat(np.arange(len(sentences)), tokens.lengths())
    count = len(flat) - MIN_RUN + 1
    if count <= 0:
        return set()
    hashes = np.zeros(count, dtype=np.uint64)
    for k in range(MIN_RUN):
        hashes = hashes * np.uint64(1_000_003) + flat[k:k + count] * np.uint64(2 * k + 1) + np.uint64(k)
    valid = owner[:count] == owner[MIN_RUN - 1:]
    hashes, holder = hashes[valid], owner[:count][valid]
    order = np.lexsort((holder, hashes))
    hashes, holder = hashes[order], holder[order]
    fresh = np.ones(len(hashes), dtype=bool)
    fresh[1:] = (hashes[1:] != hashes[:-1]) | (holder[1:] != holder[:-1])
    hashes, holder = hashes[fresh], holder[fresh]
    article = _article_numbers(sentences)
    found = []
    for gap in range(1, len(hashes)):
        same = np.flatnonzero(hashes[gap:] == hashes[:-gap])
        if not len(same):
            break
        first, second = holder[same], holder[same + gap]
        found.append((first * len(sentences) + second)[article[first] != article[second]])
    codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    return set(zip((codes // len(sentences)).tolist(), (codes % len(sentences)).tolist(), strict=True))


def _article_numbers(sentences: Sequence[Sentence]) -> np.ndarray:
    numbers: dict[str, int] = {}
    return np.array([numbers.setdefault(s.article, len(numbers)) for s in sentences], dtype=np.int64)


def _lsh_pairs(words: Sequence[list[str]], pairs: list[tuple[int, int]]) -> list[bool]:
    """For each pair, whether MinHash LSH (``LSH_THRESHOLD``, ``NUM_PERM``) makes it a candidate."""
    if not pairs:
        return []
    involved = sorted({k for pair in pairs for k in pair})
    row = {k: n for n, k in enumerate(involved)}
    hashes = MinHash.bulk([sorted(_shingles(words[k])) for k in involved], num_perm=NUM_PERM)
    values = np.stack([h.hashvalues for h in hashes])
    first = values[[row[i] for i, _ in pairs]]
    second = values[[row[j] for _, j in pairs]]
    equal = first == second
    same = np.zeros(len(pairs), dtype=bool)
    for start, end in _bands():
        same |= equal[:, start:end].all(axis=1)
    return same.tolist()


@lru_cache(maxsize=1)
def _bands() -> tuple[tuple[int, int], ...]:
    """The hash ranges of ``MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)``."""
    return tuple(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


def _shingles(words: list[str]) -> set[bytes]:
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[k:k + SHINGLE]).encode("utf-8") for k in range(len(words) - SHINGLE + 1)}


def _align(
    sentences: Sequence[Sentence],
    tokens: TokenCache,
    pair: tuple[int, int],
    may_share: bool,
    cosine: float,
    coverage: dict[tuple[str, str], _Coverage],
) -> None:
    """Record the shared runs of sentences ``i`` and ``j`` (or the pair, when reworded).

    ``may_share`` is False when the two have no ``MIN_RUN`` equal words in a row.
    """
    i, j = pair
    a, b = sentences[i], sentences[j]
    if a.article > b.article:
        a, b, i, j = b, a, j, i
    cov = coverage.setdefault((a.article, b.article), _Coverage([], defaultdict(set), defaultdict(set)))
    runs = shared_runs(tokens.words[i], tokens.words[j]) if may_share else []
    for x, y, size in runs:
        first, second = tokens[i][x:x + size], tokens[j][y:y + size]
        cov.passages.append(SharedPassage(_span(a, first), _span(b, second)))
        cov.verbatim[a.article].update(t.start for t in first)
        cov.verbatim[b.article].update(t.start for t in second)
    if not runs and cosine >= REWORD_MIN:
        cov.passages.append(SharedPassage(_whole(a), _whole(b)))
        cov.reworded[a.article].update(t.start for t in tokens[i])
        cov.reworded[b.article].update(t.start for t in tokens[j])


def shared_runs(first: Sequence[str], second: Sequence[str]) -> list[tuple[int, int, int]]:
    """``(index in first, index in second, length)`` of runs of ``MIN_RUN`` or more equal words."""
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    return [(m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size >= MIN_RUN]


def _span(sentence: Sentence, run: Sequence[Token]) -> Span:
    start, end = run[0].start, run[-1].end
    offset = start - sentence.start
    return Span(sentence.article, start, end, sentence.text[offset:offset + end - start])


def _whole(sentence: Sentence) -> Span:
    return Span(sentence.article, sentence.start, sentence.end, sentence.text)


def _word_counts(sentences: Sequence[Sentence], words: Sequence[list[str]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for sentence, sequence in zip(sentences, words, strict=True):
        counts[sentence.article] += len(sequence)
    return counts


def _copy(key: tuple[str, str], cov: _Coverage, words: dict[str, int]) -> Copy | None:
    """The ``Copy`` for one article pair, or ``None`` when it shares too little.

    A pair is a copy (``copy``, ``partial``, ``rewrite``) only when the shared words are a
    large part of both articles (``PARTIAL_MIN`` of the longer one too): a short article
    quoted whole inside a long one, or the same statement quoted by two outlets, shares
    passages, not most of the two texts.
    """
    def share(article: str, which: tuple[dict[str, set[int]], ...]) -> float:
        return len(set().union(*(w[article] for w in which))) / max(words[article], 1)

    shorter = min(key, key=lambda article: words[article])
    longer = key[1] if shorter == key[0] else key[0]
    verbatim, both = share(shorter, (cov.verbatim,)), share(shorter, (cov.verbatim, cov.reworded))
    copied_words = max(len(cov.verbatim[key[0]]), len(cov.verbatim[key[1]]))
    large = share(longer, (cov.verbatim, cov.reworded)) >= PARTIAL_MIN
    if large and verbatim >= COPY_MIN:
        kind = "copy"
    elif large and both >= PARTIAL_MIN:
        kind = "partial" if verbatim >= both - verbatim else "rewrite"
    elif copied_words >= PASSAGE_WORDS_MIN:
        kind = "passages"
    else:
        return None
    passages = sorted(cov.passages, key=lambda p: (p.first.start, p.second.start))
    return Copy(key[0], key[1], kind, round(both, 3), tuple(passages))


def _shared_tokens(coverage: dict[tuple[str, str], _Coverage], outlet_of: dict[str, str]) -> dict[str, set[int]]:
    """Per article, the token starts it shares with an article of another outlet."""
    shared: dict[str, set[int]] = defaultdict(set)
    for (a, b), cov in coverage.items():
        if outlet_of.get(a) == outlet_of.get(b):
            continue
        for article in (a, b):
            shared[article] |= cov.verbatim[article] | cov.reworded[article]
    return shared
