"""Sentence splitting: the hard cases of English, German and French news text."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.text.sentences import HEADLINE_WORDS, balance_quotes, headline_from, split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Dr. Smith met Prof. Jones in St. Louis. They talked.", "en",
         ["Dr. Smith met Prof. Jones in St. Louis.", "They talked."]),
        ("Das gilt z. B. für Banken, u. a. in Luxemburg bzw. Trier. Andere folgen.", "de",
         ["Das gilt z. B. für Banken, u. a. in Luxemburg bzw. Trier.", "Andere folgen."]),
        ("M. Macron et Mme Dupont sont arrivés. Ils sont partis.", "fr",
         ["M. Macron et Mme Dupont sont arrivés.", "Ils sont partis."]),
        ("J. K. Rowling wrote it. Then she left.", "en",
         ["J. K. Rowling wrote it.", "Then she left."]),
    ],
)
def test_abbreviations_and_initials_do_not_end_sentences(text, lang, expected):
    assert split_sentences(text, lang) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Ein Preis, der da noch kommen mag. Ist es doch eine Ehre.", "de",
         ["Ein Preis, der da noch kommen mag.", "Ist es doch eine Ehre."]),
        ("Mag. Huber kam. Er misst 10 mm. Der Rest ist größer.", "de",
         ["Mag. Huber kam.", "Er misst 10 mm.", "Der Rest ist größer."]),
        ("The delay was 20 ms. Nobody noticed it.", "en", ["The delay was 20 ms.", "Nobody noticed it."]),
    ],
)
def test_titles_are_abbreviations_only_when_capitalised(text, lang, expected):
    assert split_sentences(text, lang) == expected


def test_ordinal_dates_stay_in_one_sentence():
    text = "Samstag, 1. November 2025. Am 2. Dezember kamen die Gäste zum 50. Mal. Die Zahl stieg auf 50. Das ist viel."
    assert split_sentences(text, "de") == [
        "Samstag, 1. November 2025.",
        "Am 2. Dezember kamen die Gäste zum 50. Mal.",
        "Die Zahl stieg auf 50.",
        "Das ist viel.",
    ]


def test_numbers_and_currencies_are_not_boundaries():
    text = "The €112M plan grew 1.9% last year. Es kamen 7.000 Gäste. Für 0,99 € gibt es den Artikel. Gut."
    assert split_sentences(text, "de") == [
        "The €112M plan grew 1.9% last year.",
        "Es kamen 7.000 Gäste.",
        "Für 0,99 € gibt es den Artikel.",
        "Gut.",
    ]


def test_a_number_with_decimals_can_end_a_sentence():
    assert split_sentences("Stores also did well, rising 2.2%. But online sales rose by 58.1. The rest fell.") == [
        "Stores also did well, rising 2.2%.",
        "But online sales rose by 58.1.",
        "The rest fell.",
    ]


def test_number_abbreviations_only_before_numbers():
    assert split_sentences("Project No. 5 won. The answer is no. We left.") == [
        "Project No. 5 won.",
        "The answer is no.",
        "We left.",
    ]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Er sagte: „Das ist gut.“ Dann ging er.", "de", ["Er sagte: „Das ist gut.“", "Dann ging er."]),
        ("He said: “It works.” Then he left.", "en", ["He said: “It works.”", "Then he left."]),
        ("« Nous avons gagné. » Il est parti.", "fr", ["« Nous avons gagné. »", "Il est parti."]),
        ("„Wie geht es?“, fragte er. Gut.", "de", ["„Wie geht es?“, fragte er.", "Gut."]),
        # a quotation mark between spaces closes the quote, and what follows decides
        ('An die Stelle von "die da oben müssten mal . . . " ist Eigeninitiative getreten. Gut.', "de",
         ['An die Stelle von "die da oben müssten mal . . . " ist Eigeninitiative getreten.', "Gut."]),
        ('"It is a great end to a great year. " Hayes said it twice.', "en",
         ['"It is a great end to a great year. "', "Hayes said it twice."]),
    ],
)
def test_closing_quotes_stay_with_their_sentence(text, lang, expected):
    assert split_sentences(text, lang) == expected


def test_ellipses_end_a_sentence_only_before_a_new_one():
    assert split_sentences("Prices rose... Then they fell. Wait … what happened?") == [
        "Prices rose...",
        "Then they fell.",
        "Wait … what happened?",
    ]


def test_headings_on_their_own_line_are_separate_sentences():
    text = "What is being built\nAt the core sits a computer. It is big.\nHow it is funded\nOf the money,\nmost is public."
    assert split_sentences(text) == [
        "What is being built",
        "At the core sits a computer.",
        "It is big.",
        "How it is funded",
        "Of the money,\nmost is public.",
    ]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_every_sentence_is_an_exact_slice_of_a_seed(seed):
    text = seed.read_text(encoding="utf-8")
    sentences = split_sentences(text, "de" if "Luxemburg" in text else "en")
    assert sentences
    position = 0
    for sentence in sentences:
        found = text.find(sentence, position)
        assert found >= 0, sentence
        position = found + len(sentence)


def test_german_seed_keeps_dates_and_quotes_whole():
    text = (SEEDS / "004_6badccb010855abc.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text, "de")
    assert (
        "Es ist keine kleine Veranstaltung: Mehr als 7.000 Gäste aus 57 Ländern werden an diesem "
        "Dienstag und Mittwoch in den Hallen der Luxexpo erwartet." in sentences
    )
    assert any(s.startswith("Die Konferenz steht unter dem Motto: „Accelerating AI") and s.endswith("“.") for s in sentences)


def test_a_long_run_of_spaces_does_not_hide_what_follows_a_full_stop():
    assert split_sentences("It rose." + " " * 80 + "then it fell.", "en") == ["It rose." + " " * 80 + "then it fell."]
    assert split_sentences("Am 2." + " " * 70 + "Dezember kamen sie.", "de") == ["Am 2." + " " * 70 + "Dezember kamen sie."]


# --- a quotation cut by the split -------------------------------------------------
# A quote that runs over several sentences is split with them; shown alone, a piece
# must read as a quotation again: the one missing mark is put back, the words stay.


def test_the_tail_of_a_long_quotation_gets_its_opening_mark_back():
    tail = "Europe must become a place where AI is developed, manufactured, deployed and scaled.”"
    assert balance_quotes(tail) == "“" + tail
    assert balance_quotes("It was the right decision,” Bettel said.") == "“It was the right decision,” Bettel said."


def test_the_start_of_a_long_quotation_gets_its_closing_mark():
    assert balance_quotes("“We will build the factory here.") == "“We will build the factory here.”"
    assert balance_quotes("He said: “We will build it.") == "He said: “We will build it.”"
    assert balance_quotes('"We will act.') == '"We will act."'


def test_german_and_french_marks_are_paired_their_own_way():
    assert balance_quotes("„Wir bauen hier.") == "„Wir bauen hier.“"
    assert balance_quotes("Es war die richtige Entscheidung“, so Bettel.") == "„Es war die richtige Entscheidung“, so Bettel."
    assert balance_quotes("« Nous allons construire ici.") == "« Nous allons construire ici.\u00a0»"
    assert balance_quotes("Nous construisons ici », a dit le ministre.") == "«\u00a0Nous construisons ici », a dit le ministre."


@pytest.mark.parametrize("sentence", [
    "The Luxembourg AI Factory opens in 2026.",
    "The “AI Factory” opens in 2026, “on time”, he said.",
    "„Es war die richtige Entscheidung“, so Außenminister Xavier Bettel.",
    "Luxembourg’s ‘best’ year, the minister’s words.",
    "“A” and “B” and “C",  # one unpaired mark, but which pairing is meant is plain
])
def test_whole_quotations_apostrophes_and_plain_sentences_are_left_as_written(sentence):
    expected = sentence + "”" if sentence.endswith("“C") else sentence
    assert balance_quotes(sentence) == expected


def test_marks_that_one_addition_cannot_pair_are_left_as_written():
    assert balance_quotes("“One” two” three”.") == "“One” two” three”."


# --- a stand-in headline for an article whose page has none


@pytest.mark.parametrize("sentence, headline", [
    ("Luxembourg opens its AI Factory.", "Luxembourg opens its AI Factory"),
    # cut after the last clause that ends within twelve words
    ("“We will deploy the system in every ministry by next year, and we will scale it,” the minister said.",
     "“We will deploy the system in every ministry by next year…”"),
    ("The council voted on Monday to keep the swimming baths open – a decision that pleased the town.",
     "The council voted on Monday to keep the swimming baths open…"),
    # else after twelve words, less the short words that lead into what was cut
    ("Die Bootsführerausbildung in der Feuerwehr ist sehr praxisorientiert und schließt mit der Prüfung ab.",
     "Die Bootsführerausbildung in der Feuerwehr ist sehr praxisorientiert und schließt…"),
    ("Le gouvernement a présenté mardi un plan de 40 millions pour la recherche en intelligence artificielle.",
     "Le gouvernement a présenté mardi un plan de 40 millions pour…"),
])
def test_an_untitled_article_gets_a_headline_from_its_sentence(sentence, headline):
    assert headline_from(sentence) == headline


@given(st.lists(st.sampled_from(["the", "Council", "voted,", "to", "keep", "baths", "open", "–", "de", "la", "für",
                                 "2025", "“Yes", "no”", "AI:"]), min_size=1, max_size=40))
def test_a_stand_in_headline_is_the_sentences_own_words_and_at_most_twelve_of_them(words):
    sentence = " ".join(words) + "."
    headline = headline_from(sentence)
    shown = headline.replace("…", "").strip("“”").split()
    assert len(shown) <= HEADLINE_WORDS
    assert " ".join(shown).strip(" .,;:–") in sentence
    assert headline.endswith(("…", "…”")) == (len(words) > HEADLINE_WORDS)
