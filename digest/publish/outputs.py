"""Writing outputs so that no run ever destroys the previous ones.

Every file is first written in full to a temporary file in the output folder,
flushed to disk, and only then renamed over the old one (``os.replace`` is
atomic on POSIX).  A build killed at any moment leaves each output either
entirely old or entirely new; the temporary files it leaves are removed by
the next build.  A lock file keeps two builds from writing into the same
folder at once.  Outputs get the permissions a plain ``open()`` would give
them (or keep those of the file they replace), so a web server can still
read the feed: temporary files are created private, and that must not leak.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import ContextManager, Iterable


TEMP_SUFFIX = ".digest-tmp"


class OutputLocked(Exception):
    """Another build holds the output folder."""


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data``: readers see the old file or the new one, never a part."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: dict[Path, bytes | str]) -> None:
    """Write several outputs so that a crash at any moment leaves each one whole."""
    with StagedOutputs() as staged:
        for path, data in files.items():
            staged.write(path, data)


class StagedOutputs:
    """Outputs written one by one as they are rendered, and put in place all together.

    Two phases: each output is written in full to a temporary file beside its
    final path and fsynced as soon as it is ready, so the build can forget it
    and render the next one (a 10,000-article build never holds all its
    outputs in memory at once); only when the ``with`` block ends without an
    error are they renamed into place, one quick ``os.replace`` each.  A
    failure while rendering or writing (a template error, a full disk, a
    kill) therefore changes no output at all, and the window in which a kill
    leaves some outputs new and some old is a handful of renames.
    """

    def __init__(self, around_replace: ContextManager | None = None) -> None:
        """``around_replace`` is entered around the renames: a state-store transaction
        there commits only if every output is in place, and is rolled back otherwise."""
        self._staged: list[tuple[str, Path]] = []
        self._around_replace = around_replace

    def write(self, path: Path, data: bytes | str) -> None:
        self.write_chunks(path, [data])

    def write_chunks(self, path: Path, chunks: Iterable[bytes | str]) -> None:
        """Stage ``path`` from pieces (str pieces as UTF-8), never holding the whole file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
        try:
            os.fchmod(fd, _mode_for(path))
            with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
                for chunk in chunks:
                    handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:  # a full disk, a size limit: the message names the output
            os.unlink(tmp)
            raise OSError(exc.errno, f"cannot write {path.name} (the previous one is unchanged): "
                          f"{exc.strerror}", str(path)) from None
        except BaseException:
            os.unlink(tmp)  # a part of a file is never staged
            raise
        self._staged.append((tmp, path))

    @property
    def paths(self) -> list[Path]:
        return [path for _tmp, path in self._staged]

    def __enter__(self) -> "StagedOutputs":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            self.discard()
            return
        try:
            with self._around_replace or nullcontext():
                # last staged, first renamed: what was staged first (the feed, whose history
                # the transaction records) is replaced last, so a failed rename leaves it old
                for tmp, path in reversed(self._staged):
                    os.replace(tmp, path)
        except BaseException:
            self.discard()
            raise
        for folder in {path.parent for _tmp, path in self._staged}:
            _fsync_dir(folder)
        self._staged = []

    def discard(self) -> None:
        for tmp, _path in self._staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        self._staged = []


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else what open() would create (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete temporary files a killed build left behind (call only while holding the lock)."""
    removed = []
    folder = Path(folder)
    if not folder.is_dir():
        return removed
    for candidate in folder.glob(f".*{TEMP_SUFFIX}"):
        try:
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            pass
    return removed


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class OutputLock:
    """An exclusive, process-lifetime lock on ``<out>/.digest.lock`` (``fcntl.flock``).

    The kernel drops the lock when the process dies, so a killed build never
    leaves a stale lock behind.
    """

    def __init__(self, folder: Path):
        self.path = Path(folder) / ".digest.lock"
        self._fd: int | None = None

    def __enter__(self) -> "OutputLock":
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self._fd)
            self._fd = None
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise OutputLocked(f"{self.path.parent}: another digest build is writing here; try again when it ends") from None
            raise
        os.ftruncate(self._fd, 0)
        os.write(self._fd, str(os.getpid()).encode())
        remove_stale_temporaries(self.path.parent)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
