"""Test-session set-up shared by all test modules.

argostranslate reads its settings from the environment once, at import, and
creates data, config and cache folders under ``$HOME`` or ``$XDG_*``.  Setting
those variables here, before any test module is imported, keeps every test
(and every ``digest`` subprocess a test starts) away from the real home
folder and its installed models.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="digest-tests-argos-"))
os.environ["ARGOS_PACKAGES_DIR"] = str(_ARGOS_HOME / "packages")
for _variable, _folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
    os.environ[_variable] = str(_ARGOS_HOME / _folder)
if "argostranslate.settings" in sys.modules:  # pragma: no cover - a plugin imported it first
    raise RuntimeError("argostranslate was imported before tests/conftest.py could isolate it")

sys.path.insert(0, str(Path(__file__).parent))  # for `import argos_fixture`

# The suite is deterministic: Hypothesis draws the same examples on every run and
# machine and keeps no database of earlier failures to replay (a replayed example
# made one run fail and the next pass).  Every example it ever found is kept as an
# explicit @example instead.  HYPOTHESIS_PROFILE=explore searches afresh, locally.
from hypothesis import settings as _hypothesis  # noqa: E402

_hypothesis.register_profile("deterministic", derandomize=True, database=None, deadline=None, print_blob=True)
_hypothesis.register_profile("explore", derandomize=False, deadline=None, max_examples=1000)
_hypothesis.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_ARGOS_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def tiny_argos_model(tmp_path_factory) -> Path:
    """Path to a tiny, valid German→English ``.argosmodel`` built for this session.

    Every sentence translates to ``argos_fixture.FIXED_TRANSLATION``; the
    package is named ``Argos de→en 0.1`` once installed.
    """
    from argos_fixture import build_argosmodel

    return build_argosmodel(tmp_path_factory.mktemp("argos") / "translate-de_en-tiny.argosmodel")


@pytest.fixture
def argos_packages(tmp_path, monkeypatch) -> Path:
    """An empty Argos packages folder for one test (also seen by subprocesses)."""
    from argostranslate import settings

    folder = tmp_path / "argos-packages"
    folder.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    monkeypatch.setattr(settings, "package_data_dir", folder)
    monkeypatch.setattr(settings, "package_dirs", [folder])
    _forget_models()
    yield folder
    _forget_models()


def _forget_models() -> None:
    translate = sys.modules.get("digest.translation.translate")
    if translate is not None:
        translate.forget_loaded_models()
    argos_translate = sys.modules.get("argostranslate.translate")
    if argos_translate is not None:
        argos_translate.get_installed_languages.cache_clear()
        argos_translate.installed_translates.clear()


@pytest.fixture
def fixed_clock(monkeypatch):
    """Every build made in the test is stamped 22 November 2026, 06:30 UTC, so two builds compare byte for byte."""
    from datetime import datetime, timezone

    from digest import pipeline

    class FixedClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 11, 22, 6, 30, tzinfo=timezone.utc)

    monkeypatch.setattr(pipeline, "datetime", FixedClock)
