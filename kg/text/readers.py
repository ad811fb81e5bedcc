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
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from kg.errors import InputError
from kg.text.clean import is_cjk

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


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def normalise_date(value: str) -> str:
    """An ISO date (YYYY-MM-DD) from the dates pages and files carry; '' when there is none.

    >>> normalise_date("2024-05-08T09:30:00+08:00"), normalise_date("D:20240508093000+08'00'")
    ('2024-05-08', '2024-05-08')
    >>> normalise_date("2024年5月8日"), normalise_date("soon")
    ('2024-05-08', '')
    """
    value = (value or "").strip()
    m = _DATE.search(value)
    if m is None:
        m = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", value)
    if m is None:
        return ""
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2200):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def document_id(path: Path) -> str:
    """A short ASCII id for a file: its stem where that is ASCII-safe, else a hash.

    >>> document_id(Path("seeds/001_abc.txt")), document_id(Path("园区.txt"))[:4]
    ('001_abc', 'doc-')
    """
    stem = path.stem
    if re.fullmatch(r"[A-Za-z0-9_.\-]{1,80}", stem):
        return stem
    return "doc-" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:12]


MAX_TEXT_BYTES = 10 * 1024 * 1024
"""The most text one file may hold (10 MiB); larger files are refused with a message to split them.

Measured on news text (one document, one core): the pipeline takes about 3 s and
60 MB of memory per MB of text and grows faster than linearly (4 MB: 14 s,
420 MB; 8 MB: 39 s, 570 MB), so a 100 MB file would take many minutes and
gigabytes. Refusing it at once, before decoding, is the honest answer.
"""

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_SAMPLE = 20000  # characters judged when choosing an encoding
_MIN_COMMON = 0.6  # share of common characters a legacy decoding needs to be believed


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a text file's bytes, or raise an `InputError` that names `source` and says what to do.

    Reads UTF-8 (with or without BOM; a few damaged bytes become U+FFFD),
    UTF-16/32 with a BOM or plainly UTF-16 without one, GB18030/GBK/GB2312 and
    Big5. GB18030 decodes almost any byte string, and charset-normalizer cannot
    tell GBK from Big5 on short texts (高新区 in GBK comes back as Big5), so both
    legacy decodings are tried strictly and the one with more common characters
    (those of GB2312 and of Big5 level 1) wins; ties go to GB18030, since most
    sources are mainland. charset-normalizer judges what is left (Shift-JIS,
    Latin-1, ...).

    >>> decode_bytes("苏州高新区聚焦集成电路。".encode("gbk"), "a.txt")
    '苏州高新区聚焦集成电路。'
    >>> decode_bytes("臺北內湖科技園區發展資訊產業。".encode("big5"), "b.txt")
    '臺北內湖科技園區發展資訊產業。'
    >>> decode_bytes(b"\\xef\\xbb\\xbf\\xe5\\x9b\\xad\\xe5\\x8c\\xba", "c.txt")
    '园区'
    >>> decode_bytes(b"  \\n", "d.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: d.txt: the file is empty; remove it or give it text
    """
    if len(data) > MAX_TEXT_BYTES:
        raise text_too_large(source, len(data))
    if not data.strip():
        raise InputError(f"{source}: the file is empty; remove it or give it text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            if not text.strip():
                raise InputError(f"{source}: the file is empty; remove it or give it text")
            if _mostly_text(text):
                return text
            raise InputError(f"{source}: starts with a {encoding} byte-order mark but is not {encoding} text; "
                             "convert the file to UTF-8")
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise InputError(f"{source}: this looks like a binary file, not text; "
                         "give parkkg .txt, .html, .pdf or .docx files")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if sum(1 for ch in text[:_SAMPLE * 5] if ord(ch) > 0x7F) >= 100 * damaged and _mostly_text(text):
        return text  # UTF-8 with a few damaged bytes (a truncated download) is still UTF-8
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            candidates.append((_commonness(text), encoding == "gb18030", text))
    if candidates:
        score, _, text = max(candidates, key=lambda c: c[:2])
        if score >= _MIN_COMMON:
            return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding not in ("gb18030", "big5", "big5hkscs") and _mostly_text(str(best)):
            return str(best)
    except ImportError:  # pragma: no cover - a dependency, but the GB/Big5 path works without it
        pass
    raise InputError(f"{source}: could not tell the text encoding (not UTF-8, and as GB18030 or Big5 it reads as "
                     "unlikely characters); convert the file to UTF-8, e.g. iconv -f GBK -t UTF-8")


def text_too_large(source: str, size: int) -> InputError:
    """The error for a text over `MAX_TEXT_BYTES`.

    >>> str(text_too_large("big.txt", 100 * 2 ** 20))
    'big.txt: 100 MB of text is more than parkkg reads as one document (10 MB); split it into smaller files'
    """
    return InputError(f"{source}: {size / 2 ** 20:.0f} MB of text is more than parkkg reads as one document "
                      f"({MAX_TEXT_BYTES // 2 ** 20} MB); split it into smaller files")


def _mostly_text(text: str, tolerance: float = 0.01) -> bool:
    """True when at most `tolerance` of the first characters are replacement, control or private-use ones.

    >>> _mostly_text("园区\\n"), _mostly_text("\\x01\\x02园"), _mostly_text("")
    (True, False, False)
    """
    if not text:
        return False
    sample = text[:_SAMPLE]
    bad = sum(1 for ch in sample
              if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\r\n\t\f") or "\ue000" <= ch <= "\uf8ff")
    return bad <= tolerance * len(sample)


def _commonness(text: str) -> float:
    """The share of non-ASCII characters that are common Chinese characters or punctuation.

    A wrong legacy decoding yields rare characters, symbols and kana; a right
    one yields mostly common ones, in simplified or traditional script.

    >>> _commonness("苏州高新区"), _commonness("臺北園區"), _commonness("ｱｲｳ")
    (1.0, 1.0, 0.0)
    """
    sample = [ch for ch in text[:_SAMPLE] if ord(ch) > 0x7F]
    if not sample:
        return 1.0
    return sum(1 for ch in sample if _is_common(ch)) / len(sample)


@lru_cache(maxsize=65536)
def _is_common(ch: str) -> bool:
    """In GB2312's hanzi (rows B0-F7) or punctuation (rows A1-A3), or in Big5's level-1 hanzi or punctuation."""
    try:
        lead = ch.encode("gb2312")[0]
        if lead >= 0xB0 or 0xA1 <= lead <= 0xA3:
            return True
    except UnicodeEncodeError:
        pass
    try:
        lead = ch.encode("big5")[0]
    except UnicodeEncodeError:
        return False
    return 0xA1 <= lead <= 0xC6 and lead != 0xA3


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (Windows tools do), or None.

    >>> _utf16_without_bom("园区 park".encode("utf-16-le")), _utf16_without_bom(bytes(64))
    ('园区 park', None)
    """
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        plain = sum(1 for ch in sample if is_cjk(ch) or (ch.isascii() and (ch.isprintable() or ch in "\r\n\t")))
        if sample.strip() and plain >= 0.95 * len(sample):
            return text
    return None


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
