"""Score digest's cleaner on the development pages in ../shared/bench, beside jusText and boilerpipe.

Usage (from the repository root):

    .venv/bin/python benchmarks/clean_bench.py                # digest only, in-process
    BENCH_PYTHON=/tmp/benchvenv/bin/python .venv/bin/python benchmarks/clean_bench.py --baselines

The scorer (score_clean.py) and the data stay in ../shared/bench; when that
folder is absent this script says so and exits 0.  digest is scored through
the scorer's ``py:`` protocol with :func:`bench_clean` below, which returns what
a reader of the cleaned article sees: headline, lead and body.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("DIGEST_BENCH", ROOT.parent / "shared" / "bench"))


def bench_clean(text: str, lang: str) -> str:
    """The scorer's in-process entry point: ``FUNC(text, lang) -> cleaned text``."""
    sys.path.insert(0, str(ROOT))
    from digest.clean import clean_text

    result = clean_text(text, lang)
    return "\n\n".join(p for p in (result.title, result.standfirst, result.text) if p)


def main(argv: list[str]) -> int:
    scorer = BENCH / "score_clean.py"
    if not scorer.is_file():
        print(f"clean_bench: {BENCH} not found; nothing to score (the dev set lives outside the project)")
        return 0
    baselines = "--baselines" in argv
    argv = [a for a in argv if a != "--baselines"]
    if baselines:  # the scorer runs in the bench venv; digest runs as its own process, in one batch
        systems = ["--system", "justext", "--system", "boilerpipe-canola",
                   "--system", f"cmdjsonl:{sys.executable} -m digest clean --jsonl --with-title"]
        python = os.environ.get("BENCH_PYTHON", "/tmp/benchvenv/bin/python")
    else:
        systems = ["--system", f"py:{Path(__file__).resolve()}:bench_clean"]
        python = sys.executable
    return subprocess.call([python, str(scorer), *systems, *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
