"""The catalogue CSVs as RDF: scripts/build_catalogue.py and kg.graph.catalogue."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.errors import InputError
from kg.graph.catalogue import ZONE, parse_kfq_csv, split_industries
from kg.ontology_read import zones_from_graph

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "catalogue"
PK = Namespace("https://w3id.org/parkkg/ontology#")
QUDT = Namespace("http://qudt.org/schema/qudt/")

KFQ = """序号,代码,开发区名称,省份,城市/区县,批准级别,开发区类型,批准时间,核准面积_公顷,主导产业
1,G111001,北京经济技术开发区,北京市,北京,国务院,经济技术开发区,1994.08,3980.0,汽车、电子信息、装备制造
2,G313031,上海松江出口加工区及B区,上海市,松江,国务院,海关特殊监管区域,2000.04/2002.12,596.0,电子信息、仓储物流
1,S377018,山东淄川经济开发区,山东省,淄博市,省政府,经济开发区,2006.04,500.0,陶瓷、机械电子。
2,S377018,山东临淄经济开发区,山东省,淄博市,省政府,经济开发区,2006.04,,在建
"""
NEW_AREAS = """序号,名称,省份,获批日期,备注
1,上海浦东新区,上海市,1992-10-11,
"""


@pytest.fixture(scope="module")
def build_catalogue(load_script):
    return load_script("build_catalogue")


@pytest.fixture
def small(tmp_path, build_catalogue):
    src = tmp_path / "catalogue"
    src.mkdir()
    (src / "kfq2018.csv").write_text(KFQ, encoding="utf-8")
    (src / "national_new_areas.csv").write_text(NEW_AREAS, encoding="utf-8")
    out = tmp_path / "catalogue.ttl"
    counts = build_catalogue.build(src, out, ROOT / "ontology")
    g = Graph().parse(out, format="turtle")
    return src, out, counts, g


def test_one_node_per_zone_with_its_facts(small):
    _, _, counts, g = small
    assert (counts.zones, counts.national, counts.provincial, counts.new_areas) == (4, 2, 2, 1)
    zones = set(g.subjects(RDF.type, PK.CatalogueZone))
    assert len(zones) == 5
    z = URIRef(ZONE + "G111001")
    assert g.value(z, SKOS.prefLabel) == Literal("北京经济技术开发区", lang="zh")
    assert g.value(z, SKOS.notation) == Literal("G111001")
    assert g.value(z, PK.zoneClass) == PK.EconomicDevelopmentZone
    assert g.value(z, PK.zoneLevel) == Literal("national")
    assert g.value(z, PK.approvalDate) == Literal("1994-08", datatype=XSD.gYearMonth)
    assert g.value(z, PK.inProvince) == URIRef("https://w3id.org/parkkg/region/110000")
    area = g.value(z, PK.approvedArea)
    assert g.value(area, QUDT.numericValue).toPython() == 3980
    assert g.value(area, QUDT.unit) == URIRef("http://qudt.org/vocab/unit/HA")
    assert URIRef("https://w3id.org/parkkg/industry/automobiles") in set(g.objects(z, PK.catalogueIndustry))


def test_the_source_is_recorded_in_the_graph(small):
    _, _, _, g = small
    dataset = g.value(URIRef(ZONE + "G111001"), PROV.wasDerivedFrom)
    assert "2018年第4号" in str(g.value(dataset, DCTERMS.source))
    new_area = URIRef(ZONE + "NNA01")
    assert g.value(new_area, PK.zoneClass) == PK.StateLevelNewArea
    assert g.value(new_area, PK.approvalDate) == Literal("1992-10", datatype=XSD.gYearMonth)
    assert "Wikipedia" in str(g.value(g.value(new_area, PROV.wasDerivedFrom), DCTERMS.source))


def test_source_quirks_shared_code_two_dates_unmatched_industries(small):
    _, _, counts, g = small
    # the code S377018 is carried by two zones: both kept, the second by name order gets -2
    names = {str(g.value(URIRef(ZONE + iri), SKOS.prefLabel)) for iri in ("S377018", "S377018-2")}
    assert names == {"山东临淄经济开发区", "山东淄川经济开发区"}
    two = URIRef(ZONE + "G313031")
    assert g.value(two, PK.approvalDate) == Literal("2000-04", datatype=XSD.gYearMonth)
    assert g.value(two, PK.approvalDateAsListed) == Literal("2000.04/2002.12")
    assert g.value(two, PK.zoneClass) == PK.SpecialCustomsSupervisionArea
    # an industry the taxonomy does not know stays as a literal, and is counted
    texts = {str(o) for o in g.objects(None, PK.catalogueIndustryText)}
    assert "机械电子" in texts and "机械电子。" not in texts
    assert counts.industries_unmatched == len(list(g.triples((None, PK.catalogueIndustryText, None))))
    # 在建 (under construction) is no industry; no area gives no area node
    linzi = [z for z in g.subjects(SKOS.prefLabel, Literal("山东临淄经济开发区", lang="zh"))][0]
    assert g.value(linzi, PK.approvedArea) is None
    assert not list(g.objects(linzi, PK.catalogueIndustry)) and not list(g.objects(linzi, PK.catalogueIndustryText))


def test_conversion_is_deterministic(small, tmp_path, build_catalogue):
    src, out, _, _ = small
    again = tmp_path / "again.ttl"
    build_catalogue.build(src, again, ROOT / "ontology")
    assert again.read_bytes() == out.read_bytes()


def test_zones_read_back_as_records(small):
    _, _, _, g = small
    g.parse(ROOT / "ontology" / "regions.ttl", format="turtle")  # the province's name comes from its region
    zones = zones_from_graph(g)
    assert [z.code for z in zones][:2] == ["G111001", "G313031"]
    z = zones[0]
    assert (z.name, z.province, z.level, z.cls) == ("北京经济技术开发区", "北京市", "national", "EconomicDevelopmentZone")


def test_bad_rows_say_what_to_fix():
    with pytest.raises(InputError, match="approval date"):
        parse_kfq_csv(KFQ.replace("1994.08", "1994年8月"))
    with pytest.raises(InputError, match="unknown zone type"):
        parse_kfq_csv(KFQ.replace(",经济技术开发区,1994", ",保税物流中心,1994"))
    with pytest.raises(InputError, match="expected the columns"):
        parse_kfq_csv("a,b\n1,2\n")


def test_split_industries_drops_stray_stops_and_placeholders():
    assert split_industries("陶瓷、机械电子。") == ("陶瓷", "机械电子")
    assert split_industries("在建") == ()


def test_missing_folder_exits_2(tmp_path, capsys, build_catalogue):
    assert build_catalogue.main([str(tmp_path / "nowhere"), "-o", str(tmp_path / "c.ttl")]) == 2
    assert "kfq2018.csv" in capsys.readouterr().err


def test_shipped_catalogue_counts(lexicon):
    """ontology/catalogue.ttl as shipped: 2,543 catalogue zones (552 national) and 19 new areas."""
    coded = [z for z in lexicon.zones if z.code]
    assert len(coded) == 2543
    assert sum(1 for z in coded if z.level == "national") == 552
    assert sum(1 for z in lexicon.zones if z.cls == "StateLevelNewArea") == 19


@pytest.mark.skipif(not (SHARED / "kfq2018.csv").is_file(), reason="needs ../shared/catalogue")
def test_real_conversion_is_the_shipped_file(tmp_path, build_catalogue):
    out = tmp_path / "catalogue.ttl"
    counts = build_catalogue.build(SHARED, out, ROOT / "ontology")
    assert (counts.zones, counts.national, counts.provincial, counts.new_areas) == (2543, 552, 1991, 19)
    assert out.read_bytes() == (ROOT / "ontology" / "catalogue.ttl").read_bytes()


def test_shipped_catalogue_conforms_to_the_shapes():
    from kg.graph.validate import validate_graph

    g = Graph().parse(ROOT / "ontology" / "catalogue.ttl", format="turtle")
    report = validate_graph(g)
    assert report.conforms, report.summary()


def test_a_zone_with_an_unknown_level_breaks_the_shapes():
    from kg.graph.validate import validate_graph

    g = Graph().parse(ROOT / "ontology" / "catalogue.ttl", format="turtle")
    z = URIRef(ZONE + "G111001")
    g.set((z, PK.zoneLevel, Literal("city")))
    assert not validate_graph(g).conforms
