"""The PDF at scale: the first stories in full, the next ones as a compact list, the rest counted."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from digest.article import Summary
from digest.publish.pdf import DEFAULT_FULL_STORIES, one_line, render_pdf, render_pdf_html, split_stories
from samples import english_article, german_article, sample_briefing


def many_articles(count: int):
    articles = []
    for i in range(count):
        article = english_article(
            id=f"story-{i:03d}",
            title=f"Story number {i} about the AI Factory",
            url=f"https://example.org/news/{i}",
            related=[],
            summary=Summary(sentences=[f"Sentence one of story {i} tells what happened in Luxembourg today."]),
        )
        articles.append(article)
    return articles


@pytest.fixture(scope="module")
def bounded_pdf() -> bytes:
    articles = many_articles(7)
    articles[0].related = ["story-004", "story-006"]  # one in the compact list, one left out
    return render_pdf(sample_briefing(articles=articles), full_stories=2, brief_stories=3)


def _text(data: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_first_stories_in_full_then_a_compact_list_then_a_count(bounded_pdf):
    reader = PdfReader(io.BytesIO(bounded_pdf))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == ["Story number 0 about the AI Factory", "Story number 1 about the AI Factory", "In brief",
                   "Appendix: full texts"]
    appendix = reader.outline[-1]
    assert isinstance(appendix, list) and len(appendix) == 2  # full texts only for the stories in full
    text = _text(bounded_pdf)
    assert "7 stories" in text  # the cover counts every story
    assert "In brief: 3 more stories" in text
    assert "3 more stories, one line each, in the order of the briefing" in text
    for i in (2, 3, 4):  # compact entries: title, source line, one line of summary
        assert f"Story number {i} about the AI Factory" in text
        assert f"Sentence one of story {i} tells what happened in Luxembourg today." in text
    assert "Story number 5" not in text
    assert text.count("Story number 6") == 1  # named once, as related to story 0, and not listed
    assert "2 further stories are in the email, the feed and digest.json" in text
    assert "Related, not the same story" in text


def test_compact_entries_are_link_targets_and_left_out_stories_are_not_linked():
    articles = many_articles(7)
    articles[0].related = ["story-004", "story-006"]
    html = render_pdf_html(sample_briefing(articles=articles), full_stories=2, brief_stories=3)
    assert 'id="s-story-004"' in html and 'href="#s-story-004"' in html
    assert 'href="#s-story-006"' not in html
    assert html.count('class="story"') == 2 and html.count('class="brief"') == 3


def test_small_briefing_has_no_compact_list():
    html = render_pdf_html(sample_briefing(articles=many_articles(3)))
    assert DEFAULT_FULL_STORIES >= 3
    assert 'class="in-brief"' not in html and "further" not in html
    assert html.count('class="story"') == 3


def test_no_limit_renders_everything_in_full():
    html = render_pdf_html(sample_briefing(articles=many_articles(5)), full_stories=None)
    assert html.count('class="story"') == 5 and 'class="brief"' not in html


def test_split_stories_keeps_order_and_counts_the_rest():
    items = list(range(10))
    assert split_stories(items, 3, 4) == ([0, 1, 2], [3, 4, 5, 6], 3)
    assert split_stories(items, None, 4) == (items, [], 0)
    assert split_stories(items, 3, None) == ([0, 1, 2], list(range(3, 10)), 0)
    assert split_stories(items, 0, 0) == ([], [], 10)


def test_one_line_is_the_first_summary_sentence_shortened_at_a_word():
    article = german_article(translated=True)
    assert one_line(article) == "Luxembourg wants to position itself in the field of artificial intelligence (AI)."
    long = english_article(summary=Summary(sentences=["word " * 60]))
    line = one_line(long, limit=40)
    assert line.endswith("…") and len(line) <= 40 and "  " not in line


def test_cached_render_reuses_the_pdf_only_while_the_layout_input_is_the_same(tmp_path):
    from digest.publish.pdf import render_pdf_cached
    from digest.store.state import StateStore

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "logo.txt").write_text("v1", encoding="utf-8")
    with StateStore(tmp_path / "state.sqlite") as store:
        briefing = sample_briefing(articles=many_articles(2), templates=[templates])
        first, reused = render_pdf_cached(briefing, store)
        assert first.startswith(b"%PDF") and not reused
        again, reused = render_pdf_cached(sample_briefing(articles=many_articles(2), templates=[templates]), store)
        assert reused and again == first
        changed = many_articles(2)
        changed[1].title = "A new title"
        _, reused = render_pdf_cached(sample_briefing(articles=changed, templates=[templates]), store)
        assert not reused
        (templates / "logo.txt").write_text("version 2", encoding="utf-8")  # a file the template may load
        _, reused = render_pdf_cached(sample_briefing(articles=changed, templates=[templates]), store)
        assert not reused
    assert render_pdf_cached(briefing, None)[1] is False
