"""Clean: boilerplate out, kept prose in, every kept sentence with its offsets.

In: ``Article`` objects as read. Out: ``CleanArticle`` (the article, its kept sentences as
``Sentence`` spans of ``article.text``, and what was removed with the reason) and, for an
article with no prose left, a ``Skipped``. Entry points: ``clean_story`` (a story's
articles) and ``clean`` (one article); the boilerplate line patterns are ``text.line_reason``.
"""

from storyline.clean.prose import clean, clean_story, paragraph_spans

__all__ = ["clean", "clean_story", "paragraph_spans"]
