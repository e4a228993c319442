"""Clean a scraped page dump: keep the story, drop the page, recover the metadata.

Extractors such as trafilatura, jusText or Readability judge DOM nodes; a plain
text dump has only lines.  So the cleaner works the way jusText does, on lines
instead of ``<p>`` nodes, and adds what a line-only view needs:

1. **repair** the text (mojibake, spaces, sentences broken at an inline link,
   captions glued to a paragraph) – :mod:`digest.repair`;
2. **classify** each line on its own: length, stop-word density in the page's
   language (jusText's stop lists), sentence shape, and phrase evidence for
   paywalls, cookie banners, credits, comments, newsletter and share prompts,
   code residue, image syntax, date and byline lines;
3. **judge in context**: repeated lines (menus, titles printed twice,
   duplicated pull quotes), caption pairs, runs of headline-shaped lines (link
   lists), and the body chosen among the maximum-sum runs of line scores:
   mass weighed by an article's anchors above it (headline, byline, dateline)
   and discounted after the comments below a marked article, so long prose
   that is not the story does not win; small blurbs set apart at the region's
   end are cut, short lines just above it taken in, and lists beside or inside
   it that share its words, or that the text announces with a colon, kept; a
   related-links box set into the story does not end it, and a furniture
   heading over prose about something else (consent, legal notice, about us)
   does;
4. **recover metadata** around that region – :mod:`digest.metadata`.

No library cleans plain-text dumps (all need the DOM), hence the hand-written
rules; the weights were set on a development set of real pages, and the two
that are still a choice are chosen in training folds by
``benchmarks/clean_bench.py``, which reports out-of-fold figures.

Every dropped line is kept with its reason for ``digest clean --explain``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import NamedTuple

from ..article import Article, Block, CleanedPage, Dropped, DropArticle
from .urls import http_url
from . import dates, metadata as meta
from .repair import (
    fix_mojibake,
    fix_space_before_punctuation,
    is_continuation,
    join_continuation,
    normalise_spaces,
    split_glued_caption,
    strip_accents,
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


# --------------------------------------------------------------------------- lines


@dataclass
class Line:
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

# A link to another article printed inside the story under its label: "RELATED: …", "Siehe auch: …".
_SITE_NAME = r"[^\s:]+(?: [^\s:]+){0,2}"  # a site's name after "Also on": a word or three, not a sentence's clause
_LINK_LABEL = re.compile(r"^[\s•·*▪►-]*(?:auch lesen|lesen sie auch|read also|see also|also read|related(?: guide| article| story)?|"
                         r"read (?:more|next)|siehe auch|zum thema|voir aussi|lesetipp|lese-tipp|a decouvrir aussi|"
                         r"a lire aussi|lire aussi|pour aller plus loin|auch interessant|ebenfalls interessant|"
                         rf"also of interest|(?:also|related|more) on {_SITE_NAME}|auch (?:auf|bei) {_SITE_NAME}|"
                         rf"aussi sur {_SITE_NAME})\s*:")

# A breadcrumb trail ("Startseite » Aktuelles » Kirchenmusik", "Sie befinden sich hier: …"), matched against folded
# text (folding drops "»" and "›", leaving two spaces): boilerplate, and navigation right above the article.
_BREADCRUMB_TRAIL = r"^(?:home|startseite|accueil)(?:\s*[>/|]\s*|\s{2,})\w"
_BREADCRUMB_HERE = r"^(?:sie sind hier|vous etes ici|sie befinden sich hier)\s*:"
_BREADCRUMB = re.compile(f"{_BREADCRUMB_TRAIL}|{_BREADCRUMB_HERE}|^you are here\\s*:")

_PAGE_NUMBER_PATTERN = r"\b(?:page|seite)\s\d+\s(?:of|von|sur|/)\s\d+$"  # a printout's page: "Seite 1 von 2"

# Phrase evidence.  STRONG phrases mark a line of up to 40 words; WEAK ones only
# a short line (a menu entry, a button), so an article that mentions "cookies"
# or "newsletter" in a sentence is not harmed.
# A gallery's own label: over its captions, or before its title ("Photo gallery: Nexus Summit 2025")
_GALLERY_NAMES = r"photo gallery|bildergalerie|fotogalerie|fotostrecke|bilderstrecke|galerie photos?|diaporama"
_STRONG = [
    # cookies, consent, legal
    r"\bwe use cookies\b", r"\buses? cookies\b", r"\bcookie[ -](?:policy|settings|consent|banner|richtlinie|einstellungen)",
    r"\baccept (?:all )?cookies\b", r"\bverwendet cookies\b", r"\bverwenden cookies\b", r"\bnutzt cookies\b",
    r"\butilise des cookies\b", r"\bprivacy (?:policy|statement|settings)\b", r"(?:^|\b(?:our|the site's|these) )terms (?:of (?:use|service)|and conditions)\b",
    r"\ball rights reserved\b", r"\balle rechte vorbehalten\b", r"\btous droits reserves\b", r"\b(?:datenschutz|datenschutzerklarung|datenschutzhinweise|datenschutzeinstellungen|datenschutzbestimmungen|datenschutzrichtlinien?)\b",
    r"\bimpressum\b", r"\bmentions legales\b", r"\bpolitique de confidentialite\b", r"\bnutzungsbedingungen\b", r"\bagb\b",
    # subscriptions, paywalls, accounts
    r"\bsubscribe (?:now|today|to|for free)\b", r"^thanks? (?:you )?for listening\b", r"\bsubscribers? only\b", r"\balready (?:a )?subscriber", r"\bstart your (?:free )?(?:\d+-day )?trial\b",
    r"\bsign up (?:for|to) our\b", r"(?:^|[.!?,]\s)sign up (?:for|to) the\b", r"\b(?:log|sign) ?in to\b", r"\bcreate (?:an|a free) account\b",
    r"\bregister (?:now|for free)\b", r"\bjetzt (?:weiterlesen|abonnieren|testen|registrieren|anmelden)\b",
    r"\bbereits (?:kunde|abonnent|registriert)\b", r"\bdiesen artikel (?:erwerben|kaufen|freischalten)\b",
    r"\bschliessen sie ein abo\b", r"\bzu den abos?\b", r"\babo abschliessen\b", r"\bplus-artikel\b", r"\babonnieren sie\b",
    r"\bmit (?:einem|dem) abo\b", r"\bweiterlesen mit\b", r"\bdeja abonne\b", r"\babonnez-vous\b", r"\bs'abonner\b",
    r"\bcet article est reserve\b", r"\bpour lire la suite\b",
    # appeals for members and support, and download buttons
    r"\b(?:sie haben|du hast|haben sie|hast du) (?:bereits|schon) ein abo\b", r"\bforwarded this (?:email|newsletter)\b",
    # a newsletter's web-view link ("Trouble viewing this email? View in browser", "Wird dieser Newsletter nicht
    # korrekt angezeigt? Im Browser öffnen", "Si cet e-mail ne s'affiche pas correctement, consultez-le …")
    r"\b(?:trouble|problems?) viewing this (?:email|newsletter)\b", r"\bview (?:it |this email )?in (?:your )?browser\b",
    r"\b(?:nicht )?(?:korrekt|richtig) angezeigt\b", r"\bim browser (?:offnen|ansehen|anzeigen)\b",
    r"\bne s'affiche pas correctement\b", r"\bdans votre navigateur\b",
    r"\bdownload (?:the|our|a|your) (?:free )?(?:whitepaper|white paper|e-?book|guide|report|checklist)\b",
    r"^(?:video |audio )?(?:verfugbar bis|available until|disponible jusqu'(?:au|a))\b", r"\bstraight to your inbox\b",
    r"\bjoin [\d,.]+ (?:other )?(?:readers|subscribers)\b", r"\bepinglez-le\b",
    r"^(?:vous avez aime cet article|did you (?:enjoy|like) this (?:article|post)|hat (?:ihnen|dir) (?:dieser|der) (?:artikel|beitrag) gefallen)\b",
    r"\b(?:\d+ von \d+|\d+ of \d+) (?:kostenlosen |free )?(?:artikeln|articles)\b",
    r"\b(?:vous avez lu|you(?:'ve| have) read) \d+ (?:articles? )?(?:gratuits?|free)\b",
    r"^(?:article |contenu )?reserve (?:aux|a nos) abonnes\b", r"^(?:for )?subscribers only\b",
    r"^nur fur (?:abonnenten|abonnentinnen|abonnierende)\b", r"^dieses thema im programm\b",
    r"^(?:this|today's) (?:episode|recap|post|article|newsletter|issue|podcast|show) (?:is|was) (?:brought to you|sponsored|"
    r"presented|supported) by\b", r"^diese (?:folge|episode|ausgabe|sendung) wird (?:prasentiert|unterstutzt|gesponsert) von\b",
    r"^cet? (?:episode|article|numero) (?:est |vous est )?(?:presente|sponsorise|soutenu|propose) par\b",
    r"^telecharger\b",
    r"^(?:download|telecharger|herunterladen)\b.{0,60}\(\d+(?:[.,]\d+)?\s?(?:kb|mb|ko|mo)\)$",  # "… image (4.2MB)"
    # delayed quotes under a stock widget, an age gate, a subscription's terms
    r"\bverzogert um \d+ min", r"\bdelayed (?:by )?(?:at least )?\d+ min", r"\bdonnees differees\b",
    r"\bage legal\b.{0,40}\balcool\b", r"\blegal drinking age\b", r"^(?:j'ai|i am|ich bin) (?:uber |over |mindestens )?18\b",
    r"\bjederzeit kundbar\b", r"\bcancel any ?time\b", r"\bresiliable a tout moment\b",
    # a video set into the story ("WATCH: …", "Play video", a player's button with the clip's length: "Écouter le sujet
    # de l'émission « Science à la une » (4:12)"), a call for tips or readers' pictures ("Got a story? Email …")
    r"^watch\s*:\s", r"^(?:play|replay) video$", r"^got a (?:story|news tip|tip)\b",
    r"^(?:listen to|watch|play|ecouter|regarder|revoir|anhoren|ansehen|abspielen)\b.{0,80}\(\d{1,2}:\d\d\)$",
    r"^(?:haben sie|hast du) (?:einen hinweis|eine geschichte)\b",
    r"\b(?:schicken|senden) sie uns (?:ihre |ihr )?(?:fotos|videos|bilder|hinweise)\b", r"\bsend us your (?:photos|videos|tips)\b",
    r"\benvoyez-nous vos (?:photos|videos|temoignages)\b", r"^vous avez une (?:info|information|histoire)\b",
    # a browser game's ad ("… No download required. Play now for free"), a vendor's pitch in its post
    r"\bplay (?:now )?for free\b", r"\bno download required\b", r"\bjetzt kostenlos spielen\b", r"\bjouez gratuitement\b",
    r"\btalk to (?:an|our|one of our) (?:experts?|specialists?|sales team)\b",
    # buttons: a copied link, a shop's call, a streaming link, a link that leaves the site
    r"^(?:link|lien) (?:copied|kopiert|copie)\W*$", r"\bshop now$", r"^(?:listen|stream it) on\b", r"^(?:ecouter|anhoren) (?:sur|auf)\b",
    r"^(?:tap|click) to expand\b", r"\((?:lien externe|external link|externer link)\)$",
    # an ad's call in German closing its line, perhaps with its price or vendor after a dash (folding leaves two
    # spaces where the dash stood): "… Jetzt Azubi-Bonus sichern!", "Jetzt Ferienwohnung … sichern – ab 59 € pro
    # Nacht", "– jetzt 30 Tage kostenlos testen bei CloudWerk"; news says "kann sich jetzt bewerben", where "jetzt"
    # opens no clause
    r"(?:^|[:!?.]\s|\s\s)jetzt\b(?:[^.!?]|\d\.\d){0,70}\b(?:sichern|buchen|bestellen|einholen|vergleichen|testen|kaufen|"
    r"downloaden|herunterladen|entdecken|bewerben|abschliessen|informieren)\b(?:\s+(?:bei|auf|unter)\s+\S+(?:\s+\S+)?)?"
    r"(?:\s\s+[^.!?]{0,40})?\s*[!.]?\s*$",
    # a gallery's button with its count, a poll's question, a petition's counter
    r"^(?:bildergalerie|fotostrecke|galerie|gallery|photo gallery) (?:offnen|ansehen|starten|open|view)?\b.{0,20}"
    r"\(\d+ (?:bilder|fotos|photos|images|pictures)\)$", r"^(?:open|view) (?:the )?(?:photo )?gallery\b",
    r"^voir (?:la )?galerie\b", r"^(?:umfrage|poll|sondage|abstimmung)\s*:",
    # a read-aloud's label: "Voiced by synthetic voice – 5 min"
    r"^(?:voiced|read|narrated) by (?:a )?(?:synthetic|computer-generated|ai) voice\b",
    r"^(?:gelesen|vorgelesen) von (?:einer )?(?:kunstlichen|synthetischen) stimme\b", r"^lu par une voix de synthese\b",
    # a broadcaster's note of where else it reports: "Über dieses Thema berichtet BR24 auch im Radio."
    r"^(?:uber dieses thema (?:berichtet|berichten|berichtete)|dieses thema im programm)\b",
    # a gallery's label and its title ("Photo gallery: Nexus Summit 2025"); a button to give the article away
    rf"^(?:{_GALLERY_NAMES})(?:\s*[:–-]|\s\s)\s*[^.!?]{{0,60}}$",
    r"^(?:gift (?:this |the )?(?:article|story)|(?:artikel|beitrag) verschenken|offrir (?:cet |l')?article)$",
    r"^(?:deja |already |bereits )?[\d\s.,'’]+\s(?:signatures|unterschriften|signatories|signataires)\b",
    r"\b(?:signez|sign|unterschreiben sie|unterschreibe) (?:notre|la|our|the|unsere|die) (?:petition|petitie)\b",
    # a press release's contact line with its details, its continuation mark and its pages' footers, as a
    # PDF prints them ("Media contact: Dana Whitfield, 419-555-0143", "-more-", "… – Page 2 of 2")
    r"^(?:(?:media|press) (?:contacts?|enquiries)|(?:presse|medien)kontakt|contacts? (?:presse|medias))\s*:\s*\S",
    r"^-+\s*(?:more|mehr)\s*-+$", r"^-+\s*suite\s*-+$", _PAGE_NUMBER_PATTERN,
    # a file's link: "… (PDF, 820 Ko)", "Bild herunterladen (JPG, 4,2 MB)", "Download the full report (PDF, 48 pages)"
    r"\((?:pdf|docx?|xlsx?|pptx?|odt|zip|jpe?g|png|mp3|mp4)\b[^()]{0,12}\d+(?:[.,]\d+)?\s*(?:ko|kb|mo|mb|pages|seiten)\)$",
    r"\b(?:also available in|auch verfugbar (?:auf|in)|egalement disponible en)\s*:",
    r"\bv\.\s?i\.\s?s\.\s?d\.\s?p\b", r"\bverantwortlich im sinne des presserechts\b",
    r"\bverantwortlich fur (?:diesen|den) (?:pressetext|inhalt|text)\b", r"^mitglied werden\b",
    r"\byour (?:gift|donation) (?:can|could|will) help\b", r"\b(?:ihre|deine) spende (?:hilft|kann)\b",
    r"\bvotre don (?:permet|peut|aide)\b", r"[£$€]\s?\d+ (?:could|can|will) (?:buy|pay for|provide)\b",
    r"\bdieser (?:artikel|beitrag) ist teil (?:unseres|unserer|der|des)\b", r"\bthis (?:article|story|piece) is part of (?:our|a|the)\b",
    r"\bcet article fait partie (?:de|du|d')",
    r"\bmedizinisch (?:gepruft|begutachtet)\b", r"\bmedically reviewed by\b",
    r"^(?:(?:fachlich|juristisch|redaktionell) )?gepruft von\s*:", r"^(?:fact-checked|legally reviewed) by\b",
    r"^(?:relu|valide|verifie) (?:et (?:valide|corrige) )?par (?:le |la )?(?:dr|docteure?|pr|professeure?|me|ma[iî]tre)\b",
    # a court's press summary: "This summary is provided to help in understanding the Court's decision."
    r"^this summary is provided to (?:help|assist)\b", r"\bdoes not form part of the reasons for the (?:decision|judgment)\b",
    r"^transparenzhinweis\b",
    # a health or money guide's disclaimer: "This article is for information only and does not replace …"
    r"\bfor (?:general )?information(?:al)? (?:purposes )?only\b",
    r"\bdoes not (?:replace|substitute for|constitute) (?:professional|medical|legal|financial|personal)\b",
    r"\bersetzt (?:keine|nicht (?:die|den|eine)) (?:arztliche|medizinische|professionelle|personliche|rechtliche)",
    r"\bne (?:remplace|saurait remplacer|se substitue) (?:pas|en aucun cas) (?:a )?(?:l'avis|une consultation|un avis|un "
    r"diagnostic|un conseil)",
    r"\bliens? (?:affilies|d'affiliation)\b", r"\b(?:artikel|beitrag|text) vorlesen lassen\b",
    # a call to share on social media: "Partagez votre photo sur Instagram avec le hashtag #…"
    r"\b(?:share|post|tag|partagez|postez|identifiez|teilen sie|teilt|posten sie)\b.{0,60}\b(?:with|using|avec|mit|"
    r"unter) (?:the |our |le |notre |dem |unserem )?hashtag\b",
    # a newsroom's call for readers' stories: "Have you been affected by the housing crisis? Write to us at …"
    r"^(?:have you been affected|are you affected|sind sie (?:auch )?betroffen|(?:etes-vous|vous etes) concerne)\b",
    r"\bsend us your (?:stories|pictures|photos|videos|tips)\b", r"\benvoyez-(?:les-)?nous\b",
    r"\b(?:schick(?:en sie|t)|senden sie) uns (?:ihre |eure |deine )?(?:fotos|bilder|videos)\b",
    r"\bsenden sie (?:ihre )?(?:fotos|bilder|videos)\b", r"\bschicken sie uns (?:einen|ihren) (?:hinweis|tipp)\b",
    # a live blog's and a newsletter's own machinery: "Automatisches Aktualisieren: AN", "Forward it to a neighbor."
    r"\bautomatisches aktualisieren\b", r"\bauto-?refresh\b", r"\bactualisation automatique\b",
    # an embedded post's credit line: "A post shared by PROOF (@proof.bedminster)"
    r"^(?:a post shared by|ein beitrag geteilt von|une publication partagee par)\b",
    # a call for readers' accounts through a form: "Have your water bills gone up? Tell us about it using this form"
    r"\b(?:tell|share with) us\b.{0,40}\busing (?:this|our|the) form\b",
    r"\bregister (?:for )?free (?:today|now)\b", r"\b(?:jetzt )?kostenlos registrieren\b",
    # a paywall's offer: "Lesen Sie jetzt weiter mit HF Premium", "Im ersten Monat für 1 €."
    r"\b(?:lesen sie|weiterlesen) (?:jetzt )?(?:weiter )?mit [a-z0-9]+\s?(?:plus|premium|digital|abo)\b",
    r"\bim ersten monat (?:fur|nur|ab|gratis|kostenlos)\b", r"\b(?:le )?premier mois (?:a|pour|offert|gratuit)\b",
    r"\bfirst month (?:for|free|at)\b",
    r"\bforward (?:it|this(?: email| newsletter)?) to a (?:friend|neighbou?r|colleague)\b",
    # a push alert's pitch, a press release's character count
    r"\b(?:sie wollen|wollen sie|mochten sie|sie mochten)\b.{0,50}\binformiert (?:werden|bleiben)\b",
    r"^zeichen(?:anzahl)?\s*:\s*[\d.]+",
    r"\bwir finanzieren uns (?:\w+ )?(?:uber|durch) provisionen\b",
    r"\bsupport (?:independent|local|quality|our) (?:journalism|reporting|research|media)\b", r"\b(?:journalism|reporting) needs your support\b",
    r"\bunterstutzen sie (?:unabhangigen|unseren|lokalen|guten) journalismus\b", r"\bsoutenez (?:le|notre) journalisme\b",
    r"\bjetzt\b.{0,30}\b(?:beitreten|mitglied werden)\b", r"(?:^|[.!]\s)become a (?:member|supporter)\b", r"\bdevenez (?:membre|adherent)\b",
    r"\b(?:als )?pdf (?:herunterladen|downloaden)\b", r"\bdownload (?:the |this |as (?:a )?)?pdf\b", r"\btelecharger (?:le |en )?pdf\b",
    # newsletters
    r"\bnewsletter\b.{0,60}\b(?:sign up|subscribe|abonnieren|anmelden|inscri|bestellen|e-mail|email|recevez)\b",
    r"\b(?:sign up|subscribe|abonnieren|anmelden|inscrivez-vous)\b.{0,60}\bnewsletter\b",
    # comments
    r"\bleave a (?:reply|comment)\b", r"\bpost a comment\b", r"\byour email address will not be published\b",
    r"\brequired fields are marked\b", r"\b(?:deine|ihre) e-?mail-?adresse wird nicht veroffentlicht\b",
    r"\bvotre adresse (?:e-?mail|de messagerie|courriel) ne sera pas publiee\b",
    r"\bthank(?:s| you) for (?:registering|signing up|subscribing)\b", r"\b(?:vielen )?dank fur (?:ihre|deine) (?:registrierung|anmeldung)\b",
    r"\bmerci (?:pour|de) votre inscription\b",
    # a breadcrumb trail (the English one apart: its words are all common ones, so it is tried on every line)
    _BREADCRUMB_TRAIL, _BREADCRUMB_HERE, r"^you are here\s*:",
    r"\bkommentar (?:schreiben|verfassen|abgeben)\b", r"\bkommentare? (?:anzeigen|lesen|einblenden)\b",
    r"\blaisser un commentaire\b", r"\bdie kommentarfunktion\b", r"\bcomments? (?:are|is) closed\b",
    r"\bnoch keine kommentare\b", r"\bno comments yet\b", r"\bjoin the (?:conversation|discussion)\b",
    # share and print
    r"\bshare (?:this (?:article|story|post|page)|on (?:facebook|twitter|linkedin|whatsapp|x|pinterest|reddit)|via)\b", r"\b(?:auf|via|per) (?:facebook|twitter|whatsapp|linkedin|x|mail|e-mail|email) teilen\b", r"\bartikel teilen\b",
    r"\bpartager (?:sur|cet)\b", r"\bfollow us on\b", r"\bfolgen sie uns\b", r"\bsuivez-nous\b",
    # navigation and teasers
    r"^(?:read|see|view|show|load) (?:more|all|the full)\b", r"^more (?:from|on|about|stories|news|articles)\b",
    r"\b(?:related|recommended|popular|trending|latest) (?:articles|stories|posts|news|content|reads)\b",
    r"\byou (?:may|might) also (?:like|be interested)\b", r"\byou (?:may|might) (?:also )?enjoy\s*:",
    # a blog's call to pin the post: "Pin this recipe for later!", "Épinglez cet article sur Pinterest …"
    r"^\W*(?:pin|epinglez|epingle|pinne|merke)\b.{0,50}\b(?:pinterest|for later|plus tard|fur spater)\b",
    r"\bdas konnte sie auch interessieren\b", r"\bmehr zum thema\b",
    r"\bweitere (?:artikel|nachrichten|meldungen|beitrage|themen)\b", r"\blesen sie (?:auch|mehr|hier)\b",
    r"\b(?:a|à) lire (?:aussi|egalement)\b", r"^lire (?:aussi|la suite|plus)\b", r"\bsur le meme sujet\b",
    r"^mehr dazu (?:in|im|auf|bei)\b",  # a broadcaster's link to its other story: "Mehr dazu in Bergretter: „…“ (tirol.ALR.at)"
    r"\bskip to (?:main )?content\b", r"\bback to top\b", r"\bzum inhalt springen\b", r"\baller au contenu\b",
    r"\bthis (?:post|article) was originally published\b", r"(?:^|\b(?:was|were|is|first) )originally published (?:on|at|in|by)\b",
    r"\bthis article (?:first )?appeared\b", r"\bdownloaded image for\b",
    # where the piece first ran: "This article was first published by …", "Dieser Text erschien in …"
    r"^this (?:article|story|piece|post|report) (?:was )?(?:first|originally) (?:published|appeared|ran) (?:by|in|on|at)\b",
    r"^(?:dieser|der) (?:text|artikel|beitrag) (?:erschien|ist (?:zuerst |erstmals )?(?:in|im|bei|auf) .{1,40} erschienen)\b",
    r"^(?:cet article|ce texte|cet entretien) (?:a ete |est )?(?:initialement |d'abord )?(?:publie|paru)\b",
    r"\bclick (?:here|to)\b", r"\bhier klicken\b", r"\bcliquez ici\b",
    # a page's error and status messages ("Something went wrong with the connection!")
    r"^(?:oops\W*)?something went wrong\b", r"^(?:ups\W*)?(?:etwas|da) ist (?:etwas )?schief ?gelaufen\b",
    r"^(?:oups\W*)?une erreur (?:s'est produite|est survenue)\b", r"\bplease try again(?: later)?\W*$",
    r"\bversuchen sie es (?:spater )?(?:noch einmal|erneut)\W*$", r"\bveuillez reessayer\b",
    # a form's prompt ("Enter City and State or Zip Code", "PLZ eingeben", "Entrez votre code postal")
    r"^(?:enter|type) (?:your |a |the )?(?:city|zip|post ?code|location|e-?mail|search)\b",
    r"\b(?:plz|postleitzahl|e-mail-adresse|suchbegriff) eingeben\b",
    r"^(?:entrez|saisissez) (?:votre|une|un) (?:ville|code postal|adresse|e-?mail)\b",
    # the notice a page shows without JavaScript ("Bitte schalten Sie JavaScript ein", "JavaScript is disabled")
    r"\bjavascript\b.{0,40}\b(?:enable|aktivieren|activer)\b", r"\b(?:enable|activate|aktivieren sie|activez|activer)\b.{0,30}\bjavascript\b",
    r"\bschalten? (?:sie )?(?:bitte )?(?:ihr |dein )?javascript ein\b",
    r"\bjavascript (?:is |ist )?(?:disabled|turned off|deaktiviert|ausgeschaltet|desactive)\b",
    r"\b(?:ad|advertisement|anzeige|werbung|publicite)$", r"^\W*(?:advertisement|anzeige|werbung|publicite|sponsored)\b",
    r"\b(?:beitrag|artikel|post) enthalt (?:werbung|affiliate)", r"\bcreative[- ]commons\b", r"\b(?:declaration d'accessibilite|accessibility statement|erklarung zur barrierefreiheit)\b",
    r"\b(?:after|once you(?:'ve| have)?) (?:logging|signing|logged|signed) in\b",
    # a publication's licence ("This publication is licensed under the terms of the Open Government Licence v3.0 …")
    r"\bthis (?:publication|work|document|report|page) is (?:licensed|available) (?:under|at)\b",
    r"\bopen government licen[cs]e\b", r"\bthird[- ]party copyright\b", r"^(?:entdecken sie|discover|decouvrez)\b",
    r"^(?:accepter et (?:afficher|voir|lire)|(?:akzeptieren|zustimmen) und (?:anzeigen|laden|abspielen)|"
    r"accept and (?:show|display|play|load))\b",  # a player's consent button: "Accepter et afficher la vidéo"
    r"\bum (?:den|diesen|externen) inhalt\b.{0,60}\bzu laden\b", r"\bexterne[nr]? inhalte?\b", r"\bload (?:the )?external content\b",
    r"\bimmer (?:aktuell|bestens|gut) informiert\b", r"\bstay (?:up to date|informed)\b",
    r"\bmeistgelesen\b", r"\bmost (?:read|popular|viewed)\b", r"\btrending (?:at|on|now)\b",
    r"\brecent reporting\b", r"\bprint this\b", r"^e-?mail this\b", r"^\W*(?:zuruck )?nach oben\W*$",
    r"^(?:herzlich )?willkommen (?:auf|bei|im)\b", r"^welcome to\b", r"\b(?:abgelegt|veroffentlicht) unter\b",
    r"\bfiled under\b", r"^posted (?:in|by)\b", r"\bcookies?\b", r"\btechnische speicherung\b", r"\bconsent\b",
    r"\b(?:ihre|deine|seine) (?:einwilligung|zustimmung)\b", r"\bvotre consentement\b",
    r"\b(?:with|use|using|enter|mit|avec)(?: the| dem| le)? (?:promo |discount |voucher |coupon |gutschein|rabatt)?code\s*:?"
    r"\s*[a-z]{2,}\d{1,3}\b",  # a promotion's code: "… when you join with code ROAM20"
    r"\baffiliate[- ]links?\b", r"\bmay (?:earn|receive|get) (?:a |an )?(?:small )?(?:affiliate )?commission\b", r"\b(?:erhalten|bekommen) wir (?:eine )?(?:kleine |geringe )?provision\b", r"\bwe (?:may )?(?:receive|earn) (?:an? )?(?:affiliate |small )?(?:commission|compensation)\b",
    r"\bprovisions?-?links?\b", r"\bwerbelinks?\b", r"\bproduct advertising api\b", r"\bletzte aktualisierung am\b",
    r"\bsubscription (?:will|renews?) automatically\b", r"\byour subscription (?:will|renews?)\b", r"^subscription (?:plans?|options?)\b", r"\bauto[- ]?renew", r"(?:^|\b(?:get|enjoy|for|with) )(?:instant|immediate|unlimited) (?:online )?access\b",
    r"\breader-supported publication\b", r"\bto receive new posts\b", r"\bals abonnent(?:in)? lesen sie\b",
    r"\b(?:members?|subscribers?|abonnenten)[- ]only (?:story|article|content|post)\b",
    r"\b(?:delivered|sent) (?:straight |directly )?to (?:your|their) inbox", r"\bin (?:your|ihr(?:em)?|dein(?:em)?) (?:inbox|postfach)\b",
    r"\b(?:besuchen sie|besuche) unser(?:en)?\b", r"\bvisit our (?:shop|store|website)\b",
    r"\b(?:konnte|durfte|konnten) (?:dich|sie|euch) auch interessieren\b", r"\bmight (?:also )?interest you\b",
    r"\bpourrait (?:aussi |egalement )?vous interesser\b", r"\b(?:respektieren|schutzen) (?:deine|ihre) privatsphare\b",
    r"\bthe views expressed (?:in this|here|are)\b", r"\bgibt (?:die|nicht unbedingt die) meinung (?:des|der) (?:autors|autorin|redaktion)\b",
    r"\bn'engagent que (?:leur|son) auteur\b", r"\bwe (?:respect|value) your privacy\b", r"\badvertising disclaimer\b", r"^suggested citation\b", r"\bzitiervorschlag\b",
    r"\bcite this (?:article|page)\b", r"\b(?:alle )?angaben ohne gewahr\b", r"\bwithout (?:any )?(?:guarantee|warranty) of accuracy\b", r"\bnever miss (?:a|an|our|the|any)\b", r"\bverpassen sie keine\b", r"\bnichts mehr verpassen\b",
    r"^[a-z]+ [a-z]+ (?:is|was) an? (?:\w+ ){0,4}(?:writer|journalist|editor|reporter|expert|author|contributor|correspondent)\b",
    r"^[a-z]+ [a-z]+ (?:ist|war) (?:\w+ ){0,4}(?:redakteur|journalist|autor|korrespondent|reporter)(?:in)?\b",
    r"\b\d+\s*(?:min(?:ute)?s?|minuten)\b.{0,20}\b(?:read|lesen|words|worter)\b", r"\b(?:reading time|read time|lesezeit|lesedauer|temps de lecture)\b", _LINK_LABEL.pattern,
]
# The whole short line is a menu entry or a button ...
_WEAK_LINE = re.compile(
    r"^(?:home|startseite|accueil|menu|menü|search|suchen?|rechercher|search for|login|log in|sign in|sign up|logout|"
    r"register|anmelden|abmelden|registrieren|connexion|se connecter|subscribe|abonnieren|s'abonner|abo|newsletter|"
    r"share|teilen|partager|tweet|print|drucken|imprimer|email|e-mail|mail|comments?|kommentare?|commentaires?|"
    r"reply|antworten|repondre|like|gefallt mir|close|schliessen|fermer|weiter|next|previous|zuruck|back|go|ok|submit|"
    r"more|mehr|plus|tags?|schlagworte?|themen|topics|related|verwandte artikel|contact|kontakt|about us|"
    r"follow us|folge uns|folgt uns|folgen sie uns|suivez-nous|vergrossern|enlarge|agrandir|zoom|"
    r"hauptinhalt|main content|contenu principal|about|advertise|werben|mediadaten|media kit|"
    r"back to(?: \w+){1,2}|zuruck zu[mr]?(?: \w+){1,2}|retour (?:a|aux?)(?: \w+){1,2}|"
    r"uber uns|uber mich|about me|a propos(?: de (?:nous|moi))?|faq|hilfe|help|cookies?|archive|archiv|rss|podcast|audio|video|videos|"
    r"galerie|gallery|"
    r"read more|weiterlesen|mehr lesen|lire la suite|en savoir plus|mehr erfahren|learn more|continue reading|"
    r"zum artikel|zur startseite|advertisement|anzeige|werbung|publicite|sponsored|gesponsert|top|all news|"
    r"listen to (?:this |the )?(?:article|story)|(?:artikel )?(?:anhoren|vorlesen)|ecouter (?:cet |l')?article|videos? a suivre|"
    r"alle news|toutes les actualites|resources?|ressourcen|trending|popular|beliebt|inhaltsverzeichnis|inhalt|"
    r"table of contents|contents|sommaire)(?:\s+\w+)?"
    r"(?:\s*[·|•–-]?\s*\d+\s*(?:min|minuten|minutes)\.?)?\s*[:.!»›>]*$", re.I)  # (a read-aloud's length: "· 4 Min.")
# ... or names a network, a count of comments, a newsletter.  (Two patterns: in one alternation the
# anchored menu list was tried at every position of the line, six times the cost.)
_WEAK_WORD = re.compile("|".join([
    r"\b\d+\s+(?:comments?|kommentare?|commentaires?|antworten|replies|reactions)\b",
    r"\b(?:facebook|twitter|instagram|linkedin|youtube|whatsapp|pinterest|telegram|xing|tiktok)\b",
    r"\bnewsletter\b", r"\bcookies?\b", r"\babo\b", r"\babonnement\b", r"\bsubscription\b", r"\bpodcast\b",
    r"\bpublicit", r"\bwerbung\b", r"\banzeige\b", r"\bsponsored\b",
]), re.I)
# Consent dialogs are long paragraphs of good prose; these phrases mark them at any length.  Most
# European sites show the IAB's Transparency and Consent Framework, whose purposes are worded the
# same on every site in each language ("Store and/or access information on a device", "Genaue
# Standortdaten verwenden", "Publicités et contenu personnalisés, mesure de performance …").
# A consent dialog's buttons, the whole line (a pattern of its own: an anchored alternative would cost
# _CONSENT its fast scan for the first letters).
_CONSENT_BUTTON = re.compile(r"(?:(?:accept|reject|decline) all(?: cookies)?|alle (?:akzeptieren|ablehnen|annehmen)|"
                             r"tout (?:accepter|refuser))$")
_CONSENT = re.compile(
    r"\b(?:we|wir) (?:use|verwenden|nutzen|setzen)\b.{0,40}\bcookies\b|\btechnische speicherung\b|"
    r"\bspeichern und/oder (?:darauf )?(?:zu(?:zu)?greifen|abrufen)|\bstore and/or access\b|\bstocker et/ou acceder\b|"
    r"\b(?:we and our|wir und unsere|nous et nos) (?:\d+ )?(?:partners|partner|partenaires)\b|"
    r"\bpersonali[sz]ed (?:ads|advertising) and content\b|\bpersonalisierte anzeigen und inhalte\b|"
    r"\bpublicites et contenus? personnalises\b|\bprecise geolocation data\b|\bgenaue standortdaten\b|"
    r"\bgeolocalisation precises?\b|\bdevice characteristics for identification\b|"
    r"\bgerateeigenschaften zur identifikation\b|\bcaracteristiques de l.appareil pour l.identification\b|"
    r"\bcookies?\b.{0,80}\b(?:einwilligung|zustimmung|consent|consentement)\b|"
    r"\b(?:einwilligung|zustimmung|consent|consentement)\b.{0,80}\bcookies?\b|"
    # a dialog's own buttons named: "En cliquant sur « Refuser », …", "By clicking "Accept all", …"
    r"\b(?:by clicking|en cliquant sur|mit (?:dem |einem )?klick auf|durch (?:das )?klicken auf)\b.{0,30}"
    r"\b(?:accept|reject|refuse|decline|akzeptieren|ablehnen|zustimmen|alle akzeptieren|accepter|refuser)")


def _index_phrases(patterns: list[str]) -> tuple[dict[str, list[re.Pattern]], list[re.Pattern]]:
    """Gate each phrase pattern on the distinctive words it contains.

    One regex of 150 alternatives costs more than everything else the cleaner
    does; a line is first scanned once for the distinctive words, and only the
    patterns those words belong to are tried.
    """
    common = {"the", "to", "of", "and", "on", "in", "at", "for", "this", "is", "are", "or", "a", "an", "you", "your",
              "our", "sie", "der", "die", "das", "den", "dem", "mit", "auf", "zu", "und", "la", "le", "de", "des",
              "sur", "ce", "cet", "est", "it", "be", "by", "via", "here", "hier", "ici", "all", "more", "mehr", "auch"}
    by_word: dict[str, list[re.Pattern]] = {}
    always: list[re.Pattern] = []
    for pattern in patterns:
        compiled = re.compile(pattern, re.I)
        bare = re.sub(r"\\[a-zA-Z]|\[[^\]]*\]|\{[^}]*\}", " ", pattern)
        variants = re.sub(r"[a-z]\?", "", bare) + " " + bare.replace("?", "")  # "abos?" -> abo, abos
        words = {w for w in re.findall(r"[a-z]{2,}", variants) if w not in common}
        if not words:
            always.append(compiled)
        for word in words:
            by_word.setdefault(word, []).append(compiled)
    return by_word, always


_STRONG_INDEX = _index_phrases(_STRONG)
_LETTERS = re.compile(r"[a-z]+")


# Words of a site's legal furniture that news reports on too (a regulator's fine for cookies, a fake shop's missing
# imprint, data used without consent): a line this long that names one, does not speak to the reader and does not
# say what the site does ("Diese Website verwendet Cookies. Wenn du …"), is news about it.
NEWS_WORTHY_WORDS = 8
_NEWS_WORTHY = ("cookie", "cookies", "impressum", "datenschutz", "consent", "agb", "nutzungsbedingungen")
_NEWS_WORTHY_WORD = re.compile(r"(?<![\w-])(?:%s)(?:-\w+)*(?!\w)" % "|".join(_NEWS_WORTHY))  # also "Consent-Management"
_ASKS_TO_SUBSCRIBE = re.compile(r"(?:^|[.!?:|+*]\s*)subscribe\b|\b(?:i|me|my)\b")
_SITE_USES = re.compile(r"\b(?:verwendet|verwenden|nutzt|nutzen|setzt|setzen|uses?|utilise|utilisons)\b")


def strong_phrase(folded: str) -> str:
    """The boilerplate phrase in a (lower-cased, accent-folded) line, or ``""``."""
    by_word, always = _STRONG_INDEX
    candidates = list(always)
    for word in dict.fromkeys(_LETTERS.findall(folded)):  # ordered: same reason on every run
        candidates.extend(by_word.get(word, ()))
    for pattern in candidates:
        m = pattern.search(folded)
        if m:
            return m.group(0).strip()
    return ""


def _weak_phrase(folded: str) -> bool:
    """A short (lower-cased, accent-folded) line that is navigation or a button."""
    return bool(_WEAK_LINE.match(folded) or _WEAK_WORD.search(folded))


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
    r"sur le meme sujet|a lire aussi|trending(?: at .*)?|around .{2,40}|most popular|meistgelesen|"
    r"more (?:from|on|stories from|news from) .{2,40}|mehr (?:von|aus|zu) .{2,40}|plus de .{2,40}|"
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


def _mark_captions_under_pictures(lines: list[Line]) -> None:
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
    elif chars >= GOOD_CHARS and line.stop_density < 0.08:
        return bad("word list (no function words)")
    elif chars >= NEAR_CHARS and line.stop_density >= NEAR_DENSITY:
        line.cls = "neargood"
    else:
        line.cls = "short"


# --------------------------------------------------------------------------- repairs and context


class PageImage(NamedTuple):
    """An image line of the page (``![alt](url)``)."""

    alt: str
    url: str
    line: int  # 1-based line number in the input


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


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts, found without a Python loop over characters


def _prepare_lines(text: str, lang: str, dropped: list[Dropped]) -> tuple[list[Line], list[PageImage]]:
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


_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s?/\s?\d{1,3}$|^(?:bild|foto|photo|image|picture) \d{1,3} (?:von|of|sur|/) \d{1,3}$",
                              re.I)  # "3/9", "Bild 3 von 9"


def _mark_repeats(lines: list[Line]) -> None:
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


def _restore_topical_lists(lines: list[Line], start: int, end: int, stops: frozenset[str],
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


def _mark_comments(lines: list[Line]) -> None:
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


def _mark_teaser_boxes(lines: list[Line]) -> None:
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


def _mark_ad_boxes(lines: list[Line], stops: frozenset[str]) -> None:
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


def _in_capitals(text: str) -> bool:
    """Every letter a capital, and a word of three letters at least: a box's label, not an acronym."""
    return text.upper() == text and any(len(word) >= 3 and word.isalpha() for word in text.split())


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


def _mark_contents(lines: list[Line]) -> None:
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
        if not label:  # or the issue's contents said in a sentence to the reader ("… berichten wir vom Warnstreik …")
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


def _mark_call_to_action_boxes(lines: list[Line]) -> None:
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


def _mark_consent_dialogs(lines: list[Line]) -> None:
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
HEADLINE_WORDS = 16  # a headline-shaped line has at most this many words


# A German ordinal's full stop ("die 3. Liga", "am 21. Spieltag") ends no sentence.
_ORDINAL = re.compile(r"\b(\d{1,2})\.(?=\s+\w)")


def _headline_shaped(line: Line, ordinals: bool = False) -> bool:
    """Short, and with no sentence's end; ``ordinals``: a German ordinal's full stop is none ("Nach 20 Jahren:
    HSG-Frauen machen den Aufstieg in die 3. Liga perfekt")."""
    text = _ORDINAL.sub(r"\1", line.text) if ordinals else line.text
    return 1 <= line.words <= HEADLINE_WORDS and not _TERMINAL.search(text) and len(text) <= 140 and not text.endswith(":")


def _mark_link_lists(lines: list[Line]) -> None:
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




def _date_stamp(line: Line) -> bool:
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


def _main_region(lines: list[Line], stops: frozenset[str] = frozenset()) -> tuple[int, int, list[Region]]:
    """The body: the candidate region with the most mass, weighed by the marks of an article.

    Mass alone lets a long consent dialog, comment thread or legal footer beat
    a short story; so a region with a headline, byline or dateline above it
    counts more, and one that starts after an end-of-article marker that
    follows such a marked region (the comments below a post) counts less.
    """
    regions = _regions(lines)
    for region in regions:
        region.anchors = _anchors(lines, region, stops)
    marked_end = -1  # the end of the last region so far with an article's marks above it
    for region in regions:  # in page order
        region.after_stop = marked_end >= 0 and any(l.hard_stop for l in lines[marked_end + 1:region.start])
        if region.anchors:
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


def _start_below_breadcrumb(lines: list[Line], start: int, end: int) -> int:
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


# Headings under which a press release or a post goes on about something other than its story: its end mark,
# the notes to editors, the press contact, the author's bio (or the interviewee's, "Zur Person"), a disclaimer.
_FOOTER_HEADING = re.compile(
    r"^(?:-*\s*(?:ends|ende)\s*-*|#{3}|-30-|notes? (?:to|for) (?:the )?editors|hinweise? (?:fur|an) (?:die )?redaktion(?:en)?|"
    r"notes? aux redactions|(?:presse|medien)kontakt|press (?:contacts?|enquiries)|media (?:contacts?|enquiries)|"
    r"(?:ihre? )?ansprechpartner(?:in|innen)?|(?:your )?contact person|(?:votre )?interlocut(?:eur|rice)|"
    r"contacts? (?:presse|medias)|kontakt fur (?:die )?(?:presse|medien)|haftungsausschluss|disclaimer|"
    r"(?:uber|about|a propos d[eu]?) ?(?:den |die |the |l')?(?:autor|autorin|author|authors|auteur|auteure)|zur person)$")
FOOTER_HEADING = "a footer's heading below the story (its end mark, notes to editors, contact, author, disclaimer)"


def _footer_heading(line: Line) -> bool:
    """A heading of what a press release or post prints below its story (see :data:`_FOOTER_HEADING`).

    Not "About X" over a company's blurb: the development pages' editors keep
    a press release's "About my6sense" paragraph as part of the release."""
    return line.words <= 6 and bool(_FOOTER_HEADING.match(_fold(line.text).strip(" .:|>»")))


def _cut_furniture_tail(lines: list[Line], start: int, end: int, stops: frozenset[str]) -> int:
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


def _mark_video_boxes(lines: list[Line]) -> None:
    """A video set into the page: "VIDEO" / "So dreist gingen die Räuber vor" / "00:47".  Its title and its
    length are the clip's, not the story's."""
    for i in range(len(lines)):
        closing = _video_box_end(lines, i, len(lines) - 1)
        for k in range(i + 1, closing + 1 if closing else i):
            if lines[k].cls != "bad":
                lines[k].cls, lines[k].reason = "bad", VIDEO_BOX


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


def _trim_tail(lines: list[Line], start: int, end: int) -> int:
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


def _take_announced_list(lines: list[Line], start: int, end: int) -> int:
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


def _extend_region(lines: list[Line], start: int) -> int:
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


def _is_heading(lines: list[Line], i: int, end: int) -> bool:
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


_HEADING_COLON = re.compile(r"^(?P<head>[A-ZÄÖÜÉ][^:.!?]{8,70}):\s+(?P<rest>[A-ZÄÖÜÉ„“\"].{60,})$")


# a place's name and a dash, then a clause: "Hofgarten – Knapper hätte es kaum ausgehen können" (not "HIV - AIDS")
_DATELINE_OPENING = re.compile(r"^[A-ZÄÖÜ][\w.'’-]+(?: [A-ZÄÖÜ][\w.'’-]+)?\s[–—-]\s(?=.*\s[a-zäöüß])\S+(?:\s\S+){2,}$")


def _split_heading_colon(text: str, stops: frozenset[str]) -> tuple[str, str] | None:
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


# --------------------------------------------------------------------------- the cleaner


LANG_SAMPLE = 4000  # characters of prose-like lines: all 289 development pages right from 3000 on; more only costs time


def _detect(text: str) -> tuple[str, float]:
    """The page's language from its longer lines (menus in another language do not sway it)."""
    from .language import detect_lang

    code, confidence = detect_lang(text)
    return (code, confidence) if code else ("en", 0.0)


def clean_text(text: str, lang: str | None = None, *, html: bool = False, source: str = "",
               reference=None) -> CleanResult:
    """Clean one page dump (or HTML page with ``html=True``) into metadata and body blocks.

    ``reference`` (an aware datetime: when the file was saved) resolves relative dates
    ("vor 2 Stunden") when the page prints nothing better.
    """
    result = _clean_html(text, lang, source) if html else _clean_lines(text, lang, reference=reference)
    for name in ("url", "image"):  # only web links leave the cleaner (no file:, javascript:, data:, paths)
        if getattr(result, name) and not http_url(getattr(result, name)):
            result.dropped.append(Dropped(getattr(result, name), f"{name} is not an http(s) URL"))
            setattr(result, name, "")
            result.evidence.pop(name, None)
    return result


def _clean_lines(text: str, lang: str | None, from_html: bool = False, reference=None) -> CleanResult:
    result = CleanResult()
    text = fix_mojibake(text)
    dropped: list[Dropped] = []
    if lang:
        result.evidence["lang"] = meta.evidence(lang, "given by the caller", 1.0)
    else:
        prose = (l for l in text.splitlines() if len(l.split()) >= 8 and _code_score(l) < 0.02)
        sample = "\n".join(prose)[:LANG_SAMPLE] or text[:LANG_SAMPLE]
        lang, confidence = _detect(sample)
        result.evidence["lang"] = meta.evidence(lang, "py3langid on the page's longer lines", confidence)
    result.lang = lang
    lines, images = _prepare_lines(text, lang, dropped)
    stops = stopwords(lang if lang in _LANG_STOPLISTS else "en")
    for line in lines:
        classify_line(line, stops, lang)
    _mark_consent_dialogs(lines)
    _mark_captions_under_pictures(lines)
    _mark_video_boxes(lines)
    _mark_repeats(lines)
    _mark_comments(lines)
    _mark_link_lists(lines)
    _mark_teaser_boxes(lines)
    _mark_ad_boxes(lines, stops)
    _mark_call_to_action_boxes(lines)
    _mark_contents(lines)
    start, end, regions = _main_region(lines, stops)
    restored = _restore_topical_lists(lines, start, end, stops, LIST_REACH)
    if restored:  # a recipe's ingredients beside its method: search again, and keep them only if taken in
        start, end, regions = _main_region(lines, stops)
        for i in restored:
            if not start <= i <= end:
                lines[i].cls, lines[i].reason = "bad", LINK_LIST
    result.regions = [r.describe(lines) for r in regions]
    start = _start_below_breadcrumb(lines, start, end)
    end = _trim_tail(lines, start, end)
    end = _cut_furniture_tail(lines, start, end, stops)
    if end >= start:
        start = _extend_region(lines, start)
        end = _take_announced_list(lines, start, end)
        end = _take_closing_sentence(lines, _take_closing_turns(lines, start, end))
    _restore_topical_lists(lines, start, end, stops)
    end = _cut_authors_bio(lines, start, end)
    title_index = _find_title(lines, start, end, result, stops, images)
    if title_index >= start:
        start = title_index + 1
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        if i < start or i > end:
            if i != title_index:
                reason = line.reason or ("before the article text" if i < start else "after the article text")
                dropped.append(Dropped(line.text, reason, line.number))
            continue
        if line.cls == "bad":
            dropped.append(Dropped(line.text, line.reason, line.number))
            continue
        if not blocks and (_date_stamp(line) or dates.name_and_date(line.text)):
            # the body opens after its date line, never with it, nor with a byline's name and date
            dropped.append(Dropped(line.text, "date line", line.number))
            continue
        text_ = line.text
        bullet = _BULLET.match(text_)
        if bullet and not text_[0].isdigit():  # numbers of an ordered list are part of the text
            text_ = text_[bullet.end():]
        if _is_heading(lines, i, end):
            blocks.append(Block("heading", text_))
            continue
        split = _split_heading_colon(text_, stops)
        if split:
            blocks.append(Block("heading", split[0]))
            blocks.append(Block("paragraph", split[1]))
            continue
        blocks.append(Block("list_item" if bullet else "paragraph", text_))
    # a trailing heading has nothing to head
    while blocks and blocks[-1].kind == "heading" and not blocks[-1].text.endswith("?"):
        last = blocks.pop()
        dropped.append(Dropped(last.text, "heading with no text after it", 0))
    result.blocks = blocks
    result.dropped = sorted(dropped, key=lambda d: d.line)
    _recover_metadata(result, lines, start, end, title_index, images, lang, from_html, reference)
    return result


# Word sets of a line are asked for again and again (region anchors, lists beside the body,
# the title, the tail), so they are computed once per (text, language).
@lru_cache(maxsize=16384)
def _content_words(text: str, stops: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in stops)


_NOT_A_TITLE = re.compile(r"[»›>|]\s*$|\s[›>]\s|\s[|/]\s.*\s[|/]\s|\w\|\w.*\w\|\w|^\W|https?://|"
                          r"^\W*(?:\S+\s+){0,3}\d+\s+(?:min(?:ute)?s?|words|wörter|kommentare|comments)\b|"
                          r"\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b|\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen)\b|"
                          r"\bil y a\s+\d+\s+(?:min(?:ute)?s?|heures?|jours?)\b", re.I)
# (not a breadcrumb's "Ackerbau › Mais" or "News / Research / Engineering", a menu's "A | B | C" or
# "Start|Magazin|Tipps", a count near a line's start, "5 min read", "12 comments", nor a posting age, "11 minutes
# ago"; a headline may count minutes: "… from 41 minutes to 9")
_OPENING_QUOTES = "«»“”„‚‘\"'‹› "
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


# A consent dialog's heading speaks to the reader about their privacy ("We value your privacy",
# "Wir respektieren Ihre Privatsphäre", "Vos choix en matière de confidentialité").
_CONSENT_HEADING = re.compile(
    r"\b(?:privacy|privatsphare|datenschutz\w*|confidentialite|vie privee|cookies?|consent\w*|einwilligung|zustimmung|"
    r"choices|auswahl|choix)\b")
_READER_ADDRESS = re.compile(r"\b(?:you|your|we|our|ihre?|ihrer|wir|unsere?|vos|votre|nous|nos)\b")
_SHARE_WORDS = re.compile(r"\b(?:share|shared|teilen|partager|tweet|whatsapp|facebook|mailto|e-?mail|pin it)\b")


# "Tags: …", "Schlagwörter: …": the article's keywords, never its headline
_TAG_LIST = re.compile(r"^(?:tags?|schlagw(?:orter|orte?)|stichw(?:orter|orte?)|themen|topics|keywords|mots[- ]cles|"
                       r"categories|kategorien|rubriques|themes?|theme\(s\))\s*:")


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
    if _date_stamp(line):
        return "a date stamp"
    return ""


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


def _cut_authors_bio(lines: list[Line], start: int, end: int) -> int:
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
_TITLE_LABEL = re.compile(r"^(?:title|titel|titre|headline|überschrift)\s?:", re.I)


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
                 or (stamps and _date_stamp(lines[k])) or meta.byline_author(lines[k].text))]
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


def _find_title(lines: list[Line], start: int, end: int, result: CleanResult, stops: frozenset[str],
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
            lines[i + 1].reason in ("byline", "date line") or _date_stamp(lines[i + 1]))
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
    if best >= 0:
        result.title = _TITLE_LABEL.sub("", lines[best].text).strip()
        where = "opening the body, with no full stop" if best == opening else "above the body"
        source = "; ".join([f"headline-shaped line {lines[best].number} {where}"] + best_support
                           + ([f"passed over: {', '.join(rejected)}"] if rejected else []))
        result.evidence["title"] = meta.evidence(result.title, source, min(0.9, 0.3 + best_score / 10))
        _split_site_name(result, lines)
    return best


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
_SENDER_LINE = re.compile(r"^(?:communique|publie|issued|published|posted|herausgegeben|veroffentlicht|mitgeteilt)e?\s+"
                          r"(?:par|by|von)\s*:")
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
    above its answer.  Whether it names the article is for :func:`_find_title` to weigh."""
    i = start
    while i <= end and (lines[i].cls == "bad" or _date_stamp(lines[i]) or _dateline_shaped(lines[i])):
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


def _split_site_name(result: CleanResult, lines: list[Line]) -> None:
    """A page title "Headline | Site" or "Headline - Site": the headline, and the site as publisher.

    After a dash, or when it holds a hyphen, the name must be printed elsewhere on the page too, apart
    from the headline (the masthead, the footer): a headline's second half ("Wolf reißt Schafe auf
    Deich – Landkreis prüft Abschuss", "How to Grow a Lemon Tree from Seed | Step-by-Step Guide") is not."""
    m = _SITE_SUFFIX.match(result.title)
    if not m or not 1 <= len(m.group("site").split()) <= 4 or len(m.group("title").split()) < 3:
        return
    site = m.group("site").strip()
    if not site[:1].isupper() and "." not in site:  # "… - and more" is part of the headline
        return
    headline = m.group("title").strip()
    separator = result.title[m.end("title"):m.start("site")].strip()
    if (separator != "|" or "-" in site) and not any(site in line.text and headline not in line.text for line in lines):
        return
    result.title = headline
    result.evidence["title"] = meta.evidence(result.title, "page title without the site name", 0.7)
    result.evidence["publisher"] = meta.evidence(site, "site name after the page title", 0.5)
    result.publisher = site


TITLE_WINDOW, TITLE_MIN_OVERLAP = 30, 0.2
HEADLINE_REPRINT_REACH = 8  # lines into the body where the page's title may be printed again as the headline
PAGE_TITLE_LINES = 3  # a scraper writes the page's title ("Headline | Site") among the dump's first lines
KICKER_WORDS = 4  # a kicker names a section or topic in a few words, above the headline
DECK_HEADLINE_WORDS = 6
TITLE_SHORT_WORDS = 4  # a line this short must share two words with the article: a tagline or section name shares one


_LABEL_SEPARATORS = " |/·•»›>–—-"
_AGGREGATOR_ALT = re.compile(r"^(?:\[[^\]]*\]\s*)?(?:downloaded image for imported item #\d+\s*)", re.I)


def _recover_metadata(result: CleanResult, lines: list[Line], start: int, end: int, title_index: int,
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
                and not _date_stamp(lead)
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


def _take_closing_turns(lines: list[Line], start: int, end: int) -> int:
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


def _take_closing_sentence(lines: list[Line], end: int) -> int:
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


_CODE_ELEMENTS = ("script", "style", "noscript", "template")


def _without_code_elements(html_text: str) -> str:
    """The page without ``<script>``, ``<style>``, ``<noscript>`` and ``<template>`` elements, wherever they stand.

    Their content is never text a reader sees; left in, an ``<h1>`` holding a
    ``<script>`` gives a title with the script's code in it (the extractor
    takes the heading's whole text).  The elements' tails (text after them)
    are kept, and so is JSON-LD metadata.
    """
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html_text)
    except (lxml.etree.ParserError, ValueError):
        return html_text
    for element in list(tree.iter(*_CODE_ELEMENTS)):
        if "ld+json" in (element.get("type") or ""):
            continue  # structured metadata (date, author) that the extractor reads, never shown as text
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:  # keep the text that follows the element
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
    return lxml.html.tostring(tree, encoding="unicode")


def _clean_html(html_text: str, lang: str | None, source: str) -> CleanResult:
    """HTML pages: trafilatura finds the main text and metadata in the DOM; our line rules then tidy it."""
    import trafilatura

    html_text = _without_code_elements(html_text)
    doc = trafilatura.bare_extraction(html_text, url=http_url(source) or None, include_comments=False, include_tables=True,
                                      with_metadata=True)
    if doc is None:
        return CleanResult(lang=lang or "")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    body = data.get("text") or ""
    result = _clean_lines(body, lang, from_html=True)
    if len(result.text) < 0.5 * len(body):  # trafilatura already judged the DOM: trust it over line rules
        result = _blocks_from_extracted(body, lang or result.lang)
    for name, key in (("title", "title"), ("date", "date"), ("author", "author"), ("publisher", "sitename"),
                      ("image", "image"), ("url", "url")):
        value = data.get(key) or ""
        if name == "author":
            value = meta.tidy_author(value)
        if value:
            setattr(result, name, value)
            result.evidence[name] = meta.evidence(value, "HTML metadata (trafilatura)", 0.9)
    if data.get("categories"):
        cats = data["categories"]
        result.section = cats[0] if isinstance(cats, list) else str(cats).split(",")[0]
    return result


def _blocks_from_extracted(body: str, lang: str) -> CleanResult:
    result = CleanResult(lang=lang)
    for raw in body.splitlines():
        text = normalise_spaces(raw)
        if not text:
            continue
        bullet = _BULLET.match(text)
        if bullet:
            result.blocks.append(Block("list_item", text[bullet.end():]))
        elif len(text.split()) <= 12 and not _TERMINAL.search(text):
            result.blocks.append(Block("heading", text))
        else:
            result.blocks.append(Block("paragraph", text))
    return result


def clean_article(article: Article) -> Article:
    """The clean stage: fill the article's metadata and body from its raw text."""
    is_html = article.source.lower().endswith((".html", ".htm"))
    reference = None
    if article.file_time:  # "vor 2 Stunden" counts from when the file was saved, when nothing better exists
        import datetime as _dt

        try:
            reference = _dt.datetime.fromisoformat(article.file_time)
        except ValueError:
            reference = None
    result = clean_text(article.raw, article.lang or None, html=is_html, source=article.source, reference=reference)
    if not any(b.kind != "heading" for b in result.blocks):
        raise DropArticle("no article text left after cleaning (the page is all boilerplate)")
    for item in fields(CleanedPage):
        value = getattr(result, item.name)
        if item.name == "evidence":
            article.evidence.update(value)
        elif value:  # what the page does not say leaves what the caller knew (a language, a date)
            setattr(article, item.name, value)
    return article
