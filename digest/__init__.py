"""digest: a multilingual news digest generator.

The stages are plain functions, the same ones the CLI calls::

    from digest import load_paths, clean_article, detect_language, summarize_article

Names are resolved lazily so that ``import digest`` (and ``digest --help``)
stays fast; heavy libraries load only when a stage runs.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "digest.article",
    "Block": "digest.article",
    "DropArticle": "digest.article",
    "Summary": "digest.article",
    "Translation": "digest.article",
    "Briefing": "digest.briefing",
    "Settings": "digest.config",
    "load_config": "digest.config",
    "load_paths": "digest.ingest.load",
    "load_file": "digest.ingest.load",
    "clean_article": "digest.text.clean",
    "clean_text": "digest.text.clean",
    "detect_language": "digest.text.language",
    "detect_lang": "digest.text.language",
    "split_sentences": "digest.text.sentences",
    "summarize_article": "digest.analysis.summarize",
    "summarize_text": "digest.analysis.summarize",
    "translate_articles": "digest.translation.translate",
    "render_feed": "digest.publish.feed",
    "render_html": "digest.publish.mail",
    "render_text": "digest.publish.mail",
    "build_message": "digest.publish.mail",
    "render_pdf": "digest.publish.pdf",
    "build": "digest.pipeline",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'digest' has no attribute {name!r}")
