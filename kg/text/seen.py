"""The document ids a reading has met, kept on disk: a corpus of millions of ids costs no memory.

A build refuses a second document with an id already used (ids name graph nodes), so
it must remember every id it has read: as Python strings in a set, about 100 bytes
each (31 MB at 316,200 articles), which grow with the corpus. `SeenIds` keeps them,
each with a note (say, the line it was read on), in a temporary SQLite file that
SQLite deletes when it is closed; a lookup reads a page or two of its B-tree, from a
page cache of at most `CACHE_KB` KB.

>>> seen = SeenIds()
>>> seen.add("a", 3), seen.add("b", 4), seen.add("a", 9)
(None, None, 3)
>>> "a" in seen, "c" in seen
(True, False)
>>> seen.close()
"""
from __future__ import annotations

import sqlite3

CACHE_KB = 1024


class SeenIds:
    """Ids met so far, each with the note it was first added with; see the module docstring."""

    def __init__(self):
        # "" is a private temporary database on disk (written only beyond its page cache), removed on close
        self.db = sqlite3.connect("", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KB}")
        self.db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, note) WITHOUT ROWID")
        self.db.execute("BEGIN")  # one transaction for the whole reading: nothing is ever committed

    def add(self, doc_id: str, note: int | str = ""):
        """Remember `doc_id`; returns None when it is new, else the note it was first added with (kept)."""
        row = self.db.execute("SELECT note FROM seen WHERE id = ?", (doc_id,)).fetchone()
        if row is not None:
            return row[0]
        self.db.execute("INSERT INTO seen VALUES (?, ?)", (doc_id, note))
        return None

    def __contains__(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM seen WHERE id = ?", (doc_id,)).fetchone() is not None

    def close(self) -> None:
        self.db.close()
