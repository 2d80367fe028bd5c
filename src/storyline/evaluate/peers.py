"""The methods storyline is compared with, all on the same cleaned sentences and budget.

Every method takes a ``Prepared`` cluster (the articles' kept sentences, from
``storyline.clean.prose``) and a word budget, and returns summary sentences in output order,
filled until they reach the budget (the evaluation then cuts them to it, see
``storyline.evaluate.rouge``). A method that prefers sentences by a score takes them in
that order and outputs them in reading order (article by article), as sumy does.

* ``lead``: the first sentence of every article, then the second of every article, ...
* ``centroid``: TF-IDF cosine of each sentence to the cluster centroid (Radev et al.).
* ``lexrank``, ``textrank``, ``lsa``: sumy's summarizers. sumy's default tokenizer needs
  NLTK data, which is not installed; ``StorylineTokenizer`` gives it storyline's own word
  tokens, and our stemmer and stop words. sumy hashes sentences by their text, so exact
  repeats are removed before it sees them.
* ``oracle``: greedy ROUGE oracle, the extractive UPPER BOUND (it reads the reference):
  adds the sentence that most raises ROUGE-1 + ROUGE-2 F1 against the reference until no
  sentence raises it or the budget is reached.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from storyline.evaluate.multinews import Cluster
from storyline.evaluate.rouge import ngrams, rouge_tokens
from storyline.evaluate.scores import prf
from storyline.model import Article, CleanArticle, Sentence
from storyline.represent.encoder import make_encoder
from storyline.text import STOP_WORDS, sentence_spans, stem, tokens

__all__ = [
    "PEERS",
    "Method",
    "Prepared",
    "StorylineTokenizer",
    "centroid",
    "fill",
    "lead",
    "oracle",
    "oracle_indices",
    "sumy_method",
]


@dataclass(frozen=True)
class Prepared:
    """A cluster ready to summarize: its kept articles and their sentences in reading order."""

    cluster: Cluster
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    kept: tuple[CleanArticle, ...]


Method = Callable[[Prepared, int], list[str]]
"""``method(prepared, words)`` -> summary sentences in output order."""


def fill(texts: Sequence[str], order: Sequence[int], words: int) -> list[int]:
    """Indices taken from ``order`` until their texts' white-space words reach ``words``.

    Example:
        >>> fill(["a b c", "d e", "f"], [1, 0, 2], 4)
        [1, 0]
    """
    taken: list[int] = []
    total = 0
    for i in order:
        if total >= words:
            break
        taken.append(int(i))
        total += len(texts[i].split())
    return taken


def lead(prepared: Prepared, words: int) -> list[str]:
    """First sentences of each article, round-robin over the articles."""
    sentences = prepared.sentences
    order = sorted(range(len(sentences)), key=lambda i: (sentences[i].index, i))
    return [sentences[i].text for i in fill([s.text for s in sentences], order, words)]


def centroid(prepared: Prepared, words: int) -> list[str]:
    """Sentences closest (TF-IDF cosine) to the mean vector of the cluster's sentences."""
    texts = [s.text for s in prepared.sentences]
    if not texts:
        return []
    vectors = make_encoder().fit_transform(texts)
    scores = vectors @ np.asarray(vectors.mean(axis=0)).ravel()
    return [texts[i] for i in sorted(fill(texts, np.argsort(-scores, kind="stable"), words))]


class StorylineTokenizer:
    """sumy's tokenizer contract (``to_words``, ``to_sentences``) on ``storyline.text``."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(tokens(text))

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:
        return tuple(text[a:b] for a, b in sentence_spans(text))


SUMY_SUMMARIZERS = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
"""sumy's summarizer classes by our method name."""


def sumy_method(name: str) -> Method:
    """The sumy summarizer ``name`` ("lexrank", "textrank" or "lsa") as a ``Method``."""
    summarizer = SUMY_SUMMARIZERS[name](stem)
    summarizer.stop_words = STOP_WORDS

    def run(prepared: Prepared, words: int) -> list[str]:
        texts = list(dict.fromkeys(s.text for s in prepared.sentences))
        if not texts:
            return []
        tokenizer = StorylineTokenizer()
        document = ObjectDocumentModel([Paragraph([SumySentence(t, tokenizer) for t in texts])])
        ranked: list[str] = []

        def keep_all(infos: list) -> list:
            ranked.extend(str(info.sentence) for info in infos)
            return infos

        summarizer(document, keep_all)
        position = {text: i for i, text in enumerate(texts)}
        chosen = [ranked[i] for i in fill(ranked, range(len(ranked)), words)]
        return sorted(chosen, key=position.__getitem__)

    run.__name__ = name
    return run


def _f1(overlap: int, produced: int, wanted: int) -> float:
    return prf(overlap, produced, wanted)[2]


class _Overlap:
    """Clipped n-gram overlap of a growing summary with the reference, for one n."""

    def __init__(self, wanted: Counter) -> None:
        self.wanted = wanted
        self.total = sum(wanted.values()) or 1
        self.have: Counter = Counter()
        self.overlap = 0
        self.produced = 0

    def gain(self, grams: Counter) -> tuple[int, int]:
        """``(overlap, produced)`` if ``grams`` were added."""
        have, wanted = self.have, self.wanted
        extra = sum(min(have[g] + c, wanted[g]) - min(have[g], wanted[g])
                    for g, c in grams.items() if g in wanted)
        return self.overlap + extra, self.produced + sum(grams.values())

    def add(self, grams: Counter) -> None:
        self.overlap, self.produced = self.gain(grams)
        self.have.update(grams)


def oracle_indices(texts: Sequence[str], reference: str, words: int) -> list[int]:
    """Greedy ROUGE-1 + ROUGE-2 F1 oracle: indices of ``texts`` in the order chosen.

    Stops when no sentence raises the score or the chosen sentences reach ``words``
    white-space words.
    """
    ref = rouge_tokens(reference)
    counts = [_Overlap(ngrams(ref, 1)), _Overlap(ngrams(ref, 2))]
    grams = [(ngrams(t, 1), ngrams(t, 2)) for t in map(rouge_tokens, texts)]
    chosen: list[int] = []
    best_score, total = 0.0, 0
    while total < words:
        best = None
        for i, pair in enumerate(grams):
            if i in chosen or not pair[0]:
                continue
            value = sum(_f1(*c.gain(g), c.total) for c, g in zip(counts, pair))
            if value > best_score:
                best_score, best = value, i
        if best is None:
            break
        chosen.append(best)
        for c, g in zip(counts, grams[best]):
            c.add(g)
        total += len(texts[best].split())
    return chosen


def oracle(prepared: Prepared, words: int) -> list[str]:
    """The greedy ROUGE oracle's sentences in reading order (an upper bound, not a method)."""
    texts = [s.text for s in prepared.sentences]
    chosen = oracle_indices(texts, prepared.cluster.reference, words)
    return [texts[i] for i in sorted(chosen)]


PEERS: dict[str, Method] = {
    "lead": lead,
    "centroid": centroid,
    "lexrank": sumy_method("lexrank"),
    "textrank": sumy_method("textrank"),
    "lsa": sumy_method("lsa"),
    "oracle": oracle,
}
"""Peer methods by name; ``oracle`` is the upper bound (it reads the reference)."""
