"""Summary: the story's headline and its extractive, cited summary.

In: a story's clean sentences with their vectors. Out: ``SummarySentence`` objects, each
a kept sentence cited to every article that reports the same fact, and the headline.
Entry points: ``summarize`` and ``choose_headline``. ``scorer`` is the learned sentence
scorer (weights in ``weights.json``, retrained by ``benchmarks/train_summary_scorer.py``).
"""

from storyline.summary.headline import choose_headline, clean_title
from storyline.summary.summarize import summarize

__all__ = ["choose_headline", "clean_title", "summarize"]
