"""Stage 3, analysis: summaries, key facts and stories.

Enters: cleaned articles.  Leaves: each article with its extractive summary,
key phrases and key figures; across articles, which ones report the same story
(``related``), with summaries re-picked so no story tells a fact twice.
"""
