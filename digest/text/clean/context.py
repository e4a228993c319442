"""Lines judged by their neighbours (step 3 of :mod:`digest.text.clean`).

In: the classified lines.  Out: the same lines, some re-classed "bad" with the
reason a reader would give: the box they belong to (a consent dialog, a teaser
or ad box, a call to action, a table of contents, a video box), a caption under
a picture, a line printed twice, a comment thread, a run of link titles.  Each
``_mark_*`` function looks for one kind of box and changes only its lines.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from .. import metadata as meta
from .phrases import (
    _GALLERY_NAMES,
    _PAGE_NUMBER_PATTERN,
)
from .lines import (
    _addresses_reader,
    _BULLET,
    CAPTION_UNDER_FILE_WORDS,
    CAPTION_WORDS,
    _CLOSING_MARKS,
    _content_words,
    _CREDIT_END,
    END_MARKER,
    _fold,
    _gallery_counter,
    _headline_shaped,
    HEADLINE_WORDS,
    _IMAGE_FILE,
    _in_capitals,
    Line,
    _norm_key,
    _page_title_headline,
    PAGE_TITLE_LINES,
    _PICTURE_CREDIT_END,
    PICTURE_LINES,
    _PICTURE_NAMED_CREDIT,
    PLAYER_LABEL,
    RUN_IN_GLUE,
    _stems,
    TEASER_LEAD,
    _TERMINAL,
)


def _is_picture(line: Line) -> bool:
    """A picture's markup or its file name (not a web address, under which a line may announce a link)."""
    return line.reason == "image markup" or line.reason == "bare URL or file name" and bool(_IMAGE_FILE.match(line.text))


def _caption_by_its_neighbours(above: Line, line: Line, below: Line) -> bool:
    """A line under a picture that its neighbours show to be the picture's caption, though it names no credit.

    Under a picture's file name (no alt text was printed): a line of any caption's length over the picture's
    credit or its gallery's counter ("Bild 1 von 14"), and a shorter one over the story's prose
    ("roamly-ev-bristol-bay.jpg" / "A Roamly electric car charging at its home bay").  Under any picture, such a
    sentence with the next picture right below it; a headline stands between the site's pictures and the
    story's, and a list's entry there is a teaser's headline by its thumbnail, left to the test for link lists."""
    if line.cls == "bad" or line.words > CAPTION_WORDS or above.reason not in PICTURE_LINES:
        return False
    under_file = bool(_IMAGE_FILE.match(above.text))
    if under_file and (below.reason == "photo credit or caption" or _gallery_counter(below.text)):
        return True
    if line.words > CAPTION_UNDER_FILE_WORDS:
        return False
    if under_file and below.cls == "good":
        return True
    return _is_picture(above) and _is_picture(below) and line.text.endswith((".", "!", "…")) \
        and not _BULLET.match(line.text)


def mark_captions_under_pictures(lines: list[Line]) -> None:
    """The line right under a picture that ends in its credit is the picture's caption ("Les cordes mesurées par
    les stations européennes (document : coordination européenne des occultations)", "… near the former dam
    site. (Tomas Aldana/The Tidewater Ledger)"), not the story's.

    A sentence of the story may end in a credit too, where no picture is printed: the development pages'
    editors keep those, so only a line under a picture's markup or file name goes."""
    for k, (above, line) in enumerate(zip(lines, lines[1:]), start=1):
        if above.reason in PICTURE_LINES and line.cls != "bad" and line.words <= CAPTION_WORDS \
                and (_PICTURE_CREDIT_END.search(line.text) or _PICTURE_NAMED_CREDIT.search(line.text)):
            line.cls, line.reason = "bad", "photo caption"
        elif k + 1 < len(lines) and _caption_by_its_neighbours(above, line, lines[k + 1]):
            line.cls, line.reason = "bad", "photo caption"
        # under a gallery's label ("Gallery", "Bildergalerie"), its captions up to the story's next paragraph, when
        # one of them names its credit
        elif _GALLERY_LABEL.match(above.text):
            run = list(itertools.takewhile(
                lambda c: (c.cls != "bad" or c.reason == "photo credit or caption") and c.words <= CAPTION_UNDER_FILE_WORDS,
                lines[k:]))
            if any(c.reason == "photo credit or caption" for c in run):
                for caption in run:
                    caption.cls, caption.reason = "bad", "photo caption"
        # under a gallery's counter alone ("2 / 14", "Bild 2 von 24"), in a gallery that prints its counters over its
        # captions (the next or the last counter three lines away: "1 / 14"), a line as long as a caption is the
        # picture's caption
        elif line.cls != "bad" and line.words <= CAPTION_WORDS and _gallery_counter(above.text) \
                and (k >= 3 and _gallery_counter(lines[k - 3].text)
                     or k + 2 < len(lines) and _gallery_counter(lines[k + 2].text)):
            line.cls, line.reason = "bad", "photo caption"


def _repeats_title(line: str, title: str) -> bool:
    """A line above the headline that says what the headline says (the page title printed again,
    or a phrase of it: "40-jähriges Jubiläum 2008" over "40-jähriges Jubiläum 2008: …") adds
    nothing as a kicker.  One word ("Tennis" over "Tennis Podcast: …") may still name the section."""
    key, title_key = _norm_key(line), _norm_key(title)
    return bool(key) and (key == title_key or (" " in key and f" {key} " in f" {title_key} "))


_PAGE_NUMBER = re.compile(_PAGE_NUMBER_PATTERN, re.I)
RUNNING_HEAD = "a printout's running head or foot (repeated beside a page's number)"
CREDIT_ALONE_WORDS = 6  # "Image: Halden", "Foto: Sascha Klahn / dpa": a credit with no caption of its own
# a sentence over such a credit, printed once, is its picture's caption when it is this short; the development
# pages' editors keep a paragraph of 24 words over "Fotos: Sasi Ponchaisang/123RF" in the text, and a how-to's
# steps, each over the same credit, are its text
CAPTION_OVER_CREDIT_WORDS = 15
_PICTURE_CREDIT = re.compile(r"^(?:foto|photo|image|bild|picture|credit|crédit)s?\s*:", re.I)  # not "Quelle:"
_GALLERY_LABEL = re.compile(rf"^(?:gallery|galerie|{_GALLERY_NAMES})$", re.I)


_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s?/\s?\d{1,3}$|^(?:bild|foto|photo|image|picture) \d{1,3} (?:von|of|sur|/) \d{1,3}$",
                              re.I)  # "3/9", "Bild 3 von 9"


def mark_repeats(lines: list[Line]) -> None:
    """Repeated lines, duplicated pull quotes and caption/credit pairs."""
    keys = [_norm_key(l.text) for l in lines]
    seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if not key:
            continue
        if key in seen:
            line = lines[i]
            if line.cls != "bad":
                line.cls, line.reason = "bad", "repeated line"
            first = lines[seen[key]]
            if first.cls in ("short", "neargood") and first.words <= 12:
                first.reason = first.reason or "repeated short line"
                first.cls = "bad" if first.cls == "short" and first.words <= 3 else first.cls
        else:
            seen[key] = i
    # a printout's running head or foot, beside a page's number ("Seite 1 von 2" / "Kantonsgericht Luzern ·
    # Medienmitteilung vom 21. Februar 2025"): every copy goes, the first one too
    numbered = [i for i, line in enumerate(lines) if line.words <= 12 and _PAGE_NUMBER.search(line.text)]
    for i in numbered:
        for k in (i - 1, i + 1):
            if 0 <= k < len(lines) and keys[k] and keys.count(keys[k]) >= 2:
                for copy in (j for j, key in enumerate(keys) if key == keys[k]):
                    lines[copy].cls, lines[copy].reason = "bad", RUNNING_HEAD
    # a caption printed again with its credit: "Caption" then "Caption Foto: …"
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if b.cls == "bad" and b.reason.startswith("photo credit") and keys[i] and keys[i + 1].startswith(keys[i]):
            a.cls, a.reason = "bad", "photo caption"
        # a short sentence over a credit alone on its line ("The Veo 3 comes in black, sage, and a pale pink." /
        # "Image: Halden"): the picture's caption (a subheading over it has no full stop, a paragraph is longer)
        elif a.cls != "bad" and b.reason.startswith("photo credit") and b.words <= CREDIT_ALONE_WORDS \
                and _PICTURE_CREDIT.match(b.text) and a.words <= CAPTION_WORDS \
                and (a.words <= CAPTION_OVER_CREDIT_WORDS and a.text.endswith(".") and keys.count(keys[i + 1]) == 1
                     or i + 2 < len(lines) and _GALLERY_COUNTER.match(lines[i + 2].text)):
            a.cls, a.reason = "bad", "photo caption"  # (or a gallery's: "Foto: Sascha Pieper/BLITZ" / "3/9")
    # pull quotes: a line whose whole text reappears inside a longer line
    # (the page's own title, "Headline? | Site", holds the headline: it makes no pull quote of it)
    longs = [(i, k) for i, k in enumerate(keys)
             if lines[i].words >= 12 and not (i < PAGE_TITLE_LINES and _page_title_headline(lines[i].text))]
    # one count over all long lines rules most lines out (keys hold no newline; a long line contains itself)
    all_longs = "\n".join(k for _, k in longs)
    for i, key in enumerate(keys):
        line = lines[i]
        if line.cls == "bad" or line.words < 5 or line.words > 60 or not _TERMINAL.search(line.text) \
                or all_longs.count(key) <= (line.words >= 12):
            continue
        for j, other in longs:
            if j != i and len(other) > len(key) + 10 and key in other:
                if other.startswith(key) and _CREDIT_END.search(lines[j].text):
                    # the paragraph again with a credit after it: the picture's caption, not the text's
                    lines[j].cls, lines[j].reason = "bad", "photo caption"
                    continue
                line.cls, line.reason = "bad", "duplicated pull quote"
                break


# A list taken in as the article's (its words are the text's, a table, a fact box, announced by the text): content.
LIST_IN_TEXT, LIST_ANNOUNCED = "list inside the text", "list announced by the text"
_LIST_TAKEN_IN = (LIST_IN_TEXT, LIST_ANNOUNCED)


def restore_topical_lists(lines: list[Line], start: int, end: int, stops: frozenset[str],
                           reach: int = 0) -> list[int]:
    """Inside the body (or within ``reach`` lines of it), a list that speaks of what the text speaks of is content.

    Menus and teaser lists share few words with the article around them; a
    recipe's ingredients or a table of results share many.  Returns the
    indices of the restored lines.
    """
    body_words: set[str] = set()
    for line in lines[start:end + 1]:
        if line.cls in ("good", "neargood"):
            body_words |= _content_words(line.text, stops)
    restored: list[int] = []
    body_end = end
    i, end = max(0, start + 1 - reach), min(len(lines) - 1, end + reach)
    while i < end:
        if lines[i].reason != LINK_LIST:
            i += 1
            continue
        j = i
        while j < end and lines[j].reason == LINK_LIST:
            j += 1
        words = set().union(*(_content_words(l.text, stops) for l in lines[i:j]))
        pairs = [l.text for l in lines[i:j] if _KEY_VALUE.match(l.text)]
        # a fact box inside the body ("Akku: 545 Wh", "Gewicht: 38,5 kg"): menus and teasers name, they do not measure
        facts = start < i and j <= body_end and len(pairs) >= max(3, 0.6 * (j - i)) \
            and sum(1 for text in pairs if _DIGIT_RE.search(text.partition(":")[2])) * 2 >= len(pairs)
        # a table inside the body (results, tour dates, timetables): nearly every line holds a figure
        table = start < i and j <= body_end and any(_table_records(lines[i:j]))
        if words and len(words & body_words) / len(words) >= LIST_OVERLAP or facts or table:
            restored.extend(range(i, j))
            for line in lines[i:j]:
                line.cls, line.reason = "short", LIST_IN_TEXT
        i = j
    return restored


LIST_OVERLAP, LIST_REACH = 0.5, 30
TABLE_ROWS, TABLE_FIGURES = 3, 1 / 2
_FIELD_MARK = re.compile(r"[–—;(|]|(?<!\d)[,:]|[,:](?!\d)")  # not a decimal comma, nor a time's colon: "+3,12 %", "09:47"
_FIGURE = re.compile(r"(?<![\w/._-])\d")  # a number of its own: not "TP_615" in a link
_WEB_ADDRESS = re.compile(r"\S*://\S*")
# after a list's bullet too: "* 350 g Zucker"; with its thousands: "- 4,200 registered attendees"
_LEADING_NUMBER = re.compile(r"^(?:[-*+•·▪►◦]\s+)?(\d{1,3}(?:[,.\u202f]\d{3})+|\d+)[.)]?\s")


def _table_records(rows: list[Line]) -> list[bool]:
    """Which of a list's lines are a table's records, when the list is a table printed as lines; all False
    when it is not one.  A table has at least :data:`TABLE_ROWS` records, and :data:`TABLE_FIGURES` of its
    lines are records: rows of the same fields ("Wales (Group E): Second appearance"), or a figure among
    their fields ("2. Philipp Sauter (TSV Grünhöhe) 32:58", "8 octobre – Bordeaux, Le Rocher de Palmer"),
    or a quantity first ("600 g butternut squash").  A menu or a list of teaser headlines names things, a
    table of contents numbers them 1, 2, 3 ("2 Effects"); a table of results, dates or ingredients records
    them."""
    needed = max(TABLE_ROWS, TABLE_FIGURES * len(rows))
    shapes = ["".join(_FIELD_MARK.findall(_WEB_ADDRESS.sub("", row.text))) for row in rows]
    shape, repeats = max(Counter(shapes).items(), key=lambda item: (len(item[0]) >= 2, item[1]), default=("", 0))
    if len(shape) >= 2 and repeats >= needed:
        return [row_shape == shape for row_shape in shapes]
    leading = [int(re.sub(r"\D", "", m[1])) for row in rows if (m := _LEADING_NUMBER.match(row.text))]
    counted = len(leading) >= TABLE_ROWS and leading == list(range(1, len(leading) + 1))
    records = [bool(_FIELD_MARK.search(row.text) and _FIGURE.search(row.text)
                    or not counted and _LEADING_NUMBER.match(row.text)) for row in rows]
    return records if sum(records) >= needed else [False] * len(rows)


# "Akku: 545 Wh, herausnehmbar", "Weight: 38.5 kg": a label of up to three words, a colon, a value
_DIGIT_RE = re.compile(r"\d")
_KEY_VALUE = re.compile(r"^[^\W\d_][\w.'’/-]*(?: [\w.'’/-]+){0,2}\s?:\s+\S")


def mark_comments(lines: list[Line]) -> None:
    """Text under a comment header ("Peter sagt:", "Jane on 2 May 2019 said:") is a reader's comment."""
    in_comment = False
    seen_text = 0
    for i, line in enumerate(lines):
        if line.reason.startswith("comment header") \
                or seen_text and line.reason == "comment section header" and not _jump_to_comments(lines, i) \
                or seen_text and line.reason == END_MARKER and _commenters_follow(lines, i):
            in_comment = True  # (a comment count above any text is the byline's "12 comments", not the thread)
        elif line.hard_stop:
            in_comment = False
        elif in_comment and line.cls != "bad":
            line.cls, line.reason = "bad", "reader comment"
        seen_text += line.cls == "good"


# A commenter's name and the comment's date: "Priya K. · 2 Feb 2025, 19:04", "marcus_h – 3. März 2025"
_COMMENTER_STAMP = re.compile(r"^(?P<name>[\w.'’ -]{2,40}?)\s+[·|–—-]\s+\S")
COMMENTER_REACH = 3
_SENTENCE_INSIDE = re.compile(r"[!?]|\.\s")  # (an initial's point may close the name: "Priya K.")


def _commenters_follow(lines: list[Line], i: int) -> bool:
    """A comment count or heading ("38 comments", "Comments") with a commenter's name and date right below it
    (past a sort menu) opens the thread: what follows are readers' comments, however good their prose."""
    for line in lines[i + 1:i + 1 + COMMENTER_REACH]:
        m = line.words <= 12 and _COMMENTER_STAMP.match(line.text)
        if m and not _SENTENCE_INSIDE.search(m["name"]) and meta.find_dates(line.text[m.end() - 1:]):
            return True
    return False


HEADER_TEXT_LINES = 2  # above the byline, a headline's deck and lead at most: more is the story


def _jump_to_comments(lines: list[Line], i: int) -> bool:
    """A comment count in the share bar under the byline ("by Priya Raman" / "Updated Apr 9, 2024" / "Share"
    / "Copy link" / "48 Comments / 48 New") is a link to the thread below the story, not its start: only
    buttons stand between it and the byline or dateline, and above those only the headline's deck."""
    k = i - 1
    while k >= 0 and lines[k].cls in ("bad", "short") and lines[k].reason not in ("byline", "date line"):
        k -= 1
    return k >= 0 and lines[k].reason in ("byline", "date line") \
        and sum(line.cls == "good" for line in lines[:k]) <= HEADER_TEXT_LINES


# The heading of a box of teasers set into a story ("Lesen Sie auch", "À lire aussi", "Related").
_TEASER_HEADING = re.compile(
    r"^(?:lesen sie (?:auch|mehr)|auch lesen|mehr zum thema|das konnte sie auch interessieren|read (?:also|more)|"
    r"see also|related(?: articles?| stories| posts| reading| insights?| coverage)?|more (?:on|about) this|"
    r"you (?:may|might) also like|(?:a )?lire aussi|a lire (?:aussi|egalement)|sur le meme (?:sujet|theme)|"
    r"auch interessant|also of interest)"
    r"(?:\s+(?:on|sur|auf|bei|chez)\s+\S+(?:\s+\S+)?)?\W*$")  # also "À lire aussi sur VériFaits"
TEASER_LEAD_WORDS = 30  # a teaser's lead is a sentence or two; a paragraph of the story is longer
TEASER = "teaser in a related-links box inside the article"


def _card_headline(line: Line) -> bool:
    """Headline-shaped, or a teaser's headline with a question or call inside ("Inselschule vor dem Aus? Nur
    noch vier Kinder im Klassenraum"), which :func:`_headline_shaped` takes for a sentence and its credit."""
    return _headline_shaped(line) or 1 <= line.words <= HEADLINE_WORDS and len(line.text) <= 140 \
        and (not line.text.rstrip(_CLOSING_MARKS).endswith((".", "!", "?", "…", ":")) or bool(_INITIALS_END.search(line.text)))


_INITIALS_END = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "Why it's so hard to hire marine engineers in B.C."


def mark_teaser_boxes(lines: list[Line]) -> None:
    """The teasers under a "Lesen Sie auch" heading: each a picture, a headline and perhaps a lead.

    A box set into the story shows a few other articles as cards; their
    leads are sentences, so they read as prose and would stay in the body.
    Under such a heading, cards are taken as long as they come: a picture,
    a headline-shaped line, then at most one sentence or two of up to
    :data:`TEASER_LEAD_WORDS` words (and a label such as "Plus").  Only a
    card with a picture has a lead: under a plain list of headlines the next
    paragraph is the story's.  At least two headlines make a box, or one set into
    the story, its prose right above the heading and below the card; the first
    longer paragraph is the story again.
    """
    for i, line in enumerate(lines):
        if line.cls != "bad" or line.words > 6 or not _TEASER_HEADING.match(_fold(line.text)):
            continue
        cards, j, pictured = [], i + 1, False
        while j < len(lines):
            card = lines[j]
            if card.reason == "image markup" or card.words <= 2 and card.cls in ("short", "bad"):
                pictured = pictured or card.reason == "image markup"
                j += 1
            elif _card_headline(card) and card.cls != "good" and card.reason != "photo credit or caption":
                cards.append(j)
                lead = lines[j + 1] if j + 1 < len(lines) else None
                if pictured and lead is not None and lead.cls in ("good", "neargood") \
                        and lead.words <= TEASER_LEAD_WORDS:
                    cards.append(j + 1)
                    j += 1
                j, pictured = j + 1, False
            else:
                break
        headlines = sum(1 for k in cards if _card_headline(lines[k]))
        # a single teaser is a box only set into the story: the story's prose right above and below it
        # (or a subheading of it, then its prose: "Pourquoi est-ce dangereux ?")
        set_in = 0 < i and j < len(lines) and lines[i - 1].cls == "good" \
            and (lines[j].cls == "good" or lines[j].cls == "short" and j + 1 < len(lines) and lines[j + 1].cls == "good")
        if headlines >= 2 or headlines == 1 and set_in:
            for k in cards:
                lines[k].cls, lines[k].reason = "bad", TEASER


_AD_LABEL = re.compile(r"^\W*(?:advertisement|advertising|ad|anzeige|werbung|publicite|sponsored|gesponsert)\W*$")


def _is_ad_label(line: Line) -> bool:
    """An ad's label alone on its line ("Anzeige", "ADVERTISEMENT"): one word, so most lines are ruled out cheaply."""
    return line.words == 1 and bool(_AD_LABEL.match(_fold(line.text)))


def _known_ad(lines: list[Line], i: int) -> bool:
    """Line ``i`` is an ad's label with its pitch right under it already known as boilerplate: the story goes on
    below the pair (no gap, no furniture heading)."""
    return 0 <= i < len(lines) - 1 and _is_ad_label(lines[i]) and lines[i + 1].cls == "bad"


AD_BOX = "an advertisement under its label"
AD_BOX_LINES = 6  # a product card or a sponsored link: its name, stars, price, a button
AD_PITCH_WORDS = (6, 16)  # an ad's one-line pitch is longer than a subheading, shorter than a paragraph


def mark_ad_boxes(lines: list[Line], stops: frozenset[str]) -> None:
    """The lines under an ad's label ("Anzeige", "Sponsored") inside a story are the ad, up to its next paragraph.

    A card set into a story under such a label is a product's short lines (its
    name, its stars, its price, "Jetzt ansehen") or a pitch and its button
    ("Ferienhäuser mit Meerblick ab 79 € pro Nacht." over "Mehr erfahren"),
    which stand inside the body and so would stay.  Only a label with the
    story's prose right above it counts, and only a card that ends where the
    story's prose resumes: after a pitch's button right under it, or after
    two short lines or more.
    A footer's "Werbung" over its links is no card.  A single line under the
    label, with the story's prose right below it, is the ad's one-line pitch
    ("Jetzt Probefahrt vereinbaren: Der neue Kraftmann K7 – stark auf jedem
    Acker.") when it is as long as a pitch (:data:`AD_PITCH_WORDS`) and names
    nothing the story's prose names (one shared word at most); a shorter line
    ("Der Weg zum Abschluss"), or one that speaks of the story, is where the
    scraper lost the ad, the line being the story's next subheading.  (A
    subheading right under a product's lines goes with them: nothing in the
    text tells it from the card's button.)
    """
    for i, line in enumerate(lines):
        if line.cls != "bad" or i == 0 or not _is_ad_label(line):
            continue
        in_story = lines[i - 1].cls == "good"
        while i + 1 < len(lines) and _is_ad_label(lines[i + 1]):
            i += 1  # labels stacked ("ADVERTISEMENT" / "Sponsored"): the ad starts under the last
        card_end, short = -1, 0
        if _one_line_pitch(lines, i, stops):
            card_end = i + 1  # (also above the story: "Ad" / "Trade shares from €0 commission …" / its headline)
        elif not in_story:
            continue
        elif lines[i + 1:i + 2] and lines[i + 1].cls == "good":  # a pitch: the ad's when its button closes it
            if i + 3 < len(lines) and lines[i + 2].reason == "navigation or button text" and _story_goes_on(lines, i + 3):
                card_end = i + 2
        else:
            for k in range(i + 1, min(len(lines), i + 1 + AD_BOX_LINES)):
                if lines[k].cls == "good":
                    card_end = k - 1 if short >= 2 else -1  # a product's lines end where the story resumes
                    break
                short += lines[k].cls != "bad"
        for boxed in lines[i + 1:card_end + 1]:
            if boxed.cls != "bad":
                boxed.cls, boxed.reason = "bad", AD_BOX


# A button that asks the reader to act ("Sign now", "Jetzt Fördermitglied werden", "Zum Cyber-Check »",
# "Faire un don"): its verb first, or an arrow last.  Matched against the folded line.
_CALL_TO_ACTION = re.compile(
    r"^(?:(?:sign|donate|join|book|register|apply|subscribe|support|give|take action|act now|find out more|learn more|"
    r"jetzt|zum|zur|spenden?|unterstutzen|mitmachen|mitglied werden|registrieren|buchen|"
    r"signer|je (?:signe|donne|soutiens|m'inscris)|faire un don|adherer|soutenir|inscrivez-vous|s'inscrire|"
    r"en savoir plus|start (?:my|your|a|the) |try |commencer |essayer |demarrer )\b[^.!?]*|[^.!?]*\s[»→›])$")
CTA_BUTTON_WORDS, CTA_PITCH_WORDS, BOX_HEADING_WORDS = 5, 40, 6
_PITCH_QUESTION = re.compile(r"^[^.!?]{3,60}\s?\?\s+\S")  # a box's heading glued to its pitch: "Prêt pour la réforme ? …"
CTA_BOX = "a call to action set into the article (its heading, its pitch and its button)"


def _call_to_action(line: Line) -> bool:
    return 1 <= line.words <= CTA_BUTTON_WORDS and not line.text.endswith(":") \
        and bool(_CALL_TO_ACTION.match(_fold(line.text).strip())) and not _footer_heading(line)  # "Zur Person"


# A newsletter's contents: "In dieser Ausgabe:", "In this issue", "Au sommaire" (not a page's "Inhalt", which
# may head the content itself: "Inhalt" over a press release, "Inhaltsverzeichnis" over a guide's sections)
_CONTENTS_LABEL = (r"in (?:dieser|der heutigen) ausgabe|in diesem newsletter|in this (?:issue|edition)|"
                   r"in today's (?:issue|edition|newsletter)|dans ce numero")
_CONTENTS = re.compile(rf"^(?:{_CONTENTS_LABEL}|au sommaire)\s*:")
_CONTENTS_SENTENCE = re.compile(rf"^(?:{_CONTENTS_LABEL})\b")  # "in dieser Ausgabe berichten wir …"
CONTENTS = "table of contents (of a newsletter's issue)"
CONTENTS_ENTRY_WORDS = 16
_ENTRY_MARK = re.compile(r"^(?:[-*•·▪►◦→▶>]|\d{1,2}[.)])\s*")


def mark_contents(lines: list[Line]) -> None:
    """A newsletter's table of contents: its label and the entries under it, or both on one line.

    A newsletter's web view opens with "In dieser Ausgabe:" over the headlines of its stories
    ("• KI-Kompetenz: Was die neue Schulungspflicht für Betriebe bedeutet"), or says them in
    one line ("In dieser Ausgabe: Solarstrom vom eigenen Dach, die Generalversammlung und
    freie Wohnungen."); the lead story's headline is printed again above it, where it belongs.
    The entries are short lines with no full stop; the first line of prose ends them."""
    for i, line in enumerate(lines):
        if not line.text[:4].lower().startswith(("in ", "dans", "au s")):
            continue  # (every label opens so: a cheap test spares the rest of the page's lines)
        folded = _fold(line.text)
        label = _CONTENTS.match(folded + ":" if line.words <= 3 and not folded.endswith(":") else folded)
        if not label:  # or the contents said in a sentence to the reader ("… berichten wir vom Warnstreik …")
            label = _CONTENTS_SENTENCE.match(folded) if line.words <= 40 and _addresses_reader(line.text, 0) else None
        elif line.words > 25:
            continue
        if not label:
            continue
        line.cls, line.reason = "bad", CONTENTS
        if folded[label.end():].strip():
            continue  # the entries on the label's own line
        previous, taken = line, set()
        for entry in lines[i + 1:]:
            key = _norm_key(entry.text)
            if entry.words > CONTENTS_ENTRY_WORDS or entry.cls == "good" or entry.hard_stop or key in taken \
                    or entry.reason in ("byline", "date line") \
                    or entry.text.rstrip(_CLOSING_MARKS).endswith((".", "!", "…")) \
                    or entry.number > previous.number + 1 \
                    or previous is not line and bool(_ENTRY_MARK.match(entry.text)) != bool(_ENTRY_MARK.match(previous.text)):
                break  # (the entries end at an empty line, where their bullets or arrows end, at the first
                # story's headline printed again or its byline)
            entry.cls, entry.reason = "bad", CONTENTS
            previous = entry
            taken.add(key)


def mark_call_to_action_boxes(lines: list[Line]) -> None:
    """A box that asks the reader to act, set into the story or closing it: a short heading, a pitch, a button.

    "Sign our petition" / "Tell the Home Secretary: no facial recognition without a
    law …" / "Sign now", or "Hilf uns helfen!" / "Mit einer Fördermitgliedschaft ab
    32 € im Jahr unterstützt du unsere Arbeit …" / "Jetzt Fördermitglied werden":
    its pitch is prose, and shares the story's subject, so it would stay.  The
    button asks the reader to act, and the heading and pitch speak to the reader
    (:func:`_addresses_reader`), or the heading asks too; the story's prose
    stands above the box.  (The story's last paragraph over a link, "Zum
    Open-Data-Portal", has no heading of its own between it and the story.)"""
    for b, button in enumerate(lines):
        if b < 3 or button.cls == "good" or not _call_to_action(button):
            continue
        if lines[b - 1].reason.startswith("boilerplate phrase") and lines[b - 1].words > CTA_BUTTON_WORDS:
            button.cls, button.reason = "bad", CTA_BOX  # the button of a known pitch ("Support independent …")
            continue
        pitch = b - 1
        while pitch > b - 3 and lines[pitch].cls in ("bad", "short") and lines[pitch].words <= 3:
            pitch -= 1  # a form's field between the pitch and its button ("Votre e-mail" over "Je m'inscris")
        if pitch < 2 or lines[pitch].words > CTA_PITCH_WORDS or lines[pitch].cls not in ("good", "neargood") \
                and not (lines[pitch].cls == "short" and lines[pitch].words >= AD_PITCH_WORDS[0]):
            continue  # (a pitch of short sentences may be "short": "Dienstag, 6. Mai, 18.30 Uhr. Eintritt frei.")
        if lines[pitch - 1].cls == "good" and _PITCH_QUESTION.match(lines[pitch].text) \
                and _addresses_reader(lines[pitch].text, 0):
            # a pitch with its heading glued on, a question to the reader ("Wie viel ist Ihr Job wert? Vergleichen
            # Sie Ihr Gehalt …", "Prêt pour la réforme ? Facturo vérifie vos fiches clients …"), under the story
            for boxed in lines[pitch:b + 1]:
                boxed.cls, boxed.reason = "bad", CTA_BOX
            continue
        heading = pitch - 1
        if lines[heading].cls not in ("short", "bad") or lines[heading].words > BOX_HEADING_WORDS \
                or lines[heading - 1].cls != "good" and not _is_ad_label(lines[heading - 1]):
            continue  # (an ad's label may stand over its tagline: "ANZEIGE" / "Ihr Betrieb. Ihr Risiko. Unser Schutz.")
        if not _addresses_reader(f"{lines[heading].text} {lines[pitch].text}", 0) and not _call_to_action(lines[heading]) \
                and not _in_capitals(lines[heading].text):
            continue  # (a box's heading in capitals: "DAUERKARTE 2025/26", "ALUMNI WEEKEND 2025")
        for boxed in lines[heading:b + 1]:
            if boxed.cls != "bad":
                boxed.cls, boxed.reason = "bad", CTA_BOX


# A price as an offer states it ("23,99 €/mois", "ab 79 €", "£15 a month"): a pitch that names one may share
# a few words with the story and still be the ad's
_PRICE = re.compile(r"\d+(?:[.,]\d{2})?\s?(?:€|eur\b|chf\b)|[€$£]\s?\d", re.I)
AD_PITCH_PRICED_SHARED = 3
# The story's paragraphs this many lines around an ad's label tell a pitch's voice from theirs; a pitch that
# speaks to the reader may run to two sentences, as long as a box's pitch (CTA_PITCH_WORDS).
AD_STORY_REACH = 3


def _story_goes_on(lines: list[Line], k: int) -> bool:
    """Line ``k`` is the story's prose, or its next subheading, an interview's next question or the story's
    headline over its prose (past a byline and date line)."""
    if lines[k].cls == "good":
        return True
    if lines[k].cls not in ("short", "neargood") or not (_headline_shaped(lines[k]) or lines[k].text.endswith("?")):
        return False
    below = next((line for line in lines[k + 1:k + 4] if line.reason not in ("byline", "date line")), None)
    return below is not None and below.cls == "good"


def _one_line_pitch(lines: list[Line], label: int, stops: frozenset[str]) -> bool:
    """The line under an ad's label, with the story's prose (or its next subheading or question) right below it
    (past a labelled link), is as long as a pitch and names nothing (one word at most, three when it names a
    price) that the page's prose names."""
    resumes = next((k for k in range(label + 2, len(lines)) if lines[k].cls != "bad"), None)  # past a labelled link
    ends = label + 2 < len(lines) and lines[label + 2].hard_stop  # the story ends under the ad ("Sur le même sujet")
    if not ends and (resumes is None or not _story_goes_on(lines, resumes)):
        return False
    pitch = lines[label + 1]
    if pitch.cls == "bad" or not AD_PITCH_WORDS[0] <= pitch.words <= CTA_PITCH_WORDS:
        return False
    if pitch.words <= AD_PITCH_WORDS[1]:
        prose = set().union(*(_stems(line.text, stops) for line in lines if line.cls == "good" and line is not pitch))
        shared = len(_stems(pitch.text, stops) & prose)
        if shared <= 1 or shared <= AD_PITCH_PRICED_SHARED and bool(_PRICE.search(pitch.text)):
            return True
    # a pitch may name the story's subject, and say more ("Protégez votre PME contre les cyberattaques : audit
    # gratuit … Offre valable jusqu'au 31 mars." under a report on a cyberattack): it speaks to the reader, where
    # the story's paragraphs around it do not
    around = [line for line in lines[max(0, label - AD_STORY_REACH):label + 2 + AD_STORY_REACH]
              if line.cls == "good" and line is not pitch]
    voiced = _addresses_reader(pitch.text, 0) or bool(_PITCH_QUESTION.match(pitch.text))  # "Moving to Luxembourg? Our …"
    return voiced and bool(around) and not any(_addresses_reader(line.text, 0) for line in around)


# A boilerplate phrase about privacy: the line belongs to a consent dialog.
_CONSENT_REASON = re.compile(r"cookie|consent|einwilligung|zustimmung|datenschutz|privacy|privatsphare|"
                             r"consentement|confidentialite|vie privee|partenaires|partner")
CONSENT_REACH = 2  # how many lines above and below a dialog's own line may stand


def mark_consent_dialogs(lines: list[Line]) -> None:
    """Prose inside a consent dialog is the dialog's, not the article's.

    A dialog alternates lines that name consent, cookies or privacy (flagged
    already) with paragraphs that explain them to the reader ("Wir nutzen
    diese Daten, um Inhalte und Anzeigen zu personalisieren", "Some of our
    partners are based outside the EU").  Those paragraphs are good prose and
    would carry a dialog longer than the story into the body.  A line with a
    consent line at most :data:`CONSENT_REACH` lines above it is the dialog's
    when another consent line stands as close below it, or a boilerplate
    line does and the line speaks to the reader ("Ihnen", "you", "vous").
    """
    def consent(line: Line) -> bool:
        return line.cls == "bad" and (line.reason == CONSENT_DIALOG or line.reason.startswith("boilerplate")
                                      and bool(_CONSENT_REASON.search(line.reason)))

    for i, line in enumerate(lines):
        if line.cls not in ("good", "neargood") or not any(consent(l) for l in lines[max(0, i - CONSENT_REACH):i]):
            continue
        below = lines[i + 1:i + 1 + CONSENT_REACH]
        if any(consent(l) for l in below) or any(l.cls == "bad" and l.reason.startswith("boilerplate") for l in below) \
                and _addresses_reader(line.text, share=0):
            line.cls, line.reason = "bad", CONSENT_DIALOG


CONSENT_DIALOG = "inside a consent dialog (speaks to the reader between its lines)"


def mark_link_lists(lines: list[Line]) -> None:
    """Runs of headline-shaped lines with no running text between them are teaser lists or menus."""
    n = len(lines)
    i = 0
    while i < n:
        j = i
        while j < n and lines[j].cls != "good" and (_headline_shaped(lines[j]) or lines[j].cls == "bad"):
            j += 1
        run = [k for k in range(i, j) if lines[k].cls != "bad"]
        glued = sum(1 for k in range(i, j) if lines[k].reason == RUN_IN_GLUE)  # menu entries too, run together
        # a button among them is an entry too ("All the best, Max" / "DOWNLOAD PDF" / "LICENSED UNDER CC BY")
        buttons = sum(1 for k in range(i, j) if lines[k].words <= 3 and lines[k].reason.startswith("boilerplate phrase")
                      or lines[k].reason == PLAYER_LABEL)  # (and a player's: "▶ Listen to this interview (7 min)")
        # and so is a teaser under its label in capitals, which a phrase or a credit marks ("VIDEO: Die besten
        # Lastenräder im Vergleich", "UMFRAGE: Fahren Sie mit dem Lastenrad zur Arbeit")
        buttons += sum(1 for k in range(i, j) if lines[k].cls == "bad" and _CAPS_LABEL.match(lines[k].text))
        if len(run) + glued + buttons >= 3:
            for k in run:
                lines[k].cls, lines[k].reason = "bad", LINK_LIST
        i = max(j, i + 1)
    # a headline followed by a date line or a "read more" is a teaser
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if line.cls != "bad" and _headline_shaped(line) and nxt.cls == "bad" and nxt.reason in (
                "date line", END_MARKER, TEASER_LEAD):
            line.cls, line.reason = "bad", "teaser headline"


LINK_LIST = "link list or menu (run of headline-shaped lines)"
_CAPS_LABEL = re.compile(r"^[A-ZÄÖÜ]{4,}\s*:\s*[^\W\d]")


# Headings under which a press release or a post goes on about something other than its story: its end mark,
# the notes to editors, the press contact, the author's bio (or the interviewee's, "Zur Person"), a disclaimer.
_FOOTER_HEADING = re.compile(
    r"^(?:-*\s*(?:ends|ende)\s*-*|#{3}|-30-|notes? (?:to|for) (?:the )?editors|hinweise? (?:fur|an) (?:die )?redaktion(?:en)?|"
    r"notes? aux redactions|(?:presse|medien)kontakt|press (?:contacts?|enquiries)|media (?:contacts?|enquiries)|"
    r"(?:ihre? )?ansprechpartner(?:in|innen)?|(?:your )?contact person|(?:votre )?interlocut(?:eur|rice)|"
    r"contacts? (?:presse|medias)|kontakt fur (?:die )?(?:presse|medien)|haftungsausschluss|disclaimer|"
    r"(?:uber|about|a propos d[eu]?) ?(?:den |die |the |l')?(?:autor|autorin|author|authors|auteur|auteure)|zur person)$")


def _footer_heading(line: Line) -> bool:
    """A heading of what a press release or post prints below its story (see :data:`_FOOTER_HEADING`).

    Not "About X" over a company's blurb: the development pages' editors keep
    a press release's "About my6sense" paragraph as part of the release."""
    return line.words <= 6 and bool(_FOOTER_HEADING.match(_fold(line.text).strip(" .:|>»")))


# a clip's length, perhaps with how long it stays online ("00:47", "2 Min | verfügbar bis 04.02.2027"), or last
# in its programme's stamp ("Westfunk Markt | 04.03.2024 | 06:41 Min.")
_DURATION = re.compile(r"^(?:\d{1,2}:\d\d(?::\d\d)?|\d{1,3}\s?(?:min|sek|sec)\.?)(?:\s*[|·•–-]\s*.*)?$"
                       r"|^[^|·]{1,40}(?:[|·][^|·]{1,40})*[|·]\s*\d{1,2}:\d\d(?::\d\d)?(?:\s*min\.?)?$", re.I)
_VIDEO_LABEL = re.compile(r"^(?:video|vidéo|videos)$", re.I)
MEDIA_BOX_LINES = 3  # a video's label, its title and its length
VIDEO_BOX = "a video's title and length (under its label)"


def _video_box_end(lines: list[Line], i: int, end: int) -> int | None:
    """Where the video box that line ``i`` labels ends (its length's line), or None when ``i`` labels none."""
    if not _VIDEO_LABEL.match(lines[i].text):
        return None
    return next((k for k in range(i + 1, min(end + 1, i + MEDIA_BOX_LINES)) if _DURATION.match(lines[k].text)), None)


def mark_video_boxes(lines: list[Line]) -> None:
    """A video set into the page: "VIDEO" / "So dreist gingen die Räuber vor" / "00:47".  Its title and its
    length are the clip's, not the story's."""
    for i in range(len(lines)):
        closing = _video_box_end(lines, i, len(lines) - 1)
        for k in range(i + 1, closing + 1 if closing else i):
            if lines[k].cls != "bad":
                lines[k].cls, lines[k].reason = "bad", VIDEO_BOX
