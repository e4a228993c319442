"""Cross-article stories: link articles on the same story, never tell a fact twice."""

from pathlib import Path

import pytest

from digest.article import Article, Block
from digest.analysis.stories import find_related, link_stories
from digest.analysis.summarize import summarize_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _article(ident: str, title: str, paragraphs: list[str], lang: str = "en") -> Article:
    return Article(source=f"{ident}.txt", id=ident, title=title, lang=lang,
                   blocks=[Block("paragraph", p) for p in paragraphs])


BRIDGE_A = _article("bridge-a", "Trier approves Moselle bridge", [
    "The city council of Trier approved the new Moselle bridge on Monday after years of debate.",
    "The bridge, designed by the firm BrückenWerk, will cost 40,500,000 euros and carry 22,500 cars a day.",
    "Construction is to start next spring and take three years.",
])
BRIDGE_B = _article("bridge-b", "Moselle bridge gets the go-ahead", [
    "Trier's councillors voted on Monday to build the Moselle bridge planned by BrückenWerk.",
    "The council approved the new Moselle bridge after years of debate, the mayor said.",
    "Its 40,500,000-euro budget makes it the largest project in the city, with 22,500 cars expected daily.",
])
MUSEUM = _article("museum", "Museum reopens", [
    "The Rheinisches Landesmuseum reopened its Roman gallery after a renovation of two years.",
    "Visitors queued for hours to see the restored mosaics and the coin hoard.",
])
BRIDGE_DE = _article("bridge-de", "Trier genehmigt Moselbrücke", [
    "Der Stadtrat von Trier hat am Montag die neue Moselbrücke von BrückenWerk genehmigt.",
    "Die Brücke kostet 40.500.000 Euro und soll täglich 22.500 Autos tragen.",
], lang="de")


def test_articles_on_the_same_story_are_linked_and_others_are_not():
    articles = [BRIDGE_A, MUSEUM, BRIDGE_B]
    link_stories(articles)
    assert BRIDGE_A.related == ["bridge-b"]
    assert BRIDGE_B.related == ["bridge-a"]
    assert MUSEUM.related == []


def test_a_german_report_meets_the_english_one_through_names_and_figures():
    related = find_related([BRIDGE_A, MUSEUM, BRIDGE_DE])
    assert related[0] == [2]
    assert related[1] == []


def test_the_same_fact_is_not_told_twice_in_one_briefing():
    first = summarize_article(_article("a", BRIDGE_A.title, [b.text for b in BRIDGE_A.blocks]), sentences=1)
    second = summarize_article(_article("b", BRIDGE_B.title, [b.text for b in BRIDGE_B.blocks]), sentences=1)
    assert "approved the new Moselle bridge" in first.summary.sentences[0]
    link_stories([first, second])
    assert second.related == ["a"]
    assert len(second.summary.sentences) == 1
    assert "approved the new Moselle bridge after years of debate" not in second.summary.sentences[0]


def test_a_fact_told_in_english_is_not_repeated_from_the_german_report():
    english = summarize_article(_article("en", BRIDGE_A.title, [b.text for b in BRIDGE_A.blocks]), sentences=3)
    german = summarize_article(_article("de", "Moselbrücke kostet 40,5 Millionen", [
        "Die neue Moselbrücke von BrückenWerk kostet 40.500.000 Euro und soll täglich 22.500 Autos tragen.",
        "Der Stadtrat von Trier hat die Brücke am Montag nach langer Debatte genehmigt.",
    ], lang="de"), sentences=1)
    assert any("40,500,000 euros" in s for s in english.summary.sentences)
    assert "40.500.000 Euro" in german.summary.sentences[0]
    link_stories([english, german])
    assert german.related == ["en"]
    assert german.summary.sentences == ["Der Stadtrat von Trier hat die Brücke am Montag nach langer Debatte genehmigt."]


def test_many_unrelated_articles_stay_unlinked():
    articles = [
        _article(f"n{i}", f"Report {i}", [f"Item{i}Corp reported {1000 + i * 37} orders for its Model{i} widget in region {i}."])
        for i in range(200)
    ]
    link_stories(articles)
    assert all(a.related == [] for a in articles)


def test_the_seed_reports_on_the_ai_factory_are_linked():
    clean = pytest.importorskip("digest.text.clean")
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = Article(source=path.name, id=path.name[:3], raw=path.read_text(encoding="utf-8"))
        clean.clean_article(article)
        article.lang = article.lang or ("de" if path.name.startswith("004") else "en")
        articles.append(article)
    related = {a.id: a.related for a in articles}
    link_stories(articles)
    related = {a.id: a.related for a in articles}
    # 000 (Nexus 2026 round-up), 001 (AI Factory launch) and 002 (€112M AI Factory and MeluXina-AI)
    assert related["001"] == ["000", "002"] and related["002"] == ["000", "001"]
    # the German Nexus 2025 / Mistral piece is another story: at most related to the Nexus 2026 round-up
    # through the conference's names (a link across languages), never to the AI Factory reports
    assert set(related["004"]) <= {"000"}


_LINK_IN_A_FRESH_PROCESS = """
import json, sys
from digest.article import Article, Block
from digest.analysis.stories import _features, link_stories
from digest.analysis.summarize import summarize_article
articles = [summarize_article(Article(source=d["id"], id=d["id"], title=d["title"], lang=d["lang"],
                                      blocks=[Block("paragraph", p) for p in d["paragraphs"]]), sentences=1)
            for d in json.load(sys.stdin)]
features = [f.tolist() for f in _features(articles)]
link_stories(articles)
print(json.dumps({"features": features, "related": [a.related for a in articles],
                  "summaries": [a.summary.sentences for a in articles]}))
"""


def test_links_do_not_depend_on_the_string_hash_seed():
    import json
    import os
    import subprocess
    import sys

    articles = [BRIDGE_A, MUSEUM, BRIDGE_B, BRIDGE_DE] + [
        _article(f"n{i}", f"Moselle report {i}", [
            f"The Moselle ferry Item{i} carried {1000 + i * 37} cars across the river on Monday.",
            f"Trier and Konz share the ferry, which BrückenWerk maintains, the council said of ferry {i % 3}.",
        ]) for i in range(12)
    ]
    data = json.dumps([{"id": a.id, "title": a.title, "lang": a.lang, "paragraphs": [b.text for b in a.blocks]}
                       for a in articles])
    root = Path(__file__).resolve().parents[2]
    results = []
    for seed in ("1", "2", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", _LINK_IN_A_FRESH_PROCESS], input=data, env=env, cwd=root,
                              capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
    assert results[0]["related"][0] == ["bridge-b", "bridge-de"]
    assert results[0] == results[1] == results[2]


def _reporting(*figures: str) -> "Source":
    from digest.article import Summary
    from digest.story import Source

    return Source(Article(source="x.txt", summary=Summary(key_figures=list(figures))))


def test_values_one_report_gives_for_the_same_thing_are_listed_together_and_not_called_a_disagreement():
    from digest.analysis.stories import merge_figures

    merged = merge_figures([_reporting("$2.8 billion — home-improvement retailer", "$2.53 — home-improvement retailer")])
    assert merged == ["$2.8 billion / $2.53 — home-improvement retailer"]


def test_reports_that_give_different_values_for_the_same_thing_are_shown_side_by_side_and_marked():
    from digest.analysis.stories import merge_figures

    merged = merge_figures([_reporting("€112 million — AI Factory", "2,100 — GPU-AI accelerators"),
                            _reporting("€110 million — AI Factory", "2,100 — GPU-AI accelerators")])
    assert merged == ["€112 million / €110 million — AI Factory (sources differ)", "2,100 — GPU-AI accelerators"]
