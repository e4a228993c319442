"""Summariser benchmark and weight fitting on the development sets in ../shared/bench.

Two uses:

* as a ``py:`` system for the shared scorer (fair, in-process timing)::

    cd ../shared/bench && python score_summ.py summ-dev-*.jsonl -s lead -s lexrank -s textrank -s lsa \\
        -s py:../../main/benchmarks/summ_bench.py:summarize

* ``python benchmarks/summ_bench.py --tune`` fits :data:`digest.summarize.WEIGHTS`
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
    from digest.summarize import summarize_text

    return [" ".join(s.split()) for s in summarize_text(text, lang=lang, sentences=n)]


def _load(name: str) -> list[dict]:
    with open(BENCH / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _bigrams(tokens: list[str]) -> Counter:
    return Counter(zip(tokens, tokens[1:]))


def _rouge2(picked: list[Counter], reference: Counter, ref_total: int) -> float:
    summary: Counter = Counter()
    for counter in picked:
        summary.update(counter)
    total = sum(summary.values())
    if not total or not ref_total:
        return 0.0
    overlap = sum(min(count, reference[gram]) for gram, count in summary.items() if gram in reference)
    if not overlap:
        return 0.0
    precision, recall = overlap / total, overlap / ref_total
    return 2 * precision * recall / (precision + recall)


def _prepare(records: list[dict], lang: str):
    """Per article: candidates, signal matrix, similarity and bigram counters (computed once)."""
    import numpy as np

    sys.path.insert(0, str(BENCH))
    import score_summ

    tokenize = score_summ.tokens_for(lang)
    from digest.summarize import _candidates, _paragraph_blocks, content_terms, sentence_signals

    prepared = []
    for rec in records:
        candidates = _candidates(_paragraph_blocks(rec["text"]), lang)
        if not candidates:
            continue
        title_terms = set(content_terms(rec.get("title") or "", lang))
        signals, similarity = sentence_signals(candidates, title_terms, lang)
        names = list(signals[0])
        matrix = np.array([[s[name] for name in names] for s in signals])
        grams = [_bigrams(tokenize(c.text)) for c in candidates]
        reference = _bigrams(tokenize(rec["reference"].replace("\n", " ")))
        prepared.append((candidates, names, matrix, similarity, grams, reference, sum(reference.values()),
                         int(rec.get("n_sents") or 3)))
    return prepared


def _evaluate(prepared, weights: dict[str, float], redundancy: float) -> float:
    import numpy as np

    from digest.summarize import _select

    total = 0.0
    for candidates, names, matrix, similarity, grams, reference, ref_total, n in prepared:
        scores = list(matrix @ np.array([weights.get(name, 0.0) for name in names]))
        picked = _select(candidates, scores, similarity, n, redundancy)
        total += _rouge2([grams[i] for i in picked], reference, ref_total)
    return 100 * total / max(1, len(prepared))


def tune() -> None:
    from digest import summarize as summ

    data = {}
    for name in SETS:
        records = _load(name)
        data[name] = _prepare(records, records[0]["lang"])
    weights = dict(summ.WEIGHTS)
    redundancy = summ.REDUNDANCY

    def objective(w, r):
        per_set = [_evaluate(data[name], w, r) for name in SETS]
        return sum(per_set) / len(per_set), per_set

    best, per_set = objective(weights, redundancy)
    print(f"start {best:.2f} {['%.1f' % s for s in per_set]}", flush=True)
    steps = [0.5, 0.25, 0.1]
    for step in steps:
        improved = True
        while improved:
            improved = False
            for name in list(weights) + ["__redundancy"]:
                for delta in (step, -step):
                    trial_w, trial_r = dict(weights), redundancy
                    if name == "__redundancy":
                        trial_r = round(min(1.01, max(0.1, redundancy + delta / 2)), 3)
                    else:
                        trial_w[name] = round(weights[name] + delta, 3)
                        if name == "position":
                            continue  # position is the unit: the other weights are relative to it
                    score, sets = objective(trial_w, trial_r)
                    if score > best + 0.02:
                        best, per_set, weights, redundancy = score, sets, trial_w, trial_r
                        improved = True
                        print(f"{best:.2f} {['%.1f' % s for s in per_set]} {name} -> "
                              f"{trial_r if name == '__redundancy' else trial_w[name]}", flush=True)
    print("WEIGHTS =", json.dumps(weights, indent=4))
    print("REDUNDANCY =", redundancy)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tune", action="store_true", help="fit the weights on the development sets")
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"summ_bench: {BENCH} not found; nothing to do")
        return 0
    if args.tune:
        tune()
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
