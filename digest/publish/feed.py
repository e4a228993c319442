"""RSS 2.0 and Atom 1.0 feeds (feedgen), kept as a history across builds.

A feed reader remembers items by guid, so a guid must never change for the
same story: it is the article's URL when the source names one (a permalink),
otherwise a UUID derived from the article's identity.  With a state store
every published item is remembered in the ``feed_items`` table, so each
build adds today's stories to the earlier ones instead of replacing them; the
newest ``feed_limit`` items are published.
"""

from __future__ import annotations

import html
import json
import mimetypes
import re
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Optional
from urllib.parse import urljoin

from .. import __version__
from ..article import Article
from ..text.urls import http_url
from ..briefing import Briefing
from .pages import story_paths
from .mail import (
    is_translated,
    is_untranslated,
    language_name,
    meta_line,
    translation_note,
    untranslated_note,
)

# Never change this: every guid without a URL is derived from it.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/digest/articles")
FEED_TABLE = "feed_items"
# RSS requires a channel link: without --base-url it is the folder the feed is served from.
NO_LINK = "./"


@dataclass
class FeedItem:
    """What the feed publishes about one article, as stored in the history."""

    guid: str
    permalink: bool
    title: str
    link: str
    summary_html: str
    published: str  # ISO 8601 with time zone
    author: str
    category: str
    lang: str
    image: str = ""
    first_seen: str = ""


# --- identity ---------------------------------------------------------------------


def canonical_url(url: str) -> str:
    """The article URL without fragment and tracking parameters, or '' if not http(s)."""
    url = http_url(url)
    if not url:
        return ""
    url = url.split("#", 1)[0]
    base, _, query = url.partition("?")
    kept = [p for p in query.split("&") if p and not re.match(r"(utm_[a-z]+|fbclid|gclid)=", p, re.I)]
    return base + ("?" + "&".join(kept) if kept else "")


def article_guid(article: Article) -> tuple[str, bool]:
    """(guid, is_permalink): stable across builds, machines and input order.

    The file name is deliberately not part of it: the same article saved
    twice under different names is one story.
    """
    url = canonical_url(article.url)
    if url:
        return url, True
    return f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, article.stable_id())}", False


# --- one item -------------------------------------------------------------------


def parse_article_date(value: str) -> Optional[datetime]:
    """A full date (or date-time) as an aware datetime; partial dates give None."""
    value = (value or "").strip()
    if not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def summary_html(article: Article) -> str:
    """The item's description: escaped HTML a feed reader can show as is."""
    e = html.escape
    parts = []
    if is_translated(article):
        if article.title and article.title != article.display_title:
            parts.append(f"<p><em>Original title: {e(article.title)}</em></p>")
        parts.append(f"<p><small>{e(translation_note(article))}.</small></p>")
    elif is_untranslated(article):
        tr = article.translation
        note = untranslated_note(article)
        hint = f" To translate, install the model: <code>{e(tr.install_hint)}</code>" if tr.install_hint else ""
        parts.append(f"<p><strong>{e(note)}</strong>{hint}</p>")
    parts.extend(f"<p>{e(sentence)}</p>" for sentence in article.display_summary)
    if article.summary.key_figures:
        parts.append(f"<p><strong>Key figures:</strong> {e(' · '.join(article.summary.key_figures))}</p>")
    parts.append(f"<p><small>{e(meta_line(article))}</small></p>")
    return "\n".join(parts)


# Characters XML 1.0 forbids (feedgen raises on them); the loader strips them from
# files, but articles built through the Python API may still carry them.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    return _XML_FORBIDDEN.sub("", text or "")


def make_item(article: Article, briefing: Briefing, page: str = "") -> FeedItem:
    """``page``: the story's page, relative to the site (kept so in the history, and
    resolved against the feed's location when the feed is written)."""
    guid, permalink = article_guid(article)
    link = page or canonical_url(article.url)
    published = parse_article_date(article.date)
    return FeedItem(
        guid=guid,
        permalink=permalink,
        title=xml_text(article.display_title),
        link=link,
        summary_html=xml_text(summary_html(article)),
        published=published.isoformat() if published else "",
        author=xml_text(article.author or article.publisher or ""),
        category=xml_text(article.kicker),
        lang=xml_text(article.lang),
        image=http_url(article.image),
        # UTC, so that the history's ORDER BY on the text sorts by time.
        first_seen=briefing.created.astimezone(timezone.utc).isoformat(),
    )


# --- history --------------------------------------------------------------------


def _ensure_table(conn) -> None:
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {FEED_TABLE} ("
        " guid TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,"
        " published TEXT NOT NULL, position INTEGER NOT NULL, item TEXT NOT NULL)"
    )
    # The feed reads the newest rows only: without this index every build sorted the
    # whole history, which grows by every article ever published.
    conn.execute(f"CREATE INDEX IF NOT EXISTS {FEED_TABLE}_newest ON {FEED_TABLE} (first_seen DESC, position, guid)")


def record_items(store, items: list[FeedItem], limit: int | None = None) -> list[FeedItem]:
    """Add this build's items to the history and return the newest ``limit`` of the
    whole history (all with ``None``), newest first.

    An item seen before keeps its first-seen time (and so its place in the
    feed) but takes today's title and summary, which may be better.
    """
    conn = store.conn
    with conn:
        _ensure_table(conn)
        known: dict[str, str] = {}
        guids = [item.guid for item in items]
        for start in range(0, len(guids), 500):
            chunk = guids[start : start + 500]
            known.update(conn.execute(
                f"SELECT guid, first_seen FROM {FEED_TABLE} WHERE guid IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall())
        updates, inserts = [], []
        for position, item in enumerate(items):
            now = item.first_seen
            if item.guid in known:
                item.first_seen = known[item.guid]
                updates.append((now, item.published, json.dumps(asdict(item), ensure_ascii=False), item.guid))
            else:
                inserts.append((item.guid, now, now, item.published, position,
                                json.dumps(asdict(item), ensure_ascii=False)))
        conn.executemany(f"UPDATE {FEED_TABLE} SET last_seen=?, published=?, item=? WHERE guid=?", updates)
        conn.executemany(
            f"INSERT INTO {FEED_TABLE} (guid, first_seen, last_seen, published, position, item)"
            " VALUES (?, ?, ?, ?, ?, ?)", inserts)
    query = f"SELECT item FROM {FEED_TABLE} ORDER BY first_seen DESC, position ASC, guid ASC"
    rows = conn.execute(query + " LIMIT ?", (limit,)) if limit is not None else conn.execute(query)
    return [FeedItem(**json.loads(row[0])) for row in rows.fetchall()]


def unique_items(briefing: Briefing) -> list[FeedItem]:
    """One item per story, in the briefing's order (the first copy wins)."""
    seen: dict[str, FeedItem] = {}
    pages = story_paths(briefing)
    for article in briefing.articles:
        item = make_item(article, briefing, pages.get(article.id, ""))
        seen.setdefault(item.guid, item)
    return list(seen.values())


# --- rendering ------------------------------------------------------------------


def render_feed(briefing: Briefing, store=None, feed_limit: int = 50) -> tuple[bytes, bytes]:
    """(RSS 2.0, Atom 1.0) for this build; with a store, for the whole history."""
    return feed_documents(briefing, feed_items(briefing, store, feed_limit))


def feed_items(briefing: Briefing, store=None, feed_limit: int = 50) -> list[FeedItem]:
    """The items to publish, newest first: this build's, and with a store the history's."""
    items = unique_items(briefing)
    if store is not None:
        items = record_items(store, items, max(0, feed_limit))
    return items[: max(0, feed_limit)]


def feed_documents(briefing: Briefing, items: list[FeedItem], site_folder: str = "") -> tuple[bytes, bytes]:
    """(RSS 2.0, Atom 1.0) of ``items``.  Story pages are linked absolutely under
    ``--base-url``; without one, relative to the feed: ``site_folder`` is where the
    site lies as seen from the feed (``""`` for the feeds inside the site)."""
    from feedgen.feed import FeedGenerator

    base = briefing.base_url.rstrip("/") + "/" if briefing.base_url else ""
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.id(base + "atom.xml" if base else f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, briefing.title)}")
    fg.title(xml_text(briefing.title))
    fg.subtitle(
        f"Daily briefing from news in {', '.join(language_name(c) for c in briefing.languages) or 'several languages'},"
        " translated and summarised offline."
    )
    fg.author({"name": xml_text(briefing.title)})
    fg.language("en")
    fg.updated(briefing.created)
    fg.lastBuildDate(briefing.created)
    fg.generator(briefing.generator, version=__version__)

    for item in items:
        entry = fg.add_entry(order="append")
        entry.id(item.guid)
        entry.guid(item.guid, permalink=item.permalink)
        entry.title(item.title)
        if item.link:
            entry.link(href=urljoin(base or site_folder, item.link), rel="alternate")
        else:
            entry.content(item.summary_html, type="html")
        entry.summary(item.summary_html, type="html")  # RSS description too
        moment = datetime.fromisoformat(item.published or item.first_seen)
        entry.published(moment)
        entry.updated(datetime.fromisoformat(item.first_seen) if not item.published else moment)
        if item.author:
            entry.author({"name": item.author})
            entry.dc.dc_creator(item.author)
        if item.category:
            entry.category(term=item.category, label=item.category)
        if item.lang:
            entry.dc.dc_language(item.lang)
        if item.image:
            entry.enclosure(item.image, "0", image_type(item.image))

    def links(self_name: str) -> None:
        # feedgen takes RSS's channel <link> from the last link set: the site, not the feed itself
        if base:
            fg.link(href=base + self_name, rel="self", replace=True)
        fg.link(href=base or NO_LINK, rel="alternate", replace=not base)

    links("feed.xml")
    rss = fg.rss_str(pretty=True)
    links("atom.xml")
    atom = _atom_link_attributes(fg.atom_str(pretty=True), items)
    return rss, atom


def _atom_link_attributes(atom: bytes, items: list[FeedItem]) -> bytes:
    """Give each entry's image link its ``rel="enclosure"`` and type back.

    feedgen 1.0 writes an Atom entry's links without their attributes (it reads
    them from the element it has just created), so the image became a second
    alternate link and feed readers opened the picture as the story.
    """
    from lxml import etree

    images = {item.image for item in items if item.image}
    if not images:
        return atom
    root = etree.fromstring(atom)
    for link in root.iterfind("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}link"):
        href = link.get("href")
        if href in images and link.get("rel") is None:
            link.set("rel", "enclosure")
            link.set("type", image_type(href))
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def image_type(url: str) -> str:
    return mimetypes.guess_type(url.split("?")[0])[0] or "image/jpeg"
