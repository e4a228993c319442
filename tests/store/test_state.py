"""The state store keeps what one build leaves for the next, across versions and crashes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from digest.config import ConfigError
from samples import make_version_0_store
from digest.store.state import SCHEMA_VERSION, StateError, StateStore

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_values_round_trip_per_namespace(tmp_path):
    with StateStore(tmp_path / "state.sqlite") as store:
        store.put("translate", "k1", {"text": "Hallo → Hello", "n": [1, 2]})
        store.put("summary", "k1", ["other namespace"])
        store.put_many("translate", {f"k{i}": i for i in range(2, 1200)})
    with StateStore(tmp_path / "state.sqlite") as store:
        assert store.get("translate", "k1") == {"text": "Hallo → Hello", "n": [1, 2]}
        assert store.get("summary", "k1") == ["other namespace"]
        assert store.get("translate", "missing") is None
        many = store.get_many("translate", [f"k{i}" for i in range(1, 1200)] + ["absent"])
        assert len(many) == 1199 and many["k1199"] == 1199 and "absent" not in many


def test_a_new_store_is_at_the_current_version(tmp_path):
    with StateStore(tmp_path / "new.sqlite") as store:
        assert store.version == SCHEMA_VERSION
    assert not list(tmp_path.glob("*.bak")), "an empty store needs no backup"


def test_a_version_0_store_is_migrated_and_nothing_in_it_is_lost(tmp_path):
    path = tmp_path / "state.sqlite"
    make_version_0_store(path)
    with StateStore(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.get("translate", "abc") == {"text": "Guten Morgen → Good morning"}
        assert store.get("translate", "def") == "Straße → street"
        assert store.get("summary", "xyz") == "not json, typed by hand"
        assert store.get("legacy", "orphan") == 42
        assert store.conn.execute("SELECT item FROM history WHERE guid='urn:1'").fetchone()[0] == '{"title": "Old item"}'
        store.put("translate", "new", "still writable")
    # the old file is kept, as it was, next to the store
    backup = sqlite3.connect(str(tmp_path / "state.sqlite.v0.bak"))
    assert backup.execute("SELECT count(*) FROM kv").fetchone()[0] == 4
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 0
    backup.close()
    # and opening the migrated store again changes nothing
    with StateStore(path) as store:
        assert store.get("translate", "new") == "still writable"
        assert store.get("translate", "abc") == {"text": "Guten Morgen → Good morning"}


def test_a_failed_migration_leaves_the_old_store_untouched(tmp_path, monkeypatch):
    from digest.store import state

    path = tmp_path / "state.sqlite"
    make_version_0_store(path)

    def broken(conn):
        state._v0_to_v1(conn)
        raise RuntimeError("disk on fire half-way through")

    monkeypatch.setitem(state.MIGRATIONS, 1, broken)
    with pytest.raises(RuntimeError):
        StateStore(path)
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM kv").fetchone()[0] == 4
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='cache'").fetchone()[0] == 0
    conn.close()


def test_a_store_from_a_newer_digest_is_refused_not_overwritten(tmp_path):
    path = tmp_path / "state.sqlite"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StateError, match="newer digest"):
        StateStore(path)
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()


def test_a_file_that_is_not_a_store_is_refused_with_a_usage_error(tmp_path):
    path = tmp_path / "state.sqlite"
    path.write_bytes(b"this is a text file, not SQLite\n" * 100)
    with pytest.raises(StateError, match="not a digest state store") as caught:
        StateStore(path)
    assert isinstance(caught.value, ConfigError)  # the CLI turns it into exit status 2
    assert path.read_bytes().startswith(b"this is a text file")


def test_text_that_utf8_cannot_encode_is_stored_and_read_back_unchanged(tmp_path):
    odd = "/in/caf\udce9.txt"  # how Python hands over a file name that is not UTF-8
    with StateStore(tmp_path / "state.sqlite") as store:
        store.put("article", "k", {"source": odd})
    with StateStore(tmp_path / "state.sqlite") as store:
        assert store.get("article", "k") == {"source": odd}


def test_results_of_older_digest_versions_are_pruned_after_a_build(tmp_path):
    """Upgrading digest makes every cached per-article result unreachable: they must not pile up."""
    from digest.cli import main
    from digest.store.cache import cache_namespace

    out = tmp_path / "out"
    assert main(["build", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    with StateStore(out / "state.sqlite") as store:
        current = store.conn.execute("SELECT count(*) FROM cache WHERE namespace=?", (cache_namespace(),)).fetchone()[0]
        assert current == 5
        store.put("article/0123456789abcdef", "old", {"title": "from an older digest"})
        store.put("article", "older", {"title": "from before versioned namespaces"})
        store.put("articles-of-a-plugin", "k", {"kept": True})
    assert main(["build", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    with StateStore(out / "state.sqlite") as store:
        namespaces = dict(store.conn.execute("SELECT namespace, count(*) FROM cache GROUP BY namespace").fetchall())
    assert namespaces[cache_namespace()] == 5
    assert "article/0123456789abcdef" not in namespaces and "article" not in namespaces
    assert namespaces["articles-of-a-plugin"] == 1
