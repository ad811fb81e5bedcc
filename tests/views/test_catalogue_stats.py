"""kg stats by the catalogue's province, level and type (kg.views.catalogue_stats)."""
from __future__ import annotations

from click.testing import CliRunner
from rdflib import Graph, URIRef

from kg.cli import main
from kg.graph.catalogue import Zone
from kg.views.catalogue_stats import CATALOGUE_ZONE, catalogue_summary, generate_catalogue_report

Z = "https://w3id.org/parkkg/zone/"
ZONES = {
    Z + "G1": Zone(Z + "G1", "G1", "甲经济技术开发区", "江苏省", "", "national", "EconomicDevelopmentZone"),
    Z + "G2": Zone(Z + "G2", "G2", "乙高新技术产业开发区", "江苏省", "", "national", "HighTechZone"),
    Z + "S1": Zone(Z + "S1", "S1", "丙经济开发区", "浙江省", "", "provincial", "ProvincialEconomicDevelopmentZone"),
}


def tiny():
    g = Graph()
    for park, zone in (("p1", "G1"), ("p2", "G2"), ("p3", "S1"), ("p4", "S1")):
        g.add((URIRef("urn:" + park), URIRef(CATALOGUE_ZONE), URIRef(Z + zone)))
    g.add((URIRef("urn:p5"), URIRef(CATALOGUE_ZONE), URIRef(Z + "unknown")))  # not a zone of the catalogue
    return g


def test_counts_by_province_level_and_type():
    s = catalogue_summary(tiny(), ZONES)
    assert (s.linked_parks, s.zones) == (4, 3)
    assert s.by_province == [("江苏省", 2, 0), ("浙江省", 0, 2)]
    assert s.by_level == [("national", 2), ("provincial", 2)]
    assert s.by_type[0] == ("ProvincialEconomicDevelopmentZone", 2)
    text = generate_catalogue_report(s, {"HighTechZone": "高新技术产业开发区"})
    assert "| 江苏省 | 2 | 0 |" in text and "| 高新技术产业开发区 (HighTechZone) | 1 |" in text


def test_kg_stats_writes_catalogue_md_for_a_linked_graph(tmp_path, build_texts):
    out, _ = build_texts({"a.txt": "北京经济技术开发区聚焦汽车产业。\n"}, html=False)
    result = CliRunner().invoke(main, ["stats", str(out / "graph.ttl"), "-o", str(tmp_path), "--no-plots"])
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "catalogue.md") in result.output.splitlines()
    assert "| 北京市 | 1 | 0 |" in (tmp_path / "catalogue.md").read_text(encoding="utf-8")
