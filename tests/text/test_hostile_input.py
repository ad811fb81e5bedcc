"""Inputs found by attacking the readers (issue 18): each one is read, cleaned or skipped with one message."""
from __future__ import annotations

import gzip
import json
import os
import threading

import pytest

from kg.errors import InputError, InputWarning
from kg.text.jsonl import read_jsonl
from kg.text.readers import MAX_TEXT_BYTES, RawDocument, decode_bytes, iter_sources

SURROGATE = chr(0xD800)


def _docs(items):
    return [x for x in items if isinstance(x, RawDocument)]


def _errors(items):
    return [str(x) for x in items if isinstance(x, InputError)]


def test_lone_surrogate_escapes_in_jsonl_become_replacement_characters(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a\\ud800", "title": "标题\\udfff", "text": "苏州高新区\\ud800聚焦集成电路"}\n'
                      '{"id": "b", "text": "园区"}\n', encoding="utf-8")
    docs = _docs(iter_sources([corpus]))
    assert [d.id for d in docs] == ["a\ufffd", "b"]
    assert docs[0].text == "苏州高新区\ufffd聚焦集成电路" and docs[0].title == "标题\ufffd"
    for d in docs:  # every field can be written as UTF-8 (the cache, the IRI hash, the graph file)
        for value in (d.id, d.text, d.title, d.source):
            value.encode("utf-8")


def test_control_characters_leave_ids_titles_and_urls(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "d\u0001x", "text": "园区", "title": "标\u0000题",
                                  "url": "https://a.cn/x\t/y"}) + "\n", encoding="utf-8")
    [doc] = _docs(iter_sources([corpus]))
    assert (doc.id, doc.title, doc.url) == ("dx", "标题", "https://a.cn/x/y")


def test_same_file_name_in_two_folders_gives_two_documents(tmp_path):
    for year in ("2023", "2024"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(f"{year}年园区报告。", encoding="utf-8")
    docs = _docs(iter_sources([tmp_path]))
    assert [d.id for d in docs] == ["2023/report", "2024/report"]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root lists every folder")
    (tmp_path / "ok.txt").write_text("园区。", encoding="utf-8")
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0)
    try:
        items = list(iter_sources([tmp_path]))
    finally:
        closed.chmod(0o755)
    assert len(_docs(items)) == 1
    assert any("could not be listed" in e for e in _errors(items))


def test_symlinked_folders_are_followed_once_and_loops_end(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("园区。", encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "linked").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(root, target_is_directory=True)
    docs = _docs(iter_sources([root]))
    assert [d.id for d in docs] == ["linked/a"]


def test_a_symlink_loop_is_not_called_missing(tmp_path):
    (tmp_path / "x.txt").symlink_to(tmp_path / "x.txt")
    [error] = _errors(iter_sources([tmp_path / "x.txt"]))
    assert "symbolic link that leads nowhere" in error


def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = []
    worker = threading.Thread(target=lambda: result.extend(iter_sources([tmp_path])), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO hung"
    assert any("not a regular file" in e for e in _errors(result))


@pytest.mark.parametrize("name", ["zero.txt", "zero.jsonl"])
def test_a_link_to_a_device_is_refused(tmp_path, name):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    (tmp_path / name).symlink_to("/dev/zero")
    [error] = _errors(iter_sources([tmp_path / name]))
    assert "not a regular file" in error


def test_a_jsonl_line_over_the_text_limit_is_refused_while_read(tmp_path, monkeypatch):
    import kg.text.jsonl as jsonl

    monkeypatch.setattr(jsonl, "MAX_TEXT_BYTES", 1000)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "big", "text": "园" * 2000}) + "\n" + json.dumps({"id": "ok", "text": "园区"})
                      + "\n", encoding="utf-8")
    items = list(read_jsonl(corpus))
    assert [d.id for d in _docs(items)] == ["ok"]
    [error] = _errors(items)
    assert "#L1" in error and "split the record" in error


def test_the_jsonl_limit_is_the_text_file_limit():
    import kg.text.jsonl as jsonl

    assert jsonl.MAX_TEXT_BYTES == MAX_TEXT_BYTES


def test_a_gzip_named_jsonl_is_one_message(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(gzip.compress(b"".join(json.dumps({"id": i, "text": "园区" * 50}).encode() + b"\n"
                                              for i in range(500))))
    items = list(iter_sources([corpus]))
    assert len(items) == 1 and "gzip" in str(items[0]) and "gunzip" in str(items[0])


def test_json_error_messages_say_at_once():
    from kg.text.jsonl import parse_record

    with pytest.raises(InputError) as info:
        parse_record('{"text": "a\tb"}', "c.jsonl#L1")
    assert "at at" not in str(info.value) and "Invalid control character at column" in str(info.value)


def test_boolean_ids_are_refused_and_duplicate_texts_without_id_are_called_duplicates(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": true, "text": "园区"}\n{"text": "同一篇"}\n{"text": "同一篇"}\n', encoding="utf-8")
    items = list(read_jsonl(corpus))
    errors = _errors(items)
    assert "must be a string or a whole number, not true" in errors[0]
    assert "no id and the same text as line 2" in errors[1]


def test_impossible_jsonl_dates_are_dropped_and_real_ones_normalised(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "园区", "date": "2024-02-31"}\n'
                      '{"id": "b", "text": "园区", "date": "2024/5/8"}\n'
                      '{"id": "c", "text": "园区", "date": "2024年春"}\n', encoding="utf-8")
    items = list(read_jsonl(corpus))
    assert [d.date for d in _docs(items)] == ["", "2024-05-08", "2024年春"]
    [warning] = [x for x in items if isinstance(x, InputWarning)]
    assert "#L1" in str(warning) and "'2024-02-31' is no calendar date" in str(warning)


def test_stray_nul_bytes_are_dropped_wherever_they_are():
    text = "苏州高新区聚焦集成电路产业。" * 200
    early = text[:5].encode() + b"\x00" + text[5:].encode()
    late = text.encode() + b"\x00" + "园区".encode()
    assert decode_bytes(early, "a.txt") == text
    assert decode_bytes(late, "b.txt") == text + "园区"
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03\xff" * 2000, "c.bin.txt")


def test_an_unreadable_named_file_is_skipped_like_one_in_a_folder(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    closed = tmp_path / "closed.txt"
    closed.write_text("园区。", encoding="utf-8")
    closed.chmod(0)
    try:
        [error] = _errors(iter_sources([closed]))
    finally:
        closed.chmod(0o644)
    assert "could not be read" in error


def test_a_build_folder_given_as_input_does_not_read_its_outputs(tmp_path):
    (tmp_path / "a.txt").write_text("苏州高新区聚焦集成电路产业。", encoding="utf-8")
    (tmp_path / "graph.html").write_text("<html>旧</html>", encoding="utf-8")
    docs = _docs(iter_sources([tmp_path], exclude=[tmp_path / "graph.html"]))
    assert [d.id for d in docs] == ["a"]


def test_a_file_of_separators_only_is_empty():
    # found by tests/text/test_fuzz_readers.py: b"\x1c" decoded to a document of no text
    with pytest.raises(InputError, match="empty"):
        decode_bytes(b"\x1c\x1d \x1e", "a.txt")


def test_xml_non_characters_leave_ids_and_texts(tmp_path):
    # found by tests/text/test_fuzz_readers.py: an id of U+FFFE made the GEXF/GraphML export fail
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "\ufffe", "text": "园区\uffff"}) + "\n", encoding="utf-8")
    [doc] = _docs(iter_sources([corpus]))
    assert doc.id == "\ufffd" and doc.text == "园区\ufffd"


def test_a_url_with_a_cleaned_lone_surrogate_stays_a_literal(tmp_path):
    """Found by the fuzzer: U+FFFD (a lone surrogate, cleaned) is no IRI character."""
    import json

    import pyoxigraph

    from kg.build import build

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": "苏州高新区聚焦集成电路产业。", "url": "http://a.cn/x\ud800"}) + "\n",
                   encoding="utf-8")
    build([src], tmp_path / "out", html=False, formats=("nt",))
    assert list(pyoxigraph.parse(path=str(tmp_path / "out" / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES))
