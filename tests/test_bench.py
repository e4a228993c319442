"""benchmarks/bench.py: the corpus it builds and the checks it makes (never its timings);
benchmarks/pages_bench.py: the hand-written pages' table; benchmarks/clean_bench.py --false-alarms: real sentences
taken for furniture."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("digest_bench", ROOT / "benchmarks" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_without_the_development_sets_the_corpus_is_the_seeds(tmp_path):
    texts, origin = bench.source_texts(tmp_path / "absent")
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in {".txt", ".md", ".html", ".htm"})
    assert len(texts) == len(seeds) > 0
    assert "seeds" in origin
    assert all(len(text.split()) > 50 for _, text in texts)  # real articles, not placeholders


def test_copies_of_a_text_are_distinct_articles(tmp_path):
    from digest.text.clean import clean_article
    from digest.ingest.load import load_file

    texts, _ = bench.source_texts(tmp_path / "absent")
    folder = bench.make_corpus(texts, 3 * len(texts), tmp_path / "corpus")
    files = sorted(folder.iterdir())
    assert len(files) == 3 * len(texts)
    contents = [f.read_text(encoding="utf-8") for f in files]
    assert len(set(contents)) == len(contents)
    # The copy differs only by "(update k)" on its longest prose line, which survives cleaning.
    first, copy = contents[0], contents[len(texts)]
    assert copy.replace(" (update 1)", "") == first
    articles = [clean_article(load_file(files[i])) for i in (0, len(texts), 2 * len(texts))]
    assert len({a.stable_id() for a in articles}) == 3


def test_vary_marks_the_longest_prose_line_not_a_number_line():
    text = "12345 67890 12345 67890 12345 67890 12345\nA short line\nThis line has the most words of prose in it"
    assert bench.vary(text, 2).split("\n")[2].endswith("(update 2)")


def test_outputs_compare_equal_when_only_build_times_and_boundaries_differ(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, (time, boundary) in ((a, ("07:30:01", "1234")), (b, ("07:30:09", "98765"))):
        folder.mkdir()
        for name in bench.OUTPUTS:
            (folder / name).write_bytes(b"same content\n")
        (folder / "feed.xml").write_bytes(f"<lastBuildDate>Sun, 22 Nov 2026 {time} +0000</lastBuildDate>".encode())
        (folder / "digest.eml").write_bytes(f"Date: x {time}\nContent-Type: multipart; boundary="
                                            f"\"==============={boundary}==\"\n\nbody".encode())
    verdict = bench.compare_outputs(a, b)
    assert verdict["digest.json"] == "identical"
    assert verdict["feed.xml"] == verdict["digest.eml"] == "identical except build time"
    (b / "digest.json").write_bytes(b"other content\n")
    assert bench.compare_outputs(a, b)["digest.json"] == "DIFFERENT"


def test_quick_run_on_the_seeds_writes_json_and_a_table(tmp_path, capsys):
    out = tmp_path / "bench.json"
    status = bench.main(["--sizes", "2", "--quick", "--peers", "0", "--pdf-full-max", "0",
                         "--data", str(tmp_path / "absent"), "--json", str(out), "--work", str(tmp_path / "w")])
    assert status == 0
    results = json.loads(out.read_text())
    stages = results["sizes"]["2"]["stages"]
    assert "error" not in stages, stages
    for name in ("load", "clean", "detect", "summarise", "link", "translate", "render feed", "render email html",
                 "render pdf", "digest.json"):
        assert stages["stages"][name]["items"] >= 1
        assert stages["stages"][name]["seconds"] >= 0
    assert stages["stages"]["render pdf"]["pages"] >= 2
    assert stages["counts"]["published"] == 2
    assert results["startup"]["best_s"] > 0
    table = capsys.readouterr().out
    assert "summarise" in table and "digest --help" in table


def test_the_hand_written_pages_are_scored_by_series_beside_an_earlier_commit(capsys):
    """benchmarks/pages_bench.py: every series, this tree beside the commit named; series 1 passes in full."""
    spec = importlib.util.spec_from_file_location("pages_bench", ROOT / "benchmarks" / "pages_bench.py")
    pages_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pages_bench)
    assert pages_bench.main(["--against", "HEAD"]) == 0
    rows = [line.split(" | ") for line in capsys.readouterr().out.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert {row[0].strip("| ") for row in rows} == {str(series) for series in range(1, 43)}
    assert {row[1] for row in rows} == {"HEAD", "this tree"}
    first = next(row for row in rows if row[0].strip("| ") == "1" and row[1] == "this tree")
    assert first[2] == first[3]  # every page of the first series passes every check


def clean_bench_with_data():
    """benchmarks/clean_bench.py as a module, or a skip where the development sets are not beside the project."""
    spec = importlib.util.spec_from_file_location("clean_bench", ROOT / "benchmarks" / "clean_bench.py")
    clean_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(clean_bench)
    if not list(clean_bench.BENCH.glob("summ-dev-*.jsonl")) or not (clean_bench.BENCH / "clean-dev.jsonl").is_file():
        pytest.skip("the development sets live outside the project")
    return clean_bench


def test_the_false_alarm_check_classifies_real_article_sentences_beside_an_earlier_commit(capsys):
    """benchmarks/clean_bench.py --false-alarms: every sentence of the summarisation sets' real articles as a line
    of its own; against the same commit, no sentence's class changes."""
    assert clean_bench_with_data().main(["--false-alarms", "--against", "HEAD"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert re.match(r"^\d+ sentences of \d+ articles; taken for furniture by this tree: \d+$", out[0])
    assert "class changed against HEAD: 0" in out


def test_real_articles_with_no_furniture_come_out_whole(capsys):
    """benchmarks/clean_bench.py --whole-articles: each of the summarising sets' 589 real articles as a plain page
    (its title, then its paragraphs); no article loses all its paragraphs, and each set's row is printed."""
    assert clean_bench_with_data().main(["--whole-articles"]) == 0
    rows = [line.split("|")[1:-1] for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    assert [row[0].strip() for row in rows[1:]] == ["comment-de", "news-en-highlights", "news-en-long"]
    assert all(row[4].strip() == "0" for row in rows[1:])
