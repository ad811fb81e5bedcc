"""Read source files into raw documents: plain text, web pages, PDF, Word, in any common encoding.

Readers register in `READERS` by file suffix. A reader takes a path and yields
one `RawDocument` per document in it (a corpus file yields many, lazily); it may
also yield an `InputError` for one bad record and go on. `read_path` picks the
reader and converts traditional-Chinese documents for recognition (keeping the
original text); `iter_sources` walks files and folders and yields a
`RawDocument` or an `InputError` per source, so one bad file never stops a batch.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from kg.errors import InputError
from kg.text.encodings import (MAX_TEXT_BYTES, _commonness, _is_common, _mostly_text,  # noqa: F401
                                _utf16_without_bom, decode_bytes, text_too_large)
from kg.text.record import RawDocument, document_id, normalise_date, safe_document  # noqa: F401 - re-exported

MAX_BYTES = 200 * 1024 * 1024


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, never more than `limit` + 1 of them.

    The size is checked on the opened file and the read is bounded too, so a file
    that grows, or a name that points at a device such as /dev/zero, cannot fill memory.
    """
    with open(path, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise not_regular(path)
        return handle.read(limit + 1)


def not_regular(path) -> InputError:
    return InputError(f"{path}: is not a regular file (a pipe, device or socket); give parkkg ordinary files")


def read_text_file(path: Path) -> list[RawDocument]:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:  # refuse before reading: no 100 MB string in memory
        raise text_too_large(str(path), size)
    data = read_limited(path, MAX_TEXT_BYTES)
    text = decode_bytes(data, str(path))
    return [RawDocument(document_id(path), text, str(path), "text")]


def _read_jsonl(path: Path):
    """A JSONL corpus: many documents per file, streamed (see kg.text.jsonl)."""
    from kg.text.jsonl import read_jsonl

    return read_jsonl(path)


def _read_html(path: Path) -> ReaderOutput:
    from kg.text.html_reader import read_html_file

    return read_html_file(path)


def _read_pdf(path: Path) -> ReaderOutput:
    from kg.text.pdf_reader import read_pdf_file

    return read_pdf_file(path)


def _read_docx(path: Path) -> ReaderOutput:
    from kg.text.docx_reader import read_docx_file

    return read_docx_file(path)


# What a reader yields: documents, or an InputError for one record it skipped.
ReaderOutput = Iterable[Union[RawDocument, InputError]]
Reader = Callable[[Path], ReaderOutput]

READERS: dict[str, Reader] = {
    ".jsonl": _read_jsonl,
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
}

# Types whose readers stream records, so no size limit applies to the file.
STREAMED = frozenset({".jsonl"})

_OCR = "images are not read; run OCR (e.g. tesseract -l chi_sim, or ocrmypdf for scans) and give the text"
# Types people try that parkkg does not read, with what to do instead.
_HINTS = {
    ".doc": "old Word files are not read; save it as .docx (Word or WPS: Save As > .docx)",
    ".wps": "save it as .docx from WPS Office",
    ".rtf": "save it as .docx or .txt",
    ".xls": "spreadsheets are not read; export the text column as a .jsonl corpus or .txt files",
    ".xlsx": "spreadsheets are not read; export the text column as a .jsonl corpus or .txt files",
    ".png": _OCR, ".jpg": _OCR, ".jpeg": _OCR, ".tif": _OCR, ".tiff": _OCR,
}


def supported_types() -> list[str]:
    """The file suffixes parkkg reads, sorted.

    >>> {".txt", ".html", ".pdf", ".docx", ".jsonl"} <= set(supported_types())
    True
    """
    return sorted(READERS)


def read_path(path: Path) -> Iterator[RawDocument | InputError]:
    """Read one file with the reader its suffix selects.

    Missing, oversized and unknown files raise `InputError` at once (corpus types in
    `STREAMED` have no size limit); the documents themselves are read lazily, so a
    large corpus file streams. A traditional-Chinese
    document comes out converted to simplified, with its `original_text` kept.
    """
    path = Path(path)
    if not path.exists():
        if path.is_symlink():
            raise InputError(f"{path}: a symbolic link that leads nowhere (a loop, or its target is missing); "
                             "fix or remove the link")
        raise InputError(f"{path}: no such file or folder; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; read folders with iter_sources (kg build takes folders)")
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # a FIFO would hang the build, /dev/zero fill memory
        raise not_regular(path)
    size = info.st_size
    if size > MAX_BYTES and path.suffix.lower() not in STREAMED:
        raise InputError(f"{path}: {size // (1024 * 1024)} MB is more than parkkg reads in one file "
                         f"({MAX_BYTES // (1024 * 1024)} MB); split it into smaller files")
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        what = f"unknown file type '{path.suffix}'" if path.suffix else "no file type (suffix) in the name"
        hint = f"; {_HINTS[suffix]}" if suffix in _HINTS else ""
        raise InputError(f"{path}: {what}{hint}; parkkg reads {', '.join(supported_types())}")
    return _read(reader, path)


def _read(reader: Reader, path: Path) -> Iterator[RawDocument | InputError]:
    from kg.errors import OptionalDependencyError
    from kg.text.script import simplify_document

    try:
        for item in reader(path):
            if isinstance(item, RawDocument):
                try:
                    item = simplify_document(safe_document(item))
                except InputError as exc:
                    item = exc
            yield item
    except InputError:
        raise
    except OptionalDependencyError as exc:
        raise InputError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise InputError(f"{path}: could not be read ({exc.strerror or exc}); check its permissions") from exc


def _walk(root: Path, errors: list, exclude: frozenset) -> list[Path]:
    """The readable files under folder `root`, sorted; folders that cannot be listed go to `errors`.

    Symbolic links to folders are followed, each real folder once, so a link loop
    ends instead of running forever; files listed in `exclude` (a build's own
    outputs, when -o is an input folder) are passed over.
    """
    out = []
    seen: set = set()

    def onerror(exc: OSError) -> None:
        errors.append(InputError(f"{exc.filename}: the folder could not be listed ({exc.strerror or exc}); "
                                 "check its permissions"))

    for folder, dirs, files in os.walk(root, onerror=onerror, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError:
            continue
        ident = (info.st_dev, info.st_ino)
        if ident in seen:  # a link back to a folder already walked: a loop, or a second way in
            dirs[:] = []
            continue
        seen.add(ident)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            p = Path(folder) / f
            if f.startswith(".") or p.suffix.lower() not in READERS:
                continue
            if exclude and os.path.abspath(p) in exclude:
                continue
            out.append(p)
    return out


def _prefix(root: Path, path: Path) -> str:
    """The folders between an input folder and one of its files, as an id prefix ('' at the top).

    Two files of one name in different folders (2023/report.txt, 2024/report.txt;
    every index.html of a saved site) must not share an id, which names a graph node.

    >>> _prefix(Path("in"), Path("in/2023/q1/report.txt")), _prefix(Path("in"), Path("in/a.txt"))
    ('2023/q1/', '')
    """
    parts = path.relative_to(root).parts[:-1]
    if not parts:
        return ""
    rel = "/".join(parts)
    if not re.fullmatch(r"[A-Za-z0-9_.\-/]{1,80}", rel):
        rel = "dir-" + hashlib.sha1(rel.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return rel + "/"


def iter_sources(paths, exclude=()) -> Iterator[RawDocument | InputError]:
    """Every document under `paths` (files or folders), in a stable order.

    Folders contribute their files of every type in `READERS` (others are passed
    over); a file named directly must be of a supported type. A file that cannot be
    read yields one `InputError`; a corpus file may yield one per bad record; a
    folder that cannot be listed yields one too. Documents of a file in a
    subfolder get the subfolder path in front of their id. `exclude` names files
    never to read (a build's own outputs).
    """
    exclude = frozenset(os.path.abspath(p) for p in exclude)
    for p in paths:
        p = Path(p)
        if not p.is_dir():
            if exclude and os.path.abspath(p) in exclude:
                continue
            try:
                yield from read_path(p)
            except InputError as exc:
                yield exc
            continue
        errors: list = []
        files = _walk(p, errors, exclude)
        yield from errors
        for f in files:
            prefix = "" if f.suffix.lower() in STREAMED else _prefix(p, f)
            try:
                for item in read_path(f):
                    if prefix and isinstance(item, RawDocument):
                        item = dataclasses.replace(item, id=prefix + item.id)
                    yield item
            except InputError as exc:
                yield exc
