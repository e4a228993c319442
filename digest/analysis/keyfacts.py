"""Key phrases and key figures of an article.

Key phrases are RAKE-style (Rose et al., 2010): runs of content words between
stop words and punctuation, scored by how often their words recur in the
article, with a boost for words of the title and standfirst.  Hand-written
because the phrases must be verbatim spans of the article in its own language
(so a reader finds them in the text) and must reuse the summariser's stop
words and stems; the keyword libraries (yake, rake-nltk) bring their own
tokenisers and, for rake-nltk, NLTK data downloads, which are not available
offline.

Key figures are the numbers a reader remembers: amounts with a currency,
percentages, counts with what they count ("7.000 Gäste"), each with a few words
of context from its sentence ("€112 million — AI Factory").
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from ..article import Article
from ..text.sentences import split_sentences
from ..text.terms import stem as _cached_stem, stopwords

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|[^\w\s]", re.UNICODE)

_CURRENCY = r"(?:€|\$|£|¥|CHF\s?|EUR\s?|USD\s?|GBP\s?)"
_SCALE = (
    r"(?:\s?(?:million|millions|billion|billions|trillion|thousand|bn|m|k|Mio\.?|Mrd\.?|Milliarden?|"
    r"Millionen|Million|Tausend|milliards?|millions?|M|B|K)\b)?"
)
_NUMBER = r"\d{1,3}(?:[.,  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_FIGURE = re.compile(
    rf"(?P<figure>{_CURRENCY}\s?(?:{_NUMBER}){_SCALE}"
    rf"|(?:{_NUMBER}){_SCALE}\s?(?:%|per\s?cent|percent|Prozent|pour\s?cent|€|\$|£|d['’]\s?euros?|de\s dollars|euros?|Euro|dollars?|EUR|USD|CHF"
    rf"|(?:[GMk]Wh|km/h|GW|MW|kW|km|kg|mm|cm|ml|mg|g|l|GB|TB|PB|PS|Nm|hp|GHz|MHz"
    rf"|(?:Kilo|Zenti|Milli)?[Mm]etern?|(?:kilo|centi|milli)?met(?:er|re)s?|[Kk]ilometern?|Litern?|lit(?:er|re)s?"
    rf"|Kilogramm|Gramm|Tonnen|tonnes?|tons?|miles?|feet|foot|inch(?:es)?|(?:kilo|centi|milli)?mètres?|grammes?"
    rf")(?![^\W_]))"
    rf"|(?:{_NUMBER}){_SCALE})",
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_MONTH_WORDS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre)",
    re.IGNORECASE,
)


def _stop(lang: str) -> frozenset[str]:
    return stopwords(lang)


def _stem(word: str, lang: str) -> str:
    return _cached_stem(word.lower(), lang)


def _body_sentences(article: Article, lang: str, split: list[list[str]] | None = None) -> list[str]:
    """The sentences of every block but headings; ``split`` is the blocks' sentences when
    the summariser already split them (:func:`digest.summarize.split_blocks`)."""
    if split is None:
        split = [[] if block.kind == "heading" else split_sentences(block.text, lang) for block in article.blocks]
    return [sentence for sentences in split for sentence in sentences]


def phrase_candidates(sentence: str, lang: str, max_words: int = 4) -> list[str]:
    """Runs of content words (up to ``max_words``), split at stop words, punctuation and numbers."""
    return [" ".join(word for word, _ in run) for run in _runs(sentence, lang) if len(run) <= max_words]


# token -> (word, stem) for a content word, None for a stop word, number or punctuation; per language.
_TOKEN_INFO: dict[str, dict[str, tuple[str, str] | None]] = {}


def _token_info(token: str, lang: str, table: dict) -> tuple[str, str] | None:
    first = token[0]
    if not first.isalnum() or first.isdigit() or len(token) < 2 or token.lower() in _stop(lang):
        info = None
    else:
        word = token[:-2] if token.endswith(("'s", "’s")) else token  # "Europe’s" -> "Europe"
        info = (word, _stem(word, lang))
    if len(table) > 200_000:
        table.clear()
    table[token] = info
    return info


_MISSING = object()


def _runs(sentence: str, lang: str) -> list[list[tuple[str, str]]]:
    """The RAKE runs of :func:`phrase_candidates`: each a list of (word, stem)."""
    table = _TOKEN_INFO.get(lang)
    if table is None:
        table = _TOKEN_INFO[lang] = {}
    runs: list[list[tuple[str, str]]] = []
    run: list[tuple[str, str]] = []
    get = table.get
    for token in _TOKEN.findall(sentence):
        info = get(token, _MISSING)
        if info is _MISSING:
            info = _token_info(token, lang, table)
        if info is None:
            if run:
                runs.append(run)
                run = []
        else:
            run.append(info)
    if run:
        runs.append(run)
    return runs


def key_phrases(
    article: Article, lang: str | None = None, limit: int = 8, split: list[list[str]] | None = None
) -> list[str]:
    """The 5–8 phrases that say what the article is about, best first.

    Candidates are the one- to three-word stretches of the RAKE runs; a phrase
    scores by how often it recurs (a key phrase is one the article keeps coming
    back to), a little more when longer, and double when the title or
    standfirst uses its words.  A phrase inside a better one with the same
    count is dropped ("AI Factory" inside "Luxembourg AI Factory").
    """
    lang = (lang or article.lang or "en")[:2]
    sentences = _body_sentences(article, lang, split)
    heading = f"{article.title} {article.standfirst}"
    heading_stems = {stem for run in _runs(heading, lang) if len(run) <= 4 for _, stem in run}
    # every one- to three-word stretch of every run, as (stems, surface form), counted in one go
    grams: list[tuple[tuple[str, ...], str]] = []
    for sentence in [heading] + sentences:
        for run in _runs(sentence, lang):
            length = len(run)
            if length > 12:
                continue
            grams.extend(((stem,), word) for word, stem in run)
            if length > 1:
                grams.extend(((a[1], b[1]), f"{a[0]} {b[0]}") for a, b in zip(run, run[1:]))
            if length > 2:
                grams.extend(
                    ((a[1], b[1], c[1]), f"{a[0]} {b[0]} {c[0]}") for a, b, c in zip(run, run[1:], run[2:])
                )
    counts: Counter[tuple[str, ...]] = Counter(map(itemgetter(0), grams))
    surface: dict[tuple[str, ...], dict[str, int]] = {}
    for (key, form), count in Counter(grams).items():
        if counts[key] < 2:
            continue  # said once: never a key phrase, its spelling is not needed
        forms = surface.get(key)
        if forms is None:
            surface[key] = {form: count}
        else:
            forms[form] = count
    scored = []
    for key, count in counts.items():
        if count < 2 or all(len(stem) < 3 for stem in key):
            continue
        score = count * len(key)
        if len(key) == 1 and not _best_form(surface[key])[:1].isupper():
            score *= 0.5  # a lone common word ("developing") says less than a name or a phrase
        if any(stem in heading_stems for stem in key):
            score *= 2
        scored.append((score, key))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[tuple[str, ...]] = []
    for _, key in scored[: limit * 20]:
        if any(_contains(other, key) for other in chosen):
            continue
        inside = [other for other in chosen if _contains(key, other)]
        if inside:
            # "AI Factory" replaces "Factory" when the longer phrase is about as frequent
            if all(counts[key] >= 0.4 * counts[other] for other in inside):
                chosen = [other for other in chosen if other not in inside]
            else:
                continue
        chosen.append(key)
        if len(chosen) >= limit:
            break
    return [_best_form(surface[key]) for key in chosen]


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return size <= len(longer) and any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _best_form(forms: dict[str, int]) -> str:
    """The spelling the article uses most; on a tie the capitalised one (a name)."""
    return sorted(forms.items(), key=lambda item: (-item[1], not item[0][:1].isupper(), item[0]))[0][0]


_WORDS = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|[^\w\s]")
# A number glued to a word, a path or a code ("untitled-design-4-214", "#16", "3D-Scannern", "07-01-2025").
_GLUED_BEFORE = re.compile(r"[\w#/=_@'\":-]$")  # (":": the minutes of "9:06 a.m.", a ratio's second term)
_GLUED_AFTER = re.compile(r"^(?:[-/_=#@'\"]?[^\W\d_]|[-/_=#@:'\"]\d|x\d)")
# "9 and 10 March", "14–15 October": the first number of a date range
_DATE_RANGE = re.compile(r"^\s*(?:[-–]|and|und|et|bis|to|au)\s*\d{1,2}\.?\s+")
_MULTIPLIER = re.compile(r"^\s?-?\s?(?:times|fold|mal|fois)\b", re.IGNORECASE)
# Words between "of"/"von"/"de" and the figure that only hedge it ("a loan of around €15 million").
_HEDGES = {
    "around", "about", "roughly", "nearly", "almost", "over", "some", "more", "less", "than", "up", "to",
    "approximately", "just", "under", "below", "above", "least", "only",
    "rund", "etwa", "über", "mehr", "weniger", "als", "fast", "knapp", "gut", "ca", "insgesamt", "bis", "zu",
    "environ", "près", "plus", "moins", "presque", "quelque", "jusqu'à", "jusqu", "à",
}
_OF = {"of", "von", "de", "d", "du", "des"}
# Words that name no thing of their own: a figure labelled only by one of them is left out.
_VAGUE = {
    "amount", "sum", "total", "number", "figure", "level", "value", "worth", "times", "part", "share", "rest",
    "betrag", "summe", "zahl", "anzahl", "wert", "teil", "mal", "montant", "somme", "nombre", "chiffre",
    "valeur", "partie", "fois", "höhe",  # "in Höhe von 500 Euro": the amount of
    # units: "between 9 Euro and 50 Euro — Euro", "won by 30 points — points"
    "euro", "euros", "dollar", "dollars", "eur", "usd", "franken", "pfund", "points", "pts", "punkte", "prozentpunkte",
    "percent", "prozent", "pourcent",
    # number words
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundred",
    "thousand", "million", "billion", "zwei", "drei", "vier", "fünf", "zehn", "hundert", "tausend",
    "deux", "trois", "quatre", "cinq", "dix", "cent", "mille",
}
# Durations and clock units: "15 Jahren", "two hours" say when, not what.
_TIME_UNITS = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
    "second", "seconds", "decade", "decades", "century", "centuries",
    "jahr", "jahre", "jahren", "jahres", "monat", "monate", "monaten", "woche", "wochen", "tag", "tage", "tagen",
    "stunde", "stunden", "minute", "minuten", "sekunden", "jahrzehnt", "jahrzehnte", "jahrzehnten", "uhr",
    "an", "ans", "année", "années", "mois", "semaine", "semaines", "jour", "jours", "heure", "heures",
    "décennie", "décennies", "siècle", "siècles", "h",
}
_CLAUSE_END = set(",;:()[]—–\"“”„«»!?")


_EN_FUNCTION_WORDS = {
    "about", "above", "after", "again", "against", "along", "also", "among", "another", "because", "been",
    "before", "behind", "being", "below", "beside", "between", "beyond", "both", "could", "despite",
    "does", "doing", "down", "during", "each", "either", "even", "every", "from", "have", "having", "here",
    "into", "itself", "just", "many", "might", "more", "most", "much", "must", "neither", "only", "onto",
    "other", "over", "same", "shall", "should", "since", "some", "such", "than", "that", "their", "theirs",
    "them", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "toward",
    "towards", "under", "unless", "until", "upon", "very", "were", "what", "when", "where", "whether",
    "which", "while", "whom", "whose", "will", "with", "within", "without", "would", "your", "yours",
    "instead", "across", "around", "almost", "already", "although", "always", "nearly", "roughly", "throughout",
}
# German adverbs and connectives that open a sentence, capitalised there like a noun ("Außerdem
# sollen 80 Prozent …", "Bereits 52 Prozent …"), and that the German stop list lacks: never a label.
_DE_FUNCTION_WORDS = {
    "außerdem", "zudem", "jedoch", "allerdings", "dennoch", "trotzdem", "immerhin", "bereits", "schon",
    "derzeit", "aktuell", "inzwischen", "mittlerweile", "insgesamt", "laut", "zuletzt", "zunächst", "damals",
    "bisher", "bislang", "ebenfalls", "ebenso", "daher", "darum", "somit", "zwar", "erst", "ersten", "zweiten",
    "dritten", "letzten", "nun", "jetzt", "damit", "dabei", "danach", "dazu", "davon", "hierzu", "hingegen",
    "stattdessen", "vielmehr", "gleichzeitig", "zugleich", "demnach", "folglich", "schließlich", "letztlich",
    "übrigens", "tatsächlich", "natürlich", "offenbar", "vermutlich", "künftig", "weiterhin", "erneut",
    "jeweils", "lediglich", "sogar", "besonders", "gerade", "überhaupt", "insbesondere", "vor allem",
}
_FUNCTION: dict[str, frozenset[str]] = {}


def _function_words(lang: str) -> frozenset[str]:
    """Stop words that never name a thing.  The English stop list also holds nouns ("state",
    "group", "members"), which a figure's label may need: only its short words and a list of
    longer function words count here."""
    words = _FUNCTION.get(lang)
    if words is None:
        stop = _stop(lang)
        if lang == "en":
            short = {w for w in stop if len(w) <= 3} - {"new", "old", "big", "top", "low", "key", "own", "net"}
            words = frozenset(short) | _EN_FUNCTION_WORDS
        else:
            words = stop | _DE_FUNCTION_WORDS if lang == "de" else stop
        _FUNCTION[lang] = words
    return words


_IRREGULAR_PLURALS = {"people", "children", "men", "women", "staff", "police", "personnel", "cattle", "feet", "teeth", "mice"}
# Days and months name when, not what.
_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre", "today", "yesterday", "tomorrow", "heute", "gestern", "morgen", "aujourd'hui", "hier", "demain",
}
# Adjectives of measure between a figure with a unit and what it measures: "the 9km long track".
_MEASURE_WORDS = {"long", "high", "wide", "deep", "tall", "lang", "hoch", "breit", "tief", "haut", "large", "profond"}
_SCALE_WORDS = {"million", "millions", "billion", "billions", "thousand", "trillion", "millionen", "milliarden",
                "milliards", "mio", "mrd", "bn", "m", "k"}
# A price is "for" or "at" the thing bought: "19.6 million shares at $85"
_PRICE_WORDS = {"at", "for", "zu", "für", "à", "pour"}


def _tokens(text: str) -> list[str]:
    """Words and punctuation; French elisions ("d'euros", "l'Etat") split off."""
    found = []
    for token in _WORDS.findall(text):
        elided = re.match(r"^(?:[dDlLjJ]|qu|Qu)['’](?=\w)", token)
        if elided:
            found.append(token[: elided.end() - 1])
            token = token[elided.end():]
        found.append(token)
    return found


def _is_word(token: str) -> bool:
    return token[:1].isalpha()


def _content(token: str, stop: frozenset[str]) -> bool:
    return _is_word(token) and len(token) > 1 and token.lower() not in stop and token.lower() not in _HEDGES


# English verbs a figure's sentence often has that no ending gives away ("Unemployment rose to 5.1%").
_EN_IRREGULAR_VERBS = {
    "rose", "fell", "grew", "hit", "stood", "came", "went", "saw", "made", "took", "paid", "spent", "won",
    "lost", "became", "gave", "cut", "set", "put", "kept", "held", "led", "left", "met", "sold", "bought",
    "brought", "built", "ran", "began", "told", "said", "rise", "fall", "grow", "cost", "costs", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "can", "could",
}


def _looks_like_verb_or_adverb(word: str, lang: str) -> bool:
    """English and French endings of adverbs and participles ("annually", "operated", "pitching",
    "publiés"); German verbs are lower-case, which :func:`_noun_phrase` already stops at.
    A capitalised word is a name ("Early Bird") or a sentence's first word, never judged here."""
    if word[:1].isupper():
        return False
    lower = word.lower()
    if lang == "en":
        return (len(lower) > 4 and lower.endswith(("ly", "ed", "ing"))) or lower in _EN_IRREGULAR_VERBS
    if lang == "fr":
        return len(lower) > 5 and lower.endswith(("ment", "é", "ée", "és", "ées", "ant"))
    return False


def _noun_phrase(tokens: list[str], lang: str, stop: frozenset[str], count: bool) -> str:
    """The noun phrase that opens ``tokens`` ("GPU-AI accelerators", "neue Gäste", "visiteurs"),
    or "" when they open with a verb, an adverb, a function word or punctuation."""
    run: list[str] = []
    for token in tokens[:6]:
        if not _content(token, stop) or token.isdigit():
            break
        run.append(token.removesuffix("'s").removesuffix("’s"))
    if not run:
        return ""
    if lang == "de":
        # German capitalises nouns: lower-case adjectives, then one noun ("europäische Start-ups");
        # before a noun an adjective is inflected, so "bekommst elektrisches Spielzeug" opens with a verb
        phrase = []
        for word in run:
            phrase.append(word)
            if word[:1].isupper():
                return " ".join(phrase)
            if not word.endswith(("e", "en", "er", "es", "em")):
                return ""
        return ""
    if lang == "fr":
        # the noun comes first, adjectives after; keep an acronym or name that qualifies it ("accélérateurs GPU")
        phrase = [run[0]]
        for word in run[1:3]:
            if not word[:1].isupper():
                break
            phrase.append(word)
        return "" if _looks_like_verb_or_adverb(phrase[0], lang) else " ".join(phrase)
    # English: modifiers then the head noun; a count's head is the first plural ("nationalities live")
    phrase = []
    for index, word in enumerate(run[:4]):
        if _looks_like_verb_or_adverb(word, lang):
            participle = word.lower().endswith(("ed", "ing")) and index + 1 < len(run)
            if phrase or not participle:  # "electrified track" is a noun phrase, "operated by" is not
                break
        phrase.append(word)
        lower = word.lower()
        if count and (lower in _IRREGULAR_PLURALS or (lower.endswith("s") and not lower.endswith("ss") and len(word) > 3)):
            break
    if not phrase or _looks_like_verb_or_adverb(phrase[-1], lang):
        return ""
    return " ".join(phrase)


def _name_before(tokens: list[str], stop: frozenset[str], lang: str) -> str:
    """The last name in ``tokens`` (capitalised words; in German, capitalised words are nouns too)."""
    index = len(tokens) - 1
    while index >= 0:
        token = tokens[index]
        if _is_word(token) and token[:1].isupper() and token.lower() not in stop:
            end = index + 1
            while index > 0 and _is_word(tokens[index - 1]) and tokens[index - 1][:1].isupper() \
                    and tokens[index - 1].lower() not in stop and end - index < 4:
                index -= 1
            if index == 0 and end - index == 1 and lang != "de":
                return ""  # a lone capital at the start of the sentence is just its first word
            return " ".join(t.removesuffix("'s").removesuffix("’s") for t in tokens[index:end])
        index -= 1
    return ""


def _subject(before: list[str], lang: str, stop: frozenset[str]) -> str:
    """The first noun phrase of the clause before a figure, its likely subject ("Unemployment
    rose to 5.1%", "while inflation fell 0.3 per cent", "Super Early Bird tickets ... at €85")."""
    commas = [index for index, token in enumerate(before) if token == ","]
    # the clause after the last comma first ("..., while inflation fell"), then the sentence's opening
    for tokens in ([before[commas[-1] + 1 :], before] if commas else [before]):
        for position, token in enumerate(tokens):
            if token.isdigit() or not _content(token, stop) or _looks_like_verb_or_adverb(token, lang):
                continue
            phrase = _noun_phrase(tokens[position:], lang, stop, count=False)
            following = position + len(phrase.split())
            if phrase and following + 1 < len(tokens) and tokens[following].isdigit():
                more = _noun_phrase(tokens[following + 1 :], lang, stop, count=True)  # "the top 12 films"
                if more:
                    phrase = f"{phrase} {tokens[following]} {more}"
            if _plain(phrase):
                return phrase
    return ""


def _kind(figure: str) -> str:
    if re.search(r"[€$£¥]|euro|dollar|EUR|USD|GBP|CHF", figure, re.IGNORECASE):
        return "money"
    if re.search(r"%|cent|Prozent", figure, re.IGNORECASE):
        return "percent"
    return "count"


def _label(sentence: str, start: int, end: int, lang: str) -> tuple[str, str] | tuple[str, str, bool]:
    """The figure as shown (a multiplier becomes "15×") and the few words saying what it counts,
    or "" when no words say it plainly (the figure is then left out rather than shown vaguely);
    a third item, True, marks a label guessed from the clause's subject.

    - a count names its thing right after it: "2,100 GPU-AI accelerators", "7.000 Gäste";
      else it is "the population of 690,000";
    - an amount of money belongs to the name it stands beside ("The Luxembourg AI Factory,
      a €112 million initiative"), else to what it buys or is made of, after it ("€12 billion
      annually on cloud services", "€25,000 in cash"), else to the thing it is the value of
      ("a loan of €15 million"), else to the subject or object near it ("€60 million comes
      from the Luxembourg state"); verbs, adverbs and function words are skipped;
    - a share is "of" something ("5 per cent of global AI compute capacity"), or the name
      before it ("Luxembourg GDP at 1.9%");
    - a multiplier says how much more of what, and of whom: "15× — more powerful (MeluXina-AI)".
    """
    stop = _function_words(lang)
    figure = sentence[start:end].strip().rstrip(".,")
    clause_start = max(sentence.rfind(ch, 0, start) for ch in ";:!?—–(") + 1
    before = _tokens(sentence[clause_start:start])
    after_text = sentence[end : end + 120]
    conversion = re.match(r"\s*\([^()]{0,30}\)", after_text)  # "$27bn (£14bn) tax bill"
    if conversion:
        after_text = after_text[conversion.end() :]
    cut = min((after_text.find(ch) for ch in ";:!?—–()" if ch in after_text), default=len(after_text))
    after = _tokens(after_text[:cut])
    kind = _kind(figure)

    multiplier = _MULTIPLIER.match(after_text)
    if multiplier and kind == "count":
        words = [t for t in _tokens(after_text[multiplier.end() :][:cut]) if _is_word(t)]
        compared: list[str] = []
        for word in words[:4]:
            if compared and word.lower() in stop and word.lower() not in _HEDGES and word.lower() not in {"so", "plus"}:
                break
            compared.append(word)
            if word.lower() not in stop and word.lower() not in _HEDGES:
                break  # the adjective or noun that ends "more powerful", "plus puissant"
        whose = _name_before(before, stop, lang) or _subject(before, lang, stop)
        label = " ".join(compared)
        if whose:
            label = f"{label} ({whose})" if label else whose
        return f"{figure}×", label

    lowered_after = [t.lower() for t in after]
    lowered_before = [t.lower() for t in before]
    # "of" (or "von", "de") before the figure, perhaps with a hedge: "a loan of around €15 million"
    back = len(before) - 1
    while back >= 0 and lowered_before[back] in _HEDGES:
        back -= 1
    of_noun = ""
    if back >= 1 and lowered_before[back] in _OF and _content(before[back - 1], stop):
        head = before[back - 1]
        if lang != "de" or head[:1].isupper():
            of_noun = head

    if kind == "count":
        skip = 1 if lowered_after[:1] and lowered_after[0] in _MEASURE_WORDS and re.search(r"[^\W\d_]$", figure) else 0
        label = _noun_phrase(after[skip:], lang, stop, count=True)
        if label and label.split()[-1].lower() in _TIME_UNITS:
            return figure, ""
        if not label:
            label = of_noun  # "a population of around 690,000, Luxembourg ...", "a crowd of 30,000 took"
        return figure, _plain(label)

    if kind == "percent":
        if lowered_after[:1] and lowered_after[0] in _OF:
            return figure, _plain(_noun_phrase(after[1:], lang, stop, count=False))
        label = _plain(_noun_phrase(after, lang, stop, count=False)) or _plain(of_noun)
        if not label and back >= 0 and lowered_before[back] in {"at", "bei", "à", "auf"}:
            label = " ".join(_name_before(before[:back], stop, lang).split()[-2:])  # "Luxembourg GDP at 1.9%"
            if label and label.split()[-1].lower() in _TIME_UNITS:
                label = ""
        if _plain(label):
            return figure, _plain(label)
        return figure, _subject(before, lang, stop), True

    # money: the name it stands beside, "The Luxembourg AI Factory, a €112 million initiative"
    if lang != "de":
        gap = sentence[max(clause_start, start - 6) : start]
        apposition = re.search(r",\s*(?:a|an|un|une|some)?\s*$", gap)
        if apposition:
            name = _name_before(_tokens(sentence[clause_start : start - len(apposition.group(0))]), stop, lang)
            if name:
                return figure, name
    index = 0
    while index < len(after) and (
        lowered_after[index] in _OF or lowered_after[index] in _HEDGES or lowered_after[index] in {"in", "on", "for", "für", "en", "pour"}
        or lowered_after[index] == "worth"
        or (_is_word(after[index]) and _looks_like_verb_or_adverb(after[index], lang))
    ):
        index += 1
    label = _noun_phrase(after[index:], lang, stop, count=False)
    if label and lang == "en" and index == 0 and " " not in label and label.endswith("s") \
            and lowered_after[1:2] and lowered_after[1] in stop:
        label = ""  # "€60 million comes from ...": a verb, not what the money is
    label = _plain(label)
    if not label and of_noun:
        label = _plain(of_noun)
    if not label and lang == "de":
        # German puts the verb second and the object later: "Für 0,99 € können Sie diesen Artikel erwerben"
        for position, token in enumerate(after):
            if token in ",.":
                break
            if _content(token, stop) and token[:1].isupper():
                label = _noun_phrase(after[position:], lang, stop, count=False)
                break
    if not label:
        # the subject or object after the verb: "€60 million comes from the Luxembourg state"
        rest = after[index:]
        for position, token in enumerate(rest[:8]):
            if token in ",.":
                break
            if position and _content(token, stop) and not _looks_like_verb_or_adverb(token, lang):
                label = _noun_phrase(rest[position:], lang, stop, count=False)
                break
    if not _plain(label) and back >= 1 and lowered_before[back] in _PRICE_WORDS:
        # what is bought at that price: the words before "at" ("19.6 million shares at $85 each")
        run = []
        for token in reversed(before[:back]):
            if not _content(token, stop) or token.lower() in _SCALE_WORDS or _looks_like_verb_or_adverb(token, lang):
                break
            run.insert(0, token)
        label = _plain(" ".join(run[-3:]))
    if not _plain(label):
        # the subject of the clause: "Super Early Bird tickets will be available ... at €85"
        return figure, _subject(before, lang, stop), True
    return figure, _plain(label)


def _plain(label: str) -> str:
    """"" for a label that names nothing ("amount", "times")."""
    words = label.split()
    if not words or all(word.lower() in _VAGUE for word in words) or words[-1].lower() in _CALENDAR \
            or words[-1].lower() in _TIME_UNITS:
        return ""
    return label


_DIGIT = re.compile(r"\d")
# Between two figures of one list: "1.9% in 2026, 2.0%", "€3 million and €4 million"
_LIST_GAP = re.compile(r"^[^.;:!?—–()]{0,25}(?:,|\band|\bund|\bet|\bor|\boder|\bou)\s*$")


def key_figures(
    article: Article, lang: str | None = None, limit: int = 5, split: list[list[str]] | None = None
) -> list[str]:
    """Numbers with their unit and what they count, e.g. "€112 million — AI Factory", in article order.

    A figure that is part of a date, a name ("Fit 4 Start"), a path or a code is no key
    figure, nor one whose words say nothing plain about what it counts (see :func:`_label`)."""
    lang = (lang or article.lang or "en")[:2]
    figures: list[str] = []
    seen: set[tuple[str, float]] = set()
    for sentence in _body_sentences(article, lang, split):
        if not _DIGIT.search(sentence):  # most sentences hold no number at all
            continue
        previous: tuple[int, str, str] | None = None  # the last figure shown: its end, kind and label
        for match in _FIGURE.finditer(sentence):
            figure = match.group("figure").strip().rstrip(".,")
            plain = figure.replace(" ", "")
            if _YEAR.match(plain):
                continue
            start, end = match.start(), match.start() + len(match.group(0).rstrip(" .,"))
            before, rest = sentence[max(0, start - 1) : start], sentence[end : end + 30]
            if _GLUED_BEFORE.search(before) or (_GLUED_AFTER.match(rest) and not _MULTIPLIER.match(rest)):
                continue  # "Samstag1.", "#16", "3D-Scannern", "1160x653.png", "07-01-2025"
            if figure.isdigit() and re.match(r"\.\s+\S", rest):
                continue  # an ordinal inside the sentence: "Ende des 20. Jahrhunderts", "am 3. Platz"
            if _MONTH_WORDS.match(rest.lstrip(" .")) or (
                _DATE_RANGE.match(rest) and _MONTH_WORDS.match(rest[_DATE_RANGE.match(rest).end():])
            ):
                continue  # a date, "2 December", "9 and 10 March"
            if lang != "de" and _inside_name(sentence, start, end):
                continue  # "Fit 4 Start", "Nexus Luxembourg 2027"
            shown, label, *guessed = _label(sentence, start, end, lang)
            kind = _kind(shown)
            if (not label or guessed) and previous and previous[1] == kind and _LIST_GAP.match(
                sentence[previous[0] : start]
            ):
                label = previous[2]  # "GDP at 1.9% in 2026, 2.0% in 2027": the list shares its label
            if not label:
                continue
            previous = (end, kind, label)
            value = figure_value(shown)
            if value in seen:  # "€112M" and "€112 million" are one figure
                continue
            seen.add(value)
            figures.append(f"{shown} — {label}")
    ranked = sorted(enumerate(figures), key=lambda item: (_weight(item[1]), item[0]))
    keep = sorted(index for index, _ in ranked[:limit])
    return [figures[i] for i in keep]


def _inside_name(sentence: str, start: int, end: int) -> bool:
    """Is the number part of a name: a capitalised word right before and right after it?"""
    before = re.search(r"([^\W\d_][\w’'-]*)\s$", sentence[max(0, start - 30) : start])
    after = re.match(r"\s([^\W\d_][\w’'-]*)", sentence[end : end + 30])
    return bool(before and after and before.group(1)[:1].isupper() and after.group(1)[:1].isupper()
                and before.group(0) != sentence[:start])


_SCALES = {
    "k": 1e3, "thousand": 1e3, "tausend": 1e3, "tsd": 1e3,
    "m": 1e6, "million": 1e6, "millions": 1e6, "millionen": 1e6, "mio": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "milliarde": 1e9, "milliarden": 1e9,
    "mrd": 1e9, "milliard": 1e9, "milliards": 1e9, "trillion": 1e12,
}


def figure_value(figure: str) -> tuple[str, float]:
    """The kind (currency, percent or count) and amount a figure stands for."""
    kind = "%" if re.search(r"%|cent|prozent", figure, re.IGNORECASE) else ""
    for symbol, name in (("€", "EUR"), ("euro", "EUR"), ("$", "USD"), ("dollar", "USD"), ("£", "GBP")):
        if symbol in figure.lower() or name in figure.upper():
            kind = name
    number = re.search(r"\d[\d.,  ]*", figure).group(0).strip()
    # "7.000" and "7,000" are thousands; "1.9" and "0,99" are decimals
    digits = number.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if re.fullmatch(r"\d{1,3}(?:[.,  ]\d{3})+", number):
        amount = float(re.sub(r"\D", "", number))
    else:
        # the last separator is the decimal point, any earlier ones group thousands ("56.923,48")
        digits = re.sub(r"[.,]$", "", digits)
        last = max(digits.rfind("."), digits.rfind(","))
        whole, fraction = (digits[:last], digits[last + 1:]) if last >= 0 else (digits, "")
        try:
            amount = float(f"{re.sub(r'[^0-9]', '', whole) or 0}.{re.sub(r'[^0-9]', '', fraction) or 0}")
        except ValueError:
            amount = 0.0
    scale = re.search(r"\d\s?([A-Za-zäöü]+)", figure)
    if scale and scale.group(1).lower() in _SCALES:
        amount *= _SCALES[scale.group(1).lower()]
    return kind, amount


def _weight(figure: str) -> int:
    """Money and percentages first, then counts of things."""
    head = figure.split(" — ")[0]
    if re.search(_CURRENCY, head) or re.search(r"€|\$|£|euro|dollar", head, re.IGNORECASE):
        return 0
    if re.search(r"%|cent|Prozent", head):
        return 1
    return 2
