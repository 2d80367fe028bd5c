"""Plain-text output of ``storyline entities`` and ``storyline quotes`` (their JSON is
``EntityList.to_dict()`` and ``QuoteList.to_dict()``)."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.ingest.names import clean_display
from storyline.model import Entity, Quote
from storyline.render.view import speaker_groups

__all__ = ["entities_text", "quotes_text"]

MAX_ALIASES = 6


def entities_text(entities: Sequence[Entity]) -> str:
    """One line per entity: salience, type, name, mention and article counts, aliases."""
    lines = []
    for e in entities:
        articles = len({m.article for m in e.mentions})
        line = f"{e.salience:5.3f}  {e.type:<8} {clean_display(e.name)}  ({len(e.mentions)} mentions, {articles} articles)"
        if e.aliases:
            line += "  aka " + ", ".join(clean_display(a) for a in e.aliases[:MAX_ALIASES])
        lines.append(line)
    return "\n".join(lines) + "\n" if lines else "no entities found\n"


def quotes_text(quotes: Sequence[Quote]) -> str:
    """Quotes grouped by speaker: the speaker, then one line per quote with its cue (and
    who was told) and source; only direct quotes stand in quotation marks."""
    blocks = []
    for group in speaker_groups(quotes):
        lines = [group.speaker]
        for q in group.quotes:
            said = f'"{q.text}"' if q.direct else q.text
            cue = f"{q.cue} {q.addressee}" if q.addressee else q.cue
            lines.append(f"  - {said} ({cue}; {q.article})")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else "no quotes found\n"
