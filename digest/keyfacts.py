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
from collections import Counter, defaultdict

from .article import Article
from .sentences import split_sentences
from .summarize import _stem as _cached_stem

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
    return _cached_stem(word.lower(), lang)


def _body_sentences(article: Article, lang: str, split: list[list[str]] | None = None) -> list[str]:
    """The sentences of every block but headings; ``split`` is the blocks' sentences when
    the summariser already split them (:func:`digest.summarize.split_blocks`)."""
    if split is None:
        split = [[] if block.kind == "heading" else split_sentences(block.text, lang) for block in article.blocks]
    return [sentence for sentences in split for sentence in sentences]


def phrase_candidates(sentence: str, lang: str, max_words: int = 4) -> list[str]:
    """Runs of content words (up to ``max_words``), split at stop words, punctuation and numbers."""
    return [" ".join(word for word, _ in run) for run in _runs(sentence, lang) if len(run) <= max_words]


# token -> (word, stem) for a content word, None for a stop word, number or punctuation; per language.
_TOKEN_INFO: dict[str, dict[str, tuple[str, str] | None]] = {}


def _token_info(token: str, lang: str, table: dict) -> tuple[str, str] | None:
    first = token[0]
    if not first.isalnum() or first.isdigit() or len(token) < 2 or token.lower() in _stop(lang):
        info = None
    else:
        word = token[:-2] if token.endswith(("'s", "’s")) else token  # "Europe’s" -> "Europe"
        info = (word, _stem(word, lang))
    if len(table) > 200_000:
        table.clear()
    table[token] = info
    return info


_MISSING = object()


def _runs(sentence: str, lang: str) -> list[list[tuple[str, str]]]:
    """The RAKE runs of :func:`phrase_candidates`: each a list of (word, stem)."""
    table = _TOKEN_INFO.get(lang)
    if table is None:
        table = _TOKEN_INFO[lang] = {}
    runs: list[list[tuple[str, str]]] = []
    run: list[tuple[str, str]] = []
    get = table.get
    for token in _TOKEN.findall(sentence):
        info = get(token, _MISSING)
        if info is _MISSING:
            info = _token_info(token, lang, table)
        if info is None:
            if run:
                runs.append(run)
                run = []
        else:
            run.append(info)
    if run:
        runs.append(run)
    return runs


def key_phrases(
    article: Article, lang: str | None = None, limit: int = 8, split: list[list[str]] | None = None
) -> list[str]:
    """The 5–8 phrases that say what the article is about, best first.

    Candidates are the one- to three-word stretches of the RAKE runs; a phrase
    scores by how often it recurs (a key phrase is one the article keeps coming
    back to), a little more when longer, and double when the title or
    standfirst uses its words.  A phrase inside a better one with the same
    count is dropped ("AI Factory" inside "Luxembourg AI Factory").
    """
    lang = (lang or article.lang or "en")[:2]
    sentences = _body_sentences(article, lang, split)
    heading = f"{article.title} {article.standfirst}"
    heading_stems = {stem for run in _runs(heading, lang) if len(run) <= 4 for _, stem in run}
    # every one- to three-word stretch of every run, as (stems, surface form), counted in one go
    grams: list[tuple[tuple[str, ...], str]] = []
    for sentence in [heading] + sentences:
        for run in _runs(sentence, lang):
            length = len(run)
            if length > 12:
                continue
            grams.extend(((stem,), word) for word, stem in run)
            if length > 1:
                grams.extend(((a[1], b[1]), f"{a[0]} {b[0]}") for a, b in zip(run, run[1:]))
            if length > 2:
                grams.extend(
                    ((a[1], b[1], c[1]), f"{a[0]} {b[0]} {c[0]}") for a, b, c in zip(run, run[1:], run[2:])
                )
    counts: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], dict[str, int]] = {}
    for (key, form), count in Counter(grams).items():
        counts[key] += count
        forms = surface.get(key)
        if forms is None:
            surface[key] = {form: count}
        else:
            forms[form] = count
    scored = []
    for key, count in counts.items():
        if count < 2 or all(len(stem) < 3 for stem in key):
            continue
        score = count * len(key)
        if len(key) == 1 and not _best_form(surface[key])[:1].isupper():
            score *= 0.5  # a lone common word ("developing") says less than a name or a phrase
        if any(stem in heading_stems for stem in key):
            score *= 2
        scored.append((score, key))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[tuple[str, ...]] = []
    for _, key in scored[: limit * 20]:
        if any(_contains(other, key) for other in chosen):
            continue
        inside = [other for other in chosen if _contains(key, other)]
        if inside:
            # "AI Factory" replaces "Factory" when the longer phrase is about as frequent
            if all(counts[key] >= 0.4 * counts[other] for other in inside):
                chosen = [other for other in chosen if other not in inside]
            else:
                continue
        chosen.append(key)
        if len(chosen) >= limit:
            break
    return [_best_form(surface[key]) for key in chosen]


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return size <= len(longer) and any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _best_form(forms: dict[str, int]) -> str:
    """The spelling the article uses most; on a tie the capitalised one (a name)."""
    return sorted(forms.items(), key=lambda item: (-item[1], not item[0][:1].isupper(), item[0]))[0][0]


_NAME_RUN = re.compile(r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*")


def _context(sentence: str, start: int, end: int, lang: str) -> str:
    """A few words saying what a figure counts.

    A count names its thing right after it ("7.000 Gäste", "2,100 GPU-AI
    accelerators"); an amount of money or a share usually belongs to the name
    just before it in the same clause ("The Luxembourg AI Factory, a €112
    million initiative"), else to the words after it.
    """
    stop = _stop(lang)
    # a lone adverb says how, not what: "€12 billion annually on cloud services"
    after = [p for p in phrase_candidates(sentence[end : end + 80], lang) if not _is_adverb(p, lang)]
    clause_start = max(sentence.rfind(ch, 0, start) for ch in ";:.!?")  # -1 when none
    before_text = sentence[max(0, clause_start + 1, start - 80) : start]
    before = phrase_candidates(before_text, lang)
    head = sentence[start:end]
    first_after = re.match(r"\s*([^\W\d_][\w\-’']*)", sentence[end : end + 40])
    if first_after and _is_adverb(first_after.group(1), lang):
        first_after = None
    is_amount = bool(re.search(r"[€$£%]|cent|Prozent|euro|dollar|EUR|USD|CHF", head, re.IGNORECASE))
    if is_amount and lang != "de":
        names = []
        for match in _NAME_RUN.finditer(before_text):
            if len(before_text) - match.end() > 6:  # only a name right before: "The X Factory, a €112 million"
                continue
            words = match.group(0).split()
            while words and words[0].lower() in stop:  # "The Luxembourg AI Factory"
                words.pop(0)
            at_sentence_start = match.start() == 0 and clause_start < 0
            if words and (len(words) > 1 or not at_sentence_start):
                names.append(" ".join(words))
        if names:
            return names[-1]
        if after:
            return after[0]
    if first_after and first_after.group(1).lower() not in stop and after:
        return after[0]
    if before:
        return before[-1]
    return after[0] if after else ""


def _is_adverb(phrase: str, lang: str) -> bool:
    return lang == "en" and " " not in phrase and phrase.lower().endswith("ly") and len(phrase) > 4


_DIGIT = re.compile(r"\d")


def key_figures(
    article: Article, lang: str | None = None, limit: int = 5, split: list[list[str]] | None = None
) -> list[str]:
    """Numbers with their unit and what they count, e.g. "€112 million — AI Factory", in article order."""
    lang = (lang or article.lang or "en")[:2]
    figures: list[str] = []
    seen: set[str] = set()
    for sentence in _body_sentences(article, lang, split):
        if not _DIGIT.search(sentence):  # most sentences hold no number at all
            continue
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
            value = _value(figure)
            if value in seen:  # "€112M" and "€112 million" are one figure
                continue
            seen.add(value)
            figures.append(f"{figure} — {context}")
    ranked = sorted(enumerate(figures), key=lambda item: (_weight(item[1]), item[0]))
    keep = sorted(index for index, _ in ranked[:limit])
    return [figures[i] for i in keep]


_SCALES = {
    "k": 1e3, "thousand": 1e3, "tausend": 1e3, "tsd": 1e3,
    "m": 1e6, "million": 1e6, "millions": 1e6, "millionen": 1e6, "mio": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "milliarde": 1e9, "milliarden": 1e9,
    "mrd": 1e9, "milliard": 1e9, "milliards": 1e9, "trillion": 1e12,
}


def _value(figure: str) -> tuple[str, float]:
    """The kind (currency, percent or count) and amount a figure stands for."""
    kind = "%" if re.search(r"%|cent|prozent", figure, re.IGNORECASE) else ""
    for symbol, name in (("€", "EUR"), ("euro", "EUR"), ("$", "USD"), ("dollar", "USD"), ("£", "GBP")):
        if symbol in figure.lower() or name in figure.upper():
            kind = name
    number = re.search(r"\d[\d.,  ]*", figure).group(0).strip()
    # "7.000" and "7,000" are thousands; "1.9" and "0,99" are decimals
    if re.fullmatch(r"\d{1,3}(?:[.,  ]\d{3})+", number):
        amount = float(re.sub(r"\D", "", number))
    else:
        amount = float(number.replace(",", ".").replace(" ", "").replace("\u00a0", "") or 0)
    scale = re.search(r"\d\s?([A-Za-zäöü]+)", figure)
    if scale and scale.group(1).lower() in _SCALES:
        amount *= _SCALES[scale.group(1).lower()]
    return kind, amount


def _weight(figure: str) -> int:
    """Money and percentages first, then counts of things."""
    head = figure.split(" — ")[0]
    if re.search(_CURRENCY, head) or re.search(r"€|\$|£|euro|dollar", head, re.IGNORECASE):
        return 0
    if re.search(r"%|cent|Prozent", head):
        return 1
    return 2
