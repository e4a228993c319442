"""Find input files and decode them into :class:`Article` objects.

Scraped dumps arrive in every encoding a browser extension or a shell
redirect can produce: UTF-8 with or without BOM, UTF-16, cp1252, Latin-1,
sometimes binary files with a ``.txt`` name.  Decoding is layered from the
cheapest certain answer to the most expensive guess: BOM, strict UTF-8, a
UTF-16 shape test, then charset-normalizer.  A file that cannot be an article
becomes a :class:`LoadProblem` with a reason, and the others go on.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Union

from .article import Article

SUFFIXES = {".txt", ".md", ".html", ".htm"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

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
# C0 controls except tab and newline, DEL, C1 controls: XML forbids most of them
# and no article needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best else "cp1252"
    if encoding in {"latin_1", "iso8859_1", "ascii"}:
        encoding = "cp1252"  # a superset in the printable range, and what Windows tools write
    return data.decode(encoding, errors="replace"), encoding


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


def load_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Union[Article, LoadProblem]:
    """Read one file into an :class:`Article`, or say why it cannot be one."""
    source = str(path)
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return LoadProblem(source, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                               "(raise it with --max-file-size)")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return LoadProblem(source, f"cannot read: {exc.strerror or exc}")
    if not data.strip():
        return LoadProblem(source, "empty file")
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        return LoadProblem(source, str(exc))
    text = normalise_text(text)
    if not text.strip():
        return LoadProblem(source, "no text (only whitespace or control characters)")
    return Article(source=source, raw=text)


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Union[Path, LoadProblem]]:
    """Yield input files in a stable order; folders are walked without following links."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=None, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in SUFFIXES and not name.startswith("."):
                        yield candidate
        elif path.exists() or path.is_symlink():
            if path.is_symlink() and not path.exists():
                yield LoadProblem(str(path), "broken or looping symbolic link")
            else:
                yield path
        else:
            yield LoadProblem(str(path), "no such file or folder")


def load_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Union[Article, LoadProblem]]:
    """Load every ``.txt``/``.md``/``.html`` file under ``paths``, one at a time (streaming)."""
    for item in find_inputs(paths):
        if isinstance(item, LoadProblem):
            yield item
        elif item.is_symlink() and not item.exists():
            yield LoadProblem(str(item), "broken or looping symbolic link")
        else:
            yield load_file(item, max_bytes)
