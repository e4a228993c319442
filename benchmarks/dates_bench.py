"""Publication dates on real pages: in-sample and out-of-fold, with bootstrap intervals.

Reads ``../shared/bench/dates-dev.jsonl`` (239 pages with a hand-checked
``gold_date``; never copied into the project) and skips cleanly when it is
absent.  The page is cleaned in-process (``clean_text``), which gives the
recovered date and its confidence; a date is *shown* when its confidence
reaches the threshold.  The threshold is the one thing tuned, so it is tuned
out-of-fold: pages are split into K folds by a hash of their id, the threshold
is picked on the other folds (the most exact days with at most ``--max-wrong``
wrong dates there) and applied to the held-out fold.

Metrics are the scorer's (``score_dates.py``, imported): exact day, answered,
wrong (a date given that is not the gold day).  ``--cli`` also runs the
scorer's own ``cmdjsonl:digest clean --jsonl`` path as a cross-check.

    python benchmarks/dates_bench.py            # table for the README
    python benchmarks/dates_bench.py --dump     # every page: gold, guess, confidence, candidates
"""

from __future__ import annotations

import argparse
import hashlib
import json
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
    from digest.text.clean import clean_text

    out = []
    for r in recs:
        result = clean_text(r["noisy_text"], r["lang"])
        ev = result.evidence.get("date")
        guess = result.date if len(result.date) == 10 else ""
        out.append({"id": r["id"], "lang": r["lang"], "gold": r["gold_date"], "guess": guess,
                    "confidence": ev.confidence if ev and guess else 0.0, "source": ev.source if ev else "",
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


def fold_of(ident: str, k: int) -> int:
    return int(hashlib.sha256(ident.encode("utf-8")).hexdigest(), 16) % k


def out_of_fold(pages: list[dict], k: int, max_wrong: float) -> tuple[list[str], list[float]]:
    answers = [""] * len(pages)
    thresholds = []
    for fold in range(k):
        train = [p for p in pages if fold_of(p["id"], k) != fold]
        t = pick_threshold(train, max_wrong)
        thresholds.append(t)
        for i, p in enumerate(pages):
            if fold_of(p["id"], k) == fold:
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
    in_t = pick_threshold(pages, a.max_wrong)
    oof, thresholds = out_of_fold(pages, a.folds, a.max_wrong)
    lines = table(f"Out-of-fold ({a.folds} folds by id hash; thresholds picked on the training folds: "
                  f"{', '.join(f'{t:.2f}' for t in thresholds)})", pages, oof)
    lines += table(f"In-sample, threshold picked on all pages ({in_t:.2f})", pages, [shown(p, in_t) for p in pages])
    lines += table(f"As shipped (dates.TRUST = {dates.TRUST:.2f})", pages, fixed)
    print("\n".join(lines))
    if a.cli:
        sys.path.insert(0, str(BENCH))
        import score_dates

        got = score_dates.run_cmd(f"{sys.executable} -m digest clean --jsonl", recs)
        print("CLI (score_dates.run_cmd, digest clean --jsonl):",
              rates(pages, [got.get(p["id"], "") for p in pages]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
