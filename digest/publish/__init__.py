"""Stage 5, publish: the outputs a reader sees.

Enters: a :class:`~digest.briefing.Briefing` (the ordered articles and the
settings).  Leaves: the RSS and Atom feeds, the HTML email with its text part
and MIME message, the PDF briefing and ``digest.json``, each written to a
staging file and put in place together (:mod:`digest.publish.outputs`).
The Jinja templates are package data in ``templates/``.
"""
