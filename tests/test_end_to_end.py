"""A seed page end to end: build, parse the Turtle strictly, and trace every fact to its sentence."""
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.namespace import PROV, SKOS

PK = Namespace("https://w3id.org/parkkg/ontology#")
SEED = Path(__file__).resolve().parent.parent / "seeds" / "002_7086d1a1ed220ad7.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("e2e")
    report = build([SEED], out, html=True)
    return out, report


def test_build_writes_turtle_and_html(built):
    out, report = built
    assert report.documents == 1 and not report.skipped
    assert (out / "graph.ttl").stat().st_size > 0
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "https://cdn" not in html and "<script src=\"http" not in html


def test_turtle_parses_in_rdflib_and_pyoxigraph(built):
    import pyoxigraph

    out, _ = built
    data = (out / "graph.ttl").read_bytes()
    g = Graph().parse(data=data, format="turtle")
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g) > 100


def test_the_page_yields_its_park_and_some_of_each_class(built):
    out, _ = built
    g = Graph().parse(out / "graph.ttl")
    labels = {cls: {str(g.value(n, SKOS.prefLabel)) for n in g.subjects(RDF.type, PK[cls])}
              for cls in ("Park", "Industry", "Enterprise", "Platform", "Target")}
    assert "吴江经开区" in labels["Park"] or "吴江开发区" in labels["Park"]
    assert {"电子信息", "生物医药"} <= labels["Industry"]
    assert len(labels["Enterprise"]) >= 3 and len(labels["Platform"]) >= 1


def test_every_fact_traces_back_to_its_sentence(built):
    from kg.pipeline import prepare
    from kg.text.readers import read_path

    out, _ = built
    g = Graph().parse(out / "graph.ttl")
    doc = prepare(next(iter(read_path(SEED))))
    facts = list(g.subjects(RDF.type, RDF.Statement))
    assert facts
    for fact in facts:
        s, p, o = g.value(fact, RDF.subject), g.value(fact, RDF.predicate), g.value(fact, RDF.object)
        assert (s, p, o) in g
        evidence = list(g.objects(fact, PROV.wasDerivedFrom))
        assert evidence and g.value(fact, PK.confidence) is not None and g.value(fact, PK.extractedBy) is not None
        for ev in evidence:
            start, end = int(g.value(ev, PK.startOffset)), int(g.value(ev, PK.endOffset))
            assert doc.text[start:end] == str(g.value(ev, PK.sentenceText))
            raw_start = int(g.value(ev, PK.rawStartOffset))
            assert doc.raw_text[raw_start] == doc.text[start]


def test_no_blank_nodes_and_ascii_iris(built):
    from rdflib import BNode, URIRef

    out, _ = built
    g = Graph().parse(out / "graph.ttl")
    for triple in g:
        assert not any(isinstance(t, BNode) for t in triple)
        assert all(str(t).isascii() for t in triple if isinstance(t, URIRef))
