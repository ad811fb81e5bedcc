"""The record every reader yields: a source text as read, before cleaning.

It lives apart from `kg.text.readers` (which picks a reader by file type) so that
the format readers (HTML, PDF, Word, JSONL) and the registry need not import each
other. `safe_metadata` makes any text a reader found fit to become an IRI, an
XML text node or a cache row: lone surrogates (valid in JSON as ``"\\ud800"``)
become U+FFFD and control characters leave the metadata fields.

>>> doc = safe_document(RawDocument("a" + chr(1) + "b", "园区" + chr(0xD800), "x.txt", url="http://a/" + chr(9) + "b"))
>>> doc.id, doc.text, doc.url
('ab', '园区\ufffd', 'http://a/b')
"""
from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path


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



_SURROGATE = re.compile(r"[\ud800-\udfff\ufffe\uffff]")  # and the two non-characters XML refuses
# C0 and C1 controls, DEL and the line/paragraph separators: never wanted in an id, a title or a URL
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def safe_text(value: str) -> str:
    """`value` with lone surrogates (they cannot be encoded, so they crash writers) and U+FFFE/U+FFFF (no XML
    text may hold them) replaced by U+FFFD.

    >>> safe_text("a" + chr(0xD83D) + "b")
    'a\ufffdb'
    """
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def safe_metadata(value: str) -> str:
    """A metadata field (id, title, date, URL, source) without surrogates or control characters.

    >>> safe_metadata("标题\\t一" + chr(0))
    '标题 一'
    """
    value = safe_text(value)
    if _CONTROL.search(value):
        value = re.sub(r"\s*[\t\n\r\x0b\x0c\u2028\u2029]+\s*", " ", value)
        value = _CONTROL.sub("", value).strip()
    return value


def safe_document(doc: "RawDocument") -> "RawDocument":
    """`doc` with its text free of lone surrogates and its metadata of control characters too."""
    changes = {}
    for name in ("text", "original_text"):
        value = getattr(doc, name)
        cleaned = safe_text(value)
        if cleaned is not value:
            changes[name] = cleaned
    for name in ("id", "source", "title", "date", "url", "format"):
        value = getattr(doc, name)
        cleaned = safe_metadata(value)
        if name == "url":
            cleaned = re.sub(r"\s+", "", cleaned)
        if cleaned != value:
            changes[name] = cleaned
    return dataclasses.replace(doc, **changes) if changes else doc


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
    if not 1900 <= year <= 2200:
        return ""
    try:
        datetime.date(year, month, day)  # 2024-02-31 is no date
    except ValueError:
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


