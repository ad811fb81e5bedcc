"""What the graph counts as a relation, a target and an entity: one definition for every tool.

A **relation** is one ``pk:`` property between two entities, stated once in the graph as the triple
and described by exactly one ``rdf:Statement`` (its evidence, confidence and extractor), however many
sentences said it; the extractor's readings (one per sentence, per role word) are merged into it.
A **target** is a ``pk:Target`` node, linked to its park by ``pk:hasTarget``; that link is a *target
link*, not a relation. ``kg build`` prints these counts, the HTML view's status line shows them, and the
network exports (GEXF, GraphML, CSV) have one edge per relation plus one per target link.
``docs/graph-model.md`` describes the whole contract.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix pk: <https://w3id.org/parkkg/ontology#> .
... @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
... <urn:p> a pk:Park ; pk:hasIndustry <urn:i> ; pk:hasTarget <urn:t> .
... <urn:i> a pk:Industry . <urn:t> a pk:Target .
... <urn:f> a rdf:Statement ; rdf:subject <urn:p> ; rdf:predicate pk:hasIndustry ; rdf:object <urn:i> .
... ''', format="turtle")
>>> graph_counts(g)
GraphCounts(entities=2, relations=1, targets=1)
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.lexicon import CONTRACT_CLASSES
from kg.namespace import PK_NS, local_name
from kg.types import ENTITY_CLASSES


@dataclass(frozen=True)
class GraphCounts:
    """Entities (parks, industries, enterprises, platforms), relations and targets of a graph."""

    entities: int
    relations: int
    targets: int


def relation_count(graph) -> int:
    """The number of relations: the ``rdf:Statement`` facts (one per subject, property, object)."""
    from rdflib import RDF

    return sum(1 for _ in graph.subjects(RDF.type, RDF.Statement))


def graph_counts(graph) -> GraphCounts:
    """Entities, relations and targets as every parkkg tool counts them."""
    from rdflib import RDF, URIRef

    entities = set()
    for cls in ENTITY_CLASSES:
        entities.update(graph.subjects(RDF.type, URIRef(PK_NS + cls)))
    targets = set(graph.subjects(RDF.type, URIRef(PK_NS + "Target")))
    return GraphCounts(len(entities), relation_count(graph), len(targets))


# ---------------------------------------------------------------- the one RDF -> network projection

NODE_CLASSES = CONTRACT_CLASSES  # a node's class: the first of these it has


@dataclass(frozen=True)
class Node:
    """An entity or target as a network node.

    `types` are all its ``pk:`` classes; `facts` hold a target's ``metric``, ``unit``, ``baseUnit``
    (text), ``value``, ``baseValue`` (float) and ``year`` (int), and any node's ``sector`` (the local
    name of its taxonomy concept), each only when the graph has it.
    """

    iri: str
    cls: str
    label: str
    types: tuple
    aliases: tuple
    facts: dict


@dataclass(frozen=True)
class Edge:
    """A relation (kind ``relation``) or a park's link to its target (kind ``target``).

    `evidence` holds (document id, sentence) pairs, sorted; `confidence` is None when the graph has none.
    """

    source: str
    target: str
    relation: str
    kind: str
    confidence: float | None
    evidence: tuple


@dataclass(frozen=True)
class Projection:
    """The network of a graph: nodes by IRI (sorted), edges sorted by (source, relation, target)."""

    nodes: dict
    edges: tuple

    def evidence_of(self, iri: str) -> set:
        """The evidence of a node: that of its relations, and a target's own."""
        items = set()
        for e in self.edges:
            if (e.kind == "relation" and iri in (e.source, e.target)) or (e.kind == "target" and e.target == iri):
                items.update(e.evidence)
        return items


def best_label(values) -> str:
    """The name to show: a Chinese-tagged label first, then an untagged one, then any; ties by text.

    >>> from rdflib import Literal
    >>> best_label([Literal("Suzhou", lang="en"), Literal("苏州", lang="zh"), Literal("苏")])
    '苏州'
    """
    def rank(lit):
        lang = getattr(lit, "language", None) or ""
        return (0 if lang.startswith("zh") else 1 if not lang else 2, str(lit))

    values = sorted(values, key=rank)
    return str(values[0]) if values else ""


def project(graph) -> Projection:
    """The entities and targets of `graph` as nodes, the direct ``pk:`` triples between them as edges.

    The one projection of the graph onto a network: the exports (GEXF, GraphML, Neo4j CSV), the HTML
    view and the analytics all start from it, so they show the same nodes and count the same edges.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ... @prefix pk: <https://w3id.org/parkkg/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <urn:p> a pk:Park, pk:HighTechZone ; skos:prefLabel "甲园"@zh ; pk:hasIndustry <urn:i> .
    ... <urn:i> a pk:Industry ; skos:prefLabel "集成电路"@zh .
    ... ''', format="turtle")
    >>> net = project(g)
    >>> [(n.label, n.cls, n.types) for n in net.nodes.values()]
    [('集成电路', 'Industry', ('Industry',)), ('甲园', 'Park', ('HighTechZone', 'Park'))]
    >>> [(e.relation, e.kind, e.confidence) for e in net.edges]
    [('hasIndustry', 'relation', None)]
    """
    types = _pk_types(graph)
    nodes = {}
    for node in sorted(types, key=str):
        cls = next((c for c in NODE_CLASSES if c in types[node]), None)
        if cls is not None:
            nodes[str(node)] = _node(graph, node, cls, types[node])
    edges = _edges(graph, nodes)
    return Projection(nodes, tuple(sorted(edges, key=lambda e: (e.source, e.relation, e.target))))


def _pk_types(graph) -> dict:
    """IRI node -> the local names of its ``pk:`` classes."""
    from rdflib import RDF, URIRef

    types: dict = {}
    for s, c in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef) and str(c).startswith(PK_NS):
            types.setdefault(s, set()).add(str(c)[len(PK_NS):])
    return types


def _node(graph, node, cls: str, types: set) -> Node:
    """One node: its best label (else its local name), its other names and its facts."""
    from rdflib import RDFS, URIRef
    from rdflib.namespace import SKOS

    label = best_label(list(graph.objects(node, SKOS.prefLabel)) or list(graph.objects(node, RDFS.label)))
    label = label or local_name(node)
    facts = _target_facts(graph, node) if cls == "Target" else {}
    sector = graph.value(node, URIRef(PK_NS + "inSector"))
    if sector is not None:
        facts["sector"] = local_name(sector)
    aliases = tuple(sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - {label}))
    return Node(str(node), cls, label, tuple(sorted(types)), aliases, facts)


_TARGET_TEXTS = (("metric", "metric"), ("unit", "unit"), ("baseUnit", "baseUnit"))
_TARGET_NUMBERS = (("value", "targetValue"), ("baseValue", "baseValue"))


def _target_facts(graph, node) -> dict:
    """A target's metric, units (text), values (float) and year (int), each only when the graph has it."""
    from rdflib import URIRef

    facts: dict = {}
    for key, prop in _TARGET_TEXTS + _TARGET_NUMBERS:
        value = graph.value(node, URIRef(PK_NS + prop))
        if value is not None:
            facts[key] = str(value) if (key, prop) in _TARGET_TEXTS else float(value)
    year = graph.value(node, URIRef(PK_NS + "targetYear"))
    if year is not None:
        facts["year"] = int(year)
    return facts


def _evidence_index(graph) -> dict:
    """Evidence node -> (document id, sentence)."""
    from rdflib import URIRef
    from rdflib.namespace import DCTERMS

    doc_ids = {doc: str(ident) for doc, ident in graph.subject_objects(DCTERMS.identifier)}
    sentence_p = URIRef(PK_NS + "sentenceText")
    return {ev: (doc_ids.get(doc, local_name(doc)), str(graph.value(ev, sentence_p) or ""))
            for ev, doc in graph.subject_objects(URIRef(PK_NS + "inDocument"))}


def _statements(graph) -> dict:
    """(subject, property, object) -> the ``rdf:Statement`` that describes it."""
    from rdflib import RDF

    return {(graph.value(fact, RDF.subject), graph.value(fact, RDF.predicate), graph.value(fact, RDF.object)): fact
            for fact in graph.subjects(RDF.type, RDF.Statement)}


def _edges(graph, nodes: dict) -> list:
    """The direct ``pk:`` triples between two different nodes, each with its evidence and confidence.

    A relation's evidence and confidence are on its ``rdf:Statement``; a target link's on the target.
    """
    from rdflib import URIRef
    from rdflib.namespace import PROV

    evidence = _evidence_index(graph)
    facts_of = _statements(graph)
    has_target, confidence_p = URIRef(PK_NS + "hasTarget"), URIRef(PK_NS + "confidence")
    edges = []
    for s, p, o in graph:
        if not str(p).startswith(PK_NS) or s == o or str(s) not in nodes or str(o) not in nodes:
            continue
        kind = "target" if nodes[str(o)].cls == "Target" and p == has_target else "relation"
        source = facts_of.get((s, p, o), o if kind == "target" else None)
        evs, confidence = (), None
        if source is not None:
            evs = tuple(sorted(evidence[e] for e in graph.objects(source, PROV.wasDerivedFrom) if e in evidence))
            confidence = graph.value(source, confidence_p)
        edges.append(Edge(str(s), str(o), local_name(p), kind, None if confidence is None else float(confidence), evs))
    return edges
