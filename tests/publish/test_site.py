"""The web edition: what a reader finds on each page, and that links keep working build after build."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timezone
from html import unescape
from pathlib import Path

import feedparser
import pytest
from lxml import html as lxml_html

from digest.cli import main
from digest.publish.pages import story_path
from digest.story import Source, Story, StorySentence
from digest.publish.site import SiteEdition
from digest.store.state import StateStore
from samples import INSTALL_HINT, sample_briefing

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def visible(page: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<head>.*?</head>", " ", page))).split())


@pytest.fixture
def pages(tmp_path):
    def render(briefing):
        with StateStore(tmp_path / "state.sqlite") as store:
            return SiteEdition(briefing, store, tmp_path / "site").pages()
    return render


def test_each_story_has_a_permanent_page_named_after_its_id(pages):
    briefing = sample_briefing()
    paths = [story_path(story) for story in briefing.stories]
    assert paths == [f"stories/{story.id}.html" for story in briefing.stories]
    assert set(paths) <= set(pages(briefing))


def test_story_page_shows_headline_sources_summary_figures_and_each_full_text(pages):
    page = pages(sample_briefing(translated=True))["stories/004-mistral.html"]
    text = visible(page)
    assert "<h1 lang=\"en\">Luxembourg announces strategic partnership with Mistral AI</h1>" in page
    assert "Original title: Luxemburg kündigt strategische Partnerschaft mit Mistral AI an" in text
    assert "<span lang=\"de\">Luxemburg kündigt" in page
    assert "Tageblatt · 17 June 2025 · German" in text
    assert "Translated from German by machine (argos de→en 1.9)." in text
    assert "The government has now signed a strategic partnership with Mistral AI, he emphasised." in text
    assert "Key figures: 15 Millionen Euro" in text
    # The English translation with the original beside it, each in its own language.
    assert "English translation" in text and "Original, in German" in text
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//div[@lang='en']//h5/text()") == ["Humans remain irreplaceable"]
    assert tree.xpath("//div[@lang='de']//h5/text()") == ["Der Mensch bleibt unersetzbar"]
    assert "„Es war die richtige Entscheidung, nach Luxemburg zu kommen“" in text
    # above the full text the language is named once, by its badge
    meta = tree.xpath("//article[contains(@class, 'source')]/p[@class='meta']")[0].text_content()
    assert " ".join(meta.split()) == "Tageblatt · 17 June 2025 · German"


def test_story_page_of_an_untranslated_article_says_so_with_the_install_command(pages):
    page = pages(sample_briefing(translated=False))["stories/004-mistral.html"]
    assert "Not translated — shown in German. No German→English model is installed." in visible(page)
    assert f"<code>{INSTALL_HINT}</code>" in page
    assert '<h1 lang="de">Luxemburg kündigt strategische Partnerschaft mit Mistral AI an</h1>' in page


def test_story_of_two_sources_lists_both_with_publisher_and_link_to_the_original(pages):
    briefing = sample_briefing()
    factory, milestone = (next(a for a in briefing.articles if a.id == i) for i in ("002-ai-factory", "001-milestone"))
    briefing.stories = [Story(id=milestone.id, sources=[Source(factory), Source(milestone)],
                              sentences=[StorySentence(s, factory.id) for s in factory.display_summary])]
    page = pages(briefing)["stories/001-milestone.html"]
    tree = lxml_html.fromstring(page)
    sources = [" ".join(li.text_content().split()) for li in tree.xpath("//ul[@class='sources']/li")]
    assert sources[0].startswith("Luxembourg's €112M AI Factory and MeluXina-AI Go Live in Mid-2026 Étude · date unknown · English")
    assert sources[0].endswith("Original article at Étude")
    assert sources[1] == "Luxembourg AI Factory sets new milestone 2 December 2025 · English"
    assert tree.xpath("//a[@class='out']/@href") == ["https://etude.example/tech/luxembourg-ai-factory"]
    assert len(tree.xpath("//article[@class='source']")) == 2


def test_briefing_pages_link_stories_relative_to_where_they_lie(pages):
    site = pages(sample_briefing())
    stories = ["stories/002-ai-factory.html", "stories/004-mistral.html", "stories/001-milestone.html"]
    assert set(site) == {"style.css", "index.html", "archive.html", "search.html", "briefings/2026-11-22.html", *stories}
    index = lxml_html.fromstring(site["index.html"])
    day = lxml_html.fromstring(site["briefings/2026-11-22.html"])
    assert index.xpath("//ol[@class='stories']//h2/a/@href") == stories
    assert day.xpath("//ol[@class='stories']//h2/a/@href") == ["../" + path for path in stories]
    assert day.xpath("//link[@rel='stylesheet']/@href") == ["../style.css"]
    assert "Sunday, 22 November 2026 · 3 stories from sources in English, German" in visible(site["index.html"])


# --- the site across builds ------------------------------------------------------


def build_at(inputs: Path, out: Path, moment: datetime, monkeypatch, *extra: str) -> None:
    from digest import pipeline

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return moment

    monkeypatch.setattr(pipeline, "datetime", Clock)
    assert main(["build", str(inputs), "--out", str(out), "--quiet", *extra]) == 0


@pytest.fixture
def three_builds(tmp_path, monkeypatch):
    """Three builds, each with new articles: two on 21 November, one on 22 November."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    moments = [datetime(2026, 11, 21, 6, 30, tzinfo=timezone.utc), datetime(2026, 11, 21, 18, 0, tzinfo=timezone.utc),
               datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc)]
    for moment, batch in zip(moments, (seeds[:2], seeds[2:3], seeds[3:])):
        for seed in batch:
            shutil.copy(seed, inputs / seed.name)
        build_at(inputs, out, moment, monkeypatch)
    return out / "site"


def test_every_item_of_the_final_feed_links_to_a_page_showing_that_story(three_builds):
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((three_builds / name).read_bytes())
        assert len(feed.entries) == 4  # five seeds, two of them one story
        for entry in feed.entries:
            assert not re.match(r"\w+:", entry.link), entry.link  # relative without --base-url
            page = three_builds / entry.link
            assert page.is_file(), entry.link
            assert entry.title in visible(page.read_text(encoding="utf-8")), entry.link


def test_earlier_briefings_keep_their_pages_and_the_archive_lists_every_one(three_builds):
    assert sorted(p.name for p in (three_builds / "briefings").iterdir()) == [
        "2026-11-21-2.html", "2026-11-21.html", "2026-11-22.html"]
    archive = lxml_html.fromstring((three_builds / "archive.html").read_text(encoding="utf-8"))
    assert [" ".join(a.text_content().split()) for a in archive.xpath("//ol[@class='archive']/li/h2/a")] == [
        "Sunday, 22 November 2026", "Saturday, 21 November 2026, 18:00 UTC", "Saturday, 21 November 2026, 06:30 UTC"]
    assert archive.xpath("//ol[@class='archive']/li/h2/a/@href") == [
        "briefings/2026-11-22.html", "briefings/2026-11-21-2.html", "briefings/2026-11-21.html"]
    for link in archive.xpath("//ol[@class='archive']//a/@href"):
        assert (three_builds / link).is_file(), link
    first = (three_builds / "briefings" / "2026-11-21.html").read_text(encoding="utf-8")
    assert "Saturday, 21 November 2026 · 2 stories from sources in English" in visible(first)


def test_a_rebuild_with_nothing_new_rewrites_no_page(three_builds, monkeypatch):
    before = {p: p.stat().st_ino for p in three_builds.rglob("*.html")}
    inputs = three_builds.parent.parent / "in"
    build_at(inputs, three_builds.parent, datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc), monkeypatch)
    assert {p: p.stat().st_ino for p in three_builds.rglob("*.html")} == before


def test_with_a_base_url_the_feeds_and_the_email_link_story_pages_absolutely(tmp_path, monkeypatch):
    build_at(SEEDS, tmp_path, datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc), monkeypatch,
             "--base-url", "https://news.example.org/briefing/")
    site = tmp_path / "site"
    for feed in (site / "feed.xml", tmp_path / "feed.xml"):
        for entry in feedparser.parse(feed.read_bytes()).entries:
            assert entry.link.startswith("https://news.example.org/briefing/stories/")
            assert (site / entry.link.removeprefix("https://news.example.org/briefing/")).is_file()
    email = lxml_html.fromstring((tmp_path / "digest.html").read_text(encoding="utf-8"))
    web = email.xpath("//a[starts-with(text(), 'All sources and the full text on the web')]/@href")
    assert len(web) == 4 and all(link.startswith("https://news.example.org/briefing/stories/") for link in web)
    assert "All sources and the full text: https://news.example.org/briefing/stories/" in (
        tmp_path / "digest.txt").read_text(encoding="utf-8")


def test_without_a_base_url_the_top_level_feed_links_into_the_site(tmp_path, monkeypatch):
    build_at(SEEDS, tmp_path, datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc), monkeypatch)
    for entry in feedparser.parse((tmp_path / "feed.xml").read_bytes()).entries:
        assert entry.link.startswith("site/stories/") and (tmp_path / entry.link).is_file()
    assert "All sources and the full text" not in (tmp_path / "digest.html").read_text(encoding="utf-8")


# --- search (Pagefind, when installed) ---------------------------------------------


def test_without_pagefind_the_build_succeeds_and_the_search_page_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGEST_PAGEFIND", "off")  # as if it were not installed
    build_at(SEEDS, tmp_path, datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc), monkeypatch)
    site = tmp_path / "site"
    assert not (site / "pagefind").exists()
    page = (site / "search.html").read_text(encoding="utf-8")
    text = visible(page)
    assert "Search is not available on this copy of the site: it needs Pagefind" in text
    assert "npm install pagefind@1" in text
    tree = lxml_html.fromstring(page)
    assert "archive.html" in tree.xpath("//main//a/@href")
    assert "<script" not in page  # nothing tries to load an index that is not there
    for other in ("index.html", "archive.html", sorted((site / "stories").iterdir())[0].relative_to(site).as_posix()):
        assert any(href.endswith("search.html")
                   for href in lxml_html.fromstring((site / other).read_bytes()).xpath("//nav//a/@href")), other


def test_only_story_pages_are_marked_for_the_index_and_their_back_link_is_left_out(pages):
    rendered = pages(sample_briefing())
    for path, page in rendered.items():
        if path.startswith("stories/"):
            tree = lxml_html.fromstring(page)
            assert tree.xpath("//article[@data-pagefind-body]/h1"), path
            assert not tree.xpath("//nav[ancestor::*[@data-pagefind-body]]"), path
            assert tree.xpath("//p[@class='appeared']/@data-pagefind-ignore") == [""], path
            assert tree.xpath("//p[@class='kicker']/@data-pagefind-ignore") == [""], path
        elif path.endswith(".html"):
            assert "data-pagefind-body" not in page, path


def test_a_failing_pagefind_is_a_warning_and_keeps_the_previous_index(tmp_path, monkeypatch, capsys):
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'pagefind: out of cheese' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("DIGEST_PAGEFIND", str(fake))
    out = tmp_path / "out"
    (out / "site" / "pagefind").mkdir(parents=True)
    (out / "site" / "pagefind" / "pagefind-ui.js").write_text("// an earlier index\n")
    from digest import pipeline

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc)

    monkeypatch.setattr(pipeline, "datetime", Clock)
    assert main(["build", str(SEEDS), "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "search: pagefind failed (exit 3: pagefind: out of cheese)" in said.out + said.err
    assert (out / "site" / "pagefind" / "pagefind-ui.js").read_text() == "// an earlier index\n"
    assert not list((out / "site").glob(".pagefind*"))
    assert "pagefind/pagefind-ui.js" in (out / "site" / "search.html").read_text(encoding="utf-8")


def test_with_pagefind_the_build_indexes_every_story_page_into_site_pagefind(tmp_path, monkeypatch):
    from digest.publish.search import find_pagefind

    if find_pagefind() is None:
        pytest.skip("pagefind is not installed (install.sh installs it from npm into .venv/node)")
    build_at(SEEDS, tmp_path, datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc), monkeypatch)
    site = tmp_path / "site"
    bundle = site / "pagefind"
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "pagefind-ui.css").is_file()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(
        list((site / "stories").glob("*.html"))) == 4
    assert not list(site.glob(".pagefind*"))
    page = (site / "search.html").read_text(encoding="utf-8")
    assert 'script.src = "pagefind/pagefind-ui.js"' in page
    assert "http" not in re.sub(r"(?s).*<script>(.*)</script>.*", r"\1", page)  # only local files
    # Nothing new: the index is left as it is.
    before = {p: p.stat().st_mtime_ns for p in bundle.rglob("*")}
    build_at(SEEDS, tmp_path, datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc), monkeypatch)
    assert {p: p.stat().st_mtime_ns for p in bundle.rglob("*")} == before
