"""What a build did: files read, articles published, problems, warnings, timings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .article import Article
from .ingest.load import LoadProblem


@dataclass
class BuildReport:
    files: int = 0
    articles: list[Article] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    cache_hits: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def exit_status(self) -> int:
        return 1 if self.problems else 0
