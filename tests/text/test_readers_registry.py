"""The reader registry: a reader per file type, many documents per file, clear messages for the rest."""
from __future__ import annotations

import itertools
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.errors import InputError
from kg.text import readers
from kg.text.readers import READERS, RawDocument, iter_sources, read_path, supported_types

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"


def test_every_format_has_a_reader():
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".jsonl"} <= set(supported_types())


def test_unknown_type_lists_the_supported_ones(tmp_path):
    path = tmp_path / "notes.xyz"
    path.write_text("苏州工业园区", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_path(path)
    message = str(info.value)
    assert "unknown file type '.xyz'" in message
    assert all(suffix in message for suffix in (".txt", ".html", ".pdf", ".docx", ".jsonl"))


def test_known_wrong_types_say_what_to_do(tmp_path):
    for name, advice in (("old.doc", "save it as .docx"), ("scan.png", "OCR"), ("README", "no file type")):
        path = tmp_path / name
        path.write_bytes(b"\xd0\xcf\x11\xe0 old binary")
        with pytest.raises(InputError, match=advice):
            read_path(path)


def test_folder_walk_picks_readers_by_type_and_skips_others(tmp_path):
    shutil.copy(DATA / "article.html", tmp_path / "b-page.html")
    shutil.copy(DATA / "twin.txt", tmp_path / "a-text.txt")
    (tmp_path / "c-notes.xyz").write_text("苏州工业园区", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("苏州工业园区", encoding="utf-8")
    pytest.importorskip("trafilatura")
    items = list(iter_sources([tmp_path]))
    assert [(d.id, d.format) for d in items] == [("a-text", "text"), ("b-page", "html")]


def test_a_reader_may_yield_many_documents_lazily_and_skip_bad_records(tmp_path, monkeypatch):
    consumed = []

    def read_many(path: Path):
        for i in range(1000):
            consumed.append(i)
            if i == 1:
                yield InputError(f"{path}#2: a bad record")
                continue
            text = "蘇州工業園區聚焦生物醫藥。" if i == 2 else "苏州工业园区聚焦生物医药。"
            yield RawDocument(f"r{i}", text, f"{path}#{i + 1}", "many")

    monkeypatch.setitem(READERS, ".many", read_many)
    path = tmp_path / "corpus.many"
    path.write_text("x", encoding="utf-8")
    first = list(itertools.islice(read_path(path), 3))
    assert len(consumed) == 3  # nothing read ahead
    assert isinstance(first[1], InputError)
    assert first[2].text == "苏州工业园区聚焦生物医药。" and first[2].original_text == "蘇州工業園區聚焦生物醫藥。"
    assert sum(isinstance(x, RawDocument) for x in iter_sources([path])) == 999


def test_missing_extra_names_the_install_command(tmp_path, monkeypatch):
    path = tmp_path / "paper.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import pdfplumber raises ImportError
    [item] = iter_sources([path])
    assert isinstance(item, InputError)
    assert "pdfplumber" in str(item) and "pip install 'parkkg[formats]'" in str(item)


def test_streamed_corpus_types_have_no_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_text("苏州工业园区聚焦生物医药。", encoding="utf-8")
    with pytest.raises(InputError, match="more than parkkg reads"):
        read_path(big)
    corpus = tmp_path / "big.jsonl"
    corpus.write_text('{"id": "a", "text": "苏州工业园区聚焦生物医药。"}\n', encoding="utf-8")
    assert [d.id for d in read_path(corpus)] == ["a"]


def test_kg_build_reports_an_unknown_type_in_one_line(tmp_path):
    from kg.cli import main

    path = tmp_path / "notes.xyz"
    path.write_text("苏州工业园区", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("苏州工业园区聚焦生物医药产业。", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(good), str(path), "-o", str(tmp_path / "out"), "-q",
                                       "--no-html"])
    assert result.exit_code == 1  # built from the good file; the other was skipped
    assert (tmp_path / "out" / "graph.ttl").exists()
    assert "unknown file type '.xyz'" in result.output and ".docx" in result.output
    assert "Traceback" not in result.output
