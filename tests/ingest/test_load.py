"""The loader finds article files and decodes whatever encoding they arrive in."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from digest.article import Article
from digest.ingest.load import LoadProblem, decode_bytes, load_file, load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GERMAN = "Luxemburg will sich im Bereich der Künstlichen Intelligenz (KI) positionieren. Für 0,99 € – „Straße“."


def test_loads_every_seed_in_a_stable_order():
    items = list(load_paths([SEEDS]))
    assert [Path(a.source).name for a in items] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(isinstance(a, Article) and a.raw for a in items)


def test_only_article_suffixes_are_picked_up(tmp_path):
    (tmp_path / "a.txt").write_text("text one", encoding="utf-8")
    (tmp_path / "b.md").write_text("text two", encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>three</p>", encoding="utf-8")
    (tmp_path / "d.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    names = [Path(a.source).name for a in load_paths([tmp_path])]
    assert names == ["a.txt", "b.md", "c.html"]


def test_utf8_with_and_without_bom_utf16_and_cp1252_decode_to_the_same_text():
    for data in (
        GERMAN.encode("utf-8"),
        codecs.BOM_UTF8 + GERMAN.encode("utf-8"),
        GERMAN.encode("utf-16"),  # with BOM
        GERMAN.encode("utf-16-le"),  # without BOM
        GERMAN.encode("cp1252"),
    ):
        text, _ = decode_bytes(data)
        assert text == GERMAN


def test_binary_files_with_a_txt_name_are_reported_not_loaded(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    problem = load_file(png)
    assert isinstance(problem, LoadProblem)
    assert "PNG" in problem.message and str(png) in str(problem)


def test_empty_missing_and_oversized_files_get_a_reason(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    assert "empty" in load_file(empty).message
    assert "limit" in load_file(big, max_bytes=1000).message
    missing = list(load_paths([tmp_path / "nope.txt"]))
    assert isinstance(missing[0], LoadProblem) and "no such file" in missing[0].message


def test_nul_bytes_and_control_characters_are_removed(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes("Hello\x00 world\x07.\r\nNext line.".encode("utf-8"))
    article = load_file(path)
    assert article.raw == "Hello world.\nNext line."


ARTICLE = "Headline\n\nLuxembourg opened a new data centre on Monday, the minister said.\n"


def test_a_named_pipe_with_an_article_name_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)  # nobody writes to it: a blocking open or read would hang forever
    items = list(load_paths([tmp_path]))
    assert [str(i) for i in items] == [f"{fifo}: not a regular file (a named pipe), not read"]


def test_devices_are_refused_not_read(tmp_path):
    problem = load_file("/dev/zero")  # endless: reading it "whole" would never finish
    assert isinstance(problem, LoadProblem) and "a device" in problem.message


def test_symbolic_link_loops_are_named_and_never_followed(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)  # a folder loop
    (tmp_path / "sub" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(load_paths([tmp_path]))
    assert [str(i) for i in items if isinstance(i, LoadProblem)] == [
        f"{tmp_path / 'a.txt'}: cannot read: symbolic link loop",
        f"{tmp_path / 'b.txt'}: cannot read: symbolic link loop",
    ]
    assert [a.source for a in items if isinstance(a, Article)] == [str(tmp_path / "sub" / "good.txt")]
    given = list(load_paths([tmp_path / "a.txt"]))
    assert [str(i) for i in given] == [f"{tmp_path / 'a.txt'}: broken or looping symbolic link"]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_that_fails_to_read_is_named_with_the_reason(tmp_path):
    # /proc/self/mem is a regular file whose first page cannot be read, even by root
    (tmp_path / "unreadable.txt").symlink_to("/proc/self/mem")
    items = list(load_paths([tmp_path]))
    assert [str(i) for i in items] == [f"{tmp_path / 'unreadable.txt'}: cannot read: Input/output error"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_named(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    assert str(load_file(locked)) == f"{locked}: cannot read: permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists folders whatever their mode")
def test_a_folder_that_cannot_be_listed_is_named(tmp_path):
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    closed.chmod(0)
    try:
        items = list(load_paths([tmp_path]))
    finally:
        closed.chmod(0o755)
    assert [str(i) for i in items] == [f"{closed}: cannot list folder: Permission denied"]


def test_a_folder_named_like_an_article_is_walked_not_read(tmp_path):
    (tmp_path / "looks-like.txt").mkdir()
    (tmp_path / "looks-like.txt" / "inner.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(load_paths([tmp_path]))
    assert [a.source for a in items] == [str(tmp_path / "looks-like.txt" / "inner.txt")]


def test_an_endless_line_is_refused_but_a_long_paragraph_is_not(tmp_path):
    endless = tmp_path / "endless.txt"
    endless.write_text("word " * 40_000, encoding="utf-8")  # 200,000 characters, no punctuation
    assert str(load_file(endless)) == (
        f"{endless}: a line of 200,000 characters, over the 100,000 limit: not article text (raise it with --max-line-length)")
    paragraph = tmp_path / "long-read.txt"
    paragraph.write_text("Headline\n" + "A sentence of a long read. " * 2000, encoding="utf-8")  # 54,000
    assert isinstance(load_file(paragraph), Article)
    assert isinstance(load_file(endless, max_line_chars=0), Article)  # 0 switches the check off
    minified = tmp_path / "page.html"
    minified.write_text("<p>" + "word " * 40_000 + "</p>", encoding="utf-8")
    assert isinstance(load_file(minified), Article)  # HTML is parsed, not read by line


def test_a_huge_file_is_refused_from_its_size_without_being_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    assert str(load_file(huge)) == (
        f"{huge}: file is 50 MB, over the 20 MB limit (raise it with --max-file-size)")


def test_short_western_texts_in_cp1252_and_latin1_are_not_read_as_dos_code_pages():
    price = "Heating oil now costs €0.98 per litre, the ministry’s table says – «cheaper» than in spring."
    assert decode_bytes(price.encode("cp1252")) == (price, "cp1252")
    french = "Le pâtissier Jürg Brändli a gagné avec une crème brûlée à Mondorf."
    assert decode_bytes(french.encode("latin-1"))[0] == french


def test_a_single_byte_text_that_is_not_western_is_left_to_the_detector():
    russian = "Правительство Люксембурга представило стратегию искусственного интеллекта. " * 5
    text, encoding = decode_bytes(russian.encode("cp1251"))
    assert encoding != "cp1252"
    assert text == russian


def test_bidi_overrides_and_non_characters_are_removed_but_marks_and_letters_stay(tmp_path):
    path = tmp_path / "bidi.txt"
    path.write_text("Invoice \u202etxt.exe\u202c from \u2067Ali\u2069 \ufffe\uffff – café \u200e.", encoding="utf-8")
    assert load_file(path).raw == "Invoice txt.exe from Ali  – café \u200e."


def test_a_utf8_page_with_a_pasted_cp1252_fragment_keeps_both_readable():
    data = "Café Müller – „Straße“ costs ".encode("utf-8") + "€5 in Zürich.".encode("cp1252")
    text, encoding = decode_bytes(data)
    assert text == "Café Müller – „Straße“ costs €5 in Zürich."
    assert encoding.startswith("utf-8")


def test_file_names_that_are_not_utf8_or_hold_control_characters_are_shown_safely(tmp_path):
    from digest.ingest.load import display_path

    folder = os.fsencode(tmp_path)
    latin1 = os.path.join(folder, b"caf\xe9.txt")  # a name written by a Latin-1 system
    with open(latin1, "wb") as handle:
        handle.write(ARTICLE.encode("utf-8"))
    with open(os.path.join(folder, b"two\nlines\x1b[31m.txt"), "wb") as handle:
        handle.write(b"")
    items = list(load_paths([tmp_path]))
    assert items[0].source == f"{tmp_path}/caf\ufffd.txt"
    assert items[0].source.encode("utf-8")  # printable, storable
    assert str(items[1]) == f"{tmp_path}/two\\nlines\\x1b[31m.txt: empty file"
    assert display_path("/in/\u202eevil.txt") == "/in/\\u202eevil.txt"
    assert display_path(Path("/in/Straße – ok.txt")) == "/in/Straße – ok.txt"
