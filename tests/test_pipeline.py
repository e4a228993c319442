"""End to end: ``digest build`` on the seed corpus gives a briefing an editor would sign off.

The reference is tests/data/expected_seeds.json (a careful editor's reading of
each seed): titles in the feed, every must-keep sentence in the cleaned text,
no must-drop boilerplate in any output.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import feedparser
import pytest
from pypdf import PdfReader

from digest.cli import main
from samples import mixed_corpus, output_bytes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = json.loads((Path(__file__).parent / "data" / "expected_seeds.json").read_text(encoding="utf-8"))
EXPECTED.pop("_about")
GERMAN_SEED = "004_6badccb010855abc.txt"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    status = main(["build", str(SEEDS), "--out", str(out), "--quiet"])
    assert status == 0
    return out


def readable_outputs(out: Path) -> dict[str, str]:
    """The text a reader sees in each output (URLs of images are metadata, not text)."""
    message = email.message_from_bytes((out / "digest.eml").read_bytes(), policy=email.policy.default)
    parts = {part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()}
    html = (out / "digest.html").read_text(encoding="utf-8")
    visible_html = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(style|head)[^>]*>.*?</\1>", " ", html)))
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    feed_text = " ".join(e.get("title", "") + " " + unescape(re.sub(r"<[^>]+>", " ", e.get("summary", "")))
                         for f in (feed, atom) for e in f.entries)
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(out / "briefing.pdf").pages)
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    return {
        "feed": feed_text,
        "html": visible_html,
        "txt": (out / "digest.txt").read_text(encoding="utf-8"),
        "eml-text": parts["text/plain"],
        "eml-html": unescape(re.sub(r"<[^>]+>", " ", parts["text/html"])),
        "pdf": pdf_text,
        "json-text": " ".join(a["text"] + " " + " ".join(a["summary"]["sentences"]) for a in data["articles"]),
    }


def by_source(out: Path) -> dict[str, dict]:
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    return {Path(a["source"]).name: a for a in data["articles"]}


def test_every_output_is_written(built):
    for name in ["feed.xml", "atom.xml", "digest.html", "digest.txt", "digest.eml", "briefing.pdf", "digest.json"]:
        assert (built / name).stat().st_size > 200, name


def test_feed_has_one_item_per_seed_with_the_editors_titles(built):
    feed = feedparser.parse((built / "feed.xml").read_bytes())
    assert not feed.bozo
    titles = [squash(e.title) for e in feed.entries]
    stories = json.loads((built / "digest.json").read_text(encoding="utf-8"))["stories"]
    assert len(titles) == len(stories) == 4  # one item per story: 001 and 002 are one
    assert sorted(titles) == sorted(squash(s["headline"]) for s in stories)
    articles = by_source(built)
    for name, expected in EXPECTED.items():
        article = articles[name]
        if expected["lang"] != "en":
            translation = article["translation"]
            if translation["status"] == "translated":
                assert squash(translation["title"]) in titles
            else:
                assert translation["status"] == "not-translated"
                assert translation["install_hint"] == "digest models install de en"
                assert squash(expected["title"]) in titles


def test_metadata_matches_the_editor(built):
    articles = by_source(built)
    for name, expected in EXPECTED.items():
        article = articles[name]
        assert article["lang"] == expected["lang"], name
        if expected.get("date"):
            assert article["date"].startswith(expected["date"]), name
        if expected["title"]:
            assert squash(article["title"]) == squash(expected["title"]), name


def test_every_must_keep_sentence_survives_cleaning(built):
    articles = by_source(built)
    for name, expected in EXPECTED.items():
        text = squash(articles[name]["text"])
        for snippet in expected["must_keep"]:
            assert squash(snippet) in text, (name, snippet)


def test_no_boilerplate_reaches_any_output(built):
    outputs = {kind: squash(text) for kind, text in readable_outputs(built).items()}
    for name, expected in EXPECTED.items():
        for snippet in expected["must_drop"]:
            for kind, text in outputs.items():
                assert squash(snippet) not in text, (name, snippet, kind)


def _strings(value, path: str = ""):
    """Every string in a JSON document, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, f"{path}/<key>")
            yield from _strings(item, f"{path}/{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def test_no_boilerplate_reaches_any_string_in_digest_json(built):
    """Not only text and summary: titles, dropped lines, metadata evidence (issue 17, item 8) never carry
    what the cleaner removed.  A URL is an address, not text (the lead image's file name is in it)."""
    data = json.loads((built / "digest.json").read_text(encoding="utf-8"))
    strings = [(path, squash(s)) for path, s in _strings(data) if not re.fullmatch(r"https?://\S+", s.strip())]
    for name, expected in EXPECTED.items():
        for snippet in expected["must_drop"]:
            assert [path for path, s in strings if squash(snippet) in s] == [], (name, snippet)


def test_summaries_are_sentences_from_the_article_and_never_headings(built):
    articles = by_source(built)
    for name, expected in EXPECTED.items():
        article = articles[name]
        sentences = article["summary"]["sentences"]
        assert 1 <= len(sentences) <= 8, name
        text = squash(article["text"])
        for sentence in sentences:
            assert squash(sentence) in text, (name, sentence)
            assert not sentence.rstrip().endswith("?")
            assert squash(sentence) not in {squash(h) for h in expected.get("headings", [])}


def test_untranslated_german_article_is_marked_in_every_output(built):
    article = by_source(built)[GERMAN_SEED]
    if article["translation"]["status"] == "translated":
        pytest.skip("a German model is installed on this machine")
    outputs = readable_outputs(built)
    for kind in ("html", "txt", "eml-text", "pdf", "feed"):
        assert "not translated" in outputs[kind].lower(), kind
    for kind in ("html", "txt", "pdf"):
        assert "digest models install de en" in squash(outputs[kind]), kind


def test_email_is_multipart_alternative_with_subject_date_and_message_id(built):
    message = email.message_from_bytes((built / "digest.eml").read_bytes(), policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert {p.get_content_type() for p in message.iter_parts()} == {"text/plain", "text/html"}
    for header in ("Subject", "Date", "Message-ID", "From", "To"):
        assert message[header], header


def test_pdf_has_every_title(built):
    text = squash(" ".join(page.extract_text() for page in PdfReader(built / "briefing.pdf").pages))
    for article in by_source(built).values():
        title = article["display_title"]
        assert squash(title)[:40] in text, title


def test_a_second_build_keeps_outputs_valid_and_the_feed_stable(built):
    first = feedparser.parse((built / "feed.xml").read_bytes())
    assert main(["build", str(SEEDS), "--out", str(built), "--quiet"]) == 0
    second = feedparser.parse((built / "feed.xml").read_bytes())
    assert sorted(e.id for e in first.entries) == sorted(e.id for e in second.entries)


def test_python_dash_m_digest_runs_and_reports(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "digest", "build", str(SEEDS / "001_7598609d504af1b1.txt"), "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "1 article(s) published" in result.stdout
    assert "Outputs in" in result.stdout and "briefing.pdf" in result.stdout
    assert "Web edition in" in result.stdout and "site/" in result.stdout


def test_a_folder_with_no_articles_is_a_clear_usage_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    status = main(["build", str(tmp_path / "empty"), "--out", str(tmp_path / "out")])
    assert status == 2
    assert f"no .txt, .md or .html file to read in {tmp_path / 'empty'}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_with_a_model_installed_the_german_seed_is_translated_and_the_second_build_hits_the_cache(
    tmp_path, argos_packages, tiny_argos_model, capsys
):
    """Plumbing, not language: the test model translates every sentence to one fixed sentence."""
    from argos_fixture import FIXED_TRANSLATION
    from pytest_socket import disable_socket, enable_socket

    assert main(["models", "install", "--file", str(tiny_argos_model)]) == 0
    out = tmp_path / "out"
    disable_socket()  # translating must not touch the network
    try:
        assert main(["build", str(SEEDS), "--out", str(out)]) == 0
        report = capsys.readouterr().out
        assert "Translated 1 article(s)" in report and "Argos de→en 0.1" in report
        article = by_source(out)[GERMAN_SEED]
        translation = article["translation"]
        assert translation["status"] == "translated"
        assert translation["model"] == "Argos de→en 0.1"
        assert translation["title"] == FIXED_TRANSLATION
        assert len(translation["summary"]) == len(article["summary"]["sentences"]) >= 1
        outputs = {kind: squash(text) for kind, text in readable_outputs(out).items()}
        for kind in ("html", "txt", "eml-text", "pdf"):
            assert "Translated from German by machine (Argos de→en 0.1)" in outputs[kind], kind
            assert squash(EXPECTED[GERMAN_SEED]["title"]) in outputs[kind], kind  # original title kept
        assert main(["build", str(SEEDS), "--out", str(out), "--quiet"]) == 0
        again = by_source(out)[GERMAN_SEED]["translation"]
        assert again["segments"] > 0 and again["cache_hits"] == again["segments"]
    finally:
        enable_socket()


def test_link_cache_reuses_links_and_repicked_summaries_only_for_the_same_articles(tmp_path):
    from digest.article import Article, Block, Summary
    from digest.store.cache import link_stories_cached
    from digest.store.state import StateStore

    def articles():
        return [Article(source=f"s{i}", id=f"id{i}", lang="en", title=f"Title {i}",
                        blocks=[Block("paragraph", f"Body {i}.")], summary=Summary(sentences=[f"Body {i}."]))
                for i in range(3)]

    calls = []

    def link(batch, repick=None):
        calls.append(len(batch))
        batch[0].related, batch[1].related = ["id1"], ["id0"]
        batch[1].summary = Summary(sentences=["Re-picked."], method="test")

    with StateStore(tmp_path / "state.sqlite") as store:
        first = articles()
        assert link_stories_cached(first, store, link) is False
        again = articles()
        assert link_stories_cached(again, store, link) is True
        assert calls == [3]
        assert [a.related for a in again] == [a.related for a in first] == [["id1"], ["id0"], []]
        assert again[1].summary.sentences == ["Re-picked."] and again[0].summary.sentences == ["Body 0."]
        changed = articles()
        changed[2].blocks = [Block("paragraph", "Another body.")]
        assert link_stories_cached(changed, store, link) is False
        assert calls == [3, 3]


@pytest.mark.parametrize("batch", [1, 3], ids=["a file per task", "three files per task (as on Dask)"])
def test_jobs_2_publishes_exactly_what_jobs_1_does_and_its_cache_serves_the_next_build(
    tmp_path, fixed_clock, monkeypatch, batch
):
    """--jobs only changes how fast: same bytes in every output, same skipped files, same warnings,
    however many files travel to a worker as one task."""
    from digest import pipeline, runner
    from digest.config import Settings

    monkeypatch.setattr(runner._Pool, "batch", batch)
    corpus = mixed_corpus(tmp_path)

    reports = {jobs: pipeline.build(Settings(out=tmp_path / f"jobs{jobs}", inputs=[corpus], jobs=jobs, quiet=True))
               for jobs in (1, 2)}
    one, two = reports[1], reports[2]
    assert len(one.articles) >= 6 and one.cache_hits == two.cache_hits == 0
    assert [str(p) for p in two.problems] == [str(p) for p in one.problems]
    assert any("photo.txt" in str(p) for p in one.problems) and any("empty.txt" in str(p) for p in one.problems)
    assert two.warnings == one.warnings and any("same article as" in w for w in one.warnings)
    def output(folder: str, name: str) -> bytes:  # MIME boundaries are random by design
        return output_bytes(tmp_path / folder / name)

    for name in pipeline.OUTPUT_NAMES:
        assert output("jobs2", name) == output("jobs1", name), name

    # the results the workers cached serve the next build, with the same outputs
    again = pipeline.build(Settings(out=tmp_path / "jobs2", inputs=[corpus], jobs=2, quiet=True,
                                    state=tmp_path / "jobs2" / "state.sqlite"))
    # every file read is cached, a dropped one too; the empty and the binary file are not read
    unread = ("empty.txt", "photo.txt")
    readable = len(one.articles) + sum(not str(p.source).endswith(unread) for p in one.problems) + 1  # + the duplicate
    assert again.cache_hits == readable
    assert [a.id for a in again.articles] == [a.id for a in one.articles]
    for name in pipeline.OUTPUT_NAMES:
        assert output("jobs2", name) == output("jobs1", name), name


@pytest.mark.parametrize("option", ["--email-stories", "--pdf-full-stories", "--pdf-brief-stories"])
def test_a_negative_story_limit_is_a_usage_error(tmp_path, capsys, option):
    assert main(["build", str(SEEDS), "--out", str(tmp_path), "--quiet", option, "-1"]) == 2
    assert "must be 0 or more" in capsys.readouterr().err
    assert not (tmp_path / "digest.html").exists()


def test_email_stories_limits_the_email_but_not_the_other_outputs(tmp_path):
    assert main(["build", str(SEEDS), "--out", str(tmp_path), "--quiet", "--email-stories", "2"]) == 0
    text = (tmp_path / "digest.txt").read_text(encoding="utf-8")
    assert "The email has room for the 2 leading of 4 stories" in squash(text)
    assert len(re.findall(r"(?m)^\d+\. ", text)) == 2
    assert len(json.loads((tmp_path / "digest.json").read_text(encoding="utf-8"))["articles"]) == 5
    assert len(feedparser.parse((tmp_path / "feed.xml").read_bytes()).entries) == 4


def test_summary_sentences_cut_from_a_long_quotation_are_shown_as_quotations(built):
    """The words are the article's; a piece of a quote gets back the one mark it lacks."""
    from digest.text.sentences import balance_quotes

    shown = readable_outputs(built)
    for story in json.loads((built / "digest.json").read_text(encoding="utf-8"))["stories"]:
        for sentence in (s["sentence"] for s in story["summary"]):
            whole = squash(balance_quotes(sentence))
            for name in ("html", "txt", "feed", "eml-text"):
                assert whole in squash(shown[name]), (name, whole)


def test_story_re_picks_are_reused_only_for_the_same_article_count_and_told_sentences(tmp_path):
    from digest.article import Article, Block, Summary
    from digest.store.cache import RepickCache
    from digest.store.state import StateStore

    def article(text="Body one. Body two."):
        return Article(source="s", id="a", lang="en", title="T", blocks=[Block("paragraph", text)],
                       summary=Summary(sentences=["Body one."]))

    calls = []

    def counting(store):
        cache = RepickCache(store)

        def compute(art, sentences, told):
            calls.append((art.blocks[0].text, sentences, tuple(told)))
            art.summary.sentences = [f"Picked again ({len(calls)})."]
        cache.compute = compute
        return cache

    with StateStore(tmp_path / "state.sqlite") as store:
        first = counting(store)
        a = article()
        first(a, 1, ["Told."])
        first.save()
        again = counting(store)  # a later build
        b = article()
        again(b, 1, ["Told."])
        assert len(calls) == 1 and b.summary.sentences == a.summary.sentences == ["Picked again (1)."]
        again(article(), 1, ["Told otherwise."])
        again(article(), 2, ["Told."])
        again(article("Body one. Body three."), 1, ["Told."])
        assert len(calls) == 4


def test_a_rebuild_after_new_articles_arrive_publishes_what_a_fresh_build_does(tmp_path, fixed_clock):
    """Every cache (per-article results, story links, re-picks, the PDF) must be invisible."""
    import shutil

    from digest import pipeline
    from digest.config import Settings

    corpus = tmp_path / "in"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds[:3]:
        shutil.copy(path, corpus / path.name)
    pipeline.build(Settings(out=tmp_path / "daily", inputs=[corpus], quiet=True))
    for path in seeds[3:]:  # the next articles of the day arrive
        shutil.copy(path, corpus / path.name)
    rebuilt = pipeline.build(Settings(out=tmp_path / "daily", inputs=[corpus], quiet=True))
    fresh = pipeline.build(Settings(out=tmp_path / "fresh", inputs=[corpus], quiet=True))
    assert rebuilt.cache_hits == 3 and fresh.cache_hits == 0
    assert any(a.related for a in fresh.articles)
    for name in ["digest.json", "digest.txt", "digest.html"]:
        assert (tmp_path / "daily" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name


@pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork",
                    reason="the crash is planted by patching the parent, which only forked workers inherit")
@pytest.mark.parametrize("batch", [1, 3], ids=["a file per task", "three files per task (as on Dask)"])
def test_a_file_that_kills_its_worker_is_skipped_alone_and_the_others_are_published(tmp_path, monkeypatch, batch):
    """With --jobs a dead worker takes the pool's other files down with it, and the files sent
    with it in one task: they must come back."""
    import os
    import shutil

    from digest import pipeline, runner
    from digest.config import Settings

    monkeypatch.setattr(runner._Pool, "batch", batch)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, corpus / path.name)
    (corpus / "001a_poison.txt").write_text("Poison pill.\n\nThis page makes the process that reads it die.\n")
    real = runner.process_article

    def crash_on_poison(article):
        if "Poison pill" in article.raw:
            os._exit(9)  # as a segfault or the kernel's OOM killer would end it
        return real(article)

    monkeypatch.setattr(runner, "process_article", crash_on_poison)
    report = pipeline.build(Settings(out=tmp_path / "out", inputs=[corpus], jobs=2, quiet=True))
    assert sorted(Path(a.source).name for a in report.articles) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [str(p) for p in report.problems] == [
        f"{corpus / '001a_poison.txt'}: the worker process died on this file "
        "(it crashed or was killed, perhaps for memory)"]
    titles = [e.title for e in feedparser.parse((tmp_path / "out" / "feed.xml").read_bytes()).entries]
    assert len(titles) == 4  # one item per story
