"""The RDF layer: build the graph from records, serialise it, query it. Only here (and
in kg.ontology) is rdflib imported."""
