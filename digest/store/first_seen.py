"""The time digest first saw each article, kept in the state store so it never moves.

An article whose own date is not trusted is dated and ordered by this time,
never by the build's: a later build does not make old news new.
"""

from __future__ import annotations

from datetime import datetime

from ..article import Article

FIRST_SEEN_NAMESPACE = "first_seen"


def stamp_first_seen(articles: list[Article], store, now: datetime) -> None:
    """Set ``article.first_seen``: the stored time, or ``now`` for an article never seen before."""
    keys = [a.id or a.stable_id() for a in articles]
    known = store.get_many(FIRST_SEEN_NAMESPACE, keys)
    fresh = {key: now.isoformat() for key in keys if key not in known}
    if fresh:
        store.put_many(FIRST_SEEN_NAMESPACE, fresh)
    for key, article in zip(keys, articles):
        article.first_seen = known.get(key) or fresh[key]
