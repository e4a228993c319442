"""Key phrases (what the article is about) and key figures (numbers with what they count)."""

from pathlib import Path

from digest.article import Article, Block
from digest.analysis.keyfacts import key_figures, key_phrases

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed(name: str, lang: str) -> Article:
    lines = [line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    blocks = [Block("heading" if len(line.split()) < 8 and line[-1] not in ".!?" else "paragraph", line)
              for line in lines]
    return Article(source=name, id=name[:3], title=lines[1] if lang == "en" else lines[3], lang=lang, blocks=blocks)


FACTORY = _seed("002_b5962e9db26456b4.txt", "en")
NEXUS_DE = _seed("004_6badccb010855abc.txt", "de")


def test_key_phrases_name_what_the_article_is_about():
    phrases = key_phrases(FACTORY)
    assert 5 <= len(phrases) <= 8
    assert "MeluXina-AI" in phrases
    assert any("AI Factory" in p for p in phrases)
    assert any("EuroHPC" in p for p in phrases)
    assert len({p.lower() for p in phrases}) == len(phrases)


def test_key_phrases_are_spans_of_the_article():
    text = FACTORY.text
    assert all(phrase in text or phrase in FACTORY.title for phrase in key_phrases(FACTORY))


def test_german_key_phrases_in_german():
    phrases = key_phrases(NEXUS_DE)
    assert "Mistral AI" in phrases
    assert any("Partnerschaft" in p for p in phrases)


def test_key_figures_carry_unit_and_what_they_count():
    figures = key_figures(FACTORY)
    assert any(f.startswith("€112") and f.endswith("AI Factory") for f in figures)
    assert "2,100 — GPU-AI accelerators" in figures
    assert len([f for f in figures if f.startswith("€112")]) == 1  # "€112M" is "€112 million"
    assert not any(f.startswith(("2026", "2025")) for f in figures)  # years are not figures


def test_german_figures_keep_german_number_format():
    figures = key_figures(NEXUS_DE)
    assert "7.000 — Gäste" in figures
    assert any(f.startswith("15 Millionen Euro") for f in figures)


def test_dates_are_not_key_figures():
    article = Article(source="x", id="x", lang="en", blocks=[Block(
        "paragraph", "On 2 December 2025 the agency paid €3.5 million for 40 new buses, up 12% on last year.")])
    figures = key_figures(article)
    assert not any(f.startswith("2 ") for f in figures)
    assert any(f.startswith("€3.5 million") for f in figures)
    assert any(f.startswith("40 — ") and "buses" in f for f in figures)
    assert any(f.startswith("12%") for f in figures)


def test_an_adverb_is_not_what_a_figure_counts():
    article = Article(source="x", id="x", lang="en", blocks=[Block(
        "paragraph", "European firms spend more than €12 billion annually on cloud services.")])
    assert key_figures(article) == ["€12 billion — cloud services"]


def _figures(lang: str, text: str) -> list[str]:
    return key_figures(Article(source="x", id="x", lang=lang, blocks=[Block("paragraph", text)]))


def test_a_count_is_labelled_by_the_noun_after_it_not_by_a_verb_or_adverb():
    assert _figures("en", "People from over 170 nationalities live in the country.") == ["170 — nationalities"]
    assert _figures("en", "The company hired 1,200 new engineers last year.") == ["1,200 — new engineers"]
    assert _figures("de", "Letztes Jahr waren mit 5.600 Personen jedoch weniger Gäste gezählt worden.") == [
        "5.600 — Personen"]
    assert _figures("de", "Fast 500 Redner Produkte präsentieren, dazu rund 100 Informationsstände.") == [
        "500 — Redner", "100 — Informationsstände"]
    assert _figures("fr", "Plus de 7 000 visiteurs venus de 57 pays sont attendus.") == ["7 000 — visiteurs", "57 — pays"]


def test_money_is_labelled_by_what_it_funds_or_costs():
    assert _figures("en", "Of the €112 million envelope, roughly €60 million comes from the Luxembourg state.") == [
        "€112 million — envelope", "€60 million — Luxembourg state"]
    assert _figures("en", "The package includes €25,000 in cash and more than €100,000 worth of services.") == [
        "€25,000 — cash", "€100,000 — services"]
    assert _figures("en", "The government approved a loan of around €15 million for the hospital.") == [
        "€15 million — loan"]
    assert _figures("en", "It sold 19.6 million shares at $85 each.") == ["19.6 million — shares", "$85 — shares"]
    assert _figures("de", "Für 0,99 € können Sie diesen Artikel erwerben.") == ["0,99 € — Artikel"]
    assert _figures("fr", "L'État accorde un prêt de 15 millions d'euros à la société Artec.") == [
        "15 millions d'euros — prêt"]


def test_a_multiplier_says_how_much_more_of_what():
    assert _figures("en", "With MeluXina-AI set to become 15 times more powerful, Luxembourg grows.") == [
        "15× — more powerful (MeluXina-AI)"]
    assert _figures("fr", "Le supercalculateur sera 15 fois plus puissant que MeluXina.") == [
        "15× — plus puissant (supercalculateur)"]
    assert _figures("de", "Das neue System ist 20-mal schneller als das alte.") == ["20× — schneller (System)"]


def test_shares_and_lists_of_shares():
    assert _figures("en", "Unemployment rose to 5.1% in March, while inflation fell 0.3 per cent.") == [
        "5.1% — Unemployment", "0.3 per cent — inflation"]
    assert _figures("en", "The commission sees Luxembourg GDP at 1.9% in 2026, 2.0% in 2027.") == [
        "1.9% — Luxembourg GDP", "2.0% — Luxembourg GDP"]
    assert _figures("en", "Europe accounts for less than 5 per cent of global AI compute capacity.") == [
        "5 per cent — global AI compute capacity"]


def test_no_vague_labels_names_paths_or_durations():
    assert _figures("en", "Selected for the Fit 4 Start accelerator, HALE-X grew.") == []
    assert _figures("en", "See uploads/2026/06/untitled-design-4-214-1160x653.png for the image.") == []
    assert _figures("de", "Seit die Firma vor etwa 15 Jahren kam, wuchs sie.") == []
    assert _figures("en", "The event takes place on 9 and 10 March, and on 14–15 October.") == []
    assert not any(" — times" in f for f in _figures("en", "It will become 15 times more powerful."))


def test_a_malformed_number_never_costs_the_article():
    """Scraped numbers can mix separators ("56.923.48"): the figure still gets a value."""
    from digest.analysis.keyfacts import figure_value

    assert figure_value("56.923.48 Euro") == ("EUR", 56923.48)
    assert figure_value("€56.923,48") == ("EUR", 56923.48)
    assert figure_value("1,234.5 tonnes")[1] == 1234.5


def test_a_unit_stays_with_its_figure_and_is_never_the_label():
    assert _figures("de", "Das Rad hat 160 mm Federweg, und für den Teig braucht man 500 ml Milch.") == [
        "160 mm — Federweg", "500 ml — Milch"]
    assert _figures("de", "Die Preise liegen zwischen 9 Euro und 50 Euro.") == ["9 Euro — Preise", "50 Euro — Preise"]
    assert _figures("de", "Es werden Sanktionen in Höhe von 500 Euro verhängt.") == ["500 Euro — Sanktionen"]
    assert _figures("en", "Trump won the state by 30 points in 2016.") == []
    assert _figures("de", "Bitte halten Sie 1,5 Metern Abstand zu anderen Gästen.") == ["1,5 Metern — Abstand"]
    assert _figures("en", "The statement was published on Friday at 9:06 a.m. in Miami.") == []  # no "06 — a.m"
    assert _figures("en", "She took £40,000 by claiming throughout the period.") == ["£40,000 — period"]
    assert _figures("fr", "Le 31 aout, 13 jeunes sont partis pour une marche de 20 kilomètres.") == [
        "13 — jeunes", "20 kilomètres — marche"]  # no "31 — aout", no "20 — kilomètres"


def test_a_german_ordinal_is_no_figure_and_a_verb_is_no_label():
    assert _figures("de", "Seit Ende des 20. Jahrhunderts wird Achtsamkeit populärer.") == []
    assert _figures("de", "Du bekommst elektrisches Katzenspielzeug bereits unter 10 Euro.") == [
        "10 Euro — elektrisches Katzenspielzeug"]


def test_a_german_sentence_adverb_is_no_label():
    """German capitalises a sentence's first word like a noun: "Außerdem", "Immerhin", "Aktuell" open
    a sentence and name nothing.  The label is the noun the figure is about, or there is none."""
    assert _figures("de", "Aktuell kostet die Dose nur 9,90€.") == ["9,90€ — Dose"]
    assert _figures("de", "Außerdem sollen 80 Prozent an Schulen gehen.") == []
    assert _figures("de", "Immerhin 12 Prozent der Nutzer klicken.") == []
