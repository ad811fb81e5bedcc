"""What a graph states, in the terms the scorer compares (entities, relations, industry roles, targets).

The graph is read together with the ontology, so that subclasses and subproperties
count as the contract's classes and properties.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.evaluate.rules import ENTITY_TYPES, RELATIONS, ROLES, norm
from kg.namespace import PK_NS


@dataclass(frozen=True)
class Prediction:
    """What a graph states, in the terms the scorer compares."""

    entities: dict  # node -> (contract class, set of normalised names)
    relations: frozenset  # (subject node, contract property, object node)
    roles: dict  # (park node, industry node) -> role property
    targets: tuple  # dicts: park, value, unit, year, metric


def _subclasses(g, cls) -> set:
    from rdflib import RDFS

    return set(g.transitive_subjects(RDFS.subClassOf, cls))


def _subproperties(g, prop) -> set:
    from rdflib import RDFS

    return set(g.transitive_subjects(RDFS.subPropertyOf, prop))


def _names_of(g, node, kind: str) -> set:
    from rdflib import RDFS
    from rdflib.namespace import SKOS

    labels = set(g.objects(node, RDFS.label)) | set(g.objects(node, SKOS.prefLabel))
    labels |= set(g.objects(node, SKOS.altLabel))
    return {norm(x, kind) for x in labels if str(x).strip()}


def predicted(g) -> Prediction:
    """Entities, relations and targets as graph `g` (read with its ontology) states them."""
    from rdflib import RDF, URIRef

    def pk(local: str) -> URIRef:
        return URIRef(PK_NS + local)

    entities: dict = {}
    for kind in ENTITY_TYPES:
        for cls in _subclasses(g, pk(kind)):
            for node in g.subjects(RDF.type, cls):
                if node not in entities:
                    entities[node] = (kind, _names_of(g, node, kind))
    relations = set()
    for rel in RELATIONS:
        for prop in _subproperties(g, pk(rel)):
            for s, o in g.subject_objects(prop):
                relations.add((s, rel, o))
    roles: dict = {}
    for role in ROLES:
        for prop in _subproperties(g, pk(role)):
            for s, o in g.subject_objects(prop):
                roles[(s, o)] = role
    targets = []
    for prop in _subproperties(g, pk("hasTarget")):
        for park, t in g.subject_objects(prop):
            year = g.value(t, pk("targetYear"))
            try:
                year = int(str(year)[:4]) if year is not None else None
            except ValueError:
                year = None
            targets.append({"park": park, "node": t, "value": g.value(t, pk("targetValue")),
                            "unit": g.value(t, pk("unit")), "year": year,
                            "metric": str(g.value(t, pk("metric")) or "")})
    # a stable order, so that greedy matching and the reports do not depend on hashing
    targets.sort(key=lambda t: (str(t["park"]), str(t["node"])))
    return Prediction(entities, frozenset(relations), roles, tuple(targets))
