"""``digest init [DIR]``: a commented ``digest.toml`` and an empty ``articles/`` folder.

A new user runs it once in the folder where their article dumps will live;
``digest build`` run there then reads ``articles/`` and writes ``build/``.
Nothing that exists is overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

CONFIG = '''\
# digest settings for this folder.
# Command-line options win over this file; `digest build --help` lists them.

# The briefing's title, shown with the date in every output.
title = "News briefing"

# Where the article dumps are (.txt, .md, .html; folders are read recursively).
inputs = ["articles"]

# Where the feed, email and PDF are written; the state store (feed history) lives here too.
out = "build"

# Email addresses for digest.eml; `digest send` refuses to send until both are set.
# email_from = "Briefing <briefing@example.org>"
# email_to = "team@example.org"

# The public URL where the outputs are served (makes feed links absolute).
# base_url = "https://news.example.org/briefing/"

# Items kept in the feed history.
# feed_limit = 50

# Stop the build when a non-English article cannot be translated (no model installed).
# require_translation = false
'''


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "init",
        help="start a new briefing folder: digest.toml and articles/",
        description="Write a commented digest.toml and an empty articles/ folder into DIR "
        "(default: the working folder). Existing files are left alone.",
    )
    parser.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    config = folder / "digest.toml"
    try:
        (folder / "articles").mkdir(parents=True, exist_ok=True)
        if config.exists():
            print(f"{config} exists: left as it is")
        else:
            config.write_text(CONFIG, encoding="utf-8")
            print(f"Wrote {config}")
    except OSError as exc:
        print(f"digest: error: {exc.filename or folder}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    where = "" if folder == Path(".") else f"cd {folder} && "
    print(f"Put article dumps in {folder / 'articles'}/, then: {where}digest build")
    return 0
