"""Story grouping on a labelled set: does digest put the reports of one event together, and only them?

``python benchmarks/stories_bench.py`` runs digest's real per-article stages (clean →
detect language → summarise) on every file of ``tests/data/stories/``, links them
(:func:`digest.analysis.stories.link_stories`) and groups them
(:func:`digest.analysis.stories.group_stories`), then scores the groups against
``tests/data/stories/labels.json`` (file → story label; a label used once is a
singleton).  No translation model is assumed: reports in two languages can only
meet through their names and figures.

Reported, for digest and for a TF-IDF cosine baseline:

* pairwise precision / recall / F1 (over all pairs of articles: a pair is right
  when both clusterings put it together);
* B-cubed precision / recall / F1 (per article: the share of its predicted
  cluster that is its story, and of its story that is in its predicted cluster);
* 95% bootstrap intervals, resampling *stories* (with their articles) 2,000 times.

The baseline is plain TF-IDF (lower-cased words, sublinear tf, smoothed idf, l2)
with cosine similarity, clustered by average link (``--link single`` for single
link) down to a threshold.  The threshold is tuned out-of-fold: stories are split
into k folds (by a hash of the label), and each fold's articles are scored under
the threshold that gives the best B-cubed F1 on the *other* folds' articles.

``--json`` prints the figures as JSON (the test reads :func:`evaluate`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "stories"
sys.path.insert(0, str(ROOT))

THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 19)]
FOLDS = 5
BOOTSTRAP = 2000


def load_set(folder: Path = DATA) -> tuple[list, list[str]]:
    """The set's articles through digest's per-article stages, and their story labels."""
    from digest.ingest.load import article_from_bytes
    from digest.runner import process_article

    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    articles, gold = [], []
    for name in sorted(labels):
        article = article_from_bytes(name, (folder / name).read_bytes())
        articles.append(process_article(article))
        gold.append(labels[name])
    return articles, gold


def digest_groups(articles) -> list[int]:
    """digest's story of each article (link, then group), as a cluster number per article."""
    from digest.analysis.stories import group_stories, link_stories

    link_stories(articles)
    index_of = {a.id: i for i, a in enumerate(articles)}
    related = [sorted(index_of[r] for r in a.related if r in index_of) for a in articles]
    cluster = [0] * len(articles)
    for number, group in enumerate(group_stories(articles, related)):
        for i in group:
            cluster[i] = number
    return cluster


# --- the baseline -------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{2,}")


def tfidf_similarity(articles) -> np.ndarray:
    """Cosine similarities of the articles' TF-IDF vectors (title, standfirst and text)."""
    docs = [_WORD.findall("\n".join([a.title, a.standfirst, a.text]).lower()) for a in articles]
    vocabulary = {w: i for i, w in enumerate(sorted({w for d in docs for w in d}))}
    counts = np.zeros((len(docs), len(vocabulary)))
    for row, doc in enumerate(docs):
        for word in doc:
            counts[row, vocabulary[word]] += 1
    df = (counts > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    weights = np.where(counts > 0, 1 + np.log(np.maximum(counts, 1)), 0) * idf
    weights /= np.linalg.norm(weights, axis=1, keepdims=True) + 1e-12
    return weights @ weights.T


def cluster_by_threshold(similarity: np.ndarray, threshold: float, link: str = "average",
                         members: list[int] | None = None) -> dict[int, int]:
    """Agglomerative clustering of ``members`` (default all) until no two clusters are
    closer than ``threshold`` (average link: mean pairwise similarity; single: the maximum)."""
    members = list(range(len(similarity))) if members is None else members
    clusters = [[i] for i in members]
    while len(clusters) > 1:
        best, pair = threshold, None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                block = similarity[np.ix_(clusters[x], clusters[y])]
                value = block.mean() if link == "average" else block.max()
                if value >= best:
                    best, pair = value, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x] = clusters[x] + clusters.pop(y)
    return {i: number for number, c in enumerate(clusters) for i in c}


def fold_of(label: str, folds: int = FOLDS) -> int:
    return int(hashlib.sha256(label.encode()).hexdigest(), 16) % folds


def baseline_out_of_fold(similarity: np.ndarray, gold: list[str], link: str = "average",
                         folds: int = FOLDS) -> tuple[list, list[float]]:
    """Per-article scores of the baseline, each fold's articles under the threshold that
    does best (B-cubed F1) on the other folds; and the threshold chosen for each fold."""
    stats: list = [None] * len(gold)
    chosen = []
    for fold in range(folds):
        train = [i for i, g in enumerate(gold) if fold_of(g, folds) != fold]
        test = [i for i, g in enumerate(gold) if fold_of(g, folds) == fold]
        if not test:
            continue
        train_gold = [gold[i] for i in train]

        def score(threshold: float) -> float:
            found = cluster_by_threshold(similarity, threshold, link, train)
            return summarise(item_stats([found[i] for i in train], train_gold))["bcubed_f1"]

        threshold = max(THRESHOLDS, key=lambda t: (score(t), t))  # ties: the stricter threshold
        chosen.append(threshold)
        found = cluster_by_threshold(similarity, threshold, link, test)
        for i, row in zip(test, item_stats([found[i] for i in test], [gold[i] for i in test])):
            stats[i] = row
    return stats, chosen


# --- scoring ------------------------------------------------------------------------------

def item_stats(predicted: list, gold: list) -> list[tuple[int, int, int, float, float]]:
    """Per article: (true pairs, predicted pairs, gold pairs, B-cubed precision, B-cubed recall).
    Pairwise precision is the sum of true over the sum of predicted pairs (each pair counted
    from both ends), recall over gold pairs."""
    pred_members, gold_members = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold)):
        pred_members[p].add(i)
        gold_members[g].add(i)
    rows = []
    for i, (p, g) in enumerate(zip(predicted, gold)):
        both = len(pred_members[p] & gold_members[g])
        rows.append((both - 1, len(pred_members[p]) - 1, len(gold_members[g]) - 1,
                     both / len(pred_members[p]), both / len(gold_members[g])))
    return rows


def summarise(rows) -> dict[str, float]:
    rows = np.asarray(rows, dtype=float)
    tp, pred, gold = rows[:, 0].sum(), rows[:, 1].sum(), rows[:, 2].sum()
    precision = tp / pred if pred else 1.0
    recall = tp / gold if gold else 1.0
    b_p, b_r = rows[:, 3].mean(), rows[:, 4].mean()
    return {
        "pairwise_precision": precision,
        "pairwise_recall": recall,
        "pairwise_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "bcubed_precision": b_p,
        "bcubed_recall": b_r,
        "bcubed_f1": 2 * b_p * b_r / (b_p + b_r) if b_p + b_r else 0.0,
    }


def bootstrap(rows, gold: list[str], rounds: int = BOOTSTRAP, seed: int = 12) -> dict[str, tuple[float, float]]:
    """95% intervals, resampling stories with replacement (an article's scores stay those
    it has in the whole set)."""
    stories = sorted(set(gold))
    by_story = {s: [i for i, g in enumerate(gold) if g == s] for s in stories}
    rng = np.random.default_rng(seed)
    samples = defaultdict(list)
    for _ in range(rounds):
        drawn = rng.integers(0, len(stories), len(stories))
        picked = [rows[i] for d in drawn for i in by_story[stories[d]]]
        for key, value in summarise(picked).items():
            samples[key].append(value)
    return {k: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for k, v in samples.items()}


def evaluate(folder: Path = DATA, link: str = "average", rounds: int = BOOTSTRAP) -> dict:
    articles, gold = load_set(folder)
    similarity = tfidf_similarity(articles)  # before linking: link_stories may re-pick summaries only
    digest_rows = item_stats(digest_groups(articles), gold)
    baseline_rows, thresholds = baseline_out_of_fold(similarity, gold, link)
    return {
        "articles": len(gold),
        "stories": len(set(gold)),
        "digest": summarise(digest_rows),
        "digest_ci": bootstrap(digest_rows, gold, rounds) if rounds else {},
        "baseline": summarise(baseline_rows),
        "baseline_ci": bootstrap(baseline_rows, gold, rounds) if rounds else {},
        "baseline_thresholds": thresholds,
        "digest_groups": _groups_by_label(digest_rows, articles, gold),
    }


def _groups_by_label(rows, articles, gold) -> list[str]:
    """The errors, readably: articles whose predicted cluster is not exactly their story."""
    return [f"{a.source} ({g}): B3 precision {r[3]:.2f}, recall {r[4]:.2f}"
            for a, g, r in zip(articles, gold, rows) if r[3] < 1 or r[4] < 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--link", choices=["average", "single"], default="average")
    parser.add_argument("--rounds", type=int, default=BOOTSTRAP)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = evaluate(args.data, args.link, args.rounds)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['articles']} articles, {result['stories']} stories (singletons included)\n")
    print(f"{'':34}{'precision':>22}{'recall':>22}{'F1':>22}")
    for name, key in (("digest", "digest"), (f"TF-IDF cosine, {args.link} link (OOF)", "baseline")):
        for kind in ("pairwise", "bcubed"):
            cells = []
            for measure in ("precision", "recall", "f1"):
                value = result[key][f"{kind}_{measure}"]
                low, high = result[key + "_ci"].get(f"{kind}_{measure}", (value, value))
                cells.append(f"{value:.3f} [{low:.3f}, {high:.3f}]")
            print(f"{name + ' ' + kind:34}" + "".join(f"{c:>22}" for c in cells))
    print("\nbaseline thresholds chosen per fold:", result["baseline_thresholds"])
    if result["digest_groups"]:
        print("\ndigest's errors:")
        print("\n".join("  " + line for line in result["digest_groups"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
