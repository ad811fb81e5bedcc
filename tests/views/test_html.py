"""The HTML view without a browser: its data, its escaping, its self-containment."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest

from kg.views.html import (
    CLASS_COLOURS,
    generate_html,
    json_for_script,
    network_data,
    vis_network_js,
    vis_options,
    write_html,
)

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "</script><script>alert(1)</script>",
    "<!--",
    "a\u2028b\u2029c",
    "&lt;&amp;",
]


@pytest.fixture
def two_parks(graph_maker):
    """苏州高新区 (with an alias) leads 集成电路 and hosts 华润微电子; 无锡高新区 benchmarks against it."""
    m = graph_maker
    sz = m.entity("Park", "sz", "苏州高新区", aliases=["苏州国家高新区"], subclass="HighTechZone")
    wx = m.entity("Park", "wx", "无锡高新区")
    ic = m.entity("Industry", "ic", "集成电路")
    crm = m.entity("Enterprise", "crm", "华润微电子")
    m.relation(sz, "hasLeadingIndustry", ic, "doc-1", "苏州高新区以集成电路为主导产业。")
    m.relation(sz, "hasEnterprise", crm, "doc-1", "苏州高新区引进华润微电子。")
    m.relation(wx, "benchmarksAgainst", sz, "doc-2", "无锡高新区对标苏州高新区。")
    m.target(sz, "t1", "集成电路产值", 1000, "亿元", 2025, "doc-1", "到2025年，集成电路产值达到1000亿元。")
    return m.graph


def test_network_data_has_nodes_edges_and_evidence(two_parks):
    data = network_data(two_parks)
    by_label = {n["label"]: n for n in data["nodes"]}
    assert sorted(by_label) == sorted(["苏州高新区", "无锡高新区", "集成电路", "华润微电子", "2025集成电路产值 1000亿元"])
    sz = by_label["苏州高新区"]
    assert sz["cls"] == "Park" and sz["degree"] == 4
    assert sz["kind"] == "园区 · 高新技术产业开发区"
    assert sz["aliases"] == ["苏州国家高新区"]
    assert ["doc-1", "苏州高新区以集成电路为主导产业。"] in sz["evidence"]
    edges = {(by_id["label"], e["rel"], to["label"]): e for e in data["edges"]
             for by_id in [next(n for n in data["nodes"] if n["id"] == e["from"])]
             for to in [next(n for n in data["nodes"] if n["id"] == e["to"])]}
    assert set(edges) == {("苏州高新区", "hasLeadingIndustry", "集成电路"), ("苏州高新区", "hasEnterprise", "华润微电子"),
                          ("无锡高新区", "benchmarksAgainst", "苏州高新区"),
                          ("苏州高新区", "hasTarget", "2025集成电路产值 1000亿元")}
    assert edges[("无锡高新区", "benchmarksAgainst", "苏州高新区")]["relLabel"] == "对标"
    assert edges[("无锡高新区", "benchmarksAgainst", "苏州高新区")]["evidence"] == [["doc-2", "无锡高新区对标苏州高新区。"]]
    target = by_label["2025集成电路产值 1000亿元"]
    assert target["evidence"] == [["doc-1", "到2025年，集成电路产值达到1000亿元。"]]
    counts = {c["id"]: c["count"] for c in data["classes"]}
    assert counts == {"Park": 2, "Industry": 1, "Enterprise": 1, "Platform": 0, "Target": 1}
    assert [c["id"] for c in data["classes"]] == list(CLASS_COLOURS)


def test_a_node_with_two_contract_classes_is_drawn_once(graph_maker):
    m = graph_maker
    node = m.entity("Park", "x", "苏州工业园区")
    m.entity("Platform", "x", "苏州工业园区")  # another IRI; and the same IRI typed twice:
    from rdflib import RDF, URIRef

    m.graph.add((node, RDF.type, URIRef("https://w3id.org/parkkg/ontology#Platform")))
    ids = [n["id"] for n in network_data(m.graph)["nodes"]]
    assert len(ids) == len(set(ids)) == 2


@pytest.mark.parametrize("text", HOSTILE)
def test_json_for_script_round_trips_and_cannot_close_the_script(text):
    encoded = json_for_script({"label": text, "list": [text]})
    assert json.loads(encoded) == {"label": text, "list": [text]}
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert "\u2028" not in encoded and "\u2029" not in encoded


def _hostile_graph(m):
    park = m.entity("Park", "evil", "苏州<script>window.__pwned=1</script>高新区",
                    aliases=['"><img src=x onerror="window.__pwned=1">'])
    ind = m.entity("Industry", "evil", '集成电路"</script><script>alert(1)</script>')
    m.relation(park, "hasLeadingIndustry", ind, 'doc"<b>1</b>',
               '苏州<img src=x onerror="window.__pwned=1">高新区聚焦集成电路产业。\u2028<!--')
    return m.graph


def test_hostile_text_never_reaches_the_page_as_markup(graph_maker):
    page = generate_html(_hostile_graph(graph_maker), title='<script>window.__pwned=1</script>"title')
    page = page.replace(vis_network_js(), "VIS")  # the library's own text mentions "<script>"
    lowered = page.lower()
    assert "window.__pwned" in page  # the text is there, as data ...
    assert "<script>window.__pwned" not in lowered  # ... but never as a tag
    assert "<img" not in lowered
    assert "onerror=\"window" not in lowered
    assert lowered.count("<script") == 3  # the data block, vis-network, the page's script
    assert "<title>&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;title</title>" in page


def test_page_is_self_contained_and_its_policy_allows_only_its_own_scripts(two_parks):
    page = generate_html(two_parks)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    for host in ("jsdelivr", "cloudflare", "unpkg", "bootstrap", "googleapis"):
        assert host not in page.lower()
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_page_is_deterministic(two_parks):
    assert generate_html(two_parks, "t") == generate_html(two_parks, "t")


def test_empty_graph_gives_a_page(graph_maker):
    page = generate_html(graph_maker.graph)
    assert '"nodes":[]' in page


def test_large_graphs_get_a_cheaper_layout():
    small, large = vis_options(50, 60), vis_options(2000, 3000)
    assert small["layout"]["improvedLayout"] and not large["layout"]["improvedLayout"]
    assert large["interaction"]["hideEdgesOnDrag"]
    assert large["physics"]["stabilization"]["enabled"]


def test_write_html_replaces_the_file_atomically(two_parks, tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old", encoding="utf-8")
    write_html(two_parks, target, title="新")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def _page_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="pk-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


def test_categorical_node_properties_become_filters_without_code(graph_maker):
    """A catalogue property (any short pk: literal or IRI with few values) is a filter; names and numbers are not."""
    from rdflib import Literal, URIRef

    from kg.views.html import MAX_ATTRIBUTE_VALUES

    m = graph_maker
    pk = "https://w3id.org/parkkg/ontology#"
    parks = [m.entity("Park", f"p{i}", f"园区{i}") for i in range(4)]
    for i, park in enumerate(parks):
        m.graph.add((park, URIRef(pk + "zoneKind"), URIRef(f"{pk}zone{i % 2}")))
        m.graph.add((park, URIRef(pk + "someNumber"), Literal(i)))
    m.graph.add((URIRef(pk + "zone0"), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("国家级", lang="zh")))
    for i in range(MAX_ATTRIBUTE_VALUES + 1):  # too many values: a name, not a category
        m.graph.add((m.entity("Enterprise", f"e{i}", f"企业{i}"), URIRef(pk + "code"), Literal(f"c{i}")))
    data = network_data(m.graph, labels={})
    assert [a["key"] for a in data["attributes"]] == ["zoneKind"]
    zone = data["attributes"][0]
    assert zone["classes"] == ["Park"] and sorted(v["label"] for v in zone["values"]) == ["zone1", "国家级"]
    assert {n["label"]: n["attrs"] for n in data["nodes"] if n["cls"] == "Park"}["园区0"] == {"zoneKind": [pk + "zone0"]}


def test_isolated_nodes_hidden_by_default_only_on_big_graphs(graph_maker, large_graph):
    from kg.views.html import HIDE_ISOLATED_ABOVE

    graph_maker.entity("Enterprise", "lone", "孤立企业")
    small = _page_data(generate_html(graph_maker.graph))
    assert small["view"]["minDegree"] == 0
    big = _page_data(generate_html(large_graph(HIDE_ISOLATED_ABOVE * 2)))
    assert big["view"]["minDegree"] == 1 and big["view"]["topLabels"] > 0


def test_relations_and_target_links_are_counted_apart(graph_maker):
    m = graph_maker
    sz = m.entity("Park", "sz", "苏州高新区")
    m.relation(sz, "hasIndustry", m.entity("Industry", "ic", "集成电路"))
    m.target(sz, "t1", "产值", 100, "亿元", 2025)
    m.entity("Enterprise", "lone", "孤立企业")
    data = network_data(m.graph)
    assert data["counts"] == {"nodes": 4, "relations": 1, "targetLinks": 1, "isolated": 1}
    assert sorted(e["kind"] for e in data["edges"]) == ["relation", "target"]


def test_title_names_the_corpus_not_its_path(graph_maker):
    from rdflib import RDF, Literal, URIRef
    from rdflib.namespace import DCTERMS, XSD

    from kg.views.html import corpus_title

    g = graph_maker.graph
    for i, date in enumerate(["2023-07-05", "2023-08-19", "记者：某某"]):
        doc = URIRef(f"https://w3id.org/parkkg/id/doc/{i}")
        g.add((doc, RDF.type, URIRef("https://w3id.org/parkkg/ontology#SourceDocument")))
        g.add((doc, DCTERMS.date, Literal(date, datatype=XSD.date) if i < 2 else Literal(date)))
    assert corpus_title(["/home/me/data/park_news.jsonl"], g) == "parkkg · park_news · 3 篇文档 · 2023-07-05 – 2023-08-19"
    assert "/home" not in corpus_title(["/home/me/seeds/"])


def test_catalogue_level_and_type_of_a_park_are_filters_and_in_its_tooltip():
    from rdflib import Graph

    from kg.views.html import network_data

    g = Graph().parse(data="""
    @prefix pk: <https://w3id.org/parkkg/ontology#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    <urn:a> a pk:Park ; skos:prefLabel "甲高新区"@zh ; pk:catalogueZone <urn:za> ; pk:hasIndustry <urn:i> .
    <urn:b> a pk:Park ; skos:prefLabel "乙开发区"@zh ; pk:catalogueZone <urn:zb> ; pk:hasIndustry <urn:i> .
    <urn:i> a pk:Industry ; skos:prefLabel "集成电路"@zh .
    <urn:za> pk:zoneLevel "national" ; pk:zoneClass pk:HighTechZone .
    <urn:zb> pk:zoneLevel "provincial" ; pk:zoneClass pk:ProvincialEconomicDevelopmentZone .
    """, format="turtle")
    data = network_data(g)
    keys = {a["key"] for a in data["attributes"]}
    assert {"zoneLevel", "zoneClass"} <= keys
    park = next(n for n in data["nodes"] if n["label"] == "甲高新区")
    assert park["attrs"]["zoneLevel"] == ["national"]


def test_the_page_inlines_the_script_and_style_files_as_they_are():
    """kg/views/assets/app.js and page.css travel with the package and reach the page byte for byte."""
    from importlib import resources

    from rdflib import Graph

    from kg.views.html import generate_html

    assets = resources.files("kg.views").joinpath("assets")
    page = generate_html(Graph())
    assert f"<script>\n{assets.joinpath('app.js').read_text(encoding='utf-8')}</script>" in page
    assert f"<style>\n{assets.joinpath('page.css').read_text(encoding='utf-8')}</style>" in page
