"""Stage 2, text: cleaning a page down to its article and recovering its metadata.

Enters: a raw :class:`~digest.article.Article` (the page's text).  Leaves: the
same article with its body blocks, title, kicker, date, publisher, image and
language set, and the lines removed with their reasons.  Also the text helpers
the later stages share: sentence splitting, language detection, words and stems.
"""
