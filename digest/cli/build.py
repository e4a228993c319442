"""``digest build``: the whole pipeline on files or folders, and its terminal report."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the feed, email and PDF briefing from article files",
        description="Clean, translate (offline), summarise and publish every .txt/.md/.html article "
        "under PATH (default: inputs in digest.toml, else ./seeds). Outputs: feed.xml, atom.xml, digest.html, digest.txt, "
        "digest.eml, briefing.pdf, digest.json, and the web edition in site/. Exit status: 0 all good, 1 some articles skipped, "
        "2 usage or configuration error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: inputs in digest.toml, else ./seeds)")
    parser.add_argument("--out", type=Path, help="output folder (default: build/)")
    parser.add_argument("--config", type=Path, help="settings file (default: ./digest.toml when present)")
    parser.add_argument("--title", help="briefing title")
    parser.add_argument("--base-url", help="public URL of the web edition (OUT/site/): feed items and email stories link its story pages there")
    parser.add_argument("--from", dest="email_from", metavar="ADDR", help="email From address")
    parser.add_argument("--to", dest="email_to", metavar="ADDR", help="email To address")
    parser.add_argument("--list-unsubscribe", metavar="URL",
                        help="mailto: or https: URL for the email's List-Unsubscribe header")
    parser.add_argument("--templates", type=Path, metavar="DIR",
                        help="your own templates (same names as in templates/); missing ones fall back to the built-in set")
    parser.add_argument("--feed-limit", type=int, metavar="N", help="items kept in the feed history (default 50)")
    parser.add_argument("--email-stories", type=int, metavar="N",
                        help="stories in the email (default 100; 0 for all); the rest are counted")
    parser.add_argument("--pdf-full-stories", type=int, metavar="N",
                        help="stories shown in full in the PDF (default 30; 0 for all)")
    parser.add_argument("--pdf-brief-stories", type=int, metavar="N",
                        help="further stories listed in one line each in the PDF (default 300; 0 for all)")
    parser.add_argument("--state", type=Path, metavar="FILE", help="state store (default: OUT/state.sqlite)")
    parser.add_argument("--max-file-size", type=float, metavar="MB", help="skip input files larger than this (default 20)")
    parser.add_argument("--max-line-length", type=int, metavar="CHARS",
                        help="skip .txt/.md files with a longer line (default 100000; 0 for no limit)")
    parser.add_argument("--require-translation", action="store_true", default=None,
                        help="fail (exit 2) when a non-English article cannot be translated")
    parser.add_argument("--full-text", action="store_true", default=None,
                        help="also translate the full body (PDF appendix and digest.json)")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="run the per-article stages in N processes (default 1)")
    parser.add_argument("--dask", nargs="?", const="", metavar="ADDRESS",
                        help="run the per-article stages and translation on the Dask scheduler at ADDRESS "
                        "(e.g. tcp://10.0.0.5:8786), or, with no ADDRESS, on a local cluster of --jobs "
                        "worker processes (default: one per core); needs pip install 'digest[dask]'")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no report")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..config import ConfigError, load_config
    from ..publish.outputs import OutputLocked
    from ..pipeline import NothingPublished, build

    try:
        settings = load_config(args.config)
        overrides = {
            "out": args.out, "title": args.title, "base_url": args.base_url, "email_from": args.email_from,
            "email_to": args.email_to, "list_unsubscribe": args.list_unsubscribe, "templates": args.templates, "feed_limit": args.feed_limit,
            "state": args.state, "jobs": args.jobs, "dask": args.dask,
            "email_stories": args.email_stories, "pdf_full_stories": args.pdf_full_stories, "pdf_brief_stories": args.pdf_brief_stories, "require_translation": args.require_translation, "full_text": args.full_text,
        }
        for key, value in overrides.items():
            if value is not None:
                setattr(settings, key, value)
        if args.paths:
            settings.inputs = [Path(p) for p in args.paths]
        if args.max_line_length is not None:
            settings.max_line_chars = args.max_line_length
        if args.max_file_size is not None:
            settings.max_file_bytes = int(args.max_file_size * 1024 * 1024)
        if min(settings.email_stories, settings.pdf_full_stories, settings.pdf_brief_stories) < 0:
            raise ConfigError("--email-stories, --pdf-full-stories and --pdf-brief-stories must be 0 or more")
        if args.dask and Path(args.dask).exists():
            raise ConfigError(f"--dask {args.dask}: that is a file or folder, not a scheduler address; "
                              "write the PATHs before --dask, or --dask=ADDRESS")
        if settings.jobs < 1 or settings.feed_limit < 1:
            raise ConfigError("--jobs and --feed-limit must be at least 1")
        if settings.base_url and not re.match(r"^https?://[^\s<>\"']+$", settings.base_url, re.I):
            raise ConfigError(f"--base-url must be an http(s) URL, not {settings.base_url!r}")
        if settings.templates and not settings.templates.is_dir():
            raise ConfigError(f"{settings.templates}: templates folder not found")
        settings.quiet = args.quiet
        report = build(settings, progress=progress_bar(args.quiet))
    except NothingPublished as exc:
        for problem in exc.report.problems:
            print(f"skipped: {problem}", file=sys.stderr)
        print(f"digest: error: {exc}", file=sys.stderr)
        return 2
    except (ConfigError, OutputLocked) as exc:
        print(f"digest: error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(format_report(report, settings))
        if not (settings.email_from and settings.email_to):
            print("note: digest.eml has placeholder addresses (example.invalid): set email_from and email_to "
                  "in digest.toml, or --from/--to; digest send refuses it until then")
    else:
        for problem in report.problems:
            print(f"skipped: {problem}", file=sys.stderr)
    return report.exit_status


REPORT_NAMES = 5  # files a report line names before it says "and N more"


def _some(names: list[str]) -> str:
    """The first few names and how many more: a folder of 10,000 files makes no 10,000-name line."""
    more = len(names) - REPORT_NAMES
    return ", ".join(names[:REPORT_NAMES]) + (f" and {more} more" if more > 0 else "")


def _grouped(warnings: list[str]) -> list[str]:
    """Warnings ("FILE: message"), with one line for a message that several files share
    ("not translated: no German→English model installed; run: …"), naming the first few files,
    in the order each message first came."""
    files: dict[str, list[tuple[str, str]]] = {}  # message -> (file, the message as the file had it)
    for warning in warnings:
        source, colon, message = warning.partition(": ")
        if not colon:
            files.setdefault(warning, []).append(("", warning))
            continue
        copy = _SAME_ARTICLE.fullmatch(message)  # each names its own earlier file: one line for all
        key = "same article as a file read before; published once" if copy else message
        files.setdefault(key, []).append((source, message))
    lines = []
    for message, found in files.items():
        if len(found) < 3 or not all(source for source, _ in found):
            lines.extend(f"{source}: {own}" if source else own for source, own in found)
            continue
        names = []
        for source, own in found:
            copy = _SAME_ARTICLE.fullmatch(own)
            names.append(Path(source).name + (f" (= {Path(copy.group(1)).name})" if copy else ""))
        lines.append(f"{message} ({len(found)} files: {_some(names)})")
    return lines


_SAME_ARTICLE = re.compile(r"same article as (.+); published once")


def format_report(report, settings) -> str:
    """The short terminal report: what was read, translated, skipped, and where it went."""
    lines = []
    languages: dict[str, int] = {}
    for article in report.articles:
        languages[article.lang or "?"] = languages.get(article.lang or "?", 0) + 1
    langs = ", ".join(f"{code} {count}" for code, count in sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
    lines.append(f"Read {report.files} file(s): {len(report.articles)} article(s) published ({langs}), "
                 f"{len(report.problems)} skipped.")
    translated = [a for a in report.articles if a.translation and a.translation.status == "translated"]
    missing = [a for a in report.articles if a.translation and a.translation.status == "not-translated"]
    if translated:
        lines.append(f"Translated {len(translated)} article(s): " +
                     _some([f"{Path(a.source).name} ({a.translation.model})" for a in translated]))
    if missing:  # the warnings below name the files, with the reason and the command that installs a model
        by_language: dict[str, int] = {}
        for article in missing:
            by_language[article.lang or "?"] = by_language.get(article.lang or "?", 0) + 1
        lines.append(f"Not translated {len(missing)} article(s) (" +
                     ", ".join(f"{code} {count}" for code, count in sorted(by_language.items())) +
                     "): see the warnings for why.")
    if not translated and not missing:
        lines.append("Nothing needed translation.")
    for problem in report.problems:
        lines.append(f"skipped: {problem}")
    lines.extend(f"warning: {warning}" for warning in _grouped(report.warnings))
    out = Path(settings.out)
    top = [p.name for p in report.outputs if Path(p).parent == out]
    site = [p for p in report.outputs if Path(p).parent != out]
    lines.append(f"Outputs in {out}/: " + " ".join(top))
    if site:  # the web edition: only pages whose content changed are written
        lines.append(f"Web edition in {out}/site/: {len(site)} page(s) and feed(s) written or updated")
    if report.cache_hits:
        lines.append(f"Reused {report.cache_hits} unchanged article(s) from the state store.")
    lines.append(f"Took {report.seconds:.1f} s.")
    return "\n".join(lines)


def progress_bar(quiet: bool):
    """A tqdm bar on a terminal; nothing with --quiet or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return lambda items: tqdm(items, desc="articles", unit="file", leave=False)
