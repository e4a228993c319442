"""The web edition and the email in a real browser: Debian's chromium, headless, driven by Playwright.

Skipped, with the reason, only where no browser can be had (``install.sh``
installs chromium, Playwright and, from npm, axe-core).  Screenshots go to
``$DIGEST_SCREENSHOTS`` when set, for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest

from digest.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
AXE = Path(os.environ.get("DIGEST_AXE_JS", ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM = os.environ.get("DIGEST_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (install.sh installs it)")
if not CHROMIUM:
    pytest.skip("no chromium on PATH (install.sh installs Debian's chromium)", allow_module_level=True)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seeds built into a site, served on 127.0.0.1 as a static host would serve it."""
    out = tmp_path_factory.mktemp("build")
    assert main(["build", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", out
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def open_page(browser, url: str, width: int = 1280, dark: bool = False):
    """A page at ``url`` with every console error and uncaught exception collected in ``page.errors``."""
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme="dark" if dark else "light")
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    response = page.goto(url)
    assert response.ok, url
    return page


def check_internal_links(page) -> int:
    """Every link within the site answers 200 and every #fragment names an element on its page."""
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    base = page.url.split("/site/")[0] + "/site/"
    checked = 0
    for href in hrefs:
        if not href.startswith(base):
            continue
        target, fragment = urldefrag(href)
        response = page.request.get(target)
        assert response.status == 200, f"{page.url}: broken link {href}"
        if fragment and target.endswith(".html"):
            other = page if target == urldefrag(page.url)[0] else None
            if other is not None:
                assert page.locator(f"#{fragment}").count() == 1, f"{page.url}: no #{fragment}"
            else:
                assert f'id="{fragment}"' in response.text(), f"{page.url}: {href} names no element"
        checked += 1
    return checked


def test_index_leads_to_the_first_story_with_no_broken_link_and_no_console_error(site, browser):
    base, out = site
    shots = Path(os.environ.get("DIGEST_SCREENSHOTS") or out / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        index = open_page(browser, base + "site/index.html", width)
        assert index.title().startswith("News briefing") or index.locator("h1").count() == 1
        first = index.locator("ol.stories h2 a").first
        headline = first.inner_text()
        assert check_internal_links(index) >= 5
        index.screenshot(path=str(shots / f"index-{width}.png"), full_page=True)
        # Readable on a phone: nothing wider than the screen.
        assert index.evaluate("document.documentElement.scrollWidth") <= width
        first.click()
        index.wait_for_load_state()
        assert "/site/stories/" in index.url
        assert index.locator("h1").inner_text() == headline
        assert index.get_by_role("heading", name="Sources").count() == 1
        assert check_internal_links(index) >= 5
        assert index.evaluate("document.documentElement.scrollWidth") <= width
        index.screenshot(path=str(shots / f"story-{width}.png"), full_page=True)
        assert index.errors == [], index.errors
        index.close()


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core not found at {AXE} (install.sh installs it from npm)")
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_pages_and_email_have_no_serious_or_critical_accessibility_violation(site, browser, dark):
    base, out = site
    story = sorted((out / "site" / "stories").iterdir())[0].name
    briefing = sorted((out / "site" / "briefings").iterdir())[0].name
    found = {}
    for path in ("site/index.html", f"site/briefings/{briefing}", f"site/stories/{story}", "site/archive.html",
                 "site/search.html",
                 "digest.html"):
        page = open_page(browser, base + path, dark=dark)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                   for v in result["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            found[path] = serious
        assert result["passes"], path
        page.close()
    assert found == {}


def test_search_finds_a_story_by_a_word_of_its_headline_and_leads_to_its_page(site, browser):
    base, out = site
    if not (out / "site" / "pagefind" / "pagefind-ui.js").is_file():
        pytest.skip("pagefind is not installed, so the build wrote no search index (install.sh installs it from npm)")
    shots = Path(os.environ.get("DIGEST_SCREENSHOTS") or out / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    index = open_page(browser, base + "site/index.html")
    first = index.locator("ol.stories h2 a").first
    headline, story_url = first.inner_text(), first.evaluate("a => a.href")
    word = max((w.strip(".,:;!?'\"()") for w in headline.split()), key=len)
    index.get_by_role("link", name="Search").click()
    index.wait_for_load_state()
    assert index.url.endswith("/site/search.html")
    box = index.get_by_role("textbox", name="Find stories with these words")
    box.fill(word)
    results = index.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=10_000)
    found = results.evaluate_all("links => links.map(a => [a.href, a.textContent.trim()])")
    assert [href for href, _title in found].count(story_url) == 1, (word, found)
    assert not index.locator("#no-search").is_visible()
    index.screenshot(path=str(shots / "search-1280.png"), full_page=True)
    index.locator(f".pagefind-ui__result-link[href='{urlparse(story_url).path}']").click()
    index.wait_for_load_state()
    assert index.url == story_url
    assert index.locator("h1").inner_text() == headline
    assert index.errors == [], index.errors
    index.close()


def test_search_page_without_javascript_says_why_and_links_to_the_archive(site, browser):
    base, _out = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "site/search.html")
    fallback = page.locator("#no-search")
    assert fallback.is_visible()
    assert "Pagefind" in fallback.inner_text()
    fallback.get_by_role("link", name="all briefings").click()
    page.wait_for_load_state()
    assert page.url.endswith("/site/archive.html")
    context.close()
