"""What the renderers receive: the finished articles plus the run's settings.

Renderers never reach back into the pipeline; everything they show is here,
so the feed, the email, the plain text and the PDF always tell the same story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .article import Article
from .story import Story


@dataclass
class Briefing:
    title: str
    created: datetime  # timezone-aware
    articles: list[Article]
    stories: list[Story] = field(default_factory=list)  # most important first; every article is in one
    base_url: str = ""
    email_from: str = ""
    email_to: str = ""
    list_unsubscribe: str = ""
    templates: list[Path] = field(default_factory=list)  # searched in order: user's set, then built-in
    generator: str = "digest"

    def __post_init__(self) -> None:
        if not self.stories:
            self.stories = [Story.of_article(article) for article in self.articles]

    @property
    def languages(self) -> list[str]:
        """Source languages of the articles, most frequent first."""
        counts: dict[str, int] = {}
        for article in self.articles:
            counts[article.lang or "und"] = counts.get(article.lang or "und", 0) + 1
        return sorted(counts, key=lambda code: (-counts[code], code))
