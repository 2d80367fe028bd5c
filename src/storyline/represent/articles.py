"""Article vectors that tell events apart: content stems plus names and numbers.

An article becomes one sparse row with two blocks: the content-word stems of its title and
text (``text.analyze``), and its *name terms* - capitalised words that do not start a
sentence ("Lohan", "Sichuan", "BP") and years or decimals ("2008", "6.1"). Two reports of
one event share names and numbers; two earthquakes in the same week share only topic words.

Terms are hashed into a fixed number of columns (the hashing trick of scikit-learn's
``HashingVectorizer``, done here with CRC-32 and a cache because that class costs about a
millisecond per call, too much for one article at a time), so no vocabulary has to be
fitted and a stream can be encoded one article at a time. The IDF weights come from a document
frequency table that the caller keeps: fitted on the whole corpus in batch mode, or counted
as articles arrive in online mode (``DocumentFrequencies``). ``weigh`` applies the IDF,
normalises each block to unit length and scales the blocks so that the dot product of two
weighted rows is ``(1 - w) * cos(content) + w * cos(names)`` with ``w = name_weight``.

Name detection is a capitalisation rule written here on purpose: it needs no model and no
download, and the exact entity type does not matter for clustering.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_matrix

from storyline.model import Article
from storyline.text import STOP_WORDS, analyze

__all__ = [
    "CALENDAR_WORDS",
    "MAX_CHARS",
    "N_FEATURES",
    "DocumentFrequencies",
    "article_text",
    "encode",
    "encode_article",
    "name_terms",
    "weigh",
]

N_FEATURES = 2**18
"""Hash buckets per block (content, names): collisions are rare below ~100k terms."""

MAX_CHARS = 4000
"""Only an article's first characters are compared: the lead tells the event, and long
features and live blogs would otherwise cost time and blur the centroid."""

CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec today yesterday tomorrow".split()
)
"""Capitalised words that name dates rather than the people and places of an event."""

_TOKEN = re.compile(r"(?<!\w)[A-Z0-9]\w*(?:['’.,&-]\w+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DECIMAL = re.compile(r"(?<![\d.])(\d+) ([.,]) (\d+)(?![\d.])")


def article_text(article: Article, max_chars: int = MAX_CHARS) -> str:
    """What an article is compared by: its title (unless its text starts with it) and lead."""
    text = article.text[:max_chars]
    if article.title and article.title.strip() not in text[:500]:
        return f"{article.title}\n{text}"
    return text


def encode_article(article: Article) -> csr_matrix:
    """The raw term row (see ``encode``) of what ``article`` is compared by (``article_text``)."""
    return encode([article_text(article)])


def name_terms(text: str) -> list[str]:
    """Name and number terms of ``text``: ``@`` + a capitalised non-initial word, ``#`` + a number.

    Example:
        >>> name_terms("Police said Lindsay Lohan left. She went to Malibu in 2013.")
        ['@lindsay', '@lohan', '@malibu', '#2013']
    """
    terms: list[str] = []
    text = _DECIMAL.sub(r"\1\2\3", text)
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word[0].isdigit():
            if _NUMBER.fullmatch(word):
                terms.append("#" + word)
        elif len(word) > 1 and not _starts_sentence(text, match.start()):
            lower = word.lower()
            if lower not in STOP_WORDS and lower not in CALENDAR_WORDS:
                terms.append("@" + lower)
    return terms


def _starts_sentence(text: str, start: int) -> bool:
    """True when only opening quotes or brackets stand between ``start`` and a sentence end."""
    before = text[max(0, start - 4):start].rstrip(_OPENERS)
    return not before or before[-1] in _ENDERS


_OPENERS = " \t\"'“‘([-"
_ENDERS = ".!?:;\n\r"


def encode(texts: Sequence[str]) -> csr_matrix:
    """Raw term rows (``1 + log(tf)``), each block scaled to unit length; 2 * N_FEATURES columns.

    The rows carry no IDF yet: ``weigh`` applies it, so centroids can be sums of these rows
    and re-weighted whenever the document frequencies change.
    """
    indptr, indices, values = [0], [], []
    for text in texts:
        for terms, offset in ((analyze(text), 0), (name_terms(text), N_FEATURES)):
            counts = Counter(terms)
            weights = 1.0 + np.log(np.fromiter(counts.values(), float, len(counts)))
            if len(counts):
                weights /= np.sqrt(np.sum(weights**2))
            indices.extend(_column(term) + offset for term in counts)
            values.extend(weights.tolist())
        indptr.append(len(indices))
    matrix = csr_matrix((np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                         np.asarray(indptr)), shape=(len(texts), 2 * N_FEATURES))
    matrix.sum_duplicates()
    return matrix


@lru_cache(maxsize=500_000)
def _column(term: str) -> int:
    """The hash bucket of ``term``: CRC-32 of its UTF-8 bytes, stable across runs and machines."""
    return zlib.crc32(term.encode("utf-8", "surrogatepass")) % N_FEATURES


class DocumentFrequencies:
    """How many documents hold each hashed term; gives smoothed IDF weights.

    ``add(rows)`` counts the nonzero columns of ``rows`` (one document per row);
    ``idf()`` returns ``log((1 + n) / (1 + df)) + 1`` for every column, as scikit-learn's
    smooth IDF does.
    """

    def __init__(self) -> None:
        self.n_documents = 0
        self.counts = np.zeros(2 * N_FEATURES, dtype=np.int64)

    def add(self, rows: csr_matrix) -> None:
        """Count the documents in ``rows`` (2 * N_FEATURES columns)."""
        self.n_documents += rows.shape[0]
        np.add.at(self.counts, rows.indices, 1)

    def idf(self) -> np.ndarray:
        """Smoothed IDF weight of each column."""
        return self.idf_at(slice(None))

    def idf_at(self, columns: np.ndarray | slice) -> np.ndarray:
        """Smoothed IDF weights of ``columns`` only (cheaper than ``idf`` on a stream)."""
        return np.log((1.0 + self.n_documents) / (1.0 + self.counts[columns])) + 1.0

    def to_state(self) -> dict[str, object]:
        """Plain JSON-able data: the document count and the nonzero counts by column."""
        nonzero = np.flatnonzero(self.counts)
        return {"n": self.n_documents, "columns": nonzero.tolist(),
                "counts": self.counts[nonzero].tolist()}

    @classmethod
    def from_state(cls, state: dict[str, object]) -> DocumentFrequencies:
        """Rebuild the table saved by ``to_state``."""
        table = cls()
        table.n_documents = int(state["n"])  # type: ignore[arg-type]
        table.counts[np.asarray(state["columns"], dtype=np.int64)] = state["counts"]
        return table


def weigh(
    rows: csr_matrix, idf: np.ndarray | DocumentFrequencies | None, name_weight: float
) -> csr_matrix:
    """IDF-weighted rows, each block at unit length, blocks scaled by their weight.

    Args:
        rows: raw rows from ``encode`` (or sums of them).
        idf: one weight per column (``DocumentFrequencies.idf()``), or the table itself,
            or ``None`` when ``rows`` carry their weights already.
        name_weight: share of the similarity that comes from names and numbers (0..1).

    Returns:
        Rows whose dot products are the weighted cosine similarities.
    """
    if idf is None:
        factor = 1.0
    elif isinstance(idf, DocumentFrequencies):
        factor = idf.idf_at(rows.indices)
    else:
        factor = idf[rows.indices]
    weighted = csr_matrix((rows.data * factor, rows.indices, rows.indptr),
                          shape=rows.shape)
    in_names = weighted.indices >= N_FEATURES
    squares = weighted.data**2
    row_of = np.repeat(np.arange(rows.shape[0]), np.diff(weighted.indptr))
    content = np.bincount(row_of, squares * ~in_names, minlength=rows.shape[0])
    names = np.bincount(row_of, squares * in_names, minlength=rows.shape[0])
    scale_content = np.sqrt(1.0 - name_weight) / np.sqrt(np.where(content > 0, content, 1.0))
    scale_names = np.sqrt(name_weight) / np.sqrt(np.where(names > 0, names, 1.0))
    weighted.data *= np.where(in_names, scale_names[row_of], scale_content[row_of])
    return weighted
