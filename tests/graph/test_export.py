"""Every export parses back: RDF with pyoxigraph (strict IRIs) and rdflib, networks with networkx, CSV by header.

The graph is built by `kg.build.build` from two tiny documents; one test builds
the project's seeds/ to check that the ontology declares every pk: property the
real graph uses.
"""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, XSD, URIRef

from kg.cli import main
from kg.graph.build import PK
from kg.graph.export import (EXPORT_FORMATS, FILE_NAMES, ExportError, document_graphs, network, ontology_graph,
                             parse_formats, write_exports)

TEXTS = {
    "a.txt": "苏州高新区以集成电路和第三代半导体为主导产业，聚集了华润微电子有限公司等龙头企业，建有太湖实验室。\n\n"
             "苏州高新区与无锡高新区协同发展。\n\n"
             "到2025年，苏州高新区集成电路产业规模超300亿元。\n",
    "b.txt": "无锡高新区以集成电路和生物医药为主导产业，引进了迈为股份等企业。\n",
}
DOC = "https://w3id.org/parkkg/id/doc/"
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))


@pytest.fixture(scope="module")
def built(build_texts):
    # every fact kept, whatever the fitted confidence says of it: these tests are about the exports
    out, _ = build_texts(TEXTS, html=False, min_confidence=0.0)
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def graph(built):
    return rdflib.Graph().parse(built, format="turtle")


@pytest.fixture(scope="module")
def exported(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    written = write_exports(graph, out)
    return out, written


def ox_triples(path, fmt):
    """The file parsed by pyoxigraph (strict: a bad IRI fails), as a set of N-Triples-like strings."""
    return {f"{q.subject} {q.predicate} {q.object}" for q in ox.parse(path=str(path), format=fmt)}


def ox_quads(path):
    return {(f"{q.subject} {q.predicate} {q.object}", str(q.graph_name)) for q in ox.parse(path=str(path),
                                                                                              format=ox.RdfFormat.N_QUADS)}


def as_ox(graph):
    """An rdflib graph in the string form pyoxigraph gives its triples."""
    from kg.graph.serialize import nt_term

    def term(t):
        return nt_term(t)

    return {f"{term(s)} {term(p)} {term(o)}" for s, p, o in graph}


def test_every_format_is_written(exported):
    out, written = exported
    assert sorted(p.name for p in written) == sorted(n for names in FILE_NAMES.values() for n in names)
    assert all(p.stat().st_size > 0 for p in written)


@pytest.mark.parametrize("name,fmt,rdflib_fmt", [("graph.ttl", ox.RdfFormat.TURTLE, "turtle"),
                                                  ("graph.nt", ox.RdfFormat.N_TRIPLES, "nt"),
                                                  ("graph.jsonld", ox.RdfFormat.JSON_LD, "json-ld")])
def test_rdf_exports_parse_back_to_the_same_graph(exported, graph, name, fmt, rdflib_fmt):
    out, _ = exported
    assert ox_triples(out / name, fmt) == as_ox(graph)
    back = rdflib.Graph().parse(out / name, format=rdflib_fmt)
    assert set(back) == set(graph)


def test_ntriples_are_sorted_lines(exported):
    lines = (exported[0] / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and all(line.endswith(" .") for line in lines)


def test_nquads_name_a_graph_per_document(exported, graph):
    path = exported[0] / "graph.nq"
    quads = ox_quads(path)
    # the union of all graphs is the graph
    assert {t for t, _ in quads} == as_ox(graph)
    names = {g for _, g in quads}
    assert names == {"DEFAULT", f"<{DOC}a>", f"<{DOC}b>"}
    ds = rdflib.Dataset()
    ds.parse(path, format="nquads")
    by_name = {str(c.identifier): set(c) for c in ds.graphs() if len(c)}
    a, b = by_name[f"{DOC}a"], by_name[f"{DOC}b"]
    # evidence lives in its own document's graph
    assert {o for _, p, o in a if p == PK.inDocument} == {URIRef(f"{DOC}a")}
    assert {o for _, p, o in b if p == PK.inDocument} == {URIRef(f"{DOC}b")}
    # the facts each document states: 迈为股份 comes from b only, 太湖实验室 from a only
    assert any(p == PK.hasEnterprise and "maiweigufen" in o for _, p, o in b)
    assert not any("maiweigufen" in o for _, _, o in a)
    assert any(p == PK.hasPlatform for _, p, _ in a) and not any(p == PK.hasPlatform for _, p, _ in b)
    assert any(p == PK.hasTarget for _, p, _ in a) and not any(p == PK.hasTarget for _, p, _ in b)
    # names and classes are shared: in the default graph, not in a document's
    assert not any(p == URIRef("http://www.w3.org/2004/02/skos/core#prefLabel") for _, p, _ in a)
    assert any(p == URIRef("http://www.w3.org/2004/02/skos/core#prefLabel") for _, p, _ in by_name[
        next(n for n in by_name if "parkkg" not in n)])


def test_document_graphs_partition_covers_every_triple(graph):
    parts = document_graphs(graph)
    union = set().union(*parts.values())
    assert union == set(graph)
    assert set(parts) == {None, URIRef(f"{DOC}a"), URIRef(f"{DOC}b")}


def test_jsonld_is_compacted_with_project_prefixes(exported):
    doc = json.loads((exported[0] / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["pk"] == str(PK)
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids == sorted(ids) and any(i.startswith("park:") for i in ids)


def test_ontology_opens_cleanly_with_every_term_declared(exported, graph):
    path = exported[0] / "ontology.ttl"
    assert ox_triples(path, ox.RdfFormat.TURTLE)  # strict parse
    onto = rdflib.Graph().parse(path, format="turtle")
    assert len(list(onto.subjects(RDF.type, OWL.Ontology))) == 1
    used = {p for p in set(onto.predicates()) | set(graph.predicates()) if not str(p).startswith(BUILTIN)}
    undeclared = sorted(str(p) for p in used if not any((p, RDF.type, k) in onto for k in PROPERTY_KINDS))
    assert undeclared == []
    # OWL 2 DL: one kind per property
    punned = [str(p) for p in used if sum((p, RDF.type, k) in onto for k in PROPERTY_KINDS) > 1]
    assert punned == []
    # super-properties keep the kind of ours (pk:inDocument ⊑ dcterms:isPartOf, an object property)
    assert (URIRef("http://purl.org/dc/terms/isPartOf"), RDF.type, OWL.ObjectProperty) in onto
    assert (URIRef("http://www.w3.org/ns/prov#value"), RDF.type, OWL.DatatypeProperty) in onto
    # every class the graph uses is declared
    classes = {o for o in graph.objects(None, RDF.type) if not str(o).startswith(BUILTIN)}
    assert sorted(str(c) for c in classes if (c, RDF.type, OWL.Class) not in onto) == []


def test_the_ontology_declares_every_pk_property_of_the_seeds_graph(seeds_dir, pipeline, tmp_path):
    from kg.build import build

    build([seeds_dir], tmp_path, html=False, pipeline=pipeline)
    seeds = rdflib.Graph().parse(tmp_path / "graph.ttl", format="turtle")
    onto = ontology_graph()
    used = {p for p in seeds.predicates() if str(p).startswith(str(PK))}
    assert len(used) > 10
    declared_in_files = ontology_graph(graph=None)
    missing = sorted(str(p) for p in used if not any((p, RDF.type, k) in declared_in_files for k in
                                                     (OWL.ObjectProperty, OWL.DatatypeProperty)))
    assert missing == [], "declare these in ontology/parkkg.ttl"
    assert all(any((p, RDF.type, k) in onto for k in PROPERTY_KINDS) for p in used)


def test_gexf_and_graphml_read_back_into_networkx(exported, graph):
    net = network(graph)
    for name, reader in (("graph.gexf", nx.read_gexf), ("graph.graphml", nx.read_graphml)):
        g = reader(exported[0] / name)
        assert g.is_directed()
        assert g.number_of_nodes() == len(net.nodes) and g.number_of_edges() == len(net.edges)
        labels = {d["label"] for _, d in g.nodes(data=True)}
        assert {"苏州高新区", "无锡高新区", "集成电路", "迈为股份", "太湖实验室"} <= labels
        assert {d["class"] for _, d in g.nodes(data=True)} == {"Park", "Industry", "Enterprise", "Platform",
                                                               "Target"}
        relations = {d["relation"] for _, _, d in g.edges(data=True)}
        assert {"hasLeadingIndustry", "hasEnterprise", "hasPlatform", "hasTarget", "cooperatesWith"} <= relations
    # every pk: relation between two entities is an edge
    nodes = set(net.nodes)
    expected = {(str(s), str(p).split("#")[1], str(o)) for s, p, o in graph
                if str(p).startswith(str(PK)) and str(s) in nodes and str(o) in nodes}
    assert {(s, a["relation"], o) for s, o, a in net.edges} == expected


def test_csv_is_in_neo4j_admin_import_format(exported, graph):
    out = exported[0]
    nodes = list(csv.reader(io.StringIO((out / "nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.reader(io.StringIO((out / "edges.csv").read_text(encoding="utf-8"))))
    node_header, edge_header = nodes[0], edges[0]
    id_columns = [c for c in node_header if c.endswith(":ID")]
    assert len(id_columns) == 1 and ":LABEL" in node_header
    assert edge_header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert all(len(row) == len(node_header) for row in nodes) and all(len(row) == len(edge_header) for row in edges)
    ids = [row[node_header.index(id_columns[0])] for row in nodes[1:]]
    assert len(ids) == len(set(ids)) == len(network(graph).nodes)
    for row in edges[1:]:
        assert row[0] in ids and row[1] in ids and row[2]
    labels = {row[node_header.index(":LABEL")] for row in nodes[1:]}
    assert "HighTechZone;Park" in labels and "Enterprise" in labels
    # typed columns hold values of their type
    year = node_header.index("year:int")
    assert {row[year] for row in nodes[1:] if row[year]} == {"2025"}
    assert all(float(row[3]) > 0 for row in edges[1:] if row[3])


def test_exports_are_deterministic(graph, tmp_path):
    first = {p.name: p.read_bytes() for p in write_exports(graph, tmp_path / "one")}
    shuffled = rdflib.Graph()
    for triple in sorted(graph, reverse=True):
        shuffled.add(triple)
    second = {p.name: p.read_bytes() for p in write_exports(shuffled, tmp_path / "two")}
    assert first.keys() == second.keys()
    assert [n for n in first if first[n] != second[n]] == []


def test_parse_formats():
    assert parse_formats("all") == EXPORT_FORMATS
    assert parse_formats("gexf,ttl") == ("ttl", "gexf")
    with pytest.raises(ExportError, match="unknown export format"):
        parse_formats("ttl,xlsx")


def test_cli_export_writes_the_chosen_formats(built, tmp_path):
    result = CliRunner().invoke(main, ["export", str(built.parent), "--to", str(tmp_path / "x"),
                                       "--format", "csv,nq"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["edges.csv", "graph.nq", "nodes.csv"]
    bad = CliRunner().invoke(main, ["export", str(built), "--to", str(tmp_path / "y"), "--format", "xlsx"])
    assert bad.exit_code == 2 and "unknown export format" in bad.output and "Traceback" not in bad.output
    missing = CliRunner().invoke(main, ["export", str(tmp_path / "none.ttl"), "--to", str(tmp_path / "z")])
    assert missing.exit_code == 2 and "no such graph file" in missing.output


def test_csv_cells_that_would_run_as_formulas_are_neutralised():
    from rdflib import RDF, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

    from kg.graph.export import generate_neo4j_csv

    pk = Namespace("https://w3id.org/parkkg/ontology#")
    park, target = URIRef("https://w3id.org/parkkg/id/park/x"), URIRef("https://w3id.org/parkkg/id/target/t")
    ev, doc = URIRef("https://w3id.org/parkkg/id/evidence/e"), URIRef("https://w3id.org/parkkg/id/doc/d")
    g = Graph()
    g.add((park, RDF.type, pk.Park))
    g.add((park, SKOS.prefLabel, Literal("=SUM(A1)工业园区", lang="zh")))
    g.add((target, RDF.type, pk.Target))
    g.add((target, pk.metric, Literal("@产值")))
    g.add((target, pk.targetValue, Literal("-5.5", datatype=XSD.decimal)))
    g.add((park, pk.hasTarget, target))
    g.add((target, PROV.wasDerivedFrom, ev))
    g.add((ev, pk.inDocument, doc))
    g.add((ev, pk.sentenceText, Literal('=HYPERLINK("http://evil.example","点击")')))
    g.add((doc, DCTERMS.identifier, Literal("+d1")))
    nodes, edges = generate_neo4j_csv(g)
    node_rows = list(csv.reader(io.StringIO(nodes)))
    edge_rows = list(csv.reader(io.StringIO(edges)))
    cells = [c for row in node_rows[1:] + edge_rows[1:] for c in row]
    assert "'=SUM(A1)工业园区" in cells and "'@产值" in cells and "'+d1" in cells
    assert "'=HYPERLINK(\"http://evil.example\",\"点击\")" in cells
    assert "-5.5" in cells  # numbers stay numbers
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]


def test_every_export_format_has_its_files_and_its_writer():
    from kg.graph.export import WRITERS

    assert list(FILE_NAMES) == list(EXPORT_FORMATS) and set(WRITERS) == set(EXPORT_FORMATS)
