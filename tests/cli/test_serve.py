"""``digest serve``: the last build's site on 127.0.0.1, for a look before publishing."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
from pathlib import Path

from digest.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_serve_shows_the_site_on_the_loopback_interface(tmp_path):
    assert main(["build", str(SEEDS), "--out", str(tmp_path), "--quiet"]) == 0
    server = subprocess.Popen([sys.executable, "-c", "import sys; from digest.cli import main; sys.exit(main())", "serve", "--out", str(tmp_path), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        with urllib.request.urlopen(match.group(0) + "index.html", timeout=30) as response:
            page = response.read().decode("utf-8")
        assert "All briefings" in page and 'href="stories/' in page
        with urllib.request.urlopen(match.group(0) + "atom.xml", timeout=30) as response:
            assert b"<feed" in response.read()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_before_any_build_says_what_to_do(tmp_path, capsys):
    assert main(["serve", "--out", str(tmp_path / "nothing")]) == 2
    assert "run digest build first" in capsys.readouterr().err
