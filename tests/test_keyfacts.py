"""Key phrases (what the article is about) and key figures (numbers with what they count)."""

from pathlib import Path

from digest.article import Article, Block
from digest.keyfacts import key_figures, key_phrases

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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
