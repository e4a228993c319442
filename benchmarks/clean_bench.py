"""Score digest's cleaner on the development pages in ../shared/bench, beside jusText and boilerpipe.

Usage (from the repository root):

    .venv/bin/python benchmarks/clean_bench.py                 # digest only, in-process (py: protocol)
    .venv/bin/python benchmarks/clean_bench.py --baselines     # + jusText and boilerpipe, scorer in the bench venv
    .venv/bin/python benchmarks/clean_bench.py --speed         # pages per second: digest and jusText, same process

Extra arguments go to the scorer (``--lang de``, ``--per-page FILE``,
``--bootstrap 1000``, ``--detail``).  The scorer (score_clean.py) and the data
stay in ../shared/bench; when that folder is absent this script says so and
exits 0.  With ``--baselines`` the scorer runs under ``BENCH_PYTHON`` (default
/tmp/benchvenv/bin/python, a venv with ../shared/bench/requirements-bench.txt)
and digest runs as one batch process through ``digest clean --jsonl
--with-title``.  digest's text is what a reader of the cleaned article sees:
headline, lead and body.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("DIGEST_BENCH", ROOT.parent / "shared" / "bench"))


def bench_clean(text: str, lang: str) -> str:
    """The scorer's in-process entry point: ``FUNC(text, lang) -> cleaned text``."""
    sys.path.insert(0, str(ROOT))
    from digest.text.clean import clean_text

    result = clean_text(text, lang)
    return "\n\n".join(p for p in (result.title, result.standfirst, result.text) if p)


def measure_speed(data: Path) -> None:
    """Pages per second on the whole development set, digest and jusText in the same process."""
    import justext

    from digest.text.clean import clean_text

    pages = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    stoplists = {"en": justext.get_stoplist("English"), "de": justext.get_stoplist("German")}
    clean_text("A warm-up sentence loads the stop lists and the language model.", None)

    def jus(page):
        paras = "".join(f"<p>{html.escape(ln)}</p>\n" for ln in page["noisy_text"].split("\n") if ln.strip())
        doc = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title></title></head><body>\n{paras}</body></html>"
        return [p.text for p in justext.justext(doc, stoplists[page["lang"]]) if not p.is_boilerplate]

    print("| system | pages | seconds | pages/s | ms/page |\n|---|---:|---:|---:|---:|")
    for name, run in (("digest clean_text (language given)", lambda p: clean_text(p["noisy_text"], p["lang"])),
                      ("digest clean_text (language detected)", lambda p: clean_text(p["noisy_text"])),
                      ("jusText 3 (lines as <p>)", jus)):
        started = time.perf_counter()
        for page in pages:
            run(page)
        seconds = time.perf_counter() - started
        print(f"| {name} | {len(pages)} | {seconds:.2f} | {len(pages) / seconds:.0f} | {1000 * seconds / len(pages):.1f} |")


def main(argv: list[str]) -> int:
    scorer = BENCH / "score_clean.py"
    if not scorer.is_file():
        print(f"clean_bench: {BENCH} not found; nothing to score (the dev set lives outside the project)")
        return 0
    if "--speed" in argv:
        measure_speed(BENCH / "clean-dev.jsonl")
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
