"""The translate stage: what happens to each article, with and without a model installed.

The model is the tiny fixture package (tests/argos_fixture.py): every sentence
translates to ``FIXED_TRANSLATION``, so these tests check the plumbing (which
model, one translation per sentence, batching, caching, no network), not language.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argos_fixture import FIXED_TRANSLATION
from digest.translation import translate as translate_module
from digest.article import Article, Block, Summary
from digest.cli import main
from digest.store.state import StateStore
from digest.translation.translate import translate_articles, translate_text

SUMMARY = [
    "Luxemburg will sich im Bereich der Künstlichen Intelligenz positionieren.",
    "Am 2. Dezember sprach Dr. Müller u. a. über Rechenzentren.",
    "Mehr als 7.000 Gäste aus 57 Ländern werden erwartet.",
]


def german_article(source: str = "seeds/004.txt", summary: list[str] = SUMMARY) -> Article:
    return Article(
        source=source,
        title="Luxemburg kündigt strategische Partnerschaft mit Mistral AI an",
        standfirst="Luxemburg will sich positionieren. Kontakte werden geknüpft.",
        lang="de",
        blocks=[
            Block("paragraph", "Es ist keine kleine Veranstaltung. Mehr als 7.000 Gäste werden erwartet."),
            Block("heading", "Der Mensch bleibt unersetzbar"),
            Block("paragraph", "Frieden unterstrich, dass man der KI offen gegenüberstehen müsse."),
        ],
        summary=Summary(sentences=list(summary)),
    )


def english_article() -> Article:
    return Article(source="seeds/000.txt", title="Luxembourg signs AI deal", lang="en",
                   summary=Summary(sentences=["The government signed a deal."]))


@pytest.fixture
def installed_model(argos_packages, tiny_argos_model):
    assert main(["models", "install", "--file", str(tiny_argos_model)]) == 0
    return argos_packages


def test_without_a_model_the_article_keeps_its_text_and_says_how_to_install_one(argos_packages):
    german, english = german_article(), english_article()

    warnings = translate_articles([german, english])

    assert german.translation.status == "not-translated"
    assert german.translation.install_hint == "digest models install de en"
    assert "German→English" in german.translation.reason
    assert german.display_title == german.title
    assert german.display_summary == SUMMARY
    assert english.translation.status == "original"
    assert warnings == [
        "seeds/004.txt: not translated: no German→English model installed; run: digest models install de en"
    ]


@pytest.mark.disable_socket
def test_installed_model_translates_title_standfirst_and_summary_offline(installed_model):
    article = german_article()

    warnings = translate_articles([article])

    t = article.translation
    assert warnings == []
    assert t.status == "translated"
    assert t.model == "Argos de→en 0.1"
    assert (t.source_lang, t.target_lang) == ("de", "en")
    assert t.title == FIXED_TRANSLATION
    assert t.standfirst == f"{FIXED_TRANSLATION} {FIXED_TRANSLATION}"  # two sentences, each translated
    assert t.summary == [FIXED_TRANSLATION] * len(SUMMARY)  # one-to-one, abbreviations and all
    assert t.body == []  # the body only with full_text
    assert article.title.startswith("Luxemburg")  # the original is kept beside the translation
    assert article.display_title == FIXED_TRANSLATION


@pytest.mark.disable_socket
def test_full_text_translates_every_body_block_and_keeps_its_kind(installed_model):
    article = german_article()

    translate_articles([article], full_text=True)

    body = article.translation.body
    assert [block.kind for block in body] == ["paragraph", "heading", "paragraph"]
    assert body[0].text == f"{FIXED_TRANSLATION} {FIXED_TRANSLATION}"
    assert body[1].text == FIXED_TRANSLATION


def test_one_model_load_and_one_batched_run_for_all_articles(installed_model, monkeypatch):
    calls: list[int] = []
    real = translate_module.translate_sentences
    monkeypatch.setattr(translate_module, "translate_sentences",
                        lambda loaded, sentences: calls.append(len(sentences)) or real(loaded, sentences))
    import ctranslate2

    loads: list[str] = []
    real_translator = ctranslate2.Translator
    monkeypatch.setattr(ctranslate2, "Translator", lambda path, **kw: loads.append(path) or real_translator(path, **kw))
    articles = [german_article("a.txt"), german_article("b.txt", summary=["Die Daten bleiben in Europa."])]

    translate_articles(articles)

    assert len(loads) == 1
    # title + 2 standfirst sentences + 3 summary sentences + 1 new sentence: duplicates go once
    assert calls == [7]
    assert all(a.translation.status == "translated" for a in articles)


def test_second_run_is_served_from_the_cache(installed_model, tmp_path, monkeypatch):
    with StateStore(tmp_path / "state.sqlite") as store:
        first = german_article()
        translate_articles([first], full_text=True, store=store)
    assert first.translation.segments == 10
    assert first.translation.cache_hits == 0

    sent: list[str] = []
    real = translate_module.translate_sentences
    monkeypatch.setattr(translate_module, "translate_sentences",
                        lambda loaded, sentences: sent.extend(sentences) or real(loaded, sentences))
    with StateStore(tmp_path / "state.sqlite") as store:
        second = german_article()
        translate_articles([second], full_text=True, store=store)

    assert sent == []
    assert second.translation.cache_hits == second.translation.segments == 10
    assert second.translation.summary == first.translation.summary


def test_a_broken_model_file_marks_the_article_and_the_run_goes_on(installed_model):
    (installed_model / "translate-de_en-tiny" / "model" / "model.bin").write_bytes(b"not a model")
    german, english = german_article(), english_article()

    warnings = translate_articles([german, english])

    assert german.translation.status == "not-translated"
    assert "cannot load the model" in german.translation.reason
    assert german.translation.install_hint.startswith("digest models install de en")
    assert len(warnings) == 1 and warnings[0].startswith("seeds/004.txt: not translated:")
    assert english.translation.status == "original"


@pytest.mark.disable_socket
def test_translate_text_keeps_paragraphs_and_translates_each_sentence(installed_model):
    text = "Erster Satz. Zweiter Satz!\n\nDritter Satz nach einer Leerzeile."

    assert translate_text(text, "de") == f"{FIXED_TRANSLATION} {FIXED_TRANSLATION}\n\n{FIXED_TRANSLATION}"


def test_digest_translate_command_prints_the_translation(installed_model, tmp_path, capsys):
    source = tmp_path / "brief.txt"
    source.write_text("Luxemburg will sich positionieren.\n\nDie Daten bleiben in Europa.", encoding="utf-8")

    assert main(["translate", str(source), "--from", "de", "--to", "en"]) == 0

    assert capsys.readouterr().out == f"{FIXED_TRANSLATION}\n\n{FIXED_TRANSLATION}\n"


def test_digest_translate_without_a_model_names_the_install_command(argos_packages, tmp_path, capsys):
    source = tmp_path / "texte.txt"
    source.write_text("Le gouvernement investit dans la recherche et les centres de données.", encoding="utf-8")

    assert main(["translate", str(source), "--from", "fr"]) == 1

    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"digest: error: {source}: no French→English model installed; run: digest models install fr en"]


def test_digest_translate_missing_file_is_a_usage_error(argos_packages, tmp_path, capsys):
    assert main(["translate", str(tmp_path / "nope.txt"), "--from", "de"]) == 2
    assert "nope.txt: cannot read" in capsys.readouterr().err


def test_importing_digest_does_not_import_argostranslate():
    """argostranslate reads its settings at import: importing it early would fix them too soon."""
    code = ("import sys, digest.translation.translate, digest.translation.models, digest.cli.translate, digest.cli;"
            "digest.cli.make_parser(); print('argostranslate' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
