"""Model management: listing, installing from a file or the index, and never half-installing."""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import threading
import zipfile
from pathlib import Path

import pytest

from digest.translation import models
from digest.cli import main
from digest.translation.models import ModelError, install_file, install_from_index, installed_pairs

ROOT = Path(__file__).resolve().parents[2]


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_install_from_file_then_list(argos_packages, tiny_argos_model, capsys):
    assert main(["models", "install", "--file", str(tiny_argos_model)]) == 0
    assert "Installed Argos de→en 0.1 (German → English)" in capsys.readouterr().out

    [model] = installed_pairs()
    assert (model.from_code, model.to_code, model.version) == ("de", "en", "0.1")
    assert model.path == argos_packages / "translate-de_en-tiny"
    assert model.size_bytes > 1000

    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert f"Installed translation models ({argos_packages})" in out
    assert "de→en  German → English  version 0.1" in out


def test_list_without_models_says_where_it_looked(argos_packages, capsys):
    assert main(["models", "list"]) == 0
    assert f"No translation models installed (looked in {argos_packages}" in capsys.readouterr().out


def test_list_with_paths_shows_the_pairs_the_corpus_needs(argos_packages, capsys):
    assert main(["models", "list", str(ROOT / "seeds")]) == 0
    out = capsys.readouterr().out
    assert "Languages in 5 article(s): en 4, de 1" in out
    assert "de→en  German → English  needed by 1 article(s)  missing: run digest models install de en" in out


def test_a_stray_folder_does_not_hide_installed_models(argos_packages, tiny_argos_model, capsys):
    install_file(tiny_argos_model)
    (argos_packages / "notes").mkdir()

    problems: list[str] = []
    assert [m.name for m in installed_pairs(problems)] == ["Argos de→en 0.1"]
    assert len(problems) == 1 and "notes" in problems[0]


def test_truncated_package_is_one_clear_error_and_installs_nothing(argos_packages, tiny_argos_model, tmp_path, capsys):
    broken = tmp_path / "broken.argosmodel"
    broken.write_bytes(tiny_argos_model.read_bytes()[:-400])

    assert main(["models", "install", "--file", str(broken)]) == 1

    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"digest: error: {broken}: ")
    assert folder_listing(argos_packages) == []


def test_corrupted_member_fails_its_checksum(argos_packages, tiny_argos_model, tmp_path):
    data = bytearray(tiny_argos_model.read_bytes())
    with zipfile.ZipFile(tiny_argos_model) as archive:
        info = archive.getinfo("translate-de_en-tiny/model/model.bin")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle] ^= 0xFF
    broken = tmp_path / "flipped.argosmodel"
    broken.write_bytes(bytes(data))

    with pytest.raises(ModelError, match="corrupt package"):
        install_file(broken)
    assert folder_listing(argos_packages) == []


def test_a_zip_without_one_top_level_folder_is_refused(argos_packages, tmp_path):
    flat = tmp_path / "flat.argosmodel"
    with zipfile.ZipFile(flat, "w") as archive:
        archive.writestr("metadata.json", json.dumps({"from_code": "de", "to_code": "en"}))
        archive.writestr("model/model.bin", b"x")
    with pytest.raises(ModelError, match="one top-level folder"):
        install_file(flat)
    assert folder_listing(argos_packages) == []


def test_a_failed_reinstall_restores_the_previous_package(argos_packages, tiny_argos_model, monkeypatch):
    install_file(tiny_argos_model)
    before = folder_listing(argos_packages)
    from argostranslate import package

    def extract_half_then_fail(path):
        with zipfile.ZipFile(path) as archive:
            archive.extract("translate-de_en-tiny/metadata.json", argos_packages)
        raise OSError("No space left on device")

    monkeypatch.setattr(package, "install_from_path", extract_half_then_fail)
    with pytest.raises(ModelError, match="install failed .*No space left on device.*nothing was changed"):
        install_file(tiny_argos_model)

    assert folder_listing(argos_packages) == before
    assert [m.name for m in installed_pairs()] == ["Argos de→en 0.1"]


def test_install_needs_a_pair_or_a_file(argos_packages, capsys):
    assert main(["models", "install", "de"]) == 2
    assert "give a language pair" in capsys.readouterr().err


@pytest.fixture
def local_index(tmp_path, tiny_argos_model, monkeypatch):
    """An Argos package index served on 127.0.0.1, listing the tiny de→en package."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(tiny_argos_model, site / "translate-de_en.argosmodel")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_port}/"
    (site / "index.json").write_text(json.dumps([{
        "package_version": "0.1", "argos_version": "1.0", "from_code": "de", "from_name": "German",
        "to_code": "en", "to_name": "English", "type": "translate",
        "links": [base + "translate-de_en.argosmodel"],
    }]), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    from argostranslate import settings

    monkeypatch.setattr(settings, "remote_package_index", base + "index.json")
    monkeypatch.setattr(settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(settings, "downloads_dir", tmp_path / "downloads")
    (tmp_path / "downloads").mkdir()
    yield tmp_path
    server.shutdown()


def test_install_a_pair_from_the_package_index(argos_packages, local_index, capsys):
    assert main(["models", "install", "de", "en"]) == 0

    assert "Installed Argos de→en 0.1" in capsys.readouterr().out
    assert [m.name for m in installed_pairs()] == ["Argos de→en 0.1"]
    assert list((local_index / "downloads").iterdir()) == []  # the download is not kept


def test_a_pair_missing_from_the_index_is_one_clear_line(argos_packages, local_index):
    with pytest.raises(ModelError, match="the Argos package index has no fr→en model"):
        install_from_index("fr", "en")


def test_an_index_server_that_never_answers_times_out(argos_packages, tmp_path, monkeypatch):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts connections, never sends a byte
    from argostranslate import settings

    monkeypatch.setattr(settings, "remote_package_index", f"http://127.0.0.1:{silent.getsockname()[1]}/index.json")
    monkeypatch.setattr(settings, "local_package_index", tmp_path / "index.json")
    try:
        with pytest.raises(ModelError, match="cannot download the Argos package index .* within 0.3 s"):
            install_from_index("de", "en", timeout=0.3)
    finally:
        silent.close()
    assert folder_listing(argos_packages) == []
    assert socket.getdefaulttimeout() is None  # the timeout was only for the download


def test_install_hint_is_the_exact_command():
    assert models.install_hint("de", "en") == "digest models install de en"


def test_models_without_an_action_shows_help(capsys):
    assert main(["models"]) == 2
    assert "list" in capsys.readouterr().out
