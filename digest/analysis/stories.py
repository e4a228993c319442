"""Cross-article stories: which articles of a briefing report the same thing.

Each article is reduced to a small fingerprint: its most distinctive content
words (tf-idf over the batch), its names (``MeluXina-AI``, ``EuroHPC``,
``LuxProvide``: language-neutral, so a German and an English report of the same
event meet) and its figures (``112``, ``2100``).  An inverted index from
fingerprint features to articles finds the pairs that share anything
distinctive; features carried by more than :data:`MAX_POSTINGS` articles say
nothing about a story and are skipped, so the work grows with the number of
articles times the (bounded) postings, never with all pairs of full texts.

Features are integer keys in numpy arrays, not strings in dicts: a 10,000-article
batch has millions of (article, term) entries, and as Python strings and
Counters they took 650 MB; as keys they take a few dozen MB and link in about 10 s.
A word is numbered the first time the batch meets it and a word pair is the two
numbers side by side, so keys are exact (no hash collisions) and the same in
every process (no dependence on ``PYTHONHASHSEED``).

This is hand-written rather than MinHash-LSH from ``datasketch`` because that
package needs SciPy and gives approximate answers, while the exact inverted
index over a few dozen features per article, done with numpy sorts, is both
simpler and fast enough.

Linked articles form stories (connected groups).  Within a story, a later
article's summary must not repeat a fact an earlier summary already told, so
:func:`link_stories` re-picks those sentences (see ``summarize_article(avoid=)``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

import numpy as np

from ..article import Article
from ..text.terms import NAME_TOKEN, NUMBER, YEAR, content_terms, fold, normalise_lang

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

# Feature keys (uint64).  A word is its number (below 2**32); a word pair (a, b) is
# (a + 1) * 2**32 + b; names, name phrases and figures are numbered in their own
# range above _NEUTRAL.  _DOUBLE marks the features that count double.
_PAIR_SHIFT = np.uint64(32)
_NEUTRAL = 1 << 62
_DOUBLE = 1 << 63
_ARTICLES_PER_BLOCK = 500  # whose terms are counted at once (a few MB of keys)
_PAIRS_PER_CHUNK = 1 << 18  # article pairs weighed at once (about 15 MB of arrays)


_CAPITALISED_RUN = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?:[A-Z][\w’'-]*\s+){1,4}[A-Z][\w’'-]*")


def _name_phrases(text: str) -> set[str]:
    """Adjacent pairs of capitalised words not at a sentence start ("AI Factory",
    "Joint Undertaking", "Mistral AI"): the proper names of the story."""
    found = set()
    for line in text.splitlines():
        for match in _CAPITALISED_RUN.finditer(line):
            words = [fold(w) for w in match.group(0).split()]
            for a, b in zip(words, words[1:]):
                found.add(f"phrase:{a} {b}")
    return found


def _text(article: Article) -> str:
    return "\n".join([article.title, article.standfirst, article.text])


def _neutral_features(text: str, lang: str) -> tuple[set[str], set[str]]:
    """An article's names, folded ("meluxina-ai"), and its name phrases and figures
    (``phrase:ai factory``, ``num:2100``): what reads the same in every language."""
    names = {fold(token) for token in set(NAME_TOKEN.findall(text)) if len(token) >= 3}
    others: set[str] = _name_phrases(text) if lang != "de" else set()
    for number in NUMBER.findall(text):
        digits = re.sub(r"\D", "", number)
        if len(digits) >= 3 and not YEAR.match(digits) and len(digits) <= 12:
            others.add("num:" + digits)
    return names, others


class _Numbering(dict):
    """Numbers each new key the first time it is looked up, counting in ``spelled``
    (shared between numberings, so the numbers of two of them never meet)."""

    def __init__(self, spelled: list[str]):
        super().__init__()
        self.spelled = spelled

    def __missing__(self, key: str) -> int:
        number = self[key] = len(self.spelled)
        self.spelled.append(key)
        return number


def _terms(stems: np.ndarray) -> np.ndarray:
    """Keys of an article's words and adjacent word pairs, one per occurrence: a pair
    ("ai factori") is far more specific to a story than either word."""
    words = stems.astype(np.uint64)
    return np.concatenate((words, ((words[:-1] + np.uint64(1)) << _PAIR_SHIFT) | words[1:]))


def _spelling_order(keys: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """A number per term key that sorts as the terms spelled out ("ai", "ai factori",
    "aid") sort: the first word's place among all words, then the second's (a single
    word first).  Every character of a word sorts after the space, so this is exact."""
    pair = keys >= np.uint64(1 << 32)
    first = np.where(pair, (keys >> _PAIR_SHIFT) - np.uint64(1), keys)
    second = np.where(pair, rank[keys & np.uint64(0xFFFFFFFF)] + 1, 0)
    return rank[first] * (len(rank) + 1) + second


def _document_frequencies(sequences: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Every term key of the batch, sorted, and the number of articles that have it.

    Counted a block of articles at a time into sorted arrays: a dict over the batch's
    distinct terms (which grow with the batch, as word pairs rarely repeat) was most
    of the memory, and a flat array of every article's terms is still a few dozen MB."""
    known = np.empty(0, dtype=np.uint64)
    df = np.empty(0, dtype=np.int64)
    for start in range(0, len(sequences), _ARTICLES_PER_BLOCK):
        block = [np.unique(_terms(stems)) for stems in sequences[start:start + _ARTICLES_PER_BLOCK]]
        keys = np.concatenate([known] + block)
        counts = np.concatenate((df, np.ones(len(keys) - len(known), dtype=np.int64)))
        order = np.argsort(keys, kind="stable")
        keys, counts = keys[order], counts[order]
        del order, block
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))[: len(keys)]
        known, df = keys[starts], np.add.reduceat(counts, starts) if len(keys) else counts
    return known, df


def _top_terms(stems: np.ndarray, known: np.ndarray, df: np.ndarray, idf: np.ndarray,
               rank: np.ndarray) -> np.ndarray:
    """Keys of an article's :data:`TERMS_PER_ARTICLE` top tf-idf terms, ties going to the
    term that spells later (as they always have, so the links stay what they were), less
    those only this article has: they take a place in the top but can never link it."""
    keys, counts = np.unique(_terms(stems), return_counts=True)
    frequency = df[np.searchsorted(known, keys)]
    if len(keys) > TERMS_PER_ARTICLE:
        best = np.lexsort((_spelling_order(keys, rank), counts * idf[frequency]))[-TERMS_PER_ARTICLE:]
        keys, frequency = keys[best], frequency[best]
    return keys[frequency > 1]


def _features(articles: list[Article]) -> list[np.ndarray]:
    """Each article's fingerprint, as sorted feature keys: its top tf-idf words (those
    another article has too), and its names and figures.

    A name coined in one article ("MeluXina-AI") counts in another that writes it
    without the inner capital ("Meluxina-AI"), so all names are gathered first.
    Words, names and figures are numbered in batch order, so the keys, and the order
    in which evidence adds up, do not depend on the process's string hashing.
    """
    langs = [normalise_lang(article.lang) for article in articles]
    neutral_spelled: list[str] = []
    name_numbers, other_numbers = _Numbering(neutral_spelled), _Numbering(neutral_spelled)
    neutral = []
    for article, lang in zip(articles, langs):
        names, others = _neutral_features(_text(article), lang)
        numbers = [name_numbers[n] for n in sorted(names)] + [other_numbers[o] for o in sorted(others)]
        neutral.append(np.array(numbers, dtype=np.uint64))
    del other_numbers, neutral_spelled
    spelled: list[str] = []  # word number -> stem
    vocabulary: dict[str, _Numbering] = defaultdict(lambda: _Numbering(spelled))
    sequences = []
    for index, (article, lang) in enumerate(zip(articles, langs)):
        text = _text(article)
        words = name_numbers.keys() & set(_TOKEN.findall(text.lower()))
        if words:
            neutral[index] = np.union1d(neutral[index], np.array([name_numbers[w] for w in words], np.uint64))
        stems = [term for term in content_terms(text, lang) if not term.isdigit()]
        sequences.append(np.fromiter(map(vocabulary[lang].__getitem__, stems), np.uint32, len(stems)))
    del name_numbers, vocabulary
    known, df = _document_frequencies(sequences)
    log_total = math.log(1 + len(articles))
    idf = np.array([0.0] + [log_total - math.log(d) for d in range(1, len(articles) + 1)])
    rank = np.empty(len(spelled), dtype=np.int64)
    rank[sorted(range(len(spelled)), key=spelled.__getitem__)] = np.arange(len(spelled))
    features = []
    for stems, names in zip(sequences, neutral):
        words = _top_terms(stems, known, df, idf, rank)
        features.append(np.union1d(words, names | np.uint64(_NEUTRAL | _DOUBLE)))
    return features


def _postings(features: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The inverted index, flat: one entry per (feature, article), sorted by feature then
    article.  For each entry: its article, the end of its feature's run of entries (the
    articles after it that share the feature are the entries up to there) and the run's
    length."""
    keys = np.concatenate(features) if features else np.empty(0, np.uint64)
    owners = np.repeat(np.arange(len(features), dtype=np.int32), [len(f) for f in features])
    order = np.argsort(keys, kind="stable")
    keys, owners = keys[order], owners[order]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))[: len(keys)]
    ends = np.append(starts[1:], len(keys))
    run = np.repeat(np.arange(len(starts)), ends - starts)
    return keys, owners, ends[run], (ends - starts)[run]


def _weights(keys: np.ndarray, lengths: np.ndarray, total: int) -> np.ndarray:
    """Each entry's evidence: log(1 + N/df) / log(1 + N), names and figures double."""
    scale = math.log(1 + total)
    table = np.array([0.0] + [math.log(1 + total / n) / scale for n in range(1, MAX_POSTINGS + 1)])
    weights = table[np.minimum(lengths, MAX_POSTINGS)]
    weights[keys >= np.uint64(_DOUBLE)] *= 2
    return weights


def find_related(articles: list[Article]) -> list[list[int]]:
    """For each article, the indices of the articles that report the same story.

    Two articles are linked when they share at least :data:`MIN_SHARED` distinctive
    features worth :data:`MIN_EVIDENCE` together: each shared feature counts
    log(1 + N/df) / log(1 + N), so a feature only these two articles have counts
    almost 1 and one that every article has counts little; names
    and figures count double, as they pin a story down better than words.  The
    measure is absolute, not relative to article length, so a long feature that
    mentions a story in passing does not drown the evidence.

    The pairs are counted a block of articles at a time (each pair with the earlier
    article of the two), so no table of all pairs of the batch is ever held.
    """
    total = len(articles)
    if total < 2:
        return [[] for _ in articles]
    keys, owners, ends, lengths = _postings(_features(articles))
    weights = _weights(keys, lengths, total)
    later = np.where((lengths >= 2) & (lengths <= MAX_POSTINGS), ends - np.arange(len(ends)) - 1, 0)
    del keys, ends, lengths
    entries = np.flatnonzero(later)
    entries = entries[np.argsort(owners[entries], kind="stable")]  # article by article
    done = np.cumsum(later[entries])
    languages: dict = {}
    language = np.array([languages.setdefault(article.lang, len(languages)) for article in articles])
    related: list[list[int]] = [[] for _ in articles]
    start = 0
    while start < len(entries):
        stop = int(np.searchsorted(done, (done[start - 1] if start else 0) + _PAIRS_PER_CHUNK, side="right"))
        stop = max(stop, start + 1)
        while stop < len(entries) and owners[entries[stop]] == owners[entries[stop - 1]]:
            stop += 1  # an article's pairs all in one block
        for a, b in _linked_pairs(entries[start:stop], owners, later, weights, language, total):
            related[a].append(b)
            related[b].append(a)
        start = stop
    return [sorted(r) for r in related]


def _linked_pairs(entries, owners, later, weights, language, total) -> list[tuple[int, int]]:
    """The linked pairs (a, b), a < b, among the features of the articles of ``entries``."""
    counts = later[entries]
    partners = np.repeat(entries + 1 - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    first = np.repeat(owners[entries].astype(np.int64), counts)  # first * total needs 64 bits
    second = owners[partners]
    pairs, which, shared = np.unique(first * total + second, return_inverse=True, return_counts=True)
    evidence = np.bincount(which, weights=np.repeat(weights[entries], counts))  # in feature order
    first, second = np.divmod(pairs, total)
    needed = np.where(language[first] == language[second], MIN_EVIDENCE, MIN_EVIDENCE_ACROSS_LANGUAGES)
    linked = (shared >= MIN_SHARED) & (evidence >= needed)
    return list(zip(first[linked].tolist(), second[linked].tolist()))


def link_stories(articles: list[Article], repick=None) -> None:
    """Set ``article.related`` (ids of the others on the same story) and make sure
    no two summaries of one briefing tell the same fact twice."""
    related = find_related(articles)
    for article, others in zip(articles, related):
        article.related = [articles[i].id for i in others if articles[i].id != article.id]
    _deduplicate_summaries(articles, related, repick or repick_summary)


def repick_summary(article: Article, sentences: int, told: list[str]) -> None:
    """Summarise ``article`` again in ``sentences`` sentences, none repeating ``told``.

    The default for :func:`link_stories`; a caller may pass a cached equivalent
    (the build does: a re-pick is a whole summary, most of the linking time)."""
    from .summarize import summarize_article

    summarize_article(article, sentences=sentences, avoid=told)


def _deduplicate_summaries(articles: list[Article], related: list[list[int]], repick=repick_summary) -> None:
    """Walk each story in briefing order; re-pick a summary that repeats an earlier one."""
    from .summarize import repeats_told

    for index, article in enumerate(articles):
        earlier = [i for i in related[index] if i < index]
        if not earlier or not article.summary.sentences:
            continue
        told = [s for i in earlier for s in articles[i].summary.sentences]
        if told and repeats_told(article.summary.sentences, told, article.lang):
            repick(article, len(article.summary.sentences), told)
