"""Stories a reader would recognise: one entry per event, every source listed, no fact twice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser

from digest.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OUTLETS = ["Wort", "Tageblatt", "RTL Today", "Delano", "Paperjam", "Luxembourg Times", "L'essentiel", "Reporter",
           "Virgule", "Chronicle", "Silicon Luxembourg", "ITnation", "Lëtzebuerger Journal", "Quotidien",
           "Télécran", "Revue", "Business Review", "Tech Daily", "Europe Wire", "Data Notes"]


def _seed_paragraphs(name: str) -> tuple[str, list[str]]:
    """Title and body paragraphs of a seed, as the cleaner keeps them."""
    from digest.article import Article
    from digest.text.clean import clean_article

    path = next(SEEDS.glob(name + "_*.txt"))
    article = Article(source=path.name, raw=path.read_text(encoding="utf-8"))
    clean_article(article)
    return article.title, [b.text for b in article.blocks if b.kind == "paragraph"]


def _write(folder: Path, name: str, title: str, paragraphs: list[str], publisher: str, date: str, url: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    head = f"Title: {title}\nPublisher: {publisher}\nDate: {date}\nURL: {url}\n\n"
    (folder / name).write_text(head + title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def twenty_copies_and_five_others(folder: Path) -> None:
    """20 lightly edited copies of the AI Factory explainer (002) and 5 unrelated articles
    built from the other seeds' texts and a few invented but realistic reports."""
    title, paragraphs = _seed_paragraphs("002")
    for i, outlet in enumerate(OUTLETS):
        edited = list(paragraphs)
        edited[0] = edited[0].replace("Luxembourg has long", f"As {outlet} reports, Luxembourg has long")
        if i % 2:
            edited = edited[:-1]  # some copies drop the last paragraph
        if i % 3 == 0:
            edited.append(f"This article was first published by {OUTLETS[0]} and is republished with permission.")
        slug = re.sub(r"\W+", "-", outlet.lower()).strip("-")
        _write(folder, f"copy_{i:02d}.txt", title if i % 4 else title + " (update)", edited, outlet,
               f"2026-11-{10 + i % 5:02d}", f"https://{slug}.example/ai-factory")
    for seed in ("000", "003"):
        other_title, other = _seed_paragraphs(seed)
        _write(folder, f"other_{seed}.txt", other_title, other, "Source " + seed, "2026-11-12",
               f"https://source{seed}.example/story")
    _write(folder, "other_bridge.txt", "Trier approves Moselle bridge", [
        "The city council of Trier approved the new Moselle bridge on Monday after years of debate.",
        "The bridge, designed by the firm BrückenWerk, will cost 40,500,000 euros and carry 22,500 cars a day.",
        "Construction is to start next spring and take three years, the mayor Wolfram Leibe said.",
    ], "Trierischer Volksfreund", "2026-11-13", "https://volksfreund.example/bridge")
    _write(folder, "other_museum.txt", "Roman gallery reopens in Trier", [
        "The Rheinisches Landesmuseum reopened its Roman gallery after a renovation of two years.",
        "Visitors queued for hours to see the restored mosaics and the Trier gold hoard of 18,000 coins.",
        "The renovation cost 6.2 million euros, shared by the state and the city.",
    ], "SWR", "2026-11-11", "https://swr.example/museum")
    _write(folder, "other_rail.txt", "CFL orders 34 new double-deck trains", [
        "Luxembourg's railway operator CFL has ordered 34 double-deck trains from Alstom for 460 million euros.",
        "The first of the Coradia Stream trains will enter service on the Luxembourg–Thionville line in 2029.",
        "CFL said the order raises seating capacity on cross-border routes by a third.",
    ], "Luxembourg Times", "2026-11-12", "https://lt.example/cfl-trains")


def test_twenty_copies_of_one_story_become_one_entry_with_one_source_and_the_others_stay_intact(tmp_path):
    folder = tmp_path / "in"
    twenty_copies_and_five_others(folder)
    out = tmp_path / "out"
    assert main(["build", str(folder), "--out", str(out), "--quiet"]) == 0
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 25  # digest.json keeps every article
    stories = data["stories"]
    assert len(stories) == 6
    factory = next(s for s in stories if len(s["articles"]) == 20)
    assert len(factory["sources"]) == 1 and len(factory["sources"][0]["copies"]) == 19
    assert sorted(len(s["articles"]) for s in stories) == [1, 1, 1, 1, 1, 20]

    html = (out / "digest.html").read_text(encoding="utf-8")
    assert len(html.encode("utf-8")) < 100_000
    assert html.count("Also published by:") == 1
    for title in ("Trier approves Moselle bridge", "Roman gallery reopens in Trier", "CFL orders 34 new double-deck trains"):
        assert title in html
    text = (out / "digest.txt").read_text(encoding="utf-8")
    assert len(re.findall(r"(?m)^\d+\. ", text)) == 6
    assert "TOP STORIES" in text
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert len(feed.entries) == 6
    summary = [s["sentence"] for s in factory["summary"]]
    assert len(summary) == len(set(summary)) >= 1


def test_on_the_seeds_the_ai_factory_reports_are_one_story_and_the_round_up_only_related(tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    source_of = {a["id"]: Path(a["source"]).name[:3] for a in data["articles"]}
    groups = {tuple(sorted(source_of[i] for i in s["articles"])): s for s in data["stories"]}
    assert sorted(groups) == [("000",), ("001", "002"), ("003",), ("004",)]
    factory = groups[("001", "002")]
    assert len(factory["sources"]) == 2
    assert {source_of[s["source"]] for s in factory["summary"]} == {"001", "002"}
    assert factory["related"] == [groups[("000",)]["id"]]  # related, not the same story
    # the round-up may also point to the 2025 Nexus piece (related through the conference's names, across
    # languages): related, never the same story
    assert factory["id"] in groups[("000",)]["related"]
    assert set(groups[("000",)]["related"]) <= {factory["id"], groups[("004",)]["id"]}
    text = (out / "digest.txt").read_text(encoding="utf-8")
    related_line = re.search(r"Related, not the same story: [^\n]*", re.sub(r"\s+", " ", text))
    assert related_line and "Luxembourg AI Factory sets new milestone" in related_line.group(0)
    for story in data["stories"]:
        assert set(story["importance_parts"]) == {"sources", "recency", "new"}
        assert story["importance"] == round(sum(story["importance_parts"].values()), 4)
    assert [s["importance"] for s in data["stories"]] == sorted((s["importance"] for s in data["stories"]), reverse=True)
    assert len(feedparser.parse((out / "feed.xml").read_bytes()).entries) == 4


def test_a_rebuild_that_adds_a_source_updates_the_feed_item_and_keeps_its_guid(tmp_path, monkeypatch):
    import shutil
    from datetime import datetime, timezone

    from digest import pipeline

    days = iter([datetime(2026, 11, 21, 6, 30, tzinfo=timezone.utc), datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc)])

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return next(days)

    monkeypatch.setattr(pipeline, "datetime", Clock)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000", "001", "003"):
        path = next(SEEDS.glob(name + "_*.txt"))
        shutil.copy(path, folder / path.name)
    out = tmp_path / "out"
    assert main(["build", str(folder), "--out", str(out), "--quiet"]) == 0
    first = feedparser.parse((out / "atom.xml").read_bytes())
    factory = next(e for e in first.entries if "AI Factory sets new milestone" in e.title)

    shutil.copy(next(SEEDS.glob("002_*.txt")), folder)  # a second report on the AI Factory arrives
    assert main(["build", str(folder), "--out", str(out), "--quiet"]) == 0
    second = feedparser.parse((out / "atom.xml").read_bytes())
    assert len(second.entries) == len(first.entries) == 3  # no new item for the known story
    again = next(e for e in second.entries if e.id == factory.id)
    assert "Étude" in again.content[0].value and "Étude" not in factory.content[0].value
    assert again.updated.startswith("2026-11-22")
    rss = feedparser.parse((out / "feed.xml").read_bytes())
    assert factory.id in [e.id for e in rss.entries]
