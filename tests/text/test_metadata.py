"""Metadata recovery: dates in English, German and French, bylines, publishers, with evidence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.text.metadata import (
    byline_author,
    date_from_url,
    find_dates,
    is_date_line,
    logo_name,
    publisher_from_lines,
    weekday_before,
)


@pytest.mark.parametrize("text, lang, iso", [
    ("On 2 December 2025, the summit opened", "en", "2025-12-02"),
    ("Samstag1. November 2025", "de", "2025-11-01"),
    ("18. Juni 2025 - 5.27", "de", "2025-06-18"),
    ("1er décembre 2025", "fr", "2025-12-01"),
    ("Mis à jour le 14 févr. 2025 à 10h30", "fr", "2025-02-14"),
    ("December 2, 2025", "en", "2025-12-02"),
    ("Dec. 2, 2025", "en", "2025-12-02"),
    ("3rd of March 2024", "en", "2024-03-03"),
    ("2025-12-02T08:30:00", "en", "2025-12-02"),
    ("02.12.2025", "de", "2025-12-02"),
    ("07-01-2025", "en", "2025-01-07"),
    ("12/02/2025", "en", "2025-12-02"),  # month first on English pages
    ("12/02/2025", "fr", "2025-02-12"),
    ("Im März 2024 begann der Bau", "de", "2024-03"),
])
def test_dates_in_the_forms_pages_print(text, lang, iso):
    assert [d.iso for d in find_dates(text, lang)] == [iso]


def test_impossible_dates_and_plain_numbers_are_not_dates():
    assert find_dates("31.02.2025", "de") == []
    assert find_dates("The team scored 2025 points in 12 games", "en") == []
    assert find_dates("", "en") == []


def test_date_lines_are_told_from_sentences_with_dates():
    assert is_date_line("18. Juni 2025 - 5.27")
    assert is_date_line("Published: Tuesday, 2 December 2025, 14:05 CET")
    assert is_date_line("07-01-2025")
    assert not is_date_line("On 2 December 2025, the Luxembourg Data Summit became the stage for a launch.")
    # a figure beside a date is a key figure, not a stamp ("CET1" is no time zone)
    assert not is_date_line("• CET1 ratio: 16.9% (31 December 2023: 16.4%)")


def test_a_releases_label_before_its_date_makes_a_date_line_and_a_headline_with_a_date_stays_one():
    assert is_date_line("Pressemitteilung Nr. 87/2024 vom 03.06.2024")
    assert is_date_line("Pressemitteilung vom 08.05.2024")
    assert is_date_line("Communiqué de presse du 5 juin 2024")
    assert not is_date_line("Protokoll der Vorstandssitzung vom 10. Oktober 2019")


def test_a_weekday_in_the_text_is_dated_from_an_upper_bound():
    # the first reader comment is from Wednesday 18 June 2025; "an diesem Dienstag" is the day before
    assert weekday_before("werden an diesem Dienstag und Mittwoch erwartet", "2025-06-18") == "2025-06-17"
    assert weekday_before("no weekday here", "2025-06-18") == ""


def test_upload_paths_give_year_and_month():
    assert date_from_url("https://example.com/wp-content/uploads/2026/06/photo.png") == "2026-06"
    assert date_from_url("https://example.com/2025/12/02/story.html") == "2025-12-02"
    assert date_from_url("https://example.com/images/photo.png") == ""


@pytest.mark.parametrize("line, name", [
    ("By Jane Doe", "Jane Doe"),
    ("Von Max Mustermann", "Max Mustermann"),
    ("Par Claire Martin", "Claire Martin"),
    ("Written by: Charnele Henry", "Charnele Henry"),
    ("By Jane Doe | Reuters", "Jane Doe"),
    ("Tom Krisher, AP Auto Writer", "Tom Krisher"),  # a name and the author's role
    ("Anna Weber, Redakteurin", "Anna Weber"),
    ("Author Mobasir hassan", "Mobasir hassan"),  # "By" and "Author" are only ever bylines
    # what a scraper glued onto the name: a date, the site's name
    ("von Nadja Demel13.12.2022 - 08:13 Uhr", "Nadja Demel"),
    ("By Jonathan GarberFOXBusiness", "Jonathan Garber"),
    ("By Danny DeVito", "Danny DeVito"),
    # the date the byline gives, after a cue
    ("By Umair Irfan Updated Nov 13, 2019, 10:28am EST", "Umair Irfan"),
    ("Von Jörg Staff am 16.11.2022", "Jörg Staff"),
    ("Par Claire Martin le 3 mars 2024", "Claire Martin"),
    ("Geschrieben von Dennis Kowalczyk am 13. Mai 2024", "Dennis Kowalczyk"),  # a club's or blog's byline
    ("geschrieben von Meike Neitz", "Meike Neitz"),
    ("Écrit par Paul Martin le 3 mai 2024", "Paul Martin"),
    ("by oz on December 4, 2006", "oz"),  # a blog's user name
    ("By Sage Anderson2020-02-20 13:52:51 UTC", "Sage Anderson"),
    ("By Jane Doe - Reuters", "Jane Doe"),
    ("Words by Ailsa Murdoch, News Editor", "Ailsa Murdoch"),
    ("Par Claire Vasseur (médecin de santé publique)", "Claire Vasseur"),  # a role or agency in brackets
    ("Von Anna Schmidt (dpa)", "Anna Schmidt"),
    ("By LISA MASCARO", "Lisa Mascaro"),  # capitals are the page's style
    ("By AP AND REUTERS", "AP AND REUTERS"),  # acronyms stay
    ("Interview: Claudia Ritter · Fotos: Lukas Baumann", "Claudia Ritter"),  # an interview's byline
    ("Propos recueillis par Anne Muller", "Anne Muller"),
    ("Article rédigé par Léa Marchand", "Léa Marchand"),
    ("Eingetragen von Birgit Lohmeyer am 23.09.2023", "Birgit Lohmeyer"),  # a club's CMS
    ("Erstellt von Fabian am Dienstag 6. Mai 2014", "Fabian"),
    ("Von unserem Mitarbeiter Bernd Wehrle", "Bernd Wehrle"),  # a regional paper's freelancer
    ("De notre correspondante Anne Muller", "Anne Muller"),
])
def test_bylines_name_the_author(line, name):
    assert byline_author(line) == name


def test_sentences_are_not_bylines():
    assert byline_author("By the end of the year the council had approved the plan.") == ""
    assert byline_author("Von der Leyen said the plan would be ready next week, according to officials.") == ""
    assert byline_author("Climate Change, the Editor") == ""
    assert byline_author("Interview: Was die neue Regel für Mieter bringt") == ""
    # "Von", "Par", "Texte" begin headings too: a byline only when a capitalised name follows
    assert byline_author("Von dieser Testpflicht gibt es allerdings Ausnahmen") == ""
    assert byline_author("Texte d’intention") == ""
    assert byline_author("Paris, Texas, writer") == ""
    assert byline_author("Von Montag am Morgen an gilt der neue Fahrplan") == ""  # a cue without a date
    assert byline_author("Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»") == ""  # one word, a list
    assert byline_author("Von Youtube-Netzwerken lernen") == ""  # a hyphen inside a word is no separator
    assert byline_author("De Gaulle (1890-1970)") == ""  # years in brackets: a heading, not an author's role
    # "By" and a word in lower case, ending like a sentence: an adverbial, not a blog's user name ("by oz on …")
    assert byline_author("By contrast, says the chief executive, the cheaper model is almost disposable.") == ""
    assert byline_author("By far the most useful gadget of the year.") == ""
    assert byline_author("by oz on December 4, 2006") == "oz"


@pytest.mark.parametrize("line, name", [
    # a date stamp first ("Posted on", "Veröffentlicht am", "Mis à jour le", the date, a time), then the name
    ("Posted on March 3, 2024 by Gareth Mull", "Gareth Mull"),
    ("Published 12 June 2023, 09:14 by Sarah Collins", "Sarah Collins"),
    ("Last updated: Tuesday, 2 December 2025, 14:05 CET by Jane Doe | Reuters", "Jane Doe"),
    ("Veröffentlicht am 4. Mai 2024 von Kathrin Eibl", "Kathrin Eibl"),
    ("Am 12.03.2024 von Jonas Weber", "Jonas Weber"),
    ("Zuletzt aktualisiert am 12.03.2024 um 10:15 Uhr von Jonas Weber", "Jonas Weber"),
    ("Publié le 3 mars 2024 par Claire Dubois", "Claire Dubois"),
    ("Mis à jour le 5 avril 2024 à 10h12 par Paul Martin", "Paul Martin"),
    ("Publié le 3 mars 2024 par AFP", "AFP"),  # after a stamp, one word is a name too
])
def test_a_byline_may_give_its_date_before_the_name(line, name):
    assert byline_author(line) == name


@pytest.mark.parametrize("line, name", [
    # the date after a bar, however long: "name | stamp"
    ("Par Camille Lefort | Publié le 04/03/2025 à 08h15, mis à jour le 05/03/2025 à 11h40", "Camille Lefort"),
    ("By Owen Hartley | Published 14 March 2025, 07:30 GMT, last updated 15 March 2025, 10:05 GMT", "Owen Hartley"),
    # a post's categories after a stamped byline (WordPress: "Posted on … by … in …")
    ("Posted on March 3, 2024 by Gareth Mull in News", "Gareth Mull"),
    ("Publié le 12 mai 2025 par Hugo Lambert dans Vie du club, Compétitions régionales, Jeunes", "Hugo Lambert"),
    ("Veröffentlicht am 4. Mai 2024 von Kathrin Eibl in Vereinsleben, Jugend", "Kathrin Eibl"),
])
def test_a_byline_may_end_in_its_date_after_a_bar_or_in_the_posts_categories(line, name):
    assert byline_author(line) == name


def test_a_long_sentence_with_a_bar_or_a_place_after_the_name_is_no_byline():
    # only a stamp after the bar, and only after a stamp that says the post was published, a category
    assert byline_author("By Friday, the council had voted to close the library and move its books | 3 May 2024 "
                         "to the town hall") == ""
    assert byline_author("Am 3. März 2024 von Thomas Spies in Berlin eröffnet") == ""


def test_a_date_then_by_von_or_par_in_a_sentence_or_caption_is_no_byline():
    # "by", "von" and "par" are common words: before them the line holds only a date and a stamp's cue
    assert byline_author("Posted in Politics by the editors") == ""  # no date, no name
    assert byline_author("Opened on March 3, 2024 by Mayor Gareth Mull") == ""  # a caption: "Opened" is no cue
    assert byline_author("Published in June 2023 by Oxford University Press, the report found") == ""
    assert byline_author("On 2 December 2025 by a vote of 31 to 9, the council approved the plan.") == ""
    assert byline_author("Die Brücke wurde am 4. Mai 2024 von Kathrin Eibl eröffnet") == ""
    assert byline_author("Eröffnet am 4. Mai 2024 von Oberbürgermeister Thomas Spies") == ""
    assert byline_author("Am 12.03.2024 von Bund und Ländern beschlossen") == ""  # the line goes on after the names
    assert byline_author("Am 12.03.2024 von 10 bis 12 Uhr geöffnet") == ""
    assert byline_author("Inauguré le 3 mars 2024 par Emmanuel Macron") == ""
    assert byline_author("Le 3 mars 2024 par exemple, la ville a voté son budget") == ""


def test_publisher_from_site_lines():
    assert publisher_from_lines(["A look at recent reporting on tech & science from the Étude newsroom."])[0] == "Étude"
    assert publisher_from_lines(["© 2025 Le Courrier d'Alsace. Tous droits réservés."])[0] == "Le Courrier d'Alsace"
    # a charity's or society's legal line
    assert publisher_from_lines(["Clearwater Futures is a registered charity in England and Wales (1071185)."])[0] \
        == "Clearwater Futures"
    assert publisher_from_lines(["Der Kulturkreis Lindenau ist ein eingetragener Verein (VR 2231)."])[0] \
        == "Der Kulturkreis Lindenau"
    assert publisher_from_lines(["The charity is a registered charity in England, its trustees said."])[0] == ""
    assert logo_name("Demaart De Maart") == "De Maart"
    assert logo_name("Luxembourg AI Factory sets new milestone") == ""


@pytest.mark.parametrize("line, publisher", [
    ("Copyright 2021 Silkes Weinkeller GmbH", "Silkes Weinkeller GmbH"),
    ("© Cointelegraph 2013 - 2024", "Cointelegraph"),
    ("Copyright © Telegraph Media Group Limited 2019", "Telegraph Media Group Limited"),
    ("© by Landwirtschaftsverlag GmbH", "Landwirtschaftsverlag GmbH"),
    ("Copyright 2016", ""),  # a notice with no name names no publisher
    ("© since 2010 by C", ""),
    ("© 2019 All rights reserved.", ""),
    # a full stop inside the name is the name's; one after it ends it
    ("© 2020 Vergleich.de Gesellschaft für Verbraucherinformation mbH", "Vergleich.de"),
    ("© 2022 www.heise.de - Alle Rechte vorbehalten", "heise.de"),
    ("© 2020 AWO Bundesverband e.V.", "AWO Bundesverband e.V."),
    ("Copyright © St.Galler Tagblatt. Alle Rechte vorbehalten.", "St.Galler Tagblatt"),
    ("© Sat.1 Norddeutschland GmbH", "Sat.1 Norddeutschland GmbH"),
    ("© 2019 Cable News Network.Turner Broadcasting System, Inc.All Rights Reserved.", "Cable News Network"),
    ("© 2022 Neue Zürcher Zeitung AG. Alle Rechte vorbehalten.", "Neue Zürcher Zeitung AG"),
])
def test_a_copyright_line_gives_the_name_without_the_notice_and_its_years(line, publisher):
    assert publisher_from_lines([line])[0] == publisher


def _dates_by_a_full_scan(text: str, lang: str) -> list[tuple[str, int, int]]:
    """What find_dates answered before it searched only around years: every pattern over the whole line."""
    from digest.text import metadata

    found, taken = [], []
    for pattern in metadata._DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            iso = metadata._to_iso(m, lang)
            if iso:
                found.append((iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d[1])


DATE_PIECES = ["2025", "1999", "20251", "12", "3", "31", ".", "/", "-", " ", ", ", "Dec.", "December", "März",
               "1er", "juin", "of", "2nd", "am", "Veröffentlicht", "x" * 60, "\u00a0"]


@given(st.lists(st.sampled_from(DATE_PIECES), max_size=30), st.sampled_from(["en", "de", "fr"]))
def test_searching_only_around_years_finds_what_a_full_scan_finds(pieces, lang):
    text = "".join(pieces)
    assert [(d.iso, d.start, d.end) for d in find_dates(text, lang)] == _dates_by_a_full_scan(text, lang)


@pytest.mark.parametrize("line, name", [
    ("Reviewed by Oliver Brennan", "Oliver Brennan"),  # a critic's byline
    ("Posted by Amara Okafor, Campaigns Officer", "Amara Okafor"),  # a blog's
    ("Par notre correspondante Odile Perrin - Aujourd'hui à 05:45", "Odile Perrin"),
    ("Dirk Hollmann, Redaktion Märkte | 08.05.2025", "Dirk Hollmann"),  # a desk for a role, the date after a bar
])
def test_a_critics_a_blogs_a_correspondents_and_a_desks_byline_name_the_author(line, name):
    assert byline_author(line) == name
