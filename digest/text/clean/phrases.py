"""Phrase evidence: the words that mark a line as furniture, in English, German and French.

In: a line's folded text (lower case, no accents).  Out: the name of the
phrase that marks it (:func:`strong_phrase`), or whether it is a menu entry or
a button (:func:`_weak_phrase`).  STRONG phrases mark a line of up to 40
words; WEAK ones only a short line, so an article that mentions "cookies" or
"newsletter" in a sentence is not harmed.  Data first, then the two lookups;
the strong phrases are indexed by a literal word each contains, so a line is
tested only against the phrases whose words it has.
"""

from __future__ import annotations

import re


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
    r"\bmeistgelesen\b",
    # a betting ad's regulatory small print ("18+ T&Cs apply. BeGambleAware.org")
    r"\bbegambleaware\b", r"\bgamble responsibly\b", r"\b18\+ (?:t&cs|terms(?: and conditions)?) apply\b",
    # a widget's heading ("Most popular", "Today's most read"), not a sentence that says what is most popular
    r"^\W*most (?:read|popular|viewed)\b", r"\bmost (?:read|popular|viewed)(?: (?:stories|articles|news|posts|videos|now|today|this week))?\W*$",
    r"\btrending (?:at|on|now)\b",
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
    r"\bpublicit(?:e|aire)s?\b", r"\bwerbung\b", r"\banzeige\b", r"\bsponsored\b",
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
