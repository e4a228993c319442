"""The feed, email and PDF never date a story by the build: trusted date, else first seen (kept in the store)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import feedparser

from digest.article import Evidence
from digest.store.first_seen import stamp_first_seen
from digest.publish.feed import render_feed
from digest.publish.mail import meta_line
from digest.store.state import StateStore
from test_mail import english_article, milestone_article, sample_briefing

DAY1 = datetime(2026, 11, 1, 6, 0, tzinfo=timezone.utc)


def test_a_weak_date_is_not_the_pubdate_and_the_item_says_first_seen(tmp_path):
    article = milestone_article()
    article.date = "2025-11-01"
    article.evidence["date"] = Evidence("2025-11-01", "date far above the headline (site header)", 0.3)
    with StateStore(tmp_path / "state.sqlite") as store:
        stamp_first_seen([article], store, DAY1)
        later = DAY1 + timedelta(days=3)
        again = milestone_article()
        again.date, again.evidence["date"] = article.date, article.evidence["date"]
        stamp_first_seen([again], store, later)  # a later build: the first-seen time does not move
    assert again.first_seen == DAY1.isoformat()
    assert again.trusted_date == ""
    briefing = sample_briefing(articles=[again])
    briefing.created = DAY1 + timedelta(days=3)
    rss, _ = render_feed(briefing)
    entry = feedparser.parse(rss).entries[0]
    assert entry.published == "Sun, 01 Nov 2026 06:00:00 +0000"  # first seen, not the build
    assert "date unknown (1 November 2025?); first seen 1 November 2026" in entry.summary


def test_a_trusted_date_is_shown_and_orders_the_story():
    article = english_article()
    article.date = "2025-06-17"
    article.evidence["date"] = Evidence("2025-06-17", "dateline next to the headline", 0.9)
    article.first_seen = DAY1.isoformat()
    assert article.trusted_date == "2025-06-17" and article.sort_moment == "2025-06-17"
    assert "17 June 2025" in meta_line(article) and "unknown" not in meta_line(article)
    undated = milestone_article()
    undated.date, undated.first_seen = "", DAY1.isoformat()
    assert undated.sort_moment == "2026-11-01"
    assert meta_line(undated).endswith("date unknown; first seen 1 November 2026") or \
        "date unknown; first seen 1 November 2026" in meta_line(undated)


def test_seed_004_keeps_its_date_as_a_guess_not_as_fact():
    from pathlib import Path

    from digest.text.clean import clean_text

    raw = (Path(__file__).resolve().parents[2] / "seeds" / "004_6badccb010855abc.txt").read_text(encoding="utf-8")
    result = clean_text(raw)
    assert result.date == "2025-06-17"
    assert result.evidence["date"].confidence < 0.47  # kept with its evidence, not shown as the publication date


def test_publisher_from_an_image_host_and_author_separators_are_not_shown_as_fact():
    from digest.text.clean import clean_text
    from digest.text.metadata import byline_author

    assert byline_author("By Jan Peeters ·") == "Jan Peeters"
    page = "\n".join([
        "Council approves new tram line for the city centre",
        "The council voted 31 to 9 on Thursday evening to build a tram line linking the railway station with the "
        "university campus, ending a debate that has run for almost a decade in the city.",
        "![tram](https://cdn.imagehost.example/uploads/tram.jpg)",
        "Construction is due to start next spring and should take about three years, and the city expects around "
        "18,000 passengers a day once the line is open to the public.",
    ])
    result = clean_text(page, "en")
    assert result.publisher == ""
    assert result.evidence["publisher"].value == "cdn.imagehost.example"
    assert "not shown" in result.evidence["publisher"].source
