"""Settings a user sets once, from ``digest.toml`` and the command line.

Precedence: command-line option > ``--config FILE`` (or ``./digest.toml``) >
the defaults below.  Unknown keys in the file are an error, so a typo never
goes unnoticed.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import get_type_hints

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Package data, found wherever digest is installed (a wheel, pipx, an editable checkout).
BUILTIN_TEMPLATES = Path(str(files("digest") / "publish" / "templates"))
DEFAULT_TITLE = "News briefing"  # the date is shown beside it in every output
# Reserved names (RFC 2606): a message built without real addresses cannot be delivered
# by mistake, and `digest send` refuses it until From and To are set.
PLACEHOLDER_FROM = "digest@example.invalid"
PLACEHOLDER_TO = "subscribers@example.invalid"


class ConfigError(Exception):
    """A usage or configuration problem: the CLI exits with status 2."""


@dataclass
class Settings:
    title: str = ""  # default: DEFAULT_TITLE
    out: Path = Path("build")
    inputs: list[Path] = field(default_factory=list)
    email_from: str = ""  # default: PLACEHOLDER_FROM
    email_to: str = ""  # default: PLACEHOLDER_TO
    base_url: str = ""
    list_unsubscribe: str = ""  # a mailto: or https: URL for the List-Unsubscribe header
    templates: Path | None = None
    require_translation: bool = False
    full_text: bool = False
    feed_limit: int = 50
    email_stories: int = 100  # stories in the email (0: all); the rest are counted, as mail servers refuse huge messages
    pdf_full_stories: int = 30  # stories shown in full in the PDF (0: all); the next ones as a compact list
    pdf_brief_stories: int = 300  # stories in the PDF's compact "In brief" list (0: all the rest)
    state: Path | None = None  # default: <out>/state.sqlite
    max_file_bytes: int = 20 * 1024 * 1024
    max_line_chars: int = 100_000  # a longer line in .txt/.md is no article text (0: no limit)
    quiet: bool = False
    jobs: int = 1
    dask: str | None = None  # a Dask scheduler's address; "" starts a LocalCluster of `jobs` workers (None: no Dask)

    @property
    def state_path(self) -> Path:
        return self.state or (self.out / "state.sqlite")

    @property
    def template_dirs(self) -> list[Path]:
        dirs = [self.templates] if self.templates else []
        return dirs + [BUILTIN_TEMPLATES]

    def briefing_title(self) -> str:
        return self.title or DEFAULT_TITLE

    def input_paths(self) -> list[Path]:
        """What to read when no PATH is given: ``inputs`` from ``digest.toml``, else a
        ``seeds/`` folder in the working folder (the repository's sample corpus)."""
        if self.inputs:
            return self.inputs
        if Path("seeds").is_dir():
            return [Path("seeds")]
        raise ConfigError("no articles to read: give a file or folder (digest build PATH), or set "
                          "inputs in digest.toml (digest init writes one)")


# What each setting in digest.toml must be, beyond its Python type: the smallest value.
_MINIMUM = {"feed_limit": 1, "jobs": 1, "email_stories": 0, "pdf_full_stories": 0, "pdf_brief_stories": 0,
            "max_file_bytes": 1, "max_line_chars": 0}


def load_config(path: Path | None = None) -> Settings:
    """Read settings from ``path`` or ``./digest.toml`` when it exists."""
    settings = Settings()
    if path is None:
        candidate = Path("digest.toml")
        if not candidate.is_file():
            return settings
        path = candidate
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    types = get_type_hints(Settings)
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in types:
            raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(types))})")
        setattr(settings, name, _checked(path, key, types[name], value))
    return settings


def _checked(path: Path, key: str, kind, value):
    """``value`` as a ``kind`` (the Settings field's type), or a one-line error naming the file,
    the key, what was expected and what was found.

    Hand-written rather than pydantic (not installed; five packages with a compiled
    core): TOML already gives typed values, so the check is exact type matching plus
    a few minimums, and pydantic's lax mode would accept what must be refused here
    ("no" for a flag, true for a number) without its strict mode and custom messages.
    """
    name = key.replace("-", "_")
    if kind is bool:
        ok, expected = isinstance(value, bool), "true or false"
    elif kind is int:
        least = _MINIMUM.get(name, 0)
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= least
        expected = f"a whole number, {least} or more"
    elif kind is str:
        ok, expected = isinstance(value, str), 'text in quotes, like "…"'
    elif kind in (Path, Path | None):
        ok, expected = isinstance(value, str) and bool(value.strip()), 'a path in quotes, like "build"'
        value = Path(value) if ok else value
    else:  # list[Path]
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        expected = 'a list of paths, like ["articles"]'
        value = [Path(v) for v in value] if ok else value
    if not ok:
        found = json.dumps(value, ensure_ascii=False, default=str)
        raise ConfigError(f"{path}: {key}: expected {expected}, found {found}")
    return value
