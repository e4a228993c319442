"""Keeping the feed history: check it against what was published, salvage a damaged
store, and re-read the history from the published feed.

The history in the state store is what keeps a feed reader from losing the
items of earlier days.  A store that is empty, recreated or damaged would
otherwise be taken as a fresh one, and the next feed would hold only today's
items; the feed.xml in the output folder still lists what was published, so
it is the witness the store is checked against, and the source it can be
rebuilt from.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import asdict
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from .state import StateError, StateStore

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
TABLES = ("cache", "feed_items")  # what a salvage copies, in this order


def published_items(out: Path) -> tuple[Path | None, list]:
    """The items the feed in ``out`` publishes (``FeedItem``s, newest first), and the file
    they were read from: feed.xml, else atom.xml; ``(None, [])`` when neither can be read."""
    from lxml import etree

    for name, read in (("feed.xml", _rss_items), ("atom.xml", _atom_items)):
        path = Path(out) / name
        try:
            root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        except (OSError, etree.XMLSyntaxError):
            continue
        return path, read(root)
    return None, []


def check_history(store: StateStore, out: Path) -> None:
    """Stop a build whose store lacks items the published feed holds: building on would
    drop them from the feed without a word."""
    from ..publish.feed import FEED_TABLE

    feed, items = published_items(out)
    if not items:
        return
    with store.guard("read the feed history"):
        known = set()
        if store.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (FEED_TABLE,)).fetchone():
            known = {row[0] for row in store.conn.execute(f"SELECT guid FROM {FEED_TABLE}")}
    missing = [item for item in items if item.guid not in known]
    if missing:
        raise StateError(
            f"{store.path}: the feed history lacks {len(missing)} of the {len(items)} items that {feed} "
            f"publishes (an empty, new or damaged store?); the build stops, because building now would "
            f"drop them from the feed. Re-read them with 'digest state rebuild-history --out {out} "
            f"--state {store.path}' (or salvage a damaged store with 'digest state repair --state "
            f"{store.path}'), then build again")


def rebuild_history(store: StateStore, out: Path) -> tuple[Path, int]:
    """Add every item the published feed holds and the history lacks; returns (feed read, items added)."""
    from ..publish.feed import FEED_TABLE, _ensure_table

    feed, items = published_items(out)
    if feed is None:
        raise StateError(f"{out}: no readable feed.xml or atom.xml to rebuild the history from")
    rows = [(item.guid, item.first_seen, item.first_seen, item.published, position,
             json.dumps(asdict(item), ensure_ascii=False)) for position, item in enumerate(items)]
    with store.transaction("rebuild the feed history") as conn:
        _ensure_table(conn)
        before = conn.total_changes
        conn.executemany(f"INSERT OR IGNORE INTO {FEED_TABLE} (guid, first_seen, last_seen, published, position, item)"
                         " VALUES (?, ?, ?, ?, ?, ?)", rows)
        added = conn.total_changes - before
    return feed, added


def repair(path: Path) -> tuple[Path, dict[str, int]]:
    """Copy what SQLite can still read from the store at ``path`` into a new store that takes its
    place; the damaged file is kept beside it.  Returns (where the damaged file went, rows per table)."""
    path = Path(path)
    if not path.exists():
        raise StateError(f"{path}: no such state store")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    fresh = path.with_name(f"{path.name}.repaired-tmp")
    for leftover in (fresh, *_sidecars(fresh)):
        leftover.unlink(missing_ok=True)
    with StateStore(fresh) as new:
        from ..publish.feed import _ensure_table

        with new.guard("create the repaired store"):
            _ensure_table(new.conn)
        counts = {table: _salvage(path, new, table) for table in TABLES}
        with new.guard("write the repaired store"):
            new.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for source in (path, *_sidecars(path)):
        if source.exists():
            shutil.move(str(source), str(source.with_name(kept.name + source.name[len(path.name):])))
    shutil.move(str(fresh), str(path))
    for leftover in _sidecars(fresh):
        leftover.unlink(missing_ok=True)
    return kept, counts


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _salvage(damaged: Path, new: StateStore, table: str) -> int:
    """Rows of ``table`` read in rowid order; past a damaged page, reading starts again further
    on (1, 2, 4 … rows ahead), so one bad page costs the rows on it, not the rest."""
    try:
        conn = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    copied, after, skip = 0, -(2**63), 1
    try:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        if not columns:
            return 0
        marks = ",".join("?" * len(columns))
        while skip < 2**40:
            try:
                cursor = conn.execute(f"SELECT rowid, {','.join(columns)} FROM {table} WHERE rowid > ? ORDER BY rowid",
                                      (after,))
                for row in cursor:
                    with new.guard("write the repaired store"):
                        new.conn.execute(f"INSERT OR IGNORE INTO {table} ({','.join(columns)}) VALUES ({marks})",
                                         row[1:])
                    after, skip, copied = row[0], 1, copied + 1
                break
            except sqlite3.DatabaseError:
                after, skip = after + skip, skip * 2
    except sqlite3.DatabaseError:
        return copied
    finally:
        conn.close()
        with new.guard("write the repaired store"):
            new.conn.commit()
    return copied


def _rss_items(root) -> list:
    from ..publish.feed import FeedItem

    channel = root.find("channel")
    if channel is None:
        return []
    built = _rfc822(channel.findtext("lastBuildDate")) or datetime.now(timezone.utc).replace(microsecond=0)
    items = []
    for entry in channel.findall("item"):
        guid = entry.find("guid")
        if guid is None or not (guid.text or "").strip():
            continue
        enclosure = entry.find("enclosure")
        published = _rfc822(entry.findtext("pubDate"))
        items.append(FeedItem(
            guid=guid.text.strip(), permalink=guid.get("isPermaLink", "true") == "true",
            title=entry.findtext("title") or "", link=entry.findtext("link") or "",
            summary_html=entry.findtext("description") or "",
            published=published.isoformat() if published else "",
            author=entry.findtext(f"{DC}creator") or "", category=entry.findtext("category") or "",
            lang=entry.findtext(f"{DC}language") or "",
            image=enclosure.get("url", "") if enclosure is not None else "",
            first_seen=built.astimezone(timezone.utc).isoformat()))
    return items


def _atom_items(root) -> list:
    from ..publish.feed import FeedItem

    updated = _iso(root.findtext(f"{ATOM}updated")) or datetime.now(timezone.utc).replace(microsecond=0)
    items = []
    for entry in root.findall(f"{ATOM}entry"):
        guid = (entry.findtext(f"{ATOM}id") or "").strip()
        if not guid:
            continue
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        href = link.get("href", "") if link is not None else ""
        category = entry.find(f"{ATOM}category")
        published = _iso(entry.findtext(f"{ATOM}published"))
        items.append(FeedItem(
            guid=guid, permalink=guid == href, title=entry.findtext(f"{ATOM}title") or "", link=href,
            summary_html=entry.findtext(f"{ATOM}summary") or entry.findtext(f"{ATOM}content") or "",
            published=published.isoformat() if published else "",
            author=entry.findtext(f"{ATOM}author/{ATOM}name") or "",
            category=category.get("term", "") if category is not None else "",
            lang=entry.findtext(f"{DC}language") or "",
            first_seen=updated.astimezone(timezone.utc).isoformat()))
    return items


def _rfc822(value: str | None) -> datetime | None:
    try:
        return parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None


def _iso(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
