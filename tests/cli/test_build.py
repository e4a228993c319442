"""``digest build``'s terminal report: short enough to read for a folder of any size."""

from __future__ import annotations

from digest.cli.build import _grouped, _some

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
