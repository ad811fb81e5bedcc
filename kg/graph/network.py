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
