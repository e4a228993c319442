"""The build: load → clean → detect language → summarise → link → translate → render.

This module only wires the stages; each lives in its own package:

* :mod:`digest.runner` maps the per-article stages (:mod:`digest.ingest`,
  :mod:`digest.text`, :mod:`digest.analysis`) over the input files, with the
  state store's cache and an optional process pool or Dask cluster;
* :mod:`digest.analysis.stories` links articles that report the same story;
* :mod:`digest.translation` translates what is not English, offline;
* :mod:`digest.publish` renders every output and puts them in place together.

One article flows through as a single :class:`~digest.article.Article`; a stage
that cannot go on raises :class:`~digest.article.DropArticle` and only that
article is skipped, with its reason in the report.  A failed or killed build
leaves the previous outputs intact.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from typing import Callable, Iterable

from .article import Article
from .briefing import Briefing
from .config import ConfigError, Settings
from .ingest.load import LoadProblem, find_inputs
from .publish.write import OUTPUT_NAMES
from .report import BuildReport
from .runner import process_all, process_article, process_pool

__all__ = ["OUTPUT_NAMES", "BuildReport", "NothingPublished", "TranslationRequired", "build", "process_article"]


class TranslationRequired(ConfigError):
    """``--require-translation`` was given and a needed model is missing."""


class NothingPublished(ConfigError):
    """No input became an article; ``report`` still says why for each file."""

    def __init__(self, message: str, report: BuildReport):
        super().__init__(message)
        self.report = report


def build(settings: Settings, progress: Callable[[Iterable], Iterable] | None = None) -> BuildReport:
    """Run the whole pipeline and write the outputs into ``settings.out``."""
    from .publish.outputs import OutputLock
    from .publish.write import write_outputs
    from .store.cache import prune_stale_results, remember_briefing
    from .store.first_seen import stamp_first_seen
    from .store.repair import check_history
    from .store.state import StateStore

    _one_blas_thread()
    started = time.perf_counter()
    report = BuildReport()
    inputs = settings.input_paths()
    _something_to_read(inputs)
    with OutputLock(settings.out), StateStore(settings.state_path, settings.out) as store:
        check_history(store, settings.out)
        paths = list(find_inputs(inputs))
        report.files = len(paths)
        with _workers(settings) as pool:  # released before rendering, which runs here alone
            articles = process_all(paths, settings, report, progress, store, pool)
            _link_and_translate(articles, settings, report, store, pool.translation_executor if pool else None)
        if not articles:
            raise NothingPublished("no article could be read from " + ", ".join(map(str, inputs)), report)
        created = datetime.now(timezone.utc).replace(microsecond=0)
        stamp_first_seen(articles, store, created)
        articles.sort(key=lambda a: a.source)
        articles.sort(key=lambda a: a.sort_moment, reverse=True)  # trusted date, else first seen; newest first
        report.articles = articles
        briefing = Briefing(
            title=settings.briefing_title(),
            created=created,
            articles=articles,
            stories=_stories(articles, created, store, report),
            base_url=settings.base_url,
            email_from=settings.email_from,
            email_to=settings.email_to,
            list_unsubscribe=settings.list_unsubscribe,
            templates=settings.template_dirs,
        )
        skipped = [{"source": p.source, "reason": p.message} for p in report.problems]
        report.outputs = write_outputs(briefing, settings, store, skipped, report.warnings, report.stage_seconds)
        remember_briefing(store, created.date().isoformat(), [a.id for a in articles])  # only once published
        prune_stale_results(store)
    report.seconds = time.perf_counter() - started
    return report


def _workers(settings: Settings):
    """Where the per-article stages run, as a context manager: this process (``None``), a
    process pool (``--jobs N``) or a Dask cluster (``--dask [ADDRESS]``)."""
    if settings.dask is not None:
        from .distributed import dask_pool

        return dask_pool(settings)
    return process_pool(settings.jobs)


def _something_to_read(inputs: list) -> None:
    """Raise :class:`NothingPublished` before anything is written (no output folder, no store,
    no lock file) when no input names a file to read: a path that does not exist, an empty folder.
    Stops at the first file found, so a large folder costs no more than one listing."""
    report = BuildReport()
    for item in find_inputs(inputs):
        if not isinstance(item, LoadProblem):
            return
        report.problems.append(item)
    raise NothingPublished("no .txt, .md or .html file to read in " + ", ".join(map(str, inputs)), report)


def _one_blas_thread() -> None:
    """numpy's matrices here are tiny (one article's sentences): OpenBLAS threads only add
    overhead, and with ``--jobs`` they oversubscribe the cores.  Measured on 1,000 articles,
    2 cores: 30.8 s → 27.3 s with ``--jobs 1``, 27.7 s → 25.1 s with ``--jobs 2``.
    Takes effect when numpy is first imported (the stages import it lazily); a value the
    user set wins."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _link_and_translate(articles: list[Article], settings: Settings, report: BuildReport, store, executor) -> None:
    from .analysis.stories import link_stories
    from .store.cache import link_stories_cached
    from .translation.translate import translate_articles

    clock = time.perf_counter()
    link_stories_cached(articles, store, link_stories)
    report.stage_seconds["link"] = time.perf_counter() - clock
    clock = time.perf_counter()
    report.warnings.extend(translate_articles(articles, full_text=settings.full_text, store=store,
                                                executor=executor))
    report.stage_seconds["translate"] = time.perf_counter() - clock
    missing = [a for a in articles if a.translation and a.translation.status == "not-translated"]
    if settings.require_translation and missing:
        hints = sorted({a.translation.install_hint for a in missing if a.translation.install_hint})
        raise TranslationRequired(
            f"{len(missing)} article(s) could not be translated and --require-translation is set; "
            f"install the model first: {'; '.join(hints) or 'see digest models list'}"
        )


def _stories(articles: list[Article], created: datetime, store, report: BuildReport):
    """Group the finished (translated) articles into stories, knowing which articles
    earlier days' briefings already had (the "new" part of the importance score)."""
    from .analysis.stories import build_stories
    from .store.cache import articles_seen_before

    clock = time.perf_counter()
    stories = build_stories(articles, created, articles_seen_before(store, created.date().isoformat()))
    report.stage_seconds["stories"] = time.perf_counter() - clock
    return stories

