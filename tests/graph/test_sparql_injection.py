"""SPARQL parameters are bound as RDF terms, never pasted into the query text.

A value that would break out of a pasted query (``"} DROP ALL; #``) must match
only a literal with exactly that text, leave the graph as it was, and never reach
the query parser.
"""
from __future__ import annotations

import pytest
import rdflib
import rdflib.plugins.sparql
from click.testing import CliRunner
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SKOS

import kg.graph.query as query_module
from kg.cli import main
from kg.errors import QueryError
from kg.graph.build import PK, new_graph
from kg.graph.query import run_query
from kg.graph.serialize import write_turtle
from kg.queries import bind_params

HOSTILE = [
    '"} DROP ALL; #',
    '苏州高新区"@zh } ; DELETE WHERE { ?s ?p ?o } #',
    "' } UNION { ?park ?p ?o } #",
    '"\n} UNION { ?park ?p ?name }\n#',
    '" || "1" = "1',
    "?name",
    "<https://w3id.org/parkkg/id/park/a> ?p ?o . #",
    "https://x.org/a> ?p ?o } #",
    "2025 || true",
    "\\\" ) } DROP GRAPH <urn:x> #",
]

BY_NAME = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?park WHERE { ?park skos:prefLabel ?name } ORDER BY ?park"""

BY_NAME_FILTER = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?park ?label WHERE { ?park skos:prefLabel ?label . FILTER(STR(?label) = STR(?name)) } ORDER BY ?park"""

TRAP = URIRef("https://w3id.org/parkkg/id/park/trap")


@pytest.fixture
def graph():
    g = new_graph()
    for i, name in enumerate(["苏州高新区", "无锡高新区"]):
        park = URIRef(f"https://w3id.org/parkkg/id/park/p{i}")
        g.add((park, RDF.type, PK.Park))
        g.add((park, SKOS.prefLabel, Literal(name, lang="zh")))
    # a park whose name *is* a hostile value: only an exact literal match finds it
    g.add((TRAP, RDF.type, PK.Park))
    g.add((TRAP, SKOS.prefLabel, Literal(HOSTILE[0], lang="zh")))
    return g


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_bind_as_literals(value):
    term = bind_params([f"name={value}"])["name"]
    assert isinstance(term, Literal) and not isinstance(term, URIRef)
    assert str(term) == value and term.language == "zh"


@pytest.mark.parametrize("sparql", [BY_NAME, BY_NAME_FILTER], ids=["pattern", "filter"])
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_match_only_themselves_and_change_nothing(graph, sparql, value, monkeypatch):
    before = set(graph)
    parsed = []
    real_prepare = rdflib.plugins.sparql.prepareQuery
    monkeypatch.setattr(rdflib.plugins.sparql, "prepareQuery", lambda text, **kw: parsed.append(text)
                        or real_prepare(text, **kw))
    columns, rows = run_query(graph, sparql, bind_params([f"name={value}"]))
    assert parsed == [sparql], "the value must never be part of the text the parser sees"
    assert set(graph) == before, "the graph must be unchanged"
    expected = [[TRAP]] if value == HOSTILE[0] else []
    assert [row[:1] for row in rows] == expected


def test_an_ordinary_value_still_matches(graph):
    _, rows = run_query(graph, BY_NAME, bind_params(["name=苏州高新区"]))
    assert rows == [[URIRef("https://w3id.org/parkkg/id/park/p0")]]


def test_cli_query_with_hostile_param_leaves_the_graph_file_unchanged(graph, tmp_path):
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    before = path.read_bytes()
    for value in HOSTILE:
        result = CliRunner().invoke(main, ["query", BY_NAME_FILTER, "--graph", str(path), "--no-ontology",
                                           "--param", f"name={value}", "--format", "json"])
        assert result.exit_code == 0, result.output
        if value != HOSTILE[0]:
            assert "p0" not in result.output and "p1" not in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("update", ["DROP ALL", "PREFIX s: <http://x/> DELETE WHERE { ?s ?p ?o }",
                                    "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"])
def test_updates_are_refused(graph, update):
    before = set(graph)
    with pytest.raises(QueryError, match="Update"):
        run_query(graph, update)
    assert set(graph) == before


def test_bound_values_reach_the_engine_as_init_bindings(graph, monkeypatch):
    seen = {}
    real_query = rdflib.Graph.query

    def spy(self, q, *args, **kwargs):
        seen.update(kwargs.get("initBindings") or {})
        return real_query(self, q, *args, **kwargs)

    monkeypatch.setattr(rdflib.Graph, "query", spy)
    run_query(graph, BY_NAME, bind_params([f"name={HOSTILE[0]}"]))
    assert seen == {"name": Literal(HOSTILE[0], lang="zh")}
    assert query_module.run_query is run_query
