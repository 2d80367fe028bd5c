"""Cluster: articles -> stories -> storylines, in one batch or online as a stream arrives.

In: ``Article`` objects. Out: ``Story`` and ``Storyline`` objects (ids of their articles).
Entry points: ``StoryClusterer`` (batch: ``fit(articles)``, then ``stories_`` and
``storylines_``; ``cluster_stories`` in one call) and ``StoryTracker`` (online:
``partial_fit`` or ``add`` one batch after another, state saved and restored as JSON). Both
take the keyword parameters of ``storyline.config.ClusterConfig`` and store them as given.

Modules, bottom up: ``result`` (the result type, ids, day numbers), ``params`` (the shared
keyword parameters), ``similarity`` (time-discounted average linkage, story splitting),
``headline``, ``groups`` (the tracker's groups and their JSON form), ``index`` (nearest
centroid search); ``batch`` and ``tracker`` build on them and not on each other.
"""

from storyline.cluster.batch import StoryClusterer, cluster_stories
from storyline.cluster.tracker import StoryTracker

__all__ = ["StoryClusterer", "StoryTracker", "cluster_stories"]
