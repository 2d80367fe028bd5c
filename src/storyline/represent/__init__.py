"""Represent: vectors for sentences, titles and articles, and the story document built on them.

In: texts (clean sentences, titles) or ``Article`` objects. Out: sparse row vectors whose
dot products are cosine similarities, and ``StoryDocument`` - one story cleaned and
encoded once, which every analysis reads. ``encoder`` holds the ``Encoder`` contract and
``make_encoder``; ``document`` the story document (entry point ``build_document``);
``facts`` which sentences report the same fact (citations as spans); ``dates`` the days
each sentence names ("on Friday", "Sept. 9" resolved against the publication date, with
``words`` its patterns); ``headline`` the one headline picker; ``articles`` the event
vectors the clustering compares.
"""

from storyline.represent.document import StoryDocument, build_document, document_of
from storyline.represent.encoder import Encoder, TfidfEncoder, make_encoder

__all__ = ["Encoder", "StoryDocument", "TfidfEncoder", "build_document", "document_of", "make_encoder"]
