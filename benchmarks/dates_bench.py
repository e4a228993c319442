"""Publication dates on real pages: in-sample and out-of-fold, with bootstrap intervals.

Reads ``../shared/bench/dates-dev.jsonl`` (239 pages with a hand-checked
``gold_date``; never copied into the project) and skips cleanly when it is
absent.  The page is cleaned in-process (``clean_text``), which gives the
recovered date and the winner's signals (``dates.features``); a date is *shown*
when its confidence reaches the threshold.  The confidence model's weights
(a ridge-penalised logistic fit, numpy) and the threshold are the things tuned,
so they are tuned out-of-fold: pages are split into K folds by a hash of their
id, the weights and the threshold (the most exact days with at most
``--max-wrong`` wrong dates there) are fitted on the other folds and applied to
the held-out fold.  The old hand-set confidence (score x margin) is reported
beside it, also with its threshold picked out-of-fold.  ``--fit`` prints the
all-pages weights and threshold that ``digest/text/dates.py`` and
``digest/article.py`` ship.

Metrics are the scorer's (``score_dates.py``, imported): exact day, answered,
wrong (a date given that is not the gold day).  ``--cli`` also runs the
scorer's own ``cmdjsonl:digest clean --jsonl`` path as a cross-check.

    python benchmarks/dates_bench.py            # table for the README
    python benchmarks/dates_bench.py --dump     # every page: gold, guess, confidence, candidates
    python benchmarks/dates_bench.py --fit      # also the all-pages weights and threshold to ship
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("DIGEST_BENCH", ROOT.parent / "shared" / "bench"))
DATA = BENCH / "dates-dev.jsonl"
sys.path.insert(0, str(ROOT))


def load(path: Path = DATA) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def recover(recs: list[dict]) -> list[dict]:
    """(id, lang, gold, guess, confidence, candidates) per page, from the cleaner in-process."""
    from digest.text import dates
    from digest.text.clean import clean_text

    out = []
    for r in recs:
        result = clean_text(r["noisy_text"], r["lang"])
        ev = result.evidence.get("date")
        guess = result.date if len(result.date) == 10 else ""
        out.append({"id": r["id"], "lang": r["lang"], "gold": r["gold_date"], "guess": guess,
                    "confidence": ev.confidence if ev and guess else 0.0, "source": ev.source if ev else "",
                    "features": dates.features(result.date_candidates) if guess else None,
                    "veto": bool(dates.vetoed(result.date_candidates)),
                    "candidates": [(c.iso, c.zone, c.score, c.line, c.text) for c in result.date_candidates]})
    return out


def shown(page: dict, threshold: float) -> str:
    return page["guess"] if page["guess"] and page["confidence"] >= threshold else ""


def rates(pages: list[dict], answers: list[str]) -> dict[str, float]:
    """The scorer's three rates: exact day, answered, wrong."""
    n = max(len(pages), 1)
    day = sum(a == p["gold"] for p, a in zip(pages, answers))
    ans = sum(bool(a) for a in answers)
    return {"exact": day / n, "answered": ans / n, "wrong": (ans - day) / n}


def pick_threshold(pages: list[dict], max_wrong: float) -> float:
    """The threshold with the most exact days among those with at most ``max_wrong`` wrong dates."""
    grid = sorted({0.0} | {p["confidence"] for p in pages} | {1.01})
    best, best_exact = 1.01, -1.0
    for t in grid:
        r = rates(pages, [shown(p, t) for p in pages])
        if r["wrong"] <= max_wrong and r["exact"] > best_exact:
            best, best_exact = t, r["exact"]
    return best


def hand_confidence(x: list[float]) -> float:
    """The confidence before the fitted model: score times (1 + relative margin) / 2, kept for comparison."""
    return max(0.05, min(0.95, min(x[0], 1.0) * (0.5 + 0.5 * x[1])))


def fit_logistic(pages: list[dict], l2: float = 1.0) -> tuple[list[float], float]:
    """Weights and bias of P(the guess is the gold day | features), ridge-penalised, by Newton's method.

    Fitted only on pages with a guess (the others are never shown anyway).
    """
    import numpy as np

    rows = [p for p in pages if p["features"] is not None]
    x = np.array([p["features"] for p in rows], dtype=float)
    y = np.array([p["guess"] == p["gold"] for p in rows], dtype=float)
    x = np.hstack([x, np.ones((len(rows), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(50):
        prob = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (prob - y) + penalty * w
        hess = (x * (prob * (1 - prob))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [round(float(v), 3) for v in w[:-1]], round(float(w[-1]), 3)


def with_confidence(pages: list[dict], conf) -> list[dict]:
    """The pages with their confidence from ``conf``; a vetoed winner (dates.vetoed) is capped as in dates.choose."""
    from digest.text import dates

    out = []
    for p in pages:
        c = conf(p["features"]) if p["features"] is not None else 0.0
        out.append(dict(p, confidence=min(c, dates.VETO_CAP) if p["veto"] else c))
    return out


def fold_of(ident: str, k: int) -> int:
    return int(hashlib.sha256(ident.encode("utf-8")).hexdigest(), 16) % k


def out_of_fold(pages: list[dict], k: int, max_wrong: float, fit: bool = True,
                l2: float = 1.0) -> tuple[list[str], list[float]]:
    """Each fold's answers with a threshold (and, with ``fit``, confidence weights) from the other folds only."""
    from digest.text import dates

    answers = [""] * len(pages)
    thresholds = []
    for fold in range(k):
        train = [p for p in pages if fold_of(p["id"], k) != fold]
        test_idx = [i for i, p in enumerate(pages) if fold_of(p["id"], k) == fold]
        if fit:
            w, b = fit_logistic(train, l2)
            conf = lambda x, w=w, b=b: dates.confidence_of(x, w, b)  # noqa: E731
        else:
            conf = hand_confidence
        train = with_confidence(train, conf)
        test = with_confidence([pages[i] for i in test_idx], conf)
        t = pick_threshold(train, max_wrong)
        thresholds.append(t)
        for i, p in zip(test_idx, test):
            answers[i] = shown(p, t)
    return answers, thresholds


def bootstrap(pages: list[dict], answers: list[str], runs: int = 2000, seed: int = 18) -> dict[str, tuple[float, float]]:
    """95% percentile intervals, resampling pages."""
    rng = random.Random(seed)
    n = len(pages)
    samples: dict[str, list[float]] = {"exact": [], "answered": [], "wrong": []}
    for _ in range(runs):
        idx = [rng.randrange(n) for _ in range(n)]
        r = rates([pages[i] for i in idx], [answers[i] for i in idx])
        for key in samples:
            samples[key].append(r[key])
    out = {}
    for key, values in samples.items():
        values.sort()
        out[key] = (values[int(0.025 * runs)], values[int(0.975 * runs) - 1])
    return out


def table(title: str, pages: list[dict], answers: list[str]) -> list[str]:
    rows = [f"**{title}**", "", "| subset | pages | exact day | answered | wrong |", "|---|---:|---:|---:|---:|"]
    for sub in ("all", "de", "en", "fr"):
        idx = [i for i, p in enumerate(pages) if sub == "all" or p["lang"] == sub]
        ps, ans = [pages[i] for i in idx], [answers[i] for i in idx]
        r, ci = rates(ps, ans), bootstrap(ps, ans)
        cell = lambda key: f"{r[key]:.3f} [{ci[key][0]:.2f}–{ci[key][1]:.2f}]"  # noqa: E731
        rows.append(f"| {sub} | {len(ps)} | {cell('exact')} | {cell('answered')} | {cell('wrong')} |")
    return rows + [""]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--max-wrong", type=float, default=0.04, help="wrong-date rate allowed when picking the threshold")
    ap.add_argument("--l2", type=float, default=1.0, help="ridge penalty of the confidence model")
    ap.add_argument("--fit", action="store_true", help="print the all-pages weights and threshold to ship")
    ap.add_argument("--dump", action="store_true", help="print every page's gold, guess and candidates")
    ap.add_argument("--cli", action="store_true", help="also score 'digest clean --jsonl' through score_dates.py")
    a = ap.parse_args(argv)
    if not DATA.exists():
        print(f"dates_bench: {DATA} not found; skipping (the dev pages live outside the project)")
        return 0
    recs = load()
    pages = recover(recs)
    if a.dump:
        for p in pages:
            mark = "OK " if p["guess"] == p["gold"] else ("-- " if not p["guess"] else "XX ")
            print(f"{mark}{p['id']} {p['lang']} gold={p['gold']} guess={p['guess']} conf={p['confidence']} {p['source']}")
            for c in sorted(p["candidates"], key=lambda c: -c[2])[:6]:
                print(f"      {'*' if c[0] == p['gold'] else ' '} {c[0]} {c[1]:9} {c[2]:.2f} L{c[3]} {c[4][:70]!r}")
    from digest.text import dates

    fixed = [shown(p, dates.TRUST) for p in pages]
    oof, thresholds = out_of_fold(pages, a.folds, a.max_wrong, l2=a.l2)
    lines = table(f"Out-of-fold, fitted confidence ({a.folds} folds by id hash; weights and threshold fitted on "
                  f"the training folds; thresholds {', '.join(f'{t:.2f}' for t in thresholds)})", pages, oof)
    hand_oof, hand_t = out_of_fold(pages, a.folds, a.max_wrong, fit=False)
    lines += table(f"Out-of-fold, hand-set confidence (score x margin, as before; thresholds "
                   f"{', '.join(f'{t:.2f}' for t in hand_t)})", pages, hand_oof)
    w, b = fit_logistic(pages, a.l2)
    all_fit = with_confidence(pages, lambda x: dates.confidence_of(x, w, b))
    in_t = pick_threshold(all_fit, a.max_wrong)
    lines += table(f"In-sample, weights and threshold fitted on all pages ({in_t:.3f})", pages,
                   [shown(p, in_t) for p in all_fit])
    lines += table(f"As shipped (dates.CONF_WEIGHTS, dates.TRUST = {dates.TRUST:.3f})", pages, fixed)
    print("\n".join(lines))
    if a.fit:
        print(f"all-pages fit: FEATURES = {dates.FEATURES}\nCONF_WEIGHTS = {tuple(w)}\nCONF_BIAS = {b}\n"
              f"DATE_TRUST = {math.ceil(in_t * 100) / 100:.2f}  # rounded up: evidence keeps two decimals")
    if a.cli:
        sys.path.insert(0, str(BENCH))
        import score_dates

        got = score_dates.run_cmd(f"{sys.executable} -m digest clean --jsonl", recs)
        print("CLI (score_dates.run_cmd, digest clean --jsonl):",
              rates(pages, [got.get(p["id"], "") for p in pages]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
