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

PK_NS = "https://w3id.org/parkkg/ontology#"
ENTITY_CLASSES = ("Park", "Industry", "Enterprise", "Platform")


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

NODE_CLASSES = ("Park", "Industry", "Enterprise", "Platform", "Target")  # a node's class: the first it has


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


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


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
    from rdflib import RDF, RDFS, URIRef
    from rdflib.namespace import DCTERMS, PROV, SKOS

    pk = PK_NS
    types: dict = {}
    for s, c in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef) and str(c).startswith(pk):
            types.setdefault(s, set()).add(str(c)[len(pk):])
    nodes = {}
    for node in sorted(types, key=str):
        cls = next((c for c in NODE_CLASSES if c in types[node]), None)
        if cls is None:
            continue
        label = best_label(list(graph.objects(node, SKOS.prefLabel)) or list(graph.objects(node, RDFS.label)))
        label = label or _local(node)
        facts: dict = {}
        if cls == "Target":
            for key, prop in (("metric", "metric"), ("unit", "unit"), ("baseUnit", "baseUnit")):
                value = graph.value(node, URIRef(pk + prop))
                if value is not None:
                    facts[key] = str(value)
            for key, prop in (("value", "targetValue"), ("baseValue", "baseValue")):
                value = graph.value(node, URIRef(pk + prop))
                if value is not None:
                    facts[key] = float(value)
            year = graph.value(node, URIRef(pk + "targetYear"))
            if year is not None:
                facts["year"] = int(year)
        sector = graph.value(node, URIRef(pk + "inSector"))
        if sector is not None:
            facts["sector"] = _local(sector)
        aliases = tuple(sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - {label}))
        nodes[str(node)] = Node(str(node), cls, label, tuple(sorted(types[node])), aliases, facts)

    doc_ids = {doc: str(ident) for doc, ident in graph.subject_objects(DCTERMS.identifier)}
    sentence_p = URIRef(pk + "sentenceText")
    evidence = {}
    for ev, doc in graph.subject_objects(URIRef(pk + "inDocument")):
        evidence[ev] = (doc_ids.get(doc, _local(doc)), str(graph.value(ev, sentence_p) or ""))
    facts_of = {}
    for fact in graph.subjects(RDF.type, RDF.Statement):
        facts_of[(graph.value(fact, RDF.subject), graph.value(fact, RDF.predicate), graph.value(fact, RDF.object))] = fact
    has_target, confidence_p = URIRef(pk + "hasTarget"), URIRef(pk + "confidence")
    edges = []
    for s, p, o in graph:
        if not str(p).startswith(pk) or s == o or str(s) not in nodes or str(o) not in nodes:
            continue
        kind = "target" if nodes[str(o)].cls == "Target" and p == has_target else "relation"
        source = facts_of.get((s, p, o), o if kind == "target" else None)
        evs = tuple(sorted(evidence[e] for e in graph.objects(source, PROV.wasDerivedFrom) if e in evidence)) \
            if source is not None else ()
        confidence = graph.value(source, confidence_p) if source is not None else None
        edges.append(Edge(str(s), str(o), _local(p), kind, None if confidence is None else float(confidence), evs))
    edges.sort(key=lambda e: (e.source, e.relation, e.target))
    return Projection(nodes, tuple(edges))
