"""Find input files and decode them into :class:`Article` objects.

Scraped dumps arrive in every encoding a browser extension or a shell
redirect can produce: UTF-8 with or without BOM, UTF-16, cp1252, Latin-1,
sometimes binary files with a ``.txt`` name.  Decoding is layered from the
cheapest certain answer to the most expensive guess: file signature (binary),
BOM, a UTF-16 shape test, strict UTF-8, UTF-8 with a few stray bytes, cp1252
when the result reads like Western European text, then charset-normalizer.
A file that cannot be an article becomes a :class:`LoadProblem` with a
reason, and the others go on.

Reading never trusts the file system: only regular files are read (a FIFO or
device with an article's name would block or never end), opened non-blocking,
checked on the open descriptor and read in chunks up to ``max_bytes``; folders
are walked without following links.  The limits (``DEFAULT_MAX_BYTES``,
``DEFAULT_MAX_LINE_CHARS``) are arguments of :func:`load_file` and
:func:`load_paths`; ``digest build --max-file-size MB`` sets the first.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Union

from ..article import Article

SUFFIXES = {".txt", ".md", ".html", ".htm"}
_MB = 1024 * 1024  # --max-file-size counts in these
DEFAULT_MAX_BYTES = 20 * _MB
# The longest line a .txt/.md article may have.  A whole long-read joined into
# one paragraph is ~50,000 characters; a line twice that is a data dump or a
# scraper accident, and would fill dozens of pages of the PDF.  HTML is exempt (minified
# pages are one line) because it is parsed, not read line by line.
DEFAULT_MAX_LINE_CHARS = 100_000
_HTML_SUFFIXES = {".html", ".htm"}

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Removed from every input, so no later stage or output ever sees them:
# C0 controls except tab and newline, DEL and C1 controls (XML forbids most of
# them and no article needs them); U+FFFE/U+FFFF (not XML characters either);
# the bidi embedding, override and isolate controls, which let a title display
# as something other than what it says (U+202E turns "txt.exe" into
# "exe.txt").  Invisible marks such as U+200E (LRM) stay: they cannot reorder.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


# Characters a file name may hold that must not reach a terminal, a report
# line or an output as they are: controls (a newline would split "one line per
# problem", ESC starts terminal sequences) and bidi controls.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def display_path(path: str | Path) -> str:
    """The path as text that is safe to print and to store: always valid Unicode, on one line.

    File names are bytes on POSIX; one that is not valid UTF-8 arrives in
    Python with lone surrogates, which no UTF-8 output (terminal, JSON, the
    state store) can encode.  They become U+FFFD, and control characters are
    shown escaped (``\\n``, ``\\x1b``).
    """
    text = os.fsdecode(path)
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], text)


@dataclass
class LoadProblem:
    """An input that could not become an article; ``message`` says why."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class DecodeError(ValueError):
    pass


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`DecodeError` for binary data."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding + " (BOM)"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if data.count(b"\x00") > max(8, len(data) // 100):
        raise DecodeError("binary file (many NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # a UTF-8 page with a pasted cp1252 fragment: keep both readable
        return data.decode("utf-8", errors=_STRAY_BYTES), "utf-8 (stray bytes read as cp1252)"
    western = _plausible_cp1252(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best else "cp1252"
    if encoding in {"latin_1", "iso8859_1", "ascii"}:
        encoding = "cp1252"  # a superset in the printable range, and what Windows tools write
    return data.decode(encoding, errors="replace"), encoding


def _cp1252_for_stray_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


_STRAY_BYTES = "digest-cp1252-stray-bytes"
codecs.register_error(_STRAY_BYTES, _cp1252_for_stray_bytes)


def _mostly_utf8(data: bytes) -> bool:
    """True when valid UTF-8 multi-byte characters outnumber the invalid bytes.

    Single-byte text almost never forms valid UTF-8 sequences by chance, so a
    file with many of them and a few invalid bytes is UTF-8 that was patched
    with something else; reading it all as cp1252 would garble every accent.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    return valid >= 2 * invalid


# What non-ASCII characters in English, German, French (and Luxembourgish,
# Portuguese, Nordic names) look like once decoded: a single-byte text whose
# non-ASCII characters are nearly all of these is cp1252 (or Latin-1, its
# subset).  charset-normalizer, left alone, reads short French or German texts
# as DOS code pages (cp437, cp850) and turns "€" into "Ç".
_WESTERN = set(
    "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœšžßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒŠŽ"
    "€‘’‚“”„–—…«»‹›°·×÷£¥§©®±²³µ¹º¼½¾¿¡ªð\u00a0"
)


def _plausible_cp1252(data: bytes) -> str | None:
    """The text as cp1252 when that reads like Western European prose, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: some other encoding
        return None
    special = [ch for ch in text if ord(ch) > 127]
    if not special:
        return text
    western = sum(ch in _WESTERN for ch in special)
    letters = sum(ch.isalpha() for ch in text)
    # Western prose is mostly ASCII letters (French ~4 % accented, German ~2 %);
    # Cyrillic or Greek read as cp1252 is almost all accented "letters".
    if western >= 0.9 * len(special) and len(special) <= 0.25 * max(letters, 1):
        return text
    return None


def _utf16_without_bom(data: bytes) -> str:
    """Recognise UTF-16 text without a BOM by its NUL bytes at every other position."""
    sample = data[:4096]
    if len(sample) < 16:
        return ""
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return ""


def normalise_text(text: str) -> str:
    """Unify newlines and remove control characters, keeping the text's shape."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _CONTROL.sub("", text)


def load_file(
    path: str | Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
) -> Union[Article, LoadProblem]:
    """Read one file into an :class:`Article`, or say why it cannot be one."""
    data = read_input(path, max_bytes)
    if isinstance(data, LoadProblem):
        return data
    return article_from_bytes(display_path(path), data, max_line_chars)


def read_input(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Union[bytes, LoadProblem]:
    """The bytes of one input file, or why they cannot be read.

    The file is opened non-blocking and checked on the open descriptor, so a
    FIFO, socket or device with an article name is refused instead of hanging
    the build, and a file swapped between the check and the read cannot slip
    past the size limit.  At most ``max_bytes`` are ever read.  Apart from
    :func:`article_from_bytes` because the build hashes the bytes to find a
    cached result before any decoding, and decodes in a worker process.
    """
    source = display_path(path)
    try:
        data = _read_capped(path, max_bytes)
    except _Refused as exc:
        return LoadProblem(source, str(exc))
    except OSError as exc:
        return LoadProblem(source, _os_reason(exc))
    if not data.strip():
        return LoadProblem(source, "empty file")
    return data


def article_from_bytes(
    source: str, data: bytes, max_line_chars: int = DEFAULT_MAX_LINE_CHARS
) -> Union[Article, LoadProblem]:
    """Decode one file's bytes into an :class:`Article`, or say why they are no article text."""
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        return LoadProblem(source, str(exc))
    text = normalise_text(text)
    if not text.strip():
        return LoadProblem(source, "no text (only whitespace or control characters)")
    if max_line_chars and Path(source).suffix.lower() not in _HTML_SUFFIXES:
        longest = max(len(line) for line in text.split("\n"))
        if longest > max_line_chars:
            return LoadProblem(source, f"a line of {longest:,} characters, over the {max_line_chars:,} limit: "
                               "not article text (raise it with --max-line-length)")
    return Article(source=source, raw=text)


class _Refused(Exception):
    """The path exists but is not something we read (too big, not a regular file)."""


READ_TRIES = 3  # reads of a file that keeps changing before it is skipped


def _read_capped(path: str | Path, max_bytes: int) -> bytes:
    """The file's bytes as they were at one moment: size and modification time are
    compared before and after each read, and a file that changed meanwhile (a scraper
    still writing it) is read again, so half an article is never published."""
    for _try in range(READ_TRIES):
        data, before, after = _read_once(path, max_bytes)
        if before == after and len(data) == before[0]:
            return data
    raise _Refused(f"changed while being read, {READ_TRIES} times: skipped (build again once it is written)")


def _read_once(path: str | Path, max_bytes: int) -> tuple[bytes, tuple[int, int], tuple[int, int]]:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(f"not a regular file ({_file_kind(info.st_mode)}), not read")
        if info.st_size > max_bytes:
            raise _Refused(f"file is {info.st_size / _MB:.3g} MB, over the {max_bytes / _MB:.3g} MB limit "
                           "(raise it with --max-file-size)")
        chunks: list[bytes] = []
        remaining = max_bytes + 1  # one byte more tells a file that grew past the limit
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        done = os.fstat(fd)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise _Refused(f"file grew past the {max_bytes / _MB:.3g} MB limit while being read")
    return data, (info.st_size, info.st_mtime_ns), (done.st_size, done.st_mtime_ns)


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read: symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "cannot read: no such file (or a broken symbolic link)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    return f"cannot read: {exc.strerror or exc}"


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Union[Path, LoadProblem]]:
    """Yield input files in a stable order, one folder at a time (never the whole tree in memory).

    Folders are walked without following symbolic links, so a link loop can
    never make the walk endless; a folder that cannot be listed becomes a
    :class:`LoadProblem` instead of silently contributing nothing.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            errors: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=errors.append, followlinks=False):
                yield from (_walk_problem(exc) for exc in errors)
                errors.clear()
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in SUFFIXES and not name.startswith("."):
                        yield candidate
            yield from (_walk_problem(exc) for exc in errors)
        elif path.is_symlink() and not path.exists():
            yield LoadProblem(display_path(path), "broken or looping symbolic link")
        elif path.exists():
            yield path
        else:
            yield LoadProblem(display_path(path), "no such file or folder")


def _walk_problem(exc: OSError) -> LoadProblem:
    return LoadProblem(display_path(exc.filename or "?"), "cannot list folder: " + (exc.strerror or str(exc)))


def load_paths(
    paths: Iterable[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
) -> Iterator[Union[Article, LoadProblem]]:
    """Load every ``.txt``/``.md``/``.html`` file under ``paths``, one at a time (streaming)."""
    for item in find_inputs(paths):
        if isinstance(item, LoadProblem):
            yield item
        else:
            yield load_file(item, max_bytes, max_line_chars)
