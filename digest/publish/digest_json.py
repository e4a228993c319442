"""``digest.json``: everything a build produced, for other programs: one record per article,
then the stories (each naming its articles by id)."""

from __future__ import annotations

import json
import re
from typing import Iterable

from ..briefing import Briefing
from ..text.urls import http_url


def digest_json(briefing: Briefing, skipped: list[dict], warnings: list[str]) -> str:
    """Everything the run produced, for machines: one record per article."""
    return "".join(digest_json_chunks(briefing, skipped, warnings))


def digest_json_chunks(briefing: Briefing, skipped: list[dict], warnings: list[str]) -> Iterable[str]:
    """digest.json piece by piece, one article at a time: at 10,000 articles the
    whole document as one string (and its encoded copy) was the build's peak memory.

    The text is what ``json.dumps(payload, indent=2)`` gives for the whole document.
    """
    head = {"title": briefing.title, "created": briefing.created.isoformat(), "languages": briefing.languages}
    yield "{\n"
    for key, value in head.items():
        yield f"  {_json_value(key, '  ')}: {_json_value(value, '  ')},\n"
    if briefing.articles:
        yield '  "articles": [\n'
        last = len(briefing.articles) - 1
        for index, article in enumerate(briefing.articles):
            record = _json_value(_web_links_only(article.to_dict()), "    ")
            yield f"    {record}{',' if index < last else ''}\n"
        yield "  ],\n"
    else:
        yield '  "articles": [],\n'
    yield f'  "stories": {_json_value([story.to_dict() for story in briefing.stories], "  ")},\n'
    yield f'  "skipped": {_json_value(skipped, "  ")},\n'
    yield f'  "warnings": {_json_value(warnings, "  ")}\n'
    yield "}\n"


def _json_value(value, indent: str) -> str:
    """One JSON value as ``json.dumps(indent=2)`` writes it ``len(indent)`` spaces deep.

    Readable UTF-8, but invisible controls and bidi overrides as \\u escapes: the
    data stays exact and nobody viewing the file is misled by them.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_INVISIBLE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]")


def _web_links_only(record: dict) -> dict:
    """digest.json is read by other programs: only http(s) URLs go in as links."""
    record["url"], record["image"] = http_url(record["url"]), http_url(record["image"])
    return record
