"""``digest clean``: clean one page dump and show what was kept, recovered and dropped."""

from __future__ import annotations

import sys

HELP = "clean one scraped page (text dump or HTML): print the article, its metadata or what was dropped"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "clean", help=HELP, description=HELP + ". Reads FILE, or standard input when FILE is '-' or absent.")
    parser.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="page dump (.txt/.md) or .html page")
    parser.add_argument("--lang", help="language code (en, de, fr); detected when absent")
    parser.add_argument("--html", action="store_true", help="treat the input as HTML (automatic for .html/.htm files)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print metadata, evidence and body blocks as JSON")
    out.add_argument("--explain", action="store_true", help="list every dropped line with the reason")
    out.add_argument("--jsonl", action="store_true",
                     help='batch mode: read JSON lines {"id", "text", "lang"?} on stdin, write one JSON line per input '
                          '("date" only when trusted; the guess in "date_guess")')
    parser.add_argument("--with-title", action="store_true",
                        help='with --jsonl: "text" starts with the headline and lead, as a reader sees the article')
    parser.set_defaults(func=run)


def run(args) -> int:
    if args.jsonl:
        return _run_jsonl(args)
    try:
        text, name = _read_input(args.file)
    except OSError as exc:
        print(f"digest clean: {args.file}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 2
    from ..text.clean import clean_text

    is_html = args.html or name.lower().endswith((".html", ".htm"))
    result = clean_text(text, args.lang, html=is_html, source="" if name == "-" else name)
    if args.json:
        import json

        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif args.explain:
        _print_explain(result)
    else:
        print(_as_text(result))
    if not result.blocks:
        print(f"digest clean: {name}: no article text left after cleaning", file=sys.stderr)
        return 1
    return 0


def _read_input(path: str) -> tuple[str, str]:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    from ..ingest.load import decode_bytes

    return decode_bytes(data)[0], path


def _as_text(result) -> str:
    """Title first, then the body; headings marked with '## ' as in Markdown."""
    parts = []
    if result.kicker:
        parts.append(f"[{result.kicker}]")
    if result.title:
        parts.append(f"# {result.title}")
    if result.standfirst:
        parts.append(result.standfirst)
    for block in result.blocks:
        if block.kind == "heading":
            parts.append(f"## {block.text}")
        elif block.kind == "list_item":
            parts.append(f"- {block.text}")
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


def _print_explain(result) -> None:
    for field in ("title", "kicker", "standfirst", "date", "publisher", "author", "image", "lang"):
        value = getattr(result, field)
        ev = result.evidence.get(field)
        how = f"  ({ev.source}; confidence {ev.confidence:.2f})" if ev else ""
        if value:
            print(f"{field}: {value}{how}")
    if result.date_candidates:
        from ..article import DATE_TRUST as TRUST, shown_date
        from ..text.dates import explain

        ev = result.evidence.get("date")
        verdict = ("shown as the publication date" if shown_date(result.date, ev) else
                   f"not shown: a full day with confidence >= {TRUST:.2f} is needed")
        print(f"date candidates ({len(result.date_candidates)}; winner {result.date or 'none'}, {verdict}):")
        for line in explain(result.date_candidates, result.date):
            print(line)
    if result.regions:  # why the body is where it is: the competing regions, best first
        print("body regions (score = mass x (1 + bonus if anchored) x (factor if after the end of a marked article)):")
        for i, region in enumerate(result.regions):
            anchors = ", ".join(region["anchors"]) or "no anchors"
            after = "; after an end-of-article marker" if region["after_end_marker"] else ""
            if region.get("continued_to"):
                after += f"; the story goes on below a related-links box, to line {region['continued_to']}"
            print(f"  {'won ' if i == 0 else 'lost'}  lines {region['lines']}: score {region['score']}, "
                  f"mass {region['mass']}; {anchors}{after}")
    print(f"kept: {len(result.blocks)} blocks; dropped: {len(result.dropped)} lines")
    for d in result.dropped:
        text = d.text if len(d.text) <= 100 else d.text[:97] + "..."
        print(f"  line {d.line:>4}  {d.reason}: {text}")


def _run_jsonl(args) -> int:
    """One JSON line in, one out, in order; a bad line costs only itself (its output carries "error")."""
    import json

    from ..text.clean import clean_text

    status = 0
    for number, raw in enumerate(sys.stdin.buffer, 1):
        raw = raw.strip()
        if not raw:
            continue
        ident = None
        try:
            item = json.loads(raw)
            ident = item.get("id", number)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError('"text" must be a string')
            result = clean_text(text, item.get("lang") or args.lang, html=bool(item.get("html")))
            out = result.to_dict()
            out.pop("blocks", None)
            out.pop("dropped", None)
            out.pop("date_candidates", None)
            # "date" is what a reader is shown; a weaker guess stays in "date_guess" with its evidence
            from ..article import shown_date

            out["date_guess"] = result.date
            out["date"] = shown_date(result.date, result.evidence.get("date"))
            out["date_confidence"] = result.evidence["date"].confidence if "date" in result.evidence else 0.0
            out.pop("regions", None)
            out["evidence"] = {k: v["source"] for k, v in out["evidence"].items()}
            if args.with_title:  # the article as a reader sees it: headline, lead, body
                out["text"] = "\n\n".join(p for p in (result.title, result.standfirst, result.text) if p)
            out = {"id": ident, **out}
        except Exception as exc:  # noqa: BLE001 - one bad line must not stop the batch
            if args.debug:
                raise
            status = 1
            out = {"id": ident if ident is not None else number, "error": f"line {number}: {type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return status
