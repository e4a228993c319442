"""Extractive summaries: verbatim sentences, original order, never headings,
questions, captions or boilerplate; adaptive length; explainable scores."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from digest import summarize_text
from digest.article import Article, Block
from digest.analysis.summarize import default_length, summarize_article

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FACTORY = SEEDS / "002_b5962e9db26456b4.txt"


def _article_from_lines(path: Path, lang: str) -> Article:
    """One block per line, short lines without end punctuation as headings (as the cleaner does)."""
    blocks = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        kind = "heading" if len(line.split()) < 10 and line[-1] not in ".!?\"”“»" else "paragraph"
        blocks.append(Block(kind, line))
    return Article(source=path.name, id=path.stem, title=blocks[1].text, lang=lang, blocks=blocks)


def test_summary_sentences_are_verbatim_and_in_article_order():
    article = _article_from_lines(FACTORY, "en")
    summary = summarize_article(article, sentences=3).summary.sentences
    text = article.text
    assert len(summary) == 3
    positions = [text.find(sentence) for sentence in summary]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)


def test_factory_summary_names_the_budget_and_the_supercomputer():
    article = _article_from_lines(FACTORY, "en")
    summary = " ".join(summarize_article(article, sentences=3).summary.sentences)
    assert "€112 million" in summary
    assert "MeluXina-AI" in summary


def test_never_headings_questions_captions_or_boilerplate():
    blocks = [
        Block("heading", "Why the new bridge matters for the city of Trier"),
        Block("paragraph", "The city council approved a new bridge over the Moselle on Monday. "
                           "The bridge will cost 40 million euros and open in 2028."),
        Block("paragraph", "Will the bridge really ease traffic in the old town for commuters?"),
        Block("paragraph", "The mayor opens the bridge project Photo: Editpress/Jane Doe"),
        Block("paragraph", "Subscribe to our newsletter to read more about the bridge and the council."),
        Block("paragraph", "Engineers said the bridge over the Moselle would carry 20,000 cars a day. "
                           "Council members said the bridge had been discussed for a decade."),
    ]
    article = Article(source="t", id="t", title="Trier approves Moselle bridge", lang="en", blocks=blocks)
    picked = summarize_article(article, sentences=4).summary.sentences
    assert picked
    for sentence in picked:
        assert "Why the new bridge" not in sentence
        assert not sentence.endswith("?")
        assert "Photo:" not in sentence
        assert "newsletter" not in sentence


def test_redundant_sentences_are_not_both_picked():
    text = (
        "The government announced a new tax on sugary drinks on Monday.\n\n"
        "On Monday the government announced a new tax on sugary drinks.\n\n"
        "Shops will have to raise prices by ten percent within a year.\n\n"
        "Doctors welcomed the decision as a step against obesity in children."
    )
    picked = summarize_text(text, lang="en", sentences=2)
    assert len(picked) == 2
    assert not ("tax on sugary drinks on Monday." in picked[0] and "tax on sugary drinks." in picked[1])


def test_german_summary_works_in_its_own_language():
    text = (SEEDS / "004_6badccb010855abc.txt").read_text(encoding="utf-8")
    title = "Luxemburg kündigt strategische Partnerschaft mit Mistral AI an"
    picked = summarize_text(text, lang="de", title=title)
    assert 3 <= len(picked) <= 5
    assert any("Partnerschaft mit Mistral AI" in sentence for sentence in picked)
    assert all(sentence in text for sentence in picked)
    # the paywall offer and the photo caption of the raw page are never summary material
    assert not any("0,99 €" in sentence or "Foto:" in sentence for sentence in picked)


def test_length_adapts_to_the_article():
    assert default_length(1) == 1
    assert default_length(6) <= 3
    assert default_length(60) == 5
    short = "The museum reopened on Friday after a two-year renovation. Visitors queued for hours."
    assert len(summarize_text(short, lang="en")) <= 2


def test_a_text_too_short_for_the_rules_still_gets_its_sentence():
    assert summarize_text("Markets rallied.", lang="en") == ["Markets rallied."]
    assert summarize_text("", lang="en") == []


def test_same_input_same_summary():
    text = FACTORY.read_text(encoding="utf-8")
    assert summarize_text(text, lang="en") == summarize_text(text, lang="en")


def test_explain_breaks_each_score_down_by_signal():
    article = summarize_article(_article_from_lines(FACTORY, "en"), sentences=2)
    assert len(article.summary.explain) == 2
    for item in article.summary.explain:
        assert item["sentence"] in article.summary.sentences
        assert set(item["signals"]) == {"position", "centrality", "centroid", "length"}
        assert item["score"] == pytest.approx(sum(item["signals"].values()), abs=1e-3)
        assert 0 <= item["measured"]["opening_trust"] <= 1
        assert 0 <= item["measured"]["centroid_share"] <= 1


def _digest(*args, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digest", "summarize", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_cli_prints_one_sentence_per_line():
    result = _digest(str(FACTORY), "--sentences", "2", "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert all(line in " ".join(FACTORY.read_text(encoding="utf-8").split()) for line in lines)


def test_cli_jsonl_answers_each_line_in_order():
    records = [
        {"id": "b", "text": FACTORY.read_text(encoding="utf-8"), "lang": "en", "sentences": 1},
        {"id": "a", "text": "Der Rat hat am Montag eine neue Brücke beschlossen. Sie kostet 40 Millionen Euro.", "lang": "de"},
    ]
    result = _digest("--jsonl", stdin="".join(json.dumps(r) + "\n" for r in records))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["b", "a"]
    assert len(out[0]["sentences"]) == 1
    assert out[1]["sentences"] and all(s in records[1]["text"] for s in out[1]["sentences"])


def test_cli_missing_file_is_one_clear_line():
    result = _digest("no/such/file.txt")
    assert result.returncode == 2
    assert "no/such/file.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_explain_shows_signals():
    result = _digest(str(FACTORY), "--sentences", "1", "--lang", "en", "--explain")
    assert result.returncode == 0, result.stderr
    assert "centrality" in result.stdout and "score" in result.stdout


def test_the_shared_sentence_split_changes_nothing():
    """summarize_article splits once for the summary and the key facts; the result is the
    same as when each part splits the text itself."""
    from digest.analysis.keyfacts import key_figures, key_phrases
    from digest.analysis.summarize import rank_blocks

    blocks = [Block("heading", "Budget"),
              Block("paragraph", "The Luxembourg AI Factory, a €112 million initiative, opens in 2026. "
                                 "It adds more than 2,100 GPU-AI accelerators.\nRoughly €60 million comes "
                                 "from the Luxembourg state."),
              Block("paragraph", "Dr. Smith said the AI Factory will serve 7,000 researchers. Is it enough?")]
    article = Article(source="x", id="x", lang="en", title="AI Factory", blocks=blocks)
    candidates, picked, _ = rank_blocks(blocks, lang="en", title="AI Factory")
    summarize_article(article)
    assert article.summary.sentences == [candidates[i].text for i in picked]
    assert article.summary.key_phrases == key_phrases(article)
    assert article.summary.key_figures == key_figures(article)


# --------------------------------------------------------------------------- repeats of told sentences
# Story linking re-picks a later article's summary when it repeats what an earlier one told.
# The check runs as one matrix product; these tests hold it to the plain pairwise definition.


def _pairwise_repeats(candidates, told, lang):
    """The definition: cosine of term counts above REDUNDANCY with one told sentence,
    or two shared facts (figures, coined names), one pair at a time."""
    import math
    from collections import Counter

    from digest.text.terms import content_terms, sentence_facts
    from digest.analysis.summarize import REDUNDANCY

    def cosine(a, b):
        if not a or not b:
            return 0.0
        dot = sum(count * b[term] for term, count in a.items() if term in b)
        return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))

    told_terms = [Counter(content_terms(s, lang)) for s in told]
    told_facts = [sentence_facts(s) for s in told]
    return [i for i, cand in enumerate(candidates)
            if any(cosine(Counter(cand.terms), t) > REDUNDANCY for t in told_terms)
            or any(len(sentence_facts(cand.text) & f) >= 2 for f in told_facts)]


_TOLD = [
    "The Luxembourg AI Factory, a €112 million initiative, opens in 2026 with 2,100 accelerators.",
    "Die Regierung empfing 7.000 Gäste aus 57 Ländern in der Luxexpo.",
    "Ministers said MeluXina-AI would serve researchers and start-ups.",
    "The the the.",  # no content word at all
]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_repeats_of_told_sentences_match_the_pairwise_definition(lang):
    from digest.analysis.summarize import _candidates, _paragraph_blocks, _repeats

    text = "\n\n".join([
        "The AI Factory in Luxembourg, a €112 million initiative, opens in 2026 with 2,100 accelerators.",
        "The government welcomed 7,000 guests from 57 countries at Luxexpo on Tuesday.",
        "Researchers and start-ups will be served by MeluXina-AI, ministers said on Monday.",
        "The weather in Kirchberg was mild and the trams ran on time all day long.",
        "Hello there, it is what it is and so it goes on and on.",
    ])
    candidates = _candidates(_paragraph_blocks(text), lang)
    assert len(candidates) == 5
    expected = _pairwise_repeats(candidates, _TOLD, lang)
    assert expected  # the test means something: some repeat, some do not
    assert len(expected) < len(candidates)
    assert _repeats(candidates, _TOLD, lang) == expected
    assert _repeats(candidates, _TOLD, lang) == expected  # again, from the cache of told sentences
    assert _repeats(candidates, _TOLD, lang, first=True) == expected[:1]
    assert _repeats(candidates, [], lang) == []
    assert _repeats([], _TOLD, lang) == []


def test_repeats_told_answers_whether_any_sentence_repeats():
    from digest.analysis.summarize import repeats_told

    assert repeats_told(["7.000 Gäste aus 57 Ländern kamen zur Luxexpo."],
                        ["The fair drew 7,000 guests from 57 countries."], "de")
    assert repeats_told(["The weather was mild.",
                         "The Luxembourg AI Factory, a €112 million initiative, opens in 2026."], _TOLD, "en")
    assert not repeats_told(["The weather in Kirchberg was mild and the trams ran on time."], _TOLD, "en")
    assert not repeats_told(["The weather was mild."], [], "en")
    assert not repeats_told(["The weather was mild."], ["The the the."], "en")


# --------------------------------------------------------------------------- French
# A French local-news article (written for these tests): lead with the decision and the cost,
# a photo credit, quotations in « », a newsletter prompt, a question and a "Lire aussi" link.
FRENCH = ROOT / "tests" / "data" / "summarize" / "fr_tramway_nancy.txt"


def _french_article() -> Article:
    paragraphs = [p.strip() for p in FRENCH.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return Article(source="fr", id="fr", lang="fr", title=paragraphs[0],
                   blocks=[Block("paragraph", p) for p in paragraphs[1:]])


def test_french_summary_leads_with_the_decision_and_its_cost():
    article = summarize_article(_french_article(), sentences=3)
    summary = article.summary.sentences
    assert len(summary) == 3
    assert any("148 millions d'euros" in sentence and "tramway" in sentence for sentence in summary)
    text = article.text
    positions = [text.find(sentence) for sentence in summary]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)


@pytest.mark.parametrize("count", [None, 2, 4, 6])
def test_french_summary_skips_credits_prompts_questions_and_links(count):
    summary = summarize_article(_french_article(), sentences=count).summary.sentences
    assert summary
    for sentence in summary:
        assert "Abonnez-vous" not in sentence
        assert "©" not in sentence and not sentence.startswith("Photo")
        assert "Lire aussi" not in sentence
        assert not sentence.endswith("?")


def test_french_quotations_come_out_whole():
    """A quoted sentence keeps both guillemets, whether picked whole or split from a longer quote."""
    from digest.text.sentences import balance_quotes

    summary = summarize_article(_french_article(), sentences=6).summary.sentences
    quoted = [sentence for sentence in summary if "«" in sentence or "»" in sentence]
    assert quoted, "the president's quotation is among the six most telling sentences"
    for sentence in quoted:
        shown = balance_quotes(sentence)
        assert shown.count("«") == shown.count("»")
    assert any("a déclaré le président de la Métropole" in sentence for sentence in quoted)


def test_french_re_pick_avoids_what_another_summary_told():
    first = summarize_article(_french_article(), sentences=2).summary.sentences
    lead = next(sentence for sentence in first if "148 millions" in sentence)
    again = summarize_article(_french_article(), sentences=2, avoid=[lead]).summary.sentences
    assert lead not in again and len(again) == 2


# A news story of short sentences, and one "sentence" that is a photo caption glued to the
# next sentence (no full stop between them): it repeats the story's words, so it is central,
# but it is four times as long as the others.
_GLUED = [
    "The city council approved a new tram line for Nancy on Tuesday.",
    "The tram line will link the station with the university campus.",
    "Work on the tram line starts in spring and ends in 2029.",
    "Tram passengers wait near the station on Tuesday, when the council voted for the tram line "
    "The council approved the new tram line for Nancy after a long debate about the cost of the tram, "
    "the station, the campus and the university, the works in spring and the road works near the shops, "
    "and the tram line will link the station with the campus by 2029 if work starts in spring.",
    "The council said the tram line would cost 300 million euros.",
    "Residents near the campus welcomed the new tram line.",
    "Shops near the station fear two years of road works.",
]


def test_a_glued_caption_far_longer_than_the_article_s_sentences_is_scored_down():
    import dataclasses
    import math

    from digest.analysis.summarize import SETTINGS, rank_blocks

    blocks = [Block("paragraph", " ".join(_GLUED))]
    glued = _GLUED[3]
    unchecked = dataclasses.replace(SETTINGS, long_sentence=math.inf)
    candidates, picked, explain = rank_blocks(blocks, lang="en", sentences=2, settings=unchecked)
    assert glued in [candidates[i].text for i in picked]  # central: without the check it is picked
    assert all(item["signals"]["length"] == 0 for item in explain)
    candidates, picked, explain = rank_blocks(blocks, lang="en", sentences=2)
    assert glued not in [candidates[i].text for i in picked]
    assert all(item["signals"]["length"] == 0 for item in explain)  # the picked ones are of normal length
    # the glued sentence itself: its length signal takes away the share by which it is too long
    _, _, everything = rank_blocks(blocks, lang="en", sentences=len(candidates))
    row = next(item for item in everything if item["sentence"] == glued)
    words = len(glued.split())
    limit = everything[0]["measured"]["length_limit"]
    assert words > limit
    kept = sum(value for name, value in row["signals"].items() if name != "length")
    assert row["signals"]["length"] == pytest.approx(kept * (limit / words - 1), abs=2e-3)
    assert row["score"] == pytest.approx(sum(row["signals"].values()), abs=1e-3)


def test_length_only_ever_takes_away_and_only_beyond_the_limit():
    from digest.analysis.summarize import SETTINGS, rank_blocks

    blocks = _article_from_lines(FACTORY, "en").blocks
    candidates, _, everything = rank_blocks(blocks, lang="en", sentences=1000)
    limit = everything[0]["measured"]["length_limit"]
    mean = sum(c.words for c in candidates) / len(candidates)
    assert limit == pytest.approx(SETTINGS.long_sentence * mean, abs=0.1)
    for item in everything:
        words = candidates[item["position"]].words
        if words > limit:
            assert item["signals"]["length"] < 0
        else:
            assert item["signals"]["length"] == 0


_COMMENTARY = [
    "Everyone remembers the summer when the river ran dry and the boats sat in the mud.",
    "The council now wants to spend 40 million euros on a new harbour wall.",
    "The harbour wall will not bring the water back, and the council knows it.",
    "A harbour without water needs a plan for the river, not a wall.",
    "The council should spend the money on the river upstream first.",
]


def test_the_opening_is_trusted_only_as_much_as_it_says_what_the_title_says():
    from digest.analysis.summarize import ON_TITLE, rank_blocks

    blocks = [Block("paragraph", " ".join(_COMMENTARY))]
    # no title: the opening is trusted as much as it is central
    _, _, untitled = rank_blocks(blocks, lang="en", sentences=5)
    assert untitled[0]["measured"]["opening_on_title"] is None
    assert untitled[0]["measured"]["opening_trust"] > 0
    assert untitled[0]["signals"]["position"] > 0
    # a title the hook shares no word with: no position prior at all
    _, _, hook = rank_blocks(blocks, lang="en", title="Harbour wall plan misses the point", sentences=5)
    assert hook[0]["measured"]["opening_on_title"] == 0
    assert hook[0]["measured"]["opening_trust"] == 0
    assert all(item["signals"]["position"] == 0 for item in hook)
    # a title the opening restates: trusted as when untitled, capped at full overlap
    _, _, lead = rank_blocks(blocks, lang="en", title="When the river ran dry, boats sat in the mud", sentences=5)
    on_title = lead[0]["measured"]["opening_on_title"]
    assert on_title >= ON_TITLE
    assert lead[0]["measured"]["opening_trust"] == untitled[0]["measured"]["opening_trust"]
    # half-way: half the trust
    _, _, half = rank_blocks(blocks, lang="en", title="Summer river plans", sentences=5)
    ratio = half[0]["measured"]["opening_on_title"] / ON_TITLE
    assert 0 < ratio < 1
    assert half[0]["measured"]["opening_trust"] == pytest.approx(untitled[0]["measured"]["opening_trust"] * ratio,
                                                                 abs=2e-4)
