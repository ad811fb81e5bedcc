"""The external sort and the writers from sorted lines give exactly the bytes of kg.graph.serialize."""
from __future__ import annotations

import random

from rdflib import RDF, XSD, BNode, Literal, URIRef

from kg.graph.build import new_graph
from kg.graph.iris import BASE
from kg.graph.serialize import graph_prefixes, nt_term, write_nquads, write_ntriples, write_turtle
from kg.graph.sorted_lines import LineSorter, term_lines, write_sorted

PK = "https://w3id.org/parkkg/ontology#"


def _awkward_graph():
    g = new_graph()
    park = URIRef(BASE + "park/a-1")
    g.add((park, RDF.type, URIRef(PK + "Park")))
    g.add((park, URIRef(PK + "note"), Literal('引号"反斜杠\\换行\n制表\t', lang="zh")))
    g.add((park, URIRef(PK + "count"), Literal(3, datatype=XSD.integer)))
    g.add((park, URIRef(PK + "count"), Literal("03x", datatype=XSD.integer)))  # not a plain integer: quoted
    g.add((park, URIRef(PK + "share"), Literal("0.5", datatype=XSD.decimal)))
    g.add((park, URIRef(PK + "open"), Literal("true", datatype=XSD.boolean)))
    g.add((park, URIRef(PK + "date"), Literal("2024-05-08", datatype=XSD.date)))
    g.add((park, URIRef(PK + "plain"), Literal("a b")))
    g.add((park, URIRef(PK + "plain"), Literal("a")))
    g.add((park, URIRef(PK + "link"), URIRef("http://example.org/a b")))  # percent-encoded on writing
    g.add((park, URIRef(PK + "link"), URIRef("http://example.org/x")))
    g.add((URIRef("http://example.org/x"), URIRef("http://example.org/p"), BNode("b1")))
    for i in range(40):
        g.add((URIRef(f"{BASE}industry/i-{i}"), RDF.type, URIRef(PK + "Industry")))
        g.add((URIRef(f"{BASE}industry/i-{i}"), URIRef(PK + "mentionedIn"), URIRef(f"{BASE}doc/d{i % 7}")))
    return g


def test_sorted_lines_write_the_same_bytes_as_the_graph_writers(tmp_path):
    g = _awkward_graph()
    write_turtle(g, tmp_path / "ref.ttl")
    write_ntriples(g, tmp_path / "ref.nt")
    write_nquads(g, tmp_path / "ref.nq", BASE + "graph")
    lines = list(term_lines(g)) * 2  # every triple twice
    random.Random(7).shuffle(lines)
    sorter = LineSorter(chunk_lines=7, directory=tmp_path)  # many runs on disk
    for line in lines:
        sorter.add(line)
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in ("ttl", "nt", "nq")}
    counts = write_sorted(sorter.sorted_unique(), paths, graph_prefixes(new_graph()), BASE + "graph")
    sorter.close()
    for fmt in ("ttl", "nt", "nq"):
        assert paths[fmt].read_bytes() == (tmp_path / f"ref.{fmt}").read_bytes(), fmt
    assert (counts.triples, counts.entities) == (len(g), 41)
    assert not any(p.name.startswith("kg-sort-") for p in tmp_path.iterdir())  # the runs are gone


def test_line_order_is_the_order_of_the_terms():
    """Sorting whole lines sorts by (subject, predicate, object) in N-Triples form, as the graph writers do."""
    subjects = [URIRef("http://x.org/a"), URIRef("http://x.org/a-b"), URIRef("http://x.org/a/b")]
    predicates = [URIRef("http://x.org/p"), URIRef("http://x.org/p-q")]
    objects = [Literal("z"), Literal("z y"), Literal("z", lang="zh"), URIRef("http://x.org/o")]
    triples = [(nt_term(s), nt_term(p), nt_term(o)) for s in subjects for p in predicates for o in objects]
    assert sorted(" ".join(t) for t in triples) == [" ".join(t) for t in sorted(triples)]
