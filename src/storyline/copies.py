"""Copies: article pairs sharing text (syndication, wire copy, partial copies, spun rewrites).

Input: a story's kept sentences, their TF-IDF similarity pairs (``facts.SentencePairs``)
and the outlet of each article; output: ``Copy`` records with the shared passages as
spans in both articles, and per article the share of its prose shared with other outlets.

Steps:

1. candidates: sentence pairs from two articles that are near-exact copies - found with
   MinHash LSH (datasketch) over word 3-shingles, so the cost grows with the number of
   sentences, not its square - or that are close in TF-IDF (``REWORD_MIN``);
2. passages: each candidate pair is aligned word by word (``difflib``); runs of at least
   ``MIN_RUN`` identical words are shared passages, and pairs with no such run but TF-IDF
   at or above ``REWORD_MIN`` are reworded sentences (spun rewrites);
3. pairs of articles: the words covered by passages decide whether the pair is reported,
   and as which kind (see ``model.Copy``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from datasketch import MinHash, MinHashLSH

from storyline.compare_words import TOKEN
from storyline.model import Copy, Sentence, SharedPassage, Span

__all__ = ["MIN_RUN", "REWORD_MIN", "Token", "find_copies", "sentence_tokens"]

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
"""Share of the shorter article shared that makes a ``partial`` copy or a ``rewrite``."""
PASSAGE_WORDS_MIN = 25
"""Words copied word for word that make a ``passages`` pair when the share is small."""


@dataclass(frozen=True)
class Token:
    """One word (or number) of a sentence: lower-cased ``text`` at ``start:end`` of the article."""

    text: str
    start: int
    end: int


def sentence_tokens(sentence: Sentence) -> list[Token]:
    """The words and numbers of ``sentence`` with offsets into its article's text."""
    return [
        Token(m.group().lower(), sentence.start + m.start(), sentence.start + m.end())
        for m in TOKEN.finditer(sentence.text)
    ]


@dataclass
class _Coverage:
    """Shared passages and covered token offsets of one article pair, while it is built."""

    passages: list[SharedPassage]
    verbatim: dict[str, set[int]]
    reworded: dict[str, set[int]]


def find_copies(
    sentences: Sequence[Sentence],
    tokens: Sequence[list[Token]],
    similar: dict[tuple[int, int], float],
    outlet_of: dict[str, str],
) -> tuple[tuple[Copy, ...], dict[str, set[int]]]:
    """Article pairs that share text, and per article the token starts it shares with other outlets.

    Args:
        sentences: the story's kept sentences.
        tokens: ``sentence_tokens`` of each sentence.
        similar: TF-IDF cosine of sentence pairs ``(i, j)``, ``i < j`` (pairs left out are lower).
        outlet_of: outlet name of each article id.

    Returns:
        ``(copies, shared)``: copies most shared first; ``shared[article]`` holds the start
        offsets of its tokens found in another outlet's article.
    """
    pairs = _candidates(sentences, tokens, similar)
    coverage: dict[tuple[str, str], _Coverage] = {}
    for i, j in sorted(pairs):
        _align(sentences, tokens, i, j, similar.get((i, j), 0.0), coverage)
    words = _word_counts(sentences, tokens)
    copies = [c for key, cov in coverage.items() if (c := _copy(key, cov, words))]
    copies.sort(key=lambda c: (-c.shared, c.first, c.second))
    return tuple(copies), _shared_tokens(coverage, outlet_of)


def _candidates(
    sentences: Sequence[Sentence], tokens: Sequence[list[Token]], similar: dict[tuple[int, int], float]
) -> set[tuple[int, int]]:
    """Sentence pairs ``(i, j)``, ``i < j``, from two articles, worth aligning word by word."""
    pairs = {(i, j) for (i, j), cosine in similar.items()
             if cosine >= REWORD_MIN and sentences[i].article != sentences[j].article}
    shingles = [_shingles([t.text for t in words]) for words in tokens]
    usable = [k for k, s in enumerate(shingles) if s]
    hashes = MinHash.bulk([sorted(shingles[k]) for k in usable], num_perm=NUM_PERM)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for k, minhash in zip(usable, hashes, strict=True):
        for other in lsh.query(minhash):
            if sentences[other].article != sentences[k].article:
                pairs.add((min(other, k), max(other, k)))
        lsh.insert(k, minhash)
    return pairs


def _shingles(words: list[str]) -> set[bytes]:
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[k:k + SHINGLE]).encode("utf-8") for k in range(len(words) - SHINGLE + 1)}


def _align(
    sentences: Sequence[Sentence],
    tokens: Sequence[list[Token]],
    i: int,
    j: int,
    cosine: float,
    coverage: dict[tuple[str, str], _Coverage],
) -> None:
    """Record the shared runs of sentences ``i`` and ``j`` (or the pair, when reworded)."""
    a, b = sentences[i], sentences[j]
    if a.article > b.article:
        a, b, i, j = b, a, j, i
    cov = coverage.setdefault((a.article, b.article), _Coverage([], defaultdict(set), defaultdict(set)))
    runs = shared_runs(tokens[i], tokens[j])
    for x, y, size in runs:
        first, second = tokens[i][x:x + size], tokens[j][y:y + size]
        cov.passages.append(SharedPassage(_span(a, first), _span(b, second)))
        cov.verbatim[a.article].update(t.start for t in first)
        cov.verbatim[b.article].update(t.start for t in second)
    if not runs and cosine >= REWORD_MIN:
        cov.passages.append(SharedPassage(_whole(a), _whole(b)))
        cov.reworded[a.article].update(t.start for t in tokens[i])
        cov.reworded[b.article].update(t.start for t in tokens[j])


def shared_runs(first: Sequence[Token], second: Sequence[Token]) -> list[tuple[int, int, int]]:
    """``(index in first, index in second, length)`` of runs of ``MIN_RUN`` or more equal words."""
    matcher = SequenceMatcher(None, [t.text for t in first], [t.text for t in second], autojunk=False)
    return [(m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size >= MIN_RUN]


def _span(sentence: Sentence, run: Sequence[Token]) -> Span:
    start, end = run[0].start, run[-1].end
    offset = start - sentence.start
    return Span(sentence.article, start, end, sentence.text[offset:offset + end - start])


def _whole(sentence: Sentence) -> Span:
    return Span(sentence.article, sentence.start, sentence.end, sentence.text)


def _word_counts(sentences: Sequence[Sentence], tokens: Sequence[list[Token]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for sentence, words in zip(sentences, tokens, strict=True):
        counts[sentence.article] += len(words)
    return counts


def _copy(key: tuple[str, str], cov: _Coverage, words: dict[str, int]) -> Copy | None:
    """The ``Copy`` for one article pair, or ``None`` when it shares too little."""
    def share(article: str, which: dict[str, set[int]]) -> float:
        return len(which[article]) / max(words[article], 1)

    shorter = min(key, key=lambda article: words[article])
    verbatim = share(shorter, cov.verbatim)
    both = len(cov.verbatim[shorter] | cov.reworded[shorter]) / max(words[shorter], 1)
    copied_words = max(len(cov.verbatim[key[0]]), len(cov.verbatim[key[1]]))
    if verbatim >= COPY_MIN:
        kind = "copy"
    elif both >= PARTIAL_MIN:
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
