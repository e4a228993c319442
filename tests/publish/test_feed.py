"""RSS 2.0 and Atom 1.0 feeds: content, validity, stable guids and the history."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from digest.publish.feed import article_guid, render_feed
from digest.store.state import StateStore
from samples import INSTALL_HINT, english_article, german_article, milestone_article, sample_briefing

ATOM_RNG = Path(__file__).resolve().parents[1] / "data" / "feed" / "atom.rng"
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def rss_of(briefing, **kwargs):
    return render_feed(briefing, **kwargs)[0]


def atom_of(briefing, **kwargs):
    return render_feed(briefing, **kwargs)[1]


# --- RSS ------------------------------------------------------------------------


def test_rss_parses_without_bozo_and_has_the_required_channel_elements():
    rss = rss_of(sample_briefing(base_url="https://news.example.org/digest/"))
    parsed = feedparser.parse(rss)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    channel = etree.fromstring(rss).find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    assert channel.findtext("language") == "en"
    assert channel.findtext("generator") == "digest"
    assert channel.findtext("lastBuildDate") == "Sun, 22 Nov 2026 07:30:00 +0000"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == "https://news.example.org/digest/feed.xml"
    assert channel.findtext("link") == "https://news.example.org/digest/"  # the site, not the feed itself


def test_without_a_base_url_the_channel_link_is_the_folder_the_feed_is_served_from():
    channel = etree.fromstring(rss_of(sample_briefing(base_url=""))).find("channel")
    assert channel.findtext("link") == "./"


def test_rss_items_carry_title_summary_link_date_source_and_language():
    rss = rss_of(sample_briefing(translated=True))
    parsed = feedparser.parse(rss)
    titles = [entry.title for entry in parsed.entries]
    assert titles == [
        "Luxembourg's €112M AI Factory and MeluXina-AI Go Live in Mid-2026",
        "Luxembourg announces strategic partnership with Mistral AI",
        "Luxembourg AI Factory sets new milestone",
    ]
    factory, mistral, milestone = parsed.entries
    # Every item links to its story's page in the web edition.
    assert [e.link for e in parsed.entries] == [
        "stories/002-ai-factory.html", "stories/004-mistral.html", "stories/001-milestone.html"
    ]
    assert factory.id == "https://etude.example/tech/luxembourg-ai-factory"
    guids = etree.fromstring(rss).findall("channel/item/guid")
    assert [g.get("isPermaLink") for g in guids] == ["true", "false", "false"]
    assert factory.tags[0].term == "Artificial Intelligence"
    assert "roughly €60 million comes from the Luxembourg state" in factory.summary
    assert factory.author == "Étude"
    assert mistral.published == "Tue, 17 Jun 2025 00:00:00 +0000"
    languages = [item.findtext("{http://purl.org/dc/elements/1.1/}language") for item in etree.fromstring(rss).iter("item")]
    assert languages == ["en", "de", "en"]
    assert "Translated from German by machine (argos de→en 1.9)" in mistral.summary
    assert "Original title: Luxemburg kündigt strategische Partnerschaft mit Mistral AI an" in mistral.summary
    assert milestone.id.startswith("urn:uuid:")
    # No date known for the first story: the time it was first seen.
    assert factory.published == "Sun, 22 Nov 2026 07:30:00 +0000"


def test_untranslated_item_says_so_with_the_install_command():
    parsed = feedparser.parse(rss_of(sample_briefing(translated=False)))
    mistral = parsed.entries[1]
    assert mistral.title == "Luxemburg kündigt strategische Partnerschaft mit Mistral AI an"
    assert "Not translated — shown in German." in mistral.summary
    assert INSTALL_HINT in mistral.summary


def test_remote_image_becomes_an_enclosure():
    article = english_article(image="https://etude.example/img/meluxina.jpg", related=[])
    rss = etree.fromstring(rss_of(sample_briefing(articles=[article])))
    enclosure = rss.find("channel/item/enclosure")
    assert enclosure.get("url") == "https://etude.example/img/meluxina.jpg"
    assert enclosure.get("type") == "image/jpeg"


def test_hostile_text_is_escaped_in_both_feeds():
    hostile = english_article(title="<script>alert(1)</script> & co", related=[])
    rss, atom = render_feed(sample_briefing(articles=[hostile]))
    for data in (rss, atom):
        assert b"<script>" not in data
        assert b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in data
    assert feedparser.parse(rss).entries[0].title == "<script>alert(1)</script> & co"


# --- Atom -----------------------------------------------------------------------


@pytest.mark.parametrize("base_url", ["", "https://news.example.org/digest"])
def test_atom_validates_against_the_rfc_4287_relax_ng_schema(base_url):
    schema = etree.RelaxNG(etree.parse(str(ATOM_RNG)))
    for translated in (False, True):
        atom = etree.fromstring(atom_of(sample_briefing(translated=translated, base_url=base_url)))
        assert schema.validate(atom), schema.error_log
        # The schema's two Schematron rules, which RELAX NG alone does not check:
        for entry in atom.findall("a:entry", ATOM):
            assert entry.xpath("a:link[@rel='alternate'] or a:link[not(@rel)] or a:content", namespaces=ATOM)
        assert atom.xpath("a:author or not(a:entry[not(a:author)])", namespaces=ATOM)


def test_atom_parses_and_links_to_itself_when_a_base_url_is_given():
    atom = atom_of(sample_briefing(base_url="https://news.example.org/digest"))
    parsed = feedparser.parse(atom)
    assert not parsed.bozo and parsed.version == "atom10"
    assert parsed.feed.id == "https://news.example.org/digest/atom.xml"
    assert {"rel": "self", "href": "https://news.example.org/digest/atom.xml"}.items() <= {
        k: v for link in parsed.feed.links if link.rel == "self" for k, v in link.items()
    }.items()
    # Every item, with a URL of its own or not, links to its story's permanent page.
    assert [e.link for e in parsed.entries] == [
        "https://news.example.org/digest/stories/002-ai-factory.html",
        "https://news.example.org/digest/stories/004-mistral.html",
        "https://news.example.org/digest/stories/001-milestone.html",
    ]


def test_each_atom_entry_has_one_alternate_link_and_its_image_as_an_enclosure_with_a_type():
    """newsboat opened the PNG as the story when the image was a second link without rel."""
    picture = "https://etude.example/images/factory.png?w=1200"
    briefing = sample_briefing(articles=[english_article(image=picture), milestone_article()],
                               base_url="https://news.example.org/digest/")
    rss, atom = render_feed(briefing)
    for entry in etree.fromstring(atom).findall("a:entry", ATOM):
        alternates = entry.xpath("a:link[@rel='alternate' or not(@rel)]/@href", namespaces=ATOM)
        assert len(alternates) == 1 and alternates[0].startswith("https://news.example.org/digest/stories/")
    factory = etree.fromstring(atom).find("a:entry", ATOM)
    enclosure = factory.find("a:link[@rel='enclosure']", ATOM)
    assert (enclosure.get("href"), enclosure.get("type")) == (picture, "image/png")
    item = etree.fromstring(rss).find("channel/item")
    assert item.findtext("link") == "https://news.example.org/digest/stories/002-ai-factory.html"
    assert item.find("enclosure").get("type") == "image/png"


# --- identity -------------------------------------------------------------------


def test_guid_does_not_depend_on_file_name_order_or_spacing():
    a = milestone_article()
    b = replace(milestone_article(), source="elsewhere/renamed.txt", id="other-id")
    b.title = "  Luxembourg  AI Factory sets new milestone "
    assert article_guid(a) == article_guid(b)
    assert article_guid(a) != article_guid(english_article(url=""))
    assert article_guid(english_article()) == ("https://etude.example/tech/luxembourg-ai-factory", True)
    tracked = english_article(url="https://etude.example/tech/luxembourg-ai-factory?utm_source=x#top")
    assert article_guid(tracked) == article_guid(english_article())


def test_same_story_from_two_files_is_one_item():
    copy = replace(english_article(), source="seeds/copy-of-002.txt")
    parsed = feedparser.parse(rss_of(sample_briefing(articles=[english_article(), copy, milestone_article()])))
    assert len(parsed.entries) == 2


def test_feed_is_the_same_whatever_the_order_of_guids_across_builds():
    forward = feedparser.parse(rss_of(sample_briefing()))
    backward = feedparser.parse(rss_of(sample_briefing(articles=list(reversed(sample_briefing().articles)))))
    assert sorted(e.id for e in forward.entries) == sorted(e.id for e in backward.entries)


# --- history --------------------------------------------------------------------


def test_history_keeps_earlier_items_newest_first(tmp_path):
    day1 = sample_briefing(articles=[english_article(), milestone_article()])
    day2 = sample_briefing(articles=[german_article(translated=True), milestone_article()])
    day2.created = day1.created + timedelta(days=1)
    with StateStore(tmp_path / "state.sqlite") as store:
        render_feed(day1, store=store)
    with StateStore(tmp_path / "state.sqlite") as store:  # a new run, the same file
        rss, atom = render_feed(day2, store=store)
    titles = [e.title for e in feedparser.parse(rss).entries]
    assert titles == [
        "Luxembourg announces strategic partnership with Mistral AI",  # new today
        "Luxembourg's €112M AI Factory and MeluXina-AI Go Live in Mid-2026",  # from yesterday
        "Luxembourg AI Factory sets new milestone",  # seen yesterday, again today: one item
    ]
    assert [e.title for e in feedparser.parse(atom).entries] == titles
    milestone = feedparser.parse(rss).entries[2]
    assert milestone.published == "Tue, 02 Dec 2025 00:00:00 +0000"


def test_history_is_cut_at_the_feed_limit(tmp_path):
    with StateStore(tmp_path / "state.sqlite") as store:
        render_feed(sample_briefing(articles=[english_article()]), store=store)
        later = sample_briefing(articles=[milestone_article()])
        later.created = datetime(2026, 11, 23, 7, 30, tzinfo=timezone.utc)
        rss, _ = render_feed(later, store=store, feed_limit=1)
    assert [e.title for e in feedparser.parse(rss).entries] == ["Luxembourg AI Factory sets new milestone"]


def test_history_remembers_when_each_item_was_first_and_last_seen(tmp_path):
    from digest.publish.feed import FEED_TABLE, record_items, unique_items

    day1 = sample_briefing(articles=[english_article(), milestone_article()])
    day2 = sample_briefing(articles=[milestone_article()])
    day2.created = day1.created + timedelta(days=1)
    with StateStore(tmp_path / "state.sqlite") as store:
        everything = record_items(store, unique_items(day1))
        assert [i.title for i in record_items(store, unique_items(day1), limit=1)] == [everything[0].title]
        record_items(store, unique_items(day2))
        rows = store.conn.execute(f"SELECT first_seen, last_seen FROM {FEED_TABLE} ORDER BY position").fetchall()
    first, second = day1.created.isoformat(), day2.created.isoformat()
    assert sorted(rows) == [(first, first), (first, second)]  # the milestone came back on day 2


def test_without_a_store_the_feed_is_just_this_build(tmp_path):
    with StateStore(tmp_path / "state.sqlite") as store:
        render_feed(sample_briefing(articles=[english_article()]), store=store)
    rss, _ = render_feed(sample_briefing(articles=[milestone_article()]))
    assert [e.title for e in feedparser.parse(rss).entries] == ["Luxembourg AI Factory sets new milestone"]


def test_a_month_only_date_is_not_passed_off_as_a_day():
    article = milestone_article()
    article.date = "2026-06"  # from an upload path: the day is unknown
    parsed = feedparser.parse(rss_of(sample_briefing(articles=[article])))
    assert parsed.entries[0].published == "Sun, 22 Nov 2026 07:30:00 +0000"  # first seen
    assert "June 2026" in parsed.entries[0].summary
