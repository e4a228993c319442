"""``digest translate`` and ``digest models {list,install}``: offline translation on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    translate = subparsers.add_parser(
        "translate",
        help="translate a text file offline with an installed Argos model",
        description="Translate FILE (or standard input) sentence by sentence with an installed Argos "
        "Translate model, keeping paragraphs, and print the result. Nothing touches the network. "
        "Exit status: 0 translated, 1 no usable model for the pair, 2 usage error.",
    )
    translate.add_argument("file", nargs="?", default="-", metavar="FILE", help="text file, or - for standard input (default)")
    translate.add_argument("--from", dest="from_code", metavar="LANG",
                           help="language of the text, e.g. de (default: detected)")
    translate.add_argument("--to", dest="to_code", default="en", metavar="LANG", help="target language (default: en)")
    translate.set_defaults(func=run)

    models = subparsers.add_parser(
        "models",
        help="list or install translation models",
        description="Manage Argos Translate model packages. They live in argostranslate's packages folder: "
        "$ARGOS_PACKAGES_DIR when set, else ~/.local/share/argos-translate/packages.",
    )
    actions = models.add_subparsers(dest="models_command", metavar="ACTION")
    listing = actions.add_parser(
        "list", help="show installed models, and which ones a corpus needs",
        description="Show installed language pairs (code, names, version, size, folder). With PATHs, also "
        "detect the languages of those articles and say which pairs they need and whether each is installed.",
    )
    listing.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders to check")
    listing.set_defaults(func=run_list)
    install = actions.add_parser(
        "install", help="install a model from the Argos index, or from a .argosmodel file",
        description="Install the model for a language pair, e.g. `digest models install de en` (downloads "
        "from the Argos package index: needs a network), or `digest models install --file PATH.argosmodel` "
        "(no network: for air-gapped machines). A failed download or a corrupt file changes nothing. "
        "Exit status: 0 installed, 1 failed, 2 usage error.",
    )
    install.add_argument("pair", nargs="*", metavar="LANG", help="source and target language codes, e.g. de en")
    install.add_argument("--file", type=Path, metavar="PATH", help="install this .argosmodel file instead")
    install.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                         help="give up on a download that stalls this long (default 30)")
    install.set_defaults(func=run_install)
    models.set_defaults(func=lambda args: (models.print_help(), EXIT_USAGE)[1])


def _error(message: str) -> None:
    print(f"digest: error: {message}", file=sys.stderr)


def _read_text(name: str) -> str:
    from ..ingest.load import DecodeError, decode_bytes, normalise_text

    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise ValueError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        raise ValueError(f"{name}: {exc}") from None
    return normalise_text(text)


def run(args: argparse.Namespace) -> int:
    from ..translation.models import ModelError
    from ..translation.translate import translate_text

    source = "standard input" if args.file == "-" else args.file
    try:
        text = _read_text(args.file)
    except ValueError as exc:
        _error(str(exc))
        return EXIT_USAGE
    if not text.strip():
        _error(f"{source}: no text to translate")
        return EXIT_USAGE
    from_code = args.from_code
    if not from_code:
        from ..text.language import detect_lang

        from_code, _confidence = detect_lang(text)
        if not from_code:
            _error(f"{source}: too little text to detect its language; give --from LANG")
            return EXIT_USAGE
    try:
        print(translate_text(text, from_code, args.to_code))
    except ModelError as exc:
        _error(f"{source}: {exc}")
        return EXIT_FAILED
    return EXIT_OK


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def run_list(args: argparse.Namespace) -> int:
    from ..text.language import language_name
    from ..translation.models import install_hint, installed_pairs, packages_dir

    problems: list[str] = []
    models = installed_pairs(problems)
    folder = packages_dir()
    if models:
        print(f"Installed translation models ({folder}):")
        for m in models:
            print(f"  {m.from_code}→{m.to_code}  {m.from_name} → {m.to_name}  version {m.version}  "
                  f"{_size(m.size_bytes)}  {m.path}")
    else:
        print(f"No translation models installed (looked in {folder}; set ARGOS_PACKAGES_DIR to use another folder).")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not args.paths:
        return EXIT_OK

    from ..text.language import detect_lang
    from ..ingest.load import LoadProblem, load_paths

    counts: dict[str, int] = {}
    skipped = 0
    for item in load_paths(args.paths):
        if isinstance(item, LoadProblem):
            print(f"skipped: {item}", file=sys.stderr)
            skipped += 1
            continue
        code, _confidence = detect_lang(item.raw)
        counts[code or "und"] = counts.get(code or "und", 0) + 1
    total = sum(counts.values())
    summary = ", ".join(f"{code} {n}" for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    print(f"Languages in {total} article(s): {summary or 'none'}")
    installed = {(m.from_code, m.to_code): m for m in models}
    for code, n in sorted(counts.items()):
        if code in ("en", "und"):
            continue
        model = installed.get((code, "en"))
        state = f"installed ({model.name})" if model else f"missing: run {install_hint(code, 'en')}"
        print(f"  {code}→en  {language_name(code)} → English  needed by {n} article(s)  {state}")
    if total and all(code in ("en", "und") for code in counts):
        print("  no translation needed: every article is in English")
    return EXIT_FAILED if skipped else EXIT_OK


def run_install(args: argparse.Namespace) -> int:
    from ..translation.models import ModelError, install_file, install_from_index

    if args.file and args.pair:
        _error("give either a language pair or --file, not both")
        return EXIT_USAGE
    if not args.file and len(args.pair) != 2:
        _error("give a language pair (e.g. digest models install de en) or --file PATH.argosmodel")
        return EXIT_USAGE
    try:
        if args.file:
            model = install_file(args.file)
        else:
            model = install_from_index(args.pair[0], args.pair[1], timeout=args.timeout)
    except ModelError as exc:
        _error(str(exc))
        return EXIT_FAILED
    print(f"Installed {model.name} ({model.from_name} → {model.to_name}) in {model.path}")
    return EXIT_OK
