"""The network exports: GEXF (Gephi), GraphML (Gephi, yEd, Cytoscape) and Neo4j CSV.

They hold the entities (parks, industries, enterprises, platforms, targets) as
nodes with ``label`` and ``class``, and the relations between them as edges with
``relation``, ``confidence`` and the first evidence sentence; all start from
`kg.graph.network.project`, the one projection of the graph onto a network.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field


@dataclass
class Network:
    """Entities and relations as plain data, the shape every network format is written from."""

    nodes: dict = field(default_factory=dict)  # iri -> attributes
    edges: list = field(default_factory=list)  # (source iri, target iri, attributes), sorted


def network(graph) -> Network:
    """The entities of the contract classes and the pk: relations between them (`kg.graph.network.project`).

    Each edge carries its ``relation``, its ``confidence``, the first of its evidence sentences
    (``evidence``) and the ids of the documents they come from (``documents``).
    """
    from kg.graph.network import project

    projection = project(graph)
    net = Network()
    for iri, node in projection.nodes.items():
        net.nodes[iri] = {"label": node.label, "class": node.cls, "types": ";".join(node.types), "iri": iri,
                          **node.facts}
    for e in projection.edges:
        attrs = {"relation": e.relation}
        if e.confidence is not None:
            attrs["confidence"] = e.confidence
        if e.evidence:
            attrs["evidence"] = min(sentence for _, sentence in e.evidence)
            attrs["documents"] = ";".join(sorted({doc for doc, _ in e.evidence}))
        net.edges.append((e.source, e.target, attrs))
    return net


def to_networkx(graph):
    """A networkx MultiDiGraph of :func:`network`, nodes and edges in sorted order."""
    import networkx as nx

    net = network(graph)
    g = nx.MultiDiGraph(name="parkkg")
    for iri in sorted(net.nodes):
        g.add_node(iri, **net.nodes[iri])
    for s, o, attrs in net.edges:
        g.add_edge(s, o, key=attrs["relation"], **attrs)
    return g


def generate_gexf(graph) -> str:
    """GEXF 1.2 for Gephi (node label and class, edge relation); no modification date, so it is stable."""
    import networkx as nx

    buf = io.BytesIO()
    nx.write_gexf(to_networkx(graph), buf, encoding="utf-8")
    text = buf.getvalue().decode("utf-8")
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)


def generate_graphml(graph) -> str:
    """GraphML for Gephi, yEd and Cytoscape."""
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


NODE_COLUMNS = ("uri:ID", "name", ":LABEL", "class", "sector", "metric", "value:double", "unit",
                "baseValue:double", "baseUnit", "year:int")
EDGE_COLUMNS = (":START_ID", ":END_ID", ":TYPE", "confidence:double", "evidence", "documents:string[]")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_cell(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula: one starting with = + - @ (or tab, CR) gets a quote.

    Excel, WPS and LibreOffice evaluate ``=HYPERLINK(...)`` in a CSV cell; a leading
    apostrophe makes them show the text. Numbers are written apart and never touched.

    >>> neutralise_cell("=SUM(A1)工业园区"), neutralise_cell("苏州高新区")
    ("'=SUM(A1)工业园区", '苏州高新区')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def generate_neo4j_csv(graph) -> tuple[str, str]:
    """(nodes.csv, edges.csv) in the header format of ``neo4j-admin database import``.

    Node labels are the node's pk: classes (``Park;HighTechZone``); relationship
    types are the property names (``hasLeadingIndustry``); arrays use ``;``.
    """
    net = network(graph)

    def text(rows, header):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buf.getvalue()

    def clean(value) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, int):
            return str(value)
        return neutralise_cell(re.sub(r"\s+", " ", str(value)).strip())

    node_rows = []
    for iri in sorted(net.nodes):
        a = net.nodes[iri]
        node_rows.append([iri, clean(a["label"]), a["types"], a["class"], clean(a.get("sector")),
                          clean(a.get("metric")), clean(a.get("value")), clean(a.get("unit")),
                          clean(a.get("baseValue")), clean(a.get("baseUnit")), clean(a.get("year"))])
    edge_rows = [[s, o, a["relation"], clean(a.get("confidence")), clean(a.get("evidence")),
                  clean(a.get("documents"))] for s, o, a in net.edges]
    return text(node_rows, NODE_COLUMNS), text(edge_rows, EDGE_COLUMNS)
