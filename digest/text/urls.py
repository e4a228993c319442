"""Which URLs may leave digest as links.

Article metadata comes from scraped pages and files: an image line may say
``file:///etc/passwd``, a page may carry ``javascript:`` links, and an HTML
file's own path is no URL a reader can follow.  Only absolute http(s) URLs
are kept (by the cleaner) and linked (by every renderer).
"""

from __future__ import annotations

import re

_WEB_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.I)


def http_url(url: str) -> str:
    """The URL if it is an absolute http(s) link, else ''."""
    url = (url or "").strip()
    return url if _WEB_URL.match(url) else ""
