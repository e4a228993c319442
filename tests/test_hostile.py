"""Hostile text stays inert, and no stage reaches the network or a file it was not given.

Titles and bodies carry markup, script, ``javascript:`` links, CDATA
terminators, control characters XML forbids, bidi overrides and a
10,000-character word.  In every output they must come out escaped or removed:
no live element or event handler in the HTML, well-formed feeds, a PDF without
script or non-web links, JSON that parses, and links that are only ever
http(s).  The build runs under an audit hook that refuses every network call
and records every file it opens: a ``file:///etc/passwd`` image and a canary
file outside the inputs must never be read.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

import pytest
from lxml import etree, html as lxml_html
from pypdf import PdfReader

from digest.article import Article, Block, Summary, Translation

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "data" / "bad"
SEEDS = ROOT / "seeds"
OUTPUTS = ("feed.xml", "atom.xml", "digest.html", "digest.txt", "digest.eml", "briefing.pdf", "digest.json")

LONG_WORD = "Donaudampfschifffahrt" * 476 + "gesellschaft"  # 10,008 characters, no break
# What the end-to-end build gets: long enough to overflow any line, short enough
# that WeasyPrint's hyphenation of it stays quick (see the xfail below).
LONG_WORD_E2E = "Donaudampfschifffahrt" * 20
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
WEB_SCHEMES = {"http", "https"}
LINK_ATTRIBUTES = ("href", "src", "action", "formaction", "background", "poster", "srcset", "data")
DANGEROUS_ELEMENTS = ("script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form", "meta[@http-equiv]")


# --------------------------------------------------------------------------- checks on outputs
#
# Each check returns a list of problems, "kind: where: what", so that a test can
# assert on one kind (live markup, links, well-formedness) at a time.


def is_web_link(url: str) -> bool:
    """http(s) links, and links inside the same document (#anchor) or message part (cid:), or mailto:."""
    url = url.strip()
    return url.startswith("#") or urlparse(url).scheme.lower() in WEB_SCHEMES | {"cid", "mailto"}


def is_site_link(url: str) -> bool:
    """A web link, or a path relative to where the feed is served (no scheme, no host)."""
    parts = urlparse(url.strip())
    return is_web_link(url) or (not parts.scheme and not parts.netloc and not url.strip().startswith("//"))


def html_problems(markup: str | bytes, where: str) -> list[str]:
    """Live markup (script-like elements, event handlers, javascript:), non-web links, bidi controls."""
    if not markup.strip():
        return []
    problems = []
    document = lxml_html.fromstring(markup)
    for element in DANGEROUS_ELEMENTS:
        for found in document.xpath(f"//{element}"):
            problems.append(f"markup: {where}: live <{found.tag}> element")
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                problems.append(f"markup: {where}: event handler {name}={value[:60]!r} on <{element.tag}>")
            if "javascript:" in value.lower().replace(" ", ""):
                problems.append(f"markup: {where}: javascript: in {name}= on <{element.tag}>")
            if name in LINK_ATTRIBUTES:
                urls = [u.split()[0] for u in value.split(",") if u.strip()] if name == "srcset" else [value]
                problems += [f"link: {where}: <{element.tag} {name}={url[:80]!r}>" for url in urls
                             if not (is_web_link(url) or url.startswith("data:image/"))]
            if name == "style" and re.search(r"url\(\s*['\"]?(?!https?:|data:image/|#)", value, re.I):
                problems.append(f"link: {where}: style {value[:80]!r}")
    text = markup if isinstance(markup, str) else markup.decode("utf-8", "replace")
    if BIDI.search(text):
        problems.append(f"bidi: {where}: a bidi control character")
    return problems


def feed_problems(data: bytes, where: str) -> list[str]:
    try:
        root = etree.fromstring(data)  # strict XML: raises on anything malformed or a forbidden character
    except etree.XMLSyntaxError as exc:
        return [f"xml: {where}: {exc}"]
    problems = []
    atom = "{http://www.w3.org/2005/Atom}"
    for link in root.iter(f"{atom}link"):
        if not is_site_link(link.get("href", "")):
            problems.append(f"link: {where}: atom:link {link.get('href')!r}")
    for element in root.iter("link", "comments", "docs", f"{atom}uri", f"{atom}icon", f"{atom}logo"):
        value = (element.text or "").strip()
        if value and not is_site_link(value):
            problems.append(f"link: {where}: <{etree.QName(element).localname}> {value[:80]!r}")
    for element in root.iter("guid", f"{atom}id"):
        value = (element.text or "").strip()
        if urlparse(value).scheme.lower() not in WEB_SCHEMES | {"urn", "tag"}:
            problems.append(f"link: {where}: id {value[:80]!r}")
    for enclosure in root.iter("enclosure"):
        if not is_web_link(enclosure.get("url", "")):
            problems.append(f"link: {where}: enclosure {enclosure.get('url')!r}")
    for element in root.iter("description", f"{atom}content", f"{atom}summary"):
        problems += html_problems(element.text or "", f"{where} <{etree.QName(element).localname}>")
    if BIDI.search(data.decode("utf-8")):
        problems.append(f"bidi: {where}: a bidi control character")
    return problems


def pdf_problems(path: Path) -> list[str]:
    try:
        reader = PdfReader(path)
        pages = reader.pages
        catalog = reader.trailer["/Root"]
    except Exception as exc:  # noqa: BLE001 - any parse failure is the finding
        return [f"pdf: {path.name}: does not parse: {exc}"]
    problems = []
    for page in pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is None:
                continue
            action = action.get_object()
            if action.get("/S") not in ("/URI", "/GoTo"):
                problems.append(f"markup: PDF action {action.get('/S')}")
            elif action.get("/S") == "/URI" and not is_web_link(str(action["/URI"])):
                problems.append(f"link: PDF link {str(action['/URI'])[:80]!r}")
    if "/OpenAction" in catalog and "/JS" in str(catalog["/OpenAction"]):
        problems.append("markup: PDF OpenAction script")
    if "/JavaScript" in str(catalog.get("/Names", {})):
        problems.append("markup: PDF JavaScript name tree")
    return problems


def json_problems(data: bytes) -> list[str]:
    try:
        payload = json.loads(data)
    except ValueError as exc:
        return [f"json: digest.json: {exc}"]
    problems = []
    for article in payload["articles"]:
        for field in ("url", "image"):
            value = article.get(field) or ""
            if value and not is_web_link(value):
                problems.append(f"link: digest.json {field} {value[:80]!r}")
        if BIDI.search(json.dumps(article, ensure_ascii=False)):
            problems.append("bidi: digest.json: a bidi control character")
    return problems


def output_problems(out: Path) -> list[str]:
    """Everything wrong with the seven outputs in ``out``, as "kind: where: what" lines."""
    contents = {name: (out / name).read_bytes() for name in OUTPUTS}
    problems = html_problems(contents["digest.html"], "digest.html")
    problems += feed_problems(contents["feed.xml"], "feed.xml") + feed_problems(contents["atom.xml"], "atom.xml")
    message = email.message_from_bytes(contents["digest.eml"], policy=email.policy.default)
    problems += [f"mime: digest.eml: {defect!r}" for defect in message.defects]
    if message.get_content_type() != "multipart/alternative":
        problems.append(f"mime: digest.eml is {message.get_content_type()}")
    for part in message.walk():
        if part.get_content_type() == "text/html":
            problems += html_problems(part.get_content(), "digest.eml text/html")
        elif part.get_content_type() == "text/plain" and XML_FORBIDDEN.search(part.get_content()):
            problems.append("control: digest.eml text/plain: a control character")
    for name in ("digest.txt", "digest.html", "digest.json"):
        if XML_FORBIDDEN.search(contents[name].decode("utf-8")):
            problems.append(f"control: {name}: a control character")
    return problems + pdf_problems(out / "briefing.pdf") + json_problems(contents["digest.json"])


def of_kind(problems: list[str], *kinds: str) -> list[str]:
    return [p for p in problems if p.split(":", 1)[0] in kinds]


LIVE = ("markup", "xml", "pdf", "json", "mime", "control", "bidi")


# --------------------------------------------------------------------------- the build, watched


WATCHED_RUN = r'''
import json, os, sys
log = {"opened": [], "network": [], "requests": []}
# (socket.bind is left out: urllib3 binds a socket to ::1 at import to learn whether IPv6 exists)
NETWORK = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
           "socket.sendto"}

def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        log["opened"].append(os.fsdecode(args[0]))
    elif event == "urllib.Request":
        log["requests"].append(str(args[0]))
    elif event in NETWORK:
        log["network"].append(event + " " + repr(args)[:200])
        raise ConnectionRefusedError("tests: no network in a digest build (" + event + ")")

sys.addaudithook(hook)
from digest.cli import main
try:
    status = main(sys.argv[2:])
finally:
    with open(sys.argv[1], "w") as handle:
        json.dump(log, handle)
sys.exit(status)
'''

CANARY_TEXT = "CANARY-7f3a-never-publish-this"


def hostile_corpus(folder: Path, canary: Path) -> None:
    """The two hand-made hostile files, a generated one with what git should not hold, and a good seed."""
    folder.mkdir()
    shutil.copy(SEEDS / "002_b5962e9db26456b4.txt", folder / "good.txt")
    shutil.copy(BAD / "hostile.html", folder / "hostile.html")
    text = (BAD / "hostile.txt").read_text(encoding="utf-8")
    text += f"![secret]({canary.as_uri()})\n![secret2]({canary})\n"
    (folder / "hostile.txt").write_text(text, encoding="utf-8")
    controls = (
        "Control\x01 characters\x0b and \x1b[31m escapes \ufffe in a \u202etitle\u202c today\n"
        "The regulator fined the operator 2.5 million euros on Wednesday\x07 for breaking the rules on data retention.\x0c\n"
        f"Its report quotes the word {LONG_WORD_E2E} as an example of a very long German compound noun.\n"
        "The operator said it would appeal the decision before the administrative court in the coming weeks.\n"
        f'<img src="{canary.as_uri()}"> <link rel="stylesheet" href="{canary.as_uri()}"> '
        "The court is expected to rule on the appeal before the end of next year, a spokesman said.\n"
    )
    (folder / "controls.txt").write_bytes(controls.encode("utf-8"))
    (folder / "markup-title.txt").write_text(
        'Minister calls <b>data</b> centre "the best" & <i>safest</i> in Europe\n'
        "The minister opened the new data centre in Bissen on Monday and praised the 120 engineers who built it.\n"
        "The operator said the building uses waste heat from its servers to warm 400 nearby homes in the village.\n"
        "The next phase will start in the autumn of next year, a spokesperson for the operator said on Monday.\n",
        encoding="utf-8")


@pytest.fixture(scope="module")
def watched_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    canary = outside / "secret.png"
    canary.write_text(CANARY_TEXT, encoding="utf-8")
    hostile_corpus(base / "in", canary)
    log_path = base / "audit.json"
    result = subprocess.run(
        [sys.executable, "-c", WATCHED_RUN, str(log_path), "build", str(base / "in"), "--out", str(base / "out")],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    log = json.loads(log_path.read_text())
    return base, canary, result, log


def test_the_hostile_build_succeeds_without_a_traceback(watched_build):
    base, _canary, result, _log = watched_build
    assert result.returncode in (0, 1), result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    data = json.loads((base / "out" / "digest.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) >= 3  # the good seed and the hostile articles are published


def test_no_stage_makes_a_network_request(watched_build):
    _base, _canary, _result, log = watched_build
    assert log["network"] == []
    assert [url for url in log["requests"] if not url.startswith(("file:", "data:"))] == []


def test_no_file_named_by_an_article_is_read(watched_build):
    _base, canary, _result, log = watched_build
    opened = {str(Path(p).resolve()) for p in log["opened"] if p}
    assert "/etc/passwd" not in opened
    assert str(canary.resolve()) not in opened
    assert not [url for url in log["requests"] if "passwd" in url or canary.name in url]


def test_nothing_from_a_named_file_reaches_an_output(watched_build):
    base, _canary, _result, _log = watched_build
    passwd_line = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
    pdf_text = "\n".join(page.extract_text() or "" for page in PdfReader(base / "out" / "briefing.pdf").pages)
    for name in OUTPUTS:
        data = (base / "out" / name).read_bytes()
        assert CANARY_TEXT.encode() not in data, name
        assert passwd_line.encode() not in data, name
    assert CANARY_TEXT not in pdf_text and passwd_line not in pdf_text


def test_hostile_text_comes_out_escaped_or_removed_and_every_output_parses(watched_build):
    base, _canary, _result, _log = watched_build
    assert of_kind(output_problems(base / "out"), *LIVE) == []
    # every headline reached the reader as text: the markup in it is printed, not obeyed
    squash = lambda text: " ".join(text.split())  # noqa: E731
    visible = squash(lxml_html.fromstring((base / "out" / "digest.html").read_bytes()).text_content())
    feed_titles = {squash(e.findtext("title") or "")
                   for e in etree.fromstring((base / "out" / "feed.xml").read_bytes()).iter("item")}
    data = json.loads((base / "out" / "digest.json").read_text(encoding="utf-8"))
    titles = [squash(a["display_title"]) for a in data["articles"] if a["title"]]
    assert any("<" in t for t in titles), titles  # the corpus must get markup into a headline
    for title in titles:
        assert title in visible and title in feed_titles, title


def test_links_in_the_outputs_of_the_hostile_build_are_only_http(watched_build):
    base, _canary, _result, _log = watched_build
    assert of_kind(output_problems(base / "out"), "link") == []


# --------------------------------------------------------------------------- the renderers, directly


HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<a href=\"javascript:alert(2)\">click</a>",
    "javascript:alert(3)",
    "]]>",
    "<![CDATA[ ]]><evil/>",
    "<style>body{background:url(file:///etc/passwd)}</style>",
    "{{ 7*7 }} {% raw %}",
    "&amp; &lt;b&gt; &#0; &#x1;",
]
CONTROLS = "\x01\x08\x0b\x1b[0m\ufffe\uffff"


def hostile_article(n: int, extra: str = "", word: str = "Donaudampfschifffahrt" * 5, **fields) -> Article:
    bad = " ".join(HOSTILE) + extra
    values = dict(
        source=f"/tmp/hostile-{n}.txt",
        id=f"hostile{n:04d}",
        title=f"Title {n} {bad}",
        kicker=HOSTILE[0] + extra,
        standfirst=f"Standfirst {HOSTILE[1]} {HOSTILE[4]}{extra}",
        date="2025-12-02",
        publisher=HOSTILE[1] + extra,
        author=HOSTILE[2] + extra,
        section=HOSTILE[5],
        image="https://example.org/photo.jpg",
        url=f"https://example.org/news/{n}?a=1&b=<2>",
        lang="en" if n % 2 else "de",
        blocks=[Block("heading", HOSTILE[0]), Block("paragraph", f"A paragraph {bad} {word}."),
                Block("quote", HOSTILE[3] + extra), Block("list_item", word)],
        summary=Summary(sentences=[f"A paragraph {bad} {word}.", HOSTILE[2] + extra],
                        key_phrases=[HOSTILE[1]], key_figures=[HOSTILE[4] + extra]),
        translation=Translation(status="original") if n % 2 else Translation(
            status="not-translated", source_lang="de", reason=HOSTILE[0] + extra, install_hint=HOSTILE[1]),
        related=[f"hostile{(n + 1) % 2:04d}"],
        warnings=[HOSTILE[0]],
    )
    values.update(fields)
    return Article(**values)


def render_everything(briefing, out: Path) -> None:
    """The renderers and writer the build uses, on a briefing made by hand."""
    from digest.publish.feed import render_feed
    from digest.publish.mail import build_message, render_html, render_text
    from digest.publish.pdf import render_pdf
    from digest.publish.digest_json import digest_json

    rss, atom = render_feed(briefing)
    html = render_html(briefing)
    text = render_text(briefing)
    files = {
        "feed.xml": rss, "atom.xml": atom, "digest.html": html, "digest.txt": text,
        "digest.eml": build_message(briefing, html, text).as_bytes(), "briefing.pdf": render_pdf(briefing),
        "digest.json": digest_json(briefing, [], []),
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def make_briefing(articles, **kwargs):
    from digest.briefing import Briefing
    from digest.config import BUILTIN_TEMPLATES

    values = dict(title="Briefing <script>alert('t')</script> ]]>",
                  created=datetime(2025, 12, 3, 7, 0, tzinfo=timezone.utc), articles=articles,
                  base_url="https://example.org/briefing/", email_from="digest@example.org",
                  email_to="team@example.org", templates=[BUILTIN_TEMPLATES])
    values.update(kwargs)
    return Briefing(**values)


def test_renderers_escape_markup_in_every_field(tmp_path, socket_disabled):
    """(socket_disabled, from pytest-socket: any socket use in the renderers fails this test.)"""
    render_everything(make_briefing([hostile_article(1), hostile_article(2)]), tmp_path)
    assert output_problems(tmp_path) == []
    html = (tmp_path / "digest.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html or "&lt;script&gt;alert('x')" in html
    assert "{{ 7*7 }}" in html  # printed, not evaluated: no template injection


def test_renderers_link_only_http_urls_whatever_the_article_says(tmp_path):
    articles = [
        hostile_article(1, url="javascript:alert('url')", image="file:///etc/passwd"),
        hostile_article(2, url="data:text/html,<script>alert(1)</script>", image="javascript:alert('img')"),
        hostile_article(3, url="file:///etc/passwd", image="//evil.example/x.png"),
    ]
    render_everything(make_briefing(articles), tmp_path)
    assert of_kind(output_problems(tmp_path), "link") == []


def test_a_base_url_that_is_not_http_is_a_usage_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "digest", "build", str(SEEDS / "002_b5962e9db26456b4.txt"), "--out",
         str(tmp_path / "out"), "--base-url", "javascript:alert('base')//"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 2, result.stdout
    assert "base" in result.stderr.lower() and "Traceback" not in result.stderr


def test_renderers_drop_characters_xml_forbids(tmp_path):
    render_everything(make_briefing([hostile_article(1, extra=CONTROLS), hostile_article(2, extra=CONTROLS)]),
                      tmp_path)
    assert output_problems(tmp_path) == []


def pdf_words(markup: str) -> list[str]:
    """Runs of text the PDF layout must treat as one word (no space, soft hyphen or zero-width space)."""
    text = " ".join(lxml_html.fromstring(markup).xpath("//body//text()"))
    return re.split(r"[\s\u00ad\u200b]+", text)


def test_a_10000_character_word_reaches_the_pdf_with_break_opportunities(tmp_path):
    from digest.publish.pdf import render_pdf_html

    briefing = make_briefing([hostile_article(1, word=LONG_WORD)])
    longest = max(map(len, pdf_words(render_pdf_html(briefing))))
    assert longest <= 200, f"a {longest}-character word goes to WeasyPrint unbroken"
    render_everything(briefing, tmp_path)  # reached only once words are broken: then it is quick
    assert output_problems(tmp_path) == []
