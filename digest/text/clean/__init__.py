"""Clean a scraped page dump: keep the story, drop the page, recover the metadata.

Extractors such as trafilatura, jusText or Readability judge DOM nodes; a plain
text dump has only lines.  So the cleaner works the way jusText does, on lines
instead of ``<p>`` nodes, and adds what a line-only view needs.  A page goes
through these modules in turn (:func:`_clean_lines` calls them in this order):

1. :mod:`.lines` **repairs** the text (mojibake, spaces, sentences broken at an
   inline link, captions glued to a paragraph: :mod:`digest.text.repair`) and
   **classifies** each line on its own: length, stop-word density in the page's
   language (jusText's stop lists), sentence shape, and the phrase evidence of
   :mod:`.phrases` (paywalls, cookie banners, credits, comments, newsletter and
   share prompts), code residue, image syntax, date and byline lines;
2. :mod:`.context` **judges lines by their neighbours**: repeated lines (menus,
   titles printed twice, duplicated pull quotes), captions under pictures, runs
   of headline-shaped lines (link lists), comment threads, teaser, ad,
   call-to-action, contents and consent boxes;
3. :mod:`.region` **chooses the body** among the maximum-sum runs of line
   scores: mass weighed by an article's anchors above it (headline, byline,
   dateline) and discounted after the comments below a marked article, so long
   prose that is not the story does not win; small blurbs set apart at the
   region's end are cut, short lines just above it taken in, and lists beside
   or inside it that share its words, or that the text announces with a colon,
   kept; a related-links box set into the story does not end it, and a
   furniture heading over prose about something else (consent, legal notice,
   about us) does;
4. :mod:`.recover` **recovers the metadata** around that region (headline,
   kicker, standfirst, author, date, publisher, lead image), with the line
   readers of :mod:`digest.text.metadata` and :mod:`digest.text.dates`.

Each module imports only those before it.  No library cleans plain-text dumps
(all need the DOM), hence the hand-written rules; the weights were set on a
development set of real pages, and the two that are still a choice are chosen
in training folds by ``benchmarks/clean_bench.py``, which reports out-of-fold
figures.  An HTML page is extracted by trafilatura instead (:func:`_clean_html`).

Every dropped line is kept with its reason for ``digest clean --explain``.
"""

from __future__ import annotations

from dataclasses import fields

from ...article import Article, Block, CleanedPage, Dropped, DropArticle
from ..urls import http_url
from .. import dates, metadata as meta
from ..repair import fix_mojibake, normalise_spaces
from .lines import (
    _BULLET,
    classify_line,
    _code_score,
    _LANG_STOPLISTS,
    prepare_lines,
    stopwords,
    _TERMINAL,
)
from .context import (
    LINK_LIST,
    LIST_REACH,
    mark_ad_boxes,
    mark_call_to_action_boxes,
    mark_captions_under_pictures,
    mark_comments,
    mark_consent_dialogs,
    mark_contents,
    mark_link_lists,
    mark_repeats,
    mark_teaser_boxes,
    mark_video_boxes,
    restore_topical_lists,
)
from .region import (
    cut_authors_bio,
    cut_furniture_tail,
    date_stamp,
    extend_region,
    is_heading,
    main_region,
    split_heading_colon,
    start_below_breadcrumb,
    take_announced_list,
    trim_tail,
)
from .recover import (
    CleanResult,
    find_title,
    recover_metadata,
    take_closing_sentence,
    take_closing_turns,
)


LANG_SAMPLE = 4000  # characters of prose-like lines: all 289 development pages right from 3000 on; more only costs time


def _detect(text: str) -> tuple[str, float]:
    """The page's language from its longer lines (menus in another language do not sway it)."""
    from ..language import detect_lang

    code, confidence = detect_lang(text)
    return (code, confidence) if code else ("en", 0.0)


def clean_text(text: str, lang: str | None = None, *, html: bool = False, source: str = "",
               reference=None) -> CleanResult:
    """Clean one page dump (or HTML page with ``html=True``) into metadata and body blocks.

    ``reference`` (an aware datetime: when the file was saved) resolves relative dates
    ("vor 2 Stunden") when the page prints nothing better.
    """
    result = _clean_html(text, lang, source) if html else _clean_lines(text, lang, reference=reference)
    for name in ("url", "image"):  # only web links leave the cleaner (no file:, javascript:, data:, paths)
        if getattr(result, name) and not http_url(getattr(result, name)):
            result.dropped.append(Dropped(getattr(result, name), f"{name} is not an http(s) URL"))
            setattr(result, name, "")
            result.evidence.pop(name, None)
    return result


def _clean_lines(text: str, lang: str | None, from_html: bool = False, reference=None) -> CleanResult:
    """The steps of this module's docstring, in order, on a text dump (or the text trafilatura extracted)."""
    result = CleanResult()
    text = fix_mojibake(text)
    dropped: list[Dropped] = []
    if lang:
        result.evidence["lang"] = meta.evidence(lang, "given by the caller", 1.0)
    else:
        prose = (l for l in text.splitlines() if len(l.split()) >= 8 and _code_score(l) < 0.02)
        sample = "\n".join(prose)[:LANG_SAMPLE] or text[:LANG_SAMPLE]
        lang, confidence = _detect(sample)
        result.evidence["lang"] = meta.evidence(lang, "py3langid on the page's longer lines", confidence)
    result.lang = lang
    # 1-2. repair, and judge each line on its own
    lines, images = prepare_lines(text, lang, dropped)
    stops = stopwords(lang if lang in _LANG_STOPLISTS else "en")
    for line in lines:
        classify_line(line, stops, lang)
    # 3. judge lines by their neighbours, then choose the body and set its bounds
    mark_consent_dialogs(lines)
    mark_captions_under_pictures(lines)
    mark_video_boxes(lines)
    mark_repeats(lines)
    mark_comments(lines)
    mark_link_lists(lines)
    mark_teaser_boxes(lines)
    mark_ad_boxes(lines, stops)
    mark_call_to_action_boxes(lines)
    mark_contents(lines)
    start, end, regions = main_region(lines, stops)
    restored = restore_topical_lists(lines, start, end, stops, LIST_REACH)
    if restored:  # a recipe's ingredients beside its method: search again, and keep them only if taken in
        start, end, regions = main_region(lines, stops)
        for i in restored:
            if not start <= i <= end:
                lines[i].cls, lines[i].reason = "bad", LINK_LIST
    result.regions = [r.describe(lines) for r in regions]
    start = start_below_breadcrumb(lines, start, end)
    end = trim_tail(lines, start, end)
    end = cut_furniture_tail(lines, start, end, stops)
    if end >= start:
        start = extend_region(lines, start)
        end = take_announced_list(lines, start, end)
        end = take_closing_sentence(lines, take_closing_turns(lines, start, end))
    restore_topical_lists(lines, start, end, stops)
    end = cut_authors_bio(lines, start, end)
    # 4. the headline above the body, the body's blocks, and the metadata around them
    title_index = find_title(lines, start, end, result, stops, images)
    if title_index >= start:
        start = title_index + 1
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        if i < start or i > end:
            if i != title_index:
                reason = line.reason or ("before the article text" if i < start else "after the article text")
                dropped.append(Dropped(line.text, reason, line.number))
            continue
        if line.cls == "bad":
            dropped.append(Dropped(line.text, line.reason, line.number))
            continue
        if not blocks and (date_stamp(line) or dates.name_and_date(line.text)):
            # the body opens after its date line, never with it, nor with a byline's name and date
            dropped.append(Dropped(line.text, "date line", line.number))
            continue
        text_ = line.text
        bullet = _BULLET.match(text_)
        if bullet and not text_[0].isdigit():  # numbers of an ordered list are part of the text
            text_ = text_[bullet.end():]
        if is_heading(lines, i, end):
            blocks.append(Block("heading", text_))
            continue
        split = split_heading_colon(text_, stops)
        if split:
            blocks.append(Block("heading", split[0]))
            blocks.append(Block("paragraph", split[1]))
            continue
        blocks.append(Block("list_item" if bullet else "paragraph", text_))
    # a trailing heading has nothing to head
    while blocks and blocks[-1].kind == "heading" and not blocks[-1].text.endswith("?"):
        last = blocks.pop()
        dropped.append(Dropped(last.text, "heading with no text after it", 0))
    result.blocks = blocks
    result.dropped = sorted(dropped, key=lambda d: d.line)
    recover_metadata(result, lines, start, end, title_index, images, lang, from_html, reference)
    return result


_CODE_ELEMENTS = ("script", "style", "noscript", "template")


def _without_code_elements(html_text: str) -> str:
    """The page without ``<script>``, ``<style>``, ``<noscript>`` and ``<template>`` elements, wherever they stand.

    Their content is never text a reader sees; left in, an ``<h1>`` holding a
    ``<script>`` gives a title with the script's code in it (the extractor
    takes the heading's whole text).  The elements' tails (text after them)
    are kept, and so is JSON-LD metadata.
    """
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html_text)
    except (lxml.etree.ParserError, ValueError):
        return html_text
    for element in list(tree.iter(*_CODE_ELEMENTS)):
        if "ld+json" in (element.get("type") or ""):
            continue  # structured metadata (date, author) that the extractor reads, never shown as text
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:  # keep the text that follows the element
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
    return lxml.html.tostring(tree, encoding="unicode")


def _clean_html(html_text: str, lang: str | None, source: str) -> CleanResult:
    """HTML pages: trafilatura finds the main text and metadata in the DOM; our line rules then tidy it."""
    import trafilatura

    html_text = _without_code_elements(html_text)
    doc = trafilatura.bare_extraction(html_text, url=http_url(source) or None, include_comments=False, include_tables=True,
                                      with_metadata=True)
    if doc is None:
        return CleanResult(lang=lang or "")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    body = data.get("text") or ""
    result = _clean_lines(body, lang, from_html=True)
    if len(result.text) < 0.5 * len(body):  # trafilatura already judged the DOM: trust it over line rules
        result = _blocks_from_extracted(body, lang or result.lang)
    for name, key in (("title", "title"), ("date", "date"), ("author", "author"), ("publisher", "sitename"),
                      ("image", "image"), ("url", "url")):
        value = data.get(key) or ""
        if name == "author":
            value = meta.tidy_author(value)
        if value:
            setattr(result, name, value)
            result.evidence[name] = meta.evidence(value, "HTML metadata (trafilatura)", 0.9)
    if data.get("categories"):
        cats = data["categories"]
        result.section = cats[0] if isinstance(cats, list) else str(cats).split(",")[0]
    return result


def _blocks_from_extracted(body: str, lang: str) -> CleanResult:
    result = CleanResult(lang=lang)
    for raw in body.splitlines():
        text = normalise_spaces(raw)
        if not text:
            continue
        bullet = _BULLET.match(text)
        if bullet:
            result.blocks.append(Block("list_item", text[bullet.end():]))
        elif len(text.split()) <= 12 and not _TERMINAL.search(text):
            result.blocks.append(Block("heading", text))
        else:
            result.blocks.append(Block("paragraph", text))
    return result


def clean_article(article: Article) -> Article:
    """The clean stage: fill the article's metadata and body from its raw text."""
    is_html = article.source.lower().endswith((".html", ".htm"))
    reference = None
    if article.file_time:  # "vor 2 Stunden" counts from when the file was saved, when nothing better exists
        import datetime as _dt

        try:
            reference = _dt.datetime.fromisoformat(article.file_time)
        except ValueError:
            reference = None
    result = clean_text(article.raw, article.lang or None, html=is_html, source=article.source, reference=reference)
    if not any(b.kind != "heading" for b in result.blocks):
        raise DropArticle("no article text left after cleaning (the page is all boilerplate)")
    for item in fields(CleanedPage):
        value = getattr(result, item.name)
        if item.name == "evidence":
            article.evidence.update(value)
        elif value:  # what the page does not say leaves what the caller knew (a language, a date)
            setattr(article, item.name, value)
    return article
