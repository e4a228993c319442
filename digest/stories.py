"""Cross-article stories: which articles of a briefing report the same thing.

Each article is reduced to a small fingerprint: its most distinctive content
words (tf-idf over the batch), its names (``MeluXina-AI``, ``EuroHPC``,
``LuxProvide``: language-neutral, so a German and an English report of the same
event meet) and its figures (``112``, ``2100``).  An inverted index from
fingerprint features to articles finds the pairs that share anything
distinctive; features carried by more than :data:`MAX_POSTINGS` articles say
nothing about a story and are skipped, so the work grows with the number of
articles times the (bounded) postings, never with all pairs of full texts.  A
10,000-article batch links in seconds.

This is hand-written rather than MinHash-LSH from ``datasketch`` because that
package needs SciPy and gives approximate answers, while the exact inverted
index over a few dozen features per article is both simpler and fast enough.

Linked articles form stories (connected groups).  Within a story, a later
article's summary must not repeat a fact an earlier summary already told, so
:func:`link_stories` re-picks those sentences (see ``summarize_article(avoid=)``).
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from itertools import combinations

from .article import Article

MAX_POSTINGS = 50  # a feature shared by more articles than this is too common to mean "same story"
TERMS_PER_ARTICLE = 40
MIN_SHARED = 3  # distinct features two articles must share
# Shared evidence needed, in units of "a feature no other article has".  6 sits between the
# seeds' AI Factory reports (6.8 and more) and their unrelated pairs (3.7 at most); on the 589
# development articles it links the follow-up stories (Yukos, the LSE bids, the US budget).
# Reports in two languages can only meet through names and figures, so they need less.
MIN_EVIDENCE = 6.0
MIN_EVIDENCE_ACROSS_LANGUAGES = 2.5

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_NUMBER = re.compile(r"\d[\d.,  ]*\d|\d")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_LANG_PREFIXES = {"en", "de", "fr"}


def _fold(word: str) -> str:
    """Lower-case ASCII form, so "Luxemburg"/"Luxembourg" stay apart but "Société"/"Societe" meet."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


# Coined names read the same in every language: a capital after a small letter
# (MeluXina, EuroHPC, LuxProvide, iPhone) or a capitalised word with digits (GPT-4).
# Plain acronyms (AI, EU, CEO) are too common to tell stories apart.
_NAME_TOKEN = re.compile(
    r"(?<![\w-])(?:[^\W\d_]*[a-zà-ÿ][A-ZÀ-Þ][\w’'-]*|[A-ZÀ-Þ][\w-]*\d[\w-]*)(?![\w-])"
)


_CAPITALISED_RUN = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?:[A-Z][\w’'-]*\s+){1,4}[A-Z][\w’'-]*")


def _name_phrases(text: str) -> set[str]:
    """Adjacent pairs of capitalised words not at a sentence start ("AI Factory",
    "Joint Undertaking", "Mistral AI"): the proper names of the story."""
    found = set()
    for line in text.splitlines():
        for match in _CAPITALISED_RUN.finditer(line):
            words = [_fold(w) for w in match.group(0).split()]
            for a, b in zip(words, words[1:]):
                found.add(f"phrase:{a} {b}")
    return found


def fingerprint(article: Article) -> tuple[Counter, set[str], set[str]]:
    """Content-word counts (language-specific stems and stem pairs), language-neutral
    features (name phrases, names, figures) and the lower-cased forms of all its words."""
    from .summarize import _normalise_lang, content_terms

    lang = _normalise_lang(article.lang)
    text = "\n".join([article.title, article.standfirst, article.text])
    stems = [term for term in content_terms(text, lang) if not term.isdigit()]
    # word pairs ("ai factori") are far more specific to a story than single words
    terms = Counter(f"{lang}:{term}" for term in stems)
    terms.update(f"{lang}:{a} {b}" for a, b in zip(stems, stems[1:]))
    neutral: set[str] = _name_phrases(text) if lang != "de" else set()
    neutral.update("name:" + _fold(token) for token in set(_NAME_TOKEN.findall(text)) if len(token) >= 3)
    words = set(_TOKEN.findall(text.lower()))
    for number in _NUMBER.findall(text):
        digits = re.sub(r"\D", "", number)
        if len(digits) >= 3 and not _YEAR.match(digits) and len(digits) <= 12:
            neutral.add("num:" + digits)
    return terms, neutral, words


def sentence_facts(sentence: str) -> set[str]:
    """The language-neutral facts of one sentence: its figures (two or more digits,
    years left out) and its coined names."""
    facts = {"name:" + _fold(token) for token in _NAME_TOKEN.findall(sentence) if len(token) >= 3}
    for number in _NUMBER.findall(sentence):
        digits = re.sub(r"\D", "", number)
        if len(digits) >= 2 and not _YEAR.match(digits):
            facts.add("num:" + digits)
    return facts


def _features(articles: list[Article]) -> list[tuple[set[str], set[str]]]:
    """Each article's fingerprint: its top tf-idf words, and its names and figures.

    A name coined in one article ("MeluXina-AI") counts in another that writes it
    without the inner capital ("Meluxina-AI").
    """
    prints = [fingerprint(a) for a in articles]
    names = {f[5:] for _, neutral, _ in prints for f in neutral if f.startswith("name:")}
    df: Counter = Counter()
    for terms, _, _ in prints:
        df.update(terms.keys())
    log_total = math.log(1 + len(articles))
    idf = {term: log_total - math.log(count) for term, count in df.items()}
    features = []
    for terms, neutral, words in prints:
        ranked = heapq.nlargest(TERMS_PER_ARTICLE, [(count * idf[t], t) for t, count in terms.items()])
        neutral = neutral | {f"name:{w}" for w in words & names}
        features.append(({t for _, t in ranked}, neutral))
    return features


def find_related(articles: list[Article]) -> list[list[int]]:
    """For each article, the indices of the articles that report the same story.

    Two articles are linked when they share at least :data:`MIN_SHARED` distinctive
    features worth :data:`MIN_EVIDENCE` together: each shared feature counts
    log(1 + N/df) / log(1 + N), so a feature only these two articles have counts
    almost 1 and one that every article has counts little; names
    and figures count double, as they pin a story down better than words.  The
    measure is absolute, not relative to article length, so a long feature that
    mentions a story in passing does not drown the evidence.
    """
    features = [words | neutral for words, neutral in _features(articles)]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, feats in enumerate(features):
        for feature in feats:
            postings[feature].append(index)
    total = len(articles)
    scale = math.log(1 + total)
    shared_count: Counter = Counter()
    shared_weight: Counter = Counter()
    for feature, ids in postings.items():
        if len(ids) < 2 or len(ids) > MAX_POSTINGS:
            continue
        weight = math.log(1 + total / len(ids)) / scale
        if feature.split(":", 1)[0] not in _LANG_PREFIXES:
            weight *= 2  # names and figures
        pairs = list(combinations(ids, 2))
        shared_count.update(pairs)
        for pair in pairs:
            shared_weight[pair] += weight
    related: list[list[int]] = [[] for _ in articles]
    for (a, b), count in shared_count.items():
        needed = MIN_EVIDENCE if articles[a].lang == articles[b].lang else MIN_EVIDENCE_ACROSS_LANGUAGES
        if count >= MIN_SHARED and shared_weight[(a, b)] >= needed:
            related[a].append(b)
            related[b].append(a)
    return [sorted(r) for r in related]


def link_stories(articles: list[Article]) -> None:
    """Set ``article.related`` (ids of the others on the same story) and make sure
    no two summaries of one briefing tell the same fact twice."""
    related = find_related(articles)
    for article, others in zip(articles, related):
        article.related = [articles[i].id for i in others if articles[i].id != article.id]
    _deduplicate_summaries(articles, related)


def _deduplicate_summaries(articles: list[Article], related: list[list[int]]) -> None:
    """Walk each story in briefing order; re-pick a summary that repeats an earlier one."""
    from .summarize import repeats_told, summarize_article

    for index, article in enumerate(articles):
        earlier = [i for i in related[index] if i < index]
        if not earlier or not article.summary.sentences:
            continue
        told = [s for i in earlier for s in articles[i].summary.sentences]
        if told and repeats_told(article.summary.sentences, told, article.lang):
            summarize_article(article, sentences=len(article.summary.sentences), avoid=told)
