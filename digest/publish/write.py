"""Render every output of a briefing and put them in place together.

The feeds are written twice: inside the web edition (``site/``, linking story
pages beside them) and at the top of the output folder for subscribers of the
older address (linking into ``site/``).

Each output is rendered and staged on disk at once, so only one is in memory at a
time; all of them replace the old ones together, and only if every one rendered.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..briefing import Briefing
from ..config import Settings

OUTPUT_NAMES = ["feed.xml", "atom.xml", "digest.html", "digest.txt", "digest.eml", "briefing.pdf", "digest.json"]


def write_outputs(briefing: Briefing, settings: Settings, store, skipped: list[dict], warnings: list[str],
                  timings: dict[str, float]) -> list[Path]:
    """Write every output into ``settings.out``; returns their paths."""
    from .feed import feed_documents, feed_items
    from .mail import build_message, fit_email, render_html, render_text
    from .digest_json import digest_json_chunks
    from .outputs import StagedOutputs
    from .pdf import render_pdf_cached
    from .site import SITE_FOLDER, SiteEdition

    out = Path(settings.out)
    site = SiteEdition(briefing, store, out / SITE_FOLDER)
    with StagedOutputs() as staged:
        clock = time.perf_counter()
        items = feed_items(briefing, store=store, feed_limit=settings.feed_limit)
        for folder, site_folder in ((out / SITE_FOLDER, ""), (out, SITE_FOLDER + "/")):
            rss, atom = feed_documents(briefing, items, site_folder)
            staged.write(folder / "feed.xml", rss)
            staged.write(folder / "atom.xml", atom)
        del items, rss, atom
        timings["render feed"] = time.perf_counter() - clock
        clock = time.perf_counter()
        for path, page in site.changed_pages().items():
            staged.write(path, page)
        timings["render site"] = time.perf_counter() - clock
        clock = time.perf_counter()
        shown = fit_email(briefing, settings.email_stories or None)  # as many stories as fit the byte budget
        html = render_html(briefing, shown)
        text = render_text(briefing, shown)
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
        staged.write_chunks(out / "digest.json", digest_json_chunks(briefing, skipped, warnings))
        timings["digest.json"] = time.perf_counter() - clock
        written = staged.paths
    site.remember()
    return written
