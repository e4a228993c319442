"""The printed briefing: what a reader finds in the PDF, and what WeasyPrint may not fetch."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from pypdf import PdfReader

from digest.config import BUILTIN_TEMPLATES
from digest.publish.pdf import FetchRefused, check_fetch, render_pdf
from samples import INSTALL_HINT, english_article, sample_briefing


def pdf_pages(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def untranslated_pdf() -> bytes:
    return render_pdf(sample_briefing(translated=False))


@pytest.fixture(scope="module")
def translated_pdf() -> bytes:
    return render_pdf(sample_briefing(translated=True))


def test_cover_has_date_story_count_languages_and_contents_with_page_numbers(untranslated_pdf):
    cover = pdf_pages(untranslated_pdf)[0]
    assert "Luxembourg AI & Tech Briefing" in cover
    assert "Sunday, 22 November 2026".upper() in cover.upper()
    assert "3 stories" in cover and "Sources in English, German" in cover
    assert "Contents" in cover or "CONTENTS" in cover
    # Each entry ends in the page its story starts on (target-counter), filled by leader dots.
    assert re.search(r"Luxembourg AI Factory sets new milestone \.{5,}\s*2\b", cover) or re.search(
        r"Luxembourg AI Factory sets new milestone.*?\.{5,}\s*2\b", cover
    )
    assert re.search(r"Appendix: full texts ?\.{5,} ?\d", cover)


def test_every_page_after_the_cover_has_running_header_and_page_x_of_y(untranslated_pdf):
    pages = pdf_pages(untranslated_pdf)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    for text in pages[1:]:
        assert "Luxembourg AI & Tech Briefing" in text and "22 November 2026" in text


def test_outline_has_one_bookmark_per_story_and_the_appendix(untranslated_pdf):
    outline = PdfReader(io.BytesIO(untranslated_pdf)).outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == [
        "Luxembourg's €112M AI Factory and MeluXina-AI Go Live in Mid-2026",
        "Luxemburg kündigt strategische Partnerschaft mit Mistral AI an",
        "Luxembourg AI Factory sets new milestone",
        "Appendix: full texts",
    ]
    appendix_children = outline[-1]
    assert isinstance(appendix_children, list) and len(appendix_children) == 3


def test_untranslated_story_is_marked_with_install_command(untranslated_pdf):
    text = " ".join(pdf_pages(untranslated_pdf))
    assert "Not translated — shown in German." in text
    assert INSTALL_HINT in text
    assert "Tageblatt · 17 June 2025 · German Full text" in text and "DE Tageblatt" not in text, \
        "the source line names the language once, in words"


def test_translated_story_shows_english_and_original_title_and_model(translated_pdf):
    text = " ".join(pdf_pages(translated_pdf))
    assert "Luxembourg announces strategic partnership with Mistral AI" in text
    assert "Original title: Luxemburg kündigt strategische Partnerschaft mit Mistral AI an" in text
    assert "Translated from German by machine (argos de→en 1.9)" in text
    # The appendix carries the English translation of the full text.
    appendix = " ".join(pdf_pages(translated_pdf)[-2:])
    assert "Humans remain irreplaceable" in appendix


def test_story_pages_carry_summary_key_figures_and_keywords(untranslated_pdf):
    text = " ".join(pdf_pages(untranslated_pdf)[1:])
    assert "Of the €112 million envelope, roughly €60 million comes from the Luxembourg state." in text
    assert "€112 million · 2,100 GPU-AI accelerators · €60 million" in text
    assert "AI Factory · MeluXina-AI · EuroHPC" in text
    assert "Related, not the same story" in text


def test_appendix_has_the_full_cleaned_text_with_typographic_characters(untranslated_pdf):
    pages = pdf_pages(untranslated_pdf)
    start = next(i for i, t in enumerate(pages) if "Appendix: full texts" in t and i > 0)
    appendix = " ".join(pages[start:])
    assert "Half of the system's compute capacity is reserved for Luxembourg national use." in appendix
    assert "What is being built" in appendix
    # German text with quotes and dashes comes through intact (hyphenation may split words).
    flat = appendix.replace("- ", "").replace("-", "")
    assert "„Es war die richtige Entscheidung, nach Luxemburg zu kommen“" in flat
    assert "Künstlichen Intelligenz" in flat


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="pdffonts (poppler-utils) not installed")
def test_fonts_are_embedded(tmp_path, untranslated_pdf):
    path = tmp_path / "briefing.pdf"
    path.write_bytes(untranslated_pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows, listing
    # columns: name type... emb sub uni object ID -> "emb" is the 5th from the end
    assert all(row[-5] == "yes" for row in rows), listing


def test_hostile_title_is_text_not_markup():
    hostile = english_article(title="<h1>Evil</h1> & <script>x()</script>", related=[])
    text = " ".join(pdf_pages(render_pdf(sample_briefing(articles=[hostile]))))
    assert "<h1>Evil</h1> & <script>x()</script>" in text


def test_fetcher_refuses_network_and_files_outside_the_templates(tmp_path):
    check_fetch((BUILTIN_TEMPLATES / "briefing.css").resolve().as_uri(), [BUILTIN_TEMPLATES], set())
    check_fetch("data:image/png;base64,iVBORw0KGgo=", [BUILTIN_TEMPLATES], set())
    with pytest.raises(FetchRefused):
        check_fetch("https://example.org/logo.png", [BUILTIN_TEMPLATES], set())
    with pytest.raises(FetchRefused):
        check_fetch("file:///etc/passwd", [BUILTIN_TEMPLATES], set())
    with pytest.raises(FetchRefused):
        check_fetch((BUILTIN_TEMPLATES / ".." / "pyproject.toml").resolve().as_uri(), [BUILTIN_TEMPLATES], set())


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server API)
        _Counter.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_remote_urls_in_articles_and_templates_cause_no_request(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        _Counter.hits.clear()
        # A user's stylesheet that tries to load things from the network.
        (tmp_path / "briefing.css").write_text(
            (BUILTIN_TEMPLATES / "briefing.css").read_text(encoding="utf-8")
            + f'\n@import url("{base}/import.css");\nbody {{ background: url("{base}/bg.png"); }}\n',
            encoding="utf-8",
        )
        (tmp_path / "briefing.html").write_text(
            (BUILTIN_TEMPLATES / "briefing.html").read_text(encoding="utf-8").replace(
                "</body>", f'<img src="{base}/tracker.png" alt=""></body>'
            ),
            encoding="utf-8",
        )
        article = english_article(image=f"{base}/photo.jpg", related=[])
        data = render_pdf(sample_briefing(articles=[article], templates=[tmp_path, BUILTIN_TEMPLATES]))
    finally:
        server.shutdown()
        server.server_close()
    assert data.startswith(b"%PDF")
    assert _Counter.hits == []


def test_local_article_image_is_embedded(tmp_path):
    # A picture saved next to the article: allowed, though outside the template folders.
    png = tmp_path / "photo.png"
    from PIL import Image  # WeasyPrint's own dependency

    Image.new("RGB", (40, 20), (20, 54, 93)).save(png)
    article = english_article(image=str(png), related=[])
    data = render_pdf(sample_briefing(articles=[article]))
    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data
    plain = render_pdf(sample_briefing(articles=[english_article(related=[])]))
    assert b"/Subtype /Image" not in plain and b"/Subtype/Image" not in plain


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) not installed")
def test_cover_renders_to_an_a4_picture_with_ink_on_it(tmp_path, untranslated_pdf):
    from PIL import Image

    (tmp_path / "briefing.pdf").write_bytes(untranslated_pdf)
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-png", "-singlefile",
                    str(tmp_path / "briefing.pdf"), str(tmp_path / "cover")], check=True, timeout=60)
    picture = Image.open(tmp_path / "cover.png").convert("RGB")
    width, height = picture.size
    assert abs(height / width - 297 / 210) < 0.02
    # The title rule and heading are dark blue ink, not a blank page.
    assert (20, 54, 93) in {colour for _, colour in picture.getcolors(maxcolors=width * height)}


def test_pdf_is_tagged_with_its_language_and_title_for_screen_readers(translated_pdf):
    import pikepdf

    with pikepdf.open(io.BytesIO(translated_pdf)) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == "Luxembourg AI & Tech Briefing — 22 November 2026"
        # The structure a reader follows: headings and paragraphs under the document.
        kinds = set()
        waiting = [root.StructTreeRoot]
        while waiting:
            node = waiting.pop()
            if isinstance(node, pikepdf.Dictionary) and "/S" in node:
                kinds.add(str(node.S))
            kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
            if isinstance(kids, pikepdf.Array):
                waiting.extend(kids)
            elif isinstance(kids, pikepdf.Dictionary):
                waiting.append(kids)
        assert {"/H1", "/H2", "/P"} <= kinds, kinds
        assert "pdfuaid" in str(pdf.open_metadata())


def test_in_brief_a_stand_in_headline_is_followed_by_the_next_sentence_not_the_one_it_repeats():
    from digest.article import Summary
    from digest.publish.pdf import one_line

    first = "The council voted on Monday to keep the swimming baths open, against the advice of its own auditors."
    untitled = english_article(title="", summary=Summary(sentences=[first, "The pool will get new cubicles."]))
    assert untitled.display_title == "The council voted on Monday to keep the swimming baths open…"
    assert one_line(untitled) == "The pool will get new cubicles."
    assert one_line(english_article(summary=Summary(sentences=[first]))).startswith("The council voted")
