"""A cache of per-document extraction results, so a rebuild re-extracts only what changed.

Extraction is the expensive step of a build and depends only on a document's
content and on the pipeline that reads it. So each `DocumentResult` is stored
under a key made of the document's content (id, text, title, date, format,
url), `kg.pipeline.PIPELINE_VERSION`, the ontology fingerprint
(`kg.ontology.Lexicon.fingerprint`) and a fingerprint of the code that shapes a
result (``kg/extract``, ``kg/text``, ``kg/pipeline.py``, ``kg/types.py``,
``kg/ontology.py``), so that editing any of them invalidates the cache without
anyone having to remember to bump a version. A document whose file moved (only
its ``source`` changed) reuses its cached result with the new source.

Results live in one SQLite file (``results.sqlite``; standard library, one file
whatever the corpus size, transactional) as zlib-compressed JSON in which each
record names its `kg.types` class: reading a row can only ever build those
records, never run code, so a cache folder others can write (a shared
``--cache-dir``) cannot take over the user who builds. What it can still do is
feed wrong results into a graph: share a cache only with people whose graphs you
would trust. A row that does not decode to a `DocumentResult` is a miss, and a
file that is no SQLite database (damaged, truncated) is moved aside as
``results.sqlite.damaged`` and started afresh, with one warning in `warnings`.
A build that is refused takes back the rows it added (`discard_added`).

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
>>> cache.prune(keep=set()), cache.close()
(1, None)
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path

from kg.errors import ParkKGError

SCHEMA_VERSION = "2"  # 2: JSON rows instead of pickles
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


def _record_classes() -> dict:
    from kg import types

    return {name: cls for name, cls in vars(types).items()
            if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == types.__name__}


def encode_result(value) -> bytes:
    """`value` (a `DocumentResult`) as compressed JSON; raises TypeError for anything not a kg.types record.

    >>> from kg.types import Document, DocumentResult
    >>> r = DocumentResult(Document("d", "园区", offset_map=(0, 1, 2)))
    >>> decode_result(encode_result(r)) == r
    True
    """
    classes = _record_classes()

    def enc(v):
        if v is None or isinstance(v, (str, bool, int, float)):
            return v
        if isinstance(v, list):
            return [enc(x) for x in v]
        if isinstance(v, tuple):
            return {"(": [enc(x) for x in v]}
        if isinstance(v, dict):
            return {"{": [[enc(k), enc(x)] for k, x in v.items()]}
        name = type(v).__name__
        if classes.get(name) is type(v):
            return {"@": name, "v": [enc(getattr(v, f.name)) for f in dataclasses.fields(v)]}
        raise TypeError(f"a {type(v).__qualname__} cannot be cached")

    return zlib.compress(json.dumps(enc(value), separators=(",", ":")).encode("ascii"), 1)


def decode_result(data: bytes):
    """The record `encode_result` wrote; ValueError for anything else (it builds only kg.types records)."""
    classes = _record_classes()

    def dec(v):
        if isinstance(v, list):
            return [dec(x) for x in v]
        if not isinstance(v, dict):
            return v
        if "(" in v:
            return tuple(dec(x) for x in v["("])
        if "{" in v:
            return {dec(k): dec(x) for k, x in v["{"]}
        cls = classes.get(v.get("@"))
        if cls is None:
            raise ValueError(f"unknown record {v.get('@')!r}")
        return cls(*[dec(x) for x in v["v"]])

    if not isinstance(data, bytes):
        raise ValueError("not a cache row")
    try:
        return dec(json.loads(zlib.decompress(data)))
    except (TypeError, KeyError, AttributeError, RecursionError, zlib.error) as exc:
        raise ValueError(f"not a cache row ({exc})") from exc


class ResultCache:
    """Per-document results keyed by content and pipeline; see the module docstring."""

    FILENAME = "results.sqlite"

    def __init__(self, directory: Path | str, ontology_fingerprint: str, extra: str = ""):
        self.directory = Path(directory)
        self._salt = pipeline_fingerprint(ontology_fingerprint, extra).encode("utf-8")
        self._pending: list[tuple[str, str, bytes]] = []
        self._added: set[str] = set()  # keys this build wrote
        self.hits = 0
        self.misses = 0
        self.warnings: list[str] = []
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._open()
        except sqlite3.DatabaseError as exc:  # not a database, malformed: start afresh
            self._recover(exc)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"{self.directory}: the result cache could not be opened ({exc}); "
                             "choose another folder with --cache-dir, or build with --no-cache") from exc

    def _open(self) -> None:
        self._db = sqlite3.connect(str(self.directory / self.FILENAME), timeout=60)
        try:
            self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, doc_id TEXT, data BLOB)")
            self._db.execute("SELECT key, doc_id, data FROM results LIMIT 1").fetchall()
            self._db.commit()
        except BaseException:
            self._db.close()
            raise

    def _recover(self, exc: Exception) -> None:
        """Move a cache that cannot be read aside and start an empty one, with one warning."""
        path = self.directory / self.FILENAME
        aside = path.with_name(self.FILENAME + ".damaged")
        with contextlib.suppress(Exception):
            self._db.close()
        try:
            os.replace(path, aside)
            for suffix in ("-journal", "-wal", "-shm"):
                with contextlib.suppress(Exception):
                    os.unlink(str(path) + suffix)
            self._open()
        except (OSError, sqlite3.Error) as again:
            raise CacheError(f"{self.directory}: the result cache is damaged ({exc}) and could not be replaced "
                             f"({again}); remove {path}, or build with --no-cache") from again
        self.warnings.append(f"{path}: the result cache could not be read ({exc}); moved it to {aside.name} and "
                             "started an empty one, so this build extracts every document again")

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
        try:
            row = self._db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            row = None
        if row is None:
            for pending_key, _, data in self._pending:
                if pending_key == key:
                    row = (data,)
                    break
        if row is None:
            self.misses += 1
            return None
        from kg.types import Document, DocumentResult

        try:
            result = decode_result(row[0])
        except ValueError:  # a damaged or foreign entry: extract again
            result = None
        if not isinstance(result, DocumentResult) or not isinstance(result.document, Document):
            self.misses += 1
            return None
        self.hits += 1
        if raw is not None and result.document.source != raw.source:
            result.document = dataclasses.replace(result.document, source=raw.source)
        return result

    def put(self, key: str, result) -> None:
        """Remember `result` under `key` (written in batches; `flush` or `close` to finish)."""
        try:
            data = encode_result(result)
        except (TypeError, ValueError):  # something no record class holds: not cached, extracted next time
            return
        self._pending.append((key, result.document.id, data))
        self._added.add(key)
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results (key, doc_id, data) VALUES (?, ?, ?)",
                                     self._pending)
        except sqlite3.DatabaseError as exc:
            if "disk" in str(exc) or "full" in str(exc):
                raise CacheError(f"{self.directory}: the result cache could not be written ({exc}); "
                                 "check free disk space, or build with --no-cache") from exc
            self._recover(exc)
            self._pending.clear()
            return
        except sqlite3.Error as exc:
            raise CacheError(f"{self.directory}: the result cache could not be written ({exc}); "
                             "check free disk space, or build with --no-cache") from exc
        self._pending.clear()

    def discard_added(self) -> int:
        """Take back every row this build added (a refused build changes nothing); returns how many."""
        self._pending.clear()
        keys = sorted(self._added)
        with self._db:
            self._db.executemany("DELETE FROM results WHERE key = ?", ((k,) for k in keys))
        self._added.clear()
        return len(keys)

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

