"""The email: HTML part, plain-text part and the MIME message.

The briefing here is built by hand from real paragraphs of the seed articles,
so these tests do not depend on the cleaner or the summariser.
"""

from __future__ import annotations

import email
import email.policy
import re
import shutil
import subprocess

import pytest

from digest.article import Summary
from digest.config import BUILTIN_TEMPLATES, ConfigError
from digest.publish.mail import build_message, human_date, render_html, render_text, subject
from samples import FACTORY_1, FACTORY_3, INSTALL_HINT, MILESTONE_1, english_article, german_article, milestone_article, sample_briefing

def visible_text(html: str) -> str:
    """Roughly what a reader sees: tags out, entities decoded, spaces collapsed."""
    import html as html_lib

    text = re.sub(r"<(style|head)\b.*?</\1>", " ", html, flags=re.S | re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html_lib.unescape(text).split())


# --- HTML email -------------------------------------------------------------------


def test_html_email_shows_every_story_with_source_date_and_summary():
    html = render_html(sample_briefing())
    text = visible_text(html)
    assert "Luxembourg's €112M AI Factory and MeluXina-AI Go Live in Mid-2026" in text
    assert "Luxembourg AI Factory sets new milestone" in text
    assert "Étude" in text and "2 December 2025" in text
    assert FACTORY_1 in text and FACTORY_3 in text
    assert "Key figures: €112 million · 2,100 GPU-AI accelerators · €60 million" in text
    assert 'href="https://etude.example/tech/luxembourg-ai-factory"' in html


def test_a_source_with_no_publisher_is_named_by_its_author_not_by_the_headline_printed_above():
    """A lone source's headline is the story's own; its author (or "publisher unknown") says more."""
    briefing = sample_briefing(articles=[english_article(publisher="", url="", author="Anna Reed"),
                                         english_article(id="other", publisher="", url="", author="",
                                                         title="Another story entirely about ferries")])
    sources = re.findall(r'<p class="source"[^>]*>([^<·]*) ·', render_html(briefing))  # (styles inlined)
    assert [name.strip() for name in sources] == ["Anna Reed", "publisher unknown"]
    text = render_text(briefing)
    assert "   - Anna Reed · date unknown · English" in text and "   - publisher unknown · date unknown" in text


def test_html_email_is_a_600px_table_with_inlined_css_and_nothing_remote():
    html = render_html(sample_briefing())
    assert re.search(r'<table[^>]*class="sheet"[^>]*width="600"', html)
    # css-inline moved the rules onto the elements...
    assert re.search(r'<td class="masthead"[^>]*style="[^"]*background: ?#14365d', html)
    # ...and kept only the dark-mode query as a style block.
    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    assert styles and all("prefers-color-scheme: dark" in s for s in styles)
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert "<img" not in html


def test_hidden_preheader_lists_the_first_headlines():
    html = render_html(sample_briefing())
    pre = re.search(r'<div class="preheader" style="([^"]*)">(.*?)</div>', html, flags=re.S)
    assert pre, "no preheader"
    assert "display: none" in pre.group(1)
    preview = visible_text(pre.group(2))
    assert preview.startswith("Luxembourg's €112M AI Factory and MeluXina-AI Go Live in Mid-2026 · ")
    assert "Luxembourg AI Factory sets new milestone" in preview


def test_untranslated_article_is_marked_with_the_install_command_in_html_and_text():
    briefing = sample_briefing(translated=False)
    html_text = visible_text(render_html(briefing))
    plain = render_text(briefing)
    for out in (html_text, plain):
        assert "Luxemburg kündigt strategische Partnerschaft mit Mistral AI an" in out
        assert re.search(r"not translated", out, flags=re.I)
        assert INSTALL_HINT in out
    assert "DE" in html_text  # the language badge


def test_translated_article_names_the_model_and_keeps_the_original_title():
    briefing = sample_briefing(translated=True)
    for out in (visible_text(render_html(briefing)), " ".join(render_text(briefing).split())):
        assert "Luxembourg announces strategic partnership with Mistral AI" in out
        assert "Original title: Luxemburg kündigt strategische Partnerschaft mit Mistral AI an" in out
        assert "Translated from German by machine (argos de→en 1.9)" in out
        assert INSTALL_HINT not in out


def test_related_stories_link_to_each_other():
    text = visible_text(render_html(sample_briefing()))
    assert "Related, not the same story: Luxembourg's €112M AI Factory" in text  # on the milestone story
    assert "Related, not the same story: " in render_text(sample_briefing())


def test_a_big_briefing_sends_the_first_stories_and_counts_the_rest():
    """Mail servers refuse messages of tens of MB: 10,000 stories cannot all go in one email."""
    german = german_article(False)
    german.related = ["001-milestone"]
    briefing = sample_briefing(articles=[english_article(), german, milestone_article()])
    html = render_html(briefing, stories=2)
    shown = visible_text(html)
    plain = " ".join(render_text(briefing, stories=2).split())
    for out in (shown, plain):
        assert "Luxembourg's €112M AI Factory and MeluXina-AI Go Live in Mid-2026" in out
        assert MILESTONE_1 not in out
        assert "The email has room for the 2 leading of 3 stories. 1 more is in the PDF briefing" in out
        assert "Luxembourg AI Factory sets new milestone" in out  # listed by headline
    assert "3 stories" in subject(briefing)
    # "Related" names a story that is not in the email, without a dead in-page link
    assert "Related, not the same story: Luxembourg AI Factory sets new milestone" in shown
    assert 'href="#s-001-milestone"' not in html
    assert "leading of" not in visible_text(render_html(briefing, stories=None))


def test_hostile_titles_are_escaped_in_html():
    hostile = english_article(
        title='<script>alert("x")</script> & <b>bold</b>',
        kicker="<img src=x onerror=alert(1)>",
        summary=Summary(sentences=["1 < 2 & <i>italics</i> stay text."]),
    )
    html = render_html(sample_briefing(articles=[hostile]))
    assert "<script>" not in html and "<img" not in html and "<i>italics" not in html
    assert "&lt;script&gt;alert(" in html
    assert "1 &lt; 2 &amp; &lt;i&gt;italics&lt;/i&gt; stay text." in html


# --- plain text -----------------------------------------------------------------


def test_plain_text_is_wrapped_at_72_columns_and_says_the_same():
    plain = render_text(sample_briefing())
    long_lines = [line for line in plain.splitlines() if len(line) > 72 and "://" not in line and "argospm" not in line]
    assert long_lines == []
    flat = " ".join(plain.split())
    assert FACTORY_1 in flat and MILESTONE_1 in flat
    assert "https://etude.example/tech/luxembourg-ai-factory" in plain
    assert "3 stories" in plain
    assert "&amp;" not in plain and "&#39;" not in plain  # plain text is not HTML-escaped


def test_human_dates_keep_their_precision():
    assert human_date("2025-06-17") == "17 June 2025"
    assert human_date("2026-06") == "June 2026"
    assert human_date("2025-12-02T09:00:00+01:00") == "2 December 2025"
    assert human_date("") == ""


# --- the message ----------------------------------------------------------------


def test_eml_is_multipart_alternative_with_both_parts_and_headers():
    briefing = sample_briefing()
    msg = build_message(briefing, render_html(briefing), render_text(briefing))
    parsed = email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in parsed.iter_parts()] == ["text/plain", "text/html"]
    assert parsed["Subject"] == "Luxembourg AI & Tech Briefing — 22 November 2026 — 3 stories"
    assert parsed["To"] == "Jürgen Müller <juergen@example.org>"
    assert parsed["From"].addresses[0].addr_spec == "digest@example.org"
    assert parsed["Date"].datetime == briefing.created
    assert re.fullmatch(r"<digest\.20261122\.[0-9a-f]{20}@example\.org>", parsed["Message-ID"])
    plain = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert "MeluXina-AI" in plain and "MeluXina-AI" in html
    # Headers are 7-bit on the wire; the umlaut survives as an encoded word.
    raw_headers = msg.as_bytes().split(b"\n\n", 1)[0]
    assert all(byte < 128 for byte in raw_headers)


def test_subject_counts_one_story_in_the_singular():
    assert subject(sample_briefing(articles=[milestone_article()])).endswith("— 1 story")


def test_message_id_is_the_same_for_the_same_briefing():
    a = build_message(sample_briefing(), "<p>x</p>", "x")
    b = build_message(sample_briefing(), "<p>x</p>", "x")
    other = build_message(sample_briefing(articles=[milestone_article()]), "<p>x</p>", "x")
    assert a["Message-ID"] == b["Message-ID"] != other["Message-ID"]


def test_list_unsubscribe_when_configured():
    briefing = sample_briefing()
    briefing.list_unsubscribe = "mailto:unsubscribe@example.org"
    msg = build_message(briefing, "<p>x</p>", "x")
    assert msg["List-Unsubscribe"] == "<mailto:unsubscribe@example.org>"
    assert "List-Unsubscribe" not in build_message(sample_briefing(), "<p>x</p>", "x")


def test_user_templates_override_the_built_in_ones(tmp_path):
    (tmp_path / "email.txt").write_text("Custom: {{ articles|length }} stories for {{ briefing.title }}\n")
    briefing = sample_briefing(templates=[tmp_path, BUILTIN_TEMPLATES])
    assert render_text(briefing) == "Custom: 3 stories for Luxembourg AI & Tech Briefing\n"
    # email.html is not in the user's folder: the built-in one is used.
    assert "MeluXina-AI" in render_html(briefing)


def test_a_broken_user_template_is_a_config_error_naming_the_file(tmp_path):
    (tmp_path / "email.txt").write_text("{% for a in articles %}no end\n")
    with pytest.raises(ConfigError, match=r"email\.txt:\d+: template error"):
        render_text(sample_briefing(templates=[tmp_path, BUILTIN_TEMPLATES]))
    (tmp_path / "email.txt").write_text("{{ briefing.no_such_setting }}\n")
    with pytest.raises(ConfigError, match=r"email\.txt: template error: .*no_such_setting"):
        render_text(sample_briefing(templates=[tmp_path, BUILTIN_TEMPLATES]))


@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium not installed")
def test_email_renders_in_a_browser_as_a_600px_sheet_with_the_blue_masthead(tmp_path):
    from PIL import Image

    page = tmp_path / "digest.html"
    page.write_text(render_html(sample_briefing()), encoding="utf-8")
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--hide-scrollbars", "--window-size=680,400", f"--screenshot={tmp_path / 'email.png'}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    picture = Image.open(tmp_path / "email.png").convert("RGB")
    row = [picture.getpixel((x, 60)) for x in range(picture.width)]
    blue = [x for x, colour in enumerate(row) if colour == (20, 54, 93)]
    assert blue, "no masthead"
    assert 590 <= blue[-1] - blue[0] + 1 <= 600  # the sheet is 600 px wide, centred
