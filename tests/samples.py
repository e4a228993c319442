"""Sample articles, briefings and stores the tests of several modules build on.

Written as a careful editor would make them from the seeds: real titles,
sentences and dates, so every renderer's test reads like a specification.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from digest.article import Article, Block, Summary, Translation
from digest.briefing import Briefing
from digest.config import BUILTIN_TEMPLATES


INSTALL_HINT = "argospm install translate-de_en"

MISTRAL_DE = (
    "Luxemburg will sich im Bereich der Künstlichen Intelligenz (KI) positionieren. Auf der zweiten "
    "Ausgabe der Nexus-Konferenz wird sich gezeigt und es werden Kontakte geknüpft – im Land und über "
    "die Grenzen hinaus."
)
MISTRAL_DE_2 = (
    "Um aus der Vision eine Realität zu machen, habe man als Regierung nun eine strategische "
    "Partnerschaft mit Mistral AI unterzeichnet, hob er hervor."
)
MISTRAL_DE_3 = (
    "„Es war die richtige Entscheidung, nach Luxemburg zu kommen“, so Außenminister Xavier Bettel am Dienstag."
)
FACTORY_1 = (
    "The Luxembourg AI Factory, a €112 million initiative co-financed by the EuroHPC Joint Undertaking, "
    "becomes fully operational in mid-2026 with the launch of MeluXina-AI, a sovereign supercomputer "
    "purpose-built for artificial intelligence workloads."
)
FACTORY_2 = "Half of the system's compute capacity is reserved for Luxembourg national use."
FACTORY_3 = "Of the €112 million envelope, roughly €60 million comes from the Luxembourg state."
MILESTONE_1 = (
    "On 2 December 2025, the Luxembourg Data Summit marked the official launch of the Luxembourg AI Factory."
)


def english_article(**overrides) -> Article:
    article = Article(
        source="seeds/002_b5962e9db26456b4.txt",
        id="002-ai-factory",
        title="Luxembourg's €112M AI Factory and MeluXina-AI Go Live in Mid-2026",
        kicker="Artificial Intelligence",
        publisher="Étude",
        url="https://etude.example/tech/luxembourg-ai-factory",
        lang="en",
        translation=Translation(status="original", source_lang="en"),
        blocks=[
            Block("paragraph", FACTORY_1),
            Block("heading", "What is being built"),
            Block("paragraph", FACTORY_2),
            Block("heading", "How it is funded"),
            Block("paragraph", FACTORY_3),
        ],
        summary=Summary(
            sentences=[FACTORY_1, FACTORY_3],
            key_phrases=["AI Factory", "MeluXina-AI", "EuroHPC"],
            key_figures=["€112 million", "2,100 GPU-AI accelerators", "€60 million"],
        ),
        related=["001-milestone"],
    )
    for key, value in overrides.items():
        setattr(article, key, value)
    return article


def german_article(translated: bool) -> Article:
    article = Article(
        source="seeds/004_6badccb010855abc.txt",
        id="004-mistral",
        title="Luxemburg kündigt strategische Partnerschaft mit Mistral AI an",
        kicker="Nexus-Konferenz",
        publisher="Tageblatt",
        date="2025-06-17",
        lang="de",
        blocks=[
            Block("paragraph", MISTRAL_DE),
            Block("heading", "Der Mensch bleibt unersetzbar"),
            Block("paragraph", MISTRAL_DE_2),
            Block("paragraph", MISTRAL_DE_3),
        ],
        summary=Summary(sentences=[MISTRAL_DE, MISTRAL_DE_2], key_figures=["15 Millionen Euro"]),
    )
    if translated:
        article.translation = Translation(
            status="translated",
            source_lang="de",
            model="argos de→en 1.9",
            title="Luxembourg announces strategic partnership with Mistral AI",
            summary=[
                "Luxembourg wants to position itself in the field of artificial intelligence (AI).",
                "The government has now signed a strategic partnership with Mistral AI, he emphasised.",
            ],
            body=[
                Block("paragraph", "Luxembourg wants to position itself in the field of artificial intelligence (AI)."),
                Block("heading", "Humans remain irreplaceable"),
                Block("paragraph", "The government has now signed a strategic partnership with Mistral AI."),
            ],
        )
    else:
        article.translation = Translation(
            status="not-translated",
            source_lang="de",
            reason="no German→English model is installed",
            install_hint=INSTALL_HINT,
        )
    return article


def milestone_article() -> Article:
    return Article(
        source="seeds/001_7598609d504af1b1.txt",
        id="001-milestone",
        title="Luxembourg AI Factory sets new milestone",
        standfirst="At the Luxembourg Data Summit, the Luxembourg AI Factory showed how it will accelerate "
        "companies on their AI journey.",
        date="2025-12-02",
        lang="en",
        translation=Translation(status="original"),
        blocks=[Block("paragraph", MILESTONE_1)],
        summary=Summary(sentences=[MILESTONE_1]),
        related=["002-ai-factory"],
    )


def sample_briefing(translated: bool = False, articles: list[Article] | None = None, **overrides) -> Briefing:
    """Three stories: English (with a URL), German and English (related to the first)."""
    briefing = Briefing(
        title="Luxembourg AI & Tech Briefing",
        created=datetime(2026, 11, 22, 7, 30, tzinfo=timezone.utc),
        articles=articles if articles is not None else [
            english_article(), german_article(translated), milestone_article()
        ],
        email_from="Digest Bot <digest@example.org>",
        email_to="Jürgen Müller <juergen@example.org>",
        templates=[BUILTIN_TEMPLATES],
    )
    for key, value in overrides.items():
        setattr(briefing, key, value)
    return briefing


def make_version_0_store(path, other_table: bool = True):
    """The prototype's layout, written by hand: one kv table, keys "<namespace>/<key>"."""
    conn = sqlite3.connect(str(path))
    with conn:
        conn.execute("CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT)")
        conn.executemany("INSERT INTO kv VALUES (?, ?)", [
            ("translate/abc", json.dumps({"text": "Guten Morgen → Good morning"})),
            ("translate/def", json.dumps("Straße → street")),
            ("summary/xyz", "not json, typed by hand"),
            ("orphan", json.dumps(42)),
        ])
        if other_table:  # a table another stage created in that store: migrations leave it alone
            conn.execute("CREATE TABLE history (guid TEXT PRIMARY KEY, item TEXT)")
            conn.execute("INSERT INTO history VALUES ('urn:1', '{\"title\": \"Old item\"}')")
    conn.close()


SEEDS = Path(__file__).resolve().parents[1] / "seeds"
GERMAN_SEED = "004_6badccb010855abc.txt"


def mixed_corpus(tmp_path: Path) -> Path:
    """The seeds, a duplicate and the bad files: every path a file can take through a build."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    shutil.copy(SEEDS / GERMAN_SEED, folder / "zz_same_story_again.txt")
    for name in ["empty.txt", "boilerplate.txt", "mojibake.txt", "encodings.txt", "hostile.txt"]:
        shutil.copy(Path(__file__).parent / "data" / "bad" / name, folder / name)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def output_bytes(path: Path) -> bytes:
    """An output's bytes with the random MIME boundaries made equal, for comparing two builds."""
    return re.sub(rb"={10,}\d+==", b"BOUNDARY", path.read_bytes())
