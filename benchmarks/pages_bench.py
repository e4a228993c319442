"""The hand-written failure-kind pages (``tests/data/clean/pages.json``), scored by series.

The development pages in ../shared/bench have been read so often that they no
longer say how the cleaner does on a layout nobody tuned on; the hand-written
pages of series 2 and 3 were written by someone who had not read the cleaner.
For each series this prints how many pages pass every check (title, every
sentence to keep, no boilerplate left), the titles right, the sentences kept
and the boilerplate leaked, for this tree and for any earlier commit::

    .venv/bin/python benchmarks/pages_bench.py --against 8b03fa7 --against c0f74a3

The checks are the tests' (``tests/text/test_clean.py``): a sentence to keep
must be in the standfirst or the body, boilerplate in none of title, standfirst
and body.  Needs no data outside the project.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "clean"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _unbulleted(sentence: str) -> str:
    """A list item to keep without its bullet ("* High schools: …"): the cleaner keeps the item, not the mark."""
    return re.sub(r"^[-*•·]\s+", "", sentence)


def score(clean_text, pages: dict) -> dict[int, dict[str, int]]:
    """Per series: pages, pages passing every check, titles right, sentences kept (of all), boilerplate leaked."""
    table: dict[int, dict[str, int]] = {}
    for name, spec in sorted(pages.items()):
        result = clean_text((DATA / "pages" / name).read_text(encoding="utf-8"))
        lead_and_body = _norm(f"{result.standfirst} {result.text}")
        everything = _norm(f"{result.title} {result.standfirst} {result.text}")
        title = _norm(result.title) == _norm(spec["title"])  # a non-breaking space is typography, not another title
        kept = sum(_norm(_unbulleted(s)) in lead_and_body for s in spec["keep"])
        leaked = sum(_norm(s) in everything for s in spec["drop"])
        row = table.setdefault(spec.get("series", 1), dict.fromkeys(
            ("pages", "all", "titles", "kept", "keep", "leaked", "drop"), 0))
        row["pages"] += 1
        row["all"] += title and kept == len(spec["keep"]) and not leaked
        row["titles"] += title
        row["kept"], row["keep"] = row["kept"] + kept, row["keep"] + len(spec["keep"])
        row["leaked"], row["drop"] = row["leaked"] + leaked, row["drop"] + len(spec["drop"])
    return table


def cleaner_at(ref: str, scratch: Path):
    """``clean_text`` as it was at git ``ref`` (its package extracted under another name)."""
    from bench import package_at

    package_at(ref, scratch)
    name = "digest_at_" + re.sub(r"\W", "_", ref)
    (scratch / "digest").rename(scratch / name)
    sys.path.insert(0, str(scratch))
    return importlib.import_module(f"{name}.text.clean").clean_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REF", action="append", default=[],
                        help="also score the cleaner at this git commit (repeatable)")
    args = parser.parse_args(argv)
    pages = {k: v for k, v in json.loads((DATA / "pages.json").read_text(encoding="utf-8")).items()
             if not k.startswith("_")}
    from digest.text.clean import clean_text

    print("| series | cleaner | pages | all checks | titles | kept | leaked |\n|---|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        cleaners = [(ref, cleaner_at(ref, Path(scratch) / ref)) for ref in args.against] + [("this tree", clean_text)]
        tables = [(label, score(cleaner, pages)) for label, cleaner in cleaners]
    for series in sorted(tables[0][1]):
        for label, table in tables:
            row = table[series]
            print(f"| {series} | {label} | {row['pages']} | {row['all']} | {row['titles']} | "
                  f"{row['kept']}/{row['keep']} | {row['leaked']}/{row['drop']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
