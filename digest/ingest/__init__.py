"""Stage 1, ingest: finding input files and decoding them.

Enters: paths (files or folders) given by the user.  Leaves: one raw
:class:`~digest.article.Article` per readable file (its decoded text, source
path and file time), or a :class:`~digest.ingest.load.LoadProblem` naming the
file and why it was skipped.
"""
