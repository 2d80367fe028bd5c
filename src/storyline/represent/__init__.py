"""Represent: vectors for sentences, titles and articles.

In: texts (clean sentences, titles) or ``Article`` objects. Out: sparse row vectors whose
dot products are cosine similarities. ``encoder`` holds the ``Encoder`` contract and the
default ``TfidfEncoder``; ``articles`` the event vectors the clustering compares
(body, title and named terms weighted by document frequencies).
"""

from storyline.represent.encoder import Encoder, TfidfEncoder

__all__ = ["Encoder", "TfidfEncoder"]
