"""The on-disk index of a streamed build: every document's records in SQLite, none in memory.

Each `DocumentResult` is taken apart as it comes back from extraction: the
document's graph fields (not its text), its entities, its relations and its
targets become rows keyed by the raw entity keys, each with the document's
position in the input (``seq``) so that merging sees the documents in the order
`kg.pipeline.merge_results` does. Evidence sentences are stored as the reader
wrote them (`kg.graph.triples.evidence_text`), since the text itself is not kept.
Rows of one document can be replaced or removed (`remove`), which is what
``kg update`` does. Records are stored as `kg.cache.encode_result` rows: they
decode only to `kg.types` records.

>>> import tempfile, pathlib
>>> from kg.types import Document, DocumentResult, Entity
>>> index = ResultIndex(pathlib.Path(tempfile.mkdtemp()) / "i.sqlite", regions={})
>>> park = Entity("Park:a|园区", "Park", "a园区")
>>> index.add(0, DocumentResult(Document("d1", "园区", "d1.txt"), entities=[park]))
>>> index.documents(), index.doc_ids()
(1, ['d1'])
>>> index.close()
"""
from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from kg.cache import decode_result, encode_result
from kg.extract.park_identity import name_core
from kg.graph.triples import evidence_text, relation_family

SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (doc_id TEXT PRIMARY KEY, seq INTEGER, key TEXT, source TEXT, data BLOB);
CREATE TABLE IF NOT EXISTS entities (doc_id TEXT, seq INTEGER, pos INTEGER, key TEXT, grp TEXT, zone TEXT, data BLOB);
CREATE TABLE IF NOT EXISTS relations (doc_id TEXT, seq INTEGER, pos INTEGER, subject TEXT, object TEXT,
                                      family TEXT, confidence REAL, data BLOB, text TEXT);
CREATE TABLE IF NOT EXISTS targets (doc_id TEXT, seq INTEGER, pos INTEGER, park TEXT, confidence REAL, data BLOB,
                                    text TEXT);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS merges (key TEXT PRIMARY KEY, target TEXT, grp TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id);
CREATE INDEX IF NOT EXISTS relations_doc ON relations (doc_id);
CREATE INDEX IF NOT EXISTS targets_doc ON targets (doc_id);
"""
# what kg update looks records up by; made once a streamed build has filled the index
UPDATE_INDEXES = """
CREATE INDEX IF NOT EXISTS entities_key ON entities (key);
CREATE INDEX IF NOT EXISTS entities_grp ON entities (grp);
CREATE INDEX IF NOT EXISTS entities_zone ON entities (zone);
CREATE INDEX IF NOT EXISTS relations_subject ON relations (subject);
CREATE INDEX IF NOT EXISTS relations_object ON relations (object);
CREATE INDEX IF NOT EXISTS targets_park ON targets (park);
CREATE INDEX IF NOT EXISTS merges_target ON merges (target);
CREATE INDEX IF NOT EXISTS merges_grp ON merges (grp);
"""
_BATCH = 2_000  # documents per transaction
# The page cache while a streamed build adds documents, and while it reads them back to merge. Adding
# runs beside the workers, which fork from the building process and so each count its pages again in
# the build's memory; merging runs alone, and reads whole tables ordered by key.
ADD_CACHE_MB = 2
READ_CACHE_MB = 32


def park_group(key: str, regions: dict) -> str:
    """The group of park keys park identity may merge `key` with (same name core and type), or ''.

    >>> park_group("Park:南京江北|新区", {"南京": "r:1"}), park_group("Industry:x", {})
    ('江北|新区', '')
    """
    if not key.startswith("Park:") or "|" not in key:
        return ""
    part, kind = key[len("Park:"):].rsplit("|", 1)
    return f"{name_core(part, regions)[1]}|{kind}"


class ResultIndex:
    """Documents' records in one SQLite file; see the module docstring."""

    def __init__(self, path: Path | str, regions: dict | None = None, cache_mb: int = READ_CACHE_MB):
        self.path = Path(path)
        self.regions = regions or {}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), isolation_level=None)  # transactions by hand
        self.db.execute("PRAGMA journal_mode=MEMORY")  # the index is rebuilt from the inputs if ever lost
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA temp_store=FILE")
        self.set_cache(cache_mb)
        self.db.executescript(SCHEMA + INDEXES)
        self._pending = 0

    def set_cache(self, mb: int) -> None:
        """At most `mb` MB of SQLite page cache, whatever the corpus (`ADD_CACHE_MB`, `READ_CACHE_MB`)."""
        self.db.execute(f"PRAGMA cache_size=-{int(mb) * 1000}")

    def add(self, seq: int, result, key: str = "", replace: bool = False) -> None:
        """The records of one document's result (`replace`: drop any earlier rows of that document first)."""
        doc = result.document
        if self._pending == 0:
            self.db.execute("BEGIN")
        if replace:
            self._delete(doc.id)
        slim = dataclasses.replace(doc, text="", raw_text="", offset_map=(), original_text="")
        self.db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", (doc.id, seq, key, doc.source, encode_result(slim)))
        self.db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                            ((doc.id, seq, i, e.key, park_group(e.key, self.regions), e.zone, encode_result(e))
                             for i, e in enumerate(result.entities)))
        self.db.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            ((doc.id, seq, i, r.subject, r.object, relation_family(r.prop), r.confidence,
                              encode_result(r), _text(r.evidence, doc)) for i, r in enumerate(result.relations)))
        self.db.executemany("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)",
                            ((doc.id, seq, i, t.park, t.confidence, encode_result(t), _text(t.evidence, doc))
                             for i, t in enumerate(result.targets)))
        self._pending += 1
        if self._pending >= _BATCH:
            self.commit()

    def remove(self, doc_id: str) -> None:
        """Forget one document's rows."""
        if self._pending == 0:
            self.db.execute("BEGIN")
            self._pending = 1
        self._delete(doc_id)

    def _delete(self, doc_id: str) -> None:
        for table in ("docs", "entities", "relations", "targets"):
            self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))  # noqa: S608 - fixed names

    def relocate(self, doc_id: str, seq: int, source: str) -> None:
        """A document kept its content but moved in the input (`seq`) or to another file (`source`)."""
        if self._pending == 0:
            self.db.execute("BEGIN")
            self._pending = 1
        for table in ("docs", "entities", "relations", "targets"):
            self.db.execute(f"UPDATE {table} SET seq = ? WHERE doc_id = ?", (seq, doc_id))  # noqa: S608
        (data,) = self.db.execute("SELECT data FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        doc = dataclasses.replace(record(data), source=source)
        self.db.execute("UPDATE docs SET source = ?, data = ? WHERE doc_id = ?", (source, encode_result(doc), doc_id))

    def prepare_updates(self) -> None:
        """The lookups kg update needs (made once, after a build filled the index)."""
        self.commit()
        self.db.executescript(UPDATE_INDEXES)

    def commit(self) -> None:
        if self._pending:
            self.db.execute("COMMIT")
            self._pending = 0

    def doc_keys(self) -> dict:
        """doc id -> (content key, seq, source) of every indexed document."""
        self.commit()
        return {d: (k, s, src) for d, k, s, src in self.db.execute("SELECT doc_id, key, seq, source FROM docs")}

    def doc_ids(self) -> list:
        self.commit()
        return [d for (d,) in self.db.execute("SELECT doc_id FROM docs ORDER BY doc_id")]

    def documents(self) -> int:
        self.commit()
        return self.db.execute("SELECT COUNT(*) FROM docs").fetchone()[0]

    def set_meta(self, name: str, value: str) -> None:
        self.commit()
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def meta(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.commit()
        self.db.close()


def _text(ev, doc) -> str:
    return evidence_text(ev, doc if ev.doc_id == doc.id else None)


def record(data: bytes):
    """The `kg.types` record of a row."""
    return decode_result(data)
