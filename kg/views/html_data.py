"""The HTML view's data: nodes, edges, classes, filters and corpus facts as plain, sorted dicts.

`network_data` is what the page's script reads (and what tests and notebooks
read); it starts from `kg.graph.network.project`, the projection the exports and
the analytics use, so the page shows the same nodes and counts the same edges.
"""
from __future__ import annotations

import re
from collections import defaultdict

from kg.errors import OntologyError
from kg.namespace import PK_NS
from kg.views.html_attributes import node_attributes
from kg.views.palette import CLASS_COLOURS, CLASS_NAMES_ZH

MAX_EVIDENCE = 3  # evidence sentences shown per node or edge
MAX_SENTENCE = 200  # characters of a sentence shown in a tooltip


def ontology_labels() -> dict:
    """Chinese labels of the ontology's classes and properties (local name -> label).

    They come from ``ontology/parkkg.ttl`` through the lexicon, so renaming a class
    there renames it in the view; the built-in names are used only if the ontology
    cannot be read.

    >>> ontology_labels()["Park"]
    '园区'
    """
    try:
        from kg.ontology import load_lexicon

        labels = dict(load_lexicon().class_labels)
    except OntologyError:  # pragma: no cover - the ontology ships with the package
        labels = {}
    for cls, name in CLASS_NAMES_ZH.items():
        labels.setdefault(cls, name)
    return labels


def network_data(graph, labels: dict | None = None) -> dict:
    """The page's data as plain, sorted dicts: classes, nodes, edges.

    Nodes are the instances of the contract classes (`CLASS_COLOURS`); edges are
    the direct ``pk:`` triples between them. Evidence (document id, sentence)
    comes from the ``rdf:Statement`` of each relation and from a target's
    ``prov:wasDerivedFrom``; a node shows the evidence of its relations.
    """
    from kg.graph.network import project

    labels = ontology_labels() if labels is None else labels
    net = project(graph)
    nodes = {iri: _view_node(n, labels) for iri, n in net.nodes.items()}
    node_evidence = defaultdict(set)
    edges = {}
    for e in net.edges:
        if e.kind == "relation":
            node_evidence[e.source].update(e.evidence)
        node_evidence[e.target].update(e.evidence)
        edges[(e.source, e.relation, e.target)] = {
            "from": e.source, "to": e.target, "rel": e.relation, "relLabel": labels.get(e.relation, e.relation),
            "kind": e.kind, "confidence": 1.0 if e.confidence is None else round(e.confidence, 3),
            "evidence": _shown(e.evidence)}
        nodes[e.source]["degree"] += 1
        nodes[e.target]["degree"] += 1
    for iri, node in nodes.items():
        node["evidence"] = _shown(node_evidence.get(iri, ()))

    attributes = node_attributes(graph, nodes, labels)
    kinds = defaultdict(int)
    for edge in edges.values():
        kinds[edge["kind"]] += 1
    return {"classes": _class_table(nodes, labels), "attributes": attributes,
            "counts": {"nodes": len(nodes), "relations": kinds["relation"], "targetLinks": kinds["target"],
                       "isolated": sum(1 for n in nodes.values() if n["degree"] == 0)},
            "corpus": corpus_facts(graph),
            "nodes": sorted(nodes.values(), key=lambda n: (n["label"], n["id"])),
            "edges": [edges[k] for k in sorted(edges)]}


def _view_node(n, labels: dict) -> dict:
    """A projected node as the page draws it; its kind names all its classes, its own first."""
    kinds = [t for t in n.types if t != n.cls]
    kind = " · ".join([labels.get(n.cls, n.cls)] + [labels.get(k, k) for k in kinds])
    return {"id": n.iri, "label": n.label, "cls": n.cls, "kind": kind, "aliases": list(n.aliases),
            "degree": 0, "evidence": []}


def _shown(items) -> list:
    """At most MAX_EVIDENCE (document id, sentence) pairs, sentences cut to MAX_SENTENCE characters."""
    return [list(x) for x in sorted({(doc, sentence[:MAX_SENTENCE]) for doc, sentence in items if sentence})
            ][:MAX_EVIDENCE]


def _class_table(nodes: dict, labels: dict) -> list[dict]:
    """The legend: every drawn class with its label, colour and number of nodes, in `CLASS_COLOURS` order."""
    counts = defaultdict(int)
    for node in nodes.values():
        counts[node["cls"]] += 1
    return [{"id": cls, "label": labels.get(cls, cls), "colour": colour, "count": counts[cls]}
            for cls, colour in CLASS_COLOURS.items()]


_ISO_DATE = re.compile(r"^[12][0-9]{3}-[01][0-9]-[0-3][0-9]")


def corpus_facts(graph) -> dict:
    """How many source documents the graph was built from, and the first and last date among them."""
    from rdflib import RDF, URIRef
    from rdflib.namespace import DCTERMS

    docs = set(graph.subjects(RDF.type, URIRef(PK_NS + "SourceDocument")))
    dates = sorted(str(d)[:10] for doc in docs for d in graph.objects(doc, DCTERMS.date)
                   if _ISO_DATE.match(str(d)))
    return {"documents": len(docs), "first": dates[0] if dates else "", "last": dates[-1] if dates else ""}
