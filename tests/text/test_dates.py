"""Publication dates by their place on the page: datelines, published vs updated, relative dates,
and the dates to ignore (site header, comments, copyright, events in the text); abstention; --explain."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from digest.article import Evidence, shown_date
from digest.text import dates
from digest.text.clean import clean_text

FR_BODY = [
    "Le conseil municipal de Strasbourg a adopté lundi soir le nouveau plan de circulation pour le centre-ville, "
    "après un débat de plus de quatre heures entre la majorité et l'opposition sur la place de la voiture.",
    "Le plan prévoit de fermer trois rues à la circulation automobile et de créer deux nouvelles pistes cyclables "
    "le long des quais, pour un coût total estimé à douze millions d'euros sur les cinq prochaines années.",
    "Une réunion publique est prévue du 12 au 14 avril 2025 à la maison des associations, où les habitants "
    "pourront poser leurs questions aux services de la ville et proposer des modifications du projet.",
    "Les commerçants du centre craignent une baisse de leur chiffre d'affaires, mais la maire a promis des "
    "parkings relais supplémentaires à l'entrée de la ville et une navette gratuite le samedi après-midi.",
]


def french_page(date_lines: list[str], tail: list[str] = ()) -> str:
    return "\n".join(["Accueil", "Actualités", "Vendredi 7 novembre 2025", "Le Journal de l'Est", "Politique",
                      "Strasbourg adopte son nouveau plan de circulation", *date_lines, *FR_BODY, *tail,
                      "© 2024 Le Journal de l'Est. Tous droits réservés."])


def test_french_published_date_beats_header_update_event_and_copyright():
    page = french_page(["Par Claire Martin", "Publié le 3 mars 2025 à 10h12", "Mis à jour le 4 mars 2025 à 08h00"])
    result = clean_text(page, "fr")
    assert result.date == "2025-03-03"
    assert shown_date(result.date, result.evidence["date"]) == "2025-03-03"
    assert result.evidence["date"].source == "dateline next to the headline"
    isos = {c.iso for c in result.date_candidates}
    assert {"2025-11-07", "2025-03-04"} <= isos  # the header's day and the update were seen, and lost
    winner = max(result.date_candidates, key=lambda c: c.score)
    assert "'published' beside it" in winner.why


def test_an_updated_date_alone_still_dates_the_page():
    result = clean_text(french_page(["Mis à jour le 4 mars 2025 à 08h00"]), "fr")
    assert result.date == "2025-03-04"


def test_comment_dates_bound_the_date_and_are_never_the_publication_date():
    comments = ["Commentaires", "Jean-Pierre", "12 mars 2025 à 18h40",
                "Enfin une décision courageuse pour le centre-ville, il était temps que la mairie agisse vraiment.",
                "Répondre"]
    result = clean_text(french_page([], comments), "fr")
    assert result.date != "2025-03-12"
    assert shown_date(result.date, result.evidence.get("date")) == ""
    header = next(c for c in result.date_candidates if c.iso == "2025-11-07")
    assert "later than the first reader comment (2025-03-12)" in header.why  # the site's "today" cannot be it


def test_copyright_year_is_no_date():
    page = "\n".join(FR_BODY + ["© 2024 Le Journal de l'Est"])
    result = clean_text(page, "fr")
    assert all(not c.iso.startswith("2024") for c in result.date_candidates)
    assert shown_date(result.date, result.evidence.get("date")) == ""  # only an event range is left


EN_PAGE = "\n".join([
    "Home", "News", "Council approves new tram line for the city centre", "By Jane Doe", "{stamp}",
    "The council voted 31 to 9 on Thursday evening to build a tram line linking the railway station with the "
    "university campus, ending a debate that has run for almost a decade in the city.",
    "Construction is due to start next spring and should take about three years, and the city expects around "
    "18,000 passengers a day once the line is open to the public.",
    "Opponents said the money would be better spent on buses, which could serve the outer districts sooner and "
    "at a fraction of the cost of laying new rails through the old town.",
])
SAVED = dt.datetime(2025, 5, 14, 9, 30, tzinfo=dt.timezone.utc)


def test_relative_dates_are_resolved_against_the_file_time_only():
    page = EN_PAGE.format(stamp="2 days ago")
    assert clean_text(page, "en").date == ""  # no clock: no guess
    result = clean_text(page, "en", reference=SAVED)
    assert result.date == "2025-05-12"
    assert result.evidence["date"].source == "relative date next to the headline"


def test_german_and_french_relative_dates():
    de = EN_PAGE.format(stamp="vor 2 Stunden")
    assert clean_text(de, "de", reference=SAVED).date == "2025-05-14"
    fr = EN_PAGE.format(stamp="il y a 3 jours")
    assert clean_text(fr, "fr", reference=SAVED).date == "2025-05-11"


@pytest.mark.parametrize("line", [
    "1968 bis heute Knabenmusik in der St.-Georgs-Gemeinde Ulm",  # a span, in a heading
    "Brexit-Abstimmung in London: Heute ist Super-Samstag",  # a headline's own word
    "Was koche ich heute?",
    "Today's Paper",
])
def test_today_inside_what_a_line_says_is_no_date(line):
    result = clean_text(EN_PAGE.format(stamp=line), "de", reference=SAVED)
    assert result.evidence.get("date") is None or result.evidence["date"].source != "relative date next to the headline"


@pytest.mark.parametrize("stamp, lang, day", [
    ("Heute, 14:30 Uhr", "de", "2025-05-14"),
    ("Aktualisiert: gestern, 18:02", "de", "2025-05-13"),
    ("Vor 3 Tagen veröffentlicht", "de", "2025-05-11"),
    ("By Ann Lee | 10 hours ago", "en", "2025-05-13"),
    ("Publié hier à 10h30", "fr", "2025-05-13"),
])
def test_a_time_stamp_with_a_clock_cue_or_byline_is_a_date(stamp, lang, day):
    assert clean_text(EN_PAGE.format(stamp=stamp), lang, reference=SAVED).date == day


def test_a_printed_date_beats_a_relative_one():
    page = EN_PAGE.format(stamp="Published 10 May 2025 · updated yesterday")
    assert clean_text(page, "en", reference=SAVED).date == "2025-05-10"


def test_german_page_header_date_is_not_the_article_date():
    page = "\n".join(["Samstag, 1. November 2025", "Startseite", "Lokales",
                      "Neue Tramlinie für Freiburg beschlossen", "Veröffentlicht am 17.06.2025, 18:05 Uhr",
                      "Der Gemeinderat hat am Dienstagabend mit großer Mehrheit den Bau einer neuen Tramlinie "
                      "beschlossen, die den Hauptbahnhof mit dem Universitätsgelände verbinden soll.",
                      "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und etwa drei Jahre dauern, wie die "
                      "Stadtverwaltung am Mittwoch in einer Mitteilung an die Presse erklärte.",
                      "Kritik kam von den Händlern in der Innenstadt, die während der Bauzeit deutlich weniger "
                      "Kundschaft befürchten und eine Entschädigung der Stadt fordern."])
    result = clean_text(page, "de")
    assert result.date == "2025-06-17" and result.evidence["date"].confidence >= dates.TRUST


def test_month_only_and_weak_dates_are_not_shown():
    assert shown_date("2026-06", Evidence("2026-06", "path of the lead image", 0.9)) == ""
    assert shown_date("2025-06-17", Evidence("2025-06-17", "x", dates.TRUST - 0.01)) == ""
    assert shown_date("2025-06-17", Evidence("2025-06-17", "x", dates.TRUST)) == "2025-06-17"
    assert shown_date("2025-06-17", None) == "2025-06-17"  # given by the caller


def test_ranges_and_dated_lists_are_not_datelines():
    page = french_page(["Du 12 au 14 avril 2025"])
    result = clean_text(page, "fr")
    assert shown_date(result.date, result.evidence.get("date")) == ""


def test_explain_lists_candidates_and_why_the_winner_won(tmp_path, capsys):
    from digest.cli import main

    path = tmp_path / "page.txt"
    path.write_text(french_page(["Publié le 3 mars 2025 à 10h12", "Mis à jour le 4 mars 2025"]), encoding="utf-8")
    assert main(["clean", "--explain", "--lang", "fr", str(path)]) == 0
    out = capsys.readouterr().out
    assert "date candidates (" in out and "winner 2025-03-03, shown as the publication date" in out
    star = next(line for line in out.splitlines() if line.startswith(" * "))
    assert "2025-03-03" in star and "'published' beside it" in star
    assert any("2025-11-07" in line and "site header" in line for line in out.splitlines())


def test_the_build_counts_relative_dates_from_the_file_time(tmp_path):
    """The build passes the file's modification time to cleaning, and keys its cache on it."""
    import os

    from digest.runner import _file_time, _process_file
    from digest.store.cache import cache_key

    path = tmp_path / "tram.txt"
    path.write_text(EN_PAGE.format(stamp="2 hours ago"), encoding="utf-8")
    os.utime(path, (SAVED.timestamp(), SAVED.timestamp()))
    file_time = _file_time(path)
    assert file_time == "2025-05-14T09:30:00+00:00"
    status, article, _record = _process_file(str(path), path.read_bytes(), 10_000, file_time)
    assert status == "ok" and article.date == "2025-05-14" and article.file_time == file_time
    assert article.evidence["date"].source == "relative date next to the headline"
    status, undated, _record = _process_file(str(path), path.read_bytes(), 10_000)
    assert status == "ok" and undated.date == ""  # no clock: no guess
    data = path.read_bytes()
    assert cache_key(str(path), data, 10_000, file_time) != cache_key(str(path), data, 10_000, "")


# --- where a date stands, checked on the cleaner's lines directly (text, number, reason, class, hard stop)

@dataclasses.dataclass
class PageLineStub:
    text: str
    number: int
    reason: str = ""
    cls: str = "good"
    hard_stop: bool = False


def page_lines(texts: list[str]) -> list[PageLineStub]:
    return [PageLineStub(t, n, cls="good" if len(t.split()) > 12 else "short") for n, t in enumerate(texts, 1)]


def candidate(found: list[dates.DateCandidate], iso: str) -> dates.DateCandidate:
    return next(c for c in found if c.iso == iso)


EN_PARAGRAPHS = [
    "The city council voted on Tuesday evening to close the old swimming pool on the river bank for good, after "
    "engineers found that the roof could no longer carry the weight of snow in a hard winter.",
    "A new pool is planned next to the sports centre, but the money for it will not be in the budget before the "
    "next election, and swimming clubs fear they will have nowhere to train for at least three seasons.",
]


def test_a_time_after_the_date_does_not_decide_whether_a_dateline_opens_the_text():
    lines = page_lines(["Thursday, November 9th 2023", "Home", "News", "Local", "Council closes the old river pool",
                        "PUBLISHED: November 8, 2023 at 11:30 p.m. | UPDATED: November 9, 2023 at 6:02 a.m.",
                        *EN_PARAGRAPHS])
    lines[5].cls = "neargood"
    found = dates.page_dates(lines, 4, 5, 7, "en")
    published = candidate(found, "2023-11-08")
    assert published.zone == "dateline" and "'published' beside it" in published.why
    assert dates.choose(found).iso == "2023-11-08"
    # the first sentence's event keeps its place in the body, times or not
    de = page_lines(["Einbruch in Wohnhaus gescheitert",
                     "Am 31.10.2023, gegen 23:40 Uhr, kam es in der Nordstraße zu einem versuchten Einbruch in ein "
                     "Wohnhaus, bei dem die Täter von einem aufmerksamen Nachbarn gestört wurden.",
                     "Die Polizei bittet Zeugen, die in der Nacht verdächtige Personen beobachtet haben, sich bei der "
                     "Dienststelle zu melden."])
    assert candidate(dates.page_dates(de, 0, 1, 2, "de"), "2023-10-31").zone == "body"


def test_dates_inside_link_targets_were_never_printed():
    lines = page_lines(["Singer returns to the stage after two years away",
                        "![The singer at her first concert](https://media.example.com/photos/2020/11/26/"
                        "lead_2020-11-26_23-16-59.jpg)",
                        "Showbiz - Maria Santos (The Daily Star) - November 27, 2020 - 12:00am", *EN_PARAGRAPHS])
    found = dates.page_dates(lines, 0, 3, 4, "en")
    assert [c.iso for c in found if c.line == 2] == []
    assert dates.choose(found).iso == "2020-11-27"


def test_a_published_label_counts_as_published():
    page = "\n".join(["Sonntag, 27. Februar 2022", "Startseite", "Kultur",
                      "Neues Museum für Industriegeschichte eröffnet", "Veröffentlichung: 2. Februar 2022",
                      "In der ehemaligen Spinnerei am Kanal hat am Wochenende ein Museum eröffnet, das die Geschichte "
                      "der Textilindustrie in der Region mit Maschinen, Fotos und Erinnerungen früherer Arbeiterinnen "
                      "erzählt.",
                      "Der Förderverein hat mehr als zehn Jahre lang Spenden gesammelt und viele der Webstühle selbst "
                      "restauriert, wie sein Vorsitzender bei der Eröffnung vor rund dreihundert Gästen sagte.",
                      "Geöffnet ist das Museum von Mittwoch bis Sonntag, der Eintritt für Kinder und Jugendliche ist "
                      "frei, und für Schulklassen gibt es eigene Führungen durch die Werkstätten."])
    result = clean_text(page, "de")
    assert result.date == "2022-02-02"
    assert shown_date(result.date, result.evidence["date"]) == "2022-02-02"


def test_a_name_beside_a_date_is_a_byline():
    for line in ("Bettina Kugler 19.10.2019, 05:00 Uhr", "Janic Cathomen, 01.12.2021",
                 "The Courier 02/10/2020 Anna Fields", "Jean-Pierre Dupont · 3 mars 2025"):
        assert dates.name_and_date(line), line
    for line in ("Release: 04.04.2014", "Stand - 12.11.2021", "12.11.2021 Artikel",
                 "selbst ist der Mann 22.02.2021", "Montag, 06.11.2023 und am Dienstag, 07.11.2023"):
        assert not dates.name_and_date(line), line
    lines = page_lines(["Lawinen verstehen: Praxis und Theorie", *EN_PARAGRAPHS, "Janic Cathomen, 01.12.2021",
                        EN_PARAGRAPHS[0]])
    found = dates.page_dates(lines, 0, 1, 4, "de")
    assert "a date line or byline" in candidate(found, "2021-12-01").why


def test_a_slashed_day_and_month_are_read_the_way_the_page_writes_them():
    byline = "The Courier 02/10/2020 Anna Fields"
    around = ["Students were sent home on Sept. 29, 2020 after cases rose in two halls of residence, and the "
              "university said it would decide on the rest of term by 30 October 2020 at the latest."]
    found = dates.page_dates(page_lines(["Halls too full to be safe, experts warn", byline, *around]), 0, 2, 2, "en")
    assert candidate(found, "2020-10-02").why[-1].startswith("day and month read in the reading nearer")
    # an unambiguous slashed date elsewhere shows the page's order, whatever the other dates say
    us = ["Comments close 12/25/2020 at noon, and the council will answer questions on Sept. 29, 2020 in the hall "
          "of the old school building on the market square."]
    found = dates.page_dates(page_lines(["Halls too full to be safe, experts warn", byline, *us]), 0, 2, 2, "en")
    assert "2020-02-10" in {c.iso for c in found} and "2020-10-02" not in {c.iso for c in found}
    fr = ["Les inscriptions ferment le 25/12/2020 et la mairie répondra aux questions le 29 septembre 2020 dans la "
          "salle des fêtes de l'ancienne école."]
    found = dates.page_dates(page_lines(["Les résidences trop pleines", "Le Courrier 02/10/2020 Anne Petit", *fr]),
                             0, 2, 2, "fr")
    assert "2020-10-02" in {c.iso for c in found}


def test_a_lone_date_inside_a_sentence_is_not_shown():
    lines = page_lines(["Ein Ministerium wird hundert",
                        "Zu seinem hundertsten Geburtstag am 01.11.2023 lädt das Ministerium Bürgerinnen und Bürger "
                        "zu einem Tag der offenen Tür in das alte Gebäude am Fluss ein, mit Führungen und Musik.",
                        "Das Programm beginnt am Vormittag mit einer Rede der Ministerin und endet am Abend mit einem "
                        "Konzert des Polizeiorchesters im Innenhof."])
    found = dates.page_dates(lines, 0, 1, 2, "de")
    assert dates.features(found)[dates.FEATURES.index("prose")] == 1.0
    assert dates.choose(found).confidence < dates.TRUST


def teaser_entry(title: str, day: str, comments: int, author: str) -> list[str]:
    return [title, f"A short teaser for the story called {title.lower()}.", f"{day} / {comments}",
            "![](https://example.com/avatar.png)", author]


def test_dates_in_a_run_of_teasers_lose_their_score_but_an_article_date_in_their_form_does_not():
    index = [*teaser_entry("Faster uploads on phones", "August 30, 2017", 0, "Alex Field"),
             *teaser_entry("Selling from your site", "August 17, 2017", 44, "Ann Moore"),
             *teaser_entry("Podcasts on your blog", "August 16, 2017", 22, "Mia Webb"),
             *teaser_entry("A new login for the app", "August 15, 2017", 6, "Eric Stone")]
    found = dates.page_dates(page_lines(index), 10, 11, 11, "en")
    winner = candidate(found, "2017-08-16")
    assert "one of a run of such lines at even steps (a teaser list)" in winner.why
    assert winner.score < dates.ZONE_SCORE["headline"]
    alone = dates.page_dates(page_lines(teaser_entry("Podcasts on your blog", "August 16, 2017", 22, "Mia Webb")),
                             0, 1, 1, "en")
    assert dates.choose(found).confidence < dates.choose(alone).confidence
    # the article's own "12 March 2024 / 3" beside its headline, with teasers in that form far below
    article = ["Council closes the old river pool", "March 12, 2024 / 3", *EN_PARAGRAPHS, *["Related"] * 20,
               "Bridge repairs start", "March 1, 2024 / 5", "Bus lanes extended", "February 20, 2024 / 1",
               "New library opens", "February 2, 2024 / 9"]
    found = dates.page_dates(page_lines(article), 0, 2, 3, "en")
    own = candidate(found, "2024-03-12")
    assert any(w.startswith("its line's form recurs with 3 other days") for w in own.why)
    assert not any(w.startswith("one of a run") for w in own.why)
    assert dates.choose(found).iso == "2024-03-12"


def test_pictures_of_other_stories_do_not_rival_a_printed_date():
    printed = dates.DateCandidate("2020-11-27", 4, "November 27, 2020", "headline", 0.8)
    teaser_picture = dates.DateCandidate("2020-11-26", 0, "https://example.com/2020/11/26/a.jpg", "image", 0.3)
    assert dates.features([printed, teaser_picture])[dates.FEATURES.index("margin")] == 1.0


def test_the_site_headers_today_is_vetoed_unless_the_article_prints_that_day_on_its_own_line():
    header = ["Tuesday, December 8, 2020", "Home", "Sports", "Local", "Subscribe", "Sign in"]
    story = ["Council closes the old river pool", *EN_PARAGRAPHS, *EN_PARAGRAPHS]
    found = dates.page_dates(page_lines(header + story), 6, 7, 10, "en")
    assert dates.vetoed(found).startswith("a weekday-and-date line in the site header")
    # the cleaner left the article's own date line inside the body, below the header's score
    with_own_line = header + story + ["Dec 8, 2020", EN_PARAGRAPHS[0]]
    found = dates.page_dates(page_lines(with_own_line), 6, 7, 12, "en")
    assert candidate(found, "2020-12-08").zone == "header"
    assert dates.vetoed(found) == "" and dates.choose(found).iso == "2020-12-08"
