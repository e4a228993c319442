"""``digest build`` survives every broken input in one run, and never loses what it wrote.

One run reads a folder holding every kind of broken file we know of next to
good articles: each broken file gets exactly one line naming it and saying why,
the good ones are published, and the exit status is 1 (some inputs skipped).
Then builds are killed with SIGKILL at random moments: the previous outputs
must stay complete and the state store consistent.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import feedparser
import pytest
from lxml import etree, html as lxml_html
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "data" / "bad"
SEEDS = ROOT / "seeds"
GOOD_SEEDS = ["001_7598609d504af1b1.txt", "002_b5962e9db26456b4.txt"]
IS_ROOT = os.geteuid() == 0


def digest_cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digest", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def encoded_articles() -> dict[str, str]:
    """The four sections of encodings.txt, by the encoding they will be saved in."""
    sections: dict[str, str] = {}
    for chunk in (BAD / "encodings.txt").read_text(encoding="utf-8").split("=== ")[1:]:
        name, _, body = chunk.partition("\n")
        sections[name.strip()] = body
    return sections


def make_bad_corpus(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Write the corpus; return (file → words its skip reason must contain, file → a phrase it must publish)."""
    folder.mkdir(parents=True)
    skipped: dict[str, str] = {}
    published: dict[str, str] = {}
    for seed in GOOD_SEEDS:
        shutil.copy(SEEDS / seed, folder / seed)
    published[GOOD_SEEDS[0]] = "Luxembourg AI Factory"
    shutil.copy(BAD / "empty.txt", folder / "empty.txt")
    skipped["empty.txt"] = "empty file"
    shutil.copy(BAD / "whitespace.txt", folder / "whitespace.txt")
    skipped["whitespace.txt"] = "empty file"
    # binary files with an article's name
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    skipped["photo.txt"] = "binary file (a PNG image)"
    (folder / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + os.urandom(500))
    skipped["report.txt"] = "binary file (a PDF document)"
    with zipfile.ZipFile(folder / "archive.md", "w") as archive:
        archive.writestr("inside.txt", "An article hidden in a ZIP archive. " * 50)
    skipped["archive.md"] = "binary file (a ZIP archive)"
    # 50 MB: sparse, so it costs no disk and no time to write
    with open(folder / "huge.txt", "wb") as handle:
        handle.write(b"Huge article\n")
        handle.truncate(50 * 1024 * 1024)
    skipped["huge.txt"] = "over the 20 MB limit"
    (folder / "endless.txt").write_text("and then " * 22_222 + "and", encoding="utf-8")  # 200,001 chars
    skipped["endless.txt"] = "over the 100,000 limit"
    # the same kind of text in every encoding a scraper produces
    texts = encoded_articles()
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + texts["bom"].encode("utf-8"))
    published["bom.txt"] = "Zoë Müller"
    (folder / "utf16.txt").write_bytes(texts["utf16"].encode("utf-16"))
    published["utf16.txt"] = "Søren Ødegård"
    (folder / "cp1252.txt").write_bytes(texts["cp1252"].encode("cp1252"))
    published["cp1252.txt"] = "€0.98 per litre"
    (folder / "latin1.txt").write_bytes(texts["latin1"].replace("’", "'").encode("latin-1"))
    published["latin1.txt"] = "pâtissier Jürg Brändli"
    shutil.copy(BAD / "mojibake.txt", folder / "mojibake.txt")
    published["mojibake.txt"] = "Jürgen Müller"
    (folder / "nul-bytes.txt").write_bytes(texts["nul"].encode("utf-8").replace(b"month", b"mo\x00nth")
                                           .replace(b"survey", b"\x00survey\x00"))
    published["nul-bytes.txt"] = "From next month the municipal library"
    shutil.copy(BAD / "boilerplate.txt", folder / "boilerplate.txt")
    skipped["boilerplate.txt"] = "skipped"
    shutil.copy(BAD / "french.txt", folder / "french.txt")
    published["french.txt"] = "stratégie nationale"
    # file names a terminal, JSON or the state store cannot take as they are
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-not-utf8.txt"), "wb") as handle:
        handle.write((SEEDS / "003_0a4661e90743d846.txt").read_bytes())
    published["caf\ufffd-not-utf8.txt"] = "Luxembourg"
    (folder / "two\nlines\x1b[31m.txt").write_text("", encoding="utf-8")
    skipped["two\\nlines\\x1b[31m.txt"] = "empty file"
    # things that are not files, or cannot be read
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    skipped["loop-a.txt"] = "symbolic link loop"
    skipped["loop-b.txt"] = "symbolic link loop"
    (folder / "sub").mkdir()
    (folder / "sub" / "parent").symlink_to(folder, target_is_directory=True)  # a folder loop: never walked
    os.mkfifo(folder / "pipe.txt")
    skipped["pipe.txt"] = "not a regular file (a named pipe)"
    if Path("/proc/self/mem").exists():  # unreadable even for root: reading it fails with EIO
        (folder / "unreadable.txt").symlink_to("/proc/self/mem")
        skipped["unreadable.txt"] = "cannot read"
    locked = folder / "no-permission.txt"
    locked.write_text(texts["bom"], encoding="utf-8")
    locked.chmod(0)
    if not IS_ROOT:  # root reads it anyway (then it is a copy of bom.txt: published once)
        skipped["no-permission.txt"] = "permission denied"
    return skipped, published


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    skipped, published = make_bad_corpus(base / "in")
    result = digest_cli("build", str(base / "in"), "--out", str(base / "out"))
    return base, skipped, published, result


def test_the_run_ends_with_exit_status_1_and_no_traceback(bad_run):
    _base, _skipped, _published, result = bad_run
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_every_broken_file_gets_one_line_naming_it_and_the_reason(bad_run):
    base, skipped, _published, result = bad_run
    lines = result.stdout.splitlines()
    for name, reason in skipped.items():
        mentions = [line for line in lines if f"{base / 'in' / name}:" in line]
        assert len(mentions) == 1, (name, mentions)
        assert mentions[0].startswith("skipped: ") and reason in mentions[0], (name, mentions[0])
    report = json.loads((base / "out" / "digest.json").read_text(encoding="utf-8"))
    assert {Path(s["source"]).name for s in report["skipped"]} == set(skipped)


def test_the_good_articles_are_published_with_their_text_decoded(bad_run):
    base, _skipped, published, _result = bad_run
    data = json.loads((base / "out" / "digest.json").read_text(encoding="utf-8"))
    articles = {Path(a["source"]).name: a for a in data["articles"]}
    for name, phrase in published.items():
        assert name in articles, name
        article = articles[name]
        words = "\n".join([article["title"], article["standfirst"], article["text"]])
        assert phrase in words, (name, words[:300])
        assert "\ufffd" not in words, name
        assert "\x00" not in article["text"]
    feed = feedparser.parse((base / "out" / "feed.xml").read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == len(data["stories"])  # one item per story


def test_an_article_with_no_installed_model_is_published_and_says_how_to_get_one(bad_run):
    base, _skipped, _published, result = bad_run
    data = json.loads((base / "out" / "digest.json").read_text(encoding="utf-8"))
    french = next(a for a in data["articles"] if a["source"].endswith("french.txt"))
    assert french["lang"] == "fr"
    assert french["translation"]["status"] == "not-translated"
    assert french["translation"]["install_hint"] == "digest models install fr en"
    assert "digest models install fr en" in result.stdout


def test_quiet_mode_still_names_every_skipped_file_on_stderr(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / GOOD_SEEDS[1], folder / "good.txt")
    shutil.copy(BAD / "whitespace.txt", folder / "blank.txt")
    (folder / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = digest_cli("build", str(folder), "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"skipped: {folder / 'blank.txt'}: empty file",
        f"skipped: {folder / 'photo.md'}: binary file (a PNG image), not text",
    ]


def test_the_size_limit_is_set_on_the_command_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_cb43a64e21b99d29.txt", folder / "long.txt")  # 17,985 bytes
    shutil.copy(SEEDS / GOOD_SEEDS[0], folder / "short.txt")  # 4,365 bytes
    result = digest_cli("build", str(folder), "--out", str(tmp_path / "out"), "--max-file-size", "0.01")
    assert result.returncode == 1, result.stderr
    assert f"skipped: {folder / 'long.txt'}: file is 0.0172 MB, over the 0.01 MB limit " \
           "(raise it with --max-file-size)" in result.stdout.splitlines()
    assert "1 article(s) published" in result.stdout


# --------------------------------------------------------------------------- killed builds


def assert_outputs_complete(out: Path) -> dict[str, bytes]:
    """Every output parses as what it claims to be; return their bytes."""
    contents = {name: (out / name).read_bytes() for name in
                ("feed.xml", "atom.xml", "digest.html", "digest.txt", "digest.eml", "briefing.pdf", "digest.json")}
    for name in ("feed.xml", "atom.xml"):
        etree.fromstring(contents[name])  # raises on a truncated or malformed file
    assert lxml_html.fromstring(contents["digest.html"]).xpath("//body")
    assert contents["digest.html"].rstrip().endswith(b"</html>")
    json.loads(contents["digest.json"])
    message = email.message_from_bytes(contents["digest.eml"], policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative" and message.defects == []
    assert len(PdfReader(out / "briefing.pdf").pages) >= 1
    assert contents["briefing.pdf"].rstrip().endswith(b"%%EOF")
    return contents


def assert_state_consistent(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    from digest.store.state import SCHEMA_VERSION, StateStore

    with StateStore(path) as store:
        assert store.version == SCHEMA_VERSION


def test_builds_killed_at_random_moments_never_damage_the_previous_outputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in GOOD_SEEDS:
        shutil.copy(SEEDS / seed, folder / seed)
    out = tmp_path / "out"
    started = time.monotonic()
    first = digest_cli("build", str(folder), "--out", str(out), "--quiet")
    duration = time.monotonic() - started
    assert first.returncode == 0, first.stderr
    previous = assert_outputs_complete(out)
    # later builds see a changed input, so every output would change if they finished
    shutil.copy(SEEDS / "003_0a4661e90743d846.txt", folder / "003.txt")
    rng = random.Random(7)
    # three kills at random moments of the whole run, then two while the outputs are being
    # written: as soon as the first temporary output appears, plus a few milliseconds
    moments = [("any", rng.uniform(0.2, duration)) for _ in range(3)]
    moments += [("writing", rng.uniform(0, 0.05)) for _ in range(2)]
    def temporaries() -> set[str]:
        return {p.name for p in out.iterdir() if p.name.endswith(".digest-tmp")}

    for when, delay in moments:
        left_by_the_last_kill = temporaries()
        build = subprocess.Popen([sys.executable, "-m", "digest", "build", str(folder), "--out", str(out),
                                  "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if when == "writing":
            while build.poll() is None and not temporaries() - left_by_the_last_kill:
                time.sleep(0.001)
        time.sleep(delay)
        build.send_signal(signal.SIGKILL)
        build.wait()
        now = assert_outputs_complete(out)
        assert_state_consistent(out / "state.sqlite")
        for name, data in now.items():
            if data != previous[name]:  # replaced: by a whole new output, never by a part
                previous[name] = data
    final = digest_cli("build", str(folder), "--out", str(out), "--quiet")
    assert final.returncode == 0, final.stderr
    assert_outputs_complete(out)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".digest-tmp")]
    titles = [e.title for e in feedparser.parse((out / "feed.xml").read_bytes()).entries]
    assert len(titles) == 2  # the two AI Factory reports are one story, 003 another


# --------------------------------------------------------------------------- errors the user can act on


def test_an_unexpected_error_is_one_line_and_the_previous_outputs_stay(tmp_path, monkeypatch, capsys):
    from digest.publish import mail
    from digest.cli import main

    out = tmp_path / "out"
    article = SEEDS / GOOD_SEEDS[0]
    assert main(["build", str(article), "--out", str(out), "--quiet"]) == 0
    before = assert_outputs_complete(out)

    def broken(*args, **kwargs):
        raise RuntimeError("template engine exploded")

    monkeypatch.setattr(mail, "render_text", broken)
    capsys.readouterr()
    assert main(["build", str(article), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == ["digest: error: template engine exploded (run with --debug for details)"]
    assert assert_outputs_complete(out) == before  # nothing was half-replaced
    with pytest.raises(RuntimeError, match="template engine exploded"):  # --debug: the whole traceback
        main(["--debug", "build", str(article), "--out", str(out), "--quiet"])


def test_a_state_file_that_is_not_a_store_is_a_usage_error_and_is_kept(tmp_path):
    state = tmp_path / "state.sqlite"
    state.write_text("my notes, not a database\n" * 20, encoding="utf-8")
    result = digest_cli("build", str(SEEDS / GOOD_SEEDS[0]), "--out", str(tmp_path / "out"), "--state", str(state))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"digest: error: {state}: cannot open the state store: not a digest state store, "
                           "or a damaged one (file is not a database)")
    assert f"digest state repair --state {state}" in line and "move it away" not in line
    assert state.read_text(encoding="utf-8").startswith("my notes")


def test_a_build_migrates_a_version_0_state_store_and_keeps_its_contents(tmp_path):
    from samples import make_version_0_store

    out = tmp_path / "out"
    out.mkdir()
    make_version_0_store(out / "state.sqlite", other_table=False)
    result = digest_cli("build", str(SEEDS / GOOD_SEEDS[0]), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    assert (out / "state.sqlite.v0.bak").exists()
    conn = sqlite3.connect(str(out / "state.sqlite"))
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
        assert conn.execute("SELECT value FROM cache WHERE namespace='translate' AND key='abc'").fetchone() == (
            json.dumps({"text": "Guten Morgen → Good morning"}),)
    finally:
        conn.close()


def test_when_no_file_can_be_read_each_one_is_still_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(BAD / "empty.txt", folder / "empty.txt")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = digest_cli("build", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert f"{folder / 'empty.txt'}: empty file" in output
    assert f"{folder / 'photo.txt'}: binary file (a PNG image), not text" in output


def test_debug_is_accepted_after_the_command_too(tmp_path):
    result = digest_cli("build", str(SEEDS / GOOD_SEEDS[0]), "--out", str(tmp_path / "out"), "--quiet", "--debug")
    assert result.returncode == 0, result.stderr
