"""Where each story of a briefing lives on the web edition.

The site, the feed and the email all link a story to the same permanent page,
so the page's name must not depend on the order or the day of a build: it is
the id of the story's first-published article (its stable, content-derived id).

:func:`story_groups` is the one place that decides what a story is.  Today a
story is a connected group of articles linked by ``article.related``; when the
briefing carries story objects of its own, only this function changes.
No imports from the renderers: they all import this module.
"""

from __future__ import annotations

import re
from posixpath import join as url_join

from ..article import Article
from ..briefing import Briefing

STORIES_FOLDER = "stories"


def story_groups(briefing: Briefing) -> list[list[Article]]:
    """The briefing's stories in its order: each a list of articles, the lead (the first
    in the briefing's order) first, the others in the briefing's order too."""
    index = {id(article): position for position, article in enumerate(briefing.articles)}
    by_id = {article.id: article for article in briefing.articles if article.id}
    placed: set[int] = set()
    groups = []
    for article in briefing.articles:
        if id(article) in placed:
            continue
        group, waiting = [], [article]
        placed.add(id(article))
        while waiting:
            current = waiting.pop()
            group.append(current)
            for other_id in current.related:
                other = by_id.get(other_id)
                if other is not None and id(other) not in placed:
                    placed.add(id(other))
                    waiting.append(other)
        groups.append(sorted(group, key=lambda a: index[id(a)]))
    return groups


def story_id(group: list[Article]) -> str:
    """The group's first-published article's id: dated articles by date, then by id,
    so the page keeps its name however the build orders the articles."""
    first = min(group, key=lambda a: (_date_digits(a.date) or "99999999", a.id or a.source))
    raw = first.id or first.stable_id()
    return re.sub(r"[^A-Za-z0-9_-]", "-", raw)


def story_path(group: list[Article]) -> str:
    """The page's path inside the site, e.g. ``stories/3f2a….html``."""
    return f"{STORIES_FOLDER}/{story_id(group)}.html"


def story_paths(briefing: Briefing) -> dict[str, str]:
    """Every article's story page (site-relative path), by article id."""
    return {article.id: story_path(group) for group in story_groups(briefing) for article in group}


def site_url(base_url: str, path: str) -> str:
    """A site path as the public URL under ``base_url``; the path itself without one."""
    return url_join(base_url.rstrip("/") + "/", path) if base_url else path


def _date_digits(value: str) -> str:
    digits = "".join(ch for ch in (value or "")[:10] if ch.isdigit())
    return (digits + "0000")[:8] if digits else ""
