"""The loader finds article files and decodes whatever encoding they arrive in."""

from __future__ import annotations

import codecs
from pathlib import Path

from digest.article import Article
from digest.load import LoadProblem, decode_bytes, load_file, load_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
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
