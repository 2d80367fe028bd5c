"""Compare: how the outlets of one story agree, differ and copy each other.

In: a story's clean sentences with their vectors. Out: ``Comparison`` (outlets,
corroborated and single-source facts, conflicts, copies). Entry point: ``compare``
(``build_comparison`` inside a digest). ``facts`` aligns sentences reporting the same
fact, ``copies`` finds near-copies, ``conflicts`` differing values, ``quantities`` reads
numbers, ``words`` holds the patterns, ``budget`` chooses the sentences of a large story compared.
"""

from storyline.compare.comparison import build_comparison, compare

__all__ = ["build_comparison", "compare"]
