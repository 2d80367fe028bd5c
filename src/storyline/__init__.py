"""storyline: turn news coverage from many outlets into cited story digests.

Example:
    >>> import storyline
    >>> a = storyline.Article(id="a", title="Dam inspected", text="Engineers inspected the dam and its spillway on Monday.")
    >>> storyline.digest([a]).to_dict()["summary"][0]["text"]
    'Engineers inspected the dam and its spillway on Monday.'
"""

from storyline.digest import digest
from storyline.ingest import read
from storyline.model import Article, Digest

__all__ = ["Article", "Digest", "__version__", "digest", "read"]

__version__ = "0.1.0"
