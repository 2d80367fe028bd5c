"""Entities: people, organisations, places and facilities, with mentions and canonical names.

In: clean articles. Out: ``Entity`` objects, each with typed ``Mention`` spans. Entry
point: ``entities`` (``extract_entities`` on clean articles). ``mentions`` finds
candidate names, ``cues`` weighs the context words, ``words`` holds the word lists.
"""

from storyline.entities.extract import entities, extract_entities

__all__ = ["entities", "extract_entities"]
