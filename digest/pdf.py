"""The printable briefing: A4, cover, contents with page numbers, one
section per article and an appendix with the full text.

Page numbers in the contents come from CSS ``target-counter`` and the PDF
outline from ``bookmark-level``, so WeasyPrint lays out the book; Python only
fills the template.  WeasyPrint would happily fetch any URL a template or an
article names, so it gets a fetcher that refuses the network and every file
outside the template folders and the article images that exist locally.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from .briefing import Briefing
from .mail import render_template, template_context, template_environment

PDF_TEMPLATE = "briefing.html"


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


def render_pdf_html(briefing: Briefing) -> str:
    """The HTML WeasyPrint lays out (useful to inspect a template change)."""
    env = template_environment(briefing)
    env.globals["local_image"] = local_image
    return render_template(env, PDF_TEMPLATE, template_context(briefing))


def render_pdf(briefing: Briefing) -> bytes:
    import logging

    from weasyprint import HTML

    env = template_environment(briefing)
    dirs = [Path(d) for d in env.loader.searchpath]
    html = render_pdf_html(briefing)
    # Relative URLs in a template (a logo, a font) resolve in the folder the
    # template came from: the user's when it holds one.
    base = next((d for d in dirs if (d / PDF_TEMPLATE).is_file()), dirs[-1])
    images = [local_image(a.image) for a in briefing.articles]
    fetcher = restricted_fetcher(dirs, images)
    # WeasyPrint reports refused fetches as warnings on its own logger; a
    # remote image in an article is expected, not worth a line on the terminal.
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        document = HTML(string=html, base_url=str(base.resolve()) + "/", url_fetcher=fetcher)
        return document.write_pdf()
    finally:
        logger.setLevel(level)
