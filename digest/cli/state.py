"""``digest state repair|rebuild-history``: get the feed history back after a fault.

A build refuses a store that is damaged, or that lacks items the published feed
holds, rather than starting the feed again; these are the two ways forward it
names.  Neither deletes anything: ``repair`` keeps the damaged file beside the
new one, ``rebuild-history`` only adds rows.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "state", help="repair the state store, or rebuild its feed history from the published feed",
        description="Recover the feed history after a fault. 'repair' copies what SQLite can still read from "
        "a damaged store into a new one and keeps the damaged file beside it; 'rebuild-history' re-reads the "
        "items of feed.xml (else atom.xml) in --out into the store's history.",
    )
    parser.add_argument("action", choices=["repair", "rebuild-history"])
    parser.add_argument("--out", type=Path, help="output folder of the builds (default: from config, else build/)")
    parser.add_argument("--state", type=Path, metavar="FILE", help="state store (default: OUT/state.sqlite)")
    parser.add_argument("--config", type=Path, help="settings file (default: ./digest.toml when present)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..config import ConfigError, load_config
    from ..publish.outputs import OutputLock, OutputLocked
    from ..store.repair import rebuild_history, repair
    from ..store.state import StateStore

    try:
        settings = load_config(args.config)
        settings.out = args.out or settings.out
        settings.state = args.state or settings.state
        path = settings.state_path
        if args.action == "rebuild-history" and not settings.out.is_dir():
            raise ConfigError(f"{settings.out}: no such output folder")
        # no build may use the store meanwhile
        with OutputLock(settings.out) if settings.out.is_dir() else nullcontext():
            if args.action == "repair":
                kept, counts = repair(path)
                print(f"Repaired {path}: {counts['cache']} cache entries and {counts['feed_items']} feed-history "
                      f"items salvaged; the damaged file is kept as {kept}")
                print(f"Next: digest state rebuild-history --out {settings.out} --state {path} "
                      "adds what the published feed holds and the salvage missed.")
            else:
                with StateStore(path, settings.out) as store:
                    feed, added = rebuild_history(store, settings.out)
                print(f"Rebuilt the feed history of {path} from {feed}: {added} item(s) added.")
    except (ConfigError, OutputLocked) as exc:
        print(f"digest: error: {exc}", file=sys.stderr)
        return 2
    return 0
