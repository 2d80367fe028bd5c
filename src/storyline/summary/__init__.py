"""Summary: the story's extractive, cited summary.

In: a ``StoryDocument`` (``storyline.represent.document``). Out: ``SummarySentence``
objects, each a kept sentence cited to every article that reports the same fact, with the
span of each citing sentence. Entry point: ``summarize``. ``scorer`` is the learned
sentence scorer (weights in ``weights.json``, retrained by
``benchmarks/train_summary_scorer.py``); ``words`` holds its patterns; ``units`` makes the
candidates (a quotation over several sentences is one); ``standalone`` says whether a
summary sentence stands on its own (``leaning_sentences``, the readability check).
"""

from storyline.summary.summarize import summarize

__all__ = ["summarize"]
