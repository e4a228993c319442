"""Words, stems and stop words of a text, and its language-neutral facts.

What enters: a piece of text and its language code.  What leaves: content terms
(stemmed words that are not stop words), the stop-word list, and the figures and
coined names of a sentence (which read the same in every language, so a German
and an English report of one event can be matched).  Shared by the summariser,
the key facts and story linking; it imports nothing of digest's.
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
LANG_NAMES = {"en": "english", "de": "german", "fr": "french"}
NUMBER = re.compile(r"\d[\d.,  ]*\d|\d")
YEAR = re.compile(r"^(?:19|20)\d\d$")


def normalise_lang(lang: str | None) -> str:
    """A language code the stemmers and stop-word lists know ("en" for anything else)."""
    lang = (lang or "en").lower()[:2]
    return lang if lang in LANG_NAMES else "en"


_STOPWORDS: dict[str, frozenset[str]] = {}
_ENGLISH_TWO_LETTER_WORDS = {
    "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
    "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we",
}
_STEMMERS: dict[str, object] = {}
# lower-cased word -> stem, or "" for a stop word; one table per language.
_TERMS: dict[str, dict[str, str]] = {}


def stopwords(lang: str) -> frozenset[str]:
    if lang not in _STOPWORDS:
        from stop_words import get_stop_words

        try:
            words = get_stop_words(LANG_NAMES.get(lang, "english"))
        except Exception:  # a language the list does not have: English words still help
            words = get_stop_words("english")
        words = {w for w in words if w.isalpha()}
        if lang == "en":  # the English list also holds country and web codes ("ai", "eu", "uk")
            words = {w for w in words if len(w) > 2 or w in _ENGLISH_TWO_LETTER_WORDS}
        _STOPWORDS[lang] = frozenset(words)
    return _STOPWORDS[lang]


def stemmer(lang: str):
    """Snowball stemmer (the C one from PyStemmer when installed, else pure Python)."""
    stemmer = _STEMMERS.get(lang)
    if stemmer is None:
        import snowballstemmer

        try:
            stemmer = snowballstemmer.stemmer(LANG_NAMES.get(lang, "english"))
        except KeyError:
            stemmer = snowballstemmer.stemmer("english")
        _STEMMERS[lang] = stemmer
    return stemmer


_STEMS: dict[str, dict[str, str]] = {}


def stem(word: str, lang: str) -> str:
    """Stem of a lower-cased word, cached (news vocabulary repeats a lot)."""
    table = _STEMS.get(lang)
    if table is None or len(table) > 300_000:
        table = _STEMS[lang] = {}
    stem = table.get(word)
    if stem is None:
        stem = table[word] = stemmer(lang).stemWord(word)
    return stem


def terms_of(words: list[str], lang: str) -> list[str]:
    """Stems of the content words among ``words`` (already lower-cased)."""
    table = _TERMS.get(lang)
    if table is None or len(table) > 300_000:
        table = _TERMS[lang] = {}
    try:  # news vocabulary repeats: usually every word is in the table already
        return list(filter(None, map(table.__getitem__, words)))
    except KeyError:
        pass
    missing = [word for word in set(words) if word not in table]
    stop = stopwords(lang)
    stems = stemmer(lang).stemWords(missing)
    for word, stem in zip(missing, stems):
        table[word] = "" if word in stop or (len(word) < 2 and not word.isdigit()) else stem
    return list(filter(None, map(table.__getitem__, words)))


def content_terms(text: str, lang: str) -> list[str]:
    """Stemmed content words of ``text`` (stop words and one-letter tokens left out)."""
    return terms_of(WORD.findall(text.lower()), lang)


def fold(word: str) -> str:
    """Lower-case ASCII form, so "Luxemburg"/"Luxembourg" stay apart but "Société"/"Societe" meet."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


# Coined names read the same in every language: a capital after a small letter
# (MeluXina, EuroHPC, LuxProvide, iPhone) or a capitalised word with digits (GPT-4).
# Plain acronyms (AI, EU, CEO) are too common to tell stories apart.
NAME_TOKEN = re.compile(
    r"(?<![\w-])(?:[^\W\d_]*[a-zà-ÿ][A-ZÀ-Þ][\w’'-]*|[A-ZÀ-Þ][\w-]*\d[\w-]*)(?![\w-])"
)


def sentence_facts(sentence: str) -> set[str]:
    """The language-neutral facts of one sentence: its figures (two or more digits,
    years left out) and its coined names."""
    facts = {"name:" + fold(token) for token in NAME_TOKEN.findall(sentence) if len(token) >= 3}
    for number in NUMBER.findall(sentence):
        digits = re.sub(r"\D", "", number)
        if len(digits) >= 2 and not YEAR.match(digits):
            facts.add("num:" + digits)
    return facts
