"""Read source files into raw documents: plain text, web pages, PDF, Word, in any common encoding.

Readers register in `READERS` by file suffix. A reader takes a path and yields
one `RawDocument` per document in it (a corpus file yields many, lazily); it may
also yield an `InputError` for one bad record and go on. `read_path` picks the
reader and converts traditional-Chinese documents for recognition (keeping the
original text); `iter_sources` walks files and folders and yields a
`RawDocument` or an `InputError` per source, so one bad file never stops a batch.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from kg.errors import InputError
from kg.text.encodings import (MAX_TEXT_BYTES, _commonness, _is_common, _mostly_text,  # noqa: F401
                                _utf16_without_bom, decode_bytes, text_too_large)
from kg.text.record import RawDocument, document_id, normalise_date, safe_document  # noqa: F401 - re-exported

MAX_BYTES = 200 * 1024 * 1024


def read_text_file(path: Path) -> list[RawDocument]:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:  # refuse before reading: no 100 MB string in memory
        raise text_too_large(str(path), size)
    data = path.read_bytes()
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
        raise InputError(f"{path}: no such file or folder; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; read folders with iter_sources (kg build takes folders)")
    size = path.stat().st_size
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
                    item = simplify_document(item)
                except InputError as exc:
                    item = exc
            yield item
    except InputError:
        raise
    except OptionalDependencyError as exc:
        raise InputError(f"{path}: {exc}") from exc
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
    """Every document under `paths` (files or folders), in a stable order.

    Folders contribute their files of every type in `READERS` (others are passed
    over); a file named directly must be of a supported type. A file that cannot be
    read yields one `InputError`; a corpus file may yield one per bad record.
    """
    for p in paths:
        for f in _files(Path(p)):
            try:
                yield from read_path(f)
            except InputError as exc:
                yield exc
