"""Metadata around the body (step 4 of :mod:`digest.text.clean`).

In: the lines and the body's bounds.  Out: a :class:`CleanResult` with the
headline, kicker, standfirst, author, date, publisher, section and lead image,
each with its evidence (which line, and what supported it), and the header
furniture between headline and body dropped with its reason.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from ...article import CleanedPage
from ..urls import http_url
from .. import dates, metadata as meta
from .phrases import (
    _weak_phrase,
)
from .lines import (
    _addresses_reader,
    _BULLET,
    CAPITALISED_GLUE,
    _CLOSING_MARKS,
    _content_words,
    _CREDIT_END,
    _CREDITED_SENTENCE,
    _fold,
    _headline_shaped,
    HEADLINE_WORDS,
    _is_credit,
    _kicker_shaped,
    _LANG_STOPLISTS,
    Line,
    _norm_key,
    _page_title_headline,
    PAGE_TITLE_LINES,
    PageImage,
    _SENDER_LINE,
    _SENTENCE_END,
    _SITE_SUFFIX,
    _stems,
    stopwords,
    _TAG_LIST,
    _TERMINAL,
    _TITLE_LABEL,
    TOPIC_SHIFT_OVERLAP,
    _TRAIL_MARKS,
    _WORD,
)
from .context import (
    _call_to_action,
    _is_ad_label,
    _KEY_VALUE,
    LINK_LIST,
    LIST_IN_TEXT,
    _repeats_title,
    TEASER,
)
from .region import (
    _COMMENT_STOP,
    date_stamp,
    _dateline_shaped,
    _HEADER_REASONS,
    _opens_bio,
    _SHARE_WORDS,
    _stems_of_prose,
)


@dataclass
class CleanResult(CleanedPage):
    """What the cleaner makes of one page (:class:`~digest.article.CleanedPage`), and for
    ``--explain`` why: the dated candidates and the competing body regions."""

    date_candidates: list = field(default_factory=list)  # dates.DateCandidate, for --explain
    regions: list[dict] = field(default_factory=list)  # the competing body regions, best first (for --explain)

    def to_dict(self) -> dict:
        from dataclasses import asdict

        data = asdict(self)
        data["text"] = self.text
        return data


# An image of the site rather than of the story: a tracking pixel ("facebook.com/tr?id=…&noscript=1",
# a VG Wort counter), a logo, an author's avatar, an icon or emoji, an ad badge, a placeholder.
_SITE_IMAGE = re.compile(
    r"logo|avatar|icon|sprite|badge|adchoices|pixel|spacer|blank\.gif|1x1|placeholder|emoji|\.svg\b"
    r"|banner|subscri|newsletter|(?<![a-z])(?:menu|twitter|facebook|instagram|linkedin|pinterest|whatsapp|"
    r"youtube|rss|social|share|flags?)(?![a-z])"
    r"|google-analytics|doubleclick|googletagmanager|scorecardresearch|vgwort|xiti",
    re.I)
# A size in the address ("…-54x45.png", "/36x36/", "max-125x32"): under 120 pixels both ways an icon or
# a thumbnail, under 60 one way a strip or a badge.
_IMAGE_SIZE = re.compile(r"(?<!\d)(\d{2,4})x(\d{2,4})(?!\d)")
_SITE_IMAGE_ALT = re.compile(r"\b(?:logo|banners?|sponsored|advert\w*|anzeige|werbung|publicité)\b", re.I)
IMAGE_ABOVE_TITLE = 3  # lines above the headline where a story's picture may stand (a hero image, a kicker)


def _lead_image(images: list[PageImage], lines: list[Line], top: int, end: int) -> PageImage | None:
    """The story's own picture: the first image line from just above the headline (or, with no
    headline, the body) to the end of the body that is not the site's (:data:`_SITE_IMAGE`,
    :func:`_small`).

    The first image of a page is often the site's logo or a tracking pixel (on the 528
    development pages, 84 of the 184 taken that way were a logo, an avatar, a pixel or an
    icon); a page whose story has no picture gets none rather than one of those, which a
    feed would hand every subscriber's reader to fetch."""
    if not images or not lines or end < 0:
        return None
    first = lines[max(0, top - IMAGE_ABOVE_TITLE)].number
    # up to the first text line after the body: a picture saved after the text (aggregators do) is the story's
    after = next((line.number for line in lines[end + 1:] if not line.text.startswith("![")), None)
    last = after - 1 if after else images[-1].line
    for image in images:
        if first <= image.line <= last and http_url(image.url) and not _site_image(image):
            return image
    return None


def _site_image(image: PageImage) -> bool:
    """The site's picture, not the story's: a logo, an avatar, an icon, a pixel, a badge, a tiny size."""
    return bool(_SITE_IMAGE.search(image.url) or _SITE_IMAGE_ALT.search(image.alt) or _small(image.url))


def _small(url: str) -> bool:
    sizes = [(int(w), int(h)) for w, h in _IMAGE_SIZE.findall(url)]
    return any(max(size) < 120 or min(size) < 60 for size in sizes)


_NOT_A_TITLE = re.compile(r"[»›>|]\s*$|\s[›>]\s|\s[|/]\s.*\s[|/]\s|\w\|\w.*\w\|\w|^\W|https?://|"
                          r"^\W*(?:\S+\s+){0,3}\d+\s+(?:min(?:ute)?s?|words|wörter|kommentare|comments)\b|"
                          r"\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b|\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen)\b|"
                          r"\bil y a\s+\d+\s+(?:min(?:ute)?s?|heures?|jours?)\b", re.I)
# (not a breadcrumb's "Ackerbau › Mais" or "News / Research / Engineering", a menu's "A | B | C" or
# "Start|Magazin|Tipps", a count near a line's start, "5 min read", "12 comments", nor a posting age, "11 minutes
# ago"; a headline may count minutes: "… from 41 minutes to 9")
_OPENING_QUOTES = "«»“”„‚‘\"'‹› "


# A consent dialog's heading speaks to the reader about their privacy ("We value your privacy",
# "Wir respektieren Ihre Privatsphäre", "Vos choix en matière de confidentialité").
_CONSENT_HEADING = re.compile(
    r"\b(?:privacy|privatsphare|datenschutz\w*|confidentialite|vie privee|cookies?|consent\w*|einwilligung|zustimmung|"
    r"choices|auswahl|choix)\b")
_READER_ADDRESS = re.compile(r"\b(?:you|your|we|our|ihre?|ihrer|wir|unsere?|vos|votre|nous|nos)\b")


# A company's name with its legal form, alone on its line (a stock box's heading, a logo): "Hallberg Maschinenbau AG"
# is no headline (above one, a press portal's issuer, it may be the kicker)
_LEGAL_FORMS = r"AG|SE|GmbH|KG|KGaA|Inc\.?|Ltd\.?|LLC|plc|PLC|ASA|S\.A\.|SA|SAS|NV|N\.V\.|Corp\.?"
_COMPANY_NAME = re.compile(rf"^(?:[A-ZÄÖÜ0-9][\w&.'’-]*\s+){{1,5}}(?:{_LEGAL_FORMS}|Holding)$")
# "Stadtwerke Lindenau GmbH" names "Stadtwerke Lindenau"
_LEGAL_FORM = re.compile(rf"\s+(?:{_LEGAL_FORMS}|e\.\s?v\.)(?:\s*&\s*co\.?\s*kg)?$", re.I)


# A shop's name marked as an affiliate link ("Elektrohaus24*") and a price after it
_AFFILIATE_OFFER = re.compile(r"\w\*\s.*(?:\d\s?(?:€|eur\b|euro\b|chf\b|\$|£)|[€$£]\s?\d)", re.I)


# A match's result: two sides and the score, perhaps the half-time score ("TSV Grünhagen – HSG Eichwald 29:27 (14:15)")
_RESULT_LINE = re.compile(r"^[^:]{3,60}\s[-–—]\s[^:]{3,60}\s\d{1,3}\s?[:-]\s?\d{1,3}(?:\s*\(\d{1,3}\s?[:-]\s?\d{1,3}\))?$")
# A podcast's or a talk's cast: "Guest: Dr Rosalind Achterberg, pollination ecologist", "Gast: …", "Invitée : …"
_CAST_LINE = re.compile(r"^(?:guests?|host|hosts|gast|gaste|moderation|invitee?s?|animateur|animatrice)\s*:\s")


def _in_title_case(text: str) -> bool:
    """Every word of four letters or more capitalised, five of them at least: a headline set in title case,
    which may end in a full stop ("The Library Stopped Charging Late Fees. Then the Books Came Back."); a
    sentence's verbs and adjectives are in small letters, in German too."""
    words = [word for word in _WORD.findall(text) if len(word) >= 4]
    return len(words) >= 5 and all(word[0].isupper() for word in words)


def _title_rejection(line: Line, site: str) -> str:
    """Why a headline-shaped line is not the article's title: a site name, a consent heading, a section
    or menu name, a list of tags, a byline, a caption ending in its credit, a date stamp; "" if none."""
    folded = _fold(line.text)
    key = _norm_key(line.text)
    if site and key in (_norm_key(site), _norm_key(_LEGAL_FORM.sub("", site))):
        return "the site's name"
    if line.words <= 8 and _CONSENT_HEADING.search(folded) and _READER_ADDRESS.search(folded):
        return "a consent dialog's heading"
    if line.words <= 4 and (_weak_phrase(folded) or line.reason == "navigation or button text"):
        return "a section or menu name"
    if line.words <= 3 and _call_to_action(line):
        return "a button that asks the reader to act"  # "Join Roamly", "Jetzt spenden"
    label = _page_title_headline(line.text) or line.text
    if len(label.split()) <= KICKER_WORDS and _ISSUE_NUMBER.search(label):  # "Newsletter Nr. 3/2025 – Site"
        return "an issue's label"
    if len(_QUOTE_CHANGE.findall(line.text)) >= 2:
        return "a stock ticker"
    if _KEYWORD_PATH.match(line.text):
        return "a path of keywords"  # an agency's "Luxemburg/Wirtschaft/Preise/"
    if "*" in line.text and _AFFILIATE_OFFER.search(line.text):
        return "an affiliate's offer"  # "Lumora Color 7 bei Elektrohaus24* für 234,99 €"
    if _SENDER_LINE.match(folded):
        return "the sender's line"  # "Communiqué par : ministère du Logement et de l'Aménagement du territoire"
    if _CAST_LINE.match(folded):
        return "a guest's or host's name"  # "Guest: Dr Rosalind Achterberg, pollination ecologist"
    if _RESULT_LINE.match(line.text):
        return "a match's result"  # the scoreboard over a match report's headline
    if _TAGLINE.match(folded):
        return "the site's tagline"  # "Ihre Heimatzeitung für Soltenbrück, Wensloh, …", "Das Magazin für …"
    if _TAG_LIST.match(folded) or (folded.count(",") >= 3 and all(len(item.split()) <= 2 for item in folded.split(","))):
        return "a list of tags"
    author = meta.byline_author(line.text)
    if author and all(word[:1].isupper() for word in author.split()):  # "Von Startups und Giganten" may head a story
        return "a byline"
    if _CREDIT_END.search(line.text):
        return "a photo caption"
    if date_stamp(line):
        return "a date stamp"
    return ""


def _author_box_name(lines: list[Line], i: int) -> str:
    """Why line ``i`` is an author's name rather than the headline: it follows a lone "By" (a byline
    split over two lines), or the line below opens with it and a verb ("Jacob Wade" over "Jacob Wade
    is a personal finance expert who …", an author's bio); "" when neither."""
    text = lines[i].text
    if i > 0:  # "By" / "Jacob Wade": the line above is the byline's cue alone
        author = meta.byline_author(f"{lines[i - 1].text.strip(' :')} {text}")
        if author and author == meta.tidy_author(text):
            return "a byline's name"
    below = lines[i + 1].text if i + 1 < len(lines) else ""
    if _opens_bio(below, text):
        return "the name over an author's bio"
    return ""


# An article's own contents over its sections' headings, which are printed again below ("In this article"),
# up to this many entries
CONTENTS_REACH = 12
BREADCRUMB_WORDS = 6
_ARTICLE_CONTENTS = re.compile(r"^(?:in this (?:article|guide|post)|on this page|contents|table of contents|"
                               r"in diesem (?:artikel|beitrag|ratgeber)|auf dieser seite|inhaltsverzeichnis|"
                               r"dans cet article|dans ce guide|sur cette page|sommaire)\s*:?$")


def _below_breadcrumb(lines: list[Line], start: int, i: int) -> int:
    """The first line under the last breadcrumb between ``start`` and ``i`` ("News › Luxembourg"), or ``start``:
    what stands above a breadcrumb (a live banner, a ticker) is not the story's text."""
    first = start
    for k in range(start, i):
        if lines[k].words <= BREADCRUMB_WORDS and _TRAIL_MARKS.search(lines[k].text) and not _SENTENCE_END.search(lines[k].text):
            first = k + 1
    return first


def _article_contents_entry(lines: list[Line], i: int) -> str:
    """Line ``i`` is an entry of the article's contents, under its label with other entries between: one of the
    article's subheadings, never its headline; "" otherwise."""
    k = i - 1
    while k >= 0 and i - k <= CONTENTS_REACH and _headline_shaped(lines[k]) and not lines[k].hard_stop:
        if _ARTICLE_CONTENTS.match(_fold(lines[k].text).strip()):
            return "an entry of the article's contents"
        k -= 1
    return ""


_MENU_LINES = (LINK_LIST, "navigation or button text", "repeated short line", "repeated line")
MENU_ENTRY_WORDS = 3  # a menu's entries name a page in a word or three ("Preise", "Öffentliche Verwaltung")
MENU_ENTRY_REACH = 2  # ... and stand between as many entries above and below


def _menu_entry(lines: list[Line], i: int) -> str:
    """Line ``i`` is an entry in the middle of a menu: as short as menu entries are, with short entries of a menu
    two deep above and below it.  A menu's entry may name the article's subject in the article's own words
    ("Öffentliche Verwaltung" on a software firm's site); a headline stands at a menu's end, over its deck or
    byline; "" otherwise."""
    if lines[i].words > MENU_ENTRY_WORDS or i < MENU_ENTRY_REACH or i + MENU_ENTRY_REACH >= len(lines):
        return ""
    around = lines[i - MENU_ENTRY_REACH:i] + lines[i + 1:i + 1 + MENU_ENTRY_REACH]
    if all(line.cls == "bad" and line.reason in _MENU_LINES and line.words <= MENU_ENTRY_WORDS for line in around):
        return "an entry in the middle of a menu"
    return ""


FACT_BOX_LINES = 3


def _fact_box_line(lines: list[Line], i: int) -> str:
    """A line of a box of "label : value" lines ("Dates : du 12 au 14 juillet", "Lieu : Prairie du Moulin",
    "Tarifs : 18 €"), three labels or more in a row: practical information, never the headline, however
    many of the article's words it names.  A headline with a colon over its date line and byline
    ("Veröffentlicht: 17. Juni 2024", "Text: Holger Brinkhege") is no box, nor one printed twice over
    "Stand: 02.07.2024": the others must be two more labels, neither a date line nor a byline; "" otherwise."""
    if not _KEY_VALUE.match(lines[i].text) or _TITLE_LABEL.match(lines[i].text):
        return ""  # (a saved page's own header, "Title: … / Publisher: … / URL: …", names its title)
    first = last = i
    while first > 0 and _KEY_VALUE.match(lines[first - 1].text):
        first -= 1
    while last + 1 < len(lines) and _KEY_VALUE.match(lines[last + 1].text):
        last += 1
    labels = {lines[k].text.partition(":")[0].strip().lower() for k in range(first, last + 1)
              if lines[k].reason not in ("date line", "byline") and k != i}
    return "a line of a box of facts" if len(labels) >= FACT_BOX_LINES - 1 else ""


def _caption_under_picture(line: Line, images: list[PageImage]) -> str:
    """A line printed right under a picture that says what the picture's alt text says is its caption
    ("![Cameron Brooksbank](…)" over "Cameron Brooksbank"); "" otherwise."""
    key = _norm_key(line.text)
    for alt, _url, number in images:
        if number == line.number - 1 and key and _norm_key(alt) == key:
            return "a picture's caption"
    return ""


SHARE_LINE_TIMES = 2  # a share line that repeats the headline is mostly the headline: at most twice as long


def _title_support(lines: list[Line], i: int, images: list[PageImage], keys: list[str],
                   stamps: bool = False) -> list[str]:
    """What else on the page says line ``i`` is the headline: a byline or dateline beside it, the lead
    image's alt text, a share line that repeats it.  Named by line number and kind, never quoted.
    ``stamps``: a date stamp beside it counts as a dateline (for the body's first line, which the
    stamp above it introduces)."""
    found: list[str] = []
    key = _norm_key(lines[i].text)
    near = [k for k in range(max(0, i - 3), min(len(lines), i + 4)) if k != i
            and (lines[k].reason in ("date line", "byline") or _dateline_shaped(lines[k])
                 or (stamps and date_stamp(lines[k])) or meta.byline_author(lines[k].text))]
    if near:
        kind = lines[near[0]].reason if lines[near[0]].reason in ("date line", "byline") else \
            "byline" if meta.byline_author(lines[near[0]].text) else "dateline"
        found.append(f"{kind} on line {lines[near[0]].number} beside it")
    if key and any(_norm_key(alt) == key or (len(key) >= 20 and key in _norm_key(alt)) for alt, _url, _line in images):
        found.append("repeated as an image's alt text")
    for k, other in enumerate(lines):
        if k != i and key and len(lines[i].text) < len(other.text) <= SHARE_LINE_TIMES * len(lines[i].text) \
                and key in keys[k] and _SHARE_WORDS.search(_fold(other.text)):  # (not a contact line's "E-Mail")
            found.append(f"repeated in a share line (line {other.number})")
            break
    return found


def find_title(lines: list[Line], start: int, end: int, result: CleanResult, stops: frozenset[str],
                images: list[PageImage] = ()) -> int:
    """Pick the headline: a headline-shaped line shortly above the body that shares its words.

    A headline names what the article is about, so most of its content words
    recur in the first paragraphs; menu entries, section names and share
    buttons do not.  Being printed twice (page title and headline), standing
    beside the byline or dateline, being the lead image's alt text, being
    repeated in a share line and being close to the body add to the score.
    A site name, a consent dialog's heading and a section or menu name are
    never the title.  The body's own first line may be the headline
    (:func:`_opening_headline`) if it passes the same tests, its words matched
    against the lines below it: it competes when a byline, dateline or date
    stamp beside it speaks for it, else it is taken only when nothing else
    qualifies.  Returns the line's index or -1.
    """
    body_words = _running_text_stems(lines, start, end, stops)
    opening = _opening_headline(lines, start, end)
    below_opening = _running_text_stems(lines, opening + 1, end, stops) if opening >= 0 else set()
    counts: dict[str, int] = {}
    keys = [_norm_key(line.text) for line in lines]
    # printed twice: the page title over the headline; a copy below the body is the footer's site name
    for line, key in zip(lines[:end + 1], keys):
        key = key if len(line.text) <= 200 else ""
        counts[key] = counts.get(key, 0) + 1
    named_by_page_title: set[str] = set()
    for line in lines[:PAGE_TITLE_LINES]:  # the page's own title prints the headline once more
        headline = _page_title_headline(line.text) if len(line.text) <= 200 else ""
        # also after a newsletter's or series' name: "The Ledger: Headline"
        named_by_page_title |= {_norm_key(part) for part in (headline, headline.partition(": ")[2]) if part}
    # ... or opens it, the site's name and a section's after it however they are parted ("Headline – Blog – Site")
    page_titles = [keys[k] for k in range(min(PAGE_TITLE_LINES, len(lines))) if len(lines[k].text) <= 200]
    for i in range(max(0, start - TITLE_WINDOW), min(start + 1 + HEADLINE_REPRINT_REACH, len(lines))):
        if i >= PAGE_TITLE_LINES and lines[i].words >= 4 and any(t.startswith(keys[i] + " ") for t in page_titles):
            named_by_page_title.add(keys[i])
    for key in named_by_page_title:
        counts[key] = counts.get(key, 0) + 1
    site = meta.publisher_from_lines([l.text for l in lines])[0]
    best, best_score, best_support = -1, 0.0, []
    qualified: dict[int, list[str]] = {}  # every headline-shaped line that shares the article's words
    rejected: list[str] = []
    for i in range(max(0, start - TITLE_WINDOW), min(start + 1 + HEADLINE_REPRINT_REACH, len(lines) - 1)):
        named = keys[i] in named_by_page_title
        if i >= start + 3 and not named:
            continue  # (deeper into the body only the headline the page's title names: see below)
        line = lines[i]
        text = line.text
        # a headline that is a quotation, or opens with one ("'Every violin …': a conversation with …")
        quoted = text[:1] in "«“„\"‹‘'" and any(mark in text[1:] for mark in "»”“\"›’'") \
            or text.endswith(("»", "›")) and ("«" in text or "‹" in text)  # "Lou Garnier : « La mode … »"
        if not 2 <= line.words <= 25 or len(text) > 200 or _NOT_A_TITLE.search(text.strip(_OPENING_QUOTES) if quoted else text) \
                or _BULLET.match(text):
            continue
        if line.reason and line.reason not in ("repeated line", "repeated short line", LINK_LIST, "teaser headline",
                                               TEASER, "navigation or button text", CAPITALISED_GLUE, LIST_IN_TEXT):
            # (an English headline in title case looks like glued link texts; a menu shares few of the article's words)
            continue
        if text.endswith((".", ",", ";", ":")) and not text.endswith("...") \
                and not (text.endswith(".") and (named or keys[i] in page_titles) and counts.get(keys[i], 0) >= 2) \
                and not (text.endswith(".") and _in_title_case(text)) \
                or meta.is_date_line(text) or _CREDITED_SENTENCE.search(text):
            continue  # (a headline of two sentences is printed as the page's title too: "… is here. Most … ready.")
        if i >= start and i != opening:
            # a headline can open the dense region only as its first headline-shaped lines, or, when the page's
            # title names it, below what is not the story's (a banner, a call to the reader, an ad's pitch)
            below = [l for l in lines[i + 1:i + 6] if l.reason not in ("date line", "byline") and not _dateline_shaped(l)]
            if below[:1] and below[0].cls != "good" and _headline_shaped(below[0]) and below[0].words > KICKER_WORDS:
                below = below[1:]  # (a deck under it: "Minister Iversen: „Die Wärmewende entscheidet sich vor Ort“")
            if line.cls == "good" or not below or below[0].cls != "good":  # byline and dateline may stand between
                continue
            if named:
                if _story_above(lines, start, i, end, stops):
                    continue
            elif any(not _headline_shaped(l, ordinals=True) and not _ISSUE_NUMBER.search(l.text) and " " in l.text
                     for l in lines[_below_breadcrumb(lines, start, i):i + 1]):
                continue  # (a word alone is no text above it: the site's domain, "salzburg.ORB.at")
        words = _stems(text, stops)
        # a one-word match is weak evidence: a menu entry ("Über mich") shares a word with many posts
        shared = len(words & (below_opening if i == opening else body_words))
        overlap = shared / max(len(words), 2) if words else 0.0
        stamped = line.words >= 3 and i + 1 < len(lines) and (
            lines[i + 1].reason in ("byline", "date line") or date_stamp(lines[i + 1]))
        # the classic layout: a headline of a sentence's length right over its deck, and the header's furniture
        # (if any) between the deck and the body; a German headline's compounds ("Wasserstoff-Lkw im Alltagstest")
        # may share one word with the text, and one right over the body's first paragraph none ("Der Mann, der jedem
        # das richtige Buch gab" over an obituary)
        over_deck = (shared or i == start - 1 and not text[:1].islower()) and i < start \
            and line.words >= DECK_HEADLINE_WORDS and lines[i + 1].cls == "good" \
            and all(_header_furniture(furniture) for furniture in lines[i + 2:start])
        # ... and a short one, however few words it shares, over its deck and the byline or date under the deck
        # ("Der Streifen des Anstosses" / its deck / "Text: Nadia Bürgi"), where a section's name never stands
        over_deck = over_deck or i + 2 < start and lines[i + 1].cls == "good" \
            and lines[i + 2].reason in ("byline", "date line")
        if (overlap < TITLE_MIN_OVERLAP or line.words <= TITLE_SHORT_WORDS and shared < 2) \
                and not (named and shared) and not (stamped and overlap >= TITLE_MIN_OVERLAP) and not over_deck:
            continue  # (the page's title names a headline that shares a word with the text: that is enough)
        why_not = _title_rejection(line, site) or _author_box_name(lines, i) or _caption_under_picture(line, images) \
            or _article_contents_entry(lines, i) \
            or ("" if named or counts.get(keys[i], 0) >= 2 else _menu_entry(lines, i)) \
            or ("a company's name" if _COMPANY_NAME.match(line.text) else "") \
            or ("" if named else _fact_box_line(lines, i))
        if why_not:
            rejected.append(f"line {line.number} ({why_not})")
            continue
        support = _title_support(lines, i, images, keys, stamps=i == opening)
        if named:  # the page's own title names it: a menu's or site's name repeats, too
            support.append("named by the page's own title")
        elif line.words >= 6 and keys[i] not in page_titles and any(
                keys[i].startswith(named + " ") or keys[i].endswith(" " + named)
                for named in named_by_page_title if len(named.split()) >= 4):
            # "… 400 KILOS of lemons — and his staff …"; "Die Königin schweigt nicht mehr: Festgottesdienst zur
            # Orgelweihe in St. Marien" under the page's title "Orgelweihe in St. Marien – Pfarrei …"
            support.append("the page's own title, and more")
        # the classic layout, headline then byline, names the headline twice over (not a deck under it)
        if i - 1 not in qualified and i + 1 < len(lines) and meta.byline_author(lines[i + 1].text):
            support.append(f"byline on line {lines[i + 1].number} right under it")
        score = 3.0 * overlap
        score += 1.5 if counts.get(keys[i], 0) >= 2 else 0.0
        score += 2.0 * (1 - abs(start - i) / (TITLE_WINDOW + 1))
        score += min(line.words, 10) / 10
        score += 1.0 * len(support)
        qualified[i] = support
        # the body's opening line wins on its own evidence (a byline or dateline beside it), else only
        # when nothing else qualifies: a teaser heading a wrongly chosen region has none
        if score > best_score and (i != opening or support):
            best, best_score, best_support = i, score, support
    if best < 0 and opening in qualified:
        best, best_support = opening, qualified[opening]
    # A short label directly above a longer headline-shaped line is that headline's kicker
    # ("Higher education" over "Thousands of UK academics 'treated as second-class citizens'"):
    # a two-word label shares all its words with the article and would otherwise outscore it.  So is a longer
    # label set in capitals over a headline that is not ("WANDERN IN DER SÄCHSISCHEN SCHWEIZ").
    if best >= 0 and best + 1 in qualified and _kicker_shaped(lines[best].text) \
            and lines[best + 1].words > lines[best].words \
            and (lines[best].words <= KICKER_WORDS
                 or lines[best].text.isupper() and not lines[best + 1].text.isupper()):
        best, best_support = best + 1, qualified[best + 1] + [f"under its kicker on line {lines[best].number}"]
    # The headline printed again with its second half ("Nexora Aero 14 Pro im Test" over "Nexora Aero 14 Pro im
    # Test: Das leichteste OLED-Notebook seiner Klasse"): the whole of it
    elif best >= 0 and best + 1 in qualified and keys[best + 1].startswith(keys[best] + " "):
        best, best_support = best + 1, qualified[best + 1] + [f"the whole of line {lines[best].number}"]
    # A headline directly above a longer line that also names the article is that line's headline,
    # the longer one its deck ("Wildbienen finden in Kleingärten mehr Nahrung als auf dem Land" over
    # "Studie der Arbeitsgruppe Tierökologie zählt fast hundert Arten …"): the deck, longer and nearer the
    # body, shares more of its words.  Not a page title ("… Costumes | 2020"), a label of parts ("Spielbericht
    # Herren · AXA League, 16. Spieltag"), a list of topics, a series' label with its issue number ("Tarifinfo
    # Versand- und Onlinehandel Nr. 14/2024"), nor a tagline over the line that the page's own title names
    # ("Science News from research organizations").
    elif best - 1 in qualified and lines[best - 1].words > KICKER_WORDS \
            and lines[best].words > lines[best - 1].words \
            and "|" not in lines[best - 1].text and " · " not in lines[best - 1].text \
            and lines[best - 1].text.count(",") < 3 \
            and not _ISSUE_NUMBER.search(lines[best - 1].text) and not keys[best].startswith(keys[best - 1]) \
            and not (keys[best] in named_by_page_title and keys[best - 1] not in named_by_page_title):
        best, best_support = best - 1, qualified[best - 1] + [f"over its deck on line {lines[best].number}"]
    # A plain article file opens with its headline, however short and whatever words it shares ("Zahlenspiele" over
    # a commentary): with nothing above the body but its first line, no site's furniture stands there to mistake.
    if best < 0 and start <= 1 <= end and _heads_a_plain_file(lines[0], site):
        best, best_support = 0, ["the file's first line, right over the body"]
    if best >= 0:
        result.title = _TITLE_LABEL.sub("", lines[best].text).strip()
        where = "opening the body, with no full stop" if best == opening else "above the body"
        source = "; ".join([f"headline-shaped line {lines[best].number} {where}"] + best_support
                           + ([f"passed over: {', '.join(rejected)}"] if rejected else []))
        result.evidence["title"] = meta.evidence(result.title, source, min(0.9, 0.3 + best_score / 10))
        _split_site_name(result, lines)
    return best


def _heads_a_plain_file(line: Line, site: str) -> bool:
    text = line.text
    return line.cls != "bad" and 1 <= line.words <= TITLE_PLAIN_FILE_WORDS \
        and (not text.endswith((".", ",", ";", ":")) or text.endswith(("...", "…"))) \
        and not _NOT_A_TITLE.search(text) and not _BULLET.match(text) and not _title_rejection(line, site)


def _story_above(lines: list[Line], start: int, headline: int, end: int, stops: frozenset[str]) -> bool:
    """Is the prose between the region's start and the headline printed in it the story's own (a lead printed
    above the headline), rather than what opened the region before the article: a banner ("INSCRIPTIONS
    2025-2026 : … Réservez votre cours d'essai gratuit !"), a call to the reader, an ad's pitch?

    The story's lead speaks of others in the story's words; the rest speaks to the reader, or of
    something else."""
    prose = [k for k in range(start, headline) if lines[k].cls in ("good", "neargood")
             and not (k > 0 and _is_ad_label(lines[k - 1]))]  # (an ad's pitch under its label is no lead)
    above = set().union(*(_stems(lines[k].text, stops) for k in prose))
    below = _stems_of_prose(lines, headline + 1, end, stops)
    return not below or bool(above) and not _addresses_reader(" ".join(lines[k].text for k in prose)) \
        and len(above & below) / len(above) > TOPIC_SHIFT_OVERLAP


# A medium describing itself: "Ihre Heimatzeitung für …", "Das Magazin für Technik", "Le quotidien de l'Ouest"
_TAGLINE = re.compile(r"^(?:(?:ihre|deine|dein|your|votre|ton)\s+(?:\w+\s+){0,2}|(?:das|die|der|le|la|l'|the)\s*(?:\w+\s+){0,2})"
                      r"(?:heimatzeitung|zeitung|tageszeitung|wochenzeitung|magazin|nachrichtenportal|newspaper|magazine|"
                      r"quotidien|hebdomadaire|webzine)\s+(?:fur|for|de|du|des|pour|aus|in|im|der)\b")
_KEYWORD_PATH = re.compile(r"^[^\s/]+(?:/[^\s/]+)+/?$")  # (not a kicker's two sections: "Prison / Enfermements")
_QUOTE_CHANGE = re.compile(r"[+−-]\s?\d+(?:[.,]\d+)?\s?%")  # a quote's change: "+1,21 %", "−0,12 %"
_ISSUE_NUMBER = re.compile(r"\b(?:nr|no|n°|nº|ausgabe|issue|heft)\.?\s*\d+(?:/\d+)?$", re.I)


def _running_text_stems(lines: list[Line], first: int, end: int, stops: frozenset[str]) -> set[str]:
    """The stems of the running text in the 40 lines from ``first`` (not past ``end``): what a
    headline above them must name."""
    found: set[str] = set()
    for line in lines[first:min(end + 1, first + 40)]:
        if line.cls in ("good", "neargood"):
            found |= _stems(line.text, stops)
    return found


OPENING_REACH = 4  # lines between the opening headline and its text, past its byline and date lines


def _opening_headline(lines: list[Line], start: int, end: int) -> int:
    """The body's first line, when it is shaped like the headline printed at the top of the story; else -1.

    A text dump ends every paragraph with its punctuation; a first line that ends with none (or with
    "?" or "!") and has running text right below it is a heading ("Python 3.6.0 is now available!",
    "How does the brain turn unconscious information into conscious thought?").  Date stamps,
    bylines, pictures and credits may stand above it, and a byline or one short line (a name, a
    heading such as "Einleitung") between it and the text.  Never a line with a date or a posting
    age in it (a caption "(Published Monday, Nov. 18, 2019)"), nor an interview's first question
    above its answer.  Whether it names the article is for :func:`find_title` to weigh."""
    i = start
    while i <= end and (lines[i].cls == "bad" or date_stamp(lines[i]) or _dateline_shaped(lines[i])):
        i += 1  # (a line with a date is never the headline: "Urteil 1B 24 17 vom 6. Februar 2025" above it)
    if i > end:
        return -1
    text = lines[i].text
    if text.endswith((".", ",", ";", ":")) or meta.find_dates(text) or dates.RELATIVE_DATE.search(text):
        return -1
    if text.endswith(("?", "!")) and lines[i].words > HEADLINE_WORDS:  # a question or call in the text
        return -1
    # the next few lines, past the byline and date lines (also an issuer's, "Communiqué par : ministère …")
    near = itertools.islice((l for l in itertools.islice(lines, i + 1, end + 1) if l.reason not in ("byline", "date line")),
                            OPENING_REACH)
    below = [l for l in near if l.cls != "bad" and not _dateline_shaped(l)]
    text_below = next((k for k, l in enumerate(below[:2]) if l.cls in ("good", "neargood")), None)
    if text_below is None or (text_below == 1 and below[0].words > KICKER_WORDS):
        return -1
    if text.endswith("?") and _SPEAKER.match(below[text_below].text):  # an interview's question and answer
        return -1
    return i


def _split_site_name(result: CleanResult, lines: list[Line]) -> None:
    """A page title "Headline | Site" or "Headline - Site": the headline, and the site as publisher.

    After a dash, or when it holds a hyphen, the name must be printed elsewhere on the page too, apart
    from the headline and the prose (the masthead, the footer): a headline's second half ("Wolf reißt Schafe auf
    Deich – Landkreis prüft Abschuss", "How to Grow a Lemon Tree from Seed | Step-by-Step Guide", "Lords wrong
    on detainees - Straw" over "Jack Straw has attacked …") is not."""
    m = _SITE_SUFFIX.match(result.title)
    if not m or not 1 <= len(m.group("site").split()) <= 4 or len(m.group("title").split()) < 3:
        return
    site = m.group("site").strip()
    if not site[:1].isupper() and "." not in site:  # "… - and more" is part of the headline
        return
    headline = m.group("title").strip()
    separator = result.title[m.end("title"):m.start("site")].strip()
    if (separator != "|" or "-" in site) and not any(  # (a name in the story's prose is no masthead)
            site in line.text and headline not in line.text and line.cls not in ("good", "neargood") for line in lines):
        return
    result.title = headline
    result.evidence["title"] = meta.evidence(result.title, "page title without the site name", 0.7)
    result.evidence["publisher"] = meta.evidence(site, "site name after the page title", 0.5)
    result.publisher = site


TITLE_WINDOW, TITLE_MIN_OVERLAP = 30, 0.2
HEADLINE_REPRINT_REACH = 8  # lines into the body where the page's title may be printed again as the headline
KICKER_WORDS = 4  # a kicker names a section or topic in a few words, above the headline
DECK_HEADLINE_WORDS = 6
TITLE_SHORT_WORDS = 4  # a line this short must share two words with the article: a tagline or section name shares one
TITLE_PLAIN_FILE_WORDS = 15  # a plain file's first line longer than this is its first sentence, not a headline


_LABEL_SEPARATORS = " |/·•»›>–—-"
_AGGREGATOR_ALT = re.compile(r"^(?:\[[^\]]*\]\s*)?(?:downloaded image for imported item #\d+\s*)", re.I)


def recover_metadata(result: CleanResult, lines: list[Line], start: int, end: int, title_index: int,
                      images: list[PageImage], lang: str, from_html: bool = False, reference=None) -> None:
    lead = _lead_image(images, lines, title_index if title_index >= 0 else start, end)
    if lead:
        result.image = lead.url
        result.evidence["image"] = meta.evidence(lead.url, f"image line {lead.line}, by the article", 0.8)
    pictured = (images[-1] if not images[0].url else images[0]) if images else None
    if pictured and not _site_image(pictured):  # a logo's alt text names the site ("The Denver Post")
        alt = pictured.alt
        if not result.title:
            alt_title = _AGGREGATOR_ALT.sub("", alt).strip()
            stops = stopwords(lang if lang in _LANG_STOPLISTS else "en")
            alt_words = _content_words(alt_title, stops)
            body_words = _content_words(result.text[:5000], stops)
            if 3 <= len(alt_title.split()) <= 30 and alt_words and len(alt_words & body_words) / len(alt_words) >= 0.5:
                result.title = alt_title
                result.evidence["title"] = meta.evidence(alt_title, "alt text of the image line", 0.6)
    if not result.title:
        _title_from_interview(result)
    # date: candidates by their place on the page, scored in digest.text.dates
    choice = dates.choose(dates.page_dates(lines, title_index, start, end, lang, [image.url for image in images],
                                           reference, result.text))
    result.date_candidates = choice.candidates
    if choice.iso:
        result.date = choice.iso
        result.evidence["date"] = meta.evidence(choice.iso, choice.source, choice.confidence)
    # kicker: a short line directly above the title ("Artificial Intelligence")
    if title_index > 0:
        prev = lines[title_index - 1]
        label = prev.text.rstrip(_LABEL_SEPARATORS)  # "Politics |": the separator printed after a section's name
        if 1 <= prev.words <= KICKER_WORDS and _kicker_shaped(label) and not meta.find_dates(label) \
                and not dates.RELATIVE_DATE.search(label) and not _repeats_title(label, result.title):
            if not (prev.reason.startswith("boilerplate") or _weak_phrase(_fold(prev.text))
                    or _is_credit(prev.text) or _title_rejection(prev, result.publisher)
                    or meta.logo_name(prev.text)):  # the site's logo, its alt text and name side by side
                result.kicker = label
                result.evidence["kicker"] = meta.evidence(label, "short line above the headline", 0.6)
                result.section = label  # on news pages the kicker above the headline names the section
                result.evidence["section"] = meta.evidence(label, "kicker line above the headline", 0.4)
    _split_kicker(result, lines)
    # standfirst: the single sentence directly below the headline
    if title_index >= 0 and not from_html and result.blocks and title_index + 1 == start:
        first = result.blocks[0]
        if first.kind == "paragraph" and len(first.text) <= 320 and first.text.count(". ") == 0 and len(result.blocks) > 2:
            result.standfirst = first.text
            result.evidence["standfirst"] = meta.evidence(first.text, "one-sentence lead below the headline", 0.7)
            result.blocks.pop(0)
    elif title_index >= 0 and not from_html and title_index + 1 < start:
        # "Headline / lead / dateline / picture / credit / body": the lead sits above the page furniture, or
        # right above the body when it is a deck taken for the last entry of a menu run on into the headline
        # (under the headline's last print, when the page prints it again over its deck)
        key = _norm_key(lines[title_index].text)
        top = max((k for k in range(title_index + 1, start - 1) if _norm_key(lines[k].text) == key), default=title_index)
        top += lines[top + 1].reason == "no letters or digits" and top + 2 < start  # a critic's stars: "★★★★☆"
        lead = lines[top + 1]
        between = lines[top + 2:start]
        deck = lead.words >= DECK_WORDS and not lead.text.endswith((":", ",")) and lead.reason in ("", LINK_LIST) \
            and not meta.find_dates(lead.text)
        if ((lead.cls in ("good", "neargood") and _TERMINAL.search(lead.text) or deck) and len(lead.text) <= 400
                and not date_stamp(lead)
                and len(between) <= LEAD_FURNITURE_LINES and all(_header_furniture(l) for l in between)):
            result.standfirst = lead.text
            result.evidence["standfirst"] = meta.evidence(lead.text, "lead between the headline and the dateline", 0.6)
            result.dropped = [d for d in result.dropped if d.line != lead.number]
    # author: a byline stands just above the text, or under the headline when a share bar or a picture
    # comes between it and the text ("Von Miriam Kesselring" / date / 18 buttons / the text)
    below_title = lines[title_index + 1: min(title_index + 1 + BYLINE_REACH, start)] if title_index >= 0 else []
    for line in lines[max(0, start - BYLINE_REACH): start + 3] + below_title:
        name = meta.byline_author(line.text)
        if name:
            name = _without_site_name(name, lines)
            result.author = name
            result.evidence["author"] = meta.evidence(name, f"byline on line {line.number}", 0.8)
            break
    # publisher
    publisher, where = meta.publisher_from_lines([l.text for l in lines], [l.number for l in lines])
    if publisher and (not result.publisher or where.startswith("site line")):
        result.publisher = publisher
        result.evidence["publisher"] = meta.evidence(publisher, where, 0.6)
    elif result.image and not result.publisher:
        host = meta.publisher_from_url(result.image)
        if host:  # images are often served by a CDN or another site: a guess kept as evidence, not shown
            result.evidence["publisher"] = meta.evidence(host, "host of the lead image (a guess, not shown)", 0.2)


LEAD_FURNITURE_LINES = 20
DECK_WORDS = 10  # a deck under the headline, printed with no full stop, is as long as a sentence
BYLINE_REACH = 8  # lines above the text, and below the headline, where the byline may stand


def _without_site_name(name: str, lines: list[Line]) -> str:
    """The author's name without the site's or section's name a byline printed after it with no
    separator ("By Timothy H.J. Nerozzi Fox News"): the page prints that name on a line of its own
    (its menu's "Fox News"), a name's last words do not.  The first two words always stay."""
    words = name.split()
    if len(words) < 3:
        return name
    keys = {_norm_key(line.text) for line in lines}
    for cut in range(2, len(words)):
        if words[cut][:1].isupper() and _norm_key(" ".join(words[cut:])) in keys:
            return " ".join(words[:cut])
    return name


def _header_furniture(line: Line) -> bool:
    """What stands between a headline's lead and the body: dateline, picture, credit, and share/print buttons.

    A share bar is a run of button labels ("Share on Facebook", "Copy link",
    "Download PDF", "A A A" for the type size, "Kommentare" to jump to the
    comments): each a boilerplate phrase, a button, or a bare label of a few
    words; none of it is prose and, above the body, none ends the article.
    """
    if line.hard_stop:  # a jump to the comments, a share bar's label ("Share this article")
        return line.words <= 2 and bool(_COMMENT_STOP.match(_fold(line.text))) \
            or line.words <= 4 and bool(_SHARE_WORDS.search(_fold(line.text)))
    if line.cls == "bad" or line.reason == "repeated short line":  # (a contents' entry, its section's heading below)
        return line.reason in _HEADER_REASONS or line.reason.startswith("boilerplate") or line.reason == LINK_LIST
    if _CREDIT_END.search(line.text):
        return True  # the lead picture's caption with its credit ("… stepping up from the academy (Photo: …)")
    # a button's label, or what it says when pressed ("Link kopiert!"); a count may hold a point ("Share 1.2k");
    # a reading time alone ("4 Min."); a fact under a review's headline ("Running time: 2hrs 10mins")
    return line.cls == "short" and (line.words <= 3 or line.words <= FACT_LINE_WORDS and bool(_FACT_LINE.match(line.text))) \
        and (not line.text.rstrip(_CLOSING_MARKS).endswith((".", "?", "…")) or bool(_READING_TIME.match(line.text)))


FACT_LINE_WORDS = 8
_FACT_LINE = re.compile(r"^[A-ZÄÖÜÉ][\w'’-]*(?: [\w'’-]+){0,2}\s?:\s\S")  # a label of three words at most, its value


_READING_TIME = re.compile(r"^\d{1,2}\s?(?:min|minuten|minutes)\.?$", re.I)
_SPEAKER = re.compile(r"^(?P<name>[A-ZÄÖÜÉ][\w'’.-]+(?: (?:[A-ZÄÖÜÉ][\w'’.-]+|de|van|von|der|le|la)){1,3}): \S")


def take_closing_turns(lines: list[Line], start: int, end: int) -> int:
    """An interview's or a transcript's closing turns are short ("Tom Haverkamp: Marloes de Vries, thank
    you." / "Marloes de Vries: Thank you, Tom."), and the body's region ends at prose: the short lines
    right under it that open with the name of one of its speakers (two turns or more) belong to it.
    Returns the body's new end."""
    turns = Counter(m.group("name") for line in lines[start:end + 1] if (m := _SPEAKER.match(line.text)))
    while end + 1 < len(lines) and lines[end + 1].cls == "short" \
            and (m := _SPEAKER.match(lines[end + 1].text)) and turns[m.group("name")] >= 2:
        end += 1
    return end


CLOSING_SENTENCE_WORDS = 4


def take_closing_sentence(lines: list[Line], end: int) -> int:
    """A short sentence right under the body's prose, with the end of the article marked right below it ("Gegen
    7.55 Uhr war die B472 wieder frei." over "Weitere Meldungen aus dem Blaulicht"), is the story's last line.
    Returns the body's new end."""
    if end + 2 < len(lines) and lines[end].cls == "good" and lines[end + 1].cls == "short" \
            and lines[end + 1].words >= CLOSING_SENTENCE_WORDS and lines[end + 1].text.endswith(".") \
            and lines[end + 2].hard_stop:
        return end + 1
    return end


def _title_from_interview(result: CleanResult) -> None:
    """An interview page with no headline: the interviewee and the first question make a fair title."""
    blocks = result.blocks
    for i, block in enumerate(blocks[:3]):
        if block.kind == "heading" and block.text.endswith("?") and i + 1 < len(blocks):
            m = _SPEAKER.match(blocks[i + 1].text)
            if m:
                result.title = f"{m.group('name')}: {block.text}"
                result.evidence["title"] = meta.evidence(result.title, "derived: interviewee and first question", 0.4)
            return


def _split_kicker(result: CleanResult, lines: list[Line]) -> None:
    """ "Nexus-Konferenz / Luxemburg kündigt …" beside "Nexus-KonferenzLuxemburg kündigt …": kicker and title."""
    for line in lines[:40]:
        for sep in (" / ", " | ", " – ", " - ", ": "):
            if sep not in line.text:
                continue
            head, _, tail = line.text.partition(sep)
            glued = head + tail
            if 1 <= len(head.split()) <= 4 and len(tail.split()) >= 3 and any(l.text == glued for l in lines):
                result.kicker, result.title = head, tail
                result.evidence["kicker"] = meta.evidence(head, f"kicker before the separator on line {line.number}", 0.8)
                result.evidence["title"] = meta.evidence(tail, f"headline after the kicker on line {line.number}", 0.85)
                return
