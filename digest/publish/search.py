"""Search across the web edition's archive with Pagefind, when it is installed.

Pagefind (MIT, from the npm registry: ``pagefind@1``, a prebuilt binary per
platform inside the package, so nothing is downloaded at run time) indexes a
folder of HTML once it is written and puts a static index, with its own
JavaScript UI, in ``<site>/pagefind/``.  The browser then loads only files from
that folder: no server, no network.  Only story pages are indexed (their
``<article>`` carries ``data-pagefind-body``), so every result is a story.

It is optional.  Without it the build is the same and ``search.html`` says what
to install and points to the archive; a failed or slow index is a warning,
never a failed build, and the previous index (if any) stays in place.

Where the binary is looked for, first found wins: ``$DIGEST_PAGEFIND`` (a path;
``off`` turns search off), ``pagefind`` on ``PATH``, then what ``install.sh``
installs from npm into ``.venv/node`` (the platform binary itself, else npm's
``.bin/pagefind`` launcher, which needs node).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BUNDLE = "pagefind"  # the index's folder inside the site
UI_SCRIPT = f"{BUNDLE}/pagefind-ui.js"
TIMEOUT_SECONDS = 300
OFF = {"off", "no", "none", "0", "false"}


def _npm_folders() -> list[Path]:
    """Where ``install.sh`` puts npm packages: ``.venv/node`` of the running environment,
    and of the checkout this package was installed from (editable installs)."""
    folders = [Path(sys.prefix) / "node" / "node_modules",
               Path(__file__).resolve().parents[2] / ".venv" / "node" / "node_modules"]
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def find_pagefind() -> Path | None:
    """The Pagefind binary to run, or ``None`` when search is off or it is not installed."""
    chosen = os.environ.get("DIGEST_PAGEFIND")
    if chosen is not None and chosen.strip():
        if chosen.strip().lower() in OFF:
            return None
        found = shutil.which(chosen.strip())
        return Path(found) if found else None
    on_path = shutil.which("pagefind")
    if on_path:
        return Path(on_path)
    for modules in _npm_folders():
        for binary in sorted(modules.glob("@pagefind/*/bin/pagefind*")):
            if binary.is_file() and os.access(binary, os.X_OK) and not binary.name.endswith(".sha256"):
                return binary
        launcher = modules / ".bin" / "pagefind"
        if launcher.exists() and shutil.which("node"):
            return launcher
    return None


def index_site(pagefind: Path, site: Path, warnings: list[str], timeout: float = TIMEOUT_SECONDS) -> bool:
    """Index ``site`` into ``site/pagefind/``; True when the new index is in place.

    The index is built into a temporary folder beside it and swapped in with two
    renames, so a failed, killed or timed-out run leaves the previous index whole.
    Every failure is added to ``warnings``; none is raised.
    """
    site = Path(site)
    final = site / BUNDLE
    fresh = site / f".{BUNDLE}.new"
    stale = site / f".{BUNDLE}.old"
    for leftover in (fresh, stale):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [str(pagefind), "--site", str(site), "--output-path", str(fresh), "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        shutil.rmtree(fresh, ignore_errors=True)
        warnings.append(f"search: pagefind did not finish within {timeout:.0f} s; the previous index (if any) is kept")
        return False
    except OSError as exc:
        warnings.append(f"search: pagefind could not be run ({pagefind}: {exc}); the site has no new search index")
        return False
    if result.returncode != 0 or not (fresh / "pagefind-ui.js").is_file():
        shutil.rmtree(fresh, ignore_errors=True)
        said = " ".join((result.stderr or result.stdout or "").split())[-300:]
        warnings.append(f"search: pagefind failed (exit {result.returncode}{': ' + said if said else ''}); "
                        "the previous index (if any) is kept")
        return False
    try:
        if final.exists():
            os.replace(final, stale)
        os.replace(fresh, final)
    except OSError as exc:
        warnings.append(f"search: the new index could not be put in place ({exc})")
        if stale.exists() and not final.exists():
            os.replace(stale, final)
        return False
    shutil.rmtree(stale, ignore_errors=True)
    return True


def index_if_installed(site: Path, changed: bool, warnings: list[str], timings: dict[str, float]) -> bool:
    """Run Pagefind on the site when it is installed and something changed (or there is no
    index yet); True when an index was written."""
    pagefind = find_pagefind()
    if pagefind is None or not (site / "index.html").is_file():
        return False
    if not changed and (site / UI_SCRIPT).is_file():
        return False
    clock = time.perf_counter()
    done = index_site(pagefind, site, warnings)
    timings["search index"] = time.perf_counter() - clock
    return done


def search_available(site: Path) -> bool:
    """Whether ``search.html`` should load the search UI: Pagefind will index this build, or an
    earlier build left an index."""
    return find_pagefind() is not None or (Path(site) / UI_SCRIPT).is_file()
