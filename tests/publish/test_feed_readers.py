"""The feeds as a subscriber's reader sees them: Debian's newsboat, a real console feed reader.

feedparser (used by the other feed tests) is lenient by design; newsboat parses
with its own libxml2-based reader, as many subscribers do.  It fetches the
feeds of a real build of the seeds through ``file://`` URLs and keeps what it
read in its SQLite cache, which these tests read back.  Skipped when newsboat
is not installed (``install.sh`` installs it).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sqlite3
import subprocess

import pytest

from samples import SEEDS

NEWSBOAT = shutil.which("newsboat")
pytestmark = pytest.mark.skipif(NEWSBOAT is None, reason="newsboat not installed (install.sh installs it)")


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    from digest import pipeline
    from digest.config import Settings

    out = tmp_path_factory.mktemp("build")
    pipeline.build(Settings(out=out, inputs=[SEEDS], quiet=True))
    return out


def read_with_newsboat(feed, workdir) -> list[dict]:
    """What newsboat stored after reloading ``feed`` once: its items, in the feed's order."""
    urls, cache = workdir / f"{feed.name}.urls", workdir / f"{feed.name}.db"
    urls.write_text(feed.as_uri() + "\n", encoding="utf-8")
    done = subprocess.run([NEWSBOAT, "-u", str(urls), "-c", str(cache), "-C", "/dev/null", "-x", "reload"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(cache) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT title, url, pubDate, content FROM rss_item ORDER BY id")]


def words(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_newsboat_reads_every_story_with_its_headline_summary_date_and_web_page(build, tmp_path, name):
    stories = json.loads((build / "digest.json").read_text(encoding="utf-8"))["stories"]
    items = read_with_newsboat(build / name, tmp_path)

    assert sorted(item["title"] for item in items) == sorted(story["headline"] for story in stories)
    for item in items:
        story = next(story for story in stories if story["headline"] == item["title"])
        assert words(story["summary"][0]["sentence"])[:80] in words(item["content"]), item["title"]
        page = build / "site" / "stories" / f"{story['id']}.html"
        assert item["url"] == page.as_uri() and page.is_file()
        assert item["pubDate"] > 0
    dates = [item["pubDate"] for item in items]
    assert dates == sorted(dates, reverse=True)  # newest first, as the feed lists them
