"""Translation model packages: what is installed, and installing more.

Packages are Argos Translate ``.argosmodel`` files, managed through
argostranslate's own package API, in argostranslate's own packages folder:
``$ARGOS_PACKAGES_DIR`` when set, else ``~/.local/share/argos-translate/packages``.
argostranslate reads that variable once, at import, so this module imports it
only inside functions.

Nothing here touches the network except :func:`install_from_index`, which runs
only when the user asks for it and puts its own timeout around argostranslate's
downloads (they have none).  Installing validates the archive first and never
leaves a half-extracted package behind: a corrupt download or file is one clear
error and the packages folder is as it was.
"""

from __future__ import annotations

import json
import shutil
import socket
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..text.language import language_name

DEFAULT_TIMEOUT = 30.0


class ModelError(Exception):
    """A model cannot be installed or used; the message is one line for the user."""


@dataclass(frozen=True)
class InstalledModel:
    """One installed translation package."""

    from_code: str
    to_code: str
    version: str
    path: Path
    from_name: str = ""
    to_name: str = ""
    size_bytes: int = 0

    @property
    def name(self) -> str:
        """How outputs credit the model, e.g. ``Argos de→en 1.0``."""
        return f"Argos {self.from_code}→{self.to_code} {self.version}".strip()

    @property
    def cache_id(self) -> str:
        """Identifies the model's outputs in the translation cache."""
        return f"argos/{self.from_code}-{self.to_code}/{self.version}/{self.path.name}"


def install_hint(from_code: str, to_code: str = "en") -> str:
    """The exact command that installs the model for a pair."""
    return f"digest models install {from_code} {to_code}"


def packages_dir() -> Path:
    """Where argostranslate installs packages (``$ARGOS_PACKAGES_DIR``)."""
    from argostranslate import settings

    return Path(settings.package_data_dir)


def _folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def installed_pairs(problems: list[str] | None = None) -> list[InstalledModel]:
    """Every installed translation package, sorted by pair then version.

    argostranslate's ``get_installed_packages()`` fails as a whole when one
    folder is not a package; reading folder by folder with its ``Package``
    class keeps one stray folder from hiding the others (it is reported in
    ``problems``).
    """
    from argostranslate import package, settings

    found: list[InstalledModel] = []
    for directory in settings.package_dirs:
        directory = Path(directory)
        if not directory.is_dir():
            continue
        for folder in sorted(directory.iterdir()):
            if not folder.is_dir():
                continue
            try:
                pkg = package.Package(folder)
            except (OSError, ValueError) as exc:
                if problems is not None:
                    problems.append(f"{folder}: not a usable package ({exc})")
                continue
            if pkg.type != "translate" or not pkg.from_code or not pkg.to_code:
                continue
            found.append(
                InstalledModel(
                    from_code=pkg.from_code, to_code=pkg.to_code, version=str(pkg.package_version or ""),
                    path=folder, from_name=pkg.from_name or language_name(pkg.from_code),
                    to_name=pkg.to_name or language_name(pkg.to_code), size_bytes=_folder_size(folder),
                )
            )
    return sorted(found, key=lambda m: (m.from_code, m.to_code, _version_key(m.version)))


def _version_key(version: str) -> tuple:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def find_model(from_code: str, to_code: str) -> InstalledModel | None:
    """The installed package for a pair (the newest when several are)."""
    matches = [m for m in installed_pairs() if m.from_code == from_code and m.to_code == to_code]
    return matches[-1] if matches else None


def check_package_file(path: Path) -> tuple[str, dict]:
    """Validate an ``.argosmodel`` before anything is extracted.

    Returns ``(top-level folder, metadata)``.  Catches what would otherwise
    break later: not a zip, bad CRCs (truncated download), files outside one
    top-level folder (a flat zip pollutes the packages folder and breaks every
    later listing), unsafe paths, missing metadata or model.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an Argos model package (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            if bad is not None:
                raise ModelError(f"{path}: corrupt package ({bad} fails its checksum); download it again")
            names = [n for n in archive.namelist() if n.strip("/")]
            tops = {PurePosixPath(n).parts[0] for n in names}
            if len(tops) != 1 or any(n.startswith("/") or ".." in PurePosixPath(n).parts for n in names):
                raise ModelError(f"{path}: not an Argos model package (expected one top-level folder)")
            top = tops.pop()
            listed = set(names)
            if f"{top}/metadata.json" not in listed:
                raise ModelError(f"{path}: not an Argos model package (no {top}/metadata.json)")
            if f"{top}/model/model.bin" not in listed:
                raise ModelError(f"{path}: not an Argos model package (no CTranslate2 model in {top}/model/)")
            if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & listed:
                raise ModelError(f"{path}: not an Argos model package (no sentencepiece.model or bpe.model)")
            metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise ModelError(f"{path}: corrupt package ({exc}); download it again") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: corrupt package (metadata.json: {exc})") from None
    if not isinstance(metadata, dict) or not metadata.get("from_code") or not metadata.get("to_code"):
        raise ModelError(f"{path}: metadata.json does not name from_code and to_code")
    if metadata.get("type", "translate") != "translate":
        raise ModelError(f"{path}: a {metadata.get('type')!r} package, not a translation model")
    return top, metadata


def install_file(path: str | Path) -> InstalledModel:
    """Install an ``.argosmodel`` copied onto this machine (the air-gapped way).

    Goes through argostranslate's ``install_from_path`` after
    :func:`check_package_file`.  A package already installed in the same
    folder is moved aside first and restored if anything fails, so a failed
    install never leaves a mix of old and new files.
    """
    from argostranslate import package

    path = Path(path)
    top, _metadata = check_package_file(path)
    target_root = packages_dir()
    target_root.mkdir(parents=True, exist_ok=True)
    target = target_root / top
    backup = target_root / f".{top}.previous"
    if backup.exists():
        shutil.rmtree(backup)
    if target.exists():
        target.rename(backup)
    try:
        package.install_from_path(path)
        pkg = package.Package(target)
        installed = InstalledModel(
            from_code=pkg.from_code, to_code=pkg.to_code, version=str(pkg.package_version or ""),
            path=target, from_name=pkg.from_name or language_name(pkg.from_code),
            to_name=pkg.to_name or language_name(pkg.to_code), size_bytes=_folder_size(target),
        )
    except BaseException as exc:
        shutil.rmtree(target, ignore_errors=True)
        if backup.exists():
            backup.rename(target)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise ModelError(f"{path}: install failed ({exc}); nothing was changed") from None
    shutil.rmtree(backup, ignore_errors=True)
    _forget_loaded_models()
    return installed


def install_from_index(from_code: str, to_code: str, timeout: float = DEFAULT_TIMEOUT) -> InstalledModel:
    """Download the pair's package from the Argos index and install it.

    The only function in digest that uses the network, and only on request.
    argostranslate's urllib calls have no timeout (a server that accepts and
    never answers hangs them forever), so a default socket timeout is set for
    the duration of the download.
    """
    from argostranslate import package, settings

    index_file = Path(settings.local_package_index)
    before = index_file.stat().st_mtime_ns if index_file.exists() else None
    previous_timeout = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    download: Path | None = None
    try:
        package.update_package_index()  # logs and returns on failure: check the file instead
        after = index_file.stat().st_mtime_ns if index_file.exists() else None
        if after is None or after == before:
            raise ModelError(
                f"cannot download the Argos package index from {settings.remote_package_index} "
                f"(no network, or no answer within {timeout:g} s); on an air-gapped machine copy the "
                f".argosmodel file over and run: digest models install --file PATH"
            )
        try:
            available = package.get_available_packages()
        except (OSError, ValueError) as exc:
            raise ModelError(f"{index_file}: unreadable package index ({exc})") from None
        matches = [p for p in available if p.type == "translate" and p.from_code == from_code and p.to_code == to_code]
        if not matches:
            raise ModelError(f"the Argos package index has no {from_code}→{to_code} model")
        best = max(matches, key=lambda p: _version_key(str(p.package_version)))
        try:
            download = best.download()
        except Exception as exc:  # argostranslate raises bare Exception on failure
            raise ModelError(
                f"downloading the {from_code}→{to_code} model failed ({exc}); nothing was installed"
            ) from None
        return install_file(download)
    finally:
        socket.setdefaulttimeout(previous_timeout)
        if download is not None and Path(download).exists():
            Path(download).unlink()


def _forget_loaded_models() -> None:
    """Drop translators loaded in this process so a reinstalled model is reloaded."""
    import sys

    translate = sys.modules.get("digest.translation.translate")
    if translate is not None:
        translate.forget_loaded_models()
