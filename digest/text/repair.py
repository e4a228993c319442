"""Text repairs a scraper's dump needs before any line can be judged.

Scrapers break text in predictable ways: mojibake from a wrong decode
("LuxembourgÃ¢â‚¬â„¢s"), non-breaking and zero-width spaces, a sentence split
across two lines at an inline link ("…Start-Up Luxembourg" / ". The
competition…"), a space left before a comma where a link was removed, and an
image caption glued to the paragraph after it ("Lex DellesThe availability").
Mojibake is ftfy's job; the rest are small, line-shaped rules no library
offers for plain text, so they are written here as pure functions.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters and soft hyphens carry nothing a reader sees.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Every kind of horizontal space (NBSP, thin space, figure space, tabs) becomes one space.
_HSPACE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# "MeluXina , launched" -> "MeluXina, launched"; French keeps its thin space before ; : ! ?
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w\)\]’”\"»%])\s+([,.](?=\s|$))")
_SPACE_PUNCT_HINT = re.compile(r"\s[,.;:!?]")
_SPACE_BEFORE_PUNCT_NON_FR = re.compile(r"(?<=[\w\)\]’”\"»%])\s+([;:!?](?=\s|$))")


# UTF-8 read as Latin-1/cp1252 leaves a lead byte (Ã, Â, â, Ð, Ñ, Å, Ä…) before a continuation byte.
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00c5\u00ce-\u00d1\u00e2\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
                            "\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]")


def fix_mojibake(text: str) -> str:
    """Undo double-decoding and similar damage with ftfy, keeping curly quotes as they are."""
    if text.isascii():
        return text
    import ftfy
    from ftfy.badness import is_bad

    if not _MOJIBAKE_HINT.search(text) or not is_bad(text):  # most pages are clean: skip the full repair
        return unicodedata.normalize("NFC", text)

    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=True, fix_character_width=True,
                                  normalization="NFC", explain=False)
    return ftfy.fix_text(text, config)


def normalise_spaces(line: str) -> str:
    """One plain space between words, none at the ends; invisible characters gone."""
    line = _INVISIBLE.sub("", line)
    return _HSPACE.sub(" ", line).strip()


def fix_space_before_punctuation(line: str, lang: str = "") -> str:
    """Remove the space a removed link leaves before a comma or full stop."""
    if " " not in line or not _SPACE_PUNCT_HINT.search(line):
        return line
    line = _SPACE_BEFORE_PUNCT.sub(r"\1", line)
    if lang != "fr":
        line = _SPACE_BEFORE_PUNCT_NON_FR.sub(r"\1", line)
    return line


_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”“»«)’'\]]$")
_CONTINUATION_START = re.compile(r"^(?:[.,;:!?)\]]|[a-zäöüßàâçéèêëîïôûùüÿœæ])")


def is_continuation(previous: str, line: str) -> bool:
    """True when ``line`` continues ``previous`` mid-sentence (a line break left by an inline link).

    The signal is typographic: the previous line stops without closing
    punctuation and this one starts with punctuation or a lower-case word.
    A lower-case start alone is weak (list items, captions), so it also needs
    a long previous line that reads like running text.
    """
    if not previous or not line or _ENDS_SENTENCE.search(previous) or line.startswith("!["):
        return False
    if line[0] in ".,;:!?)]":
        return len(previous.split()) >= 4
    if _CONTINUATION_START.match(line):
        return len(previous.split()) >= 8 and len(line.split()) >= 3
    return False


def join_continuation(previous: str, line: str) -> str:
    """Glue two halves of a sentence with the right spacing."""
    if line[0] in ".,;:!?)]":
        return previous.rstrip() + line
    return previous.rstrip() + " " + line


# A caption or kicker glued to the next sentence: "…Lex DellesThe availability".
# The split point is a lower-case letter directly followed by a capitalised word
# that is a common sentence opener; camel-case names ("LuxProvide") are left alone.
_GLUE = re.compile(r"(?<=[a-zäöüßéèàç.])(?=(?:The|A|An|In|On|At|For|With|This|These|It|Its|We|Our|As|By|"
                   r"Der|Die|Das|Ein|Eine|Im|Am|Mit|Auf|Für|Es|Wir|Le|La|Les|Un|Une|Dans|Pour|Avec|Il|Elle|"
                   r"Nous|Ce|Cette)\s[a-zäöüßéèàç])")


_CAMEL = re.compile(r"[a-zäöüßéèàç.][A-Z]")


def split_glued_caption(line: str) -> tuple[str, str] | None:
    """Return ``(caption, text)`` when a short caption is glued to a sentence, else ``None``."""
    if not _CAMEL.search(line):
        return None
    match = _GLUE.search(line)
    if not match:
        return None
    head, tail = line[: match.start()], line[match.start():]
    if 2 <= len(head.split()) <= 20 and len(tail.split()) >= 8 and not re.search(r"[.!?]$", head):
        return head.strip(), tail.strip()
    return None


def strip_accents(text: str) -> str:
    """ASCII-fold for matching phrase lists ("schließen" and "schliessen" alike)."""
    if text.isascii():
        return text
    text = text.replace("ß", "ss").replace("’", "'").replace("œ", "oe").replace("æ", "ae")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
