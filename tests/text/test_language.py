"""Language detection works offline, on the cleaned text, in EN/DE/FR."""

from digest.article import Article, Block
from digest.text.language import detect_lang, detect_language


def test_detects_english_german_and_french():
    assert detect_lang("Luxembourg wants to be an AI platform for all of Europe, the minister said.")[0] == "en"
    assert detect_lang("Luxemburg will sich im Bereich der Künstlichen Intelligenz positionieren.")[0] == "de"
    assert detect_lang("Le Luxembourg veut devenir une plateforme de l'intelligence artificielle pour l'Europe.")[0] == "fr"


def test_too_little_text_is_no_guess():
    assert detect_lang("OK 12") == ("", 0.0)


def test_detect_language_sets_code_and_confidence_on_the_article():
    article = Article(source="x.txt", title="Strategische Partnerschaft",
                      blocks=[Block("paragraph", "Die Regierung hat eine strategische Partnerschaft mit Mistral AI unterzeichnet.")])
    detect_language(article)
    assert article.lang == "de" and article.lang_confidence > 0.8


def test_every_detected_language_is_named_in_english_for_readers():
    from digest.text.language import language_name

    assert [language_name(code) for code in ("de", "en", "fr", "lb", "tl", "nl")] == [
        "German", "English", "French", "Luxembourgish", "Tagalog", "Dutch"]
    assert language_name("xx") == "XX" and language_name("") == "unknown language"
