"""storyline: turn news coverage from many outlets into cited story digests.

Example:
    >>> import storyline
    >>> a = storyline.Article(id="a", title="Dam inspected", text="Engineers inspected the dam and its spillway on Monday.")
    >>> storyline.digest([a]).to_dict()["summary"][0]["text"]
    'Engineers inspected the dam and its spillway on Monday.'

Every analysis (``digest``, ``timeline``, ``entities``, ``quotes``, ``compare``, ``cluster``)
returns one result object that lists the articles it skipped, with the reason, under
``skipped`` (``Digest``, ``Timeline``, ``EntityList``, ``QuoteList``, ``StoryComparison``,
``Clustering``); all but ``Digest`` also carry ``notes``, and ``to_dict()`` gives the JSON
the matching command prints.
"""

from storyline.cluster.batch import cluster_stories as cluster
from storyline.compare.comparison import compare
from storyline.digest import digest
from storyline.entities.extract import entities
from storyline.ingest import read
from storyline.model import (
    Article,
    Clustering,
    Comparison,
    Digest,
    EntityList,
    QuoteList,
    StoryComparison,
    Timeline,
)
from storyline.quotes.extract import quotes
from storyline.timeline.build import timeline

__all__ = [
    "Article", "Clustering", "Comparison", "Digest", "EntityList", "QuoteList", "StoryComparison",
    "Timeline", "__version__", "cluster", "compare", "digest", "entities", "quotes", "read", "timeline",
]

__version__ = "0.1.0"
