"""The Markdown view of a digest (CommonMark, with one raw ``<a id>`` anchor per source).

Article-derived text is backslash-escaped wherever a character would start emphasis,
code, a link, raw HTML, an entity, a table cell, strikethrough, a heading or a list, so
the rendered page shows the text exactly as the article wrote it.
"""

from __future__ import annotations

import re

from storyline.model import Digest
from storyline.render.view import (
    CitedSentence,
    DigestView,
    FactEntry,
    SourceEntry,
    SourcesSection,
    build_view,
)

__all__ = ["escape_markdown", "to_markdown"]

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
_BLOCK_START = re.compile(r"^([-+=])")
_ORDERED_START = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    r"""Return ``text`` with Markdown-special characters backslash-escaped.

    Example:
        >>> escape_markdown("*stars* and [links] and 1. items")
        '\\*stars\\* and \\[links\\] and 1. items'
        >>> escape_markdown("1. first")
        '1\\. first'
    """
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _BLOCK_START.sub(r"\\\1", text)
    return _ORDERED_START.sub(r"\1\\\2", text)


def to_markdown(digest: Digest) -> str:
    """Render ``digest`` as a Markdown document ending in a newline."""
    view = build_view(digest)
    blocks = [f"# {escape_markdown(view.headline)}", f"*{view.meta}*"]
    blocks += [_paragraph(paragraph) for paragraph in view.paragraphs]
    if view.timeline:
        blocks.append(_timeline(view))
    if view.entities:
        blocks.append(_entities(view))
    if view.speakers:
        blocks.append(_speakers(view))
    if view.comparison:
        blocks.append(_comparison(view.comparison))
    blocks.append(_sources(view))
    if view.skipped:
        blocks.append(_skipped(view))
    return "\n\n".join(blocks) + "\n"


def _paragraph(sentences: tuple[CitedSentence, ...]) -> str:
    return " ".join(_sentence(s) for s in sentences)


def _sentence(sentence: CitedSentence) -> str:
    links = "".join(f"\\[[{n}](#source-{n})\\]" for n in sentence.numbers)
    text = escape_markdown(sentence.text)
    return f"{text} {links}" if links else text


def _timeline(view: DigestView) -> str:
    lines = ["## Timeline", ""]
    lines += [f"- **{day.date}**: {_paragraph(day.sentences)}" for day in view.timeline]
    if view.timeline_note:
        lines += ["", f"*{escape_markdown(view.timeline_note)}*"]
    return "\n".join(lines)


def _entities(view: DigestView) -> str:
    lines = ["## Who is involved", ""]
    for entry in view.entities:
        also = f"; also {escape_markdown(', '.join(entry.aliases))}" if entry.aliases else ""
        lines.append(f"- **{escape_markdown(entry.name)}** ({entry.type.lower()}{also})")
    return "\n".join(lines)


def _speakers(view: DigestView) -> str:
    lines = ["## Who said what", ""]
    for group in view.speakers:
        lines.append(f"- **{escape_markdown(group.speaker)}**")
        for quote in group.quotes:
            text = escape_markdown(quote.text)
            text = f"\u201c{text}\u201d" if quote.direct else text
            link = "".join(f" \\[[{n}](#source-{n})\\]" for n in quote.numbers)
            lines.append(f"  - {text}{link}")
    return "\n".join(lines)


def _sources(view: DigestView) -> str:
    lines = ["## Sources", ""]
    lines += [_source(entry) for entry in view.sources]
    return "\n".join(lines)


def _source(entry: SourceEntry) -> str:
    line = f'{entry.number}. <a id="source-{entry.number}"></a>{escape_markdown(entry.byline)}'
    if entry.link:
        safe = entry.link.replace("<", "%3C").replace(">", "%3E")
        return f"{line} (<{safe}>)"
    if entry.location:
        return f"{line} ({escape_markdown(entry.location)})"
    return line


def _skipped(view: DigestView) -> str:
    lines = ["## Skipped inputs", ""]
    lines += [f"- {escape_markdown(entry.line)}" for entry in view.skipped]
    return "\n".join(lines)


def _comparison(section: SourcesSection) -> str:
    """The coverage table and the lists of the source comparison."""
    lines = ["## How the outlets compare", "",
             "| Outlet | Articles | Words | Unique facts | Shared |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {escape_markdown(r.name)} | {r.articles} | {r.words} | {r.unique} | {r.shared} |"
              for r in section.outlets]
    lines += _facts(f"Corroborated ({section.corroborated_total})", section.corroborated)
    lines += _facts(f"Only one outlet ({section.single_total})", section.single_source)
    if section.conflicts:
        lines += ["", f"### Conflicts ({len(section.conflicts)})", ""]
        lines += [f"- {c.kind} ({escape_markdown(c.about)}): {escape_markdown(c.line)}" for c in section.conflicts]
    if section.copies:
        lines += ["", f"### Shared text ({len(section.copies)})", ""]
        for copy in section.copies:
            quoted = "; ".join(f"\u201c{escape_markdown(p)}\u201d" for p in copy.passages)
            lines.append(f"- \\[{copy.numbers[0]}\\] and \\[{copy.numbers[1]}\\]: {copy.kind}, "
                         f"{copy.shared} shared" + (f" - {quoted}" if quoted else ""))
    return "\n".join(lines)


def _facts(heading: str, facts: tuple[FactEntry, ...]) -> list[str]:
    if not facts:
        return []
    lines = ["", f"### {heading}", ""]
    for fact in facts:
        links = "".join(f"\\[[{n}](#source-{n})\\]" for n in fact.numbers)
        lines.append(f"- {escape_markdown(fact.text)} {links} ({escape_markdown(', '.join(fact.outlets))})")
    return lines
