"""Extractive summaries: pick the article's most telling sentences, keep their order.

A sentence is worth showing when it states what the whole article is about
(centrality) and, in news, when it comes early (the inverted pyramid); how much
the opening is trusted is measured in each article, not assumed for a genre.
Each score is the sum of four signals (:data:`SIGNALS`, see
:func:`sentence_signals`); the best sentences are taken greedily, skipping any
that repeats one already taken, and shown in the article's order.  No neural
network: the result is deterministic, and ``--explain`` shows every signal's
share of every picked sentence's score.

Only four numbers are free (:class:`Settings`); ``benchmarks/summ_bench.py``
chooses them inside cross-validation training folds and reports out-of-fold
ROUGE beside the baselines, so the figures say how it does on unseen articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from ..article import Article, Block, Summary
from ..text.sentences import split_sentences
from ..text.terms import WORD, content_terms, normalise_lang, sentence_facts, terms_of

CANDIDATE_KINDS = ("paragraph", "list_item", "quote")
METHOD = "signals-v3"  # v3: the length signal and the title-checked opening
SIGNALS = ("centrality", "centroid", "position", "length")


@dataclass(frozen=True, slots=True)
class Settings:
    """The summariser's only four free numbers (everything else is measured per article).

    Chosen by ``benchmarks/summ_bench.py`` inside cross-validation training folds
    over all three development sets at once (one configuration for every genre
    and language); the bench prints the choice made on all the data, which is
    what ships here.
    """

    # How much an opening that is fully central may add to a sentence's score
    # (centrality is at most 1): the inverted-pyramid prior, at full trust, when the
    # summary keeps every sentence; it grows with how selective the summary is.
    position: float = 0.15
    # How fast graph centrality gives way to similarity with the whole article as
    # the sentence graph gets sparse: the centroid's share is 1 - connectivity * density.
    connectivity: float = 1.25
    # How fast the position prior grows with selectivity (candidates / sentences asked):
    # weight = position * trust * selectivity ** this.
    selective: float = 1.5
    # A sentence longer than this many times the article's mean sentence length is scored
    # down in proportion (half as long again as that limit: by a third): such a "sentence" is
    # mostly a photo caption glued to the next sentence, or a run-on list, and it crowds a
    # short summary.  Shorter sentences are never rewarded.  ``math.inf``: no such check.
    long_sentence: float = 2.5


SETTINGS = Settings()
# Two sentences whose word overlap (cosine) is above this say the same thing: a fixed
# definition shared with story linking (:func:`repeats_told`), not a fitted weight.
REDUNDANCY = 0.575
# The position prior halves this many sentences into the article.
POSITION_SCALE = 3
# An opening whose words overlap the title's (binary cosine of content terms) by this much
# or more states the title's subject: the definition of "on the title", not a fitted weight.
ON_TITLE = 0.5

_CODE_SYMBOLS = re.compile(r"[{}();=<>\[\]|\\]")
_LETTERS = re.compile(r"[^\W\d_]")
_CAPTION = re.compile(  # literal first, so the engine can skip ahead; word start checked in is_caption
    r"(?:foto|fotos|photo|photos|photograph|bild|image|picture|credit|crédit|illustration|quelle)\s*:"
    r"|©|getty images|(?:afp|dpa|reuters)/|ap photo"
)  # matched against lower-cased text
# Cheap substring tests that rule most blocks out before the regular expressions run.
_CAPTION_MARKS = (
    "foto", "photo", "bild", "image", "picture", "credit", "crédit", "illustration", "quelle", "©",
    "getty", "afp/", "dpa/", "reuters/",
)
_BOILERPLATE_WORDS = (
    "read more", "click here", "sign up", "subscribe", "newsletter", "cookie", "all rights reserved",
    "originally published", "share this", "follow us", "advertisement", "weiterlesen", "abonnieren", "abo ",
    "abo.", "abo,", "abos", "anmelden", "alle rechte", "lire la suite", "abonnez", "s'abonner", "tous droits",
)
_BOILERPLATE = re.compile(
    r"\b(?:read more|click here|sign up|subscribe|newsletter|cookies?|all rights reserved|"
    r"originally published|share this|follow us|advertisement|"
    r"weiterlesen|abonnieren|abos?\b|anmelden|alle rechte|"
    r"lire la suite|abonnez|s'abonner|tous droits)",
)  # matched against lower-cased text


@dataclass(slots=True)
class Candidate:
    """One sentence of the article, with where it stands."""

    text: str
    position: int  # index among candidate sentences
    paragraph: int  # index of its block
    in_paragraph: int  # index within its block
    words: int = 0
    terms: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # its words, lower-cased


# A sentence longer than this is no sentence a reader skims (a run-on list, a glued
# table, a 99,800-letter "word"): picked, it made one email 133 KB and one PDF 121 pages.
# The longest sentences of the seeds are under 400 characters.
MAX_SENTENCE_CHARS = 600
_CLOSING = "\"'”“’»)] \u00a0\u202f\t\n"


def is_caption(sentence: str) -> bool:
    """A photo credit or caption: "Foto: Editpress/…", "(Photo: …)", "© AFP"."""
    lowered = sentence.lower()
    if ":" not in lowered and "©" not in lowered and "/" not in lowered and "getty" not in lowered:
        return False
    for match in _CAPTION.finditer(lowered):
        start = match.start()
        if start == 0 or not lowered[start - 1].isalnum():
            return True
    return False


def looks_like_code(sentence: str) -> bool:
    """Scraped script or markup: many of ``{}();=<>`` and few letters."""
    if "{" not in sentence and "=" not in sentence and ";" not in sentence and "<" not in sentence:
        return False
    symbols = len(_CODE_SYMBOLS.findall(sentence))
    return symbols >= 4 and symbols * 8 > len(_LETTERS.findall(sentence))


def split_blocks(blocks: Iterable[Block], lang: str) -> list[list[str]]:
    """Each block's sentences (empty for a heading, which is never summarised nor counted);
    computed once per article and shared by the summary and the key facts."""
    return [[] if block.kind == "heading" else split_sentences(block.text, lang) for block in blocks]


def _candidates(
    blocks: Iterable[Block], lang: str, strict: bool = True, split: list[list[str]] | None = None
) -> list[Candidate]:
    """Sentences that may be picked: from paragraphs, list items and quotes only,
    never questions, headings glued into a block, captions, code, boilerplate
    ("subscribe to our newsletter") or one-word lines.

    ``strict=False`` (used only when the strict rules leave nothing, as for a
    two-word text) keeps short lines, questions and boilerplate, but still no
    captions or code.
    ``split``: the blocks' sentences (:func:`split_blocks`), when already known.
    """
    found: list[Candidate] = []
    minimum = 4 if strict else 1
    # Names bound locally: this loop runs for every sentence of every article.
    findall_words = WORD.findall
    closing = _CLOSING
    for block_index, block in enumerate(blocks):
        if block.kind not in CANDIDATE_KINDS:
            continue
        # The caption and boilerplate patterns are tested once per block: most blocks have neither.
        lowered = block.text.lower()
        suspect_caption = False
        for mark in _CAPTION_MARKS:
            if mark in lowered:
                suspect_caption = True
                break
        suspect_boilerplate = False
        for word in _BOILERPLATE_WORDS:
            if word in lowered:
                suspect_boilerplate = True
                break
        sentences = split[block_index] if split is not None else split_sentences(block.text, lang)
        for in_paragraph, sentence in enumerate(sentences):
            lower = sentence.lower()
            words = findall_words(lower)
            if len(words) < minimum or len(sentence) > MAX_SENTENCE_CHARS:
                continue
            if strict and not sentence.rstrip(closing).endswith((".", "!", "…")):
                continue  # a question (ends in "?") or a heading-like line (no end punctuation)
            if suspect_caption and is_caption(sentence):
                continue
            if (
                ("{" in sentence or "=" in sentence or ";" in sentence or "<" in sentence)
                and looks_like_code(sentence)
            ):
                continue
            if (
                strict and suspect_boilerplate
                and any(word in lower for word in _BOILERPLATE_WORDS) and _BOILERPLATE.search(lower)
            ):
                continue
            found.append(
                Candidate(sentence, len(found), block_index, in_paragraph, len(words), terms_of(words, lang), words)
            )
    return found


# --------------------------------------------------------------------------- signals


def _vectors(candidates: list[Candidate]):
    """Sentence x term tf-idf matrix (rows L2-normalised), idf over the article's sentences,
    and the unnormalised sum of the rows (the article's centroid).

    Written for few numpy calls: on a busy machine each call into numpy costs
    several microseconds of set-up, more than the arithmetic of a short article.
    The integer work (columns, document frequencies) is done in Python; every
    floating-point step is the same numpy operation as before, so the values
    are bit for bit the same."""
    import numpy as np

    vocabulary: dict[str, int] = {}
    per_row: list[list[int]] = []
    df: list[int] = []
    empty = False
    for cand in candidates:
        found = [vocabulary.setdefault(term, len(vocabulary)) for term in cand.terms]
        per_row.append(found)
        if len(df) < len(vocabulary):
            df.extend([0] * (len(vocabulary) - len(df)))
        for column in set(found):
            df[column] += 1
        empty = empty or not found
    count = len(candidates)
    width = max(1, len(vocabulary))
    flat = [row * width + column for row, found in enumerate(per_row) for column in found]
    counts = np.bincount(flat, minlength=count * width).reshape(count, width)
    # (1 + n) / (1 + df) is one correctly rounded division in Python as in numpy
    idf = np.log(np.array([(1.0 + count) / (1.0 + d) for d in df] or [(1.0 + count) / 1.0])) + 1.0
    matrix = counts * idf
    # the article's term weights (before each sentence is normalised): what the whole text is about
    centroid = np.add.reduce(matrix, axis=0)
    norms = np.sqrt(np.add.reduce(matrix * matrix, axis=1, keepdims=True))  # np.linalg.norm's sums
    if empty:  # a sentence with no content word: a zero row, left as it is
        norms[norms == 0] = 1.0
    matrix /= norms
    return matrix, vocabulary, idf, centroid


def _solve(matrix, vector):
    """``np.linalg.solve`` for one float64 system, without its checks and conversions.

    The system of :func:`_pagerank` is strictly diagonally dominant by columns
    (never singular), so the checks are not needed; the same LAPACK routine runs."""
    import numpy as np

    try:
        from numpy.linalg import _umath_linalg

        return _umath_linalg.solve1(matrix, vector, signature="dd->d")
    except (ImportError, AttributeError, TypeError):  # another numpy: the public function
        return np.linalg.solve(matrix, vector)


def _pagerank(similarity, damping: float = 0.85, iterations: int = 40):
    """TextRank: the stationary distribution of a walk over sentence similarity."""
    import numpy as np

    n = similarity.shape[0]
    teleport = np.full(n, 1.0 / n)
    weights = similarity.copy()
    weights.flat[:: n + 1] = 0.0  # no self-loops (np.fill_diagonal, without its checks)
    sums = weights.sum(axis=1, keepdims=True)
    sums[sums == 0] = 1.0
    transition = weights / sums
    if n <= 300:  # solve the stationary equation directly: one LAPACK call beats the iterations
        # I - damping * transition^T, built in place (the same values as np.eye(n) - ...)
        system = transition.T * -damping
        system.flat[:: n + 1] += 1.0
        return (1 - damping) * _solve(system, teleport)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        new = (1 - damping) * teleport + damping * transition.T @ rank
        if np.abs(new - rank).sum() < 1e-6:
            return new
        rank = new
    return rank


@dataclass(slots=True)
class Evidence:
    """What the summariser measures in one article, before any setting is applied."""

    centrality: list[float]  # TextRank, the top sentence at 1
    centroid: list[float]  # cosine with the whole article (title included), the top sentence at 1
    density: float  # share of sentence pairs that have a content word in common
    similarity: object  # sentence x sentence cosine (numpy array)
    words: list[int] = field(default_factory=list)  # each candidate's length in words
    # how much the opening sentence says what the title says (cosine of their content words,
    # each word once); None when the article has no title
    opening_on_title: float | None = None


def measure(candidates: list[Candidate], title_terms: set[str]) -> Evidence:
    """Centrality two ways, and how connected the sentence graph is.

    - TextRank (PageRank over tf-idf cosine) finds the sentence that shares words
      with many others: the article's main subject, without trusting any position.
    - Similarity to the centroid (all sentences' tf-idf summed, plus the title's
      words, which the editor chose) says the same on a sparse graph, where
      PageRank degenerates: when few sentence pairs share a word at all (short
      opinion pieces, German compounds) the random walk has little to walk on.
    """
    import numpy as np

    matrix, vocabulary, idf, centroid = _vectors(candidates)
    for term in title_terms:  # the title counts as one more sentence of the article
        column = vocabulary.get(term)
        if column is not None:
            centroid[column] += idf[column]
    similarity = matrix @ matrix.T
    rank = _pagerank(similarity)
    top = rank.max()
    centrality = (rank / top if top > 0 else rank).tolist()
    to_centroid = matrix @ centroid
    top = to_centroid.max()
    centroid_share = (to_centroid / top if top > 0 else to_centroid).tolist()
    count = len(candidates)
    if count > 1:
        linked = int(np.count_nonzero(similarity > 1e-12)) - int(np.count_nonzero(similarity.diagonal() > 1e-12))
        density = linked / (count * (count - 1))
    else:
        density = 1.0
    on_title = None
    if title_terms:
        opening = set(candidates[0].terms)
        on_title = len(opening & title_terms) / math.sqrt(max(1, len(opening)) * len(title_terms))
    return Evidence(centrality, centroid_share, density, similarity, [cand.words for cand in candidates], on_title)


def sentence_signals(evidence: Evidence, settings: Settings = SETTINGS, count: int | None = None):
    """Each candidate's signals (a row of :data:`SIGNALS`; the score is their sum),
    and the quantities measured in the article that shaped them.

    - ``centrality`` and ``centroid``: how central the sentence is, by TextRank
      and by similarity to the whole article.  Their mix follows the graph: the
      centroid's share is ``1 - connectivity * density``, so a well-connected
      article is read by its graph, a sparse one by its centroid.
    - ``position``: the inverted-pyramid prior (halved :data:`POSITION_SCALE`
      sentences in), weighted by how much the opening sentence really states the
      article's subject (``opening_trust``): its centrality, times, when there is
      a title, how much it says what the title says (its overlap with the title's
      words over :data:`ON_TITLE`, at most 1).  A news lead that restates the
      headline is trusted; the hook of a commentary, which shares no word with its
      title, is not, however central.  No fixed bias for any genre.  Its strength
      also grows with how selective the summary is (``selectivity`` = candidates / ``count``,
      the sentences asked for, raised to ``settings.selective``): keeping 3 of 21
      sentences, the lead is most of what an editor keeps (lead-3 is hard to beat
      on written highlights); keeping 8 of 18, where a sentence stands says little.
    - ``length`` (zero or negative): a sentence more than ``settings.long_sentence``
      times the article's mean length loses the share of its score by which it is
      too long (its score is multiplied by ``limit / words``).  In scraped news
      these are mostly photo captions glued to the next sentence (no full stop
      between them) and run-on lists: central, because they repeat the story, but
      twice the words of any sentence a reader would pick.

    No signal rewards length: both centralities are cosines, so a long sentence
    scores by what it says, not by how many words it takes.
    """
    share = min(1.0, max(0.0, 1.0 - settings.connectivity * evidence.density))
    graph = [(1.0 - share) * value for value in evidence.centrality]
    centroid = [share * value for value in evidence.centroid]
    trust = graph[0] + centroid[0]
    if evidence.opening_on_title is not None:
        trust *= min(1.0, evidence.opening_on_title / ON_TITLE)
    candidates = len(graph)
    selectivity = candidates / max(1, min(candidates, count)) if count else 1.0
    weight = settings.position * trust * selectivity ** settings.selective
    words = evidence.words
    limit = settings.long_sentence * sum(words) / len(words) if words else math.inf
    rows = []
    for index, (g, c) in enumerate(zip(graph, centroid)):
        p = weight * POSITION_SCALE / (POSITION_SCALE + index)
        length = 0.0
        if words and words[index] > limit:
            length = (g + c + p) * (limit / words[index] - 1.0)
        rows.append((g, c, p, length))
    return rows, {"opening_trust": round(trust, 4), "centroid_share": round(share, 4),
                  "selectivity": round(selectivity, 4),
                  "length_limit": round(limit, 1) if math.isfinite(limit) else None,
                  "opening_on_title": None if evidence.opening_on_title is None
                  else round(evidence.opening_on_title, 4)}


def topic_terms(title: str | None, standfirst: str | None, lang: str) -> set[str]:
    """What the editor says the article is about: the content words of its title and standfirst."""
    return set(content_terms(" ".join(t for t in (title, standfirst) if t), lang))


def default_length(candidate_count: int) -> int:
    """How many sentences to show when the user did not say: a short article
    gets one or two, a long feature up to five (grows with the square root)."""
    if candidate_count <= 2:
        return candidate_count
    return max(2, min(5, round(math.sqrt(candidate_count) * 0.6) + 1))


def _select(scores: list[float], similarity, count: int, exclude: Iterable[int] = ()) -> list[int]:
    """Best-scoring sentences first, skipping one that repeats a sentence already picked
    (cosine above :data:`REDUNDANCY`); returned in article order."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    excluded = set(exclude)
    picked: list[int] = []
    for index in order:
        if len(picked) >= count:
            break
        if index in excluded:
            continue
        if any(similarity[index, other] > REDUNDANCY for other in picked):
            continue
        picked.append(index)
    return sorted(picked)


# (lang, sentence) -> its counted content terms and its facts; see :func:`_told_sentence`.
_TOLD: dict[tuple[str, str], tuple[Counter, frozenset[str]]] = {}


def _told_sentence(sentence: str, lang: str) -> tuple[Counter, frozenset[str]]:
    """A told sentence's content terms (counted) and facts, cached: story linking tells the
    summary of a story's earliest article to every later one, and asks twice per article
    (:func:`repeats_told`, then the re-pick), so the same sentences come back again and again."""
    key = (lang, sentence)
    found = _TOLD.get(key)
    if found is None:
        if len(_TOLD) > 50_000:  # bounded, like the stem tables
            _TOLD.clear()
        found = _TOLD[key] = (Counter(content_terms(sentence, lang)), frozenset(sentence_facts(sentence)))
    return found


def _similar_to_told(candidates: list[Candidate], told_terms: list[Counter]) -> list[bool]:
    """For each candidate: is its word overlap (cosine of term counts) with one of the told
    sentences above :data:`REDUNDANCY`?

    All pairs at once, as one matrix product over the told sentences' vocabulary (a
    candidate's other terms add to its norm only).  The values are those of the plain
    pairwise formula, ``dot / sqrt(|a|² * |b|²)``, bit for bit: the dot products and
    squared norms are whole numbers, exact in float64 and int64, then the same single
    square root and division.  A sentence with no terms gives 0/0 = nan, never above."""
    import numpy as np

    vocabulary: dict[str, int] = {}
    told_cells = [(row, vocabulary.setdefault(term, len(vocabulary)), count)
                  for row, counts in enumerate(told_terms) for term, count in counts.items()]
    if not vocabulary:
        return [False] * len(candidates)
    told_matrix = np.zeros((len(told_terms), len(vocabulary)))
    rows, columns, counts = zip(*told_cells)
    told_matrix[rows, columns] = counts
    told_norms = [sum(count * count for count in terms.values()) for terms in told_terms]

    cand_matrix = np.zeros((len(candidates), len(vocabulary)))
    cand_norms = []
    for row, cand in enumerate(candidates):
        terms = Counter(cand.terms)
        cand_norms.append(sum(count * count for count in terms.values()))
        for term, count in terms.items():
            column = vocabulary.get(term)
            if column is not None:
                cand_matrix[row, column] = count
    dots = cand_matrix @ told_matrix.T
    norms = np.outer(np.array(cand_norms, dtype=np.int64), np.array(told_norms, dtype=np.int64))
    with np.errstate(invalid="ignore", divide="ignore"):
        cosines = dots / np.sqrt(norms)
    return (cosines > REDUNDANCY).any(axis=1).tolist()


def _repeats(candidates: list[Candidate], told: list[str], lang: str, first: bool = False) -> list[int]:
    """Candidates that tell a fact one of the ``told`` sentences already tells: in the
    same language, by word overlap; in any language, by sharing two figures or
    names ("7.000 Gäste aus 57 Ländern" repeats "7,000 guests from 57 countries").

    ``first``: stop at the first repeat (the caller only asks whether there is one)."""
    if not told or not candidates:
        return []
    told_terms, told_facts = zip(*(_told_sentence(sentence, lang) for sentence in told))
    similar = _similar_to_told(candidates, list(told_terms))
    # Only a told sentence with two facts or more can share two with a candidate.
    fact_sets = [facts for facts in told_facts if len(facts) >= 2]
    repeats = []
    for index, cand in enumerate(candidates):
        if similar[index] or (fact_sets and _shares_two_facts(sentence_facts(cand.text), fact_sets)):
            repeats.append(index)
            if first:
                break
    return repeats


def _shares_two_facts(facts: set[str], fact_sets: list[frozenset[str]]) -> bool:
    """Two figures or names in common with one told sentence: the same fact in any language."""
    if len(facts) < 2:
        return False
    return any(len(facts & other) >= 2 for other in fact_sets)


def repeats_told(sentences: list[str], told: list[str], lang: str | None) -> bool:
    """Does any of ``sentences`` tell a fact one of the ``told`` sentences already tells?"""
    lang = normalise_lang(lang)
    candidates = [Candidate(text=s, position=i, paragraph=0, in_paragraph=0, terms=content_terms(s, lang))
                  for i, s in enumerate(sentences)]
    return bool(_repeats(candidates, told, lang, first=True))


def rank_blocks(
    blocks: list[Block],
    lang: str | None = None,
    title: str | None = None,
    standfirst: str | None = None,
    sentences: int | None = None,
    settings: Settings | None = None,
    avoid: Iterable[str] = (),
    explain: bool = True,
    split: list[list[str]] | None = None,
) -> tuple[list[Candidate], list[int], list[dict]]:
    """The candidates, the indices of the picked ones (in article order) and the explanation.

    ``avoid``: sentences already told elsewhere (another summary of the same story);
    a candidate that repeats one of them is not picked.  ``split``: the blocks'
    sentences (:func:`split_blocks`) when the caller already has them.
    ``settings``: the four free numbers (default :data:`SETTINGS`).
    """
    lang = normalise_lang(lang)
    blocks = list(blocks)
    if split is None:
        split = split_blocks(blocks, lang)
    candidates = _candidates(blocks, lang, split=split) or _candidates(blocks, lang, strict=False, split=split)
    if not candidates:
        return [], [], []
    evidence = measure(candidates, topic_terms(title, standfirst, lang))
    count = sentences if sentences is not None else default_length(len(candidates))
    rows, measured = sentence_signals(evidence, settings or SETTINGS, max(1, count))
    scores = [sum(row) for row in rows]
    repeats = _repeats(candidates, list(avoid), lang)
    picked = _select(scores, evidence.similarity, max(0, count), exclude=repeats)
    if not explain:
        return candidates, picked, []
    explanation = [
        {
            "sentence": candidates[i].text,
            "position": candidates[i].position,
            "score": round(scores[i], 4),
            "signals": {name: round(value, 4) for name, value in zip(SIGNALS, rows[i])},
            "measured": measured,
        }
        for i in picked
    ]
    return candidates, picked, explanation


def _paragraph_blocks(text: str) -> list[Block]:
    return [Block("paragraph", part.strip()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def summarize_text(
    text: str, lang: str | None = None, title: str | None = None, sentences: int | None = None
) -> list[str]:
    """Summarise plain text (paragraphs separated by blank lines).

    Returns the picked sentences, verbatim and in their original order.
    ``sentences`` fixes the length; by default it adapts to the article.
    """
    candidates, picked, _ = rank_blocks(
        _paragraph_blocks(text), lang=lang, title=title, sentences=sentences, explain=False
    )
    return [candidates[i].text for i in picked]


def summarize_article(article: Article, sentences: int | None = None, avoid: Iterable[str] = ()) -> Article:
    """Fill ``article.summary`` from its cleaned blocks, title and standfirst.

    ``avoid`` lists sentences other summaries of the briefing already tell
    (:func:`digest.stories.link_stories` passes them); repeats are not picked.
    """
    from .keyfacts import key_figures, key_phrases

    lang = normalise_lang(article.lang)
    split = split_blocks(article.blocks, lang)  # split once, for the summary and the key facts
    candidates, picked, explain = rank_blocks(
        article.blocks, lang=lang, title=article.title, standfirst=article.standfirst, sentences=sentences,
        avoid=avoid, split=split,
    )
    if avoid and article.summary.method == METHOD:
        # a re-pick (story linking): the key facts depend on the article alone and stand
        article.summary.sentences = [candidates[i].text for i in picked]
        article.summary.explain = explain
        return article
    article.summary = Summary(
        sentences=[candidates[i].text for i in picked],
        key_phrases=key_phrases(article, lang=lang, split=split),
        key_figures=key_figures(article, lang=lang, split=split),
        method=METHOD,
        explain=explain,
    )
    return article
