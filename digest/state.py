"""The state store: what one build leaves for the next.

A single SQLite file (``<out>/state.sqlite`` by default) holds caches keyed by
content (translations, per-article results) and the feed's history.  SQLite
gives us atomic, crash-safe updates for free: a build killed half-way leaves
the store as it was at the last commit.

Stages use the small key/value API (:meth:`StateStore.get` / :meth:`put`) in a
namespace of their own; the feed history has its own table in ``feed.py``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable

SCHEMA_VERSION = 1


class StateStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.path), timeout=30)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        with self.conn:
            if version < 1:
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS cache ("
                    " namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
                    " PRIMARY KEY (namespace, key))"
                )
            self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def get(self, namespace: str, key: str) -> Any | None:
        row = self.conn.execute(
            "SELECT value FROM cache WHERE namespace=? AND key=?", (namespace, key)
        ).fetchone()
        return None if row is None else json.loads(row[0])

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        keys = list(keys)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self.conn.execute(
                f"SELECT key, value FROM cache WHERE namespace=? AND key IN ({marks})",
                (namespace, *chunk),
            ):
                found[key] = json.loads(value)
        return found

    def put(self, namespace: str, key: str, value: Any) -> None:
        self.put_many(namespace, {key: value})

    def put_many(self, namespace: str, items: dict[str, Any]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO cache (namespace, key, value) VALUES (?, ?, ?)",
                [(namespace, key, json.dumps(value, ensure_ascii=False)) for key, value in items.items()],
            )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "StateStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
