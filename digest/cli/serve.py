"""``digest serve``: the web edition on http://127.0.0.1:PORT/ for a look before publishing.

The standard library's static file server is enough for one reader on this
machine; it listens on the loopback interface only, so nothing is exposed to
the network.  To publish, copy ``build/site/`` to any static host.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the web edition (build/site/) on 127.0.0.1 for a local look",
        description="Serve the static site of the last build on http://127.0.0.1:PORT/ until Ctrl-C.",
    )
    parser.add_argument("--port", type=int, default=8000, metavar="N", help="port to listen on (default 8000; 0 picks a free one)")
    parser.add_argument("--out", type=Path, help="output folder of the build (default: out in digest.toml, else build/)")
    parser.add_argument("--config", type=Path, help="settings file (default: ./digest.toml when present)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from ..config import load_config
    from ..publish.site import SITE_FOLDER

    out = args.out or load_config(args.config).out
    site = Path(out) / SITE_FOLDER
    if not (site / "index.html").is_file():
        print(f"digest: error: {site}/index.html not found; run digest build first", file=sys.stderr)
        return 2
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        host, port = server.server_address[:2]
        print(f"Serving {site}/ on http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("stopped")
    return 0
