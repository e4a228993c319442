"""The state store: what one build leaves for the next.

Per-article results (keyed by the file's bytes and the pipeline version),
translations, story re-picks and the feed history live in one SQLite file, so a
rebuild processes only what changed and the feed never forgets an item.
"""
