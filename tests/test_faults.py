"""Faults injected on purpose (issue 17): nothing published is lost, and every message names the file.

Each test breaks one thing a real machine breaks (a store emptied or damaged,
a full disk, a file rewritten while it is read, a wrong setting, a stalled
SMTP server, a huge word, a story the renderer chokes on, a second build) and
checks what a subscriber or an editor would: the feed still holds every item
it held, the outputs are whole, and the one-line message names the file.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import feedparser
import pytest

from digest.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DAY_ONE = ["001_7598609d504af1b1.txt", "002_b5962e9db26456b4.txt"]
DAY_TWO = ["003_0a4661e90743d846.txt"]
GERMAN = """Regierung setzt Projekt fort

Der Minister sprach am Dienstag in Luxemburg über die neue Strategie für Daten und Forschung im Land.
Er sagte: „ Wir werden das Projekt im nächsten Jahr mit allen Partnern fortsetzen und ausbauen.“
Die Regierung will dafür mehr als 40 Millionen Euro in neue Rechenzentren und Ausbildung investieren.
Nach Angaben des Ministeriums sollen bis 2030 rund 2.000 neue Arbeitsplätze in der Branche entstehen.
"""


def articles(tmp_path: Path, names: list[str], folder: str = "in") -> Path:
    target = tmp_path / folder
    target.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SEEDS / name, target / name)
    return target


def build(capsys, inputs: Path, out: Path, *extra: str) -> tuple[int, str]:
    code = main(["build", str(inputs), "--out", str(out), "--quiet", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def guids(out: Path) -> list[str]:
    return [entry.id for entry in feedparser.parse((out / "feed.xml").read_bytes()).entries]


def history(out: Path) -> list[str]:
    conn = sqlite3.connect(str(out / "state.sqlite"))
    try:
        return [row[0] for row in conn.execute("SELECT guid FROM feed_items")]
    finally:
        conn.close()


@pytest.fixture
def published(tmp_path, capsys) -> tuple[Path, Path, list[str]]:
    """A first day's build: (inputs, output folder, the feed's guids)."""
    inputs, out = articles(tmp_path, DAY_ONE), tmp_path / "out"
    code, text = build(capsys, inputs, out)
    assert code == 0, text
    return inputs, out, guids(out)


# --------------------------------------------------------------------------- 1, 2: the store


def test_an_emptied_store_stops_the_build_and_the_history_is_read_back_from_the_feed(published, capsys):
    inputs, out, before = published
    feed = (out / "feed.xml").read_bytes()
    (out / "state.sqlite").write_bytes(b"")
    shutil.copy(SEEDS / DAY_TWO[0], inputs)
    code, text = build(capsys, inputs, out)
    assert code == 2 and len(text.strip().splitlines()) == 1
    assert str(out / "state.sqlite") in text and "feed.xml" in text
    assert f"'digest state rebuild-history --out {out} --state {out / 'state.sqlite'}'" in text, "a command to paste"
    assert (out / "feed.xml").read_bytes() == feed, "the published feed is untouched"

    assert main(["state", "rebuild-history", "--out", str(out)]) == 0
    assert f"{len(before)} item(s) added" in capsys.readouterr().out
    code, text = build(capsys, inputs, out)
    assert code == 0, text
    after = guids(out)
    assert set(before) < set(after) and len(after) == len(before) + 1


def test_a_store_damaged_in_the_middle_is_refused_then_salvaged_beside_the_damaged_file(published, capsys):
    inputs, out, before = published
    store = out / "state.sqlite"
    data = bytearray(store.read_bytes())
    middle = (len(data) // 2) // 4096 * 4096
    data[middle:middle + 4096] = b"\xde\xad" * 2048
    store.write_bytes(bytes(data))
    code, text = build(capsys, inputs, out)
    assert code == 2 and str(store) in text
    assert "digest state repair" in text and "move it away" not in text

    assert main(["state", "repair", "--out", str(out)]) == 0
    assert "salvaged" in capsys.readouterr().out
    kept = list(out.glob("state.sqlite.damaged-*"))
    assert [p.read_bytes() for p in kept if not p.name.endswith(("-wal", "-shm"))] == [bytes(data)]
    assert main(["state", "rebuild-history", "--out", str(out)]) == 0
    code, text = build(capsys, inputs, out)
    assert code == 0, text
    assert guids(out) == before and sorted(history(out)) == sorted(before)


def test_a_full_disk_under_the_store_is_named_and_never_called_damage(tmp_path):
    from digest.store.state import StateError, StateStore

    path = tmp_path / "state.sqlite"
    with StateStore(path) as store:
        store.put("k", "small", 1)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL from here on
        with pytest.raises(StateError) as caught:
            store.put("k", "big", "x" * 100_000)
    message = str(caught.value)
    assert str(path) in message and "write 'k'" in message and "disk is full" in message
    assert "not damaged" in message and "repair" not in message and "move it away" not in message


def _no_bigger_than(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_disk_that_fills_up_during_a_build_changes_nothing_published(published):
    inputs, out, before = published
    shutil.copy(SEEDS / DAY_TWO[0], inputs)
    outputs = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and not p.name.startswith(("state", "."))}
    result = subprocess.run([sys.executable, "-m", "digest", "build", str(inputs), "--out", str(out), "--quiet"],
                            capture_output=True, text=True, cwd=ROOT, timeout=600,
                            preexec_fn=_no_bigger_than(30_000))  # the PDF and the store outgrow 30 KB
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip().splitlines()[-1]
    # whichever outgrows the limit first, the store or an output, is named, and never called damaged
    assert str(out) in line and ("File too large" in line or "disk" in line) and "damaged (" not in line, line
    assert {p: p.read_bytes() for p in outputs} == outputs  # the web edition's pages too
    assert sorted(history(out)) == sorted(before)
    assert not list(out.glob("*.digest-tmp"))


# --------------------------------------------------------------------------- 3: history and outputs together


def test_a_build_that_fails_while_putting_outputs_in_place_records_no_history(published, capsys, monkeypatch):
    from digest.store.cache import BRIEFINGS_NAMESPACE
    from digest.store.state import StateStore

    def briefing_days() -> dict:
        with StateStore(out / "state.sqlite") as store:
            return store.get(BRIEFINGS_NAMESPACE, "days")

    inputs, out, before = published
    days = briefing_days()
    shutil.copy(SEEDS / DAY_TWO[0], inputs)
    real_replace = os.replace

    def failing(src, dst, *args, **kwargs):
        if str(dst).endswith("digest.json"):
            raise OSError(5, "Input/output error", str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing)
    code, text = build(capsys, inputs, out)
    assert code == 2 and "digest.json" in text
    monkeypatch.undo()
    assert sorted(history(out)) == sorted(guids(out)), "the store claims exactly what the feed publishes"
    assert briefing_days() == days, "tomorrow's 'new' is measured against the briefing that was published"


# --------------------------------------------------------------------------- 4: a file rewritten while read


def test_a_file_rewritten_while_read_is_read_again_and_keeps_one_guid(tmp_path, capsys, monkeypatch):
    whole = (SEEDS / DAY_ONE[0]).read_bytes()
    inputs = tmp_path / "in"
    inputs.mkdir()
    growing = inputs / "story.txt"
    growing.write_bytes(whole[: len(whole) // 2])
    real_read, rewrites = os.read, []

    def read_while_the_scraper_writes(fd, size):
        chunk = real_read(fd, size)
        if not rewrites and os.fstat(fd).st_ino == growing.stat().st_ino:
            rewrites.append(1)
            growing.write_bytes(whole)
            os.utime(growing, ns=(time.time_ns(), time.time_ns() + 10**9))
        return chunk

    monkeypatch.setattr(os, "read", read_while_the_scraper_writes)
    code, text = build(capsys, inputs, tmp_path / "out")
    monkeypatch.undo()
    assert code == 0, text
    code, text = build(capsys, articles(tmp_path, DAY_ONE[:1], "whole"), tmp_path / "reference")
    assert guids(tmp_path / "out") == guids(tmp_path / "reference")
    code, text = build(capsys, inputs, tmp_path / "out")
    assert code == 0 and history(tmp_path / "out") == guids(tmp_path / "reference"), "one story, one guid"


def test_a_file_that_keeps_changing_is_skipped_with_the_reason(tmp_path, capsys, monkeypatch):
    inputs = articles(tmp_path, DAY_ONE)
    busy = inputs / DAY_ONE[0]
    real_read = os.read

    def always_rewritten(fd, size):
        chunk = real_read(fd, size)
        first = chunk and os.lseek(fd, 0, os.SEEK_CUR) == len(chunk)
        if first and os.fstat(fd).st_ino == busy.stat().st_ino:  # once per read of the busy file
            with open(busy, "ab") as handle:
                handle.write(b"\nMore text.")
        return chunk

    monkeypatch.setattr(os, "read", always_rewritten)
    code, text = build(capsys, inputs, tmp_path / "out")
    assert code == 1
    assert f"skipped: {busy}: changed while being read" in text


# --------------------------------------------------------------------------- 5: settings


@pytest.mark.parametrize("line, key, found", [
    ('feed_limit = "abc"', "feed_limit", '"abc"'),
    ("title = 42", "title", "42"),
    ('require_translation = "no"', "require_translation", '"no"'),
    ("feed_limit = true", "feed_limit", "true"),
    ('inputs = "in"', "inputs", '"in"'),
])
def test_a_wrong_setting_is_one_line_naming_file_key_expected_and_found(tmp_path, capsys, line, key, found):
    config = tmp_path / "digest.toml"
    config.write_text(line + "\n", encoding="utf-8")
    code, text = build(capsys, articles(tmp_path, DAY_ONE), tmp_path / "out", "--config", str(config))
    assert code == 2 and len(text.strip().splitlines()) == 1
    assert f"{config}: {key}: expected " in text and text.strip().endswith(f"found {found}")
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- 6: a stalled SMTP server


def test_send_gives_up_at_the_deadline_whatever_the_server_trickles(published, capsys):
    _inputs, out, _before = published
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    stop = threading.Event()

    def trickle():
        conn, _ = server.accept()
        with conn:
            for byte in b"220 slow.example ESMTP\r\n" * 100:
                if stop.wait(0.5):
                    return
                conn.send(bytes([byte]))

    threading.Thread(target=trickle, daemon=True).start()
    try:
        code = main(["send", str(out / "digest.eml"), "--smtp-host", "127.0.0.1", "--port",
                     str(server.getsockname()[1]), "--timeout", "1", "--from", "a@example.org", "--to", "b@example.org"])
    finally:
        stop.set()
        server.close()
    assert code == 1
    assert "timed out after 1 s" in capsys.readouterr().err


# --------------------------------------------------------------------------- 7: a huge word


def test_a_huge_word_is_never_a_summary_sentence_and_breaks_in_every_output(tmp_path, capsys):
    from digest.analysis.summarize import MAX_SENTENCE_CHARS

    inputs = articles(tmp_path, DAY_ONE)
    story = inputs / DAY_ONE[0]
    text = story.read_text(encoding="utf-8").split("\n")
    text.insert(4, "The council said that " + "a" * 99_800 + " was the answer.")
    story.write_text("\n".join(text), encoding="utf-8")
    out = tmp_path / "out"
    code, report = build(capsys, inputs, out)
    assert code == 0, report
    import json

    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert all(len(s) <= MAX_SENTENCE_CHARS for a in data["articles"] for s in a["summary"]["sentences"])
    assert max(len(line) for line in (out / "digest.txt").read_text(encoding="utf-8").splitlines()) <= 72
    assert (out / "digest.eml").stat().st_size < 102_000  # Gmail clips larger messages


# --------------------------------------------------------------------------- 10: one article the renderers choke on


def test_a_low_opening_quote_followed_by_a_space_costs_nobody_anything(tmp_path, capsys):
    inputs = articles(tmp_path, DAY_ONE)
    (inputs / "zitat.txt").write_text(GERMAN, encoding="utf-8")
    code, text = build(capsys, inputs, tmp_path / "out")
    assert code == 0, text
    import json

    data = json.loads((tmp_path / "out" / "digest.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 3 and any(a["source"].endswith("zitat.txt") for a in data["articles"])
    assert len(guids(tmp_path / "out")) == len(data["stories"])


def test_a_story_whose_rendering_fails_is_left_out_of_that_output_only(published, capsys, monkeypatch):
    from digest.publish import mail

    inputs, out, before = published
    real = mail.meta_line

    def fails_for_one(article):
        if article.source.endswith(DAY_ONE[0]):
            raise ValueError("a renderer's surprise")
        return real(article)

    monkeypatch.setattr(mail, "meta_line", fails_for_one)
    code = main(["build", str(inputs), "--out", str(out)])
    text = capsys.readouterr().out
    assert code == 0
    warned = [line for line in text.splitlines() if "left out of" in line]
    assert warned and all(DAY_ONE[0] in line and "a renderer's surprise" in line for line in warned)
    html = (out / "digest.html").read_text(encoding="utf-8")
    assert html.count('id="') >= 1 and guids(out) == before, "the others are published everywhere"


# --------------------------------------------------------------------------- 11: a deterministic suite


def test_hypothesis_draws_the_same_examples_on_every_run():
    from hypothesis import settings

    if os.environ.get("HYPOTHESIS_PROFILE", "deterministic") == "deterministic":
        assert settings().derandomize and settings().database is None


# --------------------------------------------------------------------------- 12 and usage errors


@pytest.mark.parametrize("make", [lambda tmp: tmp / "absent", lambda tmp: (tmp / "empty").mkdir() or tmp / "empty"])
def test_a_usage_error_writes_nothing(tmp_path, capsys, make):
    path = make(tmp_path)
    code, text = build(capsys, path, tmp_path / "out")
    assert code == 2 and str(path) in text
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- faults that already passed


def test_a_second_build_into_the_same_folder_waits_its_turn(published, capsys):
    from digest.publish.outputs import OutputLock

    inputs, out, before = published
    feed = (out / "feed.xml").read_bytes()
    with OutputLock(out):
        code, text = build(capsys, inputs, out)
    assert code == 2 and str(out) in text and "another digest build" in text
    assert (out / "feed.xml").read_bytes() == feed


def test_a_read_only_output_folder_changes_nothing_and_names_the_file(published, capsys, monkeypatch):
    import errno
    import tempfile

    inputs, out, before = published
    feed = (out / "feed.xml").read_bytes()

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(out))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)  # root ignores chmod: the file system refuses
    code, text = build(capsys, inputs, out)
    assert code == 2 and str(out) in text and "Read-only" in text
    monkeypatch.undo()
    assert (out / "feed.xml").read_bytes() == feed and sorted(history(out)) == sorted(before)


def test_a_build_killed_at_any_moment_loses_nothing_published(published):
    inputs, out, before = published
    shutil.copy(SEEDS / DAY_TWO[0], inputs)
    feed = (out / "feed.xml").read_bytes()
    for delay in (0.5, 2.0, 4.0):
        process = subprocess.Popen([sys.executable, "-m", "digest", "build", str(inputs), "--out", str(out),
                                    "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
        now = guids(out)
        assert set(before) <= set(now), "no published item is ever lost"
        assert set(now) <= set(history(out)), "the store knows every published item"
    assert (out / "feed.xml").read_bytes() == feed or len(guids(out)) == len(before) + 1
