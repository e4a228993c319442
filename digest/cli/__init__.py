"""Command-line entry point: ``digest <command> ...``.

Each command lives in its own module in this package and exposes
``register(subparsers)`` (argument definitions only, no heavy imports) and
sets ``func`` via ``set_defaults(func=run)``; ``run(args) -> int`` imports the
heavy libraries it needs.  That keeps ``digest --help`` fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import __version__

# Order here is the order in ``digest --help``.
COMMAND_MODULES = [
    "digest.cli.build",
    "digest.cli.clean",
    "digest.cli.summarize",
    "digest.cli.translate",
    "digest.cli.send",
    "digest.cli.serve",
    "digest.cli.state",
    "digest.cli.init",
]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Turn a folder of scraped news articles (English, German, French) into a morning "
        "briefing: RSS/Atom feed, HTML+text email and a PDF, all offline.",
    )
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command not written yet must not break the others
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    for command in subparsers.choices.values():  # `digest build ... --debug` works too
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="show full tracebacks on errors")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("digest: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if args.debug:
            raise
        print(f"digest: error: {exc} (run with --debug for details)", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
