"""Read source files into raw documents: plain text, web pages, PDF, Word, in any common encoding.

Readers register in `READERS` by file suffix. A reader takes a path and yields
one `RawDocument` per document in it (a corpus file yields many, lazily); it may
also yield an `InputError` for one bad record and go on. `read_path` picks the
reader and converts traditional-Chinese documents for recognition (keeping the
original text); `iter_sources` walks files and folders and yields a
`RawDocument` or an `InputError` per source, so one bad file never stops a batch.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from kg.errors import InputError

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class RawDocument:
    """A source text as read, before cleaning."""

    id: str
    text: str
    source: str
    format: str = "text"
    title: str = ""
    date: str = ""
    url: str = ""
    # the text as written when `text` was converted (traditional -> simplified); same length
    original_text: str = ""


def document_id(path: Path) -> str:
    """A short ASCII id for a file: its stem where that is ASCII-safe, else a hash.

    >>> document_id(Path("seeds/001_abc.txt")), document_id(Path("园区.txt"))[:4]
    ('001_abc', 'doc-')
    """
    stem = path.stem
    if re.fullmatch(r"[A-Za-z0-9_.\-]{1,80}", stem):
        return stem
    return "doc-" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:12]


def decode_bytes(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM), GB18030 or Big5; refuse binary data."""
    if not data.strip():
        raise InputError(f"{source}: the file is empty; remove it or give it text")
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: this looks like a binary file, not text; give parkkg .txt, .html, .pdf or .docx files")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and _mostly_text(str(best)):
            return str(best)
    except ImportError:  # optional
        pass
    raise InputError(f"{source}: could not decide the text encoding (tried UTF-8, GB18030, Big5); "
                     "convert the file to UTF-8, e.g. iconv -f GBK -t UTF-8")


def _mostly_text(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text[:5000] if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\r\n\t\f"))
    return bad / min(len(text), 5000) < 0.01


def read_text_file(path: Path) -> list[RawDocument]:
    data = path.read_bytes()
    text = decode_bytes(data, str(path))
    return [RawDocument(document_id(path), text, str(path), "text")]


def _read_jsonl(path: Path):
    """A JSONL corpus: many documents per file, streamed (see kg.text.jsonl)."""
    from kg.text.jsonl import read_jsonl

    return read_jsonl(path)


READERS: dict[str, Callable[[Path], list[RawDocument]]] = {
    ".jsonl": _read_jsonl,
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
}


def read_path(path: Path) -> list[RawDocument]:
    """Read one file with the reader its suffix selects."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size // (1024 * 1024)} MB is more than parkkg reads in one file "
                         f"({MAX_BYTES // (1024 * 1024)} MB); split it into smaller files")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"{path}: unknown file type '{path.suffix}'; parkkg reads {known}")
    try:
        return reader(path)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{path}: could not be read ({exc.strerror or exc}); check its permissions") from exc


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        out = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                p = Path(root) / f
                if not f.startswith(".") and p.suffix.lower() in READERS:
                    out.append(p)
        return out
    return [path]


def iter_sources(paths) -> Iterator[RawDocument | InputError]:
    """Every document under `paths` (files or folders), in a stable order."""
    for p in paths:
        for f in _files(Path(p)):
            try:
                yield from read_path(f)
            except InputError as exc:
                yield exc
