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
from pathlib import Path
from typing import Iterator

from kg.errors import InputError
from kg.text.record import RawDocument


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
        raise InputError(f"{source}: the line is not valid JSON ({exc.msg} at column {exc.colno}); "
                         "fix or remove the line") from None
    if not isinstance(record, dict):
        raise InputError(f"{source}: the line is not a JSON object; write one "
                         '{"id": ..., "text": ...} object per line')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source}: the record has no \"text\" (or it is empty); give each line a text field")
    doc_id = record.get("id")
    if doc_id is None or doc_id == "":
        doc_id = "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    elif not isinstance(doc_id, (str, int)):
        raise InputError(f"{source}: the \"id\" must be a string or a number; fix the record")

    def field(name: str) -> str:
        value = record.get(name)
        return value if isinstance(value, str) else ""

    return RawDocument(str(doc_id), text, field("source") or source, "jsonl",
                       field("title"), field("date"), field("url"))


def read_jsonl(path: Path) -> Iterator[RawDocument | InputError]:
    """Every record of a JSONL file in order; bad lines are yielded as `InputError`, not raised."""
    path = Path(path)
    seen: set[str] = set()
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: could not be read ({exc.strerror or exc}); check its permissions") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            source = f"{path}#L{number}"
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
            if doc.id in seen:
                yield InputError(f"{source}: the id {doc.id!r} was already used earlier in {path.name}; "
                                 "give every record its own id")
                continue
            seen.add(doc.id)
            yield doc
