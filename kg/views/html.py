"""An interactive HTML network of the graph, made with pyvis, that works offline.

pyvis' "in_line" mode embeds vis-network but still links Bootstrap and other
assets on CDNs; this view strips every external reference so the page opens
with no network at all. Node colours and the legend follow the ontology class;
hovering a node or edge shows its name, class and evidence sentence. All text
is HTML-escaped before it reaches the page.
"""
from __future__ import annotations

import html
import json
import re
from collections import defaultdict

from kg.graph.serialize import atomic_write_text

CLASS_COLOURS = {
    "Park": "#1f77b4",
    "Industry": "#2ca02c",
    "Enterprise": "#ff7f0e",
    "Platform": "#9467bd",
    "Target": "#d62728",
}
CLASS_NAMES_ZH = {"Park": "园区", "Industry": "产业", "Enterprise": "企业", "Platform": "平台", "Target": "目标"}

_NODES_QUERY = """
PREFIX pk: <https://w3id.org/parkkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?node ?cls ?label WHERE {
  VALUES ?cls { pk:Park pk:Industry pk:Enterprise pk:Platform pk:Target }
  ?node a ?cls .
  OPTIONAL { ?node skos:prefLabel ?pref }
  OPTIONAL { ?node rdfs:label ?rlabel }
  BIND(COALESCE(?pref, ?rlabel, STR(?node)) AS ?label)
}
"""

_EDGES_QUERY = """
PREFIX pk: <https://w3id.org/parkkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?s ?p ?o ?sentence ?doc WHERE {
  ?fact a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?fact prov:wasDerivedFrom ?ev . ?ev pk:sentenceText ?sentence ; pk:inDocument ?d .
             ?d dcterms:identifier ?doc }
}
"""

_TARGET_EDGES_QUERY = """
PREFIX pk: <https://w3id.org/parkkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?park ?t ?sentence ?doc WHERE {
  ?park pk:hasTarget ?t .
  OPTIONAL { ?t prov:wasDerivedFrom ?ev . ?ev pk:sentenceText ?sentence ; pk:inDocument ?d .
             ?d dcterms:identifier ?doc }
}
"""


def graph_to_network(graph) -> tuple[list[dict], list[dict]]:
    """Nodes and edges (plain dicts, sorted) for the contract classes and their relations."""
    nodes = {}
    for row in graph.query(_NODES_QUERY):
        node, cls, label = str(row.node), str(row.cls).rsplit("#", 1)[-1], str(row.label)
        nodes.setdefault(node, {"id": node, "cls": cls, "label": label})
    evidence = defaultdict(list)
    edges = {}
    for row in graph.query(_EDGES_QUERY):
        s, p, o = str(row.s), str(row.p).rsplit("#", 1)[-1], str(row.o)
        if s in nodes and o in nodes:
            edges[(s, p, o)] = {"from": s, "to": o, "label": p}
            if row.sentence is not None:
                evidence[(s, p, o)].append((str(row.doc), str(row.sentence)))
                evidence[s].append((str(row.doc), str(row.sentence)))
                evidence[o].append((str(row.doc), str(row.sentence)))
    for row in graph.query(_TARGET_EDGES_QUERY):
        s, o = str(row.park), str(row.t)
        if s in nodes and o in nodes:
            edges[(s, "hasTarget", o)] = {"from": s, "to": o, "label": "hasTarget"}
            if row.sentence is not None:
                evidence[(s, "hasTarget", o)].append((str(row.doc), str(row.sentence)))
                evidence[o].append((str(row.doc), str(row.sentence)))
    for node in nodes.values():
        node["evidence"] = sorted(set(evidence.get(node["id"], [])))[:3]
    for key, edge in edges.items():
        edge["evidence"] = sorted(set(evidence.get(key, [])))[:3]
    return sorted(nodes.values(), key=lambda n: n["id"]), [edges[k] for k in sorted(edges)]


def _tooltip(title: str, cls: str, evidence) -> str:
    parts = [f"<b>{html.escape(title)}</b><br><i>{html.escape(CLASS_NAMES_ZH.get(cls, cls))} · {html.escape(cls)}</i>"]
    for doc, sentence in evidence:
        parts.append(f"<br>〔{html.escape(doc)}〕{html.escape(sentence[:160])}")
    return "".join(parts)


def generate_html(graph, title: str = "parkkg") -> str:
    """A self-contained HTML page for `graph` (no external requests)."""
    from pyvis.network import Network

    nodes, edges = graph_to_network(graph)
    net = Network(height="820px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    for n in nodes:
        net.add_node(n["id"], label=n["label"], color=CLASS_COLOURS.get(n["cls"], "#7f7f7f"),
                     title=_tooltip(n["label"], n["cls"], n["evidence"]), group=n["cls"],
                     shape="dot", size=18 if n["cls"] == "Park" else 11)
    for e in edges:
        net.add_edge(e["from"], e["to"], title=_tooltip(e["label"], "relation", e["evidence"]),
                     label=e["label"], arrows="to")
    net.set_options(json.dumps({
        "physics": {"stabilization": {"enabled": True, "iterations": 300}, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -40}},
        "interaction": {"hover": True, "tooltipDelay": 120},
        "edges": {"font": {"size": 9}, "smooth": False},
        "layout": {"randomSeed": 7},
    }))
    page = net.generate_html()
    return _make_self_contained(page, title, nodes)


_EXTERNAL = re.compile(r"<(?:link|script)[^>]+(?:href|src)=[\"']https?://[^>]*>(?:\s*</script>)?", re.I)


def _make_self_contained(page: str, title: str, nodes) -> str:
    page = _EXTERNAL.sub("", page)
    counts = defaultdict(int)
    for n in nodes:
        counts[n["cls"]] += 1
    legend = "".join(
        f'<span class="pk-legend-item"><span class="pk-dot" style="background:{colour}"></span>'
        f'{html.escape(CLASS_NAMES_ZH[cls])} {html.escape(cls)} ({counts.get(cls, 0)})</span>'
        for cls, colour in CLASS_COLOURS.items())
    header = (f'<div class="pk-header"><h1>{html.escape(title)}</h1><div class="pk-legend">{legend}</div></div>'
              "<style>body{font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;margin:0}"
              ".pk-header{padding:8px 14px;border-bottom:1px solid #ddd}.pk-header h1{font-size:18px;margin:0 0 6px}"
              ".pk-legend-item{margin-right:14px;font-size:13px}.pk-dot{display:inline-block;width:10px;height:10px;"
              "border-radius:5px;margin-right:4px}</style>")
    page = page.replace("<body>", "<body>" + header, 1)
    page = page.replace("<title></title>", f"<title>{html.escape(title)}</title>")
    # stop the physics once the layout has settled, so large graphs stay responsive
    page = page.replace("network = new vis.Network(container, data, options);",
                        "network = new vis.Network(container, data, options);\n"
                        "                  network.once('stabilizationIterationsDone', function () {"
                        " network.setOptions({physics: false}); });", 1)
    return page


def write_html(graph, path, title: str = "parkkg") -> None:
    atomic_write_text(path, generate_html(graph, title))
