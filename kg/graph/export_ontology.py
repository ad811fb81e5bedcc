"""ontology.ttl for Protégé: every ontology file merged, every property and class it uses declared.

Protégé (the OWL API) reads an undeclared IRI as whatever its first use suggests
and warns; declaring each one keeps the ontology in OWL 2 DL. A property used
under one of ours (``pk:inDocument`` ⊑ ``dcterms:isPartOf``) gets the kind of
ours; other vocabulary properties (SKOS labels, Dublin Core, PROV) become
annotation properties; things used as classes become classes.
"""
from __future__ import annotations

from kg.graph.export_formats import ExportError


def ontology_graph(ontology_dir=None, graph=None):
    """All ontology files merged into one graph, with every property and class they use declared.

    With `graph`, the properties and classes the graph uses are declared as well.
    """
    from kg.errors import OntologyError
    from kg.ontology import load_graph

    try:
        g = load_graph(ontology_dir)
    except OntologyError as exc:
        raise ExportError(str(exc)) from exc
    used = _used(g.predicates(), graph.predicates() if graph is not None else ())
    _declare_super_properties(g)
    _declare_annotation_properties(g, used)
    _declare_classes(g, _class_uses(g, graph))
    return g


def generate_ontology(ontology_dir=None, graph=None) -> str:
    """ontology.ttl: the merged, fully declared ontology as deterministic Turtle."""
    from kg.graph.serialize import generate_turtle

    return generate_turtle(ontology_graph(ontology_dir, graph))


def _is_builtin(term) -> bool:
    """RDF, RDFS, OWL and XSD terms (and anything not an IRI) are never declared."""
    import rdflib
    from rdflib import OWL, RDF, RDFS, XSD

    return not isinstance(term, rdflib.URIRef) or str(term).startswith((str(RDF), str(RDFS), str(OWL), str(XSD)))


def _property_kinds() -> tuple:
    from rdflib import OWL

    return OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty


def _declared(g, term) -> bool:
    """Whether `term` is already declared a property of some kind in `g`."""
    from rdflib import RDF

    return any((term, RDF.type, kind) in g for kind in _property_kinds())


def _used(*predicate_lists) -> set:
    return {p for predicates in predicate_lists for p in predicates if not _is_builtin(p)}


def _declare_super_properties(g) -> None:
    """A super-property nobody declared takes the kind of its sub-property."""
    from rdflib import RDF, RDFS

    added = []
    for sub, sup in sorted(g.subject_objects(RDFS.subPropertyOf)):
        if _is_builtin(sup) or _declared(g, sup):
            continue
        kind = next((k for k in _property_kinds() if (sub, RDF.type, k) in g), None)
        if kind is not None:
            added.append((sup, RDF.type, kind))
    for triple in added:
        g.add(triple)


def _declare_annotation_properties(g, used: set) -> None:
    """Every other property used (SKOS labels, Dublin Core, PROV) becomes an annotation property."""
    from rdflib import OWL, RDF

    for p in sorted(used):
        if not _declared(g, p):
            g.add((p, RDF.type, OWL.AnnotationProperty))


def _class_uses(g, graph) -> set:
    """Whatever is used as a class: a superclass, a domain, an object property's range, an rdf:type."""
    from rdflib import OWL, RDF, RDFS

    uses = set(g.objects(None, RDFS.subClassOf)) | set(g.objects(None, RDFS.domain))
    uses |= {o for s, o in g.subject_objects(RDFS.range) if (s, RDF.type, OWL.ObjectProperty) in g}
    uses |= set(g.objects(None, RDF.type))
    if graph is not None:
        uses |= set(graph.objects(None, RDF.type))
    return uses


def _declare_classes(g, uses: set) -> None:
    from rdflib import OWL, RDF

    for c in sorted(uses):
        if _is_builtin(c) or (c, RDF.type, OWL.Class) in g or _declared(g, c):
            continue
        g.add((c, RDF.type, OWL.Class))
