"""Publication dates by their place on the page: datelines, published vs updated, relative dates,
and the dates to ignore (site header, comments, copyright, events in the text); abstention; --explain."""

from __future__ import annotations

import datetime as dt

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
