"""Recover an article's metadata from the lines around its body, with evidence.

A text dump has no ``<meta>`` tags, so every value is an inference from
position and shape: the title is the headline-shaped line just above the body
(or printed twice, or the alt text of the lead image); the date is the one
nearest the headline, not the site's "today" in the page header nor a reader
comment's timestamp.  Each value comes with an :class:`Evidence` saying where
it was found and how far to trust it, so a "page date" is never passed off as
a publication date.

Dates in the forms English, German and French pages print are matched with
regular expressions: they cover every form we meet and are far faster than
dateparser's search, which also finds dates in ordinary words.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from dataclasses import dataclass
from urllib.parse import urlparse

from ..article import Evidence

MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "jaenner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3, "mär": 3, "mai": 5,
    "juni": 6, "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3, "avril": 4, "avr": 4,
    "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
}
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    # 2 December 2025 · 1. November 2025 · 1er décembre 2025 · 2nd Dec. 2025
    re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)(?:\.|er|st|nd|rd|th)?\s*(?:of\s+)?(?P<m>{_MONTH})\.?,?\s+{_YEAR}(?!\d)", re.I),
    # December 2, 2025 · Dec. 2 2025
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I),
    # 2025-12-02
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
    # 02.12.2025 · 07-01-2025 · 02/12/2025
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)"),
    # December 2025 · Juni 2025
    re.compile(rf"(?<![\w.])(?P<m>{_MONTH})\.?\s+{_YEAR}(?!\d)", re.I),
]
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_TIME = re.compile(r"\b(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*(?:am|pm|uhr|h)\b|\s*[ap]\.m\.|\b)", re.I)  # also "10:41 a.m."
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/([01]\d)(?:/([0-3]\d))?/")


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int


def find_dates(text: str, lang: str = "") -> list[DateMatch]:
    """Every date in ``text`` as ISO 8601 (``YYYY-MM-DD`` or ``YYYY-MM``), in order of position."""
    return list(_dates_in(text, lang)) if _YEAR_HINT.search(text) else []


@lru_cache(maxsize=16384)  # the line classifier and the date search both ask for every line
def _dates_in(text: str, lang: str) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    windows = _year_windows(text)
    for pattern in _DATE_PATTERNS:
        for m in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = _to_iso(m, lang)
            if iso:
                found.append(DateMatch(iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda d: d.start))


_DATE_REACH = 48  # characters a written date stretches on either side of its year


def _year_windows(text: str) -> list[tuple[int, int]]:
    """Where dates can be: every date has a year, so only the stretches around years are searched
    (a paragraph is mostly not dates).  Lookbehinds still see the text before a window; a window
    ends well after its year, so lookaheads after a date see the real text too."""
    windows: list[tuple[int, int]] = []
    for m in _YEAR_HINT.finditer(text):
        start, end = max(0, m.start() - _DATE_REACH), min(len(text), m.end() + _DATE_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _to_iso(m: re.Match, lang: str) -> str:
    groups = m.groupdict()
    year = int(groups["y"])
    month_text = groups["m"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    day = groups.get("d")
    if day is None:
        return f"{year:04d}-{month:02d}" if month else ""
    day = int(day)
    if groups.get("sep") == "/" and lang == "en" and month_text.isdigit() and day <= 12:
        day, month = month, day  # English pages with slashes write month first: 12/02/2025 is 2 December
    try:
        return dt.date(year, month, day).isoformat()
    except (TypeError, ValueError):
        if month and 1 <= month <= 12 and 1 <= day <= 12:  # 12/31 style swapped
            try:
                return dt.date(year, day, month).isoformat()
            except ValueError:
                return ""
        return ""


def beside_dates(line: str, dates: list[DateMatch] | None = None) -> str:
    """The line with its dates blanked out: what a date line prints beside them."""
    for d in reversed(find_dates(line) if dates is None else dates):
        line = line[: d.start] + " " + line[d.end:]
    return line


# A release's own label before its date: "Pressemitteilung Nr. 87/2024 vom 03.06.2024", "Communiqué du 5 juin 2024".
_RELEASE_LABEL = re.compile(
    r"^(?:presse(?:mitteilung|meldung|information)|medienmitteilung|press release|news release|communiqu[ée](?: de presse)?)"
    r"(?:\s+(?:nr|no|n°)\.?\s*[\d/.-]+)?\s+(?:vom|from|of|du)\s+(?=\S*\d)", re.I)


def is_date_line(line: str) -> bool:
    """A line that is only a date (and maybe a time or a weekday): a dateline or a comment stamp,
    also under a release's label ("Pressemitteilung vom 08.05.2024")."""
    if line.count(" ") > 14 or "%" in line:  # (a figure beside a date: "CET1 ratio: 16.9% (31 December 2023: …)")
        return False
    line = _RELEASE_LABEL.sub("", line)
    dates = find_dates(line)
    if not dates:
        return False
    rest = _TIME.sub(" ", beside_dates(line, dates))
    rest = re.sub(r"[\W\d_]+", " ", rest).split()
    rest = [w for w in rest if w.lower() not in _DATE_FILLERS]
    return len(rest) <= 1


_DATE_FILLERS = {
    "am", "pm", "uhr", "um", "at", "on", "le", "à", "published", "updated", "modified", "veröffentlicht", "aktualisiert",
    "publié", "mis", "jour", "stand", "posted", "h", "min", "gmt", "cet", "mez", "utc", "cest", "mesz",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "de", "du", "the",
}

# What a date stamp may print beside its date ("Veröffentlicht am … von …", "Zuletzt aktualisiert …",
# "By … | 10 hours ago"): a date line's words, and a few cues and byline words is_date_line leaves out.
# Read by the cleaner's date stamps and by relative dates.
STAMP_WORDS = frozenset(_DATE_FILLERS | {"last", "erschienen", "zuletzt", "modifié", "erstellt", "by", "von", "par"})


_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_THIS_WEEKDAY = re.compile(r"\b(?:an diesem|am|on|this|ce)\s+(" + "|".join(_WEEKDAYS) + r")\b", re.I)


def weekday_before(text: str, bound: str) -> str:
    """The date of a weekday the text mentions ("an diesem Dienstag"), the last one on or before ``bound``.

    Used when the only firm date is an upper bound, such as the first reader
    comment: the article speaks of its own week.
    """
    m = _THIS_WEEKDAY.search(text)
    if not m or len(bound) != 10:
        return ""
    day = dt.date.fromisoformat(bound)
    target = _WEEKDAYS[m.group(1).lower()]
    return (day - dt.timedelta(days=(day.weekday() - target) % 7)).isoformat()


def date_from_url(url: str) -> str:
    """``/2026/06/`` in an upload or article path -> ``2026-06``."""
    m = _URL_DATE.search(url or "")
    if not m:
        return ""
    year, month, day = m.groups()
    if not 1 <= int(month) <= 12:
        return ""
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


def evidence(value: str, source: str, confidence: float) -> Evidence:
    return Evidence(value=value, source=source, confidence=round(confidence, 2))


# --------------------------------------------------------------------------- publisher

_PUBLISHER_PATTERNS = [
    re.compile(r"\bfrom the ([A-ZÉÀ][\w&.' -]{1,40}?) newsroom\b"),
    re.compile(r"^(?:Trending|Popular|Most read|Latest|More) (?:at|on|from) ([A-ZÉÀ][\w&.' -]{1,40})$"),
    # a copyright line: the site's domain ("© 2020 Vergleich.de Gesellschaft für …"), else the name up to a
    # comma, bar, dash, "All rights" or a full stop that is not inside the name ("e.V.", "St.Galler", "Sat.1")
    re.compile(r"^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*"
               r"(?:(?:www\.)?((?:[\w-]+\.)+(?-i:[a-z]{2,6}))\b(?![.\w-])"
               r"|([A-ZÉÀ][\w&.' -]{1,40}?)(?:\.(?!(?-i:[\da-z]))(?!(?<=\b\w\.)\w)(?!(?<=\b\w\w\.)\w)|[,|]|\s+All rights| – | - |$))",
               re.I),
    # the site's legal line: "Clearwater Futures is a registered charity in England and Wales (1071185) …"
    re.compile(r"^((?:[A-ZÉÀÄÖÜ][\w&.'-]*)(?: (?:[A-ZÉÀÄÖÜ][\w&.'-]*|&|and|und|et|of|for|für|de|du|des|la|le)){0,5})"
               r" (?i:is a registered (?:charity|company|society)|"
               r"ist ein(?:e)? (?:eingetragene[rs]? |gemeinnützige[rs]? )(?:verein|genossenschaft|stiftung)|"
               r"est une association (?:loi 1901|sans but lucratif|reconnue d'utilité publique))\b"),
]


_PUBLISHER_KINDS = ("a newsroom line", "a site teaser line", "a copyright line", "a charity's or society's legal line")
# What a copyright line prints around the name: "Copyright 2016", "Cointelegraph 2013", "since 2010 by …"
_NOT_THE_NAME = re.compile(r"\b(?:copyright|since|seit|depuis|by|von|par)\b|©|\(c\)|\b(?:19|20)\d\d\b|[-–]\s*$"
                           r"|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits r[ée]serv[ée]s\b", re.I)


_DOTTED_END = re.compile(r"\b(?:\w\.)+\w$")


def _publisher_name(found: str) -> str:
    """The name in what a publisher pattern caught, without the words and years of a copyright
    notice; "" when no name is left ("Copyright 2016", "since 2010 by C")."""
    name = " ".join(_NOT_THE_NAME.sub(" ", found).split()).strip(" .,-–|")
    if _DOTTED_END.search(name):  # "AWO Bundesverband e.V": the abbreviation's own full stop
        name += "."
    return name if sum(ch.isalpha() for ch in name) >= 2 else ""


def publisher_from_lines(lines: list[str], numbers: list[int] | None = None) -> tuple[str, str]:
    """Return ``(publisher, evidence source)`` from site furniture: newsroom teasers, copyright lines, logos.

    The source names the line (its number in the input when ``numbers`` is given) and its kind; it
    never quotes the line, which is furniture the cleaner removed and must not reach an output.
    """
    name, index, kind = _publisher_line(tuple(lines))
    if not name:
        return "", ""
    number = numbers[index] if numbers else index + 1
    if kind:
        return name, f"site line {number} ({kind})"
    return name, f"logo text on line {number} (the name printed twice, as image alt text and text)"


@lru_cache(maxsize=4)  # the title search and the metadata both ask, for the same page
def _publisher_line(lines: tuple[str, ...]) -> tuple[str, int, str]:
    """(name, line index, kind of line; "" for a logo), or ("", -1, "")."""
    for index, line in enumerate(lines):
        for kind, pattern in zip(_PUBLISHER_KINDS, _PUBLISHER_PATTERNS):
            m = pattern.search(line)
            if m:
                name = _publisher_name(next(group for group in m.groups() if group))
                if 1 <= len(name.split()) <= 5:
                    return name, index, kind
    for index, line in enumerate(lines[:15]):
        logo = logo_name(line)
        if logo:
            return logo, index, ""
    return "", -1, ""


def logo_name(line: str) -> str:
    """A logo's alt text and name side by side ("Demaart De Maart") -> "De Maart"."""
    words = line.split()
    if not 2 <= len(words) <= 8 or len(line) > 60:
        return ""
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if left.replace(" ", "").lower() == right.replace(" ", "").lower() and right[:1].isupper():
            return right
    return ""


def publisher_from_url(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


# --------------------------------------------------------------------------- bylines

_BYLINE_NAME = r"(?P<name>[A-ZÄÖÜÉ][\w'’.-]+(?:\s+(?:[A-ZÄÖÜÉ][\w'’.-]+|von|van|de|der|la|le|du|and|und|et|&)){0,6})"
# After the name: a separator and anything (a hyphen only after a space: "Von Youtube-Netzwerken
# lernen" is a heading), the author's role or agency in brackets ("Par Claire Vasseur (médecin)",
# "Von Anna Schmidt (dpa)"), a date glued to it ("By Sage Anderson2020-02-20 13:52:51 UTC"), the date
# after its cue ("By Umair Irfan Updated Nov 13, 2019", "Von Jörg Staff am 16.11.2022"), or nothing.
_BYLINE_END = (r"(?:\s*[,|–—·•/].*|\s+-.*|\d.*|\s*\([^()\d]{1,60}\)|\s+(?i:updated|published|posted|aktualisiert|veröffentlicht|am|on|le|publié|"
               r"mis à jour)\b(?=.*\d).*)?$")
_BYLINES = (
    # "By", "Author": only ever a byline's cue, so the name may be written in any case ("Author Mobasir hassan")
    re.compile(r"^(?:by|written by|words by|text by|reporting by|reviewed by|rezensiert von|posted by|"
               r"geschrieben von|verfasst von|eingetragen von|erstellt von|"
               r"gepostet von|(?:article )?[ée]crit par|"
               # "Von unserem Mitarbeiter Bernd Wehrle", "De notre correspondante Anne Muller"
               r"von unser(?:em|er) (?:freien? )?(?:mitarbeiter(?:in)?|korrespondent(?:en|in)|redakteur(?:in)?|reporter(?:in)?)|"
               r"(?:de|par) notre (?:correspondante?|envoy[ée]e? sp[ée]ciale?)|"
               r"(?:article )?r[ée]dig[ée] par|autor(?:in)?|author)"
               r"\s*:?\s+" + _BYLINE_NAME + _BYLINE_END, re.I),
    # "Von", "Par", "De", "Text" also begin headings and sentences ("Von dieser Testpflicht gibt es
    # Ausnahmen", "Texte d’intention"): a byline only when a capitalised name follows
    re.compile(r"^(?i:von|par|text|texte|de)\s*:?\s+" + _BYLINE_NAME + _BYLINE_END),
    # an interview's byline: "Interview: Claudia Ritter · Fotos: …", "Propos recueillis par Anne Muller"
    re.compile(r"^(?i:interview\s*:|interview(?:t)? von|propos recueillis par|entretien (?:r[ée]alis[ée] )?par)\s+"
               + _BYLINE_NAME + _BYLINE_END),
)
# "Posted on March 3, 2024 by Gareth Mull", "Mis à jour le 5 avril 2024 à 10h12 par Paul Martin": a date
# stamp, then the cue and a capitalised name.  "by", "von" and "par" are common words, so what stands
# before them must be a stamp (see _is_stamp): "Eröffnet am 4. Mai 2024 von Thomas Spies" is a caption.
_STAMPED_BYLINE = re.compile(r"^(?P<stamp>.*?\d.*?)\s+(?i:by|von|par)\s*:?\s+" + _BYLINE_NAME + _BYLINE_END)
BYLINE_WORDS = 14  # a byline names an author, perhaps a role and a date; a longer line is a sentence
# What every byline pattern below needs (its cue first, a cue after a stamp, or a comma before the role): one
# cheap search rules out most lines of a page before the patterns run
_MAY_BE_BYLINE = re.compile(r"^(?:by|written|words|text|reporting|reviewed|rezensiert|posted|geschrieben|verfasst|"
                            r"eingetragen|erstellt|gepostet|[ée]crit|"
                            r"r[ée]dig|autor|author|"
                            r"von|par|de|interview|propos|entretien|article)|\s(?:by|von|par)\b|,", re.I)
# What a byline may print after the name without counting as its words: the date after a bar ("Par Julie
# Marchand | Publié le 18/09/2025 à 16h40, mis à jour le …"), and the post's categories after a byline that
# says the post was published ("Publié le 2 juin 2025 par Élodie Vandamme dans Actualités du studio, Santé")
_STAMP_PART = re.compile(r"\s+[|·•]\s+(?P<stamp>[^|·•]*\d[^|·•]*)$")
_POSTED = re.compile(r"(?i)(?:posted|published|publié|publiée|veröffentlicht|erschienen|mis en ligne)\b")
_FILED_UNDER = re.compile(r"\s+(?i:in|dans|im|unter|filed under)\s+[A-ZÄÖÜÉ][^.!?]*$")
# "Tom Krisher, AP Auto Writer", "Anna Weber, Redakteurin": a name, then the author's role
# (words before the role capitalised: "Climate Change, the Editor" is no byline)
_ROLE_BYLINE = re.compile(
    r"^(?P<name>[A-ZÄÖÜÉ][\w'’.-]+(?:\s+[A-ZÄÖÜÉ][\w'’.-]+){1,3}),\s+(?:[A-Z][\w.&-]*\s+){0,3}"
    r"(?i:writer|reporter|correspondent|editor|columnist|contributor|redakteur(?:in)?|korrespondent(?:in)?|"
    r"journalist(?:in)?|autor(?:in)?|r[ée]dact(?:eur|rice)|correspondant(?:e)?|journaliste|chroniqueu(?:r|se)|"
    r"redaktion(?: [\w-]+)?)$")  # (a desk: "Dirk Hollmann, Redaktion Märkte")
_TRAILING_SEPARATORS = " \t,;:|·•/–—-"


# Where text glued onto a name begins: a digit ("Nadja Demel13.12.2022"), or capitals straight
# after a lower-case letter ("Jonathan GarberFOXBusiness"; "DeVito" and "McDonald" stay whole).
_GLUED_AFTER_NAME = re.compile(r"\d|(?<=[a-zäöüßéèà])(?=[A-ZÄÖÜ]{2})")


def tidy_author(name: str) -> str:
    """An author name without the separator a byline left on it ("Jan Peeters ·" -> "Jan Peeters")
    or the date or site name a scraper glued to it ("Nadja Demel13.12.2022" -> "Nadja Demel"), written
    as a name where the page printed it in capitals ("LISA MASCARO" -> "Lisa Mascaro")."""
    name = _GLUED_AFTER_NAME.split(name or "", 1)[0].strip().strip(_TRAILING_SEPARATORS).strip()
    words = name.split()
    # "LISA MASCARO": capitals are the page's style, not the name ("AP AND REUTERS" holds acronyms: kept)
    if len(words) >= 2 and all(word.isupper() and len(word) > 3 for word in words):
        name = name.title()
    return name


def _is_stamp(text: str) -> bool:
    """Only a date and what a date stamp prints beside it (a time, a weekday, "Posted on", "Zuletzt
    aktualisiert am", "Mis à jour le"): the opening of a byline that gives its date first.  Stricter than
    :func:`is_date_line`, which lets one other word pass ("Opened on March 3, 2024" is no stamp)."""
    dates = find_dates(text)
    if not dates:
        return False
    rest = _TIME.sub(" ", beside_dates(text, dates))
    return all(word.lower() in STAMP_WORDS for word in re.findall(r"[^\W\d_]+", rest))


def _byline_match(text: str) -> re.Match | None:
    for pattern in (*_BYLINES, _STAMPED_BYLINE, _ROLE_BYLINE):
        m = pattern.match(text)
        if m and (pattern is not _STAMPED_BYLINE or _is_stamp(m.group("stamp"))):
            return m
    return None


def byline_author(line: str) -> str:
    """The author named in a byline ("By Jane Doe", "Von Max Muster", "Par Jean Dupont",
    "Tom Krisher, AP Auto Writer", "Posted on March 3, 2024 by Gareth Mull in News")."""
    text = line.strip()
    words = len(text.split())
    if words > 2 * BYLINE_WORDS or not _MAY_BE_BYLINE.search(text):
        return ""
    filed = _FILED_UNDER.search(text) if _POSTED.match(text) else None
    if filed and _STAMPED_BYLINE.match(text[:filed.start()]):
        text = text[:filed.start()]
        words = len(text.split())
    m = _byline_match(text) if words <= BYLINE_WORDS else None
    if not m:  # the name before a stamp after a bar, however long ("Par Camille Lefort | Publié le …", "Dirk
        # Hollmann, Redaktion Märkte | 08.05.2025"): the byline without it
        part = _STAMP_PART.search(text) if "|" in text or "·" in text or "•" in text else None
        if not part or not _is_stamp(part.group("stamp")) or len(text[:part.start()].split()) > BYLINE_WORDS:
            return ""
        text = text[:part.start()]
        m = _byline_match(text)
        if not m:
            return ""
    name = tidy_author(m.group("name"))
    if not name or name.split()[0].lower() in {"the", "der", "die", "das", "le", "la"}:
        return ""
    if m.re is _BYLINES[1] and " " not in name and text[m.end("name"):].lstrip()[:1] in (",", ""):
        return ""  # "Von Sprachregeln, Gender-Politik und …" is a heading: "Von" wants a full name here
    if m.re is _BYLINES[0] and name[:1].islower() and text.rstrip(" \"'”’»)").endswith((".", "!", "?")):
        return ""  # "By contrast, says Mr Cox, …", "By far the most useful gadget.": a sentence (not "by oz on …")
    return name
