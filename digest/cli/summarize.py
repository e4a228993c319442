"""``digest summarize``: extractive summary of one text, or of many as JSON lines."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "summarize",
        help="print the summary sentences of a text (or JSON lines with --jsonl)",
        description="Pick the sentences that best summarise FILE (or standard input with '-' or no FILE) "
        "and print them one per line, verbatim and in their original order. The text is paragraphs "
        "separated by blank lines. Exit status: 0 ok, 1 some inputs failed, 2 usage error.",
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="text file, or '-' for standard input")
    parser.add_argument("--sentences", "-n", type=int, metavar="N",
                        help="number of sentences (default: adapts to the article's length)")
    parser.add_argument("--lang", metavar="CODE", help="language of the text: en, de or fr (default: detected)")
    parser.add_argument("--title", metavar="T", help="the article's title (its words guide the choice)")
    parser.add_argument("--explain", action="store_true",
                        help="show each picked sentence's score broken down by signal")
    parser.add_argument("--jsonl", action="store_true",
                        help='read JSON lines {"id", "text", "lang"?, "title"?, "sentences"?} and write '
                        '{"id", "sentences": [...]} per line, in input order')
    parser.set_defaults(func=run)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def _language(text: str, lang: str | None) -> str:
    if lang:
        return lang
    try:
        from ..text.language import detect_lang

        code, _ = detect_lang(text)
        return code or "en"
    except Exception:  # detection is a convenience here; English rules are a safe default
        return "en"


def _run_jsonl(args: argparse.Namespace) -> int:
    import json

    from ..analysis.summarize import summarize_text

    status = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = str(record["text"])
            count = record.get("sentences", args.sentences)
            sentences = summarize_text(
                text,
                lang=_language(text, record.get("lang") or args.lang),
                title=record.get("title") or args.title,
                sentences=int(count) if count not in (None, "") else None,
            )
            out = {"id": record.get("id"), "sentences": sentences}
        except (ValueError, KeyError, TypeError) as exc:
            print(f"digest summarize: stdin line {number}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            status = 1
            continue
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return status


def run(args: argparse.Namespace) -> int:
    if args.sentences is not None and args.sentences < 0:
        print("digest summarize: --sentences must be 0 or more", file=sys.stderr)
        return 2
    if args.jsonl:
        return _run_jsonl(args)
    from ..analysis.summarize import _paragraph_blocks, rank_blocks

    try:
        text = _read(args.file)
    except OSError as exc:
        print(f"digest summarize: {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    lang = _language(text, args.lang)
    candidates, picked, explain = rank_blocks(
        _paragraph_blocks(text), lang=lang, title=args.title, sentences=args.sentences
    )
    if args.explain:
        if explain:
            measured = explain[0]["measured"]
            on_title = measured.get("opening_on_title")
            print(f"measured in this article: opening trusted {measured['opening_trust']:.2f}"
                  + (f" (its words overlap the title's {on_title:.2f})" if on_title is not None else "") + ", "
                  f"centroid share {measured['centroid_share']:.2f} (graph {1 - measured['centroid_share']:.2f}), "
                  f"selectivity {measured.get('selectivity', 1.0):.2f} (candidates per sentence asked)"
                  + (f", sentences over {measured['length_limit']:.0f} words scored down"
                     if measured.get("length_limit") is not None else ""))
        for item in explain:
            print(f"[{item['position']}] score {item['score']:.3f}: {item['sentence']}")
            total = sum(item["signals"].values()) or 1.0
            parts = ", ".join(f"{name} {value:+.3f} ({value / total:.0%})" for name, value in item["signals"].items())
            print(f"    {parts}")
        return 0
    for index in picked:
        print(" ".join(candidates[index].text.split()))
    return 0
