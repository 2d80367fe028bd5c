"""storyline: turn news coverage from many outlets into cited story digests.

Example:
    >>> import storyline
    >>> a = storyline.Article(id="a", title="Dam inspected", text="Engineers inspected the dam and its spillway on Monday.")
    >>> storyline.digest([a]).to_dict()["summary"][0]["text"]
    'Engineers inspected the dam and its spillway on Monday.'
"""

from storyline.cluster.batch import cluster_stories as cluster
from storyline.compare.comparison import compare
from storyline.digest import digest
from storyline.entities.extract import entities
from storyline.ingest import read
from storyline.model import Article, Comparison, Digest, Timeline
from storyline.quotes.extract import quotes
from storyline.timeline.build import timeline

__all__ = ["Article", "Comparison", "Digest", "Timeline", "__version__", "cluster", "compare", "digest", "entities", "quotes", "read", "timeline"]

__version__ = "0.1.0"
