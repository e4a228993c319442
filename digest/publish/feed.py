"""RSS 2.0 and Atom 1.0 feeds (feedgen), kept as a history across builds.

One item per story.  A feed reader remembers items by guid, so a guid must
never change for the same story: it is the guid the story's first published
article had (its URL when the source names one, a permalink, otherwise a UUID
derived from the article's identity).  With a state store every published item
is remembered in the ``feed_items`` table, so each build adds today's stories
to the earlier ones instead of replacing them; when a story already in the
history gains sources, its item keeps its guid and place and is *updated*
(new content, Atom ``updated``), never sent again as a new item.  The newest
``feed_limit`` items are published.
"""

from __future__ import annotations

import html
import json
import mimetypes
import re
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Optional
from urllib.parse import urljoin

from .. import __version__
from ..article import Article
from ..story import Story
from ..text.language import language_name
from ..text.urls import http_url
from ..briefing import Briefing
from .pages import story_paths
from .mail import (
    citation,
    is_translated,
    is_untranslated,
    source_line,
    story_label,
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
    """What the feed publishes about one story, as stored in the history.

    ``aliases`` are the guids of all the story's articles, first published first:
    a story whose article is already in the history takes that item's guid.
    ``articles`` are the story's article ids (more of them later: the item is
    updated); ``updated`` is when its sources last changed (ISO 8601, or '')."""

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
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    updated: str = ""


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


def summary_html(story: Story) -> str:
    """The item's description: escaped HTML a feed reader can show as is."""
    e = html.escape
    lead = story.lead
    parts = []
    if is_translated(lead):
        if lead.title and lead.title != lead.display_title:
            parts.append(f"<p><em>Original title: {e(lead.title)}</em></p>")
        parts.append(f"<p><small>{e(translation_note(lead))}.</small></p>")
    elif is_untranslated(lead):
        tr = lead.translation
        note = untranslated_note(lead)
        hint = f" To translate, install the model: <code>{e(tr.install_hint)}</code>" if tr.install_hint else ""
        parts.append(f"<p><strong>{e(note)}</strong>{hint}</p>")
    for sentence in story.sentences:
        cite = citation(story, sentence)
        parts.append(f"<p>{e(sentence.text)}{f' <small>[{e(cite)}]</small>' if cite else ''}</p>")
    if story.figures:
        parts.append(f"<p><strong>Key figures:</strong> {e(' · '.join(story.figures))}</p>")
    sources = []
    for source in story.sources:
        article = source.article
        name = e(source_line(article))
        url = canonical_url(article.url)
        line = f'<a href="{e(url)}">{name}</a>' if url else name
        if source.copies:
            line += f"; also published by {e(', '.join(story_label(c) for c in source.copies))}"
        sources.append(f"<li>{line}</li>")
    parts.append(f"<p><small>{'Source' if len(sources) == 1 else 'Sources'}:</small></p><ul>{''.join(sources)}</ul>")
    return "\n".join(parts)


# Characters XML 1.0 forbids (feedgen raises on them); the loader strips them from
# files, but articles built through the Python API may still carry them.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    return _XML_FORBIDDEN.sub("", text or "")


def make_item(story: Story, briefing: Briefing, page: str = "") -> FeedItem:
    """A story's item; its guid is its first published article's (the history may know
    an earlier one: see :func:`record_items`).  ``page``: the story's page, relative to
    the site (kept so in the history, and resolved against the feed's location when
    the feed is written)."""
    lead = story.lead
    first = next(a for a in story.articles if a.id == story.id)
    aliases = [article_guid(first)[0]] + [article_guid(a)[0] for a in story.articles if a is not first]
    guid, permalink = article_guid(first)
    link = page or canonical_url(lead.url)
    published = parse_article_date(first.trusted_date)  # never a weak guess, never the build time
    return FeedItem(
        guid=guid,
        permalink=permalink,
        title=xml_text(story.headline),
        link=link,
        summary_html=xml_text(summary_html(story)),
        published=published.isoformat() if published else "",
        author=xml_text(lead.author or lead.publisher or ""),
        category=xml_text(lead.kicker),
        lang=xml_text(lead.lang),
        image=http_url(lead.image),
        # UTC, so that the history's ORDER BY on the text sorts by time.
        first_seen=_first_seen(first, briefing),
        aliases=list(dict.fromkeys(aliases)),
        articles=sorted(a.id for a in story.articles),
    )


def _first_seen(article: Article, briefing: Briefing) -> str:
    """When digest first saw the story (kept in the state store by the build), else this build."""
    seen = datetime.fromisoformat(article.first_seen) if article.first_seen else briefing.created
    if seen.tzinfo is None:
        seen = seen.replace(tzinfo=timezone.utc)
    return seen.astimezone(timezone.utc).isoformat()


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
    """The rows one build adds to, refreshes in or removes from the feed history, not yet
    written: they are committed together with the outputs that publish them (see
    ``publish/write.py``)."""

    updates: list[tuple]
    inserts: list[tuple]
    absorbed: list[tuple]  # items of articles now told by another story's item

    def apply(self, conn) -> None:
        _ensure_table(conn)
        conn.executemany(f"DELETE FROM {FEED_TABLE} WHERE guid=?", self.absorbed)
        conn.executemany(f"UPDATE {FEED_TABLE} SET last_seen=?, published=?, item=? WHERE guid=?", self.updates)
        conn.executemany(
            f"INSERT INTO {FEED_TABLE} (guid, first_seen, last_seen, published, position, item)"
            " VALUES (?, ?, ?, ?, ?, ?)", self.inserts)


def merge_history(store, items: list[FeedItem], limit: int | None = None,
                  now: str = "") -> tuple[list[FeedItem], HistoryUpdate]:
    """The newest ``limit`` items of the history with this build's ``items`` added (all with
    ``None``), newest first, and the update that records them; nothing is kept written yet
    (the update is tried inside a savepoint and rolled back, so the order is SQLite's own).
    ``now`` is the build's time (ISO 8601, UTC; default: each item's first-seen time).

    A story seen before keeps the guid and first-seen time (and so the place in
    the feed) of the earliest item any of its articles had, and takes today's
    title and summary, which may be better; when its articles changed, its
    ``updated`` time is now.  Other items of its articles (a story once told
    in two items) leave the history: the feed shows each story once.
    """
    conn = store.conn
    with store.guard("read the feed history"):
        _ensure_table(conn)
        known: dict[str, tuple[str, str]] = {}
        guids = sorted({guid for item in items for guid in item.aliases or [item.guid]})
        for start in range(0, len(guids), 500):
            chunk = guids[start : start + 500]
            known.update((guid, (first_seen, stored)) for guid, first_seen, stored in conn.execute(
                f"SELECT guid, first_seen, item FROM {FEED_TABLE} WHERE guid IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        update = HistoryUpdate([], [], [])
        for position, item in enumerate(items):
            moment = now or item.first_seen
            seen = sorted((known[g][0], g) for g in item.aliases or [item.guid] if g in known)
            if seen:
                item.guid = seen[0][1]
                item.permalink = item.guid.startswith(("http://", "https://"))
                item.first_seen, before = known[item.guid][0], json.loads(known[item.guid][1])
                grew = set(item.articles) - set(before.get("articles") or item.articles)
                item.updated = moment if grew else before.get("updated", "")
                update.absorbed.extend((g,) for _, g in seen[1:])
                update.updates.append((moment, item.published, json.dumps(asdict(item), ensure_ascii=False), item.guid))
            else:
                update.inserts.append((item.guid, item.first_seen, moment, item.published, position,
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


def record_items(store, items: list[FeedItem], limit: int | None = None, now: str = "") -> list[FeedItem]:
    """Add this build's items to the history now and return the newest ``limit`` of the
    whole history (all with ``None``), newest first."""
    newest, update = merge_history(store, items, limit, now)
    with store.transaction("record the feed history") as conn:
        update.apply(conn)
    return newest


def unique_items(briefing: Briefing) -> list[FeedItem]:
    """One item per story, in the briefing's order (the first of two with one guid wins)."""
    seen: dict[str, FeedItem] = {}
    pages = story_paths(briefing)
    for story in briefing.stories:
        item = make_item(story, briefing, pages.get(story.id, ""))
        seen.setdefault(item.guid, item)
    return list(seen.values())


# --- rendering ------------------------------------------------------------------


def render_feed(briefing: Briefing, store=None, feed_limit: int = 50) -> tuple[bytes, bytes]:
    """(RSS 2.0, Atom 1.0) for this build; with a store, for the whole history."""
    items = unique_items(briefing)
    if store is not None:
        items = record_items(store, items, max(0, feed_limit), briefing.created.astimezone(timezone.utc).isoformat())
    return feed_documents(briefing, items[: max(0, feed_limit)])


def feed_documents(briefing: Briefing, items: list[FeedItem], site_folder: str = "") -> tuple[bytes, bytes]:
    """(RSS 2.0, Atom 1.0) publishing ``items``, in that order.  Story pages are linked
    absolutely under ``--base-url``; without one, relative to the feed: ``site_folder`` is
    where the site lies as seen from the feed (``""`` for the feeds inside the site)."""
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
        entry.content(item.summary_html, type="html")  # RSS content:encoded: the sources may change
        entry.summary(item.summary_html, type="html")  # RSS description too
        moment = datetime.fromisoformat(item.published or item.first_seen)
        entry.published(moment)
        entry.updated(datetime.fromisoformat(item.updated) if item.updated
                      else datetime.fromisoformat(item.first_seen) if not item.published else moment)
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
