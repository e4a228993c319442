"""``digest build``'s terminal report: short enough to read for a folder of any size."""

from __future__ import annotations

from types import SimpleNamespace

from digest.article import Article, Translation
from digest.cli.build import _grouped, _some, format_report
from digest.ingest.load import LoadProblem
from digest.report import BuildReport

HINT = "not translated: no German→English model installed; run: digest models install de en"


def test_a_message_many_files_share_is_one_line_naming_the_first_few():
    warnings = [f"in/{n:03}.txt: {HINT}" for n in range(1, 9)]
    warnings.insert(2, "in/x.txt: same article as in/001.txt; published once")
    assert _grouped(warnings) == [
        f"{HINT} (8 files: 001.txt, 002.txt, 003.txt, 004.txt, 005.txt and 3 more)",
        "in/x.txt: same article as in/001.txt; published once",
    ]


def test_a_message_of_one_or_two_files_names_them_as_before():
    warnings = [f"in/a.txt: {HINT}", f"in/b.txt: {HINT}", "a warning without a file"]
    assert _grouped(warnings) == warnings


def test_copies_of_earlier_files_are_one_line_naming_each_with_its_original():
    warnings = [f"in/copy{n}.txt: same article as in/{n:03}.txt; published once" for n in range(1, 8)]
    assert _grouped(warnings) == [
        "same article as a file read before; published once (7 files: copy1.txt (= 001.txt), "
        "copy2.txt (= 002.txt), copy3.txt (= 003.txt), copy4.txt (= 004.txt), copy5.txt (= 005.txt) and 2 more)",
    ]
    assert _grouped(warnings[:2]) == warnings[:2]


def test_a_list_of_files_names_five_and_counts_the_rest():
    assert _some(["a", "b"]) == "a, b"
    assert _some([str(n) for n in range(12)]) == "0, 1, 2, 3, 4 and 7 more"


def test_the_report_says_each_thing_once():
    """An untranslated folder: the files and the command are the warning's, and a skipped
    file's reason is not prefixed with "skipped" twice."""
    articles = [Article(source=f"in/{n}.txt", lang="de",
                        translation=Translation(status="not-translated", reason="no model")) for n in range(4)]
    articles.append(Article(source="in/en.txt", lang="en", translation=Translation(status="original")))
    report = BuildReport(files=6, articles=articles,
                         problems=[LoadProblem("in/menu.txt", "no article text left after cleaning")],
                         warnings=[f"in/{n}.txt: {HINT}" for n in range(4)])
    lines = format_report(report, SimpleNamespace(out="build")).splitlines()
    assert lines[:4] == [
        "Read 6 file(s): 5 article(s) published (de 4, en 1), 1 skipped.",
        "Not translated 4 article(s) (de 4): see the warnings for why.",
        "skipped: in/menu.txt: no article text left after cleaning",
        f"warning: {HINT} (4 files: 0.txt, 1.txt, 2.txt, 3.txt)",
    ]
