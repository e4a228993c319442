"""The article as readers see it: the headline shown when the page printed none."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import feedparser

from digest.article import Summary, Translation
from samples import SEEDS, english_article, output_bytes

UNTITLED = Path(__file__).resolve().parent / "data" / "clean" / "de_untitled.txt"
LONG_SENTENCE = ("The council voted on Monday to keep the swimming baths open – a decision that pleased "
                 "the swimmers of the town.")


def test_an_untitled_article_is_headed_by_its_first_summary_sentence_and_keeps_no_title():
    article = english_article(title="", summary=Summary(sentences=[LONG_SENTENCE, "They were pleased."]))
    assert article.display_title == "The council voted on Monday to keep the swimming baths open…"
    assert article.title == "" and article.to_dict()["title"] == ""


def test_a_translated_untitled_article_is_headed_in_english():
    article = english_article(title="", lang="de", summary=Summary(sentences=["Der Rat hat am Montag entschieden."]),
                              translation=Translation(status="translated", source_lang="de",
                                                      summary=["The council decided on Monday."]))
    assert article.display_title == "The council decided on Monday"


def test_a_stand_in_headline_that_is_a_whole_sentence_is_not_said_again_below_it():
    from digest.story import Story

    short = english_article(title="", summary=Summary(sentences=["The baths stay open.", "They were pleased."]))
    assert short.display_title == "The baths stay open"
    assert [s.text for s in Story.of_article(short).sentences] == ["They were pleased."]
    cut = english_article(title="", summary=Summary(sentences=[LONG_SENTENCE, "They were pleased."]))
    assert [s.text for s in Story.of_article(cut).sentences] == [LONG_SENTENCE, "They were pleased."]
    titled = english_article(title="The baths stay open", summary=Summary(sentences=["The baths stay open."]))
    assert [s.text for s in Story.of_article(titled).sentences] == ["The baths stay open."]


def test_a_page_title_always_wins_and_an_article_with_nothing_to_show_says_untitled():
    article = english_article(title="Baths stay open", summary=Summary(sentences=[LONG_SENTENCE]))
    assert article.display_title == "Baths stay open"
    assert replace(article, title="", summary=Summary()).display_title == "(untitled)"


def test_a_page_without_a_headline_gets_one_in_every_output(tmp_path):
    from digest import pipeline
    from digest.config import Settings

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / UNTITLED.name).write_bytes(UNTITLED.read_bytes())
    (inputs / "001.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    out = tmp_path / "out"
    report = pipeline.build(Settings(out=out, inputs=[inputs], quiet=True))

    untitled = next(a for a in report.articles if Path(a.source).name == UNTITLED.name)
    assert untitled.title == ""
    headline = "Die Bootsführerausbildung der Freiwilligen Feuerwehr ist sehr praxisorientiert und schließt…"
    assert untitled.display_title == headline
    assert headline in [entry.title for entry in feedparser.parse((out / "feed.xml").read_bytes()).entries]
    plain = " ".join((out / "digest.txt").read_text(encoding="utf-8").split())  # wrapped at 72
    # "Top stories" follows the stand-in with the next sentence, not the one it was cut from
    assert f"* {headline} — Der theoretische Unterricht findet in einer eigenen Schulung statt" in plain
    for name in pipeline.OUTPUT_NAMES:
        if name.endswith((".xml", ".html", ".txt", ".json", ".eml")):
            assert b"(untitled)" not in output_bytes(out / name), name
