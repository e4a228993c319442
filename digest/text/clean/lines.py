"""The page as lines, each judged on its own (steps 1 and 2 of :mod:`digest.text.clean`).

In: the page's text.  Out: repaired :class:`Line` objects, each with a class
("good", "neargood", "short" or "bad"), the reason for "bad", its word count
and stop-word share (:func:`classify_line`), and the page's images.  A line's
own text decides all of this, so the answer is cached per text: a site prints
the same menu on every page.  Also the small line-shape tests the later steps
share (headline-shaped, kicker-shaped, addressed to the reader, a line's stems).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ...article import Dropped
from .. import dates, metadata as meta
from ..repair import (
    fix_space_before_punctuation,
    is_continuation,
    join_continuation,
    normalise_spaces,
    split_glued_caption,
    strip_accents,
)
from .phrases import (
    _ASKS_TO_SUBSCRIBE,
    _BREADCRUMB_HERE,
    _BREADCRUMB_TRAIL,
    _CONSENT,
    _CONSENT_BUTTON,
    _NEWS_WORTHY,
    _NEWS_WORTHY_WORD,
    NEWS_WORTHY_WORDS,
    _SITE_USES,
    strong_phrase,
    _weak_phrase,
)


@dataclass
class Line:
    """One line of the page, and what the cleaner makes of it: the item every step passes on."""

    text: str
    number: int  # 1-based line number in the input
    blank_before: bool = False
    words: int = 0
    stop_density: float = 0.0
    cls: str = ""  # good | neargood | short | bad
    reason: str = ""  # why it is bad (or how it was recognised)
    kind: str = "paragraph"
    hard_stop: bool = False  # a marker after which the article does not continue


_LANG_STOPLISTS = {"en": "English", "de": "German", "fr": "French"}
CAPITALISED_SHARE, GLUED_MIN_WORDS = 0.75, 12
CAPITALISED_GLUE = "link texts glued together (nearly every word capitalised)"
GLUED_LONG_WORDS, GLUED_SENTENCE_WORDS = 120, 80
# Menu entries glued with no space ("Rathaus & PolitikLeben in KaltenbrunnBildung & Familie…",
# "InstagramLinkedInMastodonYouTube"): a small letter runs into a capital inside a word at least three
# times, in two words or more, and at least once per two words; a headline's brand names ("OpenAI",
# "ChatGPT": no small letters follow the capital) and a code line's "StaticLiveServerTestCase" do not.
_RUN_IN = re.compile(r"[a-zäöüßéèàç]{3}[A-ZÄÖÜÉÈÀ][a-zäöüßéèàç]{2}")
RUN_IN_GLUE = "link texts glued together (words run into each other)"
# A breadcrumb trail with its separators, however glued: "Startseite›Presse›Pressemeldungen›…"
_TRAIL_MARKS = re.compile(r"\w(?:\s*[›»]\s*|\s+>\s+)(?=\w)")  # (a bare ">" is markup's: "<b>data</b>")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'’”«»)\]]*(?:\s|$)")


@lru_cache(maxsize=8)
def stopwords(lang: str) -> frozenset[str]:
    """jusText's stop-word list for the language (it ships with trafilatura)."""
    import justext

    return frozenset(justext.get_stoplist(_LANG_STOPLISTS.get(lang, "English")))


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CLOSING_MARKS = "'\"’”«»)] "
# a sentence and its picture's credit in brackets: "… College in April. (Rachel Ortiz/The Courier-Standard)"
_CREDITED_SENTENCE = re.compile(r"\.\s+\([^()]{2,60}\)$")
_TERMINAL = re.compile(r"[.!?…]['\"’”«»)\]]*$|[.!?…]\s*\(?[^()]{0,40}\)?$")
_BULLET = re.compile(r"^(?:[-*+•·▪►◦o]|\d{1,2}[.)])\s+")
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*(?:\][^\]]*)*?)\]\((?P<url>[^)\s]+)[^)]*\)")
# A picture that a text browser prints as its label and alt text, with no address: "[Bild: Startschuss am Marktplatz]"
_LABELLED_IMAGE = re.compile(r"^\[(?:bild|image|img|foto|photo|picture|grafik|abbildung)\s*:\s*(?P<alt>[^\]]*)\]$", re.I)
# a picture's size under it, as a forum's or a gallery's lightbox prints it: "1920×1280 412 KB"
_PICTURE_SIZE = re.compile(r"^\d{2,5}\s*[×x]\s*\d{2,5}(?:\s+\d+(?:[.,]\d+)?\s*(?:kb|mb|ko|mo))?$", re.I)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:jpe?g|png|gif|webp|svg|pdf|mp4|mov|webm|mp3)$", re.I)
_CODE_HINT = re.compile(
    r"function\s*\(|\bvar\s+\w+\s*=|=>|\bwindow\.|\bdocument\.|\}\s*\)|\)\s*;|\bgtag\(|\bfbq\(|_gaq|dataLayer|"
    r"\breturn\s*[!;(]|<\/?(?:script|div|iframe|img|span|style)\b|\{\s*\"@context\"|@media|\.css\b|\w+\s*\{[^}]*:[^}]*;",
)
_CODE_START = re.compile(
    r"^(?:(?:var|let|const)\s+[\w$]+\s*=|function\s*[\w$]*\s*\(|(?:window|document|jQuery|\$)[.(]|if\s*\(|"
    r"else\b\s*\{|\}|\{\s*$|\[?\{\s*\"|//|/\*|<!--|@(?:media|import|font-face)\b|[\w$.\[\]\"']+\s*=\s*[{\[\"'\w$(].*;\s*$|"
    r"[^\W\d][\w$]*\s*:\s*(?:(?:'[^']*'|\"[^\"]*\"|true|false|null|function\b|\{|\[)\s*,?|\d+\s*,)\s*$)")
# (a key opens with a letter: "09:30" is a time; a number after it only with the comma of an object's next key:
# "Pour : 218" is a vote's tally)
# A table's row as a scraper writes it in markdown: cells between bars, three or more
_TABLE_ROW = re.compile(r"^\|(?:[^|]*\|){3,}\s*$")
_LETTERS_OR_DIGITS = re.compile(r"[^\W_]")
_JSON_PAIR = re.compile(r"\"[\w@$-]+\"\s*:\s*[\"{\[\dtfn]")
# Photo credits and captions, in three shapes so that each is only tried on lines that can hold it:
# a label and a colon ("Foto: …", "Bildquelle: …", "Abb. 3:"), a mark ("© …", "(Symbolbild)"), an agency at the end.
_CREDIT_LABEL = re.compile(  # (also a credit alone on its line in brackets: "(Bild: Verein H2 Mobilität Schweiz)")
    r"(?:^\(?|\s)(?:foto|fotos|photo|photos|photograph|photographs|picture|pictures|bild|bilder|image|images|credits?|crédits?(?: photo)?|photo credits?|"
    r"bildquelle|bildrechte|quelle|sources?|illustration|grafik|video|vidéo|titelbild|titelfoto|bildnachweis|fotonachweis|archivfoto|archivbild|"
    r"symbolfoto|symbolbild|pressefoto|visualisierung|rendering|©|\(c\))\s*:\s*\S|"
    r"^(?:abbildung|abb\.|figure|fig\.|tabelle|table)\s*\d+\s*:", re.I)
_CREDIT_MARK = re.compile(r"©\s*\w|\((?:symbolbild|symbolfoto|archivbild|archivfoto|photo illustration)\)"
                          r"|\((?:\w{2,5} )?(?:photo|foto|bild)\s*/[^()]{2,60}\)\s*$"  # "(AP Photo/Ted S. Warren)"
                          r"|^(?:symbolbild|symbolfoto|archivbild|archivfoto)\s*[/|]"  # "Symbolbild / Salzgitter AG"
                          r"|(?:^|[.!?]\s)(?:photo|foto|bild)\s[A-ZÀ-Ý][^./]{1,50}/[^./]{2,40}$"  # ". Photo Le Progrès/Archives"
                          r"|\s[-–]\s(?:belga|afp|dpa|reuters|apa|anp|epa|keystone|sda|ats)\s*/\s*[^./]{2,40}$"  # " - Belga/Thomas M."
                          # an agency and its photographer in square brackets: "… [Keystone - Jean-Christophe Bott]"
                          r"|\[[A-ZÀ-Ý][\w.&'’ ]{1,30}(?:\s[-–]\s|/)[A-ZÀ-Ý][\w.'’-]+(?:\s[A-ZÀ-Ý][\w.'’-]+){0,3}\]\s*$",
                          re.I)
# "… (Credit: iStock)", "… (Foto: Volkswagen)": a caption.  Only a title is refused for it: the
# development pages' editors keep such a caption in the text when it reads as a sentence.
_CREDIT_END_LABELS = "photo|foto|bild|image|credit|crédit"
_CREDIT_END = re.compile(rf"\((?:{_CREDIT_END_LABELS})s?\s*:[^()]{{2,60}}\)\s*$", re.I)
_BREADCRUMB = re.compile(f"{_BREADCRUMB_TRAIL}|{_BREADCRUMB_HERE}|^you are here\\s*:")


# After the body has begun, these mean the story is over.
END_MARKER = "end-of-article marker (comments, related links)"
_STOP_RE = re.compile(
    r"^(?:(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|reactions?|reaktionen|leserkommentare|responses?|antworten|"
    r"reagir)|"
    r"leave a (?:reply|comment)|diskussion|discussion|related(?: articles| posts| stories)?|"
    r"read more|weiterlesen|lire (?:aussi|la suite)|mehr zum thema|das konnte sie auch interessieren|"
    r"you (?:may|might) also like|(?:more|other) (?:stories|news|articles|press releases|announcements)|"
    r"(?:weitere|mehr) (?:artikel|nachrichten|news|meldungen|beitrage|bekanntmachungen|pressemitteilungen|mitteilungen)"
    r"(?: (?:von|aus|zu|zum|zur|uber|im|des|der) .{2,40})?|autres (?:actualites|articles|communiques)|"
    r"sur le meme sujet|a lire aussi|trending(?: at .*)?|most popular|meistgelesen|"
    # a section's label, not a sentence that counts ("Around 60 people have moved in", "Plus de six cents coureurs …")
    r"(?:around|plus de) (?!\d)(?:\S+ ){0,2}\S+|"
    r"more (?:from|on|stories from|news from) .{2,40}|mehr (?:von|aus|zu) .{2,40}|"
    r"(?:neueste|letzte|aktuelle|beliebte|ahnliche|verwandte) (?:beitrage|artikel|kommentare|posts)|"
    r"(?:recent|latest|popular|related|similar) (?:posts|comments|articles|entries)|"
    r"(?:schreibe|schreiben sie) einen kommentar|write a comment|(?:auch|ebenfalls) lesen|read also|see also|"
    r"(?:laisser|laissez|ecrire|poster|ajouter) un commentaire|(?:hinterlasse|hinterlassen sie) einen kommentar|"
    r"das (?:konnte|durfte) dich auch interessieren|(?:auch|ebenfalls|besonders) interessant|"
    r"(?:themen|schlagworter|schlagworte) (?:in|zu) diesem (?:artikel|beitrag)|mehr themen|"
    r"share this(?: article| story| post)?|artikel teilen|tags?|schlagworte?|themen)(?:\s*\(\d+\))?\s*:?$", re.I)
# a label and its count in brackets ("Kommentare (12)", "Réagir (14)"): its brackets are no code
_COUNTED_LABEL = re.compile(r"^[^\W\d][\w'’ -]{0,30} \(\d+\)$")
_AGENCY_END = re.compile(r"\b(?:getty images|shutterstock|istock(?:photo)?|imago(?: images)?|picture alliance|keystone|"
                         r"dpa|afp|reuters|ap photo|epa)\s*$|^(?:imago|getty images|picture alliance|dpa|afp|epa)\s*/\s*\S",
                         re.I)  # (also the agency first: "IMAGO/Kirchner-Media")
# a broadcaster's or agency's initials and the photographer's name, alone on the line: "ORF/Martina Leitner"
_INITIALS_CREDIT = re.compile(r"^[A-ZÄÖÜ]{2,6}\s*/\s*[A-ZÄÖÜ][\w.'’-]+(?:\s+[A-ZÄÖÜ][\w.'’-]+){0,3}$")


# a credit in brackets closing a line right under its picture, also a document's or a chart's source
_PICTURE_CREDIT_END = re.compile(rf"\((?:{_CREDIT_END_LABELS}|document|grafik|graphique|quelle|source)s?"
                                 r"\s*:[^()]{2,60}\)\s*$", re.I)
# ... or in a photographer's name: "(Tomas Aldana/The Tidewater Ledger)", "… | ARCHIVES CO-L / Thomas Guérin",
# "… Photo by the author."
_PICTURE_NAMED_CREDIT = re.compile(r"\([A-ZÀ-Ý][\w.'’-]*(?:\s[A-ZÀ-Ý][\w.'’-]*){0,3}\s?/\s?[^()]{2,40}\)\s*$"
                                   r"|\s[|–—]\s[^|]{0,30}/\s?[A-ZÀ-Ý][\w.'’-]+(?:\s[A-ZÀ-Ý][\w.'’-]+){0,3}\s*$"
                                   r"|(?:^|[.!?]\s)(?i:photo|photograph|picture|image|foto|bild)s?\s(?i:by|von)\s[^.!?]{2,50}\.?$")
PICTURE_BUTTON = "a picture's button (click to enlarge)"
PICTURE_LINES = ("image markup", "bare URL or file name", PICTURE_BUTTON)
# "Click to enlarge", "Zum Vergrößern bitte anklicken", "Cliquez pour agrandir": the picture's, never a heading
_ENLARGE = re.compile(r"^(?:(?:tap|click) to (?:enlarge|zoom)\b|(?:bild |foto )?(?:zum vergrossern|vergrossern)\b.{0,25}$|"
                      r"(?:cliquez|cliquer) (?:ici )?pour agrandir\b)")
CAPTION_WORDS = 40
# A line under a picture's file name is its caption up to this length; the story's paragraphs under a picture, on
# the hand-written pages, are longer (22 words and more)
CAPTION_UNDER_FILE_WORDS = 20
# a picture's file name, bare or under its label: "roamly-ev-bristol-bay.jpg", "image: hero-1200x675.jpg",
# "[Bild] wtu_pm47_kathode.jpg"
_IMAGE_FILE = re.compile(r"^(?:(?:image|img|bild|foto|photo|picture)\s*:\s*|\[(?:image|img|bild|foto|photo|picture)\]\s*)?"
                         r"\S+\.(?:jpe?g|png|gif|webp|avif)$", re.I)


# A caption's own label, glued to it or not: "Image caption About 40 bodies …", "Media captionDrone footage …";
# a credit with no colon: "Photo courtesy of St. Brendan's Health System"
_CAPTION_LABEL = re.compile(r"^(?:[Mm]edia|[Ii]mage|[Pp]hoto|[Vv]ideo) ?[Cc]aption(?=[\s:A-ZÄÖÜ])"
                            r"|^(?:[Cc]aption|CAPTION|[Bb]ildunterschrift|[Ll][ée]gende)\s?:\s"
                            r"|^(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Ff]oto|[Bb]ild) (?:courtesy of|mit freundlicher Genehmigung)\b")


# A figure's numbered caption: "Abbildung 4: …", "Abb. 1: …", "Chart 1: Average days to payment …", "Graphique 2 : …"
_FIGURE_LABEL = re.compile(r"^(?:abbildung|abb\.|figure|fig\.|chart|grafik|graphique|schaubild|infografik|tableau|tabelle|"
                           r"table)\s?\d{1,2}\s?:", re.I)


def _is_credit(text: str) -> bool:
    """Photo credits and captions; cheap character tests spare the patterns on most lines."""
    return bool(":" in text and _CREDIT_LABEL.search(text) or ("©" in text or "(" in text or "/" in text or "|" in text
                                                                 or "[" in text)
                and _CREDIT_MARK.search(text)
                or _AGENCY_END.search(text, max(0, len(text) - 40)) or _CAPTION_LABEL.match(text)
                or "/" in text and len(text) <= 60 and _INITIALS_CREDIT.match(text))


_COMMENTS_HEADER = re.compile(r"^\d+\s+(?:responses?|comments?|replies|antworten|kommentare?|reaktionen|commentaires?|"
                              r"reponses?|thoughts?|gedanken|reflexions?)\s+(?:to|on|for|zu|auf|sur|a|au sujet de)\b")
# "{ 38 comments… read them below or add one }", "12 Kommentare zu diesem Beitrag": the thread starts here
_COMMENT_COUNT = re.compile(r"(?:^|[^\w,.])\d+\s+(?:comments?|kommentare?|commentaires?|responses?|replies|reactions?|"
                            r"antworten|reaktionen|reponses?)\b")
_COUNT_IN_BYLINE = re.compile(r"^(?:by|von|par|posted|geschrieben|publie|veroffentlicht)\b|(?:^|\W)0\s+\w")


def _thread_count(text: str, folded: str) -> bool:
    """A comment count that opens the thread, not one printed in the byline ("by Jane · 0 comments", "May 2 | 3 comments")."""
    return bool(_COMMENT_COUNT.search(folded)) and not text.endswith(".") and not _COUNT_IN_BYLINE.search(folded) \
        and not meta.find_dates(text)


# A comment's header: "Bernd sagt:", "Katrin Oldenburg schrieb am 23.09.2023 um 20:03:", "Alex on September 17,
# 2018 at 6:34 am said:"; the past tense with no date or time ("Minister for Digital Infrastructure Eleanor Marsh
# said:", "Die Ministerin sagte:") brings in a quote in the story
_COMMENT_STAMP = re.compile(r"\b(?:said|says|wrote|writes|sagt|sagte|schreibt|schrieb|meint|a dit|écrit)"
                            r"(?:\s+(?:am|on|le)\b.{4,40})?\s*:\s*$", re.I)
_QUOTE_INTRO = re.compile(r"^\D*\b(?:said|sagte)\s*:\s*$", re.I)
_QUOTE_CHARS = "\"'“”„‚‘’«»‹› "


def _fold(text: str) -> str:
    return strip_accents(text.lower())


def _word_list(text: str) -> list[str]:
    return _WORD.findall(text)


_CODE_CHAR = re.compile(r"[{}();=<>\[\]$|\\]")


def _code_score(text: str) -> float:
    """Share of characters that are programming punctuation (a regex counts them faster than str.translate)."""
    return len(_CODE_CHAR.findall(text)) / max(1, len(text))


# jusText's idea, on lines: long text rich in function words is prose.  (characters, stop-word share)
GOOD_CHARS, GOOD_DENSITY = 150, 0.25
SENTENCE_CHARS, SENTENCE_DENSITY = 70, 0.28  # a shorter line that ends like a sentence
NEAR_CHARS, NEAR_DENSITY = 50, 0.18


# A teaser's lead ends in its "more" link, glued after the sentence or the ellipsis that cuts it short:
# "Die Gemeinde investiert fünf Millionen Euro in den neuen Anleger. mehr", "… wie groß die Schäden…Mehr lesen".
_MORE_LINK_END = re.compile(r"(?:[.!?…]|\.\.)[\"'“”»)]?\s*[|·]?\s*(?:mehr|more|weiterlesen|mehr lesen|read more|"
                            r"lire la suite|lire plus|en savoir plus|continue reading|learn more|mehr erfahren)\s*[»›>→]*$")
# A player set into the story names its clip and length: "Audio: Getriebeschaden: Inselfähre fällt aus (1 Min)".
# "Video: … (2:14 min)", or a read-aloud's button with its length: "Listen (5 min)", "Anhören (4 Min.)"
# Or with the clip's length alone ("Audio: Beitrag aus „Tirol heute“ anhören (1:58)"), or a player's bar of parts
# ("Audio | On The Coast 6:32 Ferry cancellations frustrate island residents")
_MEDIA_LABEL = re.compile(r"^\W*(?:(?:audio|video|podcast|(?:zum )?nach(?:horen|sehen)|zum anhoren|a (?:re)?ecouter|a revoir)\s*:.*|"
                          r"(?:listen|anhoren|horen|vorlesen|ecouter)[^()]{0,20})"
                          r"\((?:\d+(?::\d\d)?\s*(?:min|sek|sec)\w*\.?|\d{1,2}:\d\d)\)$"
                          r"|^\W*(?:audio|video|podcast)\s*\|\s.{0,60}\b\d{1,2}:\d\d\b")
PLAYER_LABEL = "a player's label (audio or video, with its length)"
TEASER_LEAD, TEASER_LEAD_MAX_WORDS = "teaser (its lead ends in a 'more' link)", 60


def classify_line(line: Line, stops: frozenset[str], lang: str = "en") -> None:
    """Give one line its own class and reason, before its neighbours are considered."""
    line.cls, line.reason, line.hard_stop, line.words, line.stop_density = _classification(line.text, stops, lang)


@lru_cache(maxsize=16384)
def _classification(text: str, stops: frozenset[str], lang: str) -> tuple[str, str, bool, int, float]:
    """A line's class, reason, end-of-article mark, word count and stop-word share: its text alone decides
    them, and a site prints the same menu, buttons and footer on every page, so they are worked out once."""
    probe = Line(text, 0)
    _classify(probe, stops, lang)
    return probe.cls, probe.reason, probe.hard_stop, probe.words, probe.stop_density


def _classify(line: Line, stops: frozenset[str], lang: str) -> None:
    text = line.text
    words = _word_list(text)
    line.words = len(words)
    if words:
        line.stop_density = sum(map(stops.__contains__, map(str.lower, words))) / len(words)
    folded = _fold(text)
    chars = len(text)

    def bad(reason: str) -> None:
        line.cls, line.reason = "bad", reason

    if "![" in text and _MD_IMAGE.search(text) or text.startswith(("![", "[![")) or _LABELLED_IMAGE.match(text):
        return bad("image markup")
    if _URL_ONLY.match(text) or _IMAGE_FILE.match(text):
        return bad("bare URL or file name")
    if line.words <= 6 and _ENLARGE.match(folded):
        return bad(PICTURE_BUTTON)
    if _PICTURE_SIZE.match(text) or text.startswith("amp-img"):
        return bad("image markup")  # (also an AMP page's picture: "amp-img: marlin-esperance-salvage-tugs.jpg")
    table_row = text.startswith("|") and bool(_TABLE_ROW.match(text))  # "| Veltra SX9 | 549 € | gut (1,8) |"
    if table_row and not _LETTERS_OR_DIGITS.search(text):
        return bad("no words")  # the rule under a table's header: "|---|---|"
    if line.words <= 25 and _MEDIA_LABEL.match(folded):  # (before the test for code: its brackets are no code)
        return bad(PLAYER_LABEL)
    code_score = 0.0 if table_row or _COUNTED_LABEL.match(text) else _code_score(text)
    if not table_row and (_CODE_START.match(text) or len(_JSON_PAIR.findall(text)) >= 2):
        return bad("script or code residue")
    if (code_score > 0.03 and _CODE_HINT.search(text)) or code_score > 0.12 or text.startswith(("!function", "<!--", "//", "/*")):
        return bad("script or code residue")
    if _STOP_RE.match(folded.strip(" .:|>»")):
        line.hard_stop = True
        return bad(END_MARKER)
    if line.words <= 40 and _TAG_LIST.match(folded):  # "Tags: Frost, Salat": a post's tags close it
        line.hard_stop = True
        return bad(TAGS_LINE)
    if meta.is_date_line(text) or line.words <= 8 and any(c.isdigit() for c in dates.relative_stamp(text)):
        return bad("date line")  # (also "Updated 2 hours ago", "vor 3 Stunden", "il y a 2 jours")
    if text.startswith("←") or text.endswith("→"):
        return bad("previous/next link")
    if line.words <= 25 and _COMMENTS_HEADER.match(folded) or line.words <= 12 and _thread_count(text, folded):
        line.hard_stop = True
        return bad("comment section header")
    if line.words <= 16 and text.endswith(":") and _COMMENT_STAMP.search(text) and not _QUOTE_INTRO.match(text):
        line.hard_stop = True
        return bad("comment header (name, date, 'said:')")
    if meta.byline_author(text) or line.words <= 15 and _SENDER_LINE.match(folded):
        return bad("byline")  # (also an issuer's: "Communiqué par : ministère de la Mobilité et des Travaux publics")
    if line.words <= TEASER_LEAD_MAX_WORDS and _MORE_LINK_END.search(folded):
        return bad(TEASER_LEAD)
    phrase = strong_phrase(folded) if line.words <= 40 else ""
    if not phrase and (_CONSENT.search(folded) or line.words <= 3 and _CONSENT_BUTTON.match(folded)):
        phrase = "cookie consent"
    if (phrase in _NEWS_WORTHY or phrase == "cookie consent") and line.words >= NEWS_WORTHY_WORDS \
            and not _addresses_reader(text) and not _SITE_USES.search(folded):
        # news about them ("la CNIL a sanctionné … des cookies sans le consentement", "Das Impressum ist
        # unvollständig"), unless another phrase, or a consent framework's own wording, marks the line
        rest = _NEWS_WORTHY_WORD.sub(" ", folded)
        phrase = strong_phrase(rest) or ("cookie consent" if _CONSENT.search(rest) else "")
    elif phrase == "subscribe to" and line.words >= NEWS_WORTHY_WORDS and not _addresses_reader(text, 0) \
            and not _ASKS_TO_SUBSCRIBE.search(folded):
        # a report of others subscribing ("Clients can subscribe to the fund directly in the app"), not a pitch
        # to the reader ("Subscribe to …", "Enter your email address to subscribe to …", "I hereby subscribe …")
        phrase = strong_phrase(folded.replace("subscribe to", " "))
    if phrase:
        return bad(f"boilerplate phrase ({phrase})")
    if line.words <= 40 and text[:1].isdigit() and _gallery_counter(text, caption=True):
        return bad("photo caption")
    if line.words <= 40 and (_is_credit(text) and not text.endswith(("?",)) or _FIGURE_LABEL.match(text)):
        return bad("photo credit or caption")
    if line.words <= 6 and _weak_phrase(folded):
        return bad("navigation or button text")
    if line.words == 0:
        return bad("no words")
    if not _SENTENCE_END.search(text):
        run_ins = [len(_RUN_IN.findall(token)) for token in text.split()]  # per word: in how many words
        if sum(run_ins) >= 3 and sum(run_ins) * 2 >= line.words and len(run_ins) - run_ins.count(0) >= 2:
            return bad(RUN_IN_GLUE)
        if "«" not in text and len(_TRAIL_MARKS.findall(text)) >= 2:  # (German quotes pair »…«)
            return bad("breadcrumb trail")
    ends = bool(_TERMINAL.search(text.rstrip(_QUOTE_CHARS) + text[-1:] if text else ""))
    if line.words >= GLUED_MIN_WORDS and not ends and lang != "de":  # German capitalises every noun: no signal there
        capitals = sum(1 for w in words if w[0].isupper()) / line.words
        if capitals >= CAPITALISED_SHARE:
            return bad(CAPITALISED_GLUE)
    if line.words >= GLUED_SENTENCE_WORDS * 0.75 and not _SENTENCE_END.search(text) or line.words >= GLUED_LONG_WORDS \
            and len(_SENTENCE_END.findall(text)) * GLUED_SENTENCE_WORDS < line.words:
        # prose ends a sentence every 15-30 words; a long line that hardly ever does, or a line of 60 words
        # that never does, is glued link text (archive dropdowns, category and tag clouds), whatever its
        # share of function words
        return bad("link texts glued together (a long line with hardly a sentence end)")
    if chars >= GOOD_CHARS and line.stop_density >= GOOD_DENSITY:
        line.cls = "good"
    elif chars >= SENTENCE_CHARS and line.stop_density >= SENTENCE_DENSITY and ends:
        line.cls = "good"
    elif chars >= GOOD_CHARS and line.stop_density < 0.08 and not ends:
        return bad("word list (no function words)")
    elif chars >= NEAR_CHARS and line.stop_density >= NEAR_DENSITY:
        line.cls = "neargood"
    else:
        line.cls = "short"


class PageImage(NamedTuple):
    """An image line of the page (``![alt](url)``)."""

    alt: str
    url: str
    line: int  # 1-based line number in the input


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts, found without a Python loop over characters


def prepare_lines(text: str, lang: str, dropped: list[Dropped]) -> tuple[list[Line], list[PageImage]]:
    """Split into non-empty lines, repairing on the way; return the lines and any images found."""
    lines: list[Line] = []
    images: list[PageImage] = []
    blank = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = normalise_spaces(raw)
        if not _ALNUM.search(line):
            if line:
                dropped.append(Dropped(line, "no letters or digits", number))
            blank = True
            continue
        if "![" in line:
            for m in _MD_IMAGE.finditer(line):
                images.append(PageImage(m.group("alt"), m.group("url"), number))
            rest = normalise_spaces(_MD_IMAGE.sub(" ", line))
            if rest != line and len(rest.split()) >= 3:  # text with an image glued to it: keep the text
                dropped.append(Dropped(line, "image markup removed from the line", number))
                line = rest
        elif line.startswith("[") and (labelled := _LABELLED_IMAGE.match(line)):
            images.append(PageImage(labelled["alt"], "", number))
        line = fix_space_before_punctuation(line, lang)
        if lines and not blank and is_continuation(lines[-1].text, line) \
                and not (len(line.split()) <= 12 and (meta.find_dates(line) or dates.relative_stamp(line))) \
                and not _CODE_START.match(line) and not meta.byline_author(line):
            # (a dateline in lower case, "veröffentlicht am 9. Januar 2024 von …", "vor 2 Stunden", starts a line;
            # so do a byline in lower case, "von Markus Weinzierl", and a script, "window.dataLayer = …")
            lines[-1].text = join_continuation(lines[-1].text, line)
            continue
        glued = None if _CAPTION_LABEL.match(line) else split_glued_caption(line)  # a labelled caption is all caption
        if glued:
            caption, line = glued
            dropped.append(Dropped(caption, "caption glued to the paragraph", number))
        lines.append(Line(line, number, blank_before=blank))
        blank = False
    return lines, images


_NON_WORD = re.compile(r"\W+")


@lru_cache(maxsize=16384)  # asked for every line by the repeat and the title searches
def _norm_key(text: str) -> str:
    """The line as a comparison key: case, punctuation and spacing do not make two lines different."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def _kicker_shaped(text: str) -> bool:
    """A label naming a section or topic ("Wirtschaft", "Artificial Intelligence"): it starts with
    a letter (not a list bullet, "#tag", "© credit", "11K" or "330 Bewertungen"), does not end like a
    sentence, and does not end in a colon, which introduces what follows ("Herausgeber:")."""
    text = text.strip()
    return text[:1].isalpha() and not _TERMINAL.search(text) and not text.endswith(":") \
        and text.casefold() not in ("by", "von", "par", "de")


# A gallery's counter alone ("2 / 14", "Bild 2 von 24"), or glued to its caption ("1/5 Ingrid Solberg Trio at the
# Oslo Jazz Festival.")
_COUNTER = r"^(?:(?:bild|foto|photo|image|picture) )?(\d{1,2})\s?(?:/|\s(?:von|of|sur)\s)\s?(\d{1,2})"
_COUNTER_ALONE = re.compile(_COUNTER + "$", re.I)
_COUNTED_CAPTION = re.compile(_COUNTER + r"\s+[A-ZÄÖÜÀ-Ý]\w*.*(?:\.|©.*)$")


def _gallery_counter(text: str, caption: bool = False) -> bool:
    """A gallery's counter alone on its line ("2 / 14", "Bild 2 von 24"), or with a caption that ends as one after
    it (``caption``), of a gallery of three pictures or more: not a recipe's "1/2" over "Zitrone"."""
    m = (_COUNTED_CAPTION if caption else _COUNTER_ALONE).match(text)
    return bool(m) and 3 <= int(m.group(2)) and 1 <= int(m.group(1)) <= int(m.group(2))


def _in_capitals(text: str) -> bool:
    """Every letter a capital, and a word of three letters at least: a box's label, not an acronym."""
    return text.upper() == text and any(len(word) >= 3 and word.isalpha() for word in text.split())


HEADLINE_WORDS = 16  # a headline-shaped line has at most this many words


# A German ordinal's full stop ("die 3. Liga", "am 21. Spieltag") ends no sentence.
_ORDINAL = re.compile(r"\b(\d{1,2})\.(?=\s+\w)")


def _headline_shaped(line: Line, ordinals: bool = False) -> bool:
    """Short, and with no sentence's end; ``ordinals``: a German ordinal's full stop is none ("Nach 20 Jahren:
    HSG-Frauen machen den Aufstieg in die 3. Liga perfekt")."""
    text = _ORDINAL.sub(r"\1", line.text) if ordinals else line.text
    return 1 <= line.words <= HEADLINE_WORDS and not _TERMINAL.search(text) and len(text) <= 140 and not text.endswith(":")


# Words that address the reader; German "Sie", "Ihr", "Ihnen" only when capitalised (lower-case "sie" is
# "they"/"she", "ihre Familien" is "their families").
_CAPITALISED_READER_WORDS = frozenset("Sie Ihr Ihre Ihrer Ihren Ihrem Ihnen".split())
_READER_WORDS = frozenset("you your yours we our us wir unser unsere unserer uns "
                          "du dich dir dein deine deinen deinem deiner euch euer eure "
                          "vous votre vos nous notre nos".split()) | _CAPITALISED_READER_WORDS
READER_ADDRESS_SHARE, TOPIC_SHIFT_OVERLAP = 0.06, 0.15
_FRENCH_WORDS = re.compile(r"\b(?:le|la|les|une|est|et|qui|que|au|aux|dans|pour|avec|sur)\b")  # none of them German


_QUOTED = re.compile(r'"[^"]*"|“[^“”]*”|„[^„“”]*[“”]|«[^«»]*»|»[^«»]*«')


def _addresses_reader(text: str, share: float = READER_ADDRESS_SHARE) -> bool:
    """Prose that speaks to the reader ("you", "we"): consent dialogs, legal notes, pitches; news tells of others.
    ``share``: of its words that must address the reader (0: any one does).  Quoted speech is left out: there
    someone the story quotes speaks ("We've had storms before", said the harbourmaster), not the page."""
    words = _WORD.findall(_QUOTED.sub(" ", text) if any(mark in text for mark in '"“„«»') else text)
    hits = sum(1 for w in words if (w if w in _CAPITALISED_READER_WORDS else w.lower()) in _READER_WORDS)
    if hits and "du" in text and _FRENCH_WORDS.search(text):  # French "du" ("du tram") is no German "du"
        hits -= sum(1 for w in words if w.lower() == "du")
    return hits > 0 and hits / len(words) >= share


TAGS_LINE = "end-of-article marker (the post's tags)"


# Word sets of a line are asked for again and again (region anchors, lists beside the body,
# the title, the tail), so they are computed once per (text, language).
@lru_cache(maxsize=16384)
def _content_words(text: str, stops: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in stops)


_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.I)
STEM_CHARS = 6


@lru_cache(maxsize=16384)
def _stems(text: str, stops: frozenset[str]) -> frozenset[str]:
    """Content words cut to a short stem, elided articles removed ("l'école" -> "école", "librairies" -> "librai").

    A headline and its article inflect the same words differently
    ("Wintern"/"Winter", "récupérer"/"récupérateur"); a common prefix is the
    crudest stemmer that works the same way in English, German and French.
    """
    out = set()
    for word in _WORD.findall(text.lower()):
        if "'" in word or "’" in word:
            word = _ELISION.sub("", word)
        if len(word) >= 4 and word not in stops:
            out.add(word[:STEM_CHARS])
    return frozenset(out)


# "Tags: …", "Schlagwörter: …": the article's keywords, never its headline
_TAG_LIST = re.compile(r"^(?:tags?|schlagw(?:orter|orte?)|stichw(?:orter|orte?)|themen|topics|keywords|mots[- ]cles|"
                       r"categories|kategorien|rubriques|themes?|theme\(s\))\s*:")
_TITLE_LABEL = re.compile(r"^(?:title|titel|titre|headline|überschrift)\s?:", re.I)
_SENDER_LINE = re.compile(r"^(?:communique|publie|issued|published|posted|herausgegeben|veroffentlicht|mitgeteilt)e?\s+"
                          r"(?:par|by|von)\s*:")


# (a hyphen inside the site's name is no separator: "IHK Heldenburg-Kranichsfeld")
_SITE_SUFFIX = re.compile(r"^(?P<title>.{15,}?)\s+(?:[|–—]|--?)\s+(?P<site>(?:(?!\s-\s)[^|–—]){2,40})$")


def _page_title_headline(text: str) -> str:
    """The headline a page's own title names: "Headline | Site", or a saved page's header "Title: Headline"
    (with or without the site); "" for any other line."""
    value = _TITLE_LABEL.sub("", text).strip()
    page_title = _SITE_SUFFIX.match(value)
    if not page_title:
        return value if value != text else ""
    # "Headline | Show | Site": the section's or show's name before the site's goes too
    return _PIPED_SECTION.sub("", page_title.group("title"))


_PIPED_SECTION = re.compile(r"(?:\s+\|\s+[^|]{2,40})+$")
PAGE_TITLE_LINES = 3  # a scraper writes the page's title ("Headline | Site") among the dump's first lines
