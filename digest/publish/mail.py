"""The email: an HTML part that survives Gmail, Outlook and Apple Mail, a
72-column plain-text part saying the same, and the MIME message holding both.

Mail clients ignore ``<style>`` blocks unevenly, so the CSS is inlined at
build time (css-inline); only the dark-mode media query stays in a style tag,
where clients that understand it will find it.  The message itself is built
with the standard library's ``email`` package so headers are encoded
correctly (UTF-8 subjects, umlauts in names) without hand-written MIME.

The Jinja2 environment and the small presentation helpers live here too and
are shared with ``pdf.py``: both read the same templates folder(s).
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from datetime import date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses
from pathlib import Path
from typing import Iterable

from ..article import Article
from ..story import Story, StorySentence
from ..text.display import breakable, fit_words
from ..text.language import language_name
from ..text.urls import http_url
from ..briefing import Briefing
from .pages import site_url, story_path
from ..config import BUILTIN_TEMPLATES, PLACEHOLDER_FROM, PLACEHOLDER_TO, ConfigError

TEXT_WIDTH = 72
# Stories an email shows in full at most; the rest are listed by headline and left to the
# PDF and digest.json.  Mail servers refuse messages over 10–25 MB: a 10,000-article
# email (45 MB) could not be sent at all.
DEFAULT_EMAIL_STORIES = 100
# Gmail clips an HTML part after 102 KB and hides the rest behind a link: the email's
# HTML stays under this many bytes whatever the input (see :func:`fit_email`).
EMAIL_BUDGET = 100_000
TOP_STORIES = 5  # headlines "Top stories" opens the briefing with
LEFT_OUT_HEADLINES = 30  # headlines of the stories that did not fit, listed after them


# --- presentation helpers (pure) -------------------------------------------------


def human_date(value: str) -> str:
    """``2025-06-17`` -> ``17 June 2025``; partial dates keep their precision.

    Scraped dates are often only a month (``2026-06``, from an upload path);
    showing ``1 June 2026`` would claim a day nobody knows.
    """
    value = (value or "").strip()
    if not value:
        return ""
    try:
        if re.fullmatch(r"\d{4}", value):
            return value
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:7]), 1).strftime("%B %Y")
        parsed = datetime.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return value
    if parsed is None:
        return value
    return f"{parsed.day} {parsed:%B %Y}"


def translation_note(article: Article) -> str:
    """The one line every output shows about how the text reached English."""
    tr = article.translation
    if not tr or tr.status == "original":
        return ""
    source = language_name(tr.source_lang or article.lang)
    if tr.status == "translated":
        model = f" ({tr.model})" if tr.model else ""
        return f"Translated from {source} by machine{model}"
    return untranslated_note(article)


def untranslated_note(article: Article) -> str:
    """'Not translated — shown in German. <reason>.' (the install command goes beside it)."""
    tr = article.translation
    note = f"Not translated — shown in {language_name(article.lang or (tr.source_lang if tr else ''))}."
    reason = (tr.reason if tr else "").strip().rstrip(".")
    if reason:
        note += f" {reason[0].upper()}{reason[1:]}."
    return note


def is_translated(article: Article) -> bool:
    return bool(article.translation and article.translation.status == "translated")


def is_untranslated(article: Article) -> bool:
    """Non-English text that reached the briefing in its original language."""
    return bool(article.translation and article.translation.status == "not-translated")


def source_label(article: Article) -> str:
    """Who published it, as a reader would name it."""
    if article.publisher:
        return article.publisher
    if article.url:
        host = re.sub(r"^https?://(www\.)?", "", article.url).split("/")[0]
        if host:
            return host
    return ""


def story_label(article: Article) -> str:
    """How 'also covered by' names another story: its source, else its title."""
    return source_label(article) or article.display_title


def source_line(article: Article, story: Story | None = None) -> str:
    """A story's source as its list names it: 'Étude · 17 June 2025 · German' (for an unknown
    publisher, the title; in the list of ``story``'s own sources, :func:`source_name`)."""
    parts = [source_name(story, article) if story else story_label(article), date_label(article),
             language_name(article.lang)]
    return " · ".join(p for p in parts if p)


def meta_line(article: Article, language: bool = True) -> str:
    """'Étude · Jane Doe · 17 June 2025 · German' with the unknown parts left out (and the
    language too when ``language`` is false: a badge beside the line names it)."""
    parts = [source_label(article), article.author, date_label(article), language_name(article.lang) if language else ""]
    return " · ".join(p for p in parts if p)


def date_label(article: Article) -> str:
    """The trusted publication date, or an honest "date unknown; first seen …".

    A weak guess (a month from an image path, a date with low confidence) is
    named as a guess, never as the publication date.
    """
    if article.trusted_date:
        return human_date(article.trusted_date)
    guess = f" ({human_date(article.date)}?)" if article.date else ""
    seen = f"; first seen {human_date(article.first_seen[:10])}" if article.first_seen else ""
    return f"date unknown{guess}{seen}"


def story_anchor(story: Story) -> str:
    """An HTML id for the story, unique and safe in CSS selectors."""
    return "s-" + re.sub(r"[^A-Za-z0-9_-]", "-", story.id or story.headline)


def first_sentence(story: Story) -> str:
    """The one sentence "Top stories" gives a story: its first summary sentence, or the next
    one when the headline is a stand-in cut from that sentence (a page with no headline)."""
    sentences = story.lead.past_headline([sentence.text for sentence in story.sentences])
    return sentences[0] if sentences else display_standfirst(story.lead)


def source_name(story: Story, article: Article) -> str:
    """How a story's list of sources names one of them: its publisher.  When that is unknown, its
    headline if the story has several sources (the summary's citations name them so), else its
    author, else "publisher unknown": a single source's headline is the story's, printed above."""
    if len(story.sources) > 1:
        return story_label(article)
    return source_label(article) or article.author or "publisher unknown"


def citation(story: Story, sentence: StorySentence) -> str:
    """Who a summary sentence comes from, when the story has more than one source."""
    return story_label(story.source_of(sentence)) if len(story.sources) > 1 else ""


def top_stories(briefing: Briefing) -> list[Story]:
    """The leading stories "Top stories" names: up to :data:`TOP_STORIES`, none for a
    briefing of a single story."""
    return briefing.stories[:TOP_STORIES] if len(briefing.stories) > 1 else []


def body_blocks(article: Article):
    """The full text a reader of the English briefing gets (translation if any)."""
    if is_translated(article) and article.translation.body:
        return article.translation.body
    return article.blocks


def body_lang(article: Article) -> str:
    if is_translated(article):
        return article.translation.target_lang or "en"
    return article.lang or "en"


def display_standfirst(article: Article) -> str:
    if is_translated(article) and article.translation.standfirst:
        return article.translation.standfirst
    return article.standfirst


def anchor(article: Article) -> str:
    """An HTML id for the article, unique and safe in CSS selectors."""
    raw = article.id or hashlib.sha1((article.source + article.title).encode()).hexdigest()[:12]
    return "a-" + re.sub(r"[^A-Za-z0-9_-]", "-", raw)


def headlines(briefing: Briefing, limit: int = 3) -> str:
    """The day's first headlines in one line: the inbox preview text."""
    titles = [story.headline for story in briefing.stories[:limit]]
    more = len(briefing.stories) - len(titles)
    line = " · ".join(titles)
    return line + (f" · and {more} more" if more > 0 else "")


def story_count(n: int) -> str:
    return f"{n} {'story' if n == 1 else 'stories'}"


# C0/C1 controls (tab and newline aside) and bidi overrides: nothing a reader needs,
# and XML, MIME and PDF text extraction all trip over them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def _printable(value):
    """Jinja ``finalize``: every value a template prints loses unprintable characters.

    Markup (a macro's output) is left as it is: its values were cleaned when the
    macro printed them, and a plain ``str`` would be escaped a second time."""
    from markupsafe import Markup

    return _UNPRINTABLE.sub("", value) if isinstance(value, str) and not isinstance(value, Markup) else value


def template_environment(briefing: Briefing):
    """Jinja2 over the user's template folder first, then the built-in one.

    Autoescaping is on for every template except ``.txt`` ones, so article
    text can never become markup in HTML.
    """
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    dirs = [Path(d) for d in briefing.templates] or [BUILTIN_TEMPLATES]
    if BUILTIN_TEMPLATES not in dirs:
        dirs.append(BUILTIN_TEMPLATES)
    env = Environment(
        loader=FileSystemLoader([str(d) for d in dirs]),
        autoescape=select_autoescape(["html", "xml"], disabled_extensions=["txt"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_printable,
    )
    env.filters["http_url"] = http_url
    stories_by_id = {story.id: story for story in briefing.stories}
    env.globals.update(
        language_name=language_name,
        human_date=human_date,
        date_label=date_label,
        translation_note=translation_note,
        is_translated=is_translated,
        is_untranslated=is_untranslated,
        source_label=source_label,
        story_label=story_label,
        source_name=source_name,
        source_line=source_line,
        story_labels=lambda articles: ", ".join(story_label(a) for a in articles),
        meta_line=meta_line,
        untranslated_note=untranslated_note,
        related=lambda story: [stories_by_id[i] for i in story.related if i in stories_by_id],
        story_anchor=story_anchor,
        first_sentence=first_sentence,
        citation=citation,
        body_blocks=body_blocks,
        body_lang=body_lang,
        display_standfirst=display_standfirst,
        anchor=anchor,
        story_count=story_count,
    )
    return env


def render_template(env, name: str, context: dict) -> str:
    """Render one template; a broken (user) template is a one-line config error naming the file."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as exc:
        raise ConfigError(f"template {exc.name} not found in {', '.join(env.loader.searchpath)}") from None
    except TemplateSyntaxError as exc:
        raise ConfigError(f"{exc.filename or name}:{exc.lineno}: template error: {exc.message}") from None
    except TemplateError as exc:
        source = env.get_or_select_template(name).filename or name
        raise ConfigError(f"{source}: template error: {exc}") from None


def template_context(briefing: Briefing) -> dict:
    languages = [language_name(code) for code in briefing.languages]
    return {
        "briefing": briefing,
        "articles": briefing.articles,
        "all_stories": briefing.stories,
        "top": top_stories(briefing),
        "day": f"{briefing.created.day} {briefing.created:%B %Y}",
        "weekday": f"{briefing.created:%A}",
        "languages": languages,
        "preheader": headlines(briefing),
    }


# --- renderers ------------------------------------------------------------------


def email_context(env, briefing: Briefing, stories: int | None) -> dict:
    """Templates get ``articles`` and ``all_stories`` (for counts), ``top``, ``stories``
    (the first ``stories`` shown in full; ``None``: all), ``left_out`` (how many are
    not) and ``unshown`` (the first :data:`LEFT_OUT_HEADLINES` of those, by headline)."""
    shown = briefing.stories if stories is None else briefing.stories[: max(0, stories)]
    shown_ids = {story.id for story in shown}
    env.globals["in_email"] = lambda story: story.id in shown_ids
    # The story's page on the web edition: only with a base URL can a mail client reach it.
    env.globals["story_url"] = lambda story: site_url(briefing.base_url, story_path(story)) if briefing.base_url else ""
    context = template_context(briefing)
    rest = briefing.stories[len(shown):]
    context.update(stories=shown, left_out=len(rest), unshown=rest[:LEFT_OUT_HEADLINES],
                   top=shown[:TOP_STORIES] if len(briefing.stories) > 1 else [])
    return context


def fit_email(briefing: Briefing, stories: int | None = DEFAULT_EMAIL_STORIES,
              budget: int = EMAIL_BUDGET) -> int:
    """How many stories the email shows in full: at most ``stories`` (``None``: all), and
    as many of the most important as keep the HTML within ``budget`` bytes.

    A budget in bytes, not a count, because one story with many sources weighs as
    much as ten short ones.  Found by bisection: a handful of renders of a few ms."""
    most = len(briefing.stories) if stories is None else min(max(0, stories), len(briefing.stories))
    if len(render_html(briefing, most).encode("utf-8")) <= budget:
        return most
    low, high = 0, most  # low fits (an email of headlines only), high does not
    while high - low > 1:
        middle = (low + high) // 2
        if len(render_html(briefing, middle).encode("utf-8")) <= budget:
            low = middle
        else:
            high = middle
    return low


def render_html(briefing: Briefing, stories: int | None = DEFAULT_EMAIL_STORIES) -> str:
    """The HTML email with its CSS inlined (dark-mode rules kept as a media query)."""
    import css_inline

    env = template_environment(briefing)
    printable = env.finalize
    env.finalize = lambda value: breakable(printable(value))
    html = render_template(env, "email.html", email_context(env, briefing, stories))
    inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
    return inliner.inline(html)


def render_text(briefing: Briefing, stories: int | None = DEFAULT_EMAIL_STORIES) -> str:
    """The plain-text part: the same stories, wrapped at 72 columns."""
    env = template_environment(briefing)
    env.filters["wrap"] = wrap
    env.filters["underline"] = lambda s, ch="=": ch * min(len(s), TEXT_WIDTH)
    text = render_template(env, "email.txt", email_context(env, briefing, stories))
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text


def wrap(text: str, indent: str = "", first: str | None = None) -> str:
    """Wrap at 72 columns; only a URL longer than a line is left whole (a cut one no longer opens)."""
    first = indent if first is None else first
    return textwrap.fill(
        fit_words(text or "", TEXT_WIDTH - max(len(indent), len(first))),
        width=TEXT_WIDTH,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def subject(briefing: Briefing) -> str:
    day = f"{briefing.created.day} {briefing.created:%B %Y}"
    title = " ".join(_printable(briefing.title).split())  # a header is one line
    return f"{title} — {day} — {story_count(len(briefing.stories))}"


def message_id(briefing: Briefing) -> str:
    """Same briefing, same id: a rebuilt digest is recognisably the same mail."""
    ids = "\n".join(a.id or a.display_title for a in briefing.articles)
    token = hashlib.sha256(f"{briefing.created.isoformat()}\n{ids}".encode()).hexdigest()[:20]
    domain = _domain(briefing.email_from or PLACEHOLDER_FROM)
    return f"<digest.{briefing.created:%Y%m%d}.{token}@{domain}>"


def _domain(address: str) -> str:
    pairs = getaddresses([address or ""])
    return pairs[0][1].rpartition("@")[2] if pairs and "@" in pairs[0][1] else ""


def _addresses(value: str) -> list[Address]:
    """Parse 'Name <a@b>, c@d' into header objects (names may be non-ASCII)."""
    found = []
    for name, addr in getaddresses([value or ""]):
        if addr:
            found.append(Address(display_name=name, addr_spec=addr))
    return found


def build_message(briefing: Briefing, html: str, text: str) -> EmailMessage:
    """A multipart/alternative message: plain text first, HTML preferred."""
    msg = EmailMessage()
    msg["Subject"] = subject(briefing)
    msg["From"] = _addresses(briefing.email_from) or PLACEHOLDER_FROM
    msg["To"] = _addresses(briefing.email_to) or PLACEHOLDER_TO
    msg["Date"] = format_datetime(briefing.created)
    msg["Message-ID"] = message_id(briefing)
    unsubscribe = getattr(briefing, "list_unsubscribe", "")
    if unsubscribe:
        msg["List-Unsubscribe"] = ", ".join(f"<{u.strip().strip('<>')}>" for u in _split(unsubscribe))
    msg["X-Mailer"] = briefing.generator
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg


def _split(value: str | Iterable[str]) -> list[str]:
    if isinstance(value, str):
        return [v for v in value.split(",") if v.strip()]
    return [v for v in value if v.strip()]
