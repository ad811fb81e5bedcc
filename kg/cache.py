"""A cache of per-document extraction results, so a rebuild re-extracts only what changed.

Extraction is the expensive step of a build and depends only on a document's
content and on the pipeline that reads it. So each `DocumentResult` is stored
under a key made of the document's content (id, text, title, date, format,
url), `kg.pipeline.PIPELINE_VERSION`, the ontology fingerprint
(`kg.ontology.Lexicon.fingerprint`) and a fingerprint of the code that shapes a
result (``kg/extract``, ``kg/text``, ``kg/pipeline.py``, ``kg/types.py``,
``kg/ontology.py``), so that editing any of them invalidates the cache without
anyone having to remember to bump a version. Where a document's file moved
(its ``source`` changed, nothing else), the cached result is reused with the
new source.

Results live in one SQLite file (``results.sqlite``; standard library, one file
whatever the corpus size, transactional), pickled and zlib-compressed. The
cache is private to whoever builds: pickles are only ever read from a cache
directory this user wrote.

>>> import tempfile
>>> from kg.text.readers import RawDocument
>>> from kg.types import Document, DocumentResult
>>> cache = ResultCache(tempfile.mkdtemp(), "onto1")
>>> raw = RawDocument("d1", "苏州高新区", "a/d1.txt")
>>> key = cache.key(raw)
>>> cache.get(key, raw) is None
True
>>> cache.put(key, DocumentResult(Document("d1", "苏州高新区", "a/d1.txt")))
>>> moved = RawDocument("d1", "苏州高新区", "b/d1.txt")
>>> cache.get(cache.key(moved), moved).document.source
'b/d1.txt'
>>> cache.prune(keep=set())
1
>>> cache.close()
"""
from __future__ import annotations

import dataclasses
import hashlib
import pickle
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path

from kg.errors import ParkKGError

SCHEMA_VERSION = "1"
_CODE_PARTS = ("extract", "text", "pipeline.py", "types.py", "ontology.py")


class CacheError(ParkKGError):
    """The result cache could not be opened or written."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the source of every module that shapes a `DocumentResult`.

    >>> len(code_fingerprint())
    16
    """
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for part in _CODE_PARTS:
        p = root / part
        files = sorted(p.rglob("*.py")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                h.update(str(f.relative_to(root)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def pipeline_fingerprint(ontology_fingerprint: str, extra: str = "") -> str:
    """Everything besides the document that decides what extraction returns."""
    from kg.pipeline import PIPELINE_VERSION

    return "|".join((SCHEMA_VERSION, PIPELINE_VERSION, ontology_fingerprint, code_fingerprint(), extra))


class ResultCache:
    """Per-document results keyed by content and pipeline; see the module docstring."""

    FILENAME = "results.sqlite"

    def __init__(self, directory: Path | str, ontology_fingerprint: str, extra: str = ""):
        self.directory = Path(directory)
        self._salt = pipeline_fingerprint(ontology_fingerprint, extra).encode("utf-8")
        self._pending: list[tuple[str, str, bytes]] = []
        self.hits = 0
        self.misses = 0
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.directory / self.FILENAME), timeout=60)
            self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, doc_id TEXT, data BLOB)")
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"{self.directory}: the result cache could not be opened ({exc}); "
                             "choose another folder with --cache-dir, or build with --no-cache") from exc

    def key(self, raw) -> str:
        """The cache key of a `RawDocument`: its content plus the pipeline fingerprint."""
        h = hashlib.sha256(self._salt)
        for part in (raw.id, raw.text, raw.title, raw.date, raw.format, raw.url):
            data = str(part).encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        return h.hexdigest()

    def get(self, key: str, raw=None):
        """The cached result for `key` (its source set to `raw.source`), or None."""
        row = self._db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            for pending_key, _, data in self._pending:
                if pending_key == key:
                    row = (data,)
                    break
        if row is None:
            self.misses += 1
            return None
        try:
            result = pickle.loads(zlib.decompress(row[0]))
        except Exception:  # a damaged or foreign entry: extract again
            self.misses += 1
            return None
        self.hits += 1
        if raw is not None and result.document.source != raw.source:
            result.document = dataclasses.replace(result.document, source=raw.source)
        return result

    def put(self, key: str, result) -> None:
        """Remember `result` under `key` (written in batches; `flush` or `close` to finish)."""
        data = zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._pending.append((key, result.document.id, data))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results (key, doc_id, data) VALUES (?, ?, ?)",
                                     self._pending)
        except sqlite3.Error as exc:
            raise CacheError(f"{self.directory}: the result cache could not be written ({exc}); "
                             "check free disk space, or build with --no-cache") from exc
        self._pending.clear()

    def prune(self, keep: set) -> int:
        """Drop every entry whose key is not in `keep`; returns how many were dropped."""
        self.flush()
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM keep")
            self._db.executemany("INSERT OR IGNORE INTO keep (key) VALUES (?)", ((k,) for k in keep))
            cursor = self._db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM keep)")
            dropped = cursor.rowcount
            self._db.execute("DELETE FROM keep")
        return dropped

    def __len__(self) -> int:
        self.flush()
        return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def close(self) -> None:
        self.flush()
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
