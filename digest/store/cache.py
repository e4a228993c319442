"""What the build caches in the state store, and the keys it caches them by.

Per-article results are keyed by a hash of the file's bytes and the pipeline
version (a fingerprint of the per-article code), so a rebuild processes only new
or changed files; story links are reused for an unchanged set of articles; story
re-picks are cached by everything they depend on.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..article import Article

PACKAGE = Path(__file__).resolve().parent.parent
PER_ARTICLE_CODE = ["article.py", "ingest/*.py", "text/*.py", "analysis/*.py"]  # what shapes a cached article
CACHE_NAMESPACE = "article"  # one namespace per pipeline version: "article/<version>"
CACHE_FLUSH_EVERY = 200


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A fingerprint of the per-article code: change a stage and every cached result is stale."""
    digest = hashlib.sha256(__version__.encode())
    for pattern in PER_ARTICLE_CODE:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_namespace() -> str:
    """Results of this version of the per-article code; older versions' are pruned after a
    build (:func:`prune_stale_results`), so upgrading digest never doubles the state store."""
    return f"{CACHE_NAMESPACE}/{pipeline_version()}"


def prune_stale_results(store) -> None:
    """Drop per-article results and re-picks no build of this code can ever hit again."""
    store.drop_namespaces(CACHE_NAMESPACE, keep=cache_namespace())
    store.drop_namespaces(RepickCache.NAMESPACE, keep=RepickCache.namespace())


def cache_key(source: str, data: bytes, max_line_chars: int, file_time: str = "") -> str:
    """Per-article results depend only on the file's bytes, its kind (HTML or not), the
    line-length limit the loader checks, and the code; and on the file's time, which
    dates a page that only says "vor 2 Stunden".

    Keyed on the bytes, not the decoded text, so the build finds a cached
    result without decoding anything: with ``--jobs`` the main process only
    reads, hashes and looks up, and all the decoding happens in the workers.
    """
    kind = Path(source).suffix.lower() in {".html", ".htm"}
    digest = hashlib.sha256(f"{pipeline_version()}\0{int(kind)}\0{max_line_chars}\0{file_time}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def keep_what_renderers_need(article: Article) -> None:
    """The raw page, the removed lines and the score breakdown stay out of memory, the
    cache and the outputs.

    They are half of an article's record, and nothing of a build reads them:
    ``digest clean --explain`` and ``digest summarize --explain`` work them out
    again for the one article a user asks about.
    """
    article.raw = ""
    article.dropped = []
    article.summary.explain = []


def link_fingerprint(articles: list[Article]) -> str:
    """Everything story linking reads, in order: same fingerprint, same links and summaries."""
    digest = hashlib.sha256(pipeline_version().encode())
    digest.update((PACKAGE / "analysis" / "stories.py").read_bytes())
    for article in articles:
        parts = [article.id, article.lang, article.title, article.standfirst, article.text, *article.summary.sentences]
        digest.update("\0".join(parts).encode("utf-8", "surrogatepass") + b"\1")
    return digest.hexdigest()


def link_stories_cached(articles: list[Article], store, link_stories) -> bool:
    """Link stories, or reuse the last build's links when exactly the same articles come again.

    Returns True when the cached links were reused.

    Linking looks at the whole briefing at once, so it cannot be cached per
    article; a rebuild over unchanged inputs is the common case it serves.
    """
    key = link_fingerprint(articles)
    cached = store.get("link", "last")
    if cached and cached.get("key") == key:
        for article in articles:
            article.related = cached["related"].get(article.id, [])
            if article.id in cached["sentences"]:
                article.summary.sentences = cached["sentences"][article.id]
        return True
    before = {article.id: list(article.summary.sentences) for article in articles}
    repicks = RepickCache(store)
    link_stories(articles, repick=repicks)
    repicks.save()
    for article in articles:  # a re-picked summary comes with a fresh score breakdown
        keep_what_renderers_need(article)
    store.put("link", "last", {
        "key": key,
        "related": {a.id: a.related for a in articles if a.related},
        "sentences": {a.id: a.summary.sentences for a in articles if a.summary.sentences != before[a.id]},
    })
    return False


class RepickCache:
    """Story linking's re-picks, cached by everything they depend on.

    When an earlier article of a story already told a fact, a later one's summary
    is picked again without it: a whole summary, most of the linking time.  The
    links must be worked out again whenever the set of articles changes (a new
    article arrives), but the re-picks of the stories it does not touch are the
    same, so they come from the state store.
    """

    NAMESPACE = "repick"

    def __init__(self, store):
        from ..analysis.stories import repick_summary

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


BRIEFINGS_NAMESPACE = "briefing"


def articles_seen_before(store, day: str) -> set[str]:
    """Ids of the articles the last briefing of an earlier day had.

    Rebuilds on the same day compare with the same earlier briefing, so rebuilding
    never changes what counts as new (nor the order of the stories)."""
    days = store.get(BRIEFINGS_NAMESPACE, "days") or {}
    earlier = [d for d in days if d < day]
    return set(days[max(earlier)]) if earlier else set()


def remember_briefing(store, day: str, ids: list[str]) -> None:
    """Keep this day's article ids (and the previous day's, all the next day needs)."""
    days = store.get(BRIEFINGS_NAMESPACE, "days") or {}
    earlier = [d for d in days if d < day]
    kept = {max(earlier): days[max(earlier)]} if earlier else {}
    kept[day] = ids
    store.put(BRIEFINGS_NAMESPACE, "days", kept)
