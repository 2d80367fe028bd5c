"""Timeline: the story's most important days and a cited sentence or more for each.

In: a story's articles, or the ``StoryDocument`` a digest has built (its sentences, vectors
and the days each sentence names, resolved by ``represent.dates``). Out: ``Timeline`` with
dated ``TimelineEntry`` objects. Entry point: ``timeline`` (``build_timeline`` inside a
digest); ``words`` holds the patterns of sentences that cannot report an event.
"""

from storyline.timeline.build import build_timeline, timeline

__all__ = ["build_timeline", "timeline"]
