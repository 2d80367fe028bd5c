"""Quotes: who said what, direct and reported speech with speakers.

In: clean articles and the story's entities. Out: ``Quote`` objects with speaker, cue and
content spans. Entry point: ``quotes`` (``extract_quotes`` on clean articles).
``attribution`` finds direct quotes, ``reported`` reported speech, ``speakers`` resolves
who is speaking, ``words`` holds the cue verbs and patterns.
"""

from storyline.quotes.extract import extract_quotes, quotes

__all__ = ["extract_quotes", "quotes"]
