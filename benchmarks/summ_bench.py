"""Summariser benchmark on the development sets in ../shared/bench: figures that cannot flatter themselves.

``python benchmarks/summ_bench.py`` (the default, ``--cv``) prints, per development set:

* the in-sample table: the settings chosen on all the data (what ships in
  :data:`digest.analysis.summarize.SETTINGS`), scored on that same data;
* the out-of-fold table: k-fold cross-validation with folds fixed by a hash of
  each item's id; for every fold the four free settings are chosen on the other
  folds of all three sets together (one configuration for every genre), then
  scored on the held-out fold.  Each figure has a bootstrap 95% interval, and a
  paired bootstrap against the best baseline of the set says whether the margin
  is real.

The baselines (lead, LexRank, TextRank, LSA, Luhn) and ROUGE are the shared
scorer's own code, imported from ../shared/bench/score_summ.py (so it needs its
requirements: rouge-score, sumy, nltk, pysbd).  Baseline scores are cached
under ``--cache`` (keyed by the data and scorer files' hashes): they take
minutes and never change.

Also a ``py:`` system for the shared scorer (fair, in-process timing)::

    cd ../shared/bench && python score_summ.py summ-dev-*.jsonl -s lead -s textrank \\
        -s py:../../wt-summ/benchmarks/summ_bench.py:summarize

and ``--speed``, ``--stories N``, ``--splitters``.  Skips cleanly (exit 0 with
a message) when ../shared/bench is absent.
"""

from __future__ import annotations

import os
import sys

# Determinism, as the shared scorer does it: sumy's LSA builds its vocabulary from sets
# (string-hash order) and multi-threaded BLAS flips near ties; re-exec with a fixed seed.
if os.environ.get("PYTHONHASHSEED") != "0" and __name__ == "__main__":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import random  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SETS = ["summ-dev-news-en-long.jsonl", "summ-dev-news-en-highlights.jsonl", "summ-dev-comment-de.jsonl"]
BASELINES = ["lead", "lexrank", "textrank", "lsa", "luhn"]
# The only free numbers (digest.analysis.summarize.Settings) and the values tried for each.
GRID = {
    "position": [0.0, 0.05, 0.1, 0.15, 0.25, 0.35, 0.5, 0.75, 1.0],
    "connectivity": [0.0, 1.0, 1.25, 1.5, 2.0, 3.0],
    "selective": [0.0, 0.5, 1.0, 1.5],
    "long_sentence": [2.0, 2.5, 3.0, math.inf],
}
sys.path.insert(0, str(ROOT))


def summarize(text: str, n: int, lang: str) -> list[str]:
    """The ``py:`` protocol: FUNC(text, n, lang) -> sentences."""
    from digest.analysis.summarize import summarize_text

    return [" ".join(s.split()) for s in summarize_text(text, lang=lang, title=os.environ.get("BENCH_TITLE"),
                                                         sentences=n)]


def _load(name: str) -> list[dict]:
    with open(BENCH / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _scorer():
    sys.path.insert(0, str(BENCH))
    import score_summ

    return score_summ


# --------------------------------------------------------------------------- ROUGE and baselines


def _bigrams(tokens: list[str]) -> Counter:
    return Counter(zip(tokens, tokens[1:]))


def _rouge2(picked: list[list[str]], reference: Counter, ref_total: int) -> float:
    """ROUGE-2 F1 exactly as rouge-score computes it on the scorer's tokens: the summary is one
    token sequence (its bigrams span sentence ends), overlap is clipped by the reference's counts.
    Checked against ``score_summ.score_pair`` on every in-sample summary (see :func:`cross_validate`)."""
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


def _digest_of(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def baseline_scores(name: str, records: list[dict], cache: Path) -> dict[str, list[float]]:
    """Per-item ROUGE-2 F1 of each classic baseline, run and scored by the shared scorer's code."""
    score_summ = _scorer()
    key = f"{name}.{_digest_of(BENCH / name)}.{_digest_of(BENCH / 'score_summ.py')}.json"
    path = cache / key
    if path.exists():
        found = json.loads(path.read_text(encoding="utf-8"))
        if set(BASELINES) <= set(found):
            return found
    lang = records[0]["lang"]
    split = [score_summ.split_sentences(rec["text"], lang) for rec in records]
    scores = {}
    for system in BASELINES:
        print(f"  running baseline {system} on {name} (cached afterwards)", file=sys.stderr, flush=True)
        run = score_summ.get_system(system, 60.0)
        scores[system] = [
            score_summ.score_pair((lang, rec["reference"], run(rec, sentences, int(rec.get("n_sents") or 3), lang)))[1]
            for rec, sentences in zip(records, split)
        ]
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(scores), encoding="utf-8")
    return scores


# --------------------------------------------------------------------------- cross-validation


def fold_of(item_id: str, folds: int) -> int:
    """The item's fold: fixed by a hash of its id, so every run and every change sees the same split."""
    return int(hashlib.sha1(item_id.encode("utf-8")).hexdigest()[:8], 16) % folds


def _prepare(records: list[dict]) -> list[dict]:
    """Per item: what the summariser measures (independent of the settings) and the scorer's tokens."""
    from digest.analysis.summarize import _candidates, _paragraph_blocks, measure, topic_terms

    tokenize = _scorer().tokens_for(records[0]["lang"])
    prepared = []
    for rec in records:
        lang = rec["lang"]
        blocks = _paragraph_blocks(rec["text"])
        candidates = _candidates(blocks, lang) or _candidates(blocks, lang, strict=False)
        reference = _bigrams(tokenize(rec["reference"]))
        prepared.append({
            "id": rec["id"], "n": int(rec.get("n_sents") or 3), "candidates": candidates,
            "evidence": measure(candidates, topic_terms(rec.get("title"), None, lang)) if candidates else None,
            "tokens": [tokenize(c.text) for c in candidates], "reference": reference,
            "ref_total": sum(reference.values()),
        })
    return prepared


def _picks(item: dict, settings) -> list[int]:
    from digest.analysis.summarize import _select, sentence_signals

    if item["evidence"] is None:
        return []
    rows, _ = sentence_signals(item["evidence"], settings, item["n"])
    return _select([sum(row) for row in rows], item["evidence"].similarity, item["n"])


def _score_items(prepared: list[dict], settings) -> list[float]:
    return [_rouge2([item["tokens"][i] for i in _picks(item, settings)], item["reference"], item["ref_total"])
            for item in prepared]


def bootstrap_interval(values: list[float], iterations: int, seed: int = 0) -> tuple[float, float]:
    """95% percentile interval of the mean, resampling items."""
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(values[rng.randrange(n)] for _ in range(n)) / n for _ in range(iterations))
    return means[int(0.025 * iterations)], means[int(0.975 * iterations) - 1]


def paired_bootstrap(ours: list[float], theirs: list[float], iterations: int, seed: int = 1):
    """Mean difference, its 95% interval and the share of resamples where ours is not ahead
    (a one-sided p-value): the same items resampled for both systems."""
    differences = [a - b for a, b in zip(ours, theirs)]
    rng = random.Random(seed)
    n = len(differences)
    means = sorted(sum(differences[rng.randrange(n)] for _ in range(n)) / n for _ in range(iterations))
    not_ahead = sum(1 for mean in means if mean <= 0) / iterations
    return sum(differences) / n, means[int(0.025 * iterations)], means[int(0.975 * iterations) - 1], not_ahead


def _objective(per_set: dict[str, list[float]], best: dict[str, list[float]], members: dict[str, list[int]]) -> float:
    """The worst set's margin over its best baseline, plus a quarter of the mean margin,
    on the given items: no set is traded for another."""
    margins = []
    for name, indices in members.items():
        if indices:
            margins.append(sum(per_set[name][i] - best[name][i] for i in indices) / len(indices))
    return min(margins) + 0.25 * sum(margins) / len(margins)


def cross_validate(folds: int, iterations: int, cache: Path, save: Path | None = None,
                   against: Path | None = None) -> int:
    """Print the in-sample and out-of-fold tables (see the module docstring).

    ``save``: write each item's out-of-fold score (JSON, by set and id), so a later
    change can be compared item by item; ``against``: such a file from an earlier
    run, compared with this run by a paired bootstrap on the same items."""
    from digest.analysis.summarize import SETTINGS, Settings

    score_summ = _scorer()
    data, baselines = {}, {}
    for name in SETS:
        records = _load(name)
        baselines[name] = baseline_scores(name, records, cache)
        data[name] = (records, _prepare(records))
    configurations = [Settings(**dict(zip(GRID, values))) for values in itertools.product(*GRID.values())]
    print(f"scoring {len(configurations)} settings on {sum(len(r) for r, _ in data.values())} items ...",
          file=sys.stderr, flush=True)
    scores = {config: {name: _score_items(prepared, config) for name, (_, prepared) in data.items()}
              for config in configurations}
    best_name = {name: max(BASELINES, key=lambda b: sum(baselines[name][b])) for name in SETS}
    best = {name: baselines[name][best_name[name]] for name in SETS}
    fold = {name: [fold_of(rec["id"], folds) for rec in records] for name, (records, _) in data.items()}

    def choose(members):
        return max(configurations, key=lambda c: (_objective(scores[c], best, members), c == SETTINGS))

    everything = {name: list(range(len(data[name][0]))) for name in SETS}
    in_sample = choose(everything)
    out_of_fold = {name: [0.0] * len(data[name][0]) for name in SETS}
    chosen = []
    for k in range(folds):
        training = {name: [i for i, f in enumerate(fold[name]) if f != k] for name in SETS}
        config = choose(training)
        chosen.append(config)
        for name in SETS:
            for i, f in enumerate(fold[name]):
                if f == k:
                    out_of_fold[name][i] = scores[config][name][i]

    # The fast ROUGE-2 above must be the scorer's: check it on every in-sample summary.
    worst = 0.0
    for name, (records, prepared) in data.items():
        for rec, item, value in zip(records, prepared, scores[in_sample][name]):
            sentences = [item["candidates"][i].text for i in _picks(item, in_sample)]
            exact = score_summ.score_pair((rec["lang"], rec["reference"], sentences))[1]
            worst = max(worst, abs(exact - value))

    def cell(values):
        lo, hi = bootstrap_interval(values, iterations)
        mean = sum(values) / len(values)
        return f"{100 * mean:.2f} [{100 * lo:.1f}, {100 * hi:.1f}]"

    def table(title, ours):
        print(f"\n### {title}\n")
        print("| set | items | digest | " + " | ".join(BASELINES) + " | digest − best baseline (paired 95% CI) | p(not ahead) |")
        print("|---|---:|---:|" + "---:|" * len(BASELINES) + "---|---:|")
        for name in SETS:
            diff, lo, hi, p = paired_bootstrap(ours[name], best[name], iterations)
            label = name.removeprefix("summ-dev-").removesuffix(".jsonl")
            print(f"| {label} | {len(ours[name])} | **{cell(ours[name])}** | "
                  + " | ".join(cell(baselines[name][b]) for b in BASELINES)
                  + f" | {100 * diff:+.2f} [{100 * lo:+.1f}, {100 * hi:+.1f}] vs {best_name[name]} | {p:.3f} |")

    print(f"ROUGE-2 F1 ×100, mean over items [bootstrap 95% interval, {iterations} resamples]; "
          f"{folds} folds by sha1(id); settings grid {GRID}")
    table(f"In-sample (settings chosen on all the data: {in_sample})", {n: scores[in_sample][n] for n in SETS})
    table(f"Out-of-fold ({folds}-fold; settings chosen in the training folds only)", out_of_fold)
    print("\nsettings chosen per fold: "
          + "; ".join(f"{c.position}/{c.connectivity}/{c.selective}/{c.long_sentence}" for c in chosen)
          + " (position/connectivity/selective/long_sentence)")
    print(f"fast ROUGE-2 vs score_summ.score_pair, largest difference on the in-sample summaries: {worst:.2e}")
    if save:
        save.write_text(json.dumps({name: dict(zip((rec["id"] for rec in data[name][0]), out_of_fold[name]))
                                    for name in SETS}), encoding="utf-8")
    if against:
        earlier = json.loads(against.read_text(encoding="utf-8"))
        print(f"\nout-of-fold, this run minus {against.name} on the same items (paired 95% CI, p(not ahead)):")
        for name in SETS:
            ids = [rec["id"] for rec in data[name][0]]
            if name not in earlier or not all(i in earlier[name] for i in ids):
                print(f"- {name}: not in {against.name}")
                continue
            diff, lo, hi, p = paired_bootstrap(out_of_fold[name], [earlier[name][i] for i in ids], iterations)
            print(f"- {name.removeprefix('summ-dev-').removesuffix('.jsonl')}: {100 * diff:+.2f} "
                  f"[{100 * lo:+.1f}, {100 * hi:+.1f}], p {p:.3f}")
    if in_sample != SETTINGS:
        print(f"NOTE: the shipped SETTINGS ({SETTINGS}) differ from the in-sample choice ({in_sample})")
    return 0


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
    parser.add_argument("--cv", action="store_true", help="in-sample and out-of-fold tables (the default)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (default 1000)")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "digest-summ-bench",
                        help="where baseline scores are cached")
    parser.add_argument("--save-oof", type=Path, metavar="FILE", help="write each item's out-of-fold score")
    parser.add_argument("--against", type=Path, metavar="FILE",
                        help="compare out-of-fold scores with an earlier --save-oof file (paired bootstrap)")
    parser.add_argument("--stories", type=int, metavar="N", help="time story linking on N articles")
    parser.add_argument("--speed", action="store_true", help="articles per second beside sumy's LexRank")
    parser.add_argument("--splitters", action="store_true", help="compare sentence splitters (pysbd, syntok)")
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"summ_bench: {BENCH} not found; nothing to do")
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
    return cross_validate(args.folds, args.bootstrap, args.cache, args.save_oof, args.against)


if __name__ == "__main__":
    sys.exit(main())
