"""Sentence splitting for English, German and French news text.

Hand-written rules rather than a library, on evidence (``python
benchmarks/summ_bench.py --splitters``): on the hard cases of issue 5 pysbd
breaks German ordinal dates apart ("Samstag," | "1. November 2025.") and keeps
French « … » quotes glued to the next sentence, and is about 100x slower
(25 ms against 0.2 ms per development article); syntok also splits the dates,
misses quotes that close after the full stop and headings on their own line,
and rebuilds sentences from tokens, so a quarter of its sentences are not
substrings of the input.  Every sentence returned here *is* an exact slice of
the input (only the surrounding whitespace is trimmed), which the translator
relies on to map summary sentences one-to-one.

The rule set is small: a sentence ends at ``.``, ``!``, ``?`` or an ellipsis
(plus any closing quotes or brackets glued to it) when whitespace and a
sentence-like start follow, unless the word before the full stop is a known
abbreviation, an initial, or an ordinal number in a date.  A line break ends a
sentence unless the next line plainly continues it (starts in lower case).
"""

from __future__ import annotations

import re

# Abbreviations that are followed by a full stop but do not end a sentence.
# Lower-cased, without the final dot.  Shared across languages: a German
# abbreviation is just as unlikely to end an English sentence.
_ABBREVIATIONS = {
    # English
    "vs", "v", "approx", "inc", "ltd", "co", "corp", "dept", "univ",
    "e.g", "i.e", "cf", "al", "ca", "op", "ed", "eds",
    # German
    "z.b", "u.a", "bzw", "ca", "ggf", "usw", "vgl", "abs", "inkl", "exkl", "evtl", "mio",
    "mrd", "tsd", "jh", "jhd", "bspw", "sog", "d.h", "o.ä", "u.ä", "z.t", "u.u", "v.a", "s.o",
    "s.u", "allg", "bzgl", "gegr", "geb", "gest", "dt", "engl", "str", "tel", "zzgl",
    "rd", "u.v.m", "uvm", "ehem", "stv", "verh", "lt",
    # French
    "env", "av", "apr", "j.-c", "cf", "mgr", "vve", "éd", "boul", "bd",
    # months and weekdays, abbreviated
    "jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov",
    "dec", "dez", "janv", "févr", "avr", "juil", "déc",
}

# Titles before a name, abbreviations only when capitalised as written: lower-case, several
# are words or units that end sentences ("was er mag.", "10 mm.", "20 ms.").
_TITLES = {
    "dr", "prof", "mr", "mrs", "ms", "mme", "mmes", "mlle", "mlles", "mm", "st", "ste", "sr", "jr",
    "gen", "gov", "sen", "rep", "rev", "hon", "pres", "lt", "col", "capt", "sgt", "insp", "dipl",
    "ing", "mag", "hr", "fr",
}

# Abbreviations that stand before a number ("No. 5", "Nr. 17", "p. 12"); elsewhere
# the same words end sentences ("The answer is no.").
_NUMBER_ABBREVIATIONS = {"no", "nos", "nr", "p", "pp", "vol", "art", "fig", "ch", "s", "bd", "tab"}

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
}

# Words after which "<number>." is an ordinal in German ("am 2. Dezember", "zum 50. Mal").
_ORDINAL_LEAD_DE = {
    "am", "an", "der", "die", "das", "dem", "den", "des", "zum", "zur", "vom", "im", "ins", "seit",
    "bis", "ab", "ihr", "ihre", "ihrem", "ihren", "sein", "seine", "seinem", "seinen", "seiner",
    "beim", "jeden", "jedem", "jede", "für", "ihres", "seines", "einem", "einer", "diesem", "dieser",
}

_TERMINAL = r"(?:\.{2,}|…|[.!?]+)"
# Closing quotes and brackets glued to the full stop, a French » after a space, and a
# quotation mark between spaces, which closes a quote (". . . " ist getreten"; a mark that
# opens one is glued to its first word).
_CLOSERS = r"(?:[\"'”“’»)\]]|[\u00a0\u202f ]»|[ ][\"”“’'](?=\s))*"
_OPENERS = "\"'“”„‚‘«‹([¿¡—–-"
_BOUNDARY = re.compile(_TERMINAL + _CLOSERS + r"(?=\s+)")


def _starts_sentence(rest: str) -> bool:
    """Could ``rest`` (text after a candidate boundary) begin a new sentence?"""
    rest = rest.lstrip()
    if not rest:
        return True
    ch = rest[0]
    if ch.isupper() or ch.isdigit() or ch in _OPENERS:
        return True
    return False


def _is_abbreviation(before: str, rest: str, lang: str) -> bool:
    """Does the full stop that ends ``before`` belong to a word rather than end a sentence?

    Only the last 40 characters of ``before`` and the first ones of ``rest`` matter."""
    tail = before[-40:]
    parts = tail.rsplit(None, 1)
    if not parts:
        return False
    word = parts[-1].lstrip("\"'“”„«»([")
    core = word.rstrip(".").lower()
    if not core:
        return False
    if core in _ABBREVIATIONS or core.lstrip("(") in _ABBREVIATIONS:
        return True
    if core.lstrip("(") in _TITLES and word.lstrip("(")[:1].isupper():
        return True
    if core in _NUMBER_ABBREVIATIONS and rest.lstrip()[:1].isdigit():
        return True
    # initials ("J. K. Rowling", "M. Macron") and the halves of "z. B.", "u. a."
    if len(core) == 1 and core.isalpha():
        return True
    # dotted abbreviations: "U.S.", "z.B.", "e.g."
    if "." in core and all(len(part) <= 2 and part.isalpha() for part in core.split(".") if part):
        return True
    # ordinal numbers: "1. November 2025", "am 2. Dezember", "der 3. Platz"
    if core.isdigit() and len(core) <= 3:
        next_word = re.match(r"\s*([^\W\d_]+)", rest)
        if next_word and next_word.group(1).lower() in _MONTHS:
            return True
        previous = parts[0].split() if len(parts) == 2 else []
        if lang == "de" and previous and previous[-1].lower() in _ORDINAL_LEAD_DE:
            return True
    return False


def _split_line(line: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one line."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        # only the next few characters and the last 40 before matter: no copies of the whole line
        rest = line[end : end + 60]
        if len(rest) == 60 and len(rest.lstrip()) < 20:  # a long run of spaces: look further
            rest = line[end:]
        if not _starts_sentence(rest):
            continue
        punct = match.group(0)
        if punct.startswith(".") and not punct.startswith("..") and _is_abbreviation(
            line[max(0, match.start() - 40) : match.start()], rest, lang
        ):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(line)))
    return spans


def _continues(previous: str, following: str) -> bool:
    """Does ``following`` (next line) continue the sentence of ``previous``?

    Hard-wrapped text continues in lower case or after a hyphen or comma; a line
    that starts with a capital after a line without end punctuation is a heading
    glued to its paragraph, so it starts a new sentence.
    """
    previous = previous.rstrip()
    following = following.lstrip()
    if not previous or not following:
        return False
    if previous.endswith(("-", ",", ";", "(")) and not previous.endswith(" -"):
        return True
    return following[0].islower()


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """Split ``text`` into sentences, each an exact substring of ``text`` (trimmed).

    Blank lines always separate sentences; a single line break does unless the
    next line continues in lower case (hard-wrapped text).
    """
    lang = (lang or "en").lower()[:2]
    sentences: list[str] = []
    if "\n" not in text:  # one line, the usual paragraph: no line breaks to carry sentences across
        for start, end in _split_line(text, lang):
            piece = text[start:end].strip()
            if piece:
                sentences.append(piece)
        return sentences
    # Work line by line, carrying an unfinished sentence across a soft line break.
    offset = 0
    pending_start: int | None = None
    lines = text.split("\n")
    positions = []
    for line in lines:
        positions.append(offset)
        offset += len(line) + 1
    for index, line in enumerate(lines):
        base = positions[index]
        if not line.strip():
            if pending_start is not None:
                _emit(sentences, text[pending_start:base])
                pending_start = None
            continue
        spans = _split_line(line, lang)
        for number, (start, end) in enumerate(spans):
            absolute_start = base + start
            if number == 0 and pending_start is not None:
                absolute_start = pending_start
                pending_start = None
            if number == len(spans) - 1:
                following = lines[index + 1] if index + 1 < len(lines) else ""
                if _continues(line, following):
                    pending_start = absolute_start
                    continue
            _emit(sentences, text[absolute_start : base + end])
    if pending_start is not None:
        _emit(sentences, text[pending_start:])
    return sentences


def _emit(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        sentences.append(piece)


# --------------------------------------------------------------------------- quotations cut by a split
# Double quotation marks only: ’ and ‘ are apostrophes too ("Luxembourg’s"), so they prove nothing.
_QUOTE_MARK = re.compile(r'[“”„«»"]')
# One quotation with no quotation mark inside it: English “…”, German „…“ (or „…”), guillemets
# «…» and »…«, straight "…".  Removed repeatedly, innermost first, to undo nesting.
_BALANCED_QUOTE = re.compile(r'“[^“”„«»"]*”|„[^“”„«»"]*[“”]|«[^“”„«»"]*»|»[^“”„«»"]*«|"[^“”„«»"]*"')
_CLOSING_FOR = {"“": "”", "„": "“", "«": "»", "»": "«", '"': '"'}
_OPENING_FOR = {"”": "“", "“": "„", "»": "«", "«": "»", '"': '"'}


def balance_quotes(sentence: str) -> str:
    """A sentence cut from a quotation that spans several sentences, with the one
    quotation mark it lacks put back.

    Picked alone, the last sentence of a long quote reads ``…deployed and scaled.”``
    (a closing mark with nothing to close) and the first one opens a quote that never
    ends.  An editor quoting part of a speech marks it as a quotation again, so the
    briefing adds the missing opening mark in front, or the closing mark at the end;
    the words stay exactly as written.  A sentence whose marks cannot be paired with
    one addition is left as it is.
    """
    if _QUOTE_MARK.search(sentence) is None:  # most sentences: no regular-expression work
        return sentence
    rest = sentence
    while True:
        shorter = _BALANCED_QUOTE.sub("", rest)
        if shorter == rest:
            break
        rest = shorter
    unpaired = list(_QUOTE_MARK.finditer(rest))
    if len(unpaired) != 1:
        return sentence
    mark = unpaired[0].group()
    before, after = rest[: unpaired[0].start()], rest[unpaired[0].end():]
    # An opening mark stands before the words it quotes: nothing (or only space, a
    # colon, a dash) between it and the start, or a space before it and a word after.
    # „ only ever opens a quotation (German closes with “), whatever stands around it.
    opens = mark == "„" or mark != "”" and (
        not before.strip(" \u00a0\u202f:–—-(") or (before[-1:].isspace() and after[:1].isalnum())
        or (mark == "«" and before[-1:].isspace())
    )
    if opens:
        spaced = "\u00a0" if mark == "«" and after[:1].isspace() else ""
        return sentence.rstrip() + spaced + _CLOSING_FOR[mark]
    if mark not in _OPENING_FOR:  # an opening-only mark ("„") that does not open here: leave it be
        return sentence
    spaced = "\u00a0" if mark == "»" and before[-1:].isspace() else ""
    return _OPENING_FOR[mark] + spaced + sentence.lstrip()


# --------------------------------------------------------------------------- a headline for an untitled article
HEADLINE_WORDS = 12  # about the length of a news headline (English ones average 8–12 words)
_CLAUSE_END = re.compile(r"[,;:]$|^[–—]$")
_TRAILING = "\"'”“’»«„,;:–—- \u00a0"


def headline_from(sentence: str, limit: int = HEADLINE_WORDS) -> str:
    """A stand-in headline taken from a sentence, for an article whose page has none.

    A briefing lists stories by headline, and "(untitled)" tells a reader nothing;
    the article's own most telling sentence (its first summary sentence) does.  A
    sentence of up to ``limit`` words is shown whole, without its full stop; a longer
    one is cut after the last clause (comma, colon, dash) that ends within ``limit``
    words and at least five words in, else after ``limit`` words less any short
    lower-case words at the end ("for", "mit der"), and ends in "…", so the reader
    sees it is an excerpt, never words the article does not have.
    """
    words = sentence.split()
    if len(words) <= limit:
        return sentence.strip().rstrip(".").rstrip() or sentence.strip()
    cut = limit
    for index in range(limit, 4, -1):  # the last clause ending within the limit
        if _CLAUSE_END.search(words[index - 1]) or (index < len(words) and _CLAUSE_END.search(words[index])):
            cut = index
            break
    kept = words[:cut]
    # A short lower-case word (the, for, mit, der, de, la) mostly leads into what follows,
    # in any of the three languages: an excerpt does not end on it ("… und schließt mit der…").
    while len(kept) > 5 and len(kept[-1]) <= 3 and kept[-1].isalpha() and kept[-1].islower():
        kept.pop()
    return balance_quotes(" ".join(kept).rstrip(_TRAILING) + "…")
