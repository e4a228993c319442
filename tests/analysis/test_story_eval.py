"""The story-grouping evaluation (benchmarks/stories_bench.py) on tests/data/stories, the chaining
guard, and "Top stories" in every output."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from digest.analysis.stories import group_stories
from digest.article import Article
from digest.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "stories"
_spec = importlib.util.spec_from_file_location("stories_bench", ROOT / "benchmarks" / "stories_bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_the_labelled_set_is_what_the_readme_says():
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    assert sorted(labels) == sorted(p.name for p in DATA.glob("*.txt"))
    sizes = {label: list(labels.values()).count(label) for label in set(labels.values())}
    assert len(labels) >= 60 and sum(size > 1 for size in sizes.values()) >= 15
    assert {name.split("_")[1][:2] for name in labels} == {"en", "de", "fr"}


def test_story_grouping_on_the_labelled_set_stays_above_its_floor():
    """Measured when written: digest pairwise P 1.000 R 0.800 F1 0.889, B-cubed P 1.000
    R 0.883 F1 0.938; the TF-IDF baseline (out-of-fold threshold) B-cubed F1 0.879.
    The set is fixed, so the figures are deterministic: the floors sit a little below."""
    result = bench.evaluate(rounds=0)
    digest, baseline = result["digest"], result["baseline"]
    assert digest["pairwise_precision"] >= 0.97  # a wrong merge is worse than a missed one
    assert digest["bcubed_precision"] >= 0.98
    assert digest["bcubed_f1"] >= 0.92
    assert digest["pairwise_f1"] >= 0.86
    assert digest["bcubed_f1"] > baseline["bcubed_f1"]
    assert 0.5 < baseline["bcubed_f1"] < 1  # the baseline is scored, not skipped


def test_the_scorer_counts_pairs_and_bcubed_as_defined():
    rows = bench.item_stats([0, 0, 1, 1], ["a", "a", "a", "b"])
    scores = bench.summarise(rows)
    assert scores["pairwise_precision"] == pytest.approx(0.5)  # {1,2} right, {3,4} wrong
    assert scores["pairwise_recall"] == pytest.approx(1 / 3)  # of a's three pairs, one found
    assert scores["bcubed_precision"] == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert scores["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    perfect = bench.summarise(bench.item_stats([5, 5, 7], ["x", "x", "y"]))
    assert perfect["pairwise_f1"] == perfect["bcubed_f1"] == 1.0


def _article(ident: str, lang: str, paragraphs: list[str]) -> Article:
    from digest.text.clean import clean_article

    article = Article(source=ident + ".txt", id=ident, raw="\n\n".join(paragraphs) + "\n")
    clean_article(article)
    article.lang = lang
    return article


ALPHA = [
    "The Orvalis consortium opened its Kessler-7 reactor hall in Dortmund with 340 engineers on Monday.",
    "Orvalis said the Kessler-7 hall cost 815 million euros and would run from 2027.",
    "Critics of Orvalis asked whether the Kessler-7 budget of 815 million could hold.",
]
GAMMA = [
    "The Brenmar shipyard launched the Tidewell-3 ferry in Gdansk with a crew of 112 on Friday.",
    "Brenmar said the Tidewell-3 ferry cost 264 million euros and would sail from May.",
    "Unions at Brenmar asked whether the Tidewell-3 crew of 112 was enough.",
]
BRIDGE = [  # every paragraph names both: "the same story" as each of the two, pair by pair
    "Orvalis and Brenmar, whose Kessler-7 hall and Tidewell-3 ferry opened this week, cost 815 million and 264 million.",
    "The Kessler-7 team of 340 at Orvalis and the Tidewell-3 crew of 112 at Brenmar started work.",
    "Orvalis plans the Kessler-7 hall for 2027; Brenmar sails the Tidewell-3 ferry from May with 112 aboard.",
]


def test_a_chain_a_b_c_does_not_make_a_and_c_one_story():
    articles = [_article("a", "en", ALPHA), _article("b", "en", BRIDGE), _article("c", "en", GAMMA)]
    groups = group_stories(articles, [[1], [0, 2], [1]])  # A–B and B–C linked, A–C not
    assert not any({0, 2} <= set(group) for group in groups)
    assert sorted(len(g) for g in groups) == [1, 2]  # B joins one of them, not both


def test_three_reports_close_to_each_other_are_one_story():
    variants = [ALPHA, [p.replace("on Monday", "this week") for p in ALPHA],
                [p.replace("Critics of", "Rivals of") for p in ALPHA]]
    articles = [_article(str(i), "en", paragraphs) for i, paragraphs in enumerate(variants)]
    assert group_stories(articles, [[1, 2], [0, 2], [0, 1]]) == [[0, 1, 2]]


def test_reports_of_a_yearly_event_a_year_apart_are_two_stories():
    first, second = _article("y1", "en", ALPHA), _article("y2", "en", ALPHA[:2])
    first.date, second.date = "2025-03-12", "2026-03-17"
    assert sorted(group_stories([first, second], [[1], [0]])) == [[0], [1]]
    second.date = "2025-03-13"  # a second-day report is the same story
    assert group_stories([first, second], [[1], [0]]) == [[0, 1]]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    for path in DATA.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(folder), "--out", str(out), "--quiet"]) == 0
    return out


def test_top_stories_gives_three_to_five_headlines_with_one_sentence_in_email_text_and_pdf(built):
    from pypdf import PdfReader

    from digest.publish.mail import TOP_STORIES

    data = json.loads((built / "digest.json").read_text(encoding="utf-8"))
    assert 3 <= TOP_STORIES <= 5
    leading = data["stories"][:TOP_STORIES]
    html = (built / "digest.html").read_text(encoding="utf-8")
    tops = re.findall(r'<p class="top"[^>]*>(.*?)</p>', html, re.S)
    assert len(tops) == TOP_STORIES
    for story, top in zip(leading, tops):
        from html import unescape

        shown = unescape(re.sub(r"<[^>]+>", "", top))
        headline, _, sentence = shown.partition(" — ")
        assert headline.strip() == story["headline"]
        assert sentence.strip() == story["summary"][0]["sentence"]  # one sentence, the story's first
    text = (built / "digest.txt").read_text(encoding="utf-8")
    block = text.split("TOP STORIES", 1)[1].split("\n1. ", 1)[0]
    items = [" ".join(item.split()) for item in re.split(r"(?m)^\* ", block)[1:]]
    assert len(items) == TOP_STORIES
    for story, item in zip(leading, items):
        assert item == " ".join(f"{story['headline']} — {story['summary'][0]['sentence']}".split())
    pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(built / "briefing.pdf").pages)
    assert "top stories" in pdf.lower()
    before_first_story = pdf[pdf.lower().index("top stories"):]
    for story in leading:
        assert " ".join(story["headline"].split())[:30] in before_first_story
