"""A new user's first steps: ``digest init``, then ``digest build`` with no PATH, anywhere."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import feedparser

from digest.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_init_writes_a_commented_config_and_an_articles_folder_and_overwrites_nothing(tmp_path, capsys):
    assert main(["init", str(tmp_path / "desk")]) == 0
    config = tmp_path / "desk" / "digest.toml"
    assert (tmp_path / "desk" / "articles").is_dir()
    settings = tomllib.loads(config.read_text(encoding="utf-8"))
    assert settings["inputs"] == ["articles"] and settings["title"] == "News briefing"
    assert "# email_from" in config.read_text(encoding="utf-8")  # commented, for the user to fill in

    config.write_text('title = "Mine"\n', encoding="utf-8")
    assert main(["init", str(tmp_path / "desk")]) == 0
    assert config.read_text(encoding="utf-8") == 'title = "Mine"\n'
    assert "left as it is" in capsys.readouterr().out


def test_build_with_nothing_to_read_says_what_to_pass_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "digest build PATH" in error and "digest init" in error
    assert list(tmp_path.iterdir()) == []


def test_build_after_init_reads_the_articles_folder_with_neutral_defaults(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    for path in SEEDS.glob("00[0-2]_*.txt"):
        shutil.copy(path, tmp_path / "articles" / path.name)
    assert main(["build"]) == 0
    out = capsys.readouterr().out
    assert "3 article(s) published" in out and "placeholder addresses" in out
    feed = feedparser.parse((tmp_path / "build" / "feed.xml").read_bytes())
    stories = json.loads((tmp_path / "build" / "digest.json").read_text(encoding="utf-8"))["stories"]
    assert feed.feed.title == "News briefing" and len(feed.entries) == len(stories) >= 2
    assert "localhost" not in (tmp_path / "build" / "digest.eml").read_text(encoding="utf-8")


def test_a_working_folder_with_its_own_seeds_builds_those(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEEDS / "001_7598609d504af1b1.txt", tmp_path / "seeds" / "only.txt")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--quiet"]) == 0
    feed = feedparser.parse((tmp_path / "build" / "feed.xml").read_bytes())
    assert len(feed.entries) == 1


def test_version_is_the_package_version(capsys):
    import pytest

    import digest

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"digest {digest.__version__}"
