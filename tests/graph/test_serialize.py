"""The streaming Turtle and N-Triples writers: parseable, isomorphic, byte-deterministic."""
from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg.graph.serialize import generate_ntriples, generate_turtle, write_graph, write_turtle

EX = Namespace("http://example.org/")
PK = Namespace("https://w3id.org/parkkg/ontology#")


def _assert_same(g1: Graph, g2: Graph):
    if not isomorphic(g1, g2):
        _, only1, only2 = graph_diff(g1, g2)
        raise AssertionError("graphs differ:\nonly in first:\n" + "\n".join(map(str, sorted(only1)))
                             + "\nonly in second:\n" + "\n".join(map(str, sorted(only2))))


def _parse_everywhere(text: str, fmt: str) -> Graph:
    import pyoxigraph as ox

    store = ox.Store()
    store.load(io.BytesIO(text.encode("utf-8")), ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=text, format=fmt), len(store)


def _sample() -> Graph:
    g = Graph()
    g.bind("pk", PK)
    g.bind("ex", EX)
    park = URIRef("https://w3id.org/parkkg/id/park/suzhougaoxinqu-90e9d7")
    g.add((park, RDF.type, PK.Park))
    g.add((park, RDF.type, PK.HighTechZone))
    g.add((park, PK.label, Literal("苏州高新区", lang="zh")))
    g.add((park, PK.note, Literal('引号"、反斜杠\\、换行\n、制表\t、回车\r 和 \x01')))
    g.add((park, PK.hasCount, Literal(4500, datatype=XSD.integer)))
    g.add((park, PK.value, Literal("3.5", datatype=XSD.decimal)))
    g.add((park, PK.whole, Literal("300", datatype=XSD.decimal)))
    g.add((park, PK.flag, Literal(True)))
    g.add((park, PK.ratio, Literal(1.5e3)))
    g.add((park, PK.date, Literal("2025-01-01", datatype=XSD.date)))
    g.add((park, PK.plain, Literal("plain")))
    g.add((park, PK.typed, Literal("typed", datatype=XSD.string)))
    g.add((park, EX["odd.local."], URIRef("http://example.org/a%20b?q=1&r=(2)")))
    g.add((park, PK.blank, BNode("b1")))
    g.add((BNode("b1"), PK.label, Literal("blank")))
    g.add((URIRef("urn:x:1"), PK.seeAlso, URIRef("http://example.org/with#hash")))
    return g


def test_turtle_parses_in_rdflib_and_oxigraph_and_is_isomorphic():
    g = _sample()
    text = generate_turtle(g)
    parsed, ox_count = _parse_everywhere(text, "turtle")
    _assert_same(g, parsed)
    assert ox_count == len(g)
    assert "park:suzhougaoxinqu-90e9d7 a pk:HighTechZone, pk:Park ;" in text
    assert "pk:hasCount 4500 ;" in text and "pk:value 3.5 ;" in text and '"300"^^xsd:decimal' in text


def test_ntriples_match_rdflib_and_parse_in_oxigraph():
    g = _sample()
    text = generate_ntriples(g)
    parsed, ox_count = _parse_everywhere(text, "nt")
    _assert_same(g, parsed)
    assert ox_count == len(g)
    assert text.splitlines() == sorted(text.splitlines())


def test_same_triples_same_bytes_whatever_the_insertion_order(tmp_path):
    triples = sorted(_sample(), key=str)
    forward, backward = Graph(), Graph()
    for prefix, ns in (("pk", PK), ("ex", EX)):
        forward.bind(prefix, ns)
        backward.bind(prefix, ns)
    for t in triples:
        forward.add(t)
    for t in reversed(triples):
        backward.add(t)
    write_turtle(forward, tmp_path / "a.ttl")
    write_turtle(backward, tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    write_graph(forward, tmp_path / "a.nt")
    write_graph(backward, tmp_path / "b.nt")
    assert (tmp_path / "a.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()


def test_iris_no_parser_accepts_are_percent_encoded():
    g = Graph()
    g.add((EX.a, EX.p, URIRef("http://example.org/a b<c>")))
    parsed, _ = _parse_everywhere(generate_turtle(g), "turtle")
    assert set(parsed.objects(EX.a, EX.p)) == {URIRef("http://example.org/a%20b%3Cc%3E")}


def test_empty_graph():
    assert generate_turtle(Graph()) == "" and generate_ntriples(Graph()) == ""


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
langs = st.sampled_from([None, "zh", "en", "zh-hans"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), texts, langs), min_size=1, max_size=8))
def test_any_string_round_trips(items):
    g = Graph()
    for i, text, lang in items:
        g.add((URIRef(f"https://w3id.org/parkkg/id/park/p{i}"), PK.label, Literal(text, lang=lang)))
    for generate, fmt in ((generate_turtle, "turtle"), (generate_ntriples, "nt")):
        parsed, ox_count = _parse_everywhere(generate(g), fmt)
        _assert_same(g, parsed)
        assert ox_count == len(g)
