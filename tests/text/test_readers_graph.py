"""Document metadata reaches the graph as Dublin Core terms; one entity across scripts and formats."""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from kg.build import build

pytest.importorskip("trafilatura")
pytest.importorskip("opencc")
docx = pytest.importorskip("docx")

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
PK = Namespace("https://w3id.org/parkkg/ontology#")


@pytest.fixture(scope="module")
def graph(tmp_path_factory, pipeline):
    src = tmp_path_factory.mktemp("src")
    shutil.copy(DATA / "article.html", src / "article.html")
    shutil.copy(DATA / "twin.txt", src / "twin.txt")
    shutil.copy(DATA / "twin_traditional.txt", src / "traditional.txt")
    document = docx.Document()
    document.core_properties.title = "园区产业报告"
    document.core_properties.created = datetime.datetime(2023, 12, 1)
    document.add_paragraph("苏州工业园区聚焦生物医药、纳米技术应用、人工智能等新兴产业。")
    document.save(str(src / "report.docx"))
    out = tmp_path_factory.mktemp("out")
    report = build([src], out, html=False, pipeline=pipeline)
    assert report.documents == 4 and report.skipped == []
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def doc_node(g, identifier):
    [node] = g.subjects(DCTERMS.identifier, Literal(identifier))
    return node


def test_web_page_metadata_is_dublin_core(graph):
    page = doc_node(graph, "article")
    assert (page, RDF.type, PK.SourceDocument) in graph
    assert graph.value(page, DCTERMS.title) == Literal("苏州工业园区新兴产业观察", lang="zh")
    assert graph.value(page, DCTERMS.date) == Literal("2024-05-08", datatype=XSD.date)
    sources = set(graph.objects(page, DCTERMS.source))
    assert URIRef("https://news.example.cn/parks/2024/05/sip-emerging.html") in sources
    assert any(str(s).endswith("article.html") for s in sources if isinstance(s, Literal))
    assert graph.value(page, PK.documentFormat) == Literal("html")


def test_word_and_text_formats_are_recorded(graph):
    report = doc_node(graph, "report")
    assert graph.value(report, PK.documentFormat) == Literal("docx")
    assert graph.value(report, DCTERMS.title) == Literal("园区产业报告", lang="zh")
    assert graph.value(report, DCTERMS.date) == Literal("2023-12-01", datatype=XSD.date)
    assert graph.value(doc_node(graph, "twin"), PK.documentFormat) == Literal("text")


def test_one_park_across_scripts_and_formats_with_evidence_as_written(graph):
    parks = set(graph.subjects(SKOS.prefLabel, Literal("苏州工业园区", lang="zh")))
    assert len(parks) == 1
    [park] = parks
    mentioned = {str(graph.value(d, DCTERMS.identifier)) for d in graph.objects(park, PK.mentionedIn)}
    assert mentioned == {"article", "report", "traditional", "twin"}
    assert not set(graph.subjects(SKOS.prefLabel, Literal("蘇州工業園區", lang="zh")))
    texts = {str(t) for t in graph.objects(None, PK.sentenceText)}
    assert any("蘇州工業園區" in t for t in texts)  # the traditional document's evidence, as written
