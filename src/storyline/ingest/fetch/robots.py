"""robots.txt, read once per host and kept for an hour (``urllib.robotparser`` reads the rules).

As RFC 9309 says: a robots.txt that is missing (any 4xx answer) allows everything; one
that cannot be had (a 5xx answer, no answer) disallows everything on the host until it
can (asked again after ``RETRY_S``). Rules are read for the product token of the
User-Agent (``storyline``), else for ``*``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

__all__ = ["KEEP_S", "RETRY_S", "Robots"]

KEEP_S = 3600.0
"""Seconds a host's robots.txt is kept before it is read again."""
RETRY_S = 300.0
"""Seconds before a robots.txt that could not be had is asked for again."""


@dataclass
class _Rules:
    parser: RobotFileParser | None  # None: the robots.txt could not be had
    until: float
    problem: str = ""


class Robots:
    """The robots.txt rules of every host asked about.

    Args:
        fetch_text: ``robots_url -> (status, text)``; raises ``OSError`` when no answer came.
        user_agent: the full User-Agent; its first word names the rules to follow.
        clock: the time in seconds (monotonic).
    """

    def __init__(
        self, fetch_text: Callable[[str], tuple[int, str]], user_agent: str, *,
        clock: Callable[[], float],
    ) -> None:
        self.fetch_text, self.clock = fetch_text, clock
        self.agent = user_agent.split("/")[0].split()[0]
        self._hosts: dict[str, _Rules] = {}

    def check(self, url: str) -> tuple[str, str] | None:
        """``None`` when ``url`` may be fetched, else ``(skip code, detail)``."""
        rules = self._rules(url)
        if rules.parser is None:
            return "robots_unavailable", rules.problem
        if not rules.parser.can_fetch(self.agent, url):
            return "robots_disallowed", ""
        return None

    def crawl_delay(self, host: str) -> float:
        """The ``Crawl-delay`` a host's robots.txt asks of us (0 when none, or not read yet)."""
        rules = self._hosts.get(host)
        if rules is None or rules.parser is None:
            return 0.0
        delay = rules.parser.crawl_delay(self.agent)
        return float(delay) if delay is not None else 0.0

    def _rules(self, url: str) -> _Rules:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        rules = self._hosts.get(host)
        if rules is not None and self.clock() < rules.until:
            return rules
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        self._hosts[host] = rules = _Rules(None, self.clock() + RETRY_S, "not read yet")
        try:
            status, text = self.fetch_text(robots_url)
        except OSError as error:
            rules.problem = str(error)[:200]
            return rules
        if status >= 500:
            rules.problem = f"the server answered {status}"
            return rules
        parser = RobotFileParser(robots_url)
        parser.parse(text.splitlines() if 200 <= status < 300 else [])
        self._hosts[host] = rules = _Rules(parser, self.clock() + KEEP_S)
        return rules
