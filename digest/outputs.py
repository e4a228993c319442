"""Writing outputs so that no run ever destroys the previous ones.

Every file is first written in full to a temporary file in the output folder,
flushed to disk, and only then renamed over the old one (``os.replace`` is
atomic on POSIX).  A build killed at any moment leaves each output either
entirely old or entirely new.  A lock file keeps two builds from writing into
the same folder at once.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class OutputLocked(Exception):
    """Another build holds the output folder."""


def write_atomic(path: Path, data: bytes | str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all_atomic(files: dict[Path, bytes | str]) -> None:
    """Write several outputs; each one is replaced atomically, all only after all rendered."""
    for path, data in files.items():
        write_atomic(path, data)


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
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
