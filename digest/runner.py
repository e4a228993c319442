"""Running the per-article stages over every input file.

Enters: the input paths.  Leaves: the published articles in input order, with
each skipped file's reason in the :class:`~digest.report.BuildReport`.

The main process reads each file, hashes its bytes and looks the result up in
the state store; only new or changed files go through the stages, in this
process, in a process pool (``--jobs N``) or on a Dask cluster (``--dask``,
:mod:`digest.distributed`, through the same :class:`_Pool` logic).  A worker
that dies costs only the file that kills it.  Every per-article stage is a pure function of the article.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from concurrent.futures.process import BrokenProcessPool  # what a dead worker leaves (20 ms to import)

from .article import Article, DropArticle
from .config import Settings
from .ingest.load import LoadProblem
from .report import BuildReport
from .store.cache import CACHE_FLUSH_EVERY, cache_key, cache_namespace, keep_what_renderers_need


def process_article(article: Article) -> Article:
    """The per-article stages, a pure function of the article (safe to map over a pool)."""
    from .text.clean import clean_article
    from .text.language import detect_language
    from .analysis.summarize import summarize_article

    stage = "clean"
    try:
        clean_article(article)
        stage = "language"
        detect_language(article)
        article.id = article.stable_id()
        stage = "summarise"
        summarize_article(article)
    except DropArticle:
        raise
    except Exception as exc:  # one article's surprise must not cost the others
        raise DropArticle(f"{stage} failed: {type(exc).__name__}: {exc}") from exc
    return article


def _file_time(path) -> str:
    """When the file was last modified, as an ISO time in UTC ("" if it cannot be told)."""
    import datetime as dt
    import os

    try:
        return dt.datetime.fromtimestamp(os.stat(path).st_mtime, dt.timezone.utc).isoformat(timespec="seconds")
    except (OSError, ValueError, OverflowError):
        return ""


def _process_or_reason(article: Article) -> tuple[Article | None, str]:
    """One loaded article through the per-article stages, or the reason it was dropped."""
    try:
        return process_article(article), ""
    except DropArticle as exc:
        return None, str(exc)


def _process_file(source: str, data: bytes, max_line_chars: int, file_time: str = "") -> tuple[str, object, str]:
    """One file's bytes through decoding and the per-article stages (a process pool's task).

    Returns ``(status, value, record)``: ``("ok", article, record)`` with the
    article already slimmed for the renderers and as JSON for the cache;
    ``("dropped", reason, record)``; or ``("unreadable", problem, "")`` for
    bytes that are no article text (not cached: finding that out again is cheap).
    Serialising here, in the worker, keeps the main process free to feed the pool.
    """
    from .ingest.load import article_from_bytes

    loaded = article_from_bytes(source, data, max_line_chars)
    if isinstance(loaded, LoadProblem):
        return "unreadable", loaded, ""
    loaded.file_time = file_time
    article, reason = _process_or_reason(loaded)
    if article is None:
        return "dropped", reason, json.dumps({"_skipped": reason})
    keep_what_renderers_need(article)
    return "ok", article, json.dumps(article.to_dict())


def _process_files(tasks: list[tuple]) -> list[tuple[str, object, str]]:
    """Several files as one task, each as :func:`_process_file` (see :attr:`_Pool.batch`)."""
    return [_process_file(*task) for task in tasks]


class _Batch:
    """Files sent to the pool as one task: their arguments, the task, and their outcomes once known."""

    __slots__ = ("tasks", "future", "executor", "outcomes")

    def __init__(self) -> None:
        self.tasks: list[tuple] = []  # (source, data, max_line_chars, file_time) per file
        self.future = None  # None until sent
        self.executor = None  # the executor it was sent to
        self.outcomes: list[tuple[str, object, str]] | None = None


class _Pool:
    """A process pool for :func:`_process_file` that runs a file again alone when a worker
    dies under it, so only the file that kills a worker is skipped.

    :mod:`digest.distributed` runs the same tasks on Dask by overriding how the
    executor starts (:meth:`_start`), what a lost worker raises (``LOST``), how
    the pool recovers (:meth:`_recover`) and how many files make one task
    (``batch``); the retry-alone rule stays here, in one place.
    """

    LOST: tuple[type[BaseException], ...] = (BrokenProcessPool,)
    translation_executor = None  # translation stays in the main process, where CTranslate2 has its threads
    # Files per task.  One for a local process pool, whose cost per task is a fraction of a
    # millisecond; a cluster's is of the order of a file's whole work, so it gets several.
    batch = 1

    def __init__(self, slots: int):
        self.slots = slots  # tasks that run at once: the runner keeps a few times as many in flight
        self.executor = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.slots)

    def send(self, batch: _Batch) -> None:
        batch.executor = self.executor
        batch.future = self.executor.submit(_process_files, batch.tasks)

    def result(self, batch: _Batch, index: int) -> tuple[str, object, str]:
        """The outcome of the batch's ``index``-th file.  If a worker died under the batch,
        each of its files runs alone, so only the file that kills is lost."""
        if batch.outcomes is None:
            try:
                batch.outcomes = batch.future.result()
            except self.LOST:
                self._recover(batch)
                batch.outcomes = [_process_alone(*task) for task in batch.tasks]
        return batch.outcomes[index]

    def _recover(self, batch: _Batch) -> None:
        """A dead worker breaks a process pool and fails the other tasks in it too: they come
        back here one by one and their files run alone; the pool is replaced once, for the tasks after."""
        if batch.executor is self.executor:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(cancel_futures=True)


@contextmanager
def process_pool(jobs: int):
    """A :class:`_Pool` of ``jobs`` processes, shut down on leaving; ``None`` for one job
    (the stages then run in this process)."""
    pool = _Pool(jobs) if jobs > 1 else None
    try:
        yield pool
    finally:
        if pool is not None:
            pool.shutdown()


def _process_alone(source: str, data: bytes, max_line_chars: int, file_time: str = "") -> tuple[str, object, str]:
    """:func:`_process_file` in a process of its own: if that one dies too, the file is what
    kills it, and it is skipped with the reason (not cached: it may be the machine's memory)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as alone:
        try:
            return alone.submit(_process_file, source, data, max_line_chars, file_time).result()
        except BrokenProcessPool:
            return "unreadable", LoadProblem(
                source, "the worker process died on this file (it crashed or was killed, "
                "perhaps for memory)"), ""


def process_all(paths, settings: Settings, report: BuildReport, progress, store, pool=None) -> list[Article]:
    """Run the per-article stages, reusing cached results and ``pool`` (a :class:`_Pool`) when given.

    The main process reads each file, hashes its bytes and looks the result
    up in the state store; only files without one go to the stages (in a
    worker with ``--jobs`` or ``--dask``).  Results are consumed in input order whatever
    the pool does, so ``--jobs`` never changes the outputs, and only a bounded
    window of files is in flight, so memory stays flat however many there are.
    """
    from collections import deque

    from .ingest.load import display_path, read_input

    clock = time.perf_counter()
    articles: list[Article] = []
    seen: dict[str, Article] = {}
    fresh: dict[str, str] = {}
    window: deque = deque()

    def accept(source: str, key: str, outcome: tuple[str, object, str]) -> None:
        status, value, record = outcome
        if record:
            fresh[key] = record
            if len(fresh) >= CACHE_FLUSH_EVERY:
                store.put_many_json(cache_namespace(), fresh)
                fresh.clear()
        if status == "unreadable":
            report.problems.append(value)
            return
        if status == "dropped":
            report.problems.append(LoadProblem(source, str(value)))
            return
        article = value
        article.source = source
        keep_what_renderers_need(article)
        if article.id in seen:
            report.warnings.append(f"{source}: same article as {seen[article.id].source}; published once")
            return
        seen[article.id] = article
        articles.append(article)
        report.warnings.extend(f"{source}: {w}" for w in article.warnings)

    gathering: _Batch | None = None  # the files gathered for the next task, not yet sent

    def drain(limit: int) -> None:
        nonlocal gathering
        while len(window) > limit:
            source, key, outcome, slot = window.popleft()
            if slot is not None:
                batch, index = slot
                if batch.future is None:  # its outcome is wanted now: send it as it is
                    pool.send(batch)
                    gathering = None
                outcome = pool.result(batch, index)
            accept(source, key, outcome)

    for item in progress(paths) if progress else paths:
        # problems go through the window too, so the report lists them in input order
        if isinstance(item, LoadProblem):
            window.append((item.source, "", ("unreadable", item, ""), None))
            continue
        data = read_input(item, settings.max_file_bytes)
        if isinstance(data, LoadProblem):
            window.append((data.source, "", ("unreadable", data, ""), None))
            continue
        source = display_path(item)
        file_time = _file_time(item)
        key = cache_key(source, data, settings.max_line_chars, file_time)
        hit = store.get(cache_namespace(), key)
        if hit is not None:
            report.cache_hits += 1
            outcome = ("dropped", hit["_skipped"], "") if "_skipped" in hit else ("ok", Article.from_dict(hit), "")
            window.append((source, key, outcome, None))
        elif pool is None:
            window.append((source, key, _process_file(source, data, settings.max_line_chars, file_time), None))
        else:
            if gathering is None:
                gathering = _Batch()
            window.append((source, key, None, (gathering, len(gathering.tasks))))
            gathering.tasks.append((source, data, settings.max_line_chars, file_time))
            if len(gathering.tasks) >= pool.batch:
                pool.send(gathering)
                gathering = None
        drain(8 * pool.slots * pool.batch if pool else 0)  # eight tasks per worker in flight
    drain(0)
    if fresh:
        store.put_many_json(cache_namespace(), fresh)
    report.stage_seconds["load+clean+detect+summarise"] = time.perf_counter() - clock
    return articles
