"""Summary: the story's extractive, cited summary.

In: a ``StoryDocument`` (``storyline.represent.document``). Out: ``SummarySentence``
objects, each a kept sentence cited to every article that reports the same fact, with the
span of each citing sentence. Entry point: ``summarize``. ``scorer`` is the learned
sentence scorer (weights in ``weights.json``, retrained by
``benchmarks/train_summary_scorer.py``); ``words`` holds its patterns.
"""

from storyline.summary.summarize import summarize

__all__ = ["summarize"]
