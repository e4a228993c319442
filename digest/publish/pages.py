"""Where each story of a briefing lives on the web edition.

The site, the feed and the email all link a story to the same permanent page,
so the page's name must not depend on the order or the day of a build: it is
the story's id, which is its first-published article's (a stable, content-derived
id).  No imports from the renderers: they all import this module.
"""

from __future__ import annotations

import re
from posixpath import join as url_join

from ..briefing import Briefing
from ..story import Story

STORIES_FOLDER = "stories"


def story_id(story: Story) -> str:
    """The story's id (its first-published article's), safe as a file name."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", story.id or story.lead.stable_id())


def story_path(story: Story) -> str:
    """The page's path inside the site, e.g. ``stories/3f2a….html``."""
    return f"{STORIES_FOLDER}/{story_id(story)}.html"


def story_paths(briefing: Briefing) -> dict[str, str]:
    """Every story's page (site-relative path), by story id."""
    return {story.id: story_path(story) for story in briefing.stories}


def site_url(base_url: str, path: str) -> str:
    """A site path as the public URL under ``base_url``; the path itself without one."""
    return url_join(base_url.rstrip("/") + "/", path) if base_url else path
