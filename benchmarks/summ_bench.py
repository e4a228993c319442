"""Summariser benchmark and weight fitting on the development sets in ../shared/bench.

Two uses:

* as a ``py:`` system for the shared scorer (fair, in-process timing)::

    cd ../shared/bench && python score_summ.py summ-dev-*.jsonl -s lead -s lexrank -s textrank -s lsa \\
        -s py:../../main/benchmarks/summ_bench.py:summarize

* ``python benchmarks/summ_bench.py --tune`` fits :data:`digest.analysis.summarize.WEIGHTS`
  by coordinate ascent on the mean ROUGE-2 F1 of the three development sets
  (ROUGE computed with the scorer's own tokenisers, so it needs the bench
  virtualenv: rouge-score, nltk).  It prints the weights; copy them by hand.

Skips cleanly (exit 0 with a message) when ../shared/bench is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SETS = ["summ-dev-news-en-long.jsonl", "summ-dev-news-en-highlights.jsonl", "summ-dev-comment-de.jsonl"]
sys.path.insert(0, str(ROOT))


def summarize(text: str, n: int, lang: str) -> list[str]:
    """The ``py:`` protocol: FUNC(text, n, lang) -> sentences."""
    from digest.analysis.summarize import summarize_text

    return [" ".join(s.split()) for s in summarize_text(text, lang=lang, sentences=n)]


def _load(name: str) -> list[dict]:
    with open(BENCH / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _bigrams(tokens: list[str]) -> Counter:
    return Counter(zip(tokens, tokens[1:]))


def _rouge2(picked: list[list[str]], reference: Counter, ref_total: int) -> float:
    """ROUGE-2 F1 as rouge-score computes it: bigrams over the joined summary's tokens."""
    tokens = [token for sentence in picked for token in sentence]
    summary = _bigrams(tokens)
    total = sum(summary.values())
    if not total or not ref_total:
        return 0.0
    overlap = sum(min(count, reference[gram]) for gram, count in summary.items() if gram in reference)
    if not overlap:
        return 0.0
    precision, recall = overlap / total, overlap / ref_total
    return 2 * precision * recall / (precision + recall)


BASELINES = {  # best classic system per set (README of ../shared/bench): TextRank, lead-3, LSA
    "summ-dev-news-en-long.jsonl": 70.23,
    "summ-dev-news-en-highlights.jsonl": 19.39,
    "summ-dev-comment-de.jsonl": 42.45,
}


PENALTIES = {"dangling", "unattributed_quote", "boilerplate"}


def _prepare(records: list[dict], lang: str):
    """Per article: candidates, title terms and bigram counters (computed once)."""
    sys.path.insert(0, str(BENCH))
    import score_summ

    tokenize = score_summ.tokens_for(lang)
    from digest.analysis.summarize import _candidates, _paragraph_blocks, topic_terms

    prepared = []
    for rec in records:
        candidates = _candidates(_paragraph_blocks(rec["text"]), lang)
        if not candidates:
            continue
        title_terms = topic_terms(candidates, rec.get("title"), None, lang)
        grams = [tokenize(c.text) for c in candidates]
        reference = _bigrams(tokenize(rec["reference"].replace("\n", " ")))
        prepared.append([candidates, title_terms, lang, grams, reference, sum(reference.values()),
                         int(rec.get("n_sents") or 3), None, None, None])
    return prepared


def _signals(prepared) -> None:
    """(Re)compute the signal matrices, after a change to the signals' shape."""
    from digest.analysis.summarize import SIGNALS, sentence_signals

    for item in prepared:
        signals, similarity = sentence_signals(item[0], item[1], item[2])
        item[7] = list(SIGNALS)
        item[8] = signals
        item[9] = similarity


def _evaluate(prepared, weights: dict[str, float], redundancy: float) -> float:
    import numpy as np

    from digest.analysis.summarize import _select

    total = 0.0
    for candidates, _, _, grams, reference, ref_total, n, names, matrix, similarity in prepared:
        scores = list(matrix @ np.array([weights.get(name, 0.0) for name in names]))
        picked = _select(candidates, scores, similarity, n, redundancy)
        total += _rouge2([grams[i] for i in picked], reference, ref_total)
    return 100 * total / max(1, len(prepared))


def tune() -> None:
    """Coordinate ascent on the weights, then on the signal shapes, twice over.

    The objective is the worst set's margin over its best classic baseline plus a
    quarter of the mean margin (margins relative to the baseline), so that no set
    is sacrificed to another.
    """
    from digest.analysis import summarize as summ

    data = {}
    for name in SETS:
        records = _load(name)
        data[name] = _prepare(records, records[0]["lang"])

    def refresh():
        for name in SETS:
            _signals(data[name])

    def objective(w, r):
        per_set = [_evaluate(data[name], w, r) for name in SETS]
        margins = [score / BASELINES[name] - 1 for score, name in zip(per_set, SETS)]
        return min(margins) + 0.25 * sum(margins) / len(margins), per_set

    refresh()
    weights = dict(summ.WEIGHTS)
    redundancy = summ.REDUNDANCY
    best, per_set = objective(weights, redundancy)
    print(f"start {best:.4f} {['%.2f' % s for s in per_set]}", flush=True)
    shapes = {"CENTRALITY_PRIOR": [0, 3, 10, 30], "POSITION_SCALE": [1, 2, 3, 5, 8, 12], "SHORT_SENTENCE": [6, 9, 12, 16, 20],
              "LONG_SENTENCE": [25, 30, 35, 45, 60]}
    for _round in range(2):
        for step in (0.5, 0.25, 0.1):
            improved = True
            while improved:
                improved = False
                for name in list(weights) + ["__redundancy"]:
                    if name == "position":
                        continue  # the unit: the other weights are relative to it
                    for delta in (step, -step):
                        trial_w, trial_r = dict(weights), redundancy
                        if name == "__redundancy":
                            trial_r = round(min(1.01, max(0.1, redundancy + delta / 2)), 3)
                        else:
                            trial_w[name] = round(weights[name] + delta, 3)
                            if name in PENALTIES and trial_w[name] > 0:
                                continue  # a penalty stays a penalty
                        score, sets = objective(trial_w, trial_r)
                        if score > best + 1e-4:
                            best, per_set, weights, redundancy = score, sets, trial_w, trial_r
                            improved = True
                            print(f"{best:.4f} {['%.2f' % s for s in per_set]} {name} -> "
                                  f"{trial_r if name == '__redundancy' else trial_w[name]}", flush=True)
        for shape, values in shapes.items():
            current = getattr(summ, shape)
            for value in values:
                if value == current:
                    continue
                setattr(summ, shape, value)
                refresh()
                score, sets = objective(weights, redundancy)
                if score > best + 1e-4:
                    best, per_set, current = score, sets, value
                    print(f"{best:.4f} {['%.2f' % s for s in per_set]} {shape} -> {value}", flush=True)
            setattr(summ, shape, current)
            refresh()
    print("WEIGHTS =", json.dumps(weights, indent=4))
    print("REDUNDANCY =", redundancy)
    print({shape: getattr(summ, shape) for shape in shapes})


def evaluate() -> None:
    """Approximate ROUGE-2 F1 of the current weights on each set (the scorer's tokenisers)."""
    from digest.analysis import summarize as summ

    for name in SETS:
        records = _load(name)
        prepared = _prepare(records, records[0]["lang"])
        _signals(prepared)
        print(f"{name}: R2 {_evaluate(prepared, summ.WEIGHTS, summ.REDUNDANCY):.2f} (best baseline {BASELINES[name]})")


def stories(count: int) -> None:
    """Time link_stories on ``count`` articles made from the development texts.

    Every article is the paragraphs of one development article, rotated, so the
    batch is large and realistic in vocabulary; articles made from the same text
    are genuinely the same story and should link.
    """
    import time

    from digest.article import Article, Block
    from digest.analysis.stories import link_stories

    texts = [(rec["text"], rec["lang"]) for name in SETS for rec in _load(name)]
    articles = []
    for index in range(count):
        text, lang = texts[index % len(texts)]
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        shift = (index // len(texts)) % max(1, len(paragraphs))
        paragraphs = paragraphs[shift:] + paragraphs[:shift]
        articles.append(Article(source=f"{index}", id=f"a{index}", lang=lang,
                                blocks=[Block("paragraph", p) for p in paragraphs]))
    start = time.perf_counter()
    link_stories(articles)
    took = time.perf_counter() - start
    linked = sum(1 for a in articles if a.related)
    print(f"link_stories: {count} articles in {took:.1f} s ({count / took:.0f} articles/s), {linked} linked")


def speed(repeats: int = 3) -> None:
    """Articles per second, ours beside sumy's LexRank, on the same articles in the same process.

    LexRank is run exactly as the shared scorer runs it (sentences pre-split by
    pysbd, which is not timed); ours starts from the raw text and splits itself.
    Each article is timed in turn for both systems and the best of ``repeats``
    passes is kept, so a busy machine distorts both alike ("interleaved").
    Interleaving also means each system starts every article with caches the
    other one filled, which costs small numpy calls most; so each system is also
    timed alone, a whole pass over the set at a time ("alone").  A fourth table
    times ``summarize_article``: the summary with its key phrases and figures.
    """
    import time

    sys.path.insert(0, str(BENCH))
    import score_summ

    from digest.article import Article, Block
    from digest.analysis.keyfacts import key_figures, key_phrases
    from digest.analysis.summarize import summarize_article, summarize_text

    def best_of(run, items) -> float:
        best = [float("inf")] * len(items)
        for _ in range(repeats):
            for index, item in enumerate(items):
                start = time.perf_counter()
                run(item)
                best[index] = min(best[index], time.perf_counter() - start)
        return sum(best) / len(items) * 1000

    print("| dataset | articles | LexRank ms/article (pre-split) | + pysbd split | digest ms/article (from raw text) "
          "| speed-up vs LexRank | vs split + LexRank | LexRank alone | digest alone | speed-up alone |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    per_article = []
    for name in SETS:
        records = _load(name)
        lang = records[0]["lang"]
        lexrank = score_summ.make_sumy_system("lexrank")
        split = [score_summ.split_sentences(rec["text"], lang) for rec in records]
        best_ours, best_theirs = [float("inf")] * len(records), [float("inf")] * len(records)
        best_split = [float("inf")] * len(records)
        for _ in range(repeats):
            for index, rec in enumerate(records):
                n = int(rec.get("n_sents") or 3)
                start = time.perf_counter()
                summarize_text(rec["text"], lang=lang, title=rec.get("title"), sentences=n)
                best_ours[index] = min(best_ours[index], time.perf_counter() - start)
                start = time.perf_counter()
                lexrank(rec, split[index], n, lang)
                best_theirs[index] = min(best_theirs[index], time.perf_counter() - start)
                start = time.perf_counter()
                score_summ.split_sentences(rec["text"], lang)
                best_split[index] = min(best_split[index], time.perf_counter() - start)
        ours, theirs = sum(best_ours) / len(records) * 1000, sum(best_theirs) / len(records) * 1000
        splitting = sum(best_split) / len(records) * 1000
        items = list(enumerate(records))
        theirs_alone = best_of(lambda item: lexrank(item[1], split[item[0]], int(item[1].get("n_sents") or 3), lang),
                               items)
        ours_alone = best_of(lambda item: summarize_text(item[1]["text"], lang=lang, title=item[1].get("title"),
                                                         sentences=int(item[1].get("n_sents") or 3)), items)
        print(f"| {name.removesuffix('.jsonl')} | {len(records)} | {theirs:.2f} | {splitting:.2f} | {ours:.2f} "
              f"| {theirs / ours:.1f}x | {(theirs + splitting) / ours:.1f}x | {theirs_alone:.2f} | {ours_alone:.2f} "
              f"| {theirs_alone / ours_alone:.1f}x |")

        def article(rec):
            return Article(source="bench", id=rec["id"], lang=lang, title=rec.get("title") or "",
                           blocks=[Block("paragraph", p) for p in rec["text"].split("\n\n") if p.strip()])

        articles = [article(rec) for rec in records]
        per_article.append((name, best_of(lambda a: summarize_text(a.text, lang=lang, title=a.title), articles),
                            best_of(lambda a: key_phrases(a, lang=lang), articles),
                            best_of(lambda a: key_figures(a, lang=lang), articles),
                            best_of(summarize_article, articles)))
    print()
    print("| dataset | summary ms/article | key phrases | key figures | summarize_article (all, one split) |")
    print("|---|---:|---:|---:|---:|")
    for name, summary, phrases, figures, whole in per_article:
        print(f"| {name.removesuffix('.jsonl')} | {summary:.2f} | {phrases:.2f} | {figures:.2f} | {whole:.2f} |")


HARD_CASES = [  # (language, text, expected sentences): the cases news text throws at a splitter
    ("en", "Dr. Smith met Prof. Jones in St. Louis. They talked.",
     ["Dr. Smith met Prof. Jones in St. Louis.", "They talked."]),
    ("de", "Das gilt z. B. für Banken, u. a. in Luxemburg bzw. Trier. Andere folgen.",
     ["Das gilt z. B. für Banken, u. a. in Luxemburg bzw. Trier.", "Andere folgen."]),
    ("fr", "M. Macron et Mme Dupont sont arrivés. Ils sont partis.",
     ["M. Macron et Mme Dupont sont arrivés.", "Ils sont partis."]),
    ("de", "Samstag, 1. November 2025. Am 2. Dezember kamen die Gäste zum 50. Mal.",
     ["Samstag, 1. November 2025.", "Am 2. Dezember kamen die Gäste zum 50. Mal."]),
    ("de", "Es kamen 7.000 Gäste. Für 0,99 € gibt es den Artikel. Der €112M-Plan wuchs um 1.9%. Gut.",
     ["Es kamen 7.000 Gäste.", "Für 0,99 € gibt es den Artikel.", "Der €112M-Plan wuchs um 1.9%.", "Gut."]),
    ("en", "J. K. Rowling wrote it. Then she left.", ["J. K. Rowling wrote it.", "Then she left."]),
    ("de", "Er sagte: „Das ist gut.“ Dann ging er.", ["Er sagte: „Das ist gut.“", "Dann ging er."]),
    ("en", "He said: “It works.” Then he left.", ["He said: “It works.”", "Then he left."]),
    ("fr", "« Nous avons gagné. » Il est parti.", ["« Nous avons gagné. »", "Il est parti."]),
    ("en", "Prices rose... Then they fell.", ["Prices rose...", "Then they fell."]),
    ("en", "How it is funded\nOf the money, most is public.", ["How it is funded", "Of the money, most is public."]),
    ("en", "Stores did well, rising 2.2%. But online sales fell.", ["Stores did well, rising 2.2%.", "But online sales fell."]),
]


def splitters() -> None:
    """Hard cases passed and speed on the development texts: ours, pysbd, syntok."""
    import time

    from digest.text.sentences import split_sentences

    systems = {"digest.text.sentences": lambda text, lang: split_sentences(text, lang)}
    try:
        import pysbd

        segmenters = {}

        def with_pysbd(text, lang):
            if lang not in segmenters:
                segmenters[lang] = pysbd.Segmenter(language=lang, clean=False)
            return [s.strip() for s in segmenters[lang].segment(text) if s.strip()]

        systems["pysbd"] = with_pysbd
    except ImportError:
        pass
    try:
        import syntok.segmenter as syntok_segmenter

        def with_syntok(text, lang):
            return ["".join(t.spacing + t.value for t in sentence).strip()
                    for paragraph in syntok_segmenter.process(text) for sentence in paragraph]

        systems["syntok"] = with_syntok
    except ImportError:
        pass
    texts = [(rec["text"], rec["lang"]) for name in SETS for rec in _load(name)]
    print("| splitter | hard cases passed | exact substrings of the input | ms/article (dev sets) |")
    print("|---|---:|---:|---:|")
    for name, split in systems.items():
        passed = sum(1 for lang, text, expected in HARD_CASES if split(text, lang) == expected)
        exact = sum(1 for text, lang in texts[:200] if all(s in text for s in split(text, lang)))
        start = time.perf_counter()
        for text, lang in texts:
            split(text, lang)
        took = (time.perf_counter() - start) / len(texts) * 1000
        print(f"| {name} | {passed}/{len(HARD_CASES)} | {exact}/200 | {took:.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tune", action="store_true", help="fit the weights on the development sets")
    parser.add_argument("--evaluate", action="store_true", help="approximate ROUGE-2 of the current weights")
    parser.add_argument("--stories", type=int, metavar="N", help="time story linking on N articles")
    parser.add_argument("--speed", action="store_true", help="articles per second beside sumy's LexRank")
    parser.add_argument("--splitters", action="store_true", help="compare sentence splitters (pysbd, syntok)")
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"summ_bench: {BENCH} not found; nothing to do")
        return 0
    if args.tune:
        tune()
        return 0
    if args.evaluate:
        evaluate()
        return 0
    if args.splitters:
        splitters()
        return 0
    if args.speed:
        speed()
        return 0
    if args.stories:
        stories(args.stories)
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
