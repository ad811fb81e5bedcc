"""Parallel extraction gives the same bytes as one process; JSONL corpora and bad inputs in builds."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kg.build
import kg.extraction
from kg.build import build, extract, iter_documents

TEXTS = [
    "苏州高新区聚焦集成电路、生物医药等主导产业。",
    "无锡经开区重点发展物联网产业，引进了华润微电子。",
    "江阴临港经济开发区与苏州工业园区协同发展。",
    "到2025年，苏州高新区高新技术企业达到4500家。",
    "苏州工业园区以生物医药、纳米技术应用和人工智能为主导产业。",
    "常熟高新区对标苏州工业园区，发展氢能源汽车产业。",
    "南京江北新区建设集成电路设计产业园。",
]


@pytest.fixture
def corpus(tmp_path):
    p = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(TEXTS)]
    lines.insert(3, "{broken")
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def _graph(pipeline, corpus, out, **kw):
    report = build([corpus], out, html=False, pipeline=pipeline, formats=("ttl", "nt"), **kw)
    return report, (out / "graph.ttl").read_bytes(), (out / "graph.nt").read_bytes()


def test_same_bytes_whatever_the_number_of_processes(pipeline, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.extraction, "BATCH_DOCS", 2)  # several batches, finishing in any order
    r1, ttl1, nt1 = _graph(pipeline, corpus, tmp_path / "one", jobs=1)
    r2, ttl2, nt2 = _graph(pipeline, corpus, tmp_path / "two", jobs=2)
    assert r1.documents == r2.documents == len(TEXTS)
    assert len(r1.skipped) == len(r2.skipped) == 1 and "#L4" in r2.skipped[0]
    assert ttl1 == ttl2 and nt1 == nt2
    assert r2.extracted == len(TEXTS)


def test_results_come_back_in_document_order(pipeline, corpus, monkeypatch):
    monkeypatch.setattr(kg.extraction, "BATCH_DOCS", 1)
    results = extract([corpus], pipeline, jobs=2)
    assert [r.document.id for r in results] == [f"n{i}" for i in range(len(TEXTS))]


def test_duplicate_ids_across_inputs_are_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("苏州高新区", encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text("无锡经开区", encoding="utf-8")
    report = kg.build.BuildReport()
    docs = list(iter_documents([tmp_path / "a", tmp_path / "b", tmp_path / "missing.jsonl"], report))
    assert [d.source for d in docs] == [str(tmp_path / "a" / "x.txt")]
    assert "already used" in report.skipped[0] and "no such file" in report.skipped[1]


def test_a_document_that_breaks_extraction_is_skipped_not_fatal(pipeline, corpus, tmp_path, monkeypatch):
    original = pipeline.process

    def flaky(raw):
        if raw.id == "n2":
            raise ValueError("boom")
        return original(raw)

    monkeypatch.setattr(pipeline, "process", flaky)
    report = build([corpus], tmp_path / "out", html=False, pipeline=pipeline)
    assert report.documents == len(TEXTS) - 1
    assert any("extraction failed (ValueError: boom)" in s for s in report.skipped)


def test_cli_options(pipeline, corpus, tmp_path, monkeypatch):
    from kg.cli import main

    monkeypatch.setattr(kg.build, "Pipeline", lambda *a, **k: pipeline)  # no second start-up in the test
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--jobs", "2", "--format", "nt",
                                       "--format", "ttl", "--store", "--no-html", "-q"])
    assert result.exit_code == 1, result.output  # the broken line was skipped
    assert "skipped:" in result.output and "#L4" in result.output
    assert (out / "graph.nt").is_file() and (out / "graph.ttl").is_file() and (out / "store").is_dir()
    assert (out / ".cache" / "results.sqlite").is_file()
    again = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--format", "nt", "--no-html", "-j", "1"])
    assert f"({len(TEXTS)} from the cache)" in again.output
    nocache = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "o2"), "--no-cache", "--no-html",
                                        "-q"])
    assert nocache.exit_code == 1 and not (tmp_path / "o2" / ".cache").exists()
    assert "timings:" not in nocache.output
    timed = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "o3"), "--no-html", "-q", "--timings"])
    [line] = [x for x in timed.output.splitlines() if x.startswith("timings: ")]
    assert "extract " in line and "validate " in line and line.endswith(" s") and ", total " in line


def test_a_build_gives_the_garbage_collector_back_as_it_found_it(corpus, tmp_path, pipeline):
    # results and graph are kept out of the collector's sight while they live (kg.build.gc_frozen);
    # afterwards the collector must see every object again, or cyclic garbage would never be freed
    import gc

    assert gc.get_freeze_count() == 0
    with kg.build.gc_frozen():
        with kg.build.gc_frozen():
            pass
        assert gc.get_freeze_count() > 0  # an inner block does not unfreeze the outer one
    assert gc.get_freeze_count() == 0
    build([corpus], tmp_path / "out", html=False, pipeline=pipeline, jobs=2)
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_a_build_without_cache_gets_graph_parts_and_writes_the_same_files(pipeline, corpus, tmp_path, monkeypatch):
    # no cache keeps the results: workers send only what the graph needs (kg.extraction.graph_part)
    monkeypatch.setattr(kg.extraction, "BATCH_DOCS", 2)
    merged = []
    real = kg.build.merge_results

    def spy(results, *args, **kwargs):
        merged.append(list(results))
        return real(merged[-1], *args, **kwargs)

    monkeypatch.setattr(kg.build, "merge_results", spy)
    cached = build([corpus], tmp_path / "c", pipeline=pipeline, jobs=1, cache_dir=tmp_path / "cache",
                   formats=("ttl", "nt"))
    bare = build([corpus], tmp_path / "b", pipeline=pipeline, jobs=2, formats=("ttl", "nt"))
    assert any(r.mentions for r in merged[0]) and not any(r.mentions or r.document.raw_text for r in merged[1])
    for name in ("graph.ttl", "graph.nt", "graph.html"):
        assert (tmp_path / "c" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (cached.validation.conforms, cached.validation.violations) == (bare.validation.conforms,
                                                                          bare.validation.violations)
    assert cached.validation.triples == bare.validation.triples == bare.triples
    assert "validate_wait" in bare.seconds and "validate_wait" not in cached.seconds  # -j 2: checked aside


def test_a_check_that_fails_aside_leaves_the_previous_graph(pipeline, corpus, tmp_path, monkeypatch):
    import kg.graph.validate
    from kg.errors import ParkKGError

    out = tmp_path / "out"
    build([corpus], out, html=False, pipeline=pipeline, jobs=2)
    before = (out / "graph.ttl").read_bytes()
    other = tmp_path / "other.txt"
    other.write_text("无锡经开区重点发展物联网产业。", encoding="utf-8")

    def broken(*args, **kwargs):
        raise ParkKGError("shapes broken")

    monkeypatch.setattr(kg.graph.validate, "validate", broken)  # the forked check inherits it
    with pytest.raises(ParkKGError, match="shapes broken"):
        build([other], out, html=False, pipeline=pipeline, jobs=2)
    assert (out / "graph.ttl").read_bytes() == before


def test_the_graph_step_is_made_ready_while_workers_extract(pipeline, corpus):
    from kg.graph.iris import entity_iri

    ready = kg.build._GraphReady(shacl=True, ontology_dir=None)
    from kg.text.readers import RawDocument

    result = pipeline.process(RawDocument("r1", TEXTS[0], "r1.txt"))
    entity_iri.cache_clear()
    ready(result)
    assert entity_iri.cache_info().currsize == len(result.entities) > 0
    hits = entity_iri.cache_info().hits
    [entity_iri(e.key) for e in result.entities]
    assert entity_iri.cache_info().hits == hits + len(result.entities)


def _watch_runners(monkeypatch, events):
    real = kg.extraction.make_runner

    def make_runner(*args, **kw):
        runner = real(*args, **kw)
        close = runner.close
        runner.close = lambda: events.append("closed") or close()
        events.append("made")
        return runner

    monkeypatch.setattr(kg.extraction, "make_runner", make_runner)


def test_a_pool_giving_results_to_a_sink_is_renewed_every_few_documents(pipeline, corpus, monkeypatch):
    monkeypatch.setattr(kg.extraction, "BATCH_DOCS", 1)
    monkeypatch.setattr(kg.extraction, "RENEW_DOCS", 2)  # a fresh pool after every two documents
    events, got = [], []
    _watch_runners(monkeypatch, events)
    extract([corpus], pipeline, jobs=2, sink=lambda seq, result: got.append((seq, result)))
    assert events == ["made", "closed"] * 4  # 7 documents, 2 a pool; each closed before the next is made
    assert sorted(got, key=lambda g: g[0]) == list(enumerate(extract([corpus], pipeline, jobs=1)))


def test_a_pool_keeping_its_results_is_not_renewed(pipeline, corpus, monkeypatch):
    monkeypatch.setattr(kg.extraction, "BATCH_DOCS", 1)
    monkeypatch.setattr(kg.extraction, "RENEW_DOCS", 2)
    events = []
    _watch_runners(monkeypatch, events)
    results = extract([corpus], pipeline, jobs=2)
    assert events == ["made", "closed"] and [r.document.id for r in results] == [f"n{i}" for i in range(len(TEXTS))]


def test_a_renewed_pool_streams_the_same_bytes(pipeline, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.extraction, "BATCH_DOCS", 2)
    _, ttl1, nt1 = _graph(pipeline, corpus, tmp_path / "one", jobs=1, streamed=True)
    monkeypatch.setattr(kg.extraction, "RENEW_DOCS", 3)  # the workers build their own pipelines, three times
    _, ttl2, nt2 = _graph(None, corpus, tmp_path / "two", jobs=2, streamed=True)
    assert ttl1 == ttl2 and nt1 == nt2


def test_a_runner_that_is_not_renewable_is_kept(pipeline, corpus, monkeypatch):
    monkeypatch.setattr(kg.extraction, "BATCH_DOCS", 1)
    monkeypatch.setattr(kg.extraction, "RENEW_DOCS", 1)
    events, got = [], []
    _watch_runners(monkeypatch, events)
    extract([corpus], pipeline, jobs=1, sink=lambda seq, result: got.append(seq))
    assert events == ["made", "closed"] and got == list(range(len(TEXTS)))


def test_duplicate_ids_are_found_however_many_came_between(tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": "苏州高新区"}) for i in range(3000)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join([lines[0], lines[2999], json.dumps({"id": "new", "text": "园区"}),
                                                 lines[1500]]) + "\n", encoding="utf-8")
    report = kg.build.BuildReport()
    docs = list(iter_documents([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], report))
    assert [d.id for d in docs] == [f"d{i}" for i in range(3000)] + ["new"]
    assert [s.split(": ")[0] for s in report.skipped] == [f"{tmp_path / 'b.jsonl'}#L{n}" for n in (1, 2, 4)]
    assert all("already used" in s for s in report.skipped)
