"""The web app: browse stories, read digests, follow every citation (``storyline serve``).

``create_app(db_url, allow_ingest=False)`` builds the FastAPI app; ``app`` has the
factory and middleware, ``api`` the JSON routes under ``/api/``, ``pages`` the HTML
pages, ``citations``/``chart``/``article_view`` their display data, ``data`` the pages of
the story list. The store is read only through its public interface (``storyline.store``).
"""

from __future__ import annotations

from storyline.web.app import create_app

__all__ = ["create_app"]
