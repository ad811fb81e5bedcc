"""Fuzzing the readers and the JSONL path with hypothesis: bytes and records, not only text.

Inputs are arbitrary bytes, and JSONL records whose fields hold lone surrogates
(valid JSON escapes), control characters, wrong types, huge lines and binary
noise. A reader may skip a record with an `InputError` but never raise anything
else, and what it yields can always be written: UTF-8, cache keys, IRIs, and a
graph file a strict parser reads. `EXAMPLES` counts the examples run (the report
of issue 18 gives the figure; ``pytest --hypothesis-show-statistics`` too).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.text.jsonl as jsonl
from kg.errors import InputError
from kg.text.readers import RawDocument, decode_bytes, iter_sources

EXAMPLES: Counter = Counter()
N = int(os.environ.get("PARKKG_FUZZ_EXAMPLES", "400"))  # examples per fuzz test (the graph test runs N // 10)
SETTINGS = settings(max_examples=N, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMIT = 4000  # the JSONL line limit while fuzzing: "huge" lines stay cheap

# every code point, lone surrogates and controls included
any_char = st.characters(exclude_categories=())
nasty = st.sampled_from(["\ud800", "\udfff", "\ud83d", "\x00", "\x01", "\x1f", "\x7f", "\x85", "\t", "\r", "\n",
                         "\u2028", "\u2029", "\ufeff", "\ufffe", "=SUM(A1)", "<", ">", '"', "\\", " ", "苏州高新区",
                         "集成电路", "http://a.cn/x y"])
field_text = st.lists(st.one_of(nasty, st.text(any_char, max_size=6)), max_size=12).map("".join)
field_value = st.one_of(field_text, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False),
                        st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(),
                                                                             max_size=1))
record = st.fixed_dictionaries({}, optional={"id": field_value, "text": st.one_of(field_text, field_value),
                                             "title": field_value, "date": field_value, "url": field_value,
                                             "source": field_value})
huge_line = st.integers(LIMIT, LIMIT * 3).map(lambda n: json.dumps({"id": "big", "text": "园" * n}).encode())
line = st.one_of(record.map(lambda r: json.dumps(r).encode()),  # ensure_ascii: surrogates as \\ud800 escapes
                 record.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
                 st.binary(max_size=60), huge_line, st.just(b""), st.just(b"\xef\xbb\xbf{}"))
corpus = st.lists(line, max_size=8).map(lambda lines: b"\n".join(lines) + b"\n")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _check_writable(doc: RawDocument) -> None:
    from kg.cache import ResultCache
    from kg.graph.iris import document_iri

    for name in ("id", "text", "source", "title", "date", "url", "original_text"):
        getattr(doc, name).encode("utf-8")  # no lone surrogate anywhere
    for name in ("id", "title", "date", "url"):
        assert not _CONTROL.search(getattr(doc, name)), (name, getattr(doc, name))
    assert doc.id and doc.text.strip()
    assert re.fullmatch(r"[\x21-\x7e]+", document_iri(doc.id))
    ResultCache.key(_KEYER, doc)


class _Keyer:
    _salt = b"fuzz"


_KEYER = _Keyer()


@SETTINGS
@given(st.one_of(st.binary(max_size=3000), st.lists(st.sampled_from(
    [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", "园区".encode(), "苏州".encode("gbk"), "臺北".encode("big5"), b"\x1f\x8b",
     b"\n", b"a", b"\xe5\x9b"]), max_size=200).map(b"".join)))
def test_decode_bytes_returns_text_or_one_input_error(data):
    EXAMPLES["decode_bytes"] += 1
    try:
        text = decode_bytes(data, "fuzz.txt")
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return
    assert text.strip()
    text.encode("utf-8")


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_every_reader_takes_any_bytes(data, suffix):
    EXAMPLES["readers"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        for item in iter_sources([path]):
            assert isinstance(item, (RawDocument, InputError))
            if isinstance(item, RawDocument):
                _check_writable(item)


@SETTINGS
@given(corpus)
def test_jsonl_records_are_read_or_skipped_with_a_message(data):
    EXAMPLES["jsonl"] += 1
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as mp:
        mp.setattr(jsonl, "MAX_TEXT_BYTES", LIMIT)
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(data)
        ids = []
        for item in iter_sources([path]):
            assert isinstance(item, (RawDocument, InputError))
            if isinstance(item, RawDocument):
                _check_writable(item)
                ids.append(item.id)
            else:
                assert str(item).startswith(str(path))
        assert len(ids) == len(set(ids))


@settings(max_examples=N // 10, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(st.fixed_dictionaries(
    {"text": st.tuples(field_text, st.sampled_from(["苏州高新区聚焦集成电路产业。", "华为公司入驻无锡经开区，"]),
                       field_text).map("".join)},
    optional={"id": field_value, "title": field_value, "date": field_value, "url": field_value,
              "source": field_value}), min_size=1, max_size=3))
def test_hostile_records_become_a_graph_a_strict_parser_reads(pipeline, lexicon, records):
    """The whole path: JSONL -> pipeline -> graph -> N-Triples and TriG (pyoxigraph), GEXF and GraphML (XML)."""
    import pyoxigraph

    from kg.graph.build import build_graph
    from kg.graph.serialize import write_graph
    from kg.pipeline import merge_results

    EXAMPLES["graph"] += 1
    EXAMPLES["graph documents"] += len(records)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
        docs = [d for d in iter_sources([path]) if isinstance(d, RawDocument)]
        if not docs:
            return
        graph = build_graph(merge_results([pipeline.process(d) for d in docs]), lexicon)
        for fmt, rdf_format in (("nt", pyoxigraph.RdfFormat.N_TRIPLES), ("trig", pyoxigraph.RdfFormat.TRIG)):
            out = Path(folder) / f"graph.{fmt}"
            write_graph(graph, out, fmt)
            assert list(pyoxigraph.parse(path=str(out), format=rdf_format))
        from xml.etree import ElementTree

        from kg.graph.export import generate_gexf, generate_graphml

        for xml in (generate_gexf(graph), generate_graphml(graph)):
            ElementTree.fromstring(xml.encode("utf-8"))  # well-formed XML


def test_zz_examples_were_run():
    """Runs last in this file: every fuzz test ran its examples (the count is printed with -s)."""
    print(f"\nhypothesis examples run: {dict(EXAMPLES)}, total {sum(EXAMPLES.values())}")
    if EXAMPLES:
        assert EXAMPLES["jsonl"] >= 100 and EXAMPLES["decode_bytes"] >= 100
