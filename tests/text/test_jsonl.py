"""JSONL corpora: streamed records, one InputError per bad line, never fatal."""
from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.text.jsonl import parse_record, read_jsonl
from kg.text.readers import RawDocument, iter_sources


def _write(path, lines):
    path.write_bytes(b"".join(line if isinstance(line, bytes) else line.encode("utf-8") + b"\n" for line in lines))
    return path


def _rec(**fields):
    return json.dumps(fields, ensure_ascii=False)


def test_records_in_order_with_fields(tmp_path):
    p = _write(tmp_path / "c.jsonl", [
        _rec(id="n1", text="苏州高新区聚焦集成电路。", title="标题", date="2024-01-02", url="https://e.org/1"),
        "",
        _rec(id=7, text="无锡经开区。", source="archive/part1#L9"),
    ])
    docs = list(read_jsonl(p))
    assert [d.id for d in docs] == ["n1", "7"]
    assert (docs[0].title, docs[0].date, docs[0].url) == ("标题", "2024-01-02", "https://e.org/1")
    assert docs[0].format == "jsonl"
    assert docs[0].source == f"{p}#L1"
    assert docs[1].source == "archive/part1#L9"


def test_bad_lines_are_reported_and_skipped(tmp_path):
    p = _write(tmp_path / "c.jsonl", [
        _rec(id="a", text="园区一"),
        "{not json",
        "[1, 2]",
        _rec(id="b"),
        _rec(id="c", text="   "),
        _rec(id="a", text="重复的编号"),
        b"\xff\xfe broken\n",
        _rec(id={"x": 1}, text="id 不是字符串"),
        _rec(id="d", text="园区二"),
    ])
    items = list(read_jsonl(p))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["a", "d"]
    assert len(errors) == 7
    for line, error in zip((2, 3, 4, 5, 6, 7, 8), errors):
        assert f"#L{line}:" in error
    assert "not valid JSON" in errors[0] and "already used" in errors[4] and "not UTF-8" in errors[5]


def test_missing_id_gets_a_stable_hash_and_bom_is_ignored(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + _rec(text="苏州工业园区").encode("utf-8") + b"\n")
    [doc] = list(read_jsonl(p))
    assert doc.id.startswith("doc-") and doc.id == list(read_jsonl(p))[0].id


def test_registered_reader_streams_through_iter_sources(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder / "c.jsonl", [_rec(id="x1", text="甲园区"), "oops", _rec(id="x2", text="乙园区")])
    items = list(iter_sources([folder]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]


def test_reader_is_lazy(tmp_path):
    p = _write(tmp_path / "c.jsonl", [_rec(id=f"d{i}", text="园区") for i in range(1000)])
    stream = read_jsonl(p)
    assert next(stream).id == "d0"  # a generator: nothing past the first line was needed


def test_parse_record_rejects_non_objects():
    with pytest.raises(InputError, match="not a JSON object"):
        parse_record('"text"', "x#L1")


def test_a_repeated_id_names_the_line_it_was_first_read_on_however_far_back(tmp_path):
    p = tmp_path / "many.jsonl"
    _write(p, [_rec(id=f"d{i}", text="园区") for i in range(2500)] + [_rec(id="d7", text="另一篇")])
    items = list(read_jsonl(p))
    assert len(items) == 2501 and isinstance(items[-1], InputError)
    assert "#L2501:" in str(items[-1]) and "(line 8)" in str(items[-1])
