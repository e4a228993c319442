"""The one data type that flows through every stage.

An :class:`Article` is created by the loader from one input file and handed,
in turn, to ``clean_article``, ``detect_language``, ``translate_article`` and
``summarize_article``.  Each stage fills in its own fields and returns the same
object, or raises :class:`DropArticle` with a reason so that one bad article
stops only itself (the Scrapy item-pipeline model).  The renderers only read.

Everything here is plain data (dataclasses of str/int/float/list) so that an
article serialises to ``digest.json`` with :meth:`Article.to_dict` and can
cross a process boundary unchanged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, Optional


class DropArticle(Exception):
    """Raised by a stage when an article cannot go on; the message is the reason."""


# The confidence a recovered publication date needs to be shown as fact; chosen
# out-of-fold on the development pages by ``benchmarks/dates_bench.py --fit`` (with dates.CONF_WEIGHTS)
# (digest/text/dates.py scores the candidates).
DATE_TRUST = 0.71


def shown_date(date: str, evidence=None) -> str:
    """The date a reader is shown as the publication date: a full day whose confidence reaches :data:`DATE_TRUST`.

    A weaker guess stays in the metadata (``date`` and its evidence in
    ``digest.json``) but is not passed off as fact: no month-only date, no
    header or event date that won only for want of anything better.  A date
    with no evidence at all was given by the caller (or HTML metadata) and is kept.
    """
    if len(date or "") != 10:
        return ""
    return date if evidence is None or evidence.confidence >= DATE_TRUST else ""


@dataclass
class Block:
    """One unit of the cleaned body.

    ``kind`` is ``"paragraph"``, ``"heading"``, ``"list_item"`` or ``"quote"``.
    Headings are kept for the reader but are never summary sentences.
    """

    kind: str
    text: str


@dataclass
class Dropped:
    """A line the cleaner removed, with the reason (for ``digest clean --explain``)."""

    text: str
    reason: str
    line: int = 0


@dataclass
class Evidence:
    """Where a metadata value came from and how sure we are of it (0..1)."""

    value: str
    source: str
    confidence: float


@dataclass
class Translation:
    """What the translate stage did for one article.

    ``status`` is ``"original"`` (already in the target language),
    ``"translated"`` or ``"not-translated"`` (no model installed, or it failed:
    ``reason`` says which and ``install_hint`` gives the exact command).
    """

    status: str
    source_lang: str = ""
    target_lang: str = "en"
    model: str = ""
    title: str = ""
    standfirst: str = ""
    summary: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    reason: str = ""
    install_hint: str = ""
    segments: int = 0  # sentences (title, standfirst, summary, body) sent for translation
    cache_hits: int = 0  # of those, how many came from the state store's cache


@dataclass
class Summary:
    """The extractive summary: sentences taken verbatim from the article, in order."""

    sentences: list[str] = field(default_factory=list)
    key_phrases: list[str] = field(default_factory=list)
    key_figures: list[str] = field(default_factory=list)
    method: str = ""
    explain: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class CleanedPage:
    """What the clean stage recovers from one page: what the page says about itself, and its body.

    Both the cleaner's own result (:class:`~digest.text.clean.recover.CleanResult`, what
    ``digest clean`` shows) and the :class:`Article` are one, so ``clean_article``
    copies these fields and nothing else."""

    title: str = ""
    kicker: str = ""
    standfirst: str = ""
    date: str = ""
    publisher: str = ""
    author: str = ""
    section: str = ""
    image: str = ""
    url: str = ""
    lang: str = ""
    blocks: list[Block] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)  # where each value came from

    @property
    def text(self) -> str:
        """The cleaned body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(block.text for block in self.blocks)


@dataclass
class Article(CleanedPage):
    """One article on its way from an input file to the outputs."""

    source: str = field(kw_only=True)
    raw: str = ""
    id: str = ""
    lang_confidence: float = 0.0
    translation: Optional[Translation] = None
    summary: Summary = field(default_factory=Summary)
    related: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    file_time: str = ""  # ISO time the input file was last modified (UTC); relative dates count from it
    first_seen: str = ""  # ISO time digest first saw this story (state store); dates it when its own date is not trusted

    @property
    def trusted_date(self) -> str:
        """The publication date a reader may be shown: a full day whose evidence is confident enough.

        A date set without evidence (by the caller, from HTML metadata) is taken as given.
        """
        return shown_date(self.date, self.evidence.get("date"))

    @property
    def sort_moment(self) -> str:
        """What orders the briefing, newest first: the trusted date, else when digest first saw the story."""
        return self.trusted_date or self.first_seen[:10]

    @property
    def display_title(self) -> str:
        """The title a reader of the English briefing sees: the page's own, else a headline
        taken from the first summary sentence (:func:`~digest.text.sentences.headline_from`),
        in English where a translation exists.  ``title`` itself stays empty."""
        from .text.sentences import headline_from

        if self.translation and self.translation.status == "translated" and self.translation.title:
            return self.translation.title
        if self.title:
            return self.title
        summary = self.display_summary
        return headline_from(summary[0]) if summary else "(untitled)"

    def headline_cut_from(self, sentence: str) -> bool:
        """Whether the headline shown is a stand-in cut from ``sentence``, so a line that
        follows the headline should say something else."""
        from .text.sentences import headline_from

        return not self.title and headline_from(sentence) == self.display_title

    def past_headline(self, sentences: list[str]) -> list[str]:
        """``sentences`` less the first when the headline shown is a stand-in cut from it: the
        line that follows a headline ("Top stories", "In brief") says something else."""
        return sentences[1:] if sentences and self.headline_cut_from(sentences[0]) else sentences

    @property
    def summary_after_headline(self) -> list[str]:
        """The summary shown under the article's headline: :attr:`display_summary`, less its
        first sentence when the headline is a stand-in that is that whole sentence
        ("Am alten Küchentisch mit seinen Kaffeehausstühlen"), which would say it twice; a
        stand-in cut short ("…") leaves the whole sentence to be read below it."""
        summary = self.display_summary
        return summary if self.display_title.endswith("…") else self.past_headline(summary)

    @property
    def display_summary(self) -> list[str]:
        """Summary sentences in English where a translation exists, each a whole quotation
        where the split cut one (see :func:`~digest.sentences.balance_quotes`)."""
        from .text.sentences import balance_quotes

        if self.translation and self.translation.status == "translated" and self.translation.summary:
            return [balance_quotes(sentence) for sentence in self.translation.summary]
        return [balance_quotes(sentence) for sentence in self.summary.sentences]

    def stable_id(self) -> str:
        """An identity that survives rebuilds, other machines and renamed input files.

        The original URL when the page names one; otherwise a hash of the
        title and body after Unicode, case and whitespace normalisation, so the
        same story saved twice (or re-encoded) is one article.
        """
        if self.url:
            basis = "url:" + self.url.strip()
        else:
            basis = "text:" + _normalise_for_id(self.title) + "\n" + _normalise_for_id(self.text)
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        data = _plain(self)
        data.pop("raw")
        data["text"] = self.text
        data["display_title"] = self.display_title
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        """Rebuild an article from :meth:`to_dict` output (the per-article cache uses this)."""
        names = {f.name for f in fields(cls)}
        kwargs = {key: value for key, value in data.items() if key in names}
        kwargs["blocks"] = [_build(Block, b) for b in data.get("blocks", [])]
        kwargs["dropped"] = [_build(Dropped, d) for d in data.get("dropped", [])]
        kwargs["evidence"] = {k: _build(Evidence, v) for k, v in data.get("evidence", {}).items()}
        kwargs["summary"] = _build(Summary, data.get("summary") or {})
        translation = data.get("translation")
        if translation:
            translation = dict(translation)
            translation["body"] = [_build(Block, b) for b in translation.get("body", [])]
            kwargs["translation"] = _build(Translation, translation)
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    """Like :func:`dataclasses.asdict` without its deep copy of every value (2–3× faster).

    The per-article cache serialises every article; asdict was most of that cost.
    """
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _build(kind, data: dict[str, Any]):
    """Construct a dataclass from a dict, ignoring keys an older or newer version wrote."""
    names = {f.name for f in fields(kind)}
    return kind(**{key: value for key, value in data.items() if key in names})


def _normalise_for_id(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\W+", " ", text).strip()
