"""One count of relations everywhere: kg build, the graph's rdf:Statements, the HTML view and the exports."""
from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main
from kg.graph.export import to_networkx
from kg.graph.network import graph_counts
from kg.graph.query import load_graph_file
from kg.views.html import network_data

TEXTS = {
    "a.txt": "苏州高新区以集成电路和生物医药为主导产业，聚集了华润微电子有限公司等龙头企业。\n\n"
             "苏州高新区重点发展集成电路产业。\n\n"  # a second reading of a relation already read
             "到2025年，苏州高新区集成电路产业规模超300亿元。\n",
    "b.txt": "无锡高新区以集成电路为主导产业，对标苏州高新区。\n",
}


def test_build_view_and_exports_count_the_same_relations(build_texts):
    out, report = build_texts(TEXTS)
    graph = load_graph_file(out / "graph.ttl")
    counts = graph_counts(graph)
    assert report.relations == counts.relations > 0
    assert report.targets == counts.targets > 0 and report.entities == counts.entities
    assert report.readings > report.relations  # the readings merge into fewer facts
    data = network_data(graph)
    assert data["counts"]["relations"] == report.relations
    assert data["counts"]["targetLinks"] == report.targets
    net = to_networkx(graph)
    rels = [d["relation"] for _, _, d in net.edges(data=True)]
    assert len(rels) - rels.count("hasTarget") == report.relations
    assert rels.count("hasTarget") == report.targets


def test_build_prints_counts_and_the_page_address(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "-j", "1", "--no-cache"])
    assert result.exit_code == 0, result.output
    page = (out / "graph.html").resolve().as_uri()
    assert f"view: {page}" in result.output and opened == []
    graph = load_graph_file(out / "graph.ttl")
    assert f" {graph_counts(graph).relations} relations" in result.output
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "-j", "1", "--no-cache", "--open", "-q"])
    assert result.exit_code == 0 and opened == [page]
