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
