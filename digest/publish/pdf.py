"""The printable briefing: A4, cover, contents with page numbers, one
section per article and an appendix with the full text.

At scale the briefing stays a briefing: the first ``full_stories`` stories
(default :data:`DEFAULT_FULL_STORIES`, in the build's order) get a section and
an appendix entry, the next ``brief_stories`` a compact list (title, source,
date, one line), and any beyond that a line saying where they are (the email,
the feed, ``digest.json``).  WeasyPrint lays out roughly a few pages per second
on a busy machine, so a PDF of every story in full grows to thousands of pages
and minutes at 1,000 articles; bounded, it costs the same at 10,000 as at 100.

Page numbers in the contents come from CSS ``target-counter`` and the PDF
outline from ``bookmark-level``, so WeasyPrint lays out the book; Python only
fills the template.  WeasyPrint would happily fetch any URL a template or an
article names, so it gets a fetcher that refuses the network and every file
outside the template folders and the article images that exist locally.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from ..article import Article
from ..briefing import Briefing
from ..text.display import breakable
from .mail import TOP_STORIES, render_template, story_anchor, template_context, template_environment

PDF_TEMPLATE = "briefing.html"
# Tagged PDF/UA: a structure tree, the language (from <html lang>) and the title shown
# as the window title, so a screen reader can follow the briefing.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
DEFAULT_FULL_STORIES = 30  # stories with a full section and an appendix entry
DEFAULT_BRIEF_STORIES = 300  # stories after those, listed one entry each ("In brief")
ONE_LINE_CHARS = 160


class FetchRefused(ValueError):
    """A resource the briefing may not load (remote, or outside the allowed folders)."""


def local_image(image: str) -> str:
    """The file path of an article image that exists on this machine, else ''."""
    if not image:
        return ""
    parsed = urlparse(image)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path))
    elif parsed.scheme in ("", None) or (len(parsed.scheme) == 1 and image[1:3] in (":\\", ":/")):
        path = Path(image)
    else:
        return ""
    return str(path.resolve()) if path.is_file() else ""


def check_fetch(url: str, roots: list[Path], files: set[str]) -> None:
    """Raise :class:`FetchRefused` unless ``url`` is data: or an allowed local file."""
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return
    if parsed.scheme != "file":
        raise FetchRefused(f"refusing to fetch {url!r}: the briefing is built offline")
    path = Path(unquote(parsed.path)).resolve()
    if str(path) in files or any(path.is_relative_to(root) for root in roots):
        return
    raise FetchRefused(f"refusing to read {path}: outside the template folders")


def restricted_fetcher(allowed_dirs: list[Path], allowed_files: list[str]):
    """A WeasyPrint url_fetcher that serves only data: URIs and allowed local files."""
    roots = [Path(d).resolve() for d in allowed_dirs]
    files = {str(Path(f).resolve()) for f in allowed_files if f}
    try:  # WeasyPrint >= 68: fetchers are URLFetcher objects
        from weasyprint.urls import URLFetcher
    except ImportError:  # older WeasyPrint: a plain function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args, **kwargs):
            check_fetch(url, roots, files)
            return default_url_fetcher(url, *args, **kwargs)

        return fetch

    class RestrictedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            check_fetch(url, roots, files)
            return super().fetch(url, headers)

    return RestrictedFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


def one_line(article: Article, limit: int = ONE_LINE_CHARS) -> str:
    """What an article says, in one line: its first summary sentence (the next one when the
    headline is cut from it), or standfirst, shortened at a word."""
    summary = article.past_headline(article.display_summary)
    text = " ".join((summary[0] if summary else article.standfirst or article.text[:limit * 2]).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return cut + "…"


def split_stories(
    articles: list[Article], full_stories: int | None, brief_stories: int | None
) -> tuple[list[Article], list[Article], int]:
    """(stories in full, stories in brief, how many are left out), in the given order.

    ``None`` means no limit; a related story placed later stays where the order
    puts it (the "Related" links reach it in the compact list)."""
    full = list(articles) if full_stories is None else list(articles[: max(0, full_stories)])
    rest = articles[len(full):]
    brief = list(rest) if brief_stories is None else list(rest[: max(0, brief_stories)])
    return full, brief, len(rest) - len(brief)


def render_pdf_html(
    briefing: Briefing,
    full_stories: int | None = DEFAULT_FULL_STORIES,
    brief_stories: int | None = DEFAULT_BRIEF_STORIES,
) -> str:
    """The HTML WeasyPrint lays out (useful to inspect a template change).

    Templates receive ``articles`` (all of them, for counts), ``stories`` (in
    full), ``in_brief`` (the compact list) and ``left_out`` (a number).
    """
    env = template_environment(briefing)
    printable = env.finalize
    env.finalize = lambda value: breakable(printable(value))
    env.globals["local_image"] = local_image
    env.globals["one_line"] = one_line
    context = template_context(briefing)
    full, brief, left_out = split_stories(briefing.stories, full_stories, brief_stories)
    shown = {story_anchor(s) for s in full} | {story_anchor(s) for s in brief}
    env.globals["in_pdf"] = lambda story: story_anchor(story) in shown
    context.update(stories=full, in_brief=brief, left_out=left_out,
                   top=full[:TOP_STORIES] if len(briefing.stories) > 1 else [])
    return render_template(env, PDF_TEMPLATE, context)


def _layout_inputs(briefing: Briefing, full_stories: int | None, brief_stories: int | None):
    """(html, template folders, base folder, allowed local images): all WeasyPrint reads."""
    env = template_environment(briefing)
    dirs = [Path(d) for d in env.loader.searchpath]
    html = render_pdf_html(briefing, full_stories, brief_stories)
    # Relative URLs in a template (a logo, a font) resolve in the folder the
    # template came from: the user's when it holds one.
    base = next((d for d in dirs if (d / PDF_TEMPLATE).is_file()), dirs[-1])
    full, _, _ = split_stories(briefing.stories, full_stories, 0)
    images = [local_image(story.lead.image) for story in full]
    return html, dirs, base, images


def _lay_out(html: str, dirs: list[Path], base: Path, images: list[str]) -> bytes:
    import logging

    from weasyprint import HTML

    fetcher = restricted_fetcher(dirs, images)
    # WeasyPrint reports refused fetches as warnings on its own logger; a
    # remote image in an article is expected, not worth a line on the terminal.
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        document = HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=fetcher)
        return document.write_pdf(**PDF_OPTIONS)
    finally:
        logger.setLevel(level)


def render_pdf(
    briefing: Briefing,
    full_stories: int | None = DEFAULT_FULL_STORIES,
    brief_stories: int | None = DEFAULT_BRIEF_STORIES,
) -> bytes:
    """The PDF: the first ``full_stories`` stories in full, the next ``brief_stories`` in a
    compact list (``None``: no limit)."""
    return _lay_out(*_layout_inputs(briefing, full_stories, brief_stories))


PDF_CACHE_NAMESPACE = "pdf"
_MAX_TEMPLATE_FILES = 500


def layout_key(html: str, dirs: list[Path], images: list[str]) -> str:
    """Everything the layout depends on: the HTML (the CSS is included in it), WeasyPrint's
    version and options, and the size and time of every file it may read (template folders, images)."""
    import hashlib
    import os
    from importlib.metadata import version

    # The installed version from its metadata: importing WeasyPrint for it costs 0.4 s,
    # most of a rebuild that reuses the PDF.
    digest = hashlib.sha256(f"{version('weasyprint')}\0{sorted(PDF_OPTIONS.items())}\0".encode())
    digest.update(html.encode("utf-8", "surrogatepass"))
    files = sorted({str(Path(i)) for i in images if i})
    for folder in dirs:
        found = []
        for root, _, names in os.walk(folder):
            found.extend(os.path.join(root, n) for n in names if not n.endswith((".pyc", ".sqlite")))
            if len(found) > _MAX_TEMPLATE_FILES:
                break
        files.extend(sorted(found)[:_MAX_TEMPLATE_FILES])
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            continue
        digest.update(f"\0{path}\0{info.st_size}\0{info.st_mtime_ns}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def render_pdf_cached(
    briefing: Briefing,
    store=None,
    full_stories: int | None = DEFAULT_FULL_STORIES,
    brief_stories: int | None = DEFAULT_BRIEF_STORIES,
) -> tuple[bytes, bool]:
    """(PDF, reused): the previous build's PDF when WeasyPrint would lay out exactly the same input.

    Filling the template takes milliseconds, laying it out seconds to minutes, so
    a rebuild over unchanged articles (same day, same templates) costs no layout.
    Only the last PDF is kept in the state store (``store``: a
    :class:`digest.state.StateStore`; ``None`` renders every time).
    """
    import base64

    html, dirs, base, images = _layout_inputs(briefing, full_stories, brief_stories)
    if store is None:
        return _lay_out(html, dirs, base, images), False
    key = layout_key(html, dirs, images)
    previous = store.get(PDF_CACHE_NAMESPACE, "last")
    if previous and previous.get("key") == key:
        return base64.b64decode(previous["pdf"]), True
    data = _lay_out(html, dirs, base, images)
    store.put(PDF_CACHE_NAMESPACE, "last", {"key": key, "pdf": base64.b64encode(data).decode("ascii")})
    return data, False
