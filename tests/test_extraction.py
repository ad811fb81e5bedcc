"""What extraction hands the build: the graph's part of a result, each result as it comes, nothing at exit."""
from __future__ import annotations

import dataclasses

import kg.extraction
from kg.extraction import GraphOnly, extract, graph_part
from kg.runners import Failure
from kg.text.readers import RawDocument

TEXT = "苏州高新区聚焦集成电路、生物医药等主导产业。\n到2025年，苏州高新区高新技术企业达到4500家。"


def test_the_graph_part_keeps_what_the_graph_is_built_from(pipeline):
    full = pipeline.process(RawDocument("g1", TEXT, "g1.txt"))
    part = graph_part(full)
    assert full.mentions and full.sentences and full.document.offset_map  # there was something to drop
    assert part.mentions == [] and part.sentences == [] and part.document.offset_map == ()
    assert part.document.raw_text == ""
    assert (part.entities, part.relations, part.targets) == (full.entities, full.relations, full.targets)
    kept = {f.name for f in dataclasses.fields(full.document)} - {"raw_text", "offset_map"}
    assert all(getattr(part.document, n) == getattr(full.document, n) for n in kept)


def test_a_failure_or_nothing_passes_through():
    failure = Failure("d", "d.txt", "ValueError: x")
    assert graph_part(failure) is failure and graph_part(None) is None


def test_graph_only_pipeline_works_in_worker_processes(pipeline, tmp_path):
    corpus = tmp_path / "a.txt"
    corpus.write_text(TEXT, encoding="utf-8")
    [one] = extract([corpus], GraphOnly(pipeline), jobs=1)
    [two] = extract([corpus], GraphOnly(pipeline), jobs=2)
    assert one == two and one.mentions == [] and one.entities


def test_each_sees_every_result_as_it_comes(pipeline, tmp_path):
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(TEXT, encoding="utf-8")
    seen = []
    results = extract([tmp_path], pipeline, jobs=2, each=seen.append)
    assert sorted(r.document.id for r in seen) == sorted(r.document.id for r in results) and len(seen) == 3


def test_no_collection_at_exit_registers_once(monkeypatch):
    registered = []
    monkeypatch.setattr(kg.extraction, "_EXIT_FREEZE", [])
    monkeypatch.setattr(kg.extraction.atexit, "register", registered.append)
    kg.extraction.no_collection_at_exit()
    kg.extraction.no_collection_at_exit()
    assert registered == [kg.extraction.gc.freeze]
