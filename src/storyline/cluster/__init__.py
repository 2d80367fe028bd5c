"""Cluster: articles -> stories -> storylines, in one batch or online as a stream arrives.

In: ``Article`` objects. Out: ``Story`` and ``Storyline`` objects (ids of their articles).
Entry points: ``cluster_stories`` (batch) and ``StoryTracker`` (online: ``add`` one batch
after another, state saved and restored as JSON). ``index`` keeps story centroids for the
tracker's nearest-story search.
"""

from storyline.cluster.batch import cluster_stories
from storyline.cluster.tracker import StoryTracker

__all__ = ["StoryTracker", "cluster_stories"]
