"""What the reader gets per event: a story, told once, with every source that reported it.

A :class:`Story` is made by :func:`digest.analysis.stories.build_stories` from
the finished articles (after translation, so English sentences can be compared)
and handed to every renderer through the :class:`~digest.briefing.Briefing`.
The articles themselves stay whole in ``digest.json``; a story only points at
them.  Plain data, like :class:`~digest.article.Article`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .article import Article


@dataclass
class Source:
    """One independent report of the story, with its near-identical republications
    (syndicated copies), which the reader sees as "also published by …"."""

    article: Article
    copies: list[Article] = field(default_factory=list)


@dataclass
class StorySentence:
    """One sentence of the story summary, as the reader sees it (English where
    translated), and the id of the article it was taken from."""

    text: str
    source: str


@dataclass
class Story:
    """One event, told once.

    ``sources[0]`` is the clearest report (see ``build_stories``): its title is
    the headline.  ``importance`` orders the briefing; ``importance_parts``
    says where it came from.  ``related`` holds the ids of other stories of the
    briefing that share names or figures with this one without being the same
    event.
    """

    id: str
    sources: list[Source]
    sentences: list[StorySentence] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    importance: float = 0.0
    importance_parts: dict[str, float] = field(default_factory=dict)
    related: list[str] = field(default_factory=list)

    @property
    def lead(self) -> Article:
        return self.sources[0].article

    @property
    def headline(self) -> str:
        return self.lead.display_title

    @property
    def articles(self) -> list[Article]:
        """Every article of the story: each source, then its copies."""
        return [a for source in self.sources for a in [source.article, *source.copies]]

    def source_of(self, sentence: StorySentence) -> Article:
        """The article a summary sentence was taken from."""
        return next(a for a in self.articles if a.id == sentence.source)

    @classmethod
    def of_article(cls, article: Article) -> "Story":
        """A story of one article, told by its own summary (a briefing built without
        story grouping, as the Python API and the renderers' tests make them)."""
        return cls(id=article.id, sources=[Source(article)],
                   sentences=[StorySentence(s, article.id) for s in article.summary_after_headline],
                   figures=list(article.summary.key_figures), related=list(article.related))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "articles": [a.id for a in self.articles],
            "sources": [{"article": s.article.id, "copies": [c.id for c in s.copies]} for s in self.sources],
            "summary": [{"sentence": s.text, "source": s.source} for s in self.sentences],
            "figures": self.figures,
            "importance": self.importance,
            "importance_parts": self.importance_parts,
            "related": self.related,
        }
