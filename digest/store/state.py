"""The state store: what one build leaves for the next.

A single SQLite file (``<out>/state.sqlite`` by default) holds caches keyed by
content (translations, per-article results) and the feed's history.  SQLite
gives us atomic, crash-safe updates for free: a build killed half-way leaves
the store as it was at the last commit.

Stages use the small key/value API (:meth:`StateStore.get` / :meth:`put`) in a
namespace of their own; the feed history has its own table in ``feed.py``.

The layout is versioned with SQLite's ``user_version``.  A store written by an
older digest is *migrated* in place, inside one transaction (a build killed
mid-migration leaves the old store untouched), after a backup copy is taken
next to it; the feed history it holds is what keeps feed readers from seeing
every old item again, so it is never thrown away.  A store from a newer
digest, or a file that is not a store at all, is refused with a clear message
instead of being overwritten.  At open the store is checked (SQLite's
``quick_check``, the expected tables) before anything is written to it, and
every SQLite error, then or later, names the file and the operation; only a
damaged file is pointed to ``digest state repair`` (``store/repair.py``), a
full disk or an I/O error never is.

Versions:

* **0** – the prototype: one table ``kv(key TEXT PRIMARY KEY, value TEXT)``
  whose keys were ``"<namespace>/<key>"`` (a fresh, empty file is version 0 too);
* **1** – ``cache(namespace, key, value)`` with JSON values.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from ..config import ConfigError

SCHEMA_VERSION = 1


class StateError(ConfigError):
    """The state file cannot be used as it is (newer version, not a store): exit status 2."""


def _v0_to_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS cache ("
        " namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
        " PRIMARY KEY (namespace, key))"
    )
    if not _has_table(conn, "kv"):
        return
    rows = conn.execute("SELECT key, value FROM kv").fetchall()
    moved = []
    for full_key, value in rows:
        namespace, _, key = str(full_key).partition("/")
        if not key:  # a key without a namespace: keep it, under the namespace "legacy"
            namespace, key = "legacy", str(full_key)
        moved.append((namespace, key, _as_json(value)))
    conn.executemany("INSERT OR REPLACE INTO cache (namespace, key, value) VALUES (?, ?, ?)", moved)
    conn.execute("DROP TABLE kv")


def _as_json(value: Any) -> str:
    """Version 0 stored JSON text, but hand-edited rows may hold plain strings."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if value is None:
        return "null"
    try:
        json.loads(value)
        return value
    except (TypeError, ValueError):
        return json.dumps(str(value), ensure_ascii=False)


# MIGRATIONS[n] turns a version n-1 store into version n.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v0_to_v1}


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


# SQLite's primary result codes, by what they mean for the user.  Only these say the
# file itself is damaged; every other failure (a full disk, an I/O error, a read-only
# folder, a lock) leaves an intact store that must be kept exactly where it is.
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_DISK_FAULTS = {
    "SQLITE_FULL": "the disk is full; free some space and run again",
    "SQLITE_IOERR": "the disk reported an I/O error; check it and run again",
    "SQLITE_READONLY": "the file or its folder is read-only; make it writable and run again",
    "SQLITE_CANTOPEN": "the file cannot be opened (a missing folder, or no permission)",
    "SQLITE_PERM": "no permission to use the file",
    "SQLITE_BUSY": "another process holds it locked; run again when it ends",
    "SQLITE_LOCKED": "another process holds it locked; run again when it ends",
}
REPAIR_ADVICE = ("the build stops here so that the feed history it holds is not lost; salvage what can "
                 "still be read with 'digest state repair --state {path}' (the damaged file is kept "
                 "beside the new one), or re-read the history from the published feed with "
                 "'digest state rebuild-history --out {out} --state {path}'")


def repair_advice(path: Path, out: Path | None) -> str:
    """What to run next, with the real file names (``out``: the folder holding ``feed.xml``, when known)."""
    return REPAIR_ADVICE.format(path=path, out=out if out is not None else "FOLDER-WITH-FEED.XML")


def describe_error(path: Path, operation: str, exc: sqlite3.Error, out: Path | None = None) -> StateError:
    """One line naming the file, the operation and what to do: never "move it away"
    unless the file itself is damaged, and even then a salvage comes first."""
    code = (getattr(exc, "sqlite_errorname", "") or "").split("_")
    primary = "_".join(code[:2])
    if primary in _DAMAGED or primary == "SQLITE_ERROR" and "malformed" in str(exc):
        return StateError(f"{path}: cannot {operation}: not a digest state store, or a damaged one ({exc}); "
                          + repair_advice(path, out))
    fault = _DISK_FAULTS.get(primary)
    if fault:
        return StateError(f"{path}: cannot {operation}: {exc}: {fault} (the store itself is not damaged "
                          "and must stay where it is)")
    return StateError(f"{path}: cannot {operation}: {exc}")


class StateStore:
    def __init__(self, path: str | Path, out: str | Path | None = None):
        self.path = Path(path)
        self.out = Path(out) if out is not None else None  # where feed.xml lives: named in the advice on faults
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.guard("open the state store"):
            self.conn = sqlite3.connect(str(self.path), timeout=30)
        try:
            with self.guard("open the state store"):
                self._check()
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
            with self.guard("open the state store"):
                self._check_tables()
        except BaseException:
            self.conn.close()
            raise

    @contextmanager
    def guard(self, operation: str) -> Iterator[None]:
        """Turn any SQLite error inside into a :class:`StateError` naming this file and ``operation``."""
        try:
            yield
        except sqlite3.Error as exc:
            raise describe_error(self.path, operation, exc, self.out) from None

    @contextmanager
    def transaction(self, operation: str) -> Iterator[sqlite3.Connection]:
        """One explicit transaction: committed when the block ends, rolled back if it fails
        (whatever failed: the block may rename files, and then neither happens alone)."""
        with self.guard(operation):
            if self.conn.in_transaction:
                self.conn.commit()
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.rollback()
                raise
            self.conn.commit()

    def _check(self) -> None:
        """SQLite's own consistency check, before anything is written: a damaged store is
        refused as it is, never "repaired" by a build that would then overwrite it."""
        problems = [row[0] for row in self.conn.execute("PRAGMA quick_check(3)").fetchall()]
        if problems != ["ok"]:
            found = "; ".join(" ".join(p.split()) for p in problems)
            raise StateError(f"{self.path}: damaged ({found}); " + repair_advice(self.path, self.out))

    def _check_tables(self) -> None:
        if not _has_table(self.conn, "cache"):
            raise StateError(f"{self.path}: damaged: version {self.version} but no cache table; "
                             + repair_advice(self.path, self.out))

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.version
        if version > SCHEMA_VERSION:
            raise StateError(
                f"{self.path}: written by a newer digest (state version {version}, this one knows "
                f"{SCHEMA_VERSION}); use that digest, or another file with --state"
            )
        if version == SCHEMA_VERSION:
            return
        if version > 0 or self._has_user_tables():
            self._backup(version)
        # DDL must run inside an explicit transaction to be atomic (Python's
        # sqlite3 only opens one implicitly before INSERT/UPDATE/DELETE).
        saved = self.conn.isolation_level
        self.conn.isolation_level = None
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                version = self.version  # another process may have migrated meanwhile
                for target in range(version + 1, SCHEMA_VERSION + 1):
                    MIGRATIONS[target](self.conn)
                self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        finally:
            self.conn.isolation_level = saved

    def _has_user_tables(self) -> bool:
        return self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0

    def _backup(self, version: int) -> None:
        """Copy the old store to ``<name>.v<version>.bak`` before changing it (SQLite's online backup)."""
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        tmp = target.with_name(target.name + ".tmp")
        copy = sqlite3.connect(str(tmp))
        try:
            self.conn.backup(copy)
        finally:
            copy.close()
        shutil.move(str(tmp), str(target))

    def get(self, namespace: str, key: str) -> Any | None:
        with self.guard(f"read {namespace!r} from the state store"):
            row = self.conn.execute(
                "SELECT value FROM cache WHERE namespace=? AND key=?", (namespace, key)
            ).fetchone()
        return None if row is None else json.loads(row[0])

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        keys = list(keys)
        with self.guard(f"read {namespace!r} from the state store"):
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, value in self.conn.execute(
                    f"SELECT key, value FROM cache WHERE namespace=? AND key IN ({marks})",
                    (namespace, *chunk),
                ):
                    found[key] = json.loads(value)
        return found

    def values(self, namespace: str) -> list[Any]:
        """Every value kept in ``namespace`` (in no particular order)."""
        with self.guard(f"read {namespace!r} from the state store"):
            rows = self.conn.execute("SELECT value FROM cache WHERE namespace=?", (namespace,)).fetchall()
        return [json.loads(value) for (value,) in rows]

    def put(self, namespace: str, key: str, value: Any) -> None:
        self.put_many(namespace, {key: value})

    def put_many(self, namespace: str, items: dict[str, Any]) -> None:
        # ensure_ascii: a lone surrogate (from a file name that is not UTF-8) is
        # stored as \\udcxx and read back as it was, instead of failing the build
        self.put_many_json(namespace, {key: json.dumps(value) for key, value in items.items()})

    def put_many_json(self, namespace: str, items: dict[str, str]) -> None:
        """Like :meth:`put_many` for values already serialised with ``json.dumps`` (by a worker process)."""
        with self.guard(f"write {namespace!r} to the state store"), self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO cache (namespace, key, value) VALUES (?, ?, ?)",
                [(namespace, key, value) for key, value in items.items()],
            )

    def drop_namespaces(self, prefix: str, keep: str) -> int:
        """Delete every entry of ``prefix`` and ``prefix/*`` except those of ``keep``;
        compact the file when that freed much (SQLite only reuses freed pages otherwise)."""
        with self.guard(f"prune {prefix!r} from the state store"), self.conn:
            dropped = self.conn.execute(
                # the range lets SQLite walk the primary-key index ("/" sorts just before "0")
                "DELETE FROM cache WHERE namespace >= ? AND namespace < ? AND namespace != ?"
                " AND (namespace = ? OR substr(namespace, 1, ?) = ?)",
                (prefix, prefix + "0", keep, prefix, len(prefix) + 1, prefix + "/"),
            ).rowcount
        if dropped > 1000:
            with self.guard("compact the state store"):
                self.conn.execute("VACUUM")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # in WAL mode the file shrinks here
        return dropped

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "StateStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
