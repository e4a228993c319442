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

from .. import __version__
from ..article import Article
from ..text.urls import http_url
from ..briefing import Briefing
from .mail import (
    anchor,
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


def make_item(article: Article, briefing: Briefing) -> FeedItem:
    guid, permalink = article_guid(article)
    link = canonical_url(article.url)
    if not link and briefing.base_url:
        link = briefing.base_url.rstrip("/") + "/digest.html#" + anchor(article)
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


@dataclass
class HistoryUpdate:
    """The rows one build adds to (or refreshes in) the feed history, not yet written:
    they are committed together with the outputs that publish them (see ``publish/write.py``)."""

    updates: list[tuple]
    inserts: list[tuple]

    def apply(self, conn) -> None:
        _ensure_table(conn)
        conn.executemany(f"UPDATE {FEED_TABLE} SET last_seen=?, published=?, item=? WHERE guid=?", self.updates)
        conn.executemany(
            f"INSERT INTO {FEED_TABLE} (guid, first_seen, last_seen, published, position, item)"
            " VALUES (?, ?, ?, ?, ?, ?)", self.inserts)


def merge_history(store, items: list[FeedItem], limit: int | None = None) -> tuple[list[FeedItem], HistoryUpdate]:
    """The newest ``limit`` items of the history with this build's ``items`` added (all with
    ``None``), newest first, and the update that records them; nothing is kept written yet
    (the update is tried inside a savepoint and rolled back, so the order is SQLite's own).

    An item seen before keeps its first-seen time (and so its place in the
    feed) but takes today's title and summary, which may be better.
    """
    conn = store.conn
    with store.guard("read the feed history"):
        _ensure_table(conn)
        known: dict[str, str] = {}
        guids = [item.guid for item in items]
        for start in range(0, len(guids), 500):
            chunk = guids[start : start + 500]
            known.update(conn.execute(
                f"SELECT guid, first_seen FROM {FEED_TABLE} WHERE guid IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall())
        update = HistoryUpdate([], [])
        for position, item in enumerate(items):
            now = item.first_seen
            if item.guid in known:
                item.first_seen = known[item.guid]
                update.updates.append((now, item.published, json.dumps(asdict(item), ensure_ascii=False), item.guid))
            else:
                update.inserts.append((item.guid, now, now, item.published, position,
                                       json.dumps(asdict(item), ensure_ascii=False)))
        conn.execute("SAVEPOINT preview")
        try:
            update.apply(conn)
            query = f"SELECT item FROM {FEED_TABLE} ORDER BY first_seen DESC, position ASC, guid ASC"
            rows = (conn.execute(query + " LIMIT ?", (limit,)) if limit is not None else conn.execute(query)).fetchall()
        finally:
            conn.execute("ROLLBACK TO preview")
            conn.execute("RELEASE preview")
    return [FeedItem(**json.loads(row[0])) for row in rows], update


def record_items(store, items: list[FeedItem], limit: int | None = None) -> list[FeedItem]:
    """Add this build's items to the history now and return the newest ``limit`` of the
    whole history (all with ``None``), newest first."""
    newest, update = merge_history(store, items, limit)
    with store.transaction("record the feed history") as conn:
        update.apply(conn)
    return newest


def unique_items(briefing: Briefing) -> list[FeedItem]:
    """One item per story, in the briefing's order (the first copy wins)."""
    seen: dict[str, FeedItem] = {}
    for article in briefing.articles:
        item = make_item(article, briefing)
        seen.setdefault(item.guid, item)
    return list(seen.values())


# --- rendering ------------------------------------------------------------------


def render_feed(briefing: Briefing, store=None, feed_limit: int = 50) -> tuple[bytes, bytes]:
    """(RSS 2.0, Atom 1.0) for this build; with a store, for the whole history."""
    items = unique_items(briefing)
    if store is not None:
        items = record_items(store, items, max(0, feed_limit))
    return render_items(briefing, items[: max(0, feed_limit)])


def render_items(briefing: Briefing, items: list[FeedItem]) -> tuple[bytes, bytes]:
    """(RSS 2.0, Atom 1.0) publishing ``items``, in that order, under the briefing's title."""
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
            entry.link(href=item.link, rel="alternate")
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
            kind = mimetypes.guess_type(item.image.split("?")[0])[0] or "image/jpeg"
            entry.enclosure(item.image, "0", kind)

    def links(self_name: str) -> None:
        # feedgen takes RSS's channel <link> from the last link set: the site, not the feed itself
        if base:
            fg.link(href=base + self_name, rel="self", replace=True)
        fg.link(href=base or NO_LINK, rel="alternate", replace=not base)

    links("feed.xml")
    rss = fg.rss_str(pretty=True)
    links("atom.xml")
    atom = fg.atom_str(pretty=True)
    return rss, atom
