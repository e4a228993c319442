"""Which date on a page is its publication date: candidates by page position, a scored choice.

A text dump has many dates: the site's "today" in the header, the dateline
beside the headline, "Published … / Updated …", event dates in the body,
teasers of related articles, reader comments and the copyright year in the
footer.  Parsing them is the easy part (:func:`digest.text.metadata.find_dates`
for absolute dates, ``dateparser`` for relative ones); this module is the page
structure: *where* a date stands and *what words* stand beside it decide how
much it says about when the article was published.

The signals, each with the reason it holds on any news or blog page:

* **zone** – a date within a few lines of the headline or at the very start of
  the body (a dateline) is the article's; a date far above the headline is the
  site's header; one after the body's end belongs to comments or teasers,
  unless it sits in the byline-like lines right under the body ("Posted by … on
  …" on blogs); one inside a paragraph is usually an event the article reports.
* **line shape** – a line that is only a date (with a weekday, a time, a
  "Published") is a dateline; a byline carrying a date is the article's too, with
  or without a "by" ("Janic Cathomen, 01.12.2021").
* **cue words** – "published/veröffentlicht/publié/posted" raise a date,
  "updated/aktualisiert/mis à jour" keep it but rank it below a published date;
  "©", comment words and ranges ("12.–14. Mai", "bis") mark dates to ignore.
* **agreement** – the same day found in two places is more likely the one.
* **lists** – short date lines of one form recurring with other days are teaser or
  archive entries; one at even steps in such a run is an entry, not the article's date.
* **what was never printed** – a date inside a link or image target is an upload stamp;
  a slashed day and month are read in the order the page itself uses.

Each candidate keeps its reasons so ``digest clean --explain`` can say why the
winner won; :func:`choose` turns the scores into a confidence, and callers show
a date only at or above :data:`TRUST` (picked out-of-fold by
``benchmarks/dates_bench.py``).  All functions are pure.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Protocol, Sequence

from ..article import DATE_TRUST as TRUST
from . import metadata as meta


class PageLine(Protocol):
    """What the date search needs of a cleaned line (``digest.text.clean.lines.Line`` fits)."""

    text: str
    number: int
    reason: str
    cls: str
    hard_stop: bool


@dataclass
class DateCandidate:
    """One date on the page with where it stands and why it scores what it scores."""

    iso: str
    line: int  # 1-based line number in the input (0: not from a line, e.g. an image path)
    text: str  # the line, shortened
    zone: str  # header | headline | dateline | body | footer | comments | image | relative
    score: float = 0.0
    why: list[str] = field(default_factory=list)

    @property
    def full_day(self) -> bool:
        return len(self.iso) == 10


@dataclass
class DateChoice:
    iso: str
    confidence: float
    source: str
    candidates: list[DateCandidate]

    @property
    def trusted(self) -> bool:
        return bool(self.iso) and len(self.iso) == 10 and self.confidence >= TRUST


_PUBLISHED = re.compile(
    r"\b(?:published|posted|first published|created|veröffentlich(?:t|ung)|erschienen|erstellt|publiziert|"
    r"publié(?:e)?|publication|mis en ligne|date)\b", re.I)
_UPDATED = re.compile(
    r"\b(?:updated?|last (?:updated|modified)|modified|aktualisiert|zuletzt|geändert|stand|mis à jour|"
    r"modifié(?:e)?|actualisé(?:e)?|màj)\b", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)|\b(?:copyright|all rights reserved|alle rechte|tous droits)\b", re.I)
_COMMENT = re.compile(r"\b(?:reply|replies|antworten|répondre|repondre|said|says|sagt|schreibt|wrote|a écrit|"
                      r"kommentar\w*|comments?|commentaires?|permalink|melden|report)\b", re.I)
_RANGE_BEFORE = re.compile(r"(?:\d{1,2}\.?|\d{4})\s*(?:[-–—]|bis|to|au|until|jusqu'au)\s*$", re.I)
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—]|bis|to|au|until|jusqu'au)\s*$", re.I)


def _is_range(text: str, d: meta.DateMatch, next_start: int) -> bool:
    """ "14. - 20. Januar 2022", "vom 3. Juni 2021 bis 5. Juni 2021": a span of days is an event or a period."""
    if _RANGE_BEFORE.search(text[max(0, d.start - 12): d.start]):
        return True
    return next_start >= 0 and bool(_RANGE_AFTER.match(text[d.end:next_start]))
_LABEL = re.compile(r"(?:^|[\s|(])([^\W\d_]{3,})\s*:\s*$")
_EVENT = re.compile(r"\b(?:bis|until|jusqu'(?:au|à)|ab dem|from|vom|du|deadline|frist|anmeldung|registration|"
                    r"tickets?|findet|statt|aura lieu|takes place|will be held|wird|soll|geplant|planned|prévu)\b",
                    re.I)
HEAD_ABOVE, HEAD_BELOW, FOOTER_LINES, LONG_LINE = 2, 4, 6, 20

# Scores by zone: how often a date standing there is the publication date (see the module docstring).
ZONE_SCORE = {
    "headline": 0.8,   # within a few lines of the headline, above the body
    "dateline": 0.7,   # at the very start of the first paragraphs ("BERLIN, 12. Mai (dpa) –")
    "footer": 0.5,     # the byline-like lines just under the body ("Posted by Jane on …")
    "header": 0.25,    # far above the headline: the site's header, a teaser, the snapshot's "today"
    "body": 0.2,       # inside the text: mostly the events it reports
    "image": 0.3,      # year/month(/day) in the lead image's upload path
    "relative": 0.45,  # "vor 2 Stunden" next to the headline, resolved against the file's time
    "metadata": 0.7,   # a "datePublished" field of structured data left in the dump
    "comment": 0.0,    # a time stamp heading a paragraph under the article: a reader's comment
    "comments": 0.0,   # reader comments, "related articles", after an end-of-article marker
}
ZONE_LABEL = {
    "headline": "dateline next to the headline", "dateline": "dateline opening the text",
    "footer": "date line just under the text", "header": "date far above the headline (site header)",
    "body": "date inside the text (an event it reports)", "image": "path of the lead image",
    "relative": "relative date next to the headline", "metadata": "page metadata field",
    "comment": "a reader comment's stamp", "comments": "below the article (comments, teasers, archive)",
}
_META_KEY = re.compile(r"(?:date_?published|publi(?:cation|shed|sh)_?(?:date|time)\w*|pagePublishDate\w*|"
                       r"article:published_time|datecreated|uploadDate)[\"']?\s*[:=]\s*[\"']?$", re.I)
# A dateline's date is followed by a separator before the text ("12. Mai 2021 – Die Stadt …",
# "BERLIN, 12 May (dpa) -", "Published: 8 May 2023 at 11:30 p.m. | Updated …"; times are taken out
# first); "Am 31.10.2023, gegen 23:40 Uhr, kam es …" is an event in the first sentence.
_DATELINE_END = re.compile(r"^[^.!?]{0,25}?(?:\s[-–—]\s|[-–—:|/(]\s?|$)")
_CLOCK = re.compile(r"\b(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?(?:\s*(?:[ap]\.m\.|am\b|pm\b|uhr\b|h\b))?", re.I)
# A link or image target ("](https://…)", "//cdn…/2020/11/26/…", "www.…"): dates in it were never printed.
_URL = re.compile(r"\]\([^)\s]*\)?|(?:https?:)?//\S+|\bwww\.\S+", re.I)
_BYLINE_WORDS = re.compile(r"\b(?:by|von|par|posted|author|autor(?:in)?|redaktion|rédaction)\b", re.I)
_TEASER_REASONS = ("link list or menu (run of headline-shaped lines)", "teaser headline")


def page_dates(lines: Sequence[PageLine], title_index: int, start: int, end: int, lang: str = "",
               image_urls: Iterable[str] = (), reference: Optional[dt.datetime] = None,
               body_text: str = "") -> list[DateCandidate]:
    """Every date on the page with its zone and a score for being the publication date.

    ``title_index`` is the headline's line index (-1 if none) and ``start``/``end``
    the body's first and last line index, as the cleaner found them.
    ``reference`` (the file's time) resolves relative dates; without it they are ignored.
    ``body_text`` lets a weekday the article names ("an diesem Dienstag") be dated from
    the first reader comment when nothing before the comments dates the page.
    """
    anchor = title_index if title_index >= 0 else start
    stop = _first_hard_stop(lines, end)
    body_lines = [i for i in range(start, end + 1) if lines[i].cls in ("good", "neargood")][:2]
    found: list[DateCandidate] = []
    for i in _lines_with_years(lines):  # every date found here has a year (relative dates are found below)
        line = lines[i]
        text = _normalise(line.text)
        dates = _find_dates(text, lang)
        if not dates:
            continue
        code = line.reason == "script or code residue"
        urls = [m.span() for m in _URL.finditer(text)] if "/" in text else []
        zone = _zone(i, line, anchor, title_index, start, end, stop, body_lines)
        for k, d in enumerate(dates):
            key = _META_KEY.search(text[max(0, d.start - 40): d.start])
            if key:  # structured data left in the dump: {"datePublished": "2023-10-31…"}
                c = DateCandidate(d.iso, line.number, text[max(0, d.start - 40): d.end + 10], "metadata")
                c.score, c.why = ZONE_SCORE["metadata"], [f"page metadata field {key.group(0).strip()!r}"]
                found.append(c)
                continue
            if code:
                continue  # other dates in scripts are cookie expiries and build stamps
            if any(s <= d.start < e for s, e in urls):
                continue  # "…/photos/2020/11/26/lead_2020-11-26.jpg": an upload stamp, not a printed date
            if zone == "dateline" and (d.start > 40 or not _DATELINE_END.match(_CLOCK.sub("", text[d.end:]))):
                this_zone = "body"  # only a date opening the paragraph is a dateline
            else:
                this_zone = zone
            if this_zone in ("footer", "comments") and _comment_stamp(lines, i):
                this_zone = "comment"
            c = DateCandidate(d.iso, line.number, text if len(text) <= 90 else text[:87] + "...", this_zone)
            _score(c, text, d, k, line, lines, i, dates[k - 1].end if k else 0, len(dates) == 1,
                   dates[k + 1].start if k + 1 < len(dates) else -1)
            found.append(c)
    for url in image_urls:
        iso = meta.date_from_url(url)
        if iso:
            c = DateCandidate(iso, 0, url[-90:], "image", ZONE_SCORE["image"], ["path of the lead image"])
            found.append(c)
    if reference is not None:
        found.extend(_relative_dates(lines, anchor, start, lang, reference))
    _same_form(found)
    _read_slashed_days(found)
    _agreement(found)
    _weekday_before_comments(found, body_text)
    return found


def _lines_with_years(lines: Sequence[PageLine]) -> list[int]:
    """Indexes of the lines holding a four-digit year, found by one search over the joined page:
    most lines hold none, and one search is far cheaper than one per line."""
    texts = [line.text for line in lines]
    ends = list(map(operator.add, itertools.accumulate(map(len, texts)), range(len(texts))))  # each line's "\n"
    joined, found = "\n".join(texts), []
    m = _YEAR_DIGIT.search(joined)
    while m:
        found.append(bisect.bisect_right(ends, m.start()))
        m = _YEAR_DIGIT.search(joined, ends[found[-1]] + 1)  # on from the next line
    return found


_WEEKDAY_NAMES = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
                  r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa|so|"
                  r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche")
_YEAR_DIGIT = re.compile(r"(?:19|20)\d\d")
# Dumps glue a theme's two renderings of one date together ("21. Januar 202221. Januar 2022",
# "Apr 042013") and some themes put the weekday between day and month ("31 Donnerstag Okt 2019").
_GLUED_YEAR = re.compile(rf"((?:{meta._MONTH})\.?,?\s+(?:19|20)\d\d)(?=\d)", re.I)
_GLUED_DAY = re.compile(rf"\b((?:{meta._MONTH})\.?)\s+([0-3]\d)((?:19|20)\d\d)(?!\d)", re.I)
_DAY_WEEKDAY_MONTH = re.compile(rf"(?<!\d)([0-3]?\d\.?)\s+(?:{_WEEKDAY_NAMES})\.?,?\s+(?=(?:{meta._MONTH})\b)", re.I)
# 2021/09/19 standing alone (not inside a URL path)
_SLASH_ISO = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)/([01]\d)/([0-3]\d)(?![\w/])")


# Cheap tests first: the rewrites above need a year glued to a digit, or a day before a word.
_GLUED_DIGITS = re.compile(r"(?<!\S)(?:[0-3]\d(?:19|20)\d\d(?!\d)|(?:19|20)\d\d\d)")  # after a space, as dates stand
_DAY_THEN_WORD = re.compile(r"\d\.?\s+[^\W\d_]")


def _normalise(text: str) -> str:
    if _GLUED_DIGITS.search(text):
        text = _GLUED_YEAR.sub(r"\1 ", text)
        text = _GLUED_DAY.sub(r"\1 \2 \3", text)
    if _DAY_THEN_WORD.search(text) and any(_DAY_WEEKDAY_MONTH.search(text, start, end)
                                           for start, end in meta._year_windows(text)):
        text = _DAY_WEEKDAY_MONTH.sub(r"\1 ", text)  # searched only near years: a date has one
    return text


def _find_dates(text: str, lang: str) -> list[meta.DateMatch]:
    """:func:`digest.text.metadata.find_dates` plus the slash-separated ISO form blogs print ("2021/09/19")."""
    found = meta.find_dates(text, lang)
    for m in _SLASH_ISO.finditer(text):
        if not any(d.start < m.end() and m.start() < d.end for d in found):
            try:
                iso = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
            found.append(meta.DateMatch(iso, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


_SLASHED = re.compile(r"(?<![\d./-])([0-3]?\d)/([0-3]?\d)/((?:19|20)\d\d)(?!\d)")


def _slashed_readings(text: str, iso: str) -> tuple[str, str]:
    """(day-first, month-first) readings of the slashed date in ``text`` that was read as ``iso``;
    ("", "") when there is none or only one reading is a date ("25/12/2020")."""
    for m in _SLASHED.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            readings = (dt.date(year, b, a).isoformat(), dt.date(year, a, b).isoformat())
        except ValueError:
            continue
        if iso in readings and a != b:
            return readings
    return "", ""


def _read_slashed_days(found: list[DateCandidate]) -> None:
    """ "02/10/2020" is 2 October or 10 February: the page decides, not the language.

    A slashed date that only one order can read ("25/12/2020", "12/25/2020") shows the site's
    order; without one, the reading nearer the page's other dates wins (a British site on an
    English page, teaser dates around the byline).
    """
    ambiguous = [(c, _slashed_readings(c.text, c.iso)) for c in found if c.full_day and "/" in c.text]
    ambiguous = [(c, r) for c, r in ambiguous if r[0]]
    if not ambiguous:
        return
    orders = {("day" if int(m.group(1)) > 12 else "month") for c in found if "/" in c.text
              for m in _SLASHED.finditer(c.text) if max(int(m.group(1)), int(m.group(2))) > 12}
    others = [dt.date.fromisoformat(c.iso) for c in found
              if c.full_day and c.line and all(c is not a for a, _ in ambiguous)]
    for c, (day_first, month_first) in ambiguous:
        if len(orders) == 1:
            chosen, why = (day_first if orders == {"day"} else month_first), "the order of the page's other slashed dates"
        elif others:
            gap = lambda iso: min(abs((dt.date.fromisoformat(iso) - o).days) for o in others)  # noqa: E731
            chosen, why = min((day_first, month_first), key=gap), "the reading nearer the page's other dates"
        else:
            continue
        if chosen != c.iso:
            c.iso = chosen
            c.why.append(f"day and month read in {why}")


def _weekday_before_comments(found: list[DateCandidate], body_text: str) -> None:
    """Comments are written after the article: the first comment's day bounds the publication from above.

    A date later than that bound (a site header's "today") cannot be the
    publication date; when no usable date is left, a weekday the text names
    for its own week, taken on or before the bound, is the best we have.
    """
    bound = min((c.iso for c in found if c.zone == "comment" and c.full_day), default="")
    if not bound:
        return
    for c in found:
        if c.full_day and c.iso > bound and c.score > 0:
            c.score = round(c.score * 0.2, 3)
            c.why.append(f"later than the first reader comment ({bound})")
    usable = [c for c in found if c.score >= 0.3 and c.zone != "image"]
    guessed = meta.weekday_before(body_text[:2000], bound) if body_text and not usable else ""
    if guessed:
        found.append(DateCandidate(guessed, 0, f"weekday in the text, on or before the first comment ({bound})",
                                   "body", 0.35, [f"weekday named in the text, before the first comment ({bound})"]))


def _comment_stamp(lines: Sequence[PageLine], i: int) -> bool:
    """A date line with a time, under the article, followed by prose: a reader comment's stamp."""
    line = lines[i]
    if not meta.is_date_line(line.text) or not meta._TIME.search(line.text) or _PUBLISHED.search(line.text):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return nxt is not None and len(nxt.text.split()) >= 12


def _first_hard_stop(lines: Sequence[PageLine], end: int) -> int:
    for i in range(end + 1, len(lines)):
        if lines[i].hard_stop or lines[i].reason in ("reader comment", "comment section header"):
            return i
    return len(lines)


def _zone(i: int, line: PageLine, anchor: int, title_index: int, start: int, end: int, stop: int,
          body_lines: list[int]) -> str:
    if line.reason in ("reader comment",) or line.reason.startswith("comment") or i >= stop:
        return "comments"
    if i == title_index:
        return "body"  # a date inside the headline is what the story is about
    in_body = start <= i <= end
    if i in body_lines:
        return "dateline"
    if len(line.text.split()) > LONG_LINE:
        return "body"  # a paragraph, wherever it stands, reports events
    near_title = title_index >= 0 and title_index - HEAD_ABOVE <= i <= title_index + HEAD_BELOW
    near_start = start - HEAD_ABOVE <= i < start or (start <= i < start + HEAD_BELOW and line.cls not in ("good", "neargood"))
    if near_title or near_start:
        return "headline"
    if in_body:
        return "body"
    if end < i <= end + FOOTER_LINES:
        return "footer"
    if i < anchor or i < start:
        return "header"
    return "comments"  # far below the body: teasers, archives, footers


def _score(c: DateCandidate, text: str, d: meta.DateMatch, k: int, line: PageLine,
           lines: Sequence[PageLine], i: int, prev_end: int, single: bool, next_start: int) -> None:
    score = ZONE_SCORE[c.zone]
    why = [f"{ZONE_LABEL[c.zone]} (line {c.line})"]
    before = text[prev_end: d.start]  # the words since the previous date on the line
    short = len(text.split()) <= 14
    published = bool(_PUBLISHED.search(before) or (single and short and _PUBLISHED.search(text)))
    updated = not published and bool(_UPDATED.search(before) or (single and short and _UPDATED.search(text)))
    if c.zone in ("headline", "footer", "header", "body") and short and (
            line.reason in ("date line", "byline") or meta.is_date_line(text)
            or (len(text.split()) <= 10 and _BYLINE_WORDS.search(text)) or name_and_date(text)):
        # a dateline or byline, even when the cleaner left it inside the body; in the header it stays a header date
        score = max(score, 0.45) + 0.15
        why.append("a date line or byline")
    if published:
        score += 0.25
        why.append("'published' beside it")
    elif updated:
        score -= 0.1
        why.append("an 'updated' date")
    if c.zone == "comments" and (_PUBLISHED.search(before[-40:]) or _UPDATED.search(before[-40:])):
        score = 0.3  # "Diese Seite wurde zuletzt am … geändert": the page's own stamp at its foot
        why.append("the page's own stamp below the text")
    if c.full_day and not published and _dated_list(lines, i, c.iso):
        score *= 0.4
        why.append("one of several dated lines together (teasers, archive, comments)")
    if _COPYRIGHT.search(text) and not published:
        score *= 0.6
        why.append("on a copyright line")
    if c.zone in ("footer", "header") and short and _COMMENT.search(text) and not published:
        score *= 0.5
        why.append("comment words beside it")
    if _is_range(text, d, next_start) or (c.zone in ("body", "dateline") and _EVENT.search(before[-40:])):
        score *= 0.5
        why.append("a range or event words: an event date")
    label = _LABEL.search(before[-30:])
    if label and not published and not updated and not _PUBLISHED.search(label.group(1)) \
            and not _UPDATED.search(label.group(1)) and not re.fullmatch(_WEEKDAY_NAMES, label.group(1), re.I):
        score *= 0.5  # "Release: 11.02.2005", "Geburtstag: …", "Einsendeschluss: …": the date of something else
        why.append(f"labelled {label.group(1)!r}: the date of something else")
    if not c.full_day:
        score *= 0.5
        why.append("month only")
    if not short:
        why.append("inside a sentence")  # no penalty here (the zone says it); the confidence counts it
    c.score, c.why = round(max(score, 0.0), 3), why


_NAME_PART = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’.][^\W\d_]*)*\.?$|(?:von|van|der|de|du|la|le|and|und|et|&)$")
_NAME_SPLIT = re.compile(r"[\s,;|·•/–—-]+")


def name_and_date(text: str) -> bool:
    """ "Janic Cathomen, 01.12.2021", "Bettina Kugler 19.10.2019, 05:00 Uhr", "The Guardian 02/10/2020 Anna Fazackerley":
    a short line that is only a date (and time) and a name or two is a byline without the word "by".

    A single capitalised word is not enough ("Release: 04.04.2014", "Stand 12.11.2021" are labels).
    """
    found = meta.find_dates(text)
    if len(text) > 80 or len(found) != 1 or not found[0].iso[8:]:
        return False
    d = found[0]
    if text[:d.start].rstrip().endswith(":"):
        return False
    rest = [w for w in _NAME_SPLIT.split(_CLOCK.sub(" ", text[:d.start] + " " + text[d.end:]))
            if w and w.lower() not in meta._DATE_FILLERS]
    return 2 <= len(rest) <= 6 and all(_NAME_PART.match(w) for w in rest) and rest[-1][:1].isupper()


def _dated_list(lines: Sequence[PageLine], i: int, iso: str) -> bool:
    """Short lines close together carrying different days: a teaser list, an archive or comment stamps."""
    if len(lines[i].text.split()) > LONG_LINE:
        return False
    for j in range(max(0, i - LIST_SPAN), min(len(lines), i + LIST_SPAN + 1)):
        other = lines[j].text
        if j != i and len(other.split()) <= LONG_LINE and not _PUBLISHED.search(other) and not _UPDATED.search(other) and any(
                len(d.iso) == 10 and d.iso != iso for d in meta.find_dates(other)):
            return True
    return False


LIST_SPAN = 3
_LETTERS, _DIGITS = re.compile(r"[^\W\d_]+"), re.compile(r"\d+")


def _form(text: str) -> str:
    """ "August 16, 2017 / 22" and "July 13, 2017 / 4" -> "a 0, 0 / 0": a line's form without its values."""
    return _DIGITS.sub("0", _LETTERS.sub("a", text))


def _same_form(found: list[DateCandidate]) -> None:
    """Short date lines whose form recurs on the page with other days ("August 16, 2017 / 22",
    "July 13, 2017 / 4", …) are entries of a teaser list or an archive.

    Standing at even steps in such a run (lines 14, 19, 24: one entry each) a date is a list
    entry and loses most of its score, whatever stands beside it.  Elsewhere its score is left
    alone, since an article often prints its own date in the form its teasers use, but it is
    marked, and the confidence counts the mark.
    """
    forms = {id(c): _form(c.text) for c in found if c.full_day and c.line}
    days: dict[str, set[str]] = {}
    lines: dict[str, set[int]] = {}
    for c in found:
        if id(c) in forms and c.zone not in ("metadata", "relative") and len(c.text.split()) <= LONG_LINE:
            days.setdefault(forms[id(c)], set()).add(c.iso)
            lines.setdefault(forms[id(c)], set()).add(c.line)
    for c in found:
        form = forms.get(id(c), "")
        others = len(days.get(form, ())) - 1
        if others < 2:
            continue
        c.why.append(f"its line's form recurs with {others} other days (a list)")
        if c.score > 0 and _in_run(c.line, lines[form]):
            c.score = round(c.score * 0.4, 3)
            c.why.append("one of a run of such lines at even steps (a teaser list)")


RUN_STEP = 8  # lines one list entry can take (headline, teaser, date, picture, author, …)


def _in_run(line: int, lines: set[int]) -> bool:
    """``line`` and two others of ``lines`` stand at equal steps (…, l-k, l, l+k, …)."""
    return any({line - k, line - 2 * k} <= lines or {line + k, line + 2 * k} <= lines
               or {line - k, line + k} <= lines for k in range(1, RUN_STEP + 1))


def _agreement(found: list[DateCandidate]) -> None:
    """The same day printed twice in places that count (dateline and footer, header and byline) is likelier."""
    by_day: dict[str, list[DateCandidate]] = {}
    for c in found:
        if c.full_day and c.score > 0:
            by_day.setdefault(c.iso, []).append(c)
    for group in by_day.values():
        zones = {c.zone for c in group} - {"header", "comments"}
        if len({c.line for c in group}) >= 2 and len({c.zone for c in group}) >= 2 and zones:
            best = max(group, key=lambda c: c.score)
            best.score = round(min(1.2, best.score + 0.1 * min(2, len(group) - 1)), 3)
            best.why.append(f"printed {len(group)} times on the page, in {len({c.zone for c in group})} zones")


RELATIVE_DATE = re.compile(  # also read by the cleaner: such a line is no kicker
    r"\b(?:vor\s+\d+\s*\w+|gestern|heute|\d+\s*\w+\s+ago|yesterday|today|il y a\s+\d+\s*\w+|hier|aujourd'hui)\b"
    r"(?!['’]\w)",  # not "Today's Paper"
    re.I)
# A byline before a separator, which a time stamp may print beside its date ("By Ann Lee | 10 hours ago").
_BYLINE_BEFORE_SEPARATOR = re.compile(r"\b(?:by|von|par)\s+[^|·•/–—]+(?=[|·•/–—])", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SPAN_WORDS = {"bis", "seit", "und", "until", "since", "till", "and", "depuis", "jusqu'à", "jusqu’à", "et"}


def relative_stamp(text: str) -> str:
    """The relative date of a time stamp ("vor 2 Stunden", "Heute, 14:30", "By Ann Lee | 10 hours ago",
    "Vor 3 Tagen veröffentlicht"), or "" when the words are part of what the line says
    ("1968 bis heute Knabenmusik in Ulm", "Vor 100 Jahren der Hitler-Putsch", "Was koche ich heute?"):
    beside the date, a stamp prints only times, the words of a date line (``metadata.STAMP_WORDS``),
    a byline and at most two other words, and the
    date does not end a span ("1949 bis heute", "damals und heute")."""
    found = RELATIVE_DATE.search(text)
    if not found:
        return ""
    before = text[: found.start()].split()
    if before and before[-1].lower().strip("/,") in _SPAN_WORDS:  # "1949 bis heute", "damals und heute"
        return ""
    rest = _BYLINE_BEFORE_SEPARATOR.sub(" ", meta._TIME.sub(" ", text[: found.start()] + " " + text[found.end():]))
    other = [word for word in _WORD.findall(rest) if word.lower() not in meta.STAMP_WORDS]
    return found.group(0) if len(other) <= 2 else ""


def _relative_dates(lines: Sequence[PageLine], anchor: int, start: int, lang: str,
                    reference: dt.datetime) -> list[DateCandidate]:
    """ "vor 2 Stunden", "il y a 3 jours", "yesterday" beside the headline, resolved against the file's time."""
    import dateparser

    found = []
    for i in range(max(0, anchor - HEAD_ABOVE), min(len(lines), start + HEAD_BELOW)):
        line = lines[i]
        if len(line.text.split()) > 12:
            continue
        stamp = relative_stamp(line.text)
        if not stamp:
            continue
        settings = {"RELATIVE_BASE": reference.replace(tzinfo=None), "PREFER_DATES_FROM": "past"}
        parsed = dateparser.parse(stamp, languages=[lang] if lang in ("en", "de", "fr") else None,
                                  settings=settings)
        if parsed:
            found.append(DateCandidate(parsed.date().isoformat(), line.number, line.text[:90], "relative",
                                       ZONE_SCORE["relative"],
                                       [f"{ZONE_LABEL['relative']} (line {line.number})",
                                        f"{stamp!r} counted from the file's time"]))
    return found


# The confidence is a logistic model over a few signals of the winner, each with its reason:
#   score    – how well its place and words mark a publication date (the hand-set score above)
#   margin   – its lead over the best date of another day, relative to its score: a close rival is a doubt
#   strong   – it stands where articles print their date (headline, dateline, the byline under the text,
#              a metadata field), not in the header, the body or an image path
#   cue      – "published" or a date line / byline beside it
#   support  – the same day printed elsewhere on the page (log of the count)
#   crowd    – how many other days score as a real date (log): listing pages and archives have many
#   listed   – its line's form recurs on the page with other days: a teaser list or an archive
#   prose    – it stands inside a sentence, not on a line of its own or a byline: datelines are short lines,
#              a date in running text is mostly what the text reports, even when nothing else dates the page
# Weights and bias are fitted on the dev pages by ``benchmarks/dates_bench.py --fit`` (out-of-fold there:
# each fold's weights and threshold come from the other folds only); these are the all-pages fit.
FEATURES = ("score", "margin", "strong", "cue", "support", "crowd", "listed", "prose")
CONF_WEIGHTS = (1.549, 0.605, 0.725, 0.223, -0.312, -0.732, -0.619, -0.988)
CONF_BIAS = 0.864
_STRONG_ZONES = ("headline", "dateline", "footer", "metadata")


def _ranked(candidates: list[DateCandidate]) -> list[DateCandidate]:
    return sorted((c for c in candidates if c.score > 0), key=lambda c: (-c.score, c.line))


def features(candidates: list[DateCandidate]) -> Optional[list[float]]:
    """The winner's signals in the order of :data:`FEATURES` (None when nothing scores)."""
    import math

    ranked = _ranked(candidates)
    if not ranked:
        return None
    best = ranked[0]
    # a rival is another day (a month that agrees is none); image paths rival only another image path:
    # pictures of other stories carry their own upload days, and a printed date outranks any of them
    rival = next((c.score for c in ranked[1:] if not best.iso.startswith(c.iso)
                  and (c.zone != "image" or best.zone == "image")), 0.0)
    same = sum(1 for c in candidates if c.iso == best.iso and c is not best and c.score > 0)
    others = {c.iso for c in ranked[1:] if c.full_day and c.iso != best.iso}
    cue = any(w.startswith(("'published'", "a date line", "page metadata")) for w in best.why)
    return [min(best.score, 1.2), (best.score - rival) / best.score, float(best.zone in _STRONG_ZONES),
            float(cue), math.log1p(same), math.log1p(len(others)),
            float(any(w.startswith("its line's form recurs") for w in best.why)), float("inside a sentence" in best.why)]


def confidence_of(x: Sequence[float], weights: Sequence[float] = CONF_WEIGHTS, bias: float = CONF_BIAS) -> float:
    import math

    z = bias + sum(w * v for w, v in zip(weights, x))
    return 1.0 / (1.0 + math.exp(-z))


_WEEKDAY_WORD = re.compile(rf"\b(?:{_WEEKDAY_NAMES})\b", re.I)
_VETO_REASONS = ("a range or event words", "weekday named in the text", "month only")


def vetoed(candidates: list[DateCandidate]) -> str:
    """Why the winner may not be shown whatever the model says ("" if it may).

    Its own reasons say it is not a publication date: an event or a range, a
    weekday guess, a month without a day; or a weekday-and-date line far above
    the headline, the way sites print today's date in their header, unless the
    article prints that day on a line of its own too (a page saved the day it was published).
    """
    ranked = _ranked(candidates)
    if not ranked:
        return ""
    best = ranked[0]
    for reason in _VETO_REASONS:
        if any(w.startswith(reason) for w in best.why):
            return reason
    if best.zone == "header" and _WEEKDAY_WORD.search(best.text) and not any(
            w.startswith("'published'") for w in best.why) and not any(
            c.iso == best.iso and c.score > 0 and c.zone not in ("header", "comments", "comment", "image")
            and "inside a sentence" not in c.why for c in candidates):
        return "a weekday-and-date line in the site header (today's date)"
    return ""


VETO_CAP = 0.2  # the confidence of a vetoed winner: kept with its evidence, never shown


def choose(candidates: list[DateCandidate]) -> DateChoice:
    """The best-scored date and a confidence that it is the publication date (see :data:`FEATURES`).

    Relative dates count only when no absolute date scores as well: the file's
    time is a weaker clock than a date the page prints.
    """
    ranked = _ranked(candidates)
    if not ranked:
        return DateChoice("", 0.0, "", candidates)
    best = ranked[0]
    confidence = round(confidence_of(features(candidates)), 3)
    if vetoed(candidates):
        confidence = min(confidence, VETO_CAP)
    source = best.why[0].split(" (line ")[0] if best.why else ZONE_LABEL[best.zone]
    return DateChoice(best.iso, confidence, source, candidates)


def explain(candidates: list[DateCandidate], chosen: str, limit: int = 8) -> list[str]:
    """Lines for ``digest clean --explain``: the best candidates, the winner marked, with their reasons."""
    ranked = sorted(candidates, key=lambda c: (-c.score, c.line))[:limit]
    out = []
    for c in ranked:
        mark = "*" if c.iso == chosen and c is ranked[0] else " "
        where = f"line {c.line}" if c.line else c.zone
        out.append(f" {mark} {c.iso:<10}  score {c.score:.2f}  {where}: {'; '.join(c.why)}  [{c.text[:60]}]")
    return out
