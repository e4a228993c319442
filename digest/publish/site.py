"""The web edition: a static site in ``<out>/site/`` that only ever grows.

Pages:

* ``stories/<id>.html``: one permanent page per story (see :mod:`.pages` for
  its name), the page every feed item and the email link to;
* ``briefings/YYYY-MM-DD.html``: one permanent page per briefing (a second,
  different briefing the same day gets ``YYYY-MM-DD-2.html``);
* ``index.html``: the latest briefing; ``archive.html``: every briefing;
* ``search.html``: search across every story when Pagefind is installed (see
  :mod:`.search`; its index, ``pagefind/``, is written after the pages), else
  what to install and a link to the archive;
* ``style.css``: the one stylesheet (light and dark, phone and print).

A feed reader keeps links for months, so nothing here deletes or renames a
page: a build writes the pages of its own stories and briefing, and earlier
ones stay as they are.  What the archive needs to know about earlier briefings
is one small record each in the state store, written only once the pages are in
place.  Only pages whose bytes changed are written (atomically, together with
the other outputs), so a publisher's ``rsync`` copies just what is new.

The templates are ``site/*.html`` in the same folders as the email's, rendered
with the email's Jinja environment and helpers.
"""

from __future__ import annotations

import hashlib
import posixpath
from datetime import timezone
from pathlib import Path

from ..briefing import Briefing
from .mail import body_lang, render_template, template_context, template_environment
from .pages import story_path

SITE_FOLDER = "site"
BRIEFINGS_NAMESPACE = "site/briefings"
STYLESHEET = "style.css"


class SiteEdition:
    """This build's pages, and the record of its briefing to keep once they are written."""

    def __init__(self, briefing: Briefing, store, folder: Path, search: bool = False):
        self.briefing = briefing
        self.store = store
        self.folder = Path(folder)
        self.search = search  # search.html loads Pagefind's UI (the index is there or will be)
        self.env = template_environment(briefing)
        self.record = self._record()
        self.env.globals["story_path"] = story_path

    # --- what this briefing is ----------------------------------------------------

    def _record(self) -> dict:
        """This briefing as the archive lists it, under a page name no other briefing has."""
        created = self.briefing.created.astimezone(timezone.utc)
        stories = [{"path": story_path(story), "title": story.headline, "lang": body_lang(story.lead)}
                   for story in self.briefing.stories]
        # Same day, same articles: the same briefing, built again (its page is rewritten).
        fingerprint = hashlib.sha256(" ".join(a.id for a in self.briefing.articles).encode()).hexdigest()[:16]
        day = f"{created:%Y-%m-%d}"
        earlier = self.earlier_briefings()
        taken = {r["page"]: r for r in earlier}
        number = 1
        while True:
            page = f"briefings/{day}{'' if number == 1 else f'-{number}'}.html"
            same = taken.get(page, {}).get("fingerprint") == fingerprint
            if same or (page not in taken and not (self.folder / page).exists()):
                break
            number += 1
        return {
            "page": page,
            "created": created.isoformat(),
            "day": f"{created.day} {created:%B %Y}",
            "weekday": f"{created:%A}",
            "title": self.briefing.title,
            "fingerprint": fingerprint,
            "stories": stories[:5],
            "count": len(stories),
        }

    def earlier_briefings(self) -> list[dict]:
        """Every briefing kept in the store, newest first."""
        records = self.store.values(BRIEFINGS_NAMESPACE) if self.store is not None else []
        return sorted(records, key=lambda r: (r["created"], r["page"]), reverse=True)

    def briefings(self) -> list[dict]:
        """The archive after this build, newest first, each with the label its link shows:
        the day, and the time too where the day had more than one briefing."""
        records = [self.record] + [r for r in self.earlier_briefings() if r["page"] != self.record["page"]]
        per_day: dict[str, int] = {}
        for record in records:
            per_day[record["day"]] = per_day.get(record["day"], 0) + 1
        return [dict(r, label=f"{r['weekday']}, {r['day']}" + (f", {r['created'][11:16]} UTC" if per_day[r["day"]] > 1 else ""))
                for r in records]

    # --- pages -----------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        """Every page this build has something to say on, by site-relative path."""
        pages = {STYLESHEET: render_template(self.env, "site/style.css", {})}
        for story in self.briefing.stories:
            path = story_path(story)
            pages[path] = self._render("site/story.html", path, story=story, lead=story.lead, record=self.record)
        for path in (self.record["page"], "index.html"):
            pages[path] = self._render("site/briefing.html", path, stories=self.briefing.stories, record=self.record,
                                       latest=path == "index.html")
        pages["archive.html"] = self._render("site/archive.html", "archive.html", briefings=self.briefings())
        pages["search.html"] = self._render("site/search.html", "search.html", search=self.search)
        return pages

    def _render(self, template: str, path: str, **context) -> str:
        """One page; links inside it are relative to where it lies, so the site works
        from any folder or host, and from ``file://``."""
        root = posixpath.relpath(".", posixpath.dirname(path) or ".")
        values = template_context(self.briefing)
        values.update(context, page=path, root="" if root == "." else root + "/")
        return render_template(self.env, template, values)

    def changed_pages(self) -> dict[Path, bytes]:
        """The pages whose bytes differ from what the site holds: only those are written."""
        changed = {}
        for path, text in self.pages().items():
            target = self.folder / path
            data = text.encode("utf-8")
            try:
                if target.read_bytes() == data:
                    continue
            except OSError:
                pass
            changed[target] = data
        return changed

    def remember(self) -> None:
        """Keep this briefing's record for the archive (call once its pages are in place)."""
        if self.store is not None:
            self.store.put(BRIEFINGS_NAMESPACE, self.record["page"], self.record)
