"""The build: load → clean → detect language → summarise → link → translate → render.

One article flows through the per-article stages as a single :class:`Article`;
a stage that cannot go on raises :class:`DropArticle` and only that article is
skipped, with its reason in the report.  The batch stages (story linking and
translation, which batches every sentence that needs one model) run once all
articles are through.  Outputs are rendered in memory first and replaced
atomically only when all of them rendered, so a failed or killed build leaves
the previous outputs intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from concurrent.futures.process import BrokenProcessPool  # what a dead worker leaves (20 ms to import)
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from . import __version__
from .article import Article, DropArticle
from .briefing import Briefing
from .config import DEFAULT_SEEDS, ConfigError, Settings
from .ingest.load import LoadProblem, find_inputs

OUTPUT_NAMES = ["feed.xml", "atom.xml", "digest.html", "digest.txt", "digest.eml", "briefing.pdf", "digest.json"]


class TranslationRequired(ConfigError):
    """``--require-translation`` was given and a needed model is missing."""


class NothingPublished(ConfigError):
    """No input became an article; ``report`` still says why for each file."""

    def __init__(self, message: str, report: "BuildReport"):
        super().__init__(message)
        self.report = report


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


def build(settings: Settings, progress: Callable[[Iterable], Iterable] | None = None) -> BuildReport:
    """Run the whole pipeline and write the outputs into ``settings.out``."""
    from .publish.outputs import OutputLock
    from .store.state import StateStore

    _one_blas_thread()
    started = time.perf_counter()
    report = BuildReport()
    inputs = settings.inputs or [DEFAULT_SEEDS]
    with OutputLock(settings.out), StateStore(settings.state_path) as store:
        paths = list(find_inputs(inputs))
        report.files = len(paths)
        articles = _process_all(paths, settings, report, progress, store)
        _link_and_translate(articles, settings, report, store)
        if not articles:
            raise NothingPublished("no article could be read from " + ", ".join(map(str, inputs)), report)
        created = datetime.now(timezone.utc).replace(microsecond=0)
        stamp_first_seen(articles, store, created)
        articles.sort(key=lambda a: a.source)
        articles.sort(key=lambda a: a.sort_moment, reverse=True)  # trusted date, else first seen; newest first
        report.articles = articles
        briefing = Briefing(
            title=settings.title,
            created=created,
            articles=articles,
            base_url=settings.base_url,
            email_from=settings.email_from,
            email_to=settings.email_to,
            list_unsubscribe=settings.list_unsubscribe,
            templates=settings.template_dirs,
        )
        _render_and_write(briefing, settings, report, store)
        _prune_stale_results(store)
    report.seconds = time.perf_counter() - started
    return report


def _one_blas_thread() -> None:
    """numpy's matrices here are tiny (one article's sentences): OpenBLAS threads only add
    overhead, and with ``--jobs`` they oversubscribe the cores.  Measured on 1,000 articles,
    2 cores: 30.8 s → 27.3 s with ``--jobs 1``, 27.7 s → 25.1 s with ``--jobs 2``.
    Takes effect when numpy is first imported (the stages import it lazily); a value the
    user set wins."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


PER_ARTICLE_CODE = ["article.py", "ingest/*.py", "text/*.py", "analysis/*.py"]  # what shapes a cached article
CACHE_NAMESPACE = "article"  # one namespace per pipeline version: "article/<version>"
CACHE_FLUSH_EVERY = 200


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A fingerprint of the per-article code: change a stage and every cached result is stale."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for pattern in PER_ARTICLE_CODE:
        for path in sorted(package.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_namespace() -> str:
    """Results of this version of the per-article code; older versions' are pruned after a
    build (:func:`_prune_stale_results`), so upgrading digest never doubles the state store."""
    return f"{CACHE_NAMESPACE}/{pipeline_version()}"


def _prune_stale_results(store) -> None:
    """Drop per-article results and re-picks no build of this code can ever hit again."""
    store.drop_namespaces(CACHE_NAMESPACE, keep=cache_namespace())
    store.drop_namespaces(_RepickCache.NAMESPACE, keep=_RepickCache.namespace())


def cache_key(source: str, data: bytes, max_line_chars: int) -> str:
    """Per-article results depend only on the file's bytes, its kind (HTML or not), the
    line-length limit the loader checks, and the code.

    Keyed on the bytes, not the decoded text, so the build finds a cached
    result without decoding anything: with ``--jobs`` the main process only
    reads, hashes and looks up, and all the decoding happens in the workers.
    """
    kind = Path(source).suffix.lower() in {".html", ".htm"}
    digest = hashlib.sha256(f"{pipeline_version()}\0{int(kind)}\0{max_line_chars}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def _keep_what_renderers_need(article: Article) -> None:
    """The raw page, the removed lines and the score breakdown stay out of memory, the
    cache and the outputs.

    They are half of an article's record, and nothing of a build reads them:
    ``digest clean --explain`` and ``digest summarize --explain`` work them out
    again for the one article a user asks about.
    """
    article.raw = ""
    article.dropped = []
    article.summary.explain = []


def _process_or_reason(article: Article) -> tuple[Article | None, str]:
    """One loaded article through the per-article stages, or the reason it was dropped."""
    try:
        return process_article(article), ""
    except DropArticle as exc:
        return None, str(exc)


def _process_file(source: str, data: bytes, max_line_chars: int) -> tuple[str, object, str]:
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
    article, reason = _process_or_reason(loaded)
    if article is None:
        return "dropped", reason, json.dumps({"_skipped": reason})
    _keep_what_renderers_need(article)
    return "ok", article, json.dumps(article.to_dict())


class _Pool:
    """A process pool for :func:`_process_file` whose futures remember their pool and
    arguments, so a task lost with a dead worker can be run again."""

    def __init__(self, jobs: int):
        from concurrent.futures import ProcessPoolExecutor

        self.executor = ProcessPoolExecutor(max_workers=jobs)

    def submit(self, data: bytes, max_line_chars: int, source: str):
        future = self.executor.submit(_process_file, source, data, max_line_chars)
        future.pool, future.args = self, (data, max_line_chars)
        return future

    def shutdown(self, **options) -> None:
        self.executor.shutdown(**options)


def _process_alone(source: str, data: bytes, max_line_chars: int) -> tuple[str, object, str]:
    """:func:`_process_file` in a process of its own: if that one dies too, the file is what
    kills it, and it is skipped with the reason (not cached: it may be the machine's memory)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as alone:
        try:
            return alone.submit(_process_file, source, data, max_line_chars).result()
        except BrokenProcessPool:
            return "unreadable", LoadProblem(
                source, "skipped: the worker process died on this file (it crashed or was killed, "
                "perhaps for memory)"), ""


def _process_all(paths, settings: Settings, report: BuildReport, progress, store) -> list[Article]:
    """Run the per-article stages, reusing cached results and a process pool when asked.

    The main process reads each file, hashes its bytes and looks the result
    up in the state store; only files without one go to the stages (in a
    worker with ``--jobs``).  Results are consumed in input order whatever
    the pool does, so ``--jobs`` never changes the outputs, and only a bounded
    window of files is in flight, so memory stays flat however many there are.
    """
    from collections import deque

    from .ingest.load import display_path, read_input

    clock = time.perf_counter()
    articles: list[Article] = []
    seen: dict[str, Article] = {}
    fresh: dict[str, str] = {}
    pool = _Pool(settings.jobs) if settings.jobs > 1 else None
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
            report.problems.append(LoadProblem(source, f"skipped: {value}"))
            return
        article = value
        article.source = source
        _keep_what_renderers_need(article)
        if article.id in seen:
            report.warnings.append(f"{source}: same article as {seen[article.id].source}; published once")
            return
        seen[article.id] = article
        articles.append(article)
        report.warnings.extend(f"{source}: {w}" for w in article.warnings)

    def drain(limit: int) -> None:
        nonlocal pool
        while len(window) > limit:
            source, key, pending = window.popleft()
            if isinstance(pending, tuple):
                accept(source, key, pending)
                continue
            try:
                accept(source, key, pending.result())
            except BrokenProcessPool:
                # A worker died (crashed, or killed for memory) and took the pool's other
                # files down with it: run each of them again alone, so that only the file
                # that kills a worker is skipped, and go on with a fresh pool.
                if pool is pending.pool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = _Pool(settings.jobs)
                accept(source, key, _process_alone(source, *pending.args))

    try:
        for item in progress(paths) if progress else paths:
            # problems go through the window too, so the report lists them in input order
            if isinstance(item, LoadProblem):
                window.append((item.source, "", ("unreadable", item, "")))
                continue
            data = read_input(item, settings.max_file_bytes)
            if isinstance(data, LoadProblem):
                window.append((data.source, "", ("unreadable", data, "")))
                continue
            source = display_path(item)
            key = cache_key(source, data, settings.max_line_chars)
            hit = store.get(cache_namespace(), key)
            if hit is not None:
                report.cache_hits += 1
                outcome = ("dropped", hit["_skipped"], "") if "_skipped" in hit else ("ok", Article.from_dict(hit), "")
                window.append((source, key, outcome))
            elif pool is None:
                window.append((source, key, _process_file(source, data, settings.max_line_chars)))
            else:
                window.append((source, key, pool.submit(data, settings.max_line_chars, source=source)))
            drain(8 * settings.jobs if pool else 0)
        drain(0)
        if fresh:
            store.put_many_json(cache_namespace(), fresh)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    report.stage_seconds["load+clean+detect+summarise"] = time.perf_counter() - clock
    return articles


def _link_and_translate(articles: list[Article], settings: Settings, report: BuildReport, store) -> None:
    from .analysis.stories import link_stories
    from .translation.translate import translate_articles

    clock = time.perf_counter()
    _link_stories_cached(articles, store, link_stories)
    report.stage_seconds["link"] = time.perf_counter() - clock
    clock = time.perf_counter()
    report.warnings.extend(translate_articles(articles, full_text=settings.full_text, store=store))
    report.stage_seconds["translate"] = time.perf_counter() - clock
    missing = [a for a in articles if a.translation and a.translation.status == "not-translated"]
    if settings.require_translation and missing:
        hints = sorted({a.translation.install_hint for a in missing if a.translation.install_hint})
        raise TranslationRequired(
            f"{len(missing)} article(s) could not be translated and --require-translation is set; "
            f"install the model first: {'; '.join(hints) or 'see digest models list'}"
        )


def _link_fingerprint(articles: list[Article]) -> str:
    """Everything story linking reads, in order: same fingerprint, same links and summaries."""
    digest = hashlib.sha256(pipeline_version().encode())
    digest.update((Path(__file__).parent / "analysis" / "stories.py").read_bytes())
    for article in articles:
        parts = [article.id, article.lang, article.title, article.standfirst, article.text, *article.summary.sentences]
        digest.update("\0".join(parts).encode("utf-8", "surrogatepass") + b"\1")
    return digest.hexdigest()


def _link_stories_cached(articles: list[Article], store, link_stories) -> bool:
    """Link stories, or reuse the last build's links when exactly the same articles come again.

    Returns True when the cached links were reused.

    Linking looks at the whole briefing at once, so it cannot be cached per
    article; a rebuild over unchanged inputs is the common case it serves.
    """
    key = _link_fingerprint(articles)
    cached = store.get("link", "last")
    if cached and cached.get("key") == key:
        for article in articles:
            article.related = cached["related"].get(article.id, [])
            if article.id in cached["sentences"]:
                article.summary.sentences = cached["sentences"][article.id]
        return True
    before = {article.id: list(article.summary.sentences) for article in articles}
    repicks = _RepickCache(store)
    link_stories(articles, repick=repicks)
    repicks.save()
    for article in articles:  # a re-picked summary comes with a fresh score breakdown
        _keep_what_renderers_need(article)
    store.put("link", "last", {
        "key": key,
        "related": {a.id: a.related for a in articles if a.related},
        "sentences": {a.id: a.summary.sentences for a in articles if a.summary.sentences != before[a.id]},
    })
    return False


class _RepickCache:
    """Story linking's re-picks, cached by everything they depend on.

    When an earlier article of a story already told a fact, a later one's summary
    is picked again without it: a whole summary, most of the linking time.  The
    links must be worked out again whenever the set of articles changes (a new
    article arrives), but the re-picks of the stories it does not touch are the
    same, so they come from the state store.
    """

    NAMESPACE = "repick"

    def __init__(self, store):
        from .analysis.stories import repick_summary

        self.store, self.compute, self.fresh = store, repick_summary, {}

    @classmethod
    def namespace(cls) -> str:
        return f"{cls.NAMESPACE}/{pipeline_version()}"

    def __call__(self, article: Article, sentences: int, told: list[str]) -> None:
        basis = [article.lang, article.title, article.standfirst, [(b.kind, b.text) for b in article.blocks],
                 sentences, told]
        key = hashlib.sha256(json.dumps(basis).encode("utf-8", "surrogatepass")).hexdigest()
        cached = self.fresh.get(key) or self.store.get(self.namespace(), key)
        if cached is not None:
            article.summary.sentences = list(cached)
            return
        self.compute(article, sentences, told)
        self.fresh[key] = list(article.summary.sentences)

    def save(self) -> None:
        if self.fresh:
            self.store.put_many(self.namespace(), self.fresh)
        self.fresh = {}


def _render_and_write(briefing: Briefing, settings: Settings, report: BuildReport, store) -> None:
    """Render each output and stage it on disk at once, so only one is in memory at a time;
    all of them replace the old ones together, and only if every one was rendered."""
    from .publish.feed import render_feed
    from .publish.mail import build_message, render_html, render_text
    from .publish.outputs import StagedOutputs
    from .publish.pdf import render_pdf_cached

    out = Path(settings.out)
    timings = report.stage_seconds
    with StagedOutputs() as staged:
        clock = time.perf_counter()
        rss, atom = render_feed(briefing, store=store, feed_limit=settings.feed_limit)
        staged.write(out / "feed.xml", rss)
        staged.write(out / "atom.xml", atom)
        del rss, atom
        timings["render feed"] = time.perf_counter() - clock
        clock = time.perf_counter()
        html = render_html(briefing, settings.email_stories or None)
        text = render_text(briefing, settings.email_stories or None)
        staged.write(out / "digest.html", html)
        staged.write(out / "digest.txt", text)
        staged.write(out / "digest.eml", build_message(briefing, html, text).as_bytes())
        del html, text
        timings["render email"] = time.perf_counter() - clock
        clock = time.perf_counter()
        pdf, _reused = render_pdf_cached(
            briefing, store, settings.pdf_full_stories or None, settings.pdf_brief_stories or None
        )
        staged.write(out / "briefing.pdf", pdf)
        del pdf
        timings["render pdf"] = time.perf_counter() - clock
        clock = time.perf_counter()
        staged.write_chunks(out / "digest.json", digest_json_chunks(briefing, report))
        timings["digest.json"] = time.perf_counter() - clock
        report.outputs = staged.paths


def digest_json(briefing: Briefing, report: BuildReport) -> str:
    """Everything the run produced, for machines: one record per article."""
    return "".join(digest_json_chunks(briefing, report))


def digest_json_chunks(briefing: Briefing, report: BuildReport) -> Iterable[str]:
    """digest.json piece by piece, one article at a time: at 10,000 articles the
    whole document as one string (and its encoded copy) was the build's peak memory.

    The text is what ``json.dumps(payload, indent=2)`` gives for the whole document.
    """
    head = {"title": briefing.title, "created": briefing.created.isoformat(), "languages": briefing.languages}
    yield "{\n"
    for key, value in head.items():
        yield f"  {_json_value(key, '  ')}: {_json_value(value, '  ')},\n"
    if briefing.articles:
        yield '  "articles": [\n'
        last = len(briefing.articles) - 1
        for index, article in enumerate(briefing.articles):
            record = _json_value(_web_links_only(article.to_dict()), "    ")
            yield f"    {record}{',' if index < last else ''}\n"
        yield "  ],\n"
    else:
        yield '  "articles": [],\n'
    skipped = [{"source": p.source, "reason": p.message} for p in report.problems]
    yield f'  "skipped": {_json_value(skipped, "  ")},\n'
    yield f'  "warnings": {_json_value(report.warnings, "  ")}\n'
    yield "}\n"


def _json_value(value, indent: str) -> str:
    """One JSON value as ``json.dumps(indent=2)`` writes it ``len(indent)`` spaces deep.

    Readable UTF-8, but invisible controls and bidi overrides as \\u escapes: the
    data stays exact and nobody viewing the file is misled by them.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_INVISIBLE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]")


def _web_links_only(record: dict) -> dict:
    """digest.json is read by other programs: only http(s) URLs go in as links."""
    from .text.urls import http_url

    record["url"], record["image"] = http_url(record["url"]), http_url(record["image"])
    return record


FIRST_SEEN_NAMESPACE = "first_seen"


def stamp_first_seen(articles: list[Article], store, now: datetime) -> None:
    """Give each article the time digest first saw it, kept in the state store so it never moves.

    An article whose own date is not trusted is dated and ordered by this
    time, never by the build's: a later build does not make old news new.
    """
    keys = [a.id or a.stable_id() for a in articles]
    known = store.get_many(FIRST_SEEN_NAMESPACE, keys)
    fresh = {key: now.isoformat() for key in keys if key not in known}
    if fresh:
        store.put_many(FIRST_SEEN_NAMESPACE, fresh)
    for key, article in zip(keys, articles):
        article.first_seen = known.get(key) or fresh[key]


def format_report(report: BuildReport, settings: Settings) -> str:
    """The short terminal report: what was read, translated, skipped, and where it went."""
    lines = []
    languages: dict[str, int] = {}
    for article in report.articles:
        languages[article.lang or "?"] = languages.get(article.lang or "?", 0) + 1
    langs = ", ".join(f"{code} {count}" for code, count in sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
    lines.append(f"Read {report.files} file(s): {len(report.articles)} article(s) published ({langs}), "
                 f"{len(report.problems)} skipped.")
    translated = [a for a in report.articles if a.translation and a.translation.status == "translated"]
    missing = [a for a in report.articles if a.translation and a.translation.status == "not-translated"]
    if translated:
        lines.append(f"Translated {len(translated)} article(s): " +
                     ", ".join(f"{Path(a.source).name} ({a.translation.model})" for a in translated))
    if missing:
        lines.append(f"Not translated {len(missing)} article(s): " +
                     ", ".join(f"{Path(a.source).name} ({a.lang})" for a in missing))
    if not translated and not missing:
        lines.append("Nothing needed translation.")
    for problem in report.problems:
        lines.append(f"skipped: {problem}")
    for warning in report.warnings:
        lines.append(f"warning: {warning}")
    lines.append(f"Outputs in {settings.out}/: " + " ".join(p.name for p in report.outputs))
    if report.cache_hits:
        lines.append(f"Reused {report.cache_hits} unchanged article(s) from the state store.")
    lines.append(f"Took {report.seconds:.1f} s.")
    return "\n".join(lines)


def progress_bar(quiet: bool):
    """A tqdm bar on a terminal; nothing with --quiet or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return lambda items: tqdm(items, desc="articles", unit="file", leave=False)
