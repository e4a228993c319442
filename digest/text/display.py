"""Display-time limits that hold whatever the input: no word wider than the page.

An input may hold a "word" of 100,000 characters (a scraper accident, a data
dump, an attack).  Every renderer gives it room to break: the HTML email and
the PDF get invisible break opportunities, the plain-text part hard breaks at
its column width, so no output promises a layout it cannot keep.
"""

from __future__ import annotations

import re

BREAK_AFTER = 30  # characters between break opportunities in a long word
_LONG_WORD = re.compile(r"[^\s\u200b]{41,}")
_URL = re.compile(r"^(https?|ftp|mailto):", re.I)


def breakable(value):
    """Give words longer than 40 characters a break opportunity every 30 (HTML and PDF).

    A zero-width space is invisible and lets the line break: without it a long
    word overflows an email client's column, and WeasyPrint's line breaking with
    ``hyphens: auto`` is quadratic in the length of an unbreakable word (one
    10,000-character word took minutes).  URLs and paths are left alone, so
    they still work when copied; non-strings pass through (Jinja ``finalize``).
    """
    if not isinstance(value, str) or len(value) < 41:
        return value
    if "/" in value and not any(ch.isspace() for ch in value):  # a URL or a file path, not prose
        return value
    return _LONG_WORD.sub(lambda m: "\u200b".join(_pieces(m.group(), BREAK_AFTER)), value)


def fit_words(text: str, width: int) -> str:
    """``text`` with every word wider than ``width`` cut into pieces of ``width`` (plain text).

    URLs stay whole, because a cut URL no longer opens; everything else (a
    word of 99,800 letters) is cut, so a wrapped line keeps its promised width.
    """
    return " ".join(
        word if len(word) <= width or _URL.match(word) else " ".join(_pieces(word, width))
        for word in text.split()
    )


def _pieces(word: str, size: int) -> list[str]:
    return [word[i:i + size] for i in range(0, len(word), size)]
