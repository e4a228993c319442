"""The story's body: which run of lines it is, and where it starts and ends (step 3 of
:mod:`digest.text.clean`).

In: the marked lines.  Out: the first and last line of the body
(:func:`main_region`, then the trims and extensions :func:`_clean_lines`
applies in turn) and the competing regions for ``--explain``.  Line scores add
up to regions (maximum-sum runs); an article's anchors above a region
(headline, byline, dateline) add to it and an end-of-article mark above it
takes from it, so the story wins against longer prose that is not the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import metadata as meta
from .phrases import (
    _LINK_LABEL,
)
from .lines import (
    _addresses_reader,
    _BREADCRUMB,
    _BULLET,
    CAPITALISED_GLUE,
    _CLOSING_MARKS,
    _content_words,
    _fold,
    _headline_shaped,
    HEADLINE_WORDS,
    Line,
    PICTURE_BUTTON,
    PLAYER_LABEL,
    READER_ADDRESS_SHARE,
    _stems,
    TAGS_LINE,
    _TERMINAL,
    TOPIC_SHIFT_OVERLAP,
    _WORD,
)
from .context import (
    AD_PITCH_WORDS,
    BOX_HEADING_WORDS,
    _card_headline,
    CONTENTS,
    _footer_heading,
    _GALLERY_COUNTER,
    _is_ad_label,
    _known_ad,
    LINK_LIST,
    LIST_ANNOUNCED,
    _LIST_TAKEN_IN,
    _table_records,
    _TEASER_HEADING,
    VIDEO_BOX,
    _video_box_end,
)

# Weights of the region search, tuned on the development pages (benchmarks/clean_bench.py).
GOOD_CAP, NEARGOOD_WEIGHT, SHORT_PENALTY = 800, 0.4, 5.0
BAD_PENALTY, BAD_PER_CHAR, DATE_PENALTY, STOP_PENALTY = 10.0, 0.1, 120.0, 600.0
PHRASE_PENALTY, REPEAT_PENALTY = 50.0, 30.0


def _line_score(line: Line) -> float:
    chars = len(line.text)
    if line.cls == "good":
        return float(min(chars, GOOD_CAP))
    if line.cls == "neargood":
        return chars * NEARGOOD_WEIGHT
    if line.cls == "short":
        return -SHORT_PENALTY
    if line.hard_stop:
        return -STOP_PENALTY
    if line.reason == "date line":
        return -DATE_PENALTY
    if line.reason.startswith("boilerplate"):
        return -PHRASE_PENALTY
    if line.reason == "repeated line":
        return -REPEAT_PENALTY
    return -(BAD_PENALTY + min(chars, 400) * BAD_PER_CHAR)


@dataclass
class Region:
    """A candidate body: a maximal run of positive line-score mass, and what speaks for it being the story."""

    start: int
    end: int
    mass: float
    anchors: list[str] = field(default_factory=list)
    after_stop: bool = False
    score: float = 0.0
    joined_to: int = -1  # the end of the story's part below a related-links box, when the body goes on there

    def describe(self, lines: list[Line]) -> dict:
        return {"lines": f"{lines[self.start].number}-{lines[self.end].number}", "mass": round(self.mass),
                "anchors": self.anchors, "after_end_marker": self.after_stop, "score": round(self.score),
                "continued_to": lines[self.joined_to].number if self.joined_to > self.end else 0}


def _regions(lines: list[Line]) -> list[Region]:
    """Every maximal-sum run of line scores, one per stretch between the points where the running sum falls to 0.

    The single densest run (the old rule) is one of them; keeping them all
    lets a short story compete with a long comment thread or consent dialog
    on more than mass.
    """
    regions: list[Region] = []
    current, start, best, best_end = 0.0, 0, 0.0, -1
    for i, line in enumerate(lines):
        score = _line_score(line)
        if current <= 0:
            if best > 0:
                regions.append(Region(start, best_end, best))
            current, start, best, best_end = score, i, 0.0, -1
        else:
            current += score
        if current > best:
            best, best_end = current, i
    if best > 0:
        regions.append(Region(start, best_end, best))
    return regions


# How far above a region its headline, byline or dateline may stand, in lines.
ANCHOR_WINDOW = 8
# A region's mass counts (1 + ANCHOR_BONUS) times when an article's marks stand above it; a region
# that begins after an end-of-article marker (comments, related links) that follows other text
# counts AFTER_STOP_FACTOR times.  Both are chosen in training folds (benchmarks/clean_bench.py).
ANCHOR_BONUS, AFTER_STOP_FACTOR = 0.5, 0.25


def date_stamp(line: Line) -> bool:
    """A short line that dates the article and is no sentence: it opens with the date, or prints a
    time, a separator or a cue beside it ("STAND 21.4.2021, 16:41 Uhr AUTOR/IN Julius Richter",
    "Veröffentlicht am 12. Juni 2017 von gizzmo", "02.02.2022 A-Frauen").  It is neither the
    standfirst nor the first paragraph.  A heading with a date in it ("Protokoll der Sitzung vom
    10. Oktober 2019") is no stamp; :func:`_dateline_shaped` is the looser test that only asks
    whether a short line holds a date (the evidence beside a headline)."""
    if line.words > 12 or line.text.rstrip().endswith((".", "!", "?", "…")):
        return False
    found = meta.find_dates(line.text)
    if not found:
        return False
    if found[0].start <= 1:
        return True
    rest = meta.beside_dates(line.text, found)
    return bool(meta._TIME.search(rest) or "|" in rest or "//" in rest
                or any(word.lower() in meta.STAMP_WORDS for word in _WORD.findall(rest)))


def _dateline_shaped(line: Line) -> bool:
    """A short line with a date in it: "veröffentlicht am 9. Januar 2024 von Katrin Vogel"."""
    return line.cls == "short" and line.words <= 12 and bool(meta.find_dates(line.text))


def _anchors(lines: list[Line], region: Region, stops: frozenset[str]) -> list[str]:
    """What marks the top of an article just above a region: a dateline, a byline, a headline that names it.

    A headline counts when most of its content words recur in the region's
    first lines (menus and section names do not).
    """
    found: list[str] = []
    lo = max(0, region.start - ANCHOR_WINDOW)
    head_words: set[str] | None = None
    for i in range(region.start - 1, lo - 1, -1):
        line = lines[i]
        if line.hard_stop:
            break
        if line.reason in ("date line", "byline") and "date/byline" not in found:
            found.append("date/byline")
        elif "headline" not in found and 3 <= line.words <= 20 and len(line.text) <= 160 \
                and not line.text.endswith((".", ",", ";", ":")) and not line.reason.startswith("boilerplate"):
            if head_words is None:
                head_words = set().union(*(_content_words(l.text, stops) for l in lines[region.start:region.end + 1][:15]))
            words = _content_words(line.text, stops)
            if words and len(words & head_words) / len(words) >= 0.5:
                found.append("headline")
    return found


def main_region(lines: list[Line], stops: frozenset[str] = frozenset()) -> tuple[int, int, list[Region]]:
    """The body: the candidate region with the most mass, weighed by the marks of an article.

    Mass alone lets a long consent dialog, comment thread or legal footer beat
    a short story; so a region with a headline, byline or dateline above it
    counts more, and one that starts after an end-of-article marker that
    follows such a marked region (the comments below a post) counts less.
    So does every region below that one: a teaser card's byline down there
    marks no new article, and a river of teasers under it is no story.
    """
    regions = _regions(lines)
    for region in regions:
        region.anchors = _anchors(lines, region, stops)
    marked_end = -1  # the end of the last region so far with an article's marks above it, not itself after a marker
    for region in regions:  # in page order
        region.after_stop = marked_end >= 0 and any(l.hard_stop for l in lines[marked_end + 1:region.start])
        if region.anchors and not region.after_stop:
            marked_end = region.end
    for region in regions:
        region.score = region.mass * (1 + ANCHOR_BONUS * bool(region.anchors))
        if region.after_stop:
            region.score *= AFTER_STOP_FACTOR
    if not regions:
        return 0, -1, []
    best = max(regions, key=lambda r: r.score)
    end = _join_across_related_box(lines, best, regions) if best.anchors else best.end
    best.joined_to = end
    return _join_above_related_box(lines, best, regions), end, sorted(regions, key=lambda r: -r.score)[:5]


def start_below_breadcrumb(lines: list[Line], start: int, end: int) -> int:
    """The body's start: below a breadcrumb trail or a newsletter's contents that the region took in, when the
    region's text goes on below it.

    A site prints its breadcrumb right above the article; a line of prose above
    the breadcrumb (a verse of the day, a slogan) is the page's furniture, and
    would otherwise open the body, or, taken for its whole, leave the story
    under the breadcrumb to be cut as text about something else.  So is a
    newsletter's greeting above its contents ("Bonjour à toutes et à tous, …" /
    "AU SOMMAIRE"): its first story begins below them."""
    for i in range(end - 1, start - 1, -1):
        if lines[i].cls == "bad" and (lines[i].reason == CONTENTS or lines[i].words <= 20
                                      and _BREADCRUMB.match(_fold(lines[i].text))) \
                and any(line.cls == "good" for line in lines[i + 1:end + 1]):
            return i + 1
    return start


_COMMENT_STOP = re.compile(r"^(?:\d+\s+)?(?:comments?|kommentar|kommentare|commentaires?|reactions?|reaktionen|"
                           r"leserkommentare|responses?|antworten|reponses?|reagir|diskussion|discussion|leave a|"
                           r"schreibe|schreiben sie|write a comment)\b")
RELATED_BOX_LINES = 6
RELATED_BOX = "related-links box inside the article"


def _related_box(lines: list[Line], a: int, b: int) -> bool:
    """Lines ``a..b`` are a "Related"/"Lire aussi" box: such a heading, then a few teaser headlines.
    (Not a post's "Tags" over its tag line, nor the comments' heading.)"""
    box = lines[a:b + 1]
    if not box or len(box) > RELATED_BOX_LINES or not box[0].hard_stop or not _TEASER_HEADING.match(_fold(box[0].text)):
        return False
    return all(l.cls != "good" and (not l.hard_stop and (_card_headline(l) or _asks(l) or l.cls == "bad")
                                     or l.hard_stop and bool(_TEASER_HEADING.match(_fold(l.text))))
               for l in box[1:])  # (a heading may come again over each teaser: "Related Articles")


def _asks(line: Line) -> bool:
    """A teaser's headline that asks ("Trennungsgerüchte: Was ist dran am Ehe-Aus bei den Grünhagens?")."""
    return line.words <= HEADLINE_WORDS and line.text.rstrip(_CLOSING_MARKS).endswith("?")


def _join_above_related_box(lines: list[Line], best: Region, regions: list[Region]) -> int:
    """The body's start: above a related-links box set into the story, when the story's opening (with an
    article's marks above it, or the page's first text) stands over the box and its larger part below it.
    The mirror of :func:`_join_across_related_box`; the box itself is dropped."""
    earlier = [r for r in regions if r.end < best.start]
    above = max(earlier, key=lambda r: r.end, default=None)
    if above is None or not (above.anchors or len(earlier) == 1) \
            or not _related_box(lines, above.end + 1, best.start - 1):
        return best.start  # (the opening has the marks of an article above it, or is the page's first text)
    for line in lines[above.end + 1:best.start]:
        if line.cls != "bad" or line.hard_stop:
            line.cls, line.reason = "bad", RELATED_BOX
        line.hard_stop = False
    return above.start


def _join_across_related_box(lines: list[Line], best: Region, regions: list[Region]) -> int:
    """The body goes on below a related-links box set into it: the region's new end.

    "Related articles" followed by a few teaser headlines is a hard stop for
    the region search, so the story's second half, below the box, loses (and
    counts as text after the article).  When the text right after such a
    box is prose with no marks of a new article (no headline, byline or
    dateline of its own) and no comment marker is met, it is the same story;
    the box itself is dropped.  Repeats for a second box.  When the story
    was strong enough to carry the running sum across the box, the text
    below it is no region of its own: its run is measured from there.
    """
    end = best.end
    later = sorted((r for r in regions if r.start > end), key=lambda r: r.start)
    while True:
        first_text = next((k for k in range(end + 1, len(lines)) if lines[k].cls == "good"), None)
        if first_text is None or not _related_box(lines, end + 1, first_text - 1):
            break
        below = next((r for r in later if r.start > end), None)
        if below is None or below.start > first_text:  # swallowed by the story's own run: measure it
            below = Region(first_text, _run_end(lines, first_text), 0.0)
        if below.anchors or not any(l.cls == "good" for l in lines[first_text:below.end + 1]):
            break
        for line in lines[end + 1:first_text]:
            if line.cls != "bad" or line.hard_stop:
                line.cls, line.reason = "bad", RELATED_BOX
        for line in lines[end + 1:first_text]:
            line.hard_stop = False
        end = below.end
    return end


def _run_end(lines: list[Line], first: int) -> int:
    """The end of the maximum-sum run of line scores that starts at ``first`` (stopping at a hard stop)."""
    current, best, best_end = 0.0, 0.0, first
    for i in range(first, len(lines)):
        if lines[i].hard_stop:
            break
        current += _line_score(lines[i])
        if current > best:
            best, best_end = current, i
        if current <= 0:
            break
    return best_end


FOOTER_HEADING = "a footer's heading below the story (its end mark, notes to editors, contact, author, disclaimer)"


def cut_furniture_tail(lines: list[Line], start: int, end: int, stops: frozenset[str]) -> int:
    """End the body at a furniture heading that opens prose about something else.

    A short article can be directly followed, with no gap, by a consent
    dialog, a legal notice or an "about us" blurb, which is good prose and
    joins the region.  Such a block opens with a heading of its own ("Mentions
    légales", "About us", "Your privacy choices") and does not speak of what
    the article speaks of; when the heading is not recognised as furniture,
    the prose below it must speak to the reader ("you", "we") as such blocks
    do.  Returns the new end of the body.
    """
    seen_good = False
    for i in range(start, end + 1):
        line = lines[i]
        if line.cls == "good":
            seen_good = True
            continue
        if seen_good and line.reason != TAGS_LINE and _footer_heading(line) \
                and (resumed := _interview_resumes(lines, i, end)) > i:
            for boxed in lines[i:resumed]:  # "Zur Person" over the interviewee's bio, set into the interview
                if boxed.cls != "bad":
                    boxed.cls, boxed.reason = "bad", FURNITURE_BOX
            continue
        if seen_good and (line.reason == TAGS_LINE or _footer_heading(line)):
            return _end_before(lines, start, i)  # a post's tags close it, and so do a footer's headings
        if not seen_good or line.words > 8 or line.hard_stop or _TERMINAL.search(line.text) or i + 1 > end \
                or lines[i - 1].cls not in ("good", "neargood") or lines[i + 1].cls not in ("good", "neargood") \
                and not lines[i + 1].reason.startswith("boilerplate"):
            continue  # the heading stands directly between the article's prose and the other block's (perhaps known)
        flagged = line.cls == "bad" and (line.reason.startswith("boilerplate") or line.reason == "navigation or button text")
        if line.cls == "bad" and not flagged or _LINK_LABEL.match(_fold(line.text)) \
                or line.words <= 3 and _SHARE_WORDS.search(_fold(line.text)) or not flagged and line.text.endswith(":"):
            continue  # (a link set into the story under its label, "Related: …", a live blog entry's "Share", heads
            # nothing; a line of the story's own that ends in a colon announces its list: "Die Polizei rät:")
        if _known_ad(lines, i):
            continue  # the ad's pitch under its label is known and gone: the story goes on below it
        below = [k for k in range(i + 1, end + 1) if lines[k].cls in ("good", "neargood")]
        # an ad's label ("Anzeige", "Advertisement") marks where the scraper lost the ad: the story goes on,
        # unless the prose under it is the ad's own pitch to the reader
        if (not flagged or _is_ad_label(line)) \
                and (not _addresses_reader(" ".join(lines[k].text for k in below[:3]))
                     or _addresses_reader(" ".join(lines[k].text for k in range(start, i) if lines[k].cls == "good"),
                                          READER_ADDRESS_SHARE / 2)):
            continue  # (the block right under the heading speaks to the reader, and the story above does not:
            # a how-to or an advice column speaks to the reader throughout)
        if _topic_shift(lines, start, i, end, stops):
            resumed = _story_resumes(lines, i, end)
            if resumed > i:  # a box set into the story (a newsletter's sign-up): only the box goes
                for boxed in lines[i:resumed]:
                    if boxed.cls != "bad":
                        boxed.cls, boxed.reason = "bad", FURNITURE_BOX
                continue
            return _end_before(lines, start, i)
    return end


def _topic_shift(lines: list[Line], start: int, i: int, end: int, stops: frozenset[str]) -> bool:
    """Does the prose below line ``i`` speak of something else than the prose above it?  The smaller side
    decides: a short lead whose words recur below is the same story."""
    above = _stems_of_prose(lines, start, i, stops)
    below = _stems_of_prose(lines, i + 1, end, stops)
    return bool(below and above) and len(below & above) / min(len(below), len(above)) <= TOPIC_SHIFT_OVERLAP


def _end_before(lines: list[Line], start: int, i: int) -> int:
    """The body's last line of text above line ``i`` (not above ``start``)."""
    new_end = i - 1
    while new_end > start and lines[new_end].cls not in ("good", "neargood"):
        new_end -= 1
    return new_end


FURNITURE_BOX = "a box set into the article (its heading, and prose that speaks to the reader)"


INTERVIEW_BOX_LINES = 3  # a box set into an interview: its heading and a paragraph or two


def _interview_resumes(lines: list[Line], heading: int, end: int) -> int:
    """Where an interview goes on below a box set into it ("Zur Person" over the interviewee's bio): its next
    question, a line that ends in "?", with an answer right below, within a few lines of the box's heading;
    -1 when it does not."""
    for k in range(heading + 2, min(end, heading + 1 + INTERVIEW_BOX_LINES) + 1):
        if lines[k].text.rstrip(_CLOSING_MARKS).endswith("?") and k + 1 <= end and lines[k + 1].cls == "good":
            return k
    return -1


def _story_resumes(lines: list[Line], heading: int, end: int) -> int:
    """Where the story goes on below a furniture heading's block, or -1 when it does not.

    The block is the prose under the heading that speaks to the reader ("Get the
    biggest stories straight to your inbox", "We use your sign-up to …", also
    when a known phrase marks it: "… kostenlos in Ihr Postfach") and the
    buttons among it.  When at least two lines of prose that speak of others,
    as news does, follow it before the region's end, the block was a box set
    into the story, not the end of it.  A block with no such prose of its own
    ("À propos" over the site's blurb in the third person) is no box: the
    heading ends the story as before."""
    k, pitch = heading + 1, False
    while k <= end and lines[k].reason not in _LIST_TAKEN_IN \
            and (lines[k].cls not in ("good", "neargood") or _addresses_reader(lines[k].text)):
        pitch = pitch or lines[k].cls in ("good", "neargood") \
            or lines[k].reason.startswith("boilerplate") and _addresses_reader(lines[k].text)
        k += 1
    rest = [l for l in lines[k:end + 1] if l.cls in ("good", "neargood") and not _addresses_reader(l.text)]
    return k if pitch and len(rest) >= 2 else -1


def _stems_of_prose(lines: list[Line], first: int, last: int, stops: frozenset[str]) -> set[str]:
    """The stems of the prose lines (good or near-good) from ``first`` to ``last``, both included."""
    return set().union(*(_stems(lines[k].text, stops) for k in range(first, last + 1)
                         if lines[k].cls in ("good", "neargood")))


TAIL_GAP, TAIL_SHARE, TAIL_MAX_CHARS = 2, 0.3, 400
_TIME_LINE = re.compile(r"^\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|uhr|h))?(?:\s+[A-Z]{2,4})?$", re.I)  # "10:42", "8.58am BST"


def _set_in_media(lines: list[Line], start: int, end: int) -> set[int]:
    """Lines of pictures and videos set between a story's paragraphs: a gallery's caption, credit and counter
    ("Fassungslos: Juwelier … vor seinem Laden" / "Foto: Sascha Pieper/BLITZ" / "6/9"), a video's label,
    title and length ("VIDEO" / "So dreist gingen die Räuber vor" / "00:47")."""
    found: set[int] = set()
    for i in range(start, end + 1):
        line = lines[i]
        if line.reason == "photo caption" or line.reason == "photo credit or caption" and i - 1 in found \
                or _GALLERY_COUNTER.match(line.text) and lines[i - 1].reason == "photo credit or caption":
            found.add(i)
        elif (closing := _video_box_end(lines, i, end)) is not None:
            found.update(range(i, closing + 1))
    return found


def _known_pitch(line: Line) -> bool:
    """A whole sentence or two of known boilerplate, as long as a pitch: a box's pitch set into the story."""
    return line.cls == "bad" and line.reason.startswith("boilerplate phrase") and line.words >= AD_PITCH_WORDS[0]


def _box_heading(line: Line) -> bool:
    """A box's heading: a few words, no sentence."""
    return line.cls == "short" and line.words <= BOX_HEADING_WORDS and not _TERMINAL.search(line.text)


def trim_tail(lines: list[Line], start: int, end: int) -> int:
    """Cut small blocks of text that the region picked up after a gap at its end.

    Below an article come the site's blurbs ("We are a choir since 1970…",
    "Join the developers who get our newsletter…"): prose, so they score well,
    but small and set apart from the body by a few lines of furniture.
    """
    segments: list[tuple[int, int, float]] = []  # (first, last, good chars)
    set_in = _set_in_media(lines, start, end)
    seg_start, mass, gap = start, 0.0, 0
    last_good = start
    for i in range(start, end + 1):
        line = lines[i]
        if line.cls in ("good", "neargood"):
            if gap >= TAIL_GAP and mass > 0:
                segments.append((seg_start, last_good, mass))
                seg_start, mass = i, 0.0
            mass += len(line.text) if line.cls == "good" else 0.4 * len(line.text)
            last_good, gap = i, 0
        elif line.cls == "short" and line.words >= 3 and line.text.endswith("?"):  # a question is content
            pass
        elif line.reason == "photo credit or caption" and lines[i - 1].reason == "image markup" \
                or line.reason == PICTURE_BUTTON:
            pass  # a picture and its caption are one gap, and its zoom button none: articles set them between paragraphs
        elif line.cls == "short" and _next_step(lines[i - 1].text, line.text):
            pass  # a numbered list's next short step ("6. Klicken Sie …" / "7. Klicken Sie auf » Deinstallieren «")
        elif i in set_in:
            pass  # a gallery's caption, credit and counter, a video's label, title and length: set into the story
        elif _TIME_LINE.match(line.text) or i > start and _TIME_LINE.match(lines[i - 1].text):
            pass  # a live blog's entry opens with its time and a heading: no gap
        elif _is_ad_label(line) or line.reason == RELATED_BOX or _LINK_LABEL.match(_fold(line.text)) \
                or i > start and _known_ad(lines, i - 1) \
                or _known_pitch(line) and _box_heading(lines[i - 1]) \
                or _box_heading(line) and i < end and _known_pitch(lines[i + 1]):
            pass  # where the scraper lost an ad (or its pitch under the label), a box the body was joined across, a
            # link set in, a known pitch with its heading ("Mitglieder sparen beim Reifenkauf" / "… Jetzt Vorteil
            # sichern"): no gap
        else:
            gap += 1
    segments.append((seg_start, last_good, mass))
    total = sum(m for _s, _e, m in segments)
    while len(segments) > 1:
        first, last, mass = segments[-1]
        if mass < TAIL_MAX_CHARS and mass < TAIL_SHARE * (total - mass):
            segments.pop()
            total -= mass
            end = segments[-1][1]
        else:
            break
    return end


_STEP_NUMBER = re.compile(r"^(\d{1,2})[.)]\s")


def _next_step(above: str, text: str) -> bool:
    """``text`` is the step after ``above`` in a numbered list ("5. …" under "4. …")."""
    this, previous = _STEP_NUMBER.match(text), _STEP_NUMBER.match(above)
    return bool(this and previous) and int(this.group(1)) == int(previous.group(1)) + 1


EXTEND_LINES = 12
EXTEND_BAD_RUN = 1
_HEADER_REASONS = ("date line", "byline", "photo credit or caption", "image markup", "duplicated pull quote",
                   "photo caption", "navigation or button text", "repeated line", "repeated short line",
                   "bare URL or file name", "no words", "teaser headline", PLAYER_LABEL, PICTURE_BUTTON, VIDEO_BOX)
# (a picture's file name, a post's counts of likes and comments, an author's name over the date line)
_EXTEND_STOPS = ("date line", "byline", "photo credit or caption", "image markup")


ANNOUNCED_LIST_MAX = 80
CLOSING_LINES = 2  # a story's closing lines under its table: more is another block (an author's box)


def take_announced_list(lines: list[Line], start: int, end: int) -> int:
    """A list the text announces with a colon ("Tour dates:", "You need:") belongs to the text.

    Tour dates, ingredients and results look like menus line by line; what
    tells them apart is the sentence or heading right before them that ends
    in a colon.  The list runs while its lines stay list-shaped (short, or
    taken for a menu), and ends at the first prose, marker or boilerplate.
    Inside the body ("Voici le programme complet :" and the programme, then
    more text) and after its last line; returns the body's new end.
    """
    for intro in range(start, end):
        if lines[intro].text.endswith(":") and lines[intro].cls in ("good", "neargood"):
            _take_list(lines, intro, _announced_end(lines, intro, end))
    # the announcing line is the region's own last sentence ("Here are the results:") or the line below it,
    # or a heading right below it over a table ("Les dates de la tournée" over "3 octobre – Rennes, Le Liberté")
    below = end + 1
    if end + 2 < len(lines) and _is_ad_label(lines[end + 1]):
        below = end + 3 if _known_ad(lines, end + 1) else end + 2  # (the ad is lost, or its pitch is known too)
    intro = end if 0 <= end < len(lines) and lines[end].text.endswith(":") and lines[end].cls != "bad" else below
    if intro >= len(lines) or lines[intro].words < 2 \
            or lines[intro].cls == "bad" and lines[intro].reason != LINK_LIST:  # "Tags:" labels, not announces
        return end
    colon = lines[intro].text.endswith(":")
    if not colon and (intro != below or not _headline_shaped(lines[intro])):
        return end
    last = _announced_end(lines, intro, len(lines) - 1)
    if not colon and last >= 0:  # a table's run ends at its last record (an author's box may follow it)
        records = _table_records(lines[intro + 1:last + 1])
        last = intro + max((k + 1 for k, record in enumerate(records) if record), default=-intro - 1)
    if last < 0:
        return end
    _take_list(lines, intro, last)
    if intro > end:
        lines[intro].cls, lines[intro].reason = "short", LIST_ANNOUNCED
    return _closing_lines(lines, last)


def _closing_lines(lines: list[Line], last: int) -> int:
    """The story's closing line or two right under its table, perhaps under their heading ("Fazit"), before
    the page's furniture ("Le texte est désormais transmis à l'Assemblée nationale." over the share buttons):
    the body's new end, or ``last`` when no such lines follow (or more prose does: another block)."""
    first = last + 1
    if first < len(lines) and lines[first].cls == "short" and _headline_shaped(lines[first]):
        first += 1
    k = first
    while k < len(lines) and lines[k].cls in ("good", "neargood") and k - first < CLOSING_LINES:
        k += 1
    if k == first or k < len(lines) and lines[k].cls in ("good", "neargood"):
        return last
    return k - 1


def _announced_end(lines: list[Line], intro: int, limit: int) -> int:
    """The last of the list-shaped lines under an announcing line (up to ``limit``), or -1 when fewer than two follow."""
    j = intro + 1
    while j <= limit and j - intro <= ANNOUNCED_LIST_MAX and lines[j].words <= 25 and (
            lines[j].cls == "short" or lines[j].reason in (LINK_LIST, CAPITALISED_GLUE)):
        j += 1
    return j - 1 if j - intro - 1 >= 2 else -1


def _take_list(lines: list[Line], intro: int, last: int) -> None:
    """Take the lines under ``intro`` up to ``last`` into the text (none when ``last`` is -1)."""
    for line in lines[intro + 1:last + 1]:
        line.cls, line.reason = "short", LIST_ANNOUNCED


def extend_region(lines: list[Line], start: int) -> int:
    """Grow the region upwards over the short lines at its top (a lead split off by a caption, a list).

    The maximum-sum run leaves out short lines at its edges because each costs
    a little; above the body they are taken in until a boundary: a date or
    byline line, a boilerplate phrase, an end-of-article marker, a
    newsletter's contents, or two bad lines in a row.  Below the body the same
    walk picks up more furniture than text (measured on the development
    pages), so the region ends where it ends.
    """
    edge, bad_run, taken, i = start, 0, 0, start - 1
    while i >= 0 and taken < EXTEND_LINES:
        line = lines[i]
        if line.hard_stop or line.reason in _EXTEND_STOPS or line.reason.startswith("boilerplate") \
                or line.reason == CONTENTS:
            break  # (nor over a newsletter's contents: its greeting above them is no lead)
        if line.cls == "bad":
            bad_run += 1
            if bad_run > EXTEND_BAD_RUN:
                break
        else:
            bad_run = 0
            edge = i
        taken += 1
        i -= 1
    return edge


def is_heading(lines: list[Line], i: int, end: int) -> bool:
    line = lines[i]
    text = line.text
    if text.endswith("?") and line.words <= 40:  # an interviewer's question
        return True
    if line.words == 0 or line.words > 16 or len(text) > 150:
        return False
    if text.endswith(":") and line.words <= 10:
        return True
    if _TERMINAL.search(text) or text.endswith((",", ";")):
        return False
    if not text[:1].isupper() and not text[:1].isdigit():
        return False
    nxt = next((lines[k] for k in range(i + 1, end + 1) if lines[k].cls != "bad"), None)
    return nxt is not None and (nxt.cls in ("good", "neargood") or bool(_BULLET.match(nxt.text)))


# (the text after the colon opens with a capital, not a quotation mark: "Mr Blair told the programme: \"Since …\"" is
# a speaker and what they said)
_HEADING_COLON = re.compile(r"^(?P<head>[A-ZÄÖÜÉ][^:.!?]{8,70}):\s+(?P<rest>[A-ZÄÖÜÉ].{60,})$")


# a place's name and a dash, then a clause: "Hofgarten – Knapper hätte es kaum ausgehen können" (not "HIV - AIDS")
_DATELINE_OPENING = re.compile(r"^[A-ZÄÖÜ][\w.'’-]+(?: [A-ZÄÖÜ][\w.'’-]+)?\s[–—-]\s(?=.*\s[a-zäöüß])\S+(?:\s\S+){2,}$")


def split_heading_colon(text: str, stops: frozenset[str]) -> tuple[str, str] | None:
    """ "Building sovereign AI infrastructure: Luxembourg is…" -> heading + paragraph.

    A speaker label ("Lex Delles: Data is…") is a name, all capitalised words;
    a run-in heading has lower-case words in it.  A dateline before a dash opens a sentence, not a
    heading ("Hofgarten – Knapper hätte es kaum ausgehen können: Mit 21 zu 19 Stimmen …").
    """
    m = _HEADING_COLON.match(text)
    if not m:
        return None
    head = m.group("head")
    words = head.split()
    if not 3 <= len(words) <= 8 or all(w[:1].isupper() for w in words) or re.search(r"[,;\"“”„«»()]", head) \
            or _DATELINE_OPENING.match(head):
        return None
    if sum(1 for w in words if w.lower() in stops) / len(words) > 0.25:
        return None
    return head, m.group("rest")


_SHARE_WORDS = re.compile(r"\b(?:share|shared|teilen|partager|tweet|whatsapp|facebook|mailto|e-?mail|pin it)\b")


# "Jacob Wade is a personal finance expert…", "Sara Zinnecker ist Redakteurin…": a bio opens with the name and a verb
# (a reporter's beat: "… covers work, wages")
_BIO_VERBS = {"is", "was", "has", "writes", "works", "covers", "reports", "leads", "heads", "runs", "ist", "war", "hat",
              "schreibt", "arbeitet", "berichtet", "betreut", "leitet", "est", "a", "écrit", "couvre", "travaille", "dirige"}


def _opens_bio(text: str, name: str) -> bool:
    """``text`` opens with ``name`` and a verb, as an author's bio does, or with the author's trade in apposition
    first ("Journaliste spécialisée dans la petite enfance, Camille Roussel écrit pour …")."""
    if text.startswith(name + " "):
        at = 0
    else:
        at = text.find(f", {name} ", 0, text.find(". ") if ". " in text else len(text))
        if at < 0:
            return False
        at += 2
    return text[at + len(name) + 1:].split(" ", 1)[0].casefold() in _BIO_VERBS


AUTHORS_BIO = "the author's bio (the byline's name and a verb)"
_NAME_LINE = re.compile(r"^[A-ZÄÖÜÉ][\w'’.-]+(?: [A-ZÄÖÜÉ][\w'’.-]+){1,3}$")


def cut_authors_bio(lines: list[Line], start: int, end: int) -> int:
    """End the body above the author's bio printed under the story ("Margaret Ellison-Shaw is a retired
    headteacher …", "Rachel Dunmore has written about careers …"): its last paragraphs, each opening with
    the name a byline on the page gives and a verb.  A story's own sentence about its author, inside it,
    stays.  Returns the new end."""
    authors = {name for line in lines[:end + 1] if line.reason == "byline" and (name := meta.byline_author(line.text))}
    authors |= {line.text for line in lines[:start] if _NAME_LINE.match(line.text)}  # a byline that is a name alone
    # an author's box under the story: the name alone over the bio that opens with it ("Katrien De Wilde" /
    # "Katrien De Wilde is LexBrief's Senior Legal Editor …")
    authors |= {lines[k].text for k in range(start, end) if _NAME_LINE.match(lines[k].text)
                and _opens_bio(lines[k + 1].text, lines[k].text)}
    if not authors:
        return end
    i = end
    while i > start and (lines[i].cls == "bad" or any(_opens_bio(lines[i].text, name) for name in authors)):
        if lines[i].cls != "bad":
            lines[i].cls, lines[i].reason = "bad", AUTHORS_BIO
            end = _end_before(lines, start, i)
        i -= 1
    return end
