"""The Oxigraph store: bulk load, atomic replacement, queries with bound parameters."""
from __future__ import annotations

import os

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import QueryError
from kg.graph.store import StoreError, bind_values, is_store, load_into_store, open_store, query_store

PARK = "https://w3id.org/parkkg/id/park/"
TTL = """@prefix pk: <https://w3id.org/parkkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix park: <https://w3id.org/parkkg/id/park/> .
@prefix industry: <https://w3id.org/parkkg/id/industry/> .
park:sz a pk:Park ; skos:prefLabel "苏州高新区"@zh ; pk:hasLeadingIndustry industry:ic .
park:wx a pk:Park ; skos:prefLabel "无锡经开区"@zh ; pk:hasLeadingIndustry industry:iot .
industry:ic a pk:Industry ; skos:prefLabel "集成电路"@zh .
industry:iot a pk:Industry ; skos:prefLabel "物联网"@zh .
"""
BY_INDUSTRY = """PREFIX pk: <https://w3id.org/parkkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
# a comment with a { brace
SELECT ?parkName WHERE {
  ?p pk:hasLeadingIndustry ?i ; skos:prefLabel ?parkName .
  ?i skos:prefLabel ?name .
  FILTER(STR(?name) = STR(?industry))
} ORDER BY ?parkName
"""


@pytest.fixture
def store_dir(tmp_path):
    (tmp_path / "g.ttl").write_text(TTL, encoding="utf-8")
    assert load_into_store([tmp_path / "g.ttl"], tmp_path / "store") == 10
    return tmp_path / "store"


def test_select_with_a_parameter_used_only_in_a_filter(store_dir):
    store = open_store(store_dir)
    columns, rows = query_store(store, BY_INDUSTRY, {"industry": Literal("集成电路", lang="zh")})
    assert columns == ["parkName"] and rows == [[Literal("苏州高新区", lang="zh")]]
    _, rows = query_store(store, BY_INDUSTRY, {"industry": Literal('x" } DROP ALL #')})
    assert rows == []  # a hostile value is a value, not query text


def test_same_answers_as_rdflib(store_dir):
    g = Graph().parse(data=TTL, format="turtle")
    expected = [list(r) for r in g.query(BY_INDUSTRY, initBindings={"industry": Literal("物联网")})]
    assert query_store(open_store(store_dir), BY_INDUSTRY, {"industry": Literal("物联网")})[1] == expected


def test_ask_and_errors(store_dir):
    store = open_store(store_dir)
    assert query_store(store, "ASK { ?s ?p ?o }") == (["ask"], [[True]])
    with pytest.raises(QueryError, match="does not parse"):
        query_store(store, "SELECT WHERE {")
    columns, rows = query_store(store, "CONSTRUCT WHERE { ?s ?p ?o }")
    assert columns == ["subject", "predicate", "object"] and rows == sorted(rows, key=lambda t: [x.n3() for x in t])


def test_reload_replaces_the_store_and_a_bad_file_leaves_it(store_dir, tmp_path):
    (tmp_path / "small.nt").write_text(f"<{PARK}x> <urn:p> <urn:o> .\n", encoding="utf-8")
    assert load_into_store([tmp_path / "small.nt"], store_dir) == 1
    (tmp_path / "bad.nt").write_text("<not closed\n", encoding="utf-8")
    with pytest.raises(StoreError, match="could not be loaded"):
        load_into_store([tmp_path / "bad.nt"], store_dir)
    assert len(open_store(store_dir)) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".store")]  # no temporary folders left


def test_line_formats_load_in_parts_to_the_same_store(tmp_path):
    import pyoxigraph as ox

    lines = [f"<{PARK}p{i}> <urn:p> <{PARK}p{i + 1}> .\n" for i in range(6)]
    lines[1:1] = [f"<{PARK}p0> <urn:p> _:b .\n"]  # a blank node on line 2 and line 8: one node
    lines += ['_:b <urn:q> "园区"@zh .\n', f'<{PARK}p9> <urn:r> "a_:b" .\n']
    (tmp_path / "g.nt").write_text("".join(lines), encoding="utf-8")
    (tmp_path / "g.nq").write_text("".join(f"{line[:-3]} <urn:g> .\n" for line in lines), encoding="utf-8")
    assert load_into_store([tmp_path / "g.nt", tmp_path / "g.nq"], tmp_path / "one", part_quads=100) == 18
    assert load_into_store([tmp_path / "g.nt", tmp_path / "g.nq"], tmp_path / "parts", part_quads=2) == 18
    ask = "SELECT ?n WHERE { <%sp0> <urn:p> ?b . ?b <urn:q> ?n }" % PARK  # over both graphs: two rows
    one, parts = open_store(tmp_path / "one"), open_store(tmp_path / "parts")
    assert query_store(parts, ask) == query_store(one, ask) and len(query_store(parts, ask)[1]) == 2
    plain = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o FILTER(!isBlank(?o) && !isBlank(?s)) } }"
    assert sorted(map(str, parts.query(plain))) == sorted(map(str, one.query(plain)))
    del one, parts
    (tmp_path / "bad.nt").write_text("".join(lines[:4]) + "<not closed\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"bad.nt \(lines 4-5\): could not be loaded"):
        load_into_store([tmp_path / "bad.nt"], tmp_path / "parts", part_quads=2)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no parts nor temporary folders left


def test_is_store_and_open_errors(tmp_path):
    assert not is_store(tmp_path) and not is_store(tmp_path / "missing")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        open_store(tmp_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("x")
    (tmp_path / "g.nt").write_text("<urn:a> <urn:b> <urn:c> .\n")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        load_into_store([tmp_path / "g.nt"], tmp_path / "other")


def test_bind_values_skips_braces_in_iris_strings_and_comments():
    q = 'PREFIX a: <http://x/{}> # {\nSELECT ("{" AS ?x) WHERE { ?s ?p ?o }'
    assert bind_values(q, {"o": "<urn:o>"}).endswith('WHERE { VALUES ?o { <urn:o> } ?s ?p ?o }')
    with pytest.raises(QueryError):
        bind_values("SELECT ?x", {"x": "1"})


def test_a_build_writes_a_queryable_store(pipeline, tmp_path):
    from kg.build import build

    (tmp_path / "a.txt").write_text("苏州高新区聚焦集成电路、生物医药等主导产业。", encoding="utf-8")
    build([tmp_path / "a.txt"], tmp_path / "out", html=False, pipeline=pipeline, store=True)
    store = open_store(tmp_path / "out" / "store")
    _, rows = query_store(store, BY_INDUSTRY, {"industry": Literal("集成电路", lang="zh")})
    assert rows == [[Literal("苏州高新区", lang="zh")]]
    from kg.ontology import ontology_files

    expected = Graph().parse(tmp_path / "out" / "graph.ttl")
    for f in ontology_files():
        expected.parse(f)
    assert len(store) == len(expected)  # the graph and the ontology, as kg query reads them
    assert isinstance(query_store(store, "SELECT ?s WHERE { ?s a ?c } LIMIT 1")[1][0][0], URIRef)


def test_swap_into_place_exchanges_folders_in_one_step(tmp_path, monkeypatch):
    import sys

    import kg.graph.outputs as store

    old, new = tmp_path / "store", tmp_path / ".store.x.tmp"
    old.mkdir()
    (old / "CURRENT").write_text("old")
    new.mkdir()
    (new / "CURRENT").write_text("new")
    renames = []
    monkeypatch.setattr(store.os, "replace", lambda a, b: renames.append((a, b)) or os.rename(a, b))
    store.swap_into_place(new, old)
    assert (old / "CURRENT").read_text() == "new" and not new.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
    if sys.platform.startswith("linux"):
        assert renames == []  # renameat2(RENAME_EXCHANGE): no moment without a store
