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

Linked articles are *related*; a link is not yet "the same story".  A round-up
that mentions an event in one paragraph shares its names and figures with every
report of it, so :func:`group_stories` asks more of a pair: the features both
share must run through most of each article (:data:`SAME_STORY_SPREAD`), and an
article joins a story only when it is the same story as most of its members, so
A–B and B–C never make A–C by chaining.  :func:`build_stories` turns each group
into one :class:`~digest.story.Story`: near-identical copies collapse into one
source, the clearest source gives the headline, one summary is drawn from all
sources without telling a fact twice, key figures are merged, and an importance
score orders the briefing.  Within linked articles a later summary must not
repeat a fact an earlier one told, so :func:`link_stories` re-picks those
sentences (see ``summarize_article(avoid=)``): each source brings new facts.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

import numpy as np

from ..article import Article
from ..story import Source, Story, StorySentence
from ..text.terms import NAME_TOKEN, NUMBER, YEAR, content_terms, fold, normalise_lang, sentence_facts

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
# range above _NEUTRAL.  _DOUBLE marks the features that count double, _ACROSS those that
# count only between articles in different languages.
_PAIR_SHIFT = np.uint64(32)
_NEUTRAL = 1 << 62
_DOUBLE = 1 << 63
_ACROSS = 1 << 61  # a proper name ("Lagarde"): within one language its word already counts
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


# Words that are capitalised in every language but name no one: days and months.
_CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar
märz juni juli oktober dezember lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai
juin juillet août septembre octobre novembre décembre
""".split())
_CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-Þ][^\W\d_]+(?:[-’'][^\W\d_]+)*")
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?:;]\s+|[\"“”«»„(]\s*)$")


def _capitalised_words(text: str) -> set[str]:
    """Folded words written with a capital where a sentence does not begin, outside lines
    that capitalise most of their words (title case): in English and French, proper names."""
    found = set()
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 3 and sum(w[:1].isupper() for w in words) > 0.6 * len(words):
            continue
        for match in _CAPITALISED_WORD.finditer(line):
            word = fold(match.group(0))
            if len(word) >= 3 and word not in _CALENDAR and not _SENTENCE_OPENER.search(line[:match.start()]):
                found.add(word)
    return found


def _proper_names(articles: list[Article], langs: list[str]) -> set[str]:
    """The batch's proper names: words capitalised inside sentences of an article in a
    language that capitalises only names (not German, where every noun is), and never
    written in lower case there.  A German
    report writes the same names ("Klingbeil", "Lagarde", "Quantora"): they are what it
    shares with a report in another language when no translation model is installed."""
    names: set[str] = set()
    common: set[str] = set()  # words some sentence writes in lower case ("innovation", "data"): no names
    for article, lang in zip(articles, langs):
        if lang != "de":
            text = _text(article)
            names |= _capitalised_words(text)
            common.update(fold(w) for w in _TOKEN.findall(text) if w[:1].islower())
    return names - common


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
    proper = _proper_names(articles, langs)
    neutral_spelled: list[str] = []
    name_numbers, other_numbers = _Numbering(neutral_spelled), _Numbering(neutral_spelled)
    found = []
    coined: set[str] = set()
    for article, lang in zip(articles, langs):
        names, others = _neutral_features(_text(article), lang)
        coined |= names
        found.append((names, proper & _capitalised_words(_text(article)), others))
    neutral = []
    for names, propers, others in found:
        numbers = [name_numbers[n] for n in sorted(names | propers)] + [other_numbers[o] for o in sorted(others)]
        keys = np.array(numbers, dtype=np.uint64)
        across = np.array([n in propers and n not in coined for n in sorted(names | propers)]
                          + [False] * len(others), dtype=bool)
        keys[across] |= np.uint64(_ACROSS)  # a plain proper name: evidence across languages only
        neutral.append(keys)
    del other_numbers, neutral_spelled, found
    spelled: list[str] = []  # word number -> stem
    vocabulary: dict[str, _Numbering] = defaultdict(lambda: _Numbering(spelled))
    sequences = []
    for index, (article, lang) in enumerate(zip(articles, langs)):
        text = _text(article)
        words = coined & set(_TOKEN.findall(text.lower()))  # a proper name only where capitalised
        if words:
            neutral[index] = np.union1d(neutral[index], np.array([name_numbers[w] for w in words], np.uint64))
        stems = [term for term in content_terms(text, lang) if not term.isdigit()]
        sequences.append(np.fromiter(map(vocabulary[lang].__getitem__, stems), np.uint32, len(stems)))
    del name_numbers, vocabulary, coined
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
    across = (keys & np.uint64(_ACROSS)) != 0
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
        for a, b in _linked_pairs(entries[start:stop], owners, later, weights, across, language, total):
            related[a].append(b)
            related[b].append(a)
        start = stop
    return [sorted(r) for r in related]


def _linked_pairs(entries, owners, later, weights, across, language, total) -> list[tuple[int, int]]:
    """The linked pairs (a, b), a < b, among the features of the articles of ``entries``."""
    counts = later[entries]
    partners = np.repeat(entries + 1 - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
    first = np.repeat(owners[entries].astype(np.int64), counts)  # first * total needs 64 bits
    second = owners[partners]
    pairs, which = np.unique(first * total + second, return_inverse=True)
    first, second = np.divmod(pairs, total)
    counted = np.repeat(~across[entries], counts) | (language[first] != language[second])[which]
    shared = np.bincount(which, weights=counted, minlength=len(pairs))
    evidence = np.bincount(which, weights=np.repeat(weights[entries], counts) * counted,
                           minlength=len(pairs))  # in feature order
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


# --- stories: which linked articles report the same event ----------------------------------

# Share of an article's words in paragraphs holding two or more of the features it shares
# with the other; both articles of a pair must reach it.  On the seeds the AI Factory launch
# report and the AI Factory explainer reach 0.80 and 0.72; the Nexus 2026 round-up, which
# gives the AI Factory two paragraphs, reaches 0.20 and 0.38 against them.
SAME_STORY_SPREAD = 0.6
# Two reports dated further apart than this are not the same story, however alike: the next
# edition of a yearly conference, a company's next funding round, a central bank's next rate
# decision share nearly every name and word with the last one.  They can still be related.
# Follow-ups and second-day reports fall well inside it; undated articles are not held to it.
STORY_WINDOW_DAYS = 14
# Word 3-shingles two texts share (Jaccard) above which one is a republished copy of the other.
COPY_SIMILARITY = 0.5
MAX_STORY_SENTENCES = 6
SENTENCES_PER_OTHER_SOURCE = 2
MAX_STORY_FIGURES = 6
RECENCY_HALF_LIFE_DAYS = 3.0


class _Profile:
    """What :func:`_spread` reads of one article: its distinctive features (top tf-idf
    terms others have too, plus its names and figures) and, per paragraph, its
    features and its number of words."""

    __slots__ = ("features", "paragraphs")

    def __init__(self, features: set[str], paragraphs: list[tuple[int, set[str]]]):
        self.features, self.paragraphs = features, paragraphs


def _profiles(articles: list[Article], wanted: set[int]) -> tuple[dict[int, _Profile], set[str]]:
    """Profiles of the ``wanted`` articles (those with a link), document frequencies over all;
    and the features that are plain proper names (shared across languages only)."""
    langs = [normalise_lang(a.lang) for a in articles]
    counts = {i: _term_counts(articles[i], langs[i]) for i in wanted}
    df: dict[str, int] = defaultdict(int)
    for index, article in enumerate(articles):
        for term in (counts[index] if index in counts else set(content_terms(_text(article), langs[index]))):
            df[term] += 1
    log_total = math.log(1 + len(articles))
    names = {fact[5:] for i in wanted for fact in sentence_facts(_text(articles[i])) if fact.startswith("name:")}
    proper = _proper_names([articles[i] for i in sorted(wanted)], [langs[i] for i in sorted(wanted)])

    def facts(text: str) -> set[str]:
        """Names and figures, with a name coined elsewhere in the batch counted where it is
        written without its inner capital ("Meluxina-AI" for "MeluXina-AI"), and the batch's
        proper names where they are written with their capital (see :func:`_proper_names`)."""
        return (sentence_facts(text) | {"name:" + w for w in map(fold, _TOKEN.findall(text.lower())) if w in names}
                | {"name:" + w for w in _capitalised_words(text) & proper})

    profiles = {}
    for index in wanted:
        article, lang = articles[index], langs[index]
        ranked = sorted(counts[index].items(), key=lambda kv: (-kv[1] * (log_total - math.log(df[kv[0]])), kv[0]))
        features = {term for term, _ in ranked[:TERMS_PER_ARTICLE] if df[term] > 1} | facts(_text(article))
        paragraphs = [(len(text.split()), set(content_terms(text, lang)) | facts(text))
                      for text in [article.title, article.standfirst] + [b.text for b in article.blocks] if text]
        profiles[index] = _Profile(features, paragraphs)
    return profiles, {"name:" + w for w in proper - names}


def _term_counts(article: Article, lang: str) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for term in content_terms(_text(article), lang):
        counts[term] += 1
    return counts


def _spread(profile: _Profile, shared: set[str]) -> float:
    """Share of an article's words in paragraphs that hold two or more ``shared`` features:
    near 1 when the shared names and figures are what the article is about, small when
    they fill one paragraph of a longer piece."""
    total = sum(words for words, _ in profile.paragraphs) or 1
    return sum(words for words, features in profile.paragraphs if len(features & shared) >= 2) / total


def group_stories(articles: list[Article], related: list[list[int]]) -> list[list[int]]:
    """Groups of article indices, one per story, each in the articles' order.

    A linked pair is the *same story* when the features both articles share run
    through most of each (:func:`_spread` ≥ :data:`SAME_STORY_SPREAD`).  Pairs are
    merged strongest first, and two groups join only if every article of the
    result is the same story as more than half of the others: a chain A–B–C with
    no A–C stays two stories.  Only linked pairs are weighed (each article has at
    most a bounded number of links), so the work grows with the links, not all pairs.
    """
    pairs = sorted({(min(i, j), max(i, j)) for i, others in enumerate(related) for j in others if i != j})
    profiles, proper = _profiles(articles, {i for pair in pairs for i in pair})
    langs = [normalise_lang(article.lang) for article in articles]
    same: dict[int, set[int]] = defaultdict(set)
    strength = []
    days = [_day(article.trusted_date) for article in articles]
    for a, b in pairs:
        if days[a] is not None and days[b] is not None and abs(days[a] - days[b]) > STORY_WINDOW_DAYS:
            continue
        shared = profiles[a].features & profiles[b].features
        if langs[a] == langs[b]:
            shared -= proper  # in one language the name's word is shared already
        score = min(_spread(profiles[a], shared), _spread(profiles[b], shared))
        if score >= SAME_STORY_SPREAD:
            same[a].add(b)
            same[b].add(a)
            strength.append((-score, a, b))
    group_of = {i: [i] for i in range(len(articles))}
    for _, a, b in sorted(strength):
        first, second = group_of[a], group_of[b]
        if first is second:
            continue
        merged = first + second
        if all(2 * len(same[i] & set(merged)) > len(merged) - 1 for i in merged):
            for i in second:
                group_of[i] = merged
            for i in first:
                group_of[i] = merged
    groups = {id(g): g for g in group_of.values()}.values()
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])


def _day(iso: str):
    """Day number of an ISO date ("2026-03-17"), None when there is no full date."""
    from datetime import date

    try:
        return date.fromisoformat((iso or "")[:10]).toordinal()
    except ValueError:
        return None


def _shingles(article: Article) -> set[tuple[str, ...]]:
    words = _TOKEN.findall((article.title + "\n" + article.text).lower())
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _is_copy(a: set, b: set) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= COPY_SIMILARITY


def _clarity(article: Article) -> tuple:
    """Sort key of the clearest source: English as written, then translated, then shown in
    the original language; then one whose page has a headline (the story's headline is its
    lead's), the fuller summary, the standfirst, the earlier date."""
    status = article.translation.status if article.translation else ("original" if article.lang == "en" else "")
    rank = {"original": 0, "translated": 1}.get(status, 2)
    return (rank, not article.title, -len(article.summary.sentences), not article.standfirst,
            -_date_number(article.date) or 0, article.id)


def _date_number(iso: str) -> int:
    digits = "".join(ch for ch in (iso or "")[:10] if ch.isdigit())
    return int((digits + "0000")[:8]) if digits else 0


def _sources(members: list[Article]) -> list[Source]:
    """Collapse near-identical copies into one source (the clearest copy speaks for them);
    the clearest source first, the others by date."""
    sources: list[tuple[Source, set]] = []
    for article in sorted(members, key=_clarity):
        shingles = _shingles(article)
        home = next((s for s, sh in sources if s.article.lang == article.lang and _is_copy(sh, shingles)), None)
        if home is None:
            sources.append((Source(article), shingles))
        else:
            home.copies.append(article)
    lead, *others = [s for s, _ in sources]
    others.sort(key=lambda s: (_date_number(s.article.date) or 99999999, s.article.id))
    return [lead, *others]


def _shown_lang(article: Article) -> str:
    translated = article.translation and article.translation.status == "translated" and article.translation.summary
    return "en" if translated else article.lang


def story_summary(sources: list[Source]) -> list[StorySentence]:
    """One summary from all sources: the lead's sentences, then up to
    :data:`SENTENCES_PER_OTHER_SOURCE` from each other source in date order, none
    telling a fact already told.  Sentences are compared as the reader sees them
    (in English where translated: comparing translations when a model is installed)
    and, in any language, by their names and figures (``sentence_facts``)."""
    from .summarize import repeats_told

    picked: list[StorySentence] = []
    for position, source in enumerate(sources):
        article = source.article
        taken = 0
        for sentence in article.summary_after_headline:
            if len(picked) >= MAX_STORY_SENTENCES or (position and taken >= SENTENCES_PER_OTHER_SOURCE):
                break
            if repeats_told([sentence], [p.text for p in picked], _shown_lang(article)):
                continue
            picked.append(StorySentence(sentence, article.id))
            taken += 1
    return picked


def merge_figures(sources: list[Source]) -> list[str]:
    """Key figures of all sources, each once; where two sources give different values for
    the same thing, both are shown with a mark ("€112 million / €110 million — AI Factory
    (sources differ)").  Values one report gives for the same label are listed the same way,
    unmarked: they are two facts of that report, not a disagreement."""
    from .keyfacts import figure_value

    values: dict[str, list[tuple[str, int]]] = {}  # label -> (value shown, source number), each value once
    labels: dict[str, str] = {}
    for number, source in enumerate(sources):
        for figure in source.article.summary.key_figures:
            shown, _, label = figure.partition(" — ")
            key = " ".join(label.casefold().split())
            found = values.setdefault(key, [])
            labels.setdefault(key, label)
            if all(figure_value(shown) != figure_value(other) for other, _ in found):
                found.append((shown, number))
    merged = []
    for key, found in list(values.items())[:MAX_STORY_FIGURES]:
        if not labels[key]:  # figures without a label: the first stands for them
            merged.append(found[0][0])
            continue
        mark = " (sources differ)" if len({number for _, number in found}) > 1 else ""
        merged.append(" / ".join(shown for shown, _ in found) + f" — {labels[key]}" + mark)
    return merged


def importance(articles: list[Article], sources: int, created, seen_before: set[str]) -> dict[str, float]:
    """The parts of a story's importance score; their sum orders the briefing.

    * ``sources``: log2(1 + independent sources); republished copies do not count,
      so a story one wire wrote and twenty sites copied weighs as one source.
    * ``recency``: 0.5 ** (age in days of the newest dated report / 3): 1 for today,
      0.5 three days ago; 0 when no report has a trusted date (an unknown age earns nothing).
    * ``new``: the share of the story's articles no earlier briefing had.
    """
    newest = max((_date_number(a.trusted_date) for a in articles), default=0)
    if newest:
        from datetime import date

        text = str(newest)
        try:
            age = (created.date() - date(int(text[:4]), max(1, int(text[4:6])), max(1, int(text[6:8])))).days
        except ValueError:
            age = None
        recency = 0.5 ** (max(0, age) / RECENCY_HALF_LIFE_DAYS) if age is not None else 0.0
    else:
        recency = 0.0
    new = sum(a.id not in seen_before for a in articles) / len(articles)
    return {"sources": round(math.log2(1 + sources), 4), "recency": round(recency, 4), "new": round(new, 4)}


def build_stories(articles: list[Article], created, seen_before: set[str] = frozenset()) -> list[Story]:
    """The briefing's stories, most important first (see :func:`importance`).

    ``articles`` have their ``related`` links set (:func:`link_stories`) and are
    translated; ``seen_before`` holds the ids of articles an earlier briefing had."""
    index_of = {a.id: i for i, a in enumerate(articles)}
    related = [sorted(index_of[r] for r in a.related if r in index_of) for a in articles]
    stories = []
    for group in group_stories(articles, related):
        members = [articles[i] for i in group]
        sources = _sources(members)
        first = min(members, key=lambda a: (_date_number(a.sort_moment) or 99999999, a.id))
        parts = importance(members, len(sources), created, seen_before)
        stories.append(Story(id=first.id, sources=sources, sentences=story_summary(sources),
                             figures=merge_figures(sources), importance=round(sum(parts.values()), 4),
                             importance_parts=parts))
    story_of = {a.id: s.id for s in stories for a in s.articles}
    for story in stories:
        story.related = sorted({story_of[r] for a in story.articles for r in a.related
                                if r in story_of and story_of[r] != story.id})
    stories.sort(key=lambda s: (-s.importance, -max(_date_number(a.sort_moment) for a in s.articles), s.headline))
    return stories
