"""Read JSONL corpora: one ``{"id": ..., "text": ...}`` object per line, streamed.

News archives come as one big JSON-lines file rather than a folder of files.
The file is read line by line, so a corpus of any size costs the memory of one
line; a bad line (not JSON, no text, an id already seen in the file) becomes an
`InputError` naming the file and line, and the lines after it are still read.

Fields used: ``id`` (else a hash of the text), ``text`` (required), and when
present ``title``, ``date``, ``url`` and ``source`` (else ``FILE#LINE``).

>>> import tempfile, pathlib, json
>>> p = pathlib.Path(tempfile.mkdtemp()) / "c.jsonl"
>>> _ = p.write_text(json.dumps({"id": "a1", "text": "苏州高新区"}, ensure_ascii=False) + "\\n{oops\\n",
...                  encoding="utf-8")
>>> [type(x).__name__ for x in read_jsonl(p)]
['RawDocument', 'InputError']
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from pathlib import Path
from typing import Iterator

from kg.errors import InputError, InputWarning
from kg.text.encodings import MAX_TEXT_BYTES
from kg.text.record import RawDocument, normalise_date, safe_metadata, safe_text
from kg.text.seen import SeenIds


def parse_record(line: str, source: str) -> RawDocument:
    """One JSONL line as a raw document; `source` names the file and line for messages.

    >>> parse_record('{"id": "n1", "text": "园区", "title": "标题"}', "c.jsonl#L1").title
    '标题'
    >>> parse_record('[1, 2]', "c.jsonl#L2")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: c.jsonl#L2: the line is not a JSON object; write one {"id": ..., "text": ...} object per line
    """
    try:
        record = json.loads(line)
    except ValueError as exc:
        what = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg  # "Invalid control character at"
        raise InputError(f"{source}: the line is not valid JSON ({what} at column {exc.colno}); "
                         "fix or remove the line") from None
    if not isinstance(record, dict):
        raise InputError(f"{source}: the line is not a JSON object; write one "
                         '{"id": ..., "text": ...} object per line')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source}: the record has no \"text\" (or it is empty); give each line a text field")
    text = safe_text(text)  # "\\ud800" is valid JSON but no text: lone surrogates become U+FFFD
    doc_id = record.get("id")
    if doc_id is None or doc_id == "":
        doc_id = "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    elif isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):  # true is no id (it is an int in Python)
        raise InputError(f"{source}: the \"id\" must be a string or a whole number, not {json.dumps(doc_id)[:40]}; "
                         "fix the record")
    doc_id = safe_metadata(str(doc_id))
    if not doc_id:
        raise InputError(f"{source}: the \"id\" holds only control characters; give the record a readable id")

    def field(name: str) -> str:
        value = record.get(name)
        return safe_metadata(value) if isinstance(value, str) else ""

    return RawDocument(doc_id, text, field("source") or source, "jsonl",
                       field("title"), _date(field("date")), field("url"))


_DATE_SHAPED = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|^(?:D:)?\d{8}")


def _date(value: str) -> str:
    """An ISO date when the field holds one, '' when it holds an impossible one, else the text as written.

    >>> _date("2024/5/8"), _date("2024-02-31"), _date("2024年春")
    ('2024-05-08', '', '2024年春')
    """
    if not value:
        return ""
    return normalise_date(value) or ("" if _DATE_SHAPED.search(value) else value)


def _lines(handle, limit: int):
    """(number, bytes) for each line of `handle`; a line over `limit` bytes comes as None, never held whole."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the line in bounded pieces
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


_BINARY_MAGIC = {b"\x1f\x8b": "gzip", b"PK\x03\x04": "zip", b"BZh": "bzip2", b"\xfd7zXZ": "xz",
                 b"(\xb5/\xfd": "zstd"}


def read_jsonl(path: Path) -> Iterator[RawDocument | InputError]:
    """Every record of a JSONL file in order; bad lines are yielded as `InputError`, not raised.

    A line longer than `kg.text.encodings.MAX_TEXT_BYTES` is refused while it is
    read (the limit a .txt file has), and a compressed or binary file is one error,
    not one per line.
    """
    path = Path(path)
    seen = SeenIds()  # id -> its line, on disk (kg.text.seen)
    try:
        yield from _read_jsonl(path, seen)
    finally:
        seen.close()


def _read_jsonl(path: Path, seen: SeenIds) -> Iterator[RawDocument | InputError]:
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: could not be read ({exc.strerror or exc}); check its permissions") from exc
    with handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise InputError(f"{path}: is not a regular file (a pipe, device or socket); give parkkg ordinary files")
        head = handle.read(8192)
        handle.seek(0)
        kind = next((name for magic, name in _BINARY_MAGIC.items() if head.startswith(magic)), None)
        if kind is not None or b"\x00" in head:
            what = f"a {kind}-compressed file" if kind else "a binary file"
            tool = {"gzip": "gunzip", "zip": "unzip"}.get(kind, f"{kind} -d")
            hint = f"; decompress it first (e.g. {tool})" if kind else "; give one JSON object per line, in UTF-8"
            raise InputError(f"{path}: this is {what}, not JSON lines{hint}")
        for number, raw in _lines(handle, MAX_TEXT_BYTES):
            source = f"{path}#L{number}"
            if raw is None:
                yield InputError(f"{source}: the line is over {MAX_TEXT_BYTES // 2 ** 20} MB, more than parkkg reads "
                                 "as one document; split the record")
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield InputError(f"{source}: the line is not UTF-8; convert the file, e.g. iconv -f GBK -t UTF-8")
                continue
            try:
                doc = parse_record(line, source)
            except InputError as exc:
                yield exc
                continue
            earlier = seen.add(doc.id, number)
            if earlier is not None:
                if _has_id(line):
                    yield InputError(f"{source}: the id {doc.id!r} was already used earlier in {path.name} "
                                     f"(line {earlier}); give every record its own id")
                else:
                    yield InputError(f"{source}: the record has no id and the same text as line {earlier} "
                                     "(its id is a hash of the text); remove the duplicate or give it an id")
                continue
            if not doc.date and _raw_date(line):
                yield InputWarning(f"{source}: the date {_raw_date(line)[:40]!r} is no calendar date, so the "
                                   "document has none; write it as YYYY-MM-DD")
            yield doc


def _raw_date(line: str) -> str:
    try:
        value = json.loads(line).get("date")
    except (ValueError, AttributeError):
        return ""
    return value if isinstance(value, str) and value.strip() else ""


def _has_id(line: str) -> bool:
    try:
        value = json.loads(line).get("id")
    except (ValueError, AttributeError):
        return False
    return value is not None and value != ""
