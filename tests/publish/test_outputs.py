"""Outputs are replaced whole or not at all, and one build at a time writes a folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from digest.publish import outputs
from digest.publish.outputs import OutputLock, OutputLocked, write_all_atomic, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "feed.xml"
    write_atomic(target, "<rss>old</rss>")
    write_atomic(target, "<rss>new – ünïcode</rss>")
    assert target.read_text(encoding="utf-8") == "<rss>new – ünïcode</rss>"
    assert [p.name for p in target.parent.iterdir()] == ["feed.xml"]


def test_a_failure_while_writing_changes_no_output_at_all(tmp_path, monkeypatch):
    old = {tmp_path / name: f"old {name}" for name in ("feed.xml", "digest.html", "briefing.pdf")}
    write_all_atomic(old)
    calls = []
    real_fsync = os.fsync

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 3:  # the third output hits a full disk
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(outputs.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space"):
        write_all_atomic({path: "new " + path.name for path in old})
    monkeypatch.undo()
    for path, content in old.items():
        assert path.read_text() == content, "the first outputs must not be replaced before all are written"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.pdf", "digest.html", "feed.xml"]


def test_temporaries_left_by_a_killed_build_are_removed_by_the_next_one(tmp_path):
    (tmp_path / "digest.html").write_text("kept")
    stale = tmp_path / f".digest.html.abc123{outputs.TEMP_SUFFIX}"
    stale.write_text("half a page")
    with OutputLock(tmp_path):
        pass
    assert not stale.exists()
    assert (tmp_path / "digest.html").read_text() == "kept"


HOLD_LOCK = """
import sys, time
from digest.publish.outputs import OutputLock
with OutputLock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def lock_holder(tmp_path):
    """Another process holding the lock on tmp_path/out (stands in for a running build)."""
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    yield out, holder
    if holder.poll() is None:
        holder.kill()
    holder.wait()
    holder.stdout.close()


def test_a_second_writer_is_refused_while_another_process_holds_the_folder(lock_holder):
    out, holder = lock_holder
    with pytest.raises(OutputLocked, match="another digest build is writing here"):
        with OutputLock(out):
            pass
    assert (out / ".digest.lock").read_text() == str(holder.pid)


def test_a_second_digest_build_refuses_with_one_clear_line_and_exit_status_2(lock_holder, tmp_path):
    out, _holder = lock_holder
    (out / "digest.html").write_text("the running build's output")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nA sentence long enough to be an article body, with words.\n")
    result = subprocess.run([sys.executable, "-m", "digest", "build", str(article), "--out", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"digest: error: {out}: another digest build is writing here; try again when it ends"]
    assert "Traceback" not in result.stderr + result.stdout
    assert (out / "digest.html").read_text() == "the running build's output"


def test_the_lock_dies_with_a_killed_build(lock_holder):
    out, holder = lock_holder
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with OutputLock(out) as lock:  # no stale lock: the kernel released it
        assert lock.path.read_text() == str(os.getpid())


def test_outputs_are_readable_like_any_new_file_and_keep_a_mode_set_on_purpose(tmp_path):
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "feed.xml", "<rss/>")
        assert (tmp_path / "feed.xml").stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
        (tmp_path / "feed.xml").chmod(0o640)
        write_atomic(tmp_path / "feed.xml", "<rss>new</rss>")
        assert (tmp_path / "feed.xml").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)
