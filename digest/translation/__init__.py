"""Stage 4, translation: non-English articles into English, offline (Argos Translate).

Enters: analysed articles and the installed models.  Leaves: each non-English
article with a :class:`~digest.article.Translation` (title, summary, body) or a
note saying which model to install.  Model installation lives here too.
"""
