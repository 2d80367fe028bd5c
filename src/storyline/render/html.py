"""The HTML view of a digest: one standalone HTML5 page from ``templates/digest.html.j2``.

The page has inline CSS only (no script, no external asset). Autoescaping is on and the
template never marks article text safe, so an article containing ``<script>`` shows as
text. Only http(s) URLs become links.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from storyline.model import Digest
from storyline.render.view import build_view

__all__ = ["TEMPLATE", "to_html"]

TEMPLATE = "digest.html.j2"


def to_html(digest: Digest) -> str:
    """Render ``digest`` as a complete HTML5 page (a string ending in a newline)."""
    return _template().render(view=build_view(digest))


@lru_cache(maxsize=1)
def _template() -> Template:
    environment = Environment(
        loader=PackageLoader("storyline", "render/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template(TEMPLATE)
