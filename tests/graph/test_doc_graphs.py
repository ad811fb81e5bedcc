"""The store of a build: each document's provenance in a graph of its own, the answers those of the graph file."""
from __future__ import annotations

import pytest

from kg.build import build
from kg.graph.doc_graphs import document_of


@pytest.fixture(scope="module", params=["memory", "streamed"])
def seeds_build(request, seeds_dir, pipeline, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"seeds-{request.param}")
    build([seeds_dir], out, html=False, pipeline=pipeline, store=True, formats=("nt",),
          streamed=request.param == "streamed")
    return out


def _graphs(store_dir) -> dict:
    """graph name ('' for the default graph) -> its triples, as N-Triples text."""
    import pyoxigraph as ox

    from kg.graph.store import open_store

    store = open_store(store_dir)
    out: dict = {}
    for q in store.quads_for_pattern(None, None, None):
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.setdefault(name, set()).add(f"{q.subject} {q.predicate} {q.object}")
    del store
    return out


def test_each_document_has_its_provenance_in_its_own_graph(seeds_build):
    graphs = _graphs(seeds_build / "store")
    nt = {line[:-2] for line in (seeds_build / "graph.nt").read_text(encoding="utf-8").splitlines()}
    docs = {line.split(" ")[0][1:-1] for line in nt if "ontology#documentFormat" in line}
    assert set(graphs) - {""} == docs and len(docs) >= 5  # one graph per document, named by its IRI
    every = set().union(*graphs.values())
    assert nt <= every and not nt & graphs[""] & set().union(*(graphs[d] for d in docs))  # each triple once
    evidence = [t for t in nt if "/evidence/" in t.split(" ")[0]]
    assert evidence and not any(t in graphs[""] for t in evidence)
    for doc in docs:  # what a document's graph holds names that document
        links = [t for t in graphs[doc] if "wasDerivedFrom" in t]
        assert all(document_of(*(x.strip("<>") for x in t.split(" ", 2))) == doc for t in links)
    assert any("wasDerivedFrom" in t for d in docs for t in graphs[d])


# a join of the news with the catalogue that takes Oxigraph minutes on any store, named graphs or not
SLOW = {"news-vs-catalogue-industries"}


def test_the_store_answers_the_saved_queries_as_the_graph_file(seeds_build):
    from kg.graph.query import display_rows
    from kg.graph.store import memory_store, open_store, query_store
    from kg.ontology import ontology_files
    from kg.queries import bind_params, list_queries

    store, flat = open_store(seeds_build / "store"), memory_store([seeds_build / "graph.nt", *ontology_files()])
    asked = 0
    for q in list_queries():
        if q.name in SLOW:
            continue
        bindings = bind_params([f"{p.name}={p.example}" for p in q.params if p.required and p.example])
        if any(p.required and not p.example for p in q.params):
            continue
        got = query_store(store, q.sparql, bindings)
        assert display_rows(got[1], compact=False) == display_rows(query_store(flat, q.sparql, bindings)[1],
                                                                  compact=False), q.name
        asked += bool(got[1])
    assert asked >= 10
    del store


def test_dropping_a_document_graph_leaves_the_merged_nodes(seeds_build, tmp_path):
    import shutil

    import pyoxigraph as ox

    shutil.copytree(seeds_build / "store", tmp_path / "store", ignore=shutil.ignore_patterns("LOCK"))
    store = ox.Store(str(tmp_path / "store"))
    doc = next(g for g in store.named_graphs())
    before = len(store)
    store.update(f"DROP GRAPH <{doc.value}>")
    assert 0 < len(store) < before and not list(store.quads_for_pattern(None, None, None, doc))
    assert list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    del store


def test_the_store_loaded_in_small_parts_holds_the_same_quads(seeds_build, tmp_path, monkeypatch):
    import kg.graph.store as store_module

    calls = []
    load_file = store_module._load_file
    monkeypatch.setattr(store_module, "_load_file", lambda *args: calls.append(args) or load_file(*args))
    store_module.load_build_store(seeds_build / "graph.nt", tmp_path / "store", part_quads=100)
    lines = (seeds_build / "graph.nt").read_text(encoding="utf-8").count("\n")
    assert len(calls) >= -(-lines // 100)  # the graph went in parts of 100 quads
    assert _graphs(tmp_path / "store") == _graphs(seeds_build / "store")  # every graph, the default one too
