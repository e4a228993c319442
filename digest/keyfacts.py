"""Key phrases and key figures of an article.

Key phrases are RAKE-style (Rose et al., 2010): runs of content words between
stop words and punctuation, scored by how often their words recur in the
article, with a boost for words of the title and standfirst.  Hand-written
because the phrases must be verbatim spans of the article in its own language
(so a reader finds them in the text) and must reuse the summariser's stop
words and stems; the keyword libraries (yake, rake-nltk) bring their own
tokenisers and, for rake-nltk, NLTK data downloads, which are not available
offline.

Key figures are the numbers a reader remembers: amounts with a currency,
percentages, counts with what they count ("7.000 Gäste"), each with a few words
of context from its sentence ("€112 million — AI Factory").
"""

from __future__ import annotations

import re
from collections import Counter

from .article import Article
from .sentences import split_sentences

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|[^\w\s]", re.UNICODE)

_CURRENCY = r"(?:€|\$|£|¥|CHF\s?|EUR\s?|USD\s?|GBP\s?)"
_SCALE = (
    r"(?:\s?(?:million|millions|billion|billions|trillion|thousand|bn|m|k|Mio\.?|Mrd\.?|Milliarden?|"
    r"Millionen|Million|Tausend|milliards?|millions?|M|B|K)\b)?"
)
_NUMBER = r"\d{1,3}(?:[.,  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_FIGURE = re.compile(
    rf"(?P<figure>{_CURRENCY}\s?(?:{_NUMBER}){_SCALE}"
    rf"|(?:{_NUMBER}){_SCALE}\s?(?:%|per\s?cent|percent|Prozent|pour\s?cent|€|\$|£|euros?|Euro|dollars?|EUR|USD|CHF|GW|MW|kW|km|kg|GB|TB|PB)"
    rf"|(?:{_NUMBER}){_SCALE})",
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_MONTH_WORDS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)",
    re.IGNORECASE,
)


def _stop(lang: str) -> frozenset[str]:
    from .summarize import _stopwords

    return _stopwords(lang)


def _stem(word: str, lang: str) -> str:
    from .summarize import _stem as stem

    return stem(word.lower(), lang)


def _body_sentences(article: Article, lang: str) -> list[str]:
    sentences = []
    for block in article.blocks:
        if block.kind == "heading":
            continue
        sentences.extend(split_sentences(block.text, lang))
    return sentences


def phrase_candidates(sentence: str, lang: str) -> list[str]:
    """Runs of one to four content words, split at stop words, punctuation and numbers."""
    stop = _stop(lang)
    phrases: list[str] = []
    run: list[str] = []
    for token in _TOKEN.findall(sentence):
        word = token.lower()
        if not token[0].isalnum() or word in stop or token[0].isdigit() or len(token) < 2:
            if run:
                phrases.append(" ".join(run))
            run = []
            continue
        run.append(token)
    if run:
        phrases.append(" ".join(run))
    return [p for p in phrases if 1 <= len(p.split()) <= 4]


def key_phrases(article: Article, lang: str | None = None, limit: int = 8) -> list[str]:
    """The 5–8 phrases that say what the article is about, best first."""
    lang = (lang or article.lang or "en")[:2]
    sentences = _body_sentences(article, lang)
    if article.standfirst:
        sentences.insert(0, article.standfirst)
    heading_stems = {_stem(w, lang) for p in phrase_candidates(f"{article.title} {article.standfirst}", lang) for w in p.split()}
    word_freq: Counter[str] = Counter()
    word_degree: Counter[str] = Counter()
    phrase_freq: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = {}
    for sentence in sentences:
        for phrase in phrase_candidates(sentence, lang):
            stems = [_stem(w, lang) for w in phrase.split()]
            key = " ".join(stems)
            phrase_freq[key] += 1
            surface.setdefault(key, Counter())[phrase] += 1
            for stem in stems:
                word_freq[stem] += 1
                word_degree[stem] += len(stems)
    scored = []
    for key, freq in phrase_freq.items():
        stems = key.split()
        score = sum(word_degree[s] / word_freq[s] for s in stems) * (freq ** 0.5)
        score *= 1.0 + sum(1 for s in stems if s in heading_stems) / len(stems)
        if len(stems) == 1 and freq == 1:
            continue
        scored.append((score, key))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[str] = []
    seen_stems: set[str] = set()
    for _, key in scored:
        stems = set(key.split())
        if stems <= seen_stems:  # a phrase whose words are all in better ones adds nothing
            continue
        form = surface[key].most_common(1)[0][0]
        chosen.append(form)
        seen_stems |= stems
        if len(chosen) >= limit:
            break
    return chosen


def _context(sentence: str, start: int, end: int, lang: str) -> str:
    """A few content words saying what a figure counts: the phrase after it, else before it."""
    stop = _stop(lang)
    after = phrase_candidates(sentence[end : end + 80], lang)
    before = phrase_candidates(sentence[max(0, start - 80) : start], lang)
    following = sentence[end : end + 40]
    # "7.000 Gäste", "2,100 GPU-AI accelerators", "€112 million initiative": the noun right after.
    first_after = re.match(r"\s*([^\W\d_][\w\-’']*)", following)
    if first_after and first_after.group(1).lower() not in stop and after:
        return after[0]
    if before:
        return before[-1]
    return after[0] if after else ""


def key_figures(article: Article, lang: str | None = None, limit: int = 5) -> list[str]:
    """Numbers with their unit and what they count, e.g. "€112 million — AI Factory", in article order."""
    lang = (lang or article.lang or "en")[:2]
    figures: list[str] = []
    seen: set[str] = set()
    for sentence in _body_sentences(article, lang):
        for match in _FIGURE.finditer(sentence):
            figure = match.group("figure").strip().rstrip(".,")
            digits = re.sub(r"\D", "", figure)
            if not digits:
                continue
            plain = figure.replace(" ", "")
            if _YEAR.match(plain):
                continue
            rest = sentence[match.end() : match.end() + 20]
            if _MONTH_WORDS.match(rest.lstrip(" .")):
                continue  # a date, "2 December"
            if re.fullmatch(r"\d{1,2}", plain) and not re.match(r"\s*[^\W\d_]", rest):
                continue  # a bare small number
            context = _context(sentence, match.start(), match.end(), lang)
            if not context:
                continue
            if figure.lower() in seen:
                continue
            seen.add(figure.lower())
            figures.append(f"{figure} — {context}")
    ranked = sorted(enumerate(figures), key=lambda item: (_weight(item[1]), item[0]))
    keep = sorted(index for index, _ in ranked[:limit])
    return [figures[i] for i in keep]


def _weight(figure: str) -> int:
    """Money and percentages first, then counts of things."""
    head = figure.split(" — ")[0]
    if re.search(_CURRENCY, head) or re.search(r"€|\$|£|euro|dollar", head, re.IGNORECASE):
        return 0
    if re.search(r"%|cent|Prozent", head):
        return 1
    return 2
