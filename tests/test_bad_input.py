"""The bad-input matrix: each bad input is reported and skipped, every good one builds.

`kg build` over a folder that mixes good files (UTF-8, UTF-8 with BOM, GBK,
Big5, JSONL) with bad ones (empty, blank, binary, undecidable bytes, 100 MB, a
broken JSONL line) and a missing path: one ``skipped:`` line per bad input
naming it, a graph with every good document, exit 1. ``--strict`` makes any
skip fatal: exit 2 and nothing written. No traceback for a user mistake;
``kg --debug`` shows it.
"""
from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner

import kg.build
from kg.cli import main
from kg.errors import InputError, OntologyError
from kg.graph.build import PK

GOOD = {  # file name -> (bytes, document id)
    "utf8.txt": ("苏州高新区聚焦集成电路、生物医药等主导产业。".encode("utf-8"), "utf8"),
    "bom.txt": (b"\xef\xbb\xbf" + "无锡经开区重点发展物联网产业。".encode("utf-8"), "bom"),
    "gbk.txt": ("江阴临港经济开发区与苏州工业园区协同发展。".encode("gbk"), "gbk"),
    "big5.txt": ("天津科技公司研究中心，主要研究工具與材料。".encode("big5"), "big5"),
    "utf16.txt": ("常熟高新区对标苏州工业园区，发展氢能源汽车产业。".encode("utf-16"), "utf16"),
}
BAD = {  # file name -> (bytes or None for a 100 MB sparse file, words of the message)
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b" \r\n\t\n", "the file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "garbled.txt": (b"\x80\xfe\xff\xa1\x40\x81\x30\x81" * 40, "could not tell the text encoding"),
    "huge.txt": (None, "100 MB of text is more than parkkg reads as one document"),
}


@pytest.fixture
def one_pipeline(pipeline, monkeypatch):
    monkeypatch.setattr(kg.build, "Pipeline", lambda *a, **k: pipeline)  # no second start-up per build
    return pipeline


@pytest.fixture
def mixed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (data, _) in GOOD.items():
        (folder / name).write_bytes(data)
    for name, (data, _) in BAD.items():
        if data is None:
            with open(folder / name, "wb") as handle:  # sparse: no disk, no time
                handle.write("苏州高新区。".encode("utf-8"))
                handle.truncate(100 * 2 ** 20)
        else:
            (folder / name).write_bytes(data)
    lines = [json.dumps({"id": "j1", "text": "南京江北新区建设集成电路设计产业园。"}, ensure_ascii=False),
             "{not json", json.dumps({"id": "j2", "text": ""})]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes.xyz").write_text("not a source type: passed over in a folder", encoding="utf-8")
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def documents_in(path):
    g = rdflib.Graph().parse(path)
    return sorted(str(o) for d in g.subjects(rdflib.RDF.type, PK.SourceDocument)
                  for o in g.objects(d, rdflib.URIRef("http://purl.org/dc/terms/identifier")))


def test_mixed_folder_skips_each_bad_input_and_builds_every_good_one(one_pipeline, mixed, tmp_path):
    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    result = run("build", mixed, missing, "-o", out, "-j", "1", "--no-cache", "--no-html")
    assert result.exit_code == 1, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped: ")]
    for name, (_, words) in BAD.items():
        [line] = [s for s in skipped if f"{mixed / name}:" in s]
        assert words in line
    assert any(f"{missing}: no such file or folder" in s for s in skipped)
    assert any("news.jsonl#L2" in s and "not valid JSON" in s for s in skipped)
    assert any("news.jsonl#L3" in s and "no \"text\"" in s for s in skipped)
    assert len(skipped) == len(BAD) + 3
    assert "Traceback" not in result.output
    assert documents_in(out / "graph.ttl") == sorted([doc_id for _, doc_id in GOOD.values()] + ["j1"])
    assert "SHACL: 0 violations" in result.output


def test_strict_makes_any_skip_fatal_and_writes_nothing(one_pipeline, mixed, tmp_path):
    out = tmp_path / "out"
    first = run("build", mixed / "utf8.txt", "-o", out, "-j", "1", "--no-cache", "--no-html", "-q")
    assert first.exit_code == 0, first.output
    before = (out / "graph.ttl").read_bytes()
    result = run("build", mixed, "-o", out, "-j", "1", "--no-cache", "--no-html", "--strict")
    assert result.exit_code == 2
    [line] = [s for s in result.output.splitlines() if s.startswith("error: ")]
    assert line.startswith(f"error: {len(BAD) + 2} input(s) skipped and --strict was given, so nothing was written")
    assert "Traceback" not in result.output
    assert (out / "graph.ttl").read_bytes() == before


def test_strict_with_only_good_inputs_builds(one_pipeline, mixed, tmp_path):
    result = run("build", mixed / "gbk.txt", mixed / "big5.txt", "-o", tmp_path / "out", "-j", "1", "--no-cache",
                 "--no-html", "--strict", "-q")
    assert result.exit_code == 0, result.output
    assert documents_in(tmp_path / "out" / "graph.ttl") == ["big5", "gbk"]


@pytest.mark.parametrize("name", ["missing.txt", "empty.txt", "notes.xyz"])
def test_nothing_readable_is_exit_2_and_keeps_the_previous_graph(one_pipeline, mixed, tmp_path, name):
    out = tmp_path / "out"
    assert run("build", mixed / "utf8.txt", "-o", out, "-j", "1", "--no-cache", "-q").exit_code == 0
    before = {p.name: p.read_bytes() for p in (out / "graph.ttl", out / "graph.html")}
    result = run("build", mixed / name, "-o", out, "-j", "1", "--no-cache", "-q")
    assert result.exit_code == 2, result.output
    assert "error: no document to build from, so nothing was written and any previous graph is kept" in result.output
    assert f"{mixed / name}:" in result.output
    assert {p.name: p.read_bytes() for p in (out / "graph.ttl", out / "graph.html")} == before


def test_a_named_file_of_unknown_type_is_reported(one_pipeline, mixed, tmp_path):
    result = run("build", mixed / "notes.xyz", mixed / "utf8.txt", "-o", tmp_path / "out", "-j", "1", "--no-cache",
                 "--no-html", "-q")
    assert result.exit_code == 1
    assert f"skipped: {mixed / 'notes.xyz'}: unknown file type '.xyz'" in result.output


def test_user_mistakes_are_one_line_without_traceback(tmp_path):
    result = run("build", tmp_path, "--ontology", tmp_path / "no-ontology", "-o", tmp_path / "out", "-q")
    assert result.exit_code == 2
    assert result.output.startswith("error: ontology folder") and result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback(tmp_path):
    result = run("--debug", "build", tmp_path, "--ontology", tmp_path / "no-ontology", "-o", tmp_path / "out", "-q")
    assert isinstance(result.exception, OntologyError)  # raised, not turned into one line
    assert result.exc_info[2] is not None


def test_debug_shows_the_traceback_of_an_input_error(one_pipeline, tmp_path):
    result = run("--debug", "build", tmp_path / "missing.txt", "-o", tmp_path / "out", "-q")
    assert isinstance(result.exception, InputError)
    assert "no document to build from" in str(result.exception)
