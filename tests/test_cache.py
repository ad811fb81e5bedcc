"""Incremental builds: only new and changed documents are extracted, and the graph is exactly
what a fresh build of the current inputs gives (entity merging included)."""
from __future__ import annotations

from kg.build import build
from kg.cache import ResultCache
from kg.text.readers import RawDocument
from kg.types import Document, DocumentResult

DOCS = {
    "a.txt": "苏州高新区聚焦集成电路、生物医药等主导产业。",
    "b.txt": "无锡经开区重点发展物联网产业。",
    "c.txt": "苏州高新区引进了迈为股份。",
}


def _write(folder, docs):
    folder.mkdir(exist_ok=True)
    for p in folder.iterdir():
        if p.name not in docs:
            p.unlink()
    for name, text in docs.items():
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text:
            (folder / name).write_text(text, encoding="utf-8")


def _fresh(pipeline, folder, out):
    build([folder], out, html=False, pipeline=pipeline, formats=("nt", "ttl"))
    return (out / "graph.nt").read_bytes(), (out / "graph.ttl").read_bytes()


def _cached(pipeline, folder, out):
    report = build([folder], out, html=False, pipeline=pipeline, formats=("nt", "ttl"), cache_dir=out / ".cache")
    return report, ((out / "graph.nt").read_bytes(), (out / "graph.ttl").read_bytes())


def test_add_change_remove(pipeline, tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    docs = dict(DOCS)
    _write(src, docs)
    report, graph = _cached(pipeline, src, out)
    assert (report.extracted, report.cached) == (3, 0)
    assert graph == _fresh(pipeline, src, tmp_path / "fresh0")

    report, again = _cached(pipeline, src, out)
    assert (report.extracted, report.cached) == (0, 3)
    assert again == graph

    docs["d.txt"] = "无锡经开区与苏州高新区协同发展，引进了华润微电子。"
    _write(src, docs)
    report, graph = _cached(pipeline, src, out)
    assert (report.extracted, report.cached) == (1, 3)
    assert graph == _fresh(pipeline, src, tmp_path / "fresh1")

    docs["b.txt"] = "无锡经开区重点发展物联网和集成电路产业。"
    _write(src, docs)
    report, graph = _cached(pipeline, src, out)
    assert (report.extracted, report.cached) == (1, 3)
    assert graph == _fresh(pipeline, src, tmp_path / "fresh2")

    del docs["a.txt"]
    _write(src, docs)
    report, graph = _cached(pipeline, src, out)
    assert (report.extracted, report.cached) == (0, 3)
    assert graph == _fresh(pipeline, src, tmp_path / "fresh3")
    assert b"/doc/a>" not in graph[0]
    assert len(ResultCache(out / ".cache", pipeline.lexicon.fingerprint)) == 3  # the removed entry was pruned


def test_merging_spans_cached_and_new_documents(pipeline, tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src, {"a.txt": DOCS["a.txt"]})
    _cached(pipeline, src, out)
    _write(src, {"a.txt": DOCS["a.txt"], "c.txt": DOCS["c.txt"]})
    report, (nt, _) = _cached(pipeline, src, out)
    assert (report.extracted, report.cached) == (1, 1)
    park = [line for line in nt.decode().splitlines() if "mentionedIn" in line and "/park/suzhougaoxinqu" in line]
    assert {line.rsplit("/doc/", 1)[1].split(">")[0] for line in park} == {"a", "c"}


def test_key_follows_content_and_pipeline(tmp_path):
    cache = ResultCache(tmp_path, "onto-1")
    raw = RawDocument("d1", "园区", "x/d1.txt")
    assert cache.key(raw) == cache.key(RawDocument("d1", "园区", "elsewhere/d1.txt"))
    assert cache.key(raw) != cache.key(RawDocument("d1", "园区。", "x/d1.txt"))
    assert cache.key(raw) != cache.key(RawDocument("d2", "园区", "x/d1.txt"))
    assert cache.key(raw) != ResultCache(tmp_path / "other", "onto-2").key(raw)
    cache.put(cache.key(raw), DocumentResult(Document("d1", "园区", "x/d1.txt")))
    cache.close()
    reopened = ResultCache(tmp_path, "onto-1")
    assert reopened.get(reopened.key(raw), raw).document.text == "园区"
    assert reopened.prune({reopened.key(raw)}) == 0 and len(reopened) == 1


def test_a_changed_ontology_extracts_again(pipeline, tmp_path, monkeypatch):
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src, {"a.txt": DOCS["a.txt"]})
    _cached(pipeline, src, out)
    monkeypatch.setattr(pipeline.lexicon, "fingerprint", pipeline.lexicon.fingerprint + "-edited")
    report, _ = _cached(pipeline, src, out)
    assert (report.extracted, report.cached) == (1, 0)
