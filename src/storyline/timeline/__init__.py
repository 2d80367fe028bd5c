"""Timeline: date expressions resolved, the story's most important days, cited sentences.

In: a story's articles (or its clean sentences and vectors). Out: ``Timeline`` with dated
``TimelineEntry`` objects. Entry point: ``timeline`` (``build_timeline`` inside a digest);
``dates`` resolves "on Friday", "Sept. 9" and the like against the publication date.
"""

from storyline.timeline.build import build_timeline, timeline

__all__ = ["build_timeline", "timeline"]
