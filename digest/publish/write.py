"""Render every output of a briefing and put them in place together.

The feeds are written twice: inside the web edition (``site/``, linking story
pages beside them) and at the top of the output folder for subscribers of the
older address (linking into ``site/``).  Once every output is in place, the web
edition is indexed for search when Pagefind is installed (:mod:`.search`).

Each output is rendered and staged on disk at once, so only one is in memory at a
time; all of them replace the old ones together, and only if every one rendered.
The feed-history rows this build adds are committed in the same step, so the store
never claims more than was published.  A story whose rendering fails is left out
of that output (with a warning naming its file) and the rest are published: one bad
article never costs the others, here as in the per-article stages.
"""

from __future__ import annotations

import time
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from datetime import timezone
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from ..briefing import Briefing
from ..config import ConfigError, Settings
from ..story import Story
from .search import index_if_installed, search_available
from .site import SITE_FOLDER, SiteEdition

OUTPUT_NAMES = ["feed.xml", "atom.xml", "digest.html", "digest.txt", "digest.eml", "briefing.pdf", "digest.json"]
T = TypeVar("T")


def write_outputs(briefing: Briefing, settings: Settings, store, skipped: list[dict], warnings: list[str],
                  timings: dict[str, float]) -> list[Path]:
    """Write every output into ``settings.out``; returns their paths."""
    from .feed import feed_documents, merge_history, unique_items
    from .mail import build_message, fit_email, render_html, render_text
    from .digest_json import digest_json_chunks
    from .outputs import StagedOutputs
    from .pdf import render_pdf_cached

    out = Path(settings.out)
    clock = time.perf_counter()
    items = render_each_story(unique_items, briefing, "the feed", warnings)
    now = briefing.created.astimezone(timezone.utc).isoformat()
    newest, history = merge_history(store, items, max(0, settings.feed_limit), now)
    with StagedOutputs(around_replace=_recording(store, history)) as staged:
        for folder, site_folder in ((out / SITE_FOLDER, ""), (out, SITE_FOLDER + "/")):
            rss, atom = feed_documents(briefing, newest, site_folder)
            staged.write(folder / "feed.xml", rss)
            staged.write(folder / "atom.xml", atom)
        del newest, rss, atom
        timings["render feed"] = time.perf_counter() - clock
        clock = time.perf_counter()
        search = search_available(out / SITE_FOLDER)
        site, pages = render_each_story(_site_pages(store, out / SITE_FOLDER, search), briefing, "the web edition",
                                        warnings)
        for path, page in pages.items():
            staged.write(path, page)
        timings["render site"] = time.perf_counter() - clock
        clock = time.perf_counter()
        shown = fit_email(briefing, settings.email_stories or None)  # as many stories as fit the byte budget
        html = render_each_story(lambda b: render_html(b, shown), briefing, "digest.html", warnings)
        text = render_each_story(lambda b: render_text(b, shown), briefing, "digest.txt", warnings)
        staged.write(out / "digest.html", html)
        staged.write(out / "digest.txt", text)
        staged.write(out / "digest.eml", build_message(briefing, html, text).as_bytes())
        del html, text
        timings["render email"] = time.perf_counter() - clock
        clock = time.perf_counter()
        pdf, _reused = render_each_story(
            lambda b: render_pdf_cached(b, store, settings.pdf_full_stories or None,
                                        settings.pdf_brief_stories or None),
            briefing, "briefing.pdf", warnings)
        staged.write(out / "briefing.pdf", pdf)
        del pdf
        timings["render pdf"] = time.perf_counter() - clock
        clock = time.perf_counter()
        render_each_story(  # streamed to disk, never held whole; a failed try stages nothing
            lambda b: staged.write_chunks(out / "digest.json", digest_json_chunks(b, skipped, warnings)),
            briefing, "digest.json", warnings,
            probe=lambda b: deque(digest_json_chunks(b, skipped, warnings), maxlen=0))
        timings["digest.json"] = time.perf_counter() - clock
        written = staged.paths
    site.remember()
    index_if_installed(out / SITE_FOLDER, bool(pages), warnings, timings)  # the pages are in place: index them
    return written


def _site_pages(store, folder: Path, search: bool) -> Callable[[Briefing], tuple]:
    """Renders a briefing's web edition: the edition, and its pages whose bytes changed."""
    def render(briefing: Briefing):
        site = SiteEdition(briefing, store, folder, search)
        return site, site.changed_pages()
    return render


@contextmanager
def _recording(store, history) -> Iterator[None]:
    """The feed history's new rows, committed if and only if the outputs are all renamed into place."""
    with store.transaction("record the feed history") as conn:
        history.apply(conn)
        yield


def render_each_story(render: Callable[[Briefing], T], briefing: Briefing, output: str, warnings: list[str],
                      probe: Callable[[Briefing], object] | None = None) -> T:
    """``render(briefing)``, or, when that fails because of some stories, ``render`` of the
    briefing without them, with one warning per story left out naming its file.

    The failing stories are found by halving (a few renders of part of the
    briefing, only after a failure).  A failure that remains with no story at all
    (a broken template, a full disk) is the output's, not a story's: it is raised.
    ``probe`` renders a part of the briefing when ``render`` has side effects.
    """
    try:
        return render(briefing)
    except ConfigError:
        raise
    except Exception:
        failing = _failing_stories(probe or render, briefing, briefing.stories)
        if not failing:
            raise
    for story, exc in failing:
        warnings.append(f"{story.lead.source}: left out of {output}: rendering it failed "
                        f"({type(exc).__name__}: {exc})")
    left_out = {id(story) for story, _exc in failing}
    return render(_only(briefing, [s for s in briefing.stories if id(s) not in left_out]))


def _only(briefing: Briefing, stories: list[Story]) -> Briefing:
    """The briefing with just these stories (and their articles, in the briefing's order)."""
    kept = {id(article) for story in stories for article in story.articles}
    return replace(briefing, stories=stories, articles=[a for a in briefing.articles if id(a) in kept])


def _failing_stories(render, briefing: Briefing, stories: list[Story]) -> list[tuple[Story, Exception]]:
    try:
        render(_only(briefing, stories))
        return []
    except ConfigError:
        raise
    except Exception as exc:
        if len(stories) == 1:
            return [(stories[0], exc)]
        if not stories:
            return []
    middle = len(stories) // 2
    return (_failing_stories(render, briefing, stories[:middle])
            + _failing_stories(render, briefing, stories[middle:]))
